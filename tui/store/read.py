"""Reading: articles, claims with spans and reviews, programs, agencies and terms, as models or plain rows."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from tui.models import CLASSES, Article, Claim, Flag, Span, program_key
from tui.store.db import Database, by_id_or_prefix
from tui.store.schema import (
    CLAIM_MONTH,
    CLAIM_ORDER,
    CLAIM_TEXT,
    CLASS_RANK,
    SOURCE_FILE,
)
from tui.store.textpack import unpack, unpack_raw

CLAIM_COLUMNS = (f'c.id, c.article, c.sentence, c.start, c."end", {CLAIM_TEXT} AS text, c.agency, c.term, c.program, '
                 "c.status, c.category, c.speaker, c.kinds, a.published, c.zone, c.class, c.echo, c.line")  # articles a
# the files a --source filter names: the whole name or its end
SOURCES_LIKE = "SELECT id FROM sources WHERE file = ? OR file LIKE ?"
# a claim row with its article's fields, as the lists show it
ROW_COLUMNS = f"{CLAIM_COLUMNS}, {SOURCE_FILE} AS source, a.url, a.title, a.outlet, a.published AS article_published"


class FilterError(Exception):
    """A filter value that matches nothing or more than one thing."""


@dataclass(frozen=True)
class ClaimFilter:
    """What a claim listing is restricted to (None means any)."""

    agency: str | None = None
    term: int | None = None
    program: str | None = None  # program id
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    source: str | None = None
    review: str | None = None  # verified, disputed, unchecked
    article: str | None = None
    category: str | None = None
    echoes: bool = True  # False leaves out title and deck claims whose values the body states too
    award_level: str | None = None  # 대통령, 국무총리, 장관 or 기타: award claims whose prize is of that level
    no_agency: bool = False  # only claims of articles no government is the subject of (agency left empty)

def agencies_with_data(db: Database) -> list[str]:
    """Return the full names of agencies that have at least one article or claim."""
    return sorted(r[0] for r in db.execute("SELECT DISTINCT agency FROM agency_terms"))


def agency_candidates(db: Database, name: str) -> list[str]:
    """Return the agencies (full names) a name may mean, from the agencies table's names and aliases."""
    name = " ".join(name.split())
    compact = name.replace(" ", "")
    found = []
    for full_name, short, aliases, parent in db.execute("SELECT full_name, name, aliases, parent FROM agencies"):
        forms = {full_name, short, full_name.replace(" ", ""), *(aliases or "").split("|")}
        if name in forms or compact in {f.replace(" ", "") for f in forms if f}:
            found.append(full_name)
    if name in found:
        return [name]
    return found


def resolve_agency(db: Database, name: str) -> str:
    """Return the full name for a user-typed agency name, preferring agencies with data; raise FilterError."""
    candidates = agency_candidates(db, name)
    if not candidates:
        raise FilterError(f"unknown agency {name!r}")
    if len(candidates) == 1:
        return candidates[0]
    with_data = [c for c in candidates if c in set(agencies_with_data(db))]
    if len(with_data) == 1:
        return with_data[0]
    choices = ", ".join(with_data or candidates)
    raise FilterError(f"{name!r} is ambiguous: {choices}; give the full name")


def resolve_program(db: Database, name: str, agency: str | None = None) -> list[str]:
    """Return program ids whose name matches (spacing-insensitive, substring), optionally within an agency."""
    key = program_key(name)
    sql = "SELECT id FROM programs WHERE key LIKE ?"
    params: list = [f"%{key}%"]
    if agency:
        sql += " AND agency = ?"
        params.append(agency)
    ids = [r[0] for r in db.execute(sql, params)]
    if not ids:
        raise FilterError(f"no program matches {name!r}")
    return ids


