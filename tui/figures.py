"""The figures a reporter could quote for one side of a comparison, in words (no framework imports): the
browser, the command line and exports show the same lines."""

from __future__ import annotations

BARS = "▁▂▃▄▅▆▇█"
AWARD_LABELS = {"대통령": "대통령상·표창", "국무총리": "국무총리상·표창", "장관": "장관상·표창", "기타": "그 밖의 상"}


def money_words(value: float | None, unit: str = "원") -> str:
    """Return a readable Korean amount ('2조 5,379억 원', '1만 2,500 명') of a value."""
    if value is None:
        return ""
    if value < 10_000 or not float(value).is_integer():
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"
    else:
        parts = []
        remaining = int(value)
        for name, size in (("조", 10**12), ("억", 10**8), ("만", 10**4)):
            if remaining >= size:
                parts.append(f"{remaining // size:,}{name}")
                remaining %= size
        if remaining:
            parts.append(f"{remaining:,}")
        text = " ".join(parts)
    return f"{text} {unit}".strip() if unit else text


def funding_words(summary: dict, top: int = 3) -> str:
    """Return the funding secured: each distinct amount once with the claims behind it (33억 원 ×2 · 15억 원)."""
    amounts = summary.get("funding") or []
    if not amounts:
        return "없음"
    shown = [money_words(a["value"], a["unit"] or "") + (f" ×{a['claims']}" if a["claims"] > 1 else "")
             for a in amounts[:top]]
    more = f" 외 {len(amounts) - top}개 금액" if len(amounts) > top else ""
    return f"{len(amounts)}개 금액 ({summary.get('funding_claims', 0)}건): " + " · ".join(shown) + more


def spark(values: list[int]) -> str:
    """Return a sparkline of counts in block characters (the highest count a full block; readable without colour)."""
    top = max(values, default=0)
    return "".join(" " if not v else BARS[min(len(BARS) - 1, round((len(BARS) - 1) * v / top))] for v in values)


def awards_over_time(summary: dict) -> str:
    """Return the awards per year of a side: a sparkline from the first to the last year, and the range."""
    years = {int(row["year"]): row["awards"] for row in summary.get("awards_by_year", []) if row["year"].isdigit()}
    if not years:
        return "없음"
    span = list(range(min(years), max(years) + 1))
    return f"{spark([years.get(y, 0) for y in span])} {span[0]}–{span[-1]} (최다 {max(years.values())}건)"


def figure_rows(summary: dict) -> list[tuple[str, str, str]]:
    """Return (figure key, label, value) for a side's header: achievements, funding secured, awards by level,
    records and ranks (the key says which claims stand behind it: see store.compare.figure_filter)."""
    rows = [("achievements", "성과", f"{summary['achievements']}건 (주장 {summary['claims']} · 기사 {summary['articles']})"),
            ("funding", "재원 확보", funding_words(summary))]
    for level, count in summary.get("awards", {}).items():
        rows.append((f"award:{level}", AWARD_LABELS.get(level, level), f"{count}건"))
    rows += [("awards", "수상 추이", awards_over_time(summary)),
             ("records", "기록 (최초·최대…)", f"{summary['records']}건"), ("ranks", "순위", f"{summary['ranks']}건")]
    return rows
