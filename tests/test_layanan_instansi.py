"""The Pemda's own settings: set up in an empty database, changed later, unit codes; refusals change nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from tests.bantu import sidik, sql

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.instansi import DataInstansi, JenisInstansi, JenisSurat, klasifikasi_lengkap
from sistemkerja_tui.layanan.mulai import buka_database

KLATEN = DataInstansi(nama="Pemerintah Kabupaten Klaten", jenis=JenisInstansi.KABUPATEN, profil="klaten")


@pytest.fixture
def kosong(engine, db_url):
    """The services over a migrated database without any instansi."""
    hasil = buka_database(db_url)
    assert hasil.kosong and not hasil.demo_dibuat
    yield hasil.layanan
    hasil.layanan.tutup()


def test_database_kosong_tetap_kosong_saat_dibuka(db_url):
    hasil = buka_database(db_url)
    try:
        assert hasil.kosong
    finally:
        hasil.layanan.tutup()
    assert sql(db_url, "SELECT COUNT(*) FROM instansi") == [(0,)]


def test_siapkan_instansi_menulis_semua_isian_dan_riwayat(kosong, db_url):
    data = replace(
        KLATEN,
        kop_surat=("PEMERINTAH KABUPATEN KLATEN", "  "),
        alamat="Jalan Pemuda   Nomor 294, Klaten 57424",
        telepon="(0272) 321046",
        kode_klasifikasi={JenisSurat.SURAT_TUGAS.value: " 800.1.11.1 ", JenisSurat.NOTA_DINAS.value: "800"},
    )
    instansi, peringatan = kosong.instansi.siapkan_instansi(data)
    assert peringatan == []
    assert instansi.data.tempat == "Klaten" and not instansi.fiktif
    ((nama, jenis, profil, kepala, tempat, kop, alamat, klasifikasi, fiktif, luar),) = sql(
        db_url,
        "SELECT nama, jenis, profil, kepala_daerah, tempat, kop_surat, alamat, kode_klasifikasi, fiktif, luar "
        "FROM instansi",
    )
    assert (nama, jenis, profil, kepala, tempat) == (
        "Pemerintah Kabupaten Klaten",
        "kabupaten",
        "klaten",
        "Bupati",
        "Klaten",
    )
    assert kop == "PEMERINTAH KABUPATEN KLATEN" and alamat == "Jalan Pemuda Nomor 294, Klaten 57424"
    assert json.loads(klasifikasi) == {"surat_tugas": "800.1.11.1"}  # the default 800 is not stored
    assert not fiktif and not luar
    assert sql(db_url, "SELECT aksi, entitas FROM riwayat") == [("siapkan_instansi", "instansi")]
    assert [i.nama for i in kosong.struktur.instansi] == ["Pemerintah Kabupaten Klaten"]  # read again
    assert kosong.instansi.utama() == instansi
    assert klasifikasi_lengkap(instansi.data.kode_klasifikasi)["nota_dinas"] == "800"


def test_siapkan_kedua_kali_ditolak_tanpa_perubahan(kosong, db_url):
    kosong.instansi.siapkan_instansi(KLATEN)
    sebelum = sidik(db_url)
    with pytest.raises(Ditolak, match=r"sudah berisi instansi 'Pemerintah Kabupaten Klaten'.*--db"):
        kosong.instansi.siapkan_instansi(replace(KLATEN, nama="Pemerintah Kota Madiun"))
    assert sidik(db_url) == sebelum


def test_siapkan_pada_demo_ditolak_tanpa_perubahan(layanan, db_demo):
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match="sudah berisi instansi 'Pemerintah Kabupaten Sukamaju'"):
        layanan.instansi.siapkan_instansi(KLATEN)
    assert sidik(db_demo) == sebelum


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"nama": "  "}, "Nama instansi wajib diisi"),
        ({"jenis": "desa"}, "Jenis instansi 'desa' tidak dikenal; pilih kabupaten, kota, provinsi"),
        ({"profil": "atlantis"}, "Profil regulasi 'atlantis' tidak dikenal; pilih salah satu: cilegon"),
        ({"pola_nomor_surat": "{kode_klasifikasi}/{kode_unit}/{tahun}"}, "wajib memuat {nomor_urut}"),
        ({"pola_nomor_surat": "{nomor_urut}/{bulan}/{tahun}"}, "tidak dikenal: {bulan}"),
        ({"kode_klasifikasi": {"surat_tugas": "80a"}}, "Kode klasifikasi Surat Tugas '80a' tidak sah"),
        ({"kode_klasifikasi": {"surat_cinta": "800"}}, "Jenis surat 'surat_cinta' tidak dikenal"),
        ({"jenis": JenisInstansi.PROVINSI, "tempat": " "}, "Tempat penandatanganan wajib diisi"),
    ],
)
def test_isian_salah_ditolak_menyebut_isian_tanpa_perubahan(layanan, db_demo, ubah, pesan):
    kini = layanan.instansi.utama()
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak) as galat:
        layanan.instansi.ubah_instansi(replace(kini.data, **ubah))
    assert pesan in galat.value.pesan
    assert sidik(db_demo) == sebelum


def test_kesalahan_disebut_semua_sekaligus(kosong, db_url):
    sebelum = sidik(db_url)
    with pytest.raises(Ditolak) as galat:
        kosong.instansi.siapkan_instansi(replace(KLATEN, nama="", profil="x", pola_nomor_surat="{tahun}"))
    assert len(galat.value.pesan.splitlines()) == 3
    assert sidik(db_url) == sebelum


def test_nilai_meragukan_jadi_peringatan(kosong):
    data = replace(KLATEN, nama="Kota Madiun", jenis=JenisInstansi.KOTA, pola_nomor_surat="{nomor_urut}/{tahun}")
    _, peringatan = kosong.instansi.siapkan_instansi(data)
    teks = "\n".join(peringatan)
    assert "biasanya ditulis lengkap" in teks
    assert "Perbup Klaten 34/2024 berlaku di daerah yang dipimpin Bupati" in teks
    assert "tanpa {kode_klasifikasi}, {kode_unit}" in teks


def test_ubah_instansi_demo_tetap_fiktif_dan_tercatat(layanan, db_demo):
    kini = layanan.instansi.utama()
    assert kini.fiktif
    baru, _ = layanan.instansi.ubah_instansi(
        replace(kini.data, nama="Pemerintah Kabupaten Sukamaju Raya", telepon="(0262) 1", profil="klaten")
    )
    assert baru.data.nama == "Pemerintah Kabupaten Sukamaju Raya"
    assert sql(db_demo, "SELECT nama, telepon, profil, fiktif FROM instansi WHERE NOT luar") == [
        ("Pemerintah Kabupaten Sukamaju Raya", "(0262) 1", "klaten", 1)
    ]
    ((rincian,),) = sql(db_demo, "SELECT rincian FROM riwayat WHERE aksi = 'ubah_instansi'")
    assert set(json.loads(rincian)["sesudah"]) == {"nama", "telepon", "profil"}
    assert layanan.struktur.instansi[0].nama == "Pemerintah Kabupaten Sukamaju Raya"  # no stale cache


def test_ubah_tanpa_perubahan_tidak_mencatat(layanan, db_demo):
    layanan.instansi.ubah_instansi(layanan.instansi.utama().data)
    assert sql(db_demo, "SELECT COUNT(*) FROM riwayat WHERE aksi = 'ubah_instansi'") == [(0,)]


def test_kode_unit_unik_dan_bentuknya_diperiksa(layanan, db_demo):
    unit = layanan.instansi.daftar_kode_unit()
    assert unit[0].tingkat == 0 and any(u.tingkat > 0 for u in unit)
    a, b = unit[0], next(u for u in unit[1:] if u.tingkat == 0)
    sebelum = sidik(db_demo)
    for kode, pesan in (
        (b.kode.lower(), f"sudah dipakai {b.nama}"),
        ("", "wajib diisi"),
        ("DIN/KES", "tidak sah"),
        ("DIN KES", "tidak sah"),
    ):
        with pytest.raises(Ditolak, match=pesan):
            layanan.instansi.ubah_kode_unit(a.id, kode)
    assert sidik(db_demo) == sebelum
    baru = layanan.instansi.ubah_kode_unit(a.id, " SETDA-1 ")
    assert baru.kode == "SETDA-1"
    assert sql(db_demo, "SELECT kode FROM unit_organisasi WHERE id = ?", a.id) == [("SETDA-1",)]
    assert layanan.struktur.unit(a.id).kode == "SETDA-1"  # letters read the new code at once
    assert sql(db_demo, "SELECT aksi, entitas_id FROM riwayat WHERE aksi = 'ubah_kode_unit'") == [
        ("ubah_kode_unit", a.id)
    ]


def test_surat_memakai_klasifikasi_dan_alamat_instansi(layanan, tim):
    kini = layanan.instansi.utama()
    layanan.instansi.ubah_instansi(
        replace(
            kini.data,
            kop_surat=kini.data.kop_surat[:1],
            alamat="Jalan Contoh Nomor 9",
            telepon="(0262) 999",
            kode_klasifikasi={"surat_tugas": "800.1.2.3"},
        )
    )
    hasil = layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, tanggal=date(2026, 1, 5))
    assert hasil.nomor.startswith("800.1.2.3/1/")
    assert "Jalan Contoh Nomor 9" in hasil.teks and "Telepon (0262) 999" in hasil.teks
    lain = layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim, tanggal=date(2026, 1, 5))
    assert lain.nomor.startswith("800/")  # a kind left out keeps the default
