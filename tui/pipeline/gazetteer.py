"""The gazetteer: agencies, aliases, places, heads, terms and outlets from data/, and a mention matcher."""

from __future__ import annotations

import re
from collections import defaultdict
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from tui.models import Agency, Head, Term
from tui.pipeline.lexicon import read_table

# Particles and endings that may follow a name inside one eojeol (광산구가, 광산구청장은, 서구에서는 …).
PARTICLES = frozenset(
    """은 는 이 가 을 를 의 에 에서 에게 께 께서 와 과 도 만 로 으로 부터 까지 마저 조차 처럼 보다 이나 나 란 이란 라는 이라는
    에는 에서는 에서도 에도 와의 과의 으로는 로는 으로도 로도 만의 에게는 이다 였다 이며 이고 에서의 에의 까지의 부터의 이자 와도 과도
    간 내 간의 민 민들 민들의 민들이 민들은 민의 민은 민이 민을 민과 민께 의회 의회는 의회가 의회의 청 청은 청이 청의 청에서 청과
    청장 청장은 청장이 청장의 청장과 청장을 청장도 청장에게 형 전역 전체 일대 일원""".split()
)
OFFICE_TITLES = ("구청장", "군수", "시장", "도지사", "지사", "교육감", "청장")
HANGUL_RUN = re.compile(r"[가-힣]+")
SPACED_OFFICE = re.compile(r"\s(?:교육감|교육청)")  # 부산시 교육감 재선거, 경기 교육청은: the office, spaced
EDUCATION_BODY = re.compile(r"교육청|교육지원청|교육원|교육연구정보원|교육문화회관")  # publishing for an office of education
SCHOOL = re.compile(r"(?:초등학교|중학교|고등학교|여자중학교|여자고등학교|학교|여고|여중|공고|상고|초|중|고)$")
# A university named by its place (경북대, 전북대학교, 충남대병원, 서울대 의대): an institution of its own, neither the
# place's government nor a school of its office of education
UNIVERSITY_AFTER = re.compile(r"대(?:학교|학)?(?:병원|의대|의과대학|총장|교수|교수진|학생|생|측)?")
# A government's own organs, named glued to it (충북소방본부는, 나주시농업기술센터가, 광산구보건소): the government acting
ORGAN = re.compile(r"(?:도|시|군|구)?(?:소방본부|소방재난본부|소방안전본부|보건환경연구원|농업기술원|농업기술센터|보건소|"
                   r"상수도사업본부|상하수도사업소|상수도사업소)")
ANAPHORIC_OFFICES = ("시교육청", "도교육청")  # "the city's/province's office of education", resolved by context
# what places an ordinary word spelled as a name (Gazetteer._placed): the word after it, spaced or after a list mark,
# and a name listed before it (서울·경기, 서울과 경기, 서울, 경기)
NEXT_WORD = re.compile(r"(?:\s|\s?[·,]\s?)([가-힣]+)")
REGION_WORD = re.compile(r"(?:북부|남부|동부|서부|중부|내륙|지역|일대|도내|전역|지방|권역|소재|교육청|교육감)")
LISTED_BEFORE = re.compile(r"([가-힣]+?)(?:\s?[·,]\s?|(?:과|와)\s|\s및\s)$")
NAMED_BEFORE = re.compile(r"([가-힣]+) $")  # 순천 행동, 해운대구 우동: the government's name just before it
# A name glued to a verb's ending is the verb (양산했다 mass-produced, 용인될 would be tolerated), never the place
VERBAL_REST = re.compile(r"(?:하(?:다|는|고|며|기|여|지|면|게|던)?|한(?:다)?|할|함|해(?:서|야|도)?|했(?:다|던|고|으며|지만)?|"
                         r"되(?:다|는|고|며|기|어|지|면|었다)?|된(?:다)?|될|돼(?:서|야|도)?|됐(?:다|던|고|으며|지만)?)")
# A name right after the word for a firm is the firm's name (법무법인 세종, ㈜광주): not the government
# (a mark of a firm written after its name, 유성개발㈜, and a line's end do not count)
FIRM_BEFORE = re.compile(r"(?:법무법인|회계법인|세무법인|특허법인|주식회사|(?<![가-힣])(?:㈜|\(주\)))(?: ?\(유한\))? ?$")


@dataclass(frozen=True)
class Mention:
    """A gazetteer name found in text, with the agencies it could mean."""

    start: int
    end: int
    surface: str
    kind: str  # agency, place, head
    candidates: tuple[str, ...]  # full names
    followed_by: str = ""  # the rest of the eojeol (particle or office word)


