"""Issue 6, search: two-syllable words, stems, spacing, phrases, filters, malformed queries; CLI JSON."""

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.cli import cli
from tui.store.db import connect
from tui.store.search import (
    QueryError,
    bigrams,
    highlight_positions,
    parse_query,
    search,
)


@pytest.fixture()
def seeds(seed_db):
    db = connect(seed_db)
    yield db
    db.conn.close()


def titles(db, query, **filters) -> set[str]:
    """Return the titles of the articles a query finds."""
    return {h.title for h in search(db, parse_query(query), **filters)}


GWANGSAN_BOOK = "광산구, 성과집 ‘행복광산’ 발간"
SEOGU = "구청장에 '바로 문자 하랑께'…주민 최우선, 소통행정 혁신"
LIBRARY = "시립도서관 3곳 ‘온라인 겨울독서교실’ 운영"
GGM = "광주글로벌모터스 노사 상생협의회 출범 첫 회의 노사공동위원회 설치 규정 제정"


def test_two_syllable_words_are_found(seeds):
    found = titles(seeds, "복지")
    assert GWANGSAN_BOOK in found and SEOGU in found
    assert LIBRARY not in found
    seogu = titles(seeds, "서구")
    assert SEOGU in seogu and GGM not in seogu


def test_stems_inside_inflected_words(seeds):
    hits = search(seeds, parse_query("지원금"))
    assert any("지원금을" in h.text for h in hits)
    assert {h.title for h in hits} >= {SEOGU, GWANGSAN_BOOK}
    assert LIBRARY not in {h.title for h in hits}


def test_names_with_or_without_spaces(seeds):
    spaced = titles(seeds, '"광주형 일자리"')
    solid = titles(seeds, "광주형일자리")
    assert spaced == solid
    assert GGM in spaced and "사회대통합형 노사상생 ‘광주형일자리’" in spaced
    assert SEOGU not in spaced


def test_quoted_phrase_requires_the_words_together(seeds):
    together = titles(seeds, '"바로 문자 하랑께"')
    assert together == {SEOGU}
    apart = titles(seeds, "바로 하랑께")
    assert SEOGU in apart


def test_filters_combine_with_words(seeds):
    everything = search(seeds, parse_query("국비"))
    assert {h.agency for h in everything} == {"광주광역시"}
    assert search(seeds, parse_query("국비"), agency="광주광역시 서구") == []
    money = search(seeds, parse_query("국비 kind:money"))
    assert money and all(h.claim for h in money)
    assert len(money) <= len(everything)
    seventh = search(seeds, parse_query("성과 agency:광산구 term:8"))
    assert seventh and {(h.agency, h.term) for h in seventh} == {("광주광역시 광산구", 8)}


def test_excluded_words(seeds):
    hits = search(seeds, parse_query("광산구 -행복"))
    assert hits and all("행복" not in h.text for h in hits)


def test_titles_come_first_then_the_newest(seeds):
    hits = search(seeds, parse_query("광주"))
    in_title = [h.sentence < 0 for h in hits]
    assert any(in_title) and not all(in_title)
    assert in_title == sorted(in_title, reverse=True)
    for group in (True, False):
        dates = [h.published or "" for h in hits if (h.sentence < 0) == group]
        assert dates == sorted(dates, reverse=True)


def test_a_narrow_filter_still_finds_older_matches(seeds, monkeypatch):
    """The index is walked newest first until enough matches pass the filters, not cut off before filtering."""
    import tui.store.search as search_module

    agencies = {h.agency for h in search(seeds, parse_query("광주"), limit=1000)}
    assert len(agencies) >= 2  # so at least one agency's matches are not the newest-ingested one
    monkeypatch.setattr(search_module, "CANDIDATES", 1)
    for agency in agencies:
        found = search(seeds, parse_query("광주"), agency=agency, limit=1)
        assert len(found) == 1
        main, about = seeds.execute("SELECT agency, agencies FROM articles WHERE id = ?", [found[0].article]).fetchone()
        assert agency == main or agency in json.loads(about or "[]")


def test_matches_are_marked_in_the_sentence():
    text = "광주시는 ‘광주형 일자리’ 사업을 추진했다."
    (start, end), = highlight_positions(text, ["광주형일자리"])
    assert text[start:end] == "광주형 일자리"
    assert bigrams("광주형 일자리") == bigrams("광주형일자리") == "광주 주형 형일 일자 자리"


@pytest.mark.parametrize("query", ['"unbalanced', 'a" b"', "AND", "OR 서구", "NEAR(a b)", "서구*", "-", "^서구",
                                   "col:서구", "(((", '""', "' OR 1=1 --", "kind:award 대상", "광산구 +", "{}"])
def test_malformed_queries_never_crash(seeds, query):
    try:
        search(seeds, parse_query(query))
    except QueryError as err:
        assert "nothing to search for" in str(err) or "is not" in str(err)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_any_query_text_is_safe(seed_db, text):
    db = connect(seed_db, readonly=True)
    try:
        search(db, parse_query(text), limit=5)
    except QueryError:
        pass
    finally:
        db.conn.close()


def test_search_command_json(seed_db):
    result = CliRunner().invoke(cli, ["--db", str(seed_db), "search", "지원금", "--json"])
    rows = json.loads(result.stdout)
    assert rows and all({"article", "title", "sentence", "matches", "claim"} <= set(r) for r in rows)
    assert all(any(r["sentence"][s:e].replace(" ", "") == "지원금" for s, e in r["matches"]) for r in rows)


