"""Letters from the records: numbered, registered, re-exported byte for byte; the CLI gives the same text."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from tests.bantu import sql as _sql

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.surat import JenisSurat
from sistemkerja_tui.layanan.tim import PeranTim, StatusKeanggotaan


def test_keputusan_dan_surat_tugas_bernomor_berurutan_dan_terdaftar(layanan, tim, db_demo):
    a = layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim, tanggal=date(2026, 1, 5))
    b = layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, tanggal=date(2026, 1, 5))
    assert a.nomor.startswith("800/1/") and b.nomor.startswith("800/2/") and a.nomor.endswith("/2026")
    assert "KEPUTUSAN" in a.teks and "5 Januari 2026" in a.teks and "SUSUNAN TIM" in a.teks
    assert "SURAT TUGAS" in b.teks and b.nomor in b.teks
    ketua = _sql(
        db_demo,
        "SELECT p.nama FROM keanggotaan k JOIN pegawai p ON p.id = k.pegawai_id WHERE "
        "k.tim_id = ? AND k.peran = 'ketua' AND k.status = 'aktif'",
        tim,
    )[0][0]
    assert ketua in " ".join(a.teks.split())  # in the Surat Tugas the name sits in wrapped table cells
    assert ketua in _sql(db_demo, "SELECT konteks FROM surat WHERE nomor = ?", b.nomor)[0][0]
    register = layanan.surat.daftar()
    assert [s.nomor for s in register] == [b.nomor, a.nomor]
    assert [s.tanggal for s in register] == [date(2026, 1, 5)] * 2  # a date; the screen and the CLI write it
    jenis, nomor, isi = layanan.surat.teks(nomor=a.nomor)
    assert (jenis, nomor, isi) == ("keputusan_tim", a.nomor, a.teks)
    (sidik, konteks) = _sql(db_demo, "SELECT sidik_templat, konteks FROM surat WHERE nomor = ?", a.nomor)[0]
    assert len(sidik) == 64 and ketua in konteks


def test_ekspor_ulang_sama_persis(layanan, tim, tmp_path):
    hasil = layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, tanggal=date(2026, 1, 5))
    pertama = layanan.surat.ekspor(hasil.surat_id, folder=tmp_path, format="txt")
    isi = pertama.read_bytes()
    pertama.unlink()
    kedua = layanan.surat.ekspor(nomor=hasil.nomor, folder=tmp_path, format="txt")
    assert kedua.read_bytes() == isi == hasil.teks.encode()


def test_folder_keluaran_tidak_ada_ditolak(layanan, tim, tmp_path):
    hasil = layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, tanggal=date(2026, 1, 5))
    with pytest.raises(Ditolak, match="tidak"):
        layanan.surat.ekspor(hasil.surat_id, folder=tmp_path / "tidak-ada", format="txt")
    assert not (tmp_path / "tidak-ada").exists()


def test_tanpa_penandatangan_tidak_memakai_nomor(layanan, db_demo):
    with pytest.raises(Ditolak, match="Penandatangan"):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=1)
    assert _sql(db_demo, "SELECT COUNT(*) FROM penomoran_surat")[0][0] == 0
    assert _sql(db_demo, "SELECT COUNT(*) FROM surat")[0][0] == 0


def test_penolakan_hanya_untuk_permohonan_ditolak_dan_memuat_alasan(layanan, tim, db_demo):
    pid = _sql(db_demo, "SELECT id FROM permohonan WHERE status = 'diajukan' ORDER BY id LIMIT 1")[0][0]
    with pytest.raises(Ditolak, match="ditolak"):
        layanan.surat.buat(JenisSurat.PENOLAKAN, permohonan_id=pid)
    penerima = _sql(db_demo, "SELECT penerima_id FROM permohonan WHERE id = ?", pid)[0][0]
    layanan.penugasan.tolak(pid, "Sedang menyelesaikan audit reguler", oleh_id=penerima)
    layanan.pengguna.tetapkan(penerima)
    hasil = layanan.surat.buat(JenisSurat.PENOLAKAN, permohonan_id=pid, tanggal=date(2026, 2, 2))
    assert "Sedang menyelesaikan audit reguler" in hasil.teks


def test_rekomendasi_tanpa_penilaian_ditolak_tanpa_nomor(layanan, tim, db_demo):
    with pytest.raises(Ditolak, match="Belum ada penilaian"):
        layanan.surat.buat(JenisSurat.REKOMENDASI_PENILAIAN, tim_id=tim)
    assert _sql(db_demo, "SELECT COUNT(*) FROM surat")[0][0] == 0


def test_cli_sama_dengan_layanan(layanan, tim, db_demo, tmp_path):
    hasil = layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim, tanggal=date.today())
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "sistemkerja_tui",
            "surat",
            "buat",
            "--jenis",
            "keputusan_tim",
            "--tim",
            str(tim),
            "--db",
            db_demo,
            "--keluaran",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert cli.returncode == 0, cli.stderr
    berkas = tmp_path / cli.stdout.strip().rsplit("/", 1)[-1]
    teks_cli = berkas.read_text()
    nomor_cli = _sql(db_demo, "SELECT nomor FROM surat ORDER BY id DESC LIMIT 1")[0][0]
    assert teks_cli == hasil.teks.replace(hasil.nomor.rsplit("/", 2)[0], nomor_cli.rsplit("/", 2)[0])
    daftar = subprocess.run(
        [sys.executable, "-m", "sistemkerja_tui", "surat", "daftar", "--db", db_demo],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.nomor in daftar.stdout and nomor_cli in daftar.stdout
    assert f"{date.today():%d-%m-%Y}" in daftar.stdout and f"{date.today():%Y-%m-%d}" not in daftar.stdout
    salah = subprocess.run(
        [
            sys.executable,
            "-m",
            "sistemkerja_tui",
            "surat",
            "ulang",
            "999/9/X/2026",
            "--db",
            db_demo,
            "--keluaran",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert salah.returncode == 2 and "tidak ada di register" in salah.stderr


def test_keputusan_tim_tahunan_atas_nama_kepala_daerah(layanan, db_demo):
    """Madiun Lampiran Bab II huruf B angka 1 huruf a: a yearly team's Keputusan is signed a.n. the Kepala Daerah."""
    tim_id, unit_id = _sql(
        db_demo, "SELECT id, unit_id FROM tim_kerja WHERE jenis_pembentukan = 'tahunan' ORDER BY id LIMIT 1"
    )[0]
    pimpinan = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(unit_id) if u.pimpinan][-1]
    layanan.pengguna.tetapkan(pimpinan)
    teks = layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim_id).teks
    assert "KEPUTUSAN BUPATI SUKAMAJU" in teks and "a.n. BUPATI SUKAMAJU" in teks


