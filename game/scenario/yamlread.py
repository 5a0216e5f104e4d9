"""Read a YAML file safely into plain values that remember where they came from.

Only the safe loader's node graph is used (never a constructor that can build objects), and the
file is guarded against what a hostile or broken file can do: huge sizes, binary content, deep
nesting, alias bombs and unknown tags all become diagnostics, never exceptions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from game.files import NOT_REGULAR, NotRegularFile, read_limited, why
from game.safetext import ALLOWED, CONTROL, describe, first_control
from game.scenario.diagnostics import Mark, Report

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 60
MAX_NODES = 100_000

# Every YAML the game reads goes through this loader: the safe one (plain values only), in C where
# the C library is installed.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PlainLoader(SAFE_LOADER):  # type: ignore[misc]
    """SAFE_LOADER, with a whole number of more digits than int() takes read as its text (as
    the positioned reader keeps it, HugeNumber): a title of 5,000 digits raised ValueError."""


def _int_or_text(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:
        return node.value


_PlainLoader.add_constructor("tag:yaml.org,2002:int", _int_or_text)


def load_plain(text: str | bytes) -> Any:
    """One YAML document as plain values (dicts, lists, strings, numbers), read by SAFE_LOADER:
    what `yaml.safe_load` does, at the C loader's speed. For a quick look at a file that the
    positioned reader below would check in full (the save list reads each save's head)."""
    loader = _PlainLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


# line breaks to YAML besides "\n" and "\r\n": NEXT LINE, the Unicode line and paragraph
# separators, and a carriage return alone (in a file of line feeds; a file whose every line ends
# in a carriage return, as old Macs wrote them, reads as its editor shows it)
_ODD_BREAK = re.compile("[\x85\u2028\u2029]")
_LONE_CR = re.compile("\r(?!\n)")


def _odd_break(text: str) -> int | None:
    """Where the first line break YAML reads and an editor may not show stands, if any."""
    found = _ODD_BREAK.search(text)
    at = found.start() if found is not None else None
    if "\n" in text:
        cr = _LONE_CR.search(text)
        if cr is not None and (at is None or cr.start() < at):
            at = cr.start()
    return at


_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_NUMBER_TAGS = {_TAG + "int", _TAG + "float"}


def _unspaced_key(text: str, exc: yaml.MarkedYAMLError) -> tuple[Mark, str] | None:
    """`stability:40` is read as a plain text with no ':' after it, and PyYAML says so where the
    next line begins ("could not find expected ':'"): the line after the mistake. Point at the
    text it was scanning instead, and where that text holds a colon with no space after it, say
    that a key needs one."""
    start = exc.context_mark
    if exc.context != "while scanning a simple key" or exc.problem != "could not find expected ':'" or start is None:
        return None
    lines = text.splitlines()
    line = lines[start.line] if start.line < len(lines) else ""
    found = _NO_SPACE.search(line, start.column)
    if found is None:
        return (start.line + 1, start.column + 1), f"{exc.context}, {exc.problem}"
    return (
        (start.line + 1, found.start(1) + 1),
        f"a key needs a space after its colon: {found.group(1)}: {found.group(2)}",
    )


_NO_SPACE = re.compile(r"([A-Za-z_][\w-]*):(\S.*?)\s*$")


# a line that holds a key already before the point: `justice: Peace yes, but not like this: ...`
_KEYED = re.compile(r"\s*(?:-\s+)?[^\s#'\"][^:#]*:\s")


def _hint(text: str, exc: yaml.MarkedYAMLError) -> str:
    """What to do about the common syntax errors, in words an author knows (the parser's own speak
    of indicators and block ends), as " (...)" to follow its message; "" where there is none. The
    messages of both PyYAML parsers, in Python and in C, are known."""
    problem, mark = exc.problem or "", exc.problem_mark
    if mark is None:
        return ""
    quote = _quote_left_open(text, mark.index)
    if quote is not None and exc.context != "while scanning a quoted scalar":
        return quote
    cut = _apostrophe_closed(text, mark.index)
    if cut is not None:
        return f" (inside single quotes an apostrophe is written twice: {cut}; or put the whole text in double quotes)"
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    before = line[: mark.column]
    char = line[mark.column] if mark.column < len(line) else ""
    opened = exc.context_mark
    if problem.startswith("mapping values are not allowed"):
        if _KEYED.match(before):  # a second ': ' on a line that has its key
            return " (a text that holds ': ' must be in quotes: key: \"A: B\")"
        return (
            " (if this line starts a key, check its indentation against the line above; "
            "if it goes on with a text, the text holds ': ' and must be in quotes)"
        )
    if "'-' indicator" in problem or "expected key" in problem or problem.startswith("expected <block end>"):
        if before.strip() == "":  # the line's first token: where it stands is the mistake
            return " (check this line's indentation against the line above)"
        if before.rstrip().endswith(("'", '"')):
            return " (text after a closing quote: put the whole value inside the quotes)"
        return ""
    if "tab" in problem or char == "\t":
        return " (indent with spaces: YAML takes no tabs)"
    if "cannot start any token" in problem and char in ("@", "`"):
        return f" (a text that starts with {char} must be in quotes)"
    if "undefined alias" in problem:
        return " (a text that starts with * must be in quotes)"
    if exc.context == "while scanning a quoted scalar" and opened is not None:
        return f" (the quote at line {opened.line + 1}, column {opened.column + 1} is never closed)"
    if exc.context in ("while parsing a flow sequence", "while parsing a flow mapping") and opened is not None:
        bracket = "[" if exc.context.endswith("sequence") else "{"
        return (
            f" (the {bracket} at line {opened.line + 1}, column {opened.column + 1} is not closed before here, "
            "or an item in it holds ': ' or ',' and needs quotes)"
        )
    return ""


def _apostrophe_closed(text: str, at: int) -> str | None:
    """The word an apostrophe cut, written as single quotes take it (`government''s`), where the
    error at `at` comes right after a single-quoted text on its line that the apostrophe closed:
    `label: 'the government's offer'` is the text 'the government' and then `s offer'`, which YAML
    cannot place (an author's error said only "text after a closing quote"). Told by the quote
    following a letter and either a letter right after it (`'s`) or, where a space follows
    (`'the guarantors' plan'`), a quote ending the line; else None."""
    last = _last_quoted(text, at)
    if last is None or last.style != "'" or last.end_mark.line != last.start_mark.line:
        return None
    end = last.end_mark.index  # just past the closing quote
    if end < 2 or not text[end - 2].isalnum() or text[end:at].strip(" "):
        return None
    line_end = text.find("\n", at)
    rest = text[at : len(text) if line_end < 0 else line_end]
    if at != end and (rest[:1] in ("'", '"') or not rest.split(" #")[0].rstrip().endswith("'")):
        return None
    if at == end and not rest[:1].isalnum():
        return None
    word = re.search(r"\w*\Z", text[: end - 1])
    after = re.match(r"\w*", rest) if at == end else None
    return (word.group() if word else "") + "''" + (after.group() if after else "")


def _last_quoted(text: str, at: int) -> Any:
    """The last quoted text (a PyYAML ScalarToken) that starts before `at`, if any."""
    last = None
    try:
        for token in yaml.scan(text, Loader=SAFE_LOADER):
            if token.start_mark.index >= at:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last = token
    except yaml.YAMLError:
        pass  # the tokens up to the error are what matter; the scanner may stop short of it anyway
    return last


def _quote_left_open(text: str, at: int) -> str | None:
    """A quote left unclosed that a later quote closed: YAML reads all between the two as one text
    (a quoted text may go on over lines), and the error comes where that text ends, lines below
    the mistake, in words of brackets or keys (an author's `label: "A physics centre` was said as
    "the { at line 48 is not closed"). Where the error stands right after a quoted text that spans
    lines, the likely cause is a quote not closed where it was opened: named, with its line."""
    last = _last_quoted(text, at)
    if last is None or last.start_mark.line == last.end_mark.line or text[last.end_mark.index : at].strip(" "):
        return None
    start, end = last.start_mark, last.end_mark
    # the quote that closed it has a word right after it: it was meant to open the next text
    # ("The Protocol...), or is an apostrophe (Iran's). A text meant to span lines ends in a quote
    # after its last word, and an error after it is something else.
    if not text[end.index : end.index + 1].isalnum():
        return None
    return (
        f" (the quote at line {start.line + 1}, column {start.column + 1} is closed only by the one at "
        f"line {end.line + 1}, column {end.column}: is a closing quote missing on line {start.line + 1}?)"
    )


class YMap(dict[str, Any]):
    """A mapping with the position of itself, of each key and of each value."""

    mark: Mark = (0, 0)

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}
        # keys whose value the reader refused (an unsupported tag, an unreadable scalar), already
        # reported: the key is there, and no check should call it missing as well
        self.refused: set[str] = set()
        # the text as written of a bare value YAML reads as something else (`label: No` is false,
        # `title: 010` is 8): where a text is expected, that is what the author wrote
        self.raw: dict[str, str] = {}
        # values the shape check refused (each reported), as written: an id refused still says
        # what the references to its object mean (game.scenario.refs.written_ids)
        self.rejected: dict[str, Any] = {}

    def at(self, key: str) -> Mark:
        return self.value_marks.get(key, self.mark)

    def key_at(self, key: str) -> Mark:
        return self.key_marks.get(key, self.mark)


