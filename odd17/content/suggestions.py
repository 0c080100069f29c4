"""« vouliez-vous dire … ? »: the allowed values a refused value may mean.

One function for the validator's message (``models.Vocabulary``), the issue form's converter and
the local assistant (``odd17.contribute``): a contributor gets the same suggestion whichever way
the record is written.
"""

from __future__ import annotations

import difflib
import re

from odd17.content.folding import fold


def words_of(text: str) -> str:
    """Folded words only (case, accents, punctuation aside), one space apart, a final plural s
    or x dropped: what an answer and a label are compared by."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words)


def _significant(words: str) -> set[str]:
    """« la », « de », « et » say nothing about which value is meant."""
    return {w for w in words.split() if len(w) > 2}


def close_values(allowed: dict[str, str], text: str,
                 keywords: dict[str, str] | None = None) -> list[str]:
    """The ids of ``allowed`` (id → label) that ``text`` may mean, best first, at most two:

    - a number missing its leading zero (region « 6 » → « 06 »);
    - the values whose label's words ``text`` holds, or that hold all its words (« Région
      Bretagne » → Bretagne, « Réunion » → La Réunion), when one or two do;
    - else the closest spelling of an id or a label (« Bretagn », « mecenat-clasique »);
    - else a keyword of the sources held by ``text`` (``keywords``: folded word → id, the
      typology's « mots_cles »: « mécénat de compétences » → Engagement actif).
    """
    value = text.strip()
    if not value:
        return []
    if value.isdigit():
        padded = value.lstrip("0").zfill(2)
        if padded in allowed:
            return [padded]
    said = words_of(value)
    if said:
        mine = _significant(said)
        by_words = [term_id for term_id, label in allowed.items()
                    if (theirs := _significant(words_of(label))) and mine
                    and (theirs <= mine or mine <= theirs)]
        if 0 < len(by_words) <= 2:
            return by_words
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    if close:
        return close
    if said:
        labels = {words_of(label): term_id for term_id, label in allowed.items()}
        close = difflib.get_close_matches(said, list(labels), n=1, cutoff=0.75)
        if close:
            return [labels[close[0]]]
        padded_words = f" {said} "
        for word, term_id in (keywords or {}).items():
            if f" {words_of(word)} " in padded_words and term_id in allowed:
                return [term_id]
    return []
