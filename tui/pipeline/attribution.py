"""Which agency and which elected term an article (and each sentence) is about, with the evidence in words."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from tui.models import Flag
from tui.pipeline.gazetteer import Gazetteer, Mention
from tui.pipeline.lexicon import read_table
from tui.pipeline.logistic import LogisticModel, stored_model

SUBJECT = ("은", "는", "이", "가", "에서는", "께서는")
RELATIVE = re.compile(r"[가-힣]*(?:한|하는|된|되는|던|할)\s")  # 전라남도가 주관한 평가: the subject of a modifier
# a sentence that reports what someone else did: '…받았다고 밝혔다', '…선정됐다고 전했다'
REPORTED = re.compile(r"(?:다|라)고\s(?:\S+\s){0,2}?(?:밝혔|전했|발표했|설명했|알렸)|(?:을|를)\s(?:\S+\s)?발표했")
MINSEON = re.compile(r"민선\s*((?:\d{1,2}\s*[·ㆍ,~∼\-]\s*)*\d{1,2})\s*기")  # 민선 7기, 민선 4·5기
SUBJECT_AFTER_ASIDE = re.compile(r"\([^()]{1,30}\)(?:은|는|이|가|에서는)\s")  # 고흥군(군수 공영민)은
ANAPHORA = re.compile(r"^(?:또한?\s|특히\s|이에\s|아울러\s)?(시|구|군|도)(?:는|가|에서는)\s")


@dataclass
class Zone:
    """A part of the article with a weight for the evidence found in it."""

    name: str
    text: str
    weight: float
    offset: int = -1  # offset of the zone in the body, or -1 for title/deck


@dataclass
class Attribution:
    """The agencies an article is about (main first) and each sentence's own agency."""

    agency: str | None
    agencies: list[str]
    sentence_agency: list[str | None]
    flags: list[Flag] = field(default_factory=list)
    head_mentions: list[tuple[Mention, str]] = field(default_factory=list)  # (mention, resolved agency)
    # what the ownership model weighed about the leading government, when it was asked (an article no publisher
    # gives to a government)
    ownership: dict[str, float] | None = None


@dataclass
class Evidence:
    """What attribute() saw of each government as it read the mentions: where it was named and how."""

    lead_subject: str | None = None
    titled: set[str] = field(default_factory=set)
    opens: set[str] = field(default_factory=set)
    announced: set[str] = field(default_factory=set)
    subject_names: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    names: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    places: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def note(self, agency: str, kind: str, zone: str, subject: bool, opens: bool, announces: bool) -> None:
        """Record one resolved mention."""
        if zone == "title":
            self.titled.add(agency)
        if opens:
            self.opens.add(agency)
        if announces:
            self.announced.add(agency)
        if kind == "agency":
            self.names[agency] += 1
            if subject:
                self.subject_names[agency] += 1
        else:
            self.places[agency] += 1


def _context(gaz: Gazetteer, mentions: list[Mention], extra_regions: list[str]) -> dict[str, float]:
    """Return evidence per metropolitan government from unambiguous mentions, places, heads and regions."""
    metro: dict[str, float] = defaultdict(float)
    for region in extra_regions:
        if region in gaz.agencies:
            metro[_metro_of(gaz, region)] += 1.0
    for m in mentions:
        parents = {_metro_of(gaz, c) for c in m.candidates}
        if len(parents) == 1:
            metro[parents.pop()] += 1.0 if m.kind == "agency" else 0.5
    return metro


def _metro_of(gaz: Gazetteer, full_name: str) -> str:
    """Return the metropolitan government of an agency (itself for a 광역)."""
    agency = gaz.agencies.get(full_name)
    if agency is None:
        return full_name
    return agency.parent or agency.full_name


def _resolve(gaz: Gazetteer, mention: Mention, metro: dict[str, float], previous: Mention | None,
             text: str) -> str | None:
    """Return the one agency a mention means in this context, or None when it stays ambiguous."""
    candidates = list(mention.candidates)
    if previous is not None and text[previous.end: mention.start].strip() == "" and previous.kind == "agency":
        inside = [c for c in candidates if gaz.agencies[c].parent in previous.candidates]
        if len(inside) == 1:
            return inside[0]  # 광주 서구, 광주광역시 광산구
    if len(candidates) == 1:
        return candidates[0]
    scored = sorted(((metro.get(_metro_of(gaz, c), 0.0), c) for c in candidates), reverse=True)
    if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        return scored[0][1]
    return None


