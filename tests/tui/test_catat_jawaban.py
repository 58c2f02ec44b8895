"""`c` on the Penugasan screen: another office's answer recorded from its letter, by keyboard (issue 13, 2)."""

from __future__ import annotations

from datetime import date

from tests.bantu import sql
from tests.tui.bantu import buat_app, teks, tunggu, tunggu_siap
from textual.widgets import DataTable

from sistemkerja_tui.aturan.enums import StatusPermohonan
from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.tui.screens.form_jawaban import FormJawaban


async def test_jawaban_dari_surat_dicatat_dan_tampil_di_riwayat(db_demo):
    permohonan, pemohon = sql(
        db_demo,
        "SELECT id, pemohon_id FROM permohonan WHERE status = 'diajukan' AND lingkup = 'lintas_unit' "
        "AND penerima_id IS NOT NULL AND pemohon_id IS NOT NULL ORDER BY id LIMIT 1",
    )[0]
    layanan = buka_database(db_demo).layanan
    layanan.pengguna.tetapkan(pemohon)  # the requester, on their own laptop
    layanan.tutup()
    app = buat_app(db_demo, hari_ini=lambda: date(2026, 3, 10))
    async with app.run_test(size=(100, 30)) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("3", "m")  # Penugasan, list "keluar" (sent by my units)
        layar = app.screen
        await tunggu(pilot, lambda: any(p.id == permohonan for p in layar.daftar))
        tabel = layar.query_one(DataTable)
        tabel.move_cursor(row=tabel.get_row_index(str(permohonan)))
        await pilot.press("c")
        await tunggu(pilot, lambda: isinstance(app.screen, FormJawaban))
        form = app.screen
        form.query_one("#kantor").value = ""
        await pilot.click("#kantor")
        await pilot.press(*"Dinas Kesehatan", "tab", *"800/41/DINKES/2026", "tab", *"9 Maret 2026", "ctrl+s")
        await tunggu(pilot, lambda: app.screen is layar)
        await tunggu(pilot, lambda: layar.detail is not None and layar.detail.ringkas.id == permohonan)
        assert layar.detail.ringkas.status is StatusPermohonan.DISETUJUI
        isi = " ".join(teks(layar.query_one("#isi-permohonan")).split())
        assert "dicatat oleh" in isi and "800/41/DINKES/2026" in isi and "9 Maret 2026" in isi
