"""Markdown for the generated pages and for the macros of the hand-written pages.

Every function takes validated objects from the ``Kit`` and returns Markdown. Record text goes
through ``text.md`` (escaped): it is never raw HTML and never a template expression, because the
generated pages are not rendered by mkdocs-macros and macro output is not rendered again.
Links are Markdown links to ``.md`` files, so MkDocs resolves them for every build flavour (the
online site and the offline copy with ``.html`` addresses).
"""

from __future__ import annotations

import html
import json

import segno
from collections.abc import Iterator

from . import examples_index
from .kit import Kit
from .models import Example, Tool
from .text import external_link, french_date, md, md_paragraphs

EXAMPLES_DIR = "exemples"
TOOLS_DIR = "outils"
TYPOLOGY_PAGE = "methode/typologie.md"


def example_path(slug: str) -> str:
    return f"{EXAMPLES_DIR}/{slug}.md"


def tool_path(slug: str) -> str:
    return f"{TOOLS_DIR}/{slug}.md"


def _front_matter(**meta: object) -> str:
    """YAML front matter for a generated page.

    MkDocs and Material insert ``page.title`` and ``page.meta.description`` into the HTML
    without escaping them (<title>, navigation, <meta content="…">), so record text is
    HTML-escaped here; JSON is valid YAML, so the values are quoted whatever they contain.
    """
    meta = {key: html.escape(value) if isinstance(value, str) else value
            for key, value in meta.items()}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _summary(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def partner_names(example: Example) -> str:
    return " · ".join(p.name for p in example.partners)


def public_url(site_url: str, path: str) -> str:
    """The public address of a generated page: ``exemples/x.md`` → ``<site_url>exemples/x/``."""
    return site_url.rstrip("/") + "/" + path.removesuffix(".md") + "/"


def page_address(site_url: str, path: str, anchor: str = "") -> str:
    """A page's public address as text to copy (trainers paste it in slides and MOOC pages)."""
    if path == "index.md":
        url = site_url.rstrip("/") + "/"
    else:
        url = public_url(site_url, path.removesuffix("index.md").rstrip("/") + ".md"
                         if path.endswith("/index.md") else path)
    return f"`{url}{'#' + anchor if anchor else ''}`"


def record_pages(kit: Kit, site_url: str = "") -> Iterator[tuple[str, str]]:
    """One page per example and per tool."""
    for slug in kit.examples:
        yield example_path(slug), example_page(kit, slug, site_url=site_url)
    for slug in kit.tools:
        yield tool_path(slug), tool_page(kit, slug)


# --- Example pages ------------------------------------------------------------------------------

def _facts(facts: list[tuple[str, str]]) -> str:
    """The key facts of a record page (labels are ours, values already escaped Markdown)."""
    items = "\n".join(f"- **{label}\u00a0:** {value}" for label, value in facts)
    return f"{items}\n\n</div>\n"


def _sources_and_dates(record: Example | Tool) -> str:
    sources = "\n".join(f"- {external_link(s.title, s.url) if s.url else md(s.title)}"
                        for s in record.sources)
    return (f"## Sources\n\n{sources}\n\n<p class=\"odd17-dates\">Ajouté le "
            f"{french_date(record.added)}, vérifié le {french_date(record.reviewed)}.</p>\n")


def share_block(url: str) -> str:
    """The page's public address, always visible; « Copier le lien » is added by copy-link.js."""
    address = html.escape(url)
    return (f'<p class="odd17-share">Adresse de cette page : <code class="odd17-share__url">'
            f'{address}</code> <button type="button" class="md-button odd17-share__copy" '
            f'data-url="{address}" hidden>Copier le lien</button> '
            f'<span class="odd17-share__status" role="status" aria-live="polite"></span></p>\n')


def qr_block(url: str) -> str:
    """A QR code to the page's online address, shown in print only (paper → online page)."""
    # A fixed mask: segno's choice of the best of the 8 masks costs 11 ms per page, a third of
    # the build with 1,000 examples (scripts/bench.py); mask 0 is as valid and decoded as well.
    code = segno.make_qr(url, error="m", mask=0).svg_inline(scale=3, svgclass="odd17-qr__code",
                                                            title=f"QR code vers {url}")
    return (f'<div class="odd17-qr" aria-hidden="true">{code}<p>Page en ligne\u00a0:<br>'
            f"{html.escape(url)}</p></div>\n")


def example_page(kit: Kit, slug: str, up: str = "../", site_url: str = "") -> str:
    """The page of one example (generated at ``exemples/<slug>.md``)."""
    example = kit.examples[slug]
    model = kit.model(example.model)
    category = kit.category_of(example)
    out = [_front_matter(title=example.title, description=_summary(example.description),
                         tags=[category.name, model.name]),
           f"# {md(example.title)}\n",
           '<div class="odd17-facts" markdown>\n']
    facts = [("Modèle de partenariat",
              f"[{md(model.name)}]({up}{TYPOLOGY_PAGE}#{model.id}) "
              f"([ses exemples]({up}{examples_index.model_page(model.id)}))"),
             ("Catégorie", f"[{md(category.name)}]({up}{examples_index.category_page(category.id)})")]
    if example.territory:
        facts.append(("Territoire", f"[{md(kit.label('territoires', example.territory))}]"
                                    f"({up}{examples_index.region_page(kit, example.territory)})"))
    out.append(_facts(facts))
    out.append("## Le partenariat\n")
    out.append(md_paragraphs(example.description) + "\n")
    out.append("## Les partenaires\n")
    for partner in example.partners:
        name = external_link(partner.name, partner.website) if partner.website else md(partner.name)
        out.append(f"- {name} ({md(kit.label('types_partenaires', partner.type))})")
    out.append("")
    if example.objectives or example.impacts:
        out.append("## Objectifs et impacts\n")
        if example.objectives:
            names = ", ".join(md(kit.label("objectifs", o)) for o in example.objectives)
            out.append(f"- **Objectifs partagés\u00a0:** {names}")
        if example.impacts:
            names = ", ".join(md(kit.label("impacts", i)) for i in example.impacts)
            out.append(f"- **Impacts\u00a0:** {names}")
        out.append("")
    out.append(_sources_and_dates(example))
    if site_url:
        out.append(share_block(public_url(site_url, example_path(slug))))
        out.append(qr_block(public_url(site_url, example_path(slug))))
    others = [(s, e) for s, e in kit.examples_by_model.get(example.model, []) if s != slug]
    if others:
        out.append("## D'autres exemples du même modèle\n")
        out += [f"- [{md(e.title)}]({up}{example_path(s)})" for s, e in others[:10]]
        if len(others) > 10:
            out.append(f"- [Tous les exemples « {md(model.name)} »]({up}{examples_index.model_page(model.id)})")
        out.append("")
    out.append(f"[Tous les exemples inspirants]({up}exemples/index.md)\n")
    return "\n".join(out)


# --- Tool pages ---------------------------------------------------------------------------------

def tool_page(kit: Kit, slug: str, up: str = "../") -> str:
    """The page of one tool (generated at ``outils/<slug>.md``)."""
    tool = kit.tools[slug]
    out = [_front_matter(title=tool.name, description=_summary(tool.description),
                         tags=[kit.label("natures_outils", tool.kind)]),
           f"# {md(tool.name)}\n",
           '<div class="odd17-facts" markdown>\n']
    facts = [("Nature", md(kit.label("natures_outils", tool.kind))),
             ("Pour qui", ", ".join(md(kit.label("publics", a)) for a in tool.audiences))]
    if tool.publisher:
        facts.append(("Éditeur", md(tool.publisher)))
    if tool.url:
        facts.append(("Adresse", external_link(tool.url, tool.url)))
    facts.append(("Accès", md(kit.label("acces", tool.access))))
    if tool.steps:
        facts.append(("Étapes de la démarche", ", ".join(
            f"[{md(kit.label('etapes', s))}]({up}methode/index.md)" for s in tool.steps)))
    if tool.levers:
        facts.append(("Leviers", ", ".join(
            f"[{md(kit.label('leviers', lever))}]({up}methode/leviers.md#{lever})"
            for lever in tool.levers)))
    out.append(_facts(facts))
    out.append("## Description\n")
    out.append(md_paragraphs(tool.description) + "\n")
    out.append(_sources_and_dates(tool))
    return "\n".join(out)


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
            out.append(f"**Définition\u00a0:** {md(model.definition)}\n")
            out.append(f"**Qui apporte quoi\u00a0:** {md(model.who_brings_what)}\n")
            examples = kit.examples_by_model.get(model.id, [])
            if examples:
                out.append("**Exemples de la base\u00a0:**\n")
                out += [f"- [{md(e.title)}]({examples_page}{s}.md)" for s, e in examples]
                out.append("")
    return "\n".join(out)


def levers_list(kit: Kit) -> str:
    out = []
    for number, lever in enumerate(kit.typology.levers, 1):
        out.append(f"### {number}. {md(lever.name)} {{#{lever.id}}}\n")
        out += [f"- {md(q)}" for q in lever.questions]
        out.append("")
    return "\n".join(out)


def steps_list(kit: Kit) -> str:
    return "\n".join(f"{step.number}. **{md(step.name)}**\u00a0: {md(step.description)}"
                     for step in sorted(kit.typology.steps, key=lambda s: s.number)) + "\n"


def _described_list(terms: list) -> str:  # type: ignore[type-arg]
    return "\n".join(f"- **{md(t.name)}**\u00a0: {md(t.description)}" for t in terms) + "\n"


def objectives_list(kit: Kit) -> str:
    return _described_list(kit.typology.objectives)


def impacts_list(kit: Kit) -> str:
    return _described_list(kit.typology.impacts)


def catalysis_table(kit: Kit) -> str:
    dynamics = kit.typology.dynamics
    rows = ["| " + " | ".join(md(d.name) for d in dynamics) + " |",
            "|" + "---|" * len(dynamics),
            "| " + " | ".join("<br>".join("✓\u00a0" + md(a) for a in d.activities)
                              for d in dynamics) + " |"]
    return "\n".join(rows) + "\n"

