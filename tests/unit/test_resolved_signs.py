"""A sign the patient says is over ("long gone") is no present sign (bot/nlu/vocab/context.yml
`resolved`). Sentences written for this test."""
from tests.unit.reading import read


def test_a_sign_long_gone_is_not_present():
    assert "fever" not in read("There was a fever with the flu over the holidays, but that is long gone").raised
    assert "fever" in read("I have the flu and my back hurts").raised
