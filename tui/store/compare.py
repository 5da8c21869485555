"""Comparisons: two sides (an agency with one term or all terms), their figures and their claims by field."""

from __future__ import annotations

import json
from dataclasses import replace

from tui.models import ACHIEVEMENT_CLASSES, Side
from tui.store.db import Database
from tui.store.read import ClaimFilter, FilterError, claim_rows_by_rowid, resolve_agency
from tui.store.schema import CLAIM_ORDER, CLAIM_YEAR
from tui.store.textpack import pack, unpack


def parse_side(db: Database, spec: str) -> Side:
    """Return the Side of 'AGENCY[@TERM]' (e.g. 광산구@7, 광주광역시@8, 서구); raise FilterError."""
    name, _, term = spec.partition("@")
    number = None
    if term.strip():
        digits = "".join(c for c in term if c.isdigit())
        if not digits:
            raise FilterError(f"{spec!r}: the term after @ must be a number, such as 광산구@7")
        number = int(digits)
    return Side(resolve_agency(db, name), number)


def parse_sides(db: Database, specs: list[str]) -> list[Side]:
    """Return the sides of several specs: 'AGENCY[@TERM]', or 'METRO/*[@TERM]' for every district of a city or
    province (광주광역시/*@8: its five 자치구 in 민선 8기); raise FilterError."""
    sides: list[Side] = []
    for spec in specs:
        name, at, term = spec.partition("@")
        if name.rstrip().endswith("/*"):
            metro = resolve_agency(db, name.rstrip()[:-2])
            districts = [r[0] for r in db.execute(
                "SELECT full_name FROM agencies WHERE parent = ? AND level = '기초' ORDER BY code", [metro])]
            if not districts:
                raise FilterError(f"{spec!r}: {metro} has no districts (use it as one side: {metro}@N)")
            sides += [side for d in districts if (side := parse_side(db, f"{d}{at}{term}")) not in sides]
        else:
            sides.append(parse_side(db, spec))
    return sides


def side_where(side: Side) -> tuple[str, list]:
    """Return the claims WHERE clause of a side (title claims that repeat the body are counted once, in the body)."""
    if side.term is None:
        return "c.agency = ? AND c.echo = 0", [side.agency]
    return "c.agency = ? AND c.term = ? AND c.echo = 0", [side.agency, side.term]


AWARD_LEVELS = (("대통령", "대통령"), ("국무총리", "국무총리"), ("장관", "장관"))  # (level, word in the prize)


def award_level(texts) -> str:
    """Return the level of an award claim from its prize words: 대통령, 국무총리, 장관 or 기타 (the highest)."""
    joined = " ".join(texts)
    return next((level for level, word in AWARD_LEVELS if word in joined), "기타")


def _side_claims(db: Database, side: Side) -> list[tuple]:
    """Return (id, article, class, category, year, rowid, has money) of every claim of a side in the lists'
    order (achievements first, newest first), read once for all its counts, the spans its figures need and the
    first claims of each field."""
    where, params = side_where(side)
    return db.execute(
        "SELECT c.id, c.article, c.class, c.category, CASE WHEN c.published_key > 0 THEN "
        f"printf('%04d', {CLAIM_YEAR}) END, c.rowid, c.kinds LIKE '%money%' FROM claims c WHERE {where} "
        f"ORDER BY {CLAIM_ORDER}",
        params).fetchall()


def _first_per_field(rows: list[tuple], limit: int | None) -> dict[str, list[int]]:
    """Return the row numbers of each field's first claims of a side, newest first within achievements first (the
    claims lists' order): from the side's claims in that order, the first `limit` distinct claim ids of each
    field (a claim stored for two articles is listed once, from the first)."""
    chosen: dict[str, list[int]] = {}
    seen: dict[str, set[str]] = {}
    for claim, _, _, category, _, rowid, _ in rows:
        picked = chosen.setdefault(category, [])
        ids = seen.setdefault(category, set())
        if (limit is None or len(picked) < limit) and claim not in ids:
            ids.add(claim)
            picked.append(rowid)
    return chosen


def side_summary(db: Database, side: Side, rows: list[tuple] | None = None) -> dict:
    """Return the header figures of a side, counted over all its claims (a headline that repeats the body is
    counted once): articles, claims, achievements; funding secured as each distinct amount once with the claims
    behind it; awards by level; records; ranks held; and how many claims are verified or disputed. rows are the
    side's claims as `_side_claims` reads them, when the caller has them already; without them, the figures
    stored at ingest are read when they are current."""
    figures = side_figures(db, side)["summary"] if rows is None else _summary_figures(db, rows)
    return _labelled(db, side, figures)


def _labelled(db: Database, side: Side, figures: dict) -> dict:
    """Return a side's summary: its label, its figures and its review counts (read now)."""
    return {"label": side.label, "agency": side.agency, "term": side.term, **figures, **review_counts(db, side)}