def attribute(gaz: Gazetteer, zones: list[Zone], sentences: list[tuple[int, int]], body: str,
              regions: list[str], source_agency: str | None, publisher_known: bool = False) -> Attribution:
    """Return the article's agencies from weighted mentions, and the agency each sentence names. An article in which
    no government acts and none is named much gets none, unless its publisher is known (source_agency, or a school
    whose office of education publisher_known says the caller will give it)."""
    zone_mentions = [(zone, gaz.mentions(zone.text)) for zone in zones]
    all_mentions = [m for _, ms in zone_mentions for m in ms]
    metro = _context(gaz, all_mentions, regions + ([source_agency] if source_agency else []))
    scores: dict[str, float] = defaultdict(float)
    resolved_by_offset: dict[int, str] = {}
    ambiguous: set[str] = set()
    heads: list[tuple[Mention, str]] = []
    lead_subject_taken = False
    seen = Evidence()
    acted: set[str] = set()  # the governments that act somewhere: a subject, the news's source, a head named
    for zone, mentions in zone_mentions:
        resolved = []
        previous = None
        for i, m in enumerate(mentions):
            resolved.append(_beside_head(mentions, i, zone.text) or _resolve(gaz, m, metro, previous, zone.text))
            previous = m
        for i, (m, agency) in enumerate(zip(mentions, resolved)):
            if agency is None:
                if m.kind == "agency":
                    ambiguous.add(m.surface)
                continue
            nxt = resolved[i + 1] if i + 1 < len(mentions) else None
            if (nxt is not None and zone.text[m.end: mentions[i + 1].start].strip() == ""
                    and gaz.agencies[nxt].parent in m.candidates):
                continue  # "광주 서구": the city is part of the district's name here, not a second agency
            subject = _is_subject(m, zone.text) or _conjoined_subject(mentions, i, zone.text)
            weight = zone.weight * (1.5 if subject else 1.0)
            if _in_brackets(zone.text, m.start):
                weight *= 0.3  # (강원도지사), (행정안전부장관): who gave an award, an aside
            opens = zone.name == "title" and _opens_headline_clause(zone.text, mentions, i) and \
                zone.text[m.end: m.end + 1] in ",·"
            if opens:
                weight *= 2.0  # "광양시, …", "… 아직인데… 서초구, …": a headline clause that opens with a name is about it
            if zone.name == "lead" and m.kind == "agency" and subject and not lead_subject_taken:
                lead_subject_taken = True
                seen.lead_subject = agency
                weight += 3.0  # the lead's first subject is the article's actor ("증평군이 … 수상했다")
            announces = m.kind == "agency" and zone.name in ("lead", "body") and _announces(zone.text, m, subject)
            seen.note(agency, m.kind, zone.name, subject, opens, announces)
            if announces:
                weight += ANNOUNCER  # 인천시에 따르면, 대전시는 … 개관했다고 밝혔다: who tells the news acts in it
            if m.kind == "agency" and (subject or opens or announces):
                acted.add(agency)
            elif m.kind in ("agency", "locale", "place") and (_own_body_acts(zone.text, m.end)
                                                           or UNIT_ACTS.match(zone.text, m.end)
                                                           or m.kind in ("place", "locale") and subject
                                                           or m.kind == "locale" and m.followed_by in CITY_SUBJECT):
                acted.add(agency)  # 충남도의회가, 안동시 직원들이, 무안군 청계면 지역사회보장협의체는, 군동면은,
                # 광주시립도서관(무등, 사직, 산수)은: the government's own body, unit, town, facility or staff act
            if m.kind == "agency":
                scores[agency] += weight
                if zone.offset >= 0:
                    resolved_by_offset[zone.offset + m.start] = agency
            elif m.kind == "head":
                acted.add(agency)
                scores[agency] += 2.0
                heads.append((m, agency))
            elif m.kind == "school":
                scores[agency] += weight  # a school's news is its office of education's news
                if subject or opens:
                    acted.add(agency)  # 광주 새별초, … ‘대상’: a school acts for its office
            elif m.kind == "locale":
                scores[agency] += 0.4 * weight  # 순천만국가정원, 목포시학교밖청소년지원센터: a place, not the actor
            else:
                scores[agency] += 0.5 * weight  # a 읍면동 of the agency
    if source_agency:
        # a release is its publisher's news even when it names another place more often (관광객 from 부산), unless
        # what it names most is one of the publisher's own districts (a province's release about its county)
        scores[source_agency] += 5.0
        leader = max(scores, key=scores.get)
        if leader != source_agency and gaz.agencies[leader].parent != source_agency:
            scores[source_agency] = scores[leader] + 0.5
    if not source_agency:  # a release's publisher is known: it is the publisher's news
        _schools_to_their_office(gaz, scores, zones)
    ranked = sorted(((s, a) for a, s in scores.items() if s > 0), reverse=True)
    main = ranked[0][1] if ranked and ranked[0][0] >= 1.0 else None
    set_aside: Flag | None = None  # why a government the article names most was not given it
    national = bool(main) and not source_agency and _national_actor(zones)
    if main and not source_agency and main not in acted and national:
        # 국토교통부가 … 안성~구리 구간을 개통한다고 밝혔다, 순천경찰서, 전국 1위: a national body, a court or the police
        # acts, and the government named is only where it happens
        set_aside = Flag("agency_set_aside", f"No agency: ‘{main}’ is named, but a national body, a court or the "
                                             "police acts in the headline or the lead; the place is only the scene.")
        ranked, main = [], None
    if main and not source_agency and main not in acted:
        main = _acting_instead(scores, acted, main)
    title = next((zone.text for zone in zones if zone.name == "title"), "")
    if main and main not in acted and REGION_STATISTICS.search(title) and any(
            m.kind in ("agency", "locale") and main in m.candidates for m in gaz.mentions(title)):
        acted.add(main)  # 강원 내일까지 100㎜ 비, 흡연율 전국 1위 강원: a region's weather or statistics are its news
    if main and main not in acted and any(RUN_BY_GOVERNMENT.search(zone.text) for zone in zones
                                          if zone.name in ("title", "lead")):
        acted.add(main)  # 시립도서관 3곳 ‘온라인 겨울독서교실’ 운영: a facility the government runs acts for it
    ownership = None
    if main and not source_agency and not publisher_known:
        # is the article the government's news at all, or only set in its place (a candidate's visit, a company's
        # opening, a hospital's trial)? The ownership model weighs what the rules above saw
        ownership = ownership_features(gaz, main, scores, acted, seen, zones, national,
                                       {agency for _, agency in heads})
        model = ownership_model()
        if not model.accepts(ownership):
            set_aside = Flag("agency_set_aside", f"No agency: ‘{main}’ is named, but the article does not read as its "
                                                 f"news (ownership {model.score(ownership):.2f}, below "
                                                 f"{model.threshold:.2f}).")
            ranked, main = [], None
    if main and not source_agency:
        main = _shared_parent(gaz, scores, main)
    agencies = [a for s, a in ranked if s >= max(1.5, 0.25 * ranked[0][0])] if ranked else []
    if main and main not in agencies:
        agencies.insert(0, main)
    flags = [set_aside] if set_aside else []
    if main is None and ambiguous:
        names = ", ".join(sorted(ambiguous))
        flags.append(Flag("agency_ambiguous", f"Agency unknown: ‘{names}’ names more than one government and "
                                              "the text does not say which."))
    sentence_agency = _sentence_agencies(sentences, body, resolved_by_offset, main, gaz)
    return Attribution(main, agencies, sentence_agency, flags, heads, ownership)


