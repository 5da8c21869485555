"""Helpers for tests: settle workers, read what a widget shows, run the command line, ingest a page of text."""

from __future__ import annotations


async def settle(pilot, rounds: int = 3) -> None:
    """Wait until no worker is running and the screen has refreshed (never a fixed sleep).

    Exclusive workers cancel the ones they replace; a cancelled worker is not a failure here, and a failed one
    is reported by the app as a notice (which tests check), not raised.
    """
    from textual.worker import WorkerCancelled, WorkerFailed

    for _ in range(rounds):
        while True:
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except (WorkerCancelled, WorkerFailed):
                continue
        await pilot.pause()


def static_text(widget) -> str:
    """Return the plain text a Static shows."""
    content = widget.render()
    return getattr(content, "plain", str(content))


def visible_rows(claim_list) -> list[dict]:
    """Return the loaded rows of a claim list."""
    return [r for page in sorted(claim_list.pages) for r in claim_list.pages[page]]


async def run_from_palette(pilot, text: str) -> None:
    """Open the command palette, type text, wait for its (threaded) search, and run the first entry."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    await settle(pilot)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


def run_cli(db, *args):
    """Invoke the command line on a database and return the result (exceptions raised, not caught)."""
    from click.testing import CliRunner

    from tui.cli import cli

    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def ingest_page(tmp_path, text: str, name: str = "page.txt", db_name: str = "t.db"):
    """Write text as a page, ingest it into a database under tmp_path, and return the database's path."""
    from tui.ingest import ingest

    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    db = tmp_path / db_name
    ingest(db, [page], jobs=1)
    return db


def first_screen_imports(db, packages: set[str], preload: str = "") -> dict:
    """Open the browser on a database in a fresh interpreter, wait for its first screen, and return
    {"loaded": the given top-level packages it imported, "screen": the screen's class name}."""
    import json
    import subprocess
    import sys

    script = f"""
import asyncio, json, sys
{preload}
from tui.ui.app import make_app
async def main():
    app = make_app({str(db)!r})
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = type(app.screen).__name__
    loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({sorted(packages)!r}))
    print(json.dumps({{"loaded": loaded, "screen": screen}}))
asyncio.run(main())
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# A file of the current schema turned back into schema 10's layout: spans named their claim by its id and its
# article's id, and claims had no declared row number.
CLAIM_COLUMNS = ('id, article, sentence, start, "end", agency, term, program, status, category, speaker, kinds, '
                 "published_key, zone, class, echo, line")
SCHEMA_10 = f"""
    DROP INDEX claims_article; DROP INDEX claims_class_all; DROP INDEX claims_class_agency;
    DROP INDEX claims_class_term; DROP INDEX claims_class_program; DROP INDEX spans_claim; DROP INDEX spans_value;
    ALTER TABLE claims RENAME TO claims_v11; ALTER TABLE spans RENAME TO spans_v11;
    CREATE TABLE claims (id TEXT NOT NULL, article TEXT NOT NULL, sentence INTEGER NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, agency TEXT, term INTEGER, program TEXT, status TEXT NOT NULL, category TEXT NOT NULL,
        speaker TEXT, kinds TEXT NOT NULL, published_key INTEGER NOT NULL DEFAULT 0, zone TEXT NOT NULL DEFAULT 'body',
        class TEXT, echo INTEGER NOT NULL DEFAULT 0, line TEXT, PRIMARY KEY (id, article));
    INSERT INTO claims(rowid, {CLAIM_COLUMNS}) SELECT rid, {CLAIM_COLUMNS} FROM claims_v11;
    CREATE TABLE spans (claim TEXT NOT NULL, article TEXT NOT NULL, kind TEXT NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text TEXT NOT NULL, value REAL, value_max REAL, unit TEXT,
        approx INTEGER NOT NULL DEFAULT 0, class TEXT, streak INTEGER);
    INSERT INTO spans SELECT c.id, c.article, s.kind, s.start, s."end", s.text, s.value, s.value_max, s.unit,
        s.approx, s.class, s.streak FROM spans_v11 s JOIN claims_v11 c ON c.rid = s.claim_rid ORDER BY s.rowid;
    DROP TABLE spans_v11; DROP TABLE claims_v11;
    CREATE INDEX claims_article ON claims(article, start);
    CREATE INDEX spans_article ON spans(article, claim); CREATE INDEX spans_value ON spans(value, unit);
