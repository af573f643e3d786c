"""English red flags said in other words: misspelt, in slang or the patient's own phrasing, raised.

Falls told as "going down", dictation's "feel" for "fell", leaking as dribbling, numbness beside
other words, weight told as two bare numbers, a cancer survived; read by the whole reading
(tests/unit/reading.py) and by the vocabulary alone (tests/vocabulary_reading.py). Spanish
wordings: test_red_flags_spanish_words.py. Sentences written for these tests, none from a blind
set."""
from __future__ import annotations

import pytest

from tests.unit.reading import raised, read
from tests.vocabulary_reading import red_flags_read


@pytest.mark.parametrize("text,flag", [
    ("five years cancer free now but my lower back is bad", "cancer_history"),
    ("I'm a breast cancer survivor, neck pain for a month", "cancer_history"),
    ("beat my cancer in 2018, back pain since october", "cancer_history"),
    ("llevo cinco años libre de cáncer y me duele la cintura", "cancer_history"),
    ("soy sobreviviente de cáncer de colon", "cancer_history"),
    ("never saw the curb and went flat on my back on sunday", "trauma"),
    ("I didn't see the wet floor and went down hard at work yesterday", "trauma"),
    ("I feel down the steps at church on Sunday", "trauma"),
    ("i feel off the ladder 2 days ago", "trauma"),
    ("la pierna izquierda se me está aflojando cada vez más", "leg_weakness"),
    ("se me anda doblando la pierna derecha", "leg_weakness"),
    ("does it matter that I had lymphoma years ago?", "cancer_history"),
    ("is it a problem that I fell off my bike last week?", "trauma"),
    ("¿importa que tuve cáncer de próstata?", "cancer_history"),
    ("back is agony no fever cant control my bladder since this morning", "bladder_bowel"),
    ("no falls no fever can't feel my bottom when i wipe", "saddle_numbness"),
    ("no temp no weight loss cannot hold my wee anymore", "bladder_bowel"),
    ("no tengo fiebre ya no aguanto la orina desde anoche", "bladder_bowel"),
    ("no me he caído no puedo controlar la caca desde ayer", "bladder_bowel"),
    ("no fiebre no siento las nalgas al sentarme", "saddle_numbness"),
    ("this morning I peed a bit in my trousers without noticing", "bladder_bowel"),
    ("se me ha salido el pipí dos veces sin darme cuenta", "bladder_bowel"),
    ("me quitaron un cáncer de colon hace dos años, ¿eso cuenta?", "cancer_history"),
])
def test_a_sign_told_is_raised(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text,flag", [
    ("my jeans are literally hanging off me and I haven't been dieting", "weight_loss"),
    ("my skirts are basically falling down now, no idea why", "weight_loss"),
    ("nearly 10 pounds gone since the summer without trying", "weight_loss"),
    ("I had a small fall at the shops on Friday, nothing serious, but my back is worse since", "trauma"),
    ("just a minor fall in the garden, then the pain got worse", "trauma"),
    ("I knocked my lower back on the car door yesterday", "trauma"),
    ("I banged my head on a cupboard this morning and now my neck aches", "trauma"),
])
def test_signs_told_in_other_words_are_caught(text, flag):
    assert flag in raised(text)


@pytest.mark.parametrize("text,flag", [
    ("since lunch I could not make wee at all", "bladder_bowel"),
    ("not able to do pee since yesterday", "bladder_bowel"),
    ("I can't go toilet, I try and nothing happens", "bladder_bowel"),
    ("I keep dribbling since Tuesday", "bladder_bowel"),
    ("last night I had an accident and didn't notice it happening", "bladder_bowel"),
    ("I can't get my right foot to lift off the floor", "leg_weakness"),
    ("I'm unsteady on my feet since the weekend", "leg_weakness"),
    ("my left leg is weeker than the right now", "leg_weakness"),
    ("I went down on the floor in the hall twice", "trauma"),
    ("got speared playing league on Sunday", "trauma"),
    ("I rear-ended a bus on the way to work", "trauma"),
    ("replying for my mother: she has wet herself twice today", "bladder_bowel"),
])
def test_a_sign_in_new_words_is_raised(text, flag):
    raised = read(text).raised
    assert flag in raised


@pytest.mark.parametrize("text,flag", [
    # a carer who says they type for the patient: "he"'s signs are the patient's
    ("She says she's fine so I'm typing it for her. She has lost two stone without trying", "weight_loss"),
    ("he refuses to see anyone so I am typing. he wakes up soaked in sweat every night", "fever"),
    # "not long after" dates, it denies nothing
    ("it began not long after my radiotherapy ended", "cancer_history"),
    # a loss said not to be meant
    ("my trousers are falling off me, I've lost weight and it's not intentional", "weight_loss"),
])
def test_signs_now_raised(text, flag):
    assert flag in red_flags_read(text)[0]


@pytest.mark.parametrize("text,flag", [
    # as typed, or the way a non-native writer says it
    ("pood myself on the way to the bathroom this morning, back is killing me", "bladder_bowel"),
    ("Madam I am passing urine without control from yesterday", "bladder_bowel"),
    ("peeing without control since the weekend and my back is bad", "bladder_bowel"),
    # a double negative as spoken: "can't feel nothing" is "can't feel anything"
    ("i cant feel nothing when i wipe since monday", "saddle_numbness"),
    ("no to everything exept i cant feel nothing in my bum", "saddle_numbness"),
])
def test_a_sign_as_typed_or_said_with_a_double_negative_is_raised(text, flag):
    assert flag in read(text).raised
