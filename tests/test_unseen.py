"""Issue 12: the second labelled set (tests/data/unseen/), kept for checks on articles no rule was written from:
26 광주/전남 press releases from ../shared/corpus that are not in the development set, and 23 news articles from
14 other regions taken from public repositories (SOURCES.md names each one's repository, path and commit). The
news texts are not in the project: their checks run when SEONGGWA_UNSEEN_TEXTS names the folder holding them."""

import json
import os
from pathlib import Path

import pytest
from devset import HERE, corpus_present, document, labels, references

UNSEEN = HERE / "data" / "unseen"
TEXTS = Path(os.environ["SEONGGWA_UNSEEN_TEXTS"]) if os.environ.get("SEONGGWA_UNSEEN_TEXTS") else None

pytestmark = pytest.mark.corpus


def _reachable() -> list:
    """Return the set's documents whose text can be read here."""
    docs = []
    for ref in references(UNSEEN):
        if ref["source"].startswith("file:"):
            if TEXTS is not None and (TEXTS / ref["source"][5:]).exists():
                docs.append(document(ref, TEXTS))
        elif corpus_present():
            docs.append(document(ref))
    return docs


def test_the_set_names_where_every_article_came_from():
    refs = references(UNSEEN)
    assert len(refs) >= 45 and {r["split"] for r in refs} == {"tune", "heldout"}
    for ref in refs:
        if ref["source"].startswith("file:"):
            assert ref["repository"].count("/") == 1 and len(ref["commit"]) == 40 and ref["path"]
    assert set(labels("articles", UNSEEN)) == {r["doc"] for r in refs}


def test_every_label_points_at_its_text():
    docs = _reachable()
    if not docs:
        pytest.skip("neither ../shared/corpus nor the unseen texts are present")
    texts = {d.doc: d.text for d in docs}
    for doc, rows in labels("claims", UNSEEN).items():
        if doc in texts:
            assert all(texts[doc][r["start"]:r["end"]] == r["text"] for r in rows), doc
    for doc, rows in labels("programs", UNSEEN).items():
        if doc in texts:
            assert all(r["name"] in texts[doc] for r in rows), doc


def test_labels_carry_no_article_text_beyond_the_labelled_stretches():
    for name in ("claims", "programs", "articles"):
        for line in (UNSEEN / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert len(row.get("text", row.get("name", ""))) <= 120
