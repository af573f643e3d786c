"""Spanish, everything the patient reads: content/es/ mirrors content/, a missing translation is
an error at start-up (never an English sentence mid-conversation), the domain's responses
follow the `language` slot, and a message in a language not spoken gets the safety numbers in
both languages."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.advice import other_language_message, screening_question
from bot.channels.choices import ChoiceMemory
from bot.clinic import load_clinic
from bot.content import DEFAULT_CONTENT_DIR, LANGUAGES, ContentError, load_all_languages, load_content
from bot.faq import FaqError, load_faq
from bot.intake import kept_metadata
from bot.nlg import LanguageResponses, MissingTranslation
from bot.option_fit import PatientStory
from bot.other_language import in_unspoken_language
from bot.wording import describe_story, red_flag_phrase

ROOT = Path(__file__).resolve().parents[2]
CLINIC = load_clinic()
SPANISH_FILES = ("options.yml", "self_care.yml", "conversation.yml", "labels.yml", "faq.yml")


@pytest.fixture
def content_copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target


def _edit(path: Path, edit) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_every_spanish_file_says_it_is_not_yet_reviewed_by_a_clinician():
    for name in SPANISH_FILES:
        review = yaml.safe_load((DEFAULT_CONTENT_DIR / "es" / name).read_text(encoding="utf-8"))["review"]
        on = review.get("on", review.get(True))  # YAML 1.1 reads a bare `on:` key as True
        assert review["by"] is None and on is None, name
        assert "not yet reviewed" in review["note"], name
    spanish = load_content(lang="es")
    assert set(spanish.review) == {"options.yml", "self_care.yml", "conversation.yml", "labels.yml"}
    assert all(r["by"] is None for r in spanish.review.values())


def test_spanish_has_every_text_of_the_english_files():
    contents = load_all_languages()
    english, spanish = contents["en"], contents["es"]
    assert set(spanish.conversation) == set(english.conversation)
    assert [o.id for o in spanish.options] == [o.id for o in english.options]
    assert spanish.labels.patient.keys() == english.labels.patient.keys()
    for opt in spanish.options:  # the clinical rules are the English file's, one home
        assert opt.fits == english.option(opt.id).fits
    assert spanish.conversation["button_yes"] == "Sí"
    assert "urgencias" in spanish.self_care.emergency_advice


def test_a_missing_spanish_key_is_an_error_naming_the_file_and_key(content_copy):
    _edit(content_copy / "es" / "conversation.yml", lambda d: d.pop("booking_sent_consultation"))
    load_content(content_copy)  # English alone is still fine
    with pytest.raises(ContentError, match=r"es/conversation.yml: field 'booking_sent_consultation': is missing"):
        load_content(content_copy, lang="es")
    with pytest.raises(ContentError):
        load_all_languages(content_copy)


@pytest.mark.parametrize("name, edit, key", [
    ("conversation.yml", lambda d: d.update(booking_sent_consultaton="Hemos recibido su solicitud."),
     "booking_sent_consultaton"),
    ("conversation.yml", lambda d: d["durations"].update(fortnight="unas dos semanas"), "durations.fortnight"),
    ("options.yml", lambda d: d["story"].update(outro="Gracias."), "story.outro"),
])
def test_a_key_the_english_file_does_not_have_is_an_error_naming_the_file_and_key(
        content_copy, name, edit, key):
    """A misspelt or invented key in a translation is a text the assistant would never say:
    start-up refuses it, where a clinician can see which file and key to fix."""
    _edit(content_copy / "es" / name, edit)
    load_content(content_copy)  # English alone is still fine
    with pytest.raises(ContentError, match=rf"es/{name}: field '{key}': is not in the English file"):
        load_all_languages(content_copy)


def test_a_spanish_faq_topic_the_english_file_does_not_have_is_refused(content_copy, monkeypatch):
    monkeypatch.setenv("CLINIC_CONTENT_DIR", str(content_copy))
    _edit(content_copy / "es" / "faq.yml", lambda d: d["topics"].update(
        mascotas={"examples": ["perros"], "answer": "Sí, se admiten perros guía."}))
    load_faq()  # English still loads
    with pytest.raises(FaqError, match=r"es/faq.yml: field 'topics.mascotas': is not in the English file"):
        load_faq(lang="es")


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.pop("review"), r"es/self_care.yml: field 'review': is missing"),
    (lambda d: d["red_flags"].pop("fever"), r"es/self_care.yml: field 'red_flags.fever': is missing"),
    (lambda d: d["self_care"].update(disclaimer="Llame al {telefono}"), r"unknown placeholder \{telefono\}"),
])
def test_a_broken_spanish_self_care_file_is_refused(content_copy, edit, message):
    _edit(content_copy / "es" / "self_care.yml", edit)
    with pytest.raises(ContentError, match=message):
        load_content(content_copy, lang="es")


def test_an_untranslated_option_or_rules_in_the_translation_are_refused(content_copy):
    path = content_copy / "es" / "options.yml"
    _edit(path, lambda d: d["options"].pop())
    with pytest.raises(ContentError, match="intrathecal_pump' of the English file is not translated"):
        load_content(content_copy, lang="es")
    shutil.copy(DEFAULT_CONTENT_DIR / "es" / "options.yml", path)
    _edit(path, lambda d: d["options"][0].update(fits={"locations": ["neck"], "min_weeks": 1, "priority": 1}))
    with pytest.raises(ContentError, match="the rules live in the English file only"):
        load_content(content_copy, lang="es")


def test_a_spanish_faq_missing_a_topic_is_refused(content_copy, monkeypatch):
    monkeypatch.setenv("CLINIC_CONTENT_DIR", str(content_copy))
    _edit(content_copy / "es" / "faq.yml", lambda d: d["topics"].pop("insurance"))
    load_faq()  # English still loads
    with pytest.raises(FaqError, match="topics.insurance"):
        load_faq(lang="es")


def test_the_story_and_red_flags_are_told_back_in_spanish():
    spanish = load_content(lang="es")
    story = PatientStory(location="lower_back", weeks=26, tried=("physical_therapy", "otc_medication"))
    told = describe_story(spanish, story)
    assert told == ("Gracias. Según lo que me ha contado: dolor en la parte baja de la espalda desde "
                    "hace unos 6 meses; ha probado fisioterapia y analgésicos sin receta.")
    assert red_flag_phrase(spanish, ["fever", "cancer_history"]) == "fiebre y antecedentes de cáncer"
    buttons = screening_question(spanish, which_one=True)["buttons"]
    assert buttons[0]["payload"].startswith("tengo ")
    assert buttons[-1]["title"] == "Ninguno de estos"


def _domain_responses():
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]


@pytest.mark.parametrize("language, reask, expected", [
    (None, None, "Where does it hurt?"),
    ("en", "pain_location", "I help with back and neck pain."),
    ("es", None, "¿Dónde le duele?"),
    ("es", "pain_location", "Ayudo con el dolor de espalda y de cuello."),
    ("es", "booking_name", "¿Dónde le duele?"),  # a re-ask of another question: the plain one
])
def test_domain_responses_follow_the_language_slot(language, reask, expected):
    nlg = LanguageResponses()  # as Rasa's Agent does: created first, the model's responses set after
    nlg.responses = _domain_responses()
    for _ in range(10):  # Rasa picks at random among matching variations: never the wrong one
        reply = nlg.generate_from_slots("utter_ask_pain_location",
                                        {"language": language, "reask": reask}, "rest")
        assert reply["text"].startswith(expected)
        if language == "es":
            assert reply["buttons"][0]["title"] == "Parte baja de la espalda"


def test_every_domain_response_has_its_spanish_variations():
    responses = _domain_responses()
    LanguageResponses(responses=responses)  # what the Rasa server checks at start-up
    responses["utter_goodbye"] = [v for v in responses["utter_goodbye"] if "condition" not in v]
    with pytest.raises(MissingTranslation, match="utter_goodbye: no variation for language 'es'"):
        LanguageResponses(responses=responses)


def test_only_a_spoken_language_is_kept_from_a_channels_metadata():
    assert kept_metadata({"language": "es", "name": "Ana"}) == {"language": "es"}
    assert kept_metadata({"language": "fr"}) == {}
    assert kept_metadata({"language": ["es"]}) == {}


def test_a_numbered_or_unaccented_answer_picks_the_spanish_choice():
    memory = ChoiceMemory()
    memory.remember("twilio", "+15550001", [{"title": "Sí", "payload": "/affirm"},
                                            {"title": "No", "payload": "/deny"}])
    assert memory.resolve("twilio", "+15550001", "1") == "/affirm"
    assert memory.resolve("twilio", "+15550001", "si") == "/affirm"
    assert memory.resolve("twilio", "+15550001", "2") == "/deny"


def test_another_language_gets_the_safety_numbers_in_english_and_spanish():
    text = other_language_message([load_content(lang=lang) for lang in LANGUAGES], CLINIC)["text"]
    english, spanish = text.split("\n\n")
    for part in (english, spanish):
        assert CLINIC.emergency_number in part and CLINIC.phone in part
    assert "English and Spanish" in english and "inglés y en español" in spanish
    assert in_unspoken_language({"language_detected": {"language": "other", "confidence": 0.9}})
    assert in_unspoken_language({"language_detected": {"language": "other", "confidence": 0.11}})
    assert not in_unspoken_language({"language_detected": {"language": "other", "confidence": 0.0}})
    assert not in_unspoken_language({"language_detected": {"language": "es", "confidence": 0.9}})
    assert not in_unspoken_language({})
