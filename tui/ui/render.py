"""Pure rendering helpers: an article with its claim spans highlighted, badges, legends, cell-width cutting.

Everything scraped is turned into rich Text (never markup), so brackets in articles are shown as typed.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from tui.figures import money_words  # noqa: F401  (re-exported: the interface formats amounts with it)
from tui.textsafe import inert

KIND_LABELS = {
    "money": "금액", "count": "수치", "percent": "비율", "score": "점수",
    "rank": "순위", "award": "수상", "first": "최초",
}
KIND_ORDER = tuple(KIND_LABELS)
STATUS_LABELS = {"achieved": "달성", "ongoing": "진행", "planned": "계획"}
CLASS_LABELS = {"award": "수상", "record": "기록", "rank": "순위", "funding": "재원", "outcome": "성과",
                "activity": "활동", "policy": "정책", "context": "배경"}
REVIEW_LABELS = {"verified": "✓확인", "disputed": "✗반박", "unchecked": ""}
# Each kind has an attribute that survives NO_COLOR (underline, italic, bold, reverse) as well as a colour.
KIND_STYLES = {
    "money": Style(color="green", bold=True, underline=True),
    "count": Style(color="cyan", underline=True),
    "percent": Style(color="magenta", italic=True, underline=True),
    "score": Style(color="yellow", underline=True, italic=True),
    "rank": Style(color="blue", bold=True),
    "award": Style(color="bright_yellow", reverse=True),
    "first": Style(color="red", bold=True, reverse=True),
}
SELECTED = Style(bgcolor="grey23", bold=True)
SELECTED_MARK = "▶ "


def badges(kinds, plain: bool = False) -> Text:
    """Return '[금액][수치]…' for span kinds, in a fixed order, styled by kind unless plain."""
    text = Text()
    for kind in KIND_ORDER:
        if kind in kinds:
            text.append(f"[{KIND_LABELS[kind]}]", style=None if plain else KIND_STYLES[kind])
    return text


def legend() -> Text:
    """Return a one-line legend of the span kinds in their styles."""
    text = Text("범례 ")
    for kind in KIND_ORDER:
        text.append(KIND_LABELS[kind], style=KIND_STYLES[kind])
        text.append(" ")
    return text


def cut_cells(text: str, width: int) -> str:
    """Return text made inert and cut to at most `width` terminal cells, ending with '…' when cut."""
    text = inert(text)
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    out = []
    used = 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def fit_line(line: str, width: int) -> str:
    """Return a claim line cut to `width` cells with its first value kept: when the words naming what the first
    value counts would push it out of a narrow cell, they give way from the left (지역발전투자협약 182억원 →
    …투자협약 182억원 in a short cell), so every row still shows its figure. A line that leads with a prize or a
    record (최우수 · 대상 · 1위) is cut at its end: the achievement it leads with stays."""
    cut = cut_cells(line, width)
    words = line.split(" ")
    labels = words[: words.index("—")] if "—" in words else words  # the values, not the context after —
    labels = labels[: labels.index("·")] if "·" in labels else labels  # the first value's words only: a prize
    first = next((i for i, w in enumerate(labels) if re.search(r"\d", w)), None)  # or a record leads as it is
    if first is None or first == 0 or words[first] in cut:
        return cut
    head = " ".join(words[:first])
    rest = " ".join(words[first:])
    room = width - cell_len(cut_cells(rest, width)) - 2  # "…" and a space
    if room < 2:
        return cut_cells(rest, width)
    kept = "".join(reversed(list(_tail_cells(head, room))))
    return cut_cells("…" + kept + " " + rest, width)


def _tail_cells(text: str, width: int):
    """Yield the characters of text's end, last first, that fit in `width` cells."""
    used = 0
    for ch in reversed(text):
        used += cell_len(ch)
        if used > width:
            return
        yield ch


def pad_cells(text: str, width: int) -> str:
    """Return text cut or padded with spaces to exactly `width` cells."""
    cut = cut_cells(text, width)
    return cut + " " * max(0, width - cell_len(cut))


