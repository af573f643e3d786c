"""Spanish understanding: which language a message is in, when the conversation's language
changes, and the Spanish vocabularies (places, treatments, durations, red flags with negation
and context) as the triage slots will see them."""
from __future__ import annotations

import datetime

import pytest

from bot.language import choose_language, requested_language
from bot.nlu.crisis import default_detector
from bot.nlu.language import detect_language
from tests.unit.reading import read as read_on

TODAY = datetime.date(2026, 12, 3)


def read(text):
    """(slots, red flags asked to confirm) after one Spanish message, as the assistant reads it
    on TODAY."""
    reading = read_on(text, TODAY)
    return reading.slots, reading.asked


# ---------------------------------------------------------------- language detection
@pytest.mark.parametrize("text", ["hola", "Buenas tardes", "me duele la espalda",
                                  "¿habla español?", "desde hace dos semanas", "sí, gracias"])
def test_spanish_messages_are_detected_as_spanish(text):
    assert detect_language(text)["language"] == "es"
    assert detect_language(text)["confidence"] >= 0.5


@pytest.mark.parametrize("text", ["hello", "my lower back hurts", "I fell last week"])
def test_english_messages_are_detected_as_english(text):
    assert detect_language(text)["language"] == "en"
    assert detect_language(text)["confidence"] >= 0.5


@pytest.mark.parametrize("text", ["ok", "Maria Lopez", "555 123 4567", "Tylenol", "3",
                                  "rosa.diaz@example.com"])
def test_names_numbers_and_ok_tell_no_language(text):
    assert detect_language(text)["confidence"] == 0


@pytest.mark.parametrize("text", ["我背疼已经两个星期了", "у меня болит спина",
                                  "j'ai mal au dos depuis deux semaines"])
def test_another_language_is_detected_as_other(text):
    assert detect_language(text)["language"] == "other"
    assert detect_language(text)["confidence"] > 0.3


# ---------------------------------------------------------------- choosing the slot
def test_first_confident_detection_sets_the_language():
    assert choose_language(None, detect_language("hola"), "hola") == "es"
    assert choose_language(None, detect_language("hello there"), "hello there") == "en"


@pytest.mark.parametrize("text", ["ok", "Juan Pérez", "555 987 6543", "paracetamol"])
def test_short_or_unclear_messages_never_set_or_switch(text):
    detected = detect_language(text)
    assert choose_language(None, detected, text) is None
    assert choose_language("es", detected, text) == "es"
    assert choose_language("en", detected, text) == "en"


def test_one_word_of_the_other_language_does_not_switch():
    assert choose_language("en", detect_language("gracias"), "gracias") == "en"
    assert choose_language("es", detect_language("thanks"), "thanks") == "es"
    assert choose_language("es", detect_language("Tylenol y Advil, the usual"),
                           "Tylenol y Advil, the usual") == "es"


def test_a_clear_sentence_in_the_other_language_switches():
    text = "me duele mucho la espalda desde hace dos semanas"
    assert choose_language("en", detect_language(text), text) == "es"


@pytest.mark.parametrize("text,lang", [("¿habla español?", "es"), ("en español por favor", "es"),
                                       ("Spanish please", "es"), ("English please", "en"),
                                       ("¿hablan inglés?", None), ("can we speak english", "en")])
def test_explicit_requests_switch_at_once(text, lang):
    assert requested_language(text) == lang
    if lang:
        other = "en" if lang == "es" else "es"
        assert choose_language(other, detect_language(text), text) == lang


def test_another_language_never_sets_the_slot():
    text = "j'ai mal au dos depuis deux semaines"
    assert choose_language(None, detect_language(text), text) is None
    assert choose_language("es", detect_language(text), text) == "es"


# ---------------------------------------------------------------- places
@pytest.mark.parametrize("text,place", [
    ("me duele la cintura", "lower_back"), ("dolor en la rabadilla", "lower_back"),
    ("me duele la nalga y me baja a la pierna", "lower_back"), ("la espalda", "lower_back"),
    ("me duele entre los omóplatos", "upper_back"), ("dolor en la espalda alta", "upper_back"),
    ("me duele el cuello", "neck"), ("tengo las cervicales mal", "neck"),
    ("me duele toda la columna", "other"), ("me duele la rodilla y la espalda", "lower_back"),
])
def test_spanish_places(text, place):
    assert read(text)[0].get("pain_location") == place


@pytest.mark.parametrize("text", ["me duele la rodilla", "tengo granitos en la espalda",
                                  "me duele la cabeza"])