def _where(f: ClaimFilter, program_ids: list[str] | None = None) -> tuple[str, list]:
    """Return the SQL WHERE clause and parameters for a claim filter."""
    clauses, params = [], []
    if f.agency:
        clauses.append("c.agency = ?")
        params.append(f.agency)
    elif f.no_agency:
        clauses.append("c.agency IS NULL")
    if f.term is not None:
        clauses.append("c.term = ?")
        params.append(f.term)
    if program_ids is not None:
        clauses.append(f"c.program IN ({','.join('?' * len(program_ids))})")
        params.extend(program_ids)
    elif f.program:
        clauses.append("c.program = ?")
        params.append(f.program)
    if f.kinds:
        clauses.append("(" + " OR ".join("(' ' || c.kinds || ' ') LIKE ?" for _ in f.kinds) + ")")
        params.extend(f"% {k} %" for k in f.kinds)
    if f.statuses:
        clauses.append(f"c.status IN ({','.join('?' * len(f.statuses))})")
        params.extend(f.statuses)
    if not f.echoes:
        clauses.append("c.echo = 0")
    if f.award_level:
        prize = "EXISTS (SELECT 1 FROM spans p WHERE p.claim_rid = c.rid AND p.kind = 'award' AND " \
                "p.text LIKE ?)"
        levels = ["대통령", "국무총리", "장관"]
        if f.award_level in levels:  # the highest level named: 대통령 before 국무총리 before 장관
            clauses.append(prize)
            params.append(f"%{f.award_level}%")
            for higher in levels[: levels.index(f.award_level)]:
                clauses.append("NOT " + prize)
                params.append(f"%{higher}%")
        else:
            for level in levels:
                clauses.append("NOT " + prize)
                params.append(f"%{level}%")
    if f.classes:
        clauses.append(f"c.class IN ({','.join('?' * len(f.classes))})")
        params.extend(f.classes)
    if f.source:
        clauses.append(f"a.source_id IN ({SOURCES_LIKE})")
        params.extend([f.source, f"%{f.source}"])
    if f.article:
        clauses.append("c.article = ?")
        params.append(f.article)
    if f.category:
        clauses.append("c.category = ?")
        params.append(f.category)
    if f.review:
        latest = "(SELECT state FROM reviews r WHERE r.claim_key = c.id ORDER BY r.at DESC, r.rowid DESC LIMIT 1)"
        if f.review == "unchecked":
            clauses.append(f"coalesce({latest}, 'unchecked') = 'unchecked'")
        else:
            clauses.append(f"{latest} = ?")
            params.append(f.review)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count_claims(db: Database, f: ClaimFilter, program_ids: list[str] | None = None) -> int:
    """Return how many claims match a filter (the articles table is joined only to filter by source)."""
    where, params = _where(f, program_ids)
    join = " JOIN articles a ON a.id = c.article" if f.source else ""
    return db.execute(f"SELECT count(*) FROM claims c{join}{where}", params).fetchone()[0]


def class_counts(db: Database, f: ClaimFilter, program_ids: list[str] | None = None) -> dict[str, int]:
    """Return how many claims of a filter there are of each class (None for claims stored before classes)."""
    where, params = _where(replace(f, classes=()), program_ids)
    join = " JOIN articles a ON a.id = c.article" if f.source else ""
    # grouped by the class's rank, the expression the claims_class_* indexes hold: the count walks the index in
    # its order instead of sorting the claims (at 100k, 2-4 ms instead of 100-150 ms for a district not read before)
    rank = CLASS_RANK.replace("class", "c.class")
    rows = db.execute(f"SELECT {rank} AS r, count(*) FROM claims c{join}{where} GROUP BY r", params).fetchall()
    return {CLASSES[r] if r < len(CLASSES) else None: n for r, n in rows}


def monthly_counts(db: Database, f: ClaimFilter) -> list[tuple[str, int]]:
    """Return (YYYY-MM, claims) for every month from the first to the last with claims of a filter (zeros
    included), by publication date."""
    where, params = _where(f)
    join = " JOIN articles a ON a.id = c.article" if f.source else ""
    clause = (where + " AND " if where else " WHERE ") + f"{CLAIM_MONTH} % 100 > 0"  # month known
    counts = {f"{m // 100:04d}-{m % 100:02d}": n for m, n in db.execute(
        f"SELECT {CLAIM_MONTH} AS m, count(*) FROM claims c{join}{clause} GROUP BY m ORDER BY m", params)}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    months, (year, month) = [], (int(first[:4]), int(first[5:7]))
    while f"{year:04d}-{month:02d}" <= last and len(months) < 600:
        key = f"{year:04d}-{month:02d}"
        months.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def claim_rows(db: Database, f: ClaimFilter, limit: int | None = None, offset: int = 0,
               program_ids: list[str] | None = None) -> list[dict]:
    """Return claims as dicts (with spans, source article fields and current review): achievements first (award …
    outcome, then activity, policy, context), newest first within a class."""
    where, params = _where(f, program_ids)
    # the page's claims first, then their columns: a filter the claims_class_* indexes cannot order (several
    # agencies, a source) sorts every match, and would read every match's sentence from its article to do it
    page = f"SELECT c.rowid AS r FROM claims c JOIN articles a ON a.id = c.article{where} ORDER BY {CLAIM_ORDER}"
    if limit is not None:
        page += " LIMIT ? OFFSET ?"
        params = params + [limit, offset]
    sql = (f"SELECT {ROW_COLUMNS} FROM ({page}) p JOIN claims c ON c.rowid = p.r JOIN articles a ON a.id = c.article "
           f"ORDER BY {CLAIM_ORDER}")
    rows = [dict(zip([d[0] for d in cur.description], r)) for cur in [db.execute(sql, params)] for r in cur]
    _attach(db, rows)
    return rows


