"""The documentation's examples are real: they validate and play. The authoring guide names every
key of the scenario format with the type, range and default the loader checks, and every command
output it shows is what the command prints today. Every relative link of README.md and docs/
leads to a file and, with an #anchor, to one of its headings; every 'docs/X.md, "Name"' the code
cites names a section of that file.

`python -m tests.test_docs` prints the reference rows the spec makes (key, type, required,
default), to paste into docs/SCENARIOS.md when the format changes.
"""

from __future__ import annotations

import functools
import re
import shlex
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from game.ai import play
from game.cli import main
from game.engine.model import Rules
from game.scenario import bundled, check_bytes, check_file, load_scenario, shapes
from game.scenario import spec as S

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "SCENARIOS.md"
EXAMPLES = ROOT / "docs" / "examples"


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_the_complete_example_in_the_authoring_guide_validates_and_plays() -> None:
    text = guide()
    section = text.split("## A complete example", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert match, "the guide lost its complete example"
    scenario, diagnostics = check_bytes(match.group(1).encode(), "SCENARIOS.md example")
    assert scenario is not None, [str(d) for d in diagnostics]
    assert not diagnostics
    assert play(scenario, 1).state.over


def test_the_rules_table_of_time_gives_every_bundled_scenario_its_own_numbers() -> None:
    """RULES.md's table of the time rules names each bundled scenario with the delay_cost and
    breakdown_risk its file sets (an author reads it to pick numbers; dayton-1995 was missing)."""
    text = (ROOT / "docs" / "RULES.md").read_text(encoding="utf-8")
    rows = {m[0]: (int(m[1]), int(m[2])) for m in re.findall(r"^\| ([a-z0-9-]+) \| (\d+) \| (\d+) \|", text, re.M)}
    files = {name: load_scenario(path).rules for name, path in bundled().items()}
    assert rows == {name: (r.delay_cost, r.breakdown_risk) for name, r in files.items()}


def test_every_rule_number_in_the_guide_is_a_real_rule() -> None:
    text = guide()
    rows = re.findall(r"^\| `(\w+)` \| (\d+) \|", text, re.M)
    documented = {name: int(value) for name, value in rows}
    defaults = {f.name: f.default for f in fields(Rules)}
    assert documented == defaults
    assert set(S.RULES.fields) == set(defaults), "the spec and the engine disagree on the rules"


# --- the reference tables are the spec ---------------------------------------------------------
#
# Before each reference table the guide has a marker: `<!-- fields: NAME -->` for a mapping with
# fixed keys (a table of key, type, required, default, meaning) and `<!-- kinds: NAME -->` for a
# one-key mapping (a table of kind, its keys, meaning). NAME is a spec of game/scenario/spec.py,
# or a spec's field (DELEGATION.personality).


def _choices(items: tuple[str, ...]) -> str:
    quoted = [f"`{c}`" for c in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _range(spec: shapes.Num) -> str:
    assert spec.low is not None and spec.high is not None, "every number of the format has a range"
    high = "2^63-1" if spec.high == 2**63 - 1 else shapes.fmt(spec.high)
    return f"{shapes.fmt(spec.low)}..{high}"


def _name(spec: shapes.Obj | shapes.OneKey) -> str:
    return re.sub(r"^(an?|the) ", "", spec.what)


def _plural(spec: shapes.Spec) -> str:
    if isinstance(spec, shapes.Str):
        return "ids" if spec.ident else _choices(spec.choices) if spec.choices else "texts"
    if isinstance(spec, shapes.Num):
        return f"numbers {_range(spec)}"
    assert isinstance(spec, shapes.Obj | shapes.OneKey), spec
    return _name(spec) + "s"


def type_text(spec: shapes.Spec, nested: bool = False) -> str:
    """How the guide writes a value's type."""
    if isinstance(spec, shapes.Str):
        return "id" if spec.ident else _choices(spec.choices) if spec.choices else "text"
    if isinstance(spec, shapes.Num):
        if spec.low is not None and spec.low == spec.high:
            return f"`{shapes.fmt(spec.low)}`"
        return ("whole number " if spec.integer else "number ") + _range(spec)
    if isinstance(spec, shapes.Bool):
        return "`true` or `false`"
    if isinstance(spec, shapes.ListOf):
        return (
            f"list of {_plural(spec.item)}"
            + (f", at least {spec.min_items}" if spec.min_items else "")
            + (f", at most {spec.max_items}" if spec.max_items is not None else "")
        )
    if isinstance(spec, shapes.MapOf):
        return "mapping: id to " + type_text(spec.value, nested=True)
    assert isinstance(spec, shapes.Obj | shapes.OneKey), spec
    return _name(spec) if nested else "mapping"


def default_text(fld: shapes.Field) -> str | None:
    """The default as the guide writes it, or None where the spec has none (the guide then
    describes the default in words, or writes —)."""
    value = fld.default
    if value is None:
        return None
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str):
        return f"`{value}`"
    return shapes.fmt(value)


def spec_rows(obj: shapes.Obj) -> list[list[str]]:
    """The first four cells of each row of an object's table: key, type, required, default."""
    return [
        [f"`{key}`", type_text(fld.spec), "yes" if fld.required else "no", default_text(fld) or "—"]
        for key, fld in obj.fields.items()
    ]


def documented_specs() -> tuple[dict[str, shapes.Obj], dict[str, shapes.OneKey]]:
    """Every structure an author writes, by the name its marker uses: the objects with fixed keys
    and the one-key mappings. The kinds of a one-key mapping are documented in its own table, and
    the rules in theirs (checked above)."""
    names = {id(v): k for k, v in vars(S).items() if isinstance(v, shapes.Spec)}
    objects: dict[str, shapes.Obj] = {}
    kinds: dict[str, shapes.OneKey] = {}

    def walk(spec: shapes.Spec, name: str) -> None:
        name = names.get(id(spec), name)
        if isinstance(spec, shapes.ListOf):
            walk(spec.item, name)
        elif isinstance(spec, shapes.MapOf):
            walk(spec.value, name)
        elif isinstance(spec, shapes.OneKey):
            kinds[name] = spec
        elif isinstance(spec, shapes.Obj) and spec is not S.RULES:
            objects[name] = spec
            for key, fld in spec.fields.items():
                walk(fld.spec, f"{name}.{key}")

    walk(S.SCENARIO, "SCENARIO")
    return objects, kinds


def marked_table(text: str, kind: str, name: str) -> list[list[str]]:
    """The cells of the table after `<!-- kind: name -->` (header and rule left out)."""
    marker = f"<!-- {kind}: {name} -->"
    assert text.count(marker) == 1, f"docs/SCENARIOS.md needs exactly one {marker} before its table"
    rows = []
    for line in text.split(marker, 1)[1].lstrip("\n").splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]])
    assert rows, f"no table after {marker}"
    return rows


