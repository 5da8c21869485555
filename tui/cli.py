"""Command line: browse (default), ingest, articles, show, claims, programs, agencies, compare, search, export."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from tui import paths
from tui.commands import compare, corpus, data, review
from tui.commands.common import browse_command, db_option


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
        browse_command(ctx=ctx, db_path=db_path, agency=agency, term=term)


def main() -> None:
    """Run the command line, turning interrupts into exit status 130."""
    try:
        cli(prog_name="seonggwa")
    except KeyboardInterrupt:
        click.echo("seonggwa: interrupted", err=True)
        sys.exit(130)


for _module in (corpus, data, compare, review):
    for _command in _module.COMMANDS:
        cli.add_command(_command)