ANNOUNCER = 2.0
SIBLING_SHARE = 0.5  # a sibling district with half the leader's weight shares the news
PARENT_SHARE = 0.25  # the city or province itself must weigh a quarter of the leader: named, not only implied


ACTOR_SHARE = 0.5  # a government that acts, weighing half the leader that is only the scene, tells the news


def _acting_instead(scores: dict[str, float], acted: set[str], main: str) -> str:
    """Return the government that acts in the article (a subject, the news's source, a head named) when the one
    that leads is only where it happens and the actor weighs at least ACTOR_SHARE of it (충북 청주 … 공장에서 불이
    났다 … 충북소방본부는 … 밝혔다: the province's fire service tells the news of a fire in its city)."""
    actors = [(scores.get(a, 0.0), a) for a in acted]
    if not actors:
        return main
    score, actor = max(actors)
    return actor if score >= ACTOR_SHARE * scores[main] else main


def _shared_parent(gaz: Gazetteer, scores: dict[str, float], main: str) -> str:
    """Return the city or province when the leading district shares the article with one of its siblings and the
    city or province is named as well (당진·금산 선정…충남 전략): news of two of its districts at once is the
    province's news. The leader otherwise."""
    agency = gaz.agencies.get(main)
    if agency is None or agency.level != "기초" or scores.get(agency.parent, 0.0) < PARENT_SHARE * scores[main]:
        return main
    for other, score in scores.items():
        sibling = gaz.agencies.get(other)
        if (other != main and sibling is not None and sibling.level == "기초" and sibling.parent == agency.parent
                and score >= SIBLING_SHARE * scores[main]):
            return agency.parent
    return main


