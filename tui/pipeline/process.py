"""The per-file pipeline step: one file through read → clean → split → analyze, returning plain records (no
database). The ingest orchestration (tui.ingest) runs it in worker processes and stores what it returns."""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.pipeline import dates
from tui.pipeline.analyze import Analyzed, analyze
from tui.pipeline.clean import clean_page, normalize
from tui.pipeline.html import LIST_MARK
from tui.pipeline.kiwi import get_kiwi
from tui.pipeline.read import InputError, RawDoc, read_file
from tui.pipeline.segment import TOKENIZE
from tui.pipeline.split import PageArticle, split_page


@dataclass
class FileResult:
    """Everything one file produced, or the reason it produced nothing."""

    file: str
    sha256: str
    size: int
    encoding: str = ""
    articles: list[Analyzed] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    error: str | None = None


def file_digest(data: bytes) -> str:
    """Return the hex SHA-256 of file bytes."""
    return hashlib.sha256(data).hexdigest()


def article_id(source: str, key: str) -> str:
    """Return a stable article id from its source file and its place in it."""
    return hashlib.sha1(f"{source}\n{key}".encode()).hexdigest()[:12]


SESSION_IN_URL = re.compile(r";jsessionid=[^?#]*|(?<=[?&])(?:jsessionid|phpsessid|aspsessionid\w*|sessionid)=[^&#]*&?",
                            re.IGNORECASE)


def record_key(url: str) -> str:
    """Return the key of a record by its URL without the session a scraper happened to hold (…/view.do;
    jsessionid=B4B2…?nttId=105498 and …;jsessionid=A925…?nttId=105498 are one page)."""
    return SESSION_IN_URL.sub("", url).rstrip("?&")


def text_shingles(text: str, size: int = 8) -> frozenset[str]:
    """Return the letter runs of `size` characters in a text with its spaces and punctuation removed."""
    letters = re.sub(r"[\W_]+", "", text)
    return frozenset(letters[i: i + size] for i in range(max(1, len(letters) - size + 1)))


URL_REPEAT = "records repeating an earlier record's url (the last one kept)"
TEXT_REPEAT = "records repeating an earlier record's text (the first one kept)"


def without_repeats(docs: list[RawDoc]) -> tuple[list[RawDoc], dict[str, int]]:
    """Return a file's records without those the writer would set aside as repeats whatever their analysis said,
    and how many of each: a record that a later one with the same address, title and text replaces, and one
    with the title and text of an earlier record kept under another address. Only identical records go here,
    unanalysed (a scraper that saved a release several times: a tenth of the press CSV); a copy with a menu
    line more is still found after analysis."""
    if not docs or not all(d.structured and not d.page for d in docs):
        return docs, {}
    same_of: dict[tuple, list[int]] = {}  # (title, text) → indexes of the kept records with it
    dropped: dict[int, str] = {}
    for i, doc in enumerate(docs):
        if doc.rejected:
            continue
        same = same_of.setdefault((doc.meta.get("title", ""), doc.text), [])
        key = _record_key(doc)
        earlier = next((j for j in same if _record_key(docs[j]) == key), None)
        if earlier is not None:  # the same record again: the last one is kept, as a repeated address is
            dropped[earlier] = URL_REPEAT
            same.remove(earlier)
        elif same and doc.meta.get("title"):
            dropped[i] = TEXT_REPEAT  # a copy under another address: the first one is kept
            continue
        same.append(i)
    counts: dict[str, int] = {}
    for why in dropped.values():
        counts[why] = counts.get(why, 0) + 1
    return [d for i, d in enumerate(docs) if i not in dropped], counts


def same_text(a: frozenset[str], b: frozenset[str], share: float = 0.8) -> bool:
    """Return True when two texts' shingles mostly coincide (the smaller one's, so that a copy with a page's
    menu line or a footer more is still the same text)."""
    if not a or not b:
        return False
    return len(a & b) >= share * min(len(a), len(b))


def _count(target: dict[str, int], more: dict[str, int]) -> None:
    """Add counts from `more` into `target`."""
    for key, value in more.items():
        target[key] = target.get(key, 0) + value


