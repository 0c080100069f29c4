"""The JSON Schema files for editors: up to date, and agreeing with the validator."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from odd17.content.yamlfile import read_yaml

from conftest import CONTENT, FIXTURES, ROOT

SCHEMAS = ROOT / "schemas"


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_schema_files_are_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts/export_schemas.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + " (lancez python scripts/export_schemas.py)"


@pytest.mark.parametrize("kind,name", [("examples", "example"), ("tools", "tool")])
def test_every_record_matches_its_schema(kind: str, name: str) -> None:
    check = validator(name)
    files = sorted((CONTENT / kind).glob("*.yml")) + sorted((FIXTURES / "valid" / kind).glob("*.yml"))
    for path in files:
        errors = [e.message for e in check.iter_errors(read_yaml(path).data)]
        assert errors == [], path


def test_typology_vocabularies_and_texts_match_their_schemas() -> None:
    assert list(validator("typology").iter_errors(read_yaml(CONTENT / "typology.yml").data)) == []
    assert list(validator("vocabularies").iter_errors(
        read_yaml(CONTENT / "vocabularies.yml").data)) == []
    assert list(validator("texts").iter_errors(read_yaml(CONTENT / "texts.yml").data)) == []


@pytest.mark.parametrize("fixture", ["partner-type-typo.yml", "unknown-model.yml", "unknown-field.yml",
                                     "missing-fields.yml", "bad-urls.yml", "one-partner.yml",
                                     "territory-name.yml", "date-format.yml"])
def test_schema_rejects_what_the_validator_rejects(fixture: str) -> None:
    data = read_yaml(FIXTURES / "invalid/examples" / fixture).data
    assert list(validator("example").iter_errors(data)), fixture


def test_records_point_editors_at_the_schema() -> None:
    for path in sorted((CONTENT / "examples").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/example.schema.json", path
        assert (path.parent / "../../schemas/example.schema.json").resolve().exists()
