"""Which rules analysed a database: a digest of the analysis code and the data it reads (word lists, the program
model, the gazetteer), recorded when a database's every source is analysed by them (a first build, or `ingest
--rebuild`), so that a database analysed by earlier rules says so instead of showing their results as today's."""

from __future__ import annotations

import hashlib
import sqlite3
from functools import lru_cache
from pathlib import Path

from tui.paths import data_dir

META_KEY = "rules"
# what the analysis reads: its code, and every table and model in data/ (the bundled articles are not rules)
CODE = ("pipeline", "claimline.py", "figures.py", "models.py")
DATA_SUFFIXES = (".csv", ".json")


@lru_cache(maxsize=1)
def rules_version() -> str:
    """Return a short digest of the analysis code and its data files (read once per process, a few ms)."""
    package = Path(__file__).resolve().parent
    files: list[Path] = []
    for name in CODE:
        path = package / name
        files += sorted(path.glob("*.py")) if path.is_dir() else [path]
    files += sorted(p for p in data_dir().iterdir() if p.suffix in DATA_SUFFIXES)
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def stored_rules(db) -> str | None:
    """Return the rules recorded for a database (None: analysed before rules were recorded, or never)."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key = ?", [META_KEY]).fetchone()
    except sqlite3.OperationalError:
        return None  # a database older than its meta table, opened read-only and not migrated
    return row[0] if row else None


def record_rules(conn) -> None:
    """Record that every source of the database was analysed by the current rules."""
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [META_KEY, rules_version()])


def analysed_by_other_rules(db) -> bool:
    """Return True when the database holds sources analysed by other rules than the current ones."""
    has_sources = db.execute("SELECT 1 FROM sources LIMIT 1").fetchone() is not None
    return has_sources and stored_rules(db) != rules_version()


OUTDATED_HINT = ("The articles were analysed by earlier rules; `seonggwa ingest --rebuild` analyses them again with "
                 "these (reviews stay attached).")
