"""Claim spans in one sentence: money, counts, percentages, scores, ranks, awards and records (first, only,
most, largest …), with streaks attached to what they qualify, and thresholds and rubrics left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tui.models import Span
from tui.pipeline import awards, records
from tui.pipeline.lexicon import holds_one_of_each, read_table, required_words
from tui.pipeline.numbers import (
    BIG,
    NATIVE_RE,
    NUMBER,
    NUMBER_RE,
    native_value,
    parse_number,
)

ALLOWED_PREFIX = re.compile(r"(?:총|약|연|매|각|최대|최소|평균|누적|전체|모두|무려|불과|전국|국내|도내|세계)$")
APPROX_AFTER = re.compile(r"\s?(?:이상|가량|남짓|넘게|넘는|여|안팎|이상의|이상을|이상이)")
APPROX_BEFORE = re.compile(r"(?:약|대략|무려|어림잡아)\s?$")
RANGE = re.compile(rf"\s?[~∼〜]\s?({NUMBER})")
# A bound that sets a rule rather than states a result: 10만 원 이하, 90점 이상을 S등급으로, 70% 이상인 경우
# A limit a rule sets (49명까지 가능하며, 4명 이내만 가능, 수용인원의 30% 이내로 집합이 제한되며): not a result either
THRESHOLD_AFTER = re.compile(r"\s?(?:이하|미만|초과|까지\s?(?:만\s?)?(?:가능|허용)|이내(?:로|만|에서)?\s?(?:만\s?)?(?:가능|허용|제한)|"
                             r"이내로\s?[가-힣]+(?:이|가)\s제한)")
RUBRIC_AFTER = re.compile(r"\s?(?:이상|이하|미만|초과)(?:을|를|이면|인|일|은|의|이어야|에|이라야|이며|으로|부터)?\s?"
                          r"(?:[A-Za-z가-힣]{0,6}\s?등급|경우|기준|자격|요건|해당|때|땐|이면|둔|가진|보유한|양육하는|키우는|"
                          r"(?P<kind>지역|자치단체|지자체|[가-힣]?도시|체납자|납세자|소득자|"
                          r"시군|기업|사업장|가구|세대)|\d+개\s?(?:자치단체|지자체|도시|시군|시·군))")
# a counter that counts the very things the bound names after it (300개 이상 기업이 참여했다, 40곳 이상 지역에서): the
# things counted, roughly, not a class they bound (인구 50만 이상 도시, 종업원 300명 이상 기업)
THINGS_COUNTER_BEFORE = re.compile(r"(?:개|곳|개사|개소|개국)$")
# A bound that picks out a kind of thing (9억원을 초과하는 주택, 학생 수 28명을 초과하는 과밀학교, 20%를 넘는 시·도):
# the value defines what is meant, nothing reached it. Not 1만 명을 넘는 관람객, 10억원을 넘는 비용 (a result, roughly),
# nor 50%를 초과한 것은 (what was found to exceed it)
EXCEEDING_BOUND = re.compile(r"\s?(?:을|를)\s?(?:초과(?:하는|한|할)\s(?!달성|것)|(?:넘는|넘어서는|웃도는)\s(?:[가-힣]{1,6}\s)?"
                             r"(?:경우|곳|지역|시·?도|시·?군|자치단체|지자체|기업|업체|사업장|가구|세대|주택|학교|학급))")
# A sentence that defines a term (상급 종합병원이란, …; … 경우를 말한다; not a quotation, ‘…’이란 응답): a bound at least so
# much in it is what the term requires. The term opens the sentence, within its first 30 letters and before any comma;
# a bare 란 must have a comma after it, as so many words end in 란 (논란, 내란, 계란, 특란)
DEFINITION = re.compile(r"^[^,.\n]{1,30}?(?:(?<=[가-힣A-Za-z)])이란|(?<=\))란|(?<=[가-힣])(?<!이)란(?=,))\s?,?\s|"
                        r"(?:을|를)\s?(?:말한다|뜻한다|의미한다|가리킨다|일컫는다|통칭한다)[.”\"]?\s*$")
AT_LEAST = re.compile(r"\s?이상(?!민|한\s)")
MAGNITUDE_AFTER_YEO = re.compile(r"(\s?[조억만천](?:\s?\d[\d,]*(?:\.\d+)?\s?[조억만천])*)")
EXPORT_TOWER = re.compile(r"\s?(?:만\s?)?불\s?탑")
GRADE_CONTEXT = re.compile(r"받|획득|판정|인증|선정|평가|차지|올랐|유지|달성|기록")
# a grade that names a grading system or the ends of a scale, not a grade anyone received: 9등급 상대평가, 5등급제,
# 1등급부터 9등급까지
GRADE_SCALE = re.compile(r"제(?![가-힣]{2})|\s?(?:상대\s?평가|절대\s?평가|체계|체제|(?:부터|에서)\s?\d{1,2}\s?등급(?:까지|제)?)")
# visitors counted in 만 without a counter (600만 관광객, 200만 관람); not a place's population (42만 구민), an epithet
PEOPLE_AFTER = re.compile(r"\s?(?:[가-힣]{0,4}(?:관광객|방문객|관람객|이용객|인파|관중|관객|시청자|가입자|이용자|구독자|회원|동포|노인)|"
                          r"명|시대|관람|방문)")
# 18만 서산시민, 900여 공직자들: residents or staff counted by a number with no counter (not 2025 시민 …: a year)
RESIDENTS_AFTER = re.compile(r"\s(?:[가-힣]{2,4}\s)?[가-힣]{0,4}(?:시민|구민|군민|도민|주민|국민|공직자|공무원|직원|교직원|장병)들?"
                             r"(?=[은는이가을를의에과와도,\s]|$)")
# people named before a bare number in 만: 인구 4만, (외국인) 관광객 벌써 200만, 누적 방문객 100만
POPULATION = re.compile(r"(?:인구|관광객|방문객|관람객|이용객|탑승객|승객|입장객)\s?(?:(?:벌써|누적|총|약|연간|올해)\s?)?$")
YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
SCALE_AFTER = re.compile(r"\s?만점(?:에|중|기준|으로|\s?\)|의|인(?![가-힣]))")  # 100점 만점에 92점, (300점 만점), 5점 만점의: the scale
GRADE_AS_CATEGORY = re.compile(r"\s?(?:으로|로)\s?(?:분류|구분|나누|나눠|나눈|나뉜|나뉘|부여|판정|정하|매기|평가하|산정|정해)")
# a grade that names a category of things counted or a bound (1등급 12개와 2등급 58개, 1등급 비율, 2등급 이상을 받은
# 수험생, 국토환경성평가 1등급이 55.1%, 최고 ‘S’ 등급부터 최저 ‘E’ 등급까지): not a grade anyone received
GRADE_AS_PART = re.compile(r"\s?(?:이상|이하|미만|초과|비율|비중|부터|까지|(?:이|가|은|는)?\s?\d[\d.,]*\s?(?:%|개(?!\s?(?:기관|부문|분야))))")
STREAK = re.compile(r"(?:(?:((?:19|20)\d\d)\s?[~∼-]\s?(?:년\s?)?)?(\d+)|(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열))\s?"
                    r"(?:년|회|번|해|차례|개\s?연도|기|분기|학기)\s?(?:째\s?)?연속|연속\s?(\d+)\s?(?:년|회|번|차례)")
GENERIC_SCOPES = ("전국", "국내", "국가", "지방", "대한민국", "우리나라", "세계", "아시아", "국내외", "도내", "시도", "시·도", "광역", "기초",
                  "동해안", "서해안", "남해안", "내륙", "섬", "농어촌",
                  "지자체", "지방자치단체", "자치단체", "자치구", "시군", "시·군", "시군구", "지역", "관내", "시내", "군내",
                  "구내", "호남", "영남", "수도권", "비수도권", "업계", "공공기관", "정부", "교육청", "시", "도", "군", "구",
                  # countries and world regions, and a headline's one-letter country names (中 최초, 美 최초)
                  "한국", "중국", "미국", "일본", "유럽", "아프리카", "중동", "동양", "동북아", "동남아", "아태", "북미", "남미",
                  "韓", "中", "美", "日", "英", "佛", "獨")
# What may follow a scope word to narrow it to a kind of place or body: 제주지역, 도 단위, 기초지자체, 전국 기초단체
SCOPE_HEADS = ("지역", "단위", "지자체", "지방자치단체", "자치단체", "기초단체", "광역단체", "기초자치단체", "광역자치단체",
               "시군", "시·군", "시군구", "자치구", "시도", "시·도", "공공기관", "교육청")


@dataclass(frozen=True)
class Unit:
    """A counter or unit word after a number."""

    text: str
    kind: str
    canonical: str


@lru_cache(maxsize=1)
def units() -> tuple[Unit, ...]:
    """Return units from data/units.csv, longest first."""
    rows = [Unit(r["unit"], r["kind"], r["canonical"]) for r in read_table("units.csv")]
    return tuple(sorted(rows, key=lambda u: -len(u.text)))


def _government_forms(row: dict[str, str]) -> list[str]:
    """Return the names a row of data/agencies.csv goes by (its name and aliases), not its office's (…청)."""
    return [form for form in [row["name"], *row["aliases"].split("|")] if form and not form.endswith("청")]


@lru_cache(maxsize=1)
def scope_pattern() -> str:
    """Return the regex of the words that set a record's scope: generic scopes and every government's name."""
    names = set(GENERIC_SCOPES)
    for row in read_table("agencies.csv"):
        names.update(form for form in _government_forms(row) if len(form) >= 2 and " " not in form)
    words = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    heads = "|".join(re.escape(w) for w in sorted(SCOPE_HEADS, key=len, reverse=True))
    # 경기북부 최대, 영남권 유일: a part of a region; 제주지역 첫, 도 단위 최초, 전국 기초단체 가운데 유일: a scope
    # narrowed by the kind of place or body it counts among
    # (a word glued to a closing bracket or quote is a particle: 상승폭(1.2점)도 가장 컸다, ‘A’도 최초로)
    return rf"(?<![가-힣)\]’”」』])(?:{words})(?:북부|남부|동부|서부|중부|권)?(?:\s?(?:{heads})(?=[^가-힣]|$|에서|에선|내|중|가운데|최|첫|처음|유일|가장|제?1호))?"


@lru_cache(maxsize=1)
def _scope_before() -> re.Pattern[str]:
    """Return the pattern of one or two scopes (with 에서, 중 …) ending right before a record word."""
    return re.compile(rf"(?:(?:{scope_pattern()})(?:\s?(?:에서|에선|내|중|가운데))?\s?){{1,2}}$")


@lru_cache(maxsize=1)
def claim_words() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """Return (kind, pattern, context) for the wordy claim kinds from data/claim_words.csv."""
    scope = scope_pattern()
    return tuple(
        (r["kind"], re.compile(r["pattern"].replace("{SCOPE}", scope)),
         re.compile(r["context"]) if r["context"] else None)
        for r in read_table("claim_words.csv")
    )


@lru_cache(maxsize=1)
def _claim_word_filters() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None, tuple[tuple[str, ...], ...]],
                                   ...]:
    """Return claim_words() with the words each pattern cannot match without (lexicon.required_words): most
    sentences lack them, and a test of a few words is cheaper than running the pattern."""
    return tuple((kind, pattern, context, required_words(pattern)) for kind, pattern, context in claim_words())


@lru_cache(maxsize=1)
def _units_by_first() -> dict[str, tuple[Unit, ...]]:
    """Return the units by their first character, longest first."""
    table: dict[str, list[Unit]] = {}
    for unit in units():
        table.setdefault(unit.text[0], []).append(unit)
    return {k: tuple(v) for k, v in table.items()}


SPACED_COUNTER_END = re.compile(r"(?:의|이|가|을|를|은|는|과|와|도|에|씩|으로|로|에서|까지|이나|만|이며|이다|에도|에는)?"
                                r"(?=[\s,.·)]|$)")


YEAR_BEFORE = re.compile(r"(?<![\d,.])(?:19|20)\d\d$")
SPACED_WORD_COUNTERS = frozenset("등 위 점 장 편 권 종 표 기 동 석 부 매 잔 량 뷰".split())
GLUED_ONLY = frozenset(("두",))  # 1천200두 (head of cattle), but 2 두 사람: spaced, the native numeral


