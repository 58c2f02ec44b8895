"""The Tim screen built from widgets (tui/widgets/tim.py) and flows (tui/alur/tim.py)."""

from __future__ import annotations

import pytest
from tests.tui.bantu import UKURAN, buat_app, tunggu, tunggu_siap
from tests.tui.test_tim import _dengan_pengguna

from sistemkerja_tui.tui.screens.pemilih_ketua import PemilihKetua
from sistemkerja_tui.tui.widgets.tim import TabelAnggota


@pytest.mark.parametrize("ukuran", [UKURAN, (100, 30)])
async def test_status_anggota_tidak_terpotong(db_demo, ukuran):
    """Issue 10: the member table's Status column was cut at 80×24 (names took the whole pane)."""
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=ukuran) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: app.screen.detail is not None and app.screen.detail.anggota)
        tabel = app.screen.query_one(TabelAnggota)
        await tunggu(pilot, lambda: tabel.row_count == len(app.screen.detail.anggota))
        nama, peran, status = tabel.ordered_columns[:3]
        assert str(status.label) == "Status"
        kanan = sum(k.get_render_width(tabel) for k in (nama, peran, status))
        assert kanan <= tabel.scrollable_content_region.width
        lebar_status = max(len(a.status.label) for a in app.screen.detail.anggota)
        assert status.get_render_width(tabel) >= lebar_status + 2 * tabel.cell_padding
        # the name column gives way, so the highlighted member's whole name is written under the table
        await pilot.press("tab", "j")
        await tunggu(pilot, lambda: tabel.cursor_row == 1)
        assert tabel.border_subtitle == app.screen.detail.anggota[1].nama


async def test_tombol_ganda_membuka_satu_pemilih(db_demo):
    """A flow runs one at a time: `c` pressed twice opens one picker, not two stacked."""
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: app.screen.detail is not None)
        await pilot.press("c", "c")
        await tunggu(pilot, lambda: isinstance(app.screen, PemilihKetua) and app.screen.semua is not None)
        assert sum(isinstance(s, PemilihKetua) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await tunggu(pilot, lambda: not isinstance(app.screen, PemilihKetua))
        assert app.screen is app.layar["tim"]
