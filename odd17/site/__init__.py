"""The pages: escaping, record pages, indexes and facet pages, panorama, tool map, model selector, citations, settings."""
