"""Pilot tests of screens that stay usable: table columns on a fast start, focus after switching screens,
keys typed quickly into forms and prompts."""

from __future__ import annotations

import unicodedata
from datetime import date

from tests.tui.bantu import UKURAN, buat_app, tunggu, tunggu_siap
from textual import events
from textual.app import _character_to_key, _get_unicode_name_from_key
from textual.keys import REPLACED_KEYS
from textual.widgets import DataTable, Input

from sistemkerja_tui.tui.widgets.tabel import KOLOM, TabelPegawai


def _baris_tampil(tabel: DataTable, y: int) -> str:
    return "".join(s.text for s in tabel.render_line(y))


async def test_kolom_tabel_struktur_lebar_pada_peluncuran_kedua(db_demo):
    """Two launches on the same database. On the second one the first page comes so fast that the screen may
    paint it before the table has measured it; the columns must have the page's widths from that paint on."""
    for _ in range(2):
        app = buat_app(db_demo)
        async with app.run_test(size=UKURAN) as pilot:
            await tunggu_siap(pilot)
            layar = app.struktur
            tabel = layar.query_one(TabelPegawai)
            halaman = layar.halaman_terakhir
            assert halaman is not None and halaman.baris
            nama = halaman.baris[0].nama
            assert nama in _baris_tampil(tabel, 1)
            # what a fast start does: the first page reaches the table as mounted and is painted before the
            # table's idle measuring
            tabel.clear(columns=True)
            tabel.add_columns(*KOLOM)
            tabel.tampilkan(halaman)
            assert nama in _baris_tampil(tabel, 1)
            await pilot.pause()
            assert nama in _baris_tampil(tabel, 1)


def ketik_cepat(app, *tombol: str) -> None:
    """Keys as a terminal delivers a burst of fast typing: all read at once, none handled yet (`pilot.press`
    instead waits until each key has been handled)."""
    for kunci in tombol:
        if len(kunci) == 1 and not kunci.isalnum():
            kunci = _character_to_key(kunci)
        huruf: str | None
        try:
            huruf = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(kunci, kunci)))
        except KeyError:
            huruf = kunci if len(kunci) == 1 else None
        peristiwa = events.Key(kunci, huruf)
        peristiwa.set_sender(app)
        app._driver.send_message(peristiwa)


async def _sampai_terketik(pilot, jumlah: int) -> None:
    app = pilot.app
    if not hasattr(app, "_antrean_kunci"):  # without PenahanKunci (to see these tests fail without it)
        await pilot.pause(1.0)
    await tunggu(
        pilot,
        lambda: (
            getattr(app, "_nomor_kunci", jumlah) >= jumlah
            and not getattr(app, "_antrean_kunci", None)
            and not getattr(app, "_kunci_jalan", 0)
        ),
    )


async def test_form_tim_menyimpan_setiap_huruf_yang_diketik_cepat(db_demo):
    """`n` and the whole form typed as one burst: every character in its own field, the Tabs in order."""
    from tests.tui.test_tim import _dengan_pengguna

    from sistemkerja_tui.tui.screens.form_tim import FormTim

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: getattr(app.screen, "detail", None) is not None)
        tombol = ["n", *"Tim Cepat", "tab", "tab", "tab", "tab", *"03-02-2026", "tab", *"30-11-2026", "tab", *"Target"]
        ketik_cepat(app, *tombol)
        await _sampai_terketik(pilot, len(tombol))
        assert isinstance(app.screen, FormTim)
        isian = {i.id: i.value for i in app.screen.query(Input)}
    assert isian == {
        "nama": "Tim Cepat",
        "tahun": str(date.today().year),
        "mulai": "03-02-2026",
        "selesai": "30-11-2026",
        "tujuan": "Target",
    }


