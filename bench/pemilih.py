"""Bench of the ketua picker (a script, not a test). Prints, in one run, at 15 000, 80 000 and 200 000 pegawai:

key `c` on the Tim screen → the picker's first page of candidates painted, for a team of the largest unit
(the one with the most pegawai beneath it), the app headless at 80×24; median of 5 openings (each counts and
reads the candidates again). Baseline, measured in the same run: a bare SELECT of that unit's pegawai through
the same reader. Budget (issue 10): ≤ 0.3 s at 200 000. Then filter as you type: each key of a name typed
into the picker's filter → the narrowed list painted (median and slowest), once the picker has read what a
filter looks in (its worker after the first page).

Usage: python bench/pemilih.py [--folder DIR] (a folder keeps the demo databases between runs)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bersama import median_waktu

PY = sys.executable
NAMA_TIM = "Tim Bench Pemilih Ketua"


def _siapkan_db(folder: Path, jumlah: int) -> Path:
    db = folder / f"pemilih-{jumlah}.db"
    if not db.exists():
        t = time.perf_counter()
        subprocess.run(
            [PY, "-m", "sistemkerja_tui", "demo", "--pegawai", str(jumlah), "--db", str(db)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"  database demo {jumlah} pegawai dibuat dalam {time.perf_counter() - t:.1f} s")
    return db


def _siapkan_tim(db: Path) -> tuple[int, list[int], str]:
    """A team of the largest unit and its head as the app's user: (tim id, the unit's subtree, unit name)."""
    from sistemkerja_tui.layanan.mulai import buka_database
    from sistemkerja_tui.layanan.tim import DataTim, JenisPembentukan, SasaranTim

    layanan = buka_database(str(db), demo_jika_kosong=False).layanan
    baca = layanan.struktur.pembaca
    per_unit = {r[0]: r[1] for r in baca.semua("SELECT unit_id, COUNT(*) FROM pegawai GROUP BY unit_id")}
    units = [r[0] for r in baca.semua("SELECT id FROM unit_organisasi")]
    unit_id = max(units, key=lambda u: sum(per_unit.get(x, 0) for x in layanan.struktur.subpohon(u)))
    kepala = next(p for p in layanan.pengguna.calon() if p.unit_id == unit_id)
    layanan.pengguna.tetapkan(kepala.pegawai_id)
    ada = baca.semua("SELECT id FROM tim_kerja WHERE nama = :nama AND unit_id = :unit", nama=NAMA_TIM, unit=unit_id)
    tim_id = ada[0][0] if ada else None
    if tim_id is None:
        data = DataTim(
            nama=NAMA_TIM,
            unit_id=unit_id,
            jenis_pembentukan=JenisPembentukan.TAHUNAN,
            sasaran=SasaranTim.INTERVENSI,
            mulai=date(2026, 1, 5),
            selesai=date(2026, 12, 20),
            tahun_anggaran=2026,
            tujuan="Bench",
        )
        tim_id = layanan.tim.bentuk_tim(data, oleh_id=kepala.pegawai_id)
    subpohon = layanan.struktur.subpohon(unit_id)
    nama = layanan.struktur.unit(unit_id).nama
    layanan.tutup()
    return tim_id, subpohon, nama


async def _tunggu_cat(layar) -> float:
    """The time of the next paint of `layar`."""
    tercat: list[float] = []
    layar.call_after_refresh(lambda: tercat.append(time.perf_counter()))
    while not tercat:
        await asyncio.sleep(0.005)  # coarse: a busy poll would take the GIL from the worker
    return tercat[0]


async def _saring(app, pilot, kata: str) -> list[float]:
    """Per key of `kata` typed into the open picker's filter: until the narrowed list is painted."""
    from textual.widgets import Input

    pemilih = app.screen
    while not pemilih.semua.saringan_siap:  # the texts a filter looks in are read (a worker, soon after opening)
        await asyncio.sleep(0.05)
    kotak = pemilih.query_one("#saring-calon", Input)
    sampel = []
    for i in range(len(kata)):
        sebelum = pemilih.penilaian
        t = time.perf_counter()
        await pilot.press(kata[i])
        while pemilih.penilaian is sebelum or kotak.value != kata[: i + 1]:
            await asyncio.sleep(0.005)
        sampel.append(await _tunggu_cat(pemilih) - t)
    return sampel


