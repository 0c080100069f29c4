"""The command lines a contributor meets end in French, never in a Python traceback.

``python -m odd17.cli build --strict`` (what ``bash scripts/task build`` and ``serve`` run) is
MkDocs' own command line, called in click's non-standalone mode so that its final English line
(« Aborted with a BuildError! ») is replaced by a French one. Why not filter MkDocs' output with
grep in scripts/task: a pipe would hide MkDocs' exit status and colours, and a text filter breaks
silently when MkDocs rewords its messages; catching the exception type does not.

``guard(main)`` wraps the contributors' scripts (scaffold, issue form): Ctrl-C, end of input and a
closed pipe end with one French line and a non-zero status.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from collections.abc import Callable
from typing import NoReturn

# The last line of every failed build or serve: what to do next.
BUILD_FAILED = ("La construction du site a échoué : corrigez les problèmes listés ci-dessus "
                "(fichier:ligne: champ: message ; aide : CONTRIBUTING.md, section « Messages du "
                "validateur »), puis relancez la commande.")


_LEVELS = {"warning": "avertissement", "error": "erreur"}


def french_abort(message: str) -> str:
    """MkDocs' English abort message → the French line shown instead."""
    if "BuildError" in message:
        return BUILD_FAILED
    if "strict mode" in message:
        counts = [f"{n} {_LEVELS.get(level.lower(), level)}{'s' if int(n) > 1 else ''}"
                  for n, level in re.findall(r"(\d+) (\w+?)s?\b(?:,|\s)", message)]
        return ("La construction du site a échoué en mode strict : " + ", ".join(counts)
                + " (lignes « WARNING » ou « ERROR » ci-dessus). Corrigez-les, puis relancez "
                "la commande.")
    if "configuration" in message:
        return ("La construction du site a échoué : la configuration (mkdocs.yml) est invalide "
                "(voir les lignes « ERROR » ci-dessus).")
    return f"La construction du site a échoué ({message.strip()})."


def run_mkdocs(argv: list[str]) -> int:
    """MkDocs' command line with a French last line on failure."""
    import click
    from mkdocs.__main__ import cli as mkdocs_cli
    from mkdocs.exceptions import Abort

    try:
        result = mkdocs_cli.main(args=argv, prog_name="mkdocs", standalone_mode=False)
    except Abort as abort:
        print(f"\n{french_abort(abort.format_message())}", file=sys.stderr)
        return 1
    except click.exceptions.Abort:  # Ctrl-C (click turns KeyboardInterrupt into its Abort)
        print("Interrompu.", file=sys.stderr)
        return 130
    except click.UsageError as error:  # a bad option or command
        print(f"Option ou commande non reconnue ({error.format_message()}) : voir "
              "python -m odd17.cli --help.", file=sys.stderr)
        return 2
    except click.ClickException as error:  # e.g. no mkdocs.yml here
        message = error.format_message()
        if missing := re.search(r"Config file '(.+)' does not exist", message):
            message = (f"fichier de configuration introuvable : {missing.group(1)} (lancez la "
                       "commande depuis le dossier du kit)")
        print(f"La construction du site a échoué : {message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("\nInterrompu.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - a bug or a missing tool: said, not dumped
        if os.environ.get("ODD17_TRACEBACK"):
            raise
        print(f"\nLa construction du site a échoué sur une erreur inattendue : "
              f"{type(error).__name__} : {error}\n(Pour les mainteneurs : relancez avec "
              "ODD17_TRACEBACK=1 pour voir la trace complète.)", file=sys.stderr)
        return 1
    return result if isinstance(result, int) else 0


def exit_on_interrupt() -> None:
    """Ctrl-C ends the command at once with one French line, wherever it is: even while Python
    still imports its packages (before any ``try``), and from every process of the command
    (the validator's workers print nothing). Call it first, before the heavy imports."""
    main_pid = os.getpid()

    def interrupted(signum: int, frame: object) -> None:
        if os.getpid() == main_pid:
            os.write(2, "\nInterrompu (Ctrl-C).\n".encode())
        os._exit(130)

    signal.signal(signal.SIGINT, interrupted)


class FrenchArgumentParser(argparse.ArgumentParser):
    """argparse with its usage, help and errors in French (argparse only speaks English)."""

    _WORDS = (("usage: ", "utilisation : "), ("options:", "options :"),
              ("show this help message and exit", "affiche cette aide"),
              ("positional arguments:", "arguments :"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("allow_abbrev", False)  # « --titr » is a typo, not « --titre »
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def format_usage(self) -> str:
        return self._french(super().format_usage())

    def format_help(self) -> str:
        return self._french(super().format_help())

    def _french(self, text: str) -> str:
        for english, french in self._WORDS:
            text = text.replace(english, french)
        return text

    def error(self, message: str) -> NoReturn:
        message = (message.replace("unrecognized arguments", "option non reconnue")
                   .replace("expected one argument", "il manque la valeur de l'option")
                   .replace("the following arguments are required", "il manque")
                   .replace("invalid choice", "choix invalide")
                   .replace("ambiguous option", "option ambiguë"))
        self.exit(2, f"{self.format_usage()}{self.prog} : {message} (voir --help)\n")


def guard(main: Callable[[], int]) -> int:
    """Run a contributor's script: interruptions end with a French line, not a traceback."""
    try:
        return main()
    except KeyboardInterrupt:
        print("\nInterrompu (Ctrl-C) : relancez la commande pour recommencer.", file=sys.stderr)
        return 130
    except EOFError:
        print("\nFin de la saisie : relancez la commande dans un terminal, ou donnez les valeurs "
              "en options (--help).", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1


def scaffold(kind: str, task: str) -> int:
    """scripts/new_example.py and new_tool.py: the scaffold (odd17/scaffold.py) for ``kind``
    (« examples », « tools »), or, when a package is missing (the script run without the task's
    .venv), the French line that gives the task ``task`` to run instead."""
    exit_on_interrupt()
    try:
        from .scaffold import run
    except ModuleNotFoundError as missing:
        sys.exit(f"Il manque le paquet Python « {missing.name} » : lancez plutôt\n"
                 f"    bash scripts/task {task}\n"
                 "qui installe ce qu'il faut (une seule fois) puis pose les questions.")
    return guard(lambda: run(kind))


if __name__ == "__main__":
    exit_on_interrupt()
    sys.exit(run_mkdocs(sys.argv[1:]))
