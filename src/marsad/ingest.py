"""Ingest: files, folders and JSONL into `Document` records, the original kept verbatim.

    iter_documents(paths, manifest=None) -> Iterator[Document | Failure]
    load_manifest(path) -> Manifest

Inputs: `.txt` (UTF-8; the first non-empty line is the title), `.html`/`.htm` (kept as
HTML; read.py extracts the text and the page's metadata) and `.jsonl` (one article a
line: `text` or `html`, with optional `url`, `title`, `published`, `source`, `language`).
Folders are walked recursively in sorted order; inside a folder, files of other types,
hidden files and a file named `manifest.jsonl` are skipped. A bad input becomes a
`Failure(origin, reason)` and the iteration goes on; nothing raises for a bad input.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.model import Document, Failure

log = logging.getLogger(__name__)

MAX_BYTES = 20_000_000  # larger files are refused before they are read
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MANIFEST_NAME = "manifest.jsonl"
METADATA_FIELDS = ("url", "title", "published", "source", "language")
# Control bytes that plain text does not hold (tab, newlines, form feed and escape are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """Metadata for one file (or one JSONL line, as "feed.jsonl#3")."""

    path: str
    published: dt.date | None = None
    url: str = ""
    source: str = ""
    title: str = ""
    language: str = ""


@dataclass(frozen=True)
class Manifest:
    """Metadata for plain files, matched by file name, relative path or path suffix."""

    entries: tuple[ManifestEntry, ...] = ()
    location: str = ""  # the manifest file itself, which a folder walk skips

    def lookup(self, *paths: str) -> ManifestEntry | None:
        """The entry whose path best matches one of `paths` (the longest common path suffix wins)."""
        best: ManifestEntry | None = None
        best_score = 0
        for path in paths:
            parts = _path_parts(path)
            for entry_parts, entry in self._by_name.get(parts[-1] if parts else "", ()):
                score = _suffix_match(entry_parts, parts)
                if score > best_score:
                    best, best_score = entry, score
        return best

    @cached_property
    def _by_name(self) -> dict[str, list[tuple[tuple[str, ...], ManifestEntry]]]:
        # Any suffix match agrees on the file name: index by it so a lookup reads a handful of entries.
        index: dict[str, list[tuple[tuple[str, ...], ManifestEntry]]] = {}
        for entry in self.entries:
            parts = _path_parts(entry.path)
            if parts:
                index.setdefault(parts[-1], []).append((parts, entry))
        return index


def load_manifest(path: Path) -> Manifest:
    """Read a JSONL manifest; a malformed line raises `InputError` naming the line."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the manifest ({exc})") from exc
    entries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        record = _json_object(origin, line)
        if not str(record.get("path") or "").strip():
            raise InputError(origin, "manifest line has no 'path'")
        entries.append(
            ManifestEntry(
                path=str(record["path"]).strip(),
                published=parse_published(origin, record.get("published")),
                **{key: _text_field(record, key) for key in ("url", "source", "title", "language")},
            )
        )
    return Manifest(tuple(entries), location=str(path.resolve()))


def iter_documents(paths: Sequence[Path], manifest: Manifest | None = None) -> Iterator[Document | Failure]:
    """Documents from files and folders, in a deterministic order; bad inputs become `Failure`s."""
    for root in paths:
        root = Path(root)
        if root.is_dir():
            files = list(_walk(root, manifest))
            if not files:
                yield Failure(str(root), "folder holds no .txt, .html, .htm or .jsonl file")
            for file in files:
                yield from _read_file(file, file.relative_to(root).as_posix(), manifest)
        elif root.exists() or root.is_symlink():
            if root.suffix.lower() not in SUPPORTED_SUFFIXES:
                yield Failure(str(root), _unsupported(root))
            else:
                yield from _read_file(root, root.name, manifest)
        else:
            yield Failure(str(root), "no such file or directory")


def _walk(root: Path, manifest: Manifest | None) -> Iterator[Path]:
    skip = manifest.location if manifest else ""
    for file in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix()):
        relative = file.relative_to(root)
        if file.is_dir() or any(part.startswith(".") for part in relative.parts):
            continue
        if file.suffix.lower() not in SUPPORTED_SUFFIXES:
            log.debug("skipping %s: unsupported file type", file)
        elif file.name == MANIFEST_NAME or str(file.resolve()) == skip:
            log.debug("skipping %s: a manifest, not an article", file)
        else:
            yield file


