"""Snapshot tests of the main screens at 80×24 (Textual pinned exactly so they stay stable).

Update after an intended visual change: pytest tests/tui/test_snapshot.py --snapshot-update
"""

from __future__ import annotations

from tests.tui.bantu import UKURAN, buat_app, tanpa_kedip, teks, tunggu, tunggu_siap

from sistemkerja_tui.tui.screens.bantuan import LayarBantuan


def _nama_disorot(layar) -> str:
    h = layar.halaman_terakhir
    tabel = layar.query_one("#tabel")
    return h.baris[tabel.cursor_row].nama if h and h.baris else "NIP"


def test_snapshot_struktur(snap_compare, db_demo):
    async def siap(pilot):
        await tunggu_siap(pilot)

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)


def test_snapshot_struktur_dengan_detail(snap_compare, db_demo):
    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("tab", "j")
        layar = pilot.app.screen
        # the detail of the highlighted row, not the one shown before j (both have a NIP)
        await tunggu(pilot, lambda: _nama_disorot(layar) in teks(layar.query_one("#isi-detail")))

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)


def test_snapshot_bantuan(snap_compare, db_demo):
    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("question_mark")
        await tunggu(pilot, lambda: isinstance(pilot.app.screen, LayarBantuan))

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)


def test_snapshot_cari(snap_compare, db_demo):
    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("slash", *"ahli madya")
        await tunggu(pilot, lambda: getattr(pilot.app.screen, "hasil", None))
        await tanpa_kedip(pilot)

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)
