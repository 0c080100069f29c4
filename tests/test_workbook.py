"""« Carnet d'alliance » (docs/methode/carnet.md): its questions come from the typology; in
headless Chromium, the answers are kept in the browser, exported, cleared, imported back; a
hostile file only ever puts text in fields."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from odd17.content.typography import french_plain as french_spacing
from odd17.content.validation import validate
from odd17.site import workbook
from odd17.site.model_selector import ACTORS

from conftest import CONTENT, ROOT, TODAY

KIT = validate(CONTENT, today=TODAY).kit
AXE = ROOT / "node_modules/axe-core/axe.min.js"


def _plain(text: str) -> str:
    """Built HTML text → comparable plain text (entities, French spaces and apostrophes)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("’", "'")


def labels(markup: str) -> dict[str, str]:
    """Field id → the plain text of its <label for>."""
    return {m.group(1): _plain(m.group(2)).strip()
            for m in re.finditer(r'<label[^>]*for="([^"]+)"[^>]*>(.*?)</label>', markup, re.S)}


# --- The page's questions are the typology's ------------------------------------------------------

def test_every_question_of_the_typology_has_its_labelled_field() -> None:
    markup = workbook.workbook(KIT)
    found = labels(markup)
    typology = KIT.typology
    expected = {}
    for lever in typology.levers:
        for n, question in enumerate(lever.questions, 1):
            expected[workbook.field_id(f"leviers.{lever.id}.{n}")] = question
    for dynamic in typology.dynamics:
        for n, activity in enumerate(dynamic.activities, 1):
            expected[workbook.field_id(f"ecosysteme.{dynamic.id}.{n}")] = activity
    for step in typology.co_construction_steps:
        for n, question in enumerate(step.questions, 1):
            expected[workbook.field_id(f"construire.{step.id}.{n}")] = question
    for pitfall in typology.pitfalls:
        expected[workbook.field_id(f"ecueils.{pitfall.id}")] = pitfall.name
    for model in typology.models:
        assert _plain(found[workbook.field_id(f"modele.choix.{model.id}")]).startswith(
            model.name.replace("’", "'"))
    for actor, label in ACTORS:
        expected[workbook.field_id(f"objectifs.nous-sommes.{actor}")] = label
    for field, text in expected.items():
        assert field in found, text
        assert found[field].strip() == _plain(french_spacing(text)).strip()
    # The seven levers, three steps and the co-construction in the seed's order, one fieldset each.
    legends = [_plain(m) for m in re.findall(r"<legend>(.*?)</legend>", markup)]
    assert legends[:7] == [_plain(french_spacing(f"{n}. {lever.name}"))
                           for n, lever in enumerate(typology.levers, 1)]
    headings = [_plain(re.sub(r"\\(.)", r"\1", h)) for h in re.findall(r"(?m)^## (.*?) \{#", markup)]
    assert headings == [
        "Se questionner sur son propre positionnement",
        *[_plain(f"{s.number}. {s.name}") for s in sorted(typology.steps, key=lambda s: s.number)],
        "Construire et évaluer le partenariat"]
    assert markup.count("<textarea") == (
        sum(len(lever.questions) for lever in typology.levers)
        + sum(len(s.questions) or 1 for s in typology.co_construction_steps)
        + len(typology.impacts) + 4)  # ours, partner's, why this model, our territory
    # Every field is labelled, and every id is unique.
    fields = re.findall(r'<(?:textarea|input)[^>]* id="([^"]+)"', markup)
    ids = re.findall(r'\bid="([^"]+)"', markup)
    assert len(ids) == len(set(ids)) and set(fields) <= set(found)


def test_the_seed_words_of_co_construction_are_data() -> None:
    steps = {s.id: s for s in KIT.typology.co_construction_steps}
    assert list(steps) == ["cadrage", "pilotage", "evaluation"]
    assert [p.id for p in KIT.typology.pitfalls] == ["temporalite", "alterite", "suspicion-confiance"]
    assert "lien commun qui va nous unir" in steps["cadrage"].description


def test_typology_text_is_escaped_in_the_workbook() -> None:
    lever = KIT.typology.levers[0].model_copy(
        update={"questions": ['Quelle <img src=x onerror="alert(1)"> « preuve » ?']})
    typology = KIT.typology.model_copy(update={"levers": [lever, *KIT.typology.levers[1:]]})
    kit = type(KIT)(typology=typology, vocabularies=KIT.vocabularies, texts=KIT.texts)
    markup = workbook.questioning(kit)
    assert "<img" not in markup and "&lt;img src=x" in markup


