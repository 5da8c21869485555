"""Issue 6 in the browser: review keys, notes, review filter, export and copy keys, and the search screen."""

from textual.widgets import OptionList
from ui_helpers import settle, static_text, visible_rows

from tui.store.compare import Side
from tui.ui.app import make_app
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.note import FormatScreen, NoteScreen
from tui.ui.screens.reader import ReaderScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.claim_list import ClaimList
from tui.ui.widgets.compare_table import CompareTable


async def test_review_keys_show_the_state_in_list_article_and_compare(seed_copy):
    app = make_app(seed_copy, agency="광주광역시 서구", term=8)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        claims = app.screen.query_one(ClaimList)
        claim_id = claims.current["id"]
        await pilot.press("v")
        await settle(pilot)
        assert claims.current["review"]["state"] == "verified"
        assert "✓확인" in ClaimList.row_text(claims.current, 120).plain
        await pilot.press("enter")
        await settle(pilot)
        assert "✓확인" in static_text(app.screen.query_one(ArticleView).query_one("#article-claim"))
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"원문 대조 완료", "enter")
        await settle(pilot)
        summary = static_text(app.screen.query_one(ArticleView).query_one("#article-claim"))
        assert "✓확인" in summary and "원문 대조 완료" in summary
        app.open_compare(Side("광주광역시 광산구", 7), Side("광주광역시 서구", 8))
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.data["right"]["verified"] == 1
        assert "확인 1" in static_text(compare.query_one("#right-head"))
        assert "확인" not in static_text(compare.query_one("#left-head"))  # nothing reviewed there: nothing said
        cell = next(c for c, r in compare.cells.items() if compare.claims[r]["id"] == claim_id)
        assert "✓확인" in compare.query_one(CompareTable).get_cell_at(cell).plain


async def test_review_filter_shows_only_reviewed_claims(seed_copy):
    app = make_app(seed_copy)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        claims = app.screen.query_one(ClaimList)
        await pilot.press("down", "x")
        await settle(pilot)
        await pilot.press("r", "r")  # verified, then disputed
        await settle(pilot)
        rows = visible_rows(claims)
        assert claims.total == 1 and rows[0]["review"]["state"] == "disputed"


async def test_export_key_writes_a_file_and_says_where(seed_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SEONGGWA_EXPORT_DIR", str(tmp_path))
    app = make_app(seed_copy, agency="광주광역시 광산구", term=7)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormatScreen)
        await pilot.press("c")
        await settle(pilot)
        files = list(tmp_path.glob("seonggwa-claims-*.csv"))
        assert len(files) == 1
        assert files[0].read_text(encoding="utf-8").count("\n") == app.screen.query_one(ClaimList).total + 1
        assert any(str(files[0]) in n.message for n in app._notifications)


async def test_copy_puts_the_claim_and_its_source_on_the_clipboard(seed_copy):
    app = make_app(seed_copy, agency="광주광역시 서구")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        row = app.screen.query_one(ClaimList).current
        await pilot.press("y")
        assert app.clipboard.startswith(row["text"])
        assert row["title"] in app.clipboard and "한국경제" in app.clipboard


async def test_search_screen_finds_highlights_and_opens_the_match(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"지원금", "enter")
        await settle(pilot)
        screen = app.screen
        assert len(screen.hits) == 3
        assert all(any(h.text[s:e] == "지원금" for s, e in h.matches) for h in screen.hits)
        assert "지원금" in static_text(screen.query_one("#search-preview"))
        assert screen.query_one(OptionList).has_focus
        hit = screen.hits[0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.article.id == hit.article
        assert view.selected == hit.claim or view.mark == (hit.start, hit.end)
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)


async def test_search_screen_reports_an_empty_query(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"***", "enter")
        await settle(pilot)
        assert "nothing to search for" in static_text(app.screen.query_one("#search-preview"))


async def test_the_article_shows_its_source_address_and_o_copies_it(seed_copy):
    import sqlite_utils

    url = "https://news.example.kr/article/123"
    db = sqlite_utils.Database(seed_copy)
    db.execute("UPDATE articles SET url = ?", [url])
    db.conn.commit()
    db.conn.close()
    app = make_app(seed_copy, agency="광주광역시 서구")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        assert app.clipboard == url
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        header = view.query_one("#article-header").render()
        assert "news.example.kr/article/123" in header.plain  # shown without its scheme, one line
        assert any(span.style.link == url for span in header.spans if hasattr(span.style, "link"))


async def test_o_on_an_article_without_an_address_says_so(seed_copy):
    app = make_app(seed_copy, agency="광주광역시 서구")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.clipboard
        await pilot.press("o")
        await pilot.pause()
        assert app.clipboard == before
        assert any("no source address" in n.message for n in app._notifications)
