"""Tables, indexes and migrations (PRAGMA user_version); plain SQLite that opens in Datasette."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

VERSION = 1


class SchemaError(Exception):
    """The file's schema cannot be used by this version."""


TABLES = """
CREATE TABLE IF NOT EXISTS sources (
    file TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    encoding TEXT,
    ingested_at TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    skipped TEXT  -- JSON: what was set aside and why
);
CREATE INDEX IF NOT EXISTS sources_sha ON sources(sha256);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
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
    body TEXT NOT NULL,
    raw TEXT NOT NULL,
    flags TEXT,      -- JSON list of {code, message}
    captions TEXT,   -- JSON list
    url TEXT
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE INDEX IF NOT EXISTS articles_agency_term ON articles(agency, term);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS sentences (
    article TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    agency TEXT,
    kind TEXT,
    PRIMARY KEY (article, idx)
);

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
    related TEXT     -- JSON list of program ids with near-identical names ("possibly the same")
);
CREATE INDEX IF NOT EXISTS programs_agency_term ON programs(agency, term);

CREATE TABLE IF NOT EXISTS program_articles (
    program TEXT NOT NULL,
    article TEXT NOT NULL,
    PRIMARY KEY (program, article)
);
CREATE INDEX IF NOT EXISTS program_articles_article ON program_articles(article);

CREATE TABLE IF NOT EXISTS claims (
    id TEXT NOT NULL,         -- stable key: agency + normalised sentence
    article TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    agency TEXT,
    term INTEGER,
    program TEXT,
    status TEXT NOT NULL,
    category TEXT NOT NULL,
    speaker TEXT,
    kinds TEXT NOT NULL,      -- space-separated span kinds, for filtering
    published TEXT,
    PRIMARY KEY (id, article)
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article, start);
CREATE INDEX IF NOT EXISTS claims_agency_term ON claims(agency, term, published);
CREATE INDEX IF NOT EXISTS claims_program ON claims(program);

CREATE TABLE IF NOT EXISTS spans (
    claim TEXT NOT NULL,
    article TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    value_max REAL,
    unit TEXT,
    approx INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS spans_claim ON spans(claim, article);
CREATE INDEX IF NOT EXISTS spans_article ON spans(article, start);
CREATE INDEX IF NOT EXISTS spans_value ON spans(value, unit);

CREATE TABLE IF NOT EXISTS reviews (
    claim_key TEXT NOT NULL,
    state TEXT NOT NULL,
    note TEXT,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_key ON reviews(claim_key, at);

CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""

MIGRATIONS: dict[int, str] = {}  # version reached → SQL that upgrades from the version before it


def ensure(db: sqlite_utils.Database, path: Path | None = None) -> None:
    """Create the schema in a new database or migrate an older one (keeping a backup of the old file)."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > VERSION:
        raise SchemaError(
            f"{path}: made by a newer seonggwa (schema {version}, this version reads up to {VERSION}); "
            "upgrade seonggwa or use another --db"
        )
    has_tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    if version == 0 and has_tables and not db["articles"].exists():
        raise SchemaError(f"{path}: an SQLite database, but not a seonggwa one; use another --db")
    if version == VERSION:
        return
    if version and path is not None and path.exists():
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        shutil.copy2(path, path.with_name(f"{path.name}.v{version}-{stamp}.bak"))
    db.conn.executescript("BEGIN;" + TABLES + "".join(
        MIGRATIONS[v] for v in range(version + 1, VERSION + 1) if v in MIGRATIONS
    ) + f"PRAGMA user_version={VERSION}; COMMIT;")