@dataclass(frozen=True)
class Outlet:
    """A news outlet and the region it is based in."""

    name: str
    region: str


class Gazetteer:
    """Reference data loaded once per process."""

    def __init__(self) -> None:
        self.agencies: dict[str, Agency] = {}
        self.forms: dict[str, list[str]] = {}
        for row in read_table("agencies.csv"):
            aliases = tuple(a for a in row["aliases"].split("|") if a)
            agency = Agency(row["code"], row["name"], row["full_name"], row["level"], row["parent"], aliases)
            self.agencies[agency.full_name] = agency
            for form in {agency.name, agency.full_name, *aliases}:
                key = form.replace(" ", "")
                if " " in form and form != agency.full_name:
                    continue  # multi-word aliases are recognised by adjacency (광주 + 광산구)
                self.forms.setdefault(key, [])
                if agency.full_name not in self.forms[key]:
                    self.forms[key].append(agency.full_name)
        self.places: dict[str, list[str]] = {}
        for row in read_table("places.csv"):
            if len(row["place"]) >= 2:
                self.places.setdefault(row["place"], []).append(row["agency"])
        self.place_names = frozenset(self.places)
        # every word that names a government (names, full names, aliases): not a program's own name
        self.agency_words = frozenset({a.name for a in self.agencies.values()} | set(self.agencies) | set(self.forms))
        self.heads: list[Head] = [
            Head(r["agency"], int(r["term"]), r["name"], r["title"], r["start"], r["end"])
            for r in read_table("heads.csv")
        ]
        self.heads_by_name: dict[str, list[Head]] = {}
        for head in self.heads:
            self.heads_by_name.setdefault(head.name, []).append(head)
        rows = read_table("terms.csv")
        self.terms: list[Term] = [Term(int(r["term"]), r["start"], r["end"]) for r in rows]
        self.elections: dict[int, str] = {int(r["term"]): r["election"] for r in rows if r.get("election")}
        self._term_starts = [t.start for t in self.terms]
        self.outlets: dict[str, Outlet] = {}
        self.outlet_names: dict[str, Outlet] = {}
        for row in read_table("outlets.csv"):
            outlet = Outlet(row["outlet"], row["region"])
            self.outlets[row["domain"].lower()] = outlet
            for alias in [row["outlet"], *[a for a in row["aliases"].split("|") if a]]:
                self.outlet_names.setdefault(alias, outlet)
        # ordinary words spelled as a name (경기 a game, 고양이 a cat, 행동 an act): read as the place only where the
        # text places them (`_placed`); a word longer than its form (경기장, 세종대왕) is ordinary with whatever follows
        # it in the eojeol; a row with an `after` or a `before` pattern is the ordinary word only where the text
        # before it or after it matches (2차 대전 a war, 양산을 쓴 a parasol)
        rows = read_table("homographs.csv")
        form_of = {row["word"]: row["form"] for row in rows}
        self.homographs = frozenset(row["word"] for row in rows if not row["after"] and not row["before"])
        self.compounds = {w: () for w in self.homographs if w not in self.forms and len(w) > len(form_of[w])}
        heads = {w[:2] for w in self.compounds}
        for name in [n for n in [*self.forms, *self.places] if n[:2] in heads]:
            for w in self.compounds:  # a name longer than a compound stays the name (세종대왕면, a 면)
                if name.startswith(w) and name != w:
                    self.compounds[w] += (name,)
        self.homographs_by_head: dict[str, list[str]] = defaultdict(list)  # by first two syllables: one lookup a word
        for w in self.homographs:
            self.homographs_by_head[w[:2]].append(w)
        # rows with an `after` or a `before` pattern: (word, after, before) by first two syllables, one lookup a word
        self.contextual: dict[str, list[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None]]] = \
            defaultdict(list)
        for row in rows:
            if row["after"] or row["before"]:
                self.contextual[row["word"][:2]].append((row["word"],
                                                         re.compile(f"(?:{row['after']})$") if row["after"] else None,
                                                         re.compile(row["before"]) if row["before"] else None))
        offices = [a.full_name for a in self.agencies.values() if a.level == "교육청"]
        for form in ANAPHORIC_OFFICES:
            self.forms.setdefault(form, offices)
        self.max_form = max(len(f) for f in self.forms)
        # the first two syllables of every name: most words are rejected by one set lookup
        self.heads2 = frozenset(f[:2] for f in self.forms) | frozenset(p[:2] for p in self.places)

    # ------------------------------------------------------------------ lookups
    def agency(self, full_name: str | None) -> Agency | None:
        """Return the agency with this full name, or None."""
        return self.agencies.get(full_name) if full_name else None

    def resolve_name(self, name: str) -> list[str]:
        """Return the full names a user-typed or column name may mean ('광산구' → ['광주광역시 광산구'])."""
        name = name.strip()
        if name in self.agencies:
            return [name]
        parts = name.split()
        if len(parts) == 2:
            metros = self.forms.get(parts[0], [])
            basics = self.forms.get(parts[1], [])
            inside = [b for b in basics if self.agencies[b].parent in metros]
            if inside:
                return inside
        return list(self.forms.get(name.replace(" ", ""), []))

    def term_of_date(self, iso: str | None) -> Term | None:
        """Return the elected term whose dates contain an ISO date (YYYY-MM-DD…)."""
        if not iso or len(iso) < 10:
            return None
        day = iso[:10]
        i = bisect_right(self._term_starts, day) - 1
        if i >= 0 and day <= self.terms[i].end:
            return self.terms[i]
        return None

    def terms_of_year(self, year: int) -> list[Term]:
        """Return the terms that overlap a calendar year."""
        return [t for t in self.terms if t.start[:4] <= str(year) <= t.end[:4]]

    def term(self, number: int | None) -> Term | None:
        """Return the term with this number."""
        return next((t for t in self.terms if t.number == number), None)

    def head_of(self, agency: str | None, term: int | None) -> Head | None:
        """Return the (first) elected head of an agency in a term."""
        return next((h for h in self.heads if h.agency == agency and h.term == term), None)

    def outlet_for(self, domains: list[str], names: list[str], mastheads: list[str] = ()) -> Outlet | None:
        """Return the outlet named by e-mail/web domains (suffix match), outlet fields, or masthead lines.

        A masthead line must be the outlet's name alone or followed by one short word ("광주매일 TV").
        """
        for domain in domains:
            parts = domain.lower().split(".")
            for i in range(len(parts) - 1):
                hit = self.outlets.get(".".join(parts[i:]))
                if hit:
                    return hit
        for name in names:
            for alias, outlet in self.outlet_names.items():
                if alias and alias in name:
                    return outlet
        for line in mastheads:
            words = line.split()
            if not words or len(words) > 2 or (len(words) == 2 and len(words[1]) > 4):
                continue
            hit = self.outlet_names.get(words[0])
            if hit:
                return hit
        return None

    # ------------------------------------------------------------------ matching
    def mentions(self, text: str) -> list[Mention]:
        """Return agency, place and head-name mentions in text, by eojeol prefix with a particle remainder."""
        found: list[Mention] = []
        runs = list(HANGUL_RUN.finditer(text))
        joined_to = -1  # the end of a name written across a middle dot, whose second part is read already
        for i, run in enumerate(runs):
            word = run.group()
            start = run.start()
            if start < joined_to:
                continue
            if word[:2] not in self.heads2 and word[:3] not in self.heads_by_name:
                continue
            if self._ordinary(word) and not self._placed(text, start, run.end()) or self._ordinary_here(text, start, word):
                continue  # 경기 도중, 경기를 마친, 고양이, 2차 대전, 법무법인 세종: a game, a cat, a war, a firm
            joined = self._dotted(text, run, runs[i + 1] if i + 1 < len(runs) else None)
            if joined:
                form, rest, end = joined
                found.append(Mention(start, end, text[start:end], "agency", tuple(self.forms[form]), rest))
                joined_to = end
                continue
            hit = self._prefix(word, self.forms)
            if hit:
                form, rest = hit
                candidates = list(self.forms[form])
                if rest[:1] in "시군구" and _office_rest(rest):
                    # 광주시장: the office word's first syllable may close the name (광주시 + 장)
                    candidates += [c for c in self.forms.get(form + rest[0], []) if c not in candidates]
                if rest.startswith("교육감") or not rest and SPACED_OFFICE.match(text, start + len(form)):
                    # 경남교육감, 울산시교육감, 부산시 교육감, 경기 교육청: the place's office of education (or its head),
                    # not the place
                    candidates = list(dict.fromkeys(o for c in candidates if (o := self.office_of(c)))) or candidates
                found.append(Mention(start, start + len(form), form, "agency", tuple(candidates), rest))
                continue
            hit = self._prefix(word, self.places)
            if hit:
                form, rest = hit
                found.append(Mention(start, start + len(form), form, "place", tuple(self.places[form]), rest))
                continue
            locale = self._locale(word)
            if locale:
                form, kind, candidates = locale
                found.append(Mention(start, start + len(form), form, kind, candidates, word[len(form):]))
                continue
            if len(word) >= 3:
                name = word[:3]
                if name in self.heads_by_name and _head_rest(word[3:]) and _titled(text, start, word):
                    agencies = tuple(dict.fromkeys(h.agency for h in self.heads_by_name[name]))
                    found.append(Mention(start, start + 3, name, "head", agencies, word[3:]))
        return found

    def _ordinary(self, word: str) -> bool:
        """Return True when an eojeol is an ordinary word spelled as a name (data/homographs.csv), alone or with a
        particle after it (경기를, 고양이), or a longer word with anything after it (경기장에서, 세종대왕의, 대전환기);
        not a name itself (경기도, whose 도 is no particle here)."""
        if word in self.homographs:
            return True
        if word in self.forms:
            return False
        for w in self.homographs_by_head.get(word[:2], ()):
            if word.startswith(w):
                names = self.compounds.get(w)
                if names is not None and not any(word.startswith(n) for n in names) or word[len(w):] in PARTICLES:
                    return True
        return False

    def _ordinary_here(self, text: str, start: int, word: str) -> bool:
        """Return True when a word that is a name elsewhere is an ordinary word where the text puts it: a row of
        data/homographs.csv whose `after` pattern the text before it matches (2차 대전, 세계 대전: a war) or whose
        `before` pattern the text after the name matches (양산을 쓴 a parasol, 양산에 성공 mass production), or
        the name of a firm (법무법인 세종)."""
        window = max(0, start - 12)  # searched in place, so that a look-behind sees the letter before the window
        if FIRM_BEFORE.search(text, window, start):
            return True
        for w, after, ahead in self.contextual.get(word[:2], ()):
            if word.startswith(w) and (word == w or word[len(w):] in PARTICLES) and (
                    after is not None and after.search(text, window, start)
                    or ahead is not None and ahead.match(text, start + len(w))):
                return True
        return False

    def _placed(self, text: str, start: int, end: int) -> bool:
        """Return True when the text places the word at start–end as a name: the next word is a government's or a
        place's name or a word of a region (경기 고양시, 경기 남부, 경기 교육청), such a name stands just before it
        (순천 행동, 해운대구 우동), or a name of those stands before it or after it in a list (서울·경기, 서울과 경기,
        경기·인천, 경기와 강원)."""
        after = NEXT_WORD.match(text, end)
        if after and (REGION_WORD.match(after.group(1)) or self._names_place(after.group(1))):
            return True
        before = LISTED_BEFORE.search(text, max(0, start - 24), start) or NAMED_BEFORE.search(text, max(0, start - 24), start)
        return bool(before and self._names_place(before.group(1)))

    def _names_place(self, word: str) -> bool:
        """Return True when an eojeol opens with a government's or a place's name (an ordinary word aside)."""
        return not self._ordinary(word) and bool(self._prefix(word, self.forms) or self._prefix(word, self.places))

    def _dotted(self, text: str, run: re.Match, after: re.Match | None) -> tuple[str, str, int] | None:
        """Return (form, rest, end) for one name written across a middle dot (전남·광주통합특별시): the two parts
        joined make a longer name than the first alone, meaning what the second part alone means. A list of names
        (광산구·서구, 전남·광주 before the two merged) joins to none."""
        if after is None or after.start() != run.end() + 1 or text[run.end()] != "·":
            return None
        word = run.group()
        hit = self._prefix(word + after.group(), self.forms)
        if not hit or len(hit[0]) <= len(word):
            return None
        second = self._prefix(after.group(), self.forms)
        if second is None or self.forms[second[0]] != self.forms[hit[0]]:
            return None
        form, rest = hit
        return form, rest, after.start() + len(form) - len(word)

    def _locale(self, word: str) -> tuple[str, str, tuple[str, ...]] | None:
        """Return (prefix, kind, candidates) for a name that starts with an agency's name: a school of a place
        (나주금천중 → that province's office of education) or an institution (목포시학교밖청소년지원센터)."""
        for size in range(min(len(word) - 1, self.max_form), 1, -1):
            form = word[:size]
            candidates = self.forms.get(form)
            if not candidates:
                continue
            if VERBAL_REST.fullmatch(word, size):
                return None  # 양산했다, 용인될: a verb
            university = UNIVERSITY_AFTER.match(word, size)
            if university and _particle_or_end(word, university.end()) and not word.startswith("대로", size):
                return None  # (광주대로, 부산대로: an avenue of the place, not a university)
            organ = ORGAN.match(word, size)
            if organ and _particle_or_end(word, organ.end()):
                return word[:organ.end()], "agency", tuple(candidates)
            if SCHOOL.search(word) and len(word) - size >= 1:
                offices = tuple(dict.fromkeys(self.office_of(c) for c in candidates if self.office_of(c)))
                return (word, "school", offices) if offices else None
            return form, "locale", tuple(candidates)
        if re.search(r"(?:초등학교|중학교|고등학교)$", word) and len(word) >= 6:
            return word, "school", tuple(a.full_name for a in self.agencies.values() if a.level == "교육청")
        return None

    def publisher(self, name: str) -> tuple[str | None, bool]:
        """Return the agency a publisher's name stands for (a column of press releases: '광산구', '전남교육청',
        '광주광역시동부교육지원청') and whether it is a school or an education body: those publish for their
        office of education. A school's name may hold no place (새별초등학교): None then, left to the text."""
        resolved = self.resolve_name(name)
        compact = re.sub(r"[\s·]", "", name)
        educational = bool(EDUCATION_BODY.search(compact) or SCHOOL.search(compact) and len(compact) >= 4)
        if len(resolved) == 1:
            return resolved[0], educational or self.agencies[resolved[0]].level == "교육청"
        if not educational:
            return None, False
        found = self._locale(compact)  # the place the name starts with, as for a school named in a text
        offices = {office for c in (found[2] if found else ()) if (office := self.office_of(c))}
        return (offices.pop() if len(offices) == 1 else None), True

    def office_of(self, full_name: str) -> str | None:
        """Return the office of education of the province or city an agency belongs to."""
        agency = self.agencies.get(full_name)
        if agency is None:
            return None
        if agency.level == "교육청":
            return agency.full_name
        metro = agency.parent or agency.full_name
        return next((a.full_name for a in self.agencies.values() if a.level == "교육청" and a.parent == metro), None)

    def _prefix(self, word: str, table: dict[str, list[str]]) -> tuple[str, str] | None:
        """Return the longest known prefix of an eojeol whose remainder is a particle or office word."""
        for size in range(min(len(word), self.max_form), 1, -1):
            form = word[:size]
            if form in table:
                rest = word[size:]
                if not rest or rest in PARTICLES or _office_rest(rest) or (rest[0] == "립" and size >= 2):
                    return form, rest  # 광산구가, 광산구청장은, 광주시립도서관
                if form.endswith(("특별시", "광역시")) and rest[0] == "장" and (rest == "장" or rest[1:] in PARTICLES):
                    return form, rest  # 전남광주통합특별시장과, 부산광역시장은: the city's whole name and its head
        return None


