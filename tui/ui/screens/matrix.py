"""The matrix screen: many districts or terms across, fields down; each cell the side's achievements in that field
and its top claim. Enter opens the claims behind a cell; the field and side names stay in view when scrolling."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.models import ACHIEVEMENT_CLASSES
from tui.store.matrix import short_label
from tui.store.read import ClaimFilter
from tui.textsafe import inert
from tui.ui.claim_actions import REVIEW_BINDINGS, ClaimActions
from tui.ui.errors import ReportsWorkerErrors
from tui.ui.render import cut_cells, fit_line
from tui.ui.widgets.keybar import KeyBar

FIELD_WIDTH = 14
CELL_WIDTH = 24


def bar(value: int, most: int, width: int) -> str:
    """Return a bar of block characters (readable without colour), `width` cells for the largest value."""
    filled = round(width * value / most) if most else 0
    return "█" * filled + "·" * (width - filled)


class MatrixScreen(ReportsWorkerErrors, ClaimActions, Screen):
    """Sides across, fields down; a first row of totals with bars."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="matrix.back"),
        Binding("enter", "open", "Claims", id="matrix.open", tooltip="The achievements behind this cell"),
        Binding("p", "pick", "Pick sides", id="matrix.pick", tooltip="Choose the sides again"),
        *REVIEW_BINDINGS,
    ]

    def __init__(self, source, sides: list) -> None:
        super().__init__()
        self.source = source
        self.sides = list(sides)
        self.data: dict | None = None

    def compose(self):
        yield Static(id="matrix-title")
        yield DataTable(id="matrix-table", cursor_type="cell", fixed_columns=1)
        yield Static(id="matrix-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        """Load every side in a worker."""
        sides = list(self.sides)
        self.query_one("#matrix-title", Static).update(Text(f"{len(sides)}곳 비교 …", style="bold"))

        def work() -> None:
            from tui.store.compare import field_order
            from tui.store.matrix import matrix

            db = self.source.db()
            data = matrix(db, sides, field_order(db))
            self.app.call_from_thread(self._loaded, data)

        self.run_worker(work, thread=True, exclusive=True, group="matrix", exit_on_error=False)

    def _loaded(self, data: dict) -> None:
        self.data = data
        title = Text(f"{len(data['sides'])}곳 비교 · 분야별 성과", style="bold")
        title.append("   Enter: 칸의 성과 목록 · e: 내보내기 · p: 다시 고르기", style="dim")
        self.query_one("#matrix-title", Static).update(title)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column("분야", width=FIELD_WIDTH)
        for side in data["sides"]:
            table.add_column(cut_cells(short_label(side), CELL_WIDTH), width=CELL_WIDTH)
        most = max([s["achievements"] for s in data["sides"]] + [1])
        table.add_row(Text("성과 합계", style="bold"),
                      *[Text(f"{bar(s['achievements'], most, 8)} {s['achievements']}/{s['claims']}")
                        for s in data["sides"]])
        for field in data["fields"]:
            cells = []
            for cell in field["cells"]:
                text = Text(f"{cell['achievements']}", style="bold" if cell["achievements"] else "dim")
                if cell["top"]:
                    text.append(" " + fit_line(cell["top"]["line"], CELL_WIDTH - 3))
                cells.append(text)
            table.add_row(Text(cut_cells(field["field"], FIELD_WIDTH), style="bold"), *cells)
        table.focus()
        if data["sides"]:
            table.cursor_coordinate = (0, 1)  # the first side's totals, not the field names

    def _cell(self) -> tuple[dict, dict | None, str | None] | None:
        """Return (side summary, cell, field) under the cursor; field None on the totals row."""
        if self.data is None:
            return None
        coordinate = self.query_one(DataTable).cursor_coordinate
        if coordinate.column == 0 or coordinate.column > len(self.data["sides"]):
            return None
        side = self.data["sides"][coordinate.column - 1]
        if coordinate.row == 0:
            return side, None, None
        field = self.data["fields"][coordinate.row - 1]
        return side, field["cells"][coordinate.column - 1], field["field"]

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        found = self._cell()
        detail = Text()
        if found:
            side, cell, field = found
            detail.append(side["label"] + (f" · {field}" if field else " · 모든 분야"), style="bold")
            if cell and cell["top"]:
                detail.append("\n" + inert(cell["top"]["line"]))
        self.query_one("#matrix-detail", Static).update(detail)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the achievements behind the cell (or, on the totals row, every achievement of the side)."""
        found = self._cell()
        if not found:
            return
        side, _cell, field = found
        from tui.ui.screens.claims import ClaimsScreen

        claim_filter = ClaimFilter(agency=side["agency"], term=side["term"], category=field,
                                   classes=ACHIEVEMENT_CLASSES, echoes=False)
        self.app.push_screen(ClaimsScreen(self.source, claim_filter,
                                          f"{side['label']} · {field or '모든 분야'} · 성과"))

    def selected_claim(self) -> dict | None:
        """Return nothing: a cell stands for several claims (open it to review one)."""
        return None

    def export_rows(self):
        """Return the matrix for export."""
        return "matrix", self.data or {"sides": [], "fields": []}, ""

    def action_pick(self) -> None:
        """Choose the sides again."""
        from tui.ui.screens.picker import SidePicker

        def chosen(sides) -> None:
            if sides and len(sides) > 2:
                self.sides = list(sides)
                self.load()
            elif sides:
                self.app.pop_screen()
                self.app.open_compare(*sides)

        self.app.push_screen(SidePicker(self.source), chosen)
