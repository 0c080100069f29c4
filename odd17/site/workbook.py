"""« Carnet d'alliance »: the method's démarche as a worksheet to fill in (docs/methode/carnet.md).

Every question, step, objective, model, dynamic, pitfall and impact comes from the typology
(content/typology.yml); the readings of the objectives and the models' matching are those of
« Quel modèle pour nous ? » (odd17/site/model_selector.py). This module only lays them out as labelled
fields in fieldsets. Each field's ``name`` is its key in the saved and exported answers
(docs/assets/carnet.js): ``leviers.<lever>.<n>``, ``objectifs.nous.<objective>``… Without
JavaScript the fields still show (and print, with room to write); nothing is kept.
"""

from __future__ import annotations

from odd17.content.kit import Kit
from odd17.site.model_selector import ACTORS, objectives_attribute
from odd17.content.models import Reading, Term
from odd17.site.text import html_attr, html_text, md

FORMAT_VERSION = 1     # of the exported file; carnet.js refuses a newer one
TEXT_LIMIT = 5000      # characters of one answer (maxlength; the import refuses longer ones)


def field_id(key: str) -> str:
    return "carnet-" + key.replace(".", "-")


def _text(key: str, label: str, rows: int = 3, note: str = "") -> str:
    """A question and its answer: the textarea on screen, the ``__paper`` box in print (the
    answer, or room to write); ``note``: what the sources say of it, read after the label."""
    fid = field_id(key)
    described = f' aria-describedby="{fid}-note"' if note else ""
    return (f'<div class="odd17-carnet__q"><label for="{fid}">{html_text(label)}</label>'
            + (_note(f"{fid}-note", note) if note else "")
            + f'<textarea id="{fid}" name="{key}" rows="{rows}" maxlength="{TEXT_LIMIT}"{described} '
            'data-carnet>'
            f'</textarea><div class="odd17-carnet__paper" aria-hidden="true"></div></div>')


def _box(key: str, label: str, kind: str = "checkbox", value: str = "", described: str = "") -> str:
    fid = field_id(key + (f".{value}" if value else ""))
    attrs = f' value="{html_attr(value)}"' if value else ""
    if described:
        attrs += f' aria-describedby="{described}"'
    return (f'<label class="odd17-carnet__choice" for="{fid}"><input type="{kind}" id="{fid}" '
            f'name="{key}"{attrs} data-carnet> {html_text(label)}</label>')


def _fieldset(legend: str, inner: str, extra_class: str = "") -> str:
    return (f'<fieldset class="odd17-carnet{extra_class}"><legend>{html_text(legend)}</legend>'
            f"{inner}</fieldset>")


def _note(term_id: str, text: str) -> str:
    return f'<p class="odd17-carnet__note" id="{term_id}">{html_text(text)}</p>'


def _heading(text: str, anchor: str) -> str:
    return f"## {md(text)} {{#{anchor}}}\n\n"


def tools() -> str:
    """The actions on the answers; shown by carnet.js (they need it), never printed."""
    buttons = "".join(
        f'<button type="button" class="md-button" data-carnet-action="{action}">{label}</button>'
        for action, label in (("exporter", "Exporter (fichier JSON)"),
                              ("exporter-texte", "Exporter en texte (Markdown)"),
                              ("importer", "Importer un fichier"),
                              ("imprimer", "Imprimer avec mes réponses"),
                              ("imprimer-vierge", "Imprimer la feuille vierge"),
                              ("effacer", "Effacer mes réponses")))
    return (
        '<div class="odd17-carnet__tools odd17-web-only" hidden>'
        f'<div class="odd17-carnet__buttons">{buttons}</div>'
        '<input type="file" accept=".json,application/json" hidden data-carnet-file '
        'aria-label="Fichier de réponses à importer">'
        '<p class="odd17-carnet__status" role="status" aria-live="polite"></p>'
        '<dialog class="odd17-carnet__confirm" aria-labelledby="carnet-confirm-titre" '
        'aria-describedby="carnet-confirm-texte">'
        '<p id="carnet-confirm-titre"><strong>Effacer toutes vos réponses ?</strong></p>'
        '<p id="carnet-confirm-texte">Elles seront effacées de ce navigateur et ne pourront pas '
        "être retrouvées, sauf si vous les avez exportées.</p>"
        '<button type="button" class="md-button" value="annuler">Annuler</button> '
        '<button type="button" class="md-button md-button--primary" value="effacer">'
        "Effacer mes réponses</button></dialog></div>\n\n")


def questioning(kit: Kit) -> str:
    out = []
    for number, lever in enumerate(kit.typology.levers, 1):
        inner = "".join(_text(f"leviers.{lever.id}.{n}", q)
                        for n, q in enumerate(lever.questions, 1))
        out.append(_fieldset(f"{number}. {lever.name}", inner))
    return "\n\n".join(out) + "\n\n"


def _reading(reading: Reading, objective_id: str) -> str:
    """How an actor reads an objective (content/texts.yml, « lectures »), as one sentence."""
    label = dict(ACTORS)[reading.actor]
    pole = next((p for p in reading.poles if objective_id in p.objectives), None)
    if pole is None:  # an objective the editors' reading leaves out: nothing said
        return ""
    sentence = (f"Pour {label[0].lower()}{label[1:]}, cet objectif relève de {pole.name} "
                f"({pole.detail}).")
    return sentence.replace(" de le ", " du ")


