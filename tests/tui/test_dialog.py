"""Pilot tests of the dialogs and forms: Ctrl+S saves, refusals are seen whole, typed content is not lost by
accident, a missing export folder is offered for creation."""

from __future__ import annotations

import stat

from tests.bantu import sql as _sql
from tests.tui.bantu import UKURAN, buat_app, surat_tugas_dari_tim, teks, tunggu, tunggu_siap
from tests.tui.test_tim import UKURAN_LEBAR, _dengan_pengguna
from textual.widgets import Input, Label
from textual.widgets._footer import FooterKey

from sistemkerja_tui.layanan.tim import DataTim
from sistemkerja_tui.tui.screens.dialog import DialogAlasan, DialogKonfirmasi
from sistemkerja_tui.tui.screens.form_individu import FormIndividu
from sistemkerja_tui.tui.screens.form_tim import FormTim
from sistemkerja_tui.tui.screens.pilih import PilihSatu
from sistemkerja_tui.tui.screens.surat import LayarSurat
from sistemkerja_tui.tui.screens.tim import LayarTim
from sistemkerja_tui.tui.widgets.form import PesanForm


def _tombol_footer(app) -> dict[str, str]:
    return {k.key: k.description for k in app.screen.query(FooterKey)}


def _terlihat_utuh(app, widget) -> bool:
    """Drawn whole: not clipped by a scrolling container nor by the terminal."""
    geo = app.screen.find_widget(widget)
    return geo.region.area > 0 and geo.visible_region == geo.region and app.screen.region.contains_region(geo.region)


async def _ke_ekspor(pilot, app) -> LayarSurat:
    """Make a Surat Tugas from the Tim screen and open its export-folder dialog."""
    await surat_tugas_dari_tim(pilot)
    layar = app.screen
    await pilot.press("e")
    await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
    await pilot.press("enter")  # .txt
    await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
    return layar


async def test_ekspor_ke_folder_baru_dengan_ctrl_s_dan_konfirmasi(db_demo, tmp_path):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        layar = await _ke_ekspor(pilot, app)
        assert _tombol_footer(app).get("ctrl+s") == "Simpan"
        tujuan = tmp_path / "Dokumen" / "surat"

        # declined: nothing is created, nothing written
        app.screen.query_one(Input).value = str(tujuan)
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        assert str(tujuan) in teks(app.screen.query_one(Label)) and "belum ada" in teks(app.screen.query_one(Label))
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is layar)
        assert not (tmp_path / "Dokumen").exists()

        # accepted: both folders are made private to the user, then the letter is written
        await pilot.press("e")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        app.screen.query_one(Input).value = str(tujuan)
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        await pilot.press("enter")
        await tunggu(pilot, lambda: list(tujuan.glob("surat_tugas_*.txt")))
    for folder in (tmp_path / "Dokumen", tujuan):
        assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0


async def _form_kegiatan(pilot, app) -> FormIndividu:
    await tunggu_siap(pilot)
    await pilot.press("6", "n")
    await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
    await pilot.press("enter")
    await tunggu(pilot, lambda: isinstance(app.screen, FormIndividu) and app.focused is not None)
    return app.screen


async def test_anggaran_raksasa_ditolak_dengan_pesan_utuh_di_atas_form(db_demo):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        form = await _form_kegiatan(pilot, app)
        assert _tombol_footer(app).get("ctrl+s") == "Tugaskan"
        await pilot.press(*"Sosialisasi gizi")
        form.query_one("#rencana_anggaran", Input).value = "9" * 30
        sebelum = _sql(db_demo, "SELECT COUNT(*) FROM kegiatan")
        await pilot.press("ctrl+s")
        pesan = form.query_one(PesanForm)
        await tunggu(pilot, lambda: "Rencana anggaran" in teks(pesan))
        await pilot.pause()
        assert "paling besar" in teks(pesan)
        assert _terlihat_utuh(app, pesan)
        assert pesan.region.height >= 2 and len(teks(pesan)) > pesan.region.width  # wrapped, not cut
        assert app.screen is form and _sql(db_demo, "SELECT COUNT(*) FROM kegiatan") == sebelum


