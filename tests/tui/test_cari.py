"""Pilot tests of the `/` search: names typed with gelar as displayed, units, the index built at start, teams."""

from __future__ import annotations

from tests.bantu import sql as _sql
from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap
from textual.widgets import DataTable, OptionList

from sistemkerja_tui.aturan.sebutan import nama_lengkap
from sistemkerja_tui.layanan.struktur import BATAS_CARI
from sistemkerja_tui.tui.screens.cari import PESAN_MENYIAPKAN, BarisHasil, LayarCari, LayarCariNama
from sistemkerja_tui.tui.screens.tim import LayarTim
from sistemkerja_tui.tui.widgets.pohon import PohonUnit


async def test_nama_bergelar_seperti_tampil_ditemukan(db_demo):
    # a pegawai with gelar on both sides and a name no one else has
    pid, nama, depan, belakang = _sql(
        db_demo,
        "SELECT id, nama, gelar_depan, gelar_belakang FROM pegawai p WHERE aktif AND gelar_depan <> '' "
        "AND gelar_belakang LIKE '%.%' AND (SELECT COUNT(*) FROM pegawai q WHERE q.nama = p.nama) = 1 "
        "ORDER BY id LIMIT 1",
    )[0]
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("slash")
        layar = app.screen
        assert isinstance(layar, LayarCari)
        await pilot.press(*nama_lengkap(nama, depan, belakang).upper())  # case, dots and commas as displayed
        await tunggu(pilot, lambda: bool(layar.hasil) and layar.hasil[0].pegawai_id == pid)
        # a gelar the pegawai does not carry is not required either
        layar.query_one("#masukan-cari").value = f"Prof. {nama}, S.T., M.T."
        await tunggu(pilot, lambda: bool(layar.hasil) and layar.hasil[0].pegawai_id == pid)
        assert "Pegawai" in str(layar.query_one("#hasil-cari").get_option_at_index(0).prompt)


async def test_cari_unit_lalu_lompat_ke_pohon(db_demo):
    # a unit deep in the tree (its parent has a parent), with a name no other unit has
    uid, nama = _sql(
        db_demo,
        "SELECT u.id, u.nama FROM unit_organisasi u JOIN unit_organisasi i ON i.id = u.induk_id "
        "WHERE i.induk_id IS NOT NULL AND (SELECT COUNT(*) FROM unit_organisasi v WHERE v.nama = u.nama) = 1 "
        "ORDER BY u.id LIMIT 1",
    )[0]
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("slash")
        layar = app.screen
        assert isinstance(layar, LayarCari)
        await pilot.press(*nama.lower())
        await tunggu(pilot, lambda: bool(layar.hasil) and layar.hasil[0].adalah_unit)
        assert layar.hasil[0].unit_id == uid
        assert "Unit" in str(layar.query_one("#hasil-cari").get_option_at_index(0).prompt)
        assert "unit" in teks(layar.query_one("#status-cari"))
        await pilot.press("enter")
        await tunggu(pilot, lambda: app.screen is app.struktur and app.struktur.unit_id == uid)
        pohon = app.screen.query_one(PohonUnit)
        await tunggu(pilot, lambda: pohon.cursor_node is not None and pohon.cursor_node.data.unit_id == uid)


async def test_pemilih_pegawai_tidak_menawarkan_unit(db_demo):
    nama = _sql(db_demo, "SELECT nama FROM unit_organisasi ORDER BY id LIMIT 1")[0][0]
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        layar = LayarCari(app.hasil_buka.struktur)  # as the Tim and Penugasan screens open it
        app.push_screen(layar)
        await pilot.pause()
        layar.query_one("#masukan-cari").value = nama
        await tunggu(pilot, lambda: layar.generasi > 0)
        assert not any(h.adalah_unit for h in layar.hasil)


async def test_indeks_dibangun_sesudah_mulai_tanpa_menunggu_garis_miring(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)  # waits for the workers too, the index build among them
        assert app.hasil_buka.struktur.indeks_siap


async def test_ketikan_sebelum_indeks_siap_dijawab_begitu_siap(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        struktur = app.hasil_buka.struktur
        with struktur._kunci_indeks:  # a build still running: the index is not there yet
            struktur._indeks = None
            await pilot.press("slash")
            layar = app.screen
            assert isinstance(layar, LayarCari)
            await pilot.press(*"siti")
            for _ in range(5):
                await pilot.pause()
            assert teks(layar.query_one("#status-cari")) == PESAN_MENYIAPKAN
            assert layar.hasil == [] and layar.generasi == 0
        await tunggu(pilot, lambda: bool(layar.hasil))  # answered as soon as the build is done
        assert all("siti" in h.nama.lower() for h in layar.hasil)
        assert "hasil" in teks(layar.query_one("#status-cari"))


async def test_cari_tim_menurut_nama(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        layar = app.screen
        assert isinstance(layar, LayarTim)
        await tunggu(pilot, lambda: len(layar.tim) > 1)
        semua = len(layar.tim)
        dicari = layar.tim[-1].nama
        # a word of the last team's name that the first team's name lacks, typed upper case and cut short
        kata = next(k for k in dicari.split() if len(k) > 4 and k.lower() not in layar.tim[0].nama.lower())
        ketik = kata[:4].upper()
        await pilot.press("slash")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarCariNama))
        await pilot.press(*ketik, "enter")
        await tunggu(pilot, lambda: app.screen is layar and len(layar.tim) < semua)
        assert dicari in [t.nama for t in layar.tim]
        assert all(any(k.lower().startswith(ketik.lower()) for k in t.nama.split()) for t in layar.tim)
        assert layar.query_one("#tabel-tim", DataTable).row_count == len(layar.tim)
        assert f"nama '{ketik}'" in teks(layar.query_one("#saringan-tim"))
        await pilot.press("slash")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarCariNama))
        await pilot.press("ctrl+u", "enter")  # an empty line shows every team again
        await tunggu(pilot, lambda: app.screen is layar and len(layar.tim) == semua)


async def test_hasil_penuh_hanya_baris_di_layar_yang_digambar(db_demo, monkeypatch):
    # a full page of results (BATAS_CARI) is measured without laying the text out; only the rows on screen are drawn
    digambar: list[BarisHasil] = []
    gambar = BarisHasil.render_strips

    def catat(self, *args, **kwargs):
        digambar.append(self)
        return gambar(self, *args, **kwargs)

    monkeypatch.setattr(BarisHasil, "render_strips", catat)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("slash", *"a")
        layar = app.screen
        await tunggu(pilot, lambda: layar.generasi > 0 and len(layar.hasil) == BATAS_CARI)
        daftar = layar.query_one("#hasil-cari", OptionList)
        assert daftar.option_count == BATAS_CARI
        assert 0 < len({id(b) for b in digambar}) < BATAS_CARI // 2


def test_baris_hasil_dua_baris_yang_terlalu_panjang_dibungkus():
    pendek = BarisHasil([("Siti Aminah", "bold"), ("  19850202 201001 2 002", "")], ("Perawat · Puskesmas", "dim"))
    assert pendek.get_height({}, 60) == 2
    assert str(pendek) == "Siti Aminah  19850202 201001 2 002\nPerawat · Puskesmas"
    jabatan = "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Madya · Inspektur Pembantu Khusus"
    panjang = BarisHasil([("Arifin Syam", "bold")], (jabatan, "dim"))
    assert panjang.get_height({}, 60) == 3  # the jabatan wraps onto a second line, as text does
