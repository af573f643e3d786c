"""Build the offline spaCy pipeline Rasa's SpacyNLP loads (`model:` path in config.yml).

No trained model can be downloaded here, so the pipeline is a blank English tokenizer plus
the lookup lemmatizer from spacy-lookups-data ("legs" -> "leg", "shots" -> "shot").
"""
import sys
from pathlib import Path

import spacy


def build_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    target = Path(argv[0] if argv else ".build/spacy_en")
    target.parent.mkdir(parents=True, exist_ok=True)
    build_pipeline().to_disk(target)
    print(f"spaCy pipeline written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
