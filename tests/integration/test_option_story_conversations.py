"""The story table (tests/data/option_stories.yml) through whole conversations on the real
model and action server: the patient's messages in, the options explained out, and what
the assistant understood (where the pain goes, the injections and how they went)."""
from pathlib import Path

import pytest
import yaml

from bot.content import load_content

TABLE = Path(__file__).resolve().parents[1] / "data" / "option_stories.yml"
STORIES = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
CONTENT = load_content()


def tell(chat, row):
    """The story's messages, with "none of these" to the warning-sign screening question
    whenever it is asked (it comes before the story questions; no story answers it)."""
    c = chat(row["id"])
    said = []

    def screen_answered():
        if c.active_form == "triage_form" and c.slots.get("requested_slot") == "red_flag_screen":
            said.append(c.say("none of these"))

    for text in row["messages"]:
        screen_answered()
        said.append(c.say(text))
    screen_answered()
    return c, "\n".join(said)


@pytest.mark.parametrize("row", STORIES, ids=[s["id"] for s in STORIES])
def test_each_story_in_conversation_gets_its_expected_options(chat, row):
    c, said = tell(chat, row)
    slots = c.slots
    facts = row["facts"]
    if row.get("level"):
        assert slots["triage_level"] == row["level"]
        assert not slots.get("options_explained")
        return
    assert slots["triage_level"] == ("self_care" if facts["weeks"] < 4 else "consultation")
    assert sorted(slots.get("options_explained") or []) == sorted(row["expected"]), row["why"]
    assert slots.get("pain_pattern") == facts["pattern"]
    understood = [(i["kind"], i["relief"]) for i in slots.get("prior_injections") or []]
    assert understood == [(i["kind"], i["relief"]) for i in facts["injections"]]
    for option_id in row["expected"]:
        option = CONTENT.option(option_id)
        assert f"{option.title}: {option.reason.strip()}" in said
    if facts["weeks"] >= 4:
        assert said.count(CONTENT.disclaimer.strip()) == 1
        assert said.count(CONTENT.story_texts["intro"]) == 1


def test_the_spread_question_is_asked_only_when_it_changes_the_options(chat):
    """... and after the warning-sign screen: safety first (a blanket "no, none of those"
    meant for the screen is never taken for where the pain goes)."""
    c = chat("asked")
    c.say("my lower back has hurt for 6 months")
    assert "Before we go on" in c.say("physio and ibuprofen")
    asked = c.say("no, none of those")
    assert "spread into your leg or arm" in asked
    assert c.slots["red_flag_screen"] == "clear" and c.slots.get("pain_pattern") is None
    c = chat("already-said")
    c.say("my lower back has hurt for 6 months, it shoots down my leg")
    c.say("physio and ibuprofen")
    assert "spread into your leg or arm" not in c.say("none of these")  # the question, not the summary
    c = chat("nothing-tried")
    c.say("my lower back has hurt for 6 months")
    c.say("nothing yet")
    assert "spread into your leg or arm" not in c.say("none of these")


def test_the_relief_question_is_asked_only_after_injections_whose_effect_is_unknown(chat):
    c = chat("relief-asked")
    c.say("my neck has hurt for a year and it stays in my neck")
    c.say("physio and facet injections")
    assert "Did they help, and for how long?" in c.say("none of these")
    c = chat("relief-said")
    c.say("my neck has hurt for a year and it stays in my neck")
    c.say("physio and facet injections which helped for 3 months")
    assert "Did they help" not in c.say("none of these")
