"""Comparisons: two sides (an agency with one term or all terms), their figures and their claims by field."""

from __future__ import annotations

import json
from dataclasses import dataclass

from tui.store.db import Database
from tui.store.read import ClaimFilter, FilterError, claim_rows, resolve_agency


@dataclass(frozen=True)
class Side:
    """One side of a comparison: an agency with one term, or all its terms (term None)."""

    agency: str
    term: int | None = None

    @property
    def label(self) -> str:
        """Return '광주광역시 광산구 · 민선 7기' or '… · 전체 기간'."""
        return f"{self.agency} · " + (f"민선 {self.term}기" if self.term is not None else "전체 기간")


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


def _side_where(side: Side) -> tuple[str, list]:
    """Return the claims WHERE clause of a side (title claims that repeat the body are counted once, in the body)."""
    if side.term is None:
        return "c.agency = ? AND c.echo = 0", [side.agency]
    return "c.agency = ? AND c.term = ? AND c.echo = 0", [side.agency, side.term]


def side_rows(db: Database, side: Side, category: str | None = None, limit: int | None = None) -> list[dict]:
    """Return the claims of one side (newest first, distinct by claim id), optionally of one field."""
    rows = claim_rows(db, ClaimFilter(agency=side.agency, term=side.term, category=category, echoes=False),
                      limit=limit)
    seen: set[str] = set()
    out = []
    for r in rows:
        if r["id"] not in seen:
            seen.add(r["id"])
            out.append(r)
    return out


def side_summary(db: Database, side: Side) -> dict:
    """Return the header figures of a side, counted in SQL over all its claims: articles, claims, awards,
    firsts, money claims and the sum of the amounts in won they state, verified and disputed."""
    where, params = _side_where(side)
    articles, claims, awards, firsts, money = db.execute(
        "SELECT count(DISTINCT c.article), count(DISTINCT c.id), "
        "count(DISTINCT CASE WHEN ' ' || c.kinds || ' ' LIKE '% award %' THEN c.id END), "
        "count(DISTINCT CASE WHEN ' ' || c.kinds || ' ' LIKE '% first %' THEN c.id END), "
        f"count(DISTINCT CASE WHEN ' ' || c.kinds || ' ' LIKE '% money %' THEN c.id END) FROM claims c WHERE {where}",
        params).fetchone()
    total = db.execute(
        "SELECT coalesce(sum(value), 0) FROM (SELECT DISTINCT s.claim, s.start - c.start AS at, s.value FROM spans s "
        f"JOIN claims c ON c.id = s.claim AND c.article = s.article WHERE {where} AND s.kind = 'money' "
        "AND s.unit = '원')", params).fetchone()[0]
    states = dict(db.execute(
        "SELECT state, count(*) FROM (SELECT (SELECT r.state FROM reviews r WHERE r.claim_key = k.id "
        "ORDER BY r.at DESC, r.rowid DESC LIMIT 1) AS state FROM (SELECT DISTINCT c.id FROM claims c "
        f"WHERE {where} AND c.id IN (SELECT claim_key FROM reviews)) k) GROUP BY state", params).fetchall())
    return {"label": side.label, "agency": side.agency, "term": side.term, "articles": articles, "claims": claims,
            "awards": awards, "firsts": firsts, "money_claims": money, "money_total_won": total,
            "verified": states.get("verified", 0), "disputed": states.get("disputed", 0)}


def compare(db: Database, left: Side, right: Side, field_order: list[str], per_field: int | None = None) -> dict:
    """Return both sides' summaries and their claims aligned by field (category) in the given order.

    per_field caps the claims listed per side and field (newest first; the browser uses it), while each
    field's 'left_total'/'right_total' and the summaries count everything.
    """
    counts: list[dict[str, int]] = []
    for side in (left, right):
        where, params = _side_where(side)
        counts.append(dict(db.execute(f"SELECT c.category, count(DISTINCT c.id) FROM claims c WHERE {where} "
                                      "GROUP BY c.category", params).fetchall()))
    present = set(counts[0]) | set(counts[1])
    fields = []
    for name in [f for f in field_order if f in present] + sorted(present - set(field_order)):
        a = side_rows(db, left, name, per_field) if counts[0].get(name) else []
        b = side_rows(db, right, name, per_field) if counts[1].get(name) else []
        fields.append({"field": name, "left": a, "right": b, "left_total": counts[0].get(name, 0),
                       "right_total": counts[1].get(name, 0),
                       "only": "left" if not b else "right" if not a else None})
    return {"left": side_summary(db, left), "right": side_summary(db, right), "fields": fields}


def field_order(db: Database) -> list[str]:
    """Return the fields in the order they are stored in meta (set at ingest), else alphabetical."""
    row = db.execute("SELECT value FROM meta WHERE key = 'fields'").fetchone()
    if row and row[0]:
        return json.loads(row[0])
    return sorted(r[0] for r in db.execute("SELECT DISTINCT category FROM claims"))