def _summary_figures(db: Database, rows: list[tuple]) -> dict:
    """Return the figures of a side's summary that only its claims decide (not its reviews), from its claims as
    `_side_claims` reads them."""
    by_class: dict[str | None, set[str]] = {}
    article_of: dict[str, str] = {}  # a claim stored for two articles counts with the first
    year_of: dict[str, str] = {}
    for claim, article, cls, _, year, *_ in rows:
        by_class.setdefault(cls, set()).add(claim)
        article_of.setdefault(claim, article)
        if year:
            year_of.setdefault(claim, year)
    funding: dict[tuple, set[str]] = {}
    funding_claims: set[str] = set()
    prizes: dict[str, list[str]] = {claim: [] for claim in by_class.get("award", ())}
    # one pass over the spans of the claims that can hold money or a prize (claims.kinds lists their kinds),
    # found by the claims' row numbers: the side's claims are not read again
    ids = {rowid: (claim, cls == "award") for claim, _, cls, _, _, rowid, money in rows if money or cls == "award"}
    wanted = list(ids)
    spans = []
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk: chunk + 500]
        spans += db.execute(
            "SELECT s.claim_rid, s.kind, s.class, s.value, s.unit, s.text FROM spans s WHERE s.claim_rid IN "
            f"({','.join('?' * len(part))}) AND ((s.kind = 'money' AND s.class = 'funding') OR s.kind = 'award')",
            part).fetchall()
    for rid, kind, cls, value, unit, text in spans:
        claim, award = ids[rid]
        if kind == "award" and not award:
            continue
        if kind == "money":
            funding_claims.add(claim)
            if value is not None and value > 0:
                funding.setdefault((value, unit), set()).add(claim)
        if kind == "award" and claim in prizes and text not in prizes[claim]:
            prizes[claim].append(text)  # an award claim with no prize word (4관왕) counts among the others
    # a prize an article states again (its caption, a quote, 이번 표창은 …) is one prize: award claims count once
    # per article and level
    won = {(article_of[claim], award_level(texts)): year_of.get(claim) for claim, texts in prizes.items()}
    awards = {level: 0 for level, _ in AWARD_LEVELS} | {"기타": 0}
    years: dict[str, int] = {}
    for (_, level), year in won.items():
        awards[level] += 1
        if year:
            years[year] = years.get(year, 0) + 1
    return {"articles": len({article for _, article, *_ in rows}), "claims": len({r[0] for r in rows}),
            "achievements": len(set().union(*(by_class.get(cls, set()) for cls in ACHIEVEMENT_CLASSES))),
            "funding": [{"value": value, "unit": unit, "claims": len(claims)}
                        for (value, unit), claims in sorted(funding.items(), key=lambda kv: -kv[0][0])],
            "funding_claims": len(funding_claims),
            "awards": awards, "awards_by_year": [{"year": y, "awards": n} for y, n in sorted(years.items())],
            "records": len(by_class.get("record", ())), "ranks": len(by_class.get("rank", ()))}


def review_counts(db: Database, side: Side) -> dict[str, int]:
    """Return how many of a side's claims are verified and disputed now (their latest review)."""
    where, params = side_where(side)
    states = dict(db.execute(
        "SELECT state, count(*) FROM (SELECT (SELECT r.state FROM reviews r WHERE r.claim_key = k.id "
        "ORDER BY r.at DESC, r.rowid DESC LIMIT 1) AS state FROM (SELECT DISTINCT c.id FROM claims c "
        f"WHERE {where} AND c.id IN (SELECT claim_key FROM reviews)) k) GROUP BY state", params).fetchall())
    return {"verified": states.get("verified", 0), "disputed": states.get("disputed", 0)}


STORED_PER_FIELD = 50  # claims per field whose row numbers the stored figures keep (the browser lists 50)
# Sides with fewer claims are counted from their claims each time (a millisecond or two): storing them would cost
# a 1k-article database 3% of its size for nothing a user feels; the large sides are the slow ones.
STORED_FROM = 500


def live_side_figures(db: Database, side: Side, per_field: int | None = STORED_PER_FIELD) -> dict:
    """Return a side's figures counted from its claims now: its summary (without reviews) and, per field in
    the claims lists' order, [claims, achievements, row numbers of its first claims]."""
    rows = _side_claims(db, side)
    total: dict[str, set] = {}
    done: dict[str, set] = {}
    for claim, _, cls, category, *_ in rows:
        total.setdefault(category, set()).add(claim)
        if cls in ACHIEVEMENT_CLASSES:
            done.setdefault(category, set()).add(claim)
    firsts = _first_per_field(rows, per_field)
    return {"summary": _summary_figures(db, rows),
            "fields": {name: [len(ids), len(done.get(name, ())), firsts[name]] for name, ids in total.items()}}


