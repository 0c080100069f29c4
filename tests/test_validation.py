"""The validator on fixtures sorted by outcome, on the real content and from the command line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from odd17.content.validation import validate

from conftest import CONTENT, FIXTURES, ROOT, TODAY

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


def test_a_misspelt_field_is_named_before_the_field_it_leaves_missing(tmp_path: Path) -> None:
    """Whatever the spelling sorts like (« objetifs » after « objectifs »), the line to fix is
    said first, and the missing field beside it; a missing field nothing misspells stays at the
    file's first field, after both."""
    path = _write(tmp_path / "examples/fautes.yml", VALID_EXAMPLE.replace(
        "titre:", "tirte:", 1).replace("sources:", "sourcse:", 1).replace("modele:", "# modele:", 1))
    lines = problems_of(path)
    fields = [(line.split(": ")[0], line.split(": ")[1]) for line in lines]
    title_line = next(n for n, f in fields if f == "tirte")
    sources_line = next(n for n, f in fields if f == "sourcse")
    assert fields.index((title_line, "tirte")) + 1 == fields.index((title_line, "titre"))
    assert fields.index((sources_line, "sourcse")) + 1 == fields.index((sources_line, "sources"))
    # « modele » (commented out) is missing with nothing misspelling it: at the file's first
    # field, after what is written there and after the field that line misspells.
    assert fields[:3] == [(title_line, "tirte"), (title_line, "titre"), (title_line, "modele")]
    assert lines[fields.index((title_line, "titre"))].endswith("titre: champ obligatoire manquant")
    assert sorted(lines, key=lambda l: int(l.split(":")[0])) == lines


@pytest.mark.parametrize(("written", "message"), [
    ("31/02/2024", "« 31/02/2024 » n'est pas une date au format AAAA-MM-JJ (par exemple 2024-03-15) ; "
                   "de plus, ce n'est pas une date qui existe : février 2024 n'a que 29 jours"),
    ("2023/02/29", "« 2023/02/29 » n'est pas une date au format AAAA-MM-JJ (par exemple 2024-03-15) ; "
                   "de plus, ce n'est pas une date qui existe : février 2023 n'a que 28 jours"),
    ("15.13.2024", "« 15.13.2024 » n'est pas une date au format AAAA-MM-JJ (par exemple 2024-03-15) ; "
                   "de plus, ce n'est pas une date qui existe : il n'y a pas de mois 13, les mois vont "
                   "de 01 à 12"),
    ("29/02/2024", "« 29/02/2024 » n'est pas une date au format AAAA-MM-JJ (par exemple 2024-03-15) ; "
                   "vouliez-vous dire 2024-02-29 ?"),
    ("2024-04-31", "« 2024-04-31 » n'est pas une date qui existe : avril 2024 n'a que 30 jours"),
    ("2024-00-10", "« 2024-00-10 » n'est pas une date qui existe : il n'y a pas de mois 0, les mois "
                   "vont de 01 à 12"),
])
def test_a_date_gets_all_its_problems_at_once(tmp_path: Path, written: str, message: str) -> None:
    path = _write(tmp_path / "examples/date.yml", re.sub(r"ajoute_le: \S+", f"ajoute_le: {written}",
                                                         VALID_EXAMPLE))
    assert [line.split(": ", 2)[2] for line in problems_of(path)] == [message]


def test_duplicates_are_reported_on_both_files_each_naming_the_other(tmp_path: Path) -> None:
    """Whichever file the pull request adds gets the annotation, whatever the names' order."""
    folder = tmp_path / "examples"
    _write(folder / "a-existant.yml", VALID_EXAMPLE)
    # Look-alikes: case, a soft hyphen, a zero-width space, full-width letters, a variation selector.
    _write(folder / "z-nouveau.yml", VALID_EXAMPLE.replace(
        "Le Potager imaginaire", "LE POTA\u00adGER\u200b ＩＭＡＧＩＮＡＩＲＥ\ufe0f").replace(
        "anciens_slugs: [potager-imaginaire]", "anciens_slugs: [a-existant]"))
    report = validate(CONTENT, [folder], today=TODAY)
    a, z = (os.path.relpath(folder / name) for name in ("a-existant.yml", "z-nouveau.yml"))
    assert [str(p) for p in report.problems] == [
        f"{a}:1: l'adresse de cette fiche, exemples/a-existant/, est aussi un ancien nom déclaré "
        f"par {z} (ligne 25, anciens_slugs[0]) : une adresse ne mène qu'à une fiche",
        f"{a}:2: titre: même titre que {z} (ligne 2), à la casse, aux accents, aux "
        "apostrophes, aux espaces ou aux caractères invisibles près (le site les affiche pareil) : "
        "chaque fiche a un titre distinct",
        f"{z}:2: titre: même titre que {a} (ligne 2), à la casse, aux accents, aux "
        "apostrophes, aux espaces ou aux caractères invisibles près (le site les affiche pareil) : "
        "chaque fiche a un titre distinct",
        f"{z}:25: anciens_slugs[0]: l'adresse exemples/a-existant/ est celle de la fiche {a} : "
        "retirez « a-existant » des anciens_slugs (une adresse ne mène qu'à une fiche)",
    ]


