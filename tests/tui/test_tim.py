"""Pilot tests of the Tim and Penugasan screens: forming a team end to end by keyboard."""

from __future__ import annotations

from tests.bantu import sql as _sql
from tests.tui.bantu import UKURAN, buat_app, tanpa_kedip, teks, tunggu, tunggu_siap
from textual.widgets import DataTable, Label

from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.layanan.penugasan import StatusPermohonan
from sistemkerja_tui.layanan.tim import BentukTim, PeranTim, PredikatPenilaian, StatusKeanggotaan
from sistemkerja_tui.tui.screens.cari import LayarCari
from sistemkerja_tui.tui.screens.dialog import DialogKonfirmasi
from sistemkerja_tui.tui.screens.form_tim import FormPermohonan, FormTim
from sistemkerja_tui.tui.screens.pemilih_ketua import PemilihKetua
from sistemkerja_tui.tui.screens.pengguna import PilihPengguna
from sistemkerja_tui.tui.screens.penugasan import LayarPenugasan
from sistemkerja_tui.tui.screens.tim import LayarTim

UKURAN_LEBAR = (120, 36)


async def _masuk_sebagai(pilot, kata: str) -> None:
    app = pilot.app
    await pilot.press("p")
    await tunggu(pilot, lambda: isinstance(app.screen, PilihPengguna))
    await pilot.press(*kata)
    await tunggu(
        pilot,
        lambda: (
            app.screen.tampil
            and kata.split()[0].lower() in (f"{app.screen.tampil[0].nama} {app.screen.tampil[0].jabatan}".lower())
        ),
    )
    sebelum = app.pengguna
    await pilot.press("enter")
    await tunggu(pilot, lambda: app.pengguna is not None and app.pengguna != sebelum)


