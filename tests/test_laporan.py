"""Laporan pemantauan semesteran (Perwal Madiun 73/2023 Pasal 49) and the MPPH matrix."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.bantu import sql as _sql

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.laporan import BARIS_KEPALA_XLSX, LayananLaporan, periode_semester
from sistemkerja_tui.layanan.mulai import buka_database

S1 = (date(2026, 1, 1), date(2026, 6, 30))
S2 = (date(2026, 7, 1), date(2026, 12, 31))


def _subpohon(path: str, unit_id: int) -> list[int]:
    hasil, tumpuk = [], [unit_id]
    while tumpuk:
        i = tumpuk.pop()
        hasil.append(i)
        tumpuk += [r[0] for r in _sql(path, "SELECT id FROM unit_organisasi WHERE induk_id = ?", i)]
    return hasil


def _in(ids) -> str:
    return "(" + ",".join(str(int(i)) for i in ids) + ")"


@pytest.fixture
def data(db_demo):
    """The demo plus a returned kegiatan, a kendala note, a penilaian and an individual kegiatan in DISKOMINFO."""
    unit_id = _sql(
        db_demo,
        "SELECT u.id FROM unit_organisasi u JOIN instansi i ON i.id = u.instansi_id "
        "WHERE u.kode = 'DISKOMINFO' AND NOT i.luar",
    )[0][0]
    sub = _subpohon(db_demo, unit_id)
    tim_id, tim_nama = _sql(db_demo, f"SELECT id, nama FROM tim_kerja WHERE unit_id IN {_in(sub)} ORDER BY id")[0]
    ketua_kang, ketua_id, ketua_nama = _sql(
        db_demo,
        "SELECT a.id, p.id, p.nama FROM keanggotaan a JOIN pegawai p ON p.id = a.pegawai_id "
        "WHERE a.tim_id = ? AND a.peran = 'ketua'",
        tim_id,
    )[0]
    keg_id = _sql(db_demo, "SELECT id FROM kegiatan WHERE tim_id = ? ORDER BY id", tim_id)[0][0]
    pelaksana_id, pelaksana_nama = _sql(
        db_demo,
        f"SELECT id, nama FROM pegawai WHERE aktif AND unit_id IN {_in(sub)} AND jenis_jabatan = 'pelaksana' "
        "AND id NOT IN (SELECT pegawai_id FROM keanggotaan) ORDER BY id",
    )[0]
    _sql(
        db_demo,
        "INSERT INTO riwayat_tahap (kegiatan_id, dari_tahap, ke_tahap, sub_tahap, oleh_id, alasan, waktu) "
        "VALUES (?, 'evaluasi', 'pelaksanaan', '', ?, 'Data belum lengkap | perlu verifikasi', "
        "'2026-03-05 09:30:00')",
        keg_id,
        ketua_id,
    )
    _sql(
        db_demo,
        "INSERT INTO riwayat_tahap (kegiatan_id, dari_tahap, ke_tahap, sub_tahap, oleh_id, alasan, waktu) "
        "VALUES (?, 'evaluasi', 'pelaksanaan', '', ?, 'Di luar periode', '2026-08-05 09:30:00')",
        keg_id,
        ketua_id,
    )
    _sql(
        db_demo,
        "INSERT INTO catatan (kegiatan_id, jenis, isi, rekomendasi, progres, penulis_id, dibuat) "
        "VALUES (?, 'kendala', 'Server sering mati', 'Pindah ke pusat data', NULL, ?, '2026-04-01 10:00:00')",
        keg_id,
        ketua_id,
    )
    _sql(
        db_demo,
        "INSERT INTO penilaian_anggota (keanggotaan_id, penilai_id, predikat, catatan, periode_mulai, "
        "periode_selesai, dibuat) VALUES (?, ?, 'di_atas', '', '2026-01-01', '2026-06-30', "
        "'2026-06-30 10:00:00')",
        ketua_kang,
        ketua_id,
    )
    _sql(
        db_demo,
        "INSERT INTO kegiatan (unit_id, tim_id, pegawai_id, judul, indikator, target, satuan, "
        "rencana_anggaran, perjanjian_kinerja, mulai, tenggat, tahap, sub_tahap, progres, ceklis, dibuat) "
        "VALUES (?, NULL, ?, 'Arsip digital surat masuk', '', '', '', NULL, '', '2026-02-01', '2026-03-31', "
        "'pelaksanaan', '', 40, '[]', '2026-02-01 08:00:00')",
        unit_id,
        pelaksana_id,
    )
    return {
        "db": db_demo,
        "unit_id": unit_id,
        "sub": sub,
        "tim_id": tim_id,
        "tim_nama": tim_nama,
        "ketua_nama": ketua_nama,
        "pelaksana_nama": pelaksana_nama,
    }


@pytest.fixture
def laporan(data):
    layanan = buka_database(data["db"], demo_jika_kosong=False).layanan
    yield LayananLaporan(layanan)
    layanan.tutup()


@pytest.fixture
def keluar(tmp_path) -> Path:
    """An empty output folder (tmp_path itself holds the demo database)."""
    folder = tmp_path / "keluaran"
    folder.mkdir()
    return folder


def _tabel(md: str, bagian: str) -> list[list[str]]:
    """Rows (without header) of the first table after heading `bagian`."""
    isi = md.split(f"## {bagian}", 1)[1].split("\n## ", 1)[0]
    baris = [b for b in isi.splitlines() if b.startswith("|")]
    return [[s.strip() for s in re.split(r"(?<!\\)\|", b)[1:-1]] for b in baris[2:]]


def test_semester():
    assert periode_semester("2026-1") == S1
    assert periode_semester("2026-2") == S2
    assert periode_semester(" 2025/2 ") == (date(2025, 7, 1), date(2025, 12, 31))
    for salah in ("2026", "2026-3", "26-1", "", "2026-1x"):
        with pytest.raises(ValueError, match="semester"):
            periode_semester(salah)


def test_pemantauan_bagian_dan_angka(laporan, data):
    md = laporan.pemantauan(data["unit_id"], *S1)
    assert md.startswith("# Laporan Pemantauan dan Evaluasi Sistem Kerja — Dinas Komunikasi dan Informatika")
    assert "Perwal Madiun 73/2023 Pasal 49" in md
    assert "Semester I Tahun 2026" in md
    for bagian in (
        "1. Kegiatan per Tahap",
        "2. Kegiatan Melewati Tenggat",
        "3. Kegiatan Dikembalikan",
        "4. Tim Kerja Aktif",
        "5. Beban Kerja",
        "6. Kendala dan Rekomendasi",
        "7. Penilaian Anggota Tim",
    ):
        assert f"## {bagian}" in md

    sub, db = _in(data["sub"]), data["db"]
    per_tahap = dict(
        _sql(
            db,
            f"SELECT tahap, COUNT(*) FROM kegiatan WHERE unit_id IN {sub} "
            "AND (mulai IS NULL OR mulai <= '2026-06-30') AND (tenggat IS NULL OR tenggat >= '2026-01-01') "
            "GROUP BY tahap",
        )
    )
    tabel = {r[0]: int(r[1]) for r in _tabel(md, "1. Kegiatan per Tahap")}
    assert tabel["Pelaksanaan"] == per_tahap.get("pelaksanaan", 0)
    assert tabel["Evaluasi"] == per_tahap.get("evaluasi", 0)
    assert tabel["Jumlah"] == sum(per_tahap.values())

    lewat = _sql(
        db, f"SELECT judul FROM kegiatan WHERE unit_id IN {sub} AND tenggat <= '2026-06-30' AND tahap != 'selesai'"
    )
    rows = _tabel(md, "2. Kegiatan Melewati Tenggat")
    assert sorted(r[1] for r in rows) == sorted(j for (j,) in lewat)
    assert any(r[1] == "Arsip digital surat masuk" and r[2].startswith(data["pelaksana_nama"]) for r in rows)

    kembali = _tabel(md, "3. Kegiatan Dikembalikan")
    assert len(kembali) == 1  # the August return lies outside semester I
    assert kembali[0][1] == "5 Maret 2026" and "Data belum lengkap" in kembali[0][4]

    tim = _tabel(md, "4. Tim Kerja Aktif")
    jumlah_tim = _sql(db, f"SELECT COUNT(*) FROM tim_kerja WHERE unit_id IN {sub} AND status = 'aktif'")[0][0]
    assert len(tim) == jumlah_tim
    baris_tim = next(r for r in tim if r[1] == data["tim_nama"])
    assert baris_tim[2].startswith(data["ketua_nama"])
    anggota = _sql(
        db,
        "SELECT COUNT(*) FROM keanggotaan WHERE tim_id = ? AND status = 'aktif' AND peran = 'anggota'",
        data["tim_id"],
    )[0][0]
    assert int(baris_tim[3]) == anggota

    beban = laporan.layanan.tim.beban_kerja(data["unit_id"])
    assert f"{beban.rata_rata:.2f}".replace(".", ",") in md

    kendala = _tabel(md, "6. Kendala dan Rekomendasi")
    assert kendala == [["1", "1 April 2026", kendala[0][2], "Server sering mati", "Pindah ke pusat data"]]

    nilai = {r[0]: int(r[1]) for r in _tabel(md, "7. Penilaian Anggota Tim")}
    assert nilai["Di atas ekspektasi"] == 1 and nilai["Jumlah"] == 1

    # semester II: the other return, no kendala, no penilaian
    md2 = laporan.pemantauan(data["unit_id"], *S2)
    assert "Semester II Tahun 2026" in md2
    assert [r[4] for r in _tabel(md2, "3. Kegiatan Dikembalikan")] == ["Di luar periode"]
    assert "Tidak ada catatan kendala dalam periode." in md2


def test_tenggat_periode_berjalan_dihitung_sampai_hari_laporan(laporan, data):
    """In a semester still running, overdue means a deadline before the report's day, not before the period end."""
    sub, db = _in(data["sub"]), data["db"]
    hari = date(2026, 9, 15)
    md = laporan.pemantauan(data["unit_id"], *S2, hari_ini=hari)
    lewat = _sql(
        db, f"SELECT judul FROM kegiatan WHERE unit_id IN {sub} AND tenggat < '2026-09-15' AND tahap != 'selesai'"
    )
    assert sorted(r[1] for r in _tabel(md, "2. Kegiatan Melewati Tenggat")) == sorted(j for (j,) in lewat)
    assert lewat and "per 15 September 2026 (periode masih berjalan)" in md
    assert "**Dibuat:** 15 September 2026" in md
    with pytest.raises(Ditolak, match="belum dimulai"):
        laporan.pemantauan(data["unit_id"], *S2, hari_ini=date(2026, 6, 30))


