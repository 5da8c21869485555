"""What each claim value is: award, record, rank, funding, outcome, activity, policy or context.

The kind of a value says what it looks like (money, a count …); its class says what role it plays in the
sentence, read from the words around it (data/claim_classes.csv) and the claim's status. Awards, records, ranks,
funding secured and outcomes are achievements.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.claimline import starts_a_change
from tui.models import ACHIEVEMENT_CLASSES, CLASSES, Span
from tui.pipeline.claims import TOPIC_WON
from tui.pipeline.lexicon import read_table
from tui.pipeline.logistic import (
    MultinomialModel,
    letter_grams,
    stored_multinomial,
    word_starts,
)

CLAUSE_END = re.compile(r"(?:했|됐|였|었|았|한다|된다|하며|되며|하고|되고|해|돼|으며|이며|고)\s|[,.;]\s|다\.?$|다\s")


@lru_cache(maxsize=1)
def cues() -> tuple[tuple[str, frozenset[str], str, re.Pattern[str]], ...]:
    """Return the class cues of data/claim_classes.csv: (class, kinds, where, pattern), in file order."""
    rows = []
    for row in read_table("claim_classes.csv"):
        kinds = frozenset(k for k in row["kinds"].split("|") if k)
        rows.append((row["class"], kinds, row["where"], re.compile(row["pattern"])))
    return tuple(rows)


def windows(text: str, start: int, end: int) -> dict[str, str]:
    """Return the stretches a cue may look at: before the value in its clause, after it up to the predicate that
    governs it, the few words on both sides with `#` in the value's place, the clause with `#` in the value's
    place, and the whole sentence."""
    before = text[max(0, start - 40): start]
    cut = max(before.rfind(", "), before.rfind("며 "), before.rfind("고 "))
    near_before = before[cut + 2:] if cut >= 0 else before
    after = text[end: end + 40]
    m = CLAUSE_END.search(after)
    near_after = after[: m.end()] if m else after
    if m and LIST_OPENS.match(after):
        near_after = _list_tail(text, start, end) or near_after
    near = text[max(0, start - 12): start]
    return {"before": near_before, "near": near, "after": near_after, "value": f"{near}#{near_after}",
            "clause": f"{near_before}#{near_after}", "sentence": text}


# A figure listed before others (안전 분야 39건, 보건 분야 24건, 관리 분야 19건이 적발됐다): the items share the predicate
# that governs the last one, so a figure's words after it run on past the items that follow it to that predicate.
LIST_COMMA = r"(?:\([^()]{0,20}\))?(?:을|를|이|가|은|는|씩|와|과|도)?,\s"  # not 으로, (a result, then a comparison)
LIST_ITEM = re.compile(r"[^\s,.\d()으로]{0,2}" + LIST_COMMA + r"(?:[^\s,.\d]+\s){0,3}?[^\s,.\d]*\d[\d,.]*(?:\s?[만억조천]\s?[\d,.]*)*")
LIST_OPENS = re.compile(LIST_COMMA)
UNIT_TAIL = re.compile(r"[^\d\s]+$")


def _list_tail(text: str, start: int, end: int) -> str:
    """Return what follows the last figure of a list that a figure opens, up to the predicate that governs it, or
    nothing when no figure follows."""
    position, items = end, 0
    unit = UNIT_TAIL.search(text[start:end])
    while items < 8 and (m := LIST_ITEM.match(text, position)):
        position, items = m.end(), items + 1
    if not items:
        return ""
    if unit and text.startswith(unit.group(0), position):
        position += len(unit.group(0))  # the last figure's unit, as the figure's own words after it leave it out
    after = text[position: position + 40]
    m = CLAUSE_END.search(after)
    return after[: m.end()] if m else after


# A place's people named by their number (42만 구민 한 사람 한 사람의, 150만 시민과 함께, 100만 도민의 뜻, 42만 구민 모두가):
# an epithet, not a count of anyone reached, joined, served or moved
RESIDENTS_EPITHET = re.compile(r"\s?(?:시민|구민|군민|도민|주민|국민)(?:의\s|과\s|와\s|\s모두|\s한\s?사람|\s여러분|\s전체)")


def residents_epithet(span: Span, text: str, offset: int) -> bool:
    """Return True when a count names a place's people by their number (150만 시민과 함께): an epithet, standing as
    long as the place does."""
    return span.kind == "count" and bool(RESIDENTS_EPITHET.match(text, span.end - offset))


def class_of(span: Span, text: str, offset: int, status: str, article: str = "") -> str:
    """Return the class of one span in its sentence (offsets of the span are offset + index into text); article
    is the article's title and lead, which say what the whole article is about (a funding round-up …)."""
    start, end = span.start - offset, span.end - offset
    if span.kind in ("count", "money", "percent", "score") and starts_a_change(text, end, span.unit):
        return "context"  # 500만원에서 800만원으로: where the change started is its background
    if span.kind == "rank" and _listed_holder_not_government(text, end):
        return "context"  # 1위는 흑돼지, 2위는 감귤 … 순으로: a ranking of things, not of the agency
    if span.kind in ("rank", "first") and _ranked_other(text, start, end):
        return "context"  # 한준호 후보가 1위를 했다, 서울대(38위), 병원이 세계 최초다: someone else's place or record
    if span.kind == "award" and LOWEST_GRADE.match(span.text):
        return "context"  # 최하위 등급을 받았다: a grade received, but no achievement
    if residents_epithet(span, text, offset):
        return "context"  # 42만 구민 한 사람 한 사람의, 150만 시민과 함께: the people of a place named by their number, in
        # a pledge as anywhere, are the scene (a population that moved, 인구 40만명 돌파, is an outcome)
    if span.kind == "award" and SCHEME_SELECTION.search(span.text) and AMOUNT.search(_clause(text, start, end)):
        return "funding"  # 공모에 선정돼 국비 120억원을 확보, 대상지로 선정돼 100억원을 지원받는다, ‘…지원사업’에 선정돼
        # 국비 33억원을 확보: a selection to a scheme with the money it brings (CLAIMS.md)
    around = windows(text, start, end)
    around["status"] = status
    around["article"] = article
    unacted = False
    for cls, kinds, where, pattern in cues():
        if kinds and span.kind not in kinds:
            continue
        if where in ("status", "unit"):
            found = bool(pattern.fullmatch((status if where == "status" else span.unit) or ""))
        else:
            found = bool(pattern.search(around[where]))
        if found:
            if cls == "outcome" and _background(text, start, end, around):
                return "context"
            if cls == "policy" and span.kind == "count" and _harm_counted(text, start, end):
                return "context"  # 창원 확진자 26명 … 감염경로는 조사중이다: cases counted, not a plan's figure
            if cls == "award" and span.kind == "award" and _won_by_another(text, end):
                return "context"
            if cls == "award" and span.kind == "count" and span.unit in WINNERS and not OUTSIDE_PRIZE.search(text) \
                    and not REACHED.match(around["after"]):
                return "activity"  # 초등학생 8명이 수상했다, 6개 팀이 수상, 16개사가 선정됐다: the winners of a prize
                # or a selection the agency runs are counted, not a prize the agency won
            if where == "status" and cls == "policy" and EXPECTED_EFFECT.match(around["after"]) and \
                    "목표" not in around["after"]:  # …일자리 창출 목표를 추진: a target set, a plan's figure
                return "outcome"  # 일자리가 200개 이상 생겨날 전망이다: a result expected (CLAIMS.md), not a plan's figure
            if cls == "funding" and DONATION.search(around[where]) and OTHER_RECIPIENT.search(text):
                return "context"  # 건물을 충남대에 기부했다, 성금을 공동모금회에 전달했다: a gift to another body, not money
                # the agency secured
            if cls == "policy" and span.kind == "money" and INVESTOR_BEFORE.search(text[max(0, start - 40): start]):
                return "funding"  # 반딧불이에너지는 5조7000억원을 투자해: a company's money brought to the area
            if where == "status" and cls == "policy" and not ACTOR_OR_SCHEME.search(text) and \
                    not ACTOR_OR_SCHEME.search(article):
                unacted = True  # 차량 4대가 부딪혀 있고 … 통제 중입니다: under way, but no government or scheme acts in
                continue  # it; a later cue may still read a plan's figure (매월 10만원을 지급할 계획이다)
            if unacted and cls in ACHIEVEMENT_CLASSES:
                return "context"  # no result of a plan or of what is under way
            return cls
    return "context"