def test_every_key_of_the_format_is_in_the_guide_with_its_type_required_and_default() -> None:
    text = guide()
    objects, _ = documented_specs()
    for name, obj in objects.items():
        rows = marked_table(text, "fields", name)
        assert [r[0] for r in rows] == [f"`{key}`" for key in obj.fields], f"the keys of {name}"
        for row, (key, fld), expected in zip(rows, obj.fields.items(), spec_rows(obj), strict=True):
            assert row[1:3] == expected[1:3], f"{name}.{key}: type and required"
            if fld.default is not None or fld.required:
                assert row[3] == expected[3], f"{name}.{key}: default"
            assert len(row) == 5 and row[4], f"{name}.{key}: say what it is"


def test_every_kind_of_effect_and_check_is_in_the_guide_with_its_keys() -> None:
    text = guide()
    _, kinds = documented_specs()
    assert set(kinds) == {"EFFECT", "CHECK", "CONDITION"}
    bound_keys = {"above", "below", "at_least", "at_most", "between", "share"}
    for name, spec in kinds.items():
        rows = marked_table(text, "kinds", name)
        by_kind = {k: row for row in rows for k in re.findall(r"`(\w+)`", row[0])}
        assert set(by_kind) == set(spec.kinds), f"the kinds of {name}"
        for kind, body in spec.kinds.items():
            if isinstance(body, shapes.Obj):
                named = set(re.findall(r"`(\w+)`", by_kind[kind][1]))
                missing = set(body.fields) - bound_keys - named
                assert not missing, f"{name} {kind}: its keys {sorted(missing)} are not in the table"
    for key in bound_keys:
        assert f"`{key}`" in text.split("### Checks", 1)[1], f"the bound key {key} is not described"


