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


def side_rows(db: Database, side: Side, limit: int = 5000) -> list[dict]:
    """Return the claims of one side (newest first), distinct by claim id."""
    rows = claim_rows(db, ClaimFilter(agency=side.agency, term=side.term), limit=limit)
    seen: set[str] = set()
    out = []
    for r in rows:
        if r["id"] not in seen:
            seen.add(r["id"])
            out.append(r)
    return out


def side_summary(db: Database, side: Side, rows: list[dict]) -> dict:
    """Return the header figures of a side: articles, claims, awards, firsts, money claims and their sum."""
    params: list = [side.agency]
    term_clause = ""
    if side.term is not None:
        term_clause = " AND term = ?"
        params.append(side.term)
    articles = db.execute(f"SELECT count(DISTINCT article) FROM claims WHERE agency = ?{term_clause}",
                          params).fetchone()[0]
    money = [s for r in rows for s in r["spans"] if s["kind"] == "money"]
    states = [(r.get("review") or {}).get("state") for r in rows]
    return {
        "label": side.label, "agency": side.agency, "term": side.term, "articles": articles, "claims": len(rows),
        "awards": sum(1 for r in rows if any(s["kind"] == "award" for s in r["spans"])),
        "firsts": sum(1 for r in rows if any(s["kind"] == "first" for s in r["spans"])),
        "money_claims": sum(1 for r in rows if any(s["kind"] == "money" for s in r["spans"])),
        "money_total_won": sum((s["value"] or 0) for s in money if s["unit"] == "원"),
        "verified": states.count("verified"), "disputed": states.count("disputed"),
    }


def compare(db: Database, left: Side, right: Side, field_order: list[str]) -> dict:
    """Return both sides' summaries and their claims aligned by field (category) in the given order."""
    sides = []
    for side in (left, right):
        rows = side_rows(db, side)
        sides.append((side_summary(db, side, rows), rows))
    fields = []
    present = {r["category"] for _, rows in sides for r in rows}
    for name in [f for f in field_order if f in present] + sorted(present - set(field_order)):
        a = [r for r in sides[0][1] if r["category"] == name]
        b = [r for r in sides[1][1] if r["category"] == name]
        fields.append({"field": name, "left": a, "right": b,
                       "only": "left" if not b else "right" if not a else None})
    return {"left": sides[0][0], "right": sides[1][0], "fields": fields}


def field_order(db: Database) -> list[str]:
    """Return the fields in the order they are stored in meta (set at ingest), else alphabetical."""
    row = db.execute("SELECT value FROM meta WHERE key = 'fields'").fetchone()
    if row and row[0]:
        return json.loads(row[0])
    return sorted(r[0] for r in db.execute("SELECT DISTINCT category FROM claims"))
