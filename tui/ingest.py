"""Ingest orchestration: find files, skip unchanged ones, analyse in worker processes (or on the workers of a Ray
cluster), write file by file."""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterator

from tui.pipeline import process as pipe
from tui.pipeline.read import InputError, RawDoc, iter_files, read_file
from tui.rules_version import analysed_by_other_rules, record_rules
from tui.store import db as store_db
from tui.store import write

CHUNK_CHARS = 30_000  # records of one structured file go to the workers in chunks of about this many characters,
# and small files are packed into tasks of about as many: small enough that the last chunks of a file do not leave a
# core idle (2 jobs on the press CSV: 14.5 s against 15.2 s with 120,000-character chunks, measured alternately in
# one run), large enough that a worker's kiwipiepy batch overlaps its bodies (pipe.analyze_stream)


@dataclass
class FileOutcome:
    """What happened to one file."""

    file: str
    status: str  # ingested, unchanged, duplicate, failed
    articles: int = 0
    claims: int = 0
    reason: str = ""


@dataclass
class Summary:
    """The totals of one ingest run."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    set_aside: dict[str, int] = field(default_factory=dict)
    write_seconds: float = 0.0  # time the writer spent inside file transactions (not waiting for analysis)
    finish_seconds: float = 0.0  # recounting the summaries and compacting at the end
    other_rules: bool = False  # some stored sources were analysed by earlier rules (tui.rules_version)

    def count(self, status: str) -> int:
        """Return how many files ended with this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def articles(self) -> int:
        """Return the number of articles stored by this run."""
        return sum(o.articles for o in self.outcomes)

    @property
    def claims(self) -> int:
        """Return the number of claims stored by this run."""
        return sum(o.claims for o in self.outcomes)


class ClusterError(RuntimeError):
    """Ray is missing, the cluster cannot be reached, or every worker died."""


