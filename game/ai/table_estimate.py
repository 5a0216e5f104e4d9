"""The agents' acceptance estimate as a bettor reads it before its counterpart has answered.

The agents' fit (game.ai.estimate.agent_chance) weighs the proposer's trust in the addressee at
6.13 a unit (`my_trust`): where a proposer trusts its counterpart, as on the random tables, it
reads nearly every package as likely to pass, one that leaves the counterpart nothing over the
deal in force too. At timed-6 d0 the hard agent's first offer left the counterpart nothing
(`share` 0, read at 0.76 from trust alone) where this reading's offer gives it 0.25 to 0.37; the
counterpart refused, and many of those games ended with no deal (docs/lab/agents.md, "The bets and the
estimate on the stated tables", "Trust read with the share").

Trust makes a side take a fair offer, not one that leaves it nothing: before the counterpart
has answered anything at the venue (there is nothing else to read its mood by), this reading
counts the trust term only in proportion to the share the package gives that side of what it
asks for, in full from the share under which people refuse a lopsided offer
(reading.ULTIMATUM_SHARE). At a table of two only: there the counterpart's answer is the whole
bet; at a table of five the walk trades shares among sides most of which read as unlikely
anyway, and the rule moved astana-to-sochi's Turkey by -0.002 (1.6 SE).

It reads the agent's own view only, as the estimate does.
"""

from __future__ import annotations

from game.ai.estimate import FEATURES, calibrated, features, raw_chance
from game.ai.estimate_fit import AGENT_CALIBRATION, AGENT_COEFFICIENTS
from game.ai.reading import ULTIMATUM_SHARE, counterparts
from game.engine.view import View

Package = tuple[tuple[int, int], ...]

_SHARE = FEATURES.index("share")
_MY_TRUST = FEATURES.index("my_trust")


def unanswered(view: View) -> frozenset[int]:
    """At a table of two, the counterpart if it has answered nothing at this venue yet (by the
    public record of answers); else no one."""
    others = counterparts(view)
    if len(others) != 1:
        return frozenset()
    s = others[0]
    here = view.venue_index
    return frozenset() if any(a.who == s and a.venue == here for a in view.answers) else frozenset(others)


def first_offer_chance(view: View, who: int, package: Package) -> float:
    """The agents' chance that `who` accepts `package`, with its trust term weighed by the
    package's share for it, in full from ULTIMATUM_SHARE: the reading for a counterpart that
    `unanswered` names (else the bettor reads agent_chance itself)."""
    if any(option in view.red_lines[who][issue] for issue, option in package):
        return 0.0
    x = list(features(view, who, package))
    x[_MY_TRUST] *= min(1.0, max(0.0, x[_SHARE]) / ULTIMATUM_SHARE)
    return calibrated(raw_chance(AGENT_COEFFICIENTS, tuple(x)), AGENT_CALIBRATION)
