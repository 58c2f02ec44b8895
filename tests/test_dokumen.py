"""Office documents (issue 12 parts 4 and 5): one registered letter in any format, .docx from Word templates, PDF.

The shipped Word templates follow what Pemda guidance commonly sets (F4/Folio 215 × 330 mm, margins 2.5/3/3/2.5
cm, Arial 12) and the FORMAT NASKAH DINAS of Perbup Luwu Utara 59/2023 (huruf a–g): the documents are read back
with python-docx and, where LibreOffice is installed, as PDF with poppler's pdftotext.
"""

from __future__ import annotations

import dataclasses
import difflib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from tests.bantu import sql as _sql
from tests.test_surat import KABID, KOLEKTIF, KONTEKS, REKOMENDASI_BANYAK, RINA

from sistemkerja_tui.aturan.enums import PredikatPenilaian
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.surat import JenisSurat
from sistemkerja_tui.surat import TemplatTidakSah, render
from sistemkerja_tui.surat.dokumen import berkas_templat, render_docx
from sistemkerja_tui.surat.konteks import Kop, Orang, Penandatangan
from sistemkerja_tui.surat.lingkungan import tanggal
from sistemkerja_tui.surat.pulih import KonteksRusak, pulihkan

KASUS = [(j.value, j, k) for j, k in KONTEKS.items()] + [
    ("surat_tugas_kolektif", JenisSurat.SURAT_TUGAS, KOLEKTIF),
    ("rekomendasi_banyak", JenisSurat.REKOMENDASI_PENILAIAN, REKOMENDASI_BANYAK),
]
_KK = {"sebutan_tim": "Kelompok Kerja"}  # the profile's term (Klaten), printed before nama_tim


def _ganti(jenis: JenisSurat, **isian):
    return dataclasses.replace(KONTEKS[jenis], **isian)


def _ganti_isi(jenis: JenisSurat, **isian):
    k: Any = KONTEKS[jenis]  # one of the three kinds with an IsiPermohonan
    return dataclasses.replace(k, isi=dataclasses.replace(k.isi, **isian))


# every condition of the text templates, so the wording test walks each branch of the Word templates too
VARIASI = [
    (
        "keputusan_pokja_berlaku_nomor_tanpa_tahun",
        JenisSurat.KEPUTUSAN_TIM,
        _ganti(
            JenisSurat.KEPUTUSAN_TIM,
            kepala=dataclasses.replace(
                KONTEKS[JenisSurat.KEPUTUSAN_TIM].kepala, nomor="800.1.3/12/DINKES", tembusan=()
            ),
            berlaku=date(2026, 2, 1),
            pengarah=(),
            diktum_tambahan=(),
            **_KK,
        ),
    ),
    ("surat_tugas_tanpa_ppk", JenisSurat.SURAT_TUGAS, _ganti(JenisSurat.SURAT_TUGAS, ppk=None)),
    (
        "surat_tugas_kolektif_satu_ppk_satu_peran",
        JenisSurat.SURAT_TUGAS,
        dataclasses.replace(KOLEKTIF, ppk=KABID, peran=("Anggota", "Anggota"), ppk_anggota=(KABID.jabatan,) * 2),
    ),
    (
        "surat_tugas_kolektif_tanpa_peran",
        JenisSurat.SURAT_TUGAS,
        dataclasses.replace(KOLEKTIF, peran=()),
    ),
    (
        "permohonan_pelibatan_tanpa_kegiatan_tanpa_calon",
        JenisSurat.PERMOHONAN_PELIBATAN,
        _ganti_isi(JenisSurat.PERMOHONAN_PELIBATAN, kegiatan="", calon=(), **_KK),
    ),
    (
        "permohonan_pelibatan_tanpa_kegiatan",
        JenisSurat.PERMOHONAN_PELIBATAN,
        _ganti_isi(JenisSurat.PERMOHONAN_PELIBATAN, kegiatan="", **_KK),
    ),
    ("nota_dinas_tanpa_kegiatan", JenisSurat.NOTA_DINAS, _ganti_isi(JenisSurat.NOTA_DINAS, kegiatan="", **_KK)),
    ("nota_dinas_tanpa_calon", JenisSurat.NOTA_DINAS, _ganti_isi(JenisSurat.NOTA_DINAS, calon=())),
    (
        "persetujuan_tanpa_kegiatan",
        JenisSurat.PERSETUJUAN_ANGGOTA,
        _ganti(JenisSurat.PERSETUJUAN_ANGGOTA, kegiatan="", **_KK),
    ),
    ("penolakan_tanpa_pegawai", JenisSurat.PENOLAKAN, _ganti(JenisSurat.PENOLAKAN, pegawai=(), **_KK)),
    ("penolakan_tanpa_kegiatan", JenisSurat.PENOLAKAN, _ganti(JenisSurat.PENOLAKAN, kegiatan="")),
    (
        "lintas_instansi_dengan_calon_tanpa_kegiatan",
        JenisSurat.PERMOHONAN_LINTAS_INSTANSI,
        _ganti_isi(JenisSurat.PERMOHONAN_LINTAS_INSTANSI, kegiatan="", calon=(RINA,), **_KK),
    ),
    (
        "sukarela_tanpa_penyetuju",
        JenisSurat.SUKARELA_LINTAS_UNIT,
        _ganti(JenisSurat.SUKARELA_LINTAS_UNIT, penyetuju=None, **_KK),
    ),
    (
        "rekomendasi_tanpa_catatan",
        JenisSurat.REKOMENDASI_PENILAIAN,
        _ganti(
            JenisSurat.REKOMENDASI_PENILAIAN,
            rekomendasi=(dataclasses.replace(REKOMENDASI_BANYAK.rekomendasi[0], catatan=""),),
            **_KK,
        ),
    ),
]
ADA_PDF = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None
PERLU_PDF = pytest.mark.skipif(not ADA_PDF, reason="LibreOffice (soffice) atau pdftotext tidak terpasang")


