"""`make audit`: known vulnerabilities of the pinned packages, and the decision for each.

    python security/audit.py [--pip-audit PATH]      check, print the table, exit 1 if undecided
    python security/audit.py snapshot --advisory-db DIR
                                                     refresh security/audit.json offline

Findings come from, in this order:
1. live: pip-audit (in its own tools venv, never the app's) on requirements/lock.txt, and
   `npm audit` on web/package-lock.json, when their services answer;
2. otherwise the committed snapshot, security/audit.json: matches of the lock files against a
   checkout of the PyPA advisory database (https://github.com/pypa/advisory-database, the data
   behind PyPI's vulnerability reports), plus advisories published after that checkout, added by
   hand with their source (`"source": "manual"`).
Each finding must have a decision in security/decisions.yml (by advisory id or alias);
an undecided one fails the target. Run with the app's Python (PyYAML, packaging).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Dict, Iterable, List, Optional

import yaml
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"
NPM_LOCK = ROOT / "web" / "package-lock.json"
SNAPSHOT = ROOT / "security" / "audit.json"
DECISIONS = ROOT / "security" / "decisions.yml"


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned_python() -> Dict[str, str]:
    pins = {}
    for line in LOCK.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[normalise(name.split("[", 1)[0])] = version.split(";", 1)[0].strip()
    return pins


# ----------------------------------------------------------------------------- live sources

def live_python(pip_audit: Optional[str]) -> Optional[List[dict]]:
    """pip-audit's findings, or None when it could not check (no tool, offline, no data)."""
    if not pip_audit or not Path(pip_audit).exists():
        return None
    try:
        result = subprocess.run(
            [pip_audit, "-r", str(LOCK), "--no-deps", "--disable-pip", "-s", "pypi",
             "-f", "json", "--progress-spinner", "off"],
            capture_output=True, text=True, timeout=600)
        report = json.loads(result.stdout or "{}")
    except (OSError, subprocess.TimeoutExpired, json.JSONDecodeError):
        return None
    dependencies = report.get("dependencies") or []
    checked = [d for d in dependencies if "skip_reason" not in d]
    if len(checked) < 0.9 * max(1, len(pinned_python())):
        return None  # the vulnerability service did not answer for most packages
    return [{"ecosystem": "PyPI", "package": normalise(d["name"]), "version": d["version"],
             "id": v["id"], "aliases": v.get("aliases") or [], "fixed": v.get("fix_versions") or [],
             "summary": (v.get("description") or "")[:200], "source": "pip-audit"}
            for d in checked for v in d.get("vulns") or []]


def live_npm() -> Optional[List[dict]]:
    try:
        result = subprocess.run(["npm", "audit", "--json", "--package-lock-only"],
                                cwd=NPM_LOCK.parent, capture_output=True, text=True, timeout=300)
        report = json.loads(result.stdout or "{}")
    except (OSError, subprocess.TimeoutExpired, json.JSONDecodeError):
        return None
    if "vulnerabilities" not in report:
        return None  # the registry's audit endpoint did not answer
    findings = []
    for name, info in report["vulnerabilities"].items():
        for via in info.get("via") or []:
            if isinstance(via, dict):
                findings.append({"ecosystem": "npm", "package": name, "version": info.get("range"),
                                 "id": str(via.get("url", "")).rsplit("/", 1)[-1] or str(via.get("source")),
                                 "aliases": [], "fixed": [], "summary": via.get("title", ""),
                                 "source": "npm audit"})
    return findings


# ----------------------------------------------------------------------------- offline snapshot

def _affected(entry: dict, version: str) -> bool:
    if version in (entry.get("versions") or []):
        return True
    try:
        current = Version(version)
    except InvalidVersion:
        return False
    for span in entry.get("ranges") or []:
        if span.get("type") != "ECOSYSTEM":
            continue
        introduced: Optional[Version] = None
        for event in span.get("events") or []:
            if "introduced" in event:
                introduced = Version(str(event["introduced"]) if event["introduced"] != "0" else "0")
            elif "fixed" in event and introduced is not None:
                if introduced <= current < Version(str(event["fixed"])):
                    return True
                introduced = None
            elif "last_affected" in event and introduced is not None:
                if introduced <= current <= Version(str(event["last_affected"])):
                    return True
                introduced = None
        if introduced is not None and current >= introduced:
            return True
    return False


