"""« Citer cette fiche »: a ready French citation and a BibTeX entry on every example page.

Trainers and students cite the base for years: the citation gives the page's stable address
(its file name never changes; renamed records redirect, see ``anciens_slugs``) and the date the
record's facts were last checked. With no public address configured (``ODD17_SITE_URL`` unset,
TEAM decision 2) the citation has no address rather than a made-up one.

Record text is data: the title is escaped for BibTeX first, then everything for HTML
(``odd17.site.text``'s helpers). The block is a collapsed ``<details>`` (Material styles it; printing
opens it).
"""

from __future__ import annotations

import html
import re

from odd17.content.models import Example
from odd17.site.text import NOT_TEXT
from odd17.site.text import french_date, html_text
from odd17.site.text import escape

KIT_TITLE = "L’ODD 17 en pratique"
BASE_TITLE = "base d’exemples inspirants"

# LaTeX's special characters as commands. Braces are never escaped as ``\{`` ``\}``: BibTeX
# counts every brace, even after a backslash, so a title « Alliance}} , url = … » would close
# its field and write fields of its own. Each brace and backslash becomes a command whose only
# braces are an empty pair: the record's text can never add an unbalanced brace to the entry.
_BIBTEX = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
           "$": r"\$", "&": r"\&", "#": r"\#", "^": r"\^{}", "_": r"\_", "%": r"\%",
           "~": r"\textasciitilde{}"}
_BIBTEX_RE = re.compile("|".join(re.escape(c) for c in _BIBTEX))


def bibtex_text(text: str) -> str:
    """Plain text → a BibTeX field value that LaTeX prints as that text (one line, braces
    balanced whatever the text holds)."""
    return _BIBTEX_RE.sub(lambda m: _BIBTEX[m.group(0)], " ".join(text.split()))


def bibtex_url(url: str) -> str:
    """An address in a BibTeX ``url`` field: braces, backslashes and spaces percent-encoded (the
    ``url`` field is read verbatim by LaTeX's url package, so no command may stand in)."""
    return (url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")
            .replace(" ", "%20"))


def french_citation(example: Example, url: str) -> str:
    """The citation as plain text (escape it for where it lands)."""
    checked = french_date(example.reviewed)
    where = f" Disponible à l’adresse : {url}" if url else ""
    return (f"{KIT_TITLE}. « {' '.join(example.title.split())} ». {BASE_TITLE[0].upper()}"
            f"{BASE_TITLE[1:]}, fiche vérifiée le {checked}.{where}")


def bibtex(example: Example, slug: str, url: str) -> str:
    """A BibTeX ``@misc`` entry (plain text: escape it for where it lands)."""
    fields = [("title", "{" + bibtex_text(example.title) + "}"),
              ("author", "{" + bibtex_text(KIT_TITLE) + "}"),
              ("howpublished", bibtex_text(f"{KIT_TITLE}, {BASE_TITLE}")),
              ("year", str(example.reviewed.year)),
              ("note", bibtex_text(f"Fiche vérifiée le {french_date(example.reviewed)}")),
              ("language", "french")]
    if url:
        fields.append(("url", bibtex_url(url)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{odd17-{slug},\n{body}\n}}"


def example_citation(example: Example, slug: str, url: str) -> str:
    """The « Citer cette fiche » block of an example page, as escaped HTML. ``url`` is the
    page's public address, or "" when the site has none."""
    hint = ("Ajoutez la date à laquelle vous avez consulté la page si votre style de "
            "citation la demande." if url else
            "Ce site n’a pas d’adresse publique configurée : complétez la citation avec "
            "l’adresse où vous avez consulté la page.")
    return (f'<details class="quote odd17-cite" {NOT_TEXT}>\n'
            "<summary>Citer cette fiche</summary>\n"
            f'<p class="odd17-cite__text">{html_text(french_citation(example, url))}</p>\n'
            f"<p>{html_text(hint)}</p>\n"
            "<p>Pour un logiciel de bibliographie (BibTeX)\u00a0:</p>\n"
            # A bare <pre>: Material makes ``pre > code`` a tab stop and adds a copy button, which
            # a closed <details> would hide from the keyboard (tests/test_accessibility.py).
            f'<pre class="odd17-cite__bibtex">{escape(bibtex(example, slug, url))}</pre>\n'
            "</details>\n")
