"""A booking or call-back request as a FHIR R4 transaction Bundle (pure).

Built with fhir.resources 7.0.2's R4B models (the last release on pydantic 1, which Rasa 3.6
needs; R4B is R4 with fixes, the same wire format for every resource used here): each
resource is validated as it is made, and the Bundle again as a whole, so a mistake fails
here and never at the clinic's server.

- Patient: the name as the patient typed it (`text`, never split), the phone or email;
- Appointment (status proposed) for a consultation, the preferred time in `comment` (the
  patient's words: "weekday mornings" is not a period), or ServiceRequest (intent proposal)
  for a call back, the preferred time in a note;
- QuestionnaireResponse for the PEG answers, LOINC-coded (panel 91148-7; items 75893-8,
  91145-3, 91146-1; mean score 91147-9), when the patient answered them;
- Communication: the triage summary staff read (level, red flags in the patient's words,
  duration, what was tried, options explained).

Every resource carries the request's reference (R00012) as an identifier, and every entry is
a conditional create on it (`ifNoneExist`), so a Bundle sent twice (a retry after a lost
answer) creates nothing twice on a server that honours it. Ids are stable per request.
"""
from __future__ import annotations

import os
import uuid
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from fhir.resources.R4B.appointment import Appointment
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.communication import Communication
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.servicerequest import ServiceRequest

LOINC = "http://loinc.org"
PEG_PANEL = "91148-7"
PEG_ITEMS = (  # (slot, LOINC code, the question as the assistant asks it)
    ("peg_pain", "75893-8", "What number best describes your pain on average in the past week?"),
    ("peg_enjoyment", "91145-3", "What number best describes how, during the past week, pain "
                                 "has interfered with your enjoyment of life?"),
    ("peg_activity", "91146-1", "What number best describes how, during the past week, pain "
                                "has interfered with your general activity?"),
)
PEG_MEAN = "91147-9"
# The identifier system of the request references; a clinic may set its own URI.
DEFAULT_SYSTEM = "urn:spine-triage-assistant:request-reference"
_NAMESPACE = uuid.UUID("6f1c1b7e-3f0a-4b53-9a55-3c1f3a6a0b18")


def identifier_system() -> str:
    return os.environ.get("FHIR_IDENTIFIER_SYSTEM", "").strip() or DEFAULT_SYSTEM


