"""Generate synthetic Korean local-government news pages for benchmarks (never for tests or fixtures).

    python tests/bench/generate.py OUT_DIR --articles N [--seed S]

Deterministic: the same N and seed give byte-identical files. Sentences come from templates written here and
from the project's own vocabularies in data/ (agencies, heads, terms, program head words, units, claim words,
chrome, outlets, places); nothing is copied from any real article or from ../shared/corpus.

What a generated corpus holds, in roughly realistic proportions:

- .txt pages (most files): one article, or 3-6 articles on one page each ending with a byline
  ("홍길동 기자 xx@kwangju.co.kr"); site chrome (menus, share widgets, "가장 많이 본 뉴스" lists, copyright and
  comment footers); date lines ("작성 2023.05.01 10:00"); photo captions; duplicated paragraphs; hard-wrapped
  narrow columns (18-26 characters a line, mostly with a blank line between wrapped lines); about 10% of the
  files encoded CP949;
- a few .csv and .jsonl batch files of press releases with columns title, content, source, published_at.

Every file is named synthetic_* and says in its first line that it is synthetic: pages start with the hashtag
line "#synthetic_benchmark_article #not_real_news" (hashtag lines are site chrome to the cleaner, so the marker
does not become a headline); the CSV header names a column synthetic_benchmark_not_real_news; a JSON Lines
file starts with a note object without a body. A hidden .manifest.json in OUT_DIR records the parameters, so
run.py can reuse a corpus whose parameters match (ingest skips hidden files).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

GENERATOR_VERSION = 3  # bump when the output changes, so cached corpora are regenerated
MARKER = "#synthetic_benchmark_article #not_real_news"  # a hashtag line: site chrome to the cleaner
CSV_MARKER_COLUMN = "synthetic_benchmark_not_real_news"
MANIFEST = ".manifest.json"  # hidden: ingest skips hidden files
PAGES_PER_FOLDER = 1000
BATCH_SHARE = 0.10  # share of articles written to .csv / .jsonl batch files
BATCH_SIZE = 200  # records per batch file (the last one may be smaller)
MULTI_SHARE = 0.22  # share of .txt pages that hold several articles
CP949_SHARE = 0.10
WRAP_SHARE = 0.10
CLAIM_SHARE = 0.35  # share of body sentences (outside lead, quote and plan) that state a claim
GWANGJU_JEONNAM_WEIGHT = 4  # 광주/전남 agencies are this many times more frequent than the others


# --------------------------------------------------------------------------- project vocabularies

def read_table(name: str) -> list[dict[str, str]]:
    """Return the rows of a data/ CSV, skipping '#' comment lines."""
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@dataclass
class Agency:
    full_name: str
    name: str
    level: str  # 광역 / 기초
    parent: str
    metro_short: str  # 광주, 전남, 서울 …
    title: str  # 시장, 군수, 구청장, 도지사 …


@dataclass
class Vocab:
    agencies: list[Agency]
    weights: list[float]
    heads: dict[tuple[str, int], list[tuple[str, str, str, str]]]  # (agency, term) -> [(name, title, start, end)]
    terms: dict[int, tuple[str, str]]
    program_heads: list[str]
    awards: list[str]
    menus: list[str]
    outlets_by_region: dict[str, list[tuple[str, str]]]  # region ('' = national) -> [(domain, outlet)]
    places: dict[str, list[str]]
    count_units: list[str]


def _title_for(full_name: str, level: str, name: str) -> str:
    if level == "광역":
        return "도지사" if full_name.endswith("도") else "시장"
    if name.endswith("구"):
        return "구청장"
    if name.endswith("군"):
        return "군수"
    return "시장"


def load_vocab() -> Vocab:
    """Read the project's vocabularies once."""
    rows = read_table("agencies.csv")
    shorts = {}
    for r in rows:
        if r["level"] == "광역":
            aliases = [a for a in r["aliases"].split("|") if a]
            shorts[r["full_name"]] = next((a for a in aliases if len(a) == 2), r["name"][:2])
    agencies, weights = [], []
    for r in rows:
        if r["level"] not in ("광역", "기초"):
            continue
        metro = r["full_name"] if r["level"] == "광역" else r["parent"]
        agencies.append(Agency(r["full_name"], r["name"], r["level"], r["parent"], shorts.get(metro, ""),
                               _title_for(r["full_name"], r["level"], r["name"])))
        weights.append(GWANGJU_JEONNAM_WEIGHT if metro in ("광주광역시", "전라남도") else 1.0)
    heads: dict[tuple[str, int], list] = {}
    for r in read_table("heads.csv"):
        heads.setdefault((r["agency"], int(r["term"])), []).append((r["name"], r["title"], r["start"], r["end"]))
    terms = {int(r["term"]): (r["start"], r["end"]) for r in read_table("terms.csv")}
    programs = read_table("programs.csv")
    program_heads = [r["word"] for r in programs if r["kind"] == "head"]
    awards = [r["pattern"] for r in read_table("claim_words.csv")
              if r["kind"] == "award" and r["pattern"].isalpha()]  # plain words only (최우수상, 대통령상 …)
    chrome = read_table("chrome.csv")
    menus = [r["text"] for r in chrome if r["kind"] == "line" and len(r["text"]) >= 2]
    outlets: dict[str, list[tuple[str, str]]] = {}
    for r in read_table("outlets.csv"):
        outlets.setdefault(r["region"], []).append((r["domain"], r["outlet"]))
    places: dict[str, list[str]] = {}
    for r in read_table("places.csv"):
        if r["kind"] == "동" or r["kind"] == "면" or r["kind"] == "읍":
            places.setdefault(r["agency"], []).append(r["place"])
    count_units = [r["unit"] for r in read_table("units.csv") if r["kind"] == "count"
                   and r["unit"] in ("명", "건", "개", "개소", "곳", "회", "가구", "세대", "개사", "대", "개교")]
    return Vocab(agencies, weights, heads, terms, program_heads, awards, menus, outlets, places, count_units)


