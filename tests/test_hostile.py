"""Hostile content in every text and address field of every record kind.

The cases are generated from the models (their JSON Schema): each text field of an example or a
tool (titre, partenaires[].nom, description, sources[].titre, nom, editeur…) and each address
field receives each payload in turn — HTML, scripts, ``javascript:`` links, template expressions,
Markdown and attr_list syntax, control characters, oversized text. Each payload is either refused
by the validator with a French message naming the file, line and field, or built and shown as
plain text: the record's page, the other pages, the search index and the data files carry no
live markup from it, and nothing runs in the browser. tests/test_build.py keeps its one hand-made
hostile record; this module covers the combinations.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from odd17.content.models import _INVISIBLE, Example, Tool
from odd17.content.validation import validate

from conftest import (
    CONTENT,
    FIXTURES,
    MEASURES,
    PUBLISHED_ENV,
    ROOT,
    TODAY,
    copy_project,
    mkdocs_build,
    serve,
)
from sitecrawl import Site

KINDS = {"examples": (Example, "exemples", FIXTURES / "valid/examples/potager-imaginaire-entreprise-fictive.yml"),
         "tools": (Tool, "outils", FIXTURES / "valid/tools/boussole-imaginaire.yml")}

# Text that must be shown exactly as written (after whitespace is collapsed).
SHOWN = {
    "script": "<script>alert('hostile')</script>",
    "img-onerror": "<img src=x onerror=alert('hostile')>",
    "svg-onload": "<svg onload=alert('hostile')>",
    "iframe": '<iframe src="https://evil.example.org/"></iframe>',
    "style": "<style>body{display:none}</style>",
    "broken-out": "</a></p></li><a href=\"javascript:alert('hostile')\">clic",
    "comment": "avant <!-- commentaire",
    "entities": "&lt;script&gt; &amp; &#60;b&#62; &nbsp;",
    "md-js-link": "[clic](javascript:alert('hostile'))",
    "md-autolink": "<javascript:alert('hostile')> <https://evil.example.org>",
    "md-image": "![image](https://evil.example.org/x.png)",
    "md-ref-link": "[clic][1]\n\n[1]: javascript:alert('hostile')",
    "md-syntax": "# Pas un titre **gras** _souligné_ `code` ~~barré~~ > citation",
    "md-table": "| a | b |\n|---|---|\n| 1 | 2 |",
    "md-admonition": "!!! danger \"Piège\"\n    contenu",
    "md-in-html": "<div markdown=\"1\">**gras**</div>",
    "md-abbr-footnote": "Texte[^1] HTML\n\n[^1]: note\n*[HTML]: piège",
    "attr-list": "Texte {: onclick=\"alert('hostile')\" #piege .classe style=\"color:red\" }",
    "jinja-expr": "{{ 7 * 7 }} {{ config.site_name }} {{ '<b>' | safe }}",
    "jinja-stmt": "{% include 'mkdocs.yml' %} {% raw %} {% for x in range(3) %}x{% endfor %}",
    "jinja-comment": "{# commentaire #} ${{ 7 * 7 }}",
    "backslashes": "C:\\dossier\\ \\* \\_ \\<b\\>",
    "csv-formula": "=HYPERLINK(\"https://evil.example.org\";\"clic\")",
    "csv-formulas": "+cmd|' /C calc'!A0 -2+3 @SUM(1) \t=1",
    "front-matter-payload": "![x](data:x){: onerror=alert(1) } [lien](javascript:alert(2))",
    "attr-style-overlay": "[voile](https://evil.example.org/){: style=\"position:fixed;inset:0\" }",
    "scheme-text": "javascript:alert(1) data:text/html,<script>alert(1)</script> vbscript:x",
    "script-close": "</script><script>alert('hostile')</script></textarea></title></style>",
    "entity-tricks": "&#x6A;avascript&colon;alert(1) &amp;lt;b&amp;gt; &#0; &#x110000; &",
    "yaml-front-matter": "---\ntitle: <b>x</b>\n---",
    "html-comment-cdata": "<!-- x --> <![CDATA[ <script>alert(1)</script> ]]>",
    "arabic-name": "جمعية الأمل للتنمية (Association Espoir)",
    "hebrew-name": "עמותת תקווה \u200f(fictive)",
    "zero-width": "Par\u00adtena\u200briat\u2060 fictif\ufe0f",
    "long-word": "Anticonstitutionnellement" * 4,
}
# Text the validator refuses: control characters (invisible, or terminal escapes) and oversize.
REFUSED_TEXT = {
    "nul": ("texte\x00nul", "caractère invisible ou de contrôle U+0000"),
    "escape": ("texte\x1b[31m rouge", "caractère invisible ou de contrôle U+001B"),
    "delete": ("texte\x7f", "caractère invisible ou de contrôle U+007F"),
    "c1-csi": ("Alliance\x9b", "caractère invisible ou de contrôle U+009B"),
    "noncharacter": ("texte\ufffe", "caractère invisible ou de contrôle U+FFFE"),
    "noncharacter-plane": ("texte\U0010ffff", "caractère invisible ou de contrôle U+10FFFF"),
    "bidi-override": ("abc\u202edcba", "direction du texte U+202E"),
    "bidi-embedding": ("abc\u202bdcba\u202c", "direction du texte U+202B"),
    "bidi-isolate": ("abc\u2067dcba\u2069", "direction du texte U+2067"),
    "line-separator": ("avant\u2028après", "caractère invisible ou de contrôle U+2028"),
    "invisible-only": ("\u200b\u00ad\u2060\ufe0f", "que de caractères invisibles"),
    "stacked-marks": ("Alliance e" + "\u0301" * 60, "signes diacritiques sur une même lettre"),
    "oversized": (None, "texte trop long"),  # max length + 1, from the schema
}
URL_SHOWN = {
    "url-quote-breakout": "https://example.org/\"><script>alert('hostile')</script>",
    "url-parens": "https://example.org/a(b)c)](javascript:alert(1))",
    "url-query": "https://example.org/?q=<b>&x='y'#{{7*7}}",
}
URL_REFUSED = {
    "url-javascript": "javascript:alert('hostile')",
    "url-data": "data:text/html,<script>alert('hostile')</script>",
    "url-vbscript": "vbscript:msgbox(1)",
    "url-protocol-relative": "//evil.example.org/x",
    "url-space": "https://example.org/a b",
    "url-bidi": "https://example.org/\u202egnp.exe",
    "url-control": "https://example.org/\x9b",
    "url-userinfo": "https://www.service-public.fr@evil.example/demarches",
    "url-userinfo-empty": "https://@evil.example/",
    "url-mixed-scripts": "https://www.s\u0435rvice-public.fr/",
    "url-mixed-labels": "https://\u0440\u0430ypal.com/",
    "url-no-host": "https://@",
    "url-port-only": "https://:80/x",
    "url-bad-port": "https://x.example.org:99999999/",
    "url-port-zero": "https://x.example.org:0/",
    "url-no-domain": "http://localhost/",
    "url-empty-label": "https://a..example.org/",
    "url-arabic-mark": "https://example\u061c.org/",
}
URL_REFUSED_MESSAGE = {"url-bidi": "direction du texte U+202E",
                       "url-control": "caractère invisible ou de contrôle U+009B",
                       "url-userinfo": "contient « @ » avant l'hôte",
                       "url-userinfo-empty": "contient « @ » avant l'hôte",
                       "url-mixed-scripts": "l'hôte mêle des alphabets (latin, cyrillique)",
                       "url-mixed-labels": "l'hôte mêle des alphabets (cyrillique, latin)",
                       "url-no-host": "n'a pas d'hôte",
                       "url-port-only": "n'a pas d'hôte",
                       "url-bad-port": "a un port invalide",
                       "url-port-zero": "a un port invalide",
                       "url-no-domain": "n'a pas un hôte valide",
                       "url-empty-label": "n'a pas un hôte valide",
                       "url-arabic-mark": "caractère invisible ou de contrôle U+061C"}
DANGEROUS_TAGS = {"script", "iframe", "frame", "object", "embed", "style", "img", "svg", "math",
                  "form", "input", "textarea", "button", "select", "link", "meta", "base", "video",
                  "audio", "template", "table", "blockquote", "details", "sup", "abbr"}


# --- Cases generated from the models -------------------------------------------------------------

def _fields(schema: dict, node: dict, prefix: tuple) -> list[tuple[tuple, str, dict]]:
    """(path, "text"|"url", schema) of every free-text or address field, lists at item 0."""
    out = []
    for name, prop in node.get("properties", {}).items():
        path = prefix + (name,)
        options = prop.get("anyOf", [prop])
        prop = next(o for o in options if o.get("type") != "null")
        if "$ref" in prop:
            out += _fields(schema, schema["$defs"][prop["$ref"].split("/")[-1]], path)
        elif prop.get("type") == "array" and "$ref" in prop.get("items", {}):
            ref = prop["items"]["$ref"].split("/")[-1]
            out += _fields(schema, schema["$defs"][ref], path + (0,))
        elif prop.get("type") == "string" and prop.get("format") == "uri":
            out.append((path, "url", prop))
        elif (prop.get("type") == "string" and "x-vocabulary" not in prop and "format" not in prop
              and "pattern" not in prop):
            out.append((path, "multiline" if prop.get("x-multiline") else "text", prop))
    return out


def record_fields(model: type) -> list[tuple[tuple, str, dict]]:
    schema = model.model_json_schema(by_alias=True)
    return _fields(schema, schema, ())


def field_name(path: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p)
                   for i, p in enumerate(path))


def _set(data: Any, path: tuple, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _base(kind: str, number: int) -> dict:
    data = yaml.safe_load(KINDS[kind][2].read_text(encoding="utf-8"))
    data.pop("anciens_slugs", None)
    title = "titre" if kind == "examples" else "nom"
    data[title] = f"Fiche d'essai hostile numéro {number}"
    data["ajoute_le"] = data["verifie_le"] = "2026-01-15"
    if kind == "tools":
        data["editeur"] = data.get("editeur") or "Éditeur fictif"
        data["adresse"] = data.get("adresse") or "https://outil.example.org/"
    for source in data["sources"]:
        source.setdefault("url", "https://example.org/source")
    return data


def cases(outcome: str) -> list[dict]:
    """Every (record kind, field, payload) with the expected outcome: "shown" or "refused"."""
    out = []
    for kind, (model, _, _) in KINDS.items():
        for path, flavour, prop in record_fields(model):
            if flavour in ("text", "multiline"):
                payloads = (SHOWN if outcome == "shown" else
                            {k: (v or "x" * (prop["maxLength"] + 1)) for k, (v, _) in REFUSED_TEXT.items()})
                if flavour == "text":  # one-line fields: a new line is refused, not a payload
                    payloads = {k: v.replace("\n", " ").replace("\t", " ")
                                for k, v in payloads.items()}
            else:
                payloads = URL_SHOWN if outcome == "shown" else URL_REFUSED
            for name, payload in payloads.items():
                number = len(out) + 1
                if path in (("titre",), ("nom",)) and outcome == "shown":
                    payload = f"{number} {payload}"  # titles stay distinct
                out.append({"kind": kind, "path": path, "field": field_name(path), "name": name,
                            "payload": payload, "slug": f"hostile-{outcome}-{number:03d}",
                            "number": number})
    return out


SHOWN_CASES = cases("shown")
REFUSED_CASES = cases("refused")


def _follow_text(data: dict, path: tuple, payload: str) -> None:
    """A link's text that reads as an address (« <a href="https://evil.example.org/"> »…) must
    lead to that site (``models.check_link_text``): the payload is shown, its link follows it."""
    from odd17.content.models import address_in_text

    host = address_in_text(payload)
    link = {"nom": "site_web" if path[0] == "partenaires" else "adresse", "titre": "url"}.get(
        str(path[-1]))
    if host is None or link is None or (path[-1] == "titre" and path[0] != "sources"):
        return
    _set(data, path[:-1] + (link,), f"https://{host}/")


def _write(content: Path, case: dict) -> Path:
    data = _base(case["kind"], case["number"])
    _set(data, case["path"], case["payload"])
    _follow_text(data, case["path"], case["payload"])
    path = content / case["kind"] / f"{case['slug']}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_cases_cover_every_text_and_address_field() -> None:
    fields = {(c["kind"], c["field"]) for c in SHOWN_CASES}
    for expected in [("examples", "titre"), ("examples", "partenaires[0].nom"),
                     ("examples", "description"), ("examples", "sources[0].titre"),
                     ("examples", "partenaires[0].site_web"), ("examples", "sources[0].url"),
                     ("tools", "nom"), ("tools", "editeur"), ("tools", "description"),
                     ("tools", "sources[0].titre"), ("tools", "adresse")]:
        assert expected in fields
    MEASURES.append(f"contenu hostile : {len(fields)} champs × charges = {len(SHOWN_CASES)} fiches "
                    f"construites, {len(REFUSED_CASES)} fiches refusées par le validateur")


# --- Refused: a French message naming file, line and field ----------------------------------------

def test_refused_payloads_get_a_french_message_naming_file_line_and_field(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    written = {_write(content, case): case for case in REFUSED_CASES}
    report = validate(content, list(written), today=TODAY)
    assert report.kit is None
    by_file: dict[str, list] = {}
    for problem in report.problems:
        by_file.setdefault(Path(problem.file).name, []).append(problem)
    wrong = []
    for path, case in written.items():
        problems = by_file.get(path.name, [])
        expected = (REFUSED_TEXT[case["name"]][1] if case["name"] in REFUSED_TEXT
                    else URL_REFUSED_MESSAGE.get(case["name"], "adresse web valide"))
        ok = [p for p in problems if expected in p.message and p.line == _line_of(path, case["path"])
              and p.field in (case["field"], "")]
        english = [p for p in problems if re.search(r"\b(should|Input|String|Value error)\b", p.message)]
        if not ok or english or "Traceback" in "".join(p.message for p in problems):
            wrong.append(f"{case['kind']}/{case['field']}/{case['name']}: "
                         + (" | ".join(str(p) for p in problems) or "accepté"))
    assert not wrong, "\n".join(wrong)


def _line_of(path: Path, field: tuple) -> int:
    """The line where ``field`` is written, found by reading the file top-down."""
    lines = path.read_text(encoding="utf-8").splitlines()
    line = 0
    for key in (k for k in field if isinstance(k, str)):
        line = next(n for n in range(line, len(lines))
                    if re.match(rf"^\s*(- )?{re.escape(key)}:", lines[n]))
    return line + 1


def test_a_refused_record_stops_the_build_with_its_message(tmp_path: Path, builds: None) -> None:
    project = copy_project(tmp_path / "kit")
    case = next(c for c in REFUSED_CASES if c["name"] == "url-javascript")
    _write(project / "content", case)
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{case['slug']}.yml" in output and case["field"] in output
    assert "n'est pas une adresse web valide" in output and "Traceback" not in output


# --- Shown: built, and plain text everywhere -------------------------------------------------------

def _built(folder: Path, cases: list[dict]) -> Site:
    project = copy_project(folder / "kit")
    for case in cases:
        _write(project / "content", case)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-5000:]
    return Site(project / "site")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Site:
    """One build holding every accepted payload in every text and address field."""
    return _built(tmp_path_factory.mktemp("hostile"), SHOWN_CASES)


def benign(case: dict) -> dict:
    """The same record with harmless text of the same shape (words, lines, paragraphs)."""
    payload = ("https://example.org/sans-danger" if case["name"].startswith("url-") else
               re.sub(r"\S+", "mot", case["payload"]))
    if case["path"] in (("titre",), ("nom",)):
        payload = f"{case['number']} {payload}"
    return {**case, "payload": payload}


@pytest.fixture(scope="module")
def benign_twin(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Site:
    """The same site with harmless text: the same pages, counts, facets and charts, so every
    element, attribute and style value the kit itself writes is in it."""
    return _built(tmp_path_factory.mktemp("benign"), [benign(c) for c in SHOWN_CASES])


@pytest.fixture(scope="module")
def hostile_pdfs(tmp_path_factory: pytest.TempPathFactory, builds: None) -> list[Path]:
    """The PDFs of a site with one example per payload, the payload in every text field (one
    record per field and payload, as above, would print hundreds of pages for nothing more)."""
    project = copy_project(tmp_path_factory.mktemp("hostile-pdf") / "kit")
    for number, (name, payload) in enumerate(SHOWN.items(), 1):
        for kind in KINDS:
            data = _base(kind, number)
            for path, flavour, _ in record_fields(KINDS[kind][0]):
                if flavour in ("text", "multiline"):
                    value = payload if flavour == "multiline" else payload.replace(
                        "\n", " ").replace("\t", " ")
                    _set(data, path, f"{number} {value}" if path in (("titre",), ("nom",)) else value)
                    _follow_text(data, path, value)
            (project / "content" / kind / f"hostile-pdf-{number:02d}.yml").write_text(
                yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = mkdocs_build(project, project / "site", **PUBLISHED_ENV)
    assert result.returncode == 0, result.stderr[-5000:]
    return sorted((project / "site").rglob("*.pdf"))


def _visible(text: str) -> str:
    """Text compared as a reader sees it: spaces of any kind collapsed."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _tags(page_html: str) -> Counter:
    """Dangerous tags and attributes a browser would really create (an HTML parser, not a regex:
    escaped text such as ``data-texte="&lt;img onerror=…"`` is no attribute)."""
    found: Counter = Counter()

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in DANGEROUS_TAGS:
                found[tag] += 1
            for name, _ in attrs:
                if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                    found[f"@{name}"] += 1

    Parser().feed(page_html)
    return found


