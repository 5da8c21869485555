"""Measurements that run in a fresh interpreter, started by run.py: python probes.py MODE JSON_ARGS.

Each mode prints one JSON object on the last line of stdout. Modes:

  tokenize  bare kiwipiepy tokenize of the documents of some files (the baseline of ingest)
  tokenize_processes  the same split across N spawned processes started at once, each building its own model
            (the floor of N jobs): wall time from the first process's start, model loading included
  ingest    tui.ingest.ingest into a new database, timed
  stages    the pipeline stage by stage on a structured file, attribution from the text alone, claims
  paint     process start to first paint (and to data ready) of the browser or of the bare Textual app
  memory    resident memory after first paint and one navigation step
  nav       navigation latency inside the running browser, driven with Textual's Pilot
  search    tui.store.search.search latency for a list of queries

First paint (mode paint) is the first frame the compositor renders for the app's first real screen: the
BrowseScreen of seonggwa, the default screen of the bare app. It is detected by wrapping App._display (which the
screen calls with each compositor update; textual is pinned to 8.2.8) and counted from the launch time the
parent wrote into $BENCH_LAUNCH just before starting the process (time.perf_counter is CLOCK_MONOTONIC on Linux,
one clock for every process). In headless mode the frame is fully rendered (every widget's lines) but not
encoded for a terminal; this is the same for both apps. "Data ready" is the first frame in which the browser
shows its loaded data: the navigation tree populated and the first page of claims loaded.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from functools import partial
from pathlib import Path

LAUNCH = float(os.environ.get("BENCH_LAUNCH", "nan"))
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # ui_helpers


def emit(result: dict) -> None:
    print(json.dumps(result, ensure_ascii=False), flush=True)


def rss_kb() -> dict:
    """Return VmRSS and VmHWM of this process in kB (from /proc/self/status)."""
    out = {}
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, value = line.split(":")
                out[key] = int(value.split()[0])
    return out


def read_docs(paths: list[str]):
    from tui.pipeline.read import iter_files, read_file

    docs = []
    for path in iter_files([Path(p) for p in paths]):
        for doc in read_file(path):
            doc.file = str(path)
            docs.append(doc)
    return docs


# --------------------------------------------------------------------------- ingest and its baseline

def probe_tokenize(args: dict) -> dict:
    docs = read_docs(args["paths"])
    texts = [d.text for d in docs]
    from kiwipiepy import Kiwi

    kiwi = Kiwi(load_multi_dict=False, num_workers=1)
    kiwi.tokenize("준비")
    started = time.perf_counter()
    tokens = 0
    for text in texts:
        tokens += len(kiwi.tokenize(text))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "chars": sum(map(len, texts)), "docs": len(texts), "tokens": tokens}


def _tokenize_share(task: tuple[list[str], int, int]) -> float:
    """Tokenize every n-th text from i on in a fresh model (one of tokenize_processes' processes)."""
    paths, i, n = task
    from kiwipiepy import Kiwi

    kiwi = Kiwi(load_multi_dict=False, num_workers=1)
    kiwi.tokenize("준비")
    texts = [d.text for d in read_docs(paths)][i::n]
    started = time.perf_counter()
    for text in texts:
        kiwi.tokenize(text)
    return time.perf_counter() - started


def probe_tokenize_processes(args: dict) -> dict:
    """Bare tokenize of the documents split across args["processes"] spawned processes, each loading its model."""
    from multiprocessing import get_context

    n = int(args["processes"])
    started = time.perf_counter()
    with get_context("spawn").Pool(n) as pool:
        shares = pool.map(_tokenize_share, [(args["paths"], i, n) for i in range(n)])
    return {"seconds": time.perf_counter() - started, "processes": n, "tokenize_each": shares}


def probe_ingest(args: dict) -> dict:
    from tui.ingest import ingest

    db = Path(args["db"])
    for suffix in ("", "-wal", "-shm", ".ingest-lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    summary = ingest(db, [Path(p) for p in args["paths"]], jobs=args["jobs"])
    seconds = time.perf_counter() - started
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    failed = [(o.file, o.reason) for o in summary.outcomes if o.status == "failed"]
    return {"seconds": seconds, "files": len(summary.outcomes), "ingested": summary.count("ingested"),
            "failed": len(failed), "failed_examples": failed[:5], "articles": summary.articles,
            "claims": summary.claims, "set_aside": summary.set_aside,
            "cpu_parent": own.ru_utime + own.ru_stime, "cpu_workers": kids.ru_utime + kids.ru_stime}


def accumulating(totals: dict[str, float], name: str, func):
    """Return func wrapped so that the wall time of every call is added to totals[name]."""
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return func(*a, **k)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - t
    return wrapper


def probe_ingest_parts(args: dict) -> dict:
    """Ingest with 1 job, timing where the time goes: reading, analysis, and each part of the writes."""
    import tui.ingest as ingest_mod
    from tui.pipeline import process as pipe
    from tui.store import write

    totals: dict[str, float] = {}
    timed = partial(accumulating, totals)

    pipe.analyze_docs = timed("analysis (analyze_docs, model load included)", pipe.analyze_docs)
    ingest_mod._prepare = timed("read (bytes, digest, decode, parse)", ingest_mod._prepare)
    write.FileWriter.begin = timed("write: begin (remove the file's old rows)", write.FileWriter.begin)
    write._insert_article = timed("write: insert rows (articles, sentences, search index, programs, claims, "
                                  "spans)", write._insert_article)
    write.FileWriter.commit = timed("write: commit (source row, program links, COMMIT)", write.FileWriter.commit)
    write._link_programs = timed("  of which program links", write._link_programs)
    if hasattr(write, "refresh_summaries"):
        write.refresh_summaries = timed("write: per-term counts at the end", write.refresh_summaries)
    db = Path(args["db"])
    for suffix in ("", "-wal", "-shm", ".ingest-lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    ingest_mod.ingest(db, [Path(p) for p in args["paths"]], jobs=1)
    totals["total"] = time.perf_counter() - started
    return totals


# --------------------------------------------------------------------------- stages on the press releases

def probe_stages(args: dict) -> dict:
    """Time each pipeline stage on every record of a file; attribution accuracy from the text alone."""
    from tui.pipeline import analyze as analyze_mod
    from tui.pipeline import process as ingest_mod
    from tui.pipeline.gazetteer import gazetteer
    from tui.pipeline.kiwi import get_kiwi
    from tui.pipeline.read import read_file

    path = Path(args["path"])
    kiwi = get_kiwi()
    gaz = gazetteer()
    totals: dict[str, float] = {}
    timed = partial(accumulating, totals)

    # Every stage function is looked up as a module global by its caller, so wrapping the global times it.
    ingest_mod.clean_page = timed("clean", ingest_mod.clean_page)
    ingest_mod._structured = timed("split", ingest_mod._structured)
    ingest_mod.split_page = timed("split", ingest_mod.split_page)
    analyze_mod.split_sentences = timed("sentences + kiwi", analyze_mod.split_sentences)
    for name in ("attribute", "decide_term", "outlet_evidence", "_masthead_lines"):
        setattr(analyze_mod, name, timed("attribution", getattr(analyze_mod, name)))
    gaz.outlet_for = timed("attribution", gaz.outlet_for)
    analyze_mod._claims = timed("claims", analyze_mod._claims)
    analyze_mod.find_programs = timed("programs", analyze_mod.find_programs)
    analyze_mod._programs = timed("programs", analyze_mod._programs)
    # kiwipiepy itself, wherever it is called (sentences, and the spacing model inside clean): a sub-total
    kiwi.tokenize = timed("kiwi.tokenize + kiwi.space calls (all stages)", kiwi.tokenize)
    kiwi.space = timed("kiwi.tokenize + kiwi.space calls (all stages)", kiwi.space)

    runs = []
    accuracy = None
    for run in range(args["repeats"] + 1):  # the first pass warms caches and is not timed
        totals.clear()
        t = time.perf_counter()
        docs = read_file(path)
        totals["read"] = time.perf_counter() - t
        for doc in docs:
            doc.file = str(path)
        hits = evaluable = claims = articles = 0
        misses: dict[str, int] = {}
        t = time.perf_counter()
        for doc in docs:
            found, _ = ingest_mod.analyze_docs([doc], use_source=False)
            expected = gaz.resolve_name(doc.meta.get("source", ""))
            got = found[0].article.agency if found else None
            articles += len(found)
            claims += sum(len(a.claims) for a in found)
            if len(expected) == 1:
                evaluable += 1
            if len(expected) == 1 and got == expected[0]:
                hits += 1
            else:
                key = doc.meta.get("source", "")
                misses[key] = misses.get(key, 0) + 1
        analysed = time.perf_counter() - t
        staged = sum(v for k, v in totals.items() if k != "read" and not k.startswith("kiwi."))
        totals["other (analyze glue, categories, ids)"] = analysed - staged
        totals["total"] = totals["read"] + analysed
        if run == 0:
            accuracy = {"records": len(docs), "hits": hits, "evaluable": evaluable, "articles": articles,
                        "claims": claims, "chars": sum(len(d.text) for d in docs),
                        "misses": sorted(misses.items(), key=lambda kv: -kv[1])[:8]}
        else:
            runs.append(dict(totals))
    return {"runs": runs, "accuracy": accuracy}


# --------------------------------------------------------------------------- the two applications

BARE_TEXT = ("가나시는 올해 주민 참여 사업을 마무리하고 성과 보고회를 열었다고 밝혔다. "
             "보고회에는 주민과 공무원 등이 참석해 한 해 동안의 활동을 돌아봤다. ") * 12


def bare_app_class():
    """Return a bare Textual app: a Tree on the left and a text pane on the right."""
    from textual.app import App
    from textual.containers import Horizontal, VerticalScroll
    from textual.widgets import Static, Tree

    class BareApp(App):
        CSS = "Tree { width: 40; } #text { width: 1fr; }"

        def compose(self):
            tree: Tree[str] = Tree("기관")
            tree.root.expand()
            for g in range(17):
                group = tree.root.add(f"광역 {g + 1}", expand=g < 2)
                for k in range(8):
                    group.add_leaf(f"기초 {g + 1}-{k + 1}", data=f"{g}-{k}")
            with Horizontal():
                yield tree
                with VerticalScroll(id="text"):
                    yield Static(BARE_TEXT, id="body")

        def on_tree_node_selected(self, event) -> None:
            self.query_one("#body", Static).update(f"{event.node.label}\n\n" + BARE_TEXT)

    return BareApp


def make(kind: str, db: str | None):
    if kind == "bare":
        return bare_app_class()()
    from tui.ui.app import make_app

    return make_app(Path(db))


def is_first_screen(app, kind: str) -> bool:
    if kind == "bare":
        return len(app.screen_stack) == 1
    return type(app.screen).__name__ == "BrowseScreen"


def data_ready(app, kind: str) -> bool:
    if kind == "bare":
        return True
    from tui.ui.widgets.claim_list import ClaimList
    from tui.ui.widgets.nav import NavTree

    screen = app.screen
    nav = screen.query_one(NavTree)
    claims = screen.query_one(ClaimList)
    return bool(nav.agency_nodes) and (0 in claims.pages or (claims.total == 0 and not claims.pages_loading))


def probe_paint(args: dict) -> dict:
    kind = args["kind"]
    app = make(kind, args.get("db"))
    marks: dict[str, float] = {}
    original = app._display

    def display(screen, renderable):
        original(screen, renderable)
        if renderable is None or app._batch_count or screen is not app.screen:
            return
        now = time.perf_counter() - LAUNCH
        if "first_paint" not in marks and is_first_screen(app, kind):
            marks["first_paint"] = now
        if "first_paint" in marks and "ready" not in marks and data_ready(app, kind):
            marks["ready"] = now
            app.exit()

    app._display = display
    app.call_later(lambda: app.set_timer(120, app.exit))
    app.run(headless=True, size=(160, 45))
    return {"first_paint": marks.get("first_paint"), "ready": marks.get("ready")}


async def _memory(args: dict) -> dict:
    from ui_helpers import settle

    kind = args["kind"]
    app = make(kind, args.get("db"))
    async with app.run_test(headless=True, size=(160, 45)) as pilot:
        await settle(pilot)
        if kind == "bare":
            from textual.widgets import Tree

            tree = app.query_one(Tree)
            node = tree.root.children[1].children[3]
            tree.move_cursor(node)
            tree.select_node(node)
            await settle(pilot)
        else:
            from tui.ui.widgets.claim_list import ClaimList
            from tui.ui.widgets.nav import NavTree

            screen = app.screen
            screen.query_one(NavTree).select_place(args["agency"], args["term"])
            await settle(pilot)
            screen.query_one(ClaimList).focus()
            await pilot.press("enter")
            await settle(pilot)
        return rss_kb()


def probe_memory(args: dict) -> dict:
    return asyncio.run(_memory(args))


# --------------------------------------------------------------------------- navigation latency

async def _nav(args: dict) -> dict:
    from textual.screen import Screen
    from ui_helpers import settle

    import tui.store.compare as compare_mod
    from tui.store.compare import Side
    from tui.ui import data as data_mod
    from tui.ui.app import make_app
    from tui.ui.widgets.article_view import ArticleView
    from tui.ui.widgets.claim_list import ClaimList
    from tui.ui.widgets.nav import NavTree

    calls: list[tuple[str, float, float]] = []  # (what, start, seconds): database calls and frames

    def timed(name: str, func):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return func(*a, **k)
            finally:
                calls.append((name, t, time.perf_counter() - t))
        return wrapper

    for method in ("count", "page", "nav", "programs", "article"):
        setattr(data_mod.DataSource, method, timed("db", getattr(data_mod.DataSource, method)))
    compare_mod.compare = timed("db", compare_mod.compare)
    Screen._compositor_refresh = timed("frame", Screen._compositor_refresh)

    app = make_app(Path(args["db"]))
    samples: dict[str, list[float]] = {}
    db_ms: dict[str, list[float]] = {}
    frame_ms: dict[str, list[float]] = {}
    settled: dict[str, list[float]] = {}
    shown: dict[str, list[float]] = {}  # action → first frame showing the new content (list rows, table)
    noops: dict[str, int] = {}
    frames = {"last": None, "shown": None, "ready": None}
    original = app._display

    def display(screen, renderable):
        original(screen, renderable)
        if renderable is not None and not app._batch_count:
            frames["last"] = time.perf_counter()
            if frames["shown"] is None and frames["ready"] is not None and frames["ready"]():
                frames["shown"] = frames["last"]

    app._display = display
    async with app.run_test(headless=True, size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        nav = screen.query_one(NavTree)
        claims = screen.query_one(ClaimList)
        view = screen.query_one(ArticleView)

        async def step(name: str, action, *, press: str | None = None, ready=None) -> None:
            frames["last"], frames["shown"], frames["ready"] = None, None, ready
            calls.clear()
            started = time.perf_counter()
            if press:
                await pilot.press(press)
            else:
                action()
            await settle(pilot)
            done = time.perf_counter()
            last = frames["last"]
            samples.setdefault(name, []).append(((last - started) if last else 0.0) * 1000)
            settled.setdefault(name, []).append((done - started) * 1000)
            db_ms.setdefault(name, []).append(sum(d for w, _t, d in calls if w == "db") * 1000)
            frame_ms.setdefault(name, []).append(sum(d for w, _t, d in calls if w == "frame") * 1000)
            if ready is not None:
                shown_at = frames["shown"] or last or started
                shown.setdefault(name, []).append((shown_at - started) * 1000)
            frames["ready"] = None
            # not timed: let the claim preview timer (80 ms) and its article load finish before the next step
            await pilot.pause(0.12)
            await settle(pilot)

        def rows_of_new_filter():
            generation = claims.generation
            return lambda: claims.generation != generation and 0 in claims.pages

        def compare_filled():
            return type(app.screen).__name__ == "CompareScreen" and app.screen.data is not None

        for plan in args["plans"]:
            agency, term, program, other = plan["agency"], plan["term"], plan["program"], plan["other"]
            await step("settle only (floor)", lambda: None)
            await step("select agency", lambda: nav.select_place(agency), ready=rows_of_new_filter())
            await step("select term", lambda: nav.select_place(agency, term), ready=rows_of_new_filter())
            if program:
                await step("select program", lambda: app.go_to_program(agency, term, program[0], program[1]),
                           ready=rows_of_new_filter())
            claims.focus()
            await settle(pilot)
            await step("open article (enter)", None, press="enter",
                       ready=lambda: view.has_focus and view.article is not None and claims.current is not None
                       and view.article.id == claims.current["article"])
            if view.article is None or claims.current is None or view.article.id != claims.current["article"]:
                noops["open article (enter)"] = noops.get("open article (enter)", 0) + 1
            view.focus()
            await settle(pilot)
            selected = view.selected
            await step("next claim (n)", None, press="n", ready=lambda: view.selected != selected)
            if view.selected == selected:
                noops["next claim (n)"] = noops.get("next claim (n)", 0) + 1
            await step("open compare", lambda: app.open_compare(Side(agency, term), Side(other, term)),
                       ready=compare_filled)
            if type(app.screen).__name__ != "CompareScreen" or app.screen.data is None:
                noops["open compare"] = noops.get("open compare", 0) + 1
            app.pop_screen()
            await settle(pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
    return {"samples": samples, "settled": settled, "shown": shown, "db_ms": db_ms, "frame_ms": frame_ms,
            "noops": noops, "errors": errors[:5], "rss": rss_kb()}


def probe_nav(args: dict) -> dict:
    return asyncio.run(_nav(args))


# --------------------------------------------------------------------------- search

def probe_search(args: dict) -> dict:
    from tui.store.db import connect
    from tui.store.search import parse_query, search

    db = connect(Path(args["db"]), readonly=True)
    samples: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    for q in args["queries"]:  # warm the page cache once per query (not timed)
        hits[q] = len(search(db, parse_query(q)))
    for _ in range(args["runs"]):
        for q in args["queries"]:
            started = time.perf_counter()
            search(db, parse_query(q))
            samples.setdefault(q, []).append((time.perf_counter() - started) * 1000)
    return {"samples": samples, "hits": hits}


def probe_profile_search(args: dict) -> dict:
    """Return the cProfile top functions of one query (for the report of a missed target)."""
    import cProfile
    import io
    import pstats

    from tui.store.db import connect
    from tui.store.search import parse_query, search

    db = connect(Path(args["db"]), readonly=True)
    search(db, parse_query(args["query"]))
    profile = cProfile.Profile()
    profile.enable()
    search(db, parse_query(args["query"]))
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(8)
    from tui.store.search import _match_term

    match = " AND ".join(e for e in (_match_term(t) for t in parse_query(args["query"]).terms) if e)
    parts = {}
    for label, sql in (
        ("count the matching sentences", "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?"),
        ("first 100 matches, unranked", "SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 100"),
        ("bm25 of every match, top 100 (FTS alone)", "SELECT rowid, bm25(search_fts, 1.0, 2.0) r FROM "
         "search_fts WHERE search_fts MATCH ? ORDER BY r LIMIT 100"),
    ):
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            rows = db.execute(sql, [match]).fetchall()
            runs.append((time.perf_counter() - t) * 1000)
        parts[label] = (sorted(runs)[1], rows[0][0] if label.startswith("count") else len(rows))
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        search(db, parse_query(args["query"]))
        runs.append((time.perf_counter() - t) * 1000)
    parts["whole search() (ranks, joins sentences and articles of every match, then sorts)"] = (sorted(runs)[1], 100)
    return {"profile": out.getvalue(), "parts": parts}


MODES = {"tokenize": probe_tokenize, "tokenize_processes": probe_tokenize_processes, "ingest": probe_ingest, "ingest_parts": probe_ingest_parts, "stages": probe_stages, "paint": probe_paint,
         "memory": probe_memory, "nav": probe_nav, "search": probe_search, "profile_search": probe_profile_search}

if __name__ == "__main__":
    mode, raw = sys.argv[1], sys.argv[2]
    emit(MODES[mode](json.loads(raw)))
