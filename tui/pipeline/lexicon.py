"""Loaders for the editable vocabularies in data/ (chrome, punctuation, categories, claim words)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from tui.paths import data_dir


def read_table(name: str, folder: Path | None = None) -> list[dict[str, str]]:
    """Return the rows of a CSV in data/ as dicts, skipping '#' comment lines and blank lines (a blank line before
    the header would otherwise be read as an empty header)."""
    path = (folder or data_dir()) / name
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#") and line.strip()]
    return [
        {k: (v or "").strip() for k, v in row.items() if k is not None}
        for row in csv.DictReader(lines)
    ]


@dataclass(frozen=True)
class Chrome:
    """Compiled site-chrome vocabulary."""

    lines: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    lists: tuple[re.Pattern[str], ...]
    captions: tuple[re.Pattern[str], ...]
    footers: tuple[re.Pattern[str], ...]

    @cached_property
    def footer_filters(self) -> tuple[tuple[re.Pattern[str], tuple[tuple[str, ...], ...]], ...]:
        """Return each footer pattern with the words it cannot match without (required_words), derived once."""
        return tuple((pattern, required_words(pattern)) for pattern in self.footers)


def line_key(text: str) -> str:
    """Return a comparison key for a whole line: case-folded, without spaces."""
    return "".join(text.split()).casefold()


@lru_cache(maxsize=1)
def chrome() -> Chrome:
    """Return the site-chrome vocabulary from data/chrome.csv."""
    lines: set[str] = set()
    groups: dict[str, list[re.Pattern[str]]] = {"pattern": [], "list": [], "caption": [], "footer": []}
    for row in read_table("chrome.csv"):
        kind, text = row["kind"], row["text"]
        if kind == "line":
            lines.add(line_key(text))
        elif kind in groups:
            groups[kind].append(re.compile(text))
    return Chrome(
        lines=frozenset(lines),
        patterns=tuple(groups["pattern"]),
        lists=tuple(groups["list"]),
        captions=tuple(groups["caption"]),
        footers=tuple(groups["footer"]),
    )


@lru_cache(maxsize=1)
def punctuation_table() -> dict[str, str]:
    """Return the one-for-one character repairs of data/punctuation.csv (punctuation, middle dots, full-width
    digits)."""
    return {row["bad"]: row["good"] for row in read_table("punctuation.csv") if row.get("bad")}


def required_words(pattern: re.Pattern[str], most: int = 8, groups: int = 3) -> tuple[tuple[str, ...], ...]:
    """Return what every match of a pattern holds, read from its parsed form: groups of words, each group one
    that a text must contain at least one word of (its literal runs, those of the lookarounds that must hold,
    and one run of every alternative of a branch). A text that lacks every word of a group cannot match, so the
    pattern need not be tried on it. At most `groups` groups are returned, the fewest words and the longest
    first; a group of more than `most` words is left out. Empty when nothing is required, when case is ignored
    or when the parser cannot be read (the pattern is then always tried)."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return ()
    try:
        from re import _constants as sre
        from re import _parser

        found = _required(_parser.parse(pattern.pattern, pattern.flags), sre)
    except (ImportError, AttributeError, IndexError, TypeError, ValueError):
        return ()  # another Python's parser: no filter, the pattern is tried on every text
    kept = {tuple(sorted(g)) for g in found if len(g) <= most}
    return tuple(sorted(kept, key=lambda g: (len(g), -min(map(len, g)), g)))[:groups]


def holds_one_of_each(text: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    """Return True when text contains at least one word of every group (of required_words)."""
    for group in groups:
        for word in group:
            if word in text:
                break
        else:
            return False
    return True


def _required(items, sre) -> list[frozenset[str]]:
    """Return the word groups a sequence of parsed regex items requires (required_words)."""
    groups: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            groups.append(frozenset(["".join(run)]))
            run = []
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            groups += _required(av[3], sre)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            groups += _required(av[2], sre)
        elif op is sre.ATOMIC_GROUP:
            groups += _required(av, sre)
        elif op is sre.ASSERT:  # a lookahead or lookbehind that must hold: its words are in the text too
            groups += _required(av[1], sre)
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):  # [은을]: one of these letters
            groups.append(frozenset(chr(code) for _, code in av))
        elif op is sre.BRANCH:
            chosen = []
            for alternative in av[1]:
                own = _required(alternative, sre)
                if not own:
                    break
                chosen.append(min(own, key=lambda g: (len(g), -min(map(len, g)))))
            else:
                words = frozenset().union(*chosen)
                # a word that holds another word of the group adds nothing: the shorter one is found in it
                groups.append(frozenset(w for w in words if not any(o != w and o in w for o in words)))
    if run:
        groups.append(frozenset(["".join(run)]))
    return groups
