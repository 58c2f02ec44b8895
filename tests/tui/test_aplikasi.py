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


async def test_database_kosong_tidak_diisi_tanpa_diminta(db_baru):
    from sistemkerja_tui.tui.screens.siapkan import LayarSiapkan

    db = db_baru("baru")
    app = buat_app(db)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu(pilot, lambda: isinstance(app.screen, LayarSiapkan) and app.waktu_siap is not None)
    assert sql(db, "SELECT COUNT(*) FROM instansi") == [(0,)]


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


_GALAT_DI_LAYAR = """
import sys
from pathlib import Path

from sistemkerja_tui.tui import app as modul_app
from sistemkerja_tui.tui.app import SistemKerjaApp

class Rusak(SistemKerjaApp):
    CSS_PATH = str(Path(modul_app.__file__).parent / "app.tcss")  # relative paths follow the subclass's file

    def on_ready(self) -> None:
        nip_rahasia = "197001012000031001"  # a local the old traceback would print
        raise RuntimeError("galat uji " + nip_rahasia[:0])

app = Rusak(url=sys.argv[1])
app.run(headless=True, size=(80, 24))
sys.exit(app.return_code)  # as the CLI does
"""


def test_galat_tak_tertangani_jadi_pemberitahuan_dan_log(db_demo, tmp_path):
    """An error no screen handles: a short Indonesian notice on the terminal, the traceback only in the log,
    and no local variable (a NIP) anywhere."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    skrip = tmp_path / "rusak.py"  # a file: Textual reads the App class's source
    skrip.write_text(_GALAT_DI_LAYAR)
    hasil = subprocess.run(
        [sys.executable, str(skrip), db_demo], capture_output=True, text=True, timeout=120, check=False
    )
    assert hasil.returncode == 1
    assert "Terjadi galat tak terduga; rinciannya dicatat di" in hasil.stderr
    assert "Traceback" not in hasil.stderr and "197001012000031001" not in hasil.stderr
    log = (Path(os.environ["XDG_STATE_HOME"]) / "sistemkerja" / "log" / "sistemkerja.log").read_text()
    assert "RuntimeError: galat uji" in log and "197001012000031001" not in log


@pytest.mark.parametrize("lebar", [80, 100])
async def test_kaki_layar_memuat_bantuan_dan_keluar(db_demo, lebar):
    """Issue 10: at 80 and 100 columns every main screen's footer shows its own keys, `?` and `q` whole."""
    from textual.widgets import Footer

    app = buat_app(db_demo)
    async with app.run_test(size=(lebar, 24)) as pilot:
        await tunggu_siap(pilot)
        for tombol in "1234567":
            await pilot.press(tombol)
            await tunggu(pilot, lambda: app.screen.query(Footer) and app.screen.query_one(Footer).query("FooterKey"))
            await pilot.pause()
            kunci = list(app.screen.query_one(Footer).query("FooterKey"))
            terpotong = [k.key for k in kunci if k.region.width == 0 or k.region.right > lebar]
            assert terpotong == [], f"layar {tombol}: {terpotong} terpotong"
            assert {"question_mark", "q"} <= {k.key for k in kunci}


async def test_daftar_tim_mengisi_tinggi_layar(db_demo):
    """Issue 10: the team list is not squeezed to its few rows (it was 3 rows tall at 80×24)."""
    from tests.tui.test_tim import _dengan_pengguna
    from textual.widgets import DataTable

    _dengan_pengguna(db_demo)  # the user's own unit: a single team
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        await pilot.press("2")
        await tunggu(pilot, lambda: app.screen.query("#tabel-tim"))
        await pilot.pause()
        tabel = app.screen.query_one("#tabel-tim", DataTable)
        assert tabel.row_count <= 3 and tabel.size.height >= UKURAN[1] - 8
