"""Bench of the unit head's reports (a script, not a test). Prints, in one run, on demo Pemda of
15 000, 80 000 and 200 000 pegawai, for the unit with the most pegawai beneath it (the largest
Perangkat Daerah, Dinas Pendidikan in the demo):

(a) the MPPH export to .xlsx (read, build the matrix, write the file), and its peak Python memory;
(b) the six-monthly report (`laporan pemantauan`, Markdown);
(c) the Pemantauan dashboard (`LayananKegiatan.pemantauan`, as tui/screens/pemantauan.py loads it);

each with the ratio to the same figure at 15 000 pegawai, beside the growth of the unit's size,
and the ratio to a baseline measured in the same run: a bare SELECT of the rows these reports
walk (the unit subtree's pegawai with their memberships, and its kegiatan). Budget (issue 9):
MPPH ≤ 5 s at 200 000 pegawai, growth no worse than linear.

Ratios use CPU time (`time.process_time`): the reports run in this thread, SQLite included, so it
is the work done, while wall time on a shared machine also counts the wait for a core. Both are
printed; the budget is read on wall time.

The demo databases are built once and kept in the temp folder (sistemkerja-bench-laporan/),
keyed by the demo code, its data and the schema revision; the bench only reads them.

Usage: python bench/laporan.py [--ulang N] [--folder DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

UKURAN = (15_000, 80_000, 200_000)
SEMESTER = (date(2026, 1, 1), date(2026, 6, 30))
HARI_INI = date(2026, 7, 1)


def _ukur(fungsi: Callable[[], object], ulang: int) -> tuple[float, float]:
    """Median wall time and median CPU time in seconds of `ulang` calls of `fungsi`."""
    dinding, cpu = [], []
    for _ in range(ulang):
        t, c = time.perf_counter(), time.process_time()
        fungsi()
        dinding.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(dinding), statistics.median(cpu)


def _sidik() -> str:
    """What the demo database depends on: the schema revision, the demo code and its data files."""
    import sistemkerja_tui
    from sistemkerja_tui import paths
    from sistemkerja_tui.store.lokasi import HEAD_REVISION

    h = hashlib.sha256(HEAD_REVISION.encode())
    for berkas in [
        Path(sistemkerja_tui.__file__).parent / "layanan" / "demo.py",
        *sorted((paths.resource_dir("data") / "demo").rglob("*")),
    ]:
        if berkas.is_file():
            h.update(berkas.name.encode() + berkas.read_bytes())
    return h.hexdigest()[:12]


def _database(jumlah: int, folder: Path) -> Path:
    """The cached demo Pemda of `jumlah` pegawai; built (into a temporary name, then renamed) when missing."""
    from sistemkerja_tui.layanan.demo import buat_demo
    from sistemkerja_tui.store.db import siapkan_database

    folder.mkdir(parents=True, exist_ok=True)
    sidik = _sidik()
    db = folder / f"demo-{jumlah}-{sidik}.db"
    for lama in folder.glob(f"demo-{jumlah}-*.db"):
        if lama != db:
            lama.unlink()
    if db.exists():
        return db
    t = time.perf_counter()
    sementara = folder / f".demo-{jumlah}-{sidik}.{os.getpid()}.tmp"
    engine = siapkan_database(f"sqlite:///{sementara}")
    buat_demo(engine, jumlah_pegawai=jumlah)
    engine.dispose()
    if Path(f"{sementara}-wal").exists():
        raise SystemExit(f"{sementara}-wal masih ada setelah engine ditutup; database tidak disimpan ke cache.")
    os.replace(sementara, db)
    print(f"  (database demo {jumlah} pegawai dibuat dalam {time.perf_counter() - t:.0f} s: {db})")
    return db


def _unit_terbesar(layanan):
    """The own Pemda's top-level unit with the most active pegawai in its subtree, and that number."""
    struktur = layanan.struktur
    per_unit = Counter(
        dict(struktur.pembaca.semua("SELECT unit_id, COUNT(*) FROM pegawai WHERE aktif GROUP BY unit_id"))
    )
    akar = [u for i in struktur.instansi if not i.luar for u in struktur.unit_akar(i.id)]
    ukuran = {u.id: sum(per_unit[x] for x in struktur.subpohon(u.id)) for u in akar}
    unit = max(akar, key=lambda u: ukuran[u.id])
    return unit, ukuran[unit.id]


