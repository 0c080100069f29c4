"""The « L'ODD 17 en pratique » kit: read, validate and render the content records.

The flow, one sub-package per stage, imports running one way only (pyproject.toml's
import-linter contracts):

- ``content``: read one YAML file safely, the models, the one validation core, the Kit in memory,
  record kinds, addresses, facets, French typography (imports nothing else of the kit);
- ``site``: the pages (record pages, indexes, panorama, tool map, selector), HTML escaping;
- ``publish``: open data, JSON schemas, the feed; ``search``: Pagefind and the offline index;
  ``print``: the PDFs;
- ``contribute``: the assistant, the issue forms, the record writer (uses ``content`` only);
- ``mkdocs_plugin``: the MkDocs plugin, the only code that imports MkDocs; ``cli``: the build
  command with a French last line.
"""
