"""The red-flag territory net (bot/nlu/red_flag_territory.py, vocab/red_flag_territory.yml): a
patient who touches a red flag's territory in words no vocabulary phrase holds gets the flag's
one confirming question, never silence; a denial, someone else's history, an explained weight
loss or an ordinary sentence near the territory asks nothing. Wordings written here, not the
blind sets'.

Three levels: the finder and the decision on plain tokens; the net alone inside the real
context reading (the vocabulary's red-flag phrases removed, so only the net can catch); and the
real trained model as the tracker would hold it.
"""
from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
import yaml

from bot.nlu.clinical_vocab import VOCAB_DIR
from bot.nlu.red_flag_territory import TerritoryFinder, load_territory, territory_spans, undecided

SPANISH_VOCAB = VOCAB_DIR / "es"


# ---------------------------------------------------------------- the finder, on plain tokens
def finder(data):
    return TerritoryFinder(data, lambda phrase: phrase.lower(), lambda: {"bowl", "swat"})


SMALL = {"ignore": ["fell asleep"],
         "bladder_bowel": {"words": ["toilet", "bowel movement*", "urin*"], "ignore": ["bowel cancer"],
                           "pairs": []},
         "cancer_history": {"words": ["cancer"], "ignore": [], "pairs": []},
         "trauma": {"words": ["fell"], "ignore": [], "pairs": []},
         "weight_loss": {"words": [], "ignore": [],
                         "pairs": [{"places": ["kilos"], "feelings": ["month", "lost"]}]},
         "fever": {"words": ["temperature", "sweat"], "ignore": [], "pairs": []}}


def found(text, data=SMALL):
    words = text.split()
    return [(flag, kind) for _, _, flag, kind in finder(data)(words, words)]


@pytest.mark.parametrize("text, flag", [
    ("the toilet trips are odd", "bladder_bowel"),
    ("my urination is strange", "bladder_bowel"),            # a stem
    ("my bowl movemnts are strange", "bladder_bowel"),       # misspelt, beside an ordinary word
    ("the temprature was high", "fever"),                    # misspelt, no ordinary word
    ("i fell on sunday", "trauma"),
])
def test_the_finder_reads_stems_and_misspellings(text, flag):
    assert flag in {f for f, _ in found(text)}


@pytest.mark.parametrize("text", [
    "a bowl of soup",               # an ordinary word is never read as a misspelt territory word
    "swat the fly",                 # "swat" is ordinary: no "sweat"
    "i fell asleep early",          # the file's ignore
])
def test_ordinary_words_and_ignored_phrases_are_no_territory(text):
    assert found(text) == []


def test_a_flags_own_ignore_silences_that_flag_only():
    flags = {f for f, _ in found("my dad had bowel cancer")}
    assert flags == {"cancer_history"}


def test_a_pair_needs_both_sides_in_one_sentence():
    def spans(text):
        words = text.split()
        return [(t.value, t.mode) for _, _, t in territory_spans(words, {}, finder(SMALL)(words, words))]
    assert spans("i lost 9 kilos") == [("weight_loss", "territory")]
    assert spans("9 kilos in a month") == [("weight_loss", "territory")]
    assert spans("i weigh 90 kilos") == []
    assert spans("i weigh 90 kilos . last month was awful") == []


def test_the_vocabularys_decision_wins_in_its_clause():
    words = "no fever but the temperature is up".split()
    spans = territory_spans(words, {}, finder(SMALL)(words, words))
    clause = [0, 0, 1, 1, 1, 1, 1]
    assert undecided(spans, {(1, "fever")}, clause) == []       # the vocabulary judged this clause
    assert len(undecided(spans, {(0, "fever")}, clause)) == 1   # another clause: the net asks


# ---------------------------------------------------------------- the files, checked at start-up
@pytest.mark.parametrize("vocab", [VOCAB_DIR, SPANISH_VOCAB])
def test_both_territory_files_load_with_every_red_flag(vocab):
    data = load_territory(vocab)
    from bot.contract import RED_FLAGS
    assert all(data[flag]["words"] or data[flag]["pairs"] for flag in RED_FLAGS)


@pytest.mark.parametrize("content, error", [
    ({"fevers": {"words": ["hot"]}}, "unknown keys"),
    ({"fever": {"words": ["hot"], "synonyms": ["x"]}}, "only words, pairs and ignore"),
    ({"fever": {"words": "hot"}}, "list of quoted phrases"),
    ({"fever": {"words": [True]}}, "list of quoted phrases"),       # a bare yes/no/off in YAML
    ({"fever": {"words": ["fe*ver"]}}, "'*' only ends"),
    ({"fever": {"words": ["fe*"]}}, "'*' only ends"),
    ({"fever": {"pairs": [{"places": ["night"]}]}}, "pairs"),
])
def test_a_broken_territory_file_stops_the_start(tmp_path, content, error):
    (tmp_path / "red_flag_territory.yml").write_text(yaml.safe_dump(content), encoding="utf-8")
    with pytest.raises(ValueError, match=error):
        load_territory(tmp_path)


