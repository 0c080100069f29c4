"""The GitHub issue forms « Proposer un exemple / un outil » and the record made from an answer.

Most contributors never edit YAML: they fill a form on GitHub. This module

- generates the forms (.github/ISSUE_TEMPLATE/*.yml) from the models and the typology and
  vocabularies data: every model by name with its category and definition, the partner types,
  regions, objectives, impacts… (``python scripts/update_contributing.py`` rewrites them and a
  test fails when they are stale);
- reads the issue's body as GitHub renders it (``### Label``, the answer, ``_No response_``,
  ``- [X]`` checkboxes) back into a record, the partners and sources written one per line;
- says every problem in the form's words (« Partenaires », ligne 2 : …), never with YAML keys.

The record is then written by ``odd17.contribute.record_writer`` and validated by the one validation core
(``scripts/record_from_issue.py``). The body is data from a stranger: it is parsed as text,
never evaluated, and its text reaches the record only through the models.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from odd17.content.addresses import folder_page, page_address
from odd17.content.kinds import KINDS
from odd17.content.kit import Kit
from odd17.content.messages import french_message
from odd17.content.models import Example, Term, Tool, allowed_ids
from odd17.content.problems import Problem, shown_value
from odd17.content.suggestions import close_values
from odd17.content.typography import after_colon, french_text
from odd17.content.yamlfile import field_path
from odd17.contribute.scaffold import (
    MODELS,
    PARTNER_TYPES,
    facet_of,
    fold,
    model_suggestions,
    vocabulary_of,
    vocabulary_terms,
)

NO_RESPONSE = "_No response_"
FORM_FILES = {kind.folder: kind.form_file for kind in KINDS}
FORM_LABELS = {kind.folder: kind.form_label for kind in KINDS}  # the issues' labels
GENERATED = ("# Généré par scripts/update_contributing.py à partir des modèles (odd17/content/models.py) et "
             "de content/typology.yml et content/vocabularies.yml :\n# ne pas modifier à la main, "
             "relancer python3 scripts/update_contributing.py.\n")

# The review list of CONTRIBUTING.md, ticked in the form.
CHECKLIST = [
    ("Sources", "chaque information se trouve dans une source citée ; rien n'est supposé ni "
                "inventé, une question sans réponse dans les sources est laissée vide."),
    ("Accord des partenaires", "les organisations nommées sont d'accord pour figurer dans la "
                               "base, ou l'exemple est déjà public dans la source citée."),
    ("Pas de données personnelles", "aucun nom de personne, courriel ou téléphone personnel : "
                                    "on nomme des organisations."),
]
CHECKLIST_LABEL = "Liste de relecture"
# The body is a stranger's text of up to 65,536 characters: every pattern below is tried only
# where a run of spaces starts (the look-behind), so that it reads a line in linear time; the
# rest of the reading is plain string operations (tests/test_hostile.py times hostile bodies).
LINE_SEPARATORS = re.compile(r"(?<!\s)(?:\s+[—–-]\s+|\s*[|;\t]\s*)")


@dataclass(frozen=True)
class FormField:
    """One question of a form: the record's key it fills and how the form asks it."""

    key: str                    # the record's YAML key ("" for the review list)
    label: str                  # the form's label: the heading of the answer in the issue body
    kind: str                   # input | textarea | dropdown | checkboxes
    help: str = ""
    required: bool = False
    vocabulary: str | None = None
    multiple: bool = False
    placeholder: str = ""
    one_per_line: bool = False  # partners, sources: a list written one item per line


@dataclass
class FormProblem:
    """A problem in the form's words: the label, the line of a multi-line answer, the message."""

    label: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"« {french_text(self.label)} »" + (f", ligne {self.line}" if self.line else "")
        return f"{where} : {self.message}"


@dataclass
class Answer:
    """A form's answers made into a record (or the problems that prevent it)."""

    kind: str
    record: dict[str, Any] = field(default_factory=dict)
    problems: list[FormProblem] = field(default_factory=list)
    # (key, index in the list) → line of the answer, for partners and sources
    lines: dict[tuple[str, int], int] = field(default_factory=dict)


