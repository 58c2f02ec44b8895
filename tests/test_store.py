"""Engine, migrations and the database's own guards, on real SQLite files (and PostgreSQL, see conftest)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from contextlib import closing
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import CheckConstraint, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel
from tests.bantu import sidik

from sistemkerja_tui.store import migrasi
from sistemkerja_tui.store.db import (
    ENV_DB,
    NAMA_BERKAS_DB,
    DatabaseError,
    DatabaseTerlaluBaru,
    DatabaseTidakDapatDibuka,
    buat_engine,
    lokasi,
    siapkan_database,
    transaksi,
)
from sistemkerja_tui.store.models import (
    Instansi,
    Kegiatan,
    Pegawai,
    Permohonan,
    TimKerja,
    UnitOrganisasi,
)

NIP = "198501012010011001"
NIP_LAIN = "199002022015032002"


def _pegawai(unit_id: int, nip: str = NIP_LAIN, **ubah) -> Pegawai:
    data: dict[str, Any] = {
        "nip": nip,
        "nama": "Sari",
        "golongan": "III/b",
        "jenis_jabatan": "pelaksana",
        "nama_jabatan": "Pranata Komputer",
        "pendidikan": "s1",
        "unit_id": unit_id,
    }
    return Pegawai(**(data | ubah))


def _isi_dasar(engine) -> SimpleNamespace:
    """Instansi, unit led by its one pegawai (the circular FK), a tim."""
    with transaksi(engine) as sesi:
        instansi = Instansi(nama="Pemerintah Kota Madiun", jenis="kota")
        sesi.add(instansi)
        sesi.flush()
        assert instansi.id is not None  # the flush gave the new row its key
        unit = UnitOrganisasi(instansi_id=instansi.id, nama="Dinas Kominfo", jenis="dinas", kode="DKI")
        sesi.add(unit)
        sesi.flush()
        assert unit.id is not None  # the flush gave the new row its key
        pegawai = _pegawai(unit.id, nip=NIP, nama="Budi")
        sesi.add(pegawai)
        sesi.flush()
        unit.pimpinan_id = pegawai.id
        tim = TimKerja(
            unit_id=unit.id,
            nama="Tim SPBE",
            jenis_pembentukan="insidental",
            sasaran="intervensi",
            mulai=date(2024, 1, 1),
            selesai=date(2024, 12, 31),
        )
        sesi.add(tim)
        sesi.flush()
        return SimpleNamespace(unit=unit.id, pegawai=pegawai.id, tim=tim.id)


@pytest.fixture
def dasar(engine) -> SimpleNamespace:
    return _isi_dasar(engine)


def _jumlah_baris(engine) -> dict[str, int]:
    with engine.connect() as c:
        return {t: c.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in SQLModel.metadata.tables}


def _sha256(berkas) -> str:
    return hashlib.sha256(berkas.read_bytes()).hexdigest()


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _baca(berkas) -> SimpleNamespace:
    """Revision, tables and pegawai count of a SQLite file, read with the stdlib alone."""
    with closing(sqlite3.connect(berkas)) as c:
        tabel = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revisi = c.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        pegawai = c.execute("SELECT COUNT(*) FROM pegawai").fetchone()[0]
    return SimpleNamespace(revisi=revisi, tabel=tabel, pegawai=pegawai)


def _beda_skema(engine) -> list:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as c:
        return compare_metadata(MigrationContext.configure(c), SQLModel.metadata)


# --- migrations ---------------------------------------------------------------


def test_head_revision_sama_dengan_skrip():
    assert migrasi.head() == migrasi.HEAD_REVISION


def test_database_baru_sampai_head_dan_sama_dengan_model(engine):
    with engine.connect() as c:
        assert migrasi.revisi_database(c) == migrasi.HEAD_REVISION
    assert _beda_skema(engine) == []


def test_check_dan_kunci_asing_sama_dengan_model(engine):
    """What compare_metadata does not compare: CHECK constraints and foreign-key names.

    PostgreSQL keeps a CHECK in its own rewritten form, so there only the names are compared.
    """
    insp = inspect(engine)
    teks = (lambda c: " ".join(str(c).split())) if engine.dialect.name == "sqlite" else (lambda c: "")
    beda = []
    for tabel in SQLModel.metadata.sorted_tables:
        ck_db = {c["name"]: teks(c["sqltext"]) for c in insp.get_check_constraints(tabel.name)}
        ck_model = {c.name: teks(c.sqltext) for c in tabel.constraints if isinstance(c, CheckConstraint)}
        fk_db = {
            (f["name"], tuple(f["constrained_columns"]), f["referred_table"]) for f in insp.get_foreign_keys(tabel.name)
        }
        fk_model = {(f.name, tuple(f.column_keys), f.referred_table.name) for f in tabel.foreign_key_constraints}
        if ck_db != ck_model or fk_db != fk_model:
            beda.append((tabel.name, ck_db, ck_model, fk_db, fk_model))
    assert beda == []


def test_turun_ke_base_lalu_naik_ke_head(engine, dasar):
    migrasi.downgrade(engine, "base")
    with engine.connect() as c:
        assert migrasi.revisi_database(c) is None
        assert not migrasi.ada_tabel(c)
    migrasi.upgrade(engine)
    with engine.connect() as c:
        assert migrasi.revisi_database(c) == migrasi.HEAD_REVISION
    assert _beda_skema(engine) == []


def test_jalur_cepat_tidak_memuat_alembic(engine, db_url):
    kode = (
        "import sys\n"
        "from sistemkerja_tui.store.db import siapkan_database\n"
        "siapkan_database(sys.argv[1]).dispose()\n"
        "print('alembic' in sys.modules)\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode, db_url], capture_output=True, text=True, check=True)
    assert hasil.stdout.strip() == "False"


def test_impor_tidak_membuat_folder_atau_berkas(tmp_path):
    rumah = tmp_path / "rumah"
    rumah.mkdir()
    env = {k: v for k, v in os.environ.items() if k != ENV_DB and not k.startswith("XDG_")}
    env["HOME"] = str(rumah)
    kode = (
        "import sistemkerja_tui.paths, sistemkerja_tui.store.models, sistemkerja_tui.store.migrasi\n"
        "from sistemkerja_tui.store.db import url_database\n"
        "print(url_database())\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True, env=env)
    assert hasil.stdout.strip().endswith(NAMA_BERKAS_DB)
    assert str(rumah) in hasil.stdout
    assert list(rumah.iterdir()) == []


# --- an older database: backup, then migrate ----------------------------------

REVISI_BERIKUTNYA = '''\
"""Test-only revision after the shipped head, standing for the one the next release will ship."""

import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{kepala}"
branch_labels = None
depends_on = None


def upgrade():
{isi}


def downgrade():
    pass
'''

# Rebuilds unit_organisasi (which pegawai rows reference) the way batch mode does on SQLite.
TAMBAH_KOLOM = """\
with op.batch_alter_table("unit_organisasi", recreate="always") as batch:
    batch.add_column(sa.Column("singkatan", sa.String(), nullable=False, server_default=""))