class YSeq(list[Any]):
    """A sequence with the position of itself and of each item."""

    mark: Mark = (0, 0)

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.marks: list[Mark] = []
        self.raw: dict[int, str] = {}  # as YMap.raw, by index
        # the shape check reported a fault of this list (too few items, or an item refused, each
        # with its own error): a later check must not report it again as a list that is wrong
        self.faulted = False
        self.written = 0  # items as the file wrote them, refused ones included (set by that check)
        self.rejected: list[Any] = []  # the items that check refused (each reported), as written

    def at(self, index: int) -> Mark:
        return self.marks[index] if index < len(self.marks) else self.mark


class _TooBig(Exception):
    pass


def read_yaml(path: Path, report: Report) -> tuple[Any, bytes] | None:
    """The file's content as YMap/YSeq/scalars and its bytes, or None after reporting why not."""
    data = read_bytes(path, report)
    if data is None:
        return None
    value = parse_yaml(data, report)
    return None if value is None else (value, data)


def read_bytes(path: Path, report: Report) -> bytes | None:
    """The file's bytes, or None after reporting why they cannot be read (or are too many)."""
    try:
        data = read_limited(path, MAX_BYTES)
    except IsADirectoryError:
        report.error((0, 0), "is a directory, not a scenario file")
        return None
    except NotRegularFile:
        report.error((0, 0), NOT_REGULAR)
        return None
    except FileNotFoundError:
        report.error((0, 0), "no such file")
        return None
    except PermissionError:
        report.error((0, 0), "permission denied: the file cannot be read")
        return None
    except OSError as exc:
        report.error((0, 0), f"cannot be read: {why(exc)}")
        return None
    except ValueError:
        report.error((0, 0), "cannot be read: not a valid path")
        return None
    if len(data) > MAX_BYTES:
        report.error(
            (0, 0), f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB; a scenario never needs that much"
        )
        return None
    return data


