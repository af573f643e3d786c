"""The Rasa NLU component that turns a patient's words into the triage contract's entities.

It reads the spaCy Doc Rasa's SpacyNLP made for the message (blank English + lookup lemmas,
`model` in config.yml), as Rasa's own SpacyEntityExtractor does, with its own phrase
matchers, and emits:
  pain_location      lower_back | upper_back | neck | other
  duration           weeks as a float (plus `category` and `vague`)
  treatment          one of the contract's twelve treatments the patient has tried
  treatment_none     "nothing yet" (answers the question with an empty list)
  red_flag           the patient's own, present red flag
  red_flag_denied    a red flag the patient denies ("no fever"), so a correction can retract it
  red_flag_unsure    a red flag that may not be present now (feared, asked about, past, or
                     found by the learned detector): confirmed with the patient before it counts
  body_part_other    a non-spinal part ("knee"), so the assistant can say what it covers
Other people's history ("my mother had cancer") emits nothing.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Text, Tuple, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.clinical import ClinicalMatcher, Mention
from bot.nlu.clinical_vocab import reading_fingerprint
from bot.nlu.duration_choice import pain_time_among
from bot.nlu.duration_es import parse_durations_es, spanish_clauses
from bot.nlu.duration_events import SINCE_THEN, after_a_turning_point, times_something_else
from bot.nlu.duration_mentions import DurationMention
from bot.nlu.duration_relative import told_as_share
from bot.nlu.guess_owner import patients_guesses
from bot.nlu.injections import injection_entities, load_injection_vocabulary
from bot.nlu.language import reading_language
from bot.nlu.mention_proxy import read_as_typed_for
from bot.nlu.mention_time import dated_injury_asked
from bot.nlu.message_durations import durations, reading_day
from bot.nlu.pattern import load_pattern_vocabulary, pattern_entities
from bot.nlu.red_flag_detector import decided_by_vocabulary, detector_examples
from bot.nlu.self_correction import taken_back
from bot.nlu.spelling import unaccented
from bot.nlu.treatment_owner_es import carers_treatments
from bot.nlu.treatment_purpose import read_purpose
from bot.nlu.treatments_not_done import not_done
from bot.nlu.treatments_said import had_after_asking, treatments_taken_back

if TYPE_CHECKING:  # imported when the detector is built: scikit-learn loads only then
    from bot.nlu.red_flag_detector import RedFlagDetector

EXTRACTOR_NAME = "ClinicalEntityExtractor"
SPANISH_SPACY = ".build/spacy_es"  # blank Spanish + lookup lemmas (bot/nlu/build_spacy.py)
SPANISH_VOCAB = Path(__file__).parent / "vocab" / "es"


@lru_cache(maxsize=2)
def spanish_matcher(spacy_path: str = SPANISH_SPACY,
                    vocab_dir: Path = SPANISH_VOCAB) -> ClinicalMatcher:
    """The Spanish vocabularies, read with the Spanish pipeline (its tokenizer and lemmas):
    built once per process, shared by the featurizer and the extractor."""
    import spacy

    return ClinicalMatcher(spacy.load(spacy_path), vocab_dir)


def mention_entity(mention: Mention) -> Optional[Dict[str, Any]]:
    """The Rasa entity for one mention, or None when it must not count for the patient."""
    if mention.experiencer != "patient":
        return None
    name = mention.label
    if mention.negated:
        if name == "red_flag":
            name = "red_flag_denied"
        else:
            return None  # "I haven't tried physio" is not a treatment tried
    entity = {
        "entity": name,
        "value": mention.value,
        "start": mention.start,
        "end": mention.end,
        "confidence_entity": 1.0,
        "extractor": EXTRACTOR_NAME,
    }
    if mention.reason:
        entity["reason"] = mention.reason  # hypothetical | question | historical | learned
    return entity


@lru_cache(maxsize=4)
def english_matcher(nlp, vocab_dir: Optional[Path] = None) -> ClinicalMatcher:
    """One matcher per pipeline and vocabulary, shared by the featurizer and the extractor."""
    return ClinicalMatcher(nlp, vocab_dir)


# The mentions of the last messages read, by (matcher, text, day): the featurizer and the
# extractor both read every message, and the matchers then run once.
_RECENT_READS: Dict[Tuple[ClinicalMatcher, str], Tuple[Mention, ...]] = {}


def _remembered(matcher: ClinicalMatcher, text: str, doc) -> Tuple[Mention, ...]:
    """`matcher`'s mentions in `text` (`doc()` its Doc), read once for the two components."""
    key = (matcher, text, reading_day.today())  # "that was 2024" is read on the day
    found = _RECENT_READS.get(key)
    if found is None:
        found = _RECENT_READS[key] = tuple(matcher(doc()))
        while len(_RECENT_READS) > 64:
            del _RECENT_READS[next(iter(_RECENT_READS))]  # the oldest
    return found


