"""The navigation pane: metropolitan governments ▸ agencies ▸ elected terms ▸ programs, loaded lazily."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.textsafe import inert
from tui.ui.errors import ReportsWorkerErrors


@dataclass(frozen=True)
class Place:
    """What a tree node stands for: an agency, one of its terms, or a program."""

    kind: str  # group, agency, term, program, more, none (the articles no government is the subject of)
    agency: str | None = None
    term: int | None = None
    program: str | None = None  # program id
    label: str = ""


PROGRAMS_SHOWN = 60  # programs listed under a term (most claims first); the palette finds the others


class NavTree(ReportsWorkerErrors, Tree[Place]):
    """Agencies grouped under their metropolitan government, each with its terms and their programs."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="nav.down"),
        Binding("k", "cursor_up", "Up", show=False, id="nav.up"),
        Binding("l", "expand_or_select", "Open", show=False, id="nav.open"),
        Binding("h", "collapse_or_parent", "Close", show=False, id="nav.close"),
    ]

    def __init__(self, source, **kwargs) -> None:
        super().__init__("기관", data=Place("root"), **kwargs)
        self.source = source
        self.show_root = False
        self.guide_depth = 2
        self.agency_nodes: dict[str, TreeNode[Place]] = {}
        self._unlisted_terms: dict[str, list[dict]] = {}  # an agency's terms, added when it is first opened

    def populate(self, agencies, everything: bool = False, unattributed: str = "") -> None:
        """Rebuild the tree from NavAgency records (metros first, their own data as '본청'), and a last node for the
        claims of articles no government is the subject of, when there are any (unattributed: their count, shown)."""
        self.clear()
        self.agency_nodes.clear()
        self._unlisted_terms.clear()
        metros = {a.full_name: a for a in agencies if a.level == "광역"}
        children: dict[str, list] = {}
        for a in agencies:
            if a.level != "광역":
                children.setdefault(a.parent or a.full_name, []).append(a)
        groups = sorted(set(metros) | set(children), key=lambda m: (-_total(metros.get(m), children.get(m, [])), m))
        for metro in groups:
            kids = children.get(metro, [])
            own = metros.get(metro)
            total = _total(own, kids)
            group = self.root.add(Text(f"{metro}  {total}" if total else metro),
                                  data=Place("group", agency=metro, label=metro), expand=total > 0)
            if own is not None and (own.terms or everything):
                self._add_agency(group, own, f"{metro} 본청")
            for kid in sorted(kids, key=lambda k: (k.level == "교육청", -k.claims, k.name)):
                self._add_agency(group, kid, kid.name)
        if unattributed:
            self.root.add_leaf(Text(f"기관 없음  {unattributed}"), data=Place("none", label="기관 없음"))

    def _add_agency(self, parent: TreeNode[Place], agency, label: str) -> None:
        """Add an agency node; its terms are added when it is first opened (at a hundred thousand articles the
        closed agencies' terms were most of the tree's nodes, built before the first frame for nothing)."""
        text = Text(label)
        if agency.claims:
            text.append(f"  {agency.claims}", style="dim")
        node = parent.add(text, data=Place("agency", agency=agency.full_name, label=label),
                          allow_expand=bool(agency.terms))
        self.agency_nodes[agency.full_name] = node
        if agency.terms:
            self._unlisted_terms[agency.full_name] = agency.terms

    def render_label(self, node: TreeNode[Place], base_style: Style, style: Style) -> Text:
        """Return a node's label fitted to the pane: a name too long for it is shortened with '…', and the count
        after it stays whole (cropped at the pane's edge, 광주광역시 본청  137 read 광주광역시 본청  1)."""
        text = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if node.data and node.data.kind == "term" and text.cell_len > room:
            # 민선 7기 · 김삼호 · 2018–2022 · 15: the years go first, then the head; the term and its count stay
            while text.cell_len > room and len(parts := text.plain.split(" · ")) > 2:
                drop = text.plain.rindex(" · " + parts[-2])
                text = Text.assemble(text[:drop], text[drop + len(parts[-2]) + 3:])
        return fit_label(text, room)

    def term_nodes(self, node: TreeNode[Place]) -> list[TreeNode[Place]]:
        """Return an agency node's term nodes, adding them first if the agency has not been opened yet."""
        terms = self._unlisted_terms.pop(node.data.agency, None) if node.data else None
        for t in terms or ():
            number = t["term"]
            words = [f"민선 {number}기" if number else "기수 미상"]
            if t.get("head"):
                words.append(t["head"])
            if t.get("years"):
                words.append(t["years"])
            words.append(str(t["claims"]))
            node.add(Text(" · ".join(words)), data=Place("term", agency=node.data.agency, term=number,
                                                        label=words[0]), allow_expand=True)
        return list(node.children)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Place]) -> None:
        node = event.node
        if node.data and node.data.kind == "agency":
            self.term_nodes(node)
        if node.data and node.data.kind in ("agency", "term"):
            self._collapse_others(node)
        if node.data and node.data.kind == "term" and not node.children:
            agency, term = node.data.agency, node.data.term
            self.run_worker(lambda: self._load_programs(node, agency, term), thread=True,
                            group="nav-programs", exit_on_error=False)

    def _collapse_others(self, node: TreeNode[Place]) -> None:
        """Keep one agency and one term open at a time (an accordion): the tree stays small, and redrawing it
        costs the same at a hundred thousand articles as at a thousand."""
        kind = node.data.kind
        for agency_node in self.agency_nodes.values():
            if kind == "agency" and agency_node is not node and agency_node.is_expanded:
                agency_node.collapse()
            if kind == "term":
                for term_node in agency_node.children:
                    if term_node is not node and term_node.is_expanded:
                        term_node.collapse()

    def _load_programs(self, node: TreeNode[Place], agency: str, term: int | None) -> None:
        """Fetch a term's programs (worker thread) and add them to its node."""
        rows = self.source.programs(agency, term, limit=PROGRAMS_SHOWN + 1)
        self.app.call_from_thread(self._add_programs, node, rows)

    def _add_programs(self, node: TreeNode[Place], rows: list[dict]) -> None:
        if node.children:
            return
        if not rows:
            node.add_leaf(Text("(사업 없음)", style="dim"), data=Place("more"))
        for r in rows[:PROGRAMS_SHOWN]:
            label = Text(inert(r["name"]))
            label.append(f"  {r['claims']}", style="dim")
            if r["possibly_same"]:
                label.append(" ≈", style="yellow")
            node.add_leaf(label, data=Place("program", agency=r["agency"], term=r["term"], program=r["id"],
                                            label=r["name"]))
        if len(rows) > PROGRAMS_SHOWN:
            node.add_leaf(Text("… 사업 더 있음 (Ctrl+P에서 program: 으로 찾기)", style="dim"), data=Place("more"))

    def select_place(self, agency: str, term: int | None = None) -> bool:
        """Move the cursor to an agency (and term) node; return False if it is not in the tree."""
        node = self.agency_nodes.get(agency)
        if node is None:
            return False
        if node.parent is not None:
            node.parent.expand()
        terms = self.term_nodes(node)
        node.expand()
        target = node
        if term is not None:
            target = next((c for c in terms if c.data and c.data.term == term), node)
        self.move_cursor(target)
        self.select_node(target)
        return True

    def action_expand_or_select(self) -> None:
        """Expand the node under the cursor, or select it when it has nothing to expand."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            node.expand()
        self.select_node(node)

    def action_collapse_or_parent(self) -> None:
        """Collapse the node under the cursor, or move to its parent."""
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)


def fit_label(text: Text, room: int) -> Text:
    """Return text within room cells: the name before its count (the words after its last two spaces, or after
    its last ' · ') shortened with '…', its last word kept when it has one (광주… 본청), and the count kept whole;
    text as it is when it fits or room is unknown."""
    if room <= 0 or text.cell_len <= room:
        return text
    plain = text.plain
    cut = max(plain.rfind("  "), plain.rfind(" · "))
    if cut <= 0:
        return text  # no count to keep: cropped at the edge as before
    tail = text[cut:]
    keep = room - tail.cell_len - 1
    space = plain.rfind(" ", 0, cut)
    word = text[space:cut] if space > 2 and plain[:space].strip(" ▶▼") else Text()
    if keep - word.cell_len < 6:
        word = Text()  # too little room before it: 내 … 안전광산프로젝트 says less than 내 삶을 바꾸는…
    keep -= word.cell_len
    if keep < 2:
        return text
    end = 0
    while end < cut and cell_len(plain[:end + 1]) <= keep:
        end += 1
    while end and plain[end - 1] == " ":
        end -= 1
    return Text.assemble(text[:end], "…", word, tail)


def _total(own, kids) -> int:
    """Return the claims of a metropolitan group."""
    return (own.claims if own else 0) + sum(k.claims for k in kids)