def _required(model: type[BaseModel], key: str) -> bool:
    return next(info.is_required() for name, info in model.model_fields.items()
                if (info.alias or name) == key)


def _labels(terms: list[Term]) -> str:
    return ", ".join(term.name for term in terms)


def _described(kit: Kit, vocabulary: str) -> str:
    """A vocabulary's terms with their descriptions, as a Markdown list (a field's help)."""
    return "\n".join(f"- **{t.name}** : {after_colon(' '.join(getattr(t, 'description', '').split()))}"
                     for t in vocabulary_terms(kit, vocabulary))


# --- The questions --------------------------------------------------------------------------------

def _choice(record: type[BaseModel], key: str, label: str, **kwargs: Any) -> FormField:
    """A dropdown: its values, and whether several may be chosen, come from the field's facet
    (odd17/content/facets.py), whether it is required from the model."""
    facet = facet_of(record, key)
    return FormField(key, label, "dropdown", vocabulary=facet.vocabulary, multiple=facet.is_list,
                     required=_required(record, key), **kwargs)


def example_fields(kit: Kit) -> list[FormField]:
    types = _labels(vocabulary_terms(kit, PARTNER_TYPES))
    objectives = _described(kit, vocabulary_of(Example, "objectifs"))
    impacts = _described(kit, vocabulary_of(Example, "impacts"))
    return [
        FormField("titre", "Titre de l'exemple", "input", required=_required(Example, "titre"),
                  help="Un titre qui dit qui fait quoi ensemble (150 caractères au plus).",
                  placeholder="L'association des Jardins et l'entreprise Dupont : un potager "
                              "d'insertion"),
        FormField("partenaires", "Partenaires", "textarea", one_per_line=True,
                  required=_required(Example, "partenaires"),
                  help=("Au moins deux organisations, **une par ligne** : le nom, un tiret, "
                        f"le type d'organisation ({types}), et si vous voulez un tiret et "
                        "l'adresse de son site web, qui commence par https://."),
                  placeholder="Association des Jardins — Association — https://jardins.example.org"
                              "\nEntreprise Dupont — Entreprise"),
        _choice(Example, "modele", "Modèle de partenariat",
                help=("Le modèle de la typologie du kit méthodologique (9 modèles en 4 "
                      "catégories) dont la définition correspond le mieux à l'alliance.")),
        FormField("description", "Ce que font les partenaires ensemble", "textarea",
                  required=_required(Example, "description"),
                  help=("En quelques phrases : le besoin de départ, ce que chacun apporte, ce "
                        "que le partenariat a produit. Seulement ce que disent vos sources."),
                  placeholder="Les salariés de l'entreprise Dupont aident l'association à…"),
        _choice(Example, "territoire", "Territoire",
                help="National, ou la région où se passe l'alliance. Laissez vide si vos "
                     "sources ne le disent pas."),
        _choice(Example, "objectifs", "Objectifs partagés",
                help=("Les objectifs que les partenaires poursuivent ensemble (le « carré "
                      f"magique »), si vos sources les disent :\n{objectives}")),
        _choice(Example, "impacts", "Impacts constatés",
                help=f"Les impacts que vos sources constatent :\n{impacts}"),
        FormField("sources", "Sources", "textarea", one_per_line=True,
                  required=_required(Example, "sources"),
                  help=("D'où viennent ces informations (rapport, article, page des "
                        "partenaires…), **une par ligne** : le titre, puis un tiret et "
                        "l'adresse web si elle existe (https://…)."),
                  placeholder="Rapport d'activité 2024 de l'association des Jardins — "
                              "https://jardins.example.org/rapport-2024"),
        FormField("", CHECKLIST_LABEL, "checkboxes", required=True,
                  help="Cochez chaque point (voir CONTRIBUTING.md, « Liste de relecture »)."),
    ]


