from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from marsad import ingest
from marsad.errors import InputError
from marsad.ingest import Manifest, ManifestEntry, iter_documents, load_manifest
from marsad.model import Document, Failure

DATA = Path(__file__).parent / "data" / "ingest"


def collect(paths: list[Path], manifest: Manifest | None = None) -> list[Document | Failure]:
    return list(iter_documents(paths, manifest))


def only(items: list[Document | Failure]) -> Document | Failure:
    assert len(items) == 1, items
    return items[0]


def failure_reason(path: Path) -> str:
    item = only(collect([path]))
    assert isinstance(item, Failure), item
    assert item.origin == str(path)
    return item.reason


def test_text_file_keeps_content_and_takes_first_line_as_title() -> None:
    doc = only(collect([DATA / "en_article.txt"]))
    assert isinstance(doc, Document)
    assert doc.content_format == "text"
    assert doc.title == "Jordan and Iraq agree to share border intelligence"
    assert not doc.content.startswith("\ufeff")  # the BOM is dropped
    assert "Share this article" in doc.content  # the original is kept verbatim
    assert doc.path == doc.origin == str(DATA / "en_article.txt")


def test_html_file_is_kept_as_html() -> None:
    doc = only(collect([DATA / "ar_page.html"]))
    assert isinstance(doc, Document)
    assert doc.content_format == "html"
    assert doc.content.startswith("<!DOCTYPE html>")
    assert doc.title == ""  # read.py extracts it


def test_folder_walk_is_sorted_recursive_and_skips_manifest_and_other_types(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second\n\nBody.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First\n\nBody.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("Hidden", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text('{"path": "a.txt"}\n', encoding="utf-8")
    titles = [d.title for d in collect([tmp_path]) if isinstance(d, Document)]
    assert titles == ["First", "Second"]
    assert all(isinstance(d, Document) for d in collect([tmp_path]))


def test_jsonl_lines_become_documents_or_failures() -> None:
    items = collect([DATA / "feed.jsonl"])
    origin = str(DATA / "feed.jsonl")
    by_origin = {item.origin: item for item in items}
    assert list(by_origin) == [f"{origin}:{n}" for n in (1, 2, 3, 4, 5, 7, 8)]
    first = by_origin[f"{origin}:1"]
    assert isinstance(first, Document)
    assert first.path == f"{origin}#1"
    assert first.published == dt.date(2024, 4, 5)
    assert (first.url, first.source, first.language) == ("https://example.net/1", "Test Feed", "en")
    assert isinstance(by_origin[f"{origin}:7"], Document)
    assert by_origin[f"{origin}:7"].content_format == "html"  # type: ignore[union-attr]
    reasons = {n: by_origin[f"{origin}:{n}"] for n in (3, 4, 5, 8)}
    assert all(isinstance(r, Failure) for r in reasons.values())
    assert "malformed JSON" in reasons[3].reason  # type: ignore[union-attr]
    assert "no non-empty 'text' or 'html'" in reasons[4].reason  # type: ignore[union-attr]
    assert "bad 'published' date '05/04/2024'" in reasons[5].reason  # type: ignore[union-attr]
    assert "not an object" in reasons[8].reason  # type: ignore[union-attr]


def test_binary_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert failure_reason(path) == "binary file (contains NUL bytes)"


def test_control_bytes_without_nul_count_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 20)
    assert failure_reason(path).startswith("binary file")


@pytest.mark.parametrize(
    ("content", "reason"), [(b"", "empty file"), (b" \n\t\n", "file holds only white space")]
)
def test_empty_files_fail(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert failure_reason(path) == reason


def test_latin1_file_names_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le ministre a déclaré".encode("latin-1"))
    assert failure_reason(path) == "not valid UTF-8 (byte 0xe9 at offset 15)"


def test_undecodable_byte_offset_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfab\xff")
    assert failure_reason(path) == "not valid UTF-8 (byte 0xff at offset 5)"


def test_file_over_the_limit_fails_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("A long article.\n" * 10, encoding="utf-8")
    assert failure_reason(path) == "file too large (160 bytes; the limit is 100)"


def test_missing_and_unsupported_paths_fail_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    items = collect([tmp_path / "missing.txt", tmp_path / "report.pdf", DATA / "en_article.txt"])
    assert [type(i) for i in items] == [Failure, Failure, Document]
    assert items[0].origin.endswith("missing.txt")
    assert items[0].reason == "no such file or directory"  # type: ignore[union-attr]
    assert items[1].reason.startswith("unsupported file type '.pdf'")  # type: ignore[union-attr]


def test_folder_without_articles_fails(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    item = only(collect([tmp_path]))
    assert item == Failure(str(tmp_path), "folder holds no .txt, .html, .htm or .jsonl file")


def test_unreadable_file_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert failure_reason(path) == "cannot read the file (Permission denied)"


def test_manifest_overrides_file_metadata_by_name_relative_path_and_jsonl_line() -> None:
    manifest = load_manifest(DATA / "manifest.jsonl")
    docs = {Path(d.path).name: d for d in collect([DATA], manifest) if isinstance(d, Document)}
    english = docs["en_article.txt"]
    assert english.published == dt.date(2024, 3, 12)
    assert (english.url, english.source, english.language) == (
        "https://example.org/en/1",
        "Marsad Test Wire",
        "en",
    )
    french = docs["fr_article.txt"]  # matched by the suffix "ingest/fr_article.txt"
    assert french.title == "Accord de coopération policière"
    assert french.published == dt.date(2024, 3, 14)
    assert docs["en_page.html"].source == "Manifest Source"
    line_two = docs["feed.jsonl#2"]
    assert (line_two.source, line_two.language) == ("Flux de test", "fr")
    assert docs["feed.jsonl#1"].source == "Test Feed"  # no manifest entry: the line's own value


def test_manifest_prefers_the_longest_path_match() -> None:
    manifest = Manifest(
        (
            ManifestEntry(path="a.txt", source="short"),
            ManifestEntry(path="feeds/a.txt", source="long"),
            ManifestEntry(path="other/a.txt", source="other"),
        )
    )
    assert manifest.lookup("feeds/a.txt", "corpus/feeds/a.txt") == manifest.entries[1]
    assert manifest.lookup("b.txt") is None


def test_bad_manifest_line_raises_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    path.write_text(json.dumps({"path": "a.txt", "published": "March 3"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_manifest(path)
    assert caught.value.origin == f"{path}:1"
    assert "bad 'published' date" in caught.value.reason


def test_ingest_is_deterministic() -> None:
    assert collect([DATA]) == collect([DATA])
