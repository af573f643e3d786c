"""How often a question was asked, whether a patient leaving was ever asked the warning signs,
and the level a patient leaving with how long untold gets."""
from bot.questions_asked import leaving_known, signs_never_asked, times_asked
from bot.triage import decide_triage


def _asked(action):
    return {"event": "bot", "text": "...", "metadata": {"utter_action": action}}


def test_times_asked_counts_the_questions_own_response_in_every_wording():
    events = [_asked("utter_ask_pain_duration_weeks"), {"event": "user", "text": "ibuprofen"},
              _asked("utter_ask_treatments_tried"), _asked("utter_ask_pain_duration_weeks"),
              {"event": "bot", "text": "How long?"}]
    assert times_asked(events, "pain_duration_weeks") == 2
    assert times_asked(events, "pain_location") == 0


def test_signs_are_named_to_a_patient_leaving_who_told_about_the_pain_but_was_never_asked():
    assert signs_never_asked({"pain_location": "neck"})
    assert not signs_never_asked({"pain_location": "neck", "red_flag_screen": "clear"})
    assert not signs_never_asked({})  # nothing told: a plain goodbye
    assert not signs_never_asked({"pain_location": "neck", "red_flags_unsure": ["fever"]})
    assert not signs_never_asked({"pain_location": "neck", "triage_level": "emergency"})


def test_leaving_with_no_signs_and_how_long_untold_is_a_specialist_never_self_care():
    known = leaving_known({"red_flag_screen": "clear", "duration_category": None})
    assert decide_triage(known.get("red_flags"), known.get("duration_category"),
                         known.get("duration_unknown")).level == "consultation"
    # the signs never asked: nothing is assumed
    untold = leaving_known({"red_flag_screen": None, "duration_category": None})
    assert decide_triage(untold.get("red_flags"), untold.get("duration_category"),
                         untold.get("duration_unknown")) is None
    # a length told decides as before
    assert leaving_known({"red_flag_screen": "clear", "duration_category": "acute"}).get("duration_unknown") is None
