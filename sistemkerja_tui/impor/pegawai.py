"""Reading a pegawai file: the SIASN "Export Data ASN", an e-Kinerja export, a DUK/nominatif spreadsheet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from threading import Event
from typing import Any, TypeVar

from sistemkerja_tui.aturan.enums import JenisJabatan, Jenjang, Pendidikan, StatusASN
from sistemkerja_tui.impor import kolom, nilai
from sistemkerja_tui.impor._baris import Baris, baca
from sistemkerja_tui.impor.berkas import Kemajuan, Sel
from sistemkerja_tui.impor.model import BarisPegawai, HasilBaca

H = TypeVar("H")

# Which file fields feed which BarisPegawai field (for `bidang_berkas`).
_SUMBER = {
    "golongan": ("golongan", "golongan_id", "pangkat"),
    "status_asn": ("jenis_pegawai", "status_cpns", "golongan", "golongan_id", "pangkat"),
    "pendidikan": ("pendidikan", "pendidikan_id"),
    "gelar_depan": ("gelar_depan", "nama"),
    "gelar_belakang": ("gelar_belakang", "nama"),
    "tanggal_lahir": ("tanggal_lahir", "nip"),
    "jenis_jabatan": ("nama_jabatan",),
    "jenjang": ("nama_jabatan",),
    "nama_jf": ("nama_jabatan",),
    **{b: (b,) for b in ("nip", "nama", "nama_jabatan", "pns_id", "unit_sumber_id", "unit_nama")},
    **{b: (b,) for b in ("unit_induk_nama", "atasan_nip")},
}


@cache
def _dari_berkas(
    kolom_berkas: frozenset[str], ada_pendidikan: bool, ada_golongan: bool, ada_status: bool
) -> frozenset[str]:
    """The BarisPegawai fields a row of a file with these mapped fields gives (one frozenset per kind of row):
    without its own pendidikan, golongan or status, those are guesses an update must not write."""
    bidang = {f for f, sumber in _SUMBER.items() if not kolom_berkas.isdisjoint(sumber)}
    for ada, f in ((ada_pendidikan, "pendidikan"), (ada_golongan, "golongan"), (ada_status, "status_asn")):
        if not ada:
            bidang.discard(f)
    return frozenset(bidang)


# The cells a row's status, golongan, jabatan and pendidikan come from: a file repeats a few thousand
# combinations of them, so each is worked out once (`_kategori`), its refusals too.
_KATEGORI = (
    "jenis_pegawai",
    "status_cpns",
    "golongan",
    "golongan_id",
    "pangkat",
    "jenis_jabatan_id",
    "jenis_jabatan",
    "eselon",
    "pendidikan_id",
    "pendidikan",
)
_KOSONG = ("",) * len(_KATEGORI)  # `t`'s default for each
_Kategori = tuple[
    StatusASN | None, StatusASN | None, str, JenisJabatan, Jenjang | None, str, Pendidikan | None, list[tuple[str, str]]
]


class _Ubah:
    """The value conversions of one file, remembered (`nilai.ingat`, `kategori`)."""

    def __init__(self) -> None:
        self.kategori: dict[tuple[str, ...], _Kategori] = {}
        self.pendidikan_dari_gelar = nilai.ingat(nilai.pendidikan_dari_gelar)
        self.tanggal = nilai.ingat(nilai.tanggal)
        self.hari_ini = date.today()

    def tanggal_sel(self, sel: Sel, bidang: str) -> date | None:
        return self.tanggal(sel, bidang) if type(sel) is str else nilai.tanggal(sel, bidang)


def baca_pegawai(
    path: Path | str, *, kemajuan: Kemajuan | None = None, batal: Event | None = None
) -> HasilBaca[BarisPegawai]:
    """Every data row checked; a row with any refused value is in `ditolak`, not in `baris`.

    `kemajuan(n)` is called as rows are read. Raises `BerkasTidakTerbaca` when the file cannot be opened,
    `BacaDibatalkan` once `batal` is set.
    """
    sudah: dict[str, int] = {}  # NIP -> the row it was first seen in
    ubah = _Ubah()

    def satu(b: Baris) -> BarisPegawai | None:
        baris = _baris_pegawai(b, ubah)
        if baris is not None:
            if baris.nip in sudah:
                b.tolak("nip", f"NIP ini sudah ada di baris {sudah[baris.nip]}. Hapus salah satu baris.")
                return None
            sudah[baris.nip] = b.nomor
        return baris

    return baca(path, kolom.PEGAWAI, satu, kemajuan, batal)


class _Tolakan:
    """A row as `_kategori` sees it: the file's column names, and the refusals kept to be replayed on each row
    with the same cells."""

    def __init__(self, b: Baris) -> None:
        self.kolom = b.kolom
        self.ditolak: list[tuple[str, str]] = []

    def tolak(self, bidang: str, alasan: str) -> None:
        self.ditolak.append((bidang, alasan))

    def coba(self, bidang: str, cadangan: H, ubah: Callable[..., H], *args: Any) -> H:
        try:
            return ubah(*args)
        except ValueError as e:
            self.tolak(bidang, str(e))
            return cadangan


def _kategori(b: Baris, t: Callable[[str, str], str], nama_jabatan: str) -> _Kategori:
    """Status, golongan, jabatan and pendidikan of the row's cells (`_KATEGORI`), and their refusals."""
    c = _Tolakan(b)
    status, status_gol, gol = _status_golongan(c, t)
    jenis, jenjang, nama_jf = _jabatan(c, t, nama_jabatan)
    pendidikan_id = t("pendidikan_id", "")
    pendidikan = c.coba(
        "pendidikan_id" if pendidikan_id else "pendidikan", None, nilai.pendidikan, pendidikan_id, t("pendidikan", "")
    )
    return status, status_gol, gol, jenis, jenjang, nama_jf, pendidikan, c.ditolak


