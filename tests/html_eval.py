"""How well site HTML becomes articles, measured on the real pages of ../shared/corpus/html.

    python tests/html_eval.py [--method extractor|reader|both] [--pages] [--json FILE]
    python tests/html_eval.py --labels tests/data/html_unseen.json --dir FOLDER   # the unseen check

Each page's headline, date, outlet, body paragraphs (their first and last characters) and site chrome (menu
items, other headlines, footer lines) were labelled twice by reading, independently; tests/data/html_pages.md
says how. Two ways of reading the page are measured through the whole pipeline (read, clean, split, analyse):

- extractor: what ingest does (trafilatura's main text and fields, then the line rules);
- reader: the visible text of the whole page (the fallback, and what ingest did before), then the line rules.

A page is right when its headline is right, at least 90% of its body paragraphs are kept, no chrome is left in
any article made from it, it makes one article, and its date is right where the page shows one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

LABELS = HERE / "data" / "html_pages.json"
PAGES = HERE.parent.parent / "shared" / "corpus" / "html"
KEPT_SHARE = 0.9


@dataclass
class PageScore:
    """What one method made of one page, against its labels."""

    file: str
    articles: int
    title_right: bool
    title: str
    paragraphs: int
    kept: int
    chrome_left: list[str] = field(default_factory=list)
    date_right: bool | None = None  # None: the page shows no date
    outlet_right: bool = False

    @property
    def right(self) -> bool:
        """Return True when the page became the one article it holds, whole and clean."""
        return (self.title_right and self.kept >= KEPT_SHARE * self.paragraphs and not self.chrome_left
                and self.articles == 1 and self.date_right is not False)


def _key(text: str | None) -> str:
    """Return text as the pipeline writes it, without spaces and with one kind of quote, for comparison."""
    from tui.pipeline.clean import normalize

    text = normalize(text or "")
    text = re.sub(r"[\u2018\u2019\u201b`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201f]", '"', text)
    return re.sub(r"\s+", "", text)


def _outlet_key(name: str | None) -> str:
    """Return an outlet name for comparison: a city hall's site (광주광역시청) names its city."""
    return re.sub(r"청$", "", _key(name))


def articles_of(path: Path, method: str) -> list:
    """Return the analysed articles one method makes of a page (no database)."""
    from tui.pipeline.process import analyze_docs, process_file
    from tui.pipeline.read import RawDoc, declared_charset, decode, html_to_text

    if method == "extractor":
        return process_file(str(path)).articles
    data = path.read_bytes()
    text, encoding = decode(data, declared=declared_charset(data))
    body, meta = html_to_text(text)
    return analyze_docs([RawDoc(file=str(path), index=0, text=body, encoding=encoding, meta=meta)])[0]


def score_page(label: dict, articles: list) -> PageScore:
    """Return the score of one page's articles against its labels."""
    paragraphs = [(_key(p["start"]), _key(p["end"])) for p in label["body"]]

    def kept_in(article) -> int:
        text = _key(f"{article.article.deck or ''}\n{article.article.body}")
        return sum(1 for start, end in paragraphs if start in text and end in text)

    best = max(articles, key=kept_in, default=None)
    if best is None:
        return PageScore(label["file"], 0, False, "", len(paragraphs), 0, [], False if label["date"] else None)
    chrome = []
    for article in articles:
        a = article.article
        text = _key(f"{a.title}\n{a.deck or ''}\n{a.body}")
        chrome.extend(c for c in label["chrome"] if _key(c) in text and c not in chrome)
    a = best.article
    date_right = None if not label["date"] else (a.published or "")[:10] == label["date"]
    return PageScore(
        file=label["file"], articles=len(articles), title_right=_key(a.title) == _key(label["title"]),
        title=a.title, paragraphs=len(paragraphs), kept=kept_in(best), chrome_left=chrome, date_right=date_right,
        outlet_right=bool(a.outlet) and _outlet_key(a.outlet) == _outlet_key(label["outlet"]),
    )


def evaluate(method: str, pages: Path = PAGES, labels_file: Path | None = None) -> list[PageScore]:
    """Return the score of every labelled page read by one method."""
    labels = json.loads((labels_file or LABELS).read_text(encoding="utf-8"))
    return [score_page(label, articles_of(pages / label["file"], method)) for label in labels]


def summary(scores: list[PageScore]) -> dict:
    """Return the totals of one method over the pages."""
    dated = [s for s in scores if s.date_right is not None]
    return {
        "pages": len(scores),
        "right": sum(s.right for s in scores),
        "headline right": sum(s.title_right for s in scores),
        "body paragraphs kept": round(sum(s.kept for s in scores) / max(1, sum(s.paragraphs for s in scores)), 3),
        "pages with body kept": sum(s.kept >= KEPT_SHARE * s.paragraphs for s in scores),
        "pages with chrome left": sum(bool(s.chrome_left) for s in scores),
        "chrome strings left": sum(len(s.chrome_left) for s in scores),
        "articles made": sum(s.articles for s in scores),
        "date right": f"{sum(bool(s.date_right) for s in dated)}/{len(dated)}",
        "outlet right": sum(s.outlet_right for s in scores),
    }


def main() -> None:
    """Print the table of both methods (and each page's misses with --pages)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--method", choices=("extractor", "reader", "both"), default="both")
    parser.add_argument("--pages", action="store_true", help="Show what went wrong on each page.")
    parser.add_argument("--json", type=Path, help="Also write the totals as JSON.")
    parser.add_argument("--labels", type=Path, help="Another reference file (default: tests/data/html_pages.json).")
    parser.add_argument("--dir", type=Path, default=PAGES, help="The folder of the pages it names.")
    args = parser.parse_args()
    if not args.dir.is_dir():
        sys.exit(f"html_eval: the pages ({args.dir}) are not present")
    methods = ("extractor", "reader") if args.method == "both" else (args.method,)
    results = {m: evaluate(m, args.dir, args.labels) for m in methods}
    totals = {m: summary(s) for m, s in results.items()}
    width = max(len(k) for k in next(iter(totals.values())))
    print(f"{'':{width}}  " + "  ".join(f"{m:>10}" for m in methods))
    for key in next(iter(totals.values())):
        print(f"{key:{width}}  " + "  ".join(f"{totals[m][key]!s:>10}" for m in methods))
    if args.pages:
        for method, scores in results.items():
            print(f"\n{method}:")
            for s in scores:
                if not s.right:
                    print(f"  {s.file}: {asdict(s) | {'right': s.right}}")
    if args.json:
        args.json.write_text(json.dumps(totals, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
