"""The benchmark suite of issue 7: one command, one Markdown table, every figure beside its baseline.

    python tests/bench/run.py [--articles N] [--out FILE] [--quick] [--rebuild] [--browser-only] [--terminal-only]

Default N = 100000 (the large synthetic corpus); --quick uses 1k and 5k articles and fewer repeats for a smoke
run. Corpora (tests/bench/generate.py) and databases are kept in tests/bench/out/ (git-ignored) and reused while
their parameters match: a corpus by generator version, size and seed; a database also by a hash of the code in
tui/ and the vocabularies in data/ (--rebuild builds the databases again; --browser-only measures sections 3-6 again on the last databases,
whatever code built them, and keeps the ingest figures of the last full run). Every measurement that needs a clean
interpreter runs in a fresh subprocess (tests/bench/probes.py); baselines are measured in the same run,
interleaved with what they are compared to, and figures are medians of several runs.

Section 7 measures what a user feels in a real terminal: ../shared/tools/termlat.py starts the browser in tmux at
120x40 and 80x24 on the press releases (also built into a database) and the small and large synthetic corpora,
sends keys and reads the screen, against ../shared/tools/bare_app.py launched the same way (bare, then the
browser on each database, in turn). It is skipped with a message when those tools or tmux are absent;
--terminal-only measures it again on the last databases and keeps the other figures of the last run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parents[1]
OUT = BENCH / "out"
PRESS = ROOT.parent / "shared" / "corpus" / "press_releases_gwangju_jeonnam_2025-12.csv"
PRESS_LABEL = "../shared/corpus/press_releases_gwangju_jeonnam_2025-12.csv"
TOOLS = ROOT.parent / "shared" / "tools"  # termlat.py (the app in tmux, read as a user sees it) and bare_app.py
TOOLS_LABEL = "../shared/tools"
TERMINAL_SIZES = ((120, 40), (80, 24))
QUERIES = ["복지", "서구", "지원금", '"광주형 일자리"', "일자리 창출", "최우수상", "국비 확보", "청년", "전국 최초",
           "민선 8기"]
SEED = 1

sys.path.insert(0, str(BENCH))
import generate  # noqa: E402  (tests/bench/generate.py)


@dataclass
class Config:
    large: int
    small: int
    ingest_sample: int
    repeats: int  # ingest runs (each a fresh process)
    starts: int  # cold starts per app and database
    memory_runs: int
    nav_iterations: int
    search_runs: int
    grep_runs: int
    term_rounds: int  # section 7: interleaved rounds (bare app, then each database)
    term_keys: int  # rounds of a step's keys per termlat launch
    term_launches: int  # launches per round and database: first paints, and one-key steps (the comparison)
    quick: bool
    rebuild: bool
    cores: int = field(default_factory=lambda: os.cpu_count() or 1)


# --------------------------------------------------------------------------- helpers

def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def probe(mode: str, args: dict, timeout: float | None = None) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    env = dict(os.environ)
    env["SEONGGWA_KEYMAP"] = str(OUT / "no-keymap.toml")  # never the user's keymap
    env.pop("NO_COLOR", None)
    command = [sys.executable, str(BENCH / "probes.py"), mode, json.dumps(args, ensure_ascii=False)]
    env["BENCH_LAUNCH"] = repr(time.perf_counter())
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"probe {mode} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def pct(values, q: float):
    """Return the q-th percentile (0-100) of values, linear between closest ranks."""
    values = sorted(values)
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    pos = (len(values) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def fmt_n(n: float) -> str:
    if n >= 1_000_000:
        return f"{n / 1e6:.2f} M"
    if n >= 10_000:
        return f"{n / 1e3:.0f} k"
    if n >= 1_000:
        return f"{n / 1e3:.1f} k"
    return f"{n:.0f}"


def size_label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for name in ("textual", "kiwipiepy", "sqlite_utils"):
        try:
            from importlib.metadata import version

            versions[name] = version(name.replace("_", "-"))
        except Exception:
            versions[name] = "?"
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "memory": mem,
            "sqlite": sqlite3.sqlite_version, "os": platform.platform(), **versions}


def git_state() -> str:
    """Return the commit and whether tui/ or data/ differ from it (the code measured)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=str(ROOT)).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "tui", "data"], capture_output=True,
                               text=True, cwd=str(ROOT)).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head}" + (f" with uncommitted changes in {len(dirty.splitlines())} file(s) of tui/ or data/"
                        if dirty else "")


def code_hash() -> str:
    """Return a short hash of the product's code and vocabularies (a database is rebuilt when it changes)."""
    digest = hashlib.sha1()
    for path in sorted(list((ROOT / "tui").rglob("*.py")) + list((ROOT / "data").glob("*.csv"))):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def compile_package() -> None:
    """Write the bytecode of tui/ beside it, as `pip install .` does when it installs the package: every launch
    measured then reads the compiled modules, as an installed browser does. Without it, under
    PYTHONDONTWRITEBYTECODE (or in a folder that cannot be written), each launch of the browser from the source tree
    compiled its modules anew, which cost 15-20 ms of its first paint in tmux (a tenth of the bare app's)."""
    import compileall

    compileall.compile_dir(str(ROOT / "tui"), quiet=1)


# --------------------------------------------------------------------------- corpora and databases

def corpus(n: int) -> Path:
    """Return the folder of the synthetic corpus of n articles, generating it unless a matching one exists."""
    folder = OUT / "corpora" / f"synthetic-n{n}-seed{SEED}-v{generate.GENERATOR_VERSION}"
    manifest = folder / generate.MANIFEST
    if manifest.exists():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if (data.get("articles"), data.get("seed"), data.get("generator_version")) == (
                n, SEED, generate.GENERATOR_VERSION):
            return folder
    if folder.exists():
        shutil.rmtree(folder)
    log(f"generating {n} synthetic articles")
    started = time.perf_counter()
    generate.generate(folder, n, SEED, quiet=True)
    log(f"  generated in {time.perf_counter() - started:.1f} s")
    return folder


def corpus_chars(paths: list[Path]) -> dict:
    """Return the characters and documents the reader makes of some files (cached beside a corpus)."""
    cache = None
    if len(paths) == 1 and paths[0].is_dir():
        cache = paths[0] / ".chars.json"
        if cache.exists():
            return json.loads(cache.read_text())
    sys.path.insert(0, str(ROOT))
    from tui.pipeline.read import iter_files, read_file

    chars = docs = files = size = 0
    for path in iter_files(paths):
        files += 1
        size += path.stat().st_size
        for doc in read_file(path):
            chars += len(doc.text)
            docs += 1
    result = {"chars": chars, "docs": docs, "files": files, "bytes": size}
    if cache:
        cache.write_text(json.dumps(result))
    return result


def database(family: str, source: Path, cfg: Config) -> tuple[Path, dict]:
    """Return a database of a corpus (a folder or file), built with all cores unless one of the same family,
    generator version and code hash exists, and its build record."""
    db = OUT / "dbs" / f"{family}-v{generate.GENERATOR_VERSION}-{code_hash()}.db"
    record_path = db.with_suffix(".json")
    if not cfg.rebuild and db.exists() and record_path.exists():
        record = json.loads(record_path.read_text())
        record["cached"] = True
        return db, record
    db.parent.mkdir(parents=True, exist_ok=True)
    for old in (OUT / "dbs").glob(f"{family}-*"):
        old.unlink()
    log(f"building the database {family} with {cfg.cores} jobs (load {loadavg()})")
    result = probe("ingest", {"paths": [str(source)], "db": str(db), "jobs": cfg.cores})
    log(f"  built in {result['seconds']:.0f} s: {result['articles']} articles, {result['claims']} claims")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    record = {"seconds": result["seconds"], "jobs": cfg.cores, "articles": result["articles"],
              "claims": result["claims"], "files": result["files"], "failed": result["failed"],
              "set_aside": result["set_aside"], "built_at": time.strftime("%Y-%m-%d %H:%M"), "load": loadavg(),
              "cached": False}
    record_path.write_text(json.dumps(record, ensure_ascii=False))
    return db, record


