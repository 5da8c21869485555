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
from tui.ui.widgets.quiet_focus import QuietFocus


class ArticleView(QuietFocus, VerticalScroll, can_focus=True):
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
        self._texts: tuple[Text, Text, Text] = (Text(), Text(), Text())  # header, claim line and body last painted

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
        self._show_sticky(False)
        self.scroll_home(animate=False, immediate=True)  # a new article starts at its top, in the same frame as its text
        self._paint()
        self._predict_scroll()
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
        self._texts = (header, Text(), Text())
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
        self._texts = (header, summary, Text())
        sticky = self.query_one("#article-sticky", Static)
        if sticky.display:  # hidden until the header scrolls away: updating it then would lay the pane out again
            sticky.update(self._sticky(claim))
        body = body_text(self.article.body, self.claims, self.selected, tags)
        if self.mark and 0 <= self.mark[0] < self.mark[1] <= len(self.article.body):
            body.stylize("reverse", *self.mark)
        self.query_one("#article-body", Static).update(body)
        self._texts = (header, summary, body)

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
        self._show_sticky(new > 2)

    def _show_sticky(self, shown: bool) -> None:
        """Show or hide the sticky line, touching it only when that changes (each change lays the pane out)."""
        sticky = self.query_one("#article-sticky", Static)
        shown = shown and self.article is not None
        if shown and not sticky.display:
            sticky.update(self._sticky(self.current_claim))
        if sticky.display != shown:
            sticky.display = shown

    def _scroll_target(self, body_y: int, width: int) -> float | None:
        """Return where to scroll so the selected claim (or mark) is in view, 0 for the top, or None when it is
        in view already. body_y is where the body starts in the pane, width the body's width in cells."""
        claim = self.current_claim
        start = self.mark[0] if self.mark else (claim["start"] if claim and claim.get("zone", "body") == "body"
                                                else None)
        if start is None or self.article is None:
            return 0
        width = max(10, width)
        at = body_y + max(0, len(Text(self.article.body[:start]).wrap(self.app.console, width)) - 1)
        stop = self.mark[1] if self.mark else claim["end"]
        last = body_y + max(0, len(Text(self.article.body[:stop]).wrap(self.app.console, width)) - 1)
        if self.scroll_y <= at - 1 and last < self.scroll_y + self.scrollable_content_region.height:
            return None  # already in view, to its last line: scrolling would only cost another frame
        return max(0, at - 2)

    def _predict_scroll(self) -> None:
        """Scroll a newly shown article before it is laid out, from the heights its header and claim line will
        take, so it is drawn once, in place (the pass after layout then finds it in view)."""
        width = self.scrollable_content_region.width
        if not width or self.article is None:
            return
        console = self.app.console
        header, summary, body = self._texts
        body_y = len(header.wrap(console, width)) + 1 + len(summary.wrap(console, width)) + 1  # margins of the claim line
        y = self._scroll_target(body_y, width)
        if y:
            # the sticky line (two rows, docked at the top) shows once scrolled, so the view is two rows shorter
            y = min(y, body_y + len(body.wrap(console, width)) - (self.scrollable_content_region.height - 2))
        if y and y > 0:
            self._show_sticky(y > 2)
            self.scroll_target_y = y
            self.set_reactive(ArticleView.scroll_y, float(y))  # not clamped to the previous article's height

    def _scroll_to_selected(self) -> None:
        """Scroll so the highlighted claim's line is in view (wrapped lines counted in cells)."""
        body = self.query_one("#article-body", Static)
        y = self._scroll_target(body.virtual_region.y, body.content_region.width or self.size.width - 2)
        if y is None:
            return
        self._show_sticky(y > 2)  # before scrolling, so the pane is laid out once for both
        self.scroll_to(y=y, animate=False, immediate=True)

    def shows(self, article_id: str, claim_id: str | None) -> bool:
        """Return True when this article is shown and has that claim (select() can move to it)."""
        return self.article is not None and self.article.id == article_id and any(
            c["id"] == claim_id for c in self.claims)

    def select(self, claim_id: str) -> None:
        """Move the highlight to another claim of the shown article: the article is not loaded again, and
        the pane scrolls only when the claim is out of view."""
        if claim_id == self.selected and not self.mark:
            return
        self.selected = claim_id
        self.mark = None
        self._paint()
        self.call_after_refresh(self._scroll_to_selected)
        self.post_message(self.ClaimChanged(self.current_claim))

    def action_next_claim(self, step: int) -> None:
        """Highlight the next (1) or previous (-1) claim of the article."""
        if not self.claims:
            return
        ids = [c["id"] for c in self.claims]
        index = ids.index(self.selected) if self.selected in ids else -1
        self.select(ids[(index + step) % len(ids)])

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
