"""Command palette entries: 'agency: …', 'program: …' and 'compare: …'."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.models import Side


class _Cached(Provider):
    """A provider that loads its entries once, in a thread, when the palette opens."""

    entries: list[tuple[str, object]] | None = None

    async def startup(self) -> None:
        self.entries = await asyncio.to_thread(self.load)

    def load(self) -> list[tuple[str, object]]:
        """Return (label, target) pairs."""
        raise NotImplementedError

    def run(self, target) -> None:
        """Act on a chosen entry."""
        raise NotImplementedError

    async def discover(self) -> Hits:
        for label, target in (self.entries or [])[:40]:
            yield DiscoveryHit(label, partial(self.run, target))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, target in self.entries or []:
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self.run, target), text=label)


class AgencyCommands(_Cached):
    """Jump to an agency or one of its terms."""

    def load(self):
        entries = []
        for a in self.app.source.nav():
            entries.append((f"agency: {a.full_name}", (a.full_name, None)))
            for t in a.terms:
                if t["term"] is not None:
                    head = f" · {t['head']}" if t.get("head") else ""
                    entries.append((f"agency: {a.full_name} · 민선 {t['term']}기{head}", (a.full_name, t["term"])))
        return entries

    def run(self, target) -> None:
        self.app.go_to(*target)


class ProgramCommands(_Cached):
    """Jump to a program: the most claimed are offered at once; typing searches every program in the database."""

    SHOWN = 200  # candidates fetched per query, most claims first, before fuzzy scoring

    def load(self):
        return self._entries(None, 40)

    def _entries(self, letters: str | None, limit: int) -> list[tuple[str, object]]:
        from tui.store.read import program_rows

        rows = program_rows(self.app.source.db(), letters=letters, limit=limit)
        return [(f"{r['label']} · {r['claims']}건",
                 (r["agency"], r["term"], r["id"], r["name"])) for r in rows]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, target in await asyncio.to_thread(self._entries, query, self.SHOWN):
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self.run, target), text=label)

    def run(self, target) -> None:
        self.app.go_to_program(*target)


class CompareCommands(_Cached):
    """Open a comparison: consecutive terms of one agency, or two agencies in the same term."""

    def load(self):
        agencies = self.app.source.nav()
        entries = []
        for a in agencies:
            terms = sorted(t["term"] for t in a.terms if t["term"] is not None)
            for earlier, later in zip(terms, terms[1:]):
                entries.append((f"compare: {a.full_name} 민선 {earlier}기 vs 민선 {later}기",
                                (Side(a.full_name, earlier), Side(a.full_name, later))))
        for i, a in enumerate(agencies):
            for b in agencies[i + 1:]:
                if a.parent == b.parent or a.parent == b.full_name or b.parent == a.full_name:
                    entries.append((f"compare: {a.full_name} vs {b.full_name}",
                                    (Side(a.full_name, None), Side(b.full_name, None))))
        entries.append(("compare: choose two sides…", None))
        return entries

    def run(self, target) -> None:
        self.app.open_compare(*(target or (None, None)))
