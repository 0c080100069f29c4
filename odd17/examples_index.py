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

from .text import heading_slug

# The facet pages' addresses (published: trainers link them, see published-urls.txt). A region's
# is its official code and its name (« 53-bretagne »): readable, and the code keeps it unique.
CATEGORY_PAGE = "exemples/categories/{}.md"
MODEL_PAGE = "exemples/modeles/{}.md"
REGION_PAGE = "exemples/regions/{}.md"


def category_page(category_id: str) -> str:
    return CATEGORY_PAGE.format(category_id)


def model_page(model_id: str) -> str:
    return MODEL_PAGE.format(model_id)


def region_page(kit: Kit, code: str) -> str:
    """``exemples/regions/53-bretagne.md``; ``national`` (a code that is already a word) alone."""
    name = heading_slug(kit.label("territoires", code))
    return REGION_PAGE.format(code if name == code else f"{code}-{name}")


def folded(text: str) -> str:
    """Lower case without accents or ligatures, for the filters' words (« mécénat » = « mecenat »;
    docs/assets/examples-filter.js folds what the reader types the same way)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("œ", "oe").replace("æ", "ae"))
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
    """The filters (hidden until docs/assets/examples-filter.js shows them). Every term of each
    vocabulary is offered, used or not: an address shared for a region without examples yet
    then says « aucun exemple » instead of showing the whole base."""
    terms = kit._terms  # noqa: SLF001 - the Kit's own look-up table

    def options(vocabulary: str) -> list[tuple[str, str]]:
        return [(i, t.name) for i, t in terms[vocabulary].items()]

    fields = [
        _select("categorie", "Catégorie", options("categories"), "Toutes"),
        _select("modele", "Modèle de partenariat", options("modeles"), "Tous"),
        _select("type", "Type de partenaire", options("types_partenaires"), "Tous"),
        _select("territoire", "Territoire", options("territoires"), "Tous"),
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
    out = [f"La base compte **{_count(len(kit.examples))}**, classés selon la "
           f"[typologie des partenariats](../methode/typologie.md). Filtrez-les ci-dessous, "
           "ou parcourez-les [par territoire](#par-territoire). "
           "Voir aussi le [panorama de la base](../panorama.md).\n",
           filter_form(kit) + "\n"]
    for category in kit.typology.categories:
        out.append('<section class="odd17-group" data-group="categorie" markdown>\n')
        out.append(f"## {md(category.name)} {{#{category.id}}}\n")
        out.append(f"[Tous les exemples « {md(category.name)} »]({_from_index(category_page(category.id))})\n")
        for model in kit.models_of(category.id):
            examples = kit.examples_by_model.get(model.id, [])
            out.append('<section class="odd17-group" data-group="modele" markdown>\n')
            out.append(f"### {md(model.name)} {{#modele-{model.id}}}\n")
            if examples:
                out.append('<ul class="odd17-examples" markdown>\n'
                           + "\n".join(_entry(kit, s, e, "") for s, e in examples) + "\n</ul>\n")
            else:
                out.append("Aucun exemple pour l'instant\u00a0: "
                           "[proposez-en un](../contribuer.md).\n")
            out.append("</section>\n")
        out.append("</section>\n")
    out.append('<p class="odd17-filters__none" hidden markdown="span">Aucun exemple ne correspond à '
               "ces filtres. Essayez d'en retirer un, ou [proposez un exemple](../contribuer.md).</p>\n")
    out.append("## Par territoire {#par-territoire}\n")
    out.append('<ul class="odd17-territories" markdown>\n' + "\n".join(
        f'<li markdown="span">[{md(name)}]({_from_index(region_page(kit, code))}) '
        f"({_count(count)})</li>" for code, name, count in _territories(kit)) + "\n</ul>\n")
    return "\n".join(out)


def _from_index(page: str) -> str:
    """A facet page's address relative to the index (exemples/index.md)."""
    return page.removeprefix("exemples/")


