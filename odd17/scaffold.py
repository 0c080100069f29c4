"""Write a new example or tool record that already passes the validator.

Used by ``scripts/new_example.py`` and ``scripts/new_tool.py``. Each answer is checked with the
same models and vocabularies as the validator (so a bad answer gets the validator's French
message), the record is written with its schema line, then validated by the one validation core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from slugify import slugify

from .messages import french_message
from .models import SLUG_RE, Example, Partner, Source, Tool, allowed_ids
from .validation import RECORD_DIRS, display_path, validate
from .yamlfile import field_path


class _Dumper(yaml.SafeDumper):
    """No anchors/aliases (the validator refuses them), lists indented under their key."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class Refused(Exception):
    """An answer the models refuse; the message is the validator's."""


@dataclass(frozen=True)
class Question:
    key: str                     # the YAML key (French)
    prompt: str                  # what is asked, in French
    model: type[BaseModel]       # the model that holds the field
    many: bool = False           # a list: several answers, one per line, empty line to finish
    optional: bool = False


EXAMPLE_QUESTIONS = [
    Question("titre", "Titre de l'exemple", Example),
    Question("modele", "Modèle de partenariat", Example),
    Question("description", "Ce que font les partenaires ensemble (une ou quelques phrases)", Example),
    Question("territoire", "Territoire : « national » ou code de la région (vide si inconnu)",
             Example, optional=True),
    Question("objectifs", "Objectifs partagés (un par ligne, ligne vide pour finir)", Example,
             many=True, optional=True),
    Question("impacts", "Impacts (un par ligne, ligne vide pour finir)", Example, many=True,
             optional=True),
]
TOOL_QUESTIONS = [
    Question("nom", "Nom de l'outil", Tool),
    Question("nature", "Nature de l'outil", Tool),
    Question("description", "À quoi sert l'outil (une ou quelques phrases)", Tool),
    Question("publics", "Publics (un par ligne, ligne vide pour finir)", Tool, many=True),
    Question("acces", "Conditions d'accès", Tool),
    Question("adresse", "Adresse web de l'outil (vide si aucune)", Tool, optional=True),
    Question("editeur", "Éditeur (vide si inconnu)", Tool, optional=True),
]


