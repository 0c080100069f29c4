"""A problem found in the content: one line of the validator's report."""

from __future__ import annotations

import dataclasses
import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import Literal, TextIO

Severity = Literal["erreur", "avertissement"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, always tied to a file, a line and (when known) a field."""

    file: str
    line: int
    field: str
    message: str
    severity: Severity = "erreur"
    # Order among the problems of one line (``validation.report_order``): what is written on the
    # line (0) before a field found missing that a misspelt field there names (1), then the other
    # missing fields (2). Not part of what the problem is.
    rank: int = dataclasses.field(default=0, compare=False)

    def __str__(self) -> str:
        """``file:line: field: message`` on one line, whatever the file name, field or quoted
        values hold (see ``terminal_line``)."""
        where = f"{printable(self.file)}:{self.line}"
        if where.startswith(":"):  # a line starting with "::" would be a workflow command
            where = "./" + where
        prefix = "avertissement : " if self.severity == "avertissement" else ""
        field = f"{self.field}: " if self.field else ""
        return terminal_line(f"{where}: {field}{prefix}{self.message}")

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (shown on the PR's lines)."""
        kind = "warning" if self.severity == "avertissement" else "error"
        text = f"{self.field}: {self.message}" if self.field else self.message
        return (f"::{kind} file={ci_property(self.file)},line={self.line},"
                f"title={ci_property('Fiche invalide')}::{ci_data(text)}")


# --- Printing contexts: a terminal line and a GitHub Actions annotation -------------------------
#
# Every line a tool of the kit prints (the validator, the issue form's converter, the scaffold,
# the freshness report, the build's log) goes through ``terminal_line`` (or ``print_lines``, which prints
# it): record text, file names, form answers and server replies are data, and a terminal line
# is a context with its own escaping, like HTML or CSV.

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Unicode categories never printed as they are: controls (terminal escapes), format characters
# (direction marks and embeddings, U+061C, zero-width characters, tags…), line and paragraph
# separators, surrogates, private use and unassigned code points (non-characters among them).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
# GitHub's runner reads a line as a workflow command when, leading spaces aside, it starts with
# "::" (``::error``, ``::add-mask::``, ``::stop-commands::``), or when it holds "##[" anywhere
# (the runner's older syntax).
_WORKFLOW_COMMAND = re.compile(r"^(\s*):(?=:)|##\[")


def _escape(char: str) -> str:
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else
                                f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


def printable(text: str) -> str:
    """Text on one terminal line: newlines, carriage returns, control characters (terminal
    escapes), line separators, direction marks and every other format or unassigned character
    are shown as ``\\n``, ``\\x1b``, ``\\u061c``… A value, a key or a file name then cannot
    start a new line (a fake workflow command, a forged message), move the cursor or reverse
    the text of the report."""
    if text.isprintable():  # no control, format, separator or unassigned character at all
        return text
    return "".join(_escape(c) if not c.isprintable()
                   and unicodedata.category(c) in _HIDDEN_CATEGORIES else c for c in text)


def terminal_line(text: str) -> str:
    """A line as a tool of the kit prints it, whatever ``text`` holds: ``printable``, then a
    line that GitHub's runner would read as a workflow command is defused (its first colon
    shown as ``\\x3a``, a "##[" as "#\\x23["). The one escaping of terminal and CI logs."""
    return _WORKFLOW_COMMAND.sub(lambda m: m.group(1) + "\\x3a" if m.group().endswith(":")
                                 else "#\\x23[", printable(text))


def print_lines(*lines: object, file: TextIO | None = None) -> None:
    """Print each of ``lines`` (problems, messages, values) as one escaped terminal line: the
    one way the kit's tools write to a terminal or a CI log."""
    out = file if file is not None else sys.stdout
    for line in lines:
        print(terminal_line(str(line)), file=out)


def ci_data(text: str) -> str:
    """The message of a GitHub workflow command: printable, then ``%``, CR and LF escaped as
    GitHub's runner expects (docs: "Workflow commands", escaping data)."""
    return (printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def ci_property(text: str) -> str:
    """A property of a GitHub workflow command (``file=``, ``title=``): as ``ci_data`` plus
    ``:`` and ``,``, which would end the property."""
    return ci_data(text).replace(":", "%3A").replace(",", "%2C")


def format_allowed(values: list[str], limit: int = 25) -> str:
    """The allowed values, shortened when the list is long (regions, for instance)."""
    shown = ", ".join(values[:limit])
    return shown + (f", … ({len(values)} valeurs)" if len(values) > limit else "")


def shown_value(value: object, limit: int = 80) -> str:
    """A value quoted in a message: as written, cut after ``limit`` characters (a message quotes,
    it does not reprint a 5,000-character text). Control characters are made visible later, where
    the line is printed (``Problem.__str__``)."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def system_error(error: OSError) -> str:
    """An operating system error in French (its own text is in the system's language)."""
    import errno

    return {errno.ENOENT: "introuvable", errno.EACCES: "accès refusé", errno.EPERM: "accès refusé",
            errno.ENOTDIR: "n'est pas un dossier", errno.EISDIR: "est un dossier",
            errno.ELOOP: "lien symbolique"}.get(error.errno or 0, "erreur du système")
