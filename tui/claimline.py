"""The claim line: one line that leads with a claim's values and the words that say what they count, taken from
the sentence itself (no paraphrase), e.g. `소상공인 1만2천500명 · 운영자금 30만원 — 사장님 활력지원금`,
`대통령상 — 2019 안전문화대상`, `전국 최초 — 행복정책관 신설`.

The words around each value come from the eojeols next to it: the nouns just before it (운영자금 30만원), or the
nouns just after a count (20개 사업), and what was done with it when the sentence says so right after (국비
33억원 확보); a prize is followed by the contest it was won in, a record by what it is a record of, and the claim
by its program when it has one. Eojeols are split into noun and particle with kiwipiepy's tags (the tokens the
pipeline already has, passed in at ingest), and by a list of particles when there are none (headlines, and claims
stored before lines existed). This module imports no analyser, so the store and the browser can use it too; it
reads the gazetteer's place names (data files only) the first time it must tell a place from a noun that ends as
one (전라남도, 북평면 from 재정자립도, 상품권).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from tui.models import CLASSES, Span
from tui.pipeline.numbers import BIG

# Without kiwipiepy's tags (a headline), only particles that rarely end a noun are taken off (not 도: 전라남도).
PARTICLE_END = re.compile(r"(?:으로써|으로서|에서는|에서도|으로는|에게는|이라는|라는|에서|에게|으로|부터|까지|처럼|보다|"
                          r"은|는|을|를|의|에|와|과)$")
NOUN_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XSN", "XPN"})
QUOTE_MARKS = "‘’'\"“”「」『』"
UNIT_SIGN = re.compile(r"[\u3380-\u33ff℃℉°]+")  # ㎡ ㏊ ㎞ ℃: a measure's unit written as one sign
BULLETS = "▲△■□○●◇◆▶▷►▸▹◈◎※•‣◦▪-*"  # marks that open a list item (▲지방세 696억 원): not part of its noun
INNER_QUOTES = re.compile(r"[‘’“”'\"「」『』]")
CONTEST_WORDS = re.compile(r"(?:대상|평가|대회|공모전|공모|경진대회|시상식|어워즈|어워드|콘테스트|인증|지수|조사|박람회|공유회|보고회|"
                           r"한마당|엑스포|페스티벌|경연|심사|왕중왕전)$")
# the words of a contest said to be held (대회에서, 평가서): where a prize was won
CONTEST_NAMES = "대회|평가|공모전|박람회|공유회|보고회|한마당|엑스포|페스티벌|경연|심사|왕중왕전|어워즈|어워드|콘테스트"
HELD_WORDS = CONTEST_NAMES + "|시상식"  # (a ceremony is where a prize was given, not a contest a headline names)
# the year or edition a contest's name opens with (2025년, 제69회): when it was held, not what it is
LEADING_EDITION = re.compile(r"^(?:(?:19|20)\d{2}(?:년도?)?\s?|제?\d{1,3}회\s?)+")
SAID_SHORT = re.compile(rf"({HELD_WORDS})서$")  # 대회서: 에서 said short
# What was done with a value, when the sentence says it right after (국비 33억원을 확보했다 → 국비 33억원 확보).
ACHIEVED_AFTER = re.compile(r"[’'”\"]?\s?(?:씩\s?)?(?:을|를|이|가)?\s?(확보|유치|달성|돌파|기록|창출|절감|수주|증가|감소|향상|상승|기탁|기부|후원|"
                            r"투입|투자|출자|지원|지급|편성|집행|배정|반영|증액|전달|환급|적립|모금)"
                            r"(?=하|했|해|한|된|돼|됐|되|\s|,|[.…’”'\"]|$)")
# ... or later in its clause, after the value's object particle (150만 원을 … 장학금으로 기탁했다 → 150만 원 기탁);
# goods given, worth a sum (쌀 10kg 60포(200만 원 상당)를 기탁했다 → 쌀 200만 원 상당 기탁).
DEED_LATER = re.compile(r"(?:을|를)\s(?:[^\s,.]+\s){0,6}?[^\s,.]*?(확보|유치|기탁|기부|후원|배정|반영|증액)"
                        r"(?=하|했|해|한|된|돼|됐|되|\s|,|$)")
WORTH = re.compile(r"\s?상당\s?\)(?:\s(?:총\s)?[\d,.]+\s?[A-Za-z가-힣]{1,3})?\s?(?:을|를)\s(?:[^\s,.]+\s){0,4}?[^\s,.]*?"
                   r"(기탁|기부|후원|전달)(?=하|했|해|한|\s|$)")  # (… 상당) 총 600kg을: the total weight between
WORD = re.compile(r"(?:[^\s…‥.]|\.(?!\.))+(?:[…‥]+|\.{2,})?|[…‥]+|\.{2,}")  # an ellipsis ends a word
# (최우수…특별교부세, 확진..이달에만: two words; not 1.5%)
SKIP_BEFORE = frozenset({"총", "약", "연", "매", "각", "최대", "최소", "평균", "누적", "무려", "불과", "또", "또한", "특히",
                         "이어", "이번", "올해", "지난해", "모두", "그", "이", "및", "등", "전년", "대비", "전년도", "이날",
                         "사실상", "다시", "또다시"})
# Adverbs of how much between a subject and its value (이용객은 각각 41%, 가격은 대략 300만원): passed over on the
# way back to the subject, not to a noun just before the value (여름과 겨울 각각 13개 기관: not 겨울 13개)
DEGREE = frozenset({"각각", "대략", "거의", "겨우", "고작"})
# Bound and time nouns before a value say when or among what, not what it counts (이 중 3건, 첫해 61개교).
STOP_BEFORE = frozenset({"중", "이중", "내", "외", "간", "가운데", "결과", "첫해", "당시", "현재", "기준", "기존", "때", "동안", "이상",
                         "이하", "미만", "초과", "한편", "아울러", "이후", "이전", "당초", "매년", "해마다", "내년", "작년",
                         "경우", "포함", "추후", "향후", "이내", "사이", "새", "때문"})  # (3년 이내, 5년 새, 이 때문에)
# Words that name a sum without saying what it is for: the noun its genitive names says it better.
GENERIC_SUMS = frozenset({"총사업비", "사업비", "예산", "총예산", "금액", "총액", "비용"})
# A sum of what: 182억원 규모의 투자협약 → 투자협약 182억원.
MONEY_OF = re.compile(r"\s?(?:규모|상당)(?:의|인)?\s((?:[^\s]+\s)?[^\s]+)")
# Counters that need the noun after them (22개 시군, 세 가지 과제); others name it before (청년 20명), or after
# only with 의 (7명의 유공자).
BARE_COUNTERS = frozenset({"개", "가지", "종", "종류"})
SCOPE_NAMES = re.compile(r"^(?:전국|관내|도내|국내|시내|군내|구내|세계|전세계|지역|역내|한반도|"
                         r"시·?군·?구|시·?군|시·?도|읍·?면·?동|읍·?면|자치구|광역시|기초지자체|광역지자체)$")
# a word with a place's ending (…시, …도, …동): a place only when the gazetteer knows it (전라남도, 북평면), or a
# region (수도권); not a noun that merely ends so (지지도, 재정자립도, 활동, 인구, 상품권)
PLACE_ENDING = re.compile(r"[가-힣]{1,6}(?:시|군|구|도|읍|면|동|권)$")
REGION = re.compile(r"^(?:수도|호남|영남|충청|동부|서부|남부|북부|중부|생활|광역|[가-힣]{2}생활)권$")
MAX_VALUES = 3
# Nouns after a value that are part of it (1만4천회 이상), and more that bound or qualify it rather than say what
# it is of (30% 이내, 5.9% 수준).
LIMITS = frozenset({"이상", "이하", "이내", "미만", "초과"})
BOUND_AFTER = LIMITS | {"수준", "정도", "범위", "한도", "상당", "내외", "가량", "안팎", "전후", "증가", "감소", "상승", "하락",
                        "포인트"}
# A year, month or day before a noun says when, not how many of it (2025년 매출, 2026년도 본예산; not 5개 분야).
TIME_WORD = re.compile(r"^(?:(?:19|20)\d{2}년도?|\d{1,2}월|\d{1,2}일)$")
# A value the sentence says rose or fell to (노동력이 최대 97%까지 줄어드는, 수거실적 20% 늘어): its topic changed.
CHANGED_AFTER = re.compile(r"\s?(?:까지|만큼|가량|정도|이나|나|로|으로|가|이)?\s?(?:늘|줄|증가|감소|상승|하락|향상|개선|신장|"
                           r"급증|급감|뛰|올랐|오른|떨어)")
OPENING_QUOTES = ("", "‘", "“", "'", '"')
OPENING_DOUBLE = "“\""  # a quote of someone's words (a single one more often marks a name or a term)


# A value a change starts from (7,000명에서 3만2,000명으로, 2600원에서 2900원): the next figure in the same unit
CHANGE_FROM = re.compile(r"\s?(?:이던|였던|이었던)?\s?에서\s?(?:약\s?)?[\d,.]+\s?(?:[조억만천]\s?[\d,.]*\s?)*([^\s\d,.()]*)")
# ... for the claim line, also with a word that says when between (8천200만 원에서 올해 1억2천만 원으로); the
# classes (significance.class_of) read the pattern above, as the labelled sets were measured with it
CHANGE_FROM_WHEN = re.compile(r"\s?(?:\([^()]{1,15}\))?\s?(?:(?:이던|였던|이었던)?\s?에서|(?P<but>(?:이었|였)(?:는데|지만|으나)),?)\s?"
                              r"(?:(?:올해|지난해|작년|내년|현재|(?:19|20)\d{2}년)(?:에는|엔|에|도|는|은)?\s|\d{1,2}월\s)?"
                              r"(?:약\s?)?[\d,.]+\s?(?:[조억만천]\s?[\d,.]*\s?)*([^\s\d,.()]*)")
# (8곳(16.7%)에서 19곳으로: a share in brackets may follow the first figure; 48.1%였지만, 지난해는 29.6%로 줄었다:
# what a figure was, then what it came to, is a change when a word of change follows the second figure)


def starts_a_change(text: str, end: int, unit: str | None, when: bool = False) -> bool:
    """Return True when the value ending at `end` is what a change starts from: `에서` and a figure in the same
    unit follow it (500만원에서 800만원으로), not a place it comes from (191개국에서 1만2천800명); with when, a word
    that says when may come between (에서 올해 …)."""
    m = (CHANGE_FROM_WHEN if when else CHANGE_FROM).match(text, end)
    return bool(m and unit and m.group(m.re.groups).startswith(unit)
                and (not when or not m.group("but") or CHANGED_AFTER.match(text, _past_brackets(text, m.end()))))


def _past_brackets(text: str, at: int) -> int:
    """Return where text goes on after a value's unit at `at`, past a bracket holding another value (13곳(26%)으로)."""
    m = VALUE_IN_BRACKETS.match(text, at)
    return m.end() if m else at


# A figure right after a change's start that is by how much it changed, not what it changed to (3.61점에서 0.32점
# 상승해 3.93점을)
BY_HOW_MUCH = re.compile(r"\s?(?:가량|정도|이나|나|가|이)?\s?(?:오른|올라|올랐|상승|증가|늘어|늘었|늘어난|감소|줄어|줄었|하락|"
                         r"떨어|내린|내려|개선|향상|높아|낮아|급증|급감)")


# A value that modifies the noun that then changed (210명이었던 귀농인은 올해 385명으로, 59%에 불과했던 유수율이
# 지난해 92%까지)
CHANGE_VIA = re.compile(r"(?:이던|였던|이었던|에\s?불과했던|에\s?그쳤던)\s(?:[^\s\d]+\s){0,3}[^\s\d]+?(?:은|는|이|가)\s"
                        r"(?:(?:올해|지난해|작년|내년|현재|(?:19|20)\d{2}년(?:에는|엔|에|도)?|\d{1,2}월)\s)?"
                        r"(?:약\s?)?[\d,.]+\s?(?:[조억만천]\s?[\d,.]*\s?)*([^\s\d,.()]*)")


def _changes_to(text: str, offset: int, first: Span, then: Span) -> bool:
    """Return True when span `then` is the figure the value of span `first` changed to (10%에서 | 20%로, 210명이었던
    귀농인은 올해 | 385명으로), not by how much it changed (3.61점에서 | 0.32점 상승해)."""
    m = CHANGE_FROM_WHEN.match(text, first.end - offset)
    if m and m.group("but") and not CHANGED_AFTER.match(text, _past_brackets(text, then.end - offset)):
        m = None  # 48.1%였지만 … 29.6%로 줄었다; not 5곳이었지만 3곳이 새로 문을 열었다
    m = m or CHANGE_VIA.match(text, first.end - offset)
    return bool(m and first.unit and m.group(m.re.groups).startswith(first.unit) and first.kind == then.kind
                and first.end - offset < then.start - offset < m.end()
                and not BY_HOW_MUCH.match(text, then.end - offset))


AMONG = re.compile(r"\s?(중|가운데)\s?(?:약\s?)?")


def _part_of(text: str, offset: int, whole: Span, part: Span) -> str:
    """Return 중 or 가운데 when span `part` is counted among span `whole` right before it, in the same unit or as a
    share of it (10명 중 7명, 6792명 가운데 5514명, 3384명 가운데 5.2%), else ""."""
    if whole.kind != "count" or part.start <= whole.end \
            or not (part.kind == "count" and whole.unit == part.unit or part.kind == "percent"):
        return ""  # (a share of the whole is counted among it too: 중·고교생 3384명 가운데 5.2%)
    m = AMONG.fullmatch(text, whole.end - offset, part.start - offset)
    return m.group(1) if m else ""


def _order(spans, text: str = "", offset: int = 0) -> list[Span]:
    """Return spans achievements first (in the order of CLASSES), then by position; a value a change starts from
    goes with the value it changed to, just before it, whatever its own class (it is the change's background), and
    so does a whole with the part counted among it (10명 중 7명)."""
    rank = {c: i for i, c in enumerate(CLASSES)}
    spans = sorted(spans, key=lambda s: s.start)
    keys = [rank.get(s.cls or "context", len(rank)) for s in spans]
    for i in range(len(spans) - 2, -1, -1):
        if text and (starts_a_change(text, spans[i].end - offset, spans[i].unit, when=True)
                     or _changes_to(text, offset, spans[i], spans[i + 1]) or _part_of(text, offset, spans[i], spans[i + 1])):
            keys[i] = keys[i + 1]
    # a selection that brought money says it after the money (국비 120억원 확보 · 공모사업에 선정)
    order = sorted(range(len(spans)), key=lambda i: (keys[i], spans[i].kind == "award" and spans[i].cls == "funding",
                                                     spans[i].start))
    return [spans[i] for i in order]


def _words(text: str, tokens=(), offset: int = 0) -> list[tuple]:
    """Return the eojeols of a sentence as (start, end, word, noun part, had a particle, predicate noun), from
    kiwipiepy's tokens when given (offsets of the tokens are offset + index into text), else from the surface.
    The predicate noun is the noun of a 하다 verb (성공하는 → 성공), "-" for another verb, with tokens only."""
    tags = sorted((at := t.start - offset, at + t.len, t.tag) for t in tokens)  # a token's start read once
    out = []
    first = 0  # words and tokens both run left to right: one pass over each
    for m in WORD.finditer(text):
        while first < len(tags) and tags[first][0] < m.start():
            first += 1
        last = first
        while last < len(tags) and tags[last][0] < m.end():
            last += 1
        inside = tags[first:last]
        if inside:
            nouns = _noun_run(text, inside)
            tail = inside[len(nouns):]
            while nouns and tail and tail[0][0] == nouns[-1][1] and UNIT_SIGN.fullmatch(text, tail[0][0], tail[0][1]):
                nouns, tail = nouns + tail[:1], tail[1:]  # 7,799천㎡, 1,200㏊: the unit's sign is the noun's
            if nouns and all(t[2].startswith(("J", "S")) for t in tail):
                noun = text[m.start(): nouns[-1][1]].strip("‘’'\"“”()[]<>「」『』,.·…" + BULLETS)
                out.append((m.start(), m.end(), m.group(), noun, any(t[2].startswith("J") for t in tail), ""))
            else:  # a verb or an adverb: not a noun
                verb = nouns and tail and "XSV" in [t[2] for t in tail[:2]] and inside[0][0] == m.start()
                # 찾아, 넘게, 받은 (받: VV-R, an irregular verb's tag): another verb
                other = not verb and inside[0][2].split("-")[0] in ("VV", "VA", "VX", "VCP", "VCN")
                out.append((m.start(), m.end(), m.group(), "", True,
                            text[m.start(): nouns[-1][1]] if verb else "-" if other else ""))
            continue
        noun, had = _noun_part(m.group())
        out.append((m.start(), m.end(), m.group(), noun if _is_noun_word(noun) else "", had, ""))
    return out


