"""Regulation profiles: what one Pemda's *Sistem Kerja* regulation says, as data.

`data/profil/umum.toml` is the PermenPANRB 7/2022 baseline the five seed
regulations share; `<pemda>.toml` holds only what its own regulation says.
Loading a Pemda profile merges it over `umum`: tables merge key by key,
arrays (``[[...]]`` and ``[...]``) replace whole. Every rule carries
`rujukan`, the passage it encodes. Unknown keys, wrong types, unknown codes
and missing passages are refused with `ProfilTidakSah`, which names the file
and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from sistemkerja_tui.aturan.enums import (
    BentukTim, Golongan, JenisJabatan, JenisPembentukan, JenisUnit, Jenjang, KategoriJF,
    KodeEnum, LingkupPenugasan, Pendidikan, PeranTim, PredikatKinerja,
)
from sistemkerja_tui.paths import resource_dir

PROFIL_DASAR = "umum"
ISTILAH_WAJIB = (
    "tim", "ketua_tim", "anggota_tim", "pimpinan_unit", "pemilik_kinerja",
    "mitra_kerja", "ppk", "pejabat_berwenang",
)
KUNCI_REVIU_BAWAAN = "bawaan"


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
class Kriteria:
    """Criteria for one role; a None field means the regulation is silent on it."""

    jenjang_minimum: SyaratJenjang | None = None
    jenjang_diutamakan: SyaratJenjang | None = None
    pendidikan_minimum: SyaratPendidikan | None = None
    pendidikan_diutamakan: SyaratPendidikan | None = None
    kinerja: SyaratKinerja | None = None
    diutamakan: Diutamakan | None = None
    kompetensi: Ketentuan | None = None
    asal_unit: Ketentuan | None = None
    pelaksana: SyaratPelaksana | None = None
    pengusulan: Pengusulan | None = None


@dataclass(frozen=True)
class Izin:
    boleh: bool
    rujukan: str


@dataclass(frozen=True)
class BatasRangkap:
    """At most `maks` concurrent roles among `peran` per pegawai."""

    maks: int
    peran: frozenset[PeranTim]
    rujukan: str


@dataclass(frozen=True)
class Rangkap:
    anggota: Izin
    pimpinan_tim: BatasRangkap | None


@dataclass(frozen=True)
class Rute:
    """Where a penugasan request goes, in what form, with which copies."""

    kepada: Pihak
    sebutan: str
    tertulis: bool
    tembusan: tuple[str, ...]
    rujukan: str


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
    """One reviewer: leader of the nearest unit of `unit` in the chain, or `naik` units up (0 = own)."""

    sebutan: str
    unit: tuple[JenisUnit, ...] = ()
    naik: int | None = None


@dataclass(frozen=True)
class AlurReviu:
    """Reviewers of the evaluation stage in order; the last one declares the kegiatan selesai."""

    langkah: tuple[LangkahReviu, ...]
    rujukan: str


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

    def alur_reviu(self, rantai: Sequence[JenisUnit]) -> AlurReviu:
        """Review chain for a kegiatan whose owner unit has this chain (own unit first).

        Walks up to the nearest unit type with its own chain, used when the
        owner unit is that unit or lies under a unit named in its steps;
        otherwise the baseline Level 2 → Level 1 chain.
        """
        for i, jenis in enumerate(rantai):
            alur = self.reviu.get(jenis.value)
            if alur is None:
                continue
            disebut = {u for langkah in alur.langkah for u in langkah.unit}
            if i == 0 or disebut & set(rantai[:i]):
                return alur
        return self.reviu[KUNCI_REVIU_BAWAAN]


# --- loading -------------------------------------------------------------------

def daftar_profil(folder: Path | None = None) -> list[str]:
    """Names of the profiles in `folder` (file stems), sorted."""
    return sorted(p.stem for p in _folder(folder).glob("*.toml"))


def muat_profil(nama: str, folder: Path | None = None) -> Profil:
    """The profile `nama`, merged over `umum` (cached per name and folder)."""
    return _muat(nama, _folder(folder).resolve())


def _folder(folder: Path | None) -> Path:
    return Path(folder) if folder is not None else resource_dir("data") / "profil"


@lru_cache(maxsize=32)
def _muat(nama: str, folder: Path) -> Profil:
    berkas = folder / f"{nama}.toml"
    if not berkas.is_file():
        tersedia = ", ".join(daftar_profil(folder)) or "(tidak ada)"
        raise ProfilTidakSah(f"Profil '{nama}' tidak ditemukan di {folder}; profil yang tersedia: {tersedia}.")
    asal: dict[str, str] = {}
    data: dict[str, Any] = {}
    if nama != PROFIL_DASAR:
        dasar = folder / f"{PROFIL_DASAR}.toml"
        if not dasar.is_file():
            raise ProfilTidakSah(f"Profil {berkas.name}: profil dasar {dasar.name} tidak ditemukan di {folder}.")
        data = _baca_toml(dasar)
        _catat_asal(data, "", dasar.name, asal)
    timpa = _baca_toml(berkas)
    _catat_asal(timpa, "", berkas.name, asal)
    _gabung(data, timpa)
    return _bangun(nama, _Tabel(data, "", _Asal(asal, berkas.name)))


_BARIS = re.compile(r"at line (\d+)")


def _baca_toml(berkas: Path) -> dict[str, Any]:
    try:
        with berkas.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        baris = _BARIS.search(str(e))
        letak = f" pada baris {baris.group(1)}" if baris else ""
        raise ProfilTidakSah(f"Profil {berkas.name}: TOML tidak sah{letak} ({e}).") from None


def _catat_asal(data: dict[str, Any], awalan: str, berkas: str, asal: dict[str, str]) -> None:
    """Record which file set each key path; a later file's array drops the earlier subpaths."""
    for kunci, nilai in data.items():
        jalur = f"{awalan}.{kunci}" if awalan else kunci
        if not isinstance(nilai, dict):
            for lama in [j for j in asal if j.startswith(jalur + ".") or j.startswith(jalur + "[")]:
                del asal[lama]
        asal[jalur] = berkas
        if isinstance(nilai, dict):
            _catat_asal(nilai, jalur, berkas, asal)
        elif isinstance(nilai, list):
            for i, item in enumerate(nilai):
                if isinstance(item, dict):
                    _catat_asal(item, f"{jalur}[{i}]", berkas, asal)


