"""Opening the database the app works on (migrating it, seeding the demo on first start)."""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja_tui.layanan.struktur import LayananStruktur


class GagalBuka(Exception):
    """The database cannot be used; the message (Indonesian) names the file and the fix."""


@dataclass(frozen=True)
class HasilBuka:
    struktur: LayananStruktur
    url: str
    demo_dibuat: bool


def buka_database(url: str | None = None, *, demo_jika_kosong: bool = True) -> HasilBuka:
    """Open the database at `url` (see `store.lokasi.url_database`) and return the services.

    A SQLite file already at the current schema is read without SQLAlchemy;
    anything else is created, migrated (after a backup) or refused by
    `store.db.siapkan_database`. An empty database gets the demo Pemda
    when `demo_jika_kosong`.
    """
    from sistemkerja_tui.store.baca import Pembaca, pembaca_cepat
    from sistemkerja_tui.store.lokasi import url_database

    url = url_database(url)
    pembaca = pembaca_cepat(url)
    demo = False
    if pembaca is None or (demo_jika_kosong and _kosong(pembaca)):
        from sistemkerja_tui.store.db import DatabaseError, siapkan_database

        if pembaca is not None:
            pembaca.tutup()
        try:
            engine = siapkan_database(url)
        except DatabaseError as e:
            raise GagalBuka(str(e)) from e
        pembaca = Pembaca.untuk_engine(engine)
        if demo_jika_kosong and _kosong(pembaca):
            from sistemkerja_tui.layanan.demo import buat_demo

            buat_demo(engine)
            demo = True
    struktur = LayananStruktur(pembaca)
    struktur.muat()
    return HasilBuka(struktur, url, demo)


def _kosong(pembaca) -> bool:
    return pembaca.skalar("SELECT COUNT(*) FROM instansi") == 0
