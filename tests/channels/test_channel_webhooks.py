"""Each messaging channel's real webhook format, posted to a running Rasa server.

The assistant's outbound API calls go to a local stand-in for the provider
(tests/channels/servers.py); the assertions are on what the patient would receive.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Dict, Optional, Tuple

import pytest

from tests.channels.servers import (
    FACEBOOK_VERIFY,
    TELEGRAM_SECRET,
    TWILIO_NUMBER,
    TWILIO_SID,
    TWILIO_WHATSAPP,
    hub_signature_sha1,
    slack_signature,
    twilio_signature,
)
from tests.words import GREETING, WHERE

pytestmark = pytest.mark.slow


def post(url: str, body: bytes, headers: Dict[str, str]) -> Tuple[int, str]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def get(url: str) -> Tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


# --- Telegram -----------------------------------------------------------------------------------

def telegram_update(update_id: int, chat_id: int, text: str) -> dict:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "text": text,
        "from": {"id": chat_id, "is_bot": False, "first_name": "Jane", "language_code": "en"},
        "chat": {"id": chat_id, "first_name": "Jane", "type": "private"}}}


def telegram_button(update_id: int, chat_id: int, data: str) -> dict:
    return {"update_id": update_id, "callback_query": {
        "id": f"cb{update_id}", "chat_instance": "1", "data": data,
        "from": {"id": chat_id, "is_bot": False, "first_name": "Jane"},
        "message": {"message_id": update_id - 1, "date": int(time.time()), "text": "...",
                    "chat": {"id": chat_id, "type": "private"}}}}


def telegram_post(rasa, update: dict, secret: Optional[str] = TELEGRAM_SECRET) -> Tuple[int, str]:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    return post(rasa.webhook("telegram"), json.dumps(update).encode(), headers)


def test_telegram_registers_its_webhook_with_a_secret(rasa_channels):
    [call] = rasa_channels.providers.wait_for("telegram", "setWebhook")[:1]
    assert call.params["url"] == "https://clinic.example.org/webhooks/telegram/webhook"
    assert call.params["secret_token"] == TELEGRAM_SECRET


def test_telegram_conversation_with_buttons(rasa_channels):
    providers, chat = rasa_channels.providers, 4242001
    for_chat = lambda c: str(c.params.get("chat_id")) == str(chat)

    assert telegram_post(rasa_channels, telegram_update(1001, chat, "hello"))[0] == 200
    sent = providers.wait_for("telegram", "sendMessage", for_chat)
    text = "\n".join(c.params["text"] for c in sent)
    assert GREETING in text and WHERE in text
    keyboard = json.loads(sent[-1].params["reply_markup"])["inline_keyboard"]
    titles = [b["text"] for row in keyboard for b in row]
    assert titles == ["Lower back", "Upper back", "Neck"]
    payload = keyboard[0][0]["callback_data"]

    mark = providers.mark()
    assert telegram_post(rasa_channels, telegram_button(1002, chat, payload))[0] == 200
    providers.wait_for("telegram", "sendMessage", lambda c: for_chat(c) and "How long" in c.params["text"])
    assert providers.since(mark, "telegram", "answerCallbackQuery"), "the tapped button stops spinning"


def test_telegram_refuses_an_update_without_the_secret(rasa_channels):
    providers, chat = rasa_channels.providers, 4242002
    mark = providers.mark()
    assert telegram_post(rasa_channels, telegram_update(2001, chat, "hello"), secret="forged")[0] == 403
    assert telegram_post(rasa_channels, telegram_update(2002, chat, "hello"), secret=None)[0] == 403
    time.sleep(0.5)
    assert not [c for c in providers.since(mark, "telegram", "sendMessage")
                if str(c.params.get("chat_id")) == str(chat)]


# --- Twilio: SMS and WhatsApp -------------------------------------------------------------------

def twilio_form(sender: str, body: str, to: str = TWILIO_NUMBER) -> Dict[str, str]:
    return {"ToCountry": "US", "SmsMessageSid": "SM" + "1" * 32, "NumMedia": "0",
            "SmsSid": "SM" + "1" * 32, "SmsStatus": "received", "Body": body, "To": to,
            "NumSegments": "1", "MessageSid": "SM" + "1" * 32, "AccountSid": TWILIO_SID,
            "From": sender, "ApiVersion": "2010-04-01"}


def twilio_post(rasa, form: Dict[str, str], signature: Optional[str] = None) -> Tuple[int, str]:
    url = rasa.webhook("twilio")
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "X-Twilio-Signature": signature or twilio_signature(url, form)}
    return post(url, urllib.parse.urlencode(form).encode(), headers)


def test_sms_gets_numbered_choices_and_a_number_answers_them(rasa_channels):
    providers, patient = rasa_channels.providers, "+15550107001"
    to_patient = lambda c: c.params.get("To") == patient

    status, body = twilio_post(rasa_channels, twilio_form(patient, "hello"))
    assert status == 200 and "<Response>" in body
    providers.wait_for("twilio", where=lambda c: to_patient(c) and "Where" in c.params["Body"])
    sent = providers.find("twilio", where=to_patient)
    assert all(sms.params["From"] == TWILIO_NUMBER for sms in sent)
    assert all(sms.path == f"/2010-04-01/Accounts/{TWILIO_SID}/Messages.json" for sms in sent)
    assert GREETING in "\n".join(sms.params["Body"] for sms in sent)
    assert sent[-1].params["Body"] == "Where does it hurt?\n\n1. Lower back  2. Upper back  3. Neck"

    twilio_post(rasa_channels, twilio_form(patient, "1"))  # "1" = Lower back
    providers.wait_for("twilio", where=lambda c: to_patient(c) and "How long" in c.params["Body"])
    assert providers.find("twilio", where=to_patient)[-1].params["Body"] == \
        "How long have you had this pain?", "no numbered choices where there are no buttons"


def test_whatsapp_is_answered_from_the_whatsapp_number(rasa_channels):
    providers, patient = rasa_channels.providers, "whatsapp:+15550107002"
    twilio_post(rasa_channels, twilio_form(patient, "my neck has hurt for 2 years", to=TWILIO_WHATSAPP))
    [message] = providers.wait_for("twilio", where=lambda c: c.params.get("To") == patient)[:1]
    assert message.params["From"] == TWILIO_WHATSAPP
    assert message.params["Body"].strip()


def test_twilio_refuses_a_forged_signature(rasa_channels):
    providers, patient = rasa_channels.providers, "+15550107003"
    mark = providers.mark()
    form = twilio_form(patient, "hello")
    status, _ = twilio_post(rasa_channels, form, signature="bm90IGEgcmVhbCBzaWduYXR1cmU=")
    assert status == 403
    # signed for another message body: also refused
    other = twilio_signature(rasa_channels.webhook("twilio"), twilio_form(patient, "hi"))
    assert twilio_post(rasa_channels, form, signature=other)[0] == 403
    time.sleep(0.5)
    assert not [c for c in providers.since(mark, "twilio") if c.params.get("To") == patient]


# --- Facebook Messenger -------------------------------------------------------------------------

def messenger_event(sender: str, text: str, quick_reply: Optional[str] = None) -> bytes:
    message = {"mid": f"m_{time.time()}", "text": text}
    if quick_reply:
        message["quick_reply"] = {"payload": quick_reply}
    return json.dumps({"object": "page", "entry": [{
        "id": "page-1", "time": int(time.time() * 1000),
        "messaging": [{"sender": {"id": sender}, "recipient": {"id": "page-1"},
                       "timestamp": int(time.time() * 1000), "message": message}]}]}).encode()


def test_messenger_conversation_with_quick_replies(rasa_channels):
    providers, patient = rasa_channels.providers, "psid-7001"
    to_patient = lambda c: (c.params.get("recipient") or {}).get("id") == patient
    says = lambda c: "message" in c.params

    body = messenger_event(patient, "hello")
    status, _ = post(rasa_channels.webhook("facebook"), body,
                     {"Content-Type": "application/json", "X-Hub-Signature": hub_signature_sha1(body)})
    assert status == 200
    sent = providers.wait_for("facebook", "messages", lambda c: to_patient(c) and says(c))
    message = sent[-1].params["message"]
    assert WHERE in message["text"]
    assert [q["title"] for q in message["quick_replies"]] == ["Lower back", "Upper back", "Neck"]
    actions = [c.params.get("sender_action") for c in providers.find("facebook", "messages", to_patient)]
    assert "typing_on" in actions

    payload = message["quick_replies"][0]["payload"]
    body = messenger_event(patient, "Lower back", quick_reply=payload)
    post(rasa_channels.webhook("facebook"), body,
         {"Content-Type": "application/json", "X-Hub-Signature": hub_signature_sha1(body)})
    providers.wait_for("facebook", "messages",
                       lambda c: to_patient(c) and says(c) and "How long" in c.params["message"]["text"])


def test_messenger_refuses_a_forged_signature_and_verifies_its_webhook(rasa_channels):
    providers, patient = rasa_channels.providers, "psid-7002"
    mark = providers.mark()
    body = messenger_event(patient, "hello")
    status, _ = post(rasa_channels.webhook("facebook"), body,
                     {"Content-Type": "application/json",
                      "X-Hub-Signature": hub_signature_sha1(body, secret="wrong")})
    assert status == 403
    assert post(rasa_channels.webhook("facebook"), body, {"Content-Type": "application/json"})[0] == 403
    time.sleep(0.5)
    assert not [c for c in providers.since(mark, "facebook")
                if (c.params.get("recipient") or {}).get("id") == patient]

    query = urllib.parse.urlencode({"hub.mode": "subscribe", "hub.verify_token": FACEBOOK_VERIFY,
                                    "hub.challenge": "12345"})
    assert get(f"{rasa_channels.webhook('facebook')}?{query}") == (200, "12345")
    query = urllib.parse.urlencode({"hub.mode": "subscribe", "hub.verify_token": "guess",
                                    "hub.challenge": "12345"})
    assert get(f"{rasa_channels.webhook('facebook')}?{query}")[0] == 403


# --- Slack --------------------------------------------------------------------------------------

def slack_post(rasa, payload: bytes, content_type: str, secret_ok: bool = True) -> Tuple[int, str]:
    timestamp = str(int(time.time()))
    signature = slack_signature(payload, timestamp) if secret_ok else slack_signature(payload, timestamp, "x")
    return post(rasa.webhook("slack"), payload, {
        "Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature})


def slack_event(user: str, channel: str, text: str) -> bytes:
    return json.dumps({
        "token": "verification-token", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
        "event_id": f"Ev{time.time()}", "event_time": int(time.time()),
        "authorizations": [{"user_id": "UBOT", "is_bot": True}],
        "event": {"type": "message", "channel_type": "im", "user": user, "channel": channel,
                  "text": text, "ts": f"{time.time():.6f}"}}).encode()


def test_slack_conversation_with_buttons(rasa_channels):
    providers, user, channel = rasa_channels.providers, "U7001", "D7001"
    in_dm = lambda c: c.params.get("channel") == channel

    status, _ = slack_post(rasa_channels, slack_event(user, channel, "hello"), "application/json")
    assert status == 200
    sent = providers.wait_for("slack", "chat.postMessage",
                              lambda c: in_dm(c) and WHERE in c.params.get("text", ""))
    blocks = sent[-1].params["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert [b["text"]["text"] for b in buttons] == ["Lower back", "Upper back", "Neck"]

    click = {"type": "block_actions", "user": {"id": user}, "channel": {"id": channel},
             "message": {"ts": "1.0"},
             "actions": [{"type": "button", "action_id": "a", "value": buttons[0]["value"],
                          "text": {"type": "plain_text", "text": "Lower back"}}]}
    form = urllib.parse.urlencode({"payload": json.dumps(click)}).encode()
    assert slack_post(rasa_channels, form, "application/x-www-form-urlencoded")[0] == 200
    providers.wait_for("slack", "chat.postMessage",
                       lambda c: in_dm(c) and "How long" in c.params.get("text", ""))


def test_slack_refuses_a_forged_signature(rasa_channels):
    providers, user, channel = rasa_channels.providers, "U7002", "D7002"
    mark = providers.mark()
    status, _ = slack_post(rasa_channels, slack_event(user, channel, "hello"), "application/json",
                           secret_ok=False)
    assert status in (400, 401, 403)
    time.sleep(0.5)
    assert not [c for c in providers.since(mark, "slack") if c.params.get("channel") == channel]
