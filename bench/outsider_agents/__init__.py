"""Nine strategies an outside tester wrote in session 45 (6 December 2026) from the docs alone,
as plugged-in agents, to beat the hard agent: eight of them did, somewhere, by more than one
standard error over 300 paired games (docs/lab/agents.md, "Edge of the zone", with the table).
Kept here so that the check can be made again after any change of the agents:

    PYTHONPATH=bench peacetalks tournament SCENARIO --seat ID --games 300 --jobs 2 \\
        --agent outsider_agents.zopa_slow:ZopaSlow --agent outsider_agents.charm:Charm ...

Each is a class given the scenario as written (the file's central numbers, which `peacetalks
analyze` prints to any player), over common.py's reading of a venue's packages by those numbers:

- charm.Charm: a meeting with the least trusting counterpart in round 1, a conciliatory statement
  in round 2, and packages leaving every counterpart 0.05 over its walk-away value;
- early_partial.EarlyPartial: a one-issue deal every side gains from in rounds 1-2, then holds;
- fixed_step.FixedStep: a target falling 0.05 a round from its best, the package leaving the
  others most at that target;
- late_accept.LateAccept: never proposes; refuses rounds 1-2, then takes the first offer above
  walking away;
- logroll.Logroll: gives each counterpart its best option on the issue it weighs most;
- threat_offer.ThreatThenOffer: a hardline statement, then packages leaving the others 0.08;
- tit_for_tat.TitForTat: concedes as much as the best offer put to it improved, and answers a
  public concession with one of its own;
- zopa_edge.ZopaEdge: its best package leaving the others a margin from 0.12 down to 0.02;
- zopa_slow.ZopaSlow: the same from 0.15 down to nothing, accepting only its own offer's worth
  before the deadline (the library's `edge` is this one, written again).
"""
