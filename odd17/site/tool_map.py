"""The tool map (outils/index.md): the tools by lever, by step of the approach and by audience —
what seed 003 calls « une cartographie des outils » —, then every tool with its description and
its address (when a source gives one), filterable like the examples.

The filters are the tool facets of odd17/content/facets.py and the same script as the examples index
(docs/assets/examples-filter.js), which reads the build's ``outils/filtres.js``. All the tools
are in the page (there are tens, not thousands): without JavaScript the map and the list are
complete.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from odd17.site.examples_index import filter_form
from odd17.content import facets
from odd17.content.facets import Facet, declaration, encode, script_data
from odd17.content.addresses import TOOLS_DATA
from odd17.content.kit import Kit
from odd17.content.models import Tool
from odd17.site.text import external_link, md, md_paragraphs
from odd17.site.text import escape

DATA_FILE = TOOLS_DATA
# A tool's anchor on the map: namespaced, so that a tool file named carte.yml, liste.yml or
# resultats.yml never takes an anchor of the page itself (#carte, #liste, #resultats, which the
# filters' script looks up by id).
TOOL_ANCHOR = "outil-{}"


def _tools(kit: Kit) -> list[tuple[str, Tool]]:
    return list(kit.tools.items())


def data_files(kit: Kit) -> Iterator[tuple[str, str]]:
    tools = [t for _, t in _tools(kit)]
    codes, widths = {}, {}
    for facet in facets.TOOL_FACETS:
        widths[facet.id], codes[facet.id] = encode(kit, facet, tools)
    yield DATA_FILE, script_data("window.odd17Data", {
        "index": "outils", "total": len(tools), "chunk": 0, "chunks": 0,
        "facets": declaration(kit, facets.TOOL_FACETS, tools), "widths": widths, "codes": codes})


def _map(kit: Kit, rows: Facet, label: str, without: str) -> str:
    """The tools grouped by the values of ``rows`` (a lever, a step), one box per value that tools
    carry, each tool with its audiences; the tools with no value get a last box ``without``.
    Boxes, not a table: they stack on a phone and the names stay readable."""
    tools = _tools(kit)
    records = [t for _, t in tools]
    audiences = facets.tool_facet("public")
    groups = [(t.id, t.name) for t, _ in rows.used(kit, records)]
    if any(not rows.values(kit, t) for t in records):
        groups.append(("", without))
    boxes = []
    for group_id, group_name in groups:
        links = []
        for i, (slug, tool) in enumerate(tools):
            values = rows.values(kit, tool)
            if (group_id in values) if group_id else not values:
                who = ", ".join(md(audiences.name(kit, a)) for a in audiences.values(kit, tool))
                links.append(f'<li data-tool="{i}" markdown="span">[{md(tool.name)}]({slug}.md)'
                             f"<br><small>{who}</small></li>")
        boxes.append(f'<section class="odd17-map__box" markdown>\n'
                     f'<p class="odd17-map__title" markdown="span">**{md(group_name)}**</p>\n'
                     f'<ul markdown>\n' + "\n".join(links) + "\n</ul>\n</section>")
    return (f'<div class="odd17-map" role="group" aria-label="{escape(label)}" markdown>\n'
            + "\n".join(boxes) + "\n</div>\n")


def _card(kit: Kit, i: int, slug: str, tool: Tool) -> str:
    """One tool: its name (link to its page), nature and access, description, audiences, steps,
    levers, and its address when a source gives one (never one we made up)."""
    facts = [f"**Pour\u00a0:** " + ", ".join(md(kit.label("publics", a)) for a in tool.audiences)]
    if tool.steps:
        facts.append("**Étapes\u00a0:** " + ", ".join(md(kit.label("etapes", s)) for s in tool.steps))
    if tool.levers:
        facts.append("**Leviers\u00a0:** " + ", ".join(md(kit.label("leviers", lever))
                                                     for lever in tool.levers))
    address = (f"\n\n**Adresse\u00a0:** {external_link(tool.url, tool.url)}" if tool.url else "")
    return (f'<li class="odd17-tool" data-i="{i}" data-slug="{escape(slug)}" markdown="block">\n\n'
            f"### [{md(tool.name)}]({slug}.md) {{#{TOOL_ANCHOR.format(slug)}}}\n\n"
            f'<p class="odd17-tool__kind" markdown="span">{md(kit.label("natures_outils", tool.kind))}'
            f" · {md(kit.label('acces', tool.access))}</p>\n\n"
            f"{md_paragraphs(tool.description)}\n\n"
            f'<p class="odd17-tool__facts" markdown="span">{" · ".join(facts)}</p>'
            f"{address}\n\n</li>")


def tool_map(kit: Kit) -> str:
    """The page's body: the map (levers and steps × audiences), the filters, every tool."""
    tools = _tools(kit)
    records = [t for _, t in tools]
    n = len(tools)
    count = f"{n}\u00a0outil{'s' if n > 1 else ''}"
    out = [kit.texts.tool_map.introduction.format(outils=count) + "\n",
           filter_form(kit, facets.TOOL_FACETS, records, "outils",
                       "Mots (nom, description, éditeur)", "outil") + "\n",
           "## La carte {#carte}\n",
           "### Par levier d’un projet innovant {#carte-leviers}\n",
           _map(kit, facets.tool_facet("levier"), "Les outils par levier", "Sans levier rattaché par le kit"),
           "### Par étape de la démarche {#carte-etapes}\n",
           _map(kit, facets.tool_facet("etape"), "Les outils par étape de la démarche",
                "Sans étape rattachée par le kit"),
           "## Les outils {#liste}\n",
           '<section class="odd17-results" id="resultats" aria-labelledby="resultats-titre" '
           'markdown>\n',
           '<p id="resultats-titre" class="odd17-sr-only" tabindex="-1">Les outils</p>\n',
           f'<p class="odd17-results__count" role="status" aria-live="polite">'
           f"{n}\u00a0outil{'s' if n > 1 else ''}.</p>\n",
           '<ul class="odd17-tools" markdown>\n'
           + "\n".join(_card(kit, i, slug, tool) for i, (slug, tool) in enumerate(tools))
           + "\n</ul>\n",
           '<p class="odd17-filters__none" hidden markdown="span">Aucun outil ne correspond à ces '
           "filtres. Essayez d’en retirer un, ou [proposez un outil](../contribuer.md).</p>\n",
           "</section>\n",
           '<script src="filtres.js" defer></script>\n']
    return "\n".join(out)
