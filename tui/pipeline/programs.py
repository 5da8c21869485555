"""Program names: quoted names, bullet items and noun phrases ending in a program head; keys and near matches."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.models import program_key
from tui.pipeline.speech import quotes
from tui.pipeline.lexicon import read_table

SINGLE_QUOTES = re.compile(r"[‘']([^‘’'\n]{2,40})[’']")
DOUBLE_QUOTES = re.compile(r"[“\"]([^“”\"\n]{2,40})[”\"]")
INLINE_BULLET = re.compile(r"[▲△■□●○◆◇▶▷]\s*([^▲△■□●○◆◇▶▷=.,]{2,30})")
SENTENCE_END = re.compile(r"[다요][.!?]?$|[.!?]$")
NOUNS = ("NNG", "NNP", "SL", "SN", "XSN", "XPN", "SH", "NR")


@dataclass(frozen=True)
class ProgramMention:
    """A program name found in an article body."""

    name: str
    key: str
    start: int
    end: int
    source: str  # quote, bullet, phrase


@lru_cache(maxsize=1)
def _vocab() -> dict[str, frozenset[str]]:
    """Return head, not and generic word sets from data/programs.csv."""
    groups: dict[str, set[str]] = {"head": set(), "not": set(), "generic": set()}
    for row in read_table("programs.csv"):
        groups.setdefault(row["kind"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in groups.items()}


LABEL_AFTER = re.compile(r"[’'”\"]?\s?(?:이?라는|(?:으로|로)\s?불리는|답게|처럼|같은|이?라고|을 캐치프레이즈|를 캐치프레이즈)")


def _is_name(inner: str, agencies: set[str]) -> bool:
    """Return True when quoted text reads as a name (not speech, a title of an award, or a bare place)."""
    inner = re.sub(r"\([^()]*\)$", "", inner.strip()).strip()
    key = program_key(inner)
    vocab = _vocab()
    if len(key) < 3 or SENTENCE_END.search(inner) or any(c in inner for c in "!?"):
        return False
    if inner in agencies or re.fullmatch(r"[\d\s.,%]+", inner):
        return False
    last = inner.split()[-1]
    return not any(last.endswith(word) for word in vocab["not"] if len(word) > 1) and not last.endswith("상")


def find_programs(body: str, sentences, agencies: set[str]) -> list[ProgramMention]:
    """Return program mentions in a body: quoted names, bullet items, and noun phrases ending in a program head."""
    found: list[ProgramMention] = []
    speech = {(s, e) for s, e, is_speech in quotes(body) if is_speech}
    for m in SINGLE_QUOTES.finditer(body):
        if _is_name(m.group(1), agencies) and not LABEL_AFTER.match(body, m.end(1)):
            found.append(ProgramMention(m.group(1).strip(), program_key(m.group(1)), m.start(1), m.end(1), "quote"))
    for m in DOUBLE_QUOTES.finditer(body):
        if (m.start(), m.end()) not in speech and _is_name(m.group(1), agencies) and not LABEL_AFTER.match(
                body, m.end(1)):
            found.append(ProgramMention(m.group(1).strip(), program_key(m.group(1)), m.start(1), m.end(1), "quote"))
    for m in INLINE_BULLET.finditer(body):
        item = m.group(1).strip()
        if any(item.endswith(h) for h in _vocab()["head"]) and "‘" not in item and _is_name(item, agencies):
            found.append(ProgramMention(item, program_key(item), m.start(1), m.start(1) + len(item), "bullet"))
    quoted = [(m.start(), m.end()) for m in SINGLE_QUOTES.finditer(body)]
    quoted += [(m.start(), m.end()) for m in DOUBLE_QUOTES.finditer(body)]
    for sent in sentences:
        for phrase in _phrases(body, sent.tokens):
            if not any(phrase.start < e and s < phrase.end for s, e in quoted):
                found.append(phrase)  # a phrase inside a quote is part of that quoted name or title
    return _dedupe(found)


def _phrases(body: str, tokens) -> list[ProgramMention]:
    """Return noun phrases (2–5 nouns) that end in a program head word."""
    vocab = _vocab()
    out: list[ProgramMention] = []
    run: list = []
    for tok in list(tokens) + [None]:
        if tok is not None and tok.tag in NOUNS and (not run or _adjacent(body, run[-1], tok)):
            run.append(tok)
            continue
        popped = None
        while run and run[-1].form not in vocab["head"] and not body[run[-1].start: run[-1].end].endswith(
                tuple(vocab["head"])):
            popped = run.pop()
        if run and popped is not None and popped.start == run[-1].start + run[-1].len:
            run = []  # the head is glued to a following noun (한국정책|학회): not a program name
        if len(run) >= 2:
            words = run[-5:]
            while words and (words[0].form in vocab["generic"] or words[0].tag in ("SN", "XSN", "NR")
                             or (words[0].len < 2 and len(words) > 1 and words[1].start > words[0].end)):
                words = words[1:]  # generic or one-syllable standalone first words (이 사업, 동 센터)
            if len(words) >= 2:
                start, end = words[0].start, words[-1].end
                name = body[start:end]
                if 3 <= len(program_key(name)) <= 25 and "\n" not in name:
                    out.append(ProgramMention(name, program_key(name), start, end, "phrase"))
        run = [tok] if tok is not None and tok.tag in NOUNS else []
    return out


def _adjacent(body: str, a, b) -> bool:
    """Return True when token b follows token a directly or after one space."""
    gap = body[a.start + a.len: b.start]
    return gap in ("", " ")


def _dedupe(found: list[ProgramMention]) -> list[ProgramMention]:
    """Drop mentions overlapping an earlier, more reliable one (quotes beat bullets beat phrases)."""
    rank = {"quote": 0, "bullet": 1, "phrase": 2}
    kept: list[ProgramMention] = []
    for m in sorted(found, key=lambda m: (rank[m.source], m.start)):
        if any(m.start < k.end and k.start < m.end for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def near_identical(a: str, b: str) -> bool:
    """Return True for keys one syllable apart (장록습지 / 장륙습지), or whose first words are."""
    if a == b:
        return False
    if _one_edit(a, b) and min(len(a), len(b)) >= 3:
        return True
    return False


def near_identical_names(a: str, b: str) -> bool:
    """Return True when two program names are one syllable apart as a whole or in their first word (4+ chars)."""
    if near_identical(program_key(a), program_key(b)):
        return True
    fa, fb = a.split()[0], b.split()[0]
    return len(fa) >= 4 and len(fb) >= 4 and fa != fb and _one_edit(fa, fb) and len(fa) == len(fb)


def _one_edit(a: str, b: str) -> bool:
    """Return True when a and b differ by exactly one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1:] == short:
            return True
    return False
