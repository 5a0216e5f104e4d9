"""Reading saves: safely, completely checked, and replayed so that every hash is verified.

Reading never writes: a bad save is reported in one line (the file, the line, what is wrong) and
left exactly as it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from game.collecting import fewer_collections
from game.engine import GameError, apply
from game.engine.actions import Action
from game.engine.hashing import StateHasher
from game.engine.records import REASONED, Record
from game.engine.state import RUNNING
from game.files import NOT_REGULAR, NotRegularFile, read_limited, why
from game.safetext import describe, first_control
from game.saves.codec import Entry, EntryError, read_line, read_log
from game.saves.logread import parse_save
from game.saves.migrate import read_v1
from game.saves.session import AGENT, AI_SEATS, HUMAN, Session, default_seats
from game.saves.write import FORMAT
from game.scenario import check_bytes
from game.scenario.diagnostics import Mark, Report
from game.scenario.shapes import close
from game.scenario.yamlread import HugeNumber, YMap, YSeq

MAX_BYTES = 64 * 1024 * 1024
MAX_VALUES = 2_000_000  # YAML values in one save: far more than 10,000 turns need


class SaveLoadError(Exception):
    """A save that cannot be loaded; str() is the one line to show."""


class Planned(NamedTuple):
    """One action to replay, where it stands in the file, and the hash it must produce (a tuple:
    a long save makes 10,000 of them)."""

    mark: Mark
    turn: int
    action: Action
    hash: str | None  # None for saves migrated from a format without hashes
    round: int | None = None  # the round the entry says it was taken in


_new = tuple.__new__
_new_planned = partial(_new, Planned)
_make = object.__new__
_set = object.__setattr__


def load(path: str | Path, observe: Callable[[Session], None] | None = None) -> Session:
    """The saved game, replayed and verified; SaveLoadError if anything is wrong with it.

    `observe` sees the session at the opening and after every replayed action, so a caller that
    wants the states on the way (the replay viewer) need not replay the game a second time."""
    path = Path(path)
    data = _read(path)
    # the parse and the replay make and free a few objects a line and an action, none in a cycle
    with fewer_collections():
        return _load(path, data, observe)


def kept_named_save(session: Session, folder: Path) -> tuple[str, str, int] | None:
    """The save the player named that the game in an autosave kept up to date (`named_save`),
    where it is in `folder` (the saves folder) and still holds this game at one of its turns: its
    name, its text and its number of turns. None where it was removed, moved, or holds another
    game since (a game continued from its autosave then keeps no named save)."""
    if not session.named_save:
        return None
    path = Path(session.named_save)
    try:
        if path.parent.resolve() != folder.resolve() or not path.is_file():
            return None
        text = path.read_text(encoding="utf-8")
        named = load(path)
    except (OSError, UnicodeDecodeError, SaveLoadError):
        return None
    same = (
        (named.source, named.seed, named.seats) == (session.source, session.seed, session.seats)
        and len(named.log) <= len(session.log)
        and all(a.hash == b.hash for a, b in zip(named.log, session.log, strict=False))
    )
    return (path.stem, text, len(named.log)) if same else None


_PACKAGE = Path(__file__).resolve().parent.parent
# The example saves by name: only these are looked for there (in a checkout their folder is
# saves/, the default saves folder, where a player's own saves sit beside them)
EXAMPLES = ("astana-8-history", "astana-8-ai", "sochi-congress-ai")


def examples_dir() -> Path:
    """The example saves that ship with the game (the real Astana 8, two AI games): inside a
    wheel in game/examples, in a checkout in saves/ beside game/."""
    installed = _PACKAGE / "examples"
    return installed if installed.is_dir() else _PACKAGE.parent / "saves"


def find_save(given: str, folder: Path) -> Path:
    """The save a command was given: `given` as a path where it exists, else a bare name as
    `--save` writes it, in the saves folder `folder` (`h3b` or `h3b.yaml` is `folder/h3b.yaml`),
    else an example save of that name (`astana-8-history`: a newcomer ran the README's
    `replay saves/astana-8-history.yaml` from another folder). SaveLoadError, naming each file
    looked for, when there is none."""
    path = Path(given)
    if _present(path) or given in ("", ".", "..") or path.name != given:
        return path  # a file there, or a path through folders: what is wrong with it is the load's to say
    file = given if given.endswith(".yaml") else f"{given}.yaml"
    named = folder / file
    if _present(named):
        return named
    example = examples_dir() / file
    if file.removesuffix(".yaml") in EXAMPLES and example.is_file():
        return example
    raise SaveLoadError(f"{given}: no such file: tried {given} here and {named} in the saves folder")


def _present(path: Path) -> bool:
    """Whether there is something at `path` for the load to read or refuse: a file, a folder, a
    link (even a broken or looping one), or a name the system cannot look up (too long)."""
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True


def _load(path: Path, data: bytes, observe: Callable[[Session], None] | None) -> Session:
    report = Report(str(path))
    # A save holds about one value per line and never an alias: a budget that size refuses an
    # alias bomb at once, before it can expand.
    doc = parse_save(data, report, min(MAX_VALUES, 2 * data.count(b"\n") + 1000))
    where = Where(path)
    if doc is None or report.errors:
        # in the words of every other refusal of a save, FILE:LINE:COLUMN: what (the reader's own
        # "error:" between them read as another kind of message to a tester)
        if not report.errors:
            raise SaveLoadError(f"{path}: not a saved game")
        first = report.errors[0]
        raise where.error((first.line, first.column), first.message)
    if not isinstance(doc, YMap):
        raise where.error((1, 1), "not a saved game: expected a mapping with format, scenario, seed and log")
    if "log" not in doc and "seed" not in doc and ("issues" in doc or "delegations" in doc):
        # a scenario's `format: 1` would otherwise be read as a save's format, and refused as such
        raise where.error(
            doc.mark, "a scenario file, not a saved game: play it with `peacetalks play` or `peacetalks watch`"
        )
    if "format" not in doc and doc.get("version") == 1:
        header, plan = read_v1(doc, where)
    else:
        header, plan = _read_v2(doc, where)
    return _replay(header, plan, where, observe)


class Where:
    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, mark: Mark, message: str) -> SaveLoadError:
        # file:line:column, as the scenario checker and editors point at a place
        line, column = mark
        where = f"{self.path}:{line}:{column}" if line and column else f"{self.path}:{line}" if line else str(self.path)
        return SaveLoadError(f"{where}: {message}")


@dataclass(frozen=True)
class Header:
    name: str
    source: bytes
    source_mark: Mark
    seed: int
    seats: dict[str, str]
    seats_mark: Mark
    result: str | None
    result_mark: Mark
    humans: tuple[str, ...] | None = None  # format 1: the human seats; the rest were AI
    turns: tuple[int, Mark] | None = None  # the turns the header counts, and where (format 2)
    # what the header says of the end, and where: each venue's outcome and the reason (format 2;
    # a save without them is not refused for that, one with them is held to them)
    venues: tuple[tuple[str, ...], Mark] | None = None
    reason: tuple[str, Mark] | None = None
    round: tuple[int, Mark] | None = None  # the round the game stood at (saves from 6 December 2026)
    # what the AI seats said of their moves, by turn, and where each is (saves from 7 December 2026)
    reasons: dict[int, tuple[str, Mark]] | None = None
    seed_mark: Mark = (0, 0)  # where the seed is written (format 2)
    named_save: str = ""  # an autosave's: the save the player named, which the game kept up to date


def _read(path: Path) -> bytes:
    try:
        data = read_limited(path, MAX_BYTES)
    except IsADirectoryError:
        raise SaveLoadError(f"{path}: is a directory, not a saved game") from None
    except NotRegularFile:
        raise SaveLoadError(f"{path}: {NOT_REGULAR}") from None
    except FileNotFoundError:
        raise SaveLoadError(f"{path}: no such file") from None
    except PermissionError:
        raise SaveLoadError(f"{path}: permission denied: the file cannot be read") from None
    except (OSError, ValueError) as exc:
        raise SaveLoadError(f"{path}: cannot be read: {why(exc)}") from None
    if len(data) > MAX_BYTES:
        raise SaveLoadError(f"{path}: larger than {MAX_BYTES:,} bytes: not a saved game of ours")
    return data


def field(doc: YMap, key: str, kind: type | tuple[type, ...], where: Where, what: str) -> Any:
    if key not in doc:
        raise where.error(doc.mark, f"the save has no {key!r} ({what})")
    value = doc[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise where.error(doc.at(key), f"{key!r} should be {what}")
    return value


# a game's seed, as the command line and a scenario's tests take it (game.cli.args.seed, spec's `seed`)
SEED_LOW, SEED_HIGH, SEED_RANGE = 0, 2**63 - 1, "0..2^63-1"


def read_seed(doc: YMap, where: Where) -> int:
    """The save's seed, a whole number in SEED_RANGE: a save edited to -5, 2^63 or 4,000 digits
    loaded and played a game no command line could have started (and printed every digit)."""
    value = doc.get("seed")
    if isinstance(value, HugeNumber):  # more digits than int() takes: kept as text by the reader
        raise where.error(doc.at("seed"), f"the seed lies in {SEED_RANGE}, got a number of {value.digits} digits")
    seed: int = field(doc, "seed", int, where, "a whole number")
    if not SEED_LOW <= seed <= SEED_HIGH:
        # as the file writes it (the reader keeps a bare number's text): str() of a 0x number of
        # thousands of digits would raise
        written = doc.raw["seed"] if "seed" in doc.raw else str(seed)
        shown = written if len(written) <= 30 else f"a number of {len(written.lstrip('+-'))} digits"
        raise where.error(doc.at("seed"), f"the seed lies in {SEED_RANGE}, got {shown}")
    return seed


def read_scenario(doc: YMap, where: Where) -> tuple[str, bytes, Mark]:
    scenario = field(doc, "scenario", YMap, where, "the embedded scenario: name, hash and text")
    name = field(scenario, "name", str, where, "the scenario's name")
    at = first_control(name, one_line=True)
    if at is not None:
        raise where.error(scenario.at("name"), f"the scenario's name holds the control character {describe(name[at])}")
    digest = field(scenario, "hash", str, where, "the scenario's sha256")
    text = field(scenario, "text", str, where, "the scenario file, whole")
    source = text.encode("utf-8")
    if hashlib.sha256(source).hexdigest() != digest:
        if not any(key in doc for key in _KEYS[_KEYS.index("scenario") + 1 :]):
            # nothing a save writes after its scenario: the file ends inside it (a tester's save cut
            # at 3,000 bytes was said to be edited)
            raise where.error(
                scenario.at("text"),
                "the file ends inside the embedded scenario, before its seed, seats and log: it was cut short",
            )
        raise where.error(
            scenario.at("text"), "the embedded scenario does not match its hash: the save was edited or damaged"
        )
    return name, source, scenario.at("text")


def read_seats(doc: YMap, where: Where) -> tuple[dict[str, str], Mark]:
    seats = field(doc, "seats", YMap, where, "who played each delegation")
    out: dict[str, str] = {}
    for ident, kind in seats.items():
        outside = isinstance(kind, str) and kind.startswith(AGENT) and ":" in kind.removeprefix(AGENT)
        if kind != HUMAN and kind not in AI_SEATS and not outside:
            raise where.error(
                seats.at(ident),
                f"seat {ident!r}: {kind!r} is not one of human, {', '.join(AI_SEATS)} or {AGENT}PATH.py:NAME",
            )
        out[ident] = kind
    return out, seats.mark


# What a save of the current format holds, at its top and in its two blocks: a key besides these
# is a misspelling or an edit, refused by name (`reasonz:` was read past, and the AI's reasons
# were lost from the game and from any save of it continued).
_KEYS = ("format", "engine", "scenario", "seed", "seats", "outcome", "named_save", "reasons", "log")
_SCENARIO_KEYS = ("name", "hash", "text")
_OUTCOME_KEYS = ("result", "reason", "venues", "turns", "round")


def _known(doc: YMap, keys: tuple[str, ...], what: str, where: Where) -> None:
    for key in doc:
        if key not in keys:
            raise where.error(doc.key_at(key), f"unknown key {key!r} in {what}{close(str(key), keys)}")


def read_header(doc: YMap, where: Where) -> Header:
    """A format-2 save's header, all but its log, checked as loading checks it (the save list
    reads each file's header this way, and lists a file it refuses with the same words)."""
    if "format" not in doc:  # "unknown save format None" said nothing of what is missing
        raise where.error(doc.mark, "not a saved game: it has no 'format' field (the version of the save format)")
    version = doc.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        # in the file's own words: "unknown save format None" of `format: null` said nothing
        written = "empty" if version is None else f"{version!r}"
        raise where.error(
            doc.at("format"), f"unknown save format {written}: a save's format is a whole number, 1 to {FORMAT}"
        )
    if version > FORMAT:
        raise where.error(
            doc.at("format"),
            f"saved by a newer version of Peace Talks (format {version}); this version reads formats 1 to {FORMAT}",
        )
    if version != FORMAT:
        raise where.error(doc.at("format"), f"format {version} saves are written with 'version: {version}'")
    _known(doc, _KEYS, "a save", where)
    if isinstance(doc.get("scenario"), YMap):  # (read_scenario says what is wrong where it is not)
        _known(doc["scenario"], _SCENARIO_KEYS, "the save's scenario", where)
    name, source, source_mark = read_scenario(doc, where)
    seed = read_seed(doc, where)
    seats, seats_mark = read_seats(doc, where)
    outcome = field(doc, "outcome", YMap, where, "the game's result and where it stands")
    _known(outcome, _OUTCOME_KEYS, "the save's outcome", where)
    result = field(outcome, "result", str, where, "the outcome's result")
    turns = field(outcome, "turns", int, where, "the number of turns in the log")
    venues = field(outcome, "venues", list, where, "a list of the venues' outcomes") if "venues" in outcome else None
    if venues is not None and not all(isinstance(v, str) for v in venues):
        raise where.error(outcome.at("venues"), "'venues' should be a list of the venues' outcomes")
    reason = field(outcome, "reason", str, where, "why the game ended, in words") if "reason" in outcome else None
    at_round = field(outcome, "round", int, where, "the round the game stands at") if "round" in outcome else None
    reasons = _read_reasons(doc, where) if "reasons" in doc else None
    named_save = field(doc, "named_save", str, where, "the path of a save") if "named_save" in doc else ""
    if "named_save" in doc and not named_save.strip():
        raise where.error(doc.at("named_save"), "'named_save' should be the path of a save")
    return Header(
        name,
        source,
        source_mark,
        seed,
        seats,
        seats_mark,
        result,
        outcome.at("result"),
        turns=(turns, outcome.at("turns")),
        venues=None if venues is None else (tuple(venues), outcome.at("venues")),
        reason=None if reason is None else (reason, outcome.at("reason")),
        round=None if at_round is None else (at_round, outcome.at("round")),
        reasons=reasons,
        seed_mark=doc.at("seed"),
        named_save=named_save,
    )


