import dataclasses
import json

import pytest

from marsad.calibration import (
    Calibration,
    cell_of,
    fit_calibration,
    load_calibration,
    reliability,
)
from marsad.model import Citation, Entity, Event

IRQ_GOV = Entity(entity_text="Baghdad", code="IRQ", sector="GOV")
FRA_GOV = Entity(entity_text="Paris", code="FRA", sector="GOV")
OFFICIALS = Entity(entity_text="officials", code="", sector="UNK")


def _event(raw: float, actor: Entity = FRA_GOV, recipient: Entity | None = IRQ_GOV) -> Event:
    return Event(
        id=f"e{raw}",
        event="CONSULT",
        actor=(actor,),
        recipient=(recipient,) if recipient else (),
        cite=Citation(story_id="s"),
        event_text="",
        text_start=0,
        text_end=0,
        sentence_index=0,
        confidence=raw,
    )


def test_cell_separates_bin_recipient_and_coding():
    assert cell_of(_event(0.85)) == ("0.8", "0.8|recipient|coded")
    assert cell_of(_event(0.3, recipient=None)) == ("0.2", "0.2|no-recipient|coded")
    assert cell_of(_event(0.05, actor=OFFICIALS)) == ("0.0", "0.0|recipient|uncoded")


def test_fitted_share_follows_how_often_the_cell_was_right():
    scored = [(_event(0.9), True)] * 18 + [(_event(0.9), False)] * 2
    scored += [(_event(0.3, recipient=None), False)] * 15 + [(_event(0.3, recipient=None), True)] * 5
    table = fit_calibration(scored)
    assert table.share(_event(0.95)) == pytest.approx(0.9, abs=0.03)
    assert table.share(_event(0.25, recipient=None)) == pytest.approx(0.25, abs=0.03)


def test_unseen_cell_backs_off_to_its_bin_then_overall():
    table = fit_calibration([(_event(0.9), True)] * 10 + [(_event(0.1), False)] * 10)
    # an uncoded event in the 0.8 bin was never seen: its bin says right.
    assert table.share(_event(0.9, actor=OFFICIALS)) > 0.75
    # the 0.4 bin was never seen: its raw score, capped by the overall share (one half).
    assert table.share(_event(0.5)) == pytest.approx(0.5, abs=0.01)
    assert table.share(_event(0.45)) == pytest.approx(0.45, abs=0.01)


def test_stage_replaces_raw_scores_and_round_trips(article_factory, tmp_path):
    table = fit_calibration([(_event(0.9), True)] * 9 + [(_event(0.9), False)])
    article = dataclasses.replace(article_factory("Le ministre est arrivé.", "fr"), events=(_event(0.9),))
    assert table(article).events[0].confidence == table.share(_event(0.9))
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({"table": table.to_dict()}), encoding="utf-8")
    assert Calibration.from_dict(json.loads(path.read_text())["table"]) == table
    assert load_calibration(path) == table


def test_reliability_bands_and_error():
    report = reliability([(0.9, True), (0.9, False), (0.1, False), (0.1, False)])
    assert report["bands"]["0.8-1.0"] == {"events": 2, "confidence": 0.9, "right": 0.5}
    assert report["ece"] == pytest.approx((2 * 0.4 + 2 * 0.1) / 4)


def test_shipped_table_loads_and_is_monotone_enough():
    table = load_calibration()
    assert table.share(_event(0.9)) > table.share(_event(0.1, actor=OFFICIALS, recipient=None))
