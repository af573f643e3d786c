"""Kinds round 16 found missed (sentences written for this test, none from a blind set): a
sign whose own words begin with a negation, said straight after a denied sign with no
punctuation ("no fever cant hold my pee"), in both languages; leaking told with an amount
("peed a bit in my pants") or as "se me ha salido"; "¿eso cuenta?" after the writer's own
history; the groin typed as two words ("la entre pierna"); "ninguna caída" denied though "ninguna" also reads as nothing tried; a child's fever; a
cancer ward as a workplace."""
import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text,flag", [
    ("back is agony no fever cant control my bladder since this morning", "bladder_bowel"),
    ("no falls no fever can't feel my bottom when i wipe", "saddle_numbness"),
    ("no temp no weight loss cannot hold my wee anymore", "bladder_bowel"),
    ("no tengo fiebre ya no aguanto la orina desde anoche", "bladder_bowel"),
    ("no me he caído no puedo controlar la caca desde ayer", "bladder_bowel"),
    ("no fiebre no siento las nalgas al sentarme", "saddle_numbness"),
    ("this morning I peed a bit in my trousers without noticing", "bladder_bowel"),
    ("se me ha salido el pipí dos veces sin darme cuenta", "bladder_bowel"),
    ("me quitaron un cáncer de colon hace dos años, ¿eso cuenta?", "cancer_history"),
])
def test_a_sign_told_is_raised(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text", [
    "no fever no leg weakness no numbness no bladder trouble",
    "no fever no cancer no weight loss",
    "no tengo fiebre no me he caído no he bajado de peso",
    "no fiebre ni debilidad en las piernas, de la orina bien",
    "pérdida de orina no, debilidad no, fiebre no, caídas ninguna",
    "mi hermano tuvo cáncer, ¿eso cuenta?",
    "ninguna caída, ningún golpe",  # "ninguna" is also "nothing tried": still the denial
    "caídas ninguna, fiebre tampoco",
    "my little girl had a fever all weekend and I was up with her, my neck is stiff",
    "I'm a nurse on the cancer floor, lifting patients wrecked my back",  # a workplace: asked at most
    "trabajo en el piso de cáncer y de cargar pacientes me duele la espalda",
])
def test_a_denied_list_stays_denied(text):
    assert read(text).raised == set()


def test_the_groin_typed_as_two_words_is_asked_at_least():
    reading = read("no tengo fiebre, pero se me duerme la entre pierna")
    assert "saddle_numbness" in reading.asked | reading.raised