def synthetic(n: int) -> str:
    """Return the family name of the databases of the synthetic corpus of n articles."""
    return f"synthetic-n{n}-seed{SEED}"


def last_database(family: str) -> Path | None:
    """Return the newest database of a family in out/dbs (whatever code built it), or None."""
    found = (OUT / "dbs").glob(f"{family}-v{generate.GENERATOR_VERSION}-*.db")
    return max(found, key=lambda p: p.stat().st_mtime, default=None)


def db_stats(db: Path) -> dict:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stats = {"bytes": db.stat().st_size + sum(Path(str(db) + s).stat().st_size
                                             for s in ("-wal",) if Path(str(db) + s).exists())}
    for table in ("articles", "claims", "spans", "programs", "search_docs"):
        try:
            stats[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        except sqlite3.Error:
            pass
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
        stats["by_object"] = rows[:12]
    except sqlite3.Error:
        stats["by_object"] = []
    # the text is stored compressed (schema 6): its length once unpacked, and the bytes stored
    from tui.store.textpack import unpack_or_null

    conn.create_function("unpack", 1, unpack_or_null)
    # the pages as read are kept once each in raw_texts (schema 8 on), in articles.raw_z before
    raw = "raw_texts" if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'raw_texts'").fetchone() else "articles"
    body = conn.execute("SELECT sum(length(unpack(body_z))), sum(length(body_z)) FROM articles").fetchone()
    if raw == "raw_texts" and "base" in {r[1] for r in conn.execute("PRAGMA table_info(raw_texts)")}:
        # (schema 14 on: each page is packed against one of its articles' bodies)
        from tui.store.textpack import unpack_raw

        pages = conn.execute("SELECT r.raw_z, b.body_z FROM raw_texts r LEFT JOIN articles b ON b.id = r.base")
        read = [0, 0]
        for packed, base in pages:
            read = [read[0] + len(unpack_raw(packed, base)), read[1] + len(packed)]
    else:
        read = conn.execute(f"SELECT sum(length(unpack(raw_z))), sum(length(raw_z)) FROM {raw}").fetchone()
    stats["body_chars"] = (body[0], read[0])
    stats["text_bytes"] = (body[1], read[1])
    conn.close()
    return stats


# --------------------------------------------------------------------------- sections

def bench_ingest(cfg: Config, datasets: list[tuple[str, list[Path]]]) -> list[dict]:
    """Ingest with analysis (1 job, all cores) against kiwipiepy's bare tokenize of the same text."""
    results = []
    for label, paths in datasets:
        runs = {"tokenize": [], "jobs1": [], f"jobs{cfg.cores}": [], "processes1": [], f"processes{cfg.cores}": []}
        outcomes: dict[str, list[dict]] = {}
        chars = None
        for r in range(cfg.repeats):
            order = ["tokenize", "jobs1", f"jobs{cfg.cores}", "processes1", f"processes{cfg.cores}"]
            order = order[r % 5:] + order[:r % 5]  # rotate so drift on a noisy machine hits each alike
            for what in order:
                log(f"ingest {label}: {what} (run {r + 1}/{cfg.repeats}, load {loadavg()})")
                if what == "tokenize":
                    res = probe("tokenize", {"paths": [str(p) for p in paths]})
                    chars = res["chars"]
                elif what.startswith("processes"):  # the floor of N jobs: bare tokenize in N processes
                    res = probe("tokenize_processes", {"paths": [str(p) for p in paths],
                                                       "processes": int(what[9:])})
                else:
                    db = OUT / "tmp" / "ingest.db"
                    db.parent.mkdir(parents=True, exist_ok=True)
                    res = probe("ingest", {"paths": [str(p) for p in paths], "db": str(db),
                                           "jobs": int(what[4:])})
                    outcomes.setdefault(what, []).append(res)
                    for suffix in ("", "-wal", "-shm", ".ingest-lock"):
                        Path(str(db) + suffix).unlink(missing_ok=True)
                runs[what].append(res["seconds"])
        log(f"ingest {label}: where the time goes with 1 job (one instrumented run)")
        db = OUT / "tmp" / "ingest.db"
        parts = probe("ingest_parts", {"paths": [str(p) for p in paths], "db": str(db)})
        for suffix in ("", "-wal", "-shm", ".ingest-lock"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        cpu = {what: {"parent": median([o.get("cpu_parent") for o in outs]),
                      "workers": median([o.get("cpu_workers") for o in outs])} for what, outs in outcomes.items()}
        results.append({"label": label, "chars": chars, "runs": runs, "outcome": outcomes["jobs1"][-1],
                        "cpu": cpu, "parts": parts, "seconds": {k: median(v) for k, v in runs.items()}})
    return results


def bench_paint(cfg: Config, dbs: dict[str, Path]) -> dict:
    runs: dict[str, list] = {"bare": []}
    ready: dict[str, list] = {}
    for r in range(cfg.starts):
        log(f"first paint run {r + 1}/{cfg.starts} (load {loadavg()})")
        res = probe("paint", {"kind": "bare"}, timeout=300)
        runs["bare"].append(res["first_paint"])
        for label, db in dbs.items():
            res = probe("paint", {"kind": "app", "db": str(db)}, timeout=300)
            runs.setdefault(label, []).append(res["first_paint"])
            ready.setdefault(label, []).append(res["ready"])
    return {"runs": runs, "ready": ready, "first_paint": {k: median(v) for k, v in runs.items()},
            "data_ready": {k: median(v) for k, v in ready.items()}}


def bench_memory(cfg: Config, dbs: dict[str, Path], places: dict[str, tuple[str, int]]) -> dict:
    runs: dict[str, list] = {"bare": []}
    hwm: dict[str, list] = {"bare": []}
    for r in range(cfg.memory_runs):
        log(f"memory run {r + 1}/{cfg.memory_runs}")
        res = probe("memory", {"kind": "bare"}, timeout=300)
        runs["bare"].append(res["VmRSS"])
        hwm["bare"].append(res["VmHWM"])
        for label, db in dbs.items():
            agency, term = places[label]
            res = probe("memory", {"kind": "app", "db": str(db), "agency": agency, "term": term}, timeout=300)
            runs.setdefault(label, []).append(res["VmRSS"])
            hwm.setdefault(label, []).append(res["VmHWM"])
    return {"rss_kb": {k: median(v) for k, v in runs.items()}, "hwm_kb": {k: median(v) for k, v in hwm.items()},
            "runs": runs}


def nav_plans(db: Path, iterations: int) -> tuple[list[dict], tuple[str, int]]:
    """Return navigation plans (agency, term, its busiest program, another agency of the term) from a database;
    every third plan is one of the ten busiest agency-terms, the others are drawn at random."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    pairs = conn.execute("SELECT agency, term, count(*) FROM claims WHERE agency IS NOT NULL AND term IS NOT NULL "
                         "GROUP BY agency, term ORDER BY 3 DESC, 1, 2").fetchall()
    rng = random.Random(7)
    plans = []
    for i in range(iterations):
        agency, term, _n = pairs[(i // 3) % min(10, len(pairs))] if i % 3 == 0 else rng.choice(pairs)
        program = conn.execute(
            "SELECT c.program, p.name, count(*) FROM claims c JOIN programs p ON p.id = c.program "
            "WHERE c.agency = ? AND c.term = ? GROUP BY c.program ORDER BY 3 DESC, 1 LIMIT 1", [agency, term]
        ).fetchone()
        others = [a for a, t, _ in pairs if t == term and a != agency] or [a for a, _, _ in pairs if a != agency]
        plans.append({"agency": agency, "term": term, "program": list(program[:2]) if program else None,
                      "other": rng.choice(others)})
    conn.close()
    return plans, (pairs[0][0], pairs[0][1])


def bench_nav(cfg: Config, dbs: dict[str, Path]) -> dict:
    out = {}
    for label, db in dbs.items():
        plans, _ = nav_plans(db, cfg.nav_iterations)
        log(f"navigation at {label}: {len(plans)} rounds of 7 steps (load {loadavg()})")
        out[label] = probe("nav", {"db": str(db), "plans": plans}, timeout=3600)
    return out


def grep_words(query: str) -> str:
    return query.replace('"', "").split()[0]


def bench_search(cfg: Config, db: Path, folder: Path) -> dict:
    log(f"search: {len(QUERIES)} queries x {cfg.search_runs} runs (load {loadavg()})")
    res = probe("search", {"db": str(db), "queries": QUERIES, "runs": cfg.search_runs}, timeout=3600)
    grep: dict[str, list[float]] = {}
    matched: dict[str, int] = {}
    subprocess.run(["grep", "-rlF", "--", "서구", str(folder)], capture_output=True)  # warm the page cache
    for r in range(cfg.grep_runs):
        log(f"grep run {r + 1}/{cfg.grep_runs}")
        for q in QUERIES:
            started = time.perf_counter()
            done = subprocess.run(["grep", "-rlF", "--", grep_words(q), str(folder)], capture_output=True)
            grep.setdefault(q, []).append((time.perf_counter() - started) * 1000)
            matched[q] = len(done.stdout.splitlines())
    all_search = [x for v in res["samples"].values() for x in v]
    all_grep = [x for v in grep.values() for x in v]
    per_query = {q: {"p50": median(res["samples"][q]), "p95": pct(res["samples"][q], 95), "hits": res["hits"][q],
                     "grep": median(grep[q]), "grep_files": matched[q]} for q in QUERIES}
    slowest = max(QUERIES, key=lambda q: per_query[q]["p95"])
    profile = None
    parts = None
    if pct(all_search, 95) > 100:
        found = probe("profile_search", {"db": str(db), "query": slowest})
        profile, parts = found["profile"], found.get("parts")
    return {"p50": pct(all_search, 50), "p95": pct(all_search, 95), "grep_p50": pct(all_grep, 50),
            "grep_p95": pct(all_grep, 95), "per_query": per_query, "slowest": slowest, "profile": profile,
            "parts": parts}


def bench_stages(cfg: Config) -> dict | None:
    if not PRESS.exists():
        return None
    log(f"stages on the press releases ({cfg.repeats} runs after a warm-up, load {loadavg()})")
    return probe("stages", {"path": str(PRESS), "repeats": max(2, cfg.repeats)}, timeout=7200)


# --------------------------------------------------------------------------- 7. in a real terminal

# step, what its keys do, where the browser opens (arguments), setup keys sent once to put the focus where the step
# begins, keys measured (sent in turn, again and again; a single key is measured once per launch), and the bare
# app's steps it is compared with: ↓ ↑ in its tree refill its table and text, ↓ ↑ in its table move the cursor (a
# claim move opens its article at 120 columns and only moves the cursor at 80). {agency} {term} {other} come from
# terminal_plan(). No step sends Esc: Textual holds it back for ESCDELAY (100 ms) to tell it from a sequence.
TERMINAL_STEPS = [
    ("agency", "↓ ↑ between two agencies in the tree", ("--agency", "{agency}"), "BTab", "Down,Up", ("tree",)),
    ("term", "↓ ↑ between an open agency and its first term", ("--agency", "{agency}"), "BTab,Enter", "Down,Up",
     ("tree",)),
    ("program", "↓ ↑ between two programs of an open term", ("--agency", "{agency}", "--term", "{term}"),
     "BTab,Down", "Down,Up", ("tree",)),
    ("claim", "↓ ↑ in the claims list (each opens its article beside it at 120 columns)", (), "", "Down,Up",
     ("tree", "table")),
    ("article", "Enter opens the claim's article (at 120 columns it is shown beside the list already and takes "
     "the focus; at 80 it replaces the list)", (), "", "Enter", ("tree",)),
    ("compare", "Enter on the picker's second side opens the comparison", (),
     "c,{agency}@{term},Enter,{other}@{term},Down", "Enter", ("tree",)),
]
BARE_KEYS = {"tree": ("", "Down,Up"), "table": ("Tab", "Down,Up")}  # setup, keys: the bare app starts in its tree
BARE_READY = "광주광역시"  # the root of the bare app's tree


def terminal_plan(db: Path) -> dict:
    """Return what section 7 sends the browser on a database: the text that says it shows its data (the first
    group of the tree: the metropolitan government with the most claims), the busiest district of that group
    with a term of two programs or more, at its term with the most programs, and the busiest other district of
    that term to compare it with."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    metro = "CASE WHEN a.level = '광역' THEN a.full_name ELSE coalesce(a.parent, a.full_name) END"
    group = conn.execute(f"SELECT {metro} m FROM agency_terms t JOIN agencies a ON a.full_name = t.agency "
                         "GROUP BY m ORDER BY sum(t.claims) DESC, m LIMIT 1").fetchone()[0]
    agency, term = conn.execute(
        "SELECT c.agency, c.term FROM claims c JOIN agencies a ON a.full_name = c.agency "
        "WHERE a.parent = ? AND a.level = '기초' AND c.term IS NOT NULL AND c.program IS NOT NULL "
        "GROUP BY c.agency, c.term HAVING count(DISTINCT c.program) > 1 "
        "ORDER BY (SELECT sum(claims) FROM agency_terms WHERE agency = c.agency) DESC, count(DISTINCT c.program) "
        "DESC, c.agency, c.term LIMIT 1", [group]).fetchone()
    other = conn.execute("SELECT t.agency FROM agency_terms t JOIN agencies a ON a.full_name = t.agency "
                         "WHERE t.term = ? AND t.agency != ? AND a.level = '기초' ORDER BY t.claims DESC, t.agency "
                         "LIMIT 1", [term, agency]).fetchone()[0]
    conn.close()
    return {"ready": group, "agency": agency, "term": term, "other": other}


def termlat(mode: str, size: tuple[int, int], ready: str, command: list[str], keys: str = "", rounds: int = 1,
            setup: str = "") -> dict | None:
    """Run termlat.py once (in the project folder) and return its figures, or None (logged) when it failed:
    paint → {"seconds"}; nav → {"steps", "first": [p50, p95], "settled": [p50, p95]} in ms."""
    args = [mode, str(size[0]), str(size[1]), ready] + ([keys, str(rounds)] if mode == "nav" else ["1"])
    proc = subprocess.Popen([sys.executable, str(TOOLS / "termlat.py"), *args, "--", *command], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(ROOT),
                            env=dict(os.environ, SETUP=setup))
    try:
        stdout, stderr = proc.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
        subprocess.run(["tmux", "kill-session", "-t", f"termlat-{mode}-{proc.pid}"], capture_output=True, check=False)
    if mode == "paint":
        found = re.search(r"median ([\d.]+) s", stdout)
        result = {"seconds": float(found[1])} if found else None
    else:
        found = re.search(r"(\d+) steps: first change p50 (\d+) ms, p95 (\d+) ms; screen settled p50 (\d+) ms, "
                          r"p95 (\d+) ms", stdout)
        result = {"steps": int(found[1]), "first": [int(found[2]), int(found[3])],
                  "settled": [int(found[4]), int(found[5])]} if found else None
    if result is None:
        log(f"  termlat {' '.join(args)} failed: {(stdout + stderr).strip()[-300:]}")
    return result


def term_figures(calls: list) -> dict | None:
    """Return p50 and p95 (ms) of key → first change and key → settled screen: the medians of each launch's p50
    and p95, or, for launches of one step each, the percentiles of those steps."""
    calls = [c for c in calls if c]
    if not calls:
        return None
    if all(c["steps"] == 1 for c in calls):
        figures = {k: [pct([c[k][0] for c in calls], q) for q in (50, 95)] for k in ("first", "settled")}
    else:
        figures = {k: [median([c[k][i] for c in calls]) for i in (0, 1)] for k in ("first", "settled")}
    return {**figures, "steps": sum(c["steps"] for c in calls)}


def bench_terminal(cfg: Config, dbs: dict[str, Path]) -> dict:
    """Section 7: first paint and key → screen in tmux (termlat.py), against the bare Textual app (bare_app.py),
    interleaved: in each round and terminal size, the bare app's launch or step, then the browser's on each
    database."""
    missing = [name for name in ("termlat.py", "bare_app.py") if not (TOOLS / name).exists()]
    why = (f"{TOOLS_LABEL}/{' and '.join(missing)} not found" if missing
           else None if shutil.which("tmux") else "tmux not found")
    if why:
        log(f"section 7 skipped: {why}")
        return {"skipped": why}
    keymap = f"SEONGGWA_KEYMAP={OUT / 'no-keymap.toml'}"  # never the user's keymap
    bare = ["env", "-u", "NO_COLOR", sys.executable, str(TOOLS / "bare_app.py")]
    plans = {label: terminal_plan(db) for label, db in dbs.items()}

    def app(label: str, args=()) -> list[str]:
        return ["env", "-u", "NO_COLOR", keymap, sys.executable, "-m", "tui", "--db", str(dbs[label]),
                *(a.format(**plans[label]) for a in args)]

    runs: dict = {}
    for r in range(cfg.term_rounds):
        for size in TERMINAL_SIZES:
            where = f"terminal {size[0]}x{size[1]}, round {r + 1}/{cfg.term_rounds}"
            at = runs.setdefault(f"{size[0]}x{size[1]}", {"paint": {}, "bare": {}, "steps": {}})
            log(f"{where}: first paint (load {loadavg()})")
            for _ in range(cfg.term_launches):
                at["paint"].setdefault("bare", []).append(termlat("paint", size, BARE_READY, bare))
                for label, plan in plans.items():
                    at["paint"].setdefault(label, []).append(termlat("paint", size, plan["ready"], app(label)))
            for name, _what, args, setup, keys, kinds in TERMINAL_STEPS:
                log(f"{where}: {name} (load {loadavg()})")
                for kind in kinds:
                    at["bare"].setdefault(kind, []).append(termlat("nav", size, BARE_READY, bare, BARE_KEYS[kind][1],
                                                                   cfg.term_keys, BARE_KEYS[kind][0]))
                once = "," not in keys
                for label, plan in plans.items():
                    calls = at["steps"].setdefault(label, {}).setdefault(name, [])
                    for _ in range(cfg.term_launches if once else 1):
                        calls.append(termlat("nav", size, plan["ready"], app(label, args), keys,
                                             1 if once else cfg.term_keys, setup.format(**plan)))
    summary = {size: {"paint": {k: median([c["seconds"] for c in v if c]) for k, v in at["paint"].items()},
                      "bare": {k: term_figures(v) for k, v in at["bare"].items()},
                      "steps": {label: {name: term_figures(v) for name, v in by.items()}
                                for label, by in at["steps"].items()}}
               for size, at in runs.items()}
    return {"plans": plans, "runs": runs, "summary": summary}


# --------------------------------------------------------------------------- the report

def sanitize(text: str) -> str:
    """Return text with this machine's paths made relative (reports never name local folders)."""
    import sysconfig

    for prefix, short in ((str(ROOT) + os.sep, ""), (str(ROOT), "."), (str(ROOT.parent), ".."),
                          (sysconfig.get_paths()["purelib"], "<site-packages>"),
                          (sysconfig.get_paths()["stdlib"], "<stdlib>"), (str(Path.home()), "~")):
        text = text.replace(prefix, short)
    return text


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**missed**")


def ratio(a, b) -> float | None:
    return a / b if a is not None and b else None


def report(cfg: Config, m: dict, res: dict, command: str, started: str, wall: float) -> str:
    rows: list[tuple] = []
    missed: list[str] = []
    L, S = size_label(cfg.large), size_label(cfg.small)

    def row(num, measure, corpus_label, result, baseline, ratio_text, target="", ok=None):
        rows.append((num, measure, corpus_label, result, baseline, ratio_text, target, verdict(ok) if target else ""))
        if ok is False:
            missed.append(f"{num} {measure} ({corpus_label}): {result}; {ratio_text} vs target {target}")

    # 1. ingest
    for d in res["ingest"]:
        s = d["seconds"]
        tok, j1, jn = s["tokenize"], s["jobs1"], s[f"jobs{cfg.cores}"]
        c = d["chars"]
        r1 = ratio(j1, tok)
        row("1", "ingest with analysis, 1 job", d["label"], f"{fmt_n(c / j1)} chars/s ({j1:.1f} s)",
            f"bare kiwipiepy tokenize {fmt_n(c / tok)} chars/s ({tok:.1f} s)", f"{r1:.2f}× the time of tokenize",
            "≤ 1.5×", r1 <= 1.5)
        sp = ratio(j1, jn)
        row("1", f"ingest with analysis, {cfg.cores} jobs", d["label"], f"{fmt_n(c / jn)} chars/s ({jn:.1f} s)",
            f"1 job {fmt_n(c / j1)} chars/s ({j1:.1f} s)", f"{sp:.2f}× faster than 1 job; "
            f"{ratio(jn, tok):.2f}× the time of tokenize", "≥ 1.7×", sp >= 1.7)
        p1, pn = s.get("processes1"), s.get(f"processes{cfg.cores}")
        if p1 and pn:
            floor = ratio(p1, pn)
            row("1", f"· {cfg.cores} jobs against bare tokenize in {cfg.cores} processes", d["label"],
                f"ingest {sp:.2f}× faster with {cfg.cores} jobs than with 1",
                f"bare tokenize, model loads included: {pn:.1f} s in {cfg.cores} processes, {p1:.1f} s in 1 "
                f"({floor:.2f}×)", f"{sp / floor:.2f} of the bare speed-up")
        parts = d.get("parts") or {}
        whole = parts.get("total")
        if whole:
            analysis = next((v for k, v in parts.items() if k.startswith("analysis")), 0.0)
            read = next((v for k, v in parts.items() if k.startswith("read")), 0.0)
            writes = {k.split(": ", 1)[1].split(" (")[0]: v for k, v in parts.items() if k.startswith("write:")}
            links = parts.get("  of which program links", 0.0)
            wsum = sum(writes.values())
            detail = ", ".join(f"{k} {v:.1f}" for k, v in writes.items())
            row("1", "· where 1-job ingest time goes (one instrumented run)", d["label"],
                f"analysis {analysis:.1f} s ({analysis / whole:.0%}); writes {wsum:.1f} s ({wsum / whole:.0%}: "
                f"{detail}; program links {links:.1f}); read {read:.1f} s",
                f"whole ingest {whole:.1f} s", f"analysis alone {analysis / tok:.2f}× the tokenize time")
        cpu = (d.get("cpu") or {}).get(f"jobs{cfg.cores}") or {}
        if cpu.get("parent") is not None and cpu.get("workers"):
            row("1", f"· {cfg.cores} jobs, CPU of the writing process vs the workers", d["label"],
                f"{cpu['parent']:.0f} s in the parent (read, write), {cpu['workers']:.0f} s in the workers",
                f"wall {jn:.0f} s on {cfg.cores} cores", f"parent {cpu['parent'] / jn:.0%} busy")

    # 2. database size and build
    b = res["build"]
    big, small = b["large"], b["small"]
    tok_rate = None
    synth = next((d for d in res["ingest"] if d["label"].startswith("synthetic")), None)
    if synth:
        tok_rate = synth["chars"] / synth["seconds"]["tokenize"]
    for label, info in ((L, big), (S, small)):
        stats, chars = info["stats"], info["chars"]
        per_article = stats["bytes"] / max(1, stats.get("articles", 1))
        raw_per_article = chars["bytes"] / max(1, stats.get("articles", 1))
        row("2", "database size per article", f"synthetic {label}",
            f"{per_article / 1024:.1f} KiB/article ({stats['bytes'] / 2**20:.0f} MiB, {stats.get('articles')} "
            f"articles, {stats.get('claims')} claims)",
            f"input files {raw_per_article / 1024:.1f} KiB/article ({chars['bytes'] / 2**20:.0f} MiB)",
            f"{per_article / raw_per_article:.2f}× the input")
    rec = big["record"]
    rate = big["chars"]["chars"] / rec["seconds"]
    cached = f"; cached build of {rec['built_at']}" if rec.get("cached") else ""
    row("2", f"build time, {rec['jobs']} jobs", f"synthetic {L}",
        f"{rec['seconds'] / 60:.1f} min ({rec['articles'] / rec['seconds']:.0f} articles/s, {fmt_n(rate)} chars/s"
        f"{cached})",
        f"bare tokenize {fmt_n(tok_rate)} chars/s (1 core, {size_label(cfg.ingest_sample)} sample)"
        if tok_rate else "", f"{rate / tok_rate:.2f}× bare 1-core tokenize rate" if tok_rate else "")

    fit = build_fit(cfg, res)
    if fit and cfg.large < 100_000:
        a, b2, points = fit
        target_n = 100_000
        projected = a * target_n + b2 * target_n ** 2
        row("2", f"build time projected to {size_label(target_n)} articles", "synthetic",
            f"{projected / 60:.0f} min (T = {a * 1000:.1f} ms·N + {b2 * 1e6:.3f} µs·N², least squares)",
            "measured: " + ", ".join(f"{size_label(n)} {t:.0f} s" for n, t in points),
            f"{b2 * target_n ** 2 / projected:.0%} of it in the N² term" if projected else "")

    # 3. first paint
    p = res["paint"]
    fp, bare = p["first_paint"], p["first_paint"]["bare"]
    for label in (S, L):
        r_ = ratio(fp[label], bare)
        row("3", "browser cold start to first paint", f"synthetic {label}", f"{fp[label] * 1000:.0f} ms",
            f"bare Textual app {bare * 1000:.0f} ms", f"{r_:.2f}×", "≤ 1.5×", r_ <= 1.5)
    growth = ratio(fp[L], fp[S])
    row("3", f"first paint {L} vs {S}", f"synthetic {L}", f"{fp[L] * 1000:.0f} ms",
        f"{S}: {fp[S] * 1000:.0f} ms", f"{growth:.2f}×", "≤ 1.10×", growth <= 1.10)
    dr = p["data_ready"]
    row("3", "cold start to data shown (tree + first claims page)", f"synthetic {S} / {L}",
        f"{dr[S] * 1000:.0f} ms / {dr[L] * 1000:.0f} ms", f"bare app {bare * 1000:.0f} ms",
        f"{ratio(dr[S], bare):.2f}× / {ratio(dr[L], bare):.2f}×; {L}/{S} {ratio(dr[L], dr[S]):.2f}×")

    # 4. navigation
    nav = res["nav"]
    steps = [k for k in nav[L]["samples"] if not k.startswith("settle")]
    for label in (S, L):
        data = nav[label]
        allv = [x for k in steps for x in data["samples"][k]]
        floor = median(data["settled"].get("settle only (floor)", []))
        p95 = pct(allv, 95)
        row("4", "navigation, all steps (action → last frame)", f"synthetic {label}",
            f"p50 {pct(allv, 50):.0f} ms, p95 {p95:.0f} ms ({len(allv)} steps)",
            f"settle() floor {floor:.0f} ms (no action)", "", "p95 ≤ 50 ms" if label == L else "",
            (p95 <= 50) if label == L else None)
    for k in steps:
        a, z = nav[S]["samples"][k], nav[L]["samples"][k]
        shown_l = nav[L]["shown"].get(k)
        extra = f"; content shown p50 {pct(shown_l, 50):.0f} ms, p95 {pct(shown_l, 95):.0f} ms" if shown_l else ""
        row("4", f"· {k}", f"synthetic {L}", f"p50 {pct(z, 50):.0f} ms, p95 {pct(z, 95):.0f} ms{extra}",
            f"{S}: p50 {pct(a, 50):.0f} ms, p95 {pct(a, 95):.0f} ms", f"p95 {ratio(pct(z, 95), pct(a, 95)):.2f}× {S}",
            "p95 ≤ 50 ms", pct(z, 95) <= 50)

    # 5. search
    s = res["search"]
    speed = ratio(s["grep_p50"], s["p50"])
    worst = min(ratio(v["grep"], v["p50"]) for v in s["per_query"].values())
    row("5", "search (tui.store.search)", f"synthetic {L}", f"p50 {s['p50']:.1f} ms, p95 {s['p95']:.1f} ms",
        f"grep -rlF p50 {s['grep_p50']:.0f} ms, p95 {s['grep_p95']:.0f} ms", "",
        "p95 ≤ 100 ms", s["p95"] <= 100)
    row("5", "search speed-up over grep", f"synthetic {L}", f"{speed:.0f}× (p50/p50)",
        "grep of the same raw files", f"slowest query {worst:.0f}×", "≥ 20×", speed >= 20)

    # 6. memory
    mem = res["memory"]["rss_kb"]
    for label in (S, L):
        r_ = ratio(mem[label], mem["bare"])
        row("6", "browser memory (RSS after first paint + a navigation step)", f"synthetic {label}",
            f"{mem[label] / 1024:.0f} MiB", f"bare Textual app {mem['bare'] / 1024:.0f} MiB", f"{r_:.2f}×",
            "≤ 1.5×", r_ <= 1.5)
    growth = ratio(mem[L], mem[S])
    row("6", f"browser memory {L} vs {S}", f"synthetic {L}", f"{mem[L] / 1024:.0f} MiB", f"{S}: {mem[S] / 1024:.0f} MiB",
        f"{growth:.2f}×", "flat (≤ 1.10×)", growth <= 1.10)

    # 7. in a real terminal
    term = res.get("terminal") or {"skipped": "not measured in this run"}
    if "skipped" in term:
        row("7", "first paint and keys in a real terminal (tmux)", "", f"skipped: {term['skipped']}", "", "")
    else:
        for r_ in terminal_rows(term):
            row("7", *r_)

    # (a) (b) (c) press releases
    st = res["stages"]
    if st is None:
        row("a-c", "press-release rows", "absent", f"skipped: {PRESS_LABEL} not found", "", "")
    else:
        stages = {k: median([r[k] for r in st["runs"]]) for k in st["runs"][0]}
        acc = st["accuracy"]
        total = stages["total"]
        press = next((d for d in res["ingest"] if d["label"].startswith("press")), None)
        press_tok = press["chars"] / press["seconds"]["tokenize"] if press else None
        clean_rate = acc["chars"] / stages["clean"]
        row("a", "cleaning throughput (clean_page)", "press releases",
            f"{fmt_n(clean_rate)} chars/s ({stages['clean']:.2f} s)",
            f"bare tokenize {fmt_n(press_tok)} chars/s" if press_tok else "",
            f"{clean_rate / press_tok:.2f}× the tokenize rate" if press_tok else "")
        for k in ("read", "clean", "split", "sentences + kiwi", "attribution", "claims", "programs",
                  "other (analyze glue, categories, ids)", "kiwi.tokenize + kiwi.space calls (all stages)"):
            if k not in stages:
                continue
            row("a", f"· stage: {k}", "press releases", f"{stages[k]:.2f} s ({fmt_n(acc['chars'] / stages[k])} chars/s)",
                f"whole pipeline {total:.2f} s", f"{stages[k] / total:.0%} of the time")
        accuracy = acc["hits"] / acc["records"]
        row("b", "attribution from the text alone", "press releases",
            f"{accuracy:.1%} of {acc['records']} rows ({acc['hits']/max(1, acc['evaluable']):.1%} of the "
            f"{acc['evaluable']} whose source names one government)", "README states 94.3%",
            f"{accuracy * 100 - 94.3:+.1f} points")
        per_k = acc["claims"] / acc["chars"] * 1000
        sy = big["stats"]
        sy_k = sy.get("claims", 0) / max(1, sy["body_chars"][0]) * 1000
        row("c", "claims per 1,000 characters", "press releases", f"{per_k:.2f} ({acc['claims']} claims, "
            f"{acc['articles']} articles)", f"synthetic {L}: {sy_k:.2f} per 1,000 body chars", "")

    lines = [f"# seonggwa benchmarks (issue 7){' — quick run' if cfg.quick else ''}", "",
             f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM; Python {m['python']}, textual "
             f"{m['textual']}, kiwipiepy {m['kiwipiepy']}, SQLite {m['sqlite']}; {m['os']}.",
             f"Run {started}, {wall / 60:.0f} min; load average at start/end {res['load'][0]} / {res['load'][1]}. "
             f"Code: {res['git']} (code hash {res['code_hash']}). Reproduce: `{command}`", "",
             f"Sizes: small {S} and large {L} synthetic articles (tests/bench/generate.py, seed {SEED}); ingest "
             f"sample {size_label(cfg.ingest_sample)}; medians of {cfg.repeats} ingest runs, {cfg.starts} cold "
             f"starts, {cfg.memory_runs} memory runs, {cfg.nav_iterations} navigation rounds, "
             f"{cfg.search_runs} search and {cfg.grep_runs} grep runs per query; in tmux, {cfg.term_rounds} "
             f"rounds of {cfg.term_launches} launches and {cfg.term_keys} rounds of each step's keys. Ratios "
             "compare figures measured in this run.", "",
             "| # | measure | corpus | result | baseline (same run) | ratio | target | |",
             "|---|---|---|---|---|---|---|---|"]
    for r_ in rows:
        lines.append("| " + " | ".join(str(x).replace("|", "\\|") for x in r_) + " |")
    lines += ["", "## Targets missed", ""]
    lines += [f"- {x}" for x in missed] or ["- none"]
    lines += ["", "## Details", ""]
    lines += details(cfg, res)
    return "\n".join(lines) + "\n"


def terminal_rows(term: dict) -> list[tuple]:
    """Return the rows of section 7 (measure, corpus, result, baseline, ratio); each cell gives both terminal
    sizes, 120×40 / 80×24 ("—" where termlat failed: see the log)."""
    at_sizes = list(term["summary"].values())
    sizes = " / ".join(s.replace("x", "×") for s in term["summary"])

    def join(values: list, fmt: str = "{:.0f}") -> str:
        return " / ".join("—" if v is None else fmt.format(v) for v in values)

    def pick(figs: list, key: str, i: int) -> list:
        return [f[key][i] if f else None for f in figs]

    def figures(figs: list) -> str:
        return (f"settled p50 {join(pick(figs, 'settled', 0))}, p95 {join(pick(figs, 'settled', 1))} ms; "
                f"first change p50 {join(pick(figs, 'first', 0))}, p95 {join(pick(figs, 'first', 1))} ms")

    def ratios(app: list, bare: list, key: str, i: int) -> str:
        return join([ratio(a, b) for a, b in zip(pick(app, key, i), pick(bare, key, i))], "{:.2f}×")

    rows = []
    bare_paint = [at["paint"].get("bare") for at in at_sizes]
    for label in term["plans"]:
        paint = [at["paint"].get(label) for at in at_sizes]
        rows.append((f"first paint in tmux: launch → its tree on screen ({sizes})", label,
                     f"{join(paint, '{:.2f}')} s", f"bare app {join(bare_paint, '{:.2f}')} s",
                     join([ratio(a, b) for a, b in zip(paint, bare_paint)], "{:.2f}×")))
    for name, what, _args, _setup, _keys, kinds in TERMINAL_STEPS:
        bare = {kind: [at["bare"].get(kind) for at in at_sizes] for kind in kinds}
        for label in term["plans"]:
            app = [at["steps"].get(label, {}).get(name) for at in at_sizes]
            rows.append((f"· {name}: {what}; key → screen ({sizes})", label, figures(app),
                         "; ".join(f"bare app, ↓ ↑ in its {kind}: {figures(b)}" for kind, b in bare.items()),
                         "; ".join((f"vs its {kind}: " if len(kinds) > 1 else "") +
                                   f"settled p50 {ratios(app, b, 'settled', 0)}, p95 {ratios(app, b, 'settled', 1)}; "
                                   f"first change p50 {ratios(app, b, 'first', 0)}" for kind, b in bare.items())))
    return rows


def build_fit(cfg: Config, res: dict):
    """Fit T(N) = a·N + b·N² to the builds with all cores of this run (small, ingest sample, large)."""
    points = {}
    for key, n in (("small", cfg.small), ("large", cfg.large)):
        rec = res["build"][key]["record"]
        if not rec.get("cached"):
            points[n] = rec["seconds"]
    synth = next((d for d in res["ingest"] if d["label"].startswith("synthetic")), None)
    if synth:
        points[cfg.ingest_sample] = synth["seconds"][f"jobs{cfg.cores}"]
    if len(points) < 2:
        return None
    pts = sorted(points.items())
    s11 = sum(n ** 2 for n, _ in pts)
    s12 = sum(n ** 3 for n, _ in pts)
    s22 = sum(n ** 4 for n, _ in pts)
    t1 = sum(n * t for n, t in pts)
    t2 = sum(n ** 2 * t for n, t in pts)
    det = s11 * s22 - s12 ** 2
    if not det:
        return None
    a = (t1 * s22 - t2 * s12) / det
    b = (s11 * t2 - s12 * t1) / det
    if b < 0:  # no measurable N² term: fit T = a·N
        a, b = t1 / s11, 0.0
    return a, b, pts


def details(cfg: Config, res: dict) -> list[str]:
    L, S = size_label(cfg.large), size_label(cfg.small)
    out = ["Definitions: ingest time is the wall time of `tui.ingest.ingest()` in a fresh process, model loading "
           "and database writes included; its baseline tokenizes the same documents (the text the reader makes of "
           "each file or record) with `Kiwi(load_multi_dict=False, num_workers=1).tokenize`, model loading "
           "excluded. First paint: process launch to the first frame composited for the first real screen "
           "(BrowseScreen; the bare app's only screen), headless, 160×45. Navigation: action → last frame "
           "painted before `settle()` (tests/ui_helpers.py) returned; 'content shown' is action → first frame "
           "showing the new rows, the compare table or the next claim. The settle() floor is what settle() "
           "itself costs with nothing to do. Memory: VmRSS in a fresh process after first paint and one "
           "navigation step (select an agency's term and open an article).", ""]
    for d in res["ingest"]:
        o = d["outcome"]
        runs = {k: [round(x, 1) for x in v] for k, v in d["runs"].items()}
        out.append(f"- Ingest {d['label']}: {fmt_n(d['chars'])} chars; runs (s) {json.dumps(runs)}; last 1-job "
                   f"run: {o['ingested']} files ingested, {o['failed']} failed, {o['articles']} articles, "
                   f"{o['claims']} claims, set aside {json.dumps(o['set_aside'], ensure_ascii=False)}"
                   + (f"; failed e.g. {o['failed_examples'][:2]}" if o["failed"] else ""))
    for label in ("large", "small"):
        info = res["build"][label]
        st = info["stats"]
        objects = ", ".join(f"{n} {b / 2**20:.0f} MiB" for n, b in st["by_object"][:8])
        rec = info["record"]
        out.append(f"- Database {size_label(cfg.large if label == 'large' else cfg.small)}: {rec['files']} files, "
                   f"{rec['failed']} failed, set aside {json.dumps(rec['set_aside'], ensure_ascii=False)}; "
                   f"{st.get('articles')} articles, {st.get('claims')} claims, {st.get('spans')} spans, "
                   f"{st.get('sentences')} sentences; body {fmt_n(st['body_chars'][0] or 0)} chars, raw kept where it "
                   f"differs {fmt_n(st['body_chars'][1] or 0)} chars, stored compressed in "
                   f"{fmt_n(sum(b or 0 for b in st.get('text_bytes', ())))} bytes; largest objects: {objects}")
    p = res["paint"]
    out.append(f"- Cold starts (s): first paint {json.dumps({k: [round(x, 3) for x in v] for k, v in p['runs'].items()})}; "
               f"data shown {json.dumps({k: [round(x, 3) for x in v if x] for k, v in p['ready'].items()})}")
    mem = res["memory"]
    out.append("- Memory (MiB, RSS / peak): " + ", ".join(
        f"{k} {mem['rss_kb'][k] / 1024:.0f} / {mem['hwm_kb'][k] / 1024:.0f}" for k in mem["rss_kb"]))
    out += ["", "Navigation per step (ms; action → last frame, → content shown, → settle() returned; database "
            "time (worker threads) and compositor time (main thread) spent during the step, medians):", "",
            "| step | corpus | p50 | p95 | max | shown p50 | settled p50 | database p50 | frames p50 | no-ops |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for label in (S, L):
        data = res["nav"][label]
        for k, v in data["samples"].items():
            shown = data["shown"].get(k)
            dbm = median(data.get("db_ms", {}).get(k, [])) if data.get("db_ms") else None
            frm = median(data.get("frame_ms", {}).get(k, [])) if data.get("frame_ms") else None
            out.append(f"| {k} | {label} | {pct(v, 50):.0f} | {pct(v, 95):.0f} | {max(v):.0f} | "
                       + (f"{median(shown):.0f}" if shown else "") + f" | {median(data['settled'][k]):.0f} | "
                       + (f"{dbm:.0f}" if dbm is not None else "") + " | "
                       + (f"{frm:.0f}" if frm is not None else "") + f" | {data['noops'].get(k, 0)} |")
        if data.get("errors"):
            out.append(f"| errors shown at {label} | {data['errors']} | | | | | | | | |")
    s = res["search"]
    out += ["", f"Search per query at {L} (ms; grep -rlF of the first word over the raw files):", "",
            "| query | p50 | p95 | hits (limit 100) | grep p50 | files grep found | speed-up |", "|---|---|---|---|---|---|---|"]
    for q, v in s["per_query"].items():
        out.append(f"| {q} | {v['p50']:.1f} | {v['p95']:.1f} | {v['hits']} | {v['grep']:.0f} | {v['grep_files']} | "
                   f"{v['grep'] / v['p50']:.0f}× |")
    if s.get("parts"):
        out += ["", f"Where the slowest query ({s['slowest']}) spends its time (SQL alone, ms, median of 3): "
                + "; ".join(f"{k}: {v[0]:.0f} ms ({v[1]} rows)" for k, v in s["parts"].items())]
    if s.get("profile"):
        out += ["", f"cProfile of the slowest query ({s['slowest']}):", "", "```", s["profile"].strip()[:2500], "```"]
    out += terminal_details(res.get("terminal"))
    st = res["stages"]
    if st:
        misses = ", ".join(f"{k or '(none)'} {v}" for k, v in st["accuracy"]["misses"])
        out += ["", f"Attribution misses by source column: {misses}"]
    return out


def terminal_details(term: dict | None) -> list[str]:
    """Return how section 7 was measured: the keys of each step and what the browser was opened at."""
    if not term or "skipped" in term:
        return []
    how = (f"In tmux (section 7, {TOOLS_LABEL}/termlat.py against {TOOLS_LABEL}/bare_app.py; keys are tmux key "
           "names): first paint is launch → the text given as READY on screen (the bare app's 광주광역시, the "
           "browser's first tree group), median of single launches. A step sends its keys in turn, again and "
           "again, after READY and the setup keys; settled is key → the screen's last change (then still for "
           "250 ms), first change is key → the first; figures are the medians of each launch's p50 and p95, "
           "except a one-key step, launched once per step, whose p50 and p95 are over those launches. The bare "
           "app's tree steps (↓ ↑) refill its table and text from memory; its table steps (Tab, then ↓ ↑) move "
           "the table's cursor.")
    out = ["", how, "",
           "| step | browser opened with | setup keys | keys measured | bare app |", "|---|---|---|---|---|"]
    for name, _what, args, setup, keys, kinds in TERMINAL_STEPS:
        bare = "; ".join(f"{kind}: {' then '.join(filter(None, BARE_KEYS[kind]))}" for kind in kinds)
        out.append(f"| {name} | {' '.join(args) or '(no arguments)'} | {setup or '—'} | {keys} | {bare} |")
    out += ["", "| corpus | READY | {agency} | {term} | {other} |", "|---|---|---|---|---|"]
    out += [f"| {label} | {p['ready']} | {p['agency']} | {p['term']} | {p['other']} |"
            for label, p in term["plans"].items()]
    return out


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the seonggwa benchmark suite (issue 7).")
    parser.add_argument("--articles", type=int, default=None, help="large corpus size (default 100000; 5000 quick)")
    parser.add_argument("--out", type=Path, default=None, help="write the Markdown report here too "
                                                                "(default tests/bench/out/results.md)")
    parser.add_argument("--quick", action="store_true", help="small sizes and few repeats: a smoke run")
    parser.add_argument("--rebuild", action="store_true", help="build the databases again even if cached")
    parser.add_argument("--browser-only", action="store_true",
                        help="measure first paint, memory, navigation and search again on the databases of the last "
                             "run, keeping its ingest figures (after a change to the browser or the queries only)")
    parser.add_argument("--terminal-only", action="store_true",
                        help="measure section 7 (first paint and keys in tmux, against the bare Textual app) again "
                             "on the databases of the last run, keeping its other figures")
    parser.add_argument("--report-only", action="store_true",
                        help="render the report again from the measurements of the last run (out/results.json)")
    args = parser.parse_args(argv)
    quick = args.quick
    large = args.articles or (5000 if quick else 100_000)
    cfg = Config(large=large, small=1000, ingest_sample=min(large, 1000 if quick else 10_000),
                 repeats=1 if quick else 3, starts=3 if quick else 21, memory_runs=2 if quick else 5,
                 nav_iterations=6 if quick else 30, search_runs=3 if quick else 9, grep_runs=1 if quick else 3,
                 term_rounds=1 if quick else 2, term_keys=3 if quick else 8, term_launches=2 if quick else 6,
                 quick=quick, rebuild=args.rebuild)
    command = "python tests/bench/run.py" + (" --quick" if quick else "") + (
        f" --articles {args.articles}" if args.articles else "")
    OUT.mkdir(parents=True, exist_ok=True)
    if args.report_only:
        saved = json.loads((OUT / "results.json").read_text())
        (OUT / "results.json").write_text(sanitize(json.dumps(saved, ensure_ascii=False, indent=1, default=str)))
        text = sanitize(report(cfg, saved.get("machine") or machine(), saved, saved.get("command", command),
                               saved.get("started", "?"), saved.get("wall", 0.0)))
        print(text)
        (args.out or OUT / "results.md").write_text(text, encoding="utf-8")
        return 0
    started_at = time.strftime("%Y-%m-%d %H:%M")
    t0 = time.perf_counter()
    compile_package()
    res: dict = {"load": [loadavg()], "git": git_state(), "code_hash": code_hash()}
    m = machine()
    log(f"machine: {m}")
    if args.browser_only or args.terminal_only:
        return remeasure(cfg, res, m, command, started_at, t0, args.out,
                         "terminal" if args.terminal_only else "browser")

    small_corpus, large_corpus = corpus(cfg.small), corpus(cfg.large)
    sample_corpus = corpus(cfg.ingest_sample)
    # the large build first: it is the longest step, and says early whether N fits the time available
    large_db, large_record = database(synthetic(cfg.large), large_corpus, cfg)
    small_db, small_record = database(synthetic(cfg.small), small_corpus, cfg)
    datasets = []
    if PRESS.exists():
        datasets.append(("press releases (CSV, 1,043 rows)", [PRESS]))
    else:
        log(f"{PRESS_LABEL} not found: its rows are skipped")
    datasets.append((f"synthetic {size_label(cfg.ingest_sample)}", [sample_corpus]))
    res["ingest"] = bench_ingest(cfg, datasets)
    res["stages"] = bench_stages(cfg)

    res["build"] = {"large": {"record": large_record, "stats": db_stats(large_db),
                              "chars": corpus_chars([large_corpus])},
                    "small": {"record": small_record, "stats": db_stats(small_db),
                              "chars": corpus_chars([small_corpus])}}
    L, S = size_label(cfg.large), size_label(cfg.small)
    dbs = {S: small_db, L: large_db}
    bench_browser(cfg, res, dbs, large_corpus)
    press_db = database("press", PRESS, cfg)[0] if PRESS.exists() else None
    res["terminal"] = bench_terminal(cfg, terminal_dbs(press_db, dbs))
    return finish(cfg, res, m, command, started_at, t0, args.out)


def bench_browser(cfg: Config, res: dict, dbs: dict[str, Path], large_corpus: Path) -> None:
    """Sections 3 to 6: first paint, memory, navigation and search."""
    res["paint"] = bench_paint(cfg, dbs)
    places = {label: nav_plans(db, 1)[1] for label, db in dbs.items()}
    res["memory"] = bench_memory(cfg, dbs, places)
    res["nav"] = bench_nav(cfg, dbs)
    res["search"] = bench_search(cfg, dbs[size_label(cfg.large)], large_corpus)


def terminal_dbs(press: Path | None, synthetic_dbs: dict[str, Path]) -> dict[str, Path]:
    """Return the databases of section 7 by corpus label: the press releases (when built), then the synthetic."""
    dbs = {"press releases": press} if press else {}
    dbs.update({f"synthetic {label}": db for label, db in synthetic_dbs.items()})
    return dbs


SECTIONS = ("ingest", "stages", "build", "paint", "memory", "nav", "search", "terminal")  # keys of results.json


def remeasure(cfg: Config, res: dict, m: dict, command: str, started_at: str, t0: float, out, what: str) -> int:
    """Measure sections 3-6 (what="browser") or section 7 ("terminal") again on the databases the last run built
    (whatever code built them), and keep the other figures of that run."""
    flag = f"--{what}-only"
    saved_path = OUT / "results.json"
    if not saved_path.exists():
        log(f"{flag} needs a previous full run (out/results.json)")
        return 2
    saved = json.loads(saved_path.read_text())
    dbs = {}
    for n in (cfg.small, cfg.large):
        dbs[size_label(n)] = last_database(synthetic(n))
        if dbs[size_label(n)] is None:
            log(f"{flag}: no database of {n} articles in out/dbs; run the full suite first")
            return 2
    if what == "browser":
        label, fresh = "sections 3-6", ("paint", "memory", "nav", "search")
        bench_browser(cfg, res, dbs, corpus(cfg.large))
    else:
        label, fresh = "section 7", ("terminal",)
        press = last_database("press") or (database("press", PRESS, cfg)[0] if PRESS.exists() else None)
        dbs = terminal_dbs(press, dbs)
        res["terminal"] = bench_terminal(cfg, dbs)
    built_by = sorted({p.stem.rsplit("-", 1)[1] for p in dbs.values()})
    res.update({k: v for k, v in saved.items() if k in SECTIONS and k not in fresh})
    res["git"] += (f"; {label} re-measured on databases built by code hash {', '.join(built_by)}; "
                   f"the other sections from the run of {saved.get('started', '?')} (code {saved.get('git', '?')})")
    return finish(cfg, res, m, f"{command} {flag}", started_at, t0, out)


def finish(cfg: Config, res: dict, m: dict, command: str, started_at: str, t0: float, out) -> int:
    """Write results.json and the Markdown report."""
    res["load"].append(loadavg())
    if git_state() != res["git"].split(";")[0] or code_hash() != res["code_hash"]:
        res["git"] += f"; NOTE: the code changed during the run (now {git_state()}, hash {code_hash()})"
    res.update(machine=m, command=command, started=started_at, wall=time.perf_counter() - t0)
    (OUT / "results.json").write_text(sanitize(json.dumps(res, ensure_ascii=False, indent=1, default=str)))
    text = sanitize(report(cfg, m, res, command, started_at, res["wall"]))
    print(text)
    target = out or OUT / "results.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    log(f"report written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