UNIVERSITY = re.compile(r"대학|의대|대(?=\s?(?:교수|총장|학생|의과))")
SCHOOL_WORDS = re.compile(r"학생|학교|학급|유치원|교사|교원|수업|입학|졸업|교과서|교육과정|학부모|급식|수능|학년")


def _schools_to_their_office(gaz: Gazetteer, scores: dict[str, float], zones: list[Zone]) -> None:
    """Give an article about schools (its pupils, classes, teachers) to the office of education it names, when
    the government that leads is that office's city or province or one of its districts: the office runs the
    schools, the place only sets the scene (서울시교육청은 … 학급편성결과를 발표했다 → 서울특별시교육청)."""
    if not scores:
        return
    leader = max(scores, key=scores.get)
    agency = gaz.agencies.get(leader)
    if agency is None or agency.level == "교육청":
        return
    metro = leader if agency.level == "광역" else agency.parent
    office = next((a for a in scores if gaz.agencies[a].level == "교육청" and gaz.agencies[a].parent == metro), None)
    if office is None or scores[office] < 2.0:
        return
    text = " ".join(zone.text for zone in zones)
    if len(SCHOOL_WORDS.findall(text)) >= 6 and len(UNIVERSITY.findall(text)) < 2:  # offices run no university
        scores[office] = scores[leader] + 0.5
SOURCE_OF_NEWS = re.compile(r"에\s?따르면")
# national bodies besides the ministries data/programs.csv lists among other owners (its `owner` rows ending in 부:
# 국토교통부, 해수부, …): agencies, courts, prosecutors, the police and the state at large. The state corporations
# among those rows (한전, LH) are left out: an article about one of their works is often its region's news
STATE_BODIES = frozenset((
    "식품의약품안전처 식약처 인사혁신처 법제처 산림청 통계청 관세청 조달청 기상청 특허청 소방청 질병관리청 질병청 "
    "농촌진흥청 농진청 문화재청 국가유산청 병무청 방위사업청 방사청 재외동포청 우주항공청 국세청 경찰청 해양경찰청 해경 검찰청 대검찰청 "
    "대검 대법원 헌법재판소 헌재 감사원 국회 대통령실 청와대 정부 국가인권위원회 인권위 공정거래위원회 공정위 금융위원회 금융위 "
    "금융감독원 금감원 방송통신위원회 방통위 중앙선거관리위원회 선관위 국민권익위원회 권익위 검찰 경찰 재정경제부 재경부 산업통상부 檢"
).split())
# an office of the state named after the place it serves (시흥경찰서, 인천지방국세청, 서울중앙지검)
REGIONAL_BODY = ("경찰서", "경찰청", "지방국세청", "국세청", "세무서", "지방검찰청", "지검", "지청", "지방법원", "지법", "고등법원",
                 "고법", "해양경찰서", "교도소", "경찰", "특검")  # (서울경찰, 경남경찰: a province's police; 김건희특검)
LOCAL_POLICE = ("자치경찰", "청원경찰")  # a province's own police and an agency's guards are the government's
GENERIC_STATE = frozenset({"정부", "경찰", "검찰", "국회"})  # the state at large: its own subject only in a headline
NATIONAL_AFTER = {"title": re.compile(r"(?:은|는|이|가|,)(?![가-힣])|\s?$"), "lead": re.compile(r"(?:은|는|이|가)(?![가-힣])")}
SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")


def _announces(text: str, mention: Mention, subject: bool) -> bool:
    """Return True when a mention is who tells the news: the source it is told by (경남도에 따르면), or the subject
    of a sentence that ends saying it told it (대전시는 … 개관했다고 19일 밝혔다)."""
    if SOURCE_OF_NEWS.match(text, mention.end):
        return True
    if not subject:
        return False
    stop = SENTENCE_STOP.search(text, mention.end)
    return bool(REPORTED.search(text, mention.end, stop.end() if stop else len(text)))


HEADLINE_BREAK = re.compile(r"(?:\.{2,}|…|\s/\s|:\s|;\s)\s*$")


