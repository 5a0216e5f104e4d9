"""Rebuild the example saves in this folder: `python saves/make_examples.py`.

- astana-8-history.yaml: Astana 8 played as it really went: at the closing round Russia tables the
  detainee working group and the date of the Sochi congress, and every signatory answers as its
  own (normal-level) agent chooses: the historical outcome is a deal each of them takes on its
  merits. Otherwise the delegations make the statements and meetings the record suggests and pass,
  so nothing else is agreed before the round ends;
- astana-8-ai.yaml, sochi-congress-ai.yaml: AI-only games at the normal level.
"""

from __future__ import annotations

from pathlib import Path

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import Meet, Pass, Propose, Respond, Statement, view_for
from game.saves import Session, save
from game.scenario import bundled, load_scenario

HERE = Path(__file__).resolve().parent


def session(name: str, seed: int) -> Session:
    path = bundled()[name]
    scenario = load_scenario(path)
    seats = {d.id: "ai:normal" for d in scenario.delegations}
    return Session.new(scenario, path.read_bytes(), seed, seats, name)


def history() -> Session:
    # The game's seed draws the delegations' real preferences (the file's spreads): with some
    # draws one side finds the historical text below its walk-away value and refuses it; this
    # seed's draw is one where, as in reality, every signatory signs.
    s = session("astana-8", 1)
    ids = [d.id for d in s.scenario.delegations]
    # What each delegation does at its first turn in a round, as far as the record shows.
    script = {
        (1, "opposition"): Statement("opposition", "conciliatory", "turkey"),
        (1, "government"): Statement("government", "hardline", "opposition"),
        (2, "un"): Meet("un", "russia"),
        (6, "russia"): Propose(
            "russia",
            (("detainees", "working_group"), ("sochi_congress", "date_and_preparation")),
            ("government", "opposition", "turkey", "iran"),
        ),
    }
    agent = chooser("normal")
    done: set[tuple[int, str]] = set()
    while not s.state.over:
        state = s.state
        actor = ids[state.actor]
        owed = [p for p in state.proposals if p.response_of(state.actor) == 0]
        if owed:
            # the delegation's own choice: its agent answers what is owed before anything else
            decision = agent(view_for(state, state.actor), agent_rng(state))
            assert isinstance(decision.action, Respond), decision
            s.play(decision.action, decision.reason)
            continue
        key = (state.round, actor)
        if key in script and key not in done and not state.closing:
            done.add(key)
            s.play(script[key])
            continue
        s.play(Pass(actor))
    return s


def ai_game(name: str, seed: int) -> Session:
    s = session(name, seed)
    while not s.state.over:
        state = s.state
        decision = chooser("normal")(view_for(state, state.actor), agent_rng(state))
        s.play(decision.action, decision.reason)  # the save keeps what each side said of its move
    return s


def main() -> None:
    for game, name in ((history(), "astana-8-history"), (ai_game("astana-8", 7), "astana-8-ai")):
        print(save(game, HERE, name), game.state.outcome)
    print(save(ai_game("sochi-congress", 7), HERE, "sochi-congress-ai"))


if __name__ == "__main__":
    main()
