"""A Spanish-speaking patient over SMS (Twilio's real webhook format, a running Rasa server and
action server): every question, its numbered choices and the advice in Spanish, and a number
typed on the phone answers the Spanish choices."""
from __future__ import annotations

import pytest

from bot.clinic import load_clinic
from tests.channels.test_channel_webhooks import twilio_form, twilio_post

pytestmark = pytest.mark.slow

CLINIC = load_clinic()
ENGLISH_WORDS = ("Where does it hurt", "How long", "What have you tried", "Lower back",
                 "None of these", "Would you like", "emergency department", "Sorry")


class SmsPatient:
    def __init__(self, rasa, number: str):
        self.rasa, self.number, self.seen = rasa, number, 0

    def texts(self, text: str, until: str) -> str:
        """Send one SMS; what the patient's phone receives until a message holds `until`."""
        to_me = lambda c: c.params.get("To") == self.number  # noqa: E731
        status, _ = twilio_post(self.rasa, twilio_form(self.number, text))
        assert status == 200
        self.rasa.providers.wait_for("twilio", where=lambda c: to_me(c) and until in c.params["Body"])
        sent = self.rasa.providers.find("twilio", where=to_me)
        received, self.seen = "\n".join(s.params["Body"] for s in sent[self.seen:]), len(sent)
        for words in ENGLISH_WORDS:  # never English mid-conversation
            assert words not in received, (text, received)
        return received


def test_a_whole_spanish_conversation_by_sms_with_numbered_choices(rasa_channels):
    p = SmsPatient(rasa_channels, "+15550107301")
    greeting = p.texts("Hola, buenas tardes", until="¿Dónde le duele?")
    assert CLINIC.emergency_number in greeting
    assert greeting.endswith("1. Parte baja de la espalda\n2. Parte alta de la espalda\n3. Cuello")
    assert "¿Desde hace cuánto" in p.texts("1", until="¿Desde hace cuánto")  # 1 = the low back
    tried = p.texts("unos 3 meses", until="¿Qué ha probado")
    assert tried.endswith("1. Nada todavía")
    screen = p.texts("1", until="vejiga")  # 1 = nothing yet
    assert screen.endswith("1. Ninguno de estos")
    advice = p.texts("1", until="no un diagnóstico")  # 1 = none of these warning signs
    assert "unos 3 meses" in advice


def test_an_emergency_sign_by_sms_gets_the_emergency_advice_in_spanish(rasa_channels):
    p = SmsPatient(rasa_channels, "+15550107302")
    p.texts("hola", until="¿Dónde le duele?")
    p.texts("3", until="¿Desde hace cuánto")  # 3 = the neck
    advice = p.texts("desde ayer, y ya no puedo mover bien las piernas, se me doblan",
                     until=CLINIC.emergency_number)
    assert "urgencias" in advice