def _status_golongan(b: _Tolakan, t: Callable[[str, str], str]) -> tuple[StatusASN | None, StatusASN | None, str]:
    """The status the file says, the one its golongan implies, the golongan (the NIP decides when both are None)."""
    status = b.coba("jenis_pegawai", None, nilai.status_asn, t("jenis_pegawai", ""), t("status_cpns", ""))
    gol, status_gol = "", None
    bidang = next((f for f in ("golongan", "golongan_id", "pangkat") if t(f, "")), None)
    if bidang is not None:
        kosong: tuple[str, StatusASN | None] = ("", None)
        gol, status_gol = b.coba(bidang, kosong, nilai.golongan, t(bidang, ""))
    if bidang is not None and status is not None and status_gol is not None and status is not status_gol:
        contoh = "III/b" if status is StatusASN.PNS else "IX"
        b.tolak(
            bidang,
            f"Golongan '{gol}' adalah golongan {status_gol.label}, padahal jenis pegawainya {status.label}. "
            f"Perbaiki golongan (misalnya {contoh}) atau jenis pegawainya.",
        )
    return status, status_gol, gol


def _jabatan(b: _Tolakan, t: Callable[[str, str], str], nama_jabatan: str) -> tuple[JenisJabatan, Jenjang | None, str]:
    jenis_id = t("jenis_jabatan_id", "")
    bidang_jenis = "jenis_jabatan_id" if jenis_id else "jenis_jabatan"
    jenis = b.coba(
        bidang_jenis,
        JenisJabatan.PELAKSANA,
        nilai.jenis_jabatan,
        jenis_id,
        t("jenis_jabatan", ""),
        nama_jabatan,
        t("eselon", ""),
        b.kolom(bidang_jenis),
    )
    if jenis is not JenisJabatan.FUNGSIONAL:
        return jenis, None, ""
    nama_jf, jenjang = nilai.jenjang_jf(nama_jabatan)
    if jenjang is None and nama_jabatan:
        b.tolak(
            "nama_jabatan",
            f"'{nama_jabatan}' adalah jabatan fungsional, tetapi jenjangnya tidak tertulis. Tulis nama jabatan "
            "lengkap dengan jenjangnya, misalnya 'Perawat Ahli Pertama' atau 'Pranata Komputer Mahir'.",
        )
    return jenis, jenjang, nama_jf


def _gelar(t: Callable[[str, str], str]) -> tuple[str, str, str]:
    nama, depan, belakang = t("nama", ""), t("gelar_depan", ""), t("gelar_belakang", "")
    if not depan and not belakang:
        depan, nama, belakang = nilai.pisah_gelar(nama)
    return depan, " ".join(nama.split()), belakang


def _baris_pegawai(b: Baris, u: _Ubah) -> BarisPegawai | None:
    t = b.isi.get  # the row's cells as text; "" for a field the file has no column for
    nip = b.coba("nip", "", nilai.nip, b.sel("nip"), u.hari_ini)
    depan, nama, belakang = _gelar(t)
    if not nama:
        b.tolak("nama", "Nama kosong. Isikan nama pegawai.")
    nama_jabatan = " ".join(t("nama_jabatan", "").split())
    if not nama_jabatan:
        b.tolak("nama_jabatan", "Jabatan kosong. Isikan nama jabatan, misalnya 'Perawat Ahli Pertama'.")
    kunci = (nama_jabatan, *map(t, _KATEGORI, _KOSONG))
    if (kategori := u.kategori.get(kunci)) is None:
        kategori = u.kategori[kunci] = _kategori(b, t, nama_jabatan)
    status_berkas, status_gol, gol, jenis, jenjang, nama_jf, pendidikan, tolakan = kategori
    for bidang, alasan in tolakan:
        b.tolak(bidang, alasan)
    status = status_berkas or status_gol
    if status is None:
        status = StatusASN.PPPK if nilai.nip_pppk("".join(t("nip", "").split())) else StatusASN.PNS
    lahir = b.coba("tanggal_lahir", None, u.tanggal_sel, b.sel("tanggal_lahir"), b.kolom("tanggal_lahir"))
    atasan = b.coba("atasan_nip", None, nilai.nip_boleh_kosong, b.sel("atasan_nip")) if "atasan_nip" in b.isi else None
    if b.ditolak:
        return None
    if lahir is None:
        lahir = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))  # the NIP's first 8 digits, checked by nilai.nip
    ada_pendidikan = pendidikan is not None
    if pendidikan is None:
        pendidikan = u.pendidikan_dari_gelar(depan, belakang) or Pendidikan.SMA
    ada_status = bool(t("jenis_pegawai") or t("status_cpns") or gol)
    unit_nama, induk_nama = t("unit_nama"), t("unit_induk_nama")
    return BarisPegawai(
        baris=b.nomor,
        nip=nip,
        nama=nama,
        status_asn=status,
        golongan=gol,
        jenis_jabatan=jenis,
        nama_jabatan=nama_jabatan,
        jenjang=jenjang,
        pendidikan=pendidikan,
        pns_id=t("pns_id") or None,
        gelar_depan=depan,
        gelar_belakang=belakang,
        unit_sumber_id=t("unit_sumber_id") or None,
        unit_nama=" ".join(unit_nama.split()) or None if unit_nama else None,
        unit_induk_nama=" ".join(induk_nama.split()) or None if induk_nama else None,
        atasan_nip=atasan,
        tanggal_lahir=lahir,
        nama_jf=nama_jf,
        bidang_berkas=_dari_berkas(b.bidang, ada_pendidikan, bool(gol), ada_status),
    )