"""


# A file of schema 12 turned back into schema 11: no figures stored per side.
SCHEMA_11 = "DROP TABLE side_figures; DROP TABLE stale_agencies;"


SCHEMA_15 = """
    ALTER TABLE articles ADD COLUMN source TEXT NOT NULL DEFAULT '';
    UPDATE articles SET source = (SELECT s.file FROM sources s WHERE s.id = articles.source_id);
    DROP INDEX articles_source; ALTER TABLE articles DROP COLUMN source_id;
    CREATE INDEX articles_source ON articles(source);
    ALTER TABLE sources RENAME TO sources_v16; DROP INDEX sources_sha;
    CREATE TABLE sources (file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, encoding TEXT,
        ingested_at TEXT NOT NULL, articles INTEGER NOT NULL DEFAULT 0, skipped TEXT, fs_path BLOB);
    INSERT INTO sources SELECT file, sha256, bytes, encoding, ingested_at, articles, skipped, fs_path FROM sources_v16
        ORDER BY id;
    DROP TABLE sources_v16; CREATE INDEX sources_sha ON sources(sha256);
"""


def variant_hashes(name: str) -> set[int]:
    """Return a program name's one-deletion variants as schema 10 to 16 stored them: 63-bit integers."""
    import hashlib

    from tui.models import program_variants

    return {int.from_bytes(hashlib.blake2b(v.encode(), digest_size=8).digest(), "big") >> 1
            for v in program_variants(name)}


def store_variants(con, variants) -> None:
    """Fill the program_variants table of schemas 6 to 16 from the programs (variants: a name → its variants)."""
    con.executemany("INSERT OR IGNORE INTO program_variants(variant, program) VALUES (?,?)",
                    [(v, pid) for pid, name in con.execute("SELECT id, name FROM programs").fetchall()
                     for v in variants(name)])


def to_schema_16(con) -> None:
    """Turn an open connection's file of the current schema back into schema 16: every program name's one-deletion
    variants stored, hashed."""
    from tui.store.schema import PROGRAM_VARIANTS

    con.executescript(PROGRAM_VARIANTS)
    store_variants(con, variant_hashes)
    con.execute("PRAGMA user_version = 16")
    con.commit()


def to_schema_15(con) -> None:
    """Turn an open connection's file of the current schema back into schema 15: each article repeats its file's
    name, the sources table's key."""
    to_schema_16(con)
    con.executescript(SCHEMA_15)
    con.execute("PRAGMA user_version = 15")
    con.commit()


def to_schema_14(con) -> None:
    """Turn an open connection's file of the current schema back into schema 14: an index on the search rows'
    article, and no row numbers kept on the articles."""
    import sqlite_utils

    to_schema_15(con)
    sqlite_utils.Database(con)["articles"].transform(drop={"search_first", "search_last"})
    con.execute("CREATE INDEX search_docs_article ON search_docs(article, sentence)")
    con.execute("PRAGMA user_version = 14")
    con.commit()


def to_schema_13(con) -> None:
    """Turn an open connection's file of the current schema back into schema 13: each page as read packed alone."""
    from tui.store.schema import RAW_TEXTS_13
    from tui.store.textpack import pack, unpack_raw

    to_schema_14(con)
    rows = con.execute("SELECT r.digest, r.raw_z, b.body_z FROM raw_texts r "
                       "LEFT JOIN articles b ON b.id = r.base").fetchall()
    con.executemany("UPDATE raw_texts SET raw_z = ? WHERE digest = ?",
                    [(pack(unpack_raw(packed, base)), page) for page, packed, base in rows])
    con.executescript("ALTER TABLE raw_texts RENAME TO raw_texts_v14;" + RAW_TEXTS_13
                      + "INSERT INTO raw_texts SELECT digest, raw_z FROM raw_texts_v14; DROP TABLE raw_texts_v14;")
    con.execute("PRAGMA user_version = 13")
    con.commit()