def test_search_command_explains_an_empty_query(seed_db):
    result = CliRunner().invoke(cli, ["--db", str(seed_db), "search", "***"])
    assert result.exit_code == 2 and "nothing to search for" in result.stderr


def test_a_matched_claim_leads_with_its_line(seeds):
    """Issue 13: a result that is a claim says what was achieved (class, values, what they count) before the
    sentence; the line is the stored claim's, not re-made."""
    from tui.ui.screens.search import result_text

    hits = [h for h in search(seeds, parse_query("종합대상"), limit=50) if h.claim]
    assert hits
    for hit in hits:
        line, cls = seeds.execute("SELECT line, class FROM claims WHERE id = ? AND article = ?",
                                  [hit.claim, hit.article]).fetchone()
        assert (hit.line, hit.cls) == (line, cls) and line
        shown = result_text(hit, 100).plain.splitlines()
        assert len(shown) == 3 and shown[1].startswith("수상 ") and "대상" in shown[1]
    without = [h for h in search(seeds, parse_query("광주"), limit=200) if not h.claim]
    assert without and all(h.line is None and len(result_text(h, 100).plain.splitlines()) == 2 for h in without)


def test_a_title_result_shows_the_deck_when_only_the_deck_matched(seeds):
    for hit in search(seeds, parse_query("그린뉴딜"), limit=50):
        if hit.sentence < 0:
            assert hit.matches and "그린뉴딜" in hit.text.replace(" ", "")


def test_search_command_prints_the_claim_line(seed_db):
    result = CliRunner().invoke(cli, ["--db", str(seed_db), "search", "종합대상"])
    assert result.exit_code == 0
    assert any(line.strip().startswith("수상 ") for line in result.stdout.splitlines())


def test_a_verb_finds_its_conjugated_forms_through_the_stems_the_text_does_not_spell(tmp_path):
    """펼친 is spelled 펼+친: no bigram of 펼치다 is in it, so the index keeps kiwi's stem 펼치 for it; nouns the
    text spells (시책) are left to the bigrams and not stored twice."""
    import sqlite3

    from ui_helpers import ingest_page

    db_path = ingest_page(tmp_path, "광산구, 시책 평가 우수기관 선정\n\n광산구는 다양한 시책을 펼친 결과 우수기관에 선정됐다고 "
                                    "2일 밝혔다. 구는 이번 평가에서 100점 만점에 95점을 받았다.\n")
    db = connect(db_path)
    hits = search(db, parse_query("펼치다"))
    assert [h.text for h in hits] and all("펼친" in h.text for h in hits)
    stored = " ".join(r[0] for r in sqlite3.connect(db_path).execute("SELECT morphs FROM search_docs"))
    assert "펼치" in stored.split() and "시책" not in stored.split()


def test_a_record_repeating_an_earlier_records_url_replaces_it_in_the_search_index_too(tmp_path):
    """Two CSV rows with one url are one article (the last kept): the first row's words leave the index with it,
    and re-ingesting a changed file takes its old rows out cleanly (the index stays consistent)."""
    import csv as csv_module

    from tui.ingest import ingest

    path = tmp_path / "rows.csv"

    def write(first_word: str) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            out = csv_module.writer(handle)
            out.writerow(["title", "content", "url", "date"])
            out.writerow(["광산구 첫 기사", f"광산구는 {first_word} 사업으로 120명이 취업했다고 2일 밝혔다.",
                          "https://example.org/a", "2024-05-02"])
            out.writerow(["광산구 고친 기사", "광산구는 청년 창업 사업으로 130명이 취업했다고 3일 밝혔다.",
                          "https://example.org/a", "2024-05-03"])

    write("두레박")
    db_path = tmp_path / "s.db"
    ingest(db_path, [path], jobs=1)
    db = connect(db_path)
    assert search(db, parse_query("창업")) and not search(db, parse_query("두레박"))
    db.conn.close()
    write("징검다리")  # the file changes: its articles are replaced
    ingest(db_path, [path], jobs=1)
    db = connect(db_path)
    db.conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
    assert search(db, parse_query("창업")) and not search(db, parse_query("징검다리"))
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_row_holding_a_words_bigrams_apart_is_not_a_match(tmp_path):
    """The index keeps which rows hold each bigram, not where: 일자리 finds the rows holding 일자 and 자리, and only
    those where the word itself runs (spacing aside) are hits. A word left out with '-' leaves out only the rows
    that spell it, not those holding its bigrams apart."""
    from ui_helpers import ingest_page

    db_path = ingest_page(tmp_path, "광산구, 청년 일자리 사업 성과\n\n광산구는 청년 일자리 사업으로 120명이 취업했다고 "
                                    "2일 밝혔다. 구는 접수 일자를 정해 빈 자리를 채운다. 구는 일 자리 나눔도 "
                                    "한다고 설명했다.\n")
    db = connect(db_path)
    found = [h.text for h in search(db, parse_query("일자리"))]
    assert any("청년 일자리 사업으로" in t for t in found) and any("일 자리 나눔" in t for t in found)
    assert not any("일자를 정해" in t for t in found)
    kept = [h.text for h in search(db, parse_query("구는 -일자리"))]
    assert any("일자를 정해" in t for t in kept) and not any("일자리" in t or "일 자리" in t for t in kept)
