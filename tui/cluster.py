"""Analysis on Ray workers for `seonggwa ingest --cluster`: one actor per worker core, each holding one loaded Kiwi
and the reference data for its whole life. The head sends each file as a path the worker reads where it is, or as
its bytes when the worker cannot see that path (or sees other content there), and gets the file's whole result
back; the head alone writes. A worker that dies has its files sent to another one.

Only tui.ingest imports this module, and only when --cluster is given: Ray is an optional extra
(pip install 'seonggwa[cluster]'), never loaded by the browser or a plain ingest.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import ray
from ray.exceptions import RayActorError, RayTaskError

IN_FLIGHT_PER_WORKER = 2  # one file being analysed and one waiting, so a worker never idles between files
FILES_PER_WORKER = 4  # files handed out ahead of the writer (the head keeps their bytes until they are written)
ATTEMPTS = 3  # a file whose worker died this many times is reported as failed, not retried for ever
REPLACEMENTS_PER_WORKER = 3  # dead workers replaced (a new actor, its model loaded again) per starting worker
START_TIMEOUT = 300.0  # seconds to wait for a replacement worker when no other worker is left


class Unavailable(RuntimeError):
    """Ray cannot be started or joined, or no worker is left."""


@ray.remote(num_cpus=1, max_restarts=0, max_task_retries=0)
class Analyser:
    """A cluster worker: one Kiwi and the gazetteer, loaded once; analyses whole files."""

    def __init__(self) -> None:
        from tui.pipeline.analyze import categories
        from tui.pipeline.gazetteer import gazetteer
        from tui.pipeline.kiwi import get_kiwi

        gazetteer()
        categories()
        get_kiwi()

    def ready(self) -> int:
        """Return this worker's process id once its model is loaded."""
        return os.getpid()

    def analyze(self, name: str, path: str, data: bytes | None, sha256: str, mapping, use_source: bool,
                fetched: dict | None = None):
        """Return the FileResult of one file, or None when the path does not hold the head's content here.
        fetched is the fetch record the head read beside a saved page (its address and charset)."""
        from tui.pipeline.process import analyze_file

        return analyze_file(name, path, mapping, data, sha256, use_source, fetched)


@dataclass
class _Job:
    """One file on its way through the pool."""

    ticket: int
    args: tuple  # (name, path, data, sha256, mapping, use_source)
    send_bytes: bool = False
    attempts: int = 0


@dataclass
class _Worker:
    """An actor and what the pool knows of it."""

    actor: object
    name: str
    ready: bool = False
    dead: bool = False
    sees_files: bool = True  # False once it could not read a path the head can: it gets bytes from then on
    busy: int = 0


