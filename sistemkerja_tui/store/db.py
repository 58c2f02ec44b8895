"""Engine, write transactions, and opening a database at the current schema.

One write path: every use case runs in `transaksi`, a SQLAlchemy session
whose transaction starts with `BEGIN IMMEDIATE` on SQLite (the write lock is
taken first, so a read-then-write use case never fails half-way with "database
is locked") and whose decided rows are locked with `with_for_update()` on
PostgreSQL (see `store.kueri`). Reads outside a transaction go through
`store.baca.Pembaca`. Nothing here opens or closes the database file outside
SQLite: closing any descriptor of it would drop the process's POSIX locks.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, exc
from sqlalchemy.engine import Connection, Engine, make_url

from sistemkerja_tui import paths
from sistemkerja_tui.store.galat import (
    PESAN_SIBUK,
    DatabaseError,
    DatabaseSibuk,
    DatabaseTerlaluBaru,
    DatabaseTidakDapatDibuka,
    naikkan,
    terjemahkan,
)
from sistemkerja_tui.store.lokasi import ENV_DB, NAMA_BERKAS_DB, PRAGMA_SQLITE, url_database

if TYPE_CHECKING:
    from sqlmodel import Session

__all__ = [
    "ENV_DB",
    "NAMA_BERKAS_DB",
    "DatabaseError",
    "DatabaseSibuk",
    "DatabaseTerlaluBaru",
    "DatabaseTidakDapatDibuka",
    "buat_engine",
    "engine_tulis",
    "koneksi_driver",
    "lokasi",
    "siapkan_database",
    "transaksi",
    "url_database",
]

_TULIS = "sistemkerja_tulis"  # execution option: this connection's transactions take the write lock first
PERCOBAAN_KUNCI = 4  # BEGIN IMMEDIATE attempts, each waiting busy_timeout (5 s), before giving up


def _saat_terhubung(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # no implicit BEGIN from pysqlite: see _mulai_transaksi
    for pragma in PRAGMA_SQLITE:
        dbapi_conn.execute(f"PRAGMA {pragma}")


def _mulai_transaksi(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_TULIS) else "BEGIN")


_DRIVER = {"postgresql": ("psycopg", "pip install 'sistemkerja-tui[postgresql]'")}


def buat_engine(url: str) -> Engine:
    """An engine for `url`; an unknown scheme or a missing driver is refused in Indonesian."""
    try:
        u = make_url(url)
        engine = create_engine(u)
    except exc.NoSuchModuleError as e:
        raise DatabaseTidakDapatDibuka(
            f"Jenis database '{url.split('://', 1)[0]}' tidak dikenal. Pakai path berkas SQLite, "
            "sqlite:///path/berkas.db, atau postgresql+psycopg://pengguna@host/nama."
        ) from e
    except exc.ArgumentError as e:
        raise DatabaseTidakDapatDibuka(
            "Alamat database tidak dapat dibaca. Pakai path berkas SQLite, sqlite:///path/berkas.db, atau "
            "postgresql+psycopg://pengguna@host/nama."
        ) from e
    except ImportError as e:
        driver, pasang = _DRIVER.get(u.get_backend_name(), (getattr(e, "name", "") or "driver", ""))
        saran = f" Pasang dengan: {pasang}" if pasang else ""
        raise DatabaseTidakDapatDibuka(
            f"Database {u.get_backend_name()} memerlukan paket Python '{driver}' yang belum terpasang.{saran}"
        ) from e
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _saat_terhubung)
        event.listen(engine, "begin", _mulai_transaksi)
    return engine


def lokasi(engine: Engine) -> str:
    """The database as messages name it: the file of a SQLite database, else the URL without password."""
    berkas = _berkas_sqlite(engine.url.render_as_string(hide_password=False))
    return str(berkas) if berkas else engine.url.render_as_string(hide_password=True)


def siapkan_database(url: str | None = None) -> Engine:
    """Engine for `url` (see `url_database`) with the schema migrated to the newest revision.

    A missing SQLite file and folder are created private to the user; an
    older SQLite database is first copied beside itself (`migrasi.cadangkan`).
    Raises `DatabaseTidakDapatDibuka`, `DatabaseTerlaluBaru`, or `DatabaseError`
    when a migration fails; the database is then left as it was, byte for byte.
    """
    url = url_database(url)
    berkas = _berkas_sqlite(url)
    if berkas is not None:
        _siapkan_berkas(berkas)
    engine = buat_engine(url)
    try:
        _migrasikan(engine, berkas)
    except BaseException:
        engine.dispose()
        raise
    return engine


@contextmanager
def transaksi(engine: Engine) -> Iterator[Session]:
    """One use case = one write transaction: commit on success, roll back on any error.

    The write lock is taken before the body runs (SQLite `BEGIN IMMEDIATE`,
    retried `PERCOBAAN_KUNCI` times); a database still busy, read-only, full
    or damaged raises a `DatabaseError` with an Indonesian message, never SQL.
    """
    from sqlmodel import Session  # imported here: read-only start-up never needs the ORM

    sesi = Session(engine_tulis(engine), expire_on_commit=False)
    try:
        _ambil_kunci(sesi, engine)
        yield sesi
        sesi.commit()
    except (exc.DBAPIError, OverflowError) as e:
        sesi.rollback()
        naikkan(e, lokasi(engine))
    except BaseException:
        sesi.rollback()
        raise
    finally:
        sesi.close()


def engine_tulis(engine: Engine) -> Engine:
    """`engine` whose transactions take the write lock first (SQLite `BEGIN IMMEDIATE`)."""
    return engine.execution_options(**{_TULIS: True})


def _ambil_kunci(sesi: Session, engine: Engine) -> None:
    for percobaan in range(1, PERCOBAAN_KUNCI + 1):
        try:
            sesi.connection()  # begins: BEGIN IMMEDIATE on SQLite waits here for the write lock
            return
        except exc.OperationalError as e:
            sesi.rollback()
            if not isinstance(terjemahkan(e, ""), DatabaseSibuk):
                raise
            if percobaan == PERCOBAAN_KUNCI:
                raise DatabaseSibuk(PESAN_SIBUK) from e
            time.sleep(0.05 * percobaan)


def _berkas_sqlite(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases and in-memory ones."""
    try:
        u = make_url(url)
    except exc.ArgumentError:
        return None
    if u.get_backend_name() != "sqlite" or u.database in (None, "", ":memory:") or u.query.get("uri"):
        return None
    return Path(u.database)


