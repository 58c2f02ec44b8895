"""Bench of letter rendering (a script, not a test). Prints, in one run:

(a) render time per letter kind (median of 50), from a real demo team/request,
    against the baseline of rendering a bare template in the same sandboxed
    environment. Budget: ≤ 20 ms per letter.
(b) a batch of 500 Surat Tugas through the real use case (context from the
    records, checker, number from the counter, render, register), total time.
    Budget: ≤ 5 s.
(c) one .docx of a registered Keputusan and Surat Tugas from the Word template
    (context rebuilt from the register's JSON, docxtpl render in the sandbox,
    save), median of 20, against the baseline of python-docx opening and saving
    the same bare template. Budget: ≤ 100 ms.

Usage: python bench/surat.py
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from functools import partial
from pathlib import Path

from bersama import layanan_demo, median_waktu


def _ukur(fungsi) -> float:
    return median_waktu(fungsi, 50)


def main() -> None:
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
    permohonan = layanan.penugasan.daftar(arah="semua")[0].id
    for jenis, konteks in (
        (JenisSurat.KEPUTUSAN_TIM, layanan.surat.konteks_tim(JenisSurat.KEPUTUSAN_TIM, tim.id, hari)),
        (JenisSurat.SURAT_TUGAS, layanan.surat.konteks_tim(JenisSurat.SURAT_TUGAS, tim.id, hari)),
        (
            JenisSurat.PERMOHONAN_PELIBATAN,
            layanan.surat.konteks_permohonan(JenisSurat.PERMOHONAN_PELIBATAN, permohonan, hari),
        ),
        (JenisSurat.NOTA_DINAS, layanan.surat.konteks_permohonan(JenisSurat.NOTA_DINAS, permohonan, hari)),
    ):
        lama = _ukur(partial(render, jenis, konteks))
        print(f"(a) {jenis.label:45} {lama * 1000:7.2f} ms (anggaran ≤ 20 ms) · rasio {lama / acuan:,.0f}× acuan")

    t = time.perf_counter()
    for _ in range(500):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim.id, tanggal=hari)
    total = time.perf_counter() - t
    print(
        f"(b) 500 Surat Tugas lewat kasus penggunaan (konteks, pemeriksa, nomor, render, register): "
        f"{total:.2f} s (anggaran ≤ 5 s) · {total / 500 * 1000:.1f} ms per surat"
    )
    ukur_docx(layanan, tim.id, hari)
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