# --------------------------------------------------------------------------- Korean text helpers

def has_final(word: str) -> bool:
    """Return True when the last Hangul syllable (or digit) of word ends in a consonant."""
    for ch in reversed(word):
        if "가" <= ch <= "힣":
            return (ord(ch) - 0xAC00) % 28 != 0
        if ch.isdigit():
            return ch in "013678"
        if ch.isalpha():
            return False
    return False


def josa(word: str, pair: str) -> str:
    """Return word with the particle of a pair ('은는', '이가', '을를', '과와', '으로') that fits it."""
    if pair == "으로":
        last = next((c for c in reversed(word) if "가" <= c <= "힣"), "")
        rieul = last and (ord(last) - 0xAC00) % 28 == 8
        return word + ("로" if not has_final(word) or rieul else "으로")
    return word + (pair[0] if has_final(word) else pair[1])


def quoted(name: str, pair: str) -> str:
    """Return ‘name’ in single quotes followed by the particle that fits name."""
    return f"‘{name}’" + josa(name, pair)[len(name):]


def kr_group(g: int) -> str:
    """Return a 4-digit group in news style: 5379 -> '5천379', 2500 -> '2천500', 43 -> '43'."""
    if g >= 1000:
        rest = g % 1000
        return f"{g // 1000}천{rest if rest else ''}"
    return str(g)