def test_other_body_parts_and_skin_are_not_a_spinal_place(text):
    assert read(text)[0].get("pain_location") is None


# ---------------------------------------------------------------- treatments
@pytest.mark.parametrize("text,tried", [
    ("tomé paracetamol", {"otc_medication"}),
    ("metamizol de la farmacia", {"otc_medication"}),
    ("el doctor me recetó tramadol y pregabalina", {"prescription_medication"}),
    ("tomé diclofenaco", {"prescription_medication"}),  # alone, the word tells no language: read in English, where diclofenac (gel) is OTC
    ("fui a terapia física y con el sobador", {"physical_therapy", "massage"}),
    ("me pongo hielo y hago estiramientos", {"heat_ice", "exercise"}),
    ("me pusieron infiltraciones en la columna", {"injection"}),
    ("me operaron de la columna", {"surgery"}),
])
def test_spanish_treatments(text, tried):
    assert set(read(text)[0]["treatments_tried"]) == tried


def test_nothing_tried_is_an_answer_but_nothing_helps_is_not():
    assert read("no he probado nada")[0]["treatments_tried"] == []
    assert read("nada me sirve")[0].get("treatments_tried") != []


def test_a_treatment_not_tried_or_only_wanted_is_not_tried():
    assert not read("no he ido a terapia")[0].get("treatments_tried")
    assert not read("quiero una inyección")[0].get("treatments_tried")


# ---------------------------------------------------------------- durations
@pytest.mark.parametrize("text,weeks", [
    ("hace dos semanas", 2.0), ("desde hace tres meses", 13.04), ("quince días", 2.14),
    ("llevo un año y medio así", 78.21), ("desde ayer", 0.14), ("como 6 meses", 26.07),
    ("desde la semana pasada", 1.0), ("un par de semanas", 2.0),
    ("desde el verano", (TODAY - datetime.date(2026, 7, 15)).days / 7),
    ("desde que nació mi hijo, que ya tiene 2 años", 104.28),
    ("2 años y 3 meses", 117.32), ("veinte días", 2.86),
])
def test_spanish_durations(text, weeks):
    assert read(text)[0]["pain_duration_weeks"] == pytest.approx(weeks, abs=0.05)


@pytest.mark.parametrize("text", ["tengo 45 años", "mi hijo de 3 años", "cada 2 semanas",
                                  "tomé ibuprofeno por dos semanas", "me operaron hace 2 años",
                                  "embarazada de 5 meses"])
def test_ages_frequencies_and_other_events_are_not_durations(text):
    assert read(text)[0].get("pain_duration_weeks") is None


def test_vague_spanish_durations_still_get_a_category():
    assert read("hace años que me duele")[0]["duration_category"] == "chronic"
    assert read("desde hace unos días")[0]["duration_category"] == "acute"


# ---------------------------------------------------------------- red flags
@pytest.mark.parametrize("text,flag", [
    ("no puedo aguantar la orina", "bladder_bowel"),
    ("se me sale el pipí sin darme cuenta", "bladder_bowel"),
    ("no siento cuando me limpio", "saddle_numbness"),
    ("se me duerme la entrepierna", "saddle_numbness"),
    ("se me doblan las piernas", "leg_weakness"),
    ("no tengo fuerza en la pierna derecha", "leg_weakness"),
    ("tengo calentura desde anoche", "fever"),
    ("me caí de la escalera", "trauma"),
    ("tuve cáncer de mama", "cancer_history"),
    ("he bajado mucho de peso sin hacer dieta", "weight_loss"),
    ("No, tengo fiebre", "fever"),
])
def test_patients_own_words_raise_the_red_flag(text, flag):
    assert flag in read(text)[0].get("red_flags", [])


@pytest.mark.parametrize("text,flag", [
    ("no tengo fiebre", "fever"),
    ("sin fiebre ni escalofríos", "fever"),
    ("no he bajado de peso", "weight_loss"),
    ("controlo bien la orina", "bladder_bowel"),
    ("mi mamá tuvo cáncer", "cancer_history"),
    ("mi esposo se cayó, yo no", "trauma"),
    ("no me he caído", "trauma"),
    ("bajé de peso porque estoy a dieta", "weight_loss"),
])
def test_negated_and_other_peoples_mentions_raise_nothing(text, flag):
    assert flag not in read(text)[0].get("red_flags", [])


