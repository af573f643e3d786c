"""Conversation ids that a client can neither choose nor guess across channels.

Every channel stores its conversations under its own prefix (``web:``, ``sms:``,
``whatsapp:``, ``telegram:``, ``messenger:``, ``slack:``, ``rest:``): a REST sender named
``whatsapp:+15550100`` is the conversation ``rest:whatsapp:+15550100``, never a patient's
WhatsApp chat. Output channels turn the id back into the provider's address
(:func:`provider_address`) only when they send.

The web chat's id is made by the server (:func:`new_web_session`); the browser gets it back
only inside a signed, expiring token (JWT, HS256, with the server secret
``WEB_SESSION_SECRET``), which is the only way to carry on a conversation after a reconnect.
"""
from __future__ import annotations

import time
import uuid
from typing import Optional, Tuple

NAMESPACES = ("web", "sms", "whatsapp", "telegram", "messenger", "slack", "rest")
WEB_SESSION_HOURS = 24.0


def conversation_id(namespace: str, address: object) -> str:
    """The stored conversation id for a provider's sender address on one channel."""
    address = str(address)
    if namespace == "sms" and address.startswith("whatsapp:"):
        return address  # Twilio writes WhatsApp senders as whatsapp:+1555...: already namespaced
    return f"{namespace}:{address}"


def provider_address(namespace: str, conversation: object) -> str:
    """The provider's address for a stored conversation id (the inverse of conversation_id)."""
    conversation = str(conversation)
    if namespace == "sms" and conversation.startswith("whatsapp:"):
        return conversation
    prefix = f"{namespace}:"
    return conversation[len(prefix):] if conversation.startswith(prefix) else conversation


# ---------------------------------------------------------------------------------------------
# Web chat sessions
# ---------------------------------------------------------------------------------------------

def new_web_session() -> str:
    return uuid.uuid4().hex


def web_session_token(session_id: str, secret: str, hours: float = WEB_SESSION_HOURS,
                      now: Optional[float] = None) -> str:
    """A token that lets a browser carry on its own session after a reconnect, until it expires."""
    import jwt

    issued = int(now if now is not None else time.time())
    return jwt.encode({"sid": session_id, "iat": issued, "exp": issued + int(hours * 3600),
                       "aud": "web-chat"}, secret, algorithm="HS256")


def web_session_from_token(token: object, secret: str) -> Optional[str]:
    """The session id a token was issued for, or None when it is forged, altered or expired."""
    import jwt

    if not isinstance(token, str) or not token or len(token) > 1024:
        return None
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], audience="web-chat")
    except jwt.PyJWTError:
        return None
    session_id = claims.get("sid")
    return session_id if isinstance(session_id, str) and len(session_id) == 32 else None


def web_session(token: object, secret: str, hours: float = WEB_SESSION_HOURS) -> Tuple[str, str]:
    """(session id, fresh token): the token's session when it is valid, else a new one."""
    session_id = web_session_from_token(token, secret) or new_web_session()
    return session_id, web_session_token(session_id, secret, hours)
