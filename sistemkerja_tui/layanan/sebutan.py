"""How the screens read and write dates (the TUI reaches `aturan` only through layanan)."""

from __future__ import annotations

from sistemkerja_tui.aturan.sebutan import tanggal_singkat
from sistemkerja_tui.aturan.tanggal import baca_tanggal

__all__ = ["baca_tanggal", "tanggal_singkat"]
