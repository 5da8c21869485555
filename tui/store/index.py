"""The search index: what goes in it and how articles enter and leave it.

Each sentence, and each article's title with its deck, is one indexed row: its character bigrams
(spacing-insensitive, so 광주형일자리 finds 광주형 일자리) and the stems kiwi found in it that its letters do not
spell (펼치 in 펼친: a query 펼치다 finds it), as one column of tokens. The index is an FTS5 table without content
(content='') that keeps which rows hold each token and not where in them (detail='none'): it finds the rows that
hold all of a word's bigrams, and search checks their text for the word (tui.store.search). search_docs maps
each indexed row to its article, sentence (where it lies in the body) and claim, and keeps those stems, which
only the analyser could derive again. A row leaves the index through FTS5's 'delete' command fed with the tokens
it was indexed with: the bigrams derived again from the stored text, the morphemes read back. So an article must
leave the index before its text is deleted or replaced (remove_articles), and bigrams() must not change without
rebuilding the index (GRAMS_VERSION, checked by the schema).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache

from tui.models import searchable
from tui.store.textpack import unpack, unpack_or_null

GRAMS_VERSION = 1  # raise when bigrams() changes: the schema rebuilds the index from the stored text

INSERT = "INSERT INTO search_fts(rowid, tokens) VALUES (?,?)"
DELETE = "INSERT INTO search_fts(search_fts, rowid, tokens) VALUES ('delete',?,?)"


def bigrams(text: str) -> str:
    """Return the space-separated character bigrams of text's letters and digits (spacing-insensitive)."""
    chars = searchable(text)
    if len(chars) < 2:
        return chars
    return " ".join(chars[i: i + 2] for i in range(len(chars) - 1))


def tokens(text: str, morphs: str | None) -> str:
    """Return what one row indexes: the bigrams of its text and its morphemes."""
    return f"{bigrams(text)} {morphs}" if morphs else bigrams(text)


def row_matches(sentence: int, body_z: bytes | None, start: int | None, end: int | None, title: str | None,
                deck: str | None, morphs: str | None, spec: str) -> int:
    """Return 1 when an indexed row holds every word of a search and none of its excluded words (SQL:
    search_keeps(d.sentence, a.body_z, d.start, d."end", a.title, a.deck, d.morphs, spec)): text_holds on the
    row's text, its stretch of the article's body or the title and deck for the title row (a body is unpacked
    once for the rows of one article in a row)."""
    if sentence < 0:
        text = title_text(title or "", deck)
    else:
        text = unpack_or_null(body_z)[start:end] if body_z is not None else ""
    return int(text_holds(text, morphs, spec))


def text_holds(text: str, morphs: str | None, spec: str) -> bool:
    """Return True when a row's text (or its morphemes) holds every word of a search and none of its excluded
    words. spec is JSON: [words, excluded], each word [letters, stem or null, whether its morphemes count]. A word
    is held when its letters (or its stem's) run in the row's letters, spacing and punctuation aside, or, where
    morphemes count, when it (or its stem) is one of the row's morphemes."""
    words, excluded = _spec(spec)
    lowered = text.lower()
    letters = None
    stems = None

    def runs(chars: str) -> bool:
        nonlocal letters
        if chars in lowered:  # (most hits spell the word as it was typed: no need to strip the text)
            return True
        if letters is None:
            letters = searchable(text)
        return chars in letters

    def held(word) -> bool:
        nonlocal stems
        chars, stem, morph = word
        if runs(chars) or (stem is not None and runs(stem)):
            return True
        if not morph:
            return False
        if stems is None:
            stems = set(morphs.lower().split()) if morphs else set()
        return chars in stems or (stem is not None and stem in stems)

    return all(held(w) for w in words) and not any(held(w) for w in excluded)


@lru_cache(maxsize=64)
def _spec(spec: str) -> tuple[tuple, tuple]:
    """Return a search's words and excluded words from their JSON."""
    words, excluded = json.loads(spec)
    return tuple(map(tuple, words)), tuple(map(tuple, excluded))


