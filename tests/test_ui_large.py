"""What keeps the browser usable on a large database: the palette reaches every program, a term lists its most
claimed programs and says there are more, one agency and term stay open at a time, and a comparison lists the
newest claims per field while counting (and exporting) all of them; opening an article and finding the claim
of a review are index lookups."""

import sqlite3

import pytest
from ui_helpers import run_from_palette, settle, visible_rows

import tui.ui.screens.compare as compare_screen
import tui.ui.widgets.nav as nav_widget
from tui.store.compare import Side
from tui.store.db import connect
from tui.store.read import get_article, letters_in_order, program_rows
from tui.store.reviews import ReviewError, resolve_claim
from tui.ui.app import make_app
from tui.ui.screens.compare import CompareScreen
from tui.ui.widgets.claim_list import ClaimList
from tui.ui.widgets.compare_table import CompareTable
from tui.ui.widgets.nav import NavTree

PROGRAM = "사장님 활력지원금"  # a program of 광산구 in term 7 in the seed corpus


def crowd_programs(path, count: int) -> None:
    """Add many programs with more claims than any real one, so that a real program ranks after all of them."""
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT INTO programs (id, agency, term, name, key, claims, articles) "
                         "VALUES (?, '광주광역시 북구', 8, ?, ?, 1000, 1)",
                         [(f"crowd-{i}", f"다른 사업 {i}", f"다른사업{i}") for i in range(count)])
    conn.close()


def test_letters_in_order_escapes_like_wildcards():
    assert letters_in_order("a%_") == "%a%\\%%\\_%"


def test_programs_are_found_by_letters_however_many_rank_above(seed_copy):
    crowd_programs(seed_copy, 3500)
    db = connect(seed_copy, readonly=True)
    try:
        assert PROGRAM not in {r["name"] for r in program_rows(db, limit=3000)}
        found = program_rows(db, letters="활력지원금", limit=10)
        assert [r["name"] for r in found] == [PROGRAM]
        spread = {r["name"] for r in program_rows(db, letters="활력 광산구 민선 7", limit=10)}
        assert PROGRAM in spread and not any(name.startswith("다른 사업") for name in spread)
        assert program_rows(db, letters="활력 서구", limit=10) == []
    finally:
        db.conn.close()


async def test_palette_reaches_a_program_that_ranks_low(seed_copy):
    crowd_programs(seed_copy, 3500)
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await run_from_palette(pilot, "program 활력지원금")
        claims = app.screen.query_one(ClaimList)
        assert claims.filter.program and not claims.filter.program.startswith("crowd-")
        rows = visible_rows(claims)
        assert rows and all(r["program_name"] == PROGRAM for r in rows)