def _count(n: int) -> str:
    return "aucun exemple" if n == 0 else f"{_number(n)}\u00a0exemple{'s' if n > 1 else ''}"


def _territories(kit: Kit) -> list[tuple[str, str, int]]:
    """(code, name, number of examples) of every territory, in the vocabulary's order."""
    counts: dict[str, int] = {}
    for example in kit.examples.values():
        if example.territory:
            counts[example.territory] = counts.get(example.territory, 0) + 1
    return [(code, term.name, counts.get(code, 0))
            for code, term in kit._terms["territoires"].items()]  # noqa: SLF001


def _facet_page(kit: Kit, path: str, title: str, intro: str,
                examples: list[tuple[str, Example]], description: str, query: str) -> str:
    """One page per category, model or territory: its examples as links, in plain HTML (print,
    search engines, no JavaScript), and the same list in the filterable index."""
    up = "../" * path.count("/")  # from exemples/<facet>/<id>.md to the docs' root
    # Out of the search index: each example is found by its own page (the lists would only
    # repeat their titles, and the index is what a reader downloads for a first search).
    lines = ["---", f"title: {_yaml_string(html.escape(title))}",
             f"description: {_yaml_string(html.escape(description))}", "search:", "  exclude: true",
             "---", "",
             f"# {md(title)}", "", intro, ""]
    if examples:
        lines.append(f"{_count(len(examples))} dans la base\u00a0:\n")
        lines.append('<ul class="odd17-examples" markdown>\n'
                     + "\n".join(_entry(kit, s, e, "../") for s, e in examples) + "\n</ul>")
    else:
        lines.append(f"Aucun exemple pour l'instant\u00a0: [proposez-en un]({up}contribuer.md).")
    lines.append(f"\n[Tous les exemples]({up}exemples/index.md) · [Croiser avec d'autres critères "
                 f"(modèle, territoire, type de partenaire…)]({up}exemples/index.md?{query})\n")
    return "\n".join(lines)


def _yaml_string(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def facet_pages(kit: Kit) -> Iterator[tuple[str, str]]:
    """Static pages per category, model and territory (they work in print and search engines).
    Every term has its page, with or without examples: the addresses stay valid whatever the
    base holds."""
    for category in kit.typology.categories:
        path = category_page(category.id)
        examples = [(s, e) for s, e in kit.examples.items() if kit.category_of(e).id == category.id]
        models = ", ".join(f"[{md(m.name)}](../../{model_page(m.id)})"
                           for m in kit.models_of(category.id))
        yield path, _facet_page(
            kit, path, f"Exemples\u00a0: {category.name}",
            f"{md(category.description)}\n\nModèles de cette catégorie\u00a0: {models}.",
            examples, f"Les exemples de la catégorie {category.name} de la base du kit.",
            f"categorie={category.id}")
    for model in kit.typology.models:
        path = model_page(model.id)
        category = kit.term("categories", model.category)
        yield path, _facet_page(
            kit, path, f"Exemples\u00a0: {model.name}",
            f"**{md(model.name)}** ([{md(category.name)}](../../{category_page(category.id)}))"
            f"\u00a0: {md(model.definition)} "
            f"[Ce modèle dans la typologie](../../methode/typologie.md#{model.id}).",
            kit.examples_by_model.get(model.id, []),
            f"Les exemples du modèle {model.name} de la base du kit.", f"modele={model.id}")
    for code, name, _ in _territories(kit):
        path = region_page(kit, code)
        examples = [(s, e) for s, e in kit.examples.items() if e.territory == code]
        where = ("Les exemples de la base de portée nationale." if code == "national" else
                 f"Les exemples de la base situés en région {md(name)} (code officiel de la "
                 f"région\u00a0: {code}).")
        yield path, _facet_page(
            kit, path, f"Exemples\u00a0: {name}", where, examples,
            f"Les exemples de la base du kit\u00a0: {name}.", f"territoire={code}")