def _opens_headline_clause(text: str, mentions: list[Mention], index: int) -> bool:
    """Return True when a headline's mention opens the headline or a clause of it (after `...`, `…`, ` / `), with
    at most the name of its province or city before it (경북 칠곡군, …)."""
    start = mentions[index].start
    if index and mentions[index - 1].end >= start - 1 and text[mentions[index - 1].end: start].strip() == "":
        start = mentions[index - 1].start  # 경북 칠곡군: the region's name belongs to the district's
    before = text[:start].rstrip()
    return before == "" or bool(HEADLINE_BREAK.search(text[:start]))


# a government's own bodies, named after it (충남도의회, 대구교통공사, 부산신용보증재단, 경남TP, 인천경제청)
OWN_BODIES = (r"(?:시|도|군|구)?의회|소방본부|보건소|농업기술센터|보건환경연구원|교통공사|도시공사|관광공사|관광公|개발공사|공사|"
              r"공단|[가-힣]{0,8}재단|연구원|의료원|테크노파크|TP|경제청|경제자유구역청|도시철도")
# ... glued to its name, or after a space its fire station, its office of education or its staff (광주 서부소방서,
# 부산 교육청, 안동시 직원들): when they act, the government acts
OWN_BODY = re.compile(rf"(?:\s?[가-힣]{{1,4}}(?:소방서|보건소)|\s?교육(?:청|감|지원청)|{OWN_BODIES}|\s(?:직원|공무원)들?)")
# a unit of the government named after it or after its town, as a clause's subject (무안군(군수 김산) 드림스타트는,
# 청계면 지역사회보장협의체(공동위원장 …)는, 상동 행정복지센터는, 광양시자원봉사센터는)
UNIT_ACTS = re.compile(rf"(?:\([^()]{{1,30}}\))?(?:\s?[가-힣A-Za-z0-9·]{{1,14}}){{0,3}}?\s?(?:읍|면|동|센터|협의체|위원회|본부|"
                       rf"사무소|복지관|도서관|문화의집|아카데미|기동대|자치회|자치위원회|과학원|연구소|사업소|보건지소|드림스타트|"
                       rf"지원단|봉사단|자치경찰|부녀회|청년회|새마을회|협의회|{OWN_BODIES})(?:\([^()]{{1,30}}\))?"
                       r"(?:은|는|이|가|에서는)\s"
                       # or the unit receives a gift (원산동행정복지센터에 기부했다): the government is given it
                       r"|\s?(?:[가-힣0-9]{0,8}(?:행정복지센터|주민센터|복지센터|사무소))?에\s(?:[^\s.]+\s){0,3}?[^\s.]*(?:기부|기탁|전달|후원)(?:했|하였)")
ACTS_AFTER_BODY = re.compile(r"(?:은|는|이|가|에서는|도)\s|\s?에\s?따르면|,")
CITY_SUBJECT = ("시는", "시가", "시에서는", "시도")  # 제주시가: an administrative city of its province, as a subject
RUN_BY_GOVERNMENT = re.compile(r"(?:시립|도립|군립|구립)[가-힣]{1,10}(?:은|는|이|가|\(|,|\s\d)")
REGION_STATISTICS = re.compile(r"기온|날씨|강수|\d\s?㎜|미세먼지|초미세먼지|안개|폭염|한파|대기질|확진|흡연율|음주율|비만율|출생아|"
                               r"인구|아파트|분양|매매|집값|물가|고용률|실업률|수출액|이자율")


def _own_body_acts(text: str, end: int) -> bool:
    """Return True when a government's name is followed by one of its own bodies or its staff that acts: the
    clause's subject, the news's source, or a headline's clause before its comma (충남도의회, 인권조례 개정 재추진)."""
    body = OWN_BODY.match(text, end)
    if body is None:
        return False
    return bool(ACTS_AFTER_BODY.match(text, body.end()))


def _is_subject(mention: Mention, text: str) -> bool:
    """Return True when a mention is a clause's subject (여수시는, 고흥군(군수 공영민)은)."""
    return mention.followed_by in SUBJECT or not mention.followed_by and bool(SUBJECT_AFTER_ASIDE.match(text, mention.end))


CONJOINED = re.compile(r"(?:과|와|·|,|및)\s?")


def _conjoined_subject(mentions: list[Mention], index: int, text: str) -> bool:
    """Return True when a mention is joined to the subject after it (영동군과 옥천군이, 당진·금산이): both act."""
    m = mentions[index]
    if index + 1 >= len(mentions) or m.kind != "agency" or mentions[index + 1].kind != "agency":
        return False
    joint = text[m.end: mentions[index + 1].start]
    if m.followed_by in ("과", "와"):
        return joint.removeprefix(m.followed_by).strip() == "" and _is_subject(mentions[index + 1], text)
    return bool(CONJOINED.fullmatch(joint)) and _is_subject(mentions[index + 1], text)


