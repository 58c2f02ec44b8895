"""Klaten's perencanaan and pelaksanaan steps per unit type (`[tahapan.*]` in klaten.toml).

Source: Perbup Klaten 34/2024, Lampiran huruf B angka 5 (Alur Mekanisme Kerja). The sub-angka
numbering repeats in the Perbup (two 5.4, two 5.5, two 5.6), so passages are named by number and name.
"""

from functools import partial

import pytest
from tests import bantu
from tests.bantu import kunci_langkah

from sistemkerja_tui.aturan.enums import JenisUnit
from sistemkerja_tui.aturan.profil import muat_profil
from sistemkerja_tui.aturan.tahap import cari_langkah

J = JenisUnit
SINGKATAN = "Perbup Klaten 34/2024, "


@pytest.fixture(scope="module")
def klaten():
    return muat_profil("klaten")


def angka(rujukan):
    """`Lampiran huruf B angka 5.4 (Alur Mekanisme Kerja Pada Dinas Daerah)` out of a rujukan."""
    return rujukan[: rujukan.index(")") + 1]


sama_mekanisme = partial(bantu.sama_mekanisme, bagian=angka)  # steps and reviewers: the same passage


PERENCANAAN_UMUM = [
    "pk_ditetapkan",
    "penunjukan_penanggung_jawab",
    "arahan_koordinasi",
    "strategi",
    "penugasan",
    "rencana_kegiatan_anggaran",
    "arahan_ekspektasi",
]
PELAKSANAAN = ["rincian_kegiatan", "pelaksanaan", "kolaborasi", "monitoring", "hasil_ke_ketua", "hasil_disampaikan"]


@pytest.mark.parametrize(
    "rantai",
    [
        [J.BAGIAN, J.ASISTEN, J.SEKRETARIAT_DAERAH],
        [J.SUBBAGIAN, J.BAGIAN, J.ASISTEN, J.SEKRETARIAT_DAERAH],
    ],
)
def test_sekretariat_daerah(klaten, rantai):
    # Angka 5.1 (Alur Mekanisme Kerja Pada Sekretariat Daerah), tahap perencanaan huruf d dan e: "Asisten Sekretaris
    # Daerah membagi dan menunjuk Kepala Bagian sebagai penanggungjawab pencapaian target kinerja"; tahap pelaksanaan
    # huruf g: "Kepala Subbagian dan ketua kelompok kerja menyampaikan hasil pelaksanaan kegiatan ... kepada Kepala
    # Bagian."
    t = sama_mekanisme(klaten, rantai, "sekretariat_daerah")
    assert kunci_langkah(t) == (
        [
            "pk_ditetapkan",
            "penunjukan_penanggung_jawab",
            "arahan_koordinasi",
            "penunjukan_kepala_bagian",
            "arahan_koordinasi_asisten",
            "strategi",
            "penugasan",
            "rencana_kegiatan_anggaran",
            "arahan_ekspektasi",
        ],
        PELAKSANAAN,
    )
    assert cari_langkah(t, "pk_ditetapkan").pelaku == "Sekretaris Daerah"
    assert cari_langkah(t, "penunjukan_kepala_bagian").pelaku == "Asisten Sekretaris Daerah"
    assert cari_langkah(t, "strategi").pelaku == cari_langkah(t, "penugasan").pelaku == "Kepala Bagian"
    assert cari_langkah(t, "arahan_ekspektasi").pelaku == "Kepala Subbagian"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Kepala Bagian"
    assert klaten.alur_reviu(rantai).langkah[0].sebutan == "Kepala Bagian"
    assert cari_langkah(t, "hasil_disampaikan").rujukan.endswith(
        "(Alur Mekanisme Kerja Pada Sekretariat Daerah), tahap pelaksanaan huruf e dan huruf g"
    )


def test_sekretariat_dprd(klaten):
    # Angka 5.2 (Alur Mekanisme Kerja Pada Sekretariat DPRD), tahap perencanaan huruf b: "Sekretaris DPRD membagi dan
    # menunjuk Kepala Bagian sebagai penanggungjawab pencapaian target kinerja"; tahap pelaksanaan huruf e: "Pejabat
    # Fungsional dan pelaksana yang bekerja secara individu menyampaikan hasil pelaksanaan kegiatan kepada Kepala
    # Bagian"
    t = sama_mekanisme(klaten, [J.SUBBAGIAN, J.BAGIAN, J.SEKRETARIAT_DPRD], "sekretariat_dprd")
    assert kunci_langkah(t) == (PERENCANAAN_UMUM, PELAKSANAAN)
    assert cari_langkah(t, "penunjukan_penanggung_jawab").pelaku == "Sekretaris DPRD"
    assert cari_langkah(t, "penugasan").pelaku == "Kepala Bagian"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Kepala Bagian"
    assert cari_langkah(t, "pk_ditetapkan").rujukan == (
        "Perbup Klaten 34/2024, Lampiran huruf B angka 5.2 (Alur Mekanisme Kerja Pada Sekretariat DPRD), "
        "tahap perencanaan huruf a"
    )


