"""Older save formats, read into today's.

Format 1 was the first draft of the format: the scenario and seed as today, the human seats as a
list, and the actions as lines without turn, round or state hash. It loads by replaying the
actions; the hashes it lacks are computed on the way, so a format-1 save saved again is format 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.saves.codec import EntryError, parse_action
from game.scenario.yamlread import YMap, YSeq

if TYPE_CHECKING:
    from game.saves.read import Header, Planned, Where


def read_v1(doc: YMap, where: Where) -> tuple[Header, list[Planned]]:
    from game.saves.read import Header, Planned, field, read_scenario, read_seed

    name, source, source_mark = read_scenario(doc, where)
    seed = read_seed(doc, where)
    humans = field(doc, "humans", YSeq, where, "the list of human seats")
    actions = field(doc, "actions", YSeq, where, "the list of actions")
    plan: list[Planned] = []
    for k, line in enumerate(actions):
        mark = actions.at(k)
        words = line.split() if isinstance(line, str) else []
        if len(words) < 2:
            raise where.error(mark, f"cannot read action {k + 1}: expected ACTOR ACTION ...")
        try:
            action = parse_action(words[0], words[1:])
        except EntryError as exc:
            raise where.error(mark, f"cannot read action {k + 1}: {exc}") from None
        plan.append(Planned(mark, k + 1, action, None))
    # format 1 named only the human seats; the others were AI at the normal level
    names = tuple(str(h) for h in humans)
    return Header(name, source, source_mark, seed, {}, humans.mark, None, doc.mark, names), plan
