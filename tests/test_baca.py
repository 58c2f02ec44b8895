"""The read path: sqlite3 for an up-to-date SQLite file, SQLAlchemy otherwise; same rows either way."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from sistemkerja_tui.store.baca import Pembaca, pembaca_cepat, sebagai_tanggal
from sistemkerja_tui.store.galat import DatabaseError
from sistemkerja_tui.store.lokasi import HEAD_REVISION, berkas_sqlite_polos


def test_url_sqlite_polos():
    assert str(berkas_sqlite_polos("sqlite:////tmp/a.db")) == "/tmp/a.db"
    assert berkas_sqlite_polos("sqlite:///:memory:") is None
    assert berkas_sqlite_polos("sqlite:///a.db?mode=ro") is None
    assert berkas_sqlite_polos("postgresql://x/y") is None


@pytest.mark.sqlite
def test_pembaca_cepat_hanya_untuk_skema_terbaru(engine, db_url, tmp_path):
    berkas = berkas_sqlite_polos(db_url)
    pembaca = pembaca_cepat(db_url)
    assert pembaca is not None
    assert pembaca.skalar("SELECT version_num FROM alembic_version") == HEAD_REVISION
    pembaca.tutup()
    con = sqlite3.connect(berkas)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    assert pembaca_cepat(db_url) is None  # newer: left to siapkan_database, which refuses it
    assert pembaca_cepat(f"sqlite:///{tmp_path / 'belum-ada.db'}") is None
    assert not (tmp_path / "belum-ada.db").exists()


def test_baris_sama_lewat_sqlite3_dan_sqlalchemy(db_demo):
    from sistemkerja_tui.store.db import siapkan_database

    engine = siapkan_database(db_demo)
    cepat = Pembaca.untuk_engine(engine)
    lambat = Pembaca(engine=engine)
    sql = "SELECT id, nama FROM unit_organisasi WHERE id IN :ids ORDER BY id"
    a, b = cepat.semua(sql, ids=[1, 2, 3]), lambat.semua(sql, ids=[1, 2, 3])
    assert [(r.id, r.nama) for r in a] == [(r.id, r.nama) for r in b] and len(a) == 3
    assert cepat.semua(sql, ids=[]) == [] == lambat.semua(sql, ids=[])
    with pytest.raises(LookupError):
        cepat.satu("SELECT id FROM pegawai WHERE id = :id", id=-1)
    cepat.tutup()
    lambat.tutup()


def test_daftar_kode_dan_daftar_kosong_satu_parameter(db_demo):
    """A list of text codes, an empty list, NOT IN: the same counts on every read path and inside a transaction."""
    from sistemkerja_tui.store.db import siapkan_database, transaksi
    from sistemkerja_tui.store.kueri import jalankan

    engine = siapkan_database(db_demo)
    semua = "SELECT COUNT(*) FROM pegawai"
    di = "SELECT COUNT(*) FROM pegawai WHERE jenis_jabatan IN :jenis"
    bukan = "SELECT COUNT(*) FROM pegawai WHERE jenis_jabatan NOT IN :jenis"
    jenis = ["fungsional", "pelaksana"]
    for pembaca in (Pembaca.untuk_engine(engine), Pembaca(engine=engine)):
        total, dua = pembaca.skalar(semua), pembaca.skalar(di, jenis=jenis)
        assert 0 < dua < total and pembaca.skalar(bukan, jenis=jenis) == total - dua
        assert pembaca.skalar(di, jenis=[]) == 0 and pembaca.skalar(bukan, jenis=()) == total
        pembaca.tutup()
    with transaksi(engine) as sesi:
        assert jalankan(sesi, di, jenis=jenis).scalar_one() == dua
        assert jalankan(sesi, di, jenis=[]).scalar_one() == 0
    # a list of dates compares with a date column on every database (ISO text in SQLite's JSON, dates in PostgreSQL)
    pembaca = Pembaca.untuk_engine(engine)
    (tanggal,) = pembaca.satu("SELECT mulai FROM tim_kerja ORDER BY id LIMIT 1")
    hari = sebagai_tanggal(tanggal)
    assert pembaca.skalar("SELECT COUNT(*) FROM tim_kerja WHERE mulai IN :hari", hari=[hari]) >= 1
    pembaca.tutup()
    engine.dispose()


@pytest.mark.sqlite
def test_pembaca_sqlite_tidak_dapat_menulis(db_demo):
    pembaca = pembaca_cepat(f"sqlite:///{db_demo}")
    with pytest.raises(DatabaseError, match="hanya dapat dibaca"):
        pembaca.semua("DELETE FROM pegawai")
    assert pembaca.skalar("SELECT COUNT(*) FROM pegawai") > 0
    assert pembaca.skalar("PRAGMA foreign_keys") == 1
    pembaca.tutup()


@pytest.mark.sqlite
def test_jalur_baca_cepat_tanpa_sqlalchemy(db_demo):
    kode = (
        "import sys\n"
        "from sistemkerja_tui.layanan.mulai import buka_database\n"
        f"h = buka_database({db_demo!r}, demo_jika_kosong=False)\n"
        "h.struktur.halaman_pegawai(h.struktur.unit_akar(h.struktur.instansi[0].id)[0].id)\n"
        "print(','.join(m for m in ('sqlalchemy', 'sqlmodel', 'alembic') if m in sys.modules))\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert hasil.stdout.strip() == ""