def analyze_docs(docs: list[RawDoc], use_source: bool = True) -> tuple[list[Analyzed], dict[str, int]]:
    """Return the analysed articles of raw documents and what was set aside (runs in worker processes)."""
    _, articles, skipped = next(analyze_stream([(None, docs)], use_source))  # one group: yielded once
    return articles, skipped


def analyze_groups(groups: list[list[RawDoc]], use_source: bool = True) -> list[tuple[list[Analyzed], dict[str, int]]]:
    """Return the analysed articles and what was set aside of each group of documents, analysed as one stream
    (a worker's task of several files or chunks)."""
    return [(articles, skipped) for _, articles, skipped in analyze_stream(enumerate(groups), use_source)]


def analyze_stream(groups: Iterable[tuple[Any, list[RawDoc]]], use_source: bool = True
                   ) -> Iterator[tuple[Any, list[Analyzed], dict[str, int]]]:
    """Yield (key, analysed articles, what was set aside) for each (key, documents) group, in order.

    Every body goes to kiwipiepy in one batch: its own thread analyses the next bodies (about sixteen ahead),
    outside the interpreter lock, while this thread reads, cleans and splits the documents ahead and runs the
    rules on the bodies analysed, so the two overlap, across groups too (one file of many records, or many
    one-article files). A group is yielded once all its bodies are analysed; the groups are pulled lazily.
    """
    kiwi = get_kiwi()
    entries: deque[_Group] = deque()  # the groups pulled and not yet yielded, in order
    handed: deque[tuple[_Group, PageArticle, RawDoc, str]] = deque()  # bodies handed to the batch, in its order

    def bodies() -> Iterator[str]:
        for key, docs in groups:
            entry = _Group(key)
            entries.append(entry)
            for doc in docs:
                for page_article, doc_key in _found(doc, kiwi, entry.skipped):
                    entry.waiting += 1
                    handed.append((entry, page_article, doc, doc_key))
                    yield page_article.body
            entry.pulled = True

    for tokens in kiwi.tokenize(bodies(), **TOKENIZE):
        entry, page_article, doc, doc_key = handed.popleft()
        entry.articles.append(analyze(page_article, doc, article_id(doc.file, doc_key), kiwi, use_source, tokens))
        entry.waiting -= 1
        while entries and entries[0].pulled and not entries[0].waiting:
            done = entries.popleft()
            yield done.key, done.articles, done.skipped
    for done in entries:  # groups with no body at the end of the stream
        yield done.key, done.articles, done.skipped


@dataclass
class _Group:
    """A group of documents in analyze_stream: what it produced so far and how many bodies are still out."""

    key: Any
    articles: list[Analyzed] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    waiting: int = 0
    pulled: bool = False  # all its documents were read


def _found(doc: RawDoc, kiwi, skipped: dict[str, int]) -> list[tuple[PageArticle, str]]:
    """Return the articles of one raw document with their keys, counting in skipped what was set aside."""
    if doc.rejected:
        skipped[doc.rejected] = skipped.get(doc.rejected, 0) + 1
        return []
    if doc.structured and not doc.page and _lists_other_posts(doc):
        found = _title_only(doc, BOARD_TEXT)
    else:
        found = _articles_of(doc, kiwi, skipped)
        if doc.structured and not found:
            found = _title_only(doc, NO_TEXT)
    if doc.structured and not found:
        skipped["records with no article text"] = skipped.get("records with no article text", 0) + 1
    elif found and found[0][0].title_only:
        skipped[HEADLINE_ONLY] = skipped.get(HEADLINE_ONLY, 0) + 1
    return found


def finish(result: FileResult) -> FileResult:
    """Set the error of a result that produced no article, naming what was set aside."""
    if not result.articles and result.error is None:
        reasons = ", ".join(f"{n} {why}" for why, n in result.skipped.items()) or "no prose found"
        result.error = f"no article found (only site chrome or non-news text: {reasons})"
    return result


