"""The one validation core: ``scripts/validate.py`` and every ``mkdocs build`` call ``validate``.

It reads the typology and the vocabularies first (they give the allowed values), then every
record, and collects every problem of every file: nothing stops at the first error, and a record
with a problem is never published.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import multiprocessing as mp
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from slugify import slugify

from odd17.content.addresses import Addresses, folder_page, page_address, reserved_paths
from odd17.content.folding import french_sort_key
from odd17.content.kinds import BY_FOLDER, KINDS
from odd17.content.kit import Kit
from odd17.content.messages import french_message, meant_field
from odd17.content.models import (
    SLUG_RE,
    Example,
    Texts,
    Tool,
    Typology,
    Vocabularies,
    allowed_ids,
    comparison_key,
)
from odd17.content.problems import Problem, system_error
from odd17.content.yamlfile import YamlDocument, field_path, read_yaml

TYPOLOGY_FILE = "typology.yml"
VOCABULARIES_FILE = "vocabularies.yml"
TEXTS_FILE = "texts.yml"  # the editorial texts around the records
RECORD_DIRS: dict[str, type[BaseModel]] = {kind.folder: kind.model for kind in KINDS}
STALE_AFTER = dt.timedelta(days=2 * 365)
MAX_PROBLEMS_PER_FILE = 50  # a file of 20,000 unknown fields gets 51 lines, not 20,000


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


def report_order(problem: Problem) -> tuple[str, int, int, str]:
    """The report's order: by file, then line; on one line, what is written there (an unknown
    field, a wrong value) first, then the field it misspells, then the other missing fields."""
    return problem.file, problem.line, problem.rank, problem.field


def display_path(path: Path) -> str:
    """Paths in messages are relative to the current folder when they can be."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _validate_document(path: Path, model: type[BaseModel], context: dict[str, Any],
                       problems: list[Problem], doc: YamlDocument | None = None,
                       shown: str | None = None) -> tuple[BaseModel | None, YamlDocument]:
    """Read (unless ``doc`` is the file already read) and validate one file; its problems are
    appended, the record returned if valid."""
    shown = shown or display_path(path)
    doc = doc if doc is not None else read_yaml(path)
    for yaml_problem in doc.problems:
        problems.append(Problem(shown, yaml_problem.line, yaml_problem.field, yaml_problem.message))
    if doc.problems or doc.data is None:
        return None, doc
    try:
        return model.model_validate(doc.data, context=context), doc
    except ValidationError as error:
        details_list = error.errors(include_url=False)
        # A missing field that an unknown field misspells (« titr » for « titre ») is said at the
        # misspelt field's line, after it (``report_order``): the line to fix is named first.
        misspelt: dict[tuple[str | int, ...], int] = {}
        for details in details_list:
            if details["type"] == "extra_forbidden":
                loc = tuple(details["loc"])
                meant = meant_field(model, loc)
                if meant is not None:
                    misspelt.setdefault(loc[:-1] + (meant,), doc.line_of(loc))
        for details in details_list[:MAX_PROBLEMS_PER_FILE]:
            loc = tuple(details["loc"])
            if details["type"] == "date_order":
                loc = loc + ("verifie_le",)
            line = misspelt.get(loc) if details["type"] == "missing" else None
            rank = 0 if details["type"] != "missing" else 1 if line else 2
            problems.append(Problem(shown, line or doc.line_of(loc), field_path(loc),
                                    french_message(details, model), rank=rank))
        if len(details_list) > MAX_PROBLEMS_PER_FILE:
            problems.append(Problem(shown, doc.line_of(tuple(details_list[MAX_PROBLEMS_PER_FILE]
                                                             ["loc"])), "",
                                    f"… et {len(details_list) - MAX_PROBLEMS_PER_FILE} autres "
                                    "problèmes dans ce fichier : corrigez d'abord ceux-ci"))
        return None, doc


# --- Which files are read: every entry under content/ is accounted for ----------------------------

_LINK = ("lien symbolique non permis : le validateur ne suit jamais les liens ; remplacez-le par "
         "le fichier lui-même")
