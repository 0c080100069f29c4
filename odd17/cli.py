"""The command lines a contributor meets end in French, never in a Python traceback.

``python -m odd17.cli build --strict`` (what ``bash scripts/task build`` and ``serve`` run) is
MkDocs' own command line, called in click's non-standalone mode so that its final English line
(« Aborted with a BuildError! ») is replaced by a French one. Why not filter MkDocs' output with
grep in scripts/task: a pipe would hide MkDocs' exit status and colours, and a text filter breaks
silently when MkDocs rewords its messages; catching the exception type does not.

What the build and serve print is the kit's own French lines and every warning or error
(``ConsoleFilter``): MkDocs' and its plugins' progress lines (« Cleaning site directory »,
« [macros] - Found local Python module », « Template skipped: 'sitemap.xml' … », Python warnings
such as pikepdf's) are technical English a volunteer reads as breakage. ``-v`` shows them all.
While serving, a failed rebuild is said in French and shown in the browser in place of the site
(``ServeGuard``), instead of MkDocs' « The server will appear stuck » and an old page.

``guard(main)`` wraps the contributors' scripts (scaffold, issue form): Ctrl-C, end of input and a
closed pipe end with one French line and a non-zero status.
"""

from __future__ import annotations

import logging
import os
import re
import sys

from odd17.site.text import escape_text
from odd17.terminal import exit_on_interrupt, guard

# The last line of every failed build or serve: what to do next.
BUILD_FAILED = ("La construction du site a échoué : corrigez les problèmes listés ci-dessus "
                "(fichier:ligne: champ: message ; aide : CONTRIBUTING.md, section « Messages du "
                "validateur »), puis relancez la commande.")


_LEVELS = {"warning": "avertissement", "error": "erreur"}
KIT_LOGGER = "mkdocs.plugins.odd17"  # the kit's own lines (French)


class ConsoleFilter(logging.Filter):
    """The lines the kit's build and serve print: every warning and error, and the kit's own
    information lines; the others' information lines (English, technical) are left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        return (record.levelno >= logging.WARNING or record.name == KIT_LOGGER
                or record.name.startswith(KIT_LOGGER + "."))


class ConsoleFormatter(logging.Formatter):
    """One line per message, in French: the kit's information lines as they are, warnings and
    errors after « Avertissement : » / « Erreur : » (MkDocs writes « WARNING  -  »)."""

    def format(self, record: logging.LogRecord) -> str:
        message = super().format(record)
        if record.levelno >= logging.ERROR:
            return f"Erreur : {message}"
        if record.levelno >= logging.WARNING:
            return f"Avertissement : {message}"
        return message


class ConsoleHandler(logging.StreamHandler):
    """The terminal lines of the kit's build and serve: ``ConsoleFilter`` and ``ConsoleFormatter``,
    kept when MkDocs' ``--color`` option (set without a terminal) would change the format."""

    def __init__(self) -> None:
        super().__init__()
        super().setFormatter(ConsoleFormatter())
        self.addFilter(ConsoleFilter())
        self.name = "odd17-console"

    def setFormatter(self, fmt: logging.Formatter | None) -> None:  # noqa: N802 - logging's name
        """Kept French: MkDocs sets its own format when the output is not a terminal."""