def scan_advisory_db(folder: Path, pins: Dict[str, str]) -> List[dict]:
    """Match the pins against an OSV-format advisory checkout (vulns/<package>/*.yaml)."""
    by_package = {normalise(p.name): p for p in (folder / "vulns").iterdir() if p.is_dir()}
    findings = []
    for package, version in sorted(pins.items()):
        if package not in by_package:
            continue
        for path in sorted(by_package[package].glob("*.yaml")):
            advisory = yaml.safe_load(path.read_text())
            if advisory.get("withdrawn"):
                continue
            for entry in advisory.get("affected") or []:
                if normalise(entry["package"]["name"]) == package and _affected(entry, version):
                    fixed = [e["fixed"] for r in entry.get("ranges") or []
                             if r.get("type") == "ECOSYSTEM" for e in r["events"] if "fixed" in e]
                    findings.append({
                        "ecosystem": "PyPI", "package": package, "version": version,
                        "id": advisory["id"], "aliases": advisory.get("aliases") or [],
                        "fixed": fixed,
                        "summary": (advisory.get("summary") or advisory.get("details", ""))[:200],
                        "source": "pypa/advisory-database"})
    return findings


def snapshot(advisory_db: Path) -> int:
    """Rewrite the scanned part of the snapshot; the hand-added (manual) findings stay."""
    old = json.loads(SNAPSHOT.read_text()) if SNAPSHOT.exists() else {}
    commit = subprocess.run(["git", "-C", str(advisory_db), "log", "-1", "--format=%h %cs"],
                            capture_output=True, text=True).stdout.strip() or str(advisory_db)
    manual = [f for f in old.get("findings", []) if f.get("source") == "manual"]
    scanned = scan_advisory_db(advisory_db, pinned_python())
    SNAPSHOT.write_text(json.dumps({
        "made": date.today().isoformat(), "advisory_database": commit,
        "note": old.get("note", ""), "findings": scanned + manual}, indent=2) + "\n")
    print(f"{len(scanned)} findings from the advisory database ({commit}), {len(manual)} manual")
    return 0


# ----------------------------------------------------------------------------- decisions

def load_decisions() -> List[dict]:
    return yaml.safe_load(DECISIONS.read_text())["decisions"]


def decision_for(finding: dict, decisions: Iterable[dict]) -> Optional[dict]:
    ids = {finding["id"], *finding.get("aliases", [])}
    for decision in decisions:
        if normalise(decision["package"]) == normalise(finding["package"]) and \
                ids & set(decision.get("ids") or []):
            return decision
    return None


def check(pip_audit: Optional[str]) -> int:
    saved = json.loads(SNAPSHOT.read_text())
    python, npm = live_python(pip_audit), live_npm()
    sources = []
    if python is None:
        python = [f for f in saved["findings"] if f["ecosystem"] == "PyPI"]
        sources.append(f"Python: snapshot security/audit.json (advisory database "
                       f"{saved['advisory_database']}, made {saved['made']}; pip-audit could not check)")
    else:
        # Hand-added advisories the live service may not carry yet stay listed.
        known = {f["id"] for f in python}
        python += [f for f in saved["findings"] if f["ecosystem"] == "PyPI"
                   and f.get("source") == "manual" and f["id"] not in known]
        sources.append("Python: pip-audit, live")
    if npm is None:
        npm = [f for f in saved["findings"] if f["ecosystem"] == "npm"]
        sources.append("npm: snapshot (the registry's audit endpoint did not answer)")
    else:
        sources.append("npm: npm audit, live")

    decisions = load_decisions()
    undecided = 0
    print("\n".join(sources))
    print(f"\n{'package':<18} {'version':<10} {'advisory':<22} {'affects us':<10} decision")
    for finding in sorted(python + npm, key=lambda f: (f["package"], f["id"])):
        decision = decision_for(finding, decisions)
        if decision is None:
            undecided += 1
            print(f"{finding['package']:<18} {finding['version']:<10} {finding['id']:<22} "
                  f"{'?':<10} UNDECIDED: {finding['summary'][:80]}")
            continue
        print(f"{finding['package']:<18} {finding['version']:<10} {finding['id']:<22} "
              f"{decision['affects_us']:<10} {decision['decision'].splitlines()[0][:100]}")
    total = len(python) + len(npm)
    print(f"\n{total} known vulnerabilities in pinned packages, {undecided} undecided "
          f"(decisions and reasons: security/decisions.yml)")
    return 1 if undecided else 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="security/audit.py", description=__doc__.split("\n")[0])
    parser.add_argument("command", nargs="?", default="check", choices=["check", "snapshot"])
    parser.add_argument("--pip-audit", help="the pip-audit executable (its own venv)")
    parser.add_argument("--advisory-db", type=Path, help="a pypa/advisory-database checkout")
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        if not args.advisory_db:
            parser.error("snapshot needs --advisory-db")
        return snapshot(args.advisory_db)
    return check(args.pip_audit)


if __name__ == "__main__":
    sys.exit(main())
