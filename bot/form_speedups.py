"""Rasa's form loop without the validator call it repeats, unchanged, when a form starts.

When a form starts (`LoopAction.run`), Rasa 3.6 calls the form's validator in `activate`
(on a copy of the tracker with the form's `ActiveLoop` applied, the slots already filled as
candidates) and, when that call answered nothing at all, calls it again in `do`
(`_validate_if_required`, on the tracker itself: the slots set since the patient's message as
candidates, or none). What the validator is sent the second time differs from the first only
in: the active loop (the form, then the loop before it), one `active_loop` event, the
requested slot (the one already set, then none), and which slot events follow the form's
execution. The slot values are the same unless activation's slot extraction set one, and a
candidate may hold another value than its slot.

This project's validators (actions/common.py `ClinicalFormValidation.run` and each
`get_extraction_events`: triage, booking, PEG, and what they call) read the slots, the latest
message, and the user and action events (`_on_patient_message`, `_answered_by`,
`answers_confirming_question`, `_details_in_request`); never the active loop, `active_loop`
events or the slot events after the form's execution (nor rasa_sdk's `slots_to_validate`,
which `run` does not call). So when no slot was requested before the form started, the
extraction added no event, the slot values are equal and every candidate holds its slot's
value, the second answer is the first's: nothing (as every such second call answered on the
benchmark's paths, session 13). Then it is not sent, and `do` goes on with no validation
events, as with the validator's empty answer. Anything else takes Rasa's way.
tests/unit/test_form_speedups.py checks each condition and, on real conversations with the
action server, that the call left out would have answered nothing. A validator that starts
reading the active loop, the requested slot at a form's start or the trailing slot events
(`slots_to_validate`) must be checked against this.

Also here: `action_extract_slots` returns no event at once when every slot's mapping is a
custom one with no action (this domain's), as Rasa's loop over the mappings would
(`slot_mappings_that_set_nothing_skipped`).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

# Rasa's members replaced here, and what the replacement relies on (bot/rasa_speedups.py checks
# them at start-up with the others: "module:Class.member" -> its parameters in Rasa 3.6.21)
RELIED_ON: Dict[str, Optional[Tuple[str, ...]]] = {
    "rasa.core.actions.forms:FormAction.activate": (
        "self", "output_channel", "nlg", "tracker", "domain"),
    "rasa.core.actions.forms:FormAction._validate_if_required": (
        "self", "tracker", "domain", "output_channel", "nlg"),
    "rasa.core.actions.forms:FormAction._get_slot_extractions": ("self", "tracker", "domain"),
    "rasa.core.actions.forms:FormAction.do": (
        "self", "output_channel", "nlg", "tracker", "domain", "events_so_far"),
    "rasa.core.actions.loops:LoopAction.run": ("self", "output_channel", "nlg", "tracker", "domain"),
    "rasa.core.actions.forms:FormAction._activate_loop": (
        "self", "output_channel", "nlg", "tracker", "domain"),
    "rasa.core.actions.action:ActionExtractSlots.run": (
        "self", "output_channel", "nlg", "tracker", "domain"),
    "rasa.core.actions.action:ActionExtractSlots._execute_custom_action": (
        "self", "mapping", "executed_custom_actions", "output_channel", "nlg", "tracker", "domain"),
    "rasa.core.actions.action:ActionExtractSlots._execute_validation_action": (
        "self", "extraction_events", "output_channel", "nlg", "tracker", "domain"),
    "rasa.shared.core.constants:DEFAULT_SLOT_NAMES": None,
    "rasa.shared.core.constants:ACTION_VALIDATE_SLOT_MAPPINGS": None,
}

# form action attribute: (the tracker activation validated on, its number of events)
_ACTIVATION = "_speedups_activation_validated"


def activation_validated_once() -> None:
    from rasa.core.actions.forms import FormAction
    from rasa.shared.core.constants import ACTION_LISTEN_NAME, REQUESTED_SLOT
    from rasa.shared.core.events import ActiveLoop

    from bot.rasa_speedups import _replacing

    original_activate = FormAction.activate
    original_validate_if_required = FormAction._validate_if_required

    @_replacing(original_activate)
    async def activate(self: FormAction, output_channel: Any, nlg: Any, tracker: Any,
                       domain: Any) -> List[Any]:
        events = await original_activate(self, output_channel, nlg, tracker, domain)
        # [] only when the validator was asked and answered nothing (and the extraction set
        # no slot): the one case in which `do` asks it again
        if not events and f"validate_{self.name()}" in domain.action_names_or_texts:
            setattr(self, _ACTIVATION, (tracker, len(tracker.events)))
        return events

    @_replacing(original_validate_if_required)
    async def _validate_if_required(self: FormAction, tracker: Any, domain: Any,
                                    output_channel: Any, nlg: Any) -> List[Any]:
        activation = self.__dict__.pop(_ACTIVATION, None)
        if activation is not None and _asked_the_same(self, activation, tracker, domain):
            return []
        return await original_validate_if_required(self, tracker, domain, output_channel, nlg)

    def _asked_the_same(form: FormAction, activation: Tuple[Any, int], tracker: Any,
                        domain: Any) -> bool:
        """Whether the validator would be sent what activation sent it, but for what it
        never reads (the module's docstring)."""
        activated, n_events = activation
        if len(activated.events) != n_events or n_events != len(tracker.events) + 1:
            return False  # the extraction at activation added events, or a tracker changed
        last = activated.events[-1]
        if not isinstance(last, ActiveLoop) or last.name != form.name() \
                or tracker.active_loop_name == form.name() \
                or tracker.get_slot(REQUESTED_SLOT) is not None \
                or activated.current_slot_values() != tracker.current_slot_values():
            return False
        needs_validation = not tracker.active_loop or (
            tracker.latest_action_name == ACTION_LISTEN_NAME
            and not tracker.is_active_loop_interrupted)
        candidates = form._get_slot_extractions(tracker, domain) if needs_validation else {}
        return all(name in tracker.slots and tracker.slots[name].value == value
                   and type(tracker.slots[name].value) is type(value)
                   for name, value in candidates.items())

    FormAction.activate = activate
    FormAction._validate_if_required = _validate_if_required


def slot_mappings_that_set_nothing_skipped() -> None:
    """`action_extract_slots` (every message, and at every form's start) goes through every
    mapping of every slot. In this domain each slot's one mapping is `{type: custom}` with no
    action (the validators set the slots): Rasa then checks the mapping's intent and
    conditions, extracts no value, runs no custom action (`_execute_custom_action` returns
    nothing without an `action`), and with no `action_validate_slot_mappings` in the domain
    returns no event, whatever the tracker. For such a domain (checked once per domain object)
    it returns no event at once; any other mapping, an action in one, or the validation action
    in the domain: Rasa's way."""
    from rasa.core.actions.action import ActionExtractSlots

    from bot.rasa_speedups import _replacing

    original = ActionExtractSlots.run
    checked: List[Any] = [None, False]  # the domain last checked, and whether it sets nothing

    def sets_nothing(domain: Any) -> bool:
        if checked[0] is not domain:
            checked[:] = [domain, extracts_nothing(domain)]
        return checked[1]

    @_replacing(original)
    async def run(self: ActionExtractSlots, output_channel: Any, nlg: Any, tracker: Any,
                  domain: Any) -> List[Any]:
        if sets_nothing(domain):
            return []
        return await original(self, output_channel, nlg, tracker, domain)

    ActionExtractSlots.run = run


def extracts_nothing(domain: Any) -> bool:
    """Whether Rasa's `action_extract_slots` returns no event for this domain, whatever the
    tracker: every slot's every mapping a bare `{type: custom}`, no slot-mapping validation."""
    from rasa.shared.core.constants import ACTION_VALIDATE_SLOT_MAPPINGS, DEFAULT_SLOT_NAMES

    user_slots = [slot for slot in domain.slots if slot.name not in DEFAULT_SLOT_NAMES]
    return ACTION_VALIDATE_SLOT_MAPPINGS not in domain.user_actions and all(
        mapping == {"type": "custom"} for slot in user_slots for mapping in slot.mappings)
