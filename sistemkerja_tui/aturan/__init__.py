"""Pure domain rules: enums, NIP, regulation profiles, PPK, eligibility.

This package imports neither Textual nor the database layer (a test checks
it), so the CLI, the TUI and the tests all see the same findings.
"""