def test_pemantauan_teks_tanpa_markdown(laporan, data):
    teks = laporan.pemantauan_teks(data["unit_id"], *S1)
    assert "**" not in teks and "## " not in teks and "|---" not in teks and not teks.startswith("#")
    assert "LAPORAN PEMANTAUAN DAN EVALUASI SISTEM KERJA" in teks
    assert "Perwal Madiun 73/2023 Pasal 49" in teks
    assert "Server sering mati" in teks
    # table columns line up: the header and its underline have the same shape
    baris = teks.splitlines()
    i = baris.index(next(b for b in baris if b.startswith("Tahap ")))
    assert set(baris[i + 1]) <= {"-", " "}


def test_mpph_matriks(laporan, data):
    kepala, baris = laporan.mpph(data["unit_id"])
    assert kepala[:4] == ["No", "Nama", "NIP", "Jabatan"]
    kolom = kepala.index(data["tim_nama"])
    ketua = next(r for r in baris if r[1].startswith(data["ketua_nama"]))
    assert ketua[kolom] == "Ketua"
    assert re.fullmatch(r"\d{8} \d{6} \d \d{3}", ketua[2])
    kolom_keg = kepala.index("Kegiatan: Arsip digital surat masuk")
    pelaksana = next(r for r in baris if r[1].startswith(data["pelaksana_nama"]))
    assert pelaksana[kolom_keg] == "Pelaksana"
    assert all(len(r) == len(kepala) for r in baris)
    assert [r[0] for r in baris] == [str(i) for i in range(1, len(baris) + 1)]
    assert all(any(r[4:]) for r in baris)  # only pegawai with a role
    # everyone with an active team role in the subtree's teams appears
    tim_ids = _in(
        r[0]
        for r in _sql(
            data["db"], f"SELECT id FROM tim_kerja WHERE unit_id IN {_in(data['sub'])} AND status IN ('draf', 'aktif')"
        )
    )
    berperan = _sql(
        data["db"],
        f"SELECT COUNT(DISTINCT a.pegawai_id) FROM keanggotaan a JOIN pegawai p "
        f"ON p.id = a.pegawai_id WHERE a.tim_id IN {tim_ids} AND p.unit_id IN {_in(data['sub'])} "
        "AND p.jenis_jabatan IN ('fungsional', 'pelaksana') AND a.status IN "
        "('aktif', 'usulan', 'menunggu_persetujuan')",
    )[0][0]
    assert len(baris) == berperan + 1  # + the pegawai of the individual kegiatan


