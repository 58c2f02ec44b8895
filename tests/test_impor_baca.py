"""Reading import files end to end: SIASN CSV (with its quirks), cp1252/`;`, BOM, e-Kinerja xlsx, .ods, .xls, units."""

from __future__ import annotations

import tracemalloc
from dataclasses import replace
from datetime import date, datetime

import pytest
from tests.berkas_impor import (
    EKINERJA_BARIS_HEADER,
    SIASN_KOLOM,
    SIASN_KOLOM_BARU,
    id_unor,
    pegawai_fiktif,
    tabel_duk,
    tabel_unit,
    tulis_csv,
    tulis_ekinerja_xlsx,
    tulis_ods,
    tulis_siasn_csv,
    tulis_siasn_xlsx,
    tulis_xls,
    tulis_xlsx,
    ubah,
    unit_fiktif,
)

from sistemkerja_tui.aturan.enums import JenisJabatan, JenisUnit, Jenjang, Pendidikan, StatusASN
from sistemkerja_tui.impor.berkas import BerkasTidakTerbaca, baca_tabel
from sistemkerja_tui.impor.kolom import PEGAWAI
from sistemkerja_tui.impor.nilai import PERBAIKI_NIP_ANGKA
from sistemkerja_tui.impor.pegawai import baca_pegawai
from sistemkerja_tui.impor.unit import baca_unit, unit_dari_pegawai

UNIT = {id_unor("U05"): "Seksi Pelayanan Kesehatan Primer", id_unor("U06"): "UPTD Puskesmas Sukamaju Fiktif"}


@pytest.fixture(scope="module")
def pegawai():
    daftar = pegawai_fiktif(60, UNIT, seed=11)
    # names a cp1252 file can carry and a wrong guess would garble
    daftar[0] = ubah(daftar[0], nama="Désy Wahyuningsih")
    daftar[1] = ubah(daftar[1], nama="Stéfanus Peñalosa")
    return daftar


def _sama(hasil, pegawai, *, golongan=True):
    """Every generated pegawai came back with the values the reader should make of it."""
    assert hasil.ditolak == []
    assert len(hasil.baris) == hasil.jumlah_baris == len(pegawai)
    for b, p in zip(hasil.baris, pegawai, strict=True):
        assert (b.nip, b.nama, b.jenis_jabatan, b.jenjang, b.status_asn) == (
            p.nip,
            p.nama,
            p.jenis_jabatan,
            p.jenjang,
            p.status_asn,
        )
        assert b.tanggal_lahir == p.tanggal_lahir
        if golongan:
            assert b.golongan == p.golongan


@pytest.mark.parametrize("kolom", [SIASN_KOLOM, SIASN_KOLOM_BARU])
def test_ekspor_siasn_csv_dengan_kutip_null_dan_tanggal(tmp_path, pegawai, kolom):
    berkas = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai, kolom=kolom)
    teks = berkas.read_text()
    assert f",'{pegawai[0].nip}," in teks and ",null," in teks  # the quirks are really in the file

    hasil = baca_pegawai(berkas)

    assert hasil.baris_header == 1 and len(kolom) in (64, 67)
    _sama(hasil, pegawai)
    assert [b.baris for b in hasil.baris[:2]] == [2, 3]
    assert hasil.pemetaan["NIP BARU"] == "nip" and hasil.pemetaan["UNOR ID"] == "unit_sumber_id"
    assert "NIP LAMA" not in hasil.pemetaan
    pertama, p = hasil.baris[2], pegawai[2]
    assert pertama.pns_id == p.pns_id and pertama.unit_sumber_id == p.unor_id and pertama.unit_nama == p.unor_nama
    assert pertama.pendidikan is p.pendidikan and (pertama.gelar_depan, pertama.gelar_belakang) == (
        p.gelar_depan,
        p.gelar_belakang,
    )
    assert {"golongan", "pendidikan", "status_asn", "pns_id"} <= pertama.bidang_berkas
    jf = next(b for b in hasil.baris if b.jenis_jabatan is JenisJabatan.FUNGSIONAL)
    assert jf.nama_jabatan.endswith(jf.jenjang.label) and jf.nama_jf == jf.nama_jabatan.removesuffix(
        " " + jf.jenjang.label
    )


