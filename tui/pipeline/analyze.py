"""Analyse one article: sentences, attribution (agency, term), programs and claims with typed spans."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from tui.claimline import claim_line
from tui.models import Article, Claim, Flag, Program, Sentence, searchable
from tui.pipeline.attribution import Zone, attribute, decide_term
from tui.pipeline.claims import HOMES_WORDS, find_spans, restated_prizes
from tui.pipeline.clean import normalize
from tui.pipeline.gazetteer import gazetteer
from tui.pipeline.lexicon import read_table
from tui.pipeline.programs import ProgramMention, find_programs
from tui.pipeline.read import RawDoc
from tui.pipeline.segment import TOKENIZE, split_sentences
from tui.pipeline.significance import claim_class, classes_of, residents_epithet
from tui.pipeline.speech import quotes, speaker_of
from tui.pipeline.split import PageArticle, outlet_evidence
from tui.pipeline.status import (
    announces,
    headline_status,
    in_proposal,
    proposes_budget,
    refine_status,
    status_of,
)


@dataclass
class Analyzed:
    """An article with its sentences, claims and the programs it names."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)


def _people(reporter: str | None, gaz) -> str | None:
    """Return a reporter field without the outlets a page lists among its authors (a portal page names the
    paper that wrote the article beside the reporter)."""
    if not reporter:
        return reporter
    names = [n for n in re.split(r"\s*,\s*", reporter) if n and n not in gaz.outlet_names]
    return ", ".join(names) or None


NORMALISE = re.compile(r"[\s\W_]+")


@lru_cache(maxsize=1)
def categories() -> tuple[tuple[str, ...], re.Pattern[str], dict[str, int]]:
    """Return the field names of data/categories.csv in file order, one regex of all keywords, and the
    field index of each keyword."""
    names: list[str] = []
    owner: dict[str, int] = {}
    for row in read_table("categories.csv"):
        names.append(row["category"])
        for keyword in (k for k in row["keywords"].split("|") if k):
            owner.setdefault(keyword, len(names) - 1)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(owner, key=len, reverse=True)) or "(?!)")
    return tuple(names), pattern, owner


def category_of(text: str, fallback: str = "기타") -> str:
    """Return the field with the most keyword hits in text (ties: the earlier row), or the fallback."""
    names, pattern, owner = categories()
    hits = [0] * len(names)
    for m in pattern.finditer(text):
        hits[owner[m.group()]] += 1
    best = max(range(len(names)), key=lambda i: (hits[i], -i)) if names else None
    return names[best] if best is not None and hits[best] else fallback


def claim_key(agency: str | None, sentence: str) -> str:
    """Return the stable claim id: a hash of the agency and the sentence without spaces or punctuation."""
    normal = NORMALISE.sub("", sentence)
    return hashlib.sha1(f"{agency or ''}\n{normal}".encode()).hexdigest()[:16]


def program_id(agency: str | None, term: int | None, key: str) -> str:
    """Return the id of a program: one per agency, term and spacing-insensitive name."""
    return hashlib.sha1(f"{agency or ''}\n{term or ''}\n{key}".encode()).hexdigest()[:12]