def _dok(data: bytes):
    return docx.Document(io.BytesIO(data))


def _paragraf(wadah):
    """Every paragraph of a document or cell in order, tables (nested too) included."""
    for anak in wadah.iter_inner_content():
        if isinstance(anak, docx.table.Table):
            for baris in anak.rows:
                for sel in baris.cells:
                    yield from _paragraf(sel)
        else:
            yield anak


def _teks_docx(dok) -> str:
    return "\n".join(p.text for p in _paragraf(dok))


def _rata(teks: str) -> str:
    return " ".join(teks.split())


_GABUNGAN = {"nama_dan_jabatan"}  # "nama (jabatan)": the .docx puts each in its own column


def _isian(nilai, keluar: set[str]) -> set[str]:
    """Every text a context can put on paper: strings, dates as written, enum labels, and the properties and
    signature lines of its dataclasses."""
    if isinstance(nilai, Enum):
        keluar.add(getattr(nilai, "label", str(nilai)))
    elif isinstance(nilai, str):
        keluar.add(nilai)
    elif isinstance(nilai, date):
        keluar.add(tanggal(nilai))
    elif isinstance(nilai, (tuple, list)):
        for x in nilai:
            _isian(x, keluar)
    elif dataclasses.is_dataclass(nilai):
        for f in dataclasses.fields(nilai):
            _isian(getattr(nilai, f.name), keluar)
        for nama, atribut in vars(type(nilai)).items():
            if isinstance(atribut, property) and nama not in _GABUNGAN:
                _isian(getattr(nilai, nama), keluar)
        if isinstance(nilai, Penandatangan):
            _isian([nilai.baris_nama(True), nilai.baris_nama(False)], keluar)
    return keluar


# --- the context rebuilt from the register's JSON ----------------------------------------------------


@pytest.mark.parametrize(("nama", "jenis", "konteks"), KASUS, ids=[k[0] for k in KASUS])
def test_konteks_dipulihkan_dari_json_register(nama, jenis, konteks):
    teks_json = json.dumps(dataclasses.asdict(konteks), ensure_ascii=False, default=str)
    assert pulihkan(jenis, teks_json) == konteks


