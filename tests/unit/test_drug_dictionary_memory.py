"""bot/nlu/drugs.py keeps the drug dictionary without its library's fuzzy-mode indexes (about
260 MB a Rasa process) and still finds names exactly and misspelt (its own spelling index)."""
from __future__ import annotations

from bot.nlu import drugs


def test_names_are_found_exactly_and_misspelt_with_the_fuzzy_indexes_dropped():
    found = drugs.find_medicines("i take Cymbalta and some Tylenol".split())
    assert [(s, e) for s, e, _ in found] == [(2, 3), (5, 6)]
    assert {kind for _, _, kind in found} == {"prescription_medication", "otc_medication"}
    assert drugs.closest_drug_name("duloxetin") == "duloxetine"
    assert drugs.named_at_prescription_strength(["Motrin"], "800s")

    finder = drugs._dictionary()
    assert not finder.variant_to_ngrams and not finder.ngram_to_variant
    assert len(finder.drug_variant_to_canonical) > 100_000  # the dictionary itself is whole
