"""Program names: named policies, projects, services, schemes and recurring events an article names.

Candidates come from quoted names (‘…’, “…”, 『…』), bullet-list items, noun phrases that end in a program word
(사업, 지원금, the suffix -제 of a system), a build word (센터 건립, 도로 확장) or a recurring event (축제), and the
items of a list that names projects: a budget's lines with their sums, or items the sentence calls its policies
(A, B 등 다양한 정책); each is then judged (`rejection`): organisations, prizes and designations, contests and
ceremonies, places, reports, laws, slogans and names made only of generic words are not programs. The vocabulary is
data/programs.csv.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from tui.models import program_key
from tui.pipeline.lexicon import read_table
from tui.pipeline.logistic import LogisticModel, stored_model
from tui.pipeline.speech import quotes

SINGLE_QUOTES = re.compile(r"[‘']([^‘’'\n]{2,40})[’']")
DOUBLE_QUOTES = re.compile(r"[“\"]([^“”\"\n]{2,40})[”\"]")
# 『춥지마 창문아』, 「…」: corner brackets quote a name as ‘…’ does
CORNER_QUOTES = re.compile(r"[「『]([^「」『』\n]{2,40})[」』]")
QUOTE_PATTERNS = (SINGLE_QUOTES, DOUBLE_QUOTES, CORNER_QUOTES)
LIST_MARKS = "▲△■□●○◆◇▶▷•"  # marks that open a list's item
BULLET_ITEM = re.compile(rf"[{LIST_MARKS}]\s*([^{LIST_MARKS}\n]{{2,60}}?)"
                         rf"(?=\s*(?:\d[\d,.]*\s?[조억만천]|\d[\d,.]*\s?원|\(|[{LIST_MARKS}\n]|,|$|\s등[이을의\s]))")
AMOUNT_AFTER = re.compile(r"\s*\(?\s*(?:국비\s?)?\d[\d,.]*\s?(?:[조억만천]|원)")
SENTENCE_END = re.compile(r"[다요][.!?]?$|[.!?]$")
CLAUSE_WORDS = re.compile(r"(?:하며|하고|되며|이며|해야|하면|으로써|에게|에서|으로|이라는|라는|이다|했다|한다|결과|노력)"
                          r"(?:\s|$)|[가-힣]+(?:며|고)\s")
CEREMONY = re.compile(r"\s(?:현판식|발대식|출범식|개소식|개관식|착공식|준공식|개막식|선포식|기념식|협약식|시연회|설명회)$")
# a subtitle after a colon: the words that spell out or describe the name before it
SUBTITLE = re.compile(r"(?<=[가-힣A-Za-z0-9]{2}):\s(?:\S+\s)+\S+$")
# what a scheme costs, after its name: its budget is no program of its own (기찬장터 운영비, 터미널 재구성비용)
COST = re.compile(r"(?<=[가-힣])\s?(?:운영비|보상비|공사비|설계비|용역비|비용|예산)$")
SCHEME_COST = re.compile(r"(사업)비$")
LEADING = re.compile(r"^(?:(?:19|20)\d{2}(?:년도?)?\s?|제?\d{1,3}[회기]\s?|\d+대\s|민선\s?\d{1,2}기\s?|"
                     r"(?:이날|이번|올해|지난해|작년|내년|오는|지난|당일|최근|현재|앞서)\s|이하\s)+")  # 이날 퀴어축제: when;
# (이하 추자 풍력발전 사업): hereafter, the short name a text defines
APPOSITION = re.compile(r"(?:사업|프로젝트|프로그램|캠페인|서비스|제도|플랫폼|축제|행사|교육|정책|브랜드|과정|교실|운동)(?:인|으로|로|을|를|이|은|의)?\s?[‘'“\"]?$")
LAUNCHED_BEFORE = re.compile(r"(?:선보인|첫선을 보인|도입한|시행한|시행 중인|운영하는|운영 중인|운영한|추진하는|추진 중인|추진한|"
                             r"시작한|마련한|출시한|개설한|신설한|펼치는|펼친|내놓은|만든)\s?[‘'“\"]?$")
APPOSITION_AFTER = re.compile(r"[’'”\"]?\s?(?:사업|프로젝트|프로그램|캠페인|서비스|제도|플랫폼|축제|행사|교육|정책|과정|교실|운동)"
                              r"|[’'”\"]?\s?(?:을|를)\s?(?:[\d,]+\s?(?:차례|회|번|건)\s?)?"
                              r"(?:운영|운행|추진|진행|도입|시행|개최|실시|마련|펼치|선보|출시|개설|시작)")
# A service or scheme verb after the name, a word between them or the name its subject (‘…’ 정책을 시행해, ‘…’이
# 운영 중), beyond what APPOSITION_AFTER reads (the verb right after the name's object particle)
# (‘바로소통광주’와 광주시민총회 등을 운영해: an item of a list of what is run)
SERVICE_AFTER = re.compile(r"[’'”\"]?\s?(?:(?:을|를|이|가|은|는)?\s?(?:[^\s.,]+\s)?|"
                           r"(?:와|과|및|,)\s?(?:[^\s.,]+\s){0,3}?[^\s.,]*\s?등(?:을|를|이|가|도)?\s)"
                           r"(?:운행|운영|시행|실시|제공|도입|보급|개통|출시)(?:하|했|해|한|할|되|돼|됐|된|중)")
COUNTER_FIRST = re.compile(r"(?:개소|개|곳|명|건|가구|세대|종|회)(?:당|씩|의)?\s")
RANKING_WORDS = re.compile(r"\d+대\s|^(?:연속|지난해|올해|이번|한)\s")
TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
UNCLOSED_NOTE = re.compile(r"\s*\([^()]*$")
NOUNS = frozenset({"NNG", "NNP", "NNB", "SL", "SN", "XSN", "XPN", "SH", "NR"})
NAMED_AS = re.compile(r"(?:정책|사업|시책|과제|프로그램|서비스)(?:인|으로는|으로|로)\s?(?:[^\s,]+\s?,\s?)?$")
COINED = re.compile(r"([가-힣]{2,})형")  # 광주형 일자리, 나주형 복지모델: a place's own scheme
AWARD_HINT = re.compile(r"\d|상|등급|표창|우수|싹쓸이|휩쓸|관왕|훈장|인증|첫|최초|최대|최고|최다|유일|처음")
LAUNCHED = re.compile(r"출범|개소|개관|설립|신설|문을 열|건립")
# A body of people an article says was set up (1933년 ‘녹화협회’가 설립돼, 범죄수익환수부 신설, 합동수사본부 출범) is an
# organisation still: what a launch makes a program of is a place that serves (‘…센터’ 개소, ‘…관’ 개관); a
# donation drive (‘샤인 기부’) ends in 부 but is no department, and a named council (…회의) stays a candidate, as the
# sets label one a borderline program
BODIES = re.compile(r"(?:(?<!기)부|협회|위원회|재단|본부|추진단|지원단|학회|조합|봉사단|의회|청|처|법인|기업|공단|협의체)$")
BREAKERS = frozenset({"등", "주최", "주관", "후원", "측", "간", "그동안", "당시", "올해", "내년", "지난해", "최근", "향후"})
# ‘2024년 아시아 야간형 축제(…)’로 선정됐다: a quoted title the agency was selected or designated as is a prize it
# received (an award in CLAIMS.md), not a program; a scheme selected in a competition is still one (…사업’에 선정)
DESIGNATED_AS = re.compile(r"[^‘’'\"“”\n]{0,45}?[’'”\"]\s?(?:으로|로)\s?(?:최종\s?)?(?:선정|지정)")
SCHEME_WORDS = re.compile(r"사업|공모|프로젝트|프로그램")
SLOGAN_AFTER = re.compile(r"[’'”\"]?\s?(?:이?라는|(?:으로|로)\s?불리는|이?라고|(?:을|를)?\s?(?:슬로건|비전|구호|캐치프레이즈|기치|모토))")


@dataclass(frozen=True)
class ProgramMention:
    """A program name found in an article body."""

    name: str
    key: str
    start: int
    end: int
    source: str  # quote, bullet, phrase


@lru_cache(maxsize=1)
def _vocab() -> dict[str, frozenset[str]]:
    """Return the word sets of data/programs.csv by kind (head, build, event, org, award, contest, place, …)."""
    groups: dict[str, set[str]] = {}
    for row in read_table("programs.csv"):
        groups.setdefault(row["kind"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in groups.items()}


@lru_cache(maxsize=1)
def _endings() -> dict[str, tuple[str, ...]]:
    """Return, per kind of data/programs.csv, the words a name may end in (for str.endswith)."""
    return {kind: tuple(w for w in words if not w.startswith("^")) for kind, words in _vocab().items()}


@lru_cache(maxsize=1)
def enders() -> tuple[str, ...]:
    """Return the words that may end a program's name (program words, build words, recurring events)."""
    vocab = _vocab()
    return tuple(sorted(vocab["head"] | vocab["build"] | vocab["event"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _award_openings() -> tuple[str, ...]:
    """Return the words data/programs.csv marks (with ^) as opening a prize's name rather than ending it."""
    return tuple(w[1:] for w in _vocab()["award"] if w.startswith("^"))


def clean_name(name: str) -> str:
    """Return a program name without a trailing note in brackets or a leading year or edition
    (‘2025 세종 낙화축제(가칭)’ → ‘세종 낙화축제’)."""
    name = TRAILING_NOTE.sub("", name.strip()).strip(" ‘’'\"“”·,")
    name = UNCLOSED_NOTE.sub("", name)  # 사고위로금(사고당: a note the stretch cut off is no part of the name
    name = re.sub(r"[‘’“”\"]", "", name)
    # ‘…습지보호지역 지정 노력’, ‘… 임대주택 지원 확대’: the project is what the effort or the step is about; so
    # is a milestone it reached (도시철도 2호선 착공, … 도로사업 예타 통과, … 해저터널 개통)
    name = re.sub(r"\s(?:노력|추진|운영|활동|확대|완료|시행|마련|착공|준공|완공|개통|착수|(?:예타\s)?통과)$", "", name)
    name = CEREMONY.sub("", name)  # ‘… 프로젝트 현판식’: the ceremony marks the project
    name = SUBTITLE.sub("", name)  # ‘다행: 다 함께 행복한 마을’: the name is before the colon, what it means after
    name = COST.sub("", SCHEME_COST.sub(r"\1", name))  # ‘… 장터 운영비’, … 건설 보상비: the sum pays for the scheme
    return LEADING.sub("", name).strip() or name


def rejection(name: str, source: str, forms: tuple[str, ...] = ()) -> str | None:
    """Return why a candidate is not a program (organisation, award, contest, place, report, law, slogan, generic,
    notice), or None when it reads as one. forms are the candidate's noun morphemes when known."""
    vocab = _vocab()
    key = program_key(name)
    if len(key) < 3 or len(key) > 32:
        return "length"
    if SENTENCE_END.search(name) or any(c in name for c in "!?…") or CLAUSE_WORDS.search(name + " "):
        return "slogan"
    if re.fullmatch(r"[\d\s.,%~·]+", name):
        return "number"
    if COUNTER_FIRST.match(name):
        return "number"  # 12개 사업 → '개 사업', 곳당 자체 사업: a counter cut from its number opens no name
    last = name.split()[-1]
    endings = _endings()

    def ends(kind: str) -> bool:
        return last.endswith(endings[kind])

    if name.startswith(_award_openings()) or ends("award"):
        return "award"
    if last.endswith(("채용", "모집", "공고", "접수")):
        return "notice"  # 아나운서 채용, 수강생 모집: a call for applicants, not a scheme
    if source != "quote" and last.endswith("지정"):
        return "award"  # 선제대응지역 지정 이후: a designation received; a quoted one (‘…보호구역 지정’) can be a pursuit
    if ends("contest"):
        return "contest"
    if ends("report"):
        return "report"
    if ends("law"):
        return "law"
    def longest(kind: str) -> int:
        return max((len(w) for w in endings[kind] if last.endswith(w)), default=0)

    # an organisation's ending, unless a longer program or event word holds it (바우처 is no 처, 음악회 no 회;
    # 대학교 stays a 학교 of its own)
    if ends("org") and not ends("build") and max(longest("head"), longest("event")) <= longest("org") \
            or ends("corporation"):
        return "organisation"
    if source != "quote" and ends("place") and not ends("build"):
        return "place"
    if source != "quote" and forms and all(f in vocab["generic"] for f in forms):
        return "generic"
    return None


def find_programs(body: str, sentences, agencies: set[str], places: frozenset[str] = frozenset()
                  ) -> list[ProgramMention]:
    """Return program mentions in a body: quoted names, bullet items and noun phrases that end in a program,
    build or event word, each judged by the program model to be a program (places: names of places, which make
    a phrase specific)."""
    model = program_model()
    return _dedupe([c.mention for c in candidates(body, sentences, agencies, places)
                    if not c.excluded and (model.accepts(c.features) or _listed_as_programs(body, c.mention)
                                           or _kept_by_rule(c))])


# ‘A’, ‘B’, ‘C’ 등 … 문화예술 사업: quoted names listed together and then called programs, projects or events
QUOTE_LIST_NEXT = re.compile(r"[’'”]\s?(?:,|·)\s?[‘'“]")
QUOTE_LIST_BEFORE = re.compile(r"[’'”]\s?(?:,|·)\s?[‘'“]$")
LISTED_AS = re.compile(r"[’'”]\s?(?:,\s?[‘'“][^’'”\n]{1,40}[’'”]\s?)*(?:등|등의|등을)?\s?(?:[^\s.]+\s){0,4}?[^\s.]*"
                       r"(?:사업|프로그램|축제|행사|프로젝트|정책|시책)")


def _listed_as_programs(body: str, mention: ProgramMention) -> bool:
    """Return True for a quoted name listed with other quoted names that the sentence then calls programs,
    projects or events (the list reads as programs even when each name alone does not)."""
    if mention.source != "quote":
        return False
    start, end = mention.start, mention.end
    listed = QUOTE_LIST_NEXT.match(body, end) or QUOTE_LIST_BEFORE.search(body, max(0, start - 6), start)
    return bool(listed and LISTED_AS.match(body, end))


def _kept_by_rule(candidate: Candidate) -> bool:
    """Return True for what the tune splits show to be a program more often than the model's threshold, though
    the model, shrinking cues this rare, weighs them below it: a quoted name a launching verb introduces (새로
    도입한 ‘…’, 첫선을 보인 ‘…’: half are labelled programs, twice the rate of all candidates) or that a program word
    or a scheme's verb follows (‘…’ 사업, ‘…’을 13차례 진행: 52 of 70 in the tune halves of sixty sets, and 4 of
    the 10 the model weighed below its threshold), a quoted institution
    the article says was launched (출범한 ‘…센터’, too rare there to be weighed at all) and a place's -형 name
    (광주형 일자리, 부산형 늘봄학교: five of seven), and an event's name with a place's glued into it (화천산천어축제,
    울산옹기축제: seven of seven, where the model weighs one-word festivals down)."""
    x = candidate.features
    if x.get("latin_only"):
        return False
    quoted = candidate.mention.source == "quote"
    return quoted and bool(x.get("launched_before") or x.get("launched_institution") or x.get("program_word_after")) \
        or bool(x.get("coined")) \
        or bool(x.get("brand_event"))


@dataclass(frozen=True)
class Candidate:
    """A stretch of a body that might name a program, with what the program model weighs."""

    mention: ProgramMention
    features: dict[str, float]

    @property
    def excluded(self) -> bool:
        """Return True when PROGRAMS.md rules the candidate out whatever the model says: the vocabulary names it
        an organisation (unless the article launches it), a prize, a contest, a place, a report, a law, a slogan or a
        generic phrase; it states a claim or a ranking; a slogan marker follows the quote; or it is a
        government's name with generic words only (광주시 특화사업); or it reads as a clause, not a name."""
        return _gated(self.features, self.mention.source)


def candidates(body: str, sentences, agencies: set[str], places: frozenset[str] = frozenset()) -> list[Candidate]:
    """Return every stretch that might name a program (quoted names, bullet items, noun phrases that end in a
    program, build or event word), each with its features, before any is judged."""
    # (form, tag, start, end) read once: reading kiwipiepy Token attributes is slow
    tokens = [(t.form, t.tag, t.start, t.start + t.len) for s in sentences for t in s.tokens]
    starts = [t[2] for t in tokens]
    found: list[Candidate] = []
    speech = {(s, e) for s, e, is_speech in quotes(body) if is_speech}
    stretches: list[tuple[int, int, Candidate]] = []
    for pattern in QUOTE_PATTERNS:
        for m in pattern.finditer(body):
            if (m.start(), m.end()) in speech:
                continue
            made = _candidate(body, m.start(1), m.end(1), "quote", agencies, tokens, starts, places)
            stretches += [(m.start(), m.end(), c) for c in made]
            found.extend(made)
    _mark_quoted_lists(body, stretches)
    ending = enders()
    for m in BULLET_ITEM.finditer(body):
        item = m.group(1).strip()
        if item.endswith(ending) or AMOUNT_AFTER.match(body, m.end(1)):
            found.extend(_candidate(body, m.start(1), m.start(1) + len(item), "bullet", agencies, tokens, starts,
                                    places))
    quoted = [(m.start(), m.end()) for p in QUOTE_PATTERNS for m in p.finditer(body)]
    for sent in sentences:
        inside = tokens[bisect_left(starts, sent.start): bisect_left(starts, sent.end)]
        listed = _list_items(body, sent.start, sent.end, inside)
        spans = _phrases(body, inside, ending)
        spans += [span for span in listed if span not in spans]
        spans = [_coined_tail(body, span, agencies, places) for span in spans]
        for start, end in spans:
            if not any(start < e and s < end for s, e in quoted):  # a phrase inside a quote is part of that name
                found.extend(_candidate(body, start, end, "phrase", agencies, tokens, starts, places,
                                        listed.get((start, end), "")))
    return found


QUOTES_JOINED = re.compile(r"\s?(?:,|·|및|와|과)\s?")


def _mark_quoted_lists(body: str, stretches: list[tuple[int, int, Candidate]]) -> None:
    """Mark the quoted names listed together (‘A’, ‘B’, ‘C’ or ‘A’와 ‘B’) of which one ends in a program word
    (‘반짝반짝 우리 동네 사업’, ‘블링블링 마미손’ …): items of one list are of one kind, so the others are weighed
    as its siblings (`listed_with_program`). stretches are (start, end) of each quote with its candidate."""
    stretches = sorted(stretches, key=lambda s: s[0])
    runs: list[list[Candidate]] = []
    last_end = -1
    for start, end, candidate in stretches:
        if runs and QUOTES_JOINED.fullmatch(body, last_end, start):
            runs[-1].append(candidate)
        else:
            runs.append([candidate])
        last_end = end
    for run in runs:
        if len(run) >= 2 and any(c.features.get("ends_program_word") for c in run):
            for c in run:
                if not c.excluded and not c.features.get("ends_program_word"):
                    c.features["listed_with_program"] = 1.0


def _coined_tail(body: str, span: tuple[int, int], agencies: set[str], places: frozenset[str]) -> tuple[int, int]:
    """Return a phrase from its place's -형 word on when other words come before it: a coined name starts there
    (상생형 지역일자리 광주형 일자리 → 광주형 일자리)."""
    start, end = span
    for m in COINED.finditer(body, start, end):
        if m.start() > start and body[m.start() - 1] == " " and (m.group(1) in agencies or m.group(1) in places):
            return m.start(), end
    return span


LIST_SEPARATOR = re.compile(rf",\s?|\s및\s|\s?[{LIST_MARKS}]\s?")  # ▲A ▲B 등: a list mark opens each item
LISTED_TAIL = re.compile(r"\s?등(?:의|을|이|도|은|으로)?\s(?:[^\s.]+\s){0,3}?[^\s.]*"
                         r"(?:정책|시책|사업|과제|프로젝트|공약|활동|추진|시행|도입)")
SUM_AFTER = re.compile(r"\s?\(?(?:국비\s?|총\s?)?\d[\d,.]*\s?(?:조|억|만|천)[\d,.\s조억만천]*여?\s?원")
GLUED = ("SSO", "SSC", "SO", "SW", "SP")
SUM_AT_END = re.compile(r"(?:\s(?:예산|사업비|예산액))?"
                        r"(?:\s?\(?(?:국비\s?|총\s?)?\d[\d,.]*\s?(?:조|억|만|천)[\d,.\s조억만천]*여?\s?원\)?)?$|\s(?:예산|사업비)$")


def _list_items(body: str, start: int, end: int, tokens: list[tuple]) -> dict[tuple[int, int], str]:
    """Return the noun phrases a sentence lists as its items, each with why it reads as a scheme: "sum" when
    each item is followed by an amount of money (a budget's lines: 실증평가 20억 원, 기반 구축 15억 원), "listed"
    when the list ends in 등 and the sentence calls its items policies or projects (A, B 등 다양한 정책)."""
    text = body[start:end]
    if "원" not in text and (" 등" not in text or "," not in text and " 및 " not in text
                              and not any(mark in text for mark in LIST_MARKS)):
        return {}  # no sum, and no list ending in 등: most sentences
    cuts = [0] + [m.end() for m in LIST_SEPARATOR.finditer(text)]
    segments = [(start + a, start + b) for a, b in zip(cuts, cuts[1:] + [len(text)])]
    found: dict[tuple[int, int], str] = {}
    summed = []
    for a, b in segments:
        m = SUM_AFTER.search(body, a, b)
        while m and m.start() > a:
            item = _noun_run_before(body, tokens, a, m.start())
            if item:
                summed.append(item)
            nxt = SUM_AFTER.search(body, m.end(), b)
            a, m = m.end(), nxt
    if len(summed) >= 2:
        found.update({item: "sum" for item in summed})
    tail = None
    for i, (a, b) in enumerate(segments):
        cut = body.find(" 등", a, b)
        if cut > a and LISTED_TAIL.match(body, cut):
            tail = i, cut
            break
    if tail and tail[0] >= 1:
        items = [_noun_run_before(body, tokens, a, b) for a, b in segments[:tail[0]]]
        items.append(_noun_run_before(body, tokens, segments[tail[0]][0], tail[1]))
        for item in items:
            if item and item not in found:
                found[item] = "listed"
    return found


def _noun_run_before(body: str, tokens: list[tuple], start: int, end: int) -> tuple[int, int] | None:
    """Return the run of nouns (with glued brackets and marks) that ends a stretch of the body, or None; a sum
    or a word for a budget at its end is not part of it (… 구축 15억 원, 센터 예산)."""
    kept = body[start:end].rstrip(" ,·" + LIST_MARKS)
    kept = kept[:-2].rstrip() if kept.endswith(" 및") else kept  # A 및 | B: the separator of the last two items
    end = start + len(kept)
    m = SUM_AT_END.search(body, start, end)
    if m:
        end = m.start()
    inside = [t for t in tokens if start <= t[2] and t[3] <= end]
    if not inside or inside[-1][3] != end or inside[-1][1] not in NOUNS:
        return None
    i = len(inside) - 1
    while i > 0:
        prev, cur = inside[i - 1], inside[i]
        glued = prev[3] == cur[2]
        if prev[0] in BREAKERS:
            break
        spaced = body[prev[3]:cur[2]] == " "
        if (prev[1] in NOUNS or prev[1] == "SSC") and (glued or spaced) or glued and prev[1] in GLUED:
            i -= 1
        else:
            break
    while i < len(inside) - 1 and (inside[i][1] in GLUED or inside[i][1] in ("SN", "NR") or inside[i][0] in BREAKERS):
        i += 1
    words = inside[i:]
    if sum(t[1] in NOUNS for t in words) < 2 and words[-1][3] - words[0][2] < 4:
        return None
    return words[0][2], words[-1][3]


def _candidate(body: str, start: int, end: int, source: str, agencies: set[str], tokens: list[tuple],
               starts: list[int], places: frozenset[str], listed: str = "") -> list[Candidate]:
    """Return the candidate a stretch of the body makes, with its features (nothing for an empty name or a
    government's own name)."""
    raw = body[start:end]
    name = clean_name(raw)
    if not name or name in agencies:
        return []
    offset = max(raw.find(name), 0)
    begin, finish = start + offset, start + offset + len(name)
    inside = tokens[bisect_left(starts, begin): bisect_left(starts, finish)]
    mention = ProgramMention(name, program_key(name), begin, finish, source)
    x = features(body, start, end, mention, inside, agencies, places)
    if listed and not _gated(x, source):
        x["list_" + listed] = 1.0
    return [Candidate(mention, x)]


STRONG_HEADS = ("사업", "제도", "수당", "바우처", "지원금", "이용권", "상품권", "카드", "특구", "뉴딜", "복지모델",
                "특례사업", "일자리", "플랫폼", "시스템", "서비스", "프로젝트", "아카데미", "학교")
WEAK_HEADS = ("프로그램", "투어", "콘서트", "이벤트", "캠페인", "교실", "교육", "행사", "할인전", "장터", "챌린지",
              "강좌", "체험")
ACTION_ENDS = ("지원", "개발", "활성화", "실증", "보급", "개선", "강화", "확대", "운영", "추진")


def features(body: str, start: int, end: int, mention: ProgramMention, inside: list[tuple], agencies: set[str],
             places: frozenset[str]) -> dict[str, float]:
    """Return what the program model weighs about a candidate: where it came from (quote, bullet, phrase), what
    its name ends in (its head word itself, `last=…`), why the vocabulary would reject it, the words around it (a
    program word or a launching verb before or after, a slogan marker), what its words are (proper nouns, Latin
    letters only or among others, digits, places, generic words, a particle or a clause's ending that makes it
    read as a sentence) and how often the body repeats it. start and end are the stretch as found, before
    cleaning. A candidate the gate (Candidate.excluded) rules out gets only what the gate reads: the model never
    weighs it."""
    name, source = mention.name, mention.source
    nouns = [t for t in inside if t[1] in NOUNS]
    why = rejection(name, source, tuple(t[0] for t in nouns if t[1] != "XPN"))  # a prefix (초대형's 초) names nothing
    gate = {
        f"source_{source}": 1.0,
        f"rejected_{why}": 1.0,
        "launched_institution": float(why == "organisation" and not BODIES.search(name)
                                      and bool(LAUNCHED.search(body[max(0, start - 40): end + 40]))),
        "ranking_words": float(bool(RANKING_WORDS.search(name))),
        "slogan_after": float(bool(SLOGAN_AFTER.match(body, end))),
        "designated_as": float(_designated_as(body, start, end, name, source)),
        "clause": float(_clause(inside, name, agencies, places)),
        "government_and_generic": float(source == "phrase" and _government_and_generic(nouns, agencies, places)),
    }
    if _gated(gate, source):
        return {k: v for k, v in gate.items() if v}
    gate["states_claim"] = float(_claims_in(name, records=source != "quote"))
    if gate["states_claim"]:
        return {k: v for k, v in gate.items() if v}
    last = name.split()[-1]
    endings = _endings()
    count = body.count(name)
    generic = _vocab()["generic"]
    x = gate | {
        "length": min(len(mention.key), 30) / 10,
        "words": min(len(name.split()), 8) / 4,
        "one_word": float(len(name.split()) == 1),
        "ends_program_word": float(name.endswith(enders())),
        "ends_strong_head": float(last.endswith(STRONG_HEADS)),
        "ends_weak_head": float(last.endswith(WEAK_HEADS)),
        "ends_build": float(last.endswith(endings["build"])),
        "ends_event": float(last.endswith(endings["event"])),
        "ends_action": float(last.endswith(ACTION_ENDS)),
        "coined": float(_coined(name, agencies, places)),
        "launched_before": float(bool(LAUNCHED_BEFORE.search(body[max(0, start - 14): start]))),
        "program_word_before": float(bool(APPOSITION.search(body[max(0, start - 14): start]))),
        "program_word_after": float(bool(APPOSITION_AFTER.match(body, end))),
        "service_after": float(bool(SERVICE_AFTER.match(body, end))),
        "named_as": float(bool(NAMED_AS.search(body[max(0, start - 16): start]))),
        "distinctive": float(_distinctive(name, inside, places, agencies)),
        "count": math.log1p(count),
        "repeated": float(count >= 2),
        "proper_noun": float(any(t[1] == "NNP" for t in nouns)),
        "latin": float(any(t[1] == "SL" for t in nouns)),
        "digits": float(any(t[1] == "SN" for t in nouns)),
        "generic_share": sum(t[0] in generic for t in nouns) / len(nouns) if nouns else 1.0,
        "place_or_government": float(any(t[0] in places or t[0] in agencies for t in nouns)),
        "brand_word": float(_brand_word(name, agencies, places)),
        "brand_event": float(_brand_word(name, agencies, places, endings["event"])),
        "other_owner": float(_other_owner(name)),
        "plant": float(_plant(name)),
    }
    x["rules_accept"] = float(_rules_accept(x, source, len(mention.key), count))
    if nouns:
        x["last=" + nouns[-1][0]] = 1.0  # the head word, weighed one by one: 조성 and 유치 differ from 수당
    tags = [t[1] for t in inside]
    x["particle_inside"] = float(any(t.startswith("J") and t != "JKG" for t in tags))  # a name takes no 는, 을
    x["ending_inside"] = float(any(t in ("EF", "EC") for t in tags))  # a clause's ending; 나눔's -ㅁ makes a noun
    x["latin_only"] = float(not re.search("[가-힣]", name))  # a work's title (Cello Concerto), not a scheme
    return {k: v for k, v in x.items() if v}


def _brand_word(name: str, agencies: set[str], places: frozenset[str], ending: tuple[str, ...] = ()) -> bool:
    """Return True when a place's or government's name is glued into a longer word of the name (광주상생카드,
    화순고인돌축제): a brand, which names one scheme or event; with ending, a word that also ends in one of those
    words (an event's: 울산옹기축제, not 여수시립합창단 송년음악회)."""
    return any(len(word) >= 5 and (not ending or word.endswith(ending))
               and any(word[:n] in agencies or word[:n] in places for n in range(2, min(5, len(word) - 2)))
               for word in re.split(r"[\s·]+", name))


def _other_owner(name: str) -> bool:
    """Return True when a name opens with a central ministry or a public corporation (교육부 공모사업, 한전
    해상풍력사업): that body's project or contest, which the agency at most bids for or hosts."""
    words = name.split()
    return len(words) > 1 and words[0] in _vocab()["owner"]


def _plant(name: str) -> bool:
    """Return True when a name is an industrial plant or the building of one (LNG발전소 건설, 반도체 팹 유치): a
    company's or a utility's project, rarely the agency's own. A scheme about such plants (스마트공장 보급 확산
    사업) or named after one (동네상권발전소 사업) is not one: the plant must end the name or come right before
    its build word."""
    words = name.split()
    plants = _endings()["plant"]
    if words[-1].endswith(plants):
        return True
    return len(words) > 1 and words[-2].endswith(plants) and words[-1].endswith(_endings()["build"])


def _designated_as(body: str, start: int, end: int, name: str, source: str) -> bool:
    """Return True for a name inside a quote that the agency was selected or designated as (DESIGNATED_AS)."""
    if SCHEME_WORDS.search(name) or not DESIGNATED_AS.match(body, end):
        return False
    if source == "quote":
        return True
    line_start = body.rfind("\n", 0, start) + 1
    opened = max(body.rfind(q, line_start, start) for q in "‘“")
    return opened >= 0 and not any(q in body[opened:start] for q in "’”")


def _gated(x: dict[str, float], source: str) -> bool:
    """Return True when PROGRAMS.md rules a candidate out whatever the model says (see Candidate.excluded)."""
    return bool(not (x.get("rejected_None") or x.get("launched_institution")) or x.get("ranking_words")
                or x.get("states_claim") or x.get("slogan_after") and source == "quote" or x.get("designated_as")
                or x.get("government_and_generic") or x.get("clause"))


def _government_and_generic(nouns: list[tuple], agencies: set[str], places: frozenset[str]) -> bool:
    """Return True for a government's or place's name with nothing but generic, program or build words beside
    it, perhaps after a person's name (광주시 특화사업, 광주 건설, 김재식 광주시 도시계획): no particular scheme."""
    vocab = _vocab()
    plain = vocab["generic"] | vocab["head"] | vocab["build"] | vocab["event"] | {"시", "군", "구", "도", "청"}
    first = next((i for i, t in enumerate(nouns) if t[0] in agencies or t[0] in places), None)
    if first is None:
        return False
    if first and nouns[first - 1][3] - nouns[0][2] > 3:
        return False  # only a person's name (three syllables at most) may come before the government's
    if first + 1 < len(nouns) and nouns[first + 1][2] == nouns[first][3] and nouns[first][0] not in ("시", "군", "구", "도"):
        return False  # 광주상생카드: the name glued into one brand word
    return all(t[0] in plain or t[0] in agencies or t[0] in places for t in nouns[first:])


PREDICATES = ("VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA")


def _clause(tokens: list[tuple], name: str, agencies: set[str] | frozenset[str] = frozenset(),
            places: frozenset[str] = frozenset()) -> bool:
    """Return True when a stretch reads as a clause or a sentence rather than a name: it ends a sentence (가자,
    해답이다; not an ending kiwipiepy reads into a coined word, 밥퍼 → 푸+어), names a subject (…, 해남이 해답), or
    strings three predicates together (사라지는 … 높이는 … 될 것). A name may hold one or two (찾아가는 돌봄교실,
    묻고 답하는 …). A subject inside a clause that modifies the last noun makes a name (문화가 있는 날), unless
    that noun is a government or a place (agencies, places): a slogan about it (행복이 넘치는 해남). tokens are
    (form, tag, start, end)."""
    tags = [t[1] for t in tokens]
    predicates = sum(tag.startswith(PREDICATES) for tag in tags)
    ends_sentence = any(t[1] == "EF" and t[0] in ("다", "자", "요", "죠", "네", "라") for t in tokens)
    nouns = [t[0] for t in tokens if t[1] in NOUNS]
    about_a_place = bool(nouns) and (nouns[-1] in places or nouns[-1] in agencies)
    subject = "JKS" in tags if about_a_place else _subject(tags)
    return ends_sentence or subject or predicates >= 3 or ", " in name and predicates >= 1


def _subject(tags: list[str]) -> bool:
    """Return True when a stretch names a subject of its own: a subject particle not inside a clause that
    modifies a noun after it (문화가 있는 날, 수학이 있는 강연 are names; 해남이 해답 is a sentence)."""
    for i, tag in enumerate(tags):
        if tag == "JKS":
            rest = tags[i + 1:]
            modifier = next((j for j, t in enumerate(rest) if t == "ETM"), None)
            if modifier is None or not any(t in NOUNS for t in rest[modifier + 1:]):
                return True
    return False


def _rules_accept(x: dict[str, float], source: str, key_length: int, count: int) -> bool:
    """Return the verdict of the hand-written rules PROGRAMS.md gives for a candidate the gate let through, one
    feature among the others: a quoted name needs a program word or a launching verb beside it, or a place's
    -형; an unquoted one must be distinctive, named as a policy, or a long name the body repeats."""
    if source == "quote":
        return any(x.get(k) for k in ("launched_institution", "ends_program_word", "coined", "launched_before",
                                      "program_word_before", "program_word_after"))
    return bool(x.get("distinctive") or x.get("named_as") or key_length >= 6 and count >= 2)


# The direction each feature may push, from PROGRAMS.md: a program word or a launching verb beside a name, or a
# proper noun in it, can only speak for it; what the vocabulary rejects, a slogan marker or a claim inside can
# only speak against it. Training keeps these signs; the features not named here are free.
FOR = frozenset({"ends_program_word", "ends_strong_head", "ends_build", "ends_event", "coined", "launched_before",
                 "brand_word", "brand_event", "listed_with_program", "program_word_before", "program_word_after",
                 "named_as", "distinctive", "proper_noun", "launched_institution", "rejected_None", "rules_accept",
                 "list_sum", "list_listed"})
AGAINST = frozenset({"rejected_length", "rejected_slogan", "rejected_number", "rejected_award", "rejected_contest",
                     "rejected_report", "rejected_law", "rejected_organisation", "rejected_place", "rejected_generic",
                     "slogan_after", "ranking_words", "states_claim", "particle_inside", "ending_inside",
                     "latin_only", "other_owner", "plant"})


@lru_cache(maxsize=1)
def program_model() -> LogisticModel:
    """Return the program model stored in data/program_model.json (trained by tests/train_programs.py on the tune
    splits of the labelled sets): a candidate is a program when its score reaches the threshold."""
    return stored_model("program_model.json")


def _distinctive(name: str, tokens: list[tuple], places: frozenset[str], agency_forms: frozenset[str]) -> bool:
    """Return True when an unquoted name has something that names one scheme beside its generic words: a proper
    noun, Latin letters or digits (ITS, 0시, 2호선), a place or government (서산공항, 청주산단), a -형 word
    (지능형), or two words that are not generic; a government's name with only generic words (광주시 특화사업)
    names no particular scheme. tokens are (form, tag, start, end)."""
    vocab = _vocab()
    nouns = [t for t in tokens if t[1] in NOUNS]
    named = [t for t in nouns if t[0] in agency_forms or t[0] in places]
    words = re.split(r"[\s·]+", name)
    if any(len(w) >= 5 and any(w.startswith(t[0]) and len(t[0]) >= 2 for t in named) for w in words):
        return True  # 광주상생카드, 세종낙화축제: a place's name glued into one brand word
    if _coined(name, agency_forms, places):
        return True  # 광주형 일자리
    own = [t for t in nouns if t not in named and t[0] not in ("시", "군", "구", "도", "청")]
    plain = vocab["generic"] | vocab["head"] | vocab["build"] | vocab["event"]
    specific = [t for t in own if t[0] not in plain and (t[3] - t[2] >= 2 or t[1] in ("SL", "SN"))]
    if not specific:
        return False
    if named or any(t[1] in ("NNP", "SL", "SN", "SH") or t[3] - t[2] >= 5 for t in specific):
        return True  # a proper noun, or a long compound of its own (수소전기트램)
    if any(w.endswith("형") and len(w) >= 3 and w not in vocab["generic"] for w in words):
        return True
    return len(specific) >= 3


def _coined(name: str, agencies: set[str], places: frozenset[str]) -> bool:
    """Return True for a name built on a place's -형 (광주형일자리, 나주형 복지모델)."""
    return any(m.group(1) in agencies or m.group(1) in places for m in COINED.finditer(name))


def _claims_in(name: str, records: bool = True) -> bool:
    """Return True when a candidate states an award, a rank, an amount of money or (unless quoted: 국가1호 정원
    can be a name) a record (▲광주 역사상 첫 국비 …: a heading, not a program)."""
    if not AWARD_HINT.search(name):
        return False
    from tui.pipeline.claims import find_spans

    kinds = ("award", "money", "rank", "first") if records else ("award", "money", "rank")
    return any(s.kind in kinds or s.unit == "관왕" for s in find_spans(name))


def _phrases(body: str, tokens: list[tuple], ending: tuple[str, ...]) -> list[tuple[int, int]]:
    """Return (start, end) of noun phrases (2–9 words) that end in a program, build or event word; tokens are
    (form, tag, start, end)."""
    out = []
    run: list[tuple[str, str, int, int]] = []
    closes = False  # whether some token of the run closes a program word
    lasts = _last_letters(ending)  # a token that ends in none of these letters closes no program word
    for tok in _glosses_joined(body, tokens) + [None]:
        if tok is not None and (tok[1] in NOUNS or tok[0] == "·" and run or tok[1] == GLOSS and run) and (
                not run or body[run[-1][3]: tok[2]] in ("", " ")):
            closes = closes or body[tok[3] - 1] in lasts and \
                body[run[-1][2] if run else tok[2]: tok[3]].endswith(ending) or \
                tok[0] == "제" and tok[1] == "XSN"  # _system, inline: this loop sees every token
            run.append(tok)
            continue
        if closes:
            out.extend(_phrase_of(body, run, ending))
        run = [tok] if tok is not None and tok[1] in NOUNS else []
        closes = bool(run) and (body[tok[3] - 1] in lasts and body[tok[2]: tok[3]].endswith(ending)
                                or _system(tok))
    return out


GLOSS = "GLOSS"  # the tag of a bracketed gloss joined into one token
GLOSS_TEXT = re.compile(r"\(([^()\n]{1,20})\)")
AMOUNT_NOTE = re.compile(r"\d[\d,.]*\s?(?:[조억만천]?\s?원|%|명|개|곳|건)")


def _glosses_joined(body: str, tokens: list[tuple]) -> list[tuple]:
    """Return tokens with each bracketed gloss glued to the word before it made one token tagged GLOSS: a name
    keeps its spelling in Latin letters or Chinese characters, or a note of what it stands for, inside it
    (팁탑(TipTop) 지원사업, 전기수(傳奇叟) 재현 프로그램, 대학지원체계(RISE, 이하 라이즈) 사업). A note of an
    amount (지원(월 20만 원) 사업) is no gloss: its tokens are left as they are."""
    out: list[tuple] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        m = GLOSS_TEXT.match(body, tok[2]) if tok[0] == "(" and out and out[-1][3] == tok[2] \
            and out[-1][1] in NOUNS else None
        if m and not AMOUNT_NOTE.search(m.group(1)):
            out.append((m.group(0), GLOSS, m.start(), m.end()))
            while i < len(tokens) and tokens[i][2] < m.end():
                i += 1
            continue
        out.append(tok)
        i += 1
    return out


@lru_cache(maxsize=4)
def _last_letters(ending: tuple[str, ...]) -> frozenset[str]:
    """Return the last letters of the words a program's name may end in."""
    return frozenset(word[-1] for word in ending)


def _system(token: tuple) -> bool:
    """Return True for the suffix -제 that makes a noun a system or scheme (고향사랑기부제, 후불제, 포인트제)."""
    return token[1] == "XSN" and token[0] == "제"


def _phrase_of(body: str, run: list[tuple[str, str, int, int]], ending: tuple[str, ...]) -> list[tuple[int, int]]:
    """Return the program-like phrase a run of nouns holds: up to its last program word, after any breaker."""
    cut = 0  # keep the run up to its last token that closes a program word (one word may span two tokens)
    for i in range(len(run) - 1, -1, -1):
        if body[run[max(0, i - 1)][2]: run[i][3]].endswith(ending) or _system(run[i]):
            cut = i + 1
            break
    run = run[:cut]
    for i in range(len(run) - 1, -1, -1):
        if run[i][0] in BREAKERS or run[i][1] == "NNB" and i and run[i - 1][1] == "SN" and \
                run[i][0] in ("월", "일", "년", "회", "기"):
            run = run[i + 1:]  # 현대중공업 등 | 기업유치, 충북도 주최 | …, 내년 3월 | 공모사업
            break
    if len(run) >= 3 and run[0][1] == "NNP" and run[0][3] - run[0][2] == 3 and run[1][1] == "NNP" \
            and not run[0][0].endswith("형"):
        run = run[1:]  # 박신환 | 경기도 일자리: an official's name before the government's (구미형 팁탑 is a coined name)
    first = max(0, len(run) - 9)
    while first < len(run) - 1 and (run[first][1] in ("SN", "NR", "SP") or run[first][0] == "·"
                                    or run[first][3] - run[first][2] == 1 and body[run[first][3]: run[first][3] + 1] == " "):
        first += 1  # 4 …, 여 간 …, 대 핵심 …: the tail of something before, not part of the name
    words = run[first:]
    glued = len(words) == 1 and words[0][3] - words[0][2] >= 5  # 화순고인돌축제: one word that is a whole name
    if sum(t[1] in NOUNS for t in words) >= 2 or glued:
        start, end = words[0][2], words[-1][3]
        while start and body[start - 1].isalnum():
            start -= 1  # a name starts at a word's start (디지털|트윈 기반 …: kiwipiepy read 디지털 apart)
        if "\n" not in body[start:end]:
            return [(start, end)]
    return []


def _dedupe(found: list[ProgramMention]) -> list[ProgramMention]:
    """Drop mentions overlapping an earlier, more reliable one (quotes beat bullets beat phrases)."""
    rank = {"quote": 0, "bullet": 1, "phrase": 2}
    kept: list[ProgramMention] = []
    for m in sorted(found, key=lambda m: (rank[m.source], m.start)):
        if any(m.start < k.end and k.start < m.end for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def near_identical(a: str, b: str) -> bool:
    """Return True for keys one syllable apart (장록습지 / 장륙습지), or whose first words are."""
    if a == b:
        return False
    return _one_edit(a, b) and min(len(a), len(b)) >= 3


def near_identical_names(a: str, b: str) -> bool:
    """Return True when two program names are one syllable apart as a whole or in their first word (4+ chars)."""
    if near_identical(program_key(a), program_key(b)):
        return True
    fa, fb = a.split()[0], b.split()[0]
    return len(fa) >= 4 and len(fb) >= 4 and fa != fb and _one_edit(fa, fb) and len(fa) == len(fb)


def _one_edit(a: str, b: str) -> bool:
    """Return True when a and b differ by exactly one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
