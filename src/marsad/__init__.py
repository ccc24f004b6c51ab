"""Marsad: news in Arabic, English and French to PLOVER-coded event data.

    >>> import marsad
    >>> events = marsad.code_text("Iraqi FM Fuad Hussein visited Paris on Monday.", published="2026-03-04")

The public API is `__all__`; names resolve lazily so that `import marsad` and the
CLI start fast and models load only when first used.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "code_text": "marsad.pipeline",
    "code_paths": "marsad.pipeline",
    "load_pipeline": "marsad.pipeline",
    "Pipeline": "marsad.pipeline",
    "Article": "marsad.model",
    "Citation": "marsad.model",
    "Document": "marsad.model",
    "Entity": "marsad.model",
    "Event": "marsad.model",
    "Failure": "marsad.model",
    "Mention": "marsad.model",
    "Sentence": "marsad.model",
    "open_store": "marsad.store",
    "EventQuery": "marsad.store",
    "MarsadError": "marsad.errors",
    "InputError": "marsad.errors",
}

__all__ = sorted([*_EXPORTS, "__version__"])

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
