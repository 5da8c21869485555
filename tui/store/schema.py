"""Tables, indexes and migrations (PRAGMA user_version); plain SQLite that opens in Datasette."""

from __future__ import annotations

import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui.store.index import GRAMS_VERSION

if TYPE_CHECKING:
    from tui.store.db import Database

VERSION = 18


class SchemaError(Exception):
    """The file's schema cannot be used by this version."""


CLAIMS = """
CREATE TABLE IF NOT EXISTS claims (
    rid INTEGER PRIMARY KEY,  -- the row's number, which spans refer to (a declared key: VACUUM keeps it)
    id TEXT NOT NULL,         -- stable key: agency + normalised sentence
    article TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,   -- the claim's sentence: CLAIM_TEXT reads it from the article (zone says which text)
    agency TEXT,
    term INTEGER,
    program TEXT,
    status TEXT NOT NULL,
    category TEXT NOT NULL,
    speaker TEXT,
    kinds TEXT NOT NULL,      -- space-separated span kinds, for filtering
    published_key INTEGER NOT NULL DEFAULT 0,  -- the article's publication time, YYYYMMDDHHMMSS (0: undated), to order by
    zone TEXT NOT NULL DEFAULT 'body',  -- title, deck or body: title and deck offsets are into those texts
    class TEXT,               -- award record rank funding outcome activity policy context (NULL: not yet classed)
    echo INTEGER NOT NULL DEFAULT 0,    -- a title or deck claim whose values the body states too
    line TEXT,                -- the claim in one line: its values and what they count (NULL: made by read)
    UNIQUE (id, article)
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article, start);
"""

SPANS = """
CREATE TABLE IF NOT EXISTS spans (
    claim_rid INTEGER NOT NULL,  -- claims.rid of the claim the value belongs to
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    value_max REAL,
    unit TEXT,
    approx INTEGER NOT NULL DEFAULT 0,
    class TEXT,
    streak INTEGER            -- N of 'N년 연속' qualifying this award, rank or record
);
CREATE INDEX IF NOT EXISTS spans_claim ON spans(claim_rid);
CREATE INDEX IF NOT EXISTS spans_value ON spans(value, unit);
"""

SENTENCES = """
CREATE TABLE IF NOT EXISTS sentences (   -- schema 6 to 12: where each sentence of an article's body lies
    article TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
"""

