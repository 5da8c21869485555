"""Issue 14: the browser on an existing database starts without the command-line library; anything else goes
to the command line as before."""

import subprocess
import sys

import pytest

from tui import launch


class FakeApp:
    def __init__(self, path):
        self.path, self.return_code, self.ran = path, 0, False

    def run(self):
        self.ran = True


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)


@pytest.mark.parametrize("argv", [["--db", "{db}"], ["--db={db}"]])
def test_the_browser_on_an_existing_database_skips_the_command_line(tmp_path, monkeypatch, terminal, argv):
    db = tmp_path / "x.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    started = []
    import tui.ui.app as app_module

    monkeypatch.setattr(app_module, "make_app", lambda path: started.append(FakeApp(path)) or started[-1])
    monkeypatch.setattr("tui.cli.main", lambda: pytest.fail("the command line was not needed"))
    monkeypatch.setattr(sys, "argv", ["seonggwa", *[a.format(db=db) for a in argv]])
    launch.main()
    assert started and started[0].path == db and started[0].ran


@pytest.mark.parametrize("argv", [["claims", "--json"], ["--db", "{db}", "claims"], ["--agency", "광산구"], ["--help"],
                                  ["--db", "{missing}"], ["--read-only"]])
def test_anything_else_goes_to_the_command_line(tmp_path, monkeypatch, terminal, argv):
    db = tmp_path / "x.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    called = []
    monkeypatch.setattr("tui.cli.main", lambda: called.append(True))
    monkeypatch.setattr(sys, "argv", ["seonggwa", *[a.format(db=db, missing=tmp_path / "none.db") for a in argv]])
    launch.main()
    assert called == [True]


def test_without_a_terminal_the_command_line_says_why(tmp_path):
    """Not a terminal (a script, a pipe): the command line answers as it did, with its message."""
    db = tmp_path / "x.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    proc = subprocess.run([sys.executable, "-m", "tui", "--db", str(db)], capture_output=True, text=True, check=False,
                          timeout=60)
    assert proc.returncode != 0 and "the browser needs a terminal" in proc.stderr


def test_the_entry_point_imports_neither_click_nor_the_commands():
    code = "import sys, tui.launch; print(sorted(m for m in sys.modules if m == 'click' or m.startswith('tui.commands')))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60)
    assert proc.stdout.strip() == "[]"
