"""Booking details said with the request or all in one message (bot/booking.py)."""
from bot.booking import details_in_request, name_before_contact, time_after_contact
from bot.booking_request import asks_to_book
from bot.name_correction import name_correction


def _name(text):
    return details_in_request(text).get("booking_name")


def test_a_name_in_the_request_only_when_said_as_one():
    assert _name("Sure, an appointment would be good. Her name is Ana Cole") == "Ana Cole"
    assert _name("ok then, I'd like an appointment please. Wilfred Oduya.") == "Wilfred Oduya"
    assert _name("Let's book, Brenda Hart, 555 300 1122") == "Brenda Hart"
    assert _name("Could I get an appointment? I'm Tobias Greenhalgh") == "Tobias Greenhalgh"
    assert _name("can I book one, I'm in a lot of pain") is None


def test_one_reader_for_every_detail_in_the_request():
    assert details_in_request("Fine, let's book. Marcus Webb, 555-0190 tues or wed evening") == {
        "booking_name": "Marcus Webb", "booking_contact": "5550190",
        "booking_time": "tues or wed evening"}
    for text in ("Great. Book it", "sounds good, book me in", "ok can we book for next Tuesday",
                 "yes please", "Perfect. Next Monday"):
        assert "booking_name" not in details_in_request(text), text


def test_the_name_before_and_the_time_after_the_contact():
    text = "Ines Vidal 555 998 1234 mon or thurs after 4"
    assert name_before_contact(text) == "Ines Vidal"
    assert time_after_contact(text) == "mon or thurs after 4"
    assert time_after_contact("Ines Vidal, ines@example.com") is None
    assert time_after_contact("555 998 1234 thanks a lot") is None


def test_a_request_to_book_beside_something_else():
    assert asks_to_book("how far is it from the station? anyway, book me please")
    assert asks_to_book("fine, let's book")
    assert not asks_to_book("I booked last week, can I change it?")
    assert not asks_to_book("what does a consultation cost?")


def test_a_name_correction_in_other_words():
    assert name_correction("oops, can you put my name down as Katherine Moss rather than Kate?",
                           "Kate Moss") == "Katherine Moss"
    assert name_correction("actually the name is wrong", "Kate Moss") is None


def test_a_spelling_hint_is_no_part_of_the_corrected_name():
    assert name_correction("oops, it's Ann Morrow with no e, not Anne", "Anne Morrow") == "Ann Morrow"


def test_the_name_given_with_both_phone_and_email_at_the_name_question():
    from bot.booking import name_with_contact

    assert name_with_contact("it's Harriet Okafor, 555-0162 and hokafor@example.org") == "Harriet Okafor"
    assert name_with_contact("Delia Marsh, 555 201 7788, delia.m@example.net, fridays pls") == "Delia Marsh"
    assert name_with_contact("His name is Walter Brandt, but ring me, I'm his son, 555 310 2244") == "Walter Brandt"
    assert name_with_contact("Soy Pilar Quesada Gil, mi cel es 555 410 2299") == "Pilar Quesada Gil"
    assert name_with_contact("my number is 555 410 2299") is None


def test_the_time_after_the_last_contact_when_both_are_given():
    assert time_after_contact("Delia Marsh, 555 201 7788, delia.m@example.net, fridays pls") == "fridays pls"


def test_a_time_said_before_the_phone_at_the_contact_question():
    from bot.booking import time_before_contact

    assert time_before_contact("vale, pues mejor los lunes por la tarde. mi celular es 555 220 1987") \
        == "vale, pues mejor los lunes por la tarde."
    assert time_before_contact("Evenings are easiest for me. My number is 555 220 1987") \
        == "Evenings are easiest for me."
    assert time_before_contact("555 220 1987") is None
    assert time_before_contact("are you open on saturday? 555 220 1987") is None
    assert time_before_contact("sure, my number is 555 220 1987") is None
