"""Pilot tests: dates typed the way the app shows them, numbers and times written the Indonesian way."""

from __future__ import annotations

import re

from tests.bantu import sql as _sql
from tests.tui.bantu import buat_app, surat_tugas_dari_tim, teks, tunggu, tunggu_siap
from tests.tui.test_tim import UKURAN_LEBAR, _dengan_pengguna
from textual.widgets import DataTable, Input

from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.layanan.penugasan import StatusPermohonan
from sistemkerja_tui.tui.screens.form_individu import FormIndividu
from sistemkerja_tui.tui.screens.form_tim import FormTim
from sistemkerja_tui.tui.screens.pilih import PilihSatu

ISO = re.compile(r"\d{4}-\d\d-\d\d")


async def _isi(pilot, selektor: str, nilai: str) -> None:
    """Empty a field of the form on screen, then type `nilai` into it key by key."""
    isian = pilot.app.screen.query_one(selektor, Input)
    isian.value = ""
    isian.focus()
    await pilot.pause()
    await pilot.press(*nilai)


async def test_form_tim_menerima_tanggal_seperti_yang_ditampilkan(db_demo):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: app.screen.detail is not None)
        await pilot.press("n")
        await tunggu(pilot, lambda: isinstance(app.screen, FormTim) and app.focused is not None)
        tahun = app.hari_ini().year
        assert app.screen.query_one("#selesai", Input).value == f"31-12-{tahun}"  # prefilled as it is shown
        await pilot.press(*"Tim Tanggal Indonesia")
        await _isi(pilot, "#mulai", "31-02-2026")
        await _isi(pilot, "#selesai", "31-12-2026")
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: "Tanggal mulai" in teks(app.screen.query_one("#pesan-form")))
        pesan = teks(app.screen.query_one("#pesan-form"))
        assert "Februari 2026 bertanggal 1 sampai 28" in pesan
        await _isi(pilot, "#mulai", " 1 Juli 2026 ")
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: not isinstance(app.screen, FormTim))
        assert _sql(db_demo, "SELECT mulai, selesai FROM tim_kerja WHERE nama = 'Tim Tanggal Indonesia'") == [
            ("2026-07-01", "2026-12-31")
        ]


async def test_form_kegiatan_menerima_tanggal_panjang_dan_garis_miring(db_demo):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("6", "n")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormIndividu) and app.focused is not None)
        await pilot.press(*"Kegiatan Tanggal", "tab", *"Laporan", "tab", *"1", "tab", *"dokumen")
        await _isi(pilot, "#mulai", "17 Agt 2026")
        await _isi(pilot, "#tenggat", "31/12/2026")
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: not isinstance(app.screen, FormIndividu))
        assert _sql(db_demo, "SELECT mulai, tenggat FROM kegiatan WHERE judul = 'Kegiatan Tanggal'") == [
            ("2026-08-17", "2026-12-31")
        ]


async def test_rata_rata_beban_di_pemantauan_memakai_koma(db_demo):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("7")
        await tunggu(pilot, lambda: "Beban kerja" in teks(app.screen.query_one("#isi-pemantauan")))
        isi = teks(app.screen.query_one("#isi-pemantauan"))
        assert re.search(r"rata-rata \d+,\d\d\)", isi), isi
        assert not re.search(r"rata-rata \d+\.\d\d\)", isi)


async def test_rata_rata_beban_di_layar_beban_memakai_koma(db_demo):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("4")
        await tunggu(pilot, lambda: "Beban kerja" in teks(app.screen.query_one("#judul-beban")))
        judul = teks(app.screen.query_one("#judul-beban"))
        assert re.search(r"rata-rata \d+,\d\d tim", judul), judul


async def test_riwayat_permohonan_tanpa_waktu_iso(db_demo):
    hasil = buka_database(db_demo, demo_jika_kosong=False)
    menunggu = next(p for p in hasil.layanan.penugasan.daftar(arah="semua") if p.status is StatusPermohonan.DIAJUKAN)
    penerima = _sql(db_demo, "SELECT penerima_id FROM permohonan WHERE id = ?", menunggu.id)[0][0]
    hasil.layanan.penugasan.tolak(menunggu.id, "Sedang penugasan lain", oleh_id=penerima)
    hasil.layanan.tutup()
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("3")
        layar = app.screen
        await tunggu(pilot, lambda: any(p.id == menunggu.id for p in layar.daftar))
        tabel = layar.query_one(DataTable)
        tabel.move_cursor(row=tabel.get_row_index(str(menunggu.id)))
        await tunggu(pilot, lambda: layar.detail is not None and layar.detail.ringkas.id == menunggu.id)
        assert layar.detail.riwayat
        isi = teks(app.screen.query_one("#isi-permohonan"))
        assert re.search(r"\d\d-\d\d-\d{4} \d\d\.\d\d", isi), isi
        assert not ISO.search(isi), isi


async def test_register_surat_tanpa_tanggal_iso(db_demo):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await surat_tugas_dari_tim(pilot)
        tabel = app.screen.query_one(DataTable)
        tanggal = [str(tabel.get_row_at(i)[1]) for i in range(tabel.row_count)]
        assert tanggal and all(re.fullmatch(r"\d\d-\d\d-\d{4}", t) for t in tanggal), tanggal
