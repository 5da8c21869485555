"""Issue 12: the unseen labelled sets (tests/data/unseen/, unseen2/ … unseen10/), kept for checks on articles
no rule was written from: 광주/전남 press releases from ../shared/corpus that are in no other set, and news articles
from other regions taken from public repositories (each SOURCES.md names the repository, path and commit). The
news texts are not in the project: their checks run when SEONGGWA_UNSEEN_TEXTS names the folder holding them."""

import json
import os
from pathlib import Path

import pytest
from devset import HERE, corpus_present, document, labels, references

SIZES = {"unseen": 49, "unseen2": 52, "unseen3": 36, "unseen4": 36, "unseen5": 36, "unseen6": 34, "unseen7": 32,
         "unseen8": 26, "unseen9": 24, "unseen10": 22, "unseen11": 20, "unseen12": 21, "unseen13": 22,
         "unseen14": 22, "unseen15": 24, "unseen16": 20, "unseen17": 20, "unseen18": 20, "unseen19": 20, "unseen20": 20,
         "unseen21": 20, "unseen22": 20, "unseen23": 20, "unseen24": 20,
         "unseen25": 19, "unseen26": 20, "unseen27": 19, "unseen28": 20,
         "unseen29": 20, "unseen30": 20, "unseen31": 20, "unseen32": 20, "unseen33": 20, "unseen34": 20,
         "unseen35": 20, "unseen36": 20, "unseen37": 20, "unseen38": 20, "unseen39": 20, "unseen40": 20, "unseen41": 20, "unseen42": 20, "unseen43": 20, "unseen44": 20, "unseen45": 17, "unseen46": 20, "unseen47": 20, "unseen48": 20, "unseen49": 20, "unseen50": 20, "unseen51": 12, "unseen52": 12, "unseen53": 20, "unseen54": 19, "unseen55": 20, "unseen56": 18, "unseen57": 20, "unseen58": 20, "unseen59": 20, "unseen60": 20, "unseen61": 20, "unseen62": 20, "unseen63": 20, "unseen64": 20, "unseen65": 16, "unseen66": 16, "unseen67": 16, "unseen68": 16, "unseen69": 16, "unseen70": 16, "unseen71": 16, "unseen72": 16, "unseen73": 16, "unseen74": 16, "unseen75": 15, "unseen76": 16, "unseen77": 16, "unseen78": 16, "unseen79": 16, "unseen80": 15, "unseen81": 16, "unseen82": 16, "unseen83": 16, "unseen84": 15, "unseen85": 16, "unseen86": 16, "unseen87": 16, "unseen88": 14, "unseen89": 15, "unseen90": 17, "unseen91": 16, "unseen92": 17, "unseen93": 16, "unseen94": 15, "unseen95": 16, "unseen96": 15, "unseen97": 17, "unseen98": 15, "unseen99": 16, "unseen100": 16, "unseen101": 16, "unseen102": 16, "unseen103": 16, "unseen104": 16, "unseen105": 16, "unseen106": 16, "unseen107": 16, "unseen108": 16, "unseen109": 16, "unseen110": 16, "unseen111": 16, "unseen112": 16, "unseen113": 16, "unseen114": 16, "unseen115": 16, "unseen116": 16, "unseen117": 16, "unseen118": 16, "unseen119": 16, "unseen120": 16, "unseen121": 16, "unseen122": 16, "unseen123": 16, "unseen124": 16, "unseen125": 16, "unseen126": 16, "unseen127": 16, "unseen128": 16, "unseen129": 16, "unseen130": 16, "unseen131": 16, "unseen132": 16, "unseen133": 16, "unseen134": 16, "unseen135": 16, "unseen136": 16, "unseen137": 16, "unseen138": 16, "unseen139": 16, "unseen140": 16, "unseen141": 16, "unseen142": 16}  # articles in each set
SETS = tuple(HERE / "data" / name for name in SIZES)
TEXTS = Path(os.environ["SEONGGWA_UNSEEN_TEXTS"]) if os.environ.get("SEONGGWA_UNSEEN_TEXTS") else None

pytestmark = pytest.mark.corpus


def _reachable(root: Path) -> list:
    """Return a set's documents whose text can be read here."""
    docs = []
    for ref in references(root):
        if ref["source"].startswith("file:"):
            if TEXTS is not None and (TEXTS / ref["source"][5:]).exists():
                docs.append(document(ref, TEXTS))
        elif corpus_present():
            docs.append(document(ref))
    return docs


@pytest.mark.parametrize("root", SETS, ids=lambda p: p.name)
def test_the_set_names_where_every_article_came_from(root):
    refs = references(root)
    assert len(refs) == SIZES[root.name] and {r["split"] for r in refs} == {"tune", "heldout"}
    assert len({r["doc"] for r in refs}) == len(refs)
    for ref in refs:
        if ref["source"].startswith("file:"):
            assert ref["repository"].count("/") == 1 and len(ref["commit"]) == 40 and ref["path"]
    assert set(labels("articles", root)) == {r["doc"] for r in refs}
    assert (root / "SOURCES.md").exists()


def test_no_two_sets_name_a_document_alike():
    """The news texts of every set are read from one folder by document name: a name used twice would make one
    set's labels point at another set's article."""
    names = [r["doc"] for root in [HERE / "data" / "devset", *SETS] for r in references(root)]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


@pytest.mark.parametrize("root", SETS, ids=lambda p: p.name)
def test_every_label_points_at_its_text(root):
    docs = _reachable(root)
    if not docs:
        pytest.skip("neither ../shared/corpus nor the unseen texts are present")
    texts = {d.doc: d.text for d in docs}
    for doc, rows in labels("claims", root).items():
        if doc in texts:
            assert all(texts[doc][r["start"]:r["end"]] == r["text"] for r in rows), doc
    for doc, rows in labels("programs", root).items():
        if doc in texts:
            assert all(r["name"] in texts[doc] for r in rows), doc


@pytest.mark.parametrize("root", SETS, ids=lambda p: p.name)
def test_labels_carry_no_article_text_beyond_the_labelled_stretches(root):
    for name in ("claims", "programs", "articles"):
        for line in (root / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert len(row.get("text", row.get("name", ""))) <= 120