async def _buka_pemilih(db: Path, tim_id: int, ulang: int) -> tuple[list[float], list[float], int, int, list[float]]:
    """Per opening: from posting key `c` to the paint after the first page is filled, wall and the process's CPU
    time (what the machine's load does not change); the counts; per key of a name typed into the filter of the
    last opening, until the narrowed list is painted."""
    from textual import events
    from textual.widgets import DataTable

    from sistemkerja_tui.tui.app import SistemKerjaApp
    from sistemkerja_tui.tui.screens.pemilih_ketua import PemilihKetua
    from sistemkerja_tui.tui.screens.tim import LayarTim

    app = SistemKerjaApp(url=str(db))
    sampel: list[float] = []
    cpu: list[float] = []
    jumlah = layak = 0
    async with app.run_test(size=(80, 24)) as pilot:
        while app.waktu_siap is None:
            await asyncio.sleep(0.01)
        await pilot.press("2")
        layar = app.screen
        assert isinstance(layar, LayarTim)
        while not layar.tim:
            await asyncio.sleep(0.01)
        tabel = layar.query_one("#tabel-tim", DataTable)
        tabel.move_cursor(row=tabel.get_row_index(str(tim_id)))
        await app.workers.wait_for_complete()
        await pilot.pause()
        ketikan: list[float] = []
        for ke in range(ulang):
            t, c = time.perf_counter(), time.process_time()
            app.post_message(events.Key("c", "c"))
            while not (isinstance(app.screen, PemilihKetua) and app.screen.penilaian is not None):
                await asyncio.sleep(0.005)  # coarse: a busy poll would take the GIL from the worker
            pemilih = app.screen
            sampel.append(await _tunggu_cat(pemilih) - t)
            cpu.append(time.process_time() - c)
            assert pemilih.penilaian is not None
            jumlah, layak = len(pemilih.penilaian), pemilih.penilaian.jumlah_layak
            if ke == ulang - 1:
                nama = pemilih.penilaian[jumlah // 2].kandidat.nama
                ketikan = await _saring(app, pilot, next(w for w in nama.split() if "." not in w)[:6])
            await pilot.press("escape")
            while app.screen is pemilih:
                await asyncio.sleep(0.005)
            await app.workers.wait_for_complete()
    return sampel, cpu, jumlah, layak, ketikan


def _satu(folder: Path, jumlah: int) -> None:
    from sistemkerja_tui.layanan.mulai import buka_database

    db = _siapkan_db(folder, jumlah)
    tim_id, subpohon, unit = _siapkan_tim(db)
    layanan = buka_database(str(db), demo_jika_kosong=False).layanan
    acuan = median_waktu(
        lambda: layanan.struktur.pembaca.semua("SELECT id, nama FROM pegawai WHERE unit_id IN :unit", unit=subpohon),
        5,
    )
    layanan.tutup()
    sampel, cpu, n, layak, ketikan = asyncio.run(_buka_pemilih(db, tim_id, 5))
    median = statistics.median(sampel)
    print(
        f"({jumlah:>6} pegawai) {unit}: {n} calon, {layak} memenuhi · acuan SELECT pegawai unit {acuan * 1000:.0f} ms"
        f"\n  c → halaman pertama tercat {median * 1000:.0f} ms (maks {max(sampel) * 1000:.0f} ms) · "
        f"rasio {median / acuan:.2f}× acuan · CPU proses {statistics.median(cpu) * 1000:.0f} ms"
        + (" · anggaran ≤ 300 ms" if jumlah == 200_000 else "")
        + f"\n  saring per ketikan ({len(ketikan)} huruf) {statistics.median(ketikan) * 1000:.0f} ms "
        f"(maks {max(ketikan) * 1000:.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, help="folder for the demo databases (kept between runs)")
    args = parser.parse_args()
    print("bench pemilih ketua — median dari 5, 80×24")
    if args.folder is not None:
        args.folder.mkdir(parents=True, exist_ok=True)
        for jumlah in (15_000, 80_000, 200_000):
            _satu(args.folder, jumlah)
        return
    with tempfile.TemporaryDirectory(prefix="sistemkerja-bench-pemilih-") as folder:
        for jumlah in (15_000, 80_000, 200_000):
            _satu(Path(folder), jumlah)


if __name__ == "__main__":
    main()
