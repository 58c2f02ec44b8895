"""Who is a pegawai's Pejabat Penilai Kinerja (PPK), and by which passage.

Pure function of plain values: the caller (layanan) hands in the pegawai and
the chain of units from their own unit up to the root, each with its leader.
The head of a Perangkat Daerah at the root of its chain answers to the
Sekretaris Daerah (`SubjekPPK.sekretaris_daerah`, when the caller knows them);
the Sekretaris Daerah answers to the Kepala Daerah.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sistemkerja_tui.aturan.enums import SETARA, JenisJabatan, JenisUnit, Jenjang
from sistemkerja_tui.aturan.temuan import Temuan

if TYPE_CHECKING:  # the profile's model (~30 ms of imports) is not needed to read a result: the first screen's is
    from sistemkerja_tui.aturan.profil import Profil  # made in another process (tui.awal) and unpickled here

# Parts of an organisation rather than organisations: skipped when a rule asks which one a unit is `dalam`.
_SUBUNIT = frozenset(
    {
        JenisUnit.ASISTEN,
        JenisUnit.BAGIAN,
        JenisUnit.INSPEKTUR_PEMBANTU,
        JenisUnit.SEKRETARIAT,
        JenisUnit.BIDANG,
        JenisUnit.SEKSI,
        JenisUnit.SUBBAGIAN,
    }
)


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
    sekretaris_daerah: Pejabat | None = None  # PPK of a root Perangkat Daerah's head


@dataclass(frozen=True)
class HasilPPK:
    """`ppk` None means the PPK is not a pegawai of the database (e.g. the Bupati)."""

    ppk: Pejabat | None
    sebutan: str
    rujukan: str
    override: bool = False
    temuan: Temuan | None = None


def tentukan_ppk(subjek: SubjekPPK, profil: Profil, kepala_daerah: str | None = None) -> HasilPPK:
    """The PPK of `subjek` under `profil`, with the passage that makes it so.

    In order: a stored override; for a unit leader (or another structural
    official) the nearest leader above; for JF and pelaksana the nearest unit
    the profile names for them or a unit kerja mandiri, else the nearest
    leader whose jenis jabatan meets the profile's minimum for their jenjang.
    `kepala_daerah` (default: the profile's title) names the PPK of the Sekda.
    """
    if subjek.override is not None:
        return _override(subjek, subjek.override, profil)
    if not subjek.rantai:
        return _tidak_ditemukan("pegawai ini tidak berkedudukan pada unit mana pun", profil.ppk.atasan_langsung.rujukan)
    sendiri = subjek.rantai[0].pimpinan
    memimpin = sendiri is not None and sendiri.pegawai_id == subjek.pegawai_id
    if memimpin or subjek.jenis.struktural:
        return _atasan(subjek, profil, 1 if memimpin else 0, kepala_daerah or profil.kepala_daerah)
    return _penilai_staf(subjek, profil)


def _pimpinan(unit: UnitRantai, subjek: SubjekPPK) -> Pejabat | None:
    """The unit's leader, unless the post is vacant or held by the subject."""
    p = unit.pimpinan
    return p if p is not None and p.pegawai_id != subjek.pegawai_id else None


def _hasil(unit: UnitRantai, ppk: Pejabat, rujukan: str) -> HasilPPK:
    return HasilPPK(ppk=ppk, sebutan=unit.jabatan_pimpinan or ppk.jabatan, rujukan=rujukan)


def _override(subjek: SubjekPPK, ppk: Pejabat, profil: Profil) -> HasilPPK:
    alasan = (subjek.alasan_override or "").strip()
    dasar = profil.ppk.pendelegasian.rujukan
    temuan = None
    if not alasan:
        temuan = Temuan(
            "ppk_override_tanpa_alasan",
            "PPK ditetapkan manual tanpa alasan tercatat; lengkapi alasan pendelegasiannya.",
            dasar,
            "peringatan",
        )
    return HasilPPK(
        ppk=ppk,
        sebutan=ppk.jabatan,
        override=True,
        temuan=temuan,
        rujukan=f"Override PPK tersimpan (alasan: {alasan or 'tidak dicatat'}); dasar: {dasar}",
    )


def _atasan(subjek: SubjekPPK, profil: Profil, mulai: int, kepala_daerah: str) -> HasilPPK:
    """Atasan langsung of a structural official: the nearest leader above who may be PPK."""
    rujukan = profil.ppk.atasan_langsung.rujukan
    for unit in subjek.rantai[mulai:]:
        ppk = _pimpinan(unit, subjek)
        if ppk is not None and (ppk.jenis.struktural or unit.mandiri):
            return _hasil(unit, ppk, rujukan)
    puncak = subjek.rantai[-1]
    if puncak.jenis is JenisUnit.SEKRETARIAT_DAERAH:
        return HasilPPK(ppk=None, sebutan=kepala_daerah, rujukan=rujukan)
    if puncak.jenis.perangkat_daerah:
        sekda = subjek.sekretaris_daerah
        return HasilPPK(ppk=sekda, sebutan=sekda.jabatan if sekda else "Sekretaris Daerah", rujukan=rujukan)
    return _tidak_ditemukan(f"tidak ada atasan di atas {puncak.nama} dalam struktur; periksa induk unitnya", rujukan)


def _penilai_staf(subjek: SubjekPPK, profil: Profil) -> HasilPPK:
    aturan = profil.ppk
    rantai = subjek.rantai
    for i, unit in enumerate(rantai):
        ppk = _pimpinan(unit, subjek)
        if ppk is None:
            continue
        organisasi = next((u.jenis for u in rantai[i + 1 :] if u.jenis not in _SUBUNIT), None)
        setara = SETARA.get(organisasi) if organisasi is not None else None  # a DPMPTSP is a Dinas
        for khusus in aturan.unit:
            if (
                khusus.jenis_unit is unit.jenis
                and khusus.berlaku_untuk(subjek.jenis, subjek.jenjang)
                and (not khusus.dalam or organisasi in khusus.dalam or setara in khusus.dalam)
            ):
                return _hasil(unit, ppk, khusus.rujukan)
        if unit.mandiri:
            return _hasil(unit, ppk, aturan.unit_mandiri.rujukan)
    minimum = aturan.minimum_untuk(subjek.jenis, subjek.jenjang)
    for unit in rantai:
        ppk = _pimpinan(unit, subjek)
        if ppk is not None and ppk.jenis >= minimum.jenis:
            return _hasil(unit, ppk, minimum.rujukan)
    return _tidak_ditemukan(
        f"tidak ada pimpinan paling rendah {minimum.jenis.label} dari {rantai[0].nama} sampai {rantai[-1].nama}",
        minimum.rujukan,
    )


def _tidak_ditemukan(sebab: str, rujukan: str) -> HasilPPK:
    pesan = (
        f"Pejabat Penilai Kinerja tidak dapat ditentukan: {sebab}. "
        "Tetapkan PPK secara manual (override) bila ada pendelegasian."
    )
    return HasilPPK(ppk=None, sebutan="", rujukan=rujukan, temuan=Temuan("ppk_tidak_ditemukan", pesan, rujukan))
