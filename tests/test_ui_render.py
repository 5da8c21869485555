"""Rendering: highlights on the right Korean characters, widths in cells, scraped text never markup."""

import pytest
from rich.cells import cell_len
from rich.text import Text
from ui_helpers import first_screen_imports

from tui.ui.render import KIND_STYLES, agency_short, body_text, cut_cells, pad_cells
from tui.ui.widgets.claim_list import ClaimList

BODY = "광산구는 소상공인 1만2천500명에게 운영자금 30만원을 지급했다. ‘늘행복 프로젝트’는 85.8%의 찬성을 얻었다."


def span(text: str, kind: str) -> dict:
    start = BODY.index(text)
    return {"kind": kind, "start": start, "end": start + len(text), "text": text}


def test_highlights_land_on_the_right_characters():
    claims = [{"id": "a", "start": 0, "end": BODY.index(".") + 1, "spans": [span("1만2천500명", "count"),
                                                                           span("30만원", "money")]},
              {"id": "b", "start": BODY.index("‘"), "end": len(BODY), "spans": [span("85.8%", "percent")]}]
    text = body_text(BODY, claims, selected="b")
    styled = {BODY[s.start:s.end]: s.style for s in text.spans if s.style in KIND_STYLES.values()}
    assert styled == {"1만2천500명": KIND_STYLES["count"], "30만원": KIND_STYLES["money"],
                      "85.8%": KIND_STYLES["percent"]}


def test_inline_tags_name_the_kind_after_each_value():
    claims = [{"id": "a", "start": 0, "end": 10, "spans": [span("30만원", "money")]}]
    assert "30만원[금액]" in body_text(BODY, claims, inline_tags=True).plain


def test_cutting_and_padding_count_terminal_cells():
    assert cell_len(cut_cells("광주광역시 광산구", 9)) <= 9
    assert cut_cells("광주광역시 광산구", 9).endswith("…")
    assert cell_len(pad_cells("서구", 10)) == 10
    assert cell_len(pad_cells("‘늘행복’·…", 12)) == 12


def test_claim_rows_fit_the_width_exactly_and_show_scraped_brackets_as_typed():
    row = {"id": "x", "status": "achieved", "text": "[bold red]주의[/] 광산구는 1천200명을 채용했다.",
           "spans": [{"kind": "count"}], "published": "2020-07-08", "outlet": "광주매일신문", "review": None}
    for width in (40, 80, 123):
        text = ClaimList.row_text(row, width)
        assert isinstance(text, Text) and text.cell_len == width
    assert "[bold red]주의[/]" in ClaimList.row_text(row, 120).plain


@pytest.mark.parametrize("agency, short", [
    ("전라남도 보성군", "전남 보성군"), ("부산광역시 서구", "부산 서구"), ("광주광역시 서구", "광주 서구"),
    ("경기도 광주시", "경기 광주시"), ("강원특별자치도 고성군", "강원 고성군"), ("광주광역시", "광주"),
    ("전라남도교육청", "전남교육청"), ("세종특별자치시", "세종"), (None, ""),
])
def test_an_agency_is_named_short_but_never_ambiguously(agency, short):
    assert agency_short(agency) == short


def test_a_list_of_several_agencies_claims_names_each_rows_agency():
    """In the list of every claim, four rows of the same prize from four districts must say whose each is; in
    one agency's list the name would only take room from the claim."""
    row = {"id": "x", "status": "achieved", "text": "군은 3년 연속 우수기관에 선정됐다.", "agency": "전라남도 진도군",
           "line": "3년 연속 우수기관 — 재난대응 안전한국훈련", "spans": [{"kind": "award"}],
           "published": "2025-12-19", "review": None}
    assert "전남 진도군 3년 연속 우수기관" in ClaimList.row_text(row, 100, show_agency=True).plain
    assert "진도군" not in ClaimList.row_text(row, 100).plain
    assert ClaimList.row_text(row, 100, show_agency=True).cell_len == 100


def test_startup_does_not_import_kiwipiepy(seed_db):
    assert first_screen_imports(seed_db, {"kiwipiepy"}) == {"loaded": [], "screen": "BrowseScreen"}
