"""First run and instansi settings in the TUI: an empty database opens the setup screen, never the demo unasked;
every screen copes with a Pemda without units; the settings screen edits the instansi and the unit codes."""

from __future__ import annotations

import pytest
from tests.bantu import sidik, sql
from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap
from textual.widgets import Input, Select

from sistemkerja_tui.tui.screens.instansi import FormInstansi, LayarInstansi
from sistemkerja_tui.tui.screens.siapkan import LayarSiapkan
from sistemkerja_tui.tui.screens.struktur import LayarStruktur


def _pesan(app) -> list[str]:
    return [n.message for n in app._notifications]


async def _ke_form(pilot, pilihan: int) -> FormInstansi:
    """From start-up on an empty database: pick the `pilihan`-th way to begin, wait for the instansi form."""
    app = pilot.app
    await tunggu(pilot, lambda: isinstance(app.screen, LayarSiapkan))
    await pilot.press(*["down"] * pilihan, "enter")
    await tunggu(pilot, lambda: isinstance(app.screen, FormInstansi))
    return app.screen


async def _isi_klaten(pilot, form: FormInstansi) -> None:
    await pilot.press(*"Pemerintah Kabupaten Klaten")  # typed fast, straight into the focused name field
    form.query_one("#profil", Select).value = "klaten"
    await pilot.pause()
    assert "Peraturan Bupati Klaten Nomor 34 Tahun 2024" in teks(form.query_one("#judul-profil"))
    await pilot.press("ctrl+s")


async def test_isi_sendiri_sampai_struktur_pemda_kosong(db_baru):
    db = db_baru("klaten")
    app = buat_app(db)
    async with app.run_test(size=UKURAN) as pilot:
        await _ke_form(pilot, 1)
        await pilot.press("escape")  # nothing typed: back at once, to choose again
        await tunggu(pilot, lambda: isinstance(app.screen, LayarSiapkan))
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormInstansi))
        await _isi_klaten(pilot, app.screen)
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and app.sub_title.endswith("Klaten"))
        assert app.sub_title == "Pemerintah Kabupaten Klaten"
        await tunggu(pilot, lambda: "belum mempunyai unit" in teks(app.screen.query_one("#info-unit")))
        assert "sistemkerja impor pegawai" in teks(app.screen.query_one("#detail").query_one("Static"))
    assert sql(db, "SELECT nama, profil, tempat, fiktif FROM instansi") == [
        ("Pemerintah Kabupaten Klaten", "klaten", "Klaten", 0)
    ]


async def test_form_instansi_menolak_nama_kosong_tanpa_menulis(db_baru):
    from sistemkerja_tui.tui.screens.dialog import DialogKonfirmasi

    db = db_baru("kosong")
    app = buat_app(db)
    async with app.run_test(size=UKURAN) as pilot:
        form = await _ke_form(pilot, 1)
        form.query_one("#pola_nomor_surat", Input).value = "{tahun}"
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: "wajib diisi" in teks(form.query_one("#pesan-form")))
        pesan = teks(form.query_one("#pesan-form"))
        assert "Nama instansi wajib diisi" in pesan and "{nomor_urut}" in pesan
        assert app.screen is form  # nothing typed is lost
        await pilot.press("escape")  # something was typed: asked first
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        await pilot.press("y")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarSiapkan))
    assert sql(db, "SELECT COUNT(*) FROM instansi") == [(0,)]


async def test_coba_demo_dibangun_dan_kepala_menyebut_fiktif(db_baru):
    db = db_baru("demo")
    app = buat_app(db)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu(pilot, lambda: isinstance(app.screen, LayarSiapkan))
        siapkan = app.screen
        await pilot.press("down", "down", "enter")
        if app.screen is siapkan:  # the build takes seconds: its state is shown meanwhile
            assert "Sedang membangun Pemda demo fiktif" in teks(siapkan.query_one("#status-siapkan"))
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and "FIKTIF" in app.sub_title, batas=120)
        assert app.sub_title == "Pemerintah Kabupaten Sukamaju — DEMO FIKTIF"
        await tunggu(pilot, lambda: app.screen.halaman_terakhir is not None)
        assert app.screen.halaman_terakhir.total > 0
    assert sql(db, "SELECT fiktif FROM instansi WHERE NOT luar") == [(1,)]


@pytest.fixture
def db_pemda_kosong(db_baru) -> str:
    """A database holding only an instansi: no unit, no pegawai."""
    from sistemkerja_tui.layanan.instansi import DataInstansi, JenisInstansi
    from sistemkerja_tui.layanan.mulai import buka_database

    db = db_baru("pemda")
    layanan = buka_database(db).layanan
    layanan.instansi.siapkan_instansi(
        DataInstansi(nama="Pemerintah Kota Madiun", jenis=JenisInstansi.KOTA, profil="madiun")
    )
    layanan.tutup()
    return db


