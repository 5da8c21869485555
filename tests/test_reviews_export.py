"""Issue 6, reviews that survive re-ingest, rebuild and vanished claims; export and import round trips."""

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import seed
from ui_helpers import (
    to_schema_9,
    to_schema_10,
    to_schema_12,
    to_schema_13,
    to_schema_14,
    to_schema_15,
    to_schema_16,
)

from tui.cli import cli
from tui.ingest import ingest
from tui.store.schema import CLASS_RANK
from tui.store.textpack import unpack_or_null, unpack_raw


def run(db, *args):
    """Invoke the CLI on a database and return the result."""
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def first_claim(db, agency="서구") -> dict:
    return json.loads(run(db, "claims", "--agency", agency, "--json").stdout)[0]


def test_review_is_shown_in_claims_json(seed_copy):
    claim = first_claim(seed_copy)
    result = run(seed_copy, "review", claim["id"][:10], "disputed", "--note", "수상 연도 확인 필요")
    assert result.exit_code == 0
    again = [c for c in json.loads(run(seed_copy, "claims", "--json").stdout) if c["id"] == claim["id"]][0]
    assert again["review"]["state"] == "disputed" and again["review"]["note"] == "수상 연도 확인 필요"
    disputed = json.loads(run(seed_copy, "claims", "--review", "disputed", "--json").stdout)
    assert [c["id"] for c in disputed] == [claim["id"]]


def test_review_history_is_kept_not_overwritten(seed_copy):
    claim = first_claim(seed_copy)
    run(seed_copy, "review", claim["id"], "disputed", "--note", "first look")
    run(seed_copy, "review", claim["id"], "verified", "--note", "called the office")
    con = sqlite3.connect(seed_copy)
    states = [r[0] for r in con.execute("SELECT state FROM reviews WHERE claim_key = ? ORDER BY at", [claim["id"]])]
    assert states == ["disputed", "verified"]


def test_unknown_claim_and_bad_state_are_refused(seed_copy):
    assert run(seed_copy, "review", "zzzz", "verified").exit_code == 2
    assert run(seed_copy, "review", first_claim(seed_copy)["id"], "maybe").exit_code == 2


def test_reviews_survive_reingest_changed_file_and_rebuild(tmp_path):
    page = tmp_path / "page.txt"
    shutil.copy(seed("002"), page)
    db = tmp_path / "r.db"
    ingest(db, [page], jobs=1)
    claims = json.loads(run(db, "claims", "--json").stdout)
    kept, doomed = claims[0], next(c for c in claims if "2000여 건" in c["sentence"])
    run(db, "review", kept["id"], "verified", "--note", "원문 대조")
    run(db, "review", doomed["id"], "disputed")
    ingest(db, [page], jobs=1)                     # same file again: nothing changes
    ingest(db, [], jobs=1, rebuild=True)           # re-analysed in place
    text = page.read_text(encoding="utf-8").replace("2000여 건의 문자가", "많은 문자가")
    page.write_text(text + "\n", encoding="utf-8")
    ingest(db, [page], jobs=1)                     # a changed file replaces its articles
    after = {c["id"]: c for c in json.loads(run(db, "claims", "--json").stdout)}
    assert after[kept["id"]]["review"]["state"] == "verified"
    assert after[kept["id"]]["review"]["note"] == "원문 대조"
    assert doomed["id"] not in after
    orphaned = json.loads(run(db, "reviews", "list", "--orphaned", "--json").stdout)
    assert [r["claim_key"] for r in orphaned] == [doomed["id"]]
    assert "2000여 건" in orphaned[0]["sentence"] and orphaned[0]["orphaned"] is True


def test_reviews_export_and_import_between_databases(seed_copy, tmp_path):
    claim = first_claim(seed_copy)
    run(seed_copy, "review", claim["id"], "verified", "--note", "확인")
    out = tmp_path / "reviews.jsonl"
    assert run(seed_copy, "reviews", "export", str(out)).exit_code == 0
    other = tmp_path / "other.db"
    ingest(other, [seed("002")], jobs=1)
    result = run(other, "reviews", "import", str(out))
    assert result.exit_code == 0 and "1 review(s) added" in result.stderr
    again = run(other, "reviews", "import", str(out))
    assert "0 review(s) added, 1 already present" in again.stderr
    moved = first_claim(other)
    assert moved["id"] == claim["id"] and moved["review"]["state"] == "verified"


