"""Ingest orchestration: find files, skip unchanged ones, analyse in worker processes, write file by file."""

from __future__ import annotations

import fcntl
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterator

from tui.pipeline import ingest as pipe
from tui.pipeline.read import InputError, RawDoc, iter_files, read_file
from tui.store import db as store_db
from tui.store import write

CHUNK_CHARS = 120_000  # records of one structured file are analysed in chunks of about this many characters


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


class IngestLock:
    """An advisory lock beside the database so two ingests never write at once (the second one waits)."""

    def __init__(self, db_path: Path, on_wait: Callable[[str], None] | None = None) -> None:
        self.path = db_path.with_name(db_path.name + ".ingest-lock")
        self.on_wait = on_wait
        self.handle = None

    def __enter__(self) -> "IngestLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = self.path.open("a+")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.seek(0)
            holder = self.handle.read().strip() or "another process"
            if self.on_wait:
                self.on_wait(f"another ingest ({holder}) is writing to this database; waiting for it to finish")
            fcntl.flock(self.handle, fcntl.LOCK_EX)
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(f"pid {os.getpid()}")
        self.handle.flush()
        return self

    def __exit__(self, *exc) -> None:
        if self.handle:
            self.handle.truncate(0)
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()


def reference_data():
    """Return (agencies, heads, terms) from the gazetteer for the database's reference tables."""
    from tui.pipeline.gazetteer import gazetteer

    from tui.pipeline.analyze import categories

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


def ingest(db_path: Path, paths: list[Path], jobs: int | None = None, mapping: dict[str, str] | None = None,
           rebuild: bool = False, use_source: bool = True,
           progress: Callable[[str, int, int], None] | None = None,
           notice: Callable[[str], None] | None = None) -> Summary:
    """Ingest files and folders into the database and return what happened to each file.

    progress(file, done, total) is called after each file; notice(message) for waits.
    """
    summary = Summary()
    db = store_db.connect(db_path)
    with IngestLock(Path(db_path), notice):
        write.ensure_reference(db, *reference_data())
        files = [p.resolve() for p in iter_files(paths)]
        if rebuild:
            stored = [Path(r[0]) for r in db.execute("SELECT file FROM sources ORDER BY file")]
            files = list(dict.fromkeys(files + stored))
        tasks = []
        for path in files:
            outcome, docs, data = _prepare(db, path, mapping, rebuild)
            if outcome is not None:
                summary.outcomes.append(outcome)
                if progress:
                    progress(str(path), len(summary.outcomes), len(files))
                continue
            tasks.append((path, data, docs))
        total_chars = sum(len(d.text) for _, _, docs in tasks for d in docs)
        workers = choose_jobs(jobs, total_chars)
        if workers == 1:
            for path, data, docs in tasks:
                articles, skipped = pipe.analyze_docs(docs, use_source)
                _store(db, path, data, docs, articles, skipped, summary)
                if progress:
                    progress(str(path), len(summary.outcomes), len(files))
        else:
            with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_worker_init) as pool:
                futures: list[tuple[Path, bytes, list[RawDoc], list[Future]]] = [
                    (path, data, docs, [pool.submit(pipe.analyze_docs, chunk, use_source) for chunk in _chunks(docs)])
                    for path, data, docs in tasks
                ]
                for path, data, docs, parts in futures:
                    articles, skipped = [], {}
                    for part in parts:
                        more, aside = part.result()
                        articles.extend(more)
                        for k, v in aside.items():
                            skipped[k] = skipped.get(k, 0) + v
                    _store(db, path, data, docs, articles, skipped, summary)
                    if progress:
                        progress(str(path), len(summary.outcomes), len(files))
    db.conn.close()
    return summary


def _prepare(db, path: Path, mapping, rebuild: bool):
    """Return (outcome, None, None) for a file that needs no analysis, else (None, docs, data)."""
    name = str(path)
    if not path.exists():
        return FileOutcome(name, "failed", reason="no such file"), None, None
    try:
        data = path.read_bytes()
    except OSError as err:
        return FileOutcome(name, "failed", reason=f"cannot read ({err.strerror})"), None, None
    digest = pipe.file_digest(data)
    if not rebuild and write.stored_digest(db, name) == digest:
        return FileOutcome(name, "unchanged"), None, None
    other = write.digest_known(db, digest)
    if not rebuild and other and other != name:
        return FileOutcome(name, "duplicate", reason=f"same content as {other}"), None, None
    try:
        docs = read_file(path, data, mapping)
    except InputError as err:
        return FileOutcome(name, "failed", reason=str(err)), None, None
    for doc in docs:
        doc.file = name
    return None, docs, data


def _store(db, path: Path, data: bytes, docs: list[RawDoc], articles, skipped, summary: Summary) -> None:
    """Write one analysed file (or record why not) and add its outcome to the summary."""
    from tui.pipeline.programs import near_identical_names

    unique = {a.article.id: a for a in articles}  # a record repeating an earlier one's url replaces it
    if len(unique) < len(articles):
        why = "records repeating an earlier record's url (the last one kept)"
        skipped = {**skipped, why: skipped.get(why, 0) + len(articles) - len(unique)}
        articles = list(unique.values())
    result = pipe.FileResult(str(path), pipe.file_digest(data), len(data), docs[0].encoding, articles, skipped)
    pipe.finish(result)
    for key, value in skipped.items():
        summary.set_aside[key] = summary.set_aside.get(key, 0) + value
    if result.error:
        summary.outcomes.append(FileOutcome(str(path), "failed", reason=result.error))
        return
    write.write_result(db, result, similar=near_identical_names)
    summary.outcomes.append(FileOutcome(str(path), "ingested", len(articles), sum(len(a.claims) for a in articles)))
