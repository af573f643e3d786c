import pytest

from bot.peg import parse_score, peg_score, wants_to_skip


@pytest.mark.parametrize("text,score", [
    ("7", 7.0), ("seven", 7.0), ("about a 6 I'd say", 6.0), ("8/10", 8.0),
    ("8 out of 10", 8.0), ("0", 0.0), ("10", 10.0), ("6.5", 6.5),
    ("11", None), ("-3", None), ("no idea", None), ("", None),
])
def test_a_0_to_10_answer_is_read_from_the_patients_words(text, score):
    assert parse_score(text) == score


def test_the_peg_score_is_the_mean_of_all_three_answers():
    assert peg_score([7, 5, 6]) == 6.0
    assert peg_score([7, None, 6]) is None


@pytest.mark.parametrize("text", ["skip", "I'd rather not", "pass", "no thanks"])
def test_the_patient_can_skip(text):
    assert wants_to_skip(text)


@pytest.mark.parametrize("text,details", [
    ("Marisol Okafor", {"booking_name": "Marisol Okafor"}),
    ("555 203 7781", {"booking_contact": "5552037781"}),
    ("Theo Brandt, 555 203 7781", {"booking_contact": "5552037781", "booking_name": "Theo Brandt"}),
    ("about a 6", {}), ("Not Sure", {}), ("honestly no idea", {}), ("Skip", {}),
])
def test_booking_details_given_for_a_score_are_read_as_booking_details(text, details):
    from bot.peg import booking_details_instead

    assert booking_details_instead(text) == details
