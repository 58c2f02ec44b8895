"""`sistemkerja init`: the user's own Pemda in an empty database; a database that holds one is refused unchanged."""

from __future__ import annotations

import pytest
from tests.bantu import sidik, sql
from tests.test_cli import jalankan

KLATEN = ("--instansi", "Pemerintah Kabupaten Klaten", "--jenis", "kabupaten", "--profil", "klaten")


def test_init_mencatat_instansi_tanpa_demo(db_url):
    r = jalankan("init", *KLATEN, "--db", db_url)
    assert r.returncode == 0, r.stderr
    assert "Pemerintah Kabupaten Klaten" in r.stdout and "sistemkerja impor pegawai" in r.stdout
    assert sql(db_url, "SELECT nama, jenis, profil, tempat, fiktif FROM instansi") == [
        ("Pemerintah Kabupaten Klaten", "kabupaten", "klaten", "Klaten", 0)
    ]
    assert sql(db_url, "SELECT COUNT(*) FROM unit_organisasi") == [(0,)]


def test_init_tempat_dan_peringatan(db_url):
    r = jalankan(
        "init",
        "--instansi",
        "Kota Madiun",
        "--jenis",
        "kota",
        "--profil",
        "madiun",
        "--tempat",
        "Madiun Kota",
        "--db",
        db_url,
    )
    assert r.returncode == 0, r.stderr
    assert "peringatan: Nama instansi 'Kota Madiun' biasanya ditulis lengkap" in r.stderr
    assert sql(db_url, "SELECT tempat, kepala_daerah FROM instansi") == [("Madiun Kota", "Wali Kota")]


def test_init_kedua_kali_ditolak_tanpa_perubahan(db_url):
    assert jalankan("init", *KLATEN, "--db", db_url).returncode == 0
    sebelum = sidik(db_url)
    r = jalankan(
        "init", "--instansi", "Pemerintah Kota Madiun", "--jenis", "kota", "--profil", "madiun", "--db", db_url
    )
    assert r.returncode == 2
    assert "sudah berisi instansi 'Pemerintah Kabupaten Klaten'" in r.stderr and "--db" in r.stderr
    assert sidik(db_url) == sebelum


def test_init_pada_demo_ditolak_tanpa_perubahan(db_demo):
    sebelum = sidik(db_demo)
    r = jalankan("init", *KLATEN, "--db", db_demo)
    assert r.returncode == 2 and "Pemerintah Kabupaten Sukamaju" in r.stderr
    assert sidik(db_demo) == sebelum


@pytest.mark.sqlite
def test_init_isian_salah_tidak_membuat_berkas(tmp_path):
    db = tmp_path / "baru.db"
    r = jalankan("init", "--instansi", " ", "--jenis", "provinsi", "--profil", "atlantis", "--db", str(db))
    assert r.returncode == 2
    assert "Nama instansi wajib diisi" in r.stderr and "Profil regulasi 'atlantis' tidak dikenal" in r.stderr
    assert not db.exists()


def test_init_jenis_salah_dijelaskan(db_url):
    r = jalankan("init", "--instansi", "Pemerintah Desa X", "--jenis", "desa", "--profil", "umum", "--db", db_url)
    assert r.returncode == 2 and "argumen --jenis: pilihan 'desa' tidak ada" in r.stderr
