"""The story table (tests/data/option_stories.yml) on the selection function, given the
facts each story states: every story gets exactly its expected options."""
from pathlib import Path

import pytest
import yaml

from bot.advice import MAX_OPTIONS_SHOWN
from bot.content import load_content, select_options
from bot.option_fit import PatientStory

TABLE = Path(__file__).resolve().parents[1] / "data" / "option_stories.yml"
STORIES = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
OPTION_STORIES = [s for s in STORIES if not s.get("level")]


def test_the_table_has_at_least_30_stories_each_with_its_reasoning():
    assert len(STORIES) >= 30
    assert len({s["id"] for s in STORIES}) == len(STORIES)
    ids = {o.id for o in load_content().options}
    for s in STORIES:
        assert s["story"] and s["why"] and s["messages"]
        assert set(s["expected"]) <= ids


def story_of(facts) -> PatientStory:
    return PatientStory(location=facts["location"], weeks=facts["weeks"], tried=tuple(facts["tried"]),
                        pattern=facts["pattern"], injections=tuple(facts["injections"]),
                        severity=facts.get("peg"))


@pytest.mark.parametrize("row", OPTION_STORIES, ids=[s["id"] for s in OPTION_STORIES])
def test_each_story_gets_its_expected_options(row):
    chosen = select_options(load_content(), story_of(row["facts"])).fits[:MAX_OPTIONS_SHOWN]
    assert sorted(f.option.id for f in chosen) == sorted(row["expected"]), row["why"]