def _unit_at(text: str, pos: int) -> tuple[Unit, int] | None:
    """Return the unit starting at pos (after an optional single space) and where it ends."""
    by_first = _units_by_first()
    for skip in (0, 1):
        if skip and (pos >= len(text) or text[pos] != " "):
            break
        at = pos + skip
        for unit in by_first.get(text[at: at + 1], ()):
            if not skip and unit.kind == "none" and unit.text[0] == "등" and SPACED_COUNTER_END.fullmatch(unit.text[1:]):
                continue  # 1등을, 30등으로: a place glued to its number takes its particle (등을, 등으로 mark 'and so
                # on' after a word or a spaced number)
            if text.startswith(unit.text, at):
                if skip and unit.text in GLUED_ONLY:
                    continue
                if unit.text in ("p", "P") and (skip or text[pos - 1: pos] == "," or text.startswith(".", at + 1)
                                                or "A" <= text[at + 1: at + 2].upper() <= "Z"):
                    continue  # points are written glued to their digits (13.8p), not a page (2014, p. 12; 3 p.),
                    # and end their word: a Latin letter after the p makes another word (0.12ppm, the group 2PM)
                if skip and (unit.text in SPACED_WORD_COUNTERS or unit.text in ("국", "교")) \
                        and YEAR_BEFORE.search(text, max(0, pos - 5), pos):
                    continue  # 2025 국가 자살 예방 전략, 2016 등의: a year before a word, not a count of it
                if (skip and unit.text in SPACED_WORD_COUNTERS or unit.text in ("국", "교")) \
                        and not SPACED_COUNTER_END.match(text, at + len(unit.text)):
                    continue  # one-syllable counters that are also ordinary words must be glued, or end their word
                    # in a particle (579여 종의 농산물, 300 표를: not 50 종합, 3 위원회, 2 편의점, 6000억 매출); 국 must
                    # end its word even glued, since so many words begin with it (7국 1092명, 80여 국을: not
                    # RE100국가산단, 2025 국제); so must 교, schools counted (122교로, 2380교 중: not 3교시, 제1교도소)
                return unit, at + len(unit.text)
    return None


SCHOOLS = re.compile(r"학교|학생|고교|초교|유치원|스쿨|대학|교육|수업|휴교|개교|폐교|고3|초·중|중·고")
# Strokes in golf (합계 258타, 6타 차로, 2타를 줄여) are a score only in a sentence about a round of golf (not a star
# lecturer's 1타 강사, nor 1분에 300타 typed); a margin in strokes (1타 차로) and strokes gained or dropped (1타를 잃고,
# 3타 줄여, 8타 앞선) are golf's alone
GOLF = re.compile(r"언더파|오버파|버디|보기\s?\d|이글|라운드|골프|[LK]?PGA|\d+홀|티샷|퍼트|컷\s?(?:탈락|통과)|이븐파|파\s?\d")
STROKES_TOLD = re.compile(r"\s?차(?:로|이|의|를|\s|$)|(?:를|을)?\s?(?:줄|잃|앞선|앞서|뒤진|뒤져|뒤지|낮춰|낮췄|낮춘)")


BIG_OR_SMALL = "조억만천백"
# Every award row of data/claim_words.csv needs one of these in the sentence, every record row one of those.
AWARD_WORDS = re.compile(r"상(?:[을를이은과와도의에,·\s’'”)\]\(]|으로|로|$)|표창|등급|선정|인증|공인|기관|사례|지자체|자치단체|교육청|"
                         r"훈장|포장|메달|감사패|공로패|그랑프리|어워즈|어워드|불탑|\d선|우수|탁월|최고|우승|"
                         r"[‘'\"“](?:[A-Z]{1,3}|[가-다])[’'\"”]|지정|뽑|꼽|채택|이름|승격|등극|올랐|헌정|등재|등록|제\s?\d+\s?호")
RECORD_WORDS = re.compile(r"최초|처음|유일|하나\s?뿐|하나\s?밖에|최대|최다|최고|최상위|최장|최단|최저|최연소|첫|1호|1번지|정상|가장|신기록|전무후무|두\s?번째")
QUOTES = "‘’'\"“”`「」『』"


# a count glued to the noun it counts, a typist's missing space (방역기관46개소와, 우수19개): a noun of two
# syllables or more, then the number and a counter that ends the word (not 금호1동, 코로나19, 2호선); or a rate
# glued to its place in a statistics list (대전0.04%·충남0.07%↓)
GLUED_NOUN = re.compile(r"[가-힣]{2}$")
GLUED_COUNT = re.compile(r"(?:개소|개|곳|명|건)(?=[을를이가은는과와의에도만씩,·)\s]|$)|%(?=[·,)\s↑↓▲▼]|$)")
# a minus sign right before a number, not a hyphen between numbers (2-3%) nor inside a word
NEGATIVE_SIGN = re.compile(r"(?:^|(?<=[\s(·,:]))[-−–]$|(?<=[가-힣])[-−]$")  # matched on the character before it


# a city's districts or a county's towns and townships counted (서울 25구, 무안군 3읍 6면): 구, 읍 and 면 are no
# counters on their own (a village's 1구, a newspaper's 1면, 읍내2구), so 구 only after the name of a city that has
# districts (city_before) or a list's 등, and 읍 and 면 only as a pair
SUBDIVISION = re.compile(r"(구|읍|면)(?=[\s(),·이가은는을를의에와과도중]|\d|$)")
TOWNSHIPS_AFTER = re.compile(r"\s?\d{1,2}\s?면(?=[\s(),·이가은는을를의에와과도중]|$)")
TOWNS_BEFORE = re.compile(r"(?<![\d.])\d{1,2}\s?읍\s?$")


@lru_cache(maxsize=1)
def city_before() -> re.Pattern[str]:
    """Return the regex of what stands before a count of a city's districts: the name (or a short name) of a
    metropolitan government that has autonomous 구 in data/agencies.csv, then 시내 or 관내 if any, or a list's 등."""
    rows = list(read_table("agencies.csv"))
    with_districts = {r["parent"] for r in rows if r["level"] == "기초" and r["name"].endswith("구")}
    forms = {form for r in rows if r["name"] in with_districts for form in _government_forms(r)}
    words = "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![가-힣])(?:{words})\s(?:시내\s|관내\s)?$|[가-힣]\s등\s$")


def _subdivision_at(text: str, start: int, pos: int, value: float) -> tuple[Unit, int] | None:
    """Return the counter and its end when a number at start counts a city's districts or a county's towns."""
    m = SUBDIVISION.match(text, pos)
    if not m or value < 2 or value != int(value) or value > 99:
        return None
    word, before = m.group(1), text[max(0, start - 14): start]
    if word == "구" and city_before().search(before) or word == "읍" and TOWNSHIPS_AFTER.match(text, m.end()) \
            or word == "면" and TOWNS_BEFORE.search(before):
        return Unit(word, "count", word), m.end()
    return None


def _people_at(text: str, pos: int, value: float) -> tuple[Unit, int] | None:
    """Return 인 as the counter of people when a particle or a bracket closes it (5인의 작가, 전문가 12인은, 개인
    3인을 고발, 위원 3인(…)): followed by a noun, N인 is mostly a class (1인 가구, 4인 가족, 20인 이상 단체, 1인
    시위); one person (1인의 판단) is no count either."""
    if value >= 2 and PERSONS_CLOSED.match(text, pos):
        return Unit("인", "count", "명"), pos + 1
    return None


PERSONS_CLOSED = re.compile(r"인(?:의\s|(?:을|를|이|은|과|와|만|도)(?=[\s,.]|$)|[(,])")


# Parking spaces and courts counted in 면 (주차장 1천276면, 테니스장 112면): only where the sentence speaks of them,
# as 면 is as often a newspaper's page (1면에 실린) or a township (3읍 6면)
SPACES = re.compile(r"주차|코트|테니스|배드민턴|풋살|족구|게이트볼|피클볼|구장|캠핑|야영|카라반|오토캠")


def _spaces_at(text: str, pos: int) -> tuple[Unit, int] | None:
    """Return 면 as the counter of parking spaces or courts when the sentence speaks of them."""
    if text.startswith("면", pos) and _ends_word(text, pos + 1) and SPACES.search(text):
        return Unit("면", "count", "면"), pos + 1
    return None


# 제85조와 86조, 제3항·4항: the next numbers of a list of ordinals (an article of a law, a clause, an edition);
# 특별법 41조에 따라: an article named after its law
ORDINAL_LIST = re.compile(r"(?:제\s?\d+\s?([조항호장절회차])\s?(?:와|과|및|,|·|ㆍ)|(?:법|법률|조례|시행령|시행규칙|규칙)\s(?:제\s?)?)\s?$")


def _excluded_context(text: str, start: int, end: int) -> bool:
    """Return True when a number is an identifier, date, phone number or part of a name."""
    listed = ORDINAL_LIST.search(text[max(0, start - 14): start])
    if listed and (listed.group(1) or "조") in text[end - 1: end + 1] and \
            not text[end: end + 2].strip().startswith("원"):
        return True  # 제85조와 86조: the next article of the list, not 86 trillion (its unit closes the number,
        # 조 being a magnitude too; 원 after it makes it a sum)
    before = text[max(0, start - 6): start]
    prev = text[start - 1] if start else ""
    if prev and (prev.isalpha() or prev == "제") and not ALLOWED_PREFIX.search(before) and not (
            GLUED_NOUN.search(before) and GLUED_COUNT.match(text, end)) and not (
            TOWNS_BEFORE.search(before) and text.startswith("면", end)):
        return True  # 코로나19, 금호1동, 제28회 (but 3읍6면: the townships beside the towns)
    if prev in "·-./:" and start >= 2 and text[start - 2].isdigit():
        return True  # 5·18, 266-4150, 2025.10.16
    after = text[end: end + 2]
    if text[end - 1: end] in BIG_OR_SMALL:
        return False  # 120억·130억: two amounts side by side, not 5·18
    return len(after) == 2 and after[0] in "·-:/." and after[1].isdigit()


# A value its clause makes a condition: 저수율이 10% 아래로 내려가면, 자녀가 2명이면, 0%까지 떨어질 경우
CONDITION = re.compile(r"(?:^|\s)\S*?(?:이|하|되|지|가|오|르|리|기|우|서|내|받|으|없|있|않|같|치)면(?=\s|$)"
                       r"|(?:질|할|될|일|을|인|는|한|갈|올|칠)\s경우|(?:^|일|인|할|될)\s?(?:땐|때(?:는|에는)?)(?=\s|$)")

PAID = re.compile(r"(?:을|를|만|씩|만을)?\s?(?:[가-힣]+\s)?(?:내|납부하|지불하|부담하)면(?=\s|$)")
# what a scheme gives, named right after the sum (1만5000원 할인쿠폰을 다운로드하면): the condition is how to get it
BENEFIT_AFTER = re.compile(r"\s?(?:할인\s?)?(?:쿠폰|상품권|지원금|바우처|포인트|캐시백)")
CONSIDERING = re.compile(r"(?:감안|고려|비교|비하|합산|합치|합하|더하|따지|살펴보|보|환산|계산|견주|포함하)")


# the band of a population a scheme or a statistic is about (소득 하위 70%, 상위 0.01% ‘고도영재’, 상위 10%의 경우),
# unless the text says someone got into it (상위 10% 안에 들었다: a standing)
BAND = re.compile(r"(?:상위|하위)\s?$")
INTO_BAND = re.compile(r"\s?(?:안에|안으로|내에|내로|에|으로|로|을|를|권에|권으로|권)?\s?(?:들|진입|랭크|올라|올랐|오르|포함되|포함됐|기록|차지|달성)")
# a household or ownership class in eligibility rules: 1세대 1주택, 1가구 2주택
OWNERSHIP = re.compile(r"\s?\d+\s?주택")


def _not_a_value(text: str, start: int, pos: int, kind: str) -> bool:
    """Return True for numbers that name a rule's terms rather than state a value: a denominator (1명당,
    10만명당), a household class (1세대 1주택), a population band (소득 하위 70%, 상위 10%의 경우), an 'even one'
    (1명이라도), a standard a figure is measured against (유행 기준인 9.1명), words of a quoted theme or title."""
    if kind == "count" and (text.startswith(("당", ")당"), pos) or text.startswith("이라도", pos)
                            or OWNERSHIP.match(text, pos)):
        return True  # 1명당, 컨테이너(1TEU)당: a denominator
    if kind == "count" and text[start - 1: start] == "(" and re.match(r"1(?![\d.,])", text[start:pos]) \
            and UNIT_DEFINED.match(text, pos):
        return True  # 40TEU(1TEU는 20피트 컨테이너 1대분): what one of the unit is, not a count
    before = text[max(0, start - 6): start]
    if kind == "count" and re.search(r"\d+\s?(?:세대|가구)\s?$", before) and text[pos - 2: pos] == "주택":
        return True
    if kind == "percent" and BAND.search(before):
        return not INTO_BAND.match(text, pos)
    if QUOTE_OPEN_BEFORE.search(text[max(0, start - 31): start]) and QUOTED_THEME.match(text, pos):
        return True  # ‘179명의 이름을 기억하며’를 주제로: part of a theme's or title's words
    if kind == "score" and text[pos - 3: pos] == "포인트" and REWARD_POINTS_AFTER.match(text, pos):
        return True  # 7000포인트를 매달 드립니다, 200포인트를 받은: points a scheme rewards, not a score
    if kind == "score" and POINT_SCHEDULE.search(text):
        return True  # 조치 1~3호는 5점, 4~5호는 10점이 감점된다: a schedule of points, not a score anyone got
    if kind == "percent" and WEIGHT_AFTER.match(text, pos):
        return True  # 공무원 평가(15%), 도민 평가(15%) … 를 합산해: a weight of a formula, not a share anyone reached
    if CSS_VALUE_END.match(text, pos) and CSS_PROPERTY_BEFORE.search(text, max(0, start - 24), start):
        return True  # width:100%;height:100%: a style sheet left in a page's text, not a value
    if GLOSS_BOUND.match(text, pos) and GLOSS_OPEN_BEFORE.search(text, max(0, start - 24), start) \
            and not ABOUT_BEFORE.search(text, max(0, start - 4), start):
        return True  # 면허 취소 기준(0.08% 이상), 대수용가(저수조 용량 100t 이상): the bound that defines what the
        # bracket glosses, not a value (but 공탁금(약 20억원 이상): an amount said roughly)
    return bool(STANDARD_BEFORE.search(before))  # 유행 기준인 9.1명을 넘어섰다: the threshold, not a result