async def test_membentuk_tim_dengan_anggota_lintas_unit_dengan_papan_ketik(db_demo):
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        assert isinstance(app.screen, LayarTim)
        await _masuk_sebagai(pilot, "kepala dinas kesehatan")
        assert app.pengguna.jabatan == "Kepala Dinas Kesehatan"
        layar = app.screen

        # form the team
        await pilot.press("n")
        await tunggu(pilot, lambda: isinstance(app.screen, FormTim))
        await pilot.press(*"Tim Uji Papan Ketik")
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: app.screen is layar and any(t.nama == "Tim Uji Papan Ketik" for t in layar.tim))
        await tunggu(pilot, lambda: layar.detail is not None and layar.detail.ringkas.nama == "Tim Uji Papan Ketik")

        # choose the ketua: the first candidate listed is an eligible one
        await pilot.press("c")
        await tunggu(pilot, lambda: isinstance(app.screen, PemilihKetua) and app.screen.semua is not None)
        pemilih = app.screen
        assert pemilih.penilaian[0].layak and not pemilih.penilaian[-1].layak
        ketua = pemilih.penilaian[0].kandidat.nama
        await pilot.press("enter")
        await tunggu(pilot, lambda: app.screen is layar and layar.detail.ringkas.ketua != "—")
        assert any(a.peran is PeranTim.KETUA and a.nama == ketua for a in layar.detail.anggota)

        # a member from another unit: search, fill the four contents, submit
        sub = ",".join(map(str, app.layanan.struktur.subpohon(app.pengguna.unit_id)))
        pid, nip = _sql(
            db_demo,
            f"SELECT id, nip FROM pegawai WHERE unit_id NOT IN ({sub}) AND jenis_jabatan = "
            "'fungsional' AND unit_id IN (SELECT u.id FROM unit_organisasi u JOIN instansi i "
            "ON i.id = u.instansi_id WHERE NOT i.luar) ORDER BY id LIMIT 1",
        )[0]
        await pilot.press("a")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarCari))
        await pilot.press(*nip)
        await tunggu(pilot, lambda: app.screen.hasil and app.screen.hasil[0].pegawai_id == pid)
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormPermohonan))
        for isian in ("analis data", "Membantu analisis data", "Analisis statistik", "Laporan triwulan"):
            await pilot.press(*isian, "tab")
        await pilot.press("ctrl+s")  # durasi still empty: refused inside the form, nothing lost
        await tunggu(pilot, lambda: "durasi" in teks(app.screen.query_one("#pesan-form")).lower())
        assert isinstance(app.screen, FormPermohonan)
        app.screen.query_one("#durasi").value = "6 bulan"
        await pilot.press("ctrl+s")
        await tunggu(
            pilot,
            lambda: (
                app.screen is layar
                and any(a.pegawai_id == pid and a.status is StatusKeanggotaan.MENUNGGU for a in layar.detail.anggota)
            ),
        )

        # the other unit's PPK approves it on the Penugasan screen
        ppk = app.layanan.struktur.ppk_pegawai(pid).ppk
        await pilot.press("3")
        assert isinstance(app.screen, LayarPenugasan)
        await _masuk_sebagai(pilot, ppk.jabatan.lower())
        assert app.pengguna.pegawai_id == ppk.pegawai_id
        penugasan = app.screen
        (permohonan_id,) = _sql(db_demo, "SELECT id FROM permohonan WHERE pegawai_id = ? AND status = 'diajukan'", pid)[
            0
        ]
        await tunggu(pilot, lambda: any(p.id == permohonan_id for p in penugasan.daftar))
        assert "Masuk" in teks(penugasan.query_one("#saringan-penugasan"))
        tabel = penugasan.query_one(DataTable)
        tabel.move_cursor(row=tabel.get_row_index(str(permohonan_id)))
        await tunggu(pilot, lambda: penugasan.detail is not None and penugasan.detail.ringkas.id == permohonan_id)
        # approving asks first, naming the request: Escape leaves it pending, Enter approves
        await pilot.press("y")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        assert f"No. {permohonan_id}" in teks(app.screen.query_one(Label))
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen is penugasan)
        assert _sql(db_demo, "SELECT status FROM permohonan WHERE id = ?", permohonan_id) == [("diajukan",)]
        await pilot.press("y")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        await pilot.press("enter")
        await tunggu(
            pilot,
            lambda: penugasan.detail is not None and penugasan.detail.ringkas.status is StatusPermohonan.DISETUJUI,
        )

        # back on the Tim screen the member is active
        await pilot.press("2")
        await tunggu(pilot, lambda: app.screen is layar and layar.tim)
        status = _sql(
            db_demo,
            "SELECT k.status FROM keanggotaan k JOIN tim_kerja t ON t.id = k.tim_id "
            "WHERE t.nama = 'Tim Uji Papan Ketik' AND k.pegawai_id = ?",
            pid,
        )
        assert status == [("aktif",)]


async def test_penolakan_wajib_alasan_di_layar_penugasan(db_demo):
    hasil = buka_database(db_demo, demo_jika_kosong=False)
    permohonan = hasil.layanan.penugasan.daftar(arah="semua")
    menunggu = next(p for p in permohonan if p.status is StatusPermohonan.DIAJUKAN)
    hasil.layanan.tutup()
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("3")
        layar = app.screen
        await tunggu(pilot, lambda: layar.daftar)
        penerima = _sql(db_demo, "SELECT penerima_id FROM permohonan WHERE id = ?", menunggu.id)[0][0]
        nama = _sql(db_demo, "SELECT nama FROM pegawai WHERE id = ?", penerima)[0][0]
        await _masuk_sebagai(pilot, nama.lower())
        await tunggu(pilot, lambda: any(p.id == menunggu.id for p in layar.daftar))
        tabel = layar.query_one(DataTable)
        tabel.move_cursor(row=tabel.get_row_index(str(menunggu.id)))
        await pilot.press("r")
        await pilot.press("enter")  # empty reason: refused in the dialog
        assert "wajib diisi" in teks(app.screen.query_one("#pesan-dialog"))
        await pilot.press(*"Sedang penugasan lain", "enter")
        await tunggu(
            pilot, lambda: layar.detail is not None and layar.detail.ringkas.status is StatusPermohonan.DITOLAK
        )
        assert layar.detail.alasan_penolakan == "Sedang penugasan lain"


