"""Loading the content files of one language, or all, re-read when a file changes.

The cache is keyed on the files' bytes, so an edited file is picked up on the next call."""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from bot.content.build import build_content
from bot.content.checker import read_yaml
from bot.content.fields import CONTENT_FILES, DEFAULT_LANGUAGE, ENV_VAR, LANGUAGES, OPTIONS_FILE
from bot.content.model import Content, ContentError
from bot.content.translation import language_dir, refuse_extra_keys, take_review, with_english_fits

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONTENT_DIR = REPO_ROOT / "content"

_cache: dict[tuple[str, str, str], Content] = {}
# What the last call for a directory and language found: each file's identity (inode, size,
# modification and change times) and the content built from their bytes. The action server
# asks for the content several times an action (~0.5 ms each reading and hashing four or eight
# files); files whose identity has not changed since are not read again. A write changes the
# change time (which no tool can set back); only a file changed within the clock's last tick
# before it was read could be changed again unseen, so files changed less than RACY_S seconds
# before they were read are read again on every call until they are older (as git does).
_unchanged: dict[tuple[str, str], tuple[tuple, bool, Content]] = {}
RACY_S = 2.0


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
    where = os.fspath(content_dir) if content_dir is not None else \
        os.environ.get(ENV_VAR) or str(DEFAULT_CONTENT_DIR)
    seen_at = time.time()
    identity = _identity(where, lang)
    last = _unchanged.get((where, lang))
    if identity is not None and last is not None and last[0] == identity and last[1]:
        return last[2]
    content_dir = Path(where)
    base = language_dir(content_dir, lang)
    files = [base / name for name in CONTENT_FILES]
    if lang != DEFAULT_LANGUAGE:  # the English source: its keys, and the options' fits
        files += [content_dir / name for name in CONTENT_FILES]
    content = _load(content_dir, base, files, lang)
    if identity is not None:
        settled = all(seen_at - changed / 1e9 > RACY_S for changed in identity[3::4])
        if len(_unchanged) > 32:
            _unchanged.clear()
        _unchanged[(where, lang)] = (identity, settled, content)
    return content


def _identity(where: str, lang: str) -> tuple | None:
    """(inode, size, mtime, ctime) of each file, one tuple; None when one is missing or the
    language is unknown (the long way says which)."""
    if lang not in LANGUAGES:
        return None
    base = where if lang == DEFAULT_LANGUAGE else os.path.join(where, lang)
    names = [os.path.join(base, name) for name in CONTENT_FILES]
    if lang != DEFAULT_LANGUAGE:
        names += [os.path.join(where, name) for name in CONTENT_FILES]
    found: list = []
    for name in names:
        try:
            st = os.stat(name)
        except OSError:
            return None
        found += [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]
    return tuple(found)


def _load(content_dir: Path, base: Path, files: list[Path], lang: str) -> Content:
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
