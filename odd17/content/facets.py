"""The facets: every property a reader can filter examples or tools by, declared once.

A facet says what it is called (its id, used in addresses such as ``?territoire=53``, and its
French label), which vocabulary its values come from (content/typology.yml or
content/vocabularies.yml, read through the Kit: nothing here lists a value), how to read its
values from a record, and, when it has them, where its static pages live and what they are
called. Everything that shows or counts a facet reads it from here: the index forms and their
data (odd17/site/examples_index.py, odd17/site/tool_map.py, docs/assets/examples-filter.js through the data
file the build emits), the facet pages, the open-data columns (odd17/publish/opendata.py) and the
panorama (odd17/site/panorama.py).

Adding a filterable field takes the model field (odd17/content/models.py, with its vocabulary) and one
``Facet(...)`` line in ``EXAMPLE_FACETS`` or ``TOOL_FACETS``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from odd17.content.folding import heading_slug
from odd17.content.kinds import EXAMPLE
from odd17.content.kit import Kit
from odd17.content.models import Example, Term, Tool

Reader = Callable[[Kit, Any], Sequence[str]]
# The value of a field that no source of the record states (content/vocabularies.yml): a record
# carrying it tells the reader nothing about the facet.
NOT_STATED = "non-precise"


def _attribute(model: type[BaseModel], field: str) -> tuple[str, bool]:
    """The attribute holding the YAML field ``field`` (its French alias) and whether it is a list."""
    for name, info in model.model_fields.items():
        if (info.alias or name) == field:
            annotation = info.annotation
            while get_origin(annotation) is not None and get_origin(annotation) is not list:
                args = [a for a in get_args(annotation) if a is not type(None)]
                annotation = args[0] if args else annotation
                if not args:
                    break
            return name, get_origin(annotation) is list
    raise ValueError(f"{model.__name__} n'a pas de champ {field!r}")


@dataclass(frozen=True)
class Facet:
    """One filterable property of a record type.

    ``field`` names the record's YAML field when the facet is that field's value (most facets);
    ``read`` computes the values otherwise (the category of an example comes from its model).
    ``pages`` is the folder of the facet's static pages (one per value, paginated), or None.
    """

    id: str
    label: str
    vocabulary: str
    record: type[BaseModel] = Example
    field: str | None = None
    read: Reader | None = None
    multiple: bool | None = None  # read from the model when ``field`` is given
    everything: str = "Tous"  # the form's « no filter » choice (« Toutes » for feminine labels)
    pages: str | None = None
    # Address of a value's page inside ``pages`` (without .md); the term's id by default.
    page_name: Callable[[Term], str] | None = None
    data_column: str | None = None  # its open-data column when it is not a field (derived)

    # --- reading records -------------------------------------------------------------------------

    @property
    def is_list(self) -> bool:
        if self.multiple is not None:
            return self.multiple
        if self.field is None:
            return False
        return _attribute(self.record, self.field)[1]

    @property
    def column(self) -> str:
        """Its column in the open data (the YAML field's name when it is one); the labels go in
        ``<column>_nom``."""
        return self.field or self.data_column or self.id

    def values(self, kit: Kit, record: Any) -> tuple[str, ...]:
        """The facet's value ids for one record, in the vocabulary's order, no repeats."""
        if self.read is not None:
            raw: Iterable[str] = self.read(kit, record)
        else:
            assert self.field is not None, f"facet {self.id}: field or read is required"
            value = getattr(record, _attribute(self.record, self.field)[0])
            raw = value if isinstance(value, (list, tuple)) else ([] if value is None else [value])
        order = self.order(kit)
        return tuple(sorted(set(raw), key=lambda v: order.get(v, len(order))))

    # --- the vocabulary --------------------------------------------------------------------------

    def terms(self, kit: Kit) -> list[Term]:
        return kit.terms(self.vocabulary)

    def order(self, kit: Kit) -> dict[str, int]:
        return {term.id: i for i, term in enumerate(self.terms(kit))}

    def name(self, kit: Kit, value: str) -> str:
        return kit.label(self.vocabulary, value)

    def counts(self, kit: Kit, records: Iterable[Any]) -> Counter[str]:
        """How many records carry each value (a record with two values counts for both)."""
        counts: Counter[str] = Counter()
        for record in records:
            counts.update(self.values(kit, record))
        return counts

    def used(self, kit: Kit, records: Iterable[Any]) -> list[tuple[Term, int]]:
        """The terms that records carry, with their counts, in the vocabulary's order."""
        counts = self.counts(kit, records)
        return [(term, counts[term.id]) for term in self.terms(kit) if counts[term.id]]

    def unused(self, kit: Kit, records: Iterable[Any]) -> list[Term]:
        counts = self.counts(kit, records)
        return [term for term in self.terms(kit) if not counts[term.id]]

    def stated(self, kit: Kit, records: Iterable[Any]) -> list[tuple[Term, int]]:
        """The used terms that say something (not « non précisé »): where there are none, the
        base holds nothing for this facet, and the kit neither offers nor promises it."""
        return [(term, n) for term, n in self.used(kit, records) if term.id != NOT_STATED]

    # --- static pages ----------------------------------------------------------------------------

    def page(self, kit: Kit, value: str, number: int = 1) -> str:
        """The source path of a value's page (``exemples/regions/53-bretagne.md``); its pages
        after the first live below it (``exemples/regions/53-bretagne/page-2.md``)."""
        if self.pages is None:
            raise ValueError(f"la facette {self.id} n'a pas de pages")
        term = kit.term(self.vocabulary, value)
        base = f"{self.pages}/{self.page_name(term) if self.page_name else term.id}"
        return f"{base}.md" if number == 1 else f"{base}/page-{number}.md"

    def page_title(self, kit: Kit, value: str) -> str:
        return f"Exemples\u00a0: {self.name(kit, value)}"


def _region_page_name(term: Term) -> str:
    """A region's page is its official code and its name (« 53-bretagne »): readable, and the
    code keeps it unique; ``national`` (a code that is already a word) alone."""
    name = heading_slug(term.name)
    return term.id if name == term.id else f"{term.id}-{name}"


def _category(kit: Kit, example: Example) -> Sequence[str]:
    return (kit.model(example.model).category,)


def _partner_types(kit: Kit, example: Example) -> Sequence[str]:
    return [partner.type for partner in example.partners]


# The order is the forms' order.
EXAMPLE_FACETS: tuple[Facet, ...] = (
    Facet("categorie", "Catégorie", "categories", read=_category, multiple=False,
          everything="Toutes", pages=f"{EXAMPLE.section}/categories"),
    Facet("modele", "Modèle de partenariat", "modeles", field="modele", pages=f"{EXAMPLE.section}/modeles"),
    Facet("type", "Type de partenaire", "types_partenaires", read=_partner_types, multiple=True,
          data_column="types_partenaires"),
    Facet("territoire", "Territoire", "territoires", field="territoire", pages=f"{EXAMPLE.section}/regions",
          page_name=_region_page_name),
    Facet("objectif", "Objectif partagé", "objectifs", field="objectifs"),
    Facet("impact", "Impact", "impacts", field="impacts"),
)

TOOL_FACETS: tuple[Facet, ...] = (
    Facet("public", "Public", "publics", record=Tool, field="publics"),
    Facet("etape", "Étape de la démarche", "etapes", record=Tool, field="etapes",
          everything="Toutes"),
    Facet("levier", "Levier", "leviers", record=Tool, field="leviers"),
    Facet("nature", "Nature", "natures_outils", record=Tool, field="nature",
          everything="Toutes"),
    Facet("acces", "Accès", "acces", record=Tool, field="acces"),
)


def example_facet(facet_id: str) -> Facet:
    return next(f for f in EXAMPLE_FACETS if f.id == facet_id)


def tool_facet(facet_id: str) -> Facet:
    return next(f for f in TOOL_FACETS if f.id == facet_id)


def with_pages(facets: Iterable[Facet] | None = None) -> list[Facet]:
    return [f for f in (EXAMPLE_FACETS if facets is None else facets) if f.pages]


def declaration(kit: Kit, facets: Iterable[Facet], records: Iterable[Any]) -> list[dict[str, Any]]:
    """The facets as data for the filter script: id, label, « all » choice, every value with its
    label and its number of records (the script offers only values that have records, and
    recognises the others in a shared address)."""
    records = list(records)
    out = []
    for facet in facets:
        counts = facet.counts(kit, records)
        out.append({"id": facet.id, "label": facet.label, "everything": facet.everything,
                    "multiple": facet.is_list,
                    "values": [[t.id, t.name, counts[t.id]] for t in facet.terms(kit)]})
    return out


# --- The facets as data for docs/assets/examples-filter.js ---------------------------------------

_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-"


def encode(kit: Kit, facet: Facet, examples: Sequence[Example] | Sequence[Tool]) -> tuple[int, str]:
    """One facet's values for every example, as a string of base-64 digits, ``width`` digits per
    example: for a single value, 0 (none) or its position + 1; for several, a bit per value."""
    order = facet.order(kit)
    if facet.is_list and len(order) > 30:  # the script tests bits of 32-bit integers
        raise ValueError(f"facette {facet.id} : plus de 30 valeurs possibles pour une liste")
    numbers = []
    for example in examples:
        values = facet.values(kit, example)
        if facet.is_list:
            numbers.append(sum(1 << order[v] for v in values))
        else:
            numbers.append(order[values[0]] + 1 if values else 0)
    top = max(len(order) + 1, 2) if not facet.is_list else max(2, 1 << len(order))
    return encode_numbers(numbers, top)


def encode_numbers(numbers: list[int], top: int) -> tuple[int, str]:
    """Numbers under ``top`` as base-64 digits, the same ``width`` for each (``encode``; the
    sort orders of the examples index)."""
    width = max(1, math.ceil(math.log(max(top, 2), 64)))
    out = []
    for n in numbers:
        digits = []
        for _ in range(width):
            digits.append(_DIGITS[n % 64])
            n //= 64
        out.append("".join(reversed(digits)))
    return width, "".join(out)


def script_data(call: str, payload: Any) -> str:
    """A data file as a script (works from file://). JSON inside a script: « </ » is escaped so
    that record text can never close it, and the file is never HTML."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"/* Généré par odd17 à chaque construction du site. */\n{call}({text});\n"
