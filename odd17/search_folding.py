"""French-friendly search on top of Material's own search (which stays the engine, online and in
the offline copy).

Measured on this site, Material's search with ``lang: fr`` finds « mécénat » only when typed with
its accents, and turning on its French stemmer broke exact matches. So the index gets, for each
section, the accent-free and singular forms of its words that differ from the text (a hidden
line, never shown in the results), and the separator splits French elisions (« l'évaluation »).
Hand-written because no maintained plugin does accent folding for Material's index.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

SEPARATOR = r"[\s\-'’]+"  # mkdocs.yml search: separator — also splits « l'évaluation »
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


def fold_search_index(site: Path) -> None:
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        forms = extra_forms(f"{doc.get('title', '')} {doc.get('text', '')}")
        if forms:
            doc["text"] = f"{doc.get('text', '')}<p hidden>{' '.join(forms)}</p>"
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
