"""The game's hard difficulty seats the hard agent everywhere: its deals must not all wait for
the last round. At astana-8's hard table the government and Russia both played edge, which
refused each other's packages to the deadline (83% of its agreements came in the last round over
100 seeds). Since edge takes what the deadline is likely to bring from a side that holds firm
against it, the hard agent's rehearsal keeps concede-all in Russia's seat, and the table signs
sooner (docs/lab/agents.md, "Edge anticipates the deadline"). This tests the table a player meets,
the book's styles and the agents together."""

from __future__ import annotations

from game.ai.selfplay import play
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers


def test_at_astana_8s_hard_table_most_agreements_come_before_the_last_round() -> None:
    sc = load_scenario(bundled()["astana-8"])
    last = sc.venues[0].rounds
    rounds = []
    for seed in range(40):
        state = play(sc, seed, game_choosers(sc, dict.fromkeys(range(len(sc.delegations)), "hard"), seed)).state
        rounds += [a.round for a in state.agreements]
    assert len(rounds) >= 20  # the table still signs in most games
    assert sum(r == last for r in rounds) <= len(rounds) / 2
