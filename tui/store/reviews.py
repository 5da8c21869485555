"""Reviews: a history of verdicts per stable claim id, never overwritten or deleted; export and import."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tui.models import REVIEW_STATES
from tui.store.db import Database, by_id_or_prefix
from tui.store.schema import CLAIM_TEXT


class ReviewError(Exception):
    """A review that cannot be recorded (unknown claim, bad state, read-only database)."""


def now() -> str:
    """Return the current UTC time, precise enough to order reviews."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def resolve_claim(db: Database, claim_id: str) -> tuple[str, str, str | None]:
    """Return (claim id, sentence, agency) for a full id or a unique prefix; raise ReviewError otherwise."""
    _names, rows = by_id_or_prefix(db, "SELECT id, article, agency FROM claims WHERE {id}", claim_id, limit=3)
    exact = [r for r in rows if r[0] == claim_id]
    if not exact and not rows:
        raise ReviewError(f"no claim with id {claim_id!r} (see 'seonggwa claims --json')")
    if not exact and len({r[0] for r in rows}) > 1:
        raise ReviewError(f"{claim_id!r} matches several claims; give more of the id")
    key, article, agency = (exact or rows)[0]
    sentence = db.execute(f"SELECT {CLAIM_TEXT} FROM claims c JOIN articles a ON a.id = c.article "
                          "WHERE c.id = ? AND c.article = ?", [key, article]).fetchone()[0]
    return key, sentence, agency


def add_review(db: Database, claim_id: str, state: str, note: str = "") -> dict:
    """Record a review of a claim (a new history row) and return it."""
    if state not in REVIEW_STATES:
        raise ReviewError(f"state must be one of {', '.join(REVIEW_STATES)}, not {state!r}")
    key, sentence, agency = resolve_claim(db, claim_id)
    row = {"claim_key": key, "state": state, "note": note or "", "at": now(), "sentence": sentence,
           "agency": agency}
    try:
        with db.conn:
            db.conn.execute("INSERT INTO reviews(claim_key, state, note, at, sentence, agency) VALUES (?,?,?,?,?,?)",
                            [row[k] for k in ("claim_key", "state", "note", "at", "sentence", "agency")])
    except sqlite3.OperationalError as err:  # a read-only file, medium or --read-only
        if "readonly" in str(err) or "read-only" in str(err):
            raise ReviewError("the database is read-only here, so the review cannot be saved") from None
        raise
    return row


def history(db: Database, claim_key: str) -> list[dict]:
    """Return every review of a claim, oldest first."""
    cur = db.execute("SELECT claim_key, state, note, at, sentence, agency FROM reviews WHERE claim_key = ? "
                     "ORDER BY at, rowid", [claim_key])
    return [dict(zip([d[0] for d in cur.description], r)) for r in cur]


def current_reviews(db: Database, orphaned_only: bool = False) -> list[dict]:
    """Return the latest review of every reviewed claim, marking those whose claim no longer exists."""
    cur = db.execute(
        "SELECT r.claim_key, r.state, r.note, r.at, r.sentence, r.agency, "
        "EXISTS (SELECT 1 FROM claims c WHERE c.id = r.claim_key) AS present "
        "FROM reviews r WHERE r.rowid = (SELECT r2.rowid FROM reviews r2 WHERE r2.claim_key = r.claim_key "
        "ORDER BY r2.at DESC, r2.rowid DESC LIMIT 1) ORDER BY r.at DESC")
    rows = []
    for key, state, note, at, sentence, agency, present in cur:
        if orphaned_only and present:
            continue
        rows.append({"claim_key": key, "state": state, "note": note or "", "at": at, "sentence": sentence,
                     "agency": agency, "orphaned": not present})
    return rows


def export_reviews(db: Database, path: Path) -> int:
    """Write the whole review history as JSON Lines and return the number of rows."""
    cur = db.execute("SELECT claim_key, state, note, at, sentence, agency FROM reviews ORDER BY at, rowid")
    names = [d[0] for d in cur.description]
    count = 0
    with Path(path).open("w", encoding="utf-8") as handle:
        for row in cur:
            handle.write(json.dumps(dict(zip(names, row)), ensure_ascii=False) + "\n")
            count += 1
    return count


def import_reviews(db: Database, path: Path) -> tuple[int, int]:
    """Add review rows from JSON Lines (skipping exact duplicates); return (added, skipped)."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ReviewError(f"{path}: line {number} is not JSON ({err.msg})") from None
        if not isinstance(row, dict) or not row.get("claim_key") or row.get("state") not in REVIEW_STATES \
                or not row.get("at"):
            raise ReviewError(f"{path}: line {number} needs claim_key, state ({'/'.join(REVIEW_STATES)}) and at")
        rows.append(row)
    added = skipped = 0
    with db.conn:
        for row in rows:
            exists = db.execute("SELECT 1 FROM reviews WHERE claim_key = ? AND state = ? AND coalesce(note,'') = ? "
                                "AND at = ?", [row["claim_key"], row["state"], row.get("note") or "", row["at"]]
                                ).fetchone()
            if exists:
                skipped += 1
                continue
            db.conn.execute("INSERT INTO reviews(claim_key, state, note, at, sentence, agency) VALUES (?,?,?,?,?,?)",
                            [row["claim_key"], row["state"], row.get("note") or "", row["at"], row.get("sentence"),
                             row.get("agency")])
            added += 1
    return added, skipped
