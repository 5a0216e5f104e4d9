"""Names in scripts drawn two columns a character wide (Chinese, Japanese, Korean) are cut and
padded by the columns they take, not by their characters: cut by characters, a delegation's name
of 12 Chinese characters widened the table's columns, and a zone's name of 10 broke its bar onto a
line of its own."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from game.ui.format import named, pad, short, wrap
from game.ui.widgets.panels import AgendaTable, DelegationsTable
from tests.ui.driving import ASTANA, new_app, pass_turn, press, screen_text, settle

# ASCII, accented letters, a combining mark, Chinese and Hangul: one, none and two columns
TEXTS = st.text(alphabet=st.sampled_from(["a", "b", " ", "z", "é", "\u0301", "中", "国", "한", "…"]), max_size=30)


@given(TEXTS, st.integers(min_value=1, max_value=40))
def test_a_cut_text_fits_its_columns_and_keeps_its_start(text: str, width: int) -> None:
    cut = short(text, width)
    if cell_len(text) <= width:
        assert cut == text
    else:
        assert cell_len(cut) <= width and cut.endswith("…")
        assert text.startswith(cut[:-1])


def test_no_room_is_no_text() -> None:
    assert short("中国", 0) == "" and short("ab", 0) == ""


@given(TEXTS, st.integers(min_value=2, max_value=40), st.sampled_from(["", "  "]), st.sampled_from(["", "    "]))
def test_a_wrapped_text_keeps_every_character_within_its_columns(text: str, width: int, first: str, then: str) -> None:
    lines = wrap(text, width + len(then), initial_indent=first, subsequent_indent=then)
    assert all(cell_len(line) <= width + len(then) for line in lines), lines
    assert "".join("".join(lines).split()) == "".join(text.split())  # nothing lost, nothing added
    assert all(line.startswith(then) for line in lines[1:])


@given(TEXTS, st.integers(min_value=0, max_value=40))
def test_padding_fills_the_columns_not_the_characters(text: str, width: int) -> None:
    padded = pad(text, width)
    assert padded.startswith(text) and padded[len(text) :].strip() == ""
    assert cell_len(padded) == max(width, cell_len(text))


def test_a_wide_name_that_fits_by_characters_but_not_by_columns_takes_the_short_name() -> None:
    class Delegation:
        name = "武装反对派代表团联合代表"  # 12 characters, 24 columns
        short_name = "反对派"

    assert named(Delegation(), 20) == "反对派"
    assert named(Delegation(), 24) == Delegation.name


def wide_scenario(tmp: Path) -> Path:
    text = ASTANA.read_text(encoding="utf-8")
    for old, new in (
        ("    name: The armed opposition delegation\n", "    name: 武装反对派代表团和其他团体的联合代表\n"),
        ("    short_name: Opposition\n", "    short_name: 武装反对派代表团联合代表\n"),
        ("    name: Detainees, abductees and the missing\n", "    name: 被拘留者被绑架者和失踪人员问题谈判\n"),
        ("    name: Northern Homs\n", "    name: 霍姆斯北部地区降级区\n"),
        ("    name: Astana 8\n", "    name: 阿斯塔纳第八轮和平会谈哈萨克斯坦\n"),
        ("    name: Government of the Syrian Arab Republic\n", "    name: 叙利亚阿拉伯共和国政府代表团\n"),
        ("    short_name: Government\n", "    short_name: 叙利亚政府\n"),
        (
            "        label: No commitment beyond general statements\n",
            "        label: 除一般性声明外不作任何承诺和保证而且不谈判\n",
        ),
        (
            "        label: A working group of the three guarantors and the UN\n",
            "        label: 三个担保国和联合国组成的工作组\n",
        ),
        (
            "        label: The working group plus an exchange of lists of names\n",
            "        label: 工作组加上交换被拘留人员名单的安排\n",
        ),
        (
            "        label: Lists, then releases in equal batches under the working group\n",
            "        label: 先交换名单然后在工作组监督下分批对等释放\n",
        ),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp / "wide.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_at_80_columns_wide_names_keep_the_tables_columns(tmp_path: Path) -> None:
    app = new_app(tmp_path, ("government",), scenario=wide_scenario(tmp_path))

    async def body() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            lines = screen_text(app).splitlines()
            # the agenda: each issue's weight in the same column, the wide name's row too
            rows = [line for line in lines if "%" in line.split("│")[0]]
            assert any("被拘留者" in row for row in rows), lines
            assert len({cell_len(row.split("%")[0]) for row in rows}) == 1, rows
            # the delegations: each one's trust in the same column, the wide name's row too
            # (the player's own row is drawn in runs of its own, whose spaces the screenshot's text
            # does not keep)
            delegations = [
                line.split("│")[0] for line in lines if (" party" in line or " gua." in line) and "(you)" not in line
            ]
            assert any("武装" in row for row in delegations), lines
            role = [row.index(" party") if " party" in row else row.index(" gua.") for row in delegations]
            assert len({cell_len(row[:at]) for row, at in zip(delegations, role, strict=True)}) == 1, delegations
            # the zones: each one's bar on its name's line
            zone = next(line.split("│")[1] for line in lines if "│" in line and "霍姆斯" in line)
            assert "█" in zone or "░" in zone, zone
            # no table wider than its panel (a name measured by its characters widened its column
            # past the panel, with a sideways scrollbar under it)
            for table in (app.screen.query_one(AgendaTable), app.screen.query_one(DelegationsTable)):
                assert table.virtual_size.width <= table.scrollable_content_region.width, table
            # the status line keeps the turn whole beside a wide venue's name
            assert lines[0].rstrip().endswith("moves left"), lines[0]

    asyncio.run(body())


def test_the_brief_and_the_board_wrap_wide_labels_within_their_room(tmp_path: Path) -> None:
    app = new_app(tmp_path, ("government",), scenario=wide_scenario(tmp_path))

    async def body() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await press(pilot, "i")
            lines = [line for line in screen_text(app).splitlines() if line.strip()]
            # the position on the wide issue goes on under the row's indent, not at the margin
            row = next(k for k, line in enumerate(lines) if "被拘留者" in line)
            label = next(k for k, line in enumerate(lines) if "除一般性" in line)
            assert label == row or (label == row + 1 and lines[label].startswith(" " * 10)), lines
            assert all(cell_len(line) <= 80 for line in lines)
            # the board: an offer's option on the wide issue beside its worth, within the screen
            await press(pilot, "escape")
            await pass_turn(pilot)
            await settle(pilot)
            await press(pilot, "o")
            lines = [line for line in screen_text(app).splitlines() if line.strip()]
            rows = [line for line in lines if "被拘留者" in line]
            assert any(word in "".join(rows) for word in ("工作组", "担保国", "名单")), lines  # a wide option shown
            assert rows and all(re.search(r"\d\.\d\d", row) for row in rows), lines
            assert all(cell_len(line) <= 80 for line in lines)

    asyncio.run(body())
