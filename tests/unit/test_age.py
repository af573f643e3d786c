import pytest

from bot.nlu.age import stated_age


@pytest.mark.parametrize("text,age", [
    ("I'm 15 and my back hurts", 15), ("im 16", 16), ("I am fourteen", 14),
    ("14 yo here", 14), ("I'm 52", 52), ("I'm 41 years old", 41), ("aged 17", 17),
    ("fifteen years old, is that a problem?", 15), ("my 12-year-old has neck pain", 12),
    ("my back has hurt for 6 years", None), ("it started 15 years ago", None),
    ("I'm 6 weeks into physio", None), ("I lost 10 pounds", None), ("I'm 80kg", None),
    ("pain is 7 out of 10", None), ("", None),
    # "just turned" is the writer's age only when the writer is its subject: a child's birthday
    # dating the pain must not turn an adult away as a minor
    ("I just turned 17", 17), ("just turned 16, is that ok", 16),
    ("it began when our second was born, he just turned 4", None),
])
def test_a_stated_age_is_read_and_durations_are_not(text, age):
    assert stated_age(text) == age


def test_the_minimum_age_is_clinic_yml_s(tmp_path, monkeypatch):
    """A clinic that sees patients from 21 (or 16) sets min_patient_age: the model's age check
    and the answer both follow it, with no retraining."""
    from rasa.shared.nlu.training_data.message import Message

    from bot.advice import under_18_message
    from bot.clinic import load_clinic
    from bot.content import load_content
    from bot.nlu.intent_rules import StatedAgeCheck
    from tests.harness import ROOT

    settings = (ROOT / "clinic.yml").read_text()
    current = load_clinic().min_patient_age
    assert f"min_patient_age: {current}" in settings
    clinic_file = tmp_path / "clinic.yml"
    clinic_file.write_text(settings.replace(f"min_patient_age: {current}",
                                            f"min_patient_age: {current + 3}"))
    monkeypatch.setenv("CLINIC_CONFIG", str(clinic_file))

    check = StatedAgeCheck.create({}, None, None, None)
    message = Message(data={"text": f"I'm {current + 1} and my back hurts",
                            "intent": {"name": "describe_pain", "confidence": 0.9}})
    check.process([message])
    assert message.get("intent")["name"] == "age_under_18"
    assert str(current + 3) in under_18_message(load_clinic(), load_content())["text"]


@pytest.mark.parametrize("text", [
    "En las mañanas, que mi hijo entra a trabajar a las 2",
    "after 5 is best, my daughter drives me",
    "mornings before 10:30, my son takes me",
    "cualquier día después de las 4, mi nieto me trae",
])
def test_a_time_of_day_is_no_age(text):
    """An elderly patient asked when suits her answers with her son's working hours: the
    classifier took "mi hijo ... a las 2" for a minor, and the booking ended with "this
    service is for adults"."""
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.intent_rules import StatedAgeCheck

    message = Message(data={"text": text, "intent": {"name": "age_under_18", "confidence": 0.76},
                            "intent_ranking": [{"name": "age_under_18", "confidence": 0.76},
                                               {"name": "inform", "confidence": 0.1}]})
    [out] = StatedAgeCheck(18).process([message])
    assert out.get("intent")["name"] == "inform"


@pytest.mark.parametrize("text", ["my son is 14, can he come after school at 3?",
                                  "mi hija de 13 años puede ir a las 4",
                                  # "13 años" is also a length: after who it is, an age
                                  "mi hija de 13 años tiene dolor de espalda"])
def test_a_minor_with_a_time_of_day_or_a_length_is_still_a_minor(text):
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.intent_rules import StatedAgeCheck

    message = Message(data={"text": text, "intent": {"name": "age_under_18", "confidence": 0.8},
                            "intent_ranking": [{"name": "age_under_18", "confidence": 0.8}]})
    [out] = StatedAgeCheck(18).process([message])
    assert out.get("intent")["name"] == "age_under_18"


@pytest.mark.parametrize("text", ["hi, when are you open? I work 7 to 3",
                                  "hola, ¿abren temprano? salgo de trabajar, estoy de 9 a 6"])
def test_working_hours_are_no_age(text):
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.intent_rules import StatedAgeCheck

    message = Message(data={"text": text, "intent": {"name": "age_under_18", "confidence": 0.9},
                            "intent_ranking": [{"name": "age_under_18", "confidence": 0.9},
                                               {"name": "ask_clinic", "confidence": 0.05}]})
    [out] = StatedAgeCheck(18).process([message])
    assert out.get("intent")["name"] != "age_under_18"


@pytest.mark.parametrize("text", ["temprano, tipo a las 8 o 9", "around 10 or 11 works for me"])
def test_an_hour_or_the_next_is_no_age(text):
    from bot.nlu.age import no_number_is_an_age

    assert no_number_is_an_age(text)