def test_konteks_dengan_isian_baru_dipulihkan_menurut_petunjuk_tipe():
    """A field another change adds to a context (here a made-up one) is rebuilt by its type hint, no code."""

    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Contoh:
        orang: tuple[Orang, ...]
        per_peran: dict[str, list[Orang]]
        predikat: PredikatPenilaian | None = None
        berlaku: date | None = None

    from sistemkerja_tui.surat.pulih import _dataclass

    asli = Contoh(
        orang=(KONTEKS[JenisSurat.SURAT_TUGAS].pegawai[0],),
        per_peran={"ketua": [KONTEKS[JenisSurat.SURAT_TUGAS].pegawai[0]]},
        predikat=PredikatPenilaian.DI_ATAS,
        berlaku=date(2026, 3, 1),
    )
    data = json.loads(json.dumps(dataclasses.asdict(asli), default=str))
    assert _dataclass(Contoh, data, "") == asli


def test_konteks_lama_tanpa_isian_baru_memakai_bawaan_dan_yang_rusak_ditolak():
    k = KONTEKS[JenisSurat.KEPUTUSAN_TIM]
    data = dataclasses.asdict(k)
    del data["diktum_tambahan"]  # a field added after the letter was registered
    assert pulihkan(JenisSurat.KEPUTUSAN_TIM, data).diktum_tambahan == ()
    with pytest.raises(KonteksRusak, match="Keputusan"):
        pulihkan(JenisSurat.KEPUTUSAN_TIM, "{bukan json")
    del data["kepala"]
    with pytest.raises(KonteksRusak, match="kepala"):
        pulihkan(JenisSurat.KEPUTUSAN_TIM, data)


# --- the shipped Word templates --------------------------------------------------------------------------


@pytest.mark.parametrize(("nama", "jenis", "konteks"), KASUS + VARIASI, ids=[k[0] for k in KASUS + VARIASI])
def test_docx_memuat_setiap_isian_yang_dimuat_teks(nama, jenis, konteks):
    """One context per letter: whatever the .txt shows of it (names, NIPs, number, dates, hal…), the .docx too."""
    teks = _rata(render(jenis, konteks).teks)
    isi_docx = _rata(_teks_docx(_dok(render_docx(jenis, konteks))))
    ditampilkan = {_rata(v) for v in _isian(konteks, set()) if len(_rata(v)) > 1 and _rata(v) in teks}
    assert len(ditampilkan) >= 8 and (konteks.kepala.nomor in ditampilkan or jenis is JenisSurat.SUKARELA_LINTAS_UNIT)
    hilang = sorted(v for v in ditampilkan if v not in isi_docx)
    assert hilang == []


_TANDA = "():;,"


def _kata_teks(teks: str) -> list[str]:
    """The .txt's words, minus layout: the rules of `=` or `-` (kop, Nota Dinas, plain-text tables)."""
    return [w for w in teks.split() if not (len(w) >= 3 and set(w) <= set("=-"))]


def _kata_docx(dok) -> tuple[list[str], list[tuple[int, int]]]:
    """The .docx's words in reading order (tables row by row), and the spans of its bordered tables' words."""
    kata: list[str] = []
    bingkai: list[tuple[int, int]] = []

    def baca(wadah) -> None:
        for anak in wadah.iter_inner_content():
            if not isinstance(anak, docx.table.Table):
                kata.extend(anak.text.split())
                continue
            awal = len(kata)
            for baris in anak.rows:
                for sel in baris.cells:
                    baca(sel)
            if anak.style is not None and anak.style.name == "Table Grid":
                bingkai.append((awal, len(kata)))

    baca(dok)
    return kata, bingkai


def _beda_kata(teks: list[str], isi_docx: list[str], bingkai: list[tuple[int, int]]) -> list[str]:
    """Where the .docx does not say what the .txt says, word for word and in order.

    Only a bordered table (a lampiran list) may differ: there the .txt's words may come in another order (its
    plain-text table wraps cells side by side) and lose their `:`/brackets, and the table adds column headings,
    as long as each of those .txt words is in that table.
    """
    beda = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=teks, b=isi_docx, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        tabel = next(((a, b) for a, b in bingkai if a <= j1 and j2 <= b), None)
        if tabel is not None:
            di_tabel = {w.strip(_TANDA) for w in isi_docx[tabel[0] : tabel[1]]}
            if all(w.strip(_TANDA) in di_tabel | {""} for w in teks[i1:i2]):
                continue
        beda.append(f"teks «{' '.join(teks[i1:i2])}» / docx «{' '.join(isi_docx[j1:j2])}»")
    return beda