LOWEST_GRADE = re.compile(r"최하위|최하|최저")
# units that count winners (people, teams, companies, farms), and what names a prize given from outside the agency
# (a ministry's or a national contest's), whose winners from the agency's schools or staff are its achievement
WINNERS = frozenset({"명", "팀", "개팀", "개사", "농가", "가구"})
OUTSIDE_PRIZE = re.compile(r"장관|대통령|총리|전국|대한민국|국제|세계|대회|경진|올림피아드|부문")
REACHED = re.compile(r"\s?(?:을|를)\s?(?:기록|달성|돌파|넘어)")  # 방문객 127만명을 기록했으며: a figure reached, not winners
AMOUNT = re.compile(r"\d\s?(?:[조억만천]\s?)?(?:원|달러)")
# a selection to a scheme or a 공모, or the site chosen for one (…지원사업’에 최종 선정, 공모에 선정, 사업 대상지), the
# government selected named before the verb as data/claim_words.csv's selection rows allow (…사업’에 순천시가 최종 선정)
SCHEME_SELECTION = re.compile(r"^공모|대상지$|(?:사업|공모)[^가-힣]*(?:\([^()]*\))?[^가-힣]*(?:\s?대상\s?(?:지자체|기관|지역))?"
                              r"\s?(?:에|으로|로|에서)?도?\s?(?:[가-힣]{1,10}(?:시|군|구|도|교육청)(?:가|이)\s)?"
                              r"(?:최종|잇따라|\d+\s?(?:년|회)\s?연속)?\s?선정$")


