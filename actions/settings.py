"""Clinic settings and clinician content, loaded and validated once per process.

Both are checked when the action server starts (this module is imported then), so a missing
or malformed field stops it with a message naming the file and field, instead of surfacing
mid-conversation.
"""
from functools import lru_cache

from bot.clinic import Clinic, load_clinic
from bot.content import Content, load_content
from bot.faq import load_faq


@lru_cache(maxsize=1)
def clinic() -> Clinic:
    return load_clinic()


def content() -> Content:
    return load_content()  # cached by bot.content; re-read when a clinician edits the file


clinic()
content()
load_faq()  # content/faq.yml, re-read by bot.faq when the front desk edits it