@pytest.mark.parametrize(("nama", "jenis", "konteks"), KASUS + VARIASI, ids=[k[0] for k in KASUS + VARIASI])
def test_docx_berbunyi_sama_dengan_teks(nama, jenis, konteks):
    """The Word template says what the text template says: the same parts, fixed phrases and conditions, in
    the same order (the .txt's words, minus layout, are the .docx's words); lampiran tables may reorder."""
    isi_docx, bingkai = _kata_docx(_dok(render_docx(jenis, konteks)))
    assert _beda_kata(_kata_teks(render(jenis, konteks).teks), isi_docx, bingkai) == []


def test_pembanding_kata_menangkap_frasa_yang_hilang():
    teks = _kata_teks("anggota Tim Kerja Percepatan Tahun Anggaran 2026 1. Budi Bidan 2. Rina Perawat")
    assert _beda_kata(teks, [w for w in teks if w != "Kerja"], []) == ["teks «Kerja» / docx «»"]
    assert _beda_kata(teks, ["anggota", "Tim", *teks[1:]], [])  # "Tim Tim Kerja"
    tabel = _kata_teks("No. Nama Jabatan 1. Budi Bidan 2. Rina Perawat")  # the list as a bordered table
    assert _beda_kata(teks, teks[:7] + tabel, [(7, 7 + len(tabel))]) == []
    assert _beda_kata(teks, teks[:7] + tabel[:-1], [(7, 6 + len(tabel))])  # a person's office lost


@pytest.mark.parametrize(("nama", "jenis", "konteks"), KASUS, ids=[k[0] for k in KASUS])
def test_docx_f4_margin_arial_tanpa_spasi_perataan(nama, jenis, konteks):
    dok = _dok(render_docx(jenis, konteks))
    (bagian,) = dok.sections
    assert (round(bagian.page_width.mm), round(bagian.page_height.mm)) == (215, 330)  # F4/Folio
    assert [round(x.cm, 2) for x in (bagian.top_margin, bagian.bottom_margin)] == [2.5, 3.0]
    assert [round(x.cm, 2) for x in (bagian.left_margin, bagian.right_margin)] == [3.0, 2.5]
    normal = dok.styles["Normal"].font
    assert (normal.name, normal.size.pt) == ("Arial", 12)
    for run in (r for p in _paragraf(dok) for r in p.runs):
        assert run.font.name in (None, "Arial")
    # page numbers from page 2: a PAGE field in the footer of later pages, none on the first page
    assert bagian.different_first_page_header_footer
    assert bagian.footer._element.xpath(".//w:fldSimple[contains(@w:instr, 'PAGE')]")
    assert not bagian.first_page_footer._element.xpath(".//w:fldSimple")
    for p in _paragraf(dok):
        assert "  " not in p.text and "===" not in p.text and "---" not in p.text, p.text
        assert "{{" not in p.text and "{%" not in p.text, p.text
    assert dok.tables, "heading fields and identity blocks sit in tables"


def _sel_berisi(dok, teks: str):
    return [s for t in dok.tables for r in t.rows for s in r.cells if teks in s.text]


