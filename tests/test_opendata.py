"""Open data: every record in the JSON and CSV files, valid against its schema, safe in spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from odd17.content.facets import EXAMPLE_FACETS, TOOL_FACETS
from odd17.content.validation import validate

from conftest import CONTENT, TODAY, copy_project, mkdocs_build

KIT = validate(CONTENT, today=TODAY).kit


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def test_every_record_is_in_the_data_files(built_site: Path) -> None:
    data = built_site / "donnees"
    examples = json.loads((data / "exemples.json").read_text(encoding="utf-8"))
    tools = json.loads((data / "outils.json").read_text(encoding="utf-8"))
    assert [e["slug"] for e in examples] == list(KIT.examples)
    assert [t["slug"] for t in tools] == list(KIT.tools)
    assert [r["slug"] for r in read_csv(data / "exemples.csv")] == list(KIT.examples)
    assert [r["slug"] for r in read_csv(data / "outils.csv")] == list(KIT.tools)
    typology = json.loads((data / "typologie.json").read_text(encoding="utf-8"))
    assert len(typology["typologie"]["modeles"]) == 9


def test_data_files_match_the_published_schemas(built_site: Path) -> None:
    data = built_site / "donnees"
    for records, schema in (("exemples.json", "example"), ("outils.json", "tool")):
        validator = jsonschema.Draft202012Validator(json.loads(
            (data / f"schemas/{schema}.schema.json").read_text(encoding="utf-8")))
        for record in json.loads((data / records).read_text(encoding="utf-8")):
            extra = {"slug", "url", *[c for f in (*EXAMPLE_FACETS, *TOOL_FACETS)
                                      for c in (f.column, f"{f.column}_nom") if f.field is None
                                      or c.endswith("_nom")]}
            assert list(validator.iter_errors({k: v for k, v in record.items() if k not in extra})) == []


FORMULA = """\
titre: "=HYPERLINK(\\"https://evil.example.org\\")"
partenaires:
  - nom: "+33 Association Fictive"
    type: association
  - nom: "@SOMME(A1:A9)"
    type: entreprise
modele: mecenat-classique
description: "-2+3"
sources:
  - titre: Source imaginaire
ajoute_le: 2025-01-01
verifie_le: 2025-01-01
"""


@pytest.mark.slow
def test_csv_cells_never_start_a_formula(tmp_path: Path, builds: None) -> None:
    project = copy_project(tmp_path / "kit")
    (project / "content/examples/formules.yml").write_text(FORMULA, encoding="utf-8")
    assert mkdocs_build(project, project / "site").returncode == 0
    row = next(r for r in read_csv(project / "site/donnees/exemples.csv") if r["slug"] == "formules")
    assert row["titre"] == "'=HYPERLINK(\"https://evil.example.org\")"
    assert row["description"] == "'-2+3"
    assert row["partenaires"].startswith("'+33 Association Fictive")
    data = json.loads((project / "site/donnees/exemples.json").read_text(encoding="utf-8"))
    assert next(e for e in data if e["slug"] == "formules")["titre"].startswith("=HYPERLINK")
