"""Split a cleaned page into articles: headline runs, bodies, bylines, dates, captions; drop adverts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tui.pipeline import dates
from tui.pipeline.clean import PUNCT_END, CleanPage, Para

LIST_ITEM = re.compile(r"\s*[∘◦○●•▪▫■□◆◇▶▷►▲△※*]\s?\S")  # a line opened by a list's mark (not - or ·: a deck's)
NEWS_SENTENCE = re.compile(r"[다][.!?]?[\"”’']?(?:\s|$)")
DECLARATIVE = re.compile(r"다\.(?:\s|$|[\"”’'])")
POSITION_MARK = re.compile(r"\((?:왼쪽|오른쪽|가운데|맨\s?앞쪽?|앞줄|뒷줄|사진|위|아래|좌|우)[^()]{0,12}\)")
REPORTER = re.compile(r"([가-힣]{2,4})\s?(?:[가-힣]{1,6}부\s?)?(?:수석|선임|객원|인턴)?\s?기자")
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
PROVIDER = re.compile(r"기사\s*제공처?\s*:\s*([^/\n]+?)\s*(?:/|$)")
DATELINE = re.compile(r"^\s*/?\s*([가-힣]{1,6})\s?=")


@dataclass
class Draft:
    """An article being assembled from a page."""

    heads: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    byline: str | None = None
    date: dates.Published | None = None
    closed: bool = False  # a byline was seen

    @property
    def first_line(self) -> int:
        """Return the first raw line of the draft."""
        paras = self.heads + self.body
        return min(p.first for p in paras) if paras else 0


@dataclass
class PageArticle:
    """One article found on a page, before analysis."""

    title: str
    deck: str
    body: str
    captions: tuple[str, ...]
    reporter: str | None
    dateline: str | None
    byline: str | None
    published: dates.Published | None
    title_inferred: bool
    position: int
    title_only: str = ""  # why only the headline is the record's own (its text was a board list or site chrome)


def _is_caption_item(draft: Draft) -> bool:
    """Return True for a headless one-paragraph item that reads as a photo caption."""
    if draft.heads or len(draft.body) != 1 or draft.byline:
        return False
    text = draft.body[0].text
    sentences = len(DECLARATIVE.findall(text))
    return bool(POSITION_MARK.search(text)) or (sentences <= 1 and text.rstrip().endswith("있다."))


def _is_news(draft: Draft) -> bool:
    """Return True when the draft reads as news prose: plain declarative sentences, not an advert or a list."""
    text = " ".join(p.text for p in draft.body)
    declaratives = len(DECLARATIVE.findall(text))
    return declaratives >= 2 or (declaratives >= 1 and draft.byline is not None)


def segment(page: CleanPage) -> tuple[list[Draft], list[str], list[dates.Published]]:
    """Return the article drafts of a page, page-level captions, and stated dates found on the page."""
    drafts: list[Draft] = []
    loose_captions: list[str] = []
    page_dates: list[dates.Published] = []
    current: Draft | None = None
    heads: list[Para] = []
    captions: list[str] = []

    def start(with_heads: list[Para]) -> Draft:
        draft = Draft(heads=list(with_heads))
        drafts.append(draft)
        return draft

    for para in page.paras:
        if para.kind == "repeat":
            if current is not None and current.closed:
                current.closed = False  # the page repeats this article: what follows is its second copy
            continue
        if para.kind == "date":
            stated = dates.parse_stated(para.text)
            if stated:
                page_dates.append(stated)
                if current is not None and current.date is None:
                    current.date = stated
            continue
        if para.kind == "caption":
            captions.append(para.text)
            continue
        if para.kind == "head":
            heads.append(para)
            continue
        if para.kind == "byline":
            if current is not None and current.byline is None:
                current.byline = para.text
                current.closed = True
            heads = []  # headline-looking lines between a byline and the next body are furniture
            continue
        # body paragraph
        if heads:
            listed = current is not None and not current.closed and all(LIST_ITEM.match(h.text) for h in heads)
            new_article = current is None or current.closed or len(heads) >= 2 and not listed  # ∘ 경제: …, ∘ 복지: …
            # between paragraphs of one article are the items of a list it gives, not a new article's headlines
            if new_article:
                current = start(heads)
            else:
                current.body.extend(heads)  # a subheading inside the article
            heads = []
        elif current is None:
            current = start([])
        elif current.closed:
            item = Draft(body=[para])
            if _is_caption_item(item):
                loose_captions.append(para.text)
                continue
            current.closed = False  # a headless continuation (a repeated or second half of the article)
        current.body.append(para)
        if captions:
            current.captions.extend(captions)
            captions = []
    if captions and current is not None:
        current.captions.extend(captions)
    if heads and current is not None and not current.closed and _cut_off(heads[-1].text):
        current.body.append(heads[-1])  # the page ends mid-sentence: the article was cut, its last line is prose
    return drafts, loose_captions, page_dates


CUT_PROSE = re.compile(r"[가-힣][^.!?…]*$")
SENTENCE_INSIDE = re.compile(r"[다요]\.\s")
# Words that end in a particle headlines leave out (사업은, 올해부터, 예산을): prose, not a title; prose begins with
# a word, not a note's or a caption's mark (※ 사진설명 : …)
WITH_PARTICLE = re.compile(r"[가-힣](?:을|를|은|는|에서|부터|으로|에게|까지)$")
WORD_FIRST = re.compile(r"[가-힣0-9A-Za-z‘“'\"(]")


def _cut_off(text: str) -> bool:
    """Return True for the last line of a page cut off in the middle of a sentence (a feed's excerpt, a page
    saved half loaded): prose of several words that stops without a sentence's end, after a whole sentence,
    longer than a headline runs, or with the particles a headline leaves out (a related article's title left at
    the foot of a page is not prose)."""
    return text.count(" ") >= 6 and bool(CUT_PROSE.search(text)) and not PUNCT_END.search(text) and \
        (len(text) >= 60 or bool(SENTENCE_INSIDE.search(text))
         or WORD_FIRST.match(text) is not None and sum(bool(WITH_PARTICLE.search(w)) for w in text.split()) >= 3)


def _first_sentence(text: str, limit: int = 60) -> str:
    """Return the text up to its first sentence end, cut to `limit` characters."""
    m = re.search(r"[.!?](?:\s|$)", text)
    sentence = text[: m.end()].strip() if m else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def _untitled(first: str) -> str:
    """Return a stand-in title for a headless article: a leading '▲heading=' or the first sentence."""
    bullet = re.match(r"^[▲■●◆▶]\s*([^=]{4,60})=", first)
    return bullet.group(1).strip() if bullet else _first_sentence(first)


def split_page(page: CleanPage) -> tuple[list[PageArticle], dict[str, int]]:
    """Return the articles of a cleaned page and counts of what was set aside."""
    drafts, loose_captions, page_dates = segment(page)
    articles: list[PageArticle] = []
    skipped: dict[str, int] = {}
    for draft in drafts:
        if _is_caption_item(draft):
            skipped["caption-only items"] = skipped.get("caption-only items", 0) + 1
            continue
        if not draft.body or not _is_news(draft):
            skipped["not news prose (advert or list)"] = skipped.get("not news prose (advert or list)", 0) + 1
            continue
        articles.append(_finish(draft, page_dates))
    undated = [a for a in articles if a.published is None or a.published.inferred]
    if len(articles) > 1 and undated and not page_dates:
        # one page is one publication: infer its date from all its articles together
        shared = dates.infer("\n".join(a.body for a in articles))
        for i, article in enumerate(articles):
            if article in undated:
                articles[i] = replace(article, published=shared)
    if loose_captions:
        skipped["caption-only items"] = skipped.get("caption-only items", 0) + len(loose_captions)
    return articles, skipped


def _finish(draft: Draft, page_dates: list[dates.Published]) -> PageArticle:
    """Turn a draft into a PageArticle: title, deck, body text, reporter and date."""
    body = "\n".join(p.text for p in draft.body)
    title_inferred = not draft.heads
    title = draft.heads[0].text if draft.heads else _untitled(draft.body[0].text)
    deck = "\n".join(p.text for p in draft.heads[1:])
    reporter = dateline = None
    if draft.byline:
        m = REPORTER.search(draft.byline)
        reporter = m.group(1) if m else None
        d = DATELINE.match(draft.byline)
        dateline = d.group(1) if d else None
    published = draft.date or dates.page_date(page_dates) or dates.infer(body, title)
    return PageArticle(
        title=title, deck=deck, body=body, captions=tuple(draft.captions), reporter=reporter, dateline=dateline,
        byline=draft.byline, published=published, title_inferred=title_inferred, position=draft.first_line,
    )


def outlet_evidence(text: str) -> tuple[list[str], list[str]]:
    """Return e-mail domains and 'provided by' names found anywhere on the page (for outlet lookup)."""
    domains = [m.group(1).lower() for m in EMAIL.finditer(text)] if "@" in text else []  # tried at every word
    providers = [m.group(1).strip() for m in PROVIDER.finditer(text)]
    return domains, providers
