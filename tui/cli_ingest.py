"""Commands that build the database or open the browser: ingest, browse (the default)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tui import paths
from tui.cli import (
    EXIT_NOTHING,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    cli,
    db_option,
    db_path_of,
    term_number,
)
from tui.textsafe import inert, inert_path


def run_ingest(db_path: Path, inputs: list[Path], jobs: int | None = None, mapping: dict | None = None,
               rebuild: bool = False, use_source: bool = True, quiet: bool = False):
    """Ingest with a progress bar and a summary on stderr; return the Summary."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from tui.ingest import ingest
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
                             progress=progress, notice=notice)
        except StoreError as err:
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
    if summary.set_aside:
        aside = ", ".join(f"{n} {why}" for why, n in sorted(summary.set_aside.items()))
        click.echo(f"set aside inside pages: {aside}", err=True)


@cli.command("ingest")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option("--jobs", "-j", type=click.IntRange(1, 64), help="Worker processes (default: all cores).")
@click.option("--map", "mapping", metavar="FIELD=COLUMN,...",
              help="Name the columns/keys of CSV or JSON input, e.g. body=content,title=headline "
                   "(an empty COLUMN ignores a field: source=).")
@click.option("--rebuild", is_flag=True, help="Re-analyse every stored source (reviews stay attached).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.pass_context
def ingest_command(ctx: click.Context, inputs: tuple[Path, ...], db_path: Path | None, jobs: int | None,
                   mapping: str | None, rebuild: bool, quiet: bool) -> None:
    """Read files and folders (.txt .html .csv .json .jsonl) into the database."""
    from tui.pipeline.read import parse_mapping

    if not inputs and not rebuild:
        raise CliError("give files or folders to ingest (or --rebuild)")
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise CliError("no such file or folder: " + ", ".join(missing))
    try:
        fields = parse_mapping(mapping)
    except ValueError as err:
        raise CliError(str(err)) from None
    summary = run_ingest(db_path_of(ctx, db_path), list(inputs), jobs, fields, rebuild, quiet=quiet)
    done = summary.count("ingested") + summary.count("unchanged") + summary.count("duplicate")
    ctx.exit(EXIT_OK if done or not summary.outcomes and rebuild else EXIT_NOTHING)


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
