"""All SQL of the app, one module per aggregate (struktur, tim, permohonan, kegiatan, surat, laporan).

Conventions:
- a read function takes a `store.baca.Pembaca` (outside any transaction);
  a write function, or a read inside a use case, takes the `Session` of
  `store.db.transaksi`;
- enum codes are parameters taken from `aturan.enums`, never SQL literals;
  conditions shared by several queries live in `kueri.syarat`;
- a list parameter stays one parameter (`store.baca.luaskan`), whatever its
  length: `jalankan` applies it inside a transaction as `Pembaca` does outside;
- a row a use case decides on is read with `kunci=True` (`SELECT … FOR UPDATE`
  on PostgreSQL; on SQLite the transaction already holds the write lock).
"""

from __future__ import annotations

from typing import Any

from sistemkerja_tui.store.baca import luaskan


def jalankan(sesi: Any, sql: str, **param: Any) -> Any:
    """Execute `sql` in the use case's transaction; the SQLAlchemy result."""
    from sqlalchemy import text  # here, not at import: read-only start-up never loads SQLAlchemy (DESIGN §7)

    sql, param = luaskan(sql, param, sesi.get_bind().dialect.name)
    return sesi.execute(text(sql), param)


def tabel(nama: str) -> Any:
    """The schema's table `nama`, for statements built with SQLAlchemy Core (bulk inserts, row locks)."""
    from sqlmodel import SQLModel

    import sistemkerja_tui.store.models  # noqa: F401 — defines the tables on SQLModel.metadata

    return SQLModel.metadata.tables[nama]
