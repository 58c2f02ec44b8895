"""Padang Panjang's perencanaan and pelaksanaan steps per unit type (`[tahapan.*]` in padang_panjang.toml).

Source: Perwal Padang Panjang 48/2024, Lampiran II angka I huruf A to J ("Penentuan Kedudukan Pejabat
Fungsional dan pelaksana serta Penerapan Alur Mekanisme Sistem Kerja"), each huruf angka 2 huruf a (Tahap
Perencanaan) and huruf b (Tahap Pelaksanaan); the review chain of the same huruf is angka 2 huruf c.
Huruf E (DPMPTSP) has no unit type of its own: a DPMPTSP is recorded as a dinas and follows huruf D.
"""

import re
from functools import partial

import pytest
from tests import bantu
from tests.bantu import kunci_langkah

from sistemkerja_tui.aturan.enums import JenisUnit
from sistemkerja_tui.aturan.profil import muat_profil
from sistemkerja_tui.aturan.tahap import cari_langkah

J = JenisUnit
SINGKATAN = "Perwal Padang Panjang 48/2024, "
PELIBATAN = "Pimpinan Unit Organisasi pemilik kinerja"


@pytest.fixture(scope="module")
def pp():
    return muat_profil("padang_panjang")


def huruf(rujukan):
    """`Lampiran II huruf D angka 2` out of a rujukan."""
    return re.search(r"Lampiran II huruf [A-J] angka 2", rujukan).group(0)


sama_mekanisme = partial(bantu.sama_mekanisme, bagian=huruf)  # steps and reviewers: the same passage


PELAKSANAAN = ["rincian_kegiatan", "pembagian_peran", "pelaksanaan", "hasil_disampaikan"]
PERENCANAAN_B_D = [
    "pk_ditetapkan",
    "penunjukan_penanggung_jawab",
    "arahan_koordinasi",
    "strategi",
    "arahan_ekspektasi",
    "penugasan",
    "pelibatan_lintas_unit",
    "rencana_kegiatan_anggaran",
]


@pytest.mark.parametrize(
    "rantai",
    [
        [J.BAGIAN, J.ASISTEN, J.SEKRETARIAT_DAERAH],
        [J.SUBBAGIAN, J.BAGIAN, J.ASISTEN, J.SEKRETARIAT_DAERAH],
    ],
)
def test_sekretariat_daerah(pp, rantai):
    # Lampiran II huruf A angka 2 huruf a angka 2), 5) dan 9): "Sekretaris Daerah membagi dan menunjuk Asisten
    # sebagai penanggung jawab pencapaian target kinerja"; "Asisten membagi dan menunjuk kepala bagian ...";
    # "kepala bagian menugaskan kepala subbagian dan/atau Pejabat Fungsional dan pelaksana secara individu atau
    # membentuk tim kerja". Huruf b angka (5) dan (6): "... melakukan penyesuaian hasil pelaksanaan kegiatan; dan
    # ... menyampaikan hasil pelaksanaan kegiatan kepada kepala bagian."
    t = sama_mekanisme(pp, rantai, "sekretariat_daerah")
    assert kunci_langkah(t) == (
        [
            "pk_ditetapkan",
            "penunjukan_penanggung_jawab",
            "arahan_koordinasi",
            "pk_asisten",
            "penunjukan_kepala_bagian",
            "arahan_asisten",
            "strategi",
            "arahan_ekspektasi",
            "penugasan",
            "pelibatan_lintas_unit",
            "rencana_kegiatan_anggaran",
        ],
        ["rincian_kegiatan", "pembagian_peran", "pelaksanaan", "monitoring", "penyesuaian_hasil", "hasil_disampaikan"],
    )
    assert (
        cari_langkah(t, "pk_ditetapkan").pelaku
        == cari_langkah(t, "penunjukan_penanggung_jawab").pelaku
        == "Sekretaris Daerah"
    )
    assert cari_langkah(t, "pk_asisten").pelaku == cari_langkah(t, "penunjukan_kepala_bagian").pelaku == "Asisten"
    assert cari_langkah(t, "strategi").pelaku == cari_langkah(t, "penugasan").pelaku == "Kepala Bagian"
    assert cari_langkah(t, "monitoring").pelaku == "Kepala Bagian dan/atau Ketua Tim"
    assert t.kembali == "penyesuaian_hasil"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Kepala Bagian"
    assert pp.alur_reviu(rantai).langkah[0].sebutan == "Kepala Bagian"
    assert cari_langkah(t, "penugasan").rujukan == SINGKATAN + "Lampiran II huruf A angka 2 huruf a angka 9)"
    assert cari_langkah(t, "hasil_disampaikan").rujukan == SINGKATAN + "Lampiran II huruf A angka 2 huruf b angka (6)"


