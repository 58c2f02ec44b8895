"""How amounts are written and read back (aturan.sebutan)."""

from __future__ import annotations

import re

import pytest

from sistemkerja_tui.aturan.sebutan import baca_rupiah, rupiah


def test_rupiah_ditulis_dan_dibaca():
    assert rupiah(12_500_000) == "Rp12.500.000" and rupiah(0) == "Rp0"
    assert baca_rupiah("Rp 12.500.000") == baca_rupiah("12500000") == baca_rupiah("rp12.500.000") == 12_500_000
    assert baca_rupiah("  ") is None
    for salah in ("12,5 juta", "-5", "12.50.000", "1.5"):
        with pytest.raises(ValueError, match=re.escape(salah)):
            baca_rupiah(salah)
