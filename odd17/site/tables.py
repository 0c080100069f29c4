"""Wide tables on phones: each table of a page sits in a frame that scrolls sideways, says so
(a shadow on the side that has more), and can be reached and scrolled with the keyboard.

Done on the built HTML, before Material's script wraps tables, so that it holds without
JavaScript and in the offline copy: the frame is a focusable region named after the table
(its caption, or the heading above it), as WCAG 2.1.1 and 1.3.1 ask of a scrolling area. The
shadows are CSS only (docs/assets/kit.css, ``.odd17-table``).
"""

from __future__ import annotations

import html as html_module
import re
from odd17.site.text import escape

# Tables written in Markdown (no class): the kit's own widgets (matrix, charts) frame theirs.
_TABLE = re.compile(r"<table>.*?</table>", re.S)
_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)
_CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)


def _plain(fragment: str) -> str:
    text = _TAGS.sub("", _PERMALINK.sub("", fragment))
    return " ".join(html_module.unescape(text).split())


def frame_tables(html: str) -> str:
    """Every Markdown table of ``html`` in a labelled, focusable, scrolling frame."""
    out, position = [], 0
    for match in _TABLE.finditer(html):
        before = html[position:match.start()]
        caption = _CAPTION.search(match.group(0))
        headings = _HEADING.findall(html, 0, match.start())
        name = _plain(caption.group(1)) if caption else (_plain(headings[-1][1]) if headings else "")
        label = f"Tableau\u00a0: {name}" if name else "Tableau"
        out.append(before)
        out.append(f'<div class="odd17-table" role="region" tabindex="0" '
                   f'aria-label="{escape(label)}">'
                   f"{match.group(0)}</div>")
        position = match.end()
    out.append(html[position:])
    return "".join(out)
