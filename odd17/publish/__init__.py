"""Files besides pages: open data, JSON schemas, the feed, the list of generated files."""