def _read_v2(doc: YMap, where: Where) -> tuple[Header, list[Planned]]:
    header = read_header(doc, where)
    log = field(doc, "log", YSeq, where, "the list of actions")
    marks = log.marks if len(log.marks) == len(log) else [log.at(k) for k in range(len(log))]
    read = read_log(log)
    if read is not None:
        # every line as written and numbered in order: what the loop below would make of it, in
        # one C call a line, without the NamedTuple's Python __new__
        plan = list(
            map(_new_planned, zip(marks, range(1, len(log) + 1), read.actions, read.hashes, read.rounds, strict=True))
        )
    else:
        plan = _plan_line_by_line(log, marks, where)
    return header, plan


def _read_reasons(doc: YMap, where: Where) -> dict[int, tuple[str, Mark]]:
    """The reasons the AI seats gave, by turn: each a turn's number and one line of text. Which
    turns they may be on (a move a reason explains, in the log) is checked once it is replayed."""
    reasons = field(doc, "reasons", YMap, where, "the reasons given for moves, by turn")
    out: dict[int, tuple[str, Mark]] = {}
    for key, text in reasons.items():
        if not (key.isascii() and key.isdigit() and len(key) <= 9 and int(key) >= 1):
            raise where.error(reasons.key_at(key), f"reasons: {key!r} is not a turn (a whole number from 1)")
        if not isinstance(text, str) or not text:
            raise where.error(reasons.at(key), f"reasons: the reason for turn {key} should be one line of text")
        if int(key) in out:
            raise where.error(reasons.key_at(key), f"reasons: turn {int(key)} is given twice")
        at = first_control(text, one_line=True)
        if at is not None:
            raise where.error(
                reasons.at(key), f"reasons: the reason for turn {key} holds the control character {describe(text[at])}"
            )
        out[int(key)] = (text, reasons.at(key))
    return out


