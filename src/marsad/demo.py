"""The built-in demo corpus: invented articles in Arabic, English and French, with gold."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from marsad.ingest import Manifest, load_manifest


def demo_dir() -> Path:
    """The folder of the packaged demo corpus."""
    return Path(str(files("marsad") / "data" / "demo"))


def demo_inputs() -> tuple[list[Path], Manifest]:
    """The demo's input folders and its manifest, ready for `ingest_paths`."""
    root = demo_dir()
    return [root / "articles", root / "feeds"], load_manifest(root / "manifest.jsonl")