def _gabung(dasar: dict[str, Any], timpa: dict[str, Any]) -> None:
    """Deep-merge `timpa` into `dasar`: tables merge, everything else replaces."""
    for kunci, nilai in timpa.items():
        if isinstance(nilai, dict) and isinstance(dasar.get(kunci), dict):
            _gabung(dasar[kunci], nilai)
        else:
            dasar[kunci] = nilai


@dataclass(frozen=True)
class _Asal:
    jalur_berkas: dict[str, str]
    bawaan: str

    def berkas(self, jalur: str) -> str:
        while jalur:
            if jalur in self.jalur_berkas:
                return self.jalur_berkas[jalur]
            jalur = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", jalur)
        return self.bawaan

    def galat(self, jalur: str, pesan: str) -> ProfilTidakSah:
        return ProfilTidakSah(f"Profil {self.berkas(jalur)}: {pesan}")


_E = TypeVar("_E", bound=KodeEnum)
_T = TypeVar("_T")

_NAMA_JENIS = {
    Jenjang: "jenjang", JenisJabatan: "jenis jabatan", JenisUnit: "jenis unit",
    Pendidikan: "pendidikan", Golongan: "golongan", PredikatKinerja: "predikat kinerja",
    PeranTim: "peran tim", LingkupPenugasan: "lingkup penugasan", BentukTim: "bentuk tim",
    JenisPembentukan: "jenis pembentukan", Naskah: "jenis naskah", ObjekPenetapan: "objek penetapan",
    Pihak: "pihak",
}
_NAMA_TIPE = {
    str: "teks", int: "bilangan bulat", float: "bilangan pecahan", bool: "true/false", dict: "tabel", list: "daftar",
}