def to_schema_12(con) -> None:
    """Turn an open connection's file of the current schema back into schema 12: the sentences' offsets in a table
    of their own, and a search index that keeps the tokens' positions in two columns (bigrams, morphemes)."""
    from tui.store.index import bigrams, title_text
    from tui.store.schema import SEARCH_TABLE_12, SENTENCES
    from tui.store.textpack import unpack

    to_schema_13(con)
    con.executescript("DROP TABLE search_fts; ALTER TABLE search_docs RENAME TO search_docs_v13;"
                      "DROP INDEX search_docs_article;" + SENTENCES + SEARCH_TABLE_12
                      + 'INSERT INTO sentences SELECT article, sentence, start, "end" FROM search_docs_v13 '
                      "WHERE sentence >= 0;"
                      "INSERT INTO search_docs(rowid, article, sentence, claim, morphs) "
                      "SELECT rowid, article, sentence, claim, morphs FROM search_docs_v13;"
                      "DROP TABLE search_docs_v13;")
    rows = []
    for rowid, sentence, morphs, title, deck, packed, start, end in con.execute(
            'SELECT d.rowid, d.sentence, d.morphs, a.title, a.deck, a.body_z, s.start, s."end" FROM search_docs d '
            "JOIN articles a ON a.id = d.article LEFT JOIN sentences s ON s.article = d.article "
            "AND s.idx = d.sentence"):
        text = title_text(title, deck) if sentence < 0 else unpack(packed)[start:end]
        rows.append((rowid, bigrams(text), morphs or ""))
    con.executemany("INSERT INTO search_fts(rowid, grams, morphs) VALUES (?,?,?)", rows)
    con.execute("PRAGMA user_version = 12")
    con.commit()


def to_schema_11(con) -> None:
    """Turn an open connection's file of the current schema back into schema 11."""
    to_schema_12(con)
    con.executescript(SCHEMA_11)
    con.execute("PRAGMA user_version = 11")
    con.commit()


def to_schema_10(con) -> None:
    """Turn an open connection's file of the current schema back into schema 10."""
    from tui.store.schema import CLASS_ORDER

    to_schema_12(con)
    con.executescript(SCHEMA_11 + SCHEMA_10 + CLASS_ORDER)
    con.execute("PRAGMA user_version = 10")
    con.commit()


# A file of schema 10 turned back into schema 9's layout (the steps of older layouts start from it):
# claims kept their sentence and their article's publication time as text, four wider list-order indexes, spans had two indexes,
# program variants were kept as text.
SCHEMA_9 = """
    DROP INDEX claims_class_all; DROP INDEX claims_class_agency; DROP INDEX claims_class_term;
    DROP INDEX claims_class_program;
    ALTER TABLE claims ADD COLUMN published TEXT;
    UPDATE claims SET published = coalesce((SELECT a.published FROM articles a WHERE a.id = claims.article), '');
    ALTER TABLE claims DROP COLUMN published_key;
    ALTER TABLE claims ADD COLUMN text TEXT NOT NULL DEFAULT '';
    UPDATE claims SET text = (SELECT CASE claims.zone WHEN 'title' THEN substr(a.title, claims.start + 1, claims."end"
        - claims.start) WHEN 'deck' THEN substr(a.deck, claims.start + 1, claims."end" - claims.start)
        ELSE substr(unpack(a.body_z), claims.start + 1, claims."end" - claims.start) END
        FROM articles a WHERE a.id = claims.article);
    CREATE INDEX claims_class_all ON claims({rank}, published DESC, article, start);
    CREATE INDEX claims_class_agency ON claims(agency, {rank}, published DESC, article, start);
    CREATE INDEX claims_class_term ON claims(agency, term, {rank}, published DESC, article, start);
    CREATE INDEX claims_class_program ON claims(program, {rank}, published DESC, article, start);
    DROP INDEX spans_article;
    CREATE INDEX spans_claim ON spans(claim, article); CREATE INDEX spans_article ON spans(article, start);
    DROP TABLE program_variants;
    CREATE TABLE program_variants (variant TEXT NOT NULL, program TEXT NOT NULL, PRIMARY KEY (variant, program))
        WITHOUT ROWID;
""".replace("{rank}", "(CASE class WHEN 'award' THEN 0 WHEN 'record' THEN 1 WHEN 'rank' THEN 2 WHEN 'funding' "
            "THEN 3 WHEN 'outcome' THEN 4 WHEN 'activity' THEN 5 WHEN 'policy' THEN 6 WHEN 'context' THEN 7 "
            "ELSE 8 END)")


def to_schema_9(con) -> None:
    """Turn an open connection's file of the current schema back into schema 9 (program variants as text)."""
    from tui.models import program_variants
    from tui.store.textpack import unpack_or_null

    to_schema_10(con)
    con.create_function("unpack", 1, unpack_or_null)
    con.executescript(SCHEMA_9)
    store_variants(con, program_variants)
    con.execute("PRAGMA user_version = 9")
    con.commit()
