"""The base at a glance: figures drawn at build time in HTML and CSS (no chart library, no CDN).

Each figure is text at full size (bars, tiles), followed by its data as a table (the text
alternative for screen readers, and what prints best).
"""

from __future__ import annotations

import html
from collections import Counter

from odd17.content.facets import NOT_STATED, example_facet
from odd17.content.kit import Kit
from odd17.content.models import Territory
from odd17.site.examples_index import region_page
from odd17.site.text import md
from odd17.site.text import escape

INK = "#1a237e"       # bars and the darkest tiles (contrast 14:1 on white)
TEXT = "#1f1f1f"
CONTRIBUTE = "contribuer.md"  # from docs/panorama.md, resolved by MkDocs (online and offline)
# The regions, their tiles and short names come from content/vocabularies.yml (« tuile »,
# « abrege »): nothing about a region is typed here.


def _table(caption: str, header: tuple[str, str], rows: list[tuple[str, int]]) -> str:
    body = "".join(f"<tr><td>{escape(label)}</td><td>{count}</td></tr>" for label, count in rows)
    return (f'<details class="odd17-figure__data"><summary>Les données de la figure</summary>'
            f"<table><caption>{escape(caption)}</caption><thead><tr><th scope=\"col\">{escape(header[0])}"
            f"</th><th scope=\"col\">{escape(header[1])}</th></tr></thead><tbody>{body}</tbody></table>"
            "</details>")


def _missing(names: list[str], what: str) -> str:
    """One line for the values without examples, inviting a contribution (never a list of zeros)."""
    if not names:
        return ""
    return (f'\n\n<p class="odd17-empty" markdown="span">Pas encore d’exemple pour {what}\u00a0: '
            f"{md(', '.join(names))}. Vous en connaissez un\u00a0? [Proposez-le]({CONTRIBUTE}).</p>\n")


def bar_chart(figure_id: str, title: str, rows: list[tuple[str, int]], unit: str = "exemples",
              missing: list[str] | None = None, what: str = "") -> str:
    """Horizontal bars as an HTML table: the text keeps its size on a phone (an SVG scaled down
    to the screen made it 6 px), and the table is its own text alternative."""
    top = max((count for _, count in rows), default=0) or 1
    body = "".join(
        f'<tr><th scope="row">{escape(label)}</th><td><div class="odd17-bar__row">'
        f'<span class="odd17-bar__track"><span class="odd17-bar" '
        f'style="width:{max(1, round(100 * count / top))}%"></span></span>'
        f'<span class="odd17-bar__n">{_number(count)}</span></div></td></tr>' for label, count in rows)
    total = sum(count for _, count in rows)
    chart = (f'<table class="odd17-bars" id="{figure_id}"><caption>{escape(title)} '
             f"({_number(total)}\u00a0{unit} au total)</caption><tbody>{body}</tbody></table>") if rows else ""
    return f'<figure class="odd17-figure">{chart}</figure>{_missing(missing or [], what)}'


