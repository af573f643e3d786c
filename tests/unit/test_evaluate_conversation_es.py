"""The off-script scorer honours `lang: es`: Spanish setup turns, Spanish judging, English unchanged."""
from __future__ import annotations

import re

import yaml

from bot.clinic import load_clinic
from bot.evaluate_conversation import ROOT, setup_script
from bot.evaluate_conversation_es import spanish_judge, spanish_time

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())


def _turn(*messages, buttons=()):
    return {"messages": list(messages), "text": "\n".join(messages), "buttons": list(buttons),
            "intent": None, "entities": []}


def test_english_items_keep_the_english_script():
    item = {"id": "x", "state": "offered_booking"}
    assert setup_script(item, None) == ["/greet", "my lower back", "about 8 months",
                                        "physio and ibuprofen", "no", "no thanks"]
    assert setup_script({"id": "x", "state": "booking_asked_time"}, None) == [
        "/greet", "I'd like to book an appointment", "Sam Taylor", "555 010 2030"]


def test_spanish_items_are_driven_in_spanish():
    item = {"id": "x", "state": "options_explained", "lang": "es"}
    script = setup_script(item, "Estimulación de la médula espinal")
    assert script[0] == "Hola" and "unos 8 meses" in script
    assert script[-1] == "¿qué es Estimulación de la médula espinal?"
    assert setup_script({**item, "state": "self_care_given"}, None)[2:4] == ["10 días", "nada todavía"]
    assert setup_script({**item, "state": "booking_done"}, None)[-1] == "entre semana por las mañanas"


def test_a_spanish_time_needs_every_word_in_spanish():
    pattern = spanish_time(re.escape("weekday afternoons"))
    assert re.search(pattern, "Anotado: entre semana\npor las tardes", re.I)
    assert not re.search(pattern, "entre semana por las mañanas", re.I)
    assert not re.search(pattern, "weekday afternoons", re.I)


def test_the_spanish_judge_reads_spanish_and_refuses_english():
    judge = spanish_judge(load_clinic(), DOMAIN)
    assert judge.language(_turn("¿Dónde le duele?")) == []
    assert judge.language(_turn("Where does it hurt? Tell me your pain")) != []
    phone = judge.clinic.phone
    unknown = _turn(f"No tengo esa información, lo siento; en recepción: {phone}.")
    assert judge.k_faq({}, "parking", {}, {}, unknown) == []
    assert judge.k_faq({}, "parking", {}, {}, _turn("Hay un parque cerca.")) != []
    assert re.search(judge.ack, "Siento mucho que esté pasando por esto")
    assert judge.fallback.startswith("Perdone")
    # the Spanish options' own text answers a follow-up
    option = judge.content.option("facet_joint_injection")
    item = {"option": "facet_joint_injection"}
    assert judge.k_option_followup(item, "risks", {}, {}, _turn(option.risks)) == []
