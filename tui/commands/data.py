"""Listing commands: articles, show, claims, programs, agencies (JSON with --json, tables otherwise)."""

from __future__ import annotations

from pathlib import Path

import click

from tui.commands.common import (
    CliError,
    db_option,
    emit_json,
    folding,
    open_db,
    resolve_agency_option,
    resolve_programs,
    stdout_console,
    term_number,
)
from tui.models import ACHIEVEMENT_CLASSES, CLASSES, SPAN_KINDS, STATUSES
from tui.textsafe import inert, inert_path


@click.command("articles")
@db_option
@click.option("--agency")
@click.option("--term")
@click.option("--source", help="Only articles from this file (path or its end).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.pass_context
def articles_command(ctx, db_path: Path | None, agency, term, source, as_json: bool) -> None:
    """List articles: id, source, title, date, outlet, agency, term and flags."""
    from tui.store.read import article_rows

    db = open_db(ctx, db_path)
    rows = article_rows(db, resolve_agency_option(db, agency), term_number(term), source)
    if as_json:
        emit_json([{
            "id": r["id"], "source": r["source"], "url": r["url"], "title": r["title"], "published": r["published"],
            "outlet": r["outlet"], "reporter": r["reporter"], "agency": r["agency"],
            "agencies": [a for a in r["agencies"] if a != r["agency"]], "term": r["term"], "flags": r["flags"],
        } for r in rows])
        return
    from rich.table import Table
    from rich.text import Text

    table = Table("id", "date", "agency", "term", "title", "flags", box=None, pad_edge=False)
    for r in rows:
        table.add_row(r["id"][:8], (r["published"] or "")[:10], Text(r["agency"] or "?"),
                      str(r["term"] or "?"), Text(inert(r["title"])), str(len(r["flags"]) or ""))
    stdout_console().print(folding(table))


@click.command("show")
@click.argument("article_id")
@db_option
@click.option("--raw", is_flag=True, help="Print the raw text as ingested.")
@click.option("--tags", is_flag=True, help="Put each value's kind in brackets after it (always on without colour).")
@click.option("--json", "as_json", is_flag=True, help="Print the article and every span with its offsets as JSON.")
@click.pass_context
def show_command(ctx, article_id: str, db_path: Path | None, raw: bool, tags: bool, as_json: bool) -> None:
    """Print an article with its claims highlighted by kind (plain text when piped, unless --tags)."""
    from rich.text import Text

    from tui.store.read import article_claims, get_article
    from tui.ui.render import article_header, body_text, legend

    db = open_db(ctx, db_path)
    article = get_article(db, article_id)
    if article is None:
        raise CliError(f"no article with id {article_id!r} (see 'seonggwa articles')")
    console = stdout_console()
    if raw:
        console.print(Text(inert(article.raw)))  # escape sequences in the page are shown, never obeyed
        return
    claims = article_claims(db, article.id)
    if as_json:
        emit_json(article_json(article, claims))
        return
    inline = tags or console.is_terminal and console.no_color
    console.print(article_header(article, claims, inline_tags=inline))
    if console.is_terminal:
        console.print(legend())
    console.print()
    console.print(body_text(article.body, claims, inline_tags=inline))
    if article.captions:
        console.print()
        for caption in article.captions:
            console.print(Text("사진: " + inert(caption), style="dim"))
    console.print(Text(f"\n{inert_path(article.source)}", style="dim"))


def article_json(article, claims: list[dict]) -> dict:
    """Return an article as JSON: its metadata, clean body, claims and every span with offsets into the body (or,
    for claims of the title or deck, into those: see each span's zone)."""
    return {
        "id": article.id, "source": article.source, "url": article.url, "title": article.title, "deck": article.deck,
        "published": article.published, "outlet": article.outlet, "reporter": article.reporter,
        "agency": article.agency, "agencies": list(article.agencies), "term": article.term,
        "flags": [f.to_dict() for f in article.flags], "captions": list(article.captions), "body": article.body,
        "claims": [{"id": c["id"], "zone": c.get("zone", "body"), "class": c.get("class"), "status": c["status"],
                    "field": c["category"], "program": c.get("program_name"), "line": c.get("line") or "",
                    "start": c["start"], "end": c["end"]} for c in claims],
        "spans": [{"claim": c["id"], "zone": c.get("zone", "body"), **s} for c in claims for s in c["spans"]],
    }


def claim_json(row: dict) -> dict:
    """Return the JSON object of one claim row (contract fields first)."""
    return {
        "id": row["id"], "article": row["article"], "source": row["source"], "agency": row["agency"],
        "term": row["term"], "program": row.get("program_name"), "category": row["category"],
        "status": row["status"], "class": row.get("class"), "zone": row.get("zone", "body"),
        "echo": bool(row.get("echo")), "line": row.get("line") or "", "sentence": row["text"], "spans": row["spans"], "speaker": row["speaker"],
        "published": row["article_published"], "title": row["title"], "outlet": row["outlet"],
        "review": row.get("review"),
    }


@click.command("claims")
@db_option
@click.option("--agency")
@click.option("--term")
@click.option("--program", help="Program name (spacing-insensitive; part of the name is enough).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(SPAN_KINDS), help="Span kind (repeatable).")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES))
@click.option("--class", "classes", multiple=True, type=click.Choice((*CLASSES, "achievement")),
              help="What the claim is (repeatable); 'achievement' means award, record, rank, funding or outcome.")
@click.option("--review", type=click.Choice(["verified", "disputed", "unchecked"]))
@click.option("--source", help="Only claims from this file.")
@click.option("--no-agency", "no_agency", is_flag=True,
              help="Only claims of articles no local government is the subject of (the browser's 기관 없음).")
@click.option("--limit", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.pass_context
def claims_command(ctx, db_path, agency, term, program, kinds, statuses, classes, review, source, no_agency, limit,
                   as_json) -> None:
    """List claims with their typed spans, status, field and review."""
    from tui.store.read import ClaimFilter, claim_rows, corroboration

    db = open_db(ctx, db_path)
    agency_name = resolve_agency_option(db, agency)
    program_ids = resolve_programs(db, program, agency_name)
    wanted = tuple(dict.fromkeys(c for name in classes
                                 for c in (ACHIEVEMENT_CLASSES if name == "achievement" else (name,))))
    if no_agency and agency_name:
        raise click.UsageError("--no-agency and --agency ask for different claims: give one of them.")
    f = ClaimFilter(agency=agency_name, term=term_number(term), kinds=tuple(kinds), statuses=tuple(statuses),
                    classes=wanted, source=source, review=review, no_agency=no_agency)
    rows = claim_rows(db, f, limit=limit, program_ids=program_ids)
    corroboration(db, rows)
    if as_json:
        emit_json([claim_json(r) for r in rows])
        return
    from rich.table import Table
    from rich.text import Text

    from tui.ui.render import class_label, status_label

    table = Table("id", "class", "status", "claim", "agency", "term", "date", box=None, pad_edge=False)
    for r in rows:
        table.add_row(r["id"][:8], class_label(r.get("class")), status_label(r["status"]),
                      Text(("[제목] " if r.get("zone") == "title" else "") + inert(r.get("line") or r["text"])),
                      Text(r["agency"] or "?"), str(r["term"] or "?"), (r.get("article_published") or "")[:10])
    stdout_console().print(folding(table))


@click.command("programs")
@db_option
@click.option("--agency")
@click.option("--term")
@click.option("--program", help="Only programs whose name matches.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.pass_context
def programs_command(ctx, db_path, agency, term, program, as_json) -> None:
    """List programs (named initiatives) with claim and article counts."""
    from tui.store.read import program_articles, program_rows

    db = open_db(ctx, db_path)
    agency_name = resolve_agency_option(db, agency)
    rows = program_rows(db, agency_name, term_number(term), resolve_programs(db, program, agency_name))
    if as_json:
        ids = program_articles(db, [r["id"] for r in rows])
        emit_json([{"id": r["id"], **{k: r[k] for k in ("name", "agency", "term", "category", "claims")},
                    "articles": ids.get(r["id"], []), "article_count": r["articles"],
                    "possibly_same": r["possibly_same"]} for r in rows])
        return
    from rich.table import Table
    from rich.text import Text

    table = Table("program", "agency", "term", "field", "claims", "articles", "possibly the same", box=None)
    for r in rows:
        table.add_row(Text(inert(r["name"])), Text(r["agency"] or "?"), str(r["term"] or "?"), Text(r["category"]),
                      str(r["claims"]), str(r["articles"]),
                      Text(inert(", ".join(p["name"] for p in r["possibly_same"]))))
    stdout_console().print(folding(table))


@click.command("agencies")
@db_option
@click.option("--all", "everything", is_flag=True, help="Every agency in the gazetteer, not only those with data.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.pass_context
def agencies_command(ctx, db_path, everything, as_json) -> None:
    """List agencies with data and their terms (head, years, articles, claims)."""
    from tui.store.read import agency_rows

    db = open_db(ctx, db_path)
    rows = agency_rows(db, everything)
    if as_json:
        emit_json(rows)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table("agency", "level", "term", "head", "years", "articles", "claims", box=None)
    for r in rows:
        for i, t in enumerate(r["terms"] or [{}]):
            table.add_row(Text(r["full_name"] if i == 0 else ""), Text(r["level"] if i == 0 else ""),
                          f"민선 {t['term']}기" if t.get("term") else "?", Text(t.get("head") or ""),
                          t.get("years") or "", str(t.get("articles", "")), str(t.get("claims", "")))
    stdout_console().print(folding(table))


COMMANDS = [articles_command, show_command, claims_command, programs_command, agencies_command]
