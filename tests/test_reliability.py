"""Issue 8: killed ingests, concurrent use, bad database files, odd terminals, fast keys, input limits."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS, seed
from ui_helpers import settle

from tui.cli import cli
from tui.ingest import ingest
from tui.store.db import StoreError, connect
from tui.ui.app import make_app
from tui.ui.screens.browse import BrowseScreen
from tui.ui.screens.too_small import TooSmallScreen


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def make_pages(folder, count: int, round_: int) -> None:
    """Write `count` distinct pages built from the seeds (different in every round)."""
    folder.mkdir(exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(count):
        extra = f"\n\n광산구는 {round_}차 점검에서 시민 {i + 1}{round_}명이 참여한 설명회를 열었다고 밝혔다.\n"
        (folder / f"page_{i:03d}.txt").write_text(texts[i % len(texts)] + extra, encoding="utf-8")


def check_consistent(db) -> None:
    """Assert the database is intact and holds only whole files."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for source, file, articles in con.execute("SELECT id, file, articles FROM sources"):
            stored = con.execute("SELECT count(*) FROM articles WHERE source_id = ?", [source]).fetchone()[0]
            assert stored == articles, file
        orphans = [
            "SELECT count(*) FROM articles WHERE source_id NOT IN (SELECT id FROM sources)",
            "SELECT count(*) FROM claims WHERE article NOT IN (SELECT id FROM articles)",
            "SELECT count(*) FROM spans WHERE claim_rid NOT IN (SELECT rid FROM claims)",
            "SELECT count(*) FROM search_docs WHERE article NOT IN (SELECT id FROM articles)",
        ]
        for sql in orphans:
            assert con.execute(sql).fetchone()[0] == 0, sql
        con.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")  # raises on a damaged index
        # each article's search rows are the consecutive rows it names, and no other article's
        assert con.execute("SELECT count(*) FROM search_docs d LEFT JOIN articles a ON d.rowid BETWEEN "
                           "a.search_first AND a.search_last AND a.id = d.article WHERE a.id IS NULL").fetchone()[0] == 0
        assert con.execute("SELECT coalesce(sum(search_last - search_first + 1), 0) FROM articles").fetchone()[0] \
            == con.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow
