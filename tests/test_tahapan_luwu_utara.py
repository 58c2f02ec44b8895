"""Langkah tahap perencanaan dan pelaksanaan per jenis unit, Perbup Luwu Utara 59/2023 ([tahapan.*]).

Each test encodes one mechanism of the Lampiran (Bab II huruf B angka 5 huruf a, uraian a-h, "Alur
Mekanisme Kerja"; or Bab II huruf D angka 6-8), quoted briefly, and checks that the review chain of the
same unit type ([reviu.*]) comes from the same passage.
"""

import pytest

from sistemkerja_tui.aturan.enums import JenisUnit as J
from sistemkerja_tui.aturan.profil import muat_profil

SINGKATAN = "Perbup Luwu Utara 59/2023"
B5 = SINGKATAN + ", Lampiran Bab II huruf B angka 5 huruf a, uraian "

# Uraian a-h, "3) Alur Mekanisme Kerja" (4) pada uraian c): a. Tahap Perencanaan angka 1)-5) plus the
# penugasan of sub-angka Penugasan; b. Tahap Pelaksanaan angka 1)-6).
PERENCANAAN_B5 = [
    "pk_ditetapkan",
    "arahan_koordinasi",
    "strategi",
    "permohonan_pelibatan",
    "penugasan",
    "rencana_kegiatan_anggaran",
]
# Huruf D angka 6 dan 7 (unit 1 level): PK, "memberikan arahan dan merumuskan strategi", pelibatan, rencana.
PERENCANAAN_D = ["pk_ditetapkan", "strategi", "permohonan_pelibatan", "penugasan", "rencana_kegiatan_anggaran"]
PELAKSANAAN = ["rincian_kegiatan", "pembagian_peran", "pelaksanaan", "monitoring", "hasil_disampaikan"]


@pytest.fixture(scope="module")
def profil():
    return muat_profil("luwu_utara")


def periksa(profil, rantai, kunci, perencanaan, pelaku, penerima, reviu_pertama, sumber):
    """Key, step sequence, pelaku of the key steps; hasil goes to the first reviewer; same passage as reviu."""
    mekanisme, tahapan = profil.tahapan_untuk(rantai)
    assert mekanisme == kunci
    assert [x.kunci for x in tahapan.perencanaan] == perencanaan
    assert [x.kunci for x in tahapan.pelaksanaan] == PELAKSANAAN
    langkah = {x.kunci: x for x in tahapan.perencanaan + tahapan.pelaksanaan}
    for k, siapa in pelaku.items():
        assert langkah[k].pelaku == siapa, k
    assert langkah["hasil_disampaikan"].label == f"Hasil disampaikan kepada {penerima}"
    assert langkah["hasil_disampaikan"].pelaku == "Ketua Tim / individu"
    assert tahapan.kembali == "pelaksanaan"
    # the review chain is the same mechanism: same key, same passage, starts at whoever receives the result
    assert profil.kunci_mekanisme(rantai) == kunci
    alur = profil.alur_reviu(rantai)
    assert alur is profil.reviu[kunci]
    assert alur.langkah[0].sebutan.startswith(reviu_pertama)
    assert sumber in tahapan.rujukan and sumber in alur.rujukan
    return langkah


def test_dinas_uraian_a_b_c(profil):
    """Lampiran Bab II huruf B angka 5 huruf a, uraian a, b, dan c, Alur Mekanisme Kerja: "1) Pejabat Pimpinan
    Tinggi Pratama menyusun dan menetapkan perjanjian kinerja ..." ... "6) Hasil pelaksanaan kegiatan yang telah
    selesai dan sesuai dengan target kinerja disampaikan kepada Pejabat Administrator." (sama pada a, b, c)"""
    for unit in (J.BIDANG, J.SEKRETARIAT):
        langkah = periksa(
            profil,
            [unit, J.DINAS],
            "dinas",
            PERENCANAAN_B5,
            {
                "pk_ditetapkan": "Kepala Dinas (JPT Pratama)",
                "arahan_koordinasi": "Kepala Dinas (JPT Pratama)",
                "strategi": "Sekretaris/Kepala Bidang",
                "penugasan": "Sekretaris/Kepala Bidang",
                "monitoring": "Sekretaris/Kepala Bidang dan/atau Ketua Tim",
            },
            "Sekretaris/Kepala Bidang",
            "Pejabat Administrator (Sekretaris/Kepala Bidang)",
            "uraian a, b, dan c",
        )
    assert langkah["pk_ditetapkan"].rujukan == B5 + "a, b, dan c, Alur Mekanisme Kerja huruf a angka 1)"
    # "2. Pejabat Level 2 atau Pejabat Administrator akan memberikan penilaian kinerja sekaligus memberikan
    # penugasan bagi Pejabat Pengawas, pejabat Fungsional dan Pelaksana" (uraian a, 2) Penugasan)
    assert langkah["penugasan"].rujukan == B5 + "a, b, dan c, Penugasan, ketentuan angka 2"
    assert langkah["hasil_disampaikan"].rujukan == B5 + "a, b, dan c, Alur Mekanisme Kerja huruf b angka 6)"


