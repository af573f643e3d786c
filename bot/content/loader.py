"""Loading the content files of one language, or all, re-read when a file changes.

The cache is keyed on the files' bytes, so an edited file is picked up on the next call."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from bot.content.build import build_content
from bot.content.checker import read_yaml
from bot.content.fields import CONTENT_FILES, DEFAULT_LANGUAGE, ENV_VAR, LANGUAGES, OPTIONS_FILE
from bot.content.model import Content, ContentError
from bot.content.translation import language_dir, refuse_extra_keys, take_review, with_english_fits

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONTENT_DIR = REPO_ROOT / "content"

_cache: dict[tuple[str, str, str], Content] = {}


def default_content_dir() -> Path:
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else DEFAULT_CONTENT_DIR


def load_content(content_dir: Path | None = None, lang: str = DEFAULT_LANGUAGE) -> Content:
    """Load and validate ``options.yml``, ``self_care.yml``, ``conversation.yml`` and
    ``labels.yml`` in one language (``LANGUAGES``).

    ``content_dir`` defaults to ``CLINIC_CONTENT_DIR`` or the repository's ``content/``. A
    translation (``content/es/``) must have every key of the English file, no key the English
    file lacks, and its ``review`` field; its options take their clinical rules (``fits``)
    from the English file by id. Cached per directory, language and file contents, so an
    edited file is picked up on the next call.
    """
    content_dir = Path(content_dir) if content_dir is not None else default_content_dir()
    base = language_dir(content_dir, lang)
    files = [base / name for name in CONTENT_FILES]
    if lang != DEFAULT_LANGUAGE:  # the English source: its keys, and the options' fits
        files += [content_dir / name for name in CONTENT_FILES]
    raw: dict[Path, bytes] = {}
    digest = hashlib.sha256()
    for path in files:
        try:
            raw[path] = path.read_bytes()
        except FileNotFoundError:
            raise ContentError(path, "(file)", "file not found") from None
        digest.update(str(path).encode() + b"\0" + raw[path] + b"\0")
    key = (str(content_dir.resolve()), lang, digest.hexdigest())
    cached = _cache.get(key)
    if cached is not None:
        return cached
    data = {path: read_yaml(path, raw[path]) for path in files}
    by_name = {name: data[base / name] for name in CONTENT_FILES}
    review = None
    if lang != DEFAULT_LANGUAGE:
        english = {name: data[content_dir / name] for name in CONTENT_FILES}
        review = take_review(base, by_name)
        refuse_extra_keys(base, by_name, english)
        by_name[OPTIONS_FILE] = with_english_fits(base / OPTIONS_FILE, by_name[OPTIONS_FILE],
                                                  english[OPTIONS_FILE])
    content = build_content(base, by_name, language=lang, review=review)
    if len(_cache) > 32:
        _cache.clear()
    _cache[key] = content
    return content


def load_all_languages(content_dir: Path | None = None) -> dict[str, Content]:
    """Every language's content, validated: what start-up calls, so a missing translation
    stops the assistant instead of surfacing mid-conversation."""
    return {lang: load_content(content_dir, lang) for lang in LANGUAGES}
