"""A database analysed by earlier rules says so (the CLI after an ingest, the browser once it is up), and `ingest
--rebuild` records the current rules; a first build records them too."""

import sqlite3

from click.testing import CliRunner
from conftest import seed
from ui_helpers import settle

import tui.rules_version as rules
from tui.cli import cli
from tui.ingest import ingest
from tui.store.db import connect
from tui.ui.app import make_app


def stored(path):
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'rules'").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def test_the_rules_are_a_digest_of_the_analysis_code_and_its_data():
    version = rules.rules_version()
    assert len(version) == 16 and int(version, 16) >= 0
    assert rules.rules_version() == version  # read once per process


def test_a_first_build_records_the_rules_and_a_later_ingest_keeps_what_it_knows(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    summary = ingest(path, [seed("000")], jobs=1)
    assert stored(path) == rules.rules_version() and not summary.other_rules
    # the rules change (a newer version of the tool): the stored articles are now the earlier rules' analysis
    monkeypatch.setattr(rules, "rules_version", lambda: "newer-rules")
    summary = ingest(path, [seed("002")], jobs=1)
    assert summary.other_rules  # the new file is the newer rules', the first one still the earlier rules'
    assert stored(path) != "newer-rules"
    assert rules.analysed_by_other_rules(connect(path))
    # a rebuild analyses every source again with the newer rules
    summary = ingest(path, [], jobs=1, rebuild=True)
    assert stored(path) == "newer-rules" and not summary.other_rules


def test_a_first_build_with_a_file_that_fails_still_records_the_rules(tmp_path):
    # the failed file stored nothing: every stored source is these rules' analysis, and nothing says otherwise
    junk = tmp_path / "menu.txt"
    junk.write_text("로그인 회원가입\n", encoding="utf-8")
    path = tmp_path / "s.db"
    summary = ingest(path, [seed("000"), junk], jobs=1)
    assert summary.count("failed") == 1 and summary.count("ingested") == 1
    assert stored(path) == rules.rules_version() and not summary.other_rules


def test_a_rebuild_that_cannot_read_a_source_again_records_nothing(tmp_path, monkeypatch):
    copy = tmp_path / "a.txt"
    copy.write_bytes(seed("000").read_bytes())
    path = tmp_path / "s.db"
    ingest(path, [copy], jobs=1)
    monkeypatch.setattr(rules, "rules_version", lambda: "newer-rules")
    copy.unlink()
    summary = ingest(path, [], jobs=1, rebuild=True)
    assert summary.count("failed") == 1 and summary.other_rules  # its articles are still the earlier rules'
    assert stored(path) != "newer-rules"


def test_the_command_line_says_when_articles_were_analysed_by_earlier_rules(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["--db", str(path), "ingest", str(seed("000"))], catch_exceptions=False)
    assert "earlier rules" not in first.stderr
    monkeypatch.setattr(rules, "rules_version", lambda: "newer-rules")
    later = runner.invoke(cli, ["--db", str(path), "ingest", str(seed("002"))], catch_exceptions=False)
    assert "analysed by earlier rules" in later.stderr and "ingest --rebuild" in later.stderr
    rebuilt = runner.invoke(cli, ["--db", str(path), "ingest", "--rebuild"], catch_exceptions=False)
    assert "earlier rules" not in rebuilt.stderr


async def test_the_browser_says_when_articles_were_analysed_by_earlier_rules(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    ingest(path, [seed("000")], jobs=1)
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not [n for n in app._notifications if "earlier rules" in n.message]
    monkeypatch.setattr(rules, "rules_version", lambda: "newer-rules")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert [n for n in app._notifications if "ingest --rebuild" in n.message]


def test_a_database_without_a_meta_table_counts_as_analysed_by_earlier_rules(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE sources (file TEXT); INSERT INTO sources VALUES ('a.txt');")
    con.close()
    con = sqlite3.connect(path)
    try:
        assert rules.stored_rules(con) is None and rules.analysed_by_other_rules(con)
    finally:
        con.close()
