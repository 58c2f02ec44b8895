"""Pilot test of the Kegiatan board: perencanaan → evaluasi, one return, resubmit, accepted to selesai."""

from __future__ import annotations

import re
import stat
from datetime import date

from tests.bantu import ke_evaluasi
from tests.bantu import sql as _sql
from tests.tui.bantu import buat_app, tunggu, tunggu_siap
from tests.tui.test_tim import UKURAN_LEBAR, _masuk_sebagai
from textual.widgets import OptionList

from sistemkerja_tui.layanan.kegiatan import KegiatanBaru
from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.tui.screens.dialog import DialogAlasan
from sistemkerja_tui.tui.screens.kegiatan import LayarKegiatan


def _siapkan(db: str) -> tuple[int, str, str]:
    """A kegiatan of a Bidang under a Dinas; returns its id and the two reviewers' jabatan."""
    unit_id = _sql(
        db,
        "SELECT u.id FROM unit_organisasi u JOIN unit_organisasi i ON i.id = u.induk_id "
        "WHERE u.jenis = 'bidang' AND i.jenis = 'dinas' ORDER BY u.id LIMIT 1",
    )[0][0]
    pegawai_id = _sql(
        db, "SELECT id FROM pegawai WHERE unit_id = ? AND jenis_jabatan = 'fungsional' ORDER BY id LIMIT 1", unit_id
    )[0][0]
    hasil = buka_database(db, demo_jika_kosong=False)
    layanan = hasil.layanan
    kid = layanan.kegiatan.buat(
        KegiatanBaru(
            unit_id,
            "Kegiatan Papan Uji",
            indikator="Laporan",
            target="1",
            satuan="dokumen",
            pegawai_id=pegawai_id,
            mulai=date(2026, 1, 5),
            tenggat=date(2026, 12, 1),
        ),
        oleh_id=pegawai_id,
    )
    peninjau = layanan.kegiatan.peninjau(unit_id)
    assert peninjau[0].pegawai_id is not None  # the demo fills the Kepala Bidang's post
    layanan.pengguna.tetapkan(peninjau[0].pegawai_id)
    layanan.tutup()
    return kid, peninjau[0].jabatan, peninjau[1].jabatan


def _kolom(app, kode: str) -> OptionList:
    return app.screen.query_one(f"#kolom-{kode}", OptionList)


async def _pilih(pilot, kode: str, kid: int) -> None:
    kolom = _kolom(pilot.app, kode)
    await tunggu(pilot, lambda: any(o.id == str(kid) for o in kolom.options))
    kolom.focus()
    kolom.highlighted = next(i for i, o in enumerate(kolom.options) if o.id == str(kid))
    await pilot.pause()


async def _maju_sampai_evaluasi(pilot, db: str, kid: int) -> None:
    for _ in range(30):
        tahap, sub = _sql(db, "SELECT tahap, sub_tahap FROM kegiatan WHERE id = ?", kid)[0]
        if tahap == "evaluasi":
            return
        await _pilih(pilot, tahap, kid)
        await pilot.press("m")
        await tunggu(pilot, lambda sub=sub: _sql(db, "SELECT sub_tahap FROM kegiatan WHERE id = ?", kid) != [(sub,)])
    raise AssertionError("kegiatan tidak sampai ke tahap evaluasi")


