"""tentukan_ppk: who rates whom, under which passage of which regulation.

Each case quotes the seed passage it checks. Most chains run up to the
Sekretariat Daerah; a few start at a root Perangkat Daerah (see ppk.py).
"""

from __future__ import annotations

import pytest

from sistemkerja_tui.aturan.enums import JenisJabatan as J
from sistemkerja_tui.aturan.enums import JenisUnit as U
from sistemkerja_tui.aturan.enums import Jenjang
from sistemkerja_tui.aturan.ppk import Pejabat, SubjekPPK, UnitRantai, tentukan_ppk
from sistemkerja_tui.aturan.profil import muat_profil

SUBJEK_ID = 999

SEKDA = Pejabat(1, "Ir. Soeko", "Sekretaris Daerah", J.JPT_PRATAMA)
KADIS = Pejabat(2, "dr. Ani", "Kepala Dinas", J.JPT_PRATAMA)
KABID = Pejabat(3, "Budi", "Kepala Bidang", J.ADMINISTRATOR)
KASI = Pejabat(4, "Citra", "Kepala Seksi", J.PENGAWAS)
KAPUS = Pejabat(5, "dr. Dewi", "Dokter Ahli Madya", J.FUNGSIONAL, Jenjang.AHLI_MADYA)
KA_UPTD = Pejabat(6, "Eko", "Kepala UPTD", J.PENGAWAS)
DIREKTUR = Pejabat(7, "dr. Fajar", "Direktur", J.ADMINISTRATOR)
KA_TU = Pejabat(8, "Gita", "Kepala Tata Usaha", J.FUNGSIONAL, Jenjang.AHLI_PERTAMA)
CAMAT = Pejabat(9, "Hadi", "Camat", J.ADMINISTRATOR)
KASUBBAG = Pejabat(10, "Indah", "Kepala Subbagian", J.PENGAWAS)
LURAH = Pejabat(11, "Joko", "Lurah", J.PENGAWAS)

SETDA = UnitRantai(100, "Sekretariat Daerah", U.SEKRETARIAT_DAERAH, False, SEKDA, "Sekretaris Daerah")
DINKES = UnitRantai(101, "Dinas Kesehatan", U.DINAS, False, KADIS, "Kepala Dinas Kesehatan")
BIDANG = UnitRantai(
    102,
    "Bidang Pencegahan dan Pengendalian Penyakit",
    U.BIDANG,
    False,
    KABID,
    "Kepala Bidang Pencegahan dan Pengendalian Penyakit",
)
SEKSI = UnitRantai(103, "Seksi Surveilans", U.SEKSI, False, KASI, "Kepala Seksi Surveilans")
PUSKESMAS = UnitRantai(104, "UPTD Puskesmas Manguharjo", U.PUSKESMAS, True, KAPUS, "Kepala UPTD Puskesmas Manguharjo")
UPTD = UnitRantai(105, "UPTD Laboratorium", U.UPTD, False, KA_UPTD, "Kepala UPTD Laboratorium")
RSUD = UnitRantai(106, "RSUD Bagas Waras", U.RSUD, False, DIREKTUR, "Direktur RSUD Bagas Waras")
BIDANG_RSUD = UnitRantai(107, "Bidang Pelayanan", U.BIDANG, False, KABID, "Kepala Bidang Pelayanan")
SEKSI_RSUD = UnitRantai(108, "Seksi Pelayanan Medik", U.SEKSI, False, KASI, "Kepala Seksi Pelayanan Medik")
TU_PUSKESMAS = UnitRantai(109, "Subbagian Tata Usaha", U.SUBBAGIAN, False, KA_TU, "Kepala Tata Usaha")
KECAMATAN = UnitRantai(110, "Kecamatan Taman", U.KECAMATAN, False, CAMAT, "Camat Taman")
SEKSI_KEC = UnitRantai(111, "Seksi Pemerintahan", U.SEKSI, False, KASI, "Kepala Seksi Pemerintahan")
SUBBAG_KEC = UnitRantai(112, "Subbagian Umum", U.SUBBAGIAN, False, KASUBBAG, "Kepala Subbagian Umum")
KELURAHAN = UnitRantai(113, "Kelurahan Manisrejo", U.KELURAHAN, False, LURAH, "Lurah Manisrejo")
SEKSI_KEL = UnitRantai(114, "Seksi Ketenteraman", U.SEKSI, False, KASI, "Kepala Seksi Ketenteraman")


