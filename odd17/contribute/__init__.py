"""Proposing a record: the assistant, the issue forms, the record writer. Uses odd17.content only."""