def test_templat_pengguna_rusak_tidak_memakai_nomor(layanan, tim, db_demo):
    from sistemkerja_tui.surat.lingkungan import folder_pengguna_bawaan

    folder = folder_pengguna_bawaan()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "surat_tugas.txt.j2").write_text("SURAT TUGAS\n{{ surat.kepala.nomor }\nbaris tiga\n")
    with pytest.raises(Ditolak) as e:
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim)
    assert "surat_tugas.txt.j2" in e.value.pesan and "baris 2" in e.value.pesan
    assert _sql(db_demo, "SELECT COUNT(*) FROM penomoran_surat")[0][0] == 0
    assert _sql(db_demo, "SELECT COUNT(*) FROM surat")[0][0] == 0


def test_penandatangan_plt(layanan, tim):
    """Permendagri 1/2023 Pasal 44: an acting official signs as Plt. before the office."""
    pengguna = layanan.pengguna.sekarang()
    layanan.pengguna.tetapkan_status_ttd(pengguna.pegawai_id, "Plt.")
    teks = layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim).teks
    assert f"Plt. {pengguna.jabatan.upper()}" in " ".join(teks.split())
    with pytest.raises(Ditolak, match="tidak dikenal"):
        layanan.pengguna.tetapkan_status_ttd(pengguna.pegawai_id, "Pj")
    layanan.pengguna.tetapkan_status_ttd(pengguna.pegawai_id, None)
    assert layanan.pengguna.status_ttd(pengguna.pegawai_id) is None


