"""Bench of the pegawai import (a script, not a test). Prints, in one run, at 15 000 and 80 000 SIASN rows:

- impor: `baca_pegawai` of a generated 66-column SIASN CSV + `terapkan_pegawai` into a database whose units
  were imported first (the whole use case: read, check, compare, one transaction, audit); opening the
  database, the write engine and the write path's modules (SQLAlchemy's and the ORM's import, once per process;
  the TUI has them loaded before any import) is start-up, shown apart and not counted;
- impor ulang: the same file again (every row compared, nothing changes);
- baseline, in the same run: the same file read with `csv.reader` and inserted with `executemany` into a plain
  SQLite table (one transaction).
Budget (issue 11): impor ≤ 3× the baseline (medians of interleaved runs, wall time). The CPU-time ratio is shown
beside it: on a machine shared with other work it moves less than the wall-time one. Each measurement runs in its own
process, so its peak memory (`resource.getrusage`, max RSS) is its own. Fictional people only (tests/berkas_impor.py).

Usage: python bench/impor.py [--folder DIR] [--jumlah 15000 80000] [--ulang 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))  # tests.berkas_impor: the same generator the tests use

BATAS = 3.0


def _csv(folder: Path, jumlah: int) -> Path:
    from tests.berkas_impor import pegawai_fiktif, tulis_siasn_csv, unit_fiktif

    berkas = folder / f"siasn-{jumlah}.csv"
    if not berkas.exists():
        unit = {u.id: u.nama for u in unit_fiktif()}
        tulis_siasn_csv(berkas, pegawai_fiktif(jumlah, unit, seed=11))
    return berkas


def _siapkan_db(db: Path) -> None:
    """A database with an instansi and the fictional unit tree (not timed)."""
    from tests.berkas_impor import tabel_unit, tulis_csv, unit_fiktif

    from sistemkerja_tui.impor.unit import baca_unit
    from sistemkerja_tui.layanan.mulai import buka_database
    from sistemkerja_tui.store.db import siapkan_database, transaksi
    from sistemkerja_tui.store.models import Instansi

    engine = siapkan_database(f"sqlite:///{db}")
    with transaksi(engine) as sesi:
        sesi.add(Instansi(nama="Pemerintah Kabupaten Fiktif", jenis="kabupaten", profil="umum"))
    engine.dispose()
    unor = tulis_csv(db.with_name("unor.csv"), tabel_unit(unit_fiktif()))
    layanan = buka_database(str(db), demo_jika_kosong=False).layanan
    layanan.impor.terapkan_unit(baca_unit(unor), oleh_id=None)
    layanan.tutup()


def _impor(berkas: Path, db: Path) -> dict[str, float]:
    from sistemkerja_tui.impor.pegawai import baca_pegawai
    from sistemkerja_tui.layanan.mulai import buka_database

    awal = time.perf_counter()
    layanan = buka_database(str(db), demo_jika_kosong=False).layanan
    layanan.engine  # noqa: B018 — the write engine (SQLAlchemy imported, schema checked): start-up, not per row
    from sqlmodel import Session  # noqa: F401 — the write path's ORM (store.db.transaksi) and table definitions

    import sistemkerja_tui.store.models  # noqa: F401 — (store.kueri.tabel): imported once per process, ~0.3 s

    layanan.impor  # noqa: B018 — and the import use cases' module (layanan.impor)

    siap = time.perf_counter() - awal
    t, cpu = time.perf_counter(), time.process_time()
    hasil = baca_pegawai(berkas)
    dibaca = time.perf_counter() - t
    h = layanan.impor.terapkan_pegawai(hasil, oleh_id=None, lewati_galat=False, penuh=True)
    total = time.perf_counter() - t
    cpu = time.process_time() - cpu
    layanan.tutup()
    return {
        "detik": total,
        "cpu": cpu,
        "baca": dibaca,
        "terapkan": total - dibaca,
        "siap": siap,
        "baru": h.baru,
        "tetap": h.pratinjau.tetap,
    }


def _baseline(berkas: Path, db: Path) -> dict[str, float]:
    t, cpu = time.perf_counter(), time.process_time()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    with berkas.open(newline="", encoding="utf-8") as f:
        baris = csv.reader(f)
        kolom = next(baris)
        con.execute(f"CREATE TABLE polos ({', '.join(f'k{i} TEXT' for i in range(len(kolom)))})")
        tanda = ", ".join("?" * len(kolom))
        with con:
            con.executemany(f"INSERT INTO polos VALUES ({tanda})", baris)
    con.close()
    return {"detik": time.perf_counter() - t, "cpu": time.process_time() - cpu}


def _ukur(mode: str, berkas: Path, db: Path) -> None:
    """One measurement (run in a child process): prints JSON with seconds and peak RSS in MiB."""
    hasil = _baseline(berkas, db) if mode == "baseline" else _impor(berkas, db)
    hasil["mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(hasil))


def _anak(mode: str, berkas: Path, db: Path) -> dict[str, float]:
    keluar = subprocess.run(
        [sys.executable, __file__, "--ukur", mode, str(berkas), str(db)], check=True, capture_output=True, text=True
    )
    return json.loads(keluar.stdout.strip().splitlines()[-1])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--folder", type=Path, help="folder for the generated CSV files (kept between runs)")
    p.add_argument("--jumlah", type=int, nargs="+", default=[15_000, 80_000])
    p.add_argument("--ulang", type=int, default=3, help="runs of each, interleaved; the medians are compared")
    p.add_argument("--ukur", nargs=3, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.ukur:
        _ukur(args.ukur[0], Path(args.ukur[1]), Path(args.ukur[2]))
        return 0
    gagal = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        templat = Path(tmp) / "unit.db"
        _siapkan_db(templat)
        for jumlah in args.jumlah:
            berkas = _csv(folder, jumlah)
            dasar, pertama = [], []
            for i in range(args.ulang):  # interleaved: a busy machine slows both alike
                dasar.append(_anak("baseline", berkas, Path(tmp) / f"polos-{jumlah}-{i}.db"))
                db = Path(tmp) / f"impor-{jumlah}-{i}.db"
                shutil.copyfile(templat, db)
                pertama.append(_anak("impor", berkas, db))
            ulang = _anak("impor", berkas, db)
            d, t = _median(dasar, "detik"), _median(pertama, "detik")
            rasio = t / d
            gagal |= rasio > BATAS
            print(
                f"{jumlah:>6} baris SIASN ({berkas.stat().st_size / 2**20:.1f} MiB), median {args.ulang}×: "
                f"baseline {d:.2f} s ({_median(dasar, 'mib'):.0f} MiB) | impor {t:.2f} s "
                f"(baca {_median(pertama, 'baca'):.2f} s, terapkan {_median(pertama, 'terapkan'):.2f} s; "
                f"{_median(pertama, 'mib'):.0f} MiB; start-up {_median(pertama, 'siap'):.2f} s not counted) = "
                f"{rasio:.2f}× baseline "
                f"[{'OK' if rasio <= BATAS else 'LEWAT'} ≤ {BATAS}×] (CPU time: {_median(pertama, 'cpu'):.2f} s / "
                f"{_median(dasar, 'cpu'):.2f} s = {_median(pertama, 'cpu') / _median(dasar, 'cpu'):.2f}×) | "
                f"impor ulang {ulang['detik']:.2f} s "
                f"({ulang['mib']:.0f} MiB, {ulang['tetap']:.0f} tetap)"
            )
    return 1 if gagal else 0


def _median(hasil: list[dict[str, float]], kunci: str) -> float:
    return statistics.median(h[kunci] for h in hasil)


if __name__ == "__main__":
    sys.exit(main())
