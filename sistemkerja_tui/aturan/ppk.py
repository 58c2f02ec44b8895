"""Who is a pegawai's Pejabat Penilai Kinerja (PPK), and by which passage.

Pure function of plain values: the caller (layanan) hands in the pegawai and
the chain of units from their own unit up to the root, each with its leader.
"""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja_tui.aturan.enums import JenisJabatan, Jenjang, JenisUnit
from sistemkerja_tui.aturan.temuan import Temuan


@dataclass(frozen=True)
class Pejabat:
    """A person who may be a PPK."""

    pegawai_id: int
    nama: str
    jabatan: str
    jenis: JenisJabatan
    jenjang: Jenjang | None = None


@dataclass(frozen=True)
class UnitRantai:
    """One unit in the chain from the pegawai's own unit to the root."""

    unit_id: int
    nama: str
    jenis: JenisUnit
    mandiri: bool
    pimpinan: Pejabat | None
    jabatan_pimpinan: str = ""


@dataclass(frozen=True)
class SubjekPPK:
    pegawai_id: int
    jenis: JenisJabatan
    jenjang: Jenjang | None
    rantai: tuple[UnitRantai, ...]
    override: Pejabat | None = None
    alasan_override: str | None = None


@dataclass(frozen=True)
class HasilPPK:
    """`ppk` None means the PPK is not a pegawai of the database (e.g. the Bupati)."""

    ppk: Pejabat | None
    sebutan: str
    rujukan: str
    override: bool = False
    temuan: Temuan | None = None


def tentukan_ppk(subjek: SubjekPPK, profil) -> HasilPPK:  # implemented with the profiles
    raise NotImplementedError
