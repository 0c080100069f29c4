"""JSON Schema of the records for editors and data users, exported from the pydantic models.

The models stay the only schema: this module only fills in the allowed values (``enum``) of the
fields that carry the ``x-vocabulary`` marker, from the validated typology and vocabularies.
``python scripts/export_schemas.py`` writes schemas/*.json; a test fails when they are stale.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from odd17.content.kit import Kit
from odd17.content.models import Example, Texts, Tool, Typology, Vocabularies

SCHEMAS: dict[str, type[BaseModel]] = {"example": Example, "tool": Tool, "typology": Typology,
                                       "vocabularies": Vocabularies}
# For the editors only (schemas/, their editor's completion), not published with the open data:
# the kit's own sentences are not data about partnerships.
EDITOR_SCHEMAS: dict[str, type[BaseModel]] = {"texts": Texts}
TITLES = {"example": "Fiche exemple du kit « L'ODD 17 en pratique »",
          "tool": "Fiche outil du kit « L'ODD 17 en pratique »",
          "typology": "Typologie des partenariats du kit « L'ODD 17 en pratique »",
          "vocabularies": "Listes de valeurs permises du kit « L'ODD 17 en pratique »",
          "texts": "Textes éditoriaux du kit « L'ODD 17 en pratique »"}
COMMENT = ("Généré à partir des modèles (odd17/content/models.py) et de content/typology.yml et "
           "content/vocabularies.yml par « python scripts/export_schemas.py » : ne pas modifier à "
           "la main.")


def _fill_vocabularies(node: Any, allowed: dict[str, dict[str, str]]) -> Any:
    if isinstance(node, dict):
        node = {key: _fill_vocabularies(value, allowed) for key, value in node.items()}
        name = node.pop("x-vocabulary", None)
        if name is not None:
            terms = allowed[name]
            node["enum"] = list(terms)
            node["markdownEnumDescriptions"] = list(terms.values())
            if name == "territoires":  # a region code may be written without quotes (53)
                codes = [int(code) for code in terms if code.isdigit()]
                node = {"anyOf": [node, {"type": "integer", "enum": codes}],
                        **{k: node.pop(k) for k in ("description", "title") if k in node}}
        return node
    if isinstance(node, list):
        return [_fill_vocabularies(item, allowed) for item in node]
    return node


def allowed_terms(kit: Kit) -> dict[str, dict[str, str]]:
    return {name: {term_id: term.name for term_id, term in terms.items()}
            for name, terms in kit._terms.items()}  # noqa: SLF001 - the Kit's own look-up table


def json_schema(kit: Kit, name: str) -> dict[str, Any]:
    schema = {**SCHEMAS, **EDITOR_SCHEMAS}[name].model_json_schema(by_alias=True, mode="validation")
    schema = _fill_vocabularies(schema, allowed_terms(kit))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": COMMENT, "title": TITLES[name],
            **{k: v for k, v in schema.items() if k != "title"}}


def schema_files(kit: Kit, editors: bool = False) -> dict[str, str]:
    """File name → content, deterministic (sorted keys, fixed indentation); with ``editors``,
    the schemas of schemas/ that are not open data too."""
    return {f"{name}.schema.json": json.dumps(json_schema(kit, name), ensure_ascii=False,
                                              indent=2, sort_keys=True) + "\n"
            for name in (*SCHEMAS, *(EDITOR_SCHEMAS if editors else ()))}
