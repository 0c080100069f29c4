"""The PDFs: the print document, the catalogue of records."""
