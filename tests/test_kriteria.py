"""Eligibility of ketua, koordinator and penanggung jawab, per profile.

Every rule tested quotes the seed passage it encodes.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from sistemkerja_tui.aturan.enums import (
    BentukTim,
    Golongan,
    JenisJabatan,
    Jenjang,
    Pendidikan,
    PeranTim,
    PredikatKinerja,
    StatusASN,
)
from sistemkerja_tui.aturan.kriteria import (
    Kandidat,
    Penilaian,
    nilai_kandidat,
    urutkan_kandidat,
)
from sistemkerja_tui.aturan.profil import muat_profil

BAIK, SANGAT_BAIK, BUTUH_PERBAIKAN = PredikatKinerja.BAIK, PredikatKinerja.SANGAT_BAIK, PredikatKinerja.BUTUH_PERBAIKAN


@pytest.fixture(scope="module")
def madiun():
    return muat_profil("madiun")


@pytest.fixture(scope="module")
def klaten():
    return muat_profil("klaten")


@pytest.fixture(scope="module")
def cilegon():
    return muat_profil("cilegon")


def jf(nama: str = "Budi", jenjang: Jenjang | None = Jenjang.AHLI_PERTAMA, pegawai_id: int = 1, **ubah) -> Kandidat:
    """A PNS JF who meets every general criterion of Madiun unless changed."""
    k = Kandidat(
        pegawai_id=pegawai_id,
        nama=nama,
        status_asn=StatusASN.PNS,
        jenis=JenisJabatan.FUNGSIONAL,
        jenjang=jenjang,
        kelas_jabatan=8,
        golongan=Golongan.IIIB,
        pendidikan=Pendidikan.S1,
        predikat=(BAIK, BAIK),
        hasil_penyetaraan=False,
        unit_id=10,
        kompetensi="perencanaan program",
    )
    return dataclasses.replace(k, **ubah)


def pelaksana(
    nama: str = "Wati", kelas: int | None = 7, golongan: Golongan | None = Golongan.IIIB, pegawai_id: int = 2, **ubah
) -> Kandidat:
    return jf(nama, None, pegawai_id, jenis=JenisJabatan.PELAKSANA, kelas_jabatan=kelas, golongan=golongan, **ubah)


def kode(p: Penilaian, tingkat: str | None = None) -> list[str]:
    return [t.kode for t in p.temuan if tingkat is None or t.tingkat == tingkat]


def galat(p: Penilaian) -> list[str]:
    return kode(p, "error")


# --- Madiun: ketua, jenjang -------------------------------------------------------------


@pytest.mark.parametrize(
    ("jenjang", "layak"),
    [
        (Jenjang.AHLI_PERTAMA, True),
        (Jenjang.AHLI_MUDA, True),
        (Jenjang.PENYELIA, True),
        (Jenjang.MAHIR, False),
        (Jenjang.TERAMPIL, False),
        (Jenjang.PEMULA, False),
    ],
)
def test_madiun_ketua_jenjang_minimum(madiun, jenjang, layak):
    # Lampiran Bab II huruf D angka 2 huruf c: "untuk Ketua Tim Kerja paling rendah Jenjang jabatan fungsional
    # Keahlian Ahli Pertama atau jabatan fungsional Keterampilan Jenjang Penyelia"
    p = nilai_kandidat(jf(jenjang=jenjang), PeranTim.KETUA, madiun)
    assert p.layak is layak
    if not layak:
        (t,) = p.galat
        assert t.kode == "jenjang_kurang"
        assert t.pesan == (
            f"Ketua Tim Kerja harus JF paling rendah Ahli Pertama atau Penyelia; Budi adalah JF {jenjang.label}."
        )
        assert t.rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf D angka 2 huruf c"


def test_madiun_ketua_ahli_muda_diutamakan(madiun):
    # Lampiran Bab II huruf D angka 2 huruf c: "... diutamakan bagi jabatan fungsional Ahli Muda"
    pertama = nilai_kandidat(jf(jenjang=Jenjang.AHLI_PERTAMA), PeranTim.KETUA, madiun)
    muda = nilai_kandidat(jf(jenjang=Jenjang.AHLI_MUDA), PeranTim.KETUA, madiun)
    assert muda.layak and pertama.layak and muda.skor > pertama.skor


def test_madiun_ketua_bersih_tanpa_temuan(madiun):
    p = nilai_kandidat(jf(), PeranTim.KETUA, madiun)
    assert p.temuan == () and p.layak


def test_madiun_ketua_bukan_pejabat_struktural(madiun):
    # Pasal 24 ayat (2): "Tim kerja ... terdiri atas ketua tim dan anggota tim"; Lampiran Bab II huruf D:
    # "Penunjukan Koordinator Tim Kerja dan/atau Ketua Tim Kerja bagi Pejabat Fungsional dan Pelaksana"
    kasi = jf("Pak Kasi", None, jenis=JenisJabatan.PENGAWAS)
    p = nilai_kandidat(kasi, PeranTim.KETUA, madiun)
    (t,) = p.temuan
    assert t.kode == "jenis_jabatan_tidak_sesuai" and t.memblokir
    assert t.pesan.startswith(
        "Ketua Tim Kerja ditunjuk dari Pejabat Fungsional atau pelaksana; Pak Kasi adalah Pejabat Pengawas."
    )
    assert t.rujukan.startswith("Perwal Madiun 73/2023, Pasal 24 ayat (1) dan ayat (2)")
    assert t.rujukan.endswith("Lampiran Bab II huruf D")
    for jenis in (JenisJabatan.ADMINISTRATOR, JenisJabatan.JPT_PRATAMA):
        assert galat(nilai_kandidat(jf(jenis=jenis), PeranTim.KETUA, madiun)) == ["jenis_jabatan_tidak_sesuai"]


def test_pegawai_nonaktif_ditolak(madiun, cilegon):
    for profil in (madiun, cilegon):
        p = nilai_kandidat(jf(aktif=False), PeranTim.KETUA, profil)
        assert galat(p) == ["kandidat_nonaktif"]
        assert "tidak aktif" in p.galat[0].pesan


# --- Madiun: general criteria (Lampiran Bab II huruf D angka 1) ---------------------------


@pytest.mark.parametrize(
    ("pendidikan", "layak"),
    [
        (Pendidikan.SMA, False),
        (Pendidikan.D2, False),
        (Pendidikan.D3, True),
        (Pendidikan.D4, True),
        (Pendidikan.S2, True),
    ],
)
def test_madiun_ketua_pendidikan(madiun, pendidikan, layak):
    # D angka 1 huruf f: "pendidikan paling rendah bagi Ketua Tim Kerja yaitu Diploma III"
    p = nilai_kandidat(jf(pendidikan=pendidikan), PeranTim.KETUA, madiun)
    assert p.layak is layak
    if not layak:
        assert (
            p.galat[0].pesan == f"Pendidikan Ketua Tim Kerja paling rendah D-III; pendidikan Budi {pendidikan.label}."
        )
        assert p.galat[0].rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf D angka 1 huruf f"


def test_madiun_ketua_sarjana_diutamakan(madiun):
    # D angka 1 huruf f: "... diutamakan bagi Strata 1/Diploma IV"
    d3 = nilai_kandidat(jf(pendidikan=Pendidikan.D3), PeranTim.KETUA, madiun)
    d4 = nilai_kandidat(jf(pendidikan=Pendidikan.D4), PeranTim.KETUA, madiun)
    s1 = nilai_kandidat(jf(pendidikan=Pendidikan.S1), PeranTim.KETUA, madiun)
    assert d3.skor < d4.skor == s1.skor


def test_madiun_ketua_kinerja_dua_tahun(madiun):
    # D angka 1 huruf e: "memiliki penilaian kinerja baik selama 2 (dua) tahun"
    buruk = nilai_kandidat(jf(predikat=(BAIK, BUTUH_PERBAIKAN)), PeranTim.KETUA, madiun)
    assert galat(buruk) == ["kinerja_kurang"]
    assert buruk.galat[0].pesan.endswith("predikat terakhir Budi: Baik, Butuh Perbaikan.")
    assert buruk.galat[0].rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf D angka 1 huruf e"
    assert nilai_kandidat(jf(predikat=(SANGAT_BAIK, BAIK)), PeranTim.KETUA, madiun).temuan == ()
    # Only the last 2 years count: a bad third one is history.
    assert nilai_kandidat(jf(predikat=(BAIK, BAIK, BUTUH_PERBAIKAN)), PeranTim.KETUA, madiun).layak


@pytest.mark.parametrize("predikat", [(BAIK,), ()])
def test_madiun_ketua_kinerja_belum_lengkap_peringatan(madiun, predikat):
    p = nilai_kandidat(jf(predikat=predikat), PeranTim.KETUA, madiun)
    assert p.layak and kode(p, "peringatan") == ["kinerja_belum_lengkap"]
    assert p.temuan[0].pesan.startswith(f"Baru {len(predikat)} dari 2 predikat kinerja Budi yang tercatat")


def test_madiun_ketua_pns_dan_penyetaraan_diutamakan(madiun):
    # D angka 1 huruf a: "diutamakan bagi PNS"; huruf b: "diutamakan bagi Pejabat Fungsional hasil Penyetaraan"
    pns = nilai_kandidat(jf(), PeranTim.KETUA, madiun)
    pppk = nilai_kandidat(jf(status_asn=StatusASN.PPPK, golongan=None), PeranTim.KETUA, madiun)
    assert pppk.layak and kode(pppk) == ["bukan_pns"] and pppk.temuan[0].tingkat == "peringatan"
    assert pppk.temuan[0].pesan == "Ketua Tim Kerja diutamakan PNS; Budi adalah PPPK."
    assert pppk.skor < pns.skor
    setara = nilai_kandidat(jf(hasil_penyetaraan=True), PeranTim.KETUA, madiun)
    assert setara.skor > pns.skor
    # huruf d: "diutamakan memiliki pengalaman manajerial"
    assert nilai_kandidat(jf(pengalaman_manajerial=True), PeranTim.KETUA, madiun).skor > pns.skor


def test_madiun_ketua_kompetensi_belum_dicatat_peringatan(madiun):
    # D angka 1 huruf c: "memiliki kompetensi yang dibutuhkan"
    p = nilai_kandidat(jf(kompetensi=" "), PeranTim.KETUA, madiun)
    assert p.layak and kode(p, "peringatan") == ["kompetensi_belum_dicatat"]


# --- Madiun: pelaksana as ketua (Lampiran Bab II huruf D angka 3) ---------------------------


def test_madiun_pelaksana_ditolak_bila_ada_jf_layak(madiun):
    # D angka 3 huruf a: "Dalam hal tidak terdapat pejabat fungsional yang sesuai kriteria angka 1 dan angka 2,
    # dapat menunjuk pejabat pelaksana sebagai Ketua Tim Kerja."
    p = nilai_kandidat(pelaksana(kelas=6, golongan=Golongan.IIIB), PeranTim.KETUA, madiun)
    assert "pelaksana_masih_ada_jf" in galat(p)
    pesan = p.galat[0].pesan
    assert pesan.startswith(
        "Ketua Tim Kerja harus JF paling rendah Ahli Pertama atau Penyelia; Wati adalah Pelaksana (kelas 6)."
    )
    assert p.galat[0].rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf D angka 3"


@pytest.mark.parametrize(
    ("kelas", "golongan", "penuh", "harapan"),
    [
        # huruf b: "pejabat Pelaksana yang memiliki kelas jabatan 7";
        # huruf c: "paling rendah Penata Muda Tingkat I/(III/b)"
        (7, Golongan.IIIB, True, []),
        (8, Golongan.IVA, True, []),
        (7, Golongan.IIIA, True, ["golongan_kurang"]),
        # huruf d: "dalam hal tidak terdapat pejabat pelaksana yang memenuhi kriteria sebagaimana Huruf b,
        # dapat diturunkan 1 kelas di bawahnya"
        (6, Golongan.IIIB, True, ["kelas_jabatan_kurang"]),
        (6, Golongan.IIIB, False, []),
        (5, Golongan.IIIB, False, ["kelas_jabatan_kurang"]),
        (None, Golongan.IIIB, False, ["kelas_jabatan_belum_diisi"]),
    ],
)
def test_madiun_pelaksana_kelas_dan_golongan(madiun, kelas, golongan, penuh, harapan):
    p = nilai_kandidat(
        pelaksana(kelas=kelas, golongan=golongan),
        PeranTim.KETUA,
        madiun,
        ada_jf_layak=False,
        ada_pelaksana_kelas_penuh=penuh,
    )
    assert galat(p) == harapan
    assert all(t.rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf D angka 3" for t in p.galat)


def test_madiun_pelaksana_pesan_kelas_dan_golongan(madiun):
    p = nilai_kandidat(pelaksana(kelas=6, golongan=Golongan.IIIA), PeranTim.KETUA, madiun, ada_jf_layak=False)
    kelas, golongan = (t.pesan for t in p.galat)
    assert kelas == (
        "Ketua Tim Kerja dari pelaksana harus kelas jabatan paling rendah 7; Wati kelas 6. Kelas 6 "
        "hanya dapat ditunjuk bila tidak ada pelaksana kelas 7 yang memenuhi kriteria, dan masih ada."
    )
    assert golongan == (
        "Ketua Tim Kerja dari pelaksana harus berpangkat/golongan ruang paling rendah Penata Muda "
        "Tingkat I (III/b); Wati Penata Muda (III/a)."
    )


def test_madiun_pelaksana_pppk_tanpa_golongan_ruang(madiun):
    p = nilai_kandidat(pelaksana(golongan=None, status_asn=StatusASN.PPPK), PeranTim.KETUA, madiun, ada_jf_layak=False)
    assert galat(p) == ["golongan_kosong"] and "PPPK" in p.galat[0].pesan


# --- Madiun: koordinator (Lampiran Bab II huruf D angka 2 huruf b, angka 1 huruf g) ---------------


@pytest.mark.parametrize(
    ("jenjang", "layak"),
    [
        (Jenjang.AHLI_PERTAMA, False),
        (Jenjang.AHLI_MUDA, True),
        (Jenjang.AHLI_MADYA, True),
        (Jenjang.PENYELIA, False),
    ],
)
def test_madiun_koordinator_jenjang(madiun, jenjang, layak):
    # D angka 2 huruf b: "untuk Koordinator Tim Kerja paling rendah jabatan fungsional Keahlian dengan Jenjang Ahli
    # Muda"
    p = nilai_kandidat(jf(jenjang=jenjang), PeranTim.KOORDINATOR, madiun)
    assert p.layak is layak
    if not layak:
        assert p.galat[0].pesan.startswith("Koordinator Tim Kerja harus JF paling rendah Ahli Muda (keahlian); ")
        assert p.galat[0].rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf D angka 2 huruf b"


def test_madiun_koordinator_madya_diutamakan_dan_sarjana(madiun):
    # D angka 2 huruf b: "diutamakan bagi jabatan fungsional Ahli Madya"
    muda = nilai_kandidat(jf(jenjang=Jenjang.AHLI_MUDA), PeranTim.KOORDINATOR, madiun)
    madya = nilai_kandidat(jf(jenjang=Jenjang.AHLI_MADYA), PeranTim.KOORDINATOR, madiun)
    assert madya.skor > muda.skor
    # D angka 1 huruf g: "pendidikan paling rendah bagi Koordinator Tim Kerja yaitu Strata 1/Diploma IV"
    d3 = nilai_kandidat(jf(jenjang=Jenjang.AHLI_MUDA, pendidikan=Pendidikan.D3), PeranTim.KOORDINATOR, madiun)
    assert galat(d3) == ["pendidikan_kurang"]
    assert d3.galat[0].pesan == "Pendidikan Koordinator Tim Kerja paling rendah S1/D-IV; pendidikan Budi D-III."
    assert nilai_kandidat(jf(jenjang=Jenjang.AHLI_MUDA, pendidikan=Pendidikan.D4), PeranTim.KOORDINATOR, madiun).layak


def test_madiun_koordinator_bukan_pelaksana(madiun):
    # D angka 3 huruf a: pelaksana may be appointed "sebagai Ketua Tim Kerja" only — not as Koordinator.
    p = nilai_kandidat(pelaksana(kelas=9), PeranTim.KOORDINATOR, madiun, ada_jf_layak=False)
    assert galat(p) == ["jenis_jabatan_tidak_sesuai"]
    assert p.galat[0].pesan.startswith(
        "Koordinator Tim Kerja ditunjuk dari Pejabat Fungsional; Wati adalah Pelaksana (kelas 9)."
    )


def test_madiun_koordinator_dari_unit_pemilik_kinerja(madiun):
    # Lampiran Bab II huruf C angka 1: "Koordinator Tim Kerja berasal dari unit organisasi dan/atau instansi
    # pemerintah pemilik kinerja" (required), while a ketua is only "diutamakan" (Pasal 25 ayat (4)).
    luar = jf(jenjang=Jenjang.AHLI_MUDA, unit_id=99)
    koordinator = nilai_kandidat(luar, PeranTim.KOORDINATOR, madiun, unit_pemilik_id=10)
    assert galat(koordinator) == ["asal_unit_wajib"]
    ketua = nilai_kandidat(luar, PeranTim.KETUA, madiun, unit_pemilik_id=10)
    assert ketua.layak and kode(ketua) == ["asal_unit_lain"]
    dalam = nilai_kandidat(jf(jenjang=Jenjang.AHLI_MUDA), PeranTim.KETUA, madiun, unit_pemilik_id=10)
    assert dalam.temuan == () and dalam.skor > ketua.skor


# --- Madiun: concurrency through nilai_kandidat ----------------------------------------------


def test_madiun_rangkap_ketiga_ditolak(madiun):
    # Lampiran Bab II huruf F angka 3: "diberikan batasan paling banyak 2 (dua) Koordinator Tim Kerja dan/atau
    # Ketua Tim Kerja"
    assert nilai_kandidat(jf(peran_pimpinan=1), PeranTim.KETUA, madiun).layak
    p = nilai_kandidat(jf(peran_pimpinan=2), PeranTim.KETUA, madiun)
    assert galat(p) == ["rangkap_pimpinan"]
    assert p.galat[0].rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf F angka 3"
    # Pasal 25 ayat (2): "dapat terlibat dalam 1 (satu) atau lebih tim kerja" — no limit for anggota.
    assert nilai_kandidat(jf(peran_pimpinan=5), PeranTim.ANGGOTA, madiun).temuan == ()


# --- Klaten -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jenjang", "layak"),
    [
        (Jenjang.AHLI_PERTAMA, False),
        (Jenjang.AHLI_MUDA, True),
        (Jenjang.AHLI_MADYA, True),
        (Jenjang.PENYELIA, False),
    ],
)
def test_klaten_penanggung_jawab_ahli_muda(klaten, jenjang, layak):
    # Lampiran huruf B angka 2 huruf m: "ditunjuk penanggungjawab yang diangkat dari Jabatan Fungsional Ahli Madya
    # atau minimal Jabatan Ahli Muda"
    p = nilai_kandidat(jf(jenjang=jenjang), PeranTim.PENANGGUNG_JAWAB, klaten)
    assert p.layak is layak
    if not layak:
        assert p.galat[0].pesan.startswith("Penanggungjawab harus JF paling rendah Ahli Muda (keahlian); ")
        assert p.galat[0].rujukan == "Perbup Klaten 34/2024, Lampiran huruf B angka 2 huruf m"


def test_klaten_penanggung_jawab_bukan_pelaksana(klaten):
    # Pasal 1 angka 23: "Penanggungjawab adalah pejabat fungsional ahli madya atau pejabat fungsional ahli muda"
    p = nilai_kandidat(pelaksana(kelas=9), PeranTim.PENANGGUNG_JAWAB, klaten)
    assert galat(p) == ["jenis_jabatan_tidak_sesuai"]
    assert p.galat[0].rujukan == "Perbup Klaten 34/2024, Pasal 1 angka 23 dan Lampiran huruf B angka 2 huruf m"


def test_klaten_ketua_tanpa_jenjang_minimum(klaten):
    # Lampiran huruf B angka 2 huruf g: "Ketua Kelompok Kerja sebagai tim kerja dapat diangkat dari Pejabat
    # fungsional atau Pelaksana dengan memperhatikan persyaratan: Kompetensi dan keahlian ...; Rekomendasi dari
    # Sekretaris Daerah" — no jenjang, kelas, education or rating bar, and no PNS preference.
    for k in (
        jf(jenjang=Jenjang.TERAMPIL),
        pelaksana(kelas=5, golongan=Golongan.IIA),
        jf(status_asn=StatusASN.PPPK, golongan=None, pendidikan=Pendidikan.SMA, predikat=()),
    ):
        p = nilai_kandidat(k, PeranTim.KETUA, klaten, bentuk=BentukTim.KELOMPOK_KERJA)
        assert p.temuan == (), k
    kasi = jf("Pak Kasi", None, jenis=JenisJabatan.PENGAWAS)
    p = nilai_kandidat(kasi, PeranTim.KETUA, klaten)
    assert galat(p) == ["jenis_jabatan_tidak_sesuai"]
    assert p.galat[0].pesan.startswith("Ketua Kelompok Kerja ditunjuk dari Pejabat Fungsional atau pelaksana; ")
    assert p.galat[0].rujukan == "Perbup Klaten 34/2024, Lampiran huruf B angka 2 huruf g"


def test_klaten_hasil_penyetaraan_diutamakan(klaten):
    # Pasal 24 ayat (1): "Penunjukan Penanggungjawab dan Ketua Kelompok Kerja diutamakan dari jabatan fungsional
    # hasil penyetaraan."
    biasa = nilai_kandidat(jf(), PeranTim.KETUA, klaten)
    setara = nilai_kandidat(jf(hasil_penyetaraan=True), PeranTim.KETUA, klaten)
    assert setara.skor > biasa.skor
    # A pelaksana is never "JF hasil penyetaraan".
    assert nilai_kandidat(pelaksana(hasil_penyetaraan=True), PeranTim.KETUA, klaten).skor == 0


def test_klaten_ketua_tidak_memimpin_dua_kelompok_kerja(klaten):
    # Pasal 27: "Ketua Kelompok Kerja tidak dapat merangkap menjadi Ketua Kelompok Kerja lain tetapi dapat menjadi
    # anggota kelompok kerja yang lain."
    sudah = jf(memimpin_kelompok_kerja=1, peran_pimpinan=1)
    assert galat(nilai_kandidat(sudah, PeranTim.KETUA, klaten, bentuk=BentukTim.KELOMPOK_KERJA)) == ["rangkap_pimpinan"]
    assert nilai_kandidat(sudah, PeranTim.KETUA, klaten, bentuk=BentukTim.TIM).layak
    assert nilai_kandidat(sudah, PeranTim.ANGGOTA, klaten, bentuk=BentukTim.KELOMPOK_KERJA).temuan == ()


# --- Cilegon / umum: only the shared baseline ------------------------------------------------


def test_cilegon_ketua_hanya_jf_atau_pelaksana(cilegon):
    # Cilegon Lampiran huruf C angka 1 huruf c: "pimpinan Unit Organisasi dapat menunjuk salah satu pejabat
    # fungsional atau Pelaksana sebagai ketua tim kerja berdasarkan keahlian dan/atau keterampilan" — nothing more.
    for k in (
        jf(jenjang=Jenjang.PEMULA),
        pelaksana(kelas=3, golongan=Golongan.IIA, pendidikan=Pendidikan.SMA),
        jf(status_asn=StatusASN.PPPK, predikat=(BUTUH_PERBAIKAN,)),
    ):
        assert nilai_kandidat(k, PeranTim.KETUA, cilegon).temuan == ()
    p = nilai_kandidat(jf(jenis=JenisJabatan.ADMINISTRATOR), PeranTim.KETUA, cilegon)
    assert galat(p) == ["jenis_jabatan_tidak_sesuai"]
    assert p.galat[0].rujukan == (
        "PermenPANRB 7/2022 (ketentuan bersama; mis. Perwal Cilegon 17/2023, Lampiran huruf C angka 1 huruf c)"
    )


def test_cilegon_tanpa_batas_rangkap_dan_tanpa_koordinator(cilegon):
    # Cilegon states no limit on concurrent ketua roles; umum neither.
    for nama in ("cilegon", "umum"):
        assert nilai_kandidat(jf(peran_pimpinan=2), PeranTim.KETUA, muat_profil(nama)).temuan == ()
    # Cilegon has no Koordinator and so no criteria for one (aturan_tim.periksa_peran refuses the role itself).
    assert nilai_kandidat(jf(jenjang=Jenjang.PEMULA), PeranTim.KOORDINATOR, cilegon).temuan == ()


def test_luwu_utara_pengarah_tanpa_kriteria():
    # Luwu Utara format huruf a lists "Pengarah" and "Penanggung Jawab" (usually structural officials) without
    # criteria: a Kepala Dinas as Pengarah gets no finding.
    luwu = muat_profil("luwu_utara")
    assert nilai_kandidat(jf(jenis=JenisJabatan.JPT_PRATAMA), PeranTim.PENGARAH, luwu).temuan == ()
    assert galat(nilai_kandidat(jf(jenis=JenisJabatan.JPT_PRATAMA), PeranTim.KETUA, luwu)) == [
        "jenis_jabatan_tidak_sesuai"
    ]


# --- a pool ----------------------------------------------------------------------------


def test_urutkan_yang_layak_dulu_dengan_alasan_yang_lain(madiun):
    kumpulan = [
        jf("Citra", Jenjang.AHLI_PERTAMA, 1),
        jf("Agus", Jenjang.AHLI_MUDA, 2),
        jf("Bayu", Jenjang.TERAMPIL, 3),
        pelaksana("Dedi", kelas=7, pegawai_id=4),
        jf("Eka", Jenjang.AHLI_MUDA, 5, hasil_penyetaraan=True),
        jf("Fajar", Jenjang.AHLI_PERTAMA, 6, aktif=False),
    ]
    hasil = urutkan_kandidat(kumpulan, PeranTim.KETUA, madiun)
    assert [p.kandidat.nama for p in hasil if p.layak] == ["Eka", "Agus", "Citra"]
    assert [p.layak for p in hasil] == [True, True, True, False, False, False]
    alasan = {p.kandidat.nama: galat(p) for p in hasil if not p.layak}
    # D angka 3 huruf a: a JF qualifies, so the pelaksana is refused — with the reason kept.
    assert alasan == {"Bayu": ["jenjang_kurang"], "Dedi": ["pelaksana_masih_ada_jf"], "Fajar": ["kandidat_nonaktif"]}


def test_urutkan_pelaksana_bila_tidak_ada_jf(madiun):
    # D angka 3 huruf a–d: no JF qualifies -> pelaksana kelas 7 III/b; kelas 6 only when no kelas 7 qualifies.
    kumpulan = [
        jf("Bayu", Jenjang.TERAMPIL, 3),
        pelaksana("Dedi", kelas=7, pegawai_id=4),
        pelaksana("Gita", kelas=6, pegawai_id=7),
    ]
    hasil = {p.kandidat.nama: p for p in urutkan_kandidat(kumpulan, PeranTim.KETUA, madiun)}
    assert hasil["Dedi"].layak
    assert galat(hasil["Gita"]) == ["kelas_jabatan_kurang"]
    tanpa_tujuh = {p.kandidat.nama: p for p in urutkan_kandidat(kumpulan[::2], PeranTim.KETUA, madiun)}
    assert tanpa_tujuh["Gita"].layak and not tanpa_tujuh["Bayu"].layak


def test_urutkan_pelaksana_kelas_tujuh_yang_tidak_layak_tidak_menghalangi(madiun):
    # D angka 3 huruf d: "dalam hal tidak terdapat pejabat pelaksana yang memenuhi kriteria" — a kelas 7 pelaksana
    # whose rating fails (angka 1 huruf e) does not keep the kelas 6 one out.
    kumpulan = [
        pelaksana("Dedi", kelas=7, pegawai_id=4, predikat=(BUTUH_PERBAIKAN, BAIK)),
        pelaksana("Gita", kelas=6, pegawai_id=7),
    ]
    hasil = urutkan_kandidat(kumpulan, PeranTim.KETUA, madiun)
    assert [(p.kandidat.nama, p.layak) for p in hasil] == [("Gita", True), ("Dedi", False)]
    assert galat(hasil[1]) == ["kinerja_kurang"]


def test_urutkan_jf_yang_sudah_merangkap_tidak_dihitung(madiun):
    # F angka 3 keeps the only qualifying JF out (already 2 roles), so the pelaksana becomes eligible.
    kumpulan = [jf("Agus", Jenjang.AHLI_MUDA, 2, peran_pimpinan=2), pelaksana("Dedi", kelas=7, pegawai_id=4)]
    hasil = urutkan_kandidat(kumpulan, PeranTim.KETUA, madiun)
    assert [(p.kandidat.nama, p.layak) for p in hasil] == [("Dedi", True), ("Agus", False)]


def test_urutkan_kosong_dan_nama_sebagai_penentu(cilegon):
    assert urutkan_kandidat([], PeranTim.KETUA, cilegon) == []
    hasil = urutkan_kandidat([jf("budi", pegawai_id=2), jf("Ani", pegawai_id=1)], PeranTim.KETUA, cilegon)
    assert [p.kandidat.nama for p in hasil] == ["Ani", "budi"]


def test_kandidat_dan_penilaian_beku() -> None:
    k = jf()
    with pytest.raises(dataclasses.FrozenInstanceError):
        k.nama = "x"  # type: ignore[misc]  # assigning to a frozen field on purpose


def test_aturan_tidak_memuat_tui_atau_database():
    kode_py = (
        "import json, sys\n"
        "from sistemkerja_tui.aturan import kriteria, aturan_tim\n"
        "print(json.dumps(sorted(m for m in ('textual', 'sqlmodel', 'sqlalchemy') if m in sys.modules)))\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode_py], capture_output=True, text=True, check=True)
    assert json.loads(hasil.stdout) == []
