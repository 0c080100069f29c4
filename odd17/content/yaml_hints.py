"""Say where a YAML syntax error really is, and what to type instead.

PyYAML reports where it got lost, which is often not where the mistake is: an unclosed quote
at the end of the file (line 24 of a 23-line file), ``modele:engagement-actif`` (no space after
the colon) on the next line, an apostrophe inside a '…' text as an indentation problem. When the
file has a syntax error, ``odd17.content.yamlfile`` asks ``syntax_problem`` first: it reads the lines as
a person wrote them (keys, list items, quoted texts, block texts) and, when it recognises one of
these mistakes at or before the line PyYAML names, returns that line and a French message saying
what to do. Otherwise it returns None and PyYAML's own (translated) message is used.

Hand-written because no YAML library explains these mistakes (they report the parser's position).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

PREFIX = "erreur de syntaxe YAML : "
# « clé: », possibly after list dashes: what starts a line of a record.
_LINE = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?:(?P<key>[A-Za-z_][\w-]*):(?=\s|$) *)?"
                   r"(?P<value>.*)$")
# Record keys are lower-case words (« modele », « site_web »): « modele:engagement-actif ».
_NO_SPACE = re.compile(r"^ *(?:- +)*(?P<key>[a-z_][a-z0-9_]*):(?P<rest>[^\s/].*)$")
_BLOCK = re.compile(r"^[|>][+-]?\d?\s*(?:#.*)?$")


@dataclass(frozen=True)
class Hint:
    line: int  # 1-based
    message: str


def _double(text: str) -> str:
    """A text between double quotes, as the kit writes it (JSON escaping is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _close_double(text: str, start: int) -> int | None:
    """Index of the quote closing a double-quoted text opened at ``start - 1``, or None."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return i
        i += 1
    return None


def _close_single(text: str, start: int) -> int | None:
    """Index of the quote closing a single-quoted text ('' is an apostrophe), or None."""
    i = start
    while i < len(text):
        if text[i] == "'":
            if text[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _rest_is_fine(rest: str) -> bool:
    """What may follow a closed quoted text on its line: nothing, a comment, or « : » (a key)."""
    stripped = rest.lstrip(" ")
    return not stripped or stripped.startswith(":") or (stripped.startswith("#")
                                                        and rest != stripped)


def find_hints(text: str) -> list[Hint]:
    """Every recognised mistake, in the order of the lines."""
    lines = text.split("\n")
    hints: list[Hint] = []
    block_indent: int | None = None  # inside a block text: lines indented more than its key
    n = 0
    while n < len(lines):
        line = lines[n].rstrip("\r")
        n += 1
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if indent > block_indent:
                continue
            block_indent = None
        if line.lstrip().startswith("#"):
            continue
        if (missing := _NO_SPACE.match(line)) and not line.lstrip(" -").startswith(("'", '"')):
            key, rest = missing.group("key"), missing.group("rest")
            hints.append(Hint(n, f"{PREFIX}il manque une espace après « {key}: » : écrivez "
                                 f"« {key}: {rest.strip()} »"))
            continue
        match = _LINE.match(line)
        assert match is not None  # the pattern matches any line
        value = match.group("value")
        key = match.group("key")
        if _BLOCK.match(value):
            block_indent = indent + len(match.group("dashes"))
            continue
        if not value.startswith(("'", '"')):
            continue
        quote = value[0]
        start = len(line) - len(value)
        close = _close_double if quote == '"' else _close_single
        end = close(line, start + 1)
        if end is not None:
            if _rest_is_fine(line[end + 1:]):
                continue
            hints.append(_closed_too_early(line, n, key, quote, start, end))
            continue
        # Not closed on its line: YAML goes on reading the next lines as the same text.
        opened_at = n
        found = None
        while n < len(lines):
            following = lines[n].rstrip("\r")
            n += 1
            end = close(following, 0)
            if end is not None:
                found = (following, end)
                break
        if found is not None and _rest_is_fine(found[0][found[1] + 1:]):
            continue  # a text on several lines, closed properly
        n = opened_at  # the next lines are read again on their own
        where = f"« {key}: »" if key else "cette ligne"
        hints.append(Hint(opened_at, f"{PREFIX}le texte ouvert par « {quote} » sur {where} n'est "
                                     f"jamais fermé : ajoutez « {quote} » à la fin du texte, sur "
                                     "la même ligne"))
    return hints


def _closed_too_early(line: str, n: int, key: str | None, quote: str, start: int,
                      end: int) -> Hint:
    """A quote inside a quoted text closes it: an apostrophe in '…', a « " » in "…"."""
    inner = line[start + 1:].rstrip()
    inner = inner[:-1] if inner.endswith(quote) and len(inner) > 1 else inner
    before = re.findall(r"[\w’-]+$", line[start + 1:end])
    word = (before[0] if before else "") + quote + (re.findall(r"^[\w’-]+", line[end + 1:]) or [""])[0]
    prefix = f"{key}: " if key else "- " if line.lstrip().startswith("-") else ""
    if quote == "'":
        doubled = "'" + inner.replace("'", "''") + "'"
        return Hint(n, f"{PREFIX}l'apostrophe de « {word} » ferme le texte commencé par « ' » : "
                       f"entourez le texte de guillemets doubles (« {prefix}{_double(inner)} ») "
                       f"ou doublez chaque apostrophe (« {prefix}{doubled} »)")
    after = (re.findall(r"^[\w’-]+", line[end + 1:]) or [""])[0]
    return Hint(n, f"{PREFIX}le guillemet « \" » avant « {after} » ferme le texte commencé par "
                   f"« \" » : écrivez les guillemets intérieurs « » ou \\\" (« {prefix}"
                   f"{_double(inner)} »)")


def syntax_problem(text: str, error: yaml.YAMLError) -> tuple[int, str] | None:
    """The line and message of the first recognised mistake at or before PyYAML's error, if any."""
    marks = [m for m in (getattr(error, "problem_mark", None), getattr(error, "context_mark", None))
             if m is not None]
    last = max((m.line + 1 for m in marks), default=len(text.split("\n")))
    for hint in find_hints(text):
        if hint.line <= last:
            return hint.line, hint.message
    return None
