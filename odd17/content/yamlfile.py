"""Read one YAML file of the content safely, keeping the line of every field.

PyYAML's own loaders lose line numbers, silently keep the last of two duplicate keys, expand
aliases (the "billion laughs"), read ``no`` as a boolean, ``0x35`` as 53 and ``2024-02-30`` as a
crash, recurse once per nesting level (a file of 100,000 ``[`` crashes the interpreter) and run
Python constructors for explicit tags (``!!int "abc"`` is a traceback). This module reads libyaml's
event stream (no recursion, no resolver, no constructor) and builds the Python values itself, so
that every problem becomes a French message with its line instead of a traceback.

Plain (unquoted) scalars get deliberate types: ``true``/``false`` are booleans, ``null``/``~``/
nothing is empty, a plain decimal (``53``, ``-2``, ``3.5``) is a number, and everything else is the
text written (``no``, ``oui``, ``2024-03-15``), except what some YAML reader (1.1 or 1.2) would
turn into another number than the digits shown (``0x35``, ``012``, ``0o12``, ``1_000``, ``1:20``,
``+12``, ``1e3``, ``.inf``, a 5,000-digit integer): that becomes a :class:`NumberLike`, which the
models refuse with a message asking for quotes, so the value never depends on the YAML reader.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from odd17.content.problems import system_error
from odd17.content.yaml_hints import syntax_problem

MAX_FILE_BYTES = 256 * 1024

Location = tuple[str | int, ...]


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
    ("found invalid Unicode character escape code", "code de caractère invalide après « \\u » "
     "entre guillemets doubles : utilisez des guillemets simples ou retapez le caractère"),
    ("did not find expected node content", "valeur manquante, ou crochet « [ » ou accolade « { » "
     "jamais fermé"),
    ("did not find expected <document start>", "texte inattendu après la fin des champs : "
     "chaque ligne est un champ « nom: valeur » ou la suite indentée d'un champ"),
    ("did not find expected ',' or", "crochet « [ » ou accolade « { » jamais fermé, ou virgule "
     "manquante entre deux éléments"),
]

def _syntax_message(error: yaml.YAMLError) -> str:
    text = str(getattr(error, "problem", "") or error)
    for needle, french in _SYNTAX_HINTS:
        if needle in text or needle in str(error):
            return f"erreur de syntaxe YAML : {french}"
    # Never PyYAML's English: a French sentence, the technical detail in parentheses.
    return (f"erreur de syntaxe YAML : vérifiez les guillemets, les crochets et l'indentation de "
            f"cette ligne (détail technique : {text})")


def _error_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else 1


MAX_DEPTH = 20  # records need 3 levels (partenaires[0].nom); deeper is a mistake or an attack


@dataclass(frozen=True)
class NumberLike:
    """A plain scalar that some YAML reader would turn into a number other than the text shown
    (``0x35`` is 53 for YAML 1.1, ``012`` is 10, ``1:20`` is 80, ``1_000`` is 1000...). The models
    refuse it with a message asking for quotes (``messages.py``), except where the text written
    is what the author meant (a region code written ``01``, see ``models._territory_code``)."""

    text: str

    def __str__(self) -> str:
        return self.text


_STR = "tag:yaml.org,2002:str"
_TEXT_TAGS = (None, "!", _STR)
_COLLECTION_TAGS = (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Plain decimals every YAML reader reads alike (18 digits at most: no 4,300-digit integers).
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_PLAIN_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})\.[0-9]{1,17}")
# What YAML 1.1 (PyYAML, many editors and tools) or YAML 1.2 (core schema) reads as a number.
_NUMBER_LIKE = re.compile(r"""[-+]?(?:
      [0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?   # 012, 1_000, 1e3, 1., 007
    | \.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?                # .5
    | [0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?       # 1:20 (sexagesimal)
    | 0x[0-9a-fA-F_]+ | 0o[0-7_]+ | 0b[01_]+             # 0x35, 0o12, 0b101
    | \.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)             # .inf, -.inf, .nan
    )""", re.X)


def plain_scalar(value: str) -> Any:
    """The value of an unquoted scalar (see the module's docstring)."""
    if value in _NULL:
        return None
    first = value[0]
    if first in "tTfF" and value in _BOOL:
        return _BOOL[value]
    if first in "0123456789-+.":
        if _PLAIN_INT.fullmatch(value):
            return int(value)
        if _PLAIN_FLOAT.fullmatch(value):
            return float(value)
        if _NUMBER_LIKE.fullmatch(value):
            return NumberLike(value)
    return value


def _parser(text: str) -> Any:
    """libyaml's event parser when PyYAML has it (about ten times faster), else PyYAML's own."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        return yaml.SafeLoader(text)
    return CParser(text)


def read_yaml(path: Path) -> YamlDocument:
    """Read ``path``; problems are collected in the document, never raised."""
    doc = YamlDocument()
    try:
        # O_NOFOLLOW: a symbolic link is never followed, whatever it points to (the discovery of
        # files refuses them with a message; this is the last guard).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        doc.problems.append(YamlProblem(1, "lien symbolique non permis : remplacez-le par le "
                                           "fichier lui-même" if os.path.islink(path) else
                                           f"fichier illisible ({system_error(error)})"))
        return doc
    if len(raw) > MAX_FILE_BYTES:
        size = os.path.getsize(path)
        doc.problems.append(YamlProblem(1, f"fichier trop volumineux ({size} octets, "
                                           f"maximum {MAX_FILE_BYTES})"))
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        doc.problems.append(YamlProblem(line, "le fichier n'est pas encodé en UTF-8 : "
                                              "enregistrez-le en UTF-8 depuis votre éditeur"))
        return doc
    return parse_yaml(text, doc)


_TAB_INDENT = re.compile(r"^ *\t", re.M)


def parse_yaml(text: str, doc: YamlDocument | None = None) -> YamlDocument:
    """Parse ``text`` (one file's content) into ``doc``: values, lines and problems."""
    doc = doc if doc is not None else YamlDocument()
    if _TAB_INDENT.search(text):
        fields = _fields_under_tabs(text)
        for n, line in enumerate(text.splitlines(), 1):
            if "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
                doc.problems.append(YamlProblem(n, "tabulation dans l'indentation : remplacez-la "
                                                   "par des espaces (YAML n'accepte que des "
                                                   "espaces pour indenter)", fields.get(n, "")))
        return doc
    try:
        root = _Builder(doc).run(_parser(text))
    except yaml.YAMLError as error:
        # The line where the mistake is and what to type (odd17/content/yaml_hints.py), else PyYAML's.
        doc.problems.append(YamlProblem(*(syntax_problem(text, error)
                                          or (_error_line(error), _syntax_message(error)))))
        return doc
    except _Stop:
        return doc
    if root is _NOTHING or root is None:
        if not doc.problems:
            doc.problems.append(YamlProblem(1, "le fichier est vide"))
        return doc
    if not isinstance(root, dict):
        doc.problems.append(YamlProblem(
            doc.lines.get((), 1),
            "le fichier doit contenir des champs « nom: valeur », pas une liste ni un texte seul"))
        return doc
    doc.data = root
    return doc


_KEY_ON_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")


def _fields_under_tabs(text: str) -> dict[int, str]:
    """Line → field, for the lines indented with tabs: the file read as an editor shows it
    (a tab as 4, 2 or 8 spaces), else the name written on the line. Only to name the field in
    the message: the file itself is refused."""
    for width in (4, 2, 8):
        spaced = re.sub(r"^[ \t]+", lambda m: m.group(0).expandtabs(width), text, flags=re.M)
        attempt = YamlDocument()
        try:
            attempt = parse_yaml(spaced, attempt)
        except Exception:  # noqa: BLE001 - a best effort for the message, never a failure
            continue
        if attempt.problems or not isinstance(attempt.data, dict):
            continue
        by_line: dict[int, Location] = {}
        for loc, line in attempt.lines.items():
            if loc and len(loc) >= len(by_line.get(line, ())):
                by_line[line] = loc
        return {line: field_path(loc) for line, loc in by_line.items()}
    return {n: match.group(1) for n, line in enumerate(text.splitlines(), 1)
            if (match := _KEY_ON_LINE.match(line))}


class _Stop(Exception):
    """The file cannot be read further (its problem is already recorded)."""


_NOTHING = object()  # no value (yet)
_BAD_KEY = object()  # the key was refused: its value is read and dropped


class _Frame:
    __slots__ = ("container", "loc", "key", "is_map")

    def __init__(self, container: Any, loc: Location, is_map: bool) -> None:
        self.container, self.loc, self.is_map = container, loc, is_map
        self.key: Any = _NOTHING  # a key read, or one of the markers _NOTHING, _BAD_KEY


def _tag_name(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


class _Builder:
    """Turn libyaml's events into Python values without recursion, recording the line of every
    field and list item, duplicate keys, aliases, merges, tags and excessive nesting."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.alias_reported = False

    def problem(self, line: int, message: str, loc: Location) -> None:
        self.doc.problems.append(YamlProblem(line, message, _dotted(loc)))

    def run(self, parser: Any) -> Any:  # noqa: C901 - one loop over the event kinds
        get_event = parser.get_event
        lines = self.doc.lines
        stack: list[_Frame] = []
        root: Any = _NOTHING
        documents = 0
        skip = 0  # depth inside a subtree being dropped (refused tag, complex key…)
        scalar_event, mapping_start, sequence_start = (yaml.ScalarEvent, yaml.MappingStartEvent,
                                                       yaml.SequenceStartEvent)
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        while True:
            event = get_event()
            kind = type(event)
            if skip:
                if kind is mapping_start or kind is sequence_start:
                    skip += 1
                elif kind is mapping_end or kind is sequence_end:
                    skip -= 1
                continue
            if kind is mapping_end or kind is sequence_end:
                stack.pop()
                continue
            if kind is scalar_event and stack:  # the common case, kept short
                top = stack[-1]
                if top.is_map:
                    key = top.key
                    if key is _NOTHING:
                        self._key(event, kind, event.start_mark.line + 1, top, lines)
                        continue
                    top.key = _NOTHING
                    if key is _BAD_KEY:
                        continue
                    tag = event.tag
                    if tag is None and event.implicit[0]:
                        top.container[key] = plain_scalar(event.value)
                    elif tag in _TEXT_TAGS:
                        top.container[key] = event.value
                    else:
                        top.container[key] = self._refused_tag(event, top.loc + (key,))
                    continue
                loc = top.loc + (len(top.container),)
                lines[loc] = event.start_mark.line + 1
                tag = event.tag
                if tag is None and event.implicit[0]:
                    top.container.append(plain_scalar(event.value))
                elif tag in _TEXT_TAGS:
                    top.container.append(event.value)
                else:
                    top.container.append(self._refused_tag(event, loc))
                continue
            if kind is yaml.StreamEndEvent:
                return root
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.doc.problems.append(YamlProblem(
                        event.start_mark.line + 1, "erreur de syntaxe YAML : un seul document par "
                        "fichier : retirez la ligne « --- » en trop"))
                    raise _Stop
                continue
            if kind is yaml.StreamStartEvent or kind is yaml.DocumentEndEvent:
                continue
            # A collection, an alias, or the root scalar: where does it go?
            line = event.start_mark.line + 1
            is_collection = kind is mapping_start or kind is sequence_start
            if not stack:
                loc = ()
            else:
                top = stack[-1]
                if not top.is_map:
                    loc = top.loc + (len(top.container),)
                elif top.key is _NOTHING:  # this node is a key
                    self._key(event, kind, line, top, lines)
                    if is_collection:
                        skip = 1
                    continue
                elif top.key is _BAD_KEY:  # the value of a refused key: dropped
                    top.key = _NOTHING
                    if is_collection:
                        skip = 1
                    continue
                else:
                    loc = top.loc + (top.key,)
            lines.setdefault(loc, line)
            value: Any
            if kind is scalar_event:  # the root
                value = event.value
            elif kind is yaml.AliasEvent:
                if not self.alias_reported:
                    self.alias_reported = True
                    self.problem(line, "les alias YAML (*nom) ne sont pas permis : recopiez la "
                                 "valeur", loc)
                value = None
            elif event.tag not in _COLLECTION_TAGS:
                value = self._refused_tag(event, loc)
                skip = 1
            else:
                if len(stack) >= MAX_DEPTH:
                    self.problem(line, f"structure trop imbriquée (plus de {MAX_DEPTH} niveaux de "
                                 "listes ou de champs) : une fiche n'en a besoin que de trois",
                                 loc[:1])
                    raise _Stop
                value = {} if kind is mapping_start else []
            # Place the value.
            if not stack:
                root = value
            else:
                top = stack[-1]
                if top.is_map:
                    top.container[top.key] = value
                    top.key = _NOTHING
                else:
                    top.container.append(value)
            if is_collection and not skip:
                stack.append(_Frame(value, loc, kind is mapping_start))

    def _refused_tag(self, event: Any, loc: Location) -> Any:
        self.problem(event.start_mark.line + 1, f"étiquette YAML « {_tag_name(event.tag)} » non "
                     "permise : retirez-la", loc)
        return None

    def _key(self, event: Any, kind: type, line: int, top: _Frame,
             lines: dict[Location, int]) -> None:
        """Record the key ``event`` of the mapping ``top`` (or refuse it)."""
        top.key = _BAD_KEY
        if kind is yaml.AliasEvent:
            self.problem(line, "les alias YAML (*nom) ne sont pas permis : recopiez la valeur",
                         top.loc)
            return
        if kind is not yaml.ScalarEvent:
            self.problem(line, "nom de champ invalide : une liste ou un ensemble de champs ne peut "
                         "pas servir de nom de champ ; un nom de champ est un mot comme « titre »",
                         top.loc)
            return
        key = event.value
        if event.tag not in _TEXT_TAGS:
            self.problem(line, f"étiquette YAML « {_tag_name(event.tag)} » non permise : "
                         "retirez-la", top.loc)
            return
        if key == "<<" and event.tag is None and event.implicit[0]:
            self.problem(line, "les fusions YAML (<<) ne sont pas permises : recopiez les champs",
                         top.loc)
            return
        loc = top.loc + (key,)
        if key in top.container:
            self.problem(line, f"champ en double (déjà défini ligne {lines[loc]}) : gardez une "
                         "seule de ces lignes", loc)
            return
        lines[loc] = line
        top.key = key


def _dotted(loc: Location) -> str:
    """``('partenaires', 1, 'type')`` → ``partenaires[1].type``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


field_path = _dotted
