"""Read-only queries returning rows with attribute access.

A SQLite file at the current schema is read with the standard library's
sqlite3 (no SQLAlchemy import at start-up); any other database through a
SQLAlchemy engine. SQL uses `:name` parameters; a list value expands an
`IN :name` into `IN (:name_0, :name_1, …)` for both.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import namedtuple
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sistemkerja_tui.store.lokasi import HEAD_REVISION, PRAGMA_SQLITE, berkas_sqlite_polos


def _luaskan(sql: str, param: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    hasil = {}
    for nama, nilai in param.items():
        if isinstance(nilai, (list, tuple, set, frozenset)):
            nilai = list(nilai) or [None]  # `IN (NULL)` matches nothing
            kunci = [f"{nama}_{i}" for i in range(len(nilai))]
            sql = re.sub(rf":{nama}\b", "(" + ", ".join(f":{k}" for k in kunci) + ")", sql)
            hasil.update(zip(kunci, nilai))
        else:
            hasil[nama] = nilai
    return sql, hasil


def sebagai_tanggal(nilai) -> date | None:
    """A stored date as `date`: sqlite3 gives ISO text, SQLAlchemy a date or datetime; empty is None."""
    if nilai is None or nilai == "":
        return None
    if isinstance(nilai, datetime):
        return nilai.date()
    if isinstance(nilai, date):
        return nilai
    return date.fromisoformat(str(nilai)[:10])


def _pabrik_baris(cursor: sqlite3.Cursor, baris: tuple):
    kolom = tuple(d[0] for d in cursor.description)
    kelas = _KELAS_BARIS.get(kolom)
    if kelas is None:
        kelas = _KELAS_BARIS.setdefault(kolom, namedtuple("Baris", kolom, rename=True))
    return kelas._make(baris)


_KELAS_BARIS: dict[tuple[str, ...], type] = {}


class Pembaca:
    """Runs read queries; safe to use from several threads (one SQLite connection per thread)."""

    def __init__(self, *, berkas: Path | None = None, engine=None) -> None:
        self.berkas = berkas
        self.engine = engine
        self._lokal = threading.local()
        self._koneksi: list[sqlite3.Connection] = []
        self._kunci = threading.Lock()

    @classmethod
    def untuk_engine(cls, engine) -> Pembaca:
        """Reader over `engine`; a plain SQLite file is read through sqlite3."""
        berkas = berkas_sqlite_polos(engine.url.render_as_string(hide_password=False))
        return cls(berkas=berkas) if berkas is not None else cls(engine=engine)

    def _sqlite(self) -> sqlite3.Connection:
        con = getattr(self._lokal, "con", None)
        if con is None:
            con = sqlite3.connect(self.berkas, check_same_thread=False)
            for pragma in (*PRAGMA_SQLITE, "query_only=ON"):
                con.execute(f"PRAGMA {pragma}")
            con.row_factory = _pabrik_baris
            self._lokal.con = con
            with self._kunci:
                self._koneksi.append(con)
        return con

    def semua(self, sql: str, **param) -> list:
        sql, param = _luaskan(sql, param)
        if self.engine is None:  # dates as the ISO text SQLite stores them in
            param = {k: v.isoformat() if isinstance(v, date) else v for k, v in param.items()}
            return self._sqlite().execute(sql, param).fetchall()
        from sqlalchemy import text

        with self.engine.connect() as c:
            return list(c.execute(text(sql), param).all())

    def satu(self, sql: str, **param):
        """The single row of `sql`; LookupError when there is none."""
        baris = self.semua(sql, **param)
        if not baris:
            raise LookupError("data tidak ditemukan")
        return baris[0]

    def skalar(self, sql: str, **param):
        return self.satu(sql, **param)[0]

    def tutup(self) -> None:
        with self._kunci:
            for con in self._koneksi:
                con.close()
            self._koneksi.clear()
        if self.engine is not None:
            self.engine.dispose()


def pembaca_cepat(url: str) -> Pembaca | None:
    """A reader for a SQLite file already at `HEAD_REVISION`, without SQLAlchemy; None otherwise.

    None means: let `store.db.siapkan_database` create, migrate or refuse it.
    """
    berkas = berkas_sqlite_polos(url)
    if berkas is None or not berkas.is_file():
        return None
    try:
        con = sqlite3.connect(f"{berkas.resolve().as_uri()}?mode=ro", uri=True)
        try:
            revisi = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    if revisi is None or revisi[0] != HEAD_REVISION:
        return None
    return Pembaca(berkas=berkas)
