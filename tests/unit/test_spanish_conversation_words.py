"""Spanish in the conversation's own words: questions about the clinic asked in Spanish and
answered in Spanish (the opening hours said in Spanish too), "no sé" as not knowing, a yes or
no about where the pain goes, Spanish words never read as a misspelt drug. Pure functions and
the content files; the whole conversation is in tests/integration/test_spanish_conversation.py."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.clinic import load_clinic
from bot.content import ContentError, load_content
from bot.faq import load_faq, simple_words
from bot.nlu.drugs import closest_drug_name
from bot.offscript import says_not_knowing
from bot.story import pattern_answer

CLINIC = load_clinic()  # the example clinic: Mon-Fri 8:00-17:00, America/New_York
TUESDAY_NOON_NY = datetime(2026, 12, 1, 17, 0, tzinfo=timezone.utc)
SATURDAY_NOON_NY = datetime(2026, 12, 5, 17, 0, tzinfo=timezone.utc)
SPANISH = load_content(lang="es")
FAQ_ES = load_faq(lang="es")


def topics(text):
    """What the NLU's matcher finds: the English wordings, else the Spanish ones."""
    words = simple_words(text)
    return load_faq().match(words) or FAQ_ES.match(words)


@pytest.mark.parametrize("text, topic", [
    ("¿Dónde queda la clínica?", "location"),
    ("donde estan ubicados", "location"),  # without accents, as many type
    ("¿A qué hora cierran?", "hours"),
    ("¿están abiertos ahorita?", "open_now"),
    ("¿Aceptan el seguro de Medicaid?", "insurance"),
    ("¿tienen estacionamiento?", "parking"),
    ("¿me pueden dar el número de teléfono de la clínica?", "phone"),
    ("¿se puede hacer la consulta por videollamada?", "telehealth"),
])
def test_a_spanish_question_about_the_clinic_finds_its_topic(text, topic):
    assert topics(text)[0] == topic


@pytest.mark.parametrize("text", [
    "no estoy seguro",  # "seguro" alone is "sure", not insurance
    "no estoy segura de cuándo empezó",
    "me duele desde hace unas horas",
    "la parte baja de la espalda",
])
def test_spanish_answers_are_not_questions_about_the_clinic(text):
    assert topics(text) == []


def test_the_opening_hours_are_said_in_spanish():
    assert CLINIC.hours_text(SPANISH.calendar) == "lun–vie 8:00–17:00; sáb–dom cerrado"
    closed = FAQ_ES.answer(["open_now"], "¿están abiertos ahora?", CLINIC, SATURDAY_NOON_NY,
                           SPANISH.calendar)
    assert closed == ("Ahora mismo estamos cerrados; volvemos a abrir el lunes a las 8:00. "
                      "Nuestro horario es lun–vie 8:00–17:00; sáb–dom cerrado.")
    day = FAQ_ES.answer(["hours"], "¿abren los sábados?", CLINIC, TUESDAY_NOON_NY,
                        SPANISH.calendar)
    assert day.startswith("Estamos cerrados los sábados.")
    # English as before.
    english = load_faq().answer(["hours"], "are you open on saturday", CLINIC, TUESDAY_NOON_NY)
    assert english.startswith("We're closed on Saturdays.") and "Mon–Fri 8:00–17:00" in english


def test_every_spanish_text_with_the_hours_says_them_in_spanish():
    from bot.wording import clinic_values as _values

    assert _values(SPANISH, CLINIC)["clinic_hours"] == "lun–vie 8:00–17:00; sáb–dom cerrado"
    assert _values(load_content(), CLINIC)["clinic_hours"] == "Mon–Fri 8:00–17:00; Sat–Sun closed"


def test_a_calendar_without_seven_days_is_refused(tmp_path):
    import shutil

    import yaml

    from bot.content import DEFAULT_CONTENT_DIR

    copy = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, copy)
    path = copy / "es" / "conversation.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["calendar"]["days"] = data["calendar"]["days"][:5]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError, match=r"calendar.days': expected the seven days"):
        load_content(copy, lang="es")


@pytest.mark.parametrize("text", ["no sé", "No se, la verdad", "no me acuerdo", "ni idea",
                                  "no estoy segura", "quién sabe"])
def test_spanish_ways_of_not_knowing(text):
    assert says_not_knowing(text)


@pytest.mark.parametrize("text", ["no", "sí", "no sentí nada", "my nose is fine"])
def test_answers_that_are_not_not_knowing(text):
    assert not says_not_knowing(text)


@pytest.mark.parametrize("text, location, pattern", [
    ("sí", "lower_back", "radiating_leg"),
    ("si, al brazo", "neck", "radiating_arm"),
    ("claro", "lower_back", "radiating_leg"),
    ("no, se queda en la espalda", "lower_back", "axial"),
    ("no se me baja", "lower_back", "axial"),
    ("no sé", "lower_back", None),
])
def test_a_spanish_yes_or_no_about_where_the_pain_goes(text, location, pattern):
    assert pattern_answer(text, "inform", location) == pattern


@pytest.mark.parametrize("word", ["compras", "cargando", "pastillas", "medicamentos"])
def test_ordinary_spanish_words_are_no_misspelt_drug(word):
    assert closest_drug_name(word) is None


def test_misspelt_drug_names_are_still_found():
    assert closest_drug_name("pregablin") == "pregabalin"
    assert closest_drug_name("gabapenten") == "gabapentin"


def test_the_languages_spoken_are_named_in_the_conversations_language():
    from dataclasses import replace

    clinic = replace(CLINIC, languages=("English", "Spanish", "Tagalog", "Ilocano"))
    spanish = FAQ_ES.answer(["languages"], "¿hablan español?", clinic, TUESDAY_NOON_NY,
                            SPANISH.calendar)
    assert "inglés, español, tagalo y Ilocano" in spanish  # a name not listed: as written
    english = load_faq().answer(["languages"], "do you speak spanish", clinic, TUESDAY_NOON_NY)
    assert "English, Spanish, Tagalog and Ilocano" in english