def test_csv_titik_koma_cp1252_seperti_excel_windows(tmp_path, pegawai):
    berkas = tulis_siasn_csv(tmp_path / "excel.csv", pegawai, delimiter=";", encoding="cp1252")
    assert "é".encode("cp1252") in berkas.read_bytes()

    hasil = baca_pegawai(berkas)

    _sama(hasil, pegawai)
    assert [b.nama for b in hasil.baris[:2]] == ["Désy Wahyuningsih", "Stéfanus Peñalosa"]


def test_csv_utf8_dengan_bom(tmp_path, pegawai):
    berkas = tulis_siasn_csv(tmp_path / "bom.csv", pegawai, encoding="utf-8-sig")
    assert berkas.read_bytes().startswith(b"\xef\xbb\xbf")

    hasil = baca_pegawai(berkas)

    assert next(iter(hasil.pemetaan)) == "PNS ID"  # the BOM is not part of the first header
    _sama(hasil, pegawai)


def test_teks_unicode_excel_utf16_tab(tmp_path, pegawai):
    """Excel's "Unicode Text (*.txt)": UTF-16 with a BOM, tab-separated."""
    berkas = tulis_siasn_csv(tmp_path / "unicode.txt", pegawai[:5], delimiter="\t", encoding="utf-16")
    hasil = baca_pegawai(berkas)
    _sama(hasil, pegawai[:5])
    assert hasil.baris[0].nama == "Désy Wahyuningsih"


@pytest.mark.parametrize("pemisah", ["\t", "|"])
def test_csv_tab_dan_garis_tegak(tmp_path, pegawai, pemisah):
    hasil = baca_pegawai(tulis_siasn_csv(tmp_path / "x.csv", pegawai[:10], delimiter=pemisah, kutip=False))
    _sama(hasil, pegawai[:10])


def test_ekinerja_xlsx_dengan_blok_judul(tmp_path, pegawai):
    atasan = {"Seksi Pelayanan Kesehatan Primer": "Bidang Pelayanan Kesehatan"}
    hasil = baca_pegawai(tulis_ekinerja_xlsx(tmp_path / "skp.xlsx", pegawai, unit_atasan=atasan))

    assert hasil.baris_header == EKINERJA_BARIS_HEADER == 8
    _sama(hasil, pegawai, golongan=False)  # Laporan SKP carries no golongan
    assert hasil.baris[0].baris == 9
    assert hasil.pemetaan["skp_unor"] == "unit_nama" and "unit" not in hasil.pemetaan  # skp_unor preferred
    seksi = next(b for b in hasil.baris if b.unit_nama == "Seksi Pelayanan Kesehatan Primer")
    assert seksi.unit_induk_nama == "Bidang Pelayanan Kesehatan"
    assert all(b.golongan == "" and "golongan" not in b.bidang_berkas for b in hasil.baris)
    dokter = next(b for b in hasil.baris if b.nama_jabatan.startswith("Dokter"))  # "dr. …, M.Kes." in one column
    p = next(p for p in pegawai if p.nip == dokter.nip)
    assert (dokter.gelar_depan, dokter.nama, dokter.gelar_belakang) == (p.gelar_depan, p.nama, p.gelar_belakang)

    unit = unit_dari_pegawai(hasil.baris)
    induk = {u.nama: u for u in unit}
    assert induk["Seksi Pelayanan Kesehatan Primer"].induk_sumber_id == "Bidang Pelayanan Kesehatan"
    assert induk["Bidang Pelayanan Kesehatan"].jenis is JenisUnit.BIDANG
    assert induk["UPTD Puskesmas Sukamaju Fiktif"].jenis is JenisUnit.PUSKESMAS


