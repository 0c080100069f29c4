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

from .kit import Kit
from .render import example_path, public_url, tool_path
from .schema import schema_files

DATA_DIR = "donnees"
# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _record(kit: Kit, record: Any, slug: str, page: str, site_url: str) -> dict[str, Any]:
    data = record.model_dump(mode="json", by_alias=True, exclude_none=True)
    return {"slug": slug, "url": public_url(site_url, page), **data}


def examples_data(kit: Kit, site_url: str) -> list[dict[str, Any]]:
    out = []
    for slug, example in kit.examples.items():
        item = _record(kit, example, slug, example_path(slug), site_url)
        model = kit.model(example.model)
        item["modele_nom"] = model.name
        item["categorie"] = model.category
        item["categorie_nom"] = kit.category_of(example).name
        if example.territory:
            item["territoire_nom"] = kit.label("territoires", example.territory)
        out.append(item)
    return out


def tools_data(kit: Kit, site_url: str) -> list[dict[str, Any]]:
    out = []
    for slug, tool in kit.tools.items():
        item = _record(kit, tool, slug, tool_path(slug), site_url)
        item["nature_nom"] = kit.label("natures_outils", tool.kind)
        out.append(item)
    return out


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


def examples_csv(rows: list[dict[str, Any]]) -> str:
    flat = []
    for row in rows:
        flat.append({**row,
                     "partenaires": _joined(f"{p['nom']} ({p['type']})" for p in row["partenaires"]),
                     "partenaires_sites": _joined(p.get("site_web", "") for p in row["partenaires"]),
                     "objectifs": _joined(row["objectifs"]), "impacts": _joined(row["impacts"]),
                     "sources": _joined(s["titre"] for s in row["sources"]),
                     "sources_urls": _joined(s.get("url", "") for s in row["sources"]),
                     "anciens_slugs": _joined(row["anciens_slugs"])})
    return _csv(flat, ["slug", "url", "titre", "partenaires", "partenaires_sites", "modele",
                       "modele_nom", "categorie", "categorie_nom", "objectifs", "impacts",
                       "territoire", "territoire_nom", "description", "sources", "sources_urls",
                       "ajoute_le", "verifie_le", "anciens_slugs"])


def tools_csv(rows: list[dict[str, Any]]) -> str:
    flat = [{**row, "publics": _joined(row["publics"]), "etapes": _joined(row["etapes"]),
             "leviers": _joined(row["leviers"]),
             "sources": _joined(s["titre"] for s in row["sources"]),
             "sources_urls": _joined(s.get("url", "") for s in row["sources"]),
             "anciens_slugs": _joined(row["anciens_slugs"])} for row in rows]
    return _csv(flat, ["slug", "url", "nom", "nature", "nature_nom", "description", "publics",
                       "etapes", "leviers", "editeur", "adresse", "acces", "sources",
                       "sources_urls", "ajoute_le", "verifie_le", "anciens_slugs"])


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
