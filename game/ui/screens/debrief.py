"""The debrief: how the game ended, how good the deal was, what concessions bought, and what
really happened. Shown once the game is over, when everything may be revealed.

The figures come from game.play.debrief; this module only lays them out.
"""

from __future__ import annotations

import contextlib
import time
from typing import ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult, RenderResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import get_current_worker

from game.engine.records import in_sentence, listed
from game.play.debrief import (
    NASH_HELP,
    PARETO_HELP,
    PARETO_HELP_CLOSED,
    ConcessionResult,
    Debrief,
    DelegationResult,
    HistoryResult,
    Quality,
    Trajectory,
    agreed_when,
    analysis_for,
    block,
    block_row,
    debrief,
)
from game.play.headline import (
    Difference,
    Headline,
    ai_differences,
    ai_game_ended,
    ai_in_seat,
    ai_level,
    ended,
    headlines,
    results,
)
from game.play.new_game import bundled_file
from game.play.other_ways import OtherWay, other_ways
from game.play.window import Window, window
from game.results import RecordError, add_results
from game.saves import Session
from game.ui.format import against, fixed, pad, score, short, shown_gap
from game.ui.screens.debrief_ways import PENDING, ways_text
from game.ui.widgets.hanging import Hanging

HELP = "q / Esc: back to {back}   r: your record   ↑ ↓ PgUp PgDn Home End: scroll"
_GOOD, _BAD = "green", "red"


def gauge(value: float, mark: float, width: int = 20) -> Text:
    """A bar of `value` in 0..1 with a tick at `mark` (the walk-away value)."""
    filled = round(min(1.0, max(0.0, value)) * width)
    tick = min(width - 1, round(min(1.0, max(0.0, mark)) * width))
    text = Text()
    colour = _GOOD if value >= mark - 1e-9 else _BAD
    for k in range(width):
        if k == tick:
            text.append("┃", style="bold")
        elif k < filled:
            text.append("█", style=colour)
        else:
            text.append("░", style="dim")
    return text