def test_former_slugs_shared_or_own(tmp_path: Path) -> None:
    folder = tmp_path / "examples"
    _write(folder / "premier.yml", VALID_EXAMPLE)
    _write(folder / "second.yml", VALID_EXAMPLE.replace("Le Potager", "Un autre Potager"))
    _write(folder / "lui-meme.yml", VALID_EXAMPLE.replace("Le Potager", "Un troisième Potager")
           .replace("anciens_slugs: [potager-imaginaire]", "anciens_slugs: [lui-meme]"))
    report = validate(CONTENT, [folder], today=TODAY)
    first, second, own = (os.path.relpath(folder / n) for n in ("premier.yml", "second.yml",
                                                                "lui-meme.yml"))
    assert [str(p) for p in report.problems] == [
        f"{own}:25: anciens_slugs[0]: « lui-meme » est le nom actuel de cette fiche : retirez-le "
        "des anciens_slugs",
        f"{first}:25: anciens_slugs[0]: l'ancienne adresse exemples/potager-imaginaire/ est aussi "
        f"déclarée par {second} (ligne 25) : une adresse ne mène qu'à une fiche",
        f"{second}:25: anciens_slugs[0]: l'ancienne adresse exemples/potager-imaginaire/ est aussi "
        f"déclarée par {first} (ligne 25) : une adresse ne mène qu'à une fiche",
    ]


def test_text_is_stored_in_nfc(tmp_path: Path) -> None:
    decomposed = _write(tmp_path / "examples/nfc.yml", VALID_EXAMPLE.replace(
        "Le Potager imaginaire", "Le Potage\u0301 imaginaire"))
    report = validate(CONTENT, [decomposed], today=TODAY)
    assert report.kit.examples["nfc"].title.startswith("Le Potagé imaginaire")


def test_invisible_characters_list_matches_unicode() -> None:
    """Every format character (Cf) of Python's Unicode database is invisible for the comparison
    of titles (the list is written out in models.py to keep imports fast)."""
    import unicodedata

    from odd17.content.models import _INVISIBLE

    missing = [f"U+{c:04X}" for c in range(0x110000)
               if unicodedata.category(chr(c)) == "Cf" and not _INVISIBLE.match(chr(c))]
    assert missing == []


# --- Every file under content/ is accounted for -------------------------------------------------

def _content_copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for name in ("typology.yml", "vocabularies.yml", "texts.yml"):
        (content / name).write_bytes((CONTENT / name).read_bytes())
    _write(content / "examples/bon.yml", VALID_EXAMPLE)
    _write(content / "tools/bon-outil.yml", (FIXTURES / "valid/tools/boussole-imaginaire.yml")
           .read_text(encoding="utf-8"))
    return content


