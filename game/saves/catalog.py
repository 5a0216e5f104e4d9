"""What a folder of saves holds, read quickly enough to list: the save browser's rows.

A listing reads each file's header (up to its log) and its last log line, never the whole log
and never a replay: opening a save is where it is verified. A file that cannot be read still
gets a row, saying why, so a damaged save is seen rather than silently missing.
"""

from __future__ import annotations

import codecs
import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Any

import yaml

from game.engine.seat import HUMAN
from game.files import NOT_REGULAR, why
from game.safetext import escape_controls
from game.saves.logread import parse_save
from game.saves.read import MAX_BYTES, MAX_VALUES, SaveLoadError, Where, field, read_header, read_scenario
from game.scenario.diagnostics import Report
from game.scenario.yamlread import YMap, YSeq, load_plain, parse_yaml

_TAIL = 4096  # bytes read from the end of a file to find its last log line
SUFFIX = ".yaml"


@dataclass(frozen=True)
class SaveInfo:
    """One save, as the browser lists it."""

    path: Path
    modified: float  # seconds since the epoch: when the file was last written
    autosave: bool = False
    scenario: str = ""  # the scenario's title, or its name when the title cannot be read
    seats: tuple[str, ...] = ()  # the delegations played by people, by name
    venue: int = 0  # 1-based, 0 when unknown
    venues: int = 1  # how many venues the scenario has
    round: int = 0  # 0 when unknown
    turns: int = 0
    result: str = ""  # running, or the game's outcome
    problem: str = ""  # why the file cannot be listed ("" when it can)
    seats_short: tuple[str, ...] = ()  # the same, by their short names where the file gives them
    # an autosave's `named_save`: the save the player named that the game kept up to date
    named_save: str = ""
    # the last log line as written (turn, round, action and the hash of the state after it), ""
    # for an empty log: two files that end on the same line hold the same game at the same turn
    last_line: str = ""

    @property
    def name(self) -> str:
        # a file name is data too: shown, never obeyed; on one line (a line break in it made a
        # row of the browser's Name column two lines, the second cut away)
        return escape_controls(self.path.stem).replace("\n", "\\n").replace("\t", "\\t")

    @property
    def over(self) -> bool:
        return self.result not in ("", "running")

    @property
    def where(self) -> str:
        """The venue and round it stands at: "R3", or "V2 R3" in a campaign."""
        if not self.round:
            return "?"
        return f"V{self.venue} R{self.round}" if self.venues > 1 else f"R{self.round}"


def _head(path: Path) -> tuple[bytes, bytes]:
    """The bytes up to the log, and the last few kilobytes of the file."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = bytearray()
        while len(head) < MAX_BYTES:
            chunk = handle.read(1 << 20)
            if not chunk:
                break
            start = max(0, len(head) - 4)  # "\nlog:" may straddle two chunks
            head += chunk
            cut = head.find(b"\nlog:", start)
            if cut >= 0:
                del head[cut + 1 :]
                break
        handle.seek(max(0, size - _TAIL))
        tail = handle.read(_TAIL)
    return bytes(head), tail


def _last_entry(tail: bytes) -> tuple[int, int] | None:
    """(turn, round) of the last log line, if the tail ends with one."""
    line = _last_line(tail)
    words = line[3:].split()
    if len(words) >= 2 and words[0].isascii() and words[0].isdigit() and words[1].isdigit():
        return int(words[0]), int(words[1])
    return None


def _last_line(tail: bytes) -> str:
    """The last log line as written (`- "TURN ROUND ... #HASH"`), "" if the tail ends otherwise."""
    for raw in reversed(tail.decode("utf-8", "replace").splitlines()):
        line = raw.strip()
        if not line:
            continue
        return line if line.startswith('- "') and line.endswith('"') else ""
    return ""


def _damage(path: Path) -> str:
    """Why the whole file does not open as a save's document ("" when it does): not YAML (with
    the line and column), or a header or log its reader refuses, keys after the log included
    (a misspelt `reasonz:` written after it was listed as a sound game). Read only for a file
    that does not end as a save is written, so a hand-edited one."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return ""  # too large to read here: opening it says so
        data = path.read_bytes()
    except OSError as exc:
        return f"cannot be read: {why(exc)}"
    report = Report(str(path))
    doc = parse_save(data, report, min(MAX_VALUES, 2 * data.count(b"\n") + 1000))
    if report.errors:
        first = report.errors[0]
        if first.message.startswith("invalid YAML"):
            return f"damaged: not YAML at line {first.line}, column {first.column} (cut off, or edited by hand)"
        return f"not a saved game: {first.message}" + (f" (line {first.line})" if first.line else "")
    return _refused(doc, path, whole=True) if isinstance(doc, YMap) else ""


