"""Madiun's perencanaan and pelaksanaan steps per unit type (`[tahapan.*]` in madiun.toml).

Source: Perwal Madiun 73/2023, Lampiran Bab III huruf A (the three stages) and huruf B huruf a–e
(Alur Mekanisme Kerja per kind of unit organisasi). Each test quotes the passage it encodes.
"""

import re

import pytest
from tests import bantu
from tests.bantu import kunci_langkah

from sistemkerja_tui.aturan.enums import JenisUnit, PeranTim
from sistemkerja_tui.aturan.profil import muat_profil
from sistemkerja_tui.aturan.tahap import cari_langkah

J = JenisUnit
SINGKATAN = "Perwal Madiun 73/2023, "


@pytest.fixture(scope="module")
def madiun():
    return muat_profil("madiun")


def bagian(rujukan):
    """`huruf A` or `huruf B huruf a` … `huruf e`: the mechanism a rujukan belongs to."""
    return re.search(r"Lampiran Bab III (huruf A|huruf B huruf [a-e])\b", rujukan).group(1)


def sama_mekanisme(profil, rantai, jenis):
    """Steps and reviewers come from the same mechanism (the same huruf of Lampiran Bab III), every step too."""
    tahapan = bantu.sama_mekanisme(profil, rantai, jenis, bagian=bagian)
    assert all(bagian(x.rujukan) == bagian(tahapan.rujukan) for x in tahapan.perencanaan + tahapan.pelaksanaan)
    return tahapan


PELAKSANAAN = ["rincian_kegiatan", "pembagian_peran", "pelaksanaan", "hasil_disampaikan"]
PERENCANAAN_A = [
    "pk_ditetapkan",
    "penetapan_kinerja",
    "arahan_koordinasi",
    "strategi",
    "distribusi_pengawas",
    "penugasan",
    "arahan_ekspektasi",
    "rencana_kegiatan_anggaran",
]


# --- a. Inspektorat, Sekretariat DPRD, Dinas dan Badan --------------------------------------------------


@pytest.mark.parametrize(
    ("rantai", "jenis", "level_i", "level_ii"),
    [
        ([J.BIDANG, J.DINAS], "dinas", "Kepala Dinas (Pejabat Level I)", "Sekretaris / Kepala Bidang (Level II)"),
        (
            [J.SEKSI, J.BIDANG, J.DINAS],
            "dinas",
            "Kepala Dinas (Pejabat Level I)",
            "Sekretaris / Kepala Bidang (Level II)",
        ),
        ([J.SEKRETARIAT, J.BADAN], "badan", "Kepala Badan (Pejabat Level I)", "Sekretaris / Kepala Bidang (Level II)"),
        (
            [J.INSPEKTUR_PEMBANTU, J.INSPEKTORAT],
            "inspektorat",
            "Inspektur (Pejabat Level I)",
            "Sekretaris / Inspektur Pembantu (Level II)",
        ),
        (
            [J.SUBBAGIAN, J.BAGIAN, J.SEKRETARIAT_DPRD],
            "sekretariat_dprd",
            "Sekretaris DPRD (Pejabat Level I)",
            "Kepala Bagian (Pejabat Level II)",
        ),
    ],
)
def test_huruf_a_ppt_dengan_administrator_sebagai_ppk(madiun, rantai, jenis, level_i, level_ii):
    # Lampiran Bab III huruf B huruf a angka 3) huruf a): "Tahapan perencanaan dimulai dari Pejabat Pimpinan Tinggi
    #   Pratama sebagai Pejabat Level I menyusun dan menetapkan perjanjian kinerja. ... Atas arahan tersebut kemudian
    #   Pejabat Level II merumuskan strategi pencapaian target kinerjanya." huruf d: "menugaskan dan melaksanakan
    #   distribusi Pejabat Fungsional dan Pelaksana guna membantu pelaksanaan tugas substansi Pejabat Level III".
    # Huruf b): "Hasil pelaksanaan kegiatan yang sudah sesuai dengan target disampaikan kepada Pejabat Level II oleh
    #   Pejabat Level III, Individu atau Ketua Tim." Unit types: "a) Inspektorat; b) Sekretariat DPRD; dan c) Dinas dan
    #   Badan."
    t = sama_mekanisme(madiun, rantai, jenis)
    assert kunci_langkah(t) == (PERENCANAAN_A, PELAKSANAAN)
    assert cari_langkah(t, "pk_ditetapkan").pelaku == cari_langkah(t, "arahan_koordinasi").pelaku == level_i
    for k in ("penetapan_kinerja", "strategi", "distribusi_pengawas", "penugasan", "arahan_ekspektasi"):
        assert cari_langkah(t, k).pelaku == level_ii, k
    assert (
        cari_langkah(t, "hasil_disampaikan").pelaku == "Level III / individu / Ketua Tim" or jenis == "sekretariat_dprd"
    )
    assert t.kembali == "pelaksanaan"
    assert t.rujukan == SINGKATAN + "Lampiran Bab III huruf B huruf a angka 3) huruf a) dan huruf b)"
    assert cari_langkah(t, "distribusi_pengawas").rujukan == (
        SINGKATAN + "Lampiran Bab III huruf B huruf a angka 3) huruf a) huruf d"
    )
    assert cari_langkah(t, "hasil_disampaikan").rujukan.endswith("angka 3) huruf b) alinea terakhir")
    # the last step hands the result to the first reviewer (Pejabat Level II)
    assert madiun.alur_reviu(rantai).langkah[0].sebutan.startswith("Pejabat Level II")