def lowong(unit: UnitRantai) -> UnitRantai:
    return UnitRantai(unit.unit_id, unit.nama, unit.jenis, unit.mandiri, None, unit.jabatan_pimpinan)


def staf(jenis: J, jenjang: Jenjang | None, *rantai: UnitRantai, **lain) -> SubjekPPK:
    return SubjekPPK(SUBJEK_ID, jenis, jenjang, tuple(rantai), **lain)


def jf(jenjang: Jenjang, *rantai: UnitRantai) -> SubjekPPK:
    return staf(J.FUNGSIONAL, jenjang, *rantai)


def pelaksana(*rantai: UnitRantai) -> SubjekPPK:
    return staf(J.PELAKSANA, None, *rantai)


def pimpinan(pejabat: Pejabat, *rantai: UnitRantai) -> SubjekPPK:
    return SubjekPPK(pejabat.pegawai_id, pejabat.jenis, pejabat.jenjang, tuple(rantai))


@pytest.fixture(scope="module")
def madiun():
    return muat_profil("madiun")


@pytest.fixture(scope="module")
def klaten():
    return muat_profil("klaten")


@pytest.fixture(scope="module")
def padang_panjang():
    return muat_profil("padang_panjang")


# --- Perwal Madiun 73/2023, Pasal 43 ayat (2) dan ayat (5) -------------------------


def test_ahli_pertama_di_seksi_dinilai_kepala_seksi(madiun):
    # Pasal 43 ayat (2) huruf c: "pengelolaan kinerja jabatan fungsional ahli pertama dan semua
    # jenjang terampil dilakukan oleh jabatan pengawas atau pejabat satu tingkat di atasnya"
    hasil = tentukan_ppk(jf(Jenjang.AHLI_PERTAMA, SEKSI, BIDANG, DINKES, SETDA), madiun)
    assert hasil.ppk == KASI
    assert hasil.sebutan == "Kepala Seksi Surveilans"
    assert hasil.rujukan == "Perwal Madiun 73/2023, Pasal 43 ayat (2) huruf c"
    assert hasil.temuan is None and not hasil.override


def test_jenjang_terampil_di_seksi_dinilai_kepala_seksi(madiun):
    # Pasal 43 ayat (2) huruf c: "... dan semua jenjang terampil dilakukan oleh jabatan pengawas ..."
    for jenjang in (Jenjang.PEMULA, Jenjang.TERAMPIL, Jenjang.MAHIR, Jenjang.PENYELIA):
        hasil = tentukan_ppk(jf(jenjang, SEKSI, BIDANG, DINKES, SETDA), madiun)
        assert (hasil.ppk, hasil.rujukan) == (KASI, "Perwal Madiun 73/2023, Pasal 43 ayat (2) huruf c")


def test_ahli_muda_di_seksi_dinilai_kepala_bidang(madiun):
    # Pasal 43 ayat (2) huruf b: "pengelolaan kinerja jabatan fungsional ahli muda dilakukan oleh
    # jabatan administrator atau pejabat satu tingkat di atasnya"
    hasil = tentukan_ppk(jf(Jenjang.AHLI_MUDA, SEKSI, BIDANG, DINKES, SETDA), madiun)
    assert hasil.ppk == KABID
    assert hasil.sebutan == "Kepala Bidang Pencegahan dan Pengendalian Penyakit"
    assert hasil.rujukan == "Perwal Madiun 73/2023, Pasal 43 ayat (2) huruf b"