def test_every_file_under_content_is_read_or_refused(tmp_path: Path) -> None:
    content = _content_copy(tmp_path)
    outside = _write(tmp_path / "ailleurs/secret.yml", VALID_EXAMPLE)
    _write(content / "examples/archives/vieux.yml", VALID_EXAMPLE)
    _write(content / "examples/.cache.yml", VALID_EXAMPLE)
    _write(content / "example/mal-range.yml", VALID_EXAMPLE)
    _write(content / "tools/.DS_Store", b"\x00")
    _write(content / "autre.yml", VALID_EXAMPLE)
    _write(content / "notes.txt", "notes")
    (content / "examples/lien.yml").symlink_to(outside)
    (content / "tools/lien-casse.yml").symlink_to(tmp_path / "n-existe-pas.yml")
    (content / "examples/dossier-lien").symlink_to(outside.parent, target_is_directory=True)
    report = validate(content, today=TODAY, docs_dir=CONTENT.parent / "docs")
    shown = os.path.relpath(content)
    where = "un exemple va dans content/examples/ ; un outil va dans content/tools/"
    link = ("lien symbolique non permis : le validateur ne suit jamais les liens ; remplacez-le "
            "par le fichier lui-même")
    hidden = ("fichier caché (nom commençant par un point) : il ne serait jamais publié ; "
              "retirez-le, ou renommez-le sans le point initial s'il s'agit d'une fiche")
    assert [str(p).removeprefix(shown + "/") for p in report.problems] == [
        f"autre.yml:1: fichier inconnu à la racine de content/, il ne serait jamais publié : {where}",
        "example/mal-range.yml:1: dossier « content/example/ » inconnu, ses fichiers ne seraient "
        f"jamais publiés : vouliez-vous dire content/examples/ ? {where}",
        f"examples/.cache.yml:1: {hidden}",
        "examples/archives/vieux.yml:1: fiche dans un sous-dossier, elle ne serait jamais publiée : "
        "déplacez-la directement dans content/examples/",
        f"examples/dossier-lien:1: {link}",
        f"examples/lien.yml:1: {link}",
        f"notes.txt:1: fichier inconnu à la racine de content/, il ne serait jamais publié : {where}",
        f"tools/.DS_Store:1: {hidden}",
        f"tools/lien-casse.yml:1: {link}",
    ]
    assert report.kit is None and report.files_checked == 5


def test_a_symbolic_link_is_never_read_even_when_named(tmp_path: Path) -> None:
    outside = _write(tmp_path / "secret.yml", VALID_EXAMPLE)
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples/lien.yml").symlink_to(outside)
    assert problems_of(tmp_path / "examples/lien.yml") == [
        "1: lien symbolique non permis : le validateur ne suit jamais les liens ; remplacez-le par "
        "le fichier lui-même"]
    from odd17.content.yamlfile import read_yaml
    assert read_yaml(tmp_path / "examples/lien.yml").data is None


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
    assert any("modeles[0].categorie: « mecenats » n'est pas une valeur permise" in str(p)
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
        "partenaires[1].type: « entrepise » n'est pas une valeur permise (association, entreprise, "
        "fondation, collectivite, acteur-public, reseau, autre, non-precise) ; vouliez-vous dire « entreprise » ?"]


def test_contributing_field_tables_are_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts/update_contributing.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, (
        "CONTRIBUTING.md : les tableaux des champs sont périmés, lancez "
        "python scripts/update_contributing.py")


# --- Never a traceback, never English ---------------------------------------------------------------

ENGLISH = re.compile(r"\b(should|Input|input|String|Value|value error|Field required|must|valid "
                     r"(?:integer|number|string|date)|Extra inputs|at least|at most|did not find|expected|found|while)\b")


def test_every_pydantic_error_type_has_a_french_message() -> None:
    """Each error type pydantic knows (pydantic_core's ErrorType) gives French, with or without
    its context values: a pydantic upgrade that adds a type fails here, not in a contributor's
    terminal."""
    from odd17.content.messages import PYDANTIC_ERROR_TYPES, french_message
    from odd17.content.models import Example

    assert len(PYDANTIC_ERROR_TYPES) > 90
    for kind in sorted(PYDANTIC_ERROR_TYPES):
        for ctx in ({}, {"gt": 1, "ge": 1, "lt": 9, "le": 9, "multiple_of": 2, "max_length": 5,
                         "min_length": 2, "actual_length": 3, "expected": "'a' or 'b'",
                         "max_digits": 3, "decimal_places": 2, "whole_digits": 1,
                         "discriminator": "type", "expected_tags": "'a', 'b'", "error": "boom"}):
            english = f"English message of {kind}"
            message = french_message({"type": kind, "loc": ("titre",), "msg": english,
                                      "input": "x", "ctx": ctx}, Example)
            assert message and english not in message and not ENGLISH.search(message), (kind, message)


