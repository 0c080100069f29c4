"""« Quel modèle de partenariat pour nous ? »: the typology's models by shared objective.

The mapping is data (``objectifs_servis`` and ``lecture_objectifs`` of each model in
content/typology.yml). Without JavaScript the page shows the whole table; with it
(docs/assets/model-selector.js) the reader picks who they are and their objectives.
"""

from __future__ import annotations

import html

from .kit import Kit
from .text import md

ACTORS = [("association", "Une association"), ("entreprise", "Une entreprise"),
          ("fondation", "Une fondation"), ("collectivite", "Une collectivité territoriale")]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def model_selector(kit: Kit) -> str:
    objectives = kit.typology.objectives
    actors = "".join(
        f'<label><input type="radio" name="acteur" value="{value}"{" checked" if i == 0 else ""}> '
        f"{_e(label)}</label>" for i, (value, label) in enumerate(ACTORS))
    boxes = "".join(f'<label><input type="checkbox" name="objectif" value="{o.id}"> {_e(o.name)}'
                    "</label>" for o in objectives)
    results = []
    for model in kit.typology.models:
        category = kit.term("categories", model.category)
        examples = kit.examples_by_model.get(model.id, [])
        links = ", ".join(f"[{md(e.title)}](../exemples/{slug}.md)"
                          for slug, e in examples[:5]) or "aucun pour l'instant"
        # Markdown inside the HTML (md_in_html): MkDocs resolves the links for every build.
        results.append(
            f'<li class="odd17-model" data-objectifs="{" ".join(model.objectives)}" hidden '
            f'markdown="block">\n\n**[{md(model.name)}](typologie.md#{model.id})** '
            f"({md(category.name)})\u00a0: {md(model.definition)}\n\n"
            f"*Pourquoi\u00a0:* {md(model.objectives_reading)}\n\n"
            f"*Qui apporte quoi\u00a0:* {md(model.who_brings_what)}\n\n"
            f"*Exemples\u00a0:* {links}\n\n</li>")
    form = (
        '<form class="odd17-selector" id="selecteur" hidden>'
        f'<fieldset><legend>Vous êtes</legend>{actors}</fieldset>'
        f'<fieldset><legend>Vos objectifs (un ou plusieurs)</legend>{boxes}</fieldset>'
        '</form>'
        '<div class="odd17-selector__result" role="status" aria-live="polite"></div>'
        '<p class="odd17-selector__actor" data-for="fondation" hidden>Pour une fondation, la '
        "typologie cite le mécénat classique : « la plupart des appels à projets des fondations ».</p>"
        '<p class="odd17-selector__actor" data-for="collectivite" hidden markdown="span">La '
        "typologie décrit des partenariats entre associations et entreprises ; une collectivité "
        "territoriale y prend part surtout par les dynamiques de "
        "[catalyse territoriale](ecosysteme.md).</p>\n"
        f'<ol class="odd17-models" markdown>\n{chr(10).join(results)}\n</ol>')
    # A Markdown table, so that MkDocs resolves its links for every build.
    rows = ["| Modèle | " + " | ".join(md(o.name) for o in objectives) + " | Pourquoi |",
            "|---|" + "---|" * len(objectives) + "---|"]
    rows += [f"| [{md(m.name)}](typologie.md#{m.id}) | "
             + " | ".join("✓" if o.id in m.objectives else "" for o in objectives)
             + f" | {md(m.objectives_reading)} |" for m in kit.typology.models]
    table = "\n".join(rows) + "\n"
    return (form + "\n\n## Tous les modèles et leurs objectifs\n\nLes modèles de partenariat et "
            "les objectifs qu'ils servent\u00a0:\n\n" + table)