def _read_spanish(text: str) -> Tuple[Mention, ...]:
    return _remembered(spanish_matcher(), text, lambda: spanish_matcher().nlp.make_doc(text))


def _spanish_mentions(text: str) -> List[Mention]:
    """Spanish mentions, with a carer's relative's remedies and treatments never done read."""
    return not_done(text, carers_treatments(text, list(_read_spanish(text))))


def _spanish_reads_more(english: Sequence[Mention], spanish: Sequence[Mention]) -> bool:
    """For a message that tells no language: read in Spanish when the Spanish vocabularies
    find more in it than the English ones ("Tylenol, Icy Hot y compresas calientes" in a
    Spanish conversation), and every red flag the English ones found."""
    signs = {m.value for m in english if m.label.startswith("red_flag")}
    return len(spanish) > len(english) and signs <= {m.value for m in spanish if m.label.startswith("red_flag")}


class ReadsSpacyNLPDoc:
    """A component that reads the Doc Rasa's SpacyNLP made for the message (`model_from=
    "SpacyNLP"` and `required_components`, as Rasa's SpacyEntityExtractor), so the pipeline
    is loaded once and each message parsed once. The vocabulary matchers are built for
    SpacyNLP's pipeline when the first message arrives."""

    _vocab_dir: Optional[Path] = None
    _matcher: Optional[ClinicalMatcher] = None

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        return reading_fingerprint()  # a changed vocabulary is a changed component

    @classmethod
    def required_components(cls) -> List[Type]:
        return [SpacyNLP]

    def mentions(self, text: str, model: SpacyModel,
                 message: Optional[Message] = None) -> Sequence[Mention]:
        """What the vocabularies find in `text` (a message's, when `message` is given)."""
        return self.read(text, model, message)[1]

    def read(self, text: str, model: SpacyModel,
             message: Optional[Message] = None) -> Tuple[str, Sequence[Mention]]:
        """(language read in, mentions): Spanish messages with the Spanish vocabularies,
        English ones with the English; a message that tells no language ("nalga", "3
        semanas") is read in English, and in Spanish when English finds nothing."""
        language = reading_language(text, message)
        if language == "es":
            return "es", _spanish_mentions(text)
        self._matcher = english_matcher(model.model, self._vocab_dir)

        def parsed():
            # SpacyNLP parses the lower-cased text: its offsets are the message's unless
            # lower-casing changed the length (a rare letter such as "İ").
            doc = message.get(SPACY_DOCS[TEXT]) if message is not None else None
            return model.model(text) if doc is None or len(doc.text) != len(text) else doc

        found = _remembered(self._matcher, text, parsed)
        if language == "" and _spanish_reads_more(found, _read_spanish(text)):
            return "es", _spanish_mentions(text)
        return "en", found


