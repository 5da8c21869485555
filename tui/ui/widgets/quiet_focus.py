"""Widgets that repaint only what the focus changes in them.

Textual (8.2.8, the pinned version) repaints every line of a widget that is given the focus, gains it or loses it
(Widget.focus, Widget._on_focus, Widget._on_blur), whether or not anything in it looks different. A widget with
this mixin repaints only what `_repaint_for_focus` says; a style that does change with the focus (a :focus rule)
repaints the widget through the stylesheet anyway.
"""

from __future__ import annotations

from textual import events


class QuietFocus:
    """Mixin for a Textual widget: a focus move repaints `_repaint_for_focus`, not the whole widget."""

    def _repaint_for_focus(self) -> None:
        """Repaint what looks different with the focus gained or lost (nothing, unless overridden)."""

    def focus(self, scroll_visible: bool = True):
        self._focusing = True
        try:
            return super().focus(scroll_visible)
        finally:
            self._focusing = False

    def refresh(self, *regions, **kwargs):
        if getattr(self, "_focusing", False) and not regions and not kwargs:
            return self  # Widget.focus's repaint of the whole widget: the focus handler repaints what changed
        return super().refresh(*regions, **kwargs)

    def _on_focus(self, event: events.Focus) -> None:
        self._focus_moved(event, True)

    def _on_blur(self, event: events.Blur) -> None:
        self._focus_moved(event, False)

    def _focus_moved(self, event: events.Focus | events.Blur, focused: bool) -> None:
        """Do what Widget._on_focus and Widget._on_blur do, but repaint only what changed."""
        event.prevent_default()  # Widget's own handler, which repaints the whole widget, is not called
        self.has_focus = focused
        self._repaint_for_focus()
        if self.parent is not None:
            self.parent.post_message((events.DescendantFocus if focused else events.DescendantBlur)(self))
