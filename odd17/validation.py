"""The one validation core: ``scripts/validate.py`` and every ``mkdocs build`` call ``validate``.

It reads the typology and the vocabularies first (they give the allowed values), then every
record, and collects every problem of every file: nothing stops at the first error, and a record
with a problem is never published.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from slugify import slugify

from .kit import Kit
from .messages import french_message
from .models import SLUG_RE, Example, Tool, Typology, Vocabularies, allowed_ids
from .problems import Problem
from .text import fold
from .yamlfile import YamlDocument, field_path, read_yaml

TYPOLOGY_FILE = "typology.yml"
VOCABULARIES_FILE = "vocabularies.yml"
RECORD_DIRS: dict[str, type[BaseModel]] = {"examples": Example, "tools": Tool}
STALE_AFTER = dt.timedelta(days=2 * 365)


@dataclass
class Report:
    """What a validation run found: the kit (when everything is valid) and every problem."""

    kit: Kit | None
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "erreur"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "avertissement"]

    def summary(self) -> str:
        files = len({p.file for p in self.errors})
        n_err, n_warn = len(self.errors), len(self.warnings)
        warn = f", {n_warn} avertissement{'s' if n_warn > 1 else ''}" if n_warn else ""
        if not n_err:
            return f"{self.files_checked} fichiers vérifiés : aucun problème{warn}."
        return (f"{n_err} problème{'s' if n_err > 1 else ''} dans {files} fichier"
                f"{'s' if files > 1 else ''} ({self.files_checked} fichiers vérifiés){warn}.")


def display_path(path: Path) -> str:
    """Paths in messages are relative to the current folder when they can be."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _validate_document(path: Path, model: type[BaseModel], context: dict[str, Any],
                       problems: list[Problem], doc: YamlDocument | None = None,
                       ) -> tuple[BaseModel | None, YamlDocument]:
    """Read (unless ``doc`` is the file already read) and validate one file; its problems are
    appended, the record returned if valid."""
    shown = display_path(path)
    doc = doc if doc is not None else read_yaml(path)
    for yaml_problem in doc.problems:
        problems.append(Problem(shown, yaml_problem.line, yaml_problem.field, yaml_problem.message))
    if doc.problems or doc.data is None:
        return None, doc
    try:
        return model.model_validate(doc.data, context=context), doc
    except ValidationError as error:
        for details in error.errors(include_url=False):
            loc = tuple(details["loc"])
            if details["type"] == "date_order":
                loc = loc + ("verifie_le",)
            problems.append(Problem(shown, doc.line_of(loc), field_path(loc),
                                    french_message(details, model)))
        return None, doc


def _normalised(text: str) -> str:
    """Titles compared without case, accents or spacing differences."""
    return " ".join(fold(text).split())


def _record_files(content: Path, paths: list[Path] | None) -> list[Path]:
    if paths:
        files: list[Path] = []
        for path in paths:
            files.extend(sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
                         if path.is_dir() else [path])
        return files
    return [p for sub in RECORD_DIRS for p in sorted((content / sub).glob("*"))
            if p.is_file() and not p.name.startswith(".")]


def record_kind(path: Path) -> type[BaseModel] | None:
    """A record's kind is the folder it lives in: examples/ or tools/."""
    return RECORD_DIRS.get(path.parent.name)


def validate(content: Path, paths: list[Path] | None = None,
             today: dt.date | None = None) -> Report:
    """Validate the typology, the vocabularies and the records (all of them, or ``paths``)."""
    # Reading thousands of records allocates millions of small objects that all stay alive to the
    # end; Python's cyclic garbage collector would walk them again and again (a fifth of the time
    # at 10,000 records, scripts/bench.py). They hold no reference cycle that needs it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _validate(content, paths, today)
    finally:
        if enabled:
            gc.enable()


