"""Letters: golden texts of every kind, the sandbox, user templates, the checker, the writers."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import cast

import pytest

from sistemkerja_tui.aturan.enums import PredikatPenilaian
from sistemkerja_tui.surat import (
    KeluaranTidakSah,
    TemplatTidakSah,
    periksa,
    render,
    tulis,
)
from sistemkerja_tui.surat.konteks import (
    IsiPermohonan,
    JenisSurat,
    Kepala,
    Konteks,
    KonteksKeputusanTim,
    KonteksNotaDinas,
    KonteksPenolakan,
    KonteksPermohonanLintasInstansi,
    KonteksPermohonanPelibatan,
    KonteksPersetujuan,
    KonteksRekomendasiPenilaian,
    KonteksSukarelaLintasUnit,
    KonteksSuratTugas,
    Kop,
    Orang,
    Penandatangan,
    Rekomendasi,
    RujukanSurat,
    TugasPeran,
)
from sistemkerja_tui.surat.lingkungan import kata_bilangan, tanggal, terbilang, urutan
from sistemkerja_tui.surat.penulis import nama_berkas

GOLDEN = Path(__file__).parent / "surat_golden"

KOP = Kop(
    baris=(
        "PEMERINTAH KABUPATEN SUKAMAJU",
        "DINAS KESEHATAN",
        "Jalan Merdeka Nomor 10, Sukamaju 91234, Telepon (0471) 123456",
    )
)
KOP_KOMINFO = Kop(
    baris=(
        "PEMERINTAH KABUPATEN SUKAMAJU",
        "DINAS KOMUNIKASI DAN INFORMATIKA",
        "Jalan Veteran Nomor 3, Sukamaju 91234",
    )
)
KADIS = Orang(
    nama="Siti Aminah",
    gelar_depan="dr.",
    gelar_belakang="M.Kes.",
    nip="197001011995032001",
    pangkat_golongan="Pembina Utama Muda (IV/c)",
    jabatan="Kepala Dinas Kesehatan",
    unit="Dinas Kesehatan",
)
KABID = Orang(
    nama="Andi Wijaya",
    gelar_belakang="S.K.M., M.Kes.",
    nip="197805122003121002",
    pangkat_golongan="Pembina (IV/a)",
    jabatan="Kepala Bidang Pencegahan dan Pengendalian Penyakit",
)
KADIS_KOMINFO = Orang(
    nama="Hendra Gunawan",
    gelar_belakang="S.Kom., M.T.",
    nip="197204151998031005",
    pangkat_golongan="Pembina Tingkat I (IV/b)",
    jabatan="Kepala Dinas Komunikasi dan Informatika",
)
BUDI = Orang(
    nama="Budi Santoso",
    gelar_belakang="S.K.M.",
    nip="198503172010011003",
    pangkat_golongan="Penata Tingkat I (III/d)",
    jabatan="Epidemiolog Kesehatan Ahli Muda",
    unit="Bidang P2P",
)
RINA = Orang(
    nama="Rina Kartika",
    gelar_belakang="A.Md.Keb.",
    nip="199002202015032004",
    pangkat_golongan="Penata Muda Tingkat I (III/b)",
    jabatan="Bidan Terampil",
    unit="UPTD Puskesmas Sukamaju",
)
DEWI = Orang(
    nama="Dewi Lestari",
    gelar_belakang="S.Kom.",
    nip="199105102019032006",
    pangkat_golongan="Penata Muda (III/a)",
    jabatan="Pranata Komputer Ahli Pertama",
    unit="Bidang Aplikasi Informatika",
)

TTD_KADIS = Penandatangan(orang=KADIS, jabatan_ttd="KEPALA DINAS KESEHATAN")
TTD_KOMINFO = Penandatangan(orang=KADIS_KOMINFO, jabatan_ttd="KEPALA DINAS KOMUNIKASI DAN INFORMATIKA")

ISI = IsiPermohonan(
    nama_tim="Percepatan Penurunan Stunting",
    kegiatan="Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
    unit_pelaksana="Dinas Kesehatan Kabupaten Sukamaju",
    tahun_anggaran=2026,
    maksud_tujuan="membangun dasbor pemantauan balita stunting per desa",
    kompetensi="pengembangan aplikasi web dan pengelolaan basis data",
    ekspektasi="dasbor beroperasi di seluruh puskesmas paling lambat Juni 2026",
    durasi="6 (enam) bulan, Januari sampai dengan Juni 2026",
    calon=(DEWI,),
)

SURAT_MASUK = RujukanSurat(
    nomor="800.1.2.3/15/DINKES/2026", tanggal=date(2026, 1, 7), hal="Permohonan Pelibatan Anggota Tim"
)


def _kepala(nomor: str, **lain) -> Kepala:
    return Kepala(nomor=nomor, tanggal=date(2026, 1, 7), tempat="Sukamaju", **lain)


KONTEKS: dict[JenisSurat, Konteks] = {
    JenisSurat.KEPUTUSAN_TIM: KonteksKeputusanTim(
        kop=KOP,
        kepala=Kepala(
            nomor="800.1.3/12/DINKES/2026",  # the register's number in the issuer's pattern, printed whole
            tanggal=date(2026, 1, 5),
            tempat="Sukamaju",
            tembusan=("Bupati Sukamaju (sebagai laporan)", "Inspektur Kabupaten Sukamaju"),
        ),
        penandatangan=TTD_KADIS,
        penetap="Kepala Dinas Kesehatan Kabupaten Sukamaju",
        nama_tim="Percepatan Penurunan Stunting",
        tahun_anggaran=2026,
        menimbang=(
            (
                "bahwa untuk mempercepat penurunan angka stunting di Kabupaten Sukamaju diperlukan kerja sama"
                " lintas bidang;"
            ),
            (
                "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan"
                " Kepala Dinas Kesehatan tentang Pembentukan Tim Percepatan Penurunan Stunting Tahun Anggaran"
                " 2026;"
            ),
        ),
        mengingat=(
            (
                "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022"
                " tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi;"
            ),
            "Peraturan Bupati Sukamaju Nomor 59 Tahun 2023 tentang Sistem Kerja;",
        ),
        tugas=(
            TugasPeran(peran="Pengarah", uraian=("memberikan arahan kebijakan kepada tim;",)),
            TugasPeran(
                peran="Ketua",
                uraian=(
                    "menyusun rencana kerja tim;",
                    "membagi tugas kepada anggota secara merata;",
                    "melaporkan hasil kerja tim kepada Pengarah;",
                ),
            ),
            TugasPeran(peran="Anggota", uraian=("melaksanakan tugas yang dibagi oleh Ketua.",)),
        ),
        pengarah=(KADIS,),
        penanggung_jawab=(KABID,),
        ketua=BUDI,
        anggota=(RINA, DEWI),
        diktum_tambahan=(
            (
                "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada"
                " Dokumen Pelaksanaan Anggaran Dinas Kesehatan Tahun Anggaran 2026."
            ),
        ),
    ),
    JenisSurat.SURAT_TUGAS: KonteksSuratTugas(
        kop=KOP,
        kepala=Kepala(
            nomor="800.1.2.3/20/DINKES/2026",
            tanggal=date(2026, 1, 8),
            tempat="Sukamaju",
            tembusan=("Kepala Bidang Pencegahan dan Pengendalian Penyakit",),
        ),
        penandatangan=TTD_KADIS,
        dasar=(
            (
                "Keputusan Kepala Dinas Kesehatan Kabupaten Sukamaju Nomor 12 Tahun 2026 tentang"
                " Pembentukan Tim Percepatan Penurunan Stunting Tahun Anggaran 2026;"
            ),
            "Dokumen Pelaksanaan Anggaran Dinas Kesehatan Tahun Anggaran 2026.",
        ),
        pegawai=(BUDI,),
        untuk=(
            (
                "Melaksanakan tugas sebagai Ketua Tim Percepatan Penurunan Stunting pada sub kegiatan"
                " Pengelolaan Pelayanan Kesehatan Gizi Masyarakat Tahun Anggaran 2026;"
            ),
        ),
        mulai=date(2026, 1, 8),
        selesai=date(2026, 12, 31),
        ppk=KABID,
    ),
    JenisSurat.PERMOHONAN_PELIBATAN: KonteksPermohonanPelibatan(
        kop=KOP,
        kepala=_kepala(
            "800.1.2.3/15/DINKES/2026",
            sifat="Biasa",
            lampiran=1,
            hal="Permohonan Pelibatan Anggota Tim Pelaksana Sub Kegiatan",
            kepada=("Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju",),
            di="Sukamaju",
            tembusan=("Kepala Bidang Aplikasi Informatika Dinas Komunikasi dan Informatika",),
        ),
        penandatangan=Penandatangan(
            orang=KABID,
            jabatan_ttd="Kepala Bidang Pencegahan dan Pengendalian Penyakit",
            atas_nama="Kepala Dinas Kesehatan",
        ),
        isi=ISI,
    ),
    JenisSurat.NOTA_DINAS: KonteksNotaDinas(
        kop=KOP,
        kepala=_kepala(
            "800.1.2.3/16/DINKES/2026",
            hal="Permintaan Anggota Tim Percepatan Penurunan Stunting Tahun Anggaran 2026",
            kepada=("Kepala Bidang Kesehatan Masyarakat",),
        ),
        penandatangan=Penandatangan(orang=KABID, jabatan_ttd="Kepala Bidang Pencegahan dan Pengendalian Penyakit"),
        dari="Kepala Bidang Pencegahan dan Pengendalian Penyakit",
        isi=dataclasses.replace(
            ISI,
            calon=(RINA,),
            maksud_tujuan="mendampingi pendataan balita stunting",
            kompetensi="pelayanan kebidanan dan gizi ibu dan anak",
            ekspektasi="data balita stunting di 10 desa terverifikasi paling lambat Maret 2026",
            durasi="3 (tiga) bulan, Januari sampai dengan Maret 2026",
        ),
    ),
    JenisSurat.PERSETUJUAN_ANGGOTA: KonteksPersetujuan(
        kop=KOP_KOMINFO,
        kepala=_kepala(
            "000.8/31/DISKOMINFO/2026",
            hal="Persetujuan Anggota Tim Pelaksana Sub Kegiatan",
            kepada=("Kepala Dinas Kesehatan Kabupaten Sukamaju",),
            di="Sukamaju",
            tembusan=("Kepala Bidang Aplikasi Informatika",),
        ),
        penandatangan=TTD_KOMINFO,
        surat_masuk=SURAT_MASUK,
        pegawai=(DEWI,),
        nama_tim="Percepatan Penurunan Stunting",
        kegiatan="Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
        tahun_anggaran=2026,
    ),
    JenisSurat.PENOLAKAN: KonteksPenolakan(
        kop=KOP_KOMINFO,
        kepala=_kepala(
            "000.8/32/DISKOMINFO/2026",
            hal="Jawaban Permohonan Pelibatan Anggota Tim",
            kepada=("Kepala Dinas Kesehatan Kabupaten Sukamaju",),
            di="Sukamaju",
        ),
        penandatangan=TTD_KOMINFO,
        surat_masuk=SURAT_MASUK,
        nama_tim="Percepatan Penurunan Stunting",
        kegiatan="Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
        tahun_anggaran=2026,
        alasan=(
            "yang bersangkutan sedang menjadi anggota dua tim kerja lain sampai Desember 2026;",
            "beban kerja Bidang Aplikasi Informatika pada semester I sudah melebihi kapasitas.",
        ),
        pegawai=(DEWI,),
    ),
    JenisSurat.PERMOHONAN_LINTAS_INSTANSI: KonteksPermohonanLintasInstansi(
        kop=KOP,
        kepala=_kepala(
            "800.1.2.3/17/DINKES/2026",
            hal="Permohonan Pelibatan Pejabat Fungsional dari Instansi Lain",
            kepada=("Sekretaris Daerah Kabupaten Sukamaju",),
            di="Sukamaju",
            tembusan=("Kepala Bidang Pencegahan dan Pengendalian Penyakit",),
        ),
        penandatangan=TTD_KADIS,
        instansi_tujuan="Badan Pusat Statistik Kabupaten Sukamaju",
        isi=dataclasses.replace(ISI, calon=(), kompetensi="analisis statistik data survei kesehatan"),
    ),
    JenisSurat.SUKARELA_LINTAS_UNIT: KonteksSukarelaLintasUnit(
        kepala=_kepala(
            "",
            hal="Permohonan Keikutsertaan dalam Tim Percepatan Penurunan Stunting",
            kepada=("Kepala Bidang Pencegahan dan Pengendalian Penyakit",),
            di="Sukamaju",
            tembusan=(
                "Kepala Bidang Kesehatan Masyarakat selaku Pejabat Penilai Kinerja",
                "Kepala UPTD Puskesmas Sukamaju",
            ),
        ),
        pemohon=RINA,
        nama_tim="Percepatan Penurunan Stunting",
        kinerja="penurunan prevalensi stunting Tahun 2026",
        kompetensi="pelayanan kebidanan serta pemantauan gizi ibu hamil dan balita",
        penyetuju=Penandatangan(orang=KABID, jabatan_ttd="Kepala Bidang Pencegahan dan Pengendalian Penyakit"),
    ),
    JenisSurat.REKOMENDASI_PENILAIAN: KonteksRekomendasiPenilaian(
        kop=KOP,
        kepala=_kepala(
            "800.1.2.3/90/DINKES/2026",
            hal="Penyampaian Rekomendasi Penilaian Anggota Tim",
            kepada=("Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju",),
            di="Sukamaju",
        ),
        penandatangan=Penandatangan(orang=BUDI, jabatan_ttd="Ketua Tim Percepatan Penurunan Stunting"),
        nama_tim="Percepatan Penurunan Stunting",
        tahun=2026,
        mulai=date(2026, 1, 8),
        selesai=date(2026, 6, 30),
        rekomendasi=(
            Rekomendasi(
                orang=DEWI,
                predikat=PredikatPenilaian.DI_ATAS,
                catatan="dasbor selesai dua minggu lebih cepat dari target",
            ),
        ),
    ),
}

KOLEKTIF = dataclasses.replace(
    cast(KonteksSuratTugas, KONTEKS[JenisSurat.SURAT_TUGAS]),
    pegawai=(BUDI, RINA),
    untuk=(
        (
            "Melaksanakan tugas sebagai Ketua dan Anggota Tim Percepatan Penurunan Stunting pada sub kegiatan"
            " Pengelolaan Pelayanan Kesehatan Gizi Masyarakat Tahun Anggaran 2026 sesuai peran masing-masing"
            " sebagaimana tercantum dalam Lampiran;"
        ),
    ),
    ppk=None,
    peran=("Ketua", "Anggota"),  # the ketua is told he leads (not "sebagai anggota")
    ppk_anggota=(  # one PPK per member, each named in the Lampiran
        "Kepala Bidang Pencegahan dan Pengendalian Penyakit",
        "Kepala UPTD Puskesmas Sukamaju",
    ),
)
REKOMENDASI_BANYAK = dataclasses.replace(
    cast(KonteksRekomendasiPenilaian, KONTEKS[JenisSurat.REKOMENDASI_PENILAIAN]),
    rekomendasi=(
        Rekomendasi(orang=DEWI, predikat=PredikatPenilaian.DI_ATAS),
        Rekomendasi(orang=RINA, predikat=PredikatPenilaian.SESUAI, catatan="laporan mingguan tepat waktu"),
    ),
)

KASUS_GOLDEN = [(j.value, j, k) for j, k in KONTEKS.items()] + [
    ("surat_tugas_kolektif", JenisSurat.SURAT_TUGAS, KOLEKTIF),
    ("rekomendasi_penilaian_banyak", JenisSurat.REKOMENDASI_PENILAIAN, REKOMENDASI_BANYAK),
]


def _kode(temuan) -> set[str]:
    return {t.kode for t in temuan}


# --- golden texts -------------------------------------------------------------------------------


@pytest.mark.parametrize(("nama", "jenis", "konteks"), KASUS_GOLDEN, ids=[k[0] for k in KASUS_GOLDEN])
def test_golden(nama, jenis, konteks, tmp_path):
    hasil = render(jenis, konteks, folder_pengguna=tmp_path / "kosong")
    assert hasil.teks == (GOLDEN / f"{nama}.txt").read_text(encoding="utf-8")
    assert len(hasil.sidik) == 64 and Path(hasil.templat).name == jenis.templat


@pytest.mark.parametrize(("nama", "jenis", "konteks"), KASUS_GOLDEN, ids=[k[0] for k in KASUS_GOLDEN])
def test_contoh_golden_lolos_pemeriksa_dan_baris_pendek(nama, jenis, konteks, tmp_path):
    assert [t for t in periksa(jenis, konteks) if t.memblokir] == []
    teks = render(jenis, konteks, folder_pengguna=tmp_path).teks
    assert max(len(b) for b in teks.splitlines()) <= 80


def test_setiap_jenis_punya_templat_dan_golden():
    bawaan = Path(__file__).parent.parent / "templates"
    for jenis in JenisSurat:
        assert (bawaan / jenis.templat).is_file()
        assert (GOLDEN / f"{jenis.value}.txt").is_file()
        assert jenis.label


def test_pasal_44_keputusan_tanpa_gelar_surat_dengan_gelar(tmp_path):
    keputusan = render(JenisSurat.KEPUTUSAN_TIM, KONTEKS[JenisSurat.KEPUTUSAN_TIM], folder_pengguna=tmp_path)
    baris = [b.strip() for b in keputusan.teks.splitlines()]
    assert "Siti Aminah" in baris and "dr. Siti Aminah, M.Kes." not in baris
    tugas = render(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS], folder_pengguna=tmp_path)
    assert "dr. Siti Aminah, M.Kes." in [b.strip() for b in tugas.teks.splitlines()]
    assert "NIP. 19700101 199503 2 001" in tugas.teks


def test_pasal_44_kepala_daerah_dan_plt():
    bupati = Orang(nama="Ahmad Fauzi", gelar_belakang="S.H.", nip="196801011990031001", jabatan="Bupati")
    definitif = Penandatangan(orang=bupati, jabatan_ttd="BUPATI SUKAMAJU", kepala_daerah=True)
    assert definitif.baris_nama() == ("Ahmad Fauzi, S.H.",)
    plt = dataclasses.replace(definitif, plt_plh="Plt.")
    assert plt.baris_nama() == ("Ahmad Fauzi",) and plt.baris_jabatan == ("Plt. BUPATI SUKAMAJU,",)
    sekda = Penandatangan(orang=KADIS, jabatan_ttd="SEKRETARIS DAERAH", sekda=True, plt_plh="Plh.")
    assert sekda.baris_nama() == ("Siti Aminah",)
    ub = Penandatangan(
        orang=KABID, jabatan_ttd="KEPALA BIDANG P2P", atas_nama="BUPATI SUKAMAJU", untuk_beliau="SEKRETARIS DAERAH"
    )
    assert ub.baris_jabatan == ("a.n. BUPATI SUKAMAJU", "SEKRETARIS DAERAH,", "u.b.", "KEPALA BIDANG P2P,")
    assert ub.baris_nama() == ("Andi Wijaya, S.K.M., M.Kes.", "Pembina (IV/a)", "NIP. 19780512 200312 1 002")


# --- filters --------------------------------------------------------------------------------------


def test_tanggal_panjang_bahasa_indonesia():
    assert tanggal(date(2023, 12, 29)) == "29 Desember 2023"
    assert tanggal(date(2026, 2, 1)) == "1 Februari 2026"


@pytest.mark.parametrize(
    ("n", "kata"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (20, "dua puluh"),
        (45, "empat puluh lima"),
        (100, "seratus"),
        (115, "seratus lima belas"),
        (1000, "seribu"),
        (2026, "dua ribu dua puluh enam"),
        (1_000_000, "satu juta"),
    ],
)
def test_kata_bilangan(n, kata):
    assert kata_bilangan(n) == kata


def test_terbilang_dan_urutan():
    assert terbilang(1) == "1 (satu)"
    assert terbilang(3) == "3 (tiga)"
    assert [urutan(n) for n in (1, 2, 4, 11)] == ["KESATU", "KEDUA", "KEEMPAT", "KESEBELAS"]
    teks = render(JenisSurat.PERMOHONAN_PELIBATAN, KONTEKS[JenisSurat.PERMOHONAN_PELIBATAN]).teks
    assert "Lampiran : 1 (satu) berkas" in teks


# --- user templates and the sandbox ----------------------------------------------------------------


def _templat_pengguna(folder: Path, jenis: JenisSurat, isi: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    berkas = folder / jenis.templat
    berkas.write_text(isi, encoding="utf-8")
    return berkas


def test_templat_pengguna_menggantikan_bawaan(tmp_path):
    folder = tmp_path / "templat"
    _templat_pengguna(folder, JenisSurat.SURAT_TUGAS, "ST {{ surat.kepala.nomor }} {{ surat.mulai | tanggal }}\n")
    hasil = render(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS], folder_pengguna=folder)
    assert hasil.teks == "ST 800.1.2.3/20/DINKES/2026 8 Januari 2026\n"
    bawaan = render(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS], folder_pengguna=tmp_path / "x")
    assert hasil.sidik != bawaan.sidik


def test_folder_pengguna_bawaan_di_config(tmp_path):
    """Without `folder_pengguna`, `config_dir()/templates` (XDG_CONFIG_HOME in tests) is used."""
    from sistemkerja_tui import paths

    _templat_pengguna(paths.config_dir() / "templates", JenisSurat.NOTA_DINAS, "ND {{ surat.dari }}\n")
    hasil = render(JenisSurat.NOTA_DINAS, KONTEKS[JenisSurat.NOTA_DINAS])
    assert hasil.teks == "ND Kepala Bidang Pencegahan dan Pengendalian Penyakit\n"


def test_sidik_mencakup_bagian_bersama(tmp_path):
    folder = tmp_path / "templat"
    awal = render(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS], folder_pengguna=folder)
    folder.mkdir()
    bagian = (Path(__file__).parent.parent / "templates" / "_bagian.txt.j2").read_text(encoding="utf-8")
    (folder / "_bagian.txt.j2").write_text(bagian + "\n", encoding="utf-8")
    ubah = render(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS], folder_pengguna=folder)
    assert ubah.teks == awal.teks and ubah.sidik != awal.sidik


@pytest.mark.parametrize(
    "serangan",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ surat.__class__.__init__.__globals__['os'] }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    ],
)
def test_sandbox_menolak_pelarian(tmp_path, serangan):
    folder = tmp_path / "templat"
    berkas = _templat_pengguna(folder, JenisSurat.SURAT_TUGAS, f"Nomor {{{{ surat.kepala.nomor }}}}\n{serangan}\n")
    with pytest.raises(TemplatTidakSah) as info:
        render(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS], folder_pengguna=folder)
    assert str(berkas) in str(info.value)
    assert info.value.berkas == str(berkas) and info.value.baris == 2


def test_templat_rusak_menyebut_berkas_dan_baris_tanpa_fallback(tmp_path):
    folder = tmp_path / "templat"
    berkas = _templat_pengguna(
        folder, JenisSurat.SURAT_TUGAS, "SURAT TUGAS\nNomor {{ surat.kepala.nomor }}\n{% for x in surat.dasar %}\n"
    )
    with pytest.raises(TemplatTidakSah) as info:
        render(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS], folder_pengguna=folder)
    pesan = str(info.value)
    assert str(berkas) in pesan and "baris 3" in pesan
    assert info.value.baris == 3


def test_bagian_pengguna_rusak_juga_ditolak(tmp_path):
    folder = tmp_path / "templat"
    folder.mkdir()
    (folder / "_bagian.txt.j2").write_text("{% macro kop(k) %}\n{{ k.baris \n", encoding="utf-8")
    with pytest.raises(TemplatTidakSah, match=re.escape("_bagian.txt.j2")):
        render(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS], folder_pengguna=folder)


def test_isian_tidak_ada_disebut_namanya(tmp_path):
    folder = tmp_path / "templat"
    berkas = _templat_pengguna(
        folder, JenisSurat.SURAT_TUGAS, "Nomor {{ surat.kepala.nomor }}\nKode pos {{ surat.kepala.kode_pos }}\n"
    )
    with pytest.raises(TemplatTidakSah) as info:
        render(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS], folder_pengguna=folder)
    assert "kode_pos" in str(info.value) and str(berkas) in str(info.value) and info.value.baris == 2


def test_isian_kosong_pada_templat_bawaan_disebut_namanya(tmp_path):
    tanpa_ketua = dataclasses.replace(KONTEKS[JenisSurat.KEPUTUSAN_TIM], ketua=None)
    with pytest.raises(TemplatTidakSah, match="nama_dan_jabatan"):
        render(JenisSurat.KEPUTUSAN_TIM, tanpa_ketua, folder_pengguna=tmp_path)


def test_konteks_salah_jenis_ditolak():
    with pytest.raises(TypeError, match="KonteksSuratTugas"):
        render(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.NOTA_DINAS])


# --- the checker ----------------------------------------------------------------------------------


def test_periksa_keputusan_tanpa_ketua_dan_penandatangan():
    k = dataclasses.replace(KONTEKS[JenisSurat.KEPUTUSAN_TIM], ketua=None, penandatangan=None, anggota=())
    temuan = periksa(JenisSurat.KEPUTUSAN_TIM, k)
    assert {"ketua_kosong", "penandatangan_kosong", "anggota_kosong"} <= _kode(temuan)
    ketua = next(t for t in temuan if t.kode == "ketua_kosong")
    assert ketua.memblokir and "'ketua'" in ketua.pesan and "Format Naskah Dinas huruf a" in ketua.rujukan


def test_periksa_nomor_dan_tanggal():
    k = KONTEKS[JenisSurat.PERSETUJUAN_ANGGOTA]
    tanpa = dataclasses.replace(k, kepala=dataclasses.replace(k.kepala, nomor=" ", tanggal=None))
    temuan = periksa(JenisSurat.PERSETUJUAN_ANGGOTA, tanpa)
    assert {"nomor_kosong", "tanggal_kosong"} <= _kode(temuan)
    assert all(t.memblokir for t in temuan if t.kode in ("nomor_kosong", "tanggal_kosong"))


def test_periksa_empat_isi_permohonan():
    k = KONTEKS[JenisSurat.PERMOHONAN_PELIBATAN]
    kosong = dataclasses.replace(k, isi=dataclasses.replace(k.isi, kompetensi="", durasi="  "))
    temuan = [t for t in periksa(JenisSurat.PERMOHONAN_PELIBATAN, kosong) if t.kode == "isi_permohonan_kosong"]
    assert len(temuan) == 2 and all(t.memblokir for t in temuan)
    assert any("isi.kompetensi" in t.pesan for t in temuan) and any("isi.durasi" in t.pesan for t in temuan)
    assert "Lampiran Bab II huruf B angka 2 huruf a" in temuan[0].rujukan


def test_periksa_tembusan_permohonan_lintas_unit():
    k = KONTEKS[JenisSurat.PERMOHONAN_PELIBATAN]
    tanpa = dataclasses.replace(k, kepala=dataclasses.replace(k.kepala, tembusan=()))
    temuan = [t for t in periksa(JenisSurat.PERMOHONAN_PELIBATAN, tanpa) if t.kode == "tembusan_kosong"]
    assert len(temuan) == 1 and temuan[0].tingkat == "peringatan"
    assert "angka 2) huruf a)" in temuan[0].rujukan


def test_periksa_pasal_44():
    k = KONTEKS[JenisSurat.SURAT_TUGAS]
    tanpa_nip = dataclasses.replace(TTD_KADIS, orang=dataclasses.replace(KADIS, nip=None))
    temuan = periksa(JenisSurat.SURAT_TUGAS, dataclasses.replace(k, penandatangan=tanpa_nip))
    nip = next(t for t in temuan if t.kode == "nip_penandatangan_kosong")
    assert nip.tingkat == "peringatan" and "Pasal 44 ayat (3)" in nip.rujukan

    bupati = Penandatangan(
        orang=Orang(nama="Ahmad Fauzi", nip="196801011990031001", jabatan="Bupati"),
        jabatan_ttd="BUPATI SUKAMAJU",
        kepala_daerah=True,
    )
    temuan = periksa(JenisSurat.SURAT_TUGAS, dataclasses.replace(k, penandatangan=bupati))
    assert "nip_tidak_dicantumkan" in _kode(temuan)
    teks = render(JenisSurat.SURAT_TUGAS, dataclasses.replace(k, penandatangan=bupati)).teks
    assert "1968" not in teks


def test_periksa_penolakan_tanpa_alasan():
    k = dataclasses.replace(KONTEKS[JenisSurat.PENOLAKAN], alasan=())
    temuan = [t for t in periksa(JenisSurat.PENOLAKAN, k) if t.kode == "alasan_kosong"]
    assert len(temuan) == 1 and temuan[0].memblokir and "huruf d)" in temuan[0].rujukan


def test_periksa_surat_tugas_dan_sukarela():
    k = dataclasses.replace(KONTEKS[JenisSurat.SURAT_TUGAS], selesai=date(2025, 12, 31), ppk=None, untuk=())
    assert {"masa_tugas_terbalik", "ppk_kosong", "untuk_kosong"} <= _kode(periksa(JenisSurat.SURAT_TUGAS, k))
    s = KONTEKS[JenisSurat.SUKARELA_LINTAS_UNIT]
    assert periksa(JenisSurat.SUKARELA_LINTAS_UNIT, s) == []
    s = dataclasses.replace(s, pemohon=None, kepala=dataclasses.replace(s.kepala, tembusan=("PPK",)))
    assert {"pemohon_kosong", "tembusan_kurang"} <= _kode(periksa(JenisSurat.SUKARELA_LINTAS_UNIT, s))


# --- writers --------------------------------------------------------------------------------------


def test_nama_berkas_aman():
    assert (
        nama_berkas(JenisSurat.SURAT_TUGAS, "800-1.2.3/12/DINKES 2026", "txt")
        == "surat_tugas_800-1.2.3_12_DINKES_2026.txt"
    )
    assert nama_berkas(JenisSurat.SUKARELA_LINTAS_UNIT, "", "md") == "sukarela_lintas_unit_tanpa_nomor.md"
    assert "/" not in nama_berkas(JenisSurat.NOTA_DINAS, "../../etc/passwd", "txt")


@pytest.mark.parametrize("format", ["txt", "md", "docx"])
def test_tulis_tiap_format(tmp_path, format):
    k = KONTEKS[JenisSurat.SURAT_TUGAS]
    teks = render(JenisSurat.SURAT_TUGAS, k).teks
    berkas = tulis(teks, JenisSurat.SURAT_TUGAS, k.kepala.nomor, tmp_path, format, konteks=k)
    assert berkas == tmp_path / f"surat_tugas_800.1.2.3_20_DINKES_2026.{format}"
    assert sorted(p.name for p in tmp_path.iterdir()) == [berkas.name]
    if format == "txt":
        assert berkas.read_text(encoding="utf-8") == teks
    elif format == "md":
        md = berkas.read_text(encoding="utf-8")
        assert "**PEMERINTAH KABUPATEN SUKAMAJU**" in md and "### SURAT TUGAS" in md
        assert "800.1.2.3/20/DINKES/2026" in md


def test_docx_dapat_dibuka_dan_memuat_nomor_nama_tanggal(tmp_path):
    import docx

    k = KOLEKTIF
    teks = render(JenisSurat.SURAT_TUGAS, k).teks
    berkas = tulis(teks, JenisSurat.SURAT_TUGAS, k.kepala.nomor, tmp_path, "docx", konteks=k)
    dok = docx.Document(str(berkas))
    sel = [c for t in dok.tables for r in t.rows for c in r.cells]
    isi = "\n".join([p.text for p in dok.paragraphs] + [c.text for c in sel])
    for harus in (
        "800.1.2.3/20/DINKES/2026",
        "Budi Santoso",
        "Rina Kartika",
        "19850317 201001 1 003",
        "8 Januari 2026",
        "dr. Siti Aminah, M.Kes.",
    ):
        assert harus in isi
    kop = dok.tables[0].rows[0].cells[1].paragraphs[0]  # logo | kop | spacer (tests/test_dokumen.py)
    assert kop.text == "PEMERINTAH KABUPATEN SUKAMAJU" and kop.runs[0].bold
    assert kop.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER


def test_tulis_ke_folder_tidak_ada(tmp_path):
    hilang = tmp_path / "tidak-ada"
    with pytest.raises(KeluaranTidakSah, match=str(hilang)):
        tulis("isi", JenisSurat.NOTA_DINAS, "1/2", hilang, "txt")
    assert not hilang.exists()
    berkas_biasa = tmp_path / "berkas.txt"
    berkas_biasa.write_text("x")
    with pytest.raises(KeluaranTidakSah, match="tidak ada"):
        tulis("isi", JenisSurat.NOTA_DINAS, "1/2", berkas_biasa, "txt")


def test_tulis_ke_folder_tidak_dapat_ditulisi(tmp_path, monkeypatch):
    folder = tmp_path / "terkunci"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
    else:  # root writes anywhere: simulate the denied permission
        monkeypatch.setattr(os, "access", lambda *a, **k: False)
    try:
        with pytest.raises(KeluaranTidakSah, match="tidak dapat ditulisi"):
            tulis("isi", JenisSurat.NOTA_DINAS, "1/2", folder, "txt")
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


def test_tulis_gagal_di_tengah_tidak_meninggalkan_berkas(tmp_path, monkeypatch):
    def gagal(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", gagal)
    with pytest.raises(KeluaranTidakSah, match=str(tmp_path)):
        tulis("isi", JenisSurat.NOTA_DINAS, "1/2", tmp_path, "txt")
    assert list(tmp_path.iterdir()) == []


# --- purity ---------------------------------------------------------------------------------------


def test_surat_tidak_memuat_textual_atau_database():
    kode = (
        "import importlib, json, pkgutil, sys\n"
        "import sistemkerja_tui.surat as s\n"
        "for m in pkgutil.walk_packages(s.__path__, 'sistemkerja_tui.surat.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(json.dumps(sorted(m for m in ('textual', 'sqlalchemy', 'sqlmodel', 'alembic')"
        " if m in sys.modules)))\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert json.loads(hasil.stdout) == []


def test_periksa_rujukan_belum_dibuat_menyebut_surat_yang_harus_dibuat_dahulu():
    """A persetujuan cites "surat Saudara Nomor … tanggal …" (Perbup Luwu Utara 59/2023, Format Naskah Dinas
    huruf f): with the request letter not yet registered, the checker blocks and names it."""
    konteks = dataclasses.replace(
        cast(KonteksPersetujuan, KONTEKS[JenisSurat.PERSETUJUAN_ANGGOTA]),
        rujukan_belum_dibuat=(JenisSurat.PERMOHONAN_PELIBATAN.label,),
    )
    (temuan,) = [t for t in periksa(JenisSurat.PERSETUJUAN_ANGGOTA, konteks) if t.kode == "rujukan_belum_dibuat"]
    assert temuan.memblokir and JenisSurat.PERMOHONAN_PELIBATAN.label in str(temuan)


@pytest.mark.parametrize(
    ("nomor", "tertulis"),
    [("800.1.3/12/DINKES/2026", "800.1.3/12/DINKES/2026"), ("12", "12 TAHUN 2026"), ("188.4/7", "188.4/7 TAHUN 2026")],
)
def test_nomor_penetapan_menurut_pola_penerbit(nomor, tertulis):
    """NOMOR of a Keputusan: the registered number as the issuer writes it; 'TAHUN' only when it has no year."""
    assert Kepala(nomor=nomor, tanggal=date(2026, 1, 5), tempat="Sukamaju").nomor_penetapan == tertulis


def test_tabel_teks_memotong_kata_panjang_dengan_tanda_hubung(tmp_path):
    # "Pengadministrasi Perkantoran" in a 12-character Jabatan column: the word is cut with a hyphen, so the
    # Unit column stays in line on every row (it used to push it right)
    from types import SimpleNamespace

    from sistemkerja_tui.surat.lingkungan import buat_lingkungan

    env = buat_lingkungan(tmp_path / "kosong")
    orang = [
        SimpleNamespace(j="Pengadministrasi Perkantoran", u="Dinas Kesehatan"),
        SimpleNamespace(j="Perawat", u="Puskesmas"),
    ]
    teks = env.from_string("{{ o | tabel([('Jabatan', 'j', 12), ('Unit', 'u', 9)]) }}").render(o=orang)
    baris = teks.splitlines()
    assert "Pengadminis-" in teks and "trasi" in teks
    garis = baris[0]
    kolom_unit = garis.index(" ", 4 + 12) + 1  # after "--- " and the Jabatan column's dashes
    for b in baris:
        assert len(b) <= len(garis)
        assert len(b) <= kolom_unit or b[kolom_unit - 1] == " "