def analyze(page: PageArticle, doc: RawDoc, article_id: str, kiwi, use_source: bool = True, tokens: list | None = None):
    """Return the Analyzed record (article, sentences, claims, programs) of one page article; tokens are the
    body's, when a batch analysed it ahead (split_sentences)."""

    gaz = gazetteer()
    body = page.body
    sents = split_sentences(kiwi, body, tokens)
    spans_of_sentences = [(s.start, s.end) for s in sents]
    lead_end = sents[1].end if len(sents) > 1 else len(body)
    zones = [Zone("title", page.title, 3.0), Zone("deck", page.deck, 2.0),
             Zone("lead", body[:lead_end], 2.0, 0), Zone("body", body[lead_end:], 1.0, lead_end)]
    domains, providers = outlet_evidence(doc.text)
    authors = re.split(r"\s*[;,]\s*", doc.meta.get("authors", ""))  # a portal page lists the outlet here
    names = [n for n in [doc.meta.get("outlet", ""), *authors, *providers] if n]
    outlet = gaz.outlet_for(domains, names, _masthead_lines(doc.text))
    regions = [r for r in [outlet.region if outlet else "", *(gaz.resolve_name(page.dateline)[:1]
                                                              if page.dateline else [])] if r]
    source_agency, educational = None, False
    if use_source and doc.meta.get("source"):
        source_agency, educational = gaz.publisher(doc.meta["source"])
    attribution = attribute(gaz, zones, spans_of_sentences, body, regions, source_agency, publisher_known=educational)
    if educational:
        attribution = _for_office(gaz, attribution)
    published = page.published.value if page.published else None
    inferred = bool(page.published and page.published.inferred)
    term, term_flags = decide_term(gaz, zones, attribution.agency, attribution.head_mentions, published, inferred)
    flags = flags_for_page(page) + attribution.flags + term_flags
    outlet_name = outlet.name if outlet else (doc.meta.get("outlet") or (providers[0] if providers else None))
    article = Article(
        id=article_id, source=doc.file, title=page.title, body=body, raw=doc.text if not doc.structured or doc.page else body,
        deck=page.deck, published=published, outlet=normalize(outlet_name) if outlet_name else None,
        reporter=_people(page.reporter, gaz), agency=attribution.agency, agencies=tuple(attribution.agencies), term=term,
        flags=tuple(flags), captions=page.captions, url=doc.meta.get("url"), position=page.position,
    )
    mentions = _as_longer_names(find_programs(body, sents, gaz.agency_words, gaz.place_names))
    if not _governed(article):
        # An article no local government acts in (a golfer's season, a firm's card, a court's ruling) names no
        # government's program: what it names are products, cases or other bodies' schemes (tune halves: 3 of 36
        # such names were labelled programs), and its claims are context (_whose). The names are read all the same,
        # so that tests/train_programs.py learns from every article's candidates, and then left out.
        mentions = []
    sentences = [Sentence(i, s.start, s.end, _morphs(s.tokens, body[s.start:s.end])) for i, s in enumerate(sents)]
    article_category = category_of(page.title + " " + body[:lead_end])
    proposing = _proposing(article, sents)
    claims = _claims(article, sents, attribution.sentence_agency, mentions, article_category, proposing)
    claims = _headline_claims(article, claims, article_category, proposing, kiwi) + claims
    if page.title_only:  # the headline is all the record says: its names are read as a body's are
        title_mentions = find_programs(page.title, split_sentences(kiwi, page.title), gaz.agency_words,
                                       gaz.place_names)
    else:
        title_mentions = find_programs(page.title, [], gaz.agency_words, gaz.place_names)  # quoted names only
    if not _governed(article):
        title_mentions = []
    programs = _programs(article, mentions, title_mentions, body, article_category)
    return Analyzed(article, sentences, claims, programs)


CONTENT_TAGS = ("NNG", "NNP", "VV", "VA", "XR", "SL", "SH", "NR")


def _morphs(tokens, text: str) -> str:
    """Return the content morphemes of a sentence that its letters do not already spell, for the search index:
    mostly the stems of conjugated verbs and adjectives (펼치 in 펼친). Character bigrams find the rest, and
    one-letter stems cannot be searched, so only these are kept."""
    letters = searchable(text)
    kept: list[str] = []
    for token in tokens:
        form = token.form  # a kiwipiepy token makes a new string at each read: read it once
        if len(form) < 2 or not token.tag.startswith(CONTENT_TAGS):
            continue  # one letter cannot be searched
        form = form.lower()
        if not form.isalnum():
            form = searchable(form)
        if len(form) >= 2 and form not in letters and form not in kept:
            kept.append(form)
    return " ".join(kept)