def title_text(title: str, deck: str | None) -> str:
    """Return what the title row of an article indexes: the title and the deck."""
    return title + " " + (deck or "")


def add_article(conn, article: str, title: str, deck: str | None, body: str,
                sentences: Iterable[tuple[int, int, int, str | None, str]]) -> None:
    """Index one article: its title row and one row per (index, start, end, claim id, morphemes) sentence, with
    consecutive row numbers, which the article keeps (articles.search_first and search_last: the rows are found
    by their numbers, with no index on the article)."""
    rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM search_docs").fetchone()[0]
    docs = [(rowid + 1, article, -1, None, None, None, "")]
    rows = [(rowid + 1, bigrams(title_text(title, deck)))]
    for n, (idx, start, end, claim, morphs) in enumerate(sentences, rowid + 2):
        docs.append((n, article, idx, start, end, claim, morphs or ""))
        rows.append((n, tokens(body[start:end], morphs)))
    conn.executemany('INSERT INTO search_docs(rowid, article, sentence, start, "end", claim, morphs) '
                     "VALUES (?,?,?,?,?,?,?)", docs)
    conn.executemany(INSERT, rows)
    conn.execute("UPDATE articles SET search_first = ?, search_last = ? WHERE id = ?",
                 [rowid + 1, rowid + len(docs), article])


ROWS_OF = "JOIN search_docs d ON d.rowid BETWEEN a.search_first AND a.search_last"  # an article a's search rows d


def _indexed_rows(conn, articles: list[str]):
    """Yield (rowid, tokens) of every indexed row of these articles, from the stored text."""
    marks = ",".join("?" * len(articles))
    yield from _tokens_of(conn.execute(
        f'SELECT d.rowid, d.article, d.sentence, d.start, d."end", d.morphs, a.title, a.deck, '
        f"CASE WHEN d.sentence >= 0 THEN a.body_z END FROM articles a {ROWS_OF} "
        f"WHERE a.id IN ({marks}) ORDER BY d.rowid", articles))


def _tokens_of(rows):
    """Yield (rowid, tokens) of search rows read with their article's title, deck and packed body."""
    bodies: dict[str, str] = {}
    for rowid, article, sentence, start, end, morphs, title, deck, packed in rows:
        if sentence < 0:
            yield rowid, bigrams(title_text(title, deck))
            continue
        if article not in bodies:
            bodies.clear()
            bodies[article] = unpack(packed)
        yield rowid, tokens(bodies[article][start:end], morphs)


def remove_articles(conn, articles: list[str]) -> None:
    """Take articles out of the index (before their text or sentences are deleted or replaced)."""
    for chunk in range(0, len(articles), 500):
        part = articles[chunk: chunk + 500]
        conn.executemany(DELETE, list(_indexed_rows(conn, part)))
        conn.execute(f"DELETE FROM search_docs WHERE rowid IN (SELECT d.rowid FROM articles a {ROWS_OF} "
                     f"WHERE a.id IN ({','.join('?' * len(part))}))", part)
        conn.execute(f"UPDATE articles SET search_first = NULL, search_last = NULL "
                     f"WHERE id IN ({','.join('?' * len(part))})", part)


def rebuild(conn) -> None:
    """Index every stored article again from search_docs and the stored text (after a schema change)."""
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    rows = conn.execute(
        'SELECT d.rowid, d.article, d.sentence, d.start, d."end", d.morphs, a.title, a.deck, '
        "CASE WHEN d.sentence >= 0 THEN a.body_z END FROM search_docs d JOIN articles a ON a.id = d.article "
        "ORDER BY d.rowid")
    while True:
        chunk = list(_tokens_of(rows.fetchmany(5000)))
        if not chunk:
            break
        conn.executemany(INSERT, chunk)
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")  # one b-tree, not one per chunk
