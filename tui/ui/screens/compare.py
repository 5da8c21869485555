"""The compare screen: two agencies or terms side by side, their claims aligned by field."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.store.compare import Side
from tui.textsafe import inert
from tui.ui.claim_actions import REVIEW_BINDINGS, ClaimActions
from tui.ui.errors import ReportsWorkerErrors
from tui.ui.render import REVIEW_LABELS, badges, cut_cells, money_words, status_label

FIELD_WIDTH = 14
PER_FIELD = 50  # claims listed per side and field on screen (the export and the command line list them all)


class CompareScreen(ReportsWorkerErrors, ClaimActions, Screen):
    """Header figures per side and, field by field, the two sides' claims next to each other."""

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
        self.cells: dict[tuple[int, int], dict] = {}
        self.data: dict | None = None

    def compose(self):
        with Horizontal(id="compare-heads"):
            yield Static(id="left-head", classes="side-head")
            yield Static(id="right-head", classes="side-head")
        yield DataTable(id="compare-table", cursor_type="cell", zebra_stripes=False)
        yield Static(id="compare-detail")
        yield Footer()

    def on_mount(self) -> None:
        if self.left is None or self.right is None:
            self.action_pick()
        else:
            self.load()

    def load(self) -> None:
        """Load both sides in a worker."""
        left, right = self.left, self.right
        self.query_one("#left-head", Static).update(Text(left.label + " …"))
        self.query_one("#right-head", Static).update(Text(right.label + " …"))

        def work() -> None:
            from tui.store.compare import compare, field_order

            db = self.source.db()
            data = compare(db, left, right, field_order(db), per_field=PER_FIELD)
            self.app.call_from_thread(self._loaded, data)

        self.run_worker(work, thread=True, exclusive=True, group="compare", exit_on_error=False)

    def _loaded(self, data: dict) -> None:
        self.data = data
        self.query_one("#left-head", Static).update(side_header(data["left"]))
        self.query_one("#right-head", Static).update(side_header(data["right"]))
        self._fill()
        self.query_one(DataTable).focus()

    def _fill(self) -> None:
        """Rebuild the table for the current width."""
        if self.data is None:
            return
        table = self.query_one(DataTable)
        table.clear(columns=True)
        half = max(20, (self.size.width - FIELD_WIDTH - 6) // 2)
        table.add_column("분야", width=FIELD_WIDTH)
        table.add_column(cut_cells(self.data["left"]["label"], half), width=half)
        table.add_column(cut_cells(self.data["right"]["label"], half), width=half)
        self.cells.clear()
        y = 0
        for field in self.data["fields"]:
            mark = {"left": " ◀만", "right": " ▶만"}.get(field["only"], "")
            shown = {side: f"{field[side + '_total']}건" + (f" (최근 {len(field[side])}건 표시)"
                                                            if field[side + "_total"] > len(field[side]) else "")
                     for side in ("left", "right")}
            table.add_row(Text(cut_cells(field["field"] + mark, FIELD_WIDTH), style="bold"),
                          Text(shown["left"], style="bold"), Text(shown["right"], style="bold"))
            y += 1
            for i in range(max(len(field["left"]), len(field["right"]))):
                cells = [Text("")]
                for column, rows in ((1, field["left"]), (2, field["right"])):
                    if i < len(rows):
                        self.cells[(y, column)] = rows[i]
                        cells.append(claim_cell(rows[i], half))
                    else:
                        cells.append(Text(""))
                table.add_row(*cells)
                y += 1
        if not self.data["fields"]:
            table.add_row(Text("—"), Text("주장 없음", style="dim"), Text("주장 없음", style="dim"))

    def on_resize(self) -> None:
        self._fill()

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        row = self.cells.get((event.coordinate.row, event.coordinate.column))
        detail = Text()
        if row:
            detail.append_text(badges({s["kind"] for s in row["spans"]}))
            detail.append(inert(f" {status_label(row['status'])} · {(row.get('article_published') or '')[:10]} · "
                                f"{row.get('outlet') or ''} · {row['title']}\n"), style="dim")
            detail.append(inert(row["text"]))
        self.query_one("#compare-detail", Static).update(detail)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the article of the claim under the cursor at that claim."""
        table = self.query_one(DataTable)
        row = self.cells.get((table.cursor_coordinate.row, table.cursor_coordinate.column))
        if row:
            from tui.ui.screens.reader import ReaderScreen

            self.app.push_screen(ReaderScreen(self.source, row["article"], row["id"]))

    def selected_claim(self) -> dict | None:
        """Return the claim in the cell under the cursor."""
        table = self.query_one(DataTable)
        return self.cells.get((table.cursor_coordinate.row, table.cursor_coordinate.column))

    def claim_changed(self, claim_id: str, review: dict) -> None:
        """Show a new review in the cells and the header counts."""
        if self.data is None:
            return
        for side in ("left", "right"):
            rows = [r for f in self.data["fields"] for r in f[side] if r["id"] == claim_id]
            if not rows:
                continue
            previous = (rows[0].get("review") or {}).get("state")
            for r in rows:
                r["review"] = review
            for state, step in ((previous, -1), (review["state"], 1)):
                if state in ("verified", "disputed"):
                    self.data[side][state] += step
        cursor = self.query_one(DataTable).cursor_coordinate
        self._loaded(self.data)
        self.query_one(DataTable).cursor_coordinate = cursor

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
                             "fields": [{**f, "left": f["right"], "right": f["left"], "left_total": f["right_total"],
                                         "right_total": f["left_total"],
                                         "only": {"left": "right", "right": "left"}.get(f["only"])}
                                        for f in self.data["fields"]]}
                self._loaded(self.data)

    def action_pick(self) -> None:
        """Choose both sides with the picker."""
        from tui.ui.screens.picker import SidePicker

        def chosen(sides) -> None:
            if sides:
                self.left, self.right = sides
                self.load()
            elif self.data is None:
                self.app.pop_screen()

        self.app.push_screen(SidePicker(self.source), chosen)

    def action_side(self, step: int) -> None:
        """Move the cursor to the other side's column."""
        table = self.query_one(DataTable)
        column = min(2, max(1, table.cursor_coordinate.column + step))
        table.cursor_coordinate = table.cursor_coordinate._replace(column=column)

    def action_row(self, step: int) -> None:
        """Move the cursor up or down."""
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()


def side_header(summary: dict) -> Text:
    """Return a side's header: label, articles, claims, awards, firsts, money claims and their stated sum."""
    text = Text(summary["label"] + "\n", style="bold")
    text.append(f"기사 {summary['articles']} · 주장 {summary['claims']} · 수상 {summary['awards']} · "
                f"최초 {summary['firsts']}\n")
    text.append(f"금액 주장 {summary['money_claims']}건, 언급 금액 합계 {money_words(summary['money_total_won'])}"
                " (기사에 적힌 액수를 더한 값)\n", style="dim")
    text.append(f"확인 {summary['verified']} · 반박 {summary['disputed']}", style="dim")
    return text


def claim_cell(row: dict, width: int) -> Text:
    """Return a one-line cell for a claim: badges, status, review mark and the sentence cut to width."""
    text = badges({s["kind"] for s in row["spans"]})
    text.append(" " + status_label(row["status"]))
    state = (row.get("review") or {}).get("state")
    if state and state != "unchecked":
        text.append(" " + REVIEW_LABELS[state], style="bold")
    text.append(" ")
    text.append(cut_cells(row["text"], max(4, width - text.cell_len)))
    return text
