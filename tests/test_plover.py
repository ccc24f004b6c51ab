import pytest

from marsad import plover


def test_sixteen_types_each_with_a_quad_and_base_score():
    assert len(plover.EVENT_TYPES) == 16
    assert set(plover.BASE_SCORE) == set(plover.QUAD) == set(plover.MODE_SCORE)


def test_decisions_on_manual_contradictions():
    assert plover.quad_code("SANCTION") == 4
    assert plover.BASE_SCORE["ACCUSE"] == -3.0


@pytest.mark.parametrize(
    ("event", "modes", "score"),
    [
        ("CONSULT", (), 2.5),
        ("CONSULT", ("visit",), 4.0),
        ("CONSULT", ("phone",), 1.5),
        ("ASSAULT", ("firearms", "aerial"), -9.5),
        ("PROTEST", ("vandalize",), -5.0),
        ("RETREAT", ("withdraw",), 8.0),
    ],
)
def test_event_scale(event, modes, score):
    assert plover.event_scale(event, modes) == score
