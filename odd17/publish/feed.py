"""The feed of new examples (Atom, in French) for readers who follow the base, and the line of
the examples index that links it with « Proposer un exemple ».

Written only when the site has a public address (ODD17_SITE_URL): a feed is read outside the
site, by an application that keeps its entries, so every entry needs an absolute, permanent id
and address (RFC 4287). Relative links would break there, and ``tag:`` ids would need an
authority (a domain) that the kit only has once published. Without the address: no feed and no
link to one, as for the sitemap.

Generated like the open data (MkDocs' File.generated, never written into docs/), with
ElementTree, which escapes record text for XML; characters XML cannot hold are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from odd17.content.addresses import EXAMPLES_INDEX, FEED, example_path, public_url
from odd17.content.kinds import EXAMPLE
from odd17.content.kit import Kit
from odd17.content.models import Example
from odd17.content.typography import french_plain
from odd17.site.text import escape

# At the site's root, beside sitemap.xml: Material's script reads every <link rel="alternate">
# as a translation of the site and fetches the sitemap.xml next to its address (a 404 and a
# console error for a feed in exemples/).
FEED_PATH = FEED
ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50  # the newest examples: a feed is a list of news, not the base (the open data is)
TITLE = "Les nouveaux exemples inspirants — L’ODD 17 en pratique"
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    return french_plain(_NOT_XML.sub("", " ".join(value.split())))


def _summary(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def newest(kit: Kit, limit: int = LIMIT) -> list[tuple[str, Example]]:
    """The newest examples, by date added (then by address, so that the order is stable)."""
    items = sorted(kit.examples.items(), key=lambda item: (item[1].added, item[0]), reverse=True)
    return items[:limit]


def atom(kit: Kit, site_url: str) -> str:
    """The Atom document of the newest examples (``site_url`` ends with ``/``)."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"})
    url = site_url + FEED_PATH
    entries = newest(kit)
    sub(feed, "id", url)
    sub(feed, "title", TITLE)
    # What every example holds (its required fields), nothing the records may lack.
    sub(feed, "subtitle", french_plain(kit.texts.feed.subtitle))
    sub(feed, "link", rel="self", type="application/atom+xml", href=url)
    sub(feed, "link", rel="alternate", type="text/html", href=public_url(site_url, EXAMPLES_INDEX.removesuffix("/index.md") + ".md"))
    latest = max((e.added for _, e in entries), default=dt.date(2019, 10, 16))
    sub(feed, "updated", _stamp(latest))  # the content's date, not the build's: reproducible
    author = sub(feed, "author")
    sub(author, "name", "Kit « L’ODD 17 en pratique »")
    for slug, example in entries:
        address = public_url(site_url, example_path(slug))
        entry = sub(feed, "entry")
        sub(entry, "id", address)
        sub(entry, "title", _text(example.title))
        sub(entry, "link", rel="alternate", type="text/html", href=address)
        sub(entry, "published", _stamp(example.added))
        sub(entry, "updated", _stamp(example.added))
        sub(entry, "summary", _text(_summary(example.description)))
        model = kit.model(example.model)
        sub(entry, "category", term=model.id, label=_text(model.name))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def files(kit: Kit, site_url: str) -> Iterator[tuple[str, str]]:
    """The feed, when the site has a public address."""
    if site_url:
        yield FEED_PATH, atom(kit, site_url)


def examples_actions(repository: str, site_url: str) -> str:
    """The line of the examples index (Markdown): « Proposer un exemple » (the issue form on
    GitHub when the repository is known, else the contributors' page) and the feed."""
    if repository:
        form = f"{repository.rstrip('/')}/issues/new?template={EXAMPLE.form_file}"
        propose = (f'<a href="{escape(form)}">Proposer un exemple</a> (un formulaire sur '
                   "GitHub, sans rien installer ; [comment faire](../contribuer.md))")
    else:
        propose = "[Proposer un exemple](../contribuer.md)"
    follow = ("[Suivre les nouveaux exemples](../nouveaux-exemples.xml){ type=application/atom+xml } "
              "(flux Atom, pour un lecteur de flux)") if site_url else ""
    return f'<p class="odd17-actions odd17-web-only" markdown="span">{propose}' + (
        f" · {follow}" if follow else "") + "</p>"
