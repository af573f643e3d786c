"""`make audit`: every known vulnerability of a pinned package has a decision, and a new one
without a decision is reported as undecided."""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "security"))
import audit  # noqa: E402 - security/ is put on the path just above


def test_every_finding_in_the_snapshot_has_a_decision_for_a_pinned_version():
    pins = audit.pinned_python()
    decisions = audit.load_decisions()
    findings = json.loads(audit.SNAPSHOT.read_text())["findings"]
    for finding in findings:
        if finding["ecosystem"] == "PyPI":
            assert pins[finding["package"]] == finding["version"], finding["id"]  # still pinned
        decision = audit.decision_for(finding, decisions)
        assert decision and decision["decision"].strip() and decision["why"].strip(), finding["id"]


def test_a_new_advisory_is_undecided_and_fails_the_audit(monkeypatch, tmp_path, capsys):
    snapshot = json.loads(audit.SNAPSHOT.read_text())
    snapshot["findings"].append({"ecosystem": "PyPI", "package": "sanic", "version": "21.12.2",
                                 "id": "PYSEC-2099-1", "aliases": [], "fixed": ["99"],
                                 "summary": "made up", "source": "manual"})
    made_up = tmp_path / "audit.json"
    made_up.write_text(json.dumps(snapshot))
    monkeypatch.setattr(audit, "SNAPSHOT", made_up)
    monkeypatch.setattr(audit, "live_npm", lambda: None)  # offline: the snapshot is used
    assert audit.check(pip_audit=None) == 1
    assert "UNDECIDED" in capsys.readouterr().out


def test_the_offline_scan_matches_versions_inside_an_advisorys_ranges():
    entry = {"ranges": [{"type": "ECOSYSTEM", "events": [
        {"introduced": "0"}, {"fixed": "2.4.4"}, {"introduced": "2.5.0"}, {"fixed": "2.5.2"}]}]}
    assert audit._affected(entry, "2.5.1") and audit._affected(entry, "1.0")
    assert not audit._affected(entry, "2.4.4") and not audit._affected(entry, "2.12.0")
