"""The base of the app's full screens: a focus move repaints what changes look, not the whole screen.

Textual (8.2.8, the pinned version) keeps a screen's focused widget in a reactive that repaints the whole screen
whenever it is set, so every focus move (Enter into the article, `h` back to the list, Tab) redrew every cell:
about 23 kB written to the terminal per Enter at 120×40, where what changes takes 2.3 kB. The widgets whose look
the move changes are restyled, and so repainted, by Textual's own focus handling; the panes' titles and key bar
follow the focus by their own messages. So the screen itself need not repaint.
"""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class PaneScreen(Screen):
    """A full screen whose focus moves repaint only the widgets whose look they change."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