async def test_kegiatan_maju_dikembalikan_lalu_selesai(db_demo):
    kid, _, jabatan_2 = _siapkan(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("6")
        assert isinstance(app.screen, LayarKegiatan)
        await _maju_sampai_evaluasi(pilot, db_demo, kid)  # m walks the unit type's steps, then hands the result in
        await _pilih(pilot, "evaluasi", kid)
        await pilot.press("r")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        await pilot.press(*"Lampiran belum lengkap", "enter")
        await tunggu(pilot, lambda: _sql(db_demo, "SELECT tahap FROM kegiatan WHERE id = ?", kid) == [("pelaksanaan",)])
        await _maju_sampai_evaluasi(pilot, db_demo, kid)  # adjusted → hasil disampaikan → reviu 1
        await _pilih(pilot, "evaluasi", kid)
        await pilot.press("y")  # Kepala Bidang (reviu 1)
        await tunggu(pilot, lambda: _sql(db_demo, "SELECT sub_tahap FROM kegiatan WHERE id = ?", kid) == [("reviu_2",)])
        await _masuk_sebagai(pilot, jabatan_2.lower())
        await _pilih(pilot, "evaluasi", kid)
        await pilot.press("y")  # Kepala Dinas (reviu 2, the last)
        await tunggu(pilot, lambda: _sql(db_demo, "SELECT tahap FROM kegiatan WHERE id = ?", kid) == [("selesai",)])
    riwayat = _sql(db_demo, "SELECT ke_tahap, alasan FROM riwayat_tahap WHERE kegiatan_id = ? ORDER BY id", kid)
    assert ("pelaksanaan", "Lampiran belum lengkap") in riwayat and riwayat[-1][0] == "selesai"


async def test_pemantauan_menunjukkan_yang_menunggu_reviu_saya(db_demo):
    from tests.tui.bantu import teks

    kid, _, _ = _siapkan(db_demo)
    hasil = buka_database(db_demo, demo_jika_kosong=False)
    layanan = hasil.layanan
    pengguna = layanan.pengguna.sekarang()
    pegawai = _sql(db_demo, "SELECT pegawai_id FROM kegiatan WHERE id = ?", kid)[0][0]
    ke_evaluasi(layanan, kid, pegawai)
    assert kid in layanan.kegiatan.menunggu_reviu(pengguna.pegawai_id)
    layanan.tutup()
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("7")
        await tunggu(pilot, lambda: "Menunggu reviu saya (1)" in teks(app.screen.query_one("#isi-pemantauan")))
        isi = teks(app.screen.query_one("#isi-pemantauan"))
        assert "Kegiatan Papan Uji" in isi and "Perencanaan" in isi and "Beban kerja" in isi


def test_snapshot_papan_kegiatan(snap_compare, db_demo):
    from tests.tui.test_tim import _dengan_pengguna

    _dengan_pengguna(db_demo)

    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("6")
        await tunggu(pilot, lambda: "kegiatan ·" in str(pilot.app.screen.query_one("#judul-kegiatan").content))

    assert snap_compare(buat_app(db_demo), terminal_size=(80, 24), run_before=siap)


def test_snapshot_dasbor_pemantauan(snap_compare, db_demo):
    """The dashboard on a fixed calendar day (what is overdue depends on it)."""
    from tests.tui.bantu import teks
    from tests.tui.test_tim import _dengan_pengguna

    _dengan_pengguna(db_demo)

    async def siap(pilot):
        await tunggu_siap(pilot)
        await pilot.press("7")
        await tunggu(pilot, lambda: "Terlambat" in teks(pilot.app.screen.query_one("#isi-pemantauan")))

    app = buat_app(db_demo, hari_ini=lambda: date(2027, 1, 15))
    assert snap_compare(app, terminal_size=(80, 24), run_before=siap)


async def test_rincian_kegiatan_lini_masa_dan_langkah(db_demo):
    from tests.tui.bantu import teks

    from sistemkerja_tui.tui.screens.detail_kegiatan import LayarDetailKegiatan

    kid, _, _ = _siapkan(db_demo)
    awal = _sql(db_demo, "SELECT sub_tahap FROM kegiatan WHERE id = ?", kid)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("6")
        await _pilih(pilot, "perencanaan", kid)
        await pilot.press("m")
        await tunggu(pilot, lambda: _sql(db_demo, "SELECT sub_tahap FROM kegiatan WHERE id = ?", kid) != awal)
        await _pilih(pilot, "perencanaan", kid)
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, LayarDetailKegiatan))
        isi = teks(app.screen.query_one("#isi-detail-kegiatan"))
        assert "Kegiatan Papan Uji" in isi and "Lini masa" in isi and "✓" in isi and "▶" in isi
        assert "05-01-2026 s.d. 01-12-2026" in isi
        # the timeline's times the Indonesian way (dd-mm-yyyy hh.mm), never ISO text
        assert re.search(r"\d\d-\d\d-\d{4} \d\d\.\d\d", isi) and not re.search(r"\d{4}-\d\d-\d\d", isi)
        # each step names who does it in this unit type, and the passage the steps come from
        assert "Dasar: Perwal Madiun 73/2023" in isi
        await pilot.press("escape")
        assert isinstance(app.screen, LayarKegiatan)