def _in_brackets(text: str, position: int) -> bool:
    """Return True when a position is inside round brackets on its line."""
    before = text[max(0, position - 30): position]
    return before.rfind("(") > before.rfind(")")


def _beside_head(mentions: list[Mention], index: int, text: str) -> str | None:
    """Return the agency of an elected head named right beside an ambiguous name (방세환 광주시장: the 광주시 whose
    head 방세환 is), or None."""
    m = mentions[index]
    for j in (index - 1, index + 1):
        if 0 <= j < len(mentions) and mentions[j].kind == "head":
            other = mentions[j]
            gap = text[min(m.end, other.end): max(m.start, other.start)]
            shared = [c for c in m.candidates if c in other.candidates]
            if len(gap.strip(" (")) == 0 and len(shared) == 1:
                return shared[0]
    return None


def _sentence_agencies(sentences: list[tuple[int, int]], body: str, resolved: dict[int, str],
                       main: str | None, gaz: Gazetteer) -> list[str | None]:
    """Return each sentence's own agency: the one it names as subject, else the first it names, else None."""
    out: list[str | None] = []
    positions = sorted(resolved)
    for start, end in sentences:
        inside = [p for p in positions if start <= p < end]
        if not inside:
            out.append(None)
            continue
        subject = None
        reported = REPORTED.search(body[start:end])
        for p in inside:
            agency = resolved[p]
            name_end = p + len(_surface_at(body, p))
            if body[name_end: name_end + 3].startswith(SUBJECT) and subject is None:
                subject = agency
            elif (reported and subject is not None and agency != subject and body[name_end: name_end + 1] in "이가"
                  and body[name_end + 1: name_end + 2] in " " and not RELATIVE.match(body, name_end + 2)):
                subject = agency  # 전라남도는 … 해남군이 대상을 받았다고 밝혔다: the province reports 해남군's prize
                break
        out.append(subject or (resolved[inside[0]] if resolved[inside[0]] == main else None))
    return out


def _surface_at(body: str, position: int) -> str:
    """Return the Hangul word starting at a position."""
    m = re.match(r"[가-힣]+", body[position:])
    word = m.group() if m else ""
    for suffix in sorted(SUBJECT, key=len, reverse=True):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


# --------------------------------------------------------------------------- term

@dataclass
class TermEvidence:
    """One reason to believe an article is about a term."""

    term: int
    weight: float
    words: str


def decide_term(gaz: Gazetteer, zones: list[Zone], agency: str | None, heads: list[tuple[Mention, str]],
                published: str | None, published_inferred: bool) -> tuple[int | None, list[Flag]]:
    """Return the term chosen by the weight of evidence, and a flag quoting the evidence when it disagrees."""
    evidence: list[TermEvidence] = []
    for zone in zones:
        for m in MINSEON.finditer(zone.text):
            numbers = [int(n) for n in re.findall(r"\d{1,2}", m.group(1))]
            for i, number in enumerate(numbers):
                if gaz.term(number):
                    # a run of terms (민선 4·5기 도지사) looks back from the last of them: it weighs most
                    weight = 2.0 if i == len(numbers) - 1 else 1.0
                    evidence.append(TermEvidence(number, weight, f"the {zone.name} says ‘{m.group(0)}’"))
    seen_heads = set()
    for mention, head_agency in heads:
        if agency and head_agency != agency:
            continue
        served = sorted({h.term for h in gaz.heads_by_name.get(mention.surface, []) if h.agency == head_agency})
        if not served or mention.surface in seen_heads:
            continue
        seen_heads.add(mention.surface)
        for number in served:
            words = (f"{mention.surface} ({gaz.heads_by_name[mention.surface][0].title}) served "
                     + ", ".join(f"민선 {t}기" for t in served))
            evidence.append(TermEvidence(number, 3.0 / len(served), words))
    explicit = {e.term for e in evidence if e.words.startswith("the ")}
    if published:
        if len(published) >= 10:
            term = gaz.term_of_date(published)
            if term:
                weight = 2.0 if published_inferred else 3.0
                retro = _retrospective(gaz, published, explicit)
                coming = _coming(gaz, published, term.number, heads, agency, zones)
                if coming is not None:
                    evidence.append(TermEvidence(coming, weight, f"published {published[:10]}, after the election "
                                                                 f"of 민선 {coming}기, about its 당선인"))
                elif retro is not None:
                    evidence.append(TermEvidence(retro, weight, f"published {published[:10]}, "
                                                                f"just after 민선 {retro}기 ended"))
                else:
                    evidence.append(TermEvidence(term.number, weight, f"published {published[:10]} "
                                                                      f"(민선 {term.number}기)"))
        elif published[:4].isdigit():
            year = int(published[:4])
            if published_inferred:
                # the year the text mentions most: the article is from then or the first half of the next year
                # (results are reported after the fact), so each term weighs by how much of that window it covers
                window = (f"{year}-01-01", f"{year + 1}-06-30")
                shares = {t.number: _overlap_days(t.start, t.end, *window)
                          for t in gaz.terms_of_year(year) + gaz.terms_of_year(year + 1)}
            else:  # a year printed alone: each term of that year as likely as the other
                shares = {t.number: 1 for t in gaz.terms_of_year(year)}
            total = sum(shares.values())
            for number, days in sorted(shares.items()):
                if days > 0:
                    evidence.append(TermEvidence(number, 1.5 * days / total,
                                                 f"published in {published[:4]} (민선 {number}기)"))
    if not evidence:
        return None, []
    totals: dict[int, float] = defaultdict(float)
    for e in evidence:
        totals[e.term] += e.weight
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], -kv[0]))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None, [Flag("term_unknown", "Term unknown: the evidence is evenly split ("
                           + "; ".join(e.words for e in evidence) + ").")]
    chosen = ranked[0][0]
    support = list(dict.fromkeys(e.words for e in evidence if e.term == chosen))
    # each piece of evidence once, and none on both sides (a head who served both terms backs each of them)
    against = list(dict.fromkeys(e.words for e in evidence if e.term != chosen and e.weight >= 1.0
                                 and e.words not in support))
    flags = []
    if against:
        flags.append(Flag(
            "term_conflict",
            f"Term conflict: {'; '.join(against)} — but {'; '.join(support)}. "
            f"Chose 민선 {chosen}기 by the weight of evidence.",
        ))
    return chosen, flags


