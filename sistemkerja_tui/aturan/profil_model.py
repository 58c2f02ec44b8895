"""A regulation profile as typed data: terms, roles, criteria, routes, PPK and review rules.

Built and validated by `aturan.profil`; every rule carries its `rujukan`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from sistemkerja_tui.aturan.enums import (
    SETARA,
    BentukTim,
    Golongan,
    JenisJabatan,
    JenisPembentukan,
    JenisUnit,
    Jenjang,
    KategoriJF,
    KodeEnum,
    LingkupPenugasan,
    Pendidikan,
    PeranTim,
    PredikatKinerja,
    SasaranTim,
)

PROFIL_DASAR = "umum"
ISTILAH_WAJIB = (
    "tim",
    "ketua_tim",
    "anggota_tim",
    "pimpinan_unit",
    "pemilik_kinerja",
    "mitra_kerja",
    "ppk",
    "pejabat_berwenang",
)
KUNCI_REVIU_BAWAAN = "bawaan"
KUNCI_TAHAPAN_BAWAAN = "bawaan"
LANGKAH_PENUGASAN = "penugasan"  # every perencanaan has it: a penugasan individu starts there
# Units led in their own right under a Perangkat Daerah: their steps are never the parent's.
_UNIT_MANDIRI = frozenset({JenisUnit.KELURAHAN, JenisUnit.UPTD, JenisUnit.PUSKESMAS, JenisUnit.SEKOLAH, JenisUnit.RSUD})


class ProfilTidakSah(ValueError):
    """A profile that cannot be used; the message names the file and the key."""


class Naskah(KodeEnum):
    """Kind of naskah dinas that establishes a team or a role."""

    KEPUTUSAN = ("keputusan", "Keputusan")
    SURAT_TUGAS = ("surat_tugas", "Surat Tugas")


class ObjekPenetapan(KodeEnum):
    """What a naskah establishes: the team itself or one role in it."""

    TIM = ("tim", "Tim")
    KETUA = ("ketua", "Ketua")
    KOORDINATOR = ("koordinator", "Koordinator")
    PENANGGUNG_JAWAB = ("penanggung_jawab", "Penanggung Jawab")
    ANGGOTA = ("anggota", "Anggota")


class Pihak(KodeEnum):
    """Who a request goes to (or who decides it), relative to the pegawai asked for."""

    PPK_PEGAWAI = ("ppk_pegawai", "Pejabat Penilai Kinerja pegawai")
    PIMPINAN_UNIT_PEGAWAI = ("pimpinan_unit_pegawai", "Pimpinan Unit Organisasi tempat pegawai berada")
    PIMPINAN_UNIT_PEMILIK_KINERJA = ("pimpinan_unit_pemilik_kinerja", "Pimpinan Unit Organisasi pemilik kinerja")
    PEJABAT_BERWENANG = ("pejabat_berwenang", "Pejabat yang Berwenang")
    PEJABAT_BERWENANG_DITUJU = ("pejabat_berwenang_dituju", "Pejabat yang Berwenang instansi yang dituju")


# --- the profile ---------------------------------------------------------------


@dataclass(frozen=True)
class Ketentuan:
    """A rule stated in words, with its passage."""

    uraian: str
    rujukan: str


@dataclass(frozen=True)
class Istilah:
    """A term of the regulation; `str()` gives the term itself."""

    teks: str
    rujukan: str

    def __str__(self) -> str:
        return self.teks


@dataclass(frozen=True)
class Peran:
    """A role that exists in this regulation's teams."""

    kode: PeranTim
    sebutan: str
    rujukan: str
    keterangan: str = ""


@dataclass(frozen=True)
class SyaratJenjang:
    """Lowest (or preferred) JF jenjang per kategori; None: that kategori does not qualify."""

    keahlian: Jenjang | None
    keterampilan: Jenjang | None
    rujukan: str

    def dipenuhi(self, jenjang: Jenjang) -> bool:
        batas = self.keahlian if jenjang.kategori is KategoriJF.KEAHLIAN else self.keterampilan
        return batas is not None and jenjang >= batas


@dataclass(frozen=True)
class SyaratPendidikan:
    tingkat: Pendidikan
    rujukan: str


@dataclass(frozen=True)
class SyaratKinerja:
    """Rating at least `predikat_minimum` in each of the last `tahun` years."""

    predikat_minimum: PredikatKinerja
    tahun: int
    rujukan: str


@dataclass(frozen=True)
class Diutamakan:
    """Preferences among eligible candidates (never a bar)."""

    pns: bool
    hasil_penyetaraan: bool
    pengalaman_manajerial: bool
    jenjang_tertinggi: bool
    rujukan: str


