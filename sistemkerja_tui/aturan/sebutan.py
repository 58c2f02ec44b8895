"""How people, ranks, dates, times and amounts are written: names with titles, pangkat/golongan, dates, rupiah."""

from __future__ import annotations

import re
from datetime import date, datetime

from sistemkerja_tui.aturan.enums import Golongan, GolonganPPPK, StatusASN


def nama_lengkap(nama: str, gelar_depan: str = "", gelar_belakang: str = "") -> str:
    """`dr. Siti Aminah, M.Kes.` from its parts."""
    depan = f"{gelar_depan} " if gelar_depan else ""
    belakang = f", {gelar_belakang}" if gelar_belakang else ""
    return f"{depan}{nama}{belakang}"


def tanggal_panjang(d: date) -> str:
    """`29 Desember 2023`, through babel's Indonesian locale (imported on first use)."""
    from babel.dates import format_date

    return format_date(d, "d MMMM y", locale="id")


def tanggal_singkat(d: date) -> str:
    """`01-12-2026`: the one short date on screen (tables, lists, forms)."""
    return f"{d:%d-%m-%Y}"


def waktu_singkat(w: datetime) -> str:
    """`01-12-2026 14.05`: a moment on screen, the short date and the time with a dot (PUEBI)."""
    return f"{tanggal_singkat(w)} {w:%H.%M}"


def desimal(x: float, digit: int = 2) -> str:
    """`0,06` / `1.234,50`: a decimal the Indonesian way, through babel (imported on first use)."""
    from babel.numbers import format_decimal

    return format_decimal(x, format="#,##0" + ("." + "0" * digit if digit else ""), locale="id")


def label_golongan(kode: str, status_asn: str) -> str:
    """`Penata (III/c)` for PNS, `Golongan IX` for PPPK."""
    if status_asn == StatusASN.PPPK.value:
        return GolonganPPPK(kode).label
    return Golongan(kode).pangkat_golongan


def rupiah(jumlah: int) -> str:
    """`Rp12.500.000`: thousands with dots, no space after Rp (PUEBI)."""
    return f"Rp{jumlah:,}".replace(",", ".")


def baca_rupiah(teks: str) -> int | None:
    """An amount typed as `12.500.000`, `12500000` or `Rp 12.500.000`; None when empty.

    Raises ValueError for anything else (decimals, letters, negative amounts).
    """
    bersih = re.sub(r"^rp\.?\s*", "", teks.strip(), flags=re.IGNORECASE)
    if not bersih:
        return None
    if not re.fullmatch(r"\d{1,3}(\.\d{3})*|\d+", bersih):
        raise ValueError(teks)
    return int(bersih.replace(".", ""))
