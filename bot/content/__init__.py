"""Clinician-editable content, loaded and validated, in each language the assistant speaks.

Options, self-care advice, red-flag texts and every other sentence the assistant says.

The words live in ``content/options.yml``, ``content/self_care.yml``,
``content/conversation.yml`` and ``content/labels.yml`` (the words for the contract's values,
``bot/labels.py``; see ``content/README.md``), translations in ``content/<lang>/``. This
package only loads and validates them, naming the file and field of anything missing or
malformed, so a problem stops the action server at start-up rather than a conversation:
``fields`` says what each file must hold, ``checker`` checks a field, ``build`` and
``conversation`` check each file, ``translation`` a translation against the English file,
``loader`` reads and caches. Choosing options is ``bot/option_select.py``; putting the words
together is ``bot/wording.py``. Pure: no Rasa.
"""
from bot.content.checker import normalise
from bot.content.fields import (
    ANSWER_PLACEHOLDERS,
    ASPECTS,
    CLINIC_PLACEHOLDERS,
    CONTENT_FILES,
    CONVERSATION_FILE,
    CONVERSATION_PLACEHOLDERS,
    CONVERSATION_TEXTS,
    DEFAULT_ASPECT,
    DEFAULT_LANGUAGE,
    DURATION_WORDS,
    ENV_VAR,
    LANGUAGES,
    NONE_FIT,
    OPTION_TEXT_FIELDS,
    OPTIONS_FILE,
    REVIEW_FIELD,
    SELF_CARE_FILE,
    SELF_CARE_PLACEHOLDERS,
    STORY_PLACEHOLDERS,
)
from bot.content.loader import (
    DEFAULT_CONTENT_DIR,
    REPO_ROOT,
    default_content_dir,
    load_all_languages,
    load_content,
)
from bot.content.model import Content, ContentError, Option, OptionFit, Selection, SelfCare
from bot.content.translation import language_dir
from bot.contract import RED_FLAGS

__all__ = [
    "ANSWER_PLACEHOLDERS", "ASPECTS", "CLINIC_PLACEHOLDERS", "CONTENT_FILES", "CONVERSATION_FILE",
    "CONVERSATION_PLACEHOLDERS", "CONVERSATION_TEXTS", "DEFAULT_ASPECT", "DEFAULT_CONTENT_DIR",
    "DEFAULT_LANGUAGE", "DURATION_WORDS", "ENV_VAR", "LANGUAGES", "NONE_FIT", "OPTIONS_FILE",
    "OPTION_TEXT_FIELDS", "RED_FLAGS", "REPO_ROOT", "REVIEW_FIELD", "SELF_CARE_FILE",
    "SELF_CARE_PLACEHOLDERS", "STORY_PLACEHOLDERS", "Content", "ContentError", "Option",
    "OptionFit", "Selection", "SelfCare", "default_content_dir", "language_dir",
    "load_all_languages", "load_content", "normalise",
]