def test_built_page_works_without_javascript(built_site: Path) -> None:
    page = (built_site / "methode/carnet/index.html").read_text(encoding="utf-8")
    assert "les enregistrer dans ce navigateur demande JavaScript" in _plain(page)
    assert 'class="odd17-carnet__tools odd17-web-only" hidden' in page
    for lever in KIT.typology.levers:
        for question in lever.questions:
            assert _plain(french_spacing(question)) in _plain(page)
    # In the method section, and linked from the method pages and the trainers' page.
    for name in ("leviers", "index", "quel-modele", "ecosysteme", "co-construction", "evaluation"):
        path = "methode/index.html" if name == "index" else f"methode/{name}/index.html"
        linked = (built_site / path).read_text(encoding="utf-8")
        assert re.search(r'href="(\.\./)?carnet/(#[a-z-]+)?"', linked), name
    assert 'href="../methode/carnet/"' in (built_site / "formateurs/index.html").read_text(encoding="utf-8")


# --- In the browser ------------------------------------------------------------------------------

QUESTION = "Quelles sont les priorités ?"


def _values(page) -> dict[str, str]:  # noqa: ANN001 - a Playwright page
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll(
        '[data-carnet]')).map(f => [f.id, f.type === 'checkbox' || f.type === 'radio'
        ? String(f.checked) : f.value]))""")


def _fill(page) -> None:  # noqa: ANN001
    page.get_by_label(QUESTION).fill("L'emploi des jeunes du quartier")
    page.get_by_label("Pourquoi ce choix").click()
    page.keyboard.type("Un besoin non pourvu", delay=5)  # as typed, key by key
    page.locator("#carnet-objectifs-nous-sommes-association").check()
    page.locator("#carnet-objectifs-nous-innovation").check()
    page.locator("#carnet-ecueils-temporalite").focus()
    page.keyboard.press("Space")


def _import(page, path: Path) -> str:  # noqa: ANN001
    page.evaluate("document.querySelector('.odd17-carnet__status').textContent = ''")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Importer un fichier").click()
    chooser.value.set_files(str(path))
    status = page.locator(".odd17-carnet__status")
    status.filter(has_text="import").wait_for(timeout=5000)
    return status.inner_text()


@pytest.mark.browser
def test_answers_kept_exported_cleared_imported(page, site_url: str, tmp_path: Path) -> None:  # noqa: ANN001
    page.goto(site_url + "methode/carnet/")
    assert page.locator(".odd17-carnet__nojs").is_hidden()
    assert page.get_by_text("Vos réponses restent dans ce navigateur").is_visible()
    _fill(page)
    typed = _values(page)
    page.reload()
    assert _values(page) == typed
    assert page.get_by_label("Pourquoi ce choix").input_value() == "Un besoin non pourvu"
    models = [m.name for m in KIT.typology.models if "innovation" in m.objectives]
    status = page.locator(".odd17-carnet__models-status").inner_text()
    assert all(name in status for name in models) and status.startswith(f"{len(models)} modèles")
    # The reading of our kind of organisation only.
    assert page.locator('.odd17-carnet__reading[data-for="entreprise"]').first.is_hidden()
    assert page.locator('.odd17-carnet__reading[data-for="association"]').first.is_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter (fichier JSON)").click()
    exported = tmp_path / "carnet.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "odd17-carnet" and data["version"] == workbook.FORMAT_VERSION
    assert data["answers"]["leviers.ecosysteme.1"] == "L'emploi des jeunes du quartier"
    assert data["answers"]["ecueils.temporalite"] is True
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter en texte (Markdown)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "L'emploi des jeunes du quartier" in text and "- [x] La temporalité" in text

    # « Effacer » asks first: Escape keeps everything, the confirmation erases.
    page.get_by_role("button", name="Effacer mes réponses").click()
    dialog = page.get_by_role("dialog", name="Effacer toutes vos réponses ?")
    assert dialog.is_visible()
    page.keyboard.press("Escape")
    assert page.get_by_label(QUESTION).input_value() != ""
    page.get_by_role("button", name="Effacer mes réponses").click()
    dialog.get_by_role("button", name="Effacer mes réponses").click()
    assert all(v in ("", "false") for v in _values(page).values())
    page.reload()
    assert all(v in ("", "false") for v in _values(page).values())

    assert _import(page, exported).startswith(f"{len(data['answers'])} réponse(s) importée(s)")
    assert _values(page) == typed
    page.reload()
    assert _values(page) == typed
    assert page.external_requests == []


@pytest.mark.browser
def test_a_hostile_file_only_puts_text_in_fields(page, site_url: str, tmp_path: Path) -> None:  # noqa: ANN001
    page.goto(site_url + "methode/carnet/")
    elements = page.evaluate("document.querySelectorAll('*').length")
    hostile = tmp_path / "hostile.json"
    payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
    hostile.write_text(json.dumps({
        "format": "odd17-carnet", "version": 1,
        "answers": {
            "leviers.ecosysteme.1": payload,
            "leviers.ecosysteme.2": {"toString": "x"},         # not text: left out
            "leviers.ecosysteme.3": "x" * (workbook.TEXT_LIMIT + 1),  # too long: left out
            "objectifs.nous-sommes": "<b>pirate</b>",          # not one of the choices
            "ecueils.alterite": "true",                        # a box takes true or false only
            "ecueils.temporalite": True,
            "__proto__": {"polluted": True}, "constructor": "x",
            "inconnu": "y", "leviers.ecosysteme.1.autre": "z"}}), encoding="utf-8")
    message = _import(page, hostile)
    assert message.startswith("2 réponse(s) importée(s).")
    assert "ont été ignorés" in message
    assert page.get_by_label(QUESTION).input_value() == payload
    assert page.evaluate("window.pwned === undefined && ({}).polluted === undefined")
    assert page.evaluate("document.querySelectorAll('*').length") == elements
    assert page.locator("#carnet-ecueils-alterite").is_checked() is False
    assert page.locator("#carnet-ecueils-temporalite").is_checked()
    # What the print shows is the same text, as text.
    assert page.evaluate("document.querySelector('#carnet-leviers-ecosysteme-1 + .odd17-carnet__paper')"
                         ".textContent") == payload

    # Files that are not a carnet: a French message, nothing changed.
    cases = {"pas-json.json": "ceci n'est pas du JSON",
             "autre.json": json.dumps({"answers": {"leviers.ecosysteme.1": "a"}}),
             "futur.json": json.dumps({"format": "odd17-carnet", "version": 99, "answers": {}}),
             "liste.json": json.dumps(["odd17-carnet"])}
    for name, content in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        message = _import(page, tmp_path / name)
        assert "rien n'a été importé" in message.replace("’", "'"), name
        assert page.get_by_label(QUESTION).input_value() == payload, name
    big = tmp_path / "gros.json"
    big.write_text(" " * (2 * 1024 * 1024), encoding="utf-8")
    assert "trop gros" in _import(page, big)


@pytest.mark.browser
def test_without_storage_a_french_message(browser, site_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(locale="fr-FR")
    context.add_init_script("Object.defineProperty(window, 'localStorage', "
                            "{get() { throw new DOMException('refusé', 'SecurityError'); }});")
    page = context.new_page()
    page.goto(site_url + "methode/carnet/")
    assert "n'autorise pas l'enregistrement de vos réponses" in page.locator(
        ".odd17-carnet__status").inner_text().replace("’", "'")
    # The carnet still works for the time of the page (Material's own scripts throw here, so the
    # proof is its behaviour): its tools shown, the models following the objectives ticked.
    assert page.locator(".odd17-carnet__tools").is_visible()
    page.get_by_label(QUESTION).fill("Gardé le temps de la page")
    page.locator("#carnet-objectifs-nous-innovation").check()
    serving = [m for m in KIT.typology.models if "innovation" in m.objectives]
    assert page.locator(".odd17-carnet__models-status").inner_text().startswith(f"{len(serving)} modèle")
    context.close()


@pytest.mark.browser
def test_without_javascript_the_questions_show(browser, site_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "methode/carnet/")
    assert page.locator(".odd17-carnet__nojs").is_visible()
    assert page.get_by_label(QUESTION).is_visible()
    assert page.locator(".odd17-carnet__tools").is_hidden()
    context.close()


@pytest.mark.browser
def test_from_file_at_390_px_and_printed_with_answers(browser, built_site: Path,  # noqa: ANN001
                                                      tmp_path: Path) -> None:
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: r.url.startswith(("file://", "data:", "blob:")) or outside.append(r.url))
    page.goto((built_site / "methode/carnet/index.html").as_uri())
    page.get_by_label(QUESTION).fill("Notre réponse écrite au téléphone")
    page.reload()
    assert page.get_by_label(QUESTION).input_value() == "Notre réponse écrite au téléphone"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    assert outside == []
    pdf = tmp_path / "carnet.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Notre réponse écrite au téléphone" in text
    assert "Exporter" not in text and "Effacer mes réponses" not in text
    context.close()


@pytest.mark.browser
def test_no_serious_axe_violation_in_the_workbook(page, site_url: str) -> None:  # noqa: ANN001
    if not AXE.exists():
        pytest.fail("axe-core manque : lancez bash scripts/task test, qui l'installe (npm ci)")
    page.goto(site_url + "methode/carnet/")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "() => axe.run({include: [['article']]}, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}}).then(r => r.violations)")
    serious = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []
