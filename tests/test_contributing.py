"""What contributors and maintainers rely on besides the validator: CI, template, hooks, reports."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project


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


def test_docs_name_only_commands_that_exist() -> None:
    """Every `bash scripts/task X` of README and CONTRIBUTING is a task of scripts/task."""
    task = (ROOT / "scripts/task").read_text(encoding="utf-8")
    tasks = set(re.findall(r"^  ([a-z|-]+)\)$", task, flags=re.M))
    tasks = {name for group in tasks for name in group.split("|")}
    for doc in ("README.md", "CONTRIBUTING.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        named = set(re.findall(r"bash scripts/task ([a-z-]+)", text))
        assert named and named <= tasks, (doc, named - tasks)
        for script in re.findall(r"(scripts/[a-z_]+\.py)", text):
            assert (ROOT / script).exists(), (doc, script)
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for name in ("new-example", "new-tool", "validate", "serve", "test"):
        assert f"bash scripts/task {name}" in contributing


def test_scaffold_without_its_packages_says_which_task_to_run(tmp_path: Path) -> None:
    """`python3 scripts/new_example.py` outside the venv: a French line, never a traceback."""
    result = subprocess.run([sys.executable, "-S", str(ROOT / "scripts/new_example.py")],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "bash scripts/task new-example" in result.stderr


def test_freshness_report_lists_addresses_without_network() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts/report_freshness.py")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "## Fiches à revérifier" in result.stdout
    assert "## Adresses citées par les fiches" in result.stdout


def test_failed_build_ends_with_a_french_line(tmp_path: Path, builds: None) -> None:
    """The build task runs MkDocs through odd17.cli: no English « Aborted with a BuildError! »."""
    project = copy_project(tmp_path / "projet")
    record = project / "content/examples/deloitte-sivc.yml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "modele: engagement-actif", "modele: engagement"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "odd17.cli", "build", "--strict", "-d",
                             str(tmp_path / "site")], cwd=project, capture_output=True,
                            text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "content/examples/deloitte-sivc.yml:" in output and "modele: « engagement »" in output
    assert "Aborted" not in output and "Traceback" not in output
    assert output.rstrip().splitlines()[-1].startswith("La construction du site a échoué : "
                                                       "corrigez les problèmes listés ci-dessus")
    task = (ROOT / "scripts/task").read_text(encoding="utf-8")
    assert '"$PY" -m odd17.cli build --strict' in task and '"$PY" -m odd17.cli serve' in task


def test_build_outside_the_kit_or_with_a_bad_option_says_so_in_french(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    outside = subprocess.run([sys.executable, "-m", "odd17.cli", "build"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=120)
    assert outside.returncode == 1
    assert "fichier de configuration introuvable : mkdocs.yml" in outside.stderr
    bad = subprocess.run([sys.executable, "-m", "odd17.cli", "build", "--bogus"], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Option ou commande non reconnue" in bad.stderr
    for result in (outside, bad):
        assert "Traceback" not in result.stderr + result.stdout
        assert "Error:" not in result.stderr + result.stdout


# Lines a volunteer would read as breakage: MkDocs' progress, mkdocs-macros' trace,
# the sitemap template's note, Python warnings (setuptools, pikepdf) and their traceback lines.
ENGLISH = re.compile(r"^(INFO|WARNING|ERROR|DEBUG)\b|Cleaning site|Building documentation|"
                     r"Documentation built|\[macros\]|Template skipped|Warning\b|Traceback|"
                     r'^\s+File "|Editable install|Serving on|Aborted', re.M)


def test_the_readme_build_prints_short_french_lines(tmp_path: Path, builds: None) -> None:
    """`bash scripts/task build` as the README gives it, on a copy of the kit whose Python
    environment is already installed: every line it prints is the kit's, in French."""
    # The task reinstalls what its stamps say is stale: through links to the project's own
    # .venv and node_modules it would reinstall them there (pip pointing the project's venv at
    # this copy, npm ci emptying node_modules). Run it only where both stamps are fresh, and
    # give the copy a node_modules of its own made of links, which npm could only unlink.
    digest = hashlib.sha256
    venv_stamp = ROOT / ".venv" / f".installed-{digest((ROOT / 'pyproject.toml').read_bytes()).hexdigest()[:16]}"
    npm_stamp = f".installed-{digest((ROOT / 'package-lock.json').read_bytes()).hexdigest()[:16]}"
    if not venv_stamp.exists() or not (ROOT / "node_modules" / npm_stamp).exists():
        pytest.skip("environnement non installé par bash scripts/task test (tampons absents)")
    project = copy_project(tmp_path / "projet")
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / "node_modules").unlink()
    (project / "node_modules").mkdir()
    for entry in (ROOT / "node_modules").iterdir():
        (project / "node_modules" / entry.name).symlink_to(entry)
    result = subprocess.run(["bash", "scripts/task", "build"], cwd=project, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900)
    output = result.stdout  # both streams, in the order a terminal shows them
    assert result.returncode == 0, output
    assert not ENGLISH.search(output), output
    lines = output.strip().splitlines()
    assert len(lines) <= 8, output
    assert lines[0].endswith("fichiers vérifiés : aucun problème.")
    assert "site/pdf" in output and "kit-hors-ligne.zip" in output
    assert lines[-1].startswith("Terminé : le site est dans site/")


def test_serving_shows_a_failed_rebuild_in_the_browser() -> None:
    """While serving, a failed rebuild is said in French and every page becomes the error page
    (escaped problems); the next successful rebuild brings the site back."""
    import logging

    from odd17.cli import ServeGuard

    class Server:  # the attributes of MkDocs' LiveReloadServer that the guard uses
        root = "/tmp/site"
        error_handler = staticmethod(lambda code: None)

        def __init__(self) -> None:
            self.broken = True
            self.builder = self.build

        def build(self) -> None:
            if self.broken:
                logging.getLogger("mkdocs.commands.build").error(
                    "contenu invalide :\ncontent/examples/x.yml:3: titre: <b>champ</b> manquant")
                raise SystemExit("Aborted with a BuildError!")  # MkDocs' Abort is one

    server, said = Server(), []
    log = logging.getLogger("test-serve")
    log.info = lambda *a: said.append(a[0] % a[1:] if len(a) > 1 else a[0])  # type: ignore[method-assign]
    log.error = log.info  # type: ignore[method-assign]
    guard = ServeGuard(server, log)
    server.builder()
    page = Path(server.root, "index.html").read_text(encoding="utf-8")
    assert server.root != "/tmp/site" and server.error_handler(404) == page.encode()
    assert 'lang="fr"' in page and "content/examples/x.yml:3: titre: &lt;b&gt;champ" in page
    assert any(line.startswith("la reconstruction a échoué") for line in said)
    server.broken = False
    server.builder()
    assert server.root == "/tmp/site" and server.error_handler(404) is None
    assert said[-1] == "Site à jour." and guard.folder is None