_HIDDEN = ("fichier caché (nom commençant par un point) : il ne serait jamais publié ; "
           "retirez-le, ou renommez-le sans le point initial s'il s'agit d'une fiche")


@dataclass
class Found:
    """A record file to read, with its name as printed in messages."""

    path: Path
    shown: str
    kind: str  # a key of RECORD_DIRS (the folder the file is in)


def _where_records_go() -> str:
    return " ; ".join(f"{kind.label} va dans content/{kind.folder}/" for kind in KINDS)


def discover(content: Path, problems: list[Problem]) -> list[Found]:
    """The record files of ``content`` (``<kind>/<slug>.yml``), and a problem for every other
    entry that is not the typology or the vocabularies: hidden files, files in sub-folders or in
    a misspelt folder, stray files at the root, symbolic links (never followed)."""
    base = display_path(content)
    found: list[Found] = []

    def shown(*parts: str) -> str:
        return os.path.join(base, *parts)

    def refuse_all(folder: Path, parts: tuple[str, ...], message: str) -> None:
        """Every file below ``folder`` gets ``message`` (nothing there is ever read)."""
        for entry in _entries(folder, shown(*parts), problems):
            where = parts + (entry.name,)
            if entry.is_symlink():
                problems.append(Problem(shown(*where), 1, "", _LINK))
            elif entry.is_dir(follow_symlinks=False):
                refuse_all(Path(entry.path), where, message)
            else:
                problems.append(Problem(shown(*where), 1, "", message))

    top_entries = _entries(content, base, problems)
    for entry in top_entries:
        name = entry.name
        if entry.is_symlink():
            problems.append(Problem(shown(name), 1, "", _LINK))
        elif entry.is_dir(follow_symlinks=False):
            if name in RECORD_DIRS:
                found += _record_folder(Path(entry.path), name, shown(name), problems)
            else:
                close = difflib.get_close_matches(name.lower(), list(RECORD_DIRS), n=1, cutoff=0.6)
                hint = (f"vouliez-vous dire content/{close[0]}/ ? " if close else "")
                refuse_all(Path(entry.path), (name,), f"dossier « content/{name}/ » inconnu, ses "
                           f"fichiers ne seraient jamais publiés : {hint}{_where_records_go()}")
        elif name not in (TYPOLOGY_FILE, VOCABULARIES_FILE, TEXTS_FILE):
            problems.append(Problem(shown(name), 1, "", _HIDDEN if name.startswith(".") else (
                "fichier inconnu à la racine de content/, il ne serait jamais publié : "
                f"{_where_records_go()}")))
    return found


