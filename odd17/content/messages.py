"""Pydantic's validation errors as plain French sentences for contributors."""

from __future__ import annotations

import difflib
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails
from pydantic_core.core_schema import ErrorType

from odd17.content.problems import format_allowed, shown_value
from odd17.content.yamlfile import NumberLike

_TYPE_NAMES = {bool: "un booléen (true/false)", int: "un nombre", float: "un nombre",
               str: "un texte", list: "une liste", dict: "un ensemble de champs"}


def _what(value: Any) -> str:
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name
    if isinstance(value, NumberLike):
        return f"« {shown_value(value.text)} », un nombre pour certains lecteurs YAML"
    return "vide" if value is None else "une valeur d'un autre type"


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


def meant_field(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The allowed field name an unknown field at ``loc`` is a misspelling of (« titr » →
    « titre »), or None."""
    holder = _model_at(model, loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]), field_names(holder) if holder else [], n=1,
                                      cutoff=0.6)
    return close[0] if close else None


MISSING = "champ obligatoire manquant"


_DATE = "doit être une date au format AAAA-MM-JJ (par exemple 2024-03-15)"
_FIELDS = "doit être un ensemble de champs « nom: valeur »"
_LIST = "doit être une liste, un élément par ligne commençant par « - »"
_NUMBER = "doit être un nombre"
_URL = ("n'est pas une adresse web valide : elle doit commencer par https:// (ou http://) et ne "
        "pas contenir d'espace")
# Every error type pydantic can report (pydantic_core.core_schema.ErrorType) has French here or in
# ``french_message``: tests/test_validation.py enumerates them, so a pydantic upgrade that adds a
# type fails a test instead of printing English to a contributor. Those the kit's models cannot
# produce (UUIDs, time deltas…) get a plain sentence all the same.
_BY_TYPE: dict[str, str] = {
    "no_such_attribute": "champ inconnu", "json_invalid": "texte JSON non valide",
    "json_type": "doit être un texte JSON", "needs_python_object": "valeur non permise",
    "recursion_loop": "structure récursive non permise",
    "recursion_depth_exceeded": "structure trop imbriquée : simplifiez le fichier",
    "frozen_field": "champ non modifiable", "frozen_instance": "fiche non modifiable",
    "invalid_key": "nom de champ invalide : un nom de champ est un mot comme « titre »",
    "get_attribute_error": "valeur illisible",
    "dataclass_type": _FIELDS, "dataclass_exact_type": _FIELDS, "named_tuple_type": _FIELDS,
    "frozen_dict_type": _FIELDS, "ordered_dict_type": _FIELDS, "counter_type": _FIELDS,
    "mapping_type": _FIELDS, "default_factory_not_called": "valeur par défaut indisponible",
    "none_required": "doit rester vide",
    "greater_than": "doit être supérieur à {gt}", "greater_than_equal": "doit être au moins {ge}",
    "less_than": "doit être inférieur à {lt}", "less_than_equal": "doit être au plus {le}",
    "multiple_of": "doit être un multiple de {multiple_of}",
    "finite_number": "doit être un nombre fini",
    "iterable_type": _LIST, "iteration_error": "liste illisible", "deque_type": _LIST,
    "tuple_type": _LIST, "set_type": _LIST, "frozen_set_type": _LIST,
    "set_item_not_hashable": "élément de liste non valide : un texte ou un nombre est attendu",
    "string_unicode": "doit être un texte Unicode valide",
    "string_not_ascii": "ne doit contenir que des lettres sans accents, des chiffres et des signes "
                        "simples",
    "enum": "valeur non permise", "literal_error": "valeur non permise",
    "bool_type": "doit être true ou false", "bool_parsing": "doit être true ou false",
    "int_parsing_size": "nombre trop grand", "float_type": _NUMBER, "float_parsing": _NUMBER,
    "decimal_type": _NUMBER, "decimal_parsing": _NUMBER,
    "decimal_max_digits": "trop de chiffres (au plus {max_digits})",
    "decimal_max_places": "trop de décimales (au plus {decimal_places})",
    "decimal_whole_digits": "trop de chiffres avant la virgule (au plus {whole_digits})",
    "fraction_type": _NUMBER, "fraction_parsing": _NUMBER, "complex_type": _NUMBER,
    "complex_str_parsing": _NUMBER,
    "bytes_type": "doit être un texte", "bytes_too_short": "texte trop court",
    "bytes_too_long": "texte trop long", "bytes_invalid_encoding": "texte mal encodé",
    "value_error": "valeur non valide", "assertion_error": "valeur non valide",
    "missing_sentinel_error": "valeur non permise", "ellipsis_error": "valeur non permise",
    "date_type": _DATE, "date_parsing": _DATE, "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE + " sans heure",
    "date_past": "doit être une date passée", "date_future": "doit être une date future",
    "time_type": "doit être une heure (HH:MM)", "time_parsing": "doit être une heure (HH:MM)",
    "datetime_type": _DATE, "datetime_parsing": _DATE, "datetime_object_invalid": _DATE,
    "datetime_from_date_parsing": _DATE, "datetime_past": "doit être une date passée",
    "datetime_future": "doit être une date future",
    "timezone_naive": "la date ne doit pas indiquer de fuseau horaire",
    "timezone_aware": "la date doit indiquer un fuseau horaire",
    "timezone_offset": "fuseau horaire non permis",
    "time_delta_type": "doit être une durée", "time_delta_parsing": "doit être une durée",
    "is_instance_of": "valeur d'un type non permis", "is_subclass_of": "valeur d'un type non permis",
    "callable_type": "valeur d'un type non permis",
    "union_tag_invalid": "valeur non reconnue",
    "union_tag_not_found": "champ « {discriminator} » manquant",
    "arguments_type": _FIELDS, "missing_argument": "champ obligatoire manquant",
    "unexpected_keyword_argument": "champ inconnu",
    "missing_keyword_only_argument": "champ obligatoire manquant",
    "unexpected_positional_argument": "valeur en trop",
    "missing_positional_only_argument": "valeur manquante",
    "multiple_argument_values": "champ donné deux fois",
    "url_type": _URL, "url_parsing": _URL, "url_syntax_violation": _URL,
    "url_too_long": "adresse web trop longue (au plus {max_length} caractères)",
    "url_scheme": _URL, "uuid_type": "identifiant UUID non valide",
    "uuid_parsing": "identifiant UUID non valide", "uuid_version": "identifiant UUID non valide",
}


def french_message(error: ErrorDetails, model: type[BaseModel]) -> str:
    """One pydantic error → one French sentence (with the allowed values when they are known)."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc = tuple(error["loc"])
    if kind == "missing":
        return MISSING
    if kind == "extra_forbidden":
        holder = _model_at(model, loc[:-1])
        allowed = field_names(holder) if holder else []
        close = meant_field(model, loc)
        hint = f" ; vouliez-vous dire « {close} » ?" if close else ""
        return (f"champ inconnu (champs permis : {format_allowed(allowed)}){hint}" if allowed
                else "champ inconnu")
    if isinstance(value, NumberLike):
        # ``0x35``, ``012``, ``1:20``…: the value would depend on the YAML reader.
        text = shown_value(value.text, 24)
        quoted = f" (\"{text}\")" if text == value.text else ""
        return (f"« {text} » écrit sans guillemets serait lu comme un nombre par certains outils "
                f"YAML : mettez-le entre guillemets{quoted}")
    if kind in ("string_type", "str_type"):
        if isinstance(value, bool):
            return ("doit être un texte, pas un booléen : mettez la valeur entre guillemets, "
                    "par exemple \"true\"")
        if isinstance(value, (int, float)):
            return "doit être un texte, pas un nombre : mettez la valeur entre guillemets"
        return f"doit être un texte (valeur lue : {_what(value)})"
    if kind == "list_type":
        return f"{_LIST} (valeur lue : {_what(value)})"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{_FIELDS} (valeur lue : {_what(value)})"
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
        return (f"« {shown_value(value)} » n'est pas un identifiant valide : minuscules sans accents, "
                "chiffres et tirets seulement (par exemple « mon-exemple »)")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"doit être un nombre entier (valeur lue : {_what(value)})"
    if kind in _BY_TYPE:
        try:
            return _BY_TYPE[kind].format(**{k: shown_value(v) for k, v in ctx.items()})
        except (KeyError, IndexError, ValueError):
            return _BY_TYPE[kind].split(" (")[0].split(" {")[0]
    if kind in PYDANTIC_ERROR_TYPES:
        return "valeur non valide"
    # Our own errors (PydanticCustomError, in odd17/content/models.py) already carry a French message.
    return error["msg"]


PYDANTIC_ERROR_TYPES: frozenset[str] = frozenset(get_args(ErrorType))