def _siapkan_berkas(berkas: Path) -> None:
    """Create the missing folder (0700) and the missing file (0600, made by SQLite itself).

    An existing file is not opened here: SQLite opens it, and only SQLite.
    """
    try:
        if not berkas.parent.is_dir():
            paths.ensure_private_dir(berkas.parent)
        if not berkas.exists():
            lama = os.umask(0o077)  # SQLite creates the file, its -wal and -shm with the mode asked here
            try:
                sqlite3.connect(berkas).close()
            finally:
                os.umask(lama)
    except (OSError, sqlite3.Error) as e:
        raise DatabaseTidakDapatDibuka(
            f"Database tidak dapat dibuat di {berkas}: {getattr(e, 'strerror', None) or e}. "
            f"Periksa izin folder {berkas.parent}, atau pilih lokasi lain dengan --db "
            f"atau variabel lingkungan {ENV_DB}."
        ) from e


def _aktifkan_wal(engine: Engine) -> None:
    """Switch an accepted SQLite database to WAL (kept in the file), outside any transaction."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        koneksi_driver(conn).execute("PRAGMA journal_mode=WAL")


def koneksi_driver(conn: Connection) -> Any:
    """The DB-API connection under `conn` (pysqlite's, for pragmas outside any transaction)."""
    driver = conn.connection.driver_connection
    assert driver is not None  # a checked-out connection always has one
    return driver


def _migrasikan(engine: Engine, berkas: Path | None) -> None:
    """Bring the schema to head. At head already: plain SQL only, Alembic stays unimported.

    Nothing is written before the database is accepted: a refused one stays byte-identical.
    """
    from sistemkerja_tui.store import migrasi

    tempat = lokasi(engine)
    try:
        with engine.connect() as conn:
            revisi = migrasi.revisi_database(conn)
            berisi = revisi != migrasi.HEAD_REVISION and migrasi.ada_tabel(conn)
    except exc.DBAPIError as e:
        galat = terjemahkan(e, tempat)
        if galat is None:
            raise DatabaseTidakDapatDibuka(
                f"Database {tempat} tidak dapat dibuka: {e.orig}. Pastikan itu database Sistem Kerja "
                f"yang dapat ditulis, atau pilih lokasi lain dengan --db atau variabel lingkungan {ENV_DB}."
            ) from e
        raise galat from e
    if revisi is None and berisi:
        raise DatabaseTidakDapatDibuka(
            f"Berkas {tempat} berisi tabel tetapi tanpa versi skema Sistem Kerja, sehingga tidak dapat "
            "dimigrasikan dengan aman; berkas itu tidak diubah. Pindahkan berkas itu, atau pilih "
            f"database lain dengan --db atau variabel lingkungan {ENV_DB}."
        )
    if revisi is not None and revisi != migrasi.HEAD_REVISION and not migrasi.revisi_dikenal(revisi):
        raise DatabaseTerlaluBaru(
            f"Database {tempat} memakai skema versi '{revisi}' yang tidak dikenal aplikasi ini "
            f"(versi terbaru yang dikenal: '{migrasi.HEAD_REVISION}'); kemungkinan database itu dibuat "
            "oleh Sistem Kerja yang lebih baru. Perbarui aplikasi, atau pilih database lain dengan "
            f"--db atau variabel lingkungan {ENV_DB}. Database itu tidak diubah."
        )
    try:
        _aktifkan_wal(engine)
    except exc.DBAPIError as e:
        raise terjemahkan(e, tempat) or DatabaseTidakDapatDibuka(
            f"Database {tempat} tidak dapat dipakai: {e.orig}."
        ) from e
    if revisi == migrasi.HEAD_REVISION:
        return
    cadangan = _cadangkan(berkas, revisi) if berkas is not None and revisi is not None else None
    try:
        migrasi.upgrade(engine)
    except (exc.SQLAlchemyError, DatabaseError) as e:
        simpan = f" Cadangannya ada di {cadangan}." if cadangan else ""
        raise DatabaseError(
            f"Migrasi skema database {tempat} dari versi '{revisi or 'kosong'}' gagal "
            f"({getattr(e, 'orig', None) or e}); database dibiarkan seperti semula.{simpan}"
        ) from e


def _cadangkan(berkas: Path, revisi: str) -> Path:
    from sistemkerja_tui.store import migrasi

    try:
        return migrasi.cadangkan(berkas, revisi)
    except (OSError, sqlite3.Error) as e:
        raise DatabaseError(
            f"Cadangan {berkas} tidak dapat ditulis di {berkas.parent} ({e}), jadi skemanya tidak "
            "dimigrasikan dan database tidak diubah. Kosongkan ruang disk atau periksa izin folder itu."
        ) from e
