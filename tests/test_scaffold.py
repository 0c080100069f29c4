"""The scaffold writes records that pass the validator and refuses bad answers the same way."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from odd17.content.typography import after_colon
from odd17.content.validation import display_path, validate
from odd17.contribute.issue_form import _close_options
from odd17.contribute.scaffold import propose_slug

from conftest import CONTENT, ROOT, TODAY


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
    # The proposed file name comes from the partners' names, like the base's « deloitte-sivc ».
    path = content / "examples/jardin-imaginaire-fictive.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/example.schema.json\n")
    report = validate(content, [path], today=TODAY)
    assert report.errors == []
    example = report.kit.examples["jardin-imaginaire-fictive"]
    assert example.territory == "53" and example.partners[1].type == "entreprise"
    assert "description: >-\n  Un partenariat inventé : des salariés jardinent.\n" in text
    # Never overwrites: the same file name again is refused (with another title).
    options = [o.replace("Le Jardin imaginaire et Fictive SA", "Un autre titre") for o in EXAMPLE_OPTIONS]
    again = scaffold("example", content, *options, "--slug", "jardin-imaginaire-fictive")
    assert again.returncode == 1
    assert "existe déjà" in again.stderr
    assert path.read_text(encoding="utf-8") == text


def test_bad_option_gets_the_validator_message(content: Path) -> None:
    options = [o.replace("Fictive SA|entreprise", "Fictive SA|entrepise") for o in EXAMPLE_OPTIONS]
    result = scaffold("example", content, *options)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "refusé : partenaires[1].type: « entrepise » n'est pas une valeur permise (association, "
        "entreprise, fondation, collectivite, acteur-public, reseau, autre, non-precise) ; vouliez-vous dire "
        "« entreprise » ?")
    assert list((content / "examples").glob("*fictive*")) == []


def test_a_title_or_an_address_already_taken_is_refused_and_nothing_is_left(content: Path) -> None:
    """The scaffold compares with the whole base, as the validator does: a duplicate title is
    refused at its question, a file name the kit's pages take before writing: nothing is left."""
    before = sorted(p.name for p in (content / "examples").glob("*.yml"))
    options = [o.replace("Le Jardin imaginaire et Fictive SA", "DELOITTE et sivc")
               for o in EXAMPLE_OPTIONS]
    result = scaffold("example", content, *options)
    assert result.returncode == 1
    assert result.stderr.strip() == ("refusé : titre: même titre que "
                                     f"{display_path(content / 'examples/deloitte-sivc.yml')} : chaque fiche a un "
                                     "titre distinct (l'exemple existe peut-être déjà)")
    result = scaffold("example", content, *EXAMPLE_OPTIONS, "--slug", "regions")
    assert result.returncode == 1
    assert result.stderr.startswith("refusé : le nom de fichier « regions » donnerait à la fiche "
                                    "l'adresse exemples/regions/, réservée par le kit")
    assert sorted(p.name for p in (content / "examples").glob("*.yml")) == before
    # Asked on a terminal, the title is asked again.
    result = scaffold("example", content, answers="Deloitte et SIVC\nUn autre titre\n")
    assert result.stderr.count("même titre que") == 1
    assert "Réponse manquante pour « Partenaire n° 1 »" in result.stderr


def test_every_bad_option_is_said_in_one_run(content: Path) -> None:
    options = [o.replace("Fictive SA|entreprise", "Fictive SA|entrepise").replace("53", "Bretonnie")
               .replace("https://jardin.example.org/r", "jardin.example.org/r") for o in EXAMPLE_OPTIONS]
    result = scaffold("example", content, *options)
    assert result.returncode == 1
    fields = [line.split(":")[1].strip() for line in result.stderr.splitlines()]
    assert fields == ["partenaires[1].type", "territoire", "sources[0].url"], result.stderr
    assert list((content / "examples").glob("*fictive*")) == []
    # Written as in the issue form (« Nom — type », « Titre — adresse »): the option's form is said.
    options = [o.replace("Jardin imaginaire|association|https://jardin.example.org",
                         "Jardin imaginaire — association")
               .replace("Rapport imaginaire|https", "Rapport imaginaire — https") for o in EXAMPLE_OPTIONS]
    result = scaffold("example", content, *options)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == ["partenaires[0].type", "sources[0]"]
    assert '--partenaire "NOM|TYPE|SITE"' in lines[0] and '--source "TITRE|ADRESSE"' in lines[1]


def test_words_of_the_sources_suggest_their_model(content: Path) -> None:
    """« mécénat de compétences » (seed 003's words for engagement actif) suggests the model."""
    options = [o.replace("engagement-actif", "mécénat de compétences") for o in EXAMPLE_OPTIONS]
    result = scaffold("example", content, *options)
    assert result.returncode == 1
    assert result.stderr.strip() == ("refusé : modele: « mécénat de compétences » n'est pas le nom "
                                     "d'un modèle ; vouliez-vous dire « engagement-actif » "
                                     "(Engagement actif) ?")
    # A model's name, in any case and without accents, is its id.
    options = [o.replace("engagement-actif", "ENGAGEMENT actif") for o in EXAMPLE_OPTIONS]
    assert scaffold("example", content, *options).returncode == 0


