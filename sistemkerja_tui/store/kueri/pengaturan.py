"""Queries of the settings table (`pengaturan`): one text value per key.

Keys used by the app: `pengguna_id` (the current user, a unit head) and
`ttd.<pegawai id>` (that unit head signs as Plt./Plh.). The classification
codes of letters are the instansi's (`instansi.kode_klasifikasi`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sistemkerja_tui.store.kueri import jalankan

if TYPE_CHECKING:
    from sqlmodel import Session

    from sistemkerja_tui.store.baca import Pembaca

KUNCI_PENGGUNA = "pengguna_id"


def kunci_ttd(pegawai_id: int) -> str:
    """The key holding pegawai `pegawai_id`'s signer status."""
    return f"ttd.{pegawai_id}"


def nilai(pembaca: Pembaca, kunci: str) -> str | None:
    """The value stored under `kunci`, None when it was never set."""
    baris = pembaca.semua("SELECT nilai FROM pengaturan WHERE kunci = :k", k=kunci)
    return baris[0].nilai if baris else None


def simpan(sesi: Session, kunci: str, isi: str) -> str | None:
    """Store `isi` under `kunci` in the use case's transaction; the value it replaces (read locked), or None."""
    from sqlmodel import select

    from sistemkerja_tui.store.models import Pengaturan

    lama = sesi.exec(select(Pengaturan.nilai).where(Pengaturan.kunci == kunci).with_for_update()).first()
    jalankan(
        sesi,
        "INSERT INTO pengaturan (kunci, nilai) VALUES (:k, :v) "
        "ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai",
        k=kunci,
        v=isi,
    )
    return lama
