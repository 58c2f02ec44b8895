"""Helpers for Pilot tests: start the app on a demo copy and wait until it is ready."""

from __future__ import annotations

import asyncio
import contextlib
import io

from rich.console import Console
from textual.widgets import DataTable, Input
from textual.worker import WorkerCancelled

from sistemkerja_tui.tui.alur import GRUP
from sistemkerja_tui.tui.app import SistemKerjaApp

UKURAN = (80, 24)


def buat_app(db: str, **kwargs) -> SistemKerjaApp:
    return SistemKerjaApp(url=db, **kwargs)


async def tunggu(pilot, syarat, batas: float = 30.0) -> None:
    """Pause the pilot until `syarat()` holds (workers finish off the event loop) and every table on the screen
    has measured its rows (a DataTable sizes its columns on idle: a snapshot taken before shows them too narrow)."""
    akhir = asyncio.get_running_loop().time() + batas
    while not syarat():
        if asyncio.get_running_loop().time() > akhir:
            raise AssertionError("kondisi tidak tercapai dalam batas waktu")
        await pilot.pause(0.02)
    # a flow (tui.alur) waits on the user for as long as its dialog is open: not a worker to wait for
    for pekerja in [w for w in pilot.app.workers if w.group != GRUP]:
        with contextlib.suppress(WorkerCancelled):  # replaced by a newer load of the same group: that one counts
            await pekerja.wait()
    await pilot.pause()
    while _tabel_belum_diukur(pilot.app):
        if asyncio.get_running_loop().time() > akhir:
            raise AssertionError("tabel tidak selesai diukur dalam batas waktu")
        await pilot.pause(0.02)


def _tabel_belum_diukur(app) -> bool:
    return any(
        t.virtual_size.height < (t.header_height if t.show_header else 0) + t.row_count
        for t in app.screen.query(DataTable)
    )


async def tanpa_kedip(pilot) -> None:
    """Stop the text cursors blinking before a snapshot: a loaded machine would catch one in its dark half."""
    for layar in pilot.app.screen_stack:
        for isian in layar.query(Input):
            isian.cursor_blink = False
    await pilot.pause()


async def tunggu_siap(pilot) -> None:
    await tunggu(pilot, lambda: pilot.app.waktu_siap is not None)


def teks(widget, lebar: int = 200) -> str:
    """What a Static/Label shows, as plain text; Rich content rendered `lebar` columns wide."""
    konten = widget.content
    if isinstance(konten, str):
        return konten
    if hasattr(konten, "plain"):
        return konten.plain
    console = Console(width=lebar, record=True, file=io.StringIO())
    console.print(konten)
    return console.export_text()


async def surat_tugas_dari_tim(pilot) -> None:
    """From start-up: make a Surat Tugas of the user's team on the Tim screen (`l`) and wait on the Surat screen
    until its preview is shown."""
    from sistemkerja_tui.tui.screens.pilih import PilihSatu
    from sistemkerja_tui.tui.screens.surat import LayarSurat

    app = pilot.app
    await tunggu_siap(pilot)
    await pilot.press("2")
    await tunggu(pilot, lambda: app.screen.detail is not None)
    await pilot.press("l")
    await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
    await pilot.press("down", "enter")  # Surat Tugas
    await tunggu(pilot, lambda: isinstance(app.screen, LayarSurat) and app.screen.teks_terpilih is not None)