def parse_yaml(
    data: bytes,
    report: Report,
    max_nodes: int = MAX_NODES,
    controls: bool = False,
    embedded: bool = False,
    holds: str = "scenario",
) -> Any | None:
    """The document as YMap/YSeq/scalars, or None after reporting why not. Text holding a control
    character (game.safetext) is an error unless `controls` (a save's embedded scenario file is
    whole text, comments and all: it is checked as a scenario when it is loaded). A bare number
    YAML 1.1 and 1.2 read differently (`010`, `1:0`, `0b1010`, `1_000`) is an error, unless
    `embedded`: a save's scenario was played as YAML 1.1 read it, and is read so again. `holds`:
    what an empty document is said to lack ("the file holds no saved game")."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        report.error(_offset_mark(data, exc.start), "not UTF-8 text: save the file as UTF-8 (or is it a binary file?)")
        return None
    if not text.strip():
        report.error((1, 1), "the file is empty")
        return None
    # (a scenario file only: a save, and the scenario a save carries, are read as they were
    # written and played, whatever they hold)
    odd = None if embedded or controls else _odd_break(text)
    if odd is not None:
        # YAML ends a line at these where most editors show none: every line and column after
        # one was off, and a stray one in a comment on line 1 was reported as "did not find
        # expected <document start>" at line 16 (a tester's)
        report.error(
            (text.count("\n", 0, odd) + 1, odd - text.rfind("\n", 0, odd)),
            f"the character {describe(text[odd])} ends a line for YAML, though most editors show none there: "
            "put an ordinary line break in its place, or a space",
        )
        return None
    try:
        _check_depth(text)
        node = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem and exc.problem.startswith("but "):
            problem = f"{exc.context}, {exc.problem}"
        key = _unspaced_key(text, exc)
        if key is not None:
            where, problem = key
        elif exc.problem_mark is not None and text[exc.problem_mark.index : exc.problem_mark.index + 1] == "\t":
            problem = _tab_problem(text, where)  # (each parser says it its own way)
        else:
            problem += _hint(text, exc)
        report.error(where, f"invalid YAML: {problem}")
        return None
    except _DepthError as exc:
        report.error(exc.mark, f"nested deeper than {MAX_DEPTH} levels")
        return None
    except yaml.YAMLError as exc:  # reader errors: control characters, bad encodings
        position = getattr(exc, "position", None)
        where = _offset_mark(text.encode("utf-8"), position) if isinstance(position, int) else (0, 0)
        reason = getattr(exc, "reason", None) or "unreadable content"
        report.error(where, f"invalid YAML: {reason} (is this a binary file?)")
        return None
    except RecursionError:
        report.error((0, 0), f"nested deeper than {MAX_DEPTH} levels")
        return None
    if node is None:
        report.error((1, 1), "the file is empty")
        return None
    # (the Python loader, where the C library is missing, has refused these tabs already). A save
    # is checked as a scenario file is (a hand-edited `seed:<tab>7` loaded, where yaml.safe_load
    # refuses the file); not the scenario a save carries, read as it was played.
    tab = None if embedded or "\t" not in text or SAFE_LOADER is yaml.SafeLoader else _stray_tab(text)
    if tab is not None:
        report.error(tab, f"invalid YAML: {_tab_problem(text, tab)}")
        return None
    before = len(report.items)
    try:
        value = _convert(node, report, [max_nodes], 0, _Scalars(strict=not embedded), None if controls else text)
    except _TooBig:
        # the bound is on every value read: a file without a single alias met it too, and was
        # told of anchors it did not have
        report.error(
            _mark(node),
            f"more than {max_nodes:,} values in all (anchors and aliases counted as they expand): "
            "split the content, or write fewer values",
        )
        return None
    except _DepthError as exc:
        report.error(exc.mark, f"nested deeper than {MAX_DEPTH} levels (through aliases)")
        return None
    if value is None and len(report.items) == before:
        report.error(_mark(node), f"the file holds no {holds}: expected a mapping of keys")
    return value


def _tab_problem(text: str, where: Mark) -> str:
    """What to do about a tab the reader refuses, at `where` (1-based): the same words from both
    parsers, and from the check of the tabs only one of them refuses (_stray_tab)."""
    lines = text.splitlines()
    line = lines[where[0] - 1] if 0 < where[0] <= len(lines) else ""
    if not line[: where[1] - 1].strip():
        return "a tab here: indent with spaces (YAML takes no tab in indentation)"
    return (
        "a tab here: use spaces (YAML's safe loader, yaml.safe_load, and yamllint take a tab only inside "
        "quotes, in a block text or in a comment)"
    )


class _PythonScanner(yaml.reader.Reader, yaml.scanner.Scanner):
    """PyYAML's scanner in Python, the one yaml.safe_load reads with: tokens only, nothing built."""

    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)


