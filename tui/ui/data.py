"""The interface's access to the database: one connection per thread, read helpers shaped for the panes."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from tui.store import read
from tui.store.db import StoreError, connect


@dataclass
class NavAgency:
    """An agency in the navigation tree with its terms."""

    full_name: str
    name: str
    level: str
    parent: str | None
    terms: list[dict] = field(default_factory=list)

    @property
    def claims(self) -> int:
        """Return the agency's claim count over all terms."""
        return sum(t["claims"] for t in self.terms)


class DataSource:
    """Opens the database lazily in each thread that uses it (SQLite connections stay in their thread)."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self.readonly = readonly

    def db(self):
        """Return this thread's connection, falling back to read-only when the file cannot be written."""
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                db = connect(self.path, readonly=self.readonly, create=False)
            except StoreError as err:
                if self.readonly or "no such database" in str(err) or "not an SQLite" in str(err) \
                        or "newer seonggwa" in str(err) or "damaged" in str(err):
                    raise
                self.readonly = True  # an unwritable file or medium: browse it read-only
                db = connect(self.path, readonly=True)
            self._local.db = db
        return db

    def reopen(self) -> None:
        """Drop this thread's connection (after the file changed underneath)."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.conn.close()
            self._local.db = None

    # ------------------------------------------------------------------ navigation
    def nav(self, everything: bool = False) -> list[NavAgency]:
        """Return agencies (with data, or all) with their terms, for the navigation tree."""
        rows = read.agency_rows(self.db(), everything)
        return [NavAgency(r["full_name"], r["name"], r["level"], r["parent"], r["terms"]) for r in rows]

    def programs(self, agency: str, term: int | None, limit: int = 300) -> list[dict]:
        """Return the programs of an agency in a term, most claims first."""
        return read.program_rows(self.db(), agency, term, limit=limit)

    # ------------------------------------------------------------------ claims
    def count(self, f: read.ClaimFilter) -> int:
        """Return how many claims match."""
        return read.count_claims(self.db(), f)

    def page(self, f: read.ClaimFilter, offset: int, limit: int) -> list[dict]:
        """Return one page of claim rows."""
        return read.claim_rows(self.db(), f, limit=limit, offset=offset)

    # ------------------------------------------------------------------ articles
    def article(self, article_id: str):
        """Return (article, claims in reading order), or (None, [])."""
        article = read.get_article(self.db(), article_id)
        if article is None:
            return None, []
        return article, read.article_claims(self.db(), article.id)

    def change_stamp(self) -> tuple:
        """Return a value that changes when another process ingests files (cheap: the sources table is small)."""
        return tuple(self.db().execute("SELECT count(*), max(ingested_at), sum(articles) FROM sources").fetchone())
