"""NIP: 18 digits — birth date, TMT CPNS, sex, sequence (e.g. `19670416 199303 1 015`)."""

from __future__ import annotations

from datetime import date

import pytest

from sistemkerja_tui.aturan.nip import NIPTidakSah, kelompokkan_nip, nip_sah, urai_nip

HARI_INI = date(2026, 11, 23)


def test_nip_sah_diurai():
    n = urai_nip("19670416 199303 1 015", HARI_INI)
    assert n.angka == "196704161993031015"
    assert n.tanggal_lahir == date(1967, 4, 16)
    assert (n.tmt_tahun, n.tmt_bulan) == (1993, 3)
    assert n.jenis_kelamin == "L" and n.jenis_kelamin_label == "Laki-laki"
    assert n.urut == 15
    assert n.berkelompok == "19670416 199303 1 015" == kelompokkan_nip(n.angka)


def test_nip_tanpa_spasi_dan_perempuan():
    n = urai_nip("198507122010012003", HARI_INI)
    assert n.jenis_kelamin == "P" and n.tmt_label == "01/2010"


@pytest.mark.parametrize(
    ("teks", "bagian", "pesan"),
    [
        ("", "nip", "NIP kosong"),
        ("19670416 199303 1 01", "nip", "harus 18 angka, yang diisikan 17"),
        ("19670416-199303-1-015", "nip", "karakter selain angka"),
        ("19670231 199303 1 015", "tanggal_lahir", "bukan tanggal yang ada"),
        ("20301201 205003 1 015", "tanggal_lahir", "belum terjadi"),
        ("19670416 199300 1 015", "tmt", "Bulan TMT"),
        ("19670416 194903 1 015", "tmt", "Tahun TMT"),
        ("19670416 198403 1 015", "tmt", "sebelum pegawai berusia 18 tahun"),
        ("19670416 199303 3 015", "jenis_kelamin", "harus 1 (laki-laki) atau 2 (perempuan)"),
        ("19670416 199303 1 000", "urut", "tidak boleh 000"),
    ],
)
def test_nip_salah_menyebut_bagiannya(teks, bagian, pesan):
    with pytest.raises(NIPTidakSah) as e:
        urai_nip(teks, HARI_INI)
    assert e.value.bagian == bagian
    assert pesan in e.value.pesan


def test_tmt_tepat_usia_18_diterima():
    assert nip_sah("19670416 198504 1 001", HARI_INI)
    assert not nip_sah("19670416 198503 1 001", HARI_INI)


def test_nip_pppk_diterima():
    """A PPPK NIP carries `2n` (PPPK code, intake) where a PNS NIP has the TMT month: 19900101 2022 2 1 1 001."""
    n = urai_nip("19900101 202221 1 001", HARI_INI)
    assert n.pppk and n.tmt_bulan is None and n.angkatan_pppk == 1
    assert (n.tmt_tahun, n.jenis_kelamin, n.urut) == (2022, "L", 1)
    assert n.tmt_label == "PPPK 2022 tahap 1"
    assert not urai_nip("19670416 199303 1 015", HARI_INI).pppk


def test_nip_pppk_tahap_nol_dan_bulan_lain_ditolak():
    with pytest.raises(NIPTidakSah, match=r"21 s\.d\. 29"):
        urai_nip("19900101 202220 1 001", HARI_INI)
    with pytest.raises(NIPTidakSah, match=r"21 s\.d\. 29"):
        urai_nip("19900101 202231 1 001", HARI_INI)