class IngestLock:
    """An advisory lock so two ingests never write to one database at once (the second one waits). The lock
    file lives in the user's runtime folder, named by the database's path, never beside the database, and is
    removed when the ingest ends: one is left behind only while an ingest runs (or after one was killed)."""

    def __init__(self, db_path: Path, on_wait: Callable[[str], None] | None = None) -> None:
        from tui.paths import lock_dir

        key = hashlib.sha1(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
        self.path = lock_dir() / f"ingest-{key}.lock"
        self.legacy = db_path.with_name(db_path.name + ".ingest-lock")  # where versions before 0.2 put it
        self.on_wait = on_wait
        self.handle = None

    def __enter__(self) -> "IngestLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        told = False
        while True:
            handle = self.path.open("a+")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                if self.on_wait and not told:
                    self.on_wait(f"another ingest ({holder}) is writing to this database; waiting for it to finish")
                    told = True
                fcntl.flock(handle, fcntl.LOCK_EX)
            if self._still_the_lock_file(handle):
                break
            handle.close()  # the ingest that held it removed the file when it ended: lock the one there now
        self.handle = handle
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        return self

    def _still_the_lock_file(self, handle) -> bool:
        """Return True when the file locked is still the one at the lock's path (not removed or replaced)."""
        try:
            return os.stat(self.path).st_ino == os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            return False

    def __exit__(self, *exc) -> None:
        if self.handle:
            self.handle.truncate(0)
            self.path.unlink(missing_ok=True)  # while still held: a waiter then finds it gone and opens a new one
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None
        if self.legacy.exists() and self.legacy.stat().st_size == 0:
            self.legacy.unlink(missing_ok=True)  # an empty lock file an older version left beside the database


def reference_data():
    """Return (agencies, heads, terms) from the gazetteer for the database's reference tables."""
    from tui.pipeline.analyze import categories
    from tui.pipeline.gazetteer import gazetteer

    gaz = gazetteer()
    return list(gaz.agencies.values()), gaz.heads, gaz.terms, list(categories()[0])


def _worker_init() -> None:
    """Build the worker's own Kiwi before its first task."""
    from tui.pipeline.kiwi import get_kiwi

    get_kiwi()


def _chunks(docs: list[RawDoc]) -> Iterator[list[RawDoc]]:
    """Yield consecutive groups of documents of about CHUNK_CHARS characters."""
    group: list[RawDoc] = []
    size = 0
    for doc in docs:
        group.append(doc)
        size += len(doc.text)
        if size >= CHUNK_CHARS:
            yield group
            group, size = [], 0
    if group:
        yield group


def choose_jobs(requested: int | None, total_chars: int) -> int:
    """Return how many worker processes to use: all cores by default, one for small inputs."""
    cores = os.cpu_count() or 1
    jobs = requested or cores
    if requested is None and total_chars < 250_000:
        return 1  # starting a process costs a second of model loading: not worth it for a few pages
    return max(1, min(jobs, cores * 2))


def file_name(path: Path) -> str:
    """Return the name a file is stored under: its path, with undecodable bytes written as \\xNN."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def ingest(db_path: Path, paths: list[Path], jobs: int | None = None, mapping: dict[str, str] | None = None,
           rebuild: bool = False, use_source: bool = True,
           progress: Callable[[str, int, int], None] | None = None,
           notice: Callable[[str], None] | None = None, cluster: str | None = None) -> Summary:
    """Ingest files and folders into the database and return what happened to each file.

    Files stream through: only a few files' texts (and a bounded number of analysed chunks) are in memory at
    once; each file is written in one transaction, its chunks added as they arrive. progress(file, done, total)
    is called after each file; notice(message) for waits and for a compact rewrite that failed. cluster
    analyses on Ray workers instead of local processes: "local" starts a Ray on this machine (jobs workers,
    default all cores), anything else is the address of a running cluster to join (jobs workers, default one
    per CPU of the cluster); this process stays the only writer.
    """
    summary = Summary()
    db = store_db.connect(db_path)
    try:
        with IngestLock(Path(db_path), notice):
            write.ensure_reference(db, *reference_data())
            files = [p.absolute() for p in iter_files(paths)]
            if rebuild:
                stored = [Path(os.fsdecode(raw)) if raw else Path(name) for name, raw in
                          db.execute("SELECT file, fs_path FROM sources ORDER BY file")]
                files = list(dict.fromkeys(files + stored))
            before = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            first_build = db.execute("SELECT 1 FROM sources LIMIT 1").fetchone() is None
            try:
                if cluster is not None:
                    _run_cluster(db, files, jobs, cluster, mapping, rebuild, use_source, summary, progress)
                else:
                    size = sum(p.stat().st_size for p in files if p.is_file())
                    workers = choose_jobs(jobs, size // 3)  # about three bytes a character in Korean UTF-8
                    run = _run_serial if workers == 1 else _run_parallel
                    run(db, files, workers, mapping, rebuild, use_source, summary, progress)
                if first_build or rebuild and not summary.count("failed"):
                    # every source stored is now these rules' analysis: a first build stores nothing else, whatever
                    # failed; a rebuild's failed file keeps what earlier rules made of it
                    record_rules(db.conn)
                summary.other_rules = analysed_by_other_rules(db)
            finally:
                started = time.perf_counter()
                write.refresh_summaries(db)
                failed = write.compact(db, merge=summary.articles >= max(1, before // 10),
                                       rewrite=summary.articles >= max(1, before))
                if failed and notice is not None:
                    notice(f"{db_path}: every file is stored, but the file could not be written again compactly "
                           f"({failed}); it works as it is, only somewhat larger")
                summary.finish_seconds = time.perf_counter() - started
    finally:
        db.conn.close()
    return summary


@dataclass
class _Pending:
    """A file on its way to the database: its bytes and documents to analyse (documents None when the worker
    reads them), or the outcome it already has, or the earlier file of this run with the same bytes, whose
    outcome decides its own when it is written (analysis runs ahead of the writes)."""

    path: Path
    data: bytes | None = None
    docs: list[RawDoc] | None = None
    outcome: FileOutcome | None = None
    copy_of: str | None = None

    @property
    def analysed(self) -> bool:
        return self.outcome is None and self.copy_of is None


def _prepared(db, files, mapping, rebuild, parse: bool = True) -> Iterator[_Pending]:
    """Yield every file as a _Pending, in order."""
    handed: dict[str, str] = {}  # digest → name of the files of this run handed to analysis
    for path in files:
        yield _prepare(db, path, mapping, rebuild, parse, handed)


def _settle(pending: _Pending, summary: Summary, progress, total: int) -> None:
    """Record the outcome of a file that needed no analysis, in its turn (the writes are in the files' order)."""
    outcome = pending.outcome
    if outcome is None:  # a copy of an earlier file of this run: that file has its outcome by now
        name = file_name(pending.path)
        first = next(o for o in reversed(summary.outcomes) if o.file == pending.copy_of)
        outcome = (FileOutcome(name, "duplicate", reason=f"same content as {first.file}")
                   if first.status == "ingested" else FileOutcome(name, "failed", reason=first.reason))
    summary.outcomes.append(outcome)
    _progress(progress, pending, summary, total)


def _progress(progress, pending: _Pending, summary: Summary, total: int) -> None:
    if progress:
        progress(file_name(pending.path), len(summary.outcomes), total)


def _units(db, files, mapping, rebuild) -> Iterator[tuple[tuple[_Pending, dict | None, bool], list[RawDoc]]]:
    """Yield ((file, repeats set aside or None, last), documents) for every file, in order: a file's documents
    in chunks of about CHUNK_CHARS characters (the first carrying the repeats set aside before analysis, the last
    marked), a file that needs no analysis as one unit with no documents."""
    for pending in _prepared(db, files, mapping, rebuild):
        if not pending.analysed:
            yield (pending, None, True), []
            continue
        docs, repeats = pipe.without_repeats(pending.docs)
        chunks = list(_chunks(docs)) or [[]]
        for i, chunk in enumerate(chunks):
            yield (pending, repeats if i == 0 else None, i == len(chunks) - 1), chunk


def _write(db, analysed, summary: Summary, progress, total: int) -> None:
    """Write analysed units (_units' keys with their articles and what was set aside), in order, one
    transaction a file; record the outcome of a file that needed no analysis in its turn."""
    out = None
    try:
        for (pending, repeats, last), articles, skipped in analysed:
            if not pending.analysed:
                _settle(pending, summary, progress, total)
                continue
            if out is None:
                out = _FileWrite(db, pending.path, pending.data, pending.docs[0].encoding, summary).__enter__()
                out.add([], repeats or {})
            out.add(articles, skipped)
            if last:
                out, ending = None, out
                ending.__exit__(None, None, None)
                _progress(progress, pending, summary, total)
    except BaseException as err:
        if out is not None:
            out.__exit__(type(err), err, err.__traceback__)
        raise


def _run_serial(db, files, _workers, mapping, rebuild, use_source, summary, progress) -> None:
    """Analyse and store files in this process; the analysis of the next files (kiwipiepy's batch thread,
    pipe.analyze_stream) runs ahead of the writes."""
    _write(db, pipe.analyze_stream(_units(db, files, mapping, rebuild), use_source), summary, progress, len(files))


def _run_parallel(db, files, workers, mapping, rebuild, use_source, summary, progress) -> None:
    """Analyse in worker processes, a bounded number of tasks in flight; store files in order."""
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_worker_init) as pool:
        analysed = _analysed_in(pool, _units(db, files, mapping, rebuild), workers * 3, use_source)
        _write(db, analysed, summary, progress, len(files))


def _analysed_in(pool, units, limit: int, use_source: bool):
    """Yield (key, articles, skipped) for units in order, analysed in the pool: consecutive units are packed
    into tasks of about CHUNK_CHARS characters, so that one task holds many one-article files and a worker's
    kiwipiepy batch overlaps them as it does a file of records; at most limit tasks are in flight."""
    tasks: deque = deque()  # (keys, future), in order

    def fill() -> None:
        while len(tasks) < limit:
            keys, chunks, size = [], [], 0
            for key, chunk in units:
                keys.append(key)
                chunks.append(chunk)
                size += sum(len(doc.text) for doc in chunk)
                if size >= CHUNK_CHARS:
                    break
            if not keys:
                return
            tasks.append((keys, pool.submit(pipe.analyze_groups, chunks, use_source)))

    fill()
    while tasks:
        keys, future = tasks.popleft()
        results = future.result()
        fill()  # the workers go on while these are written
        for key, (articles, skipped) in zip(keys, results, strict=True):
            yield key, articles, skipped


def _run_cluster(db, files, jobs, address, mapping, rebuild, use_source, summary, progress) -> None:
    """Analyse whole files on Ray workers (a bounded number in flight) and store each file, in order, once its
    whole result has arrived: a worker that dies never leaves part of a file behind."""
    try:
        from tui import cluster
    except ImportError as err:
        raise ClusterError(f"--cluster needs Ray ({err}): pip install 'seonggwa[cluster]'") from None
    try:
        with cluster.AnalyserPool(address, jobs) as pool:
            _cluster_loop(pool, db, files, mapping, rebuild, use_source, summary, progress)
    except cluster.Unavailable as err:
        raise ClusterError(str(err)) from None


def _cluster_loop(pool, db, files, mapping, rebuild, use_source, summary, progress) -> None:
    """Hand files to the pool a bounded number ahead of the writer, and write them in the order handed out."""
    order: deque = deque()  # (pending, ticket or None), in the order files are written
    prepared = _prepared(db, files, mapping, rebuild, parse=False)

    def fill() -> None:
        while sum(1 for _, ticket in order if ticket is not None) < pool.capacity:
            pending = next(prepared, None)
            if pending is None:
                return
            ticket = None
            if pending.analysed:
                ticket = pool.submit(file_name(pending.path), str(pending.path), pending.data, mapping, use_source)
            order.append((pending, ticket))

    fill()
    while order:
        pending, ticket = order[0]
        if ticket is None:
            order.popleft()
            _settle(pending, summary, progress, len(files))
            fill()
            continue
        result = pool.result(ticket)
        order.popleft()
        fill()  # the workers go on while this file is written
        if result.error is not None:
            summary.outcomes.append(FileOutcome(file_name(pending.path), "failed", reason=result.error))
        else:
            with _FileWrite(db, pending.path, pending.data, result.encoding, summary) as out:
                out.add(result.articles, result.skipped)
        _progress(progress, pending, summary, len(files))


class _FileWrite:
    """One file's transaction: analysed chunks are added as they come; commit at the end, or nothing."""

    def __init__(self, db, path: Path, data: bytes, encoding: str, summary: Summary) -> None:
        self.db, self.path, self.data, self.encoding, self.summary = db, path, data, encoding, summary
        self.articles = 0
        self.claims = 0
        self.skipped: dict[str, int] = {}
        self.seen: set[str] = set()
        self.texts: dict[tuple, list[tuple[str, str]]] = {}  # (publisher, title) → (id, body) of earlier articles
        self.writer = None

    def __enter__(self) -> "_FileWrite":
        from tui.pipeline.programs import near_identical_names

        started = time.perf_counter()
        self.writer = write.FileWriter(self.db, file_name(self.path), pipe.file_digest(self.data), len(self.data),
                                       self.encoding, os.fsencode(self.path), near_identical_names)
        self.writer.begin()
        self.summary.write_seconds += time.perf_counter() - started
        return self

    def add(self, articles, skipped: dict[str, int]) -> None:
        """Write analysed articles of this file (a record repeating an earlier one's url replaces it)."""
        started = time.perf_counter()
        for key, value in skipped.items():
            self.skipped[key] = self.skipped.get(key, 0) + value
        why, copied = pipe.URL_REPEAT, pipe.TEXT_REPEAT
        for a in articles:
            if self._copy_of_earlier(a.article):
                self.skipped[copied] = self.skipped.get(copied, 0) + 1
                continue
            if a.article.id in self.seen:
                self.skipped[why] = self.skipped.get(why, 0) + 1
                self.articles -= 1
                self.claims -= self.writer.claims_of(a.article.id)
            self.seen.add(a.article.id)
            self.writer.add([a])
            self.articles += 1
            self.claims += len(a.claims)
        self.summary.write_seconds += time.perf_counter() - started

    def _copy_of_earlier(self, article) -> bool:
        """Return True when an earlier article of this file from the same publisher, under the same title, has
        the same text: a scraper that saved one release several times (with a page's menu line more, or listed
        under another URL) made one article, not several."""
        title = re.sub(r"\W+", "", article.title)
        if not title:
            return False
        earlier = self.texts.setdefault((article.source, title), [])
        if earlier:  # the runs of letters only when a title comes again (rarely): most articles pay nothing
            shingles = pipe.text_shingles(article.body)
            if any(other != article.id and pipe.same_text(shingles, pipe.text_shingles(body))
                   for other, body in earlier):
                return True
        earlier.append((article.id, article.body))
        return False

    def __exit__(self, kind, error, trace) -> None:
        started = time.perf_counter()
        try:
            self._end(kind)
        finally:
            self.summary.write_seconds += time.perf_counter() - started

    def _end(self, kind) -> None:
        """Commit the file, or roll it back on an error or when it produced no article."""
        name = file_name(self.path)
        for key, value in self.skipped.items():
            self.summary.set_aside[key] = self.summary.set_aside.get(key, 0) + value
        if kind is not None:
            self.writer.rollback()
            return
        if not self.articles:
            self.writer.rollback()
            reasons = ", ".join(f"{n} {why}" for why, n in self.skipped.items()) or "no prose found"
            self.summary.outcomes.append(FileOutcome(
                name, "failed", reason=f"no article found (only site chrome or non-news text: {reasons})"))
            return
        self.writer.commit(self.articles, self.skipped)
        self.summary.outcomes.append(FileOutcome(name, "ingested", self.articles, self.claims))


def _prepare(db, path: Path, mapping, rebuild: bool, parse: bool = True,
             handed: dict[str, str] | None = None) -> _Pending:
    """Return a file as a _Pending: with its outcome when it needs no analysis (unchanged, a copy of a stored
    file, unreadable), as a copy of a file of this run handed to analysis before it (handed: digest → name), or
    with its bytes and documents (documents None without parse)."""
    name = file_name(path)
    if not path.exists():
        return _Pending(path, outcome=FileOutcome(name, "failed", reason="no such file"))
    try:
        data = path.read_bytes()
    except OSError as err:
        return _Pending(path, outcome=FileOutcome(name, "failed", reason=f"cannot read ({err.strerror})"))
    digest = pipe.file_digest(data)
    if not rebuild and write.stored_digest(db, name) == digest:
        return _Pending(path, outcome=FileOutcome(name, "unchanged"))
    other = write.digest_known(db, digest)
    if not rebuild and other and other != name:
        return _Pending(path, outcome=FileOutcome(name, "duplicate", reason=f"same content as {other}"))
    if not rebuild and handed is not None and handed.setdefault(digest, name) != name:
        return _Pending(path, copy_of=handed[digest])
    if not parse:
        return _Pending(path, data)
    try:
        docs = read_file(path, data, mapping)
    except InputError as err:
        return _Pending(path, outcome=FileOutcome(name, "failed", reason=str(err)))
    for doc in docs:
        doc.file = name
    return _Pending(path, data, docs)
