"""The examples index (with its filters) and the static pages per category, model and region.

The index lists every example in the HTML, grouped by category and model, so it works without
JavaScript, in print and for search engines; docs/assets/examples-filter.js only hides what does
not match the filters. Each entry carries its facets in data-* attributes (escaped).
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterator

from .kit import Kit
from .models import Example
from .text import md

FACETS_DIR = "exemples"
CATEGORY_PAGE = "exemples/categories/{}.md"
MODEL_PAGE = "exemples/modeles/{}.md"
REGION_PAGE = "exemples/regions/{}.md"


def folded(text: str) -> str:
    """Lower case without accents, for accent-insensitive matching (« mécénat » = « mecenat »)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _number(n: int) -> str:
    """« 1 009 »: French digit grouping with a narrow no-break space."""
    return f"{n:,}".replace(",", "\u202f")


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _entry(kit: Kit, slug: str, example: Example, link_prefix: str) -> str:
    """One example of a list: a Markdown link inside HTML (md_in_html), so MkDocs resolves it
    for both the online site and the offline copy's .html addresses."""
    model = kit.model(example.model)
    territory = kit.label("territoires", example.territory) if example.territory else ""
    partners = " · ".join(p.name for p in example.partners)
    category = kit.term("categories", model.category).name
    words = " ".join([example.title, partners, model.name, category, territory])
    data = {
        "categorie": model.category, "modele": example.model,
        "type": " ".join(sorted({p.type for p in example.partners})),
        "territoire": example.territory or "", "objectif": " ".join(example.objectives),
        "impact": " ".join(example.impacts), "texte": folded(words),
    }
    attrs = " ".join(f'data-{key}="{_attr(value)}"' for key, value in data.items())
    where = f" — {md(territory)}" if territory else ""
    return (f'<li class="odd17-example" {attrs} markdown="span">[{md(example.title)}]'
            f"({link_prefix}{slug}.md)<br><small>{md(partners)}{where}</small></li>")


def _select(name: str, label: str, options: list[tuple[str, str]], everything: str) -> str:
    choices = "".join(f'<option value="{_attr(value)}">{html.escape(text)}</option>'
                      for value, text in options)
    return (f'<div class="odd17-filters__field"><label for="filtre-{name}">{label}</label>'
            f'<select id="filtre-{name}" name="{name}"><option value="">{everything}</option>'
            f"{choices}</select></div>")


def filter_form(kit: Kit) -> str:
    terms = kit._terms  # noqa: SLF001 - the Kit's own look-up table
    used_territories = {e.territory for e in kit.examples.values() if e.territory}

    def options(vocabulary: str, keep: set[str] | None = None) -> list[tuple[str, str]]:
        return [(i, t.name) for i, t in terms[vocabulary].items() if keep is None or i in keep]

    fields = [
        _select("categorie", "Catégorie", options("categories"), "Toutes"),
        _select("modele", "Modèle de partenariat", options("modeles"), "Tous"),
        _select("type", "Type de partenaire", options("types_partenaires"), "Tous"),
        _select("territoire", "Territoire", options("territoires", used_territories), "Tous"),
        _select("objectif", "Objectif partagé", options("objectifs"), "Tous"),
        _select("impact", "Impact", options("impacts"), "Tous"),
    ]
    return ('<form class="odd17-filters" id="filtres" role="search" aria-label="Filtrer les exemples" '
            'hidden>'
            '<div class="odd17-filters__field odd17-filters__text"><label for="filtre-mots">Mots '
            '(titre, partenaire, modèle, catégorie, région)</label><input id="filtre-mots" name="mots" '
            'type="search" '
            'autocomplete="off"></div>'
            + "".join(fields)
            + '<div class="odd17-filters__actions"><button type="reset" class="md-button">'
              "Effacer les filtres</button>"
              '<p class="odd17-filters__count" role="status" aria-live="polite"></p></div></form>')


