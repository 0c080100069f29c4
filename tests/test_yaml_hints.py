"""The YAML syntax hints (odd17/content/yaml_hints.py): the right line, and no hint on valid files.

The exact messages of the three common mistakes are fixtures (tests/fixtures/invalid/examples/
unclosed-quote*.yml, no-space-after-colon.yml, apostrophe-*.yml, double-quote-*.yml).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from odd17.content.yaml_hints import find_hints

from conftest import CONTENT, FIXTURES

VALID_FILES = sorted([*CONTENT.glob("**/*.yml"), *(FIXTURES / "valid").glob("*/*.yml")])


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_valid_files_get_no_hint(path: Path) -> None:
    assert find_hints(path.read_text(encoding="utf-8")) == []


def test_texts_that_are_valid_yaml_get_no_hint() -> None:
    text = """\
titre: "Un texte sur
  deux lignes, fermé"
description: >-
  Un bloc avec 'apostrophes' et "guillemets" : rien à signaler
  modele:pas-un-champ (dans un bloc)
sources:
  - titre: 'Un texte d''apostrophe'   # un commentaire
  - "titre": x
  - https://exemple.example.org
"""
    assert find_hints(text) == []


def test_the_mistake_is_found_where_it_is_made() -> None:
    text = 'titre: ok\npartenaires:\n  - nom: "Ouvert\n    type: association\n'
    assert [h.line for h in find_hints(text)] == [3]
    assert [h.line for h in find_hints("a: 1\nsite_web:https://x.example.org\n")] == [2]
