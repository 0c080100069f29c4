"""Tables that read on a phone: each Markdown table of a page is stacked on a narrow screen, one
block per row, every cell preceded by its column's header (docs/assets/kit.css,
``.odd17-table``), so that nothing is cut and nothing scrolls sideways.

Done on the built HTML, so that it holds without JavaScript and in the offline copy: every data
cell gets its column's header as ``data-label`` (shown by CSS before the cell on phones only);
columns that only hold ticks (✓ or nothing) are marked ``odd17-tick``, kept narrow on wide
screens (the text columns keep their room) and, on phones, their empty cells
(``odd17-tick--no``) are left out. On
wide screens and in print the table stays a table.
"""

from __future__ import annotations

import html as html_module
import re
from odd17.site.text import escape

# Tables written in Markdown (no class): the kit's own widgets (matrix, charts) lay out theirs.
_TABLE = re.compile(r"<table>.*?</table>", re.S)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_BODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(t[hd])([^>]*)>(.*?)</\1>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
TICK = "✓"


def _plain(fragment: str) -> str:
    text = _TAGS.sub("", _PERMALINK.sub("", fragment))
    return " ".join(html_module.unescape(text).split())


def _tick_columns(rows: list[list[tuple[str, str, str]]]) -> set[int]:
    """The columns whose cells hold only ticks or nothing (at least one tick)."""
    columns: set[int] = set()
    width = max((len(row) for row in rows), default=0)
    for index in range(width):
        cells = [_plain(row[index][2]) for row in rows if index < len(row)]
        if cells and all(cell in ("", TICK) for cell in cells) and TICK in cells:
            columns.add(index)
    return columns


def _stack(table: str) -> str:
    head, body = _HEAD.search(table), _BODY.search(table)
    if not head or not body:
        return f'<div class="odd17-table">{table}</div>'
    labels = [_plain(cell[2]) for cell in _CELL.findall(head.group(1))]
    rows = [_CELL.findall(row) for row in _ROW.findall(body.group(1))]
    ticks = _tick_columns(rows)

    def cell(index: int, tag: str, attributes: str, content: str) -> str:
        extra = ""
        if tag == "td" and index < len(labels) and labels[index]:
            extra += f' data-label="{escape(labels[index])}"'
        if index in ticks:  # an empty tick cell is left out of the stacked row
            extra += ' class="odd17-tick"' if _plain(content) else ' class="odd17-tick odd17-tick--no"'
        return f"<{tag}{attributes}{extra}>{content}</{tag}>"

    head_cells = "".join(cell(i, tag, attributes, content)
                         for i, (tag, attributes, content) in enumerate(_CELL.findall(head.group(1))))
    body_rows = "".join("<tr>" + "".join(cell(i, *parts) for i, parts in enumerate(row)) + "</tr>"
                        for row in rows)
    return (f'<div class="odd17-table"><table><thead><tr>{head_cells}</tr></thead>'
            f"<tbody>{body_rows}</tbody></table></div>")


def stack_tables(html: str) -> str:
    """Every Markdown table of ``html`` with its header labels on each cell, stacked on phones."""
    return _TABLE.sub(lambda match: _stack(match.group(0)), html)
