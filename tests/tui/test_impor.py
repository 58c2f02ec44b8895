"""Import from the TUI: the file form, the preview (mapping, counts, refusals, paged), the apply in a cancellable
worker, and the Struktur screen showing the imported Pemda at once; from an empty database through setup too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.bantu import sidik, sql
from tests.berkas_impor import pegawai_fiktif, tabel_unit, tulis_csv, tulis_siasn_csv, unit_fiktif
from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap
from textual.widgets import Input, Select

from sistemkerja_tui.aturan.sebutan import nama_lengkap
from sistemkerja_tui.tui.screens.cari import LayarCari
from sistemkerja_tui.tui.screens.dialog import DialogAlasan, DialogKonfirmasi
from sistemkerja_tui.tui.screens.impor import LayarImpor, LayarPratinjau
from sistemkerja_tui.tui.screens.instansi import FormInstansi
from sistemkerja_tui.tui.screens.siapkan import LayarSiapkan
from sistemkerja_tui.tui.screens.struktur import LayarStruktur
from sistemkerja_tui.tui.widgets.pohon import PohonUnit
from sistemkerja_tui.tui.widgets.tabel_halaman import TabelHalaman

UNIT = unit_fiktif()
NAMA_UNIT = {u.id: u.nama for u in UNIT}


def _siapkan(db: str, unit: Path | None = None) -> str:
    """An instansi (through the setup use case), and with `unit` (a folder) its unit tree imported through the
    use case."""
    from sistemkerja_tui.layanan.instansi import DataInstansi, JenisInstansi
    from sistemkerja_tui.layanan.mulai import buka_database

    layanan = buka_database(db).layanan
    try:
        layanan.instansi.siapkan_instansi(
            DataInstansi(nama="Pemerintah Kota Madiun", jenis=JenisInstansi.KOTA, profil="madiun")
        )
        if unit is not None:
            tabel = tulis_csv(unit / "unor-awal.csv", tabel_unit(UNIT))
            layanan.impor.terapkan_unit(layanan.impor.baca_unit(tabel), oleh_id=None)
    finally:
        layanan.tutup()
    return db


@pytest.fixture
def db_pemda(db_baru) -> str:
    return _siapkan(db_baru("pemda"))


@pytest.fixture
def db_unit(db_baru, tmp_path) -> str:
    return _siapkan(db_baru("unit"), tmp_path)


async def _baca(pilot, path, *, jenis: str | None = None) -> LayarPratinjau:
    """On the file form: type the path (fast, no pauses), Enter, and wait for the preview."""
    app = pilot.app
    await tunggu(pilot, lambda: isinstance(app.screen, LayarImpor))
    form = app.screen
    form.query_one("#berkas-impor", Input).value = ""
    await pilot.press(*str(path))
    if jenis is not None and form.jenis != jenis:  # Tab to the choice, ↓ or ↑, Enter, then back to the path
        await pilot.press("tab", "down" if jenis == "unit" else "up", "enter", "shift+tab")
        assert form.jenis == jenis
    await pilot.press("enter")
    await tunggu(pilot, lambda: isinstance(app.screen, LayarPratinjau))
    return app.screen


async def _sampai(pilot, syarat) -> None:
    """Pause until `syarat()` holds, without waiting for the workers to finish."""
    for _ in range(500):
        if syarat():
            return
        await pilot.pause(0.02)
    raise AssertionError("kondisi tidak tercapai")


async def _terapkan(pilot, layar: LayarPratinjau) -> None:
    await pilot.press("ctrl+s")
    await tunggu(pilot, lambda: layar.hasil is not None)


async def _struktur_menampilkan(pilot, jumlah_pegawai: int) -> None:
    """The Struktur screen: the tree lists the imported units; with sub-units, the table all pegawai."""
    app = pilot.app
    await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur))
    pohon = app.screen.query_one(PohonUnit)
    await tunggu(pilot, lambda: any("Dinas Kesehatan" in str(n.label) for n in pohon.root.children[0].children))
    await tunggu(pilot, lambda: app.struktur.halaman_terakhir is not None)
    await pilot.press("s")  # the pegawai of the sub-units too
    await tunggu(pilot, lambda: app.struktur.termasuk_sub and app.struktur.halaman_terakhir.total == jumlah_pegawai)


async def _cari(pilot, nama: str, pegawai: bool = True) -> None:
    app = pilot.app
    await pilot.press("slash")
    await tunggu(pilot, lambda: isinstance(app.screen, LayarCari))
    layar = app.screen
    await pilot.press(*nama)
    await tunggu(pilot, lambda: bool(layar.hasil) and (layar.hasil[0].adalah_unit is not pegawai))
    await pilot.press("escape")


async def test_impor_unit_lalu_pegawai_tampil_di_struktur(db_pemda, tmp_path):
    unor = tulis_csv(tmp_path / "unor.csv", tabel_unit(UNIT))
    pegawai = pegawai_fiktif(30, NAMA_UNIT, seed=5)
    siasn = tulis_siasn_csv(tmp_path / "Export Data ASN.csv", pegawai)
    app = buat_app(db_pemda)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("I")
        layar = await _baca(pilot, unor, jenis="unit")
        assert "baru 7" in teks(layar.query_one("#ringkasan"))
        assert layar.query_one("#pemetaan").row_count >= 2
        assert sql(db_pemda, "SELECT COUNT(*) FROM unit_organisasi") == [(0,)]  # a preview writes nothing
        await _terapkan(pilot, layar)
        assert sql(db_pemda, "SELECT COUNT(*) FROM unit_organisasi") == [(7,)]
        await pilot.press("b")  # next file: the form now on pegawai
        layar = await _baca(pilot, siasn)
        assert layar.bacaan.jenis == "pegawai"
        ringkas = teks(layar.query_one("#ringkasan"))
        assert "baru 30" in ringkas and "ditolak 0" in ringkas and "tanpa unit 0" in ringkas
        pemetaan = layar.query_one("#pemetaan")
        assert any(pemetaan.get_row_at(i) == ["NIP BARU", "NIP"] for i in range(pemetaan.row_count))
        await _terapkan(pilot, layar)
        assert "Selesai: 30 baru" in teks(layar.query_one("#ringkasan"))
        await pilot.press("escape")
        await _struktur_menampilkan(pilot, 30)
        p = pegawai[7]
        await _cari(pilot, nama_lengkap(p.nama, p.gelar_depan, p.gelar_belakang))
        await _cari(pilot, "Puskesmas Sukamaju", pegawai=False)
    assert sql(db_pemda, "SELECT COUNT(*) FROM pegawai WHERE aktif") == [(30,)]


async def test_baris_ditolak_tampil_dan_diterapkan_hanya_setelah_konfirmasi(db_unit, tmp_path):
    pegawai = pegawai_fiktif(130, NAMA_UNIT, seed=8)
    siasn = tulis_siasn_csv(
        tmp_path / "siasn.csv", pegawai, ganti={3: {"NIP BARU": "1.97803E+17"}, 9: {"NIP BARU": "12345"}}
    )
    app = buat_app(db_unit)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("I")
        layar = await _baca(pilot, siasn)
        assert "ditolak 2" in teks(layar.query_one("#ringkasan"))
        assert "Ctrl+S untuk mengimpor baris yang sah saja" in teks(layar.query_one("#pesan-pratinjau"))
        tabel = layar.query_one("#rincian", TabelHalaman)
        awal = [tabel.get_row_at(i) for i in range(2)]
        assert [(b[0], b[1], b[3]) for b in awal] == [("ditolak", "5", "NIP BARU"), ("ditolak", "11", "NIP BARU")]
        assert "format" in awal[0][4].lower() or "teks" in awal[0][4].lower()  # how to fix the file
        # 128 new + 2 refused rows (+ heads found by jabatan): one page of 100 in the widget, never all of them
        semua = len(tabel.baris)
        assert semua >= 130 and tabel.row_count == 100
        assert f"dari {semua}" in teks(layar.query_one("#halaman-rincian"))
        await pilot.press("right_square_bracket")
        assert tabel.row_count == semua - 100 and "halaman 2/2" in teks(layar.query_one("#halaman-rincian"))
        sebelum = sidik(db_unit)
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        assert "Impor baris yang sah saja?" in app.screen.pertanyaan
        await pilot.press("n")
        await tunggu(pilot, lambda: app.screen is layar)
        assert sidik(db_unit) == sebelum and layar.hasil is None
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        await pilot.press("y")
        await tunggu(pilot, lambda: layar.hasil is not None)
        assert "128 baru" in teks(layar.query_one("#ringkasan")) and "2 dilewati" in teks(layar.query_one("#ringkasan"))
        # the report of what was done, in a folder of the user's choosing
        await pilot.press("l")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        app.screen.query_one(Input).value = str(tmp_path / "laporan.md")
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: "Laporan disimpan" in teks(layar.query_one("#pesan-pratinjau")))
    laporan = (tmp_path / "laporan.md").read_text(encoding="utf-8")
    assert "Diterapkan: 128 baru" in laporan and "| ditolak | 5 |" in laporan
    assert sql(db_unit, "SELECT COUNT(*) FROM pegawai") == [(128,)]


@pytest.mark.sqlite
async def test_terapkan_dibatalkan_tidak_menulis(db_unit, tmp_path):
    siasn = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai_fiktif(20, NAMA_UNIT, seed=2))
    app = buat_app(db_unit)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("I")
        layar = await _baca(pilot, siasn)
        sebelum = sidik(db_unit)
        # another writer holds the database: the apply waits for the lock while the user cancels
        kunci = sqlite3.connect(db_unit.removeprefix("sqlite:///"), isolation_level=None)
        kunci.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("ctrl+s")
            assert layar.menerapkan and layar.query_one("#kemajuan-terapkan").display
            await pilot.press("escape")  # (not `tunggu`: it waits for the workers, and this one waits for the lock)
            await _sampai(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
            assert "Tidak ada yang akan ditulis" in app.screen.pertanyaan
            await pilot.press("y")
            await _sampai(pilot, lambda: app.screen is layar)
            assert layar.menerapkan  # still waiting for the lock when cancelled
        finally:
            kunci.execute("ROLLBACK")
            kunci.close()
        await tunggu(pilot, lambda: not layar.menerapkan)
        assert "Impor dibatalkan; database tidak diubah." in teks(layar.query_one("#pesan-pratinjau"))
        assert layar.hasil is None
        assert sidik(db_unit) == sebelum
    assert sql(db_unit, "SELECT COUNT(*) FROM pegawai") == [(0,)]


async def test_formulir_menyebut_berkas_dan_kolom_yang_salah(db_unit, tmp_path):
    unor = tulis_csv(tmp_path / "unor.csv", tabel_unit(UNIT))
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"bukan spreadsheet")
    (tmp_path / "data.pdf").write_text("x")
    app = buat_app(db_unit)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("I")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarImpor))
        form = app.screen
        pesan = form.query_one("#pesan-impor")
        await pilot.press("enter")
        assert "Berkas: tulis path berkas" in teks(pesan)
        await pilot.press(*str(tmp_path / "tidak-ada.csv"), "enter")
        assert "tidak ditemukan" in teks(pesan) and "tidak-ada.csv" in teks(pesan)
        for path, kata in ((tmp_path, "adalah folder"), (tmp_path / "data.pdf", "hanya .csv, .xlsx, .xls, .ods")):
            form.query_one("#berkas-impor", Input).value = str(path)
            await pilot.press("enter")
            assert kata in teks(pesan)
        # a unit file read as pegawai: the reader names the missing column and the headers to use
        form.query_one("#berkas-impor", Input).value = str(unor)
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: "Kolom NIP tidak ditemukan" in teks(pesan))
        assert "NIP BARU" in teks(pesan) and "Unit organisasi" in teks(pesan)
        form.query_one("#berkas-impor", Input).value = str(rusak)
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: "rusak.xlsx" in teks(pesan))
        assert isinstance(app.screen, LayarImpor) and not form.membaca
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur))


async def test_dari_database_kosong_sampai_struktur_pemda_sendiri(db_baru, tmp_path):
    db = db_baru("kosong")
    pegawai = pegawai_fiktif(25, NAMA_UNIT, seed=11)
    siasn = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai)
    app = buat_app(db)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu(pilot, lambda: isinstance(app.screen, LayarSiapkan))
        await pilot.press("enter")  # Impor data pegawai
        await tunggu(pilot, lambda: isinstance(app.screen, FormInstansi))
        form = app.screen
        await pilot.press(*"Pemerintah Kabupaten Klaten")
        form.query_one("#profil", Select).value = "klaten"
        await pilot.press("ctrl+s")
        layar = await _baca(pilot, siasn)  # the SIASN export alone: its units are made from it
        assert layar.bacaan.jenis == "pegawai"
        assert "baru 25 · unit baru 7" in teks(layar.query_one("#ringkasan"))
        await _terapkan(pilot, layar)
        assert "7 unit dibuat dari berkas" in teks(layar.query_one("#ringkasan"))
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur))
        assert app.sub_title == "Pemerintah Kabupaten Klaten"
        pohon = app.screen.query_one(PohonUnit)
        await tunggu(pilot, lambda: len(pohon.root.children[0].children) == 7)  # flat: SIASN names no parent
        await tunggu(pilot, lambda: app.struktur.halaman_terakhir is not None)
        unit_pertama = app.struktur.unit_id
        assert (
            app.struktur.halaman_terakhir.total
            == sql(db, "SELECT COUNT(*) FROM pegawai WHERE unit_id = ?", unit_pertama)[0][0]
        )
        p = pegawai[0]
        await _cari(pilot, nama_lengkap(p.nama, p.gelar_depan, p.gelar_belakang))
    assert sql(db, "SELECT nama FROM instansi") == [("Pemerintah Kabupaten Klaten",)]
    assert sql(db, "SELECT COUNT(*) FROM pegawai") == [(25,)]


def _kaki_utuh(app, lebar: int = UKURAN[0]) -> None:
    """The footer shows the screen's keys, `?` and `q`, none cut off."""
    from textual.widgets import Footer

    kunci = list(app.screen.query_one(Footer).query("FooterKey"))
    assert [k.key for k in kunci if k.region.width == 0 or k.region.right > lebar] == []
    assert {"question_mark", "q"} <= {k.key for k in kunci}