class Scaffold:
    def __init__(self, content: Path, kind: str, ask: Callable[[str], str | None]) -> None:
        self.content = content
        self.kind = kind  # "examples" or "tools"
        self.ask = ask
        self.scripted = False  # True when the values come from command-line options
        report = validate(content)
        if report.kit is None:
            raise SystemExit("Le contenu existant a des problèmes : lancez d'abord "
                             "python scripts/validate.py et corrigez-les")
        self.kit = report.kit
        self.context = {"allowed": allowed_ids(self.kit.typology, self.kit.vocabularies)}

    # --- checking one answer with the models -------------------------------------------------

    def check(self, model: type[BaseModel], key: str, value: Any) -> Any:
        name, info = next((n, i) for n, i in model.model_fields.items() if (i.alias or n) == key)
        annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        adapter = TypeAdapter(annotation)
        try:
            return adapter.validate_python(value, context=self.context)
        except ValidationError as error:
            details = error.errors(include_url=False)[0]
            details["loc"] = (key, *details["loc"])
            raise Refused(f"{field_path(details['loc'])}: {french_message(details, model)}") from None

    def choices(self, model: type[BaseModel], key: str) -> str:
        """The allowed values of a field, shown with the question."""
        name = {"modele": "modeles", "objectifs": "objectifs", "impacts": "impacts",
                "territoire": "territoires", "nature": "natures_outils", "publics": "publics",
                "acces": "acces", "type": "types_partenaires"}.get(key)
        if name is None:
            return ""
        return "\n".join(f"    {term_id} : {label}"
                         for term_id, label in self.context["allowed"][name].items())

    # --- asking ------------------------------------------------------------------------------

    def _read(self, prompt: str) -> str:
        answer = self.ask(prompt)
        if answer is None:
            raise SystemExit(f"\nRéponse manquante pour « {prompt.strip(' :')} » : lancez le script "
                             "dans un terminal, ou donnez la valeur en option (--help).")
        return answer.strip()

    def ask_field(self, question: Question, given: Any = None) -> Any:
        """The answer to one question: the option's value if given, else asked until valid."""
        if given not in (None, []):
            return self.check(question.model, question.key, given)  # Refused → caller exits
        if self.scripted:  # values come from options: nothing is asked
            if question.optional:
                return None
            raise Refused(f"{question.key}: champ obligatoire manquant (option --{question.key})")
        choices = self.choices(question.model, question.key)
        while True:
            header = f"{question.prompt}" + (f"\n  valeurs permises :\n{choices}" if choices else "")
            if question.many:
                print(header, file=sys.stderr)
                values = []
                while answer := self._read("  - "):
                    values.append(answer)
                value: Any = values
            else:
                value = self._read(f"{header}\n> ")
            if question.optional and value in ("", []):
                return None
            try:
                return self.check(question.model, question.key, value)
            except Refused as refused:
                print(f"  refusé : {refused}", file=sys.stderr)

    def ask_partners(self, given: list[str]) -> list[dict[str, str]]:
        partners = []
        for spec in given:
            name, _, rest = spec.partition("|")
            kind, _, website = rest.partition("|")
            partner = {"nom": name.strip(), "type": kind.strip()}
            if website.strip():
                partner["site_web"] = website.strip()
            self.check(Example, "partenaires", [partner, {"nom": "x", "type": partner["type"]}])
            partners.append(partner)
        while len(partners) < 2 or (not given and self._more_partners()):
            if self.scripted:
                raise Refused("partenaires: il faut au moins 2 éléments (option --partenaire "
                              "\"NOM|TYPE|SITE\", une fois par partenaire)")
            print(f"Partenaire n° {len(partners) + 1}", file=sys.stderr)
            partner = {"nom": self.ask_field(Question("nom", "  Nom de l'organisation", Partner)),
                       "type": self.ask_field(Question("type", "  Type d'organisation", Partner))}
            website = self.ask_field(Question("site_web", "  Site web (vide si aucun)", Partner,
                                              optional=True))
            if website:
                partner["site_web"] = website
            partners.append(partner)
        return partners

    def _more_partners(self) -> bool:
        return self._read("Ajouter un autre partenaire ? (o/N) ").lower() in ("o", "oui")

    def ask_sources(self, given: list[str]) -> list[dict[str, str]]:
        sources = []
        for spec in given:
            title, _, url = spec.partition("|")
            source = {"titre": title.strip()} | ({"url": url.strip()} if url.strip() else {})
            self.check(self._record_model(), "sources", [source])
            sources.append(source)
        if not sources and self.scripted:
            raise Refused("sources: champ obligatoire manquant (option --source \"TITRE|URL\")")
        if not sources:
            title = self.ask_field(Question("titre", "Source des informations (titre du document)",
                                            Source))
            url = self.ask_field(Question("url", "Adresse de la source (vide si aucune)", Source,
                                          optional=True))
            sources.append({"titre": title} | ({"url": url} if url else {}))
        return sources

    def _record_model(self) -> type[BaseModel]:
        return RECORD_DIRS[self.kind]

    def ask_slug(self, title: str, given: str | None) -> str:
        proposal = given or slugify(title, max_length=80, word_boundary=True)
        if self.scripted:
            given = proposal
        while True:
            slug = given or self._read(f"Nom du fichier (adresse de la page) [{proposal}] : ") or proposal
            problem = self.slug_problem(slug)
            if problem is None:
                return slug
            if given:
                raise Refused(problem)
            print(f"  refusé : {problem}", file=sys.stderr)

    def slug_problem(self, slug: str) -> str | None:
        if not SLUG_RE.match(slug) or len(slug) > 80:
            return (f"'{slug}' : minuscules sans accents, chiffres et tirets seulement, "
                    "80 caractères au plus")
        records = self.kit.examples if self.kind == "examples" else self.kit.tools
        taken = set(records) | {f for r in records.values() for f in r.former_slugs}
        if slug in taken or (self.content / self.kind / f"{slug}.yml").exists():
            return f"'{slug}' existe déjà : choisissez un autre nom"
        return None

    # --- writing ------------------------------------------------------------------------------

    def write(self, slug: str, record: dict[str, Any]) -> Path:
        path = self.content / self.kind / f"{slug}.yml"
        schema = "example" if self.kind == "examples" else "tool"
        today = dt.date.today()
        record = record | {"ajoute_le": today, "verifie_le": today}
        text = (f"# yaml-language-server: $schema=../../schemas/{schema}.schema.json\n"
                + yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100))
        with path.open("x", encoding="utf-8") as out:  # "x": never overwrite a record
            out.write(text)
        return path


