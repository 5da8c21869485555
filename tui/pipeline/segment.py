"""Sentences with character offsets and kiwipiepy tokens, repairing kiwi's known slips on news text.

The body is split on lines (paragraphs) first; kiwi splits each paragraph; then a sentence that starts with a
particle or an ending is merged into the one before, a quoted name stranded at the end of a sentence moves to
the next, and a '▲heading=body' item is split into its heading and its body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BULLET_HEADING = re.compile(r"^\s*[▲△■□●○◆◇▶▷►•※]\s*([^=]{2,80}?)=")
STRANDED_QUOTE = re.compile(r"(?<=[.!?])\s+([‘“'\"][^‘“'\"’”]{1,40}[’”'\"])\s*$")
CONTINUES = ("J", "E", "XS", "VCP", "VCN")


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


class _Token:
    """A token re-based onto body offsets (kiwipiepy tokens are read-only)."""

    __slots__ = ("form", "tag", "start", "len")

    def __init__(self, form: str, tag: str, start: int, length: int) -> None:
        self.form, self.tag, self.start, self.len = form, tag, start, length

    @property
    def end(self) -> int:
        """Return the end offset."""
        return self.start + self.len


def split_sentences(kiwi, body: str) -> list[Sent]:
    """Return the sentences of a clean body with tokens, every offset relative to the body."""
    sentences: list[Sent] = []
    offset = 0
    for paragraph in body.split("\n"):
        if paragraph.strip():
            sentences.extend(_paragraph(kiwi, paragraph, offset))
        offset += len(paragraph) + 1
    return sentences


def _paragraph(kiwi, text: str, base: int) -> list[Sent]:
    """Return the repaired sentences of one paragraph (offsets shifted by base)."""
    raw = kiwi.split_into_sents(text, return_tokens=True)
    sents: list[Sent] = []
    for s in raw:
        toks = [_Token(t.form, t.tag, base + t.start, t.len) for t in s.tokens]
        sents.append(Sent(base + s.start, base + s.end, "body", toks))
    sents = _move_stranded_quotes(sents, text, base)
    sents = _merge_continuations(sents, text, base)
    return _split_bullet_headings(sents, text, base)


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
