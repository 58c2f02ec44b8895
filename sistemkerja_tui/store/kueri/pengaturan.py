"""SQL of the settings table: one text value per key (the current user, a signer's Plt./Plh., codes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sistemkerja_tui.store.kueri import jalankan

if TYPE_CHECKING:
    from sistemkerja_tui.store.baca import Pembaca


def nilai(pembaca: Pembaca, kunci: str) -> str | None:
    """The value stored under `kunci`; None when it was never set."""
    baris = pembaca.semua("SELECT nilai FROM pengaturan WHERE kunci = :k", k=kunci)
    return baris[0].nilai if baris else None


def simpan(sesi: Any, kunci: str, nilai: str) -> None:
    """Store `nilai` under `kunci` in `sesi`'s transaction (insert or replace)."""
    jalankan(sesi, "INSERT INTO pengaturan (kunci, nilai) VALUES (:k, :v) "
                   "ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai", k=kunci, v=nilai)