def tool_fields(kit: Kit) -> list[FormField]:
    return [
        FormField("nom", "Nom de l'outil", "input", required=_required(Tool, "nom"),
                  help="Son nom tel que l'éditeur l'écrit (150 caractères au plus)."),
        _choice(Tool, "nature", "Nature de l'outil"),
        FormField("description", "À quoi sert l'outil", "textarea",
                  required=_required(Tool, "description"),
                  help="Pour qui, pour quoi faire, en deux ou trois phrases."),
        _choice(Tool, "publics", "Publics", help="À qui il s'adresse."),
        _choice(Tool, "etapes", "Étapes de la démarche",
                help="Les étapes de la démarche en 3 étapes qu'il sert, s'il en sert."),
        _choice(Tool, "leviers", "Leviers",
                help="Les leviers d'un projet innovant qu'il sert, s'il en sert."),
        _choice(Tool, "acces", "Conditions d'accès"),
        FormField("adresse", "Adresse web de l'outil", "input", required=_required(Tool, "adresse"),
                  help="Si l'outil en a une : https://…", placeholder="https://"),
        FormField("editeur", "Éditeur", "input", required=_required(Tool, "editeur"),
                  help="Qui le publie, si vos sources le disent."),
        FormField("sources", "Sources", "textarea", one_per_line=True,
                  required=_required(Tool, "sources"),
                  help=("D'où viennent ces informations, **une par ligne** : le titre, puis un "
                        "tiret et l'adresse web si elle existe (https://…).")),
        FormField("", CHECKLIST_LABEL, "checkboxes", required=True,
                  help="Cochez chaque point (voir CONTRIBUTING.md, « Liste de relecture »)."),
    ]


def fields_of(kit: Kit, kind: str) -> list[FormField]:
    return example_fields(kit) if kind == "examples" else tool_fields(kit)


def options(kit: Kit, vocabulary: str) -> list[tuple[str, str]]:
    """A dropdown's choices: (text shown, id). A model shows its category and its definition."""
    if vocabulary == MODELS:
        out = []
        for category in kit.typology.categories:
            for model in kit.models_of(category.id):
                definition = after_colon(" ".join(model.definition.split()))
                out.append((french_text(f"{model.name} ({category.name}) : {definition}"),
                            model.id))
        return out
    return [(french_text(term.name), term.id) for term in vocabulary_terms(kit, vocabulary)]


# --- The forms (.github/ISSUE_TEMPLATE/) ----------------------------------------------------------

def form(kit: Kit, kind: str) -> dict[str, Any]:
    """The issue form as GitHub's schema wants it."""
    what = "un exemple" if kind == "examples" else "un outil"
    intro = (
        f"Merci de proposer {what} pour le kit « L'ODD 17 en pratique » ! Remplissez ce "
        "formulaire avec ce que disent vos sources : pas besoin de connaître Git ni YAML.\n\n"
        "Quand vous cliquez sur **Create** (ou **Submit new issue**), une vérification "
        "automatique transforme vos réponses en fiche et répond ici, en français, en quelques "
        "minutes : soit le lien vers la demande de fusion (pull request) avec un aperçu de la "
        "page, soit les réponses à corriger. Pour corriger, modifiez ce ticket (menu **…** puis "
        "**Edit**, en gardant les lignes qui commencent par `###`) : la vérification se "
        "relance.")
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": intro}}]
    for question in fields_of(kit, kind):
        attributes: dict[str, Any] = {"label": question.label}
        if question.help:
            attributes["description"] = question.help
        if question.kind == "dropdown":
            assert question.vocabulary is not None
            attributes["multiple"] = question.multiple
            attributes["options"] = [text for text, _ in options(kit, question.vocabulary)]
        elif question.kind == "checkboxes":
            attributes["options"] = [{"label": f"**{name}** : {text}", "required": True}
                                     for name, text in CHECKLIST]
        elif question.placeholder:
            attributes["placeholder"] = question.placeholder
        item: dict[str, Any] = {"type": question.kind}
        if question.key:
            item["id"] = question.key
        else:
            item["id"] = "relecture"
        item["attributes"] = attributes
        if question.kind != "checkboxes":
            item["validations"] = {"required": question.required}
        body.append(item)
    return _typeset({
        "name": f"Proposer {what}",
        "description": (f"Ajouter {what} au kit, sans rien installer : vos réponses deviennent "
                        "une fiche, vérifiée et prévisualisée automatiquement."),
        "title": "Nouvel exemple : " if kind == "examples" else "Nouvel outil : ",
        "labels": [FORM_LABELS[kind]],
        "body": body,
    })


