"""What the benchmark says: real 20-message conversations for each assistant.

This assistant's are patients' paths through triage (see tests/test_conversation.py for what
it answers); the default assistant's use the intents `rasa init` trains (greet, mood, affirm,
deny, bot_challenge, goodbye). Conversation n of a load uses path n modulo the number of
paths, so 50 conversations mix every path."""
from __future__ import annotations

from typing import List, Sequence

MESSAGES = 20

ASSISTANT_PATHS: List[List[str]] = [
    # chronic low back pain: the options asked about, the PEG questions, a booking
    ["hello", "my lower back", "about 6 months", "physio and ibuprofen, it doesn't spread", "no, none of those",
     "yes", "7", "about a 5", "6", "what is a facet joint injection?", "does it hurt?",
     "how long does the relief last?", "yes please", "Jane Smith", "jane@example.com",
     "weekday mornings", "are you a bot?", "what are the risks of a facet injection?",
     "thank you", "bye"],
    # neck pain down the arm, everything in a few messages, questions, then a booking
    ["hi", "my neck hurts and it goes down into my right arm", "for about 4 months",
     "massage and naproxen, I also saw a chiropractor", "no fever, no weakness, no bladder problems",
     "what is an epidural steroid injection?", "how is it done, does it hurt?",
     "how long does it last?", "what are the risks?", "yes", "8", "7", "about 6",
     "I'd like to book", "Sam Lee", "555 010 4477", "any afternoon", "thanks a lot",
     "is a real person going to read this?", "goodbye"],
    # questions about the options first, then the triage, the PEG questions skipped
    ["hello", "what is a facet injection?", "does it hurt?", "how long does relief last?",
     "what is radiofrequency ablation?", "what are the risks of it?",
     "ok, my low back has hurt for a year", "physical therapy and tylenol, it doesn't spread", "none of those",
     "no thanks", "what is spinal cord stimulation?", "how long does that last?",
     "yes please", "Ahmed Khan", "555 777 1234", "tomorrow morning", "are you a robot?",
     "what is a nerve block?", "thank you", "bye"],
    # a red flag: a fall, the urgent advice, a call back, then an emergency sign
    ["hi", "lower back", "2 weeks", "nothing yet", "I fell down the stairs last week",
     "yes", "Maria Lopez", "555 222 9911", "as soon as possible", "what is a nerve block?",
     "does it hurt?", "ok thanks", "wait, now my legs keep getting weaker",
     "what should I do?", "should I go to the hospital?", "ok", "thank you",
     "are you a bot?", "can I book an appointment?", "bye"],
    # a few days of pain: self-care advice, questions, no booking
    ["hi", "my neck", "5 days", "nothing yet", "no", "what can I do at home?",
     "what is a facet joint injection?", "does it hurt?", "how long does the relief last?",
     "ok", "thanks", "are you a bot?", "what is radiofrequency ablation?",
     "what are the risks?", "no I'm fine", "I might come back later", "thank you",
     "start over", "hello", "bye"],
]

DEFAULT_PATHS: List[List[str]] = [
    ["hello", "I am great", "are you a bot?", "very good", "bye",
     "hi", "I am sad", "yes", "goodbye", "hey there", "not good", "yes it did", "bye bye",
     "good morning", "perfect", "am I talking to a human?", "great", "see you", "hi", "bye"],
    ["hey", "my day was horrible", "yes it did", "are you a human?", "ok bye",
     "hello", "I'm unhappy", "of course", "cee you later", "good evening", "I am amazing",
     "thanks bye", "hi", "extremely sad", "indeed", "goodnight", "hey", "feeling like a king",
     "am I talking to a bot?", "bye"],
    # deny only where the generated stories have it (sad path 2): later in a conversation the
    # default TED policy answers it with silence
    ["good morning", "so sad", "no", "hey dude", "I am feeling very good",
     "are you a bot?", "bye", "hello there", "sad", "that sounds good", "see you around",
     "hi", "great, carry on", "am I talking to a human?", "goodbye", "hey", "I am very sad",
     "yes", "have a good one", "bye"],
]


def for_load(paths: Sequence[Sequence[str]], conversations: int,
             messages: int = MESSAGES) -> List[List[str]]:
    return [list(paths[n % len(paths)][:messages]) for n in range(conversations)]


# One long conversation: a prefix, then the same few messages over and over, so that the
# messages around message 10 and around message 100 are the same ones and only the length of
# the session differs (three consecutive messages hold each message of the cycle once).
ASSISTANT_LONG = (["hello", "my lower back", "about 6 months", "physio and ibuprofen, it doesn't spread",
                   "no, none of those", "no thanks", "no thanks"],
                  ["what is a facet joint injection?", "how long does the relief last?",
                   "are you a bot?"])
DEFAULT_LONG = (["hello"], ["I am great", "are you a bot?", "hi"])


def long_conversation(prefix: Sequence[str], cycle: Sequence[str], messages: int) -> List[str]:
    return [prefix[i] if i < len(prefix) else cycle[(i - len(prefix)) % len(cycle)]
            for i in range(messages)]
