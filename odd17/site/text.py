"""Record text made safe for each output, French typography, French dates and heading anchors.

One helper per output context: ``html_text`` (element content), ``html_attr`` (a quoted
attribute value), ``html_url`` (an address in ``href``), and ``md`` for the Markdown of the
hand-written pages' macros. Record pages are HTML built with the ``html_*`` helpers only;
``escape`` and ``escape_text`` escape text already laid out (the kit's other HTML). HTML is
escaped here and nowhere else in the kit.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import string
from urllib.parse import quote

from odd17.content.typography import french_plain

# Every ASCII punctuation character is backslash-escaped; with pymdownx.escapeall (mkdocs.yml)
# each escape is a literal character, so record text can never become Markdown syntax, HTML,
# an attribute list or a link: it is always shown as plain text.
_ESCAPES = {ord(c): "\\" + c for c in string.punctuation}

# Written on the blocks of a record page that are not its text (citation, dates, address, QR
# code, the list of other examples): kept out of both indexes, Material's (the offline copy's;
# its search plugin skips elements and sections marked so) and Pagefind's (online). Without it,
# at 1,000 examples every page listing ten others' titles is found by their words, and the
# offline index carried each page's BibTeX (41 MB at 10,000 examples, maintainers/performances.md).
NOT_TEXT = "data-search-exclude data-pagefind-ignore"

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


def md(text: str) -> str:
    """Plain text → Markdown that renders exactly that text (escaped, on one line)."""
    return french_plain(" ".join(text.split()), apostrophes=False).translate(_ESCAPES)


def md_paragraphs(text: str) -> str:
    """Plain text with blank lines between paragraphs → escaped Markdown paragraphs."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "\n\n".join(md(p) for p in paragraphs)


def escape(text: str) -> str:
    """Text laid out already (typography applied, spaces kept) → HTML element content or a
    double-quoted attribute value (quotes escaped too)."""
    return html.escape(text, quote=True)


def fill_html(template: str, **values_html: str) -> str:
    """An editor's template (content/texts.yml) as HTML: its own text escaped, each ``{name}``
    replaced by ``values_html[name]``, HTML made by the caller."""
    return "".join(escape(literal) + (values_html[name] if name is not None else "")
                   for literal, name, _, _ in string.Formatter().parse(template))


def escape_text(text: str) -> str:
    """Text laid out already → HTML element content only (quotes kept as they are)."""
    return html.escape(text, quote=False)


@functools.lru_cache(maxsize=1 << 16)  # titles and labels recur on thousands of record pages
def html_text(text: str) -> str:
    """Plain text → HTML element content showing exactly that text (one line, French spacing)."""
    text = " ".join(text.split())
    text = french_plain(text)
    return html.escape(text, quote=False)


def html_paragraphs(text: str) -> str:
    """Plain text with blank lines between paragraphs → ``<p>`` elements of escaped text."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{html_text(p)}</p>\n" for p in paragraphs)


def html_attr(text: str) -> str:
    """Plain text → the value of a double-quoted HTML attribute (one line)."""
    return html.escape(" ".join(text.split()), quote=True)


def html_url(url: str) -> str:
    """A web address → the value of a double-quoted ``href``: only http(s) addresses (the models
    validate them; this is the last guard), percent-encoded, then attribute-escaped."""
    if not re.match(r"https?://", url, re.I):
        raise ValueError(f"adresse non web refusée : {url!r}")
    return html.escape(md_url(url), quote=True)


def md_url(url: str) -> str:
    """A validated http(s) address, made safe inside Markdown link syntax ``[..](url)``."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._[]")


# Every link a contributor writes (a source, a partner's website, a tool's address) is marked as
# user content that search engines should not follow: a record cannot sell followed links.
CONTRIBUTED_REL = "ugc nofollow"


def external_link(text: str, url: str) -> str:
    """A contributor's link in Markdown (attr_list adds its ``rel``)."""
    return f'[{md(text)}]({md_url(url)}){{: rel="{CONTRIBUTED_REL}" }}'


def html_external_link(text: str, url: str) -> str:
    """A contributor's link in HTML: escaped text, checked address, ``rel="ugc nofollow"``."""
    return f'<a href="{html_url(url)}" rel="{CONTRIBUTED_REL}">{html_text(text)}</a>'


def french_date(day: dt.date) -> str:
    return f"{day.day}{'er' if day.day == 1 else ''} {MONTHS[day.month - 1]} {day.year}"
