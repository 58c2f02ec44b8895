"""Regulation profiles: loading, inheritance from umum, the values each seed gives, broken files.

Every value checked here quotes the seed passage it encodes.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from tests.bantu import galat, salin_profil, ubah

from sistemkerja_tui.aturan.enums import (
    BentukTim,
    Golongan,
    JenisJabatan,
    JenisPembentukan,
    JenisUnit,
    Jenjang,
    LingkupPenugasan,
    Pendidikan,
    PeranTim,
    PredikatKinerja,
)
from sistemkerja_tui.aturan.profil import (
    Naskah,
    ObjekPenetapan,
    Pihak,
    Profil,
    daftar_profil,
    muat_profil,
)
from sistemkerja_tui.paths import resource_dir

FOLDER = resource_dir("data") / "profil"
SEMUA = ["cilegon", "klaten", "luwu_utara", "madiun", "padang_panjang", "umum"]


def rujukan_semua(objek, jalur: str = "") -> dict[str, str]:
    """Every `rujukan` in a loaded profile, by attribute path."""
    hasil: dict[str, str] = {}
    if dataclasses.is_dataclass(objek):
        for f in dataclasses.fields(objek):
            nilai = getattr(objek, f.name)
            if f.name == "rujukan":
                hasil[jalur] = nilai
            else:
                hasil.update(rujukan_semua(nilai, f"{jalur}.{f.name}"))
    elif isinstance(objek, Mapping):
        for k, v in objek.items():
            hasil.update(rujukan_semua(v, f"{jalur}[{getattr(k, 'value', k)}]"))
    elif isinstance(objek, tuple):
        for i, v in enumerate(objek):
            hasil.update(rujukan_semua(v, f"{jalur}[{i}]"))
    return hasil


# --- loading and inheritance -------------------------------------------------------


def test_daftar_profil():
    assert daftar_profil() == SEMUA


@pytest.mark.parametrize(
    ("nama", "singkatan", "judul", "kepala_daerah"),
    [
        (
            "umum",
            "PermenPANRB 7/2022",
            (
                "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
                "Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi"
            ),
            "Kepala Daerah",
        ),
        # 000: "PERATURAN WALI KOTA MADIUN NOMOR 73 TAHUN 2023 TENTANG SISTEM KERJA APARATUR SIPIL NEGARA"
        (
            "madiun",
            "Perwal Madiun 73/2023",
            "Peraturan Wali Kota Madiun Nomor 73 Tahun 2023 tentang Sistem Kerja Aparatur Sipil Negara",
            "Wali Kota",
        ),
        # 001: "PERATURAN BUPATI LUWU UTARA NOMOR 59 TAHUN 2023 TENTANG SISTEM KERJA"
        (
            "luwu_utara",
            "Perbup Luwu Utara 59/2023",
            "Peraturan Bupati Luwu Utara Nomor 59 Tahun 2023 tentang Sistem Kerja",
            "Bupati",
        ),
        # 002: "PERATURAN BUPATI KLATEN NOMOR 34 TAHUN 2024 TENTANG SISTEM KERJA SETELAH PENYETARAAN JABATAN
        # DI LINGKUNGAN PEMERINTAH DAERAH"
        (
            "klaten",
            "Perbup Klaten 34/2024",
            (
                "Peraturan Bupati Klaten Nomor 34 Tahun 2024 tentang Sistem Kerja "
                "Setelah Penyetaraan Jabatan di Lingkungan Pemerintah Daerah"
            ),
            "Bupati",
        ),
        # 003: "PERATURAN WALI KOTA CILEGON NOMOR 17 TAHUN 2023 TENTANG SISTEM KERJA DI LINGKUNGAN PEMERINTAH
        # KOTA CILEGON"
        (
            "cilegon",
            "Perwal Cilegon 17/2023",
            (
                "Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023 tentang Sistem Kerja di Lingkungan "
                "Pemerintah Kota Cilegon"
            ),
            "Wali Kota",
        ),
        # 004: "LAMPIRAN I PERATURAN WALI KOTA PADANG PANJANG NOMOR48 TAHUN 2024 TENTANG SISTEM KERJA DI LINGKUNGAN
        # PEMERINTAH DAERAH"
        (
            "padang_panjang",
            "Perwal Padang Panjang 48/2024",
            (
                "Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024 tentang Sistem Kerja di Lingkungan "
                "Pemerintah Daerah"
            ),
            "Wali Kota",
        ),
    ],
)
def test_kepala_profil(nama, singkatan, judul, kepala_daerah):
    profil = muat_profil(nama)
    kepala = (profil.nama, profil.singkatan, profil.judul, profil.kepala_daerah)
    assert kepala == (nama, singkatan, judul, kepala_daerah)


@pytest.mark.parametrize("nama", SEMUA)
def test_setiap_aturan_memuat_rujukan_pemda_sendiri_atau_umum(nama):
    profil = muat_profil(nama)
    semua = rujukan_semua(profil)
    assert len(semua) > 25
    for jalur, rujukan in semua.items():
        assert rujukan.startswith((profil.singkatan + ",", "PermenPANRB 7/2022 (ketentuan bersama")), jalur


def test_profil_disimpan_dalam_cache():
    assert muat_profil("klaten") is muat_profil("klaten")
    assert muat_profil("klaten", FOLDER) is muat_profil("klaten")


def test_yang_tidak_diatur_diwarisi_dari_umum():
    umum, madiun, cilegon = muat_profil("umum"), muat_profil("madiun"), muat_profil("cilegon")
    # Madiun Pasal 27 ayat (7) only says "dapat melibatkan Pejabat Fungsional dan pelaksana yang berasal dari
    # lintas instansi": the route to the Pejabat yang Berwenang and the 4 contents come from umum.
    assert madiun.persetujuan.penunjukan_lintas_instansi == umum.persetujuan.penunjukan_lintas_instansi
    assert madiun.persetujuan.isi_permohonan == umum.persetujuan.isi_permohonan
    assert dict(cilegon.istilah) == dict(umum.istilah)
    assert cilegon.kriteria == umum.kriteria


def test_tabel_digabung_per_kunci_daftar_diganti_utuh():
    umum, madiun, klaten = muat_profil("umum"), muat_profil("madiun"), muat_profil("klaten")
    # Table merge: Madiun restates only the passage of the baseline review chain, the steps are inherited.
    assert madiun.reviu["bawaan"].langkah == umum.reviu["bawaan"].langkah
    assert madiun.reviu["bawaan"].rujukan == "Perwal Madiun 73/2023, Lampiran Bab III huruf A angka 3"
    # Klaten overrides ahli_* but not the kategori default `keahlian`, which stays umum's.
    assert klaten.ppk.minimum["keahlian"] == umum.ppk.minimum["keahlian"]
    # Array replace: Klaten knows no plain "Tim Kerja".
    assert [b.kode for b in klaten.bentuk_tim] == [BentukTim.KELOMPOK_KERJA, BentukTim.TIM]
    assert [b.kode for b in umum.bentuk_tim] == [BentukTim.TIM_KERJA]


def test_istilah_dicetak_sebagai_teks():
    assert str(muat_profil("klaten").istilah["tim"]) == "Kelompok Kerja"
    assert f"{muat_profil('madiun').istilah['tim']}" == "Tim Kerja"


def test_modul_aturan_tidak_memuat_tui_atau_database():
    kode = (
        "import json, sys\n"
        "from sistemkerja_tui.aturan import profil, ppk\n"
        "profil.muat_profil('klaten')\n"
        "print(json.dumps(sorted(m for m in ('textual', 'sqlmodel', 'sqlalchemy') if m in sys.modules)))\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert json.loads(hasil.stdout) == []


# --- values: umum ---------------------------------------------------------------


def test_umum_nilai_dasar():
    umum = muat_profil("umum")
    # Cilegon Pasal 1 angka 16: "atasan langsung dengan ketentuan paling rendah pejabat pengawas"
    assert {k: v.jenis for k, v in umum.ppk.minimum.items()} == {
        "pelaksana": JenisJabatan.PENGAWAS,
        "keahlian": JenisJabatan.PENGAWAS,
        "keterampilan": JenisJabatan.PENGAWAS,
    }
    # Cilegon Lampiran huruf B angka 1 huruf b angka 1): "mengirimkan surat permohonan pelibatan ... kepada
    # Pejabat Penilai Kinerja dituju dimana Pejabat Fungsional atau Pelaksana dimaksud berada dengan tembusan
    # Pejabat Penilai Kinerja bersangkutan"
    lintas = umum.persetujuan.penunjukan_lintas_unit
    assert (lintas.kepada, lintas.tertulis, lintas.tembusan) == (
        Pihak.PPK_PEGAWAI,
        True,
        ("Pejabat Penilai Kinerja bersangkutan",),
    )
    # Cilegon Lampiran huruf B angka 1 huruf c angka 1): "kepada Pejabat yang Berwenang dengan tembusan Pejabat
    # Penilai Kinerja bersangkutan di instansinya"
    assert umum.persetujuan.penunjukan_lintas_instansi.kepada is Pihak.PEJABAT_BERWENANG
    # Cilegon Lampiran huruf B angka 1: "paling sedikit memuat: 1) maksud dan tujuan ...; 2) kompetensi ...;
    # 3) ekspektasi/target kinerja ...; dan 4) durasi pelibatan"
    assert len(umum.persetujuan.isi_permohonan.butir) == 4
    assert umum.persetujuan.isi_permohonan.butir[3] == "durasi pelibatan Pejabat Fungsional dan pelaksana"
    # Cilegon Lampiran huruf B angka 2 huruf a angka 1): "menyampaikan keinginannya secara lisan"
    assert not umum.persetujuan.sukarela_dalam_unit.tertulis
    # Madiun Pasal 25 ayat (2): "dapat terlibat dalam 1 (satu) atau lebih tim kerja"
    assert umum.rangkap.anggota.boleh and umum.rangkap.pimpinan_tim is None
    assert set(umum.peran) == {PeranTim.KETUA, PeranTim.ANGGOTA}
    assert umum.kriteria[PeranTim.KETUA].jenjang_minimum is None


# --- values: Madiun -------------------------------------------------------------


def test_madiun_kriteria_ketua():
    k = muat_profil("madiun").kriteria[PeranTim.KETUA]
    # Lampiran Bab II huruf D angka 2 huruf c: "untuk Ketua Tim Kerja paling rendah Jenjang jabatan fungsional
    # Keahlian Ahli Pertama atau jabatan fungsional Keterampilan Jenjang Penyelia, diutamakan bagi jabatan
    # fungsional Ahli Muda"
    assert (k.jenjang_minimum.keahlian, k.jenjang_minimum.keterampilan) == (Jenjang.AHLI_PERTAMA, Jenjang.PENYELIA)
    assert k.jenjang_minimum.dipenuhi(Jenjang.PENYELIA) and not k.jenjang_minimum.dipenuhi(Jenjang.MAHIR)
    assert k.jenjang_minimum.dipenuhi(Jenjang.AHLI_PERTAMA)
    assert k.jenjang_diutamakan.keahlian is Jenjang.AHLI_MUDA
    assert not k.jenjang_diutamakan.dipenuhi(Jenjang.PENYELIA)
    # D angka 1 huruf f: "pendidikan paling rendah bagi Ketua Tim Kerja yaitu Diploma III, diutamakan bagi
    # Strata 1/Diploma IV"
    assert (k.pendidikan_minimum.tingkat, k.pendidikan_diutamakan.tingkat) == (Pendidikan.D3, Pendidikan.S1)
    # D angka 1 huruf e: "memiliki penilaian kinerja baik selama 2 (dua) tahun"
    assert (k.kinerja.predikat_minimum, k.kinerja.tahun) == (PredikatKinerja.BAIK, 2)
    # D angka 1 huruf a, b, d: "diutamakan bagi PNS", "diutamakan bagi Pejabat Fungsional hasil Penyetaraan
    # Jabatan", "diutamakan memiliki pengalaman manajerial"; angka 2 huruf a: "jenjang tertinggi"
    d = k.diutamakan
    assert (d.pns, d.hasil_penyetaraan, d.pengalaman_manajerial, d.jenjang_tertinggi) == (True, True, True, True)
    # D angka 1 huruf c: "memiliki kompetensi yang dibutuhkan"
    assert k.kompetensi.rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf D angka 1 huruf c"
    # D angka 3: "pejabat Pelaksana yang memiliki kelas jabatan 7"; "pangkat/golongan ruang paling rendah Penata
    # Muda Tingkat I/(III/b)"; "dapat diturunkan 1 kelas di bawahnya"
    p = k.pelaksana
    assert (p.kelas_jabatan, p.golongan_minimum, p.turun_kelas) == (7, Golongan.IIIB, 1)
    assert p.rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf D angka 3"


def test_madiun_kriteria_koordinator():
    madiun = muat_profil("madiun")
    # Lampiran Bab II huruf C angka 1: "Pimpinan Unit Organisasi dapat menunjuk Koordinator Tim Kerja yang
    # membawahi beberapa Ketua Tim Kerja"
    assert madiun.peran[PeranTim.KOORDINATOR].sebutan == "Koordinator Tim Kerja"
    k = madiun.kriteria[PeranTim.KOORDINATOR]
    # D angka 2 huruf b: "untuk Koordinator Tim Kerja paling rendah jabatan fungsional Keahlian dengan Jenjang
    # Ahli Muda, diutamakan bagi jabatan fungsional Ahli Madya"
    assert k.jenjang_minimum.keahlian is Jenjang.AHLI_MUDA
    assert not k.jenjang_minimum.dipenuhi(Jenjang.PENYELIA)  # keterampilan tidak memenuhi
    assert k.jenjang_diutamakan.keahlian is Jenjang.AHLI_MADYA
    # D angka 1 huruf g: "pendidikan paling rendah bagi Koordinator Tim Kerja yaitu Strata 1/Diploma IV"
    assert k.pendidikan_minimum.tingkat is Pendidikan.S1
    assert k.pelaksana is None


def test_madiun_rangkap_dan_penetapan():
    madiun = muat_profil("madiun")
    # Lampiran Bab II huruf F angka 3: "diberikan batasan paling banyak 2 (dua) Koordinator Tim Kerja dan/atau
    # Ketua Tim Kerja"
    batas = madiun.rangkap.pimpinan_tim
    assert (batas.maks, batas.peran) == (2, frozenset({PeranTim.KETUA, PeranTim.KOORDINATOR}))
    # Pasal 25 ayat (2): "Pejabat Fungsional dan/atau pelaksana dapat terlibat dalam 1 (satu) atau lebih tim kerja."
    assert madiun.rangkap.anggota.rujukan == "Perwal Madiun 73/2023, Pasal 25 ayat (2)"
    ketua = {p.pembentukan: p for p in madiun.penetapan if p.objek is ObjekPenetapan.KETUA}
    # Lampiran Bab II huruf B angka 1 huruf a: "... ditetapkan dengan keputusan yang ditandatangani atas nama
    # Wali Kota"; huruf b: "... secara insidental, yang ditetapkan melalui surat tugas oleh Pimpinan Unit Organisasi"
    assert ketua[(JenisPembentukan.TAHUNAN,)].naskah is Naskah.KEPUTUSAN
    assert ketua[(JenisPembentukan.INSIDENTAL,)].naskah is Naskah.SURAT_TUGAS
    assert ketua[(JenisPembentukan.INSIDENTAL,)].penetap == "Pimpinan Unit Organisasi"
    # Pasal 27 ayat (6): "ditindaklanjuti dengan penerbitan surat tugas dari Pejabat Penilai Kinerja"
    lintas = [p for p in madiun.penetapan if p.lingkup == (LingkupPenugasan.LINTAS_UNIT,)]
    assert lintas[0].rujukan == "Perwal Madiun 73/2023, Pasal 27 ayat (6)"


def test_madiun_ppk_per_jenjang_dan_rute():
    madiun = muat_profil("madiun")
    m = madiun.ppk.minimum_untuk
    # Pasal 43 ayat (2) huruf a, b, c dan ayat (5)
    assert m(JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MADYA).jenis is JenisJabatan.JPT_PRATAMA
    assert m(JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MUDA).jenis is JenisJabatan.ADMINISTRATOR
    assert m(JenisJabatan.FUNGSIONAL, Jenjang.MAHIR).rujukan == "Perwal Madiun 73/2023, Pasal 43 ayat (2) huruf c"
    assert m(JenisJabatan.PELAKSANA, None).rujukan == "Perwal Madiun 73/2023, Pasal 43 ayat (5)"
    # Pasal 27 ayat (5): "Permintaan tertulis ... ditujukan kepada Pejabat Penilai Kinerja dimana Pejabat
    # Fungsional dan/atau pelaksana itu berada."
    assert madiun.persetujuan.penunjukan_lintas_unit.kepada is Pihak.PPK_PEGAWAI
    # Pasal 29 ayat (2): "dilakukan secara tertulis kepada Pimpinan Unit Organisasi yang dituju dengan tembusan
    # Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi bersangkutan"
    sukarela = madiun.persetujuan.sukarela_lintas_unit
    assert sukarela.tertulis
    assert sukarela.tembusan == ("Pejabat Penilai Kinerja", "Pimpinan Unit Organisasi bersangkutan")


def test_madiun_alur_reviu():
    madiun = muat_profil("madiun")
    # Lampiran Bab III huruf B huruf a: "Pejabat Level II meninjau ... disampaikan oleh Pejabat Level II kepada
    # Pejabat Level I untuk ditinjau"
    alur = madiun.alur_reviu([JenisUnit.BIDANG, JenisUnit.DINAS, JenisUnit.SEKRETARIAT_DAERAH])
    assert [lk.unit for lk in alur.langkah] == [(JenisUnit.SEKRETARIAT, JenisUnit.BIDANG), (JenisUnit.DINAS,)]
    # huruf c: UPTD — "Pelaksanaan kegiatan dinyatakan selesai setelah Pejabat Level I menerima"
    assert madiun.alur_reviu([JenisUnit.UPTD, JenisUnit.DINAS]).langkah[0].unit == (JenisUnit.UPTD,)
    # huruf e: Sekretariat Daerah — Kepala Bagian, Asisten, Sekretaris Daerah
    setda = madiun.alur_reviu([JenisUnit.BAGIAN, JenisUnit.ASISTEN, JenisUnit.SEKRETARIAT_DAERAH])
    # (huruf c: the team's Koordinator Tim Kerja first, where one is appointed)
    assert [lk.sebutan for lk in setda.langkah] == [
        "Koordinator Tim Kerja",
        "Kepala Bagian",
        "Asisten",
        "Sekretaris Daerah",
    ]
    # No specific chain for a Kecamatan: Lampiran Bab III huruf A angka 3, Level 2 then Level 1.
    assert madiun.alur_reviu([JenisUnit.SEKSI, JenisUnit.KECAMATAN]) is madiun.reviu["bawaan"]


# --- values: Klaten -------------------------------------------------------------


def test_klaten_istilah_dan_bentuk_tim():
    klaten = muat_profil("klaten")
    # Pasal 1 angka 20: "Pemilik Kinerja adalah Pimpinan Unit Organisasi yang bertanggungjawab ..."
    assert klaten.istilah["pemilik_kinerja"].teks == "Pemilik Kinerja"
    # Lampiran huruf B angka 2 huruf q angka 1) huruf b): "kepada Pimpinan Unit Organisasi Mitra Kerja"
    assert klaten.istilah["mitra_kerja"].teks == "Pimpinan Unit Organisasi Mitra Kerja"
    kelompok, tim = klaten.bentuk_tim
    # Pasal 1 angka 24: "Kelompok Kerja adalah Tim kerja yang berbasis layanan utama Unit Organisasi ... dalam
    # jangka waktu maksimal 1 (satu) tahun penugasan"
    assert (kelompok.sebutan, kelompok.paling_lama_bulan) == ("Kelompok Kerja", 12)
    # Pasal 1 angka 25: "Tim adalah Tim kerja berbasis tematik ... dibentuk dalam jangka waktu lebih dari 1 (satu)
    # bulan, tetapi kurang dari 1 (satu) tahun"
    assert (tim.lebih_dari_bulan, tim.kurang_dari_bulan, tim.paling_lama_bulan) == (1, 12, None)


def test_klaten_peran_kriteria_dan_rangkap():
    klaten = muat_profil("klaten")
    # Pasal 1 angka 23: "Penanggungjawab adalah pejabat fungsional ahli madya atau pejabat fungsional ahli muda pada
    # Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
    assert klaten.peran[PeranTim.PENANGGUNG_JAWAB].sebutan == "Penanggungjawab"
    assert PeranTim.KOORDINATOR not in klaten.peran
    # Lampiran huruf B angka 2 huruf m: "diangkat dari Jabatan Fungsional Ahli Madya atau minimal Jabatan Ahli Muda"
    assert klaten.kriteria[PeranTim.PENANGGUNG_JAWAB].jenjang_minimum.keahlian is Jenjang.AHLI_MUDA
    ketua = klaten.kriteria[PeranTim.KETUA]
    # Pasal 14 ayat (1) huruf a: "Kepala Perangkat Daerah mengusulkan minimal 2 (dua) orang kepada Sekretaris Daerah"
    assert (ketua.pengusulan.calon_minimum, ketua.pengusulan.rekomendasi) == (2, "Sekretaris Daerah")
    # Pasal 24 ayat (1): "Penunjukan Penanggungjawab dan Ketua Kelompok Kerja diutamakan dari jabatan fungsional
    # hasil penyetaraan."
    assert ketua.diutamakan.hasil_penyetaraan and not ketua.diutamakan.pns
    assert ketua.jenjang_minimum is None  # Klaten sets no minimum jenjang for a ketua
    # Pasal 27: "Ketua Kelompok Kerja tidak dapat merangkap menjadi Ketua Kelompok Kerja lain tetapi dapat menjadi
    # anggota kelompok kerja yang lain."
    assert (klaten.rangkap.pimpinan_tim.maks, klaten.rangkap.pimpinan_tim.peran) == (1, frozenset({PeranTim.KETUA}))
    assert klaten.rangkap.anggota.boleh


def test_klaten_rute_dan_penetapan():
    klaten = muat_profil("klaten")
    r = klaten.persetujuan
    # Lampiran huruf B angka 2 huruf q angka 1) huruf b): "mengirimkan surat permohonan ... kepada Pimpinan Unit
    # Organisasi Mitra Kerja dengan tembusan Pejabat Penilai Kinerja bersangkutan"
    assert (r.penunjukan_lintas_unit.kepada, r.penunjukan_lintas_unit.sebutan) == (
        Pihak.PIMPINAN_UNIT_PEGAWAI,
        "Pimpinan Unit Organisasi Mitra Kerja",
    )
    # huruf c): "menyampaikan surat permohonan pelibatan ... kepada Bupati u.p. Sekretaris Daerah"
    assert r.penunjukan_lintas_instansi.sebutan == "Bupati u.p. Sekretaris Daerah"
    # angka 2) huruf b): "Pejabat Fungsional atau Pelaksana menyampaikan keinginannya secara lisan kepada Pimpinan
    # Unit Organisasinya"
    assert not r.sukarela_lintas_unit.tertulis
    tim = {p.bentuk: p for p in klaten.penetapan if p.objek is ObjekPenetapan.TIM}
    # Pasal 1 angka 25: "... yang dituangkan dalam bentuk Keputusan Kepala Unit Organisasi Pemilik Kinerja"
    assert tim[(BentukTim.TIM,)].sebutan == "Keputusan Kepala Unit Organisasi Pemilik Kinerja"
    # Pasal 14 ayat (1) huruf d: "Kepala Perangkat Daerah selaku pemilik kinerja menetapkan Keputusan tentang
    # Pembentukan Kelompok Kerja setelah mendapat rekomendasi dari Sekretaris Daerah"
    assert "rekomendasi dari Sekretaris Daerah" in tim[(BentukTim.KELOMPOK_KERJA,)].penetap


def test_klaten_ppk_dan_alur_reviu():
    klaten = muat_profil("klaten")
    # Lampiran huruf B: "Jabatan Fungsional Ahli Madya Fungsional Ahli Muda berkedudukan di bawah Administrator"
    assert klaten.ppk.minimum_untuk(JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MADYA).jenis is JenisJabatan.ADMINISTRATOR
    assert {(u.jenis_unit, u.dalam) for u in klaten.ppk.unit} == {
        (JenisUnit.RSUD, ()),
        (JenisUnit.UPTD, ()),
        (JenisUnit.SUBBAGIAN, (JenisUnit.KECAMATAN,)),
        (JenisUnit.SUBBAGIAN, (JenisUnit.PUSKESMAS,)),
        (JenisUnit.SUBBAGIAN, (JenisUnit.SEKOLAH,)),
    }
    # Angka 5.4 (Dinas Daerah), tahap evaluasi: "Sekretaris, Kepala Bidang, Kepala UPTD, dan Pejabat Fungsional yang
    # menduduki jabatan sebagai pimpinan unit kerja menyampaikan hasil ... kepada Kepala Dinas"
    alur = klaten.alur_reviu([JenisUnit.PUSKESMAS, JenisUnit.DINAS])
    assert JenisUnit.PUSKESMAS in alur.langkah[0].unit and alur.langkah[-1].unit == (JenisUnit.DINAS,)
    # Angka 5.6 (Kecamatan): "Sekretaris Kecamatan menyampaikan hasil pelaksanaan kegiatan kepada Camat"
    assert klaten.alur_reviu([JenisUnit.SEKRETARIAT, JenisUnit.KECAMATAN]).langkah[-1].sebutan == "Camat"
    # Klaten gives no chain for a Kelurahan: the baseline applies, not the Kecamatan's.
    assert klaten.alur_reviu([JenisUnit.KELURAHAN, JenisUnit.KECAMATAN]) is klaten.reviu["bawaan"]


# --- values: Luwu Utara, Cilegon, Padang Panjang ---------------------------------


def test_luwu_utara_peran_sk_dan_penetapan():
    luwu = muat_profil("luwu_utara")
    # Format Naskah Dinas huruf a: "Pengarah : ...", "Penanggung Jawab : ...", "Ketua : ...", "Anggota : ..."
    assert [p.sebutan for p in luwu.peran.values()] == ["Pengarah", "Penanggung Jawab", "Ketua", "Anggota"]
    # Format huruf a: "KEPUTUSAN KEPALA ..... TENTANG PEMBENTUKAN TIM ....."; huruf b: "SURAT TUGAS"
    assert [(p.objek, p.naskah) for p in luwu.penetapan] == [
        (ObjekPenetapan.TIM, Naskah.KEPUTUSAN),
        (ObjekPenetapan.ANGGOTA, Naskah.SURAT_TUGAS),
    ]
    # Lampiran Bab II huruf B angka 2 huruf a angka 3) huruf a): "kepada Pejabat yang Berwenang dengan tembusan
    # Pejabat Penilai Kinerja bersangkutan di instansinya"
    instansi = luwu.persetujuan.penunjukan_lintas_instansi
    assert instansi.kepada is Pihak.PEJABAT_BERWENANG
    assert instansi.rujukan == "Perbup Luwu Utara 59/2023, Lampiran Bab II huruf B angka 2 huruf a angka 3) huruf a)"
    # Lampiran Bab II huruf D angka 8 huruf c: "Kepala Bagian meninjau ... disampaikan kepada Asisten Daerah ...
    # ditinjau oleh Sekretaris Daerah"
    setda = luwu.alur_reviu([JenisUnit.BAGIAN, JenisUnit.ASISTEN, JenisUnit.SEKRETARIAT_DAERAH])
    assert [lk.unit for lk in setda.langkah] == [
        (JenisUnit.BAGIAN,),
        (JenisUnit.ASISTEN,),
        (JenisUnit.SEKRETARIAT_DAERAH,),
    ]


def test_cilegon_penetapan_tim():
    cilegon = muat_profil("cilegon")
    tim = {p.lingkup: p for p in cilegon.penetapan if p.objek is ObjekPenetapan.TIM}
    # Pasal 9 ayat (1): "Pembentukan dan susunan tim kerja dalam Unit Organisasi sebagaimana dimaksud dalam Pasal 8
    # ayat (1) huruf a dan huruf b, ditetapkan dengan Keputusan Pimpinan Unit Organisasi pemilik kinerja."
    dalam = tim[(LingkupPenugasan.DALAM_UNIT, LingkupPenugasan.LINTAS_UNIT)]
    assert (dalam.naskah, dalam.penetap) == (Naskah.KEPUTUSAN, "Pimpinan Unit Organisasi pemilik kinerja")
    # Pasal 9 ayat (2): "Pembentukan dan susunan tim kerja lintas Instansi Pemerintah ... ditetapkan dengan
    # Keputusan Wali Kota."
    assert tim[(LingkupPenugasan.LINTAS_INSTANSI,)].sebutan == "Keputusan Wali Kota"
    assert cilegon.ppk.atasan_langsung.rujukan == "Perwal Cilegon 17/2023, Pasal 1 angka 16 dan Lampiran huruf A"


def test_padang_panjang_nilai():
    pp = muat_profil("padang_panjang")
    # Lampiran III huruf A angka 1: "Penunjukan Pejabat Fungsional dan Pelaksana di dalam unit organisasi yang sama
    # yang dilakukan langsung oleh Pejabat Penilai Kinerja."
    assert pp.persetujuan.penunjukan_dalam_unit.kepada is Pihak.PPK_PEGAWAI
    assert muat_profil("umum").persetujuan.penunjukan_dalam_unit.kepada is Pihak.PIMPINAN_UNIT_PEGAWAI
    # Lampiran II huruf G angka 1: "Fungsional dan Pelaksana berada di bawah dan bertanggungjawab kepada Camat"
    assert JenisUnit.KECAMATAN in {u.jenis_unit for u in pp.ppk.unit}
    # Lampiran II huruf H angka 2 huruf c: "pelaksanaan kegiatan dinyatakan selesai setelah lurah menerima"
    assert [lk.sebutan for lk in pp.alur_reviu([JenisUnit.KELURAHAN, JenisUnit.KECAMATAN]).langkah] == ["Lurah"]
    # Lampiran II huruf G angka 2 huruf c: "sekretaris dan kepala seksi menyampaikan ... kepada camat"
    kec = pp.alur_reviu([JenisUnit.SEKSI, JenisUnit.KECAMATAN])
    assert [lk.sebutan for lk in kec.langkah] == ["Sekretaris / Kepala Seksi", "Camat"]


# --- broken files ---------------------------------------------------------------


@pytest.fixture
def salinan(tmp_path) -> Path:
    return salin_profil(FOLDER, tmp_path)


def test_salinan_utuh_termuat(salinan):
    assert isinstance(muat_profil("klaten", salinan), Profil)


def test_nama_profil_tidak_dikenal(salinan):
    pesan = galat(salinan, "surabaya")
    assert "Profil 'surabaya' tidak ditemukan" in pesan
    assert "cilegon, klaten, luwu_utara, madiun, padang_panjang, umum" in pesan


def test_kode_jenjang_tidak_dikenal(salinan):
    ubah(salinan, "klaten", 'keahlian = "ahli_muda"', 'keahlian = "ahli_super"')
    pesan = galat(salinan, "klaten")
    assert pesan.startswith(
        "Profil klaten.toml: kunci 'kriteria.penanggung_jawab.jenjang_minimum.keahlian' "
        "berisi 'ahli_super', bukan jenjang yang dikenal (pemula, terampil, "
    )


def test_jenjang_salah_kategori(salinan):
    ubah(salinan, "madiun", 'keterampilan = "penyelia"', 'keterampilan = "ahli_muda"')
    pesan = galat(salinan, "madiun")
    assert "madiun.toml" in pesan and "'kriteria.ketua.jenjang_minimum.keterampilan'" in pesan
    assert "bukan jenjang keterampilan" in pesan


def test_toml_rusak_menyebut_baris(salinan):
    ubah(salinan, "klaten", 'nama_pendek = "Klaten"', 'nama_pendek = "Klaten')
    pesan = galat(salinan, "klaten")
    assert pesan.startswith("Profil klaten.toml: TOML tidak sah pada baris 5")


def test_kunci_wajib_hilang(salinan):
    ubah(salinan, "klaten", 'sebutan = "Tim"\n', "")
    pesan = galat(salinan, "klaten")
    assert pesan == "Profil klaten.toml: kunci 'bentuk_tim[1].sebutan' wajib ada tetapi tidak ditemukan."


def test_kunci_wajib_hilang_di_umum(salinan):
    ubah(salinan, "umum", "judul = ", "# judul = ")
    assert galat(salinan, "umum") == "Profil umum.toml: kunci 'profil.judul' wajib ada tetapi tidak ditemukan."
    # A Pemda that states its own title still loads.
    assert muat_profil("madiun", salinan).judul.startswith("Peraturan Wali Kota Madiun")


def test_tipe_salah(salinan):
    ubah(salinan, "klaten", "maks = 1", 'maks = "satu"')
    pesan = galat(salinan, "klaten")
    assert pesan == ("Profil klaten.toml: kunci 'rangkap.pimpinan_tim.maks' harus bilangan bulat, bukan teks ('satu').")


def test_tipe_benar_salah(salinan):
    ubah(salinan, "padang_panjang", "tertulis = false", 'tertulis = "tidak"')
    pesan = galat(salinan, "padang_panjang")
    assert "padang_panjang.toml" in pesan and "'persetujuan.penunjukan_dalam_unit.tertulis' harus true/false" in pesan


def test_aturan_tanpa_rujukan(salinan):
    ubah(salinan, "klaten", 'rujukan = "Perbup Klaten 34/2024, Pasal 27 dan Lampiran huruf B angka 2 huruf k"\n', "")
    pesan = galat(salinan, "klaten")
    assert pesan.startswith("Profil klaten.toml: aturan 'rangkap.pimpinan_tim' tidak memuat 'rujukan'")


def test_rujukan_kosong_ditolak(salinan):
    ubah(salinan, "cilegon", 'rujukan = "Perwal Cilegon 17/2023, Pasal 9 ayat (2)"', 'rujukan = "  "')
    assert galat(salinan, "cilegon").startswith("Profil cilegon.toml: aturan 'penetapan[1]' tidak memuat 'rujukan'")


def test_kunci_asing_ditolak(salinan):
    ubah(
        salinan,
        "madiun",
        'tembusan = ["Pejabat Penilai Kinerja", "Pimpinan Unit Organisasi bersangkutan"]',
        'tembusn = ["Pejabat Penilai Kinerja"]',
    )
    pesan = galat(salinan, "madiun")
    assert pesan.startswith("Profil madiun.toml: kunci 'persetujuan.sukarela_lintas_unit.tembusn' tidak dikenal")


def test_galat_pada_nilai_warisan_menyebut_umum(salinan):
    ubah(salinan, "umum", '[ppk.minimum.keahlian]\njenis = "pengawas"', '[ppk.minimum.keahlian]\njenis = "camat"')
    pesan = galat(salinan, "klaten")
    assert pesan.startswith(
        "Profil umum.toml: kunci 'ppk.minimum.keahlian.jenis' berisi 'camat', "
        "bukan jenis jabatan yang dikenal (pelaksana, fungsional, pengawas, administrator, jpt_pratama)"
    )


def test_kriteria_untuk_peran_yang_tidak_ada(salinan):
    tambahan = '[kriteria.pengarah.kompetensi]\nuraian = "x"\nrujukan = "y"\n\n[[penetapan]]'
    ubah(salinan, "cilegon", "[[penetapan]]", tambahan)
    pesan = galat(salinan, "cilegon")
    assert pesan.startswith("Profil cilegon.toml: kriteria 'kriteria.pengarah'")


def test_langkah_reviu_harus_unit_atau_naik(salinan):
    ubah(
        salinan,
        "padang_panjang",
        '{ sebutan = "Lurah", unit = ["kelurahan"] }',
        '{ sebutan = "Lurah", unit = ["kelurahan"], naik = 0 }',
    )
    pesan = galat(salinan, "padang_panjang")
    assert pesan.startswith("Profil padang_panjang.toml: langkah 'reviu.kelurahan.langkah[0]'")


def test_profil_dasar_hilang(salinan):
    (salinan / "umum.toml").unlink()
    assert "profil dasar umum.toml tidak ditemukan" in galat(salinan, "madiun")


# --- langkah tahapan ([tahapan.*]) ------------------------------------------------


def test_tahapan_wajib_memuat_langkah_penugasan(salinan):
    ubah(salinan, "umum", '{ kunci = "penugasan",', '{ kunci = "penugasan_fj",')
    pesan = galat(salinan, "umum")
    assert "tahapan.bawaan.perencanaan" in pesan and "'penugasan'" in pesan


def test_tahapan_kembali_harus_langkah_pelaksanaan(salinan):
    ubah(salinan, "umum", 'kembali = "pelaksanaan"', 'kembali = "hasil_disampaikan"')
    pesan = galat(salinan, "umum")
    assert "tahapan.bawaan.kembali" in pesan and "rincian_kegiatan, pembagian_peran, pelaksanaan" in pesan


@pytest.mark.parametrize("kunci", ["pembagian_peran", "selesai", "reviu_2", "Rincian"])
def test_kunci_langkah_tahapan_unik_dan_tidak_dipakai_mesin(salinan, kunci):
    ubah(salinan, "umum", '{ kunci = "rincian_kegiatan",', f'{{ kunci = "{kunci}",')
    assert "tahapan.bawaan.pelaksanaan[" in galat(salinan, "umum")


def test_tahapan_jenis_unit_tidak_dikenal(salinan):
    (salinan / "cilegon.toml").write_text(
        (salinan / "cilegon.toml").read_text(encoding="utf-8")
        + '\n[tahapan.kantor]\nrujukan = "Perwal Cilegon 17/2023, Pasal 1"\n',
        encoding="utf-8",
    )
    assert "tahapan.kantor" in galat(salinan, "cilegon")


def test_tahapan_tanpa_tabel_sendiri_memakai_bawaan_umum():
    cilegon = muat_profil("cilegon")
    kunci, tahapan = cilegon.tahapan_untuk([JenisUnit.BIDANG, JenisUnit.DINAS])
    assert kunci == "bawaan" and tahapan == muat_profil("umum").tahapan["bawaan"]
    assert [x.kunci for x in tahapan.perencanaan] == [
        "pk_ditetapkan",
        "strategi",
        "penugasan",
        "rencana_kegiatan_anggaran",
    ]
    # Perbup Luwu Utara 59/2023, Lampiran Bab II huruf A angka 2 huruf c: "Penyampaian hasil pelaksanaan
    # kegiatan kepada Pejabat Level 2." — the last step hands the result to the first reviewer.
    assert tahapan.pelaksanaan[-1].label == "Hasil disampaikan kepada Pejabat Level 2"


def test_tahapan_unit_tanpa_alur_reviu_sendiri_memakai_jenis_unit_terdekat_di_atasnya():
    # Perbup Klaten 34/2024, Lampiran huruf B angka 5.6 (Kecamatan) lists the steps of the whole Kecamatan;
    # a Seksi has no review chain of its own there, so it gets the baseline reviewers but the Kecamatan's steps.
    klaten = muat_profil("klaten")
    rantai = [JenisUnit.SEKSI, JenisUnit.KECAMATAN]
    assert klaten.kunci_mekanisme(rantai) == "bawaan"
    assert klaten.tahapan_untuk(rantai) == ("kecamatan", klaten.tahapan["kecamatan"])


def test_seksi_kelurahan_tidak_ditinjau_dengan_alur_kecamatan():
    # Perwal Padang Panjang 48/2024, Lampiran II huruf H (Kelurahan): the Lurah reviews the Kelurahan's work;
    # the Kecamatan's chain (huruf G) names its own Seksi, not a Seksi of a Kelurahan beneath it. Huruf H angka 2
    # huruf c: "lurah meninjau hasil pelaksanaan kegiatan" — the Kelurahan's own chain covers its Seksi.
    pp = muat_profil("padang_panjang")
    rantai = [JenisUnit.SEKSI, JenisUnit.KELURAHAN, JenisUnit.KECAMATAN]
    assert pp.kunci_mekanisme(rantai) == "kelurahan"
    assert pp.tahapan_untuk(rantai)[0] == "kelurahan"
    assert pp.kunci_mekanisme([JenisUnit.SEKSI, JenisUnit.KECAMATAN]) == "kecamatan"
    # Perbup Klaten 34/2024, Lampiran huruf B angka 5.4: the Dinas chain names the Puskesmas it reviews.
    assert muat_profil("klaten").kunci_mekanisme([JenisUnit.PUSKESMAS, JenisUnit.DINAS]) == "dinas"
