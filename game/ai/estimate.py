"""What a player can estimate of another side's answer, from public information only.

The proposal builder shows it live. It uses the same frequency model the AI uses, so a player
who reads the others well and an AI at the normal level see the same thing.
"""

from __future__ import annotations

import math

from game.ai.opponent import Beliefs
from game.engine.utility import with_package
from game.engine.view import View


def acceptance_chance(view: View, who: int, package: tuple[tuple[int, int], ...]) -> float:
    """The estimated chance (0..1) that `who` accepts `package`, as `view`'s owner sees it.

    Zero across its declared red line; otherwise it grows with the share of what it asks for
    (its public positions) that the package gives it, against how much it is likely still to
    hold out for at this point of the venue.
    """
    if any(option in view.red_lines[who][issue] for issue, option in package):
        return 0.0
    beliefs = Beliefs(view, learns=True)
    after = beliefs.utility(who, with_package(view.deal, package))
    now = beliefs.utility(who, view.deal)
    wanted = list(view.deal)
    for issue, _ in package:
        if view.positions[who][issue] >= 0:
            wanted[issue] = view.positions[who][issue]
    ideal = beliefs.utility(who, wanted)
    # where it asks for nothing more than it has, all that matters is that it loses nothing
    share = (after - now) / (ideal - now) if ideal > now + 1e-9 else float(after >= now - 1e-9)
    holding_out = 0.8 * (1.0 - min(1.0, view.round / view.venue.rounds))
    return 1.0 / (1.0 + math.exp(-8.0 * (share - holding_out)))
