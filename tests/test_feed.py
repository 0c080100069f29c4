"""The feed of new examples (odd17/publish/feed.py): Atom, in French, parsed as a feed reader would."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET

from odd17.content.validation import validate
from odd17.publish import feed

from conftest import CONTENT, TODAY

KIT = validate(CONTENT, today=TODAY).kit
SITE = "https://kit.test/"
NS = {"a": "http://www.w3.org/2005/Atom"}


def test_the_feed_parses_with_every_field_in_french() -> None:
    root = ET.fromstring(feed.atom(KIT, SITE))
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert root.findtext("a:id", namespaces=NS) == SITE + "nouveaux-exemples.xml"
    assert "nouveaux exemples" in root.findtext("a:title", namespaces=NS)
    entries = root.findall("a:entry", NS)
    assert len(entries) == min(len(KIT.examples), feed.LIMIT)
    for entry in entries:
        url = entry.findtext("a:id", namespaces=NS)
        slug = url.removeprefix(SITE + "exemples/").rstrip("/")
        example = KIT.examples[slug]
        assert entry.find("a:link", NS).get("href") == url
        assert entry.findtext("a:published", namespaces=NS) == f"{example.added}T00:00:00Z"
        assert entry.findtext("a:title", namespaces=NS).replace("’", "'").split() == \
            example.title.split()
        assert entry.findtext("a:summary", namespaces=NS)


def test_newest_first_and_record_text_escaped() -> None:
    slugs = list(KIT.examples)
    hostile = "Fictif <script>alert('x')</script> & « ]]> » \u0001\u000b fin"
    examples = dict(KIT.examples)
    examples[slugs[0]] = examples[slugs[0]].model_copy(update={
        "title": hostile, "description": hostile, "added": dt.date(2030, 1, 2)})
    kit = dataclasses.replace(KIT, examples=examples)
    text = feed.atom(kit, SITE)
    assert "<script>" not in text and "\u0001" not in text
    root = ET.fromstring(text)  # well-formed despite the record
    first = root.find("a:entry", NS)
    assert first.findtext("a:id", namespaces=NS) == f"{SITE}exemples/{slugs[0]}/"
    assert "<script>alert" in first.findtext("a:title", namespaces=NS)
    assert root.findtext("a:updated", namespaces=NS) == "2030-01-02T00:00:00Z"


def test_no_feed_without_a_public_address() -> None:
    assert list(feed.files(KIT, "")) == []
    assert "nouveaux-exemples.xml" not in feed.examples_actions("", "")
    assert "Proposer un exemple" in feed.examples_actions("", "")