def test_import_rejects_a_bad_file(seed_copy, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"claim_key": "x", "state": "great"}\n', encoding="utf-8")
    result = run(seed_copy, "reviews", "import", str(bad))
    assert result.exit_code == 2 and "line 1" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_round_trip(seed_copy, fmt):
    claims = json.loads(run(seed_copy, "claims", "--agency", "광산구", "--json").stdout)
    run(seed_copy, "review", claims[0]["id"], "verified")
    text = run(seed_copy, "export", "--agency", "광산구", "--format", fmt).stdout
    records = json.loads(text) if fmt == "json" else list(csv.DictReader(io.StringIO(text)))
    assert [r["claim"] for r in records] == [c["id"] for c in claims]
    assert [r["sentence"] for r in records] == [c["sentence"] for c in claims]
    by_id = {r["claim"]: r for r in records}
    assert by_id[claims[0]["id"]]["review"] == "verified"
    for c in claims:
        record = by_id[c["id"]]
        assert record["title"] == c["title"] and record["source"] == c["source"]
        for s in c["spans"]:
            assert s["text"] in record["values"]


def test_export_markdown_to_a_file_and_a_comparison(seed_copy, tmp_path):
    out = tmp_path / "서구.md"
    result = run(seed_copy, "export", "--agency", "서구", "--format", "md", "-o", str(out))
    assert result.exit_code == 0 and str(out) in result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 광주광역시 서구") and "source:" in text and "review:" in text
    comparison = run(seed_copy, "export", "--compare", "광산구@7", "서구@8", "--format", "json").stdout
    assert json.loads(comparison)["right"]["label"] == "광주광역시 서구 · 민선 8기"


# the text as schemas before 6 kept it: plain, not compressed
PLAIN_TEXT = """
    ALTER TABLE articles ADD COLUMN body TEXT NOT NULL DEFAULT ''; UPDATE articles SET body = unpack(body_z);
    ALTER TABLE articles DROP COLUMN body_z;
"""


def test_old_schema_is_migrated_with_a_backup(seed_copy):
    con = sqlite3.connect(seed_copy)  # turn the file back into what schema 1 looked like
    con.create_function("unpack", 1, unpack_or_null)
    to_schema_9(con)
    con.executescript("""
        DROP TABLE search_fts; DROP TABLE search_docs; DROP TABLE program_variants; DROP TABLE agency_terms;
        {plain}
        ALTER TABLE articles ADD COLUMN raw TEXT NOT NULL DEFAULT ''; UPDATE articles SET raw = body;
        ALTER TABLE articles DROP COLUMN raw_digest; DROP TABLE raw_texts; DROP INDEX programs_by_claims;
        ALTER TABLE programs DROP COLUMN claims; ALTER TABLE programs DROP COLUMN articles;
        ALTER TABLE sources DROP COLUMN fs_path;
        CREATE INDEX claims_agency_term ON claims(agency, term, published);
        UPDATE claims SET published = NULL WHERE published = '';
        CREATE TABLE reviews_old AS SELECT claim_key, state, note, at FROM reviews;
        DROP TABLE reviews; ALTER TABLE reviews_old RENAME TO reviews;
        PRAGMA user_version = 1;
    """.replace("{plain}", PLAIN_TEXT))
    con.commit()
    con.close()
    result = run(seed_copy, "search", "지원금", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)
    backups = list(seed_copy.parent.glob("copy.db.v1-*.bak"))
    assert len(backups) == 1
    from tui.store.schema import VERSION

    assert sqlite3.connect(seed_copy).execute("PRAGMA user_version").fetchone()[0] == VERSION
    agencies = json.loads(run(seed_copy, "agencies", "--json").stdout)  # per-term counts rebuilt by the migration
    assert {a["full_name"] for a in agencies} >= {"광주광역시 광산구", "광주광역시 서구"}
    programs = json.loads(run(seed_copy, "programs", "--json").stdout)
    assert programs and programs[0]["claims"] >= 1  # program counts rebuilt too


V5_SEARCH = PLAIN_TEXT + """
    DROP TABLE search_fts; DELETE FROM meta WHERE key = 'grams';
    ALTER TABLE search_docs ADD COLUMN grams TEXT NOT NULL DEFAULT '';
    CREATE VIRTUAL TABLE search_docs_fts USING FTS5 (grams, morphs, content=[search_docs]);
    CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
      INSERT INTO search_docs_fts (rowid, grams, morphs) VALUES (new.rowid, new.grams, new.morphs); END;
    CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
      INSERT INTO search_docs_fts (search_docs_fts, rowid, grams, morphs)
      VALUES('delete', old.rowid, old.grams, old.morphs); END;
    ALTER TABLE articles ADD COLUMN raw TEXT NOT NULL DEFAULT '';
    UPDATE articles SET raw = body;
    UPDATE articles SET raw = 'as read: ' || body WHERE rowid = (SELECT min(rowid) FROM articles);
    ALTER TABLE articles DROP COLUMN raw_digest; DROP TABLE raw_texts;
    PRAGMA user_version = 5;
"""


