"""HTML pages to text: visible text with blocks on their own lines, and the meta fields a page declares."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select",
              "iframe", "svg", "template", "object", "canvas", "option"}
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
               "article", "blockquote", "figure", "figcaption", "dd", "dt", "dl", "pre", "hr", "td", "th", "main"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
MAX_HTML_DEPTH = 400


class _TextExtractor(HTMLParser):
    """Collect visible text with block boundaries as newlines, plus a few meta tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag in _VOID:
            if tag in ("br", "hr"):
                self.parts.append("\n")
            return
        if len(self.stack) < MAX_HTML_DEPTH:
            self.stack.append(tag)
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == "title":
            self.in_title = False
        if tag in self.stack:
            while self.stack:
                top = self.stack.pop()
                if top in _SKIP_TAGS:
                    self.skip_depth = max(0, self.skip_depth - 1)
                if top == tag:
                    break
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
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
        }
        if key in wanted and value and wanted[key] not in self.meta:
            self.meta[wanted[key]] = value.strip()


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Return the visible text of an HTML page (blocks on their own lines) and its meta fields."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    meta = dict(parser.meta)
    page_title = " ".join("".join(parser.title_parts).split())
    if page_title and "title" not in meta:
        meta["title"] = page_title
    return text.strip(), meta


