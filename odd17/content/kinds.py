"""The kinds of records, declared once: where their files are, where their pages go, their model,
their French names and their issue form. Every other module reads this table."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from odd17.content.models import Example, Tool


@dataclass(frozen=True)
class RecordKind:
    id: str            # "example", "tool": the kind of a record page
    folder: str        # content/<folder>/<slug>.yml
    section: str       # the site's folder of their pages: <section>/<slug>.md
    model: type[BaseModel]
    label: str         # « un exemple » goes in content/examples/ (messages)
    title_field: str   # the field whose text is the record's title
    form_file: str     # .github/ISSUE_TEMPLATE/<form_file>
    form_label: str    # the label of the issues it opens


EXAMPLE = RecordKind("example", "examples", "exemples", Example, "un exemple", "titre",
                     "nouvel-exemple.yml", "nouvel exemple")
TOOL = RecordKind("tool", "tools", "outils", Tool, "un outil", "nom",
                  "nouvel-outil.yml", "nouvel outil")
KINDS: tuple[RecordKind, ...] = (EXAMPLE, TOOL)
BY_FOLDER = {kind.folder: kind for kind in KINDS}
BY_ID = {kind.id: kind for kind in KINDS}