def process_file(path: str, mapping: dict[str, str] | None = None, data: bytes | None = None,
                 use_source: bool = True) -> FileResult:
    """Return the analysed articles of one file in this process (never touches the database)."""
    source = Path(path)
    if data is None:
        try:
            data = source.read_bytes()
        except OSError as err:
            return FileResult(str(path), "", 0, error=f"cannot read ({err.strerror})")
    return finish(_analysed(FileResult(str(path), file_digest(data), len(data)), source, data, mapping, use_source))


def _analysed(result: FileResult, path: Path, data: bytes, mapping, use_source: bool,
              fetched: dict | None = None) -> FileResult:
    """Read a file's bytes as documents stored under result.file and analyse them into result (or set its
    error when the bytes cannot be read as input)."""
    try:
        docs = read_file(path, data, mapping, fetched)
    except InputError as err:
        result.error = str(err)
        return result
    for doc in docs:
        doc.file = result.file  # article ids are made from the stored name
    result.encoding = docs[0].encoding
    docs, repeats = without_repeats(docs)
    result.articles, result.skipped = analyze_docs(docs, use_source)
    _count(result.skipped, repeats)
    return result


def analyze_file(name: str, path: str, mapping: dict[str, str] | None = None, data: bytes | None = None,
                 sha256: str | None = None, use_source: bool = True, fetched: dict | None = None
                 ) -> FileResult | None:
    """Return one file's analysed articles under its stored name, for a worker that gets the whole file (a
    cluster worker): the bytes when given, else the file at path. Return None when the path cannot be read here
    or no longer holds the content the caller hashed (sha256): the caller then sends the bytes. A file that
    cannot be read as input has its reason in error; a file with no article is not an error here (the writer
    decides, as for a local run)."""
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        if sha256 is not None and file_digest(data) != sha256:
            return None
    return _analysed(FileResult(name, sha256 or file_digest(data), len(data)), Path(path), data, mapping, use_source,
                     fetched)


def _articles_of(doc: RawDoc, kiwi, skipped: dict[str, int]) -> list[tuple[PageArticle, str]]:
    """Return the articles in one raw document with a stable key for each."""
    page = clean_page(doc.text, kiwi)
    if doc.structured:
        return [(p, _record_key(doc)) for p in _structured(doc, page)]
    articles, set_aside = split_page(page)
    _count(skipped, set_aside)
    return [(a, f"{doc.index}:{i}") for i, a in enumerate(articles)]


def _structured(doc: RawDoc, page) -> list[PageArticle]:
    """Return the single article of a CSV/JSON record: its fields first, the cleaned body for the rest."""
    from tui.pipeline.split import segment

    drafts, _captions, page_dates = segment(page)
    paras = [p for d in drafts for p in d.heads + d.body]
    title = _title_line(normalize(doc.meta.get("title", "")))
    # What a body shows above its headline (a breadcrumb, 'print page', a department and a time) is the site's: a
    # record scraped from a page keeps it too
    paras = _after_headline(paras, title)
    # an extracted page's title is whole: the paragraphs start after its headline line
    if doc.page and paras and re.sub(r"\s+", "", LIST_MARK.sub("", paras[0].text)) == re.sub(r"\s+", "", title):
        paras = paras[1:]
    # A scraper's title is often cut ("…" / "...") or carries markers; the body's first line is the full one.
    cut = re.sub(r"(\.\.\.|…)\s*$", "", title).strip()
    if paras and cut and paras[0].text.startswith(cut) and len(paras[0].text) <= 200 and not doc.page:
        title = paras[0].text
        paras = paras[1:]
    if not title and paras:
        title = paras[0].text[:60]
    body = "\n".join(p.text for p in paras)
    published = dates.parse_iso(doc.meta["date"]) if doc.meta.get("date") else None
    if published is None and page_dates:
        published = page_dates[0]
    if published is None:
        published = dates.infer(body, title)
    reporter = _reporter(doc)
    byline = next((d.byline for d in drafts if d.byline), None)
    captions = tuple(c for d in drafts for c in d.captions)
    return [PageArticle(
        title=_strip_markers(title), deck=normalize(doc.meta.get("deck", "")), body=body, captions=captions,
        reporter=reporter, dateline=None, byline=byline, published=published, title_inferred=False, position=0,
    )] if body.strip() else []


