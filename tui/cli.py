"""Command line: browse (default), ingest, articles, show, claims, programs, agencies, compare, search, export."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import click

from tui import paths
from tui.commands.common import browse_command, db_option

# command name → the module of tui.commands that defines it (in its COMMANDS list). A command's module is imported
# only when that command runs, so opening the browser (no command) imports none of them.
COMMAND_MODULES = {
    "ingest": "corpus",
    "articles": "data", "show": "data", "claims": "data", "programs": "data", "agencies": "data",
    "compare": "compare",
    "fetch": "fetch",
    "search": "review", "review": "review", "reviews": "review", "export": "review",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when they are used (click's documented lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(cmd_name)
        if module is None:
            return None
        commands = importlib.import_module(f"tui.commands.{module}").COMMANDS
        return next(c for c in commands if c.name == cmd_name)


@click.group(cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
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
