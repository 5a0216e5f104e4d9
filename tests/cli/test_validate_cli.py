"""`peacetalks validate` (and the usage errors of `simulate`) as a user runs them (in process:
`main(argv)`): exit statuses, one diagnostic a line, and never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli_runner import Result, run_main

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
MINI_TEXT = MINI.read_text(encoding="utf-8")


def run(*args: str | Path) -> Result:
    return run_main(*args, cwd=ROOT)


def no_traceback(out: Result) -> None:
    if "Traceback" in out.stdout or "Traceback" in out.stderr:
        pytest.fail("the command printed a traceback ending:\n" + "\n".join(out.stderr.splitlines()[-3:]))


def mini_with(old: str, new: str) -> str:
    assert old in MINI_TEXT
    return MINI_TEXT.replace(old, new, 1)


def line_col(text: str, snippet: str) -> str:
    assert text.count(snippet) == 1
    offset = text.index(snippet)
    return f"{text.count(chr(10), 0, offset) + 1}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def test_a_valid_file_exits_0_and_says_ok() -> None:
    out = run("validate", MINI)
    assert out.returncode == 0, out.stderr
    assert out.stdout == f"{MINI}: ok: Mini talks\n"
    assert out.stderr == ""


def test_the_ok_line_names_a_file_with_a_line_break_on_one_line(tmp_path: Path) -> None:
    """Its errors wrote a line break in the file's name as \\n; its ok line wrote it raw, a
    second line that a script reading one line per file took for another file."""
    folder = tmp_path / "p"
    folder.mkdir()
    odd = folder / "nl\nname\x1b[2J.yaml"
    odd.write_bytes(MINI.read_bytes())
    out = run("validate", odd)
    assert out.returncode == 0, out.stderr
    assert out.stdout == f"{folder}/nl\\nname\\x1b[2J.yaml: ok: Mini talks\n"


def test_an_invalid_file_exits_1_with_one_line_per_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = mini_with("rounds: 4", "rounds: many").replace("patrons: [big]", "patrons: [bog]")
    bad.write_text(text, encoding="utf-8")
    out = run("validate", bad)
    assert out.returncode == 1
    no_traceback(out)
    lines = out.stderr.splitlines()
    assert lines and all(re.match(rf"{re.escape(str(bad))}:\d+:\d+: error: \S", line) for line in lines), lines
    assert f"{bad}:{line_col(text, 'many')}: error: expected a whole number, found the text 'many'" in lines
    assert f"{bad}:{line_col(text, 'bog')}: error: unknown delegation 'bog' (did you mean 'big'?)" in lines
    assert "ok" not in out.stdout


def test_warnings_alone_exit_0_and_are_printed(tmp_path: Path) -> None:
    warned = tmp_path / "warned.yaml"
    # blue never accepts a monitored truce: the best red can have is 0.25 * 1.0 + 0.75 * 0.6 = 0.70
    # (without the record of what happened, which that walk-away value would put out of reach: a
    # warning of its own)
    text = (
        mini_with("  - id: big\n", "    red_lines:\n      truce: [monitored]\n  - id: big\n")
        .replace("reservation: 0.3", "reservation: 0.75", 1)
        .replace("  outcome:\n    prisoners: some\n", "")
    )
    warned.write_text(text, encoding="utf-8")
    out = run("validate", warned)
    assert out.returncode == 0, out.stderr
    no_traceback(out)
    assert out.stdout == f"{warned}: ok: Mini talks (1 warning)\n"
    where = line_col(text, "[red, blue]")
    assert out.stderr.startswith(f"{warned}:{where}: warning: at The Hall, red lines leave 'red' no deal")
    assert len(out.stderr.splitlines()) == 1


def test_one_invalid_file_among_several_fails_the_run_but_every_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(mini_with("rounds: 4", "rounds: many"), encoding="utf-8")
    out = run("validate", MINI, bad, MINI)
    assert out.returncode == 1
    no_traceback(out)
    assert out.stdout.count(f"{MINI}: ok: Mini talks") == 2
    assert f"{bad}:" in out.stderr and "error: expected a whole number" in out.stderr


def test_a_missing_file_exits_1(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    out = run("validate", missing)
    assert out.returncode == 1
    no_traceback(out)
    assert out.stderr == f"{missing}: error: no such file\n"
    assert out.stdout == ""


def alias_bomb() -> str:
    lines = ["l0: &l0 [" + ", ".join(["lol"] * 10) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


HOSTILE: list[tuple[str, bytes]] = [
    ("empty", b""),
    ("binary", bytes(range(256)) * 10),
    ("invalid-utf8", b"id: caf\xe9\n"),
    ("syntax-error", b"format: 1\nid: mini\ntitle: Mini: talks\n"),
    ("alias-bomb", alias_bomb().encode()),
    ("alias-to-itself", b"a: &a [*a]\n"),
    ("deep-nesting", b"[" * 5000 + b"]" * 5000),
    ("top-level-list", b"- format: 1\n- id: mini\n"),
    ("null-document", b"~\n"),
    ("two-documents", MINI_TEXT.encode() + b"---\n" + MINI_TEXT.encode()),
    ("too-big", b"#" * (2 * 1024 * 1024 + 1) + b"\n"),
    ("damaged-option", mini_with("{id: some, label: Some released}", "{id: some}").encode()),
]


@pytest.mark.parametrize("data", [data for _, data in HOSTILE], ids=[name for name, _ in HOSTILE])
def test_a_hostile_file_exits_1_with_errors_and_no_traceback(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_bytes(data)
    out = run("validate", path)
    no_traceback(out)
    assert out.returncode == 1
    lines = out.stderr.splitlines()
    assert lines, "no diagnostic printed"
    assert all(line.startswith(f"{path}") and ": error: " in line for line in lines), lines
    assert out.stdout == ""


def test_a_directory_exits_1(tmp_path: Path) -> None:
    out = run("validate", tmp_path)
    assert out.returncode == 1
    no_traceback(out)
    assert out.stderr == f"{tmp_path}: error: is a directory, not a scenario file\n"


def test_a_python_tag_is_refused_and_not_executed(tmp_path: Path) -> None:
    flag = tmp_path / "executed"
    path = tmp_path / "evil.yaml"
    path.write_text(f'!!python/object/apply:os.system ["touch {flag}"]\n', encoding="utf-8")
    out = run("validate", path)
    assert out.returncode == 1
    no_traceback(out)
    assert f"{path}:1:1: error: unsupported tag" in out.stderr
    assert not flag.exists(), "validating a file ran a command"


# --- usage errors: exit 1, one line, no traceback ------------------------------------------


def assert_usage_error(out: Result, *fragments: str) -> None:
    assert out.returncode == 1
    no_traceback(out)
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "error" in out.stderr
    for fragment in fragments:
        assert fragment in out.stderr
    assert out.stdout == ""


def test_simulate_an_unknown_scenario_exits_1_with_one_line() -> None:
    assert_usage_error(run("simulate", "nosuch"), "'nosuch'")


def test_simulate_with_a_non_numeric_games_count_exits_1_with_one_line() -> None:
    assert_usage_error(run("simulate", "mini", "--games", "abc"), "--games", "'abc'")


def test_validate_without_a_path_exits_1_with_one_line() -> None:
    assert_usage_error(run("validate"))