# points a membership or a health scheme gives, earns or spends (7000포인트를 드립니다, 300~500포인트를 준다,
# 43만2780포인트를 적립한, 1000포인트도 받았다), said by the verb within three words after: an index's points rise and fall
REWARD_POINTS_AFTER = re.compile(r"(?:씩|을|를|이|가|의|까지|도)?\s(?:[^\s\d.,]+\s){0,2}?(?:매달\s|매월\s|추가로\s|최대\s)?"
                                 r"(?:적립|지급|드리|드립|드려|준다|주는|줍|주고|제공|증정|받|모으|모은|모아|모았|쌓|사용|전환|"
                                 r"충전|환급|지원)")


# a weight in a scoring formula: 득표수는 50%만 반영해 산정했다, 공무원 평가(15%), 도민 평가(15%)를 합산해
WEIGHT_AFTER = re.compile(r"\s?(?:만|씩)?\s?(?:을|를)?\s?반영(?:해|하여|한|하는)\s?(?:산정|합산|계산|점수)"
                          r"|\)(?:[,·]?\s?[가-힣\s]{1,15}\(\d+(?:\.\d+)?\s?%\))*\s?(?:을|를)\s?합산")
STANDARD_BEFORE = re.compile(r"기준(?:인|치인|선인|치|선)\s?$")
# a style sheet's declaration left in a page's text (width:100%;height:350px)
CSS_PROPERTY_BEFORE = re.compile(r"[a-z][a-z-]{2,}\s?:\s?$")
CSS_VALUE_END = re.compile(r"\s?(?:!important)?\s?[;}]")
# a bound closing a bracket that glosses a word: 고령 사회(65세 이상 인구 비율 14% 이상), 1등급(원점수 90점 이상)
GLOSS_BOUND = re.compile(r"\s?(?:이상|이하|미만|초과)\)")
GLOSS_OPEN_BEFORE = re.compile(r"[가-힣A-Za-z’'”]\s?\([^()\n]{0,20}$")
ABOUT_BEFORE = re.compile(r"(?:약|대략|무려)\s?$")
UNIT_DEFINED = re.compile(r"\s?(?:은|는|이란|란|=)\s?")
# A sentence that sets how many points something takes or earns: a rubric's schedule
POINT_SCHEDULE = re.compile(r"(?:감점|가점)(?:된다|되며|되고|되는|한다|하며|하고|하는|\s?처리|(?:을|를|이)\s?부여)|배점")
QUOTE_OPEN_BEFORE = re.compile(r"[‘“\"'][^’'”\"\n]{0,30}$")
QUOTED_THEME = re.compile(r"[^’'”\"\n]{0,30}[’'”\"]\s?(?:(?:을|를)\s?(?:주제|슬로건|테마|캐치프레이즈|모토|부제)|"
                          r"(?:이)?라는\s?(?:주제|슬로건|테마|이름|제목|타이틀|부제))")


# 3만 원 이상 결제 시: a bound on what a buyer does, for a reward
BOUND_WHEN = re.compile(r"\s?(?:이상|이하|미만|초과)\s(?:[가-힣]+\s){0,2}?[가-힣]{1,6}\s?시(?=\s|,|$)")


# ▲100만~200만 원 19.7% ▲500만 원 이상 8.6%: the bounds of a distribution's category, followed by its share
CATEGORY_SHARE = re.compile(r"\s?(?:이상|이하|미만|초과)?\s\d[\d.,]*\s?%")
# 비율이 20%를 넘는 곳은 170곳: a bound that picks out places, not a value anyone reached
BOUND_OF_PLACES = re.compile(r"\s?(?:을|를)\s?(?:넘는|넘은|넘어선|웃도는|밑도는|밑돈)\s(?:곳|지역|시·도|시도|시군|시·군|시군구|"
                             r"시·군·구|자치단체|지자체|국가|나라|도시|학교|기업)")
# 20만~30만원(27.9%): a range with its share in brackets is a category too (a single value may be a part of a total)
RANGE_SHARE = re.compile(r"\s?\(\s?\d[\d.,]*\s?%\s?\)")
# 10만~20만원을 준비한다는 답변이 40.4%: an answer of a poll, whose share is the value (‘본인 스스로(40.9%)’라는
# 응답: a share inside the answer is one)
ANSWER_SHARE = re.compile(r"(?:을|를|이|가|은|는|으로|로)?\s?[^.!?\n]{0,24}?(?:다는|라는)\s(?:답변|응답|의견|대답)(?:이|은|자가|자는|자)?"
                          r"\s?\(?\d[\d.,]*\s?%")


# A requirement after a bound (평점 3.3점 이상을 유지해야, 세 번 이상 만나고 강의도 수강해야): a verb in -아야/-어야 in the
# bound's clause says what must be reached, not what was; the syllables are those an -아/-어 ending leaves open
# (벌어, 만나, 해, 가, 봐, 줘, 돼), so nouns such as 분야 and 시야 are not read as one
_OPEN_A_EO = "".join(chr(0xAC00 + (lead * 21 + vowel) * 28) for lead in range(19) for vowel in (0, 1, 4, 6, 9, 10, 14))
# Not money (1000억원 이상 예산을 들여야, 연 2억 이상을 줘야: what something will cost, a value), nor a change that is
# needed (35% 이상 확대해야, 60% 이상 많은 전기를 써야), nor a bound whose verb is said of it before (2번 이상 … 했지만)
# nor one inside a quotation after the bound (2번 이상 ‘철거해야 한다’고 했지만: what was said that many times)
MUST_AFTER = re.compile(r"\s?이상(?:을|를|씩)?\s(?:(?![^\s,.;]*(?:많|확대|인상|증가|늘[려리어린]|올려|높여|했|하였))[^\s,.;‘“'\"]+\s){0,4}?"
                        r"(?![가-힣]*(?:확대|인상|증가|늘[려리어린]|올려|높여))[가-힣]*[" + _OPEN_A_EO + r"]야(?:만|지)?(?=[\s,.;]|$)")
# A bound on what those a scheme serves did (10만 원 이상 기부하고 후기를 작성한 선착순 2천 명에게, 5만 원 이상을
# 구매하는 시민에게, 두 차례 이상 탈락한 교수에게도): a verb modifying the people given something, in the bound's clause
BENEFICIARY_AFTER = re.compile(r"\s?이상(?:을|를)?\s(?:[^\s,.;]*[^\s,.;한는은된]\s){0,5}?[가-힣]*(?:한|하는|된|되는|받은|받는|낸|내는)\s"
                               r"(?:[^\s,.;]*[^\s,.;을를]\s){0,3}?[^\s,.;]+(?:에게|에겐|님께|분께)(?:는|도|만)?(?=[\s,.;]|$)")
# (the people are those the first verb after the bound describes: not 200쪽 이상을 준비한 질문지의 상당수를 윤 대통령에게,
# an object between, nor 1조원 이상을 수수한 혐의를 받는 이 회장에게, another verb before)


def _is_threshold(text: str, pos: int, kind: str | None = None) -> bool:
    """Return True when what follows a value makes it a rule's bound, a condition, a scale or a category's bound,
    not a result (kind, when given, is the value's kind)."""
    rubric = RUBRIC_AFTER.match(text, pos)
    if rubric and rubric.group("kind") and THINGS_COUNTER_BEFORE.search(text, max(0, pos - 6), pos):
        rubric = None
    if THRESHOLD_AFTER.match(text, pos) or rubric or SCALE_AFTER.match(text, pos) or \
            BOUND_WHEN.match(text, pos) or CATEGORY_SHARE.match(text, pos) or EXCEEDING_BOUND.match(text, pos) or \
            kind != "money" and MUST_AFTER.match(text, pos) or BENEFICIARY_AFTER.match(text, pos):
        return True
    if AT_LEAST.match(text, pos) and DEFINITION.search(text):
        return True  # 상급 종합병원이란, 중증 환자 비율 34% 이상 …: what a definition requires, nothing reached it
    clause = re.split(r"[,.;·]", text[pos: pos + 30], maxsplit=1)[0]
    if PAID.match(clause):
        return False  # 월 임대료 3만6000원만 내면 된다: what a scheme's user pays, its price, not a bound
    if BENEFIT_AFTER.match(clause):
        return False  # 1만5000원 할인쿠폰을 다운로드하면: the benefit's amount, and how to get it
    m = CONDITION.search(clause)
    if not m or len(clause[: m.start()].split()) > 2:
        return False
    return not CONSIDERING.match(m.group().strip())  # 3만여 명을 감안하면: a figure taken into account, not a bound


# The magnitude words a number closes with (200만, 5천만, 3억)
TRAILING_MAGNITUDE = re.compile(r"[조억만천백]*$")


def _shared_magnitude(low: str, high: str, value: float, high_value: float) -> float:
    """Return the value of a range's low end, which shares the magnitude words the high end closes with when it
    stops short of them (120~200만 원 is 120만 to 200만, 1~5천만 and 3천~5천만 원 are 1천만 and 3천만 on)."""
    low, high = low.replace(" ", ""), high.replace(" ", "")
    own = TRAILING_MAGNITUDE.search(low).group()
    shared = TRAILING_MAGNITUDE.search(high).group()
    if len(shared) <= len(own) or not shared.startswith(own) or not high[: len(high) - len(shared)]:
        return value
    scaled = parse_number(low + shared[len(own):])
    return scaled if scaled is not None and scaled <= high_value else value


def _range_after_unit(text: str, start: int, pos: int, canonical: str, value: float) -> tuple[float | None, int]:
    """Return the high end of a range whose both ends carry the unit (15%~30%, 2000만원~1억원, 5만원에서
    10만원까지) and where it ends; (None, pos) when no such range follows. start is where the low end begins."""
    ranged = RANGE.match(text, pos) or FROM_TO.match(text, pos)
    if not ranged:
        return None, pos
    high = parse_number(ranged.group(1).rstrip())
    after = _unit_at(text, ranged.start(1) + len(ranged.group(1).rstrip()))
    if high is None or high <= value or after is None or after[0].canonical != canonical:
        return None, pos
    if ranged.re is FROM_TO and (not text.startswith("까지", after[1]) or CHANGE_AFTER.match(text, after[1] + 2)
                                 or CHANGED_BEFORE.search(text, max(0, start - 8), start)
                                 and not ESTIMATE_AFTER.match(text, after[1] + 2)):
        return None, pos  # 27명에서 41명까지 늘려, 계량기를 50%에서 75%까지 잠갔다: a change, whose two values are
        # told apart
    return high, after[1]


# a range told from one end to the other (5만원에서 10만원까지 지급, 30만원에서 500만원까지 다양): unless a verb of
# change follows (13%에서 51%까지 뛰었고, 490원에서 5850원까지 10배 이상 끌어올렸고) or the stretch between is
# what is told (200만명에서 300만명까지는 2년이 걸렸다)
FROM_TO = re.compile(rf"에서\s({NUMBER})")
# what changed, as the object right before the low end (한도를 3000만원에서, 인력을 기존 27명에서), unless the two
# ends are an estimate's (수익을 60만원에서 130만원까지로 예상했다)
CHANGED_BEFORE = re.compile(r"[을를]\s(?:기존\s|종전\s|현재\s|당초\s)?$")
ESTIMATE_AFTER = re.compile(r"(?:로|으로)?\s?(?:예상|전망|추정|추산|예측|내다)")
CHANGE_AFTER = re.compile(r"는|(?:도|로|으로)?\s?(?:\S+\s){0,2}?(?:올|오르|오른|뛰|늘|줄|떨어|끌어|확대|확충|상향|하향|완화|"
                          r"강화|치솟|하락|상승|증가|감소|인상|인하|낮|높|내려|내린|급등|급락|불어|확장|축소|개선|악화|회복)")


# an index named just before a bare number, as the subject whose level it is (…지수는 98.9로, BSI가 122를)
INDEX_LEVEL = re.compile(r"(?:지수|BSI|CSI|CCSI|PMI)(?:\s?\([A-Za-z]{2,6}\))?(?:는|은|가|이|도)?\s?$")
INDEX_LEVEL_AFTER = re.compile(r"(?:으로|로|을|를|에|였|이었|이다|까지|선|\s?(?:수준|기록)|[,)]|$)")


# a sentence about an index (소비자심리지수, 경기전망지수, BSI): a bare number in brackets right after a word is a level
# of it or of one of its parts (지난달(107.6)보다, 현재생활형편(91), 생활형편전망(96)은)
INDEX_SENTENCE = re.compile(r"(?:지수|BSI|CSI|CCSI|PMI)(?!\(\d)")  # (not 윤지수(35)씨: a person and her age)
BRACKETED_LEVEL_AFTER = re.compile(r"\s?(?:\)(?!\s?(?:씨|군|양|세|살|[가-힣]{1,4}(?:씨|주무관|교수|기자|대표|의원)))|·\s?[+\-−]?\d)")


