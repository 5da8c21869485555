"""Shown instead of the interface when the terminal is smaller than the panes can use."""

from __future__ import annotations

from rich.text import Text
from textual.screen import ModalScreen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 60, 15


class TooSmallScreen(ModalScreen):
    """Says how big the terminal must be; closes itself when it is big enough."""

    def compose(self):
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def show_size(self, width: int, height: int) -> None:
        """Update the message with the current size."""
        text = Text(f"seonggwa needs at least {MIN_WIDTH}×{MIN_HEIGHT}\n(now {width}×{height})", justify="center")
        self.query_one("#too-small", Static).update(text)
