"""Accuracy on the labelled development set: claims, classes, statuses, programs, agency and term.

    python tests/eval.py [--split tune|heldout|all] [--misses N] [--json FILE]

Runs the pipeline (no database) on each document of tests/data/devset/documents.jsonl, rebuilt from
../shared/corpus, and compares what it finds with the labels read by hand (tests/data/devset/*.jsonl). It prints
precision and recall per claim kind, how often the values are exact, agreement on class (and on achievement or
not) and on status, program precision and recall, agency and term accuracy, and then the misses and false finds
so that a reader can see why. Tune on the `tune` split; measure on `heldout` rarely.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import devset

KINDS = ("money", "count", "percent", "score", "rank", "award", "first")
NUMERIC = ("money", "count", "percent", "score", "rank")
ACHIEVEMENTS = frozenset({"award", "record", "rank", "funding", "outcome"})


@dataclass
class Found:
    """One claim value the system found, placed in the document's text."""

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    value_max: float | None
    zone: str
    cls: str | None
    status: str | None
    streak: int | None = None


@dataclass
class Prediction:
    """What the system made of one document."""

    doc: str
    found: list[Found] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    agency: str | None = None
    term: int | None = None
    articles: int = 0


# --------------------------------------------------------------------------- running the pipeline

def _raw_docs(document: devset.Document):
    """Return the project's RawDocs for a document, read the way `seonggwa ingest` reads its source."""
    from tui.pipeline.read import read_file

    if not document.structured:
        return read_file(Path(Path(document.source).name), document.text.encode("utf-8"))
    record = {"title": document.title, "content": document.text[document.body_offset:],
              "published_at": document.meta.get("published", ""), "source": document.meta.get("source", ""),
              "url": document.meta.get("url", "")}
    return read_file(Path(f"{document.doc}.json"), json.dumps([record], ensure_ascii=False).encode("utf-8"))


class Aligner:
    """Maps offsets in a cleaned string back to the document text it was cleaned from."""

    def __init__(self, raw: str, clean: str, raw_offset: int = 0) -> None:
        self.blocks = [b for b in SequenceMatcher(None, raw, clean, autojunk=False).get_matching_blocks() if b.size]
        self.raw_offset = raw_offset

    def __call__(self, position: int, end: bool = False) -> int:
        """Return the document offset of a clean offset (an end offset maps the character before it)."""
        target = position - 1 if end else position
        best = None
        for block in self.blocks:
            if block.b <= target < block.b + block.size:
                raw = block.a + target - block.b
                return self.raw_offset + raw + (1 if end else 0)
            distance = min(abs(block.b - target), abs(block.b + block.size - 1 - target))
            if best is None or distance < best[0]:
                best = (distance, block.a + min(max(target - block.b, 0), block.size - 1))
        return self.raw_offset + (best[1] + (1 if end else 0) if best else 0)


def predict(document: devset.Document, kiwi, keep=None) -> Prediction:
    """Return the system's claims, programs and attribution for one document, placed in its text (keep, when
    given, is called with each value found, its claim and its span)."""
    from tui.pipeline.process import analyze_docs

    docs = _raw_docs(document)
    analyzed, _ = analyze_docs(docs)
    out = Prediction(document.doc, articles=len(analyzed))
    if not analyzed:
        return out
    main = max(analyzed, key=lambda a: len(a.article.body))
    out.agency, out.term = main.article.agency, main.article.term
    for result in analyzed:
        article = result.article
        body_raw = document.text[document.body_offset:] if document.structured else document.text
        aligners = {"body": Aligner(body_raw, article.body, document.body_offset)}
        if document.structured:
            aligners["title"] = Aligner(document.title, article.title, 0)
        else:
            aligners["title"] = Aligner(document.text, article.title, 0)
        aligners["deck"] = Aligner(body_raw, article.deck, document.body_offset) if article.deck else None
        for claim in result.claims:
            zone = getattr(claim, "zone", "body")
            align = aligners.get(zone) or aligners["body"]
            for span in claim.spans:
                start, end = align(span.start), align(span.end, end=True)
                out.found.append(Found(start, end, document.text[start:end], span.kind, span.value,
                                       span.value_max, zone, getattr(span, "cls", None) or getattr(claim, "cls", None),
                                       claim.status, getattr(span, "streak", None)))
                if keep is not None:
                    keep(out.found[-1], claim, span)
        out.programs.extend(p.name for p in result.programs)
    out.programs = list(dict.fromkeys(out.programs))
    return out


