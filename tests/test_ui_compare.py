"""Issue 5, comparison: picker, header figures, fields aligned, swap, open an article, and the CLI formats."""

import csv
import io
import json

import pytest
from click.testing import CliRunner
from ui_helpers import settle, static_text

from tui.cli import cli
from tui.store.compare import Side
from tui.ui.app import make_app
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.picker import SidePicker
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.compare_table import CompareTable

LEFT, RIGHT = Side("광주광역시 광산구", 7), Side("광주광역시 서구", 8)


async def test_compare_shows_headers_aligned_fields_and_swaps(seed_db):
    app = make_app(seed_db, compare=(LEFT, RIGHT))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        left = static_text(screen.query_one("#left-head"))
        right = static_text(screen.query_one("#right-head"))
        assert left.startswith("광주광역시 광산구 · 민선 7기") and right.startswith("광주광역시 서구 · 민선 8기")
        figures = [o.prompt.plain for o in screen.query_one("#left-figures").options]
        for words in ("성과 ", "재원 확보 ", "대통령상·표창 ", "국무총리상·표창 ", "장관상·표창 ", "기록 ", "순위 "):
            assert any(f.startswith(words) for f in figures), words
        assert not any("합계" in f for f in figures)  # no sum of every amount the articles mention (issue 13)
        fields = screen.data["fields"]
        assert fields and all(f["left_rows"] or f["right_rows"] for f in fields)
        assert all(screen.claims[r]["category"] == f["field"] for f in fields for r in f["left_rows"] + f["right_rows"])
        only = [f for f in fields if f["only"]]
        table = screen.query_one(CompareTable)
        first_row = [table.get_cell_at((0, c)).plain for c in range(3)]
        assert first_row[0].startswith(fields[0]["field"])
        if only:
            marked = [table.get_cell_at((r, 0)).plain for r in range(table.row_count)]
            assert any("◀만" in m or "▶만" in m for m in marked)
        await pilot.press("s")
        await settle(pilot)
        assert static_text(screen.query_one("#left-head")).startswith("광주광역시 서구 · 민선 8기")


async def test_enter_on_a_compared_claim_opens_its_article_at_that_claim(seed_db):
    app = make_app(seed_db, compare=(LEFT, RIGHT))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        (row, column), rowid = next(iter(screen.cells.items()))
        claim = screen.claims[rowid]
        screen.query_one(CompareTable).cursor_coordinate = (row, column)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.selected == claim["id"] and view.article.id == claim["article"]
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)


async def test_the_table_is_walked_by_keys_and_draws_only_its_lines(seed_db):
    """j/k and ↓/↑ move by rows, h/l between the sides, End to the last row; the detail line names the claim under
    the cursor; the table draws its header and the rows on screen, each cell in its own column."""
    app = make_app(seed_db, compare=(LEFT, RIGHT))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(CompareTable)
        assert table.has_focus and tuple(table.cursor_coordinate) == (0, 1)
        header = table.render_line(0).text
        assert header.lstrip().startswith("분야") and "광주광역시 광산구 · 민선 7기" in header
        first_claim = min(screen.cells)
        await pilot.press(*["j"] * first_claim[0])
        if first_claim[1] == 2:
            await pilot.press("l")
        await pilot.pause()
        assert tuple(table.cursor_coordinate) == first_claim
        claim = screen.claims[screen.cells[first_claim]]
        assert claim["title"] in static_text(screen.query_one("#compare-detail"))
        line = table.render_line(first_claim[0] + 1).text  # the header is line 0
        assert claim["line"][:6] in line
        await pilot.press("l", "l")
        assert table.cursor_coordinate.column == 2  # the right side is the last column
        await pilot.press("h", "h", "h")
        assert table.cursor_coordinate.column == 1  # the field column is not a side
        await pilot.press("end")
        assert table.cursor_coordinate.row == table.row_count - 1
        assert table.scroll_offset.y > 0 or table.row_count < table.size.height  # the last row is in view
        await pilot.press("k")
        assert table.cursor_coordinate.row == table.row_count - 2


