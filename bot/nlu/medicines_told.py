"""A medicine under a name no list knows, told as one by the words around it, in any language.

"two Flexon tablets", "Dolo 650", "been taking Zipsor for my back", "me tomé un Mejoral", "tomé
unas pastillas de Zorritone": a word that neither the drug dictionary nor a dictionary of English
or Spanish knows is a medicine the patient took when a medicine's form or dose follows it, when a
form and "of" come before it, or when a taking verb comes before it (a determiner or a count
between them) and the clause ends after it. The words of each language are in its vocabulary
directory's told_as_medicine.yml, checked when the matcher is built (at start-up); whether the
medicine was denied, someone else's, prescribed or taken for another condition is decided as for
any other treatment (bot/nlu/clinical.py and context.yml).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, FrozenSet, List, Optional, Sequence, Set, Tuple

import yaml

FILE_NAME = "told_as_medicine.yml"
# Under this many letters, a word told as a medicine by a verb alone counts only when written as
# a name ("Dolex"): short lower-case words are too often someone's or something's name
NAME_FROM_LETTERS = 6
_WORD_LISTS = ("forms", "form_of", "not_after_dose", "taken_cues", "between", "not_medicine",
               "not_medicine_endings", "name_cues")
_KEYS = {*_WORD_LISTS, "doses", "after_taken"}
_DOSE = re.compile(r"(\d{2,4})(mg)?$", re.I)


@dataclass(frozen=True)
class ToldAsMedicine:
    forms: FrozenSet[str]
    form_of: FrozenSet[str]
    doses: FrozenSet[str]
    not_after_dose: FrozenSet[str]
    taken_cues: Tuple[Tuple[str, ...], ...]
    between: FrozenSet[str]
    after_taken: Optional[FrozenSet[str]]  # None: any word may follow
    not_medicine: FrozenSet[str]
    not_medicine_endings: Tuple[str, ...]
    name_cues: FrozenSet[str]


def load_told(vocab_dir: Path, norm: Callable[[str], str] = str.lower) -> ToldAsMedicine:
    """`vocab_dir`'s told_as_medicine.yml, checked; `norm` writes each word as the matcher
    reads a message's words (lower case; without accents in Spanish)."""
    path = Path(vocab_dir) / FILE_NAME
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) != _KEYS:
        raise ValueError(f"{path}: needs exactly {sorted(_KEYS)}")
    for key in _WORD_LISTS:
        if not isinstance(data[key], list) or not all(isinstance(w, str) for w in data[key]):
            raise ValueError(f"{path}: `{key}:` must be a list of quoted words")
    if not data["doses"] or not all(isinstance(d, int) for d in data["doses"]):
        raise ValueError(f"{path}: `doses:` must be a list of numbers of mg")
    after = data["after_taken"]
    if after != "any" and (not isinstance(after, list) or not all(isinstance(w, str) for w in after)):
        raise ValueError(f"{path}: `after_taken:` must be a list of quoted words, or `any`")

    def words(key: str) -> FrozenSet[str]:
        return frozenset(norm(w) for w in data[key])

    return ToldAsMedicine(
        forms=words("forms"), form_of=words("form_of"), doses=frozenset(str(d) for d in data["doses"]),
        not_after_dose=words("not_after_dose"),
        taken_cues=tuple(tuple(norm(w).split()) for w in data["taken_cues"]),
        between=words("between"), after_taken=None if after == "any" else frozenset(norm(w) for w in after),
        not_medicine=words("not_medicine"),
        not_medicine_endings=tuple(norm(w) for w in data["not_medicine_endings"]),
        name_cues=words("name_cues"))


@lru_cache(maxsize=1)
def english_told() -> ToldAsMedicine:
    return load_told(Path(__file__).parent / "vocab")


def _ordinary(low: str, told: ToldAsMedicine) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS  # "tried everything": no lemma table entry

    from bot.nlu.drugs import english_words, spanish_words

    return (len(low) < 4 or not low.isalpha() or low in english_words() or low in spanish_words()
            or low in STOP_WORDS
            or low in told.forms or low in told.not_medicine
            or any(low.endswith(end) for end in told.not_medicine_endings))


def _after_taking(words: Sequence[str], i: int, told: ToldAsMedicine) -> bool:
    """A taking verb before word i, with "pastillas de" and up to two determiners between."""
    j = i
    if j >= 2 and words[j - 1] in told.form_of and words[j - 2] in told.forms:
        j -= 2  # "unas pastillas de Zorritone"
    for _ in range(2):
        if j > 0 and words[j - 1] in told.between:
            j -= 1  # "me tomé un Mejoral", "took two Zipsor"
    return any(j >= len(cue) and tuple(words[j - len(cue):j]) == cue for cue in told.taken_cues)


def told_as_medicine(words: List[str], taken: Set[int], capitals: Optional[List[bool]],
                     told: ToldAsMedicine) -> List[Tuple[int, int, str]]:
    """(token, token + 1, "otc_medication") for each word no dictionary knows that `words` tell
    as a medicine; `taken`: tokens already read as a drug; `capitals`: whether the patient
    capitalised each word."""
    words = [w.lower() for w in words] + ["."]  # the message's end closes a clause
    found = []
    for i, low in enumerate(words[:-1]):
        named = words[i - 2:i - 1] if words[i - 1:i] == ["."] else words[i - 1:i]  # "Dr. Patel"
        if i in taken or _ordinary(low, told) or any(w.strip(".") in told.name_cues for w in named):
            continue
        following = words[i + 1]
        dose = _DOSE.match(following)
        after = words[i + 2] if i + 2 < len(words) else ""
        if following in told.forms or (dose and after not in told.not_after_dose and (
                dose.group(2) or dose.group(1) in told.doses or after == "mg")):
            found.append((i, i + 1, "otc_medication"))  # "two Flexon tablets", "Dolo 650"
            continue
        capital = capitals[i] if capitals and i < len(capitals) else False
        if not (capital or len(low) >= NAME_FROM_LETTERS):
            continue
        if i >= 2 and words[i - 1] in told.form_of and words[i - 2] in told.forms:
            found.append((i, i + 1, "otc_medication"))  # "unas pastillas de Zorritone"
            continue
        ends = told.after_taken is None or bool(
            {following, " ".join(words[i + 1:i + 3])} & told.after_taken)
        if ends and _after_taking(words, i, told):
            found.append((i, i + 1, "otc_medication"))  # "been taking Zipsor for my back"
    return found
