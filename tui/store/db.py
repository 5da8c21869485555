"""Opening the database: the only sqlite3.connect, WAL, schema checks and clear errors for bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.models import published_key
from tui.store import schema
from tui.store.index import row_matches
from tui.store.textpack import unpack_or_null


class StoreError(Exception):
    """A database that cannot be used; the message says why in one line. `unwritable` marks the errors of a
    file that could still be opened read-only (an unwritable file or medium), so a reader can fall back."""

    def __init__(self, message: str, unwritable: bool = False) -> None:
        super().__init__(message)
        self.unwritable = unwritable


class Database:
    """A SQLite connection with what the store needs.

    sqlite-utils (which takes a tenth of a second to import) is loaded only to migrate the schema, so the
    browser can paint its first screen without it. Every connection can call unpack(blob) in SQL, to read the
    compressed text columns (tui.store.textpack), and search_keeps(…) to check a search's words in a row the
    index found (tui.store.index.row_matches).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.memo: dict[str, object] = {}  # what a writer derives from the tables and keeps (store.write.ProgramNames)
        conn.create_function("unpack", 1, unpack_or_null, deterministic=True)
        conn.create_function("published_key_of", 1, published_key, deterministic=True)
        conn.create_function("search_keeps", 8, row_matches, deterministic=True)

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        """Run one statement and return its cursor."""
        return self.conn.execute(sql, params)

    def table_exists(self, name: str) -> bool:
        """Return True when a table (or virtual table) of that name exists."""
        return self.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() \
            is not None

    def columns(self, table: str) -> list[str]:
        """Return a table's column names."""
        return [row[1] for row in self.conn.execute(f"PRAGMA table_info([{table}])")]

    def utils(self):
        """Return sqlite-utils' view of this connection (imported on first use)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)


def by_id_or_prefix(db, select: str, key: str, limit: int) -> tuple[list[str], list[tuple]]:
    """Return (column names, rows) of `select`, a query whose WHERE clause holds the placeholder {id} for an
    indexed `id` column: the rows of the whole key, or when there are none, of the ids starting with it.

    Ids are lower-case hex, so a prefix is matched as a key range: `id LIKE 'ab%'` (case-insensitive) would make
    SQLite scan the whole table, a tenth of a second per lookup at 100k articles.
    """
    cur = db.execute(select.format(id="id = ?") + f" LIMIT {int(limit)}", [key])
    rows = cur.fetchall()
    if not rows and key:
        prefix = key.lower()
        cur = db.execute(select.format(id="id >= ? AND id < ?") + f" LIMIT {int(limit)}", [prefix, prefix + "\uffff"])
        rows = cur.fetchall()
    return [d[0] for d in cur.description], rows


SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_file(path: Path) -> None:
    """Raise StoreError when an existing file is not an SQLite database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as err:
        raise StoreError(f"{path}: cannot be read ({err.strerror})") from None
    if head != SQLITE_MAGIC:
        raise StoreError(f"{path}: not an SQLite database")


def connect(path: Path | str, readonly: bool = False, create: bool = True) -> Database:
    """Return an open Database at `path`, with the schema created or migrated.

    readonly opens without creating or migrating (the browser falls back to it on read-only media).
    """
    path = Path(path)
    _check_file(path)
    if readonly:
        if not path.exists():
            raise StoreError(f"{path}: no such database")
        conn = None
        # mode=ro needs the WAL's shared-memory file; on read-only media it cannot be made, so fall back to
        # immutable=1 (safe there: nothing can change the file underneath).
        for options in ("mode=ro", "mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, check_same_thread=False,
                                       timeout=30)
                conn.execute("PRAGMA query_only=ON")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                break
            except sqlite3.Error as err:
                if conn is not None:
                    conn.close()
                conn, last = None, err
        if conn is None:
            raise StoreError(f"{path}: cannot open read-only ({last})")
        db = Database(conn)
        _verify(db, path)
        return db
    if not path.exists() and not create:
        raise StoreError(f"{path}: no such database")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = not path.exists() or path.stat().st_size == 0
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30, isolation_level=None)
        conn.execute("PRAGMA busy_timeout=30000")
        if new:  # before anything is written: free pages can then be given back after each ingest
            conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()
        if mode and str(mode[0]).lower() != "wal":
            conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=OFF")
    except sqlite3.OperationalError as err:
        raise StoreError(f"{path}: cannot create or write ({err})", unwritable=True) from None
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: damaged database ({err})") from None
    except OSError as err:
        raise StoreError(f"{path}: cannot create ({err.strerror})", unwritable=True) from None
    db = Database(conn)
    try:
        schema.ensure(db, path)
    except schema.SchemaError as err:
        conn.close()
        raise StoreError(str(err)) from None
    except sqlite3.OperationalError as err:
        conn.close()
        if "readonly" in str(err) or "read-only" in str(err) or "unable to open" in str(err):
            raise StoreError(f"{path}: readonly ({err})", unwritable=True) from None
        raise StoreError(f"{path}: cannot use ({err})", unwritable=True) from None
    except sqlite3.DatabaseError as err:
        conn.close()
        raise StoreError(f"{path}: damaged database ({err})") from None
    return db


def _verify(db: Database, path: Path) -> None:
    """Raise StoreError when a read-only database is damaged or of another schema version."""
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: damaged database ({err})") from None
    if version > schema.VERSION:
        raise StoreError(
            f"{path}: made by a newer seonggwa (schema {version}, this version reads up to {schema.VERSION})"
        )
    if version < schema.VERSION:
        raise StoreError(f"{path}: older schema {version}; open it once writable to migrate it")