@dataclass(frozen=True)
class SyaratPelaksana:
    """Pelaksana as ketua, only when no JF qualifies: this kelas jabatan (or `turun_kelas` lower)."""

    kelas_jabatan: int
    golongan_minimum: Golongan
    turun_kelas: int
    rujukan: str


@dataclass(frozen=True)
class Pengusulan:
    """Candidates proposed before appointment, and whose recommendation is needed."""

    calon_minimum: int
    rekomendasi: str
    rujukan: str


@dataclass(frozen=True)
class SyaratJenisJabatan:
    """The kinds of jabatan a role is appointed from (a ketua: Pejabat Fungsional or pelaksana)."""

    jenis: tuple[JenisJabatan, ...]
    rujukan: str


@dataclass(frozen=True)
class SyaratAsalUnit:
    """The role-holder comes from the owner unit: preferred, or required when `wajib`."""

    uraian: str
    rujukan: str
    wajib: bool = False


@dataclass(frozen=True)
class SyaratUnit:
    """Where a role may be appointed: the owner unit lies in (or is) a unit of one of `jenis`, or, when
    `satu_tingkat`, it is a Perangkat Daerah simplified to one level (no unit of `tingkat_kedua` beneath it)."""

    jenis: tuple[JenisUnit, ...]
    uraian: str
    rujukan: str
    satu_tingkat: bool = False
    tingkat_kedua: tuple[JenisUnit, ...] = ()


@dataclass(frozen=True)
class Pengganti:
    """Who carries out a role's task when the owner unit has no Pejabat Fungsional or pelaksana at all."""

    jenis: tuple[JenisJabatan, ...]
    uraian: str
    rujukan: str


@dataclass(frozen=True)
class WaktuUsulan:
    """When candidates are proposed: in the last `bulan_akhir_tahun` months of a year, or when the role is vacant."""

    bulan_akhir_tahun: int
    uraian: str
    rujukan: str


@dataclass(frozen=True)
class Kriteria:
    """Criteria for one role; a None field means the regulation is silent on it."""

    jenjang_minimum: SyaratJenjang | None = None
    jenjang_diutamakan: SyaratJenjang | None = None
    pendidikan_minimum: SyaratPendidikan | None = None
    pendidikan_diutamakan: SyaratPendidikan | None = None
    kinerja: SyaratKinerja | None = None
    diutamakan: Diutamakan | None = None
    kompetensi: Ketentuan | None = None
    asal_unit: SyaratAsalUnit | None = None
    pelaksana: SyaratPelaksana | None = None
    pengusulan: Pengusulan | None = None
    jenis_jabatan: SyaratJenisJabatan | None = None
    unit: SyaratUnit | None = None
    pengganti: Pengganti | None = None
    waktu_usulan: WaktuUsulan | None = None


@dataclass(frozen=True)
class Izin:
    boleh: bool
    rujukan: str


@dataclass(frozen=True)
class BatasRangkap:
    """At most `maks` concurrent roles among `peran` per pegawai.

    `bentuk` non-empty: the limit counts and applies only to teams of these kinds
    (Klaten: a ketua may not lead two Kelompok Kerja; a *Tim* is not limited).
    """

    maks: int
    peran: frozenset[PeranTim]
    rujukan: str
    bentuk: tuple[BentukTim, ...] = ()


@dataclass(frozen=True)
class Rangkap:
    anggota: Izin
    pimpinan_tim: BatasRangkap | None


@dataclass(frozen=True)
class LangkahPersetujuan:
    """One approval a request needs, in order; `wajib_jawaban_ketersediaan`: it carries the availability
    answer with the list of pegawai assigned (the cross-agency route)."""

    pihak: Pihak
    sebutan: str
    rujukan: str
    uraian: str = ""
    wajib_jawaban_ketersediaan: bool = False


@dataclass(frozen=True)
class Rute:
    """Where a penugasan request goes, in what form, with which copies, through which approvals.

    `langkah` empty: the penugasan takes effect at once (penunjukan dalam unit).
    """

    kepada: Pihak
    sebutan: str
    tertulis: bool
    tembusan: tuple[str, ...]
    rujukan: str
    langkah: tuple[LangkahPersetujuan, ...] = ()


@dataclass(frozen=True)
class IsiPermohonan:
    butir: tuple[str, ...]
    rujukan: str


