"""App-level behaviour: bad database or config → a notification, the app keeps running; theme persisted."""

from __future__ import annotations

import tomllib

import pytest
from tests.bantu import sidik, sql
from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap

from sistemkerja_tui.layanan.konfigurasi import (
    Konfigurasi,
    KonfigurasiTidakSah,
    berkas_konfigurasi,
    muat_konfigurasi,
)


def _pesan(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_database_versi_lebih_baru_diberitahukan_dan_tidak_diubah(db_demo):
    sql(db_demo, "UPDATE alembic_version SET version_num = '9999'")
    sebelum = sidik(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu(pilot, lambda: any("lebih baru" in p for p in _pesan(app)))
        assert "lebih baru" in teks(app.screen.query_one("#info-unit"))
        await pilot.press("question_mark")  # still running and usable
        await pilot.press("escape")
        assert app.is_running
    assert sidik(db_demo) == sebelum


@pytest.mark.sqlite
async def test_database_tak_dapat_dibuat(tmp_path):
    berkas = tmp_path / "berkas"
    berkas.write_text("bukan folder")
    app = buat_app(str(berkas / "x.db"))
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu(pilot, lambda: any("tidak dapat dibuat" in p for p in _pesan(app)))
        assert app.is_running


async def test_database_kosong_diisi_demo_saat_pertama(db_baru):
    from sistemkerja_tui.tui.app import SistemKerjaApp

    app = SistemKerjaApp(url=db_baru("baru"))
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu(pilot, lambda: app.waktu_siap is not None, batas=60)
        assert any("Pemda demo" in p for p in _pesan(app))


def test_konfigurasi_rusak_menyebut_berkas(tmp_path):
    berkas = tmp_path / "config.toml"
    berkas.write_text("tema = [tidak sah\n")
    with pytest.raises(KonfigurasiTidakSah) as galat:
        muat_konfigurasi(berkas)
    assert str(berkas) in str(galat.value)


async def test_konfigurasi_rusak_diberitahukan_aplikasi_tetap_jalan(db_demo):
    app = buat_app(db_demo, galat_konfigurasi="Berkas konfigurasi /x/config.toml tidak sah")
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        assert any("config.toml" in p for p in _pesan(app))


async def test_tema_disimpan_ke_konfigurasi(db_demo):
    app = buat_app(db_demo, konfigurasi=Konfigurasi(berkas=berkas_konfigurasi()))
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        assert app.theme == "sistemkerja"
        app.theme = "nord"
        await tunggu(pilot, lambda: berkas_konfigurasi().exists())
    data = tomllib.loads(berkas_konfigurasi().read_text())
    assert data["tema"] == "nord"
    assert muat_konfigurasi().tema == "nord"
    assert oct(berkas_konfigurasi().parent.stat().st_mode & 0o777) == "0o700"
