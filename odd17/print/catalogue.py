"""The examples and tools as a printed catalogue: several records per page, made from the Kit.

The PDFs do not print the built page of each record (one mostly blank page each, 396 pages at
300 examples): they print, from the validated records, one short card per record (title,
partners, model, territory, the beginning of its description, its address), grouped like the
examples index. Record text is data: every value goes through ``odd17.site.text.escape`` here, and an
address is only ever a link to the web (http/https, validated by the models).

The same cards, made by docs/assets/print-selection.js from ``selection_data``, form the booklet
a reader prints from the examples index (« Imprimer la sélection »).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from odd17.content.addresses import public_url, record_path
from odd17.content.kit import Kit
from odd17.content.models import Example, Tool
from odd17.content.typography import french_plain, french_text
from odd17.site.text import escape

EXAMPLE_ID = "fiche-exemple-{}"   # ids of the cards in the print document
TOOL_ID = "fiche-outil-{}"
CATEGORY_ID = "categorie-{}"
MODEL_ID = "modele-{}"
KIND_ID = "nature-{}"
SUMMARY_LENGTH = 700   # characters of a description printed on a card, in whole sentences
# (every description of the kit's records is shorter: they print whole, correcting sentences included)
SELECTION_DATA = "assets/print-selection-data.js"  # loaded by the booklet only when printing


HOST_IN_TEXT = re.compile(r"\bhttps?://[A-Za-z0-9.-]+")


def text(value: str) -> str:
    """Record text as HTML text: escaped, on one line, French typography (odd17/content/typography.py); an address written in
    the text keeps its host name on one line (the span is added to the escaped text)."""
    escaped = french_text(escape(" ".join(value.split())))
    return HOST_IN_TEXT.sub(lambda m: f'<span class="url-host">{m.group(0)}</span>', escaped)


_SENTENCE_END = re.compile(r"[.!?…](?=\s+[«A-ZÀ-ÖØ-Þ0-9])")


def sentences(value: str) -> list[str]:
    """The sentences of a text, on one line each. A sentence ends at « . », « ! », « ? » or
    « … » followed by a capital, a number or an opening quotation mark, never inside a quotation
    (« … » counted open and closed) nor after an abbreviation of one capital letter (« P.M.E »)."""
    flat = " ".join(value.split())
    found, start, depth = [], 0, 0
    for match in re.finditer(r"«|»|" + _SENTENCE_END.pattern, flat):
        token = match.group(0)
        if token == "«":
            depth += 1
        elif token == "»":
            depth = max(0, depth - 1)
        elif depth == 0 and not re.search(r"(?:^|[\s.])[A-Z]\.$", flat[start:match.end()]):
            found.append(flat[start:match.end()].strip())
            start = match.end()
    rest = flat[start:].strip()
    return found + ([rest] if rest else [])


def summary(value: str, limit: int = SUMMARY_LENGTH) -> str:
    """The beginning of a description as plain text, made of whole sentences: all of them up to
    ``limit`` characters, and always the first one (a card never stops inside a sentence or a
    quotation, and never adds « … »: its address leads to the whole text)."""
    kept: list[str] = []
    for sentence in sentences(value):
        if kept and len(" ".join([*kept, sentence])) > limit:
            break
        kept.append(sentence)
    return " ".join(kept)


def is_whole(value: str, limit: int = SUMMARY_LENGTH) -> bool:
    return summary(value, limit) == " ".join(value.split())


SHORT_ADDRESS = 60  # characters: an address this short fits on one line of every printed column


def address(url: str) -> str:
    """A web address as HTML that wraps after a slash, never inside the host name.

    Chromium would otherwise break an address anywhere (« example.o rg »): a short address is
    one unbreakable span; in a longer one, the scheme and host are one unbreakable span and the
    path offers a break after each « / » (``<wbr>``), and may break inside a segment only when
    one segment alone is wider than the line (CSS).
    """
    if len(url) <= SHORT_ADDRESS:  # one unbreakable piece: fewer boxes for Chromium to tag
        return f'<span class="url-whole">{escape(url)}</span>'
    parts = urlsplit(url)
    head = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    rest = url[len(head):] if head and url.startswith(head) else url
    pieces = re.split(r"(?<=/)", rest)
    path = "<wbr>".join(escape(p) for p in pieces if p)
    host = f'<span class="url-host">{escape(head)}</span>' if head else ""
    return f'<span class="url">{host}<span class="url-path">{path}</span></span>'


def link(url: str, label_html: str | None = None) -> str:
    """A link to the web; the address printed as text when the label is not the address."""
    href = escape(url)
    return f'<a href="{href}">{label_html if label_html is not None else address(url)}</a>'


def record_url(site_url: str, kind_id: str, slug: str) -> str:
    """The public address of a record's page, or "" when the kit has no public address
    (no site_url: then no address of the kit is printed at all)."""
    return public_url(site_url, record_path(kind_id, slug)) if site_url else ""


# --- Cards --------------------------------------------------------------------------------------

def example_facts(kit: Kit, example: Example) -> dict[str, str]:
    """What a card says of an example, as plain text (shared with the browser's booklet)."""
    model = kit.model(example.model)
    return {
        "titre": example.title,
        "partenaires": " · ".join(p.name for p in example.partners),
        "modele": model.name,
        "categorie": kit.term("categories", model.category).name,
        "territoire": kit.label("territoires", example.territory) if example.territory else "",
        "resume": summary(example.description),
    }


def _read_on(url: str, whole: bool) -> str:
    """The card's address: where the record's page is, and « la suite » when the card holds only
    the first sentences of its description."""
    if not url:
        return ""
    lead = "" if whole else "La suite en ligne\u00a0: "
    return f'<p class="card-url">{lead}{link(url)}</p>'


def example_card(kit: Kit, slug: str, example: Example, site_url: str, level: int = 4) -> str:
    facts = example_facts(kit, example)
    url = record_url(site_url, "example", slug)
    where = f" · {text(facts['territoire'])}" if facts["territoire"] else ""
    return (f'<article class="card" id="{EXAMPLE_ID.format(slug)}">'
            f'<h{level} class="card-title">{text(facts["titre"])}</h{level}>'
            f'<p class="card-partners">{text(facts["partenaires"])}</p>'
            f'<p class="card-facts">{text(facts["modele"])}{where}</p>'
            f'<p class="card-summary">{text(facts["resume"])}</p>'
            + _read_on(url, is_whole(example.description))
            + "</article>")


NOT_STATED = "non-precise"  # the vocabularies' value « Non précisé par les sources »


def tool_card(kit: Kit, slug: str, tool: Tool, site_url: str, level: int = 3) -> str:
    """A tool: its name, publisher, audiences, access (said only when a source states it: the
    chapter says once that the others are not stated), the first sentences of its description,
    its own address; the kit's page of it when it has no address or the card is cut."""
    audiences = ", ".join(kit.label("publics", a) for a in tool.audiences)
    facts = [f"Pour\u00a0: {text(audiences)}"]
    if tool.access != NOT_STATED:
        facts.append(f"Accès\u00a0: {text(kit.label('acces', tool.access))}")
    if tool.publisher:
        facts.insert(0, text(tool.publisher))
    whole = is_whole(tool.description)
    lines = [f'<p class="card-url">{link(tool.url)}</p>'] if tool.url else []
    page = record_url(site_url, "tool", slug)
    if page and (not tool.url or not whole):
        lines.append(_read_on(page, whole))
    return (f'<article class="card" id="{TOOL_ID.format(slug)}">'
            f'<h{level} class="card-title">{text(tool.name)}</h{level}>'
            f'<p class="card-facts">{" · ".join(facts)}</p>'
            f'<p class="card-summary">{text(summary(tool.description))}</p>'
            + "".join(lines) + "</article>")


# --- Chapters -----------------------------------------------------------------------------------

def _count(n: int, one: str, many: str) -> str:
    return f"{n:,}".replace(",", "\u202f") + "\u00a0" + (one if n == 1 else many)


def examples_html(kit: Kit, site_url: str, chapter_id: str) -> tuple[str, list[tuple[str, str, int]]]:
    """The examples chapter as HTML and its contents entries (id, title as HTML, level).

    Only the categories and models that have examples are printed: a printed list is never
    empty (« aucun exemple » is for the web, where it invites a contribution)."""
    records = list(kit.examples.values())
    held = ["ses partenaires", "son modèle"]
    held += [words for words, holds in (("son territoire", any(e.territory for e in records)),
                                        ("ses objectifs", any(e.objectives for e in records)),
                                        ("ses impacts", any(e.impacts for e in records))) if holds]
    held += ["sa description et ses sources"]
    texts = kit.texts.catalogue
    where = " " + escape(texts.examples_online.format(contenu=", ".join(held))) if site_url else ""
    out = [f'<h1 id="{chapter_id}">Les exemples inspirants</h1>',
           '<p class="chapter-intro">' + escape(texts.examples_introduction.format(
               exemples=_count(len(records), "exemple", "exemples"))) + f"{where}</p>"]
    toc = [(chapter_id, "Les exemples inspirants", 1)]
    for category in kit.typology.categories:
        models = [(m, kit.examples_by_model.get(m.id, [])) for m in kit.models_of(category.id)]
        models = [(m, examples) for m, examples in models if examples]
        if not models:
            continue
        cid = CATEGORY_ID.format(category.id)
        out.append(f'<h2 id="{cid}">{text(category.name)}</h2>')
        toc.append((cid, text(category.name), 2))
        for model, examples in models:
            mid = MODEL_ID.format(model.id)
            out.append(f'<h3 id="{mid}">{text(model.name)}</h3>'
                       f'<p class="group-intro">{text(model.definition)}</p>'
                       '<div class="cards">'
                       + "".join(example_card(kit, s, e, site_url) for s, e in examples)
                       + "</div>")
            toc.append((mid, text(model.name), 3))
    return "".join(out), toc


def tools_html(kit: Kit, site_url: str, chapter_id: str,
               map_entries: tuple[tuple[str, str, int], ...] = ()) -> tuple[str, list[tuple[str, str, int]]]:
    """The tool map chapter as HTML and its contents entries: after its title, the map by lever
    and by step (from the built page: odd17/print/printing.py puts it after the <h1>, with its
    ``map_entries``), then the tools by nature."""
    unstated = sum(t.access == NOT_STATED for t in kit.tools.values())
    texts = kit.texts.catalogue
    access = ("" if not unstated else
              " " + escape(texts.tools_access.format(outils=_count(unstated, "outil", "outils"))))
    out = [f'<h1 id="{chapter_id}">La cartographie des outils</h1>',
           f'<h2 id="{chapter_id}-liste">Les outils, par nature</h2>'
           '<p class="chapter-intro">' + escape(texts.tools_introduction.format(
               outils=_count(len(kit.tools), "outil", "outils"))) + f"{access}</p>"]
    toc = [(chapter_id, "La cartographie des outils", 1), *map_entries,
           (f"{chapter_id}-liste", "Les outils, par nature", 2)]
    for kind in kit.vocabularies.tool_kinds:
        tools = [(s, t) for s, t in kit.tools.items() if t.kind == kind.id]
        if not tools:
            continue
        kid = KIND_ID.format(kind.id)
        out.append(f'<h3 id="{kid}">{text(kind.name)}</h3><div class="cards">'
                   + "".join(tool_card(kit, s, t, site_url, level=4) for s, t in tools) + "</div>")
        toc.append((kid, text(kind.name), 3))
    return "".join(out), toc


# --- The booklet printed from the examples index ------------------------------------------------

def selection_data(kit: Kit, site_url: str) -> str:
    """A script giving docs/assets/print-selection.js each example's card (plain text, which the
    script puts into the page as text nodes, never as HTML). A script rather than JSON: it loads
    from file:// too (the offline copy), where fetch() is refused."""
    cards = {slug: {**{k: french_plain(v) for k, v in example_facts(kit, e).items()},
                    "adresse": record_url(site_url, "example", slug)}
             for slug, e in kit.examples.items()}
    payload = json.dumps(cards, ensure_ascii=False, separators=(",", ":"))
    # « </script> » or « <!-- » cannot end or change this file: it is not inside HTML, and JSON
    # escapes quotes and backslashes; U+2028/2029 are escaped for old JavaScript engines.
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    site = json.dumps(site_url.rstrip("/") + "/" if site_url else "")
    return ("/* Generated by odd17/print/catalogue.py (selection_data) at each build: the cards of the "
            "booklet « Imprimer la sélection » (docs/assets/print-selection.js). */\n"
            f"window.ODD17_SELECTION = {{site: {site}, cards: {payload}}};\n")
