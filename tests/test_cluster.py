"""Ingest on Ray workers (issue 16): the same database as a local run, a killed worker recovered with nothing lost
or doubled, files sent as bytes to a worker that cannot read their path. Skipped when Ray is not installed."""

import sqlite3
import sys
from pathlib import Path

import pytest

from tui.ingest import ingest
from tui.pipeline.process import analyze_file, file_digest

ray = pytest.importorskip("ray")

pytestmark = pytest.mark.slow

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
import generate  # tests/bench/generate.py, importable once its folder is on the path

ARTICLES = 500  # about 280 files: pages of one or several articles, UTF-8 and CP949

# Every column of what the analysis produces; sources without ingested_at (a timestamp).
TABLES = {
    "articles": "*",
    # claims and spans without the claims' row numbers, which depend on the order the rows were written in
    "claims": 'id, article, sentence, start, "end", agency, term, program, status, category, speaker, kinds, '
              "published_key, zone, class, echo, line",
    "spans": 'c.id, c.article, s.kind, s.start, s."end", s.text, s.value, s.value_max, s.unit, s.approx, s.class, '
             "s.streak",
    "search_docs": 'article, sentence, start, "end", claim, morphs',  # where each sentence lies, without row numbers
    "programs": "*",
    "program_articles": "*",
    "sources": "file, sha256, bytes, encoding, articles, skipped, fs_path",
}


def dump(db: Path) -> dict[str, list[tuple]]:
    """Return the sorted rows of the analysed tables of a database."""
    con = sqlite3.connect(db)
    try:
        source = {"spans": "spans s JOIN claims c ON c.rid = s.claim_rid"}
        return {table: sorted(con.execute(f"SELECT {columns} FROM {source.get(table, table)}").fetchall(), key=repr)
                for table, columns in TABLES.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    generate.generate(folder, ARTICLES, seed=3, quiet=True)
    return folder


@pytest.fixture(scope="module")
def local_dump(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("local") / "local.db"
    summary = ingest(db, [corpus], jobs=2)
    assert summary.count("failed") == 0 and summary.articles >= ARTICLES * 0.9
    return dump(db)


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


def test_a_cluster_ingest_builds_the_same_database_as_a_local_one(corpus, local_dump, local_ray, tmp_path):
    db = tmp_path / "cluster.db"
    seen = []
    summary = ingest(db, [corpus], cluster="local", progress=lambda f, done, total: seen.append((done, total)))
    assert summary.count("ingested") == len(local_dump["sources"])
    assert seen[-1][0] == seen[-1][1] == len(local_dump["sources"])  # progress after every file
    cluster_dump = dump(db)
    for table in TABLES:
        assert cluster_dump[table] == local_dump[table], table
    again = ingest(db, [corpus], cluster="local")  # idempotent: nothing is analysed twice
    assert again.count("unchanged") == len(local_dump["sources"]) and again.articles == 0
    assert dump(db) == cluster_dump


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(corpus, local_dump, local_ray, tmp_path):
    db = tmp_path / "killed.db"
    names: dict[str, list[str]] = {}

    def progress(file: str, done: int, total: int) -> None:
        if done == 40:
            names["before"] = ray.util.list_named_actors()
            victim = next(n for n in names["before"] if n.startswith("seonggwa-analyser-"))
            ray.kill(ray.get_actor(victim), no_restart=True)  # it holds files being analysed and queued
        if done == total - 5:
            names["after"] = ray.util.list_named_actors()

    summary = ingest(db, [corpus], cluster="local", progress=progress)
    assert set(names["after"]) - set(names["before"])  # a replacement worker was started
    assert summary.count("ingested") == len(local_dump["sources"]) and summary.count("failed") == 0
    assert sorted(o.file for o in summary.outcomes) == sorted(r[0] for r in local_dump["sources"])
    assert dump(db) == local_dump


def test_a_file_the_worker_cannot_read_is_sent_as_bytes(corpus, local_ray):
    from tui import cluster

    page = next(p for p in sorted(corpus.rglob("*.txt")))
    data = page.read_bytes()
    with cluster.AnalyserPool("local", 1) as pool:
        seen = pool.result(pool.submit(str(page), str(page), data, None, True))
        hidden = pool.result(pool.submit(str(page), str(corpus / "not-on-this-node.txt"), data, None, True))
        assert (pool.resent, pool.retried) == (1, 0)
    assert seen.articles and seen.error is None
    assert [a.article.id for a in hidden.articles] == [a.article.id for a in seen.articles]
    assert ray.is_initialized()  # a Ray the pool did not start is left running


def test_the_worker_step_reads_the_path_only_when_it_holds_the_heads_content(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("광주 서구는 올해 청년 일자리 300개를 만들었다고 밝혔다.\n", encoding="utf-8")
    data = page.read_bytes()
    assert analyze_file("stored name", str(tmp_path / "missing.txt"), None, None, file_digest(data)) is None
    assert analyze_file("stored name", str(page), None, None, file_digest(b"other content")) is None
    from_path = analyze_file("stored name", str(page), None, None, file_digest(data))
    from_bytes = analyze_file("stored name", str(tmp_path / "missing.txt"), None, data, file_digest(data))
    assert from_path.file == from_bytes.file == "stored name"
    assert from_path.sha256 == from_bytes.sha256 == file_digest(data)
    unsupported = analyze_file("x.pdf", str(tmp_path / "x.pdf"), None, b"%PDF", None)
    assert unsupported.error and "unsupported" in unsupported.error


def test_a_worker_given_a_pages_bytes_uses_the_fetch_record_the_head_sends(tmp_path):
    """A worker that cannot see a saved page gets its bytes and its fetch record, so the article keeps the
    address it was fetched from (this needs no Ray: it is the worker's step)."""
    page = ("<html><head><title>광산구, 주민 참여 사업 마무리 - 빛고을일보</title></head><body><article>"
            "<h1>광산구, 주민 참여 사업 마무리</h1>"
            + "".join(f"<p>광산구는 올해 {n}번째 주민 참여 사업을 마무리하고 마을 도서관을 새로 지었다고 밝혔다.</p>"
                      for n in range(1, 5))
            + "</article></body></html>").encode("utf-8")
    record = {"url": "http://news.example.kr/a?id=1", "final_url": "https://news.example.kr/a/1"}
    result = analyze_file("pages/a.html", str(tmp_path / "elsewhere" / "a.html"), data=page, fetched=record)
    assert result.error is None and result.articles[0].article.url == "https://news.example.kr/a/1"