# --------------------------------------------------------------------------- comparing

def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Return True when two character ranges share at least one character."""
    return a_start < b_end and b_start < a_end


def match_claims(labels: list[dict], found: list[Found]) -> tuple[list[tuple[dict, Found]], list[dict], list[Found]]:
    """Return (label, found) pairs of the same kind whose text overlaps, the labels missed and the false finds.

    A find that overlaps a borderline label is neither right nor wrong; a missed borderline label is not a miss.
    """
    pairs: list[tuple[dict, Found]] = []
    used: set[int] = set()
    for label in sorted(labels, key=lambda lab: lab["start"]):
        best = None
        for i, f in enumerate(found):
            if i in used or f.kind != label["kind"] or not _overlap(label["start"], label["end"], f.start, f.end):
                continue
            shared = min(label["end"], f.end) - max(label["start"], f.start)
            if best is None or shared > best[0]:
                best = (shared, i)
        if best is not None:
            used.add(best[1])
            pairs.append((label, found[best[1]]))
    matched = {id(lab) for lab, _ in pairs}
    misses = [lab for lab in labels if id(lab) not in matched and not lab.get("borderline")]
    false = []
    for i, f in enumerate(found):
        if i in used:
            continue
        if any(lab.get("borderline") and _overlap(lab["start"], lab["end"], f.start, f.end) for lab in labels):
            continue
        false.append(f)
    pairs = [(lab, f) for lab, f in pairs if not lab.get("borderline")]
    return pairs, misses, false


PROGRAM_TAIL = re.compile(r"(?:사업|프로젝트|프로그램|정책|제도|서비스|추진|운영|조성|구축|건립|건설|설치|도입)$")
PROGRAM_HEAD = re.compile(r"^(?:(?:19|20)\d{2}(?:년도?)?|제?\d+회|\d+대)")


def program_key(name: str) -> str:
    """Return a program name without a trailing note in brackets, a leading year or edition, spaces, quotes or
    punctuation, for comparing names (‘2025 세종 낙화축제(가칭)’ → 세종낙화축제)."""
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name.strip())
    key = re.sub(r"[\s·‧ㆍ\-‐–—'\"‘’“”()\[\]<>「」『』:,]", "", name)
    return PROGRAM_HEAD.sub("", key) or key


def same_program(a: str, b: str) -> bool:
    """Return True when two names are one program: equal keys, equal once a generic program word is dropped, or
    one the other's tail with a short qualifier before it (청년 참여 마일리지 제도 / 청년에게 묻고 … 마일리지 제도)."""
    ka, kb = program_key(a), program_key(b)
    if ka == kb:
        return True
    ta, tb = PROGRAM_TAIL.sub("", ka), PROGRAM_TAIL.sub("", kb)
    if ta == tb and len(ta) >= 3:
        return True
    short, long_ = sorted((ta, tb), key=len)
    return len(short) >= 6 and long_.endswith(short)


@dataclass
class Report:
    """Counts behind every figure of the evaluation, with the misses and false finds."""

    docs: int = 0
    by_kind: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # tp, labels, found
    values: list = field(default_factory=list)  # (exact?, label, found)
    classes: list = field(default_factory=list)  # (label class, found class)
    statuses: list = field(default_factory=list)
    zones: list = field(default_factory=list)
    streaks: list = field(default_factory=list)
    programs: list = field(default_factory=lambda: [0, 0])  # labelled programs found, labelled programs
    program_found: list = field(default_factory=lambda: [0, 0])  # found programs that are labelled, found
    agency: list = field(default_factory=list)  # (doc, label, found, region group)
    term: list = field(default_factory=list)
    # articles the readers give no local government (agency "", or a national body such as 국토교통부 that the
    # gazetteer does not hold): (doc, label, found); right when nothing is found
    no_government: list = field(default_factory=list)
    misses: list = field(default_factory=list)
    false: list = field(default_factory=list)
    program_misses: list = field(default_factory=list)
    program_false: list = field(default_factory=list)


