"""Schema migrations: Alembic scripts shipped in the package, driven from code.

No alembic.ini: `config()` points Alembic at `migrations/` beside this file.
Alembic is imported only by the functions that need it; a database already
at `HEAD_REVISION` is recognised with plain SQL (`revisi_database`).

A new revision, from a database at head::

    with engine.connect() as c:
        command.revision(config(c), "uraian", autogenerate=True, rev_id="0002")

then review the file (`sa.String()` for SQLModel's AutoString, enum codes
written out as in 0001) and raise `HEAD_REVISION` (a test compares the two).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from sistemkerja_tui.store.db import DatabaseError, koneksi_driver
from sistemkerja_tui.store.lokasi import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "HEAD_REVISION",
    "ada_tabel",
    "cadangkan",
    "config",
    "downgrade",
    "head",
    "revisi_database",
    "revisi_dikenal",
    "upgrade",
]

LOKASI_MIGRASI = Path(__file__).parent / "migrations"


def revisi_database(conn: Connection) -> str | None:
    """The revision recorded in the database; None when it has none."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ada_tabel(conn: Connection) -> bool:
    """Whether the database holds any table besides Alembic's own."""
    return bool(set(inspect(conn).get_table_names()) - {"alembic_version"})


def config(connection: Connection | None = None) -> Config:
    """Alembic configuration for the shipped scripts, optionally bound to `connection`."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(LOKASI_MIGRASI).replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision among the shipped scripts."""
    from alembic.script import ScriptDirectory

    kepala = ScriptDirectory.from_config(config()).get_current_head()
    if kepala is None:
        raise DatabaseError("tidak ada skrip migrasi dalam paket; pasang ulang aplikasi")
    return kepala


def revisi_dikenal(revisi: str) -> bool:
    """Whether this version of the app ships `revisi`."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        ScriptDirectory.from_config(config()).get_revision(revisi)
    except CommandError:
        return False
    return True


def upgrade(engine: Engine, revisi: str = "head") -> None:
    _jalankan(engine, "upgrade", revisi)


def downgrade(engine: Engine, revisi: str = "base") -> None:
    _jalankan(engine, "downgrade", revisi)


def _jalankan(engine: Engine, perintah: str, revisi: str) -> None:
    """Run one Alembic command in one transaction.

    On SQLite, foreign keys are off while tables are rebuilt (batch mode drops
    and renames them) and checked as a whole before the commit, as SQLite's
    documentation prescribes for schema changes.
    """
    from alembic import command

    from sistemkerja_tui.store.db import engine_tulis

    with engine_tulis(engine).connect() as conn:  # two processes never migrate at once
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            _pragma(conn, "foreign_keys=OFF")
        try:
            with conn.begin():
                getattr(command, perintah)(config(conn), revisi)
                if sqlite:
                    _periksa_kunci_asing(conn)
        finally:
            if sqlite:
                _pragma(conn, "foreign_keys=ON")


def _pragma(conn: Connection, pragma: str) -> None:
    """Outside any transaction (where SQLite ignores these pragmas), on the driver's connection."""
    koneksi_driver(conn).execute(f"PRAGMA {pragma}")


def _periksa_kunci_asing(conn: Connection) -> None:
    salah = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if salah:
        tabel = ", ".join(sorted({baris[0] for baris in salah}))
        raise DatabaseError(f"pemeriksaan kunci asing: data di tabel {tabel} merujuk baris yang tidak ada")


def cadangkan(berkas: Path, revisi: str) -> Path:
    """Copy the SQLite file `berkas` beside it before migrating from `revisi`.

    SQLite's backup API copies what is still in the WAL too. The copy is
    private to the user (0600) and named `<berkas>.bak-<revisi>-<YYYYmmddHHMMSS>`.
    """
    cap = datetime.now().strftime("%Y%m%d%H%M%S")
    tujuan = berkas.with_name(f"{berkas.name}.bak-{revisi}-{cap}")
    os.close(os.open(tujuan, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        with closing(sqlite3.connect(berkas)) as sumber, closing(sqlite3.connect(tujuan)) as salinan:
            sumber.backup(salinan)
    except BaseException:
        tujuan.unlink(missing_ok=True)
        raise
    return tujuan