def _satu(jumlah: int, folder: Path, keluar: Path, ulang: int) -> dict[str, Any]:
    from sistemkerja_tui.layanan.mulai import buka_database

    layanan = buka_database(str(_database(jumlah, folder)), demo_jika_kosong=False).layanan
    unit, pegawai = _unit_terbesar(layanan)
    sub = layanan.struktur.subpohon(unit.id)
    kepala = unit.pimpinan.pegawai_id if unit.pimpinan else None
    laporan, kegiatan, baca = layanan.laporan, layanan.kegiatan, layanan.struktur.pembaca

    def acuan() -> int:
        return len(
            baca.semua(
                "SELECT p.id, p.nip, p.nama, p.nama_jabatan, a.tim_id, a.peran, a.status FROM pegawai p "
                "LEFT JOIN keanggotaan a ON a.pegawai_id = p.id WHERE p.aktif AND p.unit_id IN :sub",
                sub=sub,
            )
        ) + len(baca.semua("SELECT id, judul, tahap, tenggat, progres FROM kegiatan WHERE unit_id IN :sub", sub=sub))

    fungsi = {
        "mpph": lambda: laporan.tulis_mpph(unit.id, keluar, "xlsx"),
        "pemantauan": lambda: laporan.pemantauan(unit.id, *SEMESTER, hari_ini=HARI_INI),
        "dasbor": lambda: kegiatan.pemantauan(unit.id, kepala, hari_ini=HARI_INI),
    }
    for f in (acuan, *fungsi.values()):  # warm caches and imports (openpyxl, babel), as a running app has
        f()
    hasil: dict[str, Any] = {"pegawai": pegawai, "baris": acuan(), "acuan": _ukur(acuan, ulang)}
    hasil.update({nama: _ukur(f, ulang) for nama, f in fungsi.items()})
    tracemalloc.start()
    fungsi["mpph"]()
    hasil["memori"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    kolom, baris = laporan.mpph(unit.id)
    hasil["sel"] = sum(1 for r in baris for isi in r if isi)
    print(
        f"({jumlah} pegawai) {unit.nama}: {len(sub)} unit, {pegawai} pegawai aktif; MPPH {len(baris)} baris × "
        f"{len(kolom)} kolom, {hasil['sel']} sel terisi; acuan SELECT {hasil['baris']} baris "
        f"{hasil['acuan'][0] * 1000:.0f} ms (CPU {hasil['acuan'][1] * 1000:.0f} ms)"
    )
    layanan.tutup()
    return hasil


def main() -> None:
    argumen = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumen.add_argument("--ulang", type=int, default=3, help="jumlah pengukuran (median), bawaan 3")
    argumen.add_argument(
        "--folder",
        type=Path,
        default=Path(tempfile.gettempdir()) / "sistemkerja-bench-laporan",
        help="folder cache database demo",
    )
    args = argumen.parse_args()
    print(f"bench laporan — unit terbesar, median dari {args.ulang}")
    with tempfile.TemporaryDirectory(prefix="sistemkerja-bench-laporan-keluaran-") as keluar:
        hasil = {n: _satu(n, args.folder, Path(keluar), args.ulang) for n in UKURAN}
    dasar = hasil[UKURAN[0]]
    print()
    print("rasio waktu CPU terhadap 15 000 pegawai (linear = tumbuh seperti ukuran unit atau isi MPPH):")
    for n, h in hasil.items():
        print(
            f"  {n:>7} pegawai: ukuran unit ×{h['pegawai'] / dasar['pegawai']:.1f} · "
            f"sel MPPH terisi ×{h['sel'] / dasar['sel']:.1f} · acuan SELECT ×{h['acuan'][1] / dasar['acuan'][1]:.1f}"
        )
    for nama, judul in (
        ("mpph", "(a) ekspor MPPH (xlsx)"),
        ("pemantauan", "(b) laporan pemantauan semester"),
        ("dasbor", "(c) dasbor Pemantauan"),
    ):
        print(judul + (" — anggaran ≤ 5 s pada 200 000 pegawai" if nama == "mpph" else ""))
        for n, h in hasil.items():
            memori = f" · puncak memori Python {h['memori']:.0f} MB" if nama == "mpph" else ""
            (dinding, cpu), (_, cpu_dasar), (_, cpu_acuan) = h[nama], dasar[nama], h["acuan"]
            print(
                f"  {n:>7} pegawai: {dinding * 1000:6.0f} ms (CPU {cpu * 1000:5.0f} ms) · "
                f"×{cpu / cpu_dasar:.1f} terhadap 15 000 · {cpu / cpu_acuan:.1f}× acuan{memori}"
            )


if __name__ == "__main__":
    main()
