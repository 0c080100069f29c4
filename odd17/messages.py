"""Pydantic's validation errors as plain French sentences for contributors."""

from __future__ import annotations

import difflib
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .problems import format_allowed

_TYPE_NAMES = {bool: "un booléen (true/false)", int: "un nombre", float: "un nombre",
               str: "un texte", list: "une liste", dict: "un ensemble de champs"}


def _what(value: Any) -> str:
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return "vide" if value is None else type(value).__name__


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that holds the field at ``loc`` (to list its allowed field names)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next((f for name, f in current.model_fields.items() if (f.alias or name) == part),
                     None)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """``list[Partner]``, ``Partner | None``, ``Annotated[list[Partner], …]`` → ``Partner``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None if get_origin(annotation) is None else None


def field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def french_message(error: ErrorDetails, model: type[BaseModel]) -> str:
    """One pydantic error → one French sentence (with the allowed values when they are known)."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc = tuple(error["loc"])
    if kind == "missing":
        return "champ obligatoire manquant"
    if kind == "extra_forbidden":
        holder = _model_at(model, loc[:-1])
        allowed = field_names(holder) if holder else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f" ; vouliez-vous dire '{close[0]}' ?" if close else ""
        return (f"champ inconnu (champs permis : {format_allowed(allowed)}){hint}" if allowed
                else "champ inconnu")
    if kind in ("string_type", "str_type"):
        if isinstance(value, bool):
            return ("doit être un texte, pas un booléen : mettez la valeur entre guillemets, "
                    "par exemple \"true\"")
        if isinstance(value, (int, float)):
            return "doit être un texte, pas un nombre : mettez la valeur entre guillemets"
        return f"doit être un texte (valeur lue : {_what(value)})"
    if kind == "list_type":
        return (f"doit être une liste, un élément par ligne commençant par « - » "
                f"(valeur lue : {_what(value)})")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"doit être un ensemble de champs « nom: valeur » (valeur lue : {_what(value)})"
    if kind == "string_too_short":
        return "ne doit pas être vide"
    if kind == "string_too_long":
        return (f"texte trop long ({len(value)} caractères, maximum {ctx.get('max_length')}) : "
                "résumez-le")
    if kind == "too_short":
        minimum = ctx.get("min_length")
        return (f"il faut au moins {minimum} élément{'s' if minimum != 1 else ''} "
                f"({ctx.get('actual_length', 0)} donné{'s' if ctx.get('actual_length', 0) > 1 else ''})")
    if kind == "too_long":
        return f"trop d'éléments ({ctx.get('actual_length')}, maximum {ctx.get('max_length')})"
    if kind == "string_pattern_mismatch":
        return (f"'{value}' n'est pas un identifiant valide : minuscules sans accents, chiffres et "
                "tirets seulement (par exemple « mon-exemple »)")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"doit être un nombre entier (valeur lue : {_what(value)})"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"valeur hors limites : {error['msg']}"
    # Our own errors (PydanticCustomError) already carry a French message.
    return error["msg"]