def _read_file(path: Path, relative: str, manifest: Manifest | None) -> Iterator[Document | Failure]:
    origin = str(path)
    try:
        content = read_text_file(path)
    except InputError as exc:
        yield Failure(origin, exc.reason)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_documents(path, relative, content, manifest)
        return
    entry = manifest.lookup(relative, path.as_posix()) if manifest else None
    if suffix in HTML_SUFFIXES:
        doc = Document(origin=origin, content=content, content_format="html", path=origin)
    else:
        title = _title(content)
        doc = Document(origin=origin, content=content, content_format="text", path=origin, title=title)
    yield _with_entry(doc, entry)


def read_text_file(path: Path) -> str:
    """The file's text; raises `InputError` for a missing, large, binary, undecodable or empty file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(str(path), "no such file or directory") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read the file ({exc.strerror or exc})") from exc
    return decode_text(str(path), data)


def decode_text(origin: str, data: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped); refuse binary, undecodable and blank content."""
    head = data[:65536]
    if b"\x00" in head:
        raise InputError(origin, "binary file (contains NUL bytes)")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(head) // 20):
        raise InputError(origin, f"binary file ({controls} control bytes in the first {len(head)})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + len(data) - len(exc.object)  # the decoder's offsets skip a BOM
        reason = f"not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset})"
        raise InputError(origin, reason) from exc
    if not text.strip():
        raise InputError(origin, "empty file" if not text else "file holds only white space")
    return text


def _jsonl_documents(
    path: Path, relative: str, content: str, manifest: Manifest | None
) -> Iterator[Document | Failure]:
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            doc = _jsonl_document(origin, f"{path}#{number}", line)
        except InputError as exc:
            yield Failure(origin, exc.reason)
            continue
        entry = None
        if manifest:
            line_entry = manifest.lookup(f"{relative}#{number}", f"{path.as_posix()}#{number}")
            entry = line_entry or manifest.lookup(relative, path.as_posix())
        yield _with_entry(doc, entry)


def _jsonl_document(origin: str, path: str, line: str) -> Document:
    record = _json_object(origin, line)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        content, content_format = text, "text"
    elif isinstance(html, str) and html.strip():
        content, content_format = html, "html"
    else:
        raise InputError(origin, "JSONL line has no non-empty 'text' or 'html' string")
    return Document(
        origin=origin,
        content=content,
        content_format=content_format,
        path=path,
        published=parse_published(origin, record.get("published")),
        **{key: _text_field(record, key) for key in ("url", "title", "source", "language")},
    )


def parse_published(origin: str, value: Any) -> dt.date | None:
    """A `published` value as a date: "YYYY-MM-DD", or an ISO date-time whose date part is taken."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InputError(origin, f"bad 'published' date {value!r} (expected YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise InputError(origin, f"bad 'published' date {value!r} (expected YYYY-MM-DD)") from exc


def _with_entry(doc: Document, entry: ManifestEntry | None) -> Document:
    """Manifest values override what the file says; empty manifest fields leave it alone."""
    if entry is None:
        return doc
    return replace(
        doc,
        title=entry.title or doc.title,
        url=entry.url or doc.url,
        source=entry.source or doc.source,
        language=entry.language or doc.language,
        published=entry.published or doc.published,
    )


def _json_object(origin: str, line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"malformed JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(origin, f"malformed JSONL line (a JSON {type(record).__name__}, not an object)")
    return record


def _text_field(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


def _title(content: str) -> str:
    return next((line.strip() for line in content.splitlines() if line.strip()), "")


def _unsupported(path: Path) -> str:
    kind = f"'{path.suffix}'" if path.suffix else "without an extension"
    return f"unsupported file type {kind} (expected .txt, .html, .htm or .jsonl)"


def _path_parts(path: str) -> tuple[str, ...]:
    return tuple(part for part in path.replace("\\", "/").split("/") if part not in ("", "."))


def _suffix_match(entry: tuple[str, ...], path: tuple[str, ...]) -> int:
    """How many trailing parts agree, when one path is a suffix of the other; 0 otherwise."""
    shorter = min(len(entry), len(path))
    if shorter == 0 or entry[-shorter:] != path[-shorter:]:
        return 0
    return shorter
