"""Clinic settings and clinician content, loaded and validated once per process.

Both are checked when the action server starts (this module is imported then), so a missing
or malformed field stops it with a message naming the file and field, instead of surfacing
mid-conversation.
"""
from functools import lru_cache

from bot.clinic import Clinic, load_clinic
from bot.content import LANGUAGES, Content, load_all_languages, load_content
from bot.faq import load_faq


@lru_cache(maxsize=1)
def clinic() -> Clinic:
    return load_clinic()


def content(lang: str | None = None) -> Content:
    """The content in the patient's language (slot `language`; unset is English)."""
    # cached by bot.content; re-read when a clinician edits the file
    return load_content(lang=lang if lang in LANGUAGES else "en")


clinic()
load_all_languages()  # every language: a missing translation stops the start-up
for _lang in LANGUAGES:
    load_faq(lang=_lang)  # content/faq.yml and its translations, re-read when edited
