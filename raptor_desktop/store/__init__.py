"""SQLite storage through sqlite-utils: the only package that speaks SQL."""

from raptor_desktop.store import engine as _engine  # noqa: F401  (before sqlite-utils loads)
