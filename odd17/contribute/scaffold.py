"""Write a new example or tool record that already passes the validator.

Used by ``bash scripts/task new-example`` / ``new-tool`` (``scripts/new_example.py``,
``scripts/new_tool.py``). Every choice is shown with its label (and each partnership model with
its category and definition), read from the typology and vocabularies through the Kit; an answer
may be a number, an id or a label; each answer is then checked with the same models as the
validator (so a refused answer gets the validator's French message); the record is written by
``odd17.contribute.record_writer`` (texts a person can edit) and validated by the one validation core.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from slugify import slugify

from odd17.content.addresses import Addresses, folder_page, page_address, reserved_paths
from odd17.content.facets import EXAMPLE_FACETS, TOOL_FACETS, Facet, example_facet
from odd17.content.folding import fold as text_fold
from odd17.content.kit import Kit
from odd17.content.messages import french_message
from odd17.content.models import (
    SLUG_RE,
    Example,
    Partner,
    PartnershipModel,
    Source,
    Term,
    Tool,
    allowed_ids,
    comparison_key,
    suggested,
)
from odd17.content.problems import Problem, print_lines
from odd17.content.suggestions import close_values
from odd17.content.typography import after_colon
from odd17.content.validation import RECORD_DIRS, display_path, validate
from odd17.content.yamlfile import field_path
from odd17.contribute.record_writer import dump_record
from odd17.terminal import FrenchArgumentParser

SLUG_TARGET = 50  # proposed file names stay short: they are page addresses, cited for years
# Words never left at the end of a proposed file name (« …-et », « …-d »).
_TRAILING_WORDS = frozenset("a au aux d de des du en et l la le les par pour sur un une avec "
                            "dans qu sa sas sarl".split())
# Words that say little at the start of a partner's name in a file name (« Association Les
# Jardins » → « jardins »), besides the partner types' own names (vocabularies.yml).
_LEADING_WORDS = frozenset("l la le les un une des du de d".split())
WRAP = 100


class Refused(Exception):
    """An answer the models refuse; the message is the validator's (several messages when
    options give several values at once, each said on its own line)."""


class NoAnswer(Exception):
    """The input ended before a required answer (a pipe, a closed terminal)."""


def fold(text: str) -> str:
    """The kit's folding (``text.fold``: case, accents, ligatures), then words only, separated
    by one space, final plural s/x dropped: what an answer is compared by."""
    words = re.findall(r"[a-z0-9]+", text_fold(text))
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words)


def vocabulary_terms(kit: Kit, vocabulary: str) -> list[Term]:
    """The terms of a vocabulary of typology.yml or vocabularies.yml, in the file's order."""
    return kit.terms(vocabulary)


def facet_of(record: type[BaseModel], key: str) -> Facet:
    """The facet that reads the record field ``key`` (odd17/content/facets.py declares each once)."""
    facets = EXAMPLE_FACETS if record is Example else TOOL_FACETS
    return next(f for f in facets if f.record is record and f.field == key)


def vocabulary_of(record: type[BaseModel], key: str) -> str:
    return facet_of(record, key).vocabulary


def model_suggestions(kit: Kit, answer: str) -> list[PartnershipModel]:
    """The models an answer that is not a model's name may mean, best first.

    The words come from the typology data (each model's ``mots_cles``, taken from the sources,
    and the categories' names): « mécénat de compétences » → Engagement actif.
    """
    words = fold(answer)
    if not words:
        return []
    padded = f" {words} "
    by_keyword = [m for m in kit.typology.models
                  if any(fold(k) == words or f" {fold(k)} " in padded for k in m.keywords)]
    if by_keyword:
        return by_keyword
    categories = [c.id for c in kit.typology.categories if fold(c.name) == words
                  or f" {fold(c.name)} " in padded]
    if categories:
        return [m for m in kit.typology.models if m.category in categories]
    names = {fold(m.name): m for m in kit.typology.models}
    return [names[n] for n in difflib.get_close_matches(words, list(names), n=2, cutoff=0.7)]


def propose_slug(text: str, limit: int = SLUG_TARGET) -> str:
    """A short file name from ``text``: whole words up to ``limit`` characters, never ending on
    a small word or a cut elision (« …-et », « …-d »)."""
    words = slugify(text).split("-")
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > limit:
            break
        kept.append(word[:limit])
    while len(kept) > 1 and (kept[-1] in _TRAILING_WORDS or len(kept[-1]) == 1):
        kept.pop()
    return "-".join(kept)