class _Tabel:
    """One table of the merged profile, read strictly: every key must be used and well typed."""

    def __init__(self, data: dict[str, Any], jalur: str, asal: _Asal) -> None:
        self.data, self.jalur, self.asal = data, jalur, asal
        self._terpakai: set[str] = set()

    def jalur_ke(self, kunci: str) -> str:
        return f"{self.jalur}.{kunci}" if self.jalur else kunci

    def galat_wajib(self, kunci: str) -> ProfilTidakSah:
        return self.asal.galat(self.jalur, f"kunci '{self.jalur_ke(kunci)}' wajib ada tetapi tidak ditemukan.")

    def galat_nilai(self, kunci: str, pesan: str) -> ProfilTidakSah:
        """`kunci '<path>' <pesan>`, naming the file that set that key."""
        return self.asal.galat(self.jalur_ke(kunci), f"kunci '{self.jalur_ke(kunci)}' {pesan}")

    def ada(self, kunci: str) -> bool:
        return kunci in self.data

    def kunci(self) -> list[str]:
        return list(self.data)

    def _ambil(self, kunci: str, tipe: type) -> Any:
        self._terpakai.add(kunci)
        if kunci not in self.data:
            raise self.galat_wajib(kunci)
        nilai = self.data[kunci]
        if type(nilai) is not tipe:
            diberi = _NAMA_TIPE.get(type(nilai), type(nilai).__name__)
            raise self.galat_nilai(kunci, f"harus {_NAMA_TIPE[tipe]}, bukan {diberi} ({nilai!r}).")
        return nilai

    def teks(self, kunci: str) -> str:
        nilai = self._ambil(kunci, str).strip()
        if not nilai:
            raise self.galat_nilai(kunci, "tidak boleh kosong.")
        return nilai

    def bilangan(self, kunci: str) -> int:
        nilai = self._ambil(kunci, int)
        if nilai < 0:
            raise self.galat_nilai(kunci, f"tidak boleh negatif ({nilai}).")
        return nilai

    def benar(self, kunci: str) -> bool:
        return self._ambil(kunci, bool)

    def opsional(self, kunci: str, baca: Callable[[str], _T], bawaan: _T | None = None) -> _T | None:
        """`baca(kunci)` if the key is present, else `bawaan`."""
        if kunci not in self.data:
            self._terpakai.add(kunci)
            return bawaan
        return baca(kunci)

    def kode(self, kunci: str, enum: type[_E]) -> _E:
        return self.cocok_kode(self._ambil(kunci, str), self.jalur_ke(kunci), enum)

    def kode_daftar(self, kunci: str, enum: type[_E]) -> tuple[_E, ...]:
        return tuple(
            self.cocok_kode(self._cek_teks(v, f"{self.jalur_ke(kunci)}[{i}]"), f"{self.jalur_ke(kunci)}[{i}]", enum)
            for i, v in enumerate(self._ambil(kunci, list))
        )

    def teks_daftar(self, kunci: str) -> tuple[str, ...]:
        return tuple(
            self._cek_teks(v, f"{self.jalur_ke(kunci)}[{i}]") for i, v in enumerate(self._ambil(kunci, list))
        )

    def _cek_teks(self, nilai: Any, jalur: str) -> str:
        if type(nilai) is not str:
            raise self.asal.galat(jalur, f"kunci '{jalur}' harus teks, bukan {nilai!r}.")
        return nilai

    def cocok_kode(self, nilai: str, jalur: str, enum: type[_E]) -> _E:
        for anggota in enum:
            if anggota.value == nilai:
                return anggota
        raise self.asal.galat(
            jalur,
            f"kunci '{jalur}' berisi '{nilai}', bukan {_NAMA_JENIS[enum]} yang dikenal "
            f"({', '.join(enum.kode_semua())}).",
        )

    def tabel(self, kunci: str) -> _Tabel:
        return _Tabel(self._ambil(kunci, dict), self.jalur_ke(kunci), self.asal)

    def daftar_tabel(self, kunci: str) -> list[_Tabel]:
        daftar = self._ambil(kunci, list)
        hasil = []
        for i, item in enumerate(daftar):
            jalur = f"{self.jalur_ke(kunci)}[{i}]"
            if type(item) is not dict:
                raise self.asal.galat(jalur, f"kunci '{jalur}' harus tabel, bukan {item!r}.")
            hasil.append(_Tabel(item, jalur, self.asal))
        return hasil

    def rujukan(self) -> str:
        """The passage of this rule; a rule without one is refused."""
        self._terpakai.add("rujukan")
        nilai = self.data.get("rujukan")
        if not isinstance(nilai, str) or not nilai.strip():
            raise self.asal.galat(
                self.jalur,
                f"aturan '{self.jalur}' tidak memuat 'rujukan' "
                "(pasal/ayat/huruf atau bagian lampiran yang menjadi dasarnya).",
            )
        return nilai.strip()

    def selesai(self) -> None:
        """Refuse keys nobody read (typos would otherwise vanish silently)."""
        asing = [k for k in self.data if k not in self._terpakai]
        if asing:
            sah = ", ".join(sorted(self._terpakai)) or "(tidak ada)"
            raise self.galat_nilai(asing[0], f"tidak dikenal; kunci yang sah di sini: {sah}.")


