"""The code's layout as a tree, one line per module with its docstring's summary line.

`python -m bot.layout` prints the tree of the `bot`, `actions` and `bench` packages;
`python -m bot.layout --write` puts it in docs/architecture.md, between the layout markers, where
a test (tests/unit/test_layout.py) checks it is still the script's output. A package is shown
as `name/` with its `__init__.py`'s summary. Read with `ast`: nothing is imported.
"""
from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "actions", "bench")
DOC = ROOT / "docs" / "architecture.md"
BEGIN = "<!-- layout: python -m bot.layout --write -->"
END = "<!-- /layout -->"
MAX_SUMMARY = 100  # characters: the tree's lines stay readable


def docstring(path: Path) -> str | None:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))


def summary_problem(doc: str | None) -> str | None:
    """What is wrong with a module docstring's summary line (PEP 257), or None: the docstring
    starts with one line that says what the module is for, alone in its paragraph."""
    if not doc or not doc.strip():
        return "no docstring"
    lines = doc.strip().splitlines()
    if len(lines) > 1 and lines[1].strip():
        return "the summary runs over more than one line (end it, then leave a blank line)"
    if len(lines[0]) > MAX_SUMMARY:
        return f"the summary line is longer than {MAX_SUMMARY} characters"
    return None


def summary(path: Path) -> str:
    doc = docstring(path)
    return doc.strip().splitlines()[0] if doc and doc.strip() else ""


def modules(package: Path) -> list[Path]:
    """Every module of a package and its subpackages, `__init__.py` included."""
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def _entries(directory: Path) -> list[Path]:
    """A package's modules (without `__init__.py`) and subpackages, by name."""
    found = [p for p in directory.iterdir()
             if (p.suffix == ".py" and p.name != "__init__.py")
             or (p.is_dir() and (p / "__init__.py").is_file())]
    return sorted(found, key=lambda p: p.name)


def _lines(directory: Path, prefix: str) -> list[tuple[str, str]]:
    rows = []
    entries = _entries(directory)
    for i, entry in enumerate(entries):
        last = i == len(entries) - 1
        branch, indent = ("└── ", "    ") if last else ("├── ", "│   ")
        if entry.is_dir():
            rows.append((prefix + branch + entry.name + "/", summary(entry / "__init__.py")))
            rows += _lines(entry, prefix + indent)
        else:
            rows.append((prefix + branch + entry.name, summary(entry)))
    return rows


def tree(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> str:
    rows = []
    for name in packages:
        rows.append((name + "/", summary(root / name / "__init__.py")))
        rows += _lines(root / name, "")
    width = max(len(left) for left, _ in rows) + 2
    return "\n".join(f"{left:<{width}}{right}".rstrip() for left, right in rows) + "\n"


def documented_tree(doc: Path = DOC) -> str:
    """The tree as docs/architecture.md shows it (inside the fenced block between the markers)."""
    text = doc.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise ValueError(f"{doc}: the layout markers {BEGIN} ... {END} are missing")
    block = text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n")
    lines = block.splitlines()
    return "\n".join(lines[1:-1]) + "\n"  # inside the ```text fence


def write(doc: Path = DOC) -> None:
    text = doc.read_text(encoding="utf-8")
    before, rest = text.split(BEGIN, 1)
    after = rest.split(END, 1)[1]
    doc.write_text(f"{before}{BEGIN}\n```text\n{tree()}```\n{END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"update {DOC.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    if args.write:
        write()
    else:
        sys.stdout.write(tree())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