def test_huruf_a_sekretariat_dprd_kepala_bagian(madiun):
    # Huruf a angka 1): "Unit Organisasi yang menerapkan penggambaran tersebut yaitu: ... b) Sekretariat DPRD";
    # the profile's review chain names the Kepala Bagian as Pejabat Level II.
    rantai = [J.BAGIAN, J.SEKRETARIAT_DPRD]
    t = sama_mekanisme(madiun, rantai, "sekretariat_dprd")
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Kepala Bagian"
    assert madiun.alur_reviu(rantai).langkah[0].sebutan == "Pejabat Level II (Kepala Bagian)"
    assert cari_langkah(t, "hasil_disampaikan").pelaku == "Kepala Subbagian / individu / Ketua Tim"


def test_huruf_a_kegiatan_milik_dinas_sendiri(madiun):
    assert madiun.tahapan_untuk([J.DINAS]) == ("dinas", madiun.tahapan["dinas"])


# --- b. Kecamatan (unit dipimpin Pejabat Administrator) ------------------------------------------------


@pytest.mark.parametrize("rantai", [[J.SEKSI, J.KECAMATAN], [J.KECAMATAN], [J.SUBBAGIAN, J.SEKRETARIAT, J.KECAMATAN]])
def test_huruf_b_kecamatan(madiun, rantai):
    # Lampiran Bab III huruf B huruf b angka 3) huruf a: "Tahapan perencanaan dimulai dari Pejabat Administrator
    #   menyusun dan menetapkan perjanjian kinerja. ... Atas arahan tersebut kemudian Pejabat Pengawas merumuskan
    #   strategi pencapaian target kinerjanya." Huruf b: "Hasil pelaksanaan kegiatan yang sudah sesuai dengan target,
    #   disampaikan kepada Pejabat Pengawas oleh individu atau Ketua Tim." Angka 1): "Unit Organisasi yang
    #   menerapkan penggambaran tersebut adalah Kecamatan, Bagian di Sekretariat Daerah dan Bagian di Sekretariat DPRD."
    # The review chain stays the baseline (huruf A angka 3: Pejabat Level 2, then Pejabat Level 1 — the Pejabat
    # Pengawas, then the Camat), as test_profil::test_madiun_alur_reviu fixes; the steps are huruf b's.
    mekanisme, t = madiun.tahapan_untuk(rantai)
    assert mekanisme == "kecamatan" and madiun.kunci_mekanisme(rantai) == "bawaan"
    assert [lk.sebutan for lk in madiun.alur_reviu(rantai).langkah] == ["Pejabat Level 2", "Pejabat Level 1"]
    assert kunci_langkah(t) == (
        [
            "pk_ditetapkan",
            "penetapan_kinerja",
            "arahan_koordinasi",
            "strategi",
            "penugasan",
            "arahan_ekspektasi",
            "rencana_kegiatan_anggaran",
        ],
        PELAKSANAAN,
    )
    assert (
        cari_langkah(t, "pk_ditetapkan").pelaku
        == cari_langkah(t, "arahan_koordinasi").pelaku
        == "Camat (Pejabat Administrator)"
    )
    assert (
        cari_langkah(t, "strategi").pelaku == cari_langkah(t, "penugasan").pelaku == "Pejabat Pengawas (Kasi/Kasubbag)"
    )
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Pejabat Pengawas"
    assert all(bagian(x.rujukan) == "huruf B huruf b" for x in t.perencanaan + t.pelaksanaan)


