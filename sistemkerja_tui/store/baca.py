"""The read path: queries outside a write transaction, returning rows with attribute access.

A SQLite file at the current schema is read with the standard library's
sqlite3 (no SQLAlchemy import at start-up, DESIGN §7); any other database
through a SQLAlchemy engine. SQL uses `:name` parameters. A list value stays
one parameter whatever its length (`luaskan`): `IN :name` becomes
`IN (SELECT value FROM json_each(:name))` on SQLite and `= ANY(:name)`
(`NOT IN`: `<> ALL(:name)`) on PostgreSQL, where the array takes the
column's type (an untyped `unnest(:name)` is refused for text and empty
lists) — never thousands of named parameters, which SQLite looks up one by one.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import namedtuple
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.store.galat import naikkan
from sistemkerja_tui.store.lokasi import HEAD_REVISION, PRAGMA_SQLITE, berkas_sqlite_polos

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

_INT64 = range(-(2**63), 2**63)


def _dalam_batas(nilai: Any) -> None:
    """An integer beyond 64 bits raises OverflowError on every database, as sqlite3 does (PostgreSQL would
    compare it as numeric and find nothing); `terjemahkan` makes it `NilaiDiLuarBatas`."""
    if isinstance(nilai, int) and not isinstance(nilai, bool) and nilai not in _INT64:
        raise OverflowError("bilangan bulat melebihi 64 bit")


def luaskan(sql: str, param: dict[str, Any], dialek: str = "sqlite") -> tuple[str, dict[str, Any]]:
    """`sql` and `param` with every list value turned into one parameter read as a set (see module doc)."""
    hasil: dict[str, Any] = {}
    for nama, nilai in param.items():
        if isinstance(nilai, (list, tuple, set, frozenset)):
            for v in nilai:
                _dalam_batas(v)
            if dialek == "sqlite":  # JSON: dates as the ISO text SQLite stores them in
                sql = re.sub(rf":{nama}\b", f"(SELECT value FROM json_each(:{nama}))", sql)
                hasil[nama] = json.dumps([v.isoformat() if isinstance(v, date) else v for v in nilai])
            else:  # an array of the values themselves: dates compare with date columns
                sql = re.sub(rf"\bNOT\s+IN\s+:{nama}\b", f"<> ALL(:{nama})", sql, flags=re.IGNORECASE)
                sql = re.sub(rf"\bIN\s+:{nama}\b", f"= ANY(:{nama})", sql, flags=re.IGNORECASE)
                hasil[nama] = list(nilai)
        else:
            _dalam_batas(nilai)
            hasil[nama] = nilai
    return sql, hasil


def sebagai_tanggal(nilai: object) -> date | None:
    """A stored date as `date`: sqlite3 gives ISO text, SQLAlchemy a date or datetime; empty is None."""
    if nilai is None or nilai == "":
        return None
    if isinstance(nilai, datetime):
        return nilai.date()
    if isinstance(nilai, date):
        return nilai
    return date.fromisoformat(str(nilai)[:10])


def sebagai_waktu(nilai: object) -> datetime:
    """A stored timestamp as `datetime`: sqlite3 gives ISO text, SQLAlchemy a datetime."""
    if isinstance(nilai, datetime):
        return nilai
    return datetime.fromisoformat(str(nilai))


def _baris(cursor: sqlite3.Cursor) -> list[Any]:
    """The rows of an executed query as named tuples; the row class is made once per column list."""
    if cursor.description is None:
        return []
    kolom = tuple(d[0] for d in cursor.description)
    kelas = _KELAS_BARIS.get(kolom)
    if kelas is None:
        kelas = _KELAS_BARIS.setdefault(kolom, namedtuple("Baris", kolom, rename=True))
    return [kelas._make(b) for b in cursor.fetchall()]


_KELAS_BARIS: dict[tuple[str, ...], Any] = {}


class Pembaca:
    """Runs read queries; safe to use from several threads (one SQLite connection per thread)."""

    def __init__(self, *, berkas: Path | None = None, engine: Engine | None = None) -> None:
        self.berkas = berkas
        self.engine = engine
        self._lokal = threading.local()
        self._koneksi: list[sqlite3.Connection] = []
        self._kunci = threading.Lock()

    @classmethod
    def untuk_engine(cls, engine: Engine) -> Pembaca:
        """Reader over `engine`; a plain SQLite file is read through sqlite3."""
        berkas = berkas_sqlite_polos(engine.url.render_as_string(hide_password=False))
        return cls(berkas=berkas) if berkas is not None else cls(engine=engine)

    def _sqlite(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._lokal, "con", None)
        if con is None:
            assert self.berkas is not None  # a reader has a file or an engine
            con = sqlite3.connect(self.berkas, check_same_thread=False)
            for pragma in (*PRAGMA_SQLITE, "query_only=ON"):
                con.execute(f"PRAGMA {pragma}")
            self._lokal.con = con
            with self._kunci:
                self._koneksi.append(con)
        return con

    def semua(self, sql: str, **param: Any) -> list[Any]:
        if self.engine is None:  # dates as the ISO text SQLite stores them in
            try:
                sql, param = luaskan(sql, param)
                param = {k: v.isoformat() if isinstance(v, date) else v for k, v in param.items()}
                return _baris(self._sqlite().execute(sql, param))
            except (sqlite3.Error, OverflowError) as e:
                naikkan(e, str(self.berkas))
        from sqlalchemy import exc, text

        try:
            sql, param = luaskan(sql, param, self.engine.dialect.name)
            with self.engine.connect() as c:
                return list(c.execute(text(sql), param).all())
        except (exc.DBAPIError, OverflowError) as e:
            naikkan(e, self.engine.url.render_as_string(hide_password=True))

    def satu(self, sql: str, **param: Any) -> Any:
        """The single row of `sql`; LookupError when there is none."""
        baris = self.semua(sql, **param)
        if not baris:
            raise LookupError("data tidak ditemukan")
        return baris[0]

    def skalar(self, sql: str, **param: Any) -> Any:
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