def claim_rows_by_rowid(db: Database, rowids: list[int]) -> dict[int, dict]:
    """Return the claim rows (as `claim_rows` gives them) of claims chosen by their row numbers, by row number."""
    rows: dict[int, dict] = {}
    for chunk in range(0, len(rowids), 500):
        part = rowids[chunk: chunk + 500]
        cur = db.execute(f"SELECT c.rowid, {ROW_COLUMNS} FROM claims c JOIN articles a ON a.id = c.article "
                         f"WHERE c.rowid IN ({','.join('?' * len(part))})", part)
        names = [d[0] for d in cur.description][1:]
        rows.update((r[0], dict(zip(names, r[1:]))) for r in cur)
    _attach(db, list(rows.values()))
    return rows


def _attach(db: Database, rows: list[dict]) -> None:
    """Add spans, program names and reviews to claim rows in a few queries."""
    if not rows:
        return
    pairs = [(r["id"], r["article"]) for r in rows]
    wanted = set(pairs)
    claim_ids = sorted({k for k, _ in pairs})
    spans: dict[tuple[str, str], list[dict]] = {}
    keys = sorted(wanted, key=lambda k: (k[1], k[0]))
    for chunk in range(0, len(keys), 400):  # per (article, claim): the claim's row, then its spans by row number
        part = keys[chunk: chunk + 400]
        for s in db.execute(
            f"WITH w(article, claim) AS (VALUES {','.join(['(?,?)'] * len(part))}) SELECT "
            'c.id, c.article, s.kind, s.start, s."end", s.text, s.value, s.value_max, s.unit, s.approx, s.class, '
            "s.streak FROM w JOIN claims c ON c.id = w.claim AND c.article = w.article "
            "JOIN spans s ON s.claim_rid = c.rid ORDER BY s.start",
            [v for claim, article in part for v in (article, claim)],
        ):
            spans.setdefault((s[0], s[1]), []).append(
                {"kind": s[2], "text": s[5], "start": s[3], "end": s[4], "value": _num(s[6]),
                 "value_max": _num(s[7]), "unit": s[8], "approx": bool(s[9]), "class": s[10], "streak": s[11]})
    reviews = latest_reviews(db, claim_ids)
    programs = {r[0]: r[1] for r in db.execute(
        f"SELECT id, name FROM programs WHERE id IN ({','.join('?' * len(rows))})", [r["program"] for r in rows]
    )} if any(r["program"] for r in rows) else {}
    for r in rows:
        r["spans"] = spans.get((r["id"], r["article"]), [])
        r["review"] = reviews.get(r["id"])
        r["program_name"] = programs.get(r["program"])
        if not r.get("line"):  # a claim stored before lines existed: made from its spans and surface words
            r["line"] = line_of_row(r)


def line_of_row(row: dict) -> str:
    """Return a claim row's line made from its sentence and spans (for claims stored before lines existed)."""
    # imported here: its patterns are compiled only when an old claim needs a line, not at the browser's start
    from tui.claimline import claim_line

    spans = [Span(s["kind"], s["start"], s["end"], s["text"], s["value"], s["unit"], s["approx"],
                  s.get("value_max"), s.get("streak"), s.get("class")) for s in row.get("spans", [])]
    return claim_line(row["text"], row["start"], spans, row.get("program_name"))


