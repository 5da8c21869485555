"""Small dialogs: a note for a review, and the format of an export."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NoteScreen(ModalScreen[str | None]):
    """Asks for a note; Enter saves, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, sentence: str, note: str = "") -> None:
        super().__init__()
        self.sentence, self.note = sentence, note

    def compose(self):
        with Vertical(classes="dialog"):
            yield Static(Text("Note for this claim (Enter saves, Esc cancels)", style="bold"))
            yield Static(Text(self.sentence, style="dim"))
            yield Input(value=self.note, placeholder="출처, 확인한 내용, 반박 근거 …", id="note-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


class FormatScreen(ModalScreen[str | None]):
    """Asks for an export format: m (Markdown), c (CSV) or j (JSON)."""

    BINDINGS = [
        Binding("m", "pick('md')", "Markdown", id="format.md"),
        Binding("c", "pick('csv')", "CSV", id="format.csv"),
        Binding("j", "pick('json')", "JSON", id="format.json"),
        Binding("escape", "pick('')", "Cancel", id="format.cancel"),
    ]

    def compose(self):
        with Vertical(classes="dialog"):
            yield Static(Text("Export as: m Markdown · c CSV · j JSON   (Esc cancels)", style="bold"))

    def action_pick(self, fmt: str) -> None:
        """Close with the chosen format."""
        self.dismiss(fmt or None)
