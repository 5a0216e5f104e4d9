"""`simulate` says when its games' agreements were signed: by the round of their venue, and how
many in a venue's last round (an author read it only in tournament's column, or counted it over
watched games). `--json` gives each game's, as the game holds them."""

from __future__ import annotations

import json
from collections import Counter

from game.ai.selfplay import play
from game.scenario import bundled, load_scenario
from game.sim.simulate import game_seed
from tests.cli_runner import run_main


def test_each_games_signings_are_the_games_and_the_line_counts_them() -> None:
    name, games = "astana-to-sochi", 12
    scenario = load_scenario(bundled()[name])
    data = json.loads(run_main("simulate", name, "--games", str(games), "--json").stdout)
    counted: Counter[tuple[str, int]] = Counter()
    for i, result in enumerate(data["results"]):
        state = play(scenario, game_seed(0, i), {}).state  # every seat normal, as the run plays it
        want = [{"venue": scenario.venues[a.venue].id, "round": a.round} for a in state.agreements]
        assert result["signed"] == want
        counted.update((s["venue"], s["round"]) for s in want)
    venues = [v.id for v in scenario.venues]
    assert {v for v, _ in counted} == set(venues), "both venues signed something: nothing tested"
    rounds = {v.id: v.rounds for v in scenario.venues}
    last = sum(n for (v, r), n in counted.items() if r >= rounds[v])
    parts = [
        f"{v} round {r}: {n}" for (v, r), n in sorted(counted.items(), key=lambda c: (venues.index(c[0][0]), c[0][1]))
    ]
    line = f"when signed: {', '.join(parts)}; in the venue's last round: {last} of {sum(counted.values())} signings"
    text = run_main("simulate", name, "--games", str(games)).stdout.splitlines()
    assert line in text


def test_a_single_venue_names_no_venue_and_a_run_without_a_deal_says_so() -> None:
    text = run_main("simulate", "astana-8", "--games", "5").stdout
    line = next(s for s in text.splitlines() if s.startswith("when signed: "))
    assert line.startswith("when signed: round ") and "astana" not in line
    # the two parties walk out at their first turn: nothing is ever signed
    seats = ("--seat", "opposition=walk-out", "--seat", "government=walk-out")
    text = run_main("simulate", "astana-8", "--games", "3", *seats).stdout
    assert "when signed: nothing was signed" in text.splitlines()
