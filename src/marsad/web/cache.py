"""Aggregates cached until the store changes.

Series, counts and the network graph scan many rows; their answers only change
when something is ingested. The store's version is the highest rowid of its
events and articles (the store never deletes), which costs two index look-ups.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class AggregateCache:
    """A small LRU of computed aggregates, emptied whenever the store's version moves."""

    def __init__(self, db: sqlite3.Connection, size: int = 256) -> None:
        self._db = db
        self._size = size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._version: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def version(self) -> tuple[int, int]:
        row = self._db.execute(
            "SELECT (SELECT coalesce(max(rowid), 0) FROM events),"
            " (SELECT coalesce(max(rowid), 0) FROM articles)"
        ).fetchone()
        return int(row[0]), int(row[1])

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for `key`, computed (and kept) when missing or stale."""
        current = self.version()
        with self._lock:
            if current != self._version:
                self._entries.clear()
                self._version = current
            if key in self._entries:
                self._entries.move_to_end(key)
                value: T = self._entries[key]
                return value
        value = compute()
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return value
