"""Daftar anomali (layanan.anomali, `sistemkerja laporan anomali`) on a demo Pemda with planted anomalies."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.bantu import sql
from tests.berkas_impor import tulis_xlsx

from sistemkerja_tui.cli import main
from sistemkerja_tui.layanan import anomali as A
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.mulai import buka_database


@pytest.fixture
def tanam(db_demo) -> dict[str, int]:
    """Plant one anomaly of each kind straight into the demo database; the ids involved."""
    (nip_salah,) = sql(db_demo, "SELECT id FROM pegawai WHERE jenis_jabatan = 'pelaksana' ORDER BY id LIMIT 1")[0]
    sql(db_demo, "UPDATE pegawai SET nip = ? WHERE id = ?", "198502302010012003", nip_salah)  # 30 February
    (jf,) = sql(db_demo, "SELECT id FROM pegawai WHERE jenis_jabatan = 'fungsional' ORDER BY id LIMIT 1")[0]
    sql(db_demo, "UPDATE pegawai SET nama_jabatan = 'Perawat' WHERE id = ?", jf)
    (unit,) = sql(db_demo, "SELECT id FROM unit_organisasi WHERE jenis = 'seksi' ORDER BY id LIMIT 1")[0]
    sql(db_demo, "UPDATE unit_organisasi SET pimpinan_id = NULL WHERE id = ?", unit)
    (instansi,) = sql(db_demo, "SELECT id FROM instansi WHERE NOT luar ORDER BY id LIMIT 1")[0]
    sql(
        db_demo,
        "INSERT INTO unit_organisasi (instansi_id, induk_id, nama, jenis, tingkat, kode, nama_jabatan_pimpinan, "
        "mandiri, urutan, aktif) VALUES (?, NULL, 'UPTD Terpencil', 'uptd', 0, 'TERPENCIL', '', ?, 9999, ?)",
        instansi,
        False,
        True,
    )
    (terpencil,) = sql(db_demo, "SELECT id FROM unit_organisasi WHERE kode = 'TERPENCIL'")[0]
    (yatim,) = sql(
        db_demo,
        "SELECT id FROM pegawai WHERE jenis_jabatan = 'pelaksana' AND id != ? AND id NOT IN "
        "(SELECT pimpinan_id FROM unit_organisasi WHERE pimpinan_id IS NOT NULL) ORDER BY id DESC LIMIT 1",
        nip_salah,
    )[0]
    sql(db_demo, "UPDATE pegawai SET unit_id = ? WHERE id = ?", terpencil, yatim)
    return {"nip_salah": nip_salah, "jf": jf, "unit": unit, "terpencil": terpencil, "yatim": yatim}


def _layanan(db):
    return buka_database(db, demo_jika_kosong=False).layanan


def test_anomali_tertanam_terdaftar(db_demo, tanam) -> None:
    layanan = _layanan(db_demo)
    try:
        hasil = layanan.anomali.daftar()
    finally:
        layanan.tutup()
    per_jenis: dict[str, list[A.Anomali]] = {}
    for a in hasil.anomali:
        per_jenis.setdefault(a.jenis, []).append(a)
    assert [a.pegawai_id for a in per_jenis[A.NIP_TIDAK_SAH]] == [tanam["nip_salah"]]
    assert "tanggal lahir" in per_jenis[A.NIP_TIDAK_SAH][0].keterangan
    assert [a.pegawai_id for a in per_jenis[A.JF_TANPA_JENJANG]] == [tanam["jf"]]
    assert {a.unit_id for a in per_jenis[A.UNIT_TANPA_PIMPINAN]} == {tanam["unit"], tanam["terpencil"]}
    assert [a.pegawai_id for a in per_jenis[A.PPK_TIDAK_DITEMUKAN]] == [tanam["yatim"]]
    assert per_jenis[A.PPK_TIDAK_DITEMUKAN][0].rujukan
    assert A.PPK_BERBEDA not in per_jenis  # no penilaian export given
    for a in hasil.anomali:
        assert "198502302010012003" not in a.keterangan + a.nama


def _penilaian(tmp_path: Path, db, *, xlsx: bool = False) -> tuple[Path, int, int]:
    """A penilaian export (title block, `;`) with one pegawai rated by the PPK derived here, one rated by someone
    else, and an unknown NIP; returns (file, the pegawai rated by someone else, their derived PPK)."""
    layanan = _layanan(db)
    try:
        baris = sql(db, "SELECT id, nip FROM pegawai WHERE jenis_jabatan = 'fungsional' ORDER BY id LIMIT 3 OFFSET 5")
        ppk = {pid: layanan.struktur.ppk_pegawai(pid).ppk for pid, _ in baris}
    finally:
        layanan.tutup()
    nip = dict(baris)
    (benar, _), (salah, _), (lain, _) = baris
    assert ppk[benar] and ppk[salah] and ppk[salah].pegawai_id != lain
    (nip_ppk_benar,) = sql(db, "SELECT nip FROM pegawai WHERE id = ?", ppk[benar].pegawai_id)[0]
    kepala = ["id", "nip", "nama", "skp_jabatan", "pegawai_atasan_nip", "hasil_akhir"]
    data = [
        ["1", f"'{nip[benar]}", "A", "Perawat", f"'{nip_ppk_benar}", "Baik"],
        ["2", nip[salah], "B", "Perawat", nip[lain], "Baik"],
        ["3", "199001012015011001", "C", "Perawat", "-", "Baik"],
    ]
    judul = [["PENILAIAN SKP TAHUNAN 2026"], ["Instansi Pemerintah Kabupaten Sukamaju"], []]
    if xlsx:
        berkas = tulis_xlsx(tmp_path / "penilaian.xlsx", [kepala, *data], judul=judul)
    else:
        berkas = tmp_path / "penilaian.csv"
        berkas.write_text("\n".join(";".join(r) for r in [*(j[:1] for j in judul), kepala, *data]), encoding="cp1252")
    return berkas, salah, lain


@pytest.mark.parametrize("xlsx", [False, True], ids=["csv-cp1252", "xlsx-judul"])
def test_penilaian_ekinerja_dibandingkan_dengan_ppk(db_demo, tmp_path, xlsx):
    berkas, salah, lain = _penilaian(tmp_path, db_demo, xlsx=xlsx)
    layanan = _layanan(db_demo)
    try:
        hasil = layanan.anomali.daftar(berkas)
    finally:
        layanan.tutup()
    assert hasil.dengan_penilaian and hasil.baris_penilaian == 3
    beda = [a for a in hasil.anomali if a.jenis == A.PPK_BERBEDA]
    assert [a.pegawai_id for a in beda] == [salah]
    (nama_lain,) = sql(db_demo, "SELECT nama FROM pegawai WHERE id = ?", lain)[0]
    assert nama_lain in beda[0].keterangan and "menurut peraturan" in beda[0].keterangan and beda[0].rujukan
    assert [a.nama for a in hasil.anomali if a.jenis == A.TIDAK_DIKENAL] == ["baris data ke-3"]


def test_berkas_bukan_penilaian_ditolak(db_demo, tmp_path):
    berkas = tmp_path / "lain.csv"
    berkas.write_text("nip,nama\n1,A\n", encoding="utf-8")
    layanan = _layanan(db_demo)
    try:
        with pytest.raises(Ditolak, match="pegawai_atasan_nip"):  # a pegawai list, not a penilaian export
            layanan.anomali.daftar(berkas)
    finally:
        layanan.tutup()


def test_cli_laporan_anomali(db_demo, tanam, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # rich wraps the cells to the terminal's width
    berkas, _, _ = _penilaian(tmp_path, db_demo)
    assert main(["laporan", "anomali", "--db", db_demo, "--penilaian", str(berkas)]) == 0
    keluar = capsys.readouterr().out
    for judul in (A.NIP_TIDAK_SAH, A.UNIT_TANPA_PIMPINAN, A.PPK_TIDAK_DITEMUKAN, A.PPK_BERBEDA):
        assert judul in keluar
    assert "UPTD Terpencil" in keluar and "dibandingkan dengan 3 baris penilaian" in keluar
    assert "198502302010012003" not in keluar and "199001012015011001" not in keluar


def test_cli_berkas_penilaian_tidak_ada(db_demo, tmp_path, capsys):
    assert main(["laporan", "anomali", "--db", db_demo, "--penilaian", str(tmp_path / "tidak-ada.csv")]) == 2
    assert "tidak ditemukan. Periksa lokasi" in capsys.readouterr().err
