"""Issue 14: each side's comparison figures are counted at ingest and read back, never stale.

The comparison and the matrix read a side's summary, its field counts and the row numbers of its first claims per
field from side_figures; an agency whose claims changed is in stale_agencies until the end of the ingest counts it
again, and meanwhile its figures are counted from its claims."""

import json
import shutil
import sqlite3

from click.testing import CliRunner
from conftest import SEEDS
from ui_helpers import to_schema_11

from tui.cli import cli
from tui.ingest import ingest
from tui.models import Side
from tui.store import compare as cmp
from tui.store.db import connect


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def sides_of(db) -> list[Side]:
    """Every side of the database: each agency with claims, all its terms and each term."""
    out = []
    for (agency,) in db.execute("SELECT DISTINCT agency FROM claims WHERE agency IS NOT NULL ORDER BY agency"):
        terms = [r[0] for r in db.execute("SELECT DISTINCT term FROM claims WHERE agency = ? AND term IS NOT NULL "
                                          "ORDER BY term", [agency])]
        out += [Side(agency, None)] + [Side(agency, t) for t in terms]
    return out


def store_all(path) -> None:
    """Count and store the figures of every agency of a database again (with the test's STORED_FROM)."""
    from tui.store import write

    db = connect(path)
    db.conn.execute("INSERT OR IGNORE INTO stale_agencies SELECT DISTINCT agency FROM claims WHERE agency IS NOT NULL")
    db.conn.commit()
    write.refresh_summaries(db)
    db.conn.close()


def assert_stored_equals_live(path) -> int:
    """Check every side's stored figures against those counted now (a side of fewer than STORED_FROM claims has
    none stored); return how many sides were checked."""
    db = connect(path, readonly=True)
    try:
        assert db.execute("SELECT count(*) FROM stale_agencies").fetchone()[0] == 0
        sides = sides_of(db)
        assert sides
        for side in sides:
            row = db.execute("SELECT figures FROM side_figures WHERE agency = ? AND term = ?",
                             [side.agency, side.term or 0]).fetchone()
            live = cmp.live_side_figures(db, side)
            assert (row is not None) == (live["summary"]["claims"] >= cmp.STORED_FROM), side
            assert cmp.side_figures(db, side) == json.loads(json.dumps(live)), side
            for per_field in (1, 3):  # fewer claims per field: the first of the stored ones
                assert cmp.side_figures(db, side, per_field) == json.loads(json.dumps(
                    cmp.live_side_figures(db, side, per_field))), (side, per_field)
        return len(sides)
    finally:
        db.conn.close()


def test_ingest_stores_every_sides_figures_and_they_equal_a_count_from_the_claims(seed_db, seed_copy, monkeypatch):
    assert assert_stored_equals_live(seed_db) >= 5  # the seeds' sides are small: none stored, all counted live
    monkeypatch.setattr(cmp, "STORED_FROM", 0)
    store_all(seed_copy)
    assert assert_stored_equals_live(seed_copy) >= 5  # every side stored
    db = connect(seed_copy, readonly=True)
    left, right = cmp.Side("광주광역시 광산구", 7), cmp.Side("광주광역시 서구", 8)
    order = cmp.field_order(db)
    stored = cmp.compare(db, left, right, order, per_field=50)
    everything = cmp.compare(db, left, right, order)  # no cap: always counted from the claims
    assert stored["left"] == everything["left"] and stored["right"] == everything["right"]
    assert [f["left"] for f in stored["fields"]] == [f["left"] for f in everything["fields"]]  # fewer than 50 each
    db.conn.close()


def test_a_stale_agency_is_counted_from_its_claims_and_counted_again_at_the_next_ingest(seed_copy, monkeypatch):
    monkeypatch.setattr(cmp, "STORED_FROM", 0)
    store_all(seed_copy)
    con = sqlite3.connect(seed_copy)
    agency = "광주광역시 광산구"
    wrong = json.dumps({"summary": {"claims": -1}, "fields": {}})
    from tui.store.textpack import pack

    con.execute("UPDATE side_figures SET figures = ? WHERE agency = ?", [pack(wrong), agency])
    con.commit()
    db = connect(seed_copy, readonly=True)
    assert cmp.side_figures(db, Side(agency, 7))["summary"]["claims"] == -1  # what is stored is what is read
    db.conn.close()
    con.execute("INSERT INTO stale_agencies VALUES (?)", [agency])
    con.commit()
    db = connect(seed_copy, readonly=True)
    assert cmp.side_figures(db, Side(agency, 7)) == cmp.live_side_figures(db, Side(agency, 7))
    compared = json.loads(run(seed_copy, "compare", "광산구@7", "서구@8", "--format", "json").stdout)
    assert compared["left"]["claims"] > 0
    db.conn.close()
    con.close()
    assert run(seed_copy, "ingest", str(SEEDS)).exit_code == 0  # nothing new, yet the stale agency is counted
    assert_stored_equals_live(seed_copy)