def _bracketed_index_level(text: str, start: int, pos: int, value: float) -> bool:
    """Return True for a bare number alone in brackets after a word in a sentence that speaks of an index: its
    level (not a year, nor a number with more than one decimal place)."""
    return (start >= 2 and text[start - 1] == "(" and "가" <= text[start - 2] <= "힣" and value < 1000
            and re.fullmatch(r"\d{1,3}(?:\.\d)?", text[start:pos]) is not None
            and bool(BRACKETED_LEVEL_AFTER.match(text, pos)) and bool(INDEX_SENTENCE.search(text)))


LEADING_ZERO = re.compile(r"0\d")  # digits led by a zero: an identifier (LJ 0371편, 06번 버스)
# what is done with copies counted in 부 (1200부를 제작, 책자 10부를 배포, 1000부가 완판)
PRINTED_AFTER = re.compile(r"(?:를|을|가|이|씩)?\s?(?:판매|팔|제작|발행|배포|인쇄|찍|폐기|돌파|발간|출간)")
AEONS_AFTER = re.compile(r"\s?광?년")  # after a bare 억 or 조: years (46억 년 전), not money
TEAM_OF = re.compile(r"\d\s?(?:인|명)\s?$")  # before 1조: how many make one team (2인 1조, 3명 1조)


def number_spans(text: str, base: int = 0, homes: bool = False) -> list[Span]:
    """Return money/count/percent/score/rank/grade spans for the numbers in one sentence (offsets + base); homes:
    the article has spoken of homes before the sentence, so a number in 호 that ends like a count counts homes."""
    spans: list[Span] = []
    last_end = -1
    for m in NUMBER_RE.finditer(text):
        start, end = m.start(), m.end()
        if start < last_end or _excluded_context(text, start, end):
            continue
        number = m.group().rstrip()
        if LEADING_ZERO.match(number):
            continue  # 007편, LJ 0371편, 06번 버스: digits led by a zero name a flight, a route or a line, no amount
        end = start + len(number)
        one = "" if number[0].isdigit() else "1"  # 천만 원, 만 3천여 개: a bare magnitude word counts one of it
        value = parse_number(one + number)
        if value is None:
            continue
        approx = bool(APPROX_BEFORE.search(text[max(0, start - 5): start]))
        pos = end
        value_max = None
        if text.startswith(" 여", pos) and _unit_at(text, pos + 2) is not None:
            approx, pos = True, pos + 2  # 1만5000 여명, 4만 여 명: 여 spaced from its number, its counter after it
        elif text.startswith("여", pos):
            approx, pos = True, pos + 1
            scaled = MAGNITUDE_AFTER_YEO.match(text, pos)
            if scaled:  # 3,300여만 원, 4200여억원: the magnitude follows the approximate digits
                value = parse_number(one + number + scaled.group(1).replace(" ", ""))
                if value is None:
                    continue
                number, pos = number + scaled.group(1), scaled.end()
        ranged = RANGE.match(text, pos)
        if ranged:
            high = parse_number(ranged.group(1))
            if high is not None:
                value = _shared_magnitude(number, ranged.group(1).rstrip(), value, high)
            if high is not None and high > value:
                value_max, pos = high, ranged.end()
                if text.startswith("여", pos):
                    approx, pos = True, pos + 1
        found = _unit_at(text, pos)
        about = text[pos - 1: pos] == "여"  # 80여 점: a score is not given as "about N"; pieces are counted so
        if found is None and text.startswith(" 점", pos) and (about or _counts_items(text, start, pos + 2)):
            found = (PIECES, pos + 2)  # 작품 80여 점: spaced from its number, 점 counts the pieces named beside it
        if found is None and not approx and ranged is None:
            found = _subdivision_at(text, start, pos, value) or _people_at(text, pos, value) or _spaces_at(text, pos)
        if found and found[0].kind == "none":
            continue
        if found and not (_ends_word(text, found[1]) or not found[0].text[-1].isalpha()
                          or (found[0].kind == "money" and text.startswith("치", found[1]))):
            continue  # 2019대|한민국: the "counter" is the start of a longer word (a sign ends one: 10%할인, 500㎾급);
            # money's worth is told with 치 (16억 달러치를 수출했다, 1000만원치)
        tower = EXPORT_TOWER.match(text, pos)
        if tower:  # 40억불탑, 2천만불탑: the name of an export prize
            spans.append(Span("award", base + start, base + tower.end(), text[start:tower.end()]))
            last_end = tower.end()
            continue
        if found:
            unit, pos = found
            kind, canonical = unit.kind, unit.canonical
            if canonical == "점" and (about or _counts_items(text, start, pos)):
                kind = "count"  # 고문서류 53점, 사진 등 40여점: 점 counts pieces, not points
            if _not_a_count(text, start, pos, unit.text, value, homes):
                continue
            if value_max is None:
                value_max, pos = _range_after_unit(text, start, pos, canonical, value)
            if unit.canonical == "등급" and (not GRADE_CONTEXT.search(text) or GRADE_AS_PART.match(text, pos)
                                            or GRADE_AS_CATEGORY.match(text, pos)):
                continue  # 수질 3등급으로 개선, 1등급 비율, 3등급으로 나눈: a grade nobody received
            if unit.canonical == "등급" and value_max is not None:
                last_end = pos
                continue  # 적정성 평가(1~5등급): the scale of the grades, not one received (nor is its 5등급)
            scale = GRADE_SCALE.match(text, pos) if unit.canonical == "등급" else None
            if scale:
                last_end = scale.end()
                continue  # 1등급부터 9등급까지 구분, 9등급 상대평가: the scale, not a grade received
        elif number[-1] in BIG and number[-1] != "만":
            if AEONS_AFTER.match(text, pos):
                continue  # 46억 년 전, 1억 광년: years or light years, not money
            if number == "1조" and TEAM_OF.search(text, max(0, start - 6), start):
                continue  # 2인 1조로 이동: a team of two, not a trillion won
            kind, canonical = "money", "원"  # 65억 연계: a bare amount in 억/조 is money
        elif number[-1] == "만" and (PEOPLE_AFTER.match(text, pos) or POPULATION.search(text, max(0, start - 12), start)):
            kind, canonical = "count", "명"  # 600만 관광객, 18만 시민, 인구 4만: people counted in 만 without a counter
        elif RESIDENTS_AFTER.match(text, pos) and (approx or number[-1] in "만천" or not YEAR_LIKE.fullmatch(number)):
            kind, canonical = "count", "명"
        elif (counter := _counted_share(text, spans, start, base)) is not None:
            kind, canonical = "count", counter  # 13개 기관(시도 5, 시군구 8): the parts of a count, in its counter
            if number.endswith(","):
                number, pos = number[:-1], pos - 1
            value = parse_number(number)
            if value is None:
                continue
        elif (scale := _breakdown_scale(text, spans, start, pos - number.endswith(","), base)) is not None:
            kind, canonical = "money", "원"  # 251억 원(국비 150, 군비 101): the shares in the total's unit
            if number.endswith(","):  # 150, 군비: the comma ends the share
                number, pos = number[:-1], pos - 1
            value = parse_number(number + scale) if scale else value
            if value is None:
                continue
        elif INDEX_LEVEL.search(text, max(0, start - 30), start) and INDEX_LEVEL_AFTER.match(text, pos) \
                or _bracketed_index_level(text, start, pos, value):
            kind, canonical = "score", None  # 소비자심리지수(CCSI)는 103.9로, BSI는 122로: an index's level, no unit
        else:
            continue
        if _is_threshold(text, pos, kind) or _not_a_value(text, start, pos, kind):
            if value_max is not None:
                last_end = pos  # 하위 40~50%: the high end of a bound's range is the same bound
            continue
        if kind != "percent" and ANSWER_SHARE.match(text, pos) or value_max is not None and RANGE_SHARE.match(text, pos) \
                or BOUND_OF_PLACES.match(text, pos):
            last_end = pos  # nothing inside what was read (a range's high end) is found again
            continue
        if APPROX_AFTER.match(text, pos) and not text.startswith("여", pos):
            approx = True
        if value_max is None and ranged is None and kind == "count" and _is_ordinal_count(text, pos):
            continue
        if kind in ("percent", "money", "score") and start and NEGATIVE_SIGN.match(text, start - 1, start):
            start, value = start - 1, -value  # 대전 -0.04%, −1.2%p: a fall written with its sign
            value_max = -value_max if value_max is not None else None
        spans.append(Span(kind, base + start, base + pos, text[start:pos], value, canonical, approx, value_max))
        last_end = pos
    if "→" in text:
        spans = _arrow_chain(text, base, spans)
    return spans


ARROW_CHAIN = re.compile(r"(?<![\d,.])(?:\d[\d,]*(?:\.\d+)?\s?→\s?){1,15}")


def _arrow_chain(text: str, base: int, spans: list[Span]) -> list[Span]:
    """Add the bare numbers of a chain of figures that ends in a counted one (2719→2346→1290명으로 감소): each
    is counted as the last is."""
    added = []
    for m in ARROW_CHAIN.finditer(text):
        last = next((s for s in spans if s.start - base == m.end()), None)
        if last is None or last.kind not in ("count", "percent"):
            continue
        for n in re.finditer(r"\d[\d,]*(?:\.\d+)?", m.group()):
            start, end = m.start() + n.start(), m.start() + n.end()
            if not any(s.start - base < end and start < s.end - base for s in spans):
                value = parse_number(n.group())
                if value is not None:
                    added.append(Span(last.kind, base + start, base + end, n.group(), value, last.unit))
    return sorted(spans + added, key=lambda s: s.start) if added else spans


# A source of money named before a bare share of a total in brackets: 251억 원(국비 150, 군비 101)
SOURCE_BEFORE = re.compile(r"(?:국비|도비|시비|군비|구비|국·도비|도·시비|도·군비|지방비|자부담|자담|민자|민간|기금|교부세|"
                           r"특교세|특별교부세)\s?$")
SCALE_OF_TOTAL = re.compile(r"([조억만천])\s?원$")


def _breakdown_scale(text: str, spans: list[Span], start: int, end: int, base: int = 0) -> str | None:
    """Return the magnitude word (억, 만 …; "" for none) of the money total whose bracket a bare number after a
    source word breaks down (총 50억 원(국비 25, 도비 7.5)), or None when the number is not such a share: it must
    follow a source word, sit inside a bracket opened right after a money value, and be followed by a comma, a
    middle dot or the closing bracket (spans' offsets are base + index into text)."""
    if not SOURCE_BEFORE.search(text[max(0, start - 8): start]) or not re.match(r"\s?[,·)]", text[end:end + 2]):
        return None
    opened = text.rfind("(", 0, start)
    if opened < 0 or ")" in text[opened:start]:
        return None
    total = next((s for s in reversed(spans) if s.kind == "money" and 0 <= opened - (s.end - base) <= 1), None)
    if total is None:
        return None
    scale = SCALE_OF_TOTAL.search(total.text)
    return scale.group(1) if scale else ""


# the parts of a total in its bracket: 시도 5, 시군구 8 (a name, then a bare number), and nothing else
COUNT_PARTS = re.compile(r"\s?[가-힣A-Za-z·]{1,8}\s?(\d[\d,]*)\s?(?:[,·]\s?|$)")


def _counted_share(text: str, spans: list[Span], start: int, base: int = 0) -> str | None:
    """Return the counter of the count total whose bracket a bare number sits in as one of the named parts that
    add up to it (13개 기관(시도 5, 시군구 8), 7명(남 4, 여 3)), or None when it is not such a part."""
    opened = text.rfind("(", 0, start)
    if opened < 0 or ")" in text[opened:start]:
        return None
    total = next((s for s in reversed(spans) if s.kind == "count" and 0 <= opened - (s.end - base) <= 8
                  and re.fullmatch(r"\s?(?:[가-힣]{1,6})?", text[s.end - base: opened])), None)  # 13개 기관(…
    closed = text.find(")", start)
    if total is None or total.value is None or closed < 0:
        return None
    inside, parts, at = text[opened + 1: closed], [], 0
    while at < len(inside):
        m = COUNT_PARTS.match(inside, at)
        if not m or m.end() == at:
            return None
        parts.append(float(m.group(1).replace(",", "")))
        at = m.end()
    return total.unit if len(parts) >= 2 and sum(parts) == total.value else None


def _two_rabbits(text: str, m: re.Match[str]) -> bool:
    """Return True for the idiom 두 마리 토끼 (를 잡다: two goals at once), which counts no animals."""
    return m.group(2) == "마리" and bool(re.match(r"\s?토끼", text[m.end():]))


NEGATION_BEFORE = re.compile(r"(?<![가-힣])(?:안|못)\s$")
# 한 명 한 명, 한 명씩, 한 명이라도, 한 명의 아이도: one after another or 'even one', not a count; 가운데 한 명으로, 국민의 한 명: 'one
# of' (중 한 곳 is read below)
ONE_BY_ONE = re.compile(r"\s?,?\s?한\s?명|씩|도(?![가-힣])|이라도|의\s?[가-힣]{1,6}(?:도|이라도)(?![가-힣])|"
                        r"으로\s?(?:꼽|손꼽|평가|불리|여겨)")
ONE_BY_ONE_BEFORE = re.compile(r"(?:한\s?명\s?,?|가운데|중|의)\s$")


