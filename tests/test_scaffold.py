"""The scaffold writes records that pass the validator and refuses bad answers the same way."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONTENT, ROOT, TODAY
from odd17.validation import validate


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


def scaffold(kind: str, content: Path, *args: str, answers: str | None = None):  # noqa: ANN201
    return subprocess.run([sys.executable, str(ROOT / f"scripts/new_{kind}.py"), "--content",
                           str(content), *args], input=answers or "", capture_output=True,
                          text=True, timeout=60)


EXAMPLE_OPTIONS = ["--titre", "Le Jardin imaginaire et Fictive SA",
                   "--partenaire", "Jardin imaginaire|association|https://jardin.example.org",
                   "--partenaire", "Fictive SA|entreprise", "--modele", "engagement-actif",
                   "--territoire", "53", "--objectif", "competences",
                   "--description", "Un partenariat inventé : des salariés jardinent.",
                   "--source", "Rapport imaginaire|https://jardin.example.org/r"]


def test_example_from_options_is_valid(content: Path) -> None:
    result = scaffold("example", content, *EXAMPLE_OPTIONS)
    assert result.returncode == 0, result.stdout + result.stderr
    path = content / "examples/le-jardin-imaginaire-et-fictive-sa.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/example.schema.json\n")
    report = validate(content, [path], today=TODAY)
    assert report.errors == []
    example = report.kit.examples["le-jardin-imaginaire-et-fictive-sa"]
    assert example.territory == "53" and example.partners[1].type == "entreprise"
    # Never overwrites: the same title again is refused.
    again = scaffold("example", content, *EXAMPLE_OPTIONS)
    assert again.returncode == 1
    assert "existe déjà" in again.stderr
    assert path.read_text(encoding="utf-8") == text


def test_bad_option_gets_the_validator_message(content: Path) -> None:
    options = [o.replace("Fictive SA|entreprise", "Fictive SA|entrepise") for o in EXAMPLE_OPTIONS]
    result = scaffold("example", content, *options)
    assert result.returncode == 1
    assert ("partenaires[0].type: 'entrepise' n'est pas une valeur permise (association, entreprise, "
            "fondation, collectivite, acteur-public, reseau, autre) ; vouliez-vous dire 'entreprise' ?"
            ) in result.stderr
    assert list((content / "examples").glob("le-jardin*")) == []


def test_interactive_answers_are_reasked_until_valid(content: Path) -> None:
    answers = "\n".join([
        "Titre interactif",                       # titre
        "Jardin", "association", "",              # partner 1 (no website)
        "Fictive", "entrepise", "entreprise", "", # partner 2: a typo, re-asked
        "n",                                      # no third partner
        "mecenat", "mecenat-classique",           # model: a wrong one, re-asked
        "Description.",                           # description
        "Bretagne", "53",                         # territory by name refused, code accepted
        "", "",                                   # no objectives, no impacts
        "Source imaginaire", "ftp://x", "",       # source, bad url re-asked, then none
        "",                                       # slug: the proposal
    ]) + "\n"
    result = scaffold("example", content, answers=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.count("refusé") == 4
    report = validate(content, [content / "examples/titre-interactif.yml"], today=TODAY)
    example = report.kit.examples["titre-interactif"]
    assert example.model == "mecenat-classique" and example.territory == "53"


def test_no_input_fails_clearly_instead_of_waiting(content: Path) -> None:
    result = scaffold("example", content)
    assert result.returncode != 0
    assert "Réponse manquante" in result.stderr
    assert "Traceback" not in result.stderr


def test_tool_from_options_is_valid(content: Path) -> None:
    result = scaffold("tool", content, "--nom", "La Boussole fictive", "--nature", "guide",
                      "--public", "associations", "--acces", "libre",
                      "--description", "Un guide inventé.", "--source", "Présentation imaginaire")
    assert result.returncode == 0, result.stdout + result.stderr
    assert validate(content, [content / "tools/la-boussole-fictive.yml"], today=TODAY).errors == []


def test_three_mistakes_give_three_messages_and_three_annotations(tmp_path: Path) -> None:
    record = tmp_path / "examples/trois-erreurs.yml"
    record.parent.mkdir()
    record.write_text("""\
titre: Trois erreurs
partenaires:
  - nom: Association Fictive
    type: asociation
  - nom: Entreprise Imaginaire
    type: entreprise
modele: engagement-actif
description: Un partenariat inventé.
sources:
  - titre: Source imaginaire
    url: www.example.org
ajoute_le: 2025-02-30
verifie_le: 2025-03-01
""", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), str(record)],
                            capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    problems = [l for l in lines if l.startswith("examples/")]
    assert problems == [
        "examples/trois-erreurs.yml:4: partenaires[0].type: 'asociation' n'est pas une valeur permise "
        "(association, entreprise, fondation, collectivite, acteur-public, reseau, autre) ; "
        "vouliez-vous dire 'association' ?",
        "examples/trois-erreurs.yml:11: sources[0].url: 'www.example.org' n'est pas une adresse web "
        "valide : elle doit commencer par https:// (ou http://) et ne pas contenir d'espace",
        "examples/trois-erreurs.yml:12: ajoute_le: '2025-02-30' n'est pas une date qui existe",
    ]
    annotations = [l for l in lines if l.startswith("::error file=examples/trois-erreurs.yml,line=")]
    assert [a.split(",title=")[0] for a in annotations] == [
        "::error file=examples/trois-erreurs.yml,line=4", "::error file=examples/trois-erreurs.yml,line=11",
        "::error file=examples/trois-erreurs.yml,line=12"]
    assert lines[-1] == "3 problèmes dans 1 fichier (3 fichiers vérifiés)."
