"""The examples and tools as a printed catalogue: several records per page, made from the Kit.

The PDFs do not print the built page of each record (one mostly blank page each, 396 pages at
300 examples): they print, from the validated records, one short card per record (title,
partners, model, territory, the beginning of its description, its address), grouped like the
examples index. Record text is data: every value goes through ``html.escape`` here, and an
address is only ever a link to the web (http/https, validated by the models).

The same cards, made by docs/assets/print-selection.js from ``selection_data``, form the booklet
a reader prints from the examples index (« Imprimer la sélection »).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from .kit import Kit
from .models import Example, Tool
from .typography import french_text

EXAMPLE_ID = "fiche-exemple-{}"   # ids of the cards in the print document
TOOL_ID = "fiche-outil-{}"
CATEGORY_ID = "categorie-{}"
MODEL_ID = "modele-{}"
KIND_ID = "nature-{}"
SUMMARY_LENGTH = 330   # characters of a description printed on a card
SELECTION_DATA = "assets/print-selection-data.js"  # loaded by the booklet only when printing


HOST_IN_TEXT = re.compile(r"\bhttps?://[A-Za-z0-9.-]+")


def text(value: str) -> str:
    """Record text as HTML text: escaped, on one line, French typography (odd17/typography.py); an address written in
    the text keeps its host name on one line (the span is added to the escaped text)."""
    escaped = french_text(html.escape(" ".join(value.split()), quote=True))
    return HOST_IN_TEXT.sub(lambda m: f'<span class="url-host">{m.group(0)}</span>', escaped)


def summary(value: str, limit: int = SUMMARY_LENGTH) -> str:
    """The beginning of a description, cut at a word, as plain text."""
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "\u00a0…"


def address(url: str) -> str:
    """A web address as HTML that wraps after a slash, never inside the host name.

    Chromium would otherwise break an address anywhere (« example.o rg »): the scheme and host
    are one unbreakable span; the path offers a break after each « / » (``<wbr>``), and may
    break inside a segment only when one segment alone is wider than the line (CSS).
    """
    parts = urlsplit(url)
    head = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    rest = url[len(head):] if head and url.startswith(head) else url
    pieces = re.split(r"(?<=/)", rest)
    path = "<wbr>".join(html.escape(p, quote=True) for p in pieces if p)
    host = f'<span class="url-host">{html.escape(head, quote=True)}</span>' if head else ""
    return f'<span class="url">{host}<span class="url-path">{path}</span></span>'


def link(url: str, label_html: str | None = None) -> str:
    """A link to the web; the address printed as text when the label is not the address."""
    href = html.escape(url, quote=True)
    return f'<a href="{href}">{label_html if label_html is not None else address(url)}</a>'


def record_url(site_url: str, section: str, slug: str) -> str:
    """The public address of a record's page, or "" when the kit has no public address
    (no site_url: then no address of the kit is printed at all)."""
    return f"{site_url.rstrip('/')}/{section}/{slug}/" if site_url else ""


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


def example_card(kit: Kit, slug: str, example: Example, site_url: str, level: int = 4) -> str:
    facts = example_facts(kit, example)
    url = record_url(site_url, "exemples", slug)
    where = f" · {text(facts['territoire'])}" if facts["territoire"] else ""
    return (f'<article class="card" id="{EXAMPLE_ID.format(slug)}">'
            f'<h{level} class="card-title">{text(facts["titre"])}</h{level}>'
            f'<p class="card-partners">{text(facts["partenaires"])}</p>'
            f'<p class="card-facts">{text(facts["modele"])}{where}</p>'
            f'<p class="card-summary">{text(facts["resume"])}</p>'
            + (f'<p class="card-url">{link(url)}</p>' if url else "")
            + "</article>")


def tool_card(kit: Kit, slug: str, tool: Tool, site_url: str, level: int = 3) -> str:
    audiences = ", ".join(kit.label("publics", a) for a in tool.audiences)
    facts = [f"Pour\u00a0: {text(audiences)}", f"Accès\u00a0: {text(kit.label('acces', tool.access))}"]
    if tool.publisher:
        facts.insert(0, text(tool.publisher))
    # The tool's own address (where to find it) first; the kit's page of it when published.
    lines = [f'<p class="card-url">{link(tool.url)}</p>'] if tool.url else []
    page = record_url(site_url, "outils", slug)
    if page and not tool.url:
        lines.append(f'<p class="card-url">{link(page)}</p>')
    return (f'<article class="card" id="{TOOL_ID.format(slug)}">'
            f'<h{level} class="card-title">{text(tool.name)}</h{level}>'
            f'<p class="card-facts">{" · ".join(facts)}</p>'
            f'<p class="card-summary">{text(summary(tool.description, 260))}</p>'
            + "".join(lines) + "</article>")


# --- Chapters -----------------------------------------------------------------------------------

def _count(n: int, one: str, many: str) -> str:
    return f"{n:,}".replace(",", "\u202f") + "\u00a0" + (one if n == 1 else many)


def examples_html(kit: Kit, site_url: str, chapter_id: str) -> tuple[str, list[tuple[str, str, int]]]:
    """The examples chapter as HTML and its contents entries (id, title as HTML, level).

    Only the categories and models that have examples are printed: a printed list is never
    empty (« aucun exemple » is for the web, where it invites a contribution)."""
    where = (" La fiche complète de chaque exemple (partenaires, objectifs, impacts, sources) "
             "est en ligne à l’adresse indiquée." if site_url else "")
    out = [f'<h1 id="{chapter_id}">Les exemples inspirants</h1>',
           f'<p class="chapter-intro">La base compte {_count(len(kit.examples), "exemple", "exemples")}'
           f" d’alliances entre associations, entreprises et acteurs publics, classés selon la "
           f"typologie des partenariats (catégorie, puis modèle\u00a0; la fiche « kit "
           f"méthodologique » ne dit pas quels modèles relèvent de quelle catégorie\u00a0: le "
           f"rangement est une lecture du kit).{where}</p>"]
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


def tools_html(kit: Kit, site_url: str, chapter_id: str) -> tuple[str, list[tuple[str, str, int]]]:
    """The tool map chapter as HTML and its contents entries, by nature of tool."""
    out = [f'<h1 id="{chapter_id}">La cartographie des outils</h1>',
           f'<p class="chapter-intro">La cartographie recense '
           f'{_count(len(kit.tools), "outil", "outils")} pour passer à l’action, classés par '
           "nature.</p>"]
    toc = [(chapter_id, "La cartographie des outils", 1)]
    for kind in kit.vocabularies.tool_kinds:
        tools = [(s, t) for s, t in kit.tools.items() if t.kind == kind.id]
        if not tools:
            continue
        kid = KIND_ID.format(kind.id)
        out.append(f'<h2 id="{kid}">{text(kind.name)}</h2><div class="cards">'
                   + "".join(tool_card(kit, s, t, site_url) for s, t in tools) + "</div>")
        toc.append((kid, text(kind.name), 2))
    return "".join(out), toc


# --- The booklet printed from the examples index ------------------------------------------------

def selection_data(kit: Kit, site_url: str) -> str:
    """A script giving docs/assets/print-selection.js each example's card (plain text, which the
    script puts into the page as text nodes, never as HTML). A script rather than JSON: it loads
    from file:// too (the offline copy), where fetch() is refused."""
    cards = {slug: {**{k: french_text(v) for k, v in example_facts(kit, e).items()},
                    "adresse": record_url(site_url, "exemples", slug)}
             for slug, e in kit.examples.items()}
    payload = json.dumps(cards, ensure_ascii=False, separators=(",", ":"))
    # « </script> » or « <!-- » cannot end or change this file: it is not inside HTML, and JSON
    # escapes quotes and backslashes; U+2028/2029 are escaped for old JavaScript engines.
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    site = json.dumps(site_url.rstrip("/") + "/" if site_url else "")
    return ("/* Generated by odd17/catalogue.py (selection_data) at each build: the cards of the "
            "booklet « Imprimer la sélection » (docs/assets/print-selection.js). */\n"
            f"window.ODD17_SELECTION = {{site: {site}, cards: {payload}}};\n")
