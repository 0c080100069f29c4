"""Read one YAML file of the content safely, keeping the line of every field.

PyYAML's own loaders lose line numbers, silently keep the last of two duplicate keys, expand
aliases (the "billion laughs"), read ``no`` as a boolean and ``2024-02-30`` as a crash. This
module composes the node tree with PyYAML and builds the Python values itself, so that every
problem becomes a French message with its line instead of a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .yaml_hints import syntax_problem

MAX_FILE_BYTES = 256 * 1024

Location = tuple[str | int, ...]


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser is ~10x faster


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader with deliberate scalar types.

    Dates stay text (the models parse them, so an impossible date is a clear error, not a
    crash); only ``true``/``false`` are booleans, so ``no``, ``oui`` or ``on`` stay text.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (
        "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass
class YamlProblem:
    line: int
    message: str
    field: str = ""


@dataclass
class YamlDocument:
    """The values of one file and the line where each field or list item starts."""

    data: Any = None
    lines: dict[Location, int] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)

    def line_of(self, loc: Location) -> int:
        """The line of ``loc``, or of its closest parent that exists in the file."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


# PyYAML's messages, in plain French with a hint for contributors who are not developers.
_SYNTAX_HINTS = [
    ("mapping values are not allowed", "deux-points « : » inattendu ; si un texte contient « : », "
     "mettez tout le texte entre guillemets"),
    ("could not find expected ':'", "il manque « : » après un nom de champ, ou une ligne de texte "
     "n'est pas assez indentée"),
    ("did not find expected key", "indentation incohérente : alignez les champs avec le même "
     "nombre d'espaces"),
    ("expected <block end>", "indentation incohérente : alignez les champs avec le même nombre "
     "d'espaces"),
    ("did not find expected '-' indicator", "indentation incohérente dans une liste : chaque "
     "élément commence par « - » au même niveau"),
    ("while scanning a quoted scalar", "guillemet ouvert mais jamais fermé"),
    ("found unexpected end of stream", "guillemet ouvert mais jamais fermé"),
    ("found undefined alias", "les alias YAML (*nom) ne sont pas permis"),
    ("expected a single document", "un seul document par fichier : retirez la ligne « --- » en trop"),
    ("found character '\\t'", "tabulation : utilisez des espaces"),
    ("special characters are not allowed", "caractère de contrôle non permis"),
    ("unacceptable character", "caractère de contrôle non permis"),
    ("found unknown escape character", "séquence d'échappement inconnue entre guillemets doubles "
     "(par exemple « \\ ») : utilisez des guillemets simples"),
]

HELP = " (aide : CONTRIBUTING.md, section « Messages du validateur »)"


def _syntax_message(error: yaml.YAMLError) -> str:
    text = str(getattr(error, "problem", "") or error)
    for needle, french in _SYNTAX_HINTS:
        if needle in text or needle in str(error):
            return f"erreur de syntaxe YAML : {french}"
    return f"erreur de syntaxe YAML : {text}"


def _error_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else 1


def read_yaml(path: Path) -> YamlDocument:
    """Read ``path``; problems are collected in the document, never raised."""
    doc = YamlDocument()
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        doc.problems.append(YamlProblem(1, f"fichier trop volumineux ({len(raw)} octets, "
                                           f"maximum {MAX_FILE_BYTES})"))
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        doc.problems.append(YamlProblem(line, "le fichier n'est pas encodé en UTF-8 : "
                                              "enregistrez-le en UTF-8 depuis votre éditeur"))
        return doc
    tab_lines = [n for n, line in enumerate(text.splitlines(), 1)
                 if "\t" in line[: len(line) - len(line.lstrip(" \t"))]]
    for n in tab_lines:
        doc.problems.append(YamlProblem(n, "tabulation dans l'indentation : YAML n'accepte que "
                                           "des espaces pour indenter"))
    if tab_lines:
        return doc
    if not text.strip() or all(not l.strip() or l.lstrip().startswith("#")
                               for l in text.splitlines()):
        doc.problems.append(YamlProblem(1, "le fichier est vide"))
        return doc
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        # The line where the mistake is and what to type (odd17/yaml_hints.py), else PyYAML's.
        doc.problems.append(YamlProblem(*(syntax_problem(text, error)
                                          or (_error_line(error), _syntax_message(error)))))
        return doc
    if node is None:
        doc.problems.append(YamlProblem(1, "le fichier est vide"))
        return doc
    if not isinstance(node, yaml.MappingNode):
        doc.problems.append(YamlProblem(
            node.start_mark.line + 1,
            "le fichier doit contenir des champs « nom: valeur », pas une liste ni un texte seul"))
        return doc
    try:
        doc.data = _Builder(doc).build(node, ())
    except _AliasFound as found:
        # The composed node tree only knows where the anchor is: find the first alias itself.
        line = next((event.start_mark.line + 1 for event in yaml.parse(text, Loader=_Loader)
                     if isinstance(event, yaml.AliasEvent)), 1)
        doc.problems.append(YamlProblem(line, "les alias YAML (*nom) ne sont pas permis : "
                                              "recopiez la valeur", _dotted(found.loc)))
        doc.data = None
    except yaml.YAMLError as error:  # a scalar PyYAML cannot construct (e.g. a bad !!binary)
        doc.problems.append(YamlProblem(_error_line(error), _syntax_message(error)))
        doc.data = None
    return doc


class _AliasFound(Exception):
    def __init__(self, loc: Location) -> None:
        self.loc = loc


class _Builder:
    """Turn composed nodes into Python values, recording lines, duplicate keys and aliases."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, loc: Location) -> Any:
        if id(node) in self.seen:
            raise _AliasFound(loc)
        self.seen.add(id(node))
        self.doc.lines.setdefault(loc, node.start_mark.line + 1)
        if node.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
                            "tag:yaml.org,2002:str", "tag:yaml.org,2002:int",
                            "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                            "tag:yaml.org,2002:null"):
            self.doc.problems.append(YamlProblem(
                node.start_mark.line + 1, f"étiquette YAML « {node.tag.replace('tag:yaml.org,2002:', '!!')} » non permise : "
                "retirez-la",
                _dotted(loc)))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, loc: Location) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.doc.problems.append(YamlProblem(
                    line, "les fusions YAML (<<) ne sont pas permises : recopiez les champs",
                    _dotted(loc)))
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                self.doc.problems.append(YamlProblem(
                    line, f"nom de champ invalide « {getattr(key_node, 'value', '?')} » : un nom "
                    "de champ est un mot comme « titre »", _dotted(loc)))
                continue
            key = key_node.value
            if key in result:
                self.doc.problems.append(YamlProblem(
                    line, f"champ en double (déjà défini ligne {self.doc.lines[loc + (key,)]}) : "
                    "gardez une seule de ces lignes", _dotted(loc + (key,))))
                continue
            self.doc.lines[loc + (key,)] = line
            result[key] = self.build(value_node, loc + (key,))
        return result


def _dotted(loc: Location) -> str:
    """``('partenaires', 1, 'type')`` → ``partenaires[1].type``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


field_path = _dotted
