"""`sistemkerja impor unit|pegawai`: end to end on generated files (fictional people), exit codes, nothing written
on a refusal or a preview."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.bantu import sidik, sql
from tests.berkas_impor import pegawai_fiktif, tabel_unit, tulis_csv, tulis_siasn_csv, ubah, unit_fiktif

UNIT = unit_fiktif()
NAMA_UNIT = {u.id: u.nama for u in UNIT}


def jalankan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sistemkerja_tui", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture
def db_instansi(db_url) -> str:
    """A database holding only the instansi, made by `sistemkerja init`."""
    r = jalankan("init", "--instansi", "Pemerintah Kabupaten Fiktif", "--jenis", "kabupaten", "--profil", "umum",
                 "--db", db_url)  # fmt: skip
    assert r.returncode == 0, r.stderr
    return db_url


@pytest.fixture
def db_unit(db_instansi, tmp_path) -> str:
    """The instansi with its unit tree imported through the CLI."""
    unor = tulis_csv(tmp_path / "unor.csv", tabel_unit(UNIT))
    r = jalankan("impor", "unit", str(unor), "--db", db_instansi)
    assert r.returncode == 0, r.stderr
    assert f"{len(UNIT)} baru" in r.stdout
    return db_instansi


def test_impor_unit_pratinjau_tidak_menulis(db_instansi, tmp_path):
    unor = tulis_csv(tmp_path / "unor.csv", tabel_unit(UNIT))
    sebelum = sidik(db_instansi)
    r = jalankan("impor", "unit", str(unor), "--pratinjau", "--db", db_instansi)
    assert r.returncode == 0, r.stderr
    assert f"{len(UNIT)} baru" in r.stdout and "Pemetaan kolom" in r.stdout
    assert sidik(db_instansi) == sebelum


def test_impor_pegawai_siasn_ujung_ke_ujung(db_unit, tmp_path):
    pegawai = pegawai_fiktif(40, NAMA_UNIT, seed=3)
    berkas = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai)
    laporan = tmp_path / "laporan.md"
    r = jalankan("impor", "pegawai", str(berkas), "--laporan", str(laporan), "--db", db_unit)
    assert r.returncode == 0, r.stderr
    assert "Selesai: 40 baru" in r.stdout
    assert sql(db_unit, "SELECT COUNT(*) FROM pegawai WHERE aktif") == [(40,)]
    assert sql(db_unit, "SELECT COUNT(*) FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id "
               "WHERE u.sumber_id IS NOT NULL") == [(40,)]  # fmt: skip
    assert "40 baru" in laporan.read_text(encoding="utf-8")
    assert not any(p.nip in r.stdout + r.stderr for p in pegawai)  # NIPs are never printed

    # a re-import: one mutasi, one golongan change, one pensiun (a full import)
    pns = [i for i, p in enumerate(pegawai) if p.status_asn.value == "pns"]
    tujuan = next(u for u in UNIT if u.id != pegawai[pns[0]].unor_id)
    baru = list(pegawai)
    baru[pns[0]] = ubah(pegawai[pns[0]], unor_id=tujuan.id, unor_nama=tujuan.nama)
    baru[pns[1]] = ubah(pegawai[pns[1]], golongan="IV/b" if pegawai[pns[1]].golongan != "IV/b" else "IV/c")
    del baru[pns[2]]
    ulang = tulis_siasn_csv(tmp_path / "siasn-2.csv", baru)
    r = jalankan("impor", "pegawai", str(ulang), "--penuh", "--pratinjau", "--db", db_unit)
    assert r.returncode == 0, r.stderr
    assert "2 diubah" in r.stdout and "1 tidak ada di berkas" in r.stdout
    r = jalankan("impor", "pegawai", str(ulang), "--penuh", "--db", db_unit)
    assert r.returncode == 0, r.stderr
    assert "Selesai: 0 baru, 2 diubah, 37 tetap, 1 dinonaktifkan" in r.stdout
    assert sql(db_unit, "SELECT aktif FROM pegawai WHERE nip = ?", pegawai[pns[2]].nip) == [(0,)]
    assert sql(db_unit, "SELECT u.sumber_id FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id "
               "WHERE p.nip = ?", pegawai[pns[0]].nip) == [(tujuan.id,)]  # fmt: skip


def test_baris_ditolak_keluar_1_tanpa_menulis_lalu_lewati_galat(db_unit, tmp_path):
    pegawai = pegawai_fiktif(10, NAMA_UNIT, seed=4)
    berkas = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai, ganti={3: {"NIP BARU": "1.97803E+17"}})
    sebelum = sidik(db_unit)
    r = jalankan("impor", "pegawai", str(berkas), "--db", db_unit)
    assert r.returncode == 1
    assert "baris 5" in r.stderr and "--lewati-galat" in r.stderr and "Traceback" not in r.stderr
    assert sidik(db_unit) == sebelum
    r = jalankan("impor", "pegawai", str(berkas), "--lewati-galat", "--db", db_unit)
    assert r.returncode == 0, r.stderr
    assert sql(db_unit, "SELECT COUNT(*) FROM pegawai") == [(9,)]


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (("tidak-ada.csv",), "tidak ditemukan"),
        (("{berkas}", "--laporan", "hasil.pdf"), ".md atau .csv"),
    ],
)
def test_galat_berkas_keluar_2(db_unit, tmp_path, args, pesan):
    berkas = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai_fiktif(2, NAMA_UNIT))
    sebelum = sidik(db_unit)
    r = jalankan("impor", "pegawai", *(a.format(berkas=berkas) for a in args), "--db", db_unit)
    assert r.returncode == 2 and pesan in r.stderr and "Traceback" not in r.stderr
    assert sidik(db_unit) == sebelum


def test_kolom_wajib_hilang_keluar_2(db_unit, tmp_path):
    from tests.berkas_impor import SIASN_KOLOM

    kolom = [k for k in SIASN_KOLOM if k != "NIP BARU"]
    berkas = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai_fiktif(2, NAMA_UNIT), kolom=kolom)
    r = jalankan("impor", "pegawai", str(berkas), "--db", db_unit)
    assert r.returncode == 2 and "Kolom NIP tidak ditemukan" in r.stderr and "NIP BARU" in r.stderr


def test_tanpa_instansi_keluar_2_dengan_saran(db_url, tmp_path):
    from sistemkerja_tui.store.db import siapkan_database

    siapkan_database(db_url).dispose()
    berkas = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai_fiktif(2, NAMA_UNIT))
    r = jalankan("impor", "pegawai", str(berkas), "--db", db_url)
    assert r.returncode == 2 and "sistemkerja init" in r.stderr


def test_init_lalu_impor_pegawai_membuat_unitnya(db_instansi, tmp_path):
    """The first-run path: `init`, then the SIASN file alone; its UNOR ID/UNOR NAMA become units."""
    berkas = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai_fiktif(21, NAMA_UNIT))
    r = jalankan("impor", "pegawai", str(berkas), "--db", db_instansi)
    assert r.returncode == 0, r.stderr
    assert f"{len(UNIT)} unit baru dari berkas" in r.stdout
    assert sql(db_instansi, "SELECT COUNT(*) FROM unit_organisasi WHERE sumber_id IS NOT NULL") == [(len(UNIT),)]
    assert sql(db_instansi, "SELECT COUNT(*) FROM pegawai") == [(21,)]
    # the unit file afterwards gives the tree to the same units (matched by UNOR ID)
    unor = tulis_csv(tmp_path / "unor.csv", tabel_unit(UNIT))
    r = jalankan("impor", "unit", str(unor), "--db", db_instansi)
    assert r.returncode == 0, r.stderr
    assert "0 baru" in r.stdout
    assert sql(db_instansi, "SELECT COUNT(*) FROM unit_organisasi WHERE induk_id IS NOT NULL") == [(len(UNIT) - 1,)]


def test_pegawai_tanpa_unit_yang_dapat_dibuat_keluar_1(db_instansi, tmp_path):
    pegawai = [ubah(p, unor_id="X1", unor_nama="Tim Entah Apa") for p in pegawai_fiktif(3, NAMA_UNIT)]
    berkas = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai)
    sebelum = sidik(db_instansi)
    r = jalankan("impor", "pegawai", str(berkas), "--db", db_instansi)
    assert r.returncode == 1 and "impor berkas unit dulu" in r.stdout + r.stderr
    assert sidik(db_instansi) == sebelum


def test_bantuan_impor(tmp_path: Path):
    r = jalankan("impor", "pegawai", "--help")
    assert r.returncode == 0
    for kata in ("--pratinjau", "--lewati-galat", "--penuh", "--laporan", "--db"):
        assert kata in r.stdout
