"""What an agent believes of another delegation's preferences, from what is public.

A frequency model in the manner of the ANAC agents, fed by what the room sees: the options a
delegation puts in its own proposals (an issue on which it never varies matters to it), the
packages it accepts and rejects, its public position (near it is good for it), and, exactly,
what a bilateral meeting revealed of its weights.
"""

from __future__ import annotations

from game.engine.view import View


class Beliefs:
    """Estimated weights and values of every delegation, as seen by one viewer."""

    def __init__(self, view: View, learns: bool) -> None:
        self.view = view
        self.learns = learns
        n = len(view.delegations)
        self._values: dict[tuple[int, int], list[float]] = {}
        self._weights: list[list[float] | None] = [None] * n

    def value(self, who: int, issue: int, option: int) -> float:
        key = (who, issue)
        table = self._values.get(key)
        if table is None:
            table = self._values[key] = self._estimate_values(who, issue)
        return table[option]

    def weight(self, who: int, issue: int) -> float:
        weights = self._weights[who]
        if weights is None:
            weights = self._weights[who] = self._estimate_weights(who)
        return weights[issue]

    def _estimate_values(self, who: int, issue: int) -> list[float]:
        view = self.view
        n = len(view.issues[issue].options)
        span = max(1, n - 1)
        position = view.positions[who][issue]
        by_position = [1.0 - abs(o - position) / span if position >= 0 else 0.5 for o in range(n)]
        if not self.learns:
            return by_position
        offered = view.offered[who][issue]
        top = max(offered)
        by_offers = [c / top for c in offered] if top else by_position
        acc, rej = view.accepted[who][issue], view.rejected[who][issue]
        by_answers = [(a - r) / (a + r + 1) for a, r in zip(acc, rej, strict=True)]
        raw = [0.5 * p + 0.35 * f + 0.15 * x for p, f, x in zip(by_position, by_offers, by_answers, strict=True)]
        low, high = min(raw), max(raw)
        return [(x - low) / (high - low) if high > low else 0.5 for x in raw]

    def _estimate_weights(self, who: int) -> list[float]:
        view = self.view
        n = len(view.issues)
        known = {i: w for subject, i, w in view.learned if subject == who} if self.learns else {}
        guess = [0.0] * n
        for i in range(n):
            if i in known or view.positions[who][i] < 0:
                continue
            guess[i] = 1.0
            offers = view.offered[who][i]
            total = sum(offers)
            if self.learns and total:
                # an issue on which it always asks for the same thing is one it cares about
                guess[i] = 0.5 + max(offers) / total
        rest = max(0.0, 1.0 - sum(known.values()))
        scale = rest / sum(guess) if sum(guess) > 0 else 0.0
        return [known[i] if i in known else guess[i] * scale for i in range(n)]

    def utility(self, who: int, deal: list[int] | tuple[int, ...]) -> float:
        return sum(self.weight(who, i) * self.value(who, i, o) for i, o in enumerate(deal) if self.weight(who, i) > 0)