def _said(session: Session, turn: int, given: tuple[str, Mark], records: tuple[Record, ...], where: Where) -> None:
    """Keep the reason the save gives for this turn's move, which must be one a reason explains."""
    text, mark = given
    if not records or records[0].kind not in REASONED:
        kind = records[0].kind if records else "nothing"
        raise where.error(mark, f"reasons: turn {turn} is a move no reason is given for ({kind.replace('_', ' ')})")
    mover = session.scenario.delegations[records[0].actor].id
    if session.seats.get(mover) == HUMAN:
        raise where.error(mark, f"reasons: turn {turn} is a person's move ({mover}), and a person gives no reason")
    session.reasons[turn] = text
    session.said[len(session.records)] = text


def _plan_line_by_line(log: YSeq, marks: list[Mark], where: Where) -> list[Planned]:
    """The log's lines read one by one: what read_log reads when it reads the log at all, and the
    first bad line's error when it does not."""
    plan: list[Planned] = []
    for k, (line, mark) in enumerate(zip(log, marks, strict=True)):
        if not isinstance(line, str):
            raise where.error(mark, "a log entry should be one line of text")
        try:
            turn, round_, action, digest = read_line(line)
        except EntryError as exc:
            raise where.error(mark, f"cannot read log entry {k + 1}: {exc}") from None
        if turn != k + 1:
            raise where.error(mark, f"log entry {k + 1} is numbered {turn}: entries missing or out of order")
        # every field given, in order: made in one C call, without the NamedTuple's Python __new__
        plan.append(_new(Planned, (mark, turn, action, digest, round_)))
    return plan