# a bound's word after a native numeral and its counter (두 차례 이상, 세 개 이하): only then are the rules of bounds read
NATIVE_BOUND = re.compile(r"\s?(?:이상|이하|미만|초과|이내)")


def native_spans(text: str, base: int = 0) -> list[Span]:
    """Return counts written with native numerals (두 가지, 세 곳, 다섯 개 분야)."""
    spans = []
    for m in NATIVE_RE.finditer(text):
        if not _ends_word(text, m.end()) or text.startswith(("째", "도 "), m.end()):
            continue
        if m.group(1) == "한" and (m.group(2) in ("차례", "번", "사람", "분") or text[max(0, m.start() - 2): m.start()] == "단 "
                                  or m.group(2) == "명" and (ONE_BY_ONE.match(text, m.end())
                                                            or ONE_BY_ONE_BEFORE.search(text, 0, m.start()))):
            continue  # 한 번, 한 사람 and 한 분 (a person, or one who did: 고생만 한 분), 한 명 한 명, 단 한 곳도: idioms,
            # not counts; a person counted alone in 명 is one (대표 한 명을 제외하고, 딸 한 명이)
        if m.group(1) == "한" and (text.startswith("당", m.end()) or re.match(r"에\s?[\d,]+", text[m.end():])
                                  or m.group(2) in ("채", "척") and re.search(r"[을를]\s$", text[:m.start()])
                                  or m.group(2) == "권" or NEGATION_BEFORE.search(text, max(0, m.start() - 3), m.start())):
            continue  # 한 마리당, 한 마리에 2만8000원: the base of a price; 산타복장을 한 채, 공부를 한 척: -ㄴ 채 (as
            # it is) and -ㄴ 척 (as if), not a house or a ship; 한 권의 책: a book, not one; 설치 안 한 곳, 오도 가도
            # 못 한 채: after a negation, 한 is the verb (did), not the numeral
        if m.group(1) == "쉰" and (m.group(2) == "채" or re.search(r"(?:[을를]|숨|하루|이틀|며칠|잠시|잠깐|푹|못)\s$",
                                                                  text[:m.start()])):
            continue  # 하루 쉰 곳, 숨 쉰 채: 쉬다 (rested, breathed), not fifty
        if m.group(2) == "척" and text.startswith("도", m.end()):
            continue  # 한 척도로: a yardstick, not a ship
        if m.group(2) == "번" and re.match(r"\s?다시", text[m.end():]):
            continue  # 두 번 다시: never again, not a count
        if _two_rabbits(text, m) or NATIVE_BOUND.match(text, m.end()) and _is_threshold(text, m.end(), "count"):
            continue  # 세 번 이상 만나고 강의도 수강해야: a bound set in words is a bound too
        if m.group(1) == "한" and (text[max(0, m.start() - 2): m.start()] == "중 " or
                                  re.match(r"\s?(?:을|를|이|가)\s?(?:이뤄|이루|이룬|이룰|되어|돼|된)", text[m.end():])):
            continue  # 서원 중 한 곳인, 7명이 한 팀을 이뤄: 'one of', 'as one', not counts
        glued = text[m.start() + len(m.group(1))] != " "
        if glued and (m.group(1) in ("한", "세", "네", "열") or m.group(2) in ("종", "팀", "건")):
            continue  # 세종, 한곳에서, 네팀: a word, not a numeral and its counter
        spans.append(Span("count", base + m.start(), base + m.end(), m.group(), float(native_value(m.group(1))),
                          m.group(2).replace(" ", "")))
    nouns = NATIVE_NOUN.finditer(text) if holds_one_of_each(text, _NATIVE_NOUN_NEEDS) else ()
    for m in nouns:  # 두 프로그램은, 두 유형으로: the noun is the counter
        if _two_rabbits(text, m):
            continue
        if not any(s.start <= base + m.start() < s.end for s in spans):
            spans.append(Span("count", base + m.start(), base + m.end(), m.group(), float(native_value(m.group(1))),
                              m.group(2)))
    return spans


# A native numeral that is never a word of its own (not 한, 세, 네, 열: one, tax or age, yes, open) before a noun
# and its particle: 두 프로그램은, 두 미군기지 주변. Not a multiplier, an ordinal or a number of digits (두 배, 두 번째,
# 두 자릿수), an age (아홉 살이었던), a stretch of time (두 달여 만에, 세 시간 동안), nor a counter NATIVE_RE reads.
NATIVE_NOUN = re.compile(r"(?<![가-힣])(두|다섯|여섯|일곱|여덟|아홉)\s(?!배|번|차례|자리|자릿|가지|곳|명|분야|부문|건|개|팀|종|살|달|해|시간|날|밤|세기|"
                         r"주(?:일|간)?(?:[\s,.]|동안|만|여|째))"
                         r"([가-힣]{2,6}?)(?=(?:은|는|이|가|을|를|의|에|와|과|도|으로|로)?[\s,.])")
_NATIVE_NOUN_NEEDS = required_words(NATIVE_NOUN)  # one of its numerals


AFTER_UNIT = ("은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "만", "로", "으로", "씩", "째", "당",
              "여", "이상", "이하", "가량", "까지", "부터", "에서", "에게", "이며", "이고", "이다", "으로서", "인",
              "이었", "였", "에도", "에는", "보다", "뿐", "나", "이나", "쯤", "대", "정도", "규모", "분", "다", "라는",
              "라고", "라며", "지만", "인데", "씩", "입니다", "입", "짜리", "어치", "서", "밖에")  # 서: 에서 said short (1곳서)


def _ends_word(text: str, pos: int) -> bool:
    """Return True when a unit ending at pos is not glued to more letters (other than a particle)."""
    if pos >= len(text) or not ("가" <= text[pos] <= "힣"):
        return True
    rest = text[pos: pos + 4]
    if rest.startswith("서") and len(rest) > 1 and "가" <= rest[1] <= "힣":
        return False  # 1등서기관: 서 begins a word; 1곳서 alone is 에서 said short
    return rest.startswith(AFTER_UNIT)


EDITION_AFTER = re.compile(r"(?:를|을)\s?맞|\s(?:[^\s,.]+\s){0,5}?[^\s,.]*(?:대상|축제|대회|콘테스트|포럼|박람회|달인|시상식|"
                           r"공모전|경진대회|페스티벌|전시회|어워즈|대전|영화제|문화제|체전)(?:[’'”」』]|에서|은|는|을|를|의|\s|$)")
SUPPLEMENTARY = re.compile(r"\s?(?:추경|추가경정)")
EXAM_COHORT = re.compile(r"(?:변시|변호사\s?시험|사법\s?시험|사시|행시|행정\s?고시|외시|기술\s?고시|입법\s?고시|군법무관)\s?$")
GENERATIONS_AFTER = re.compile(r"\s?(?:동거|가족|공존|통합|이\s?함께|간\s|가\s?함께)")
RATE_BEFORE = re.compile(r"(?:매년|매월|매주|매일|연|월|주|하루|1일|한 해|년)\s?(?:평균\s?)?$")


ITEMS = r"(?:작품|(?:출품|입상|수상|당선|선정|전시|우수|입선|특선|가)작|유물|자료|서류|문서|도서|서적|사진|그림|미술품|소장품|전시품|기증품|물품|공예품|기념품|조형물|문화유산|국가유산|문화재|국보|보물)"
PIECES = Unit("점", "count", "점")
ITEMS_BEFORE = re.compile(ITEMS + r"(?:류|들)?\s?(?:총\s?|약\s?)?$"
                          r"|(?<![가-힣])(?:대상|[금은동]상|최우수상|우수상|장려상|특별상|입선|특선|가작)\s?$")  # 금상 1점: a work
# pieces named as the subject or with 등 before their number (미술품은 2000점이 넘는다, 시지정 문화유산 등 17점이 있다),
# unless the number is what they scored (출품작은 90점을 받았다)
ITEMS_TOLD_BEFORE = re.compile(ITEMS + r"(?:류|들)?(?:(?:은|는|이|가|도|만)\s?(?:등\s?)?|\s?등\s?)(?:총\s?|약\s?)?$")
SCORED_AFTER = re.compile(r"\s?(?:을|를)\s?(?:받|획득|얻|기록)|\s?(?:으로|로)\s?(?:1위|최고|최우수|만점)|\s?만점")
# (a number of pieces said roughly comes before its word too: 400점 이상의 빛 조형물)
ITEMS_AFTER = re.compile(r"\s?(?:(?:이상|가량|남짓|정도|안팎|넘는)\s?)?(?:의|에\s?달하는|에\s?이르는)?\s?(?:[가-힣]{1,6}\s)?" + ITEMS)


PIECES_TOLD = re.compile(ITEMS + r"|유해|유골|회화|드로잉|조각|판화|동상|시계|가방|지갑|귀금속|목걸이|팔찌|반지|악기|걸작|"
                         r"금관|소장|기증|출품|전시|발굴|발견|압수|훔친|훔쳐|수수|사치품|명품|유묵|훈장|포장")
PIECE_RIGHT_BEFORE = re.compile(r"(?:" + PIECES_TOLD.pattern + r")\s?$")
SCORING = re.compile(r"평가|점수|평균|만점|합격|커트라인|평점|별점|총점|최고점|최저점|성적|시험|수능|테스트|지수|호감|역량|등급|순위|"
                     r"\d\s?위|감점|가점|벌점|득점|실점|홈런|타점|경기(?!도|권|침체|회복|부양|둔화|전망|동향|북부|남부|지역)|심사|채점|만족|"
                     r"지표|환산|배점|리그|라운드|점차|(?<![가-힣])골(?:을|이|은|도|로|만|씩)?(?![가-힣])|\d\s?골|승리|점수차")
# (a game, not 경기도 or the economy's 경기 침체; a goal, not 골동품, 골목 or 두개골)


def _counts_items(text: str, start: int, end: int) -> bool:
    """Return True when 점 after a number counts pieces (artworks, documents, relics) named just before or
    after it, rather than scoring points."""
    if ITEMS_BEFORE.search(text, max(0, start - 12), start) or ITEMS_AFTER.match(text, end):
        return True
    if ITEMS_TOLD_BEFORE.search(text, max(0, start - 16), start) and not SCORED_AFTER.match(text, end):
        return True
    # a sentence of things found, shown, seized or given, with no word of scoring or play in it: 유해 64점이
    # 발견됐다, 시계 125점, 지갑 461점, 금관 6점을 한자리에 모았다, 국민포장 5점
    if not PIECES_TOLD.search(text) or SCORING.search(text):
        return False
    # 명품 시계 1점을 받은: the piece named right before its number was given; 출품작은 90점을 받았다: a score
    return bool(PIECE_RIGHT_BEFORE.search(text, max(0, start - 8), start)) or not SCORED_AFTER.match(text, end)


def _machines_before(text: str, start: int) -> bool:
    """Return True when a bare noun stands right before a round number of 대 (버스 30대를, 드론 20대가): what is
    counted is named, so the 대 counts machines, not an age group (20대가 6명, 특히 20대가 가장 많았다)."""
    before = re.search(r"(?:^|\s)([가-힣A-Za-z]+)\s?$", text[max(0, start - 12): start])
    if not before:
        return False
    word = before.group(1)
    if word in ("총", "약", "무려"):
        return True  # 전기밥솥 … 총 100대가: a total of what was counted before
    return len(word) >= 2 and word not in NOT_MACHINES and not AFTER_A_NOUN.search(word)


NOT_MACHINES = frozenset({"특히", "이어", "또", "또한", "반면", "그중", "이중", "이어서", "주로", "모두", "가장", "다음",
                          "이제"})
# a particle, or a verb's form that modifies what follows (달아난 40대가, 하던 60대가, 묵혀둔 70대가): what stands
# before is no name of machines
AFTER_A_NOUN = re.compile(r"(?:은|는|이|가|을|를|에|의|와|과|도|로|서|선|엔|던|한|된|난|진|친|둔|운|린|른|든|간|온|낸)$")


# a machine named right before N대 (no particle between): the 대 counts it, even where a word, not a verb, follows
# (a headline's 소방차 200대 경남 출동), while the N major … reading (3대 축제) has no machine before it
MACHINE_BEFORE = re.compile(r"(?:(?:자동|승용|화물|소방|구급|청소|살수|전기|수소|순찰|관용|굴착|견인|지게)차|차량|버스|택시|트럭|드론|로봇|헬기|항공기|여객기|선박|어선|열차|전동차|자전거|킥보드|"
                            r"컴퓨터|PC|노트북|태블릿|단말기|카메라|CCTV|기기|장비|발급기|키오스크|에어컨|충전기)\s?$")


# a facility named right before N기, or a few words after it (팹 10기, 데이터센터 1기, 400여기의 시내 급속 충전기): the
# 기 counts it; otherwise N기 is a term, a cohort or a phase (민선 8기, 7기 교육생, 1기 팹)
FACILITY_NOUNS = (r"(?:팹|데이터센터|원전|원자로|화장로|소각로|용광로|전기로|충전기|충전소|발전기|발전소|기지국|위성|석탑|탑|고분|묘|"
                  r"엘리베이터|승강기|가로등|터빈|크레인|탱크)")
