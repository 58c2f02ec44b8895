"""Snapshot tests of every screen and every modal at 80×24 (one at 120×40), each taken once the worker data is
shown — never after a sleep. The Tim screen's own snapshots stay in test_tim.py, the board's in test_kegiatan.py.

Update after an intended visual change: pytest tests/tui/test_snapshot_layar.py --snapshot-update
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.tui.bantu import UKURAN, buat_app, surat_tugas_dari_tim, tanpa_kedip, teks, tunggu, tunggu_siap
from tests.tui.test_tim import _dengan_pengguna
from textual.widgets import Input, OptionList

from sistemkerja_tui.tui.screens.dialog import DialogAlasan, DialogKonfirmasi
from sistemkerja_tui.tui.screens.form_individu import FormIndividu
from sistemkerja_tui.tui.screens.form_tim import FormTim
from sistemkerja_tui.tui.screens.pilih import PilihSatu

HARI_INI = date(2027, 1, 15)  # what is overdue, the default year and the semesters offered depend on the day


async def _layar(pilot, kelas, syarat=lambda layar: True) -> None:
    """Wait until the top screen is a `kelas` satisfying `syarat`, its workers done and its tables measured."""
    await tunggu(pilot, lambda: isinstance(pilot.app.screen, kelas) and syarat(pilot.app.screen))


async def _papan(pilot) -> None:
    from sistemkerja_tui.tui.screens.kegiatan import LayarKegiatan

    await tunggu_siap(pilot)
    await pilot.press("6")
    await _layar(pilot, LayarKegiatan, lambda s: "kegiatan ·" in teks(s.query_one("#judul-kegiatan")))


async def _tim(pilot) -> None:
    from sistemkerja_tui.tui.screens.tim import LayarTim

    await tunggu_siap(pilot)
    await pilot.press("2")
    await _layar(pilot, LayarTim, lambda s: s.detail is not None)


async def struktur_sub_unit(pilot):
    await tunggu_siap(pilot)
    await pilot.press("s")
    await tunggu(pilot, lambda: "termasuk sub-unit" in teks(pilot.app.screen.query_one("#info-unit")))


async def struktur_detail_diperbesar(pilot):
    await tunggu_siap(pilot)
    await pilot.press("tab")
    await tunggu(pilot, lambda: "NIP" in teks(pilot.app.screen.query_one("#isi-detail")))
    await pilot.press("d")
    await tunggu(pilot, lambda: pilot.app.screen.maximized is not None)


async def beban(pilot):
    from sistemkerja_tui.tui.screens.beban import LayarBeban

    await tunggu_siap(pilot)
    await pilot.press("4")
    await _layar(pilot, LayarBeban, lambda s: "rata-rata" in teks(s.query_one("#judul-beban")))


async def surat_register_kosong(pilot):
    from sistemkerja_tui.tui.screens.surat import LayarSurat

    await tunggu_siap(pilot)
    await pilot.press("5")
    await _layar(pilot, LayarSurat, lambda s: "Register" in teks(s.query_one("#judul-surat")))


async def surat_dengan_pratinjau(pilot):
    await surat_tugas_dari_tim(pilot)
    await tunggu(pilot, lambda: True)


async def pilih_jenis_surat(pilot):
    await _tim(pilot)
    await pilot.press("l")
    await _layar(pilot, PilihSatu)


async def pilih_pengguna(pilot):
    from sistemkerja_tui.tui.screens.pengguna import PilihPengguna

    await tunggu_siap(pilot)
    await pilot.press("p")
    await _layar(pilot, PilihPengguna, lambda s: s.query(OptionList) and s.query_one(OptionList).option_count)


async def form_tim_baru(pilot):
    await _tim(pilot)
    await pilot.press("n")
    await _layar(pilot, FormTim)


async def form_tim_ditolak(pilot):
    """Ctrl+S with an empty name: the refusal shows whole above the fields."""
    await form_tim_baru(pilot)
    await pilot.press("ctrl+s")
    await _layar(
        pilot,
        FormTim,
        lambda s: s.query_one("#pesan-form").display and "Menyimpan" not in teks(s.query_one("#pesan-form")),
    )


async def form_tim_ubah(pilot):
    await _tim(pilot)
    await pilot.press("e")
    await _layar(pilot, FormTim)


async def konfirmasi_buang_isian(pilot):
    await form_tim_baru(pilot)
    await pilot.press(*"Tim", "escape")
    await _layar(pilot, DialogKonfirmasi)


async def dialog_bubarkan(pilot):
    await _tim(pilot)
    await pilot.press("x")
    await _layar(pilot, DialogAlasan)


async def cari_tim(pilot):
    await _tim(pilot)
    await pilot.press("slash")
    await tunggu(pilot, lambda: type(pilot.app.screen).__name__ == "LayarCariNama")


async def saring_tim(pilot):
    from sistemkerja_tui.tui.screens.saring_tim import FormSaring

    await _tim(pilot)
    await pilot.press("f")
    await _layar(pilot, FormSaring)


async def form_permohonan_pelibatan(pilot):
    """A pegawai from outside the team's unit: the request with its four contents."""
    from tests.bantu import sql as _sql

    from sistemkerja_tui.tui.screens.cari import LayarCari
    from sistemkerja_tui.tui.screens.form_tim import FormPermohonan

    await _tim(pilot)
    app = pilot.app
    nip = _sql(
        app.url,
        "SELECT nip FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id "
        "WHERE u.nama = 'Sekretariat Daerah' ORDER BY p.id LIMIT 1",
    )[0][0]
    await pilot.press("a")
    await _layar(pilot, LayarCari)
    await pilot.press(*nip)
    await tunggu(pilot, lambda: getattr(app.screen, "hasil", None))
    await pilot.press("enter")
    await _layar(pilot, FormPermohonan)


