"""The records published with the site as open data: JSON, CSV and the JSON Schema files.

Written by the build (generated files of the ``odd17`` plugin) under ``donnees/``, from the same
validated Kit as the pages: every record reaches the data files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from odd17.content import facets
from odd17.content.addresses import OPEN_DATA_DIR, example_path, public_url, tool_path
from odd17.content.facets import Facet
from odd17.content.kit import Kit
from odd17.publish.schema import schema_files

DATA_DIR = OPEN_DATA_DIR
# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _record(kit: Kit, record: Any, slug: str, page: str, site_url: str) -> dict[str, Any]:
    data = record.model_dump(mode="json", by_alias=True, exclude_none=True)
    return {"slug": slug, "url": public_url(site_url, page), **data}


def _facet_columns(kit: Kit, record: Any, facets: tuple[Facet, ...]) -> dict[str, Any]:
    """Each facet's values (when they are not a field of the record already) and their labels
    (``<column>_nom``), as the facets of odd17/content/facets.py declare them."""
    out: dict[str, Any] = {}
    for facet in facets:
        values = facet.values(kit, record)
        names = [facet.name(kit, v) for v in values]
        if facet.field is None:
            out[facet.column] = list(values) if facet.is_list else (values[0] if values else None)
        if facet.is_list:
            out[f"{facet.column}_nom"] = names
        elif names:
            out[f"{facet.column}_nom"] = names[0]
    return out


def examples_data(kit: Kit, site_url: str) -> list[dict[str, Any]]:
    return [{**_record(kit, example, slug, example_path(slug), site_url),
             **_facet_columns(kit, example, facets.EXAMPLE_FACETS)}
            for slug, example in kit.examples.items()]


def tools_data(kit: Kit, site_url: str) -> list[dict[str, Any]]:
    return [{**_record(kit, tool, slug, tool_path(slug), site_url),
             **_facet_columns(kit, tool, facets.TOOL_FACETS)}
            for slug, tool in kit.tools.items()]


def facet_columns(facets: tuple[Facet, ...]) -> list[str]:
    """The open-data columns of the facets: values, then labels, facet by facet."""
    return [name for f in facets for name in (f.column, f"{f.column}_nom")]


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """UTF-8 with a BOM and « ; » between columns: what French spreadsheets open correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return "\ufeff" + buffer.getvalue()


def _joined(values: Any) -> str:
    """Several values in one cell; positions kept (partners and their sites line up)."""
    values = [str(v) for v in values]
    return " | ".join(values) if any(values) else ""


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """Lists in one cell (`` | `` between values)."""
    return {key: _joined(value) if isinstance(value, list) and all(
        not isinstance(v, dict) for v in value) else value for key, value in row.items()}


def examples_csv(rows: list[dict[str, Any]]) -> str:
    flat = []
    for row in rows:
        flat.append({**_flat(row),
                     "partenaires": _joined(f"{p['nom']} ({p['type']})" for p in row["partenaires"]),
                     "partenaires_sites": _joined(p.get("site_web", "") for p in row["partenaires"]),
                     "sources": _joined(s["titre"] for s in row["sources"]),
                     "sources_urls": _joined(s.get("url", "") for s in row["sources"])})
    return _csv(flat, ["slug", "url", "titre", "partenaires", "partenaires_sites",
                       *facet_columns(facets.EXAMPLE_FACETS), "description", "sources", "sources_urls",
                       "ajoute_le", "verifie_le", "anciens_slugs"])


def tools_csv(rows: list[dict[str, Any]]) -> str:
    flat = [{**_flat(row), "sources": _joined(s["titre"] for s in row["sources"]),
             "sources_urls": _joined(s.get("url", "") for s in row["sources"])} for row in rows]
    return _csv(flat, ["slug", "url", "nom", *facet_columns(facets.TOOL_FACETS), "description",
                       "editeur", "adresse", "sources", "sources_urls", "ajoute_le", "verifie_le",
                       "anciens_slugs"])


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def files(kit: Kit, site_url: str) -> Iterator[tuple[str, str]]:
    examples = examples_data(kit, site_url)
    tools = tools_data(kit, site_url)
    yield f"{DATA_DIR}/exemples.json", _json(examples)
    yield f"{DATA_DIR}/exemples.csv", examples_csv(examples)
    yield f"{DATA_DIR}/outils.json", _json(tools)
    yield f"{DATA_DIR}/outils.csv", tools_csv(tools)
    yield f"{DATA_DIR}/typologie.json", _json({
        "typologie": kit.typology.model_dump(mode="json", by_alias=True),
        "listes": kit.vocabularies.model_dump(mode="json", by_alias=True)})
    for name, text in schema_files(kit).items():
        yield f"{DATA_DIR}/schemas/{name}", text
