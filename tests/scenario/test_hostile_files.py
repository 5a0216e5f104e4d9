"""Broken and hostile files: the loader never raises, never executes anything, and says in one
error what is wrong instead of handing back a scenario.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.engine.model import Scenario
from game.scenario.diagnostics import Diagnostic
from game.scenario.load import check_bytes, check_file
from game.scenario.yamlread import MAX_BYTES

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"
MINI_BYTES = MINI.read_bytes()

Loader = Callable[[bytes, Path], tuple[object, list[Diagnostic]]]


def via_file(data: bytes, tmp_path: Path) -> tuple[object, list[Diagnostic]]:
    path = tmp_path / "hostile.yaml"
    path.write_bytes(data)
    return check_file(path)


def via_bytes(data: bytes, tmp_path: Path) -> tuple[object, list[Diagnostic]]:
    return check_bytes(data, "hostile.yaml")


@pytest.fixture(params=[via_file, via_bytes], ids=["check_file", "check_bytes"])
def loader(request: pytest.FixtureRequest) -> Loader:
    return request.param  # type: ignore[no-any-return]


def only_error(result: tuple[object, list[Diagnostic]]) -> Diagnostic:
    """The single diagnostic of a rejected file, which must be an error."""
    scenario, diagnostics = result
    assert scenario is None
    assert len(diagnostics) == 1, "\n".join(map(str, diagnostics))
    (d,) = diagnostics
    assert d.severity == "error"
    assert d.message.strip()
    return d


def alias_bomb(levels: int = 10, fan: int = 10) -> bytes:
    lines = ["l0: &l0 [" + ", ".join(["lol"] * fan) + "]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * fan) + "]")
    return ("\n".join(lines) + "\n").encode()


def block_nesting(depth: int) -> bytes:
    return "".join("  " * i + "- \n" for i in range(depth)).encode()


# (content, a fragment of the message (or alternatives), the expected (line, column) or None)
CONTENT_CASES = [
    pytest.param(b"", "the file is empty", (1, 1), id="empty"),
    pytest.param(b"  \n\t\n\n   ", "the file is empty", (1, 1), id="whitespace-only"),
    pytest.param(b"# only a comment\n", "the file is empty", (1, 1), id="comment-only"),
    pytest.param(bytes(range(256)) * 10, "binary", None, id="binary-junk"),
    pytest.param(b"\x00\x01\x02junk\x00\x7f", "binary", (1, 1), id="nul-and-control-bytes"),
    pytest.param(b"id: caf\xe9\n", "not UTF-8 text", (1, 8), id="invalid-utf8"),
    pytest.param("id: mini\n".encode("utf-16"), "not UTF-8 text", None, id="utf16"),
    pytest.param(
        b"format: 1\nid: mini\ntitle: Mini: talks\n",
        "invalid YAML: mapping values are not allowed",
        (3, 12),
        id="syntax-error",
    ),
    pytest.param(b"a: [1, 2\nb: 3\n", "invalid YAML", (2, 2), id="unclosed-bracket"),
    pytest.param(
        alias_bomb(),
        "more than 100,000 values in all (anchors and aliases counted as they expand)",
        None,
        id="billion-laughs",
    ),
    # no alias at all: the bound is on every value, and the message no longer speaks of anchors only
    pytest.param(b"a:\n" + b"  - 1\n" * 100_001, "more than 100,000 values in all", None, id="many-values-no-alias"),
    pytest.param(b"a: &a [*a]\n", ("alias", "nest"), None, id="alias-to-itself-list"),
    pytest.param(b"a: &a {b: *a}\n", ("alias", "nest"), None, id="alias-to-itself-map"),
    pytest.param(b"[" * 5000 + b"]" * 5000, "nest", None, id="deep-flow-nesting"),
    pytest.param(block_nesting(100), "nested deeper than 60 levels", (61, 121), id="deep-block-nesting"),
    pytest.param(b"- format: 1\n- id: mini\n", "expected a mapping, found a list", (1, 1), id="top-level-list"),
    pytest.param(b"just some words\n", "expected a mapping, found the text 'just some words'", (1, 1), id="scalar"),
    pytest.param(b"~\n", ("empty", "expected a mapping"), None, id="null-document"),
    pytest.param(b"---\n", ("empty", "expected a mapping"), None, id="bare-document-marker"),
    pytest.param(
        MINI_BYTES + b"---\n" + MINI_BYTES,
        "expected a single document",
        (MINI_BYTES.count(b"\n") + 1, 1),
        id="two-documents",
    ),
]


@pytest.mark.parametrize(("data", "fragment", "where"), CONTENT_CASES)
def test_hostile_content_gives_exactly_one_error(
    loader: Loader, tmp_path: Path, data: bytes, fragment: str | tuple[str, ...], where: tuple[int, int] | None
) -> None:
    d = only_error(loader(data, tmp_path))
    fragments = (fragment,) if isinstance(fragment, str) else fragment
    assert any(f in d.message for f in fragments), d.message
    if where is not None:
        assert (d.line, d.column) == where


@pytest.mark.parametrize(
    "tagged",
    [
        pytest.param('!!python/object/apply:os.system ["touch {flag}"]\n', id="apply-sequence"),
        pytest.param("!!python/object/apply:os.system {{args: ['touch {flag}']}}\n", id="apply-mapping"),
        pytest.param('!!python/object/new:os.system ["touch {flag}"]\n', id="new"),
    ],
)
def test_python_tags_are_refused_and_never_executed(loader: Loader, tmp_path: Path, tagged: str) -> None:
    flag = tmp_path / "executed"
    d = only_error(loader(tagged.format(flag=flag).encode(), tmp_path))
    assert "unsupported tag" in d.message and "python/object" in d.message
    assert (d.line, d.column) == (1, 1)
    assert not flag.exists(), "a YAML tag ran a command"


def test_python_tag_inside_a_scenario_is_refused_and_never_executed(loader: Loader, tmp_path: Path) -> None:
    flag = tmp_path / "executed"
    text = MINI_BYTES.decode().replace(
        "summary: Two parties, a patron and an envoy negotiate two issues.",
        f'summary: !!python/object/apply:os.system ["touch {flag}"]',
    )
    scenario, diagnostics = loader(text.encode(), tmp_path)
    assert scenario is None
    assert [(d.line, d.column) for d in diagnostics if "unsupported tag" in d.message] == [(5, 10)]
    assert not flag.exists(), "a YAML tag ran a command"


def test_python_name_tag_on_a_scalar_is_refused(loader: Loader, tmp_path: Path) -> None:
    d = only_error(loader(b"!!python/name:os.system\n", tmp_path))
    assert d.message.startswith("unsupported tag 'tag:yaml.org,2002:python/name:os.system'")


def test_the_alias_bomb_is_cut_off_at_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bomb expands to 10^10 values; the reader must stop at its budget, not after (the cost of
    refusing it is then bounded by the budget: counted here, not timed, so load cannot fail it)."""
    from game.scenario import yamlread

    seen = [0]
    convert = yamlread._convert

    def counting(*args: Any, **kwargs: Any) -> Any:
        seen[0] += 1
        return convert(*args, **kwargs)

    monkeypatch.setattr(yamlread, "_convert", counting)
    only_error(check_bytes(alias_bomb(), "bomb.yaml"))
    assert 0 < seen[0] <= yamlread.MAX_NODES + 1