async def pilih_tim_kegiatan_baru(pilot):
    await _papan(pilot)
    await pilot.press("n")
    await _layar(pilot, PilihSatu)


async def form_kegiatan_baru(pilot):
    await pilih_tim_kegiatan_baru(pilot)
    await pilot.press("enter")
    await _layar(pilot, FormIndividu)


async def saringan_papan(pilot):
    await _papan(pilot)
    await pilot.press("f")
    await _layar(pilot, PilihSatu)


async def cari_orang_papan(pilot):
    from sistemkerja_tui.tui.screens.cari import LayarCari

    await saringan_papan(pilot)
    await pilot.press("down", "enter")
    await _layar(pilot, LayarCari)


async def pilih_jenis_catatan(pilot):
    await _papan(pilot)
    await pilot.press("c")
    await _layar(pilot, PilihSatu)


async def dialog_catatan(pilot):
    await pilih_jenis_catatan(pilot)
    await pilot.press("enter")
    await _layar(pilot, DialogAlasan)


async def dialog_progres(pilot):
    await dialog_catatan(pilot)
    await pilot.press(*"Data terkumpul", "enter")
    await _layar(pilot, DialogAlasan, lambda s: "Progres" in s.label)


async def detail_kegiatan(pilot):
    from sistemkerja_tui.tui.screens.detail_kegiatan import LayarDetailKegiatan

    await _papan(pilot)
    await pilot.press("enter")
    await _layar(pilot, LayarDetailKegiatan)


async def pilih_laporan_semester(pilot):
    from sistemkerja_tui.tui.screens.pemantauan import LayarPemantauan

    await tunggu_siap(pilot)
    await pilot.press("7")
    await _layar(pilot, LayarPemantauan, lambda s: "Terlambat" in teks(s.query_one("#isi-pemantauan")))
    await pilot.press("l")
    await _layar(pilot, PilihSatu)


FOLDER_BARU = "/tmp/sistemkerja-snapshot-belum-ada/Laporan"  # the default (documents) lies in each test's tmp home


async def folder_keluaran(pilot):
    await pilih_laporan_semester(pilot)
    await pilot.press("enter")
    await _layar(pilot, DialogAlasan)
    isian = pilot.app.screen.query_one("#isian", Input)
    isian.value = FOLDER_BARU
    isian.action_end()
    await pilot.pause()


async def folder_belum_ada(pilot):
    await folder_keluaran(pilot)
    await pilot.press("enter")
    await _layar(pilot, DialogKonfirmasi)


async def palet_perintah(pilot):
    await tunggu_siap(pilot)
    await pilot.press("ctrl+p")
    await tunggu(pilot, lambda: pilot.app.screen.has_class("--textual-command-palette"))


async def palet_tema(pilot):
    await tunggu_siap(pilot)
    await pilot.press("t")
    await tunggu(pilot, lambda: pilot.app.screen.has_class("--textual-command-palette"))


async def status_penandatangan(pilot):
    await tunggu_siap(pilot)
    pilot.app.action_status_ttd()
    await _layar(pilot, PilihSatu)


async def penugasan_daftar_keluar(pilot):
    from sistemkerja_tui.tui.screens.penugasan import LayarPenugasan

    await tunggu_siap(pilot)
    await pilot.press("3")
    await _layar(pilot, LayarPenugasan, lambda s: teks(s.query_one("#saringan-penugasan")))
    awal = teks(pilot.app.screen.query_one("#saringan-penugasan"))
    await pilot.press("m")
    await _layar(pilot, LayarPenugasan, lambda s: teks(s.query_one("#saringan-penugasan")) != awal)


LANGKAH = [
    struktur_sub_unit,
    struktur_detail_diperbesar,
    beban,
    surat_register_kosong,
    surat_dengan_pratinjau,
    pilih_jenis_surat,
    pilih_pengguna,
    form_tim_baru,
    form_tim_ditolak,
    form_tim_ubah,
    konfirmasi_buang_isian,
    dialog_bubarkan,
    cari_tim,
    saring_tim,
    form_permohonan_pelibatan,
    pilih_tim_kegiatan_baru,
    form_kegiatan_baru,
    saringan_papan,
    cari_orang_papan,
    pilih_jenis_catatan,
    dialog_catatan,
    dialog_progres,
    detail_kegiatan,
    pilih_laporan_semester,
    folder_keluaran,
    folder_belum_ada,
    palet_perintah,
    palet_tema,
    status_penandatangan,
    penugasan_daftar_keluar,
]


@pytest.mark.parametrize("langkah", LANGKAH, ids=[f.__name__ for f in LANGKAH])
def test_snapshot(snap_compare, db_demo, langkah):
    _dengan_pengguna(db_demo)
    app = buat_app(db_demo, hari_ini=lambda: HARI_INI)

    async def siap(pilot) -> None:
        await langkah(pilot)
        pilot.app.clear_notifications()  # each toast times out: on a loaded machine before or after the snapshot
        await tanpa_kedip(pilot)

    assert snap_compare(app, terminal_size=UKURAN, run_before=siap)


def test_snapshot_struktur_120x40(snap_compare, db_demo):
    """One large terminal: the tree, the table and the detail with room to spare."""
    assert snap_compare(buat_app(db_demo), terminal_size=(120, 40), run_before=tunggu_siap)
