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


# How each side reads the same four objectives: the MOOC « Les partenariats qui changent le monde »,
# module 2 (shared seed 001): companies are « plutôt dans des enjeux de mobilisation versus des
# enjeux de performance, donc mobilisation en interne ou en externe sur les territoires, versus
# performances économiques ou d'innovation » ; associations in « une logique […] plus verticale.
# Diversification des ressources, donc ressources financières ou ressources humaines, versus
# rayonnement du projet associatif, que ce soit en impliquant d'autres parties prenantes, voire
# même en co-construisant en innovation ». Which objective goes with which pole follows those
# words (human resources = internal mobilisation for a company); the page says it is a reading.
# actor → (pole, what the seed says of it, objective ids)
READINGS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "entreprise": (
        ("la mobilisation", "en interne ou en externe sur les territoires",
         ("competences", "parties-prenantes")),
        ("la performance", "économique ou d'innovation", ("ressources-financieres", "innovation"))),
    "association": (
        ("la diversification des ressources", "financières ou humaines",
         ("ressources-financieres", "competences")),
        ("le rayonnement du projet associatif", "en impliquant d'autres parties prenantes, voire "
         "en co-construisant une innovation avec l'entreprise partenaire",
         ("parties-prenantes", "innovation"))),
}
READING_INTROS = {
    "entreprise": "Les entreprises lisent ces objectifs entre des enjeux de mobilisation et des "
                  "enjeux de performance",
    "association": "Les associations les lisent dans une logique « plus verticale », entre la "
                   "diversification de leurs ressources et le rayonnement de leur projet",
}
READING_SOURCE = ("Source : MOOC « Les partenariats qui changent le monde », module 2. Le "
                  "rattachement de chaque objectif à l'un des deux pôles est une lecture du kit ; "
                  "les sources ne disent pas comment une fondation ou une collectivité "
                  "territoriale les lit.")


# What the sources say of the two kinds of organisation the readings above leave out (Markdown,
# relative links from methode/). Seed 003 (step 1; the typology table), seed 002 (alliances
# with « des pouvoirs publics », the public actor's impact): the sources say no more of a local
# authority.
ACTOR_NOTES = {
    "fondation": "Pour une fondation, la typologie cite le mécénat classique\u00a0: « la plupart "
                 "des appels à projets des fondations ».",
    "collectivite": (
        "La typologie décrit des partenariats entre associations et entreprises ; elle ne dit pas "
        "la place d'une collectivité territoriale. La fiche « kit méthodologique » précise que ses "
        "objectifs ne sont pas fondés exactement sur les mêmes critères que ceux d'une association "
        "ou d'une entreprise ; la vidéo de MOOC sur le modèle économique associatif, que les "
        "alliances peuvent être nouées avec des pouvoirs publics et permettre à l'acteur public de "
        "mettre en œuvre une politique publique pleinement co-construite. La fiche invite aussi à "
        "s'impliquer dans les dynamiques de [catalyse territoriale](ecosysteme.md)."),
}


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
    readings = []
    for actor, poles in READINGS.items():
        items = "".join(
            f'<li data-objectifs="{" ".join(ids)}" data-pole="{escape(pole)}"><strong>'
            f"{escape(pole[0].upper() + pole[1:])}</strong> ({escape(detail)}) : "
            + ", ".join(escape(names[i]) for i in ids) + "</li>" for pole, detail, ids in poles)
        readings.append(f'<div class="odd17-reading" data-for="{actor}"><p>'
                        f"{escape(READING_INTROS[actor])} :</p><ul>{items}</ul></div>")
    reading_block = ('<div class="odd17-readings">' + "".join(readings)
                     + f'<p class="odd17-readings__source">{escape(READING_SOURCE)}</p></div>')
    form = (
        '<form class="odd17-selector" id="selecteur" hidden>'
        f'<fieldset><legend>Vous êtes</legend>{actors}</fieldset>'
        f'<fieldset><legend>Vos objectifs (un ou plusieurs)</legend>{boxes}</fieldset>'
        '</form>'
        '<div class="odd17-selector__result" role="status" aria-live="polite"></div>'
        + "".join(f'<p class="odd17-selector__actor" data-for="{actor}" hidden markdown="span">'
                  f"{note}</p>\n" for actor, note in ACTOR_NOTES.items())
        + f'<ol class="odd17-models" markdown>\n{chr(10).join(results)}\n</ol>')
    # A Markdown table, so that MkDocs resolves its links for every build.
    rows = ["| Modèle | " + " | ".join(md(o.name) for o in objectives) + " | Pourquoi |",
            "|---|" + "---|" * len(objectives) + "---|"]
    rows += [f"| [{md(m.name)}](typologie.md#{m.id}) | "
             + " | ".join("✓" if o.id in m.objectives else "" for o in objectives)
             + f" | {md(m.objectives_reading)} |" for m in kit.typology.models]
    table = "\n".join(rows) + "\n"
    return (form + "\n\n## Les mêmes objectifs, deux lectures\n\nLes quatre objectifs sont les "
            "mêmes pour les entreprises et pour les associations ; c'est leur lecture qui "
            "change.\n\n" + reading_block
            + "\n\n## Tous les modèles et leurs objectifs\n\nLes modèles de partenariat et "
            "les objectifs qu'ils servent\u00a0:\n\n" + table)
