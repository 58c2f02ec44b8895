"""Sistem Kerja TUI — aplikasi terminal Sistem Kerja untuk Pimpinan Unit Organisasi."""

__version__ = "0.1.0"
