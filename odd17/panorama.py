"""The base at a glance: figures drawn at build time as inline SVG (no chart library, no CDN).

Each figure is an SVG with role="img", a <title> and a <desc>, followed by its data as a table
(the text alternative for screen readers, and what prints best).
"""

from __future__ import annotations

import html
from collections import Counter

from .kit import Kit

INK = "#1a237e"       # bars and the darkest tiles (contrast 14:1 on white)
TEXT = "#1f1f1f"
# Tile map of France's regions (official code → column, row), overseas regions on the last row.
TILES = {"32": (2, 0), "28": (1, 1), "11": (2, 1), "44": (3, 1), "53": (0, 2), "52": (1, 2),
         "24": (2, 2), "27": (3, 2), "75": (1, 3), "84": (2, 3), "76": (1, 4), "93": (2, 4),
         "94": (3, 4), "01": (0, 6), "02": (1, 6), "03": (2, 6), "04": (3, 6), "06": (4, 6)}
ABBREVIATIONS = {"32": "HDF", "28": "NOR", "11": "IDF", "44": "GES", "53": "BRE", "52": "PDL",
                 "24": "CVL", "27": "BFC", "75": "NAQ", "84": "ARA", "76": "OCC", "93": "PACA",
                 "94": "COR", "01": "GUA", "02": "MTQ", "03": "GUF", "04": "RÉU", "06": "MAY"}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _table(caption: str, header: tuple[str, str], rows: list[tuple[str, int]]) -> str:
    body = "".join(f"<tr><td>{_e(label)}</td><td>{count}</td></tr>" for label, count in rows)
    return (f'<details class="odd17-figure__data"><summary>Les données de la figure</summary>'
            f"<table><caption>{_e(caption)}</caption><thead><tr><th scope=\"col\">{_e(header[0])}"
            f"</th><th scope=\"col\">{_e(header[1])}</th></tr></thead><tbody>{body}</tbody></table>"
            "</details>")


def bar_chart(figure_id: str, title: str, rows: list[tuple[str, int]], unit: str = "exemples") -> str:
    """Horizontal bars, one per row, with the label and the count written beside each bar."""
    label_width, bar_width, row_height = 250, 330, 26
    top = max((count for _, count in rows), default=0) or 1
    height = row_height * len(rows) + 10
    bars = []
    for i, (label, count) in enumerate(rows):
        y = 5 + i * row_height
        width = round(bar_width * count / top)
        bars.append(
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" fill="{TEXT}" '
            f'font-size="13">{_e(label)}</text>'
            f'<rect x="{label_width}" y="{y + 4}" width="{width}" height="{row_height - 8}" '
            f'fill="{INK}"/><text x="{label_width + width + 6}" y="{y + 17}" fill="{TEXT}" '
            f'font-size="13">{count}</text>')
    total = sum(count for _, count in rows)
    desc = "; ".join(f"{label} : {count}" for label, count in rows)
    return (f'<figure class="odd17-figure"><svg role="img" aria-labelledby="{figure_id}-t '
            f'{figure_id}-d" viewBox="0 0 {label_width + bar_width + 50} {height}" '
            f'width="100%" style="max-width:{label_width + bar_width + 50}px">'
            f'<title id="{figure_id}-t">{_e(title)}</title><desc id="{figure_id}-d">{_e(desc)}</desc>'
            + "".join(bars) + f"</svg><figcaption>{_e(title)} ({total}\u00a0{unit} au total)"
            f"</figcaption></figure>{_table(title, ('', 'Nombre'), rows)}")


def _shade(count: int, top: int) -> tuple[str, str]:
    """Tile colour and text colour with enough contrast (WCAG AA) for the count."""
    if count == 0:
        return "#eceff1", TEXT
    steps = ["#c5cae9", "#7986cb", "#3949ab", INK]
    level = min(3, int(4 * count / (top + 1)))
    return steps[level], TEXT if level == 0 else "#ffffff"


