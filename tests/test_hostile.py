"""Issue 8, untrusted text: escapes, controls, bidi, markup look-alikes, huge lines — inert everywhere."""

import json
import re

import pytest
from click.testing import CliRunner
from ui_helpers import settle

from tui.cli import cli
from tui.ingest import ingest
from tui.ui.app import make_app
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.claim_list import ClaimList

ESC = "\x1b"
HOSTILE_LINES = [
    "광산구는 \x1b[31m빨간 글씨\x1b[0m로 청년 일자리 1천200개를 만들었다고 밝혔다.",
    "광산구는 \x1b]0;창 제목 바꾸기\x07 사업비 30억원을 확보했다.",
    "광산구는 \x1b]52;c;ZWNobyBoYWNrZWQ=\x07 시민 500명이 참여한 조사를 마쳤다.",
    "광산구는 \x1b]8;;file:///etc/passwd\x07링크\x1b]8;;\x07 로 85.8%의 찬성을 얻었다.",
    "광산구는 제어문자\x01\x02\x07\x08\x0b\x0c\x7f\x85\x9b 가 섞인 문장에서도 3곳을 새로 열었다.",
    "광산구는 \u202e역방향\u202c 글자와 \u200b제로폭\u200d 문자가 있어도 1만2천500명을 지원했다.",
    "광산구는 [bold red]굵은 빨강[/] 과 [link=file:///etc/passwd]링크[/link] 를 쓴 문장에서 20건을 처리했다.",
    "광산구는 \u1100\u1161\u11a8 자모 분해된 한글과 이모지 🎉 그리고 ‘ ’ · … 를 섞어 7개 기관과 협약을 맺었다.",
    "광산구는 " + "가" * 10000 + " 라는 긴 단어 뒤에 40명을 채용했다.",
]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    page = folder / "hostile\x1b[2J.txt"
    page.write_text("광산구 \x1b[5m깜빡이\x1b[0m 성과 [bold]정리[/bold]\n\n" + "\n".join(HOSTILE_LINES)
                    + "\n\n홍길동 기자 hong@kwangju.co.kr\n", encoding="utf-8")
    path = folder / "h.db"
    summary = ingest(path, [folder], jobs=1)
    assert summary.count("ingested") == 1, summary.outcomes
    return path


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f]")


def test_raw_text_is_kept_untouched_and_clean_text_has_no_controls(hostile_db):
    from tui.store.db import connect
    from tui.store.read import get_article

    db = connect(hostile_db)
    article = get_article(db, db.execute("SELECT id FROM articles").fetchone()[0])
    raw, body, title = article.raw, article.body, article.title  # the text is kept compressed, read back here
    assert ESC + "]52;" in raw and "\u202e" in raw
    assert not UNSAFE.search(body) and not UNSAFE.search(title)
    assert "[bold red]굵은 빨강[/]" in body and "가" * 10000 in body
    assert "각" in body  # decomposed jamo composed


@pytest.mark.parametrize("args", [
    ["articles"], ["articles", "--json"], ["claims"], ["claims", "--json"], ["programs"], ["agencies"],
    ["search", "광산구"], ["search", "광산구", "--json"], ["export", "--agency", "광산구", "--format", "md"],
    ["export", "--agency", "광산구", "--format", "csv"], ["export", "--agency", "광산구", "--format", "json"],
])
def test_command_output_is_inert(hostile_db, args):
    result = run(hostile_db, *args)
    assert result.exit_code == 0, result.stderr
    assert not UNSAFE.search(result.stdout), repr(UNSAFE.search(result.stdout))
    assert not UNSAFE.search(result.stderr)


def test_show_and_show_raw_never_send_escapes(hostile_db):
    article = json.loads(run(hostile_db, "articles", "--json").stdout)[0]
    for extra in ([], ["--raw"]):
        out = run(hostile_db, "show", article["id"], *extra).stdout
        assert ESC not in out and "\u202e" not in out
    raw = run(hostile_db, "show", article["id"], "--raw").stdout
    assert "␛]52;" in raw  # shown, not obeyed


def test_json_keeps_the_data_readable(hostile_db):
    claims = json.loads(run(hostile_db, "claims", "--json").stdout)
    sentences = " ".join(c["sentence"] for c in claims)
    assert "[bold red]굵은 빨강[/]" in sentences and "[link=file:///etc/passwd]" in sentences
    values = {s["value"] for c in claims for s in c["spans"]}
    assert {1200, 3000000000, 500, 85.8, 3, 12500, 20, 7, 40} <= values


def test_the_ingest_summary_shows_a_hostile_file_name_inertly(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "bad\x1b]0;x\x07.txt").write_text("", encoding="utf-8")
    result = run(tmp_path / "n.db", "ingest", str(folder))
    assert result.exit_code == 1 and ESC not in result.stderr and "␛" in result.stderr


async def test_panes_show_markup_look_alikes_as_typed_and_stay_aligned(hostile_db):
    app = make_app(hostile_db, agency="광주광역시 광산구")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        claims = app.screen.query_one(ClaimList)
        for index in range(claims.total):
            row = claims.row(index)
            assert ClaimList.row_text(row, 90).cell_len == 90
        svg = app.export_screenshot()
        assert "[bold&#160;red]굵은&#160;빨강[/]" in svg or "[bold red]굵은 빨강[/]" in svg
        assert ESC not in svg
        view = app.screen.query_one(ArticleView)
        assert view.article is not None