def test_keputusan_kop_garis_tabel_lampiran_bergaris_dan_tanda_tangan_utuh():
    k = KONTEKS[JenisSurat.KEPUTUSAN_TIM]
    dok = _dok(render_docx(JenisSurat.KEPUTUSAN_TIM, k))
    kop = _sel_berisi(dok, k.kop.baris[0])[0]
    assert [p.text for p in kop.paragraphs] == list(k.kop.baris)
    assert all(p.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER for p in kop.paragraphs)
    garis = [p for p in dok.paragraphs if p._p.xpath("./w:pPr/w:pBdr/w:bottom")]
    assert garis and not garis[0].text  # the rule under the kop is a paragraph border
    lampiran = next(t for t in dok.tables if t.style is not None and t.style.name == "Table Grid")
    orang = [k.ketua, *k.anggota, *k.pengarah, *k.penanggung_jawab]
    assert len(lampiran.rows) == 1 + len(orang)
    assert lampiran.rows[0]._tr.xpath("./w:trPr/w:tblHeader")  # the heading row repeats on a new page
    # as the seed's "1. Pengarah : … 4. Anggota : 1. … 2. …": the role once, members numbered within it
    sel = [[c.text for c in r.cells] for r in lampiran.rows[1:]]
    assert [r[:2] for r in sel] == [
        ["1.", "Pengarah"],
        ["2.", "Penanggung Jawab"],
        ["3.", "Ketua"],
        ["4.", "Anggota"],
        ["", ""],
    ]
    assert [r[2:] for r in sel[3:]] == [[f"{i}. {o.nama_bergelar}", o.jabatan] for i, o in enumerate(k.anggota, 1)]
    judul = next(p for p in dok.paragraphs if p.text == "LAMPIRAN")
    assert judul.paragraph_format.page_break_before  # the lampiran starts a page: no empty page before it
    assert not [p for p in dok.paragraphs if p._p.xpath(".//w:br[@w:type='page']")]
    ttd = _sel_berisi(dok, "NIP. 19700101 199503 2 001")
    baris_ttd = ttd[0]._tc.getparent()
    assert baris_ttd.xpath("./w:trPr/w:cantSplit")  # the signature block never splits across pages
    baris = ttd[0].paragraphs
    nama = next(i for i, p in enumerate(baris) if p.runs and p.runs[0].bold)
    assert all(p.paragraph_format.keep_with_next for p in baris[: nama + 1])  # place, date, office, name together
    berlaku = _sel_berisi(dok, "Keputusan ini mulai berlaku")  # the last diktum: never a page of signature alone
    assert berlaku and all(p.paragraph_format.keep_with_next for sel in berlaku for p in sel.paragraphs)


def test_kop_kepala_daerah_alamat_tidak_dicetak_sebagai_nama():
    """A kop's names are in capitals (Pemda, then Perangkat Daerah larger); a Kepala Daerah's kop has its office
    and then the address, which stays small."""
    ukuran = {}
    for nama, baris in {
        "perangkat_daerah": KONTEKS[JenisSurat.KEPUTUSAN_TIM].kop.baris,
        "kepala_daerah": ("BUPATI SUKAMAJU", "Jalan Raya Pemuda Nomor 1, Sukamaju 45311", "Telepon (0262) 512345"),
    }.items():
        k = dataclasses.replace(KONTEKS[JenisSurat.KEPUTUSAN_TIM], kop=Kop(baris=baris))
        kop = _sel_berisi(_dok(render_docx(JenisSurat.KEPUTUSAN_TIM, k)), baris[0])[0]
        ukuran[nama] = [(p.text, p.runs[0].font.size.pt, bool(p.runs[0].bold)) for p in kop.paragraphs]
    assert [u[1:] for u in ukuran["perangkat_daerah"]] == [(14, True), (16, True), (10, False)]
    assert [u[1:] for u in ukuran["kepala_daerah"]] == [(14, True), (10, False), (10, False)]


def test_daftar_kosong_dalam_sel_tetap_berparagraf():
    """A loop over nothing in a cell (here: no Menimbang) leaves the cell a paragraph: Word needs one."""
    k = dataclasses.replace(KONTEKS[JenisSurat.KEPUTUSAN_TIM], menimbang=())
    dok = _dok(render_docx(JenisSurat.KEPUTUSAN_TIM, k))
    for sel in dok.element.body.iter(qn("w:tc")):
        assert sel.find(qn("w:p")) is not None
    assert all(t._tbl.tblPr.index(t._tbl.tblPr.find(qn("w:tblLook"))) == len(t._tbl.tblPr) - 1 for t in dok.tables)


