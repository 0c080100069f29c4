"""A problem found in the content: one line of the validator's report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Severity = Literal["erreur", "avertissement"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, always tied to a file, a line and (when known) a field."""

    file: str
    line: int
    field: str
    message: str
    severity: Severity = "erreur"

    def __str__(self) -> str:
        """``file:line: field: message`` on one line, whatever the file name, field or quoted
        values hold (see ``printable``)."""
        where = f"{printable(self.file)}:{self.line}"
        if where.startswith(":"):  # a line starting with "::" would be a workflow command
            where = "./" + where
        prefix = "avertissement : " if self.severity == "avertissement" else ""
        if self.field:
            return f"{where}: {printable(self.field)}: {prefix}{printable(self.message)}"
        return f"{where}: {prefix}{printable(self.message)}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (shown on the PR's lines)."""
        kind = "warning" if self.severity == "avertissement" else "error"
        text = f"{self.field}: {self.message}" if self.field else self.message
        return (f"::{kind} file={ci_property(self.file)},line={self.line},"
                f"title={ci_property('Fiche invalide')}::{ci_data(text)}")


# --- Printing contexts: a terminal line and a GitHub Actions annotation -------------------------

# Control characters, line separators, bidirectional controls and marks, zero-width characters,
# surrogates and the non-characters U+FFFE, U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069"
                          "\ufeff\ufffe\uffff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """Text on one terminal line: newlines, carriage returns, control characters (terminal
    escapes), line separators and bidirectional controls are shown as ``\\n``, ``\\x1b``,
    ``\\u202e``… A value, a key or a file name then cannot start a new line (a fake workflow
    command, a forged message), move the cursor or reverse the text of the report."""
    return _UNPRINTABLE.sub(lambda m: _NAMED.get(m.group()) or (
        f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"),
        text)


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
