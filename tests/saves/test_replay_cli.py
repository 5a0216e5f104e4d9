"""`replay`, `play --save/--load` and `simulate --save-dir` end to end, as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.saves import load, save, save_text
from game.saves.codec import format_entry
from tests.cli_runner import Result, run_main
from tests.saves.helpers import (
    EXAMPLES,
    MINI,
    ROOT,
    V1_FIXTURE,
    assert_same_game,
    finished,
    log_lines,
    new_session,
    play_on,
)


def run(*args: str | Path, cwd: Path = ROOT) -> Result:
    return run_main(*args, cwd=cwd)


def one_error_line(out: Result) -> str:
    assert out.returncode == 1, (out.returncode, out.stdout[-500:], out.stderr)
    assert "Traceback" not in out.stderr, out.stderr
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr
    return lines[0]


def test_there_are_example_saves() -> None:
    assert len(EXAMPLES) >= 3, EXAMPLES


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_replay_verify_accepts_every_example_save(path: Path) -> None:
    before = path.read_bytes()
    out = run("replay", path, "--verify")
    assert out.returncode == 0, (
        f"{path.name} no longer verifies (if the engine's hashes changed, the examples need "
        f"rebuilding with saves/make_examples.py): {out.stderr}"
    )
    assert out.stderr == ""
    assert "ok" in out.stdout and "every state hash matches" in out.stdout
    assert path.read_bytes() == before


def test_replay_verify_of_the_format_1_fixture() -> None:
    out = run("replay", V1_FIXTURE, "--verify")
    assert out.returncode == 0, out.stderr
    assert f"{len(load(V1_FIXTURE).log)} turns replayed" in out.stdout


@pytest.mark.parametrize("edit", ["answer", "hash", "removed"])
def test_replay_verify_of_an_edited_save_exits_1_naming_the_turn(tmp_path: Path, edit: str) -> None:
    game = finished("astana-8", 7)
    text = save_text(game)
    lines, start = log_lines(text)
    k, entry = next((k, e) for k, e in enumerate(game.log) if e.action.kind == "respond" and k > 10)
    if edit == "answer":
        action = type(entry.action)(entry.action.actor, entry.action.proposal, not entry.action.accept)
        lines[start + k] = f'  - "{format_entry(type(entry)(entry.turn, entry.round, action, entry.hash))}"'
    elif edit == "hash":
        lines[start + k] = lines[start + k].replace(entry.hash, entry.hash[::-1])
    else:
        del lines[start + k]
    path = tmp_path / "edited.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    before = path.read_bytes()
    line = one_error_line(run("replay", path, "--verify"))
    assert line.startswith(f"{path}:{start + k + 1}:"), line
    assert f"turn {entry.turn}" in line or f"log entry {entry.turn}" in line, line
    assert path.read_bytes() == before


@pytest.mark.parametrize("what", ["missing", "directory", "empty", "newer"])
def test_replay_of_a_file_that_is_no_save_exits_1_in_one_line(tmp_path: Path, what: str) -> None:
    path = tmp_path / "thing.yaml"
    if what == "directory":
        path.mkdir()
    elif what == "empty":
        path.write_bytes(b"")
    elif what == "newer":
        path.write_text(save_text(finished("mini", 3)).replace("\nformat: 2\n", "\nformat: 3\n"))
    for flag in ("--verify", "--text"):
        line = one_error_line(run("replay", path, flag))
        assert line.startswith(str(path)), line


def test_replay_verify_of_a_yaml_file_without_a_format_says_what_is_missing(tmp_path: Path) -> None:
    """It said `unknown save format None`."""
    path = tmp_path / "notes.yaml"
    path.write_text("seed: 3\nlog: []\n", encoding="utf-8")
    line = one_error_line(run("replay", path, "--verify"))
    assert line == f"{path}:1:1: not a saved game: it has no 'format' field (the version of the save format)"


def test_replay_text_prints_the_markdown_transcript(tmp_path: Path) -> None:
    game = finished("astana-8", 7)
    path = save(game, tmp_path, "game")
    out = run("replay", path, "--text")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == f"# {game.scenario.title}"
    rounds = [line for line in lines if line.startswith("### Round ")]
    assert len(rounds) == game.state.round, rounds
    assert "## Outcome" in lines
    assert any(line.startswith("## ") and line != "## Outcome" for line in lines), "no venue heading"
    assert f"- Turns: {len(game.log)}" in lines
    assert "Traceback" not in out.stderr and out.stderr == ""
    # with no flag, `replay` opens the viewer, which needs a terminal: it points to --text
    viewer = run("replay", path)
    assert viewer.returncode == 1 and viewer.stdout == "" and "--text" in viewer.stderr


def test_play_save_then_replay_verify(tmp_path: Path) -> None:
    saves = tmp_path / "my saves"
    out = run("watch", MINI, "--seed", "3", "--save", "first-game", "--saves", saves, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    path = saves / "first-game.yaml"
    assert f"Saved to {path.resolve()}" in out.stdout
    assert [p.name for p in saves.iterdir()] == ["first-game.yaml"]
    verified = run("replay", path, "--verify")
    assert verified.returncode == 0, verified.stderr
    # the CLI plays the game the AI seats would: the same game as playing it in process
    assert_same_game(load(path), finished("mini", 3), name=False)
    assert not (tmp_path / "saves").exists(), "the default saves folder was used despite --saves"


def test_play_load_continues_a_half_finished_save_to_the_end(tmp_path: Path) -> None:
    half = play_on(new_session("astana-8", 11, "normal", russia="ai:hard", jordan="ai:easy", un="ai:random"), 37)
    assert not half.state.over
    path = save(half, tmp_path, "half")
    before = path.read_bytes()
    out = run("watch", "--load", path, "--save", "whole", "--saves", tmp_path / "out", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert f"at turn {len(half.log)}" in out.stdout
    assert path.read_bytes() == before, "continuing a save changed it"
    whole = load(tmp_path / "out" / "whole.yaml")
    assert whole.state.over and len(whole.log) > len(half.log)
    assert whole.log[: len(half.log)] == half.log
    assert_same_game(whole, play_on(load(path)))
    assert run("replay", tmp_path / "out" / "whole.yaml", "--verify").returncode == 0


def test_play_load_of_a_bad_save_exits_1_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("format: 2\n")
    line = one_error_line(run("watch", "--load", path))
    assert line.startswith(str(path))


def test_play_load_checks_the_save_before_the_interface(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`play --load` of a save edited by hand: one line naming the file and its line, exit 1,
    with or without a terminal (the replay viewer does the same). Before, it needed a terminal,
    and in one the title screen opened with a notice; a good save goes to the table loaded once."""
    import game.commands_ui as commands_ui

    good = save(finished("mini", 3), tmp_path, "good")
    lines = good.read_text().splitlines()
    turn = next(k for k, line in enumerate(lines) if line.startswith('  - "3 '))
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "\n".join([*lines[:turn], lines[turn].replace("accept=no", "accept=yes"), *lines[turn + 1 :]]) + "\n"
    )
    assert bad.read_text() != good.read_text()
    opened: list[object] = []
    monkeypatch.setattr(commands_ui, "ran", lambda app: opened.append(app) or 0)
    line = one_error_line(run("play", "--load", bad))  # no terminal here
    assert line.startswith(f"{bad}:{turn + 1}:5: turn 3 ")  # the log line's text, after "  - "
    monkeypatch.setattr(commands_ui, "_in_terminal", lambda otherwise: True)
    one_error_line(run("play", "--load", bad))
    assert opened == []
    assert run("play", "--load", good).returncode == 0
    (app,) = opened
    loaded = app.launch.loaded  # type: ignore[attr-defined]
    assert loaded is not None and loaded.log == load(good).log