def test_sekretariat_dprd(pp):
    # Lampiran II huruf B angka 2 huruf a angka 2): "Sekretaris DPRD membagi dan menunjuk kepala bagian sebagai
    # penanggung jawab pencapaian target kinerja"; huruf b angka 4): "kepala subbagian dan/atau Ketua tim, Pejabat
    # Fungsional, dan pelaksana menyampaikan hasil pelaksanaan kegiatan kepada kepala bagian."
    rantai = [J.BAGIAN, J.SEKRETARIAT_DPRD]
    t = sama_mekanisme(pp, rantai, "sekretariat_dprd")
    assert kunci_langkah(t) == (PERENCANAAN_B_D, PELAKSANAAN)
    assert cari_langkah(t, "penunjukan_penanggung_jawab").pelaku == "Sekretaris DPRD"
    assert cari_langkah(t, "penugasan").pelaku == "Kepala Bagian"
    assert t.kembali == "pelaksanaan"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Kepala Bagian"
    assert pp.alur_reviu(rantai).langkah[0].sebutan == "Kepala Bagian"
    assert cari_langkah(t, "pk_ditetapkan").rujukan == SINGKATAN + "Lampiran II huruf B angka 2 huruf a angka 1)"


@pytest.mark.parametrize("rantai", [[J.INSPEKTUR_PEMBANTU, J.INSPEKTORAT], [J.SEKRETARIAT, J.INSPEKTORAT]])
def test_inspektorat(pp, rantai):
    # Lampiran II huruf C angka 2 huruf a angka 2): "Inspektur membagi dan menunjuk sekretaris dan inspektur
    # pembantu sebagai penanggung jawab pencapaian target kinerja"; huruf b angka 4): "... menyampaikan hasil
    # pelaksanaan kegiatan kepada sekretaris dan inspektur pembantu."
    t = sama_mekanisme(pp, rantai, "inspektorat")
    assert kunci_langkah(t) == (PERENCANAAN_B_D, PELAKSANAAN)
    assert cari_langkah(t, "pk_ditetapkan").pelaku == "Inspektur"
    assert cari_langkah(t, "penugasan").pelaku == "Sekretaris / Inspektur Pembantu"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Sekretaris/Inspektur Pembantu"
    assert pp.alur_reviu(rantai).langkah[0].sebutan == "Sekretaris / Inspektur Pembantu"


@pytest.mark.parametrize(
    ("rantai", "jenis", "kepala"),
    [
        ([J.BIDANG, J.DINAS], "dinas", "Kepala Dinas"),
        ([J.SEKRETARIAT, J.DINAS], "dinas", "Kepala Dinas"),  # also a DPMPTSP (huruf E), recorded as a dinas
        ([J.BIDANG, J.BADAN], "badan", "Kepala Badan"),
        ([J.BIDANG, J.SATUAN], "satuan", "Kepala Satuan"),  # Satpol PP dan Damkar, huruf D angka 1 nomor 5
    ],
)
def test_dinas_badan(pp, rantai, jenis, kepala):
    # Lampiran II huruf D angka 2 huruf a angka 2) dan 6): "Kepala Dinas/Badan membagi dan menunjuk sekretaris dan
    # kepala bidang sebagai penanggung jawab ..."; "sekretaris dan kepala bidang menugaskan kepala subbagian
    # dan/atau Pejabat Fungsional dan pelaksana secara individu atau membentuk tim kerja".
    t = sama_mekanisme(pp, rantai, jenis)
    assert kunci_langkah(t) == (PERENCANAAN_B_D, PELAKSANAAN)
    assert cari_langkah(t, "pk_ditetapkan").pelaku == cari_langkah(t, "penunjukan_penanggung_jawab").pelaku == kepala
    assert cari_langkah(t, "strategi").pelaku == cari_langkah(t, "penugasan").pelaku == "Sekretaris / Kepala Bidang"
    assert cari_langkah(t, "pelibatan_lintas_unit").pelaku == PELIBATAN
    assert cari_langkah(t, "hasil_disampaikan").pelaku == "Kasubbag / fungsional / pelaksana"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Sekretaris/Kepala Bidang"
    assert pp.alur_reviu(rantai).langkah[0].sebutan == "Sekretaris / Kepala Bidang"
    assert cari_langkah(t, "rincian_kegiatan").rujukan == SINGKATAN + "Lampiran II huruf D angka 2 huruf b angka 1)"


