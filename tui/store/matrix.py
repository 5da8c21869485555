"""The matrix: many sides (districts or terms) across, fields down; each cell holds the side's achievements in
the field and its top claim."""

from __future__ import annotations

from tui.models import ACHIEVEMENT_CLASSES, Side
from tui.store.compare import side_summary, side_where
from tui.store.db import Database
from tui.store.schema import CLAIM_TEXT, CLASS_RANK


def side_cells(db: Database, side: Side) -> dict[str, dict]:
    """Return, per field, a side's claims, achievements and top achievement (the best class, then the newest)."""
    where, params = side_where(side)
    marks = ",".join("?" * len(ACHIEVEMENT_CLASSES))
    cells: dict[str, dict] = {}
    for field, claims, achievements in db.execute(
            f"SELECT c.category, count(DISTINCT c.id), count(DISTINCT CASE WHEN c.class IN ({marks}) THEN c.id END) "
            f"FROM claims c WHERE {where} GROUP BY c.category", [*ACHIEVEMENT_CLASSES, *params]):
        cells[field] = {"claims": claims, "achievements": achievements, "top": None}
    rank = CLASS_RANK.replace("class", "c.class")
    for field, claim, article, line, text, cls in db.execute(
            f"SELECT t.category, c.id, c.article, c.line, {CLAIM_TEXT}, c.class FROM (SELECT c.category, c.rowid AS r, "
            f"ROW_NUMBER() OVER (PARTITION BY c.category ORDER BY {rank}, c.published_key DESC, c.rowid) AS n "
            f"FROM claims c WHERE {where} AND c.class IN ({marks})) t JOIN claims c ON c.rowid = t.r "
            "JOIN articles a ON a.id = c.article WHERE t.n = 1", [*params, *ACHIEVEMENT_CLASSES]):
        if field in cells:
            cells[field]["top"] = {"claim": claim, "article": article, "line": line or text, "class": cls}
    return cells


def matrix(db: Database, sides: list[Side], field_order: list[str]) -> dict:
    """Return the sides' summaries and, field by field in the given order, one cell per side."""
    per_side = [side_cells(db, side) for side in sides]
    present = {f for cells in per_side for f in cells}
    fields = [f for f in field_order if f in present] + sorted(present - set(field_order))
    empty = {"claims": 0, "achievements": 0, "top": None}
    return {
        "sides": [side_summary(db, side) for side in sides],
        "fields": [{"field": f, "cells": [cells.get(f, empty) for cells in per_side]} for f in fields],
    }


def short_label(side: dict) -> str:
    """Return a side's column heading: the agency's own name and the term (광산구 8기)."""
    name = side["agency"].split()[-1]
    return f"{name} {side['term']}기" if side["term"] is not None else f"{name} 전체"