def test_surat_tugas_kolektif_penutup_ikut_tanda_tangan_dan_lampiran_bergaris():
    dok = _dok(render_docx(JenisSurat.SURAT_TUGAS, KOLEKTIF))
    penutup = next(p for p in dok.paragraphs if p.text.startswith("Demikian surat tugas"))
    assert penutup.paragraph_format.keep_with_next
    # a bordered list per role under its heading, as the text's "1. Ketua", "2. Anggota"; then each one's PPK
    daftar = [t for t in dok.tables if t.style is not None and t.style.name == "Table Grid"]
    assert [[r.cells[1].paragraphs[0].text for r in t.rows[1:]] for t in daftar] == [
        [o.nama_bergelar] for o in KOLEKTIF.pegawai
    ]
    judul = [p.text for p in dok.paragraphs]
    assert "1. Ketua" in judul and "2. Anggota" in judul and "PEJABAT PENILAI KINERJA" in judul
    for o, ppk in zip(KOLEKTIF.pegawai, KOLEKTIF.ppk_anggota, strict=True):
        assert any(p.endswith(f"{o.nama_bergelar}: {ppk}") for p in judul)
    individu = _dok(render_docx(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS]))
    assert not [t for t in individu.tables if t.style is not None and t.style.name == "Table Grid"]
    assert "LAMPIRAN SURAT TUGAS" not in _teks_docx(individu)


def test_templat_word_bawaan_sesuai_skrip_pembuatnya(tmp_path):
    """The committed .docx are what `python -m sistemkerja_tui.surat.templat_docx` writes."""
    from sistemkerja_tui.surat.templat_docx import bangun

    for baru in bangun(tmp_path):
        lama = berkas_templat(JenisSurat(baru.stem), tmp_path / "tidak-ada")
        assert lama.parent.name == "docx"
        assert docx.Document(str(baru)).element.xml == docx.Document(str(lama)).element.xml, baru.name


# --- the user's own Word templates: override, refusals, pictures ---------------------------------------


def _folder_docx_pengguna() -> Path:
    from sistemkerja_tui.surat.lingkungan import folder_pengguna_bawaan

    folder = folder_pengguna_bawaan() / "docx"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _templat_pengguna(jenis: JenisSurat, *baris: str) -> Path:
    dok = docx.Document()
    for b in baris:
        dok.add_paragraph(b)
    tujuan = _folder_docx_pengguna() / f"{jenis.value}.docx"
    dok.save(str(tujuan))
    return tujuan


def _png() -> bytes:
    """A 1 × 1 white PNG."""

    def potong(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))

    kepala = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    isi = zlib.compress(b"\0\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", kepala) + potong(b"IDAT", isi) + potong(b"IEND", b"")


def test_templat_word_pengguna_menggantikan_bawaan():
    k = KONTEKS[JenisSurat.NOTA_DINAS]
    berkas = _templat_pengguna(JenisSurat.NOTA_DINAS, "NOTA KHUSUS {{ surat.kepala.nomor }} & {{ surat.dari }}")
    assert berkas_templat(JenisSurat.NOTA_DINAS) == berkas
    teks = _teks_docx(_dok(render_docx(JenisSurat.NOTA_DINAS, k)))
    assert teks.strip() == f"NOTA KHUSUS {k.kepala.nomor} & {k.dari}"
    assert berkas_templat(JenisSurat.SURAT_TUGAS).parent != berkas.parent  # other kinds: still the shipped one


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("{{ surat.tidak_ada }}", "isian yang tidak ada"),
        ("{{ surat.__class__.__mro__ }}", "tidak diizinkan"),
        ("{{ surat.kepala.nomor ", "rusak"),
        ('{{ "x" * 100000000 }}', "melebihi"),
        ("{% for i in range(10**6) %}{% endfor %}", "range"),
    ],
    ids=["isian_hilang", "tidak_aman", "sintaks", "terlalu_besar", "perulangan"],
)
def test_templat_word_rusak_atau_tidak_aman_ditolak_dengan_nama_berkas(isi, pesan):
    berkas = _templat_pengguna(JenisSurat.SURAT_TUGAS, isi)
    with pytest.raises(TemplatTidakSah, match=pesan) as galat:
        render_docx(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS])
    assert str(berkas) in str(galat.value)


def test_templat_word_bukan_docx_ditolak():
    berkas = _folder_docx_pengguna() / "surat_tugas.docx"
    berkas.write_bytes(b"ini bukan dokumen Word")
    with pytest.raises(TemplatTidakSah, match="tidak dapat dibuka") as galat:
        render_docx(JenisSurat.SURAT_TUGAS, KONTEKS[JenisSurat.SURAT_TUGAS])
    assert str(berkas) in str(galat.value)