def side_figures(db: Database, side: Side, per_field: int | None = STORED_PER_FIELD) -> dict:
    """Return a side's figures as `live_side_figures` gives them: those ingest stored (side_figures) while its
    agency's claims have not changed since (it is not in stale_agencies), else counted now."""
    if per_field is not None and per_field <= STORED_PER_FIELD:
        row = db.execute(
            "SELECT f.figures FROM side_figures f WHERE f.agency = ? AND f.term = ? AND NOT EXISTS "
            "(SELECT 1 FROM stale_agencies s WHERE s.agency = f.agency)", [side.agency, side.term or 0]).fetchone()
        if row is not None:
            figures = json.loads(unpack(row[0]))
            for field in figures["fields"].values():
                del field[2][per_field:]
            return figures
    return live_side_figures(db, side, per_field)


def store_side_figures(db: Database) -> int:
    """Count again and store the figures of every side (each term, and all terms) of at least STORED_FROM claims
    of the agencies whose claims changed since they were last stored, in the current transaction; return how
    many sides were stored. It reads agency_terms to skip small sides, so it runs after that table is recounted
    (write.refresh_summaries does both, in that order)."""
    stale = [r[0] for r in db.execute("SELECT agency FROM stale_agencies")]
    stored = 0
    for agency in stale:
        db.execute("DELETE FROM side_figures WHERE agency = ?", [agency])
        # claim rows per term (agency_terms, recounted just before): at least as many as a side's distinct
        # claims, so a side with fewer rows than STORED_FROM is not counted only to be left unstored
        rows = dict(db.execute("SELECT term, claims FROM agency_terms WHERE agency = ?", [agency]).fetchall())
        terms = [t for t in rows if t is not None and rows[t] >= STORED_FROM]
        for term in ([None] if sum(rows.values()) >= STORED_FROM else []) + terms:
            figures = live_side_figures(db, Side(agency, term))
            if figures["fields"] and figures["summary"]["claims"] >= STORED_FROM:
                db.execute("INSERT INTO side_figures(agency, term, figures) VALUES (?,?,?)",
                           [agency, term or 0, pack(json.dumps(figures, ensure_ascii=False, separators=(",", ":")))])
                stored += 1
        db.execute("DELETE FROM stale_agencies WHERE agency = ?", [agency])
    return stored


def figure_filter(side: Side, figure: str) -> ClaimFilter:
    """Return the claims behind one header figure of a side: achievements, funding, award:<level>, awards,
    records or ranks."""
    base = ClaimFilter(agency=side.agency, term=side.term, echoes=False)
    if figure == "funding":
        return replace(base, classes=("funding",), kinds=("money",))
    if figure.startswith("award:"):
        level = figure.split(":", 1)[1]
        return replace(base, classes=("award",), award_level=level)
    named = {"records": ("record",), "ranks": ("rank",), "awards": ("award",), "achievements": ACHIEVEMENT_CLASSES}
    return replace(base, classes=named.get(figure, ACHIEVEMENT_CLASSES))


def outline(db: Database, left: Side, right: Side, field_order: list[str], per_field: int | None = None) -> dict:
    """Return a comparison without its claims' rows: both sides' summaries and, field by field in the given
    order, the row numbers of the claims each side lists ('left_rows', 'right_rows': `claim_rows_by_rowid`
    reads them), the totals and the achievements. A screen reads the rows it shows first and the rest after.

    per_field caps the claims listed per side and field (newest first), while each field's 'left_total' /
    'right_total' and the summaries count everything.
    """
    figures = [side_figures(db, side, per_field) for side in (left, right)]
    present = set(figures[0]["fields"]) | set(figures[1]["fields"])
    none = [0, 0, []]
    fields = []
    for name in [f for f in field_order if f in present] + sorted(present - set(field_order)):
        (a_total, a_done, a), (b_total, b_done, b) = (f["fields"].get(name, none) for f in figures)
        fields.append({"field": name, "left_rows": a, "right_rows": b, "left_total": a_total,
                       "right_total": b_total, "left_achievements": a_done, "right_achievements": b_done,
                       "only": "left" if not b else "right" if not a else None})
    return {"left": _labelled(db, left, figures[0]["summary"]), "right": _labelled(db, right, figures[1]["summary"]),
            "fields": fields}


def compare(db: Database, left: Side, right: Side, field_order: list[str], per_field: int | None = None) -> dict:
    """Return both sides' summaries and their claims aligned by field (category) in the given order: the
    outline with each field's 'left' and 'right' claim rows read (as `claim_rows` gives them)."""
    data = outline(db, left, right, field_order, per_field)
    rows = claim_rows_by_rowid(db, [r for f in data["fields"] for side in ("left", "right") for r in f[side + "_rows"]])
    data["fields"] = [{"field": f["field"], "left": [rows[r] for r in f["left_rows"]],
                       "right": [rows[r] for r in f["right_rows"]],
                       **{k: v for k, v in f.items() if k not in ("field", "left_rows", "right_rows")}}
                      for f in data["fields"]]
    return data


def field_order(db: Database) -> list[str]:
    """Return the fields in the order they are stored in meta (set at ingest), else alphabetical."""
    row = db.execute("SELECT value FROM meta WHERE key = 'fields'").fetchone()
    if row and row[0]:
        return json.loads(row[0])
    return sorted(r[0] for r in db.execute("SELECT DISTINCT category FROM claims"))
