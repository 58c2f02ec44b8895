"""The `sistemkerja` command: help, demo, NIP check, and bad input (exit 2, nothing written)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.bantu import sidik, sql


def jalankan(*args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sistemkerja_tui", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_bantuan_berbahasa_indonesia():
    r = jalankan("--help")
    assert r.returncode == 0
    for kata in ("penggunaan: sistemkerja", "demo", "profil", "nip", "--db", "SISTEMKERJA_DB"):
        assert kata in r.stdout


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (("laporan", "pemantauan", "--unit", "DINKES"), "argumen berikut wajib diisi: --semester"),
        (
            ("laporan", "pemantauan", "--unit", "DINKES", "--semester", "2026-1", "--format", "pdf"),
            "argumen --format: pilihan 'pdf' tidak ada (pilih: 'md', 'txt')",
        ),
        (("demo", "--pegawai", "banyak"), "argumen --pegawai: nilai 'banyak' tidak sah (harus bilangan bulat)"),
        (("--tanpa-ini",), "argumen tidak dikenal: --tanpa-ini"),
    ],
)
def test_argumen_salah_dijelaskan_dalam_bahasa_indonesia(args, pesan):
    r = jalankan(*args)
    assert r.returncode == 2 and "galat: " + pesan in r.stderr and "penggunaan:" in r.stderr


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "/tmp/x.db"],
        ["--db=/tmp/x.db"],
        ["--log-level", "DEBUG", "--db", "sqlite:///a b.db"],
        ["--db", "x.db", "--log-level=INFO"],
    ],
)
def test_argumen_aplikasi_dibaca_sama_dengan_parser_lengkap(argv):
    """The TUI's own options skip building the subcommands' parsers, and mean what the full parser says."""
    from sistemkerja_tui import cli

    assert cli._argumen_tui(argv) == cli._parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["demo"],
        ["--db"],
        ["--db", "--log-level", "DEBUG"],
        ["--log-level", "RAMAI"],
        ["--db", "a.db", "--db", "b.db"],
        ["--help"],
        ["--version"],
        ["--d", "a.db"],
        ["--db", "a.db", "profil"],
    ],
)
def test_argumen_lain_dibaca_parser_lengkap(argv):
    from sistemkerja_tui import cli

    assert cli._argumen_tui(argv) is None


def test_demo_mengisi_database_baru(db_url):
    r = jalankan("demo", "--pegawai", "600", "--db", db_url)
    assert r.returncode == 0, r.stderr
    assert "Pemda demo dibuat" in r.stdout
    assert sql(db_url, "SELECT COUNT(*) FROM pegawai")[0][0] >= 600


def test_demo_menolak_database_berisi_tanpa_mengubahnya(db_demo):
    sebelum = sidik(db_demo)
    r = jalankan("demo", "--db", db_demo)
    assert r.returncode == 2
    assert "sudah berisi" in r.stderr
    assert sidik(db_demo) == sebelum


@pytest.mark.sqlite
def test_demo_profil_tak_dikenal_tidak_menulis_apa_pun(tmp_path):
    db = tmp_path / "baru.db"
    r = jalankan("demo", "--profil", "atlantis", "--db", str(db))
    assert r.returncode == 2
    assert "profil 'atlantis' tidak dikenal" in r.stderr and "madiun" in r.stderr
    assert not db.exists()


@pytest.mark.sqlite
def test_demo_path_tak_dapat_ditulis(tmp_path):
    berkas = tmp_path / "bukan-folder"
    berkas.write_text("x")
    r = jalankan("demo", "--db", str(berkas / "db.sqlite"))
    assert r.returncode == 2
    assert "tidak dapat dibuat" in r.stderr


def test_demo_database_versi_lebih_baru_ditolak(db_demo):
    sql(db_demo, "UPDATE alembic_version SET version_num = '9999'")
    sebelum = sidik(db_demo)
    r = jalankan("demo", "--db", db_demo)
    assert r.returncode == 2
    assert "lebih baru" in r.stderr
    assert sidik(db_demo) == sebelum


@pytest.mark.parametrize(
    ("nip", "bagian"),
    [
        ("19670416 199303 1 015", None),
        ("1967041619930310", "18 angka"),
        ("19670231 199303 1 015", "Tanggal lahir"),
        ("19670416 199303 3 015", "jenis kelamin"),
    ],
)
def test_perintah_nip(nip, bagian):
    r = jalankan("nip", nip)
    if bagian is None:
        assert r.returncode == 0
        assert "16-04-1967" in r.stdout and "03/1993" in r.stdout and "Laki-laki" in r.stdout
    else:
        assert r.returncode == 2
        assert bagian in r.stderr


def test_perintah_profil_mendaftar_enam_profil():
    r = jalankan("profil")
    assert r.returncode == 0, r.stderr
    for nama in ("umum", "madiun", "luwu_utara", "klaten", "cilegon", "padang_panjang"):
        assert nama in r.stdout
