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
@click.option("--cluster", metavar="[ADDRESS]", is_flag=False, flag_value="local", default=None,
              help="Analyse on Ray workers: a local Ray without ADDRESS, else join the cluster at ADDRESS "
                   "(host:port or auto; write --cluster=ADDRESS). Needs pip install 'seonggwa[cluster]'.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.pass_context
def ingest_command(ctx: click.Context, inputs: tuple[Path, ...], db_path: Path | None, jobs: int | None,
                   mapping: str | None, rebuild: bool, cluster: str | None, quiet: bool) -> None:
    """Read files and folders (.txt .html .csv .json .jsonl) into the database."""
    from tui.pipeline.read import parse_mapping

    if cluster is not None and not _is_address(cluster):
        inputs, cluster = (*inputs, Path(cluster)), "local"  # `--cluster DIR`: the folder is an input
    if cluster is not None:
        import importlib.util

        if importlib.util.find_spec("ray") is None:
            raise CliError("--cluster needs Ray: pip install 'seonggwa[cluster]'")
    if not inputs and not rebuild:
        raise CliError("give files or folders to ingest (or --rebuild)")
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise CliError("no such file or folder: " + ", ".join(missing))
    target = db_path_of(ctx, db_path)
    if rebuild and not inputs and not target.exists():
        # (creating it empty would also keep the browser from loading the bundled sample articles on first start)
        raise CliError(f"nothing to rebuild: {target} does not exist (give files or folders to ingest)")
    try:
        fields = parse_mapping(mapping)
    except ValueError as err:
        raise CliError(str(err)) from None
    summary = run_ingest(target, list(inputs), jobs, fields, rebuild, quiet=quiet,
                         cluster=cluster)
    done = summary.count("ingested") + summary.count("unchanged") + summary.count("duplicate")
    ctx.exit(EXIT_OK if done or not summary.outcomes and rebuild else EXIT_NOTHING)



def _is_address(value: str) -> bool:
    """Return whether a --cluster value names a Ray cluster (local, auto, host:port, ray://…) and not a path."""
    return value in ("local", "auto") or value.startswith("ray://") or (
        ":" in value and value.rpartition(":")[2].isdigit() and not Path(value).exists())


COMMANDS = [ingest_command]
