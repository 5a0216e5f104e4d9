"""Many AI-only games of one scenario, judged against the best possible deals.

A run is a pure function of (scenario, games, seed, seats): games are spread over worker
processes with `jobs`, and the results are put back in order, so the output is the same
whatever the number of jobs.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from game.ai.selfplay import Played, play
from game.analysis import Analysis, analyze, settled_at_opening
from game.analysis.history import compare as compare_history
from game.analysis.history import history_match
from game.collecting import fewer_collections
from game.engine import state_hash
from game.engine.model import Scenario
from game.engine.rng import MASK, mix
from game.engine.state import State
from game.engine.utility import outcome_utility, settled_value
from game.saves import Session, safe_name, save
from game.saves.write import remove_left_by_dead
from game.sim.ahead import rehearse_ahead
from game.sim.pool import note, parallel_imap
from game.sim.seating import game_choosers, game_in_play, seat_label, stop_hung_moves

# Per process: the analyses of the scenarios met last, most recent last. A worker judges one
# scenario many times; a long process (play --watch, test-scenario over many files) meets many
# versions of them, so only the last few are kept.
_judges: OrderedDict[str, Analysis] = OrderedDict()
_JUDGES_KEPT = 8


def game_seed(base: int, index: int) -> int:
    """The seed of game `index` of a run: spread out, so base seeds 0 and 1 share no games."""
    return mix((base * 0x9E3779B97F4A7C15 + index) & MASK) >> 33


def rounds_played(game: Played) -> int:
    return sum(1 for r in game.records if r.kind == "round")


def judge_for(scenario: Scenario, opening: tuple[int, ...] | None = None) -> Analysis:
    """The file's last venue judged by the file's numbers, with `opening` (as
    game.analysis.settled_at_opening gives it) what the game's earlier venues had settled when it
    opened: with those issues at their status quo instead, a campaign's deals were measured
    against a Nash point no game could reach."""
    key = f"{scenario.content_hash}{scenario.id}{opening}"
    judge = _judges.pop(key, None)
    if judge is None:
        judge = analyze(scenario, len(scenario.venues) - 1, opening)
    _judges[key] = judge
    while len(_judges) > _JUDGES_KEPT:
        _judges.popitem(last=False)
    return judge


def judgement(judge: Analysis, settled: tuple[int, ...], agenda: tuple[int, ...]) -> dict[str, float | None]:
    """How a game's result compares with the best possible: the Pareto gap and the Nash
    distance, of the result as the rules score it (open issues at the walk-away value)."""
    utilities = judge.space.result_utilities(settled, agenda)
    distance = judge.nash_distance(utilities)
    return {
        "pareto_gap": round(judge.pareto_gap(utilities), 4),
        "nash_distance": None if distance is None else round(distance, 4),
    }


def run_game(
    scenario: Scenario,
    seed: int,
    seats: Mapping[int, str],
    save_to: tuple[Path, bytes, str] | None = None,
    detail: bool = False,
) -> dict[str, Any]:
    """One game, as the plain data `simulate --json` prints; saved too if `save_to` is given
    (the folder, the scenario file's bytes, and the name to save under); with `detail`, also
    what scenario tests read (see `details`)."""
    game = play(scenario, seed, game_choosers(scenario, seats, seed))
    state = game.state
    if save_to is not None:
        _save(scenario, seed, seats, game, *save_to)
    # who signed something: in a campaign, a delegation that sat only at a venue without a deal
    # signed nothing, and no deal it did not sign can be held against its walk-away value
    signed = sorted({d for agreement in state.agreements for d in agreement.parties})
    # the game's own delegations: their real preferences, drawn for this seed around the file's
    real = state.scenario.delegations
    status_quo = [issue.status_quo for issue in scenario.issues]
    verdict = (
        judgement(judge_for(scenario, settled_at_opening(state)), state.settled, state.agenda)
        if state.agreements
        else {"pareto_gap": None, "nash_distance": None}
    )
    return {
        "seed": seed,
        "outcome": state.outcome,
        "venues": list(state.venue_outcomes),
        "rounds": rounds_played(game),
        "actions": len(game.actions),
        "final_state_hash": state_hash(state),
        "agreement": {
            scenario.issues[i].id: scenario.issues[i].options[o].id for i, o in enumerate(state.settled) if o >= 0
        },
        # where and in which round of its venue each agreement was signed: whether deals come
        # before the last round is what an author tunes a table's time for (docs/SCENARIOS.md)
        "signed": [{"venue": scenario.venues[a.venue].id, "round": a.round} for a in state.agreements],
        "utilities": {d.id: round(outcome_utility(state, k), 4) for k, d in enumerate(real)},
        # each one's walk-away value as the game ended: drawn for this seed around the file's value,
        # then moved by the events and agreements that moved it. The yardstick of `surplus`, given
        # so that utility - walk_away = surplus can be read off (the file's value is not it)
        "walk_away": {d.id: round(d.reservation, 4) for d in real},
        # what the game gave each over its own walk-away value in this game, as the debrief judges
        # a game (tournament measures against the value drawn, before anything moved it)
        "surplus": {d.id: round(outcome_utility(state, k) - d.reservation, 4) for k, d in enumerate(real)},
        # an agreement worth less than walking away to a signatory that signed it
        "below_reservation": sorted(
            real[d].id
            for d in signed
            if settled_value(real[d], state.settled, status_quo, state.agenda) < real[d].reservation - 1e-9
        ),
        "refused_actions": game.refused,
        # the share of the issues history records that this game settled as in reality
        "history_match": _rounded(history_match(scenario, state.settled)),
        "history": {scenario.issues[m.issue].id: m.match for m in compare_history(scenario, state.settled)},
        **verdict,
        **({"detail": details(state)} if detail else {}),
    }


def _rounded(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _mean(xs: list[float | None]) -> float | None:
    known = [x for x in xs if x is not None]
    return round(sum(known) / len(known), 4) if known else None


def details(state: State) -> dict[str, Any]:
    """What a finished game holds beyond its summary: when and where each agreement was made,
    the meters at the end, and the events that fired (with how often)."""
    sc = state.scenario
    ids = [d.id for d in sc.delegations]
    return {
        "agreements": [
            {
                "venue": sc.venues[a.venue].id,
                "round": a.round,
                "package": {sc.issues[i].id: sc.issues[i].options[o].id for i, o in a.package},
            }
            for a in state.agreements
        ],
        "support": dict(zip(ids, state.support, strict=True)),
        "trust": {a: dict(zip(ids, row, strict=True)) for a, row in zip(ids, state.trust, strict=True)},
        "stability": {z.id: s for z, s in zip(sc.zones, state.stability, strict=True)},
        "momentum": state.momentum,
        "fired": {e.id: n for e, n in zip(sc.events, state.fired, strict=True) if n},
        "absent": [d for d, here in zip(ids, state.present, strict=True) if not here],  # at the last venue
    }


def _save(
    scenario: Scenario, seed: int, seats: Mapping[int, str], game: Played, folder: Path, source: bytes, name: str
) -> None:
    levels = {d.id: seat_label(seats.get(k, "normal")) for k, d in enumerate(scenario.delegations)}
    session = Session.new(scenario, source, seed, levels, scenario.id)
    for action, reason in zip(game.actions, game.reasons, strict=True):
        session.play(action, reason)
    # new: the run checked at its start that no save has this name; one that appeared since
    # (another run into the same folder) is never written over
    save(session, folder, name, new=True)


# What every game of a run shares: the scenario, the seats, where to save, the file's bytes and
# whether to give the detail scenario tests read.
Run = tuple[Scenario, dict[int, str], Path | None, bytes, bool]
_run: Run | None = None  # per worker process: the run its batches belong to


def _share(run: Run) -> None:
    """The run, set once in each worker as it is forked: the workers hold the very scenario
    object this process holds, so what is remembered of it here (the hard seats' rehearsals,
    known by its identity when it was built in memory) is found there too."""
    global _run
    _run = run
    stop_hung_moves()


def _batch(games: list[tuple[int, int]]) -> list[dict[str, Any]]:
    assert _run is not None
    return _played(_run, games)


def _played(run: Run, games: list[tuple[int, int]]) -> list[dict[str, Any]]:
    scenario, seats, folder, source, detail = run
    played = []
    with fewer_collections():
        for i, s in games:
            note(game_in_play(scenario, seats, s))  # in a worker: named if the worker ends in it
            saving = None if folder is None else (folder, source, _save_name(scenario, i))
            played.append(run_game(scenario, s, seats, saving, detail))
    return played


def _save_name(scenario: Scenario, index: int) -> str:
    """The name game `index` of a run is saved under with --save-dir."""
    return f"{scenario.id}-{index + 1:04d}"


def summarise(
    scenario: Scenario,
    games: int,
    seed: int,
    seats: Mapping[int, str] | None = None,
    jobs: int = 1,
    save_dir: Path | None = None,
    source: bytes = b"",
    detail: bool = False,
) -> dict[str, Any]:
    """Play the games and summarise them; with `save_dir`, each is also saved there (`source`
    is the scenario file's bytes, which every save embeds); `detail` as in run_game."""
    seats = dict(seats or {})
    seeds = [(i, game_seed(seed, i)) for i in range(games)]
    run: Run = (scenario, seats, save_dir, source, detail)
    # an outside agent plays in a worker even with one job: one that ends its process (os._exit)
    # ended the command with nothing said and status 0 (a researcher's); a worker's end is named
    outside = any(":" in kind for kind in seats.values())
    if (jobs <= 1 or games < 2) and not outside:
        results = _played(run, seeds)
    else:
        rehearse_ahead(scenario, seats, jobs)  # each hard seat once, not once a worker
        size = -(-games // (max(1, jobs) * 4))  # a few batches per worker evens out uneven games
        batches = [seeds[i : i + size] for i in range(0, games, size)]
        played = parallel_imap(_batch, batches, jobs, _share, (run,), isolated=outside)
        try:
            results = [r for batch in played for r in batch]
        except BaseException:
            # the workers were killed (a Ctrl+C, an error), perhaps in the middle of a save:
            # what they were writing goes with them, as it does in this process with one job
            if save_dir is not None:
                remove_left_by_dead(save_dir, {f"{safe_name(_save_name(scenario, i))}.yaml" for i, _ in seeds})
            raise
    return aggregate(scenario, seed, seats, results)


def aggregate(scenario: Scenario, seed: int, seats: Mapping[int, str], results: list[dict[str, Any]]) -> dict[str, Any]:
    """The summary of games already played (as run_game gives them)."""
    games = len(results)
    gaps = [r["pareto_gap"] for r in results if r["pareto_gap"] is not None]
    per_delegation = {}
    for d in scenario.delegations:
        total = sum(r["utilities"][d.id] for r in results)
        per_delegation[d.id] = {
            "mean_utility": round(total / games, 4),
            "mean_walk_away": round(sum(r["walk_away"][d.id] for r in results) / games, 4),
            "mean_surplus": round(sum(r["surplus"][d.id] for r in results) / games, 4),
        }
    return {
        "scenario": scenario.id,
        "games": games,
        "seed": seed,
        "seats": {scenario.delegations[d].id: kind for d, kind in sorted(seats.items())},
        "agreement_rate": round(sum(r["outcome"] == "agreement" for r in results) / games, 4),
        "any_agreement_rate": round(sum(bool(r["agreement"]) for r in results) / games, 4),
        "mean_rounds": round(sum(r["rounds"] for r in results) / games, 3),
        "mean_pareto_gap": round(sum(gaps) / len(gaps), 4) if gaps else None,
        "agreements_below_reservation": sum(bool(r["below_reservation"]) for r in results),
        "history_match": _mean([r["history_match"] for r in results]),
        # the share of games that match history on at least half the issues it records
        "history_half_rate": _mean(
            [None if r["history_match"] is None else float(r["history_match"] >= 0.5) for r in results]
        ),
        "per_delegation": per_delegation,
        "results": results,
    }
