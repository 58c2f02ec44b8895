"""Reading a unit file (SIASN ref-unor and hand-made lists), and the unit tree an e-Kinerja export implies."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from threading import Event

from sistemkerja_tui.aturan.enums import JenisUnit
from sistemkerja_tui.impor import kolom, nilai
from sistemkerja_tui.impor._baris import Baris, baca
from sistemkerja_tui.impor.berkas import Kemajuan
from sistemkerja_tui.impor.model import BarisPegawai, BarisUnit, HasilBaca

# The kind a unit's name starts with (checked first), then a kind word anywhere in the name. Longer first.
_JENIS: tuple[tuple[str, JenisUnit], ...] = (
    (r"sekretariat daerah|setda", JenisUnit.SEKRETARIAT_DAERAH),
    (r"sekretariat (dprd|dewan)|setwan", JenisUnit.SEKRETARIAT_DPRD),
    (r"(uptd?\s+)?puskesmas", JenisUnit.PUSKESMAS),
    (r"(uptd?\s+)?(rsud|rumah sakit)", JenisUnit.RSUD),
    (r"(sd|smp|sma|smk|tk|slb)(n\b|\s)|sekolah|paud", JenisUnit.SEKOLAH),
    (r"inspektur pembantu|inspektorat pembantu|irban", JenisUnit.INSPEKTUR_PEMBANTU),
    (r"inspektorat", JenisUnit.INSPEKTORAT),
    (r"asisten", JenisUnit.ASISTEN),
    (r"sub ?bagian|subbag", JenisUnit.SUBBAGIAN),
    (r"sub ?bidang|seksi|subseksi", JenisUnit.SEKSI),
    (r"sekretariat", JenisUnit.SEKRETARIAT),
    (r"bagian", JenisUnit.BAGIAN),
    (r"bidang", JenisUnit.BIDANG),
    (r"kecamatan", JenisUnit.KECAMATAN),
    (r"kelurahan", JenisUnit.KELURAHAN),
    (r"satuan polisi|satpol", JenisUnit.SATUAN),
    (r"uptd?\b|unit pelaksana teknis", JenisUnit.UPTD),
    (r"dpmptsp|dinas penanaman modal", JenisUnit.DPMPTSP),
    (r"dinas", JenisUnit.DINAS),
    (r"badan", JenisUnit.BADAN),
)
_AWAL = tuple((re.compile(rf"^({p})\b", re.IGNORECASE), j) for p, j in _JENIS)
_DI_MANA_SAJA = tuple((re.compile(rf"\b({p})\b", re.IGNORECASE), j) for p, j in _JENIS)


def tebak_jenis(nama: str) -> JenisUnit | None:
    """The unit kind its name suggests ("UPTD Puskesmas Sukamaju" -> Puskesmas); None when nothing fits."""
    bersih = " ".join(nama.split())
    for pola in (_AWAL, _DI_MANA_SAJA):
        for p, jenis in pola:
            if p.search(bersih):
                return jenis
    return None


def _jenis(b: Baris, nama: str) -> tuple[JenisUnit | None, bool]:
    t = b.teks("jenis")
    if not t:
        return tebak_jenis(nama), True
    try:
        return JenisUnit.dari(t), False
    except ValueError:
        if (jenis := tebak_jenis(t)) is not None:
            return jenis, False
    pilihan = ", ".join(j.label for j in JenisUnit)
    b.tolak("jenis", f"Jenis unit '{t}' tidak dikenal. Tulis salah satu: {pilihan}; atau kosongkan agar ditebak.")
    return None, False


def baca_unit(
    path: Path | str, *, kemajuan: Kemajuan | None = None, batal: Event | None = None
) -> HasilBaca[BarisUnit]:
    """Every unit row checked (id, name, parent id, kind, code, head); duplicates and refusals in `ditolak`.
    `kemajuan(n)` as rows are read; `BacaDibatalkan` once `batal` is set."""
    sudah: dict[str, int] = {}

    def satu(b: Baris) -> BarisUnit | None:
        sumber_id = b.teks("sumber_id")
        nama = " ".join(b.teks("nama").split())
        if not sumber_id:
            b.tolak("sumber_id", "Id unit kosong. Isikan id unit (UNOR ID dari SIASN, atau kode buatan sendiri).")
        elif sumber_id in sudah:
            b.tolak("sumber_id", f"Id unit '{sumber_id}' sudah dipakai di baris {sudah[sumber_id]}. Id harus unik.")
        if not nama:
            b.tolak("nama", "Nama unit kosong. Isikan nama unit, misalnya 'Bidang Pelayanan Kesehatan'.")
        jenis, ditebak = _jenis(b, nama)
        nip = b.coba("pimpinan_nip", None, nilai.nip_boleh_kosong, b.sel("pimpinan_nip"))
        induk = b.teks("induk_sumber_id")
        if b.ditolak:
            return None
        sudah[sumber_id] = b.nomor
        return BarisUnit(
            baris=b.nomor,
            sumber_id=sumber_id,
            nama=nama,
            induk_sumber_id=induk if induk and induk != sumber_id else None,
            jenis=jenis,
            jenis_ditebak=ditebak,
            kode=b.teks("kode"),
            nama_jabatan_pimpinan=" ".join(b.teks("nama_jabatan_pimpinan").split()),
            pimpinan_nip=nip,
            pimpinan_pns_id=b.teks("pimpinan_pns_id") or None,
        )

    return baca(path, kolom.UNIT, satu, kemajuan, batal)


def unit_dari_pegawai(pegawai: Iterable[BarisPegawai]) -> list[BarisUnit]:
    """The units a pegawai file names (e-Kinerja `skp_unor` / `skp_unor_atasan`), in order of first mention.

    A unit is keyed by its file id when given, otherwise by its name; a parent known only by name links by name.
    `baris` is the first pegawai row that names the unit.
    """
    unit: dict[str, BarisUnit] = {}
    kunci_nama: dict[str, str] = {}

    def tambah(kunci: str, nama: str, induk: str | None, baris: int) -> None:
        lama = unit.get(kunci)
        if lama is None:
            unit[kunci] = BarisUnit(baris, kunci, nama, induk, tebak_jenis(nama), jenis_ditebak=True)
            kunci_nama.setdefault(nama.casefold(), kunci)
        elif lama.induk_sumber_id is None and induk is not None and induk != kunci:
            unit[kunci] = replace(lama, induk_sumber_id=induk)

    for p in pegawai:
        if p.unit_induk_nama:
            tambah(kunci_nama.get(p.unit_induk_nama.casefold(), p.unit_induk_nama), p.unit_induk_nama, None, p.baris)
        if p.unit_nama or p.unit_sumber_id:
            nama = p.unit_nama or p.unit_sumber_id or ""
            induk = kunci_nama.get(p.unit_induk_nama.casefold()) if p.unit_induk_nama else None
            tambah(p.unit_sumber_id or kunci_nama.get(nama.casefold(), nama), nama, induk, p.baris)
    return list(unit.values())