def evaluate(split: str | None, root: Path = devset.DEVSET, texts: Path | None = None) -> Report:
    """Return the report of the system on one split of a label set (None: all; the development set unless root
    names another, whose `file:` articles are read from texts)."""
    from tui.pipeline.kiwi import get_kiwi

    kiwi = get_kiwi()
    claim_labels = devset.labels("claims", root)
    program_labels = devset.labels("programs", root)
    article_labels = {k: v[0] for k, v in devset.labels("articles", root).items()}
    report = Report()
    for document in devset.documents(split, root, texts):
        report.docs += 1
        pred = predict(document, kiwi)
        labels = claim_labels.get(document.doc, [])
        pairs, misses, false = match_claims(labels, pred.found)
        for label, found in pairs:
            report.by_kind[label["kind"]][0] += 1
            if label["kind"] in NUMERIC:
                exact = found.value == label.get("value") and found.value_max == label.get("value_max")
                report.values.append((exact, label, found))
            label = dict(label, context=_around(document.text, label["start"], label["end"]))
            report.classes.append((label.get("class"), found.cls, label, found))
            report.statuses.append((label.get("status"), found.status, label, found))
            report.zones.append((label.get("zone", "body"), found.zone))
            if label.get("streak") or found.streak:
                report.streaks.append((label.get("streak"), found.streak))
        for label in labels:
            if not label.get("borderline"):
                report.by_kind[label["kind"]][1] += 1
        for f in [f for _, f in pairs] + false:
            report.by_kind[f.kind][2] += 1
        report.misses += [(document.doc, dict(lab, context=_around(document.text, lab["start"], lab["end"])))
                          for lab in misses]
        report.false += [(document.doc, f, _around(document.text, f.start, f.end)) for f in false]
        _programs(report, document.doc, program_labels.get(document.doc, []), pred.programs)
        truth = article_labels.get(document.doc)
        if truth:
            group = "news" if document.source.startswith(("news/", "file:")) else "press"
            if truth.get("agency"):
                report.agency.append((document.doc, truth["agency"], pred.agency, group))
            if "agency" in truth and not _local_government(truth["agency"]):
                report.no_government.append((document.doc, truth["agency"] or "none", pred.agency))
            if truth.get("term") is not None:
                report.term.append((document.doc, truth["term"], pred.term, group))
    return report


def _local_government(name: str | None) -> bool:
    """Return True for a name the gazetteer holds (a local government or an office of education)."""
    from tui.pipeline.gazetteer import gazetteer
    return bool(name) and gazetteer().agency(name) is not None


def _around(text: str, start: int, end: int, width: int = 25) -> str:
    """Return the text around a stretch, on one line, with the stretch in brackets."""
    return (text[max(0, start - width): start] + "[" + text[start:end] + "]" + text[end: end + width]).replace("\n", "⏎")


def _programs(report: Report, doc: str, labels: list[dict], found: list[str]) -> None:
    """Add one document's program matches, misses and false finds to the report."""
    certain = [lab["name"] for lab in labels if not lab.get("borderline")]
    borderline = [lab["name"] for lab in labels if lab.get("borderline")]
    for name in certain:
        report.programs[1] += 1
        if any(same_program(name, f) for f in found):
            report.programs[0] += 1
        else:
            report.program_misses.append((doc, name))
    for name in found:
        if any(same_program(name, b) for b in borderline) and not any(same_program(name, c) for c in certain):
            continue
        report.program_found[1] += 1
        if any(same_program(name, c) for c in certain):
            report.program_found[0] += 1
        else:
            report.program_false.append((doc, name))


# --------------------------------------------------------------------------- printing

def _ratio(right: int, total: int) -> str:
    """Return a two-decimal ratio, or a dash when there is nothing to count."""
    return f"{right / total:.2f}" if total else "—"


