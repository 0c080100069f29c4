"""A problem found in the content: one line of the validator's report."""

from __future__ import annotations

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
        where = f"{self.file}:{self.line}"
        prefix = "avertissement : " if self.severity == "avertissement" else ""
        if self.field:
            return f"{where}: {self.field}: {prefix}{self.message}"
        return f"{where}: {prefix}{self.message}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (shown on the PR's lines)."""
        kind = "warning" if self.severity == "avertissement" else "error"
        text = f"{self.field}: {self.message}" if self.field else self.message
        # Workflow commands need %, CR and LF escaped in the message, plus , and : in properties.
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        file = self.file.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{kind} file={file},line={self.line},title=Fiche invalide::{text}"


def format_allowed(values: list[str], limit: int = 25) -> str:
    """The allowed values, shortened when the list is long (regions, for instance)."""
    shown = ", ".join(values[:limit])
    return shown + (f", … ({len(values)} valeurs)" if len(values) > limit else "")