def test_ahli_madya_dinilai_kepala_dinas(madiun):
    # Pasal 43 ayat (2) huruf a: "pengelolaan kinerja jabatan fungsional ahli utama dan ahli madya
    # dilakukan oleh jabatan pimpinan tinggi pratama"
    for jenjang in (Jenjang.AHLI_MADYA, Jenjang.AHLI_UTAMA):
        hasil = tentukan_ppk(jf(jenjang, BIDANG, DINKES, SETDA), madiun)
        assert hasil.ppk == KADIS
        assert hasil.sebutan == "Kepala Dinas Kesehatan"
        assert hasil.rujukan == "Perwal Madiun 73/2023, Pasal 43 ayat (2) huruf a"


def test_pelaksana_di_bidang_tanpa_seksi_dinilai_kepala_bidang(madiun):
    # Pasal 43 ayat (5): "Jabatan pelaksana bertanggung jawab secara langsung kepada Pejabat
    # Pengawas atau pejabat satu tingkat di atasnya"
    hasil = tentukan_ppk(pelaksana(BIDANG, DINKES, SETDA), madiun)
    assert (hasil.ppk, hasil.rujukan) == (KABID, "Perwal Madiun 73/2023, Pasal 43 ayat (5)")


@pytest.mark.parametrize(
    "rantai",
    [
        (DINKES, SETDA),  # pelaksana langsung di bawah Kepala Dinas
        (lowong(SEKSI), lowong(BIDANG), DINKES, SETDA),  # jabatan Pengawas dan Administrator kosong
    ],
    ids=["tanpa-struktur", "struktur-lowong"],
)
def test_pelaksana_tanpa_pengawas_dan_administrator_dinilai_jpt(madiun, rantai):
    # Pasal 43 ayat (5): "... dan pejabat dua tingkat di atas apabila Pejabat Pengawas dan
    # Administrator tidak ada karena restrukturisasi organisasi dan/atau penyetaraan jabatan"
    hasil = tentukan_ppk(pelaksana(*rantai), madiun)
    assert (hasil.ppk, hasil.sebutan) == (KADIS, "Kepala Dinas Kesehatan")
    assert hasil.rujukan == "Perwal Madiun 73/2023, Pasal 43 ayat (5)"


@pytest.mark.parametrize(
    "subjek",
    [
        pelaksana(PUSKESMAS, DINKES, SETDA),
        jf(Jenjang.AHLI_MUDA, PUSKESMAS, DINKES, SETDA),
        jf(Jenjang.TERAMPIL, PUSKESMAS, DINKES, SETDA),
    ],
    ids=["pelaksana", "ahli-muda", "terampil"],
)
def test_staf_puskesmas_dinilai_kepala_puskesmas(madiun, subjek):
    # Pasal 13 ayat (5): "Dalam hal Pejabat Fungsional diangkat untuk memimpin suatu unit kerja
    # mandiri, Pejabat Fungsional tersebut dapat membawahi Pejabat Fungsional dan pelaksana."
    # ayat (7): "Unit kerja mandiri ... berupa Pusat Kesehatan Masyarakat."
    hasil = tentukan_ppk(subjek, madiun)
    assert (hasil.ppk, hasil.sebutan) == (KAPUS, "Kepala UPTD Puskesmas Manguharjo")
    assert hasil.rujukan == "Perwal Madiun 73/2023, Pasal 13 ayat (5) dan ayat (7)"


def test_ahli_muda_di_uptd_pengawas_dinilai_kepala_dinas(madiun):
    # Lampiran Bab III huruf B huruf c angka 2) huruf g: "Penilaian kinerja bagi Pejabat Fungsional
    # Ahli Muda dilaksanakan oleh Kepala Dinas atau Pejabat Administrator yang diberikan kewenangan"
    hasil = tentukan_ppk(jf(Jenjang.AHLI_MUDA, UPTD, DINKES, SETDA), madiun)
    assert hasil.ppk == KADIS
    assert tentukan_ppk(pelaksana(UPTD, DINKES, SETDA), madiun).ppk == KA_UPTD


# --- pimpinan unit: atasan langsung ---------------------------------------------