# --- the worked example ------------------------------------------------------------------------


def test_every_example_scenario_validates() -> None:
    files = sorted(EXAMPLES.glob("*.yaml"))
    assert len(files) >= 5
    for path in files:
        scenario, diagnostics = check_file(path)
        assert scenario is not None, [str(d) for d in diagnostics]
    final, diagnostics = check_file(EXAMPLES / "final.yaml")
    assert final is not None and not diagnostics, [str(d) for d in diagnostics]


def test_the_broken_example_has_errors() -> None:
    files = sorted((EXAMPLES / "broken").glob("*.yaml"))
    assert files
    for path in files:
        scenario, diagnostics = check_file(path)
        assert scenario is None and any(d.severity == "error" for d in diagnostics), path


# --- outputs shown in the guide ----------------------------------------------------------------
#
# A code block right after `<!-- output: COMMAND -->` shows what COMMAND prints, run from the
# repository's root; a line `...` stands for lines left out, and the time a run took is not
# compared. The command's stderr (diagnostics) comes before its stdout, as in a terminal.

_TIME = re.compile(r" \(\d+\.\d s\)$")


def shown_outputs(text: str) -> list[tuple[str, list[str]]]:
    found = re.findall(r"<!-- output: (.+?) -->\n```\n(.*?)```", text, re.S)
    return [(command, block.splitlines()) for command, block in found]


def follows(shown: list[str], printed: list[str]) -> str | None:
    """None if the printed lines are the shown ones, where a shown `...` stands for any number of
    printed lines; else the first shown line that does not match (or "the end")."""
    lines = [_TIME.sub("", line) for line in printed]
    position = 0
    gap = False
    for line in shown:
        if line == "...":
            gap = True
            continue
        wanted = _TIME.sub("", line)
        if gap:
            if wanted not in lines[position:]:
                return line
            position = lines.index(wanted, position) + 1
        elif position >= len(lines) or lines[position] != wanted:
            return line
        else:
            position += 1
        gap = False
    return None if gap or position == len(lines) else "the end"


OUTPUTS = shown_outputs(guide())


def test_the_guide_shows_outputs_of_every_stage() -> None:
    commands = " ".join(command for command, _ in OUTPUTS)
    for path in [*sorted(EXAMPLES.glob("*.yaml")), *sorted((EXAMPLES / "broken").glob("*.yaml"))]:
        assert str(path.relative_to(ROOT)) in commands, f"the guide shows no output for {path.name}"


def test_the_finished_example_passes_its_tests() -> None:
    """The finished example's four tests pass. They run once, as the guide's command: the test
    below checks that the command prints exactly what the guide shows (its diagnostics first,
    so there are none), and this one that what the guide shows is a whole passing report."""
    command = "peacetalks test-scenario docs/examples/final.yaml"
    shown = dict(OUTPUTS).get(command)
    assert shown is not None, f"the guide shows no output for {command}"
    *verdicts, total = shown
    assert len(verdicts) == 4 and all(line.startswith("PASS  docs/examples/final.yaml:") for line in verdicts), shown
    assert _TIME.sub("", total) == "4 tests: 4 passed, 0 failed", total


