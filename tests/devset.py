"""The labelled development set: which real articles it holds, how to rebuild their text, and its split.

The articles themselves stay in ../shared/corpus (never copied into the project); tests/data/devset/ holds only
references to them (documents.jsonl) and the labels read from them (claims.jsonl, programs.jsonl,
articles.jsonl). Label offsets are character offsets into the document text that `document_text` rebuilds:
a news file as stored, or a press release's title, a blank line and its content.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEVSET = HERE / "data" / "devset"
SHARED_CORPUS = HERE.parent.parent / "shared" / "corpus"


@dataclass(frozen=True)
class Document:
    """One labelled article: its id, where it comes from, its split (tune or heldout) and its text parts."""

    doc: str
    source: str
    split: str
    title: str  # for records (press releases); "" for whole-file news text
    text: str  # the labelled text: the file, or title + "\n\n" + content
    meta: dict

    @property
    def structured(self) -> bool:
        """Return True for a press-release record (title and body come apart)."""
        return bool(self.title)

    @property
    def body_offset(self) -> int:
        """Return where the record's content starts in the labelled text (0 for news files)."""
        return len(self.title) + 2 if self.title else 0


def corpus_present() -> bool:
    """Return True when ../shared/corpus is there to rebuild the documents from."""
    return (SHARED_CORPUS / "press_releases_gwangju_jeonnam_2025-12.csv").exists()


def references(root: Path = DEVSET) -> list[dict]:
    """Return the document references of a label set (the development set unless root names another), in order."""
    path = root / "documents.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=1)
def _press_rows() -> dict[str, dict]:
    """Return the shared press-release CSV rows by id."""
    previous = csv.field_size_limit(1 << 30)  # the CSV has long cells; the limit is process-wide: put it back
    try:
        path = SHARED_CORPUS / "press_releases_gwangju_jeonnam_2025-12.csv"
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return {row["id"]: row for row in csv.DictReader(handle)}
    finally:
        csv.field_size_limit(previous)


@lru_cache(maxsize=1)
def _naju_rows() -> dict[int, dict]:
    """Return the shared 나주시 press releases by idx."""
    rows = json.loads((SHARED_CORPUS / "press_releases_naju.json").read_text(encoding="utf-8"))
    return {row["idx"]: row for row in rows}


def document(ref: dict, texts: Path | None = None) -> Document:
    """Return the document a reference names, rebuilt from ../shared/corpus, or for a `file:` source read from the
    folder `texts` (a label set whose articles came from elsewhere: its SOURCES file says where)."""
    if ref["source"].startswith("file:"):
        if texts is None:
            raise FileNotFoundError(f"{ref['doc']}: its text is outside the project; pass the folder holding it")
        text = (texts / ref["source"][len("file:"):]).read_text(encoding="utf-8")
        if ref.get("published") and "\n\n" in text:
            # an article whose date came with it outside its text (a feed entry): ingested as a record
            title = text.split("\n\n", 1)[0]
            return Document(ref["doc"], ref["source"], ref["split"], title, text,
                            {"published": ref["published"], "source": ref.get("outlet", ""), "url": ref.get("url", "")})
        return Document(ref["doc"], ref["source"], ref["split"], "", text, {})
    if ref["source"].startswith("news/"):
        text = (SHARED_CORPUS / ref["source"]).read_text(encoding="utf-8")
        return Document(ref["doc"], ref["source"], ref["split"], "", text, {})
    if ref["source"].endswith(".csv"):
        row = _press_rows()[ref["id"]]
        meta = {"published": row["published_at"], "source": row["source"], "url": row["original_link"]}
        title, content = row["title"], row["content"]
    else:
        row = _naju_rows()[ref["idx"]]
        meta = {"published": row["date"], "source": "나주시", "url": row["source_url"]}
        title, content = row["title"], row["content"]
    return Document(ref["doc"], ref["source"], ref["split"], title, f"{title}\n\n{content}", meta)


def documents(split: str | None = None, root: Path = DEVSET, texts: Path | None = None) -> list[Document]:
    """Return a label set's documents (one split, or all), rebuilt from ../shared/corpus or read from texts."""
    return [document(ref, texts) for ref in references(root) if split in (None, ref["split"])]


def labels(name: str, root: Path = DEVSET) -> dict[str, list[dict]]:
    """Return one label file (claims, programs or articles) of a label set as lists keyed by document id."""
    out: dict[str, list[dict]] = {}
    path = root / f"{name}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.setdefault(row["doc"], []).append(row)
    return out