def _as_longer_names(mentions: list[ProgramMention]) -> list[ProgramMention]:
    """Return the mentions with each phrase renamed to the longer name it abbreviates, so that the article's
    programs and its claims' programs are the same ones."""
    longer = [m for m in mentions if m.source != "phrase"] + [m for m in mentions if m.source == "phrase"]
    return [_as_named(m, longer) for m in mentions]


def _as_named(mention: ProgramMention, named: list[ProgramMention]) -> ProgramMention:
    """Return a phrase mention renamed to the longer name it abbreviates: a quoted one (미래발전계획 → 동
    미래발전계획), or another phrase the article names (호텔 건립 → 신라 호텔 건립)."""
    if mention.source != "phrase":
        return mention
    for other in named:
        if other.key != mention.key and other.key.endswith(mention.key) and len(mention.key) >= 4:
            return ProgramMention(other.name, other.key, mention.start, mention.end, mention.source)
    return mention


def _for_office(gaz, attribution):
    """Return the attribution of a school's or an education body's release: its office of education (the one
    of the city or province the release is about), for the article and for sentences about that city."""
    agency = attribution.agency
    office = gaz.office_of(agency) if agency else None
    if office is None or office == agency:
        return attribution
    same = {a for a in attribution.agencies if gaz.office_of(a) == office} | {agency}
    return replace(attribution, agency=office,
                   agencies=[office] + [a for a in attribution.agencies if a not in same],
                   sentence_agency=[office if a in same else a for a in attribution.sentence_agency])


def _masthead_lines(text: str) -> list[str]:
    """Return the short lines of a page, where a masthead name may stand."""
    return [line.strip() for line in text.splitlines() if 0 < len(line.strip()) <= 20]


def _gap(mention: ProgramMention, span) -> int:
    """Return the characters between a program mention and a span."""
    return max(span.start - mention.end, mention.start - span.end, 0)


def _closest(mentions: list[ProgramMention], spans) -> ProgramMention:
    """Return the mention nearest to most of the spans (ties: the smallest total distance)."""
    nearest_for = {id(m): 0 for m in mentions}
    for span in spans:
        nearest_for[id(min(mentions, key=lambda m: _gap(m, span)))] += 1
    return max(mentions, key=lambda m: (nearest_for[id(m)], -sum(_gap(m, sp) for sp in spans)))


def _heading_program(body: str, mentions: list[ProgramMention], sents, index: int) -> ProgramMention | None:
    """Return the program named by the '▲heading' of the paragraph a sentence is in, if any."""
    for j in range(index - 1, -1, -1):
        if "\n" in body[sents[j].end: sents[j + 1].start]:
            return None  # the paragraph started after this sentence
        if sents[j].kind == "heading":
            inside = [m for m in mentions if sents[j].start <= m.start < sents[j].end]
            return inside[0] if inside else None
    return None


def _proposing(article: Article, sents) -> bool:
    """Return True when the article reports its agency's budget proposal not yet adopted (status.proposes_budget)."""
    lead = article.body[: sents[2].end if len(sents) > 2 else len(article.body)]  # a caption may come first
    return proposes_budget(f"{article.title} {article.deck} {lead}")