def test_a_changed_file_makes_its_agencies_stale_until_the_ingest_ends(tmp_path, monkeypatch):
    """Re-ingesting a changed file replaces its claims: the agencies they belonged to and now belong to are
    counted again (a cut page loses claims), and an agency whose claims all went has no stored figures left."""
    monkeypatch.setattr(cmp, "STORED_FROM", 0)
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    path = tmp_path / "db.sqlite"
    ingest(path, [corpus], jobs=1)
    assert_stored_equals_live(path)
    con = sqlite3.connect(path)
    before = dict(con.execute("SELECT agency || '@' || term, figures FROM side_figures"))
    source = con.execute("SELECT file FROM sources ORDER BY file LIMIT 1").fetchone()[0]
    agencies = {r[0] for r in con.execute("SELECT DISTINCT c.agency FROM claims c JOIN articles a ON a.id = "
                                          "c.article JOIN sources s ON s.id = a.source_id WHERE s.file = ? AND c.agency IS NOT NULL",
                                          [source])}
    con.close()
    assert agencies
    changed = next(p for p in corpus.iterdir() if p.name == source or str(p).endswith(source))
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text[: len(text) // 3], encoding="utf-8")  # a third of the page is left
    ingest(path, [corpus], jobs=1)
    assert_stored_equals_live(path)
    con = sqlite3.connect(path)
    after = dict(con.execute("SELECT agency || '@' || term, figures FROM side_figures"))
    left = {r[0] for r in con.execute("SELECT DISTINCT agency FROM claims WHERE agency IS NOT NULL")}
    con.close()
    assert after != before
    assert not any(key.split("@")[0] in agencies - left for key in after)


def test_schema_11_is_migrated_and_compares_the_same_before_and_after_the_next_ingest(seed_copy, monkeypatch):
    from tui.store.schema import VERSION

    monkeypatch.setattr(cmp, "STORED_FROM", 0)

    outputs = [run(seed_copy, *args).stdout for args in (
        ("compare", "광산구@7", "서구@8", "--format", "json"), ("compare", "광주광역시/*@8", "--format", "json"))]
    con = sqlite3.connect(seed_copy)
    to_schema_11(con)
    con.close()
    migrated = run(seed_copy, "compare", "광산구@7", "서구@8", "--format", "json")
    assert "updating the database from schema 11" in migrated.stderr
    assert migrated.stdout == outputs[0]
    con = sqlite3.connect(seed_copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert con.execute("SELECT count(*) FROM stale_agencies").fetchone()[0] > 0  # counted from the claims for now
    con.close()
    assert run(seed_copy, "ingest", str(SEEDS)).exit_code == 0
    assert assert_stored_equals_live(seed_copy)
    assert [run(seed_copy, *args).stdout for args in (
        ("compare", "광산구@7", "서구@8", "--format", "json"), ("compare", "광주광역시/*@8", "--format", "json"))] \
        == outputs


def test_a_prize_an_article_states_again_is_one_prize(tmp_path):
    """A release that states its prize in the headline, the body, a quote and the caption has one prize of its
    level in the side's figures; a second release of another prize is a second."""
    import csv

    first = ("광산구, 복지 우수기관 보건복지부 장관 표창", "광산구는 복지 평가에서 우수기관으로 선정돼 보건복지부 장관 표창을 받았다고 "
             "밝혔다.\n구청장은 “이번 표창은 주민과 함께 만든 결과”라고 말했다.\n사진설명: 보건복지부 장관 표창을 받은 직원들.")
    second = ("광산구, 안전 분야 행정안전부 장관상 수상", "광산구는 안전문화 평가에서 행정안전부 장관상을 수상했다고 밝혔다.")
    path = tmp_path / "releases.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "title", "content", "original_link", "source", "published_at"])
        for i, (title, content) in enumerate((first, second)):
            out.writerow([i, title, content, f"https://www.example.go.kr/view?n={i}", "광주광역시 광산구",
                          "2025-12-1" + str(i + 1)])
    ingest(tmp_path / "p.db", [path], jobs=1)
    db = connect(tmp_path / "p.db")
    side = Side("광주광역시 광산구", None)
    assert db.execute("SELECT count(*) FROM claims WHERE class = 'award'").fetchone()[0] >= 4
    summary = cmp.side_summary(db, side, cmp._side_claims(db, side))
    assert summary["awards"]["장관"] == 2
    assert summary["awards_by_year"] == [{"year": "2025", "awards": 2}]
    assert cmp.side_summary(db, side)["awards"] == summary["awards"]  # as stored at ingest
