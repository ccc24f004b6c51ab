import pytest

from marsad.dateline import dateline_end


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("BAGHDAD, Oct 14 (Tigris Wire) - France's minister arrived.", "France's minister arrived."),
        ("بغداد - (وكالة الرافدين) - وصل الوزير أمس", "وصل الوزير أمس"),
        ("BAGDAD (Marsad) - La ministre est arrivée jeudi.", "La ministre est arrivée jeudi."),
        ("The minister arrived in Baghdad on Tuesday.", "The minister arrived in Baghdad on Tuesday."),
        (
            "Talks went well. Later - much later - they met.",
            "Talks went well. Later - much later - they met.",
        ),
    ],
)
def test_dateline_end(sentence, rest):
    assert sentence[dateline_end(sentence) :] == rest


def test_a_parenthetical_aside_is_not_a_dateline():
    sentence = "The minister - who arrived on Monday - said talks went well."
    assert dateline_end(sentence) == 0
