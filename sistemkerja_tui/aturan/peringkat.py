"""`nilai_kandidat`'s ranking written as column tests, so a database can rank a pool of any size.

`rumus_peringkat` walks the same profile criteria as `aturan.kriteria` and states, for one role, which
column values make a *blocking* finding (`galat`, one unit per finding) and which earn preference points
(`skor`). A row's count of galat terms equals `len(nilai_kandidat(...).galat)` and its skor sum equals
`nilai_kandidat(...).skor`, so ordering by (galat, −skor) is `urutkan_kandidat`'s order; warnings do not
order and are left out. `kriteria` stays the judge of the rows shown (their messages and rujukan);
tests check on the demo that both agree for every candidate.

Columns are those of the candidate query (`store.kueri.calon`): the pegawai's own
(`jenis_jabatan`, `jenjang`, `kelas_jabatan`, `golongan`, `status_asn`, `pendidikan`,
`predikat_kinerja_1`, `predikat_kinerja_2`, `hasil_penyetaraan`) and the counts `peran_pimpinan` and
`kelompok_kerja`. Not stated: inactive pegawai (the pool holds active ones only), `pengalaman_manajerial`
(not stored, always False) and the owner unit (the picker judges without `unit_pemilik_id`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from sistemkerja_tui.aturan.enums import (
    BentukTim,
    Golongan,
    JenisJabatan,
    Jenjang,
    Pendidikan,
    PeranTim,
    PredikatKinerja,
    StatusASN,
)
from sistemkerja_tui.aturan.kriteria import BOBOT_DIUTAMAKAN
from sistemkerja_tui.aturan.profil_model import Profil

Nilai = str | int | bool | None

ADA_JF_LAYAK = "ada_jf_layak"
"""Pool fact: some Pejabat Fungsional of the pool qualifies (`kondisi_kumpulan`)."""
KELAS_PENUH = "kelas_penuh"
"""Pool fact: some pelaksana of the full kelas jabatan qualifies (`kondisi_kumpulan`)."""


@dataclass(frozen=True)
class Uji:
    """`kolom` holds one of `nilai` (None: empty) or, with `minimal`, at least that number."""

    kolom: str
    nilai: frozenset[Nilai] = frozenset()
    minimal: int | None = None


@dataclass(frozen=True)
class Suku:
    """`bobot` for a row meeting any of `atau` (each a conjunction of tests); with `bila`, only while that pool
    fact holds."""

    atau: tuple[tuple[Uji, ...], ...]
    bobot: int = 1
    bila: str | None = None


@dataclass(frozen=True)
class RumusPeringkat:
    galat: tuple[Suku, ...] = ()
    skor: tuple[Suku, ...] = ()


def _uji(kolom: str, nilai: Iterable[Enum | Nilai]) -> Uji:
    return Uji(kolom, frozenset(v.value if isinstance(v, Enum) else v for v in nilai))


def _jenis(jenis: Iterable[JenisJabatan]) -> Uji:
    return _uji("jenis_jabatan", jenis)


def _suku(*uji: Uji, bobot: int = 1, bila: str | None = None) -> Suku:
    return Suku((tuple(uji),), bobot, bila)


def rumus_peringkat(peran: PeranTim, profil: Profil, *, bentuk: BentukTim = BentukTim.TIM_KERJA) -> RumusPeringkat:
    """The galat and skor terms of `nilai_kandidat(…, peran, profil, bentuk=bentuk)` (see the module doc)."""
    galat: list[Suku] = []
    skor: list[Suku] = []
    kr = profil.kriteria.get(peran)
    if kr is not None:
        jj = kr.jenis_jabatan
        boleh = set(jj.jenis) if jj is not None else set(JenisJabatan)
        if jj is not None and len(boleh) < len(JenisJabatan):
            galat.append(_suku(_jenis(set(JenisJabatan) - boleh)))
        jf = _jenis(boleh & {JenisJabatan.FUNGSIONAL})
        pelaksana = _jenis(boleh & {JenisJabatan.PELAKSANA} if kr.pelaksana is not None else set())
        lain = _jenis(boleh - {JenisJabatan.FUNGSIONAL} - ({JenisJabatan.PELAKSANA} if kr.pelaksana else set()))
        sesuai = _jenis(boleh)  # the other criteria apply only to a candidate of an allowed jenis

        if kr.jenjang_minimum is not None:
            gagal = [j for j in Jenjang if not kr.jenjang_minimum.dipenuhi(j)]
            galat.append(_suku(jf, _uji("jenjang", [*gagal, None])))
            galat.append(_suku(lain))
        if kr.jenjang_diutamakan is not None:
            skor.append(
                _suku(
                    jf,
                    _uji("jenjang", (j for j in Jenjang if kr.jenjang_diutamakan.dipenuhi(j))),
                    bobot=BOBOT_DIUTAMAKAN,
                )
            )
        if kr.pelaksana is not None:
            s = kr.pelaksana
            turun = s.kelas_jabatan - s.turun_kelas
            galat.append(_suku(pelaksana, bila=ADA_JF_LAYAK))
            galat.append(_suku(pelaksana, _uji("kelas_jabatan", [None, *range(turun)])))
            if s.turun_kelas:
                galat.append(_suku(pelaksana, _uji("kelas_jabatan", range(turun, s.kelas_jabatan)), bila=KELAS_PENUH))
            galat.append(_suku(pelaksana, _uji("status_asn", (a for a in StatusASN if a is not StatusASN.PNS))))
            galat.append(
                _suku(
                    pelaksana,
                    _uji("status_asn", [StatusASN.PNS]),
                    _uji("golongan", (g for g in Golongan if g < s.golongan_minimum)),
                )
            )
        if kr.pendidikan_minimum is not None:
            kurang = (p for p in Pendidikan if p < kr.pendidikan_minimum.tingkat)
            galat.append(_suku(sesuai, _uji("pendidikan", kurang)))
        if kr.pendidikan_diutamakan is not None:
            cukup = (p for p in Pendidikan if p >= kr.pendidikan_diutamakan.tingkat)
            skor.append(_suku(sesuai, _uji("pendidikan", cukup), bobot=BOBOT_DIUTAMAKAN))
        if kr.kinerja is not None and kr.kinerja.tahun > 0:
            kurang_p = [p for p in PredikatKinerja if p < kr.kinerja.predikat_minimum]
            satu, dua = _uji("predikat_kinerja_1", kurang_p), _uji("predikat_kinerja_2", kurang_p)
            if kr.kinerja.tahun == 1:  # the newest rating recorded: the first, else the second
                galat.append(Suku(((sesuai, satu), (sesuai, _uji("predikat_kinerja_1", [None]), dua))))
            else:
                galat.append(Suku(((sesuai, satu), (sesuai, dua))))
        d = kr.diutamakan
        if d is not None:
            if d.pns:
                skor.append(_suku(sesuai, _uji("status_asn", [StatusASN.PNS]), bobot=BOBOT_DIUTAMAKAN))
            if d.hasil_penyetaraan:
                skor.append(_suku(jf, _uji("hasil_penyetaraan", [True]), bobot=BOBOT_DIUTAMAKAN))
            if d.jenjang_tertinggi:
                skor += [_suku(jf, _uji("jenjang", [j]), bobot=j.tingkat) for j in Jenjang if j.tingkat]
    galat += _rangkap(peran, profil, bentuk)
    return RumusPeringkat(tuple(galat), tuple(skor))


def _rangkap(peran: PeranTim, profil: Profil, bentuk: BentukTim) -> list[Suku]:
    """`periksa_rangkap`: one more leading role beyond the profile's limit."""
    batas = profil.rangkap.pimpinan_tim
    if peran is PeranTim.ANGGOTA or batas is None or peran not in batas.peran:
        return []
    if batas.bentuk and bentuk not in batas.bentuk:
        return []
    kolom = "kelompok_kerja" if batas.bentuk else "peran_pimpinan"
    return [_suku(Uji(kolom, minimal=batas.maks))]
