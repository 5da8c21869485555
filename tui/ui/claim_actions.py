"""Actions on the selected claim shared by the screens: review, note, copy (OSC 52), export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.binding import Binding

from tui.textsafe import inert, inert_path
from tui.ui.render import REVIEW_LABELS

REVIEW_BINDINGS = [
    Binding("v", "review('verified')", "Verified", id="review.verified",
            tooltip="Mark the selected claim verified (kept with its history)"),
    Binding("x", "review('disputed')", "Disputed", id="review.disputed", tooltip="Mark the selected claim disputed"),
    Binding("u", "review('unchecked')", "Unchecked", show=False, id="review.unchecked",
            tooltip="Mark the selected claim unchecked again"),
    Binding("N", "note", "Note", show=False, id="review.note", tooltip="Attach a note to the selected claim"),
    Binding("y", "copy_claim", "Copy", show=False, id="claim.copy",
            tooltip="Copy the claim and its source line to the clipboard (OSC 52: works over SSH and in tmux)"),
    Binding("o", "copy_url", "Copy URL", show=False, id="article.copy_url",
            tooltip="Copy the shown article's source address to the clipboard (OSC 52)"),
    Binding("e", "export", "Export", show=False, id="export", tooltip="Write the current list or comparison to a file"),
]


def export_dir() -> Path:
    """Return where the browser writes exports: $SEONGGWA_EXPORT_DIR or the current folder."""
    import os

    return Path(os.environ.get("SEONGGWA_EXPORT_DIR") or ".").expanduser()


def source_line(claim: dict) -> str:
    """Return 'title (outlet, date) — file' for a claim row."""
    date = (claim.get("article_published") or claim.get("published") or "")[:10] or "날짜 미상"
    return f"{claim.get('title', '')} ({claim.get('outlet') or '매체 미상'}, {date}) — {claim.get('source', '')}"


class ClaimActions:
    """Mixin for screens that have a selected claim (selected_claim) and can show changes (claim_changed)."""

    def selected_claim(self) -> dict | None:
        """Return the claim row the user is on."""
        raise NotImplementedError

    def claim_changed(self, claim_id: str, review: dict) -> None:
        """Show a claim's new review wherever it is on screen."""

    def export_rows(self):
        """Return ('claims', rows, title) or ('comparison', data, title) for the export action."""
        raise NotImplementedError

    def _record(self, claim: dict, state: str, note: str | None) -> None:
        """Save a review in a worker; then show it, or explain why it could not be saved."""
        from tui.store.reviews import ReviewError, add_review

        current = claim.get("review") or {}
        keep_note = current.get("note", "") if note is None else note

        def work() -> None:
            try:
                db = self.app.source.writer()
                try:
                    row = add_review(db, claim["id"], state, keep_note)
                finally:
                    db.conn.close()
            except ReviewError as err:
                self.app.call_from_thread(self.app.notify, inert(str(err)), title="Review not saved",
                                          severity="error", markup=False)
                return
            review = {"state": row["state"], "note": row["note"], "at": row["at"]}
            self.app.call_from_thread(self._recorded, claim["id"], review)

        self.run_worker(work, thread=True, group="review", exit_on_error=False)

    def _recorded(self, claim_id: str, review: dict) -> None:
        self.claim_changed(claim_id, review)
        label = REVIEW_LABELS.get(review["state"]) or "미확인"
        self.app.notify(inert(f"{label}" + (f": {review['note']}" if review["note"] else "")), title="Review saved",
                        timeout=3, markup=False)

    def action_review(self, state: str) -> None:
        """Mark the selected claim verified, disputed or unchecked."""
        claim = self.selected_claim()
        if claim is None:
            self.app.notify("Select a claim first.", severity="warning")
            return
        self._record(claim, state, None)

    def action_note(self) -> None:
        """Ask for a note and attach it to the selected claim (its state unchanged)."""
        from tui.ui.screens.note import NoteScreen

        claim = self.selected_claim()
        if claim is None:
            self.app.notify("Select a claim first.", severity="warning")
            return
        review = claim.get("review") or {}

        def done(note: str | None) -> None:
            if note is not None:
                self._record(claim, review.get("state") or "unchecked", note)

        self.app.push_screen(NoteScreen(claim["text"], review.get("note", "")), done)

    def action_copy_claim(self) -> None:
        """Copy the selected claim with its source line to the clipboard through OSC 52."""
        claim = self.selected_claim()
        if claim is None:
            return
        self.app.copy_to_clipboard(f"{claim['text']}\n— {source_line(claim)}")
        self.app.notify("Claim copied to the clipboard.", timeout=2)

    def action_copy_url(self) -> None:
        """Copy the source address of the article on screen to the clipboard through OSC 52."""
        from tui.ui.widgets.article_view import ArticleView

        article = next((v.article for v in self.query(ArticleView) if v.article is not None), None)
        if article is None:
            self.app.notify("No article is shown.", timeout=2)
            return
        if not article.url:
            self.app.notify("This article has no source address (it was read from a file without one).",
                            timeout=3)
            return
        self.app.copy_to_clipboard(article.url)
        self.app.notify(inert(f"Copied {article.url}"), timeout=2, markup=False)

    def action_export(self) -> None:
        """Choose a format and write the current list or comparison to a file."""
        from tui.ui.screens.note import FormatScreen

        def chosen(fmt: str | None) -> None:
            if fmt:
                self._export(fmt)

        self.app.push_screen(FormatScreen(), chosen)

    def _export(self, fmt: str) -> None:
        kind, payload, title = self.export_rows()

        def work() -> None:
            from tui.exporting import claims_export, comparison_export, matrix_export

            data = payload() if callable(payload) else payload
            text = (comparison_export(data, fmt) if kind == "comparison" else matrix_export(data, fmt)
                    if kind == "matrix" else claims_export(data, fmt, title))
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            path = export_dir() / f"seonggwa-{kind}-{stamp}.{fmt}"
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as err:
                self.app.call_from_thread(self.app.notify, inert_path(f"{path}: {err.strerror}"),
                                          title="Export failed", severity="error", markup=False)
                return
            self.app.call_from_thread(self.app.notify, inert_path(path.resolve()), title="Exported", timeout=8,
                                      markup=False)

        self.run_worker(work, thread=True, group="export", exit_on_error=False)
