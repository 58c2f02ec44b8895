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
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar, overload

from sistemkerja_tui.aturan.enums import (
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
from sistemkerja_tui.aturan.profil_model import (
    ISTILAH_WAJIB,
    KUNCI_REVIU_BAWAAN,
    KUNCI_TAHAPAN_BAWAAN,
    LANGKAH_PENUGASAN,
    PROFIL_DASAR,
    AlurReviu,
    AturanMinimum,
    AturanPPK,
    AturanUnitPPK,
    BatasRangkap,
    BentukTimProfil,
    DialogKinerja,
    Diutamakan,
    IsiPermohonan,
    Istilah,
    Izin,
    Ketentuan,
    Kriteria,
    LangkahPersetujuan,
    LangkahReviu,
    LangkahTahap,
    LaranganPembentuk,
    Naskah,
    ObjekPenetapan,
    Penetapan,
    Pengganti,
    Pengusulan,
    Peran,
    Persetujuan,
    Pihak,
    Profil,
    ProfilTidakSah,
    Rangkap,
    Rute,
    SyaratAsalUnit,
    SyaratJenisJabatan,
    SyaratJenjang,
    SyaratKinerja,
    SyaratPelaksana,
    SyaratPendidikan,
    SyaratUnit,
    Tahapan,
    WaktuUsulan,
)
from sistemkerja_tui.paths import resource_dir

# The profile's public types are re-exported: callers import them from here, next to `muat_profil`.
__all__ = [
    "ISTILAH_WAJIB",
    "KUNCI_REVIU_BAWAAN",
    "KUNCI_TAHAPAN_BAWAAN",
    "LANGKAH_PENUGASAN",
    "PROFIL_DASAR",
    "AlurReviu",
    "AturanMinimum",
    "AturanPPK",
    "AturanUnitPPK",
    "BatasRangkap",
    "BentukTimProfil",
    "DialogKinerja",
    "Diutamakan",
    "IsiPermohonan",
    "Istilah",
    "Izin",
    "Ketentuan",
    "Kriteria",
    "LangkahPersetujuan",
    "LangkahReviu",
    "LangkahTahap",
    "LaranganPembentuk",
    "Naskah",
    "ObjekPenetapan",
    "Penetapan",
    "Pengganti",
    "Pengusulan",
    "Peran",
    "Persetujuan",
    "Pihak",
    "Profil",
    "ProfilTidakSah",
    "Rangkap",
    "Rute",
    "SyaratAsalUnit",
    "SyaratJenisJabatan",
    "SyaratJenjang",
    "SyaratKinerja",
    "SyaratPelaksana",
    "SyaratPendidikan",
    "SyaratUnit",
    "Tahapan",
    "WaktuUsulan",
    "daftar_profil",
    "muat_profil",
]

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
        if not isinstance(nilai, dict) and jalur in asal:  # subpaths exist only under a path already set
            for lama in [j for j in asal if j.startswith((jalur + ".", jalur + "["))]:
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
    Jenjang: "jenjang",
    JenisJabatan: "jenis jabatan",
    JenisUnit: "jenis unit",
    Pendidikan: "pendidikan",
    Golongan: "golongan",
    PredikatKinerja: "predikat kinerja",
    PeranTim: "peran tim",
    LingkupPenugasan: "lingkup penugasan",
    BentukTim: "bentuk tim",
    JenisPembentukan: "jenis pembentukan",
    Naskah: "jenis naskah",
    ObjekPenetapan: "objek penetapan",
    Pihak: "pihak",
    SasaranTim: "sasaran tim",
}
_NAMA_TIPE = {
    str: "teks",
    int: "bilangan bulat",
    float: "bilangan pecahan",
    bool: "true/false",
    dict: "tabel",
    list: "daftar",
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
        nilai: str = self._ambil(kunci, str).strip()
        if not nilai:
            raise self.galat_nilai(kunci, "tidak boleh kosong.")
        return nilai

    def bilangan(self, kunci: str) -> int:
        nilai: int = self._ambil(kunci, int)
        if nilai < 0:
            raise self.galat_nilai(kunci, f"tidak boleh negatif ({nilai}).")
        return nilai

    def benar(self, kunci: str) -> bool:
        nilai: bool = self._ambil(kunci, bool)
        return nilai

    @overload
    def opsional(self, kunci: str, baca: Callable[[str], _T]) -> _T | None: ...
    @overload
    def opsional(self, kunci: str, baca: Callable[[str], _T], bawaan: _T) -> _T: ...
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
        return tuple(self._cek_teks(v, f"{self.jalur_ke(kunci)}[{i}]") for i, v in enumerate(self._ambil(kunci, list)))

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


def _jenis_jabatan(t: _Tabel) -> SyaratJenisJabatan:
    def bangun(t: _Tabel, r: str) -> SyaratJenisJabatan:
        jenis = t.kode_daftar("jenis", JenisJabatan)
        if not jenis:
            raise t.galat_nilai("jenis", "tidak boleh kosong.")
        return SyaratJenisJabatan(jenis, r)

    return _aturan(t, bangun)


def _larangan_pembentuk(t: _Tabel) -> LaranganPembentuk:
    return _aturan(
        t,
        lambda t, r: LaranganPembentuk(
            jenis=t.kode("jenis", JenisJabatan),
            ketua_substansi=t.benar("ketua_substansi"),
            uraian=t.teks("uraian"),
            rujukan=r,
            sasaran=t.opsional("sasaran", lambda k: t.kode_daftar(k, SasaranTim), ()),
        ),
    )


def _kriteria(t: _Tabel) -> Kriteria:
    def opsi(kunci: str, baca: Callable[[_Tabel], _T]) -> _T | None:
        return t.opsional(kunci, lambda k: baca(t.tabel(k)))

    hasil = Kriteria(
        jenjang_minimum=opsi("jenjang_minimum", _jenjang),
        jenjang_diutamakan=opsi("jenjang_diutamakan", _jenjang),
        pendidikan_minimum=opsi(
            "pendidikan_minimum", lambda s: _aturan(s, lambda s, r: SyaratPendidikan(s.kode("tingkat", Pendidikan), r))
        ),
        pendidikan_diutamakan=opsi(
            "pendidikan_diutamakan",
            lambda s: _aturan(s, lambda s, r: SyaratPendidikan(s.kode("tingkat", Pendidikan), r)),
        ),
        kinerja=opsi(
            "kinerja",
            lambda s: _aturan(
                s, lambda s, r: SyaratKinerja(s.kode("predikat_minimum", PredikatKinerja), s.bilangan("tahun"), r)
            ),
        ),
        diutamakan=opsi(
            "diutamakan",
            lambda s: _aturan(
                s,
                lambda s, r: Diutamakan(
                    pns=s.opsional("pns", s.benar, False),
                    hasil_penyetaraan=s.opsional("hasil_penyetaraan", s.benar, False),
                    pengalaman_manajerial=s.opsional("pengalaman_manajerial", s.benar, False),
                    jenjang_tertinggi=s.opsional("jenjang_tertinggi", s.benar, False),
                    rujukan=r,
                ),
            ),
        ),
        kompetensi=opsi("kompetensi", _ketentuan),
        asal_unit=opsi(
            "asal_unit",
            lambda s: _aturan(s, lambda s, r: SyaratAsalUnit(s.teks("uraian"), r, s.opsional("wajib", s.benar, False))),
        ),
        pelaksana=opsi(
            "pelaksana",
            lambda s: _aturan(
                s,
                lambda s, r: SyaratPelaksana(
                    s.bilangan("kelas_jabatan"), s.kode("golongan_minimum", Golongan), s.bilangan("turun_kelas"), r
                ),
            ),
        ),
        pengusulan=opsi(
            "pengusulan",
            lambda s: _aturan(s, lambda s, r: Pengusulan(s.bilangan("calon_minimum"), s.teks("rekomendasi"), r)),
        ),
        jenis_jabatan=opsi("jenis_jabatan", _jenis_jabatan),
        unit=opsi(
            "unit",
            lambda s: _aturan(
                s,
                lambda s, r: SyaratUnit(
                    jenis=s.kode_daftar("jenis", JenisUnit),
                    uraian=s.teks("uraian"),
                    rujukan=r,
                    satu_tingkat=s.opsional("satu_tingkat", s.benar, False),
                    tingkat_kedua=s.opsional("tingkat_kedua", lambda k: s.kode_daftar(k, JenisUnit), ()),
                ),
            ),
        ),
        pengganti=opsi(
            "pengganti",
            lambda s: _aturan(s, lambda s, r: Pengganti(s.kode_daftar("jenis", JenisJabatan), s.teks("uraian"), r)),
        ),
        waktu_usulan=opsi(
            "waktu_usulan",
            lambda s: _aturan(s, lambda s, r: WaktuUsulan(s.bilangan("bulan_akhir_tahun"), s.teks("uraian"), r)),
        ),
    )
    t.selesai()
    return hasil


def _langkah_persetujuan(t: _Tabel) -> LangkahPersetujuan:
    return _aturan(
        t,
        lambda t, r: LangkahPersetujuan(
            pihak=t.kode("pihak", Pihak),
            sebutan=t.teks("sebutan"),
            rujukan=r,
            uraian=t.opsional("uraian", t.teks, ""),
            wajib_jawaban_ketersediaan=t.opsional("wajib_jawaban_ketersediaan", t.benar, False),
        ),
    )


def _rute(t: _Tabel, nama: str) -> Rute:
    """One route; only a penunjukan dalam unit may take effect without approval (empty `langkah`)."""
    rute = _aturan(
        t,
        lambda t, r: Rute(
            kepada=t.kode("kepada", Pihak),
            sebutan=t.teks("sebutan"),
            tertulis=t.benar("tertulis"),
            tembusan=t.opsional("tembusan", t.teks_daftar, ()),
            rujukan=r,
            langkah=tuple(_langkah_persetujuan(s) for s in t.daftar_tabel("langkah")),
        ),
    )
    jalur = t.jalur_ke("langkah")
    if not rute.langkah:
        if nama != "penunjukan_dalam_unit":
            raise t.asal.galat(jalur, f"rute '{t.jalur}' tidak memuat satu pun langkah persetujuan.")
        return rute
    if rute.langkah[0].pihak is not rute.kepada:
        raise t.asal.galat(
            f"{jalur}[0]",
            (
                f"langkah '{jalur}[0]' diputus oleh '{rute.langkah[0].pihak.value}', padahal permohonan ditujukan "
                f"kepada '{rute.kepada.value}' (kunci '{t.jalur_ke('kepada')}')."
            ),
        )
    if nama == "penunjukan_lintas_instansi" and not rute.langkah[-1].wajib_jawaban_ketersediaan:
        akhir = f"{jalur}[{len(rute.langkah) - 1}]"
        raise t.asal.galat(
            akhir,
            (
                f"langkah terakhir '{akhir}' harus memuat 'wajib_jawaban_ketersediaan = true' "
                "(jawaban ketersediaan beserta daftar pegawai yang ditugaskan)."
            ),
        )
    return rute


def _persetujuan(t: _Tabel) -> Persetujuan:
    hasil = Persetujuan(
        **{
            k: _rute(t.tabel(k), k)
            for k in (
                "penunjukan_dalam_unit",
                "penunjukan_lintas_unit",
                "penunjukan_lintas_instansi",
                "sukarela_dalam_unit",
                "sukarela_lintas_unit",
            )
        },
        isi_permohonan=_aturan(t.tabel("isi_permohonan"), lambda s, r: IsiPermohonan(s.teks_daftar("butir"), r)),
    )
    t.selesai()
    return hasil


def _bentuk_tim(t: _Tabel) -> BentukTimProfil:
    bulan = {k: t.opsional(k, t.bilangan) for k in ("lebih_dari_bulan", "kurang_dari_bulan", "paling_lama_bulan")}
    return _aturan(t, lambda t, r: BentukTimProfil(t.kode("kode", BentukTim), t.teks("sebutan"), r, **bulan))


def _penetapan(t: _Tabel) -> Penetapan:
    return _aturan(
        t,
        lambda t, r: Penetapan(
            objek=t.kode("objek", ObjekPenetapan),
            naskah=t.kode("naskah", Naskah),
            sebutan=t.teks("sebutan"),
            penetap=t.teks("penetap"),
            rujukan=r,
            lingkup=t.opsional("lingkup", lambda k: t.kode_daftar(k, LingkupPenugasan), ()),
            pembentukan=t.opsional("pembentukan", lambda k: t.kode_daftar(k, JenisPembentukan), ()),
            bentuk=t.opsional("bentuk", lambda k: t.kode_daftar(k, BentukTim), ()),
        ),
    )


_KUNCI_MINIMUM = ("pelaksana", *KategoriJF.kode_semua(), *Jenjang.kode_semua())
_SASARAN_PPK = ("pelaksana", "fungsional", *KategoriJF.kode_semua(), *Jenjang.kode_semua())


def _ppk(t: _Tabel) -> AturanPPK:
    minimum_t = t.tabel("minimum")
    minimum = {}
    for kunci in minimum_t.kunci():
        if kunci not in _KUNCI_MINIMUM:
            raise minimum_t.galat_nilai(kunci, f"tidak dikenal; kunci yang sah: {', '.join(_KUNCI_MINIMUM)}.")
        minimum[kunci] = _aturan(minimum_t.tabel(kunci), lambda s, r: AturanMinimum(s.kode("jenis", JenisJabatan), r))
    for wajib in ("pelaksana", *KategoriJF.kode_semua()):
        if wajib not in minimum:
            raise minimum_t.galat_wajib(wajib)

    def unit(s: _Tabel) -> AturanUnitPPK:
        berlaku = s.teks_daftar("berlaku")
        if not berlaku:
            raise s.galat_nilai("berlaku", "tidak boleh kosong.")
        for i, kode in enumerate(berlaku):
            if kode not in _SASARAN_PPK:
                jalur = f"{s.jalur_ke('berlaku')}[{i}]"
                raise s.asal.galat(
                    jalur, f"kunci '{jalur}' berisi '{kode}', bukan salah satu dari: {', '.join(_SASARAN_PPK)}."
                )
        return _aturan(
            s,
            lambda s, r: AturanUnitPPK(
                s.kode("jenis_unit", JenisUnit),
                frozenset(berlaku),
                r,
                s.opsional("dalam", lambda k: s.kode_daftar(k, JenisUnit), ()),
            ),
        )

    hasil = AturanPPK(
        atasan_langsung=_ketentuan(t.tabel("atasan_langsung")),
        unit_mandiri=_ketentuan(t.tabel("unit_mandiri")),
        pendelegasian=_ketentuan(t.tabel("pendelegasian")),
        minimum=MappingProxyType(minimum),
        unit=tuple(unit(s) for s in t.opsional("unit", t.daftar_tabel) or ()),
    )
    t.selesai()
    return hasil


def _reviu(t: _Tabel) -> dict[str, AlurReviu]:
    sah = (KUNCI_REVIU_BAWAAN, *JenisUnit.kode_semua())

    def langkah(s: _Tabel) -> LangkahReviu:
        hasil = LangkahReviu(
            sebutan=s.teks("sebutan"),
            unit=s.opsional("unit", lambda k: s.kode_daftar(k, JenisUnit), ()),
            naik=s.opsional("naik", s.bilangan),
            peran=s.opsional("peran", lambda k: s.kode(k, PeranTim)),
        )
        if [bool(hasil.unit), hasil.naik is not None, hasil.peran is not None].count(True) != 1:
            raise s.asal.galat(
                s.jalur, f"langkah '{s.jalur}' harus memuat tepat salah satu dari 'unit', 'naik' atau 'peran'."
            )
        s.selesai()
        return hasil

    hasil = {}
    for kunci in t.kunci():
        if kunci not in sah:
            raise t.galat_nilai(
                kunci,
                "tidak dikenal; kunci yang sah: "
                f"{KUNCI_REVIU_BAWAAN} atau jenis unit ({', '.join(JenisUnit.kode_semua())}).",
            )
        hasil[kunci] = _aturan(
            t.tabel(kunci),
            lambda s, r: AlurReviu(
                tuple(langkah(x) for x in s.daftar_tabel("langkah")),
                r,
                s.opsional("meliputi_subunit", lambda k: _ketentuan(s.tabel(k))),
            ),
        )
        if not hasil[kunci].langkah:
            raise t.asal.galat(t.jalur_ke(kunci), f"alur '{t.jalur_ke(kunci)}' tidak memuat satu pun langkah reviu.")
    if KUNCI_REVIU_BAWAAN not in hasil:
        raise t.galat_wajib(KUNCI_REVIU_BAWAAN)
    return hasil


_KUNCI_LANGKAH = re.compile(r"[a-z][a-z0-9_]*")
_KUNCI_LANGKAH_TERPAKAI = ("selesai",)  # and reviu_<n>: the machine's own sub-steps


def _langkah_tahap(x: _Tabel, rujukan: str, dipakai: set[str]) -> LangkahTahap:
    """One step of a tahapan; `rujukan` is the tahapan's, `dipakai` the keys its earlier steps took."""
    k = x.teks("kunci")
    if not _KUNCI_LANGKAH.fullmatch(k) or k in _KUNCI_LANGKAH_TERPAKAI or re.fullmatch(r"reviu_\d+", k):
        raise x.galat_nilai(
            "kunci",
            f"'{k}' tidak sah: huruf kecil, angka dan garis bawah, diawali huruf; "
            "'selesai' dan 'reviu_<n>' dipakai mesin tahapan.",
        )
    if k in dipakai:
        raise x.galat_nilai("kunci", f"'{k}' sudah dipakai langkah lain pada tahapan ini.")
    dipakai.add(k)
    hasil = LangkahTahap(k, x.teks("label"), x.teks("pelaku"), x.opsional("rujukan", x.teks, rujukan))
    x.selesai()
    return hasil


def _tahapan(t: _Tabel) -> dict[str, Tahapan]:
    """`[tahapan.<jenis unit>]`: perencanaan and pelaksanaan steps (kunci, label, pelaku, optional
    rujukan of the step), `kembali` (the pelaksanaan step a returned kegiatan resumes at)."""
    sah = (KUNCI_TAHAPAN_BAWAAN, *JenisUnit.kode_semua())
    hasil = {}
    for kunci in t.kunci():
        if kunci not in sah:
            raise t.galat_nilai(
                kunci,
                "tidak dikenal; kunci yang sah: "
                f"{KUNCI_TAHAPAN_BAWAAN} atau jenis unit ({', '.join(JenisUnit.kode_semua())}).",
            )
        s = t.tabel(kunci)
        rujukan = s.rujukan()
        dipakai: set[str] = set()
        bagian = {}
        for tahap in ("perencanaan", "pelaksanaan"):
            bagian[tahap] = tuple(_langkah_tahap(x, rujukan, dipakai) for x in s.daftar_tabel(tahap))
            if not bagian[tahap]:
                raise s.galat_nilai(tahap, "tidak boleh kosong.")
        if LANGKAH_PENUGASAN not in {x.kunci for x in bagian["perencanaan"]}:
            raise s.galat_nilai(
                "perencanaan",
                f"wajib memuat langkah berkunci '{LANGKAH_PENUGASAN}' (penugasan individu dimulai di langkah itu).",
            )
        bisa_kembali = [x.kunci for x in bagian["pelaksanaan"][:-1]] or [bagian["pelaksanaan"][0].kunci]
        kembali = s.opsional("kembali", s.teks, bisa_kembali[-1])
        if kembali not in bisa_kembali:
            raise s.galat_nilai(
                "kembali",
                f"berisi '{kembali}', bukan langkah pelaksanaan sebelum penyampaian hasil ({', '.join(bisa_kembali)}).",
            )
        s.selesai()
        hasil[kunci] = Tahapan(bagian["perencanaan"], bagian["pelaksanaan"], kembali, rujukan)
    if KUNCI_TAHAPAN_BAWAAN not in hasil:
        raise t.galat_wajib(KUNCI_TAHAPAN_BAWAAN)
    return hasil


KUNCI_DIALOG = "dialog_kinerja"


def _dialog_kinerja(t: _Tabel) -> DialogKinerja:
    return _aturan(
        t,
        lambda t, r: DialogKinerja(
            setelah=t.teks("setelah"),
            label=t.teks("label"),
            pelaku=t.teks("pelaku"),
            uraian=t.teks("uraian"),
            catatan=t.opsional("catatan", t.teks, ""),
            rujukan=r,
        ),
    )


def _sisipkan_dialog(tahapan: Tahapan, dialog: DialogKinerja, asal: _Asal) -> Tahapan:
    """The tahapan with the dialog kinerja step right after its perencanaan step `dialog.setelah`."""
    kunci = [x.kunci for x in tahapan.perencanaan]
    if dialog.setelah not in kunci:
        raise asal.galat(
            "dialog_kinerja.setelah",
            f"kunci 'dialog_kinerja.setelah' berisi '{dialog.setelah}', bukan langkah perencanaan setiap tahapan "
            f"(mis. '{LANGKAH_PENUGASAN}').",
        )
    if KUNCI_DIALOG in kunci or KUNCI_DIALOG in {x.kunci for x in tahapan.pelaksanaan}:
        raise asal.galat("dialog_kinerja", f"langkah '{KUNCI_DIALOG}' sudah ada pada tahapan; hapus salah satunya.")
    i = kunci.index(dialog.setelah) + 1
    langkah = LangkahTahap(KUNCI_DIALOG, dialog.label, dialog.pelaku, dialog.rujukan)
    return Tahapan(
        (*tahapan.perencanaan[:i], langkah, *tahapan.perencanaan[i:]),
        tahapan.pelaksanaan,
        tahapan.kembali,
        tahapan.rujukan,
    )


def _peran(kode: PeranTim, s: _Tabel, r: str) -> Peran:
    return Peran(kode, s.teks("sebutan"), r, s.opsional("keterangan", s.teks, ""))


def _bangun(nama: str, akar: _Tabel) -> Profil:
    kepala = akar.tabel("profil")
    nama_pendek, judul, singkatan, kepala_daerah = (
        kepala.teks(k) for k in ("nama_pendek", "judul", "singkatan", "kepala_daerah")
    )
    kepala.selesai()

    istilah_t = akar.tabel("istilah")
    for wajib in ISTILAH_WAJIB:
        if not istilah_t.ada(wajib):
            raise istilah_t.galat_wajib(wajib)
    istilah = {k: _aturan(istilah_t.tabel(k), lambda s, r: Istilah(s.teks("teks"), r)) for k in istilah_t.kunci()}

    peran_t = akar.tabel("peran")
    peran = {}
    for k in peran_t.kunci():
        kode = peran_t.cocok_kode(k, peran_t.jalur_ke(k), PeranTim)
        peran[kode] = _aturan(peran_t.tabel(k), partial(_peran, kode))
    for wajib in (PeranTim.KETUA, PeranTim.ANGGOTA):
        if wajib not in peran:
            raise peran_t.galat_wajib(wajib.value)

    kriteria_t = akar.opsional("kriteria", akar.tabel)
    kriteria: dict[PeranTim, Kriteria] = {}
    if kriteria_t is not None:
        for k in kriteria_t.kunci():
            kode = kriteria_t.cocok_kode(k, kriteria_t.jalur_ke(k), PeranTim)
            if kode not in peran:
                raise akar.asal.galat(
                    kriteria_t.jalur_ke(k),
                    f"kriteria '{kriteria_t.jalur_ke(k)}' untuk peran yang tidak ada di 'peran'.",
                )
            kriteria[kode] = _kriteria(kriteria_t.tabel(k))

    rangkap_t = akar.tabel("rangkap")
    rangkap = Rangkap(
        anggota=_aturan(rangkap_t.tabel("anggota"), lambda s, r: Izin(s.benar("boleh"), r)),
        pimpinan_tim=rangkap_t.opsional(
            "pimpinan_tim",
            lambda k: _aturan(
                rangkap_t.tabel(k),
                lambda s, r: BatasRangkap(
                    s.bilangan("maks"),
                    frozenset(s.kode_daftar("peran", PeranTim)),
                    r,
                    s.opsional("bentuk", lambda k: s.kode_daftar(k, BentukTim), ()),
                ),
            ),
        ),
    )
    rangkap_t.selesai()

    bentuk_tim = tuple(_bentuk_tim(s) for s in akar.daftar_tabel("bentuk_tim"))
    penetapan = tuple(_penetapan(s) for s in akar.daftar_tabel("penetapan"))
    for kunci, isi in (("bentuk_tim", bentuk_tim), ("penetapan", penetapan)):
        if not isi:
            raise akar.asal.galat(kunci, f"daftar '{kunci}' tidak boleh kosong.")

    pembentukan_t = akar.opsional("pembentukan", akar.tabel)
    pembentukan: dict[JenisPembentukan, Ketentuan] = {}
    if pembentukan_t is not None:
        for k in pembentukan_t.kunci():
            jenis = pembentukan_t.cocok_kode(k, pembentukan_t.jalur_ke(k), JenisPembentukan)
            pembentukan[jenis] = _ketentuan(pembentukan_t.tabel(k))
    larangan_pembentuk = tuple(
        _larangan_pembentuk(s) for s in akar.opsional("larangan_pembentuk", akar.daftar_tabel) or ()
    )
    dialog = akar.opsional("dialog_kinerja", lambda k: _dialog_kinerja(akar.tabel(k)))
    tahapan = _tahapan(akar.tabel("tahapan"))
    if dialog is not None:
        tahapan = {k: _sisipkan_dialog(t, dialog, akar.asal) for k, t in tahapan.items()}

    profil = Profil(
        nama=nama,
        nama_pendek=nama_pendek,
        judul=judul,
        singkatan=singkatan,
        kepala_daerah=kepala_daerah,
        istilah=MappingProxyType(istilah),
        peran=MappingProxyType({k: peran[k] for k in PeranTim if k in peran}),  # order of PeranTim
        kriteria=MappingProxyType({k: kriteria[k] for k in PeranTim if k in kriteria}),
        rangkap=rangkap,
        persetujuan=_persetujuan(akar.tabel("persetujuan")),
        bentuk_tim=bentuk_tim,
        penetapan=penetapan,
        ppk=_ppk(akar.tabel("ppk")),
        reviu=MappingProxyType(_reviu(akar.tabel("reviu"))),
        tahapan=MappingProxyType(tahapan),
        pembentukan=MappingProxyType({k: pembentukan[k] for k in JenisPembentukan if k in pembentukan}),
        larangan_pembentuk=larangan_pembentuk,
        dialog_kinerja=dialog,
    )
    akar.selesai()
    return profil
