"""Letters and structure through `store.kueri`: a letter that cannot be written is neither numbered nor
registered, the letter decides on a locked request status, letters and the demo are audited, and the use
cases hold no SQL."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.bantu import sql as _sql
from tests.bantu import surat_permohonan

import sistemkerja_tui
from sistemkerja_tui.aturan import enums
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.surat import JenisSurat

AKAR = Path(sistemkerja_tui.__file__).parent


def _surat_dan_nomor(db) -> tuple[list, list]:
    return (_sql(db, "SELECT * FROM surat ORDER BY id"), _sql(db, "SELECT * FROM penomoran_surat ORDER BY 1, 2, 3"))


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TEXTUAL_ANIMATION": "none"}
    return subprocess.run(
        [sys.executable, "-m", "sistemkerja_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


# --- a letter whose export fails is neither registered nor numbered ------------------------------------


@pytest.mark.parametrize("tempat", ["di_bawah_berkas", "berkas", "tidak_ada"])
def test_cli_surat_ke_folder_tak_terpakai_tanpa_nomor(layanan, tim, db_demo, tmp_path, tempat):
    berkas = tmp_path / "berkas.txt"
    berkas.write_text("bukan folder")
    folder = {"di_bawah_berkas": berkas / "keluar", "berkas": berkas, "tidak_ada": tmp_path / "belum" / "ada"}[tempat]
    sebelum = _surat_dan_nomor(db_demo)
    r = _cli("surat", "buat", "--jenis", "surat_tugas", "--tim", str(tim), "--keluaran", str(folder), "--db", db_demo)
    assert r.returncode == 2, r.stderr
    assert str(folder) in r.stderr and "Folder keluaran" in r.stderr and "Traceback" not in r.stderr
    if tempat != "tidak_ada":
        assert f"{berkas} adalah berkas, bukan folder" in r.stderr
    assert r.stdout == ""
    assert _surat_dan_nomor(db_demo) == sebelum
    assert berkas.read_text() == "bukan folder" and not (tmp_path / "belum").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root menulis ke folder mana pun")
def test_cli_surat_ke_folder_tak_dapat_ditulisi_tanpa_nomor(layanan, tim, db_demo, tmp_path):
    folder = tmp_path / "terkunci"
    folder.mkdir()
    folder.chmod(0o500)
    sebelum = _surat_dan_nomor(db_demo)
    try:
        r = _cli(
            "surat", "buat", "--jenis", "surat_tugas", "--tim", str(tim), "--keluaran", str(folder), "--db", db_demo
        )
    finally:
        folder.chmod(0o700)
    assert r.returncode == 2 and f"Folder keluaran {folder} tidak dapat ditulisi" in r.stderr
    assert _surat_dan_nomor(db_demo) == sebelum and list(folder.iterdir()) == []


def test_cli_surat_ditulis_bernomor_dan_terdaftar(layanan, tim, db_demo, tmp_path):
    r = _cli("surat", "buat", "--jenis", "surat_tugas", "--tim", str(tim), "--keluaran", str(tmp_path), "--db", db_demo)
    assert r.returncode == 0, r.stderr
    berkas = Path(r.stdout.strip())
    ((nomor, isi),) = _sql(db_demo, "SELECT nomor, isi FROM surat")
    assert berkas.parent == tmp_path and berkas.read_text() == isi
    assert _sql(db_demo, "SELECT terakhir FROM penomoran_surat") == [(1,)] and nomor.startswith("800/1/")


def test_tulis_gagal_dalam_transaksi_mengembalikan_nomor(layanan, tim, db_demo, tmp_path, monkeypatch):
    """The folder passes the check, then the disk fills up while writing: the number is given back."""

    def penuh(*_a, **_k):
        raise OSError(28, "No space left on device")

    sebelum = _surat_dan_nomor(db_demo)
    monkeypatch.setattr(os, "replace", penuh)
    with pytest.raises(Ditolak, match=re.escape(str(tmp_path))):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, tanggal=date(2026, 1, 5), folder=tmp_path)
    assert _surat_dan_nomor(db_demo) == sebelum
    assert list(tmp_path.glob("surat_tugas_*")) == [] and list(tmp_path.glob(".*.tmp")) == []
    assert _sql(db_demo, "SELECT COUNT(*) FROM riwayat WHERE aksi = 'surat_dibuat'") == [(0,)]
    monkeypatch.undo()
    hasil = layanan.surat.buat(
        JenisSurat.SURAT_TUGAS, tim_id=tim, tanggal=date(2026, 1, 5), folder=tmp_path, format="md"
    )
    assert hasil.nomor.startswith("800/1/") and hasil.berkas.parent == tmp_path and hasil.berkas.suffix == ".md"


def test_surat_memutuskan_atas_status_permohonan_terkini(layanan, tim, db_demo, monkeypatch):
    """Another process cancels the request while the letter is being put together: refused, no number."""
    pid = _sql(db_demo, "SELECT id FROM permohonan WHERE status = 'diajukan' ORDER BY id LIMIT 1")[0][0]
    penerima = _sql(db_demo, "SELECT penerima_id FROM permohonan WHERE id = ?", pid)[0][0]
    surat_permohonan(layanan, db_demo, pid)  # the request letter the refusal cites
    layanan.penugasan.tolak(pid, "Sedang menyelesaikan audit reguler", oleh_id=penerima)
    layanan.pengguna.tetapkan(penerima)
    asli = layanan.surat._dari_permohonan

    def lalu_dibatalkan(*args):
        terbit = asli(*args)
        _sql(db_demo, "UPDATE permohonan SET status = ? WHERE id = ?", enums.StatusPermohonan.DIBATALKAN.value, pid)
        return terbit

    monkeypatch.setattr(layanan.surat, "_dari_permohonan", lalu_dibatalkan)
    sebelum = _surat_dan_nomor(db_demo)
    with pytest.raises(Ditolak, match="Surat penolakan hanya untuk permohonan yang ditolak"):
        layanan.surat.buat(JenisSurat.PENOLAKAN, permohonan_id=pid)
    assert _surat_dan_nomor(db_demo) == sebelum


# --- one audit writer ----------------------------------------------------------------------------------------


def _riwayat(db, aksi: str) -> list[tuple]:
    return _sql(
        db, "SELECT pelaku_id, pelaku, entitas, entitas_id, rincian FROM riwayat WHERE aksi = ? ORDER BY id", aksi
    )


def _tanpa_nip(rincian: str) -> None:
    assert not re.search(r"\d{18}", rincian), rincian


def test_surat_dicatat_di_riwayat_atas_nama_penandatangan(layanan, tim, db_demo):
    hasil = layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim, tanggal=date(2026, 1, 5))
    ((pelaku_id, pelaku, entitas, entitas_id, rincian),) = _riwayat(db_demo, "surat_dibuat")
    pengguna = layanan.pengguna.sekarang()
    assert (pelaku_id, entitas, entitas_id) == (pengguna.pegawai_id, "surat", hasil.surat_id)
    assert pelaku == pengguna.nama
    assert json.loads(rincian) == {"jenis": "keputusan_tim", "nomor": hasil.nomor, "sumber": "tim", "sumber_id": tim}
    _tanpa_nip(rincian)


def test_demo_satu_baris_riwayat_ringkasan_tanpa_data_pribadi(db_demo):
    ((pelaku_id, pelaku, entitas, entitas_id, rincian),) = _riwayat(db_demo, "demo_dibuat")
    assert (pelaku_id, pelaku, entitas) == (None, "", "instansi")
    assert entitas_id == _sql(db_demo, "SELECT id FROM instansi WHERE NOT luar")[0][0]
    isi = json.loads(rincian)
    assert isi["pegawai"] == _sql(db_demo, "SELECT COUNT(*) FROM pegawai")[0][0]
    assert set(isi) == {
        "profil",
        "benih",
        "instansi",
        "unit",
        "pegawai",
        "tim",
        "kegiatan",
        "keanggotaan",
        "permohonan",
    }
    _tanpa_nip(rincian)


def test_urutan_jabatan_dari_enum(layanan):
    """Leaders first, then by kind of jabatan from JPT Pratama down to Pelaksana, then by name."""
    unit = next(u for u in layanan.struktur.unit_akar(layanan.struktur.instansi[0].id) if u.anak)
    halaman = layanan.struktur.halaman_pegawai(unit.id, termasuk_sub=True, per_halaman=200)
    urut = {j.label: i for i, j in enumerate(sorted(enums.JenisJabatan, reverse=True))}
    detail = [layanan.struktur.detail_pegawai(b.id).jenis_jabatan for b in halaman.baris]
    assert [urut[d] for d in detail] == sorted(urut[d] for d in detail)
    assert len(set(detail)) >= 3