async def test_beban_kerja_unit_pengguna(db_demo):
    hasil = buka_database(db_demo, demo_jika_kosong=False)
    kadis = next(p for p in hasil.layanan.pengguna.calon() if p.jabatan == "Kepala Dinas Kesehatan")
    hasil.layanan.pengguna.tetapkan(kadis.pegawai_id)
    hasil.layanan.tutup()
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("4")
        await tunggu(pilot, lambda: "Beban kerja Dinas Kesehatan" in teks(app.screen.query_one("#judul-beban")))
        assert app.screen.query_one(DataTable).row_count > 0
        assert "Pasal 50" in teks(app.screen.query_one("#judul-beban"))


def _dengan_pengguna(db, jabatan="Kepala Dinas Kesehatan"):
    hasil = buka_database(db, demo_jika_kosong=False)
    kadis = next(p for p in hasil.layanan.pengguna.calon() if p.jabatan == jabatan)
    hasil.layanan.pengguna.tetapkan(kadis.pegawai_id)
    hasil.layanan.tutup()


def test_snapshot_layar_tim(snap_compare, db_demo):
    _dengan_pengguna(db_demo)

    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: pilot.app.screen.detail is not None)

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)


def test_snapshot_pemilih_ketua(snap_compare, db_demo):
    _dengan_pengguna(db_demo)

    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: pilot.app.screen.detail is not None)
        await pilot.press("c")
        # the candidates come from a worker: wait for them, not only for the screen
        await tunggu(pilot, lambda: isinstance(pilot.app.screen, PemilihKetua) and pilot.app.screen.semua is not None)
        await tanpa_kedip(pilot)  # its filter field's cursor

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)


def test_snapshot_layar_penugasan(snap_compare, db_demo):
    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("3")
        await tunggu(pilot, lambda: pilot.app.screen.detail is not None)
        assert pilot.app.screen.query_one(DataTable).row_count > 0

    assert snap_compare(buat_app(db_demo), terminal_size=UKURAN, run_before=siap)


async def _tim_unit_pengguna(pilot):
    """On the Tim screen with the Kepala Dinas Kesehatan as user and a fresh team selected."""
    app = pilot.app
    await pilot.press("2")
    await _masuk_sebagai(pilot, "kepala dinas kesehatan")
    layar = app.screen
    await pilot.press("n")
    await tunggu(pilot, lambda: isinstance(app.screen, FormTim))
    await pilot.press(*"Tim Peran")
    await pilot.press("ctrl+s")
    await tunggu(
        pilot, lambda: app.screen is layar and layar.detail is not None and layar.detail.ringkas.nama == "Tim Peran"
    )
    return layar


