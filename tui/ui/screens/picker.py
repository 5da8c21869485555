"""The side picker: choose two sides (agency with a term or all terms) with type-to-filter."""

from __future__ import annotations

import re

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.store.compare import Side
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


class SidePicker(ReportsWorkerErrors, ModalScreen[tuple[Side, Side] | None]):
    """Pick the left side, then the right side; typing filters the list."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "focus_list", "List", show=False, id="picker.list"),
    ]

    def __init__(self, source, first: Side | None = None) -> None:
        super().__init__()
        self.source = source
        self.options: list[tuple[Side, str]] = []
        self.first = first

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
        which = "오른쪽(비교 대상)" if self.first else "왼쪽"
        text = Text(f"{which} 쪽을 고르세요", style="bold")
        if self.first:
            text.append(f"   왼쪽: {self.first.label}", style="dim")
        self.query_one("#picker-prompt", Static).update(text)

    def _loaded(self, options) -> None:
        self.options = options
        self._refill("")

    def _refill(self, query: str) -> None:
        listing = self.query_one(OptionList)
        listing.clear_options()
        words = re.sub(r"@\s*(\d+)", r" 민선\1기 ", query).split()
        for index, (_side, label) in enumerate(self.options):
            compact = label.replace(" ", "")
            if all(w in compact for w in words):
                listing.add_option(Option(Text(label), id=str(index)))
        if listing.option_count:
            listing.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        listing = self.query_one(OptionList)
        if listing.highlighted is not None:
            self._choose(int(listing.get_option_at_index(listing.highlighted).id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(int(event.option.id))

    def _choose(self, index: int) -> None:
        side = self.options[index][0]
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