def _num(value):
    """Return an int for integral floats (12500, not 12500.0)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def latest_reviews(db: Database, keys: list[str]) -> dict[str, dict]:
    """Return the current review {state, note, at} of each claim key that has one."""
    out: dict[str, dict] = {}
    for chunk in range(0, len(keys), 500):
        part = keys[chunk: chunk + 500]
        for key, state, note, at in db.execute(
            "SELECT claim_key, state, note, at FROM reviews WHERE claim_key IN "
            f"({','.join('?' * len(part))}) ORDER BY at, rowid", part,
        ):
            out[key] = {"state": state, "note": note or "", "at": at}
    return out


def row_to_claim(row: dict) -> Claim:
    """Return a Claim model from a claim row with spans."""
    spans = tuple(Span(s["kind"], s["start"], s["end"], s["text"], s["value"], s["unit"], s["approx"],
                       s.get("value_max"), s.get("streak"), s.get("class")) for s in row.get("spans", []))
    return Claim(row["id"], row["article"], row["sentence"], row["text"], row["agency"], row["term"],
                 row["program"], row["status"], row["category"], spans, row["speaker"], row["start"], row["end"],
                 row.get("zone") or "body", row.get("class") or "context", bool(row.get("echo")), row.get("line") or "")


ARTICLE_COLUMNS = (f"id, {SOURCE_FILE} AS source, position, title, deck, published, published_inferred, outlet, reporter, agency, "
                   "agencies, term, flags, captions, url")


def article_rows(db: Database, agency: str | None = None, term: int | None = None,
                 source: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Return article metadata rows (no body), ordered by source and position."""
    clauses, params = [], []
    if agency:
        clauses.append("(agency = ? OR agencies LIKE ?)")
        params.extend([agency, f'%"{agency}"%'])
    if term is not None:
        clauses.append("term = ?")
        params.append(term)
    if source:
        clauses.append(f"source_id IN ({SOURCES_LIKE})")
        params.extend([source, f"%{source}"])
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles a{where} ORDER BY source, position"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    cur = db.execute(sql, params)
    names = [d[0] for d in cur.description]
    rows = []
    for r in cur:
        row = dict(zip(names, r))
        row["agencies"] = json.loads(row["agencies"] or "[]")
        row["flags"] = json.loads(row["flags"] or "[]")
        row["captions"] = json.loads(row["captions"] or "[]")
        rows.append(row)
    return rows


def get_article(db: Database, article_id: str, with_raw: bool = True) -> Article | None:
    """Return one article by id or unique id prefix, with its body and, unless with_raw is False, the text as
    read (the browser never shows it: it is left empty there rather than read and unpacked on every open)."""
    names, found = by_id_or_prefix(db, f"SELECT *, {SOURCE_FILE} AS source FROM articles a WHERE {{id}}", article_id,
                                   limit=2)
    if len(found) != 1:
        return None
    r = dict(zip(names, found[0]))
    body = unpack(r["body_z"])
    raw = body if with_raw else ""
    if with_raw and r["raw_digest"]:
        row = db.execute("SELECT r.raw_z, r.base, b.body_z FROM raw_texts r LEFT JOIN articles b ON b.id = r.base "
                         "WHERE r.digest = ?", [r["raw_digest"]]).fetchone()
        raw = unpack_raw(row[0], row[2]) if row and (row[1] is None or row[2] is not None) else body
    return Article(
        id=r["id"], source=r["source"], title=r["title"], body=body, raw=raw, deck=r["deck"] or "",
        published=r["published"], outlet=r["outlet"], reporter=r["reporter"], agency=r["agency"],
        agencies=tuple(json.loads(r["agencies"] or "[]")), term=r["term"],
        flags=tuple(Flag(f["code"], f["message"]) for f in json.loads(r["flags"] or "[]")),
        captions=tuple(json.loads(r["captions"] or "[]")), url=r["url"], position=r["position"],
    )


def article_claims(db: Database, article_id: str) -> list[dict]:
    """Return the claims of one article in reading order."""
    zones = {"title": 0, "deck": 1}
    return sorted(claim_rows(db, ClaimFilter(article=article_id)), key=lambda r: (zones.get(r["zone"], 2), r["start"]))


def corroboration(db: Database, rows: list[dict]) -> None:
    """Add to every span of claim rows how many other articles state the same agency, value and unit."""
    wanted = {(r["agency"], s["value"], s["unit"]) for r in rows for s in r["spans"] if s["value"] is not None}
    if not wanted:
        return
    counts: dict[tuple, int] = {}
    by_agency: dict = {}
    for agency, value, unit in wanted:
        by_agency.setdefault(agency, []).append((value, unit))
    for agency, pairs in by_agency.items():  # one query per agency and 200 values, not one per value
        for chunk in range(0, len(pairs), 200):
            part = pairs[chunk: chunk + 200]
            sql = (f"WITH w(value, unit) AS (VALUES {','.join('(?,?)' for _ in part)}) "
                   "SELECT s.value, s.unit, count(DISTINCT c.article) FROM w "
                   "JOIN spans s ON s.value = w.value AND s.unit IS w.unit "
                   "JOIN claims c ON c.rid = s.claim_rid "
                   "WHERE c.agency IS ? GROUP BY s.value, s.unit")
            for value, unit, n in db.execute(sql, [x for p in part for x in p] + [agency]):
                counts[(agency, value, unit)] = n
    for r in rows:
        for s in r["spans"]:
            if s["value"] is not None:
                s["corroborated_by"] = max(0, counts.get((r["agency"], s["value"], s["unit"]), 1) - 1)


