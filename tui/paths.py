"""Where the database and the reference data live (functions only, no import-time work)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "seonggwa"
DB_ENV = "SEONGGWA_DB"


def data_dir() -> Path:
    """Return the folder holding the reference data (agencies.csv, seeds/ ...).

    An installed wheel carries it as ``tui/_data``; a checkout or an editable
    install uses the top-level ``data/`` folder beside the package.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    if packaged.is_dir():
        return packaged
    return here.parent / "data"


def seeds_dir() -> Path:
    """Return the folder of the bundled sample corpus."""
    return data_dir() / "seeds"


def user_data_dir() -> Path:
    """Return the per-user data folder (platform specific), without creating it."""
    from platformdirs import user_data_path

    return Path(user_data_path(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """Return the database path: $SEONGGWA_DB if set, else the user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "seonggwa.db"


def lock_dir() -> Path:
    """Return a per-user folder for lock files, outside the user's own folders: the runtime folder (a tmpfs
    cleared at logout on Linux) when there is one, else the cache folder."""
    import sys
    import warnings

    from platformdirs import user_cache_path, user_runtime_path

    makers = [user_cache_path]
    if os.environ.get("XDG_RUNTIME_DIR") or sys.platform != "linux":
        makers.insert(0, user_runtime_path)  # without XDG_RUNTIME_DIR, platformdirs would guess a /tmp path
    for make in makers:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            folder = Path(make(APP_NAME, appauthor=False))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    import tempfile

    return Path(tempfile.gettempdir())
