"""A delegation that plays a legal move at random: the floor any real agent must beat.

It draws uniformly over every action the engine would take now (game.engine.legal), proposals
and drafts included (a package and its addressees drawn uniformly), so it never tries a move
the rules refuse and favours no kind of move but by how many there are of it.
"""

from __future__ import annotations

from game.ai.reading import Decision
from game.engine.legal import moves_for
from game.engine.rng import Rng
from game.engine.view import View


def choose_random(view: View, rng: Rng) -> Decision:
    return Decision(moves_for(view).draw(rng), "chosen at random")
