"""Answers to a red flag's confirming question that are not a plain yes or no (bot/slots.py)."""
from bot.red_flag_questions import confirm_answer


def test_asking_how_urgent_it_is_speaks_of_the_sign_as_present():
    assert confirm_answer("saddle_numbness", "inform", "is that serious?", []) is None
    for text in ("is this serious? do I need to go tonight", "Should I wait until Monday?",
                 "can it wait till the weekend, I have work", "Is it really necessary, right now?",
                 "ok which hospital do I go to"):
        assert confirm_answer("saddle_numbness", "inform", text, []) == "yes", text


def test_a_yes_that_answers_something_else_is_no_answer():
    spread = [{"entity": "pain_pattern", "value": "radiating_leg"}]
    assert confirm_answer("fever", "inform", "yeah it shoots down to my calf", spread) is None
    assert confirm_answer("trauma", "book_consultation", "Yes, book me in please. Ana Ruiz", []) is None
    assert confirm_answer("weight_loss", "request_callback", "can you phone me maybe tomorrow", []) is None


def test_i_have_leading_into_another_sign_is_no_yes_to_the_sign_asked():
    # asked about the bladder, the patient tells another sign: asked again, not an emergency
    weight = [{"entity": "red_flag", "value": "weight_loss"}]
    assert confirm_answer("bladder_bowel", "inform", "I have lost 9 kilos since spring", weight) is None
    assert confirm_answer("saddle_numbness", "inform", "i've had a fever on and off",
                          [{"entity": "red_flag_unsure", "value": "fever"}]) is None
    # a plain "I have", or one that names the sign asked about as well, stays a yes
    assert confirm_answer("bladder_bowel", "inform", "I have", []) == "yes"
    assert confirm_answer("bladder_bowel", "inform", "I have, and I've lost weight too",
                          weight + [{"entity": "red_flag_unsure", "value": "bladder_bowel"}]) == "yes"


def test_plain_answers_are_unchanged():
    assert confirm_answer("fever", "affirm", "yes", []) == "yes"
    assert confirm_answer("fever", "inform", "maybe a little", []) == "yes"
    assert confirm_answer("fever", "deny", "no", []) == "no"
    assert confirm_answer("fever", "inform", "it stays in my back", []) is None


def test_a_length_said_at_a_later_question_replaces_the_pain_length_only_when_it_is_one():
    from bot.slots import late_length_counts

    known = {"pain_duration_weeks": 1.4, "requested_slot": "treatments_tried"}
    assert not late_length_counts(known, "I lift my daughter, she is 4 years old")
    assert not late_length_counts(known, "too many things over the years to list")
    assert late_length_counts(known, "actually it's more like 5 weeks")
    assert late_length_counts(known, "it started 3 months ago, I tried rest")
    assert late_length_counts({"requested_slot": "treatments_tried"}, "she is 4 years old")
    assert late_length_counts({"pain_duration_weeks": 1.4, "requested_slot": "pain_duration_weeks"},
                              "4 years")


def test_a_relative_passing_on_the_screen_answer():
    from actions.triage import _CLEAR_ANSWER

    assert _CLEAR_ANSWER.match("He says no fever, no trouble peeing, no weakness")
    assert _CLEAR_ANSWER.match("my mum says none of those")
    assert not _CLEAR_ANSWER.match("he says no fever, but he can't feel his bottom")


def test_nothing_helped_is_not_tried_nothing():
    from bot.offscript import says_nothing_helped

    assert says_nothing_helped("I've tried everything under the sun and nothing has helped")
    assert says_nothing_helped("pills, heat, stretching... nothing really works")
    assert not says_nothing_helped("nothing so far")
    assert not says_nothing_helped("nothing, I haven't tried anything")


def test_really_alone_is_no_correction_of_the_length():
    from bot.slots import late_length_counts

    known = {"pain_duration_weeks": 30.0, "requested_slot": "treatments_tried"}
    assert not late_length_counts(known, "so much over the years, I really can't remember")


def test_a_place_named_again_to_take_it_back():
    from bot.slots import place_correction

    def places(*values):
        return [{"entity": "pain_location", "value": v} for v in values]

    assert place_correction({"pain_location": "neck"}, places("neck", "lower_back"),
                            "oops I said neck, I meant my lower back") == "lower_back"
    assert place_correction({"pain_location": "lower_back"}, places("lower_back", "upper_back"),
                            "I put lower back but it's more between the shoulder blades") == "upper_back"
    assert place_correction({"pain_location": "neck"}, places("neck", "lower_back"),
                            "my neck and my lower back both hurt") is None


def test_asking_whether_to_come_with_someone_is_no_yes():
    # how to come to a procedure, asked instead of the answer: not "must I go now?"
    for text in ("¿después de la infiltración puedo volver en bus o tengo que ir acompañada?",
                 "do I have to go with someone to the injection, or can I drive?"):
        assert confirm_answer("fever", "ask_clinic", text, []) is None, text
    assert confirm_answer("fever", "inform", "¿tengo que ir hoy mismo?", []) == "yes"