TABLES = """
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,   -- what articles.source_id refers to (a declared key: VACUUM keeps it)
    file TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    encoding TEXT,
    ingested_at TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    skipped TEXT,  -- JSON: what was set aside and why
    fs_path BLOB   -- the file's path as the file system knows it, when file cannot spell it (not UTF-8)
);
CREATE INDEX IF NOT EXISTS sources_sha ON sources(sha256);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source_id INTEGER NOT NULL,  -- sources.id of the file it was read from (SOURCE_FILE gives the name)
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    deck TEXT,
    published TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    outlet TEXT,
    reporter TEXT,
    agency TEXT,
    agencies TEXT,   -- JSON list of every agency the article is about, main first
    term INTEGER,
    body_z BLOB NOT NULL,  -- the cleaned text, compressed (tui.store.textpack; SQL: unpack(body_z))
    raw_digest TEXT, -- the text as read (raw_texts), when it differs from the cleaned text
    flags TEXT,      -- JSON list of {code, message}
    captions TEXT,   -- JSON list
    url TEXT,
    search_first INTEGER,  -- the article's search rows: search_docs.rowid from search_first to search_last
    search_last INTEGER
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source_id);
CREATE INDEX IF NOT EXISTS articles_agency_term ON articles(agency, term);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS agencies (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    full_name TEXT NOT NULL UNIQUE,
    level TEXT NOT NULL,
    parent TEXT,
    aliases TEXT
);

CREATE TABLE IF NOT EXISTS heads (
    agency TEXT NOT NULL,
    term INTEGER NOT NULL,
    name TEXT NOT NULL,
    title TEXT,
    start TEXT,
    "end" TEXT
);
CREATE INDEX IF NOT EXISTS heads_agency ON heads(agency, term);

CREATE TABLE IF NOT EXISTS terms (
    term INTEGER PRIMARY KEY,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS programs (
    id TEXT PRIMARY KEY,
    agency TEXT,
    term INTEGER,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    category TEXT,
    related TEXT,    -- JSON list of program ids with near-identical names ("possibly the same")
    claims INTEGER NOT NULL DEFAULT 0,    -- counts refreshed at the end of each ingest
    articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS programs_agency_term ON programs(agency, term);

CREATE TABLE IF NOT EXISTS program_articles (
    program TEXT NOT NULL,
    article TEXT NOT NULL,
    PRIMARY KEY (program, article)
);
CREATE INDEX IF NOT EXISTS program_articles_article ON program_articles(article);


CREATE TABLE IF NOT EXISTS reviews (
    claim_key TEXT NOT NULL,
    state TEXT NOT NULL,
    note TEXT,
    at TEXT NOT NULL,
    sentence TEXT,   -- the claim's sentence when the review was made (kept if the claim disappears)
    agency TEXT
);
CREATE INDEX IF NOT EXISTS reviews_key ON reviews(claim_key, at);

CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""

RAW_TEXTS = """
CREATE TABLE IF NOT EXISTS raw_texts (   -- the texts as read, once each: a page of six articles is kept once
    digest TEXT PRIMARY KEY,     -- tui.store.textpack.digest of the text
    raw_z BLOB NOT NULL,         -- the text, compressed against its base article's body (textpack.pack_against)
    base TEXT                    -- that article (one of those read from the text; NULL: compressed alone)
);
"""
RAW_TEXTS_13 = """
CREATE TABLE IF NOT EXISTS raw_texts (digest TEXT PRIMARY KEY, raw_z BLOB NOT NULL);
"""
# A rowid table, not WITHOUT ROWID: its rows are a page's text (kilobytes), and a WITHOUT ROWID b-tree keeps at
# most about a quarter of a page of each row in place and the rest on overflow pages of their own, which left
# the table two thirds empty.

SEARCH_TABLE = """
CREATE TABLE IF NOT EXISTS search_docs (   -- the rows of the search index (see tui.store.index)
    rowid INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    sentence INTEGER NOT NULL,   -- -1 for the title (with the deck)
    start INTEGER,               -- where the sentence lies in the body (NULL for the title)
    "end" INTEGER,
    claim TEXT,                  -- the claim id when the sentence is a claim
    morphs TEXT                  -- kiwi content morphemes (the bigrams are derived from the stored text)
);
"""
SEARCH_INDEX = """
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(tokens, content='', columnsize=0, detail='none',
                                                         tokenize='unicode61');
"""
# Schema 13 and 14 also found an article's search rows by an index on the article (schema 15: by row numbers).
SEARCH_INDEX_14 = "CREATE INDEX IF NOT EXISTS search_docs_article ON search_docs(article, sentence);" + SEARCH_INDEX

# Schema 6 to 12's search rows and index: the sentences' offsets were in a table of their own (SENTENCES), and the
# index kept every token's position, to answer a word as a phrase of its bigrams (schema 13 checks the text).
SEARCH_TABLE_12 = """
CREATE TABLE IF NOT EXISTS search_docs (
    rowid INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    claim TEXT,
    morphs TEXT
);
CREATE INDEX IF NOT EXISTS search_docs_article ON search_docs(article);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(grams, morphs, content='', columnsize=0,
                                                         tokenize='unicode61');