def summary(report: Report) -> dict:
    """Return the headline figures of a report as a dict (what the tests check against their floors)."""
    tp = sum(v[0] for v in report.by_kind.values())
    n_labels = sum(v[1] for v in report.by_kind.values())
    n_found = sum(v[2] for v in report.by_kind.values())
    kinds = {k: {"precision": v[0] / v[2] if v[2] else 1.0, "recall": v[0] / v[1] if v[1] else 1.0,
                 "labels": v[1], "found": v[2], "tp": v[0]} for k, v in report.by_kind.items()}
    achieved = [(a in ACHIEVEMENTS) == (b in ACHIEVEMENTS) for a, b, *_ in report.classes if a]
    news_agency = [t == p for _, t, p, g in report.agency if g == "news"]
    news_term = [t == p for _, t, p, g in report.term if g == "news"]
    # of the articles given a government, the share given the right one: the labelled governments (a national
    # body's label counts once, here) and the articles labelled with none that got one anyway
    given = [t == p for _, t, p, _ in report.agency if p] + [False for _, t, p in report.no_government
                                                             if p and t == "none"]
    return {
        "documents": report.docs,
        "precision": tp / n_found if n_found else 1.0,
        "recall": tp / n_labels if n_labels else 1.0,
        "kinds": kinds,
        "values_exact": sum(e for e, *_ in report.values) / len(report.values) if report.values else 1.0,
        "class_agreement": sum(a == b for a, b, *_ in report.classes) / len(report.classes) if report.classes else 1.0,
        "achievement_agreement": sum(achieved) / len(achieved) if achieved else 1.0,
        "status_agreement": (sum(a == b for a, b, *_ in report.statuses) / len(report.statuses)
                             if report.statuses else 1.0),
        "zone_agreement": sum(a == b for a, b in report.zones) / len(report.zones) if report.zones else 1.0,
        "program_precision": (report.program_found[0] / report.program_found[1]
                              if report.program_found[1] else 1.0),
        "program_recall": report.programs[0] / report.programs[1] if report.programs[1] else 1.0,
        "agency": sum(t == p for _, t, p, _ in report.agency) / len(report.agency) if report.agency else 1.0,
        "term": sum(t == p for _, t, p, _ in report.term) / len(report.term) if report.term else 1.0,
        "agency_other_regions": sum(news_agency) / len(news_agency) if news_agency else 1.0,
        "term_other_regions": sum(news_term) / len(news_term) if news_term else 1.0,
        "no_government": (sum(f is None for *_, f in report.no_government) / len(report.no_government)
                          if report.no_government else 1.0),
        "attribution_precision": sum(given) / len(given) if given else 1.0,
        "counts": {"attributed": len(given), "no_government": len(report.no_government), "claims": n_labels, "found": n_found, "programs": report.programs[1],
                   "programs_found": report.program_found[1], "agency": len(report.agency),
                   "term": len(report.term), "agency_other_regions": len(news_agency),
                   "term_other_regions": len(news_term)},
    }