@pytest.mark.parametrize("rantai", [[J.BIDANG, J.RSUD], [J.BAGIAN, J.RSUD]])
def test_rsud(pp, rantai):
    # Lampiran II huruf F angka 2 huruf a angka 2): "direktur, kepala bagian dan kepala bidang merumuskan strategi
    # pelaksanaan pencapaian target kinerja yang terdiri dari penentuan pelaksanaan tugas dalam bentuk tim kerja
    # atau individu". No own penugasan step: taken from huruf F angka 1 and Lampiran III huruf A angka 1
    # ("Penunjukan ... yang dilakukan langsung oleh Pejabat Penilai Kinerja").
    t = sama_mekanisme(pp, rantai, "rsud")
    assert kunci_langkah(t) == (
        ["pk_ditetapkan", "strategi", "penugasan", "pelibatan_lintas_unit", "rencana_kegiatan_anggaran"],
        PELAKSANAAN,
    )
    assert cari_langkah(t, "pk_ditetapkan").pelaku == "Direktur"
    assert cari_langkah(t, "penugasan").pelaku == "Direktur / Kepala Bagian / Kepala Bidang"
    assert cari_langkah(t, "penugasan").rujukan.endswith("Lampiran III huruf A angka 1")
    assert cari_langkah(t, "pelaksanaan").pelaku == "Direktur, Kepala Bagian, Kepala Bidang"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Kabag/Kabid dan Direktur"
    assert pp.alur_reviu(rantai).langkah[0].sebutan == "Kepala Bagian / Kepala Bidang"


@pytest.mark.parametrize("rantai", [[J.SEKSI, J.KECAMATAN], [J.SEKRETARIAT, J.KECAMATAN]])
def test_kecamatan(pp, rantai):
    # Lampiran II huruf G angka 2 huruf a angka 2): "camat atas rekomendasi sekretaris dan kepala seksi menugaskan
    # Pejabat Fungsional dan pelaksana untuk membantu pelaksanaan tugas sekretaris dan kepala seksi"; huruf b
    # angka 4): "... menyampaikan hasil pelaksanaan kegiatan kepada sekretaris dan kepala seksi."
    t = sama_mekanisme(pp, rantai, "kecamatan")
    assert kunci_langkah(t) == (
        ["pk_ditetapkan", "penugasan", "strategi", "pelibatan_lintas_unit", "rencana_kegiatan_anggaran"],
        PELAKSANAAN,
    )
    assert cari_langkah(t, "pk_ditetapkan").pelaku == "Camat"
    assert cari_langkah(t, "penugasan").pelaku == "Camat atas rekomendasi Sekretaris/Kasi"
    assert cari_langkah(t, "strategi").pelaku == cari_langkah(t, "pelaksanaan").pelaku == "Sekretaris / Kepala Seksi"
    assert t.pelaksanaan[-1].label == "Hasil disampaikan kepada Sekretaris/Kepala Seksi"
    assert pp.alur_reviu(rantai).langkah[0].sebutan == "Sekretaris / Kepala Seksi"


def test_kelurahan(pp):
    # Lampiran II huruf H angka 2 huruf a angka 3) dan 4): "penyelesaian target kinerja dalam bentuk kegiatan
    # dilakukan baik secara individu ataupun tim kerja sesuai arahan dan ekspektasi target kinerja Lurah; dan
    # Lurah mengoordinasikan penunjukan ketua tim kerja". Huruf b angka 1): "... bersama menyusun rencana
    # pelaksanaan kegiatan dan anggaran"; angka 4): "... disampaikan kepada lurah oleh sekretaris kelurahan/kepala
    # seksi dan/atau ketua tim kerja ataupun Individu."
    rantai = [J.KELURAHAN, J.KECAMATAN]
    t = sama_mekanisme(pp, rantai, "kelurahan")
    assert kunci_langkah(t) == (
        [
            "pk_ditetapkan",
            "strategi",
            "arahan_ekspektasi",
            "pelibatan_lintas_unit",
            "penugasan",
            "penunjukan_ketua_tim",
        ],
        ["rencana_kegiatan_anggaran", "pembagian_peran", "pelaksanaan", "hasil_disampaikan"],
    )
    for k in ("pk_ditetapkan", "strategi", "arahan_ekspektasi", "penugasan", "penunjukan_ketua_tim", "pelaksanaan"):
        assert cari_langkah(t, k).pelaku == "Lurah", k
    assert cari_langkah(t, "hasil_disampaikan").pelaku == "Sekretaris Kelurahan/Kasi/Ketua Tim/individu"
    assert t.pelaksanaan[-1].label == "Hasil yang sesuai target disampaikan kepada Lurah"
    assert [x.sebutan for x in pp.alur_reviu(rantai).langkah] == ["Lurah"]
    assert cari_langkah(t, "strategi").rujukan == (
        SINGKATAN + "Lampiran II huruf H angka 2 huruf a angka 1), kalimat kedua"
    )