def test_play_save_into_a_folder_that_cannot_be_made_exits_1_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    out = run("watch", MINI, "--seed", "3", "--save", "game", "--saves", blocker / "saves", cwd=tmp_path)
    line = one_error_line(out)
    assert "error" in line
    assert blocker.read_text() == "a file, not a folder"


def test_watch_never_saves_over_another_game(tmp_path: Path) -> None:
    """Before, `watch --save mine` replaced the save of another game with the same name
    without a word, after playing its own; now it is refused before anything is played."""
    saves = tmp_path / "saves"
    first = run("watch", MINI, "--seed", "3", "--save", "mine", "--saves", saves, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = (saves / "mine.yaml").read_bytes()
    again = run("watch", MINI, "--seed", "4", "--save", "mine", "--saves", saves, cwd=tmp_path)
    line = one_error_line(again)
    assert line.startswith(
        f"peacetalks: error: --save mine: {saves.resolve() / 'mine.yaml'} already holds a saved game"
    )
    assert again.stdout == "", "the game was played before the save was refused"
    assert (saves / "mine.yaml").read_bytes() == before
    assert [p.name for p in saves.iterdir()] == ["mine.yaml"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../mine", "a save's name uses only letters A-Z and a-z, digits, '-' and '_', at most 64 (not '.', '/')"),
        ("/etc/passwd", "a save's name uses only letters A-Z and a-z, digits, '-' and '_', at most 64 (not '/')"),
        ("my game", "a save's name uses only letters A-Z and a-z, digits, '-' and '_', at most 64 (not a space)"),
        ("été", "a save's name uses only letters A-Z and a-z, digits, '-' and '_', at most 64 (not 'é')"),
        ("x" * 65, "a save's name is at most 64 characters (this one has 65)"),
        ("mine-", "a save's name starts and ends with a letter or a digit"),
        ("con", "'con' is a device name on Windows: choose another"),
    ],
)
def test_watch_refuses_a_save_name_it_would_change_before_playing(name: str, reason: str, tmp_path: Path) -> None:
    """Before, `watch --save ../mine` wrote saves/mine.yaml and `--save 'my game'` wrote
    saves/my-game.yaml: the name was quietly changed into another file's, where `play --save`
    and SAVES.md refuse it with the reason."""
    saves = tmp_path / "saves"
    saves.mkdir()
    out = run("watch", MINI, "--seed", "3", "--save", name, "--saves", saves, cwd=tmp_path)
    assert one_error_line(out) == f"peacetalks: error: --save {name}: {reason}"
    assert out.stdout == "" and list(saves.iterdir()) == [] and sorted(tmp_path.iterdir()) == [saves]


