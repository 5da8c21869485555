"""Exporting claims or a comparison as Markdown, CSV or JSON (shared by the command line and the browser)."""

from __future__ import annotations

import csv
import io
import json

from tui.figures import figure_rows
from tui.textsafe import inert, inert_path, safe_json_text

EXPORT_FIELDS = ("claim", "agency", "term", "program", "field", "class", "status", "kinds", "line", "values",
                 "sentence", "title", "outlet", "published", "source", "url", "review", "review_note")


def claim_record(row: dict) -> dict:
    """Return the flat export record of a claim row: sentence, values, source article and review state.

    Text fields are made inert: an exported file printed in a terminal cannot steer it.
    """
    review = row.get("review") or {}
    record = {
        "claim": row["id"], "agency": row["agency"] or "", "term": row["term"],
        "program": row.get("program_name") or "", "field": row["category"], "class": row.get("class") or "",
        "status": row["status"], "kinds": " ".join(sorted({s["kind"] for s in row["spans"]})),
        "line": row.get("line") or "",
        "values": "; ".join(_value(s) for s in row["spans"]), "sentence": row["text"], "title": row["title"],
        "outlet": row.get("outlet") or "", "published": row.get("article_published") or "",
        "source": row["source"], "url": row.get("url") or "", "review": review.get("state", "unchecked"), "review_note": review.get("note", ""),
    }
    return {k: inert_path(v) if isinstance(v, str) else v for k, v in record.items()}


def _value(span: dict) -> str:
    """Return '2000여 건 (2000 건, approx.)' style text for a span."""
    if span.get("value") is None:
        return span["text"]
    value = f"{span['value']}" + (f"–{span['value_max']}" if span.get("value_max") else "")
    return f"{span['text']} ({value} {span.get('unit') or ''}{', approx.' if span.get('approx') else ''})".replace(
        " )", ")")


def claims_export(rows: list[dict], fmt: str, title: str = "") -> str:
    """Return claim rows as md, csv or json text."""
    records = [claim_record(r) for r in rows]
    if fmt == "json":
        return safe_json_text(json.dumps(records, ensure_ascii=False, indent=1)) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=EXPORT_FIELDS)
        writer.writeheader()
        writer.writerows(records)
        return buffer.getvalue()
    lines = [f"# {title or 'seonggwa claims'}", "", f"{len(records)} claims.", ""]
    for r in records:
        term = f"민선 {r['term']}기" if r["term"] else "기수 미상"
        lines.append(f"- **{(r['line'] or r['sentence']).replace('|', '/')}**")
        lines.append(f"  - {r['sentence'].replace('|', '/')}")
        lines.append(f"  - {r['agency'] or '기관 미상'} · {term} · {r['field']} · {r['class'] or 'unclassed'} · {r['status']}"
                     + (f" · 사업: {r['program']}" if r["program"] else ""))
        lines.append(f"  - values: {r['values']}")
        lines.append(f"  - source: {r['title']} ({r['outlet'] or 'outlet unknown'}, {r['published'][:10] or 'undated'})"
                     + (f" <{r['url']}>" if r["url"] else ""))
        lines.append(f"  - review: {r['review']}" + (f" — {r['review_note']}" if r["review_note"] else ""))
    return "\n".join(lines) + "\n"


def comparison_export(data: dict, fmt: str) -> str:
    """Return a comparison as md, csv or json text."""
    if fmt == "json":
        return safe_json_text(json.dumps(data, ensure_ascii=False, indent=1)) + "\n"
    if fmt == "csv":
        records = [{"side": data[side]["label"], **claim_record(r)}
                   for field in data["fields"] for side in ("left", "right") for r in field[side]]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=("side", *EXPORT_FIELDS))
        writer.writeheader()
        writer.writerows(records)
        return buffer.getvalue()
    return comparison_markdown(data)


def comparison_markdown(data: dict) -> str:
    """Return a comparison as Markdown: header figures, then a table per field."""
    out = [f"# {data['left']['label']} vs {data['right']['label']}", ""]
    out.append("| | " + " | ".join(data[s]["label"] for s in ("left", "right")) + " |")
    out.append("|---|---|---|")
    rows = {side: figure_rows(data[side]) for side in ("left", "right")}
    for (_, label, left), (_, _, right) in zip(rows["left"], rows["right"]):
        out.append(f"| {label} | {inert(left)} | {inert(right)} |")
    out.append(f"| 확인 / 반박 | {data['left']['verified']} / {data['left']['disputed']} | "
               f"{data['right']['verified']} / {data['right']['disputed']} |")
    for field in data["fields"]:
        only = {"left": " (left only)", "right": " (right only)"}.get(field["only"], "")
        out += ["", f"## {field['field']}{only}", "", "| left | right |", "|---|---|"]
        for i in range(max(len(field["left"]), len(field["right"]))):
            cells = []
            for side in ("left", "right"):
                rows = field[side]
                cells.append(_md(rows[i]) if i < len(rows) else "")
            out.append(f"| {cells[0]} | {cells[1]} |")
    return "\n".join(out) + "\n"


def _md(row: dict) -> str:
    """Return a claim as a Markdown table cell with its review mark."""
    state = (row.get("review") or {}).get("state")
    mark = {"verified": "✓ ", "disputed": "✗ "}.get(state, "")
    return inert(mark + (row.get("line") or row["text"])).replace("|", "\\|").replace("\n", " ")


def matrix_export(data: dict, fmt: str) -> str:
    """Return a matrix (sides across, fields down) as md, csv or json text."""
    if fmt == "json":
        return safe_json_text(json.dumps(data, ensure_ascii=False, indent=1)) + "\n"
    labels = [inert(s["label"]) for s in data["sides"]]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["field", "side", "achievements", "claims", "top_claim", "top_line"])
        for field in data["fields"]:
            for label, cell in zip(labels, field["cells"]):
                top = cell["top"] or {}
                writer.writerow([field["field"], label, cell["achievements"], cell["claims"], top.get("claim", ""),
                                 inert(top.get("line", ""))])
        return buffer.getvalue()
    out = ["# " + " · ".join(labels), "", "| 분야 | " + " | ".join(labels) + " |",
           "|---|" + "---|" * len(labels)]
    out.append("| 성과 (주장) | " + " | ".join(f"{s['achievements']} ({s['claims']})" for s in data["sides"]) + " |")
    for field in data["fields"]:
        cells = [f"{c['achievements']}" + (" " + inert(c["top"]["line"]).replace("|", "\\|") if c["top"] else "")
                 for c in field["cells"]]
        out.append(f"| {field['field']} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"