@pytest.mark.parametrize("rantai", [[J.UPTD, J.DINAS], [J.UPTD, J.BADAN]])
def test_uptd(pp, rantai):
    # Lampiran II huruf I angka 2 huruf a angka 2) dan 3): "Kepala UPTD menugaskan Pejabat Fungsional dan/atau
    # pelaksana dalam pencapaian target kinerja tertentu"; "Kepala UPTD bersama kepala tata usaha merumuskan
    # strategi ..."; huruf c angka 2): "kepala tata usaha dan/atau ketua tim menyampaikan hasil ... kepada Kepala UPTD".
    t = sama_mekanisme(pp, rantai, "uptd")
    assert kunci_langkah(t) == (
        ["pk_ditetapkan", "penugasan", "strategi", "pelibatan_lintas_unit", "rencana_kegiatan_anggaran"],
        PELAKSANAAN,
    )
    assert cari_langkah(t, "pk_ditetapkan").pelaku == cari_langkah(t, "penugasan").pelaku == "Kepala UPTD"
    assert cari_langkah(t, "strategi").pelaku == "Kepala UPTD bersama Kepala Tata Usaha"
    assert cari_langkah(t, "hasil_disampaikan").pelaku == "Kepala Tata Usaha / Ketua Tim / individu"
    assert t.pelaksanaan[-1].label == "Hasil yang sesuai target disampaikan kepada Kepala UPTD"
    assert [x.sebutan for x in pp.alur_reviu(rantai).langkah] == ["Kepala UPTD"]


@pytest.mark.parametrize(
    ("rantai", "jenis", "kepala"),
    [
        ([J.PUSKESMAS, J.DINAS], "puskesmas", "Kepala Puskesmas"),
        ([J.SEKOLAH, J.DINAS], "sekolah", "Kepala Satuan Pendidikan"),
    ],
)
def test_dipimpin_pejabat_fungsional(pp, rantai, jenis, kepala):
    # Lampiran II huruf J angka 2 huruf a angka 2): "Kepala Puskesmas dan Satuan Pendidikan yang merupakan Pejabat
    # Fungsional menugaskan Pejabat Fungsional dan pelaksana dalam pencapaian target kinerja tertentu"; huruf b
    # angka 4) dan 5): "... dapat berkolaborasi dengan semua pihak yang terkait ..."; "monitoring ... oleh Kepala
    # Puskesmas dan Satuan Pendidikan yang merupakan Pejabat Fungsional dan ketua tim".
    t = sama_mekanisme(pp, rantai, jenis)
    assert kunci_langkah(t) == (
        ["pk_ditetapkan", "penugasan", "strategi", "pelibatan_lintas_unit", "rencana_kegiatan_anggaran"],
        ["rincian_kegiatan", "pembagian_peran", "pelaksanaan", "monitoring", "hasil_disampaikan"],
    )
    for k in ("pk_ditetapkan", "penugasan", "strategi"):
        assert cari_langkah(t, k).pelaku == kepala, k
    assert cari_langkah(t, "monitoring").pelaku == f"{kepala} dan Ketua Tim"
    assert t.kembali == "pelaksanaan"
    assert t.pelaksanaan[-1].label.endswith(f"kepada {kepala}")
    assert [x.sebutan for x in pp.alur_reviu(rantai).langkah] == [kepala]
    assert cari_langkah(t, "rincian_kegiatan").rujukan == (
        SINGKATAN + "Lampiran II huruf J angka 2 huruf b angka 1) dan angka 2)"
    )


def test_setiap_tahapan_sah_dan_ringkas(pp):
    # Every step cites this Perwal; labels fit an 80-column checklist; cross-unit involvement is requested by the
    # "Pimpinan Unit Organisasi pemilik kinerja" (Lampiran III huruf A angka 2 huruf a); the last pelaksanaan step
    # hands the result over.
    sendiri = {k: t for k, t in pp.tahapan.items() if k != "bawaan"}
    assert set(sendiri) == {
        "sekretariat_daerah",
        "sekretariat_dprd",
        "inspektorat",
        "dinas",
        "dpmptsp",
        "badan",
        "satuan",
        "rsud",
        "kecamatan",
        "kelurahan",
        "uptd",
        "puskesmas",
        "sekolah",
    }
    assert set(sendiri) <= set(pp.reviu)
    for jenis, t in sendiri.items():
        assert t.rujukan.startswith(SINGKATAN + "Lampiran II huruf "), jenis
        for x in bantu.langkah_tahapan(t):
            assert x.rujukan.startswith(SINGKATAN + "Lampiran II huruf "), (jenis, x.kunci)
            assert len(x.label) <= 60 and len(x.pelaku) <= 45, (jenis, x.kunci)
        assert cari_langkah(t, "pelibatan_lintas_unit").pelaku == PELIBATAN
        assert cari_langkah(t, "pelibatan_lintas_unit").rujukan.endswith("; Lampiran III huruf A angka 2 huruf a")
        assert t.pelaksanaan[-1].kunci == "hasil_disampaikan"
        assert "disampaikan kepada" in t.pelaksanaan[-1].label
