"""The request words (vocab/requests.yml, vocab/es/requests.yml) are data, checked at start-up."""
from pathlib import Path

import pytest

from bot.booking import asks_to_book
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