async def test_mpph_dari_layar_pemantauan(db_demo, tmp_path):
    from openpyxl import load_workbook
    from tests.tui.test_tim import _dengan_pengguna
    from textual.widgets import Input

    from sistemkerja_tui.tui.screens.dialog import DialogKonfirmasi
    from sistemkerja_tui.tui.screens.pilih import PilihSatu

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("7", "x")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        await pilot.press("enter")  # .xlsx
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        keluaran = tmp_path / "Dokumen" / "laporan"  # a new account: the folder does not exist yet
        app.screen.query_one(Input).value = str(keluaran)
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogKonfirmasi))  # offered, not failed
        await pilot.press("enter")
        await tunggu(pilot, lambda: list(keluaran.glob("mpph_*.xlsx")))
    assert stat.S_IMODE(keluaran.stat().st_mode) == 0o700
    (berkas,) = keluaran.glob("mpph_*.xlsx")
    lembar = load_workbook(berkas).active
    nilai = [c.value for baris in lembar.iter_rows() for c in baris if c.value]
    assert "Nama" in nilai and "Ketua" in nilai


async def test_kegiatan_baru_untuk_tim_dengan_papan_ketik(db_demo):
    from tests.tui.bantu import teks
    from tests.tui.test_tim import _dengan_pengguna

    from sistemkerja_tui.tui.screens.form_individu import FormIndividu
    from sistemkerja_tui.tui.screens.pilih import PilihSatu

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("6", "n")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        tim = app.screen.pilihan[0][1]
        await pilot.press("enter")
        await tunggu(pilot, lambda: isinstance(app.screen, FormIndividu) and app.focused is not None)
        await pilot.press(
            *"Sosialisasi gizi",
            "tab",
            *"Peserta hadir",
            "tab",
            *"200",
            "tab",
            *"orang",
            "tab",
            *"2026-02-01",
            "tab",
            *"2026-05-31",
            "tab",
            *"12,5 juta",
            "tab",
            *"PK Dinas Kesehatan 2026",
        )
        sebelum = _sql(db_demo, "SELECT COUNT(*) FROM kegiatan")
        await pilot.press("ctrl+s")
        # a budget that is not an amount: the form names the field and keeps everything typed
        await tunggu(pilot, lambda: "Rencana anggaran" in teks(app.screen.query_one("#pesan-form")))
        assert app.screen.query_one("#judul").value == "Sosialisasi gizi"
        assert _sql(db_demo, "SELECT COUNT(*) FROM kegiatan") == sebelum
        app.screen.query_one("#rencana_anggaran").value = ""
        await pilot.click("#rencana_anggaran")
        await pilot.press(*"Rp 12.500.000", "ctrl+s")
        await tunggu(
            pilot,
            lambda: (
                isinstance(app.screen, LayarKegiatan)
                and _sql(
                    db_demo,
                    "SELECT tim_id, tahap, mulai, tenggat, rencana_anggaran, perjanjian_kinerja FROM kegiatan "
                    "WHERE judul = 'Sosialisasi gizi'",
                )
                == [(tim.id, "perencanaan", "2026-02-01", "2026-05-31", 12_500_000, "PK Dinas Kesehatan 2026")]
            ),
        )
        (kid,) = _sql(db_demo, "SELECT id FROM kegiatan WHERE judul = 'Sosialisasi gizi'")[0]
        await _pilih(pilot, "perencanaan", kid)
        await pilot.press("enter")
        await tunggu(pilot, lambda: app.screen.query("#isi-detail-kegiatan"))
        isi = teks(app.screen.query_one("#isi-detail-kegiatan"))
        assert "Rp12.500.000" in isi and "PK Dinas Kesehatan 2026" in isi and "01-02-2026 s.d. 31-05-2026" in isi


