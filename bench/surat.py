"""Bench of letter rendering (a script, not a test). Prints, in one run:

(a) render time per letter kind (median of 50), from a real demo team/request,
    against the baseline of rendering a bare template in the same sandboxed
    environment. Budget: ≤ 20 ms per letter.
(b) a batch of 500 Surat Tugas through the real use case (context from the
    records, checker, number from the counter, render, register), total time,
    on the default demo and on demo Pemda of 80 000 and 200 000 pegawai (the
    databases of bench/laporan.py, copied so the cache stays clean). Budget:
    ≤ 5 s at every size. Same-run baselines: the default demo's batch (the
    ratio shows whether the cost grows with the Pemda) and 500 renders of the
    same context alone (what the records, checker and register add).
(c) one .docx of a registered Keputusan and Surat Tugas from the Word template
    (context rebuilt from the register's JSON, docxtpl render in the sandbox,
    save), median of 20, against the baseline of python-docx opening and saving
    the same bare template. Budget: ≤ 100 ms.

Usage: python bench/surat.py [--jumlah N ...] [--folder DIR]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import date
from functools import partial
from pathlib import Path

from bersama import layanan_demo, median_waktu

HARI = date(2026, 3, 2)


def _ukur(fungsi) -> float:
    return median_waktu(fungsi, 50)


def _tim_dan_penanda(layanan):
    """A team with a ketua and the head of its unit (who signs its Surat Tugas)."""
    tim = next(t for t in layanan.tim.daftar_tim() if t.ketua != "—")
    kepala = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(tim.unit_id) if u.pimpinan][-1]
    return tim, kepala


def _batch(layanan, n: int = 500) -> tuple[float, float]:
    """Seconds for `n` Surat Tugas of one team, signer given (no user chosen): one `buat_banyak` batch (one
    transaction), and `n` separate `buat` calls (a transaction each)."""
    from sistemkerja_tui.surat import JenisSurat

    tim, kepala = _tim_dan_penanda(layanan)
    t = time.perf_counter()
    layanan.surat.buat_banyak(JenisSurat.SURAT_TUGAS, tim_id=(tim.id,) * n, tanggal=HARI, penandatangan_id=kepala)
    sekaligus = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(n):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim.id, tanggal=HARI, penandatangan_id=kepala)
    return sekaligus, time.perf_counter() - t


def _besar(jumlah: int, folder: Path, kerja: Path) -> tuple[float, float]:
    from laporan import _database
    from sistemkerja_tui.layanan.mulai import buka_database

    salinan = kerja / f"surat-{jumlah}.db"
    shutil.copyfile(_database(jumlah, folder), salinan)
    layanan = buka_database(str(salinan), demo_jika_kosong=False).layanan
    try:
        layanan.struktur.muat()
        return _batch(layanan)
    finally:
        layanan.tutup()
        salinan.unlink()


def main() -> None:
    argumen = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    argumen.add_argument("--jumlah", type=int, nargs="*", default=[80_000, 200_000], help="ukuran Pemda demo")
    argumen.add_argument(
        "--folder",
        type=Path,
        default=Path(tempfile.gettempdir()) / "sistemkerja-bench-laporan",
        help="folder database demo (dipakai ulang, sama dengan bench/laporan.py)",
    )
    args = argumen.parse_args()
    from sistemkerja_tui.surat import JenisSurat, render
    from sistemkerja_tui.surat.lingkungan import buat_lingkungan

    folder = Path(tempfile.mkdtemp(prefix="sistemkerja-bench-surat-"))
    layanan = layanan_demo(folder / "surat.db")
    tim = next(t for t in layanan.tim.daftar_tim() if t.ketua != "—")
    pimpinan = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(tim.unit_id) if u.pimpinan][-1]
    layanan.pengguna.tetapkan(pimpinan)
    hari = date(2026, 3, 2)

    env = buat_lingkungan()
    kosong = env.from_string("{{ x }}")
    acuan = _ukur(lambda: kosong.render(x="a"))
    print(f"bench surat — acuan templat kosong: {acuan * 1000:.3f} ms")
    struktur = layanan.struktur
    permohonan = next(  # a request inside one Perangkat Daerah: both its letter kinds apply
        p
        for p in struktur.pembaca.semua("SELECT id, dari_unit_id, ke_unit_id FROM permohonan ORDER BY id")
        if struktur.jalur_unit(p.dari_unit_id)[0].id == struktur.jalur_unit(p.ke_unit_id)[0].id
    )
    kepala = [u.pimpinan.pegawai_id for u in struktur.jalur_unit(permohonan.dari_unit_id) if u.pimpinan][-1]
    kadis = struktur.jalur_unit(tim.unit_id)[0].pimpinan.pegawai_id
    for jenis, konteks in (
        (
            JenisSurat.KEPUTUSAN_TIM,
            layanan.surat.konteks_tim(JenisSurat.KEPUTUSAN_TIM, tim.id, hari, penandatangan_id=kadis),
        ),
        (JenisSurat.SURAT_TUGAS, layanan.surat.konteks_tim(JenisSurat.SURAT_TUGAS, tim.id, hari)),
        (
            JenisSurat.PERMOHONAN_PELIBATAN,
            layanan.surat.konteks_permohonan(
                JenisSurat.PERMOHONAN_PELIBATAN, permohonan.id, hari, penandatangan_id=kepala
            ),
        ),
        (
            JenisSurat.NOTA_DINAS,
            layanan.surat.konteks_permohonan(JenisSurat.NOTA_DINAS, permohonan.id, hari, penandatangan_id=kepala),
        ),
    ):
        lama = _ukur(partial(render, jenis, konteks))
        print(f"(a) {jenis.label:45} {lama * 1000:7.2f} ms (anggaran ≤ 20 ms) · rasio {lama / acuan:,.0f}× acuan")

    surat_tugas = layanan.surat.konteks_tim(JenisSurat.SURAT_TUGAS, tim.id, hari)
    render_saja = median_waktu(partial(render, JenisSurat.SURAT_TUGAS, surat_tugas), 20) * 500
    acuan, acuan_satu = _batch(layanan)
    print(
        f"(b) 500 Surat Tugas (konteks, pemeriksa, nomor, render, register), demo bawaan: satu batch {acuan:.2f} s "
        f"(anggaran ≤ 5 s), 500 × buat {acuan_satu:.2f} s · rasio batch {acuan / render_saja:.1f}× 500 render "
        f"saja ({render_saja:.2f} s)"
    )
    ukur_docx(layanan, tim.id, hari)
    for jumlah in args.jumlah:
        sekaligus, satu_satu = _besar(jumlah, args.folder, folder)
        print(
            f"(b) Pemda {jumlah:_} pegawai: satu batch {sekaligus:.2f} s (anggaran ≤ 5 s; rasio "
            f"{sekaligus / acuan:.2f}× demo bawaan), 500 × buat {satu_satu:.2f} s (rasio "
            f"{satu_satu / acuan_satu:.2f}× demo bawaan)".replace("_", ".")
        )
    layanan.tutup()


def ukur_docx(layanan, tim_id: int, hari: date) -> None:
    """(c) one .docx from its Word template, against python-docx opening and saving that template."""
    import io

    import docx

    from sistemkerja_tui.store.kueri import surat as kueri
    from sistemkerja_tui.surat import JenisSurat
    from sistemkerja_tui.surat.dokumen import berkas_templat, render_docx
    from sistemkerja_tui.surat.pulih import pulihkan

    for jenis in (JenisSurat.KEPUTUSAN_TIM, JenisSurat.SURAT_TUGAS):
        hasil = layanan.surat.buat(jenis, tim_id=tim_id, tanggal=hari)
        terdaftar = kueri.surat(layanan.struktur.pembaca, hasil.surat_id)
        templat = berkas_templat(jenis)

        def acuan(templat=templat) -> None:
            docx.Document(str(templat)).save(io.BytesIO())

        def satu(jenis=jenis, terdaftar=terdaftar) -> None:
            render_docx(jenis, pulihkan(jenis, terdaftar.konteks))

        dasar, lama = median_waktu(acuan, 20), median_waktu(satu, 20)
        print(
            f"(c) .docx {jenis.label:37} {lama * 1000:7.1f} ms (anggaran ≤ 100 ms) · acuan buka+simpan templat "
            f"{dasar * 1000:.1f} ms · rasio {lama / dasar:.1f}× acuan"
        )


if __name__ == "__main__":
    main()
