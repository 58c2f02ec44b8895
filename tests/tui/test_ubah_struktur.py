"""Pilot tests of editing the structure from the Struktur screen (key e): the change shows in the tree, the table
and the search at once, without a restart; refusals stay in the form; destructive steps ask first."""

from __future__ import annotations

from tests.bantu import sidik, sql
from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap
from textual.widgets import DataTable, Input, OptionList

from sistemkerja_tui.tui.layar import perintah_untuk
from sistemkerja_tui.tui.screens.anomali import LayarAnomali
from sistemkerja_tui.tui.screens.cari import LayarCari
from sistemkerja_tui.tui.screens.dialog import DialogAlasan, DialogKonfirmasi
from sistemkerja_tui.tui.screens.pilih import PilihSatu
from sistemkerja_tui.tui.screens.struktur import LayarStruktur
from sistemkerja_tui.tui.screens.ubah_struktur import FormPegawai, FormUnit
from sistemkerja_tui.tui.widgets.form import PesanForm
from sistemkerja_tui.tui.widgets.pohon import PohonUnit


def _info(app) -> str:
    return teks(app.screen.query_one("#info-unit"))


async def _menu(pilot, kode: str) -> None:
    """Open the "Ubah…" menu and choose the action `kode`."""
    app = pilot.app
    await pilot.press("e")
    await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
    app.screen.query_one(OptionList).highlighted = [k for _, k in app.screen.pilihan].index(kode)
    await pilot.press("enter")


def _isi(app, **nilai: str) -> None:
    for kunci, v in nilai.items():
        app.screen.query_one(f"#{kunci}", Input).value = v


async def _cari(pilot, kata: str) -> list:
    """The results of the search screen for `kata` (opened with /, closed again)."""
    app = pilot.app
    await pilot.press("slash")
    await tunggu(pilot, lambda: isinstance(app.screen, LayarCari))
    await tunggu(pilot, lambda: app.struktur.layanan.indeks_siap)
    app.screen.query_one(Input).value = kata
    await tunggu(pilot, lambda: bool(app.screen.hasil))
    hasil = list(app.screen.hasil)
    await pilot.press("escape")
    return hasil


def _baris_tabel(app) -> list[str]:
    tabel = app.screen.query_one(DataTable)
    return [str(tabel.get_row_at(i)[0]) for i in range(tabel.row_count)]


async def test_tambah_unit_tampil_di_pohon_dan_pencarian(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        induk = app.struktur.unit_id
        await _menu(pilot, "tambah_unit")
        await tunggu(pilot, lambda: isinstance(app.screen, FormUnit))
        _isi(app, nama="Bidang Uji Coba", kode="UJICOBA")
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and _info(app).startswith("Bidang Uji Coba"))
        pohon = app.screen.query_one(PohonUnit)
        assert pohon.cursor_node.parent.data.unit_id == induk
        assert sql(db_demo, "SELECT COUNT(*) FROM unit_organisasi WHERE kode = 'UJICOBA' AND induk_id = ?", induk) == [
            (1,)
        ]
        hasil = await _cari(pilot, "Bidang Uji Coba")
        assert hasil[0].adalah_unit and hasil[0].nama == "Bidang Uji Coba"


async def test_tambah_pegawai_ditolak_lalu_disimpan(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await _menu(pilot, "tambah_pegawai")
        await tunggu(pilot, lambda: isinstance(app.screen, FormPegawai))
        _isi(app, nip="1985020220100120", nama="Rina Kusumawati", golongan="II/c", nama_jabatan="Pengadministrasi Umum")
        sebelum = sidik(db_demo)
        await pilot.press("ctrl+s")
        pesan = app.screen.query_one(PesanForm)
        await tunggu(pilot, lambda: teks(pesan).startswith("NIP:"))
        assert "18 angka" in teks(pesan) and isinstance(app.screen, FormPegawai)
        assert sidik(db_demo) == sebelum
        _isi(app, nip="19850202 201001 2 003")
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and "Rina Kusumawati" in _baris_tabel(app))
        tabel = app.screen.query_one(DataTable)
        (pid,) = sql(db_demo, "SELECT id FROM pegawai WHERE nip = '198502022010012003'")[0]
        assert tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value == str(pid)
        hasil = await _cari(pilot, "Rina Kusumawati")
        assert [h.pegawai_id for h in hasil] == [pid]