def _aturan(t: _Tabel, bangun: Callable[[_Tabel, str], _T]) -> _T:
    """Read a rule table with `bangun(t, rujukan)` and check nothing is left over."""
    hasil = bangun(t, t.rujukan())
    t.selesai()
    return hasil


def _ketentuan(t: _Tabel) -> Ketentuan:
    return _aturan(t, lambda t, r: Ketentuan(t.teks("uraian"), r))


def _jenjang(t: _Tabel) -> SyaratJenjang:
    def bangun(t: _Tabel, r: str) -> SyaratJenjang:
        keahlian = t.opsional("keahlian", lambda k: t.kode(k, Jenjang))
        keterampilan = t.opsional("keterampilan", lambda k: t.kode(k, Jenjang))
        for kategori, j in ((KategoriJF.KEAHLIAN, keahlian), (KategoriJF.KETERAMPILAN, keterampilan)):
            if j is not None and j.kategori is not kategori:
                raise t.galat_nilai(kategori.value, f"berisi '{j.value}', bukan jenjang {kategori.label.lower()}.")
        if keahlian is None and keterampilan is None:
            raise t.asal.galat(t.jalur, f"aturan '{t.jalur}' harus memuat 'keahlian' dan/atau 'keterampilan'.")
        return SyaratJenjang(keahlian, keterampilan, r)

    return _aturan(t, bangun)


def _kriteria(t: _Tabel) -> Kriteria:
    def opsi(kunci: str, baca):
        return t.opsional(kunci, lambda k: baca(t.tabel(k)))

    hasil = Kriteria(
        jenjang_minimum=opsi("jenjang_minimum", _jenjang),
        jenjang_diutamakan=opsi("jenjang_diutamakan", _jenjang),
        pendidikan_minimum=opsi("pendidikan_minimum", lambda s: _aturan(
            s, lambda s, r: SyaratPendidikan(s.kode("tingkat", Pendidikan), r))),
        pendidikan_diutamakan=opsi("pendidikan_diutamakan", lambda s: _aturan(
            s, lambda s, r: SyaratPendidikan(s.kode("tingkat", Pendidikan), r))),
        kinerja=opsi("kinerja", lambda s: _aturan(
            s, lambda s, r: SyaratKinerja(s.kode("predikat_minimum", PredikatKinerja), s.bilangan("tahun"), r))),
        diutamakan=opsi("diutamakan", lambda s: _aturan(s, lambda s, r: Diutamakan(
            *(s.opsional(k, s.benar, False) for k in ("pns", "hasil_penyetaraan", "pengalaman_manajerial",
                                                      "jenjang_tertinggi")), r))),
        kompetensi=opsi("kompetensi", _ketentuan),
        asal_unit=opsi("asal_unit", _ketentuan),
        pelaksana=opsi("pelaksana", lambda s: _aturan(s, lambda s, r: SyaratPelaksana(
            s.bilangan("kelas_jabatan"), s.kode("golongan_minimum", Golongan), s.bilangan("turun_kelas"), r))),
        pengusulan=opsi("pengusulan", lambda s: _aturan(
            s, lambda s, r: Pengusulan(s.bilangan("calon_minimum"), s.teks("rekomendasi"), r))),
    )
    t.selesai()
    return hasil


def _rute(t: _Tabel) -> Rute:
    return _aturan(t, lambda t, r: Rute(
        kepada=t.kode("kepada", Pihak), sebutan=t.teks("sebutan"), tertulis=t.benar("tertulis"),
        tembusan=t.opsional("tembusan", t.teks_daftar, ()), rujukan=r,
    ))


def _persetujuan(t: _Tabel) -> Persetujuan:
    hasil = Persetujuan(
        **{k: _rute(t.tabel(k)) for k in (
            "penunjukan_dalam_unit", "penunjukan_lintas_unit", "penunjukan_lintas_instansi",
            "sukarela_dalam_unit", "sukarela_lintas_unit",
        )},
        isi_permohonan=_aturan(t.tabel("isi_permohonan"), lambda s, r: IsiPermohonan(s.teks_daftar("butir"), r)),
    )
    t.selesai()
    return hasil


