"""The comparison's table: a field column and two sides, drawn a line at a time (`ScrollView.render_line`).

A comparison lists up to 50 claims per field and side; a DataTable measured and laid out every cell of every row
each time the screen opened or the terminal was resized. Here a row is a list of cell texts and only the lines on
screen are drawn, so opening costs the same for 10 rows or 1,000. A cell may also be given as a function that
makes its text: it is called when the cell is first drawn or read, so cells never shown are never made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

PAD = 1  # blank cells either side of a cell's text, as DataTable draws them


class Cursor(NamedTuple):
    """A cell of the table: its row (0 is the first row under the header) and its column."""

    row: int
    column: int


class CompareTable(ScrollView, can_focus=True):
    """A header line and rows of cells; the cursor is one cell, moved by row and column."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"compare-table--header", "compare-table--cursor"}

    DEFAULT_CSS = """
    CompareTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .compare-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .compare-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .compare-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .compare-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("down", "move(1)", "Down", show=False, id="compare_table.down"),
        Binding("up", "move(-1)", "Up", show=False, id="compare_table.up"),
        Binding("left", "column(-1)", "Left", show=False, id="compare_table.left"),
        Binding("right", "column(1)", "Right", show=False, id="compare_table.right"),
        Binding("pagedown,ctrl+d", "move_page(1)", "Page down", show=False, id="compare_table.page_down"),
        Binding("pageup,ctrl+u", "move_page(-1)", "Page up", show=False, id="compare_table.page_up"),
        Binding("home,g", "jump(0)", "First row", show=False, id="compare_table.first"),
        Binding("end,G", "jump(-1)", "Last row", show=False, id="compare_table.last"),
    ]

    cursor_coordinate: reactive[Cursor] = reactive(Cursor(0, 1), always_update=True)

    class CellHighlighted(Message):
        """The cursor moved to a cell."""

        def __init__(self, coordinate: Cursor) -> None:
            super().__init__()
            self.coordinate = coordinate

    class CellSelected(Message):
        """Enter or a double click on a cell."""

        def __init__(self, coordinate: Cursor) -> None:
            super().__init__()
            self.coordinate = coordinate

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.widths: list[int] = []
        self.header: list[Text] = []
        self.rows: list[list[Text | Callable[[], Text]]] = []

    # ------------------------------------------------------------------ content
    def set_rows(self, widths: list[int], header: list[Text], rows: list[list[Text | Callable[[], Text]]]) -> None:
        """Replace the whole table: the column widths (cells, without padding), the header and the rows (a cell
        is its text, or a function making it when the cell is first needed)."""
        self.widths, self.header, self.rows = widths, header, rows
        self.virtual_size = Size(self._line_width(), len(rows) + 1)
        row = min(self.cursor_coordinate.row, max(0, len(rows) - 1))
        self.cursor_coordinate = Cursor(row, self.cursor_coordinate.column)
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def get_cell_at(self, coordinate: tuple[int, int]) -> Text:
        """Return the text of a cell."""
        row, column = coordinate
        return self._row(row)[column]

    def _row(self, index: int) -> list[Text]:
        """Return a row's cells as texts, making (once) those given as functions."""
        row = self.rows[index]
        if any(callable(cell) for cell in row):
            row[:] = [cell() if callable(cell) else cell for cell in row]
        return row

    def _line_width(self) -> int:
        return sum(w + 2 * PAD for w in self.widths)

    # ------------------------------------------------------------------ drawing
    def _line(self, cells: list[Text], style: Style, cursor_column: int | None = None,
              cursor_style: Style | None = None) -> list[Segment]:
        segments: list[Segment] = []
        console = self.app.console
        for column, (cell, width) in enumerate(zip(cells, self.widths)):
            cell_style = cursor_style if column == cursor_column and cursor_style is not None else style
            cell_style += Style.from_meta({"column": column})  # each cell its own run, as a terminal lays it out
            text = cell.copy()
            text.truncate(width, overflow="ellipsis", pad=True)
            segments.append(Segment(" " * PAD, cell_style))
            segments.extend(Segment.apply_style(text.render(console), cell_style))
            segments.append(Segment(" " * PAD, cell_style))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:  # the header stays on top when the rows scroll
            header = self.get_component_rich_style("compare-table--header")
            strip = Strip(self._line(self.header, base + header))
        else:
            index = scroll_y + y - 1
            if not 0 <= index < len(self.rows):
                return Strip.blank(width, base)
            cursor = self.cursor_coordinate
            strip = Strip(self._line(self._row(index), base,
                                     cursor.column if index == cursor.row else None,
                                     base + self.get_component_rich_style("compare-table--cursor")))
        return strip.crop(scroll_x, scroll_x + width).extend_cell_length(width, base).crop(0, width)

    def on_resize(self) -> None:
        self.virtual_size = Size(self._line_width(), len(self.rows) + 1)

    # ------------------------------------------------------------------ cursor
    def validate_cursor_coordinate(self, value: tuple[int, int]) -> Cursor:
        row, column = value
        row = max(0, min(len(self.rows) - 1, row)) if self.rows else 0
        column = max(0, min(len(self.widths) - 1, column)) if self.widths else column
        return Cursor(row, column)

    def watch_cursor_coordinate(self, old: Cursor, new: Cursor) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.CellHighlighted(new))

    def _scroll_cursor_into_view(self) -> None:
        top = self.scroll_offset.y
        height = max(1, self.scrollable_content_region.height - 1)  # the header line takes one
        row = self.cursor_coordinate.row
        if row < top:
            self.scroll_to(y=row, animate=False)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False)

    def action_move(self, step: int) -> None:
        """Move the cursor up or down by rows."""
        self.cursor_coordinate = Cursor(self.cursor_coordinate.row + step, self.cursor_coordinate.column)

    def action_move_page(self, direction: int) -> None:
        """Move the cursor by a screenful."""
        self.action_move(direction * max(1, self.scrollable_content_region.height - 2))

    def action_column(self, step: int) -> None:
        """Move the cursor to the next or previous column."""
        self.cursor_coordinate = Cursor(self.cursor_coordinate.row, self.cursor_coordinate.column + step)

    def action_jump(self, index: int) -> None:
        """Jump to the first (0) or last (-1) row."""
        self.cursor_coordinate = Cursor(len(self.rows) - 1 if index < 0 else 0, self.cursor_coordinate.column)

    def action_select_cursor(self) -> None:
        self.post_message(self.CellSelected(self.cursor_coordinate))

    def on_click(self, event) -> None:
        if event.y == 0:
            return
        row = self.scroll_offset.y + event.y - 1
        x, column = self.scroll_offset.x + event.x, 0
        for column, width in enumerate(self.widths):
            x -= width + 2 * PAD
            if x < 0:
                break
        if 0 <= row < len(self.rows):
            target = Cursor(row, column)
            if target == self.cursor_coordinate and event.chain >= 2:
                self.action_select_cursor()
            self.cursor_coordinate = target
