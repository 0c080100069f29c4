"""How words are folded: for comparing titles, searching and filtering (``fold``), for the
anchors of headings (``heading_slug``) and for the order of a French index (``french_sort_key``). Read by the validator, the pages and the search."""

from __future__ import annotations

import unicodedata

from slugify import slugify


def fold(text: str) -> str:
    """Lower case without accents or ligatures: « Œuvrer à l'Économie » → « oeuvrer a l'economie ».

    The kit's one accent folding (search forms, filters' words, titles compared by the
    validator); docs/assets/examples-filter.js folds what readers type the same way.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("œ", "oe").replace("æ", "ae"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def heading_slug(value: str, separator: str = "-") -> str:
    """Heading anchors that keep French words whole: « Mise en œuvre » → ``mise-en-oeuvre``.

    Python-Markdown's default slugify drops every non-ASCII letter (``mise-en-uvre``);
    python-slugify transliterates them instead.
    """
    return slugify(value, separator=separator) or "section"


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def french_sort_key(text: str) -> tuple[str, str]:
    """The order of a French index: letters and digits only, with accents, case, ligatures and
    punctuation ignored first (« Étude » beside « Etude », « L'IMS » as « lims »), then the text
    as written, so that the order is total and stable. (A locale's strxfrm depends on the
    machine's installed locales; the build must not.)"""
    folded = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    letters = "".join(c if c.isalnum() else " " if c.isspace() else "" for c in folded)
    return " ".join(letters.casefold().split()), text