def test_ekinerja_penilaian_membawa_nip_atasan(tmp_path, pegawai):
    daftar = [ubah(p, atasan_nip=pegawai[0].nip) for p in pegawai[1:6]]
    hasil = baca_pegawai(tulis_ekinerja_xlsx(tmp_path / "nilai.xlsx", daftar, jenis="penilaian"))

    _sama(hasil, daftar)
    assert {b.atasan_nip for b in hasil.baris} == {pegawai[0].nip}
    assert {b.unit_sumber_id for b in hasil.baris} <= set(UNIT)


@pytest.mark.parametrize("jenis", ["ods", "xls"])
def test_duk_ods_dan_xls(tmp_path, pegawai, jenis):
    tulis = tulis_ods if jenis == "ods" else tulis_xls
    hasil = baca_pegawai(tulis(tmp_path / f"duk.{jenis}", tabel_duk(pegawai)))

    _sama(hasil, pegawai)
    assert hasil.pemetaan["NAMA LENGKAP"] == "nama" and hasil.pemetaan["GOL/RUANG"] == "golongan"
    for b, p in zip(hasil.baris, pegawai, strict=True):
        assert (b.gelar_depan, b.gelar_belakang, b.pendidikan, b.unit_nama) == (
            p.gelar_depan,
            p.gelar_belakang,
            p.pendidikan,
            p.unor_nama,
        )


def test_nip_sebagai_angka_ditolak_dengan_cara_memperbaiki(tmp_path, pegawai):
    hasil = baca_pegawai(tulis_siasn_xlsx(tmp_path / "angka.xlsx", pegawai[:4], nip_angka=True))

    assert hasil.baris == [] and hasil.jumlah_baris == 4
    assert [(t.baris, t.kolom) for t in hasil.ditolak] == [
        (2, "NIP BARU"),
        (3, "NIP BARU"),
        (4, "NIP BARU"),
        (5, "NIP BARU"),
    ]
    assert hasil.ditolak[0].alasan == PERBAIKI_NIP_ANGKA
    assert "Teks" in PERBAIKI_NIP_ANGKA and "Ekspor ulang" in PERBAIKI_NIP_ANGKA


def test_nip_angka_dalam_csv_juga_ditolak(tmp_path, pegawai):
    ganti = {0: {"NIP BARU": "1.97803E+17"}, 1: {"NIP BARU": "197803152005011002.0"}, 2: {"NIP BARU": "1,97803E+17"}}
    hasil = baca_pegawai(tulis_siasn_csv(tmp_path / "a.csv", pegawai[:5], ganti=ganti, kutip=False))

    assert [t.baris for t in hasil.ditolak] == [2, 3, 4]
    assert all(t.alasan == PERBAIKI_NIP_ANGKA for t in hasil.ditolak)
    assert [b.nip for b in hasil.baris] == [p.nip for p in pegawai[3:5]]


def test_tanggal_sebagai_sel_tanggal_dan_nomor_seri_excel(tmp_path, pegawai):
    p0, p1 = pegawai[:2]
    serial = (p1.tanggal_lahir - date(1899, 12, 30)).days
    ganti = {0: {"TANGGAL LAHIR": datetime(p0.tanggal_lahir.year, p0.tanggal_lahir.month, p0.tanggal_lahir.day)}}
    ganti[1] = {"TANGGAL LAHIR": float(serial)}
    hasil = baca_pegawai(tulis_siasn_xlsx(tmp_path / "tgl.xlsx", pegawai[:2], ganti=ganti))
    assert [b.tanggal_lahir for b in hasil.baris] == [p0.tanggal_lahir, p1.tanggal_lahir]


