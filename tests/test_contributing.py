"""What contributors and maintainers rely on besides the validator: CI, template, hooks, reports."""

from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import ROOT


def test_pull_request_workflow_runs_the_validator_and_the_tests() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    steps = " ".join(str(step.get("run", "")) for job in workflow["jobs"].values()
                     for step in job["steps"])
    assert "scripts/validate.py" in steps and "bash scripts/task test" in steps
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True


def test_pull_request_template_has_the_review_checklist() -> None:
    template = (ROOT / ".github/PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for item in ("Sources", "Accord des partenaires", "Pas de données personnelles"):
        assert f"**{item}**" in template


def test_pre_commit_runs_the_validator() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert entries and all("scripts/validate.py" in e for e in entries)


def test_contributing_names_only_commands_that_exist() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for script in ("scripts/new_example.py", "scripts/new_tool.py", "scripts/update_contributing.py"):
        assert script in text and (ROOT / script).exists()
    for task in ("validate", "serve", "test"):
        assert f"bash scripts/task {task}" in text


def test_freshness_report_lists_addresses_without_network() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts/report_freshness.py")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "## Fiches à revérifier" in result.stdout
    assert "## Adresses citées par les fiches" in result.stdout
