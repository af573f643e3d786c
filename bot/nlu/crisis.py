"""Crisis language, recognised by patterns a clinician can read (vocab/crisis.yml).

The intent classifier learns crisis wording from examples and misses some; a person in
crisis must always get the crisis line, so these patterns decide whatever it said.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import List

import yaml

VOCAB = Path(__file__).parent / "vocab" / "crisis.yml"
# a comma ends a clause too: "physio didn't help, I've given my things away" is not negated
_CLAUSE_END = re.compile(r"[.,;!?]|\bbut\b")


class CrisisDetector:
    def __init__(self, path: Path = VOCAB):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        # whole words; an edge may be a line's start or end ("^\W*no point\W*$")
        self.patterns, self.despair = ([re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for p in data.get(key) or []]
                                       for key in ("patterns", "despair_patterns"))
        self.cue = re.compile(r"\b(?:%s)\b" % "|".join(data["cue_words"]), re.IGNORECASE)
        # a calendar's end or start ("now is end of September"): a date, no cue
        self.not_cue = re.compile(r"\b(?:%s)\b" % "|".join(data.get("calendar_words") or ["(?!)"]), re.IGNORECASE)
        self.negation = re.compile(
            r"(?:\b(?:%s)\b|n't)" % "|".join(re.escape(n) for n in data["negations"] if n != "n't"),
            re.IGNORECASE,
        )

    def __call__(self, text: str) -> bool:
        """True when the text contains crisis language that is not negated."""
        return self._says(self.patterns, text)

    def may_be(self, text: str) -> bool:
        """True when the text tells despair that may be crisis language ("I feel hopeless,
        there's no way out"), not negated: the crisis line is offered and the questions go on."""
        return self._says(self.despair, text)

    def cues(self, text: str) -> bool:
        """True when the text says a crisis cue (a word of mood, despair, death, ending or
        leaving; negated or not): the classifier's own crisis guess is then never set aside."""
        text = self.not_cue.sub(" ", (text or "").replace("\u2019", "'").replace("\u2018", "'"))
        return bool(self.cue.search(text))

    def _says(self, patterns: List[re.Pattern], text: str) -> bool:
        # Phones type a curly apostrophe ("don’t"); the patterns are written with a straight one.
        text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
        for pattern in patterns:
            for match in pattern.finditer(text):
                before = _CLAUSE_END.split(text[: match.start()])[-1]
                # "I'm not suicidal": a negation just before the phrase, in its clause
                if not self.negation.search(" ".join(before.split()[-3:])):
                    return True
        return False


@lru_cache(maxsize=1)
def default_detector() -> CrisisDetector:
    return CrisisDetector()
