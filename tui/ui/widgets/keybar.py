"""The key bar at the foot of every screen: the keys the focused pane answers, drawn as one line of text.

Textual's `Footer` rebuilds one widget per key each time the focus moves (a few dozen widgets mounted, styled and
laid out), which was a large part of opening an article or a comparison. This bar keeps the same look and clicks
but is a single widget: when the screen's bindings change it compares what it would show with what it shows, and
repaints one line only when they differ.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class Shown(NamedTuple):
    """One key as the bar shows it."""

    key: str  # the key sent when it is clicked
    display: str  # how the key is written (the keymap's name for it)
    description: str
    enabled: bool


class KeyBar(Widget):
    """One line of key hints for the screen's active bindings, like Textual's Footer."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.shown: tuple[Shown, ...] = ()
        self._cells: list[tuple[int, int, Shown]] = []  # each key's columns, for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._update)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            # the signal comes before the focus change settles: read the bindings after this refresh, as the
            # footer does
            self.call_after_refresh(self._update)

    def _update(self) -> None:
        if not self.is_attached:
            return
        shown = self.keys_of(self.screen)
        if shown != self.shown:
            self.shown = shown
            self.refresh()

    def keys_of(self, screen: Screen) -> tuple[Shown, ...]:
        """Return the keys to show for a screen's active bindings: one per action, in binding order, then the
        command palette's key (drawn at the right end, as Textual's footer draws it)."""
        active = screen.active_bindings
        seen: set[str] = set()
        shown: list[Shown] = []
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append(Shown(binding.key, self.app.get_key_display(binding), binding.description, enabled))
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if self.app.ENABLE_COMMAND_PALETTE else None
        if palette is not None:
            _node, binding, enabled, _tooltip = palette
            shown.append(Shown(binding.key, self.app.get_key_display(binding), binding.description, enabled))
        return tuple(shown)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        parts = list(self.shown)
        at_end = bool(parts) and self.app.ENABLE_COMMAND_PALETTE and parts[-1].key == self.app.COMMAND_PALETTE_BINDING
        palette = parts.pop() if at_end else None
        line = Text(no_wrap=True, overflow="crop", end="")
        self._cells = []

        def add(item: Shown, lead: str = " ") -> None:
            start, first = line.cell_len, len(line)
            line.append(f"{lead}{item.display} ", key_style)
            if item.description:
                line.append(f"{item.description} ", description_style)
            if not item.enabled:
                line.stylize("dim", first, len(line))
            self._cells.append((start, line.cell_len, item))

        for item in parts:
            add(item)
        if palette is not None:  # kept at the right end, as Textual's footer keeps it; the others give way
            room = self.size.width - (len(palette.display) + len(palette.description) + 3)  # rule, key, text
            if room > 0:
                line.truncate(room, overflow="crop", pad=True)
                self._cells = [(start, min(end, room), item) for start, end, item in self._cells if start < room]
                line.append("▏")
                add(palette, lead="")
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, item in self._cells:
            if start <= event.x < end:
                event.stop()
                if item.enabled:
                    self.app.simulate_key(item.key)
                else:
                    self.app.bell()
                return