# A place in a ranking, or a record, held by another party: a person, a university, an airport, a company, a
# product or a foreign city, named as the subject of the clause that states the place, beside the place in
# brackets, or as who holds it (1위를 기록한 판사는). A government, a place or one of its figures (청렴도는 … 2위)
# stays the agency's rank.
FIRMS = "기업|그룹|은행|회사"  # a company by what it is called: another party's rank, and money it brings to the area
OTHER_HOLDER = (r"(?:씨|후보자?|판사|검사|변호사|선수|감독|작가|교수|배우|가수|대학교?|(?<=[가-힣])대|공항|병원|"
                rf"{FIRMS}|업체|구단|호텔|곡|노래|앨범|음반|영화|드라마|메뉴|제품|상품|코인|"
                r"\((?:중국|일본|미국|영국|프랑스|독일|캐나다|호주|싱가포르|대만|홍콩|인도|러시아)\))")
HOLDER_BEFORE = re.compile(OTHER_HOLDER + r"(?:은|는|이|가)\s(?:[^\s,.]+\s){0,6}?[^\s,.]*$")
HOLDER_BRACKET = re.compile(OTHER_HOLDER + r"\((?:[^()]{0,12}[,·]\s?)?$")
HOLDER_AFTER = re.compile(r"(?:를|을|에)?\s?(?:기록|차지)한\s(?:[가-힣A-Za-z]+\s){0,2}?[가-힣A-Za-z]*" + OTHER_HOLDER
                          + r"(?:은|는|이|가|로|의)?(?=[\s,.])")


# What a planned value is expected to bring about: savings, jobs created, production induced.
EXPECTED_EFFECT = re.compile(r"[^.]{0,24}?(?:절감|아낄|아끼|생겨|생길|창출|유발)")


# A gift named with its recipient, when the recipient is another body (a university, a hospital, a community chest,
# a memorial foundation, a church): the agency's own foundations (보성군장학재단에 기탁) stay its funding.
DONATION = re.compile(r"기탁|후원|기부|성금|모금")
OTHER_RECIPIENT = re.compile(r"(?:대학교?|(?<![세시연지])(?<=[가-힣]{2})대|캠퍼스|병원|모금회|기념재단|교회|성당|사찰|동창회)"
                             r"\s?(?:에|에게|측에)\s")


# Money a company spends (its subject is a firm: 하나은행은 1000억원을 출자한다, 리턴 측이 … 30여억원을 투자하게 된다) is
# investment brought to the area, so funding secured, where the same words with the agency as subject are its policy.
INVESTOR_BEFORE = re.compile(rf"(?:(?:㈜|\(주\))\s?[가-힣A-Za-z]{{0,12}}|(?<![가-힣A-Za-z])[A-Z]{{2,}}[가-힣]{{0,6}}|{FIRMS}|건설|전자|에너지|이엔씨|홀딩스|\s측|"
                             r"산업|화학|제철|중공업|물산|증권|생명|보험|통신|자동차)"
                             r"(?:은|는|이|가|에서)\s(?:[^\s,.]+\s){0,6}?[^\s,.]*$")


