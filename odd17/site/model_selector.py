"""« Quel modèle de partenariat pour nous ? »: the typology's models by shared objective.

The mapping is data (``objectifs_servis`` and ``lecture_objectifs`` of each model in
content/typology.yml). Without JavaScript the page shows the whole table; with it
(docs/assets/model-selector.js) the reader picks who they are and their objectives.
"""

from __future__ import annotations

import html

from odd17.content.kit import Kit
from odd17.content.models import PartnershipModel
from odd17.content.typography import after_colon
from odd17.site.text import escape, md

ACTORS = [("association", "Une association"), ("entreprise", "Une entreprise"),
          ("fondation", "Une fondation"), ("collectivite", "Une collectivité territoriale")]


# How each side reads the objectives, what the sources say of the other actors, and the page's
# sentences: content/texts.yml (« selecteur_de_modele »), where an editor changes them.


def objectives_attribute(model: PartnershipModel) -> str:
    """The ``data-objectifs`` of a model: the objectives it serves, which
    docs/assets/model-selector.js (``odd17ModelServes``) matches against the chosen ones."""
    return " ".join(model.objectives)


def model_selector(kit: Kit) -> str:
    objectives = kit.typology.objectives
    actors = "".join(
        f'<label><input type="radio" name="acteur" value="{value}"{" checked" if i == 0 else ""}> '
        f"{escape(label)}</label>" for i, (value, label) in enumerate(ACTORS))
    boxes = "".join(f'<label><input type="checkbox" name="objectif" value="{o.id}"> {escape(o.name)}'
                    "</label>" for o in objectives)
    results = []
    for model in kit.typology.models:
        category = kit.term("categories", model.category)
        examples = kit.examples_by_model.get(model.id, [])
        links = ", ".join(f"[{md(e.title)}](../exemples/{slug}.md)"
                          for slug, e in examples[:5]) or "aucun pour l'instant"
        # Markdown inside the HTML (md_in_html): MkDocs resolves the links for every build.
        results.append(
            f'<li class="odd17-model" data-objectifs="{objectives_attribute(model)}" hidden '
            f'markdown="block">\n\n**[{md(model.name)}](typologie.md#{model.id})** '
            f"({md(category.name)})\u00a0: {md(after_colon(model.definition))}\n\n"
            f"*Pourquoi\u00a0:* {md(after_colon(model.objectives_reading))}\n\n"
            f"*Qui apporte quoi\u00a0:* {md(after_colon(model.who_brings_what))}\n\n"
            f"*Exemples\u00a0:* {links}\n\n</li>")
    names = {o.id: o.name for o in objectives}
    texts = kit.texts.selector
    readings = []
    for reading in texts.readings:
        items = "".join(
            f'<li data-objectifs="{" ".join(pole.objectives)}" data-pole="{escape(pole.name)}"><strong>'
            f"{escape(pole.name[0].upper() + pole.name[1:])}</strong> ({escape(pole.detail)}) : "
            + ", ".join(escape(names[i]) for i in pole.objectives) + "</li>" for pole in reading.poles)
        readings.append(f'<div class="odd17-reading" data-for="{reading.actor}"><p>'
                        f"{escape(reading.introduction)} :</p><ul>{items}</ul></div>")
    reading_block = ('<div class="odd17-readings">' + "".join(readings)
                     + f'<p class="odd17-readings__source">{escape(texts.readings_source)}</p></div>')
    form = (
        '<form class="odd17-selector" id="selecteur" hidden>'
        f'<fieldset><legend>Vous êtes</legend>{actors}</fieldset>'
        f'<fieldset><legend>Vos objectifs (un ou plusieurs)</legend>{boxes}</fieldset>'
        '</form>'
        '<div class="odd17-selector__result" role="status" aria-live="polite"></div>'
        + "".join(f'<p class="odd17-selector__actor" data-for="{actor}" hidden markdown="span">'
                  f"{note}</p>\n" for actor, note in texts.actor_notes.items())
        + f'<ol class="odd17-models" markdown>\n{chr(10).join(results)}\n</ol>')
    # A Markdown table, so that MkDocs resolves its links for every build.
    rows = ["| Modèle | " + " | ".join(md(o.name) for o in objectives) + " | Pourquoi |",
            "|---|" + "---|" * len(objectives) + "---|"]
    rows += [f"| [{md(m.name)}](typologie.md#{m.id}) | "
             + " | ".join("✓" if o.id in m.objectives else "" for o in objectives)
             + f" | {md(m.objectives_reading)} |" for m in kit.typology.models]
    table = "\n".join(rows) + "\n"
    return (form + f"\n\n## {texts.readings_title}\n\n{texts.readings_introduction}\n\n" + reading_block
            + f"\n\n## {texts.table_title}\n\n{texts.table_introduction}\n\n" + table)