async def test_picker_filters_by_typing_and_chooses_both_sides(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, SidePicker)
        await pilot.press(*"광산구@7")
        await pilot.pause()
        listing = app.screen.query_one("OptionList")
        assert listing.option_count == 1
        await pilot.press("enter")
        await pilot.press(*"서구")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.left, app.screen.right) == (LEFT, Side("광주광역시 서구", None))


def test_compare_command_formats(seed_db):
    runner = CliRunner()
    base = ["--db", str(seed_db), "compare", "광산구@7", "광산구@8"]
    data = json.loads(runner.invoke(cli, base + ["--format", "json"]).stdout)
    assert data["left"]["label"] == "광주광역시 광산구 · 민선 7기"
    assert data["right"]["term"] == 8
    assert {"articles", "claims", "achievements", "funding", "funding_claims", "awards", "records",
            "ranks"} <= set(data["left"])
    assert "money_total_won" not in data["left"]  # the sum of every amount mentioned is gone (issue 13)
    assert set(data["left"]["awards"]) == {"대통령", "국무총리", "장관", "기타"}
    md = runner.invoke(cli, base + ["--format", "md"]).stdout
    assert md.startswith("# 광주광역시 광산구 · 민선 7기 vs 광주광역시 광산구 · 민선 8기")
    assert "| 재원 확보 |" in md and "| 대통령상·표창 |" in md
    rows = list(csv.DictReader(io.StringIO(runner.invoke(cli, base + ["--format", "csv"]).stdout)))
    assert rows and {r["side"] for r in rows} == {data["left"]["label"], data["right"]["label"]}
    claims = sum(len(f["left"]) + len(f["right"]) for f in data["fields"])
    assert len(rows) == claims
    table = runner.invoke(cli, base)
    assert table.exit_code == 0 and "재원 확보" in table.stdout and "summed" not in table.stdout


def test_compare_command_rejects_bad_sides(seed_db):
    result = CliRunner().invoke(cli, ["--db", str(seed_db), "compare", "광산구@x", "서구"])
    assert result.exit_code == 2 and "must be a number" in result.stderr


async def test_the_table_makes_a_cell_given_as_a_function_only_when_it_is_drawn_or_read():
    """A long comparison gives its claim cells as functions: those never on screen are never made."""
    from rich.text import Text
    from textual.app import App

    made: list[int] = []

    def cell(n: int):
        def make() -> Text:
            made.append(n)
            return Text(f"claim {n}")
        return make

    class Table(App):
        def compose(self):
            yield CompareTable()

    app = Table()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(CompareTable)
        table.set_rows([10, 20, 20], [Text("분야"), Text("왼쪽"), Text("오른쪽")],
                       [[Text("f"), cell(2 * i), cell(2 * i + 1)] for i in range(200)])
        await pilot.pause()
        assert made and max(made) < 40  # the first screenful, not the 400 cells
        assert table.get_cell_at((150, 1)).plain == "claim 300"
        assert made.count(300) == 1 and table.get_cell_at((150, 1)).plain == "claim 300" and made.count(300) == 1


async def test_the_claims_past_the_first_screen_are_read_after_it_and_a_swap_keeps_them(seed_db, monkeypatch):
    """Issue 14: the comparison is shown once the claims of its first rows are read; the others follow, and
    their cells are drawn again then. A swap exchanges every figure of a field, achievements included."""
    import tui.ui.screens.compare as screen_module

    monkeypatch.setattr(screen_module, "FIRST_ROWS", 3)
    shown: list[tuple[int, int]] = []
    loaded = CompareScreen._loaded

    def spy(self, data, claims=None, painted=None):
        shown.append((len(claims or {}), sum(len(f["left_rows"]) + len(f["right_rows"]) for f in data["fields"])))
        loaded(self, data, claims, painted)

    monkeypatch.setattr(CompareScreen, "_loaded", spy)
    app = make_app(seed_db, compare=(LEFT, RIGHT))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        first, listed = shown[0]
        assert 0 < first < listed  # the first screen came before every claim was read
        assert len(screen.claims) == listed  # … and the rest arrived after it
        table = screen.query_one(CompareTable)
        cells = [table.get_cell_at((r, c)).plain for r in range(table.row_count) for c in (1, 2)]
        assert "…" not in cells  # no cell is left waiting
        before = [(f["field"], f["left_achievements"], f["right_achievements"], f["left_rows"], f["right_rows"])
                  for f in screen.data["fields"]]
        await pilot.press("s")
        await settle(pilot)
        after = [(f["field"], f["right_achievements"], f["left_achievements"], f["right_rows"], f["left_rows"])
                 for f in screen.data["fields"]]
        assert after == before
        assert len(screen.claims) == listed