async def test_buang_isian_ditanya(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await _menu(pilot, "tambah_pegawai")
        await tunggu(pilot, lambda: isinstance(app.screen, FormPegawai))
        _isi(app, nama="Rina")
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        assert "Buang isian?" in teks(app.screen.query_one("Label"))


async def test_mutasi_pindah_ke_unit_lain(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        pid, nama = app.struktur.pegawai_terpilih()
        tujuan_id, tujuan = sql(
            db_demo, "SELECT id, nama FROM unit_organisasi WHERE jenis = 'kecamatan' ORDER BY id LIMIT 1"
        )[0]
        await _menu(pilot, "mutasi")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarCari))
        await tunggu(pilot, lambda: app.struktur.layanan.indeks_siap)
        app.screen.query_one(Input).value = tujuan
        await tunggu(pilot, lambda: bool(app.screen.hasil) and app.screen.hasil[0].unit_id == tujuan_id)
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and _info(app).startswith(tujuan))
        tabel = app.screen.query_one(DataTable)
        await tunggu(pilot, lambda: tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value == str(pid))
        assert sql(db_demo, "SELECT unit_id FROM pegawai WHERE id = ?", pid) == [(tujuan_id,)]
        hasil = await _cari(pilot, nama.split(",")[0])
        assert any(h.pegawai_id == pid and h.unit_id == tujuan_id for h in hasil)


async def test_nonaktifkan_dengan_konfirmasi(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        tabel = app.screen.query_one(DataTable)
        tabel.move_cursor(row=tabel.row_count - 1)  # not the unit's head
        await pilot.pause()
        pid, nama = app.struktur.pegawai_terpilih()

        async def sampai_konfirmasi() -> None:
            await _menu(pilot, "nonaktifkan")
            await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
            app.screen.query_one(Input).value = "pensiun"
            await pilot.press("enter")
            await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))

        sebelum = sidik(db_demo)
        await sampai_konfirmasi()
        await pilot.press("n")  # no: nothing changes
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur))
        assert sidik(db_demo) == sebelum

        await sampai_konfirmasi()
        await pilot.press("y")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and nama not in _baris_tabel(app))
        assert sql(db_demo, "SELECT aktif, alasan_nonaktif FROM pegawai WHERE id = ?", pid) == [(0, "pensiun")]
        await pilot.press("slash")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarCari))
        await tunggu(pilot, lambda: app.struktur.layanan.indeks_siap)
        app.screen.query_one(Input).value = nama.split(",")[0]
        await pilot.pause()
        assert all(h.pegawai_id != pid for h in app.screen.hasil)


async def test_palet_membuka_menu_ubah(db_demo):
    """The palette has one "Ubah…" command (tui/layar.py); it opens the menu that lists every edit action."""
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        assert "Ubah unit atau pegawai…" in [p.judul for p in perintah_untuk(app.screen)]
        await app.screen.run_action("ubah")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        pilihan = [str(app.screen.query_one(OptionList).get_option_at_index(i).prompt) for i in range(4)]
        for label in ("Tambah sub-unit", "Ubah nama/data unit", "Pindahkan unit ke induk lain", "Tutup unit"):
            assert any(p.startswith(label) for p in pilihan), pilihan


async def test_daftar_anomali_dari_pemantauan(db_demo):
    unit_id, nama = sql(db_demo, "SELECT id, nama FROM unit_organisasi WHERE jenis = 'seksi' ORDER BY id LIMIT 1")[0]
    sql(db_demo, "UPDATE unit_organisasi SET pimpinan_id = NULL WHERE id = ?", unit_id)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("7", "a")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarAnomali) and app.screen.daftar is not None)
        assert "Unit tanpa pimpinan: 1" in teks(app.screen.query_one("#ringkas-anomali"))
        tabel = app.screen.query_one(DataTable)
        assert [str(c) for c in tabel.get_row_at(0)][:2] == ["Unit tanpa pimpinan", nama]
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and _info(app).startswith(nama))
        assert app.struktur.unit_id == unit_id


async def test_pemda_tanpa_unit_diisi_sendiri(engine, db_url):
    """A Pemda set up without units: e offers only a new Perangkat Daerah, which then fills the tree."""
    sql(
        db_url,
        "INSERT INTO instansi (nama, jenis, profil, kepala_daerah, tempat, kop_surat, pola_nomor_surat, luar, alamat, "
        "telepon, kode_klasifikasi, fiktif) VALUES ('Pemerintah Kabupaten Contoh', 'kabupaten', 'madiun', 'Bupati', "
        "'Contoh', '', '{kode_klasifikasi}/{nomor_urut}/{kode_unit}/{tahun}', ?, '', '', '{}', ?)",
        False,
        False,
    )
    engine.dispose()
    app = buat_app(db_url)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu(pilot, lambda: "belum mempunyai unit" in _info(app) and "tombol e" in _info(app))
        await pilot.press("e")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        assert [k for _, k in app.screen.pilihan] == ["tambah_pd"]
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormUnit))
        _isi(app, nama="Dinas Kesehatan", kode="DINKES", jabatan="Kepala Dinas")
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and _info(app).startswith("Dinas Kesehatan"))
        assert sql(db_url, "SELECT nama, jenis, induk_id, tingkat FROM unit_organisasi") == [
            ("Dinas Kesehatan", "dinas", None, 0)
        ]


