"""The pydantic models: the only schema of the kit's records.

Field names in the YAML are French (contributors read them), attributes in the code are English:
each field has its French ``alias``. Values that come from the typology or the vocabularies
(models, objectives, partner types, regions…) are checked against the data files passed in the
validation context, so that nothing about the typology is typed twice in code; the JSON Schema
export (``odd17.publish.schema``) fills in their allowed values from the same data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import string
import unicodedata
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from slugify import slugify

from odd17.content.folding import fold
from odd17.content.problems import shown_value
from odd17.content.suggestions import close_values
from odd17.content.yamlfile import NumberLike

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)


class Record(BaseModel):
    """Strict base: unknown fields are errors, French aliases only, immutable once valid."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False,
                              str_strip_whitespace=True, validate_default=False)


# --- Text, URLs, dates ---------------------------------------------------------------------------
#
# Record text is data: it is shown, never interpreted. The one text type below refuses what a
# reader cannot see or what changes how the text around it is shown: control characters (C0, C1:
# terminal escapes, or the ``\x9b`` that made MkDocs drop a page's front matter), Unicode
# non-characters and lone surrogates, bidirectional embeddings, overrides and isolates (they
# reverse a title on screen; Arabic or Hebrew text needs none of them), line and paragraph
# separators. Newlines (and tabs) are allowed only in multi-line texts (descriptions). Text is
# stored in NFC, so that « é » typed two ways is one text (search, duplicates, sorting).

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_FORBIDDEN_ANYWHERE = (r"\x00-\x08\x0b-\x1f\x7f-\x9f" "\ud800-\udfff" + _NONCHARACTERS
                       + "\u202a-\u202e\u2066-\u2069\u2028\u2029")
_FORBIDDEN_MULTILINE = re.compile(f"[{_FORBIDDEN_ANYWHERE}]")
_FORBIDDEN_ONE_LINE = re.compile(f"[{_FORBIDDEN_ANYWHERE}\t\n]")

# Characters that show nothing: removed from the keys that compare titles, and a text made only of
# them (and spaces) is refused: zero-width space and joiners, soft hyphen, word joiner, direction
# marks, byte order mark, tags…
# Format characters (Unicode category Cf, as of Unicode 14: tests/test_validation.py checks the
# list against unicodedata), then variation selectors, the combining grapheme joiner, Hangul
# fillers, Mongolian free variation selectors, the Braille blank.
_FORMAT_CHARACTERS = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
                      "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
                      "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
                      "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
_INVISIBLE = re.compile("[" + _FORMAT_CHARACTERS + "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                        "\u2800\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]")


def _expand(character_class: str) -> str:
    """``"a-cx"`` → ``"abcx"`` (the characters of a regular-expression class, no escapes)."""
    out, i = [], 0
    while i < len(character_class):
        if i + 2 < len(character_class) and character_class[i + 1] == "-":
            out += [chr(c) for c in range(ord(character_class[i]), ord(character_class[i + 2]) + 1)]
            i += 3
        else:
            out.append(character_class[i])
            i += 1
    return "".join(out)


_INVISIBLE_OR_SPACE = _expand(_INVISIBLE.pattern[1:-1]) + "".join(
    chr(c) for c in (*range(9, 14), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028,
                     0x2029, 0x202F, 0x205F, 0x3000))


