"""The article pane: header, flags, legend and the body with every claim highlighted by kind."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from tui.textsafe import inert
from tui.ui.render import (
    REVIEW_LABELS,
    article_header,
    badges,
    body_text,
    class_label,
    legend,
    status_label,
)


class ArticleView(VerticalScroll, can_focus=True):
    """Shows one article; n / p move between its claims, keeping the selected one in view."""

    BINDINGS = [
        Binding("n,right_square_bracket", "next_claim(1)", "Next claim in article", id="article.next",
                tooltip="Highlight the next claim of this article"),
        Binding("p,left_square_bracket", "next_claim(-1)", "Previous claim in article", id="article.previous"),
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="article.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="article.up"),
        Binding("t", "toggle_tags", "Kind tags", id="article.tags",
                tooltip="Show each highlighted value's kind in brackets (for terminals without colour)"),
    ]

    class ClaimChanged(Message):
        """The highlighted claim of the article changed."""

        def __init__(self, claim: dict | None) -> None:
            super().__init__()
            self.claim = claim

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article = None
        self.claims: list[dict] = []
        self.selected: str | None = None
        self.inline_tags = False
        self.mark: tuple[int, int] | None = None

    def compose(self):
        yield Static(id="article-sticky")  # docked: stays in view while the body scrolls
        yield Static(Text("Select a claim to read its article.", style="dim"), id="article-header")
        yield Static(id="article-claim")
        yield Static(id="article-body")

    def show(self, article, claims: list[dict], selected: str | None = None,
             mark: tuple[int, int] | None = None) -> None:
        """Display an article with its claims, highlighting (and scrolling to) the selected claim, or to a
        marked stretch of the body (a search match that is not a claim)."""
        self.article, self.claims = article, claims
        self.mark = mark
        self.inline_tags = self.inline_tags or self.app.no_color_mode
        self.selected = selected if any(c["id"] == selected for c in claims) else (
            None if mark else claims[0]["id"] if claims else None)
        self._paint()
        self.call_after_refresh(self._scroll_to_selected)
        self.post_message(self.ClaimChanged(self.current_claim))

    def clear(self) -> None:
        """Show nothing."""
        self.article, self.claims, self.selected = None, [], None
        self.query_one("#article-header", Static).update(Text("No article.", style="dim"))
        self.query_one("#article-sticky", Static).display = False
        self.query_one("#article-claim", Static).update("")
        self.query_one("#article-body", Static).update("")

    @property
    def current_claim(self) -> dict | None:
        """Return the highlighted claim."""
        return next((c for c in self.claims if c["id"] == self.selected), None)

    def _paint(self) -> None:
        """Render the claim summary line and the body with highlights."""
        if self.article is None:
            return
        claim = self.current_claim
        tags = self.inline_tags and not self.mark
        header = article_header(self.article, self.claims, self.selected, tags)
        header.append_text(legend())
        if self.article.captions:
            header.append("\n사진 설명: " + inert(" / ".join(self.article.captions)), style="dim")
        self.query_one("#article-header", Static).update(header)
        summary = Text()
        if claim:
            index = self.claims.index(claim) + 1
            summary.append(f"주장 {index}/{len(self.claims)} ", style="bold")
            if claim.get("zone") in ("title", "deck"):
                summary.append("[제목] " if claim["zone"] == "title" else "[부제] ", style="bold")
            summary.append_text(badges({s["kind"] for s in claim["spans"]}))
            summary.append(f" {status_label(claim['status'])} · {class_label(claim.get('class'))} · {claim['category']}")
            summary.append(f" · {claim['agency'] or '기관 미상'}")
            summary.append(f" · 민선 {claim['term']}기" if claim["term"] else " · 기수 미상")
            if claim.get("program_name"):
                summary.append(f" · 사업: {inert(claim['program_name'])}")
            review = (claim.get("review") or {})
            if review.get("state") and review["state"] != "unchecked":
                summary.append(f" · {REVIEW_LABELS[review['state']]}", style="bold")
                if review.get("note"):
                    summary.append(f" ({inert(review['note'])})")
            if claim.get("speaker"):
                summary.append(f" · 발언: {inert(claim['speaker'])}")
        elif self.claims == []:
            summary.append("이 기사에는 추출된 주장이 없습니다.", style="dim")
        self.query_one("#article-claim", Static).update(summary)
        self.query_one("#article-sticky", Static).update(self._sticky(claim))
        body = body_text(self.article.body, self.claims, self.selected, tags)
        if self.mark and 0 <= self.mark[0] < self.mark[1] <= len(self.article.body):
            body.stylize("reverse", *self.mark)
        self.query_one("#article-body", Static).update(body)

    def _sticky(self, claim: dict | None) -> Text:
        """Return the line kept in view while the body scrolls: title, agency, term and the claim's position."""
        article = self.article
        text = Text(inert(article.title), style="bold")
        text.append(f"\n{article.agency or '기관 미상'} · " + (f"민선 {article.term}기" if article.term else "기수 미상"),
                    style="dim")
        if claim:
            text.append(f" · 주장 {self.claims.index(claim) + 1}/{len(self.claims)}", style="dim")
        return text

    def watch_scroll_y(self, old: float, new: float) -> None:
        """Show the sticky line once the header has scrolled away."""
        super().watch_scroll_y(old, new)
        self.query_one("#article-sticky").display = new > 2 and self.article is not None

    def _scroll_to_selected(self) -> None:
        """Scroll so the highlighted claim's line is in view (wrapped lines counted in cells)."""
        claim = self.current_claim
        body = self.query_one("#article-body", Static)
        start = self.mark[0] if self.mark else (claim["start"] if claim and claim.get("zone", "body") == "body"
                                                else None)
        if start is None or self.article is None:
            self.scroll_home(animate=False)
            return
        width = max(10, body.content_region.width or self.size.width - 2)
        before = Text(self.article.body[:start])
        lines = before.wrap(self.app.console, width)
        line = max(0, len(lines) - 1)
        self.scroll_to(y=body.virtual_region.y + line - 2, animate=False)

    def action_next_claim(self, step: int) -> None:
        """Highlight the next (1) or previous (-1) claim of the article."""
        if not self.claims:
            return
        ids = [c["id"] for c in self.claims]
        index = ids.index(self.selected) if self.selected in ids else -1
        self.selected = ids[(index + step) % len(ids)]
        self.mark = None
        self._paint()
        self.call_after_refresh(self._scroll_to_selected)
        self.post_message(self.ClaimChanged(self.current_claim))

    def action_toggle_tags(self) -> None:
        """Show or hide inline kind tags after each highlighted value."""
        self.inline_tags = not self.inline_tags
        self._paint()

    def update_claim(self, claim_id: str, **changes) -> None:
        """Change fields of a shown claim (its review) and repaint."""
        for c in self.claims:
            if c["id"] == claim_id:
                c.update(changes)
        self._paint()
