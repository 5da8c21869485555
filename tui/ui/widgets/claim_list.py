"""The claims pane: a virtual list that pages rows from SQLite, so its cost does not grow with the corpus."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.store.read import ClaimFilter
from tui.textsafe import inert
from tui.ui.errors import ReportsWorkerErrors
from tui.ui.render import (
    REVIEW_LABELS,
    agency_short,
    badges,
    cut_cells,
    fit_line,
    status_label,
)
from tui.ui.widgets.quiet_focus import QuietFocus

PAGE = 100


class ClaimList(QuietFocus, ReportsWorkerErrors, ScrollView, can_focus=True):
    """A scrollable list of claims; rows are fetched a page at a time in worker threads."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Next claim", show=False, id="claims.down"),
        Binding("up,k", "move(-1)", "Previous claim", show=False, id="claims.up"),
        Binding("pagedown,ctrl+d", "move_page(1)", "Page down", show=False, id="claims.page_down"),
        Binding("pageup,ctrl+u", "move_page(-1)", "Page up", show=False, id="claims.page_up"),
        Binding("home,g", "jump(0)", "First claim", show=False, id="claims.first"),
        Binding("end,G", "jump(-1)", "Last claim", show=False, id="claims.last"),
        Binding("enter,l", "open", "Open article", id="claims.open", tooltip="Open the claim's article"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)  # watch_cursor repaints its two rows

    class Highlighted(Message):
        """The cursor moved to a claim (row is None for an empty list)."""

        def __init__(self, row: dict | None) -> None:
            super().__init__()
            self.row = row

    class Opened(Message):
        """The user asked to read the claim's article."""

        def __init__(self, row: dict) -> None:
            super().__init__()
            self.row = row

    class Counted(Message):
        """The number of claims of the current query is known."""

        def __init__(self, total: int) -> None:
            super().__init__()
            self.total = total

    def __init__(self, source, **kwargs) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.filter = ClaimFilter()
        self.total = 0
        self.pages: dict[int, list[dict]] = {}
        self.pages_loading: set[int] = set()  # not `loading`: that is Textual's flag for a widget that takes no keys
        self.generation = 0
        self.empty_text = "No claims here."
        # each shown row's text, rendered once and kept without the pane's background: a repaint for a focus
        # move, a theme's background or the cursor's row draws the other rows from here
        self._strips: dict[tuple[int, bool, int, bool], Strip] = {}

    # ------------------------------------------------------------------ query
    def set_filter(self, claim_filter: ClaimFilter) -> None:
        """Show the claims of a new filter, starting at the top."""
        self.filter = claim_filter
        self.generation += 1
        self.pages.clear()
        self.pages_loading.clear()
        self.total = 0
        self.virtual_size = Size(self.size.width, 0)
        self._strips.clear()
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        generation = self.generation
        self.run_worker(lambda: self._count(generation, claim_filter), thread=True, exclusive=True,
                        group="claims-count", exit_on_error=False)
        self._request(0)
        self.refresh()

    def _count(self, generation: int, claim_filter: ClaimFilter) -> None:
        """Count the query's rows (worker thread)."""
        total = self.source.count(claim_filter)
        self.app.call_from_thread(self._counted, generation, total)

    def _counted(self, generation: int, total: int) -> None:
        if generation != self.generation:
            return
        self.total = total
        self.virtual_size = Size(self.size.width, total)
        self.post_message(self.Counted(total))
        self.refresh()
        self._announce()

    def _request(self, page: int) -> None:
        """Load a page in a worker unless it is loaded or on its way."""
        if page in self.pages or page in self.pages_loading or page < 0:
            return
        self.pages_loading.add(page)
        generation, claim_filter = self.generation, self.filter

        def load() -> None:
            rows = self.source.page(claim_filter, page * PAGE, PAGE)
            self.app.call_from_thread(self._loaded, generation, page, rows)

        self.run_worker(load, thread=True, group="claims-page", exit_on_error=False)

    def _loaded(self, generation: int, page: int, rows: list[dict]) -> None:
        if generation != self.generation:
            return
        self.pages_loading.discard(page)
        self.pages[page] = rows
        self._strips.clear()
        if len(self.pages) > 20:  # keep memory flat: forget pages far from the cursor
            far = sorted(self.pages, key=lambda p: abs(p - self.cursor // PAGE))[20:]
            for p in far:
                del self.pages[p]
        self.refresh()
        if page == self.cursor // PAGE:
            self._announce()

    def row(self, index: int) -> dict | None:
        """Return a loaded row, or None (and ask for its page)."""
        if not 0 <= index < self.total:
            return None
        page = self.pages.get(index // PAGE)
        if page is None:
            self._request(index // PAGE)
            return None
        offset = index % PAGE
        return page[offset] if offset < len(page) else None

    def update_row(self, claim_id: str, **changes) -> None:
        """Change fields of loaded rows of a claim (a new review state) and repaint."""
        for rows in self.pages.values():
            for r in rows:
                if r["id"] == claim_id:
                    r.update(changes)
        self._strips.clear()
        self.refresh()

    @property
    def current(self) -> dict | None:
        """Return the row under the cursor, if loaded."""
        return self.row(self.cursor)

    # ------------------------------------------------------------------ focus
    def _repaint_for_focus(self) -> None:
        """Only the cursor's row looks different with the focus (reverse when focused, bold when not)."""
        self.refresh_line(self.cursor)

    # ------------------------------------------------------------------ drawing
    def render_line(self, y: int) -> Strip:
        scroll_y = self.scroll_offset.y
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.visual_style.rich_style
        if self.total == 0:
            if y == 0 and not self.pages_loading:
                return Strip([Segment(cut_cells(self.empty_text, width), base)]).extend_cell_length(width, base)
            return Strip.blank(width, base)
        if index >= self.total:
            return Strip.blank(width, base)
        row = self.row(index)
        if row is None:
            return Strip([Segment(" …", base)]).extend_cell_length(width, base)
        selected = index == self.cursor
        show_agency = not (self.filter.agency or self.filter.program)
        key = (index, selected, width, show_agency)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 4 * PAGE:
                self._strips.clear()
            text = self.row_text(row, width, selected, show_agency=show_agency)
            strip = Strip(text.render(self.app.console), text.cell_len).extend_cell_length(width).crop(0, width)
            self._strips[key] = strip
        strip = strip.apply_style(base)
        if selected:
            strip = strip.apply_style(Style(reverse=True) if self.has_focus else Style(bold=True))
        return strip.apply_offsets(0, index)

    @staticmethod
    def row_text(row: dict, width: int, selected: bool = False, show_agency: bool = False) -> Text:
        """Return one claim row fitted to `width` cells: badges, status, review, the agency when the list holds
        several (show_agency), the claim's line (its values and what they count), date, outlet."""
        kinds = {s["kind"] for s in row.get("spans", [])}
        text = Text("▶ " if selected else "  ")
        text.append_text(badges(kinds))
        text.append(" " + status_label(row["status"]))
        review = (row.get("review") or {}).get("state")
        if review and review != "unchecked":
            text.append(" " + REVIEW_LABELS[review], style="bold")
        date = (row.get("published") or row.get("article_published") or "")[:10]
        outlet = cut_cells(row.get("outlet") or "", 10) if width >= 90 else ""
        right = f"{date} {outlet}".strip()
        if row.get("zone") in ("title", "deck"):
            text.append(" 제목" if row["zone"] == "title" else " 부제", style="dim")
        if show_agency and row.get("agency"):
            text.append(" " + agency_short(row["agency"]), style="bold")
        shown = (row.get("line") or row["text"]).replace("\n", " ")
        wide = bool(right) and width - cell_len(right) - 1 >= 30
        room = (width - cell_len(right) - 1 if wide else width) - text.cell_len - 1
        text.append(" " + (fit_line(shown, room) if row.get("line") and room > 0 else inert(shown)))
        if wide:
            text.truncate(width - cell_len(right) - 1, overflow="ellipsis", pad=True)
            text.append(" ")
            text.append(right, style="dim")
        text.truncate(width, overflow="ellipsis", pad=True)
        return text

    # ------------------------------------------------------------------ movement
    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)  # only the two rows whose look changes (a scroll repaints the rest itself)
        self.refresh_line(new)
        self._announce()

    def _announce(self) -> None:
        self.post_message(self.Highlighted(self.current if self.total else None))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.total)

    def _scroll_cursor_into_view(self) -> None:
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_move(self, delta: int) -> None:
        """Move the cursor by rows."""
        if self.total:
            self.cursor = max(0, min(self.total - 1, self.cursor + delta))
            self._scroll_cursor_into_view()

    def action_move_page(self, direction: int) -> None:
        """Move the cursor by a screenful."""
        self.action_move(direction * max(1, self.scrollable_content_region.height - 1))

    def action_jump(self, index: int) -> None:
        """Jump to the first (0) or last (-1) claim."""
        if self.total:
            self.cursor = self.total - 1 if index < 0 else 0
            self._scroll_cursor_into_view()

    def action_open(self) -> None:
        """Open the article of the claim under the cursor."""
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def on_click(self, event) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self.total:
            if index == self.cursor and event.chain >= 2:
                self.action_open()
            self.cursor = index