@pytest.mark.parametrize("rantai", [[J.KELURAHAN, J.KECAMATAN], [J.SEKSI, J.KELURAHAN, J.KECAMATAN]])
def test_kelurahan_tanpa_mekanisme_sendiri_memakai_huruf_a(madiun, rantai):
    # Lampiran Bab III huruf B names no mechanism for the Kelurahan (the Lurah is a Pejabat Pengawas, Pasal 20 huruf
    # d); its kegiatan follow huruf A: "a. penyusunan dan penetapan perjanjian kinerja, perumusan strategi
    # pencapaian target kinerja serta penugasan Pejabat Fungsional dan pelaksana ... oleh Pejabat Level 1".
    mekanisme, t = madiun.tahapan_untuk(rantai)
    assert mekanisme == "bawaan" and t is madiun.tahapan["bawaan"]


# --- huruf A: the baseline, cited from Madiun's own text -----------------------------------------------


@pytest.mark.parametrize("rantai", [[J.BIDANG, J.SATUAN], [J.BIDANG, J.RSUD], [J.KELURAHAN, J.KECAMATAN]])
def test_huruf_a_bawaan(madiun, rantai):
    # Lampiran Bab III huruf A angka 1 huruf c: "penyusunan rencana pelaksanaan kegiatan dan anggaran untuk pencapaian
    #   target kinerja oleh Pejabat Fungsional dan pelaksana"; angka 2 huruf c: "penyampaian hasil pelaksanaan
    #   kegiatan kepada Pejabat Level 2." The steps of umum.toml, worded and cited from the Perwal.
    t = sama_mekanisme(madiun, rantai, "bawaan")
    umum = muat_profil("umum").tahapan["bawaan"]
    assert kunci_langkah(t) == kunci_langkah(umum)
    assert [x.pelaku for x in t.perencanaan + t.pelaksanaan] == [x.pelaku for x in umum.perencanaan + umum.pelaksanaan]
    assert cari_langkah(t, "pk_ditetapkan").label == "Perjanjian kinerja disusun dan ditetapkan"
    assert t.kembali == umum.kembali == "pelaksanaan"
    assert t.rujukan == SINGKATAN + "Lampiran Bab III huruf A angka 1 dan angka 2"
    assert cari_langkah(t, "hasil_disampaikan").rujukan == SINGKATAN + "Lampiran Bab III huruf A angka 2 huruf c"
    assert madiun.alur_reviu(rantai).rujukan == SINGKATAN + "Lampiran Bab III huruf A angka 3"


# --- c. UPTD dipimpin Pejabat Pengawas ------------------------------------------------------------------


