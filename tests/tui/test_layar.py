"""The registry of screens (tui/layar.py): screen keys, screen map, help and palette all come from it."""

from __future__ import annotations

import re

import pytest
from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap
from textual.command import CommandPalette

from sistemkerja_tui.tui.app import SistemKerjaApp
from sistemkerja_tui.tui.layar import LAYAR, PERINTAH_APLIKASI, muat_kelas, perintah_untuk
from sistemkerja_tui.tui.screens.cari import LayarCariNama


def _nama_aksi(aksi: str) -> str:
    return re.sub(r"\(.*\)$", "", aksi.removeprefix("app."))


@pytest.mark.parametrize("layar", LAYAR, ids=[layar.nama for layar in LAYAR])
def test_setiap_perintah_layar_adalah_aksi_layarnya(layar):
    kelas = muat_kelas(layar.kelas)
    assert [p.aksi for p in layar.perintah if not hasattr(kelas, f"action_{_nama_aksi(p.aksi)}")] == []


def test_perintah_aplikasi_adalah_aksi_aplikasi():
    assert [p.aksi for p in PERINTAH_APLIKASI if not hasattr(SistemKerjaApp, f"action_{_nama_aksi(p.aksi)}")] == []


def test_tombol_layar_dan_bantuan_dari_daftar_layar():
    tombol = {b.key: b.action for b in SistemKerjaApp.BINDINGS if not isinstance(b, tuple)}
    assert {layar.kunci: f"layar('{layar.nama}')" for layar in LAYAR}.items() <= tombol.items()
    judul = [j for j, _ in SistemKerjaApp().bagian_bantuan()]
    assert [b.judul for layar in LAYAR for b in layar.bantuan] == judul[1 : 1 + sum(len(x.bantuan) for x in LAYAR)]


async def test_setiap_tombol_layar_membuka_layarnya_dengan_perintahnya_di_palet(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        for layar in LAYAR:
            await pilot.press(layar.kunci)
            await tunggu(pilot, lambda layar=layar: isinstance(app.screen, muat_kelas(layar.kelas)))
            judul = [p.judul for p in perintah_untuk(app.screen)]
            assert judul[: len(layar.perintah)] == [p.judul for p in layar.perintah]
            assert {e.palet[0] for e in LAYAR} <= set(judul) and "Keluar" in judul


async def test_perintah_layar_dijalankan_dari_palet(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: app.screen.detail is not None)
        await pilot.press("ctrl+p")
        await tunggu(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"cari tim")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarCariNama))
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await tunggu(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"register surat")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await tunggu(pilot, lambda: type(app.screen).__name__ == "LayarSurat")
        assert "Register surat" in teks(app.screen.query_one("#judul-surat"))
