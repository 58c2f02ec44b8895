"""Start-up: the first screen is filled in one go, and the main thread imports no rules before its first paint."""

from __future__ import annotations

import subprocess
import sys

from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap

from sistemkerja_tui.layanan.struktur import LayananStruktur
from sistemkerja_tui.tui.awal import PembukaAwal
from sistemkerja_tui.tui.widgets.detail import PanelDetail
from sistemkerja_tui.tui.widgets.kaki import KakiLayar
from sistemkerja_tui.tui.widgets.pohon import PohonUnit


async def test_halaman_pertama_dibaca_sekali_bersama_pohon(db_demo, monkeypatch):
    dibaca: list[int] = []
    baca = LayananStruktur.halaman_pegawai

    def catat(self, unit_id, **kwargs):
        dibaca.append(unit_id)
        return baca(self, unit_id, **kwargs)

    monkeypatch.setattr(LayananStruktur, "halaman_pegawai", catat)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        pohon = app.screen.query_one(PohonUnit)
        assert pohon.cursor_node is pohon.root.children[0].children[0]
        assert dibaca == [pohon.cursor_node.data.unit_id]  # read with the tree, not again when the cursor lands
        assert pohon.scroll_offset.y == 0  # the instansi line above the cursor stays in view
        assert "hal. 1/" in teks(app.screen.query_one("#info-unit"))


async def test_mulai_berulang_selalu_sampai_siap(db_demo):
    # the database may answer before the screen's widgets are mounted: the page waits for them
    for _ in range(6):
        app = buat_app(db_demo)
        async with app.run_test(size=UKURAN) as pilot:
            await tunggu_siap(pilot)
            assert app.struktur.query_one("#tabel").row_count > 0


def test_impor_aplikasi_tanpa_aturan_dan_sqlalchemy():
    # the rules, the structure services and SQLAlchemy are imported by the worker that opens the database
    berat = ["sistemkerja_tui.aturan.enums", "sistemkerja_tui.aturan.profil", "sistemkerja_tui.aturan.ppk"]
    berat += ["sistemkerja_tui.layanan.struktur", "sqlalchemy", "sqlmodel", "babel", "jinja2"]
    kode = f"import sys, sistemkerja_tui.cli, sistemkerja_tui.tui.app; print(sorted(set({berat!r}) & set(sys.modules)))"
    keluaran = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True).stdout
    assert keluaran.strip() == "[]"


async def test_dibuka_selagi_textual_diimpor_terisi_sejak_gambar_pertama(db_demo):
    # cli opens the database while it imports Textual: when the app mounts, the answer is there and the first
    # frame shows the tree, the first page, the first pegawai's detail and the footer's keys — no worker waits
    pembuka = PembukaAwal(db_demo)
    pembuka.tunggu()
    app = buat_app(db_demo, pembuka=pembuka)
    async with app.run_test(size=UKURAN):
        assert app.waktu_siap is not None  # filled as the screen mounted
        assert not [w for w in app.workers if w.group == "buka"]
        assert "hal. 1/" in teks(app.screen.query_one("#info-unit"))
        assert "NIP" in teks(app.screen.query_one("#isi-detail"))
        assert len(app.screen.query_one(KakiLayar).children) > 0  # the keys are composed with the footer


async def test_database_tak_dapat_dibuka_diberitahukan(tmp_path):
    rusak = tmp_path / "rusak.db"
    rusak.write_bytes(b"bukan database SQLite" * 100)
    app = buat_app(str(rusak))
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu(pilot, lambda: "Memuat" not in teks(app.screen.query_one("#info-unit")))
        assert app.layanan is None
        assert "rusak.db" in teks(app.screen.query_one(PanelDetail).query_one("#isi-detail"))


async def test_pengumpul_sampah_hidup_lagi_setelah_layar_pertama(db_demo, tmp_path):
    # cli turns the garbage collector off for start-up; the app turns it on again once the first screen is shown —
    # also when the database cannot be opened
    import gc

    rusak = tmp_path / "rusak.db"
    rusak.write_bytes(b"bukan database SQLite" * 100)
    try:
        for db in (db_demo, str(rusak)):
            gc.disable()
            app = buat_app(db)
            async with app.run_test(size=UKURAN) as pilot:
                await tunggu(pilot, lambda a=app: "Memuat" not in teks(a.screen.query_one("#info-unit")))
                assert gc.isenabled()
    finally:
        gc.enable()


async def test_rincian_pegawai_digambar_sekali_per_lebar(db_demo, monkeypatch):
    # Textual measures a Static's Rich content by rendering it, then renders it again, on every layout pass: the
    # detail's table (~5 ms a render) is rendered once for each width it is shown at
    from rich.table import Table

    lebar: list[int] = []
    asli = Table.__rich_console__

    def catat(self, console, options):
        lebar.append(options.max_width)
        yield from asli(self, console, options)

    monkeypatch.setattr(Table, "__rich_console__", catat)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        for _ in range(2):
            app.screen.refresh(layout=True)
            await pilot.pause()
        assert "NIP" in teks(app.screen.query_one("#isi-detail"))
        assert lebar and len(lebar) == len(set(lebar))
