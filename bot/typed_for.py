"""A conversation typed for the patient by someone else: a later message's signs are the patient's.

"I'm writing for my dad" in one message, "he can't hold his water" in a later one: the later
sign is the patient's, present.

Each message is read alone (bot/nlu/mention_proxy.py): one that says it is typed for the
patient carries a `writing_for` entity, and one whose signs belong to someone else ("he",
"dad") carries a second reading, as typed for the patient (`if_typed_for` entities, each with
the entity it would be in `as`). Here the conversation decides which reading counts: once an
earlier message said it is typed for the patient, the second reading joins the message's
entities, for the triage form's slot rules (actions/common.py) and the red-flag policy
(bot/dialogue.py) alike.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator, List, Mapping

Entities = List[Mapping[str, Any]]


def entities_said(events: Iterable[Any]) -> List[Entities]:
    """The entities of every user message in `events` (the SDK's dicts or Rasa's events)."""
    return list(each_entities_said(events))


def each_entities_said(events: Iterable[Any]) -> Iterator[Entities]:
    """`entities_said`, one message at a time, read only as far as it is asked: `as_meant`
    reads the conversation only for a message with a second reading (few are), so the
    session's events are not walked at every prediction and every form validation."""
    for event in events:
        if type(event) is dict or isinstance(event, Mapping):
            if event.get("event") == "user":
                yield (event.get("parse_data") or {}).get("entities") or []
        elif getattr(event, "type_name", None) == "user":
            yield (getattr(event, "parse_data", None) or {}).get("entities") or []


def typed_for_patient(said: Iterable[Entities]) -> bool:
    """Did a message of the conversation say it is typed for the patient?"""
    return any(e.get("entity") == "writing_for" for entities in said for e in entities)


def as_meant(entities: Entities, said: Iterable[Entities]) -> Entities:
    """The message's entities as the conversation means them: in one typed for the patient,
    its reading as typed for the patient adds the signs it reads as the patient's (a sign
    read both ways is kept once; nothing the first reading found is lost). `said` is read
    only when the message has such a reading (`each_entities_said` gives it lazily)."""
    again = [e for e in entities if e.get("entity") == "if_typed_for"]
    if not again:
        return entities
    kept = [e for e in entities if e.get("entity") != "if_typed_for"]
    if not typed_for_patient(said):
        return kept
    have = {(e.get("entity"), e.get("value")) for e in kept}
    added = [{**{k: v for k, v in e.items() if k != "as"}, "entity": e["as"]} for e in again
             if (e["as"], e.get("value")) not in have]
    return sorted(kept + added, key=lambda e: e.get("start") or 0)
