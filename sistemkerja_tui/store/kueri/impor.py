"""SQL of importing pegawai and units: what the import compares with, and its batched writes.

Reads take a `Pembaca` (a preview, outside any transaction) or the use case's
session (`sumber`): the same SQL either way. Writes are executemany batches
inside the import's one transaction; there is no SELECT per row.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any

from sistemkerja_tui.store.baca import Pembaca
from sistemkerja_tui.store.kueri import jalankan, syarat, tabel

POTONGAN = 5000  # rows per executemany batch; the import checks for cancellation between batches

_KOLOM_PEGAWAI = (
    "p.id, p.nip, p.pns_id, p.nama, p.gelar_depan, p.gelar_belakang, p.status_asn, p.golongan, "
    "p.jenis_jabatan, p.nama_jabatan, p.jenjang, p.pendidikan, p.unit_id, p.aktif, u.instansi_id"
)
_KOLOM_UNIT = (
    "id, instansi_id, induk_id, nama, jenis, tingkat, kode, nama_jabatan_pimpinan, pimpinan_id, mandiri, "
    "urutan, sumber_id, aktif"
)


def _semua(sumber: Any, sql: str, **param: Any) -> list[Any]:
    """Rows as named tuples on both paths (an import reads every field of 80 000 rows: a SQLAlchemy Row's
    attribute access costs several times a named tuple's)."""
    if isinstance(sumber, Pembaca):
        return sumber.semua(sql, **param)
    hasil = jalankan(sumber, sql, **param)
    kelas = _kelas_baris(tuple(hasil.keys()))
    return [kelas._make(r) for r in hasil]


@lru_cache(maxsize=32)
def _kelas_baris(kolom: tuple[str, ...]) -> Any:
    """One named-tuple class per column list (making one compiles code: a millisecond each time)."""
    return namedtuple("Baris", kolom, rename=True)


def instansi_sendiri(sumber: Any) -> Any | None:
    """The Pemda's own instansi (not `luar`), the first one; None in a database without one."""
    baris = _semua(sumber, "SELECT id, nama, profil FROM instansi WHERE NOT luar ORDER BY id LIMIT 1")
    return baris[0] if baris else None


def pegawai(sumber: Any) -> list[Any]:
    """Every pegawai (active or not) with the columns an import compares and their unit's instansi."""
    return _semua(
        sumber, f"SELECT {_KOLOM_PEGAWAI} FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id ORDER BY p.id"
    )


def unit(sumber: Any, instansi_id: int) -> list[Any]:
    """Every unit of `instansi_id`, open or closed, in tree order."""
    return _semua(
        sumber,
        f"SELECT {_KOLOM_UNIT} FROM unit_organisasi WHERE instansi_id = :i ORDER BY urutan, id",
        i=instansi_id,
    )


def kode_unit_lain(sumber: Any, instansi_id: int) -> set[str]:
    """Unit codes in use in `instansi_id` (uq_unit_kode)."""
    return {r.kode for r in _semua(sumber, "SELECT kode FROM unit_organisasi WHERE instansi_id = :i", i=instansi_id)}


def anggota_nonaktif(sumber: Any, unit_ids: Iterable[int] | None = None) -> list[Any]:
    """Running team memberships of pegawai no longer active, by team unit and team (of `unit_ids` if given)."""
    saring = " AND t.unit_id IN :unit" if unit_ids is not None else ""
    param: dict[str, Any] = {"unit": sorted(unit_ids)} if unit_ids is not None else {}
    return _semua(
        sumber,
        "SELECT k.id, k.peran, t.id AS tim_id, t.nama AS tim, t.unit_id, p.id AS pegawai_id, p.nama, "
        "p.gelar_depan, p.gelar_belakang, p.alasan_nonaktif FROM keanggotaan k "
        "JOIN tim_kerja t ON t.id = k.tim_id JOIN pegawai p ON p.id = k.pegawai_id "
        f"WHERE NOT p.aktif AND {syarat.keanggotaan_berjalan()}{saring} ORDER BY t.unit_id, t.nama, p.nama, k.id",
        **param,
        **syarat.PARAM,
    )


# --- writes, in the import's transaction -------------------------------------------------


def _batch(sesi: Any, perintah: Any, baris: list[Any], setiap: Any = None) -> None:
    conn = sesi.connection()
    for awal in range(0, len(baris), POTONGAN):
        conn.execute(perintah, baris[awal : awal + POTONGAN])
        if setiap is not None:
            setiap(min(awal + POTONGAN, len(baris)))


def _batch_driver(sesi: Any, sql: str, kolom: list[str], baris: list[dict[str, Any]], setiap: Any) -> None:
    """executemany straight on the driver with positional tuples (the values of `kolom`):
    SQLAlchemy's per-row parameter processing costs more than the update itself at 80 000 rows.
    `sql` has one `?` per value."""
    conn = sesi.connection()
    sql = _tanda(conn, sql)
    ambil = itemgetter(*kolom)
    for awal in range(0, len(baris), POTONGAN):
        conn.exec_driver_sql(sql, [ambil(b) for b in baris[awal : awal + POTONGAN]])
        if setiap is not None:
            setiap(min(awal + POTONGAN, len(baris)))


def _tanda(conn: Any, sql: str) -> str:
    """`?` placeholders as the driver wants them (psycopg: `%s`); the SQL holds no other '?' or '%'."""
    return sql if conn.dialect.paramstyle == "qmark" else sql.replace("?", "%s")


def _batas_parameter(conn: Any) -> int:
    """Bound parameters one statement may carry: SQLite before 3.32 allows 999, later 32 766; PostgreSQL 65 535."""
    if conn.dialect.name != "sqlite":
        return 65_535
    import sqlite3

    return 32_766 if sqlite3.sqlite_version_info >= (3, 32) else 999


def _sisip_banyak(
    sesi: Any, nama_tabel: str, kolom: list[str], baris: list[tuple[Any, ...]], setiap: Any, tetap: dict[str, Any]
) -> None:
    """INSERT of many rows per statement (`VALUES (…), (…), …`) on the driver: SQLite evaluates a CHECK with an IN
    list (the pegawai codes) through a temporary table built once per statement, so one statement per row
    (executemany) costs twice the insert. `setiap(n)` about every POTONGAN rows and at the end."""
    conn = sesi.connection()
    nama = [*kolom, *tetap]
    per = max(1, min(1000, _batas_parameter(conn) // len(nama)))
    satu = f"({', '.join('?' * len(nama))})"
    kepala = f"INSERT INTO {nama_tabel} ({', '.join(nama)}) VALUES "
    sql_penuh = _tanda(conn, kepala + ", ".join([satu] * per))
    ekor = tuple(tetap.values())
    lapor = POTONGAN
    for awal in range(0, len(baris), per):
        blok = baris[awal : awal + per]
        sql = sql_penuh if len(blok) == per else _tanda(conn, kepala + ", ".join([satu] * len(blok)))
        conn.exec_driver_sql(sql, tuple(chain.from_iterable(b + ekor for b in blok)))
        selesai = awal + len(blok)
        if setiap is not None and (selesai >= lapor or selesai == len(baris)):
            setiap(selesai)
            lapor += POTONGAN


@contextmanager
def cache_besar(sesi: Any) -> Iterator[None]:
    """SQLite: a 64 MiB page cache while a big import updates (the five pegawai indexes stay in memory instead of
    spilling mid-transaction), then the connection's own size back. Other databases: nothing."""
    conn = sesi.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    driver = conn.connection.driver_connection  # a pragma on the driver: valid whatever the transaction's state
    lama = int(driver.execute("PRAGMA cache_size").fetchone()[0])
    driver.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = {lama}")


BANYAK = 5000  # new rows from which a table's indexes are built after the insert, not kept up per row


@contextmanager
def indeks_ditunda(sesi: Any, nama_tabel: str, baru: int, lama: int) -> Iterator[None]:
    """`baru` rows into a table that holds `lama`: when they are many (at least BANYAK and `lama`), the table's
    indexes are dropped and built again after the insert, in the same transaction (a rollback restores them).
    Building an index once costs a third of keeping five of them up row by row (SQLite and PostgreSQL alike).
    The unique ones check again when rebuilt: a duplicate fails the transaction as it would have row by row."""
    indeks = list(tabel(nama_tabel).indexes) if baru >= max(BANYAK, lama) else []
    conn = sesi.connection()
    for i in indeks:
        i.drop(conn)
    yield
    for i in indeks:
        i.create(conn)


def sisipkan_pegawai(sesi: Any, kolom: list[str], baris: list[tuple[Any, ...]], setiap: Any = None) -> None:
    """Insert new pegawai (ids from the database): each row the values of `kolom`; `setiap(n)` as batches are
    written (progress, cancellation). The other columns get their schema defaults."""
    if not baris:
        return
    t = tabel("pegawai")
    bawaan = {
        c.name: c.default.arg
        for c in t.columns
        if c.name not in kolom and not c.primary_key and c.default is not None and not callable(c.default.arg)
    }
    _sisip_banyak(sesi, t.name, [t.c[k].name for k in kolom], baris, setiap, bawaan)


def perbarui_pegawai(sesi: Any, baris: list[dict[str, Any]], setiap: Any = None) -> None:
    """Update pegawai by `b_id`; every dict carries the same columns (the ones an import sets)."""
    if not baris:
        return
    t = tabel("pegawai")
    kolom = [k for k in baris[0] if k != "b_id"]
    sql = f"UPDATE {t.name} SET {', '.join(f'{t.c[k].name} = ?' for k in kolom)} WHERE id = ?"
    _batch_driver(sesi, sql, [*kolom, "b_id"], baris, setiap)


def sisipkan_unit(sesi: Any, baris: list[dict[str, Any]], setiap: Any = None) -> list[int]:
    """Insert new units (ids given by the caller, see `id_berikut`); `setiap(n)` after each batch."""
    from sqlalchemy import insert

    if baris:
        _batch(sesi, insert(tabel("unit_organisasi")), baris, setiap)
    return [b["id"] for b in baris]


def perbarui_unit(sesi: Any, baris: list[dict[str, Any]], setiap: Any = None) -> None:
    """Update units by `b_id`; every dict carries the same columns; `setiap(n)` after each batch."""
    _perbarui(sesi, "unit_organisasi", baris, setiap)


def _perbarui(sesi: Any, nama_tabel: str, baris: list[dict[str, Any]], setiap: Any = None) -> None:
    from sqlalchemy import bindparam, update

    if not baris:
        return
    t = tabel(nama_tabel)
    kolom = [k for k in baris[0] if k != "b_id"]
    perintah = update(t).where(t.c.id == bindparam("b_id")).values({k: bindparam(f"b_{k}") for k in kolom})
    _batch(sesi, perintah, [{f"b_{k}" if k != "b_id" else k: v for k, v in b.items()} for b in baris], setiap)


def pegawai_per_nip(sesi: Any, nip: list[str]) -> dict[str, int]:
    """Ids of the pegawai with the NIPs `nip` (one query, the list is one parameter)."""
    return {r.nip: r.id for r in jalankan(sesi, "SELECT id, nip FROM pegawai WHERE nip IN :nip", nip=nip)}