def examples_index(kit: Kit) -> str:
    """Every example, grouped by category and model, with the filter form (JS)."""
    regions = _regions(kit)
    by_region = ", ou parcourez-les [par région](#par-region)" if regions else ""
    out = [f"La base compte **{_number(len(kit.examples))}\u00a0exemples**, classés selon la "
           f"[typologie des partenariats](../methode/typologie.md). Filtrez-les ci-dessous{by_region}. "
           "Voir aussi le [panorama de la base](../panorama.md).\n",
           filter_form(kit) + "\n"]
    for category in kit.typology.categories:
        out.append(f'<section class="odd17-group" data-group="categorie" markdown>\n')
        out.append(f"## {md(category.name)} {{#{category.id}}}\n")
        out.append(f"[Tous les exemples « {md(category.name)} »](categories/{category.id}.md)\n")
        for model in kit.models_of(category.id):
            examples = kit.examples_by_model.get(model.id, [])
            out.append(f'<section class="odd17-group" data-group="modele" markdown>\n')
            out.append(f"### {md(model.name)} {{#modele-{model.id}}}\n")
            if examples:
                out.append('<ul class="odd17-examples" markdown>\n'
                           + "\n".join(_entry(kit, s, e, "") for s, e in examples) + "\n</ul>\n")
            else:
                out.append("Aucun exemple pour l'instant\u00a0: "
                           "[proposez-en un](../contribuer.md).\n")
            out.append("</section>\n")
        out.append("</section>\n")
    out.append('<p class="odd17-filters__none" hidden>Aucun exemple ne correspond à ces filtres. '
               "Essayez d'en retirer un, ou [proposez un exemple](../contribuer.md).</p>\n")
    if regions:
        out.append("## Par région {#par-region}\n")
        out += [f"- [{md(name)}](regions/{code}.md) ({count})" for code, name, count in regions]
        out.append("")
    return "\n".join(out)


def _regions(kit: Kit) -> list[tuple[str, str, int]]:
    counts: dict[str, int] = {}
    for example in kit.examples.values():
        if example.territory:
            counts[example.territory] = counts.get(example.territory, 0) + 1
    return [(code, term.name, counts[code]) for code, term in kit._terms["territoires"].items()  # noqa: SLF001
            if code in counts]


def _facet_page(kit: Kit, title: str, intro: str, examples: list[tuple[str, Example]],
                description: str) -> str:
    # Out of the search index: each example is found by its own page (the lists would only
    # repeat their titles, and the index is what a reader downloads for a first search).
    lines = ["---", f"title: {_yaml_string(html.escape(title))}",
             f"description: {_yaml_string(html.escape(description))}", "search:", "  exclude: true",
             "---", "",
             f"# {md(title)}", "", intro, ""]
    if examples:
        lines.append('<ul class="odd17-examples" markdown>\n'
                     + "\n".join(_entry(kit, s, e, "../") for s, e in examples) + "\n</ul>")
    else:
        lines.append("Aucun exemple pour l'instant\u00a0: [proposez-en un](../../contribuer.md).")
    lines.append("\n[Tous les exemples](../index.md)\n")
    return "\n".join(lines)


def _yaml_string(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def facet_pages(kit: Kit) -> Iterator[tuple[str, str]]:
    """Static pages per category, model and region (they work in print and search engines)."""
    for category in kit.typology.categories:
        examples = [(s, e) for s, e in kit.examples.items() if kit.category_of(e).id == category.id]
        models = ", ".join(f"[{md(m.name)}](../modeles/{m.id}.md)" for m in kit.models_of(category.id))
        yield CATEGORY_PAGE.format(category.id), _facet_page(
            kit, f"Exemples\u00a0: {category.name}",
            f"{md(category.description)}\n\nModèles de cette catégorie\u00a0: {models}.",
            examples, f"Les exemples de la catégorie {category.name} de la base du kit.")
    for model in kit.typology.models:
        category = kit.term("categories", model.category)
        yield MODEL_PAGE.format(model.id), _facet_page(
            kit, f"Exemples\u00a0: {model.name}",
            f"**{md(model.name)}** ([{md(category.name)}](../categories/{category.id}.md))\u00a0: "
            f"{md(model.definition)} [Voir dans la typologie](../../methode/typologie.md#{model.id}).",
            kit.examples_by_model.get(model.id, []),
            f"Les exemples du modèle {model.name} de la base du kit.")
    for code, name, _ in _regions(kit):
        examples = [(s, e) for s, e in kit.examples.items() if e.territory == code]
        yield REGION_PAGE.format(code), _facet_page(
            kit, f"Exemples\u00a0: {name}", f"Les exemples de la base situés dans ce territoire "
            f"({md(name)}).", examples, f"Les exemples de la base du kit en {name}.")
