"""Build the offline spaCy pipelines, English and Spanish.

Build the offline spaCy pipelines: the English one Rasa's SpacyNLP loads (`model:` path in
config.yml) and the Spanish one the Spanish vocabularies are read with.

No trained model can be downloaded here, so each pipeline is a blank tokenizer plus the lookup
lemmatizer from spacy-lookups-data ("legs" -> "leg", "piernas" -> "pierna", "duermen" ->
"dormir"). `python -m bot.nlu.build_spacy .build/spacy_es es`
"""
import sys
from pathlib import Path

import spacy


def build_pipeline(lang: str = "en"):
    nlp = spacy.blank(lang)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    target = Path(argv[0] if argv else ".build/spacy_en")
    target.parent.mkdir(parents=True, exist_ok=True)
    build_pipeline(argv[1] if len(argv) > 1 else "en").to_disk(target)
    print(f"spaCy pipeline written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
