"""Pilot tests of the Struktur screen on a real demo database."""

from __future__ import annotations

from tests.bantu import sql as _sql
from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap
from textual.widgets import DataTable, Input, OptionList

from sistemkerja_tui.tui.layar import perintah_untuk
from sistemkerja_tui.tui.screens.bantuan import LayarBantuan
from sistemkerja_tui.tui.screens.cari import LayarCari
from sistemkerja_tui.tui.widgets.detail import PanelDetail
from sistemkerja_tui.tui.widgets.pohon import PohonUnit


def _info(app) -> str:
    return teks(app.screen.query_one("#info-unit"))


def _detail(app) -> str:
    return teks(app.screen.query_one("#isi-detail"))


async def test_layar_awal_terisi(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        pohon = app.screen.query_one(PohonUnit)
        instansi = [str(n.label) for n in pohon.root.children]
        assert instansi[0].startswith("Pemerintah")
        pd = [str(n.label) for n in pohon.root.children[0].children]
        assert any(label.startswith("Sekretariat Daerah") for label in pd)
        tabel = app.screen.query_one(DataTable)
        assert tabel.row_count > 0
        assert "pegawai" in _info(app) and "hal. 1/" in _info(app)
        assert app.sub_title.startswith("Pemerintah")


async def test_jelajah_pohon_dan_detail(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        pohon = app.screen.query_one(PohonUnit)
        awal = _info(app)
        # down to the next Perangkat Daerah with vim keys, open it, go into its first child
        await pilot.press("j")
        await tunggu(pilot, lambda: _info(app) != awal)
        simpul = pohon.cursor_node
        assert simpul.data.unit_id is not None and simpul.allow_expand
        await pilot.press("l")
        await tunggu(pilot, lambda: len(simpul.children) > 0)
        sebelum = _info(app)
        await pilot.press("j")
        await tunggu(pilot, lambda: _info(app) != sebelum)
        assert pohon.cursor_node.parent is simpul
        nama_unit = pohon.cursor_node.data and app.struktur.layanan.unit(pohon.cursor_node.data.unit_id).nama
        assert _info(app).startswith(nama_unit)
        # Tab to the table, the detail panel follows the highlighted row
        await pilot.press("tab")
        assert isinstance(app.focused, DataTable)
        await tunggu(pilot, lambda: "NIP" in _detail(app))
        detail = _detail(app)
        for kata in ("Pangkat/Gol", "Jabatan", "Kedudukan", "PPK", "Dasar", "lahir", "TMT"):
            assert kata in detail, kata
        # h goes back up to the parent node
        await pilot.press("shift+tab", "h")
        assert pohon.cursor_node is simpul


async def test_cari_memilih_unit_dan_baris(db_demo):
    # a pegawai deep in the tree: in a unit that has a parent which itself has a parent
    pid, nama, unit_id, nip = _sql(
        db_demo,
        "SELECT p.id, p.nama, p.unit_id, p.nip FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id "
        "JOIN unit_organisasi i ON i.id = u.induk_id WHERE i.induk_id IS NOT NULL AND p.jenis_jabatan = 'pelaksana' "
        "ORDER BY p.id LIMIT 1",
    )[0]
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("slash")
        layar = app.screen
        assert isinstance(layar, LayarCari)
        await pilot.press(*nip[:14])
        await tunggu(pilot, lambda: layar.hasil and layar.hasil[0].pegawai_id == pid)
        assert layar.query_one(OptionList).option_count >= 1
        await pilot.press("enter")
        await tunggu(pilot, lambda: app.screen is app.struktur and app.struktur.unit_id == unit_id)
        tabel = app.screen.query_one(DataTable)
        await tunggu(
            pilot,
            lambda: (
                tabel.row_count > 0 and tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value == str(pid)
            ),
        )
        pohon = app.screen.query_one(PohonUnit)
        assert pohon.cursor_node.data.unit_id == unit_id
        await tunggu(pilot, lambda: nama in _detail(app))


async def test_cari_nama_tanpa_hasil_memberi_pesan(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("slash")
        layar = app.screen
        await pilot.press(*"zzqx")
        await tunggu(pilot, lambda: layar.generasi > 0 and layar.query_one(Input).value == "zzqx")
        await tunggu(pilot, lambda: "Tidak ada pegawai" in teks(layar.query_one("#status-cari")))
        await pilot.press("escape")
        assert app.screen is app.struktur


async def test_sub_unit_dan_halaman(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        layar = app.struktur
        total_sendiri = layar.halaman_terakhir.total
        await pilot.press("s")
        await tunggu(pilot, lambda: layar.halaman_terakhir.termasuk_sub)
        assert layar.halaman_terakhir.total > total_sendiri
        assert "termasuk sub-unit" in _info(app)
        if layar.halaman_terakhir.jumlah_halaman > 1:
            await pilot.press("right_square_bracket")
            await tunggu(pilot, lambda: layar.halaman_terakhir.halaman == 1)
            assert "hal. 2/" in _info(app)
            await pilot.press("left_square_bracket")
            await tunggu(pilot, lambda: layar.halaman_terakhir.halaman == 0)


async def test_layar_bantuan_mendaftar_semua_tombol(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, LayarBantuan)
        isi = teks(app.screen.query_one("#tabel-bantuan"))
        for bagian in app.bagian_bantuan():
            for b in bagian[1]:
                if b.id:
                    assert b.id in isi, b.id
        assert "Cari" in isi and "Keluar" in isi
        # as wide as it is shown at 80 columns: no description cut to "Penugasa…" by a wide key column
        tabel = app.screen.query_one("#tabel-bantuan")
        assert "…" not in teks(tabel, tabel.content_size.width)
        await pilot.press("escape")
        assert app.screen is app.struktur


async def test_keymap_pengguna_dipakai_dan_ditampilkan(db_demo):
    from sistemkerja_tui.layanan.konfigurasi import Konfigurasi

    app = buat_app(db_demo, konfigurasi=Konfigurasi(keymap={"struktur.cari": "f3"}))
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("f3")
        assert isinstance(app.screen, LayarCari)
        await pilot.press("escape", "question_mark")
        baris = [b for b in teks(app.screen.query_one("#tabel-bantuan")).splitlines() if "struktur.cari" in b]
        assert baris and baris[0].split()[0].lower() == "f3"


async def test_palet_perintah_berbahasa_indonesia(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        judul = [p.judul for p in perintah_untuk(app.screen)]
        assert "Cari pegawai" in judul and "Ganti tema" in judul and "Keluar" in judul
        await pilot.press("ctrl+p")
        await pilot.press(*"cari peg")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarCari))


async def test_detail_dapat_diperbesar(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        pohon = app.screen.query_one(PohonUnit)
        pohon.focus()
        unit = pohon.cursor_node
        await pilot.press("d")
        assert isinstance(app.screen.maximized, PanelDetail)
        assert isinstance(app.focused, PanelDetail)  # ↓ now scrolls the panel ...
        await pilot.press("down", "down")
        assert pohon.cursor_node is unit  # ... and never moves the hidden tree to another unit
        await pilot.press("d")
        assert app.screen.maximized is None
        assert app.focused is pohon


def test_setiap_binding_punya_id_dan_tooltip():
    from sistemkerja_tui.tui.app import SistemKerjaApp

    app = SistemKerjaApp()
    for _, bindings in app.bagian_bantuan():
        for b in bindings:
            if b.action:  # the rows added for built-in keys have no action of ours
                assert b.id and b.tooltip, b


async def test_dialog_menunjukkan_tombolnya_sendiri_di_kaki(db_demo):
    # a dialog's footer lists its own keys, not those of the Struktur screen behind it (which do nothing there)
    from sistemkerja_tui.tui.screens.pengguna import PilihPengguna
    from sistemkerja_tui.tui.widgets.kaki import KakiLayar

    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        for tombol, layar, label in (("p", PilihPengguna, "Batal"), ("slash", LayarCari, "Tutup"),
                                     ("question_mark", LayarBantuan, "Tutup")):  # fmt: skip
            await pilot.press(tombol)
            await tunggu(pilot, lambda layar=layar: isinstance(app.screen, layar))
            kaki = [k[2] for k in app.screen.query_one(KakiLayar)._tombol()]
            assert label in kaki and "Sub-unit" not in kaki, (layar.__name__, kaki)
            await pilot.press("escape")
            await tunggu(pilot, lambda: app.screen is app.struktur)


async def test_tombol_ctrl_ditulis_ctrl_bukan_caret(db_demo):
    # the footer writes Ctrl+S as the README does, not Textual's "^s" (which a new user does not read as Ctrl)
    from textual.widgets._footer import FooterKey

    from sistemkerja_tui.tui.screens.instansi import LayarInstansi

    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("i")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarInstansi) and bool(app.screen.query(FooterKey)))
        tombol = [k.key_display for k in app.screen.query(FooterKey)]
        assert "Ctrl+S" in tombol and not any(t.startswith("^") for t in tombol)
