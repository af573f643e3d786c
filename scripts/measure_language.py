"""Language detection on the blind sets' own messages (tests/blind, never trained on):
the word-list detector (bot/nlu/language.py) beside langid and langdetect when importable.

`python scripts/measure_language.py` (a library is measured only where it is installed: this
project does not depend on either). Prints a Markdown table for reports/spanish.md.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bot.nlu.language import detect_language  # noqa: E402

BLIND = Path(__file__).resolve().parents[1] / "tests" / "blind"


def messages(lang: str):
    texts = []
    for path in sorted(BLIND.glob(f"*_{lang}_*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                texts.append(item["text"])
            for turn in (item.get("turns") or []) if isinstance(item, dict) else []:
                if isinstance(turn, str):
                    texts.append(turn)
    return texts


def word_list(text):
    found = detect_language(text)
    return found["language"] if found["confidence"] > 0 else "?"


def detectors():
    yield "word lists (bot/nlu/language.py)", word_list
    try:
        import langid
        ident = langid.langid.LanguageIdentifier.from_modelstring(langid.langid.model, norm_probs=True)
        yield "langid 1.1.6 (97 languages)", lambda t: _map(ident.classify(t)[0])
        pair = langid.langid.LanguageIdentifier.from_modelstring(langid.langid.model, norm_probs=True)
        pair.set_languages(["en", "es"])
        yield "langid, en/es only", lambda t: pair.classify(t)[0]
    except ImportError:
        pass
    try:
        from langdetect import DetectorFactory, detect
        DetectorFactory.seed = 0

        def ld(text):
            try:
                return _map(detect(text))
            except Exception:
                return "?"
        yield "langdetect 1.0.9", ld
    except ImportError:
        pass


def _map(code):
    return code if code in ("en", "es") else "other"


def main():
    data = {"es": messages("es"), "en": messages("en")}
    print("| detector | messages | Spanish read as es | ... short (1-3 words) | English read as en"
          " | ... short (1-3 words) | Spanish read as en/other | English read as es/other"
          " | undecided | ms a message |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, fn in detectors():
        row, wrong, undecided, started, n = {}, {}, 0, time.perf_counter(), 0
        for lang, texts in data.items():
            short = [t for t in texts if len(t.split()) <= 3]
            got = [fn(t) for t in texts]
            got_short = [fn(t) for t in short]
            n += len(texts) + len(short)
            row[lang] = (sum(g == lang for g in got) / len(texts),
                         sum(g == lang for g in got_short) / max(len(short), 1), len(short))
            wrong[lang] = sum(g not in (lang, "?") for g in got)
            undecided += sum(g == "?" for g in got)
        ms = (time.perf_counter() - started) * 1000 / n
        total = len(data["es"]) + len(data["en"])
        print(f"| {name} | {len(data['es'])} es + {len(data['en'])} en | {row['es'][0]:.3f} |"
              f" {row['es'][1]:.3f} (of {row['es'][2]}) | {row['en'][0]:.3f} |"
              f" {row['en'][1]:.3f} (of {row['en'][2]}) | {wrong['es']} | {wrong['en']} |"
              f" {undecided} of {total} | {ms:.3f} |")


if __name__ == "__main__":
    main()