def spanish_story(text: str, not_had: Sequence[Tuple[int, int]]) -> List[Dict[str, Any]]:
    """Where the pain goes and the injections had, read with the Spanish words
    (vocab/es/pain_pattern.yml, vocab/es/injections.yml) and Spanish durations."""
    return (pattern_entities(text, load_pattern_vocabulary(SPANISH_VOCAB))
            + injection_entities(text, not_had, load_injection_vocabulary(SPANISH_VOCAB),
                                 parse_durations_es))


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False, model_from="SpacyNLP"
)
class ClinicalEntityExtractor(ReadsSpacyNLPDoc, GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # detector_threshold: the learned detector's probability from which a clause the
        # vocabulary found nothing in is confirmed with the patient (None: detector off).
        # spacy_model: the pipeline the detector's training data is read with, once, when the
        # component is created (messages use SpacyNLP's Doc). training_data_es: the Spanish
        # messages the Spanish detector learns `none` from.
        return {"spacy_model": ".build/spacy_en", "vocab_dir": None,
                "training_data": "data/nlu.yml", "training_data_es": "data/nlu_es.yml",
                "detector_threshold": 0.6}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ClinicalEntityExtractor":
        return cls(config)

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._vocab_dir = Path(config["vocab_dir"]) if config.get("vocab_dir") else None

        self._detectors: Dict[str, "RedFlagDetector"] = {}
        self._answers: Dict[str, Any] = {}  # per language: does a clause answer the detector's question
        if config.get("detector_threshold") is not None:
            self._detectors = {"en": self._train_detector(config, "en"),
                               "es": self._train_detector(config, "es")}

    def _train_detector(self, config: Dict[Text, Any], language: str) -> "RedFlagDetector":
        import yaml

        from bot.nlu.red_flag_detector import VOCAB_DIR, ClauseAnswers, RedFlagDetector
        from bot.nlu.red_flag_territory import load_territory

        texts, labels = detector_examples(config, language, self._vocab_dir)
        vocab = SPANISH_VOCAB if language == "es" else (self._vocab_dir or VOCAB_DIR)
        self._answers[language] = ClauseAnswers(
            yaml.safe_load((Path(vocab) / "context.yml").read_text(encoding="utf-8")) or {})
        return RedFlagDetector(texts, labels, float(config["detector_threshold"]), language,
                               load_territory(Path(vocab)))

    def entities_for(self, text: str, model: SpacyModel,
                     message: Optional[Message] = None) -> List[Dict[str, Any]]:
        language, mentions = self.read(text, model, message)
        mentions = read_purpose(text, mentions)  # "like the dentist's jab", "the ER's shot"
        if language == "en":
            mentions = had_after_asking(text, mentions)
        not_had = treatments_taken_back(text, mentions, EXTRACTOR_NAME)
        back = {(e["start"], e["end"]) for e in not_had}  # "I said physio before, but ...": not had
        entities = [e for e in map(mention_entity, mentions) if e and not (
            e.get("entity") == "treatment" and (e.get("start"), e.get("end")) in back)] + not_had
        spanish, matcher = language == "es", (spanish_matcher() if language == "es" else self._matcher)
        entities += read_as_typed_for(mentions, lambda: matcher(  # as typed for the patient (bot/typed_for.py)
            matcher.nlp.make_doc(text) if spanish else model.model(text), True), mention_entity)
        if language in self._detectors:
            guesses = self._detectors[language].find(
                text, skip=decided_by_vocabulary(mentions), answered=self._answers.get(language),
                mask=[(m.start, m.end) for m in mentions if m.label == "treatment"])
            # another person's clause is theirs, as for the vocabulary (bot/nlu/guess_owner.py)
            for flag, start, end, p in patients_guesses(matcher, text, guesses, mentions):
                entities.append({"entity": "red_flag_unsure", "value": flag, "start": start,
                                 "end": end, "confidence_entity": p, "reason": "learned",
                                 "extractor": EXTRACTOR_NAME})
        # Where the pain goes and the injections had (bot/nlu/pattern.py, injections.py); a
        # time said about an injection ("helped for 4 months") is not how long the pain lasted.
        not_had = [(m.start, m.end) for m in mentions if m.label == "treatment" and m.negated]
        story = (spanish_story(text, not_had) if spanish
                 else pattern_entities(text) + injection_entities(text, not_had))
        # In Spanish a relief word about no injection ("me duele un poco desde hace unos días")
        # says nothing about an injection's time
        # In English, a relief word with no injection named blocks a time only where a
        # treatment is named before it ("ibuprofen worked for 2 days"): "my back has hurt a
        # lot for 3 weeks", "since Good Friday" are the pain's
        treated = [m.start for m in mentions if m.label == "treatment" and not m.negated]
        injection_clauses = [(e["start"], e["end"], e.get("kind")) for e in story if e["entity"] != "pain_pattern"
                             and (e.get("refers", True) or (not spanish and any(
                                 s < e["end"] for s in treated)))]
        entities += [{**e, "confidence_entity": 1.0, "extractor": EXTRACTOR_NAME} for e in story]
        found, kept = durations(text, language), []
        for duration in found:
            if any(s <= duration.start < e and not (kind is None and after_a_turning_point(text, duration.start))
                   for s, e, kind in injection_clauses) and not SINCE_THEN.match(
                    text, duration.end):  # "an epidural for my labour 3 months ago and since then my back"
                continue  # (but "a discectomy, good as gold till six weeks ago": the pain's start)
            # "tengo fiebre desde ayer", "wet myself since Tuesday": the sign's time, not the pain's
            if not told_as_share(duration) and times_something_else(
                    text, duration.start, duration.end, mentions, matcher.dating_flags, matcher.pain_words,
                    alone=len(found) == 1, **(spanish_clauses() if spanish else {})):
                continue
            kept.append(duration)
        if len(kept) > 1:  # "hace un mes. Ya había tenido el mismo dolor hace años": this episode's
            kept = pain_time_among(text, kept, mentions, matcher.pain_words, spanish)
        entities += [_duration_entity(d) for d in kept]
        # "dos semanas, bueno no, tres semanas": the value after a correction wins; "10 años,
        # desde el accidente": an injury that old is asked about, no recent one
        entities = taken_back(entities, text, SPANISH_VOCAB if spanish else self._vocab_dir)
        entities = dated_injury_asked(entities, text, matcher.dated_from, [d.weeks for d in found],
                                      unaccented if spanish else str)
        return sorted(entities, key=lambda e: e["start"])

    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text or not text.strip():
                continue
            found = self.entities_for(text, model, message)
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # rule-based: nothing to learn, training entities untouched


def _duration_entity(duration: DurationMention) -> Dict[str, Any]:
    return {
        "entity": "duration",
        "value": duration.weeks,
        "category": duration.category,
        "vague": duration.vague,
        "start": duration.start,
        "end": duration.end,
        "confidence_entity": 1.0,
        "extractor": EXTRACTOR_NAME,
    }