def _refused(doc: YMap, path: Path, whole: bool = False) -> str:
    """What opening the file would say of its header ("" where it takes it), as the list words it;
    `whole`: the document has its log too, which must be a list."""
    where = Where(path)
    try:
        if "format" in doc or doc.get("version") != 1:
            read_header(doc, where)
            if whole:
                field(doc, "log", YSeq, where, "the list of actions")
        else:  # format 1 is migrated as it opens: its scenario and hash as its reader checks them
            read_scenario(doc, where)
    except SaveLoadError as exc:
        return _without_path(str(exc), path)
    return ""


def _without_path(message: str, path: Path) -> str:
    """A loading error's words for the file's row: "PATH:12:5: what" (or "PATH:12: what") as "what
    (line 12)": the row is narrow, and the line finds the place in an editor."""
    rest = message.removeprefix(f"{path}:")
    place, colon, words = rest.partition(": ")
    line, _, column = place.partition(":")
    if colon and line.isdigit() and (not column or column.isdigit()):
        return f"{words} (line {line})"
    return rest.strip()


def _mapping(value: object) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def read_info(path: Path, autosave: bool = False) -> SaveInfo:
    """The row for one file; never raises for a bad file (the row says what is wrong)."""
    try:
        stat = path.stat()
    except OSError as exc:
        return SaveInfo(path, 0.0, autosave, problem=f"cannot be read: {why(exc)}")
    modified = stat.st_mtime
    if not S_ISREG(stat.st_mode):  # never opened: a FIFO would wait for a writer
        return SaveInfo(path, modified, autosave, problem=NOT_REGULAR)
    if stat.st_size > MAX_BYTES:
        # what opening it would say: listed as sound, a tester chose it and was refused only then
        return SaveInfo(path, modified, autosave, problem=f"larger than {MAX_BYTES:,} bytes: not a saved game of ours")
    try:
        head, tail = _head(path)
        # PyYAML reads UTF-16 too; a save is UTF-8, and opening one in another encoding refuses
        # it: listed as it would open (a cut at the head's limit may split a character: not final)
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return SaveInfo(path, modified, autosave, problem="not a saved game (not UTF-8 text)")
    except OSError as exc:
        return SaveInfo(path, modified, autosave, problem=f"cannot be read: {why(exc)}")
    # the header read and checked as opening the file reads and checks it (duplicate keys, an
    # alias, a format, a field of the wrong kind or a key no save has): a tester's bomb of aliases,
    # `format: null` and a misspelt key were listed as running games, and refused only once chosen
    report = Report(str(path))
    doc = parse_yaml(head, report, min(MAX_VALUES, 2 * head.count(b"\n") + 1000), controls=True, holds="saved game")
    if report.errors:
        first = report.errors[0]
        at = f" (line {first.line})" if (first.line, first.column) > (1, 1) else ""  # not for an empty file
        return SaveInfo(path, modified, autosave, problem=f"not a saved game: {first.message}{at}")
    if not isinstance(doc, YMap) or not isinstance(doc.get("scenario"), YMap):
        return SaveInfo(path, modified, autosave, problem="not a saved game")
    refused = _refused(doc, path)
    if refused:
        return SaveInfo(path, modified, autosave, problem=refused)
    last = _last_entry(tail)
    counted = _mapping(doc.get("outcome")).get("turns")
    if isinstance(counted, int) and not isinstance(counted, bool):
        ends = last[0] if last is not None else 0 if tail.rstrip().endswith(b"log: []") else None
        if ends is not None and ends != counted:
            # cut at a line's end: what is left reads as YAML, and as a shorter game
            return SaveInfo(
                path, modified, autosave, problem=f"damaged: cut off (its log ends at turn {ends} of {counted})"
            )
        if tail.rstrip().endswith(b"log:"):
            return SaveInfo(path, modified, autosave, problem=f"damaged: cut off (no move of the {counted} under log:)")
    if not tail.endswith(b"\n") or (last is None and tail.rstrip().splitlines()[-1:] != [b"log: []"]):
        # Not the end a save is written with (a last move, or an empty log): cut off by a copy or
        # a write that never finished, or written by hand (a flow list, a key after the log).
        # Only then is the whole file read, to tell which.
        damage = _damage(path)
        if damage:
            return SaveInfo(path, modified, autosave, problem=damage)
    scenario = doc["scenario"]
    title = str(scenario.get("name", "?"))
    names: dict[str, str] = {}
    shorts: dict[str, str] = {}  # for the browser's narrow column: two seats' whole names left "Governm…"
    venues = 1
    with contextlib.suppress(yaml.YAMLError, TypeError, AttributeError):
        # the embedded scenario gives the title and the delegations' names; a save whose
        # scenario does not read is still listed by its ids (opening it says what is wrong)
        embedded = load_plain(str(scenario.get("text", "")))
        if isinstance(embedded, dict):
            title = str(embedded.get("title") or title)
            for d in embedded.get("delegations") or ():
                if isinstance(d, dict) and "id" in d:
                    names[str(d["id"])] = str(d.get("name") or d["id"])
                    shorts[str(d["id"])] = str(d.get("short_name") or d.get("name") or d["id"])
            venues = max(1, len(embedded.get("venues") or ()))
    seats = _mapping(doc.get("seats"))
    ids = tuple(str(k) for k, v in seats.items() if v == HUMAN)
    # format 1 named its human seats in a list
    if not ids and isinstance(doc.get("humans"), list):
        ids = tuple(str(h) for h in doc["humans"])
    humans = tuple(names.get(k, k) for k in ids)
    short = tuple(escape_controls(shorts.get(k, names.get(k, k))) for k in ids)
    outcome = _mapping(doc.get("outcome"))
    result = str(outcome.get("result", "running"))
    played = outcome.get("venues")
    done = len(played) if isinstance(played, list) else 0
    turns, rnd = last if last is not None else (0, 1)
    at_round = outcome.get("round")
    if isinstance(at_round, int) and not isinstance(at_round, bool) and at_round > 0:
        rnd = at_round  # where the game stands, a round begun without a move yet included
    # a running game is at the venue after those finished; a finished one at the last it played
    venue = min(venues, done + 1) if result == "running" else max(1, done)
    # The header is read raw here (opening the save validates it): a hostile save's texts are
    # escaped before the browser shows them.
    title, result = escape_controls(title), escape_controls(result)
    humans = tuple(escape_controls(h) for h in humans)
    named = doc.get("named_save") if autosave else None
    return SaveInfo(
        path,
        modified,
        autosave,
        title,
        humans,
        venue,
        venues,
        rnd,
        turns,
        result,
        seats_short=short,
        named_save=named if isinstance(named, str) else "",
        last_line=_last_line(tail) if last is not None else "",
    )


