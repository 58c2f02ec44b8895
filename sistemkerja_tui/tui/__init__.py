"""Textual user interface. Talks only to `layanan/`."""