def _noun_run(text: str, inside: list[tuple]) -> list[tuple]:
    """Return the tokens an eojeol's noun is made of: its leading nouns, with a determiner glued before them
    (총사업비: 총 + 사업비) and a middle dot between them (국·도비: 국 · 도 비); none when it does not begin so."""
    run = 0
    while run + 1 < len(inside) and (inside[run][2] == "SSO" or inside[run][2] in ("SW", "SO")
                                     and text[inside[run][0]: inside[run][1]] in BULLETS):
        run += 1  # ‘소농직불금’, ▲지방세: a quote or a list's mark opens the noun
    while run + 1 < len(inside) and inside[run][2] == "MM" and inside[run + 1][2] in NOUN_TAGS:
        run += 1
    lead = run
    while run < len(inside) and (inside[run][2] in NOUN_TAGS or inside[run][2] == "SP"
                                 and text[inside[run][0]: inside[run][1]] in ("·", "ㆍ")
                                 and run + 1 < len(inside) and inside[run + 1][2] in NOUN_TAGS
                                 and inside[run + 1][2] not in ("SN", "NR")):  # not 분야·8개: a count after it
        run += 1
    if run == lead or any(t[2] in NOUN_TAGS for t in inside[run:]):
        return []  # 백미(10kg): nouns after a bracket make no noun of the eojeol
    return inside[:run]


# a verb whose stem ends in 지 before the adnominal 는 or 은 (떨어지는, 만들어지는; 농사지은: 은 follows no open
# syllable, so 지은 is never a noun with its particle), where a noun ending in 지 takes 는 (복지는, 부지는)
VERB_JI = re.compile(r"(?:[아어워뤄]지는|지은)$")


def _noun_part(word: str) -> tuple[str, bool]:
    """Return an eojeol without its trailing particle, and whether it had one (surface rules, no tags)."""
    word = word.strip("‘’'\"“”()[]<>「」『』,.·…" + BULLETS)
    if VERB_JI.search(word):
        return word, False  # 떨어지는, 농사지은: a verb's form, no noun and a particle
    stripped = PARTICLE_END.sub("", word) if len(word) >= 2 else word
    return stripped, stripped != word


def _is_noun_word(word: str) -> bool:
    """Return True for an eojeol that reads as a noun (no verb ending), judged by its surface."""
    # (지 after a verb's stem only: 하지, 않지; 에너지, 복지, 부지 are nouns; 늘려, 알려: a verb's 려)
    return bool(word) and not re.search(r"(?:다|고|며|면|서|여|해|했|한|된|될|돼|됐|던|게|[하되않있없였했됐]지|도록|하는|"
                                        r"있는|없는|위해|통해|대해|따라|[늘올내알걸열들풀말살팔벌불밀흘날]려|[아어워뤄]지는|지은)$",
                                        word) \
        and re.search(r"[가-힣A-Za-z0-9]", word) is not None


# A rate or a head count as the subject or topic of its value (취·창업률은 71.2%에 달한다, 방문객이 2만명): what
# the value measures, though a particle ends it.
MEASURE_NOUN = re.compile(r"(?:률|율|비율|비중|점유율|만족도|달성도|관광객|방문객|관람객|이용객|이용자|참여자|참가자|가입자|"
                          r"기탁액|모금액|확보액|지원액|투자액|사업비|본예산|예산|기금|출연금|보조금|"
                          r"수강생|졸업생|취업자|수혜자|인원|매출|매출액|판매액|수출액)$")


# A value that changed from one figure to another (흥미는 지난 7월 3.14점에서 12월 3.59점으로 상승했다): the topic
# or subject before the figures, past the words that say when, is what changed.
CHANGE = re.compile(r"\d[^\s]*?(?:\s[가-힣]{1,2})?(?:에서|→|이던|이었던|였던)\s?(?:[^\s]+\s){0,2}?[^\s]*\d")
WHEN_WORD = re.compile(r"^(?:지난|올해|올해는|지난해|지난달|이달|작년|전년|전년도|기존|당초|현재|지금|최근|상반기|하반기|이번|"
                       r"(?:19|20)\d\d년(?:도|에|의|엔)?|\d{1,2}월(?:에|엔)?|\d{1,2}일)$")
NOT_A_TOPIC = frozenset({"이", "그", "이는", "그는", "이번", "올해", "이에", "이로", "이를", "결과", "군", "시", "구", "도", "청", "부",
                         "수", "몫", "것", "곳", "점"})


# Who acts, not what a value counts (양 위원장은 … 5000여 명이 참석한, 명씨는 … 총 10회에 걸쳐): a person by surname
# and 씨, a spokesman, or an office after a surname or standing alone (not 비례대표 의원은 46명: a group counted)
PERSON = re.compile(r"^[가-힣]모?씨$|^관계자$")
OFFICE = re.compile(r"^(?:시장|군수|구청장|지사|도지사|교육감|장관|차관|총리|대통령|의원|위원장|회장|이사장|대표|대표이사|청장|"
                    r"원장|교수|감독|작가)$")
NOT_A_PERSON = frozenset({"날씨", "솜씨", "말씨", "글씨", "맵씨"})


def _a_person(words, j: int, noun: str) -> bool:
    """Return True when the topic at word j names a person who acts (명씨, 양 위원장), not what a value measures."""
    if PERSON.match(noun):
        return noun not in NOT_A_PERSON
    return bool(OFFICE.match(noun)) and (j == 0 or len(words[j - 1][2]) == 1 or not words[j - 1][3])


MEASURED = frozenset({"수", "폭", "양", "액"})  # 근로자 수, 감소 폭: one syllable that measures the noun before it


def _topic_of_change(words, index: int, value: str, objects: bool = False) -> str:
    """Return the topic or subject of a change the value takes part in (매출이 지난해 8천200만 원에서 → 매출),
    skipping up to three words that say when; not a pronoun, a place, a government (군은 …), a place in the text
    (과정에서는) or the value's own counter (농가는 … 120농가). With objects, what the change was made to may be
    its object (친절도 점수를 평균 67.5점에서 83.26점으로 끌어올렸다 → 점수; kiwipiepy reads 친절도 as 친절 + 도)."""
    j = index - 1
    skipped = 0
    while j >= 0 and skipped < 3 and (WHEN_WORD.match(words[j][2].rstrip(",")) or words[j][2] in SKIP_BEFORE):
        j, skipped = j - 1, skipped + 1
    if j < 0:
        return ""
    word = words[j][2]
    if words[j][5]:
        return ""  # 연결하는, 같은: a verb's form, not a noun with its particle
    noun = words[j][3] or (word[:-1] if _subject(word) or word.endswith(("은", "는")) else "")
    particle = word[word.find(noun) + len(noun):].strip(QUOTE_MARKS) if noun and noun in word else ""
    if noun in MEASURED and particle in ("은", "는", "이", "가"):  # 근로자 수는 364명: the number of the noun before
        counted = _with_noun_before(words, j, noun, places=False)
        return counted if counted != noun else ""
    marks = ("은", "는", "이", "가", "을", "를") if objects else ("은", "는", "이", "가")
    if not noun or particle not in marks or noun in NOT_A_TOPIC or noun in STOP_BEFORE or _a_person(words, j, noun) \
            or len(noun) < 2 or noun.endswith(("하", "되")) or WHEN_WORD.match(noun) \
            or noun in SKIP_BEFORE or _is_scope(noun) or not _is_noun_word(noun) or re.search(r"\d", noun) \
            or noun in value:
        return ""
    return _with_noun_before(words, j, noun, places=False)  # 독서 흥미는: the noun before it names it too


def _with_noun_before(words, j: int, noun: str, places: bool) -> str:
    """Return noun with the bare noun eojeol before word j put in front when there is one (독서 흥미, 달빛내륙철도
    건설); not a word with a particle or a comma, a number, a word that says when or how much, nor (unless
    places) a place or a scope."""
    if j > 0 and words[j - 1][3] and not words[j - 1][4] and words[j - 1][3] not in SKIP_BEFORE \
            and not words[j - 1][2].endswith((",", "，", "…", ".", "!", "?", "”", "’", '"')) \
            and words[j - 1][3] not in STOP_BEFORE and not WHEN_WORD.match(words[j - 1][2]) \
            and (places or not _is_scope(words[j - 1][3])) and not re.search(r"\d", words[j - 1][3]):
        return f"{words[j - 1][3]} {noun}"
    return noun


# What a sum is spent on, said with 에 (철도 건설에 100억원): a deed, not whom it went to (일선학교에 1000만원)
PURPOSE = re.compile(r"(?:조성|건설|건립|구축|설치|구입|매입|개발|운영|정비|개선|확충|보수|설계|연구|도입|추진|교육|홍보|"
                     r"지원|보급|유치|육성|복원|이전|신축|증축|리모델링)$")
# … and what it is counted as, with (으)로 (인센티브로 40억원), but not these (사업의 일환으로, 최종적으로)
NOT_AS = frozenset({"일환", "결과", "목적", "차원", "방식", "형태", "대상", "기준", "계기", "추가", "최종", "전체", "처음", "최초",
                    "상대", "조건", "명분", "이유", "근거", "바탕", "토대"})  # 1만 명을 상대로 35억원, 결과를 근거로
NAMED_FOR = frozenset({"명목"})  # 선거자금 명목으로 3억원: what the sum was called, said only with the noun before it
# … and what it is for, said with 위해 (지역 복지 위해 100만 원 기부, 주민복지를 위해 1천만 원을): its object
GIVEN = frozenset({"기탁", "기부", "후원", "전달"})  # a gift: whom it went to says what it was
FOR_THE_SAKE = frozenset({"위해", "위해서", "위하여"})
EACH = frozenset({"총", "각", "각각", "약"})  # words between a purpose and its sum, passed over


def _names_a_thing(noun: str, places: bool = False) -> bool:
    """Return True for a noun of two letters or more that can say what a value is of: no number, no word that
    says when, how much or among what, no pronoun or government, no place or scope (unless places)."""
    return len(noun) >= 2 and _is_noun_word(noun) and not re.search(r"\d", noun) and noun not in STOP_BEFORE \
        and noun not in SKIP_BEFORE and noun not in NOT_A_TOPIC and (places or not _is_scope(noun)) \
        and not WHEN_WORD.match(noun)


def _purpose_before(words, index: int, given: bool = False) -> str:
    """Return what a sum is spent on or counted as when the word before it says so (미래형 자동차 전용관 조성에 |
    20억원 → 전용관 조성; 정부로부터 인센티브로 | 40억원 → 인센티브): that word's noun with its 에 or (으)로 off,
    and the bare noun before it; not a time or a place (올해에, 부산에), nor whom a sum went to (학교에)."""
    j = index - 1
    while j >= 0 and words[j][2] in EACH:  # 위해 각 1천만 원씩, 재단에 총 500만 원: what it is for is before
        j -= 1
    if j < 0:
        return ""
    if words[j][2] in FOR_THE_SAKE and j > 1 and words[j - 1][5] not in ("", "-") \
            and words[j - 1][2].endswith("하기"):  # 교육사업을 지원하기 위해 5백만 원 → 교육사업 지원 5백만 원
        thing = _object_of(words, j - 2, bare=False)
        return f"{thing} {words[j - 1][5]}" if thing else ""
    if words[j][2] in FOR_THE_SAKE and j > 0:  # 주민복지를 위해 1천만 원 → 주민복지 1천만 원
        return _object_of(words, j - 1, bare=True)
    word, noun = words[j][2], words[j][3]
    particle = word[word.find(noun) + len(noun):].strip(QUOTE_MARKS) if noun and noun in word else ""
    if given and particle in ("에", "에게") and not PURPOSE.search(noun) and _names_a_thing(noun) \
            and not _a_person(words, j, noun):  # 장학재단에 총 1,000만 원 기탁: a gift says whom it went to
        return _with_noun_before(words, j, noun, places=True)
    if particle == "에" and not PURPOSE.search(noun) or particle in ("로", "으로") and noun in NOT_AS:
        return ""
    if particle not in ("에", "로", "으로") or not _names_a_thing(noun):
        return ""
    named = _with_noun_before(words, j, noun, places=True)  # 달빛내륙철도 건설: a place-like name counts too
    return "" if noun in NAMED_FOR and named == noun else named


# A body that gives (금당남부교회, 신한은행 순천금융센터, 여수시티파크CC): an organisation's ending or Latin letters
GIVER = re.compile(r"(?:회|단|협회|조합|은행|센터|재단|교회|성당|사찰|법인|기업|농협|축협|수협|단체|학교|봉사단|동우회|위원회|협의회|"
                   r"연합회|지점|지회|지부|공사|클럽|모임|산업|건설|그룹|병원|의원|약국|상사|㈜)$|[A-Za-z]")


def _giver(words, index: int) -> str:
    """Return who gave a sum (금당남부교회(위임목사 고창주)는 3천만원을 기탁 → 금당남부교회): the topic or subject
    before it, up to eight words back, when it names an organisation (GIVER) — past the bracket of its head's title
    and name (…교회(위임목사 고창주)는); not a person, a government or a place."""
    for j in range(index - 1, max(-1, index - 9), -1):
        word = words[j][2]
        if word.endswith((",", "，", ".", "”", "’", '"')):
            return ""
        marked = re.search(r"(?:은|는|이|가)$", word)
        if not marked:
            continue
        if word[:-1].endswith(")") and "(" not in word:  # 교회(위임목사 | 고창주)는: the body before the bracket
            k = next((k for k in range(j - 1, max(-1, j - 4), -1) if "(" in words[k][2]), None)
            if k is None:
                return ""
            noun = words[k][2][: words[k][2].index("(")].strip(QUOTE_MARKS)
            j = k
        else:
            noun = words[j][3]
        if not noun or len(noun) < 2 or not GIVER.search(noun) or re.search(r"\d", noun) or _is_scope(noun) \
                or noun in NOT_A_TOPIC or _a_person(words, j, noun):
            return ""
        return _with_noun_before(words, j, noun, places=False)
    return ""


def _object_of(words, k: int, bare: bool) -> str:
    """Return the noun of word k, with the bare noun before it, when the word is that noun with 을 or 를 (or, with
    bare, the noun alone: 지역 복지 위해): the object a purpose is said with. The noun is the tagged one (복지
    ends as a verb may, so no surface rule judges it)."""
    word, noun = words[k][2].rstrip(QUOTE_MARKS), words[k][3]
    ends = (noun + "을", noun + "를") + ((noun,) if bare else ())
    if len(noun) < 2 or not word.endswith(ends) or re.search(r"\d", noun) or noun in STOP_BEFORE \
            or noun in NOT_A_TOPIC or WHEN_WORD.match(noun):
        return ""
    return _with_noun_before(words, k, noun, places=True)


BOUNDED_BRACKET = re.compile(r"^([^\s()]{2,})\((?:최대|최소|약|총|연간?|월|1인당|가구당|개소당)$")