def test_schema_5_is_migrated_to_the_smaller_layout(seed_copy):
    """A schema-5 file (bigram text stored beside an external-content index, raw text in plain) becomes the
    smaller layout: tokens-only index, raw text compressed where it differs; search, raw text and reviews hold."""
    from tui.store.index import bigrams

    claim = json.loads(run(seed_copy, "claims", "--json").stdout)[0]["id"]
    assert run(seed_copy, "review", claim, "disputed", "--note", "the figure is last year's").exit_code == 0
    before = json.loads(run(seed_copy, "search", "지원금", "--json").stdout)
    con = sqlite3.connect(seed_copy)
    con.create_function("unpack", 1, unpack_or_null)
    to_schema_9(con)
    con.executescript(V5_SEARCH)
    first = con.execute("SELECT id, raw FROM articles ORDER BY rowid LIMIT 1").fetchone()
    rows = con.execute('SELECT d.rowid, CASE WHEN d.sentence < 0 THEN a.title || \' \' || coalesce(a.deck, \'\') '
                       'ELSE substr(a.body, s.start + 1, s."end" - s.start) END FROM search_docs d '
                       "JOIN articles a ON a.id = d.article LEFT JOIN sentences s ON s.article = d.article "
                       "AND s.idx = d.sentence").fetchall()
    con.executemany("UPDATE search_docs SET grams = ? WHERE rowid = ?", [(bigrams(t), r) for r, t in rows])
    con.commit()
    con.close()

    after = json.loads(run(seed_copy, "search", "지원금", "--json").stdout)
    assert [(h["article"], h["sentence"]) for h in after] == [(h["article"], h["sentence"]) for h in before]
    con = sqlite3.connect(seed_copy)
    from tui.store.schema import VERSION

    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert "grams" not in [r[1] for r in con.execute("PRAGMA table_info(search_docs)")]
    assert not {"raw", "body", "raw_z"} & {r[1] for r in con.execute("PRAGMA table_info(articles)")}
    assert con.execute("SELECT count(*) FROM articles WHERE raw_digest IS NOT NULL").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM raw_texts").fetchone()[0] == 1
    assert run(seed_copy, "show", first[0], "--raw").stdout.startswith("as read: ")
    reviews = json.loads(run(seed_copy, "reviews", "list", "--json").stdout)
    assert [(r["claim_key"], r["state"], r["orphaned"]) for r in reviews] == [(claim, "disputed", False)]
    assert len(list(seed_copy.parent.glob("copy.db.v5-*.bak"))) == 1


V6_LAYOUT = """
    ALTER TABLE articles ADD COLUMN raw_z BLOB;
    UPDATE articles SET raw_z = (SELECT raw_z FROM raw_texts WHERE digest = articles.raw_digest);
    ALTER TABLE articles DROP COLUMN raw_digest; DROP TABLE raw_texts; DROP INDEX claims_class_all;
    CREATE INDEX claims_order_all ON claims(published DESC, article, start);
    CREATE INDEX claims_order_agency ON claims(agency, published DESC, article, start);
    PRAGMA user_version = 6;
"""