@dataclass(frozen=True)
class Persetujuan:
    penunjukan_dalam_unit: Rute
    penunjukan_lintas_unit: Rute
    penunjukan_lintas_instansi: Rute
    sukarela_dalam_unit: Rute
    sukarela_lintas_unit: Rute
    isi_permohonan: IsiPermohonan


@dataclass(frozen=True)
class BentukTimProfil:
    """A kind of team this regulation knows, with its period limits in months."""

    kode: BentukTim
    sebutan: str
    rujukan: str
    lebih_dari_bulan: int | None = None
    kurang_dari_bulan: int | None = None
    paling_lama_bulan: int | None = None


@dataclass(frozen=True)
class Penetapan:
    """How a team or role is established; empty filters mean 'any'."""

    objek: ObjekPenetapan
    naskah: Naskah
    sebutan: str
    penetap: str
    rujukan: str
    lingkup: tuple[LingkupPenugasan, ...] = ()
    pembentukan: tuple[JenisPembentukan, ...] = ()
    bentuk: tuple[BentukTim, ...] = ()


@dataclass(frozen=True)
class AturanMinimum:
    """The lowest jenis jabatan that may be PPK of one kind of pegawai."""

    jenis: JenisJabatan
    rujukan: str


@dataclass(frozen=True)
class AturanUnitPPK:
    """In a unit of `jenis_unit` its leader is PPK of `berlaku`.

    `dalam`, if given, limits the rule to units whose organisation (nearest
    ancestor that is not a Bagian, Bidang, Seksi, Subbagian, Sekretariat, …)
    is of one of these kinds.

    `berlaku` holds "pelaksana", "fungsional", a kategori ("keahlian",
    "keterampilan") or jenjang codes.
    """

    jenis_unit: JenisUnit
    berlaku: frozenset[str]
    rujukan: str
    dalam: tuple[JenisUnit, ...] = ()

    def berlaku_untuk(self, jenis: JenisJabatan, jenjang: Jenjang | None) -> bool:
        if jenis is JenisJabatan.PELAKSANA:
            return "pelaksana" in self.berlaku
        if jenis is not JenisJabatan.FUNGSIONAL or jenjang is None:
            return False
        return bool({"fungsional", jenjang.kategori.value, jenjang.value} & self.berlaku)


@dataclass(frozen=True, eq=False)
class AturanPPK:
    atasan_langsung: Ketentuan
    unit_mandiri: Ketentuan
    pendelegasian: Ketentuan
    minimum: Mapping[str, AturanMinimum]
    unit: tuple[AturanUnitPPK, ...]

    def minimum_untuk(self, jenis: JenisJabatan, jenjang: Jenjang | None) -> AturanMinimum:
        """Minimum for a pelaksana or a JF: its jenjang's own entry, else its kategori's."""
        if jenis is JenisJabatan.PELAKSANA or jenjang is None:
            return self.minimum["pelaksana"]
        return self.minimum.get(jenjang.value) or self.minimum[jenjang.kategori.value]


@dataclass(frozen=True)
class LangkahReviu:
    """One reviewer: leader of the nearest unit of `unit` in the chain, or `naik` units up (0 = own), or the
    team's holder of `peran` (skipped when the kegiatan's team has none, or the kegiatan is individual)."""

    sebutan: str
    unit: tuple[JenisUnit, ...] = ()
    naik: int | None = None
    peran: PeranTim | None = None


@dataclass(frozen=True)
class AlurReviu:
    """Reviewers of the evaluation stage in order; the last one declares the kegiatan selesai.

    `meliputi_subunit`: the chain of this unit (led in its own right) also reviews kegiatan of the units
    beneath it, whose heads only hand the results over (Padang Panjang Lampiran II huruf H angka 2 huruf c).
    """

    langkah: tuple[LangkahReviu, ...]
    rujukan: str
    meliputi_subunit: Ketentuan | None = None


@dataclass(frozen=True)
class LangkahTahap:
    """One step of the perencanaan or pelaksanaan stage of a unit type's mechanism: what, by whom."""

    kunci: str
    label: str
    pelaku: str
    rujukan: str


@dataclass(frozen=True)
class Tahapan:
    """The stage steps a unit type's mechanism lists (the kegiatan's checklist before evaluasi).

    The last pelaksanaan step hands the result to the first reviewer; a returned kegiatan
    resumes at `kembali`.
    """

    perencanaan: tuple[LangkahTahap, ...]
    pelaksanaan: tuple[LangkahTahap, ...]
    kembali: str
    rujukan: str