# A place as the topic of a ranking list, its holder named after it (1위는 흑돼지, 2위는 감귤, 3위는 커피 순으로):
# unless the holder is a government (1위는 중구, …), the list ranks things, people or others, not the agency.
RANK_TOPIC = re.compile(r"(?:는|은)\s[‘'“\"]?([가-힣A-Za-z·]+)")
RANK_LIST = re.compile(r"\d+위(?:는|은)\s|순(?:으로|이었|이다|이며|였)")


# where one clause of a sentence ends and the next begins: a past connective (선정됐고, 확보했고), 이며/으며
CLAUSE_BREAK = re.compile(r"(?:[됐했였었았]고|이며|으며)\s")


def _clause(text: str, start: int, end: int) -> str:
    """Return the clause of the sentence that holds the span (양3동은 …사업에 선정됐고 | 금호1동은 … 100억원을 받는다)."""
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = CLAUSE_BREAK.search(text, end)
    return text[left:right.start() if right else len(text)]


def _listed_holder_not_government(text: str, end: int) -> bool:
    """Return True when a rank is the topic of a ranking list and the holder named after it is no government."""
    m = RANK_TOPIC.match(text, end)
    if m is None or len(RANK_LIST.findall(text)) < 2:
        return False
    return not GOVERNMENT_BODY.search(m.group(1))  # as a prize's winner is read (_won_by_another)


def _ranked_other(text: str, start: int, end: int) -> bool:
    """Return True when a rank or a record is held by another party (OTHER_HOLDER) than a government or its figures."""
    before = text[max(0, start - 40): start]
    return bool(HOLDER_BEFORE.search(before) or HOLDER_BRACKET.search(before) or HOLDER_AFTER.match(text, end))


# A prize as the topic of the sentence that names who won it (claims.TOPIC_WON: 최우수상은 … 이 원장에게
# 돌아갔다): the agency's only when the winner is a body of government (… 소방본부가 차지했다), not a person, a school
# or a firm.
GOVERNMENT_BODY = re.compile(r"(?:본부|시청|군청|구청|도청|교육청|교육지원청|소방서|보건소|시|군|구|도|청|처|부)$")


def _won_by_another(text: str, end: int) -> bool:
    """Return True when a prize is the topic of a sentence whose winner is not a body of government."""
    m = TOPIC_WON.match(text, end)
    if m is None:
        return False
    winner = re.sub(r"[’'”」)\]]+$", "", m.group(1).strip())
    return not GOVERNMENT_BODY.search(winner)


# What reads as a result but is background: an earlier year's figure in a series of yearly figures (the last one
# is what the sentence reports), a share a figure holds now (차지하는, 차지한다: a standing state, not a result of
# the period), and how many an evaluator or organiser picked (N곳을 선정했다: the field, not the agency's result).
YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})년\s?(?:\d{1,2}월\s?)?(?:말\s?|기준\s?)?$")
YEAR_VALUE = re.compile(r"((?:19|20)\d{2})년\s?(?:\d{1,2}월\s?)?(?:말\s?|기준\s?)?(?=\d)")
SHARE_NOW = re.compile(r"^\s?(?:\([^()]{0,20}\))?\)?\s?(?:을|를|이|가)?\s?차지(?:하는|한다|하고|할|하며)")
PICKED = re.compile(r"^\s?(?:의|이|가)?\s?[^.,\n]{0,20}?(?:을|를)\s?(?:[^\s.,]+\s){0,3}?선정(?:했|하였|한다|해)")


# A breakdown: one of several figures the sentence lists in order (서울은 15만 원, 세종 14만 원 … 등의 순으로;
# 20~40㎡(25.5%), 60~85㎡(23.9%) 등의 순으로) describes how something is spread, not what the agency achieved.
# Only a list whose figures are not visitors (관광지별로는 A가 61만 명, B 39만 명 … 순으로: each site's visitors are
# outcomes).
ORDERED_AFTER = re.compile(r"(?:[^.\n]|\.(?=\d)){0,80}?(?:등의|등)?\s?순(?:으로|이었|이다|이며|였|이고)")
CLAUSE_VERB = re.compile(r"(?:했|됐|였|었|았)다|(?:하|되)며\s")
VISITORS = re.compile(r"관광객|관광지|방문객|관람객|이용객|입장객|찾은|찾았|방문")
# A share of the people who answered a survey (응답자의 86%가 …라고 답했다), unless the sentence reads it as the
# effect of the agency's work (만족, 도움, 효과, 개선 …).
ANSWERED = re.compile(r"응답|답했|답한|꼽았|꼽은")
EFFECT = re.compile(r"만족|도움|효과|개선|향상|성과|좋아|늘었|줄었|감소|증가")


