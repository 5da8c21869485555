"""The search screen: Korean-aware search over articles and claims, results highlighted, Enter opens the match."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.textsafe import inert
from tui.ui.errors import ReportsWorkerErrors
from tui.ui.render import class_label, cut_cells, fit_line
from tui.ui.widgets.keybar import KeyBar

HELP = ("words must all appear · \"quoted phrase\" · -excluded · agency:광산구 term:7 kind:money  "
        "(spacing does not matter: 광주형 일자리 = 광주형일자리)")


class SearchScreen(ReportsWorkerErrors, Screen):
    """Type a query (searched as you pause), move through the results, Enter to read the article at the match."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="search.back"),
        Binding("down", "results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, source, agency: str | None = None, term: int | None = None) -> None:
        super().__init__()
        self.source = source
        self.agency, self.term = agency, term
        self.hits: list = []
        self._timer = None

    def compose(self):
        with Vertical():
            yield Input(placeholder="검색어 (예: 지원금, \"광주형 일자리\", 서구 kind:award)", id="search-input")
            yield Static(Text(HELP, style="dim"), id="search-help")
            yield OptionList(id="search-results")
            yield Static(id="search-preview")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        scope = " · ".join(x for x in (self.agency, f"민선 {self.term}기" if self.term else None) if x)
        if scope:
            self.query_one("#search-help", Static).update(Text(f"within {scope} — {HELP}", style="dim"))

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(0.25, lambda: self.run_search(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.run_search(event.value)
        self.query_one(OptionList).focus()

    def run_search(self, text: str) -> None:
        """Search in a worker (the newest query wins)."""
        if not text.strip():
            self._show([], "")
            return
        agency, term = self.agency, self.term

        def work() -> None:
            from tui.store.search import QueryError, parse_query, search

            try:
                hits = search(self.source.db(), parse_query(text), agency, term, limit=200)
                message = ""
            except QueryError as err:
                hits, message = [], str(err)
            self.app.call_from_thread(self._show, hits, message)

        self.run_worker(work, thread=True, exclusive=True, group="search", exit_on_error=False)

    def _show(self, hits, message: str) -> None:
        self.hits = hits
        listing = self.query_one(OptionList)
        listing.clear_options()
        width = max(30, self.size.width - 6)
        for index, hit in enumerate(hits):
            listing.add_option(Option(result_text(hit, width), id=str(index)))
        preview = self.query_one("#search-preview", Static)
        if message:
            preview.update(Text(message, style="yellow"))
        else:
            preview.update(Text(f"{len(hits)} result(s)" + (" (first 200)" if len(hits) == 200 else ""),
                                style="dim"))
        if hits:
            listing.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        hit = self.hits[int(event.option.id)]
        text = Text(inert(f"{hit.title} · {hit.agency or '기관 미상'} · {(hit.published or '')[:10]}\n"), style="dim")
        sentence = Text(inert(hit.text))
        for start, end in hit.matches:
            sentence.stylize("reverse bold", start, end)
        text.append_text(sentence)
        self.query_one("#search-preview", Static).update(text)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from tui.ui.screens.reader import ReaderScreen

        hit = self.hits[int(event.option.id)]
        mark = None if hit.claim or hit.start < 0 else (hit.start, hit.end)
        self.app.push_screen(ReaderScreen(self.source, hit.article, hit.claim, mark))

    def action_results(self) -> None:
        """Move from the query to the results."""
        self.query_one(OptionList).focus()

    def action_back(self) -> None:
        """Back to the query, or out of search."""
        if not self.query_one(Input).has_focus:
            self.query_one(Input).focus()
        else:
            self.app.pop_screen()


def result_text(hit, width: int) -> Text:
    """Return one result: date, agency and title; the matched claim in one line (its class, values and what they
    count) when a claim matched; then the sentence cut to width with the matches shown."""
    head = Text(cut_cells(f"{(hit.published or '')[:10]} {hit.agency or '기관 미상'} · {hit.title}", width),
                style="bold")
    if getattr(hit, "line", None):
        label = class_label(hit.cls)
        claim = Text(f"{label} ", style="bold")
        claim.append(fit_line(hit.line, max(1, width - cell_len(label) - 1)))
        head.append("\n")
        head.append_text(claim)
    start = max(0, (hit.matches[0][0] - 20) if hit.matches else 0)
    shown = hit.text[start:].replace("\n", " ")  # one line per result: same length, so the matches still fit
    line = Text(("…" if start else "") + cut_cells(shown, width - 1), style="dim" if getattr(hit, "line", None)
                else "")  # cut_cells makes it inert
    offset = 1 if start else 0
    for s, e in hit.matches:
        if s >= start:
            line.stylize("reverse", s - start + offset, min(e - start + offset, len(line)))
    head.append("\n")
    head.append_text(line)
    return head
