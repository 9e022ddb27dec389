"""Where things live: the database, backups, the log file, and resources shipped with the program.

Resources are found the same way from a source checkout and from inside a PyInstaller bundle.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "RaptorDesktop"
DB_ENV = "RAPTOR_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """The user's own state folder: the notes of each register's newest log entry."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / "raptor.log"


LOG_BYTES = 1_000_000
LOG_KEPT = 5


def roll_over(path: Path) -> None:
    """A log grown past ``LOG_BYTES`` becomes ``raptor.log.1`` (the older ones move on one,
    the oldest of ``LOG_KEPT`` goes): done as the program starts, so that the start-up does
    not load ``logging.handlers`` (and ``socket`` and ``pickle`` with it) to rotate as it
    writes; a log outgrows the limit by what one run writes, at most."""
    if not path.exists() or path.stat().st_size < LOG_BYTES:
        return
    for n in range(LOG_KEPT - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def setup_logging() -> None:
    """Log to ``raptor.log`` in the platform's log folder (both faces), rolled over at start."""
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        roll_over(log_file())
        handler: logging.Handler = logging.FileHandler(log_file(), encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


def default_db_path() -> Path:
    """``RAPTOR_DB`` if set, else ``raptor.sqlite3`` in the user data folder."""
    override = os.environ.get(DB_ENV, "").strip()
    return Path(override).expanduser() if override else data_dir() / "raptor.sqlite3"


def demo_db_path() -> Path:
    return data_dir() / "demo-training.sqlite3"


def chosen_db_path(given: str | None, *, demo: bool) -> Path:
    """The register ``--db`` names, else the demo's (``--demo``), else the default."""
    if given:
        return Path(given).expanduser()
    return demo_db_path() if demo else default_db_path()


def build_info() -> dict[str, str]:
    """Version, build date and platform written into a bundle by raptor.spec; empty from source."""
    import json

    try:
        data = json.loads(resource_path("build-info.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()}


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, from source or from the bundle."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    root = Path(bundle_root) if bundle_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def register_exists(path: Path) -> bool:
    """Whether a register has been made at ``path`` (an empty file is none yet)."""
    return path.exists() and path.stat().st_size > 0
