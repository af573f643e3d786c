"""Treatments sent, prescribed or recommended that the patient then did not have (Spanish).

"me mandaron a fisioterapia y no fui nunca", "me recetaron pregabalina pero no me la he
tomado", "me dijeron que la acupuntura es buena, pero no he ido": a denied first-person verb
after the treatment, in the same sentence, says it was not had. Which treatment: those its own
clause names ("me mandaron a terapia pero nunca fui a la terapia"), else the nearest one before
it of a kind the verb can refer to (going, taking, anything done); every mention of that
treatment in the sentence before the verb is then not tried. A treatment asked about
("quería preguntar por las inyecciones") is not tried either. Verbs in
vocab/es/treatments_not_done.yml, validated when this module is imported.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import yaml

from bot.nlu.clinical import Mention

VOCAB = Path(__file__).parent / "vocab" / "es" / "treatments_not_done.yml"
TREATMENTS = {"rest", "otc_medication", "prescription_medication", "physical_therapy", "exercise",
              "chiropractic", "massage", "acupuncture", "heat_ice", "injection",
              "radiofrequency_ablation", "surgery", "any"}
_FOLD = str.maketrans("áéíóúüÁÉÍÓÚÜ", "aeiouuAEIOUU")
_SENTENCE_END = re.compile(r"[.!?;\n]")
_STOPPED_AFTER = re.compile(r"^\s*(?:mas|otra|otras|de\s+nuevo|despues|luego)\b", re.I)  # "no tomé más"
# "... y ya no fui": had, then stopped; "casi no me lo tomé": hardly taken is taken
_STOPPED_BEFORE = re.compile(r"\b(?:ya|despues|luego|casi)\s+$", re.I)
_CLAUSE_END = re.compile(r"[,.!?;\n]|\b(?:pero|y|aunque|porque|entonces)\b", re.I)


@lru_cache(maxsize=1)
def _verbs() -> List[Tuple[re.Pattern, frozenset]]:
    data = yaml.safe_load(VOCAB.read_text(encoding="utf-8")) or {}
    kinds = data.get("kinds") if isinstance(data, dict) else None
    if not isinstance(kinds, dict) or set(data) != {"kinds", "asked_before"}:
        raise ValueError(f"{VOCAB.name}: expected `asked_before:` and `kinds:`")
    found = []
    for name, kind in kinds.items():
        treatments, verbs = (kind or {}).get("treatments"), (kind or {}).get("verbs")
        if not treatments or not set(treatments) <= TREATMENTS:
            raise ValueError(f"{VOCAB.name}: {name}: treatments must be contract values or `any`")
        if not verbs or not all(isinstance(v, str) and v.strip() for v in verbs):
            raise ValueError(f"{VOCAB.name}: {name}: verbs must be a list of words")
        words = "|".join(r"\s+".join(map(re.escape, v.split())) for v in sorted(verbs, key=len, reverse=True))
        found.append((re.compile(
            r"\b(?:no|nunca|jamas|ni)\s+(?:(?:me|se|te|le|lo|la|los|las|nunca|ya|todavia|aun)\s+)*"
            rf"(?:{words})\b(?P<rest>[^,.!?;\n]*)", re.I), frozenset(treatments)))
    return found


@lru_cache(maxsize=1)
def _asked() -> re.Pattern:
    data = yaml.safe_load(VOCAB.read_text(encoding="utf-8")) or {}
    phrases = data.get("asked_before")
    if not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise ValueError(f"{VOCAB.name}: asked_before must be a list of phrases")
    words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s+(?:[\w-]+\s+){{0,3}}$", re.I)


_verbs(), _asked()  # a malformed file stops the start-up


def _fits(value: str, kinds: frozenset) -> bool:
    return "any" in kinds or value in kinds


def not_done(text: str, mentions: Sequence[Mention]) -> List[Mention]:
    """`mentions` with the treatments the patient says they did not have marked negated."""
    treatments = [m for m in mentions if m.label == "treatment" and not m.negated and m.experiencer == "patient"]
    if not treatments:
        return list(mentions)
    folded = text.translate(_FOLD)
    asked = {t for t in treatments if _asked().search(folded[max(0, t.start - 60):t.start])}
    undone: Dict[Tuple[int, int], set] = {}  # (verb, end of its clause) -> the treatments it denies
    for regex, kinds in _verbs():
        for m in regex.finditer(folded):
            start = m.start()
            if _STOPPED_AFTER.match(m.group("rest")) or _STOPPED_BEFORE.search(folded[max(0, start - 12):start]):
                continue  # had, then stopped: tried
            sentence = max((s.end() for s in _SENTENCE_END.finditer(folded, 0, start)), default=0)
            rest_end = m.start("rest") + (_CLAUSE_END.search(m.group("rest")).start()
                                          if _CLAUSE_END.search(m.group("rest")) else len(m.group("rest")))
            named = {t.value for t in mentions if t.label == "treatment"
                     and m.start("rest") <= t.start < rest_end and _fits(t.value, kinds)}
            if not named:
                # the nearest, even one already denied ("natación, que todavía no he empezado")
                before = [t for t in mentions if t.label == "treatment" and sentence <= t.start
                          and t.end <= start and _fits(t.value, kinds)]
                named = {max(before, key=lambda t: t.end).value} if before else set()
            if named:
                undone.setdefault((start, rest_end), set()).update(named)
    if not undone and not asked:
        return list(mentions)

    def denied(t: Mention) -> bool:
        return any(t.value in values and (p <= t.start < end or (
            t.end <= p and not _SENTENCE_END.search(folded, t.end, p))) for (p, end), values in undone.items())

    read = [dataclasses.replace(t, negated=True) if t in treatments and (t in asked or denied(t)) else t
            for t in mentions]
    if undone and not any(t.label == "treatment" and not t.negated and t.experiencer == "patient" for t in read):
        # sent and never done, nothing else named: nothing tried ("me mandaron a terapia y no
        # fui, por ahora nada"), as English's not_taken (bot/nlu/mention_scope.py)
        p, end = min(undone)
        read.append(Mention("treatment_none", "none", p, end, text[p:end]))
    return read
