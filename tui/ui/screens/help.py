"""The help screen: every key binding of the app and the screen below, with what it does and its id."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def binding_rows(*owners) -> list[tuple[str, str, str]]:
    """Return (keys, description, id) for the bindings of classes or objects, without duplicates."""
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for owner in owners:
        for binding in getattr(owner, "BINDINGS", []):
            if not isinstance(binding, Binding):
                continue
            key = binding.id or binding.action
            if key in seen:
                continue
            seen.add(key)
            rows.append((binding.key_display or binding.key, binding.description or binding.action, binding.id or ""))
    return rows


class HelpScreen(ModalScreen):
    """Lists the bindings; any key closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close", id="help.close")]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self):
        text = Text()
        text.append("seonggwa — keys\n", style="bold")
        text.append("Remap any key by its id in the keymap file (see the README).\n\n", style="dim")
        for title, rows in self.sections:
            text.append(title + "\n", style="bold underline")
            for keys, description, ident in rows:
                text.append(f"  {keys:<22}", style="bold")
                text.append(f"{description}")
                if ident:
                    text.append(f"  [{ident}]", style="dim")
                text.append("\n")
            text.append("\n")
        with VerticalScroll(id="help-box"):
            yield Static(text)
