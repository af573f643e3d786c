"""axe-core (npm, web/node_modules/axe-core, a devDependency) run in a real page: WCAG 2.1 A
and AA rules. The script is evaluated through the browser driver (Playwright), which the
page's Content-Security-Policy does not govern, so the page is tested with its CSP on."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import List

import pytest

AXE = Path(__file__).resolve().parent.parent / "web" / "node_modules" / "axe-core" / "axe.min.js"
WCAG21_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@lru_cache(maxsize=1)
def _source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `cd web && npm ci` (make install does)", pytrace=False)
    return AXE.read_text(encoding="utf-8")


def violations(page, include: str = None) -> List[str]:
    """One line per failing rule and element ("rule: selector: what to fix"), empty when the
    page (or the part `include` selects) passes."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_source())
    result = page.evaluate(
        """async ([include, tags]) => await axe.run(include ? {include: [include]} : document,
              {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        [include, WCAG21_A_AA])
    return [f"{v['id']}: {', '.join(map(str, node['target']))}: "
            f"{(node.get('failureSummary') or v['help']).splitlines()[-1].strip()}"
            for v in result["violations"] for node in v["nodes"]]