async def test_tombol_setelah_catatan_ke_prompt_progres_bukan_ke_papan(db_demo):
    """The note, Enter, and the progres typed at once: the progres prompt gets the digits, the board no command
    (`r` would open "Kembalikan", a digit would switch screens)."""
    from tests.bantu import sql as _sql
    from tests.tui.test_kegiatan import _pilih, _siapkan
    from tests.tui.test_tim import UKURAN_LEBAR

    from sistemkerja_tui.tui.screens.kegiatan import LayarKegiatan

    kid, _, _ = _siapkan(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("6")
        await _pilih(pilot, "perencanaan", kid)
        awal = getattr(app, "_nomor_kunci", 0)
        tombol = ["c", "enter", *"rapat selesai", "enter", *"40", "enter"]  # Laporan berkala is the first kind
        ketik_cepat(app, *tombol)
        await _sampai_terketik(pilot, awal + len(tombol))
        await tunggu(pilot, lambda: _sql(db_demo, "SELECT progres FROM kegiatan WHERE id = ?", kid) == [(40,)])
        assert isinstance(app.screen, LayarKegiatan)
    assert _sql(db_demo, "SELECT jenis, isi, progres FROM catatan WHERE kegiatan_id = ?", kid) == [
        ("laporan_berkala", "rapat selesai", 40)
    ]


def _jumlah(widget) -> int:
    for nama in ("row_count", "option_count", "last_line"):
        if hasattr(widget, nama):
            return getattr(widget, nama)
    return 2 if widget.max_scroll_y else 1


def _posisi(widget) -> object:
    for nama in ("cursor_row", "highlighted", "cursor_line"):
        if hasattr(widget, nama):
            return getattr(widget, nama)
    return widget.scroll_y


def _dua_baris_per_layar(db: str) -> None:
    """A second team, two letters and two more kegiatan for the Kepala Dinas Kesehatan: rows to move between."""
    from sistemkerja_tui.layanan.kegiatan import KegiatanBaru
    from sistemkerja_tui.layanan.mulai import buka_database
    from sistemkerja_tui.layanan.tim import DataTim, JenisPembentukan, SasaranTim
    from sistemkerja_tui.surat.konteks import JenisSurat

    layanan = buka_database(db, demo_jika_kosong=False).layanan
    try:
        pengguna = layanan.pengguna.sekarang()
        assert pengguna is not None
        tim = next(t for t in layanan.tim.daftar_tim() if t.nama == "Tim Persiapan Akreditasi Rumah Sakit")
        for _ in range(2):
            layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim.id)
        for judul in ("Kegiatan fokus satu", "Kegiatan fokus dua"):
            layanan.kegiatan.buat(KegiatanBaru(tim.unit_id, judul, tim_id=tim.id), oleh_id=pengguna.pegawai_id)
        tahun = date.today().year
        data = DataTim(
            "Tim Fokus Kedua",
            pengguna.unit_id,
            JenisPembentukan.TAHUNAN,
            SasaranTim.PENGAMPU_SUBSTANSI,
            date(tahun, 1, 2),
            date(tahun, 12, 31),
            tahun,
        )
        layanan.tim.bentuk_tim(data, oleh_id=pengguna.pegawai_id)
    finally:
        layanan.tutup()


async def test_setiap_layar_memberi_fokus_ke_widget_utamanya_j_k_langsung_jalan(db_demo):
    """Keys 1–7 twice round: each screen has its main widget focused, and j/k move its cursor without a Tab."""
    from tests.tui.test_tim import _dengan_pengguna

    _dengan_pengguna(db_demo)
    _dua_baris_per_layar(db_demo)
    dipindah = set[str]()
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        for _ in range(2):
            for tombol in "2345671":
                await pilot.press(tombol)
                await tunggu(pilot, lambda: app.focused is not None)
                await app.workers.wait_for_complete()
                await pilot.pause()
                fokus = app.focused
                assert fokus is not None and fokus.screen is app.screen, (tombol, fokus)
                assert "j" in app.screen.active_bindings and "k" in app.screen.active_bindings
                if _jumlah(fokus) < 2:  # one row on this screen of the demo: nothing to move to
                    continue
                awal = _posisi(fokus)
                await pilot.press("j")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert _posisi(app.focused) != awal, (tombol, type(app.screen).__name__, fokus)
                await pilot.press("k")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert _posisi(app.focused) == awal, (tombol, type(app.screen).__name__, fokus)
                dipindah.add(tombol)
    assert dipindah >= set("124567"), dipindah  # Penugasan has a single request in the demo


async def test_kolom_tabel_beban_lebar_walau_dilukis_sebelum_diukur(db_demo):
    """The same for a screen's TabelVim (Beban): filled and painted before the table's idle measuring."""
    from tests.tui.test_tim import _dengan_pengguna

    from sistemkerja_tui.tui.screens.beban import LayarBeban

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("4")
        await tunggu(
            pilot, lambda: isinstance(app.screen, LayarBeban) and app.screen.query_one("#tabel-beban").row_count
        )
        layar, pengguna = app.screen, app.pengguna
        tabel = layar.query_one("#tabel-beban", DataTable)
        beban = app.layanan.tim.beban_kerja(pengguna.unit_id)
        tabel.clear(columns=True)
        tabel.add_columns("Tim", "Pimpinan", "", "Nama", "Jabatan")
        layar._tampilkan(beban, pengguna.unit)
        assert beban.pegawai[0].nama in _baris_tampil(tabel, 1)
        await pilot.pause()
        assert beban.pegawai[0].nama in _baris_tampil(tabel, 1)


async def test_tombol_setelah_enter_di_papan_ke_rincian_bukan_perintah(db_demo):
    """Enter on a card loads its detail in a worker; m/y/r typed right after it wait for the detail and are no
    commands to the board (maju, setujui, kembalikan would each act or at least notify)."""
    from tests.tui.test_tim import _dengan_pengguna

    from sistemkerja_tui.tui.screens.detail_kegiatan import LayarDetailKegiatan
    from sistemkerja_tui.tui.screens.dialog import DialogAlasan
    from sistemkerja_tui.tui.screens.kegiatan import LayarKegiatan

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("6")
        await tunggu(
            pilot,
            lambda: isinstance(app.screen, LayarKegiatan) and app.screen.query_one("#kolom-perencanaan").option_count,
        )
        app.clear_notifications()
        awal = getattr(app, "_nomor_kunci", 0)
        tombol = ["enter", "m", "y", "r"]
        ketik_cepat(app, *tombol)
        await _sampai_terketik(pilot, awal + len(tombol))
        await tunggu(pilot, lambda: isinstance(app.screen, LayarDetailKegiatan))
        assert not any(isinstance(s, DialogAlasan) for s in app.screen_stack)  # r: "Kembalikan"
        assert not list(app._notifications)
