"""Engine, sessions, and opening a database at the current schema.

Any SQLAlchemy URL works. SQLite gets per-connection pragmas and real
transactions: SQLAlchemy emits BEGIN itself, so reads and DDL are inside
them too (pysqlite alone starts transactions only before writes).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, exc
from sqlalchemy.engine import Engine, make_url

from sistemkerja_tui import paths
from sistemkerja_tui.store.lokasi import ENV_DB, NAMA_BERKAS_DB, PRAGMA_SQLITE, url_database  # noqa: F401

if TYPE_CHECKING:
    from sqlmodel import Session

class DatabaseError(Exception):
    """The database cannot be used; the message names it and the way out."""


class DatabaseTerlaluBaru(DatabaseError):
    """Its schema revision is unknown here: written by a newer version of the app."""


class DatabaseTidakDapatDibuka(DatabaseError):
    """The file cannot be created or opened, or is not a Sistem Kerja database."""


def _saat_terhubung(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # no implicit BEGIN from pysqlite: see _mulai_transaksi
    for pragma in PRAGMA_SQLITE:
        dbapi_conn.execute(f"PRAGMA {pragma}")


def _mulai_transaksi(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def buat_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _saat_terhubung)
        event.listen(engine, "begin", _mulai_transaksi)
    return engine


def siapkan_database(url: str | None = None) -> Engine:
    """Engine for `url` (see `url_database`) with the schema migrated to the newest revision.

    A missing SQLite file and folder are created private to the user; an
    older SQLite database is first copied beside itself (`migrasi.cadangkan`).
    Raises `DatabaseTidakDapatDibuka`, `DatabaseTerlaluBaru`, or `DatabaseError`
    when a migration fails; the database is then left as it was.
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
    """One use case = one transaction: commit on success, roll back on any error."""
    from sqlmodel import Session  # imported here: read-only start-up never needs the ORM

    with Session(engine, expire_on_commit=False) as sesi:
        with sesi.begin():
            yield sesi


def _berkas_sqlite(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases and in-memory ones."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or u.database in (None, "", ":memory:") or u.query.get("uri"):
        return None
    return Path(u.database)


def _siapkan_berkas(berkas: Path) -> None:
    """Create the missing folder (0700) and the missing file (0600); existing ones keep their modes."""
    try:
        if not berkas.parent.is_dir():
            paths.ensure_private_dir(berkas.parent)
        os.close(os.open(berkas, os.O_RDWR | os.O_CREAT, 0o600))
    except OSError as e:
        raise DatabaseTidakDapatDibuka(
            f"Database tidak dapat dibuat atau dibuka di {berkas}: {e.strerror or e}. "
            f"Periksa izin folder {berkas.parent}, atau pilih lokasi lain dengan --db "
            f"atau variabel lingkungan {ENV_DB}."
        ) from e


def _migrasikan(engine: Engine, berkas: Path | None) -> None:
    """Bring the schema to head. At head already: plain SQL only, Alembic stays unimported."""
    from sistemkerja_tui.store import migrasi

    lokasi = str(berkas) if berkas else engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn:
            revisi = migrasi.revisi_database(conn)
            if revisi == migrasi.HEAD_REVISION:
                return
            berisi = migrasi.ada_tabel(conn)
    except exc.DBAPIError as e:
        raise DatabaseTidakDapatDibuka(
            f"Database {lokasi} tidak dapat dibuka: {e.orig}. Pastikan itu database Sistem Kerja "
            f"yang dapat ditulis, atau pilih lokasi lain dengan --db atau variabel lingkungan {ENV_DB}."
        ) from e
    if revisi is None and berisi:
        raise DatabaseTidakDapatDibuka(
            f"Berkas {lokasi} berisi tabel tetapi tanpa versi skema Sistem Kerja, sehingga tidak dapat "
            "dimigrasikan dengan aman; berkas itu tidak diubah. Pindahkan berkas itu, atau pilih "
            f"database lain dengan --db atau variabel lingkungan {ENV_DB}."
        )
    cadangan = None
    if revisi is not None:
        if not migrasi.revisi_dikenal(revisi):
            raise DatabaseTerlaluBaru(
                f"Database {lokasi} memakai skema versi '{revisi}' yang tidak dikenal aplikasi ini "
                f"(versi terbaru yang dikenal: '{migrasi.HEAD_REVISION}'); kemungkinan database itu dibuat "
                "oleh Sistem Kerja yang lebih baru. Perbarui aplikasi, atau pilih database lain dengan "
                f"--db atau variabel lingkungan {ENV_DB}. Database itu tidak diubah."
            )
        if berkas is not None:
            cadangan = _cadangkan(berkas, revisi)
    try:
        migrasi.upgrade(engine)
    except (exc.SQLAlchemyError, DatabaseError) as e:
        simpan = f" Cadangannya ada di {cadangan}." if cadangan else ""
        raise DatabaseError(
            f"Migrasi skema database {lokasi} dari versi '{revisi or 'kosong'}' gagal "
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