async def test_a_term_lists_its_most_claimed_programs_then_says_there_are_more(seed_db, monkeypatch):
    monkeypatch.setattr(nav_widget, "PROGRAMS_SHOWN", 1)
    app = make_app(seed_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        nav = app.screen.query_one(NavTree)
        nav.select_place("광주광역시 광산구", 7)
        await settle(pilot)
        term_node = nav.cursor_node
        term_node.expand()
        await settle(pilot)
        kinds = [child.data.kind for child in term_node.children]
        assert kinds == ["program", "more"]
        assert "사업 더 있음" in term_node.children[1].label.plain
        db = connect(seed_db, readonly=True)
        try:
            top = program_rows(db, "광주광역시 광산구", 7, limit=1)[0]
        finally:
            db.conn.close()
        assert term_node.children[0].data.program == top["id"]


async def test_one_agency_and_one_term_stay_open(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        nav = app.screen.query_one(NavTree)
        gwangsan, seogu = nav.agency_nodes["광주광역시 광산구"], nav.agency_nodes["광주광역시 서구"]
        gwangsan.expand()
        await settle(pilot)
        terms = [t for t in gwangsan.children if t.data.kind == "term"]
        assert len(terms) >= 2
        terms[0].expand()
        await settle(pilot)
        terms[1].expand()
        await settle(pilot)
        assert terms[1].is_expanded and not terms[0].is_expanded
        seogu.expand()
        await settle(pilot)
        assert seogu.is_expanded and not gwangsan.is_expanded


async def test_comparison_lists_the_first_claims_per_field_and_counts_and_exports_all(seed_db, monkeypatch):
    """Each field lists its first claims (achievements first, then the newest), says how many it has and how many
    of them are achievements, and the export carries them all."""
    monkeypatch.setattr(compare_screen, "PER_FIELD", 1)
    left, right = Side("광주광역시 광산구", 7), Side("광주광역시 서구", 8)
    app = make_app(seed_db, compare=(left, right))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        fields = screen.data["fields"]
        crowded = [f for f in fields if f["left_total"] > 1]
        assert crowded, "the seed comparison should have a field with several claims on the left"
        assert all(len(f["left_rows"]) <= 1 and len(f["right_rows"]) <= 1 for f in fields)
        table = screen.query_one(CompareTable)
        labels = {table.get_cell_at((r, 0)).plain.split(" ◀")[0].split(" ▶")[0]: table.get_cell_at((r, 1)).plain
                  for r in range(table.row_count) if table.get_cell_at((r, 1)).plain.endswith(("건", "표시)"))}
        field = crowded[0]
        assert labels[field["field"]].endswith(f"성과 {field['left_achievements']} / {field['left_total']}건 (위 1건 표시)")
        assert screen.data["left"]["claims"] == sum(f["left_total"] for f in fields)
        kind, everything, _ = screen.export_rows()
        full = everything()
        assert kind == "comparison"
        assert [len(f["left"]) for f in full["fields"]] == [f["left_total"] for f in fields]


def test_opening_an_article_uses_the_primary_key_by_id_and_by_prefix(seed_db):
    """Every statement get_article runs is served by an index (no scan of the articles table), for a whole id,
    a prefix in either case, an ambiguous prefix and an unknown id."""
    db = connect(seed_db)
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    assert get_article(db, ids[0]).id == ids[0]
    unique = next(p for n in range(1, 12) for p in [ids[1][:n]] if sum(i.startswith(p) for i in ids) == 1)
    assert get_article(db, unique.upper()).id == ids[1]
    assert get_article(db, "") is None and get_article(db, "zz-none") is None
    db.conn.set_trace_callback(None)
    ambiguous = [p for p in {i[:1] for i in ids} if sum(i.startswith(p) for i in ids) > 1]
    if ambiguous:
        assert get_article(db, ambiguous[0]) is None
    selects = {s for s in statements if s.lstrip().upper().startswith("SELECT")}
    assert selects
    for sql in selects:
        plan = " ".join(str(row[-1]) for row in db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SCAN articles" not in plan and ("PRIMARY KEY" in plan or "INDEX" in plan), (sql, plan)
    db.conn.close()


def test_a_review_finds_its_claim_by_key_by_id_and_by_prefix(seed_db):
    """resolve_claim (every review from the browser or the CLI) is an index lookup too, and prefixes still work."""
    db = connect(seed_db)
    ids = sorted({r[0] for r in db.execute("SELECT id FROM claims")})
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    assert resolve_claim(db, ids[0])[0] == ids[0]
    unique = next(p for n in range(1, 16) for p in [ids[1][:n]] if sum(i.startswith(p) for i in ids) == 1)
    assert resolve_claim(db, unique.upper())[0] == ids[1]
    with pytest.raises(ReviewError, match="no claim"):
        resolve_claim(db, "zz-none")
    db.conn.set_trace_callback(None)
    ambiguous = next(p for p in sorted({i[:1] for i in ids}) if sum(i.startswith(p) for i in ids) > 1)
    with pytest.raises(ReviewError, match="several"):
        resolve_claim(db, ambiguous)
    for sql in {s for s in statements if s.lstrip().upper().startswith("SELECT")}:
        plan = " ".join(str(row[-1]) for row in db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SCAN claims" not in plan, (sql, plan)
    db.conn.close()
