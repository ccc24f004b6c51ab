import json

from click.testing import CliRunner

from marsad.cli import cli
from marsad.store import open_store
from tests.test_store import _article, _event


def _db(tmp_path):
    path = tmp_path / "m.db"
    store = open_store(path)
    store.write_article(
        _article("a", _event("a", 0, "CONSULT", "IRQ", "FRA", 1), _event("a", 1, "ACCUSE", "FRA", "IMG", 3))
    )
    store.write_article(_article("b", _event("b", 0, "CONSULT", "IRQ", "FRA", 5, "ar"), lang="ar"))
    store.close()
    return str(path)


def test_events_filters_and_prints_jsonl(tmp_path):
    result = CliRunner().invoke(cli, ["events", "--db", _db(tmp_path), "--type", "consult", "--lang", "ar"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in records] == ["b-0"]


def test_events_date_range_and_actor(tmp_path):
    db = _db(tmp_path)
    args = ["events", "--db", db, "--actor", "FRA", "--since", "2026-10-02", "--until", "2026-10-04"]
    result = CliRunner().invoke(cli, args)
    assert [json.loads(x)["id"] for x in result.output.splitlines()] == ["a-1"]


def test_events_tsv_has_header_and_rows(tmp_path):
    result = CliRunner().invoke(cli, ["events", "--db", _db(tmp_path), "--format", "tsv"])
    lines = result.output.splitlines()
    assert lines[0].startswith("Event ID\tEvent Date")
    assert len(lines) == 4


def test_events_on_a_missing_store_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such store" in result.output
