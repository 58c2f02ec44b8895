"""Pilot test of letters: made from the Tim screen, previewed and exported from the Surat screen."""

from __future__ import annotations

from tests.tui.bantu import buat_app, surat_tugas_dari_tim, teks, tunggu, tunggu_siap
from tests.tui.test_tim import UKURAN_LEBAR, _dengan_pengguna
from textual.widgets import DataTable, Input

from sistemkerja_tui.tui.screens.dialog import DialogAlasan
from sistemkerja_tui.tui.screens.pilih import PilihSatu
from sistemkerja_tui.tui.screens.surat import LayarSurat


async def test_buat_pratinjau_dan_ekspor_surat_tugas(db_demo, tmp_path):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: app.screen.detail is not None)
        nama_tim = app.screen.detail.ringkas.nama
        await pilot.press("l")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        await pilot.press("down", "enter")  # Surat Tugas
        await tunggu(pilot, lambda: isinstance(app.screen, LayarSurat) and app.screen.teks_terpilih is not None)
        layar = app.screen
        _, nomor, isi = layar.teks_terpilih
        pratinjau = teks(layar.query_one("#isi-surat"))
        assert "SURAT TUGAS" in pratinjau and nomor in pratinjau
        assert nama_tim.split()[-1] in " ".join(isi.split())
        await pilot.press("e")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        await pilot.press("enter")  # .txt
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        app.screen.query_one(Input).value = str(tmp_path)
        await pilot.press("enter")
        await tunggu(pilot, lambda: list(tmp_path.glob("surat_tugas_*.txt")))
        (berkas,) = tmp_path.glob("surat_tugas_*.txt")
        assert berkas.read_text() == isi


async def test_pratinjau_surat_tidak_membungkus_baris_pada_80_kolom(db_demo):
    """Issue 10: at 80×24 the preview keeps each line of the letter on one line (headings, tables); the pane
    scrolls sideways instead."""
    from tests.tui.bantu import UKURAN

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await surat_tugas_dari_tim(pilot)
        await pilot.pause()
        layar = app.screen
        _, _, isi = layar.teks_terpilih
        pratinjau = layar.query_one("#isi-surat")
        baris = isi.splitlines()
        assert pratinjau.size.height == len(baris) + len(layar.peringatan.get(layar.teks_terpilih[0], ()))
        assert pratinjau.size.width >= max(len(b) for b in baris)
        # and the pane shows each whole line at 80 columns: nothing to scroll sideways for
        assert layar.query_one("#pratinjau-surat").scrollable_content_region.width >= max(len(b) for b in baris)
        # the register above it, full width: Nomor, Tanggal and Jenis whole, rows not squeezed to one line
        tabel = layar.query_one("#tabel-surat", DataTable)
        lebar = [k.get_render_width(tabel) for k in tabel.columns.values()]
        assert sum(lebar[:3]) <= tabel.scrollable_content_region.width
        assert tabel.size.height >= 5
