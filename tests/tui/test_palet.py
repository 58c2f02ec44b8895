"""Pilot tests of the command palette and the theme picker: their texts are in Bahasa Indonesia."""

from __future__ import annotations

from tests.tui.bantu import UKURAN, buat_app, tunggu, tunggu_siap
from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from sistemkerja_tui.tui.widgets.palet import TIDAK_ADA


def _teks_opsi(app) -> list[str]:
    daftar = app.screen.query_one(CommandList)
    return [str(getattr(o.prompt, "renderable", o.prompt)) for o in daftar.options]


async def test_palet_perintah_berbahasa_indonesia(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("ctrl+p")
        await tunggu(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert app.screen.query_one(Input).placeholder == "Cari perintah…"
        await pilot.press(*"qzxqzx")
        await tunggu(pilot, lambda: TIDAK_ADA in _teks_opsi(app))
        assert "No matches found" not in _teks_opsi(app)


async def test_pemilih_tema_berbahasa_indonesia(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("t")
        await tunggu(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert app.screen.query_one(Input).placeholder == "Cari tema…"
        await pilot.press(*"qzxqzx")
        await tunggu(pilot, lambda: TIDAK_ADA in _teks_opsi(app))