def _full_url(reference: str, resource_type: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{reference}/{resource_type}')}"


def _instant(value: Optional[datetime]) -> str:
    value = value or datetime.now(timezone.utc)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat(timespec="seconds")


def _telecom(contact: str) -> List[Dict[str, str]]:
    contact = (contact or "").strip()
    if not contact:
        return []
    return [{"system": "email" if "@" in contact else "phone", "value": contact}]


def summary_text(booking: Dict[str, Any], conversation: Dict[str, Any]) -> str:
    """The triage summary as staff read it (plain text, the patient's words quoted)."""
    from bot.staff import labels

    slots = conversation.get("slots") or {}
    lines = [f"Request {booking['reference']}: {labels.label(labels.KINDS, booking['kind'])}",
             f"Triage level: {labels.label(labels.LEVELS, booking.get('triage_level'))}"]
    evidence = conversation.get("red_flag_evidence") or []
    if evidence:
        lines.append("Red flags (patient's words): " + "; ".join(
            f"{labels.label(labels.RED_FLAGS, e.get('flag'))}: \"{e.get('words', '')}\""
            for e in evidence if isinstance(e, dict)))
    elif slots.get("red_flags"):
        lines.append("Red flags: " + labels.labels(labels.RED_FLAGS, slots["red_flags"]))
    else:
        lines.append("Red flags: none reported")
    if slots.get("pain_location"):
        lines.append("Where it hurts: " + labels.label(labels.LOCATIONS, slots["pain_location"]))
    if slots.get("pain_duration_weeks") is not None:
        lines.append("How long: " + labels.weeks(slots["pain_duration_weeks"]))
    if slots.get("treatments_tried") is not None:
        lines.append("Already tried: " + (labels.treatments(slots["treatments_tried"]) or "nothing"))
    options = conversation.get("options_explained") or []
    if options:
        from bot.content import load_content

        titles = {o.id: o.title for o in load_content().options}
        lines.append("Options explained (education, not a diagnosis): " + ", ".join(
            titles.get(o, o.replace("_", " ")) for o in options))
    lines.append(f"Preferred time (patient's words): {booking.get('preferred_time') or '-'}")
    return "\n".join(lines)


def _peg_response(reference: str, identifier: Dict[str, str], patient_url: str,
                  peg: Dict[str, Any], authored: str) -> Optional[QuestionnaireResponse]:
    items = []
    for slot, code, question in PEG_ITEMS:
        value = peg.get(slot)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            items.append({"linkId": code, "text": question,
                          "answer": [{"valueInteger": int(round(value))}]})
    if not items:
        return None  # skipped or never asked: nothing to send
    mean = peg.get("peg_score")
    if isinstance(mean, (int, float)) and len(items) == len(PEG_ITEMS):
        items.append({"linkId": PEG_MEAN, "text": "PEG score (mean of the three answers)",
                      "answer": [{"valueDecimal": round(float(mean), 2)}]})
    return QuestionnaireResponse(
        identifier=identifier, status="completed" if len(items) > len(PEG_ITEMS) else "in-progress",
        questionnaire=f"{LOINC}/q/{PEG_PANEL}", subject={"reference": patient_url},
        authored=authored, item=items)


def build_bundle(booking: Dict[str, Any], conversation: Dict[str, Any]) -> Dict[str, Any]:
    """The transaction Bundle of one request (a dict of FHIR JSON, validated)."""
    reference = booking["reference"]
    system = identifier_system()
    identifier = {"system": system, "value": reference}
    created = _instant(booking.get("created_at"))
    urls = {t: _full_url(reference, t) for t in
            ("Patient", "Appointment", "ServiceRequest", "QuestionnaireResponse", "Communication")}
    patient_ref = {"reference": urls["Patient"]}
    resources: List[Any] = [Patient(
        identifier=[identifier], name=[{"text": booking.get("name") or "(not given)"}],
        telecom=_telecom(booking.get("contact", "")))]
    if booking["kind"] == "callback":
        request = ServiceRequest(
            identifier=[identifier], status="active", intent="proposal",
            priority="urgent" if booking.get("triage_level") in ("urgent", "emergency") else "routine",
            code={"text": "Call back the patient (spine and pain clinic)"},
            subject=patient_ref, authoredOn=created,
            note=[{"text": f"Preferred time (patient's words): {booking.get('preferred_time') or '-'}"}])
        request_type = "ServiceRequest"
    else:
        request = Appointment(
            identifier=[identifier], status="proposed",
            description="Spine and pain consultation requested through the clinic's assistant",
            comment=f"Preferred time (patient's words): {booking.get('preferred_time') or '-'}",
            created=created,
            participant=[{"actor": patient_ref, "required": "required", "status": "needs-action"}])
        request_type = "Appointment"
    resources.append(request)
    peg = _peg_response(reference, identifier, urls["Patient"], conversation.get("peg") or {},
                        created)
    if peg is not None:
        resources.append(peg)
    resources.append(Communication(
        identifier=[identifier], status="completed",
        category=[{"text": "Triage summary from the clinic's assistant"}],
        subject=patient_ref, about=[{"reference": urls[request_type]}], sent=created,
        payload=[{"contentString": summary_text(booking, conversation)}]))
    entries = []
    for resource in resources:
        kind = resource.resource_type
        entries.append({
            "fullUrl": urls[kind], "resource": resource,
            "request": {"method": "POST", "url": kind,
                        "ifNoneExist": f"identifier={system}|{reference}"},
        })
    bundle = Bundle(type="transaction", timestamp=created,
                    identifier={"system": system, "value": reference}, entry=entries)
    return validated(bundle.dict())


def validated(data: Dict[str, Any]) -> Dict[str, Any]:
    """`data` parsed as an R4B Bundle and written back as FHIR JSON (raises
    pydantic.ValidationError when it is not a valid Bundle)."""
    import json

    return json.loads(Bundle.parse_obj(data).json())
