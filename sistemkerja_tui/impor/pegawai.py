"""Reading a pegawai file: the SIASN "Export Data ASN", an e-Kinerja export, a DUK/nominatif spreadsheet."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from sistemkerja_tui.aturan.enums import JenisJabatan, Jenjang, Pendidikan, StatusASN
from sistemkerja_tui.impor import kolom, nilai
from sistemkerja_tui.impor._baris import Baris, baca
from sistemkerja_tui.impor.berkas import Kemajuan
from sistemkerja_tui.impor.model import BarisPegawai, HasilBaca

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
def _dari_berkas(kolom_berkas: frozenset[str]) -> frozenset[str]:
    """The BarisPegawai fields a file with these mapped fields can give."""
    return frozenset(f for f, sumber in _SUMBER.items() if not kolom_berkas.isdisjoint(sumber))


def baca_pegawai(path: Path | str, *, kemajuan: Kemajuan | None = None) -> HasilBaca[BarisPegawai]:
    """Every data row checked; a row with any refused value is in `ditolak`, not in `baris`.

    `kemajuan(n)` is called as rows are read. Raises `BerkasTidakTerbaca` when the file cannot be opened.
    """
    sudah: dict[str, int] = {}  # NIP -> the row it was first seen in

    def satu(b: Baris) -> BarisPegawai | None:
        baris = _baris_pegawai(b)
        if baris is not None:
            if baris.nip in sudah:
                b.tolak("nip", f"NIP ini sudah ada di baris {sudah[baris.nip]}. Hapus salah satu baris.")
                return None
            sudah[baris.nip] = b.nomor
        return baris

    return baca(path, kolom.PEGAWAI, satu, kemajuan)


def _status_golongan(b: Baris) -> tuple[StatusASN, str]:
    status = b.coba("jenis_pegawai", lambda: nilai.status_asn(b.teks("jenis_pegawai"), b.teks("status_cpns")), None)
    gol, status_gol = "", None
    bidang = next((f for f in ("golongan", "golongan_id", "pangkat") if b.teks(f)), None)
    if bidang is not None:
        kosong: tuple[str, StatusASN | None] = ("", None)
        gol, status_gol = b.coba(bidang, lambda: nilai.golongan(b.sel(bidang)), kosong)
    if bidang is not None and status is not None and status_gol is not None and status is not status_gol:
        contoh = "III/b" if status is StatusASN.PNS else "IX"
        b.tolak(
            bidang,
            f"Golongan '{gol}' adalah golongan {status_gol.label}, padahal jenis pegawainya {status.label}. "
            f"Perbaiki golongan (misalnya {contoh}) atau jenis pegawainya.",
        )
    if status is None and status_gol is None and nilai.nip_pppk("".join(b.teks("nip").split())):
        status = StatusASN.PPPK
    return status or status_gol or StatusASN.PNS, gol


def _jabatan(b: Baris, nama_jabatan: str) -> tuple[JenisJabatan, Jenjang | None, str]:
    kolom_jenis = b.kolom("jenis_jabatan_id" if b.teks("jenis_jabatan_id") else "jenis_jabatan")
    jenis = b.coba(
        "jenis_jabatan_id" if b.teks("jenis_jabatan_id") else "jenis_jabatan",
        lambda: nilai.jenis_jabatan(
            b.teks("jenis_jabatan_id"), b.teks("jenis_jabatan"), nama_jabatan, b.teks("eselon"), kolom_jenis
        ),
        JenisJabatan.PELAKSANA,
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


def _gelar(b: Baris) -> tuple[str, str, str]:
    nama, depan, belakang = b.teks("nama"), b.teks("gelar_depan"), b.teks("gelar_belakang")
    if not depan and not belakang:
        depan, nama, belakang = nilai.pisah_gelar(nama)
    return depan, " ".join(nama.split()), belakang


def _baris_pegawai(b: Baris) -> BarisPegawai | None:
    nip = b.coba("nip", lambda: nilai.nip(b.sel("nip")), "")
    depan, nama, belakang = _gelar(b)
    if not nama:
        b.tolak("nama", "Nama kosong. Isikan nama pegawai.")
    nama_jabatan = " ".join(b.teks("nama_jabatan").split())
    if not nama_jabatan:
        b.tolak("nama_jabatan", "Jabatan kosong. Isikan nama jabatan, misalnya 'Perawat Ahli Pertama'.")
    status, gol = _status_golongan(b)
    jenis, jenjang, nama_jf = _jabatan(b, nama_jabatan)
    pendidikan = b.coba(
        "pendidikan_id" if b.teks("pendidikan_id") else "pendidikan",
        lambda: nilai.pendidikan(b.teks("pendidikan_id"), b.teks("pendidikan")),
        None,
    )
    lahir = b.coba("tanggal_lahir", lambda: nilai.tanggal(b.sel("tanggal_lahir"), b.kolom("tanggal_lahir")), None)
    atasan = b.coba("atasan_nip", lambda: nilai.nip_boleh_kosong(b.sel("atasan_nip")), None)
    if b.ditolak:
        return None
    if lahir is None:
        lahir = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))  # the NIP's first 8 digits, checked by nilai.nip
    bidang = set(_dari_berkas(b.bidang))
    if pendidikan is None:
        bidang.discard("pendidikan")
        pendidikan = nilai.pendidikan_dari_gelar(depan, belakang) or Pendidikan.SMA
    if not gol:
        bidang.discard("golongan")
    if not (b.teks("jenis_pegawai") or b.teks("status_cpns") or gol):
        bidang.discard("status_asn")
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
        pns_id=b.teks("pns_id") or None,
        gelar_depan=depan,
        gelar_belakang=belakang,
        unit_sumber_id=b.teks("unit_sumber_id") or None,
        unit_nama=" ".join(b.teks("unit_nama").split()) or None,
        unit_induk_nama=" ".join(b.teks("unit_induk_nama").split()) or None,
        atasan_nip=atasan,
        tanggal_lahir=lahir,
        nama_jf=nama_jf,
        bidang_berkas=frozenset(bidang),
    )