FACILITY = re.compile(FACILITY_NOUNS + r"\s?$|(?:(?:를|을|의|가|이|였던|이었던|인)\s(?:[가-힣]+\s){0,2}|\s(?:[가-힣]+\s){1,2})[가-힣]*"
                      + FACILITY_NOUNS + r"(?:에|의|을|를|이|가|은|는|과|와|도|로)?(?![가-힣])")


# after N대: generations a family or a craft spans (3대에 걸쳐, 4대째, 3대를 이어)
GENERATIONS_OF = re.compile(r"째|에\s?걸쳐|에\s?걸친|(?:를|로)\s?이어|가\s?대를")


# after a weight: the class of a vehicle or container it names (1톤 트럭, 10t 이하 화물차, 24t짜리 컨테이너, 1톤 6대)
VEHICLE_CLASS = re.compile(r"\s?(?:짜리|(?:[을를이가]\s?)?(?:이하|미만|초과)|(?:[가-힣]{1,3}\s)?(?:트럭|화물차|화물|차량|덤프|탑차|트레일러)|\s\d+\s?대(?=[,의와과를을이가에도\s]|$))")


# Homes counted in 호 (공공 임대 주택 511호를 공급): 호 counts nothing else.
HOMES = "주택|아파트|임대|주거|오피스텔|세대|분양|청약"  # 청약: subscriptions for new homes
HOMES_BEFORE = re.compile(rf"(?:{HOMES})[^.\d]{{0,8}}$")
HOMES_WORDS = re.compile(rf"{HOMES}|택지")  # anywhere before in the sentence, housing sites included
# what homes are counted for: 2만8000호를 추가 공급, 600호 규모로 건설
HOMES_AFTER = re.compile(r"(?:를|을|가|이|는|의|씩)?\s?(?:규모로\s?|추가\s?|신규\s?|새로\s?)?(?:공급|분양|입주|건설|착공|준공)")
# a count of homes ends in a particle, a bracket or a list mark, never in a noun (1호 기업, 3호 태풍)
FARM_HOUSEHOLDS = re.compile(r"\s?(?:농가|가구|세대|어가)")  # 295호 농가: households counted in 호
# what is numbered in 호 rather than counted: a heritage item, a measure, a road (국보 70호, 잠정조치 4호, 국도25호)
NUMBERED_BEFORE = re.compile(r"(?:국보|보물|사적|명승|천연기념물|문화재|문화유산|민속자료|조치|국도|지방도|터널)\s?(?:제\s?)?$")
HOMES_END = re.compile(r"[)\]·,]|(?:를|을|이|가|의|는|도|와|과|씩|로)(?![가-힣])|\s?(?:규모|가량|안팎|이상|등|최대|최다)|…")


# A police or fire station's squad is named by its number (신정지구대 3팀, 119안전센터 2팀).
SQUAD_OF = re.compile(r"(?:지구대|파출소|치안센터|안전센터|소방서|구조대|순찰대)\s?$")


def _homes_told(text: str, start: int, end: int, homes: bool = False) -> bool:
    """Return True when 호 counts homes away from a housing word: the sentence (or, with homes, the article before
    it) speaks of homes and the number ends like a count (과천시 주암동 일원(9800호), …), or what the homes are for
    follows it (경기 지역 2만8000호를 추가 공급). Not after 제 (제3호) nor before a noun (1호 기업)."""
    if text[max(0, start - 2): start].strip().endswith("제"):
        return False
    if HOMES_AFTER.match(text, end) or FARM_HOUSEHOLDS.match(text, end):
        return True
    if not HOMES_END.match(text, end):
        return False
    return bool(HOMES_WORDS.search(text, 0, start)) or homes and not NUMBERED_BEFORE.search(text, max(0, start - 8),
                                                                                            start)


def _not_a_count(text: str, start: int, end: int, unit: str, value: float, homes: bool = False) -> bool:
    """Return True for counter uses that are not counts: 'N대' meaning 'the N major …' or an age group, and
    frequencies such as '매년 1회' (a rule, not an event count)."""
    if unit == "교" and not SCHOOLS.search(text):
        return True  # 발산 1교 인근, 풍영정천 2교: a bridge numbered after its name; 교 counts schools only where the
        # sentence speaks of schools
    if unit == "타" and not (GOLF.search(text) or STROKES_TOLD.match(text, end)):
        return True  # 1타 강사, 1분에 300타: not strokes in a round of golf
    if unit == "부" and value < 100 and not PRINTED_AFTER.match(text, end):
        return True  # 형사3부, 민사합의 51부, 1부가 끝날 무렵, 5부 리그: a court's division, a part or a tier; copies
        # are printed by the hundred (2000부 제작, 100만 부가 팔린) or said to be (책자 10부를 배포)
    if unit == "대":
        if value <= 10 and GENERATIONS_OF.match(text, end):
            return True  # 3대에 걸쳐 전승된, 4대째 이어온: generations of a family, not machines
        if text.startswith(" ", end) and re.search(r"[가-힣](?:을|를)\s?$", text[max(0, start - 12): start]) \
                and not re.match(r"\s[가-힣]+(?:으로|로|을|를|이|가|에|의|은|는)(?=\s|,|$)", text[end: end + 12]):
            return False  # 노선버스를 2대 증차, 전기버스를 10대 도입: how many of the object before (not 5대 권역으로)
        if MACHINE_BEFORE.search(text, max(0, start - 12), start):
            return False  # 소방차 200대 경남 출동, 전기버스 30대 투입: machines named right before are counted
        if value % 10 == 0 and value <= 100 and not (text.startswith(("를", "가", "의"), end)
                                                     and _machines_before(text, start)):
            return True  # 20대부터 70대, 20대가 6명: ages; 차량 20대가 동원: vehicles
        following = text[end: end + 1]
        if following.isdigit():
            return True  # 1대1 멘토링, 3대3 농구: a pairing, not vehicles
        if following == " ":  # 3대 축제, 15대 핵심 성과: the N major …; 360대 수출한: vehicles counted
            return not re.match(r"\s[가-힣]{1,6}?(?:한|했|하며|하고|된|됐|되어|돼|해|하다|한다|했다|된다|됐다|해야|돼야|"
                                r"되며|되고|져|졌다|진다)(?=\s|,|\.|$)|\s(?:중|가운데|및)(?=\s|,|$)"
                                r"|\s(?:줄|늘)(?:인다|였다|여|이고|이기로|린다|렸다|려|리고|리기로)", text[end: end + 12])
            # (버스 680대 중 55대를, 버스 55대 줄인다: machines counted, of a whole or by a change)
        return following.isalpha() and following not in "를을이가의와과에로도만씩다는은뿐밖까"  # 재정지원 배제 18대다
        # (2대는 정비 중, 5대밖에, 2대뿐: machines, told with a particle)
    if unit in ("t", "톤") and (text[end: end + 1].isascii() and text[end: end + 1].isalpha()
                               or VEHICLE_CLASS.match(text, end)):
        return True  # 5th, 1톤 트럭, 10t 이하 화물차: a word, or the class of a vehicle, not tonnes counted
    if unit == "회" and (EDITION_AFTER.match(text, end) or SUPPLEMENTARY.match(text, end)
                        or EXAM_COHORT.search(text, max(0, start - 10), start)):
        return True  # 올해로 21회를 맞는, 20회 한국지방자치경영대상 평가, 1회 추경: an edition, not a count;
        # (변시 7회), 행시 37회: who passed an exam in which year's round
    if unit == "세대" and value <= 5 and GENERATIONS_AFTER.match(text, end):
        return True  # 3세대 동거 가구: generations living together, not households
    if unit == "기" and not (FACILITY.search(text, max(0, start - 14), start) or FACILITY.match(text, end)):
        return True  # 민선 8기, 7기 교육생: a term or a cohort; 팹 10기, 400여기의 급속 충전기: facilities counted
    if unit == "호" and not (HOMES_BEFORE.search(text, max(0, start - 16), start) or _homes_told(text, start, end, homes)):
        return True  # 제3호 태풍, 1호 당선자: an ordinal; 공공 임대 주택 511호: homes counted
    if unit in ("동", "석") and _word_goes_on(text, start, end, glued_before=unit == "동"):
        return True  # 의정부3동, 101동 1203호, 3동안: a district or a flat's address, or a longer word; 건물 382동을
    if unit == "국" and value < 10 and re.search(r"(?:결승|준결승|본선|예선|대국)\s?$", text[max(0, start - 5): start]):
        return True  # 기왕전 결승 2국에서: the second game of a final, not two countries
    if unit in ("팀", "반", "조") and value < 20 and SQUAD_OF.search(text, max(0, start - 10), start):
        return True  # 신정지구대 3팀은, 119안전센터 2팀: a squad's name, not a count of teams
    if unit == "번" and (re.match(r"\s?(?:국도|지방도|출구|버스|노선|게이트|홀|창구|확진자|환자|문제|문항|번호|(?:으로|로)\s?분류)",
                                  text[end:end + 8])
                        or text[end:end + 1] in ("가", "지")  # 11번가, 3번지: a shop's or an address's name
                        or re.search(r"기호\s?$", text[max(0, start - 4): start])  # 기호 2번 후보: a ballot number
                        or WORK_BEFORE.search(text, max(0, start - 6), start) or _numbered_list(text, start, value)
                        or NUMBERS_LISTED.search(text, max(0, start - 12), start) or NUMBER_LISTED.match(text, end)
                        or re.search(r",\d{1,2}(?!\d)", text[start:end])):  # 4,5,6,7번: numbers, not 4,567
        return True  # 1번 국도, 3번 출구, 11번가, 17번 문제, 96번 번호를 단, 협주곡 23번, (경남 19911~19993번),
        # 187번·508번·3번, 96번과 97번 독수리: an identifier (times are counted once, not listed number by number);
        # 광주 1201~1248번으로 분류됐다, 지역 2301~2310번 환자: a case's number, whatever its range
    return unit == "회" and bool(RATE_BEFORE.search(text[max(0, start - 8): start]))


# Case numbers listed in brackets after the place that numbers them (경남 19930~19946, 19974~19981, 19993번;
# 2만8944~2만9235번)
NUMBERED_LIST_BEFORE = re.compile(r"\((?:[가-힣]{1,4}\s)?((?:\d[\d만]*\s?[,~∼]\s?)*)$")
# a number with 번 beside another one, joined by a dot, a comma or 과/와: numbers named one by one (187번·508번,
# 96번과 97번, 4,5,6,7번)
# (a comma with a space after it never splits a number's thousands: 19986~19988, 19992번 lists case numbers)
NUMBERS_LISTED = re.compile(r"\d\s?번\s?(?:·|,|과|와)\s?$|\d,\s?$")
NUMBER_LISTED = re.compile(r"\s?(?:·|,|과\s|와\s)\s?\d{1,5}\s?번(?!째)")


def _numbered_list(text: str, start: int, value: float) -> bool:
    """Return True when a number with 번 closes a bracketed list of numbers (or is a large one alone in brackets
    after a place word): the numbers of cases or patients, not times counted."""
    m = NUMBERED_LIST_BEFORE.search(text, max(0, start - 80), start)
    return bool(m) and (bool(m.group(1)) or value >= 100)


# A musical work's number (피아노 협주곡 23번, 모음곡 2번, 교향곡 9번): its place in a catalogue, not times counted
WORK_BEFORE = re.compile(r"(?:협주곡|교향곡|소나타|모음곡|서곡|광시곡|변주곡|전주곡|녹턴|실내악곡|작품)\s?$")


COUNTER_PARTICLE = re.compile(r"(?:을|를|이|가|의|은|는|과|와|도|만|씩|에|으로|로|이다|이며|이고|규모|가량)(?![가-힣])")


def _word_goes_on(text: str, start: int, end: int, glued_before: bool) -> bool:
    """Return True when a one-letter counter (동 of buildings, 석 of seats) is rather part of a word or a name:
    a letter right after it that is no particle (3동안, 2석유), digits after it (101동 1203호: a flat's address),
    or, for 동, a letter glued before the number (의정부3동: a district's name)."""
    after = text[end: end + 1]
    if "가" <= after <= "힣" and not COUNTER_PARTICLE.match(text, end):
        return True
    if re.match(r"\s?\d", text[end: end + 2]) or text[max(0, start - 2): start].strip().endswith("제"):
        return True
    return glued_before and start > 0 and "가" <= text[start - 1] <= "힣"


def _is_ordinal_count(text: str, pos: int) -> bool:
    """Return True for counters used as ordinals ('3회 대회' is fine; '12회째' and, spaced, '5번 째' are ordinals)."""
    return text.startswith(("째", " 째"), pos)


