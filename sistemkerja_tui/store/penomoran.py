"""The transactional letter counter: one row per (classification, unit code, year).

`nomor_berikut` runs inside the caller's transaction as one atomic UPSERT, so
two app instances on the same database never get the same number, and a
letter whose registration fails gives its number back (the transaction rolls
back). SQLite ≥ 3.35 and PostgreSQL both support `ON CONFLICT … RETURNING`.
"""

from __future__ import annotations

from sqlalchemy import text

_SQL = text(
    "INSERT INTO penomoran_surat (kode_klasifikasi, kode_unit, tahun, terakhir) VALUES (:k, :u, :t, 1) "
    "ON CONFLICT (kode_klasifikasi, kode_unit, tahun) DO UPDATE SET terakhir = penomoran_surat.terakhir + 1 "
    "RETURNING terakhir"
)


def nomor_berikut(sesi, kode_klasifikasi: str, kode_unit: str, tahun: int) -> int:
    """Take the next sequence number for (classification, unit, year) in `sesi`'s transaction."""
    return sesi.execute(_SQL, {"k": kode_klasifikasi, "u": kode_unit, "t": tahun}).scalar_one()
