"""The browse screen: navigation, claims and article panes (collapsing to one pane on narrow terminals)."""

from __future__ import annotations

import time
from dataclasses import replace

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Sparkline, Static, Tree

from tui.models import ACHIEVEMENT_CLASSES, CLASSES, SPAN_KINDS, STATUSES
from tui.store.read import ClaimFilter
from tui.ui.claim_actions import REVIEW_BINDINGS, ClaimActions
from tui.ui.errors import ReportsWorkerErrors
from tui.ui.render import CLASS_LABELS, KIND_LABELS, STATUS_LABELS
from tui.ui.screens.base import PaneScreen
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.claim_list import ClaimList
from tui.ui.widgets.keybar import KeyBar
from tui.ui.widgets.nav import NavTree, Place

NARROW = 110  # below this many columns the article replaces the list instead of sitting beside it


PREVIEW_BURST = 0.08  # claims-list moves closer together than this are one held key
clock = time.monotonic  # (a module name of its own, so that tests can set the time without stopping Textual's)


class BrowseScreen(ReportsWorkerErrors, ClaimActions, PaneScreen):
    """Agencies → terms → programs, their claims, and the article of the selected claim."""

    AUTO_FOCUS = "#claims"

    BINDINGS = [
        *[Binding(str(i + 1), f"toggle_kind('{kind}')", f"Filter {KIND_LABELS[kind]}", show=False,
                  id=f"browse.kind_{kind}", tooltip=f"Show only claims with a {kind} value (toggle)")
          for i, kind in enumerate(SPAN_KINDS)],
        Binding("s", "cycle_status", "Status filter", id="browse.status",
                tooltip="Cycle the status filter: all, achieved, ongoing, planned"),
        Binding("r", "cycle_review", "Review filter", show=False, id="browse.review",
                tooltip="Cycle the review filter: all, verified, disputed, unchecked"),
        Binding("f", "toggle_achievements", "Achievements/all", id="browse.achievements",
                tooltip="Show only achievements (awards, records, ranks, funding, outcomes) or every claim"),
        Binding("0", "clear_filters", "Clear filters", show=False, id="browse.clear"),
        Binding("a", "toggle_all_agencies", "All agencies", show=False, id="browse.all_agencies",
                tooltip="Show every agency of the gazetteer, not only those with articles"),
        Binding("escape,h", "back", "Back", show=False, id="browse.back"),
        Binding("R", "reload", "Reload", show=False, id="browse.reload",
                tooltip="Reload after another process ingested new articles"),
        *REVIEW_BINDINGS,
    ]

    def __init__(self, source, start_agency: str | None = None, start_term: int | None = None) -> None:
        super().__init__()
        self.source = source
        self.start = (start_agency, start_term)
        self.place = Place("all", label="전체")
        self.kinds: tuple[str, ...] = ()
        self.status: str | None = None
        self.review: str | None = None
        self.achievements_only = False
        self.counts_by_class: dict | None = None  # claims of the current place by class (None while counting)
        self.everything = False
        self._preview_timer = None
        self._last_highlight = 0.0  # when the claims list last moved (monotonic seconds)
        self._requested: tuple[str, str | None] | None = None  # the article and claim last asked for
        self.stamp = None
        self.announced = None

    def compose(self):
        with Horizontal(id="panes"):
            yield NavTree(self.source, id="nav")
            with Vertical(id="claims-pane"):
                yield Static(id="claims-title")
                with Horizontal(id="trend"):
                    yield Static(id="trend-label")
                    yield Sparkline([], id="trend-line", summary_function=max)
                yield ClaimList(self.source, id="claims")
            with Horizontal(id="article-pane"):
                yield Static(id="article-edge")  # the article's edge: marks its focus without repainting its text
                yield ArticleView(id="article")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#claims", ClaimList).focus()
        # The tree is read here, before the first frame: a few milliseconds from the per-term summary table
        # (at any size), so the first frame shows the agencies instead of an empty pane and a second frame.
        # The claims, whose counts can take longer, load after it in workers.
        try:
            self._nav_loaded(self.source.nav(self.everything), self.everything, self.source.unattributed())
        except Exception:  # noqa: BLE001  (the worker reports what went wrong, as for any reload)
            self.load_nav()
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        self.apply_filter()
        self.refresh_bindings()  # the footer reflects the focused pane from the start
        self.check_changes()
        self.set_interval(3.0, self.check_changes)

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    def on_descendant_focus(self, event) -> None:
        """Mark the claims pane's title while its list has the focus, and the article's edge while the article has
        it (the tree marks its edge in CSS). A :focus-within rule on the pane was not applied to the title again
        when the focus left it, so the title's class is set here; only the one-line title is restyled. The
        article's edge is a widget of its own: a border of the article itself would repaint its every line."""
        self.query_one("#claims-title", Static).set_class(event.widget.id == "claims", "-focused")
        self.query_one("#article-edge", Static).set_class(event.widget.id == "article", "-focused")

    @property
    def narrow(self) -> bool:
        """Return True when the article replaces the list rather than sitting beside it."""
        return self.has_class("-narrow")

    # ------------------------------------------------------------------ navigation
    def load_nav(self) -> None:
        """Load the navigation tree in a worker."""
        everything = self.everything

        def work() -> None:
            agencies = self.source.nav(everything)
            unattributed = self.source.unattributed()
            self.app.call_from_thread(self._nav_loaded, agencies, everything, unattributed)

        self.run_worker(work, thread=True, exclusive=True, group="nav", exit_on_error=False)

    def _nav_loaded(self, agencies, everything: bool, unattributed: str = "") -> None:
        nav = self.query_one("#nav", NavTree)
        nav.populate(agencies, everything, unattributed)
        agency, term = self.start
        if agency:
            if not nav.select_place(agency, term):
                self.notify(f"No data for {agency}", severity="warning", markup=False)
            self.start = (None, None)
        self.refresh_bindings()

    def on_tree_node_selected(self, event: Tree.NodeSelected[Place]) -> None:
        self._go(event.node.data)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Place]) -> None:
        data = event.node.data
        if data is not None and data.kind in ("agency", "term", "program", "none"):
            self._go(data)

    def _go(self, place: Place | None) -> None:
        if place is None or place.kind in ("more", "root"):
            return
        if place == self.place:
            return
        self.place = place
        self.apply_filter()

    def check_changes(self) -> None:
        """Look (in a worker) whether another process wrote new data since the last load."""
        def work() -> None:
            stamp = self.source.change_stamp()
            self.app.call_from_thread(self._stamped, stamp)

        self.run_worker(work, thread=True, exclusive=True, group="changes", exit_on_error=False)

    def _stamped(self, stamp) -> None:
        if self.stamp is None:
            self.stamp = stamp
        elif stamp != self.stamp and stamp != self.announced:
            self.announced = stamp
            self.notify("New articles were ingested by another process. Press R to reload.", title="New data",
                        timeout=10, markup=False)

    def action_reload(self) -> None:
        """Reload the navigation and the claims from the database."""
        self.stamp = self.announced = None
        self.load_nav()
        self.apply_filter()
        self.check_changes()

    # ------------------------------------------------------------------ claims
    def claim_filter(self) -> ClaimFilter:
        """Return the filter of the current place and toggles."""
        p = self.place
        f = ClaimFilter(kinds=self.kinds, statuses=(self.status,) if self.status else (), review=self.review,
                        classes=ACHIEVEMENT_CLASSES if self.achievements_only else ())
        if p.kind == "program":
            return replace(f, program=p.program)
        if p.kind == "term":
            return replace(f, agency=p.agency, term=p.term)
        if p.kind in ("agency",):
            return replace(f, agency=p.agency)
        if p.kind == "group":
            return replace(f, agency=p.agency)
        if p.kind == "none":
            return replace(f, no_agency=True)
        return f

    def apply_filter(self) -> None:
        """Show the claims of the current place with the current toggles, and count them by class and month."""
        claim_filter = self.claim_filter()
        self.query_one("#claims", ClaimList).set_filter(claim_filter)
        self.counts_by_class = None
        self._title(None)
        if not (claim_filter.agency or claim_filter.program or claim_filter.no_agency):
            self._trend(claim_filter, [])
            return  # every claim of the database: counting them by class would scan the whole table

        def count() -> None:
            counts = self.source.class_counts(claim_filter)
            months = self.source.monthly(claim_filter)
            self.app.call_from_thread(self._counted, claim_filter, counts, months)

        # The chart keeps the last place's months until this place's arrive with its class counts, in one update:
        # hiding it meanwhile would lay the pane out twice per step.
        self.run_worker(count, thread=True, exclusive=True, group="class-counts", exit_on_error=False)

    def _counted(self, claim_filter: ClaimFilter, counts: dict, months: list[tuple[str, int]]) -> None:
        if claim_filter == self.claim_filter():
            self.counts_by_class = counts
            self._title(self.query_one("#claims", ClaimList).total)
            self._trend(claim_filter, months)

    def _trend(self, claim_filter: ClaimFilter, months: list[tuple[str, int]]) -> None:
        """Show the claims per month of the place as a sparkline (block characters: readable without colour)."""
        if claim_filter != self.claim_filter():
            return
        label = Text("월별 ", style="dim")
        if months:
            label.append(f"{months[0][0]}~{months[-1][0]} 최다 {max(n for _, n in months)}", style="dim")
        self._update_if_changed("#trend-label", label)
        line = self.query_one("#trend-line", Sparkline)
        data = [n for _, n in months]
        if list(line.data or []) != data:
            line.data = data
        trend = self.query_one("#trend")
        if trend.display != bool(months):
            trend.display = bool(months)

    def _update_if_changed(self, selector: str, text: Text) -> None:
        """Update a Static only when its text or styles change: an update lays the pane out again."""
        widget = self.query_one(selector, Static)
        if widget.content != text:  # rich Text compares its characters and styled spans
            widget.update(text)

    def action_toggle_achievements(self) -> None:
        """Show only achievements, or every claim (achievements first either way)."""
        self.achievements_only = not self.achievements_only
        self.apply_filter()

    def _title(self, total: int | None) -> None:
        parts = Text()
        parts.append(self._place_label(), style="bold")
        parts.append("  성과만 " if self.achievements_only else "  전체 ")
        parts.append(f"{total if total is not None else '…'}건")
        counts = self.counts_by_class
        if counts:
            achieved = sum(counts.get(c, 0) for c in ACHIEVEMENT_CLASSES)
            parts.append(f" · 성과 {achieved}/{sum(counts.values())}", style="dim")
            shown = [f"{CLASS_LABELS[c]} {counts[c]}" for c in CLASSES if counts.get(c)]
            parts.append(" (" + " ".join(shown) + ")" if shown else "", style="dim")
        for kind in self.kinds:
            parts.append(f" [{KIND_LABELS[kind]}]")
        if self.status:
            parts.append(f" {STATUS_LABELS[self.status]}만")
        if self.review:
            parts.append(f" {self.review}")
        self._update_if_changed("#claims-title", parts)

    def _place_label(self) -> str:
        p = self.place
        if p.kind == "program":
            return f"사업: {p.label}"
        if p.kind == "term":
            return f"{p.agency} · {p.label}"
        if p.kind in ("agency", "group"):
            return p.agency or p.label
        if p.kind == "none":
            return "기관 없음 (어느 지자체도 주체가 아닌 기사)"
        return "전체 주장"

    def on_claim_list_counted(self, event: ClaimList.Counted) -> None:
        self._title(event.total)

    def on_claim_list_highlighted(self, event: ClaimList.Highlighted) -> None:
        if self.narrow or event.row is None:
            return
        if self._preview_timer is not None:
            self._preview_timer.stop()
        row = event.row
        view = self.query_one("#article", ArticleView)
        now = clock()
        burst, self._last_highlight = now - self._last_highlight < PREVIEW_BURST, now
        if view.shows(row["article"], row["id"]):  # another claim of the article on screen: move the highlight
            view.select(row["id"])
            return
        if self._requested == (row["article"], row["id"]):
            return  # the same row announced again (its count arrived): its article is on its way
        if not burst:  # a single move (a key, a new place's first row): show its article at once
            self.load_article(row["article"], row["id"])
            return
        # a held key: wait until the moves pause, so that every row passed over does not load its article
        self._preview_timer = self.set_timer(0.05, lambda: self.load_article(row["article"], row["id"]))

    def on_claim_list_opened(self, event: ClaimList.Opened) -> None:
        row = event.row
        if self.narrow:
            from tui.ui.screens.reader import ReaderScreen

            self.app.push_screen(ReaderScreen(self.source, row["article"], row["id"]))
        else:
            view = self.query_one("#article", ArticleView)
            if view.shows(row["article"], row["id"]):
                view.select(row["id"])  # the preview shows it already: take the focus, do not read it again
            else:
                self.load_article(row["article"], row["id"])
            view.focus()

    def load_article(self, article_id: str, claim_id: str | None) -> None:
        """Load an article in a worker and show it at a claim."""
        self._requested = (article_id, claim_id)

        def work() -> None:
            article, claims = self.source.article(article_id)
            self.app.call_from_thread(self._article_loaded, article, claims, claim_id)

        self.run_worker(work, thread=True, exclusive=True, group="article", exit_on_error=False)

    def _article_loaded(self, article, claims, claim_id) -> None:
        self._requested = None  # arrived (or failed): a row announced again is the view's to judge now
        view = self.query_one("#article", ArticleView)
        if article is None:
            view.clear()
        else:
            view.show(article, claims, claim_id)

    # ------------------------------------------------------------------ actions
    def action_toggle_kind(self, kind: str) -> None:
        """Add or remove a kind from the filter."""
        kinds = set(self.kinds)
        kinds.symmetric_difference_update({kind})
        self.kinds = tuple(k for k in SPAN_KINDS if k in kinds)
        self.apply_filter()

    def action_cycle_status(self) -> None:
        """Cycle the status filter through all, achieved, ongoing and planned."""
        order = (None, *STATUSES)
        self.status = order[(order.index(self.status) + 1) % len(order)]
        self.apply_filter()

    def action_clear_filters(self) -> None:
        """Drop every kind, status and review filter."""
        self.kinds, self.status, self.review = (), None, None
        self.apply_filter()

    def action_toggle_all_agencies(self) -> None:
        """Show the whole gazetteer in the navigation pane, or only agencies with data."""
        self.everything = not self.everything
        self.load_nav()

    def action_cycle_review(self) -> None:
        """Cycle the review filter through all, verified, disputed and unchecked."""
        order = (None, "verified", "disputed", "unchecked")
        self.review = order[(order.index(self.review) + 1) % len(order)]
        self.apply_filter()

    # ------------------------------------------------------------------ claim actions
    def selected_claim(self) -> dict | None:
        """Return the claim highlighted in the article when it has focus, else the one under the list cursor."""
        article = self.query_one("#article", ArticleView)
        if article.has_focus and article.current_claim is not None:
            return article.current_claim
        return self.query_one("#claims", ClaimList).current

    def claim_changed(self, claim_id: str, review: dict) -> None:
        """Show a new review in the list and the article."""
        self.query_one("#claims", ClaimList).update_row(claim_id, review=review)
        self.query_one("#article", ArticleView).update_claim(claim_id, review=review)

    def export_rows(self):
        """Return every claim of the current selection for export."""
        claim_filter, label = self.claim_filter(), self._place_label()

        def rows():
            from tui.store.read import claim_rows

            return claim_rows(self.source.db(), claim_filter)

        return "claims", rows, label

    def action_back(self) -> None:
        """Return focus from the article to the claims list."""
        self.query_one("#claims", ClaimList).focus()
