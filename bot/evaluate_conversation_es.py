"""Spanish off-script items (`lang: es`): their fixed setup script and a judge that reads Spanish.

A Spanish item (tests/blind/offscript_es_2.yml) is driven like an English one (set 1's states
and scripts, bot/evaluate_conversation.py), but with the Spanish patient's words: a greeting,
"la espalda baja", "unos 8 meses", "fisioterapia e ibuprofeno", "no"; self-care "10 días",
"nada todavía"; booking "Sam Taylor", "555 010 2030", "entre semana por las mañanas" (the
prior turns the set's own header assumes). It is judged by set 1's rules with the Spanish
content (content/es: options, self-care, FAQ answers, the question texts of every language in
domain.yml), Spanish words where a rule reads words (an acknowledgement, "I don't have that",
a duration or place said back, an offer of a call), and one rule more: no reply may read as
English (the rule of tests/blind/score_dialogues.py: "the", "you", "your" or "please" as a
word), since every Spanish item's must-not is an answer in English.
"""
from __future__ import annotations

import re
from typing import Dict, List

from bot.evaluate_conversation_checks import CORRECTIONS
from bot.evaluate_conversation_rules import Judge, booking_correction

SCRIPT = {
    "greet": "Hola",
    "triage": ["la espalda baja", "unos 8 meses", "fisioterapia e ibuprofeno"],
    "short": ["la espalda baja", "10 días", "nada todavía"],
    "booking": ["Sam Taylor", "555 010 2030", "entre semana por las mañanas"],
    "book": "Quisiera pedir una cita",
    "no": "no",
    "no_thanks": "no, gracias",
    "what_is": "¿qué es {}?",
    "not_sure": "no sé",
}

ENGLISH = re.compile(r"\b(the|you|your|please)\b", re.I)
NUMBER = r"\d+(?:[.,]\d+)?|un|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|" \
         r"once|doce|medio|media|varios|varias|algunos|algunas"
# Synonyms a reply may use beside content/es/labels.yml's own words for each place.
PLACES = {"neck": r"cuello|cervical", "lower_back": r"espalda baja|lumbar|cintura|pierna",
          "upper_back": r"omóplatos|omoplatos|espalda alta|media espalda|mitad de la espalda|dorsal",
          "other": r"columna|espalda|otro"}
TREATMENTS = r"quiropr|fisio|terapia|ibuprofeno|inyecci|epidural|gabapentina|receta|calor|hielo"
# A booking time's English words (the items' `correct_to`) as a Spanish reply says them.
TIME_WORDS = {"weekday": r"entre semana|d[ií]as? (?:laborables|de (?:la )?semana)|lunes a viernes",
              "weekdays": r"entre semana|d[ií]as (?:laborables|de (?:la )?semana)|lunes a viernes",
              "morning": r"mañana", "mornings": r"mañana", "afternoon": r"tarde",
              "afternoons": r"tarde", "evening": r"tarde|noche", "evenings": r"tarde|noche",
              "monday": "lunes", "tuesday": "martes", "wednesday": "mi[eé]rcoles",
              "thursday": "jueves", "friday": "viernes", "saturday": "s[aá]bado",
              "sunday": "domingo", "weekend": "fin(?:es)? de semana", "any": "cualquier"}


class SpanishJudge(Judge):
    ack = re.compile(r"\b(siento|sentimos|lamento|lamentamos|entiendo|comprendo|disculpe|"
                     r"frustra\w*|dif[ií]cil\w*|duro)\b", re.I)
    duration_ack = re.compile(rf"\b({NUMBER})\s+(d[ií]as?|semanas?|mes(es)?|años?)\b", re.I)
    restarted, closed, open_closed = r"(?i)d[oó]nde le duele", r"cerrad", r"\b(abiert|cerrad)"
    dont_have = r"no tengo (esa|esta) informaci[oó]n"
    ask_tried = r"probad|prob[oó]|qu[eé] (ha|han)|cu[aá]les"
    offers_call = r"quiere que .*llam|le gustar[ií]a .*llam"
    consultation = r"consulta|cita"

    def __init__(self, clinic, content, faq_answers, domain_questions, fallback: str):
        super().__init__(clinic, content, faq_answers, domain_questions)
        self.fallback = fallback
        labels = content.location_labels
        self.place_words = {k: "|".join([re.escape(labels[k])] + [v]) for k, v in PLACES.items()}
        self.treatment_words = "|".join(
            [re.escape(t) for t in content.treatment_labels.values()] + [TREATMENTS])

    def language(self, turn) -> List[str]:
        english = [m for m in turn["messages"] if ENGLISH.search(m)]
        return [f"answered in English: {english[0][:60]!r}"] if english else []

    def k_correction(self, item, slot, before, after, turn) -> List[str]:
        name, want, *rest = CORRECTIONS[item["id"]]
        if name != "booking_time":
            return super().k_correction(item, slot, before, after, turn)
        return booking_correction(name, spanish_time(want), after["slots"].get(name), after, turn)


def spanish_time(pattern: str) -> str:
    """A pattern for the English time words of `pattern` (an escaped phrase) said in Spanish,
    in any order: every word must be there."""
    words = re.sub(r"\\(.)", r"\1", pattern).lower().split()
    return "(?s)" + "".join(f"(?=.*(?:{TIME_WORDS.get(w, re.escape(w))}))" for w in words)


def spanish_judge(clinic, domain) -> SpanishJudge:
    """The judge with content/es, the Spanish FAQ answers and the Spanish "didn't understand"."""
    from bot.content import load_content
    from bot.faq import clinic_values, load_faq

    content = load_content(lang="es")
    faq = load_faq(lang="es")
    values = clinic_values(clinic, content.calendar)
    answers: Dict[str, str] = {t.name: faq._fill(t.answer, values) for t in faq.topics}
    questions = {name[len("utter_ask_"):]: [v["text"] for v in variants]
                 for name, variants in domain["responses"].items() if name.startswith("utter_ask_")}
    fallback = next(v["text"] for v in domain["responses"]["utter_default"]
                    if {"type": "slot", "name": "language", "value": "es"} in v.get("condition", []))
    return SpanishJudge(clinic, content, answers, questions, fallback.split(".")[0])