def _article_text(page_html: str) -> str:
    start, end = page_html.index("<article"), page_html.index("</article>")
    return _visible(html.unescape(re.sub(r"<[^>]+>", " ", page_html[start:end])))


def _article(page_html: str) -> str:
    return page_html[page_html.index("<article"): page_html.index("</article>")]


def test_every_shown_payload_is_plain_text_on_its_page(hostile: Site) -> None:
    wrong = []
    benign = {kind: _tags(_article((hostile.root / section / _first_real(kind) / "index.html")
                                   .read_text(encoding="utf-8")))
              for kind, (_, section, _) in KINDS.items()}
    for case in SHOWN_CASES:
        section = KINDS[case["kind"]][1]
        page_html = (hostile.root / section / case["slug"] / "index.html").read_text(encoding="utf-8")
        article = _article(page_html)
        where = f"{case['kind']}/{case['field']}/{case['name']}"
        extra = _tags(article) - benign[case["kind"]]
        if extra:
            wrong.append(f"{where}: balises ou attributs actifs {dict(extra)}")
        if "url" in case["name"]:
            hrefs = [html.unescape(h) for h in re.findall(r'href="([^"]*)"', article)
                     if "//example.org/" in h]
            if not hrefs or any(not h.startswith("https://example.org/") or "<" in h or '"' in h
                                or " " in h for h in hrefs):
                wrong.append(f"{where}: adresse mal protégée {hrefs}")
        elif _visible(case["payload"]) not in _article_text(page_html):
            wrong.append(f"{where}: texte absent ou transformé")
        title = re.search(r"<title>(.*?)</title>", page_html, re.S).group(1)
        if "<" in title or re.search(r'<meta name="description" content="[^"]*<', page_html):
            wrong.append(f"{where}: balise dans <title> ou la description")
    assert not wrong, "\n".join(wrong)


