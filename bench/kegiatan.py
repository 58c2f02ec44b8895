"""Bench of the kegiatan board and the Pemantauan dashboard (a script, not a test). Prints, in one run:

(a) loading every kegiatan for the board (stage, step label from its kept checklist, current
    reviewer) on demo Pemda of 15 000 and 80 000 pegawai, against the baseline of reading the
    same rows with a bare SQL query through the same reader;
(b) the dashboard of a Kepala Dinas (counts per stage, overdue, returned, waiting for my
    review, workload) on the same databases.
No budget is set in DESIGN §7: both run in a worker thread; the figures are kept to see drift.

Usage: python bench/kegiatan.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bersama import layanan_demo, median_waktu


def _ukur(fungsi) -> float:
    return median_waktu(fungsi, 7)


def _satu(jumlah: int, folder: Path) -> None:
    layanan = layanan_demo(folder / f"kegiatan-{jumlah}.db", jumlah_pegawai=jumlah)
    kegiatan = layanan.kegiatan
    kadis = next(p for p in layanan.pengguna.calon() if p.jabatan == "Kepala Dinas Kesehatan")
    kegiatan.daftar()  # warm the unit cache, as the app has done by the time the board opens
    acuan = _ukur(
        lambda: layanan.struktur.pembaca.semua(
            "SELECT id, unit_id, judul, tahap, sub_tahap, tenggat, progres, ceklis FROM kegiatan ORDER BY tenggat, id"
        )
    )
    papan = _ukur(kegiatan.daftar)
    dasbor = _ukur(lambda: kegiatan.pemantauan(kadis.unit_id, kadis.pegawai_id))
    n = len(kegiatan.daftar())
    print(f"({jumlah} pegawai, {n} kegiatan) acuan SELECT {acuan * 1000:.1f} ms")
    print(f"  (a) papan kegiatan (semua unit) {papan * 1000:.1f} ms · rasio {papan / acuan:.1f}× acuan")
    print(f"  (b) dasbor Pemantauan Kepala Dinas {dasbor * 1000:.1f} ms · rasio {dasbor / acuan:.1f}× acuan")
    layanan.tutup()


def main() -> None:
    print("bench kegiatan — median dari 7")
    with tempfile.TemporaryDirectory(prefix="sistemkerja-bench-kegiatan-") as folder:
        for jumlah in (15_000, 80_000):
            _satu(jumlah, Path(folder))


if __name__ == "__main__":
    main()