def test_baris_rusak_ditolak_satu_per_satu(tmp_path, pegawai):
    jf = next(i for i, p in enumerate(pegawai) if i > 13 and p.jenis_jabatan is JenisJabatan.FUNGSIONAL)
    ganti = {
        0: {"NIP BARU": "'197803152005131002"},  # TMT month 13
        1: {"GOL AKHIR NAMA": "III/z", "GOL AKHIR ID": "null"},
        2: {"TANGGAL LAHIR": "31-02-1980"},
        3: {"NAMA": "null"},
        4: {"NIP BARU": "'" + pegawai[5].nip},  # the same NIP as row 7
        jf: {"JABATAN NAMA": "Perawat"},  # a JF without its jenjang
        10: {"TINGKAT PENDIDIKAN ID": "99", "TINGKAT PENDIDIKAN NAMA": "null"},
        11: {"JENIS JABATAN ID": "7"},
        12: {"JENIS PEGAWAI NAMA": "PPPK", "GOL AKHIR NAMA": "III/c", "GOL AKHIR ID": "33"},
    }
    hasil = baca_pegawai(tulis_siasn_csv(tmp_path / "rusak.csv", pegawai, ganti=ganti))

    ditolak = {t.baris: t for t in hasil.ditolak}
    assert sorted(ditolak) == sorted({2, 3, 4, 5, 7, jf + 2, 12, 13, 14})
    assert ditolak[2].kolom == "NIP BARU" and "Bulan" in ditolak[2].alasan
    assert ditolak[3].kolom == "GOL AKHIR NAMA" and "III/b" in ditolak[3].alasan
    assert ditolak[4].kolom == "TANGGAL LAHIR" and "Februari" in ditolak[4].alasan
    assert ditolak[5].kolom == "NAMA"
    assert ditolak[7].kolom == "NIP BARU" and "baris 6" in ditolak[7].alasan  # row 6 holds it first
    assert ditolak[jf + 2].kolom == "JABATAN NAMA" and "Ahli Pertama" in ditolak[jf + 2].alasan
    assert ditolak[12].kolom == "TINGKAT PENDIDIKAN ID" and "05 SD" in ditolak[12].alasan
    assert ditolak[13].kolom == "JENIS JABATAN ID"
    assert ditolak[14].kolom == "GOL AKHIR NAMA" and "golongan PNS, padahal jenis pegawainya PPPK" in ditolak[14].alasan
    assert {b.baris for b in hasil.baris}.isdisjoint(ditolak)
    assert len(hasil.baris) + len(ditolak) == hasil.jumlah_baris == len(pegawai)


def test_kolom_wajib_hilang_disebut_dengan_judul_yang_diterima(tmp_path, pegawai):
    kolom = [k for k in SIASN_KOLOM if k != "JABATAN NAMA"]
    hasil = baca_pegawai(tulis_siasn_csv(tmp_path / "kurang.csv", pegawai[:3], kolom=kolom))

    assert hasil.kolom_wajib_hilang == ["Jabatan"]
    assert hasil.baris == [] and hasil.ditolak == []
    assert "Kolom Jabatan tidak ditemukan" in hasil.catatan[0] and "JABATAN NAMA" in hasil.catatan[0]


def test_tanpa_baris_judul(tmp_path):
    hasil = baca_pegawai(tulis_csv(tmp_path / "x.csv", [["a", "b"], ["1", "2"]]))
    assert hasil.baris_header == 0 and hasil.kolom_wajib_hilang == ["NIP", "Nama", "Jabatan"]
    assert "20 baris pertama" in hasil.catatan[0]


def test_berkas_yang_tidak_dapat_dibaca(tmp_path):
    with pytest.raises(BerkasTidakTerbaca, match="tidak ditemukan"):
        baca_pegawai(tmp_path / "tidak-ada.csv")
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(BerkasTidakTerbaca, match=r"\.xlsx"):
        baca_pegawai(tmp_path / "a.pdf")
    (tmp_path / "rusak.xlsx").write_bytes(b"bukan zip")
    with pytest.raises(BerkasTidakTerbaca, match="simpan ulang"):
        baca_pegawai(tmp_path / "rusak.xlsx")