def test_nilai_anggota_lalu_surat_rekomendasi(layanan, db_demo):
    """Luwu Utara Format Naskah Dinas huruf g: the ketua's rating advice per member, at the end of the period."""
    from sistemkerja_tui.layanan.tim import PredikatPenilaian

    tim_id, unit_id, selesai = _sql(db_demo, "SELECT id, unit_id, selesai FROM tim_kerja ORDER BY selesai LIMIT 1")[0]
    pimpinan = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(unit_id) if u.pimpinan][-1]
    layanan.pengguna.tetapkan(pimpinan)
    anggota = [
        a
        for a in layanan.tim.detail_tim(tim_id).anggota
        if a.peran is PeranTim.ANGGOTA and a.status is StatusKeanggotaan.AKTIF
    ]
    akhir = date.fromisoformat(selesai)
    with pytest.raises(Ditolak, match="akhir periode"):
        layanan.tim.nilai_anggota(
            anggota[0].keanggotaan_id,
            PredikatPenilaian.SESUAI,
            oleh_id=pimpinan,
            hari_ini=date(akhir.year, 1, 1) if akhir.month > 1 else akhir.replace(day=1),
        )
    layanan.tim.nilai_anggota(
        anggota[0].keanggotaan_id, PredikatPenilaian.DI_ATAS, "Inisiatif tinggi", oleh_id=pimpinan, hari_ini=akhir
    )
    layanan.tim.nilai_anggota(
        anggota[0].keanggotaan_id, PredikatPenilaian.SESUAI, "Diperbaiki", oleh_id=pimpinan, hari_ini=akhir
    )  # a second entry replaces the first
    assert _sql(db_demo, "SELECT predikat, catatan FROM penilaian_anggota") == [("sesuai", "Diperbaiki")]
    # the rating shows beside the member in the team and in the member's own detail panel
    dinilai = next(a for a in layanan.tim.detail_tim(tim_id).anggota if a.keanggotaan_id == anggota[0].keanggotaan_id)
    assert dinilai.penilaian is PredikatPenilaian.SESUAI
    keanggotaan = layanan.struktur.detail_pegawai(anggota[0].pegawai_id).tim
    assert any(k.penilaian is PredikatPenilaian.SESUAI for k in keanggotaan)
    teks = " ".join(layanan.surat.buat(JenisSurat.REKOMENDASI_PENILAIAN, tim_id=tim_id).teks.split())
    assert "sesuai ekspektasi" in teks.lower()
    (penilaian_id,) = _sql(db_demo, "SELECT id FROM penilaian_anggota")[0]
    lewat_penilaian = layanan.surat.buat(JenisSurat.REKOMENDASI_PENILAIAN, penilaian_id=penilaian_id)
    assert "sesuai ekspektasi" in lewat_penilaian.teks.lower()
    with pytest.raises(Ditolak, match="rekomendasi penilaian"):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, penilaian_id=penilaian_id)