def test_kepala_bidang_dinilai_kepala_dinas(madiun):
    # Pasal 1 angka 13: "Pejabat Penilai Kinerja adalah atasan langsung ..."
    hasil = tentukan_ppk(pimpinan(KABID, BIDANG, DINKES, SETDA), madiun)
    assert (hasil.ppk, hasil.sebutan) == (KADIS, "Kepala Dinas Kesehatan")
    assert hasil.rujukan == "Perwal Madiun 73/2023, Pasal 1 angka 13"


def test_kepala_dinas_dinilai_sekretaris_daerah(madiun):
    hasil = tentukan_ppk(pimpinan(KADIS, DINKES, SETDA), madiun)
    assert (hasil.ppk, hasil.sebutan) == (SEKDA, "Sekretaris Daerah")
    assert hasil.rujukan == "Perwal Madiun 73/2023, Pasal 1 angka 13"


def test_kepala_puskesmas_dinilai_kepala_dinas(madiun):
    # Lampiran Bab III huruf B huruf d angka 2) angka 1: "Kepala Dinas dengan pendelegasian
    # kewenangan akan menetapkan kinerja Kepala UPTD Puskesmas"
    hasil = tentukan_ppk(pimpinan(KAPUS, PUSKESMAS, DINKES, SETDA), madiun)
    assert hasil.ppk == KADIS


def test_sekda_dinilai_kepala_daerah(madiun):
    hasil = tentukan_ppk(pimpinan(SEKDA, SETDA), madiun, kepala_daerah="Bupati")
    assert (hasil.ppk, hasil.sebutan, hasil.temuan) == (None, "Bupati", None)
    # Without the argument, the title comes from the profile (Madiun: "Wali Kota Madiun", Pasal 1 angka 3).
    assert tentukan_ppk(pimpinan(SEKDA, SETDA), madiun).sebutan == "Wali Kota"


def test_kepala_perangkat_daerah_di_akar_dinilai_sekretaris_daerah(madiun):
    # The Dinas is a root of the tree (not under the Sekretariat Daerah): its head's atasan is the Sekda,
    # handed in by the caller, or named by title when the caller does not know them.
    dengan_sekda = SubjekPPK(KADIS.pegawai_id, KADIS.jenis, None, (DINKES,), sekretaris_daerah=SEKDA)
    hasil = tentukan_ppk(dengan_sekda, madiun)
    assert (hasil.ppk, hasil.sebutan, hasil.temuan) == (SEKDA, "Sekretaris Daerah", None)
    assert hasil.rujukan == "Perwal Madiun 73/2023, Pasal 1 angka 13"
    tanpa = tentukan_ppk(pimpinan(CAMAT, KECAMATAN), madiun)
    assert (tanpa.ppk, tanpa.sebutan, tanpa.temuan) == (None, "Sekretaris Daerah", None)


def test_unit_akar_bukan_perangkat_daerah_tidak_ditebak(madiun):
    hasil = tentukan_ppk(pimpinan(KABID, BIDANG), madiun)
    assert hasil.ppk is None and hasil.temuan is not None
    assert hasil.temuan.tingkat == "error" and "Bidang Pencegahan" in hasil.temuan.pesan


def test_pejabat_struktural_bukan_pimpinan_dinilai_pimpinan_unitnya(klaten):
    # Perbup Klaten 34/2024, Lampiran huruf B, tabel huruf n: "Lurah (Pengawas) | Lurah | Sekretaris, Kepala Seksi"
    sekretaris_kelurahan = staf(J.PENGAWAS, None, KELURAHAN, KECAMATAN, SETDA)
    assert tentukan_ppk(sekretaris_kelurahan, klaten).ppk == LURAH


# --- override dan kegagalan -----------------------------------------------------