def test_logo_pengguna_tampil_di_kop_dan_gambar_yang_hilang_ditolak():
    k = KONTEKS[JenisSurat.SURAT_TUGAS]
    assert len(_dok(render_docx(JenisSurat.SURAT_TUGAS, k)).inline_shapes) == 0  # the placeholder stays empty
    (_folder_docx_pengguna() / "logo.png").write_bytes(_png())
    assert len(_dok(render_docx(JenisSurat.SURAT_TUGAS, k)).inline_shapes) == 1
    berkas = _templat_pengguna(JenisSurat.SURAT_TUGAS, '{{ gambar("lambang_daerah.png", 20) }}')
    with pytest.raises(TemplatTidakSah, match=r"lambang_daerah\.png") as galat:
        render_docx(JenisSurat.SURAT_TUGAS, k)
    assert str(berkas) in str(galat.value)
    _templat_pengguna(JenisSurat.SURAT_TUGAS, '{{ gambar("../logo.png") }}')
    with pytest.raises(TemplatTidakSah, match="tidak ditemukan"):
        render_docx(JenisSurat.SURAT_TUGAS, k)
    (_folder_docx_pengguna() / "lambang_daerah.png").write_bytes(_png())
    _templat_pengguna(JenisSurat.SURAT_TUGAS, '{{ gambar("lambang_daerah.png", 20) }}')
    assert len(_dok(render_docx(JenisSurat.SURAT_TUGAS, k)).inline_shapes) == 1


# --- one letter, any format (through the use case) -------------------------------------------------------


def _jumlah(db_demo) -> tuple[int, int]:
    surat = _sql(db_demo, "SELECT COUNT(*) FROM surat")[0][0]
    nomor = _sql(db_demo, "SELECT COALESCE(SUM(terakhir), 0) FROM penomoran_surat")[0][0]
    return surat, nomor


def test_satu_surat_satu_nomor_dalam_setiap_format(layanan, tim, db_demo, tmp_path):
    buat = tmp_path / "buat"
    buat.mkdir()
    hasil = layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, tanggal=date(2026, 1, 5), folder=buat, format="docx")
    sebelum = _jumlah(db_demo)
    assert hasil.berkas is not None and hasil.berkas.suffix == ".docx"
    ulang = tmp_path / "ulang"
    ulang.mkdir()
    berkas = {f: layanan.surat.ekspor(hasil.surat_id, folder=ulang, format=f) for f in ("txt", "md", "docx")}
    assert _jumlah(db_demo) == sebelum  # exporting numbers and registers nothing
    assert berkas["txt"].read_text(encoding="utf-8") == hasil.teks
    assert hasil.nomor in berkas["md"].read_text(encoding="utf-8")
    dari_buat, dari_ulang = (_teks_docx(docx.Document(str(b))) for b in (hasil.berkas, berkas["docx"]))
    assert dari_buat == dari_ulang and hasil.nomor in dari_ulang
    konteks = pulihkan(JenisSurat.SURAT_TUGAS, _sql(db_demo, "SELECT konteks FROM surat")[0][0])
    for o in konteks.pegawai:
        assert o.nama_bergelar in dari_ulang and o.nip_tertulis in dari_ulang


def test_templat_word_rusak_tidak_memakai_nomor(layanan, tim, db_demo, tmp_path):
    tmp_path = tmp_path / "keluar"
    tmp_path.mkdir()
    berkas = _templat_pengguna(JenisSurat.SURAT_TUGAS, "{{ surat.isian_yang_tidak_ada }}")
    sebelum = _jumlah(db_demo)
    with pytest.raises(Ditolak, match=re.escape(str(berkas))):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, folder=tmp_path, format="docx")
    assert _jumlah(db_demo) == sebelum and list(tmp_path.iterdir()) == []
    txt = layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, folder=tmp_path, format="txt")
    with pytest.raises(Ditolak, match=re.escape(str(berkas))):
        layanan.surat.ekspor(txt.surat_id, folder=tmp_path, format="docx")
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".txt"]


