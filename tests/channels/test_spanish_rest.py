"""A Spanish-speaking patient over REST, against the real model and action server: from "Hola"
to a booked consultation, and to emergency advice mid-form, entirely in Spanish; a message
in a language the assistant does not speak gets the safety numbers in English and Spanish."""
from __future__ import annotations

import json
import urllib.request
import uuid
from typing import Dict, Optional

import pytest

from bot import store
from bot.clinic import load_clinic
from tests.harness import rest_conversation, rest_headers

pytestmark = pytest.mark.slow

CLINIC = load_clinic()
ENGLISH_WORDS = ("Where does it hurt", "How long", "What have you tried", "Thank you",
                 "Would you like", "emergency department", "Sorry")


class SpanishPatient:
    def __init__(self, rasa, metadata: Optional[Dict] = None):
        self.rasa, self.metadata = rasa, metadata
        self.sender = f"es-{uuid.uuid4().hex[:10]}"

    def say(self, text: str, spanish_only: bool = True) -> str:
        body = {"sender": self.sender, "message": text}
        if self.metadata:
            body["metadata"] = self.metadata
        request = urllib.request.Request(f"{self.rasa.url}/webhooks/rest/webhook",
                                         data=json.dumps(body).encode(), headers=rest_headers())
        with urllib.request.urlopen(request, timeout=60) as answer:
            reply = "\n".join(m.get("text", "") for m in json.load(answer))
        for words in ENGLISH_WORDS if spanish_only else ():  # never English mid-conversation
            assert words not in reply, (text, reply)
        return reply


@pytest.mark.parametrize("metadata", [None, {"language": "es"}], ids=["detected", "metadata"])
def test_hola_to_a_booked_consultation_in_spanish(rasa_channels, metadata):
    p = SpanishPatient(rasa_channels, metadata)
    greeting = p.say("Hola")
    assert "no un diagnóstico" in greeting and CLINIC.emergency_number in greeting
    assert "¿Dónde le duele?" in greeting
    assert "¿Desde hace cuánto" in p.say("Me duele la parte baja de la espalda")
    assert "¿Qué ha probado" in p.say("Desde hace unos 6 meses")
    # the warning-sign screen first (safety first), then where the pain goes, which changes
    # the options after physical therapy
    screening = p.say("Fisioterapia e ibuprofeno, y no me ayudaron")
    assert "vejiga" in screening and "fiebre" in screening
    assert "¿El dolor se extiende" in p.say("No, nada de eso")
    options = p.say("se queda en la espalda")
    assert "no un diagnóstico" in options
    assert "unos 6 meses" in options
    assert "tres preguntas rápidas" in options
    assert "del 0 (sin dolor) al 10" in p.say("Sí")
    assert "disfrute de la vida" in p.say("7")
    assert "actividad general" in p.say("5")
    assert "consulta" in p.say("6")
    assert "nombre" in p.say("Sí, por favor")
    assert "teléfono" in p.say("María García")
    assert "¿Cuándo" in p.say("maria@example.com")
    confirmation = p.say("Por las mañanas entre semana")
    assert "María García" in confirmation and "referencia" in confirmation
    [booking] = store.list_bookings(rest_conversation(p.sender))
    assert booking["name"] == "María García" and booking["kind"] == "consultation"


def test_an_emergency_sign_mid_form_gets_the_emergency_advice_in_spanish(rasa_channels):
    p = SpanishPatient(rasa_channels, {"language": "es"})
    p.say("Hola")
    p.say("Me duele mucho la espalda baja")
    advice = p.say("Hace dos semanas, y ahora no puedo controlar la orina")
    assert "urgencias" in advice and CLINIC.emergency_number in advice
    assert "pérdida del control de la vejiga" in advice
    again = p.say("¿Puedo pedir una cita?")
    assert "urgencias" in again and CLINIC.emergency_number in again


def test_a_message_in_another_language_gets_the_numbers_in_english_and_spanish(rasa_channels):
    p = SpanishPatient(rasa_channels)
    reply = p.say("Bonjour, j'ai très mal au dos depuis une semaine", spanish_only=False)
    [english] = [part for part in reply.split("\n") if "English and Spanish" in part]
    [spanish] = [part for part in reply.split("\n") if "inglés y en español" in part]
    for part in (english, spanish):
        assert CLINIC.emergency_number in part and CLINIC.phone in part
