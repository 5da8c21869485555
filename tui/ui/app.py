"""The Textual application: one factory for the command line and the tests."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from tui.models import Side
from tui.ui.commands import AgencyCommands, CompareCommands, ProgramCommands
from tui.ui.data import DataSource
from tui.ui.scrollbars import quiet_scrollbars


def keymap_path() -> Path:
    """Return the keymap file: $SEONGGWA_KEYMAP, else keymap.toml in the user config folder."""
    env = os.environ.get("SEONGGWA_KEYMAP")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return Path(user_config_path("seonggwa", appauthor=False)) / "keymap.toml"


def load_keymap(path: Path) -> tuple[dict[str, str], str | None]:
    """Return {binding id: keys} from a TOML keymap ([keys] section), and a problem message if any."""
    if not path.exists():
        return {}, None
    import tomllib  # only when there is a keymap: it is not needed to paint the first screen

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        return {}, f"keymap {path} ignored: {err}"
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        return {}, f"keymap {path} ignored: [keys] must map binding ids to key strings"
    return dict(keys), None


class SeonggwaApp(App):
    """Browse agencies, terms, programs and their claims; compare; read articles with highlights."""

    TITLE = "seonggwa 성과"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {AgencyCommands, ProgramCommands, CompareCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave seonggwa"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Every key and what it does"),
        Binding("c", "compare", "Compare", id="app.compare",
                tooltip="Compare two agencies or terms side by side, or many as a matrix"),
        Binding("slash", "search", "Search", id="app.search", tooltip="Search articles and claims"),
    ]

    def __init__(self, db_path: Path, agency: str | None = None, term: int | None = None,
                 compare: tuple[Side, ...] | None = None, readonly: bool = False) -> None:
        super().__init__()
        quiet_scrollbars()  # a focus move repaints no scrollbar whose colours stay the same
        self.source = DataSource(db_path, readonly)
        self.start_agency, self.start_term = agency, term
        self.start_compare = compare
        self.no_color_mode = bool(os.environ.get("NO_COLOR"))

    def get_default_screen(self):
        """Return the browse screen as the app's first screen: painted directly, without a blank default screen
        under it and a second layout when it is pushed."""
        from tui.ui.screens.browse import BrowseScreen

        return BrowseScreen(self.source, self.start_agency, self.start_term)

    def on_mount(self) -> None:
        # Terminals that never report focus (tmux without focus-events, many SSH sessions) would leave the
        # footer's key hints stale: assume the window has focus until told otherwise.
        self.app_focus = True
        keymap, problem = load_keymap(keymap_path())
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, severity="warning", markup=False)
        if self.start_compare:
            self.open_compare(*self.start_compare)
        from textual.events import Resize

        self._started = True
        self.call_after_refresh(lambda: self.on_resize(Resize(self.size, self.size)))
        self.call_after_refresh(self._check_rules)

    def _check_rules(self) -> None:
        """Say so, once the first screen is up, when the articles were analysed by earlier rules than these."""

        def work() -> None:
            from tui.rules_version import OUTDATED_HINT, analysed_by_other_rules

            if analysed_by_other_rules(self.source.db()):
                self.call_from_thread(self.notify, OUTDATED_HINT, title="Earlier rules", severity="warning",
                                      timeout=15, markup=False)

        self.run_worker(work, thread=True, group="rules", exit_on_error=False)

    def on_resize(self, event) -> None:
        """Cover the interface with a size notice below the minimum, and uncover it when it grows again."""
        from tui.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

        if not getattr(self, "_started", False):
            return  # not started yet; on_mount checks the size once the browser is up
        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        if small and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())
        elif small:
            self.screen.show_size(event.size.width, event.size.height)
        elif isinstance(self.screen, TooSmallScreen):
            self.pop_screen()

    # ------------------------------------------------------------------ navigation helpers
    def browse(self):
        """Return the browse screen (the bottom of the stack)."""
        from tui.ui.screens.browse import BrowseScreen

        return next(s for s in self.screen_stack if isinstance(s, BrowseScreen))

    def _back_to_browse(self):
        """Pop screens down to the browse screen and return it."""
        browse = self.browse()
        while self.screen is not browse and len(self.screen_stack) > 1:
            self.pop_screen()
        return browse

    def go_to(self, agency: str, term: int | None = None) -> None:
        """Show an agency (and term) in the browse screen."""
        browse = self._back_to_browse()
        from tui.ui.widgets.nav import NavTree

        if not browse.query_one("#nav", NavTree).select_place(agency, term):
            self.notify(f"No data for {agency}", severity="warning", markup=False)

    def go_to_program(self, agency: str | None, term: int | None, program_id: str, name: str) -> None:
        """Show a program's claims in the browse screen."""
        from tui.ui.widgets.nav import Place

        browse = self._back_to_browse()
        browse._go(Place("program", agency=agency, term=term, program=program_id, label=name))

    def open_compare(self, *sides: Side) -> None:
        """Open the comparison of the given sides: two side by side, more as a matrix (the picker when none)."""
        if len(sides) > 2:
            from tui.ui.screens.matrix import MatrixScreen

            self.push_screen(MatrixScreen(self.source, list(sides)))
            return
        from tui.ui.screens.compare import CompareScreen

        left, right = (sides + (None, None))[:2]
        self.push_screen(CompareScreen(self.source, left, right))

    # ------------------------------------------------------------------ actions
    def action_compare(self) -> None:
        """Open the comparison picker."""
        self.open_compare()

    def action_search(self) -> None:
        """Open search, scoped to the agency and term shown in the browser."""
        from tui.ui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return
        browse = self.browse()
        place = browse.place
        agency = place.agency if place.kind in ("agency", "term", "program") else None
        term = place.term if place.kind in ("term", "program") else None
        self.push_screen(SearchScreen(self.source, agency, term))

    def action_help(self) -> None:
        """Show every binding of the current screen, its widgets and the app."""
        from tui.ui.screens.help import HelpScreen, binding_rows
        from tui.ui.widgets.article_view import ArticleView
        from tui.ui.widgets.claim_list import ClaimList
        from tui.ui.widgets.nav import NavTree

        class ClaimActionsHelp:
            from tui.ui.claim_actions import REVIEW_BINDINGS as BINDINGS

        screen = self.screen
        sections = [(type(screen).__name__.replace("Screen", ""), binding_rows(screen)),
                    ("Claims list", binding_rows(ClaimList)), ("Article", binding_rows(ArticleView)),
                    ("Navigation", binding_rows(NavTree)), ("Reviews and export", binding_rows(ClaimActionsHelp)),
                    ("Everywhere", binding_rows(self) + [("ctrl+p", "Command palette (agency:, program:, "
                                                                     "compare:)", "app.command_palette"),
                                                         ("tab / shift+tab", "Next / previous pane", "")])]
        self.push_screen(HelpScreen(sections))


def make_app(db_path: Path, agency: str | None = None, term: int | None = None,
             compare: tuple[Side, ...] | None = None, readonly: bool = False) -> SeonggwaApp:
    """Return the application for a database, opened at an agency/term or at a comparison (read-only if asked)."""
    return SeonggwaApp(Path(db_path), agency, term, compare, readonly)