def _bracketed_after(words, index: int, prefix: str) -> str:
    """Return the noun a value is put in brackets after (주민등록인구 증가폭(16,039명)은 → 주민등록인구 증가폭): what the
    bracket gives the figure of; not a number (41건(831억 원)), a time or a word that says how much. A place is
    the item a figure is given for (서초구(26만87원), 용산구(20만7663원)), as districts are compared, unless it is
    what the claim compares with (서초구(4.8%)보다). A word that bounds the figure may open the bracket (주거
    안정지원금(최대 | 100만원) → 주거 안정지원금)."""
    bounded = BOUNDED_BRACKET.match(words[index - 1][2]) if not prefix and index > 0 else None
    if bounded:
        prefix, index = bounded.group(1) + "(", index - 1
    if len(prefix) < 3 or not prefix.endswith("("):
        return ""
    noun = prefix[:-1].strip(QUOTE_MARKS + BULLETS)
    if re.search(r"[()\[\]]", noun) or not _names_a_thing(noun, places=True):
        return ""
    if _is_scope(noun) and re.search(r"\)(?:보다|에\s?비해|대비)", " ".join(w[2] for w in words[index: index + 2])):
        return ""  # 최저인 서초구(4.8%)보다 높았다: the place another is compared with, not the claim's
    return _with_noun_before(words, index, noun, places=False)


def _subject_before(words, index: int, value: str) -> str:
    """Return the subject or topic of the value's clause when nothing next to the value says what it counts
    (관광객은 1분기 203만명, 2분기 303만명 → 관광객; 국비 확보액이 올해보다 676억 원 늘었다 → 국비 확보액): the
    nearest word before it marked 은, 는, 이 or 가, passing over at most four words that are not verbs (올해보다,
    2020년, a figure listed before it with its comma); nothing when that word is a place or a government (경북도는 …)
    or the clause begins after a verb or a comma that ends a phrase."""
    if words[index][2][:1] in OPENING_DOUBLE:
        return ""  # 변호인단은 “3700명 이상의 경찰: who speaks, not what the quoted value counts
    subject = words[index][4] and re.search(r"\d[^\s]*(?:이|가)$", words[index][2])  # 57.5%가: a subject itself
    plain = 0  # words passed over that hold no figure: dates and the values a change runs through do not count
    for j in range(index - 1, max(-1, index - 11), -1):
        word = words[j][2]
        if re.search(r"\d\D*던$", word):
            return ""  # 7도였던 지난 14일: a figure a copula makes a modifier of, the start of a clause of its own
            # (not 87.1%였는데 40대는 50.7%: a contrast goes on with the same topic)
        if not (DATE_WORD.match(word) or re.search(r"\d[^\s\d]{0,3}(?:에서|으로|로|보다|부터)$", word)):
            plain += 1  # a date, or a point a change runs through (293회에서 194회로), is passed over freely
            if plain > 5:
                return ""
        if word.endswith((",", "，")) and not re.search(r"\d", word) or word.endswith(("…", ".", "”", "’", '"')):
            return ""
        bare = word.rstrip(",，")
        unit = j > 0 and re.search(r"\d[조억만천]?$", words[j - 1][2]) and len(_noun_part(bare)[0]) <= 2
        if subject and words[j][4] and bare == word and re.search(r"(?:으로|로|을|를|이|가|은|는)$", bare) \
                and (re.search(r"\d", bare) or unit):  # (unit: 253만4000 | 원으로, the number's unit)
            return ""  # 소득은 253만 원으로 | 57.5%가: the topic has its value; this one is its own clause's subject
        marked = re.search(r"(?:은|는|이|가)$", bare) and not re.search(r"\d", bare) and not VERB_JI.search(bare) \
            and not re.search(r"(?:없|같)이$", bare)  # (not 상관없이, 똑같이: an adverb that ends as a particle would)
        if marked and any(words[k][2] == "각각" for k in range(j + 1, index)):
            return _each_topic(words, j, value)
        if marked:  # not 도: 친절도 점수, 만족도 are read as a noun and the particle 도 too often
            return _topic_of_change(words, j + 1, value)
        dated = bare == "지난" and j + 1 < index and DATE_WORD.match(words[j + 1][2])  # 지난 12일: when
        dated = dated or bare in ("들어", "들어서") and j > 0 and (WHEN_WORD.match(words[j - 1][2]) or
                                                              words[j - 1][2] in ("이달", "금년", "연초"))  # 올해 들어
        if not dated and (words[j][5] or not words[j][3] and not WHEN_WORD.match(bare)
                          and bare not in SKIP_BEFORE and bare not in DEGREE and not re.search(r"\d", bare)):
            return ""  # a verb or an adverb: the clause starts after it
        if word[:1] in "‘“'\"" and not re.search(r"[’”'\"]", word[1:]):
            return ""  # “22대 총선 기준으로 3%는: the value is quoted, and what is said before the quote is not its topic
    return ""


def _each_topic(words, j: int, value: str) -> str:
    """Return the topic of values the sentence gives each (각각) of several things, word j its subject: nothing
    when the subject is itself one of the things listed (부산과 인천은 각각 203회, 32회: not 인천 203회), only its
    own noun when the things are listed before it (문화관광해설사와 태화강생태해설사 이용객은 각각 41%, 183%: 이용객)."""
    def listed(k: int) -> bool:
        return k >= 0 and (words[k][2] == "및" or re.search(r"(?:과|와)$", words[k][2]) is not None)

    if listed(j - 1):
        return ""
    topic = _topic_of_change(words, j + 1, value)
    return topic.split()[-1] if topic and (listed(j - 2) or listed(j - 3)) else topic


def _bracket_noun(words, j: int) -> str | None:
    """Return the noun a bracket leaves before a value, when word j opens or closes one: the noun after an open
    bracket (120억 원(국비 | 50%) or the noun before a closed one (유치원(장애 포함) | 87명); "" when that is not a
    noun; None when word j has no bracket."""
    word = words[j][2]
    if "(" in word and ")" not in word[word.rindex("("):]:
        head = word[word.rindex("(") + 1:]
    elif word.endswith(")"):  # (not "),": the phrase ended there)
        k = next((k for k in range(j, max(-1, j - 12), -1) if "(" in words[k][2]), None)
        if k is None:
            return ""
        if words[k][2][:1] in BULLETS:
            return None  # △탐앤틈(삼계면) | 6곳: the last item of a list, which the value counts
        head = words[k][2][:words[k][2].index("(")]
    else:
        return None
    noun, had = _noun_part(head)
    if noun in SKIP_BEFORE:
        return None  # 협업팀(총 | 9개 기업): the bracket's first word only bounds the value
    # (a word right before a bracket is a noun, whatever its last syllable: 공립고(광주고, … 전남고) | 5개교)
    return noun if noun and not had and re.search(r"[가-힣A-Za-z]$", noun) and not re.search(r"\d", noun) else ""


QUALIFIER = re.compile(r"^\d+(?:인|세|차|단계|급|종|등급|년차|학년|호선)$")  # 1인 가구, 2단계 사업: a kind, not a count


def _before(words, index: int, valued: frozenset[int] = frozenset(), counter: str = "") -> str:
    """Return up to two noun eojeols right before word `index` (운영자금 | 30만원), stopping at a particle; a rate
    or head count that is the value's subject is taken with its particle off (취업률은 | 71%). A bracket just
    before says the noun (국비 | 50%, 유치원(장애 포함) | 87명); a number that is not one of the claim's values
    (valued: the indexes of their words) is part of the noun it qualifies (1인 가구 | 4만 원). A word a list's
    mark opens (▲지방세 | 696억 원) begins the item. A count by a bare counter (개, 가지: the noun after it says
    what it counts) takes no noun from a bracket."""
    if index > 0 and re.search(r"(?:은|는|이|가)$", words[index - 1][2]):
        noun = words[index - 1][3] or _noun_part(words[index - 1][2])[0]  # 취·창업률: a noun kiwi split at ·
        if MEASURE_NOUN.search(noun) and _is_noun_word(noun):
            return noun
    picked: list[str] = []
    j = index - 1
    bracketed = _bracket_noun(words, j) if j >= 0 and counter not in BARE_COUNTERS else None
    if bracketed is not None:
        return bracketed
    while j >= 0 and len(picked) < 2:
        noun, had_particle = words[j][3], words[j][4]
        if noun in STOP_BEFORE or words[j][2].endswith((",", "，", "…", "‥", "..")) or noun in BOUND_AFTER:
            break  # 이 중 | 3건, 출범, | 10개, (… 상당) 총 | 600kg: what comes before says when or bounds another value
        if noun.endswith("대비") and len(noun) > 2:
            noun = "대비"  # 전년대비 | 9.1%: what the value is compared with, as 전년 대비 is
        if had_particle or not noun or noun in SKIP_BEFORE or re.search(r"\d", noun):
            if not picked and (noun in SKIP_BEFORE or words[j][2] in SKIP_BEFORE):
                j -= 1
                continue
            break
        if words[j][2][:1] in BULLETS:
            picked.insert(0, noun)
            break
        if j > 0 and QUALIFIER.match(words[j - 1][2]) and j - 1 not in valued:
            picked[:0] = [words[j - 1][2], noun]
            break
        if j > 0 and re.search(r"\d", words[j - 1][2]) and not words[j - 1][2].endswith(",") \
                and not TIME_WORD.match(words[j - 1][2]):
            break  # 5개 | 분야 총 20개: that noun is what the earlier number counts (not 2025년 | 매출)
        picked.insert(0, noun)
        j -= 1
    return " ".join(picked)


def _after(words, end: int, valued: frozenset[int] = frozenset(), modified: bool = False,
           genitive: bool = False) -> str:
    """Return the noun eojeol right after a count that ends its eojeol (20개 | 사업을), without its particle; not
    another of the claim's values (valued: the indexes of their words). modified: a count in digits and a counter,
    whose noun may come after a word that describes it (5개의 새로운 사업, 12개 주요 과제). genitive: the count
    ends in 의, and the noun phrase after it may be of two nouns (200개의 글로벌 기업이)."""
    at = next((i for i, w in enumerate(words) if w[0] >= end), None)
    if at is None or words[at][0] > end + 1:
        return ""
    following = words[at]
    noun = following[3]
    if at in valued and re.search(r"\d", noun):
        return ""  # 70,174건 | 112억 원: the next value, not what the count counts
    if not noun and "(" in following[2]:  # 13개 기관(시도 5, 시군구 8)을: the noun before the bracket
        head = following[2][:following[2].index("(")]
        noun = head if re.fullmatch(r"[가-힣A-Za-z·]{2,}", head) and _is_noun_word(head) else ""
    if noun in LIMITS:
        return noun  # 1만4천회 이상: part of the value
    if modified and at + 1 < len(words) and words[at + 1][0] <= following[1] + 1 and at + 1 not in valued \
            and (not noun and (following[5] in ("", "-") or words[at - 1][2].endswith("의"))
                 and DESCRIBING.search(following[2])
                 or noun in QUALIFIERS and not following[4]):
        # 5개의 새로운 사업을 → 5개 사업, 12개 주요 과제를 → 12개 주요 과제: a modifier stands between the count
        # and what it counts; after the genitive, a verb made of a noun too (40명의 숙련된 인재들)
        head = words[at + 1][3]
        if head and len(head) >= 2 and re.fullmatch(r"[가-힣A-Za-z·]+", head) and _is_noun_word(head) \
                and head not in SKIP_BEFORE and head not in STOP_BEFORE and head not in LIMITS:
            if not noun and not words[at + 1][4] and at + 2 < len(words) and at + 2 not in valued \
                    and words[at + 2][0] <= words[at + 1][1] + 1 and _is_noun_word(words[at + 2][3]) \
                    and re.fullmatch(r"[가-힣A-Za-z·]{2,}", words[at + 2][3]):
                head = f"{head} {words[at + 2][3]}"  # 7건의 굵직한 국비 사업을: a noun of two words
            head = re.sub(r"(?<=[가-힣]{2})들$", "", head)  # 사업들: the plural says nothing a count does not
            return f"{noun} {head}" if noun else head
    if not noun or noun in SKIP_BEFORE or noun in STOP_BEFORE:
        return ""
    second = words[at + 1] if genitive and not following[4] and at + 1 < len(words) and at + 1 not in valued \
        and words[at + 1][0] <= following[1] + 1 and not following[2].endswith((",", "，", "·")) \
        and words[at + 1][2][:1] not in QUOTE_MARKS else None  # (not 100실의 숙박시설, 다목적 경기장: a list)
    if second is not None and len(second[3]) >= 2 and re.fullmatch(r"[가-힣A-Za-z·]+", second[3]) \
            and not second[5] and _is_noun_word(second[3]) and second[3] not in SKIP_BEFORE \
            and second[3] not in STOP_BEFORE and second[3] not in BOUND_AFTER and second[3] != "관련":
        return f"{noun} {re.sub(r'(?<=[가-힣]{2})들$', '', second[3])}"  # 2000여 명의 국내외 석학이
    return noun


# the adnominal form of a describing verb, which modifies the noun after it (새로운, 다양한, 굵직한, 크고 작은)
DESCRIBING = re.compile(r"(?:[가-힣](?:한|운|른|은|진|린|된|인|던|쁜)|큰|작은|높은|넓은|많은)$")
# nouns that qualify the noun after them, as a word of their own (12개 주요 과제, 3개 신규 사업)
QUALIFIERS = frozenset({"주요", "신규", "핵심", "중점", "역점", "대표", "세부", "특화", "전략", "중요", "유망", "우수",
                        "대형", "소형", "중소", "공공", "민간", "국책", "국가", "지역", "현안", "공약", "추가"})


PER = re.compile(r"(?<!경로)당$")  # 단체당, 1인당: a rate's unit, not what the sum is of (경로당 is a place)
QUOTED_AFTER = re.compile(r"\s?[‘'“\"]([^‘’'“”\"]{2,30})[’'”\"]")


def _named_after(text: str, words, end: int) -> str:
    """Return what a sum that ends its eojeol is the amount of when a name follows it: a quoted name (10만원씩
    ‘에너지 지원금’) or the nouns right after, to a particle (3천 원 할인쿠폰을); not a word that says how big or
    how it changed (규모, 상당, 증가), when or among what (a bound, 10만원 이하, is taken with the value later,
    when nothing else says what it is of), nor a deed (12조 원 달성을 목표로: the deed itself is not done)."""
    quoted = QUOTED_AFTER.match(text, end)
    if quoted:
        return quoted.group(1).strip()
    picked: list[str] = []
    for w in (w for w in words if w[0] > end):
        noun = w[3]
        if not noun or w[2][:1] in BULLETS or picked and w[2][:1] in QUOTE_MARKS or noun in BOUND_AFTER \
                or noun in GENERIC_SUMS or noun in ("규모", "시대") or PER.search(noun) or ACHIEVED_AFTER.fullmatch(noun) \
                or re.search(r"\d", noun) or WHEN_WORD.match(noun) or noun in STOP_BEFORE or noun in SKIP_BEFORE:
            break
        picked.append(noun)
        if w[4] or len(picked) == 3 or w[2].endswith((",", "，", "…", "‥", "..")):
            break
    return " ".join(picked)


SPENT = re.compile(r"[’'”\"]?\s?(?:을|를)\s(?:[^\s,.]+\s)?들여(?:서)?\s")  # 132억원을 (총) 들여 …