def zone_text(source: str, claims: list[dict], zone: str = "body", selected: str | None = None,
              inline_tags: bool = False, style: str = "") -> Text:
    """Return one part of an article (its body, title or deck) with the spans of that part's claims styled by
    kind and the selected claim marked; claims of other parts are left out.

    claims are rows with zone, start/end and spans (offsets into that part); selected is a claim id. With
    inline_tags, each span is followed by its kind label in brackets (for terminals without colour).
    """
    text = Text(inert(source), style=style)
    claims = [c for c in claims if c.get("zone", "body") == zone]
    for claim in claims:
        if claim["id"] == selected:
            text.stylize(SELECTED, claim["start"], claim["end"])
        for span in claim["spans"]:
            text.stylize(KIND_STYLES.get(span["kind"], Style(underline=True)), span["start"], span["end"])
    if not inline_tags:
        return text
    inserts = sorted(((s["end"], s["kind"]) for c in claims for s in c["spans"]), reverse=True)
    for end, kind in inserts:
        text = text[:end] + Text(f"[{KIND_LABELS.get(kind, kind)}]", style="dim") + text[end:]
    return text


def body_text(body: str, claims: list[dict], selected: str | None = None, inline_tags: bool = False) -> Text:
    """Return the body with every body claim's spans styled by kind and the selected claim's sentence marked."""
    return zone_text(body, claims, "body", selected, inline_tags)


def short_url(url: str, limit: int = 40) -> str:
    """Return a web address short enough for one line of the article pane: the host and the end of the path."""
    bare = re.sub(r"^https?://(www\.)?", "", url)
    if len(bare) <= limit:
        return bare
    host, _, rest = bare.partition("/")
    room = max(8, limit - len(host) - 2)
    return f"{host}/…{rest[-room:]}"


def article_header(article, claims: list[dict] = (), selected: str | None = None, inline_tags: bool = False) -> Text:
    """Return title, deck, outlet/date/reporter, attribution and flags as Text (every value inert), with the
    title's and the deck's claims highlighted like the body's."""
    text = Text()
    text.append_text(zone_text(article.title, claims, "title", selected, inline_tags, style="bold"))
    text.append("\n")
    if article.deck:
        text.append_text(zone_text(article.deck, claims, "deck", selected, inline_tags, style="italic"))
        text.append("\n")
    meta = [inert(v) for v in (article.outlet, article.published and article.published.replace("T", " "),
                               article.reporter and f"{article.reporter} 기자") if v]
    if meta:
        text.append(" · ".join(meta) + "\n", style="dim")
    url = getattr(article, "url", None)
    if url:
        # a web address is a link in terminals that know OSC 8; `o` copies it anywhere (OSC 52)
        link = url if url.startswith(("http://", "https://")) else None
        text.append(inert(short_url(url)), style=Style(dim=True, underline=bool(link), link=link))
        text.append("  o 복사\n", style="dim")
    who = article.agency or "기관 미상"
    term = f"민선 {article.term}기" if article.term else "기수 미상"
    text.append(f"{who} · {term}", style="bold")
    others = [a for a in article.agencies if a != article.agency]
    if others:
        text.append("  (함께: " + ", ".join(others) + ")", style="dim")
    text.append("\n")
    for flag in article.flags:
        text.append("⚑ " + inert(flag.message) + "\n", style="yellow")
    return text


def status_label(status: str) -> str:
    """Return the short Korean label of a claim status."""
    return STATUS_LABELS.get(status, status)


def class_label(cls: str | None) -> str:
    """Return the short Korean label of a claim class ('미분류' for claims stored before classes existed)."""
    return CLASS_LABELS.get(cls, "미분류") if cls else "미분류"


def region_short(name: str) -> str:
    """Return the short form news uses for a metropolitan or provincial government (광주광역시 → 광주, 전라남도 →
    전남, 강원특별자치도 → 강원, 경기도 → 경기)."""
    for suffix in ("특별자치시", "특별자치도", "특별시", "광역시"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    if name.endswith("도") and len(name) == 4:
        return name[0] + name[2]  # 전라남도 → 전남, 경상북도 → 경북, 충청남도 → 충남
    return name[:-1] if name.endswith("도") and len(name) == 3 else name


def agency_short(agency: str | None) -> str:
    """Return an agency's name as a row that lists several agencies shows it: the district with its region's
    short name (전라남도 보성군 → 전남 보성군, 부산광역시 서구 → 부산 서구: 서구 alone names five districts), a
    region or office of education shortened the same way (전라남도교육청 → 전남교육청)."""
    if not agency:
        return ""
    parts = agency.split()
    if len(parts) > 1:
        return f"{region_short(parts[0])} {parts[-1]}"
    if agency.endswith("교육청") and len(agency) > 3:
        return region_short(agency[:-3]) + "교육청"
    return region_short(agency)
