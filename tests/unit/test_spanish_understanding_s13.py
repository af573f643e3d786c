"""Spanish durations, treatments and places by kind (session 13), in our own wordings: dates
tied to events and the calendar, ages and births, counts restated; treatments sent but never
done, a carer's relative's remedies against someone else's, regional brands; regional places."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.duration_es import parse_durations_es
from tests.vocabulary_reading import slots_read

TODAY = datetime.date(2026, 12, 4)  # a Friday


def weeks(text: str) -> float | None:
    return slots_read(text).get("pain_duration_weeks")


# ---------------------------------------------------------------- durations
@pytest.mark.parametrize("text, expected", [
    ("me duele la espalda desde que tenía veinte años y ahora tengo cuarenta y cinco", 25 * 52.14),
    ("me duele desde los 30 y ya tengo 50", 20 * 52.14),
    ("desde que nació mi nieto me duele la cintura, ya tiene 2", 2 * 52.14),
    ("desde que nació mi nieto (ya tiene 3 años) me duele la espalda", 3 * 52.14),
    ("lo tengo desde que nació mi nieta y ella ya cumplió su añito", 52.14),
    ("me duele la espalda hace una quincena", 2.0),
    ("hace como un mes y pico que me duele la espalda", 5.43),
    ("ya va pa' tres semanas que me duele el cuello", 3.0),
    ("lo único es el dolor en la cintura que ya tiene 2 meses", 8.69),
    ("tres días, desde el sábado que estuve moviendo muebles", 0.43),
    ("fue en mayo... no, en junio, o sea que son como cuatro meses", 17.38),
    ("pues el dolor tiene como un año y medio. tuve un accidente en la moto en 2015 pero me"
     " recuperé bien, esto empezó después", 78.21),
    ("empezó hace unos cinco meses. ya llevo 2 años en la empresa y desde hace un mes está peor", 21.73),
    ("ya va para seis meses. calentura ya no tengo, eso se me quitó hace mucho", 26.07),
    ("me caí de la bici hace una semana, de ahí empezó todo el dolor de espalda", 1.0),
])
def test_the_pains_own_time(text, expected):
    assert weeks(text) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text, expected", [
    ("me duele la espalda desde el 15", 19 / 7),  # 15 November
    ("desde diciembre del año pasado me duele la cintura", 50.57),
    ("desde principios de año me duele la espalda", 47.57),
    ("desde la semana antepasada", 2.0),
    ("desde que empezaron las clases me duele la espalda", 14.43),  # late August
    ("me empezó en la cosecha, cargando costales", 11.43),  # mid September
    ("ayer por la tarde me dio un tirón en el cuello", 0.14),
])
def test_days_and_events_of_the_calendar(text, expected):
    found = parse_durations_es(text, TODAY)
    assert found and max(m.weeks for m in found) == pytest.approx(expected, abs=0.1)


def test_a_count_said_beside_a_rough_event_wins():
    found = parse_durations_es("desde la cosecha, hace como 5 semanas", TODAY)
    assert [m.weeks for m in found] == [5.0]


@pytest.mark.parametrize("text", [
    "mi hijo que ya tiene 2 años me pide que lo cargue y me duele la espalda",
    "en agosto me dio dengue con fiebre pero eso ya se me pasó",
])
def test_times_of_other_things_are_not_the_pains(text):
    assert weeks(text) is None


# ---------------------------------------------------------------- treatments
def tried(text: str) -> set:
    return set(slots_read(text).get("treatments_tried") or [])


@pytest.mark.parametrize("text, expected", [
    # sent, prescribed or recommended, never done
    ("me mandaron a fisioterapia y no fui nunca", set()),
    ("me recetaron unas pastillas pero no me las tomé", set()),
    ("el doctor me dio una receta de tramadol pero no la compré", set()),
    ("me recetaron pregabalina pero no me la he tomado", set()),
    ("me dijeron que la acupuntura es buena, pero no he ido", set()),
    ("me iban a operar pero no me operaron", set()),
    ("me mandaron a rehabilitación pero no me alcanzó para ir", set()),
    ("me mandaron a terapia pero nunca fui a la terapia, solo tomo ibuprofeno", {"otc_medication"}),
    ("tomé ibuprofeno y me recetaron tramadol pero no me lo tomé", {"otc_medication"}),
    ("el médico me mandó tramadol y terapias pero las terapias todavía no me las autorizan",
     {"prescription_medication"}),
    # asked about, not had
    ("quería preguntar por las inyecciones en la columna, ya probé ibuprofeno", {"otc_medication"}),
    ("vengo a preguntar por la epidural", set()),
    # had, then stopped, or had with no effect: tried
    ("fui a terapia dos veces y ya no fui", {"physical_therapy"}),
    ("tomé paracetamol pero no tomé más", {"otc_medication"}),
    ("tomé ibuprofeno pero no me ha hecho nada", {"otc_medication"}),
    ("me pusieron una epidural y no me hizo nada", {"injection"}),
    # whose remedy
    ("mi mamá solo se pone parches de Salonpas", {"otc_medication"}),
    ("mi papá toma Dolo-Neurobión y nada", {"otc_medication"}),
    ("mi suegra va con el sobador", {"massage"}),
    ("a mi prima le pusieron una epidural y le fue bien", set()),
    ("mi vecina toma tramadol", set()),
    ("mi esposo toma Tafirol para su rodilla", set()),
    ("me duele la espalda y mi mamá se pone Salonpas", set()),
    # brands of Latin America and Spain
    ("me tomé un Mejoral", {"otc_medication"}),
    ("tomé Aines y Nurofen", {"otc_medication"}),
    ("me tomé unos Cataflam", {"prescription_medication"}),
    ("el de cabecera me da Neobrufen", {"prescription_medication"}),
])
def test_what_was_tried(text, expected):
    assert tried(text) == expected


# ---------------------------------------------------------------- places
@pytest.mark.parametrize("text, place", [
    ("me duele la colita cuando me siento", "lower_back"),
    ("me duele la cerviz", "neck"),
    ("me duele la espaldilla derecha", "upper_back"),
    ("me duelen los riñones, como en la cintura", "lower_back"),
    ("me duele el espinazo", "lower_back"),
    ("me duele la rabadilla", "lower_back"),
    ("me duele la nuca", "neck"),
    ("tengo una piedra en el riñón y me duele", None),
    ("me duele la cadera", None),
])
def test_places_in_regional_words(text, place):
    assert slots_read(text).get("pain_location") == place


# ---------------------------------------------------------------- names no list knows
@pytest.mark.parametrize("text, expected", [
    ("me tomé un Dolofin", {"otc_medication"}),
    ("tomé unas pastillas de Zorritone y nada", {"otc_medication"}),
    ("el doctor me recetó Dolofin forte", {"prescription_medication"}),
    ("me tomo mi Sedalmerck cuando me duele", {"otc_medication"}),
    ("no me tomé el Dolofin", set()),
    ("tomo omeprazol para el estómago", set()),
    ("tomo Losartán para la presión", set()),
    ("me tomé un tecito de manzanilla", set()),
    ("me tomé unas vacaciones", set()),
    ("tomé Uber para venir", set()),
    ("me puse una faja", set()),
])
def test_a_medicine_taken_under_a_name_no_list_knows(text, expected):
    assert tried(text) == expected


def test_tried_everything_is_not_nothing_tried():
    assert slots_read("ya probé de todo y nada me quita este dolor").get("treatments_tried") != []


def test_spanglish_read_as_english_still_gives_the_spanish_count():
    assert weeks("since like last summer, como 7 meses") == pytest.approx(30.42, abs=0.1)
