"""Mode "bersama" (issue 13, 3): accounts made by an administrator, argon2id hashes, a temporary password changed
at the first login, failed logins delayed and audited, and a logged-in instance that can act only as its own
account — refused in `layanan`/`store`, not only on screen, with nothing written."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from tests.bantu import data_tim, sidik, sql

from sistemkerja_tui.aturan.enums import ModeKerja
from sistemkerja_tui.aturan.nip import kelompokkan_nip
from sistemkerja_tui.aturan.sandi import periksa_sandi, sandi_sementara
from sistemkerja_tui.layanan.galat import DatabaseError, Ditolak

SANDI_BARU = "Kenanga-Merah-2026"


def _dua_pimpinan(layanan) -> tuple:
    calon = layanan.pengguna.calon()
    return calon[0], calon[1]


def _nip(db, pegawai_id: int) -> str:
    return sql(db, "SELECT nip FROM pegawai WHERE id = ?", pegawai_id)[0][0]


@pytest.fixture
def bersama(layanan, db_demo):
    """The demo in mode bersama, with an administrator account; failed-login delays recorded, not slept."""
    a, _ = _dua_pimpinan(layanan)
    layanan.akun.buat(_nip(db_demo, a.pegawai_id), admin=True)
    layanan.akun.tetapkan_mode(ModeKerja.BERSAMA)
    jeda: list[float] = []
    layanan.akun.tunda = jeda.append
    return layanan, jeda


def test_kata_sandi_disimpan_sebagai_hash_argon2id(layanan, db_demo):
    a, _ = _dua_pimpinan(layanan)
    sementara = layanan.akun.buat(_nip(db_demo, a.pegawai_id))
    ((tersimpan, harus_ganti),) = sql(db_demo, "SELECT sandi, harus_ganti FROM akun")
    assert tersimpan.startswith("$argon2id$") and sementara not in tersimpan
    assert harus_ganti


def test_masuk_pertama_wajib_ganti_sandi_lalu_masuk_dengan_sandi_baru(bersama, db_demo):
    layanan, _ = bersama
    _, b = _dua_pimpinan(layanan)
    nip = _nip(db_demo, b.pegawai_id)
    sementara = layanan.akun.buat(nip)
    sesi = layanan.akun.masuk(nip, sementara)
    assert sesi.harus_ganti and sesi.pegawai_id == b.pegawai_id
    assert layanan.pengguna.sekarang().pegawai_id == b.pegawai_id  # the logged-in head is the instance's user
    with pytest.raises(Ditolak, match="minimal 10 karakter"):
        layanan.akun.ganti_sandi(sementara, "pendek", "pendek")
    with pytest.raises(Ditolak, match="tidak sama"):
        layanan.akun.ganti_sandi(sementara, SANDI_BARU, SANDI_BARU + "x")
    assert not layanan.akun.ganti_sandi(sementara, SANDI_BARU, SANDI_BARU).harus_ganti
    layanan.akun.keluar()
    assert layanan.pengguna.sekarang() is None
    with pytest.raises(Ditolak, match="NIP atau kata sandi salah"):
        layanan.akun.masuk(nip, sementara)  # the temporary one no longer opens it
    assert not layanan.akun.masuk(" ".join([nip[:8], nip[8:14], nip[14], nip[15:]]), SANDI_BARU).harus_ganti


def test_gagal_masuk_ditunda_makin_lama_dan_diaudit(bersama, db_demo):
    layanan, jeda = bersama
    a, _ = _dua_pimpinan(layanan)
    nip = _nip(db_demo, a.pegawai_id)
    for _ in range(5):
        with pytest.raises(Ditolak, match=r"^NIP atau kata sandi salah\.$"):
            layanan.akun.masuk(nip, "bukan-sandinya")
    with pytest.raises(Ditolak, match=r"^NIP atau kata sandi salah\.$"):  # an unknown NIP reads the same
        layanan.akun.masuk("199001012020121001", "apa saja")
    assert jeda == [1.0, 2.0, 4.0, 8.0, 8.0, 1.0]
    gagal = sql(db_demo, "SELECT rincian FROM riwayat WHERE aksi = 'masuk_gagal' ORDER BY id")
    assert len(gagal) == 6 and all("bukan-sandinya" not in r for (r,) in gagal)
    assert sql(db_demo, "SELECT gagal FROM akun") == [(5,)]


def test_instans_yang_masuk_tidak_dapat_bertindak_atas_nama_orang_lain(bersama, db_demo):
    layanan, _ = bersama
    a, b = _dua_pimpinan(layanan)
    nip_b = _nip(db_demo, b.pegawai_id)
    layanan.akun.masuk(nip_b, layanan.akun.buat(nip_b))
    sebelum = sidik(db_demo)
    with pytest.raises(DatabaseError, match="atas nama pegawai lain"):
        layanan.tim.bentuk_tim(data_tim(a.unit_id), oleh_id=a.pegawai_id)  # as A, while B is logged in
    with pytest.raises(Ditolak, match="mode bersama"):
        layanan.pengguna.tetapkan(a.pegawai_id)  # no switching to another head
    assert sidik(db_demo) == sebelum  # nothing written
    layanan.tim.bentuk_tim(data_tim(b.unit_id), oleh_id=b.pegawai_id)  # in their own name it goes through


def test_mode_bersama_perlu_administrator(layanan, db_demo):
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match="akun administrator"):
        layanan.akun.tetapkan_mode(ModeKerja.BERSAMA)
    assert sidik(db_demo) == sebelum and layanan.akun.mode() is ModeKerja.SENDIRI


def test_akun_untuk_nip_tak_dikenal_ditolak_tanpa_menulis(layanan, db_demo):
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match="tidak ada pegawai dengan NIP ini"):
        layanan.akun.buat("199001012020121001")
    with pytest.raises(Ditolak, match="belum ada akunnya"):
        layanan.akun.reset("199001012020121001")
    assert sidik(db_demo) == sebelum


def test_aturan_kata_sandi():
    nip = "196704161993031015"
    assert periksa_sandi("Kenanga-Merah-2026", nip=nip) is None
    assert "NIP" in periksa_sandi(f"x{nip}y", nip=nip)
    assert "berbeda" in periksa_sandi("Kenanga-Merah-2026", nip=nip, lama="Kenanga-Merah-2026")
    assert "mudah ditebak" in periksa_sandi("aaaaaaaaaaaa", nip=nip)
    s = sandi_sementara()
    assert len(s) == 14 and s.count("-") == 2 and periksa_sandi(s, nip=nip) is None


def test_cli_akun_buat_daftar_dan_mode(db_demo):
    ((nip,),) = sql(db_demo, "SELECT p.nip FROM unit_organisasi u JOIN pegawai p ON p.id = u.pimpinan_id LIMIT 1")

    def cli(*argumen: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sistemkerja_tui", "--db", db_demo, "akun", *argumen],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "COLUMNS": "200"},
        )

    ditolak = cli("mode", "bersama")
    assert ditolak.returncode == 2 and "akun administrator" in ditolak.stderr
    dibuat = cli("buat", "--nip", nip, "--admin")
    assert dibuat.returncode == 0 and "Kata sandi sementara: " in dibuat.stdout
    sementara = dibuat.stdout.split("Kata sandi sementara: ")[1].split()[0]
    assert cli("mode", "bersama").stdout.strip() == "Mode: Bersama (akun per pimpinan)"
    daftar = cli("daftar")
    assert daftar.returncode == 0 and kelompokkan_nip(nip) in daftar.stdout and "administrator" in daftar.stdout
    assert sementara not in daftar.stdout and "argon2" not in daftar.stdout
    dua_kali = cli("buat", "--nip", nip)
    assert dua_kali.returncode == 2 and "sudah ada" in dua_kali.stderr and "Traceback" not in dua_kali.stderr


def test_hanya_administrator_mengubah_struktur(bersama, db_demo):
    layanan, _ = bersama
    admin, kepala = _dua_pimpinan(layanan)
    nip_kepala = _nip(db_demo, kepala.pegawai_id)
    layanan.akun.masuk(nip_kepala, layanan.akun.buat(nip_kepala))  # a unit head, not an administrator
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match="hanya dapat dilakukan administrator"):
        layanan.ubah_struktur.ganti_nama_unit(kepala.unit_id, "Unit Baru", oleh_id=kepala.pegawai_id)
    assert sidik(db_demo) == sebelum
    nip_admin = _nip(db_demo, admin.pegawai_id)
    layanan.akun.masuk(nip_admin, layanan.akun.reset(nip_admin))
    layanan.ubah_struktur.ganti_nama_unit(kepala.unit_id, "Unit Baru", oleh_id=admin.pegawai_id)
    assert sql(db_demo, "SELECT nama FROM unit_organisasi WHERE id = ?", kepala.unit_id) == [("Unit Baru",)]


def test_langkah_oleh_yang_bukan_pihak_alur_ditolak(bersama, db_demo):
    layanan, _ = bersama
    permohonan, penerima = sql(
        db_demo,
        "SELECT id, penerima_id FROM permohonan WHERE status = 'diajukan' AND penerima_id IS NOT NULL ORDER BY id",
    )[0]
    luar = next(p for p in layanan.pengguna.calon() if p.pegawai_id != penerima)
    nip = _nip(db_demo, luar.pegawai_id)
    layanan.akun.masuk(nip, layanan.akun.buat(nip))  # logged in, but not the party this step awaits
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak):
        layanan.penugasan.setujui(permohonan, oleh_id=luar.pegawai_id)
    with pytest.raises(DatabaseError, match="atas nama pegawai lain"):
        layanan.penugasan.setujui(permohonan, oleh_id=penerima)  # nor in the awaited head's name
    assert sidik(db_demo) == sebelum