def test_badan_uraian_c(profil):
    """Uraian c lists "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "Badan Kesatuan
    Bangsa dan Politik" ...; "3) Pejabat Administrator merumuskan strategi pencapaian target kinerja yang terdiri
    dari penentuan pelaksanaan tugas dalam bentuk tim kerja atau individu." """
    langkah = periksa(
        profil,
        [J.BIDANG, J.BADAN],
        "badan",
        PERENCANAAN_B5,
        {
            "pk_ditetapkan": "Kepala Badan (JPT Pratama)",
            "strategi": "Sekretaris/Kepala Bidang",
            "rencana_kegiatan_anggaran": "JF/pelaksana bersama Sekretaris/Kepala Bidang",
        },
        "Sekretaris/Kepala Bidang",
        "Pejabat Administrator (Sekretaris/Kepala Bidang)",
        "uraian c",
    )
    assert langkah["strategi"].rujukan == B5 + "c, Alur Mekanisme Kerja huruf a angka 3)"


def test_satuan_uraian_a(profil):
    """Uraian a: "2. Satuan Polisi Pamong Praja dan Pemadam Kebakaran." ... "4) Penyelesaian target kinerja yang
    membutuhkan pelibatan Pejabat Fungsional dan Pelaksana ... dilakukan melalui proses permohonan pelibatan." """
    langkah = periksa(
        profil,
        [J.BIDANG, J.SATUAN],
        "satuan",
        PERENCANAAN_B5,
        {
            "pk_ditetapkan": "Kepala Satuan (JPT Pratama)",
            "permohonan_pelibatan": "Sekretaris/Kepala Bidang",
        },
        "Sekretaris/Kepala Bidang",
        "Pejabat Administrator (Sekretaris/Kepala Bidang)",
        "uraian a",
    )
    assert langkah["permohonan_pelibatan"].rujukan == B5 + "a, Alur Mekanisme Kerja huruf a angka 4)"


def test_inspektorat_uraian_c(profil):
    """Uraian c: "Kelompok JF dan Pelaksana berkedudukan berada di bawah Kepala Bidang/Irban /Sekretaris";
    "Khusus untuk bidang pengawasan (Inspektorat) menyesuaikan pada ketentuan peraturan perundang-undangan." """
    periksa(
        profil,
        [J.INSPEKTUR_PEMBANTU, J.INSPEKTORAT],
        "inspektorat",
        PERENCANAAN_B5,
        {
            "pk_ditetapkan": "Inspektur (JPT Pratama)",
            "strategi": "Sekretaris/Inspektur Pembantu",
            "penugasan": "Sekretaris/Inspektur Pembantu",
            "monitoring": "Sekretaris/Irban dan/atau Ketua Tim",
        },
        "Sekretaris/Inspektur Pembantu",
        "Pejabat Administrator (Sekretaris/Irban)",
        "uraian c",
    )


