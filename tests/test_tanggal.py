"""Dates as people type them (aturan.tanggal) and how dates, times and decimals are written (aturan.sebutan)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sistemkerja_tui.aturan.sebutan import desimal, tanggal_singkat, waktu_singkat
from sistemkerja_tui.aturan.tanggal import CONTOH, baca_tanggal

AKHIR_TAHUN = date(2026, 12, 31)


@pytest.mark.parametrize(
    "teks",
    ["31-12-2026", "31/12/2026", "2026-12-31", "31 Desember 2026", "31 desember 2026", "31 DES 2026", "  31-12-2026  "],
)
def test_bentuk_yang_diterima(teks):
    assert baca_tanggal(teks, "Selesai") == AKHIR_TAHUN


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("1 Juli 2026", date(2026, 7, 1)),
        ("1 juli 2026", date(2026, 7, 1)),
        ("01 Jul 2026", date(2026, 7, 1)),
        ("01 Jul. 2026", date(2026, 7, 1)),
        ("1  Juli   2026", date(2026, 7, 1)),
        ("1 Agustus 2026", date(2026, 8, 1)),
        ("17 Agt 2026", date(2026, 8, 17)),
        ("17 Agu 2026", date(2026, 8, 17)),
        ("17 Ags 2026", date(2026, 8, 17)),
        ("17 Agus 2026", date(2026, 8, 17)),
        ("2 Mei 2026", date(2026, 5, 2)),
        ("3 Okt 2026", date(2026, 10, 3)),
        ("9 Sept 2026", date(2026, 9, 9)),
        ("10 Nopember 2026", date(2026, 11, 10)),
        ("29 Februari 2028", date(2028, 2, 29)),
        ("1-7-2026", date(2026, 7, 1)),
        ("2026-7-1", date(2026, 7, 1)),
    ],
)
def test_nama_dan_singkatan_bulan(teks, hasil):
    assert baca_tanggal(teks, "Mulai") == hasil


@pytest.mark.parametrize(
    ("teks", "potongan"),
    [
        ("31-02-2026", "Februari 2026 bertanggal 1 sampai 28"),
        ("29 Februari 2026", "Februari 2026 bertanggal 1 sampai 28"),
        ("31 Juni 2026", "Juni 2026 bertanggal 1 sampai 30"),
        ("00-01-2026", "Januari 2026 bertanggal 1 sampai 31"),
        ("2026-13-01", "bulan 13"),
        ("12-31-2026", "bulan 31"),
        ("1 Juky 2026", "nama bulan 'Juky' tidak dikenal"),
        ("31-12-26", "tidak dapat dibaca"),
        ("31.12.2026", "tidak dapat dibaca"),
        ("31-12/2026", "tidak dapat dibaca"),
        ("besok", "tidak dapat dibaca"),
        ("20261231", "tidak dapat dibaca"),
        ("0000-01-01", "tahun 0"),
    ],
)
def test_yang_ditolak_menyebut_bidang_dan_bentuk_yang_diterima(teks, potongan):
    with pytest.raises(ValueError, match=r"^Tanggal selesai") as galat:
        baca_tanggal(teks, "Tanggal selesai")
    pesan = str(galat.value)
    assert potongan in pesan
    assert CONTOH in pesan or "bertanggal" in pesan


def test_kosong():
    assert baca_tanggal("   ", "Tenggat", boleh_kosong=True) is None
    with pytest.raises(ValueError, match=r"^Tanggal mulai wajib diisi"):
        baca_tanggal(" ", "Tanggal mulai")


def test_tanggal_dan_waktu_singkat():
    assert tanggal_singkat(date(2026, 7, 1)) == "01-07-2026"
    assert waktu_singkat(datetime(2026, 12, 1, 14, 5, 59)) == "01-12-2026 14.05"
    assert baca_tanggal(tanggal_singkat(AKHIR_TAHUN), "Selesai") == AKHIR_TAHUN


def test_desimal_cara_indonesia():
    assert desimal(0.0625) == "0,06"
    assert desimal(1234.5) == "1.234,50"
    assert desimal(2) == "2,00"
    assert desimal(1 / 3, 1) == "0,3"
    assert desimal(7.4, 0) == "7"