async def test_nama_tim_kosong_ditolak_terlihat_di_80x24(db_demo):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarTim) and app.screen.detail is not None)
        await pilot.press("n")
        await tunggu(pilot, lambda: isinstance(app.screen, FormTim) and app.focused is not None)
        form = app.screen
        await pilot.press("ctrl+s")
        pesan = form.query_one(PesanForm)
        await tunggu(pilot, lambda: teks(pesan) not in ("", "Menyimpan…"))
        await pilot.pause()
        assert "nama" in teks(pesan).lower()
        assert _terlihat_utuh(app, pesan)


async def test_galat_tak_terduga_tidak_meninggalkan_menyimpan(db_demo):
    app = buat_app(db_demo)

    def simpan(_data: DataTim) -> None:
        raise RuntimeError("uji")

    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        form = FormTim(1, "Unit Uji", simpan)
        app.push_screen(form)
        await tunggu(pilot, lambda: app.screen is form and app.focused is not None)
        await pilot.press(*"Tim Galat", "ctrl+s")
        pesan = form.query_one(PesanForm)
        await tunggu(pilot, lambda: teks(pesan) not in ("", "Menyimpan…"))
        assert "galat tak terduga" in teks(pesan).lower()


async def test_escape_menanyakan_sebelum_membuang_isian(db_demo):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarTim) and app.screen.detail is not None)
        layar = app.screen

        # an untouched form closes at once
        await pilot.press("n")
        await tunggu(pilot, lambda: isinstance(app.screen, FormTim) and app.focused is not None)
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is layar)

        # typed content: asked first; "Tidak" keeps everything, "Ya" throws it away
        await pilot.press("n")
        await tunggu(pilot, lambda: isinstance(app.screen, FormTim) and app.focused is not None)
        form = app.screen
        await pilot.press(*"Tim Setengah Jadi", "escape")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        assert teks(app.screen.query_one(Label)) == "Buang isian?"
        assert {"Ya", "Tidak"} <= set(_tombol_footer(app).values())
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is form)
        assert form.query_one("#nama", Input).value == "Tim Setengah Jadi"
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        await pilot.press("y")
        await tunggu(pilot, lambda: app.screen is layar)
        assert not any(t.nama == "Tim Setengah Jadi" for t in layar.tim)


async def test_dialog_pilih_cari_nama_dan_saring_memakai_tombolnya_sendiri(db_demo):
    # a modal's footer lists its own keys: the Struktur/Tim keys behind it ("/ Cari", "f Saring") do nothing there
    from sistemkerja_tui.tui.screens.cari import LayarCariNama
    from sistemkerja_tui.tui.screens.saring_tim import FormSaring

    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        for dialog in (
            PilihSatu("Buat surat", [("Surat Tugas", 1)]),
            LayarCariNama("Cari tim"),
            FormSaring(None, None, None),
        ):
            app.push_screen(dialog)
            await tunggu(pilot, lambda d=dialog: app.screen is d)
            assert _tombol_footer(app) == {"escape": "Batal"}, type(dialog).__name__
            dialog.dismiss(None)
            await tunggu(pilot, lambda: app.screen is app.struktur)


async def test_saring_tim_membuka_dan_menerapkan_status(db_demo):
    # f on the Tim screen opened a form that crashed the app (Select.BLANK is a flag in Textual 8, not "no value")
    from textual.widgets import Select

    from sistemkerja_tui.layanan.tim import StatusTim
    from sistemkerja_tui.tui.screens.saring_tim import FormSaring

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarTim) and app.screen.detail is not None)
        await pilot.press("f")
        await tunggu(pilot, lambda: isinstance(app.screen, FormSaring))
        app.screen.query_one("#saring-status", Select).value = StatusTim.AKTIF
        await pilot.click("#terapkan")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarTim))
        assert app.screen.saringan == (None, StatusTim.AKTIF, None)
        assert StatusTim.AKTIF.label.lower() in teks(app.screen.query_one("#saringan-tim"))
