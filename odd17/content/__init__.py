"""The records: YAML reading, models, validation, messages, the Kit, facets, addresses, French typography. Imports nothing else of the kit."""
