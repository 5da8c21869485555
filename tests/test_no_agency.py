"""Articles no local government is the subject of: attributed to none, and still found in the browser (the tree's
기관 없음 node) and on the command line (claims --no-agency)."""

import json

import pytest
from click.testing import CliRunner
from ui_helpers import settle, visible_rows

from tui.cli import cli
from tui.ui.app import make_app
from tui.ui.widgets.claim_list import ClaimList
from tui.ui.widgets.nav import NavTree

FAIR = ("AI 마케팅 박람회, 3월 서울서 개최\n\n2025-03-10\n\n디지털 마케팅 기업 에이원은 3월 24일 서울 코엑스에서 "
        "마케팅 박람회를 연다고 밝혔다. 박람회에는 기업 80곳이 참가한다.\n\n홍길동 기자\n")
CITY = ("광산구, 청년 일자리 500개 창출\n\n2025-03-10\n\n광주 광산구는 올해 청년 일자리 500개를 새로 만들었다고 "
        "밝혔다. 광산구는 국비 20억원을 확보했다.\n\n홍길동 기자\n")


def ingested(tmp_path, **texts):
    """Return a database built from one article file per keyword (name=text)."""
    from tui.ingest import ingest

    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "articles.db"
    summary = ingest(path, [folder], jobs=1)
    assert summary.count("ingested") == len(texts), summary.outcomes
    return path


@pytest.fixture
def mixed_db(tmp_path):
    return ingested(tmp_path, fair=FAIR, city=CITY)


def cli_json(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_claims_of_an_article_no_government_acts_in_are_listed_apart(mixed_db):
    unattributed = cli_json(mixed_db, "claims", "--no-agency")
    assert [s["text"] for c in unattributed for s in c["spans"]] == ["80곳"] and unattributed[0]["agency"] is None
    everything = cli_json(mixed_db, "claims")
    assert {c["agency"] for c in everything} == {None, "광주광역시 광산구"}
    result = CliRunner().invoke(cli, ["--db", str(mixed_db), "claims", "--no-agency", "--agency", "광산구"])
    assert result.exit_code != 0 and "--no-agency and --agency" in result.output


async def test_the_tree_ends_with_the_articles_no_government_is_the_subject_of(mixed_db):
    app = make_app(mixed_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        nav = app.screen.query_one(NavTree)
        last = nav.root.children[-1]
        assert last.data.kind == "none" and last.label.plain == "기관 없음  1"
        nav.move_cursor(last)
        nav.select_node(last)
        await settle(pilot)
        claims = app.screen.query_one(ClaimList)
        assert claims.filter.no_agency and claims.total == 1
        assert [r["agency"] for r in visible_rows(claims)] == [None]


async def test_no_such_node_when_every_article_has_a_government(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert all(node.data.kind != "none" for node in app.screen.query_one(NavTree).root.children)


def test_the_count_beside_the_node_stops_at_its_cap(mixed_db):
    from tui.ui.data import DataSource

    source = DataSource(mixed_db)
    assert source.unattributed() == "1" and source.unattributed(cap=1) == "1+"


# an election story set in a city: a candidate, a party and a poll, none of it the city government's work
CAMPAIGN = ("대구시장 선거 후보 3명 출마 선언…여론조사 지지율 접전\n\n2026-03-10\n\n지방선거를 앞두고 대구시장 선거에 "
            "출마한 후보 3명이 공약을 발표했다. 국민의힘 경선에서 이긴 후보와 민주당 후보의 지지율은 여론조사에서 "
            "접전을 보였다.\n\n홍길동 기자\n")
# the same city as the actor of its own scheme
SCHEME = ("대구시, 청년 월세 지원 1000명으로 확대\n\n2026-03-10\n\n대구시는 올해 청년 월세 지원 대상을 1000명으로 "
          "늘린다고 10일 밝혔다. 대구시는 국비 20억원을 확보해 사업을 추진한다.\n\n홍길동 기자\n")


@pytest.mark.parametrize(("text", "agency"), [(CAMPAIGN, None), (SCHEME, "대구광역시")])
def test_a_city_named_as_the_scene_of_someone_elses_news_does_not_own_it(tmp_path, text, agency):
    """The ownership model (data/ownership_model.json) gives an article no publisher gives to the government the
    rules weigh most only when the article is that government's news."""
    from tui.ingest import ingest

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "article.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "one.db"
    assert ingest(path, [folder], jobs=1).count("ingested") == 1
    [article] = cli_json(path, "articles")
    assert article["agency"] == agency
    set_aside = [f["message"] for f in article["flags"] if f["code"] == "agency_set_aside"]
    if agency:
        assert set_aside == []
    else:  # an article left without the government it names says which and why
        assert len(set_aside) == 1 and "‘대구광역시’ is named" in set_aside[0] and "ownership" in set_aside[0]


def test_the_ownership_features_are_what_the_stored_model_weighs():
    """Every weight of the stored model names a feature ownership_features computes: a renamed or dropped feature
    would otherwise be weighed as zero without a word."""
    from tui.pipeline.attribution import (
        Evidence,
        Zone,
        ownership_features,
        ownership_model,
    )
    from tui.pipeline.gazetteer import gazetteer

    zones = [Zone("title", "대구시, 청년 월세 지원 확대", 3.0), Zone("lead", "대구시는 10일 밝혔다.", 2.0, 0)]
    features = ownership_features(gazetteer(), "대구광역시", {"대구광역시": 5.0}, {"대구광역시"}, Evidence(), zones,
                                  False, set())
    assert set(ownership_model().weights) <= set(features)


def test_the_stored_ownership_model_is_what_training_on_the_tune_splits_gives():
    import os

    from devset import corpus_present

    if not corpus_present() or not os.environ.get("SEONGGWA_UNSEEN_TEXTS"):
        pytest.skip("training needs ../shared/corpus and the unseen sets' news texts (SEONGGWA_UNSEEN_TEXTS)")
    import train_ownership

    stored = json.loads(train_ownership.MODEL.read_text(encoding="utf-8"))
    assert (stored["l2"], stored["threshold"]) == (train_ownership.STRENGTH, train_ownership.THRESHOLD)
    assert train_ownership.main(["--check"]) == 0


FIRM = ("통신사, 구독 서비스 출시\n\n2025-03-10\n\n통신 기업 에이원은 ‘우주패스 올인원’ 서비스를 새로 출시했다고 "
        "밝혔다. 회사는 ‘마이카 프리미엄’ 서비스를 함께 운영한다.\n\n홍길동 기자\n")
TOWN = ("광산구, ‘행복나눔 꾸러미’ 사업 시작\n\n2025-03-10\n\n광주 광산구는 올해 ‘행복나눔 꾸러미’ 사업을 새로 "
        "시작했다고 밝혔다. 광산구는 어르신 300가구에 꾸러미를 전달했다.\n\n홍길동 기자\n")


def test_an_article_no_government_acts_in_names_no_program(tmp_path):
    names = [p["name"] for p in cli_json(ingested(tmp_path, firm=FIRM, town=TOWN), "programs")]
    assert any("행복나눔 꾸러미" in name for name in names)  # the government's scheme stays
    assert not any("우주패스" in name or "마이카" in name for name in names)  # a firm's products are no programs