def _breakdown(text: str, end: int, around: dict[str, str]) -> bool:
    """Return True when a value is one of an ordered breakdown's figures or a survey's share of answers."""
    m = ORDERED_AFTER.match(text, end)
    if m and not CLAUSE_VERB.search(m.group(0)) and not VISITORS.search(around["sentence"]):
        return True
    return bool(ANSWERED.search(around["sentence"]) and not EFFECT.search(around["sentence"]))


# Harm counted (확진자 수는 전날보다 59명 늘어, 원생 7명이 추가 확진, 사망자 23명): cases, deaths, injuries and the
# missing are what befell a place, not what its government achieved, unless the sentence says they fell.
HARM = re.compile(r"확진|사망|숨지|숨진|숨졌|감염자|감염돼|감염된|집단감염|부상|다쳐|다친|실종|사상자|중상|중태|의심환자|격리|"
                  r"양성\s?(?:판정|반응)|확정\s?판정")
HARM_FELL = re.compile(r"감소|줄었|줄어|줄인|줄였|낮아|낮췄|제로|무사고|예방")


def _harm_counted(text: str, start: int, end: int) -> bool:
    """Return True when a value counts harm done (HARM within 20 characters) in a sentence that does not say it
    fell."""
    return bool(HARM.search(text[max(0, start - 20): end + 20])) and not HARM_FELL.search(text)


# A market's or a poll's figures (집값, 전세 가격, 보험료, 물가, 지수, 지지율) describe the market or the voters, not
# what a government achieved, unless the sentence names a government acting or a scheme (시는 …, 사업, 지원, 통해 …).
MARKET = re.compile(r"상승률|가격|지지율|지지를|보험료|물가|아파트|매매|전세|월세|집값|분양|지수")
# (a word that only ends like a government's is none: 인구는, 가구가, 정도는, 신청이; a headline's 서울시, is one)
ACTOR_OR_SCHEME = re.compile(r"(?:시|군|구|도|청|센터|공사|공단|재단)"
                             r"(?<!인구)(?<!가구)(?<!연구)(?<!요구)(?<!친구)(?<!정도)(?<!제도)(?<!속도)(?<!온도)(?<!한도)"
                             r"(?<!신청)(?<!요청)(?<!당시)(?<!동시)(?:는|은|가|이|에서는|에서|,)\s|"
                             r"사업|정책|지원|추진|운영|통해|덕분|효과|성과|결과|달성|돌파|유치|확보|개선|향상")


# A population's statistics (고용률은, 인구, 가구 수, 확진자, 음주율): what a place's people are or do, counted by a
# survey or a register, not what its government achieved, unless the sentence names a government acting or a scheme
STATISTIC = re.compile(r"(?:고용|실업|출산|출생|사망|음주|흡연|사용|생존|참여|참가|투표|득표|저수|휴진|감염|가동)(?:률|율)|"
                       r"인구|가구|확진|여론조사|응답자")
# … unless placed among others (전국 2위, 도 평균보다 낮았다, 전국 최고치: a place's standing, which its news reports
# as its own) or told beside prizes, investment or tourism (인구증가 유공 표창 … 98건의 수상실적)
RANKED = re.compile(r"\d+위|평균보다|평균\s?대비|최고|최대|최저|가장|수상|표창|선정|실적|유치|확보|숙박|여행|관광")


def _market_figure(text: str) -> bool:
    """Return True when a sentence gives a market's, a poll's or a population's figures with no government acting
    in it (and no visitors, whom a place draws)."""
    if not MARKET.search(text) and not (STATISTIC.search(text) and not RANKED.search(text)):
        return False
    return not ACTOR_OR_SCHEME.search(text) and not VISITORS.search(text)


def _background(text: str, start: int, end: int, around: dict[str, str]) -> bool:
    """Return True when a value the cues read as an outcome is background (see YEAR_BEFORE … HARM)."""
    after = text[end: end + 60]
    if SHARE_NOW.match(after) or PICKED.match(after) or _breakdown(text, end, around):
        return True
    if _harm_counted(text, start, end) or _market_figure(text):
        return True
    year = YEAR_BEFORE.search(text[max(0, start - 16): start])
    if year is None:
        return False
    years = [int(y) for y in YEAR_VALUE.findall(around["sentence"])]
    return len(years) >= 2 and int(year.group(1)) < max(years)


