"""Marsad's exceptions.

MarsadError
 +-- InputError      an input cannot be read (binary, empty, undecodable, malformed, too large)
 +-- StoreError      the store cannot be opened or written
 +-- EvaluationError a dev set is missing or not in the expected format
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error Marsad raises on purpose."""


class InputError(MarsadError):
    """An input that cannot be read; the message names the input and the reason."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class StoreError(MarsadError):
    """The store cannot be opened or written."""


class EvaluationError(MarsadError):
    """A dev set is missing or malformed."""