def _check_text(value: str, forbidden: re.Pattern[str], multiline: bool) -> str:
    # Fast path (10,000 records): printable text holds no control, format, separator, surrogate
    # or unassigned character at all; only the rest is searched character by character.
    if (value.replace("\n", " ").replace("\t", " ") if multiline else value).isprintable():
        found = None
    else:
        found = forbidden.search(value)
    if found:
        char = found.group()
        code = ord(char)
        if char == "\n":
            what, hint = "retour à la ligne non permis dans ce champ", "écrivez-le sur une ligne"
        elif char == "\t":
            what, hint = "tabulation non permise dans ce champ", "remplacez-la par une espace"
        elif 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            what = f"caractère de contrôle de la direction du texte U+{code:04X} non permis"
            hint = ("il peut inverser l'affichage du texte ; retirez-le (l'arabe ou l'hébreu "
                    "s'écrivent sans lui)")
        else:
            what = f"caractère invisible ou de contrôle U+{code:04X} non permis"
            hint = "retapez le texte au lieu de le copier-coller depuis un autre logiciel"
        raise PydanticCustomError("text_character", "{what}, position {position} : {hint}",
                                  {"what": what, "position": found.start() + 1, "hint": hint})
    if not value.isascii():
        if not value.strip(_INVISIBLE_OR_SPACE):
            raise PydanticCustomError("text_invisible", "le texte n'est fait que de caractères "
                                      "invisibles : écrivez un texte lisible")
        if not unicodedata.is_normalized("NFC", value):
            value = unicodedata.normalize("NFC", value)
        stacked = _stacked_marks().search(value)
        if stacked:
            raise PydanticCustomError(
                "text_stacked_marks", "{count} signes diacritiques sur une même lettre, position "
                "{position} : {most} au plus (empilés, ils débordent sur les lignes voisines de "
                "la page) ; retapez la lettre", {"count": len(stacked.group()),
                                                 "position": stacked.start(), "most": MAX_MARKS})
    return value


# Combining marks on one letter: French needs one (é), Vietnamese two (ệ), Hebrew or Arabic with
# vowel points three; dozens (« Zalgo » text) draw over the header and the neighbouring entries.
MAX_MARKS = 3


@functools.cache
def _stacked_marks() -> re.Pattern[str]:
    """More than MAX_MARKS combining marks in a row (Unicode categories Mn, Mc, Me), built once
    from unicodedata when a non-ASCII text first needs it."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0x110000):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    marks = "".join(f"{chr(a)}-{chr(b)}" if b > a else chr(a) for a, b in ranges)
    return re.compile(f"[{marks}]{{{MAX_MARKS + 1},}}")


def _one_line(value: str) -> str:
    return _check_text(value, _FORBIDDEN_ONE_LINE, False)


def _multiline(value: str) -> str:
    return _check_text(value, _FORBIDDEN_MULTILINE, True)


def Text(max_length: int, multiline: bool = False) -> Any:  # noqa: N802 - reads like a type
    """Non-empty visible text of at most ``max_length`` characters, one line unless
    ``multiline`` (record text is data, never HTML: see maintainers/threat-model.md)."""
    if multiline:  # editors (and tests) can tell the texts where a new line is allowed
        return Annotated[str, Field(min_length=1, max_length=max_length,
                                    json_schema_extra={"x-multiline": True}),
                         AfterValidator(_multiline)]
    return Annotated[str, Field(min_length=1, max_length=max_length), AfterValidator(_one_line)]


# The site sets every apostrophe as ’ and its own spaces around « » : ; ! ? (odd17/content/typography.py):
# titles that differ only there come out identical on the page.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'"})
_SPACED_PUNCTUATION = re.compile(r"\s*([«»:;!?])\s*")


def comparison_key(text: str) -> str:
    """Two titles are the same when a reader cannot tell them apart: compatibility forms folded
    (NFKC: ligatures, full-width letters), case folded, accents and invisible characters removed
    (zero-width, soft hyphen, word joiner, variation selectors…), spaces collapsed, and the
    site's typography applied (apostrophes, spaces around guillemets and French punctuation)."""
    key = " ".join(_INVISIBLE.sub("", fold(_INVISIBLE.sub("", unicodedata.normalize(
        "NFKC", text)))).split())
    return _SPACED_PUNCTUATION.sub(r"\1", key.translate(_APOSTROPHES))


_SIMPLE_WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][!-~]*)?")
_DOMAIN_LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)")
# Scripts named in messages (the first word of a letter's Unicode name); Han, Hiragana and
# Katakana are written together in Japanese and count as one.
_SCRIPTS = {"LATIN": "latin", "CYRILLIC": "cyrillique", "GREEK": "grec", "ARABIC": "arabe",
            "HEBREW": "hébreu", "ARMENIAN": "arménien", "GEORGIAN": "géorgien",
            "CJK": "chinois ou japonais", "HIRAGANA": "chinois ou japonais",
            "KATAKANA": "chinois ou japonais", "HANGUL": "coréen", "THAI": "thaï",
            "DEVANAGARI": "devanagari", "CHEROKEE": "cherokee"}


