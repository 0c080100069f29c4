"""The issue forms, scripts/record_from_issue.py on sample bodies, and the contribution workflow.

Sample bodies are sorted by outcome (tests/fixtures/issue-forms/valid/, invalid/); each valid one
becomes exactly the record of expected/NAME.yml, each invalid one prints exactly the messages of
expected/NAME.txt, through the same command the workflow runs.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from odd17.content.typography import after_colon, french_text
from odd17.content.validation import validate
from odd17.contribute import issue_form

from conftest import CONTENT, FIXTURES, ROOT, TODAY

FORMS = FIXTURES / "issue-forms"
VALID = sorted((FORMS / "valid").glob("*.md"))
INVALID = sorted((FORMS / "invalid").glob("*.md"))
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


@pytest.fixture(scope="module")
def kit():  # noqa: ANN201
    return validate(CONTENT, today=TODAY).kit


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


def record_from_issue(body: Path, content: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The workflow's command (.github/workflows/contribution.yml)."""
    return subprocess.run([sys.executable, str(ROOT / "scripts/record_from_issue.py"), str(body),
                           "--content", str(content), "--today", TODAY.isoformat(), *args],
                          capture_output=True, text=True, timeout=120, cwd=content.parent)


def test_sample_bodies_found() -> None:
    assert len(VALID) >= 4 and len(INVALID) >= 5
    expected = {p.name for p in (FORMS / "expected").iterdir()}
    assert expected == {f"{p.name}.yml" for p in VALID} | {f"{p.name}.txt" for p in INVALID}


@pytest.mark.parametrize("body", VALID, ids=lambda p: p.name)
def test_valid_body_becomes_its_record(body: Path, content: Path, tmp_path: Path) -> None:
    before = {p for p in content.glob("*/*.yml")}
    output = tmp_path / "github-output"
    comment = tmp_path / "comment.md"
    result = record_from_issue(body, content, "--github-output", str(output), "--comment",
                               str(comment))
    assert result.returncode == 0, result.stdout + result.stderr
    written = sorted({p for p in content.glob("*/*.yml")} - before)
    assert len(written) == 1
    assert written[0].read_text(encoding="utf-8") == (
        FORMS / "expected" / f"{body.name}.yml").read_text(encoding="utf-8")
    assert validate(content, today=TODAY).errors == []
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    assert outputs["path"] == f"content/{written[0].parent.name}/{written[0].name}"
    assert outputs["slug"] == written[0].stem
    assert "Merci pour votre proposition" in comment.read_text(encoding="utf-8")


@pytest.mark.parametrize("body", INVALID, ids=lambda p: p.name)
def test_invalid_body_gives_its_exact_messages(body: Path, content: Path, tmp_path: Path) -> None:
    before = sorted(content.glob("*/*.yml"))
    comment = tmp_path / "comment.md"
    result = record_from_issue(body, content, "--comment", str(comment))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = (FORMS / "expected" / f"{body.name}.txt").read_text(encoding="utf-8").splitlines()
    assert expected and result.stdout.splitlines() == expected
    assert sorted(content.glob("*/*.yml")) == before  # nothing written
    reply = comment.read_text(encoding="utf-8")
    assert "à corriger" in reply and "Edit" in reply
    # On the issue (CommonMark), each problem reads exactly as printed, whatever the answer held.
    from markdown_it import MarkdownIt

    items = re.findall(r"<li>(.*?)</li>", MarkdownIt("commonmark").render(reply), re.S)
    assert [html.unescape(i).replace("\u2060", "") for i in items] == [french_text(line)
                                                                        for line in expected]
    # Messages speak the form's words, never the record's YAML keys.
    for key in ("partenaires[", "sources[", "modele:", "titre:", "site_web", "verifie_le"):
        assert key not in result.stdout


def test_a_title_already_in_the_base_is_refused_in_the_forms_words(content: Path) -> None:
    body = FORMS / "valid/exemple-minimal.md"
    assert record_from_issue(body, content).returncode == 0
    again = record_from_issue(body, content)
    assert again.returncode == 1
    assert again.stdout.startswith("« Titre de l’exemple » : même titre que ")
    assert len(list(content.glob("examples/*recyclerie*.yml"))) == 1


def test_usage_errors_are_french_lines(tmp_path: Path, content: Path) -> None:
    missing = record_from_issue(tmp_path / "absent.md", content)
    assert missing.returncode == 2 and "fichier introuvable" in missing.stderr
    binary = tmp_path / "binaire.md"
    binary.write_bytes(b"\xff\xfe\x00")
    unreadable = record_from_issue(binary, content)
    assert unreadable.returncode == 2 and "UTF-8" in unreadable.stderr
    bad = record_from_issue(FORMS / "valid/outil.md", content, "--today", "hier")
    assert bad.returncode == 2
    for result in (missing, unreadable, bad):
        assert "Traceback" not in result.stderr


