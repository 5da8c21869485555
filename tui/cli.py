"""Command line: browse (default), ingest, articles, show, claims, programs, agencies, compare, search, export."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from tui import paths

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


class CliError(click.ClickException):
    """A one-line error printed as 'seonggwa: message' with a chosen exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = code

    def show(self, file=None) -> None:
        from tui.textsafe import inert_path

        click.echo(f"seonggwa: {inert_path(self.message)}", err=True)


def db_option(func):
    """Add --db to a command (falls back to the group's --db, then $SEONGGWA_DB, then the default)."""
    return click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
                        help="Database file (default: $SEONGGWA_DB or the user data folder).")(func)


def db_path_of(ctx: click.Context, given: Path | None) -> Path:
    """Return the database path chosen by the command, the group, the environment or the default."""
    if given is not None:
        return given
    root = ctx.find_root()
    if root.obj and root.obj.get("db"):
        return root.obj["db"]
    return paths.default_db_path()


def open_db(ctx: click.Context, given: Path | None, must_exist: bool = True):
    """Return an open database for a command (closed when the command ends), or exit with a one-line reason."""
    path = db_path_of(ctx, given)
    if must_exist and not path.exists():
        raise CliError(f"{path}: no such database (run 'seonggwa ingest PATH' or 'seonggwa' to build it)")
    db = _open(ctx, path)
    ctx.call_on_close(db.conn.close)  # the command's connection ends with the command
    return db


def _open(ctx: click.Context, path: Path):
    """Return a connection, read-only when asked or when the file cannot be written."""
    from tui.store.db import StoreError, connect

    try:
        if ctx.find_root().obj.get("read_only"):
            return connect(path, readonly=True)
        return connect(path)
    except StoreError as err:
        if err.unwritable:
            try:
                return connect(path, readonly=True)  # an unwritable file or medium: read what is there
            except StoreError:
                pass
        raise CliError(str(err)) from None


def emit_json(rows) -> None:
    """Print one JSON array (UTF-8) and nothing else on stdout; characters that could steer a terminal are
    written as \\u escapes (the data is unchanged for a JSON reader)."""
    sys.stdout.write(safe_json(rows))
    sys.stdout.write("\n")


def safe_json(value) -> str:
    """Return JSON text with control, bidi and zero-width characters escaped as \\uXXXX."""
    from tui.textsafe import safe_json_text

    return safe_json_text(json.dumps(value, ensure_ascii=False, indent=1))


def term_number(value: str | None) -> int | None:
    """Return a term number from '7', '7기' or '민선 7기'."""
    if value is None:
        return None
    digits = "".join(c for c in value if c.isdigit())
    if not digits:
        raise CliError(f"--term expects a number such as 7, got {value!r}")
    return int(digits)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.option("--agency", help="Open the browser at this agency (e.g. 광산구).")
@click.option("--term", help="Open the browser at this term (e.g. 7).")
@click.option("--read-only", "read_only", is_flag=True,
              help="Open the database without changing it (reviews cannot be saved).")
@click.version_option(package_name="seonggwa")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, agency: str | None, term: str | None, read_only: bool) -> None:
    """Browse what Korean local governments claim to have achieved, from news articles.

    With no command, opens the browser (building the database from the bundled sample corpus if missing).
    """
    ctx.ensure_object(dict)
    if db_path is None and os.environ.get(paths.DB_ENV):
        db_path = Path(os.environ[paths.DB_ENV])
    ctx.obj["db"] = db_path
    ctx.obj["read_only"] = read_only
    if ctx.invoked_subcommand is None:
        browse(ctx=ctx, db_path=db_path, agency=agency, term=term)


def main() -> None:
    """Run the command line, turning interrupts into exit status 130."""
    try:
        cli(prog_name="seonggwa")
    except KeyboardInterrupt:
        click.echo("seonggwa: interrupted", err=True)
        sys.exit(130)


def browse(**kwargs):
    """Open the browser (defined in cli_ingest, which owns building the default database)."""
    from tui.cli_ingest import browse_command

    return browse_command(**kwargs)


# The commands live in their own modules and attach themselves to the group.
from tui import cli_compare, cli_data, cli_ingest, cli_review  # noqa: E402,F401