def test_kesembilan_surat_dari_pemda_demo(layanan, db_demo, tmp_path):
    """Every kind of letter can be produced from the demo's records, registered and exported as .docx."""
    from docx import Document

    from sistemkerja_tui.layanan.penugasan import IsiSuratPermohonan
    from sistemkerja_tui.layanan.tim import DataTim, JenisPembentukan, PredikatPenilaian, SasaranTim

    isi = IsiSuratPermohonan(
        maksud_tujuan="Membantu tim", kompetensi="Analisis data", ekspektasi="Laporan", durasi="3 bulan"
    )
    tim_id, unit_id, selesai = _sql(db_demo, "SELECT id, unit_id, selesai FROM tim_kerja ORDER BY selesai LIMIT 1")[0]
    pemilik = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(unit_id) if u.pimpinan][-1]
    layanan.pengguna.tetapkan(pemilik)
    sub = ",".join(map(str, layanan.struktur.subpohon(unit_id)))
    luar = _sql(
        db_demo,
        f"SELECT p.id FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id JOIN instansi i ON "
        f"i.id = u.instansi_id WHERE NOT i.luar AND p.unit_id NOT IN ({sub}) AND p.jenis_jabatan = "
        "'fungsional' ORDER BY p.id LIMIT 3",
    )
    tim_baru = layanan.tim.bentuk_tim(
        DataTim(
            "Tim Surat", unit_id, JenisPembentukan.INSIDENTAL, SasaranTim.INTERVENSI, date(2026, 2, 1), date(2026, 8, 1)
        ),
        oleh_id=pemilik,
    )
    for (pid,) in luar[:2]:
        layanan.tim.tambah_anggota(tim_baru, pid, "analis", oleh_id=pemilik, isi=isi)
    layanan.penugasan.ajukan_sukarela(tim_baru, luar[2][0], "relawan", oleh_id=luar[2][0], isi=isi)
    permohonan = {r[1]: r[0] for r in _sql(db_demo, "SELECT id, pegawai_id FROM permohonan WHERE tim_id = ?", tim_baru)}
    setuju, tolak = permohonan[luar[0][0]], permohonan[luar[1][0]]
    layanan.penugasan.setujui(
        setuju, oleh_id=_sql(db_demo, "SELECT penerima_id FROM permohonan WHERE id = ?", setuju)[0][0]
    )
    layanan.penugasan.tolak(
        tolak,
        "Sedang bertugas di tempat lain",
        oleh_id=_sql(db_demo, "SELECT penerima_id FROM permohonan WHERE id = ?", tolak)[0][0],
    )
    lintas_instansi = _sql(db_demo, "SELECT id FROM permohonan WHERE lingkup = 'lintas_instansi' LIMIT 1")[0][0]
    anggota = next(
        a
        for a in layanan.tim.detail_tim(tim_id).anggota
        if a.peran is PeranTim.ANGGOTA and a.status is StatusKeanggotaan.AKTIF
    )
    layanan.tim.nilai_anggota(
        anggota.keanggotaan_id,
        PredikatPenilaian.DI_ATAS,
        "Tepat waktu",
        oleh_id=pemilik,
        hari_ini=date.fromisoformat(selesai),
    )
    dibuat = [
        layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim_id),
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim_id),
        layanan.surat.buat(JenisSurat.REKOMENDASI_PENILAIAN, tim_id=tim_id),
        layanan.surat.buat(JenisSurat.PERMOHONAN_PELIBATAN, permohonan_id=setuju),
        layanan.surat.buat(JenisSurat.NOTA_DINAS, permohonan_id=setuju),
        layanan.surat.buat(JenisSurat.PERSETUJUAN_ANGGOTA, permohonan_id=setuju),
        layanan.surat.buat(JenisSurat.PENOLAKAN, permohonan_id=tolak),
        layanan.surat.buat(JenisSurat.SUKARELA_LINTAS_UNIT, permohonan_id=permohonan[luar[2][0]]),
        layanan.surat.buat(JenisSurat.PERMOHONAN_LINTAS_INSTANSI, permohonan_id=lintas_instansi),
    ]
    assert {s.jenis for s in layanan.surat.daftar()} == {j.label for j in JenisSurat}
    assert len({s.nomor for s in dibuat}) == 9
    for hasil in dibuat:
        berkas = layanan.surat.ekspor(hasil.surat_id, folder=tmp_path, format="docx")
        isi_docx = "\n".join(p.text for p in Document(str(berkas)).paragraphs)
        if "sukarela" not in berkas.name:  # the pegawai's own letter carries no number
            assert hasil.nomor.split("/")[1] in isi_docx