def _entries(folder: Path, shown: str, problems: list[Problem]) -> list[os.DirEntry[str]]:
    """The entries of ``folder`` sorted by name; a folder that cannot be read is a problem."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as error:
        problems.append(Problem(shown, 1, "", f"dossier illisible ({system_error(error)})"))
        return []


def _record_folder(folder: Path, kind: str, base: str, problems: list[Problem]) -> list[Found]:
    found: list[Found] = []
    for entry in _entries(folder, base, problems):
        shown = os.path.join(base, entry.name)
        if entry.is_symlink():
            problems.append(Problem(shown, 1, "", _LINK))
        elif entry.is_dir(follow_symlinks=False):
            sub: list[Problem] = []
            for inner in _record_folder(Path(entry.path), kind, shown, sub):
                sub.append(Problem(inner.shown, 1, "", f"fiche dans un sous-dossier, elle ne "
                                   f"serait jamais publiée : déplacez-la directement dans "
                                   f"content/{kind}/"))
            problems.extend(sub)
        elif entry.name.startswith("."):
            problems.append(Problem(shown, 1, "", _HIDDEN))
        else:
            found.append(Found(Path(entry.path), shown, kind))
    return found


def _given_files(paths: list[Path], content: Path, problems: list[Problem]) -> list[Found]:
    """The files named on the command line (a file, or a folder's files); content/ itself is
    discovered as a whole."""
    found: list[Found] = []
    for path in paths:
        if path.is_symlink():
            problems.append(Problem(display_path(path), 1, "", _LINK))
        elif path.is_dir() and path.resolve() == content.resolve():
            found += discover(content, problems)
        elif path.is_dir():
            found += _record_folder(path, path.name, display_path(path), problems)
        else:
            found.append(Found(path, display_path(path), path.parent.name))
    return found


def validate(content: Path, paths: list[Path] | None = None,
             today: dt.date | None = None, docs_dir: Path | None = None,
             workers: int = 1) -> Report:
    """Validate the typology, the vocabularies and the records (all of them, or ``paths``).

    ``docs_dir`` (by default the ``docs`` folder beside ``content``) holds the hand-written pages,
    whose addresses no record may take. With ``workers`` > 1, worker processes share the records
    and the report holds the problems only (no kit): the command line's mode (a build, which
    needs the kit and runs threads, uses one process)."""
    # Reading thousands of records allocates millions of small objects that all stay alive to the
    # end; Python's cyclic garbage collector would walk them again and again (a fifth of the time
    # at 10,000 records, scripts/bench.py). They hold no reference cycle that needs it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _validate(content, paths, today, docs_dir if docs_dir is not None
                         else content.parent / "docs", workers)
    finally:
        if enabled:
            gc.enable()


def _validate(content: Path, paths: list[Path] | None, today: dt.date | None,
              docs_dir: Path, workers: int = 1) -> Report:
    problems: list[Problem] = []
    today = today or dt.date.today()

    # 1. The typology and the vocabularies: they give the allowed values of the records.
    typology_path = content / TYPOLOGY_FILE
    raw_typology = read_yaml(typology_path) if typology_path.exists() else None

    def raw_terms(name: str) -> dict[str, str]:
        """Ids of the typology's own lists, as written: the typology refers to them."""
        raw = (raw_typology.data or {}).get(name) if raw_typology else None
        return {str(t.get("id")): str(t.get("nom")) for t in raw
                if isinstance(t, dict)} if isinstance(raw, list) else {}
    typology = vocabularies = texts = None
    for name, model in ((TYPOLOGY_FILE, Typology), (VOCABULARIES_FILE, Vocabularies),
                        (TEXTS_FILE, Texts)):
        path = content / name
        if not path.exists() and not path.is_symlink():
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
        elif isinstance(record, Texts):
            texts = record
    files_checked = 3
    found = _given_files(paths, content, problems) if paths else discover(content, problems)
    if typology is None or vocabularies is None or texts is None:
        problems.append(Problem(display_path(content), 1, "", "les fiches n'ont pas été vérifiées : "
                                "corrigez d'abord la typologie, les listes de valeurs et les textes"))
        problems.sort(key=report_order)
        return Report(None, problems, files_checked)
    context = {"allowed": allowed_ids(typology, vocabularies)}

    # 2. Every record file.
    records: dict[str, dict[str, Checked]] = {k: {} for k in RECORD_DIRS}
    files_checked += len(found)
    for checked in _check_files(found, context, problems, workers):
        records[checked.kind][checked.slug] = checked

    # 3. Checks across records: addresses, titles, former slugs.
    kit_addresses = Addresses.of(reserved_paths(docs_dir))
    for kind, checked_records in records.items():
        _check_across(kind, checked_records, kit_addresses, problems)
    for checked_records in records.values():
        for checked in checked_records.values():
            reviewed = checked.reviewed
            if today - reviewed > STALE_AFTER:
                problems.append(Problem(checked.shown, checked.line_of(("verifie_le",)),
                                        "verifie_le", f"informations vérifiées pour la dernière "
                                        f"fois le {reviewed.isoformat()}, il y a plus de deux ans : "
                                        "vérifiez-les et mettez la date à jour",
                                        "avertissement"))

    problems.sort(key=report_order)
    if any(p.severity == "erreur" for p in problems) or workers > 1:
        return Report(None, problems, files_checked)
    kit = Kit(typology, vocabularies, texts,
              examples={slug: c.record for slug, c in sorted(records["examples"].items())
                        if isinstance(c.record, Example)},
              tools=dict(sorted(((slug, c.record) for slug, c in records["tools"].items()
                                 if isinstance(c.record, Tool)),
                                key=lambda item: (french_sort_key(item[1].name), item[0]))))
    return Report(kit, problems, files_checked)


