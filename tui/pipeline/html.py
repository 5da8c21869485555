"""HTML pages to text. The main text and metadata come from trafilatura, a maintained extractor measured on news
sites; pages where it finds no main text fall back to the article HTML a site embeds in a script (JSON-LD or a
framework's page data), then to the visible text of the whole page. The project's line rules clean the result."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

_SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select",
              "iframe", "svg", "template", "object", "canvas", "option"}
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
               "article", "blockquote", "figure", "figcaption", "dd", "dt", "dl", "pre", "hr", "td", "th", "main"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_NO_HEADINGS = {"script", "style", "noscript", "nav", "footer", "template", "select", "option", "button"}
_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:tit|title|subject|headline|heading)(?:$|[\s_-])", re.IGNORECASE)
MAX_HTML_DEPTH = 400
MIN_MAIN_CHARS = 80  # main text shorter than this is not an article (a caption, a notice, a login box)


@dataclass
class ExtractedPage:
    """The main text of a page (blocks on their own lines), the fields it declares, and how it was found."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)
    method: str = "page"  # trafilatura, script (article HTML in a script), page (all visible text), list (none)


class _TextExtractor(HTMLParser):
    """Collect visible text with block boundaries as newlines, meta tags, headings and script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title_parts: list[str] = []
        self.headings: list[str] = []
        self.heading_depth: int | None = None  # stack depth of the open heading element
        self.heading_parts: list[str] = []
        self.scripts: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta":
            self._meta(values)
            return
        if tag == "link" and (values.get("rel") or "").lower() == "canonical" and values.get("href"):
            self.meta.setdefault("canonical", values["href"].strip())
        if tag in _VOID:
            if tag in ("br", "hr"):
                self.parts.append("\n")
            return
        if len(self.stack) < MAX_HTML_DEPTH:
            self.stack.append(tag)
        if tag == "script":
            self.in_script = True
            self.scripts.append("")
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        if tag == "title":
            self.in_title = True
        if self.heading_depth is None and not self._hidden() and (
                tag in _HEADINGS or _TITLE_CLASS.search(values.get("class") or "")):
            self.heading_depth = len(self.stack)
            self.heading_parts = []
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if self.heading_depth is not None:
                self.heading_parts.append("\n")

    def _hidden(self) -> bool:
        """Return True inside elements whose text no reader sees as the page's own (scripts, menus, footers)."""
        return any(tag in _NO_HEADINGS for tag in self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_script = False
        if tag in self.stack:
            while self.stack:
                depth = len(self.stack)
                top = self.stack.pop()
                if top in _SKIP_TAGS:
                    self.skip_depth = max(0, self.skip_depth - 1)
                if self.heading_depth is not None and depth <= self.heading_depth:
                    lines = [" ".join(line.split()) for line in "".join(self.heading_parts).split("\n")]
                    heading = next((line for line in lines if line), "")
                    if heading:
                        self.headings.append(heading)
                    self.heading_depth = None
                if top == tag:
                    break
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_script and self.scripts:
            self.scripts[-1] += data
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.heading_depth is not None:
            self.heading_parts.append(data)
        if self.skip_depth:
            return
        self.parts.append(data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        value = attrs.get("content") or ""
        wanted = {
            "og:title": "title", "twitter:title": "title",
            "article:published_time": "date", "og:article:published_time": "date", "pubdate": "date",
            "og:site_name": "outlet", "author": "reporter", "og:url": "url", "og:description": "deck",
            "headline": "headline", "keywords": "keywords",
        }
        if key in wanted and value and wanted[key] not in self.meta:
            self.meta[wanted[key]] = value.strip()


def _tidy(text: str) -> str:
    """Return text with runs of spaces collapsed, lines trimmed and at most one blank line in a row."""
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _parse(markup: str) -> _TextExtractor:
    """Return the standard-library parse of a page (visible text, meta tags, headings, scripts)."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return parser


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Return the visible text of an HTML page (blocks on their own lines) and its meta fields."""
    parser = _parse(markup)
    meta = dict(parser.meta)
    page_title = " ".join("".join(parser.title_parts).split())
    if page_title and "title" not in meta:
        meta["title"] = page_title
    if "canonical" in meta:
        meta.setdefault("url", meta["canonical"])
    meta.pop("canonical", None)
    return _tidy("".join(parser.parts)), meta


# --------------------------------------------------------------------------- main text

def extract_page(markup: str, url: str | None = None) -> ExtractedPage:
    """Return the main text of a page and its fields (title, date, outlet, reporter, url); text is empty when
    the page holds no article text anywhere."""
    parser = _parse(markup)
    page_title = " ".join("".join(parser.title_parts).split())
    visible = _tidy("".join(parser.parts))  # the whole page's visible text
    found = _trafilatura(markup, url)
    method = "trafilatura"
    if found is None or len(found[0]) < MIN_MAIN_CHARS:
        embedded = _script_article(parser.scripts)
        if embedded:
            text, _meta = html_to_text(embedded)
            extra = found[1] if found else {}
            found, method = (text, extra), "script"
    if found is None or len(found[0]) < MIN_MAIN_CHARS:
        extra = found[1] if found else {}
        found, method = (visible if len(visible) >= MIN_MAIN_CHARS else "", extra), "page"
    text, meta = found
    if method == "trafilatura":
        text = _fill_gaps(resplit(text, visible), visible)
    if method != "trafilatura" and "date" not in meta:
        meta.update(_declared_date(markup))
    for key, value in parser.meta.items():  # the page's own meta tags fill what the extractor left out
        if key not in ("canonical", "deck") and value and not meta.get(key):  # a description is no deck
            meta[key] = value
    meta["url"] = _page_url(meta.get("url"), parser.meta.get("canonical"), url)
    if not meta["url"]:
        del meta["url"]
    raw_title = meta.get("title") or page_title
    headings = parser.headings + ([meta.pop("headline")] if meta.get("headline") else [])
    meta.pop("headline", None)
    title, headline = choose_title(raw_title, headings, text, meta.get("outlet"), meta.pop("keywords", None))
    if title:
        meta["title"] = title
    else:
        meta.pop("title", None)
    if not headline and method != "page":
        # no article headline: a board, list or section page, which holds no article of its own
        text, method = "", "list"
    if not meta.get("outlet"):
        meta.update(_kogl_creator(visible))
    if meta.get("reporter"):
        meta["authors"] = meta["reporter"]  # as the page lists them: a portal names the outlet among them
        meta["reporter"] = _reporter(meta["reporter"], meta.get("outlet"))
        if not meta["reporter"]:
            del meta["reporter"]
    return ExtractedPage(text=text, meta=meta, method=method)


def _trafilatura(markup: str, url: str | None) -> tuple[str, dict[str, str]] | None:
    """Return trafilatura's main text and metadata of a page, or None when it finds none."""
    import trafilatura  # imported on first use: the browser never loads it

    try:
        doc = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, deduplicate=False, favor_recall=True,
            # the dates a page declares, not a search through its text (slow, and it finds other dates)
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - a parser failure on one page means "no main text", never a crash
        return None
    if doc is None:
        return None
    text = _tidy(_untable(doc.text or ""))
    meta = {}
    for ours, theirs in (("title", "title"), ("date", "date"), ("outlet", "sitename"), ("reporter", "author"),
                         ("url", "url"), ("deck", "description")):
        value = getattr(doc, theirs, None)
        if value and str(value).strip():
            meta[ours] = " ".join(str(value).split())
    meta.pop("deck", None)  # a page's description is a summary of the article, not its deck
    return text, meta


def _untable(text: str) -> str:
    """Return extracted text with table rows (written as | cell | cell |) turned into one line per cell, since
    boards lay out an article's fields and paragraphs as table cells."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) or not c for c in cells):
                continue
            lines.extend(c for c in cells if c)
        else:
            lines.append(line)
    return "\n".join(lines)


RESPLIT_CHARS = 300  # an extracted line this long may be several of the page's paragraphs run together
MAX_SKIPPED = 8  # page lines in a row that are not part of the run-together line before the split gives up


def resplit(main: str, visible: str) -> str:
    """Return the main text with lines the extractor ran together (paragraphs a site separates with <br> inside
    one element) split again where the page's own visible text breaks them."""
    shown = [line.strip() for line in visible.splitlines() if line.strip()]
    keys = [_norm(line) for line in shown]
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key[:20], i)
    out: list[str] = []
    for line in main.splitlines():
        key = _norm(line)
        at = first.get(key[:20]) if len(line) > RESPLIT_CHARS and len(key) >= 20 else None
        if at is None or len(keys[at]) >= len(key):
            out.append(line)
            continue
        pieces, done, skipped = [], 0, 0
        for i in range(at, len(keys)):
            if done >= len(key) or skipped > MAX_SKIPPED:
                break
            if keys[i] and key.startswith(keys[i], done):
                pieces.append(shown[i])
                done, skipped = done + len(keys[i]), 0
            else:
                skipped += 1  # a caption or a widget between two paragraphs, which the extractor left out
        out.extend(pieces if len(pieces) > 1 and done >= 0.9 * len(key) else [line])
    return "\n".join(out)


MAX_GAP = 2  # lines the extractor skipped between two lines it kept, put back when they read as text


def _fill_gaps(main: str, visible: str) -> str:
    """Return the main text with the few lines it skipped between two of its own lines put back, in page order:
    subheads in plain divs and a first paragraph beside an image are dropped by the extractor, while the lines
    around them are kept. Only short gaps of Korean text are filled; the line rules judge them later."""
    shown = [line.strip() for line in visible.splitlines() if line.strip()]
    keys = [_norm(line) for line in shown]
    lines = main.splitlines()
    out: list[str] = []
    last: int | None = None
    for line in lines:
        key = _norm(line)
        at = None
        if key:
            start = 0 if last is None else last + 1
            at = next((i for i in range(start, len(keys)) if keys[i] == key or (
                len(key) >= 20 and len(keys[i]) >= 20 and (keys[i].startswith(key[:20]) or key.startswith(keys[i][:20])))),
                None)
        if at is not None and last is not None and 0 < at - last - 1 <= MAX_GAP:
            kept = set(map(_norm, lines))
            out.extend(g for g, k in zip(shown[last + 1:at], keys[last + 1:at])
                       if k not in kept and len(k) >= 6 and re.search(r"[\uac00-\ud7a3]", g))
        out.append(line)
        if at is not None:
            last = at
    return "\n".join(out)


_KOGL = re.compile(r"([가-힣]{2,12}(?:청|시|군|구|도|원|처|부))(?:이|가)\s*창작한\s.{0,200}?공공누리")


def _kogl_creator(visible: str) -> dict[str, str]:
    """Return the publisher a government page names in its KOGL (공공누리) licence notice ('○○군청이 창작한 …
    저작물은 공공누리 …'), for pages that declare no site name."""
    match = _KOGL.search(visible)
    return {"outlet": match.group(1)} if match else {}


def _declared_date(markup: str) -> dict[str, str]:
    """Return the publication date a page declares in its markup (meta tags, structured data, time elements),
    when trafilatura gave no metadata."""
    from htmldate import find_date

    try:
        found = find_date(markup, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - an unreadable date is no date
        return {}
    return {"date": found} if found else {}


_STRING = re.compile(r'"((?:[^"\\]|\\.){400,})"', re.DOTALL)


def _script_article(scripts: list[str]) -> str | None:
    """Return article HTML embedded in a page's scripts: JSON-LD articleBody, or the longest JSON string holding
    paragraphs of Korean text (a framework's page data), or None."""
    best = ""
    for script in scripts:
        if "articleBody" in script:
            for match in re.finditer(r'"articleBody"\s*:\s*"((?:[^"\\]|\\.)*)"', script):
                body = _json_string(match.group(1))
                if len(body) > len(best):
                    best = body.replace("\n", "<br>")
        for match in _STRING.finditer(script):
            raw = match.group(1)
            if "<p" not in raw and "\\u003cp" not in raw:
                continue
            value = _json_string(raw)
            if value.count("<p") >= 2 and len(re.findall(r"[\uac00-\ud7a3]", value)) >= 100 and len(value) > len(best):
                best = value
    return re.sub(r"\$\$[A-Z_]+\$\$", "", best) or None  # template placeholders (ad slots)


def _json_string(raw: str) -> str:
    """Return the value of a JSON string literal's inside, or '' when it is not one."""
    try:
        value = json.loads(f'"{raw}"')
    except (json.JSONDecodeError, RecursionError):
        return ""
    return value if isinstance(value, str) else ""


def _page_url(found: str | None, canonical: str | None, given: str | None) -> str:
    """Return the page's own address: the one it was fetched from, else its canonical link (not a bare home
    page, which some sites declare on every page)."""
    if given:
        return given
    for candidate in (canonical, found):
        if not candidate or not candidate.startswith(("http://", "https://")):
            continue
        parts = urlsplit(candidate)
        if parts.path.strip("/") or parts.query:
            return candidate
    return ""


# --------------------------------------------------------------------------- title

_SEPARATOR = re.compile(r"\s+[-|:<>–—]{1,2}\s+|\s*[|｜ㅣ]\s*|\s*::\s*")


def _norm(text: str) -> str:
    """Return text for loose comparison: no spaces, one kind of quote."""
    text = re.sub(r"[\u2018\u2019\u201b\u2032`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201f\u2033]", '"', text)
    text = re.sub(r"[\[［【〔]", "(", re.sub(r"[\]］】〕]", ")", text))  # [2보] and (2보) are one title
    return re.sub(r"\s+", "", text)


def choose_title(raw: str, headings: list[str], text: str, outlet: str | None,
                 keywords: str | None = None) -> tuple[str, bool]:
    """Return the article's headline.

    1. A page heading that the page title starts with (the title tag often adds the site, section or keywords).
    2. Else the page title without its site parts, unless it is a board or section name: short, a breadcrumb,
       and found nowhere on the page as a heading or at the top of the text.
    3. For a board name: the first heading the main text opens with, else the first headline-like opening line.

    The second value is False when no headline was found (the page is a board, a list or a section page).
    """
    raw = _without_keywords(" ".join((raw or "").split()), keywords)
    norm_raw = _norm(raw)
    stripped = _strip_site(raw, outlet)
    candidates = [h for h in headings if 4 <= len(h) <= 300]
    matching = [h for h in candidates if norm_raw.startswith(_norm(h)) and len(_norm(h)) >= 8]
    if matching:
        best = max(matching, key=len)
        if len(_norm(best)) * 3 >= len(_norm(stripped)):  # keywords appended can double a title's length
            return best, True
    key = _norm(stripped)
    board = not key or bool(re.search(r"\S\s*[<>]\s*\S", stripped)) or (len(key) <= 12 and not (any(
        _norm(line) == key for line in _opening(text, 8)) and _prose_after(text, key)))
    if not board:
        return stripped, True
    opening = [_norm(line) for line in _opening(text, 12)]
    for heading in candidates:
        head = _norm(heading)
        if (_headline_like(heading) and head != key and any(line.startswith(head) for line in opening)
                and _prose_after(text, head)):
            return heading, True
    for line in _opening(text, 8):
        line = LIST_MARK.sub("", line)  # a list marker before a headline line
        if _headline_like(line) and _prose_after(text, _norm(line)):
            return line, True
    return stripped, False


LIST_MARK = re.compile(r"^[-·•*▶■□◆◇○●]\s*")


def _prose_after(text: str, head: str) -> bool:
    """Return True when an article's prose follows a headline within a few lines (a list page follows its
    first item with more items and dates, never with sentences)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    at = next((i for i, line in enumerate(lines) if _norm(LIST_MARK.sub("", line)).startswith(head)), None)
    if at is None:
        return False
    return any(len(line) >= 40 and re.search(r"(?:다|요)[.!]?[\"'”’」)]*$", line) for line in lines[at + 1:at + 13])


def _without_keywords(title: str, keywords: str | None) -> str:
    """Return a page title without the page's keyword list, which some sites append to every title."""
    if not keywords:
        return title
    words = [w.strip() for w in re.split(r"[,;]", keywords) if w.strip()]
    cut, removed, changed = title, 0, True
    while changed and words:
        changed = False
        for word in words:
            shorter = re.sub(rf"\s*[,;|]\s*{re.escape(word)}\s*$", "", cut)
            if shorter != cut and shorter.strip():
                cut, removed, changed = shorter, removed + 1, True
    # one keyword at the end may be the title's own last words (keywords are often cut from the title)
    return cut if removed >= 2 else title


def _opening(text: str, count: int) -> list[str]:
    """Return the first non-empty lines of a text."""
    return [line.strip() for line in text.splitlines() if line.strip()][:count]


def _headline_like(line: str) -> bool:
    """Return True for a line that reads as a headline: long enough, Korean, not a sentence, a breadcrumb or a
    board field (a date, a count, a department)."""
    hangul = len(re.findall(r"[\uac00-\ud7a3]", line))
    return (hangul >= 8 and len(line) <= 200 and ">" not in line
            and not re.search(r"(?:다|요)[.!]?$", line)
            and not re.search(r"(?:주요|최신|인기|관련|추천|많이\s*본)\s*(?:뉴스|기사|소식)$", line)  # a list's label
            and not re.match(r"^[-·•*]?\s*(?:등록일|작성일|작성자|조회수?|날짜|담당|부서|첨부)", line))


def _strip_site(title: str, outlet: str | None) -> str:
    """Return a page title without the site, section or keyword parts a site appends to it."""
    parts = [p for p in _SEPARATOR.split(title) if p.strip()]
    if len(parts) <= 1:
        return title.strip()
    site = _norm(outlet or "")
    kept = parts[:1]
    for part in parts[1:]:
        key = _norm(part)
        if site and (key in site or site in key):
            break
        if len(key) <= 8 or re.search(r"(?:일보|신문|뉴스|방송|닷컴|누리집|홈페이지|\.com|\.kr)$", key):
            break
        kept.append(part)
    head = " ".join(kept).strip()
    if len(kept) < len(parts):  # a site part was cut: a section name glued on with a hyphen goes too
        head = re.sub(r"(?<=\S)[-–][가-힣A-Za-z]{1,4}$", "", head)
    return head


def _reporter(value: str, outlet: str | None) -> str:
    """Return the people named as authors, without the outlet or platform names an extractor lists beside them."""
    site = _norm(outlet or "")
    names = []
    for part in re.split(r"\s*[;,]\s*", value):
        part = re.sub(r"\s*(?:기자|특파원)?\s*외(?:\s*\d+\s*명)?$", "", part).strip()
        key = _norm(part)
        if not key or (site and (key in site or site in key)) or re.search(
                r"(?:일보|신문|뉴스|방송|통신|\.com|\.kr)$", key):
            continue
        names.append(part)
    return ", ".join(dict.fromkeys(names))
