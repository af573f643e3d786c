"""Content files unchanged since they were read are not read again (issue 19: the action server
asks for the content several times an action); a file edited is read on the next call, even
an edit of the same size made at once (bot/content/loader.py)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from bot.content import load_content, loader

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture
def content_dir(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


def _same_size_edit(path: Path, old: str, new: str) -> None:
    assert len(old) == len(new)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_edit_of_the_same_size_made_at_once_is_read(content_dir, lang):
    first = load_content(content_dir, lang)
    assert load_content(content_dir, lang) is first  # nothing changed
    first_words = first.disclaimer.split(":")[0]  # "This is general information, not a ..."
    word = max(first_words.split(), key=len).strip(",")
    for target in sorted(content_dir.rglob("*.yml")):
        if word in target.read_text(encoding="utf-8"):
            _same_size_edit(target, word, word[::-1])
    again = load_content(content_dir, lang)
    assert again is not first
    assert word[::-1] in again.disclaimer and word not in again.disclaimer

def test_files_settled_since_they_were_read_are_not_read_again(content_dir, monkeypatch):
    monkeypatch.setattr(loader.time, "time", lambda: time.time_ns() / 1e9 + 60)
    first = load_content(content_dir)

    def refuse(self):
        raise AssertionError(f"{self} read again")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert load_content(content_dir) is first
    # ... and a file written since is read (its change time and size are new)
    monkeypatch.undo()
    with (content_dir / "labels.yml").open("a", encoding="utf-8") as f:
        f.write("\n# a comment added\n")
    assert load_content(content_dir) is not first


def test_a_missing_file_or_unknown_language_still_fails_the_long_way(content_dir):
    load_content(content_dir)
    (content_dir / "options.yml").unlink()
    with pytest.raises(Exception, match="options.yml"):
        load_content(content_dir)
    with pytest.raises(ValueError, match="unknown language"):
        load_content(content_dir, "fr")