def test_kemajuan_dilaporkan(tmp_path):
    daftar = pegawai_fiktif(2500, UNIT, seed=3)
    laporan = []
    hasil = baca_pegawai(tulis_siasn_csv(tmp_path / "besar.csv", daftar), kemajuan=laporan.append)

    assert len(hasil.baris) == 2500
    assert laporan == [1000, 2000, 2500]


def test_csv_dibaca_bertahap(tmp_path):
    """Rows are streamed: walking 20 000 rows holds no more than a few rows at a time."""
    daftar = pegawai_fiktif(500, UNIT, seed=5)
    berkas = tulis_siasn_csv(tmp_path / "besar.csv", daftar * 40)
    assert berkas.stat().st_size > 8_000_000
    tracemalloc.start()
    try:
        tabel = baca_tabel(berkas, PEGAWAI.kenali)
        assert tabel is not None
        jumlah = sum(1 for _ in tabel.baris)
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert jumlah == 20_000
    assert puncak < 2_000_000  # bytes; the whole file is > 8 MB


def test_judul_kolom_yang_berulang_dan_baris_kosong_dilewati(tmp_path, pegawai):
    rows = tabel_duk(pegawai[:4])
    rows = [rows[0], rows[1], [], rows[2], rows[0], rows[3], ["", ""], rows[4]]  # a printout repeats the header
    hasil = baca_pegawai(tulis_csv(tmp_path / "cetak.csv", rows))
    assert hasil.ditolak == [] and [b.baris for b in hasil.baris] == [2, 4, 6, 8] and hasil.jumlah_baris == 4


def test_xlsx_judul_di_baris_ke_20(tmp_path, pegawai):
    judul = [[f"baris {i}"] for i in range(19)]
    rows = tabel_duk(pegawai[:3])
    hasil = baca_pegawai(tulis_xlsx(tmp_path / "jauh.xlsx", rows, judul=judul))
    assert hasil.baris_header == 20 and len(hasil.baris) == 3


