"""The debrief's "Your seat, played other ways": what each AI level and each strategy of the
library got in the player's seat in the same game (game.play.other_ways), set beside the
player's own result. Layout only."""

from __future__ import annotations

from rich.text import Text

from game.ai.levels import LEVELS
from game.ai.strategies import STRATEGIES
from game.engine.records import in_sentence
from game.play.headline import Headline
from game.play.other_ways import KINDS, OtherWay
from game.ui.format import against, fixed, shown_gap

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
    """Equal as the debrief writes results: to four places (a difference of 2e-8 that rounds
    apart at three read "+0.001 on yours" and counted as doing better)."""
    return round(abs(a - b), 4) < 0.0001


def _places(rows: tuple[OtherWay, ...], yours: float) -> int:
    """The places every figure of a list is written to: as many as tell each result apart from
    yours (game.ui.format.against), the same for every line, so that a gap adds up by hand."""
    return max([2] + [len(against(w.utility, yours)[0].partition(".")[2]) for w in rows if not _same(w.utility, yours)])


def ways_text(
    lines: tuple[Headline, ...],
    ways: dict[int, tuple[OtherWay, ...]],
    ended: str,
    level: str,
    commands: dict[int, str],
) -> Text:
    """Each human seat's other ways, best first, those with one figure and one ending on a line,
    the player's own result among them. `ended`: how the player's game ended; `level`: the AI's
    level in the game; `commands`: by seat, the tournament's command line for it, where one can
    be written (a signatory's seat)."""
    text = Text()
    others = f" (the other players' seats by the {level} agent)" if len(lines) > 1 else ""
    text.append(
        "This game replayed from its seed with your seat played by each AI level and each scripted "
        # "(+0.27 on yours)" was terse to a newcomer: the intro says what the bracket is
        f"strategy, every other seat as in your game{others}; in brackets, each result against yours:\n",
        style="dim",
    )
    listed: set[str] = set()  # the strategies in any list, and those whose line says what they do
    said: set[str] = set()
    for h in lines:
        rows = ways.get(h.seat, ())
        if len(lines) > 1:
            text.append(f"As {in_sentence(h.name)}:\n", style="bold")
        if not rows:
            text.append(
                "  nothing to compare with: an outside agent at the table failed in every replay\n", style="dim"
            )
            continue
        places = _places(rows, h.utility)

        yours = fixed(h.utility, places)
        groups: list[tuple[str, str, list[str]]] = []  # (the figure shown, how it ended, who)
        for kind, utility, how in [("you", h.utility, ended)] + [(w.kind, w.utility, w.ended) for w in rows]:
            shown = yours if _same(utility, h.utility) else fixed(utility, places)
            same = [g for g in groups if g[0] == shown and g[1] == how]
            if same:
                same[0][2].append(kind)
            else:
                groups.append((shown, how, [kind]))
        groups.sort(key=lambda g: -float(g[0]))  # stable: a tie keeps you first, then the library's order
        summaries = {w.kind: w.summary for w in rows}
        told: set[str] = set()  # the strategies whose line says what they do
        for shown, how, who in groups:
            gap = shown_gap(shown, yours)
            text.append("  • ")
            text.append(shown, style="bold")
            if who[0] != "you":
                style = _GOOD if gap.startswith("+") else _BAD if gap.startswith("-") else "dim"
                text.append(f" ({gap} on yours)", style=style)
            text.append("  ")
            text.append(names(who), style="bold" if who[0] == "you" else "")
            if len(who) == 1 and who[0] in STRATEGIES and gap.startswith("+"):
                # what it did, for a strategy that beat the player: the lesson is in the how
                text.append(f" ({summaries[who[0]]})", style="dim")
                told.add(who[0])
            text.append(f": {how}\n")
        better = sum(len(who) for shown, _, who in groups if shown_gap(shown, yours).startswith("+"))
        missing = len(KINDS) - len(rows)
        if missing:
            text.append(
                f"{missing} of {len(KINDS)} replays could not be played: an outside agent at the table failed in them.\n",
                style="dim",
            )
        if better:
            text.append(f"{better} of {len(rows)} did better than you in this game. ", style="dim")
            text.append("One game is one draw of the news and of the others' preferences", style="dim")
            if h.seat in commands:
                text.append(
                    f": `{commands[h.seat]}` plays each over 300 games, the other seats at the normal level",
                    style="dim",
                )
            text.append(".\n", style="dim")
        elif len(groups) == 1:
            # not "out of your hands": the library is a few fixed ways, and other moves may have
            # mattered (a reviewer's random player did better at such a seed)
            text.append(f"Every one of the {len(rows)} ended as you did in this game.\n", style="dim")
        else:
            text.append("Nothing in the library did better than you in this game.\n", style="dim")
        listed.update(w.kind for w in rows if w.kind in STRATEGIES)
        said.update(told)
    untold = sorted(listed - said, key=KINDS.index)
    if untold:
        # the rest in a few words too, in the library's order, once (in hot-seat, under the last
        # list): a newcomer could not tell what "ideal-then-fold, copy-last and edge" had done
        text.append(f"  {'The other strategies' if said else 'The strategies'}:\n", style="dim")
        for kind in untold:
            text.append(f"    - {kind}: {STRATEGIES[kind].summary}\n", style="dim")
    return text
