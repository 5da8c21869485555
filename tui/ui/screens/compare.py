"""The compare screen: two agencies or terms side by side, their claims aligned by field."""

from __future__ import annotations

import threading
from functools import partial

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.figures import figure_rows
from tui.models import Side
from tui.textsafe import inert
from tui.ui.claim_actions import REVIEW_BINDINGS, ClaimActions
from tui.ui.errors import ReportsWorkerErrors
from tui.ui.render import REVIEW_LABELS, badges, cut_cells, fit_line, status_label
from tui.ui.widgets.compare_table import CompareTable
from tui.ui.widgets.keybar import KeyBar

FIELD_WIDTH = 14
PER_FIELD = 50  # claims listed per side and field on screen (the export and the command line list them all)
FIRST_ROWS = 80  # table rows whose claims are read before the comparison is shown; the rest are read after
PAINT_WAIT = 0.5  # seconds the rest of the claims wait at most for the first rows to be painted


class CompareScreen(ReportsWorkerErrors, ClaimActions, Screen):
    """Header figures per side and, field by field, the two sides' claims next to each other."""

    AUTO_FOCUS = "#compare-table"  # from the first frame, so the key bar does not change when the data comes
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="compare.back"),
        Binding("s", "swap", "Swap sides", id="compare.swap", tooltip="Exchange the left and right sides"),
        Binding("p", "pick", "Pick sides", id="compare.pick", tooltip="Choose the two sides again"),
        Binding("enter", "open", "Open article", id="compare.open", tooltip="Read the article of this claim"),
        Binding("h", "side(-1)", "Left side", show=False, id="compare.left"),
        Binding("l", "side(1)", "Right side", show=False, id="compare.right"),
        Binding("j", "row(1)", "Down", show=False, id="compare.down"),
        Binding("k", "row(-1)", "Up", show=False, id="compare.up"),
        *REVIEW_BINDINGS,
    ]

    def __init__(self, source, left: Side | None = None, right: Side | None = None) -> None:
        super().__init__()
        self.source = source
        self.left, self.right = left, right
        self.cells: dict[tuple[int, int], int] = {}  # (table row, column) → the row number of the claim there
        self.claims: dict[int, dict] = {}  # claim rows read so far, by row number
        self.data: dict | None = None
        self.load_count = 0  # which load the claims read after the first screen belong to

    def compose(self):
        with Horizontal(id="compare-heads"):
            for side in ("left", "right"):
                with Vertical(classes="side-head"):
                    yield Static(id=f"{side}-head")
                    yield OptionList(id=f"{side}-figures", classes="figures")
        yield CompareTable(id="compare-table")
        yield Static(id="compare-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.left is None or self.right is None:
            self.action_pick()
        else:
            self.load()

    def load(self) -> None:
        """Load both sides in a worker."""
        left, right = self.left, self.right
        self.load_count += 1
        loading = self.load_count
        self.query_one("#left-head", Static).update(Text(left.label + " …"))
        self.query_one("#right-head", Static).update(Text(right.label + " …"))
        for side in ("left", "right"):
            self.query_one(f"#{side}-figures", OptionList).clear_options()

        def work() -> None:
            from textual.worker import get_current_worker

            from tui.store.read import claim_rows_by_rowid

            db = self.source.db()
            # read while the picker rested on the second side (SidePicker.read_ahead), or now
            data, claims, rest = self.source.ahead.take((left, right)) or read_comparison(db, left, right)
            painted = threading.Event()
            self.app.call_from_thread(self._loaded, data, claims, painted)
            painted.wait(PAINT_WAIT)
            if rest and not get_current_worker().is_cancelled:
                claims = claim_rows_by_rowid(db, rest)
                if not get_current_worker().is_cancelled:
                    self.app.call_from_thread(self._more, loading, claims)

        self.run_worker(work, thread=True, exclusive=True, group="compare", exit_on_error=False)

    def _loaded(self, data: dict, claims: dict[int, dict] | None = None,
                painted: threading.Event | None = None) -> None:
        """Show a comparison (and its first claims); set painted once the screen showing it is drawn."""
        self.data = data
        if claims is not None:
            self.claims = claims
        for side in ("left", "right"):
            self.query_one(f"#{side}-head", Static).update(side_header(data[side]))
            figures = self.query_one(f"#{side}-figures", OptionList)
            figures.clear_options()
            figures.add_options([Option(figure_text(label, value), id=key)
                                 for key, label, value in figure_rows(data[side])])
        self._fill()
        self.query_one(CompareTable).focus()
        if painted is not None:
            self.call_after_refresh(painted.set)

    def _more(self, loading: int, claims: dict[int, dict]) -> None:
        """Add the claims read after the comparison was shown, and draw again the cells waiting for them (unless
        the sides were chosen again meanwhile: a swap keeps them)."""
        if loading != self.load_count or not self.is_attached:
            return  # chosen again, or closed, meanwhile
        self.claims.update(claims)
        table = self.query_one(CompareTable)
        cursor, scroll = table.cursor_coordinate, table.scroll_offset
        self._fill()
        table.cursor_coordinate = cursor
        table.scroll_to(scroll.x, scroll.y, animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the claims behind a header figure."""
        side = self.left if event.option_list.id == "left-figures" else self.right
        key = event.option.id
        if side is None or key is None:
            return
        from tui.store.compare import figure_filter
        from tui.ui.screens.claims import ClaimsScreen

        label = next((lab for k, lab, _ in figure_rows(self.data[event.option_list.id.split("-")[0]]) if k == key), key)
        self.app.push_screen(ClaimsScreen(self.source, figure_filter(side, key), f"{side.label} · {label}"))

    def _fill(self) -> None:
        """Rebuild the table's rows for the current width (only the lines on screen are drawn)."""
        if self.data is None:
            return
        table = self.query_one(CompareTable)
        bar = table.styles.scrollbar_size_vertical  # left free, so that no column is cut (app.tcss)
        half = max(20, (self.size.width - FIELD_WIDTH - 6 - bar) // 2)
        header = [Text("분야"), Text(cut_cells(self.data["left"]["label"], half)),
                  Text(cut_cells(self.data["right"]["label"], half))]
        rows: list[list] = []  # texts, or functions making a claim's cell when it is first drawn
        self.cells.clear()
        most = max([f[s + "_achievements"] for f in self.data["fields"] for s in ("left", "right")] + [1])
        for field in self.data["fields"]:
            mark = {"left": " ◀만", "right": " ▶만"}.get(field["only"], "")
            shown = {side: field_bar(field[side + "_achievements"], field[side + "_total"], most, half,
                                     len(field[side + "_rows"])) for side in ("left", "right")}
            rows.append([Text(cut_cells(field["field"] + mark, FIELD_WIDTH), style="bold"),
                         shown["left"], shown["right"]])
            for i in range(max(len(field["left_rows"]), len(field["right_rows"]))):
                cells = [Text("")]
                for column, claims in ((1, field["left_rows"]), (2, field["right_rows"])):
                    if i < len(claims):
                        self.cells[(len(rows), column)] = claims[i]
                        claim = self.claims.get(claims[i])  # made when first drawn; … until its row is read
                        cells.append(partial(claim_cell, claim, half) if claim else Text("…", style="dim"))
                    else:
                        cells.append(Text(""))
                rows.append(cells)
        if not self.data["fields"]:
            rows.append([Text("—"), Text("주장 없음", style="dim"), Text("주장 없음", style="dim")])
        table.set_rows([FIELD_WIDTH, half, half], header, rows)

    def on_resize(self) -> None:
        self._fill()

    def on_compare_table_cell_highlighted(self, event: CompareTable.CellHighlighted) -> None:
        row = self.claim_at(event.coordinate)
        detail = Text()
        if row:
            detail.append_text(badges({s["kind"] for s in row["spans"]}))
            detail.append(inert(f" {status_label(row['status'])} · {(row.get('article_published') or '')[:10]} · "
                                f"{row.get('outlet') or ''} · {row['title']}\n"), style="dim")
            detail.append(inert(row["text"]))
        self.query_one("#compare-detail", Static).update(detail)

    def on_compare_table_cell_selected(self, event: CompareTable.CellSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the article of the claim under the cursor at that claim."""
        table = self.query_one(CompareTable)
        row = self.claim_at(table.cursor_coordinate)
        if row:
            from tui.ui.screens.reader import ReaderScreen

            self.app.push_screen(ReaderScreen(self.source, row["article"], row["id"]))

    def selected_claim(self) -> dict | None:
        """Return the claim in the cell under the cursor."""
        return self.claim_at(self.query_one(CompareTable).cursor_coordinate)

    def claim_at(self, coordinate) -> dict | None:
        """Return the claim row in a cell of the table, once it is read."""
        rowid = self.cells.get((coordinate[0], coordinate[1]))
        return None if rowid is None else self.claims.get(rowid)

    def claim_changed(self, claim_id: str, review: dict) -> None:
        """Show a new review in the cells and the header counts."""
        if self.data is None:
            return
        for side in ("left", "right"):
            rows = [r for f in self.data["fields"] for rowid in f[side + "_rows"]
                    if (r := self.claims.get(rowid)) is not None and r["id"] == claim_id]
            if not rows:
                continue
            previous = (rows[0].get("review") or {}).get("state")
            for r in rows:
                r["review"] = review
            for state, step in ((previous, -1), (review["state"], 1)):
                if state in ("verified", "disputed"):
                    self.data[side][state] += step
        cursor = self.query_one(CompareTable).cursor_coordinate
        self._loaded(self.data)
        self.query_one(CompareTable).cursor_coordinate = cursor

    def export_rows(self):
        """Return the whole comparison (not only the claims shown) for export."""
        left, right = self.left, self.right

        def everything():
            from tui.store.compare import compare, field_order

            db = self.source.db()
            return compare(db, left, right, field_order(db))

        return "comparison", everything, ""

    def action_swap(self) -> None:
        """Exchange the sides."""
        if self.left and self.right:
            self.left, self.right = self.right, self.left
            if self.data:
                self.data = {"left": self.data["right"], "right": self.data["left"],
                             "fields": [swapped(f) for f in self.data["fields"]]}
                self._loaded(self.data)

    def action_pick(self) -> None:
        """Choose both sides with the picker."""
        from tui.ui.screens.picker import SidePicker

        def chosen(sides) -> None:
            if sides and len(sides) > 2:
                self.app.pop_screen()
                self.app.open_compare(*sides)
            elif sides:
                self.left, self.right = sides
                self.load()
            elif self.data is None:
                self.app.pop_screen()

        self.app.push_screen(SidePicker(self.source, read=read_comparison), chosen)

    def action_side(self, step: int) -> None:
        """Move the cursor to the other side's column."""
        table = self.query_one(CompareTable)
        table.cursor_coordinate = (table.cursor_coordinate.row, min(2, max(1, table.cursor_coordinate.column + step)))

    def action_row(self, step: int) -> None:
        """Move the cursor up or down."""
        self.query_one(CompareTable).action_move(step)


def swapped(field: dict) -> dict:
    """Return a field of the comparison with its sides exchanged (rows, totals, achievements, which side only)."""
    out = {key.replace("left", "\0").replace("right", "left").replace("\0", "right"): value
           for key, value in field.items()}
    out["only"] = {"left": "right", "right": "left"}.get(field["only"])
    return out


def read_comparison(db, left: Side, right: Side) -> tuple[dict, dict[int, dict], list[int]]:
    """Return what the screen needs to show a comparison: its outline, the claims of the table's first rows, and the
    row numbers of the other claims (read once the first rows are painted: read while the screen paints, they
    would take turns with it for the interpreter and delay it)."""
    from tui.store.compare import field_order, outline
    from tui.store.read import claim_rows_by_rowid

    data = outline(db, left, right, field_order(db), per_field=PER_FIELD)
    first, rest = split_rows(data["fields"], FIRST_ROWS)
    return data, claim_rows_by_rowid(db, first), rest


def split_rows(fields: list[dict], first: int) -> tuple[list[int], list[int]]:
    """Return the row numbers of the claims in the table's first `first` rows (a field's heading is a row, then
    one row per claim of its longer side) and those of the others."""
    head: list[int] = []
    tail: list[int] = []
    row = 0
    for field in fields:
        row += 1
        for i in range(max(len(field["left_rows"]), len(field["right_rows"]))):
            out = head if row < first else tail
            out.extend(rows[i] for rows in (field["left_rows"], field["right_rows"]) if i < len(rows))
            row += 1
    return head, tail


def side_header(summary: dict) -> Text:
    """Return a side's header line: its label and, once any are reviewed, how many claims are verified or
    disputed; one line, cut with … on a narrow terminal."""
    text = Text(summary["label"], style="bold", no_wrap=True, overflow="ellipsis")
    if summary["verified"] or summary["disputed"]:
        text.append(f"  ✓확인 {summary['verified']} · ✗반박 {summary['disputed']}", style="dim")
    return text


def field_bar(achievements: int, total: int, most: int, width: int, shown: int) -> Text:
    """Return a field's heading cell: a bar of its achievements (scaled to the largest field of both sides, drawn
    in block characters so it reads without colour), the count, and how many of its claims are listed."""
    room = max(4, min(20, width - 24))
    filled = round(room * achievements / most) if most else 0
    text = Text("█" * filled, style="green")
    text.append("·" * (room - filled), style="dim")
    text.append(f" 성과 {achievements}", style="bold")
    text.append(f" / {total}건" + (f" (위 {shown}건 표시)" if total > shown else ""), style="dim")
    return text


def figure_text(label: str, value: str) -> Text:
    """Return one header figure as an option: its label and its value."""
    text = Text(f"{label} ", style="bold")
    text.append(inert(value))
    return text


def claim_cell(row: dict, width: int) -> Text:
    """Return a one-line cell for a claim: badges, status, review mark and its line cut to width."""
    text = badges({s["kind"] for s in row["spans"]})
    text.append(" " + status_label(row["status"]))
    state = (row.get("review") or {}).get("state")
    if state and state != "unchecked":
        text.append(" " + REVIEW_LABELS[state], style="bold")
    text.append(" ")
    room = max(4, width - text.cell_len)
    text.append(fit_line(row["line"], room) if row.get("line") else cut_cells(row["text"], room))
    return text
