"""Writing pipeline results: one transaction per file, reference tables, and program links."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from tui.models import Agency, Head, Program, Term, program_variants, published_key
from tui.store import index
from tui.store.db import Database
from tui.store.textpack import digest, pack, pack_against, unpack, unpack_raw


def now() -> str:
    """Return the current UTC time as an ISO string, to the microsecond: a file read again within the same second
    gets a new time (the browser's change check compares the newest source's time)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def stored_digest(db: Database, file: str) -> str | None:
    """Return the SHA-256 recorded for a source file, or None if it was never ingested."""
    row = db.execute("SELECT sha256 FROM sources WHERE file = ?", [file]).fetchone()
    return row[0] if row else None


def digest_known(db: Database, sha256: str) -> str | None:
    """Return a stored file with this content, or None."""
    row = db.execute("SELECT file FROM sources WHERE sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def ensure_reference(db: Database, agencies: list[Agency], heads: list[Head], terms: list[Term],
                     fields: list[str] | None = None) -> None:
    """Fill the agencies, heads and terms tables (and the field order) when they are empty or out of date."""
    stamp = f"{len(agencies)}:{len(heads)}:{len(terms)}:{sum(len(a.aliases) for a in agencies)}:{fields}"
    row = db.execute("SELECT value FROM meta WHERE key = 'reference'").fetchone()
    if row and row[0] == stamp:
        return
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM agencies")
        conn.execute("DELETE FROM heads")
        conn.execute("DELETE FROM terms")
        conn.executemany(
            "INSERT INTO agencies(code, name, full_name, level, parent, aliases) VALUES (?,?,?,?,?,?)",
            [(a.code, a.name, a.full_name, a.level, a.parent, "|".join(a.aliases)) for a in agencies],
        )
        conn.executemany(
            'INSERT INTO heads(agency, term, name, title, start, "end") VALUES (?,?,?,?,?,?)',
            [(h.agency, h.term, h.name, h.title, h.start, h.end) for h in heads],
        )
        conn.executemany('INSERT INTO terms(term, start, "end") VALUES (?,?,?)',
                         [(t.number, t.start, t.end) for t in terms])
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('reference', ?)", [stamp])
        if fields is not None:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('fields', ?)",
                         [json.dumps(fields, ensure_ascii=False)])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _delete_source(conn, file: str) -> None:
    """Delete everything derived from one source file (reviews are kept: they are keyed by claim)."""
    row = conn.execute("SELECT id FROM sources WHERE file = ?", [file]).fetchone()
    if row is None:
        return
    source = row[0]
    ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE source_id = ?", [source])]
    raws = [r[0] for r in conn.execute("SELECT DISTINCT raw_digest FROM articles WHERE source_id = ? AND raw_digest "
                                       "IS NOT NULL", [source])]
    programs = set()
    for chunk in range(0, len(ids), 500):
        part = ids[chunk: chunk + 500]
        marks = ",".join("?" * len(part))
        programs.update(r[0] for r in conn.execute(
            f"SELECT DISTINCT program FROM program_articles WHERE article IN ({marks})", part))
    others: dict[str, str] = {}  # page as read → an article of another file read from it (one scan of articles)
    for chunk in range(0, len(raws), 500):
        part = raws[chunk: chunk + 500]
        for page, article in conn.execute(f"SELECT raw_digest, id FROM articles WHERE raw_digest IN "
                                          f"({','.join('?' * len(part))}) AND source_id <> ?", [*part, source]):
            others.setdefault(page, article)
    index.remove_articles(conn, ids)  # while the text it was indexed from is still there
    _release_pages(conn, ids, others)  # pages packed against these articles' bodies, while the bodies are there
    for chunk in range(0, len(ids), 500):
        part = ids[chunk: chunk + 500]
        marks = ",".join("?" * len(part))
        conn.execute("INSERT OR IGNORE INTO stale_agencies SELECT DISTINCT agency FROM claims "
                     f"WHERE article IN ({marks}) AND agency IS NOT NULL", part)
        conn.execute(f"DELETE FROM spans WHERE claim_rid IN (SELECT rid FROM claims WHERE article IN ({marks}))", part)
        for table in ("claims", "program_articles"):
            conn.execute(f"DELETE FROM {table} WHERE article IN ({marks})", part)
    conn.execute("DELETE FROM articles WHERE source_id = ?", [source])
    conn.executemany("DELETE FROM raw_texts WHERE digest = ?", [(d,) for d in raws if d not in others])
    conn.execute("DELETE FROM sources WHERE id = ?", [source])
    for program in programs:  # programs no other article names go with the file
        if conn.execute("SELECT 1 FROM program_articles WHERE program = ? LIMIT 1", [program]).fetchone() is None:
            conn.execute("DELETE FROM programs WHERE id = ?", [program])