def objectives(kit: Kit) -> str:
    who = "".join(_box("objectifs.nous-sommes", label, "radio", value)
                  for value, label in ACTORS)
    partner = "".join(_box("objectifs.partenaire-est", label, "radio", value)
                      for value, label in ACTORS)
    out = [_fieldset("Nous sommes", who),
           _fieldset("Notre partenaire (ou celui que nous cherchons) est", partner)]
    notes = "".join(f'<p class="odd17-carnet__reading" data-for="{actor}" markdown="span">{note}</p>\n'
                    for actor, note in kit.texts.selector.actor_notes.items())
    for objective in kit.typology.objectives:
        desc = f"carnet-objectif-{objective.id}"
        readings = "".join(
            f'<p class="odd17-carnet__reading" data-for="{reading.actor}">'
            f"{html_text(_reading(reading, objective.id))}</p>" for reading in kit.texts.selector.readings
            if _reading(reading, objective.id))
        inner = (_note(desc, objective.description) + readings
                 + _box(f"objectifs.nous.{objective.id}", "C'est un de nos objectifs", described=desc)
                 + _box(f"objectifs.partenaire.{objective.id}",
                        "Notre partenaire le cherche, pensons-nous", described=desc))
        out.append(_fieldset(objective.name, inner))
    words = _fieldset("Nos objectifs et ceux de notre partenaire, en quelques mots",
                      _text("objectifs.nous.texte", "Nos objectifs")
                      + _text("objectifs.partenaire.texte",
                              "Ce que nous pensons que notre partenaire cherche"))
    source = f'<p class="odd17-carnet__source">{html_text(kit.texts.selector.readings_source)}</p>'
    return "\n\n".join(out) + "\n\n" + notes + "\n" + source + "\n\n" + words + "\n\n"


def model_choice(kit: Kit) -> str:
    items = []
    for model in kit.typology.models:
        desc = f"carnet-modele-{model.id}"
        category = kit.term("categories", model.category).name
        items.append(
            f'<div class="odd17-carnet__model" data-objectifs="{objectives_attribute(model)}">'
            + _box(f"modele.choix.{model.id}", f"{model.name} ({category})", described=desc)
            + f'<p class="odd17-carnet__note" id="{desc}">{html_text(model.definition)} '
            f'<span class="odd17-carnet__match" hidden>Répond à nos objectifs.</span></p></div>')
    status = '<p class="odd17-carnet__models-status odd17-web-only" role="status" aria-live="polite"></p>'
    chosen = _fieldset("Le ou les modèles que nous retenons", status + "".join(items))
    why = _fieldset("Notre choix", _text("modele.pourquoi", "Pourquoi ce choix", rows=4))
    return chosen + "\n\n" + why + "\n\n"


def ecosystem(kit: Kit) -> str:
    out = []
    for dynamic in kit.typology.dynamics:
        inner = "".join(_box(f"ecosysteme.{dynamic.id}.{n}", activity)
                        for n, activity in enumerate(dynamic.activities, 1))
        out.append(_fieldset(dynamic.name, inner, " odd17-carnet--ticks"))
    out.append(_fieldset("Notre territoire", _text("ecosysteme.territoire",
                                                   "Notre territoire et ses acteurs", rows=4)))
    return "\n\n".join(out) + "\n\n"


def _described_choices(prefix: str, terms: list[Term]) -> str:
    return "".join(_box(f"{prefix}.{t.id}", t.name, described=f"carnet-{prefix}-{t.id}-note")
                   + _note(f"carnet-{prefix}-{t.id}-note", t.description)  # type: ignore[attr-defined]
                   for t in terms)


def build_and_evaluate(kit: Kit) -> str:
    out = []
    for step in kit.typology.co_construction_steps:
        questions = step.questions or [f"Nos notes sur {step.name[0].lower()}{step.name[1:]}"]
        inner = _note(f"carnet-etape-{step.id}", step.description) + "".join(
            _text(f"construire.{step.id}.{n}", q) for n, q in enumerate(questions, 1))
        out.append(_fieldset(step.name, inner))
    out.append(_fieldset("Trois écueils à éviter : ceux dont nous avons parlé ensemble",
                         _described_choices("ecueils", kit.typology.pitfalls)))
    impacts = "".join(_text(f"impacts.{i.id}", f"Ce que nous regarderons : {i.name.lower()}",
                            note=i.description) for i in kit.typology.impacts)
    out.append(_fieldset("Les trois impacts : ce que nous regarderons", impacts))
    return "\n\n".join(out) + "\n\n"


def workbook(kit: Kit) -> str:
    """The whole worksheet, in the seed's order (the page's prose stays in docs/methode/carnet.md)."""
    steps = {s.id: s for s in kit.typology.steps}
    parts = [tools(), _heading("Se questionner sur son propre positionnement", "se-questionner"),
             questioning(kit)]
    for step_id, render in (("objectifs", objectives), ("modele", model_choice),
                            ("ecosysteme", ecosystem)):
        step = steps[step_id]
        parts += [_heading(f"{step.number}. {step.name}", f"etape-{step.id}"),
                  f'<p class="odd17-carnet__intro">{html_text(step.description)}</p>\n\n',
                  render(kit)]
    parts += [_heading("Construire et évaluer le partenariat", "construire-et-evaluer"),
              build_and_evaluate(kit)]
    return "".join(parts)
