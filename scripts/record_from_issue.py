#!/usr/bin/env python3
"""Turn the body of a « Proposer un exemple / un outil » issue into a record:
``python scripts/record_from_issue.py BODY.md`` (--help).

The body is GitHub's rendering of the issue form (``### Label``, the answer, ``_No response_``).
The record is written into content/examples/ (or content/tools/) and validated by the one
validation core; every problem is printed in the form's words (its labels, never YAML keys) and
the exit status is 1 (2 for a usage error). The contribution workflow
(.github/workflows/contribution.yml) runs this same command and posts ``--comment`` on the issue.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a clone without installing the package

from odd17.terminal import exit_on_interrupt  # noqa: E402 - plain Python, imported first

exit_on_interrupt()

try:
    from odd17.content.problems import print_lines, terminal_line
    from odd17.content.typography import french_text
    from odd17.content.validation import display_path, validate
    from odd17.contribute import issue_form
    from odd17.contribute.scaffold import free_slug, problems_of_new_record, slug_problem, write_record
    from odd17.terminal import FrenchArgumentParser, guard
except ModuleNotFoundError as missing:
    sys.exit(f"Il manque le paquet Python « {missing.name} » : lancez d'abord "
             "bash scripts/task validate (il installe ce qu'il faut), puis relancez avec "
             ".venv/bin/python scripts/record_from_issue.py.")

THANKS = "Merci pour votre proposition !"


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def main(argv: list[str]) -> int:
    parser = FrenchArgumentParser(
        prog="record_from_issue.py",
        description="Écrit la fiche décrite par un ticket « Proposer un exemple » ou « Proposer "
                    "un outil » (le texte du ticket, enregistré dans un fichier) et la vérifie.")
    parser.add_argument("body", type=Path, metavar="TEXTE.md",
                        help="le texte du ticket (tel que GitHub l'affiche en Markdown)")
    parser.add_argument("--content", type=Path, default=ROOT / "content",
                        help="dossier du contenu (par défaut : content/)")
    parser.add_argument("--slug", help="nom du fichier, sans .yml (proposé sinon)")
    parser.add_argument("--today", type=_date, default=None, metavar="AAAA-MM-JJ",
                        help="date d'ajout et de vérification (par défaut : aujourd'hui)")
    parser.add_argument("--comment", type=Path, metavar="FICHIER.md",
                        help="écrit ici la réponse à poster sur le ticket (aperçu ou problèmes)")
    parser.add_argument("--github-output", type=Path, metavar="FICHIER",
                        help="ajoute kind=, slug= et path= à ce fichier ($GITHUB_OUTPUT)")
    args = parser.parse_args(argv)

    def reply(text: str) -> None:
        if args.comment:
            args.comment.write_text(text, encoding="utf-8")

    def refuse(problems: list[str]) -> int:
        # The same escaped lines in the log and in the reply (a direction mark, U+061C, shown
        # as \u061c in both: on GitHub too it would reorder the text around it).
        problems = [terminal_line(p) for p in problems]
        print_lines(*problems)
        intro = french_text(f"{THANKS} Avant d'en faire une fiche, quelques réponses du "
                            "formulaire sont à corriger :") + "\n\n"
        outro = "\n\n" + french_text("Modifiez ce ticket (menu **…** de votre message, puis "
                                      "**Edit**), corrigez ces réponses en gardant les lignes qui "
                                      "commencent par `###` (ce sont les questions) et "
                                      "enregistrez : la vérification se relance d'elle-même.") + "\n"
        room = issue_form.REPLY_LIMIT - len(intro) - len(outro)
        reply(intro + issue_form.problem_list(problems, room) + outro)
        return 1

    try:
        body = args.body.read_text(encoding="utf-8")
    except FileNotFoundError:
        print_lines(f"record_from_issue.py : fichier introuvable : {args.body}", file=sys.stderr)
        return 2
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as error:
        print_lines(f"record_from_issue.py : impossible de lire {args.body} comme un texte "
                    f"UTF-8 ({type(error).__name__})", file=sys.stderr)
        return 2
    if not (args.content / "typology.yml").exists():
        print_lines(f"record_from_issue.py : dossier de contenu introuvable : {args.content}",
                    file=sys.stderr)
        return 2
    report = validate(args.content)
    if report.kit is None:
        print_lines(*report.errors, file=sys.stderr)
        print_lines("Le contenu du dépôt a des problèmes (ci-dessus) : ils ne viennent pas du "
              "formulaire ; un mainteneur doit les corriger.", file=sys.stderr)
        return 2
    kit = report.kit
    kind = issue_form.kind_of(body, kit)
    if kind is None:
        return refuse(["ce texte ne suit pas le formulaire « Proposer un exemple » ni « Proposer "
                       "un outil » : ouvrez un nouveau ticket à partir de l'un d'eux"])
    answer = issue_form.answers_to_record(kit, kind, body, args.today or dt.date.today())
    problems = list(answer.problems)
    # Every problem of every answer at once: the models' problems too, except those that only
    # repeat, in general terms, an answer already refused (a choice not understood leaves the
    # field missing; a partner line not understood leaves one partner too few).
    said = {p.label for p in problems}
    problems += [p for p in issue_form.check(kit, kind, answer)
                 if p.label not in said or p.line is not None]
    if problems:
        return refuse([str(p) for p in problems])

    slug = args.slug or free_slug(kit, args.content, kind, answer.record)
    if (problem := slug_problem(kit, args.content, kind, slug)) is not None:
        return refuse([problem])
    path = write_record(args.content, kind, slug, answer.record)
    # The written file through the one validation core, with every other record (titles and
    # addresses must stay unique across the base).
    mine, others = (
        [p for p in found if p.severity == "erreur"]
        for found in problems_of_new_record(args.content, path))
    if mine or others:
        path.unlink()  # never leave an invalid record behind
        print_lines(*others, file=sys.stderr)
        return refuse([str(issue_form.form_problem(kit, kind, answer, p)) for p in mine]
                      or ["le dépôt a des problèmes qui ne viennent pas du formulaire : un "
                          "mainteneur doit les corriger"])
    print_lines(f"Fiche écrite : {display_path(path)} (vérifiée : aucun problème).")
    reply(issue_form.capped(french_text(f"{THANKS} Voici ce que dira la page de la fiche ")
                            + f"`{display_path(path)}`" + french_text(" :") + "\n\n"
                            + issue_form.preview(kit, kind, slug, answer.record)))
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as out:
            out.write(f"kind={kind}\nslug={slug}\npath={path.relative_to(args.content.parent)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(guard(lambda: main(sys.argv[1:])))