def test_override_menang(madiun):
    # Pasal 1 angka 13: "... atau pejabat lain yang diberi pendelegasian kewenangan"
    hasil = tentukan_ppk(
        staf(
            J.FUNGSIONAL,
            Jenjang.AHLI_PERTAMA,
            SEKSI,
            BIDANG,
            DINKES,
            SETDA,
            override=KABID,
            alasan_override="Pendelegasian Kepala Dinas No. 800/12",
        ),
        madiun,
    )
    assert hasil.override and hasil.ppk == KABID and hasil.sebutan == "Kepala Bidang"
    assert "Override PPK tersimpan" in hasil.rujukan
    assert "Pendelegasian Kepala Dinas No. 800/12" in hasil.rujukan
    assert "Perwal Madiun 73/2023, Pasal 1 angka 13 dan Pasal 43 ayat (1)" in hasil.rujukan
    assert hasil.temuan is None


def test_override_tanpa_alasan_diberi_peringatan(madiun):
    hasil = tentukan_ppk(staf(J.PELAKSANA, None, SEKSI, BIDANG, DINKES, SETDA, override=KADIS), madiun)
    assert hasil.override and hasil.ppk == KADIS
    assert hasil.temuan is not None and hasil.temuan.tingkat == "peringatan"


def test_tidak_ada_yang_memenuhi_menghasilkan_temuan(madiun):
    # Ahli Madya needs a JPT Pratama (Pasal 43 ayat (2) huruf a); the chain has none.
    hasil = tentukan_ppk(jf(Jenjang.AHLI_MADYA, SEKSI, BIDANG, lowong(DINKES)), madiun)
    assert hasil.ppk is None and hasil.sebutan == ""
    assert hasil.temuan is not None and hasil.temuan.tingkat == "error"
    assert hasil.temuan.kode == "ppk_tidak_ditemukan"
    assert "JPT Pratama" in hasil.temuan.pesan
    assert hasil.temuan.rujukan == "Perwal Madiun 73/2023, Pasal 43 ayat (2) huruf a"


def test_tanpa_unit_menghasilkan_temuan(madiun):
    hasil = tentukan_ppk(pelaksana(), madiun)
    assert hasil.ppk is None and hasil.temuan is not None and hasil.temuan.tingkat == "error"


# --- Perbup Klaten 34/2024 --------------------------------------------------------


def test_klaten_ahli_madya_di_bidang_dinilai_kepala_bidang(klaten, madiun):
    # Lampiran huruf B: "Jabatan Fungsional Ahli Madya Fungsional Ahli Muda berkedudukan di bawah
    # Administrator (Eselon III)"; tabel huruf e: "Kabid (Administrator) | JF Madya ke bawah, dan Pelaksana"
    subjek = jf(Jenjang.AHLI_MADYA, BIDANG, DINKES, SETDA)
    hasil = tentukan_ppk(subjek, klaten)
    assert hasil.ppk == KABID
    assert hasil.rujukan.startswith("Perbup Klaten 34/2024, Lampiran huruf B (penggambaran umum kedudukan")
    assert tentukan_ppk(subjek, madiun).ppk == KADIS  # Madiun: Pasal 43 ayat (2) huruf a


def test_klaten_ahli_utama_dinilai_kepala_dinas(klaten):
    # Lampiran huruf B: "Jabatan Fungsional Ahli Utama berkedudukan di bawah Jabatan Pimpinan Tinggi Pratama"
    assert tentukan_ppk(jf(Jenjang.AHLI_UTAMA, BIDANG, DINKES, SETDA), klaten).ppk == KADIS


def test_klaten_rsud_madya_dinilai_direktur(klaten):
    # Tabel huruf h (RSUD): "Direktur (Administrator) | Direktur (Administrator) | Kabag dan Kabid JF Utama
    # dan JF Madya"; "Kabid (Administrator) | Kepala Seksi, , JF Ahli Muda";
    # "Kepala Seksi, (Pengawas) | JF Pertama ke bawah, Pelaksana"
    rantai = (SEKSI_RSUD, BIDANG_RSUD, RSUD, SETDA)
    madya = tentukan_ppk(jf(Jenjang.AHLI_MADYA, *rantai), klaten)
    assert (madya.ppk, madya.sebutan) == (DIREKTUR, "Direktur RSUD Bagas Waras")
    assert "tabel huruf h" in madya.rujukan
    assert tentukan_ppk(jf(Jenjang.AHLI_MUDA, *rantai), klaten).ppk == KABID
    assert tentukan_ppk(jf(Jenjang.AHLI_PERTAMA, *rantai), klaten).ppk == KASI
    assert tentukan_ppk(pelaksana(*rantai), klaten).ppk == KASI


