"""Scrollbars repainted only when their colours change.

Textual (8.2.8, the pinned version) repaints a widget's scrollbars each time one of its scrollbar colours is set,
whether or not the colour changed (``ScrollbarColorProperty.__set__``). Every focus move sets them all again: the
stylesheet re-applies each rule of the widget that gained or lost the focus, seven scrollbar colours among them, so
the claims list's and the article's scrollbars were rendered anew on each Enter and each ``h`` although nothing in
them changed. That was 6–8 ms of a 16 ms frame (120×40, headless). Here the colour is set as before and the
scrollbars are repainted only when it differs from what it was: a colour that does change (a ``:focus`` rule with
its own scrollbar colour) still shows at once, which is what Textual's repaint is for.
"""

from __future__ import annotations

from textual.css._style_properties import ColorProperty, ScrollbarColorProperty

_ORIGINAL = ScrollbarColorProperty.__set__


def _set_and_repaint_if_changed(self: ScrollbarColorProperty, obj, color) -> None:
    """Set a scrollbar colour; repaint the widget's scrollbars only when the colour changed."""
    before = obj.get_rule(self.name)
    ColorProperty.__set__(self, obj, color)
    node = obj.node
    if node is None or obj.get_rule(self.name) == before:
        return
    from textual.widget import Widget

    if isinstance(node, Widget):
        if node.show_horizontal_scrollbar:
            node.horizontal_scrollbar.refresh()
        if node.show_vertical_scrollbar:
            node.vertical_scrollbar.refresh()


def _is_textuals_own(method) -> bool:
    """Return True when the descriptor's setter is the one this module knows: the colour set through its parent
    class, then both scrollbars refreshed (a later Textual that does otherwise is left as it is)."""
    names = method.__code__.co_names
    return method is _ORIGINAL and {"show_horizontal_scrollbar", "show_vertical_scrollbar", "refresh"} <= set(names)


def quiet_scrollbars() -> bool:
    """Make scrollbar colours repaint only when they change; return True when the change was made."""
    if ScrollbarColorProperty.__set__ is _set_and_repaint_if_changed:
        return True
    if not _is_textuals_own(ScrollbarColorProperty.__set__):
        return False
    ScrollbarColorProperty.__set__ = _set_and_repaint_if_changed
    return True
