"""The FHIR R4 handover: each request as a transaction Bundle, and its delivery.

The FHIR R4 handover: each booking or call-back request as a transaction Bundle for the
clinic's EHR (`bundle`: pure, built and validated with fhir.resources' R4B models), and its
delivery to the clinic's FHIR server (`delivery`)."""
from __future__ import annotations

from typing import Any, Dict, Optional

from bot import store
from bot.fhir.bundle import build_bundle


def bundle_for(booking_id: int, *, url: Optional[str] = None) -> Dict[str, Any]:
    """The Bundle of one stored request (store.NotFound when there is none). No audit here:
    the caller (staff page, command line, the outbox) records who handed it where."""
    booking = store.get_booking(booking_id, url=url)
    try:
        conversation = store.get_conversation(booking["conversation_id"], url=url)
    except store.NotFound:  # erased or purged since: the request alone
        conversation = {"slots": {}, "red_flag_evidence": [], "options_explained": [],
                        "peg": {}}
    return build_bundle(booking, conversation)
