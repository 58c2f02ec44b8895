"""The one audit writer: every use case records what it changed through `catat`.

One actor format: `pelaku_id` (the pegawai who acted, None for the app
itself, e.g. the demo seeder or an import run from the CLI without a user)
and `pelaku`, their full name with gelar at that moment. `rincian` is JSON;
never put NIP lists, birth dates or whole rows in it (UU 27/2022).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from sistemkerja_tui.aturan.sebutan import nama_lengkap

_NAMA = text("SELECT nama, gelar_depan, gelar_belakang FROM pegawai WHERE id = :id")
_TULIS = text(
    "INSERT INTO riwayat (waktu, pelaku_id, pelaku, aksi, entitas, entitas_id, rincian) "
    "VALUES (:waktu, :pelaku_id, :pelaku, :aksi, :entitas, :entitas_id, :rincian)"
)


def catat(sesi: Any, *, oleh_id: int | None, aksi: str, entitas: str, entitas_id: int | None, **rincian: Any) -> None:
    """Write one audit row in `sesi`'s transaction: `oleh_id` did `aksi` on `entitas` #`entitas_id`."""
    from sistemkerja_tui.store.models import sekarang

    pelaku = ""
    if oleh_id is not None:
        baris = sesi.execute(_NAMA, {"id": oleh_id}).first()
        pelaku = nama_lengkap(baris.nama, baris.gelar_depan, baris.gelar_belakang) if baris else ""
    sesi.execute(
        _TULIS,
        {
            "waktu": sekarang(),
            "pelaku_id": oleh_id if pelaku else None,
            "pelaku": pelaku,
            "aksi": aksi,
            "entitas": entitas,
            "entitas_id": entitas_id,
            "rincian": json.dumps(rincian, ensure_ascii=False, default=str),
        },
    )
