"""Korean-aware full-text search: character bigrams (spacing-insensitive) and kiwi morphemes in FTS5.

Queries are parsed here and turned into FTS5 MATCH expressions built only from single quoted tokens (bigrams and
stems), so no user text ever reaches FTS5 syntax: unbalanced quotes, lone operators and FTS special characters
are searched as text. The index finds the rows holding all of a word's bigrams; the rows shown are checked for
the word itself (tui.store.index.text_holds), as are one-letter words and excluded words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from tui.models import searchable
from tui.store.db import Database
from tui.store.index import bigrams, text_holds, title_text
from tui.store.textpack import unpack

FILTER = re.compile(r"^(agency|term|kind|status|기관|기수|종류):(.+)$", re.IGNORECASE)
VERB_ENDING = re.compile(r"(?:하다|되다|시키다|받다|다)$")


class QueryError(Exception):
    """A query with nothing searchable in it."""


@dataclass
class Query:
    """A parsed query: terms (all must match), phrases, excluded terms, and filters."""

    terms: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)
    text: str = ""


def parse_query(text: str) -> Query:
    """Return the parsed query; quotes group words into one phrase, '-word' excludes, 'agency:광산구' filters.

    Anything malformed is taken as text: an unbalanced quote runs to the end, a lone '-' or operator is ignored.
    """
    query = Query(text=text)
    for raw in _tokens(text):
        phrase = raw.startswith('"') or raw.startswith("“")
        word = raw.strip('"“”')
        if not phrase:
            m = FILTER.match(word)
            if m:
                query.filters[_filter_name(m.group(1))] = m.group(2)
                continue
            if word.startswith("-") and len(searchable(word)) > 0:
                query.excluded.append(word[1:])
                continue
            if word.upper() in ("AND", "OR", "NOT", "NEAR"):
                continue
        if searchable(word):
            query.terms.append(word)
    return query


def _filter_name(name: str) -> str:
    """Return the English name of a filter prefix."""
    return {"기관": "agency", "기수": "term", "종류": "kind"}.get(name, name.lower())


def _tokens(text: str) -> list[str]:
    """Split a query into words and quoted phrases (an unclosed quote takes the rest of the line)."""
    tokens = []
    for m in re.finditer(r'["“][^"”]*["”]?|\S+', text):
        tokens.append(m.group())
    return tokens


def _word(term: str) -> list:
    """Return how a row is checked for one term: [letters, stem or None, whether morphemes count]."""
    chars = searchable(term)
    stem = VERB_ENDING.sub("", chars)
    stem = stem if stem != chars and len(stem) >= 2 else None  # 지원하다 also finds 지원했다 / 지원을
    return [chars, stem, len(chars) >= 2 and chars.isalnum() and " " not in term]  # 펼치다 finds 펼친


def _found_by_index(term: str) -> bool:
    """Return True when the rows the index finds for a term all hold it: a two-letter word is one bigram, and a
    row holds that token only where its text or its morphemes hold the word."""
    chars, stem, morph = _word(term)
    return len(chars) == 2 and stem is None and morph


def _match_term(term: str) -> str | None:
    """Return the FTS5 expression that finds the rows which may hold a term: all of its bigrams (or all of its
    stem's), or its letters or stem as a morpheme. None for one-character terms (bigrams cannot find them)."""
    chars, stem, morph = _word(term)
    if len(chars) < 2:
        return None
    options = [_all_bigrams(chars)] + ([_all_bigrams(stem)] if stem else [])
    if morph:
        options += [f'"{s}"' for s in dict.fromkeys((chars, stem)) if s and len(s) >= 2]
    return options[0] if len(options) == 1 else f"({' OR '.join(options)})"


def _all_bigrams(chars: str) -> str:
    """Return the FTS5 expression of rows holding every bigram of some letters (each one token, quoted)."""
    grams = [f'"{g}"' for g in dict.fromkeys(bigrams(chars).split())]
    return grams[0] if len(grams) == 1 else f"({' AND '.join(grams)})"


@dataclass
class Hit:
    """One matching sentence (or title) with where the words matched."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    claim: str | None
    title: str
    agency: str | None
    term: int | None
    published: str | None
    outlet: str | None
    matches: list[tuple[int, int]]
    line: str | None = None  # the matched claim in one line (its values and what they count), when a claim matched
    cls: str | None = None  # that claim's class (award, record, ... context)

    def to_dict(self) -> dict:
        """Return the hit as a JSON-ready dict."""
        return {"article": self.article, "title": self.title, "agency": self.agency, "term": self.term,
                "published": self.published, "outlet": self.outlet, "sentence": self.text, "start": self.start,
                "end": self.end, "claim": self.claim, "line": self.line, "class": self.cls,
                "matches": [list(m) for m in self.matches]}


def highlight_positions(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Return (start, end) of every occurrence of the terms in text, ignoring spacing inside a term."""
    found = []
    for term in terms:
        chars = searchable(term)
        if not chars:
            continue
        gap = r"[^0-9A-Za-z가-힣]*"  # spaces and punctuation may sit inside a term (광주형 일자리, 85.8)
        pattern = gap.join(re.escape(c) for c in chars)
        found += [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
        stem = VERB_ENDING.sub("", chars)
        if stem != chars and len(stem) >= 2:
            found += [(m.start(), m.end()) for m in re.finditer(gap.join(map(re.escape, stem)), text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


CANDIDATES = 1000  # rows ordered per query; beyond that, only the newest-ingested are seen


def search(db: Database, query: Query, agency: str | None = None, term: int | None = None,
           kind: str | None = None, limit: int = 100) -> list[Hit]:
    """Return sentences matching every term, restricted by the filters: titles first, then the newest published.
    Filters written in the query (agency:광산구 term:7 kind:money) apply when no argument gives them.

    Sorting every match does not keep up with a common word at 100k articles, so the full-text index is walked
    newest-ingested first and stops after CANDIDATES rows that hold the words' bigrams and pass the filters; the
    order above is applied to those, and the rows are checked for the words themselves in that order until
    `limit` hold them (a row may hold a word's bigrams apart). A query whose words' bigrams are in fewer rows than
    that, the usual case, is ordered over all of its matches.
    """
    agency, term, kind = _with_query_filters(db, query, agency, term, kind)
    if not query.terms:
        raise QueryError(f"nothing to search for in {query.text!r}: give a word of letters or digits")
    expressions = [e for e in (_match_term(t) for t in query.terms) if e]
    spec = json.dumps([[_word(t) for t in query.terms],
                       [_word(t) for t in query.excluded if len(searchable(t)) >= 2]], ensure_ascii=False)
    params: list = []
    columns = 'd.article, d.sentence, d.start, d."end", d.claim, d.morphs, (d.sentence >= 0) AS rank, a.published'
    if expressions:
        sql = (f"SELECT {columns} FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid "
               "JOIN articles a ON a.id = d.article WHERE search_fts MATCH ?")
        match = " AND ".join(expressions)
        exact = [_match_term(t) for t in query.excluded if _found_by_index(t)]  # the rest are checked on the text
        if exact:  # (a row holding a two-letter word's one bigram holds the word: it can leave in the index)
            match = f"({match}) NOT ({' OR '.join(exact)})"
        params.append(match)
        order = " ORDER BY f.rowid DESC"
    else:  # one-character terms only: every row is checked
        sql = f"SELECT {columns} FROM search_docs d JOIN articles a ON a.id = d.article WHERE 1"
        order = " ORDER BY d.rowid DESC"
    if agency:
        sql += " AND (a.agency = ? OR a.agencies LIKE ?)"
        params += [agency, f'%"{agency}"%']
    if term is not None:
        sql += " AND a.term = ?"
        params.append(term)
    if kind:
        sql += (" AND d.claim IS NOT NULL AND EXISTS (SELECT 1 FROM claims c WHERE c.id = d.claim "
                "AND c.article = d.article AND (' ' || c.kinds || ' ') LIKE ?)")
        params.append(f"% {kind} %")
    check = not all(_found_by_index(t) for t in query.terms) or any(
        len(searchable(t)) >= 2 and not _found_by_index(t) for t in query.excluded)
    if check and not expressions:  # one-letter words only: every row is read, and checked as it is read
        sql += ' AND search_keeps(d.sentence, a.body_z, d.start, d."end", a.title, a.deck, d.morphs, ?)'
        params.append(spec)
        check = False
    pool = max(CANDIDATES, limit)
    sql = (f"SELECT h.article, h.sentence, h.start, h.\"end\", h.claim, h.morphs, a.title, a.agency, a.term, "
           f"a.published, a.outlet, a.deck FROM ({sql}{order} LIMIT ?) h "
           f"JOIN articles a ON a.id = h.article ORDER BY h.rank, h.published DESC, h.article, h.sentence LIMIT ?")
    params += [pool, pool if check else limit]
    rows = db.execute(sql, params).fetchall()
    found: list[tuple] = []  # the rows shown
    bodies: dict[str, str] = {}  # the bodies of their articles
    at = 0
    while len(found) < limit and at < len(rows):
        batch = rows[at: at + limit - len(found) + 20]  # (the next rows the results need, and a few more)
        at += len(batch)
        wanted = sorted({r[0] for r in batch if r[1] >= 0} - bodies.keys())
        for chunk in range(0, len(wanted), 400):
            part = wanted[chunk: chunk + 400]
            bodies.update((i, unpack(z)) for i, z in db.execute(
                f"SELECT id, body_z FROM articles WHERE id IN ({','.join('?' * len(part))})", part))
        for row in batch:
            if len(found) == limit:
                break
            article, sentence, start, end, _, morphs, title, *_, deck = row
            if check and not text_holds(bodies.get(article, "")[start:end] if sentence >= 0
                                        else title_text(title, deck), morphs, spec):
                continue  # the row holds the words' bigrams, not the words
            found.append(row)
    lines = _claim_lines(db, sorted({(r[4], r[0]) for r in found if r[4]}))
    hits = []
    for article, sentence, start, end, claim, _, title, agency_name, term_number, published, outlet, deck in found:
        if sentence < 0:  # the title document holds the title and the deck: show the one that matched
            start, end = -1, -1
            text = deck if deck and not highlight_positions(title, query.terms) \
                and highlight_positions(deck, query.terms) else title
        else:
            text = bodies[article][start:end]
        line, cls = lines.get((claim, article), (None, None))
        hits.append(Hit(article, sentence, start, end, text, claim, title, agency_name, term_number, published,
                        outlet, highlight_positions(text, query.terms), line, cls))
    return hits


def _claim_lines(db: Database, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple]:
    """Return {(claim, article): (line, class)} for the matched claims (line is None for claims stored before
    lines existed)."""
    out: dict[tuple[str, str], tuple] = {}
    for chunk in range(0, len(keys), 400):
        part = keys[chunk: chunk + 400]
        where = " OR ".join(["(id = ? AND article = ?)"] * len(part))
        for claim, article, line, cls in db.execute(
                f"SELECT id, article, line, class FROM claims WHERE {where}", [v for k in part for v in k]):
            out[(claim, article)] = (line, cls)
    return out


def _with_query_filters(db, query: Query, agency, term, kind):
    """Return agency, term and kind, filled from the query's own filters where not given."""
    from tui.models import SPAN_KINDS
    from tui.store.read import FilterError, resolve_agency

    if agency is None and "agency" in query.filters:
        try:
            agency = resolve_agency(db, query.filters["agency"])
        except FilterError as err:
            raise QueryError(str(err)) from None
    if term is None and "term" in query.filters:
        digits = "".join(c for c in query.filters["term"] if c.isdigit())
        if not digits:
            raise QueryError(f"term:{query.filters['term']} is not a term number")
        term = int(digits)
    if kind is None and "kind" in query.filters:
        kind = query.filters["kind"].lower()
        if kind not in SPAN_KINDS:
            raise QueryError(f"kind:{kind} is not one of {', '.join(SPAN_KINDS)}")
    return agency, term, kind
