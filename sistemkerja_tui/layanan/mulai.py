"""Opening the database the app works on (migrating it, seeding the demo on first start)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from sistemkerja_tui.layanan.struktur import LayananStruktur


class GagalBuka(Exception):
    """The database cannot be used; the message (Indonesian) names the file and the fix."""


@dataclass(frozen=True)
class HasilBuka:
    struktur: LayananStruktur
    url: str
    demo_dibuat: bool


def buka_database(url: str | None = None, *, demo_jika_kosong: bool = True) -> HasilBuka:
    """Migrate the database at `url` (see `store.db.url_database`) and return the services.

    An empty database gets the demo Pemda when `demo_jika_kosong`.
    """
    from sistemkerja_tui.store.db import DatabaseError, siapkan_database, url_database

    url = url_database(url)
    try:
        engine = siapkan_database(url)
    except DatabaseError as e:
        raise GagalBuka(str(e)) from e
    demo = False
    if demo_jika_kosong:
        with engine.connect() as c:
            kosong = c.execute(text("SELECT COUNT(*) FROM instansi")).scalar_one() == 0
        if kosong:
            from sistemkerja_tui.layanan.demo import buat_demo

            buat_demo(engine)
            demo = True
    return HasilBuka(LayananStruktur(engine), url, demo)
