"""The record pages (examples, tools) as HTML, and Markdown for the hand-written pages' macros.

Record pages. Record text comes from strangers, so it never travels through a format another
parser could read differently: the page's metadata is a Python dict (``page_meta``) that the
MkDocs plugin puts on the page, and its body is HTML built here with one escaping helper per
output context (``odd17.site.text``: ``html_text``, ``html_attr``, ``html_url``); no Markdown parser
ever sees record text. Links to other pages of the kit go through a ``Linker`` the plugin gives
(MkDocs' own URL of the target file, relative to the page), so they work in the online site and
in the offline copy's ``.html`` addresses alike.

Macros. The hand-written pages' macros return Markdown; record text there goes through
``text.md`` (escaped). Macro output is not rendered again as a template.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from odd17.site import citation, examples_index
from odd17.content.addresses import EXAMPLES_INDEX, TYPOLOGY_PAGE, example_path, public_url, tool_path
from odd17.content.kit import Kit
from odd17.content.models import Example, Tool
from odd17.content.folding import heading_slug
from odd17.content.typography import after_colon
from odd17.site.text import (NOT_TEXT, escape, fill_html, french_date, html_attr, html_external_link,
                             html_paragraphs, html_text, md)

# (source path of a page of the site, anchor or "") → its address relative to the page built.
Linker = Callable[[str, str], str]


def _summary(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


# --- Record pages -------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordPage:
    """A page generated from one record: where it goes and what MkDocs must know of it."""

    path: str  # source path in the site, e.g. exemples/<slug>.md
    kind: str  # "example" or "tool"
    slug: str
    title: str  # plain text (escaped by page_meta)
    description: str  # plain text summary
    tags: list[str] = field(default_factory=list)


@dataclass
class Heading:
    level: int
    id: str
    text: str  # plain text


def record_pages(kit: Kit) -> Iterator[RecordPage]:
    """One page per example and per tool."""
    for slug, example in kit.examples.items():
        yield RecordPage(example_path(slug), "example", slug, example.title,
                         _summary(example.description),
                         [kit.category_of(example).name, kit.model(example.model).name])
    for slug, tool in kit.tools.items():
        yield RecordPage(tool_path(slug), "tool", slug, tool.name, _summary(tool.description),
                         [kit.label("natures_outils", tool.kind)])


def page_meta(record: RecordPage) -> dict[str, object]:
    """The page's metadata as MkDocs and Material use it (``page.meta``).

    Material prints ``page.meta.title`` in <title> and the header and ``page.meta.description``
    in ``<meta content="…">`` without escaping, and the search index takes the title and tags as
    HTML: each value is escaped for the context where it lands.
    """
    return {"title": html_text(record.title), "description": html_attr(record.description),
            "tags": [html_text(tag) for tag in record.tags],
            # The tags stay for Material's search; shown, they were grey chips that looked like
            # buttons and led nowhere: the key facts give the same words as links.
            "hide": ["tags"]}


class _Body:
    """The HTML of a record page under construction, with its headings (the page's contents)."""

    def __init__(self, permalink_title: str) -> None:
        self.parts: list[str] = []
        self.headings: list[Heading] = []
        self.permalink_title = permalink_title
        self._ids: set[str] = set()

    def heading(self, level: int, text: str, anchor: str | None = None, attrs: str = "") -> None:
        """A heading as Python-Markdown's toc extension writes it (id, permalink); ``attrs``, the
        kit's own attributes (``NOT_TEXT``)."""
        base = anchor or heading_slug(text)
        unique, n = base, 0
        while unique in self._ids:  # the toc extension's rule for repeated anchors
            n += 1
            unique = f"{base}_{n}"
        self._ids.add(unique)
        self.headings.append(Heading(level, unique, text))
        self.parts.append(f'<h{level} id="{unique}"{" " + attrs if attrs else ""}>'
                          f'{html_text(text)}<a class="headerlink" '
                          f'href="#{unique}" title="{html_attr(self.permalink_title)}">&para;</a>'
                          f"</h{level}>\n")

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def html(self) -> str:
        return "".join(self.parts)


def _a(href: str, text_html: str) -> str:
    return f'<a href="{href}">{text_html}</a>'


def _external(text: str, url: str | None) -> str:
    return html_external_link(text, url) if url else html_text(text)


def _facts(facts: list[tuple[str, str]]) -> str:
    """The key facts of a record page (labels are ours, values already HTML)."""
    items = "".join(f"<li><strong>{html_text(label)}\u00a0:</strong> {value}</li>\n"
                    for label, value in facts)
    return f'<div class="odd17-facts">\n<ul>\n{items}</ul>\n</div>\n'


def _sources_and_dates(body: _Body, record: Example | Tool) -> None:
    body.heading(2, "Sources", "sources")
    items = "".join(f"<li>{_external(s.title, s.url)}</li>\n" for s in record.sources)
    body.add(f"<ul>\n{items}</ul>\n<p class=\"odd17-dates\" {NOT_TEXT}>Ajouté le "
             f"{french_date(record.added)}, vérifié le {french_date(record.reviewed)}.</p>\n")


def share_block(url: str) -> str:
    """The page's public address, always visible; « Copier le lien » is added by copy-link.js."""
    address = escape(url)
    # A <span>, not <code>: Material sets code at .85em, under 12 px on phones (Lighthouse's
    # legible font sizes); the class keeps it breakable anywhere (docs/assets/kit.css).
    return (f'<p class="odd17-share" {NOT_TEXT}>Adresse de cette page\u00a0: '
            f'<span class="odd17-share__url">{address}</span> '
            '<button type="button" class="md-button odd17-share__copy" '
            f'data-url="{address}" hidden>Copier le lien</button> '
            f'<span class="odd17-share__status" role="status" aria-live="polite"></span></p>\n')


def qr_block(url: str) -> str:
    """A QR code to the page's online address, shown in print only (paper → online page).

    The build writes only the address; the browser draws the code (docs/assets/record-qr.js,
    in mkdocs.yml's extra_javascript, with the npm library qrcode-generator). Drawn here in
    Python (segno) it cost 3 to 11 ms per page, a sixth of the build at 1,000 examples, for a
    block that only shows on paper; in the browser it costs about a millisecond, on the pages
    read (drawn at load, so that a print or a PDF made right after loading has it).
    """
    address = html_attr(url)
    return (f'<div class="odd17-qr" data-url="{address}" aria-hidden="true" {NOT_TEXT}>'
            f"<p>Page en ligne\u00a0:<br>{html_text(url)}</p></div>\n")


def record_html(kit: Kit, record: RecordPage, link: Linker, site_url: str = "",
                permalink_title: str = "") -> tuple[str, list[Heading]]:
    """The body of a record page (HTML) and its headings, for ``record`` of ``record_pages``."""
    body = _Body(permalink_title)
    if record.kind == "example":
        _example_body(body, kit, record.slug, link, site_url)
    else:
        _tool_body(body, kit, record.slug, link)
    return body.html(), body.headings


# The step of the approach and the lever whose tools an example page offers to build a
# partnership like it: « Qualifier le modèle de partenariat adapté » and « Apprendre à faire
# alliances » (content/typology.yml).
BUILDING_STEP = "modele"
BUILDING_LEVER = "alliances"
RELATED_MAX = 5  # related examples listed on an example page
TOOLS_MAX = 6  # tools listed under « Construire un partenariat de ce type »
UNKNOWN_TYPE = "non-precise"  # a partner whose type no source states
TYPOLOGY_EXAMPLES = 3  # examples listed per model on the typology page


def _partners(kit: Kit, example: Example) -> str:
    """The partners, each with its type only when a source states it; the caveat once."""
    items = "".join(
        f"<li>{_external(p.name, p.website)}"
        + (f" ({html_text(kit.label('types_partenaires', p.type))})"
           if p.type != UNKNOWN_TYPE else "") + "</li>\n" for p in example.partners)
    unknown = [p for p in example.partners if p.type == UNKNOWN_TYPE]
    caveat = ""
    if unknown:
        who = ("des partenaires" if len(unknown) == len(example.partners)
               else "de " + ", ".join(html_text(p.name) for p in unknown))
        caveat = (f'<p class="odd17-caveat">Type d’organisation {who}\u00a0: '
                  f"{html_text(kit.label('types_partenaires', UNKNOWN_TYPE)).lower()}.</p>\n")
    return f'<ul class="odd17-partners">\n{items}</ul>\n{caveat}'


def building_tools(kit: Kit) -> list[tuple[str, Tool]]:
    """The tools of the step and lever of building a partnership (``BUILDING_STEP``, ``_LEVER``)."""
    return [(slug, tool) for slug, tool in kit.tools.items()
            if BUILDING_STEP in tool.steps or BUILDING_LEVER in tool.levers]


def related_examples(kit: Kit, slug: str) -> tuple[str, list[tuple[str, Example]]]:
    """Other examples of the same model, else of the same category: ("modele" or "categorie",
    the examples)."""
    example = kit.examples[slug]
    same_model = [(s, e) for s, e in kit.examples_by_model.get(example.model, []) if s != slug]
    if same_model:
        return "modele", same_model
    category = kit.model(example.model).category
    return "categorie", [(s, e) for m in kit.models_of(category)
                         for s, e in kit.examples_by_model.get(m.id, []) if s != slug]


def _example_body(body: _Body, kit: Kit, slug: str, link: Linker, site_url: str) -> None:
    example = kit.examples[slug]
    model = kit.model(example.model)
    category = kit.category_of(example)
    body.heading(1, example.title)
    # The key facts, each a link to its list or its definition.
    facts = [("Modèle de partenariat",
              f"{_a(link(TYPOLOGY_PAGE, model.id), html_text(model.name))} "
              f"({_a(link(examples_index.model_page(model.id), ''), 'ses exemples')})"),
             ("Catégorie", _a(link(examples_index.category_page(category.id), ""),
                              html_text(category.name)))]
    if example.territory:
        facts.append(("Territoire", _a(link(examples_index.region_page(kit, example.territory), ""),
                                       html_text(kit.label("territoires", example.territory)))))
    body.add(_facts(facts))
    body.heading(2, "Le partenariat", "le-partenariat")
    body.add(html_paragraphs(example.description))
    body.heading(2, "Les partenaires", "les-partenaires")
    body.add(_partners(kit, example))
    if example.objectives or example.impacts:
        body.heading(2, "Objectifs et impacts", "objectifs-et-impacts")
        items = []
        if example.objectives:
            names = ", ".join(html_text(kit.label("objectifs", o)) for o in example.objectives)
            items.append(f"<li><strong>Objectifs partagés\u00a0:</strong> {names}</li>\n")
        if example.impacts:
            names = ", ".join(html_text(kit.label("impacts", i)) for i in example.impacts)
            items.append(f"<li><strong>Impacts\u00a0:</strong> {names}</li>\n")
        body.add(f"<ul>\n{''.join(items)}</ul>\n")
    _sources_and_dates(body, example)
    body.add(citation.example_citation(example, slug, public_url(site_url, example_path(slug))
                                       if site_url else ""))
    if site_url:
        body.add(share_block(public_url(site_url, example_path(slug))))
        body.add(qr_block(public_url(site_url, example_path(slug))))
    _next_steps(body, kit, slug, link)


def _next_steps(body: _Body, kit: Kit, slug: str, link: Linker) -> None:
    """What a reader can do next: build such a partnership (the method, the tools of that step),
    read related examples. The same links on many pages: not a page's text, for either search;
    web only (an example prints on one page)."""
    example = kit.examples[slug]
    model = kit.model(example.model)
    body.add(f'<div class="odd17-next odd17-web-only" {NOT_TEXT}>\n')
    texts = kit.texts.example_page
    body.heading(2, texts.building_title, "construire-un-partenariat-de-ce-type", NOT_TEXT)
    steps = sorted(kit.typology.steps, key=lambda s: s.number)
    items = [f"<li>{_a(link('methode/index.md', ''), escape(texts.building_method))}\u00a0: "
             + ", ".join(html_text(s.name[:1].lower() + s.name[1:]) for s in steps) + "</li>\n",
             f"<li>{_a(link(TYPOLOGY_PAGE, model.id), 'Le modèle « ' + html_text(model.name) + ' »')}"
             f" {escape(texts.building_model)}</li>\n",
             f"<li>{_a(link('methode/quel-modele.md', ''), escape(texts.building_selector))}"
             "</li>\n"]
    body.add(f'<ul class="odd17-next__method">\n{"".join(items)}</ul>\n')
    tools = building_tools(kit)
    if tools:
        step = next((s.name for s in steps if s.id == BUILDING_STEP), "")
        body.add(f'<p class="odd17-next__label">{fill_html(texts.building_tools, etape=html_text(step))}'
                 "</p>\n<ul class=\"odd17-next__tools\">\n"
                 + "".join(f"<li>{_a(link(tool_path(s), ''), html_text(t.name))}</li>\n"
                           for s, t in tools[:TOOLS_MAX])
                 + f"<li>{_a(link('outils/index.md', ''), escape(texts.building_map))}"
                 "</li>\n</ul>\n")
    kind, related = related_examples(kit, slug)
    if related:
        category = kit.category_of(example)
        if kind == "modele":
            body.heading(2, "D’autres exemples du même modèle", "d-autres-exemples-du-meme-modele",
                         NOT_TEXT)
            every = (examples_index.model_page(model.id), model.name)
        else:
            body.heading(2, f"D’autres exemples de la catégorie « {category.name} »",
                         "d-autres-exemples-de-la-categorie", NOT_TEXT)
            every = (examples_index.category_page(category.id), category.name)
        items = [f"<li>{_a(link(example_path(s), ''), html_text(e.title))}"
                 f' <span class="odd17-related__model">{html_text(kit.model(e.model).name)}</span>'
                 "</li>\n" for s, e in related[:RELATED_MAX]]
        count = len(related) + 1  # with this one
        items.append(f"<li>{_a(link(every[0], ''), f'Voir les {count} exemples « {html_text(every[1])} »')}"
                     "</li>\n")
        body.add(f'<ul class="odd17-related">\n{"".join(items)}</ul>\n')
    body.add(f"<p>{_a(link(EXAMPLES_INDEX, ''), 'Tous les exemples inspirants')}</p>\n</div>\n")


def _tool_body(body: _Body, kit: Kit, slug: str, link: Linker) -> None:
    tool = kit.tools[slug]
    body.heading(1, tool.name)
    facts = [("Nature", html_text(kit.label("natures_outils", tool.kind))),
             ("Pour qui", ", ".join(html_text(kit.label("publics", a)) for a in tool.audiences))]
    if tool.publisher:
        facts.append(("Éditeur", html_text(tool.publisher)))
    if tool.url:
        facts.append(("Adresse", _external(tool.url, tool.url)))
    facts.append(("Accès", html_text(kit.label("acces", tool.access))))
    if tool.steps:
        facts.append(("Étapes de la démarche", ", ".join(
            _a(link("methode/index.md", ""), html_text(kit.label("etapes", s)))
            for s in tool.steps)))
    if tool.levers:
        facts.append(("Leviers", ", ".join(
            _a(link("methode/leviers.md", lever), html_text(kit.label("leviers", lever)))
            for lever in tool.levers)))
    body.add(_facts(facts))
    body.heading(2, "Description", "description")
    body.add(html_paragraphs(tool.description))
    _sources_and_dates(body, tool)


# --- The method (macros of the hand-written pages) ----------------------------------------------

def typology_table(kit: Kit) -> str:
    rows = ["| Catégorie | Modèle de partenariat | Définition | Exemples cités |",
            "|---|---|---|---|"]
    for category in kit.typology.categories:
        for model in kit.models_of(category.id):
            cited = "<br>".join(md(e) for e in model.cited_examples)
            rows.append(f"| {md(category.name)} | [{md(model.name)}](#{model.id}) | "
                        f"{md(model.definition)} | {cited} |")
    note = (f'\n\n!!! note "Une lecture du tableau source"\n\n    {md(kit.typology.grouping)}\n')
    return "\n".join(rows) + note


def models_details(kit: Kit, examples_page: str = "../exemples/") -> str:
    out = []
    for category in kit.typology.categories:
        out.append(f"## {md(category.name)} {{#categorie-{category.id}}}\n")
        out.append(md(category.description) + "\n")
        for model in kit.models_of(category.id):
            out.append(f"### {md(model.name)} {{#{model.id}}}\n")
            out.append(f"**Définition\u00a0:** {md(after_colon(model.definition))}\n")
            out.append(f"**Qui apporte quoi\u00a0:** {md(after_colon(model.who_brings_what))}\n")
            examples = kit.examples_by_model.get(model.id, [])
            if examples:
                # A few, then the model's list: at 1,000 examples the page listed them all.
                out.append("**Exemples de la base\u00a0:**\n")
                out += [f"- [{md(e.title)}]({examples_page}{s}.md)"
                        for s, e in examples[:TYPOLOGY_EXAMPLES]]
                if len(examples) > TYPOLOGY_EXAMPLES:
                    out.append(f"- [Voir les {len(examples)} exemples «\u00a0{md(model.name)}\u00a0»]"
                               f"({examples_page}{examples_index.model_page(model.id).removeprefix('exemples/')})")
                out.append("")
    return "\n".join(out)


def _blocks(kind: str, blocks: list[tuple[str, list[str]]]) -> str:
    """Blocks to scan side by side (docs/assets/kit.css, .odd17-blocks): a heading (Markdown,
    with its attribute list) and its items as a list."""
    out = [f'<div class="odd17-blocks {kind}" markdown>\n']
    for heading, items in blocks:
        out.append('<div class="odd17-block" markdown>\n')
        out.append(f"### {heading}\n")
        out += [f"- {md(item)}" for item in items]
        out.append("\n</div>\n")
    out.append("</div>\n")
    return "\n".join(out)


def levers_list(kit: Kit) -> str:
    """The levers as blocks, each its questions."""
    return _blocks("odd17-levers", [(f"{number}. {md(lever.name)} {{#{lever.id}}}", lever.questions)
                                    for number, lever in enumerate(kit.typology.levers, 1)])


def steps_list(kit: Kit) -> str:
    """The 3 steps as a step-by-step sequence (numbered, joined by a line: .odd17-steps)."""
    # The step's name is the item's heading line (bold, on its own line), its description the
    # paragraph below: no colon between them, the description keeps its capital.
    items = "\n\n".join(f"{step.number}. **{md(step.name)}**\n\n    {md(step.description)}"
                        for step in sorted(kit.typology.steps, key=lambda s: s.number))
    return f'<div class="odd17-steps" markdown>\n\n{items}\n\n</div>\n'


def _described_list(terms: list) -> str:
    items = "\n".join(f"- **{md(t.name)}**\u00a0: {md(after_colon(t.description))}" for t in terms)
    return f'<div class="odd17-cards" markdown>\n\n{items}\n\n</div>\n'


def objectives_list(kit: Kit) -> str:
    return _described_list(kit.typology.objectives)


def impacts_list(kit: Kit) -> str:
    return _described_list(kit.typology.impacts)


def catalysis_table(kit: Kit) -> str:
    """The dynamics of territorial catalysis as blocks side by side, each its activities as a
    list (a one-row table with ticks as bullets read badly on a phone)."""
    return _blocks("odd17-dynamics", [(md(dynamic.name), dynamic.activities)
                                      for dynamic in kit.typology.dynamics])
