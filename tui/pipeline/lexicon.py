"""Loaders for the editable vocabularies in data/ (chrome, punctuation, categories, claim words)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tui.paths import data_dir


def read_table(name: str, folder: Path | None = None) -> list[dict[str, str]]:
    """Return the rows of a CSV in data/ as dicts, skipping '#' comment lines before the header."""
    path = (folder or data_dir()) / name
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
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