def test_xlsx_tabel_tidak_di_pojok(tmp_path, pegawai):
    """Row numbers are the spreadsheet's own when the table starts at C4 below empty rows."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for j, (kepala, isi) in enumerate((("NIP", pegawai[0].nip), ("NAMA", "A"), ("JABATAN", "Perawat Ahli Muda")), 3):
        ws.cell(4, j, kepala)
        ws.cell(5, j, isi)
    wb.save(tmp_path / "c4.xlsx")
    hasil = baca_pegawai(tmp_path / "c4.xlsx")
    assert hasil.baris_header == 4 and hasil.baris[0].baris == 5


# --- units ---------------------------------------------------------------------------------------------------


def test_unit_ref_unor_csv(tmp_path):
    unit = unit_fiktif()
    unit[0] = replace(unit[0], pemimpin_pns_id="B2221A58008A05A6C4647159C324C985")
    hasil = baca_unit(tulis_csv(tmp_path / "unor.csv", tabel_unit(unit)))

    assert hasil.ditolak == [] and len(hasil.baris) == len(unit)
    assert hasil.pemetaan == {
        "Id": "sumber_id",
        "DiatasanId": "induk_sumber_id",
        "NamaUnor": "nama",
        "NamaJabatan": "nama_jabatan_pimpinan",
        "PemimpinPnsId": "pimpinan_pns_id",
    }
    akar, sekretariat = hasil.baris[0], hasil.baris[1]
    assert akar.induk_sumber_id is None and akar.pimpinan_pns_id == unit[0].pemimpin_pns_id
    assert sekretariat.induk_sumber_id == akar.sumber_id
    assert [(u.jenis, u.jenis_ditebak) for u in hasil.baris] == [
        (JenisUnit.DINAS, True),
        (JenisUnit.SEKRETARIAT, True),
        (JenisUnit.SUBBAGIAN, True),
        (JenisUnit.BIDANG, True),
        (JenisUnit.SEKSI, True),
        (JenisUnit.PUSKESMAS, True),
        (JenisUnit.RSUD, True),
    ]


def test_unit_snake_xlsx_dengan_jenis_kode_dan_nip_kepala(tmp_path, pegawai):
    rows = [["ID_UNOR", "NAMA_UNIT", "PARENT_ID", "JENIS UNIT", "KODE", "NIP KEPALA"]]
    rows += [
        ["K1", "Kecamatan Fiktif Utara", "", "Kecamatan", "400.1", pegawai[0].nip],
        ["K2", "Kelurahan Sumber Fiktif", "K1", "", "400.1.1", ""],
        ["K3", "Unit Layanan Terpadu", "K1", "UPTD", "", float(pegawai[1].nip)],
        ["K4", "Sesuatu", "K1", "Planet", "", ""],
        ["K2", "Kelurahan Kembar", "K1", "", "", ""],
    ]
    hasil = baca_unit(tulis_xlsx(tmp_path / "unit.xlsx", rows))

    assert [(u.sumber_id, u.jenis, u.jenis_ditebak, u.kode) for u in hasil.baris] == [
        ("K1", JenisUnit.KECAMATAN, False, "400.1"),
        ("K2", JenisUnit.KELURAHAN, True, "400.1.1"),
    ]
    assert hasil.baris[0].pimpinan_nip == pegawai[0].nip
    ditolak = {t.baris: t for t in hasil.ditolak}
    assert ditolak[4].kolom == "NIP KEPALA" and ditolak[4].alasan == PERBAIKI_NIP_ANGKA
    assert ditolak[5].kolom == "JENIS UNIT" and "Puskesmas" in ditolak[5].alasan
    assert ditolak[6].kolom == "ID_UNOR" and "baris 3" in ditolak[6].alasan


def test_unit_tanpa_kolom_nama(tmp_path):
    hasil = baca_unit(tulis_csv(tmp_path / "u.csv", [["Id", "DiatasanId"], ["1", ""]]))
    assert hasil.kolom_wajib_hilang == ["Nama unit"] and "NamaUnor" in hasil.catatan[0]


def test_pegawai_jenis_bawaan(tmp_path, pegawai):
    """Without status or education columns: PNS from the golongan, PPPK from its grade, education from the gelar."""
    rows = [["NIP", "NAMA", "GOLONGAN", "JABATAN"]]
    rows += [
        [pegawai[0].nip, "Agus Fiktif, S.Kom.", "III-b", "Pranata Komputer Ahli Pertama"],
        [pegawai[1].nip, "Sri Fiktif, A.Md.Kep.", "IX", "Perawat Terampil"],
        [pegawai[2].nip, "Budi Fiktif", "32", "Kepala Seksi Pelayanan"],
        ["198902252024211013", "Tika Fiktif", "", "Pengelola Umum Operasional"],
    ]
    hasil = baca_pegawai(tulis_csv(tmp_path / "duk.csv", rows))

    a, b, c, d = hasil.baris
    assert (a.status_asn, a.golongan, a.pendidikan, a.jenjang) == (
        StatusASN.PNS,
        "III/b",
        Pendidikan.S1,
        Jenjang.AHLI_PERTAMA,
    )
    assert (b.status_asn, b.golongan, b.pendidikan, b.jenjang) == (
        StatusASN.PPPK,
        "IX",
        Pendidikan.D3,
        Jenjang.TERAMPIL,
    )
    assert (c.golongan, c.jenis_jabatan, c.pendidikan) == ("III/b", JenisJabatan.PENGAWAS, Pendidikan.SMA)
    assert "pendidikan" not in a.bidang_berkas and "status_asn" in a.bidang_berkas
    assert d.status_asn is StatusASN.PPPK and d.golongan == "" and "status_asn" not in d.bidang_berkas