def _overlap_days(start: str, end: str, first: str, last: str) -> int:
    """Return how many days two ISO date ranges share."""
    a = max(date.fromisoformat(start[:10]), date.fromisoformat(first))
    b = min(date.fromisoformat(end[:10]), date.fromisoformat(last))
    return max(0, (b - a).days + 1)


ELECT = re.compile(r"당선(?:인|자)")


def _coming(gaz: Gazetteer, published: str, current: int, heads: list[tuple[Mention, str]], agency: str | None,
            zones: list[Zone]) -> int | None:
    """Return the coming term when an article published between its election and its start is about its head-elect
    (전재수 부산시장 당선인 … 추진하겠다): what it reports is the plans of the term about to begin. None otherwise,
    and None when it names the outgoing head more often than the head-elect (a farewell to the ending term)."""
    coming = current + 1
    election, term = gaz.elections.get(coming), gaz.term(coming)
    if not election or term is None or not election <= published[:10] < term.start:
        return None
    if not any(ELECT.search(zone.text) for zone in zones):
        return None
    served = [{h.term for h in gaz.heads_by_name.get(mention.surface, []) if h.agency == head_agency}
              for mention, head_agency in heads if not agency or head_agency == agency]  # one set per mention
    elect = sum(coming in terms for terms in served)
    outgoing = sum(current in terms and coming not in terms for terms in served)
    # an article that names the outgoing head more often than the head-elect (a retirement that names the
    # successor once) reports the term that ends, not the plans of the coming one
    return coming if elect and elect >= outgoing else None


def _retrospective(gaz: Gazetteer, published: str, explicit: set[int]) -> int | None:
    """Return an explicitly named term that ended within 183 days before publication (a look back), or None."""
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    for number in explicit:
        term = gaz.term(number)
        if term is None:
            continue
        end = date.fromisoformat(term.end)
        if 0 < (day - end).days <= 183:
            return number
    return None


def _national_actor(zones: list[Zone]) -> bool:
    """Return True when the headline has a national body, a court or the police as its subject (해수부, 부산서 …;
    순천경찰서, 전국 1위), or the lead has a named one (국토교통부가, 시흥경찰서는, 인천지방국세청은)."""
    national = _national_bodies()
    for zone in zones:
        after = NATIONAL_AFTER.get(zone.name)
        if after is None:
            continue
        for run in re.finditer(r"[가-힣]+|檢(?=,)", zone.text):  # 檢, …: the prosecution, in a headline
            word = run.group()
            for end in range(len(word), 0 if len(word) == 1 else 1, -1):  # (檢 alone)
                name = word[:end]
                if name in GENERIC_STATE and zone.name != "title":
                    continue
                if name in national or name.endswith(REGIONAL_BODY) and not name.endswith(LOCAL_POLICE):
                    if after.match(zone.text, run.start() + end):
                        return True
                    break
    return False