def word_spans(text: str, base: int = 0, taken: list[Span] | None = None) -> list[Span]:
    """Return award and record spans found by the word patterns, not overlapping `taken` or each other."""
    occupied = [(s.start - base, s.end - base) for s in (taken or [])]
    candidates: list[tuple[int, int, str]] = []
    hints = {"award": bool(AWARD_WORDS.search(text)), "first": bool(RECORD_WORDS.search(text))}
    for kind, pattern, context, needs in _claim_word_filters():
        if not hints.get(kind, True) or needs and not holds_one_of_each(text, needs) \
                or context is not None and not context.search(text):
            continue  # a sentence with no prize or record word cannot hold one
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            while start < end and text[start] in QUOTES:
                start += 1
            while end > start and text[end - 1] in QUOTES:
                end -= 1  # ‘우수군’ → 우수군: the quotes are the article's, not the claim's
            if start and text[start - 1].isdigit() and not re.search(r"(?<!\d)(?:19|20)\d\d$", text[:start]):
                continue  # 34,067두의 인증: the span would start inside a number and its counter (not after a year)
            if end > start:
                candidates.append((start, end, kind))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    spans: list[Span] = []
    for start, end, kind in candidates:
        if any(start < e and s < end for s, e in occupied):
            continue
        if kind == "award" and "등급" in text[start:end] and (GRADE_AS_CATEGORY.match(text, end)
                                                             or GRADE_AS_PART.match(text, end)):
            continue  # 90점 이상을 S등급으로 분류, 최고 ‘S’ 등급부터: a rubric's grade, not one received
        if kind == "award" and "등급" in text[start:end] and GRADE_RANGE_BEFORE.search(text, max(0, start - 4), start):
            continue  # A~E등급 중 D등급을 받았다: the scale's last grade, not one received
        if kind == "award" and (text[start:end] == "포장" and not MEDAL_OF_HONOUR.search(text)
                                and not HONOUR_KIND_BEFORE.search(text, max(0, start - 8), start)
                                or text[start:end] in ("비포장", "소포장", "재포장", "겉포장", "완포장", "무포장")):
            continue  # 포장 용기, 냉장 포장, 포장 의무, 비포장도로, 재포장: packing or paving; the medal (포장) is named
            # with its kind (체육 포장, 국민포장) or beside other honours (훈장 또는 포장, 훈·포장)
        if kind == "award" and text[start:end] == "대상" and TARGET_OF.search(text, max(0, start - 12), start) \
                and TARGET_AFTER.match(text, end):
            continue  # 규명 대상이다, 수사 대상인, 위치 공유 대상이 새로 생길: what something is aimed at, not a prize
        if kind == "award" and CONFERRED_ON.search(text, max(0, start - 30), start):
            continue  # 업소 6곳을 신규 ‘모범음식점’으로 지정했다: a title the agency gave others
        if kind == "award" and DESIGNATES.match(text, end) and (thing := THING_DESIGNATED.search(text, 0, start)) \
                and not GOVERNMENT_WORD.search(thing.group(1)) and not HONOUR_TITLE.search(text, start, end):
            continue  # 탑골공원 안팎을 ‘금주구역’으로 지정하고, 학교를 ‘독도 지킴이 학교’로 선정해: what the subject
            # names something else, a zone, a school, a substance (not 광주시를 ‘국제안전도시’로 지정했다)
        occupied.append((start, end))
        unit = "등급" if kind == "award" and text[start:end].endswith("등급") else None
        spans.append(Span(kind, base + start, base + end, text[start:end], None, unit))
    return spans


# 포장, the medal, named with its kind or beside other honours (not packing: 포장 용기, 냉장 포장)
MEDAL_OF_HONOUR = re.compile(r"훈장|훈·포장|훈\s?포장|표창|서훈|포상|유공")
HONOUR_KIND_BEFORE = re.compile(r"(?:국민|체육|산업|새마을|근정|보국|무공|문화|과학기술|예비군|수교|녹조|옥조|홍조|황조|청조)\s?$")
# 대상 after a word that names an act (수사, 규명, 공유, 비난, 처벌) and before a copula or a subject's particle: the
# act's object; a prize's 대상 follows its category (부문 대상, 종합 대상, 영예의 대상) or comes with its verb
TARGET_OF = re.compile(r"(?<![가-힣])(?!부문|분야|종합|영예|최고|최우수|올해|시상|작품|대회|이날|이번|올해의)[가-힣]{2,6}(?<![의이가은는을를도만과와])\s$")
TARGET_AFTER = re.compile(r"(?:이다|이며|이고|이나|인\s|이\s(?!돌아|주어|수여)|까지|에서\s?제외)")
GRADE_RANGE_BEFORE = re.compile(r"(?<![가-힣A-Za-z0-9])[A-Za-z0-9가-하]\s?[~∼]\s?$")
# a designation or selection said in the active voice (지정했다, 선정해, 지정하고), with the thing designated as the
# object before it (group 1: its last word): the subject gives the title; it is the object's, not the subject's
DESIGNATES = re.compile(r"[’'”」』]?\s?(?:으로|로)\s?(?:최종\s?|새로\s?|신규\s?|추가로\s?)?(?:지정|선정)(?:했|하|해|한(?!\s?결과))")
THING_DESIGNATED = re.compile(r"([가-힣A-Za-z0-9·]+)(?:을|를)\s(?:[^\s을를]+\s){0,3}?[‘'\"“「『]?$")
GOVERNMENT_WORD = re.compile(r"(?:시|군|구|도|청|기관|지자체|자치단체|교육청|정부)$")
# a title that honours whoever it is given to (부산을 ‘최고의 도시 관광 목적지’로 선정했다, 3개 축제를 ‘글로벌 축제’로,
# 대교를 ‘가족 친화 인증 기업’으로): a prize the object won, as the sets label it, whoever gives it
HONOUR_TITLE = re.compile(r"우수|최우수|최고|으뜸|베스트|모범|명품|대표|선도|글로벌|올해의|이달의|인증|명소|목적지|대상|상$")
# what an agency designates or selects as something, counted: then the title is theirs, not the agency's
CONFERRED_ON = re.compile(r"(?:\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?(?:곳|개소|개|명|업소|점포|가게|단체|기업|팀|가구|농가|"
                          r"마을|업체)\s?(?:을|를)\s?(?:신규\s?|새로\s?|새롭게\s?|추가로\s?|올해의\s?)?[‘'\"“]?$")
CONTEST_AFTER = re.compile(r"[’'”」』]?\s?(?:경진대회|평가대회|사례평가|평가(?!\s?받)|대회|공모전|공모|시상식|발표대회|캠페인|"
                           r"최우수|우수상|장려상|(?:대상|금상|은상|동상|특별상)(?=[을를이은과도의에,·\s’'”)]|$)|제정|\d+관왕|"
                           r"(?:[가-힣]{1,8}\s)?부문|[은는]\s)|·[^’'”]{2,20}[’'”]\s?시상식")
# a contest won in a category, with no prize named: the contest is what was won
CATEGORY_WON = re.compile(r"[’'”」』]?\s?(?:[가-힣A-Za-z·]{1,10}\s)?부문(?:을|를|에서|에|으로)?\s?(?:수상|선정|차지|받)")
TIMES_WON = re.compile(r"[’'”」』]?\s?\d+관왕")
# a prize as the topic of the sentence that says who won it (group 1: the winner): 대상은 ㈜바다명가가 수상했으며,
# 최우수상은 … 돌아갔다, 최우수상은 영광군, 우수상은 … 구례군이 선정됐다
TOPIC_WON = re.compile(r"[은는]\s([^.!?\n]{0,80}?)[’'”」]?(?:이|가|에게|께)\s(?:[^\s.]+\s)?(?:차지했|차지하|돌아갔|돌아가|받았|"
                       r"수상했|수상하|안았|거머쥐|선정됐|선정되었|뽑혔)")
RUBRIC_SENTENCE = re.compile(r"등급(?:으로|을)\s?(?:구분|분류|나누|나눠|부여|매기|정하)|(?:으로|로)\s?(?:구분|분류)(?:하며|하고|한다|된다|해)")
RECEIVED = re.compile(r"받았|받아|받은|획득|선정됐|선정되|차지|수상|거머쥐|올랐")
LEVEL_ALONE = re.compile(r"(?<![가-힣])(?:최우수|우수|장려)(?=[,’'”」』·…]|\s?등|\s?\d+\s?개|\s?\(|을|를|에|으로|로|$)")
_LEVEL_NEEDS = required_words(LEVEL_ALONE)  # 우수 or 장려
LEVEL_BEFORE = re.compile(r"(?:경진대회|대회|평가|공모|공모전|캠페인|부문|분야|합리화|대전|경연|대상|역량|전국|도내|시도)\s?$")
# 최대 50만원, 이수 시 최대 350만 원 (시: 'when', not the city): up to an amount, not a record; a scope named before
# it (전국 최고 90%) keeps the record
CAP = re.compile(r"(?:시\s)?(?:최대|최고|최저|최소)\s?\d")
# 지역 최대 현안, 최대 숙원: the greatest of a problem or a wish is no record of what was done
CONCERN_AFTER = re.compile(r"\s?(?:현안|숙원|과제|관심사|화두|고민|걸림돌|난제|위기|쟁점|리스크|애로|약점|피해)")
RECORD_LIST = re.compile(r"·\s?(?:최초|최고|최다|최장|최대)|(?:최초|최고|최다|최장|최대)\s?·")


GIVER = (r"(?:[가-힣]{1,12}(?:부|처|청|원|위원회|공사|공단|협회|재단)\s)?[가-힣]{0,10}(?:대통령|국무총리|부총리|장관|지사|시장|"
         r"군수|구청장|교육감|청장|처장|위원장|원장|회장)")
GIVER_PRIZE = re.compile(rf"{GIVER}\s?(?:상|표창)")
# 국무총리, 보건복지부 장관, 질병관리청장, 전라남도지사 표창: a list of givers sharing one prize word
GIVER_LIST = re.compile(rf"(?<![가-힣])((?:{GIVER}\s?[,·]\s?)+)[가-힣]*$")
GIVER_ITEM = re.compile(GIVER)
# 주민 대상 홍보, 청년 대상 프로그램: who a measure is for, not the grand prize
TARGET_BEFORE = re.compile(r"(?:주민|시민|군민|구민|도민|학생|청소년|어르신|노인|아동|유아|가구|가정|농가|농업인|어업인|기업|"
                           r"업체|소상공인|근로자|직원|공무원|관광객|방문객|학부모|교사|여성|장애인|환자|청년|세대|전\s?군민|"
                           r"평가|조사|지원|점검|단속|감사|심사|적용|검토|보상|과세|관리|분석)\s?$")  # 평가대상 제외: what is
# evaluated, not the grand prize (평가 대상을 수상, 평가 대상 쾌거 still are: the words after it decide)


def _listed_givers(text: str, base: int, span: Span) -> list[Span]:
    """Return an award span for each giver listed before a giver's prize (국무총리, 장관, 청장, 도지사 표창: four
    commendations, the prize word written once)."""
    start = span.start - base
    if not GIVER_PRIZE.match(text, start):
        return []
    m = GIVER_LIST.search(text, max(0, start - 80), start)
    if not m:
        return []
    found = []
    for item in GIVER_ITEM.finditer(text, m.start(1), m.end(1)):
        found.append(Span("award", base + item.start(), base + item.end(), item.group()))
    return found


# 종합평가 대상에 해남군: a headline's grand prize and the government that won it (not 평가 대상에 해남군 등 포함)
WINNER_AFTER = re.compile(r"에\s[가-힣]{1,5}(?:시|군|구|도)(?:[\s,·…]|$)(?!\s?(?:등|외|포함|가\s?포함))")


def _target_group(text: str, base: int, span: Span) -> bool:
    """Return True for a 대상 that says who a measure is for (주민 대상 홍보), not a grand prize won."""
    start, end = span.start - base, span.end - base
    return (span.kind == "award" and span.text == "대상" and bool(TARGET_BEFORE.search(text, max(0, start - 8), start))
            and not re.match(r"\s?(?:을|를)?\s?(?:수상|받|차지|거머|영예)|의\s?(?:영예|영광)|\s?쾌거", text[end:])
            and not WINNER_AFTER.match(text, end))


# What the holders of a certificate or the subjects of a rule are (인증을 받은 농가, 표창 등에 관한 조례): no prize won
HELD_BY = re.compile(r"[’'”]?\s?(?:을|를)\s?(?:받은|보유한|획득한|취득한)\s(?:[가-힣]{1,6}\s)?(?:농가|농업인|어업인|기업|업체|"
                     r"시설|제품|가구|주민|학생|단체|사업장|농장|매장|업소|생산자|개인)|\s?(?:등)?에\s?관한\s")


def _held_by_others(text: str, base: int, span: Span) -> bool:
    """Return True for an award that describes who holds it (친환경 농산물 인증을 받은 농가: those a measure is for)
    or that a rule is about (교육감 표창 등에 관한 조례), not one the agency won."""
    return span.kind == "award" and bool(HELD_BY.match(text, span.end - base))


def _is_contest_name(text: str, start: int, end: int) -> bool:
    """Return True for an award span that names the contest rather than the prize: a name glued to 대상
    (미래경영대상, not 종합대상), or one followed by 경진대회, 평가, 시상식 … (not 평가받아: evaluated as it)"""
    word = text[start:end]
    glued = word.endswith("대상") and len(word) > 2 and not word.endswith(("종합대상", " 대상"))
    if not glued and word.endswith("상") and TIMES_WON.match(text, end):
        return False  # 대통령상 3관왕: the prize won three times, not a contest's name
    if not glued and TOPIC_WON.match(text, end):
        return False  # 영예의 대상은 … 소방본부가 차지했다: the prize as the topic of who won it
    return glued or bool(CONTEST_AFTER.match(text, end))


# a prize said by how it ranks among the others (최고상, 최고 등급, 최상위 등급), not by its own name
DESCRIBES_A_PRIZE = re.compile(r"^(?:최고|최상)")


def _settle_awards(text: str, base: int, spans: list[Span]) -> list[Span]:
    """Return the spans with contest names dropped where the prize won in them is named, a description in
    apposition dropped (최고 등급인 S등급 → S등급), prize levels standing alone after a contest's name added
    (적극행정 경진대회 최우수, 우수 2개), and loose record words dropped (‘최초·최고·최다’, 최고 권위의 상)."""
    if spans and RUBRIC_SENTENCE.search(text) and not RECEIVED.search(text):
        spans = [s for s in spans if s.kind != "award"]  # ‘우수’, ‘보통’, ‘미흡’ 3개 등급으로 구분하며: a rubric
    awards = [s for s in spans if s.kind == "award"]
    prizes = [s for s in awards if not _is_contest_name(text, s.start - base, s.end - base)]
    out = []
    for span in spans:
        start, end = span.start - base, span.end - base
        won_in_it = [p for p in prizes if 0 <= p.start - span.end <= 25 and p is not span
                     and not RECEIVED.search(text, end, p.start - base)]  # not 대상을 받은 데 이어 ‘…’로 선정
        bare_contest = span.text.endswith("대상") and not re.match(r"[을를이은과도의에’'”]|인\s|\s?(?:수상|차지|및\s)|\([^()]{1,14}상\)",
                                                                text[end:end + 18]) and any(
            p.start - span.end <= 12 and not re.search(r"[,·]|\d", text[end: p.start - base])
            for p in won_in_it)  # 콘텐츠 대상 문화관광 부문 대상; not 부문 대상 1회, 우수상 7회 nor 대상 및 최우수 16건:
        # a list of prizes; nor 대상(대통령상): one prize named by its level and its giver
        contest = _is_contest_name(text, start, end) and not span.text.endswith("등급")
        category_won = not won_in_it and CATEGORY_WON.match(text, end)  # ‘…어워즈’ 광역지자체 부문 수상: no prize named
        held_in = won_in_it and re.match(r"[’'”」』]?\s?에서\s", text[end:])  # ‘SRT 어워드’에서 ‘… 대상’을
        if span.kind == "award" and (bare_contest or held_in or contest and not category_won
                                     and (won_in_it or CONTEST_AFTER.match(text, end))):
            continue  # 다산목민대상 대통령상, 안전문화대상에서 국무총리상: the prize is the second
        if span.kind == "award" and (SOUGHT.match(text, end) or NOT_RECEIVED.match(text, end)):
            continue  # ‘특정개발진흥지구’ 지정을 추진한다, 인증에 도전: a designation or prize still sought; 노벨상도
            # 받지 못했다, ‘…’으로 선정되지 못해: one not received
        if span.kind == "award" and text.startswith("인 ", end) and DESCRIBES_A_PRIZE.search(span.text) and any(
                o.start - base == end + 2 for o in awards):
            continue  # 최고 등급인 S등급, 최고상인 대통령상: the second names the prize the first describes (대상인
            # 대통령상 names one prize twice, by its level and by its giver: both are what was won)
        if span.kind == "first" and (RECORD_LIST.search(text[max(0, start - 4): end + 4])
                                     or re.match(r"\s?권위", text[end:end + 4]) or CAP.match(text, start)
                                     or CONCERN_AFTER.match(text, end)):
            continue
        out.append(span)
    out = [s for s in out if not _target_group(text, base, s) and not _held_by_others(text, base, s)]
    out += [g for s in list(out) if s.kind == "award" for g in _listed_givers(text, base, s)
            if not any(g.start < o.end and o.start < g.end for o in out)]
    taken = [(s.start - base, s.end - base) for s in out]
    for m in LEVEL_ALONE.finditer(text) if holds_one_of_each(text, _LEVEL_NEEDS) else ():
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        if LEVEL_BEFORE.search(text[max(0, m.start() - 12): m.start()]) or re.match(r"\s?\d+\s?개", text[m.end():]):
            out.append(Span("award", base + m.start(), base + m.end(), m.group()))
    return sorted(out, key=lambda s: s.start)


# What follows a prize, a grade or a designation still sought: pursued, applied for, aimed at (지정을 추진한다,
# 인증에 도전, 선정을 목표로, 지정받기 위해); not 추진한 결과 (what the pursuit won)
# what may stand between a prize's name and the verb that says it is sought or not received: a closing quote, a
# particle, the act's noun (‘…’으로 선정, 인증을)
_TO_THE_VERB = r"[’'”」』]?\s?(?:을|를|에|로|으로|도|이|가)?\s?(?:최종\s?)?(?:지정|선정|인증|유치|획득|등재|수상|입상)?\s?"
SOUGHT = re.compile(_TO_THE_VERB + r"(?:을|를|에|이)?\s?"
                    r"(?:추진(?:한다|하고|할|하기|중|키로|하겠)|도전|신청|목표|준비|노리|나선다|나설|나서기|받기\s?위|받으려|"
                    r"되기\s?위|되려|될\s?수\s?있(?!었)|받을\s?수\s?있(?!었))")  # not 선정될 수 있었던 (it was)


# a prize or a selection the sentence says was not received (노벨상도 받지 못했다, ‘…’으로 선정되지 못해, 1등급을 받지
# 못한 이들): no claim, as one still sought is none
NOT_RECEIVED = re.compile(_TO_THE_VERB + r"(?:되|받|하)지\s?(?:못|않)")


_STREAK_NEEDS = required_words(STREAK)  # 연속: a sentence without it has no streak


def streaks(text: str) -> list[tuple[int, int, int]]:
    """Return (start, end, length) of the streaks in a sentence (6년 연속, 3회 연속, 연속 2년)."""
    if not holds_one_of_each(text, _STREAK_NEEDS):
        return []
    out = []
    for m in STREAK.finditer(text):
        first, digits = m.group(1), m.group(2) or m.group(4)
        length = int(digits) if digits else native_value(m.group(3))
        if first and len(digits) == 4:
            length = int(digits) - int(first) + 1  # 2017~2018년 연속: the years from the first to the last
        elif digits and len(digits) == 4 and int(digits) >= 1900:
            continue  # 2018년 연속 …: a year, not a number of years (the range was written some other way)
        if length and length > 1:
            out.append((m.start(), m.end(), length))
    return out


def _with_streaks(text: str, base: int, spans: list[Span], found: list[tuple[int, int, int]]) -> list[Span]:
    """Return the spans with each streak set on the award, rank or record it qualifies: the first one after it
    in the sentence, else the nearest one before it."""
    spans = list(spans)
    for start, end, length in found:
        targets = [i for i, s in enumerate(spans) if s.kind in ("award", "rank", "first") and s.streak is None]
        after = [i for i in targets if spans[i].start - base >= end]
        before = [i for i in targets if spans[i].end - base <= start and start - (spans[i].end - base) <= 20]
        choice = after[0] if after else (before[-1] if before else None)
        if choice is not None:
            spans[choice] = replace(spans[choice], streak=length)
    return spans


NATIVE_ORDINALS = {"두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
                   "둘": 2, "셋": 3, "넷": 4}


SUPERLATIVE_AFTER = re.compile(r"(?:로|으로)\s?(?:많|높|크|큰|넓|길|긴|빠르|빠른|적|낮|작)")


@lru_cache(maxsize=1)
def _ordinal_rank() -> re.Pattern[str]:
    """Return the pattern of a place in an order with its scope (전국 지자체 중 두 번째로, 전국에서 둘째로)."""
    return re.compile(scope_pattern() + r"(?:의)?\s?(?:\d[\d,]*\s?개\s?)?(?:[가-힣·]{1,10}\s)?(?:중|가운데|에서는|에서|내)\s?"
                      r"(?:(?P<subject>[가-힣]{1,8}(?:이|가))\s)?"
                      r"(?P<rank>(?:두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?번\s?째|(?:둘|셋|넷|다섯|여섯)째|\d{1,3}\s?번\s?째)"
                      r"(?=로|으로|인|이|의|다|를|\s|,|$)")


def ordinal_ranks(text: str, base: int = 0) -> list[Span]:
    """Return places in an order that a scope qualifies, as ranks: '전국 지자체 중 두 번째로 … 등록' is 2nd."""
    if "째" not in text:
        return []  # the pattern leads with every government's name: look only where an order is written
    spans = []
    for m in _ordinal_rank().finditer(text):
        word = m.group("rank")
        if m.group("subject") and not SUPERLATIVE_AFTER.match(text, m.end("rank")):
            continue  # 중 체류인구가 두 번째로 많은: what is ranked may stand between, if a measure's degree follows
        head = re.match(r"\d+|[가-힣]+?(?=\s?번째|째)", word)
        digits_or_word = head.group() if head else ""
        value = float(digits_or_word) if digits_or_word.isdigit() else NATIVE_ORDINALS.get(digits_or_word)
        if value:
            spans.append(Span("rank", base + m.start("rank"), base + m.end("rank"), word, float(value), "위"))
    return spans


# A commendation or certification referred back to (이번 기관표창은, 이번 IB 월드스쿨 인증을 계기로): up to four
# words naming it between 이번 and the particle; only an article that reported the prize before may say it so
RESTATED_PRIZE = re.compile(r"(?<=이번\s)((?:[가-힣A-Za-z0-9·]{1,12}\s){0,3}[가-힣A-Za-z]{0,8}(?:표창|인증))"
                            r"(?=은|을|의|으로|과|이\s)")


def restated_prizes(text: str, base: int = 0) -> list[Span]:
    """Return the prizes a sentence refers back to (이번 표창은 …) as award spans; the caller checks that the
    article reported an award before this sentence."""
    return [Span("award", base + m.start(1), base + m.end(1), m.group(1)) for m in RESTATED_PRIZE.finditer(text)]


# the object of 수상하다 is a prize, whatever its name (‘…’을 수상했다, 베스트 영 라이더를 수상한): a quoted name, or up to
# three words before the particle that carry no particle or number of their own, a gloss in brackets allowed after
# them (레종 도뇌르(Legion d’Honneur)를 수상)
PRIZE_RECEIVED = re.compile(r"(?:[‘'\"“]([^‘’'\"“”\n]{2,30})[’'\"”]|((?<![\w·])(?:[가-힣A-Za-z·]{1,10}\s){0,2}[가-힣A-Za-z·]{2,12}))"
                            r"(?:\s?\([^()\n]{1,30}\))?(?:을|를)\s?수상(?:했|하였|한|하는|해|하며|하고|하면서|함|\s?소식|\s?쾌거|$)")
NOT_A_PRIZE_WORD = re.compile(r"(?:에서|에게|으로|로|은|는|이|가|과|와|도|에|만|및|등|년|월|일|해|올해|지난해|최근|각각|"
                              r"모두|함께|처음|다시|또|이번|나란히|잇따라|하여|하고|해서|하며|[한된는할]|(?:훈장|상|표창|인증|메달)인|[가-힣](?<!최)(?<!재)고)$")
# (훈장인 …: what the prize is; 우승을 이끌고 …: a verb of the clause before)
# what is said to be received that names no prize: the honour, the feat, a score or a category
RECEIVED_NOT_PRIZE = re.compile(r"(?:영예|영광|쾌거|성과|소식|점수|부문|부분|분야|상금|트로피|상패|기념패)$")


def _prizes_received(text: str, base: int, spans: list[Span]) -> list[Span]:
    """Return an award span for each prize named as what was received (…을 수상했다) that no span covers yet."""
    found = []
    for m in PRIZE_RECEIVED.finditer(text):
        start, end = (m.start(1), m.end(1)) if m.group(1) else (m.start(2), m.end(2))
        if not m.group(1):
            words = text[start:end].split(" ")
            while words and NOT_A_PRIZE_WORD.search(words[0]):
                words.pop(0)  # 올해, 대회에서: the words before the prize's name
            if not words or len(words[-1]) < 2 or RECEIVED_NOT_PRIZE.search(words[-1]):
                continue
            start = end - len(" ".join(words))
        if any(s.start - base < end and start < s.end - base for s in spans):
            continue  # a prize the word patterns found (대통령상을 수상): theirs is the better-bounded span
        found.append(Span("award", base + start, base + end, text[start:end]))
    return found


def find_spans(text: str, base: int = 0, homes: bool = False) -> list[Span]:
    """Return every claim span in one sentence, ordered by position (offsets shifted by `base`); homes: the article
    has spoken of homes before it (number_spans)."""
    runs = streaks(text)
    numeric = [s for s in number_spans(text, base, homes)
               if not any(s.start - base < e and st < s.end - base for st, e, _ in runs)]
    numeric += [s for s in native_spans(text, base) if not any(s.start < n.end and n.start < s.end for n in numeric)
                and not any(s.start - base < e and st < s.end - base for st, e, _ in runs)]
    numeric += [s for s in ordinal_ranks(text, base) if not any(s.start < n.end and n.start < s.end for n in numeric)]
    spans = _settle_awards(text, base, sorted(numeric + word_spans(text, base, numeric), key=lambda s: s.start))
    if "수상" in text:
        spans = sorted(spans + _prizes_received(text, base, spans), key=lambda s: s.start)
    spans = awards.refine_awards(text, base, spans)
    spans = records.refine_records(text, base, spans, _scope_before())
    return _with_streaks(text, base, spans, runs) if runs else spans
