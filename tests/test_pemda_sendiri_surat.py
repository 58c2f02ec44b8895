"""Letters from the user's own Pemda: `init`, the unit and SIASN files imported through the CLI (fictional
people), a team formed, then `surat buat --penandatangan NIP` — no demo data anywhere on the way."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.bantu import data_tim, sidik, sql
from tests.berkas_impor import pegawai_fiktif, tabel_unit, tulis_csv, tulis_siasn_csv, ubah, unit_fiktif

from sistemkerja_tui.aturan.enums import JenisJabatan, PeranTim
from sistemkerja_tui.layanan.mulai import buka_database

INSTANSI = "Pemerintah Kabupaten Luwu Utara"


def jalankan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sistemkerja_tui", *args], capture_output=True, text=True, timeout=300)


def _pemda_sendiri(db: str, folder: Path) -> tuple[int, str]:
    """The Pemda set up and imported as a new user would; a team of its Dinas Kesehatan with a ketua and three
    members. Returns the team's id and its head's NIP."""
    unit = unit_fiktif()
    dinas = unit[0]
    assert jalankan("init", "--instansi", INSTANSI, "--jenis", "kabupaten", "--profil", "luwu_utara",
                    "--db", db).returncode == 0  # fmt: skip
    r = jalankan("impor", "unit", str(tulis_csv(folder / "unor.csv", tabel_unit(unit))), "--db", db)
    assert r.returncode == 0, r.stderr
    pegawai = pegawai_fiktif(40, {u.id: u.nama for u in unit}, seed=5)
    pegawai[0] = ubah(
        pegawai[0],
        jabatan_nama="Kepala Dinas Kesehatan",
        jenis_jabatan=JenisJabatan.JPT_PRATAMA,
        eselon="II.b",
        jenjang=None,
        unor_id=dinas.id,
        unor_nama=dinas.nama,
    )
    r = jalankan("impor", "pegawai", str(tulis_siasn_csv(folder / "siasn.csv", pegawai)), "--db", db)
    assert r.returncode == 0, r.stderr
    assert "Dinas Kesehatan: " in r.stdout  # its head, from the jabatan
    ((unit_id, kepala_id),) = sql(db, "SELECT id, pimpinan_id FROM unit_organisasi WHERE nama = ?", dinas.nama)
    layanan = buka_database(db).layanan
    try:
        data = data_tim(
            unit_id,
            nama="Tim Kerja Penurunan Stunting",
            mulai=date(2027, 1, 4),
            selesai=date(2027, 12, 20),
            tahun_anggaran=2027,
        )
        tim = layanan.tim.bentuk_tim(data, oleh_id=kepala_id)
        ketua = layanan.tim.kandidat_pimpinan(tim, PeranTim.KETUA)[0].kandidat.pegawai_id
        layanan.tim.tetapkan_pimpinan(tim, ketua, PeranTim.KETUA, oleh_id=kepala_id)
        anggota = sql(
            db,
            "SELECT id FROM pegawai WHERE unit_id = ? AND id NOT IN (?, ?) "
            "AND jenis_jabatan IN ('fungsional', 'pelaksana') ORDER BY id LIMIT 3",
            unit_id,
            kepala_id,
            ketua,
        )
        for (pid,) in anggota:
            layanan.tim.tambah_anggota(tim, pid, "Menyusun data sasaran", oleh_id=kepala_id)
    finally:
        layanan.tutup()
    ((nip,),) = sql(db, "SELECT nip FROM pegawai WHERE id = ?", kepala_id)
    return tim, nip


def test_surat_dari_pemda_sendiri(db_url, tmp_path):
    tim, nip = _pemda_sendiri(db_url, tmp_path)

    def buat(jenis: str) -> subprocess.CompletedProcess:
        return jalankan("surat", "buat", "--jenis", jenis, "--tim", str(tim), "--penandatangan", nip,
                        "--keluaran", str(tmp_path), "--db", db_url)  # fmt: skip

    # the Surat Tugas cites the Keputusan by number and date: before the Keputusan exists it says which to make
    sebelum = sidik(db_url)
    r = buat("surat_tugas")
    assert r.returncode == 2 and "buat dan daftarkan dahulu Keputusan pembentukan tim" in r.stderr
    assert "Traceback" not in r.stderr and sidik(db_url) == sebelum

    r = buat("keputusan_tim")
    assert r.returncode == 0, r.stderr
    keputusan = Path(r.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    assert "PEMERINTAH KABUPATEN LUWU UTARA" in keputusan and "DINAS KESEHATAN" in keputusan
    # Luwu Utara: the Kepala Perangkat Daerah sets the team (Perbup 59/2023, Format Naskah Dinas huruf a)
    assert "KEPUTUSAN KEPALA DINAS KESEHATAN" in keputusan and "KEPALA DINAS KESEHATAN," in keputusan
    assert "NOMOR 800/1/" in keputusan and "mulai berlaku pada tanggal ditetapkan" in keputusan
    assert "None" not in keputusan and "Sukamaju" not in keputusan

    r = buat("surat_tugas")
    assert r.returncode == 0, r.stderr
    surat_tugas = Path(r.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    satu_baris = " ".join(surat_tugas.split())
    assert "Keputusan Kepala Dinas Kesehatan Kabupaten Luwu Utara Nomor 800/1/" in satu_baris
    assert "Tahun Anggaran 2027 sesuai peran masing-masing sebagaimana tercantum dalam Lampiran;" in satu_baris
    assert "berlaku pada tanggal 4 Januari 2027 sampai dengan 20 Desember 2027" in satu_baris
    assert "PEJABAT PENILAI KINERJA" in surat_tugas and "None" not in surat_tugas