def _after_headline(paras: list, title: str) -> list:
    """Return a page's paragraphs from its headline on: what an extracted page shows above the headline (a board
    name, a breadcrumb, a 'skip to content' label) is the site's, not the article's."""
    key = re.sub(r"\s+", "", title)
    if len(key) < 8:
        return paras
    for index, para in enumerate(paras[:8]):
        if re.sub(r"\s+", "", LIST_MARK.sub("", para.text)).startswith(key):
            return paras[index:]
    return paras


TEASER = re.compile(r"^.{60,}(?:\.\.\.|…)\s*$")
BOARD_TEXT = "its text is a board's list of other posts"
NO_TEXT = "its text holds no article (only the site's menus, files or print links)"
# Counted with what was set aside, but said apart: these records are stored
HEADLINE_ONLY = "records kept with their headline only (their text was a board's list of other posts or site chrome)"


def _title_only(doc: RawDoc, why: str) -> list[tuple[PageArticle, str]]:
    """Return a record whose text is not its own as its headline alone, with its date, publisher and address: the
    scraper saved a board's list or a page's chrome instead of the post, but the record is still the agency's
    release and its headline says what it announces (영암군, 출생아 70% 수준으로 기저귀 지원 가정 확대). Nothing when
    the record has no headline either."""
    title = _strip_markers(_title_line(normalize(doc.meta.get("title", ""))))
    title = re.sub(r"\s*(?:\.\.\.|…)$", "…", title)  # a title a board cut short says so
    if not re.search(r"[가-힣A-Za-z]{2}", title):
        return []
    published = dates.parse_iso(doc.meta["date"]) if doc.meta.get("date") else None
    return [(PageArticle(title=title, deck=normalize(doc.meta.get("deck", "")), body="", captions=(),
                         reporter=_reporter(doc), dateline=None, byline=None, published=published,
                         title_inferred=False, position=0, title_only=why), _record_key(doc))]


def _record_key(doc: RawDoc) -> str:
    """Return a record's stable key: its address's, else its place in the file."""
    return record_key(doc.meta["url"]) if doc.meta.get("url") else f"record-{doc.index}"


def _reporter(doc: RawDoc) -> str | None:
    """Return the reporter a record's field names."""
    return normalize(doc.meta["reporter"]) if doc.meta.get("reporter") else None


def _lists_other_posts(doc: RawDoc) -> bool:
    """Return True when a record's text is a board's list of other posts (three or more teasers cut with '…')
    that never names the record's own title: the scraper saved the board page instead of the post."""
    teasers = sum(1 for line in doc.text.splitlines() if TEASER.match(line.strip()))
    if teasers < 3:
        return False
    title = re.sub(r"\s+", "", _title_line(normalize(doc.meta.get("title", ""))))[:15]
    return bool(title) and title not in re.sub(r"\s+", "", doc.text)


DATE_LINE = re.compile(r"\d{4}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{1,2}\.?(?:\s*\([월화수목금토일]\))?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def _title_line(field: str) -> str:
    """Return the headline of a record's title field: its first line that is not only a date or a scraper's
    marker (a board's title cell can read '2025-12-15⏎⏎완도군, … 수상'), without the markers glued to it (…수상NEW),
    or the field's first line."""
    for line in field.split("\n"):
        headline = _strip_markers(line)
        if headline and not DATE_LINE.fullmatch(headline):
            return headline
    return next((line.strip() for line in field.split("\n") if line.strip()), "")


MARKERS = re.compile(r"\s*(?:새로운\s?글|새글|NEW|new|N)\s*$|\s*\d{1,2}:\d{2}\s*$|^\s*(?:새글|NEW)\s+")


def _strip_markers(title: str) -> str:
    """Return a title without trailing scraper markers such as '새글', 'NEW' or a time."""
    title = title.strip().split("\n", 1)[0].strip()  # a title is one line; the rest is scraper debris
    previous = None
    while previous != title:
        previous, title = title, MARKERS.sub("", title).strip()
    return title