def _first_real(kind: str) -> str:
    return sorted(p.stem for p in (CONTENT / kind).glob("*.yml"))[0] if list(
        (CONTENT / kind).glob("*.yml")) else next(c["slug"] for c in SHOWN_CASES if c["kind"] == kind
                                                   and c["name"] == "entities")


def test_no_page_of_the_site_gains_live_markup(hostile: Site, benign_twin: Site) -> None:
    """Every page (record pages, indexes, facet pages, typology…) has the same active tags and
    attributes as the same page of the harmless twin; no link anywhere runs code."""
    wrong = []
    for page in hostile.pages:
        parsed = hostile.pages[page]
        bad = [u for u in parsed.links + parsed.resources
               if u.strip().lower().startswith(("javascript:", "vbscript:", "data:text"))]
        if bad or parsed.event_handlers:
            wrong.append(f"{page}: {bad} {parsed.event_handlers}")
        twin = benign_twin.root / page
        if not twin.exists():
            wrong.append(f"{page}: page absente du site sans danger")
            continue
        grown = _tags((hostile.root / page).read_text(encoding="utf-8")) - _tags(
            twin.read_text(encoding="utf-8"))
        if grown:
            wrong.append(f"{page}: {dict(grown)}")
    assert not wrong, "\n".join(wrong[:30])


URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data",
                  "cite", "background", "ping", "manifest", "content"}
_URL_CLEANUP = re.compile(r"[\x00-\x20]+")  # browsers drop tabs, newlines and spaces in schemes


def inventory(root: Path) -> dict[str, Counter]:
    """Every element, every (element, attribute) pair, every style value and every address
    attribute of every HTML page of a built site, read by an HTML parser as a browser would."""
    found: dict[str, Counter] = {"tags": Counter(), "attributes": Counter(), "styles": Counter(),
                                 "handlers": Counter(), "scripted_urls": Counter()}

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found["tags"][tag] += 1
            for name, value in attrs:
                found["attributes"][f"{tag}@{name}"] += 1
                if name.startswith("on"):
                    found["handlers"][f"{tag}@{name}={value}"] += 1
                if name == "style":
                    found["styles"][value or ""] += 1
                if name in URL_ATTRIBUTES and value:
                    url = _URL_CLEANUP.sub("", value).lower()
                    if (tag != "meta" or name != "content") and url.startswith(
                            ("javascript:", "vbscript:", "data:", "livescript:", "file:")):
                        found["scripted_urls"][f"{tag}@{name}={value[:60]}"] += 1

    for page in sorted(root.rglob("*.html")):
        Parser(convert_charrefs=True).feed(page.read_text(encoding="utf-8"))
    return found


