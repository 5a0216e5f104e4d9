"""The debrief's "Your seat, played other ways": what each AI level and each strategy of the
library got in the player's seat in the same game (game.play.other_ways), set beside the
player's own result. Layout only."""

from __future__ import annotations

from rich.text import Text

from game.ai.levels import LEVELS
from game.ai.strategies import STRATEGIES
from game.engine.records import in_sentence
from game.play.headline import Headline
from game.play.other_ways import OtherWay
from game.ui.format import against, shown_gap

_GOOD, _BAD = "green", "red"
PENDING = "Replaying your seat with each AI level and each strategy of the library…"


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def names(kinds: list[str]) -> str:
    """Who got a result: "you", the levels as agents ("the easy and hard agents": a bare "hard"
    in a list of strategies read as one more strategy), then the strategies by name."""
    levels = [k for k in kinds if k in LEVELS]
    parts = [k for k in kinds if k == "you"]
    if levels:
        parts.append(f"the {_listed(levels)} agent{'s' if len(levels) > 1 else ''}")
    return _listed(parts + [k for k in kinds if k != "you" and k not in LEVELS])


def _same(a: float, b: float) -> bool:
    """Equal as the debrief writes results (to four places at most: game.ui.format.against)."""
    return against(a, b)[2] == "at"


def ways_text(
    lines: tuple[Headline, ...], ways: dict[int, tuple[OtherWay, ...]], ended: str, command: str, ids: tuple[str, ...]
) -> Text:
    """Each human seat's other ways, best first, grouped where they gave the same result and the
    same ending; the player's own result among them. `ended`: how the player's game ended;
    `command`: the tournament's command line, with {seat} for the seat's id (`ids`: the
    delegations' ids, by index)."""
    text = Text()
    text.append(
        "This game replayed from its seed with your seat played by each AI level and each scripted "
        "strategy, every other seat as in your game:\n",
        style="dim",
    )
    for h in lines:
        rows = ways.get(h.seat, ())
        if len(lines) > 1:
            text.append(f"As {in_sentence(h.name)}:\n", style="bold")
        if not rows:
            text.append(
                "  nothing to compare with: an outside agent at the table failed in every replay\n", style="dim"
            )
            continue
        groups: list[tuple[float, str, list[str]]] = []  # (result, how it ended, who)
        for kind, utility, how in [("you", h.utility, ended)] + [(w.kind, w.utility, w.ended) for w in rows]:
            same = [g for g in groups if _same(g[0], utility) and g[1] == how]
            if same:
                same[0][2].append(kind)
            else:
                groups.append((utility, how, [kind]))
        groups.sort(key=lambda g: -g[0])  # stable: a tie keeps you first, then the library's order
        summaries = {w.kind: w.summary for w in rows}
        for utility, how, who in groups:
            shown, mark, where = against(utility, h.utility)
            text.append("  • ")
            text.append(shown, style="bold")
            if who[0] != "you":
                text.append(f" ({shown_gap(shown, mark)} on yours)", style=_GOOD if where == "above" else _BAD)
            text.append("  ")
            text.append(names(who), style="bold" if who[0] == "you" else "")
            if len(who) == 1 and who[0] in STRATEGIES and where == "above":
                # what it did, for a strategy that beat the player: the lesson is in the how
                text.append(f" ({summaries[who[0]]})", style="dim")
            text.append(f": {how}\n")
        better = sum(1 for w in rows if w.utility > h.utility and not _same(w.utility, h.utility))
        if better:
            text.append(
                f"{better} of {len(rows)} did better than you in this game. One game is one draw of the news and of "
                f"the others' preferences: `{command.format(seat=ids[h.seat])}` plays each over 300 games.\n",
                style="dim",
            )
        elif len(groups) == 1:
            # a seat the others' moves decided (they signed without it, or nothing could be signed)
            text.append(
                "Every way of playing your seat ended the same here: this game's result was out of your hands.\n",
                style="dim",
            )
        else:
            text.append("Nothing in the library did better than you in this game.\n", style="dim")
    return text