def _particle_or_end(word: str, end: int) -> bool:
    """Return True when an eojeol ends at end or goes on with a particle only."""
    return end == len(word) or word[end:] in PARTICLES


def _office_rest(rest: str) -> bool:
    """Return True for an office word with an optional particle (청장은, 구청장이, 시장의)."""
    for title in OFFICE_TITLES:
        if rest.startswith(title) and (rest == title or rest[len(title):] in PARTICLES):
            return True
    return False


TITLE_AFTER = re.compile(r"\s?(?:\(?[가-힣]{0,8}(?:구청장|군수|시장|도지사|지사|교육감|청장)(?![가-힣])|"
                         r"[가-힣]{0,8}(?:구청장|군수|시장|도지사|지사|교육감|청장)(?:은|는|이|가|의|과|와|을|도|에게|에|께|께서|으로|로|만|"
                         r"에게는|에는|으로서|로서|부터)?(?![가-힣]))")
TITLE_BEFORE = re.compile(r"(?:구청장|군수|시장|도지사|지사|교육감|청장)(?:인|된|당선인|당선자)?\s?$")


def _titled(text: str, start: int, word: str) -> bool:
    """Return True when a head's name stands with an office title (강기정 시장, 광주시장 강기정, 강기정 광산구청장은):
    a name alone may be anyone's (a reporter, a resident)."""
    if _office_rest(word[3:]):
        return True
    return bool(TITLE_AFTER.match(text, start + len(word)) or TITLE_BEFORE.search(text[max(0, start - 14): start]))


def _head_rest(rest: str) -> bool:
    """Return True when what follows a head's name in its eojeol is empty, a particle or a title."""
    return not rest or rest in PARTICLES or _office_rest(rest) or rest in ("號", "호")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer (loaded on first use)."""
    return Gazetteer()


def user_words() -> list[tuple[str, str]]:
    """Return words to add to Kiwi before its first analysis (agency names it would split, as NNP)."""
    gaz = gazetteer()
    words = {a.name for a in gaz.agencies.values() if len(a.name) >= 3}
    return sorted((w, "NNP") for w in words)