@pytest.mark.parametrize(("command", "shown"), OUTPUTS, ids=[c for c, _ in OUTPUTS])
def test_an_output_shown_in_the_guide_is_what_the_command_prints(
    command: str, shown: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = shlex.split(command)
    assert argv[0] == "peacetalks"
    monkeypatch.chdir(ROOT)
    main(argv[1:])
    out = capsys.readouterr()
    printed = out.err.splitlines() + out.out.splitlines()
    wrong = follows(shown, printed)
    assert wrong is None, f"{command} no longer prints {wrong!r}; it prints:\n" + "\n".join(printed)


def test_the_failed_test_report_in_the_guide_is_real(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = guide()
    complete = re.search(r"```yaml\n(.*?)```", text.split("## A complete example", 1)[1], re.S)
    section = text.split("## Testing a scenario", 1)[1]
    tests = re.search(r"```yaml\n(.*?)```", section, re.S)
    report = re.search(r"the run would print:\n\n```\n(.*?)```", section, re.S)
    # the check the guide says the second test asks for instead of its own agreement_rate
    instead = re.search(r"second test above asked for `(agreement_rate: \{[^`]*\})`", section)
    assert complete and tests and report and instead
    asked, n = re.subn(r"agreement_rate: \{[^}]*\}", instead.group(1), tests.group(1))
    assert n == 1
    (tmp_path / "talks.yaml").write_text(complete.group(1) + asked, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["test-scenario", "talks.yaml"]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert follows(report.group(1).splitlines(), printed) is None, "\n".join(printed)


# --- Links and citations: every pointer into the docs leads somewhere real ---------------------------

DOCS = ROOT / "docs"
LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")
CITATION = re.compile(r"(docs/[\w/]+\.md),?\s*\(?\"([^\"]+)\"")


def _fenced_out(text: str) -> str:
    """The Markdown without its fenced blocks, whose lines are neither headings nor links."""
    return re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)


def _prose(text: str) -> str:
    """The Markdown without its fenced blocks and code spans, whose brackets are not links."""
    return re.sub(r"`[^`]*`", "", _fenced_out(text))


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.strip()).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def headings(text: str) -> list[str]:
    """A Markdown file's headings, in order, as written."""
    return [m.group(1).strip() for m in re.finditer(r"^#{1,6} (.+)$", _fenced_out(text), re.M)]


@functools.cache  # a file is read for each link into it: its text's anchors are worked out once
def anchors(text: str) -> frozenset[str]:
    """Every anchor a file's headings give, with GitHub's -1, -2 for a repeated one."""
    seen: dict[str, int] = {}
    out: set[str] = set()
    for heading in headings(text):
        base = slug(heading)
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.add(base if n == 0 else f"{base}-{n}")
    return frozenset(out)


@functools.cache  # a file is read for each citation of it: its text's names are worked out once
def section_names(text: str) -> tuple[str, ...]:
    """What a citation may name: a heading, or the bold words that open a paragraph or a list item
    (the docs' bullets, e.g. AI.md's "Keeping one's temper", are cited by those), each with its
    white space made single."""
    bold = re.findall(r"^[ \t]*(?:- )?\*\*([^*]+?)\*\*", _fenced_out(text), re.M)
    return tuple(" ".join(name.split()) for name in headings(text) + bold)


def _read(path: Path) -> str:
    """A file's text, read once while it is unchanged (a large doc is read for each pointer into it)."""
    stat = path.stat()
    return _read_as_of(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _read_as_of(path: Path, mtime_ns: int, size: int) -> str:
    return path.read_text(encoding="utf-8")


def broken_links(path: Path) -> list[str]:
    """Each relative link of a Markdown file that leads to no file, or to no heading of it."""
    out = []
    for m in LINK.finditer(_prose(path.read_text(encoding="utf-8"))):
        target = m.group(1)
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: and the like
            continue
        file, _, anchor = target.partition("#")
        dest = (path.parent / file).resolve() if file else path
        where = f"{path.relative_to(ROOT)}: ({target})"
        if not dest.exists():
            out.append(f"{where}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(_read(dest)):
            out.append(f"{where}: no heading of {dest.relative_to(ROOT)} has the anchor #{anchor}")
    return out


def wrong_citations(path: Path) -> list[str]:
    """Each 'docs/X.md, "Name"' in a file (a comment or docstring may wrap it over lines) whose
    file is missing or has no section whose name starts with Name."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":  # string literals a line break splits: "What '\n    'moves ..."
        text = re.sub(r"(['\"])[ \t]*\n\s*\1", "", text)
    text = re.sub(r"\s*\n\s*(?:#\s*)?", " ", text)
    out = []
    for m in CITATION.finditer(text):
        doc, name = ROOT / m.group(1), " ".join(m.group(2).split())
        where = f'{path.relative_to(ROOT)}: {m.group(1)}, "{name}"'
        if not doc.exists():
            out.append(f"{where}: no such file")
        elif not any(_names(section, name) for section in section_names(_read(doc))):
            out.append(f"{where}: no heading or bold lead of that name in {m.group(1)}")
    return out


def _names(section: str, name: str) -> bool:
    """Whether a citation of `name` names `section`: the whole name, or its opening words up to
    the parenthesis, colon or stop that closes them ("A bird in the hand (hard, ...)"), never a
    word cut short or a shorter title ("A", "Reading")."""
    if not section.startswith(name):
        return False
    rest = section[len(name) :]
    return not rest or rest.startswith((" (", ":", ".", ",", ";", " —"))


def markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def test_every_relative_link_in_the_docs_leads_to_a_file_and_a_heading() -> None:
    found = [problem for path in markdown_files() for problem in broken_links(path)]
    assert not found, "\n".join(found)


def test_every_citation_of_a_docs_section_names_one_that_exists() -> None:
    sources = [
        path
        for folder in ("game", "tests", "bench")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != Path(__file__).resolve()  # its own examples of wrong citations
    ]
    found = [problem for path in sources + markdown_files() for problem in wrong_citations(path)]
    assert not found, "\n".join(found)


def test_the_link_and_citation_checks_find_what_is_broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "A.md").write_text(
        "# A\n\n## Time, types and the figures\n\n- **Keeping one's temper (hard).** Text.\n\n"
        "[ok](#time-types-and-the-figures) [ok](B.md) [gone](C.md) [no heading](#timing)\n"
        "`[in code](C.md)` [web](https://example.org/x)\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "B.md").write_text("# B\n", encoding="utf-8")
    code = tmp_path / "code.py"
    code.write_text(
        '# as measured (docs/A.md, "Keeping one\'s\n#  temper"); (docs/A.md, "Time, types and the figures")\n'
        '# (docs/A.md, "Temper") (docs/A.md, "Time, types") (docs/Z.md, "A")\n',
        encoding="utf-8",
    )
    assert broken_links(tmp_path / "docs" / "A.md") == [
        "docs/A.md: (C.md): no such file",
        "docs/A.md: (#timing): no heading of docs/A.md has the anchor #timing",
    ]
    assert wrong_citations(code) == [
        'code.py: docs/A.md, "Temper": no heading or bold lead of that name in docs/A.md',
        'code.py: docs/A.md, "Time, types": no heading or bold lead of that name in docs/A.md',
        'code.py: docs/Z.md, "A": no such file',
    ]


def _skeleton() -> str:
    """The reference rows the spec makes, under each marker, for pasting into the guide."""
    objects, _ = documented_specs()
    out: list[str] = []
    for name, obj in objects.items():
        out += [
            "",
            f"<!-- fields: {name} -->",
            "| key | type | required | default | what it is |",
            "|---|---|---|---|---|",
        ]
        out += ["| " + " | ".join(cells) + " | |" for cells in spec_rows(obj)]
    return "\n".join(out)


if __name__ == "__main__":
    print(_skeleton())