def _scripts(host: str) -> list[str]:
    """The scripts of the letters of a host name, in order of appearance (digits, dots and
    hyphens belong to none)."""
    found: list[str] = []
    for char in host:
        if char.isalpha():
            word = unicodedata.name(char, "INCONNU").split()[0]
            script = _SCRIPTS.get(word, word.lower())
            if script not in found:
                found.append(script)
    return found


def _url_error(kind: str, message: str, value: str, **more: str) -> PydanticCustomError:
    return PydanticCustomError(kind, "« {value} » " + message, {"value": shown_value(value), **more})


def web_host(value: str) -> str:
    """The host an address leads to, as the browser goes there: lower case, IDNA (xn--…)."""
    host = urlsplit(value).hostname or ""
    try:
        return host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return host


def _check_host(value: str) -> None:
    """An address leads where it reads: a host (``https://@``, ``https://:80/`` lead nowhere), no
    user information (``https://www.service-public.fr@evil.example/`` shows one site and opens
    another), a valid port, a domain name whose labels are valid, and whose letters are of one
    script (``www.sеrvice-public.fr`` with a Cyrillic « е » is another site)."""
    parts = urlsplit(value)
    if not parts.hostname:
        raise _url_error("url_no_host", "n'a pas d'hôte : écrivez l'adresse complète, par "
                         "exemple https://www.exemple.fr/page", value)
    if "@" in parts.netloc:
        raise _url_error("url_userinfo", "contient « @ » avant l'hôte : le lien montrerait un "
                         "site et mènerait à « {host} » ; écrivez l'adresse sans « …@ »",
                         value, host=parts.hostname)
    try:
        port = parts.port
    except ValueError:  # not a number, or over 65535
        port = -1
    if port is not None and not 0 < port <= 65535:
        raise _url_error("url_port", "a un port invalide : un port va de 1 à 65535 (le plus "
                         "souvent, une adresse n'en écrit pas)", value)
    host = parts.hostname
    if parts.netloc.startswith("["):  # an IPv6 address: valid or refused by urlsplit already
        return
    if not host.isascii():
        scripts = _scripts(host)
        if len(scripts) > 1:
            raise _url_error("url_mixed_scripts", ": l'hôte mêle des alphabets ({scripts}) : une "
                             "lettre d'un autre alphabet peut imiter un site connu ; écrivez "
                             "l'hôte dans un seul alphabet, ou sous la forme « {puny} » si c'est "
                             "bien lui", value, scripts=", ".join(scripts), puny=web_host(value))
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            host = ""
    labels = host.removesuffix(".").split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.fullmatch(label) for label in labels):
        raise _url_error("url_bad_host", "n'a pas un hôte valide (« {host} ») : écrivez "
                         "l'adresse complète, par exemple https://www.exemple.fr/page", value,
                         host=shown_value(parts.hostname or ""))


def _check_url(value: Any) -> Any:
    if not isinstance(value, str):
        return value  # the str type reports it
    if not _SIMPLE_WEB_ADDRESS.fullmatch(value):  # the fast path is a subset of the rule
        _one_line(value)  # no control, invisible direction or non-character in an address either
        hidden = _INVISIBLE.search(value)  # nor any invisible character (U+061C, U+200F…)
        if hidden:
            raise PydanticCustomError(
                "text_character", "caractère invisible ou de contrôle U+{code} non permis, "
                "position {position} : retapez l'adresse au lieu de la copier-coller",
                {"code": f"{ord(hidden.group()):04X}", "position": hidden.start() + 1})
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(
                c.isspace() for c in value):
            raise PydanticCustomError(
                "url_not_web", "« {value} » n'est pas une adresse web valide : elle doit commencer "
                "par https:// (ou http://) et ne pas contenir d'espace", {"value": shown_value(value)})
    _check_host(value)
    return value