def test_watch_into_a_folder_that_cannot_be_made_says_so_before_playing(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    out = run("watch", MINI, "--seed", "3", "--save", "game", "--saves", blocker / "saves", cwd=tmp_path)
    assert one_error_line(out).endswith(f"{blocker / 'saves'}: cannot write there: {blocker} is a file, not a folder")
    assert out.stdout == "", "the whole game was played and printed before the save failed"
    # the file itself given as the folder: said so, where "File exists" said nothing (a tester's)
    out = run("simulate", MINI, "--games", "1", "--save-dir", blocker, cwd=tmp_path)
    assert one_error_line(out).endswith(f"{blocker}: cannot write there: it is a file, not a folder")
    # ...and a broken link is one, not "a folder on its path is a file" (a review's)
    broken = tmp_path / "broken"
    broken.symlink_to(tmp_path / "nowhere" / "place")
    out = run("simulate", MINI, "--games", "1", "--save-dir", broken, cwd=tmp_path)
    assert one_error_line(out).endswith(
        f"{broken}: cannot write there: it is a link to nothing (or a loop of links), not a folder"
    )
    # ...and one on the way to the folder is named (a review's)
    out = run("simulate", MINI, "--games", "1", "--save-dir", broken / "sub", cwd=tmp_path)
    assert one_error_line(out).endswith(
        f"cannot write there: {broken} is a link to nothing (or a loop of links), not a folder"
    )


def test_simulate_never_saves_over_a_save(tmp_path: Path) -> None:
    """Before, a second run into the same folder replaced the first run's saves (a game kept
    there under such a name too) without a word."""
    folder = tmp_path / "sims"
    kept = save(finished("mini", 3), folder, "mini-0002")
    before = kept.read_bytes()
    out = run("simulate", MINI, "--games", "3", "--save-dir", folder, cwd=tmp_path)
    line = one_error_line(out)
    assert (
        line
        == f"peacetalks: error: --save-dir: {kept.resolve()} already holds a saved game: choose another folder, or empty this one"
    )
    assert out.stdout == "" and kept.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["mini-0002.yaml"]  # nothing played, nothing written
    assert run("simulate", MINI, "--games", "1", "--save-dir", folder, cwd=tmp_path).returncode == 0  # mini-0001


def test_simulate_save_dir_writes_saves_that_all_verify(tmp_path: Path) -> None:
    folder = tmp_path / "sims"
    out = run("simulate", MINI, "--games", "3", "--seed", "4", "--save-dir", folder, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    written = sorted(folder.iterdir())
    assert len(written) == 3, written
    assert all(p.suffix == ".yaml" and not p.name.startswith(".") for p in written)
    hashes = set()
    for path in written:
        verified = run("replay", path, "--verify")
        assert verified.returncode == 0, verified.stderr
        game = load(path)
        assert game.state.over
        assert game.source == MINI.read_bytes()
        hashes.add(game.log[-1].hash)
    assert len(hashes) == 3, "the three games are not three different games"


def test_simulate_save_dir_with_a_bundled_name_and_jobs(tmp_path: Path) -> None:
    folder = tmp_path / "sims"
    out = run("simulate", "sochi-congress", "--games", "3", "--jobs", "2", "--save-dir", folder, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    written = sorted(folder.iterdir())
    assert len(written) == 3, written
    for path in written:
        assert run("replay", path, "--verify").returncode == 0


@pytest.mark.parametrize(
    "args", [("replay", "--verify"), ("replay", "--text"), ("watch", "--load"), ("play", "--load")]
)
def test_a_scenario_handed_as_a_save_is_named_so(args: tuple[str, ...]) -> None:
    """Before, a scenario's `format: 1` was read as a save's: "format 1 saves are written with
    'version: 1'", which sent the user to edit the scenario."""
    line = one_error_line(run(*args, MINI))
    assert line.endswith(": a scenario file, not a saved game: play it with `peacetalks play` or `peacetalks watch`")
    assert line.startswith(f"{MINI}:")


@pytest.mark.parametrize(
    "args",
    [("validate",), ("simulate", "--games", "1"), ("analyze",), ("watch",), ("tournament", "--seat", "government")],
)
def test_a_save_handed_as_a_scenario_is_named_so_in_one_line(args: tuple[str, ...]) -> None:
    """Before, a save given where a scenario goes was a dozen lines of missing and unknown keys."""
    save = ROOT / "saves" / "astana-8-ai.yaml"
    line = one_error_line(run(args[0], save, *args[1:]))
    assert line == (
        f"{save}:3:1: error: a saved game, not a scenario: replay it with `peacetalks replay` "
        "or continue it with `peacetalks play --load`"
    )


@pytest.mark.parametrize("command", ["watch", "simulate"])
def test_a_folder_that_takes_no_new_file_is_refused_before_playing(command: str, tmp_path: Path) -> None:
    """/proc is a folder, and even root may make no file in it: asking the permissions passed it,
    so `watch --save` played and printed the whole game before its save failed. The check now
    makes (and removes) a file there, as a save would."""
    proc = Path("/proc")
    if command == "watch":
        out = run("watch", MINI, "--seed", "3", "--save", "game", "--saves", proc, cwd=tmp_path)
        option = "--save game"
    else:
        out = run("simulate", MINI, "--games", "2", "--save-dir", proc, cwd=tmp_path)
        option = "--save-dir"
    why = "/proc: cannot write there: the system lets no new file be made in it"
    assert one_error_line(out) == f"peacetalks: error: {option}: {why}"
    assert out.stdout == "", "the games were played before the save failed"


def test_watch_refuses_to_play_out_a_game_a_person_is_still_playing(tmp_path: Path) -> None:
    """Found from outside: `watch --load` on the running autosave played the player's own game to
    its end, printing the cards still to come and every side's drawn walk-away value."""
    running = play_on(new_session("mini", 5, red="human"), 6)
    assert not running.state.over
    path = save(running, tmp_path, "mine")
    before = path.read_bytes()
    out = run_main("watch", "--load", str(path))
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.strip().splitlines() == [
        f"peacetalks: error: {path}: a person is still playing this game, and playing it out shows what is still "
        "to come and every side's private numbers; add --spoiler to watch it anyway"
    ]
    assert path.read_bytes() == before
    # asked for by name, it plays, and says what it is first
    shown = run_main("watch", "--load", str(path), "--spoiler")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("SPOILER: a game a person is still playing, played out by the AI in every seat.\n")
    assert "Outcome:" in shown.stdout
    # a game every seat of which the AI plays, or one already over, is no one's secret
    ai_only = save(play_on(new_session("mini", 5), 6), tmp_path, "ai")
    assert run_main("watch", "--load", str(ai_only)).returncode == 0
    over = save(play_on(new_session("mini", 5, red="human")), tmp_path, "over")
    assert run_main("watch", "--load", str(over)).returncode == 0


def test_every_command_that_takes_a_save_takes_its_name_as_save_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by a scenario author: `play --save h3b` wrote saves/h3b.yaml, but `replay h3b` and
    `watch --load h3b` said "h3b: no such file"; only the whole path worked. A bare name is looked
    for in the saves folder, with or without `.yaml`; a path that exists is read as it is."""
    import game.commands_ui as commands_ui

    saves = tmp_path / "elsewhere"
    path = save(finished("mini", 3), saves, "h3b")
    for name in ("h3b", "h3b.yaml"):
        verified = run("--saves", saves, "replay", name, "--verify", cwd=tmp_path)
        assert verified.returncode == 0, verified.stderr
        assert verified.stdout.startswith(f"{path}: ok: ")
        after = run("replay", name, "--verify", "--saves", saves, cwd=tmp_path)  # --saves after the command
        assert after.returncode == 0, after.stderr
        assert run("replay", name, "--text", "--saves", saves, cwd=tmp_path).stdout.startswith("#")
        watched = run("watch", "--load", name, "--saves", saves, cwd=tmp_path)
        assert watched.returncode == 0, watched.stderr
        assert watched.stdout.startswith(f"Continuing {path} at turn ")
    opened: list[object] = []
    monkeypatch.setattr(commands_ui, "ran", lambda app: opened.append(app) or 0)
    monkeypatch.setattr(commands_ui, "_in_terminal", lambda otherwise: True)
    assert run("--saves", saves, "play", "--load", "h3b", cwd=tmp_path).returncode == 0
    (app,) = opened
    assert app.launch.loaded.log == load(path).log  # type: ignore[attr-defined]
    # the default saves folder, from the folder the command runs in
    (tmp_path / "saves").mkdir()
    save(finished("mini", 4), tmp_path / "saves", "other")
    assert run("replay", "other", "--verify", cwd=tmp_path).returncode == 0
    # a file of that name where the command runs is read as given, before the saves folder
    (tmp_path / "h3b").write_text("format: 2\n")
    assert one_error_line(run("--saves", saves, "replay", "h3b", "--verify", cwd=tmp_path)).startswith("h3b:")
    # neither: one line naming both places looked in
    for command in (("replay", "nothing", "--verify"), ("watch", "--load", "nothing"), ("play", "--load", "nothing")):
        line = one_error_line(run(*command, "--saves", saves, cwd=tmp_path))
        assert line == f"nothing: no such file: tried nothing here and {saves / 'nothing.yaml'} in the saves folder"
    # a path through folders is only that path
    deeper = run("replay", "sub/h3b", "--verify", "--saves", saves, cwd=tmp_path)
    assert one_error_line(deeper) == "sub/h3b: no such file"


def test_watch_load_of_a_game_a_person_played_says_who_played_it(tmp_path: Path) -> None:
    """Found by a scenario author: `watch --load` of a game they had played ended "Every seat was
    played by an AI negotiator." It says which seat a person held, and up to which turn."""
    running = save(play_on(new_session("mini", 5, red="human"), 6), tmp_path, "running")
    shown = run("watch", "--load", running, "--spoiler")
    assert shown.returncode == 0, shown.stderr
    assert "Every seat was played by an AI negotiator" not in shown.stdout
    last = shown.stdout.splitlines()[-1]
    assert last.startswith(
        "A person held the seat of Red up to turn 6; from turn 7 an AI negotiator played every seat. "
        "To sit at the table yourself: "
    ), last
    both = save(play_on(new_session("mini", 5, red="human", blue="human"), 6), tmp_path, "both")
    last = run("watch", "--load", both, "--spoiler").stdout.splitlines()[-1]
    assert last.startswith("A person held the seats of Red and Blue up to turn 6; from turn 7 "), last
    # a game the person played to its end: the AI played none of it here
    over = save(play_on(new_session("mini", 5, red="human")), tmp_path, "over")
    last = run("watch", "--load", over).stdout.splitlines()[-1]
    assert last.startswith("A person held the seat of Red, and an AI negotiator every other seat. "), last
    # the AI's own games say what they said
    ai_only = save(play_on(new_session("mini", 5), 6), tmp_path, "ai")
    last = run("watch", "--load", ai_only).stdout.splitlines()[-1]
    assert last.startswith("Every seat was played by an AI negotiator. "), last


def test_an_example_save_is_found_by_name_after_the_saves_folder(tmp_path: Path) -> None:
    """`replay astana-8-history` from any folder: the example saves ship with the game (a
    newcomer ran the README's `replay saves/astana-8-history.yaml` elsewhere). A save of the
    same name in the saves folder comes first; a name neither holds is refused naming both."""
    from game.saves import SaveLoadError, find_save
    from game.saves.read import examples_dir

    assert find_save("astana-8-history", tmp_path) == examples_dir() / "astana-8-history.yaml"
    assert find_save("astana-8-history.yaml", tmp_path).is_file()
    mine = tmp_path / "astana-8-history.yaml"
    mine.write_text("mine")
    assert find_save("astana-8-history", tmp_path) == mine
    with pytest.raises(SaveLoadError, match="no-such-example"):
        find_save("no-such-example", tmp_path)


def test_only_the_example_saves_are_found_in_the_examples_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a checkout the examples' folder is saves/, the default saves folder: a player's own save
    there was found by name from any folder, where "no such file" was due (a reviewer's)."""
    from game.saves import SaveLoadError, find_save, read

    folder = tmp_path / "examples"
    folder.mkdir()
    for name in ("astana-8-ai", "my-own-game"):
        (folder / f"{name}.yaml").write_text("a save")
    monkeypatch.setattr(read, "examples_dir", lambda: folder)
    assert find_save("astana-8-ai", tmp_path) == folder / "astana-8-ai.yaml"
    with pytest.raises(SaveLoadError, match="my-own-game: no such file"):
        find_save("my-own-game", tmp_path)
    assert set(read.EXAMPLES) == {p.stem for p in (Path(__file__).resolve().parents[2] / "saves").glob("*.yaml")}