def test_klaten_uptd_menilai_semua_jf(klaten):
    # Tabel huruf j: "Kepala UPTD | Kepala UPTD (Pengawas | Kasubbag TU, Jabatan Fungsional Keahlian dan
    # Keterampilan, Pelaksana"
    hasil = tentukan_ppk(jf(Jenjang.AHLI_MUDA, UPTD, DINKES, SETDA), klaten)
    assert (hasil.ppk, hasil.sebutan) == (KA_UPTD, "Kepala UPTD Laboratorium")
    assert "tabel huruf j dan huruf k" in hasil.rujukan


def test_klaten_pelaksana_puskesmas_dinilai_kepala_tu(klaten):
    # Tabel huruf i (Puskesmas): "Kepala Puskesmas | Kepala Puskesmas (JF Tenaga Kesehatan) | Kepala TU,
    # Jabatan Fungsional Keahlian dan Keterampilan"; "Kepala TU (JF Tenaga Kesehatan) | Pelaksana"
    rantai = (TU_PUSKESMAS, PUSKESMAS, DINKES, SETDA)
    hasil = tentukan_ppk(pelaksana(*rantai), klaten)
    assert (hasil.ppk, hasil.sebutan) == (KA_TU, "Kepala Tata Usaha")
    assert "tabel huruf i" in hasil.rujukan
    assert tentukan_ppk(jf(Jenjang.AHLI_PERTAMA, *rantai), klaten).ppk == KAPUS
    assert tentukan_ppk(pimpinan(KA_TU, *rantai), klaten).ppk == KAPUS


def test_klaten_kecamatan_kasubbag_menilai_jf(klaten, madiun):
    # Tabel huruf g (Kecamatan): "Kepala Subbagian, (Pengawas) | JF dan pelaksana"
    subjek = jf(Jenjang.AHLI_MUDA, SUBBAG_KEC, KECAMATAN, SETDA)
    assert tentukan_ppk(subjek, klaten).ppk == KASUBBAG
    assert tentukan_ppk(subjek, madiun).ppk == CAMAT  # Madiun: Ahli Muda -> Administrator


# --- Perwal Padang Panjang 48/2024 ----------------------------------------------


def test_padang_panjang_kecamatan_camat_menilai_semua(padang_panjang, madiun):
    # Lampiran II huruf G angka 1: "Fungsional dan Pelaksana berada di bawah dan bertanggungjawab kepada
    # Camat sebagai Pejabat level 1 yang berperan sebagai Pejabat Penilai Kinerja."
    for subjek in (jf(Jenjang.AHLI_PERTAMA, SEKSI_KEC, KECAMATAN, SETDA), pelaksana(SUBBAG_KEC, KECAMATAN, SETDA)):
        hasil = tentukan_ppk(subjek, padang_panjang)
        assert (hasil.ppk, hasil.sebutan) == (CAMAT, "Camat Taman")
        assert hasil.rujukan.startswith("Perwal Padang Panjang 48/2024, Lampiran II huruf G angka 1")
    assert tentukan_ppk(jf(Jenjang.AHLI_PERTAMA, SEKSI_KEC, KECAMATAN, SETDA), madiun).ppk == KASI


def test_padang_panjang_kelurahan_lurah_menilai(padang_panjang):
    # Lampiran II huruf H angka 1: "Pejabat Fungsional dan Pelaksana berada di bawah dan bertanggung
    # kepada Lurah sebagai pejabat level 1 (satu) yang berperan sebagai Pejabat Penilai Kinerja."
    hasil = tentukan_ppk(pelaksana(SEKSI_KEL, KELURAHAN, KECAMATAN, SETDA), padang_panjang)
    assert (hasil.ppk, hasil.sebutan) == (LURAH, "Lurah Manisrejo")


