"""The search index: what goes in it and how articles enter and leave it.

Each sentence, and each article's title with its deck, is one indexed row: its character bigrams
(spacing-insensitive, so 광주형일자리 finds 광주형 일자리) and the stems kiwi found in it that its letters do not
spell (펼치 in 펼친: a query 펼치다 finds it). The index
is an FTS5 table without content (content=''): it keeps the tokens, not a second copy of the text. search_docs
maps each indexed row to its article, sentence and claim, and keeps those stems, which only the analyser
could derive again. A row leaves the index through FTS5's 'delete' command fed with the tokens it was indexed
with: the bigrams derived again from the stored text, the morphemes read back. So an article must leave the
index before its text is deleted or replaced (remove_articles), and bigrams() must not change without
rebuilding the index (GRAMS_VERSION, checked by the schema).
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.models import searchable
from tui.store.textpack import unpack

GRAMS_VERSION = 1  # raise when bigrams() changes: the schema rebuilds the index from the stored text

INSERT = "INSERT INTO search_fts(rowid, grams, morphs) VALUES (?,?,?)"
DELETE = "INSERT INTO search_fts(search_fts, rowid, grams, morphs) VALUES ('delete',?,?,?)"


def bigrams(text: str) -> str:
    """Return the space-separated character bigrams of text's letters and digits (spacing-insensitive)."""
    chars = searchable(text)
    if len(chars) < 2:
        return chars
    return " ".join(chars[i: i + 2] for i in range(len(chars) - 1))


def title_text(title: str, deck: str | None) -> str:
    """Return what the title row of an article indexes: the title and the deck."""
    return title + " " + (deck or "")


def add_article(conn, article: str, title: str, deck: str | None, body: str,
                sentences: Iterable[tuple[int, int, int, str | None, str]]) -> None:
    """Index one article: its title row and one row per (index, start, end, claim id, morphemes) sentence."""
    rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM search_docs").fetchone()[0]
    docs = [(rowid + 1, article, -1, None, "")]
    grams = [(rowid + 1, bigrams(title_text(title, deck)), "")]
    for n, (idx, start, end, claim, morphs) in enumerate(sentences, rowid + 2):
        docs.append((n, article, idx, claim, morphs or ""))
        grams.append((n, bigrams(body[start:end]), morphs or ""))
    conn.executemany("INSERT INTO search_docs(rowid, article, sentence, claim, morphs) VALUES (?,?,?,?,?)", docs)
    conn.executemany(INSERT, grams)


def _indexed_rows(conn, articles: list[str]):
    """Yield (rowid, grams, morphs) of every indexed row of these articles, from the stored text."""
    marks = ",".join("?" * len(articles))
    for rowid, title, deck in conn.execute(
            f"SELECT d.rowid, a.title, a.deck FROM search_docs d JOIN articles a ON a.id = d.article "
            f"WHERE d.article IN ({marks}) AND d.sentence < 0", articles):
        yield rowid, bigrams(title_text(title, deck)), ""
    bodies: dict[str, str] = {}
    for rowid, article, packed, start, end, morphs in conn.execute(
            f'SELECT d.rowid, d.article, a.body_z, s.start, s."end", d.morphs FROM search_docs d '
            f"JOIN articles a ON a.id = d.article JOIN sentences s ON s.article = d.article AND s.idx = d.sentence "
            f"WHERE d.article IN ({marks}) AND d.sentence >= 0 ORDER BY d.article", articles):
        if article not in bodies:
            bodies.clear()
            bodies[article] = unpack(packed)
        yield rowid, bigrams(bodies[article][start:end]), morphs or ""


def remove_articles(conn, articles: list[str]) -> None:
    """Take articles out of the index (before their text or sentences are deleted or replaced)."""
    for chunk in range(0, len(articles), 500):
        part = articles[chunk: chunk + 500]
        conn.executemany(DELETE, list(_indexed_rows(conn, part)))
        conn.execute(f"DELETE FROM search_docs WHERE article IN ({','.join('?' * len(part))})", part)


def rebuild(conn) -> None:
    """Index every stored article again from search_docs and the stored text (after a schema change).

    Sentences without a search_docs row (articles stored before search existed) get one, without morphemes.
    """
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    conn.execute(
        "INSERT INTO search_docs(article, sentence, claim, morphs) "
        "SELECT a.id, -1, NULL, '' FROM articles a "
        "WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.article = a.id AND d.sentence < 0)")
    conn.execute(
        "INSERT INTO search_docs(article, sentence, claim, morphs) "
        "SELECT s.article, s.idx, (SELECT c.id FROM claims c WHERE c.article = s.article AND c.sentence = s.idx "
        "AND c.zone = 'body' LIMIT 1), '' FROM sentences s "
        "WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.article = s.article AND d.sentence = s.idx)")
    articles = [r[0] for r in conn.execute("SELECT DISTINCT article FROM search_docs")]
    for chunk in range(0, len(articles), 500):
        conn.executemany(INSERT, list(_indexed_rows(conn, articles[chunk: chunk + 500])))