@pytest.mark.parametrize("rantai", [[J.INSPEKTUR_PEMBANTU, J.INSPEKTORAT], [J.SUBBAGIAN, J.SEKRETARIAT, J.INSPEKTORAT]])
def test_inspektorat(klaten, rantai):
    # Angka 5.3 (Alur Mekanisme Kerja Pada Inspektorat Daerah), tahap perencanaan huruf b: "Inspektur Daerah membagi
    # dan menunjuk Sekretaris dan Inspektur Pembantu sebagai penanggungjawab pencapaian target kinerja"; tahap
    # pelaksanaan huruf e: "... menyampaikan hasil pelaksanaan kegiatan kepada Sekretaris/Inspektur Pembantu"
    t = sama_mekanisme(klaten, rantai, "inspektorat")
    assert kunci_langkah(t) == (PERENCANAAN_UMUM, PELAKSANAAN)
    assert cari_langkah(t, "pk_ditetapkan").pelaku == "Inspektur Daerah"
    assert cari_langkah(t, "strategi").pelaku == "Sekretaris / Inspektur Pembantu"
    assert cari_langkah(t, "penugasan").rujukan.endswith("tahap perencanaan huruf e dan huruf f")
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Sekretaris/Inspektur Pembantu"


@pytest.mark.parametrize(
    "rantai",
    [
        [J.BIDANG, J.DINAS],
        [J.SEKSI, J.BIDANG, J.DINAS],
        [J.SEKRETARIAT, J.DINAS],
        [J.UPTD, J.DINAS],
        [J.PUSKESMAS, J.DINAS],
        [J.SEKOLAH, J.DINAS],
    ],
)
def test_dinas_daerah(klaten, rantai):
    # Angka 5.4 (Alur Mekanisme Kerja Pada Dinas Daerah), tahap perencanaan huruf b: "Kepala Dinas membagi dan menunjuk
    # Sekretaris, Kepala Bidang, Kepala UPTD, dan/atau Pejabat Fungsional yang menduduki jabatan sebagai pimpinan unit
    # kerja sebagai penanggungjawab pencapaian target kinerja"; tahap pelaksanaan huruf i: "Kepala Subbagian Tata Usaha
    # UPTD dan/atau Pejabat Fungsional serta pelaksana pada UPTD menyampaikan hasil pelaksanaan kegiatan kepada
    # Kepala UPTD"
    # Puskesmas (UOBF) and Sekolah are led by a Pejabat Fungsional as pimpinan unit kerja: same mechanism.
    t = sama_mekanisme(klaten, rantai, "dinas")
    assert kunci_langkah(t) == (PERENCANAAN_UMUM, PELAKSANAAN)
    assert (
        cari_langkah(t, "pk_ditetapkan").pelaku
        == cari_langkah(t, "penunjukan_penanggung_jawab").pelaku
        == "Kepala Dinas"
    )
    assert cari_langkah(t, "penugasan").pelaku == "Sekretaris/Kabid/Ka UPTD/JF pimpinan unit"
    assert cari_langkah(t, "arahan_ekspektasi").pelaku == "Kasubbag / Kepala Seksi / Kasubbag TU UPTD"
    assert cari_langkah(t, "hasil_disampaikan").rujukan.endswith(
        "(Alur Mekanisme Kerja Pada Dinas Daerah), tahap pelaksanaan huruf e, huruf g, huruf i, dan huruf j"
    )
    assert t.pelaksanaan[-1].label == "Hasil disampaikan ke Sekretaris/Kabid/Ka UPTD/JF pimpinan"


def test_badan_daerah(klaten):
    # Angka 5.5 (Alur Mekanisme Kerja Pada Badan Daerah), tahap perencanaan huruf b: "Kepala Badan membagi dan menunjuk
    # Sekretaris dan Kepala Bidang sebagai penanggungjawab pencapaian target kinerja"; tahap pelaksanaan huruf g:
    # "Kepala Subbagian/ketua kelompok kerja menyampaikan hasil pelaksanaan kegiatan ... kepada Sekretaris/Kepala
    # Bidang."
    t = sama_mekanisme(klaten, [J.BIDANG, J.BADAN], "badan")
    assert kunci_langkah(t) == (PERENCANAAN_UMUM, PELAKSANAAN)
    assert cari_langkah(t, "pk_ditetapkan").pelaku == "Kepala Badan"
    assert cari_langkah(t, "strategi").pelaku == cari_langkah(t, "penugasan").pelaku == "Sekretaris / Kepala Bidang"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Sekretaris/Kepala Bidang"
    # The Badan Daerah is the second 5.5 (the first is DPMPTSP): the name tells them apart.
    assert "angka 5.5 (Alur Mekanisme Kerja Pada Badan Daerah)" in t.rujukan