def run(kind: str, argv: list[str] | None = None, content: Path | None = None) -> int:
    """The command line of scripts/new_example.py (kind "examples") and new_tool.py ("tools")."""
    root = Path(__file__).resolve().parent.parent
    what = "un exemple" if kind == "examples" else "un outil"
    parser = argparse.ArgumentParser(description=f"Crée la fiche d'{what} et la vérifie. Sans "
                                     "option, pose les questions une à une.")
    parser.add_argument("--content", type=Path, default=content or root / "content")
    parser.add_argument("--slug", help="nom du fichier, sans .yml (proposé d'après le titre)")
    parser.add_argument("--description")
    parser.add_argument("--source", action="append", default=[], metavar="TITRE|URL")
    if kind == "examples":
        parser.add_argument("--titre")
        parser.add_argument("--partenaire", action="append", default=[], metavar="NOM|TYPE|SITE")
        parser.add_argument("--modele")
        parser.add_argument("--territoire")
        parser.add_argument("--objectif", action="append", default=[])
        parser.add_argument("--impact", action="append", default=[])
    else:
        parser.add_argument("--nom")
        parser.add_argument("--nature")
        parser.add_argument("--public", action="append", default=[])
        parser.add_argument("--acces")
        parser.add_argument("--adresse")
        parser.add_argument("--editeur")
    args = parser.parse_args(argv)

    def ask(prompt: str) -> str | None:
        print(prompt, end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        return line if line else None  # end of input: no answer (never wait forever)

    scaffold = Scaffold(args.content, kind, ask)
    given = vars(args)
    scaffold.scripted = any(value not in (None, []) for key, value in given.items()
                            if key not in ("content", "slug"))
    option_of = {"titre": "titre", "modele": "modele", "description": "description",
                 "territoire": "territoire", "objectifs": "objectif", "impacts": "impact",
                 "nom": "nom", "nature": "nature", "publics": "public", "acces": "acces",
                 "adresse": "adresse", "editeur": "editeur"}
    try:
        record: dict[str, Any] = {}
        questions = EXAMPLE_QUESTIONS if kind == "examples" else TOOL_QUESTIONS
        for question in questions:
            value = scaffold.ask_field(question, given.get(option_of[question.key]))
            if value not in (None, []):
                record[question.key] = value
            if question.key in ("titre", "nom") and kind == "examples":
                record["partenaires"] = scaffold.ask_partners(args.partenaire)
        record["sources"] = scaffold.ask_sources(args.source)
        title = record.get("titre") or record["nom"]
        slug = scaffold.ask_slug(title, args.slug)
    except Refused as refused:
        print(f"refusé : {refused}", file=sys.stderr)
        return 1
    # Field order of the models, so every record reads the same way.
    order = [info.alias or name for name, info in RECORD_DIRS[kind].model_fields.items()]
    path = scaffold.write(slug, {key: record[key] for key in order if key in record})
    report = validate(args.content, [path])
    for problem in report.problems:
        print(problem)
    if report.errors:
        return 1
    print(f"Fiche écrite : {display_path(path)} (vérifiée : aucun problème). Relisez-la, "
          "complétez-la si besoin, puis proposez-la (voir CONTRIBUTING.md).")
    return 0