async def test_the_rest_of_the_claims_is_read_once_the_first_rows_are_painted(seed_db, monkeypatch):
    """Issue 14: reading the claims past the first rows while the first screen paints made both take turns for the
    interpreter; the second read waits until the screen showing the first rows has been drawn."""
    import tui.store.read as read_module
    import tui.ui.screens.compare as screen_module

    monkeypatch.setattr(screen_module, "FIRST_ROWS", 3)
    # the wait's bound is a safety net for a screen that never paints; a slow machine may take longer than it to
    # paint, so the bound is lifted here and the test checks only the order
    monkeypatch.setattr(screen_module, "PAINT_WAIT", 60)
    events = []
    loaded, read = CompareScreen._loaded, read_module.claim_rows_by_rowid

    def spy_loaded(self, data, claims=None, painted=None):
        events.append(("loaded", painted))
        loaded(self, data, claims, painted)

    def spy_read(db, rowids):
        painted = next((p for what, p in reversed(events) if what == "loaded"), None)
        events.append(("read", painted is not None and painted.is_set()))
        return read(db, rowids)

    monkeypatch.setattr(CompareScreen, "_loaded", spy_loaded)
    monkeypatch.setattr(read_module, "claim_rows_by_rowid", spy_read)
    app = make_app(seed_db, compare=(LEFT, RIGHT))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert [what for what, _ in events] == ["read", "loaded", "read"]
        assert events[2] == ("read", True)  # the screen with the first rows was drawn before the second read
        assert len(app.screen.claims) == sum(len(f["left_rows"]) + len(f["right_rows"])
                                             for f in app.screen.data["fields"])


async def test_the_rest_of_the_claims_is_read_even_if_the_screen_never_reports_its_paint(seed_db, monkeypatch):
    """Issue 14: the wait for the first paint is bounded, so the rest of the claims still comes if it never ends."""
    import tui.ui.screens.compare as screen_module

    monkeypatch.setattr(screen_module, "FIRST_ROWS", 3)
    monkeypatch.setattr(screen_module, "PAINT_WAIT", 0.05)
    loaded = CompareScreen._loaded

    def never_painted(self, data, claims=None, painted=None):
        loaded(self, data, claims, None)  # the paint is never reported

    monkeypatch.setattr(CompareScreen, "_loaded", never_painted)
    app = make_app(seed_db, compare=(LEFT, RIGHT))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.screen.claims) == sum(len(f["left_rows"]) + len(f["right_rows"])
                                             for f in app.screen.data["fields"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 50)])
async def test_the_table_fits_its_width_and_the_layout_does_not_move_when_the_data_comes(seed_db, size):
    """Issue 14: the columns leave room for the table's scrollbar, so no column is cut and no line is lost to a
    sideways scrollbar; the figure lists are as tall before the data comes as after, so the comparison is drawn
    in one frame rather than two (the second one only adding scrollbars)."""
    app = make_app(seed_db, compare=(LEFT, RIGHT))
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        heights = [screen.query_one(f"#{side}-figures").size.height for side in ("left", "right")]
        await settle(pilot)
        table = screen.query_one(CompareTable)
        assert not table.show_horizontal_scrollbar
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert [screen.query_one(f"#{side}-figures").size.height for side in ("left", "right")] == heights
        assert table.has_focus  # focused from the first frame: the key bar does not change when the data comes


