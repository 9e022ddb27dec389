"""What an attached exhibit file must be: a PDF or an image that really is one."""

from __future__ import annotations

SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
"""The first bytes each kind of file starts with: a name alone says nothing of the content."""


def attachment_problem(name: str, suffix: str, head: bytes) -> str | None:
    """Why a file named ``name`` (``suffix`` lower case) with first bytes ``head`` cannot be
    attached, or None."""
    starts = SIGNATURES.get(suffix)
    if starts is None:
        return f"{name}: attach a PDF or an image ({', '.join(SIGNATURES)})"
    if not head.startswith(starts):
        return (
            f"{name} is called {suffix} but its content is not a {suffix.lstrip('.').upper()} file"
        )
    return None