class UtilityChart(Widget):
    """One row per signatory: its utility of the deal in force at the end of every round, as
    block heights (a full block is 1.0), red where it sits below its walk-away value."""

    def __init__(self, trajectory: Trajectory, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.trajectory = trajectory

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.trajectory.series) + 1 + len(self._legend(max(20, width)))

    def _label(self, width: int) -> int:
        """The width of the names' column."""
        return min(max((cell_len(s.name) for s in self.trajectory.series), default=8), max(10, width // 3))

    def _legend(self, width: int) -> list[str]:
        """The key under the chart: on one line where it fits, else two (at 80 columns it ended
        at "red, underlined:")."""
        indent = " " * (self._label(width) + 2)
        scale = f"{block_row((0.25, 0.5, 0.75, 1.0))} = 0.25 0.50 0.75 1.00"
        red = "red, underlined: below walk-away"
        if len(indent) + len(scale) + 2 + len(red) <= width:
            return [f"{indent}{scale}; {red}"]
        return [f"{indent}{scale}", f"{indent}{red}"]

    def render(self) -> RenderResult:
        t = self.trajectory
        width = max(20, self.content_size.width)
        rounds = max(1, len(t.labels))
        tail = 22  # " 0.69 walk-away 0.64 ▅"
        label = self._label(width)
        cell = max(1, min(8, (width - label - 2 - tail) // rounds))
        out = Text(no_wrap=True, overflow="ellipsis")
        for s in t.series:
            out.append(f"{pad(short(s.name, label), label)}  ")
            for v in s.values:
                # underlined as well as red: under NO_COLOR, or on a grey-only terminal, colour
                # alone left the rounds below walk-away nearly invisible
                out.append(block(v) * cell, style=_GOOD if v >= s.reservation - 1e-9 else f"{_BAD} underline")
            final = s.values[-1] if s.values else 0.0
            shown, walk_away, _ = against(final, s.reservation)
            out.append(f" {shown}", style="bold")
            out.append(" walk-away ", style="dim")
            out.append(f"{walk_away} {block(s.reservation)}\n", style="dim")
        out.append(" " * (label + 2) + _axis(t.labels, cell) + "\n", style="dim")
        out.append("\n".join(self._legend(width)), style="dim")
        return out


def _axis(labels: tuple[str, ...], cell: int) -> str:
    """The rounds' labels under their cells, whole: where a cell is narrower than its label, a
    label is written only where the one before has ended (at 80 columns a campaign's "V1 R1"
    was cut to "V1" in every cell, which said nothing of the round)."""
    if cell < 3:  # too narrow for any label beside the next: the first and the last
        return f"{labels[0]} … {labels[-1]}" if labels else ""
    line = ""
    for k, lab in enumerate(labels):
        at = k * cell
        if at >= len(line) + (1 if line else 0):
            line = line.ljust(at) + lab
    return line


def _outcome(d: Debrief, when: dict[int, list[str]] | None = None) -> Text:
    text = Text(d.headline + "\n", style="bold")
    for k, v in enumerate(d.venues):
        text.append("\n" + v.sentence + "\n")
        for line in (when or {}).get(k, []):
            text.append(f"  {line}\n", style="italic")
        for line in v.agreed:
            text.append(f"  • {line}\n")
    return text


TOLL_NOTE = (
    "Each result is after the toll the rounds without a deal took, which a side pays deal or no deal: "
    "a side that signed late can end below its walk-away value although the deal was worth more to it "
    "than none. What the talks gave against the walk-away value (as events and agreements left it at the end), toll included, is the surplus."
)


def _delegations(rows: tuple[DelegationResult, ...]) -> Table:
    table = Table(expand=True, box=None, pad_edge=False, header_style="bold")
    table.add_column("Delegation", min_width=18, ratio=1, overflow="fold")
    table.add_column("Result", justify="right", no_wrap=True)
    table.add_column("Walk-away", justify="right", no_wrap=True)
    table.add_column("Surplus", justify="right", no_wrap=True)
    table.add_column("vs walk-away ┃", no_wrap=True)
    table.add_column("Signed?", overflow="fold", min_width=16, ratio=1)
    for r in rows:
        colour = _GOOD if r.surplus >= -1e-9 else _BAD
        result, walk_away, _ = against(r.utility, r.reservation)  # never "0.52" against "0.52"
        surplus = shown_gap(result, walk_away)  # as the two figures shown subtract
        table.add_row(
            Text(r.name),  # a string cell of a Rich table is markup: names from the file are text
            result,
            walk_away,
            Text(surplus, style=colour),
            gauge(r.utility, r.reservation, 12),
            Text(r.status, style=_GOOD if r.signed else ""),
        )
    return table


def _quality(q: Quality, moved: bool = False, closed: bool = False) -> Text:
    """The Pareto gap and the Nash distance. `moved`: events moved the walk-away values; `closed`:
    they closed, with nothing signed, a zone of agreement an earlier round had (the gap, measured
    at the end, is then no sign that nothing was left on the table)."""
    text = Text()
    text.append(f"Measured from {q.measured_from}.\n")
    if q.venue:
        text.append(
            f"Judged at {in_sentence(q.venue)}, the last venue: its agenda's packages, with what earlier venues "
            "agreed counted as settled.\n",
            style="dim",
        )
    text.append("Pareto gap: ", style="bold")
    text.append(f"{q.pareto_gap:.3f}", style=_GOOD if q.pareto_gap < 1e-9 else _BAD)
    text.append(f"\n  {PARETO_HELP_CLOSED if closed else PARETO_HELP}\n", style="dim")
    text.append("Distance to the Nash point: ", style="bold")
    text.append("none (no package suits every signatory)" if q.nash_distance is None else f"{q.nash_distance:.3f}")
    text.append(f"\n  {NASH_HELP}\n", style="dim")
    scope = "every package" if q.exact else "a sample of packages"
    text.append(
        f"  Judged over {scope} of {q.packages:,}; {q.zopa_size:,} are worth at least their walk-away value to every signatory"
        + (" as the talks ended (below: when a deal was possible).\n" if moved else ".\n"),
        style="dim",
    )
    if q.nash_package:
        text.append("\nThe Nash package (✓ where this game agreed the same):\n", style="bold")
        for issue, option, same in q.nash_package:
            text.append("  ✓ " if same else "  · ", style=_GOOD if same else "dim")
            text.append(f"{issue}: ", style="bold")
            text.append(f"{option}\n")
        text.append("\nUtility at the Nash point / in this result:\n", style="bold")
        for name, at_nash, got, waited in q.nash_utilities:
            text.append(f"  {name}: {score(at_nash)} / {score(got)}")
            if waited:
                # the packages alone are compared; the results table above takes off the cost of time
                text.append(f"  ({score(got - waited)} after what waiting cost)", style="dim")
            text.append("\n")
    return text


def _window(w: Window) -> Text:
    """The zone of agreement as each round began, and the news that moved it."""
    text = Text()
    counted = f"every package of {w.packages:,}" if w.exact else f"a sample of the {w.packages:,} packages"
    text.append(
        f"Packages of {w.venue} worth at least its walk-away value to every signatory, as each round "
        f"began ({counted}); events move what no deal is worth:\n",
        style="dim",
    )
    for r in w.rounds:
        text.append("  As the talks ended: " if r.round == 0 else f"  Round {r.round}: ", style="bold")
        if r.zone:
            text.append(f"{r.zone:,}" if w.exact else f"about {r.zone:,}", style=_GOOD)
        else:
            text.append("none" if w.exact else "none in the sample", style=_BAD)
        text.append("\n")
        # the moves grouped by the news that made them: one card often moves several sides
        by_news: dict[tuple[str, ...], list[str]] = {}
        for m in r.moves:
            by_news.setdefault(m.news, []).append(f"{in_sentence(m.who)} {score(m.before)} → {score(m.after)}")
        for news, moves in by_news.items():
            text.append(f"    {'; '.join(news) or 'Other moves'}: ", style="dim")
            text.append("; ".join(moves) + "\n")
    played = [r for r in w.rounds if r.round]
    last = max((r.round for r in played if r.zone), default=0)
    if w.closed and last and not w.agreed:
        # the last round that began with one, not "until": a zone can close and open again
        text.append(
            f"The last round to begin with a deal every signatory preferred to no deal was round {last}; "
            "from the next, the news had closed it.\n",
            style="bold",
        )
    elif w.opened:
        first = min(r.round for r in played if r.zone)
        text.append(f"No round began with a deal every signatory preferred until round {first}.\n", style="bold")
    return text


def _concessions(rows: tuple[ConcessionResult, ...], many_venues: bool) -> Table | Text:
    if not rows:
        return Text("Nobody made a concession.", style="dim")
    # Trust is 0-100 everywhere else: the sum over the others is shown as their mean.
    others = rows[0].others
    who = "the other delegation trusts" if others == 1 else f"the {others} other delegations trust"
    # "V1 R1" was read by a newcomer with nothing to say what it was
    when = "When: the venue (V1, the first) and the round. " if many_venues else ""
    caption = (
        f"{when}Under each: whom it moved towards (the signatories who preferred the new option) and "
        "what the old and the new option are worth to the one who conceded: every concession gives "
        "some of that up, so a side conceding to each camp in turn crosses an issue end to end. "
        f"Trust (mean): how far {who} the one who conceded, on average (0-100), before → after. "
        "Then agreed: the option the issue was settled on, ✓ where it is worth at least what was "
        "conceded to those it was conceded to, ✗ where it is worth less to them."
    )
    table = Table(expand=True, box=None, pad_edge=False, header_style="bold", caption=caption, caption_justify="left")
    table.add_column("When", no_wrap=True)
    table.add_column("Who, on what", min_width=24, ratio=3, overflow="fold")
    table.add_column("Support", no_wrap=True, justify="right")
    table.add_column("Trust (mean)", no_wrap=True, justify="right")
    table.add_column("Then agreed", min_width=14, ratio=2, overflow="fold")
    for c in rows:
        when = f"V{c.venue + 1} R{c.round}" if many_venues else f"R{c.round}"
        what = Text()
        what.append(c.who, style="bold")
        what.append(f" on {c.issue}: {c.from_option} → {c.to_option}")
        towards = listed([in_sentence(name) for name in c.towards]) if c.towards else "no signatory"
        what.append(f"\ntowards {towards} (worth {c.worth_before:.2f} → {c.worth_after:.2f} to it)", style="dim")
        if c.held is None:
            verdict = Text("never agreed", style="dim")
        else:
            verdict = Text("✓ " if c.held else "✗ ", style=_GOOD if c.held else _BAD)
            verdict.append(c.agreed_option or "")
        table.add_row(Text(when), what, f"{c.support_before}→{c.support_after}", trust_change(c), verdict)
    return table


def trust_change(c: ConcessionResult) -> Text:
    """The others' mean trust before → after and the change, as a reader takes it: the
    difference of the two figures shown, green only where that difference shows a gain. A gain
    of one point over a dozen delegations moves the mean by 0.08, which can round to "+0.0"."""
    before, after = f"{c.mean_trust_before:.1f}", f"{c.mean_trust_after:.1f}"
    gain = round(float(after) - float(before), 1)
    shown = "±0.0" if gain == 0 else f"{gain:+.1f}"
    return Text(f"{before}→{after} {shown}", style=_GOOD if gain > 0 else "")


def _history(h: HistoryResult) -> Text:
    text = Text()
    if not (h.summary or h.lines or h.notes):
        return Text("This scenario has no history section.", style="dim")
    if h.summary:
        text.append(h.summary + "\n")
    if h.lines and not h.recorded:
        # a scenario with no real outcome to compare with (an invented one): what the game agreed,
        # without "0 of 0 as in reality" and "not recorded by the sources" on every issue
        text.append("\nWhat this game agreed, issue by issue:\n", style="bold")
        for line in h.lines:
            text.append(f"  · {line.issue}: ", style="bold")
            text.append(f"{line.game or 'nothing agreed'}\n")
    elif h.lines:
        text.append(f"\nIssue by issue ({h.matches} of {h.recorded} as in reality):\n", style="bold")
        for line in h.lines:
            if line.real is None:
                text.append("  · ", style="dim")
            else:
                text.append("  ✓ " if line.match else "  ✗ ", style=_GOOD if line.match else _BAD)
            text.append(f"{line.issue}\n", style="bold")
            text.append(f"      in reality: {line.real or 'not recorded by the sources'}\n")
            text.append(f"      in this game: {line.game or 'nothing agreed'}\n")
    if h.notes:
        text.append("\nNotes:\n", style="bold")
        for note in h.notes:
            text.append(f"  • {note}\n", style="dim")
    return text


def _versus(text: Text, value: float, mark: float, what: str, least: int = 2) -> None:
    """A line of the headline: the player's result against a mark, both written to the places
    that tell them apart (`against`), and at least to those of the result above them (`least`),
    the difference that of the two figures so written: under "0.362" a line read "-0.01 against
    the AI (0.37)", and the list below it gave that AI 0.368."""
    shown, marked, where = against(value, mark, least)
    text.append(f"  {shown_gap(shown, marked)} ", style=f"bold {_GOOD if where != 'BELOW' else _BAD}")
    text.append(what.format(marked) + "\n")


def _you(
    lines: tuple[Headline, ...],
    ai: dict[int, float] | None,
    level: str,
    ai_ended: str = "",
    differences: dict[int, tuple[Difference, ...]] | None = None,
) -> Text:
    """Your result against walking away, the Nash point and the AI in your seat (`ai_ended`:
    how the AI's game ended; `differences`: where its deal differs from the player's, by seat)."""
    text = Text()
    for h in lines:
        text.append("You played ")
        text.append(in_sentence(h.name), style="bold")
        text.append(": ")
        result, _, where = against(h.utility, h.reservation)
        # to the places every line below writes it to: "0.37" above "-0.004 against the AI in your
        # seat (0.370)" read as a tie that the line said was a loss (a newcomer's)
        places = len(result.partition(".")[2])
        if ai is not None and h.seat in ai:
            places = max(places, len(against(h.utility, ai[h.seat])[0].partition(".")[2]))
        if h.nash is not None:
            places = max(places, len(against(h.utility + h.toll, h.nash)[0].partition(".")[2]))
        result = fixed(h.utility, places)
        text.append(result, style="bold")
        text.append("   ")
        text.append_text(gauge(h.utility, h.reservation, 12))
        text.append("\n")
        for venue, how in h.left:
            # walked out, boycotted, pulled out by its hardliners: what the result above follows
            said = how.replace("pulled out", "were pulled out").replace(" its ", " your ")
            said = said.replace("boycotted", "stayed away")
            at = f"At {in_sentence(venue)} you" if venue else "You"
            text.append(f"  {at} {said}.\n", style="bold")
        if h.toll > 0.00005:
            # the biggest thing that shaped a newcomer's result, named nowhere in the headline;
            # the deal's worth to the places of the result shown above, and the toll their
            # difference as shown, so that it adds up by hand (0.42 less 0.04 read as 0.39)
            places = len(result.partition(".")[2])
            if h.nash is not None:
                # and to the places the line against the Nash point writes it to: "worth 0.72" above
                # "-0.005 against the Nash point (0.722)" read as equal, yet behind
                places = max(places, len(against(h.utility + h.toll, h.nash)[0].partition(".")[2]))
            deal = f"{h.utility + h.toll:.{places}f}"
            toll = shown_gap(deal, result).lstrip("+")
            if toll.startswith("±"):  # less than the places shown can tell
                deal, toll = result, f"under {0.5 * 10**-places:.{places + 1}f}"
            # a seat that signed nothing had no deal of its own: what it kept was its walk-away
            # value, or what the others' agreements left it ("the deal" there read as a deal)
            if h.signed:
                kept = f"the deal was worth {deal} to you; the rounds before it cost you {toll}"
            elif h.others_signed:
                # "with no deal of yours you kept 0.36" was hard to parse for a side that signs
                # nothing, whose result is what the others signed
                kept = f"what the others signed was worth {deal} to you; the rounds cost you {toll}"
            elif abs(h.utility + h.toll - h.reservation) < 0.00005:
                kept = f"with nothing signed you kept your walk-away value, {deal}; the rounds cost you {toll}"
            else:
                kept = f"with nothing signed you kept {deal}; the rounds cost you {toll}"
            text.append(f"  {kept}\n", style="dim")
        # each difference is that of the figures shown beside it, so that it adds up by hand
        # "walking away" read as what leaving gives: a player who walked out got less than it
        # (what the others agreed afterwards, and the toll, count for a side that signs nothing)
        # the bar beside the result had no legend (a tester asked what its tick was)
        least = len(result.partition(".")[2])
        _versus(text, h.utility, h.reservation, "against your walk-away value ({}, the ┃ on the bar)", least)
        toll_alone = where == "BELOW" and against(h.utility + h.toll, h.reservation, least)[2] == "above"
        if not h.signed and h.others_signed and toll_alone:
            # a side that signs nothing, below its walk-away value by the toll alone: a newcomer
            # read "-0.03" and the record's "above walking away in 0 of 1" as the others' deal
            # having cost them, where no deal would have cost them the same toll and more
            deal, walk_away, _ = against(h.utility + h.toll, h.reservation, least)
            text.append(
                "    (below it by the rounds' toll alone, which is paid deal or none: what the others signed "
                f"was worth {shown_gap(deal, walk_away)} over your walk-away value)\n",
                style="dim",
            )
        elif not h.signed and where != "at":
            # "any agreement the others made" read as a game with deals in it to a signatory of a
            # game where nothing was signed, and that nobody could have signed without
            counts = (
                "the toll of the rounds and the others' agreements count"
                if h.others_signed
                else "the toll of the rounds counts"
            )
            text.append(f"    (you signed nothing, yet {counts} for you)\n", style="dim")
        elif h.signed and toll_alone:
            # a deal worth more than the walk-away value, below it only by the toll: a newcomer read
            # the board's "0.58 above your walk-away 0.49" and then this "-0.03" as two yardsticks.
            # The toll is paid deal or none: the deal itself beat walking away
            deal, walk_away, _ = against(h.utility + h.toll, h.reservation, least)
            text.append(
                f"    (below it by the rounds' toll alone, which is paid deal or none: the deal itself was worth "
                f"{shown_gap(deal, walk_away)} over your walk-away value)\n",
                style="dim",
            )
        now, drawn, where = against(h.reservation, h.drawn)
        if where != "at":
            # a walk-away value an event or an agreement moved: the brief at the start said another
            text.append(f"    (your walk-away value moved from {drawn}, drawn for this game, to {now}", style="dim")
            text.append(" with the events and agreements)\n", style="dim")
        if h.nash is None:
            why = (
                "you sign nothing where the deal is judged"
                if h.nash_exists
                else "no package suits every signatory where the deal is judged"
            )
            text.append(f"  no Nash point to compare with ({why})\n", style="dim")
        elif h.toll > 0.00005:
            # the Nash point is a package's worth, with no round's toll in it: the deal is set
            # beside it before its own toll (a deal on the very Nash package read -0.07 against it)
            _versus(
                text, h.utility + h.toll, h.nash, "against the Nash point ({}), before the toll of the rounds", least
            )
        else:
            _versus(text, h.utility, h.nash, "against the Nash point ({})", least)
        if ai is None:
            text.append(f"  the AI ({level}) is playing your seat in the same game…\n", style="dim italic")
        elif h.seat not in ai:
            text.append(
                "  no AI game in your seat to compare with: an outside agent at the table failed in it\n", style="dim"
            )
        else:
            _versus(text, h.utility, ai[h.seat], f"against the AI ({level}) in your seat, same seed ({{}})", least)
            if ai_ended:
                text.append(f"    (its game ended in {ai_ended})\n", style="dim")
            _differences(text, (differences or {}).get(h.seat, ()))
    return text


DIFFERENCES_SHOWN = 4


def _differences(text: Text, differences: tuple[Difference, ...]) -> None:
    """Where the AI's deal in the player's seat differs from the player's, issue by issue, its
    option before the player's, with what each is worth to the player: three newcomers read the
    AI's better score and could not tell what it had got that they had not."""
    if not differences:
        return
    text.append("    its deal, where it differs from yours (the worth to you in brackets):\n", style="dim")
    # the issues the seat weighs most, as many as leave the sections below within a page's reach
    for d in differences[:DIFFERENCES_SHOWN]:
        theirs = _worded(d.ai, d.ai_worth, d.ai_at_walk_away, "its")
        yours = _worded(d.yours, d.your_worth, d.your_at_walk_away, "your")
        text.append(f"    • {d.issue} ({d.weight:.0%} of what you want): {theirs}; yours: {yours}\n", style="dim")
    more = len(differences) - DIFFERENCES_SHOWN
    if more > 0:
        text.append(f"    • and {more} more issue{'s' if more > 1 else ''} you weigh less\n", style="dim")
    if any(not d.ai and not d.yours for d in differences[:DIFFERENCES_SHOWN]):
        # left open in both, and worth apart: a reader saw the same words and two numbers
        text.append(
            "    (an issue left open counts at your walk-away value, which each game's events and agreements moved)\n",
            style="dim",
        )


def _worded(option: str, worth: float, at_walk_away: bool, whose: str) -> str:
    """One game's option on an issue with its worth to the player; an issue left open says what
    its worth is (a newcomer read "left open (0.13)" as the issue's worth, where an open issue
    counts at the walk-away value, or at its status quo where the last venue did not negotiate it)."""
    if option:
        return f"{option} ({fixed(worth, 2)})"
    counted = f"at {whose} walk-away value" if at_walk_away else "at its status quo"
    return f"left open ({counted}, {fixed(worth, 2)})"


class DebriefScreen(Screen[None]):
    """The end of the game, explained. Posts DebriefScreen.Closed when the player leaves."""

    CSS_PATH = "debrief.tcss"
    # Side by side from 120 columns; one column below. Layout only: no game state here.
    # (Textual types it `ClassVar[...] | None`, which mypy reads as an instance variable.)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back to the title"),
        Binding("q", "close", "Back to the title", show=False),
        Binding("r", "record", "Your record"),
    ]
    AUTO_FOCUS = "#debrief-body"

    class Closed(Message):
        """The player is done with the debrief; the app decides where to go next."""

    def __init__(
        self, session: Session, *, back: str = "the title", name: str | None = None, id: str | None = None
    ) -> None:
        super().__init__(name=name, id=id)
        self.session = session
        self.back = back  # where q and Esc go: the title, or the saved games it was opened from
        analysis = analysis_for(session)
        self.debrief = debrief(session, analysis)
        self.window = window(session, analysis)
        self.headlines = headlines(session, analysis)
        self.ai: dict[int, float] | None = None  # the AI's result in each human seat, once played
        self.ai_ended = ""  # ...and how its game ended
        self.differences: dict[int, tuple[Difference, ...]] = {}  # ...and where its deal differs
        self.ways: dict[int, tuple[OtherWay, ...]] | None = None  # the seat played other ways, once played

    def compose(self) -> ComposeResult:
        d = self.debrief
        many = len(self.session.scenario.venues) > 1
        yield Static(Text(f"Debrief · {d.title}", style="bold"), id="debrief-title")
        with VerticalScroll(id="debrief-body"):
            if self.headlines:
                yield Static("Your result", classes="debrief-heading")
                yield Static(Hanging(self._you()), id="debrief-you", classes="debrief-section")
                if self.session.state.over:
                    # the AI's result in the seat read as "nothing could have done better" to a
                    # newcomer whose every way of playing scored the same: what else would have
                    yield Static("Your seat, played other ways", classes="debrief-heading")
                    yield Static(Text(PENDING, style="dim italic"), id="debrief-ways", classes="debrief-section")
            # text beside text when there is room; tables and the chart always full width
            with Horizontal(classes="debrief-pair"):
                with Vertical(classes="debrief-column"):
                    yield Static("Outcome", classes="debrief-heading")
                    yield Static(
                        Hanging(_outcome(d, agreed_when(self.session))), id="debrief-outcome", classes="debrief-section"
                    )
                with Vertical(classes="debrief-column"):
                    yield Static("How good was the deal? Pareto and Nash", classes="debrief-heading")
                    yield Static(
                        Hanging(_quality(d.quality, self.window.moved, self.window.closed and not self.window.agreed)),
                        id="debrief-quality",
                        classes="debrief-section",
                    )
            if self.window.moved:
                # the count above is as the walk-away values stood at the end: a newcomer read
                # "none" as "there never was a deal", where events had closed one in round 3
                yield Static("When a deal was possible", classes="debrief-heading")
                yield Static(Hanging(_window(self.window)), id="debrief-window", classes="debrief-section")
            yield Static("Each delegation against its walk-away value", classes="debrief-heading")
            yield Static(_delegations(d.delegations), id="debrief-delegations", classes="debrief-section")
            paid = any(self.session.state.toll)
            if paid:
                # a newcomer read a late signatory's red surplus as a deal worse than none
                yield Static(TOLL_NOTE, id="debrief-toll", classes="debrief-note")
            yield Static(
                "The deal in force, round by round (the status quo until something is agreed)",
                classes="debrief-heading",
            )
            yield UtilityChart(d.trajectory, id="debrief-chart")
            if not self.session.state.agreements:
                # where rounds took a toll, "left with its walk-away value" contradicted the table
                # above, which shows every side below it
                left = "its walk-away value, less the toll of the rounds (above)" if paid else "its walk-away value"
                yield Static(
                    f"Nothing was agreed: the status quo stayed in force, and each side is left with {left}. "
                    "The chart shows what the status quo itself is worth to each side, which is not its "
                    "result: a side with no deal walks away.",
                    id="debrief-nothing",
                    classes="debrief-note",
                )
            yield Static("What each concession bought", classes="debrief-heading")
            yield Static(_concessions(d.concessions, many), id="debrief-concessions", classes="debrief-section")
            yield Static("What really happened: history", classes="debrief-heading")
            yield Static(Hanging(_history(d.history)), id="debrief-history", classes="debrief-section")
        yield Static(HELP.format(back=self.back), id="debrief-help")

    def _you(self) -> Text:
        return _you(self.headlines, self.ai, ai_level(self.session), self.ai_ended, self.differences)

    def on_mount(self) -> None:
        if self.headlines and self.session.state.over:
            self.record_and_compare()

    @work(thread=True, exclusive=True, group="debrief-ai")
    def record_and_compare(self) -> None:
        """Off the interface's thread: record the result, then replay the seed with the AI in
        the human seats (a game of AI moves: a fraction of a second, or more on a slow machine)."""
        try:
            note = add_results(results(self.session, self.headlines, time.time()))
        except RecordError as exc:
            note = f"Your result could not be recorded: {exc}"
        ai, ai_ended = ai_in_seat(self.session), ai_game_ended(self.session)
        differences = {h.seat: ai_differences(self.session, h.seat) for h in self.headlines}
        # the player may have left the debrief, or the game, in the meantime
        with contextlib.suppress(RuntimeError):
            if note:
                self.app.call_from_thread(self._say, note)
            self.app.call_from_thread(self._show_ai, ai, ai_ended, differences)
        # a game per level and strategy, after the AI's, which is one; the player may leave the
        # debrief or quit meanwhile: the worker is then cancelled, and stops between two games
        worker = get_current_worker()
        ways = other_ways(self.session, lambda: worker.is_cancelled)
        if worker.is_cancelled:
            return
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self._show_ways, ways)

    def _say(self, message: str) -> None:
        self.notify(message, title="Your record", severity="warning", markup=False, timeout=12)

    def _show_ai(
        self, ai: dict[int, float], ai_ended: str = "", differences: dict[int, tuple[Difference, ...]] | None = None
    ) -> None:
        self.ai, self.ai_ended, self.differences = ai, ai_ended, differences or {}
        # the replay may end while the screen is being taken down (the player quit, or the app is
        # closing): it can still be attached with its widgets gone, so look, do not insist
        for you in self.query("#debrief-you").results(Static):
            you.update(Hanging(self._you()))

    def _show_ways(self, ways: dict[int, tuple[OtherWay, ...]]) -> None:
        self.ways = ways
        session = self.session
        text = ways_text(self.headlines, ways, ended(session.state), ai_level(session), self._tournaments())
        for static in self.query("#debrief-ways").results(Static):
            static.update(Hanging(text))

    def _tournaments(self) -> dict[int, str]:
        """The tournament's command for each human seat that signs at some venue (the command
        refuses the others), naming a bundled scenario by its name only if the game was played
        on that very file (an edited copy saved as astana-8.yaml is not the bundled one)."""
        session, sc = self.session, self.session.scenario
        name = session.name if bundled_file(session) is not None else "SCENARIO"
        return {
            h.seat: f"peacetalks tournament {name} --seat {sc.delegations[h.seat].id}"
            for h in self.headlines
            if h.seat in sc.signing
        }

    def action_record(self) -> None:
        from game.ui.screens.record import RecordScreen

        self.app.push_screen(RecordScreen())

    def action_close(self) -> None:
        self.post_message(self.Closed())