SNIPPETS = [
    "titre: [", "titre: {a: 1", "titre: 'non fermé", 'titre: "non fermé', "- a\nb: c", "a: b: c",
    "titre: *nul", "&a titre: x", "? [a, b]\n: c", "? {a: 1}\n: c", "[a, b]: c", "{a: 1}: c",
    "titre: !!int abc", "titre: !!float abc", "titre: !!bool peut-être", "titre: !!null x",
    "titre: !!timestamp 2024-13-45", "titre: !!binary ====", "titre: !!set {a, b}",
    "titre: !!omap [a: 1]", "titre: !!python/name:os.system", "!!python/object:os.system {}",
    "titre: !ma-balise x", "titre: !<tag:example.org,2000:x> y", "titre: !!str [a]",
    "titre: " + "[" * 500 + "]" * 500, "titre: " + "[" * 100000, "titre: " + "{a: " * 300,
    "titre:\n" + "".join("  " * i + "- \n" for i in range(1, 60)),
    "titre: " + "9" * 5000, "titre: -" + "9" * 5000, "titre: 0x" + "f" * 5000,
    "titre: 1e99999", "titre: .nan", "titre: 0b101", "titre: 1:20:30", "titre: 2024-02-30",
    "%YAML 1.1\n---\ntitre: x", "%TAG ! tag:example.org,2000:\n---\ntitre: !x y", "--- |\n  x",
    "titre: x\n---\ntitre: y", "...", "---", "- - - - - - - - - - - - - - - - - - - - - - - x",
    "titre: x\ntitre: y", "<<: {titre: x}", "titre: 'a'\n  b: c", "\ttitre: x", "titre:\tx",
    "titre: \"\\x9b\"", "titre: \"\\uFFFE\"", "titre: \"\\u202e\"", "titre: \"\\e[31m\"",
    "titre: \"\\N\\_\\L\\P\"", "titre: \"\\ud800\"", "\ufeffttitre: x", "titre: \x85x",
    "? a\n? a\n", "titre: &a [*a]", "partenaires: &p [{nom: *p}]",
    "titre: x\npartenaires: {nom: y}", "partenaires: [1, 2]", "partenaires: [[], {}]",
    "partenaires: [{nom: [a], type: {b: c}}]", "sources: [{titre: null, url: 12}]",
    "ajoute_le: [2024-01-01]", "ajoute_le: 2024-01-01T10:00:00", "verifie_le: 0x10",
    "territoire: [53]", "territoire: {53: x}", "territoire: true", "territoire: 5.3e1",
    "anciens_slugs: [Index, ../x, 'a/b', '']", "anciens_slugs: index", "objectifs: [[x]]",
    "1: x\n2: y\ntrue: z\nnull: w\n~: v", "\"\\n::warning file=x.yml,line=1::faux\": x",
    "titre: \"\\n::stop-commands::jeton\"",
]


