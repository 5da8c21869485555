"""The benchmark's database figures (tests/bench/run.py's db_stats) read the current schema: the pages as read
are kept once each in raw_texts, not in a column of articles. The benchmark itself runs by hand and is not
collected; this checks the one part of it that reads the store's layout."""

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _run_module():
    spec = importlib.util.spec_from_file_location("bench_run", HERE / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_run", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_db_stats_counts_the_text_as_stored(seed_db):
    stats = _run_module().db_stats(seed_db)
    body_chars, read_chars = stats["body_chars"]
    body_bytes, read_bytes = stats["text_bytes"]
    assert stats["articles"] > 0 and body_chars > 0 and 0 < body_bytes
    assert read_chars and read_chars > 0 and read_bytes > 0  # the seeds' pages as read differ from their text


def test_the_floor_of_n_jobs_tokenizes_every_document_once_per_process():
    """The benchmark's floor of N jobs (probes.py tokenize_processes) splits the documents across processes, each
    with its own model, and times the whole from the first start."""
    sys.path.insert(0, str(HERE / "bench"))  # a spawned process imports the probe's function by module name
    try:
        import probes

        seeds = str(HERE.parent / "data" / "seeds")
        out = probes.probe_tokenize_processes({"paths": [seeds], "processes": 1})
    finally:
        sys.path.remove(str(HERE / "bench"))
    assert out["processes"] == 1 and len(out["tokenize_each"]) == 1
    assert 0 < out["tokenize_each"][0] < out["seconds"]  # the model load counts in the whole, not in the share
