"""Snapshots of the main screens at 120x40 and 80x24 (fixture database, no live Kiwi)."""

import pytest
from ui_helpers import settle

from tui.store.compare import Side
from tui.ui.app import make_app


async def settled(pilot) -> None:
    """Settle workers, then let the footer catch up with the focused pane before the picture is taken."""
    await settle(pilot)
    pilot.app.screen.refresh_bindings()
    await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_browse(snap_compare, seed_db, size):
    app = make_app(seed_db, agency="광주광역시 광산구", term=7)
    assert snap_compare(app, terminal_size=size, run_before=settled)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_article_with_highlights(snap_compare, seed_db, size):
    app = make_app(seed_db, agency="광주광역시 서구", term=8)

    async def open_article(pilot) -> None:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_article)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_compare(snap_compare, seed_db, size):
    app = make_app(seed_db, compare=(Side("광주광역시 광산구", 7), Side("광주광역시 광산구", 8)))
    assert snap_compare(app, terminal_size=size, run_before=settled)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_matrix(snap_compare, seed_db, size):
    """Issue 13: every district of 광주광역시 in 민선 8기, fields down, with the totals row's bars."""
    sides = tuple(Side(f"광주광역시 {d}", 8) for d in ("동구", "서구", "남구", "북구", "광산구"))
    app = make_app(seed_db, compare=sides)
    assert snap_compare(app, terminal_size=size, run_before=settled)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_achievements_only_with_the_monthly_chart(snap_compare, seed_db, size):
    """Issue 13: achievements only (f), the class counts in the title and the claims-per-month sparkline."""
    app = make_app(seed_db, agency="광주광역시 광산구", term=None)

    async def achievements(pilot) -> None:
        await settled(pilot)
        await pilot.press("f")
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=achievements)