def test_mpph_xlsx(laporan, data, keluar):
    tmp_path = keluar
    from openpyxl import load_workbook

    path = laporan.tulis_mpph(data["unit_id"], tmp_path, "xlsx")
    assert path == tmp_path / "mpph_DISKOMINFO.xlsx"
    ws = load_workbook(path).active
    assert "Matriks Pembagian Peran dan Hasil" in ws.cell(1, 1).value
    kepala = [c.value for c in ws[BARIS_KEPALA_XLSX]]
    assert kepala[:4] == ["No", "Nama", "NIP", "Jabatan"]
    assert ws.cell(BARIS_KEPALA_XLSX, 1).font.bold
    assert ws.freeze_panes == f"E{BARIS_KEPALA_XLSX + 1}"
    kolom = kepala.index(data["tim_nama"]) + 1
    baris = next(
        r
        for r in range(BARIS_KEPALA_XLSX + 1, ws.max_row + 1)
        if str(ws.cell(r, 2).value).startswith(data["ketua_nama"])
    )
    assert ws.cell(baris, kolom).value == "Ketua"
    assert list(tmp_path.iterdir()) == [path]  # no temporary left behind


def test_mpph_csv(laporan, data, keluar):
    tmp_path = keluar
    path = laporan.tulis_mpph(data["unit_id"], tmp_path, "csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    kepala, baris = laporan.mpph(data["unit_id"])
    assert rows == [kepala, *baris]
    kolom = rows[0].index(data["tim_nama"])
    assert any(r[1].startswith(data["ketua_nama"]) and r[kolom] == "Ketua" for r in rows[1:])


def test_tulis_pemantauan(laporan, data, keluar):
    tmp_path = keluar
    md = laporan.tulis_pemantauan(data["unit_id"], *S1, tmp_path, "md")
    txt = laporan.tulis_pemantauan(data["unit_id"], *S1, tmp_path, "txt")
    assert md.name == "pemantauan_DISKOMINFO_2026-01-01_2026-06-30.md"
    assert md.read_text(encoding="utf-8") == laporan.pemantauan(data["unit_id"], *S1)
    assert txt.read_text(encoding="utf-8") == laporan.pemantauan_teks(data["unit_id"], *S1)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([md.name, txt.name])


def test_folder_tidak_ada_ditolak(laporan, data, keluar):
    tmp_path = keluar
    hilang = tmp_path / "tidak-ada"
    with pytest.raises(Ditolak, match="tidak-ada"):
        laporan.tulis_mpph(data["unit_id"], hilang, "xlsx")
    with pytest.raises(Ditolak, match="tidak-ada"):
        laporan.tulis_pemantauan(data["unit_id"], *S1, hilang, "md")
    berkas = tmp_path / "berkas.txt"
    berkas.write_text("x")
    with pytest.raises(Ditolak, match=re.escape("berkas.txt")):
        laporan.tulis_mpph(data["unit_id"], berkas, "csv")
    assert not hilang.exists()
    assert list(tmp_path.iterdir()) == [berkas]


def test_folder_tidak_bisa_ditulis(laporan, data, tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root dapat menulis ke mana saja")
    kunci = tmp_path / "terkunci"
    kunci.mkdir()
    kunci.chmod(0o500)
    try:
        with pytest.raises(Ditolak, match="terkunci"):
            laporan.tulis_mpph(data["unit_id"], kunci, "xlsx")
        assert list(kunci.iterdir()) == []
    finally:
        kunci.chmod(0o700)


def test_kode_unit_tidak_dikenal(laporan):
    assert laporan.cari_unit("dinkes") == laporan.cari_unit("DINKES")
    with pytest.raises(Ditolak, match=r"tidak dikenal.*DINKES"):
        laporan.cari_unit("TIDAKADA")


def _cli(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from sistemkerja_tui.cli import main; sys.exit(main())", *argv],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_pemantauan_dan_mpph(data, tmp_path):
    keluar = tmp_path / "keluaran"
    keluar.mkdir()
    r = _cli(
        "laporan",
        "pemantauan",
        "--unit",
        "DISKOMINFO",
        "--semester",
        "2026-1",
        "--format",
        "txt",
        "--keluaran",
        str(keluar),
        "--db",
        data["db"],
    )
    assert r.returncode == 0, r.stderr
    path = Path(r.stdout.strip())
    assert path.parent == keluar and path.suffix == ".txt"
    assert "Perwal Madiun 73/2023 Pasal 49" in path.read_text(encoding="utf-8")

    r = _cli("laporan", "mpph", "--unit", "DISKOMINFO", "--keluaran", str(keluar), "--db", data["db"])
    assert r.returncode == 0, r.stderr
    assert Path(r.stdout.strip()) == keluar / "mpph_DISKOMINFO.xlsx" and (keluar / "mpph_DISKOMINFO.xlsx").is_file()

    r = _cli(
        "laporan", "mpph", "--unit", "DISKOMINFO", "--format", "csv", "--keluaran", str(keluar), "--db", data["db"]
    )
    assert r.returncode == 0, r.stderr
    assert Path(r.stdout.strip()).suffix == ".csv"


def test_cli_galat(data, tmp_path):
    tmp_path = tmp_path / "keluaran"
    tmp_path.mkdir()
    r = _cli("laporan", "mpph", "--unit", "TIDAKADA", "--keluaran", str(tmp_path), "--db", data["db"])
    assert r.returncode == 2
    assert "tidak dikenal" in r.stderr and "Struktur" in r.stderr
    r = _cli(
        "laporan",
        "pemantauan",
        "--unit",
        "DINKES",
        "--semester",
        "2026-3",
        "--keluaran",
        str(tmp_path),
        "--db",
        data["db"],
    )
    assert r.returncode == 2 and "semester" in r.stderr
    r = _cli("laporan", "mpph", "--unit", "DINKES", "--keluaran", str(tmp_path / "hilang"), "--db", data["db"])
    assert r.returncode == 2 and "hilang" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_gagal_tulis_tidak_meninggalkan_sisa(laporan, data, keluar, monkeypatch):
    import os

    def gagal(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", gagal)
    with pytest.raises(Ditolak, match="keluaran"):
        laporan.tulis_mpph(data["unit_id"], keluar, "xlsx")
    with pytest.raises(Ditolak, match="keluaran"):
        laporan.tulis_pemantauan(data["unit_id"], *S1, keluar, "md")
    assert list(keluar.iterdir()) == []


# --- a unit with sub-units: what reaches the report and the MPPH of each level -------------------


def _unit_kode(db: str, kode: str) -> int:
    return _sql(
        db,
        "SELECT u.id FROM unit_organisasi u JOIN instansi i ON i.id = u.instansi_id WHERE u.kode = ? AND NOT i.luar",
        kode,
    )[0][0]


def _pegawai_di(db: str, kode: str) -> tuple[int, str]:
    """The first active fungsional/pelaksana placed directly in unit `kode` (own Pemda)."""
    return _sql(
        db,
        "SELECT id, nama FROM pegawai WHERE aktif AND unit_id = ? "
        "AND jenis_jabatan IN ('fungsional', 'pelaksana') ORDER BY id",
        _unit_kode(db, kode),
    )[0]


def _tim(db: str, unit_id: int, nama: str, status: str) -> int:
    return _sql(
        db,
        "INSERT INTO tim_kerja (unit_id, nama, bentuk, jenis_pembentukan, sasaran, mulai, selesai, dasar_penetapan, "
        "status, tujuan, dibuat) VALUES (?, ?, 'tim_kerja', 'insidental', 'administratif', '2026-01-01', "
        "'2026-12-31', '', ?, '', '2026-01-02 08:00:00') RETURNING id",
        unit_id,
        nama,
        status,
    )[0][0]


def _anggota(db: str, tim_id: int, pegawai_id: int, peran: str, status: str = "aktif") -> None:
    _sql(
        db,
        "INSERT INTO keanggotaan (tim_id, pegawai_id, peran, asal, status, uraian_peran) "
        "VALUES (?, ?, ?, 'dalam_unit', ?, '')",
        tim_id,
        pegawai_id,
        peran,
        status,
    )


@pytest.fixture
def bertingkat(db_demo):
    """Teams spread over DISKOMINFO's sub-units (two levels deep) and one outside it, in the demo."""
    db = db_demo
    umpeg, ikp, statsan = (
        _unit_kode(db, k) for k in ("DISKOMINFO.SEKRE.UMPEG", "DISKOMINFO.IKP", "DISKOMINFO.STATSAN")
    )
    ketua = _pegawai_di(db, "DISKOMINFO.SEKRE.RENKEU")  # sub-sub-unit, beside the team's own
    anggota = _pegawai_di(db, "DISKOMINFO.IKP")
    usulan = _pegawai_di(db, "DISKOMINFO.STATSAN")
    luar = _sql(
        db,
        "SELECT p.id, p.nama FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id "
        "WHERE p.aktif AND u.kode LIKE 'DINKES.%' AND p.jenis_jabatan = 'fungsional' ORDER BY p.id",
    )[0]
    arsip = _tim(db, umpeg, "Tim Arsip Persuratan", "aktif")
    _anggota(db, arsip, ketua[0], "ketua")
    _anggota(db, arsip, anggota[0], "anggota")
    _anggota(db, arsip, luar[0], "anggota")  # lent by DINKES: counted in the team, not a row of DISKOMINFO
    _anggota(db, arsip, usulan[0], "anggota", "usulan")
    _anggota(db, _tim(db, ikp, "Tim Peliputan Selesai", "selesai"), anggota[0], "ketua")
    _anggota(db, _tim(db, statsan, "Tim Tanpa Ketua", "aktif"), usulan[0], "anggota")
    _anggota(db, _tim(db, _unit_kode(db, "DINKES"), "Tim Gizi Dinkes", "aktif"), ketua[0], "anggota")
    _sql(
        db,
        "INSERT INTO kegiatan (unit_id, tim_id, pegawai_id, judul, indikator, target, satuan, "
        "rencana_anggaran, perjanjian_kinerja, mulai, tenggat, tahap, sub_tahap, progres, ceklis, dibuat) "
        "VALUES (?, ?, NULL, 'Penataan arsip inaktif', '', '', '', NULL, '', '2026-01-10', '2026-02-15', "
        "'pelaksanaan', '', 30, '[]', '2026-01-10 08:00:00')",
        umpeg,
        arsip,
    )
    return {"db": db, "ketua": ketua[1], "anggota": anggota[1], "usulan": usulan[1], "luar": luar[1]}


def _kolom(kepala: list[str], baris: list[list[str]], nama: str, tim: str) -> str:
    """The cell of the pegawai whose name starts with `nama` under the team column `tim`."""
    r = next(r for r in baris if r[1].startswith(nama))
    return r[kepala.index(tim)]


def test_mpph_unit_dengan_subunit(laporan, bertingkat):
    d = bertingkat
    kepala, baris = laporan.mpph(laporan.cari_unit("DISKOMINFO"))
    assert "Tim Arsip Persuratan" in kepala and "Tim Tanpa Ketua" in kepala
    assert "Tim Peliputan Selesai" not in kepala and "Tim Gizi Dinkes" not in kepala
    assert _kolom(kepala, baris, d["ketua"], "Tim Arsip Persuratan") == "Ketua"
    assert _kolom(kepala, baris, d["anggota"], "Tim Arsip Persuratan") == "Anggota"
    assert _kolom(kepala, baris, d["usulan"], "Tim Arsip Persuratan") == "Anggota (usulan)"
    assert _kolom(kepala, baris, d["usulan"], "Tim Tanpa Ketua") == "Anggota"
    assert _kolom(kepala, baris, d["anggota"], "Tim Tanpa Ketua") == ""
    assert not any(r[1].startswith(d["luar"]) for r in baris)  # a DINKES pegawai is not a row of DISKOMINFO

    # one level down: only SEKRE's teams and pegawai
    kepala, baris = laporan.mpph(laporan.cari_unit("DISKOMINFO.SEKRE"))
    assert kepala[4:] == ["Tim Arsip Persuratan"]
    assert [r[1].split(",")[0] for r in baris] == [d["ketua"]]
    assert baris[0][4] == "Ketua"


def test_mpph_xlsx_unit_dengan_subunit(laporan, bertingkat, keluar):
    from openpyxl import load_workbook

    d = bertingkat
    unit_id = laporan.cari_unit("DISKOMINFO")
    ws = load_workbook(laporan.tulis_mpph(unit_id, keluar, "xlsx")).active
    kepala = [c.value for c in ws[BARIS_KEPALA_XLSX]]
    kolom = kepala.index("Tim Arsip Persuratan") + 1
    isi = {
        str(ws.cell(r, 2).value).split(",")[0]: ws.cell(r, kolom).value
        for r in range(BARIS_KEPALA_XLSX + 1, ws.max_row + 1)
    }
    assert isi[d["ketua"]] == "Ketua" and isi[d["anggota"]] == "Anggota" and isi[d["usulan"]] == "Anggota (usulan)"
    assert d["luar"] not in isi
    _, baris = laporan.mpph(unit_id)
    assert ws.max_row == BARIS_KEPALA_XLSX + len(baris)
    assert [[c.value or "" for c in r] for r in ws.iter_rows(min_row=BARIS_KEPALA_XLSX + 1)] == baris


def test_pemantauan_unit_dengan_subunit(laporan, bertingkat):
    d = bertingkat
    md = laporan.pemantauan(laporan.cari_unit("DISKOMINFO"), *S1, hari_ini=date(2026, 7, 1))
    tim = {r[1]: r for r in _tabel(md, "4. Tim Kerja Aktif")}
    assert tim["Tim Arsip Persuratan"][2].startswith(d["ketua"])
    assert tim["Tim Arsip Persuratan"][3] == "2"  # active anggota: the IKP one and the one lent by DINKES
    assert tim["Tim Tanpa Ketua"][2] == "(belum ada ketua)"
    assert "Tim Peliputan Selesai" not in tim and "Tim Gizi Dinkes" not in tim
    lewat = {r[1]: r for r in _tabel(md, "2. Kegiatan Melewati Tenggat")}
    assert lewat["Penataan arsip inaktif"][2:5] == ["Tim Arsip Persuratan", "15 Februari 2026", "Pelaksanaan"]

    # SEKRE (its parent) reports it too; IKP (a sibling) does not
    md = laporan.pemantauan(laporan.cari_unit("DISKOMINFO.SEKRE"), *S1, hari_ini=date(2026, 7, 1))
    assert [r[1] for r in _tabel(md, "4. Tim Kerja Aktif")] == ["Tim Arsip Persuratan"]
    assert "Penataan arsip inaktif" in [r[1] for r in _tabel(md, "2. Kegiatan Melewati Tenggat")]
    md = laporan.pemantauan(laporan.cari_unit("DISKOMINFO.IKP"), *S1, hari_ini=date(2026, 7, 1))
    assert "Tim Arsip Persuratan" not in md and "Penataan arsip inaktif" not in md