def _check_files(found: list[Found], context: dict[str, Any], problems: list[Problem],
                 workers: int = 1) -> list[Checked]:
    """Check each file on its own (problems appended); the records that passed. With ``workers``
    > 1 and many files, forked workers share the files and send back what the checks across
    records need (pickling the models themselves would cost more than it saves): reading 10,000
    records is CPU work that two cores halve (under 3 s on 2 cores: maintainers/performances.md)."""
    # fork only on Linux: macOS system libraries are not safe to fork, Windows cannot.
    if workers > 1 and len(found) >= PARALLEL_FROM and sys.platform.startswith("linux"):
        _SHARED[:] = [found, context]  # inherited by the forked workers: nothing to send them
        try:
            with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
                futures = [pool.submit(_timed_chunk, i, workers) for i in range(workers)]
                results = [f.result() for f in futures]
        finally:
            _SHARED.clear()
        out: list[Checked] = []
        WORKER_CPU_SECONDS[:] = [cpu for _, _, cpu in results]
        for chunk_problems, chunk_checked, _ in results:
            problems += chunk_problems
            out += chunk_checked
        return out
    chunk_problems, checked = _check_chunk(found, context)
    problems += chunk_problems
    return checked


PARALLEL_FROM = 2000  # below, starting a process costs more than it saves
WORKER_CPU_SECONDS: list[float] = []  # processor time of each worker of the last run (bench)


_SHARED: list[Any] = []  # (files, context) of the run being shared between workers


def _timed_chunk(first: int, step: int) -> tuple[list[Problem], list[Checked], float]:
    """In a worker: every ``step``-th file from ``first``, and the processor time it took."""
    start = time.process_time()
    found, context = _SHARED
    problems, checked = _check_chunk(found[first::step], context, in_worker=True)
    return problems, checked, time.process_time() - start


def _check_chunk(found: list[Found], context: dict[str, Any], in_worker: bool = False,
                 ) -> tuple[list[Problem], list[Checked]]:
    problems: list[Problem] = []
    checked_records: list[Checked] = []
    for item in found:
        try:
            checked = _check_file(item, context, problems, in_worker)
        except Exception as error:  # noqa: BLE001 - a bug must not hide the other files' problems
            problems.append(Problem(item.shown, 1, "", f"erreur interne du validateur sur ce "
                                    f"fichier ({type(error).__name__}) : signalez-la aux "
                                    "mainteneurs du kit"))
            continue
        if checked is not None:
            checked_records.append(checked)
    return problems, checked_records


@dataclass
class Checked:
    """A record that passed its own checks, before the checks across records, with the lines of
    the fields those checks report on (small enough to come back from a worker process)."""

    slug: str
    shown: str
    kind: str
    title: str
    former_slugs: tuple[str, ...]
    reviewed: dt.date
    lines: dict[tuple[str | int, ...], int]
    record: BaseModel | None  # None when checked in a worker process (the command line)

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        return self.lines.get(loc) or self.lines.get(loc[:1]) or 1


_ACROSS_FIELDS = ("titre", "nom", "verifie_le", "anciens_slugs")


