"""A screen of panes whose focus moves repaint what changes look, not the whole screen.

Textual (8.2.8, the pinned version) keeps a screen's focused widget in a reactive that repaints the whole screen
whenever it is set, so every focus move (Enter into the article, `h` back to the list, Tab) redrew every cell:
about 23 kB written to the terminal per Enter at 120×40, where what changes takes 2.3 kB. The widgets whose look
the move changes are restyled, and so repainted, by Textual's own focus handling; the panes' titles and key bar
follow the focus by their own messages. So the screen itself need not repaint.

Only the browse screen uses it, where the focus moves between panes that stay on screen. A screen that is pushed
sets its focus as it mounts, and there the repaint belongs to the screen's first frames: the reader (Enter at 80
columns) with a quiet focus showed its first change later (tmux, 80×24, Enter and `h`: p95 56–87 ms against
31–53 ms), so it and the other pushed screens keep Textual's own.
"""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class PaneScreen(Screen):
    """A screen of panes whose focus moves repaint only the widgets whose look they change."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
