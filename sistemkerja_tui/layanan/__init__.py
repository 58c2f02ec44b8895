"""Use cases: one transaction each; the TUI and CLI talk only to this layer."""