def list_saves(folder: Path, autosaves: tuple[Path, ...] = ()) -> list[SaveInfo]:
    """Every save in the folder, and the given autosaves, the newest first."""
    rows = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(".") or not entry.name.endswith(SUFFIX):
                continue
            # a FIFO, a broken link or a loop of links is listed with why it does not open (SAVES.md:
            # a file that is not a save is listed with the reason); only a folder is not
            try:
                folder_entry = entry.is_dir()
            except OSError:
                folder_entry = False
            if not folder_entry:
                rows.append(read_info(Path(entry.path)))
    rows.extend(read_info(p, autosave=True) for p in autosaves)
    rows = without_copies(rows)
    rows.sort(key=lambda r: (-r.modified, r.name))
    return rows


def without_copies(rows: list[SaveInfo]) -> list[SaveInfo]:
    """The rows less each autosave that holds the very game, at the same turn, of the named save
    it kept up to date (its `named_save`), where that save is listed: a finished game saved by
    name was listed twice, by its name and as an "(autosave)" row alike in every column. An
    autosave that differs (a move further on, or another game since) keeps its row. The last log
    line carries the hash of the state after it, which chains every move before: the same line,
    the same game."""
    named = {_key(r.path): r for r in rows if not r.autosave and not r.problem}

    def copy(row: SaveInfo) -> bool:
        if not (row.autosave and row.named_save and row.last_line) or row.problem:
            return False
        kept = named.get(_key(Path(row.named_save)))
        return (
            kept is not None
            and (kept.last_line, kept.turns, kept.result, kept.seats)
            == (row.last_line, row.turns, row.result, row.seats)
            and _same_but_the_link(row.path, kept.path)
        )

    return [r for r in rows if not copy(r)]


def _same_but_the_link(autosave: Path, named: Path) -> bool:
    """Whether the two files are the same, but for the autosave's `named_save` line. The rows are
    read from a file's head and tail only: a named save damaged between them listed as sound,
    and the autosave, the one copy that loads, was left out (a reviewer's)."""
    try:
        mine = autosave.read_bytes()
        theirs = named.read_bytes()
    except OSError:
        return False
    kept = b"".join(line for line in mine.splitlines(keepends=True) if not line.startswith(b"named_save:"))
    return kept == theirs


def _key(path: Path) -> Path:
    """A path as compared: resolved where it can be (the autosave names its save by the path the
    game wrote it to, which may differ from the folder's as listed by a link or a `..`)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path