def region_map(kit: Kit) -> str:
    counts = Counter(e.territory for e in kit.examples.values() if e.territory)
    top = max(counts.values(), default=0)
    size, gap = 64, 6
    tiles = []
    names = {code: term.name for code, term in kit._terms["territoires"].items()}  # noqa: SLF001
    for code, (col, row) in TILES.items():
        fill, ink = _shade(counts.get(code, 0), top)
        x, y = 10 + col * (size + gap), 10 + row * (size + gap)
        tiles.append(f'<g><title>{_e(names.get(code, code))} : {counts.get(code, 0)}</title>'
                     f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="6" fill="{fill}"/>'
                     f'<text x="{x + size / 2}" y="{y + 26}" text-anchor="middle" fill="{ink}" '
                     f'font-size="13" font-weight="700">{ABBREVIATIONS[code]}</text>'
                     f'<text x="{x + size / 2}" y="{y + 48}" text-anchor="middle" fill="{ink}" '
                     f'font-size="15">{counts.get(code, 0)}</text></g>')
    width, height = 10 + 5 * (size + gap), 10 + 7 * (size + gap)
    overseas_y = 10 + 6 * (size + gap) - 8
    rows = [(names[code], counts.get(code, 0)) for code in names if code != "national"]
    national = counts.get("national", 0)
    desc = "; ".join(f"{name} : {count}" for name, count in rows)
    return (f'<figure class="odd17-figure"><svg role="img" aria-labelledby="carte-t carte-d" '
            f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px">'
            f'<title id="carte-t">Exemples par région (carte en tuiles)</title>'
            f'<desc id="carte-d">{_e(desc)}</desc>'
            f'<text x="10" y="{overseas_y}" fill="{TEXT}" font-size="12">Outre-mer</text>'
            + "".join(tiles) +
            f"</svg><figcaption>Exemples par région (une tuile par région, placée à peu près "
            f"comme sur la carte ; plus la tuile est foncée, plus il y a d'exemples). "
            f"Exemples de portée nationale\u00a0: {national}.</figcaption></figure>"
            f"{_table('Exemples par région', ('Région', 'Nombre'), rows + [('National', national)])}")


def coverage_matrix(kit: Kit) -> str:
    """Models × territories: where examples are missing (an invitation to contribute)."""
    territories = list(kit._terms["territoires"].items())  # noqa: SLF001
    counts = Counter((e.model, e.territory) for e in kit.examples.values() if e.territory)
    head = "".join(f'<th scope="col"><abbr title="{_e(term.name)}">'
                   f"{ABBREVIATIONS.get(code, 'NAT')}</abbr></th>" for code, term in territories)
    rows = []
    empty = '<td class="odd17-gap"><span aria-hidden="true">·</span><span class="odd17-sr-only">aucun</span></td>'
    for model in kit.typology.models:
        cells = "".join(f"<td>{counts[(model.id, code)]}</td>" if counts[(model.id, code)] else empty
                        for code, _ in territories)
        rows.append(f'<tr><th scope="row">{_e(model.name)}</th>{cells}</tr>')
    # Its own scrolling region, reachable with the keyboard (Material's wrapper is not).
    return ('<div class="odd17-matrix" tabindex="0" role="region" aria-label="Exemples par modèle '
            'et par territoire"><table class="odd17-matrix__table"><caption>Nombre d\'exemples par modèle et par '
            "territoire (un point : aucun exemple)</caption><thead><tr><th scope=\"col\">Modèle"
            f"</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def _count_rows(kit: Kit, key: str) -> list[tuple[str, int]]:
    if key == "categories":
        counts = Counter(kit.category_of(e).id for e in kit.examples.values())
        return [(c.name, counts.get(c.id, 0)) for c in kit.typology.categories]
    if key == "modeles":
        counts = Counter(e.model for e in kit.examples.values())
        return [(m.name, counts.get(m.id, 0)) for m in kit.typology.models]
    counts = Counter(p.type for e in kit.examples.values() for p in e.partners)
    return [(t.name, counts.get(t.id, 0)) for t in kit.vocabularies.partner_types]


def chart_categories(kit: Kit) -> str:
    return bar_chart("categories", "Exemples par catégorie de partenariat",
                     _count_rows(kit, "categories"))


def chart_models(kit: Kit) -> str:
    return bar_chart("modeles", "Exemples par modèle de partenariat", _count_rows(kit, "modeles"))


def chart_partner_types(kit: Kit) -> str:
    return bar_chart("types", "Partenaires par type d'organisation",
                     _count_rows(kit, "types"), unit="partenaires")
