"""Letters from the records: numbered, registered, re-exported byte for byte; the CLI gives the same text."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.bantu import sidik, surat_permohonan
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
    # the request letter is not registered yet: the checker names it, nothing is numbered
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match="buat dan daftarkan dahulu Surat permohonan"):
        layanan.surat.buat(JenisSurat.PENOLAKAN, permohonan_id=pid, tanggal=date(2026, 2, 2))
    assert sidik(db_demo) == sebelum
    masuk = surat_permohonan(layanan, db_demo, pid, date(2026, 1, 20))
    hasil = layanan.surat.buat(JenisSurat.PENOLAKAN, permohonan_id=pid, tanggal=date(2026, 2, 2))
    assert "Sedang menyelesaikan audit reguler" in hasil.teks
    # Format Naskah Dinas huruf f: "Sehubungan dengan surat Saudara Nomor … tanggal …" — the register's number
    assert f"Nomor {masuk.nomor} tanggal 20 Januari 2026" in " ".join(hasil.teks.split())
    assert "permohonan No." not in hasil.teks


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
    jalur = layanan.struktur.jalur_unit(unit_id)
    kabid = [u.pimpinan.pegawai_id for u in jalur if u.pimpinan][-1]
    kadis = jalur[0].pimpinan.pegawai_id
    # "ditetapkan dengan keputusan yang ditandatangani atas nama Wali Kota": by the head of the Perangkat
    # Daerah, not a Kepala Bidang
    layanan.pengguna.tetapkan(kabid)
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match="tidak berwenang menandatangani Keputusan") as e:
        layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim_id)
    assert jalur[0].jabatan_pimpinan in e.value.pesan and "Permendagri 1/2023" in e.value.pesan
    assert sidik(db_demo) == sebelum
    hasil = layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim_id, penandatangan_id=kadis)
    teks = hasil.teks
    assert "KEPUTUSAN BUPATI SUKAMAJU" in teks and "a.n. BUPATI SUKAMAJU" in teks
    assert teks.lstrip().startswith("BUPATI SUKAMAJU")  # the Kepala Daerah's letterhead, not the Dinas kop
    assert (
        "/SETDA/" in hasil.nomor and f"NOMOR {hasil.nomor}" in teks and "TAHUN 2026\n" not in teks.split("TENTANG")[0]
    )
    assert "berlaku pada tanggal ditetapkan" in teks


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
    assert ("sesuai", "Diperbaiki") in _sql(db_demo, "SELECT predikat, catatan FROM penilaian_anggota")
    # the rating shows beside the member in the team and in the member's own detail panel
    dinilai = next(a for a in layanan.tim.detail_tim(tim_id).anggota if a.keanggotaan_id == anggota[0].keanggotaan_id)
    assert dinilai.penilaian is PredikatPenilaian.SESUAI
    keanggotaan = layanan.struktur.detail_pegawai(anggota[0].pegawai_id).tim
    assert any(k.penilaian is PredikatPenilaian.SESUAI for k in keanggotaan)
    # the member is rated by the signer himself (his own PPK): no letter to himself
    with pytest.raises(Ditolak, match="penilaian kinerja penanda tangan sendiri"):
        layanan.surat.buat(JenisSurat.REKOMENDASI_PENILAIAN, tim_id=tim_id)
    kepala_pd = layanan.struktur.jalur_unit(unit_id)[0].pimpinan.pegawai_id
    teks = " ".join(
        layanan.surat.buat(JenisSurat.REKOMENDASI_PENILAIAN, tim_id=tim_id, penandatangan_id=kepala_pd).teks.split()
    )
    assert "sesuai ekspektasi" in teks.lower()
    assert f"Yth. {layanan.struktur.unit(unit_id).jabatan_pimpinan}" in teks  # to the member's PPK, an office
    (penilaian_id,) = _sql(db_demo, "SELECT id FROM penilaian_anggota WHERE catatan = 'Diperbaiki'")[0]
    lewat_penilaian = layanan.surat.buat(
        JenisSurat.REKOMENDASI_PENILAIAN, penilaian_id=penilaian_id, penandatangan_id=kepala_pd
    )
    assert "sesuai ekspektasi" in lewat_penilaian.teks.lower()
    with pytest.raises(Ditolak, match="rekomendasi penilaian"):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, penilaian_id=penilaian_id)


def test_kesembilan_surat_dari_pemda_demo(layanan, db_demo, tmp_path):
    """Every kind of letter from the demo's own records (its approved, refused and voluntary requests and its
    rating), each signed by whom it must be, registered and exported as .docx."""
    from docx import Document

    def kepala(unit_id: int) -> int:
        return [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(unit_id) if u.pimpinan][-1]

    setuju, tim_id, dari, disetujui_oleh = _sql(
        db_demo, "SELECT id, tim_id, dari_unit_id, penerima_id FROM permohonan WHERE status = 'disetujui'"
    )[0]
    tolak, ditolak_oleh = _sql(db_demo, "SELECT id, penerima_id FROM permohonan WHERE status = 'ditolak'")[0]
    (sukarela,) = _sql(db_demo, "SELECT id FROM permohonan WHERE jenis = 'pengajuan_sukarela'")[0]
    lintas_instansi, dari_li = _sql(
        db_demo, "SELECT id, dari_unit_id FROM permohonan WHERE lingkup = 'lintas_instansi' ORDER BY id LIMIT 1"
    )[0]
    nota = next(
        (pid, d)
        for pid, d, k in _sql(db_demo, "SELECT id, dari_unit_id, ke_unit_id FROM permohonan WHERE status = 'diajukan'")
        if layanan.struktur.jalur_unit(d)[0].id == layanan.struktur.jalur_unit(k)[0].id
    )
    kadis = layanan.struktur.jalur_unit(dari)[0].pimpinan.pegawai_id
    dibuat = [
        layanan.surat.buat(JenisSurat.PERMOHONAN_PELIBATAN, permohonan_id=setuju, penandatangan_id=kepala(dari)),
        layanan.surat.buat(JenisSurat.PERMOHONAN_PELIBATAN, permohonan_id=tolak, penandatangan_id=kepala(dari)),
        layanan.surat.buat(JenisSurat.SUKARELA_LINTAS_UNIT, permohonan_id=sukarela),
        layanan.surat.buat(JenisSurat.PERSETUJUAN_ANGGOTA, permohonan_id=setuju, penandatangan_id=disetujui_oleh),
        layanan.surat.buat(JenisSurat.PENOLAKAN, permohonan_id=tolak, penandatangan_id=ditolak_oleh),
        layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim_id, penandatangan_id=kadis),
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim_id, penandatangan_id=kepala(dari)),
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, permohonan_id=setuju, penandatangan_id=kepala(dari)),
        layanan.surat.buat(JenisSurat.REKOMENDASI_PENILAIAN, tim_id=tim_id, penandatangan_id=kepala(dari)),
        layanan.surat.buat(
            JenisSurat.PERMOHONAN_LINTAS_INSTANSI, permohonan_id=lintas_instansi, penandatangan_id=kepala(dari_li)
        ),
        layanan.surat.buat(JenisSurat.NOTA_DINAS, permohonan_id=nota[0], penandatangan_id=kepala(nota[1])),
    ]
    assert {s.jenis for s in layanan.surat.daftar()} == {j.label for j in JenisSurat}
    assert len({s.nomor for s in dibuat}) == len(dibuat)
    teks = {i: " ".join(h.teks.split()) for i, h in enumerate(dibuat)}
    assert all("Tim Tim" not in t and "Kerja Tim" not in t for t in teks.values())
    # the answers cite the request letters by their registered number; the Surat Tugas cite what they rest on
    assert f"Nomor {dibuat[0].nomor} tanggal" in teks[3] and f"Nomor {dibuat[1].nomor} tanggal" in teks[4]
    assert f"Nomor {dibuat[5].nomor} tanggal" in teks[6]
    assert f"Nomor {dibuat[3].nomor} tanggal" in teks[7] and f"Nomor {dibuat[5].nomor} tanggal" in teks[7]
    for hasil in dibuat:
        berkas = layanan.surat.ekspor(hasil.surat_id, folder=tmp_path, format="docx")
        dok = Document(str(berkas))
        sel = [c.text for t in dok.tables for r in t.rows for c in r.cells]
        isi_docx = "\n".join([p.text for p in dok.paragraphs] + sel)
        if "sukarela" not in berkas.name:  # the pegawai's own letter carries no number
            assert hasil.nomor.split("/")[1] in isi_docx


def test_penandatangan_tidak_berwenang_ditolak_tanpa_nomor(layanan, tim, db_demo):
    """Permendagri 1/2023 Pasal 44 / Format Naskah Dinas: a letter of a unit is signed by its head (or a head
    above it, or their Plt./Plh.); the head of another unit is refused, the database unchanged."""
    (unit_tim,) = _sql(db_demo, "SELECT unit_id FROM tim_kerja WHERE id = ?", tim)[0]
    pd_tim = layanan.struktur.jalur_unit(unit_tim)[0].id
    lain = next(
        u
        for u in layanan.struktur.unit_akar(layanan.struktur.unit(unit_tim).instansi_id)
        if u.id != pd_tim and u.pimpinan
    )
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match="tidak berwenang menandatangani Surat Tugas"):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, penandatangan_id=lain.pimpinan.pegawai_id)
    layanan.pengguna.tetapkan(lain.pimpinan.pegawai_id)  # the app's user is checked the same way
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match="tidak berwenang"):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim)
    assert sidik(db_demo) == sebelum


def test_cli_penandatangan_nip_tanpa_pengguna(db_demo, tmp_path):
    """`surat buat --penandatangan NIP` on a database where no user was ever chosen; one who may not sign is
    refused with the rule, nothing numbered."""
    tim_id, unit_id = _sql(db_demo, "SELECT id, unit_id FROM tim_kerja ORDER BY id LIMIT 1")[0]
    (nip,) = _sql(
        db_demo, "SELECT p.nip FROM unit_organisasi u JOIN pegawai p ON p.id = u.pimpinan_id WHERE u.id = ?", unit_id
    )[0]
    (nip_lain,) = _sql(db_demo, "SELECT nip FROM pegawai WHERE jenis_jabatan = 'fungsional' ORDER BY id LIMIT 1")[0]
    assert _sql(db_demo, "SELECT COUNT(*) FROM pengaturan WHERE kunci = 'pengguna'") == [(0,)]

    def cli(*arg):
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "sistemkerja_tui",
                "surat",
                "buat",
                "--jenis",
                "surat_tugas",
                "--tim",
                str(tim_id),
                "--db",
                db_demo,
                "--keluaran",
                str(tmp_path),
                *arg,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )

    sebelum = sidik(db_demo)
    salah = cli("--penandatangan", nip_lain)
    assert (
        salah.returncode == 2 and "tidak berwenang menandatangani" in salah.stderr and "Traceback" not in salah.stderr
    )
    assert sidik(db_demo) == sebelum
    baik = cli("--penandatangan", nip, "--tembusan", "Inspektur Kabupaten Sukamaju")
    assert baik.returncode == 0, baik.stderr
    teks = Path(baik.stdout.strip()).read_text()
    assert "Tembusan:\n1. Inspektur Kabupaten Sukamaju" in teks


def test_buat_banyak_satu_transaksi_semua_atau_tidak_sama_sekali(layanan, tim, db_demo):
    """A batch of Surat Tugas: all checked first, then numbered in one transaction; one refusal (a team the
    signer does not lead) names its team and leaves the database as it was."""
    (unit_tim,) = _sql(db_demo, "SELECT unit_id FROM tim_kerja WHERE id = ?", tim)[0]
    lain = next(
        t
        for (t, u) in _sql(db_demo, "SELECT id, unit_id FROM tim_kerja ORDER BY id")
        if layanan.struktur.jalur_unit(u)[0].id != layanan.struktur.jalur_unit(unit_tim)[0].id
    )
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match=f"tim {lain} ditolak"):
        layanan.surat.buat_banyak(JenisSurat.SURAT_TUGAS, tim_id=(tim, lain, tim), tanggal=date(2026, 1, 5))
    assert sidik(db_demo) == sebelum
    hasil = layanan.surat.buat_banyak(JenisSurat.SURAT_TUGAS, tim_id=(tim,) * 3, tanggal=date(2026, 1, 5))
    assert [h.nomor.split("/")[1] for h in hasil] == ["1", "2", "3"]
    assert [s.nomor for s in layanan.surat.daftar()] == [h.nomor for h in reversed(hasil)]


def test_cli_satu_batch_ditulis_semua_atau_tidak_satu_pun(layanan, tim, db_demo, tmp_path, capsys):
    """`surat buat --tim A B …`: one batch through the CLI, each letter written as asked; a batch with one team
    the signer may not sign for writes no file and registers nothing."""
    from sistemkerja_tui.cli import main

    (unit_tim,) = _sql(db_demo, "SELECT unit_id FROM tim_kerja WHERE id = ?", tim)[0]
    lain = next(
        t
        for (t, u) in _sql(db_demo, "SELECT id, unit_id FROM tim_kerja ORDER BY id")
        if layanan.struktur.jalur_unit(u)[0].id != layanan.struktur.jalur_unit(unit_tim)[0].id
    )
    keluaran = tmp_path / "surat"
    keluaran.mkdir()
    perintah = ["--db", db_demo, "surat", "buat", "--jenis", "surat_tugas", "--format", "md", "--keluaran"]
    sebelum = sidik(db_demo)
    assert main([*perintah, str(keluaran), "--tim", str(tim), str(lain)]) == 2
    assert f"tim {lain} ditolak" in capsys.readouterr().err
    assert sidik(db_demo) == sebelum and list(keluaran.iterdir()) == []
    assert main([*perintah, str(keluaran), "--tim", str(tim), str(tim)]) == 0
    berkas = [Path(b) for b in capsys.readouterr().out.split()]
    assert len(berkas) == 2 and all(b.parent == keluaran and b.suffix == ".md" for b in berkas)
    assert sorted(keluaran.iterdir()) == sorted(berkas)
    assert len(layanan.surat.daftar()) == 2


def _dengan_profil(db_demo, profil: str):
    from sistemkerja_tui.layanan.mulai import buka_database

    _sql(db_demo, "UPDATE instansi SET profil = ? WHERE NOT luar", profil)
    return buka_database(db_demo, demo_jika_kosong=False).layanan


def _kepala(layanan, unit_id: int) -> tuple[int, int]:
    """(head of the nearest unit with one, head of the Perangkat Daerah)."""
    jalur = layanan.struktur.jalur_unit(unit_id)
    return [u.pimpinan.pegawai_id for u in jalur if u.pimpinan][-1], jalur[0].pimpinan.pegawai_id


def test_keputusan_luwu_utara_oleh_kepala_perangkat_daerah(db_demo):
    """Perbup Luwu Utara 59/2023, Format Naskah Dinas huruf a: "KEPUTUSAN KEPALA ..... NOMOR ..... TAHUN ....."
    — set by the Kepala Perangkat Daerah (profile: penetap = "Kepala Perangkat Daerah"), not a Kepala Bidang;
    "KEEMPAT Keputusan ini mulai berlaku pada tanggal ditetapkan."."""
    layanan = _dengan_profil(db_demo, "luwu_utara")
    try:
        tim_id, unit_id = 4, _sql(db_demo, "SELECT unit_id FROM tim_kerja WHERE id = 4")[0][0]  # Bidang Aptika
        kabid, kadis = _kepala(layanan, unit_id)
        with pytest.raises(Ditolak, match="Kepala Dinas Komunikasi dan Informatika"):
            layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim_id, penandatangan_id=kabid)
        hasil = layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim_id, penandatangan_id=kadis)
        teks = " ".join(hasil.teks.split())
        assert "KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN SUKAMAJU" in teks
        assert "KEPALA BIDANG" not in teks.split("Menimbang")[0] and "/DISKOMINFO/" in hasil.nomor
        assert "mulai berlaku pada tanggal ditetapkan" in teks and "Tim Tim" not in teks
    finally:
        layanan.tutup()


def test_keputusan_cilegon_lintas_instansi_oleh_wali_kota(db_demo):
    """Perwal Cilegon 17/2023 Pasal 9 ayat (2): "Pembentukan dan susunan tim kerja lintas Instansi Pemerintah
    ... ditetapkan dengan Keputusan Wali Kota." (ayat (1): dalam unit/lintas unit by the Pimpinan Unit)."""
    layanan = _dengan_profil(db_demo, "cilegon")
    try:
        (unit_id,) = _sql(db_demo, "SELECT unit_id FROM tim_kerja WHERE id = 1")[0]  # a member from Mekarjaya
        kabid, _ = _kepala(layanan, unit_id)
        teks = layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=1, penandatangan_id=kabid).teks
        assert "KEPUTUSAN BUPATI SUKAMAJU" in teks and teks.lstrip().startswith("BUPATI SUKAMAJU")
        # Permendagri 1/2023 Pasal 44: the Kepala Daerah's name without gelar on a penetapan, no NIP
        ttd = teks.split("Ditetapkan di")[1].split("LAMPIRAN")[0]
        assert "Raden Wiratmaja Sasmita" in ttd and "H. " not in ttd and "S.H." not in ttd and "NIP." not in ttd
        (unit_dalam,) = _sql(db_demo, "SELECT unit_id FROM tim_kerja WHERE id = 4")[0]  # members of one unit
        kabid, _ = _kepala(layanan, unit_dalam)
        dalam = layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=4, penandatangan_id=kabid).teks
        assert "KEPUTUSAN KEPALA BIDANG APLIKASI INFORMATIKA" in " ".join(dalam.split())
    finally:
        layanan.tutup()