async def test_tutup_unit_dengan_konfirmasi(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        induk = app.struktur.unit_id
        nama_induk = app.struktur.layanan.unit(induk).nama
        await _menu(pilot, "tambah_unit")
        await tunggu(pilot, lambda: isinstance(app.screen, FormUnit))
        _isi(app, nama="Seksi Sementara", kode="SEMENTARA")
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and _info(app).startswith("Seksi Sementara"))
        await _menu(pilot, "tutup_unit")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        assert "Tutup unit Seksi Sementara?" in teks(app.screen.query_one("Label"))
        await pilot.press("y")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and _info(app).startswith(nama_induk))
        assert sql(db_demo, "SELECT aktif FROM unit_organisasi WHERE kode = 'SEMENTARA'") == [(0,)]
        simpul = app.screen.query_one(PohonUnit).cursor_node
        simpul.expand()
        await tunggu(pilot, lambda: simpul.data.dimuat)
        anak = [str(n.label).split(" · ")[0] for n in simpul.children]
        assert anak and "Seksi Sementara" not in anak


async def _pilih_hasil(pilot, kata: str, cocok) -> None:
    """On the search screen: type `kata`, highlight the first result for which `cocok(hasil)` holds, choose it."""
    app = pilot.app
    await tunggu(pilot, lambda: isinstance(app.screen, LayarCari))
    await tunggu(pilot, lambda: app.struktur.layanan.indeks_siap)
    app.screen.query_one(Input).value = kata
    await tunggu(pilot, lambda: any(cocok(h) for h in app.screen.hasil))
    app.screen.query_one(OptionList).highlighted = next(i for i, h in enumerate(app.screen.hasil) if cocok(h))
    await pilot.press("enter")


async def test_plt_untuk_jabatan_kosong_dan_override_ppk(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        unit_id = app.struktur.unit_id
        (plt_id, plt_nama) = sql(
            db_demo,
            "SELECT p.id, p.nama FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id "
            "WHERE u.induk_id = ? AND u.pimpinan_id = p.id ORDER BY p.id LIMIT 1",
            unit_id,
        )[0]
        await _menu(pilot, "pimpinan")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        await pilot.press("down", "enter")  # Kosongkan jabatan pimpinan
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and "belum ditetapkan" in _info(app))
        await _menu(pilot, "sementara")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        await pilot.press("enter")  # Plt.
        await _pilih_hasil(pilot, plt_nama, lambda h: h.pegawai_id == plt_id)
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur) and "Pimpinan: Plt. " in _info(app))
        assert sql(
            db_demo, "SELECT pimpinan_id, sementara_id, jenis_sementara FROM unit_organisasi WHERE id = ?", unit_id
        ) == [(None, plt_id, "plt")]

        pid, _ = app.struktur.pegawai_terpilih()
        await _menu(pilot, "ppk")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        await pilot.press("enter")  # Tetapkan PPK lain
        await _pilih_hasil(pilot, plt_nama, lambda h: h.pegawai_id == plt_id)
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        app.screen.query_one(Input).value = "Surat Bupati Nomor 800/9"
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur))
        await tunggu(
            pilot, lambda: sql(db_demo, "SELECT ppk_override_id FROM pegawai WHERE id = ?", pid) == [(plt_id,)]
        )
        await tunggu(
            pilot, lambda: any(c.endswith("*") for c in map(str, app.screen.query_one(DataTable).get_row_at(0)))
        )


async def test_ubah_pegawai_terisi_dan_peringatan_golongan(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        pid, _ = app.struktur.pegawai_terpilih()
        (nip, golongan, jenis) = sql(db_demo, "SELECT nip, golongan, jenis_jabatan FROM pegawai WHERE id = ?", pid)[0]
        assert jenis == "jpt_pratama"  # the Sekretaris Daerah
        await _menu(pilot, "ubah_pegawai")
        await tunggu(pilot, lambda: isinstance(app.screen, FormPegawai))
        assert app.screen.query_one("#nip", Input).value == nip
        assert app.screen.query_one("#golongan", Input).value == golongan
        _isi(app, golongan="II/a")
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarStruktur))
        assert sql(db_demo, "SELECT golongan FROM pegawai WHERE id = ?", pid) == [("II/a",)]
        pesan = [n.message for n in app._notifications]
        assert any("II/a tidak lazim" in p and "JPT Pratama" in p for p in pesan)
