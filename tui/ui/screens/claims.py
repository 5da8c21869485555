"""The claims screen: the claims behind a figure of a comparison or a cell of the matrix, achievements first."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from tui.store.read import ClaimFilter
from tui.ui.claim_actions import REVIEW_BINDINGS, ClaimActions
from tui.ui.errors import ReportsWorkerErrors
from tui.ui.widgets.claim_list import ClaimList
from tui.ui.widgets.keybar import KeyBar


class ClaimsScreen(ReportsWorkerErrors, ClaimActions, Screen):
    """A titled list of the claims of one filter; Enter reads a claim's article, Esc goes back."""

    AUTO_FOCUS = "#figure-claims"
    BINDINGS = [Binding("escape,q,h", "app.pop_screen", "Back", id="claims_screen.back", tooltip="Back"),
                *REVIEW_BINDINGS]

    def __init__(self, source, claim_filter: ClaimFilter, title: str) -> None:
        super().__init__()
        self.source = source
        self.claim_filter = claim_filter
        self.title_text = title

    def compose(self):
        yield Static(Text(self.title_text + " …", style="bold"), id="figure-title")
        yield ClaimList(self.source, id="figure-claims")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(ClaimList).set_filter(self.claim_filter)

    def on_claim_list_counted(self, event: ClaimList.Counted) -> None:
        self.query_one("#figure-title", Static).update(Text(f"{self.title_text}  {event.total}건", style="bold"))

    def on_claim_list_opened(self, event: ClaimList.Opened) -> None:
        from tui.ui.screens.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(self.source, event.row["article"], event.row["id"]))

    def selected_claim(self) -> dict | None:
        """Return the claim under the cursor."""
        return self.query_one(ClaimList).current

    def claim_changed(self, claim_id: str, review: dict) -> None:
        """Show a new review in the list."""
        self.query_one(ClaimList).update_row(claim_id, review=review)

    def export_rows(self):
        """Return every claim of the list for export."""
        source, claim_filter = self.source, self.claim_filter

        def everything():
            from tui.store.read import claim_rows

            return claim_rows(source.db(), claim_filter)

        return "claims", everything, self.title_text