def test_huruf_c_uptd(madiun):
    # Lampiran Bab III huruf B huruf c angka 3) huruf a: "Tahapan perencanaan dimulai dari Kepala Dinas/Badan menyusun
    #   Perjanjian Kinerja, atas dasar Perjanjian Kinerja tersebut Kepala Dinas/Badan menetapkan kinerja Kepala Cabang
    #   Dinas/UPTD sebagai Kepala Unit Kerja." Huruf b: "Hasil pelaksanaan kegiatan yang sudah sesuai dengan target,
    #   disampaikan kepada Pejabat Pengawas oleh individu atau Ketua Tim."
    rantai = [J.UPTD, J.DINAS]
    t = sama_mekanisme(madiun, rantai, "uptd")
    assert kunci_langkah(t) == (
        [
            "pk_ditetapkan",
            "penetapan_kinerja_uptd",
            "strategi",
            "distribusi_level_ii",
            "penugasan",
            "arahan_ekspektasi",
            "rencana_kegiatan_anggaran",
        ],
        PELAKSANAAN,
    )
    assert (
        cari_langkah(t, "pk_ditetapkan").pelaku
        == cari_langkah(t, "penetapan_kinerja_uptd").pelaku
        == "Kepala Dinas/Badan"
    )
    for k in ("strategi", "distribusi_level_ii", "penugasan", "arahan_ekspektasi"):
        assert cari_langkah(t, k).pelaku == "Kepala UPTD (Pejabat Level I)", k
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Kepala UPTD (Pejabat Pengawas)"
    assert [lk.sebutan for lk in madiun.alur_reviu(rantai).langkah] == ["Kepala UPTD (Pejabat Level I)"]
    assert cari_langkah(t, "penugasan").rujukan == (
        SINGKATAN + "Lampiran Bab III huruf B huruf c angka 2) huruf c dan angka 3) huruf a angka 5"
    )


# --- d. UPTD Puskesmas (dipimpin Pejabat Fungsional) and Satuan Pendidikan ------------------------------


def test_huruf_d_puskesmas(madiun):
    # Lampiran Bab III huruf B huruf d angka 2) angka 1: "Kepala Dinas dengan pendelegasian kewenangan akan menetapkan
    #   kinerja Kepala UPTD Puskesmas"; angka 1): "Unit Organisasi yang menerapkan penggambaran tersebut adalah UPTD
    #   Puskesmas." Angka 3) angka 2: "Hasil pelaksanaan kegiatan yang sudah sesuai dengan target, disampaikan kepada
    #   Kepala Sekolah oleh individu atau Ketua Tim." — for a Puskesmas, its Kepala UPTD Puskesmas.
    rantai = [J.PUSKESMAS, J.DINAS]
    t = sama_mekanisme(madiun, rantai, "puskesmas")
    assert kunci_langkah(t) == (
        [
            "pk_ditetapkan",
            "penetapan_kinerja_uptd",
            "strategi",
            "penugasan",
            "arahan_ekspektasi",
            "rencana_kegiatan_anggaran",
        ],
        PELAKSANAAN,
    )
    assert cari_langkah(t, "pk_ditetapkan").pelaku == "Kepala Dinas"
    assert cari_langkah(t, "penetapan_kinerja_uptd").pelaku == "Kepala Dinas (dengan pendelegasian)"
    assert cari_langkah(t, "strategi").pelaku == cari_langkah(t, "penugasan").pelaku == "Kepala UPTD Puskesmas"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Kepala UPTD Puskesmas"
    assert [lk.sebutan for lk in madiun.alur_reviu(rantai).langkah] == ["Kepala UPTD Puskesmas"]


def test_huruf_d_satuan_pendidikan_kepala_sekolah(madiun):
    # Lampiran Bab III huruf B huruf d angka 3) angka 3 (Tahap Evaluasi): "Pada tahap evaluasi, Kepala Sekolah meninjau
    #   hasil pelaksanaan kegiatan yang dilaksanakan oleh Tim Kerja/Individu. ... Pelaksanaan kegiatan dinyatakan
    #   selesai setelah Kepala Sekolah menerima hasil pelaksanaan kegiatan". Angka 1 huruf d: "Kepala Sekolah
    #   menyampaikan arahan dan ekspektasi ... kepada Ketua Tim Kerja/Individu".
    rantai = [J.SEKOLAH, J.DINAS]
    t = sama_mekanisme(madiun, rantai, "sekolah")
    alur = madiun.alur_reviu(rantai)
    assert [(lk.sebutan, lk.unit) for lk in alur.langkah] == [("Kepala Sekolah", (J.SEKOLAH,))]
    assert alur.rujukan == SINGKATAN + "Lampiran Bab III huruf B huruf d angka 3) angka 3 (Tahap Evaluasi)"
    assert kunci_langkah(t) == (
        [
            "pk_ditetapkan",
            "penetapan_kinerja_sekolah",
            "strategi",
            "penugasan",
            "arahan_ekspektasi",
            "rencana_kegiatan_anggaran",
        ],
        PELAKSANAAN,
    )
    for k in ("strategi", "penugasan", "arahan_ekspektasi"):
        assert cari_langkah(t, k).pelaku == "Kepala Sekolah", k
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Kepala Sekolah"


