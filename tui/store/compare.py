"""Comparisons: two sides (an agency with one term or all terms), their figures and their claims by field."""

from __future__ import annotations

import json
from dataclasses import replace

from tui.models import ACHIEVEMENT_CLASSES, Side
from tui.store.db import Database
from tui.store.read import ClaimFilter, FilterError, claim_rows_by_rowid, resolve_agency
from tui.store.schema import CLAIM_ORDER, CLAIM_YEAR


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


def _first_per_field(db: Database, rows: list[tuple], limit: int | None) -> dict[str, list[dict]]:
    """Return each field's first claims of a side, newest first within achievements first (the claims lists'
    order): from the side's claims in that order, the first `limit` of each field, distinct by claim id, read in
    one query for every field."""
    chosen: dict[str, list[int]] = {}
    for _, _, _, category, _, rowid, _ in rows:
        picked = chosen.setdefault(category, [])
        if limit is None or len(picked) < limit:
            picked.append(rowid)
    by_rowid = claim_rows_by_rowid(db, [r for ids in chosen.values() for r in ids])
    out: dict[str, list[dict]] = {}
    for category, rowids in chosen.items():
        seen: set[str] = set()
        for rowid in rowids:
            row = by_rowid[rowid]
            if row["id"] not in seen:
                seen.add(row["id"])
                out.setdefault(category, []).append(row)
    return out


def side_summary(db: Database, side: Side, rows: list[tuple] | None = None) -> dict:
    """Return the header figures of a side, counted over all its claims (a headline that repeats the body is
    counted once): articles, claims, achievements; funding secured as each distinct amount once with the claims
    behind it; awards by level; records; ranks held; and how many claims are verified or disputed. rows are the
    side's claims as `_side_claims` reads them, when the caller has them already."""
    where, params = side_where(side)
    rows = _side_claims(db, side) if rows is None else rows
    by_class: dict[str | None, set[str]] = {}
    for claim, _, cls, *_ in rows:
        by_class.setdefault(cls, set()).add(claim)
    award_years = {(year, claim) for claim, _, cls, _, year, *_ in rows if cls == "award" and year}
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
    awards = {level: 0 for level, _ in AWARD_LEVELS} | {"기타": 0}
    for texts in prizes.values():
        awards[award_level(texts)] += 1
    years: dict[str, int] = {}
    for year, _ in award_years:
        years[year] = years.get(year, 0) + 1
    states = dict(db.execute(
        "SELECT state, count(*) FROM (SELECT (SELECT r.state FROM reviews r WHERE r.claim_key = k.id "
        "ORDER BY r.at DESC, r.rowid DESC LIMIT 1) AS state FROM (SELECT DISTINCT c.id FROM claims c "
        f"WHERE {where} AND c.id IN (SELECT claim_key FROM reviews)) k) GROUP BY state", params).fetchall())
    return {"label": side.label, "agency": side.agency, "term": side.term,
            "articles": len({article for _, article, *_ in rows}), "claims": len({r[0] for r in rows}),
            "achievements": len(set().union(*(by_class.get(cls, set()) for cls in ACHIEVEMENT_CLASSES))),
            "funding": [{"value": value, "unit": unit, "claims": len(claims)}
                        for (value, unit), claims in sorted(funding.items(), key=lambda kv: -kv[0][0])],
            "funding_claims": len(funding_claims),
            "awards": awards, "awards_by_year": [{"year": y, "awards": n} for y, n in sorted(years.items())],
            "records": len(by_class.get("record", ())), "ranks": len(by_class.get("rank", ())),
            "verified": states.get("verified", 0), "disputed": states.get("disputed", 0)}


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


def compare(db: Database, left: Side, right: Side, field_order: list[str], per_field: int | None = None) -> dict:
    """Return both sides' summaries and their claims aligned by field (category) in the given order.

    per_field caps the claims listed per side and field (newest first; the browser uses it), while each
    field's 'left_total'/'right_total' and the summaries count everything.
    """
    counts: list[dict[str, int]] = []
    achieved: list[dict[str, int]] = []
    claims = [_side_claims(db, side) for side in (left, right)]
    for rows in claims:
        total: dict[str, set] = {}
        done: dict[str, set] = {}
        for claim, _, cls, category, *_ in rows:
            total.setdefault(category, set()).add(claim)
            if cls in ACHIEVEMENT_CLASSES:
                done.setdefault(category, set()).add(claim)
        counts.append({name: len(ids) for name, ids in total.items()})
        achieved.append({name: len(ids) for name, ids in done.items()})
    present = set(counts[0]) | set(counts[1])
    firsts = [_first_per_field(db, rows, per_field) for rows in claims]
    fields = []
    for name in [f for f in field_order if f in present] + sorted(present - set(field_order)):
        a, b = firsts[0].get(name, []), firsts[1].get(name, [])
        fields.append({"field": name, "left": a, "right": b, "left_total": counts[0].get(name, 0),
                       "right_total": counts[1].get(name, 0), "left_achievements": achieved[0].get(name, 0),
                       "right_achievements": achieved[1].get(name, 0),
                       "only": "left" if not b else "right" if not a else None})
    return {"left": side_summary(db, left, claims[0]), "right": side_summary(db, right, claims[1]),
            "fields": fields}


def field_order(db: Database) -> list[str]:
    """Return the fields in the order they are stored in meta (set at ingest), else alphabetical."""
    row = db.execute("SELECT value FROM meta WHERE key = 'fields'").fetchone()
    if row and row[0]:
        return json.loads(row[0])
    return sorted(r[0] for r in db.execute("SELECT DISTINCT category FROM claims"))