def test_interactive_answers_are_reasked_until_valid(content: Path) -> None:
    answers = "\n".join([
        "Titre interactif : l'exemple « d'essai »",  # titre (with « : », apostrophes, guillemets)
        "Jardin d'à côté", "1", "",               # partner 1: type by number, no website
        "Fictive", "entrepise", "Entreprise", "", # partner 2: a typo re-asked, then a label
        "",                                       # no third partner
        "mecenat", "n", "n", "1",                 # model: « mécénat » is a category: two
                                                  # suggestions declined, then number 1
        "Description.",                           # description
        "Bretonnie", "bretagne",                  # territory: unknown name refused, name accepted
        "1, parties prenantes", "",               # objectives by number and label; no impacts
        "Source imaginaire", "ftp://x", "",       # source, bad url re-asked, then none
        "",                                       # no second source
        "",                                       # slug: the proposal
    ]) + "\n"
    result = scaffold("example", content, answers=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.count("refusé") == 4, result.stderr
    assert "vouliez-vous dire le modèle « Mécénat classique » (catégorie Mécénat)" in result.stderr
    assert "vouliez-vous dire le modèle « Engagement actif » (catégorie Mécénat)" in result.stderr
    path = content / "examples/jardin-d-a-cote-fictive.yml"
    report = validate(content, [path], today=TODAY)
    example = report.kit.examples["jardin-d-a-cote-fictive"]
    assert example.model == "mecenat-classique" and example.territory == "53"
    assert example.objectives == ["competences", "parties-prenantes"]
    assert example.title == "Titre interactif : l'exemple « d'essai »"
    text = path.read_text(encoding="utf-8")
    assert "titre: \"Titre interactif : l'exemple « d'essai »\"\n" in text
    assert "''" not in text


def test_a_region_not_in_the_list_gets_the_forms_suggestion(content: Path) -> None:
    """« Région Bretagne », « Reunion »: the assistant proposes what the issue form and the
    validator suggest (one function), and asks before taking it."""
    answers = "\n".join([
        "Un exemple en région", "Jardin d'à côté", "1", "", "Fictive", "2", "", "",
        "1", "Description.",
        "Région Bretagne", "n",   # suggestion declined: refused, with the same suggestion
        "Reunion", "",            # suggestion accepted (Entrée)
        "", "", "Source imaginaire", "", "", "",
    ]) + "\n"
    result = scaffold("example", content, answers=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "« Région Bretagne » : vouliez-vous dire « 53 » (Bretagne) ? (O/n)" in result.stderr
    assert ("territoire: « Région Bretagne » n'est pas une valeur permise" in result.stderr
            and "; vouliez-vous dire « 53 » (Bretagne) ?\n" in result.stderr)
    assert "« Reunion » : vouliez-vous dire « 04 » (La Réunion) ? (O/n)" in result.stderr
    path = next((content / "examples").glob("jardin-d-a-cote*.yml"))
    assert validate(content, [path], today=TODAY).kit.examples[path.stem].territory == "04"
    # Given as an option, the same answer is refused with the same suggestion.
    options = [o.replace("53", "Région Bretagne") for o in EXAMPLE_OPTIONS]
    result = scaffold("example", content, *options)
    assert result.returncode == 1 and "vouliez-vous dire « 53 » (Bretagne) ?" in result.stderr


def test_the_form_and_the_validator_suggest_the_same_region() -> None:
    kit = validate(CONTENT).kit
    assert kit is not None
    for typed, name in (("Région Bretagne", "Bretagne"), ("Bretagn", "Bretagne"),
                        ("Reunion", "La Réunion"), ("ile de france", "Île-de-France")):
        assert _close_options(kit, "territoires", typed) == [name], typed


def test_models_are_shown_by_name_category_and_definition(content: Path) -> None:
    result = scaffold("example", content, answers="Titre\nA\n1\n\nB\n2\n\n\n")
    report = validate(content)
    shown = " ".join(result.stderr.split())
    for category in report.kit.typology.categories:
        assert f"Catégorie « {category.name} »" in shown
    for number, model in enumerate((m for c in report.kit.typology.categories
                                    for m in report.kit.models_of(c.id)), 1):
        # Lower case after the colon, as on the pages and in the issue form.
        assert f"{number}. {model.name} : {after_colon(' '.join(model.definition.split()))}" in shown
    assert "1. Mécénat classique : don sans contrepartie" in shown
    assert "Réponse manquante pour « Modèle de partenariat »" in result.stderr


def test_no_input_fails_clearly_instead_of_waiting(content: Path) -> None:
    result = scaffold("example", content)
    assert result.returncode == 1
    assert "Réponse manquante pour « Titre de l'exemple »" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (content / "examples").glob("*.yml")) == sorted(
        p.name for p in (CONTENT / "examples").glob("*.yml"))


def test_interrupting_ends_with_a_french_line(content: Path) -> None:
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts/new_example.py"), "--content",
                                str(content)], stdin=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert process.stderr is not None
    deadline = time.monotonic() + 60
    seen = ""
    while "Titre de l'exemple" not in seen and time.monotonic() < deadline:
        seen += process.stderr.read(1)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Traceback" not in err and "Interrompu" in err


