"""Issue 5, browse flows driven with Textual's Pilot: navigation, claims, article, filters, help, palette."""


from ui_helpers import run_from_palette, settle, static_text, visible_rows

from tui.ui.app import make_app
from tui.ui.screens.browse import BrowseScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.claim_list import ClaimList
from tui.ui.widgets.nav import NavTree


def labels(node) -> list[str]:
    """Return the plain labels of a tree node's children."""
    return [child.label.plain for child in node.children]


async def test_navigation_pane_groups_agencies_under_their_metropolitan_government(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        nav = app.screen.query_one(NavTree)
        groups = nav.root.children
        assert [g.data.agency for g in groups] == ["광주광역시"]
        children = labels(groups[0])
        assert children[0].startswith("광주광역시 본청")
        assert any(c.startswith("광산구") for c in children) and any(c.startswith("서구") for c in children)
        gwangsan = nav.agency_nodes["광주광역시 광산구"]
        assert gwangsan.allow_expand and not gwangsan.children  # its terms are built when it is first opened
        gwangsan.expand()
        await settle(pilot)
        terms = labels(gwangsan)
        assert terms[0].startswith("민선 7기 · 김삼호 · 2018–2022 · ")
        assert terms[1].startswith("민선 8기 · 박병규 · 2022–2026 · ")


async def test_selecting_a_term_then_a_program_filters_the_claims(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        nav = screen.query_one(NavTree)
        nav.select_place("광주광역시 광산구", 7)
        await settle(pilot)
        claims = screen.query_one(ClaimList)
        assert claims.filter.agency == "광주광역시 광산구" and claims.filter.term == 7
        assert claims.total == 15  # 14 body claims (one a population, 42만 구민) and the deck line repeating two values
        assert "민선 7기" in static_text(screen.query_one("#claims-title"))
        term_node = nav.cursor_node
        term_node.expand()
        await settle(pilot)
        program = next(c for c in term_node.children if c.data.label == "사장님 활력지원금")
        nav.move_cursor(program)
        nav.select_node(program)
        await settle(pilot)
        assert claims.filter.program == program.data.program
        rows = visible_rows(claims)
        assert rows and all(r["program_name"] == "사장님 활력지원금" for r in rows)
        assert "사업: 사장님 활력지원금" in static_text(screen.query_one("#claims-title"))


async def test_opening_a_claim_shows_its_article_with_highlights_and_flags(seed_db):
    app = make_app(seed_db, agency="광주광역시 광산구", term=7)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        claims = app.screen.query_one(ClaimList)
        claims.focus()
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.has_focus
        assert view.article.title == "광산구, 성과집 ‘행복광산’ 발간"
        header = static_text(view.query_one("#article-header"))
        assert "Term conflict" in header and "민선 8기" in header and "김삼호" in header
        assert "범례" in header
        assert view.selected == claims.current["id"]
        summary = static_text(view.query_one("#article-claim"))
        assert summary.startswith("주장 ") and "광주광역시 광산구" in summary


async def test_enter_on_a_claim_whose_article_is_shown_beside_the_list_does_not_read_it_again(seed_db, monkeypatch):
    """Issue 14: at 120 columns and more the highlighted claim's article is shown already; Enter gives it the focus at
    that claim without reading and drawing the whole article again (which cost two more frames)."""
    from tui.ui import data as data_mod

    reads: list[str] = []
    article = data_mod.DataSource.article

    def counted(self, article_id):
        reads.append(article_id)
        return article(self, article_id)

    monkeypatch.setattr(data_mod.DataSource, "article", counted)
    app = make_app(seed_db, agency="광주광역시 서구")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        claims = app.screen.query_one(ClaimList)
        claims.focus()
        await pilot.press("down")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.shows(claims.current["article"], claims.current["id"])
        before = len(reads)
        await pilot.press("enter")
        await settle(pilot)
        assert view.has_focus and view.selected == claims.current["id"]
        assert len(reads) == before


async def test_next_and_previous_claim_in_the_article(seed_db):
    app = make_app(seed_db, agency="광주광역시 서구")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        first = view.selected
        ids = [c["id"] for c in view.claims]
        await pilot.press("n")
        assert view.selected == ids[(ids.index(first) + 1) % len(ids)]
        assert static_text(view.query_one("#article-claim")).startswith(f"주장 {ids.index(view.selected) + 1}/")
        await pilot.press("p")
        assert view.selected == first


async def test_kind_and_status_filters(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        claims = screen.query_one(ClaimList)
        everything = claims.total
        await pilot.press("1")  # money
        await settle(pilot)
        assert 0 < claims.total < everything
        assert all(any(s["kind"] == "money" for s in r["spans"]) for r in visible_rows(claims))
        assert "[금액]" in static_text(screen.query_one("#claims-title"))
        await pilot.press("s")  # achieved only
        await settle(pilot)
        assert all(r["status"] == "achieved" for r in visible_rows(claims))
        await pilot.press("0")
        await settle(pilot)
        assert claims.total == everything


async def test_help_lists_every_binding_with_its_id(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = static_text(app.screen.query_one("Static"))
        for ident in ("app.quit", "app.compare", "claims.open", "article.next", "browse.status", "nav.open"):
            assert ident in text
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen)


async def test_palette_jumps_to_an_agency(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await run_from_palette(pilot, "agency 서구")
        claims = app.screen.query_one(ClaimList)
        assert claims.filter.agency == "광주광역시 서구"


async def test_narrow_terminal_opens_the_article_in_place_of_the_list(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        assert not app.screen.query_one(ArticleView).display
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article is not None
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen)


async def test_starting_at_an_agency_and_term_from_the_command_line(seed_db):
    app = make_app(seed_db, agency="광주광역시 광산구", term=8)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        claims = app.screen.query_one(ClaimList)
        assert (claims.filter.agency, claims.filter.term) == ("광주광역시 광산구", 8)
        term_label = app.screen.query_one(NavTree).cursor_node.label.plain
        assert term_label.startswith("민선 8기") and term_label.endswith(f" · {claims.total}")
        assert claims.total > 0
        assert all((r["agency"], r["term"]) == ("광주광역시 광산구", 8) for r in visible_rows(claims))


async def test_a_missing_database_file_is_a_notice_not_a_traceback(tmp_path):
    app = make_app(tmp_path / "missing.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert any("no such database" in n.message for n in app._notifications)


async def test_an_article_opens_at_its_claim_in_one_paint(seed_db):
    """A claim far down its article: the pane is scrolled to it as the article is shown (from the heights its
    header and text will take), so the pass after layout has nothing to move and the screen is drawn once; a claim
    already in view does not scroll the pane; the sticky line says where the reader is."""
    app = make_app(seed_db, agency="광주광역시 광산구", term=7)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        article, claims = view.article, view.claims
        last = max(claims, key=lambda c: c["start"] if c.get("zone", "body") == "body" else -1)
        view.show(article, claims, last["id"])
        predicted = view.scroll_y
        assert predicted > 0 and view.query_one("#article-sticky").display
        await settle(pilot)
        assert view.scroll_y == predicted
        assert f"주장 {claims.index(last) + 1}/{len(claims)}" in static_text(view.query_one("#article-sticky"))
        first = min(claims, key=lambda c: c["start"] if c.get("zone", "body") == "body" else 10**9)
        view.show(article, claims, first["id"])
        await settle(pilot)
        assert view.scroll_y == 0 and not view.query_one("#article-sticky").display


async def test_moving_to_another_claim_of_the_shown_article_moves_the_highlight_without_loading_it(seed_db):
    """Down in the claim list onto a claim of the article already shown: the highlight moves at once (no
    timer, no database round trip); onto a claim of another article, that article is loaded."""
    app = make_app(seed_db, agency="광주광역시", term=7)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        claims, view = screen.query_one(ClaimList), screen.query_one(ArticleView)
        claims.focus()
        rows = visible_rows(claims)
        pair = next(i for i in range(len(rows) - 1) if rows[i]["article"] == rows[i + 1]["article"])
        while claims.cursor != pair:
            await pilot.press("down" if claims.cursor < pair else "up")
        await settle(pilot)
        assert view.selected == rows[pair]["id"]
        loads = []
        original = screen.source.article
        screen.source.article = lambda *a: loads.append(a) or original(*a)
        await pilot.press("down")
        assert view.selected == rows[pair + 1]["id"]  # in the key's own handler, before any timer
        assert "주장 " in static_text(view.query_one("#article-claim"))
        await settle(pilot)
        assert loads == [] and view.selected == rows[pair + 1]["id"]
        other = next(i for i, r in enumerate(rows) if r["article"] != rows[pair]["article"])
        while claims.cursor != other:
            await pilot.press("down" if claims.cursor < other else "up")
        await settle(pilot)
        assert loads and view.article.id == rows[other]["article"] and view.selected == rows[other]["id"]


async def test_the_key_bar_follows_the_focused_pane_and_its_keys_can_be_clicked(seed_db):
    from tui.ui.widgets.keybar import KeyBar

    app = make_app(seed_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        assert app.focused is app.screen.query_one(ClaimList)
        shown = bar.render().plain
        assert "Open article" in shown and "Quit" in shown and shown.rstrip().endswith("palette")
        assert "Next claim in article" not in shown
        claims = app.screen.query_one(ClaimList)
        claims.pages_loading.add(99)  # a page still loading leaves the list focused and answering its keys
        assert app.focused is claims and claims.loading is False
        claims.pages_loading.discard(99)
        await pilot.press("enter")  # the article takes the focus: the bar shows the article's keys
        await settle(pilot)
        assert app.focused is app.screen.query_one(ArticleView)
        shown = bar.render().plain
        assert "Next claim in article" in shown and "Open article" not in shown
        assert len(app.screen.query(KeyBar)) == 1 and not app.screen.query("FooterKey")  # one widget, not one a key
        start = next(cell for cell in bar._cells if item_is(cell, "Help"))[0]
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


def item_is(cell, description: str) -> bool:
    """Whether a key bar cell (start, end, key) is the key with this description."""
    return cell[2].description == description


async def test_a_single_claim_move_shows_its_article_at_once_and_a_held_key_waits(seed_db, monkeypatch):
    """Issue 14: one move in the claims list loads its article in the same turn (no 50 ms wait); moves closer
    together than a held key's repeat wait until they pause, so the rows passed over load nothing."""
    from tui.ui.screens import browse

    clock = [1000.0]
    monkeypatch.setattr(browse, "clock", lambda: clock[0])
    app = make_app(seed_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        claims = screen.query_one(ClaimList)
        view = screen.query_one(ArticleView)
        claims.focus()
        loads, timers, via_timer = [], [], [False]
        real_load, real_timer = screen.load_article, screen.set_timer

        def load(article, claim):
            loads.append((article, claim, via_timer[0]))
            real_load(article, claim)

        def later(fn):
            def run():
                via_timer[0] = True
                try:
                    fn()
                finally:
                    via_timer[0] = False
            return run

        monkeypatch.setattr(screen, "load_article", load)
        monkeypatch.setattr(screen, "set_timer", lambda delay, fn: (timers.append(delay), real_timer(delay, later(fn)))[1])
        for _ in range(10):  # single moves, a second apart, until one reaches another article
            clock[0] += 1.0
            shown = view.article.id if view.article else None
            await pilot.press("down")
            if claims.current["article"] != shown:
                break
            await settle(pilot)
        assert loads and loads[-1][1] == claims.current["id"] and not loads[-1][2] and not timers  # at once
        await settle(pilot)
        loads.clear()
        for _ in range(8):  # a held key: moves 30 ms apart
            clock[0] += 0.03
            await pilot.press("down")
        assert timers and not [x for x in loads if not x[2]]  # a held key's rows wait for the moves to pause
        await settle(pilot)
        await pilot.pause(0.1)
        # then the article of the row the moves stopped on: loaded for it, or loaded for an earlier row of the same
        # article when the moves paused there (its other rows then move the highlight and load nothing)
        assert loads and loads[-1][0] == claims.current["article"]
        assert view.article.id == claims.current["article"] and view.selected == claims.current["id"]


async def test_enter_takes_the_focus_to_the_article_and_h_or_escape_brings_it_back(seed_db):
    """At 120 columns the article sits beside the list: Enter focuses it; h (at once) or Escape (after the
    terminal's escape-key wait) gives the focus back to the list, as h and Escape leave the reader at 80."""
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for back in ("h", "escape"):
            app.screen.query_one(ClaimList).focus()
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.focused, ArticleView)
            await pilot.press(back)
            await settle(pilot)
            assert isinstance(app.focused, ClaimList)


async def test_the_focused_pane_is_marked_without_restyling_the_article_text(seed_db):
    """Issue 14: a focus move marks the focused pane by its edge (the claims pane by its title) and leaves the
    article's text as it was painted: a background tint on the pane would change every line's background and
    lay the whole article out again on each Enter and h."""
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        title = screen.query_one("#claims-title")
        article = screen.query_one(ArticleView)
        body = screen.query_one("#article-body")
        assert title.has_class("-focused")
        painted = body._render_cache
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is article and not title.has_class("-focused")
        edge = screen.query_one("#article-edge")
        assert edge.styles.border_left[1] != screen.query_one("#nav").styles.border_right[1]  # marked by its edge
        await pilot.press("h")
        await settle(pilot)
        assert title.has_class("-focused")
        assert body._render_cache is painted  # the article's lines were not rendered again


async def test_a_focus_move_repaints_only_the_cursor_row_and_no_unchanged_scrollbar(seed_db):
    """Issue 14: Textual repaints every line of a widget that gains or loses the focus, and every scrollbar of a
    widget whose rules are applied again, even when its colours stay the same. Enter and h only change how the
    claims list's cursor row looks, so only that row is drawn again; a scrollbar colour that does change still
    repaints the scrollbar at once."""
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        claims = app.screen.query_one(ClaimList)
        drawn: list[int] = []
        own = claims.render_line
        claims.render_line = lambda y: (drawn.append(y), own(y))[1]
        cursor_y = claims.cursor - claims.scroll_offset.y
        for key in ("enter", "h"):
            drawn.clear()
            await pilot.press(key)
            await settle(pilot)
            assert drawn and set(drawn) == {cursor_y}, (key, sorted(set(drawn)))
        bar = claims.vertical_scrollbar
        assert claims.show_vertical_scrollbar
        bar._dirty_regions.clear()
        claims.styles.scrollbar_color = claims.styles.scrollbar_color  # the same colour set again
        assert not bar._dirty_regions
        claims.styles.scrollbar_color = "red"
        assert bar._dirty_regions


async def test_a_focus_move_does_not_repaint_the_whole_screen(seed_db):
    """Issue 14: Textual's screen repaints every cell when its focused widget changes (about 23 kB to the terminal
    per Enter at 120x40), and a widget every line of itself when it gains or loses the focus. The app's screens
    repaint only the widgets whose look the move changes: the article's text is not repainted when the article
    gains or loses the focus, and its edge (a widget of its own) still shows the focus."""
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        compositor = screen._compositor
        full: list[bool] = []
        own = compositor.render_full_update
        compositor.render_full_update = lambda *a, **k: (full.append(True), own(*a, **k))[1]
        dirty: list = []
        own_partial = compositor.render_partial_update
        compositor.render_partial_update = lambda *a, **k: (dirty.extend(compositor._dirty_regions),
                                                            own_partial(*a, **k))[1]
        article = screen.query_one("#article")
        edge = screen.query_one("#article-edge")
        unfocused = edge.styles.border_left
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is article and edge.styles.border_left != unfocused  # its edge marks the focus
        await pilot.press("h")
        await settle(pilot)
        assert app.focused is screen.query_one(ClaimList) and edge.styles.border_left == unfocused
        assert dirty and not full
        text = article.scrollable_content_region  # (its scrollbar may change colour with the focus)
        assert not [region for region in dirty if region.overlaps(text)]


def test_the_browse_screen_keeps_a_quiet_focus_and_pushed_screens_keep_textuals():
    """The browse screen, whose focus moves between panes that stay on screen, repaints only what a move changes
    (PaneScreen). A screen that is pushed sets its focus as it mounts, where the repaint belongs to its first
    frames: the reader with a quiet focus showed its first change later in tmux at 80x24, so it keeps Textual's."""
    from tui.ui.screens.base import PaneScreen
    from tui.ui.screens.browse import BrowseScreen
    from tui.ui.screens.reader import ReaderScreen

    assert issubclass(BrowseScreen, PaneScreen) and PaneScreen.focused._repaint is False
    assert not issubclass(ReaderScreen, PaneScreen)


def test_scrollbar_colours_repaint_only_when_changed_with_the_pinned_textual():
    """The change to Textual's scrollbar colour setter is made for the pinned version (its setter is the one the
    change knows); a later Textual whose setter differs is left as it is, and this test says so."""
    from tui.ui.scrollbars import quiet_scrollbars

    assert quiet_scrollbars()


async def test_a_cursor_move_repaints_only_the_two_rows_and_a_review_shows_at_once(seed_db):
    """Issue 14: the claims list keeps each row's rendered text; a cursor move marks only the row left and the
    row reached as dirty, and a changed row (a review) is drawn afresh, not from what was kept."""
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        claims = app.screen.query_one(ClaimList)
        before = [claims.render_line(y).text for y in range(5)]
        claims._dirty_regions.clear()
        claims.action_move(1)
        dirty = sorted({y for r in claims._dirty_regions for y in range(r.y, r.bottom)})
        assert dirty == [0, 1]
        await settle(pilot)
        after = [claims.render_line(y).text for y in range(5)]
        assert after[0] != before[0] and after[1] != before[1] and after[2:] == before[2:]
        assert after[0][2:] == before[0][2:] and after[0].startswith("  ") and after[1].startswith("▶")
        row = claims.row(2)
        claims.update_row(row["id"], review={"state": "verified"})
        assert "✓확인" not in after[2] and "✓확인" in claims.render_line(2).text


def test_a_tree_label_too_wide_for_its_pane_shortens_the_name_and_keeps_the_count():
    from rich.text import Text

    from tui.ui.widgets.nav import fit_label

    label = Text.assemble("▶ ", "광주광역시 본청", ("  137", "dim"))
    assert fit_label(label, 40) is label
    fitted = fit_label(label, 17)
    assert fitted.plain == "▶ 광주… 본청  137" and fitted.cell_len <= 17
    assert fitted.spans[-1].style == "dim"  # the count keeps its style
    assert fit_label(Text("▶ 광주광역시교육청  116"), 20).plain == "▶ 광주광역시교…  116"
    assert fit_label(Text("민선 8기 · 박병규 · 2022–2026 · 57"), 20).plain.endswith(" · 57")


async def test_the_navigation_pane_of_a_narrow_terminal_shows_every_count_whole(seed_db):
    from rich.style import Style

    app = make_app(seed_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        nav = app.screen.query_one(NavTree)
        nav.styles.width = 18  # narrower than 광주광역시 본청 and its count
        await settle(pilot)
        room = nav.scrollable_content_region.width
        assert any(node.label.cell_len + 2 > room - nav.guide_depth for node in nav.root.children[0].children)
        for group in nav.root.children:
            for node in group.children:
                shown = nav.render_label(node, Style(), Style())
                count = node.label.plain.rsplit("  ", 1)[-1]
                assert shown.plain.endswith("  " + count) and shown.cell_len <= room - nav.guide_depth