class AnalyserPool:
    """Ray workers behind a submit/result interface: files go to the least busy live worker, results are kept
    until asked for (by ticket, in any order). A worker that dies is replaced by a new actor and the files it
    held go to the others. Use as a context manager: it starts or joins Ray on entry and lets the workers go
    (and stops a Ray it started) on exit."""

    def __init__(self, address: str, jobs: int | None = None) -> None:
        self.address, self.jobs = address, jobs
        self.started_ray = False
        self.workers: list[_Worker] = []
        self.queue: deque[_Job] = deque()
        self.running: dict = {}  # task ref -> (job, worker)
        self.starting: dict = {}  # ready() ref -> worker
        self.done: dict[int, object] = {}
        self.tickets = itertools.count()
        self.names = itertools.count()
        self.replacements = 0
        self.budget = 0
        self.resent = 0  # files whose bytes had to be sent after a worker could not read them
        self.retried = 0  # files sent again because their worker died

    @property
    def capacity(self) -> int:
        """Return how many files may be handed out before the writer takes the first one's result."""
        return max(1, len(self.workers)) * FILES_PER_WORKER

    def __enter__(self) -> Self:
        if not ray.is_initialized():
            options = {"logging_level": logging.WARNING, "log_to_driver": False}
            try:
                if self.address == "local":
                    ray.init(num_cpus=self.jobs or os.cpu_count() or 1, include_dashboard=False, **options)
                else:
                    ray.init(address=self.address, **options)
            except (ConnectionError, RuntimeError, ValueError) as err:
                raise Unavailable(f"cannot start or join Ray at {self.address}: {err}") from None
            self.started_ray = True
        cpus = int(ray.cluster_resources().get("CPU", 0))
        if cpus < 1:
            raise Unavailable("the Ray cluster has no CPU to run a worker on")
        count = min(self.jobs or cpus, cpus)  # a worker is pinned to one CPU: more would wait for ever
        self.budget = REPLACEMENTS_PER_WORKER * count
        for _ in range(count):
            self._start_worker()
        ray.get(list(self.starting))  # every model loaded before the first file goes out
        for worker in self.starting.values():
            worker.ready = True
        self.starting.clear()
        return self

    def __exit__(self, *exc) -> None:
        for worker in self.workers:
            ray.kill(worker.actor, no_restart=True)
        self.workers = []
        if self.started_ray:
            ray.shutdown()

    def _start_worker(self) -> None:
        """Start one actor (named, so an operator or a test can find it: seonggwa-analyser-PID-N)."""
        name = f"seonggwa-analyser-{os.getpid()}-{next(self.names)}"
        worker = _Worker(Analyser.options(name=name).remote(), name)
        self.workers.append(worker)
        self.starting[worker.actor.ready.remote()] = worker

    def submit(self, name: str, path: str, data: bytes, mapping, use_source: bool) -> int:
        """Queue one file (its bytes are sent only to a worker that cannot read the path) and return its ticket."""
        from tui.pipeline.process import file_digest
        from tui.pipeline.read import sidecar_of

        fetched = sidecar_of(Path(path)) if path.lower().endswith((".html", ".htm")) else None
        job = _Job(next(self.tickets), (name, path, data, file_digest(data), mapping, use_source, fetched))
        self.queue.append(job)
        self._dispatch()
        return job.ticket

    def result(self, ticket: int):
        """Return the FileResult of a submitted file, waiting for it; re-raise an error of the analysis."""
        while ticket not in self.done:
            if not self.running and not self.starting:
                raise Unavailable("no live worker is left to analyse the files")
            timeout = None if self.running else START_TIMEOUT
            ready, _ = ray.wait(list(self.running) + list(self.starting), num_returns=1, timeout=timeout)
            if not ready:
                raise Unavailable(f"no worker could be started in {START_TIMEOUT:.0f} s (no free CPU in the cluster?)")
            if ready[0] in self.starting:
                self._started(ready[0])
            else:
                self._collect(ready[0])
            self._dispatch()
        return self.done.pop(ticket)

    def _dispatch(self) -> None:
        """Hand queued files to ready workers with room, the least busy first."""
        while self.queue:
            free = [w for w in self.workers if w.ready and not w.dead and w.busy < IN_FLIGHT_PER_WORKER]
            if not free:
                return
            worker = min(free, key=lambda w: w.busy)
            job = self.queue.popleft()
            name, path, data, sha256, mapping, use_source, fetched = job.args
            sent = data if job.send_bytes or not worker.sees_files else None
            ref = worker.actor.analyze.remote(name, path, sent, sha256, mapping, use_source, fetched)
            self.running[ref] = (job, worker)
            worker.busy += 1

    def _started(self, ref) -> None:
        """Take a replacement worker into service once its model is loaded, or let it go if it failed."""
        worker = self.starting.pop(ref)
        try:
            ray.get(ref)
        except RayActorError:
            self._lost(worker)
            return
        worker.ready = True

    def _lost(self, worker: _Worker) -> None:
        """Retire a dead worker and start another in its place while the replacement budget lasts."""
        if worker.dead:
            return
        worker.dead = True
        self.workers.remove(worker)
        ray.kill(worker.actor, no_restart=True)
        if self.replacements < self.budget:
            self.replacements += 1
            self._start_worker()

    def _collect(self, ref) -> None:
        """Take one finished task: keep its result, or queue its file again (with bytes, or for another worker)."""
        job, worker = self.running.pop(ref)
        worker.busy -= 1
        try:
            value = ray.get(ref)
        except RayActorError:
            self._lost(worker)
            job.attempts += 1
            if job.attempts >= ATTEMPTS:
                from tui.pipeline.process import FileResult

                name, _path, data, sha256, _mapping, _use, _fetched = job.args
                self.done[job.ticket] = FileResult(name, sha256, len(data), error=(
                    f"its worker died {job.attempts} times while analysing it"))
                return
            self.retried += 1
            self.queue.appendleft(job)
            return
        except RayTaskError as err:
            raise err.as_instanceof_cause() from None  # an error in the analysis stops the run, as locally
        if value is None:  # the worker cannot see this path, or sees other content there
            worker.sees_files = False
            job.send_bytes = True
            self.resent += 1
            self.queue.appendleft(job)
            return
        self.done[job.ticket] = value
