"""What every command shares: errors and exit codes, the --db option, opening the database, JSON output,
resolving an agency, program or comparison sides from the command line, building the sample database and
opening the browser. Command modules import this module and never each other."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tui import paths
from tui.textsafe import inert, inert_path

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


class CliError(click.ClickException):
    """A one-line error printed as 'seonggwa: message' with a chosen exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = code

    def show(self, file=None) -> None:
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
    db = open_path(ctx, path)
    ctx.call_on_close(db.conn.close)  # the command's connection ends with the command
    return db


def open_path(ctx: click.Context, path: Path):
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


def stdout_console():
    """Return a Rich console for human output on stdout."""
    from rich.console import Console

    return Console(highlight=False)


def folding(table):
    """Return a Rich table whose wrapping columns fold their lines rather than crop them: with the default overflow,
    Rich crops a wrapped line that fills its column exactly (a trailing space counted) and ends it with an
    ellipsis, cutting the word it ends with (`1,000억 원` → `1,000억 …`, `외 13개` → `외 13 …`). Call it once the
    columns are added."""
    for column in table.columns:
        if not column.no_wrap and column.overflow == "ellipsis":
            column.overflow = "fold"
    return table


def resolve_agency_option(db, agency: str | None) -> str | None:
    """Return the full name of an agency filter, or exit with the reason."""
    from tui.store.read import FilterError, resolve_agency

    if not agency:
        return None
    try:
        return resolve_agency(db, agency)
    except FilterError as err:
        raise CliError(str(err)) from None


def resolve_programs(db, program: str | None, agency: str | None) -> list[str] | None:
    """Return the program ids a --program filter means (None without the filter), or exit with the reason."""
    from tui.store.read import FilterError, resolve_program

    if not program:
        return None
    try:
        return resolve_program(db, program, agency)
    except FilterError as err:
        raise CliError(str(err)) from None


def resolve_sides(db, specs: list[str]) -> list:
    """Return the sides of 'AGENCY[@TERM]' and 'CITY/*[@TERM]' specs, or exit with the reason."""
    from tui.store.compare import parse_sides
    from tui.store.read import FilterError

    try:
        sides = parse_sides(db, specs)
    except FilterError as err:
        raise CliError(str(err)) from None
    if len(sides) < 2:
        raise CliError("a comparison needs two sides or more, e.g. 광산구@7 서구@8, or 광주광역시/*@8")
    return sides


def comparison_data(db, left_spec: str, right_spec: str) -> dict:
    """Return the comparison of two 'AGENCY[@TERM]' sides, or exit with the reason."""
    from tui.store.compare import compare, field_order

    left, right = resolve_sides(db, [left_spec, right_spec])[:2]
    return compare(db, left, right, field_order(db))


def run_ingest(db_path: Path, inputs: list[Path], jobs: int | None = None, mapping: dict | None = None,
               rebuild: bool = False, use_source: bool = True, quiet: bool = False, cluster: str | None = None):
    """Ingest with a progress bar and a summary on stderr; return the Summary. cluster analyses on Ray
    workers ("local" or a cluster's address; see tui.ingest.ingest)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from tui.ingest import ClusterError, ingest
    from tui.store.db import StoreError

    console = Console(stderr=True)
    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=console, transient=True, disable=quiet) as bar:
        task = bar.add_task("", total=None)

        def progress(file: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=inert_path(Path(file).name))

        def notice(message: str) -> None:
            click.echo(f"seonggwa: {message}", err=True)

        try:
            summary = ingest(db_path, inputs, jobs=jobs, mapping=mapping, rebuild=rebuild, use_source=use_source,
                             progress=progress, notice=notice, cluster=cluster)
        except (StoreError, ClusterError) as err:
            raise CliError(str(err)) from None
    if not quiet:
        _print_summary(summary)
    return summary


def _print_summary(summary) -> None:
    """Print what was ingested, unchanged and skipped, with reasons, on stderr."""
    for outcome in summary.outcomes:
        if outcome.status == "failed":
            click.echo(f"seonggwa: {inert_path(outcome.file)}: {inert(outcome.reason)}", err=True)
        elif outcome.status == "duplicate":
            click.echo(f"seonggwa: {inert_path(outcome.file)}: skipped, {inert_path(outcome.reason)}", err=True)
    line = (f"{summary.count('ingested')} file(s) ingested: {summary.articles} article(s), {summary.claims} "
            f"claim(s); {summary.count('unchanged')} unchanged; {summary.count('duplicate')} duplicate; "
            f"{summary.count('failed')} failed")
    click.echo(line, err=True)
    from tui.pipeline.process import HEADLINE_ONLY

    kept = summary.set_aside.get(HEADLINE_ONLY, 0)
    aside = ", ".join(f"{n} {why}" for why, n in sorted(summary.set_aside.items()) if why != HEADLINE_ONLY)
    if aside:
        click.echo(f"set aside inside pages: {aside}", err=True)
    if kept:
        click.echo(f"{kept} {HEADLINE_ONLY}", err=True)
    if summary.other_rules:
        from tui.rules_version import OUTDATED_HINT

        click.echo(f"seonggwa: {OUTDATED_HINT}", err=True)


def ensure_default_db(db_path: Path) -> None:
    """Build the database from the bundled sample corpus when it does not exist yet."""
    if db_path.exists() and db_path.stat().st_size > 0:
        return
    click.echo(f"seonggwa: building {inert_path(db_path)} from the bundled sample articles", err=True)
    summary = run_ingest(db_path, [paths.seeds_dir()])
    if not summary.count("ingested"):
        raise CliError("could not build the sample database", EXIT_NOTHING)


def browse_command(ctx: click.Context, db_path: Path | None, agency: str | None = None,
                   term: str | None = None, compare: tuple | None = None) -> None:
    """Open the browser on the database (built from the sample corpus first if missing)."""
    path = db_path_of(ctx, db_path)
    readonly = bool(ctx.find_root().obj.get("read_only"))
    if not readonly:
        ensure_default_db(path)
    if not sys.stdout.isatty():
        raise CliError("the browser needs a terminal; use the listing commands (seonggwa --help) in scripts",
                       EXIT_USAGE)
    agency_name = None
    if agency:
        from tui.store.db import StoreError, connect
        from tui.store.read import FilterError, resolve_agency

        try:
            db = connect(path, readonly=readonly)
        except StoreError as err:
            raise CliError(str(err)) from None
        try:
            agency_name = resolve_agency(db, agency)
        except FilterError as err:
            raise CliError(str(err)) from None
        finally:
            db.conn.close()
    from tui.ui.app import make_app

    app = make_app(path, agency=agency_name, term=term_number(term), compare=compare, readonly=readonly)
    app.run()
    if app.return_code:
        sys.exit(app.return_code)