def test_bad_arguments_and_missing_folders_get_french_lines(content: Path) -> None:
    result = scaffold("example", content, "--titr", "x")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "option non reconnue: --titr" in result.stderr
    result = scaffold("example", content.parent / "absent")
    assert result.returncode == 2
    assert "dossier introuvable" in result.stderr and "Traceback" not in result.stderr


def test_tool_from_options_is_valid(content: Path) -> None:
    result = scaffold("tool", content, "--nom", "La Boussole fictive", "--nature", "Guide",
                      "--public", "associations", "--public", "Collectivités territoriales",
                      "--acces", "libre", "--description", "Un guide inventé.",
                      "--source", "Présentation imaginaire")
    assert result.returncode == 0, result.stdout + result.stderr
    report = validate(content, [content / "tools/la-boussole-fictive.yml"], today=TODAY)
    assert report.errors == []
    assert report.kit.tools["la-boussole-fictive"].audiences == ["associations", "collectivites"]


@pytest.mark.parametrize("text, slug", [
    ("L'association des Jardins et l'entreprise Dupont : un potager d'insertion",
     "l-association-des-jardins-et-l-entreprise-dupont"),
    ("Dons d'invendus alimentaires des supermarchés de la région pour les épiceries",
     "dons-d-invendus-alimentaires-des-supermarches"),
    ("Un titre court", "un-titre-court"),
    ("A" * 70, "a" * 50),
])
def test_proposed_file_names_are_short_and_cut_between_words(text: str, slug: str) -> None:
    assert propose_slug(text) == slug
    assert len(slug) <= 50 and slug.split("-")[-1] not in ("d", "l", "et", "de", "des", "pour")


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
        "examples/trois-erreurs.yml:4: partenaires[0].type: « asociation » n'est pas une valeur permise "
        "(association, entreprise, fondation, collectivite, acteur-public, reseau, autre, non-precise) ; "
        "vouliez-vous dire « association » ?",
        "examples/trois-erreurs.yml:11: sources[0].url: « www.example.org » n'est pas une adresse web "
        "valide : elle doit commencer par https:// (ou http://) et ne pas contenir d'espace",
        "examples/trois-erreurs.yml:12: ajoute_le: « 2025-02-30 » n'est pas une date qui existe : février 2025 n'a que 28 "
        "jours",
    ]
    annotations = [l for l in lines if l.startswith("::error file=examples/trois-erreurs.yml,line=")]
    assert [a.split(",title=")[0] for a in annotations] == [
        "::error file=examples/trois-erreurs.yml,line=4", "::error file=examples/trois-erreurs.yml,line=11",
        "::error file=examples/trois-erreurs.yml,line=12"]
    assert lines[-1] == "3 problèmes dans 1 fichier (4 fichiers vérifiés)."


HOSTILE_TEXTS = [
    "d'invendus", "'commence par une apostrophe'", "L'entreprise : « Dupont » & Cie", "# pas un "
    "commentaire", "- pas une liste", "[pas, une, liste]", "{pas: un ensemble}", "*alias", "&ancre",
    "!étiquette", "%directive", "@arobase", "`accent grave`", "yes", "no", "on", "null", "~", "123",
    "0x1F", "1e3", "2024-01-01", "true", "a\u2028b", "a\u2029b", "a\x85b", "\ufeffbom", "anti\\slash",
    "tab\tulation", "---", "...", "| barre", "> chevron", "guillemets \"doubles\" et 'simples'",
    "deux-points:collés", "fin par deux-points:", "espace avant # dièse", "émoji 🌱", "  espaces  ",
    "une ligne\nune autre", "paragraphe\n\nparagraphe", "ligne\n  indentée", "?question", ",virgule",
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_written_text_reads_back_identical_and_editable(text: str) -> None:
    """People's text is data: whatever it holds, the file reads back the same, without YAML's
    doubled quote, and the description is a block when a block can hold it."""
    from odd17.content.yamlfile import parse_yaml
    from odd17.contribute.record_writer import dump_record

    record = {"titre": text, "partenaires": [{"nom": text, "type": "association"}],
              "objectifs": [text], "description": text, "sources": [{"titre": text}]}
    written = dump_record(record, "# en-tête")
    assert parse_yaml(written).data == record
    assert "''" not in written
    if "\n" not in text and text == text.strip() and "\t" not in text and text.isprintable():
        assert "description: >-\n" in written


def test_long_descriptions_are_wrapped_blocks() -> None:
    from odd17.contribute.record_writer import dump_record

    text = " ".join(["Des salariés de l'entreprise fictive donnent de leur temps."] * 6)
    written = dump_record({"description": text})
    lines = written.splitlines()
    assert lines[0] == "description: >-" and len(lines) > 3
    assert all(line.startswith("  ") and len(line) <= 96 for line in lines[1:])
