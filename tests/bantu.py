"""Helpers shared by the tests: read a test database directly, copy and break regulation profiles."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.tim import DataTim


def sql(db, query: str, *param) -> list[tuple]:
    """Rows of `query` (`?` placeholders) on the test database `db`, committed, without our own layers.

    `db` is a SQLite file or URL (read with the standard library alone) or a PostgreSQL URL (`conftest.db_demo`),
    read with psycopg; values then come back as SQLite gives them: dates as ISO text, whole numbers as int.
    """
    db = str(db).removeprefix("sqlite:///")
    if "://" not in db:
        con = sqlite3.connect(db)
        try:
            with con:
                return con.execute(query, param).fetchall()
        finally:
            con.close()
    import psycopg

    with psycopg.connect(db.replace("postgresql+psycopg://", "postgresql://", 1)) as pg:
        kursor = pg.execute(query.replace("%", "%%").replace("?", "%s"), param) if param else pg.execute(query)
        if kursor.description is None:
            return []
        return [tuple(_seperti_sqlite(v) for v in baris) for baris in kursor.fetchall()]


def sidik(db) -> str:
    """Digest of the whole database `db`: the bytes of a SQLite file, every table's rows on PostgreSQL."""
    db = str(db).removeprefix("sqlite:///")
    if "://" not in db:
        return hashlib.sha256(Path(db).read_bytes()).hexdigest()
    h = hashlib.sha256()
    for (tabel,) in sql(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"):
        h.update(repr((tabel, sorted(map(repr, sql(db, f'SELECT * FROM "{tabel}"'))))).encode())
    return h.hexdigest()


def _seperti_sqlite(nilai):
    if isinstance(nilai, datetime):
        return nilai.strftime("%Y-%m-%d %H:%M:%S.%f")  # how SQLAlchemy stores a datetime in SQLite
    if isinstance(nilai, date):
        return nilai.isoformat()
    if isinstance(nilai, Decimal):
        return int(nilai) if nilai == nilai.to_integral_value() else float(nilai)
    return nilai


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


DIALOG = "dialog_kinerja"


def langkah_tahapan(tahapan) -> list:
    """The steps a profile's `[tahapan.*]` lists, without the `[dialog_kinerja]` step the profile puts after one
    of them (its own passage, checked in tests/test_regulasi_padang_panjang.py)."""
    return [x for x in tahapan.perencanaan + tahapan.pelaksanaan if x.kunci != DIALOG]


def kunci_langkah(tahapan) -> tuple[list[str], list[str]]:
    """The step keys of a profile's `[tahapan.*]`: (perencanaan, pelaksanaan), without the dialog kinerja step."""
    return [x.kunci for x in tahapan.perencanaan if x.kunci != DIALOG], [x.kunci for x in tahapan.pelaksanaan]


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


def data_tim(unit_id: int, **ubah: Any) -> DataTim:
    """A valid yearly team of `unit_id` (Tim Percepatan Penurunan Stunting 2026); `ubah` overrides fields."""
    from sistemkerja_tui.layanan.tim import DataTim, JenisPembentukan, SasaranTim

    nilai: dict[str, Any] = {
        "nama": "Tim Percepatan Penurunan Stunting",
        "unit_id": unit_id,
        "jenis_pembentukan": JenisPembentukan.TAHUNAN,
        "sasaran": SasaranTim.INTERVENSI,
        "mulai": date(2026, 1, 5),
        "selesai": date(2026, 12, 20),
        "tahun_anggaran": 2026,
        "tujuan": "Prevalensi stunting turun",
    }
    nilai.update(ubah)
    return DataTim(**nilai)


def bidang_dinas(db: str) -> tuple[int, int]:
    """A Bidang directly under a Dinas (reviewed by the Kepala Bidang, then the Kepala Dinas) and a JF of it."""
    (unit_id,) = sql(
        db,
        "SELECT u.id FROM unit_organisasi u JOIN unit_organisasi i ON i.id = u.induk_id "
        "WHERE u.jenis = 'bidang' AND i.jenis = 'dinas' ORDER BY u.id LIMIT 1",
    )[0]
    (pegawai_id,) = sql(
        db, "SELECT id FROM pegawai WHERE unit_id = ? AND jenis_jabatan = 'fungsional' ORDER BY id LIMIT 1", unit_id
    )[0]
    return unit_id, pegawai_id


def mode_bersama(db) -> tuple[str, str, int]:
    """Put database `db` in mode bersama with an administrator account for its second unit head:
    (NIP, temporary password, pegawai id) of that account."""
    from sistemkerja_tui.aturan.enums import ModeKerja
    from sistemkerja_tui.layanan.mulai import buka_database

    layanan = buka_database(db).layanan
    try:
        kepala = layanan.pengguna.calon()[1]
        ((nip,),) = sql(db, "SELECT nip FROM pegawai WHERE id = ?", kepala.pegawai_id)
        sementara = layanan.akun.buat(nip, admin=True)
        layanan.akun.tetapkan_mode(ModeKerja.BERSAMA)
    finally:
        layanan.tutup()
    return nip, sementara, kepala.pegawai_id


def surat_permohonan(layanan, db, permohonan_id: int, tanggal: date | None = None):
    """Make and register the letter that asks for a request, signed by the nearest head of the owner unit."""
    from sistemkerja_tui.surat.konteks import JenisSurat

    (dari,) = sql(db, "SELECT dari_unit_id FROM permohonan WHERE id = ?", permohonan_id)[0]
    jenis = layanan.surat.jenis_surat_permohonan(permohonan_id)
    kepala = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(dari) if u.pimpinan][-1]
    penandatangan = None if jenis is JenisSurat.SUKARELA_LINTAS_UNIT else kepala
    return layanan.surat.buat(jenis, permohonan_id=permohonan_id, penandatangan_id=penandatangan, tanggal=tanggal)
