"""Commands for checking claims: search, review, reviews (list, export, import), export."""

from __future__ import annotations

from pathlib import Path

import click

from tui.commands.common import (
    CliError,
    comparison_data,
    db_option,
    emit_json,
    open_db,
    resolve_agency_option,
    resolve_programs,
    stdout_console,
    term_number,
)
from tui.models import REVIEW_STATES, SPAN_KINDS
from tui.textsafe import inert, inert_path


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--agency")
@click.option("--term")
@click.option("--kind", type=click.Choice(SPAN_KINDS), help="Only sentences that are claims of this kind.")
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.pass_context
def search_command(ctx, query, db_path, agency, term, kind, limit, as_json) -> None:
    """Search articles and claims in Korean: words, "quoted phrases", -excluded, agency:/term:/kind: filters."""
    from rich.text import Text

    from tui.store.search import QueryError, parse_query, search

    db = open_db(ctx, db_path)
    parsed = parse_query(" ".join(query))
    try:
        hits = search(db, parsed, resolve_agency_option(db, agency), term_number(term), kind, limit)
    except QueryError as err:
        raise CliError(str(err)) from None
    if as_json:
        emit_json([h.to_dict() for h in hits])
        return
    from tui.ui.render import class_label

    console = stdout_console()
    if not hits:
        console.print(Text(inert(f"no match for {parsed.text!r}")))
    for hit in hits:
        line = Text(f"{hit.article[:8]} ", style="dim")
        line.append(inert(f"{(hit.published or '')[:10]} {hit.agency or '?'} · {hit.title}\n"), style="bold")
        if hit.line:
            line.append(f"    {class_label(hit.cls)} ", style="bold")
            line.append(inert(hit.line) + "\n")
        sentence = Text("    " + inert(hit.text))
        for start, end in hit.matches:
            sentence.stylize("reverse", start + 4, end + 4)
        line.append_text(sentence)
        console.print(line)


@click.command("review")
@click.argument("claim_id")
@click.argument("state", type=click.Choice(REVIEW_STATES))
@db_option
@click.option("--note", default="", help="Why: a source, a correction, a phone call.")
@click.pass_context
def review_command(ctx, claim_id, state, db_path, note) -> None:
    """Mark a claim verified, disputed or unchecked, with an optional note (kept with its history)."""
    from tui.store.reviews import ReviewError, add_review

    db = open_db(ctx, db_path)
    try:
        row = add_review(db, claim_id, state, note)
    except ReviewError as err:
        raise CliError(str(err)) from None
    click.echo(inert(f"{row['claim_key']}: {state}" + (f" ({note})" if note else "")), err=True)


@click.group("reviews")
def reviews_group() -> None:
    """List, export and import reviews."""


@reviews_group.command("list")
@db_option
@click.option("--orphaned", is_flag=True, help="Only reviews whose claim no longer exists.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.pass_context
def reviews_list(ctx, db_path, orphaned, as_json) -> None:
    """List the current review of every reviewed claim (orphaned ones are marked)."""
    from tui.store.reviews import current_reviews

    rows = current_reviews(open_db(ctx, db_path), orphaned)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        mark = " (orphaned: the claim is no longer in the database)" if r["orphaned"] else ""
        click.echo(inert(f"{r['claim_key']}  {r['state']:<9} {r['at'][:19]}  {r['sentence'] or ''}{mark}"))
        if r["note"]:
            click.echo(inert(f"    note: {r['note']}"))


@reviews_group.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.pass_context
def reviews_export(ctx, file, db_path) -> None:
    """Write the whole review history to FILE as JSON Lines."""
    from tui.store.reviews import export_reviews

    count = export_reviews(open_db(ctx, db_path), file)
    click.echo(f"{count} review(s) written to {inert_path(file)}", err=True)


@reviews_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.pass_context
def reviews_import(ctx, file, db_path) -> None:
    """Add the reviews of a JSON Lines file (exact duplicates are skipped)."""
    from tui.store.reviews import ReviewError, import_reviews

    try:
        added, skipped = import_reviews(open_db(ctx, db_path), file)
    except ReviewError as err:
        raise CliError(str(err)) from None
    click.echo(f"{added} review(s) added, {skipped} already present", err=True)


@click.command("export")
@db_option
@click.option("--agency")
@click.option("--term")
@click.option("--program")
@click.option("--compare", nargs=2, metavar="A B", help="Export the comparison of two sides instead.")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout).")
@click.pass_context
def export_command(ctx, db_path, agency, term, program, compare, fmt, output) -> None:
    """Export claims (with sentence, values, source article and review) or a comparison."""
    from tui.exporting import claims_export, comparison_export
    from tui.store.read import ClaimFilter, claim_rows

    db = open_db(ctx, db_path)
    if compare:
        text = comparison_export(comparison_data(db, *compare), fmt)
    else:
        agency_name = resolve_agency_option(db, agency)
        ids = resolve_programs(db, program, agency_name)
        rows = claim_rows(db, ClaimFilter(agency=agency_name, term=term_number(term)), program_ids=ids)
        title = " · ".join(x for x in (agency_name, f"민선 {term_number(term)}기" if term else None, program) if x)
        text = claims_export(rows, fmt, title)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"written to {inert_path(output)}", err=True)
    else:
        click.echo(text, nl=False)


COMMANDS = [search_command, review_command, reviews_group, export_command]