def test_every_element_and_attribute_is_one_the_kit_itself_writes(hostile: Site,
                                                                   benign_twin: Site) -> None:
    """The whole hostile site, every page (record pages, indexes, facet pages, redirects…): no
    event handler, no script or data address, no style value and no element or attribute that
    the build of the same records with harmless text does not write itself. A record can only
    add text."""
    benign, bad = inventory(benign_twin.root), inventory(hostile.root)
    assert bad["tags"]["article"] == benign["tags"]["article"] >= len(SHOWN_CASES)
    new = {kind: sorted(set(bad[kind]) - set(benign[kind]))
           for kind in ("tags", "attributes", "styles", "handlers", "scripted_urls")}
    assert new == {kind: [] for kind in new}, new


def test_the_indexes_show_hostile_titles_as_text(hostile: Site) -> None:
    for kind, (_, section, _) in KINDS.items():
        index = (hostile.root / section / "index.html").read_text(encoding="utf-8")
        text = _article_text(index)
        for case in SHOWN_CASES:
            if case["kind"] == kind and case["path"] in (("titre",), ("nom",)):
                assert _visible(case["payload"]) in text, (section, case["name"])


def test_search_index_holds_no_markup_from_records(hostile: Site, builds: None) -> None:
    """Material inserts the index's text as HTML in the results: record text must be escaped.
    Material's index is the offline copy's (online, Pagefind's snippets are shown as text)."""
    project = hostile.root.parent
    result = mkdocs_build(project, project / "site-offline", ODD17_OFFLINE="true")
    assert result.returncode == 0, result.stderr[-3000:]
    index = json.loads((project / "site-offline/search/search_index.json").read_text(encoding="utf-8"))
    wrong, seen = [], 0
    for doc in index["docs"]:
        if not doc["location"].startswith(("exemples/hostile", "outils/hostile")):
            continue
        seen += 1
        for key in ("title", "text"):
            found = _tags(doc.get(key, "")) - Counter({"table": 99, "blockquote": 99, "sup": 99})
            if found or re.search(r"<a\b[^>]*href=\"?javascript:", doc.get(key, ""), re.I):
                wrong.append(f"{doc['location']} {key}: {dict(found)}")
    assert seen and not wrong, "\n".join(wrong[:20])


def test_pagefind_index_holds_record_text_as_text(hostile: Site) -> None:
    """The online search (Pagefind) indexed each payload as the text readers see, titles
    included: nothing was read as markup (odd17/search/search.js then shows results as text, which
    test_nothing_runs_in_the_browser checks)."""
    from odd17.search import site_search

    if not (hostile.root / site_search.BUNDLE).is_dir():
        pytest.skip("pas d'index Pagefind dans ce site")
    by_page = {record["url"].strip("/").removesuffix("index.html").strip("/"): record
               for record in site_search.records(hostile.root)}
    wrong = []
    for case in SHOWN_CASES:
        if "url" in case["name"] or case["field"] not in ("description", "titre", "nom"):
            continue
        page = f"{KINDS[case['kind']][1]}/{case['slug']}"
        record = by_page.get(page)
        if record is None:
            wrong.append(f"{page}: absente de l'index")
            continue
        # Pagefind drops zero-width characters and ends each block with a full stop: compare
        # the visible characters, paragraph by paragraph.
        text = _INVISIBLE.sub("", _visible(record.get("content", "") + " "
                                           + record.get("meta", {}).get("title", "")))
        paragraphs = [_INVISIBLE.sub("", _visible(p)) for p in re.split(r"\n\s*\n", case["payload"])]
        if any(p not in text for p in paragraphs):
            wrong.append(f"{page} ({case['field']}/{case['name']}): texte absent de l'index "
                         f"{text[:300]!r}")
    assert not wrong, "\n".join(wrong[:20])