"""

PROGRAM_VARIANTS = """
CREATE TABLE IF NOT EXISTS program_variants (   -- schema 6 to 16 (17 finds them in memory: store.write.ProgramNames)
    variant INTEGER NOT NULL,    -- a one-deletion variant of a program's key, hashed
    program TEXT NOT NULL,
    PRIMARY KEY (variant, program)
) WITHOUT ROWID;
"""


def _add_column(db: Database, table: str, column: str, kind: str) -> str:
    """Return the SQL adding a column unless the table already has it."""
    if column in db.columns(table):
        return ""
    return f"ALTER TABLE {table} ADD COLUMN {column} {kind};"


def _to_2(db: Database) -> str:
    """Return the SQL from schema 1 to 2: review snapshots, file-system paths (the search index and program
    variants come with schema 6)."""
    return (_add_column(db, "reviews", "sentence", "TEXT") + _add_column(db, "reviews", "agency", "TEXT")
            + _add_column(db, "sources", "fs_path", "BLOB"))


SUMMARY_TABLE = """
CREATE TABLE IF NOT EXISTS agency_terms (   -- articles and claims per agency and term, refreshed by ingest
    agency TEXT NOT NULL,
    term INTEGER,
    articles INTEGER NOT NULL,
    claims INTEGER NOT NULL
);
"""

# Schema 3's indexes for newest-first lists (dropped by schema 7: every list now puts achievements first).
DATE_ORDER = """
CREATE INDEX IF NOT EXISTS claims_order_all ON claims(published DESC, article, start);
CREATE INDEX IF NOT EXISTS claims_order_agency ON claims(agency, published DESC, article, start);
CREATE INDEX IF NOT EXISTS claims_order_term ON claims(agency, term, published DESC, article, start);
CREATE INDEX IF NOT EXISTS claims_order_program ON claims(program, published DESC, article, start);
"""

# Achievements first: the order of tui.models.CLASSES, unclassed claims last. Lists sort by it, then newest first.
CLASS_RANK = ("(CASE class WHEN 'award' THEN 0 WHEN 'record' THEN 1 WHEN 'rank' THEN 2 WHEN 'funding' THEN 3 "
              "WHEN 'outcome' THEN 4 WHEN 'activity' THEN 5 WHEN 'policy' THEN 6 WHEN 'context' THEN 7 ELSE 8 END)")
# Within a class, newest first, then in the order claims were stored (an article's claims in reading order): each
# index entry ends in the claim's rowid, so the order needs no article id or offset beside the time.
CLASS_ORDER = f"""
CREATE INDEX IF NOT EXISTS claims_class_all ON claims({CLASS_RANK}, published_key DESC);
CREATE INDEX IF NOT EXISTS claims_class_agency ON claims(agency, {CLASS_RANK}, published_key DESC);
CREATE INDEX IF NOT EXISTS claims_class_term ON claims(agency, term, {CLASS_RANK}, published_key DESC);
CREATE INDEX IF NOT EXISTS claims_class_program ON claims(program, {CLASS_RANK}, published_key DESC);
"""
CLAIM_ORDER = f"{CLASS_RANK.replace('class', 'c.class')}, c.published_key DESC, c.rowid"  # what the indexes serve
# The year and the year-month (YYYYMM) of a claim's published_key (YYYYMMDDHHMMSS, models.published_key).
CLAIM_YEAR = "(c.published_key / 10000000000)"
CLAIM_MONTH = "(c.published_key / 100000000)"
# A claim's sentence (claims c, articles a): its stretch of the title, the deck or the body it lies in.
CLAIM_TEXT = ("(CASE c.zone WHEN 'title' THEN substr(a.title, c.start + 1, c.\"end\" - c.start) "
              "WHEN 'deck' THEN substr(a.deck, c.start + 1, c.\"end\" - c.start) "
              "ELSE substr(unpack(a.body_z), c.start + 1, c.\"end\" - c.start) END)")

# The name of an article's file (articles a): each file's name is stored once, in sources.
SOURCE_FILE = "(SELECT s.file FROM sources s WHERE s.id = a.source_id)"

# Schema 5 to 9's indexes for the same order (replaced by schema 10's, a third of their size).
CLASS_ORDER_9 = f"""
CREATE INDEX IF NOT EXISTS claims_class_all ON claims({CLASS_RANK}, published DESC, article, start);
CREATE INDEX IF NOT EXISTS claims_class_agency ON claims(agency, {CLASS_RANK}, published DESC, article, start);
CREATE INDEX IF NOT EXISTS claims_class_term ON claims(agency, term, {CLASS_RANK}, published DESC, article, start);
CREATE INDEX IF NOT EXISTS claims_class_program ON claims(program, {CLASS_RANK}, published DESC, article, start);
"""

# Each side's figures for the comparison and the matrix (compare.live_side_figures), stored at the end of an
# ingest: the claims of a side are counted once, not each time it is compared. The writer puts an agency in
# stale_agencies when it changes the agency's claims; its stored figures are not read again until counted anew.
SIDE_FIGURES = """
CREATE TABLE IF NOT EXISTS side_figures (
    agency TEXT NOT NULL,
    term INTEGER NOT NULL,       -- 0: all terms
    figures BLOB NOT NULL,       -- JSON, packed (textpack)
    PRIMARY KEY (agency, term)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stale_agencies (agency TEXT PRIMARY KEY) WITHOUT ROWID;
"""

PROGRAM_COUNTS = """
CREATE INDEX IF NOT EXISTS programs_by_claims ON programs(agency, term, claims DESC, articles DESC);
"""

PROGRAM_REFRESH = """
UPDATE programs SET
    claims = (SELECT count(*) FROM claims c WHERE c.program = programs.id),
    articles = (SELECT count(*) FROM program_articles pa WHERE pa.program = programs.id);
"""

AGENCY_REFRESH = """
DELETE FROM agency_terms;
INSERT INTO agency_terms(agency, term, articles, claims)
SELECT agency, term, sum(articles), sum(claims) FROM (
    SELECT agency, term, count(*) AS articles, 0 AS claims FROM articles WHERE agency IS NOT NULL GROUP BY agency, term
    UNION ALL
    SELECT agency, term, 0, count(*) FROM claims WHERE agency IS NOT NULL GROUP BY agency, term
) GROUP BY agency, term;
"""

SUMMARY_REFRESH = PROGRAM_REFRESH + AGENCY_REFRESH  # run at the end of each ingest



def _to_3(db: Database) -> str:
    """Return the SQL from schema 2 to 3: indexes that serve the claim lists' order, and per-term counts."""
    return ("UPDATE claims SET published = '' WHERE published IS NULL;"
            "DROP INDEX IF EXISTS claims_agency_term; DROP INDEX IF EXISTS claims_program;"
            + DATE_ORDER + SUMMARY_TABLE + AGENCY_REFRESH)


def _to_4(db: Database) -> str:
    """Return the SQL from schema 3 to 4: claim and article counts kept on each program."""
    return (_add_column(db, "programs", "claims", "INTEGER NOT NULL DEFAULT 0")
            + _add_column(db, "programs", "articles", "INTEGER NOT NULL DEFAULT 0") + PROGRAM_COUNTS + PROGRAM_REFRESH)


def _to_5(db: Database) -> str:
    """Return the SQL from schema 4 to 5: claim zones (title, deck, body), classes, echoes, lines and streaks.

    Claims stored before keep a NULL class (shown as not classed) until their files are ingested again
    (`seonggwa ingest --rebuild`); reviews are untouched.
    """
    return (_add_column(db, "claims", "zone", "TEXT NOT NULL DEFAULT 'body'") + _add_column(db, "claims", "class", "TEXT")
            + _add_column(db, "claims", "echo", "INTEGER NOT NULL DEFAULT 0") + _add_column(db, "claims", "line", "TEXT")
            + _add_column(db, "spans", "class", "TEXT") + _add_column(db, "spans", "streak", "INTEGER") + CLASS_ORDER_9)


def _to_6(db: Database) -> str:
    """Return the SQL from schema 5 to 6: a smaller database. The search index keeps tokens only (its bigram
    text is derived from the stored text, not stored beside it), and the text is kept compressed: the raw text
    only where it differs from the cleaned body. The Python part of the step is _after_6."""
    script = ""
    if db.table_exists("search_docs"):
        script += ("DROP TRIGGER IF EXISTS search_docs_ai; DROP TRIGGER IF EXISTS search_docs_ad; "
                   "DROP TRIGGER IF EXISTS search_docs_au; DROP TABLE IF EXISTS search_docs_fts;"
                   "ALTER TABLE search_docs RENAME TO search_docs_v5; DROP INDEX IF EXISTS search_docs_article;")
    script += SEARCH_TABLE_12
    if db.table_exists("search_docs"):
        script += ("INSERT INTO search_docs(rowid, article, sentence, claim, morphs) "
                   "SELECT rowid, article, sentence, claim, morphs FROM search_docs_v5; DROP TABLE search_docs_v5;")
    # sentences and program variants are looked up by their key only: stored once, in key order
    script += ("ALTER TABLE sentences RENAME TO sentences_v5;" + SENTENCES
                + 'INSERT INTO sentences SELECT article, idx, start, "end" FROM sentences_v5;'
                "DROP TABLE sentences_v5;")
    if db.table_exists("program_variants"):
        script += ("ALTER TABLE program_variants RENAME TO program_variants_v5;"
                   "DROP INDEX IF EXISTS program_variants_variant; DROP INDEX IF EXISTS program_variants_program;"
                   + PROGRAM_VARIANTS + "INSERT OR IGNORE INTO program_variants SELECT variant, program "
                   "FROM program_variants_v5; DROP TABLE program_variants_v5;")
    else:
        script += PROGRAM_VARIANTS
    return script + _add_column(db, "articles", "raw_z", "BLOB") + _add_column(db, "articles", "body_z", "BLOB")


def _after_6(db: Database) -> None:
    """Compress the text (the raw text only where it differs from the body) and drop the plain copies."""
    from tui.store.textpack import pack

    columns = db.columns("articles")
    if "raw" in columns:
        rows = db.execute("SELECT id, raw FROM articles WHERE raw <> body").fetchall()
        db.conn.executemany("UPDATE articles SET raw_z = ? WHERE id = ?", [(pack(raw), i) for i, raw in rows])
    if "body" in columns:
        rows = db.execute("SELECT id, body FROM articles").fetchall()
        db.conn.executemany("UPDATE articles SET body_z = ? WHERE id = ?", [(pack(body), i) for i, body in rows])
    plain = {"raw", "body"} & set(columns)
    if plain:  # sqlite-utils rebuilds the table without them, indexes included, inside this transaction
        db.utils()["articles"].transform(drop=plain)
    # (the search index: _after_13 fills it on the way to every later schema; program variants are not stored
    # from schema 17)


def _to_7(db: Database) -> str:
    """Return the SQL from schema 6 to 7: every claim list puts achievements first, so the newest-first indexes
    go (a third of the claims' index space) and the list of every claim gets its own (it was sorted in full).
    Raw texts move to their own table, once each (_after_7)."""
    return ("DROP INDEX IF EXISTS claims_order_all; DROP INDEX IF EXISTS claims_order_agency;"
            "DROP INDEX IF EXISTS claims_order_term; DROP INDEX IF EXISTS claims_order_program;" + CLASS_ORDER_9
            + RAW_TEXTS_13 + _add_column(db, "articles", "raw_digest", "TEXT"))


def _after_7(db: Database) -> None:
    """Keep each raw text once (the articles of one page all kept the whole page)."""
    from tui.store.textpack import digest, unpack

    if "raw_z" not in db.columns("articles"):
        return
    rows = db.execute("SELECT id, raw_z FROM articles WHERE raw_z IS NOT NULL").fetchall()
    digests = [(digest(unpack(packed)), packed, i) for i, packed in rows]
    db.conn.executemany("INSERT OR IGNORE INTO raw_texts(digest, raw_z) VALUES (?,?)", [(d, p) for d, p, _ in digests])
    db.conn.executemany("UPDATE articles SET raw_digest = ? WHERE id = ?", [(d, i) for d, _, i in digests])
    db.utils()["articles"].transform(drop={"raw_z"})


def _to_8(db: Database) -> str:
    """Return the SQL from schema 7 to 8: the raw texts move to a rowid table (see RAW_TEXTS), half the space."""
    return "ALTER TABLE raw_texts RENAME TO raw_texts_v7;" + RAW_TEXTS_13 + (
        "INSERT INTO raw_texts(digest, raw_z) SELECT digest, raw_z FROM raw_texts_v7; DROP TABLE raw_texts_v7;")


def _to_9(db: Database) -> str:
    """Return the SQL from schema 8 to 9: sentences keep only where they lie; the agency and kind stored beside
    them were written at every ingest and read by nothing (3% of the file at 100k articles)."""
    return ("ALTER TABLE sentences RENAME TO sentences_v8;" + SENTENCES
            + 'INSERT INTO sentences SELECT article, idx, start, "end" FROM sentences_v8; DROP TABLE sentences_v8;')


def _to_10(db: Database) -> str:
    """Return the SQL from schema 9 to 10: a smaller file (a fifth less at 100k articles). Claims keep their
    article's publication time as one integer, and the four list-order indexes hold only it beside the class (the
    rowid breaks ties), not the time as text, the article id and the offset. Spans keep one index for both ways
    they are read (by article, by article and claim). A claim's sentence is read from its article (CLAIM_TEXT), not
    kept twice. Program variants were kept as hashes until schema 17 dropped them."""
    return ("DROP INDEX IF EXISTS claims_class_all; DROP INDEX IF EXISTS claims_class_agency;"
            "DROP INDEX IF EXISTS claims_class_term; DROP INDEX IF EXISTS claims_class_program;"
            + _add_column(db, "claims", "published_key", "INTEGER NOT NULL DEFAULT 0")
            + "UPDATE claims SET published_key = coalesce(published_key_of(published), 0);"
            "ALTER TABLE claims DROP COLUMN published; ALTER TABLE claims DROP COLUMN text;" + CLASS_ORDER
            + "DROP INDEX IF EXISTS spans_claim; DROP INDEX IF EXISTS spans_article;"
            "CREATE INDEX IF NOT EXISTS spans_article ON spans(article, claim);"
            "DROP TABLE program_variants;" + PROGRAM_VARIANTS)


def _to_11(db: Database) -> str:
    """Return the SQL from schema 10 to 11: a span refers to its claim by the claim's row number (claims.rid, an
    integer) instead of repeating the claim's id and its article's id, and one small index on that number serves
    where the wide index on both ids did (about a tenth of the file at 100k articles). Claims keep their row
    numbers, so the order lists break ties in stays the same."""
    claim_columns = ('id, article, sentence, start, "end", agency, term, program, status, category, speaker, kinds, '
                     "published_key, zone, class, echo, line")
    return ("DROP INDEX IF EXISTS claims_article; DROP INDEX IF EXISTS claims_class_all;"
            "DROP INDEX IF EXISTS claims_class_agency; DROP INDEX IF EXISTS claims_class_term;"
            "DROP INDEX IF EXISTS claims_class_program; DROP INDEX IF EXISTS spans_article;"
            "DROP INDEX IF EXISTS spans_claim; DROP INDEX IF EXISTS spans_value;"
            "ALTER TABLE claims RENAME TO claims_v10; ALTER TABLE spans RENAME TO spans_v10;" + CLAIMS
            + f"INSERT INTO claims(rid, {claim_columns}) SELECT rowid, {claim_columns} FROM claims_v10;" + SPANS
            + 'INSERT INTO spans(claim_rid, kind, start, "end", text, value, value_max, unit, approx, class, streak) '
            'SELECT c.rid, s.kind, s.start, s."end", s.text, s.value, s.value_max, s.unit, s.approx, s.class, '
            "s.streak FROM spans_v10 s JOIN claims c ON c.id = s.claim AND c.article = s.article ORDER BY s.rowid;"
            "DROP TABLE spans_v10; DROP TABLE claims_v10;" + CLASS_ORDER)


# every agency's stored figures are stale: counted from its claims until the next ingest counts them again
RECOUNT_FIGURES = "INSERT OR IGNORE INTO stale_agencies SELECT DISTINCT agency FROM claims WHERE agency IS NOT NULL;"


def _to_12(db: Database) -> str:
    """Return the SQL from schema 11 to 12: stored figures per side; every agency is counted at the next ingest
    and read from its claims until then."""
    return SIDE_FIGURES + RECOUNT_FIGURES


def _to_13(db: Database) -> str:
    """Return the SQL from schema 12 to 13: a smaller search index. The index keeps which rows hold each token,
    not where in them (detail=none, two fifths of its size): a word's bigrams find the rows that hold them all,
    and search checks the rows' text for the word itself. Each search row keeps where its sentence lies, so the
    sentences table goes. The index is filled again from the stored text (_after_13)."""
    return ("ALTER TABLE search_docs RENAME TO search_docs_v12; DROP TABLE IF EXISTS search_fts;" + SEARCH_TABLE
            + 'INSERT INTO search_docs(rowid, article, sentence, start, "end", claim, morphs) '
            'SELECT d.rowid, d.article, d.sentence, s.start, s."end", d.claim, d.morphs FROM search_docs_v12 d '
            "LEFT JOIN sentences s ON s.article = d.article AND s.idx = d.sentence AND d.sentence >= 0 "
            "ORDER BY d.rowid;"
            # sentences of articles stored before search existed, which had no search row
            'INSERT INTO search_docs(article, sentence, start, "end", claim, morphs) '
            'SELECT s.article, s.idx, s.start, s."end", (SELECT c.id FROM claims c WHERE c.article = s.article '
            "AND c.sentence = s.idx AND c.zone = 'body' LIMIT 1), '' FROM sentences s WHERE NOT EXISTS "
            "(SELECT 1 FROM search_docs_v12 d WHERE d.article = s.article AND d.sentence = s.idx) "
            "ORDER BY s.article, s.idx;"
            "DROP TABLE search_docs_v12; DROP TABLE sentences;" + SEARCH_INDEX_14)


def _after_13(db: Database) -> None:
    """Fill the search index again from the stored text."""
    from tui.store.index import rebuild

    rebuild(db.conn)


def _to_14(db: Database) -> str:
    """Return the SQL from schema 13 to 14: each page as read is compressed against the cleaned body of one of its
    articles (two thirds smaller; _after_14 packs them again)."""
    return "ALTER TABLE raw_texts ADD COLUMN base TEXT;"


def _after_14(db: Database) -> None:
    """Pack every page as read again against the body of its first article."""
    from tui.store.textpack import pack_against, unpack

    bases: dict[str, str] = {}
    by_file = "source_id" if "source_id" in db.columns("articles") else "source"  # (schema 16's SQL ran first)
    for article, raw in db.execute("SELECT id, raw_digest FROM articles WHERE raw_digest IS NOT NULL "
                                   f"ORDER BY {by_file}, position"):
        bases.setdefault(raw, article)
    for digest, packed in db.execute("SELECT digest, raw_z FROM raw_texts WHERE base IS NULL").fetchall():
        base = bases.get(digest)
        if base is None:  # no article reads it (kept by an older version): it stays as it is
            continue
        body = unpack(db.execute("SELECT body_z FROM articles WHERE id = ?", [base]).fetchone()[0])
        db.conn.execute("UPDATE raw_texts SET raw_z = ?, base = ? WHERE digest = ?",
                        [pack_against(unpack(packed), body), base, digest])


def _to_15(db: Database) -> str:
    """Return the SQL from schema 14 to 15: an article's search rows are found by their row numbers, which are
    consecutive and kept on the article, not by an index on the article (4% of the file at 100k articles);
    _after_15 sets them."""
    return (_add_column(db, "articles", "search_first", "INTEGER") + _add_column(db, "articles", "search_last", "INTEGER")
            + "DROP INDEX IF EXISTS search_docs_article;")


def _after_15(db: Database) -> None:
    """Keep on each article the first and last of its search rows, numbering the rows again (and indexing them
    again) where an article's rows are not consecutive, and giving a title row to an article that has none
    (stored before search existed)."""
    from tui.store.index import rebuild

    conn = db.conn
    titled = {r[0] for r in conn.execute("SELECT article FROM search_docs WHERE sentence < 0")}
    untitled = [(r[0],) for r in conn.execute("SELECT id FROM articles") if r[0] not in titled]
    spans = "SELECT article, min(rowid) AS f, max(rowid) AS l, count(*) AS n FROM search_docs GROUP BY article"
    if untitled or conn.execute(f"SELECT 1 FROM ({spans}) WHERE l - f + 1 <> n LIMIT 1").fetchone():
        conn.executemany("INSERT INTO search_docs(article, sentence, claim, morphs) VALUES (?, -1, NULL, '')",
                         untitled)
        columns = 'article, sentence, start, "end", claim, morphs'
        conn.execute("ALTER TABLE search_docs RENAME TO search_docs_v14")  # (one statement at a time: inside the
        # migration's transaction, which executescript would commit)
        conn.execute(SEARCH_TABLE.strip().rstrip(";"))
        conn.execute(f"INSERT INTO search_docs({columns}) SELECT {columns} FROM search_docs_v14 "
                     "ORDER BY min(rowid) OVER (PARTITION BY article), sentence")
        conn.execute("DROP TABLE search_docs_v14")
        rebuild(conn)
    conn.execute(f"UPDATE articles SET search_first = r.f, search_last = r.l FROM ({spans}) AS r "
                 "WHERE r.article = articles.id")


def _to_16(db: Database) -> str:
    """Return the SQL from schema 15 to 16: each file's name is stored once. Articles name their file by the
    sources table's integer key instead of repeating its path (with an index on it: 3% of the file at 100k
    articles, more where the folder's path is long). A file an article names that the sources table lacks gets a
    row, so that no article is lost."""
    columns = "file, sha256, bytes, encoding, ingested_at, articles, skipped, fs_path"
    return ("ALTER TABLE sources RENAME TO sources_v15; DROP INDEX IF EXISTS sources_sha;"
            + TABLES.split("CREATE TABLE IF NOT EXISTS articles")[0]
            + f"INSERT INTO sources({columns}) SELECT {columns} FROM sources_v15 ORDER BY rowid;"
            "INSERT INTO sources(file, sha256, bytes, ingested_at, articles) SELECT DISTINCT source, '', 0, '', 0 "
            "FROM articles WHERE source NOT IN (SELECT file FROM sources);"
            "DROP TABLE sources_v15;"
            + _add_column(db, "articles", "source_id", "INTEGER NOT NULL DEFAULT 0")
            + "UPDATE articles SET source_id = (SELECT s.id FROM sources s WHERE s.file = articles.source);"
            "DROP INDEX IF EXISTS articles_source; ALTER TABLE articles DROP COLUMN source;"
            "CREATE INDEX IF NOT EXISTS articles_source ON articles(source_id);")


def _to_17(db: Database) -> str:
    """Return the SQL from schema 16 to 17: program names' one-deletion variants are not stored (4% of the file at
    1k articles); ingest derives them from the programs table when it links near-identical names
    (store.write.ProgramNames)."""
    return "DROP TABLE IF EXISTS program_variants;"


def _to_18(db: Database) -> str:
    """Return the SQL from schema 17 to 18: a side's prizes count once per article and level (an article that
    states its prize again in a caption or a quote has one prize); every agency's stored figures are counted
    again at the next ingest and read from its claims until then."""
    return RECOUNT_FIGURES


# version reached → function returning the SQL that upgrades from the version before it (one transaction)
MIGRATIONS = {2: _to_2, 3: _to_3, 4: _to_4, 5: _to_5, 6: _to_6, 7: _to_7, 8: _to_8, 9: _to_9, 10: _to_10,
              11: _to_11, 12: _to_12, 13: _to_13, 14: _to_14, 15: _to_15, 16: _to_16,
              17: _to_17, 18: _to_18}
AFTER = {6: _after_6, 7: _after_7, 13: _after_13, 14: _after_14,
         15: _after_15}  # steps in Python, run in the same transaction after the SQL


def ensure(db: Database, path: Path | None = None) -> None:
    """Create the schema in a new database or migrate an older one (keeping a backup of the old file)."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > VERSION:
        raise SchemaError(
            f"{path}: made by a newer seonggwa (schema {version}, this version reads up to {VERSION}); "
            "upgrade seonggwa or use another --db"
        )
    has_tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    if version == 0 and has_tables and not db.table_exists("articles"):
        raise SchemaError(f"{path}: an SQLite database, but not a seonggwa one; use another --db")
    if version == VERSION:
        _check_grams(db)
        return
    if version and path is not None and path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        backup = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
        # said before the work: a large file takes a minute (100k articles: about 55 s), and the browser cannot
        # paint before it is done
        print(f"seonggwa: {path}: updating the database from schema {version} to {VERSION}; the old file is kept "
              f"as {backup.name} (a large file takes a minute)", file=sys.stderr, flush=True)
        shutil.copy2(path, backup)
    if version == 0:
        script = (TABLES + CLAIMS + SPANS + RAW_TEXTS + SEARCH_TABLE + SEARCH_INDEX  # the current schema
                  + SUMMARY_TABLE + PROGRAM_COUNTS + CLASS_ORDER + SIDE_FIGURES)
        steps = []
    else:
        script = "".join(MIGRATIONS[v](db) for v in range(version + 1, VERSION + 1) if v in MIGRATIONS)
        steps = [AFTER[v] for v in range(version + 1, VERSION + 1) if v in AFTER]
    db.conn.executescript("BEGIN;" + script)  # the transaction stays open for the Python steps
    try:
        for step in steps:
            step(db)
        db.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('grams', ?)", [str(GRAMS_VERSION)])
        db.conn.execute(f"PRAGMA user_version={VERSION}")
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    if steps:
        db.conn.execute("PRAGMA auto_vacuum=INCREMENTAL")  # takes effect with the VACUUM
        db.conn.execute("VACUUM")  # give back the space the old layout took
    elif version:
        db.conn.executescript("PRAGMA incremental_vacuum;")  # what the migration dropped (files of schema 6 on)


def _check_grams(db: Database) -> None:
    """Index the stored text again when the index was built with other bigrams than this version makes."""
    row = db.execute("SELECT value FROM meta WHERE key = 'grams'").fetchone()
    if row is not None and row[0] == str(GRAMS_VERSION):
        return
    from tui.store.index import rebuild

    db.conn.execute("BEGIN IMMEDIATE")
    try:
        rebuild(db.conn)
        db.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('grams', ?)", [str(GRAMS_VERSION)])
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