def _bentuk_tim(t: _Tabel) -> BentukTimProfil:
    bulan = {k: t.opsional(k, t.bilangan) for k in ("lebih_dari_bulan", "kurang_dari_bulan", "paling_lama_bulan")}
    return _aturan(t, lambda t, r: BentukTimProfil(t.kode("kode", BentukTim), t.teks("sebutan"), r, **bulan))


def _penetapan(t: _Tabel) -> Penetapan:
    return _aturan(t, lambda t, r: Penetapan(
        objek=t.kode("objek", ObjekPenetapan), naskah=t.kode("naskah", Naskah),
        sebutan=t.teks("sebutan"), penetap=t.teks("penetap"), rujukan=r,
        lingkup=t.opsional("lingkup", lambda k: t.kode_daftar(k, LingkupPenugasan), ()),
        pembentukan=t.opsional("pembentukan", lambda k: t.kode_daftar(k, JenisPembentukan), ()),
        bentuk=t.opsional("bentuk", lambda k: t.kode_daftar(k, BentukTim), ()),
    ))


_KUNCI_MINIMUM = ("pelaksana",) + KategoriJF.kode_semua() + Jenjang.kode_semua()
_SASARAN_PPK = ("pelaksana", "fungsional") + KategoriJF.kode_semua() + Jenjang.kode_semua()


def _ppk(t: _Tabel) -> AturanPPK:
    minimum_t = t.tabel("minimum")
    minimum = {}
    for kunci in minimum_t.kunci():
        if kunci not in _KUNCI_MINIMUM:
            raise minimum_t.galat_nilai(kunci, f"tidak dikenal; kunci yang sah: {', '.join(_KUNCI_MINIMUM)}.")
        minimum[kunci] = _aturan(minimum_t.tabel(kunci), lambda s, r: AturanMinimum(s.kode("jenis", JenisJabatan), r))
    for wajib in ("pelaksana",) + KategoriJF.kode_semua():
        if wajib not in minimum:
            raise minimum_t.galat_wajib(wajib)

    def unit(s: _Tabel) -> AturanUnitPPK:
        berlaku = s.teks_daftar("berlaku")
        if not berlaku:
            raise s.galat_nilai("berlaku", "tidak boleh kosong.")
        for i, kode in enumerate(berlaku):
            if kode not in _SASARAN_PPK:
                jalur = f"{s.jalur_ke('berlaku')}[{i}]"
                raise s.asal.galat(jalur, f"kunci '{jalur}' berisi '{kode}', bukan salah satu dari: "
                                   f"{', '.join(_SASARAN_PPK)}.")
        return _aturan(s, lambda s, r: AturanUnitPPK(
            s.kode("jenis_unit", JenisUnit), frozenset(berlaku), r,
            s.opsional("dalam", lambda k: s.kode_daftar(k, JenisUnit), ()),
        ))

    hasil = AturanPPK(
        atasan_langsung=_ketentuan(t.tabel("atasan_langsung")),
        unit_mandiri=_ketentuan(t.tabel("unit_mandiri")),
        pendelegasian=_ketentuan(t.tabel("pendelegasian")),
        minimum=MappingProxyType(minimum),
        unit=tuple(unit(s) for s in t.opsional("unit", t.daftar_tabel, [])),
    )
    t.selesai()
    return hasil