# ---------------------------------------------------------------- the net alone, in context
def _net_only(tmp_path: Path, source: Path) -> Path:
    """A copy of a vocabulary folder whose red_flags.yml keeps only its topic words, denials
    and ignores: no phrase of its own can catch a sign, so whatever is asked is the net's."""
    folder = tmp_path / source.name
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("es"))
    flags = yaml.safe_load((source / "red_flags.yml").read_text(encoding="utf-8"))
    kept = {k: flags[k] for k in ("if_denied", "absent", "ignore") if k in flags}
    (folder / "red_flags.yml").write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def net_en(tmp_path_factory):
    import spacy

    from bot.nlu.clinical import ClinicalMatcher
    return ClinicalMatcher(spacy.load(".build/spacy_en"), _net_only(tmp_path_factory.mktemp("en"), VOCAB_DIR))


@pytest.fixture(scope="module")
def net_es(tmp_path_factory):
    from bot.nlu.components import SPANISH_SPACY, spanish_matcher
    return spanish_matcher(SPANISH_SPACY, _net_only(tmp_path_factory.mktemp("es"), SPANISH_VOCAB))


def asked(matcher, text):
    return {m.value for m in matcher(matcher.nlp.make_doc(text))
            if m.label == "red_flag_unsure" and m.experiencer == "patient"}


ASKED_EN = [
    ("the commode has been my best friend lately, I barely make it in time", "bladder_bowel"),
    ("my incontinance is new since the back went", "bladder_bowel"),
    ("something odd with my waterworks since friday", "bladder_bowel"),
    ("grandad has been soiling his trousers since his back went", "bladder_bowel"),  # a relative's
    ("there's a tingle round my crotch when I sit", "saddle_numbness"),
    ("my knees just buckle on the stairs now", "leg_weakness"),
    ("been getting rigors at night", "fever"),
    ("I had a tumble off the trampoline with the kids on saturday", "trauma"),
    ("got rear-ended at the lights tuesday", "trauma"),
    ("finished my chemo in the summer", "cancer_history"),
    ("9 kilos gone since june and I'm eating the same", "weight_loss"),
    ("my belt's on a new notch, jeans baggy too", "weight_loss"),
]

ASKED_ES = [
    ("el inodoro se ha vuelto mi enemigo, casi no llego", "bladder_bowel"),
    ("tengo la entrepierna como acorchada", "saddle_numbness"),
    ("se me doblan las rodillas al bajar", "leg_weakness"),
    ("anoche estaba tiritando en la cama", "fever"),
    ("tuve un choque en la moto el sábado", "trauma"),
    ("me pusieron radioterapia en el pecho", "cancer_history"),
    ("ya van como 8 kilos este mes y como igual", "weight_loss"),
]


@pytest.mark.parametrize("text, flag", ASKED_EN)
def test_english_territory_words_alone_ask_the_flag(net_en, text, flag):
    assert flag in asked(net_en, text)


@pytest.mark.parametrize("text, flag", ASKED_ES)
def test_spanish_territory_words_alone_ask_the_flag(net_es, text, flag):
    assert flag in asked(net_es, text)


SILENT_EN = [
    "no problems with the toilet at all",                 # denied
    "the waterworks are fine",                            # denied after
    "my mum had a tumour in her breast",                  # someone else's
    "I lost 6 kilos on purpose at the gym",               # explained
    "I weigh 82 kilos",                                   # a weight is no loss
    "I fell asleep on the sofa",                          # ignored
    "my back hurts since I slipped a disc",               # ignored
    "I do weight training twice a week",                  # not body weight
]

SILENT_ES = [
    "no tengo problemas con la orina",
    "mi tía tuvo quimioterapia",
    "peso 80 kilos",
    "me doy baños de agua caliente",
]


@pytest.mark.parametrize("text", SILENT_EN)
def test_english_territory_in_a_denial_or_elsewhere_asks_nothing(net_en, text):
    assert asked(net_en, text) == set()


@pytest.mark.parametrize("text", SILENT_ES)
def test_spanish_territory_in_a_denial_or_elsewhere_asks_nothing(net_es, text):
    assert asked(net_es, text) == set()


# ---------------------------------------------------------------- the real trained model
MODEL = Path("models/current.tar.gz")


@pytest.fixture(scope="module")
def agent():
    if not MODEL.exists():
        pytest.skip("no trained model (rasa train)")
    from rasa.core.agent import Agent
    return Agent.load(str(MODEL))


@pytest.mark.parametrize("text, flag", [
    ("the commode has been my best friend lately, I barely make it in time", "bladder_bowel"),
    ("it's awkward but the bathroom side of things has gone strange since the weekend", "bladder_bowel"),
    ("I'm swimming in my trousers these days", "weight_loss"),
    ("el inodoro se ha vuelto mi enemigo, casi no llego", "bladder_bowel"),
])
def test_the_model_asks_where_the_vocabulary_says_nothing(agent, text, flag):
    from bot.evaluate_blind import read_turn
    turn = read_turn(asyncio.run(agent.parse_message(text)), "")
    assert flag in turn["red_flags"] or flag in turn["red_flags_unsure"]
