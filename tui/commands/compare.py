"""The compare command: two sides aligned by field, or many sides as a matrix (districts or terms across, fields
down), printed as tables, Markdown, CSV or JSON, or opened in the browser."""

from __future__ import annotations

import click

from tui.commands.common import (
    browse_command,
    db_option,
    folding,
    open_db,
    resolve_sides,
    stdout_console,
)
from tui.textsafe import inert


def matrix_data(db, specs: list[str]) -> dict:
    """Return the matrix of the sides specs name, or exit with the reason."""
    from tui.store.compare import field_order
    from tui.store.matrix import matrix

    return matrix(db, resolve_sides(db, specs), field_order(db))


@click.command("compare")
@click.argument("sides", nargs=-1, required=True)
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "md", "csv", "json"]), default="table")
@click.option("--matrix", "as_matrix", is_flag=True, help="Show two sides as a matrix too.")
@click.option("--tui", "open_tui", is_flag=True, help="Open the comparison in the browser.")
@click.pass_context
def compare_command(ctx, sides, db_path, fmt, as_matrix, open_tui) -> None:
    """Compare agencies or terms field by field: AGENCY[@TERM] AGENCY[@TERM] … (광산구@7 서구@8), or every
    district of a city (광주광역시/*@8). Two sides are aligned claim by claim; more make a matrix."""
    db = open_db(ctx, db_path)
    chosen = resolve_sides(db, list(sides))
    if open_tui:
        db.conn.close()
        browse_command(ctx, db_path, compare=tuple(chosen))
        return
    if len(chosen) == 2 and not as_matrix:
        from tui.store.compare import compare, field_order

        data = compare(db, chosen[0], chosen[1], field_order(db))
        if fmt == "table":
            _compare_table(data)
        else:
            from tui.exporting import comparison_export

            click.echo(comparison_export(data, fmt), nl=False)
        return
    from tui.store.compare import field_order
    from tui.store.matrix import matrix

    data = matrix(db, chosen, field_order(db))
    if fmt == "table":
        _matrix_table(data)
    else:
        from tui.exporting import matrix_export

        click.echo(matrix_export(data, fmt), nl=False)


def _compare_table(data: dict) -> None:
    """Print a comparison as terminal tables: the honest header figures, then each field's claims side by side."""
    from rich.table import Table
    from rich.text import Text

    from tui.figures import figure_rows
    from tui.ui.render import badges, status_label

    console = stdout_console()
    head = Table(box=None)
    for header in ("", data["left"]["label"], data["right"]["label"]):
        head.add_column(header=Text(header))
    for (_, label, left), (_, _, right) in zip(figure_rows(data["left"]), figure_rows(data["right"])):
        head.add_row(label, Text(inert(left)), Text(inert(right)))
    console.print(folding(head))
    for field in data["fields"]:
        only = {"left": " (left only)", "right": " (right only)"}.get(field["only"], "")
        table = Table(title=Text(field["field"] + only), expand=True)
        table.add_column(Text(data["left"]["label"]), ratio=1)
        table.add_column(Text(data["right"]["label"]), ratio=1)
        for i in range(max(len(field["left"]), len(field["right"]))):
            cells = []
            for side in ("left", "right"):
                rows = field[side]
                if i < len(rows):
                    cell = badges({s["kind"] for s in rows[i]["spans"]})
                    cell.append(f" {status_label(rows[i]['status'])} ")
                    cell.append(inert(rows[i].get("line") or rows[i]["text"]))
                    cells.append(cell)
                else:
                    cells.append(Text(""))
            table.add_row(*cells)
        console.print(folding(table))


def _matrix_table(data: dict) -> None:
    """Print a matrix: fields down, sides across; each cell the achievements and the top claim's line."""
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    from tui.store.matrix import short_label

    table = Table(box=None, show_lines=False)
    names = ["성과 (주장)"] + [f["field"] for f in data["fields"]]
    table.add_column("분야", style="bold", no_wrap=True, min_width=max(cell_len(n) for n in names))
    for side in data["sides"]:
        table.add_column(Text(short_label(side)), overflow="ellipsis", no_wrap=True, max_width=28,
                         min_width=cell_len(short_label(side)))
    table.add_row("성과 (주장)", *[f"{s['achievements']} ({s['claims']})" for s in data["sides"]])
    for field in data["fields"]:
        cells = []
        for cell in field["cells"]:
            text = Text(f"{cell['achievements']}", style="bold")
            if cell["top"]:
                text.append(" " + inert(cell["top"]["line"]))
            cells.append(text)
        table.add_row(Text(field["field"]), *cells)
    stdout_console().print(table)


COMMANDS = [compare_command]