def _spent_on(text: str, words, end: int) -> str:
    """Return what a sum was spent on when the sentence says it was spent (들여) to make or do something: the
    object of the verb that follows (132억원을 들여 병영 체험관을 열었다 → 병영 체험관); nothing when a verb or a
    comma comes before any object (22억을 들여 매입해), or the object is a figure or says when."""
    spent = SPENT.match(text, end)
    if not spent:
        return ""
    for i in [i for i, w in enumerate(words) if w[0] >= spent.end()][:6]:
        w = words[i]
        if w[5] or w[2].endswith((",", ".", "，")):
            return ""
        if w[3] and w[4] and re.search(r"(?:을|를)$", w[2]):
            thing = _with_noun_before(words, i, w[3], places=True) if _names_a_thing(w[3], places=True) else ""
            return thing if len(thing) >= 3 else ""  # (시설을 짓고: a word that general says less than who paid)
    return ""


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Return the names of the places and governments the gazetteer knows (data/places.csv, agencies.csv)."""
    from tui.pipeline.gazetteer import gazetteer

    known = gazetteer()
    return frozenset(known.place_names) | frozenset(known.agency_words)


def _scope_word(noun: str) -> bool:
    """Return True when a noun is, or ends in, a word that names a place or scope (전국, 관내, 전라남도, 북평면,
    수도권; 전남 광양시)."""
    words = noun.split()
    word = words[-1] if words else noun
    return bool(SCOPE_NAMES.match(noun) or PLACE_ENDING.search(word) and (word in _places() or REGION.match(word)))


def _is_scope(noun: str) -> bool:
    """Return True for a place or scope word before a count (전국 89개, 전라남도 22개, 북평면 22개): the count's
    noun is then the one after it."""
    return bool(noun) and all(_scope_word(word) for word in noun.split())


def _money_of(text: str, end: int, words=()) -> str:
    """Return what a sum is the size of: 182억원 규모의 지역발전투자협약을 → 지역발전투자협약 (a year is passed
    over: 6,229억 원 규모의 2026년도 본예산 → 본예산). With kiwipiepy's words, their noun is taken (70만 원 상당의
    라면을: 라면 ends as a verb's 면 would)."""
    of = MONEY_OF.match(text, end)
    if not of:
        return ""
    at = of.start(1)
    for word in of.group(1).split():
        start = text.index(word, at)
        at = start + len(word)
        tagged = next((w for w in words if w[0] == start), None)
        noun = tagged[3] if tagged is not None else _noun_part(word)[0]
        if tagged is not None and not noun and "(" in word:  # 의약외품(건강기능식품)을 keeps its gloss; 백미(20kg) not
            noun, tagged = _noun_part(word)[0], None
            noun = noun.split("(")[0] if re.search(r"\(.*\d", noun) or ")" not in noun else noun
        if re.match(r"\d", noun):
            continue
        if tagged is not None:
            return noun if noun and not tagged[5] else ""
        return noun if _is_noun_word(noun) else ""
    return ""


def _contest(text: str, span_start: int, prize: bool = False) -> str:
    """Return the contest or evaluation a prize (or a place) was won in: the quoted name or noun phrase just before
    it; for a prize, not a contest word alone (시상식에서 대통령상: the sentence or its headline may name it)."""
    before = LEADING_STREAK.sub("", text[max(0, span_start - 40): span_start]).rstrip()
    quoted = re.search(r"[‘'“\"]([^‘’'“”\"]{2,30})[’'”\"]\s*(?:에서|의)?\s*(?:(?:[가-힣]{1,6}\s?부문|\s?분야)(?:에서)?\s*)?"
                       r"(?P<scope>(?:전국|도내|시내|국내|전남|전북|광역|기초)\s*)?$", before)
    if quoted:  # (‘…’ 분야에서 전국 우수 지방자치단체: a scope between; the edition is said by the row's date)
        return (LEADING_EDITION.sub("", quoted.group(1)) if quoted.group("scope") else quoted.group(1)).strip()
    words = before.split()
    for k in range(len(words) - 1, max(-1, len(words) - 4), -1):
        if re.search(r"[’”]", words[k]):
            break  # a quoted name ends here: the quoted names below say the contest whole
        noun, _ = _noun_part(SAID_SHORT.sub(r"\1", words[k]))  # 대회서: 에서 said short
        particle = words[k].strip("‘’'\"“”")[len(noun):] if words[k].strip("‘’'\"“”").startswith(noun) else ""
        if CONTEST_WORDS.search(noun) and (particle in ("을", "를", "으로", "로", "와", "과") or words[k].endswith(",")):
            continue  # 높은 평가를 받아, 22개 시군을 대상으로, 공모전, 대회, 봉사활동에서: no contest named
        if CONTEST_WORDS.search(noun):
            # a quote opening inside a word starts the name there (해남군수는“농정업무 종합평가 → 농정업무 종합평가)
            parts = [re.split(r"[‘“\"']", w)[-1] for w in words[max(0, k - 1): k + 1]]
            parts = [SAID_SHORT.sub(r"\1", w) for w in parts]
            if len(parts) == 2 and (_noun_part(parts[0])[1] or parts[0].endswith((",", "，"))
                                    or parts[0] in SKIP_BEFORE or parts[0] in STOP_BEFORE
                                    or ADNOMINAL.search(parts[0])
                                    or parts[0] == "첫"):
                parts = parts[1:]  # 구는 평가에서, 화순군, 박람회, 이날 보고회, 열린 시상식: not part of its name
            names = [_noun_part(w)[0].strip(QUOTE_MARKS) for w in parts if w]
            name = " ".join(n for n in names if _is_noun_word(n))
            if prize and CONTEST_WORDS.fullmatch(name):
                break  # 시상식에서, 대회에서: a contest word alone names none; the sentence may name it elsewhere
            return name
    # ‘제69회 전라남도 문화상 시상식’에서 … 국악인이 문화상을 수상: the contest the sentence names elsewhere
    for m in re.finditer(r"[‘'“\"]([^‘’'“”\"]{2,30})[’'”\"]", text):
        name = LEADING_EDITION.sub("", m.group(1).strip())
        if name and m.start() != span_start - 1 and CONTEST_WORDS.search(name):
            return name
    return _field_before(text[max(0, span_start - 40): span_start])


ADNOMINAL = re.compile(r"[가-힣](?:린|된|던|는)$")  # 열린 시상식, 개최된 대회: a verb's form before the contest word
# a contest the sentence says was held, with 에서 (종합성과평가에서, … 최우수상에 선정됐다): where a prize further on was won
HELD_IN = re.compile(rf"({HELD_WORDS})(?:에서|서)(?:는|도)?,?$")


def _held_in(words, index: int) -> str:
    """Return the contest the sentence names with 에서 anywhere before the prize at word index, when nothing next to
    the prize names one (… 종합성과평가에서, 생활환경 개선 … 높게 평가되어 최우수상에 선정됐다 → 종합성과평가):
    the last such word, with up to two bare nouns before it (tagged words: 열린 시상식에서 gives nothing, a verb
    before the contest word being no part of its name); nothing when another prize comes between."""
    for k in range(index - 1, -1, -1):
        word = words[k][2].strip("‘’'\"“”")
        if re.search(r"(?:상|표창|등급)(?:을|를|은|는|이|가|과|와|에|,)?$", word):
            return ""  # another prize lies between: the contest is that one's
        if not HELD_IN.search(word) or not words[k][3]:
            continue
        names = [HELD_IN.sub(r"\1", word)]
        for before in reversed(words[max(0, k - 2): k]):
            noun = before[3].strip(QUOTE_MARKS)
            if (not noun or before[4] or before[2].endswith((",", "，")) or _scope_word(noun)
                    or re.search(r"\d|[()]", noun) or noun in SKIP_BEFORE or noun in STOP_BEFORE):
                break
            names.insert(0, noun)
        return " ".join(names) if len("".join(names)) >= 4 else ""
    return ""


LEADING_STREAK = re.compile(r"[‘'“\"]?\s*\d+\s?(?:년|회|번|개\s?연도)\s?(?:째\s?)?연속\s*[‘'“\"]?\s*$")


def _named_just_before(before: str, contest: str) -> bool:
    """Return True when the sentence names a contest right before a prize, nouns only (다산안전대상 최우수기관,
    세계녹차콘테스트에서 금상, 귀농귀촌 종합평가 2년 연속 최우수상), not a phrase found further off or with a verb or a list
    in it (수상 이후 3년 연속 대상, 분야 대상(대통령상), …충북 태양광·임실 치즈 총리상)."""
    before = LEADING_STREAK.sub("", before).rstrip(" ‘'“\"")
    before = re.sub(r"(?:에서|서|의)$", "", before).rstrip(" ’'”\"")
    words = contest.split()
    return before.endswith(contest) and not re.search(r"[…·,，]", contest) and all(
        _is_noun_word(w) and not _noun_part(w)[1] for w in words)


def _prize_owner(words, index: int) -> str:
    """Return the government or body a prize is named after, with a space, when it is the bare word right before
    the prize (서울시 문화상, 전라남도 문화상, WHO 건강도시상): the prize's own name; nothing otherwise."""
    if index < 1 or words[index - 1][4] or words[index - 1][2].endswith((",", "，", "…", "·")):
        return ""
    noun = words[index - 1][3].strip(QUOTE_MARKS) or words[index - 1][2].strip(QUOTE_MARKS)
    if SCOPE_NAMES.match(noun) or not (PLACE_ENDING.search(noun) and noun in _places() or re.fullmatch(r"[A-Z]{2,6}", noun)):
        return ""
    return noun + " "


def _field_before(before: str) -> str:
    """Return the field a prize was given for when the sentence names it just before the prize with no contest
    word (진도군, 재난대응 안전한국훈련 ‘3년 연속 우수기관’ → 재난대응 안전한국훈련; 기초연금 우수기관 →
    기초연금): up to three bare nouns, stopping at a particle (a subject's 이 / 가 too), a comma, a place, a
    number, a streak, a bracket or a verb; nothing shorter than four letters (주민, 전남 say too little)."""
    if before and not before[-1].isspace() and before[-1] not in "‘'“\"":
        before = before[: len(before) - len(before.split()[-1])]  # the prize's own name began inside this word
    before = LEADING_STREAK.sub("", before).rstrip(" ‘'“\"")
    picked: list[str] = []
    last = before.split()[-1] if before.split() else ""
    if re.fullmatch(r"[\u4e00-\u9fff]{1,2}", last):  # 안전한국훈련 道 최우수기관: the province, abbreviated in Hanja
        before = before[: len(before) - len(last)].rstrip()
        last = before.split()[-1] if before.split() else ""
    if last and _scope_word(last):  # 지원체계 부문 전국 1위: the scope of the rank is said after the field
        before = before[: len(before) - len(last)].rstrip()
    area = re.search(r"\s(분야|부문)(?:에서|의)?$", before)  # 암 예방 관리 분야에서 최우수기관: the field, named
    if area:
        before, picked = before[: area.start()], [area.group(1)]
    for word in reversed(before.split()[-3:]):
        noun = word.strip("‘’'\"“”<>「」『』·…")
        if (not noun or word.endswith((",", "，")) or noun != _noun_part(noun)[0] or _subject(noun)
                or _scope_word(noun) or re.search(r"[\d()\[\]]|연속", noun) or not _is_noun_word(noun)
                or re.search(r"[아어]$|[’‘“”'\"…]|씨$|최초|최고|최대|최다|유일|처음", noun) or _particle_ro_or_in(noun)
                or noun in SKIP_BEFORE or noun in STOP_BEFORE):
            break
        picked.insert(0, noun)
    field = " ".join(picked)
    if area and len(picked) == 1:
        return ""  # 분야 alone says nothing
    return field if len(field.replace(" ", "")) >= 4 else ""


def _particle_ro_or_in(word: str) -> bool:
    """Return True for a word ending in 로 after an open syllable (만장일치로) or in the copula's 인 (대상인)."""
    if len(word) < 3 or word[-1] not in "로인":
        return False
    if word[-1] == "인":
        return True
    return _open(word[-2])


def _subject(word: str) -> bool:
    """Return True for a word ending in the subject particle (공무원이, 장흥군이; not 평가, whose 가 follows
    a closed syllable and so is no particle)."""
    if len(word) < 2 or word[-1] not in "이가":
        return False
    closed = "가" <= word[-2] <= "힣" and not _open(word[-2])
    return closed == (word[-1] == "이")


def _open(syllable: str) -> bool:
    """Return True for a Hangul syllable without a final consonant (가, 치), after which 가 and 로 are particles."""
    return "가" <= syllable <= "힣" and (ord(syllable) - 0xAC00) % 28 == 0


RECORD_NOUN = re.compile(r"(치|액|량)(?=을|를|이|가|은|는|인|의|로|으로|에|도|\s|$|[,.])")  # 최고치, 최고액, 최대량


# What a record qualifies, said as its size or level before the thing (전국 최대 규모의 통합 RPC, 세계 최고 수준의
# 시험설비): the thing after it is what the record is of.
RECORD_MEASURE = re.compile(r"(?:규모|수준|정도)(?:의|인|로|으로)\s")
# Right after a record, in the same word: the particle or ending of a record that is itself the object or the
# predicate (역대 최대를 기록, 담양군이 유일하다, 1호도 입주): nothing after it says what it is of (a noun glued on
# does: 전국 최고점수를 획득).
RECORD_GLUED = re.compile(r"(?:을|를|이|가|은|는|도|만|하|한|했|해|할|합|다|였|이었|라|에)")
RECORD_LINK = re.compile(r"^(?:으로는|로는|으로|로|인|의|이다|이며|이자)?\s*")
# A verb of a verbal noun (초청받은, 개설한, 선정된): the deed, with the noun kept (공식 초청)
DEED_WORD = re.compile(r"^([가-힣]{2,4}?)(?:받은|받았|받아|받는|하는|한|했|해|하여|된|됐|되는|돼)")


def _record_of(text: str, span_end: int) -> str:
    """Return what a record is a record of: the noun and verbal noun after it (전국 최초로 ‘행복정책관’을 신설 →
    행복정책관 신설), the thing a record size or level qualifies (최대 규모의 통합 RPC → 통합 RPC), or the noun
    phrase after it (유일의 생존 태극무공훈장 수훈자); nothing when the record is itself what the clause says was
    reached (역대 최대를 기록했다, 담양군이 유일하다)."""
    after = text[span_end: span_end + 80]
    if after[:1] in "’'”\"" and span_end > 0 and text[span_end - 1] not in " ":
        after = after[1:]  # ‘국민주권 민원 1호’로: the record was quoted
    link = RECORD_LINK.match(after)
    if not link.group() and RECORD_GLUED.match(after):
        return ""  # 최대를, 유일하다, 1호도: a particle or an ending glued on, no noun after it
    after = after[link.end():]
    sized = re.match(r"규모\s(?=[가-힣A-Za-z]{1,8}(?:으로|로|이다|이며|을|를|이|가|인)(?:\s|[,.]|$))", after)
    if sized:  # 세계 최대 규모 광산으로 꼽혔다: the record is the size of the noun after it
        after = after[sized.end():]
    elif re.match(r"(?:규모|수준|정도)(?:다|이다|로|으로)?(?:\s|[,.…]|$)", after) and not RECORD_MEASURE.match(after):
        return ""  # 역대 최대 규모 | 박형준 …: the record is of its size, and the phrase ends there
    measure = RECORD_MEASURE.match(after)
    if measure:
        after = after[measure.end():]
    m = re.match(r"(?:[가-힣A-Za-z0-9·]+(?:인|의)\s)?[‘'“\"]?([^‘’'“”\"\s]{2,20}(?:\s[^‘’'“”\"\s]{1,12})?)[’'”\"]?"
                 r"\s?(?:을|를|이|가)\s?([가-힣]{2,6}?)(?:하|했|해|되|돼|됐|한)", after)
    if m:
        return f"{_noun_part(m.group(1))[0]} {m.group(2)}"
    # 최초로 개최한 전남체전을: the deed before what it was done to
    done = re.match(r"([가-힣]{2,6})(?:한|된)\s[‘'“\"]?([^‘’'“”\"\s]{2,20})[’'”\"]?\s?(?:을|를|이|가|은|는|도|의)?(?=\s|$|[,.])",
                    after)
    if done and not measure and _is_noun_word(_noun_part(done.group(2))[0]):
        return f"{_noun_part(done.group(2))[0]} {done.group(1)}"
    return _record_phrase(after)


