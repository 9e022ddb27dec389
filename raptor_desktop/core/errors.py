"""The one base class for refusals a user can act on; anything else that is raised is a bug.

A :class:`Refusal` says what is wrong (``str()``) and, where it helps, what to do about it
(:attr:`hint`). Both faces show it as it is: the command line exits 1 (2 for a usage problem
or a file it cannot use), the window shows the message. Any other exception is a bug: it is
logged with its traceback and shown as one.
"""

from __future__ import annotations


class Refusal(Exception):
    """Bad input, not permitted, a conflict with what is stored, or a damaged file."""

    def __init__(self, message: str = "", hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint

    def full_message(self) -> str:
        return f"{self}. {self.hint}" if self.hint else str(self)


class InputRejected(Refusal, ValueError):
    """A value the user gave cannot be used; ``str()`` says which and why."""


class UnusableFile(Refusal):
    """A file the user named cannot be used: unreadable, damaged, or of the wrong kind."""
