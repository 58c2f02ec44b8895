"""What the in-process benches share: a median timer and a demo Pemda opened as services."""

from __future__ import annotations

import statistics
import time
from pathlib import Path


def median_waktu(fungsi, ulang: int) -> float:
    """Median wall time in seconds of `ulang` calls of `fungsi`."""
    hasil = []
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - t)
    return statistics.median(hasil)


def layanan_demo(db: Path, **demo):
    """A new demo Pemda written to `db` (arguments of `buat_demo`), opened as the app's services."""
    from sistemkerja_tui.layanan.demo import buat_demo
    from sistemkerja_tui.layanan.mulai import buka_database
    from sistemkerja_tui.store.db import siapkan_database

    engine = siapkan_database(f"sqlite:///{db}")
    buat_demo(engine, **demo)
    engine.dispose()
    return buka_database(str(db), demo_jika_kosong=False).layanan