def test_padang_panjang_dinas_kepala_bidang_menilai(padang_panjang):
    # Lampiran II huruf D angka 1: "Pejabat Fungsional dan pelaksana berkedudukan di bawah sekretaris dan
    # kepala bidang sebagai pejabat level 2 yang berperan sebagai Pejabat Penilai Kinerja"
    hasil = tentukan_ppk(jf(Jenjang.AHLI_PERTAMA, SEKSI, BIDANG, DINKES, SETDA), padang_panjang)
    assert hasil.ppk == KABID and "huruf D angka 1" in hasil.rujukan


def test_padang_panjang_aturan_bidang_hanya_di_dinas_dan_badan(padang_panjang):
    # Lampiran II huruf D lists Dinas/Badan; for the RSUD (huruf F angka 1) the kepala bagian/kepala bidang is PPK
    # only "bagi sebagian Pejabat Fungsional dan pelaksana": no blanket rule, so the general walk applies there,
    # even when the RSUD hangs under the Dinas Kesehatan.
    rsud = (SEKSI_RSUD, BIDANG_RSUD, RSUD, DINKES, SETDA)
    assert tentukan_ppk(jf(Jenjang.AHLI_PERTAMA, *rsud), padang_panjang).ppk == KASI


def test_klaten_aturan_dalam_melihat_organisasi_bukan_induk_langsung(klaten):
    # Tabel huruf g (Kecamatan) "Kepala Subbagian, (Pengawas) | JF dan pelaksana", with the Subbagian under the
    # Sekretariat Kecamatan rather than directly under the Kecamatan.
    sekcam = UnitRantai(
        115,
        "Sekretariat Kecamatan",
        U.SEKRETARIAT,
        False,
        Pejabat(12, "Krisna", "Sekretaris Kecamatan", J.ADMINISTRATOR),
    )
    hasil = tentukan_ppk(jf(Jenjang.AHLI_MUDA, SUBBAG_KEC, sekcam, KECAMATAN, SETDA), klaten)
    assert hasil.ppk == KASUBBAG and "tabel huruf g" in hasil.rujukan


def test_padang_panjang_uptd_kepala_uptd_menilai_ahli_muda(padang_panjang):
    # Lampiran II huruf I angka 1: "Pejabat Fungsional dan pelaksana berada di bawah Pejabat Pengawas
    # sebagai Pejabat level 1 (satu) yang berperan selaku Pejabat Penilai Kinerja."
    assert tentukan_ppk(jf(Jenjang.AHLI_MUDA, UPTD, DINKES, SETDA), padang_panjang).ppk == KA_UPTD


# --- Perbup Luwu Utara 59/2023 dan profil umum -----------------------------------


def test_luwu_utara_kepala_bidang_menilai_pelaksana_di_seksi():
    # Lampiran Bab II huruf B angka 5 huruf a, uraian a angka 2) angka 2: "Pejabat Level 2 atau Pejabat
    # Administrator akan memberikan penilaian kinerja sekaligus memberikan penugasan bagi Pejabat
    # Pengawas, pejabat Fungsional dan Pelaksana"
    hasil = tentukan_ppk(pelaksana(SEKSI, BIDANG, DINKES, SETDA), muat_profil("luwu_utara"))
    assert hasil.ppk == KABID and "uraian a, b, dan c" in hasil.rujukan


def test_umum_hanya_mensyaratkan_pengawas():
    # PermenPANRB 7/2022 via Perwal Cilegon 17/2023 Pasal 1 angka 16: "paling rendah pejabat pengawas"
    hasil = tentukan_ppk(jf(Jenjang.AHLI_MADYA, SEKSI, BIDANG, DINKES, SETDA), muat_profil("umum"))
    assert hasil.ppk == KASI
    assert hasil.rujukan.startswith("PermenPANRB 7/2022")
