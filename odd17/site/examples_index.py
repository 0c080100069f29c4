"""The examples index (filters over the whole base) and the static pages per facet value.

Built to stay light at 10,000 examples (figures in maintainers/performances.md):

- the index page holds the filter form, the first ``FIRST_PAGE`` examples and the ways into the
  complete listing; it never lists the whole base;
- the filters read a compact data file the build emits (``exemples/filtres/index.js``: the
  facets' declaration from odd17/content/facets.py and one code per example and facet), and the titles
  in chunks of ``CHUNK`` examples (``fiches-<n>.js``), fetched only for the results shown (and
  all of them for a search by words). They are scripts loaded by <script> tags, not JSON fetched:
  fetch() of a local file fails in the offline copy opened from file://;
- without JavaScript, the complete listing is the static pages of each category, model and
  territory, ``PAGE_SIZE`` examples per page (« Page 2 sur 7 », stable addresses).
"""

from __future__ import annotations

import html
import json
import math
import posixpath
from collections.abc import Iterator
from typing import Any

from odd17.content.kinds import EXAMPLE
from odd17.content import facets
from odd17.content.facets import Facet, declaration, encode, encode_numbers, script_data
from odd17.content.folding import fold
from odd17.content.addresses import EXAMPLES_DATA_DIR, example_path
from odd17.content.kit import Kit
from odd17.content.models import Example
from odd17.content.typography import french_plain
from odd17.content.typography import after_colon
from odd17.site.text import escape, md

FIRST_PAGE = 50    # examples on the index page, and per page of filtered results
PAGE_SIZE = 100    # examples per static facet page
CHUNK = 500        # examples per titles file of the filters' data
DATA_DIR = EXAMPLES_DATA_DIR
CONTRIBUTE = "contribuer.md"


# --- Addresses (kept for the record pages: odd17/site/render.py links an example to its facets) ------

def category_page(category_id: str) -> str:
    return f"{facets.example_facet('categorie').pages}/{category_id}.md"


def model_page(model_id: str) -> str:
    return f"{facets.example_facet('modele').pages}/{model_id}.md"


def region_page(kit: Kit, code: str) -> str:
    """``exemples/regions/53-bretagne.md``; ``national`` alone."""
    return facets.example_facet("territoire").page(kit, code)


# --- Small helpers ---------------------------------------------------------------------------------

def _number(n: int) -> str:
    """« 1 009 »: French digit grouping with a narrow no-break space."""
    return f"{n:,}".replace(",", "\u202f")


def _count(n: int, noun: str = "exemple") -> str:
    return f"aucun {noun}" if n == 0 else f"{_number(n)}\u00a0{noun}{'s' if n > 1 else ''}"


def ordered(kit: Kit) -> list[tuple[str, Example]]:
    """The examples in the index's order (typology order of their model, then slug): the
    position in this list is an example's number in the filters' data."""
    rank = {model.id: i for i, model in enumerate(
        m for c in kit.typology.categories for m in kit.models_of(c.id))}
    return sorted(kit.examples.items(), key=lambda item: (rank.get(item[1].model, 99), item[0]))


# The orders of the index (« Trier par »): the typology's order of ``ordered`` is « modele »;
# the others are ranks in the filters' data (``data_files``). The default: the newest first.
SORTS = (("recent", "Les plus récents"), ("titre", "Titre (A à Z)"), ("modele", "Modèle de partenariat"))
DEFAULT_SORT = "recent"


def sorted_by(items: list[tuple[str, Example]], sort: str) -> list[tuple[str, Example]]:
    """``items`` (in ``ordered``'s order) in the order of ``sort``."""
    if sort == "recent":
        return sorted(items, key=lambda item: (-item[1].added.toordinal(), fold(item[1].title)))
    if sort == "titre":
        return sorted(items, key=lambda item: (fold(item[1].title), item[0]))
    return list(items)


