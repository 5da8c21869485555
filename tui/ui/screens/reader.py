"""The reader screen: one article full width (narrow terminals, and articles opened from a comparison)."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from tui.ui.claim_actions import REVIEW_BINDINGS, ClaimActions
from tui.ui.errors import ReportsWorkerErrors
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.keybar import KeyBar


class ReaderScreen(ReportsWorkerErrors, ClaimActions, Screen):
    """Shows an article at a claim; Esc goes back to where it was opened."""

    BINDINGS = [Binding("escape,q,h", "app.pop_screen", "Back", id="reader.back", tooltip="Back to the list"),
                *REVIEW_BINDINGS]

    def __init__(self, source, article_id: str, claim_id: str | None = None,
                 mark: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.source = source
        self.article_id = article_id
        self.claim_id = claim_id
        self.mark = mark

    def compose(self):
        yield ArticleView(id="reader-article")
        yield KeyBar()

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        view.focus()

        def work() -> None:
            article, claims = self.source.article(self.article_id)
            self.app.call_from_thread(self._loaded, article, claims)

        self.run_worker(work, thread=True, exclusive=True, group="reader", exit_on_error=False)

    def _loaded(self, article, claims) -> None:
        view = self.query_one(ArticleView)
        if article is None:
            view.clear()
            self.notify("That article is no longer in the database.", severity="warning")
        else:
            view.show(article, claims, self.claim_id, self.mark)

    def selected_claim(self) -> dict | None:
        """Return the claim highlighted in the article."""
        return self.query_one(ArticleView).current_claim

    def claim_changed(self, claim_id: str, review: dict) -> None:
        """Show a new review in the article (and in the screens below when they show the claim)."""
        self.query_one(ArticleView).update_claim(claim_id, review=review)
        for screen in self.app.screen_stack:
            if screen is not self and hasattr(screen, "claim_changed"):
                screen.claim_changed(claim_id, review)

    def export_rows(self):
        """Return the article's claims for export."""
        view = self.query_one(ArticleView)
        return "claims", list(view.claims), view.article.title if view.article else ""