def _claims(article: Article, sents, sentence_agency, mentions, article_category, proposing: bool = False):
    """Return the claims of an article, each attributed to the program its sentence (or its ▲heading) names;
    proposing: the article reports its agency's budget proposal (the lines' status is then planned)."""
    body = article.body
    theme = article.title + " " + article.deck + " " + body[: sents[1].end if len(sents) > 1 else len(body)]
    claims: list[Claim] = []
    seen: set[str] = set()
    announcing = announces(article.title) if article.title else False
    prized = None  # whether an award was reported before the sentence (the headline counts), read when needed
    # whether the article has spoken of homes before the sentence (its headline or deck, or homes counted in 호): a
    # list of sites with their homes in brackets (주암동 일원(9800호), …) then counts homes without naming them
    homes = bool(HOMES_WORDS.search(article.title + " " + article.deck))
    for i, s in enumerate(sents):
        text = body[s.start:s.end]
        spans = find_spans(text, s.start, homes)
        homes = homes or any(sp.unit == "호" and sp.kind == "count" for sp in spans)
        echo = False  # a claim of nothing but a prize referred back to: the prize is counted where it is reported
        if "이번" in text and not any(sp.kind == "award" for sp in spans):
            restated = restated_prizes(text, s.start)
            if restated and prized is None:
                prized = any(sp.kind == "award" for sp in find_spans(article.title)) or any(
                    sp.kind == "award" for c in claims for sp in c.spans)
            if restated and prized:
                echo = not spans
                spans = sorted(spans + restated, key=lambda sp: sp.start)
        if not spans:
            continue
        if prized is False and any(sp.kind == "award" for sp in spans):
            prized = True
        agency = sentence_agency[i] or article.agency
        key = claim_key(agency, text)
        if key in seen:
            continue  # the same sentence again in this article: one claim, at its first occurrence
        seen.add(key)
        inside = [m for m in mentions if s.start <= m.start < s.end and m.source != "phrase"] or \
                 [m for m in mentions if s.start <= m.start < s.end]
        program = (_closest(inside, spans) if inside
                   else _heading_program(body, mentions, sents, i))
        speaker = None
        for q_start, q_end, speech in quotes(text):
            if speech and all(q_start <= sp.start - s.start and sp.end - s.start <= q_end for sp in spans):
                speaker = speaker_of(text, q_start, q_end) or "unnamed speaker"
        before = claims[-1] if claims and claims[-1].sentence == i - 1 and claims[-1].zone == "body" else None
        status = status_of(s.tokens, text, s.start, spans, announcing or proposing,
                           before.status if before else None)
        if proposing:
            status = in_proposal(status, text)
        status = refine_status(spans, text, s.start, status)
        if spans and all(residents_epithet(sp, text, s.start) for sp in spans):
            status = "ongoing"  # 150만 시민과 함께, 42만 구민 한 사람 한 사람의: the people of a place, in a pledge as
            # anywhere, are there now (the sets label such epithets ongoing)
        spans = [replace(sp, cls=_whose(article, cls))
                 for sp, cls in zip(spans, classes_of(spans, text, s.start, status, theme))]
        category = category_of(text + " " + (program.name if program else ""), article_category)
        claims.append(Claim(
            id=key, article=article.id, sentence=i, text=text, agency=agency,
            term=article.term, program=program_id(article.agency, article.term, program.key) if program else None,
            status=status, category=category, spans=tuple(spans), speaker=speaker, start=s.start, end=s.end,
            cls=claim_class(spans), line=claim_line(text, s.start, spans, program.name if program else None,
                                                    s.tokens, article.title),
            echo=echo,
        ))
    return claims


def _whose(article, cls: str) -> str:
    """Return a value's class in its article: in an article that no local government acts in (a golfer's season, a
    ministry's selection of universities, a best-seller list) no value is an agency's achievement, activity or
    policy; every value sets the scene: context, as the labelled sets class them. An article about a government
    whose name is ambiguous (서구 with no city) keeps its classes: it is some agency's news."""
    return cls if _governed(article) else "context"


def _governed(article) -> bool:
    """Return True for an article some local government acts in: attributed to one, or to a name that could be
    several (서구 with no city), which is still some agency's news."""
    return article.agency is not None or any(flag.code == "agency_ambiguous" for flag in article.flags)


def _echoes(span, body_spans) -> bool:
    """Return True when a body span states the same value (or the same award or record words) as span."""
    if span.value is not None:
        return any(b.kind == span.kind and b.value == span.value for b in body_spans)
    key = NORMALISE.sub("", span.text)
    return any(b.kind == span.kind and NORMALISE.sub("", b.text) == key for b in body_spans)


def _stated_in(spans, body_claims: list[Claim]) -> str | None:
    """Return the status of the first body claim that states the first of a headline's values, or None."""
    for claim in body_claims:
        if any(_echoes(spans[0], [b]) for b in claim.spans):
            return claim.status
    return None