def test_schema_6_keeps_each_page_as_read_once_and_lists_every_claim_from_an_index(seed_copy):
    """Schema 6 kept the whole page as read with each of its articles, and indexed claims newest first; 7 keeps
    each page once and indexes every list achievements first. Raw text, lists and reviews hold."""
    claim = json.loads(run(seed_copy, "claims", "--json").stdout)[0]["id"]
    assert run(seed_copy, "review", claim, "verified").exit_code == 0
    con = sqlite3.connect(seed_copy)
    to_schema_9(con)
    con.executescript(V6_LAYOUT)
    pages = con.execute("SELECT count(*), count(DISTINCT raw_z) FROM articles WHERE raw_z IS NOT NULL").fetchone()
    some = con.execute("SELECT id FROM articles WHERE raw_z IS NOT NULL LIMIT 1").fetchone()[0]
    con.close()
    assert pages[0] > pages[1]  # the seeds hold a page of several articles
    raw_before = run(seed_copy, "show", some, "--raw").stdout  # (this opening migrates the file)

    con = sqlite3.connect(seed_copy)
    assert con.execute("SELECT count(*) FROM raw_texts").fetchone()[0] == pages[1]
    assert con.execute("SELECT count(*) FROM articles WHERE raw_digest IS NOT NULL").fetchone()[0] == pages[0]
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "claims_class_all" in indexes and not any(i.startswith("claims_order_") for i in indexes)
    plan = " ".join(r[3] for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM claims ORDER BY " + CLASS_RANK + ", published_key DESC, rowid"))
    con.close()
    assert "TEMP B-TREE" not in plan  # the list of every claim is read in order, not sorted
    assert raw_before and run(seed_copy, "show", some, "--raw").stdout == raw_before
    reviews = json.loads(run(seed_copy, "reviews", "list", "--json").stdout)
    assert [(r["claim_key"], r["state"], r["orphaned"]) for r in reviews] == [(claim, "verified", False)]


V7_LAYOUT = """
    ALTER TABLE raw_texts RENAME TO raw_texts_now;
    CREATE TABLE raw_texts (digest TEXT PRIMARY KEY, raw_z BLOB NOT NULL) WITHOUT ROWID;
    INSERT INTO raw_texts SELECT digest, raw_z FROM raw_texts_now; DROP TABLE raw_texts_now;
    PRAGMA user_version = 7;
"""


def test_schema_7_raw_texts_move_to_a_rowid_table_with_every_page_and_review(seed_copy):
    """Schema 7 kept the pages as read in a WITHOUT ROWID table, where rows of kilobytes spill onto overflow
    pages of their own; 8 keeps them in a rowid table. Every page as read and every review is kept."""
    claim = json.loads(run(seed_copy, "claims", "--json").stdout)[0]["id"]
    assert run(seed_copy, "review", claim, "disputed", "--note", "두 번 셌다").exit_code == 0
    con = sqlite3.connect(seed_copy)
    to_schema_9(con)
    con.executescript(V7_LAYOUT)
    before = {page: unpack_raw(packed, None) for page, packed in con.execute("SELECT digest, raw_z FROM raw_texts")}
    some = con.execute("SELECT id FROM articles WHERE raw_digest IS NOT NULL LIMIT 1").fetchone()[0]
    con.close()
    assert before
    raw = run(seed_copy, "show", some, "--raw").stdout  # (this opening migrates the file)

    con = sqlite3.connect(seed_copy)
    table = con.execute("SELECT sql FROM sqlite_master WHERE name = 'raw_texts'").fetchone()[0]
    assert "WITHOUT ROWID" not in table.upper()
    assert {page: unpack_raw(packed, base) for page, packed, base in con.execute(  # (packed against a body: 14)
        "SELECT r.digest, r.raw_z, b.body_z FROM raw_texts r LEFT JOIN articles b ON b.id = r.base")} == before
    from tui.store.schema import VERSION

    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    con.close()
    assert raw and run(seed_copy, "show", some, "--raw").stdout == raw
    reviews = json.loads(run(seed_copy, "reviews", "list", "--json").stdout)
    assert [(r["claim_key"], r["state"], r["note"]) for r in reviews] == [(claim, "disputed", "두 번 셌다")]
    assert len(list(seed_copy.parent.glob("copy.db.v7-*.bak"))) == 1


V8_LAYOUT = """
    ALTER TABLE sentences RENAME TO sentences_now;
    CREATE TABLE sentences (article TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL,
                            "end" INTEGER NOT NULL, agency TEXT, kind TEXT, PRIMARY KEY (article, idx)) WITHOUT ROWID;
    INSERT INTO sentences SELECT article, idx, start, "end", NULL, 'body' FROM sentences_now; DROP TABLE sentences_now;
    PRAGMA user_version = 8;
"""


def test_schema_8_sentences_lose_the_columns_nothing_read_and_keep_search_and_reviews(seed_copy):
    """Schema 8 stored each sentence's agency and kind, which nothing read; 9 keeps where each sentence lies.
    Every sentence, every search hit and every review is kept."""
    claim = json.loads(run(seed_copy, "claims", "--json").stdout)[0]["id"]
    assert run(seed_copy, "review", claim, "verified", "--note", "원문 확인").exit_code == 0
    hits = run(seed_copy, "search", "일자리", "--json").stdout
    con = sqlite3.connect(seed_copy)
    to_schema_9(con)
    con.executescript(V8_LAYOUT)
    before = con.execute('SELECT article, idx, start, "end" FROM sentences ORDER BY article, idx').fetchall()
    con.close()
    assert before and json.loads(hits)
    assert run(seed_copy, "search", "일자리", "--json").stdout == hits  # (this opening migrates the file)

    con = sqlite3.connect(seed_copy)  # (schema 13 keeps where each sentence lies in its search row)
    assert not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'sentences'").fetchone()
    assert con.execute('SELECT article, sentence, start, "end" FROM search_docs WHERE sentence >= 0 '
                       "ORDER BY article, sentence").fetchall() == before
    from tui.store.schema import VERSION

    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    con.close()
    reviews = json.loads(run(seed_copy, "reviews", "list", "--json").stdout)
    assert [(r["claim_key"], r["state"], r["note"]) for r in reviews] == [(claim, "verified", "원문 확인")]
    assert len(list(seed_copy.parent.glob("copy.db.v8-*.bak"))) == 1


def test_schema_9_becomes_the_smaller_layout_with_every_claim_its_sentence_order_and_review(seed_copy):
    """Schema 9 kept each claim's sentence and its article's time as text, four wide list-order indexes, two span
    indexes and program variants as text; 10 reads the sentence from the article and keeps the time as one
    integer. Claim lists (order, sentences, values), comparisons, search and reviews are the same after."""
    from tui.store.schema import VERSION

    claims = json.loads(run(seed_copy, "claims", "--json").stdout)
    assert run(seed_copy, "review", claims[0]["id"], "verified", "--note", "원문 대조").exit_code == 0
    claims = json.loads(run(seed_copy, "claims", "--json").stdout)
    compared = run(seed_copy, "compare", "광산구@7", "서구@8", "--format", "json").stdout
    hits = run(seed_copy, "search", "일자리", "--json").stdout
    assert json.loads(compared)["left"]["claims"] and json.loads(hits)
    con = sqlite3.connect(seed_copy)
    to_schema_9(con)
    old_texts = dict(con.execute("SELECT id || article, text FROM claims").fetchall())
    con.close()
    migrated = run(seed_copy, "claims", "--json")  # this opening migrates the file, and says so first
    assert json.loads(migrated.stdout) == claims
    assert "updating the database from schema 9" in migrated.stderr and ".v9-" in migrated.stderr
    assert {c["id"] + c["article"]: c["sentence"] for c in claims} == old_texts
    assert run(seed_copy, "compare", "광산구@7", "서구@8", "--format", "json").stdout == compared
    assert run(seed_copy, "search", "일자리", "--json").stdout == hits

    con = sqlite3.connect(seed_copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    columns = {r[1] for r in con.execute("PRAGMA table_info(claims)")}
    assert "published_key" in columns and not {"text", "published"} & columns
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "spans_article" not in indexes and {"spans_claim", "claims_class_term"} <= indexes  # (schema 11's)
    assert [r[2] for r in con.execute("PRAGMA index_info(spans_claim)")] == ["claim_rid"]
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()
    assert "program_variants" not in tables  # (kept as text by 9, hashed from 10, in memory from 17)
    assert len(list(seed_copy.parent.glob("copy.db.v9-*.bak"))) == 1


def test_schema_10_spans_refer_to_their_claims_row_and_every_list_comparison_search_and_review_stays(seed_copy):
    """Schema 10 kept each span's claim id and article id and a wide index on both; 11 keeps the claim's row number.
    Claim lists (order, values, corroboration), comparisons, prize filters, search and reviews are the same after,
    and re-ingesting the files after the migration keeps every span with its claim."""
    from tui.store.schema import VERSION

    claims = json.loads(run(seed_copy, "claims", "--json").stdout)
    assert run(seed_copy, "review", claims[0]["id"], "disputed", "--note", "출처 확인 필요").exit_code == 0
    outputs = [run(seed_copy, *args).stdout for args in (
        ("claims", "--json"), ("compare", "광산구@7", "서구@8", "--format", "json"), ("search", "일자리", "--json"),
        ("claims", "--kind", "award", "--json"))]
    con = sqlite3.connect(seed_copy)
    to_schema_10(con)
    spans_before = con.execute("SELECT count(*) FROM spans").fetchone()[0]
    con.close()
    migrated = run(seed_copy, "claims", "--json")  # this opening migrates the file, and says so first
    assert "updating the database from schema 10" in migrated.stderr and ".v10-" in migrated.stderr
    assert migrated.stdout == outputs[0]
    assert [run(seed_copy, *args).stdout for args in (
        ("compare", "광산구@7", "서구@8", "--format", "json"), ("search", "일자리", "--json"),
        ("claims", "--kind", "award", "--json"))] == outputs[1:]

    con = sqlite3.connect(seed_copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert [r[1] for r in con.execute("PRAGMA table_info(spans)")][:2] == ["claim_rid", "kind"]
    assert con.execute("SELECT count(*) FROM spans").fetchone()[0] == spans_before
    assert con.execute("SELECT count(*) FROM spans s LEFT JOIN claims c ON c.rid = s.claim_rid "
                       "WHERE c.rid IS NULL").fetchone()[0] == 0
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "spans_article" not in indexes and {"spans_claim", "spans_value", "claims_class_term"} <= indexes
    con.close()
    reviews = json.loads(run(seed_copy, "reviews", "list", "--json").stdout)
    assert [(r["claim_key"], r["state"]) for r in reviews] == [(claims[0]["id"], "disputed")]
    assert len(list(seed_copy.parent.glob("copy.db.v10-*.bak"))) == 1

    assert run(seed_copy, "ingest", "--rebuild").exit_code == 0  # every claim written again, with new row numbers
    assert run(seed_copy, "claims", "--json").stdout == outputs[0]
    con = sqlite3.connect(seed_copy)
    assert con.execute("SELECT count(*) FROM spans").fetchone()[0] == spans_before
    assert con.execute("SELECT count(*) FROM spans s LEFT JOIN claims c ON c.rid = s.claim_rid "
                       "WHERE c.rid IS NULL").fetchone()[0] == 0
    con.close()


def test_claims_are_ordered_by_their_articles_time_to_the_second():
    """The integer claims are ordered by sorts as the ISO times do, seconds included (two releases of one minute
    keep their order), an undated article last."""
    from tui.models import published_key

    times = ["2025-12-19T06:34:14", "2025-12-19T06:34:10+09:00", "2025-12-19", "2025-12", "2025", "",
             "2024-01-01T00:00:00.5"]
    assert sorted(times, key=published_key) == sorted(times)
    assert published_key("2025-12-19T06:34:14") > published_key("2025-12-19T06:34:10") > published_key(None) == 0
    assert published_key("2025-12-19 06:35") > published_key("2025-12-19T06:34:14")  # by time, whatever the separator


def test_the_browser_opens_an_article_without_reading_the_page_as_read(seed_copy):
    """The page as read is for `show --raw`; the browser's article pane reads the body only."""

    from tui.store.db import connect
    from tui.store.read import get_article
    from tui.ui.data import DataSource

    db = connect(seed_copy)
    some = db.execute("SELECT id FROM articles WHERE raw_digest IS NOT NULL LIMIT 1").fetchone()[0]
    full = get_article(db, some)
    assert full.raw and full.raw != full.body
    statements = []
    source = DataSource(Path(seed_copy))
    source.db()._db.conn.set_trace_callback(statements.append)  # the connection behind the shared reader
    article, _claims = source.article(some)
    assert article.body == full.body and article.raw == ""
    assert not any("raw_texts" in s for s in statements)


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_exports_and_article_lists_carry_the_source_address(seed_copy, fmt):
    url = "https://news.example.kr/article/123"
    with sqlite3.connect(seed_copy) as conn:
        conn.execute("UPDATE articles SET url = ?", [url])
    text = run(seed_copy, "export", "--agency", "광산구", "--format", fmt).stdout
    if fmt == "md":
        assert f"<{url}>" in text
    else:
        records = json.loads(text) if fmt == "json" else list(csv.DictReader(io.StringIO(text)))
        assert records and all(r["url"] == url for r in records)
    articles = json.loads(run(seed_copy, "articles", "--json").stdout)
    assert articles and all(a["url"] == url for a in articles)


def test_schema_12_search_index_without_positions_finds_the_same_and_keeps_every_sentence_and_review(seed_copy):
    """Schema 12 kept every token's position in the search index and the sentences' offsets in a table of their
    own; 13 keeps which rows hold each token, checks the rows' text for the words, and keeps each sentence's
    offsets in its search row. Every search (phrases, spacing, stems, one-letter words, exclusions, filters),
    every sentence and every review is the same after, and the file is smaller."""
    from tui.store.schema import VERSION

    claims = json.loads(run(seed_copy, "claims", "--json").stdout)
    assert run(seed_copy, "review", claims[0]["id"], "verified", "--note", "보도자료 대조").exit_code == 0
    queries = [("일자리",), ('"광주형 일자리"',), ("광주형일자리",), ("지원하다",), ("구",), ("복지 -청년",),
               ("전국 최초", "--kind", "first"), ("민선 8기",), ("agency:광산구", "일자리")]
    hits = [run(seed_copy, "search", *q, "--json", "--limit", "500").stdout for q in queries]
    assert all(json.loads(h) for h in hits)
    assert len(json.loads(hits[-1])) < len(json.loads(hits[0])) and json.loads(hits[5]) != json.loads(hits[0])
    con = sqlite3.connect(seed_copy)
    to_schema_12(con)
    before = con.execute('SELECT article, idx, start, "end" FROM sentences ORDER BY article, idx').fetchall()
    con.execute("VACUUM")
    con.close()
    size = seed_copy.stat().st_size
    migrated = run(seed_copy, "search", *queries[0], "--json", "--limit", "500")  # this opening migrates the file
    assert "updating the database from schema 12" in migrated.stderr and ".v12-" in migrated.stderr
    assert [migrated.stdout] + [run(seed_copy, "search", *q, "--json", "--limit", "500").stdout
                                for q in queries[1:]] == hits

    con = sqlite3.connect(seed_copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'sentences'").fetchone()
    assert con.execute('SELECT article, sentence, start, "end" FROM search_docs WHERE sentence >= 0 '
                       "ORDER BY article, sentence").fetchall() == before
    assert "detail='none'" in con.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").fetchone()[0]
    con.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
    con.close()
    assert seed_copy.stat().st_size < size
    reviews = json.loads(run(seed_copy, "reviews", "list", "--json").stdout)
    assert [(r["claim_key"], r["state"], r["note"]) for r in reviews] == [(claims[0]["id"], "verified", "보도자료 대조")]
    assert len(list(seed_copy.parent.glob("copy.db.v12-*.bak"))) == 1
    # a file ingested again after the migration leaves the index as it found it: no token of its old rows is left
    assert run(seed_copy, "ingest", "--rebuild").exit_code == 0
    assert [run(seed_copy, "search", *q, "--json", "--limit", "500").stdout for q in queries] == hits


def test_schema_13_pages_as_read_are_packed_against_an_articles_body_and_read_back_the_same(seed_copy):
    """Schema 13 packed each page as read alone; 14 packs it against the cleaned body of one of its articles (zlib's
    preset dictionary), a fraction of the bytes. Every page reads back as it was read; reviews are kept."""
    from tui.store.schema import VERSION

    claims = json.loads(run(seed_copy, "claims", "--json").stdout)
    assert run(seed_copy, "review", claims[0]["id"], "disputed", "--note", "원문과 다름").exit_code == 0
    con = sqlite3.connect(seed_copy)
    pages = [r[0] for r in con.execute("SELECT id FROM articles WHERE raw_digest IS NOT NULL")]
    con.close()
    raws = [run(seed_copy, "show", i, "--raw").stdout for i in pages]
    assert pages and all(raws)
    con = sqlite3.connect(seed_copy)
    to_schema_13(con)
    stored = con.execute("SELECT sum(length(raw_z)) FROM raw_texts").fetchone()[0]
    con.close()
    migrated = run(seed_copy, "show", pages[0], "--raw")  # (this opening migrates the file)
    assert "updating the database from schema 13" in migrated.stderr and migrated.stdout == raws[0]
    assert [run(seed_copy, "show", i, "--raw").stdout for i in pages] == raws

    con = sqlite3.connect(seed_copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert con.execute("SELECT count(*) FROM raw_texts WHERE base IS NULL").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM raw_texts r JOIN articles a ON a.id = r.base AND "
                       "a.raw_digest = r.digest").fetchone()[0] == con.execute("SELECT count(*) FROM raw_texts").fetchone()[0]
    assert con.execute("SELECT sum(length(raw_z)) FROM raw_texts").fetchone()[0] < stored / 2
    con.close()
    reviews = json.loads(run(seed_copy, "reviews", "list", "--json").stdout)
    assert [(r["claim_key"], r["state"], r["note"]) for r in reviews] == [(claims[0]["id"], "disputed", "원문과 다름")]
    assert len(list(seed_copy.parent.glob("copy.db.v13-*.bak"))) == 1


def test_schema_14_search_rows_are_found_by_the_row_numbers_each_article_keeps(seed_copy):
    """Schema 14 found an article's search rows by an index on the article; 15 keeps on each article the first and
    last of its rows, which are consecutive. Searches are the same after; an article ingested again leaves the
    index through those rows (none of its old tokens is left), and reviews are kept."""
    from tui.store.schema import VERSION

    claims = json.loads(run(seed_copy, "claims", "--json").stdout)
    assert run(seed_copy, "review", claims[0]["id"], "verified").exit_code == 0
    queries = [("일자리",), ('"광주형 일자리"',), ("지원하다",), ("구",), ("복지 -청년",)]
    hits = [run(seed_copy, "search", *q, "--json", "--limit", "500").stdout for q in queries]
    con = sqlite3.connect(seed_copy)
    to_schema_14(con)
    rows = con.execute("SELECT article, min(rowid), max(rowid) FROM search_docs GROUP BY article").fetchall()
    con.close()
    migrated = run(seed_copy, "search", *queries[0], "--json", "--limit", "500")  # (this opening migrates the file)
    assert "updating the database from schema 14" in migrated.stderr
    assert [migrated.stdout] + [run(seed_copy, "search", *q, "--json", "--limit", "500").stdout
                                for q in queries[1:]] == hits
    con = sqlite3.connect(seed_copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_docs_article'").fetchone()
    assert sorted(con.execute("SELECT id, search_first, search_last FROM articles").fetchall()) == sorted(rows)
    con.close()
    assert run(seed_copy, "ingest", "--rebuild").exit_code == 0
    assert [run(seed_copy, "search", *q, "--json", "--limit", "500").stdout for q in queries] == hits
    con = sqlite3.connect(seed_copy)
    con.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
    spans = con.execute("SELECT id, search_first, search_last FROM articles").fetchall()
    assert all(last - first + 1 == con.execute("SELECT count(*) FROM search_docs WHERE article = ?", [i]).fetchone()[0]
               for i, first, last in spans)
    con.close()
    reviews = json.loads(run(seed_copy, "reviews", "list", "--json").stdout)
    assert [(r["claim_key"], r["state"]) for r in reviews] == [(claims[0]["id"], "verified")]


def test_search_rows_numbered_apart_are_numbered_again_by_the_migration(seed_copy):
    """A file whose articles' search rows are not consecutive (rows added after an article's, as older versions
    did for articles stored before search existed) gets its rows numbered again and indexed again."""
    hits = run(seed_copy, "search", "일자리", "--json", "--limit", "500").stdout
    con = sqlite3.connect(seed_copy)
    to_schema_14(con)
    first = con.execute("SELECT article FROM search_docs ORDER BY rowid LIMIT 1").fetchone()[0]
    top = con.execute("SELECT max(rowid) FROM search_docs").fetchone()[0]
    con.execute("DROP TABLE search_fts")  # (the rows' tokens are indexed again by the migration)
    con.execute("CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='', columnsize=0, detail='none')")
    con.execute("UPDATE search_docs SET rowid = rowid + ? WHERE article = ? AND sentence >= 2", [top, first])
    con.commit()
    con.close()
    assert run(seed_copy, "search", "일자리", "--json", "--limit", "500").stdout == hits
    con = sqlite3.connect(seed_copy)
    last, first_row = con.execute("SELECT search_last, search_first FROM articles WHERE id = ?", [first]).fetchone()
    assert last - first_row + 1 == con.execute("SELECT count(*) FROM search_docs WHERE article = ?",
                                               [first]).fetchone()[0]
    con.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
    con.close()


def test_schema_15_articles_name_their_file_by_the_sources_key_and_everything_reads_the_same(seed_copy):
    """Schema 15 kept each file's name on every article read from it (and in an index); 16 keeps it once, in the
    sources table, which articles refer to by its integer key. Articles, their files, claims filtered by file,
    exports and reviews read the same after; a file read again replaces its own articles."""
    from tui.store.schema import VERSION

    claims = json.loads(run(seed_copy, "claims", "--json").stdout)
    assert run(seed_copy, "review", claims[0]["id"], "disputed", "--note", "숫자 확인").exit_code == 0
    source = json.loads(run(seed_copy, "articles", "--json").stdout)[0]["source"]
    reads = [("articles", "--json"), ("articles", "--source", source, "--json"),
             ("claims", "--source", Path(source).name, "--json"), ("show", claims[0]["article"], "--json"),
             ("export", "--format", "csv")]
    before = [run(seed_copy, *args).stdout for args in reads]
    con = sqlite3.connect(seed_copy)
    to_schema_15(con)
    con.close()
    migrated = run(seed_copy, *reads[0])  # (this opening migrates the file)
    assert "updating the database from schema 15" in migrated.stderr
    assert [migrated.stdout] + [run(seed_copy, *args).stdout for args in reads[1:]] == before
    con = sqlite3.connect(seed_copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert "source" not in [r[1] for r in con.execute("PRAGMA table_info(articles)")]
    assert con.execute("SELECT count(*) FROM articles WHERE source_id NOT IN (SELECT id FROM sources)").fetchone()[0] == 0
    con.close()
    assert run(seed_copy, "ingest", "--rebuild").exit_code == 0
    assert [run(seed_copy, *args).stdout for args in reads[1:4]] == before[1:4]
    review = [c for c in json.loads(run(seed_copy, "claims", "--json").stdout) if c["id"] == claims[0]["id"]]
    assert review and review[0]["review"]["state"] == "disputed"


def test_schema_16_program_variants_go_and_near_identical_programs_stay_linked(seed_copy):
    """Schema 16 stored every program name's one-deletion variants (hashed) to find near-identical names; 17 derives
    them when ingest links names. Programs and their 'possibly the same' lists read the same after, and a file read
    again is linked to the programs already stored."""
    from tui.store.schema import VERSION

    programs = run(seed_copy, "programs", "--json").stdout
    assert any(p["possibly_same"] for p in json.loads(programs))
    con = sqlite3.connect(seed_copy)
    to_schema_16(con)
    assert con.execute("SELECT count(*) FROM program_variants").fetchone()[0] > 0
    con.close()
    migrated = run(seed_copy, "programs", "--json")
    assert "updating the database from schema 16" in migrated.stderr and migrated.stdout == programs
    con = sqlite3.connect(seed_copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'program_variants'").fetchone()[0] == 0
    con.execute("UPDATE programs SET related = '[]'")  # (forget the links: the files read again make them)
    con.commit()
    con.close()
    assert run(seed_copy, "ingest", "--rebuild").exit_code == 0
    assert run(seed_copy, "programs", "--json").stdout == programs

