"""Issue 8: input limits (huge files, huge cells, deep nesting, many files, odd file names) and fuzzing."""

import csv
import json
import os

from click.testing import CliRunner
from conftest import seed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import cli
from tui.ingest import ingest
from tui.pipeline.process import process_file
from tui.pipeline.read import MAX_TEXT_BYTES, InputError, html_to_text, read_file

GOOD = seed("002").read_text(encoding="utf-8")


def outcomes(summary) -> dict:
    return {os.path.basename(o.file): (o.status, o.reason) for o in summary.outcomes}


def test_a_page_over_the_size_limit_is_refused_with_the_reason(tmp_path):
    big = tmp_path / "huge.txt"
    line = ("광산구는 사업을 추진했다. " * 1000 + "\n").encode()
    with big.open("wb") as handle:
        handle.write(line * (MAX_TEXT_BYTES // len(line) + 30))
    assert big.stat().st_size > MAX_TEXT_BYTES
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = outcomes(ingest(tmp_path / "s.db", [tmp_path], jobs=1))
    assert result["good.txt"][0] == "ingested"
    assert result["huge.txt"][0] == "failed" and "MB limit" in result["huge.txt"][1]


def write_csv(path, bodies):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "content", "source", "published_at"])
        for i, body in enumerate(bodies):
            writer.writerow([f"제목 {i}", body, "광산구", "2025-12-01"])


def test_a_million_character_cell_sets_aside_that_record_only(tmp_path):
    path = tmp_path / "cells.csv"
    write_csv(path, [GOOD[:1500], "가나다라 " * 250_000, GOOD[1500:3000]])
    summary = ingest(tmp_path / "s.db", [path], jobs=1)
    assert summary.count("ingested") == 1 and summary.articles == 2
    assert any("over 300,000 characters" in why for why in summary.set_aside)


def test_a_cell_too_large_for_csv_is_refused_naming_the_reason(tmp_path):
    path = tmp_path / "broken.csv"
    write_csv(path, ["가" * 10_500_000])
    result = outcomes(ingest(tmp_path / "s.db", [path], jobs=1))
    assert result["broken.csv"][0] == "failed" and "malformed CSV" in result["broken.csv"][1]


def test_deeply_nested_html_and_json(tmp_path):
    depth = 50_000
    text, _ = html_to_text("<div>" * depth + "<p>광산구는 사업을 추진했다. 시민 100명이 참여했다.</p>" + "</div>" * depth)
    assert "광산구는 사업을 추진했다." in text
    nested = tmp_path / "deep.json"
    nested.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    try:
        read_file(nested)
    except InputError as err:
        assert "nested too deeply" in str(err) or "array of objects" in str(err)


def test_many_small_files_with_progress(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"n{i:04d}.txt").write_text(f"소식 {i}\n\n광산구는 {i + 1}번째 설명회를 열었다. 주민 {i + 10}명이 참석했다.\n",
                                              encoding="utf-8")
    calls = []
    summary = ingest(tmp_path / "m.db", [folder], jobs=1, progress=lambda f, done, total: calls.append((done, total)))
    assert summary.count("ingested") == 300
    assert calls[-1] == (300, 300) and len(calls) == 300


def test_a_file_name_in_cp949_bytes(tmp_path):
    folder = os.fsencode(tmp_path / "names")
    os.mkdir(folder)
    name = folder + b"/" + "광산구 소식".encode("cp949") + b".txt"
    with open(name, "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    db = tmp_path / "n.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", os.fsdecode(folder)])
    assert result.exit_code == 0, result.stderr
    sources = [r["source"] for r in json.loads(CliRunner().invoke(cli, ["--db", str(db), "articles", "--json"]).stdout)]
    assert sources and "\\x" in sources[0]
    rebuilt = ingest(db, [], jobs=1, rebuild=True)
    assert rebuilt.count("ingested") == 1


FUZZ_LINES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["뉴스", "기사 스크랩", "가장 많이본 뉴스", "홍길동 기자 a@kwangju.co.kr", "2020. 07.08. 19:59:50",
                     "<광산구 제공> 사진", "▲사업=광산구는 1만2천500명을 지원했다.", "", "-", "CMYK", "구청장은 “3억원”이라며"]),
    st.builds(lambda n, u: f"광산구는 올해 {n}{u}를 달성했다.", st.integers(0, 10**13),
              st.sampled_from(["명", "건", "억원", "%", "점", "위", "곳"])),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(FUZZ_LINES, max_size=30), st.sampled_from([".txt", ".html", ".csv", ".json", ".jsonl"]))
def test_fuzz_text_through_the_whole_pipeline(tmp_path, lines, suffix):
    path = tmp_path / f"fuzz{suffix}"
    text = "\n".join(lines)
    if suffix == ".csv":
        text = "title,content\n" + "".join(f'"t","{line.replace(chr(34), "")}"\n' for line in lines)
    elif suffix in (".json", ".jsonl"):
        text = json.dumps([{"title": "t", "content": line} for line in lines], ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    result = process_file(str(path))
    assert result.error or result.articles
    for analyzed in result.articles:
        article = analyzed.article
        for claim in analyzed.claims:
            source = {"title": article.title, "deck": article.deck}.get(claim.zone, article.body)
            assert source[claim.start:claim.end] == claim.text
            for span in claim.spans:
                assert source[span.start:span.end] == span.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".html", ".csv", ".json"]))
def test_fuzz_bytes_never_crash_the_reader(tmp_path, data, suffix):
    path = tmp_path / f"bytes{suffix}"
    path.write_bytes(data)
    result = process_file(str(path))
    assert result.error or result.articles
