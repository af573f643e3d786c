"""The learned detector's guesses read with the experiencer context the vocabulary's mentions get.

"is there a lift? my wife uses a walker", "mi esposo tiene la pierna cada día más floja, yo
solo el cuello": a clause the detector scores close to a sign, governed by another person's
cue (context.yml `other_person_before` / `other_person_after`, as `MentionContext.experiencer`
reads a vocabulary mention) in a message where the writer speaks of themself, is that person's
and is not asked about. Kept as the vocabulary keeps a relative's sign: when the message is
typed for that person (`writing_for`), when the writer never speaks of themself, and for the
signs a relative's is always asked about (`others_signs_confirmed`)."""
from __future__ import annotations

from typing import List, Sequence, Tuple

from bot.nlu.mention_owner import writer_speaks
from bot.nlu.spacing import words_only

Guess = Tuple[str, int, int, float]  # (flag, start, end, probability), as RedFlagDetector.find


def patients_guesses(matcher, text: str, guesses: List[Guess], mentions: Sequence) -> List[Guess]:
    """The guesses that may be the patient's own (all of them in a message typed for a relative)."""
    if not guesses or any(m.label == "writing_for" for m in mentions):
        return guesses
    source, offsets = words_only(matcher.nlp.vocab, matcher.nlp.make_doc(text.lower()))
    if not len(source):
        return guesses
    ctx = matcher._read_context(matcher._normalize(source), [])
    if ctx.proxy_named is not None:
        return guesses
    ctx.writer_speaks = writer_speaks(ctx.words, matcher._first_person, ctx.proxy_words)
    if not ctx.writer_speaks:
        return guesses  # "my mother ... is not able to stand properly": a writer who never
        # speaks of themself may be telling the patient's signs (bot/nlu/mention_owner.py)
    kept = []
    for guess in guesses:
        flag, start, end = guess[0], guess[1], guess[2]
        words = [i for i, (s, _) in enumerate(offsets) if start <= s < end and ctx.words[i].isalpha()]
        # read from its third word and its last (a sign's words follow its owner's cue)
        if words and flag not in matcher._others_signs_confirmed and any(ctx.experiencer(
                i, i + 1, matcher._patient_object, matcher._patient_object_after,
                matcher._first_person, sign=True) == "other" for i in {words[min(2, len(words) - 1)], words[-1]}):
            continue  # another person's: theirs, as a vocabulary mention would be
        kept.append(guess)
    return kept
