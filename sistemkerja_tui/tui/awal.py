"""What the first screen needs from the database, read in a thread of its own that starts with the process.

`cli` starts a `PembukaAwal` before it imports Textual: the database is opened, migrated if it must be, and
the tree's top levels and the first page of pegawai are read while the interpreter imports the UI. When the
app mounts, the answer is usually there and the Struktur screen is filled before its first paint (no
"Memuat…" frame, no repaint of it while the rules are imported). Imports neither Textual nor the rules: the
thread imports those it needs.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import HasilBuka
    from sistemkerja_tui.layanan.pengguna import Pengguna
    from sistemkerja_tui.layanan.struktur import DetailPegawai, HalamanPegawai, Instansi, LayananStruktur, Unit


@dataclass(frozen=True)
class AwalStruktur:
    """The tree's top level under each instansi, the first page of the unit the cursor starts on and the detail
    of the pegawai on its first row: the whole first screen."""

    pohon: list[tuple[Instansi, list[Unit]]]
    halaman: HalamanPegawai | None
    detail: DetailPegawai | None = None


@dataclass(frozen=True)
class Dibuka:
    """An open database, its current user and what the first screen shows."""

    hasil: HasilBuka
    pengguna: Pengguna | None
    awal: AwalStruktur
    bersama: bool = False  # mode bersama: nothing is shown before a login


def baca_awal(layanan: LayananStruktur) -> AwalStruktur:
    """The tree's top levels, the first page of the unit the cursor starts on and its first pegawai's detail
    (off the UI thread)."""
    pohon = [(i, layanan.unit_akar(i.id)) for i in layanan.instansi]
    if not pohon or not pohon[0][1]:
        return AwalStruktur(pohon, None)
    halaman = layanan.halaman_pegawai(pohon[0][1][0].id)
    detail = layanan.detail_pegawai(halaman.baris[0].id) if halaman.baris else None
    return AwalStruktur(pohon, halaman, detail)


def buka(url: str | None) -> Dibuka:
    """Open the database at `url` and read what the first screen shows (raises `GagalBuka`)."""
    from sistemkerja_tui.layanan.mulai import buka_database

    hasil = buka_database(url)  # an empty database stays empty: the setup screen asks
    bersama = not hasil.kosong and hasil.layanan.akun.bersama()
    return Dibuka(hasil, hasil.layanan.pengguna.sekarang(), baca_awal(hasil.struktur), bersama)


class PembukaAwal:
    """`buka(url)` in a daemon thread started at once; `jawaban()` waits for it, returns it or raises."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._selesai = threading.Event()
        self._hasil: Dibuka | None = None
        self._galat: BaseException | None = None
        threading.Thread(target=self._jalan, name="buka-database", daemon=True).start()

    def _jalan(self) -> None:
        try:
            self._hasil = buka(self.url)
        except BaseException as e:  # handed to whoever waits, raised there
            self._galat = e
        finally:
            self._selesai.set()

    @property
    def selesai(self) -> bool:
        return self._selesai.is_set()

    def tunggu(self) -> None:
        self._selesai.wait()

    def jawaban(self) -> Dibuka:
        """The open database, or the error that stopped it (`GagalBuka`: the message names the fix)."""
        self._selesai.wait()
        if self._galat is not None:
            raise self._galat
        assert self._hasil is not None
        return self._hasil