def _stray_tab(text: str) -> Mark | None:
    """Where the first tab stands that PyYAML's Python scanner refuses and the C one (SAFE_LOADER)
    takes, if any: a tab after a colon or a comma, between or after words of a bare text
    (`reservation:<tab>0.48`, `{id: x,<tab>label: y}`). The C scanner follows YAML 1.2, which
    allows them; yaml.safe_load and the linters built on PyYAML (yamllint) refuse the file, and an
    author who checked a file with either was told it was valid here. Only a file holding a tab
    is scanned (a pure-Python pass), and only the tab error is taken from it: the C loader has
    already read the file, and said what else is wrong."""
    scanner = _PythonScanner(text)
    try:
        while scanner.check_token():
            scanner.get_token()  # type: ignore[no-untyped-call]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        if mark is not None and "'\\t'" in (exc.problem or ""):
            return mark.line + 1, mark.column + 1
    except yaml.YAMLError:
        pass  # not a tab: the C loader took the file, and it is read as that did
    return None


class _DepthError(Exception):
    def __init__(self, mark: Mark) -> None:
        self.mark = mark


def _check_depth(text: str) -> None:
    """Refuse deep nesting from the event stream, before the recursive composer sees it."""
    depth = 0
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise _DepthError((mark.line + 1, mark.column + 1) if mark else (0, 0))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _offset_mark(data: bytes, offset: int) -> Mark:
    before = data[:offset]
    line = before.count(b"\n") + 1
    return line, offset - (before.rfind(b"\n") + 1) + 1


