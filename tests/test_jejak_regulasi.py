"""The traceability table (`aturan/jejak.py`) and `docs/jejak-regulasi.md`: current, true, and complete for every
passage the profiles cite."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sistemkerja_tui.aturan import jejak
from sistemkerja_tui.aturan.jejak import JEJAK, StatusJejak, bagian_disebut, cari
from sistemkerja_tui.aturan.profil import daftar_profil, muat_profil

AKAR = Path(__file__).resolve().parent.parent


def _rujukan(obj: Any, jalur: str = "") -> Iterator[tuple[str, str]]:
    """(key path, rujukan) of every rule of a loaded profile."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            nilai = getattr(obj, f.name)
            if f.name == "rujukan" and isinstance(nilai, str):
                yield jalur, nilai
            else:
                yield from _rujukan(nilai, f"{jalur}.{f.name}" if jalur else f.name)
    elif hasattr(obj, "items"):
        for k, v in obj.items():
            yield from _rujukan(v, f"{jalur}[{getattr(k, 'value', k)}]")
    elif isinstance(obj, tuple | list):
        for i, v in enumerate(obj):
            yield from _rujukan(v, f"{jalur}[{i}]")


def test_berkas_jejak_mutakhir():
    berkas = AKAR / "docs" / "jejak-regulasi.md"
    assert berkas.read_text(encoding="utf-8") == jejak.markdown(), (
        "docs/jejak-regulasi.md tidak sama dengan aturan/jejak.py; jalankan "
        "`.venv/bin/python -m sistemkerja_tui.aturan.jejak > docs/jejak-regulasi.md`"
    )


@pytest.mark.parametrize("nama", daftar_profil())
def test_setiap_pasal_rujukan_profil_ada_di_jejak(nama):
    # A profile cannot cite a passage the table does not trace.
    hilang = sorted(
        {
            f"{sumber}, {bagian} (kunci {jalur})"
            for jalur, rujukan in _rujukan(muat_profil(nama))
            for sumber, bagian in bagian_disebut(rujukan)
            if cari(sumber, bagian) is None
        }
    )
    assert not hilang, "pasal rujukan tanpa baris di aturan/jejak.py:\n" + "\n".join(hilang)


def test_setiap_tes_yang_disebut_ada():
    for j in JEJAK:
        for tes in j.tes:
            berkas, _, nama = tes.partition("::")
            teks = (AKAR / berkas).read_text(encoding="utf-8")
            assert re.search(rf"^def {re.escape(nama)}\(", teks, re.MULTILINE), f"{j.sumber}, {j.bagian}: {tes}"


def test_setiap_baris_punya_bukti_atau_alasan():
    for j in JEJAK:
        if j.status is StatusJejak.TIDAK:
            assert j.alasan, (j.sumber, j.bagian)
        else:
            assert j.tes and j.penegak, (j.sumber, j.bagian)
    kunci = [(j.sumber, j.bagian) for j in JEJAK]
    assert len(kunci) == len(set(kunci))


def test_bagian_disebut_dan_yang_paling_rinci():
    assert bagian_disebut("Perwal Madiun 73/2023, Pasal 24 ayat (1) dan ayat (2), Pasal 25 ayat (4)") == [
        ("Perwal Madiun 73/2023", "Pasal 24 ayat (1)")
    ]
    teks = "PermenPANRB 7/2022 (ketentuan bersama; mis. Perwal Cilegon 17/2023, Lampiran huruf B angka 1 huruf b)"
    assert bagian_disebut(teks) == [("Perwal Cilegon 17/2023", "Lampiran huruf B angka 1 huruf b")]
    baris = cari("Perwal Madiun 73/2023", "Lampiran Bab II huruf C angka 1")
    assert baris is not None and baris.status is StatusJejak.DITEGAKKAN
    assert cari("Perwal Madiun 73/2023", "Pasal 2") is None  # "Pasal 24" does not cover "Pasal 2"
    assert cari("Perbup Klaten 34/2024", "Pasal 13 ayat (3) huruf b").bagian == "Pasal 13 ayat (3)"


def test_rujukan_dalam_kode_aturan_ada_di_jejak():
    # The passages the pure rules cite in code (stage machine, workload) are traced too.
    from sistemkerja_tui.aturan import aturan_tim, tahap

    for modul in (tahap, aturan_tim):
        for nama, nilai in vars(modul).items():
            if nama.startswith("RUJUKAN_") and isinstance(nilai, str):
                for sumber, bagian in bagian_disebut(nilai):
                    assert cari(sumber, bagian) is not None, (modul.__name__, nama, bagian)
