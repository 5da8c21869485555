"""Turning failed workers into visible notices (Worker.StateChanged does not bubble, so each owner mixes this in)."""

from __future__ import annotations

from textual.worker import Worker, WorkerState

from tui.textsafe import inert


class ReportsWorkerErrors:
    """Mixin for widgets and screens that run workers: a failed worker becomes a notice, never a traceback."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.app.notify(inert(str(error)), title="Could not load", severity="error", timeout=8, markup=False)
