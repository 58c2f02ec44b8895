"""Pilot tests of screens that stay usable: table columns on a fast start, focus after switching screens,
keys typed quickly into forms and prompts."""

from __future__ import annotations

from tests.tui.bantu import UKURAN, buat_app, tunggu_siap

from sistemkerja_tui.tui.widgets.tabel import KOLOM, TabelPegawai


def _baris_tampil(tabel: TabelPegawai, y: int) -> str:
    return "".join(s.text for s in tabel.render_line(y))


async def test_kolom_tabel_struktur_lebar_pada_peluncuran_kedua(db_demo):
    """Two launches on the same database. On the second one the first page comes so fast that the screen may
    paint it before the table has measured it; the columns must have the page's widths from that paint on."""
    for _ in range(2):
        app = buat_app(db_demo)
        async with app.run_test(size=UKURAN) as pilot:
            await tunggu_siap(pilot)
            layar = app.struktur
            tabel = layar.query_one(TabelPegawai)
            halaman = layar.halaman_terakhir
            assert halaman is not None and halaman.baris
            nama = halaman.baris[0].nama
            assert nama in _baris_tampil(tabel, 1)
            # what a fast start does: the first page reaches the table as mounted and is painted before the
            # table's idle measuring
            tabel.clear(columns=True)
            tabel.add_columns(*KOLOM)
            tabel.tampilkan(halaman)
            assert nama in _baris_tampil(tabel, 1)
            await pilot.pause()
            assert nama in _baris_tampil(tabel, 1)