def slug_problem(kit: Kit, content: Path, kind: str, slug: str) -> str | None:
    """Why ``slug`` cannot name a new record of ``kind`` (examples/tools), or None."""
    if not SLUG_RE.match(slug) or len(slug) > 80:
        return (f"nom de fichier « {slug} » : minuscules sans accents, chiffres et tirets "
                "seulement, 80 caractères au plus")
    records = kit.examples if kind == "examples" else kit.tools
    taken = set(records) | {f for r in records.values()
                            for f in r.former_slugs}  # type: ignore[attr-defined]  # a field type mypy cannot read
    if slug in taken or (content / kind / f"{slug}.yml").exists():
        return f"« {slug} » existe déjà : choisissez un autre nom"
    # The validator's check across records, asked before writing: a name the kit's own pages
    # take (« index », « regions »…) is refused here, not after the last question.
    page = folder_page(kind, slug)
    taken_by = Addresses.of(reserved_paths(content.parent / "docs")).conflict(page)
    if taken_by:
        return (f"le nom de fichier « {slug} » donnerait à la fiche l'adresse "
                f"{page_address(page)}, réservée par le kit pour {taken_by} : choisissez un "
                "autre nom de fichier")
    return None


def free_slug(kit: Kit, content: Path, kind: str, record: dict[str, Any]) -> str:
    """A free short file name: the partners' names for an example (like the base's
    « deloitte-sivc »), else the title or the tool's name."""
    texts = []
    if kind == "examples" and record.get("partenaires"):
        generic = _LEADING_WORDS | {w for t in vocabulary_terms(kit, example_facet("type").vocabulary)
                                    for w in slugify(t.name).split("-")}
        names = []
        for partner in record["partenaires"]:
            words = slugify(partner["nom"]).split("-")
            while len(words) > 1 and words[0] in generic:
                words.pop(0)
            names.append(" ".join(words))
        share = max(SLUG_TARGET // len(names) - 1, 8)
        texts.append("-".join(propose_slug(name, share) for name in names))
    texts.append(record.get("titre") or record.get("nom") or "")
    for text in texts:
        slug = propose_slug(text)
        if slug and slug_problem(kit, content, kind, slug) is None:
            return slug
    base = propose_slug(texts[-1], SLUG_TARGET - 4) or "fiche"
    return next(f"{base}-{n}" for n in range(2, 10_000)
                if slug_problem(kit, content, kind, f"{base}-{n}") is None)


@dataclass(frozen=True)
class Question:
    key: str                     # the YAML key (French)
    prompt: str                  # what is asked, in French
    model: type[BaseModel]       # the model that holds the field
    many: bool = False           # a list: several values on one line, separated by commas
    optional: bool = False
    vocabulary: str | None = None  # the typology/vocabularies list its values come from


EXAMPLE_QUESTIONS = [
    Question("titre", "Titre de l'exemple", Example),
    Question("modele", "Modèle de partenariat", Example,
             vocabulary=vocabulary_of(Example, "modele")),
    Question("description", "Ce que font les partenaires ensemble, en quelques phrases sur une "
             "ligne (vous pourrez compléter le texte dans le fichier)", Example),
    Question("territoire", "Territoire : « national », le nom ou le code d'une région (vide si "
             "les sources ne le disent pas)", Example, optional=True,
             vocabulary=vocabulary_of(Example, "territoire")),
    Question("objectifs", "Objectifs partagés visés : un ou plusieurs, séparés par des virgules "
             "(vide si les sources ne le disent pas)", Example, many=True, optional=True,
             vocabulary=vocabulary_of(Example, "objectifs")),
    Question("impacts", "Impacts constatés : un ou plusieurs, séparés par des virgules (vide si "
             "les sources ne le disent pas)", Example, many=True, optional=True,
             vocabulary=vocabulary_of(Example, "impacts")),
]
TOOL_QUESTIONS = [
    Question("nom", "Nom de l'outil", Tool),
    Question("nature", "Nature de l'outil", Tool, vocabulary=vocabulary_of(Tool, "nature")),
    Question("description", "À quoi sert l'outil, pour qui, en quelques phrases sur une ligne",
             Tool),
    Question("publics", "Publics : un ou plusieurs, séparés par des virgules", Tool, many=True,
             vocabulary=vocabulary_of(Tool, "publics")),
    Question("etapes", "Étapes de la démarche qu'il sert (vide si aucune)", Tool, many=True,
             optional=True, vocabulary=vocabulary_of(Tool, "etapes")),
    Question("leviers", "Leviers qu'il sert (vide si aucun)", Tool, many=True, optional=True,
             vocabulary=vocabulary_of(Tool, "leviers")),
    Question("acces", "Conditions d'accès", Tool, vocabulary=vocabulary_of(Tool, "acces")),
    Question("adresse", "Adresse web de l'outil (https://…, vide si aucune)", Tool, optional=True),
    Question("editeur", "Qui le publie (vide si inconnu)", Tool, optional=True),
]
PARTNER_TYPE = Question("type", "type d'organisation", Partner,
                        vocabulary=example_facet("type").vocabulary)
MODELS = vocabulary_of(Example, "modele")
PARTNER_TYPES = example_facet("type").vocabulary


class Scaffold:
    def __init__(self, content: Path, kind: str, ask: Callable[[str], str | None],
                 say: Callable[[str], None] | None = None) -> None:
        self.content = content
        self.kind = kind  # "examples" or "tools"
        self.ask = ask
        # Kit text may span lines; every line, answers included, is an escaped terminal line.
        self.say = say or (lambda text: print_lines(*text.split("\n"), file=sys.stderr))
        self.scripted = False  # True when the values come from command-line options
        report = validate(content)
        if report.kit is None:
            raise Refused("le contenu existant a des problèmes : lancez d'abord "
                          "bash scripts/task validate et corrigez-les")
        self.kit = report.kit
        self.context = {"allowed": allowed_ids(self.kit.typology, self.kit.vocabularies)}

    # --- the choices of a field --------------------------------------------------------------

    def terms(self, vocabulary: str) -> list[Term]:
        return vocabulary_terms(self.kit, vocabulary)

    @staticmethod
    def numbered(terms: list[Term]) -> bool:
        """Choices get numbers unless their ids are numbers themselves (region codes)."""
        return not any(term.id.isdigit() for term in terms)

    def choices(self, vocabulary: str) -> str:
        """The allowed values, as shown before the question."""
        terms = self.terms(vocabulary)
        if vocabulary == MODELS:
            return self.model_choices()
        lines = []
        for n, term in enumerate(terms, 1):
            number = f"{n:>2}. " if self.numbered(terms) else ""
            shown_id = "" if slugify(term.name) == term.id else f" ({term.id})"
            lines.append(f"    {number}{term.name}{shown_id}")
        return "\n".join(lines)

    def model_choices(self) -> str:
        """The 9 models by category, each with its number, name and definition."""
        lines = []
        number = 0
        for category in self.kit.typology.categories:
            lines.append(f"  Catégorie « {category.name} »")
            for model in self.kit.models_of(category.id):
                number += 1
                lines += textwrap.wrap(f"{number}. {model.name} : {after_colon(model.definition)}", WRAP,
                                       initial_indent=f"   {' ' if number < 10 else ''}",
                                       subsequent_indent="        ")
        return "\n".join(lines)

    def resolve(self, vocabulary: str, answer: str) -> str | None:
        """A number, an id or a label (any case, accents optional) → the id, else None."""
        terms = self.terms(vocabulary)
        answer = answer.strip()
        if answer.isdigit() and self.numbered(terms) and 1 <= int(answer) <= len(terms):
            return terms[int(answer) - 1].id
        if vocabulary == MODELS:
            terms = [t for c in self.kit.typology.categories for t in self.kit.models_of(c.id)]
            if answer.isdigit() and 1 <= int(answer) <= len(terms):
                return terms[int(answer) - 1].id
        folded = fold(answer)
        for term in terms:
            if answer == term.id or (folded and folded in (fold(term.name), fold(term.id))):
                return term.id
        if vocabulary == "territoires" and re.fullmatch(r"\d", answer):
            return self.resolve(vocabulary, f"0{answer}")
        return None

    # --- checking one answer with the models -------------------------------------------------

    def check(self, model: type[BaseModel], key: str, value: Any) -> Any:
        name, info = next((n, i) for n, i in model.model_fields.items() if (i.alias or n) == key)
        annotation: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        adapter = TypeAdapter(annotation)
        try:
            return adapter.validate_python(value, context=self.context)
        except ValidationError as error:
            details = error.errors(include_url=False)[0]
            details["loc"] = (key, *details["loc"])
            raise Refused(f"{field_path(details['loc'])}: {french_message(details, model)}") from None

    def value_of(self, question: Question, answer: Any) -> Any:
        """An answer (text, or list of texts for a list) → the checked value."""
        if question.vocabulary is None:
            value = self.check(question.model, question.key, answer)
            if question.key in ("titre", "nom") and (same := self.same_title(value)):
                # Said now, not after every other question (the validator would refuse it).
                raise Refused(f"{question.key}: même titre que {same} : chaque fiche a un titre "
                              "distinct (l'exemple existe peut-être déjà)")
            return value
        items = answer if isinstance(answer, list) else [answer]
        if question.many and not isinstance(answer, list):
            whole = self.resolve(question.vocabulary, answer)
            items = [answer] if whole else [a for a in re.split(r"[,;]", answer) if a.strip()]
        resolved = [self.resolve(question.vocabulary, item) or item.strip() for item in items]
        try:
            return self.check(question.model, question.key,
                              resolved if question.many else resolved[0])
        except Refused as refused:
            if question.vocabulary == MODELS:
                suggestions = model_suggestions(self.kit, str(answer))
                if suggestions:
                    names = " ou ".join(f"« {m.id} » ({m.name})" for m in suggestions)
                    raise Refused(f"{question.key}: « {answer} » n'est pas le nom d'un modèle ; "
                                  f"vouliez-vous dire {names} ?") from None
            raise refused

    def same_title(self, title: str) -> str | None:
        """The file of the record that already has this title (as the validator compares
        titles: case, accents and invisible characters aside), or None."""
        records = self.kit.examples if self.kind == "examples" else self.kit.tools
        key = comparison_key(title)
        for slug, record in records.items():
            if comparison_key(getattr(record, "title", None) or getattr(record, "name")) == key:
                return display_path(self.content / self.kind / f"{slug}.yml")
        return None

    # --- asking ------------------------------------------------------------------------------

    def _read(self, prompt: str, label: str) -> str:
        answer = self.ask(prompt)
        if answer is None:
            raise NoAnswer(label)
        return answer.strip()

    def ask_field(self, question: Question, given: Any = None) -> Any:
        """The answer to one question: the option's value if given, else asked until valid."""
        label = question.prompt.split(" :")[0].split(" (")[0].split(",")[0]
        if given not in (None, [], ""):
            return self.value_of(question, given)  # Refused → the caller exits
        if self.scripted:  # values come from options: nothing is asked
            if question.optional:
                return None
            raise Refused(f"{question.key}: champ obligatoire manquant (option "
                          f"--{question.key})")
        if question.vocabulary:
            self.say(self.choices(question.vocabulary))
        while True:
            answer = self._read(f"{question.prompt} : ", label)
            if answer == "":
                if question.optional:
                    return None
                self.say("  réponse obligatoire")
                continue
            if question.vocabulary == MODELS and self.resolve(MODELS, answer) is None:
                chosen = self.confirm_model(answer)
                if chosen is None:
                    continue
                answer = chosen
            elif (question.vocabulary and not question.many
                  and self.resolve(question.vocabulary, answer) is None):
                answer = self.confirm_choice(question.vocabulary, answer) or answer
            try:
                return self.value_of(question, answer)
            except Refused as refused:
                self.say(f"  refusé : {refused}")

    def confirm_model(self, answer: str) -> str | None:
        """Words that are not a model's name: propose the models the typology links them to."""
        for model in model_suggestions(self.kit, answer):
            category = self.kit.term("categories", model.category).name
            question = (f"  « {answer} » : vouliez-vous dire le modèle « {model.name} » "
                        f"(catégorie {category}) ? (O/n) ")
            if self._read(question, "confirmation").lower() in ("", "o", "oui", "y"):
                return model.id
        self.say(f"  refusé : « {answer} » n'est pas un modèle de la liste : tapez son numéro "
                 "ou son nom")
        return None

    def confirm_choice(self, vocabulary: str, answer: str) -> str | None:
        """An answer that is none of the choices (« Région Bretagne », « Bretagn »): propose
        those it may mean, as the validator and the issue form suggest them; the id accepted,
        else None (the answer is then refused with the list of choices)."""
        allowed = {term.id: term.name for term in self.terms(vocabulary)}
        for term_id in close_values(allowed, answer):
            question = f"  « {answer} » : vouliez-vous dire {suggested(allowed, [term_id])} ? (O/n) "
            if self._read(question, "confirmation").lower() in ("", "o", "oui", "y"):
                return term_id
        return None

    def ask_partners(self, given: list[str]) -> list[dict[str, str]]:
        partners = []
        refused: list[str] = []  # every partner's problems, said together
        for n, spec in enumerate(given):
            name, _, rest = spec.partition("|")
            kind, _, website = rest.partition("|")
            if not rest.strip():
                refused.append(f"partenaires[{n}].type: type d'organisation manquant dans « {spec} » : "
                               "écrivez --partenaire \"NOM|TYPE|SITE\" (le site est facultatif), "
                               "par exemple \"Association des Jardins|association\"")
                continue
            kind = self.resolve(PARTNER_TYPES, kind) or kind.strip()
            partner = {"nom": name.strip(), "type": kind}
            if website.strip():
                partner["site_web"] = website.strip()
            try:
                Partner.model_validate(partner, context=self.context)
            except ValidationError as error:
                for details in error.errors(include_url=False):
                    details["loc"] = ("partenaires", n, *details["loc"])
                    refused.append(f"{field_path(details['loc'])}: "
                                   f"{french_message(details, Example)}")
                continue
            partners.append(partner)
        if refused:
            raise Refused(*refused)
        if given or self.scripted:
            if len(partners) < 2:
                raise Refused("partenaires: il faut au moins 2 partenaires (option --partenaire "
                              "\"NOM|TYPE|SITE\", une fois par partenaire)")
            return partners
        self.say("Les partenaires (au moins deux). Types d'organisation :\n"
                 + self.choices(PARTNER_TYPES))
        while True:
            n = len(partners) + 1
            more = n > 2
            name = self._read(f"Partenaire n° {n} : nom de l'organisation"
                              + (" (vide s'il n'y en a pas d'autre)" if more else "") + " : ",
                              f"Partenaire n° {n}")
            if not name:
                if more:
                    return partners
                self.say("  réponse obligatoire")
                continue
            try:
                name = self.check(Partner, "nom", name)
            except Refused as refused:
                self.say(f"  refusé : {refused}")
                continue
            kind = self._ask_quiet(PARTNER_TYPE, f"Partenaire n° {n} : type d'organisation "
                                   "(numéro ou nom)")
            website = self._ask_quiet(Question("site_web", "", Partner, optional=True),
                                      f"Partenaire n° {n} : site web (https://…, vide si aucun)")
            partners.append({"nom": name, "type": kind} | ({"site_web": website} if website else {}))

    def _ask_quiet(self, question: Question, prompt: str) -> Any:
        """Ask without showing the choices again."""
        while True:
            answer = self._read(f"{prompt} : ", prompt)
            if not answer and question.optional:
                return None
            try:
                return self.value_of(question, answer)
            except Refused as refused:
                self.say(f"  refusé : {refused}")

    def ask_sources(self, given: list[str]) -> list[dict[str, str]]:
        sources = []
        for n, spec in enumerate(given):
            if "|" not in spec and re.search(r"\S+://|www\.", spec):  # an address in the title
                raise Refused(f"sources[{n}]: l'adresse web est dans le titre « {spec} » : écrivez "
                              "--source \"TITRE|ADRESSE\", par exemple \"Rapport 2024|"
                              "https://jardins.example.org/rapport-2024\"")
            title, _, url = spec.partition("|")
            source = {"titre": title.strip()} | ({"url": url.strip()} if url.strip() else {})
            try:
                Source.model_validate(source)
            except ValidationError as error:
                details = error.errors(include_url=False)[0]
                details["loc"] = ("sources", n, *details["loc"])
                raise Refused(f"{field_path(details['loc'])}: "
                              f"{french_message(details, Source)}") from None
            sources.append(source)
        if given or self.scripted:
            if not sources:
                raise Refused("sources: champ obligatoire manquant (option --source "
                              "\"TITRE|URL\")")
            return sources
        self.say("Les sources des informations (au moins une : rapport, article, page web…).")
        while True:
            n = len(sources) + 1
            title = self._read(f"Source n° {n} : titre du document ou de la page"
                               + (" (vide pour finir)" if n > 1 else "") + " : ",
                               f"Source n° {n}")
            if not title:
                if n > 1:
                    return sources
                self.say("  réponse obligatoire")
                continue
            try:
                title = self.check(Source, "titre", title)
            except Refused as refused:
                self.say(f"  refusé : {refused}")
                continue
            url = self._ask_quiet(Question("url", "", Source, optional=True),
                                  f"Source n° {n} : adresse web (https://…, vide si aucune)")
            sources.append({"titre": title} | ({"url": url} if url else {}))

    def propose(self, record: dict[str, Any]) -> str:
        return free_slug(self.kit, self.content, self.kind, record)

    def ask_slug(self, record: dict[str, Any], given: str | None) -> str:
        proposal = given or self.propose(record)
        if self.scripted or given:
            problem = self.slug_problem(proposal)
            if problem:
                raise Refused(problem)
            return proposal
        while True:
            slug = self._read(f"Nom du fichier, qui sera l'adresse de la page (Entrée pour "
                              f"garder « {proposal} ») : ", "Nom du fichier") or proposal
            problem = self.slug_problem(slug)
            if problem is None:
                return slug
            self.say(f"  refusé : {problem}")

    def slug_problem(self, slug: str) -> str | None:
        return slug_problem(self.kit, self.content, self.kind, slug)

    # --- writing ------------------------------------------------------------------------------

    def write(self, slug: str, record: dict[str, Any], today: dt.date | None = None) -> Path:
        today = today or dt.date.today()
        return write_record(self.content, self.kind, slug,
                            record | {"ajoute_le": today, "verifie_le": today})


def write_record(content: Path, kind: str, slug: str, record: dict[str, Any]) -> Path:
    """Write a new record file (never over an existing one), fields in the models' order."""
    path = content / kind / f"{slug}.yml"
    schema = "example" if kind == "examples" else "tool"
    order = [info.alias or name for name, info in RECORD_DIRS[kind].model_fields.items()]
    text = dump_record({key: record[key] for key in order if key in record},
                       f"# yaml-language-server: $schema=../../schemas/{schema}.schema.json")
    with path.open("x", encoding="utf-8") as out:  # "x": never overwrite a record
        out.write(text)
    return path


def problems_of_new_record(content: Path, path: Path) -> tuple[list[Problem], list[Problem]]:
    """The whole base through the one validation core (titles and addresses are compared
    across records): the problems that concern the new record at ``path`` (its own, and those
    another file reports about it, « même titre que <path> », said on ``path``), then the
    others. The scaffold and the issue form's workflow (scripts/record_from_issue.py) both."""
    report = validate(content)
    shown = display_path(path)
    mine, others = [], []
    for problem in report.problems:
        if Path(problem.file).resolve() == path.resolve():
            mine.append(problem)
        elif shown in problem.message:
            mine.append(Problem(shown, problem.line, problem.field,
                                problem.message.replace(shown, problem.file), problem.severity))
        else:
            others.append(problem)
    return mine, others


def run(kind: str, argv: list[str] | None = None, content: Path | None = None) -> int:
    """The command line of scripts/new_example.py (kind "examples") and new_tool.py ("tools")."""
    root = Path(__file__).resolve().parents[2]
    what = "un exemple" if kind == "examples" else "un outil"
    task = "new-example" if kind == "examples" else "new-tool"
    parser = FrenchArgumentParser(
        prog=f"bash scripts/task {task}",
        description=f"Crée la fiche d'{what} et la vérifie. Sans option, pose les questions une "
        "à une ; avec des options, n'en pose aucune. Une valeur de liste peut s'écrire par son "
        "identifiant ou son nom ; les valeurs permises sont dans le tableau des champs de "
        "CONTRIBUTING.md, et une valeur refusée est suivie de leur liste.")
    parser.add_argument("--content", type=Path, default=content or root / "content",
                        help="dossier du contenu (par défaut : content/)")
    parser.add_argument("--slug", help="nom du fichier, sans .yml (proposé sinon)")
    parser.add_argument("--description", help="le texte de la fiche")
    parser.add_argument("--source", action="append", default=[], metavar="TITRE|URL",
                        help="une source : titre et adresse web (facultative) séparés par « | », "
                             "une option par source")
    if kind == "examples":
        parser.add_argument("--titre", help="titre de l'exemple")
        parser.add_argument("--partenaire", action="append", default=[], metavar="NOM|TYPE|SITE",
                            help="un partenaire : nom, type et site web (facultatif) séparés par « | », "
                                 "une option par partenaire, au moins deux")
        parser.add_argument("--modele", help="modèle de partenariat (identifiant ou nom)")
        parser.add_argument("--territoire", help="« national » ou code ou nom de la région")
        parser.add_argument("--objectif", action="append", default=[],
                            help="un objectif partagé (une option par objectif), par exemple "
                                 "competences")
        parser.add_argument("--impact", action="append", default=[],
                            help="un impact constaté (une option par impact), par exemple "
                                 "confiance")
    else:
        parser.add_argument("--nom", help="nom de l'outil")
        parser.add_argument("--nature", help="nature de l'outil, par exemple guide")
        parser.add_argument("--public", action="append", default=[],
                            help="un public (une option par public), par exemple associations")
        parser.add_argument("--etape", action="append", default=[],
                            help="une étape de la démarche qu'il sert (une option par étape)")
        parser.add_argument("--levier", action="append", default=[],
                            help="un levier qu'il sert (une option par levier)")
        parser.add_argument("--acces", help="conditions d'accès, par exemple libre")
        parser.add_argument("--adresse", help="son adresse web (https://…)")
        parser.add_argument("--editeur", help="qui le publie")
    args = parser.parse_args(argv)
    if not (args.content / kind).is_dir():
        print(f"dossier introuvable : {display_path(args.content / kind)} (option --content : "
              "le dossier content/ du kit)", file=sys.stderr)
        return 2

    def ask(prompt: str) -> str | None:
        print(prompt, end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        return line if line else None  # end of input: no answer (never wait forever)

    given = vars(args)
    option_of = {"titre": "titre", "modele": "modele", "description": "description",
                 "territoire": "territoire", "objectifs": "objectif", "impacts": "impact",
                 "nom": "nom", "nature": "nature", "publics": "public", "etapes": "etape",
                 "leviers": "levier", "acces": "acces", "adresse": "adresse", "editeur": "editeur"}
    try:
        scaffold = Scaffold(args.content, kind, ask)
        scaffold.scripted = any(value not in (None, []) for key, value in given.items()
                                if key not in ("content", "slug"))
        if not scaffold.scripted:
            scaffold.say(f"Nouvelle fiche : {what}. Chaque réponse est vérifiée ; Ctrl-C pour "
                         "abandonner (rien n'est écrit avant la dernière question).\n")
        record: dict[str, Any] = {}
        refusals: list[str] = []

        def answer(key: str, ask: Callable[[], Any]) -> None:
            """Every option is checked, so that all its mistakes are said in one run."""
            try:
                value = ask()
            except Refused as refused:
                refusals.extend(refused.args)  # one message per problem
                return
            if value not in (None, []):
                record[key] = value

        questions = EXAMPLE_QUESTIONS if kind == "examples" else TOOL_QUESTIONS
        for question in questions:
            answer(question.key, partial(scaffold.ask_field, question,
                                         given.get(option_of[question.key])))
            if question.key == "titre":
                answer("partenaires", lambda: scaffold.ask_partners(args.partenaire))
        answer("sources", lambda: scaffold.ask_sources(args.source))
        if refusals:
            for refused in refusals:
                print_lines(f"refusé : {refused}", file=sys.stderr)
            return 1
        slug = scaffold.ask_slug(record, args.slug)
    except Refused as refused:
        print_lines(f"refusé : {refused}", file=sys.stderr)
        return 1
    except NoAnswer as missing:
        print_lines("", f"Réponse manquante pour « {missing} » : lancez la commande dans un terminal, ou "
              "donnez les valeurs en options (--help). Rien n'a été écrit.", file=sys.stderr)
        return 1
    path = scaffold.write(slug, record)
    problems, _ = problems_of_new_record(args.content, path)
    print_lines(*problems)
    if any(p.severity == "erreur" for p in problems):
        path.unlink()  # never leave an invalid record behind
        print("Rien n'a été écrit : corrigez ces réponses et relancez la commande.",
              file=sys.stderr)
        return 1
    print(f"Fiche écrite : {display_path(path)} (vérifiée : aucun problème).\n"
          f"Relisez-la et complétez-la dans un éditeur de texte ; pour voir sa page : bash "
          f"scripts/task serve, puis http://127.0.0.1:8000/{page_address(folder_page(kind, slug))} ; "
          "pour la proposer, "
          "voir CONTRIBUTING.md, « 3. Depuis votre ordinateur ».")
    return 0