# The copula glued to the noun 유일한 qualifies (유일한 국내선인, 다목적댐이다, 교육자이기도 하다): the noun is what
# there is one of. A bare 인 is taken off a noun of three letters or more only (외국인, 장애인 are nouns).
ONLY_ONE = re.compile(r"한\s[‘'“\"]?((?:[가-힣A-Za-z]{2,10}\s){0,3}?[가-힣A-Za-z]{1,12}?)(?:\([^()]{1,12}\))?[’'”\"]?"
                      r"(?:이기도\s?(?:하다|한데|하고|하며)?|이었는데|이었지만|였지만|이었던|이었다|였던|였다|입니다|이다|이며|이자|"
                      r"이고|이라(?:는|고|며|서)?|라고|인가|인지|인데|으로서|로서|으로|로|을|를|(?P<subject>이|가)|은|는|"
                      r"(?P<of>의)|에|도|만|다|"
                      r"(?<=[가-힣]{3})인)(?:\s|[,.…?”’'\"]|$)")


ONLY_ONE_DEEDS = frozenset({"수상", "선정", "달성", "기록", "사례", "경우"})
ONLY_ONE_SHORT = frozenset({"길", "답", "땅", "섬", "배", "집", "차", "상", "꿈"})  # one-letter nouns said alone


def _only_one(text: str, end: int) -> str:
    """Return what a record said with 유일한 is the only one of (무안공항의 유일한 국내선인 → 국내선; 남한강의 유일한
    다목적댐이다 → 다목적댐): up to four nouns, the last ending in a particle or the copula; nothing for a bound
    noun (유일한 곳이었는데) or another record's words."""
    if not text[:end].endswith("유일"):
        return ""
    m = ONLY_ONE.match(text, end)
    if not m or m.group("of") or re.match(r"\s?아니|\s?아닙|\s?아닌", text[m.end() - 1:]):
        return ""  # 유일한 삶의 자부심: the noun goes on past 의; 유일한 매력은 아닙니다: denied
    if m.group("subject") and re.match(r"[가-힣]+(?:은|는|던|한|된)\s", text[m.end():]):
        return ""  # 유일한 정실이 낳은 아들: the noun is the subject of a clause about another
    words = re.sub(r"\([^()]*\)", "", m.group(1)).split()
    if any(re.search(r"(?:었|였|는데|지만|면서|으며)", word) for word in words):
        return ""  # 유일한 곳이었는데 문을: a verb's ending, no noun phrase
    for i, word in enumerate(words[:-1]):
        noun, had = _noun_part(word)
        if not had and len(word) == 2 and word[1] in "이가은는을를의에":
            noun, had = word[0], True  # 곳이: a one-letter noun and its particle
        if had:
            words = words[:i] + [noun]  # 유일한 곳이 강릉이다: the phrase ends at its particle
            break
    phrase = " ".join(words)
    if len(phrase) < 2 and phrase not in ONLY_ONE_SHORT or phrase in ONLY_ONE_DEEDS:
        return ""  # 유일한 수상이자: the prize or the deed, which the line says already
    if not words or words[-1].endswith("하") or any(
            not _is_noun_word(w) or w in NOT_A_TOPIC or w in SKIP_BEFORE or w in STOP_BEFORE for w in words):
        return ""
    return phrase


def _record_phrase(after: str) -> str:
    """Return the noun phrase that opens `after`: up to three nouns (및 joins two), up to and including the first
    that carries a particle, with what was done to it when it is an object (중등 발명영재 정규반을 개설해 → 중등
    발명영재 정규반 개설) or the deed of a verbal noun (공식 초청받은 → 공식 초청); not a place or a scope (국내
    38번째), a number, nor a verb."""
    quoted = re.match(r"[‘'“\"]([^‘’'“”\"]{2,30})[’'”\"]", after)
    if quoted:
        return quoted.group(1).strip()
    words = re.split(r"[…‥]", after, maxsplit=1)[0].split()  # an ellipsis ends the phrase (최고 성적…재정 인센티브)
    picked: list[str] = []
    for i, word in enumerate(words[:5]):
        if word == "및" and picked:
            picked.append(word)
            continue
        deed = DEED_WORD.match(word)
        if deed and picked:
            picked.append(deed.group(1))
            break
        opened = re.search(r"\([^)]*$", word)  # 세종시(세종시 | 예술회관)에서: the phrase ends at the bracket
        bare = INNER_QUOTES.sub("", re.sub(r"\([^()]*\)|\(.*$", "", word)).strip(",.·…/()[]<>")
        noun, had = _noun_part(bare)
        if not had and (_particle_ro(noun) or _subject(noun)):
            noun, had = noun[:-1], True  # 인프라로, 채널로, 모금이: 로, 이 or 가 after the noun
        copula = re.search(r"(?:이다|이며|이고|이자|였다|이었다|임에도|임을|이라|이지만|이어서|다)$", noun) if not had else None
        if copula and copula.group() == "다" and (len(noun) < 2 or not _open(noun[-2])):
            copula = None  # 열린다: a verb (a noun takes 다 for 이다 only after an open syllable: 순위다)
        if copula and len(noun) - len(copula.group()) >= 2:
            noun, had = noun[: copula.start()], True  # 사육 지역임에도: the copula's ending ends the phrase
        following = words[i + 1] if i + 1 < len(words) and not re.search(r"[,.…]$", word) else ""
        if not noun or not _is_noun_word(noun) or _past_verb(noun) or re.search(r"\d", noun) \
                or (not picked and (SCOPE_WORD.match(noun) or noun in SKIP_BEFORE or noun in STOP_BEFORE)) \
                or len(picked) - picked.count("및") >= 3 or re.match(r"\d", following) \
                or picked and (WHEN_WORD.match(noun) or noun in SKIP_BEFORE or noun in STOP_BEFORE):
            break  # (a noun a number follows is that number's topic: 주 4.5일제)
        picked.append(noun)
        if had or noun != bare or opened or re.search(r"[,，.…]$", word) or noun.endswith("인"):
            particle = bare[len(noun):]
            deed = DEED_WORD.match(following) if particle in ("을", "를") else None
            if deed:
                picked.append(deed.group(1))
            break
    while picked and picked[-1] == "및":
        picked.pop()
    phrase = " ".join(picked)
    return phrase if len(phrase) >= 2 else ""


SCOPE_WORD = re.compile(r"^(?:전국|관내|도내|국내|시내|군내|구내|세계|전세계|지역|역내|전남|전북|경남|경북|충남|충북)$")


def _particle_ro(word: str) -> bool:
    """Return True for a word ending in the particle 로: after an open syllable or a final ㄹ (인프라로, 채널로)."""
    if len(word) < 3 or word[-1] != "로" or not "가" <= word[-2] <= "힣":
        return False
    return (ord(word[-2]) - 0xAC00) % 28 in (0, 8)


def _past_verb(word: str) -> bool:
    """Return True for a verb's form by its surface: a past tense (올랐, 키워냈다, 했고: a final ㅆ) or 할, 될."""
    if word[-1] in "할될":
        return True
    last = word[-2] if len(word) >= 2 and word[-1] in "다고며" else word[-1]
    return "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 == 20


def _streak_words(text: str, start: int, end: int, length: int) -> str:
    """Return the words of the streak a value carries (‘2년 연속 ’ in 2년 연속 전라남도 문화상), to put before it."""
    # the pipeline's reading of streaks, imported here: the browser does not need it to paint
    from tui.pipeline.claims import streaks

    for s, e, n in streaks(text):
        if n == length and (e <= start and start - e <= 20 or s >= end):
            return text[s:e] + " "
    return ""


MAGNITUDES = tuple((size, f"{word} 원") for word, size in BIG.items()) + ((1e3, "천 원"), (1, "원"))


def _unit_said(digits: str, value) -> str:
    """Return the unit a sum written as bare digits is in, from the value read for it (150 read as 150억 → 억 원)."""
    try:
        scale = float(value) / float(digits.replace(",", ""))
    except (TypeError, ValueError, ZeroDivisionError):
        return ""
    return next((unit for size, unit in MAGNITUDES if abs(scale - size) < size * 1e-6), "")


# a prize said as what something was listed, designated or chosen as (유산에 등재됐다, 명소로 선정돼)
LISTED_AS = re.compile(r"[’'”」』]?\s?(?:에|으로|로)도?\s(?:최종\s|공식\s|새롭게\s|나란히\s)?(등재|등록|지정|선정)(?:됐|되|돼|되었)")


CLAUSE_END = re.compile(r"(?:고|며|서|면|는데|지만|으나|[.,!?…”’\"'])$")


def _listed_subject(words, index: int) -> str:
    """Return what was listed, designated or chosen, for a prize said as what it was made (순천만은 … 유산에 등재
    됐다 → 순천만): the nearest word before the prize marked 은, 는, 이 or 가 in the same clause (no word that ends a
    clause or a verb between, at most six words back), with the bare noun before it; nothing when it is a
    government, a place, a pronoun or a generic noun (사업, 노력), whose news the row already is or which says
    nothing."""
    for j in range(index - 1, max(-1, index - 7), -1):
        word = words[j][2]
        if CLAUSE_END.search(word) and not re.search(r"[’”'\"](?:으로|로|에|에서|을|를|이|가|은|는|과|와)$", word):
            return ""
        if words[j][5] and re.search(r"(?:어|아|여|해|돼|되어|서|고|며|면|니|자|는|던|한|된|될|할)$", word):
            return ""  # 노력이 높이 평가되어, 부처가 주관하는 ‘…’로: the subject is another clause's
        if re.search(r"(?:은|는|이|가)$", word) and words[j][3] and not words[j][5]:
            noun = words[j][3]
            if noun in NOT_A_TOPIC or noun in NOT_A_HOLDER or noun in GENERIC_HOLDERS or PLACE_ENDING.match(noun) \
                    or _is_scope(noun) or re.search(r"\d", noun) or OFFICE.match(noun):
                return ""
            return _with_noun_before(words, j, noun, places=True)
    return ""


GENERIC_HOLDERS = frozenset({"사업", "노력", "성과", "결과", "평가", "기관", "단체"})  # say nothing of what was chosen


# a record said by a verb whose ending the span cuts or closes (가장 높았, 가장 컸, 가장 많다, 가장 높고, 가장 오래됐)
PREDICATE_END = re.compile(r"(?:았|었|였|컸|됐|졌|랐|렀|했|겼|켰|쳤|다|고|게)$")
ENDINGS = frozenset({"EP", "EF", "EC", "Z_CODA"})


def _said_as_noun(value: str) -> str:
    """Return a record said by a verb with the verb made a noun by kiwipiepy (가장 높았 → 가장 높음, 가장 컸 → 가장 큼,
    가장 오래됐 → 가장 오래됨): a row reads as a list of what was achieved, and a verb cut at the span's end reads as a
    broken word. Anything else is returned as it is (가장 많은, 가장 많이, 전국 최초)."""
    if not PREDICATE_END.search(value):
        return value
    from tui.pipeline.kiwi import get_kiwi

    kiwi = get_kiwi()
    tokens = kiwi.tokenize(value)
    last = max((i for i, t in enumerate(tokens) if t.tag.split("-")[0] in ("VA", "VV", "XSA", "XSV")), default=None)
    if last is None or last == 0 or any(t.tag not in ENDINGS for t in tokens[last + 1:]):
        return value
    stem = tokens[last]
    noun = kiwi.join([(stem.form, stem.tag.split("-")[0]), ("음", "ETN")])
    return value[: stem.start] + noun if noun and len(noun) <= 3 else value


