"""The validator on fixtures sorted by outcome, on the real content and from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONTENT, FIXTURES, ROOT, TODAY
from odd17.validation import validate

VALID = sorted((FIXTURES / "valid").glob("*/*"))
INVALID = sorted((FIXTURES / "invalid").glob("*/*"))


def problems_of(path: Path, content: Path = CONTENT) -> list[str]:
    """The problems of one file, without the file name: ``line: field: message``."""
    report = validate(content, [path], today=TODAY)
    prefix = os.path.relpath(path) + ":"
    return [str(p).removeprefix(prefix) for p in report.problems]


def test_fixtures_found() -> None:
    assert len(VALID) >= 3 and len(INVALID) >= 25


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_valid_fixture(path: Path) -> None:
    assert problems_of(path) == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_invalid_fixture_gives_its_exact_messages(path: Path) -> None:
    expected_file = FIXTURES / "expected" / path.parent.name / f"{path.name}.txt"
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert expected, f"{expected_file} lists no expected message"
    assert problems_of(path) == expected


def test_every_invalid_fixture_has_expectations_and_no_stale_ones() -> None:
    expected = {p.relative_to(FIXTURES / "expected").as_posix().removesuffix(".txt")
                for p in (FIXTURES / "expected").glob("*/*.txt")}
    assert expected == {p.relative_to(FIXTURES / "invalid").as_posix() for p in INVALID}


def test_yaml_traps_are_read_deliberately() -> None:
    report = validate(CONTENT, [FIXTURES / "valid/examples/yaml-pieges-bien-geres.yml"], today=TODAY)
    example = report.kit.examples["yaml-pieges-bien-geres"]
    assert example.title == "no"
    assert example.partners[0].name == "oui"
    assert example.territory == "01"
    assert str(example.added) == "2025-03-01"


def test_the_real_content_is_valid() -> None:
    report = validate(CONTENT, today=TODAY)
    assert report.errors == []
    assert len(report.kit.examples) >= 9
    assert len(report.kit.typology.models) == 9
    assert len(report.kit.typology.categories) == 4
    # The 9 models of the seed's table each have at least one example.
    assert {e.model for e in report.kit.examples.values()} == {m.id for m in report.kit.typology.models}


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


VALID_EXAMPLE = (FIXTURES / "valid/examples/potager-imaginaire-entreprise-fictive.yml").read_text(
    encoding="utf-8")


def test_not_utf8_and_bom(tmp_path: Path) -> None:
    latin1 = _write(tmp_path / "examples/latin.yml", VALID_EXAMPLE.replace(
        "titre: \"Le Potager", "titre: \"Le Potager é").encode("latin-1"))
    assert problems_of(latin1) == ["2: le fichier n'est pas encodé en UTF-8 : enregistrez-le en "
                                   "UTF-8 depuis votre éditeur"]
    bom = _write(tmp_path / "examples/bom.yml", b"\xef\xbb\xbf" + VALID_EXAMPLE.encode("utf-8"))
    assert problems_of(bom) == []


def test_oversized_text_is_refused(tmp_path: Path) -> None:
    long = _write(tmp_path / "examples/long.yml", VALID_EXAMPLE.replace(
        "  Deuxième paragraphe", "  " + "x" * 6000 + "\n  Deuxième paragraphe"))
    assert [p.split(" (")[0] for p in problems_of(long)] == ["16: description: texte trop long"]


def test_duplicate_titles_and_former_slugs_across_records(tmp_path: Path) -> None:
    folder = tmp_path / "examples"
    _write(folder / "premier.yml", VALID_EXAMPLE)
    _write(folder / "second.yml", VALID_EXAMPLE.replace("Le Potager imaginaire", "LE POTAGER IMAGINAIRE"))
    _write(folder / "potager-imaginaire.yml", VALID_EXAMPLE.replace("titre: \"Le", "titre: \"Un autre").replace(
        "anciens_slugs: [potager-imaginaire]", ""))
    report = validate(CONTENT, [folder], today=TODAY)
    found = sorted((Path(p.file).name, p.line, p.field, p.message.split(" : ")[0].split(" est déjà")[0])
                   for p in report.problems)
    assert found == [
        ("premier.yml", 25, "anciens_slugs[0]", "l'adresse 'potager-imaginaire'"),
        ("second.yml", 2, "titre", f"même titre que {os.path.relpath(folder / 'premier.yml')}"),
        ("second.yml", 25, "anciens_slugs[0]", "l'adresse 'potager-imaginaire'"),
    ]


def test_stale_review_date_is_a_warning_not_an_error(tmp_path: Path) -> None:
    old = _write(tmp_path / "examples/ancien.yml", VALID_EXAMPLE.replace(
        "ajoute_le: 2026-01-15", "ajoute_le: 2020-01-15").replace("verifie_le: 2026-06-01", "verifie_le: 2021-06-01"))
    report = validate(CONTENT, [old], today=TODAY)
    assert report.errors == [] and report.kit is not None
    assert [p.severity for p in report.problems] == ["avertissement"]
    assert "il y a plus de deux ans" in report.problems[0].message


def test_broken_typology_is_reported_and_records_are_not_silently_accepted(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "typology.yml").write_text((CONTENT / "typology.yml").read_text(encoding="utf-8").replace(
        "categorie: mecenat\n", "categorie: mecenats\n", 1), encoding="utf-8")
    (content / "vocabularies.yml").write_text((CONTENT / "vocabularies.yml").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    report = validate(content, today=TODAY)
    assert report.kit is None
    assert any("modeles[0].categorie: 'mecenats' n'est pas une valeur permise" in str(p)
               for p in report.problems)
    assert any("les fiches n'ont pas été vérifiées" in str(p) for p in report.problems)


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, **(env or {})},
                          stdin=subprocess.DEVNULL)


def test_cli_exit_codes_and_all_problems_in_one_run() -> None:
    ok = run_cli()
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "aucun problème" in ok.stdout
    bad = run_cli(str(FIXTURES / "invalid/examples"))
    assert bad.returncode == 1
    lines = bad.stdout.splitlines()
    assert len(lines) > 25 and lines[-1].startswith(f"{len(lines) - 1} problèmes dans")
    assert "Traceback" not in bad.stdout + bad.stderr
    assert run_cli("chemin/qui/n-existe/pas").returncode == 2
    assert run_cli("--option-inconnue").returncode == 2


def test_cli_github_annotations() -> None:
    result = run_cli(str(FIXTURES / "invalid/examples/partner-type-typo.yml"), env={"GITHUB_ACTIONS": "true"})
    annotations = [l for l in result.stdout.splitlines() if l.startswith("::error ")]
    assert annotations == [
        "::error file=tests/fixtures/invalid/examples/partner-type-typo.yml,line=6,title=Fiche invalide::"
        "partenaires[1].type: 'entrepise' n'est pas une valeur permise (association, entreprise, "
        "fondation, collectivite, acteur-public, reseau, autre) ; vouliez-vous dire 'entreprise' ?"]


def test_contributing_field_tables_are_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts/update_contributing.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, (
        "CONTRIBUTING.md : les tableaux des champs sont périmés, lancez "
        "python scripts/update_contributing.py")