def print_report(report: Report, split: str, misses: int, title: str = "Development set") -> None:
    """Print the tables and up to `misses` examples of each kind of error, under a title naming the label set."""
    s = summary(report)
    print(f"{title}, split {split}: {s['documents']} documents, {s['counts']['claims']} labelled claim "
          f"values, {s['counts']['programs']} programs\n")
    print("| kind | labelled | found | precision | recall |\n|---|---|---|---|---|")
    for kind in KINDS:
        tp, n, f = report.by_kind.get(kind, [0, 0, 0])
        print(f"| {kind} | {n} | {f} | {_ratio(tp, f)} | {_ratio(tp, n)} |")
    print(f"| **all** | {s['counts']['claims']} | {s['counts']['found']} | {s['precision']:.2f} | {s['recall']:.2f} |")
    print()
    print("| measure | result |\n|---|---|")
    print(f"| numeric values exact (of matched) | {s['values_exact']:.2f} ({len(report.values)}) |")
    print(f"| class agreement (8 classes) | {s['class_agreement']:.2f} ({len(report.classes)}) |")
    print(f"| class agreement, achievement or not | {s['achievement_agreement']:.2f} |")
    print(f"| status agreement | {s['status_agreement']:.2f} ({len(report.statuses)}) |")
    print(f"| headline/deck/body agreement | {s['zone_agreement']:.2f} |")
    print(f"| programs precision / recall | {s['program_precision']:.2f} / {s['program_recall']:.2f} "
          f"({s['counts']['programs_found']} found, {s['counts']['programs']} labelled) |")
    print(f"| agency, all / other regions | {s['agency']:.2f} ({s['counts']['agency']}) / "
          f"{s['agency_other_regions']:.2f} ({s['counts']['agency_other_regions']}) |")
    print(f"| term, all / other regions | {s['term']:.2f} ({s['counts']['term']}) / "
          f"{s['term_other_regions']:.2f} ({s['counts']['term_other_regions']}) |")
    print(f"| no local government, left without one | {s['no_government']:.2f} ({s['counts']['no_government']}) |")
    print(f"| articles given a government, given the right one | {s['attribution_precision']:.2f} "
          f"({s['counts']['attributed']}) |")
    if not misses:
        return
    confusion = Counter((a, b) for a, b, *_ in report.classes if a != b)
    print("\nclass confusions (label → found):", ", ".join(f"{a}→{b} {n}" for (a, b), n in confusion.most_common(12)))
    wrong_class = [(a, b, lab) for a, b, lab, _ in report.classes if a != b]
    print(f"\nclass disagreements (first {misses} of {len(wrong_class)}):")
    for a, b, lab in wrong_class[:misses]:
        print(f"  {lab['doc']} {lab['text']!r} labelled {a}, found {b}  {lab.get('context', '')}")
    wrong_status = [(a, b, lab) for a, b, lab, _ in report.statuses if a != b]
    print(f"\nstatus disagreements (first {misses} of {len(wrong_status)}):")
    for a, b, lab in wrong_status[:misses]:
        print(f"  {lab['doc']} {lab['text']!r} labelled {a}, found {b}  {lab.get('context', '')}")
    print(f"\nmissed claim values (first {misses}):")
    for doc, lab in report.misses[:misses]:
        print(f"  {doc} [{lab['kind']}/{lab.get('class')}] {lab['text']!r} @ {lab['start']}  {lab.get('context', '')}")
    print(f"\nfalse finds (first {misses}):")
    for doc, f, context in report.false[:misses]:
        print(f"  {doc} [{f.kind}/{f.cls}] {f.text!r} @ {f.start}  {context}")
    wrong_values = [(lab, f) for exact, lab, f in report.values if not exact]
    print(f"\nvalues not exact ({len(wrong_values)}):")
    for lab, f in wrong_values[:misses]:
        print(f"  {lab['doc']} {lab['text']!r}: labelled {lab.get('value')} / {lab.get('value_max')}, "
              f"found {f.value} / {f.value_max}")
    print(f"\nprograms missed ({len(report.program_misses)}):")
    for doc, name in report.program_misses[:misses]:
        print(f"  {doc} {name}")
    print(f"\nprograms found that are not programs ({len(report.program_false)}):")
    for doc, name in report.program_false[:misses]:
        print(f"  {doc} {name}")
    print("\nagency wrong:")
    for doc, truth, found, group in report.agency:
        if truth != found:
            print(f"  {doc} ({group}) labelled {truth}, found {found}")
    print("\ngiven a government where the readers give none:")
    for doc, truth, found in report.no_government:
        if found is not None:
            print(f"  {doc} labelled {truth}, found {found}")
    print("\nterm wrong:")
    for doc, truth, found, group in report.term:
        if truth != found:
            print(f"  {doc} ({group}) labelled {truth}, found {found}")


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation from the command line; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="tune")
    parser.add_argument("--misses", type=int, default=40, help="how many misses and false finds to list (0: none)")
    parser.add_argument("--json", type=Path, help="also write the headline figures to this file")
    parser.add_argument("--labels", type=Path, default=devset.DEVSET,
                        help="another label set (a folder like tests/data/devset); default: the development set")
    parser.add_argument("--texts", type=Path, help="the folder holding a label set's `file:` articles")
    args = parser.parse_args(argv)
    if not devset.corpus_present():
        print("the shared corpus (../shared/corpus) is not present: nothing to evaluate", file=sys.stderr)
        return 2
    try:
        report = evaluate(None if args.split == "all" else args.split, args.labels, args.texts)
    except FileNotFoundError as error:
        print(f"eval: {error}", file=sys.stderr)
        return 2
    title = "Development set" if args.labels == devset.DEVSET else f"Label set {args.labels.name}"
    print_report(report, args.split, args.misses, title)
    if args.json:
        args.json.write_text(json.dumps(summary(report), ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