def _replay(
    header: Header, plan: list[Planned], where: Where, observe: Callable[[Session], None] | None = None
) -> Session:
    scenario, diagnostics = check_bytes(header.source, f"{where.path} (embedded scenario)", embedded=True)
    if scenario is None:
        first = next(d for d in diagnostics if d.severity == "error")
        raise where.error(header.source_mark, f"the embedded scenario is invalid: line {first.line}: {first.message}")
    known = {d.id for d in scenario.delegations}
    seats = header.seats
    if header.humans is not None:
        unknown = [h for h in header.humans if h not in known]
        if unknown:
            raise where.error(header.seats_mark, f"no delegation {unknown[0]!r} in the embedded scenario")
        seats = default_seats(scenario, header.humans)
    unknown = sorted(set(seats) - known)
    if unknown:
        raise where.error(
            header.seats_mark, f"a seat for {unknown[0]!r}, which is no delegation of the embedded scenario"
        )
    missing = sorted(known - set(seats))
    if missing:
        raise where.error(header.seats_mark, f"no seat for the delegation {missing[0]!r}")
    session = Session.new(scenario, header.source, header.seed, seats, header.name)
    session.named_save = header.named_save
    if observe is not None:
        observe(session)
    # Session.play's work, done here in one loop over 10,000 actions: the hash computed is
    # compared before the entry is logged, and the entry is made without its dataclass __init__
    # (state.frozen, written out). The codec makes every field of an action of its declared type,
    # so apply skips that check (typed); every rule is checked.
    state = session.state
    log, told = session.log, session.records
    entry_dict = "__dict__"
    state_hash = StateHasher()  # the replay's own: consecutive states, one thread
    reasons = header.reasons or {}
    for mark, turn, action, saved, said_round in plan:
        if state.outcome != RUNNING:  # state.over
            raise where.error(mark, f"turn {turn} comes after the game was over")
        taken_in = state.round
        if said_round != taken_in and said_round is not None:
            raise where.error(mark, f"turn {turn} says round {said_round}, but the replay is in round {taken_in}")
        try:
            state, records = apply(state, action, True)
        except GameError as exc:
            raise where.error(mark, f"turn {turn} cannot be replayed: {exc}") from None
        digest = state_hash(state)
        if digest != saved and saved is not None:
            # the first turn's state is the first to hold the seed's draws: a tester who changed
            # the seed was pointed at the log's first entry, with no word of the seed
            seed_line = header.seed_mark[0]
            why = (
                f"the seed (line {seed_line}) or this entry was edited, or the save was written"
                if turn == 1 and seed_line
                else "the save was edited, or written"
            )
            raise where.error(
                mark,
                f"turn {turn} diverges: the replayed state does not match the saved hash ({why} by an incompatible version)",
            )
        entry = _make(Entry)
        _set(entry, entry_dict, {"turn": turn, "round": taken_in, "action": action, "hash": digest})
        log.append(entry)
        if turn in reasons:
            _said(session, turn, reasons[turn], records, where)
        told.extend(records)
        if observe is not None:
            session.state = state
            observe(session)
    session.state = state
    result = session.state.outcome or "running"
    if header.result is not None and header.result != result:
        raise where.error(
            header.result_mark, f"the saved outcome {header.result!r} does not match the replay ({result!r})"
        )
    # the rest of what the header claims of the end (the state hashes cover both, so a save the
    # game wrote always matches): a header edited to another ending would show in the save browser
    if header.venues is not None and header.venues[0] != session.state.venue_outcomes:
        raise where.error(
            header.venues[1],
            f"the saved venue outcomes {list(header.venues[0])} do not match the replay "
            f"({list(session.state.venue_outcomes)})",
        )
    if header.reason is not None and header.reason[0] != session.state.reason:
        raise where.error(header.reason[1], "the saved reason for the ending does not match the replay's")
    if header.turns is not None and header.turns[0] != len(plan):
        # a save cut short at a line boundary still reads and replays: it must not load as an
        # earlier game
        raise where.error(
            header.turns[1],
            f"the save counts {header.turns[0]} turns but its log holds {len(plan)}: the file was cut short or edited",
        )
    if header.round is not None and header.round[0] != session.state.round:
        raise where.error(
            header.round[1], f"the saved round {header.round[0]} does not match the replay ({session.state.round})"
        )
    beyond = [turn for turn in reasons if turn > len(plan)]
    if beyond:
        # after the count of turns: a log cut short is better told as that
        raise where.error(reasons[min(beyond)][1], f"reasons: there is no turn {min(beyond)} in the log")
    return session
