"""Sentences with character offsets and kiwipiepy tokens, repairing kiwi's known slips on news text.

The body is split on lines (paragraphs) first; kiwi splits each paragraph; then a sentence that starts with a
particle or an ending is merged into the one before, a quoted name stranded at the end of a sentence moves to
the next, and a '▲heading=body' item is split into its heading and its body.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import groupby, pairwise
from operator import attrgetter

BULLET_HEADING = re.compile(r"^\s*[▲△■□●○◆◇▶▷►•※]\s*([^=]{2,80}?)=")
NEWLINE = re.compile("\n")
STRANDED_QUOTE = re.compile(r"(?<=[.!?])\s+([‘“'\"][^‘“'\"’”]{1,40}[’”'\"])\s*$")
CONTINUES = ("J", "E", "XS", "VCP", "VCN")
TOKENIZE = {"z_coda": False}  # how a body is analysed, alone or in a batch (see split_sentences)


@dataclass
class Sent:
    """A sentence of the body: offsets into the body, kind, and its tokens (offsets into the body)."""

    start: int
    end: int
    kind: str = "body"  # body or heading
    tokens: list = field(default_factory=list)


def _tokens_between(tokens: list, start: int, end: int) -> list:
    """Return the tokens whose start lies in [start, end)."""
    return [t for t in tokens if start <= t.start < end]


def split_sentences(kiwi, body: str, tokens: list | None = None) -> list[Sent]:
    """Return the sentences of a clean body with tokens, every offset relative to the body.

    One kiwipiepy call analyses the whole body (or tokens gives what that call returned,
    from a batch that analysed it ahead); a line break always ends a sentence (kiwi ignores single newlines), then
    the repairs below run paragraph by paragraph.
    """
    if not body.strip():
        return []
    breaks = [m.start() for m in NEWLINE.finditer(body)]
    sents: list[Sent] = []
    # kiwi marks each token's sentence (sent_position) in a plain call too: grouping by it gives what
    # split_sents=True returns, 10% faster (that option re-splits the analysed text). z_coda reads a consonant
    # glued to a syllable as an ending (했닼): chat style, not news; without it kiwi runs 7% faster, and on the
    # press CSV's bodies 2 of 161,532 tokens differ
    if tokens is None:
        tokens = kiwi.tokenize(body, **TOKENIZE)
    for _, group in groupby(tokens, key=attrgetter("sent_position")):
        for part in _cut_at_newlines(list(group), breaks):
            start, end = part[0].start, part[-1].start + part[-1].len
            sents.append(Sent(start, end, "body", part))
    out: list[Sent] = []
    paragraph_start = 0
    starts = [s.start for s in sents]
    ordered = all(a <= b for a, b in pairwise(starts))  # kiwi's sentences run left to right
    for line in body.split("\n"):
        paragraph_end = paragraph_start + len(line)
        if ordered:  # the paragraph's sentences by bisection, not by a pass over all of them for every line
            inside = sents[bisect_left(starts, paragraph_start): bisect_left(starts, paragraph_end)]
        else:
            inside = [s for s in sents if paragraph_start <= s.start < paragraph_end]
        if inside:
            inside = _move_stranded_quotes(inside, line, paragraph_start)
            inside = _merge_continuations(inside, line, paragraph_start)
            out.extend(_split_bullet_headings(inside, line, paragraph_start))
        paragraph_start = paragraph_end + 1
    return out


def _cut_at_newlines(tokens: list, breaks: list[int]) -> list[list]:
    """Split one kiwi sentence's tokens wherever a newline of the body lies between two tokens."""
    first, last = tokens[0].start, tokens[-1].start
    inside = breaks[bisect_left(breaks, first): bisect_left(breaks, last)]
    if not inside:
        return [tokens]
    parts: list[list] = [[tokens[0]]]
    for prev, tok in zip(tokens, tokens[1:]):
        i = bisect_left(inside, prev.start + prev.len)
        if i < len(inside) and inside[i] < tok.start:
            parts.append([tok])
        else:
            parts[-1].append(tok)
    return parts


def _merge_continuations(sents: list[Sent], text: str, base: int) -> list[Sent]:
    """Merge a sentence that starts with a particle or an ending into the sentence before it."""
    out: list[Sent] = []
    for sent in sents:
        first = next((t for t in sent.tokens if not t.tag.startswith("S")), None)
        if out and first is not None and first.tag.startswith(CONTINUES) and first.start == sent.start:
            prev = out[-1]
            out[-1] = Sent(prev.start, sent.end, prev.kind, prev.tokens + sent.tokens)
        else:
            out.append(sent)
    return out


def _move_stranded_quotes(sents: list[Sent], text: str, base: int) -> list[Sent]:
    """Move a quoted name left at the end of a sentence ('…중이다. ‘시민수당 도입’') to the next sentence."""
    for i in range(len(sents) - 1):
        cur = sents[i]
        m = STRANDED_QUOTE.search(text[cur.start - base: cur.end - base])
        if not m:
            continue
        cut = cur.start + m.start(1)
        head_end = cur.start + len(text[cur.start - base: cut - base].rstrip())
        nxt = sents[i + 1]
        sents[i] = Sent(cur.start, head_end, cur.kind, _tokens_between(cur.tokens, cur.start, cut))
        sents[i + 1] = Sent(cut, nxt.end, nxt.kind, _tokens_between(cur.tokens, cut, cur.end) + nxt.tokens)
    return [s for s in sents if s.end > s.start]


def _split_bullet_headings(sents: list[Sent], text: str, base: int) -> list[Sent]:
    """Split '▲heading=body…' into a heading sentence and the body sentence that follows it."""
    out: list[Sent] = []
    for sent in sents:
        m = BULLET_HEADING.match(text[sent.start - base: sent.end - base])
        if m:
            cut = sent.start + m.end()
            out.append(Sent(sent.start, cut - 1, "heading", _tokens_between(sent.tokens, sent.start, cut)))
            rest_start = cut
            while rest_start < sent.end and text[rest_start - base].isspace():
                rest_start += 1
            if rest_start < sent.end:
                out.append(Sent(rest_start, sent.end, "body", _tokens_between(sent.tokens, rest_start, sent.end)))
            continue
        out.append(sent)
    return out