def github_body(kit, kind: str, record: dict) -> str:  # noqa: ANN001
    """The body GitHub writes for a form filled with ``record`` (what contributors submit)."""
    parts = []
    for question in issue_form.fields_of(kit, kind):
        if question.kind == "checkboxes":
            value = "\n".join(f"- [X] **{n}** : {t}" for n, t in issue_form.CHECKLIST)
        elif question.kind == "dropdown":
            shown = dict((term_id, text) for text, term_id in
                         issue_form.options(kit, question.vocabulary))
            chosen = record.get(question.key)
            chosen = chosen if isinstance(chosen, list) else [chosen] if chosen else []
            value = ", ".join(shown[c] for c in chosen) or issue_form.NO_RESPONSE
        elif question.key == "partenaires":
            value = "\n".join(" — ".join([p["nom"], kit.label("types_partenaires", p["type"])]
                                         + ([p["site_web"]] if p.get("site_web") else []))
                              for p in record["partenaires"])
        elif question.key == "sources":
            value = "\n".join(" — ".join([s["titre"]] + ([s["url"]] if s.get("url") else []))
                              for s in record["sources"])
        else:
            value = record.get(question.key) or issue_form.NO_RESPONSE
        parts.append(f"### {question.label}\n\n{value}")
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("kind", ["examples", "tools"])
def test_every_record_of_the_base_can_be_given_through_the_form(kit, kind: str) -> None:  # noqa: ANN001
    """The form asks every field a record needs: each real record, typed into the form as GitHub
    renders it, comes back identical (dates aside)."""
    folder = CONTENT / kind
    for path in sorted(folder.glob("*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        record = {k: v for k, v in record.items() if k not in ("ajoute_le", "verifie_le",
                                                               "anciens_slugs")}
        record.pop("territoire", None) if record.get("territoire") is None else None
        if "territoire" in record:
            record["territoire"] = f"{record['territoire']:02d}" if isinstance(
                record["territoire"], int) else record["territoire"]
        answer = issue_form.answers_to_record(kit, kind, github_body(kit, kind, record), TODAY)
        assert answer.problems == [], (path.name, answer.problems)
        assert issue_form.check(kit, kind, answer) == []
        got = {k: v for k, v in answer.record.items() if k not in ("ajoute_le", "verifie_le")}
        got["description"] = " ".join(got["description"].split())
        record["description"] = " ".join(record["description"].split())
        assert got == record, path.name


def test_forms_show_the_typology_and_the_vocabularies(kit) -> None:  # noqa: ANN001
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/nouvel-exemple.yml").read_text(
        encoding="utf-8"))
    by_id = {item.get("id"): item for item in form["body"]}
    models = by_id["modele"]["attributes"]["options"]
    assert len(models) == len(kit.typology.models) == 9
    for model in kit.typology.models:
        category = kit.term("categories", model.category).name
        definition = " ".join(model.definition.split())
        assert french_text(f"{model.name} ({category}) : {after_colon(definition)}") in models
    types = by_id["partenaires"]["attributes"]["description"]
    assert all(french_text(t.name) in types for t in kit.vocabularies.partner_types)
    assert by_id["territoire"]["attributes"]["options"] == [french_text(t.name)
                                                            for t in kit.vocabularies.territories]
    assert by_id["objectifs"]["attributes"]["multiple"] is True
    assert by_id["objectifs"]["attributes"]["options"] == [french_text(t.name)
                                                           for t in kit.typology.objectives]
    assert by_id["impacts"]["attributes"]["options"] == [french_text(t.name)
                                                         for t in kit.typology.impacts]
    # French typography in what contributors read: « L’ODD », no-break space before « : ».
    assert "L’ODD 17 en pratique" in form["body"][0]["attributes"]["value"]
    assert "\u00a0:" in form["description"] and "Titre de l’exemple" in str(form["body"])
    assert form["labels"] == [issue_form.FORM_LABELS["examples"]]
    for name in issue_form.FORM_FILES.values():
        form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
        labels = [item["attributes"]["label"] for item in form["body"] if item["type"] != "markdown"]
        assert len(labels) == len(set(labels))  # the body's headings must tell answers apart
        for item in form["body"]:
            options = item["attributes"].get("options", [])
            assert len(options) == len({str(o) for o in options}) and "None" not in options


def test_forms_write_lower_case_after_a_colon(kit) -> None:  # noqa: ANN001
    """« **Performance** : une plus grande performance… », « Mécénat classique (Mécénat) : don
    sans contrepartie… »: the kit's sentences after « : » start in lower case (acronyms kept)."""
    checked = 0
    for name in issue_form.FORM_FILES.values():
        text = (ROOT / ".github/ISSUE_TEMPLATE" / name).read_text(encoding="utf-8")
        for word in re.findall(r"\*\*[^*\n]+\*\*\u00a0: (\w+)|\)\u00a0: (\w+)", text):
            first = "".join(word)
            checked += 1
            assert after_colon(first) == first, (name, first)
    assert checked >= len(kit.typology.models) + len(kit.typology.impacts)


