"""Write a record as YAML a person can read and edit, whatever its text holds.

Used by the scaffold (``scripts/new_example.py``) and the issue form
(``scripts/record_from_issue.py``): the text comes from people, so it is data. Why not
``yaml.dump``: PyYAML picks single quotes for a text with an apostrophe at a special place
(``'d''invendus'``, a doubled quote that people "fix" into an error), folds long quoted titles
with backslashes, and writes a description as one long line. Here a text is written plain when
it reads back identical, else between double quotes with JSON's escaping (a JSON string is a
valid YAML double-quoted scalar); a description is a folded block (``>-``), as in CONTRIBUTING's
template. Every value is read back by the project's YAML reader before the text is returned:
anything that would not read back the same is written the strict way instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from typing import Any

import yaml

# Fields written as a folded block: the long texts.
BLOCK_FIELDS = frozenset({"description"})
WIDTH = 96  # wrapping of block texts (a line of the file stays readable in an editor)

_PLAIN_START = re.compile(r"[\w(«\"“]", re.UNICODE)
# Characters that make a plain or block scalar unsafe or unreadable: we quote those texts.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029\ufeff]")


# Plain words that YAML 1.1 tools (not the kit's reader) would read as booleans or null.
_YAML11_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "null", "~"})


def _loads(text: str) -> Any:
    """Read YAML the way the validator does (``odd17.content.yamlfile``: dates stay text…)."""
    from odd17.content.yamlfile import (
        parse_yaml,  # the validator's reader: dates stay text, 0x35 is no number
    )
    return parse_yaml(text).data


def quoted(text: str) -> str:
    """``text`` between double quotes, JSON-escaped (also escapes the YAML line separators)."""
    out = json.dumps(text, ensure_ascii=False)
    return out.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace(
        "\x85", "\\u0085").replace("\ufeff", "\\ufeff")


def scalar(value: Any, in_flow: bool = False) -> str:
    """One value on the line of its key: plain when it reads back as the same text."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if (text and text == text.strip() and not _UNSAFE.search(text) and _PLAIN_START.match(text)
            and not text.startswith('"') and "\n" not in text
            and not (in_flow and re.search(r"[,\[\]{}]", text))
            and text.lower() not in _YAML11_WORDS):
        try:
            if _loads(f"k: {text}\n") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return quoted(text)


def block(text: str, indent: str) -> str | None:
    """``>-`` and the text wrapped at spaces, or None when a folded block cannot hold it.

    In a folded block a single line break reads as a space and a blank line as a line break:
    each line break of the text is written as a blank line.
    """
    if not text or text != text.strip() or _UNSAFE.search(text.replace("\n", "")) or "\t" in text:
        return None
    lines: list[str] = []
    for n, paragraph in enumerate(text.split("\n")):
        if n:
            lines.append("")
        if not paragraph:
            continue
        if paragraph != paragraph.strip() or "  " in paragraph:
            return None  # folding would merge or re-indent spaces: quote instead
        lines += [indent + line for line in textwrap.wrap(
            paragraph, max(WIDTH - len(indent), 40), break_long_words=False,
            break_on_hyphens=False)]
    return ">-\n" + "\n".join(lines)


def strict(value: Any) -> str:
    """Any value as JSON, which YAML reads as a flow collection or double-quoted text."""
    return quoted(value) if isinstance(value, str) else json.dumps(
        value, ensure_ascii=False, default=str).replace("\u2028", "\\u2028").replace(
        "\u2029", "\\u2029").replace("\x85", "\\u0085").replace("\ufeff", "\\ufeff")


def dump_record(record: dict[str, Any], header: str = "") -> str:
    """The YAML text of ``record`` (keys in the given order), checked to read back identical."""
    expected = json.loads(json.dumps(record, default=str))  # dates as the text YAML gives back
    head = [header] if header else []
    text = "\n".join(head + [_field(key, value, "") for key, value in record.items()]) + "\n"
    try:
        if _loads(text) == expected:
            return text
    except yaml.YAMLError:
        pass
    # Not reached by the rules above; the guarantee that a text never reads back different.
    return "\n".join(head + [f"{key}: {strict(value)}" for key, value in record.items()]) + "\n"


def _field(key: str, value: Any, indent: str) -> str:
    if isinstance(value, list):
        if not value:
            return f"{indent}{key}: []"
        if all(not isinstance(v, (dict, list)) for v in value):
            flow = f"{indent}{key}: [" + ", ".join(scalar(v, in_flow=True) for v in value) + "]"
            if len(flow) <= WIDTH:
                return flow
            return f"{indent}{key}:\n" + "\n".join(f"{indent}  - {scalar(v)}" for v in value)
        items = []
        for item in value:
            fields = [_field(k, v, indent + "    ") for k, v in item.items()]
            items.append(f"{indent}  - " + "\n".join(fields).lstrip())
        return f"{indent}{key}:\n" + "\n".join(items)
    if isinstance(value, dict):
        return f"{indent}{key}:\n" + "\n".join(_field(k, v, indent + "  ")
                                                for k, v in value.items())
    if key in BLOCK_FIELDS and isinstance(value, str):
        text = block(value, indent + "  ")
        if text is not None:
            try:
                if _loads(f"{key}: {text}\n") == {key: value}:
                    return f"{indent}{key}: {text}"
            except yaml.YAMLError:
                pass
    return f"{indent}{key}: {scalar(value)}"