def test_keputusan_klaten_kelompok_kerja(db_demo):
    """Perbup Klaten 34/2024 Pasal 1 angka 24: "Kelompok Kerja adalah Tim kerja yang berbasis layanan utama Unit
    Organisasi ..." — the letter says Kelompok Kerja, never "TIM", and is set by the Kepala Perangkat Daerah."""
    _sql(db_demo, "UPDATE tim_kerja SET bentuk = 'kelompok_kerja' WHERE id = 4")
    layanan = _dengan_profil(db_demo, "klaten")
    try:
        (unit_id,) = _sql(db_demo, "SELECT unit_id FROM tim_kerja WHERE id = 4")[0]
        _, kadis = _kepala(layanan, unit_id)
        teks = " ".join(layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=4, penandatangan_id=kadis).teks.split())
        assert "PEMBENTUKAN KELOMPOK KERJA PENGEMBANGAN APLIKASI SPBE TERINTEGRASI" in teks
        assert "Membentuk Kelompok Kerja Pengembangan" in teks and " TIM " not in teks.split("SUSUNAN")[0]
    finally:
        layanan.tutup()


def test_tembusan_dari_formulir_permohonan_dan_rute(layanan, db_demo):
    """Tembusan are named offices: typed in the request form they replace the route's; the route's
    "Pejabat Penilai Kinerja bersangkutan" becomes the office of the pegawai's own PPK (Perbup Luwu Utara
    59/2023, Lampiran Bab II huruf B angka 2 huruf a angka 2) huruf a): ditembuskan kepada PPK)."""
    from sistemkerja_tui.layanan.penugasan import IsiSuratPermohonan
    from sistemkerja_tui.layanan.tim import DataTim, JenisPembentukan, SasaranTim

    (unit_id,) = _sql(db_demo, "SELECT unit_id FROM tim_kerja WHERE id = 4")[0]
    kepala = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(unit_id) if u.pimpinan][-1]
    pd = layanan.struktur.jalur_unit(unit_id)[0].id
    sub = ",".join(map(str, layanan.struktur.subpohon(pd)))
    (luar,) = _sql(
        db_demo,
        "SELECT p.id FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id JOIN instansi i ON i.id = u.instansi_id "
        f"WHERE NOT i.luar AND p.unit_id NOT IN ({sub}) AND p.jenis_jabatan = 'fungsional' ORDER BY p.id LIMIT 1",
    )[0]
    tim_id = layanan.tim.bentuk_tim(
        DataTim(
            "Tim Uji Tembusan",
            unit_id,
            JenisPembentukan.INSIDENTAL,
            SasaranTim.INTERVENSI,
            date(2026, 2, 1),
            date(2026, 8, 1),
        ),
        oleh_id=kepala,
    )
    isi = IsiSuratPermohonan(
        maksud_tujuan="Membantu tim",
        kompetensi="Analisis data",
        ekspektasi="Laporan",
        durasi="3 bulan",
        tembusan=("Inspektur Kabupaten Sukamaju", "Pejabat Penilai Kinerja bersangkutan"),
    )
    layanan.tim.tambah_anggota(tim_id, luar, "analis", oleh_id=kepala, isi=isi)
    (pid,) = _sql(db_demo, "SELECT id FROM permohonan WHERE tim_id = ?", tim_id)[0]
    teks = layanan.surat.buat(JenisSurat.PERMOHONAN_PELIBATAN, permohonan_id=pid, penandatangan_id=kepala).teks
    salinan = teks.split("Tembusan:\n")[1].splitlines()
    ppk = layanan.surat.pihak.kantor_ppk(luar, bagi=unit_id)
    yth = teks.split("Yth. ")[1].split("\ndi-")[0]
    assert salinan[0] == "1. Inspektur Kabupaten Sukamaju" and "Pejabat Penilai Kinerja" not in ppk
    # the PPK's office is copied, unless the letter is addressed to it already
    assert salinan[1:] == ([] if ppk == " ".join(yth.split()) else [f"2. {ppk}"])


