"""No dead vocabulary entries: in a list read as any run of words of a sentence or a clause, an
entry that holds a shorter entry of the same list never matches on its own ("exercising more"
is found whenever "exercising" is), and it misleads whoever edits the list into thinking it is
what decides."""
from __future__ import annotations

from typing import Callable, Iterable

import pytest

from bot.nlu.build_spacy import build_pipeline
from bot.nlu.components import english_matcher, spanish_matcher

# context.yml's lists read as a set of word runs, whatever their place (bot/nlu/clinical.py: a
# weight loss explained or not in its sentence, a past sign `ongoing` in its clause). Cue lists
# read by place (before or after a mention, where a span ends) are not: there a longer cue
# reaches further or ends elsewhere, so a shorter one does not make it dead.
READ_AS_RUNS = ("explained_weight_loss", "unexplained_weight_loss", "illness_weight_loss", "ongoing")


def shadowed(phrases: Iterable[str], normalise: Callable[[str], str]) -> list[tuple[str, str]]:
    """Each entry that can never match on its own, with the entry that matches whenever it does:
    a shorter one it holds as words in a row, or the same words listed before it."""
    entries = [(p, tuple(normalise(p).split())) for p in map(str, phrases) if "<" not in p]
    dead = []
    for at, (phrase, words) in enumerate(entries):
        for other_at, (other, part) in enumerate(entries):
            n = len(part)
            holds = n < len(words) and any(words[i:i + n] == part for i in range(len(words) - n + 1))
            if holds or (part == words and other_at < at):
                dead.append((phrase, other))
                break
    return dead


def test_the_checker_finds_an_entry_a_shorter_one_holds_and_a_repeat():
    found = shadowed(["exercising", "been exercising more", "diet", "Diet", "on a diet"], str.lower)
    assert found == [("been exercising more", "exercising"), ("Diet", "diet"), ("on a diet", "diet")]
    assert shadowed(["more exercise", "exercising"], str.lower) == []  # words in a row, not letters


@pytest.fixture(scope="module", params=["en", "es"])
def matcher(request):
    return english_matcher(build_pipeline()) if request.param == "en" else spanish_matcher()


@pytest.mark.parametrize("key", READ_AS_RUNS)
def test_no_entry_of_a_list_read_as_runs_is_dead(matcher, key):
    assert shadowed(matcher.context.get(key) or [], matcher._norm_word) == []
