"""How long the pain has lasted, said in Spanish: "llevo", the calendar's events, others' times.

The pain's own time said in other words, dates tied to events and the calendar, the date the
patient says it is, a count beside a rough event, Spanglish; and the times of another illness, a
body part or a scan finding, which are not the pain's. Sentences written for these tests, none
from a blind set."""
from __future__ import annotations

import pytest

from bot.nlu.duration_es import parse_durations_es
from tests.unit.parsed import weeks_parsed_es_march_12
from tests.unit.reading import FRIDAY
from tests.vocabulary_reading import slots_read, vocab_weeks


@pytest.mark.parametrize("text, expected", [
    # a denial before "y llevo ..." does not reach the pain after it
    ("me oriné sin darme cuenta y llevo dos semanas con la zona lumbar fatal", 2.0),
    ("sin fiebre y llevo un mes con el cuello hecho polvo", 4.35),
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
def test_llevar_a_time_with_the_pain(text, expected):
    assert vocab_weeks(text) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text, weeks", [
    ("tengo diabetes desde hace 12 años, pero la cintura me duele desde hace dos semanas", 2.0),
    ("tuve problemas de la rodilla desde hace ocho años, lo de la espalda empezó hace un mes", 4.35),
])
def test_another_illness_or_body_parts_time_is_not_the_pains(text, weeks):
    got = slots_read(text).get("pain_duration_weeks")
    assert got is not None and abs(got - weeks) <= 0.25 * weeks


@pytest.mark.parametrize("text, expected", [
    ("ya va pa tres semanas que me duele", [3.0]),
    ("eso ya tiene meses", [13.04]),
    ("hace dos semanas, no, perdón, tres", [3.0]),
    ("m cai el lunes y desde entonces m duele", [0.43]),
    ("me resbalé bajando del camión en la parada el lunes y desde ahí me duele", [0.43]),
    ("desde la caída, hace cinco días", [0.71]),
    ("me duele la nuca dsd el lunes", [3.0 / 7]),
    ("me he caído en la ducha esta mañana y me duele la espalda", [0.0]),
    ("desde el martes que me resbalé en la cocina", [2.0 / 7]),
    ("ya va para ocho meses", [34.76]),
    ("o sea que son como cinco semanas", [5.0]),
    ("tres semanas i media", [3.5]),
    ("empezó cuando me embaracé de mi hijo, que ya tiene 2 años", [104.28]),
])
def test_spanish_durations_said_in_other_words(text, expected):
    assert weeks_parsed_es_march_12(text) == [round(w, 2) for w in expected]


def test_the_date_the_patient_says_it_is_counts():
    # "desde junio ... ahora a finales de agosto": about ten weeks (from mid-June), whatever
    # day the message is read
    assert 9 <= weeks_parsed_es_march_12("me duele desde junio y ahora a finales de agosto sigo igual")[0] <= 12


def test_a_scan_finding_dates_the_scan_not_the_pain():
    assert weeks_parsed_es_march_12("me duele hace un mes; la hernia la vieron en una resonancia hace 3 años") == [4.35]


@pytest.mark.parametrize("text, weeks", [
    ("mi abuela de 81 años tiene dolor de espalda desde hace 3 semanas", 3.0),
    ("escribo por mi suegro, 70 años, con dolor de cintura hace un mes", 4.35),
    ("me duele el cuello hace mes y pico", 5.43),
    ("la espalda me duele hace un par d semanas", 2.0),
    ("desde el martes me duele la espalda. hoy es jueves", 0.29),
    ("me duele desde que nació mi nieta la chiquita, que ya tiene 5 años", 260.7),
    ("me duele la cintura desde hace 3 semanas y anoche se me durmió la pierna", 3.0),
    ("unos cuatro días, desde que cargué a mi nieto de 2 años", 0.57),
    ("me cambié de trabajo en marzo, y desde hace como mes y medio me empezó el dolor de espalda", 6.52),
])
def test_the_pains_own_time(text, weeks):
    assert slots_read(text).get("pain_duration_weeks") == pytest.approx(weeks, abs=0.05)


def test_a_day_here_and_a_day_there_is_no_time():
    slots = slots_read("me duele la espalda, un día arriba y otro día abajo")
    assert slots.get("pain_duration_weeks") is None


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
    found = parse_durations_es(text, FRIDAY)
    assert found and max(m.weeks for m in found) == pytest.approx(expected, abs=0.1)


def test_a_count_said_beside_a_rough_event_wins():
    found = parse_durations_es("desde la cosecha, hace como 5 semanas", FRIDAY)
    assert [m.weeks for m in found] == [5.0]


@pytest.mark.parametrize("text", [
    "mi hijo que ya tiene 2 años me pide que lo cargue y me duele la espalda",
    "en agosto me dio dengue con fiebre pero eso ya se me pasó",
])
def test_times_of_other_things_are_not_the_pains(text):
    assert vocab_weeks(text) is None


def test_spanglish_read_as_english_still_gives_the_spanish_count():
    assert vocab_weeks("since like last summer, como 7 meses") == pytest.approx(30.42, abs=0.1)


@pytest.mark.parametrize("text, expected", [
    ("me duele la espalda hace dies días", 1.43),
    ("llevo treinta y sinco días con el cuello así", 5.0),
    ("hace sinco meses que no duermo bien por la cintura", 21.73),
])
def test_a_misspelt_number_word_is_read_as_the_number_meant(text, expected):
    assert vocab_weeks(text) == pytest.approx(expected, rel=0.03)