def test_surat_tugas_menunggu_keputusan_yang_dirujuk(layanan, db_demo):
    """A yearly team is set by Keputusan (Perwal Madiun 73/2023 Lampiran Bab II huruf B angka 1 huruf a); its
    Surat Tugas cites it under Dasar, so until it is registered the checker says to make it first."""
    tim_id, unit_id = _sql(db_demo, "SELECT id, unit_id FROM tim_kerja WHERE jenis_pembentukan = 'tahunan' LIMIT 1")[0]
    _sql(db_demo, "UPDATE tim_kerja SET dasar_penetapan = '' WHERE id = ?", tim_id)
    jalur = layanan.struktur.jalur_unit(unit_id)
    kepala, kadis = [u.pimpinan.pegawai_id for u in jalur if u.pimpinan][-1], jalur[0].pimpinan.pegawai_id
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match="buat dan daftarkan dahulu Keputusan pembentukan tim"):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim_id, penandatangan_id=kepala)
    assert sidik(db_demo) == sebelum
    keputusan = layanan.surat.buat(
        JenisSurat.KEPUTUSAN_TIM, tim_id=tim_id, penandatangan_id=kadis, tanggal=date(2026, 1, 5)
    )
    tugas = layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim_id, penandatangan_id=kepala)
    dasar = " ".join(tugas.teks.split("MENUGASKAN")[0].split())
    assert f"Keputusan Bupati Sukamaju Nomor {keputusan.nomor} tanggal 5 Januari 2026 tentang Pembentukan" in dasar
