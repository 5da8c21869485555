"""Issue 12: headline and deck claims (marked, counted once), classes in the store and the command line, and the
schema 5 migration that keeps reviews."""

import json
import sqlite3

from ui_helpers import ingest_page, to_schema_9
from ui_helpers import run_cli as run

PAGE = """영암군, 국비 48억원 확보…전국 최초 ‘스마트 경로당’ 사업 선정

영암군은 행정안전부 공모사업에 선정돼 국비 48억원을 확보했다고 3일 밝혔다.
영암군은 이번 사업으로 경로당 40곳에 원격 진료 장비를 들여놓을 계획이다.
사업 설명회에는 주민 120명이 참석했다.

2025.03.03
김민수 기자
"""




def test_headline_claims_are_marked_and_counted_once(tmp_path):
    db = ingest_page(tmp_path, PAGE)
    claims = json.loads(run(db, "claims", "--json").stdout)
    title = [c for c in claims if c["zone"] == "title"]
    assert len(title) == 1
    spans = {s["text"]: s for s in title[0]["spans"]}
    assert spans["48억원"]["value"] == 4_800_000_000 and spans["전국 최초"]["kind"] == "first"
    assert not title[0]["echo"]  # the record is stated in the headline only
    body = [c for c in claims if c["zone"] == "body"]
    assert {s["text"] for c in body for s in c["spans"]} >= {"48억원", "40곳", "120명"}
    show = run(db, "show", title[0]["article"]).stdout
    assert show.startswith("영암군, 국비 48억원")


def test_a_headline_that_only_repeats_the_body_is_an_echo_left_out_of_comparisons(tmp_path):
    db = ingest_page(tmp_path, PAGE.replace("…전국 최초 ‘스마트 경로당’ 사업 선정", ""))
    claims = json.loads(run(db, "claims", "--json").stdout)
    (title,) = [c for c in claims if c["zone"] == "title"]
    assert title["echo"]
    comparison = json.loads(run(db, "compare", "영암군", "영암군", "--format", "json").stdout)
    assert comparison["left"]["claims"] == len(claims) - 1
    listed = [c["id"] for f in comparison["fields"] for c in f["left"]]
    assert title["id"] not in listed


def test_claims_carry_a_class_and_filter_by_it(tmp_path):
    db = ingest_page(tmp_path, PAGE)
    claims = json.loads(run(db, "claims", "--json").stdout)
    by_text = {s["text"]: s["class"] for c in claims if c["zone"] == "body" for s in c["spans"]}
    assert by_text["48억원"] == "funding" and by_text["120명"] == "activity"
    assert all(c["class"] for c in claims)
    funding = json.loads(run(db, "claims", "--class", "funding", "--json").stdout)
    assert funding and all(c["class"] == "funding" for c in funding)
    achievements = json.loads(run(db, "claims", "--class", "achievement", "--json").stdout)
    assert {c["class"] for c in achievements} <= {"award", "record", "rank", "funding", "outcome"}
    assert len(achievements) < len(claims)
    table = run(db, "claims").stdout
    assert "재원" in table and "[제목]" in table


def test_schema_4_database_is_migrated_keeping_reviews_and_classed_again_by_rebuild(tmp_path):
    db = ingest_page(tmp_path, PAGE)
    claim = json.loads(run(db, "claims", "--json").stdout)[0]
    assert run(db, "review", claim["id"], "verified", "--note", "확인함").exit_code == 0
    con = sqlite3.connect(db)
    to_schema_9(con)
    con.executescript("""
        DROP INDEX claims_class_all; DROP INDEX claims_class_agency; DROP INDEX claims_class_term;
        DROP INDEX claims_class_program;
        ALTER TABLE claims DROP COLUMN zone; ALTER TABLE claims DROP COLUMN class; ALTER TABLE claims DROP COLUMN echo;
        ALTER TABLE claims DROP COLUMN line;
        ALTER TABLE spans DROP COLUMN class; ALTER TABLE spans DROP COLUMN streak;
        PRAGMA user_version = 4;
    """)
    con.commit()
    con.close()
    migrated = json.loads(run(db, "claims", "--json").stdout)
    assert {c["class"] for c in migrated} == {None}  # not classed until the files are read again
    assert all(c["line"] for c in migrated)  # lines are made from the stored spans meanwhile
    assert list(tmp_path.glob("t.db.v4-*.bak"))
    assert run(db, "ingest", "--rebuild").exit_code == 0
    rebuilt = {c["id"]: c for c in json.loads(run(db, "claims", "--json").stdout)}
    assert all(c["class"] for c in rebuilt.values())
    assert rebuilt[claim["id"]]["review"]["state"] == "verified"


def test_class_counts_read_the_class_index_alone(tmp_path):
    """Counting a place's claims by class walks a claims_class_* index in its order (grouped by the class's rank,
    the expression the index holds: no sort of the claims), and gives the same counts as grouping by class."""
    from tui.store.db import connect
    from tui.store.read import ClaimFilter, _where, class_counts
    db = connect(ingest_page(tmp_path, PAGE))
    agency = db.execute("SELECT agency FROM claims WHERE agency IS NOT NULL LIMIT 1").fetchone()[0]
    for f in (ClaimFilter(), ClaimFilter(agency=agency)):
        where, params = _where(f, None)
        expected = dict(db.execute(f"SELECT c.class, count(*) FROM claims c{where} GROUP BY c.class", params))
        statements = []
        db.conn.set_trace_callback(statements.append)
        assert class_counts(db, f) == expected and sum(expected.values()) > 0
        db.conn.set_trace_callback(None)
        sql = next(s for s in statements if "count(*)" in s)  # as run, with its parameters in place
        plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "INDEX claims_class_" in plan and "TEMP B-TREE" not in plan


def test_a_headline_that_says_nothing_of_its_time_takes_the_tense_of_the_body_that_states_it(tmp_path):
    """‘…신입생 4만 1000명에 교복비 125억 지원’ is verbless: the body's sentence stating the same sum says whether it
    is paid or to be paid. A headline with words of its own time keeps them (…확보 is achieved)."""
    page = """대구교육청, 신입생 4만 1000명에 교복비 125억 지원

대구시교육청은 2026학년도 중·고등학교 신입생 4만 1000명에게 교복비 125억원을 지원할 계획이라고 3일 밝혔다.

2026.01.03
김민수 기자
"""
    db = ingest_page(tmp_path, page)
    claims = json.loads(run(db, "claims", "--json").stdout)
    (title,) = [c for c in claims if c["zone"] == "title"]
    (body,) = [c for c in claims if c["zone"] == "body"]
    assert body["status"] == "planned" and title["status"] == "planned"
    (tmp_path / "b").mkdir()
    db2 = ingest_page(tmp_path / "b", PAGE)
    (secured,) = [c for c in json.loads(run(db2, "claims", "--json").stdout) if c["zone"] == "title"]
    assert secured["status"] == "achieved"

