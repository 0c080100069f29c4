"""The terminal of a contributor's command: French options, help and errors, and a French line
instead of a traceback on Ctrl-C, end of input or a closed pipe. Plain Python (imported before
the packages a command needs, to say in French when one is missing); imports nothing of the kit.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from typing import NoReturn


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