@pytest.mark.parametrize("rantai", [[J.SEKRETARIAT, J.KECAMATAN], [J.KECAMATAN]])
def test_kecamatan(klaten, rantai):
    # Angka 5.6 (Alur Mekanisme Kerja Pada Kecamatan), tahap perencanaan huruf b: "Camat membagi dan menunjuk Sekretaris
    # Kecamatan dan Kepala Seksi sebagai penanggungjawab pencapaian target kinerja"; tahap pelaksanaan huruf g: "Kepala
    # Seksi/Kepala Subbagian menyampaikan hasil pelaksanaan kegiatan ... kepada Camat/Sekretaris Kecamatan."
    t = sama_mekanisme(klaten, rantai, "kecamatan")
    assert kunci_langkah(t) == (PERENCANAAN_UMUM, PELAKSANAAN)
    assert cari_langkah(t, "pk_ditetapkan").pelaku == "Camat"
    assert cari_langkah(t, "strategi").pelaku == "Sekretaris Kecamatan / Kepala Seksi"
    assert cari_langkah(t, "monitoring").pelaku == "Sekcam, Kepala Seksi, Kepala Subbagian"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Camat/Sekretaris Kecamatan"


@pytest.mark.parametrize("rantai", [[J.BAGIAN, J.RSUD], [J.SEKSI, J.BIDANG, J.RSUD]])
def test_rsud(klaten, rantai):
    # Angka 5.6 (Alur Mekanisme Kerja Pada Rumah Sakit Umum Daerah Bagas Waras), tahap perencanaan huruf b: "Direktur
    # membagi dan menunjuk Kepala Bagian dan Kepala Bidang sebagai penanggungjawab pencapaian target kinerja"; tahap
    # pelaksanaan huruf e: "... menyampaikan hasil pelaksanaan kegiatan kepada Kepala Bagian/Kepala Bidang"
    t = sama_mekanisme(klaten, rantai, "rsud")
    assert kunci_langkah(t) == (PERENCANAAN_UMUM, PELAKSANAAN)
    assert cari_langkah(t, "pk_ditetapkan").pelaku == "Direktur"
    assert cari_langkah(t, "penugasan").pelaku == "Kepala Bagian / Kepala Bidang"
    assert cari_langkah(t, "arahan_ekspektasi").pelaku == "Kepala Subbagian / Kepala Seksi"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Kepala Bagian/Kepala Bidang"
    assert "angka 5.6 (Alur Mekanisme Kerja Pada Rumah Sakit Umum Daerah Bagas Waras)" in t.rujukan


def test_kelurahan_tanpa_alur_sendiri(klaten):
    # Angka 5 lists no Alur Mekanisme Kerja for a Kelurahan: the baseline steps and reviewers apply.
    mekanisme, t = klaten.tahapan_untuk([J.KELURAHAN, J.KECAMATAN])
    assert mekanisme == "bawaan" and t is klaten.tahapan["bawaan"]


def test_semua_langkah_klaten(klaten):
    # Pelaksanaan huruf b (every mechanism): "Pejabat Fungsional dan pelaksana melaksanakan kegiatan sesuai perannya"
    sendiri = {k: t for k, t in klaten.tahapan.items() if k != "bawaan"}
    assert set(sendiri) == {
        "sekretariat_daerah",
        "sekretariat_dprd",
        "inspektorat",
        "dinas",
        "badan",
        "kecamatan",
        "rsud",
    }
    assert set(sendiri) <= set(klaten.reviu)
    for k, t in sendiri.items():
        assert t.rujukan.startswith(SINGKATAN + "Lampiran huruf B angka 5."), k
        assert angka(t.rujukan) == angka(klaten.reviu[k].rujukan), k
        assert t.kembali == "pelaksanaan", k
        for x in bantu.langkah_tahapan(t):
            assert x.rujukan.startswith(angka(t.rujukan) + ", tahap "), (k, x.kunci)
            assert len(x.label) <= 60 and len(x.pelaku) <= 45, (k, x.kunci)
        assert cari_langkah(t, "pelaksanaan").pelaku == "Pejabat Fungsional dan pelaksana"
        assert t.pelaksanaan[-1].label.startswith("Hasil disampaikan ke")
