"""A sign the patient says is over ("long gone") is no present sign (bot/nlu/vocab/context.yml
`resolved`). Sentences written for this test."""
from bot.nlu.build_spacy import build_pipeline
from bot.nlu.clinical import ClinicalMatcher

NLP = build_pipeline()
MATCHER = ClinicalMatcher(NLP)


def _present(text):
    return {m.value for m in MATCHER(NLP(text))
            if m.label == "red_flag" and m.experiencer == "patient" and not m.negated
            and not getattr(m, "reason", None)}


def test_a_sign_long_gone_is_not_present():
    assert "fever" not in _present("There was a fever with the flu over the holidays, but that is long gone")
    assert "fever" in _present("I have the flu and my back hurts")
