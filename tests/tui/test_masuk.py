"""Mode bersama in the TUI (issue 13, 3): the app opens on a login screen, a temporary password must be changed,
`p` logs out instead of switching heads, and an idle screen locks."""

from __future__ import annotations

from datetime import date

import pytest
from tests.bantu import mode_bersama, sql
from tests.tui.bantu import UKURAN, buat_app, tunggu, tunggu_siap
from textual.widgets import Input

from sistemkerja_tui.tui.screens.masuk import LayarGantiSandi, LayarMasuk
from sistemkerja_tui.tui.widgets.form import PesanForm

SANDI_BARU = "Kenanga-Merah-2026"


@pytest.fixture
def bersama(db_demo) -> tuple[str, str, int]:
    """The demo in mode bersama: (NIP, temporary password, pegawai id) of a unit head's account."""
    return mode_bersama(db_demo)


async def _ketik(pilot, teks: str) -> None:
    await pilot.press(*teks, "enter")


async def test_masuk_ganti_sandi_keluar_dan_terkunci_saat_diam(db_demo, bersama):
    nip, sementara, pegawai_id = bersama
    app = buat_app(db_demo, hari_ini=lambda: date(2026, 3, 2))
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu(pilot, lambda: isinstance(app.screen, LayarMasuk))
        assert app.pengguna is None
        await _ketik(pilot, nip)
        await _ketik(pilot, "salah-sekali")
        await pilot.press("enter", "enter")  # a burst while the first attempt waits: no second attempt
        layar = app.screen
        await tunggu(pilot, lambda: "NIP atau kata sandi salah" in str(layar.query_one(PesanForm).content))
        assert isinstance(app.screen, LayarMasuk)  # still locked out
        assert layar.query_one("#sandi-masuk", Input).value == ""
        await _ketik(pilot, sementara)
        await tunggu(pilot, lambda: isinstance(app.screen, LayarGantiSandi))
        await _ketik(pilot, sementara)
        await _ketik(pilot, SANDI_BARU)
        await _ketik(pilot, SANDI_BARU)
        await tunggu(pilot, lambda: app.pengguna is not None)
        assert app.pengguna.pegawai_id == pegawai_id and app.screen is app.struktur
        await tunggu_siap(pilot)

        await pilot.press("p")  # log out, not "choose another head"
        await tunggu(pilot, lambda: isinstance(app.screen, LayarMasuk))
        assert app.pengguna is None and app.layanan.sesi is None
        await _ketik(pilot, nip)
        await _ketik(pilot, SANDI_BARU)
        await tunggu(pilot, lambda: app.pengguna is not None and not isinstance(app.screen, LayarMasuk))

        sekarang = app.jam()
        app.jam = lambda: sekarang + app.konfigurasi.kunci_menit * 60 + 1  # the configured idle time has passed
        app.periksa_diam()
        await tunggu(pilot, lambda: isinstance(app.screen, LayarMasuk))
        assert "terkunci" in str(app.screen.query("Label")[1].content).lower()
        assert app.layanan.sesi is None
    aksi = [a for (a,) in sql(db_demo, "SELECT aksi FROM riwayat WHERE entitas = 'akun' ORDER BY id")]
    assert aksi == ["akun_dibuat", "masuk_gagal", "masuk", "ganti_sandi", "masuk"]