TAGGED_IN_HEADLINES = ("rank", "first")


def _tagged(kiwi, source: str, start: int, end: int, spans) -> list:
    """Return the kiwipiepy tokens of a headline line (source[start:end] of the title or the deck, offsets into
    source) holding a place or a record, which the line rules that say who holds a place read (세종 ‘전국 1위’),
    or a sum, count or share, whose surface may not say what it counts (4억원 징수); none for the others: one
    short call for the headlines that need it, not for every article."""
    if kiwi is None or not any(span.kind in TAGGED_IN_HEADLINES + ("money", "count", "percent") for span in spans):
        return []
    return [t for t in kiwi.tokenize(source, **TOKENIZE) if start <= t.start < end]


def _headline_lines(article: Article):
    """Yield (zone, sentence index, start, end) of the title and of each deck line (-1 for the title, -2, -3 …
    for the deck's lines), offsets into the title or the deck."""
    if article.title and not any(f.code == "title_inferred" for f in article.flags):
        yield "title", -1, 0, len(article.title)  # an inferred title is the body's own first words
    index = -2
    for line in re.finditer(r"[^\n]+", article.deck or ""):
        yield "deck", index, line.start(), line.end()
        index -= 1


def _headline_claims(article: Article, body_claims: list[Claim], article_category: str,
                     proposing: bool = False, kiwi=None) -> list[Claim]:
    """Return the claims of the title and the deck lines (offsets into the title or the deck), marked as echoes
    when every value they state is stated in the body too, so that comparisons count them once."""
    body_spans = [sp for c in body_claims for sp in c.spans]
    out = []
    for zone, index, start, end in _headline_lines(article):
        source = article.title if zone == "title" else article.deck
        text = source[start:end]
        spans = find_spans(text, start)
        if not spans:
            continue
        status = headline_status(text, _stated_in(spans, body_claims))
        if proposing:
            status = in_proposal(status, text)
        spans = [replace(sp, cls=_whose(article, cls))
                 for sp, cls in zip(spans, classes_of(spans, text, start, status, f"{article.title} {article.deck}",
                                                      zone))]
        out.append(Claim(
            id=claim_key(article.agency, f"{zone}:{text}"), article=article.id, sentence=index, text=text,
            agency=article.agency, term=article.term, program=None, status=status,
            category=category_of(text, article_category), spans=tuple(spans), start=start, end=end, zone=zone,
            cls=claim_class(spans), echo=all(_echoes(sp, body_spans) for sp in spans),
            line=claim_line(text, start, spans, tokens=_tagged(kiwi, source, start, end, spans),
                            headline=article.title if zone == "deck" else "", tagged_kinds=TAGGED_IN_HEADLINES),
        ))
    return out


def _programs(article: Article, mentions: list[ProgramMention], title_mentions: list[ProgramMention], body: str,
              article_category: str) -> list[Program]:
    """Return the programs an article names (in its title or body), one per spacing-insensitive name (mentions
    come renamed by _as_longer_names)."""
    programs: dict[str, Program] = {}
    for m in title_mentions + mentions:
        if m.key in programs:
            continue
        context = body[max(0, m.start - 80): m.end + 80] if m in mentions else article.title
        programs[m.key] = Program(
            id=program_id(article.agency, article.term, m.key), agency=article.agency, term=article.term,
            name=m.name, key=m.key, category=category_of(m.name + " " + context, article_category),
        )
    return list(programs.values())


def flags_for_page(article: PageArticle) -> list[Flag]:
    """Return the flags a page article carries before analysis (inferred title or date)."""
    flags = []
    if article.title_inferred:
        flags.append(Flag("title_inferred", "No headline found; the title shown is taken from the text."))
    if article.title_only:
        flags.append(Flag("title_only", f"Only the headline is this record's own: {article.title_only}."))
    if article.published and article.published.inferred:
        flags.append(Flag("date_inferred", f"Publication date {article.published.value} inferred: "
                                           f"{article.published.evidence}."))
    return flags
