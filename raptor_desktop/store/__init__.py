"""SQLite storage through sqlite-utils: the only package that speaks SQL."""