def _validate(content: Path, paths: list[Path] | None, today: dt.date | None) -> Report:
    problems: list[Problem] = []
    today = today or dt.date.today()

    # 1. The typology and the vocabularies: they give the allowed values of the records.
    raw_typology = read_yaml(content / TYPOLOGY_FILE) if (content / TYPOLOGY_FILE).exists() else None

    def raw_terms(name: str) -> dict[str, str]:
        """Ids of the typology's own lists, as written: the typology refers to them."""
        raw = (raw_typology.data or {}).get(name) if raw_typology else None
        return {str(t.get("id")): str(t.get("nom")) for t in raw
                if isinstance(t, dict)} if isinstance(raw, list) else {}
    typology = vocabularies = None
    for name, model in ((TYPOLOGY_FILE, Typology), (VOCABULARIES_FILE, Vocabularies)):
        path = content / name
        if not path.exists():
            problems.append(Problem(display_path(path), 1, "", "fichier manquant"))
            continue
        context = {"allowed": {"categories": raw_terms("categories"),
                               "objectifs": raw_terms("objectifs")}}
        already_read = raw_typology if name == TYPOLOGY_FILE else None
        record, _ = _validate_document(path, model, context, problems, already_read)
        if isinstance(record, Typology):
            typology = record
        elif isinstance(record, Vocabularies):
            vocabularies = record
    files_checked = 2
    if typology is None or vocabularies is None:
        problems.append(Problem(display_path(content), 1, "", "les fiches n'ont pas été vérifiées : "
                                "corrigez d'abord la typologie et les listes de valeurs"))
        return Report(None, problems, files_checked)
    context = {"allowed": allowed_ids(typology, vocabularies)}

    # 2. Every record file.
    records: dict[str, dict[str, tuple[Path, BaseModel, YamlDocument]]] = {k: {} for k in RECORD_DIRS}
    for path in _record_files(content, paths):
        files_checked += 1
        shown = display_path(path)
        model = record_kind(path)
        if model is None:
            problems.append(Problem(shown, 1, "", "fichier hors de content/examples/ et "
                                    "content/tools/ : le validateur ne sait pas de quelle fiche il "
                                    "s'agit"))
            continue
        if path.suffix != ".yml":
            problems.append(Problem(shown, 1, "", f"extension « {path.suffix or '(aucune)'} » non "
                                    f"reconnue : renommez le fichier en « {path.stem}.yml »"))
            continue
        if not SLUG_RE.match(path.stem) or len(path.stem) > 80:
            suggestion = slugify(path.stem, max_length=80, word_boundary=True) or "mon-exemple"
            problems.append(Problem(shown, 1, "", f"nom de fichier invalide : minuscules sans "
                                    f"accents, chiffres et tirets seulement, 80 caractères au plus "
                                    f"(par exemple « {suggestion}.yml »)"))
        record, doc = _validate_document(path, model, context, problems)
        if record is not None and SLUG_RE.match(path.stem):
            records[path.parent.name][path.stem] = (path, record, doc)

    # 3. Checks across records: titles, slugs and former slugs are unique.
    for kind, found in records.items():
        title_field = "titre" if kind == "examples" else "nom"
        seen_titles: dict[str, Path] = {}
        addresses: dict[str, str] = {slug: display_path(path) for slug, (path, _, _) in found.items()}
        for slug, (path, record, doc) in found.items():
            title = record.title if isinstance(record, Example) else record.name  # type: ignore[attr-defined]
            key = _normalised(title)
            if key in seen_titles:
                problems.append(Problem(display_path(path), doc.line_of((title_field,)), title_field,
                                        f"même titre que {display_path(seen_titles[key])} : "
                                        "chaque fiche a un titre distinct"))
            else:
                seen_titles[key] = path
            for i, former in enumerate(record.former_slugs):  # type: ignore[attr-defined]
                loc = ("anciens_slugs", i)
                if former in addresses:
                    problems.append(Problem(display_path(path), doc.line_of(loc), field_path(loc),
                                            f"l'adresse '{former}' est déjà celle de "
                                            f"{addresses[former]}"))
                else:
                    addresses[former] = display_path(path)
            reviewed = record.reviewed  # type: ignore[attr-defined]
            if today - reviewed > STALE_AFTER:
                problems.append(Problem(display_path(path), doc.line_of(("verifie_le",)),
                                        "verifie_le", f"informations vérifiées pour la dernière "
                                        f"fois le {reviewed.isoformat()}, il y a plus de deux ans : "
                                        "vérifiez-les et mettez la date à jour",
                                        "avertissement"))

    problems.sort(key=lambda p: (p.file, p.line, p.field))
    if any(p.severity == "erreur" for p in problems):
        return Report(None, problems, files_checked)
    kit = Kit(typology, vocabularies,
              examples={slug: rec for slug, (_, rec, _) in sorted(records["examples"].items())},
              tools={slug: rec for slug, (_, rec, _) in sorted(records["tools"].items())})
    return Report(kit, problems, files_checked)
