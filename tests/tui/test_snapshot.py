"""Snapshot tests of the main screens at 80×24 (Textual pinned exactly so they stay stable).

Update after an intended visual change: pytest tests/tui/test_snapshot.py --snapshot-update
"""

from __future__ import annotations

from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap


def test_snapshot_struktur(snap_compare, db_demo):
    async def siap(pilot):
        await tunggu_siap(pilot)

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)


def test_snapshot_struktur_dengan_detail(snap_compare, db_demo):
    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("tab", "j")
        await tunggu(pilot, lambda: "NIP" in teks(pilot.app.screen.query_one("#isi-detail")))

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)


def test_snapshot_bantuan(snap_compare, db_demo):
    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)


def test_snapshot_cari(snap_compare, db_demo):
    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("slash", *"ahli madya")
        await tunggu(pilot, lambda: getattr(pilot.app.screen, "hasil", None))

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)