"""

GAGAL_DI_TENGAH = """\
op.create_table("sementara", sa.Column("id", sa.Integer(), primary_key=True))
op.execute("INSERT INTO tabel_yang_tidak_ada VALUES (1)")
"""


@pytest.fixture
def versi_berikutnya(tmp_path, monkeypatch):
    """The app as it will be when it ships one more revision (9001); call with its upgrade body.

    The "older database" is a real database at 0001 seen by a script folder
    holding the shipped scripts plus 9001, so the migration runs every shipped
    revision and then 9001. `siapkan_database` runs unchanged; only where it
    finds the scripts and the head it expects are pointed at the copy.
    """
    lokasi = tmp_path / "migrations"
    shutil.copytree(migrasi.LOKASI_MIGRASI, lokasi, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrasi, "LOKASI_MIGRASI", lokasi)
    kepala = migrasi.HEAD_REVISION
    monkeypatch.setattr(migrasi, "HEAD_REVISION", "9001")

    def tulis(isi: str) -> None:
        berkas = lokasi / "versions" / "9001_berikutnya.py"
        berkas.write_text(REVISI_BERIKUTNYA.format(isi=textwrap.indent(isi, "    "), kepala=kepala))

    return tulis


def _database_lama(db_url):
    """A database at 0001 holding data (written with 0001's columns); the engine stays open,
    so the rows sit in the WAL."""
    engine = buat_engine(db_url)
    with engine.connect() as c:  # as the app left it: WAL mode (see store.db._aktifkan_wal)
        c.connection.driver_connection.execute("PRAGMA journal_mode=WAL")
    migrasi.upgrade(engine, "0001")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO instansi (id, nama, jenis, profil, kepala_daerah, tempat, kop_surat, "
                "pola_nomor_surat, luar) VALUES (1, 'Pemerintah Kota Madiun', 'kota', 'madiun', "
                "'Wali Kota', '', '', '', 0)"
            )
        )
        c.execute(
            text(
                "INSERT INTO unit_organisasi (id, instansi_id, nama, jenis, tingkat, kode, "
                "nama_jabatan_pimpinan, mandiri, urutan) VALUES (1, 1, 'Dinas Kominfo', 'dinas', 1, "
                "'DKI', 'Kepala Dinas', 0, 0)"
            )
        )
        c.execute(
            text(
                "INSERT INTO pegawai (id, nip, nama, gelar_depan, gelar_belakang, status_asn, golongan, "
                "jenis_jabatan, nama_jabatan, pendidikan, hasil_penyetaraan, kompetensi, unit_id, aktif) "
                f"VALUES (1, '{NIP}', 'Budi', '', '', 'pns', 'IV/c', 'jpt_pratama', 'Kepala Dinas', "
                "'s2', 0, '', 1, 1)"
            )
        )
        c.execute(text("UPDATE unit_organisasi SET pimpinan_id = 1"))
        c.execute(
            text(
                "INSERT INTO tim_kerja (unit_id, nama, bentuk, jenis_pembentukan, sasaran, mulai, "
                "selesai, dasar_penetapan, status, tujuan, dibuat) VALUES (1, 'Tim SPBE', 'tim_kerja', "
                "'insidental', 'intervensi', '2024-01-01', '2024-12-31', '', 'draf', '', "
                "'2024-01-01 08:00:00')"
            )
        )
    return engine


@pytest.mark.sqlite
def test_database_lama_dicadangkan_lalu_dimigrasikan(db_url, tmp_path, versi_berikutnya):
    versi_berikutnya(TAMBAH_KOLOM)
    lama = _database_lama(db_url)
    berkas = tmp_path / NAMA_BERKAS_DB
    assert (tmp_path / f"{NAMA_BERKAS_DB}-wal").stat().st_size > 0

    baru = siapkan_database(db_url)

    cadangan = sorted(tmp_path.glob(f"{NAMA_BERKAS_DB}.bak-*"))
    assert len(cadangan) == 1
    assert re.fullmatch(rf"{re.escape(NAMA_BERKAS_DB)}\.bak-0001-\d{{14}}", cadangan[0].name)
    assert _mode(cadangan[0]) == 0o600
    isi_cadangan = _baca(cadangan[0])
    assert (isi_cadangan.revisi, isi_cadangan.pegawai) == ("0001", 1)  # WAL content included

    with baru.connect() as c:
        assert migrasi.revisi_database(c) == "9001"
        assert "singkatan" in {k["name"] for k in inspect(c).get_columns("unit_organisasi")}
        assert c.execute(text("SELECT pimpinan_id FROM unit_organisasi")).scalar_one() is not None
        assert c.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert _baca(berkas).pegawai == 1
    lama.dispose()
    baru.dispose()


MERUSAK_RUJUKAN = """\
op.create_table("sementara", sa.Column("id", sa.Integer(), primary_key=True))
op.execute("UPDATE pegawai SET unit_id = 999")
"""


@pytest.mark.sqlite
@pytest.mark.parametrize(
    ("isi", "sebab"),
    [
        (GAGAL_DI_TENGAH, "no such table: tabel_yang_tidak_ada"),
        (MERUSAK_RUJUKAN, "data di tabel pegawai merujuk baris yang tidak ada"),
    ],
)
def test_migrasi_gagal_membiarkan_database_seperti_semula(db_url, tmp_path, versi_berikutnya, isi, sebab):
    versi_berikutnya(isi)
    _database_lama(db_url).dispose()

    with pytest.raises(DatabaseError) as galat:
        siapkan_database(db_url)

    assert "gagal" in str(galat.value) and sebab in str(galat.value)
    assert "Cadangannya ada di" in str(galat.value)
    sekarang = _baca(tmp_path / NAMA_BERKAS_DB)
    assert (sekarang.revisi, sekarang.pegawai) == ("0001", 1)
    with closing(sqlite3.connect(tmp_path / NAMA_BERKAS_DB)) as c:
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    assert "sementara" not in sekarang.tabel  # the DDL before the failure was rolled back too
    assert len(list(tmp_path.glob(f"{NAMA_BERKAS_DB}.bak-0001-*"))) == 1


# --- databases the app must refuse, untouched ---------------------------------


@pytest.mark.parametrize("jurnal", ["wal", "delete"])
def test_database_versi_lebih_baru_ditolak_tanpa_diubah(engine, db_url, tmp_path, jurnal):
    """Issue 9: no pragma that writes (journal_mode) runs before a file is accepted, in either journal mode."""
    sqlite = engine.dialect.name == "sqlite"
    if not sqlite and jurnal != "wal":
        pytest.skip("journal_mode hanya ada di SQLite")
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    if sqlite:
        with engine.connect() as c:
            c.connection.driver_connection.execute(f"PRAGMA journal_mode={jurnal}")
    engine.dispose()
    sebelum = sidik(db_url)  # SQLite: the file's bytes

    with pytest.raises(DatabaseTerlaluBaru) as galat:
        siapkan_database(db_url)

    pesan = str(galat.value)
    assert lokasi(engine) in pesan and "'0999'" in pesan and "lebih baru" in pesan and "--db" in pesan
    assert sidik(db_url) == sebelum
    assert list(tmp_path.glob("*.bak-*")) == []
    if sqlite:
        with closing(sqlite3.connect(tmp_path / NAMA_BERKAS_DB)) as c:
            assert c.execute("PRAGMA journal_mode").fetchone()[0] == jurnal


def test_tabel_tanpa_versi_skema_ditolak(db_url, tmp_path):
    asing = buat_engine(db_url)
    SQLModel.metadata.create_all(asing)
    asing.dispose()
    sebelum = sidik(db_url)

    with pytest.raises(DatabaseTidakDapatDibuka, match="tanpa versi skema"):
        siapkan_database(db_url)

    assert sidik(db_url) == sebelum
    assert list(tmp_path.glob("*.bak-*")) == []


@pytest.mark.sqlite
def test_berkas_bukan_database_ditolak(tmp_path):
    berkas = tmp_path / "catatan.db"
    berkas.write_bytes(b"bukan database SQLite\n" * 200)
    sidik = _sha256(berkas)

    with pytest.raises(DatabaseTidakDapatDibuka) as galat:
        siapkan_database(str(berkas))

    assert str(berkas) in str(galat.value)
    assert _sha256(berkas) == sidik


@pytest.mark.sqlite
def test_lokasi_yang_tidak_dapat_dibuat_ditolak(tmp_path):
    bukan_folder = tmp_path / "bukan-folder"
    bukan_folder.write_text("sebuah berkas biasa")
    berkas = bukan_folder / "data" / NAMA_BERKAS_DB

    with pytest.raises(DatabaseTidakDapatDibuka) as galat:
        siapkan_database(str(berkas))

    assert str(berkas) in str(galat.value)
    assert bukan_folder.read_text() == "sebuah berkas biasa"


@pytest.mark.sqlite
@pytest.mark.skipif(os.geteuid() == 0, reason="root menembus izin folder")
def test_folder_hanya_baca_ditolak(tmp_path):
    folder = tmp_path / "terkunci"
    folder.mkdir(mode=0o500)
    try:
        with pytest.raises(DatabaseTidakDapatDibuka, match=re.escape(str(folder / NAMA_BERKAS_DB))):
            siapkan_database(str(folder / NAMA_BERKAS_DB))
    finally:
        folder.chmod(0o700)


@pytest.mark.sqlite
def test_folder_data_dan_berkas_pribadi(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_DB, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    siapkan_database().dispose()

    berkas = tmp_path / "xdg" / "sistemkerja" / NAMA_BERKAS_DB
    assert _mode(berkas.parent) == 0o700
    assert _mode(berkas) == 0o600
    assert _baca(berkas).revisi == migrasi.HEAD_REVISION


# --- connections and transactions ---------------------------------------------


@pytest.mark.sqlite
def test_pragma_berlaku_pada_koneksi_baru(engine):
    engine.dispose()  # the next connection is a new one
    with engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


@pytest.mark.sqlite
def test_transaksi_dimulai_sebelum_membaca(engine):
    with transaksi(engine) as sesi:
        assert sesi.connection().connection.driver_connection.in_transaction


def test_transaksi_dibatalkan_utuh_saat_galat(engine, dasar):
    def galat_di_tengah() -> None:
        with transaksi(engine) as sesi:
            sesi.add(_pegawai(dasar.unit))
            sesi.flush()
            raise RuntimeError("galat di tengah use case")

    def nip_ganda() -> None:
        with transaksi(engine) as sesi:
            sesi.add(Instansi(nama="Kabupaten Klaten", jenis="kabupaten"))
            sesi.flush()
            sesi.add(_pegawai(dasar.unit, nip=NIP))

    sebelum = _jumlah_baris(engine)
    with pytest.raises(RuntimeError):
        galat_di_tengah()
    with pytest.raises(IntegrityError):
        nip_ganda()
    assert _jumlah_baris(engine) == sebelum


PELANGGARAN = {  # the driver's message; a pair when SQLite and PostgreSQL word it differently
    "nip_ganda": (
        lambda d: _pegawai(d.unit, nip=NIP),
        ("UNIQUE constraint failed: pegawai.nip", 'unique constraint "ix_pegawai_nip"'),
    ),
    "unit_tidak_ada": (
        lambda d: _pegawai(999),
        ("FOREIGN KEY constraint failed", 'foreign key constraint "fk_pegawai_unit_id_unit_organisasi"'),
    ),
    "kode_enum_asing": (lambda d: _pegawai(d.unit, jenis_jabatan="bos"), "ck_jenis_jabatan_sah"),
    "tim_selesai_sebelum_mulai": (
        lambda d: TimKerja(
            unit_id=d.unit,
            nama="Tim Mundur",
            jenis_pembentukan="insidental",
            sasaran="intervensi",
            mulai=date(2024, 6, 1),
            selesai=date(2024, 5, 31),
        ),
        "ck_selesai_setelah_mulai",
    ),
    "kegiatan_tim_dan_individu": (
        lambda d: Kegiatan(unit_id=d.unit, tim_id=d.tim, pegawai_id=d.pegawai, judul="Rekap"),
        "ck_kegiatan_tim_atau_individu",
    ),
    "ditolak_tanpa_alasan": (
        lambda d: Permohonan(jenis="penunjukan", lingkup="dalam_unit", dari_unit_id=d.unit, status="ditolak"),
        "ck_penolakan_beralasan",
    ),
    "ditolak_alasan_kosong": (
        lambda d: Permohonan(
            jenis="penunjukan", lingkup="dalam_unit", dari_unit_id=d.unit, status="ditolak", alasan_penolakan="   "
        ),
        "ck_penolakan_beralasan",
    ),
}


@pytest.mark.parametrize("kasus", sorted(PELANGGARAN))
def test_database_menolak_data_tidak_sah(engine, dasar, kasus):
    buat, pesan = PELANGGARAN[kasus]
    if isinstance(pesan, tuple):
        pesan = pesan[engine.dialect.name != "sqlite"]
    sebelum = _jumlah_baris(engine)
    with pytest.raises(IntegrityError, match=re.escape(pesan)), transaksi(engine) as sesi:
        sesi.add(buat(dasar))
    assert _jumlah_baris(engine) == sebelum
