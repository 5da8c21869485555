"""Rebuild the folder of news texts the labelled sets read (`file:` documents), from clones of the public
repositories their SOURCES files name, and check every text against its labels.

    python tests/unseen_texts.py --clone dejv0000/rfx=DIR --clone hychankim/newjjins=DIR \
        --clone fraidy53/Data_crowling_mini_project=DIR --clone kimchijoa/naver_news_crolling=DIR --out FOLDER

Each clone is an ordinary `git clone` of the repository (the commits named in documents.jsonl must be in it); nothing
is downloaded. A text is written only when every labelled claim's offsets and every labelled program's name are
found in it, so a folder this writes gives the same figures as the one the labels were made on. Then point
`tests/eval.py --texts` or SEONGGWA_UNSEEN_TEXTS at FOLDER.

How a text is made (as the sets' SOURCES files describe):
- an RSS item (dejv0000/rfx, o/c.x at a commit): the item's title, a blank line, then its HTML content unescaped,
  block tags made line breaks and other tags removed, lines stripped and blank lines dropped. From the seventeenth
  set on, runs of spaces, tabs and no-break spaces were made one space; before it they were kept. Both are tried,
  in that order, and the first that fits the labels is written.
- a saved portal page (hychankim/newjjins): the headline (h3), a blank line, then the page after the headline up to
  its footer, scripts removed, made lines the same way, spaces kept.
- a row of a regional paper's scraped CSV (fraidy53/Data_crowling_mini_project, data/scraped/raw_*.csv at a commit,
  found by its article_url): the title with runs of white space made one space, a blank line, the subtitle made one
  line the same way and a line break where the row has one, then the content as stored, stripped.
- a row of a portal crawl's spreadsheet (kimchijoa/naver_news_crolling, naver_news_*.xlsx at a commit, found by its
  `기사 링크`, read with openpyxl): the `기사 제목` with runs of white space made one space, a blank line, then the
  `기사 내용` as stored, stripped.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
BLOCK_TAG = re.compile(r"<\s*/?\s*(?:br|p|figure|figcaption|div|h\d|li|ul|ol|section|blockquote|table|tr|td)\b[^>]*>",
                       re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
SPACES = re.compile(r"[ \t\u00a0]+")
SCRIPT = re.compile(r"<script\b.*?</script>", re.IGNORECASE | re.DOTALL)


def _lines(markup: str, collapse: bool) -> str:
    """Return HTML as text: block tags made line breaks, other tags removed, entities unescaped, lines stripped and
    blank lines dropped; runs of spaces made one when collapse is set."""
    text = html.unescape(TAG.sub("", BLOCK_TAG.sub("\n", markup)))
    if collapse:
        text = SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def rss_texts(title: str, content: str) -> Iterator[str]:
    """Yield the ways an RSS item's text was written, most recent first."""
    for collapse in (True, False):
        head = SPACES.sub(" ", title).strip() if collapse else title.strip()
        yield head + "\n\n" + _lines(content, collapse)
        if collapse and head != title.strip():  # an early set collapsed the body's spaces and not the title's
            yield title.strip() + "\n\n" + _lines(content, collapse)


def page_texts(page: str) -> Iterator[str]:
    """Yield the text of a saved portal page: its headline, a blank line, then what follows it up to the footer."""
    match = re.search(r"<h3[^>]*>(.*?)</h3>", page, re.DOTALL)
    if not match:
        return
    rest = page[match.end():]
    footer = rest.find("<footer")
    rest = SCRIPT.sub("", rest[:footer] if footer >= 0 else rest)
    yield html.unescape(TAG.sub("", match.group(1))).strip() + "\n\n" + _lines(rest, collapse=False)


def csv_texts(row: dict) -> Iterator[str]:
    """Yield the text of a scraped CSV row: title, a blank line, the subtitle's line if any, then the content."""
    subtitle = re.sub(r"\s+", " ", row.get("sub_title") or "").strip()
    yield (re.sub(r"\s+", " ", row["title"]).strip() + "\n\n" + (subtitle + "\n" if subtitle else "")
           + row["content"].strip())


def sheet_texts(row: dict) -> Iterator[str]:
    """Yield the text of a crawled spreadsheet row: the headline, a blank line, then the body."""
    yield re.sub(r"\s+", " ", row["기사 제목"] or "").strip() + "\n\n" + (row["기사 내용"] or "").strip()


def fits(text: str, claims: list[dict], programs: list[dict]) -> bool:
    """Return True when every labelled claim's offsets and every labelled program's name are found in the text."""
    return (all(text[c["start"]:c["end"]] == c["text"] for c in claims)
            and all(p["name"] in text for p in programs))


def _rows(path: Path) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.setdefault(row["doc"], []).append(row)
    return rows


