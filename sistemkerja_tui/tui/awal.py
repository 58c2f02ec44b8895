"""What the first screen needs from the database, read while the interpreter imports the UI.

`cli` starts a `PembukaAwal` before it imports Textual. Where the system can fork and has a second core, a
child process (`BacaanAnak`) reads the first screen — the tree's top levels, the first page of pegawai with
their PPK, the first pegawai's detail — on that core, rules and all, and hands it over pickled through a pipe;
meanwhile a thread of this process opens the database's services, which read the unit tree and the profile only
when a later screen asks. So the GIL this process needs for Textual is not shared with that work. Without a
child (no fork, one core, a database to create or migrate, or the child failed) the thread reads it all itself.
When the app mounts, the answer is usually there and the Struktur screen is filled before its first paint. Imports
neither Textual nor the rules: the thread and the child import those they need.
"""

from __future__ import annotations

import os
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


def buka(url: str | None, anak: BacaanAnak | None = None) -> Dibuka:
    """Open the database at `url` and read what the first screen shows, or take it from `anak` when it could
    read it (raises `GagalBuka`)."""
    from sistemkerja_tui.layanan.mulai import buka_database

    try:
        hasil = buka_database(url)  # an empty database stays empty: the setup screen asks
        bersama = not hasil.kosong and hasil.layanan.akun.bersama()
        pengguna = hasil.layanan.pengguna.sekarang()
    finally:  # the child is waited for also when the database cannot be opened (it ends at once then)
        awal = anak.terima() if anak is not None else None
    return Dibuka(hasil, pengguna, awal or baca_awal(hasil.struktur), bersama)


class BacaanAnak:
    """`baca_awal` of a SQLite file already at the current schema, in a forked child process.

    The child reads through sqlite3 only (`store.baca.pembaca_cepat`: read-only, never a migration), writes the
    pickled `AwalStruktur` to a pipe and ends with `os._exit` (no atexit handlers, no flush of buffers it
    inherited); its standard streams point at /dev/null, so it never writes on the terminal. Anything else — a
    file to create or migrate, a server database, an error — and it ends without an answer: `terima` gives None and
    the caller reads the screen itself, so every error is reported once, by the process the user runs.
    """

    BATAS_DETIK = 10.0  # a child that has not answered by then is stopped: the caller reads it itself

    def __init__(self, pid: int, pipa: int) -> None:
        self._pid = pid
        self._pipa = pipa

    @classmethod
    def mulai(cls, url: str | None) -> BacaanAnak | None:
        """Fork the child now (call before any thread is started); None where forking would not help."""
        if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
            return None
        baca, tulis = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(baca)
            _jalankan_anak(url, tulis)
        os.close(tulis)
        return cls(pid, baca)

    def terima(self) -> AwalStruktur | None:
        """The child's reading; None when it ended without one or took longer than `BATAS_DETIK`."""
        import contextlib
        import pickle  # here and in the child: not on the main thread while it imports Textual
        import select
        import signal
        import time

        data = bytearray()
        tenggat = time.monotonic() + self.BATAS_DETIK
        try:
            while True:
                siap, _, _ = select.select([self._pipa], [], [], max(0.0, tenggat - time.monotonic()))
                if not siap:
                    with contextlib.suppress(ProcessLookupError):  # it may have ended just now
                        os.kill(self._pid, signal.SIGKILL)
                    return None
                potong = os.read(self._pipa, 1 << 16)
                if not potong:
                    break
                data += potong
        finally:
            os.close(self._pipa)
            _, status = os.waitpid(self._pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            return None
        hasil: AwalStruktur = pickle.loads(data)  # our own child's bytes, through a pipe only we hold
        return hasil


def _jalankan_anak(url: str | None, pipa: int) -> None:
    """The child's whole life: read the first screen, write it to `pipa`, exit (0 only when it was written)."""
    kode = 1
    try:
        import pickle

        nol = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(nol, fd)
        from sistemkerja_tui.layanan.mulai import struktur_cepat

        struktur = struktur_cepat(url)
        if struktur is not None:
            data = pickle.dumps(baca_awal(struktur), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(pipa, "wb") as f:
                f.write(data)
            kode = 0
    finally:
        os._exit(kode)


class PembukaAwal:
    """`buka(url)` in a daemon thread started at once; `jawaban()` waits for it, returns it or raises.

    With `anak`, the first screen is read by a forked child (`BacaanAnak`): only from a process that has started
    no thread yet (the CLI, before it imports Textual)."""

    def __init__(self, url: str | None, *, anak: bool = False) -> None:
        self.url = url
        self._anak = BacaanAnak.mulai(url) if anak else None  # forked before the thread below exists
        self._selesai = threading.Event()
        self._hasil: Dibuka | None = None
        self._galat: BaseException | None = None
        threading.Thread(target=self._jalan, name="buka-database", daemon=True).start()

    def _jalan(self) -> None:
        try:
            self._hasil = buka(self.url, self._anak)
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