ERROR_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="4">
<title>Le site n’a pas pu être reconstruit</title>
<style>body{{font:1.05rem/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
color:#1f1f1f}}h1{{color:#b71c1c;font-size:1.6rem}}pre{{white-space:pre-wrap;background:#fff3f3;
border-left:4px solid #b71c1c;padding:1rem;overflow-wrap:anywhere}}</style></head>
<body><main><h1>Le site n’a pas pu être reconstruit</h1>
<p>La dernière modification a cassé la construction du site. Voici les problèmes signalés
(fichier:ligne: champ: message)&#8239;:</p>
<pre>{problems}</pre>
<p>Corrigez-les et enregistrez le fichier&#8239;: cette page revient d’elle-même au site dès que
la construction réussit. L’aide sur chaque message est dans CONTRIBUTING.md, section «&#8239;Messages
du validateur&#8239;».</p></main></body></html>
"""


def error_page(problems: list[str]) -> str:
    """The page served in place of the site while its last rebuild fails (escaped text)."""

    shown = "\n".join(escape_text(line) for line in problems)
    return ERROR_PAGE.format(problems=shown or "(aucun détail : voir le terminal)")


class _Collector(logging.Handler):
    """The warnings and errors logged during one build: what went wrong, for the error page."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines += record.getMessage().splitlines()


class ServeGuard:
    """Wraps the serve command's rebuilds (``LiveReloadServer.builder``). A failed rebuild is
    said in one French line, and every page of the running server becomes an error page listing
    the problems (the browser reloads to it); the next successful rebuild brings the site back.
    Only the server's public attributes are used: ``builder``, ``root``, ``error_handler``."""

    def __init__(self, server: object, log: logging.Logger) -> None:
        self.server, self.log = server, log
        self.build = server.builder  # type: ignore[attr-defined]
        self.root = server.root  # type: ignore[attr-defined]
        self.handler = server.error_handler  # type: ignore[attr-defined]
        self.failed = False
        self.folder: str | None = None  # the error page's folder while a rebuild has failed
        server.builder = self.rebuild  # type: ignore[attr-defined]

    def rebuild(self, config: object = None) -> None:
        self.log.info("Modification détectée : reconstruction du site…")
        collector = _Collector()
        logging.getLogger("mkdocs").addHandler(collector)
        try:
            self.build(config) if config is not None else self.build()
        except (KeyboardInterrupt, GeneratorExit):
            raise
        except BaseException as error:  # noqa: BLE001 - MkDocs' Abort is a SystemExit
            lines = collector.lines or [str(error)]
            self.show_error(lines)
            self.log.error("la reconstruction a échoué : corrigez les problèmes listés "
                           "ci-dessus. Le navigateur les affiche aussi, à la place du site, "
                           "jusqu'à ce qu'ils soient corrigés.")
            return  # the server reloads the browsers: they show the error page
        finally:
            logging.getLogger("mkdocs").removeHandler(collector)
        if self.failed:
            self.server.root = self.root  # type: ignore[attr-defined]
            self.server.error_handler = self.handler  # type: ignore[attr-defined]
            self.failed = False
            self.close()
        self.log.info("Site à jour.")

    def show_error(self, lines: list[str]) -> None:
        import tempfile

        self.close()
        page = error_page(lines).encode()
        self.folder = tempfile.mkdtemp(prefix="odd17-erreur-")
        with open(os.path.join(self.folder, "index.html"), "wb") as out:
            out.write(page)
        self.server.root = self.folder  # type: ignore[attr-defined]
        self.server.error_handler = lambda code: page  # type: ignore[attr-defined]
        self.failed = True

    def close(self) -> None:
        """Remove the error page's folder (at the next success, and when serving stops)."""
        import shutil

        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


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
    from mkdocs.__main__ import State
    from mkdocs.__main__ import cli as mkdocs_cli
    from mkdocs.exceptions import Abort

    state = State()  # MkDocs' logging state, shared by its command (click's ensure_object)
    if not {"-v", "--verbose"} & set(argv):
        state.logger.removeHandler(state.stream)
        state.stream = ConsoleHandler()
        state.logger.addHandler(state.stream)
    try:
        result = mkdocs_cli.main(args=argv, prog_name="mkdocs", standalone_mode=False, obj=state)
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


def scaffold(kind: str, task: str) -> int:
    """scripts/new_example.py and new_tool.py: the scaffold (odd17/contribute/scaffold.py) for ``kind``
    (« examples », « tools »), or, when a package is missing (the script run without the task's
    .venv), the French line that gives the task ``task`` to run instead."""
    exit_on_interrupt()
    try:
        from odd17.contribute.scaffold import run
    except ModuleNotFoundError as missing:
        sys.exit(f"Il manque le paquet Python « {missing.name} » : lancez plutôt\n"
                 f"    bash scripts/task {task}\n"
                 "qui installe ce qu'il faut (une seule fois) puis pose les questions.")
    return guard(lambda: run(kind))


if __name__ == "__main__":
    exit_on_interrupt()
    sys.exit(run_mkdocs(sys.argv[1:]))
