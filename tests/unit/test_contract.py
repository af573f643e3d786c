"""domain.yml declares exactly the triage contract's names and values (../shared/triage-contract.md):
staff tools, channels and acceptance checks read them from the tracker."""
import yaml

from bot.contract import DURATION_CATEGORIES, LOCATIONS, TRIAGE_LEVELS
from tests.harness import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())


def test_the_contract_slots_have_the_contract_types_and_values():
    slots = DOMAIN["slots"]
    assert slots["pain_location"]["values"] == list(LOCATIONS)
    assert slots["duration_category"]["values"] == list(DURATION_CATEGORIES)
    assert slots["triage_level"]["values"] == list(TRIAGE_LEVELS)
    assert slots["pain_duration_weeks"]["type"] == "float"
    assert slots["treatments_tried"]["type"] == "list"
    assert slots["red_flags"]["type"] == "list"


def test_the_contract_forms_exist():
    assert {"triage_form", "booking_form"} <= set(DOMAIN["forms"])
