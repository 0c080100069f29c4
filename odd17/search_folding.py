"""French-friendly search on top of Material's own search (which stays the engine, online and in
the offline copy).

Measured on this site (scripts/bench_examples.py, figures in docs/performances.md), Material's
search with ``lang: fr`` finds « mécénat » only when typed with its accents, and its French
stemmer (``pipeline: [stemmer, …]``) finds no more (the stems keep the accents) and loses
« competence », « cooperation » and exact elided queries. So the index gets, for each section,
the accent-free and singular forms of its words that differ from the text (a hidden line, never
shown in the results; the forms of the title and tags in them, hidden, for their boost), and the separator drops
French elisions (« l'évaluation » → « évaluation »). Pagefind would fold accents and plurals
itself but does not work from file:// (the offline copy), so Material's search stays.
Hand-written because no maintained plugin does accent folding for Material's index.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

# mkdocs.yml search: separator. Spaces and hyphens, and French elisions as a whole (« l' », « qu' »):
# splitting on the apostrophe alone left « l » as a search term, which Material's trailing
# wildcard turned into « every word starting with l » (measured: 47 pages for « l'evaluation »).
SEPARATOR = r"[\s\-]+|\b(?:[cdjlmnstCDJLMNST]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’]"
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_TAG = re.compile(r"<[^>]+>")


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def extra_forms(text: str) -> list[str]:
    """Accent-free and singular forms of the words of ``text`` that the text does not contain."""
    words = {w.casefold() for w in _WORD.findall(_TAG.sub(" ", text))}
    forms: set[str] = set()
    for word in words:
        plain = fold(word)
        candidates = {plain}
        if len(plain) > 4 and plain.endswith(("s", "x")):
            candidates.add(plain[:-1])  # « compétences » → « competence », « réseaux » → « reseau »
        forms |= {c for c in candidates if c not in words}
    return sorted(forms)


def _with_forms(text: str) -> str:
    forms = extra_forms(text)
    return f"{text}<span hidden>{' '.join(forms)}</span>" if forms else text


def fold_search_index(site: Path) -> None:
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        forms = extra_forms(f"{doc.get('title', '')} {doc.get('text', '')}")
        if forms:
            doc["text"] = f"{doc.get('text', '')}<p hidden>{' '.join(forms)}</p>"
        # The title's own forms go in the title, so they get its boost: « evaluation » ranks
        # « Évaluer… l'évaluation » pages as « évaluation » does (hidden in the results).
        doc["title"] = _with_forms(doc.get("title", ""))
        # Tags weigh most in Material's ranking (« Réseau » on tool pages). Every section of a
        # page repeats them: the page's own entry is enough (results are grouped by page), and
        # keeps the index about 300 KB lighter at 1,000 examples.
        if "tags" in doc and "#" not in doc.get("location", "#"):
            doc["tags"] = [_with_forms(tag) for tag in doc["tags"]]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