def test_malformed_yaml_gives_french_lines_only(tmp_path: Path) -> None:
    """Each snippet, alone and as the opening of a valid record, all in one run beside a valid
    file: French lines naming each file, never a traceback, every other file still checked."""
    folder = tmp_path / "examples"
    for number, snippet in enumerate(SNIPPETS):
        _write(folder / f"seul-{number:03d}.yml", snippet)
        _write(folder / f"debut-{number:03d}.yml", snippet + "\n" + VALID_EXAMPLE)
    _write(folder / "zzz-autre.yml", VALID_EXAMPLE.replace("ajoute_le: 2026-01-15", "ajoute_le: hier"))
    result = run_cli(str(folder), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1 and result.stderr == "", result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert any("zzz-autre.yml:" in l and "ajoute_le: « hier » n'est pas une date" in l for l in lines)
    silent = [SNIPPETS[n] for n in range(len(SNIPPETS))
              if not any(l.startswith(os.path.relpath(folder / f"seul-{n:03d}.yml") + ":")
                         for l in lines)]
    assert silent == []
    wrong = []
    for line in lines:
        if not (line.startswith((os.path.relpath(folder) + "/", "::error file=", "::warning file="))
                or re.fullmatch(r"\d+ problèmes? dans \d+ fichiers? \(\d+ fichiers vérifiés\)\.", line)):
            wrong.append(line)
        elif ENGLISH.search(re.sub(r"\(détail technique : .*\)$", "", line.split(": ", 1)[-1])) \
                or "Node(" in line:
            wrong.append(line)
        elif line.startswith("::") and not re.fullmatch(
                r"::(error|warning) file=[^:,]*,line=\d+,title=Fiche invalide::.*", line):
            wrong.append(line)
    assert wrong == []


def test_ci_annotations_cannot_be_forged(tmp_path: Path) -> None:
    """A value, a key or a file name holding a newline and a workflow command stays inside its
    own annotation (GitHub's escaping rules: %, CR, LF in the message, plus : and , in
    properties)."""
    folder = tmp_path / "examples"
    forged = "x\n::stop-commands::jeton\n::warning file=content/examples/autre.yml,line=1::faux"
    _write(folder / "fiche.yml", VALID_EXAMPLE.replace('titre: "Le Potager', 'titre: "' +
           forged.replace("\n", "\\n") + " Le Potager").replace(
           "modele:", '"cle\\n::error file=a.yml,line=1::faux\\r": 1\nmodele:'))
    _write(folder / "x\n::warning file=y.yml,line=2::faux%0A.yml", VALID_EXAMPLE)
    result = run_cli(str(folder), env={"GITHUB_ACTIONS": "true"})
    lines = result.stdout.splitlines()
    commands = [l for l in lines if l.startswith("::")]
    assert commands and all(re.fullmatch(
        r"::error file=[^:,\r\n]*,line=\d+,title=Fiche invalide::[^\r\n]*", l) for l in commands)
    assert len(commands) == len(lines) - 1 - len(commands)  # one annotation per problem line
    assert not any("::warning" in l.split("::", 3)[-1] and not l.startswith("::error") for l in lines
                   if not l.startswith("::"))
    assert "%250A" in result.stdout  # the file name's own "%0A" is escaped, not decoded


def test_worker_processes_report_the_same_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line shares many records between processes: same problems, same order."""
    import odd17.content.validation

    folder = tmp_path / "examples"
    for path in INVALID + VALID:
        if path.parent.name == "examples":
            _write(folder / path.name, path.read_bytes())
    _write(folder / "copie.yml", (FIXTURES / "valid/examples/potager-imaginaire-entreprise-fictive.yml")
           .read_bytes())
    monkeypatch.setattr(odd17.content.validation, "PARALLEL_FROM", 2)
    alone = validate(CONTENT, [folder], today=TODAY)
    shared = validate(CONTENT, [folder], today=TODAY, workers=2)
    assert [str(p) for p in shared.problems] == [str(p) for p in alone.problems]
    assert len(alone.problems) > 40 and shared.kit is None


def test_reserved_addresses_cover_every_file_the_build_generates() -> None:
    """The reserved addresses are data (odd17/content/addresses.py); every file the build
    generates, with the real records too (the filters' data grow with them), lies at an address
    or in a folder a record name cannot take: a generated file added without declaring its
    address fails here."""
    from odd17.content.addresses import Addresses, reserved_paths
    from odd17.content.kit import Kit
    from odd17.publish import generated

    kit = validate(CONTENT, today=TODAY).kit
    assert kit is not None
    reserved = reserved_paths(ROOT / "docs")
    folders = tuple(path for path in reserved if path.endswith("/"))
    for each in (kit, Kit(kit.typology, kit.vocabularies, kit.texts)):
        uncovered = [path for path, _ in generated.generated_files(each, "https://kit.exemple.test/")
                     if path not in reserved and not path.startswith(folders)]
        assert uncovered == []
    # A record named after a reserved folder is refused.
    assert Addresses.of(reserved).conflict("exemples/filtres.md")
    assert {"exemples/index.md", "outils/index.md", "index.md"} <= set(reserved)


def test_validator_bench_runs_small() -> None:
    """Smoke test of scripts/bench_validate.py (the figures themselves are in the bench, not in
    a timed test)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_validate import measure

    figures = measure(records=30, runs=1)
    assert figures["records"] >= 30 and figures["validate_cli_min_s"] > 0
    assert figures["validate_cli_critical_cpu_s"] > 0  # sequential below 2,000 records: main only


def test_text_of_the_world_is_kept_as_written() -> None:
    """Right-to-left names, emoji sequences, soft hyphens and non-breaking spaces are text, not
    attacks: accepted, and kept (in NFC)."""
    report = validate(CONTENT, [FIXTURES / "valid/examples/textes-du-monde.yml"], today=TODAY)
    example = report.kit.examples["textes-du-monde"]
    assert example.partners[0].name == "جمعية الأمل للتنمية"
    assert example.partners[1].name == "עמותת תקווה \u200f(fictive)"
    assert "👩\u200d🌾❤\ufe0f" in example.title
    assert "« Créer »" in example.description and "e\u0301" not in example.description


def test_an_editorial_text_that_loses_its_placeholder_or_objective_is_refused(tmp_path: Path) -> None:
    content = _content_copy(tmp_path)
    texts = (content / "texts.yml").read_text(encoding="utf-8")
    texts = texts.replace("La cartographie recense **{outils}**", "La cartographie recense **{outil.__class__}**", 1)
    texts = texts.replace("objectifs: [competences, parties-prenantes]", "objectifs: [competence]", 1)
    (content / "texts.yml").write_text(texts, encoding="utf-8")
    report = validate(content, today=TODAY)
    assert report.kit is None
    shown = [str(p) for p in report.problems]
    assert any("texts.yml" in s and "cartographie_des_outils.introduction" in s and "{outils}" in s
               for s in shown), shown
    assert any("texts.yml" in s and "« competence » n'est pas une valeur permise" in s for s in shown), shown
