"""Shared fixtures: the seed corpus, a database built from it once per session, and the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis budgets: a modest one in CI, a long one by hand (HYPOTHESIS_PROFILE=long python -m pytest -k fuzz).
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The benchmark suite (tests/bench) is run by hand with python tests/bench/run.py, never collected by pytest.
collect_ignore = ["bench"]

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def seed(name_prefix: str) -> Path:
    """Return the seed file whose name starts with a prefix ('000')."""
    return next(SEEDS.glob(f"{name_prefix}_*.txt"))


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """Return the shared press-release corpus folder, or skip when it is absent."""
    folder = SHARED / "corpus"
    if not (folder / "press_releases_gwangju_jeonnam_2025-12.csv").exists():
        pytest.skip("the shared corpus (../shared/corpus) is not present")
    return folder


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """Return a database built from the bundled seeds (built once per test session)."""
    from tui.ingest import ingest

    path = tmp_path_factory.mktemp("seeddb") / "seeds.db"
    summary = ingest(path, [SEEDS], jobs=1)
    assert summary.count("ingested") == 5, summary.outcomes
    return path


@pytest.fixture(scope="session")
def seed_results():
    """Return the pipeline results of each seed file, keyed by its three-digit prefix."""
    from tui.pipeline.process import process_file

    return {p.name[:3]: process_file(str(p)) for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture()
def db(seed_db):
    """Return an open connection to the session's seed database."""
    from tui.store.db import connect

    database = connect(seed_db)
    yield database
    database.conn.close()


@pytest.fixture()
def seed_copy(seed_db, tmp_path) -> Path:
    """Return a private copy of the seed database that a test may write to."""
    import sqlite3

    target = tmp_path / "copy.db"
    source = sqlite3.connect(seed_db)
    dest = sqlite3.connect(target)
    source.backup(dest)
    source.close()
    dest.close()
    return target


def pytest_xdist_auto_num_workers(config) -> int:
    """Return how many workers `-n auto` starts: one per core, at most four. Each worker loads the language model
    and builds the session's seed database once, and the suite's longest files (the real-terminal, reliability and
    cluster tests) set its floor, so more workers would cost memory without saving time."""
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))