async def test_setiap_layar_pada_pemda_tanpa_unit(db_pemda_kosong):
    from sistemkerja_tui.tui.screens.bantuan import LayarBantuan

    app = buat_app(db_pemda_kosong)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        assert isinstance(app.screen, LayarStruktur) and app.sub_title == "Pemerintah Kota Madiun"
        for tombol in ("s", "right_square_bracket", "d", "d", "slash", "escape", "p"):
            await pilot.press(tombol)
            await tunggu(pilot, lambda: True)
        assert any("belum berisi unit dan pegawai" in p for p in _pesan(app))  # p: nobody to choose yet
        assert isinstance(app.screen, LayarStruktur)
        for tombol, nama in zip(
            "234567", ("Tim", "Penugasan", "Beban", "Surat", "Kegiatan", "Pemantauan"), strict=True
        ):
            await pilot.press(tombol)
            await tunggu(pilot, lambda n=nama: type(app.screen).__name__.endswith(n))
            await tunggu(pilot, lambda: True)
            assert app.is_running
        await pilot.press("1", "question_mark")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarBantuan))
        await pilot.press("escape", "i")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarInstansi))
        assert "belum mempunyai unit" in teks(app.screen.query_one("#petunjuk-kode"))
        assert not [p for p in _pesan(app) if "Galat" in p or "log" in p]


async def test_layar_instansi_mengubah_pengaturan_dan_kode_unit(db_demo):
    from sistemkerja_tui.tui.screens.dialog import DialogAlasan

    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        assert app.sub_title == "Pemerintah Kabupaten Sukamaju — DEMO FIKTIF"
        await pilot.press("i")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarInstansi))
        layar = app.screen
        assert layar.query_one("#nama", Input).value == "Pemerintah Kabupaten Sukamaju"
        # a refusal: the form says why, the database is unchanged
        sebelum = sidik(db_demo)
        layar.query_one("#pola_nomor_surat", Input).value = "{kode_klasifikasi}/{bulan}"
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: "{bulan}" in teks(layar.query_one("#pesan-form")))
        assert sidik(db_demo) == sebelum
        layar.query_one("#pola_nomor_surat", Input).value = "{kode_klasifikasi}/{nomor_urut}/{kode_unit}/{tahun}"
        layar.query_one("#telepon", Input).value = "(0262) 777"
        layar.query_one("#nama", Input).value = "Pemerintah Kabupaten Sukamaju Baru"
        layar.query_one("#klasifikasi-surat_tugas", Input).value = "800.1.2.3"
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: any("disimpan" in p for p in _pesan(app)))
        assert not layar.query_one("#pesan-form").display  # the refusal (then "Menyimpan…") is gone once saved
        assert sql(db_demo, "SELECT telepon, kode_klasifikasi FROM instansi WHERE NOT luar") == [
            ("(0262) 777", '{"surat_tugas": "800.1.2.3"}')
        ]
        await tunggu(pilot, lambda: "Baru" in app.sub_title)
        assert app.sub_title == "Pemerintah Kabupaten Sukamaju Baru — DEMO FIKTIF"  # still the demo
        # unit codes: the second tab, Enter on a row, a new code
        (unit_id, kode), (_, kode_lain) = sql(
            db_demo,
            "SELECT id, kode FROM unit_organisasi WHERE NOT EXISTS (SELECT 1 FROM instansi i "
            "WHERE i.id = instansi_id AND i.luar) ORDER BY urutan, id LIMIT 2",
        )
        layar.query_one("#tab-instansi").active = "tab-kode"
        layar.query_one("#tabel-kode").focus()
        await pilot.press("e")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        assert app.screen.query_one("#isian", Input).value == kode
        app.screen.query_one("#isian", Input).value = kode_lain
        await pilot.press("enter")
        await tunggu(pilot, lambda: any("sudah dipakai" in p for p in _pesan(app)))
        assert sql(db_demo, "SELECT kode FROM unit_organisasi WHERE id = ?", unit_id) == [(kode,)]
        await pilot.press("e")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        app.screen.query_one("#isian", Input).value = "SETDA-BARU"
        await pilot.press("enter")
        await tunggu(pilot, lambda: any("SETDA-BARU" in p for p in _pesan(app)))
        assert sql(db_demo, "SELECT kode FROM unit_organisasi WHERE id = ?", unit_id) == [("SETDA-BARU",)]
        assert app.layanan.struktur.unit(unit_id).kode == "SETDA-BARU"
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur))
