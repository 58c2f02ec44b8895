"""Bench of the Struktur screen (a script, not a test). Prints, in one run:

(a) cold start to a populated Struktur screen on a 15 000-pegawai database,
    as a ratio against a minimal Textual app (Header + Tree + DataTable +
    Footer) started the same way: a fresh process on a pseudo-terminal,
    timed from spawn to exit, the app exiting right after its first paint
    (ours: after the first page of pegawai is painted). Budget: ratio ≤ 2.0.
(b) search keystroke → painted results, p50 and p95, at 15 000 and 80 000
    pegawai: the key event is posted to the running app (headless, 80×24)
    and the search screen stamps the time of the paint that shows the
    results; baseline: the same keystrokes in an Input with no search,
    stamped the same way. Budget: p95 ≤ 50 ms.

Usage: python bench/struktur.py [--ulang N] [--tanpa-80k] [--folder DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pty
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PY = sys.executable
PERTANYAAN = ["siti", "ahli muda", "perencana", "budi san", "1978", "kepala bidang", "nur", "guru ahli", "dewi"]


def _siapkan_db(folder: Path, jumlah: int) -> Path:
    db = folder / f"bench-{jumlah}.db"
    if not db.exists():
        t = time.perf_counter()
        subprocess.run(
            [PY, "-m", "sistemkerja_tui", "demo", "--pegawai", str(jumlah), "--db", str(db)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"  database demo {jumlah} pegawai dibuat dalam {time.perf_counter() - t:.1f} s")
    return db


def _waktu_di_pty(argv: list[str], env: dict[str, str]) -> float:
    """Wall time from spawn to exit of `argv` on an 80×24 pseudo-terminal."""
    import fcntl
    import struct
    import termios

    induk, anak = pty.openpty()
    fcntl.ioctl(anak, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    t = time.perf_counter()
    proses = subprocess.Popen(argv, stdin=anak, stdout=anak, stderr=anak, env=env, close_fds=True)
    os.close(anak)
    while True:  # drain the terminal so the app never blocks on output
        try:
            if not os.read(induk, 65536):
                break
        except OSError:
            break
    kode = proses.wait()
    lama = time.perf_counter() - t
    os.close(induk)
    if kode != 0:
        raise SystemExit(f"{argv} keluar dengan kode {kode}")
    return lama


def bench_mulai(db: Path, ulang: int) -> None:
    env = dict(
        os.environ,
        TERM="xterm-256color",
        TEXTUAL_ANIMATION="none",
        SISTEMKERJA_KELUAR_SAAT_SIAP="1",
        SISTEMKERJA_CONFIG=str(db.parent / "config.toml"),
    )
    minimal = [PY, str(AKAR / "bench" / "aplikasi_minimal.py")]
    kita = [PY, "-m", "sistemkerja_tui", "--db", str(db)]
    _waktu_di_pty(kita, env)  # warm the OS file cache for both
    _waktu_di_pty(minimal, env)
    a, b = [], []
    for _ in range(ulang):
        a.append(_waktu_di_pty(minimal, env))
        b.append(_waktu_di_pty(kita, env))
    ma, mb = statistics.median(a), statistics.median(b)
    print(
        f"(a) mulai dingin, median dari {ulang}: aplikasi minimal {ma * 1000:.0f} ms · "
        f"Struktur terisi (15 000 pegawai) {mb * 1000:.0f} ms · rasio {mb / ma:.2f} (anggaran ≤ 2.0)"
    )


async def _ukur_ketik(pilot, layar) -> list[float]:
    """Per keystroke: from posting the key to the paint that shows its result (stamped by the screen)."""
    from textual import events

    sampel = []
    for q in PERTANYAAN:
        masukan = layar.query_one("Input")
        masukan.value = ""
        await pilot.pause()
        for huruf in q:
            generasi = layar.generasi
            t = time.perf_counter()
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


async def _bench_cari_async(db: Path) -> tuple[list[float], list[float]]:
    from textual.app import App

    from sistemkerja_tui.tui.app import SistemKerjaApp
    from sistemkerja_tui.tui.screens.cari import LayarCari

    app = SistemKerjaApp(url=str(db), demo_jika_kosong=False)
    async with app.run_test(size=(80, 24)) as pilot:
        while app.waktu_siap is None:
            await asyncio.sleep(0.01)
        await pilot.press("slash")
        await pilot.pause()
        layar = app.screen
        assert isinstance(layar, LayarCari)
        await app.workers.wait_for_complete()  # index built
        hasil = await _ukur_ketik(pilot, layar)

    dasar: App[None] = App()
    async with dasar.run_test(size=(80, 24)) as pilot:
        layar = _LayarAcuan.buat()
        dasar.push_screen(layar)
        await pilot.pause()
        acuan = await _ukur_ketik(pilot, layar)
    return hasil, acuan


def _persentil(data: list[float], p: float) -> float:
    data = sorted(data)
    return data[min(len(data) - 1, round(p / 100 * (len(data) - 1)))]


def bench_cari(db: Path, jumlah: int) -> None:
    hasil, acuan = asyncio.run(_bench_cari_async(db))
    p50, p95 = _persentil(hasil, 50) * 1000, _persentil(hasil, 95) * 1000
    a50, a95 = _persentil(acuan, 50) * 1000, _persentil(acuan, 95) * 1000
    print(
        f"(b) cari {jumlah:>6} pegawai, {len(hasil)} ketukan: p50 {p50:.1f} ms · p95 {p95:.1f} ms "
        f"(anggaran p95 ≤ 50 ms) · acuan Input kosong p50 {a50:.1f} ms, p95 {a95:.1f} ms · "
        f"rasio p95 {p95 / a95:.1f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ulang", type=int, default=7)
    ap.add_argument("--tanpa-80k", action="store_true")
    ap.add_argument("--folder", type=Path, default=None, help="folder database bench (dipakai ulang)")
    args = ap.parse_args()
    os.environ.setdefault("TEXTUAL_ANIMATION", "none")
    folder = args.folder or Path(tempfile.mkdtemp(prefix="sistemkerja-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"bench Struktur — Python {sys.version.split()[0]}, folder {folder}")
    db15 = _siapkan_db(folder, 15000)
    bench_mulai(db15, args.ulang)
    bench_cari(db15, 15000)
    if not args.tanpa_80k:
        bench_cari(_siapkan_db(folder, 80000), 80000)


if __name__ == "__main__":
    main()