# --- e. Sekretariat Daerah ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rantai",
    [
        [J.BAGIAN, J.ASISTEN, J.SEKRETARIAT_DAERAH],
        [J.SUBBAGIAN, J.BAGIAN, J.ASISTEN, J.SEKRETARIAT_DAERAH],
    ],
)
def test_huruf_e_sekretariat_daerah(madiun, rantai):
    # Lampiran Bab III huruf B huruf e angka 3) angka (1): "Asisten Daerah ... akan membagi dan menunjuk Kepala Bagian
    #   sebagai penanggung jawab atas target kinerja tertentu". Angka (2): "apabila terdapat penunjukan Koordinator
    #   Tim Kerja maka hasil pelaksanaan kegiatan Tim Kerja yang sudah sesuai dengan target disampaikan kepada
    #   Koordinator Tim Kerja oleh Ketua Tim Kerja. Selanjutnya Koordinator Tim Kerja menyampaikan hasil pelaksanaan
    #   kegiatan kepada Kepala Bagian."
    t = sama_mekanisme(madiun, rantai, "sekretariat_daerah")
    assert kunci_langkah(t) == (
        [
            "pk_ditetapkan",
            "pk_asisten",
            "pk_kepala_bagian",
            "arahan_koordinasi",
            "strategi",
            "distribusi_pengawas",
            "penugasan",
            "arahan_ekspektasi",
            "rencana_kegiatan_anggaran",
        ],
        ["rincian_kegiatan", "pembagian_peran", "pelaksanaan", "hasil_disampaikan"],
    )
    assert cari_langkah(t, "pk_ditetapkan").pelaku == "Sekretaris Daerah"
    assert cari_langkah(t, "pk_kepala_bagian").pelaku == cari_langkah(t, "arahan_koordinasi").pelaku == "Asisten Daerah"
    for k in ("strategi", "distribusi_pengawas", "arahan_ekspektasi"):
        assert cari_langkah(t, k).pelaku == "Kepala Bagian", k
    assert cari_langkah(t, "penugasan").pelaku == "Kepala Bagian / Koordinator Tim Kerja"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Koordinator Tim Kerja/Kepala Bagian"
    # Tahap Evaluasi huruf c: "Koordinator Tim Kerja meninjau hasil pelaksanaan kegiatan Tim Kerja" — a review
    # step of its own (approve or return), before the Kepala Bagian; skipped where no Koordinator is appointed
    langkah = madiun.alur_reviu(rantai).langkah
    assert (langkah[0].peran, langkah[1].sebutan) == (PeranTim.KOORDINATOR, "Kepala Bagian")
    # a returned kegiatan goes back to the work itself
    assert t.kembali == "pelaksanaan"


# --- every table ----------------------------------------------------------------------------------------


def test_setiap_tahapan_madiun_sah_dan_berujukan_perwal(madiun):
    assert set(madiun.tahapan) == {
        "bawaan",
        "dinas",
        "badan",
        "inspektorat",
        "sekretariat_dprd",
        "kecamatan",
        "uptd",
        "puskesmas",
        "sekolah",
        "sekretariat_daerah",
    }
    for jenis, t in madiun.tahapan.items():
        assert t.rujukan.startswith(SINGKATAN), jenis
        assert "penugasan" in [x.kunci for x in t.perencanaan], jenis
        assert t.pelaksanaan[-1].kunci == "hasil_disampaikan", jenis
        assert t.pelaksanaan[-1].label.startswith("Hasil disampaikan kepada "), jenis
        for x in t.perencanaan + t.pelaksanaan:
            assert x.rujukan.startswith(SINGKATAN + "Lampiran Bab III huruf "), (jenis, x.kunci)
            assert len(x.label) <= 60 and len(x.pelaku) <= 45, (jenis, x.kunci)