@lru_cache(maxsize=1)
def _national_bodies() -> frozenset[str]:
    """Return the names of national bodies: the ministries among data/programs.csv's other owners, and
    STATE_BODIES."""
    return STATE_BODIES | {row["word"] for row in read_table("programs.csv")
                           if row["kind"] == "owner" and row["word"].endswith("부")}


# Words of what is not a government's own work, counted in the headline (with its deck) and the lead, for the
# ownership model: elections and parties, crime, courts and accidents, and private actors. The model weighs them
# (tests/train_ownership.py); a word here decides nothing alone. A province's own police and an agency's guards
# (LOCAL_POLICE) are the government's, not the state's police.
POLITICS = re.compile(r"선거|후보|공약|출마|여론조사|투표|선관위|지지율|경선|국민의힘|국힘|민주당|의원|대선|총선|캠프|당선|낙선|재선|도전")
CRIME = re.compile("".join(f"(?<!{word.removesuffix('경찰')})" for word in LOCAL_POLICE) + r"경찰|검찰|법원|재판|혐의|기소|구속|화재|사고|숨진|사망|숨져|실종|피의자|판결|고발|수사|체포")
PRIVATE = re.compile(r"㈜|\(주\)|기업|대학교|대학|병원|노조|협회|회사|그룹|호텔|업체|유튜버|씨(?![가-힣])|교수")
GOVERNMENT_WORK = re.compile(r"밝혔다|추진|지원|사업|개최|운영|선정|확보|시행|조성|계획|정책|행정")


def ownership_features(gaz: Gazetteer, main: str, scores: dict[str, float], acted: set[str], seen: Evidence,
                       zones: list[Zone], national: bool, headed: set[str]) -> dict[str, float]:
    """Return what the ownership model weighs about the leading government of an article no publisher gives: how
    much and where it is named, whether it or another government acts, whether a national body, a court or the
    police acts, and the words of elections, crime and private actors in the headline and the lead."""
    positive = sorted((v for v in scores.values() if v > 0), reverse=True)
    total = sum(positive)
    text = {zone.name: zone.text for zone in zones}
    head = text.get("title", "") + " " + text.get("deck", "")
    lead = text.get("lead", "")
    parent = gaz.agencies[main].parent
    office = gaz.agencies[main].level == "교육청"

    def count(pattern: re.Pattern[str], words: str) -> float:
        return math.log1p(len(pattern.findall(words)))

    return {
        "score": math.log1p(scores[main]),
        "share": scores[main] / total if total else 0.0,
        "second": (positive[1] if len(positive) > 1 else 0.0) / scores[main] if scores[main] else 0.0,
        "acted": float(main in acted),
        "any_acted": float(bool(acted)),
        "other_acted": float(any(a != main for a in acted)),
        "lead_subject": float(seen.lead_subject == main),
        "lead_other": float(seen.lead_subject is not None and seen.lead_subject != main),
        "titled": float(main in seen.titled),
        "opens": float(main in seen.opens),
        "announced": float(main in seen.announced),
        "head": float(main in headed),
        "national": float(national),
        "basic": float(bool(parent) and not office),
        "office": float(office),
        "subject_names": math.log1p(seen.subject_names.get(main, 0)),
        "names": math.log1p(seen.names.get(main, 0)),
        "places": math.log1p(seen.places.get(main, 0)),
        "governments": math.log1p(len(positive)),
        "statistics": float(bool(REGION_STATISTICS.search(text.get("title", "")))),
        "politics_title": count(POLITICS, head),
        "politics_lead": count(POLITICS, lead),
        "crime_title": count(CRIME, head),
        "crime_lead": count(CRIME, lead),
        "private_title": count(PRIVATE, text.get("title", "")),
        "private_lead": count(PRIVATE, lead),
        "government_work": count(GOVERNMENT_WORK, lead + " " + text.get("body", "")[:1500]),
    }


@lru_cache(maxsize=1)
def ownership_model() -> LogisticModel:
    """Return the ownership model stored in data/ownership_model.json (trained by tests/train_ownership.py on the
    tune splits of the labelled sets): the leading government keeps an article when its score reaches the
    threshold."""
    return stored_model("ownership_model.json")
