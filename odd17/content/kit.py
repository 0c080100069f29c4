"""The validated content in memory: what every page, data file and PDF is made from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from odd17.content.kinds import EXAMPLE, TOOL
from odd17.content.models import (
    Described,
    Example,
    PartnershipModel,
    Term,
    Texts,
    Tool,
    Typology,
    Vocabularies,
)


@dataclass(frozen=True, repr=False)
class Kit:
    typology: Typology
    vocabularies: Vocabularies
    texts: Texts  # the editorial sentences around the records (content/texts.yml)
    examples: dict[str, Example] = field(default_factory=dict)  # slug → example, sorted by slug
    tools: dict[str, Tool] = field(default_factory=dict)  # slug → tool, by name (French order)

    def __repr__(self) -> str:
        # Short on purpose: mkdocs-macros writes the repr of every macro (bound to the kit) into
        # its debug payload on each build; the full repr of 1,000 examples cost seconds.
        return f"Kit({len(self.examples)} exemples, {len(self.tools)} outils)"

    # --- look-ups --------------------------------------------------------------------------------

    @cached_property
    def _terms(self) -> dict[str, dict[str, Term]]:
        """Vocabulary name (as in the YAML) → id → term."""
        out: dict[str, dict[str, Term]] = {}
        for holder in (self.typology, self.vocabularies):
            for name, info in type(holder).model_fields.items():
                value = getattr(holder, name)
                if isinstance(value, list):
                    out[info.alias or name] = {term.id: term for term in value}
        return out

    def terms(self, vocabulary: str) -> list[Term]:
        """Every term of a vocabulary (« territoires », « modeles »…), in the data file's order."""
        return list(self._terms[vocabulary].values())

    def term(self, vocabulary: str, term_id: str) -> Term:
        return self._terms[vocabulary][term_id]

    def label(self, vocabulary: str, term_id: str) -> str:
        return self._terms[vocabulary][term_id].name

    def model(self, model_id: str) -> PartnershipModel:
        return self._terms["modeles"][model_id]  # type: ignore[return-value]

    def category(self, category_id: str) -> Described:
        return self._terms["categories"][category_id]  # type: ignore[return-value]

    def category_of(self, example: Example) -> Described:
        return self.category(self.model(example.model).category)

    def models_of(self, category_id: str) -> list[PartnershipModel]:
        return [m for m in self.typology.models if m.category == category_id]

    @cached_property
    def examples_by_model(self) -> dict[str, list[tuple[str, Example]]]:
        grouped: dict[str, list[tuple[str, Example]]] = defaultdict(list)
        for slug, example in self.examples.items():
            grouped[example.model].append((slug, example))
        return grouped

    @cached_property
    def redirects(self) -> dict[str, str]:
        """Former page address → current page address (from the records' ``anciens_slugs``)."""
        out: dict[str, str] = {}
        records: dict[str, Example] | dict[str, Tool]
        for section, records in ((EXAMPLE.section, self.examples), (TOOL.section, self.tools)):
            for slug, record in records.items():
                for former in record.former_slugs:  # type: ignore[attr-defined]  # a field type mypy cannot read
                    out[f"{section}/{former}.md"] = f"{section}/{slug}.md"
        return out