def kr_number(n: int) -> str:
    """Return n in mixed Korean units: 12500 -> '1만2천500', 2537900000000 -> '2조5천379억'."""
    parts = []
    for size, word in ((10 ** 12, "조"), (10 ** 8, "억"), (10 ** 4, "만")):
        q = (n // size) % 10000 if size < 10 ** 12 else n // size
        if q:
            parts.append(kr_group(q) + word)
    rest = n % 10000
    if rest or not parts:
        parts.append(kr_group(rest))
    return "".join(parts)


def comma(n: int) -> str:
    return f"{n:,}"


def text_name(agency: Agency) -> str:
    """Return the name news text uses for an agency: 서울시, 전남도, 경기도, 광산구, 순천시 …"""
    if agency.level != "광역":
        return agency.name
    if agency.metro_short == "경기":
        return "경기도"
    return agency.metro_short + ("도" if agency.full_name.endswith("도") else "시")


def office_name(agency: Agency) -> str:
    """Return the head's office as news writes it after the name: 광산구청장, 장성군수, 광주시장, 전남지사."""
    if agency.level == "광역":
        return agency.metro_short + ("지사" if agency.full_name.endswith("도") else "시장")
    return agency.name + {"구청장": "청장", "군수": "수", "시장": "장"}.get(agency.title, "장")


# --------------------------------------------------------------------------- word lists (written for this file)

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허남심노하곽성차주우구민유나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌팽승간상갈견"
GIVEN = ["민준", "서연", "지훈", "수빈", "현우", "지민", "도윤", "하은", "준호", "예린", "성민", "유진", "동현", "은지",
         "재원", "소영", "태희", "정우", "혜진", "상훈", "미경", "영수", "경민", "진아", "승현", "나래", "규진", "다인",
         "형준", "보람", "선영", "창호", "윤서", "건우", "가은", "명수", "수정", "종훈", "세영", "인호"]
MAIL_IDS = ["news", "press", "reporter", "desk", "local", "city", "jnews", "gnews", "ybs", "hkm", "sjl", "kdh", "pjs",
            "lee", "kim", "park", "choi", "jung", "kang", "yoon"]

THEMES = [  # (theme words, field) — the field only steers which claims read naturally
    ("청년 일자리", "일자리·경제"), ("일자리 창출", "일자리·경제"), ("골목상권 활성화", "일자리·경제"),
    ("소상공인 경영안정", "일자리·경제"), ("스마트 농업", "일자리·경제"), ("기업 유치", "일자리·경제"),
    ("지역화폐", "일자리·경제"), ("수산물 수출", "일자리·경제"),
    ("어르신 돌봄", "복지·보건·돌봄"), ("통합돌봄", "복지·보건·돌봄"), ("치매 안심", "복지·보건·돌봄"),
    ("장애인 복지", "복지·보건·돌봄"), ("출산 장려", "복지·보건·돌봄"), ("주거복지", "복지·보건·돌봄"),
    ("마음건강", "복지·보건·돌봄"), ("아동 돌봄", "복지·보건·돌봄"),
    ("안심 귀가", "안전·재난"), ("재난 안전", "안전·재난"), ("폭염 대응", "안전·재난"), ("침수 예방", "안전·재난"),
    ("생활 체육", "문화·관광·체육"), ("문화 도시", "문화·관광·체육"), ("야간 관광", "문화·관광·체육"),
    ("지역 축제", "문화·관광·체육"), ("작은 도서관", "문화·관광·체육"),
    ("주민자치", "자치·소통·혁신"), ("디지털 행정", "자치·소통·혁신"), ("적극 행정", "자치·소통·혁신"),
    ("탄소중립", "환경·생태"), ("1회용품 줄이기", "환경·생태"), ("도시 숲", "환경·생태"), ("하천 정화", "환경·생태"),
    ("공공 배달", "도시·교통·주거"), ("마을버스", "도시·교통·주거"), ("빈집 정비", "도시·교통·주거"),
    ("청년 주택", "도시·교통·주거"),
    ("방과후 교육", "교육·청년·보육"), ("청년 창업", "교육·청년·보육"), ("공공 보육", "교육·청년·보육"),
]
PROGRAM_MODIFIERS = ["행복", "희망", "든든", "안심", "상생", "함께", "미래", "으뜸", "새봄", "온기", "다함께", "착한",
                     "튼튼", "푸른", "스마트", "찾아가는", "우리동네", "이음", "동행", "나눔"]
EVALUATIONS = ["지방자치단체 합동평가", "지역안전지수 평가", "정부혁신 평가", "일자리 대상", "지방규제혁신 평가",
               "적극행정 평가", "민원서비스 평가", "공약 이행 평가", "청렴도 평가", "재난관리평가", "지역문화 대상",
               "균형발전 우수사례 경진대회", "아동친화도시 평가", "탄소중립 우수사례 공모"]
AWARD_GIVERS = ["행정안전부", "보건복지부", "고용노동부", "국토교통부", "환경부", "문화체육관광부", "한국지방자치학회",
                "한국매니페스토실천본부", "농림축산식품부", "해양수산부"]
BENEFICIARIES = ["주민", "소상공인", "어르신", "청년", "학생", "농어민", "1인 가구", "장애인", "다문화 가족",
                 "영유아 가정", "취약계층", "관광객", "기업"]
HEADLINE_TAILS = ["성과 ‘눈길’", "성과 톡톡", "주민 호응", "큰 호응", "순항", "본격 추진", "결실", "‘우수’",
                  "속도", "주민 만족도 높아"]
QUOTES = [
    "{b}이 체감할 수 있는 정책으로 {theme} 성과를 이어가겠다",
    "앞으로도 {b}의 목소리에 귀 기울이며 {theme} 정책을 꾸준히 추진하겠다",
    "{b}과 함께 만든 결과라 더욱 뜻깊다",
    "이번 성과를 발판 삼아 {theme} 분야에서 전국의 모범이 되겠다",
    "현장에서 답을 찾는 행정으로 {b}의 삶을 바꾸겠다",
    "민선 {t}기 남은 기간에도 {theme} 공약을 차질 없이 이행하겠다",
]
NEUTRAL = [
    "이번 사업은 {b}의 생활 불편을 줄이고 삶의 질을 높이기 위해 마련됐다.",
    "{a}{eun} 그동안 관계 기관과 협의체를 꾸려 세부 과제를 점검해 왔다.",
    "행사에는 지역 기관장과 {b} 등이 참석해 의견을 나눴다.",
    "{a}{eun} 현장 간담회를 열어 {b}의 건의 사항을 듣고 개선 방안을 논의했다.",
    "신청은 가까운 행정복지센터나 누리집에서 할 수 있다.",
    "자세한 내용은 {a} 누리집에서 확인할 수 있다.",
    "{a}{eun} {place} 일대를 시범 지역으로 정하고 운영 방식을 다듬었다.",
    "참여를 원하는 {b}은 다음 달 말까지 접수하면 된다.",
    "{a}{eun} 전문가 자문과 주민 설문을 거쳐 계획을 확정했다.",
    "이 사업은 {theme} 분야의 오랜 과제를 풀기 위해 지역 사회가 함께 머리를 맞댄 결과다.",
    "{a}{eun} 사업 초기부터 {b}의 참여를 이끌어 내는 데 공을 들였다.",
    "현장에서는 절차가 까다롭다는 지적도 있었지만 {a}{eun} 안내 창구를 늘려 불편을 줄였다.",
    "특히 {place} 주민들은 사업 설명회에 적극적으로 참여해 눈길을 끌었다.",
    "{a}{eun} 관련 조례를 정비하고 전담 인력을 배치해 추진 체계를 갖췄다.",
    "사업 설명회는 {place} 행정복지센터에서 열렸으며 {b} 등이 참석했다.",
    "{a}{eun} 매달 추진 상황을 점검하고 부족한 점을 보완하고 있다.",
    "이와 함께 {a}{eun} 유관 기관과 업무협약을 맺고 협력 체계를 다졌다.",
    "지역 대학과 연구기관도 자문단으로 참여해 전문성을 더했다.",
    "{a}{eun} 홍보물을 제작해 읍면동과 공공기관에 배포했다.",
    "주민들은 생활 가까이에서 변화를 느낄 수 있게 됐다며 반겼다.",
    "사업 기간은 올해 말까지이며 상황에 따라 연장될 수 있다.",
]
DECKS = ["{prog} 참여 {b} {count}", "{theme} 분야 성과 공유", "만족도 {pct}…{b} 호응", "민선 {t}기 {theme} 공약 순항",
         "국비 {money} 확보", "{award} 수상…{n}년 연속 우수"]
PHOTO = ["<{a} 제공> {prog} 현장", "[사진={a} 제공]", "사진={a}", "<{outlet} 자료사진>"]
SHARE = [["공유하기", "페이스북", "트위터", "카카오톡", "URL복사", "닫기"], ["글자크기", "프린트", "스크랩"],
         ["좋아요", "싫어요", "댓글"], ["인쇄하기", "이메일", "공유"]]
TOP_MENUS = [["뉴스", "기획", "지역", "사람들", "오피니언", "TV"], ["홈", "정치", "경제", "사회", "문화", "스포츠"],
             ["로그인", "회원가입", "전체기사", "검색"], ["HOME", "뉴스", "오피니언", "포토", "영상"]]
LIST_OPENERS = ["가장 많이 본 뉴스", "많이 본 뉴스", "실시간 인기 기사", "관련기사", "주요뉴스", "포토뉴스",
                "오늘의 주요 뉴스"]
DEPARTMENTS = ["일자리정책과", "복지정책과", "기획예산실", "문화관광과", "안전총괄과", "기후환경과", "도시재생과",
               "교육청년과", "농업정책과", "행정지원과"]


# --------------------------------------------------------------------------- one article

@dataclass
class Article:
    agency: Agency
    term: int
    published: str  # YYYY-MM-DD
    time: str  # HH:MM
    title: str
    deck: list[str]
    paragraphs: list[str]
    reporter: str
    domain: str
    outlet: str
    photo: str | None


class Writer:
    """Builds articles from templates with one seeded random generator."""

    def __init__(self, vocab: Vocab, rng: random.Random) -> None:
        self.v = vocab
        self.r = rng

    # --- numbers --------------------------------------------------------------------------------------
    def count(self, unit: str | None = None) -> str:
        r = self.r
        unit = unit or r.choice(self.v.count_units)
        form = r.random()
        if form < 0.3:
            n = r.randrange(10000, 300000, 100)
            return kr_number(n) + unit  # 1만2천500명
        if form < 0.5:
            return f"{r.choice([200, 300, 500, 1000, 2000, 3000, 5000, 12000])}여 {unit}"  # 2000여 건
        if form < 0.7:
            return comma(r.randrange(1000, 9999)) + unit  # 1,436개
        if form < 0.85:
            return f"{kr_number(r.randrange(1, 99) * 1000)}여{unit}"  # 3천여명
        return f"{r.randrange(2, 400)}{unit}"

    def money(self) -> str:
        r = self.r
        form = r.random()
        if form < 0.2:
            return kr_number(r.randrange(1, 9) * 10 ** 12 + r.randrange(1, 9999) * 10 ** 8) + "원"  # 2조5천379억원
        if form < 0.4:
            return f"{r.randrange(1, 99)}억 {comma(r.randrange(1, 99) * 100)}만 원"  # 3억 7,500만 원
        if form < 0.65:
            return kr_number(r.randrange(5, 3000) * 10 ** 8) + "원"  # 626억원
        if form < 0.8:
            return kr_number(r.randrange(1, 99) * 10 ** 4) + "원"  # 30만원
        if form < 0.9:
            return f"{r.randrange(10, 900)}억여 원"
        return f"{comma(r.randrange(1000, 9999))}만 원"

    def pct(self) -> str:
        r = self.r
        form = r.random()
        if form < 0.55:
            return f"{r.randrange(300, 999) / 10:.1f}%"  # 85.8%
        if form < 0.75:
            low = r.randrange(3, 8) * 10
            return f"{low}~{low + 10}%"  # 70~80%
        if form < 0.9:
            return f"{r.randrange(5, 99)}%"
        return f"{r.randrange(1, 99) / 10:.1f}%p"

    def score(self) -> str:
        r = self.r
        a = r.randrange(500, 800) / 10
        b = r.randrange(8000, 9900) / 100
        if r.random() < 0.6:
            return f"{a:g}점에서 {b:g}점으로"  # 67.5점에서 83.26점으로
        return f"{b:g}점"

    # --- names ----------------------------------------------------------------------------------------
    def person(self) -> str:
        return self.r.choice(SURNAMES) + self.r.choice(GIVEN)

    def program(self, agency: Agency, theme: str) -> str:
        r = self.r
        head = r.choice(self.v.program_heads)
        form = r.random()
        if form < 0.04 and agency.metro_short == "광주":
            return "광주형 일자리"
        if form < 0.35:
            return f"{agency.name[:-1] if len(agency.name) > 2 else agency.name}형 {theme} {head}"
        if form < 0.7:
            return f"{r.choice(PROGRAM_MODIFIERS)} {theme} {head}"
        return f"{theme} {r.choice(PROGRAM_MODIFIERS)}{head}"

    def place(self, agency: Agency) -> str:
        names = self.v.places.get(agency.full_name)
        return self.r.choice(names) if names else "도심"

    def head_of(self, agency: Agency, term: int, day: str) -> tuple[str | None, str]:
        for name, title, start, end in self.v.heads.get((agency.full_name, term), []):
            if start <= day <= end:
                return name, title or agency.title
        return None, agency.title

    # --- the article ----------------------------------------------------------------------------------
    def article(self) -> Article:
        r, v = self.r, self.v
        agency = r.choices(v.agencies, v.weights)[0]
        term = r.choice([5, 6, 7, 7, 8, 8, 8, 9])
        start, end = v.terms[term]
        y0, y1 = int(start[:4]), min(int(end[:4]), 2030)
        year = r.randrange(y0, y1 + 1)
        month = r.randrange(7, 13) if year == y0 else r.randrange(1, 7) if year == y1 else r.randrange(1, 13)
        day = r.randrange(1, 29)
        published = f"{year:04d}-{month:02d}-{day:02d}"
        hhmm = f"{r.randrange(6, 23):02d}:{r.randrange(0, 60):02d}"
        theme, _field = r.choice(THEMES)
        prog = self.program(agency, theme)
        head, title_word = self.head_of(agency, term, published)
        b = r.choice(BENEFICIARIES)
        short = text_name(agency)
        lead_name = (f"{agency.metro_short} {agency.name}" if agency.level == "기초" and r.random() < 0.7
                     else short)
        award = r.choice(v.awards)
        ctx = dict(a=short, eun=("은" if has_final(short) else "는"), b=b, theme=theme, t=term,
                   place=self.place(agency), prog=prog)

        # headline and deck
        h = r.random()
        if h < 0.2:
            title = f"{short}, ‘{prog}’ {r.choice(HEADLINE_TAILS)}"
        elif h < 0.35:
            title = f"{short}, {r.choice(EVALUATIONS)} {award} 수상"
        elif h < 0.5:
            title = f"{short}, 국비 {self.money()} 확보"
        elif h < 0.62:
            title = f"{lead_name} ‘{prog}’ 참여 {self.count('명')} 돌파"
        elif h < 0.74:
            title = f"{short}, 전국 최초 ‘{prog}’ 도입"
        elif h < 0.86:
            title = f"{short} {theme} 만족도 {self.pct()}…{r.choice(HEADLINE_TAILS)}"
        else:
            title = f"민선 {term}기 {short}, {theme} {r.choice(HEADLINE_TAILS)}"
        deck = []
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            deck.append(r.choice(DECKS).format(count=self.count(), pct=self.pct(), money=self.money(),
                                               award=award, n=r.randrange(2, 6), **ctx))

        paragraphs = [self.lead(lead_name, prog, theme, b, day, term, ctx)]
        for _ in range(r.randrange(4, 9)):
            paragraphs.append(self.paragraph(agency, short, prog, theme, b, term, award, ctx))
        paragraphs.append(self.quote(agency, short, head, title_word, theme, b, term))
        if r.random() < 0.7:
            paragraphs.append(self.plan(short, prog, theme, b))
        region = agency.full_name if agency.level == "광역" else agency.parent
        pool = v.outlets_by_region.get(region) if r.random() < 0.6 else None
        domain, outlet = r.choice(pool or v.outlets_by_region[""])
        photo = r.choice(PHOTO).format(outlet=outlet, **ctx) if r.random() < 0.3 else None
        return Article(agency, term, published, hhmm, title, deck, paragraphs, self.person(), domain, outlet, photo)

    def lead(self, lead_name: str, prog: str, theme: str, b: str, day: int, term: int, ctx: dict) -> str:
        r = self.r
        subject = josa(lead_name, "이가")
        said = f"{day}일 밝혔다."
        choice = r.random()
        if choice < 0.25:
            s = (f"{subject} 민선 {term}기 역점 사업인 ‘{prog}’{josa(prog, '을를')[len(prog):]} 통해 "
                 f"{b} {self.count('명')}에게 {self.money()}을 지원했다고 {said}")
        elif choice < 0.45:
            s = (f"{subject} {r.choice(AWARD_GIVERS)} 주관 ‘{r.choice(EVALUATIONS)}’에서 "
                 f"{josa(r.choice(self.v.awards), '을를')} 받았다고 {said}")
        elif choice < 0.65:
            s = f"{subject} 올해 {theme} 분야 국비 확보액이 {self.money()}으로 역대 최대를 기록했다고 {said}"
        elif choice < 0.8:
            s = (f"{subject} 전국 최초로 ‘{prog}’{josa(prog, '을를')[len(prog):]} 도입해 "
                 f"{b} 만족도 {self.pct()}를 기록했다고 {said}")
        else:
            s = (f"{subject} {theme} 활성화와 일자리 창출을 위해 추진한 ‘{prog}’ 참여자가 "
                 f"{self.count('명')}을 넘어섰다고 {said}")
        if r.random() < 0.5:
            s += " " + r.choice(NEUTRAL).format(**ctx)
        return s

    def claim_sentence(self, short: str, prog: str, theme: str, b: str, term: int, award: str) -> str:
        r = self.r
        a_eun = josa(short, "은는")
        prog_q = f"‘{prog}’"
        status = r.random()
        kind = r.randrange(9)
        if kind == 0:
            s = f"{a_eun} {prog_q}에 {self.money()}을 투입해 {b} {self.count()}에 혜택을 제공"
        elif kind == 1:
            s = f"{prog_q} 참여 {b}은 {self.count('명')}으로 지난해보다 {self.pct()} 늘었다"
            return s + "."
        elif kind == 2:
            s = f"{b} 만족도는 {self.score()} 올라 목표를 웃돌았다"
            return s + "."
        elif kind == 3:
            s = f"{a_eun} {r.choice(EVALUATIONS)}에서 전국 {r.randrange(1, 20)}위에 올라 {r.randrange(2, 8)}년 연속 상위권을 유지"
        elif kind == 4:
            s = (f"{a_eun} {r.choice(AWARD_GIVERS)}가 주관한 {r.choice(EVALUATIONS)}에서 "
                 f"{r.choice(['최우수상', '우수상', '대상', '장려상', '대통령상', '국무총리상', '장관상'])}을 수상")
        elif kind == 5:
            s = f"{quoted(prog, '은는')} 전국 최초로 {b} 맞춤형 {theme} 모델을 도입한 사례로 꼽힌다"
            return s + "."
        elif kind == 6:
            s = f"{a_eun} 국비 확보에 총력을 기울여 {theme} 관련 예산 {self.money()}을 확보"
        elif kind == 7:
            s = f"{a_eun} {theme} 기반 시설 {josa(self.count(r.choice(['개소', '곳', '개'])), '을를')} 조성"
        else:
            s = f"{a_eun} {theme} 분야 {self.count('건')}의 민원을 처리해 처리율 {self.pct()}를 달성"
        if status < 0.65:
            return s + "했다."  # achieved
        if status < 0.85:
            return s + r.choice(["하고 있다.", "하는 사업을 추진 중이다."])  # ongoing
        return s + "할 계획이다."  # planned

    def paragraph(self, agency: Agency, short: str, prog: str, theme: str, b: str, term: int, award: str,
                  ctx: dict) -> str:
        r = self.r
        sents = []
        neutral = r.sample(NEUTRAL, 3)
        for _ in range(r.randrange(1, 4)):
            if r.random() < CLAIM_SHARE or not neutral:
                sents.append(self.claim_sentence(short, prog, theme, b, term, award))
            else:
                sents.append(neutral.pop().format(**ctx))
        return " ".join(sents)

    def quote(self, agency: Agency, short: str, head: str | None, title_word: str, theme: str, b: str,
              term: int) -> str:
        r = self.r
        said = r.choice(["라고 말했다.", "라고 밝혔다.", "라고 강조했다."])
        text = r.choice(QUOTES).format(b=b, theme=theme, t=term)
        if r.random() < 0.3:
            text = f"{b} {self.count('명')}이 참여해 만족도 {self.pct()}를 기록했다. " + text
        if head:
            return f"{head} {josa(office_name(agency), '은는')} “{text}”{said}"
        official = f"{short} 관계자는" if r.random() < 0.6 else f"{self.person()} {short} {r.choice(DEPARTMENTS)}장은"
        return f"{official} “{text}”{said}"

    def plan(self, short: str, prog: str, theme: str, b: str) -> str:
        r = self.r
        a_eun = josa(short, "은는")
        choice = r.random()
        if choice < 0.4:
            return f"{a_eun} 내년까지 {self.money()}을 들여 ‘{prog}’ 대상을 {self.count('명')}으로 넓힐 계획이다."
        if choice < 0.7:
            return f"{a_eun} 현재 {theme} 2단계 사업을 추진 중이다."
        return f"{a_eun} 하반기에 {b} 의견을 모아 {theme} 정책을 보완할 방침이다."


# --------------------------------------------------------------------------- pages

def wrap(text: str, width: int, keep_space: bool = False) -> list[str]:
    """Return text cut every `width` characters (a newspaper column: words break anywhere).

    A space that falls at a break is dropped (as text extracted from a printed column loses it), or kept at
    the end of the line; a line never starts with a space (a leading space is a paragraph indent)."""
    lines, i = [], 0
    while i < len(text):
        piece = text[i: i + width]
        i += width
        while i < len(text) and text[i] == " ":
            i += 1
            if keep_space:
                piece += " "
        lines.append(piece)
    return lines


def date_line(r: random.Random, a: Article) -> str:
    y, m, d = a.published.split("-")
    return r.choice([f"작성 {y}.{m}.{d} {a.time}", f"입력 {y}.{m}.{d} {a.time}", f"{y}. {m}.{d}. {a.time}:00",
                     f"기사입력 {y}-{m}-{d} {a.time}", f"승인 {y}.{m}.{d} {a.time}"])


def byline(a: Article, r: random.Random) -> str:
    return f"{a.reporter} 기자 {r.choice(MAIL_IDS)}{r.randrange(1, 99)}@{a.domain}"


def most_read(w: Writer) -> list[str]:
    r = w.r
    lines = [r.choice(LIST_OPENERS)]
    for i in range(r.randrange(4, 9)):
        ag = r.choices(w.v.agencies, w.v.weights)[0]
        lines.append(f"{i + 1} {ag.name}, {r.choice(THEMES)[0]} {r.choice(HEADLINE_TAILS)}" if r.random() < 0.5
                     else f"{ag.name} {r.choice(THEMES)[0]} {r.choice(HEADLINE_TAILS)}")
    return lines


def body_lines(w: Writer, a: Article, wrapped: bool, blank_between: bool, width: int) -> list[str]:
    """Return the body of an article as lines (hard-wrapped for narrow columns)."""
    r = w.r
    paras = list(a.paragraphs)
    if r.random() < 0.15 and len(paras) > 2:  # a repeated paragraph (scrapers and CMS templates do this)
        k = r.randrange(len(paras))
        paras.insert(min(len(paras), k + r.randrange(1, 3)), paras[k])
    out: list[str] = []
    indent = " " if r.random() < 0.5 else ""
    keep_space = r.random() < 0.2
    for p in paras:
        if wrapped:
            for piece in wrap(indent + p, width, keep_space):
                out.append(piece)
                if blank_between:
                    out.append("")
        else:
            out.append(p)
            out.append("")
    return out


def page_text(w: Writer, articles: list[Article]) -> str:
    """Return a whole web page holding one or several articles, with its chrome."""
    r = w.r
    lines = [MARKER]
    lines += r.choice(TOP_MENUS)
    if r.random() < 0.3:
        lines += r.sample(w.v.menus, 4)
    wrapped = r.random() < WRAP_SHARE
    blank_between = r.random() < 0.75
    width = r.randrange(18, 27)
    multi = len(articles) > 1
    for a in articles:
        lines.append("")
        lines.append(a.title)
        lines += a.deck
        if not multi or r.random() < 0.5:
            lines.append(date_line(r, a))
        lines.append("")
        if a.photo:
            lines.append(a.photo)
        lines += body_lines(w, a, wrapped, blank_between, width)
        if multi or r.random() < 0.6:
            lines.append(byline(a, r))
        if not multi:
            if r.random() < 0.6:
                lines += r.choice(SHARE)
            lines.append(f"Copyright ⓒ {a.outlet} 무단전재 및 재배포 금지" if r.random() < 0.5
                         else f"ⓒ {a.outlet}. All rights reserved.")
    if r.random() < 0.6:
        lines.append("")
        lines += most_read(w)
    if r.random() < 0.3:
        lines += ["댓글 0개", "등록된 댓글이 없습니다."]
    return "\n".join(lines) + "\n"


def release_content(w: Writer, a: Article) -> str:
    """Return a press release body as an agency site's scraper saves it."""
    r = w.r
    lines = []
    if r.random() < 0.5:
        lines.append(a.title)
    lines += [f"- {d}" for d in a.deck]
    lines.append("")
    for p in a.paragraphs:
        lines.append(p)
        lines.append("")
    if r.random() < 0.5:
        lines.append("<끝>")
    if r.random() < 0.5:
        lines += ["첨부파일", f"담당부서 {r.choice(DEPARTMENTS)}",
                  f"문의 0{r.randrange(61, 65)}-{r.randrange(200, 999)}-{r.randrange(1000, 9999)}"]
    if r.random() < 0.3:
        lines += ["만족도 조사", "이 페이지에서 제공하는 정보에 대하여 만족하십니까?", "매우만족", "만족", "보통", "불만족",
                  "매우불만족"]
    return "\n".join(lines)


def release_source(r: random.Random, agency: Agency) -> str:
    if agency.level == "광역":
        return agency.name
    return r.choice([agency.name, agency.name + "청" if agency.name.endswith("구") else agency.name,
                     f"{agency.metro_short} {agency.name}"])


def release_title(r: random.Random, title: str) -> str:
    x = r.random()
    if x < 0.15:
        return title + " 새글"
    if x < 0.25 and len(title) > 20:
        return title[:18] + "..."
    return title


# --------------------------------------------------------------------------- the corpus

@dataclass
class FilePlan:
    kind: str  # page / csv / jsonl
    articles: int
    index: int


def plan_files(n: int, seed: int) -> list[FilePlan]:
    """Return the list of files to write, summing to n articles (deterministic)."""
    r = random.Random(f"plan:{seed}")
    plans: list[FilePlan] = []
    batch_articles = int(n * BATCH_SHARE) if n >= 2 * BATCH_SIZE else 0
    remaining = n - batch_articles
    while remaining > 0:
        k = r.randrange(3, 7) if r.random() < MULTI_SHARE else 1
        k = min(k, remaining)
        plans.append(FilePlan("page", k, len(plans)))
        remaining -= k
    batch_no = 0
    while batch_articles > 0:
        k = min(BATCH_SIZE, batch_articles)
        plans.append(FilePlan("csv" if batch_no % 2 == 0 else "jsonl", k, len(plans)))
        batch_articles -= k
        batch_no += 1
    return plans


def write_file(out: Path, plan: FilePlan, vocab: Vocab, seed: int) -> tuple[str, int, str]:
    """Write one file; return (relative path, bytes, encoding)."""
    r = random.Random(f"file:{seed}:{plan.index}")
    w = Writer(vocab, r)
    articles = [w.article() for _ in range(plan.articles)]
    folder = f"p{plan.index // PAGES_PER_FOLDER:03d}"
    if plan.kind == "page":
        name = f"{folder}/synthetic_page_{plan.index:06d}.txt"
        text = page_text(w, articles)
        encoding = "cp949" if r.random() < CP949_SHARE else "utf-8"
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            encoding, data = "utf-8", text.encode("utf-8")
    elif plan.kind == "csv":
        name = f"batch/synthetic_batch_{plan.index:06d}.csv"
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["title", "content", "source", "published_at", CSV_MARKER_COLUMN])
        for a in articles:
            writer.writerow([release_title(r, a.title), release_content(w, a), release_source(r, a.agency),
                             f"{a.published} {a.time}:00", "synthetic"])
        encoding, data = "utf-8", buffer.getvalue().encode("utf-8")
    else:
        name = f"batch/synthetic_batch_{plan.index:06d}.jsonl"
        lines = [json.dumps({"note": MARKER}, ensure_ascii=False)]
        for a in articles:
            lines.append(json.dumps({"title": release_title(r, a.title), "content": release_content(w, a),
                                     "source": release_source(r, a.agency),
                                     "published_at": f"{a.published}T{a.time}:00+09:00"}, ensure_ascii=False))
        encoding, data = "utf-8", ("\n".join(lines) + "\n").encode("utf-8")
    path = out / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return name, len(data), encoding


def generate(out: Path, n: int, seed: int = 1, quiet: bool = False) -> dict:
    """Write a corpus of n synthetic articles into out and return its manifest."""
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    vocab = load_vocab()
    plans = plan_files(n, seed)
    sizes, encodings, kinds = 0, {}, {}
    for i, plan in enumerate(plans):
        _name, size, encoding = write_file(out, plan, vocab, seed)
        sizes += size
        encodings[encoding] = encodings.get(encoding, 0) + 1
        kinds[plan.kind] = kinds.get(plan.kind, 0) + 1
        if not quiet and i and i % 10000 == 0:
            print(f"  {i}/{len(plans)} files", file=sys.stderr)
    manifest = {"generator_version": GENERATOR_VERSION, "articles": n, "seed": seed, "files": len(plans),
                "bytes": sizes, "kinds": kinds, "encodings": encodings,
                "multi_article_pages": sum(1 for p in plans if p.kind == "page" and p.articles > 1),
                "seconds": round(time.perf_counter() - started, 2)}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into (created)")
    parser.add_argument("--articles", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    manifest = generate(args.out, args.articles, args.seed)
    print(json.dumps(manifest, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
