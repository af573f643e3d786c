"""The request words (vocab/requests.yml, vocab/es/requests.yml) are data, checked at start-up."""
from pathlib import Path

import pytest

from bot.booking_request import asks_to_book
from bot.nlu.request_words import FILES, load_request_words, request_words


def test_both_languages_are_read_into_one_pattern_a_key():
    words = request_words()
    assert words.book.search("ok book it") and words.book.search("agéndeme, por favor")
    assert words.call_me.search("could someone phone me") and words.call_me.search("que me llamen")
    assert words.call_me.search("I'd rather somebody phoned me")  # shared with call_me_back
    assert words.call_me_back.search("I'd rather somebody phoned me")
    assert words.leaving.search("let me sleep on it") and words.leaving.search("déjeme pensarlo")
    assert words.gone.search("bye") and words.gone.search("hasta luego")
    assert words.change.search("can I reschedule") and words.change.search("¿me la puede cambiar?")
    assert words.person.search("put me through to a real person")
    assert asks_to_book("Fine, let's book. Marcus Webb, 555-0190")
    assert not asks_to_book("I don't want to book yet")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "requests.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, said", [
    ("book: ['\\bbook\\b']\nsurprise: ['x']\n", "unknown keys ['surprise']"),
    ("book: ['(unclosed']\n", "does not compile"),
    ("book: [3]\n", "must be a list of quoted patterns"),
    ("book: ['a', 'a']\n", "written twice"),
])
def test_a_broken_file_stops_the_start_up_naming_the_file_and_key(tmp_path, text, said):
    path = _write(tmp_path, text)
    with pytest.raises(ValueError, match="requests.yml") as error:
        load_request_words([FILES[0], path])
    assert said in str(error.value)


def test_the_english_file_must_fill_every_key(tmp_path):
    with pytest.raises(ValueError, match="needs entries under"):
        load_request_words([_write(tmp_path, "book: ['\\bbook\\b']\n")])


def test_a_changed_time_keeps_the_sentences_that_suit():
    from bot.booking import new_time_in_change

    assert new_time_in_change("Could we change it to Thursday afternoon instead? Mornings don't "
                              "work for me after all.") == "Thursday afternoon"  # the asking words left out
    assert new_time_in_change("en las mañanas entro a trabajar, ¿me lo pueden cambiar a las "
                              "tardes? entre semana igual") == "las tardes, entre semana igual"
    assert new_time_in_change("mornings don't work any more") == "mornings don't work any more"  # all staff get


def test_a_name_put_in_full_or_said_again_in_full_replaces_the_short_one():
    from bot.name_correction import name_correction

    assert name_correction("could you put Samuel Taylor? Sam is what friends call me", "Sam Taylor") \
        == "Samuel Taylor"
    assert name_correction("escribí mal mi nombre, no es Sam es Samuel, Samuel Taylor", "Sam Taylor") \
        == "Samuel Taylor"
    assert name_correction("can you put it in the afternoon", "Sam Taylor") is None
    assert name_correction("put Jane Doe down instead", "Sam Taylor") is None  # not the same person


def test_a_treatment_taken_back_is_taken_off_and_the_rest_said():
    from bot.clinic import load_clinic
    from bot.content import load_content
    from bot.offscript import correction_ack
    from bot.slots import clinical_updates

    before = {"treatments_tried": ["physical_therapy", "otc_medication"]}
    entities = [{"entity": "treatment_taken_back", "value": "physical_therapy"},
                {"entity": "treatment", "value": "chiropractic"}]
    after = clinical_updates(before, entities, "not physio, it was chiro")
    assert after["treatments_tried"] == ["otc_medication", "chiropractic"]
    said = correction_ack(load_content(), load_clinic(), before, after)["text"]
    assert "chiro" in said.lower() and "physio" not in said.lower()
    # a treatment never given is not "taken back" into anything
    assert "treatments_tried" not in clinical_updates(
        {"treatments_tried": ["otc_medication"]},
        [{"entity": "treatment_taken_back", "value": "surgery"}], "I haven't had surgery")


@pytest.mark.parametrize("key,said,not_said", [
    # session 18: what happens next, never a question about waiting for something else
    ("next_step", "do I just wait for a letter, or will the office ring me?", "should I wait for the swelling to go down?"),
    ("next_step", "¿y cómo me entero de la fecha?", "¿cómo se llama la clínica?"),
    # someone named: the classifier's "person" without one is not a request for a person
    ("someone", "can the front desk sort it out", "is there parking for a wheelchair van?"),
    ("someone", "¿alguien me puede atender?", "¿hay aparcamiento? voy con mi abuela"),
    # what to do oneself, never a question about an option
    ("home_care", "anything I should do at home until the appointment?", "can I drive myself home after?"),
    ("home_care", "¿qué hago en casa mientras tanto?", "¿duele la inyección?"),
    ("information", "could I get some information first", "can I book for tuesday"),
    ("asks_meaning", "the terms you used, I can't follow them.", "those I have, I don't understand why it hurts"),
])
def test_session_18_words_are_heard_only_as_themselves(key, said, not_said):
    pattern = getattr(request_words(), key)
    assert pattern.search(said) and not pattern.search(not_said)