def _release_pages(conn, articles: list[str], others: dict[str, str] | None = None) -> None:
    """Before articles are deleted or replaced: each page as read that was packed against one of their bodies is
    packed again against the body of another article read from it, or deleted when no other article has it.
    others, when the caller has it, maps each of their pages to an article that stays; else it is looked up."""
    leaving = set(articles)
    for chunk in range(0, len(articles), 500):
        part = articles[chunk: chunk + 500]
        marks = ",".join("?" * len(part))
        pages = conn.execute(f"SELECT DISTINCT r.digest, r.raw_z, b.body_z FROM articles a JOIN raw_texts r "
                             f"ON r.digest = a.raw_digest JOIN articles b ON b.id = r.base "
                             f"WHERE a.id IN ({marks}) AND r.base IN ({marks})", part + part).fetchall()
        if not pages:
            continue
        staying = others
        if staying is None:  # (an article replaced within its file: a scan of articles for its page)
            staying = {}
            for page, article in conn.execute(f"SELECT raw_digest, id FROM articles WHERE raw_digest IN "
                                              f"({','.join('?' * len(pages))})", [p[0] for p in pages]):
                if article not in leaving:
                    staying.setdefault(page, article)
        for page, packed, body in pages:
            if page not in staying:
                conn.execute("DELETE FROM raw_texts WHERE digest = ?", [page])
                continue
            base = unpack(conn.execute("SELECT body_z FROM articles WHERE id = ?", [staying[page]]).fetchone()[0])
            conn.execute("UPDATE raw_texts SET raw_z = ?, base = ? WHERE digest = ?",
                         [pack_against(unpack_raw(packed, body), base), staying[page], page])


def _unless_spelled(fs_path: bytes | None, file: str) -> bytes | None:
    """Return a file's path as the file system knows it, or None when its name spells it in UTF-8 (the usual
    case: the name is then enough to find the file again, and the path is not stored twice)."""
    try:
        return None if fs_path == file.encode("utf-8") else fs_path
    except UnicodeEncodeError:  # (a name holding undecodable bytes as surrogates)
        return fs_path