@dataclass(frozen=True)
class DialogKinerja:
    """A *dialog kinerja* step put right after the perencanaan step `setelah` of every tahapan: it is due once
    that step is done and held when it is checked (who and when go into the kegiatan's history).

    `rujukan` cites the passage placing it; `catatan` says how it sits with passages that order the steps
    otherwise (Padang Panjang Lampiran II gives the ekspektasi before the penugasan)."""

    setelah: str
    label: str
    pelaku: str
    uraian: str
    catatan: str
    rujukan: str


@dataclass(frozen=True)
class LaranganPembentuk:
    """An official of kind `jenis` may not form a team (only while acting as ketua of a substansi, if
    `ketua_substansi`; only for teams of these `sasaran`, if given)."""

    jenis: JenisJabatan
    ketua_substansi: bool
    uraian: str
    rujukan: str
    sasaran: tuple[SasaranTim, ...] = ()


@dataclass(frozen=True, eq=False)
class Profil:
    """One regulation, merged over `umum`; compared and hashed by identity (loaded once, cached)."""

    nama: str
    nama_pendek: str
    judul: str
    singkatan: str
    kepala_daerah: str
    istilah: Mapping[str, Istilah]
    peran: Mapping[PeranTim, Peran]
    kriteria: Mapping[PeranTim, Kriteria]
    rangkap: Rangkap
    persetujuan: Persetujuan
    bentuk_tim: tuple[BentukTimProfil, ...]
    penetapan: tuple[Penetapan, ...]
    ppk: AturanPPK
    reviu: Mapping[str, AlurReviu]
    tahapan: Mapping[str, Tahapan]
    pembentukan: Mapping[JenisPembentukan, Ketentuan] = field(default_factory=lambda: MappingProxyType({}))
    larangan_pembentuk: tuple[LaranganPembentuk, ...] = ()
    dialog_kinerja: DialogKinerja | None = None

    def jenis_setara(self, rantai: Sequence[JenisUnit]) -> list[JenisUnit]:
        """`rantai` with each unit type this profile has no chain for replaced by the type it runs as (`SETARA`)."""
        return [SETARA[j] if j in SETARA and j.value not in self.reviu else j for j in rantai]

    def kunci_mekanisme(self, rantai: Sequence[JenisUnit]) -> str:
        """The unit type whose review chain governs a kegiatan whose owner unit has this chain.

        Walks up (own unit first) to the nearest unit type with its own chain, used when the
        owner unit is that unit or lies under a unit named in its steps (and every unit led in its
        own right on the way is named too); otherwise `bawaan` (the baseline Level 2 → Level 1 chain).
        """
        rantai = self.jenis_setara(rantai)
        for i, jenis in enumerate(rantai):
            alur = self.reviu.get(jenis.value)
            if alur is None:
                continue
            disebut = {u for langkah in alur.langkah for u in langkah.unit}
            dilewati = set(rantai[:i])
            # a Seksi of a Kelurahan is not reviewed by the Kecamatan's chain unless it names the Kelurahan
            if i == 0 or (disebut & dilewati and disebut >= dilewati & _UNIT_MANDIRI):
                kunci: str = jenis.value  # mypy reads an enum value with a custom __new__ as Any
                return kunci
            # a unit led in its own right whose chain covers its sub-units (their heads only hand over)
            if alur.meliputi_subunit is not None and jenis in _UNIT_MANDIRI and not dilewati & _UNIT_MANDIRI:
                kunci_induk: str = jenis.value
                return kunci_induk
        return KUNCI_REVIU_BAWAAN

    def alur_reviu(self, rantai: Sequence[JenisUnit]) -> AlurReviu:
        """Review chain for a kegiatan whose owner unit has this chain (own unit first)."""
        return self.reviu[self.kunci_mekanisme(rantai)]

    def tahapan_untuk(self, rantai: Sequence[JenisUnit]) -> tuple[str, Tahapan]:
        """The stage steps for a kegiatan of the first unit of `rantai`, and the unit type they belong to.

        The mechanism whose review chain applies, if it lists its own steps; else the nearest unit
        type up the chain that does, not looking past a unit with its own leader and mechanism
        (a Kelurahan is not run by the Kecamatan's steps); else `bawaan`.
        """
        kunci = self.kunci_mekanisme(rantai)
        if kunci != KUNCI_TAHAPAN_BAWAAN and kunci in self.tahapan:
            return kunci, self.tahapan[kunci]
        for jenis in self.jenis_setara(rantai):
            if jenis.value in self.tahapan:
                return jenis.value, self.tahapan[jenis.value]
            if jenis in _UNIT_MANDIRI:
                break
        return KUNCI_TAHAPAN_BAWAAN, self.tahapan[KUNCI_TAHAPAN_BAWAAN]