def _label(text: str, words, span: Span, offset: int, tagged: bool = False,
           valued: frozenset[int] = frozenset()) -> tuple[str, str]:
    """Return (what the value says, the context it belongs to) for one span of a sentence (tagged: the words were
    read from kiwipiepy's tokens, which tell a noun from a verb)."""
    start, end = span.start - offset, span.end - offset
    value = text[start:end]
    if span.kind in ("money", "count", "percent", "score") and start and text[start - 1] in "-–−" \
            and (start == 1 or text[start - 2] in " (\t"):
        value = text[start - 1] + value  # –2.1%에서 4.4%로: the sign is the value's
    if span.kind == "money" and re.fullmatch(r"[\d,.]+", value):
        value += _unit_said(value, span.value)  # 251억 원(국비 150, …): the share said in the total's unit
    elif span.kind == "count" and re.fullmatch(r"[\d,]+", value) and span.unit:
        value += span.unit  # 13개 기관(시도 5, 시군구 8): the parts counted in the total's counter
    index = next((i for i, w in enumerate(words) if w[0] <= start < w[1]), None)
    if span.kind in ("award", "first", "rank") and getattr(span, "streak", None) and "연속" not in value:
        value = f"{_streak_words(text, start, end, span.streak)}{value}"
    if span.kind in ("award", "rank"):
        where = _contest(text, start, span.kind == "award")  # 1위 — 한국서비스 품질지수: what the place is a place in
        if span.kind == "award" and not where and index is not None and value.endswith(text[start:end]):
            value = value[: len(value) - (end - start)] + _prize_owner(words, index) + text[start:end]
        listed = LISTED_AS.match(text, end) if span.kind == "award" and not where else None
        if listed and index is not None and tagged:
            # 순천만은 … 유네스코 세계자연유산에 등재됐다 → 순천만 유네스코 세계자연유산 등재: what was listed or
            # designated, when it is not the government itself (a place or a government's subject says nothing)
            holder = _listed_subject(words, index)
            if holder and holder not in value:
                return f"{holder} {value} {listed.group(1)}", ""
        if not where and span.kind == "rank" and index is not None and tagged:  # (words read without kiwipiepy's
            return _held_by(text, words, index, end, value, rank=True), ""  # tokens keep their particles: 화순군이)
        return value, where
    if span.kind == "first":
        value = _said_as_noun(value) if tagged else value  # 가장 높았 → 가장 높음: no verb cut short in a row
        glued = RECORD_NOUN.match(text, end)  # 역대 최고|액을 확보: the record noun goes on in the same word
        if glued:
            deed = re.match(r"(?:을|를|이|가)\s([가-힣]{2,4}?)(?:하|했|해|되|돼|됐|한)", text[glued.end():])
            return value + glued.group(1), deed.group(1) if deed else ""
        where = _record_of(text, end)
        if not where and index is not None and tagged:
            where = _deed_after(text, words, index, end, valued)
            if where:  # 국립중앙의료원은 … 중 유일하게 ‘준중환자실’을 마련: who holds it, the
                held = _held_by(text, words, index, end, value)  # group it is the only one of, and what was done
                return (held if not any(w in where for w in held[: len(held) - len(value)].split()) else value), where
        if not where and index is not None and tagged:
            return _held_by(text, words, index, end, value), _only_one(text, end)
        return value, where
    if index is None:
        return value, ""
    deed = ACHIEVED_AFTER.match(text, end)
    aside = re.match(r"\)|\s?\([^()]{1,40}\)", text[end:])  # 105억 원(1.72%) 증가, (1.72%) 증가: a bracket between
    bound = aside and aside.group() == ")" and re.search(r"\((?:최대|최소|약|연간?|월|1인당|가구당|개소당)\s*$",
                                                        text[:start])
    if not deed and aside and not bound:  # (not 월세(최대 240만원)를 지원: the 월세 is given, the bound is its limit)
        deed = ACHIEVED_AFTER.match(text, end + aside.end())
    if span.kind == "money" and not deed:
        worth = WORTH.match(text, end)
        if worth:  # 백미 10kg 50포(175만 원 상당)를 기탁했다 → 백미 175만 원 상당 기탁
            goods = _goods_before(text, words, start)
            return " ".join(p for p in (goods, value, "상당", worth.group(1)) if p), ""
        deed = DEED_LATER.match(text, end)
        if deed and re.search(r"[.,]|(?:며|고|서)\s", text[end: deed.start(1)]):
            deed = None  # the verb belongs to another clause
    value = f"{value} {deed.group(1)}" if deed and span.kind in ("money", "count", "percent") else value
    opens = text[words[index][0]: start] in OPENING_QUOTES  # the value begins its eojeol, maybe after a quote
    said = "" if re.fullmatch(r"[\d,]+", text[start:end]) else span.unit or ""  # a part said as bare digits
    before = _before(words, index, valued, said) if opens else ""
    # A count that ends its eojeol names what it counts right after (22개 시군, 5개 분야 총 20개 사업).
    last = next((w for w in words if w[0] < end <= w[1]), words[index])  # the eojeol the value ends in
    rest = text[end: last[1]]  # 4개, | 동메달: a comma ends the phrase
    rest = rest[_past_brackets(rest, 0):]  # 5514명(81.2%)이: the share in brackets is said with the value
    listed = index > 0 and words[index - 1][3] == "등"  # 라면 등 | 4개 기관: the examples, then what is counted
    listed = listed or index > 1 and words[index - 2][2].endswith((",", "，")) \
        and words[index - 1][2].endswith(("’", "'", "”", '"'))  # ‘우수’, ‘보통’, ‘미흡’ | 3개 등급: quoted items
    dotted = "·" in before  # 문화유산·미술·공연 | 3개 부문: the items, then what they are
    # △오디 △표고버섯 | 8개 임산물: the last of a list's items, then what they are
    listed = listed or index > 0 and before and words[index - 1][2][:1] in BULLETS
    # 곱창김, 다시마, 미역 등 | 7종: examples, then how many kinds; the last example is not what is counted
    examples = span.kind == "count" and (span.unit or "") in BARE_COUNTERS and index > 0 \
        and words[index - 1][2] == "등" and "·" not in before  # (숲·생태 교육 등 10종: the items say what they are)
    before = "" if examples else before
    bare = rest == "" and (not before or dotted or (span.unit or "") in BARE_COUNTERS)  # 국군 10개 | 사단: 개 says no noun
    each = rest == "씩" and (span.unit or "") in BARE_COUNTERS  # 여섯 가지씩 굵직한 사업들: what each has that many of
    counted = span.kind == "count" and (rest == "의" or bare or each) and not deed \
        and not text[:start].rstrip().endswith("제")  # not an ordinal: 제46회 흰지팡이의 날
    quoted = QUOTED_AFTER.match(text, last[1]) if counted else None  # 400여 건의 ‘행정 통합 반대’ 민원: whole
    after = quoted.group(1).strip() if quoted else _after(words, last[1], valued, re.match(r"\d", span.text) is not None
                                                                   or (span.unit or "") in BARE_COUNTERS,
                                                                   genitive=rest == "의") \
        if counted else ""
    limit = after if after in LIMITS else ""  # 200개 이상: the bound is part of the value, not what it counts, and
    after = "" if limit else after  # the subject before it (일자리가 200개 이상) may still say that
    bounded = next((w for w in words if w[0] > last[0]), None) if limit else None
    if bounded is not None and bounded[2].endswith("의") and not quoted:  # 3700명 이상의 경찰 인력: the noun
        after = _after(words, bounded[1], valued, modified=True, genitive=True)  # after the bound, as after 3700명의
        after = "" if after in LIMITS else after
    regarding = next((i for i, w in enumerate(words) if w[0] > last[0]), None) if rest == "에" else None
    # 경찰은 4명에 대해 수사를: what a sentence says about a count (에 대한) is not its subject's
    about = regarding is not None and words[regarding][2] in ("대한", "대해")
    if span.kind == "count" and about and not after and not before and not deed:  # 12개교에 대한 표창
        after = _regarding(words, regarding + 1)
    if after and listed:
        before = ""
    beyond = BEYOND.match(text, end) if not deed and span.kind in ("money", "count", "percent") else None
    if beyond and not after:  # 1조원이 넘는 편익이, 1만명에 달하는 관람객: the noun the value is the size of
        verb = next((w for w in words if w[0] <= beyond.end() - 2 < w[1]), None)
        noun = _genitive_object(words, verb) if verb is not None else ""
        if noun and len(noun) >= 2 and noun not in LIMITS and noun not in NOT_A_THING \
                and not re.search(r"\d", noun):
            # the measure of it the value is, said before the value: a noun right before it (시세 20억원이 넘는 주택
            # → 주택 시세 20억원 이상) or the subject it is the figure of (구독자가 300명에 달하는 공지방 → 공지방
            # 구독자 300명)
            subject = words[index - 1][3] if index > 0 and opens and not before \
                and re.search(r"[가-힣](?:이|가|은|는|만)$", words[index - 1][2].rstrip("’'”\"")) \
                and not words[index - 1][2].endswith(("에는", "에서는", "로는", "에게는")) else ""
            before, after = f"{noun} {before or subject}".strip(), ("이상" if beyond.group(1) else "")
    if span.kind == "money" and rest == "의" and before and before.split()[-1] in GENERIC_SUMS:
        before = _genitive_object(words, last) or before  # 총사업비 126억원의 안전체험교육장 건립: what it is for
    if span.kind == "money" and not before and not deed:
        before = _money_of(text, end, words if tagged else ()) or (_genitive_object(words, last) if rest == "의" else "")
    if span.kind == "money" and not before and opens:
        before = _purpose_before(words, index, bool(deed) and deed.group(1) in GIVEN)  # 전용관 조성에 20억원
    if span.kind == "money" and not before and not deed and rest in ("을", "를"):
        before = _spent_on(text, words, end)  # 132억원을 들여 병영 체험관을 → 병영 체험관 132억원
    if span.kind == "money" and not before and deed and deed.group(1) in GIVEN and opens:
        giver = _giver(words, index)  # 금당남부교회(위임목사 고창주)는 3천만원을 기탁 → 금당남부교회 3천만원 기탁
        what = words[index - 1][3] if index and not words[index - 1][4] and words[index - 1][3] \
            and not re.search(r"\d", words[index - 1][3]) and words[index - 1][3] not in SKIP_BEFORE else ""
        before = f"{giver} {what}".strip() if giver else ""  # … 성금 1,000만원: what the sum is, said too
    if span.kind == "money" and not before and not deed and rest in ("", "씩") and tagged:
        after = _named_after(text, words, last[1])  # 3천 원 할인쿠폰, 10만원씩 ‘에너지 지원금’
    if not before and span.kind in ("money", "count", "percent", "score"):
        before = _bracketed_after(words, index, text[words[index][0]: start])  # 증가율(14.1%) → 증가율 14.1%
    if span.kind == "percent" and not before and rest == "의":
        before = _genitive_object(words, last, limit=3)  # 70%의 정착률을 → 정착률 70%; 85.8%의 습지 보호 찬성
    if span.kind in ("percent", "count") and not before and not after and opens:
        before = _share_of(words, index) if span.kind == "percent" else _among(words, index)
    signed = text[words[index][0]: start] in ("", "-", "–", "+", "△", "▲", "▼")  # –5.8%에서: a sign before the value
    if not before and not after and signed and (CHANGE.search(text) or CHANGED_AFTER.match(text, end)):
        # (a value a change starts from may be of the object the change was made to: 점수를 67.5점에서 …으로)
        before = _topic_of_change(words, index, value, objects=starts_a_change(text, end, span.unit, when=True))
    # the subject of a value that is an object is who did it (회장은 … 70포를); a value that modifies the noun
    # after it (8천200만 원이던 매출이) is of that noun, not of the subject before it
    if not before and not after and opens and span.kind in ("money", "count", "percent", "score") \
            and rest not in ("을", "를", "이던", "이었던", "였던", "던", "에게") and not examples and not about:
        before = _subject_before(words, index, value)
    if span.kind == "percent" and not before and not after and not deed and rest == "":
        noun = _after(words, last[1])  # 3% 납부지연가산세를: the rate of the noun it stands before
        after = "" if noun in BOUND_AFTER else noun
    if span.kind in ("count", "money") and not after and not limit and rest == "":
        limit = _after(words, last[1])  # 140만 명 이상: the bound is part of the value
        limit = limit if limit in LIMITS else ""
    if span.kind == "count" and not deed and not after and rest in ("이", "가"):
        after = _what_they_did(words, last)
    elif span.kind == "count" and not deed and not after and not before and rest in ("을", "를"):
        after = _what_they_did(words, last, target=False)  # 7가구를 방문해 → 7가구 방문
    if not before and not after and opens and span.kind in ("money", "count", "percent", "score") and not examples \
            and rest not in ("이던", "이었던", "였던", "던") and (span.kind != "count" or span.unit in GENERIC_COUNTERS):
        before = _clause_noun(words, index, actor=about)  # (a count of 농가 or 가구 says what it counts itself)
    via = CHANGE_VIA.match(text, end)  # (210명이었던 귀농인은 올해 385명으로: a change, said as one)
    if not before and not after and span.kind in ("money", "count", "percent") and rest in COPULA_MODIFIER \
            and not (via and span.unit and via.group(1).startswith(span.unit)):
        before = _noun_it_is(words, last, valued)  # 192억원이던 보조금을 → 보조금 192억원
    if not before and not after and opens and span.kind in ("money", "count", "percent") and rest in ("으로", "로") \
            and index > 0 and index - 1 not in valued and re.search(r"[가-힣](?:을|를)$", words[index - 1][2]):
        before = _topic_of_change(words, index, value, objects=True)  # 지원 대상을 300명으로 확대: what was set to it
    itemised = opens and span.kind in ("money", "count", "percent")  # a value given for a place, group or time
    where = (_listed_place(words, index, valued) or _listed_time(words, index, valued)) if itemised else ""
    if where and before in NOT_A_TOPIC:
        before = where  # (피해액은 2400억원 상당인 것으로: not 것)
    elif where and before and before.split()[-1] == where.split()[-1]:
        before = where if len(where) > len(before) else before  # 공실률 | 성수동 공실률 2.5%: one noun, said fully
    elif where and where not in before and where not in after:
        before = f"{before} {where}".strip()  # 50대에서 79%, 40대에서 76%: each value is of the place before it
    return " ".join(part for part in (before, value, limit, after) if part), ""


COPULA_MODIFIER = ("인", "이던", "였던", "이었던")  # 11.5%였던 저수율: the value is the noun after's
NOT_WHAT_IT_IS = frozenset({"것", "상태", "반면", "만큼", "셈", "경우", "가운데", "데", "점", "수준", "정도", "상황", "시대",
                            "시절", "시기", "무렵"})


def _noun_it_is(words, last, valued: frozenset[int]) -> str:
    """Return the noun a value modifies through the copula (192억원이던 보조금을, 7.19%인 건강보험료율을): the next
    eojeol's noun, not a bound or empty noun (13건인 것으로, 98%인 반면), a time (2년만인 지난해) or a value."""
    at = next((i for i, w in enumerate(words) if w[0] > last[0]), None)
    picked: list[str] = []
    while at is not None and at < len(words) and at not in valued and len(picked) < 3:
        noun = words[at][3]
        if len(noun) < 2 or not re.fullmatch(r"[가-힣A-Za-z·]+", noun) or not _is_noun_word(noun) \
                or noun in NOT_WHAT_IT_IS or noun in STOP_BEFORE or noun in SKIP_BEFORE or noun in NOT_A_TOPIC \
                or WHEN_WORD.match(noun) or words[at][5]:
            return ""
        picked.append(noun)
        if words[at][4] or words[at][2].endswith((",", "，")):
            return " ".join(picked)  # 사회적 기업 지원 예산은: the noun phrase to its particle
        at += 1
    return " ".join(picked) if len(picked) < 3 else ""


PLACE_OF_VALUE = re.compile(r"(?:에서는|에서|에는|에선|[가-힣](?:은|는))$")  # (강릉시는 25.4%, 속초시는 12.6%)


def _places_listed(words, valued: frozenset[int]) -> int:
    """How many values of a sentence follow a place word (서울에서는 47%): not a value a change starts from
    (8.8%에서 15.5%로)."""
    return sum(1 for j in range(len(words) - 1)
               if j not in valued and PLACE_OF_VALUE.search(words[j][2].rstrip("’'”\""))
               and (j + 1 in valued or j + 2 in valued and words[j + 1][2] in SKIP_BEFORE))


SERIES_TIME = re.compile(r"^((?:19|20)\d{2}년도?|[1-4]분기|상반기|하반기|\d{1,2}월|[1-9]0대|\d{1,2}차|[1-6]학년)"
                         r"(?:에는|에|엔|말|초|은|는|이|가)?$")  # (70대 75.7%, 40대 67.5%; 1차 84.9%, 2차 81.1%)


def _listed_time(words, index: int, valued: frozenset[int]) -> str:
    """Return the year, quarter or month a value is given for in a sentence that lists values so (관광객은 2015년
    466만8000명, 2016년 480만7000명; 1분기 203만명, 2분기 303만명), or the age group or round (70대 75.7%, 40대
    67.5%; 1차 84.9%, 2차 81.1%): the word right before the value; nothing when the sentence gives one value so."""
    if index == 0 or index - 1 in valued:
        return ""
    said = SERIES_TIME.match(words[index - 1][2].rstrip(","))
    if not said:
        return ""
    timed = sum(1 for j in range(len(words) - 1) if j + 1 in valued and j not in valued
                and SERIES_TIME.match(words[j][2].rstrip(",")))
    return said.group(1) if timed >= 2 else ""


def _listed_place(words, index: int, valued: frozenset[int]) -> str:
    """Return the place or group a value is given for in a sentence that lists values so, one by one (대한적십자사에는
    245억원, 월드비전에는 19억원; 서울에서는 47%, 대구·경북에서는 41%): the noun of the word right before the
    value, its particle off; nothing when the sentence gives only one value so."""
    if index == 0 or index - 1 in valued or _places_listed(words, valued) < 2 \
            or index - 2 in valued and not words[index - 2][2].endswith((",", "，")):
        return ""  # (15개 시도에서 9887가구: the place is what another value counts)
    word = words[index - 1][2].rstrip("’'”\"")
    noun = words[index - 1][3]
    if not PLACE_OF_VALUE.search(word) or len(noun) < 2 or noun in STOP_BEFORE or noun in SKIP_BEFORE \
            or noun in NOT_A_TOPIC or noun in NOT_A_SUBJECT or noun in ("과정", "결과", "경우", "당시"):
        return ""
    return _with_noun_before(words, index - 1, noun.strip("‘’'\"“”"), places=True).strip("‘’'\"“”")


def _held_by(text: str, words, index: int, end: int, value: str, rank: bool = False) -> str:
    """Return a place or a record that nothing after it says the object of, with what holds it: the group it is
    among (전국 지자체 중 3위), else the subject of its clause (부산이 117위를 기록 → 부산 117위; 입양률은 도내 최고 →
    입양률 도내 최고), else the nearest noun of its clause (전담부서를 전국 최초로 신설 → 전담부서 전국 최초); the
    value alone when none of them is there, or what was found is already in the value (6년 연속 1위) or only says
    when (그동안), and when the value is the noun after's (유럽 1위 유통업체), a bound (3위 안에) or each list item's
    in turn (각각 1~3위). end is where the value ends in text."""
    last = next((k for k in range(index, len(words)) if words[k][0] < end <= words[k][1]), index)
    after = text[end: words[last][1]]  # what is glued to the value in its word: a particle, an ending
    if not after and last + 1 < len(words) and words[last + 1][3] and words[last + 1][3] not in MEASURES \
            and words[last + 1][3] not in RANK_DEEDS and not re.search(r"[은는던한]$", value):  # (not 확진자가 가장 많은 곳: a clause with its own subject)
        return value  # 유럽 1위 아시아식품 유통업체인 판아시아, 국내 유일 에너지 특화대학: it is the noun after's
    if not after and last + 2 < len(words) and words[last + 1][2] == "규모" and words[last + 2][3]:
        return value  # 전국 최대 규모 동물병원: the record is the size of the noun after it, not its clause's subject's
    if WITHIN.match(text, end) or BESIDE_ANOTHER.match(text, end):
        return value  # 득표율 3위 안에 들지 못해: a bound, held by no one; 1위와 0.5%p 차이, 1위부터 10위까지: a
        # place another holds, or where a range starts
    start = words[index][0]
    if text[start: start + 1] in ("“", '"'):
        return value  # 구청장은 “1위부터 …: the quote's own words hold it, not who speaks ('전국 최초'로 quotes the value)
    before = words[max(0, index - 4): index]
    if any(w[2] == "각각" for w in before):
        return value  # 동명, 세진, 우진교통이 각각 1~3위: held by each of a list in turn
    deed = _nominal_deed(words, index)
    if deed:
        return f"{deed} {value}"
    ranked = _ranked_before(words, index, value) if rank else ""  # (a record's words before it say since when)
    if ranked:
        return ranked
    group = _among(words, index)
    if group:
        return f"{group} 중 {value}"
    noun = _subject_before(words, index, value) or _clause_noun(words, index)
    if not noun or noun in value or noun.split()[0] in NOT_A_HOLDER:
        return value
    return f"{noun} {value}"