class FileWriter:
    """Writes one file's articles in a single transaction: begin, add chunks, then commit or roll back."""

    def __init__(self, db: Database, file: str, sha256: str, size: int, encoding: str,
                 fs_path: bytes | None = None, similar: Callable[[str, str], bool] | None = None) -> None:
        self.db, self.conn = db, db.conn
        self.file, self.sha256, self.size, self.encoding, self.fs_path = file, sha256, size, encoding, fs_path
        self.similar = similar
        self.programs: list[Program] = []
        self.names: ProgramNames | None = None
        self.source_id = 0

    def begin(self) -> None:
        """Start the transaction, remove what the file produced before and record the file (its articles refer
        to its row; commit fills in the counts)."""
        self.conn.execute("BEGIN IMMEDIATE")
        _delete_source(self.conn, self.file)
        self.names = ProgramNames.of(self.db)
        self.source_id = self.conn.execute(
            "INSERT INTO sources(file, sha256, bytes, encoding, ingested_at, fs_path) VALUES (?,?,?,?,?,?)",
            [self.file, self.sha256, self.size, self.encoding, now(), _unless_spelled(self.fs_path, self.file)],
        ).lastrowid

    def add(self, articles) -> None:
        """Insert analysed articles (pipeline Analyzed records)."""
        for analyzed in articles:
            _insert_article(self.conn, analyzed, self.source_id)
            self.programs.extend(analyzed.programs)

    def claims_of(self, article_id: str) -> int:
        """Return how many claims an already written article has (it is about to be replaced)."""
        return self.conn.execute("SELECT count(*) FROM claims WHERE article = ?", [article_id]).fetchone()[0]

    def commit(self, articles: int, skipped: dict[str, int]) -> None:
        """Record the source, link near-identical programs, and commit."""
        try:
            self.conn.execute("UPDATE sources SET ingested_at = ?, articles = ?, skipped = ? WHERE id = ?",
                              [now(), articles, json.dumps(skipped, ensure_ascii=False), self.source_id])
            if self.similar is not None and self.names is not None:
                _link_programs(self.conn, self.programs, self.similar, self.names)
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        """Undo everything since begin()."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


def write_result(db: Database, result, similar: Callable[[str, str], bool] | None = None,
                 after_write: Callable | None = None) -> None:
    """Store one file's articles atomically, replacing what the same file produced before.

    result is a pipeline FileResult; similar(name_a, name_b) says whether two program names are possibly the
    same; after_write, when given, is called inside the transaction (tests use it to simulate a crash).
    """
    writer = FileWriter(db, result.file, result.sha256, result.size, result.encoding, None, similar)
    writer.begin()
    try:
        for analyzed in result.articles:
            writer.add([analyzed])
            if after_write is not None:
                after_write(analyzed)
    except BaseException:
        writer.rollback()
        raise
    writer.commit(len(result.articles), result.skipped)


def _insert_article(conn, analyzed, source_id: int) -> None:
    """Insert one article with its search rows (where each sentence lies), programs, claims and spans."""
    a = analyzed.article
    if conn.execute("SELECT search_first FROM articles WHERE id = ?", [a.id]).fetchone() is not None:
        index.remove_articles(conn, [a.id])  # an article met twice in one file replaces the first
        _release_pages(conn, [a.id])  # (its body changes: a page packed against it is packed again)
    raw_key = None
    if a.raw != a.body:  # the page as read: kept once for all the articles it holds, packed against the first
        raw_key = digest(a.raw)
        if conn.execute("SELECT 1 FROM raw_texts WHERE digest = ?", [raw_key]).fetchone() is None:
            conn.execute("INSERT INTO raw_texts(digest, raw_z, base) VALUES (?,?,?)",
                         [raw_key, pack_against(a.raw, a.body), a.id])
    conn.execute(
        "INSERT OR REPLACE INTO articles(id, source_id, position, title, deck, published, published_inferred, outlet, "
        "reporter, agency, agencies, term, body_z, raw_digest, flags, captions, url) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [a.id, source_id, a.position, a.title, a.deck, a.published,
         int(any(f.code == "date_inferred" for f in a.flags)), a.outlet, a.reporter, a.agency,
         json.dumps(list(a.agencies), ensure_ascii=False), a.term, pack(a.body), raw_key,
         json.dumps([f.to_dict() for f in a.flags], ensure_ascii=False),
         json.dumps(list(a.captions), ensure_ascii=False), a.url],
    )
    claim_of = {c.sentence: c.id for c in analyzed.claims}
    index.add_article(conn, a.id, a.title, a.deck, a.body,
                      [(s.index, s.start, s.end, claim_of.get(s.index), s.morphs) for s in analyzed.sentences])
    for p in analyzed.programs:
        conn.execute(
            "INSERT OR IGNORE INTO programs(id, agency, term, name, key, category, related) VALUES (?,?,?,?,?,?,?)",
            [p.id, p.agency, p.term, p.name, p.key, p.category, "[]"],
        )
        conn.execute("INSERT OR IGNORE INTO program_articles(program, article) VALUES (?,?)", [p.id, a.id])
    key = published_key(a.published)
    # the comparison's stored figures of the agencies these claims belong to, or replace claims of, are stale
    conn.execute("INSERT OR IGNORE INTO stale_agencies SELECT DISTINCT agency FROM claims WHERE article = ? "
                 "AND agency IS NOT NULL", [a.id])
    conn.executemany("INSERT OR IGNORE INTO stale_agencies(agency) VALUES (?)",
                     [(agency,) for agency in {c.agency for c in analyzed.claims if c.agency}])
    for c in analyzed.claims:
        # the claim again (an article met twice in one file): its spans go with the row it replaces
        conn.execute("DELETE FROM spans WHERE claim_rid IN (SELECT rid FROM claims WHERE id = ? AND article = ?)",
                     [c.id, c.article])
        rid = conn.execute(
            'INSERT OR REPLACE INTO claims(id, article, sentence, start, "end", agency, term, program, status, '
            "category, speaker, kinds, published_key, zone, class, echo, line) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [c.id, c.article, c.sentence, c.start, c.end, c.agency, c.term, c.program, c.status,
             c.category, c.speaker, " ".join(sorted({s.kind for s in c.spans})), key, c.zone, c.cls,
             int(c.echo), c.line],
        ).lastrowid
        conn.executemany(
            'INSERT INTO spans(claim_rid, kind, start, "end", text, value, value_max, unit, approx, class, streak) '
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(rid, s.kind, s.start, s.end, s.text, s.value, s.value_max, s.unit, int(s.approx), s.cls, s.streak)
             for s in c.spans],
        )


def refresh_summaries(db: Database) -> None:
    """Recount articles and claims per agency and term, and the comparison's figures of the agencies whose claims
    changed (after an ingest run)."""
    from tui.store.compare import store_side_figures
    from tui.store.schema import SUMMARY_REFRESH

    db.conn.executescript("BEGIN IMMEDIATE;" + SUMMARY_REFRESH)
    try:
        store_side_figures(db)
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise


def compact(db: Database, merge: bool, rewrite: bool = False) -> str | None:
    """Give free pages back to the file system; with merge, also merge the search index into one b-tree (worth
    it after an ingest that added much to the database: the index gets smaller and faster; after a small one,
    FTS5's own automatic merging is enough). With rewrite, write the whole file again (VACUUM): after an ingest
    that at least doubled the database (a first build above all), whose indexes were filled in the order the
    files came and stand partly empty, that packs them (6% of the file at 100k articles). The rewrite needs free
    disk space about the file's size: when it fails, nothing is lost (every file is already stored) and the
    reason is returned."""
    if merge:
        db.conn.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    if rewrite:
        try:
            db.conn.execute("VACUUM")
            db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # (VACUUM wrote the new file through the log)
            return None
        except sqlite3.OperationalError as err:
            failed = str(err)
    else:
        failed = None
    db.conn.executescript("PRAGMA incremental_vacuum;")  # (execute() would free one page: a page per step)
    return failed


class ProgramNames:
    """Program names by their one-deletion variants (models.program_variants), per metropolitan area: two names one
    edit apart share a variant, so near-identical names are found by a lookup.

    Derived from the programs table, so not stored: a writing connection reads an area's names the first time one
    of its files names a program there, and keeps them while no other connection commits (PRAGMA data_version).
    The map may name programs since deleted or rolled back; lookups read the names from the table.
    """

    def __init__(self, version: int) -> None:
        self.version = version
        self.areas: dict[str, dict[str, set[str]]] = {}

    @classmethod
    def of(cls, db: Database) -> ProgramNames:
        """Return the connection's map, read afresh if another connection has written since it was made (call it
        inside the write transaction, where nothing else can commit)."""
        version = db.conn.execute("PRAGMA data_version").fetchone()[0]
        names = db.memo.get("program_names")
        if names is None or names.version != version:
            names = db.memo["program_names"] = cls(version)
        return names

    def area(self, conn, metro: str) -> dict[str, set[str]]:
        """Return an area's variants → program ids, reading the area's programs the first time."""
        found = self.areas.get(metro)
        if found is None:
            found = self.areas[metro] = {}
            for pid, name in conn.execute("SELECT id, name FROM programs WHERE agency = ? OR agency IN "
                                          "(SELECT full_name FROM agencies WHERE parent = ?)", [metro, metro]):
                for variant in program_variants(name):
                    found.setdefault(variant, set()).add(pid)
        return found


def _link_programs(conn, programs: list[Program], similar: Callable[[str, str], bool], names: ProgramNames) -> None:
    """Record near-identical program names of the same metropolitan area as 'possibly the same' (both ways)."""
    for program in programs:
        row = conn.execute("SELECT coalesce(nullif(parent, ''), full_name) FROM agencies WHERE full_name = ?",
                           [program.agency]).fetchone()
        if row is None:
            continue
        area = names.area(conn, row[0])
        variants = program_variants(program.name)
        others = set().union(*(area.get(v, ()) for v in variants)) - {program.id}
        for variant in variants:
            area.setdefault(variant, set()).add(program.id)
        if not others:
            continue
        others = sorted(others)
        rows = conn.execute(f"SELECT id, name FROM programs WHERE id IN ({','.join('?' * len(others))})",
                            others).fetchall()
        for other_id, other_name in rows:
            if not similar(program.name, other_name):
                continue
            for a, b in ((program.id, other_id), (other_id, program.id)):
                current = json.loads(conn.execute("SELECT related FROM programs WHERE id = ?", [a]).fetchone()[0]
                                     or "[]")
                if b not in current:
                    current.append(b)
                    conn.execute("UPDATE programs SET related = ? WHERE id = ?", [json.dumps(current), a])
