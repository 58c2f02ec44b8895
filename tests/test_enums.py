"""Ordered vocabularies: golongan/pangkat, PPPK, jenis jabatan, jenjang, pendidikan."""

from __future__ import annotations

import pytest

from sistemkerja_tui.aturan.enums import (
    Golongan,
    GolonganPPPK,
    JenisJabatan,
    Jenjang,
    KategoriJF,
    Pendidikan,
    PredikatKinerja,
)


def test_golongan_urut_dengan_pangkat():
    semua = list(Golongan)
    assert [g.value for g in semua][:2] == ["I/a", "I/b"] and semua[-1].value == "IV/e"
    assert len(semua) == 17
    assert Golongan.IA.pangkat == "Juru Muda" and Golongan.IVE.pangkat == "Pembina Utama"
    assert Golongan.IIIB.pangkat_golongan == "Penata Muda Tingkat I (III/b)"  # Madiun Lampiran Bab II D.3
    assert Golongan.IVD.pangkat == "Pembina Utama Madya"
    assert Golongan.IIIA < Golongan.IIIB < Golongan.IVA
    assert sorted([Golongan.IVA, Golongan.IIB, Golongan.IIIC]) == [Golongan.IIB, Golongan.IIIC, Golongan.IVA]


@pytest.mark.parametrize("teks", ["III/b", "iii/b", "Penata Muda Tingkat I", "Penata Muda Tingkat I (III/b)"])
def test_golongan_dari_kode_atau_pangkat(teks):
    assert Golongan.dari(teks) is Golongan.IIIB


def test_golongan_tak_dikenal_pesan_indonesia():
    with pytest.raises(ValueError, match="Golongan 'V/a' tidak dikenal"):
        Golongan.dari("V/a")


def test_pppk_tujuh_belas_golongan_urut():
    assert len(GolonganPPPK) == 17
    assert GolonganPPPK.V < GolonganPPPK.IX < GolonganPPPK.XVII


def test_jenis_jabatan_urut_dari_pelaksana_ke_jpt():
    assert JenisJabatan.PELAKSANA < JenisJabatan.FUNGSIONAL < JenisJabatan.PENGAWAS
    assert JenisJabatan.PENGAWAS < JenisJabatan.ADMINISTRATOR < JenisJabatan.JPT_PRATAMA
    assert JenisJabatan.PENGAWAS.struktural and not JenisJabatan.FUNGSIONAL.struktural


def test_jenjang_urut_dalam_kategorinya():
    # Madiun Pasal 6: keahlian Ahli Pertama < Muda < Madya < Utama; keterampilan Pemula < Terampil < Mahir < Penyelia
    assert Jenjang.AHLI_PERTAMA < Jenjang.AHLI_MUDA < Jenjang.AHLI_MADYA < Jenjang.AHLI_UTAMA
    assert Jenjang.PEMULA < Jenjang.TERAMPIL < Jenjang.MAHIR < Jenjang.PENYELIA
    assert Jenjang.PENYELIA.kategori is KategoriJF.KETERAMPILAN
    assert Jenjang.AHLI_MUDA.kategori is KategoriJF.KEAHLIAN


def test_jenjang_lintas_kategori_tidak_dapat_dibandingkan():
    with pytest.raises(TypeError, match=r"Penyelia \(keterampilan\).*Ahli Pertama \(keahlian\)"):
        Jenjang.PENYELIA < Jenjang.AHLI_PERTAMA  # noqa: B015


def test_pendidikan_urut_d4_setara_s1():
    assert Pendidikan.SD < Pendidikan.SMP < Pendidikan.SMA < Pendidikan.D3 < Pendidikan.D4
    assert Pendidikan.D4 >= Pendidikan.S1 and Pendidikan.S1 >= Pendidikan.D4
    assert Pendidikan.S1 < Pendidikan.S2 < Pendidikan.S3
    assert Pendidikan.dari("D-III") is Pendidikan.D3


def test_predikat_kinerja_urut():
    assert PredikatKinerja.BUTUH_PERBAIKAN < PredikatKinerja.BAIK < PredikatKinerja.SANGAT_BAIK


def test_banding_beda_jenis_enum_ditolak():
    with pytest.raises(TypeError):
        Golongan.IIIA < JenisJabatan.PENGAWAS  # noqa: B015
