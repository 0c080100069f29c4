"""The files the build generates from the content, besides the record pages: one list.

Kept out of ``mkdocs_plugin`` (which imports MkDocs) so that the validator can ask it which
addresses the kit takes (``odd17.content.addresses``) without loading MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator

from odd17.content.kit import Kit
from odd17.publish import feed, opendata
from odd17.site import examples_index, tool_map


def generated_files(kit: Kit, site_url: str,
                    directory_urls: bool = True) -> Iterator[tuple[str, str | bytes]]:
    """Every file the build creates from the content: (path in the site's sources, content).

    Pages (``.md``) go through Markdown and the theme like hand-written ones; other files
    (data, schemas) are copied as they are. Nothing is written into docs/. ``site_url`` is the
    public address of the site (mkdocs.yml), for links meant to be shared or printed. The
    record pages are not here: they are added by the plugin (``render.record_pages``).
    ``directory_urls`` is MkDocs' use_directory_urls (false in the offline copy): the facet pages
    write their long lists as HTML with the links made here, not as Markdown to convert.
    """
    yield from examples_index.facet_pages(kit, directory_urls)
    yield from examples_index.data_files(kit)
    yield from tool_map.data_files(kit)
    yield from opendata.files(kit, site_url)
    yield from feed.files(kit, site_url)  # only with a public address