def test_a_feared_sign_is_confirmed_before_it_counts():
    slots, unsure = read("me da miedo que se me duerma la entrepierna")
    assert "saddle_numbness" not in slots.get("red_flags", [])
    assert "saddle_numbness" in unsure


def test_a_cancer_feared_as_the_pains_cause_is_neither_raised_nor_asked():
    # no cancer had: a nurse asks nothing; the warning-sign screen still asks about cancer
    slots, unsure = read("me da miedo que sea cáncer")
    assert "cancer_history" not in set(slots.get("red_flags", [])) | set(unsure)


def test_negation_stops_at_pero():
    slots, _ = read("no tengo fiebre pero no puedo aguantar la orina")
    assert slots["red_flags"] == ["bladder_bowel"]


# ---------------------------------------------------------------- crisis language
@pytest.mark.parametrize("text", ["me quiero morir", "ya no quiero vivir", "pienso en suicidarme",
                                  "quiero quitarme la vida"])
def test_spanish_crisis_language_reaches_the_crisis_line(text):
    assert default_detector()(text)


@pytest.mark.parametrize("text", ["no me quiero morir, solo quiero que se quite el dolor",
                                  "el dolor me mata", "quiero una cita"])
def test_spanish_ordinary_or_negated_words_are_not_a_crisis(text):
    assert not default_detector()(text)


# ---------------------------------------------------------------- where one sits, past episodes

@pytest.mark.parametrize("text", ["tengo acorchada la parte donde me siento",
                                  "se me durmió la zona que toca la silla"])
def test_numbness_where_one_sits_is_saddle_numbness(text):
    slots, _ = read(text)
    assert "saddle_numbness" in slots.get("red_flags", [])


@pytest.mark.parametrize("text", ["al limpiarme en el inodoro lo siento como dormido",
                                  "ahí abajo lo siento medio raro"])
def test_vague_words_about_the_saddle_area_are_confirmed_first(text):
    slots, unsure = read(text)
    assert unsure == {"saddle_numbness"} and not slots.get("red_flags")


def test_sitting_on_a_chair_alone_is_no_sign():
    slots, unsure = read("me siento en la silla y me duele la cintura")
    assert not slots.get("red_flags") and not unsure


@pytest.mark.parametrize("text", [
    "años atrás me caí de un caballo, pero quedé bien",
    "de joven se me escapaba la orina al reír, pero se me quitó hace mucho",
])
def test_a_past_episode_that_is_over_raises_no_flag(text):
    slots, _ = read(text)
    assert not slots.get("red_flags")


def test_a_recent_fall_still_counts_whatever_followed():
    slots, _ = read("me caí de la escalera ayer pero quedé bien")
    assert "trauma" in slots["red_flags"]


# ---------------------------------------------------------------- more everyday wordings
# Classes the second blind Spanish set showed missing (these sentences are new, not its own):
# waste that cannot be held, not noticing passing urine, a side named between leg and
# "débil", slack or disobeying legs, a foot that no longer lifts, stairs no longer managed,
# "la parte de las nalgas" as the saddle area; going to the toilet a lot is confirmed first.
@pytest.mark.parametrize("text,flag", [
    ("desde el martes no aguanto el popó", "bladder_bowel"),
    ("ya no me doy cuenta cuando orino, la ropa amanece mojada", "bladder_bowel"),
    ("la orina se me sale cuando camino", "bladder_bowel"),
    ("siento la pierna izquierda más débil que ayer", "leg_weakness"),
    ("mis piernas se me ponen flojas al caminar", "leg_weakness"),
    ("el pie derecho ya no levanta, lo arrastro un poco", "leg_weakness"),
    ("no puedo subir los escalones del camión", "leg_weakness"),
    ("se me duerme la zona de los glúteos desde ayer", "saddle_numbness"),
])
def test_everyday_spanish_red_flags_are_present(text, flag):
    slots, _ = read(text)
    assert flag in (slots.get("red_flags") or [])


def test_going_to_the_toilet_a_lot_is_confirmed_not_raised():
    slots, unsure = read("voy muy seguido al baño estos días")
    assert not slots.get("red_flags") and unsure == {"bladder_bowel"}


@pytest.mark.parametrize("text", ["no, las piernas me responden bien y subo escaleras",
                                  "a mi esposo se le pone floja la pierna, a mí no"])
def test_denied_or_someone_elses_weakness_is_not_raised(text):
    slots, _ = read(text)
    assert "leg_weakness" not in (slots.get("red_flags") or [])