# The class model (data/class_model.json, trained by tests/train_classes.py on the tune splits of the labelled
# sets) reads each value again after the rules: a multinomial logistic model whose features are the rules' class
# and the words around the value (class_features). The rules name the cases; the model weighs, from what readers
# labelled, how far the words around a value bear the rules out.
CLASS_MODEL = "class_model.json"
WIDTH = 14  # characters on each side of a value whose letter pairs and triples are features
THEME = 300  # characters of the article's title, deck and lead whose words are features


@lru_cache(maxsize=1)
def class_model() -> tuple[MultinomialModel, dict[str, frozenset[str]], float] | None:
    """Return the class model, the classes allowed for each kind (those readers gave values of that kind) and the
    margin by which a class must outscore the rules' to replace it, or None when no model is stored."""
    stored = stored_multinomial(CLASS_MODEL)
    if stored is None:
        return None
    model, data = stored
    return model, {kind: frozenset(classes) for kind, classes in data["allowed"].items()}, float(data["margin"])


def class_features(span: Span, text: str, start: int, end: int, status: str, article: str, zone: str,
                   rule: str) -> list[str]:
    """Return the names of the class model's features of a value at text[start:end]: its kind, unit, status and
    zone, the rules' class, the letter pairs and triples and the words just before and after it, and the first
    two letters of each word of its sentence and of the article's opening."""
    kind = span.kind
    out = [f"k={kind}", f"r={rule}", f"kr={kind}|{rule}", f"s={status}", f"rs={rule}|{status}", f"z={zone}",
           f"u={span.unit}"]
    before, after = text[max(0, start - WIDTH): start], text[end: end + WIDTH]
    out += letter_grams(before, "b") + letter_grams(after, "a")
    out += [f"bw:{w}" for w in text[max(0, start - 30): start].split()[-2:]]
    out += [f"aw{i}:{w}" for i, w in enumerate(text[end: end + 30].split()[:2])]
    return [*dict.fromkeys(out), *word_starts(text, "w"), *word_starts(article[:THEME], "t")]


def refine(span: Span, text: str, offset: int, status: str, article: str, zone: str, rule: str) -> str:
    """Return a value's class as the class model reads it, given the rules' class (the rules' class when no model
    is stored)."""
    stored = class_model()
    if stored is None:
        return rule
    model, allowed, margin = stored
    features = class_features(span, text, span.start - offset, span.end - offset, status, article, zone, rule)
    return model.best(features, allowed.get(span.kind, frozenset()) | {rule}, rule, margin)


def classes_of(spans, text: str, offset: int, status: str, article: str = "", zone: str = "body") -> list[str]:
    """Return the class of each span of one sentence (class_of, then refine), with a share or a change of a sum
    taking the sum's class: 1조591억원(35.2%), 623억 원(9.35%) 증가한, 전년 대비 11.13% 증가한 6,350억 원: the
    percent says how much of the sum, or by how much it changed, so it is a budget's figure where the sum is, or
    the money secured."""
    classes = [refine(span, text, offset, status, article, zone, class_of(span, text, offset, status, article))
               for span in spans]
    for i, span in enumerate(spans):
        if span.kind != "percent":
            continue
        if i and spans[i - 1].kind == "money" and \
                SHARE_OPENS.fullmatch(text[spans[i - 1].end - offset: span.start - offset]):
            classes[i] = classes[i - 1]
        elif i + 1 < len(spans) and spans[i + 1].kind == "money" and \
                CHANGED_TO.fullmatch(text[span.end - offset: spans[i + 1].start - offset]):
            classes[i] = classes[i + 1]
    return classes


SHARE_OPENS = re.compile(r"\s?\(\s?(?:약\s?|전체의\s?)?")
CHANGED_TO = re.compile(r"\)?\s?(?:증가|감소|증액|감액|늘어난|줄어든|늘린|줄인)(?:한|된)?\s(?:[가-힣]{1,4}\s)?")


def claim_class(spans) -> str:
    """Return a claim's class: its most telling value's (achievements first, in the order of CLASSES)."""
    order = {c: i for i, c in enumerate(CLASSES)}
    classes = [s.cls for s in spans if s.cls]
    return min(classes, key=order.__getitem__) if classes else "context"


def is_achievement(cls: str | None) -> bool:
    """Return True for the classes that are achievements (award, record, rank, funding, outcome)."""
    return cls in ACHIEVEMENT_CLASSES