# A name or title that reads as a web address (« www.impots.gouv.fr », « impots.gouv.fr ») and
# links elsewhere shows one site and opens another. A word reads as an address when it starts
# with http(s):// or www., or ends with a dot and a top-level domain: any two letters (country
# codes) or a common generic one; « St.Etienne » or « M.A.D. » do not.
_GENERIC_TLDS = ("com|org|net|info|gouv|gov|edu|int|asso|coop|eus|bzh|paris|alsace|corsica|"
                 "io|app|dev|site|online|web|xyz|biz|ngo|ong|museum|news")
_READS_AS_ADDRESS = re.compile(
    rf"(?<![\w.@/-])(?:https?://)?((?:www\.)?(?:[^\W_](?:[\w-]{{0,62}})?\.)+"
    rf"(?:[^\W\d_]{{2}}|{_GENERIC_TLDS}))(?![\w-])", re.I)


def address_in_text(text: str) -> str | None:
    """The host a name or title reads as (« www.impots.gouv.fr » → « impots.gouv.fr »), or None."""
    match = _READS_AS_ADDRESS.search(text)
    if not match:
        return None
    return web_host("https://" + match.group(1).lower()).removeprefix("www.")


def check_link_text(text: str | None, url: str | None, what: str) -> None:
    """A link's text that reads as an address must lead to that site (or a sub-domain)."""
    if not text or not url:
        return
    shown = address_in_text(text)
    if shown is None:
        return
    target = web_host(url).removeprefix("www.")
    if target == shown or target.endswith("." + shown) or shown.endswith("." + target):
        return
    raise PydanticCustomError(
        "link_text_address", "{what} « {text} » se lit comme l'adresse « {shown} », mais son lien "
        "mène à « {target} » : écrivez {what} sans adresse, ou l'adresse de ce site",
        {"what": what, "text": shown_value(text), "shown": shown, "target": target})


Url = Annotated[str, Field(max_length=500, json_schema_extra={"format": "uri",
                                                               "pattern": "^https?://"}),
                AfterValidator(_check_url)]


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DAY_FIRST_DATE = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
_YEAR_FIRST_DATE = re.compile(r"([0-9]{4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,2})")


_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre")


def _no_such_day(year: int, month: int, day: int) -> str | None:
    """Why year-month-day is no date (« février 2024 n'a que 29 jours »), or None if it is one."""
    if not 1 <= month <= 12:
        return f"il n'y a pas de mois {month}, les mois vont de 01 à 12"
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return f"l'année {year} n'est pas permise"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{_MONTHS[month - 1]} {year} n'a que {days} jours" if day else "il n'y a pas de jour 0"
    return None


