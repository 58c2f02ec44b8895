"""Pilot test: the register screen exports one registered letter as .docx (same number) and says how to get PDF."""

from __future__ import annotations

import docx
from tests.tui.bantu import buat_app, surat_tugas_dari_tim, tunggu
from tests.tui.test_tim import UKURAN_LEBAR, _dengan_pengguna
from textual.widgets import Input

from sistemkerja_tui.tui.screens.dialog import DialogAlasan
from sistemkerja_tui.tui.screens.pilih import PilihSatu
from sistemkerja_tui.tui.screens.surat import FORMAT


async def _ekspor(pilot, format: str, folder) -> None:
    app = pilot.app
    await pilot.press("e")
    await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
    langkah = [kode for _, kode in FORMAT].index(format)
    await pilot.press(*["down"] * langkah, "enter")
    await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
    app.screen.query_one(Input).value = str(folder)
    await pilot.press("enter")


async def test_register_mengekspor_docx_bernomor_sama_dan_pdf_tanpa_libreoffice_dijelaskan(
    db_demo, tmp_path, monkeypatch
):
    _dengan_pengguna(db_demo)
    keluar = tmp_path / "keluar"
    keluar.mkdir()
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await surat_tugas_dari_tim(pilot)
        _, nomor, _ = app.screen.teks_terpilih
        await _ekspor(pilot, "docx", keluar)
        await tunggu(pilot, lambda: list(keluar.glob("surat_tugas_*.docx")))
        (berkas,) = keluar.glob("surat_tugas_*.docx")
        dok = docx.Document(str(berkas))
        assert any(nomor in c.text for t in dok.tables for r in t.rows for c in r.cells) or any(
            nomor in p.text for p in dok.paragraphs
        )
        kosong = tmp_path / "path-kosong"
        kosong.mkdir()
        monkeypatch.setenv("PATH", str(kosong))  # no LibreOffice
        await _ekspor(pilot, "pdf", keluar)
        await tunggu(pilot, lambda: any("libreoffice-writer-nogui" in str(n.message) for n in app._notifications))
        assert not list(keluar.glob("*.pdf"))
