"""How the screens read and write dates, times and decimals (the TUI reaches `aturan` only through layanan)."""

from __future__ import annotations

from sistemkerja_tui.aturan.sebutan import desimal, tanggal_singkat, waktu_singkat
from sistemkerja_tui.aturan.tanggal import baca_tanggal

__all__ = ["baca_tanggal", "desimal", "tanggal_singkat", "waktu_singkat"]