def _reviu(t: _Tabel) -> dict[str, AlurReviu]:
    sah = (KUNCI_REVIU_BAWAAN,) + JenisUnit.kode_semua()

    def langkah(s: _Tabel) -> LangkahReviu:
        hasil = LangkahReviu(
            sebutan=s.teks("sebutan"),
            unit=s.opsional("unit", lambda k: s.kode_daftar(k, JenisUnit), ()),
            naik=s.opsional("naik", s.bilangan),
        )
        if bool(hasil.unit) == (hasil.naik is not None):
            raise s.asal.galat(s.jalur, f"langkah '{s.jalur}' harus memuat tepat salah satu dari 'unit' atau 'naik'.")
        s.selesai()
        return hasil

    hasil = {}
    for kunci in t.kunci():
        if kunci not in sah:
            raise t.galat_nilai(kunci, "tidak dikenal; kunci yang sah: "
                                f"{KUNCI_REVIU_BAWAAN} atau jenis unit ({', '.join(JenisUnit.kode_semua())}).")
        hasil[kunci] = _aturan(t.tabel(kunci), lambda s, r: AlurReviu(
            tuple(langkah(x) for x in s.daftar_tabel("langkah")), r))
        if not hasil[kunci].langkah:
            raise t.asal.galat(t.jalur_ke(kunci), f"alur '{t.jalur_ke(kunci)}' tidak memuat satu pun langkah reviu.")
    if KUNCI_REVIU_BAWAAN not in hasil:
        raise t.galat_wajib(KUNCI_REVIU_BAWAAN)
    return hasil


def _bangun(nama: str, akar: _Tabel) -> Profil:
    kepala = akar.tabel("profil")
    nama_pendek, judul, singkatan, kepala_daerah = (
        kepala.teks(k) for k in ("nama_pendek", "judul", "singkatan", "kepala_daerah"))
    kepala.selesai()

    istilah_t = akar.tabel("istilah")
    for wajib in ISTILAH_WAJIB:
        if not istilah_t.ada(wajib):
            raise istilah_t.galat_wajib(wajib)
    istilah = {
        k: _aturan(istilah_t.tabel(k), lambda s, r: Istilah(s.teks("teks"), r)) for k in istilah_t.kunci()
    }

    peran_t = akar.tabel("peran")
    peran = {}
    for k in peran_t.kunci():
        kode = peran_t.cocok_kode(k, peran_t.jalur_ke(k), PeranTim)
        peran[kode] = _aturan(peran_t.tabel(k), lambda s, r: Peran(
            kode, s.teks("sebutan"), r, s.opsional("keterangan", s.teks, "")))
    for wajib in (PeranTim.KETUA, PeranTim.ANGGOTA):
        if wajib not in peran:
            raise peran_t.galat_wajib(wajib.value)

    kriteria_t = akar.opsional("kriteria", akar.tabel)
    kriteria = {}
    for k in kriteria_t.kunci() if kriteria_t else ():
        kode = kriteria_t.cocok_kode(k, kriteria_t.jalur_ke(k), PeranTim)
        if kode not in peran:
            raise akar.asal.galat(
                kriteria_t.jalur_ke(k), f"kriteria '{kriteria_t.jalur_ke(k)}' untuk peran yang tidak ada di 'peran'.")
        kriteria[kode] = _kriteria(kriteria_t.tabel(k))

    rangkap_t = akar.tabel("rangkap")
    rangkap = Rangkap(
        anggota=_aturan(rangkap_t.tabel("anggota"), lambda s, r: Izin(s.benar("boleh"), r)),
        pimpinan_tim=rangkap_t.opsional("pimpinan_tim", lambda k: _aturan(rangkap_t.tabel(k), lambda s, r: BatasRangkap(
            s.bilangan("maks"), frozenset(s.kode_daftar("peran", PeranTim)), r))),
    )
    rangkap_t.selesai()

    bentuk_tim = tuple(_bentuk_tim(s) for s in akar.daftar_tabel("bentuk_tim"))
    penetapan = tuple(_penetapan(s) for s in akar.daftar_tabel("penetapan"))
    for kunci, isi in (("bentuk_tim", bentuk_tim), ("penetapan", penetapan)):
        if not isi:
            raise akar.asal.galat(kunci, f"daftar '{kunci}' tidak boleh kosong.")

    profil = Profil(
        nama=nama, nama_pendek=nama_pendek, judul=judul, singkatan=singkatan, kepala_daerah=kepala_daerah,
        istilah=MappingProxyType(istilah),
        peran=MappingProxyType({k: peran[k] for k in PeranTim if k in peran}),  # order of PeranTim
        kriteria=MappingProxyType({k: kriteria[k] for k in PeranTim if k in kriteria}),
        rangkap=rangkap,
        persetujuan=_persetujuan(akar.tabel("persetujuan")),
        bentuk_tim=bentuk_tim,
        penetapan=penetapan,
        ppk=_ppk(akar.tabel("ppk")),
        reviu=MappingProxyType(_reviu(akar.tabel("reviu"))),
    )
    akar.selesai()
    return profil
