"""French typography of the built pages: one mechanism for every page, hand-written or generated.

Applied by the ``odd17`` plugin to each page's HTML once Markdown has run (so the search index,
the PDFs printed from the built pages and the offline copy all inherit it), and to the page's
title and table of contents. It changes text nodes only: tags, attributes (addresses, ids,
``data-`` values), and the content of ``code``, ``pre``, ``kbd``, ``samp``, ``script``, ``style``
and ``textarea`` are left byte for byte as they are.

Rules (Lexique des règles typographiques en usage à l'Imprimerie nationale):
- the apostrophe between two letters is the typographic one: l'ODD → l’ODD;
- an ordinary space before « ; ! ? » becomes a narrow no-break space (U+202F), before « : » a
  no-break space (U+00A0); none is added where the writer put none (times, addresses);
- inside « » the spaces are narrow no-break spaces, added when missing.

Why by hand: the Markdown extensions that do this (pymdownx.smartsymbols, SmartyPants) know
English quotes only; no maintained library applies French spacing to HTML text nodes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

NBSP = "\u00a0"         # espace insécable (before the colon)
NNBSP = "\u202f"        # espace fine insécable (before ; ! ? and inside « »)
LETTER = r"A-Za-zÀ-ÖØ-öø-ÿŒœ"
VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "textarea"}

# A tag, a comment or a doctype: never changed. Everything between two of them is text.
_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<[^>]+>", re.S)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")
# ' written as such or escaped by html.escape (&#x27;) or Markdown (&#39;).
# At the end of a text node too: « l'<a>accès</a> » (no French word ends with a quote).
_APOSTROPHE = re.compile(rf"(?<=[{LETTER}])(?:'|&#x27;|&#39;)(?=[{LETTER}0-9«]|$)")
_SPACE = r"(?:[ \t\r\n]|&nbsp;|&#160;)"  # an ordinary (breakable) space, or &nbsp; to normalise
_CANDIDATE = re.compile(r"['&:;!?«»]")
_BEFORE_COLON = re.compile(rf"{_SPACE}+:")
_BEFORE_OTHERS = re.compile(rf"{_SPACE}+(?=[;!?])")
_AFTER_OPENING = re.compile(rf"«(?:{_SPACE}|[{NBSP}{NNBSP}])*")
_BEFORE_CLOSING = re.compile(rf"(?:{_SPACE}|[{NBSP}{NNBSP}])*»")


# The same rules on plain text (record text before it is escaped for its output: filter data,
# feed, messages): no entity is read there, « &nbsp; » typed in a record stays as typed.
_PLAIN_APOSTROPHE = re.compile(rf"(?<=[{LETTER}])'(?=[{LETTER}0-9«]|$)")
_PLAIN_SPACE = r"[ \t\r\n]"
_PLAIN_BEFORE_COLON = re.compile(rf"{_PLAIN_SPACE}+:")
_PLAIN_BEFORE_OTHERS = re.compile(rf"{_PLAIN_SPACE}+(?=[;!?])")
_PLAIN_AFTER_OPENING = re.compile(rf"«(?:{_PLAIN_SPACE}|[{NBSP}{NNBSP}])*")
_PLAIN_BEFORE_CLOSING = re.compile(rf"(?:{_PLAIN_SPACE}|[{NBSP}{NNBSP}])*»")
_PLAIN_CANDIDATE = re.compile(r"[':;!?«»]")


def french_plain(text: str, apostrophes: bool = True) -> str:
    """The French rules on plain text: the same result as ``french_text`` on the page where the
    text is shown escaped, so a title reads the same on its page, in an index and in the data.
    ``apostrophes=False`` for Markdown: its headings' anchors are made from the straight
    apostrophe (« d'Azur » → ``d-azur``) before the page's own pass sets ’."""
    if not _PLAIN_CANDIDATE.search(text):
        return text
    if apostrophes:
        text = _PLAIN_APOSTROPHE.sub("’", text)
    text = _PLAIN_BEFORE_COLON.sub(NBSP + ":", text)
    text = _PLAIN_BEFORE_OTHERS.sub(NNBSP, text)
    text = _PLAIN_AFTER_OPENING.sub("«" + NNBSP, text)
    return _PLAIN_BEFORE_CLOSING.sub(NNBSP + "»", text)


def after_colon(text: str) -> str:
    """A sentence that follows « : » in running text: lower case first (French typography,
    « Performance : une plus grande performance »). Kept as written when the first word holds a
    second capital (an acronym such as « RSE », « R&D », « L’ANCT ») or a digit. For the kit's
    own typology sentences (definitions, descriptions, readings: on the pages, in the issue
    forms and the local assistant), which begin with common words: record text, where a proper
    noun may come first, is never passed here."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if not first or not first[0].isupper() or any(c.isupper() or c.isdigit() for c in first[1:]):
        return text
    return text[0].lower() + text[1:]


def french_text(text: str) -> str:
    """The French rules on one run of text (HTML-escaped or plain: entities are kept)."""
    if not _CANDIDATE.search(text):  # most text nodes hold none of these: nothing to do
        return text
    text = _APOSTROPHE.sub("’", text)
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _BEFORE_OTHERS.sub(NNBSP, text)
    text = _AFTER_OPENING.sub("«" + NNBSP, text)
    return _BEFORE_CLOSING.sub(NNBSP + "»", text)


def _map_text(html: str, change: Callable[[str], str]) -> str:
    """``change`` applied to the text nodes of ``html`` outside verbatim elements."""
    out: list[str] = []
    verbatim: list[str] = []  # open verbatim elements, innermost last
    position = 0
    for match in _TOKEN.finditer(html):
        text = html[position:match.start()]
        out.append(change(text) if text and not verbatim else text)
        tag = match.group(0)
        out.append(tag)
        position = match.end()
        name = _TAG_NAME.match(tag)
        if not name or tag.startswith("<!"):
            continue
        element = name.group(1).lower()
        if element not in VERBATIM:
            continue
        if tag.startswith("</"):
            if element in verbatim:
                del verbatim[len(verbatim) - 1 - verbatim[::-1].index(element):]
        elif not tag.endswith("/>"):
            verbatim.append(element)
    tail = html[position:]
    out.append(change(tail) if tail and not verbatim else tail)
    return "".join(out)


def french_html(html: str) -> str:
    """French typography on the text nodes of an HTML fragment or document."""
    return _map_text(html, french_text)


def french_page(html: str, page: Any) -> str:
    """A built page in French typography: its HTML, and its title and table of contents (which
    MkDocs took from the Markdown before, and shows in the navigation, the tab and the sidebar).
    """
    if page.title:
        page.title = french_text(page.title)
    if isinstance(page.meta.get("title"), str):  # Material's <title> prefers it
        page.meta["title"] = french_text(page.meta["title"])
    # <meta name="description">: the same typography as the page it describes. The value is
    # HTML-escaped already for record pages (odd17.site.render.page_meta); french_text keeps entities.
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = french_text(page.meta["description"])

    def walk(items: Any) -> None:
        for item in items:
            item.title = french_html(item.title)
            walk(item.children)
    walk(page.toc)
    return french_html(html)


# --- Measuring: what the issue counted (straight apostrophes, ordinary spaces) ------------------

_FAULT_APOSTROPHE = re.compile(r"'|&#x27;|&#39;")
_FAULT_SPACE = re.compile(r"(?:[ \t\r\n]|&#32;)+(?:[:;!?»])|«(?:[ \t\r\n])")


def faults(html: str) -> tuple[int, int]:
    """(straight apostrophes, ordinary spaces before « : ; ! ? » or inside « ») in the visible
    text of ``html`` (text nodes outside verbatim elements; ``<title>`` included)."""
    counts = [0, 0]

    def count(text: str) -> str:
        counts[0] += len(_FAULT_APOSTROPHE.findall(text))
        counts[1] += len(_FAULT_SPACE.findall(text))
        return text

    _map_text(html, count)
    return counts[0], counts[1]


def measure(site: Path) -> tuple[int, int, int]:
    """(pages, straight apostrophes, ordinary spaces) over the built HTML pages of ``site``."""
    # Redirect pages (mkdocs-redirects: old addresses) are not the kit's text: left out.
    texts = [t for t in (p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))
             if 'http-equiv="refresh"' not in t]
    totals = [faults(t) for t in texts]
    return len(texts), sum(a for a, _ in totals), sum(s for _, s in totals)


if __name__ == "__main__":  # python -m odd17.content.typography site/
    import sys

    count, apostrophes, spaces = measure(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print(f"{count} pages : {apostrophes} apostrophes droites, {spaces} espaces ordinaires avant "
          "« : ; ! ? » ou dans « »")