PROGRAM_LABEL = ("('program: ' || p.name || ' · ' || coalesce(p.agency, '?') || ' · 민선 ' "
                 "|| coalesce(p.term, '?') || '기')")  # what the command palette shows (without the claim count)


def letters_in_order(text: str) -> str:
    """Return a LIKE pattern (escape character \\) matching text whose characters appear in this order."""
    return "%" + "%".join("\\" + ch if ch in "%_\\" else ch for ch in text.lower()) + "%"


def program_rows(db: Database, agency: str | None = None, term: int | None = None,
                 program_ids: list[str] | None = None, limit: int | None = None,
                 letters: str | None = None) -> list[dict]:
    """Return programs with their claim and article counts, 'possibly the same' names and their palette label,
    most claims first.

    letters keeps the programs whose palette label holds those characters in order (the palette's fuzzy
    matching, done in SQL so that every program can be found, not only the most claimed).
    """
    clauses, params = [], []
    if letters:
        clauses.append(f"lower({PROGRAM_LABEL}) LIKE ? ESCAPE '\\'")
        params.append(letters_in_order(letters))
    if agency:
        clauses.append("p.agency = ?")
        params.append(agency)
    if term is not None:
        clauses.append("p.term = ?")
        params.append(term)
    if program_ids is not None:
        clauses.append(f"p.id IN ({','.join('?' * len(program_ids))})")
        params.extend(program_ids)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = ("SELECT p.id, p.name, p.agency, p.term, p.category, p.related, p.claims, p.articles, "
           f"{PROGRAM_LABEL} AS label FROM programs p{where} ORDER BY p.claims DESC, p.articles DESC, p.name")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    cur = db.execute(sql, params)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur]
    ids = {i for r in rows for i in json.loads(r["related"] or "[]")}
    lookup = {}
    if ids:
        lookup = {i: (n, a) for i, n, a in db.execute(
            f"SELECT id, name, agency FROM programs WHERE id IN ({','.join('?' * len(ids))})", sorted(ids))}
    for r in rows:
        r["possibly_same"] = [{"id": i, "name": lookup[i][0], "agency": lookup[i][1]}
                              for i in json.loads(r.pop("related") or "[]") if i in lookup]
    return rows


def program_articles(db: Database, program_ids: list[str]) -> dict[str, list[str]]:
    """Return the ids of the articles that name each program."""
    out: dict[str, list[str]] = {}
    for chunk in range(0, len(program_ids), 500):
        part = program_ids[chunk: chunk + 500]
        for program, article in db.execute(
                f"SELECT program, article FROM program_articles WHERE program IN ({','.join('?' * len(part))}) "
                "ORDER BY article", part):
            out.setdefault(program, []).append(article)
    return out


def agency_rows(db: Database, everything: bool = False) -> list[dict]:
    """Return agencies (with data unless `everything`) and their terms: head, years, article and claim counts."""
    counts: dict[str, dict[int | None, list[int]]] = {}
    for agency, term, articles, claims in db.execute("SELECT agency, term, articles, claims FROM agency_terms"):
        counts.setdefault(agency, {})[term] = [articles, claims]
    heads: dict[tuple[str, int], list[str]] = {}
    for agency, term, name in db.execute("SELECT agency, term, name FROM heads ORDER BY start"):
        heads.setdefault((agency, term), [])
        if name not in heads[(agency, term)]:
            heads[(agency, term)].append(name)
    years = {t: (s[:4], e[:4]) for t, s, e in db.execute('SELECT term, start, "end" FROM terms')}
    rows = []
    for code, name, full_name, level, parent in db.execute(
        "SELECT code, name, full_name, level, parent FROM agencies ORDER BY code"
    ):
        data = counts.get(full_name)
        if not data and not everything:
            continue
        terms = []
        for term, (articles, claims) in sorted((data or {}).items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
            start, end = years.get(term, ("", ""))
            terms.append({"term": term, "head": ", ".join(heads.get((full_name, term), [])) or None,
                          "years": f"{start}–{end}" if start else None, "articles": articles, "claims": claims})
        rows.append({"name": name, "full_name": full_name, "level": level, "parent": parent or None,
                     "code": code, "terms": terms})
    return rows