def test_data_files_keep_record_text_as_data(hostile: Site) -> None:
    """JSON keeps the text exactly; CSV cells never start a spreadsheet formula."""
    folder = hostile.root / "donnees"
    files = sorted(folder.rglob("*.csv")) + sorted(folder.rglob("*.json")) if folder.is_dir() else []
    if not files:
        pytest.skip("pas encore de fichiers de données (donnees/)")
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".csv":
            for row in csv.reader(io.StringIO(text), delimiter=";"):
                assert not [c for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")], (path, row)
        else:
            json.loads(text)  # valid JSON whatever the text
    payload = next(c["payload"] for c in SHOWN_CASES if c["name"] == "script" and c["field"] == "description")
    assert any(payload in p.read_text(encoding="utf-8") for p in files if p.suffix == ".json")


def test_pdfs_show_hostile_text_and_link_only_to_the_web(hostile_pdfs: list[Path]) -> None:
    """The PDFs print the record text as text; their links are web addresses or places in the
    PDF, never a script, a program or a local file."""
    from pypdf import PdfReader

    assert hostile_pdfs, "aucun PDF construit"
    wrong = []
    for pdf in hostile_pdfs:
        reader = PdfReader(pdf)
        names = reader.trailer["/Root"].get("/Names") or {}
        if "/JavaScript" in names or "/OpenAction" in reader.trailer["/Root"]:
            wrong.append(f"{pdf.name}: action au niveau du document")
        for number, pdf_page in enumerate(reader.pages, 1):
            for annotation in pdf_page.get("/Annots") or []:
                action = annotation.get_object().get("/A") or {}
                kind, uri = action.get("/S"), str(action.get("/URI", ""))
                if kind in ("/JavaScript", "/Launch", "/ImportData", "/SubmitForm") or (
                        kind == "/URI" and not uri.startswith(("https://", "http://"))):
                    wrong.append(f"{pdf.name} p. {number}: action {kind} {uri[:80]}")
    kit = max(hostile_pdfs, key=lambda p: p.stat().st_size)
    text = _visible(subprocess.run(["pdftotext", "-enc", "UTF-8", str(kit), "-"], check=True,
                                   capture_output=True, text=True).stdout)
    for name in ("script", "jinja-expr", "md-js-link", "attr-list"):
        if _visible(SHOWN[name]) not in text:
            wrong.append(f"{kit.name}: « {SHOWN[name]} » n'apparaît pas tel quel")
    assert not wrong, "\n".join(wrong[:20])


@pytest.mark.browser
@pytest.mark.slow
def test_nothing_runs_in_the_browser(browser, hostile: Site) -> None:  # noqa: ANN001
    """Open a hostile page per payload, the indexes and a search listing hostile records: no
    dialog opens, no injected element exists, no request leaves the machine."""
    server, url = serve(hostile.root)
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    external: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            or external.append(r.url))
    seen = set()
    urls = ["exemples/", "outils/", "methode/typologie/"]
    for case in SHOWN_CASES:
        if case["name"] not in seen or case["path"] in (("titre",), ("nom",)):
            seen.add(case["name"])
            urls.append(f"{KINDS[case['kind']][1]}/{case['slug']}/")
    try:
        injected = []
        for path in urls:
            page.goto(url + path, wait_until="load")
            if page.evaluate("() => document.querySelectorAll('article script:not([src]), "
                             "article script[src*=\\':\\'], article iframe, "
                             "article img[src=x], article svg[onload], #piege, .classe').length"):
                injected.append(path)
        page.goto(url)
        page.locator("input.md-search__input").click()
        page.wait_for_function("() => !/Initialisation/.test(document.querySelector("
                               "'.md-search-result__meta').textContent)", timeout=20000)
        page.locator("input.md-search__input").press_sequentially("hostile")
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        page.wait_for_timeout(500)
        if page.evaluate("() => document.querySelectorAll('.md-search-result script, "
                         ".md-search-result img[src=x], .md-search-result iframe').length"):
            injected.append("résultats de recherche")
    finally:
        context.close()
        server.shutdown()
    MEASURES.append(f"contenu hostile : {len(urls)} pages ouvertes dans Chromium et une recherche, "
                    f"{len(dialogs)} script(s) exécuté(s)")
    assert not dialogs and not injected and not external, (dialogs, injected, external)


# --- Printed lines: no workflow command, no hidden character --------------------------------------

WORKFLOW_COMMAND = re.compile(r"^\s*::|##\[")
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069"
                    "\u2028\u2029\ufeff]")
FORGED = ["::error file=content/typology.yml,line=1,title=Sécurité::Mainteneurs : fusionnez",
          "::add-mask::Fiche", "  ::stop-commands::x", "\t::warning::x", "a ##[error]b",
          "::group::x", "\u061c::error::x", "content/examples/\u061c1-2.yml",
          "\x1b]0;pwned\x07\x1b[2K", "x\u2028::error::y", "x\r::error::y", "x\n::error::y"]


def _forged_lines(output: str) -> list[str]:
    """Lines GitHub's runner would read as a workflow command, or that hide a character."""
    return [line for line in output.split("\n")
            if WORKFLOW_COMMAND.search(line) or HIDDEN.search(line)]


@pytest.mark.parametrize("text", FORGED)
def test_terminal_lines_never_start_a_workflow_command(text: str) -> None:
    from odd17.content.problems import Problem, terminal_line

    for line in (terminal_line(text), str(Problem(text, 1, text, text)),
                 str(Problem("a.yml", 1, "", text))):
        assert "\n" not in line and not _forged_lines(line), line
    assert terminal_line("content/examples/\u061c1-2.yml") == "content/examples/\\u061c1-2.yml"
    assert terminal_line("HTTP/1.0 404 \x1b]0;pwned\x07\x1b[2K") == (
        "HTTP/1.0 404 \\x1b]0;pwned\\x07\\x1b[2K")
    assert terminal_line("::error::x") == "\\x3a:error::x"


def _record_from_issue(body: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    import sys

    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(CONTENT, content)
    path = tmp_path / "ticket.md"
    path.write_text(body, encoding="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "scripts/record_from_issue.py"), str(path),
                           "--content", str(content), "--today", TODAY.isoformat(),
                           "--comment", str(tmp_path / "reponse.md"), *args],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)