def _mark(node: yaml.Node) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Scalars:
    """Reads a plain scalar with the safe constructor's rules, keeping nothing: the constructor
    remembers every node it built (its `constructed_objects`), so one shared for the process grew
    with every file read (play --watch, the save list and the viewer read many)."""

    def __init__(self, strict: bool = True) -> None:
        self._constructor = yaml.constructor.SafeConstructor()
        self.strict = strict  # a number YAML 1.1 and 1.2 read differently is an error

    def value(self, node: yaml.ScalarNode) -> Any:
        try:
            return self._constructor.construct_object(node, deep=True)
        finally:
            self._constructor.constructed_objects.clear()


_CONTROL_SEARCH = CONTROL.search


def _check_text(node: yaml.Node, source: str, report: Report) -> None:
    """Refuse a control character in a text, at its own line and column where the file holds it
    as it is, else (a double-quoted escape such as "\\e") at the start of the text."""
    value = node.value
    at = first_control(value)
    if at is None:
        return
    char = value[at]
    raw = source.find(char, node.start_mark.index, node.end_mark.index)
    where = _mark(node)
    if raw >= 0:
        line_start = source.rfind("\n", 0, raw) + 1
        where = (source.count("\n", 0, raw) + 1, raw - line_start + 1)
    report.error(where, f"the text holds the control character {describe(char)}; texts hold {ALLOWED}")


class AmbiguousNumber(str):
    """A bare value YAML 1.1 reads as one number and YAML 1.2 as another, or as text (`010`,
    `1:0`, `0b1010`, `1_000`): kept as the text written, and refused where a number is expected."""


class HugeNumber(str):
    """A bare whole number of more digits than Python converts (4,300: its limit on int() of a
    text, against a slow conversion): kept as the text written, which is what it is where text is
    expected (`title: 999…`), and refused where a number is, by its count of digits, not quoted
    back whole (shapes.Num). No number of any of the formats comes near."""

    @property
    def digits(self) -> int:
        return sum(char.isdigit() for char in self)


class BareNumber(str):
    """A bare value in exponent form (`1.5e2`): text to YAML 1.1, a number to YAML 1.2."""


# YAML 1.2's numbers in exponent form that YAML 1.1, which PyYAML reads, takes for text (it wants
# a dot and a signed exponent: 1.0e+2)
_EXPONENT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+\Z")


# A bare number YAML 1.1 (which PyYAML reads) and YAML 1.2 (which the guide promises, and an
# editor reads) take differently: 010 (octal 8, or ten), 1:0 (sixty, base 60, or text), 0b1010 and
# 1_000 (numbers, or text). A file that said `rounds: 010` validated and played 8 rounds. Written
# plainly, a number reads the same to both.
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z|0x[0-9a-fA-F]+\Z")


def _ambiguous(node: yaml.ScalarNode) -> bool:
    """Whether YAML 1.1 reads this bare value as a number that YAML 1.2 reads otherwise, or as
    text that YAML 1.2 reads as a number (08: no octal number to 1.1, 8 to 1.2; 0o17)."""
    text = node.value
    if node.tag == _TAG + "int":
        return _PLAIN_INT.match(text) is None
    if node.tag == _TAG + "str":
        return _TEXT_TO_1_1.match(text) is not None
    return "_" in text or ":" in text  # a float: 1_000.5, 1:30.5


# YAML 1.2's whole numbers that YAML 1.1 takes for text: a leading zero before an 8 or a 9 (1.1
# reads a leading zero as octal), and 1.2's own octal form
_TEXT_TO_1_1 = re.compile(r"[-+]?0[0-9]*[89][0-9]*\Z|0o[0-7]+\Z")
_YAML12_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")


def yaml_readings(text: str) -> tuple[int | float | None, int | float | None]:
    """What a bare value is to YAML 1.1 (PyYAML) and to YAML 1.2 (its core schema, an editor's):
    a number, or None for text."""
    try:
        old = yaml.safe_load(text)
    except yaml.YAMLError:
        old = None
    if isinstance(old, bool) or not isinstance(old, int | float):
        old = None
    new: int | float | None = None
    if re.fullmatch(r"[-+]?[0-9]+", text):
        new = int(text, 10)
    elif re.fullmatch(r"0o[0-7]+", text):
        new = int(text[2:], 8)
    elif re.fullmatch(r"0x[0-9a-fA-F]+", text):
        new = int(text[2:], 16)
    elif _YAML12_FLOAT.match(text):
        new = float(text)
    return old, new