def _number(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def _shade(count: int, top: int) -> tuple[str, str]:
    """Tile colour and text colour with enough contrast (WCAG AA) for the count."""
    if count == 0:
        return "#eceff1", TEXT
    steps = ["#c5cae9", "#7986cb", "#3949ab", INK]
    level = min(3, int(4 * count / (top + 1)))
    return steps[level], TEXT if level <= 1 else "#ffffff"  # dark text on the two light shades (AA)


def region_map(kit: Kit) -> str:
    """Tile map of the regions, in HTML (a CSS grid that fits a phone, its text at full size):
    each region with examples is a link to its list (its territory page); without any example
    placed in a region, one line instead of a map of zeros."""
    territory = example_facet("territoire")
    examples = list(kit.examples.values())
    counts = territory.counts(kit, examples)
    regions = [t for t in territory.terms(kit) if isinstance(t, Territory) and t.tile]
    regional = {t.id: counts[t.id] for t in regions if counts[t.id]}
    national = counts.get("national", 0)
    if not regional:
        return (f'<p class="odd17-empty" markdown="span">Aucun exemple de la base n’est encore '
                f"situé dans une région{f' ({_number(national)} de portée nationale)' if national else ''}. "
                f"Vous connaissez une alliance régionale ? [Proposez-la]({CONTRIBUTE}).</p>\n")
    top = max(regional.values())
    tiles = []
    for region in regions:
        assert region.tile is not None
        col, row = region.tile
        n = counts.get(region.id, 0)
        fill, ink = _shade(n, top)
        place = f"grid-column:{col + 1};grid-row:{row + 1};background:{fill};color:{ink}"
        short = md(region.short or region.id)
        if n:
            count = f"{_number(n)} exemple{'s' if n > 1 else ''}"
            tiles.append(f'<div class="odd17-tile" style="{place}" markdown="span">'
                         f'[<span aria-hidden="true"><strong>{short}</strong> {_number(n)}</span>'
                         f'<span class="odd17-sr-only">{md(region.name)} ({short}) : {count}</span>]'
                         f"({region_page(kit, region.id)})</div>")
        else:
            tiles.append(f'<div class="odd17-tile odd17-tile--none" style="{place}" markdown="span">'
                         f'<span aria-hidden="true"><strong>{short}</strong></span>'
                         f'<span class="odd17-sr-only">{md(region.name)} : pas encore '
                         f"d’exemple</span></div>")
    columns = max(col for col, _ in (r.tile for r in regions if r.tile)) + 1
    lines = max(row for _, row in (r.tile for r in regions if r.tile)) + 1
    rows = [(r.name, counts.get(r.id, 0)) for r in regions]
    return (f'<figure class="odd17-figure odd17-figure--map" markdown>\n'
            f'<div class="odd17-tiles" style="grid-template-columns:repeat({columns},minmax(0,4.2rem))" '
            f'markdown>\n<p class="odd17-tiles__overseas" style="grid-column:1/-1;grid-row:{lines - 1}">'
            f"Outre-mer</p>\n" + "\n".join(tiles) +
            f"\n</div>\n<figcaption>{escape(kit.texts.panorama.map_caption.format(national=_number(national)))}"
            "</figcaption></figure>"
            f"{_table('Exemples par région', ('Région', 'Nombre'), [r for r in rows if r[1]] + [('National', national)])}")


def coverage_matrix(kit: Kit) -> str:
    """Models × territories that have examples: where examples are missing (an invitation to
    contribute). Territories without any example are named in one line, not as empty columns."""
    territory = example_facet("territoire")
    examples = list(kit.examples.values())
    used = [t for t, _ in territory.used(kit, examples)]
    missing = [t.name for t in territory.unused(kit, examples)]
    if not used:  # no table, and no promise of one
        return ""
    model = example_facet("modele")
    counts = Counter((m, t) for e in examples for m in model.values(kit, e)
                     for t in territory.values(kit, e))
    head = "".join(f'<th scope="col"><abbr title="{escape(term.name)}">'
                   f"{escape(getattr(term, 'short', None) or term.name)}</abbr></th>" for term in used)
    rows = []
    empty = ('<td class="odd17-gap"><span aria-hidden="true">·</span>'
             '<span class="odd17-sr-only">aucun</span></td>')
    for term in model.terms(kit):
        cells = "".join(f"<td>{_number(counts[(term.id, t.id)])}</td>" if counts[(term.id, t.id)]
                        else empty for t in used)
        rows.append(f'<tr><th scope="row">{escape(term.name)}</th>{cells}</tr>')
    # Its own scrolling region, reachable with the keyboard (Material's wrapper is not).
    return ("## Où manque-t-il des exemples\u202f? {#ou-manque-t-il-des-exemples}\n\n"
            "Le tableau croise les modèles de partenariat et les territoires. Chaque case vide est "
            "une alliance qui reste à documenter.\n\n"
            '<div class="odd17-matrix" tabindex="0" role="region" aria-label="Exemples par modèle '
            'et par territoire"><table class="odd17-matrix__table"><caption>Nombre d’exemples par '
            "modèle et par territoire (un point\u00a0: aucun exemple)</caption><thead><tr>"
            f"<th scope=\"col\">Modèle</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
            f"</table></div>{_missing(missing, 'ces territoires')}")


def _chart(kit: Kit, facet_id: str, figure_id: str, title: str, unit: str, what: str,
           records: str = "examples") -> str:
    facet = example_facet(facet_id)
    counts = facet.counts(kit, kit.examples.values())
    rows = [(t.name, counts[t.id]) for t in facet.terms(kit) if counts[t.id]]
    missing = [t.name for t in facet.terms(kit) if not counts[t.id]]
    return bar_chart(figure_id, title, rows, unit, missing, what)


def chart_categories(kit: Kit) -> str:
    return _chart(kit, "categorie", "categories", "Exemples par catégorie de partenariat",
                  "exemples", "ces catégories")


def chart_models(kit: Kit) -> str:
    return _chart(kit, "modele", "modeles", "Exemples par modèle de partenariat", "exemples",
                  "ces modèles")


def chart_partner_types(kit: Kit) -> str:
    """Partners by type. Where no source states a partner's type, a missing type says nothing
    about the base (its associations may be counted as « non précisé »): the line names what no
    partner is *stated* to be, and without any stated type the figure is one sentence."""
    facet = example_facet("type")
    counts: Counter[str] = Counter(p.type for e in kit.examples.values() for p in e.partners)
    if not any(n for t, n in counts.items() if t != NOT_STATED):
        total = sum(counts.values())
        return (f'<p class="odd17-empty" markdown="span">Les sources des exemples ne précisent '
                f"encore le type d’aucun partenaire ({_number(total)}\u00a0partenaire"
                f"{'s' if total > 1 else ''} au total)\u00a0: la base ne dit donc pas combien "
                "sont des associations, des entreprises ou des acteurs publics.</p>\n")
    rows = [(t.name, counts[t.id]) for t in facet.terms(kit) if counts[t.id]]
    missing = [t.name for t in facet.terms(kit) if not counts[t.id] and t.id != NOT_STATED]
    chart = bar_chart("types", "Partenaires par type d’organisation", rows, "partenaires")
    if not missing:
        return chart
    return (f'{chart}\n\n<p class="odd17-empty" markdown="span">Aucun partenaire de la base '
            f"n’est encore indiqué comme\u00a0: {md(', '.join(missing))}. Vous en connaissez "
            f"un\u00a0? [Proposez un exemple]({CONTRIBUTE}).</p>\n")
