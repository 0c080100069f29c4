"""French-friendly search on top of Material's own search (which stays the engine, online and in
the offline copy).

Measured on this site (scripts/bench_examples.py, figures in maintainers/performances.md), Material's
search with ``lang: fr`` finds « mécénat » only when typed with its accents, and its French
stemmer (``pipeline: [stemmer, …]``) finds no more (the stems keep the accents) and loses
« competence », « cooperation » and exact elided queries. Two settings of Material's own search
do the rest:

- the word separator (``SEPARATOR``, which Material applies to the pages' text AND to the
  reader's query) drops French elisions (« l'évaluation » → « évaluation »), stop words (« de »)
  and the final s or x of words of five letters or more (« mécénats » → « mécénat », « réseaux »
  → « réseau »): a plural typed finds a singular written and the other way round;
- after the build, the index gets, for each section, the accent-free forms of its words that
  differ from the text (a hidden line, never shown in the results; those of the title and tags
  in them, hidden, for their boost), and the « -al »/« -aux » pairs (« social » ↔ « sociaux »).

Online, Pagefind folds accents and plurals itself (odd17/search/site_search.py); it does not work from
file://, so the offline copy keeps Material's search. Hand-written because no maintained plugin
does accent folding for Material's index.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from odd17.content.folding import fold  # the kit's one accent folding

# French words that carry no meaning of their own in a query: articles, prepositions,
# pronouns, conjunctions, common auxiliaries. A query keeps them only when it holds nothing else
# (« de » alone still finds pages). Online, odd17/search/search.js drops them from
# the query; offline, the separator below does (the whole word, never inside one). Without it,
# Material read « de » as « every word starting with de » (« définition », « depuis »…).
STOP_WORDS = frozenset("""
a à au aux avec ce ces c cet cette d dans de des du elle elles en et eux il ils j je l la le
les leur leurs lui m ma mais me même mes moi mon n ne nos notre nous on ou où par pas pour qu
que qui s sa se ses son sont sur t ta te tes toi ton tu un une vos votre vous y est été être
ont avons avez sommes êtes suis es sera seront était étaient fait faire comme plus ni si
""".split())
# Elided articles and pronouns written before a vowel: « l'évaluation » is « évaluation ».
ELISIONS = ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu")



# Material's search separator (set by the odd17 plugin, applied to the pages' text AND to the
# reader's query). Spaces and hyphens; French elisions as a whole (« l' », « qu' »): splitting on
# the apostrophe alone left « l » as a search term, which Material's trailing wildcard turned into
# « every word starting with l » (measured: 47 pages for « l'evaluation »); the final s or x after
# four letters (plurals; shorter words such as « cas », « pays », « nous » keep theirs, or « cas »
# would find every word starting with « ca »); the stop words. The look-behinds need Safari 16.4
# or later (2023), like every other current browser.
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿŒœ"
_STOPS = "|".join(sorted({form for w in STOP_WORDS for form in (w, w.capitalize(), w.upper())},
                         key=lambda w: (-len(w), w)))
SEPARATOR = (r"[\s\-]+|\b(?:[cdjlmnstCDJLMNST]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’]"
             rf"|(?<=[{_LETTER}]{{4}})[sxSX](?![{_LETTER}0-9])"
             rf"|(?<![{_LETTER}0-9])(?:{_STOPS})(?![{_LETTER}0-9'’])")
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_TAG = re.compile(r"<[^>]+>")


def extra_forms(text: str) -> list[str]:
    """Forms of the words of ``text`` that the text does not contain: without accents
    (« mécénat » → « mecenat ») and the other half of « -al »/« -aux » pairs (« sociaux » →
    « social »; « social » → « sociau », what the separator leaves of « sociaux »). Plurals in
    « s » or « x » need nothing here: the separator drops that letter on both sides."""
    words = {w.casefold() for w in _WORD.findall(_TAG.sub(" ", text))}
    forms: set[str] = set()
    for word in words:
        plain = fold(word)
        forms.add(plain)
        if len(plain) > 5 and plain.endswith("aux") and not plain.endswith("eaux"):
            forms.add(plain[:-3] + "al")
        elif len(plain) > 4 and plain.endswith("al"):
            forms.add(plain[:-2] + "au")
    return sorted(forms - words)


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