# a whole number as YAML 1.1 writes one in decimal (its underscores taken where a save's embedded
# scenario is read as it was played)
_DECIMAL = re.compile(r"[-+]?[0-9][0-9_]*\Z")


def _shown(text: str) -> str:
    """A value quoted in a message: whole if short, else its start and its length (a value of
    5,000 characters made a line of 5 KB)."""
    return repr(text) if len(text) <= 60 else f"{text[:40]!r}… ({len(text):,} characters)"


def _read_as_other(node: yaml.Node, value: Any) -> bool:
    """A bare scalar YAML read as a number or true/false: its text as written is kept too."""
    return isinstance(node, yaml.ScalarNode) and not node.style and isinstance(value, bool | int | float)


def _convert(
    node: yaml.Node, report: Report, budget: list[int], depth: int, scalars: _Scalars, source: str | None = None
) -> Any:
    budget[0] -= 1  # what is left of the budget of values
    if budget[0] < 0:
        raise _TooBig
    if depth > MAX_DEPTH:
        raise _DepthError(_mark(node))
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _SCALAR_TAGS:
            report.error(_mark(node), f"unsupported tag {node.tag!r}: scenario files use plain YAML values only")
            return None
        if source is not None and _CONTROL_SEARCH(node.value) is not None:  # (inline: called per value)
            _check_text(node, source, report)
        if node.tag == _TAG + "timestamp":
            return node.value  # a date written bare is kept as the text the author wrote
        if node.tag == _TAG + "str" and not node.style and _EXPONENT.match(node.value):
            # 1e2 and 1.5e2 are numbers in YAML 1.2 (and to an editor's schema): kept as the text
            # it is to YAML 1.1, marked, and read as a number only where a number is expected
            # (shapes.Num); a save's `name: 1e5`, written by YAML 1.1, stays the name it was.
            # `!!str 1e2` says it is text.
            tagged = source is not None and source.startswith("!", node.start_mark.index)
            return node.value if tagged else BareNumber(node.value)
        if (
            scalars.strict
            and not node.style
            and node.tag in (*_NUMBER_TAGS, _TAG + "str")
            and _ambiguous(node)
            and (source is None or not source.startswith("!", node.start_mark.index))
        ):
            # text where text is expected (`title: 010` stays 010); where a number is, refused
            # with the reason (shapes.Num)
            return AmbiguousNumber(node.value)
        try:
            return scalars.value(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            if node.tag == _TAG + "int" and _DECIMAL.match(node.value):
                return HugeNumber(node.value)  # too many digits for int(): the caller says what it wants
            report.error(_mark(node), f"cannot read the value {_shown(node.value)}")
            return None
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _TAG + "seq":
            report.error(_mark(node), f"unsupported tag {node.tag!r}")
            return None
        seq = YSeq(_mark(node))
        for item in node.value:
            value = _convert(item, report, budget, depth + 1, scalars, source)
            if _read_as_other(item, value):
                seq.raw[len(seq)] = item.value
            seq.append(value)
            seq.marks.append(_mark(item))
        return seq
    assert isinstance(node, yaml.MappingNode)
    if node.tag != _TAG + "map":
        report.error(_mark(node), f"unsupported tag {node.tag!r}")
        return None
    out = YMap(_mark(node))
    for key_node, value_node in node.value:
        if key_node.tag == _TAG + "merge":
            report.error(_mark(key_node), "merge keys (<<) are not supported; write the values out")
            continue
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
            report.error(_mark(key_node), "a key must be a plain name")
            continue
        key = key_node.value
        if source is not None and _CONTROL_SEARCH(key) is not None:
            _check_text(key_node, source, report)
        if key in out or key in out.key_marks:
            report.error(_mark(key_node), f"duplicate key {key!r}")
            continue
        said = len(report.items)
        out[key] = _convert(value_node, report, budget, depth + 1, scalars, source)
        if out[key] is None and len(report.items) > said:
            out.refused.add(key)
        elif _read_as_other(value_node, out[key]):
            out.raw[key] = value_node.value
        out.key_marks[key] = _mark(key_node)
        out.value_marks[key] = _mark(value_node)
    return out
