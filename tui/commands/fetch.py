"""The fetch command: article pages from URLs, a list of URLs or RSS/Atom feeds, saved raw into a folder that
ingest reads."""

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
from tui.textsafe import inert, inert_path


def read_url_list(stream) -> list[str]:
    """Return the URLs of a list file: one a line, blank lines and lines starting with # left out."""
    urls = []
    for line in stream:
        line = line.strip()
        if line and not line.startswith("#"):
            urls.append(line)
    return urls


@click.command("fetch")
@click.argument("urls", nargs=-1)
@click.option("--list", "url_list", type=click.File("r", encoding="utf-8-sig"), metavar="FILE",
              help="Read URLs from FILE, one a line ('-' for standard input; # starts a comment line).")
@click.option("--feed", "feeds", multiple=True, metavar="URL",
              help="Fetch every page an RSS or Atom feed lists (repeatable).")
@click.option("--into", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Save pages here (default: the pages folder beside the database).")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True, metavar="SECONDS",
              help="Wait between two requests to the same host (a longer robots.txt Crawl-delay wins).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
              metavar="SECONDS", help="Give up on a request that sends nothing for this long.")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Retries after a 429, a 5xx, a timeout or a connection error, with growing waits.")
@click.option("--refresh", is_flag=True, help="Fetch again pages saved by an earlier run.")
@click.option("--ingest", "then_ingest", is_flag=True, help="Ingest this run's pages into the database afterwards.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@db_option
@click.pass_context
def fetch_command(ctx: click.Context, urls: tuple[str, ...], url_list, feeds: tuple[str, ...], into: Path | None,
                  delay: float, timeout: float, retries: int, refresh: bool, then_ingest: bool, quiet: bool,
                  db_path: Path | None) -> None:
    """Fetch article pages from the web (URLs, a --list file, --feed) into a folder that ingest reads.

    robots.txt is obeyed, one request at a time goes to a host, and pages already saved are skipped unless
    --refresh.
    """
    from tui.fetch import Settings, fetch

    wanted = list(urls)
    if url_list is not None:
        try:
            wanted += read_url_list(url_list)
        except (OSError, UnicodeDecodeError) as err:
            raise CliError(f"{url_list.name}: cannot read the URL list ({err})") from None
    if not wanted and not feeds:
        raise CliError("give URLs, --list FILE or --feed URL to fetch")
    database = db_path_of(ctx, db_path)
    folder = into if into is not None else database.parent / "pages"
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder}: not a folder")  # made when the first page is saved, not before
    settings = Settings(delay=delay, timeout=timeout, retries=retries, refresh=refresh)
    summary = _fetch_with_progress(fetch, wanted, list(feeds), folder, settings, quiet)
    if not quiet:
        _print_summary(summary)
    ok = summary.count("fetched") + summary.count("skipped") > 0
    if then_ingest and summary.pages():
        result = run_ingest(database, summary.pages(), quiet=quiet)
        ok = ok and result.count("ingested") + result.count("unchanged") + result.count("duplicate") > 0
    ctx.exit(EXIT_OK if ok else EXIT_NOTHING)


def _fetch_with_progress(fetch, urls: list[str], feeds: list[str], folder: Path, settings, quiet: bool):
    """Run the fetch with a progress bar on stderr (none when quiet); return the summary."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (TextColumn("[bold]fetch"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    console = Console(stderr=True)
    # only on a terminal: elsewhere (a log, a pipe) the bar would leave its last frame behind
    with Progress(*columns, console=console, transient=True, disable=quiet or not console.is_terminal) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, url: str) -> None:
            bar.update(task, completed=done, total=total, description=inert(url[-60:]))

        return fetch(urls, folder, feeds, settings, progress=progress)


def _print_summary(summary) -> None:
    """Print the counts, the feeds read and one line per failure (URL and reason) on stderr."""
    line = (f"fetched {summary.count('fetched')}, skipped {summary.count('skipped')} (already saved), "
            f"failed {summary.count('failed')}; pages in {inert_path(summary.into)}")
    click.echo(line, err=True)
    for outcome in summary.outcomes:
        if outcome.status == "feed":
            click.echo(f"feed {inert(outcome.url)}: {outcome.entries} page link(s)", err=True)
    for outcome in summary.failures():
        click.echo(f"failed {inert(outcome.url)}: {inert(outcome.reason)}", err=True)


COMMANDS = [fetch_command]
