"""Bench of the Struktur screen (a script, not a test). Prints, in one run:

(a) cold start to a populated Struktur screen at 15 000 and 200 000 pegawai,
    against a minimal Textual app (Header + Tree + DataTable + Footer)
    measured the same way in the same run: a fresh process on an 80×24
    pseudo-terminal, timed from spawn to the last paint before exit — the
    arrival of the last output holding a frame before the app leaves the
    alternate screen. Each app exits right after the paint that makes it
    ready (the minimal app: its first paint; ours: the first page of pegawai
    and the footer's keys, whose text the bench checks for in the output).
    Textual's shutdown after that paint (~0.2 s, the same in both apps) is
    left out; time to process exit and the process's CPU time (which a busy
    machine disturbs less than wall time; ours includes the child it forks
    to read the first screen on the other core, tui/awal.py) are printed
    beside it. Both run from
    compiled bytecode, as an installed app does: a shell with
    PYTHONDONTWRITEBYTECODE (an editable install writes no .pyc) would have
    our modules compiled from source on every start (~0.1 s) and Textual's
    not; the bytecode goes to a folder beside the databases
    (PYTHONPYCACHEPREFIX), written by the warm-up runs.
    Budget: ratio ≤ 1.5 at 15 000.
(b) search from pressing `/` to painted results, p50 and p95, at 15 000,
    80 000 and 200 000 pegawai: `/` is pressed as soon as the first page is
    shown (the index the app builds right after start may not be ready: the
    first key then waits for it, and that wait is in its sample), then 229
    keystrokes of single words, two-word and rare queries ("ahli nur"), a NIP
    and names typed with gelar; each key event is posted to the running app
    (headless, 80×24) and the search screen stamps the time of the paint that
    shows its results. Baseline: the same keystrokes in an Input with no
    search, stamped the same way. Budget: p95 ≤ 33 ms.

The demo databases are those of bench/laporan.py (same folder, same cache key): built once, then reused.

Usage: python bench/struktur.py [--ulang N] [--jumlah N ...] [--mulai N ...] [--folder DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pty
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from laporan import _database

AKAR = Path(__file__).resolve().parent.parent
PY = sys.executable
PERTANYAAN = [
    "siti",
    "ahli muda",
    "perencana",
    "budi san",
    "1978",
    "kepala bidang",
    "nur",
    "guru ahli",
    "dewi",
    "ahli nur",
    "pengadministrasi ahli",
    "puskesmas rawa",
    "haslinda syam, s.gz., m.gz.",
    "dr. siti",
    "sri wah",
    "analis kebijakan",
    "zainal ars",
    "19850202 2010",
    "nurul pera",
    "bidan ahli",
    "ahli pelaksana",
    "agus kur",
]


_BINGKAI = re.compile(rb"\x1b\[\d+;\d+H")  # a cursor move: Textual writes each frame as positioned lines
_KELUAR_LAYAR = b"\x1b[?1049l"  # leaving the alternate screen: the app has stopped painting
# the ready paint shows the first page (the Struktur info line) and the footer's keys
TANDA_SIAP = (b"hal. 1/", b" Keluar")


def _waktu_di_pty(argv: list[str], env: dict[str, str], tanda: tuple[bytes, ...] = ()) -> tuple[float, float, float]:
    """(spawn → last paint before exit, spawn → exit, CPU time of the process) of `argv` on an 80×24
    pseudo-terminal.

    The output painted before exit must hold each of `tanda` (the screen really was ready)."""
    import fcntl
    import struct
    import termios

    induk, anak = pty.openpty()
    fcntl.ioctl(anak, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    t = time.perf_counter()
    proses = subprocess.Popen(argv, stdin=anak, stdout=anak, stderr=anak, env=env, close_fds=True)
    os.close(anak)
    cat = None  # arrival of the last output holding a frame, before the alternate screen is left
    keluaran = bytearray()
    selesai = False
    while True:  # drain the terminal so the app never blocks on output
        try:
            potong = os.read(induk, 65536)
        except OSError:
            break
        if not potong:
            break
        if selesai:
            continue
        tiba = time.perf_counter()
        sebelum, _, _ = potong.partition(_KELUAR_LAYAR)
        if _BINGKAI.search(sebelum):
            cat = tiba
        keluaran += sebelum
        selesai = len(sebelum) < len(potong)
    _, status, pakai = os.wait4(proses.pid, 0)
    lama = time.perf_counter() - t
    kode = os.waitstatus_to_exitcode(status)
    proses.returncode = kode
    os.close(induk)
    if kode != 0:
        raise SystemExit(f"{argv} keluar dengan kode {kode}")
    if cat is None or any(t not in keluaran for t in tanda):
        raise SystemExit(f"{argv}: layar siap tidak tergambar sebelum keluar")
    return cat - t, lama, pakai.ru_utime + pakai.ru_stime


def bench_mulai(db: Path, jumlah: int, ulang: int) -> float:
    """Median cold start of ours and of the minimal app, printed; returns the ratio."""
    env = dict(
        os.environ,
        TERM="xterm-256color",
        TEXTUAL_ANIMATION="none",
        SISTEMKERJA_KELUAR_SAAT_SIAP="1",
        SISTEMKERJA_CONFIG=str(db.parent / "config.toml"),
        PYTHONPYCACHEPREFIX=str(db.parent / "pycache"),
    )
    for nama in ("PYTHONDONTWRITEBYTECODE", "COLUMNS", "LINES"):  # the size is the pseudo-terminal's, 80×24
        env.pop(nama, None)
    minimal = [PY, str(AKAR / "bench" / "aplikasi_minimal.py")]
    kita = [PY, "-m", "sistemkerja_tui", "--db", str(db)]
    _waktu_di_pty(kita, env, TANDA_SIAP)  # warm the OS file cache for both
    _waktu_di_pty(minimal, env)
    a, b = [], []
    for _ in range(ulang):  # interleaved: a noisy moment weighs on both
        a.append(_waktu_di_pty(minimal, env))
        b.append(_waktu_di_pty(kita, env, TANDA_SIAP))
    ma, mb = (statistics.median(x[0] for x in a), statistics.median(x[0] for x in b))
    ka, kb = (statistics.median(x[1] for x in a), statistics.median(x[1] for x in b))
    ca, cb = (statistics.median(x[2] for x in a), statistics.median(x[2] for x in b))
    anggaran = " (anggaran ≤ 1.5)" if jumlah == 15_000 else ""
    print(
        f"(a) mulai dingin {jumlah:>7} pegawai, median dari {ulang}, sampai gambar terakhir sebelum keluar: "
        f"aplikasi minimal {ma * 1000:.0f} ms · Struktur terisi {mb * 1000:.0f} ms · rasio {mb / ma:.2f}{anggaran}"
        f" — sampai proses keluar: {ka * 1000:.0f} ms · {kb * 1000:.0f} ms · rasio {kb / ka:.2f}"
        f" — waktu CPU proses (sampai keluar, tak terpengaruh antrean CPU): {ca * 1000:.0f} ms · {cb * 1000:.0f} ms"
        f" · rasio {cb / ca:.2f}"
    )
    return mb / ma


async def _ukur_ketik(pilot, layar, mulai: float | None = None) -> list[float]:
    """Per keystroke: from posting the key to the paint that shows its result (stamped by the screen).

    With `mulai` (when `/` was pressed), the first sample runs from there instead: it holds opening the screen
    and, when the index is not ready yet, the wait for it."""
    from textual import events

    sampel = []
    for n, q in enumerate(PERTANYAAN):
        if n:
            layar.query_one("Input").value = ""
            await pilot.pause()
        for huruf in q:
            generasi = layar.generasi
            t = time.perf_counter() if mulai is None else mulai
            mulai = None
            pilot.app.post_message(events.Key(" " if huruf == " " else huruf, huruf))
            while layar.generasi == generasi:
                await asyncio.sleep(0.0002)
            sampel.append(layar.waktu_tampil - t)
    return sampel


class _LayarAcuan:
    """Baseline screen: an Input that only echoes (no search), stamped the same way."""

    @staticmethod
    def buat():
        from textual import on
        from textual.screen import ModalScreen
        from textual.widgets import Input

        class LayarAcuan(ModalScreen):
            generasi = 0
            waktu_tampil = 0.0

            def compose(self):
                yield Input()

            @on(Input.Changed)
            def _ubah(self) -> None:
                self.call_after_refresh(self._tercat)

            def _tercat(self) -> None:
                self.generasi += 1
                self.waktu_tampil = time.perf_counter()

        return LayarAcuan()


async def _bench_cari_async(db: Path) -> tuple[list[float], list[float], bool]:
    from textual.app import App

    from sistemkerja_tui.tui.app import SistemKerjaApp
    from sistemkerja_tui.tui.screens.cari import LayarCari

    app = SistemKerjaApp(url=str(db))
    async with app.run_test(size=(80, 24)) as pilot:
        while app.waktu_siap is None:
            await asyncio.sleep(0.01)
        assert app.hasil_buka is not None
        siap = app.hasil_buka.struktur.indeks_siap  # at the moment `/` is pressed
        mulai = time.perf_counter()
        await pilot.press("slash")
        layar = app.screen
        assert isinstance(layar, LayarCari)
        hasil = await _ukur_ketik(pilot, layar, mulai)  # the first key waits for the index when it is not ready

    dasar: App[None] = App()
    async with dasar.run_test(size=(80, 24)) as pilot:
        layar = _LayarAcuan.buat()
        dasar.push_screen(layar)
        await pilot.pause()
        acuan = await _ukur_ketik(pilot, layar)
    return hasil, acuan, siap


def _persentil(data: list[float], p: float) -> float:
    data = sorted(data)
    return data[min(len(data) - 1, round(p / 100 * (len(data) - 1)))]


def bench_cari(db: Path, jumlah: int) -> None:
    hasil, acuan, siap = asyncio.run(_bench_cari_async(db))
    p50, p95 = _persentil(hasil, 50) * 1000, _persentil(hasil, 95) * 1000
    a50, a95 = _persentil(acuan, 50) * 1000, _persentil(acuan, 95) * 1000
    pertama = "indeks sudah siap saat /" if siap else "indeks belum siap saat /"
    print(
        f"(b) cari {jumlah:>6} pegawai, {len(hasil)} ketukan sejak /: p50 {p50:.1f} ms · p95 {p95:.1f} ms · "
        f"maks {max(hasil) * 1000:.0f} ms (anggaran p95 ≤ 33 ms) · dari / ke hasil pertama {hasil[0] * 1000:.0f} ms "
        f"({pertama}) · acuan Input kosong p50 {a50:.1f} ms, p95 {a95:.1f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ulang", type=int, default=7)
    ap.add_argument("--mulai", type=int, nargs="*", default=[15_000, 200_000], help="ukuran Pemda (a)")
    ap.add_argument("--jumlah", type=int, nargs="*", default=[15_000, 80_000, 200_000], help="ukuran Pemda (b)")
    ap.add_argument(
        "--folder",
        type=Path,
        default=Path(tempfile.gettempdir()) / "sistemkerja-bench-laporan",
        help="folder database demo (dipakai ulang, sama dengan bench/laporan.py)",
    )
    args = ap.parse_args()
    os.environ.setdefault("TEXTUAL_ANIMATION", "none")
    print(f"bench Struktur — Python {sys.version.split()[0]}, folder {args.folder}")
    for jumlah in args.mulai:
        bench_mulai(_database(jumlah, args.folder), jumlah, args.ulang)
    for jumlah in args.jumlah:
        bench_cari(_database(jumlah, args.folder), jumlah)


if __name__ == "__main__":
    main()