class Clones:
    """Files at commits, read from local clones with `git show`."""

    def __init__(self, clones: dict[str, Path]) -> None:
        self.clones = clones

    @lru_cache(maxsize=32)  # noqa: B019 - one instance per run; the RSS file is read once per commit
    def show(self, repository: str, commit: str, path: str) -> str:
        return self.blob(repository, commit, path).decode("utf-8-sig")

    def blob(self, repository: str, commit: str, path: str) -> bytes:
        if repository not in self.clones:
            raise KeyError(f"no clone of {repository} given (--clone {repository}=DIR)")
        done = subprocess.run(["git", "-C", str(self.clones[repository]), "show", f"{commit}:{path}"],
                              capture_output=True, check=False)
        if done.returncode:
            raise KeyError(f"{repository} has no {path} at {commit}: {done.stderr.decode(errors='replace').strip()}")
        return done.stdout

    @lru_cache(maxsize=32)  # noqa: B019
    def items(self, repository: str, commit: str, path: str) -> dict[str, tuple[str, str]]:
        root = ET.fromstring(self.show(repository, commit, path).encode("utf-8"))
        return {(item.findtext("link") or "").strip(): (item.findtext("title") or "", item.findtext(CONTENT) or "")
                for item in root.iter("item")}

    @lru_cache(maxsize=32)  # noqa: B019
    def rows(self, repository: str, commit: str, path: str) -> dict[str, dict]:
        return {(row.get("article_url") or "").strip(): row
                for row in csv.DictReader(io.StringIO(self.show(repository, commit, path)))}


    @lru_cache(maxsize=32)  # noqa: B019
    def sheet(self, repository: str, commit: str, path: str) -> dict[str, dict]:
        """Return a spreadsheet's first sheet as rows keyed by their `기사 링크`, the first row naming the columns."""
        # only this kind of source needs openpyxl (a test dependency)
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(self.blob(repository, commit, path)), read_only=True, data_only=True)
        rows = book.worksheets[0].iter_rows(values_only=True)
        head = [str(h or "") for h in next(rows, ())]
        found = {}
        for values in rows:
            row = dict(zip(head, values))
            found.setdefault(str(row.get("기사 링크") or "").strip(), row)
        book.close()
        return found


def candidates(ref: dict, clones: Clones) -> Iterator[str]:
    """Yield the possible texts of one `file:` reference."""
    repository, commit, path = ref["repository"], ref["commit"], ref["path"]
    if path.endswith((".x", ".xml", ".rss")):
        found = clones.items(repository, commit, path).get(ref.get("url", ""))
        if found is None:
            raise KeyError(f"{ref['doc']}: no item {ref.get('url')} in {repository} {path} at {commit}")
        yield from rss_texts(*found)
    elif path.endswith(".csv"):
        row = clones.rows(repository, commit, path).get(ref.get("url", ""))
        if row is None:
            raise KeyError(f"{ref['doc']}: no row {ref.get('url')} in {repository} {path} at {commit}")
        yield from csv_texts(row)
    elif path.endswith(".xlsx"):
        row = clones.sheet(repository, commit, path).get(ref.get("url", ""))
        if row is None:
            raise KeyError(f"{ref['doc']}: no row {ref.get('url')} in {repository} {path} at {commit}")
        yield from sheet_texts(row)
    else:
        yield from page_texts(clones.show(repository, commit, path))


def rebuild(sets: list[Path], clones: Clones, out: Path) -> tuple[int, list[str]]:
    """Write every set's `file:` texts into out; return how many were written and why the others were not."""
    out.mkdir(parents=True, exist_ok=True)
    written, problems = 0, []
    for root in sets:
        claims, programs = _rows(root / "claims.jsonl"), _rows(root / "programs.jsonl")
        for ref in _rows(root / "documents.jsonl").values():
            ref = ref[0]
            if not ref["source"].startswith("file:"):
                continue
            try:
                text = next((t for t in candidates(ref, clones)
                             if fits(t, claims.get(ref["doc"], []), programs.get(ref["doc"], []))), None)
            except (KeyError, ET.ParseError) as err:
                problems.append(f"{root.name} {ref['doc']}: {err}")
                continue
            if text is None:
                problems.append(f"{root.name} {ref['doc']}: no way of writing it fits its labels")
                continue
            (out / ref["source"][5:]).write_text(text, encoding="utf-8")
            written += 1
    return written, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clone", action="append", default=[], metavar="OWNER/NAME=DIR",
                        help="a local clone of a repository the sets name (repeat for each)")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write the texts into")
    parser.add_argument("--sets", type=Path, nargs="*", help="label sets (default: every set in tests/data)")
    args = parser.parse_args(argv)
    clones = {}
    for item in args.clone:
        name, _, folder = item.partition("=")
        if not folder or not Path(folder).is_dir():
            parser.error(f"--clone {item}: give OWNER/NAME=DIR with DIR an existing clone")
        clones[name] = Path(folder)
    sets = args.sets or sorted(p for p in DATA.iterdir() if (p / "documents.jsonl").exists())
    written, problems = rebuild(sets, Clones(clones), args.out)
    print(f"{written} texts written to {args.out}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
