"""Quoted stretches in a sentence, whether they are speech, and who is speaking."""

from __future__ import annotations

import re
from functools import lru_cache

QUOTE_PAIRS = {"“": "”", "\"": "\"", "「": "」", "『": "』"}
OPENER = re.compile("[“\"「『]")
SPEECH_TAIL = re.compile(r"[”\"」』]\s?(?:이?라고|고|이?라며|며|면서|이라면서|라면서|하고)")


@lru_cache(maxsize=4096)
def quotes(text: str) -> tuple[tuple[int, int, bool], ...]:
    """Return (start, end, is_speech) for double-quoted stretches; speech when followed by 고/며/라며 …"""
    found = []
    i = 0
    while True:
        m = OPENER.search(text, i)  # the next opening quote (a regex scan, not a loop over every character)
        if m is None:
            break
        i = m.start()
        closer = QUOTE_PAIRS[text[i]]
        j = text.find(closer, i + 1)
        if j < 0:
            break
        inner = text[i + 1: j]
        speech = bool(SPEECH_TAIL.match(text, j)) or len(inner) > 40 or bool(re.search(r"[다요][.!?]?$", inner))
        found.append((i, j + 1, speech))
        i = j + 1
    return tuple(found)


def speaker_of(text: str, quote_start: int, quote_end: int) -> str | None:
    """Return who is quoted: the sentence's subject before its first quote, the subject just before this
    quote, or the one named after it."""
    opening = re.match(r"^\s*([^“\"”]{2,40}?)(?:은|는|이|가|측은)\s*[“\"]", text)
    if opening:
        return opening.group(1).strip()
    before = text[:quote_start].strip()
    m = re.search(r"([가-힣A-Za-z0-9·()\s]{2,30}?)(?:은|는|이|가|측은)\s*$", before)
    if m and m.group(1).strip():
        return m.group(1).strip()
    after = text[quote_end:]
    m = re.search(r"(?:고|라며|며)\s+([가-힣A-Za-z0-9·\s]{2,30}?)(?:은|는|이|가)\s", after)
    return m.group(1).strip() if m else None