def test_ingest_killed_at_random_points_leaves_whole_files_and_keeps_reviews(tmp_path):
    folder, db = tmp_path / "pages", tmp_path / "k.db"
    make_pages(folder, 24, 0)
    ingest(db, [folder / "page_000.txt"], jobs=1)
    claim = json.loads(run(db, "claims", "--json").stdout)[0]["id"]
    assert run(db, "review", claim, "verified", "--note", "before the crashes").exit_code == 0
    rng = random.Random(8)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_ in range(1, 5):
        make_pages(folder, 24, round_)  # changed files: each must be replaced whole, or not at all
        proc = subprocess.Popen([sys.executable, "-m", "tui", "--db", str(db), "ingest", "-q", "-j", "1",
                                 str(folder)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.2, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        check_consistent(db)
        reviews = sqlite3.connect(db).execute("SELECT state, note FROM reviews").fetchall()
        assert reviews == [("verified", "before the crashes")]
    summary = ingest(db, [folder], jobs=1)
    assert summary.count("failed") == 0
    assert summary.count("ingested") + summary.count("unchanged") == 24
    check_consistent(db)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 24


def test_two_ingests_at_once_wait_for_each_other(tmp_path):
    db = tmp_path / "two.db"
    notices: list[str] = []
    results = {}

    def worker(name, paths, notice=None):
        results[name] = ingest(db, paths, jobs=1, notice=notice)

    first = threading.Thread(target=worker, args=("a", [SEEDS]))
    first.start()
    time.sleep(0.3)
    second = threading.Thread(target=worker, args=("b", [seed("002"), seed("004")], notices.append))
    second.start()
    first.join()
    second.join()
    assert results["a"].count("failed") == 0 and results["b"].count("failed") == 0
    check_consistent(db)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM sources").fetchone()[0] == 5
    assert not notices or "waiting" in notices[0]


async def test_browser_offers_to_reload_when_another_process_ingests(tmp_path):
    db = tmp_path / "live.db"
    ingest(db, [seed("000")], jobs=1)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        browse = app.screen
        before = browse.query_one("ClaimList").total
        done = threading.Event()
        threading.Thread(target=lambda: (ingest(db, [seed("002")], jobs=1), done.set())).start()
        while not done.is_set():
            await pilot.pause(0.1)
        browse.check_changes()
        await settle(pilot)
        assert any("Press R to reload" in n.message for n in app._notifications)
        await pilot.press("R")
        await settle(pilot)
        assert browse.query_one("ClaimList").total > before


@pytest.mark.parametrize("content, message", [
    (b"hello, not a database", "not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x01" * 200, "damaged"),
])
def test_bad_database_files_give_one_line(tmp_path, content, message):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    result = run(path, "claims", "--json")
    assert result.exit_code == 2 and message in result.stderr and result.stderr.count("\n") == 1


def test_truncated_database_is_reported_not_a_traceback(seed_copy):
    data = seed_copy.read_bytes()
    seed_copy.write_bytes(data[: len(data) // 3])
    result = run(seed_copy, "claims", "--json")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_a_folder_given_as_database(tmp_path):
    result = run(tmp_path, "articles", "--json")
    assert result.exit_code == 2 and "folder" in result.stderr


def test_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    result = run(path, "articles", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_newer_schema_refused_and_store_error_raised(tmp_path):
    path = tmp_path / "new.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE articles(id TEXT)")
    con.execute("PRAGMA user_version = 42")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer seonggwa"):
        connect(path)
    assert "newer seonggwa" in run(path, "articles", "--json").stderr


async def test_read_only_database_browses_and_explains_reviews(seed_copy):
    assert run(seed_copy, "--read-only", "claims", "--json").exit_code == 0
    result = CliRunner().invoke(cli, ["--db", str(seed_copy), "--read-only", "review",
                                      json.loads(run(seed_copy, "claims", "--json").stdout)[0]["id"], "verified"])
    assert result.exit_code == 2 and "read-only" in result.stderr
    app = make_app(seed_copy, readonly=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("ClaimList").total > 0
        await pilot.press("v")
        await settle(pilot)
        assert any("read-only" in n.message for n in app._notifications)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only files")
def test_unwritable_file_is_opened_read_only(seed_copy):
    seed_copy.chmod(0o444)
    seed_copy.parent.chmod(0o555)
    try:
        assert run(seed_copy, "claims", "--json").exit_code == 0
    finally:
        seed_copy.parent.chmod(0o755)
        seed_copy.chmod(0o644)


async def test_resizing_every_screen_down_to_40x12_and_back(seed_db):
    from tui.store.compare import Side

    app = make_app(seed_db)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        openers = [lambda: None, lambda: app.open_compare(Side("광주광역시 광산구", 7), Side("광주광역시 서구", 8)),
                   lambda: app.action_search(), lambda: app.action_help()]
        for open_screen in openers:
            app._back_to_browse()
            open_screen()
            await settle(pilot)
            screen = app.screen
            for size in [(120, 40), (80, 24), (59, 20), (40, 12), (100, 14), (200, 60)]:
                await pilot.resize_terminal(*size)
                await settle(pilot)
                small = size[0] < 60 or size[1] < 15
                assert isinstance(app.screen, TooSmallScreen) == small
                if small:
                    assert f"now {size[0]}×{size[1]}" in str(app.screen.query_one("#too-small").render())
            assert app.screen is screen


async def test_keys_faster_than_the_screen_updates(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        keys = ["j", "k", "enter", "n", "p", "escape", "tab", "j", "l", "shift+tab", "1", "s", "0", "2", "r"] * 12
        for key in keys:
            await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
        assert app.screen.query_one("ClaimList").total >= 0


def run_on_pty(db, env: dict, steps: list, seconds: float = 40, args: tuple = ()):
    """Run the browser on a pseudo-terminal; each step waits for its marker (None: no marker) to appear after the
    previous keystroke, then a little longer, then types its keys. (Not "until the screen is quiet": a focused
    input's blinking cursor redraws twice a second.) A lone Esc needs a pause before the next key, or it reads
    as Alt+key.

    Returns how many steps were typed, everything the app wrote and its exit code (None if it had to be killed)."""
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-m", "tui", "--db", str(db), *args], env)
    output = b""
    done, seen_at, found_at, sent_at = 0, 0, None, time.time()
    deadline = time.time() + seconds
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        if done < len(steps):
            marker, keys = steps[done]
            if found_at is None and (marker is None or marker.encode() in output[seen_at:]):
                found_at = time.time()
            if found_at is not None and time.time() - found_at > 0.6 and time.time() - sent_at > 1.0:
                os.write(fd, keys)
                done, seen_at, found_at, sent_at = done + 1, len(output), None, time.time()
    finished, status = 0, 0
    grace = time.time() + 10  # the pty closes a moment before the process has exited
    while not finished and time.time() < grace:
        finished, status = os.waitpid(pid, os.WNOHANG)
        if not finished:
            time.sleep(0.05)
    if not finished:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        code = None
    else:
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    os.close(fd)
    return done, output.decode("utf-8", "replace"), code


def pty_env(term: str, no_color: bool = False) -> dict:
    env = {**os.environ, "TERM": term, "PYTHONPATH": str(ROOT), "COLUMNS": "100", "LINES": "30"}
    env.pop("NO_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    return env


@pytest.mark.parametrize("term, no_color", [("xterm-256color", False), ("screen", False), ("dumb", False),
                                            ("xterm-256color", True)])
def test_real_terminal_start_and_quit(seed_copy, term, no_color):
    """Run the browser on a pseudo-terminal with odd TERM values and NO_COLOR, then quit with q."""
    done, text, code = run_on_pty(seed_copy, pty_env(term, no_color), [("전체 주장", b"q")], seconds=25)
    assert done == 1, text[-2000:]
    assert code == 0 and "Traceback" not in text, text[-2000:]


def test_keyboard_only_on_a_terminal_without_mouse(seed_copy):
    """A VT100-class terminal that reports no mouse: help, search, opening a result and backing out all by keys."""
    steps = [("전체 주장", b"?"), ("Remap any key", b"\x1b"), (None, b"/"), (None, "복지".encode()),
             ("광주광역시", b"\r"), (None, b"\r"), ("Next claim in article", b"\x1b"), (None, b"\x1b"),
             (None, b"\x1b"), (None, b"q")]
    # the results (each naming its agency) are the marker: "N result(s)" can be replaced by the preview at once
    done, text, code = run_on_pty(seed_copy, pty_env("vt100"), steps, seconds=60)
    assert done == len(steps), (done, text[-2000:])
    assert code == 0 and "Traceback" not in text, text[-2000:]


def test_the_matrix_of_every_district_on_an_80x24_terminal(seed_copy):
    """Issue 13: 광주광역시/*@8 opens the matrix on a real 80x24 terminal; the right arrow scrolls to the last
    district while the field names stay in view; Enter opens a cell's claims, Esc comes back, q leaves."""
    env = {**pty_env("xterm-256color"), "COLUMNS": "80", "LINES": "24"}
    right = b"\x1b[C"
    steps = [("분야별 성과", right * 5), ("광산구 8기", b"\r"), ("성과", b"\x1b"), ("분야별 성과", b"q"),
             ("전체 주장", b"q")]
    done, text, code = run_on_pty(seed_copy, env, steps, seconds=60, args=("compare", "광주광역시/*@8", "--tui"))
    assert done == len(steps), (done, text[-2000:])
    assert code == 0 and "Traceback" not in text, text[-2000:]
    assert "자치·소통·혁신" in text  # the field names are drawn throughout


def test_the_change_check_reads_the_sources_again_only_after_another_connection_commits(tmp_path):
    """The browser asks every few seconds whether another process ingested; the answer is read from the sources
    table only when SQLite says another connection committed, so the check does not hold the shared connection
    for a scan of every source on each tick."""
    from tui.ui.data import DataSource

    db = tmp_path / "live.db"
    ingest(db, [seed("000")], jobs=1)
    source = DataSource(db)
    statements = []
    source.db()._db.conn.set_trace_callback(statements.append)
    first = source.change_stamp()
    assert source.change_stamp() == first and source.change_stamp() == first
    assert sum("FROM sources" in s for s in statements) == 1
    ingest(db, [seed("002")], jobs=1)  # another connection commits
    second = source.change_stamp()
    assert second != first
    assert sum("FROM sources" in s for s in statements) == 2
    ingest(db, [seed("002")], jobs=1, rebuild=True)  # the newest file read again: its row is written anew
    assert source.change_stamp() != second


def test_the_ingest_lock_leaves_no_file_behind_and_still_excludes(tmp_path):
    """Noticed in issue 14: each database path left an empty lock file in the user's folder for good. The lock
    file is removed when the ingest ends, and a second ingest that waited on the removed file locks a new one, so
    two never hold the lock at once."""
    from tui.ingest import IngestLock

    db = tmp_path / "one.db"
    with IngestLock(db) as lock:
        path = lock.path
        assert path.exists()
    assert not path.exists()
    notices, order = [], []

    def second():
        with IngestLock(db, on_wait=notices.append):
            order.append("second in")
            time.sleep(0.05)
            order.append("second out")

    with IngestLock(db):
        order.append("first in")
        thread = threading.Thread(target=second)
        thread.start()
        while not notices:  # the second one is waiting on the file this one is about to remove
            time.sleep(0.01)
        order.append("first out")
    thread.join(5)
    assert order == ["first in", "first out", "second in", "second out"]
    assert len(notices) == 1 and "waiting" in notices[0]
    assert not path.exists()