def test_pdf_tanpa_libreoffice_ditolak_dengan_nama_paket(layanan, tim, db_demo, tmp_path, monkeypatch):
    kosong = tmp_path / "path-kosong"
    kosong.mkdir()
    tmp_path = tmp_path / "keluar"
    tmp_path.mkdir()
    txt = layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, folder=tmp_path, format="txt")
    sebelum = _jumlah(db_demo)
    monkeypatch.setenv("PATH", str(kosong))  # no soffice, no libreoffice
    with pytest.raises(Ditolak, match="libreoffice-writer-nogui"):
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, folder=tmp_path, format="pdf")
    with pytest.raises(Ditolak, match="LibreOffice"):
        layanan.surat.ekspor(txt.surat_id, folder=tmp_path, format="pdf")
    assert _jumlah(db_demo) == sebelum
    assert [p.suffix for p in tmp_path.iterdir()] == [".txt"]
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "sistemkerja_tui",
            "surat",
            "ulang",
            txt.nomor,
            "--format",
            "pdf",
            "--db",
            db_demo,
            "--keluaran",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": str(kosong)},
    )
    assert cli.returncode != 0 and "libreoffice-writer-nogui" in cli.stderr and "Traceback" not in cli.stderr


@PERLU_PDF
def test_pdf_setiap_jenis_f4_tanpa_halaman_kosong(tmp_path):
    """Every shipped template prints on F4 with no empty page; a lampiran starts its own page."""
    for nama, jenis, konteks in KASUS:
        (tmp_path / f"{nama}.docx").write_bytes(render_docx(jenis, konteks))
    profil = f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}"
    dokumen = sorted(str(b) for b in tmp_path.glob("*.docx"))
    subprocess.run(
        ["soffice", profil, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *dokumen],
        capture_output=True,
        check=True,
        timeout=300,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    for nama, jenis, konteks in KASUS:
        berkas = tmp_path / f"{nama}.pdf"
        halaman = _pdf_teks(berkas)
        assert halaman and all(h.strip() for h in halaman), nama
        ukuran = subprocess.run(["pdfinfo", str(berkas)], capture_output=True, text=True, check=True).stdout
        lebar, tinggi = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", ukuran).groups())
        assert (round(lebar / 72 * 25.4), round(tinggi / 72 * 25.4)) == (215, 330), nama
        if jenis is JenisSurat.KEPUTUSAN_TIM or nama == "surat_tugas_kolektif":
            assert len(halaman) >= 2 and halaman[-1].lstrip().startswith("LAMPIRAN"), nama
        if jenis is not JenisSurat.SUKARELA_LINTAS_UNIT:
            assert konteks.kepala.nomor in _rata(halaman[0]), nama


def _pdf_teks(berkas: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    keluaran = subprocess.run(
        ["pdftotext", "-layout", str(berkas), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return keluaran.split("\f")[:-1]


@PERLU_PDF
def test_pdf_dari_docx_halaman_dan_teks(layanan, tim, db_demo, tmp_path):
    kep = layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim, tanggal=date(2026, 1, 5))
    st = layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim, folder=tmp_path, format="pdf")
    assert st.berkas is not None and st.berkas.read_bytes().startswith(b"%PDF")
    halaman = _pdf_teks(st.berkas)
    konteks = pulihkan(
        JenisSurat.SURAT_TUGAS, _sql(db_demo, "SELECT konteks FROM surat WHERE id = ?", st.surat_id)[0][0]
    )
    assert len(halaman) == (2 if konteks.kolektif else 1)  # the collective letter's lampiran on its own page
    semua = _rata(" ".join(halaman))
    assert st.nomor in semua and "SURAT TUGAS" in semua
    for o in konteks.pegawai:
        assert o.nama_bergelar in semua
    berkas = layanan.surat.ekspor(kep.surat_id, folder=tmp_path, format="pdf")
    halaman = _pdf_teks(berkas)
    assert len(halaman) >= 2 and all(h.strip() for h in halaman)  # no empty page
    assert "LAMPIRAN" in halaman[-1] and "SUSUNAN TIM" in halaman[-1]
    assert kep.nomor.split("/")[1] in _rata(halaman[0])
    assert _jumlah(db_demo)[0] == 2
