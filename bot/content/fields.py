"""What the content files must hold: file names, languages, fields and allowed placeholders."""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from bot.contract import (
    LANGUAGES,  # noqa: F401 - the language slot's values, re-exported
    RED_FLAGS,
)
from bot.labels import LABELS_FILE

ENV_VAR = "CLINIC_CONTENT_DIR"
OPTIONS_FILE = "options.yml"
SELF_CARE_FILE = "self_care.yml"
CONVERSATION_FILE = "conversation.yml"
CONTENT_FILES = (OPTIONS_FILE, SELF_CARE_FILE, CONVERSATION_FILE, LABELS_FILE)
# The languages the assistant speaks. English is the source in content/; each other language
# has the same files with the same keys in content/<lang>/, each marked with its clinician
# review (REVIEW_FIELD). The clinical rules (options' `fits`) live only in the English file.
DEFAULT_LANGUAGE = "en"
REVIEW_FIELD = "review"
REVIEW_KEYS = ("by", "on", "note")

ASPECTS = ("what", "how", "relief", "risks")
DEFAULT_ASPECT = "what"

# Placeholders the self-care texts may use: the clinic's values (bot.clinic.Clinic.
# template_values()) plus {flags}, the red flags the patient mentioned in plain words.
CLINIC_PLACEHOLDERS = frozenset(
    {
        "clinic_name",
        "clinic_phone",
        "clinic_hours",
        "emergency_number",
        "crisis_line_name",
        "crisis_line_number",
        "booking_url",
    }
)
SELF_CARE_PLACEHOLDERS = CLINIC_PLACEHOLDERS | {"flags"}
# What the patient told us, said once before the options (`story` in options.yml).
STORY_PLACEHOLDERS = {"intro": set(), "where": {"location", "duration"}, "tried": {"tried"},
                      "nothing_tried": set(), "relief_for": {"duration"}}
NONE_FIT = ("nothing_tried", "not_yet")
# Every text the code says from conversation.yml, with the placeholders it fills beyond the
# clinic's values and {min_age}. A key missing from the file stops the start-up; keys the
# code does not know are kept as they are (in a translation, only if the English file has them).
CONVERSATION_PLACEHOLDERS = CLINIC_PLACEHOLDERS | {"min_age"}
_BOOKING_SENT = {"name", "contact", "time", "reference"}
CONVERSATION_TEXTS: Mapping[str, frozenset[str]] = MappingProxyType({
    key: CONVERSATION_PLACEHOLDERS | set(extra) for key, extra in {
        "handoff_open": (), "handoff_closed": (), "crisis": (), "under_18": (),
        "handoff_open_in_form": (), "handoff_closed_in_form": (),
        "echo_words": {"words"}, "correction": {"flags"}, "offer_consultation": (),
        "offer_callback": (), "peg_offer": (), "peg_thanks": (), "already_booked": {"reference"},
        "booking_not_sent": (), "booking_sent_consultation": _BOOKING_SENT,
        "booking_sent_callback": _BOOKING_SENT, "questions_after_booking": (),
        "questions_after_booking_end": (),  # the questions after a booking ended unanswered
        "booking_resent_consultation": {"reference"}, "booking_resent_callback": {"reference"},
        "offer_declined": (), "self_care_booking_hint": (), "other_body_part": (),
        "which_red_flag": (), "screen_after_plain": (), "none_of_these": (), "unnamed_red_flag": (), "button_yes": (),
        "button_no": (), "button_skip": (), "option_list_intro": (), "option_list_hint": (),
        "message_too_long": {"max_chars"}, "messages_too_fast": (),
        # off-script turns (issue 16)
        "correction_ack": {"value"}, "also_tried": {"tried"}, "tried_now": {"tried"}, "tried_none_now": (),
        "distress": (), "nothing_helped": (),
        "callback_start": (), "cannot_help": (), "take_your_time": (), "booking_later": (), "next_step": (), "button_book": (), "distress_safety": (),
        "distress_safety_gentle": (),  # the line when only the classifier heard crisis (crisis_gate.py)
        "booking_change": {"reference"}, "booking_change_unknown": (),
        "booking_change_note": {"reference"}, "red_flags_not_sure": (),
        "booking_whose_name": (),  # "is it his name or mine?", booking for someone else
        "not_known": (), "duration_left": (), "leaving_signs": (), "story_noted": (), "language_switched": (),
        "list_and": (),  # the word before a list's last item ("a, b and c")
        "have_red_flag": {"flag"},  # what a warning sign's button sends, as if typed
        "other_language": (),  # a message in a language not spoken (bot/other_language.py)
        # a question about the question (bot/question_about.py): why it is asked, what a word means
        **{f"why_asked_{q}": () for q in ("pain_location", "pain_duration_weeks", "treatments_tried",
                                          "red_flag_screen", "story")},
        **{f"meaning_{m}": () for m in RED_FLAGS + ("screen",)},
        "asked_again": (),  # told before ("I already told the nurse all this"): sorry, then the question
    }.items()
})
# How a number of weeks is said (bot.wording.describe_duration); {n} is a whole number.
DURATION_WORDS: Mapping[str, frozenset[str]] = MappingProxyType({
    "less_than_a_day": frozenset(), "about_a_day": frozenset(), "a_few_days": frozenset(),
    "about_a_week": frozenset(), "weeks": frozenset({"n"}), "months": frozenset({"n"}),
    "about_a_year": frozenset(), "over_a_year": frozenset(), "a_year_and_a_half": frozenset(),
    "almost_two_years": frozenset(), "years": frozenset({"n"}), "over_years": frozenset({"n"}),
})
# How days and opening hours are said (bot.clinic.Calendar): {clinic_hours} and the answers
# about opening hours.
CALENDAR_FIELDS = ("days", "short_days", "every_day", "closed", "today", "tomorrow", "on_day",
                   "at_time", "now_words")
CALENDAR_OPTIONAL = ("language_names",)  # clinic.yml's language names in this language
CALENDAR_PLACEHOLDERS = {"on_day": {"day"}, "at_time": {"when", "time"}}
ANSWER_PLACEHOLDERS = frozenset({"title", "answer", "disclaimer", "plan_note"})

OPTION_TEXT_FIELDS = ("what", "how", "relief", "risks", "reason")
OPTION_FIELDS = ("id", "title", "names", *OPTION_TEXT_FIELDS, "fits")
OPTIONS_TOP = (
    "disclaimer",
    "plan_note",
    "answer_template",
    "story",
    "options_intro",
    "when_none_fit",
    "question_aspects",
    "options",
)
SELF_CARE_TOP = ("screening_question", "red_flags", "sign_question_answer", "confirmed_absent",
                 "confirm_again", "emergency_advice", "urgent_advice", "self_care")
SELF_CARE_SECTION = ("intro", "advice", "come_back_intro", "come_back", "disclaimer")