async def test_papan_disaring_per_subunit_dan_tim(db_demo):
    from tests.tui.bantu import teks
    from tests.tui.test_tim import _dengan_pengguna

    from sistemkerja_tui.tui.screens.pilih import PilihSatu

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("6")
        await tunggu(pilot, lambda: "kegiatan ·" in teks(app.screen.query_one("#judul-kegiatan")))
        for jenis in ("Unit: ", "Tim: "):  # a subunit (and beneath), then one team
            await pilot.press("f")
            await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
            i = next(i for i, (label, _) in enumerate(app.screen.pilihan) if label.startswith(jenis))
            _, (judul, saring) = app.screen.pilihan[i]
            await pilot.press(*["down"] * i, "enter")
            await tunggu(pilot, lambda judul=judul: judul in teks(app.screen.query_one("#judul-kegiatan")))
            jumlah = len(app.layanan.kegiatan.daftar(**{"unit_id": app.pengguna.unit_id, **saring}))
            assert f"{jumlah} kegiatan" in teks(app.screen.query_one("#judul-kegiatan"))


async def test_catatan_laporan_berkala_dengan_progres_dan_kendala_dengan_rekomendasi(db_demo):
    from sistemkerja_tui.tui.screens.pilih import PilihSatu

    kid, _, _ = _siapkan(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("6")
        await _pilih(pilot, "perencanaan", kid)
        await pilot.press("c")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        await pilot.press("enter")  # Laporan berkala (Perwal Madiun 73/2023 Pasal 39)
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        await pilot.press(*"Data puskesmas terkumpul", "enter")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan) and "Progres" in app.screen.label)
        app.screen.query_one("#isian").value = ""
        await pilot.press(*"45", "enter")
        await tunggu(pilot, lambda: _sql(db_demo, "SELECT progres FROM kegiatan WHERE id = ?", kid) == [(45,)])
        await _pilih(pilot, "perencanaan", kid)
        await pilot.press("c")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihSatu))
        await pilot.press("down", "down", "enter")  # Kendala: needs an alternative recommendation (Pasal 33)
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan))
        await pilot.press(*"Data dua puskesmas terlambat", "enter")
        await tunggu(pilot, lambda: isinstance(app.screen, DialogAlasan) and app.screen.label == "Rekomendasi")
        await pilot.press(*"Kunjungan langsung", "enter")
        await tunggu(pilot, lambda: len(_sql(db_demo, "SELECT 1 FROM catatan WHERE kegiatan_id = ?", kid)) == 2)
    assert _sql(
        db_demo, "SELECT jenis, isi, rekomendasi, progres FROM catatan WHERE kegiatan_id = ? ORDER BY id", kid
    ) == [
        ("laporan_berkala", "Data puskesmas terkumpul", "", 45),
        ("kendala", "Data dua puskesmas terlambat", "Kunjungan langsung", None),
    ]


async def test_papan_menaruh_kartu_menurut_kode_tahap(db_demo):
    # the view model carries the stage's code (Tahap), the board's column is chosen by it, its title is the label
    from tests.tui.bantu import teks
    from tests.tui.test_tim import _dengan_pengguna

    from sistemkerja_tui.layanan.kegiatan import Tahap

    _dengan_pengguna(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN_LEBAR) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("6")
        await tunggu(pilot, lambda: "kegiatan ·" in teks(app.screen.query_one("#judul-kegiatan")))
        papan = app.screen.kegiatan
        assert set(papan) == set(Tahap) and sum(map(len, papan.values())) > 0
        assert all(k.tahap is tahap for tahap, kartu in papan.items() for k in kartu)
        judul = [teks(label) for label in app.screen.query(".judul-kolom")]
        assert judul == [t.label for t in Tahap]
