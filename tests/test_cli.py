"""The command-line contract: JSON shapes, exit codes, messages naming files and reasons."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import seed

from tui.cli import cli


def run(*args, env=None):
    """Invoke the CLI in-process and return the result."""
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_articles_json_contract(seed_db):
    result = run("--db", str(seed_db), "articles", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 10
    for row in rows:
        assert {"id", "source", "title", "published", "outlet", "reporter", "agency", "term", "flags"} <= set(row)
    gwangsan = [r for r in rows if r["title"].startswith("광산구, 성과집")][0]
    assert gwangsan["agency"] == "광주광역시 광산구" and gwangsan["term"] == 7
    assert gwangsan["flags"][0]["code"] == "term_conflict"


def test_db_option_works_after_the_command_and_from_the_environment(seed_db):
    after = run("articles", "--json", "--db", str(seed_db))
    env = run("articles", "--json", env={"SEONGGWA_DB": str(seed_db)})
    assert json.loads(after.stdout) == json.loads(env.stdout)


def test_agency_filter_accepts_short_names(seed_db):
    rows = json.loads(run("--db", str(seed_db), "articles", "--agency", "광산구", "--json").stdout)
    assert rows and {r["agency"] for r in rows} == {"광주광역시 광산구"}


def test_unknown_agency_is_a_usage_error(seed_db):
    result = run("--db", str(seed_db), "articles", "--agency", "없는구", "--json")
    assert result.exit_code == 2 and "unknown agency" in result.stderr


def test_show_prints_the_article(seed_db):
    result = run("--db", str(seed_db), "articles", "--json")
    article = json.loads(result.stdout)[0]
    shown = run("--db", str(seed_db), "show", article["id"][:8])
    assert shown.exit_code == 0 and article["title"] in shown.stdout


def test_show_unknown_id_exits_2(seed_db):
    result = run("--db", str(seed_db), "show", "zzzz")
    assert result.exit_code == 2 and "no article" in result.stderr


def test_ingest_missing_path_exits_2(tmp_path):
    result = run("--db", str(tmp_path / "x.db"), "ingest", str(tmp_path / "nope"))
    assert result.exit_code == 2 and "nope" in result.stderr


def test_rebuilding_a_database_that_does_not_exist_says_so_and_creates_none(tmp_path):
    db = tmp_path / "none.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--rebuild"])
    assert result.exit_code == 2 and "nothing to rebuild" in result.output and str(db) in result.output
    assert not db.exists()


def test_ingest_nothing_ingestible_exits_1_and_names_the_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("--db", str(tmp_path / "x.db"), "ingest", "-q", str(empty))
    assert result.exit_code == 1
    loud = run("--db", str(tmp_path / "x.db"), "ingest", str(empty))
    assert "empty.txt: empty file" in loud.stderr


def test_ingest_reports_a_summary_and_exits_0(tmp_path):
    result = run("--db", str(tmp_path / "x.db"), "ingest", str(seed("002")))
    assert result.exit_code == 0
    assert "1 file(s) ingested: 1 article(s)" in result.stderr


def test_missing_database_for_listing_exits_2(tmp_path):
    result = run("--db", str(tmp_path / "none.db"), "articles", "--json")
    assert result.exit_code == 2 and "no such database" in result.stderr


def test_python_dash_m_works(seed_db):
    out = subprocess.run([sys.executable, "-m", "tui", "--db", str(seed_db), "agencies", "--json"],
                         capture_output=True, text=True, check=True)
    names = [r["full_name"] for r in json.loads(out.stdout)]
    assert "광주광역시 광산구" in names


@pytest.mark.parametrize("bogus", [b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 10])
def test_bad_database_file_is_one_line_exit_2(tmp_path, bogus):
    path = tmp_path / "bad.db"
    path.write_bytes(bogus)
    result = run("--db", str(path), "articles", "--json")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_wrapped_table_cells_fold_rather_than_crop_a_line_that_fills_the_column():
    """Rich ends a wrapped line that fills its column exactly with an ellipsis, cutting the word it ends with
    (`1,000억 원` read `1,000억 …` in `seonggwa compare` at 80 columns); the command tables fold instead."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tui.commands.common import folding

    cell = "16개 금액 (20건): 1,000억 원 · 300억 원 · 40억 원 외 13개 금액"

    def rendered(table):
        table.add_row("재원 확보", Text(cell), Text(cell))
        table.add_row("기록 (최초·최대·)", "4건", "8건")
        out = io.StringIO()
        Console(file=out, width=80, color_system=None).print(table)
        return out.getvalue()

    def table():
        t = Table(box=None)
        for header in ("", "왼쪽", "오른쪽"):
            t.add_column(header=Text(header))
        return t

    assert "…" in rendered(table())  # what Rich does on its own at this width
    text = rendered(folding(table()))
    assert "…" not in text
    assert "1,000억 원" in text and "13개" in text