def _typeset(value: Any, key: str = "") -> Any:
    """French typography (odd17/content/typography.py) on every text a contributor reads in the form;
    ids, types and the issues' labels (the workflow's trigger) stay as they are."""
    if isinstance(value, dict):
        return {k: _typeset(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_typeset(v, key) for v in value]
    if isinstance(value, str) and key not in ("id", "type", "labels"):
        return french_text(value)
    return value


def form_text(kit: Kit, kind: str) -> str:
    return GENERATED + yaml.safe_dump(form(kit, kind), allow_unicode=True, sort_keys=False,
                                      width=100)


def config_text() -> str:
    """.github/ISSUE_TEMPLATE/config.yml: the forms first, free issues still possible."""
    return GENERATED + yaml.safe_dump({"blank_issues_enabled": True}, sort_keys=False)


def generated_files(kit: Kit) -> dict[str, str]:
    """Path in the repository → text, for every file of .github/ISSUE_TEMPLATE/."""
    files = {f".github/ISSUE_TEMPLATE/{name}": form_text(kit, kind)
             for kind, name in FORM_FILES.items()}
    files[".github/ISSUE_TEMPLATE/config.yml"] = config_text()
    return files


# --- Reading an issue's body ----------------------------------------------------------------------

def kind_of(body: str, kit: Kit) -> str | None:
    """Which form the body answers: the one whose labels head its sections."""
    # Line by line, no regular expression over the body: linear whatever the body holds.
    headings = {fold(line[4:].strip()) for line in _normalise(body).split("\n")
                if line.startswith("### ")}
    best = max(FORM_FILES, key=lambda kind: len(headings & {fold(f.label)
                                                            for f in fields_of(kit, kind)}))
    first = {fold(fields_of(kit, k)[0].label) for k in FORM_FILES}
    return best if headings & first else None


def _normalise(body: str) -> str:
    return body.replace("\r\n", "\n").replace("\r", "\n")


def parse_body(body: str, fields: list[FormField]) -> dict[str, str | None]:
    """The answer under each label (None when GitHub wrote « _No response_ » or it is missing)."""
    text = _normalise(body)
    labels = {fold(f.label): f.label for f in fields}  # typographic or straight apostrophes
    answers: dict[str, str | None] = {}
    current: str | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None and current not in answers:
            value = "\n".join(lines).strip("\n")
            answers[current] = None if value.strip() in ("", NO_RESPONSE) else value

    for line in text.split("\n"):
        heading = labels.get(fold(line[4:])) if line.startswith("### ") else None
        if heading is not None:
            close()
            current, lines = heading, []
        elif current is not None:
            lines.append(line)
    close()
    return answers


def _resolve(kit: Kit, vocabulary: str, text: str) -> str | None:
    """An option's text, a term's name or id (any case, accents optional) → the id."""
    text = text.strip()
    folded = fold(text)
    return _choices(kit, vocabulary).get(folded) if folded else None


_CHOICES: dict[tuple[int, str], tuple[Kit, dict[str, str]]] = {}


def _choices(kit: Kit, vocabulary: str) -> dict[str, str]:
    """Folded text → id, for every way of naming a choice: the option as shown (apostrophes,
    spaces aside), the term's name or id, a model's name without its definition (« Engagement
    actif (Mécénat) »); earlier ways win. Made once per kit and vocabulary: a 65,536-character
    answer is thousands of look-ups."""
    cached = _CHOICES.get((id(kit), vocabulary))
    if cached is not None and cached[0] is kit:
        return cached[1]
    found: dict[str, str] = {}
    shown = options(kit, vocabulary)
    for text, term_id in shown:
        found.setdefault(fold(text), term_id)
    for term in vocabulary_terms(kit, vocabulary):
        found.setdefault(fold(term.name), term.id)
        found.setdefault(fold(term.id), term.id)
    if vocabulary == MODELS:
        for text, term_id in shown:
            found.setdefault(fold(_option_name(text)), term_id)
    found.pop("", None)
    if len(_CHOICES) > 32:  # kits built by tests: keep the cache small
        _CHOICES.clear()
    _CHOICES[(id(kit), vocabulary)] = (kit, found)
    return found


def _option_name(shown: str) -> str:
    """A model's option without its definition: « Engagement actif (Mécénat) »."""
    return re.split(r"\s:", shown)[0]


def _several(kit: Kit, vocabulary: str, text: str) -> tuple[list[str], list[str]]:
    """A multiple dropdown's answer (« A, B ») → ids, and the parts no option matches.

    Options may hold commas: parts are joined back while no option matches them alone.
    """
    ids: list[str] = []
    unknown: list[str] = []
    parts = [p for p in re.split(r",\s*", text.strip()) if p.strip()]
    # An option spans at most as many parts as the longest option has: only those are joined
    # (trying every sub-range of a 1,200-part answer took minutes).
    span = max((len(re.split(r",\s*", shown)) for shown, _ in options(kit, vocabulary)),
               default=1)
    i = 0
    while i < len(parts):
        for j in range(min(len(parts), i + span), i, -1):
            term_id = _resolve(kit, vocabulary, ", ".join(parts[i:j]))
            if term_id is not None:
                if term_id not in ids:
                    ids.append(term_id)
                i = j
                break
        else:
            unknown.append(parts[i])
            i += 1
    return ids, unknown


def _close_options(kit: Kit, vocabulary: str, text: str) -> list[str]:
    """The choices a hand-written answer may mean (« Région Bretagne », « Bretagn »,
    « Reunion » → « Bretagne », « La Réunion »): the validator's suggestion
    (``odd17.content.suggestions``), by the choices' names."""
    terms = {term.id: term.name for term in vocabulary_terms(kit, vocabulary)}
    return [french_text(terms[term_id]) for term_id in close_values(terms, text)]


def _lines(text: str) -> list[tuple[int, str]]:
    """The non-empty lines of a one-per-line answer, numbered as the contributor sees them;
    list marks (« - », « * », « 1. ») are dropped."""
    out = []
    for n, line in enumerate(text.split("\n"), 1):
        line = re.sub(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+", "", line).strip()
        if line:
            out.append((n, line))
    return out


def _split_url(line: str) -> tuple[str, str | None]:
    """« Titre — https://… » → (« Titre », « https://… »)."""
    words = line.rstrip().rsplit(None, 1)  # the last word: an address has no space
    last = words[-1] if words else ""
    scheme, found, after = last.partition("://")
    if not ((scheme and found and after) or last.startswith("www.")):
        return line, None
    rest = words[0].rstrip() if len(words) > 1 else ""
    if rest[-1:] in ("—", "–", ":", "|", ";", ",", "-"):  # the separator before the address
        rest = rest[:-1]
    rest = rest.strip()
    # « (https://…) », « <https://…> », « https://…. »: the signs around are not the address.
    url = last.rstrip(".,;")
    if url[:1] in "(<[" and url[-1:] in ")>]":
        url = url[1:-1]
    return rest, url


def parse_partner(kit: Kit, line: str) -> tuple[str, str | None, str | None]:
    """« Nom — type — site » → (name, type id or None, website). The type is the last part that
    names a partner type, so names holding dashes (« Toyota - CPIE ») stay whole."""
    rest, website = _split_url(line)
    separators = list(LINE_SEPARATORS.finditer(rest))
    if separators:
        last = separators[-1]
        kind = _resolve(kit, PARTNER_TYPES, rest[last.end():])
        if kind is not None:
            name = rest[: last.start()].strip()
            if website is None:  # « Nom — https://… — Type »: the address is not in the name
                name, website = _split_url(name)
            return name, kind, website
        if website is None and len(separators) > 1:
            # « Nom — Association — jardins.example.org »: the third part is the website the
            # form asks for, even without https:// (the validator then says what to write).
            before = separators[-2]
            kind = _resolve(kit, PARTNER_TYPES, rest[before.end():last.start()])
            if kind is not None:
                return rest[: before.start()].strip(), kind, rest[last.end():].strip()
        return rest.strip(), None, website
    # « Nom (type) » or « Nom, type »: the type follows the last « ( » or « , ».
    inner = rest[:-1] if rest.endswith(")") else rest
    cut = max(inner.rfind("("), inner.rfind(","))
    typed = inner[cut + 1:]
    if cut > 0 and not any(c in typed for c in "(),") and rest[:cut].strip() and (
            kind := _resolve(kit, PARTNER_TYPES, typed)):
        return rest[:cut].strip(), kind, website
    return rest.strip(), None, website


def _type_hint(kit: Kit, line: str) -> str:
    """« ; vouliez-vous dire « Entreprise » ? » for a mistyped type at the end of a line."""
    rest, _ = _split_url(line)
    separators = list(LINE_SEPARATORS.finditer(rest))
    if not separators:
        return ""
    names = _close_options(kit, PARTNER_TYPES, rest[separators[-1].end():])
    return f" ; vouliez-vous dire « {names[0]} » ?" if names else ""


def _what_to_answer(kit: Kit, question: FormField) -> str:
    """« réponse obligatoire », with what the question asks: a newcomer knows what to write."""
    if question.kind == "dropdown" and question.vocabulary:
        choices = ", ".join(f"« {_option_name(shown)} »"
                            for shown, _ in options(kit, question.vocabulary))
        return f"réponse obligatoire : choisissez un des choix ({choices})"
    asked = question.help.replace("**", "").strip()
    return f"réponse obligatoire. {asked}" if asked else "réponse obligatoire"


# A stranger's answer can hold thousands of wrong parts or lines: the first ones are said one by
# one, the rest counted (the reply must stay under GitHub's 65,536 characters, and be read).
SAID_PER_ANSWER = 10


def _and_more(label: str, count: int, one: str, many: str) -> FormProblem:
    """« et 1 234 autres lignes… »: the problems of an answer beyond the first ones, counted."""
    said = one if count == 1 else f"{count:,}".replace(",", "\u202f") + " " + many
    return FormProblem(label, f"et {said} (corrigez d’abord les précédentes)")


def answers_to_record(kit: Kit, kind: str, body: str, today: dt.date) -> Answer:
    """The record an issue's body describes, or the problems, in the form's words."""
    fields = fields_of(kit, kind)
    raw = parse_body(body, fields)
    answer = Answer(kind)
    record = answer.record
    problems = answer.problems
    types = _labels(vocabulary_terms(kit, PARTNER_TYPES))
    for question in fields:
        value = raw.get(question.label)
        if question.kind == "checkboxes":
            ticked = {fold(m) for m in re.findall(r"^\s*- \[[xX]\] (.+)$", value or "", re.M)}
            for name, text in CHECKLIST:
                if fold(f"**{name}** : {text}") not in ticked:
                    problems.append(FormProblem(question.label, f"cochez « {name} » après "
                                                "l'avoir vérifié"))
            continue
        if value is None:
            if question.required:
                problems.append(FormProblem(question.label, _what_to_answer(kit, question)))
            continue
        if question.kind == "input":
            record[question.key] = " ".join(value.split())  # one line, whatever the body holds
        elif question.kind == "dropdown":
            assert question.vocabulary is not None
            if question.multiple:
                ids, unknown = _several(kit, question.vocabulary, value)
                if ids:
                    record[question.key] = ids
            else:
                term_id = _resolve(kit, question.vocabulary, value)
                ids, unknown = ([term_id], []) if term_id else ([], [value])
                if term_id:
                    record[question.key] = term_id
            unknown = list(dict.fromkeys(" ".join(text.split()) for text in unknown))
            for text in unknown[:SAID_PER_ANSWER]:
                if question.vocabulary == MODELS:
                    names = [m.name for m in model_suggestions(kit, text)]
                else:
                    names = _close_options(kit, question.vocabulary, text)
                hint = " ; vouliez-vous dire « " + " » ou « ".join(names) + " » ?" if names else ""
                choices = ", ".join(f"« {_option_name(shown)} »"
                                    for shown, _ in options(kit, question.vocabulary))
                problems.append(FormProblem(question.label, f"« {shown_value(text)} » n'est pas "
                                            f"un des choix ({choices}){hint}"))
            if len(unknown) > SAID_PER_ANSWER:
                problems.append(_and_more(
                    question.label, len(unknown) - SAID_PER_ANSWER,
                    "une autre réponse qui n’est pas un des choix",
                    "autres réponses qui ne sont pas des choix"))
        elif question.key == "partenaires":
            partners = []
            untyped = 0
            for n, line in _lines(value):
                name, partner_type, website = parse_partner(kit, line)
                if partner_type is None:
                    untyped += 1
                    if untyped <= SAID_PER_ANSWER:
                        problems.append(FormProblem(
                            question.label, f"type d'organisation manquant ou inconnu dans "
                            f"« {shown_value(line)} » : écrivez le nom, un tiret puis le type "
                            f"({types})" + _type_hint(kit, line), n))
                    continue
                partner = {"nom": name, "type": partner_type}
                if website:
                    partner["site_web"] = website
                partners.append((n, partner))
            if untyped > SAID_PER_ANSWER:
                problems.append(_and_more(
                    question.label, untyped - SAID_PER_ANSWER,
                    "une autre ligne sans type d’organisation reconnu",
                    "autres lignes sans type d’organisation reconnu"))
            if len(partners) + untyped < 2:
                problems.append(FormProblem(question.label, "il faut au moins deux "
                                            "partenaires, un par ligne"))
            record[question.key] = [p for _, p in partners]
            answer.lines |= {("partenaires", i): n for i, (n, _) in enumerate(partners)}
        elif question.key == "sources":
            sources = []
            for n, line in _lines(value):
                title, url = _split_url(line)
                source = {"titre": title or (url or "")} | ({"url": url} if url else {})
                sources.append((n, source))
            record[question.key] = [s for _, s in sources]
            answer.lines |= {("sources", i): n for i, (n, _) in enumerate(sources)}
        else:  # a text of several lines: paragraphs kept, spaces tidied
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", value)]
            record[question.key] = "\n".join(p for p in paragraphs if p)
    record["ajoute_le"] = today
    record["verifie_le"] = today
    return answer


# --- Problems of the validator, in the form's words -----------------------------------------------

def form_problem(kit: Kit, kind: str, answer: Answer, problem: Problem) -> FormProblem:
    """A validator problem on the written record → the same problem named by the form's label."""
    fields = {f.key: f for f in fields_of(kit, kind) if f.key}
    path = re.findall(r"[^.\[\]]+", problem.field)
    key = path[0] if path else ""
    question = fields.get(key)
    if question is None:  # a field the form does not ask (dates): named as the record names it
        return FormProblem(problem.field or "fiche", problem.message)
    line = None
    if question.one_per_line and len(path) > 1 and path[1].isdigit():
        line = answer.lines.get((key, int(path[1])))
    return FormProblem(question.label, problem.message, line)


def check(kit: Kit, kind: str, answer: Answer) -> list[FormProblem]:
    """Validate the record with the models (all problems), in the form's words: used before
    writing so that nothing invalid is written; the written file is then validated again by
    the validation core."""
    model = Example if kind == "examples" else Tool
    context = {"allowed": allowed_ids(kit.typology, kit.vocabularies)}
    try:
        model.model_validate(answer.record, context=context)
    except ValidationError as error:
        out = []
        for details in error.errors(include_url=False):
            loc = tuple(details["loc"])
            if loc and loc[0] in {f.key for f in fields_of(kit, kind) if f.one_per_line} and \
                    details["type"] == "missing" and len(loc) == 1:
                continue  # already said by the form's own check
            problem = Problem("", 0, field_path(loc), french_message(details, model))
            out.append(form_problem(kit, kind, answer, problem))
        return out
    return []


# --- The preview: the record's facts as its page shows them, as safe Markdown ---------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&\"'=:@$%^])")


def md_text(text: str, typeset: bool = True) -> str:
    """Record text as inert GitHub Markdown: punctuation escaped, no mention (@…), no
    reference (#…), no HTML, one line; in French typography as on the site (not addresses)."""
    text = " ".join(str(text).split())
    text = french_text(text) if typeset else text
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # GitHub links @names and #numbers after Markdown: a word joiner keeps them plain text.
    return text.replace("\\@", "\\@\u2060").replace("\\#", "\\#\u2060")


# GitHub refuses a comment over 65,536 characters (the reply and its fallback would both fail and
# the contributor would hear nothing); the workflow adds a few lines of its own.
REPLY_LIMIT = 60_000


def problem_list(problems: list[str], room: int) -> str:
    """The problems as a Markdown list of at most ``room`` characters: as many as fit, then
    how many more there are (the contributor corrects these first, the check then says the
    rest)."""
    items: list[str] = []
    used = 0
    for index, problem in enumerate(problems):
        item = f"- {md_text(problem)}"
        left = len(problems) - index
        if used + len(item) + 1 > room - (200 if left > 1 else 0):  # 200: room for the count
            more = "un autre problème" if left == 1 else (
                f"{left:,}".replace(",", "\u202f") + " autres problèmes")
            items.append(french_text(f"- … et {more} : corrigez d’abord ceux-ci, la "
                                     "vérification dira la suite."))
            break
        items.append(item)
        used += len(item) + 1
    return "\n".join(items)


def capped(reply: str, limit: int = REPLY_LIMIT) -> str:
    """A reply cut at a line, with a note, when it would be over ``limit`` characters."""
    if len(reply) <= limit:
        return reply
    note = french_text("\n\n… (réponse abrégée : elle dépassait la taille permise par GitHub)\n")
    return reply[: reply.rfind("\n", 0, limit - len(note))] + note


def preview(kit: Kit, kind: str, slug: str, record: dict[str, Any]) -> str:
    """What the record's page will say, for the comment on the issue (all record text escaped)."""
    lines: list[str] = []
    if kind == "examples":
        model = kit.model(record["modele"])
        category = kit.term("categories", model.category).name
        lines += [f"### {md_text(record['titre'])}", ""]
        lines += ["- **Partenaires** : " + " ; ".join(
            f"{md_text(p['nom'])} ({md_text(kit.label('types_partenaires', p['type']))}"
            + (f", {md_text(p['site_web'], typeset=False)}" if p.get("site_web") else "") + ")"
            for p in record["partenaires"])]
        lines += [f"- **Modèle** : {md_text(model.name)} (catégorie {md_text(category)})"]
        if record.get("territoire"):
            lines += [f"- **Territoire** : {md_text(kit.label('territoires', record['territoire']))}"]
        if record.get("objectifs"):
            lines += ["- **Objectifs partagés** : " + ", ".join(
                md_text(kit.label("objectifs", o)) for o in record["objectifs"])]
        if record.get("impacts"):
            lines += ["- **Impacts** : " + ", ".join(
                md_text(kit.label("impacts", i)) for i in record["impacts"])]
    else:
        lines += [f"### {md_text(record['nom'])}", ""]
        lines += [f"- **Nature** : {md_text(kit.label('natures_outils', record['nature']))}"]
        lines += ["- **Publics** : " + ", ".join(md_text(kit.label("publics", p))
                                                 for p in record["publics"])]
        lines += [f"- **Accès** : {md_text(kit.label('acces', record['acces']))}"]
        if record.get("editeur"):
            lines += [f"- **Éditeur** : {md_text(record['editeur'])}"]
        if record.get("adresse"):
            lines += [f"- **Adresse** : {md_text(record['adresse'])}"]
    lines += [""]
    for paragraph in record["description"].split("\n"):
        lines += [md_text(paragraph), ""]
    lines += ["**Sources**", ""]
    for source in record["sources"]:
        url = f" : {md_text(source['url'], typeset=False)}" if source.get("url") else ""
        lines += [f"- {md_text(source['titre'])}{url}"]
    lines += ["", f"Adresse de la page une fois publiée : `{page_address(folder_page(kind, slug))}`"]
    return "\n".join(lines) + "\n"