def test_sekretariat_dprd_uraian_e(profil):
    """Uraian e, Penugasan: "b. Kepala Bagian (Pejabat Administrator) sebagai Pejabat level 2 akan memberikan
    penilaian sekaligus penugasan bagi pejabat pengawas, pejabat fungsional dan pelaksana." """
    langkah = periksa(
        profil,
        [J.BAGIAN, J.SEKRETARIAT_DPRD],
        "sekretariat_dprd",
        PERENCANAAN_B5,
        {
            "pk_ditetapkan": "Sekretaris DPRD (JPT Pratama)",
            "arahan_koordinasi": "Sekretaris DPRD (JPT Pratama)",
            "strategi": "Kepala Bagian",
            "penugasan": "Kepala Bagian",
            "monitoring": "Kepala Bagian dan/atau Ketua Tim",
        },
        "Kepala Bagian",
        "Kepala Bagian (Pejabat Administrator)",
        "uraian e",
    )
    assert langkah["penugasan"].rujukan == B5 + "e, Penugasan, ketentuan huruf b"


def test_kecamatan_uraian_f(profil):
    """Uraian f, Penugasan: "a. Pejabat Level 1 (administrator) atau Camat/Direktur akan menetapkan Kinerja
    Pejabat level 2 (Pejabat Administrator) dalam hal ini Sekcam atau Kabid/KTU." "d. Pejabat Pengawas berperan
    sebagai Ketua Tim Kerja." """
    langkah = periksa(
        profil,
        [J.SEKRETARIAT, J.KECAMATAN],
        "kecamatan",
        PERENCANAAN_B5,
        {
            "pk_ditetapkan": "Camat (Pejabat Administrator)",
            "strategi": "Sekretaris Kecamatan",
            "penugasan": "Sekretaris Kecamatan",
            # "5) ... tim kerja bersama Pejabat Pengawas menyusun rencana pelaksanaan kegiatan, dan anggaran"
            "rencana_kegiatan_anggaran": "JF/pelaksana bersama Pejabat Pengawas",
            "monitoring": "Sekretaris Kecamatan dan/atau Ketua Tim",
        },
        "Sekretaris Kecamatan",
        "Sekretaris Kecamatan",
        "uraian f",
    )
    assert langkah["penugasan"].rujukan == B5 + "f, Penugasan, ketentuan huruf b"


def test_rsud_uraian_f(profil):
    """Uraian f: "Unit organisasi yang dapat menerapkan gambaran ini adalah : 1. Kecamatan 2. UPTD RSUD Andi
    Djemma Masamba."; "b. Pejabat level 2 ... Sekcam atau Kabid/KTU akan memberikan penilaian sekaligus penugasan
    bagi pejabat fungsional dan pelaksana." """
    for unit in (J.BIDANG, J.BAGIAN):
        periksa(
            profil,
            [unit, J.RSUD, J.DINAS],
            "rsud",
            PERENCANAAN_B5,
            {
                "pk_ditetapkan": "Direktur (Pejabat Administrator)",
                "strategi": "Kepala Bidang/Kepala Tata Usaha",
                "penugasan": "Kepala Bidang/Kepala Tata Usaha",
                "monitoring": "Kabid/Kepala Tata Usaha dan/atau Ketua Tim",
            },
            "Kepala Bidang/Kepala Tata Usaha",
            "Kepala Bidang/Kepala Tata Usaha",
            "uraian f",
        )


def test_sekretariat_daerah_huruf_d_angka_8(profil):
    """Lampiran Bab II huruf D angka 8 huruf a: "Asisten Daerah berdasarkan perjanjian kinerja yang telah ditetapkan
    dan dibagi oleh Sekretaris Daerah akan membagi dan menunjuk Kepala Bagian sebagai penanggung jawab atas target
    kinerja tertentu." Huruf b: "Hasil ... disampaikan kepada Kepala bagian oleh individu atau ketua tim." """
    rantai = [J.BAGIAN, J.ASISTEN, J.SEKRETARIAT_DAERAH]
    langkah = periksa(
        profil,
        rantai,
        "sekretariat_daerah",
        [
            "pk_ditetapkan",
            "penanggung_jawab_asisten",
            "penanggung_jawab_bagian",
            "strategi",
            "permohonan_pelibatan",
            "penugasan",
            "rencana_kegiatan_anggaran",
        ],
        {
            "pk_ditetapkan": "Sekretaris Daerah",
            "penanggung_jawab_asisten": "Sekretaris Daerah",
            "penanggung_jawab_bagian": "Asisten Daerah",
            "strategi": "Kepala Bagian",
            "penugasan": "Kepala Bagian",
            "monitoring": "Kepala Bagian dan/atau Ketua Tim",
        },
        "Kepala Bagian",
        "Kepala Bagian",
        "huruf D angka 8",
    )
    assert langkah["penanggung_jawab_bagian"].rujukan == (
        SINGKATAN + ", Lampiran Bab II huruf D angka 8 huruf a paragraf kesatu"
    )
    # uraian d, Penugasan: "b. Kepala Bagian akan memberikan penilaian sekaligus penugasan bagi pejabat pengawas,
    # pejabat fungsional dan pelaksana."
    assert langkah["penugasan"].rujukan == B5 + "d, Penugasan, ketentuan huruf b"
    assert [x.sebutan for x in profil.alur_reviu(rantai).langkah] == [
        "Kepala Bagian",
        "Asisten Daerah",
        "Sekretaris Daerah",
    ]