# --- what only a path can be ------------------------------------------------------------------


def padded_mini(size: int) -> bytes:
    """mini.yaml preceded by comment lines, exactly size bytes long: valid YAML of any size."""
    pad = size - len(MINI_BYTES)
    line = b"#" + b"x" * 98 + b"\n"
    body = line * (pad // len(line))
    rest = pad - len(body)
    if rest:
        body += b"#" * (rest - 1) + b"\n"
    data = body + MINI_BYTES
    assert len(data) == size
    return data


def test_a_file_over_2_mib_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(padded_mini(MAX_BYTES + 1))
    d = only_error(check_file(path))
    assert d.message == "the file is larger than 2 MiB; a scenario never needs that much"
    assert str(d) == f"{path}: error: {d.message}"


def test_a_file_of_exactly_2_mib_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(padded_mini(MAX_BYTES))
    scenario, diagnostics = check_file(path)
    assert diagnostics == []
    assert isinstance(scenario, Scenario)


def test_a_directory(tmp_path: Path) -> None:
    d = only_error(check_file(tmp_path))
    assert d.message == "is a directory, not a scenario file"
    assert str(d) == f"{tmp_path}: error: is a directory, not a scenario file"


def test_a_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "nothing.yaml"
    d = only_error(check_file(path))
    assert d.message == "no such file"
    assert str(d) == f"{path}: error: no such file"


def test_a_path_with_a_nul_byte(tmp_path: Path) -> None:
    only_error(check_file(str(tmp_path / "bad\x00name.yaml")))


def test_a_file_that_cannot_be_opened_for_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.yaml"
    path.write_bytes(MINI_BYTES)

    real_open = os.open

    def refuse(name: Any, *args: Any, **kwargs: Any) -> int:
        if Path(name) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    d = only_error(check_file(path))
    assert d.message == "permission denied: the file cannot be read"


def test_a_file_that_fails_to_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "flaky.yaml"
    path.write_bytes(MINI_BYTES)

    real_open = os.open

    def broken(name: Any, *args: Any, **kwargs: Any) -> int:
        if Path(name) == path:
            raise OSError(errno.EIO, "Input/output error", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", broken)
    d = only_error(check_file(path))
    assert d.message == "cannot be read: Input/output error"


def test_a_chmod_000_file_is_handled_for_root_and_others(tmp_path: Path) -> None:
    path = tmp_path / "locked.yaml"
    path.write_bytes(MINI_BYTES)
    path.chmod(0)
    try:
        scenario, diagnostics = check_file(path)
        if os.access(path, os.R_OK):  # root reads it anyway: then it is just a valid file
            assert diagnostics == [] and isinstance(scenario, Scenario)
        else:
            d = only_error((scenario, diagnostics))
            assert d.message == "permission denied: the file cannot be read"
    finally:
        path.chmod(0o644)


# --- systematic damage to a valid file --------------------------------------------------------


def assert_handled(data: bytes, label: str, failures: list[str]) -> None:
    try:
        scenario, diagnostics = check_bytes(data, "damaged.yaml")
    except Exception as exc:  # collected, so one run lists every crash
        failures.append(f"{label}: {type(exc).__name__}: {exc}")
        return
    errors = [d for d in diagnostics if d.severity == "error"]
    if scenario is None and not errors:
        failures.append(f"{label}: no scenario and no error")
    if scenario is not None and errors:
        failures.append(f"{label}: a scenario despite errors")


def test_deleting_any_one_line_of_mini_never_raises() -> None:
    lines = MINI_BYTES.splitlines(keepends=True)
    failures: list[str] = []
    for i, line in enumerate(lines):
        assert_handled(b"".join(lines[:i] + lines[i + 1 :]), f"without line {i + 1} {line!r}", failures)
    assert not failures, f"{len(failures)} crashes:\n" + "\n".join(failures)


def test_replacing_any_one_value_of_mini_never_raises() -> None:
    text = MINI_BYTES.decode()
    failures: list[str] = []
    for m in re.finditer(r"(?<=: )[^\s{}\[\],][^,}\]\n]*", text):
        line = text.count("\n", 0, m.start()) + 1
        for other in ("Bad Id!", "1.5", "999", "[]", "~"):
            damaged = text[: m.start()] + other + text[m.end() :]
            assert_handled(damaged.encode(), f"line {line}: {m.group()!r} -> {other!r}", failures)
    assert not failures, f"{len(failures)} crashes:\n" + "\n".join(failures)


# --- any input at all -------------------------------------------------------------------------


def assert_well_formed(data: bytes) -> None:
    scenario, diagnostics = check_bytes(data, "fuzz.yaml")
    errors = [d for d in diagnostics if d.severity == "error"]
    if scenario is None:
        assert errors, "no scenario, yet no error says why"
    else:
        assert isinstance(scenario, Scenario) and errors == []
    for d in diagnostics:
        assert d.path == "fuzz.yaml" and d.severity in ("error", "warning")
        assert d.line >= 0 and d.column >= 0
        assert "\n" not in str(d), "one diagnostic, one line"


FUZZ = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2000))
@example(b"")
@example(b"\x00")
@example(b"\xff\xfe")
@example(b"~")
@example(b"a: &a [*a]")
def test_any_bytes_never_raise(data: bytes) -> None:
    assert_well_formed(data)