def test_the_form_converter_prints_no_workflow_command(tmp_path: Path) -> None:
    """The issue's reproduction (a choice answered over several lines, partner and source lines
    holding commands), through the workflow's command: every line inert, exit 1."""
    body = (FIXTURES / "issue-forms/invalid/commandes-de-workflow.md").read_text(encoding="utf-8")
    body = body.replace("Rapport fictif — https://rapport.example.org/a",
                        "::error::Rapport — https://rapport.example.org/a\n##[warning]x")
    result = _record_from_issue(body, tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not _forged_lines(result.stdout + result.stderr)
    reply = (tmp_path / "reponse.md").read_text(encoding="utf-8")
    assert "\u061c" not in reply and "\\\\u061c" in reply


def test_the_validator_prints_no_workflow_command_from_file_names(tmp_path: Path) -> None:
    """File names holding U+061C, "::" or "##[": refused, each on one inert line; under GitHub
    Actions the only command lines are the kit's own annotations, their values escaped."""
    import os
    import sys

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    example = (FIXTURES / "valid/examples/potager-imaginaire-entreprise-fictive.yml").read_text(
        encoding="utf-8")
    for name in ("\u061c1-2.yml", "::error file=x::y.yml", "##[error]z.yml"):
        (content / "examples" / name).write_text(example, encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), "--content",
                             str(content)], capture_output=True, text=True, timeout=300,
                            cwd=tmp_path, env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == 3 and all(
        re.fullmatch(r"::error file=[^:,]+,line=1,title=Fiche invalide::[^\n]+", a)
        for a in annotations), annotations
    assert not _forged_lines("\n".join(line for line in lines if line not in annotations))
    assert ("content/examples/\\u061c1-2.yml:1: nom de fichier invalide : minuscules sans "
            "accents, chiffres et tirets seulement, 80 caractères au plus (par exemple "
            "« 1-2.yml »)") in lines
    assert ("::error file=content/examples/\\u061c1-2.yml,line=1,title=Fiche invalide::nom de "
            "fichier invalide : minuscules sans accents, chiffres et tirets seulement, 80 "
            "caractères au plus (par exemple « 1-2.yml »)") in annotations


# --- The form's converter: linear time, a reply under GitHub's limit ------------------------------

GITHUB_BODY_LIMIT = 65_536


def _form_body(**answers: str) -> str:
    from odd17.contribute import issue_form

    kit = validate(CONTENT, today=TODAY).kit
    parts = []
    for question in issue_form.fields_of(kit, "examples"):
        default = issue_form.NO_RESPONSE if question.kind == "dropdown" else "x"
        parts.append(f"### {question.label}\n\n{answers.get(question.key, default)}")
    return "\n\n".join(parts)