def _deed_after(text: str, words, index: int, end: int, valued: frozenset[int] = frozenset()) -> str:
    """Return what was done first, for a record said as how it was done (전국 최초로 …): the object of the clause's
    main verb with that verb's noun (전국 최초로 0세~고3까지 수업료 …를 지원하는 무상교육을 시작했다 → 무상교육 시작),
    passing over a verb that only describes a noun (지원하는); nothing when the clause has no object or its verb is
    no 하다 verb (tagged words)."""
    index = next((k for k in range(index, len(words)) if words[k][0] < end <= words[k][1]), index)
    if not re.match(r"(?:(?:으로|로)(?:는|도)?|하게)$", text[end: words[index][1]]):
        return ""  # (전국에서 유일하게 ‘지방시대정책국’을 설치해: how it was done, as 최초로 says)
    last_object = ""
    for k in range(index + 1, min(len(words), index + 12)):
        word = words[k][2]
        adnominal = re.search(r"(?:는|은|던|할|한)$", word)
        if words[k][3] and words[k][4] and re.search(r"(?:을|를)[’'”\"]?$", word):
            # (예산 100억원을 편성: a sum's deed is said with the sum, not here)
            last_object = "" if re.search(r"\d", words[k][3]) or k in valued else words[k][3].strip(QUOTE_MARKS)
        elif words[k][5] and adnominal and not last_object:
            return ""  # 이를 처음으로 적용할 현장: the record is the clause's that describes a noun, not the sentence's
        elif words[k][5] and words[k][5] != "-" and not adnominal:
            deed = words[k][5]
            if word.endswith("지") or k + 1 < len(words) and re.match(r"(?:못|않|안\s)", words[k + 1][2]):
                return ""  # 유일하게 로스쿨을 유치하지 못한: a deed not done
            return f"{last_object} {deed}" if last_object and _is_noun_word(last_object) \
                and last_object not in NOT_A_TOPIC else ""  # (모든 것을 통제: a bound noun says nothing)
        elif words[k][5] == "-" and not adnominal:
            return ""  # another verb ends the clause (열어, 세워): what was done is not said as a noun
    return ""


RANK_DEEDS = frozenset({"달성", "차지", "기록", "등극", "탈환", "유지", "고수", "수성", "진입", "도약", "석권"})  # 1위 달성은
STREAK_WORD = re.compile(r"^(?:\d+(?:년|회|번|개\s?연도)(?:째)?|연속|연속으로)$")


def _ranked_before(words, index: int, value: str) -> str:
    """Return a place said with the bare nouns written right before it, what is ranked or who holds it, and the
    scope between them (3년 연속 … 출생아 수 1위 → 출생아 수 3년 연속 1위; 세종 ‘전국 1위’ → 세종 전국 1위; 전국 온천
    1위 → 전국 온천 1위): up to three nouns with no particle, the first a scope word too when one comes before them;
    nothing when the word before is marked by a particle, is a figure, says when or ends a phrase (a comma, …)."""
    j = index - 1
    scope: list[str] = []
    while j >= 0 and (STREAK_WORD.match(words[j][2].strip(QUOTE_MARKS))
                      or words[j][3] and not words[j][4] and _scope_word(words[j][3].strip(QUOTE_MARKS))):
        if not STREAK_WORD.match(words[j][2].strip(QUOTE_MARKS)):
            scope.insert(0, words[j][3].strip(QUOTE_MARKS))
        j -= 1
    picked: list[str] = []
    while j >= 0 and len(picked) < 3:
        word, noun = words[j][2], words[j][3].strip(QUOTE_MARKS)
        if (not noun or words[j][4] or word.endswith((",", "，", "…", "·")) or re.search(r"\d|[()]", noun)
                or WHEN_WORD.match(noun) or DATE_WORD.match(word) or noun in SKIP_BEFORE or noun in STOP_BEFORE
                or (noun in NOT_A_HOLDER or noun in NOT_A_TOPIC) and not (noun in MEASURED and not picked)
                or noun in NOT_A_SUBJECT or noun in NOT_AS
                or STREAK_WORD.match(noun)):
            break
        if _scope_word(noun):
            if picked:
                picked.insert(0, noun)  # 전국 온천 1위: the scope of the noun after it
            break
        picked.insert(0, noun)
        j -= 1
    if not picked or len("".join(picked)) < 2 or all(_scope_word(n) for n in picked) or picked[0] in MEASURED:
        return ""  # (출생아 수 1위: a measure word says what is counted only with the noun it measures)
    return " ".join(picked + scope + [value])


MEASURES = frozenset({"규모", "수준", "정도"})  # 전국 1위 수준이며: the size of the place, not a noun it qualifies
def _nominal_deed(words, index: int) -> str:
    """Return what was done, when a clause made a noun by 것 or 건 is what a record is of (팝업 스토어를 유치하는 것은
    이번이 처음이다 → 팝업 스토어 유치; 화장장이 생기는 것은 처음 → 반려동물 화장장): the noun the clause's verb takes,
    with the verbal noun of a 하다 verb; nothing when no such clause stands within four words before the value."""
    for k in range(index - 1, max(0, index - 5), -1):
        if words[k][2] in NOMINALISERS:
            break
        if words[k][2].endswith((",", "，", ".", "”", '"')) or words[k][5] \
                or words[k][3] and re.search(r"(?:이|가)$", words[k][2]) and words[k][3] not in NOT_A_TOPIC:
            return ""  # (스타필드가 들어서는 건 창원이 처음: the city holds the record, not the deed; 이번이, 올해가 say when)
    else:
        return ""
    if k < 2 or not words[k - 1][5]:
        return ""  # no verb before 것
    verbal = words[k - 1][5] if words[k - 1][5] != "-" else ""
    j = k - 2
    noun = words[j][3] if words[j][4] and re.search(r"(?:을|를|이|가|에|로|으로)$", words[j][2]) \
        and not re.search(r"\d", words[j][2]) else ""  # (not 전년보다 줄어든 것: a comparison, not what changed)
    if len(noun) < 2 or noun in NOT_A_TOPIC or _scope_word(noun):
        return ""  # (한 번에 생긴 건: a counter's noun, not what was done)
    head = words[j - 1] if j > 0 else None  # 팝업 | 스토어를: a compound's first noun
    if head and head[3] and not head[4] and not head[5] and not re.search(r"\d", head[2]) \
            and not _scope_word(head[3]) and head[3] not in SKIP_BEFORE:
        noun = f"{head[3]} {noun}"
    return f"{noun} {verbal}".strip()


NOMINALISERS = frozenset({"것은", "건", "것이", "것도"})
BESIDE_ANOTHER = re.compile(r"(?:와|과|보다|부터)(?![가-힣])")
WITHIN = re.compile(r"\s?(?:안에|안으로|이내|내에|내로)(?![가-힣])")
# words a clause's first noun can be that say when or what follows, not who holds a place or a record
NOT_A_HOLDER = frozenset({"그동안", "그다음", "다음", "이후", "이전", "그간", "한편", "세상", "연속", "것", "것은", "건",
                         "것이"})


def _headline_contest(headline: str, prize: str) -> str:
    """Return the contest the headline names for a prize the sentence names alone: the headline's own for the
    same prize (우수기관에 선정됐다 under '…, 농업인 교육 우수기관 선정'), or for the same kind of honour said another
    way (최우수상 under '…‘2025년 을지연습’ 평가 최우수기관 선정': 최우수), nothing for another prize."""
    if prize in headline:
        return _contest(headline, headline.index(prize), True)
    # imported here: the browser imports this module and needs no finder
    from tui.pipeline.claims import find_spans

    key = re.sub(r"\s", "", prize)
    for span in find_spans(headline):
        other = re.sub(r"\s", "", span.text)
        if span.kind == "award" and len(key) >= 2 and len(other) >= 2 and (
                key[:2] == other[:2] or key in other or other in key):
            return _contest(headline, span.start, True)
    return ""


# a prize that names no contest of its own (최우수상, 장관 표창, 감사패, S등급, 우수기관), which the headline's contest
# may be the one of; not a title that is an honour of its own (최우수 관광마을, 한국관광 100선, 국제안전도시 공인) or a
# selection (공모사업 선정), which another body may have given
GIVEN_BY = re.compile(r"[가-힣]\)?(?:로부터|에게서|으로부터)\s")  # 공제회로부터 감사패를: the sentence says whose it is
GENERIC_PRIZE = re.compile(r"^[^\s]{0,6}(?:상|표창|패|등급|기관|지자체|사례)$")
HEADLINE_CONTEST = re.compile(rf"(?:[^\s,…·]+\s){{0,2}}?[^\s,…·]*?(?:{CONTEST_NAMES})(?=서\s|에서|\s시상|\s?[’'”\"]|$|\s)")


def _headline_only_contest(headline: str, plaque: bool = False) -> str:
    """Return the one contest the headline names, for a prize the sentence names alone and the headline does not
    (최우수상은 영광군·영암군 … under '전남도 농정업무 종합평가 대상에 해남군'; 은상 수상작 … under '광진구,
    미소사진공모전 시상식 개최'): the contest of the headline's one prize, or its one contest when it names no prize;
    nothing when it names several prizes or lists one with others (‘대상’ 등 3종 수상: each may be another's), nor
    for a plaque when it names a prize (감사패 under '… 유공 경찰관 표창': thanks from someone, not that prize)."""
    # imported here: the browser imports this module and needs no finder
    from tui.pipeline.claims import find_spans

    prizes = [span for span in find_spans(headline) if span.kind == "award"]
    if len(prizes) > 1 or prizes and re.match(r"[’'”\"]?\s?(?:등|외|과|와|·|,)", headline[prizes[0].end:]):
        return ""
    if prizes:
        return "" if plaque else _contest(headline, prizes[0].start, True)
    quoted = [m.group(1) for m in re.finditer(r"[‘'“\"]([^‘’'“”\"]{2,30})[’'”\"]", headline)]
    named = [LEADING_EDITION.sub("", q) for q in quoted
             if CONTEST_WORDS.search(q.strip()) and not q.strip().endswith(("대상", "인증", "지수", "조사"))]
    if len(named) == 1:
        return named[0].strip()
    if named:
        return ""
    found = [" ".join(_noun_part(w)[0] for w in m.group().split() if _is_noun_word(_noun_part(w)[0]))
             for m in HEADLINE_CONTEST.finditer(headline)]
    found = [f for f in found if len(f.replace(" ", "")) >= 4]
    return found[0] if len(found) == 1 else ""


def _regarding(words, k: int) -> str:
    """Return the noun phrase that begins at word k and ends at its particle, after a count's 에 대한 (12개교에 대한
    표창을 → 표창, 927명에 대한 전보 인사를 → 전보 인사): at most three nouns, none a number, a bound or 등; nothing
    when the phrase goes on longer (2명에 대한 구속 전 피의자 심문을: 구속 alone would mislead)."""
    nouns: list[str] = []
    for word in words[k: k + 3]:
        noun = word[3].strip(QUOTE_MARKS)
        if not noun or re.search(r"\d", noun) or noun in SKIP_BEFORE or noun in STOP_BEFORE or noun == "등":
            return ""
        nouns.append(noun)
        if word[4]:
            return " ".join(nouns)
    return ""


def _clause_noun(words, index: int, actor: bool = False) -> str:
    """Return, when nothing else says what a value counts, the nearest noun of its clause before it: an object,
    topic or subject the clause is about (국·도비 258억 확보 → 국·도비; 면적 규모로는 213% → 면적 규모), or where
    money went (인재양성기금에 200만 원), passing over words that say when or how much, up to a verb, a comma,
    a bracket or the sentence's start; nothing when that noun is a number's unit (8천365만 달러의 55.3%), nor,
    with actor (the value is what something is done about: 4명에 대해), when it is the clause's subject or topic
    (경찰은 4명에 대해 수사: the police act on them). Not a noun outside a quote the value opens (국장은 “연 100만명)."""
    if words[index][2][:1] in OPENING_DOUBLE:
        return ""
    for j in range(index - 1, max(-1, index - 5), -1):
        word = words[j][2]
        if word[:1] in OPENING_DOUBLE and (word.lstrip("“\"") in SKIP_BEFORE or not words[j][3]):
            return ""  # the quote opens before the value, past words that only say how much or when
        if words[j][5] or word.endswith((",", "，", "…", ".", "”", "’", '"', ")")) or ")" in word:
            return ""
        noun = words[j][3]
        bare = word.rstrip(",，")
        if noun in NOT_A_SUBJECT or bare in ("그", "이", "저"):
            return ""  # 그 두 가지: the value points back to what was said before
        if bare in SKIP_BEFORE or noun in SKIP_BEFORE or WHEN_WORD.match(bare) or DATE_WORD.match(bare):
            continue  # 총, 누적, 올해, 1월27일부터: how much or when
        if not noun or re.search(r"\d", noun):
            return ""  # a verb, or a qualifier of the value itself (4~6학년 30명)
        at = word.find(noun)
        role = word[at + len(noun):].strip("’'”\"") if at >= 0 else ""
        if word.endswith("로는") and noun.endswith("로"):
            noun = noun[:-2] if noun.endswith("으로") else noun[:-1]  # 규모로는 read by its surface
        if noun in STOP_BEFORE or noun in NOT_A_TOPIC or _scope_word(noun) or len(noun) < 2 \
                or not CLAUSE_ROLE.search(role or "-") or actor and role in ("은", "는", "이", "가", "이는"):
            return ""
        head = words[j - 1] if j > 0 else None  # 면적 | 규모로는: a compound's first noun
        if head and BARE_NUMBER.match(head[2]):
            return ""  # 8천365만 달러의, 200만 원씩: the noun is the number's unit
        if head and head[3] and not head[4] and not head[5] and not head[2].endswith((",", ")")) \
                and not re.search(r"\d", head[2]) \
                and not TIME_WORD.match(head[3]) and not WHEN_WORD.match(head[2]) \
                and head[3] not in SKIP_BEFORE and head[3] not in STOP_BEFORE and not _scope_word(head[3]):
            return f"{head[3]} {noun}"
        return noun
    return ""


DATE_WORD = re.compile(r"^(?=.*\d)(?:(?:19|20)\d{2}년도?)?(?:\d{1,2}월)?(?:\d{1,2}일)?(?:부터|까지|에|엔|의|도|께|중)?$")
# What the noun of a value's clause may carry: a topic, subject or object marker, 의, 에 (where money went), 로는
# (면적 규모로는), or nothing; not 에도 (날씨에도), 와 or 과 (a partner), 에서 (a place).
CLAUSE_ROLE = re.compile(r"^(?:-|은|는|이|가|을|를|의|에|으로는|로는|도|이는)$")
NOT_A_SUBJECT = frozenset({"지금", "처음", "최저", "최고", "덕분", "대상", "범위", "수준", "정도", "점수", "연속"})
# Counters that do not say what they count (명, 개, 건 …), unlike 농가, 가구, 개교
GENERIC_COUNTERS = frozenset({"개", "건", "곳", "개소", "명", "회", "번", "차례", "가지", "종", "종류", "점", "편", "권", "팀",
                              "장", "대", "개사", "여명", "여건", "여개"})


