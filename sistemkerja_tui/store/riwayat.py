"""The one audit writer: every use case records what it changed through `catat`.

One actor format: `pelaku_id` (the pegawai who acted, None for the app
itself, e.g. the demo seeder or an import run from the CLI without a user)
and `pelaku`, their full name with gelar at that moment. `rincian` is JSON;
never put NIP lists, birth dates or whole rows in it (UU 27/2022).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import text

from sistemkerja_tui.aturan.sebutan import nama_lengkap
from sistemkerja_tui.store.galat import PelakuTidakSah

_NAMA = text("SELECT nama, gelar_depan, gelar_belakang FROM pegawai WHERE id = :id")
_TULIS = text(
    "INSERT INTO riwayat (waktu, pelaku_id, pelaku, aksi, entitas, entitas_id, rincian) "
    "VALUES (:waktu, :pelaku_id, :pelaku, :aksi, :entitas, :entitas_id, :rincian)"
)


# mode "bersama": the one pegawai a logged-in instance may act as, by its engine's connection pool
_PELAKU_SAH: WeakKeyDictionary[Any, int] = WeakKeyDictionary()


def batasi_pelaku(engine: Any, pegawai_id: int | None) -> None:
    """From now on every write through `engine` is in the name of `pegawai_id` (or of the app itself); None lifts it."""
    if pegawai_id is None:
        _PELAKU_SAH.pop(engine.pool, None)
    else:
        _PELAKU_SAH[engine.pool] = pegawai_id


def _periksa_pelaku(sesi: Any, oleh_id: int | None) -> None:
    bind = sesi.get_bind() if hasattr(sesi, "get_bind") else sesi.engine
    sah = _PELAKU_SAH.get(bind.pool)
    if sah is not None and oleh_id is not None and oleh_id != sah:
        raise PelakuTidakSah(
            "Tindakan ini atas nama pegawai lain, bukan akun yang sedang masuk; tidak ada yang disimpan. "
            "Keluar, lalu masuk dengan akun pegawai itu."
        )


def _pelaku(sesi: Any, oleh_id: int | None) -> str:
    """The actor's full name with gelar; empty for the app itself or an unknown id."""
    if oleh_id is None:
        return ""
    baris = sesi.execute(_NAMA, {"id": oleh_id}).first()
    return nama_lengkap(baris.nama, baris.gelar_depan, baris.gelar_belakang) if baris else ""


def catat(sesi: Any, *, oleh_id: int | None, aksi: str, entitas: str, entitas_id: int | None, **rincian: Any) -> None:
    """Write one audit row in `sesi`'s transaction: `oleh_id` did `aksi` on `entitas` #`entitas_id`."""
    from sistemkerja_tui.store.models import sekarang

    _periksa_pelaku(sesi, oleh_id)
    pelaku = _pelaku(sesi, oleh_id)
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


def catat_banyak(
    sesi: Any, *, oleh_id: int | None, aksi: str, entitas: str, rincian: Sequence[tuple[int | None, Mapping[str, Any]]]
) -> None:
    """`catat` for many entities at once (an import): one actor lookup, one batched INSERT."""
    from sistemkerja_tui.store.models import sekarang

    if not rincian:
        return
    _periksa_pelaku(sesi, oleh_id)
    pelaku = _pelaku(sesi, oleh_id)
    waktu = sekarang()
    sesi.execute(
        _TULIS,
        [
            {
                "waktu": waktu,
                "pelaku_id": oleh_id if pelaku else None,
                "pelaku": pelaku,
                "aksi": aksi,
                "entitas": entitas,
                "entitas_id": entitas_id,
                "rincian": json.dumps(dict(r), ensure_ascii=False, default=str),
            }
            for entitas_id, r in rincian
        ],
    )