async def test_koordinator_dan_pengajuan_sukarela(db_demo):
    from sistemkerja_tui.tui.screens.dialog import DialogAlasan
    from sistemkerja_tui.tui.screens.pilih import PilihSatu

    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        layar = await _tim_unit_pengguna(pilot)
        # Madiun has a Koordinator Tim Kerja (Lampiran Bab II huruf C): chosen through the criteria picker, and
        # refused here: angka 1 allows one only in the Setda and a Perangkat Daerah of one level, not in a Dinas
        # with Bidang (tests/test_regulasi_madiun.py drives the Setda case)
        await pilot.press("r")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        assert [v.value for _, v in app.screen.pilihan] == ["koordinator"]
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, PemilihKetua) and app.screen.semua is not None)
        assert "koordinator" in app.screen.judul
        await pilot.press("enter")
        await tunggu(
            pilot,
            lambda: (
                app.screen is layar
                and any("Lampiran Bab II huruf C angka 1" in str(n.message) for n in app._notifications)
            ),
        )
        assert not any(a.peran is PeranTim.KOORDINATOR for a in layar.detail.anggota)
        # a spoken pengajuan sukarela within the unit, then the unit head approves it on the Penugasan screen
        sub = ",".join(map(str, app.layanan.struktur.subpohon(app.pengguna.unit_id)))
        pid, nip = _sql(
            db_demo,
            f"SELECT id, nip FROM pegawai WHERE unit_id IN ({sub}) AND jenis_jabatan = 'pelaksana' ORDER BY id LIMIT 1",
        )[0]
        await pilot.press("v")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarCari))
        await pilot.press(*nip)
        await tunggu(pilot, lambda: app.screen.hasil and app.screen.hasil[0].pegawai_id == pid)
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        await pilot.press(*"Disampaikan lisan saat apel pagi", "enter")
        await tunggu(
            pilot,
            lambda: (
                app.screen is layar
                and any(a.pegawai_id == pid and a.status is StatusKeanggotaan.MENUNGGU for a in layar.detail.anggota)
            ),
        )
        (permohonan_id, penerima) = _sql(
            db_demo, "SELECT id, penerima_id FROM permohonan WHERE pegawai_id = ? AND jenis = 'pengajuan_sukarela'", pid
        )[0]
        assert penerima is not None
        status = app.layanan.penugasan.setujui(permohonan_id, oleh_id=penerima)
        assert status.label == "Disetujui"


def _pemilih_baru(app, sebelum) -> bool:
    return isinstance(app.screen, PemilihKetua) and app.screen is not sebelum and app.screen.semua is not None


async def test_klaten_usulan_calon_dan_rekomendasi_sekda(db_baru):
    """Perbup Klaten 34/2024 Pasal 14 ayat (1): ≥ 2 calon, rekomendasi Sekretaris Daerah, lalu penetapan."""
    from sistemkerja_tui.layanan.demo import buat_demo
    from sistemkerja_tui.store.db import siapkan_database
    from sistemkerja_tui.tui.screens.dialog import DialogAlasan
    from sistemkerja_tui.tui.screens.pilih import PilihSatu

    db = db_baru("klaten")
    engine = siapkan_database(db)
    buat_demo(engine, profil="klaten")
    engine.dispose()
    app = buat_app(db)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        layar = await _tim_unit_pengguna(pilot)
        assert layar.detail.ringkas.bentuk is BentukTim.KELOMPOK_KERJA
        # U: each candidate is chosen in the ketua picker (filterable, paged), one after another, until Esc
        await pilot.press("U")
        await tunggu(pilot, lambda: isinstance(app.screen, PemilihKetua) and app.screen.semua is not None)
        pertama = app.screen
        assert "calon ketua ke-1" in pertama.judul and pertama.penilaian.jumlah_layak >= 2
        nama = [pertama.penilaian[i].kandidat.nama for i in (0, 1)]
        await pilot.press("enter")
        await tunggu(pilot, lambda: _pemilih_baru(app, pertama))
        kedua = app.screen
        assert "ke-2" in kedua.judul and nama[0] in kedua.judul
        await pilot.press("enter")  # the same one again: refused, asked anew
        await tunggu(pilot, lambda: _pemilih_baru(app, kedua))
        assert "ke-2" in app.screen.judul
        ketiga = app.screen
        await pilot.press("down", "enter")
        await tunggu(pilot, lambda: _pemilih_baru(app, ketiga))
        assert "ke-3" in app.screen.judul
        await pilot.press("escape")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))
        assert all(n in teks(app.screen.query_one(Label)) for n in nama)
        await pilot.press("enter")
        await tunggu(
            pilot,
            lambda: (
                app.screen is layar and sum(a.status is StatusKeanggotaan.USULAN for a in layar.detail.anggota) == 2
            ),
        )
        await pilot.press("R")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        pilihan = app.screen.pilihan[1][1]
        await pilot.press("down", "enter")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        await pilot.press(*"Berpengalaman", "enter")
        await tunggu(
            pilot,
            lambda: (
                app.screen is layar
                and _sql(db, "SELECT rekomendasi_ketua_id FROM tim_kerja WHERE nama = 'Tim Peran'") == [(pilihan,)]
            ),
        )
        app.layanan.tim.tetapkan_pimpinan(layar.detail.ringkas.id, pilihan, oleh_id=app.pengguna.pegawai_id)
        assert _sql(db, "SELECT status FROM keanggotaan WHERE pegawai_id = ? AND peran = 'ketua'", pilihan) == [
            ("aktif",)
        ]


