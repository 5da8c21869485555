"""The side picker: choose two sides (agency with a term or all terms), or mark several for a matrix, with
type-to-filter; 'CITY/*@N' chooses every district of a city."""

from __future__ import annotations

import re

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.models import Side
from tui.ui.errors import ReportsWorkerErrors


def side_options(agencies) -> list[tuple[Side, str]]:
    """Return every pickable side with its label: each agency over all its terms, then each term."""
    options = []
    for a in agencies:
        if not a.terms:
            continue
        options.append((Side(a.full_name, None), f"{a.full_name} · 전체 기간 · {a.claims}건"))
        for t in a.terms:
            if t["term"] is None:
                continue
            head = f" · {t['head']}" if t.get("head") else ""
            options.append((Side(a.full_name, t["term"]), f"{a.full_name} · 민선 {t['term']}기{head} · {t['claims']}건"))
    return options


READ_AHEAD_AFTER = 0.1  # seconds the highlight rests on a second side before its comparison is read ahead


class SidePicker(ReportsWorkerErrors, ModalScreen[tuple[Side, ...] | None]):
    """Pick the left side, then the right side; or mark several (space) and press Enter; typing filters the
    list, and 'CITY/*@N' (광주광역시/*@8) picks every district of a city."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "focus_list", "List", show=False, id="picker.list"),
        Binding("space", "mark", "Mark", id="picker.mark", tooltip="Mark or unmark a side (several make a matrix)"),
    ]

    def __init__(self, source, first: Side | None = None, read=None) -> None:
        super().__init__()
        self.source = source
        self.read = read  # (db, left, right) → what the compare screen shows, to read ahead; None: nothing is
        self.options: list[tuple[Side, str]] = []
        self.first = first
        self.marked: list[Side] = []
        self._ahead_timer = None

    def compose(self):
        with Vertical(id="picker-box"):
            yield Static(id="picker-prompt")
            yield Input(placeholder="기관 이름으로 거르기 (예: 광산, 서구@8)", id="picker-filter")
            yield OptionList(id="picker-list")

    def on_mount(self) -> None:
        self._prompt()

        def work() -> None:
            options = side_options(self.source.nav())
            self.app.call_from_thread(self._loaded, options)

        self.run_worker(work, thread=True, exclusive=True, group="picker", exit_on_error=False)
        self.query_one(Input).focus()

    def _prompt(self) -> None:
        if self.marked:
            text = Text(f"{len(self.marked)}곳 표시됨 — Enter: 비교", style="bold")
            text.append("   " + ", ".join(s.label for s in self.marked[-3:]), style="dim")
        else:
            which = "오른쪽(비교 대상)" if self.first else "왼쪽"
            text = Text(f"{which} 쪽을 고르세요", style="bold")
            if self.first:
                text.append(f"   왼쪽: {self.first.label}", style="dim")
        text.append("\n여러 곳: 목록에서 Space로 표시 · 한 도시의 모든 자치구·시군: 광주광역시/*@8", style="dim")
        self.query_one("#picker-prompt", Static).update(text)

    def _loaded(self, options) -> None:
        self.options = options
        self._refill("")

    def _refill(self, query: str) -> None:
        listing = self.query_one(OptionList)
        listing.clear_options()
        words = re.sub(r"@\s*(\d+)", r" 민선\1기 ", query).split()
        for index, (side, label) in enumerate(self.options):
            compact = label.replace(" ", "")
            if all(w in compact for w in words):
                listing.add_option(Option(Text(("✓ " if side in self.marked else "  ") + label), id=str(index)))
        if listing.option_count:
            listing.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if "/*" in event.value:
            self._every_district(event.value.strip())
            return
        listing = self.query_one(OptionList)
        if listing.highlighted is not None:
            self._choose(int(listing.get_option_at_index(listing.highlighted).id))
        elif len(self.marked) >= 2:
            self.dismiss(tuple(self.marked))

    def _every_district(self, spec: str) -> None:
        """Choose every district of a city ('광주광역시/*@8'), or say why not."""
        def work() -> None:
            from tui.store.compare import parse_sides
            from tui.store.read import FilterError

            try:
                sides = parse_sides(self.source.db(), [spec])
            except FilterError as err:
                self.app.call_from_thread(self.notify, str(err), severity="warning", markup=False)
                return
            self.app.call_from_thread(self.dismiss, tuple(sides))

        self.run_worker(work, thread=True, exclusive=True, group="picker-expand", exit_on_error=False)

    def action_mark(self) -> None:
        """Mark (or unmark) the highlighted side for a comparison of several sides."""
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return
        side = self.options[int(listing.get_option_at_index(listing.highlighted).id)][0]
        if side in self.marked:
            self.marked.remove(side)
        else:
            self.marked.append(side)
        highlighted = listing.highlighted
        self._refill(self.query_one(Input).value)
        listing.highlighted = min(highlighted, max(0, listing.option_count - 1))
        self._prompt()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(int(event.option.id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Once the first side is chosen, read the comparison with the highlighted side ahead (with the `read` the
        compare screen gave) when the highlight rests there (READ_AHEAD_AFTER), so that Enter shows it without
        waiting for the database."""
        if self._ahead_timer is not None:
            self._ahead_timer.stop()
            self._ahead_timer = None
        if self.read is None or self.first is None or self.marked or event.option.id is None:
            return
        side = self.options[int(event.option.id)][0]
        if side != self.first:
            self._ahead_timer = self.set_timer(READ_AHEAD_AFTER, lambda: self.read_ahead(self.first, side))

    def read_ahead(self, left: Side, right: Side) -> None:
        """Read the comparison of two sides in a worker, for the compare screen to take (DataSource.ahead)."""
        slot = self.source.ahead.begin((left, right))
        if slot is None:
            return  # being read, or read already

        def work() -> None:
            done, box = slot
            try:
                box.append(self.read(self.source.db(), left, right))
            finally:
                done.set()  # a failed read leaves the box empty: the screen reads it itself

        self.run_worker(work, thread=True, group="picker-ahead", exit_on_error=False)

    def _choose(self, index: int) -> None:
        side = self.options[index][0]
        if self.marked:
            if side not in self.marked:
                self.marked.append(side)
            if len(self.marked) >= 2:
                self.dismiss(tuple(self.marked))
            return
        if self.first is None:
            self.first = side
            self.query_one(Input).value = ""
            self._prompt()
            self.query_one(Input).focus()
        else:
            self.dismiss((self.first, side))

    def action_focus_list(self) -> None:
        """Move focus from the filter to the list."""
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