def _check_file(item: Found, context: dict[str, Any], problems: list[Problem],
                in_worker: bool = False) -> Checked | None:
    path, shown = item.path, item.shown
    model = RECORD_DIRS.get(item.kind)
    if model is None:
        problems.append(Problem(shown, 1, "", "fichier hors de content/examples/ et "
                                "content/tools/ : le validateur ne sait pas de quelle fiche il "
                                "s'agit"))
        return None
    if path.suffix != ".yml":
        problems.append(Problem(shown, 1, "", f"extension « {path.suffix or '(aucune)'} » non "
                                f"reconnue : renommez le fichier en « {path.stem}.yml »"))
        return None
    valid_name = bool(SLUG_RE.match(path.stem)) and len(path.stem) <= 80
    if not valid_name:
        suggestion = slugify(path.stem, max_length=80, word_boundary=True) or "mon-exemple"
        problems.append(Problem(shown, 1, "", f"nom de fichier invalide : minuscules sans "
                                f"accents, chiffres et tirets seulement, 80 caractères au plus "
                                f"(par exemple « {suggestion}.yml »)"))
    record, doc = _validate_document(path, model, context, problems, shown=shown)
    if record is None or not valid_name:
        return None
    lines = {loc: line for loc, line in doc.lines.items() if loc and loc[0] in _ACROSS_FIELDS}
    return Checked(path.stem, shown, item.kind, getattr(record, "title", None) or getattr(record, "name"),
                   tuple(record.former_slugs), record.reviewed, lines,  # type: ignore[attr-defined]
                   None if in_worker else record)


def _check_across(kind: str, found: dict[str, Checked], kit_addresses: Addresses,
                  problems: list[Problem]) -> None:
    """Titles are distinct (as a reader sees them); file names and former names take neither an
    address of the kit nor one of another record. A problem between two records is reported on
    both files, each naming the other: whichever is in the pull request gets the annotation."""
    title_field = BY_FOLDER[kind].title_field

    # Titles.
    by_title: dict[str, list[Checked]] = {}
    for checked in found.values():
        by_title.setdefault(comparison_key(checked.title), []).append(checked)
    for same in by_title.values():
        for checked in same if len(same) > 1 else ():
            others = ", ".join(f"{o.shown} (ligne {o.line_of((title_field,))})"
                               for o in same if o is not checked)
            problems.append(Problem(checked.shown, checked.line_of((title_field,)), title_field,
                                    f"même titre que {others}, à la casse, aux accents, aux "
                                    "apostrophes, aux espaces ou aux caractères invisibles près "
                                    "(le site les affiche pareil) : chaque fiche a un titre "
                                    "distinct"))

    # Addresses: the file name, then the former names.
    for slug, checked in found.items():
        page = folder_page(kind, slug)
        taken_by = kit_addresses.conflict(page)
        if taken_by:
            problems.append(Problem(checked.shown, 1, "", f"le nom de fichier « {slug} » donnerait "
                                    f"à la fiche l'adresse {page_address(page)}, réservée par le kit "
                                    f"pour {taken_by} : choisissez un autre nom de fichier"))
    formers: dict[str, list[tuple[Checked, int]]] = {}
    for slug, checked in found.items():
        for i, former in enumerate(checked.former_slugs):
            formers.setdefault(former, []).append((checked, i))
    for former, holders in formers.items():
        page = folder_page(kind, former)
        taken_by = kit_addresses.conflict(page)
        current = found.get(former)
        for checked, i in holders:
            loc = ("anciens_slugs", i)
            line, where = checked.line_of(loc), field_path(loc)
            if taken_by:
                message = (f"l'ancienne adresse {page_address(page)} est réservée par le kit "
                           f"pour {taken_by} : retirez « {former} » des anciens_slugs")
            elif current is checked:
                message = (f"« {former} » est le nom actuel de cette fiche : retirez-le des "
                           "anciens_slugs")
            elif current is not None:
                message = (f"l'adresse {page_address(page)} est celle de la fiche {current.shown} : "
                           f"retirez « {former} » des anciens_slugs (une adresse ne mène qu'à une "
                           "fiche)")
                problems.append(Problem(current.shown, 1, "", f"l'adresse de cette fiche, "
                                        f"{page_address(page)}, est aussi un ancien nom déclaré "
                                        f"par {checked.shown} (ligne {line}, {where}) : une "
                                        "adresse ne mène qu'à une fiche"))
            elif len(holders) > 1:
                others = ", ".join(f"{o.shown} (ligne {o.line_of(('anciens_slugs', j))})"
                                   for o, j in holders if o is not checked)
                message = (f"l'ancienne adresse {page_address(page)} est aussi déclarée par "
                           f"{others} : une adresse ne mène qu'à une fiche")
            else:
                continue
            problems.append(Problem(checked.shown, line, where, message))
