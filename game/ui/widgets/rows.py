"""A table of rows to choose from (the board, the saved games, the record)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class RowTable(DataTable[Any]):
    """A DataTable with a row cursor whose Home and End go to the first and the last row.
    Textual's take them to the first and last column, which a row cursor does not have: a
    newcomer pressed Home on the board to get back to the top offer, stayed on the row below,
    and accepted that one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
