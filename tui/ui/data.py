"""The interface's access to the database: one connection per thread, read helpers shaped for the panes."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from tui.store import read
from tui.store.db import Database, StoreError, connect

UNATTRIBUTED_CAP = 10_000  # the tree shows the claims of articles no government is in up to this, then 10000+


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


class _Rows:
    """A finished query's rows (the shared connection is free again as soon as they are read)."""

    def __init__(self, description, rows: list) -> None:
        self.description = description
        self.rows = rows

    def fetchone(self):
        """Return the first row, or None."""
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list:
        """Return every row."""
        return self.rows

    def __iter__(self):
        return iter(self.rows)


class _SharedReader:
    """One connection shared by the interface's worker threads, one statement at a time."""

    def __init__(self, db, lock: threading.Lock) -> None:
        self._db, self._lock = db, lock

    def execute(self, sql: str, params=()) -> _Rows:
        """Run a statement and return its rows, holding the connection only while it runs."""
        with self._lock:
            cursor = self._db.conn.execute(sql, params)
            return _Rows(cursor.description, cursor.fetchall())

    table_exists = Database.table_exists  # through this reader's execute


class ReadAhead:
    """What a screen will ask for, read before it is asked (a comparison while its second side rests highlighted in
    the picker): each result is taken once, by the screen that asks for the same thing, and forgotten after KEEP
    seconds or when the interface writes (a review), so a later change to the database is read afresh."""

    KEEP = 10.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict = {}  # key → (when it was started, set when read, [the result])

    def begin(self, key) -> tuple[threading.Event, list] | None:
        """Claim a key to read ahead: return (done, box) to put the result in and set, or None when that key is
        being read or was read already."""
        with self._lock:
            now = time.monotonic()
            self._items = {k: v for k, v in self._items.items() if now - v[0] < self.KEEP}
            if key in self._items:
                return None
            done, box = threading.Event(), []
            self._items[key] = (now, done, box)
            return done, box

    def clear(self) -> None:
        """Forget everything read ahead (the database is about to change)."""
        with self._lock:
            self._items = {}

    def take(self, key, wait: float = 2.0):
        """Return the result read ahead for a key (waiting up to `wait` seconds while it is being read) and forget
        it, or None when there is none (or its read failed)."""
        with self._lock:
            item = self._items.pop(key, None)
        if item is None or time.monotonic() - item[0] >= self.KEEP:
            return None
        item[1].wait(wait)
        return item[2][0] if item[2] else None


class DataSource:
    """The database as the interface reads it: one connection opened on first use, shared by worker threads
    (statements are serialised; each is short), read-only when the file cannot be written. Writes (reviews)
    open their own short-lived connection."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._lock = threading.Lock()
        self._open_lock = threading.Lock()
        self._reader: _SharedReader | None = None
        self._stamp: tuple | None = None  # the last change stamp, and the data_version it was read at
        self._stamp_version: int | None = None
        self.ahead = ReadAhead()  # results read before a screen asks for them

    def db(self) -> _SharedReader:
        """Return the shared reader, opening the database on first use."""
        if self._reader is None:
            with self._open_lock:
                if self._reader is None:
                    self._reader = _SharedReader(self._connect(self.readonly), self._lock)
        return self._reader

    def _connect(self, readonly: bool):
        """Open the file (falling back to read-only on an unwritable file or medium)."""
        try:
            return connect(self.path, readonly=readonly, create=False)
        except StoreError as err:
            if readonly or not err.unwritable:
                raise
            self.readonly = True
            return connect(self.path, readonly=True)

    def writer(self):
        """Return a new connection for a write (the caller closes it); what was read ahead is forgotten."""
        self.ahead.clear()
        return connect(self.path, readonly=self.readonly, create=False)

    # ------------------------------------------------------------------ navigation
    def nav(self, everything: bool = False) -> list[NavAgency]:
        """Return agencies (with data, or all) with their terms, for the navigation tree."""
        rows = read.agency_rows(self.db(), everything)
        return [NavAgency(r["full_name"], r["name"], r["level"], r["parent"], r["terms"]) for r in rows]

    def unattributed(self, cap: int = UNATTRIBUTED_CAP) -> str:
        """Return how many claims belong to articles no government is the subject of, as the tree shows it ("" for
        none, "10000+" beyond `cap`): the tree is read before the first frame, so the count walks an index and stops
        at `cap` at any size."""
        sql = "SELECT count(*) FROM (SELECT 1 FROM claims WHERE agency IS NULL LIMIT ?)"
        n = self.db().execute(sql, [cap]).fetchone()[0]
        return "" if not n else f"{n}+" if n >= cap else str(n)

    def programs(self, agency: str, term: int | None, limit: int = 300) -> list[dict]:
        """Return the programs of an agency in a term, most claims first."""
        return read.program_rows(self.db(), agency, term, limit=limit)

    # ------------------------------------------------------------------ claims
    def count(self, f: read.ClaimFilter) -> int:
        """Return how many claims match."""
        return read.count_claims(self.db(), f)

    def class_counts(self, f: read.ClaimFilter) -> dict[str, int]:
        """Return how many claims of a filter there are of each class."""
        return read.class_counts(self.db(), f)

    def monthly(self, f: read.ClaimFilter) -> list[tuple[str, int]]:
        """Return claims per month of a filter."""
        return read.monthly_counts(self.db(), f)

    def page(self, f: read.ClaimFilter, offset: int, limit: int) -> list[dict]:
        """Return one page of claim rows."""
        return read.claim_rows(self.db(), f, limit=limit, offset=offset)

    # ------------------------------------------------------------------ articles
    def article(self, article_id: str):
        """Return (article, claims in reading order), or (None, [])."""
        article = read.get_article(self.db(), article_id, with_raw=False)
        if article is None:
            return None, []
        return article, read.article_claims(self.db(), article.id)

    def close(self) -> None:
        """Close the shared connection."""
        if self._reader is not None:
            self._reader._db.conn.close()
            self._reader = None
        self._stamp = None  # a new connection counts data_version afresh

    def change_stamp(self) -> tuple:
        """Return a value that changes when another process ingests files: the newest row of the sources table
        (every ingest of a file, a new one or one read again, inserts its row last) and when it was written. It is
        read again only when another connection has committed since the last look (SQLite's PRAGMA data_version),
        and it is one step down the table's rowid b-tree: the count and sums it replaced were a scan of every
        source (30 ms at 100k files, 0.8 s from a cold disk at the first look) holding the shared connection."""
        version = self.db().execute("PRAGMA data_version").fetchone()[0]
        if self._stamp is None or version != self._stamp_version:
            self._stamp_version = version
            row = self.db().execute("SELECT rowid, ingested_at FROM sources ORDER BY rowid DESC LIMIT 1").fetchone()
            self._stamp = tuple(row) if row else ()
        return self._stamp