def summary(example: Example, limit: int = 140) -> str:
    """One line of an example's description, for the lists."""
    flat = " ".join(example.description.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def _where(kit: Kit, example: Example) -> str:
    """The line under an example's title: partners — model · territory (plain text)."""
    partners = " · ".join(p.name for p in example.partners)
    facts = [kit.model(example.model).name]
    if example.territory:
        facts.append(kit.label("territoires", example.territory))
    return f"{partners} — {' · '.join(facts)}"


def entry(kit: Kit, slug: str, example: Example, link_prefix: str) -> str:
    """One example of a list: a Markdown link inside HTML (md_in_html), so MkDocs resolves it
    for both the online site and the offline copy's .html addresses. The filter script renders
    the same markup for the pages of results it shows."""
    return (f'<li class="odd17-example" data-slug="{escape(slug)}" markdown="span">'
            f"[{md(example.title)}]({link_prefix}{slug}.md)<br>"
            f"<small>{md(_where(kit, example))}</small><br>"
            f'<span class="odd17-example__summary">{md(summary(example))}</span></li>')


def page_url(path: str, directory_urls: bool) -> str:
    """A source page's address in the built site, as MkDocs makes it (``exemples/x.md`` →
    ``exemples/x/``, or ``exemples/x.html`` in the offline copy)."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    return "" if stem == "index" else f"{stem.removesuffix('/index')}/"


def href(from_path: str, to_path: str, directory_urls: bool) -> str:
    """The relative link from one source page to another, as MkDocs would write it."""
    here, there = page_url(from_path, directory_urls), page_url(to_path, directory_urls)
    base = here if directory_urls else posixpath.dirname(here)
    relative = posixpath.relpath(there.rstrip("/") or ".", base.rstrip("/") or ".")
    return relative + "/" if there.endswith("/") and relative != "." else relative


def entry_html(kit: Kit, slug: str, example: Example, link: str) -> str:
    """The same entry as ``entry`` in HTML, its link already made: long lists (facet pages)
    skip the Markdown conversion of escaped text (a tenth of the build at 1,000 examples)."""
    return (f'<li class="odd17-example" data-slug="{escape(slug)}"><a href="{escape(link)}">'
            f"{escape(example.title)}</a><br><small>{escape(_where(kit, example))}"
            f'</small><br><span class="odd17-example__summary">{escape(summary(example))}'
            "</span></li>")


def _from_index(page: str) -> str:
    """A facet page's address relative to the index (exemples/index.md)."""
    return page.removeprefix(f"{EXAMPLE.section}/")


# --- The filters' data -----------------------------------------------------------------------------

def data_files(kit: Kit) -> Iterator[tuple[str, str]]:
    """``exemples/filtres/index.js`` (facets and codes) and ``fiches-<n>.js`` (titles)."""
    items = ordered(kit)
    examples = [e for _, e in items]
    codes, widths = {}, {}
    for facet in facets.EXAMPLE_FACETS:
        widths[facet.id], codes[facet.id] = encode(kit, facet, examples)
    chunks = math.ceil(len(items) / CHUNK)
    position = {slug: i for i, (slug, _) in enumerate(items)}
    sorts = {}
    for sort, _ in SORTS:
        if sort != "modele":  # the data's own order
            ranks = [0] * len(items)
            for rank, (slug, _) in enumerate(sorted_by(items, sort)):
                ranks[position[slug]] = rank
            sorts[sort] = encode_numbers(ranks, len(items))
    yield f"{DATA_DIR}/index.js", script_data("window.odd17Data", {
        "index": "exemples", "total": len(items), "chunk": CHUNK, "chunks": chunks,
        "pageSize": FIRST_PAGE, "facets": declaration(kit, facets.EXAMPLE_FACETS, examples),
        "widths": widths, "codes": codes, "sorts": sorts, "sort": DEFAULT_SORT})
    for n in range(chunks):
        rows = [[slug, french_plain(e.title), french_plain(_where(kit, e)),
                 french_plain(summary(e))]
                for slug, e in items[n * CHUNK:(n + 1) * CHUNK]]
        yield f"{DATA_DIR}/fiches-{n}.js", script_data("window.odd17Chunk", {
            "index": "exemples", "n": n, "rows": rows})


# --- The form --------------------------------------------------------------------------------------

def _select(facet: Facet, options: list[tuple[str, str]]) -> str:
    """One facet's field. A field offering one value or none filters nothing (« Non précisé
    par les sources (1 009) », the case of every facet that no record states yet): it stays in
    the form, hidden, and the script shows it when a shared address asks for one of its values
    (« aucun exemple »)."""
    choices = "".join(f'<option value="{escape(value)}">{escape(text)}</option>'
                      for value, text in options)
    hidden = "" if len(options) > 1 else " hidden"
    return (f'<div class="odd17-filters__field"{hidden}><label for="filtre-{facet.id}">'
            f'{facet.label}</label><select id="filtre-{facet.id}" name="{facet.id}">'
            f'<option value="">{facet.everything}</option>{choices}</select></div>')


def _sort_field() -> str:
    options = "".join(f'<option value="{v}"{" selected" if v == DEFAULT_SORT else ""}>'
                      f"{html.escape(text)}</option>" for v, text in SORTS)
    return ('<div class="odd17-filters__field odd17-filters__sort"><label for="filtre-tri">'
            f'Trier par</label><select id="filtre-tri" name="tri">{options}</select></div>')


def filter_form(kit: Kit, facets: tuple[Facet, ...], records: list[Any], index: str,
                words_label: str, noun: str, sortable: bool = False, foldable: bool = False) -> str:
    """The filters (hidden until docs/assets/examples-filter.js shows them). Only the values
    that records carry are offered, with their counts; the script recognises the others in a
    shared address and says that nothing matches. ``foldable``: on phones the form folds behind
    a « Filtres » button, written here (hidden) so that CSS gives it its place from the first
    paint, where scripts run (the script inserting it moved the results: a layout shift)."""
    fields = [_select(f, [(t.id, f"{t.name} ({_number(n)})") for t, n in f.used(kit, records)])
              for f in facets]
    fold = ('<div class="odd17-filters__bar"><button type="button" class="md-button odd17-filters__fold" '
            'aria-expanded="false" aria-controls="filtres" hidden>Filtres</button></div>') if foldable else ""
    return (fold + f'<form class="odd17-filters" id="filtres" data-index="{index}" role="search" '
            f'aria-label="Filtrer les {noun}s" hidden>'
            '<div class="odd17-filters__field odd17-filters__text"><label for="filtre-mots">'
            f'{words_label}</label><input id="filtre-mots" name="mots" type="search" '
            'autocomplete="off"></div>' + "".join(fields)
            + (_sort_field() if sortable else "")
            + '<div class="odd17-filters__actions"><button type="reset" class="md-button">'
              "Effacer les filtres</button></div></form>")


# --- The index page --------------------------------------------------------------------------------

def _browse(kit: Kit) -> str:
    """Ways into the complete listing without JavaScript: the facet pages of the values that have
    examples, with their counts; one line for the rest, inviting a contribution."""
    examples = list(kit.examples.values())
    out = ["## Parcourir toute la base {#parcourir}\n",
           "Chaque liste ci-dessous mène à toutes les fiches concernées, page par page.\n"]
    for facet in facets.with_pages():
        used = facet.used(kit, examples)
        if not facet.stated(kit, examples):
            # Nothing to browse by: not offered, but its pages keep their published addresses
            # (trainers may have linked them), folded away and said to be empty.
            pages = ", ".join(f"[{md(t.name)}]({_from_index(facet.page(kit, t.id))})"
                              for t in facet.terms(kit))
            out.append(f'<details class="odd17-empty" markdown>\n<summary>Aucun exemple '
                       f"n’indique encore son {facet.label.lower()}\u00a0: les pages par "
                       f"{facet.label.lower()}, encore vides</summary>\n\n{pages}.\n\n"
                       "</details>\n")
            continue
        out.append(f"### Par {facet.label.lower()} {{#par-{facet.id}}}\n")
        if used:
            out.append(f'<ul class="odd17-browse" markdown>\n' + "\n".join(
                f'<li markdown="span">[{md(t.name)}]({_from_index(facet.page(kit, t.id))}) '
                f"({_count(n)})</li>" for t, n in used) + "\n</ul>\n")
        unused = facet.unused(kit, examples)
        if unused:
            # Linked: each keeps its page (a published address), which invites a contribution.
            names = ", ".join(f"[{md(t.name)}]({_from_index(facet.page(kit, t.id))})"
                              for t in unused)
            out.append(f'<p class="odd17-empty" markdown="span">Pas encore d’exemple\u00a0: '
                       f"{names}. Vous en connaissez un\u00a0? "
                       f"[Proposez-le](../{CONTRIBUTE}).</p>\n")
    return "\n".join(out)


def examples_index(kit: Kit) -> str:
    """The index page: count, filters, the first page of results, the ways into the base."""
    items = ordered(kit)
    examples = [e for _, e in items]
    total = len(items)
    first = sorted_by(items, DEFAULT_SORT)[:FIRST_PAGE]
    pages = max(1, math.ceil(total / FIRST_PAGE))
    out = [f"La base compte **{_count(total)}**, classés selon la "
           f"[typologie des partenariats](../methode/typologie.md). Filtrez-les ci-dessous, "
           "ou [parcourez toute la base](#parcourir) par catégorie, modèle ou territoire. "
           "Voir aussi le [panorama de la base](../panorama.md).\n",
           filter_form(kit, facets.EXAMPLE_FACETS, examples, "exemples",
                       "Mots (titre, partenaire, modèle, catégorie, région)", "exemple",
                       sortable=True, foldable=True) + "\n",
           '<section class="odd17-results" id="resultats" aria-labelledby="resultats-titre" '
           'markdown>\n',
           '<h2 id="resultats-titre" tabindex="-1">Les exemples</h2>\n',
           f'<p class="odd17-results__count" role="status" aria-live="polite">'
           f"{_results_line(total, len(first), pages)}</p>\n",
           # The active filters, each a button that removes it (examples-filter.js).
           '<div class="odd17-active" hidden></div>\n']
    if first:
        out.append('<ul class="odd17-examples" markdown>\n'
                   + "\n".join(entry(kit, s, e, "") for s, e in first) + "\n</ul>\n")
    else:
        out.append(f"La base ne compte pas encore d’exemple\u00a0: "
                   f"[proposez le premier](../{CONTRIBUTE}).\n")
    out.append('<p class="odd17-filters__none" hidden markdown="span">Aucun exemple ne correspond '
               "à ces filtres. Essayez d’en retirer un, ou "
               f"[proposez un exemple](../{CONTRIBUTE}).</p>\n")
    if total > len(first):
        out.append('<p class="odd17-results__more" markdown="span">Les autres exemples\u00a0: '
                   "[parcourez toute la base](#parcourir) par catégorie, modèle ou territoire "
                   "(les filtres ci-dessus demandent JavaScript).</p>\n")
    out.append('<nav class="odd17-pages" aria-label="Pages de résultats" hidden></nav>\n')
    out.append("</section>\n")
    out.append(_browse(kit))
    out.append(f'<script src="filtres/index.js" defer></script>\n')
    return "\n".join(out)


def _results_line(total: int, shown: int, pages: int) -> str:
    if total == 0:
        return "Aucun exemple pour l’instant."
    if pages == 1:
        return f"{_count(total)}."
    return f"Les {_number(shown)} exemples les plus récents sur {_number(total)}."


# --- The static facet pages ------------------------------------------------------------------------

def _pager(kit: Kit, facet: Facet, value: str, number: int, pages: int) -> str:
    """« Page 2 sur 7 » with the previous/next pages and every page's number. No rel attribute:
    a record must never make the site write an attribute the real content does not
    (tests/test_hostile.py), and search engines no longer read rel=prev/next."""
    if pages == 1:
        return ""
    here = facet.page(kit, value, number)

    def link(n: int) -> str:
        target = facet.page(kit, value, n)
        return _relative(here, target)

    parts = []
    if number > 1:
        parts.append(f"[← Page précédente]({link(number - 1)})")
    parts.append(f"**Page {number} sur {pages}**")
    if number < pages:
        parts.append(f"[Page suivante →]({link(number + 1)})")
    numbers = " ".join(f"**{n}**" if n == number else f"[{n}]({link(n)})"
                       for n in range(1, pages + 1))
    return (f'<nav class="odd17-pager" aria-label="Pages de la liste" markdown>\n\n'
            f"{' · '.join(parts)}\n\nPages\u00a0: {numbers}\n\n</nav>\n")


def _relative(here: str, target: str) -> str:
    """A source path (``.md``) relative to another, as MkDocs resolves Markdown links."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def _intro(kit: Kit, facet: Facet, value: str, up: str) -> tuple[str, str]:
    """The page's first paragraph (Markdown) and its description (plain text)."""
    name = facet.name(kit, value)
    if facet.id == "categorie":
        category = kit.category(value)
        models = ", ".join(f"[{md(m.name)}]({up}{model_page(m.id)})" for m in kit.models_of(value))
        # The description and the grouping are the kit's reading of seed 003's flattened table,
        # which names the categories only: say so.
        return (f"{md(category.description)}\n\nModèles de cette catégorie\u00a0: {models}.\n\n"
                f"Cette présentation de la catégorie et le choix de ses modèles sont une lecture "
                f"du kit\u00a0: la fiche « kit méthodologique » nomme les quatre catégories sans "
                f"les décrire ni dire quels modèles relèvent de chacune (voir "
                f"[la typologie]({up}methode/typologie.md)).",
                f"Les exemples de la catégorie {name} de la base du kit.")
    if facet.id == "modele":
        model = kit.model(value)
        category = kit.category(model.category)
        return (f"**{md(model.name)}** ([{md(category.name)}]({up}{category_page(category.id)}))"
                f"\u00a0: {md(after_colon(model.definition))} "
                f"[Ce modèle dans la typologie]({up}methode/typologie.md#{model.id}).",
                f"Les exemples du modèle {name} de la base du kit.")
    if facet.id == "territoire":
        where = ("Les exemples de la base de portée nationale." if value == "national" else
                 f"Les exemples de la base situés en région {md(name)} (code officiel de la "
                 f"région\u00a0: {value}).")
        return where, f"Les exemples de la base du kit\u00a0: {name}."
    return "", f"Les exemples de la base du kit\u00a0: {facet.label} {name}."


def _empty(kit: Kit, facet: Facet, value: str, up: str) -> str:
    """What a page without examples says: an invitation and the ways around, not just « none »
    (its address stays: trainers may have linked it, see published-urls.txt)."""
    name = facet.name(kit, value)
    examples = list(kit.examples.values())
    nearby = []
    if facet.id == "territoire" and value != "national":
        national = facet.counts(kit, examples)["national"]
        if national:
            nearby.append(f"les [{_count(national)} de portée nationale]"
                          f"({up}{facet.page(kit, 'national')})")
    if facet.stated(kit, examples):
        nearby.append(f"[toute la base par {facet.label.lower()}]"
                      f"({up}exemples/index.md#par-{facet.id})")
    else:  # no example states this facet: the index has no list for it
        nearby.append(f"[toute la base]({up}exemples/index.md#parcourir)")
    return (f'<div class="odd17-empty-page" markdown>\n\n**La base ne compte pas encore '
            f"d’exemple pour «\u00a0{md(name)}\u00a0».** Vous connaissez une alliance qui en "
            f"serait un\u00a0? [Proposez-la]({up}{CONTRIBUTE}), elle sera publiée ici.\n\n"
            f"En attendant, parcourez {' ou '.join(nearby)}.\n\n</div>\n")


def _facet_page(kit: Kit, facet: Facet, value: str, examples: list[tuple[str, Example]],
                number: int, pages: int, directory_urls: bool = True) -> str:
    path = facet.page(kit, value, number)
    up = "../" * path.count("/")  # from the page to the docs' root
    title = facet.page_title(kit, value)
    intro, description = _intro(kit, facet, value, up)
    if number > 1:
        title = f"{title} (page {number} sur {pages})"
        description = f"{description} Page {number} sur {pages}."
    # Out of the search index: each example is found by its own page (the lists would only
    # repeat their titles, and the index is what a reader downloads for a first search).
    lines = ["---", f"title: {json.dumps(escape(title), ensure_ascii=False)}",
             f"description: {json.dumps(escape(description), ensure_ascii=False)}",
             "search:", "  exclude: true", "---", "", f"# {md(title)}", ""]
    if number == 1 and intro:
        lines += [intro, ""]
    if examples:
        first = (number - 1) * PAGE_SIZE
        shown = examples[first:first + PAGE_SIZE]
        total = len(examples)
        if pages > 1:
            lines.append(f"{_count(total)} dans la base\u00a0; ici, les exemples "
                         f"{_number(first + 1)} à {_number(first + len(shown))}\u00a0:\n")
        else:
            lines.append(f"{_count(total)} dans la base\u00a0:\n")
        # Raw HTML (no markdown attribute): Python-Markdown keeps it as it is.
        lines.append('<ul class="odd17-examples">\n' + "\n".join(
            entry_html(kit, s, e, href(path, example_path(s), directory_urls)) for s, e in shown)
            + "\n</ul>\n")
        lines.append(_pager(kit, facet, value, number, pages))
    else:
        lines.append(_empty(kit, facet, value, up))
    cross = (f" · [Croiser avec d’autres critères (modèle, territoire, type de partenaire…)]"
             f"({up}exemples/index.md?{facet.id}={value})" if examples else "")
    lines.append(f"\n[Tous les exemples]({up}exemples/index.md){cross}\n")
    return "\n".join(lines)


def facet_pages(kit: Kit, directory_urls: bool = True) -> Iterator[tuple[str, str]]:
    """Static pages of every value of the facets that have pages (category, model, territory),
    ``PAGE_SIZE`` examples per page. Every value has its first page, with or without examples:
    published addresses stay valid whatever the base holds."""
    items = ordered(kit)
    for facet in facets.with_pages():
        grouped: dict[str, list[tuple[str, Example]]] = {t.id: [] for t in facet.terms(kit)}
        for slug, example in items:
            for value in facet.values(kit, example):
                grouped[value].append((slug, example))
        for value, examples in grouped.items():
            pages = max(1, math.ceil(len(examples) / PAGE_SIZE))
            for number in range(1, pages + 1):
                yield (facet.page(kit, value, number),
                       _facet_page(kit, facet, value, examples, number, pages, directory_urls))
