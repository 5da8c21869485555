"""The `seonggwa` command's entry point.

Opening the browser on an existing database (`seonggwa`, or `seonggwa --db FILE`, in a terminal) starts the
browser straight away: the command-line library and the command modules are not imported, so the first screen
is painted sooner. Everything else (a command, an option, no database yet, no terminal) goes to the command line
(tui.cli), which behaves the same for these cases too.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _plain_browse(argv: list[str]) -> Path | None:
    """Return the database to browse when the arguments ask for nothing but the browser on an existing,
    non-empty database file in a terminal; else None."""
    if not argv:
        from tui.paths import default_db_path

        path = default_db_path()
    elif len(argv) == 2 and argv[0] == "--db":
        path = Path(argv[1])
    elif len(argv) == 1 and argv[0].startswith("--db="):
        path = Path(argv[0][len("--db="):])
    else:
        return None
    if not path.name or not sys.stdout.isatty():
        return None
    try:
        return path if path.is_file() and path.stat().st_size > 0 else None
    except OSError:
        return None


def main() -> None:
    """Open the browser, or run the command line."""
    path = _plain_browse(sys.argv[1:])
    if path is None:
        from tui.cli import main as cli_main

        cli_main()
        return
    try:
        from tui.ui.app import make_app

        app = make_app(path)
        app.run()
    except KeyboardInterrupt:
        print("seonggwa: interrupted", file=sys.stderr)
        sys.exit(130)
    if app.return_code:
        sys.exit(app.return_code)


if __name__ == "__main__":  # pragma: no cover
    main()