def test_forms_are_not_stale(kit) -> None:  # noqa: ANN001
    """A model or vocabulary change must be followed by python3 scripts/update_contributing.py."""
    for path, text in issue_form.generated_files(kit).items():
        assert (ROOT / path).read_text(encoding="utf-8") == text, path
    result = subprocess.run([sys.executable, str(ROOT / "scripts/update_contributing.py"),
                             "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout


def test_partner_lines_are_read_robustly(kit) -> None:  # noqa: ANN001
    parse = issue_form.parse_partner
    assert parse(kit, "Toyota - CPIE Fictif — Association") == ("Toyota - CPIE Fictif",
                                                                "association", None)
    assert parse(kit, "La Fictive | entreprise | https://f.example.org") == (
        "La Fictive", "entreprise", "https://f.example.org")
    assert parse(kit, "Commune de Villefictive (Collectivité territoriale)") == (
        "Commune de Villefictive", "collectivite", None)
    assert parse(kit, "Réseau Imaginaire : reseau")[1] is None  # « : » is not a separator
    assert parse(kit, "Sans type") == ("Sans type", None, None)


def test_preview_is_inert_markdown(kit) -> None:  # noqa: ANN001
    record = {"titre": "@equipe #12 <img src=x onerror=alert(1)> [a](javascript:x) **gras**",
              "partenaires": [{"nom": "A", "type": "association"},
                              {"nom": "B", "type": "entreprise"}],
              "modele": "engagement-actif", "description": "![image](https://suivi.example.org/p.png)",
              "sources": [{"titre": "S", "url": "https://s.example.org/a_b"}]}
    text = issue_form.preview(kit, "examples", "a-b", record)
    # Every Markdown or HTML character of the record's text is backslash-escaped (CommonMark).
    for pattern in (r"(?<!\\)<", r"(?<!\\)\]\(", r"(?<!\\)!\[", r"(?<!\\)\*\*gras"):
        assert not re.search(pattern, text), pattern
    assert "@equipe" not in text and "#12" not in text  # no mention, no issue reference
    assert "Engagement actif (catégorie Mécénat)" in text
    # Rendered as CommonMark (GitHub's base): the reader sees the record's text, and no link,
    # image or HTML comes from it.
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(text)
    assert "<img" not in rendered and "<script" not in rendered and "javascript:" not in \
        rendered.replace("[a](javascript:x)", "")
    heading = re.search(r"<h3>(.*)</h3>", rendered).group(1)
    assert html.unescape(heading).replace("\u2060", "") == french_text(record["titre"])
    assert "<a " not in rendered


# --- The workflows -----------------------------------------------------------------------------------

def test_actionlint_passes_on_every_workflow() -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or \
        shutil.which("actionlint")
    assert actionlint, "actionlint is missing: bash scripts/task test installs the test extra"
    assert WORKFLOWS
    result = subprocess.run([actionlint, "-no-color", *map(str, WORKFLOWS)], capture_output=True,
                            text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_text_never_reaches_a_shell_line() -> None:
    """Attacker-controlled event fields are passed through env:, never ${{ }} inside run:."""
    untrusted = re.compile(r"\$\{\{[^}]*github\.event\.(issue|comment|pull_request|review|"
                           r"head_commit|discussion)\.[^}]*\}\}")
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                run = step.get("run", "")
                shown = re.sub(r"\$\{\{\s*github\.event\.issue\.number\s*\}\}", "", run)
                assert not untrusted.search(shown), (path.name, step.get("name"))
            for step in job.get("steps", []):
                if "uses" in step:  # every action pinned to a release
                    assert re.search(r"@v\d+(\.\d+)*$", step["uses"]), step["uses"]


def test_contribution_workflow_runs_the_tested_command_on_the_forms_labels() -> None:
    text = (ROOT / ".github/workflows/contribution.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert set(workflow[True]["issues"]["types"]) >= {"opened", "edited"}
    job = workflow["jobs"]["fiche"]
    for label in issue_form.FORM_LABELS.values():
        assert f"'{label}'" in job["if"]
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert 'python scripts/record_from_issue.py "$RUNNER_TEMP/ticket.md"' in runs
    assert "python -m odd17.cli build --strict" in runs  # the PR's checks will not run by themselves
    # The build needs the npm packages (Pagefind indexes the online search), installed before.
    assert "npm ci" in runs and runs.index("npm ci") < runs.index("odd17.cli build"), runs
    uses = [step.get("uses", "") for step in job["steps"]]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert any(u.startswith("peter-evans/create-pull-request@") for u in uses)
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    assert any(step.get("uses", "").startswith("actions/upload-artifact@")
               for step in ci["jobs"]["verifier"]["steps"])


def test_the_preview_shows_each_partners_website_as_text(content: Path, tmp_path: Path) -> None:
    comment = tmp_path / "comment.md"
    result = record_from_issue(FORMS / "valid/exemple-complet.md", content, "--comment",
                               str(comment))
    assert result.returncode == 0, result.stdout + result.stderr
    reply = comment.read_text(encoding="utf-8")
    # Escaped Markdown text, like every answer in the reply.
    assert ("Association Les Jardins Imaginaires (Association, https\\://jardins\\-imaginaires"
            "\\.example\\.org)") in reply
