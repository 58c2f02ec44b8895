"""Opening the database the app works on (migrating it; an empty one stays empty until the user sets it up)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from sistemkerja_tui.layanan.akun import LayananAkun, SesiMasuk
    from sistemkerja_tui.layanan.anomali import LayananAnomali
    from sistemkerja_tui.layanan.impor import LayananImpor
    from sistemkerja_tui.layanan.instansi import LayananInstansi
    from sistemkerja_tui.layanan.kegiatan import LayananKegiatan
    from sistemkerja_tui.layanan.laporan import LayananLaporan
    from sistemkerja_tui.layanan.pengguna import LayananPengguna
    from sistemkerja_tui.layanan.penugasan import LayananPenugasan
    from sistemkerja_tui.layanan.struktur import LayananStruktur
    from sistemkerja_tui.layanan.surat import LayananSurat
    from sistemkerja_tui.layanan.tim import LayananTim
    from sistemkerja_tui.layanan.ubah_struktur import LayananUbahStruktur
    from sistemkerja_tui.store.baca import Pembaca


class GagalBuka(Exception):
    """The database cannot be used; the message (Indonesian) names the file and the fix."""


class Layanan:
    """The services of one open database. The write engine (SQLAlchemy) is made on first use."""

    def __init__(self, url: str, struktur: LayananStruktur, engine: Engine | None = None) -> None:
        self.url = url
        self.struktur = struktur
        self._engine = engine
        self._kunci = threading.Lock()
        self.sesi: SesiMasuk | None = None  # mode "bersama": the account logged in to this instance

    @property
    def engine(self) -> Engine:
        with self._kunci:
            if self._engine is None:
                from sistemkerja_tui.store.db import siapkan_database

                self._engine = siapkan_database(self.url)
            return self._engine

    def transaksi_admin(self, apa: str):
        """The write transaction of a structure change (`store.db.transaksi`): in mode bersama only an
        administrator's logged-in instance may make it (the CLI, with no login, is the administrator's tool)."""
        from sistemkerja_tui.layanan.galat import Ditolak
        from sistemkerja_tui.store.db import transaksi

        if self.sesi is not None and not self.sesi.admin:
            raise Ditolak(
                f"{apa} hanya dapat dilakukan administrator (Bagian Organisasi / BKPSDM) dalam mode bersama; "
                "hubungi administrator Pemda Anda."
            )
        return transaksi(self.engine)

    @cached_property
    def akun(self) -> LayananAkun:
        from sistemkerja_tui.layanan.akun import LayananAkun

        return LayananAkun(self)

    @cached_property
    def tim(self) -> LayananTim:
        from sistemkerja_tui.layanan.tim import LayananTim

        return LayananTim(self)

    @cached_property
    def instansi(self) -> LayananInstansi:
        from sistemkerja_tui.layanan.instansi import LayananInstansi

        return LayananInstansi(self)

    @cached_property
    def kegiatan(self) -> LayananKegiatan:
        from sistemkerja_tui.layanan.kegiatan import LayananKegiatan

        return LayananKegiatan(self)

    @cached_property
    def laporan(self) -> LayananLaporan:
        from sistemkerja_tui.layanan.laporan import LayananLaporan

        return LayananLaporan(self)

    @cached_property
    def surat(self) -> LayananSurat:
        from sistemkerja_tui.layanan.surat import LayananSurat

        return LayananSurat(self)

    @cached_property
    def pengguna(self) -> LayananPengguna:
        from sistemkerja_tui.layanan.pengguna import LayananPengguna

        return LayananPengguna(self)

    @cached_property
    def penugasan(self) -> LayananPenugasan:
        from sistemkerja_tui.layanan.penugasan import LayananPenugasan

        return LayananPenugasan(self)

    @cached_property
    def impor(self) -> LayananImpor:
        from sistemkerja_tui.layanan.impor import LayananImpor

        return LayananImpor(self)

    @cached_property
    def ubah_struktur(self) -> LayananUbahStruktur:
        from sistemkerja_tui.layanan.ubah_struktur import LayananUbahStruktur

        return LayananUbahStruktur(self)

    @cached_property
    def anomali(self) -> LayananAnomali:
        from sistemkerja_tui.layanan.anomali import LayananAnomali

        return LayananAnomali(self)

    def tutup(self) -> None:
        self.struktur.pembaca.tutup()
        if self._engine is not None:
            self._engine.dispose()


@dataclass(frozen=True)
class HasilBuka:
    layanan: Layanan
    demo_dibuat: bool

    @property
    def kosong(self) -> bool:
        """No instansi yet: the TUI opens its setup screen."""
        return not self.layanan.struktur.instansi

    @property
    def struktur(self) -> LayananStruktur:
        return self.layanan.struktur

    @property
    def url(self) -> str:
        return self.layanan.url


def buka_database(url: str | None = None, *, demo_jika_kosong: bool = False) -> HasilBuka:
    """Open the database at `url` (see `store.lokasi.url_database`) and return the services.

    A SQLite file already at the current schema is read without SQLAlchemy;
    anything else is created, migrated (after a backup) or refused by
    `store.db.siapkan_database`. An empty database is never filled unasked:
    only `demo_jika_kosong` (tests, benches) seeds the demo Pemda there.
    """
    from sistemkerja_tui.layanan.struktur import LayananStruktur  # with the rules it reads by: in this worker
    from sistemkerja_tui.store.baca import Pembaca, pembaca_cepat
    from sistemkerja_tui.store.lokasi import url_database

    url = url_database(url)
    pembaca = pembaca_cepat(url)
    engine = None
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
    # the instansi, the unit tree and the profile are read on first use (`LayananStruktur`), in the worker that
    # asks: the TUI's first screen may come from another process (`tui.awal`)
    return HasilBuka(Layanan(url, LayananStruktur(pembaca), engine), demo)


def struktur_cepat(url: str | None) -> LayananStruktur | None:
    """The structure services of a SQLite file already at the current schema (`url` as in `buka_database`),
    read through sqlite3 alone — no SQLAlchemy, never a write; None for any other database."""
    from sistemkerja_tui.layanan.struktur import LayananStruktur
    from sistemkerja_tui.store.baca import pembaca_cepat
    from sistemkerja_tui.store.lokasi import url_database

    pembaca = pembaca_cepat(url_database(url))
    return LayananStruktur(pembaca) if pembaca is not None else None


def _kosong(pembaca: Pembaca) -> bool:
    from sistemkerja_tui.store.kueri.struktur import jumlah_instansi

    return jumlah_instansi(pembaca) == 0