def test_split_rows_follows_the_table_rows():
    """A field's heading is one row, then one row per claim of its longer side."""
    from tui.ui.screens.compare import split_rows

    fields = [{"left_rows": [1, 2], "right_rows": [3]}, {"left_rows": [], "right_rows": [4, 5, 6]}]
    assert split_rows(fields, 3) == ([1, 3, 2], [4, 5, 6])  # rows 0-2: a heading and two claim rows
    assert split_rows(fields, 5) == ([1, 3, 2, 4], [5, 6])
    assert split_rows(fields, 99) == ([1, 3, 2, 4, 5, 6], [])


async def test_closing_the_comparison_before_its_later_rows_arrive_is_harmless(seed_db, monkeypatch):
    """Esc while the claims past the first rows are still being read: the screen is gone, the app goes on."""
    import tui.ui.screens.compare as screen_module

    monkeypatch.setattr(screen_module, "FIRST_ROWS", 1)
    more: list[bool] = []
    original = CompareScreen._more

    def slow_more(self, loading, claims):
        more.append(self.is_attached)
        original(self, loading, claims)

    monkeypatch.setattr(CompareScreen, "_more", slow_more)
    app = make_app(seed_db, compare=(LEFT, RIGHT))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CompareScreen) and app.is_running
        assert all(isinstance(m, bool) for m in more)


async def test_the_picker_reads_the_comparison_ahead_while_the_second_side_rests_highlighted(seed_db, monkeypatch):
    """Issue 14: once the first side is chosen, the comparison with the highlighted side is read while the highlight
    rests there, and Enter shows it without reading it again; what is shown is what a fresh read gives."""
    import tui.ui.screens.compare as screen_module

    reads: list[tuple] = []
    real = screen_module.read_comparison

    def counting(db, left, right):
        reads.append((left, right))
        return real(db, left, right)

    monkeypatch.setattr(screen_module, "read_comparison", counting)
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"광산구@7")
        await pilot.pause()
        assert reads == []  # nothing is read ahead while the first side is chosen
        await pilot.press("enter")
        await pilot.press(*"서구@8")
        await pilot.pause(0.3)  # the highlight rests on the only side left
        await settle(pilot)
        assert reads[-1] == (LEFT, RIGHT)
        assert all(left == LEFT for left, _ in reads)  # read ahead only with the first side chosen
        before = len(reads)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and (screen.left, screen.right) == (LEFT, RIGHT)
        assert len(reads) == before  # Enter took what was read ahead
        ahead = [(f["field"], f["left_rows"], f["right_rows"]) for f in screen.data["fields"]]
        fresh, _, _ = real(app.source.db(), LEFT, RIGHT)
        assert ahead == [(f["field"], f["left_rows"], f["right_rows"]) for f in fresh["fields"]]
        assert app.source.ahead.take((LEFT, RIGHT), wait=0) is None  # taken once


def test_a_result_read_ahead_is_taken_once_and_not_after_it_is_stale(monkeypatch):
    from tui.ui.data import ReadAhead

    ahead = ReadAhead()
    done, box = ahead.begin("k")
    assert ahead.begin("k") is None  # being read: not read twice
    box.append("result")
    done.set()
    assert ahead.take("k") == "result"
    assert ahead.take("k") is None
    done, box = ahead.begin("failed")
    done.set()  # a read that failed leaves its box empty
    assert ahead.take("failed") is None
    done, box = ahead.begin("old")
    box.append("result")
    done.set()
    monkeypatch.setattr(ReadAhead, "KEEP", 0.0)
    assert ahead.take("old") is None  # too old: the screen reads afresh


def test_a_write_forgets_what_was_read_ahead(seed_db):
    """A review saved after a comparison was read ahead must show in it: the write drops the result."""
    from tui.ui.data import DataSource

    source = DataSource(seed_db)
    done, box = source.ahead.begin((LEFT, RIGHT))
    box.append("before the review")
    done.set()
    source.writer().conn.close()
    assert source.ahead.take((LEFT, RIGHT), wait=0) is None
