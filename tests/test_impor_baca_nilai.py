"""Cell values and headers, one at a time: the quirks of SIASN, e-Kinerja and hand-made spreadsheets."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sistemkerja_tui.aturan.enums import JenisJabatan, Jenjang, Pendidikan, StatusASN
from sistemkerja_tui.impor import nilai
from sistemkerja_tui.impor.kolom import PEGAWAI, UNIT, normalkan
from sistemkerja_tui.impor.unit import tebak_jenis

NIP = "197803152005011002"


@pytest.mark.parametrize(
    ("sel", "hasil"),
    [
        ("'197803152005011002", NIP),
        ("  null ", ""),
        ("NULL", ""),
        ("-", ""),
        (None, ""),
        (40.0, "40"),
        (7, "7"),
        (" Kepala  Seksi ", "Kepala  Seksi"),
    ],
)
def test_teks(sel, hasil):
    assert nilai.teks(sel) == hasil


def test_nip():
    assert nilai.nip("'19780315 200501 1 002") == NIP
    for angka in (1.97803152005011e17, 197803152005011002, "1.97803E+17", "197803152005011002.0"):
        with pytest.raises(ValueError, match="tersimpan sebagai angka"):
            nilai.nip(angka)
    with pytest.raises(ValueError, match="berakhiran 000"):
        nilai.nip("197803152005011000")  # what Excel makes of 197803152005011002 shown as a whole number
    with pytest.raises(ValueError, match="18 angka"):
        nilai.nip("1978031520050110")
    with pytest.raises(ValueError, match="kosong"):
        nilai.nip("null")
    assert nilai.nip_boleh_kosong("-") is None


def test_nip_pppk_berkode_2n_di_tempat_bulan():
    """PPPK NIPs carry the code 2 and the intake (1-9) where a PNS NIP has the TMT month: 19890225 2024 21 1 013."""
    assert nilai.nip("198902252024211013") == "198902252024211013"
    assert nilai.nip_pppk("198902252024211013") and not nilai.nip_pppk(NIP)
    with pytest.raises(ValueError, match="Tanggal lahir"):
        nilai.nip("198902302024211013")
    with pytest.raises(ValueError, match="Bulan TMT"):
        nilai.nip("198902252024201013")  # 20: neither a month nor a PPPK intake


@pytest.mark.parametrize(
    ("sel", "hasil"),
    [
        ("15-03-1978", date(1978, 3, 15)),
        ("15/03/1978", date(1978, 3, 15)),
        ("1978-03-15", date(1978, 3, 15)),
        ("1978-03-15 00:00:00", date(1978, 3, 15)),
        (45000, date(2023, 3, 15)),
        ("45000", date(2023, 3, 15)),
        (28564.0, date(1978, 3, 15)),
        (datetime(1978, 3, 15, 0, 0), date(1978, 3, 15)),
        ("null", None),
    ],
)
def test_tanggal(sel, hasil):
    assert nilai.tanggal(sel, "TMT JABATAN") == hasil


def test_tanggal_salah_menyebut_kolom():
    with pytest.raises(ValueError, match="TMT JABATAN"):
        nilai.tanggal("15-13-1978", "TMT JABATAN")


@pytest.mark.parametrize(
    ("sel", "hasil"),
    [
        ("III/b", ("III/b", StatusASN.PNS)),
        ("III-b", ("III/b", StatusASN.PNS)),
        ("IIIb", ("III/b", StatusASN.PNS)),
        ("iii/B", ("III/b", StatusASN.PNS)),
        ("Penata Muda Tingkat I (III/b)", ("III/b", StatusASN.PNS)),
        ("Penata Muda Tingkat I", ("III/b", StatusASN.PNS)),
        ("32", ("III/b", StatusASN.PNS)),
        (45.0, ("IV/e", StatusASN.PNS)),
        ("11", ("I/a", StatusASN.PNS)),
        ("IX", ("IX", StatusASN.PPPK)),
        ("Golongan XVII", ("XVII", StatusASN.PPPK)),
        ("null", ("", None)),
    ],
)
def test_golongan(sel, hasil):
    assert nilai.golongan(sel) == hasil


@pytest.mark.parametrize("salah", ["III/z", "35", "XVIII", "16"])
def test_golongan_salah(salah):
    with pytest.raises(ValueError, match="III/b"):
        nilai.golongan(salah)


def test_status_asn():
    assert nilai.status_asn("PNS Daerah Kabupaten/Kota", "") is StatusASN.PNS
    assert nilai.status_asn("pppk_paruh_waktu", "") is StatusASN.PPPK
    assert nilai.status_asn("Pegawai Pemerintah dengan Perjanjian Kerja", "") is StatusASN.PPPK
    assert nilai.status_asn("", "C") is StatusASN.PNS
    assert nilai.status_asn("", "") is None
    with pytest.raises(ValueError, match="PNS atau PPPK"):
        nilai.status_asn("honorer", "")


@pytest.mark.parametrize(
    ("args", "hasil"),
    [
        (("2", "", "Perawat Ahli Pertama", ""), JenisJabatan.FUNGSIONAL),
        (("4", "", "Pengadministrasi Perkantoran", ""), JenisJabatan.PELAKSANA),
        (("1", "", "Kepala Dinas Kesehatan", "II.b"), JenisJabatan.JPT_PRATAMA),
        (("1", "", "Kepala Bagian Umum", "III.a"), JenisJabatan.ADMINISTRATOR),
        (("1", "", "Kepala Seksi Pemerintahan", "IV.a"), JenisJabatan.PENGAWAS),
        (("1", "", "Camat Fiktif Utara", ""), JenisJabatan.ADMINISTRATOR),
        (("1", "", "Lurah Sumber", ""), JenisJabatan.PENGAWAS),
        (("1", "", "Sekretaris Daerah", ""), JenisJabatan.JPT_PRATAMA),
        (("", "Jabatan Struktural", "Kepala Subbagian Keuangan", ""), JenisJabatan.PENGAWAS),
        (("", "Jabatan Fungsional Umum", "Pengelola Keuangan", ""), JenisJabatan.PELAKSANA),
        (("", "JABATAN PIMPINAN TINGGI", "Kepala Badan", ""), JenisJabatan.JPT_PRATAMA),
        (("", "administrator", "x", ""), JenisJabatan.ADMINISTRATOR),
        (("", "", "Pranata Komputer Mahir", ""), JenisJabatan.FUNGSIONAL),
        (("", "", "Kepala Bidang Anggaran", ""), JenisJabatan.ADMINISTRATOR),
        (("", "", "Pengadministrasi Perkantoran", ""), JenisJabatan.PELAKSANA),
    ],
)
def test_jenis_jabatan(args, hasil):
    assert nilai.jenis_jabatan(*args) is hasil


def test_jenis_jabatan_struktural_tanpa_tingkat():
    with pytest.raises(ValueError, match="ESELON"):
        nilai.jenis_jabatan("1", "", "Koordinator Wilayah", "", "JENIS JABATAN ID")
    with pytest.raises(ValueError, match="1 struktural, 2 fungsional, 4 pelaksana"):
        nilai.jenis_jabatan("3", "", "x", "")


@pytest.mark.parametrize(
    ("nama", "hasil"),
    [
        ("Perawat Ahli Pertama", ("Perawat", Jenjang.AHLI_PERTAMA)),
        ("Pranata Komputer Mahir", ("Pranata Komputer", Jenjang.MAHIR)),
        ("PENYULUH PERTANIAN AHLI MUDA", ("PENYULUH PERTANIAN", Jenjang.AHLI_MUDA)),
        ("Arsiparis Pelaksana Lanjutan", ("Arsiparis", Jenjang.MAHIR)),
        ("Bidan Penyelia", ("Bidan", Jenjang.PENYELIA)),
        ("Perawat", ("Perawat", None)),
    ],
)
def test_jenjang_jf(nama, hasil):
    assert nilai.jenjang_jf(nama) == hasil


@pytest.mark.parametrize(
    ("id_", "nama", "hasil"),
    [
        ("40", "", Pendidikan.S1),
        ("5", "", Pendidikan.SD),
        ("30", "Diploma III", Pendidikan.D3),
        ("", "S-1/Sarjana", Pendidikan.S1),
        ("", "D-IV", Pendidikan.D4),
        ("", "DIII KEPERAWATAN", Pendidikan.D3),
        ("", "SLTA", Pendidikan.SMA),
        ("", "SMK", Pendidikan.SMA),
        ("", "S2", Pendidikan.S2),
        ("", "Strata III", Pendidikan.S3),
        ("", "", None),
    ],
)
def test_pendidikan(id_, nama, hasil):
    assert nilai.pendidikan(id_, nama) is hasil


def test_pendidikan_salah():
    with pytest.raises(ValueError, match="05 SD"):
        nilai.pendidikan("99", "")
    with pytest.raises(ValueError, match="D-III"):
        nilai.pendidikan("", "kursus menjahit")


@pytest.mark.parametrize(
    ("nama", "hasil"),
    [
        ("dr. Andi Wijaya, M.Kes.", ("dr.", "Andi Wijaya", "M.Kes.")),
        ("Dr. Ir. H. Bambang Fiktif, M.Si.", ("Dr. Ir. H.", "Bambang Fiktif", "M.Si.")),
        ("Sri Lestari, S.Kep., Ns.", ("", "Sri Lestari", "S.Kep., Ns.")),
        ("Agus Santoso", ("", "Agus Santoso", "")),
        ("Hj. Siti", ("Hj.", "Siti", "")),
    ],
)
def test_pisah_gelar(nama, hasil):
    assert nilai.pisah_gelar(nama) == hasil


def test_pendidikan_dari_gelar():
    assert nilai.pendidikan_dari_gelar("", "S.E., M.M.") is Pendidikan.S2
    assert nilai.pendidikan_dari_gelar("", "A.Md.Kep.") is Pendidikan.D3
    assert nilai.pendidikan_dari_gelar("dr.", "") is Pendidikan.S1
    assert nilai.pendidikan_dari_gelar("", "") is None


def test_header_dinormalkan_dan_alias():
    assert normalkan("NIP BARU") == normalkan("nip_baru") == normalkan("NipBaru") == normalkan("NIP-BARU.")
    peta = PEGAWAI.petakan(["NO", "nip_baru", "Nama Lengkap", "Gol/Ruang", "JABATAN", "Unit Kerja", "KET."])
    assert peta.sebagai_berkas() == {
        "nip_baru": "nip",
        "Nama Lengkap": "nama",
        "Gol/Ruang": "golongan",
        "JABATAN": "nama_jabatan",
        "Unit Kerja": "unit_nama",
    }
    assert peta.hilang == []
    # the preferred header wins, whatever the column order
    peta = PEGAWAI.petakan(["unit", "jabatan", "skp_unor", "nip", "nama"])
    assert peta.header["unit_nama"] == "skp_unor"
    peta = UNIT.petakan(["Id", "NamaUnor", "DiatasanId", "NamaJabatan", "PemimpinPnsId", "EselonId"])
    assert set(peta.indeks) == {"sumber_id", "nama", "induk_sumber_id", "nama_jabatan_pimpinan", "pimpinan_pns_id"}


def test_kolom_hilang_menyebut_judul_yang_diterima():
    peta = PEGAWAI.petakan(["NAMA", "JABATAN"])
    assert peta.hilang == ["nip"]
    assert peta.pesan_hilang == [
        (
            "Kolom NIP tidak ditemukan. Beri salah satu judul kolom ini: "
            "NIP BARU, NIP, NIP 18, NIP PEGAWAI, NIP/NRP, NIP ASN."
        )
    ]


@pytest.mark.parametrize(
    ("nama", "jenis"),
    [
        ("Sekretariat Daerah", "sekretariat_daerah"),
        ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "asisten"),
        ("Bagian Umum", "bagian"),
        ("Sekretariat DPRD", "sekretariat_dprd"),
        ("Inspektorat Daerah", "inspektorat"),
        ("Inspektur Pembantu Wilayah I", "inspektur_pembantu"),
        ("Dinas Pendidikan dan Kebudayaan", "dinas"),
        ("Badan Perencanaan Pembangunan Daerah", "badan"),
        ("Sekretariat", "sekretariat"),
        ("Bidang Anggaran", "bidang"),
        ("Subbagian Keuangan", "subbagian"),
        ("Sub Bagian Umum", "subbagian"),
        ("Seksi Kesehatan Keluarga", "seksi"),
        ("Kecamatan Fiktif Utara", "kecamatan"),
        ("Kelurahan Sumber", "kelurahan"),
        ("UPTD Puskesmas Sukamaju", "puskesmas"),
        ("Puskesmas Kota", "puskesmas"),
        ("UPTD Pengelolaan Sampah", "uptd"),
        ("SD Negeri 1 Fiktif", "sekolah"),
        ("SMPN 2 Fiktif", "sekolah"),
        ("RSUD dr. Fiktif", "rsud"),
        ("Satuan Polisi Pamong Praja", "satuan"),
        ("Bagian Umum Sekretariat Daerah", "bagian"),
        ("Tim Penggerak", None),
    ],
)
def test_tebak_jenis_unit(nama, jenis):
    hasil = tebak_jenis(nama)
    assert (hasil.value if hasil else None) == jenis
