"""The tables of the records' fields for contributors, made from the models and vocabularies.

CONTRIBUTING.md carries them between markers; ``python scripts/update_contributing.py`` rewrites
that part and a test fails when it is stale, so the field list is never typed by hand.
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from odd17.content.kit import Kit
from odd17.content.models import Example, Partner, Source, Tool

START = "<!-- champs : début (généré par scripts/update_contributing.py, ne pas modifier à la main) -->"
END = "<!-- champs : fin -->"


def _vocabulary(info: FieldInfo) -> str | None:
    """The vocabulary a field's values come from (the ``x-vocabulary`` marker of the models)."""
    stack: list[Any] = [info, *info.metadata, info.annotation]
    while stack:
        item = stack.pop()
        extra = getattr(item, "json_schema_extra", None)
        if isinstance(extra, dict) and "x-vocabulary" in extra:
            return str(extra["x-vocabulary"])
        stack.extend(getattr(item, "__metadata__", ()))
        stack.extend(getattr(item, "metadata", ()) if isinstance(item, FieldInfo) else ())
        stack.extend(get_args(item))
    return None


def _is_list(info: FieldInfo) -> bool:
    annotation = info.annotation
    while getattr(annotation, "__origin__", None) is not None and get_args(annotation) and \
            getattr(annotation, "__metadata__", None) is not None:
        annotation = get_args(annotation)[0]
    return getattr(annotation, "__origin__", None) is list


def _allowed(kit: Kit, info: FieldInfo) -> str:
    name = _vocabulary(info)
    if name is None:
        return ""
    terms = kit._terms[name]  # noqa: SLF001 - the Kit's own look-up table
    return ", ".join(f"`{term_id}` ({term.name})" if term.name.lower() != term_id else f"`{term_id}`"
                     for term_id, term in terms.items())


def _rows(kit: Kit, model: type[BaseModel], prefix: str = "") -> list[str]:
    rows = []
    for name, info in model.model_fields.items():
        key = prefix + (info.alias or name)
        required = "oui" if info.is_required() else "non"
        kind = "liste" if _is_list(info) else "texte"
        if name in ("added", "reviewed"):
            kind = "date AAAA-MM-JJ"
        elif name in ("url", "website"):
            kind = "adresse web (https://…)"
        allowed = _allowed(kit, info)
        rows.append(f"| `{key}` | {required} | {kind} | {info.description or ''} | {allowed} |")
        for nested in (Partner, Source):
            if nested in get_args(info.annotation) or any(
                    nested in get_args(a) for a in get_args(info.annotation)):
                rows.extend(_rows(kit, nested, f"{key}[].") if kind == "liste" else [])
    return rows


def fields_table(kit: Kit, model: type[BaseModel]) -> str:
    header = ["| Champ | Obligatoire | Forme | Contenu | Valeurs permises |",
              "|---|---|---|---|---|"]
    return "\n".join(header + _rows(kit, model))


def contributing_section(kit: Kit) -> str:
    return "\n".join([
        START, "", "### Les champs d'une fiche exemple (`content/examples/`)", "",
        fields_table(kit, Example), "",
        "### Les champs d'une fiche outil (`content/tools/`)", "",
        fields_table(kit, Tool), "", END])


def replace_section(text: str, section: str) -> str:
    start, end = text.index(START), text.index(END) + len(END)
    return text[:start] + section + text[end:]
