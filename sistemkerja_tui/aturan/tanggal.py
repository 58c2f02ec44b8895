"""Dates as people type them: `31-12-2026`, `31/12/2026`, `2026-12-31`, `1 Juli 2026`, `01 Jul 2026`."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import overload

NAMA_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# Lower-case month name or common abbreviation -> month number.
_BULAN: dict[str, int] = {
    **{nama.lower(): i for i, nama in enumerate(NAMA_BULAN, 1)},
    **{nama[:3].lower(): i for i, nama in enumerate(NAMA_BULAN, 1)},
    "pebruari": 2,
    "peb": 2,
    "agt": 8,
    "agu": 8,
    "ags": 8,
    "agus": 8,
    "sept": 9,
    "nopember": 11,
    "nop": 11,
}

_ANGKA = re.compile(r"(\d{1,2})([-/])(\d{1,2})\2(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_PANJANG = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})")

CONTOH = "31-12-2026, 31/12/2026, 2026-12-31 atau 31 Desember 2026"


def _tanggal(tahun: int, bulan: int, hari: int, teks: str, bidang: str) -> date:
    """The date, or a message saying why the day or month does not exist."""
    if tahun < 1:
        raise ValueError(f"{bidang}: tahun {tahun} dalam '{teks}' tidak ada. Tulis misalnya {CONTOH}.")
    if not 1 <= bulan <= 12:
        raise ValueError(f"{bidang}: bulan {bulan} dalam '{teks}' tidak ada (1–12). Tulis misalnya {CONTOH}.")
    try:
        return date(tahun, bulan, hari)
    except ValueError:
        akhir = calendar.monthrange(tahun, bulan)[1]
        raise ValueError(
            f"{bidang}: tanggal '{teks}' tidak ada — {NAMA_BULAN[bulan - 1]} {tahun} bertanggal 1 sampai {akhir}."
        ) from None


@overload
def baca_tanggal(teks: str, bidang: str) -> date: ...
@overload
def baca_tanggal(teks: str, bidang: str, *, boleh_kosong: bool) -> date | None: ...
def baca_tanggal(teks: str, bidang: str, *, boleh_kosong: bool = False) -> date | None:
    """A typed date; ValueError names `bidang` and shows the accepted forms. Empty is None when `boleh_kosong`."""
    bersih = " ".join(teks.split())
    if not bersih:
        if boleh_kosong:
            return None
        raise ValueError(f"{bidang} wajib diisi, misalnya {CONTOH}.")
    if m := _ANGKA.fullmatch(bersih):
        return _tanggal(int(m[4]), int(m[3]), int(m[1]), bersih, bidang)
    if m := _ISO.fullmatch(bersih):
        return _tanggal(int(m[1]), int(m[2]), int(m[3]), bersih, bidang)
    if m := _PANJANG.fullmatch(bersih):
        bulan = _BULAN.get(m[2].lower())
        if bulan is None:
            raise ValueError(f"{bidang}: nama bulan '{m[2]}' tidak dikenal. Tulis misalnya {CONTOH}.")
        return _tanggal(int(m[3]), bulan, int(m[1]), bersih, bidang)
    raise ValueError(f"{bidang} harus berupa tanggal, misalnya {CONTOH}; '{bersih}' tidak dapat dibaca.")
