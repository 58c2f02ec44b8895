"""Widgets of the Struktur screen."""
