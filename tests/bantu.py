"""Helpers shared by the tests: read a SQLite file directly, copy and break regulation profiles."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest


def sql(db, query: str, *param) -> list[tuple]:
    """Rows of `query` on the SQLite file `db`, read with the standard library alone."""
    con = sqlite3.connect(db)
    try:
        return con.execute(query, param).fetchall()
    finally:
        con.close()


def salin_profil(asal: Path, tmp_path: Path) -> Path:
    """A writable copy of the profile folder."""
    folder = tmp_path / "profil"
    shutil.copytree(asal, folder)
    return folder


def ubah(folder: Path, nama: str, lama: str, baru: str) -> None:
    """Replace one passage of `<nama>.toml` (which must contain it)."""
    berkas = folder / f"{nama}.toml"
    teks = berkas.read_text(encoding="utf-8")
    assert lama in teks, f"potongan tidak ditemukan di {berkas.name}: {lama!r}"
    berkas.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def galat(folder: Path, nama: str) -> str:
    """The message with which loading `nama` from `folder` is refused."""
    from sistemkerja_tui.aturan.profil import ProfilTidakSah, muat_profil

    with pytest.raises(ProfilTidakSah) as info:
        muat_profil(nama, folder)
    return str(info.value)


def kunci_langkah(tahapan) -> tuple[list[str], list[str]]:
    """The step keys of a profile's `[tahapan.*]`: (perencanaan, pelaksanaan)."""
    return [x.kunci for x in tahapan.perencanaan], [x.kunci for x in tahapan.pelaksanaan]


def sama_mekanisme(profil, rantai, jenis: str, *, bagian):
    """The steps and the reviewers of a kegiatan of `rantai` come from mechanism `jenis`, and from the same
    passage (`bagian` picks the part of a rujukan that names it); returns the steps."""
    mekanisme, tahapan = profil.tahapan_untuk(rantai)
    assert mekanisme == profil.kunci_mekanisme(rantai) == jenis
    assert bagian(profil.alur_reviu(rantai).rujukan) == bagian(tahapan.rujukan)
    return tahapan


def ke_evaluasi(layanan, kegiatan_id: int, oleh_id: int):
    """Advance a kegiatan through its perencanaan and pelaksanaan steps (however many its unit type lists)
    into evaluasi; returns the state there."""
    for _ in range(30):
        keadaan = layanan.kegiatan.maju(kegiatan_id, oleh_id=oleh_id)
        if keadaan.tahap.value == "evaluasi":
            return keadaan
    raise AssertionError("kegiatan tidak sampai ke tahap evaluasi")