async def test_impor_ada_di_bantuan_palet_dan_kaki_layar(db_unit, tmp_path):
    from textual.command import CommandList, CommandPalette

    siasn = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai_fiktif(5, NAMA_UNIT, seed=4))
    app = buat_app(db_unit)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        bantuan = dict(app.bagian_bantuan())
        assert "struktur.impor" in {b.id for b in bantuan["Layar Struktur"]}
        assert {"pratinjau.terapkan", "pratinjau.laporan"} <= {b.id for b in bantuan["Impor dari berkas"]}
        await pilot.press("ctrl+p")
        await tunggu(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Impor dari berkas")
        daftar = app.screen.query_one(CommandList)
        await tunggu(pilot, lambda: any("Impor dari berkas" in str(o.prompt) for o in daftar.options))
        await pilot.press("enter")
        layar = await _baca(pilot, siasn)  # units exist: the form starts on pegawai
        assert layar.bacaan.jenis == "pegawai"
        _kaki_utuh(app)
        await pilot.press("m")  # the column mapping tab
        assert layar.query_one("#isi-pratinjau").active == "tab-pemetaan"
        await _terapkan(pilot, layar)
        await pilot.pause()
        _kaki_utuh(app)
        assert "escape" in {k.key for k in app.screen.query("FooterKey") if "Struktur" in str(k.description)}


async def test_impor_penuh_menonaktifkan_yang_tidak_tercantum_setelah_konfirmasi(db_unit, tmp_path):
    from sistemkerja_tui.layanan.mulai import buka_database

    pegawai = pegawai_fiktif(10, NAMA_UNIT, seed=6)
    layanan = buka_database(db_unit).layanan
    awal = layanan.impor.baca_pegawai(tulis_siasn_csv(tmp_path / "awal.csv", pegawai))
    layanan.impor.terapkan_pegawai(awal, oleh_id=None, lewati_galat=False, penuh=False)
    layanan.tutup()
    siasn = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai[1:])  # the first one has retired
    app = buat_app(db_unit)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("I")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarImpor))
        form = app.screen
        await pilot.press(*str(siasn), "tab", "tab", "space", "ctrl+s")  # path, choice, "Impor penuh" ticked
        await tunggu(pilot, lambda: isinstance(app.screen, LayarPratinjau))
        layar = app.screen
        assert form.query_one("#penuh").value and layar.bacaan.penuh
        assert "tidak ada di berkas 1" in teks(layar.query_one("#ringkasan"))
        assert layar.query_one("#rincian", TabelHalaman).get_row_at(0)[0] == "tak di berkas"
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        assert "1 pegawai yang tidak ada di berkas akan ditandai tidak aktif" in app.screen.pertanyaan
        await pilot.press("y")
        await tunggu(pilot, lambda: layar.hasil is not None)
        assert "1 dinonaktifkan" in teks(layar.query_one("#ringkasan"))
    assert sql(db_unit, "SELECT aktif FROM pegawai WHERE nip = ?", pegawai[0].nip) == [(0,)]
    assert sql(db_unit, "SELECT COUNT(*) FROM pegawai WHERE aktif") == [(9,)]


