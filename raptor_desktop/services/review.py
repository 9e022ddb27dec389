"""MoPI review: records due, kept with a reason and a next date, or disposed of (logged)."""

from __future__ import annotations

from raptor_desktop.store.retention import ERASERS, ReviewItem, dispose, keep, review_list

__all__ = ["ERASERS", "ReviewItem", "dispose", "keep", "review_list"]