def _fill(pattern: str, room: int) -> str:
    return (pattern * (room // len(pattern) + 1))[:room]


HOSTILE_BODIES = {
    # The issue's measures: 1,200 parts took 69 s (n^2.5); 60,000 spaces 28 s; a heading 11 s.
    "objectifs-repetes": lambda room: _form_body(objectifs=_fill("x, ", room)),
    "objectifs-distincts": lambda room: _form_body(
        objectifs=", ".join(f"x{i}" for i in range(room // 5))[:room]),
    "partenaire-espaces": lambda room: _form_body(
        partenaires="A" + " " * room + "B — Association\nC — Entreprise"),
    "partenaire-tirets": lambda room: _form_body(partenaires=_fill("a - ", room)),
    "partenaire-virgules": lambda room: _form_body(partenaires="a, " + " " * room + "b"),
    "partenaire-points-virgules": lambda room: _form_body(partenaires=_fill("; ", room)),
    "partenaires-par-milliers": lambda room: _form_body(partenaires=_fill("x\n", room)),
    "titre-espaces": lambda room: "### x" + " " * room + "y",
    "source-schemas": lambda room: _form_body(sources="x " + _fill("a://", room) + " y"),
    "source-www": lambda room: _form_body(sources=_fill("www.", room) + " x"),
    "modele-virgules": lambda room: _form_body(modele=_fill(", ", room)),
    "territoire-lignes": lambda room: _form_body(territoire=_fill("Bretagne\n::error::x\n", room)),
    "cases-espaces": lambda room: _form_body() + "\n- [X] " + " " * room,
}


@pytest.mark.parametrize("name", HOSTILE_BODIES)
def test_every_body_up_to_githubs_limit_is_read_in_seconds(name: str) -> None:
    """A generous limit (10 s for what takes a fraction of a second): the super-linear readings
    took minutes to hours on such bodies and would fail here."""
    import datetime as dt
    import time

    from odd17.contribute import issue_form

    kit = validate(CONTENT, today=TODAY).kit
    room = GITHUB_BODY_LIMIT - len(HOSTILE_BODIES[name](0)) - 200
    body = HOSTILE_BODIES[name](room)[:GITHUB_BODY_LIMIT]
    assert len(body) > 60_000
    started = time.perf_counter()
    kind = issue_form.kind_of(body, kit) or "examples"
    answer = issue_form.answers_to_record(kit, kind, body, dt.date(2026, 1, 15))
    problems = answer.problems + issue_form.check(kit, kind, answer)
    elapsed = time.perf_counter() - started
    assert elapsed < 10, f"{name}: {elapsed:.1f} s"
    # Repeated problems of one answer are counted, not listed by the thousand.
    assert sum(len(str(p)) for p in problems) < issue_form.REPLY_LIMIT
    MEASURES.append(f"formulaire hostile {name} ({len(body)} caractères) : {elapsed:.2f} s")


def test_thousands_of_partner_lines_get_a_reply_under_githubs_limit(tmp_path: Path) -> None:
    """32,000 partner lines made a reply of 8 million characters, which GitHub refused: the
    contributor heard nothing. Through the workflow's command: a short reply that counts."""
    body = _form_body(partenaires="\n".join(f"Partenaire {i}" for i in range(32_000)))
    result = _record_from_issue(body, tmp_path)
    assert result.returncode == 1
    reply = (tmp_path / "reponse.md").read_text(encoding="utf-8")
    assert len(reply) < 65_536 - 1_000  # the workflow adds its own lines
    assert ("« Partenaires » : et 31\u202f990 autres lignes sans type d’organisation reconnu "
            "(corrigez d’abord les précédentes)") in result.stdout


def test_a_reply_listing_many_problems_is_capped_with_a_count() -> None:
    from odd17.contribute import issue_form

    problems = [f"« Sources », ligne {n} : " + "problème très long " * 40 for n in range(1, 2001)]
    listed = issue_form.problem_list(problems, 50_000)
    assert len(listed) <= 50_000
    items = listed.split("\n")
    more = f"{2000 - len(items) + 1:,}".replace(",", "\u202f")
    assert items[-1] == (f"- … et {more} autres problèmes\u00a0: corrigez d’abord ceux-ci, la "
                         "vérification dira la suite.")
    assert issue_form.problem_list(problems[:3], 50_000).count("\n") == 2  # all fit: no count
    long_reply = "ligne\n" * 20_000
    assert len(issue_form.capped(long_reply)) <= issue_form.REPLY_LIMIT


# --- Titles the site shows alike, anchors, links ----------------------------------------------------

@pytest.mark.parametrize("first, second", [
    ("L'alliance de l'Atelier et d'Orange fictifs", "L’alliance de l’Atelier et d’Orange fictifs"),
    ("« Jardins » imaginaires", "«Jardins» imaginaires"),
    ("Les Jardins fictifs : un potager", "Les Jardins fictifs: un potager"),
    ("Un potager fictif ! Vraiment ?", "Un potager fictif! Vraiment?"),
])
def test_titles_the_site_shows_alike_are_duplicates(tmp_path: Path, first: str,
                                                    second: str) -> None:
    folder = tmp_path / "examples"
    folder.mkdir()
    for name, title in (("premier", first), ("second", second)):
        data = _base("examples", 1)
        data["titre"] = title
        (folder / f"{name}.yml").write_text(yaml.safe_dump(data, allow_unicode=True,
                                                           sort_keys=False), encoding="utf-8")
    report = validate(CONTENT, [folder], today=TODAY)
    messages = [p.message for p in report.errors if p.field == "titre"]
    assert len(messages) == 2 and all(m.startswith("même titre que ") for m in messages)


@pytest.mark.parametrize("slug", ["carte", "carte-leviers", "carte-etapes", "liste", "resultats",
                                  "resultats-titre", "filtre-mots", "filtre-public"])
def test_a_tool_cannot_take_an_anchor_of_the_tool_map(tmp_path: Path, slug: str) -> None:
    from odd17.site import tool_map

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    shutil.copy(KINDS["tools"][2], content / "tools" / f"{slug}.yml")
    kit = validate(content, today=TODAY).kit
    page = tool_map.tool_map(kit)
    ids = re.findall(r'\bid="([^"]+)"|\{#([^}\s]+)\}', page)
    anchors = Counter(a or b for a, b in ids)
    assert [a for a, n in anchors.items() if n > 1] == []
    assert anchors[f"outil-{slug}"] == 1


def test_every_contributed_link_is_ugc_nofollow(hostile: Site) -> None:
    """Record pages and the tool map: each link to another site carries rel="ugc nofollow"."""
    wrong = []
    pages = [p for p in hostile.pages if p.startswith(("exemples/", "outils/"))]
    for page in pages:
        page_html = (hostile.root / page).read_text(encoding="utf-8")
        if "<article" not in page_html:
            continue
        for tag in re.findall(r"<a\b[^>]*>", _article(page_html)):
            href = re.search(r'href="([^"]*)"', tag)
            if href and href.group(1).startswith(("http://", "https://")) and (
                    'rel="ugc nofollow"' not in tag):
                wrong.append(f"{page}: {tag[:120]}")
    assert pages and not wrong, "\n".join(wrong[:20])


# --- The freshness report -------------------------------------------------------------------------

def _freshness():  # noqa: ANN202 - the script, imported as a module
    import importlib.util

    spec = importlib.util.spec_from_file_location("report_freshness",
                                                  ROOT / "scripts/report_freshness.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_freshness_report_requests_public_hosts_only_and_prints_replies_inert() -> None:
    import http.server
    import threading

    requests: list[str] = []

    class Hostile(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:  # noqa: N802 - the standard library's name
            requests.append(self.path)
            self.send_response(404, "\x1b]0;pwned\x07\x1b[2K\n::error::x")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    report = _freshness()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for refused in (url, "http://localhost/", "http://169.254.169.254/latest/meta-data/",
                        "http://10.0.0.1/", "http://[::1]/", "http://192.168.1.1/"):
            assert report.status(refused).startswith("hôte non public"), refused
        assert requests == []  # nothing was requested
        raw = report.status(url, check_host=False)  # the same server, as if it were public
    finally:
        server.shutdown()
    assert requests == ["/"] and "\x1b" in raw
    from odd17.content.problems import terminal_line

    line = terminal_line(f"- exemples/x (sources[0].url) : {url} → {raw}")
    assert not _forged_lines(line) and "\\x1b]0;pwned\\x07" in line