async def test_impor_unit_penuh_menutup_yang_tidak_tercantum_setelah_konfirmasi(db_unit, tmp_path):
    seksi = next(u for u in UNIT if u.nama.startswith("Seksi"))
    unor = tulis_csv(tmp_path / "unor.csv", tabel_unit([u for u in UNIT if u is not seksi]))
    app = buat_app(db_unit)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("I")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarImpor))
        form = app.screen
        # path; the choice: Unit organisasi; "Impor penuh" ticked (for units too), with what it means for units
        await pilot.press(*str(unor), "tab", "down", "enter", "tab", "space")
        assert form.jenis == "unit" and form.query_one("#penuh").value
        assert "SEMUA unit" in teks(form.query_one("#penjelasan-penuh"))
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarPratinjau))
        layar = app.screen
        assert layar.bacaan.penuh and "tidak ada di berkas 1" in teks(layar.query_one("#ringkasan"))
        baris = layar.query_one("#rincian", TabelHalaman).get_row_at(0)
        assert (baris[0], baris[2]) == ("tak di berkas", seksi.nama) and "ditutup" in baris[4]
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        assert "1 unit yang tidak ada di berkas akan ditutup" in app.screen.pertanyaan
        await pilot.press("y")
        await tunggu(pilot, lambda: layar.hasil is not None)
        assert "1 ditutup" in teks(layar.query_one("#ringkasan"))
    assert sql(db_unit, "SELECT aktif FROM unit_organisasi WHERE nama = ?", seksi.nama) == [(0,)]
