"""Spanish conversations that go off script, on the real model: a confirming question the
patient ignores, corrections, a switch of language (session 8; new sentences, not the blind sets')."""
from __future__ import annotations

CONFIRM_AGAIN = "necesito un sí o un no"


def _to_screen(c):
    c.say("Buenos días")
    c.say("me duele la parte baja de la espalda")
    c.say("hace unos cinco meses")
    c.say("probé naproxeno y masajes")
    assert c.slots["requested_slot"] == "red_flag_screen"


def test_an_ignored_confirming_question_is_asked_again_once_then_the_patient_is_followed(chat):
    c = chat()
    _to_screen(c)
    c.say("nada de eso, aunque a ratos se me duerme un poco la pierna")
    assert c.slots["red_flags_unsure"], "the sign is asked about first"
    again = c.say("¿la consulta es con un doctor o con una enfermera?")
    # the question answered (never "I need a yes or a no" to a question), the sign's once more
    assert "Por seguridad" in again and CONFIRM_AGAIN not in again
    after = c.say("bueno, quiero pedir una cita, soy Lorena Vidal")
    assert CONFIRM_AGAIN not in after
    assert not c.slots["red_flags_unsure"]
    assert c.active_form == "booking_form" and c.slots["booking_name"] == "Lorena Vidal"
    assert "leg_weakness" not in (c.slots["red_flags"] or [])  # never confirmed, never counted


def test_a_new_sign_while_the_confirming_question_waits_counts_at_once(chat):
    c = chat()
    _to_screen(c)
    c.say("nada de eso, aunque a ratos se me duerme un poco la pierna")
    c.say("¿cuánto dura la consulta?")
    c.say("y otra cosa: desde ayer no puedo orinar aunque tengo ganas")
    assert c.slots["triage_level"] == "emergency"
    assert "bladder_bowel" in c.slots["red_flags"]


def test_a_language_switch_mid_question_switches_the_question_too(chat):
    c = chat()
    c.say("Hola, buenas")
    c.say("me duele el cuello")
    said = c.say("English please")
    assert c.slots["language"] == "en"
    assert "How long" in said and "couldn't tell" not in said
    said = c.say("ay no, mejor en español por favor")
    assert c.slots["language"] == "es"
    assert "Claro, seguimos en español" in said and "cuánto tiempo" in said
    assert "No tengo esa información" not in said
    assert c.slots["requested_slot"] == "pain_duration_weeks"


def test_a_place_said_wrong_is_corrected_when_the_patient_says_what_was_meant(chat):
    c = chat()
    c.say("Hola")
    c.say("la cintura")
    assert c.slots["pain_location"] == "lower_back"
    said = c.say("ay, le puse la cintura pero en realidad es el cuello, abajo no me duele")
    assert c.slots["pain_location"] == "neck"
    assert "cuello" in said
    assert c.slots["requested_slot"] == "pain_duration_weeks"


def test_a_duration_taken_back_is_replaced_even_by_a_shorter_one(chat):
    c = chat()
    c.say("Hola")
    c.say("el cuello")
    c.say("unos 3 años")
    said = c.say("uy, no son 3 años, son como 7 meses")
    assert 28 <= c.slots["pain_duration_weeks"] <= 32
    assert "7 meses" in said
