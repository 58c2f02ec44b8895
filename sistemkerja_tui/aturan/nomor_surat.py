"""Letter numbers: a pattern from the settings filled with the parts of one number.

Default pattern per Permendagri 83/2022 (kode klasifikasi first):
`{kode_klasifikasi}/{nomor_urut}/{kode_unit}/{tahun}` → `800.1.2.3/12/DINKES/2026`.
"""

from __future__ import annotations

import string

POLA_BAWAAN = "{kode_klasifikasi}/{nomor_urut}/{kode_unit}/{tahun}"
BAGIAN = ("kode_klasifikasi", "nomor_urut", "kode_unit", "tahun")


class PolaNomorTidakSah(ValueError):
    """The numbering pattern in the settings cannot be used; the message says which part and the fix."""


def periksa_pola(pola: str) -> None:
    try:
        nama = [f for _, f, _, _ in string.Formatter().parse(pola) if f is not None]
    except ValueError as e:
        raise PolaNomorTidakSah(f"Pola nomor surat '{pola}' tidak sah ({e}); contoh yang sah: {POLA_BAWAAN}.") from e
    asing = [n for n in nama if n not in BAGIAN]
    if asing:
        raise PolaNomorTidakSah(
            f"Pola nomor surat memuat bagian yang tidak dikenal: {', '.join('{' + n + '}' for n in asing)}; "
            f"bagian yang boleh dipakai: {', '.join('{' + b + '}' for b in BAGIAN)}."
        )
    if "nomor_urut" not in nama:
        raise PolaNomorTidakSah("Pola nomor surat wajib memuat {nomor_urut} agar setiap surat bernomor unik.")


def susun_nomor(pola: str, *, kode_klasifikasi: str, nomor_urut: int, kode_unit: str, tahun: int) -> str:
    """The letter number as written on the letter."""
    periksa_pola(pola)
    if not kode_klasifikasi.strip():
        raise PolaNomorTidakSah("Kode klasifikasi arsip wajib diisi (Permendagri 83/2022), misalnya 800.1.2.3.")
    return pola.format(
        kode_klasifikasi=kode_klasifikasi.strip(), nomor_urut=nomor_urut, kode_unit=kode_unit, tahun=tahun
    )
