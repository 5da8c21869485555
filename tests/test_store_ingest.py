"""Storing: idempotent, atomic per file, a changed file replaces its own articles, bad input never stored."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS, seed

from tui.ingest import ingest
from tui.store import write
from tui.store.db import StoreError, connect
from tui.store.read import get_article


def counts(path):
    """Return (sources, articles, claims, spans) row counts."""
    con = sqlite3.connect(path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("sources", "articles", "claims", "spans"))
    finally:
        con.close()


def test_ingest_is_idempotent(tmp_path):
    path = tmp_path / "s.db"
    first = ingest(path, [seed("000"), seed("002")], jobs=1)
    before = counts(path)
    second = ingest(path, [seed("000"), seed("002")], jobs=1)
    assert first.count("ingested") == 2 and second.count("unchanged") == 2
    assert counts(path) == before


def test_same_content_under_another_name_is_not_added_twice(tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(seed("000"), copy)
    path = tmp_path / "s.db"
    ingest(path, [seed("000")], jobs=1)
    summary = ingest(path, [copy], jobs=1)
    assert summary.outcomes[0].status == "duplicate"
    assert counts(path)[0] == 1


def test_changed_file_replaces_its_own_articles(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(seed("000").read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "s.db"
    ingest(path, [page, seed("002")], jobs=1)
    page.write_text("새 제목이다\n\n광산구가 새 사업을 시작했다. 시민 300명이 참여했다.\n", encoding="utf-8")
    summary = ingest(path, [page], jobs=1)
    assert summary.outcomes[0].status == "ingested"
    con = sqlite3.connect(path)
    titles = [r[0] for r in con.execute("SELECT title FROM articles ORDER BY title")]
    assert "새 제목이다" in titles and "광산구, 성과집 ‘행복광산’ 발간" not in titles
    assert any("바로 문자" in t for t in titles)  # the other file is untouched


def test_an_interrupted_file_leaves_nothing_behind(tmp_path):
    path = tmp_path / "s.db"
    ingest(path, [seed("002")], jobs=1)
    before = counts(path)

    from tui.pipeline.process import process_file

    result = process_file(str(seed("001").resolve()))
    db = connect(path)

    def crash(_analyzed):
        if crash.seen:
            raise RuntimeError("simulated failure mid-file")
        crash.seen = True

    crash.seen = False
    with pytest.raises(RuntimeError):
        write.write_result(db, result, after_write=crash)
    db.conn.close()
    assert counts(path) == before


def test_cp949_and_utf16_files_ingest(tmp_path):
    text = seed("002").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(text.encode("cp949", errors="replace"))
    (folder / "b.txt").write_bytes(text.replace("서구", "남구").encode("utf-16"))
    path = tmp_path / "s.db"
    summary = ingest(path, [folder], jobs=1)
    assert summary.count("ingested") == 2
    con = sqlite3.connect(path)
    encodings = sorted(r[0] for r in con.execute("SELECT encoding FROM sources"))
    assert encodings == ["cp949", "utf-16"]


def test_bad_files_are_reported_and_the_rest_ingested(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(seed("004"), folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "chrome.txt").write_text("뉴스\n기획\n지역\n오피니언\n검색\n로그인\n", encoding="utf-8")
    (folder / "nobody.csv").write_text("id,headline\n1,제목\n", encoding="utf-8")
    path = tmp_path / "s.db"
    summary = ingest(path, [folder], jobs=1)
    reasons = {o.file.rsplit("/", 1)[-1]: (o.status, o.reason) for o in summary.outcomes}
    assert reasons["good.txt"][0] == "ingested"
    assert reasons["empty.txt"] == ("failed", "empty file")
    assert "PNG" in reasons["binary.html"][1]
    assert "no article found" in reasons["chrome.txt"][1]
    assert "no body column" in reasons["nobody.csv"][1]
    assert counts(path)[0] == 1


def test_two_jobs_give_the_same_articles_as_one(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    ingest(one, [SEEDS], jobs=1)
    ingest(two, [SEEDS], jobs=2)
    query = "SELECT id, title, agency, term FROM articles ORDER BY id"
    a, b = sqlite3.connect(one), sqlite3.connect(two)
    assert a.execute(query).fetchall() == b.execute(query).fetchall()
    assert counts(one) == counts(two)


def test_not_a_database_is_refused_with_a_reason(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="not an SQLite database"):
        connect(bogus)


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE articles (id TEXT)")
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer seonggwa"):
        connect(path)


@pytest.mark.corpus
def test_press_release_csv_ingests_as_is(tmp_path, shared_corpus):
    path = tmp_path / "corpus.db"
    summary = ingest(path, [shared_corpus / "press_releases_gwangju_jeonnam_2025-12.csv"], jobs=2)
    assert summary.count("ingested") == 1, summary.outcomes
    sources, articles, claims, _spans = counts(path)
    # 1,043 rows, of which about a hundred are the same release scraped again (another session in the URL, or a
    # menu line more): one article each
    assert articles >= 900 and claims > 1000
    con = sqlite3.connect(path)
    dated = con.execute("SELECT count(*) FROM articles WHERE published LIKE '2025-12-%'").fetchone()[0]
    assert dated >= 900
    copies = connect(path).execute("SELECT count(*) - count(DISTINCT source_id || '|' || title || unpack(body_z)) "
                                   "FROM articles").fetchone()[0]
    assert copies == 0
    markers = con.execute("SELECT count(*) FROM articles WHERE title LIKE '%새글' OR title LIKE '%NEW'").fetchone()[0]
    assert markers == 0


def test_a_sentence_repeated_in_an_article_is_one_claim_and_the_summary_says_so(tmp_path):
    """Two identical claim sentences in one article (not a repeated paragraph) give one claim, at the first one."""
    sentence = "광주 광산구는 올해 청년 일자리 사업으로 120명이 취업했다고 밝혔다."
    page = tmp_path / "page.txt"
    page.write_text(f"광산구, 청년 일자리 사업 성과 발표\n\n{sentence} 구는 내년에도 사업을 이어간다.\n\n"
                    f"광산구는 지역 기업과 협약을 맺고 채용 박람회를 열었다. {sentence}\n", encoding="utf-8")
    path = tmp_path / "r.db"
    summary = ingest(path, [page], jobs=1)
    con = sqlite3.connect(path)
    rows = con.execute('SELECT start, "end" FROM claims').fetchall()
    con.close()
    body = connect(path).execute("SELECT unpack(body_z) FROM articles").fetchone()[0]  # the text is compressed
    assert [o.claims for o in summary.outcomes] == [len(rows)] == [1]
    assert rows[0][0] == body.index(sentence) and body[rows[0][0]: rows[0][1]] == sentence


def _releases_csv(folder, rows):
    """Write rows (id, title, content, url) as a press-release CSV of 곡성군 and return its path."""
    import csv

    path = folder / "releases.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "title", "content", "original_link", "source", "published_at"])
        for rid, title, content, link in rows:
            out.writerow([rid, title, content, link, "곡성군", "2025-12-18"])
    return path


def test_a_release_scraped_several_times_is_one_article(tmp_path):
    """A CSV holding one release three times (two with another session id in the URL, one with the page's menu
    line before the text) gives one article; another release under the same title with other text stays."""
    body = ("곡성군은 지난 17일 열린 시상식에서 지역 국악인이 도 문화상을 수상했다고 18일 밝혔다. "
            "이번 수상으로 곡성군은 2년 연속 수상자를 배출했다. 군은 전통 농악 보존 사업을 이어갈 계획이다.")
    other = ("곡성군은 내년부터 전통 농악 전수관을 새로 운영한다고 밝혔다. 전수관은 주민 300명이 이용할 수 있으며 "
             "강좌 20개를 연다. 군은 국비 5억원을 확보했다.")
    url = "https://www.example.go.kr/board/view.do;jsessionid={}?bbsId=1&nttId=7"
    rows = [("1", "곡성군, 국악인 문화상 수상", body, url.format("A1B2")),
            ("2", "곡성군, 국악인 문화상 수상", "예술축제팀\n담당부서\n" + body, url.format("C3D4")),
            ("3", "곡성군, 국악인 문화상 수상", body, "https://www.example.go.kr/board/view.do?bbsId=1&nttId=7&page=2"),
            ("4", "곡성군, 국악인 문화상 수상", other, "https://www.example.go.kr/board/view.do?bbsId=1&nttId=9")]
    path = _releases_csv(tmp_path, rows)
    db = tmp_path / "r.db"
    summary = ingest(db, [path], jobs=1)
    assert counts(db)[1] == 2
    assert summary.set_aside.get("records repeating an earlier record's text (the first one kept)") == 1
    assert summary.set_aside.get("records repeating an earlier record's url (the last one kept)") == 1


def test_identical_records_are_set_aside_before_they_are_analysed(tmp_path, monkeypatch):
    """A record repeated word for word (under its own address again, or under another) is set aside before
    analysis, with the counts and the stored articles a full analysis would give; a copy with a menu line more
    is still analysed and then found to be one."""
    from tui.pipeline import process

    body = "곡성군은 지역 국악인이 도 문화상을 수상했다고 18일 밝혔다. 군은 국비 5억원을 확보했다."
    other = "곡성군은 내년부터 농악 전수관을 운영한다. 전수관은 주민 300명이 이용할 수 있다."
    rows = [("1", "곡성군, 문화상 수상", body, "https://www.example.go.kr/view?n=7"),
            ("2", "곡성군, 문화상 수상", body, "https://www.example.go.kr/view?n=8"),  # the same under another address
            ("3", "곡성군, 문화상 수상", "담당부서\n" + body, "https://www.example.go.kr/view?n=9"),  # a menu line more
            ("4", "곡성군, 전수관 운영", other, "https://www.example.go.kr/view?n=10"),
            ("5", "곡성군, 문화상 수상", body, "https://www.example.go.kr/view?n=7")]  # the first one again
    path = _releases_csv(tmp_path, rows)
    analysed = []
    real = process._found  # every document analysed passes here, alone or in a stream
    monkeypatch.setattr(process, "_found", lambda doc, *a: analysed.append(doc.index) or real(doc, *a))
    summary = ingest(tmp_path / "r.db", [path], jobs=1)
    assert len(analysed) == 3  # records 2 and 1 (replaced by 5) were never analysed
    assert counts(tmp_path / "r.db")[1] == 2
    assert summary.set_aside.get(process.TEXT_REPEAT) == 2 and summary.set_aside.get(process.URL_REPEAT) == 1
    kept, repeats = process.without_repeats(process.read_file(path))
    assert [d.meta["url"][-4:] for d in kept] == ["?n=9", "n=10", "?n=7"] and sum(repeats.values()) == 2


def test_a_page_read_from_two_files_keeps_its_text_as_read_when_either_changes(tmp_path):
    """A page as read is kept once, packed against the cleaned body of the first article read from it. The same
    page in UTF-8 and in CP949 is two files and one page: when the file whose article the page was packed against
    changes, the page is packed again against the other's article and still reads back as it was read; when no
    article reads it any longer, it goes."""
    text = seed("000").read_text(encoding="utf-8")
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(text, encoding="utf-8")
    second.write_bytes(text.encode("cp949"))
    path = tmp_path / "s.db"
    ingest(path, [first], jobs=1)
    ingest(path, [second], jobs=1)
    db = connect(path)
    ids = {src: i for i, src in db.execute("SELECT a.id, s.file FROM articles a JOIN sources s ON s.id = a.source_id").fetchall()}
    a, b = ids[str(first)], ids[str(second)]
    raw = get_article(db, a).raw
    assert raw != get_article(db, a).body and get_article(db, b).raw == raw
    page = db.execute("SELECT raw_digest FROM articles WHERE id = ?", [b]).fetchone()[0]
    assert db.execute("SELECT base FROM raw_texts").fetchall() == [(a,)]
    db.conn.close()

    first.write_text("새 제목이다\n\n광산구가 새 사업을 시작했다. 시민 300명이 참여했다.\n", encoding="utf-8")
    assert ingest(path, [first], jobs=1).outcomes[0].status == "ingested"
    db = connect(path)
    assert get_article(db, b).raw == raw
    assert db.execute("SELECT base FROM raw_texts WHERE digest = ?", [page]).fetchall() == [(b,)]
    db.conn.close()

    second.write_text("다른 제목이다\n\n서구가 다른 사업을 시작했다. 주민 200명이 참여했다.\n", encoding="utf-8")
    assert ingest(path, [second], jobs=1).outcomes[0].status == "ingested"
    db = connect(path)
    assert db.execute("SELECT count(*) FROM raw_texts WHERE digest = ?", [page]).fetchone()[0] == 0
    db.conn.close()


def test_ingesting_again_keeps_every_page_as_read(tmp_path):
    """ingest --rebuild deletes and writes every article again (the same ids): the pages packed against their
    bodies are packed again and read back the same."""
    path = tmp_path / "s.db"
    ingest(path, [SEEDS], jobs=1)
    db = connect(path)
    before = {i: get_article(db, i).raw for (i,) in db.execute("SELECT id FROM articles").fetchall()}
    db.conn.close()
    ingest(path, [SEEDS], jobs=1, rebuild=True)
    db = connect(path)
    assert {i: get_article(db, i).raw for (i,) in db.execute("SELECT id FROM articles").fetchall()} == before
    assert db.execute("SELECT count(*) FROM raw_texts WHERE base IS NULL").fetchone()[0] == 0
    db.conn.close()


def test_a_first_build_is_written_compactly(tmp_path):
    """An ingest that at least doubles the database (a first build above all) writes the file again at its end:
    its indexes were filled in the order the files came and stood partly empty. Rewriting a copy gains nothing;
    the search still finds what it found."""
    import sys

    sys.path.insert(0, str(SEEDS.parents[1] / "tests" / "bench"))
    import generate

    corpus = tmp_path / "corpus"
    generate.generate(corpus, 300, seed=5, quiet=True)
    path = tmp_path / "s.db"
    ingest(path, [corpus], jobs=1)
    copy = tmp_path / "copy.db"
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA freelist_count").fetchone()[0] == 0
    con.execute("VACUUM INTO ?", [str(copy)])
    con.close()
    assert copy.stat().st_size == path.stat().st_size
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0


def test_a_rewrite_that_fails_loses_nothing_and_says_so(tmp_path, monkeypatch):
    """The rewrite at the end of a first build needs free disk space about the file's size. When it fails (here:
    the disk is full), every file is already stored: the ingest says so and the database works."""
    import tui.ingest as ingest_module

    class FullDisk:
        def __init__(self, conn):
            self._conn = conn

        def __getattr__(self, name):
            return getattr(self._conn, name)

        def execute(self, sql, *args):
            if sql == "VACUUM":
                raise sqlite3.OperationalError("database or disk is full")
            return self._conn.execute(sql, *args)

    real = ingest_module.store_db.connect

    def connect_full(*args, **kwargs):
        db = real(*args, **kwargs)
        db.conn = FullDisk(db.conn)
        return db

    monkeypatch.setattr(ingest_module.store_db, "connect", connect_full)
    said = []
    path = tmp_path / "s.db"
    summary = ingest(path, [seed("000"), seed("002")], jobs=1, notice=said.append)
    assert summary.count("ingested") == 2
    assert any("every file is stored" in s and "disk is full" in s and str(path) in s for s in said)
    monkeypatch.undo()
    db = connect(path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    db.conn.close()


def test_a_files_path_is_stored_twice_only_when_its_name_cannot_spell_it(tmp_path):
    """sources.fs_path keeps a file's path as the file system knows it for a name that is not valid UTF-8 (stored as
    \\xNN); a name that spells its path keeps none. Both files are found again by ingest --rebuild."""
    import os

    plain = tmp_path / "보도자료.txt"
    plain.write_text(seed("000").read_text(encoding="utf-8"), encoding="utf-8")
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/page-\xff.txt"))
    odd.write_text(seed("002").read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "s.db"
    ingest(path, [plain, odd], jobs=1)
    con = sqlite3.connect(path)
    stored = dict(con.execute("SELECT file, fs_path FROM sources").fetchall())
    con.close()
    assert stored[str(plain)] is None
    [(name, raw)] = [(f, r) for f, r in stored.items() if f != str(plain)]
    assert "\\xff" in name and raw == os.fsencode(odd)
    summary = ingest(path, [], jobs=1, rebuild=True)
    assert summary.count("ingested") == 2 and summary.count("failed") == 0


def test_records_analysed_in_one_batch_come_out_as_each_analysed_alone():
    """analyze_docs hands a file's bodies to kiwipiepy as one batch analysed ahead of the rules: each article must
    still get its own body's tokens, in order, past records that give no article or only their headline."""
    import json

    from tui.pipeline.process import analyze_docs
    from tui.pipeline.read import read_file

    bodies = [seed(n).read_text(encoding="utf-8") for n in ("000", "002", "004")]
    records = [{"title": "광산구, 복지 평가 최우수", "content": bodies[0], "published_at": "2025-12-13"},
               {"title": "메뉴만 남은 글", "content": "로그인 회원가입 사이트맵 전체메뉴", "published_at": "2025-12-13"},
               {"title": "서구, 도서관 개관", "content": bodies[1], "published_at": "2024-03-02"},
               {"title": "광주시, 일자리 1만개", "content": "광주시는 올해 일자리 1만2000개를 만들었다.",
                "published_at": "2023-05-01"},
               {"title": "제목", "content": bodies[2], "published_at": "2022-07-01"}]
    data = json.dumps(records, ensure_ascii=False).encode()
    together, skipped = analyze_docs(read_file(Path("releases.json"), data))
    alone = [a for doc in read_file(Path("releases.json"), data) for a in analyze_docs([doc])[0]]
    assert len(together) == 5 and skipped
    assert [repr(a) for a in together] == [repr(a) for a in alone]
    assert [len(a.sentences) for a in together] == [len(a.sentences) for a in alone]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_copy_within_one_run_is_a_duplicate_and_outcomes_keep_the_files_order(tmp_path, jobs):
    """Analysis runs ahead of the writes (a batch in this process, or worker processes): a file with the bytes of
    one before it in the same run is still told a duplicate, or fails as that file failed, in its turn."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed("000"), folder / "a.txt")
    shutil.copy(seed("000"), folder / "b.txt")
    (folder / "c.txt").write_text("로그인 회원가입\n", encoding="utf-8")
    (folder / "d.txt").write_text("로그인 회원가입\n", encoding="utf-8")
    shutil.copy(seed("002"), folder / "e.txt")
    path = tmp_path / "s.db"
    summary = ingest(path, [folder, tmp_path / "missing.txt"], jobs=jobs)
    assert [(Path(o.file).name, o.status) for o in summary.outcomes] == [
        ("a.txt", "ingested"), ("b.txt", "duplicate"), ("c.txt", "failed"), ("d.txt", "failed"),
        ("e.txt", "ingested"), ("missing.txt", "failed")]
    assert summary.outcomes[1].reason == f"same content as {folder / 'a.txt'}"
    assert summary.outcomes[3].reason == summary.outcomes[2].reason
    assert counts(path)[0] == 2


def test_files_split_into_chunks_and_packed_into_tasks_store_as_in_one_job(tmp_path, monkeypatch):
    """Small chunks: a file of records goes out in several chunks, and tasks pack chunks of several files; two
    jobs must store what one job does, file by file."""
    import json

    import tui.ingest

    monkeypatch.setattr(tui.ingest, "CHUNK_CHARS", 2500)
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    bodies = [seed(n).read_text(encoding="utf-8")[:1500] for n in ("000", "001", "002", "003", "004")]
    records = [{"title": f"광산구 소식 {i}", "content": body + f"\n광산구는 주민 {i + 3}00명이 참여했다고 밝혔다.",
                "published_at": f"2025-12-{i + 10}"} for i, body in enumerate(bodies * 2)]
    (folder / "records.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    first, second = ingest(one, [folder], jobs=1), ingest(two, [folder], jobs=2)
    assert [(o.file, o.status, o.articles, o.claims) for o in first.outcomes] == \
        [(o.file, o.status, o.articles, o.claims) for o in second.outcomes]
    assert first.count("ingested") == 6 and first.articles >= 15
    query = "SELECT article, id, start, \"end\", agency, term, class, status, line FROM claims ORDER BY article, id"
    a, b = sqlite3.connect(one), sqlite3.connect(two)
    assert a.execute(query).fetchall() == b.execute(query).fetchall()
