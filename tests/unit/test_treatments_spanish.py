"""Treatments tried, said in Spanish: local brands and generics, home rubs, therapies, Spanglish.

Medicines by the brands of Mexico, the Caribbean, South America and Spain, home remedies, shots
into the muscle, English words inside Spanish; "no he probado nada" (nothing tried) apart from
"nada me sirve" (tried, nothing helps); and what is no treatment for the back. Sentences written
for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import slots_and_asked, tried_as_read
from tests.vocabulary_reading import slots_read, vocab_tried, vocab_tried_as_read


@pytest.mark.parametrize("text,tried", [
    ("tomé Kitadol y me dieron licencia médica una semana", ["otc_medication", "rest"]),
    ("mi mamá me da masajitos en la noche", ["massage"]),
    ("tomé ibuprofeno y un relajante que me recetó la doctora", ["otc_medication", "prescription_medication"]),
])
def test_spanish_treatments(text, tried):
    assert sorted(slots_and_asked(text)[0]["treatments_tried"]) == sorted(tried)


@pytest.mark.parametrize("text,expected", [
    # brands and generics by country, in a list with no verb to tell them
    ("Supradol, calor y reposo", {"prescription_medication", "heat_ice", "rest"}),
    ("unos Sedalmercks y la bolsa de agua caliente", {"otc_medication", "heat_ice"}),
    ("me he tomado unas buscapinas y me unto alcoholado", {"otc_medication"}),
    ("el médico de cabecera me dio Zaldiar y Yurelax", {"prescription_medication"}),
    ("ibu y hielo", {"otc_medication", "heat_ice"}),
    ("estoy usando Lertopil cada noche", {"otc_medication"}),  # a name no list knows, told by the verb
    # home rubs and remedies
    ("me froto con bálsamo del tigre y me pongo el guatero", {"otc_medication", "heat_ice"}),
    ("alcohol con romero y unas pomaditas", {"otc_medication"}),
    # therapies and injections as said
    ("en el seguro me pusieron corrientes y onda corta", {"physical_therapy"}),
    ("me hicieron punción seca y un masaje descontracturante", {"acupuncture", "massage"}),
    ("me pusieron ozono en la columna hace un año", {"injection"}),
    ("fui al quiromasajista dos veces", {"massage"}),
    # English inside Spanish, and a message that tells no language
    ("Advil, heating pad y un massage", {"otc_medication", "heat_ice", "massage"}),
    ("Aleve, Bengay y compresas calientes", {"otc_medication", "heat_ice"}),
    # medicines for another condition beside one for the pain
    ("tomo la aspirina diaria y la pastilla de la presión, para la espalda solo Tempra", {"otc_medication"}),
    ("mi esposo toma Adiro; yo para la espalda uso hielo", {"heat_ice"}),
    ("tomo Buscapina por el estómago y para el dolor paracetamol", {"otc_medication"}),
    # a cancer's operation, a birth's epidural, a treatment only asked for
    ("a mi papá le dio cáncer de colon y la operaron hace años", set()),
    ("me pusieron la epidural en el parto de mi segundo hijo", set()),
    ("quisiera saber si me pueden poner una infiltración", set()),
    # a shot into the muscle is a medicine; into the spine, an injection
    ("me pusieron una inyección en el glúteo para el dolor", {"prescription_medication"}),
    ("me pusieron suero para el dolor en urgencias", {"prescription_medication"}),
    ("el traumatólogo me puso una inyección en la columna", {"injection"}),
])
def test_spanish_treatments_as_said(text, expected):
    assert set(tried_as_read(text) or []) == expected


@pytest.mark.parametrize("text", [
    "de momento nada, quería saber qué me recomiendan",
    "mi papá no ha tomado nada para la espalda",
    "ninguna medicina todavía",
    "nomás me aguanto",
    "me mandaron a rehabilitación pero no he ido, hasta ahora nada",
])
def test_spanish_nothing_tried(text):
    assert tried_as_read(text) == []


@pytest.mark.parametrize("text", ["ya tomé de todo y nada", "no me sirve nada de lo que tomo"])
def test_spanish_nothing_helps_is_no_nothing_tried(text):
    assert tried_as_read(text) != []


@pytest.mark.parametrize("text", [
    "mi papá cada vez camina peor por la espalda",
    "me pusieron una inyección de vitaminas por el cansancio",
])
def test_no_treatment_where_none_was_tried_for_the_pain(text):
    assert not vocab_tried_as_read(text)


@pytest.mark.parametrize("text", [
    "el inglés lo entiendo nada, mejor en español",
    "mi hija traduce porque yo el alemán no lo leo nada",
    "sorry, I understand nothing of these forms",
])
def test_nothing_of_another_verb_answers_no_treatment_question(text):
    assert vocab_tried_as_read(text) is None


@pytest.mark.parametrize("text", [
    "no comprendo nada del formulario, pero no he probado nada",
    "I understand nothing of this form. Tried nothing so far",
])
def test_another_nothing_in_the_message_still_says_nothing_tried(text):
    assert vocab_tried_as_read(text) == []


def test_pain_no_remedy_takes_away_is_tried_unnamed_not_nothing():
    assert vocab_tried_as_read("el dolor no se me quita con nada") is None


@pytest.mark.parametrize("text, tried", [
    ("hice kinesio dos meses", ["physical_therapy"]),
    ("el médico me da Nolotil", ["prescription_medication"]),
    ("me pusieron una inyección de diclofenaco en la farmacia", ["injection"]),
    ("me inyectaron un diclofenaco en la farmacia", ["prescription_medication"]),
    ("mi esposo me sobaba la espalda en las noches", ["massage"]),
    ("me la pasé en cama tres días", ["rest"]),
    ("parche de lidocaína que me recetaron", ["prescription_medication"]),
    ("me operaron la columna hace un año, es normal que duela?", ["surgery"]),
])
def test_treatments_in_other_words(text, tried):
    assert sorted(slots_read(text).get("treatments_tried") or []) == tried


@pytest.mark.parametrize("text", [
    "la epidural me la pusieron cuando nació mi hija",
    "mi mamá tuvo un quiste en el ovario que le operaron",
    "me operaron un quiste de la muñeca",
    "camino normal, fuerza tengo",
    "¿ustedes hacen radiofrecuencia?",
    "el doctor dice que me tengo que operar pero no quiero",
])
def test_not_a_treatment_tried_for_the_back(text):
    assert not slots_read(text).get("treatments_tried")


def test_nothing_helps_is_no_nothing_tried():
    assert slots_read("he provado de todo y nada me funsiona").get("treatments_tried") != []
    assert slots_read("no se me kita con nada").get("treatments_tried") != []


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
    ("me puse unos trapitos tibios y tomé Actron", {"heat_ice", "otc_medication"}),
    ("una bolsa de semillas calentita y complejo b", {"heat_ice", "otc_medication"}),
    ("la fisio no me ayudó nada, ni el Medrol", {"physical_therapy", "prescription_medication"}),
    ("me hicieron medial branch blocks el año pasado", {"injection"}),
    ("tomo las pastillas para la presión y nada más", set()),
    ("la rizotomía no me la han querido hacer", set()),
    ("mi papá ya falleció, que en paz descanse", set()),
    ("creo que me lastimé en el gimnasio", set()),
    ("tuve cáncer de tiroides, me operaron y quedé bien", set()),
    ("me pusieron un shot de esteroide en la columna", {"injection"}),
    ("la medicina que me dio el doctor no me hizo nada", {"prescription_medication"}),
    ("me unté alcohol de marihuana en la cintura", {"otc_medication"}),
    ("compré novalgin en la farmacia", {"otc_medication"}),
    ("me pongo ice en la noche", {"heat_ice"}),
])
def test_what_was_tried(text, expected):
    assert vocab_tried(text) == expected


def test_tried_everything_is_not_nothing_tried():
    assert slots_read("ya probé de todo y nada me quita este dolor").get("treatments_tried") != []