async def test_penugasan_individu_dengan_papan_ketik(db_demo):
    from sistemkerja_tui.tui.screens.form_individu import FormIndividu

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("3")
        layar = app.screen
        sub = ",".join(map(str, app.layanan.struktur.subpohon(app.pengguna.unit_id)))
        pid, nip = _sql(
            db_demo,
            f"SELECT id, nip FROM pegawai WHERE unit_id IN ({sub}) AND jenis_jabatan = "
            "'fungsional' ORDER BY id LIMIT 1",
        )[0]
        await pilot.press("n")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarCari))
        await pilot.press(*nip)
        await tunggu(pilot, lambda: app.screen.hasil and app.screen.hasil[0].pegawai_id == pid)
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormIndividu) and app.focused is not None)
        await pilot.press(*"Menyusun laporan surveilans", "ctrl+s")
        await tunggu(pilot, lambda: app.screen is layar)
        assert _sql(db_demo, "SELECT judul FROM kegiatan WHERE pegawai_id = ?", pid)[-1] == (
            "Menyusun laporan surveilans",
        )


async def test_menilai_anggota_tim_yang_periodenya_berakhir(db_demo):
    """Perbup Luwu Utara 59/2023, Format Naskah Dinas huruf g: at the end of the period each member is rated
    di bawah / sesuai / di atas ekspektasi; the rating shows beside the member."""
    from datetime import date, timedelta

    from textual.widgets import DataTable

    from sistemkerja_tui.tui.screens.dialog import DialogAlasan
    from sistemkerja_tui.tui.screens.pilih import PilihSatu

    _dengan_pengguna(db_demo)
    (selesai,) = _sql(db_demo, "SELECT selesai FROM tim_kerja WHERE nama = 'Tim Persiapan Akreditasi Rumah Sakit'")[0]
    app = buat_app(db_demo, hari_ini=lambda: date.fromisoformat(selesai) + timedelta(days=1))
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        layar = app.screen
        await tunggu(pilot, lambda: layar.detail is not None)
        tabel = layar.query_one("#tabel-anggota", DataTable)
        baris = next(i for i, a in enumerate(layar.detail.anggota) if a.peran is PeranTim.ANGGOTA)
        anggota = layar.detail.anggota[baris]
        tabel.focus()
        tabel.move_cursor(row=baris)
        await pilot.press("N")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        i = next(i for i, (label, _) in enumerate(app.screen.pilihan) if label == "Di atas ekspektasi")
        await pilot.press(*["down"] * i, "enter")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        await pilot.press(*"Tepat waktu", "enter")
        await tunggu(
            pilot,
            lambda: (
                app.screen is layar
                and any(
                    a.keanggotaan_id == anggota.keanggotaan_id and a.penilaian is PredikatPenilaian.DI_ATAS
                    for a in layar.detail.anggota
                )
            ),
        )
    assert _sql(
        db_demo, "SELECT predikat, catatan FROM penilaian_anggota WHERE keanggotaan_id = ?", anggota.keanggotaan_id
    ) == [("di_atas", "Tepat waktu")]


async def test_baris_saringan_penugasan_muat_di_80_kolom(db_demo):
    # the list's line under the header (direction and user) fits 80 columns with a long name and gelar; the key
    # that changes the list is in the footer, not repeated there (it used to end "· m me…")
    from tests.tui.bantu import teks

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("3")
        await tunggu(pilot, lambda: "Darmawan" in teks(app.screen.query_one("#saringan-penugasan")))
        baris = app.screen.query_one("#saringan-penugasan")
        assert len(teks(baris)) + 2 <= app.size.width, teks(baris)  # its padding: one column each side