@FUZZ
@given(st.text(max_size=2000))
@example("null")
@example("---")
@example("&a [*a]")
def test_any_text_never_raises(text: str) -> None:
    assert_well_formed(text.encode("utf-8", "surrogatepass"))


TOKENS = [*"[]{}:-,&*!|>'\"#?~%@` \n\tab01.\\", "!!python/", "!!str ", "&a ", "*a", "<<: ", "---\n", "- ", ": "]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)


@FUZZ
@given(YAMLISH)
def test_yaml_punctuation_never_raises(text: str) -> None:
    assert_well_formed(text.encode())


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("summary: Two parties, a patron and an envoy negotiate two issues.", "summary: !!python/name:os.system"),
        ("    stability: 50\n", "    stability: !!python/object:os.system 45\n"),
        ("    stability: 50\n", "    stability: !!binary aGVsbG8=\n"),
    ],
)
def test_a_refused_value_is_one_error_not_also_a_missing_key(
    loader: Loader, tmp_path: Path, old: str, new: str
) -> None:
    """A required key whose value the reader refused was also reported missing ("a zone is missing
    the required key 'stability'", listed first), though the author had written it."""
    text = MINI_BYTES.decode()
    assert text.count(old) == 1, old
    scenario, diagnostics = loader(text.replace(old, new).encode(), tmp_path)
    assert scenario is None
    found = [d for d in diagnostics if d.severity == "error"]
    assert len(found) == 1 and found[0].message.startswith("unsupported tag"), "\n".join(map(str, diagnostics))