def _what_they_did(words, value_word, target: bool = True) -> str:
    """Return what the people or things a count is the subject of did, from the first 하다 verb of its clause
    (78명이 조기 취·창업에 성공하는 → 취·창업 성공, 5,593명이 이용해 → 이용), with the noun it took (에, 을, 를);
    for a count that is the object (target False), what was done to it (7가구를 방문해 → 방문), but not when it is
    only whom something was for (150명을 대상으로 진행됐다)."""
    following = [w for w in words if w[0] > value_word[0]][:4]
    if not target and following and following[0][2].startswith("대상"):
        return ""
    for i, w in enumerate(following):
        if w[5] == "-":
            return ""  # 1만6천여명이 찾아: a verb of its own, not a 하다 verb
        if w[5]:
            prev = following[i - 1] if i else None
            noun = (prev[3] or _noun_part(prev[2])[0]) if prev else ""
            took = noun if noun and re.search(r"(?:에|을|를)$", prev[2]) and not re.search(r"\d", noun) \
                and noun not in STOP_BEFORE else ""
            return f"{took} {w[5]}".strip()
        if not w[3] and not re.match(r"[가-힣·]+$", w[2]) or w[2].endswith((",", "며", "고", "서", "다", "다.")):
            return ""  # the clause ends, or something other than words before the verb
    return ""


def _goods_before(text: str, words, start: int) -> str:
    """Return the goods a sum in parentheses is the worth of: the nouns before the bracket, passing over their
    quantities (쌀 10kg 60포(200만 원 상당) → 쌀; 갓 수확한 백미(10kg) 50포대(…) → 백미)."""
    head = text[:start].rstrip()
    if not re.search(r"\((?:[^()]*,)?\s*(?:총\s|약\s?)?$", head):
        return ""
    picked: list[str] = []
    for w in reversed([w for w in words if w[0] < start]):
        bracketed = re.match(r"([가-힣]{2,})\(", w[2])  # 백미(10kg): the goods, their weight in brackets
        noun = bracketed.group(1) if bracketed else re.sub(r"\([^()]*\)?", "", w[3]).strip()
        if w[0] <= start < w[1] or re.fullmatch(r"[\d.,]+\s?[A-Za-z가-힣]{0,3}", noun or "0") or not noun \
                or w[2] in SKIP_BEFORE:
            if picked or (not noun and not re.search(r"\d", w[2]) and w[2] not in SKIP_BEFORE):
                break
            continue  # the quantities (10kg, 60포) and 약, 총
        if w[4] and not bracketed or noun in SKIP_BEFORE or noun in STOP_BEFORE:
            break
        picked.insert(0, noun)
        if len(picked) == 2:
            break
    return " ".join(picked)


def _genitive_object(words, value_word, limit: int = 2) -> str:
    """Return the nouns a value in the genitive names (8억5000만원의 국비 성과급(인센티브)을 → 국비 성과급): up to
    limit eojeols read as nouns by their tags, the last one with its particle."""
    picked: list[str] = []
    for w in words:
        if w[0] <= value_word[0] or len(picked) == limit:
            continue
        noun = re.sub(r"\([^()]*\)?$", "", w[3])
        if not noun or re.search(r"\d", noun) or noun in SKIP_BEFORE or noun in STOP_BEFORE or _scope_word(noun):
            break
        picked.append(noun)
        if w[4] or w[2].rstrip(")").endswith(("을", "를", "이", "가", "은", "는")):
            break
    return " ".join(picked)


def _among(words, index: int) -> str:
    """Return the group a value is counted among (참가자 가운데 약 25%, 수료생 중 78명 → 참가자, 수료생)."""
    j = index - 1
    while j >= 0 and (words[j][3] in SKIP_BEFORE or words[j][2] in SKIP_BEFORE):
        j -= 1
    if j < 1 or words[j][2] not in ("가운데", "중"):
        return ""
    noun = words[j - 1][3]
    if j > 1 and BARE_NUMBER.match(words[j - 2][2]):
        return ""  # 7860여 명 중 56%: the whole is a count (said with it), its counter is no group
    return noun if noun and not words[j - 1][4] and _is_noun_word(noun) and not _scope_word(noun) \
        and noun not in STOP_BEFORE and not re.search(r"\d", noun) else ""


BARE_NUMBER = re.compile(r"(?=\d)[\d,.십백천만억조]+여?$")  # 1만 (톤의 81%), 8천365만: a number with no noun of its own


def _share_of(words, index: int) -> str:
    """Return what a percentage is a share of: the noun marked with 의 right before it (응답자의 99%가 → 응답자),
    or the group it is counted among (참가자 가운데 약 25%)."""
    j = index - 1
    while j >= 0 and (words[j][3] in SKIP_BEFORE or words[j][2] in SKIP_BEFORE):
        j -= 1
    if j >= 0 and words[j][2].endswith("의") and words[j][3] and not (j > 0 and BARE_NUMBER.match(words[j - 1][2])):
        noun = words[j][3]  # (not 1만 톤의 81%: a counter's share; 1인 가구의 22.1% is a share of 1인 가구)
        if _is_noun_word(noun) and not re.search(r"\d", noun) and len(noun) >= 2 and noun not in STOP_BEFORE:
            head = words[j - 1] if j > 0 else None  # 미역 양식장 면적의 63% → 양식장 면적
            if head and head[3] and not head[4] and not _scope_word(head[3]) \
                    and head[3] not in SKIP_BEFORE and head[3] not in STOP_BEFORE:
                return f"{head[3]} {noun}"
            return noun
    return _among(words, index)


def _without_shared_topic(previous: str, label: str) -> str:
    """Return label without the words it begins with that the previous label began with too, when both go on
    after them (관광객 203만명 · 관광객 303만명 → 관광객 203만명 · 303만명): the topic is said once."""
    a, b = previous.split(), label.split()
    shared = 0
    while shared < min(len(a), len(b)) - 1 and a[shared] == b[shared] and not re.search(r"\d", a[shared]):
        shared += 1
    # the words before both values (a sign may lead a value: –2.1% → 4.4%)
    whole = shared and re.match(r"[-–−]?\d", a[shared]) and re.match(r"[-–−]?\d", b[shared])
    return " ".join(b[shared:]) if whole else label


def _split_label(label: str) -> tuple[str, str]:
    """Return (the words before a label's value, the value and what follows it)."""
    words = label.split()
    i = next((i for i, w in enumerate(words) if re.match(r"[-–−]?\d", w)), len(words))
    return " ".join(words[:i]), " ".join(words[i:])


def _joined_change(before: str, after: str) -> str:
    """Return one label for a value and the figure it changed to, the measure said once: 비율 10% and 캐시백 비율
    20% → 캐시백 비율 10% → 20% (the longer of two names of one measure); two measures keep their names."""
    topic_a, rest_a = _split_label(before)
    topic_b, rest_b = _split_label(after)
    if not topic_b or topic_b == topic_a:
        return f"{before} → {rest_b}"
    if topic_a and topic_b.endswith(" " + topic_a) or not topic_a:
        return f"{topic_b} {rest_a} → {rest_b}"
    return f"{before} → {after}"


NOT_A_THING = frozenset({"상황", "경우", "수준", "정도", "가운데", "것", "수", "바", "데", "때", "중"})  # 10만곳이 넘는 상황
# a value that the noun after it exceeds or reaches (1조원이 넘는 편익, 1만명에 달하는 관람객)
# (not 시청자가 2만명을 넘는 유튜브 생방송: a value that is what something exceeds is of that thing)
BEYOND = re.compile(r"(?:이|가)?\s(넘는|웃도는|넘어서는)\s|(?:에|까지)\s?(?:달하는|이르는|육박하는)\s")
SHARE_OPEN = re.compile(r"\s?\(\s?(?:약|총)?\s?$")  # 42명(56%), 3억 달러(약 4천억원): a bracket opened after a value
SHARE_BEFORE = re.compile(r"\s?(?:에\s?해당하는|인)\s(?:약\s)?")  # 75.86%에 해당하는 34,806명, 25%인 2763명
SHARE_CLOSE = re.compile(r"\s?[↑↓▲▼]?\s?[)·,]")  # 760원(9%↑): the arrow says which way, the value is the same
VALUE_IN_BRACKETS = re.compile(r"\((?:약|총)?\s?[\d.,]+\s?[^\s\d()]{0,4}\)")


def _bracketed_values(text: str, offset: int, spans) -> dict[int, tuple[Span, str]]:
    """Return, by the index of a value in spans, the value of another kind written in brackets right after it
    (사망자 중 42명(56%)은, 응답자의 45%(450명)가, 3억 달러(약 4천억원)를, 20대(6만8019명·26.5%)), or a share said
    just before it (64%인 70억 원을, 75.86%에 해당하는 34,806명), with the words to show in the brackets: the share
    or the other measure of that same value, said with it, not apart."""
    ordered = sorted(range(len(spans)), key=lambda i: spans[i].start)
    found: dict[int, tuple[Span, str]] = {}
    guests: set[int] = set()
    for a, b in pairwise(ordered):
        first, then = spans[a], spans[b]
        if first.kind == "percent" and then.kind in ("count", "money") and a not in found and b not in guests \
                and SHARE_BEFORE.fullmatch(text[first.end - offset: then.start - offset]):
            found[b] = (first, first.text)  # 75.86%에 해당하는 34,806명, 약 25%인 2763명: the count's share
            guests.add(a)
            continue
        if first.kind not in ("money", "count", "percent", "score") or then.kind not in ("money", "count", "percent") \
                or then.kind == first.kind != "money" or first.kind == "money" == then.kind and first.unit == then.unit:
            continue
        between = text[first.end - offset: then.start - offset]
        opened = SHARE_OPEN.fullmatch(between) or between == "·" \
            and text[: first.start - offset].endswith("(")  # 20대(6만8019명·26.5%): both in one bracket
        if opened and SHARE_CLOSE.match(text, then.end - offset) and a not in guests and b not in found:
            inner = text[first.end - offset + between.index("(") + 1 if "(" in between else then.start - offset:
                         then.end - offset]
            arrow = re.match(r"\s?([↑↓▲▼])", text[then.end - offset:])
            found[a] = (then, " ".join(inner.split()) + (arrow.group(1) if arrow else ""))
            guests.add(b)
    return found


def _with_bracketed(label: str, value: str, inner: str) -> str:
    """Return label with inner in brackets right after its value (사망자 42명 → 사망자 42명(56%))."""
    value = " ".join(INNER_QUOTES.sub("", value).split())
    at = label.find(value)
    if at < 0:
        return f"{label} ({inner})"
    return f"{label[:at + len(value)]}({inner}){label[at + len(value):]}"


def _bare(label: str, span) -> bool:
    """Whether a value's label says no more than the value itself (its bound and its 약 or 총 aside)."""
    rest = label.replace(" ".join(span.text.split()), " ")
    rest = re.sub(r"(?<![가-힣])(?:약|총|연|여|씩|이상|이하|미만|초과|가량)(?![가-힣])", " ", rest)
    return not re.search(r"[가-힣A-Za-z]", rest)  # (쌀 100만원 says what)


def claim_line(text: str, offset: int, spans, program: str | None = None, tokens=(), headline: str = "",
               tagged_kinds: tuple[str, ...] = ()) -> str:
    """Return the one-line summary of a claim: its values (achievements first) with the words that say what they
    count, then — the program, or the contest a prize was won in, or what a record is of. text is the claim's
    sentence, offset where it starts (span offsets are offset + index), tokens its kiwipiepy tokens if any;
    headline is the article's title, which names the contest of a prize the sentence names alone (우수기관에
    선정됐다 under '…, 농업인 교육 우수기관 선정'); tagged_kinds, when given, the kinds of value the tokens are read
    for (a headline's places and records: what a headline's sum counts reads better from its surface, its words
    being strung without the particles the token rules look for, unless the surface says nothing of it)."""
    words = _words(text, tokens, offset)
    plain = _words(text, (), offset) if tokens and tagged_kinds else words
    valued = frozenset(i for sp in spans for i, w in enumerate(words) if w[0] <= sp.start - offset < w[1])
    labels: list[str] = []
    context = ""
    last_kind, last_label = "", ""
    previous = None
    slots = shown = 0
    bracketed = _bracketed_values(text, offset, spans)
    inside = {id(v[0]) for v in bracketed.values()}
    beside = {id(spans[i]): v for i, v in bracketed.items()}
    for span in _order(spans, text, offset):
        if id(span) in inside:
            continue  # shown in brackets with the value it is written beside
        changed = previous is not None and _changes_to(text, offset, previous, span)
        among = _part_of(text, offset, previous, span) if previous is not None and not changed else ""
        if not changed and not among:  # the figure a value changed to takes no place of its own among MAX_VALUES
            if slots == MAX_VALUES:
                break
            slots += 1
        shown += 1
        tagged = bool(tokens) and (not tagged_kinds or span.kind in tagged_kinds)
        label, where = _label(text, words if tagged else plain, span, offset, tagged, valued)
        if not tagged and tokens and span.kind in ("money", "count", "percent") and _bare(label, span):
            # a headline's sum read from its surface that says nothing of what it counts: the tokens may (4억원
            # 징수, 8개 부서), though the surface reads better where it says anything (이웃돕기 성금 500만원 기탁)
            label, where = _label(text, words, span, offset, True, valued)
        own = where if span.kind == "award" else ""  # the contest said next to this prize, not found elsewhere
        if not where and span.kind == "award" and headline:
            where = _headline_contest(headline, span.text)
        if not where and span.kind == "award" and tokens:
            at = next((i for i, w in enumerate(words) if w[0] <= span.start - offset < w[1]), None)
            where = _held_in(words, at) if at is not None else ""
        label = " ".join(INNER_QUOTES.sub("", label).split())  # ‘가’등급 → 가등급: quotes the sentence put in
        if id(span) in beside:
            shown += 1
            label = _with_bracketed(label, text[span.start - offset: span.end - offset], beside[id(span)][1])
        whole_label = label
        if labels and span.kind in ("money", "count", "percent", "score") and span.kind == last_kind:
            # (of one kind: 백미 50포대 · 백미 175만 원 says both); against the previous label as it was before its
            # own topic was taken off, so that a third value of the topic loses it too (인지율 87.1% · 50.7% · 24.8%)
            label = _without_shared_topic(last_label, label)
        last_kind, last_label = span.kind, whole_label
        previous = span
        if changed and labels:  # 캐시백 비율 10%에서 20%로 → 캐시백 비율 10% → 20%: one measure, before and after
            labels[-1] = _joined_change(labels[-1], label)
            context = context or where
            continue
        if among and labels:  # 수료생 50명 중 45명이 취업 → 수료생 50명 중 45명 취업 성공: the part said with its whole
            labels[-1] = f"{labels[-1]} {among} {label}"
            context = context or where
            continue
        own = LEADING_EDITION.sub("", own) if CONTEST_WORDS.search(own) else ""
        bare_label = label  # (a prize said again is said once, whichever contest each names)
        if own and context and own not in context and context not in own and own not in label \
                and _named_just_before(text[: span.start - offset], own) \
                and not any(re.split(r"[(\s]", own)[0] in x for x in labels):  # (피너클 어워즈 · 금상: said already)
            # 재난관리평가 우수기관, 다산안전대상 최우수기관: another contest's prize says its own, after the prize so
            # that a narrow column cut short still shows the prize (최우수기관(다산안전대상))
            label = f"{label}({own})"
        longer = next((i for i, x in enumerate(labels) if label.endswith(" " + x)), None)
        if longer is not None:
            labels[longer] = label  # 최우수상 · 3년 연속 최우수상: one prize, said with its streak
        elif label and not any(x in (label, bare_label) or x.startswith(bare_label + "(") or x.endswith(" " + label)
                               for x in labels):
            labels.append(label)
        context = context or where
    if len(spans) > shown:
        labels.append(f"외 {len(spans) - shown}")
    generic = [re.sub(r"\s", "", span.text) for span in spans if span.kind == "award"]
    generic = [prize for prize in generic if GENERIC_PRIZE.search(prize)]
    if not context and headline and generic and not GIVEN_BY.search(text):
        # what the sentence does not say, the headline's one contest (a plaque's only when no other prize is there)
        context = _headline_only_contest(headline, plaque=all(prize.endswith("패") for prize in generic))
    tail = program or context
    line = " · ".join(labels)
    return f"{line} — {' '.join(tail.split())}" if tail and tail not in line else line
