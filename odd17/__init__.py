"""The « L'ODD 17 en pratique » kit: read, validate and render the content records.

The flow, one module per step:

- ``yamlfile``: read one YAML file safely, with the line of every field;
- ``models``: the pydantic models, the only schema of the records;
- ``validation``: the one validation core (used by ``scripts/validate.py`` and by every build);
- ``kit``: the validated content in memory, with its look-ups;
- ``render``: Markdown/HTML for the pages (record text always escaped);
- ``mkdocs_plugin``: the MkDocs plugin that validates and adds the generated pages.
"""