def test_uptd_dan_kelurahan_huruf_d_angka_6(profil):
    """Lampiran Bab II huruf D angka 6: "Pejabat Pengawas akan memberikan arahan dan merumuskan strategi pencapaian
    target kinerja ..."; "Hasil ... disampaikan kepada Pejabat Pengawas oleh individu atau ketua tim." Uraian g,
    Penugasan: "a. ... Lurah/Kepala UPTD akan memberikan penilaian kinerja sekaligus memberikan penugasan" """
    for rantai, kunci, kepala in (
        ([J.UPTD, J.DINAS], "uptd", "Kepala UPTD"),
        ([J.KELURAHAN, J.KECAMATAN], "kelurahan", "Lurah"),
    ):
        langkah = periksa(
            profil,
            rantai,
            kunci,
            PERENCANAAN_D,
            {
                "pk_ditetapkan": kepala,
                "strategi": kepala,
                "penugasan": kepala,
                "monitoring": f"{kepala} dan/atau Ketua Tim",
            },
            kepala,
            kepala,
            "huruf D angka 6",
        )
        assert langkah["penugasan"].rujukan == B5 + "g, Penugasan, ketentuan huruf a"
        assert langkah["hasil_disampaikan"].rujukan == (
            SINGKATAN + ", Lampiran Bab II huruf D angka 6 huruf b paragraf kedua"
        )


def test_puskesmas_dan_sekolah_huruf_d_angka_7(profil):
    """Lampiran Bab II huruf D angka 7: "Hasil pelaksanaan kegiatan yang sudah sesuai dengan target, disampaikan
    kepada Pejabat Fungsional yang memimpin unit organisasi oleh individu atau ketua tim." Uraian h: "1. UPT
    Puskesmas dan 2. UPT Sekolah SMP, SD dan TK." """
    for unit, kepala in ((J.PUSKESMAS, "Kepala UPT Puskesmas"), (J.SEKOLAH, "Kepala Sekolah")):
        langkah = periksa(
            profil,
            [unit, J.DINAS],
            unit.value,
            PERENCANAAN_D,
            {
                "pk_ditetapkan": kepala,
                "penugasan": kepala,
                "rencana_kegiatan_anggaran": f"JF/pelaksana bersama {kepala}",
            },
            kepala,
            kepala,
            "huruf D angka 7",
        )
        assert langkah["penugasan"].rujukan == B5 + "h, Penugasan, ketentuan huruf a"


def test_setiap_tahapan_sejalan_dengan_reviu_dan_muat_di_layar(profil):
    """Every Luwu Utara mechanism with steps also has its review chain; rujukan cite the Perbup; labels fit."""
    sendiri = set(profil.tahapan) - {"bawaan"}
    assert sendiri == set(profil.reviu) - {"bawaan"}
    for kunci in sendiri:
        t = profil.tahapan[kunci]
        assert t.rujukan.startswith(SINGKATAN + ","), kunci
        for x in t.perencanaan + t.pelaksanaan:
            assert x.rujukan.startswith(SINGKATAN + ", Lampiran Bab II huruf "), (kunci, x.kunci)
            assert len(x.label) <= 60 and len(x.pelaku) <= 45, (kunci, x.kunci)
