"""The log: a private rotating file, `--log-level`, unexpected errors as a short notice with the details logged
— and never a NIP, a date or an SQL parameter in it."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import exc, text
from tests.bantu import sql
from textual.app import App

from sistemkerja_tui import catatan
from sistemkerja_tui.layanan.galat import Ditolak

SISTEMKERJA = str(Path(sys.executable).with_name("sistemkerja"))
NIP = "196704161993031015"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _folder_log() -> Path:
    return Path(os.environ["XDG_STATE_HOME"]) / "sistemkerja" / "log"


def jalankan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([SISTEMKERJA, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def log() -> Path:
    """The log set up afresh in this test's (temporary) user log folder."""
    return catatan.siapkan()


def test_log_di_folder_log_pengguna(log):
    assert log == _folder_log() / "sistemkerja.log"


def test_impor_dan_siapkan_tidak_membuat_apa_pun():
    kode = "from sistemkerja_tui import catatan, cli; catatan.siapkan('DEBUG')"
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert not _folder_log().parent.exists()


def test_berkas_pribadi_dan_berputar(tmp_path):
    berkas = catatan.siapkan("INFO", tmp_path / "log" / "uji.log")
    baris = "x" * 1000
    for _ in range(catatan.UKURAN_MAKS // 1000 * (catatan.CADANGAN + 2)):
        logging.getLogger("sistemkerja_tui.uji").info(baris)
    assert _mode(berkas.parent) == 0o700
    semua = sorted(berkas.parent.iterdir())
    assert [p.name for p in semua] == ["uji.log", "uji.log.1", "uji.log.2", "uji.log.3"]
    assert all(_mode(p) == 0o600 for p in semua)
    assert all(p.stat().st_size <= catatan.UKURAN_MAKS for p in semua)


def test_galat_sqlalchemy_dicatat_tanpa_parameter(engine, log):
    with pytest.raises(exc.IntegrityError) as info, engine.begin() as conn:
        conn.execute(text("INSERT INTO pegawai (nip) VALUES (:nip)"), {"nip": NIP})
    assert NIP in str(info.value)  # SQLAlchemy's own text does carry it

    assert catatan.catat_galat(info.value, "uji") == log
    isi = log.read_text(encoding="utf-8")
    assert "IntegrityError" in isi and "Traceback" in isi and "INSERT INTO pegawai" in isi
    assert "[parameters: disembunyikan]" in isi
    assert NIP not in isi and "19670416" not in isi


def test_sql_sqlalchemy_tidak_masuk_log_walau_debug(engine):
    log = catatan.siapkan("DEBUG")
    logging.getLogger("sistemkerja_tui.uji").debug("mulai")
    with engine.connect() as conn:
        conn.execute(text("SELECT COUNT(*) FROM pegawai WHERE nip = :nip"), {"nip": NIP})
    assert "mulai" in log.read_text(encoding="utf-8")
    assert NIP not in log.read_text(encoding="utf-8") and "SELECT" not in log.read_text(encoding="utf-8")


def test_folder_log_tidak_dapat_ditulis_tetap_tanpa_traceback(tmp_path, capsys):
    bukan_folder = tmp_path / "bukan-folder"
    bukan_folder.write_text("berkas biasa")
    catatan.siapkan(berkas=bukan_folder / "log" / "sistemkerja.log")
    try:
        raise ValueError("uji")
    except ValueError as e:
        berkas = catatan.catat_galat(e, "uji")
    assert berkas is None and "tidak dapat dicatat" in catatan.pemberitahuan(berkas)
    assert capsys.readouterr().err == ""


def test_saring_nip_dan_tanggal():
    teks = (
        "NIP 19670416 199303 1 015 dan 196704161993031015 lahir 1967-04-16 "
        "datetime.date(1967, 4, 16) [parameters: ('196704161993031015', 3)]"
    )
    hasil = catatan.saring(teks)
    assert "1967" not in hasil and "015" not in hasil
    assert hasil.count("[NIP]") == 2 and hasil.count("[tanggal]") == 2 and "[parameters: disembunyikan]" in hasil


def test_tingkat_log_dari_cli(db_demo):
    assert jalankan("surat", "daftar", "--db", db_demo).returncode == 0
    assert not _folder_log().exists()  # WARNING: nothing to say, no file
    r = jalankan("--log-level", "INFO", "surat", "daftar", "--db", db_demo)
    assert r.returncode == 0, r.stderr
    isi = (_folder_log() / "sistemkerja.log").read_text(encoding="utf-8")
    assert "INFO sistemkerja_tui.cli" in isi and "perintah surat" in isi
    salah = jalankan("--log-level", "RAMAI", "surat", "daftar")
    assert salah.returncode == 2 and "argumen --log-level: pilihan 'RAMAI' tidak ada" in salah.stderr


def test_galat_tak_terduga_di_cli_pesan_singkat_dan_jejak_di_log(db_demo):
    sql(db_demo, "DROP TABLE surat")  # a database damaged in a way nothing anticipates
    r = jalankan("surat", "daftar", "--db", db_demo)
    berkas = _folder_log() / "sistemkerja.log"
    assert r.returncode == 1
    assert r.stderr == f"galat: Terjadi galat tak terduga; rinciannya dicatat di {berkas}\n"
    isi = berkas.read_text(encoding="utf-8")
    galat, sebab = (
        ("OperationalError", "no such table: surat")
        if "://" not in db_demo
        else ("UndefinedTable", 'relation "surat" does not exist')
    )
    assert "Traceback" in isi and galat in isi and sebab in isi
    assert _mode(berkas) == 0o600


class _Aplikasi(App):
    pass


async def _kerjakan(fungsi) -> list:
    from sistemkerja_tui.tui.pekerja import kerjakan

    app = _Aplikasi()
    async with app.run_test() as pilot:
        kerjakan(app, fungsi)
        await app.workers.wait_for_complete()
        await pilot.pause()
        return list(app._notifications)


def _meluap():
    return int("9" * 400) * 1e0  # OverflowError: a bug nothing anticipates


async def test_tui_galat_tak_terduga_pemberitahuan_singkat(log):
    (catatan_layar,) = await _kerjakan(_meluap)
    assert catatan_layar.message == f"Terjadi galat tak terduga; rinciannya dicatat di {log}"
    assert catatan_layar.severity == "error" and "Overflow" not in catatan_layar.title
    isi = log.read_text(encoding="utf-8")
    assert "OverflowError" in isi and "_meluap" in isi


async def test_tui_galat_data_pesannya_sendiri(layanan, log):
    (catatan_layar,) = await _kerjakan(lambda: layanan.tim.bubarkan_tim(2**70, "alasan", oleh_id=None))
    assert catatan_layar.title == "Data tidak tersimpan" and "di luar batas" in catatan_layar.message
    assert "Overflow" not in catatan_layar.message


async def test_tui_penolakan_tetap_ditolak():
    def tolak():
        raise Ditolak("Alasan wajib diisi.")

    (catatan_layar,) = await _kerjakan(tolak)
    assert (catatan_layar.title, catatan_layar.message) == ("Ditolak", "Alasan wajib diisi.")