def _parse_date(value: Any) -> Any:
    """Dates are written AAAA-MM-JJ; YAML gives them to us as text (see ``yamlfile``). A date
    both written another way and impossible (« 31/02/2024 ») gets both problems in one message."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        year, month, day = (int(part) for part in value.split("-"))
        why = _no_such_day(year, month, day)
        if why:
            raise PydanticCustomError("impossible_date", "« {value} » n'est pas une date qui existe "
                                      ": {why}", {"value": value, "why": why})
        parsed = dt.date(year, month, day)
        if parsed > dt.date.today():
            raise PydanticCustomError("future_date", "« {value} » est une date future",
                                      {"value": value})
        return parsed
    if not isinstance(value, str):
        raise PydanticCustomError("date_format", "doit être une date au format AAAA-MM-JJ (par "
                                  "exemple 2024-03-15)")
    hint = ""
    day_first = _DAY_FIRST_DATE.fullmatch(value.strip())  # 24/11/2026, as French writes it
    year_first = _YEAR_FIRST_DATE.fullmatch(value.strip())  # 2026/11/24, 2026-1-5
    parts = day_first.groups() if day_first else year_first.groups()[::-1] if year_first else None
    if parts:
        day, month, year = (int(part) for part in parts)
        why = _no_such_day(year, month, day)
        hint = (f" ; de plus, ce n'est pas une date qui existe : {why}" if why else
                f" ; vouliez-vous dire {dt.date(year, month, day).isoformat()} ?")
    raise PydanticCustomError("date_format", "« {value} » n'est pas une date au format AAAA-MM-JJ "
                              "(par exemple 2024-03-15){hint}",
                              {"value": shown_value(value), "hint": hint})


Date = Annotated[dt.date, BeforeValidator(_parse_date),
                 Field(json_schema_extra={"pattern": r"^\d{4}-\d{2}-\d{2}$"})]

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]


# --- Values from the typology and the vocabularies -----------------------------------------------

def allowed_values(info: ValidationInfo, vocabulary: str) -> dict[str, str]:
    context = info.context or {}
    try:
        return context["allowed"][vocabulary]
    except KeyError:  # a programming error, not a content error
        raise RuntimeError(f"validation context lacks the vocabulary {vocabulary!r}") from None


def suggested(allowed: dict[str, str], ids: list[str]) -> str:
    """« « 53 » (Bretagne) ou « 52 » (Pays de la Loire) »: suggested ids, each with its label
    when the id does not read like it (region codes)."""
    return " ou ".join(f"« {term_id} »" if slugify(allowed[term_id]).startswith(term_id)
                       else f"« {term_id} » ({allowed[term_id]})" for term_id in ids)


def Vocabulary(name: str) -> Any:  # noqa: N802 - reads like a type in the models
    """A value that must be one of the ids of ``name`` in the typology or vocabularies data."""

    def check(value: str, info: ValidationInfo) -> str:
        allowed = allowed_values(info, name)  # id → label
        if value not in allowed:
            keywords = ((info.context or {}).get("allowed") or {}).get(KEYWORDS + name, {})
            close = close_values(allowed, value, keywords)
            hint = f" ; vouliez-vous dire {suggested(allowed, close)} ?" if close else ""
            # Show the label beside an id that does not read like it (region codes).
            shown = [term_id if slugify(label).startswith(term_id) else f"{term_id} = {label}"
                     for term_id, label in allowed.items()]
            raise PydanticCustomError(
                "not_allowed", "« {value} » n'est pas une valeur permise ({allowed}){hint}",
                {"value": shown_value(value), "allowed": ", ".join(shown), "hint": hint})
        return value

    return Annotated[str, AfterValidator(check), Field(json_schema_extra={"x-vocabulary": name})]


def _territory_code(value: Any) -> Any:
    """A region code written without quotes is read as the code written: ``territoire: 53`` is
    "53", ``territoire: 01`` is "01" (Guadeloupe; YAML 1.1 would read 1, YAML 1.2 would read 1
    too: the digits are what the author meant), ``territoire: 1`` is "01". Anything else that
    YAML would read as a number (``0x35``, ``5_3``, ``5.3e1``) is refused (quote it)."""
    if isinstance(value, NumberLike) and value.text.isdigit():
        return value.text
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:02d}"
    return value


def _unique(values: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError("duplicate_item", "« {value} » est répété", {"value": shown_value(value)})
        seen.add(value)
    return values


def UniqueList(item: Any, min_length: int = 0, max_length: int = 30) -> Any:  # noqa: N802
    return Annotated[list[item], Field(min_length=min_length, max_length=max_length),
                     AfterValidator(_unique)]


PartnerType = Vocabulary("types_partenaires")
TerritoryCode = Annotated[Vocabulary("territoires"), BeforeValidator(_territory_code)]
ModelId = Vocabulary("modeles")
ObjectiveId = Vocabulary("objectifs")
ImpactId = Vocabulary("impacts")
LeverId = Vocabulary("leviers")
StepId = Vocabulary("etapes")
ToolKind = Vocabulary("natures_outils")
Audience = Vocabulary("publics")
Access = Vocabulary("acces")


# --- Records -------------------------------------------------------------------------------------

class Source(Record):
    """Where the facts of a record come from."""

    title: Text(300) = Field(alias="titre", description="Titre de la source (document, page…)")
    url: Url | None = Field(None, alias="url", description="Adresse web de la source, si elle en a une")

    @field_validator("url")
    @classmethod
    def _leads_where_the_title_reads(cls, url: str | None, info: ValidationInfo) -> str | None:
        check_link_text(info.data.get("title"), url, "le titre")
        return url


class Partner(Record):
    name: Text(150) = Field(alias="nom", description="Nom de l'organisation partenaire")
    type: PartnerType = Field(alias="type", description="Type d'organisation")
    website: Url | None = Field(None, alias="site_web", description="Site web de l'organisation")

    @field_validator("website")
    @classmethod
    def _leads_where_the_name_reads(cls, url: str | None, info: ValidationInfo) -> str | None:
        check_link_text(info.data.get("name"), url, "le nom")
        return url


# The last fields of every record type (Example, Tool), declared once; each record type lists
# them last, so that they come last in the schema, the form and the messages.
Sources = Annotated[list[Source], Field(min_length=1, max_length=20, alias="sources",
                                        description="Les sources des informations (au moins une)")]
AddedOn = Annotated[Date, Field(alias="ajoute_le", description="Date d'ajout au kit (AAAA-MM-JJ)")]
ReviewedOn = Annotated[Date, Field(
    alias="verifie_le", description="Date de la dernière vérification des informations (AAAA-MM-JJ)")]
FormerSlugs = Annotated[UniqueList(Slug), Field(
    alias="anciens_slugs",
    description="Anciens noms de fichier de la fiche : leurs adresses redirigent vers elle")]


class Dated(Record):
    """Records with « ajoute_le » / « verifie_le » dates (the fields are declared by each record
    type, so that they come last in the schema and in the messages)."""

    @model_validator(mode="after")
    def _reviewed_after_added(self) -> "Dated":
        added, reviewed = getattr(self, "added"), getattr(self, "reviewed")
        if reviewed < added:
            raise PydanticCustomError("date_order", "la date de vérification ({reviewed}) est "
                                      "antérieure à la date d'ajout ({added})",
                                      {"reviewed": str(reviewed), "added": str(added)})
        return self


class Example(Dated):
    """An inspiring example: one alliance between named partners (content/examples/*.yml)."""

    title: Text(150) = Field(alias="titre", description="Titre de l'exemple")
    partners: Annotated[list[Partner], Field(min_length=2, max_length=20)] = Field(
        alias="partenaires", description="Les organisations partenaires (au moins deux)")
    model: ModelId = Field(alias="modele", description="Le modèle de partenariat (typologie)")
    objectives: UniqueList(ObjectiveId) = Field(
        [], alias="objectifs", description="Les objectifs partagés visés (carré magique)")
    impacts: UniqueList(ImpactId) = Field([], alias="impacts", description="Les impacts constatés")
    territory: TerritoryCode | None = Field(
        None, alias="territoire", description="« national » ou le code Insee de la région")
    description: Text(5000, multiline=True) = Field(alias="description",
                                    description="Ce que font les partenaires ensemble")
    sources: Sources
    added: AddedOn
    reviewed: ReviewedOn
    former_slugs: FormerSlugs = []


class Tool(Dated):
    """A tool of the tool map: resource, guide, study, training, network… (content/tools/*.yml)."""

    name: Text(150) = Field(alias="nom", description="Nom de l'outil")
    kind: ToolKind = Field(alias="nature", description="Nature de l'outil")
    description: Text(3000, multiline=True) = Field(alias="description", description="À quoi sert l'outil")
    audiences: UniqueList(Audience, min_length=1) = Field(
        alias="publics", description="À qui il s'adresse")
    steps: UniqueList(StepId) = Field([], alias="etapes",
                                      description="Les étapes de la démarche qu'il sert")
    levers: UniqueList(LeverId) = Field([], alias="leviers",
                                        description="Les leviers d'un projet innovant qu'il sert")
    publisher: Text(200) | None = Field(None, alias="editeur", description="Qui le publie")
    url: Url | None = Field(None, alias="adresse", description="Son adresse web")

    @field_validator("url")
    @classmethod
    def _leads_where_the_name_reads(cls, url: str | None, info: ValidationInfo) -> str | None:
        check_link_text(info.data.get("name"), url, "le nom")
        return url
    access: Access = Field(alias="acces", description="Conditions d'accès")
    sources: Sources
    added: AddedOn
    reviewed: ReviewedOn
    former_slugs: FormerSlugs = []


# --- The typology and the vocabularies (content/typology.yml, content/vocabularies.yml) ----------

Id = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=60)]


class Term(Record):
    id: Id
    name: Text(200) = Field(alias="nom")


class Territory(Term):
    """A territory; a region also carries where the panorama's tile map draws it (column, row:
    overseas regions on the last row) and its short name on the tile."""

    short: Annotated[str, Field(min_length=1, max_length=6)] | None = Field(None, alias="abrege")
    tile: Annotated[list[Annotated[int, Field(ge=0, le=9)]], Field(min_length=2, max_length=2)] | None = \
        Field(None, alias="tuile")


class Described(Term):
    description: Text(2000, multiline=True) = Field(alias="description")


class PartnershipModel(Term):
    category: Vocabulary("categories") = Field(alias="categorie")
    definition: Text(500) = Field(alias="definition")
    who_brings_what: Text(500) = Field(alias="qui_apporte_quoi")
    cited_examples: Annotated[list[Text(300)], Field(min_length=1)] = Field(alias="exemples_cites")
    objectives: UniqueList(Vocabulary("objectifs"), min_length=1) = Field(alias="objectifs_servis")
    objectives_reading: Text(500) = Field(alias="lecture_objectifs")
    # Words of the sources that name this model (« mécénat de compétences »): the scaffold and
    # the issue form suggest the model when a contributor types them.
    keywords: UniqueList(Text(100), max_length=20) = Field([], alias="mots_cles")


class Lever(Term):
    questions: Annotated[list[Text(300)], Field(min_length=1)]


class Step(Described):
    number: int = Field(alias="numero", ge=1, le=9)


class Dynamic(Term):
    activities: Annotated[list[Text(300)], Field(min_length=1)] = Field(alias="activites")


class CoConstructionStep(Described):
    """A step of co-construction (cadrage, pilotage, évaluation); ``questions``: only those the
    sources ask, none where they ask none."""

    questions: list[Text(300)] = []


def _unique_ids(terms: list[Term]) -> list[Term]:
    _unique([term.id for term in terms])
    return terms


def Terms(item: Any) -> Any:  # noqa: N802
    return Annotated[list[item], Field(min_length=1), AfterValidator(_unique_ids)]


class Typology(Record):
    """The typology of partnerships and the lists of the method (content/typology.yml)."""

    grouping: Text(3000, multiline=True) = Field(alias="regroupement")
    categories: Terms(Described)
    models: Terms(PartnershipModel) = Field(alias="modeles")
    objectives: Terms(Described) = Field(alias="objectifs")
    impacts: Terms(Described)
    levers: Terms(Lever) = Field(alias="leviers")
    steps: Terms(Step) = Field(alias="etapes")
    dynamics: Terms(Dynamic) = Field(alias="dynamiques")
    co_construction_steps: Terms(CoConstructionStep) = Field(alias="etapes_co_construction")
    pitfalls: Terms(Described) = Field(alias="ecueils")


class Vocabularies(Record):
    """The allowed values of the records' fields (content/vocabularies.yml)."""

    partner_types: Terms(Term) = Field(alias="types_partenaires")
    territories: Terms(Territory) = Field(alias="territoires")
    tool_kinds: Terms(Term) = Field(alias="natures_outils")
    audiences: Terms(Term) = Field(alias="publics")
    access: Terms(Term) = Field(alias="acces")


# --- The editorial texts (content/texts.yml) ---------------------------------------------------
#
# The sentences the kit writes around the records (model selector, tool map, printed catalogues,
# an example's page, panorama, feed): an editor changes them there, not in Python. A template
# names what the kit puts into it between braces; any other name in braces is refused.

def Template(max_length: int, *names: str) -> Any:  # noqa: N802 - reads like a type
    """One line of text holding exactly the placeholders ``names`` (``{outils}``…)."""

    def check(value: str) -> str:
        try:
            found = {field for _, field, _, _ in string.Formatter().parse(value) if field is not None}
        except ValueError:
            found = {"?"}
        if found != set(names):
            expected = ", ".join("{" + name + "}" for name in names) or "aucun"
            raise PydanticCustomError(
                "template", "le texte doit garder les mots entre accolades prévus ({expected}) "
                "et aucune autre accolade", {"expected": expected})
        return value
    return Annotated[Text(max_length), AfterValidator(check)]


# Who the model selector's reader can be (docs/assets/model-selector.js knows these ids).
Actor = Literal["association", "entreprise", "fondation", "collectivite"]


class Pole(Record):
    """One pole of an actor's reading of the objectives, and the objectives it gathers."""

    name: Template(200) = Field(alias="nom")
    detail: Template(300)
    objectives: UniqueList(Vocabulary("objectifs"), min_length=1) = Field(alias="objectifs")


class Reading(Record):
    actor: Actor = Field(alias="acteur")
    introduction: Template(500)
    poles: Annotated[list[Pole], Field(min_length=1, max_length=6)]


class SelectorTexts(Record):
    readings_title: Template(200) = Field(alias="lectures_titre")
    readings_introduction: Template(1000) = Field(alias="lectures_introduction")
    readings: Annotated[list[Reading], Field(max_length=4)] = Field(alias="lectures")
    readings_source: Template(1000) = Field(alias="source_des_lectures")
    actor_notes: dict[Actor, Template(2000)] = Field(alias="notes_acteurs")  # Markdown
    table_title: Template(200) = Field(alias="tableau_titre")
    table_introduction: Template(1000) = Field(alias="tableau_introduction")


class ToolMapTexts(Record):
    introduction: Template(2000, "outils")


class ExamplePageTexts(Record):
    building_title: Template(200) = Field(alias="construire_titre")
    building_method: Template(200) = Field(alias="construire_demarche")
    building_model: Template(300) = Field(alias="construire_modele")
    building_selector: Template(200) = Field(alias="construire_selecteur")
    building_tools: Template(300, "etape") = Field(alias="construire_outils")
    building_map: Template(200) = Field(alias="construire_cartographie")


class PanoramaTexts(Record):
    map_caption: Template(1000, "national") = Field(alias="carte_legende")


class CatalogueTexts(Record):
    examples_introduction: Template(1500, "exemples") = Field(alias="exemples_introduction")
    examples_online: Template(500, "contenu") = Field(alias="exemples_en_ligne")
    tools_introduction: Template(1000, "outils") = Field(alias="outils_introduction")
    tools_access: Template(1000, "outils") = Field(alias="outils_acces")


class FeedTexts(Record):
    subtitle: Template(500) = Field(alias="sous_titre")


class Texts(Record):
    """The editorial texts of the kit (content/texts.yml)."""

    selector: SelectorTexts = Field(alias="selecteur_de_modele")
    tool_map: ToolMapTexts = Field(alias="cartographie_des_outils")
    example_page: ExamplePageTexts = Field(alias="fiche_exemple")
    panorama: PanoramaTexts
    catalogue: CatalogueTexts
    feed: FeedTexts = Field(alias="flux")


KEYWORDS = "mots_cles:"  # prefix, in the validation context, of a vocabulary's keywords


def allowed_ids(typology: Typology | None,
                vocabularies: Vocabularies | None) -> dict[str, dict[str, str]]:
    """The validation context: every vocabulary name → its allowed ids and their labels."""
    allowed: dict[str, dict[str, str]] = {}
    if typology is not None:
        for name in ("categories", "modeles", "objectifs", "impacts", "leviers", "etapes"):
            field = next(f for f, info in Typology.model_fields.items() if (info.alias or f) == name)
            allowed[name] = {term.id: term.name for term in getattr(typology, field)}
        # Not a vocabulary: the words that suggest a model in a refused value's message.
        allowed[KEYWORDS + "modeles"] = {slugify(word): model.id for model in typology.models
                                         for word in model.keywords if slugify(word)}
    if vocabularies is not None:
        for field, info in Vocabularies.model_fields.items():
            allowed[info.alias or field] = {term.id: term.name for term in getattr(vocabularies, field)}
    return allowed
