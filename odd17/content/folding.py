"""How words are folded: for comparing titles, searching and filtering (``fold``), and for the
anchors of headings (``heading_slug``). Read by the validator, the pages and the search."""

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
