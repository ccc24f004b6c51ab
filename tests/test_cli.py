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


def test_actors_lists_names_and_counts(tmp_path):
    result = CliRunner().invoke(cli, ["actors", "--db", _db(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["actor", "kind", "code"]
    assert any("IRQ minister" in line for line in lines)


def test_user_gazetteer_wins_over_builtin_codes(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Attack\n\nThe Zarqawi Brigade attacked a police post in Mosul.\n", encoding="utf-8")
    runner = CliRunner()
    before = [json.loads(x) for x in runner.invoke(cli, ["code", str(article)]).output.splitlines()]
    assert not any(a["code"] == "IRQ" for e in before for a in e["actor"])
    gazetteer = tmp_path / "mine.tsv"
    gazetteer.write_text(
        "alias\tlang\tkind\tcode\tsector\tname\tidentifier\toffice\tflags\n"
        "Zarqawi Brigade\ten\tgroup\tIRQ\tREB\tZarqawi Brigade\t\t\t\n",
        encoding="utf-8",
    )
    after = runner.invoke(cli, ["code", str(article)], env={"MARSAD_GAZETTEER": str(gazetteer)})
    events = [json.loads(x) for x in after.output.splitlines()]
    assert any(a["code"] == "IRQ" and a["sector"] == "REB" for e in events for a in e["actor"])


def test_evaluate_offers_every_registered_set():
    from marsad.cli import EVALUATION_SETS
    from marsad.evaluate import SETS

    assert set(EVALUATION_SETS) == set(SETS)
