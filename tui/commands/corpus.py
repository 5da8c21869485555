"""Commands that build the database or open the browser: ingest, browse (the default)."""

from __future__ import annotations

from pathlib import Path

import click

from tui.commands.common import (
    EXIT_NOTHING,
    EXIT_OK,
    CliError,
    db_option,
    db_path_of,
    run_ingest,
)


@click.command("ingest")
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




COMMANDS = [ingest_command]
