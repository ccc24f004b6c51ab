import csv
import io
import json

import pytest

from marsad.export import POLECAT_COLUMNS, write_events
from tests.test_store import _event


def test_jsonl_is_plover_records():
    out = io.StringIO()
    assert write_events([_event("a", 0, "CONSULT", "IRQ", "FRA", 1)], out, "jsonl") == 1
    record = json.loads(out.getvalue())
    assert record["event"] == "CONSULT"
    assert record["actor"][0]["code"] == "IRQ"
    assert record["date"] == "2026-10-01"
    assert record["cite_info"]["story_id"] == "a"


@pytest.mark.parametrize(("fmt", "delimiter"), [("tsv", "\t"), ("csv", ",")])
def test_tables_have_polecat_columns(fmt, delimiter):
    out = io.StringIO()
    write_events([_event("a", 0, "ACCUSE", "FRA", "IMG", 3)], out, fmt)
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter=delimiter))
    assert tuple(rows[0]) == POLECAT_COLUMNS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Event Type"] == "ACCUSE"
    assert row["Quad Code"] == "VERBAL COOPERATION"
    assert row["Recipient Country"] == "IMG"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        write_events([], io.StringIO(), "xml")
