"""Build the shipped Word templates (`templates/docx/<jenis>.docx`): `python -m sistemkerja_tui.surat.templat_docx`.

Each is an ordinary Word document with Jinja fields (docxtpl: `{{ … }}`,
`{%p … %}` for a paragraph, `{%tr … %}` for a table row) over the same
context as the text template (`surat`), saying what the text says. Page and
type follow common Pemda guidance: F4/Folio 215 × 330 mm, margins top 2.5 cm,
bottom 3 cm, left 3 cm, right 2.5 cm, Arial 12; the kop a centred block
beside a logo placeholder (`{{ logo }}`) over a rule (a paragraph border);
borderless tables for the heading fields and identity blocks, bordered ones
for lampiran lists; the signature in its own right-hand column kept with the
closing line (keep-with-next, rows that cannot split); page numbers from
page 2. Formats: Perbup Luwu Utara 59/2023, FORMAT NASKAH DINAS huruf a–g;
signature block Permendagri 1/2023 Pasal 44.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from sistemkerja_tui.surat.konteks import JenisSurat

LEBAR_ISI = 16.0  # cm between the margins: 21.5 - 3 - 2.5
HURUF = "abcdefghijklmnopqrstuvwxyz"
# the elements a paragraph border precedes in <w:pPr> (ECMA-376 CT_PPrBase order)
_SESUDAH_PBDR = tuple(
    f"w:{nama}"
    for nama in [
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)
_RATA = {"kiri": WD_ALIGN_PARAGRAPH.LEFT, "tengah": WD_ALIGN_PARAGRAPH.CENTER, "kanan": WD_ALIGN_PARAGRAPH.RIGHT}
_RATA["penuh"] = WD_ALIGN_PARAGRAPH.JUSTIFY


class Penyusun:
    """One template being written: paragraphs and tables appended to the body or to a cell."""

    def __init__(self) -> None:
        self.dok = Document()
        bagian = self.dok.sections[0]
        bagian.page_width, bagian.page_height = Mm(215), Mm(330)
        bagian.top_margin, bagian.bottom_margin = Cm(2.5), Cm(3)
        bagian.left_margin, bagian.right_margin = Cm(3), Cm(2.5)
        bagian.header_distance, bagian.footer_distance = Cm(1.25), Cm(1.5)
        bagian.different_first_page_header_footer = True  # page numbers from page 2
        nomor = bagian.footer.paragraphs[0]
        nomor.alignment = WD_ALIGN_PARAGRAPH.CENTER
        medan = OxmlElement("w:fldSimple")
        medan.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        teks = OxmlElement("w:t")
        teks.text = "2"
        run.append(teks)
        medan.append(run)
        nomor._p.append(medan)
        for nama in ("Normal", "Table Grid"):
            gaya = self.dok.styles[nama]
            gaya.font.name, gaya.font.size = "Arial", Pt(12)
            rpr = gaya.element.get_or_add_rPr()
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                rpr.insert(0, fonts)
            for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(atribut), "Arial")
        normal = self.dok.styles["Normal"].paragraph_format
        normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(0), 1.0
        self.dok.core_properties.author = ""
        self.dok.core_properties.title = ""

    # --- paragraphs --------------------------------------------------------------------------

    def p(
        self,
        teks: str = "",
        wadah: Any = None,
        *,
        rata: str = "kiri",
        tebal: bool = False,
        garis_bawah: bool = False,
        ukuran: float | None = None,
        kiri: float | None = None,
        gantung: float | None = None,
        awal: float | None = None,
        sebelum: float = 0,
        sesudah: float = 0,
        ikut: bool = False,
        halaman_baru: bool = False,
    ) -> Any:
        """A paragraph (`wadah`: a cell, else the body); `gantung` is a hanging indent with a tab stop there."""
        wadah = wadah if wadah is not None else self.dok
        ada = wadah.paragraphs if wadah is not self.dok else []
        # a new cell's own empty paragraph is its first one
        par = ada[0] if len(ada) == 1 and not ada[0].runs else wadah.add_paragraph()
        if teks:
            run = par.add_run(teks)
            run.bold, run.underline = tebal or None, garis_bawah or None
            if ukuran:
                run.font.size = Pt(ukuran)
        fmt = par.paragraph_format
        par.alignment = _RATA[rata]
        fmt.space_before, fmt.space_after = Pt(sebelum), Pt(sesudah)
        if kiri is not None or gantung is not None:
            fmt.left_indent = Cm((kiri or 0) + (gantung or 0))
        if gantung is not None:
            fmt.first_line_indent = Cm(-gantung)
            fmt.tab_stops.add_tab_stop(Cm((kiri or 0) + gantung))
        if awal is not None:
            fmt.first_line_indent = Cm(awal)
        fmt.keep_with_next = ikut or None
        fmt.page_break_before = halaman_baru or None
        return par

    def tag(self, isi: str, wadah: Any = None) -> None:
        """A paragraph holding only a docxtpl paragraph tag (`{%p … %}`); it disappears when rendered."""
        self.p("{%p " + isi + " %}", wadah)

    def isi(self, teks: str, wadah: Any = None, **opsi: Any) -> Any:
        """A body paragraph: justified, first line indented, 6 pt after."""
        opsi = {"rata": "penuh", "awal": 1.25, "sesudah": 6, **opsi}
        return self.p(teks, wadah, **opsi)

    def garis(self, tebal: bool = True) -> None:
        """The rule under the kop (or under a Nota Dinas heading): a bottom border, not a row of characters."""
        par = self.p(ukuran=2, sesudah=10)
        tepi = OxmlElement("w:pBdr")
        bawah = OxmlElement("w:bottom")
        for k, v in {"val": "thickThinSmallGap" if tebal else "single", "sz": "24" if tebal else "8"}.items():
            bawah.set(qn(f"w:{k}"), v)
        bawah.set(qn("w:space"), "1")
        bawah.set(qn("w:color"), "000000")
        tepi.append(bawah)
        par._p.get_or_add_pPr().insert_element_before(tepi, *_SESUDAH_PBDR)

    def daftar(self, ulang: str, butir: str, wadah: Any = None, *, tanda: str = "angka", kiri: float = 0) -> None:
        """Numbered (`1.`) or lettered (`a.`) items of `{% for x in ulang %}`, each a hanging paragraph."""
        nomor = "{{ loop.index }}." if tanda == "angka" else '{{ "' + HURUF + '"[loop.index0] }}.'
        self.tag(f"for x in {ulang}", wadah)
        self.p(f"{nomor}\t{butir}", wadah, rata="penuh", kiri=kiri, gantung=0.7)
        self.tag("endfor", wadah)

    # --- tables ------------------------------------------------------------------------------

    def tabel(self, lebar: Sequence[float], wadah: Any = None, *, bingkai: bool = False) -> Any:
        wadah = wadah if wadah is not None else self.dok
        tabel = wadah.add_table(rows=0, cols=len(lebar))
        if bingkai:
            tabel.style = self.dok.styles["Table Grid"]
        tabel._ukuran = 11 if bingkai else None  # lampiran lists in 11 pt: a NIP fits its cell
        tabel.autofit = False
        tabel._lebar = [Cm(w) for w in lebar]
        for kolom, w in zip(tabel.columns, tabel._lebar, strict=True):
            kolom.width = w
        if not bingkai:  # text in a borderless table lines up with the body text
            tblpr = tabel._tbl.tblPr
            margin = OxmlElement("w:tblCellMar")
            for sisi, nilai in (("left", "0"), ("right", "85")):
                el = OxmlElement(f"w:{sisi}")
                el.set(qn("w:w"), nilai)
                el.set(qn("w:type"), "dxa")
                margin.append(el)
            tblpr.insert_element_before(margin, "w:tblLook", "w:tblCaption", "w:tblDescription")  # schema order
        return tabel

    def baris(self, tabel: Any, *sel: str | Sequence[str] | None, utuh: bool = True, judul: bool = False) -> Any:
        """A row; each cell is a string, several strings (paragraphs) or None. `utuh`: the row cannot split."""
        row = tabel.add_row()
        for cell, w in zip(row.cells, tabel._lebar, strict=True):
            cell.width = w
        trpr = row._tr.get_or_add_trPr()
        for nama, syarat in (("w:cantSplit", utuh), ("w:tblHeader", judul)):
            if syarat:
                trpr.append(OxmlElement(nama))
        for cell, isi in zip(row.cells, sel, strict=True):
            for teks in [isi] if isinstance(isi, str) else (isi or ()):
                self.p(teks, cell, tebal=judul, rata="tengah" if judul else "kiri", ukuran=tabel._ukuran)
        return row

    def baris_tag(self, tabel: Any, isi: str) -> None:
        """A row holding only a docxtpl row tag (`{%tr … %}`)."""
        row = tabel.add_row()
        row.cells[0].paragraphs[0].add_run("{%tr " + isi + " %}")

    def sel(self, tabel: Any, baris: int, kolom: int) -> Any:
        return tabel.rows[baris].cells[kolom]

    # --- parts shared by the letters ---------------------------------------------------------------

    def kop(self) -> None:
        """Logo placeholder | centred kop lines | a spacer as wide as the logo (the kop stays centred)."""
        t = self.tabel([2.6, 10.8, 2.6])
        self.baris(t, None, None, None)
        logo, tengah = self.sel(t, 0, 0), self.sel(t, 0, 1)
        logo.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        self.p("{{ logo }}", logo, rata="tengah")
        # names in capitals (the Pemda, then the Perangkat Daerah larger), the address and telephone small: a
        # Kepala Daerah's kop is its office and then the address
        self.tag("for b in surat.kop.baris", tengah)
        self.tag("if loop.first", tengah)
        self.p("{{ b }}", tengah, rata="tengah", tebal=True, ukuran=14)
        self.tag("elif b == b | upper", tengah)
        self.p("{{ b }}", tengah, rata="tengah", tebal=True, ukuran=16)
        self.tag("else", tengah)
        self.p("{{ b }}", tengah, rata="tengah", ukuran=10)
        self.tag("endif", tengah)
        self.tag("endfor", tengah)
        self.garis()

    def tanggal_surat(self) -> None:
        self.p("{{ k.tempat }}, {{ k.tanggal | tanggal }}", rata="kanan", sesudah=12)

    def medan(self, baris: Sequence[tuple[str, str]], lebar: float = 2.6) -> Any:
        """Label | : | value rows (Nomor, Sifat, Lampiran, Hal…) in a borderless table."""
        t = self.tabel([lebar, 0.4, LEBAR_ISI - lebar - 0.4])
        for judul, nilai in baris:
            self.baris(t, judul, ":", nilai)
        return t

    def pokok(self) -> None:
        self.medan(
            [
                ("Nomor", "{{ k.nomor }}"),
                ("Sifat", "{{ k.sifat }}"),
                ("Lampiran", '{{ k.lampiran | terbilang ~ " berkas" if k.lampiran else "-" }}'),
                ("Hal", "{{ k.hal }}"),
            ]
        )
        self.p()

    def tujuan(self) -> None:
        self.p("Kepada")
        self.tag("if k.kepada | length == 1", None)
        self.p("Yth. {{ k.kepada[0] }}", kiri=0)
        self.tag("else", None)
        self.p("Yth.")
        self.daftar("k.kepada", "{{ x }}", kiri=0.9)
        self.tag("endif", None)
        self.p("di-")
        self.p("{{ k.di }}", kiri=0.9, sesudah=12)

    def pegawai(self, daftar: str, *, orang: str = "x", tambahan: Sequence[tuple[str, str]] = ()) -> None:
        """Identity blocks (Nama, Pangkat/Gol, NIP, Jabatan, Unit Kerja) of each `x` in `daftar` (`orang`: the
        person of `x`), then the `tambahan` rows (label, field of `x`), each shown when it is not empty."""
        t = self.tabel([1.2, 3.3, 0.4, LEBAR_ISI - 4.9])
        self.baris_tag(t, f"for x in {daftar}")
        self.baris_tag(t, f"set o = {orang}")
        self.baris(t, '{{ loop.index ~ "." if loop.length > 1 else "" }}', "Nama", ":", "{{ o.nama_bergelar }}")
        self.baris(t, None, "Pangkat/Gol", ":", "{{ o.pangkat_tertulis }}")
        self.baris(t, None, "NIP", ":", "{{ o.nip_tertulis }}")
        self.baris(t, None, "Jabatan", ":", "{{ o.jabatan }}")
        for judul, isian in (("Unit Kerja", "o.unit"), *tambahan):
            self.baris_tag(t, f"if {isian}")
            self.baris(t, None, judul, ":", f"{{{{ {isian} }}}}")
            self.baris_tag(t, "endif")
        self.baris_tag(t, "endfor")
        self.p(sesudah=6)

    def penutup(self, teks: str) -> None:
        """The closing line, kept on the page of the signature that follows it."""
        self.isi(teks, ikut=True, sesudah=12)

    def ttd(self, siapa: str = "surat.penandatangan", *, penetapan: bool = False, tempat: str | None = None) -> None:
        """The signature block in the right-hand column (Permendagri 1/2023 Pasal 44), a row that cannot split."""
        t = self.tabel([7.0, LEBAR_ISI - 7.0])
        self.baris(t, None, None)
        kanan = self.sel(t, 0, 1)
        if tempat:
            self.p(f"{tempat} di {{{{ k.tempat }}}}", kanan, ikut=True)
            self.p("pada tanggal {{ k.tanggal | tanggal }}", kanan, ikut=True, sesudah=6)
        nama = f"{siapa}.baris_nama({'true' if penetapan else 'false'})"
        self.tag(f"for b in {siapa}.baris_jabatan", kanan)
        self.p("{{ b }}", kanan, ikut=True)
        self.tag("endfor", kanan)
        self.p(f"{{{{ {nama}[0] }}}}", kanan, tebal=True, sebelum=48, ikut=True)
        self.tag(f"for b in {nama}[1:]", kanan)
        self.p("{{ b }}", kanan)
        self.tag("endfor", kanan)

    def tembusan(self) -> None:
        self.tag("if k.tembusan", None)
        self.p("Tembusan:", sebelum=12, ikut=True)
        self.daftar("k.tembusan", "{{ x }}")
        self.tag("endif", None)

    def lampiran_kepala(self, baris: Sequence[str]) -> None:
        """The lampiran heading on a new page, in the right-hand column."""
        for i, teks in enumerate(baris):
            self.p(teks, kiri=8.0, halaman_baru=i == 0, ikut=True)
        self.p(sesudah=12)

    def isi_permohonan(self) -> None:
        """The four contents of a permohonan pelibatan (Perbup Luwu Utara 59/2023 Lampiran Bab II huruf B)."""
        for i, teks in enumerate(
            (
                "Maksud dan tujuan: {{ isi.maksud_tujuan }};",
                "Kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan: {{ isi.kompetensi }};",
                "Ekspektasi/target kinerja: {{ isi.ekspektasi }};",
                "Durasi pelibatan: {{ isi.durasi }}.",
            ),
            1,
        ):
            self.p(f"{i}.\t{teks}", rata="penuh", gantung=0.7, sesudah=3 if i == 4 else 0)
        self.p(sesudah=6)

    def akhir(self, simpan: Path) -> None:
        self.p(ukuran=1)  # a body ends in a paragraph; a tiny one never pushes a blank page
        self.dok.save(str(simpan))


# --- the nine kinds --------------------------------------------------------------------------------


def _keputusan_tim(s: Penyusun) -> None:
    """Perbup Luwu Utara 59/2023, FORMAT NASKAH DINAS huruf a (Keputusan and Lampiran Susunan Tim)."""
    s.tag("set k = surat.kepala", None)
    s.tag(
        'set tim = (surat.sebutan_tim ~ " " ~ surat.nama_tim) | upper ~ " TAHUN ANGGARAN " ~ surat.tahun_anggaran',
        None,
    )
    s.kop()
    for teks, sesudah in (
        ("KEPUTUSAN {{ surat.penetap | upper }}", 0),
        ("NOMOR {{ k.nomor_penetapan }}", 12),
        ("TENTANG", 12),
        ("PEMBENTUKAN {{ tim }}", 12),
        ("DENGAN RAHMAT TUHAN YANG MAHA ESA", 12),
        ("{{ surat.penetap | upper }},", 12),
    ):
        s.p(teks, rata="tengah", tebal=True, sesudah=sesudah)
    t = s.tabel([3.0, 0.4, LEBAR_ISI - 3.4])
    s.baris(t, "Menimbang", ":", None, utuh=False)
    s.daftar("surat.menimbang", "{{ x }}", s.sel(t, 0, 2), tanda="huruf")
    s.baris(t, "Mengingat", ":", None, utuh=False)
    s.daftar("surat.mengingat", "{{ x }}", s.sel(t, 1, 2))
    s.p("MEMUTUSKAN:", rata="tengah", tebal=True, sebelum=12, sesudah=12)
    t = s.tabel([3.0, 0.4, LEBAR_ISI - 3.4])
    s.baris(t, "Menetapkan", ":", "KEPUTUSAN {{ surat.penetap | upper }} TENTANG PEMBENTUKAN {{ tim }}.")
    s.baris(
        t,
        "{{ 1 | urutan }}",
        ":",
        "Membentuk {{ surat.sebutan_tim }} {{ surat.nama_tim }} Tahun Anggaran {{ surat.tahun_anggaran }}, "
        "dengan susunan keanggotaan "
        "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
    )
    s.baris(t, "{{ 2 | urutan }}", ":", None, utuh=False)
    kedua = s.sel(t, 2, 2)
    s.p(
        "Tugas {{ surat.sebutan_tim }} sebagaimana dimaksud dalam Diktum KESATU adalah sebagai berikut:",
        kedua,
        rata="penuh",
    )
    s.tag("for t in surat.tugas", kedua)
    s.p('{{ "' + HURUF + '"[loop.index0] }}.\t{{ t.peran }}:', kedua, gantung=0.7)
    s.tag("for u in t.uraian", kedua)
    s.p("{{ loop.index }}.\t{{ u }}", kedua, rata="penuh", kiri=0.7, gantung=0.7)
    s.tag("endfor", kedua)
    s.tag("endfor", kedua)
    s.baris_tag(t, "for d in surat.diktum_tambahan")
    s.baris(t, "{{ (loop.index + 2) | urutan }}", ":", "{{ d }}")
    s.baris_tag(t, "endfor")
    s.baris(
        t,
        "{{ (surat.diktum_tambahan | length + 3) | urutan }}",
        ":",
        "Keputusan ini mulai berlaku pada tanggal "
        '{{ surat.berlaku | tanggal ~ "." if surat.berlaku else "ditetapkan." }}',
    )
    for row in t.rows:
        for cell in row.cells[2:]:
            for par in cell.paragraphs:
                par.paragraph_format.space_after = Pt(6)
                par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for cell in t.rows[-1].cells:  # the last diktum goes with the signature: never a page of signature alone
        for par in cell.paragraphs:
            par.paragraph_format.keep_with_next = True
    s.p(ikut=True, sesudah=6)
    s.ttd(penetapan=True, tempat="Ditetapkan")
    s.tembusan()
    s.lampiran_kepala(
        [
            "LAMPIRAN",
            "KEPUTUSAN {{ surat.penetap | upper }}",
            "NOMOR {{ k.nomor_penetapan }}",
            "TENTANG",
            "PEMBENTUKAN {{ tim }}",
        ]
    )
    s.p("SUSUNAN {{ tim }}", rata="tengah", tebal=True, sesudah=12)
    # the seed's "1. Pengarah : …, 4. Anggota : 1. … 2. …" as a bordered table: a row per person, the role once
    s.tag(
        'set susunan = [("Pengarah", surat.pengarah), ("Penanggung Jawab", surat.penanggung_jawab), '
        '("Ketua", [surat.ketua]), ("Anggota", surat.anggota)] | selectattr("1") | list',
        None,
    )
    t = s.tabel([1.2, 3.6, 5.8, 5.4], bingkai=True)
    s.baris(t, "No.", "Kedudukan dalam Tim", "Nama", "Jabatan", judul=True)
    s.baris_tag(t, "for judul, orang in susunan")
    s.baris_tag(t, "set nomor = loop.index")
    s.baris_tag(t, "for o in orang")
    s.baris(
        t,
        '{{ nomor ~ "." if loop.first else "" }}',
        '{{ judul if loop.first else "" }}',
        '{{ loop.index ~ ". " if loop.length > 1 else "" }}{{ o.nama_bergelar }}',
        "{{ o.jabatan }}",
    )
    s.baris_tag(t, "endfor")
    s.baris_tag(t, "endfor")
    s.p(sesudah=12)
    s.ttd(penetapan=True)


def _surat_tugas(s: Penyusun) -> None:
    """Perbup Luwu Utara 59/2023, FORMAT NASKAH DINAS huruf b (individual, or collective with a lampiran)."""
    s.tag("set k = surat.kepala", None)
    s.kop()
    s.p("SURAT TUGAS", rata="tengah", tebal=True, garis_bawah=True)
    s.p("Nomor: {{ k.nomor }}", rata="tengah", sesudah=12)
    t = s.tabel([3.0, 0.4, LEBAR_ISI - 3.4])
    s.baris(t, "Dasar", ":", None, utuh=False)
    s.daftar("surat.dasar", "{{ x }}", s.sel(t, 0, 2), tanda="huruf")
    s.p("MENUGASKAN:", rata="tengah", tebal=True, sebelum=12, sesudah=12)
    s.tag("if surat.kolektif", None)
    s.medan([("Kepada", "Nama-nama sebagaimana tercantum dalam Lampiran Surat Tugas ini.")], 3.0)
    s.tag("else", None)
    t = s.tabel([3.0, 0.4, 3.1, 0.4, LEBAR_ISI - 6.9])
    s.baris_tag(t, "for o in surat.pegawai[:1]")
    s.baris(t, "Kepada", ":", "Nama", ":", "{{ o.nama_bergelar }}")
    s.baris(t, None, None, "Pangkat/Gol", ":", "{{ o.pangkat_tertulis }}")
    s.baris(t, None, None, "NIP", ":", "{{ o.nip_tertulis }}")
    s.baris(t, None, None, "Jabatan", ":", "{{ o.jabatan }}")
    s.baris_tag(t, "if o.unit")
    s.baris(t, None, None, "Unit Kerja", ":", "{{ o.unit }}")
    s.baris_tag(t, "endif")
    s.baris_tag(t, "endfor")
    s.tag("endif", None)
    s.p(sesudah=6)
    # the Untuk items as the text template lists them: the team's, then target kinerja, PPK, period
    s.tag(
        'set untuk = surat.untuk | list + ["Selama menjalankan tugas, " ~ ("yang namanya tercantum dalam '
        'Lampiran" if surat.kolektif else "yang bersangkutan") ~ " tetap harus memenuhi target kinerjanya pada " ~ '
        '("unit kerja masing-masing" if surat.kolektif else (surat.pegawai[0].unit or surat.pegawai[0].jabatan)) '
        '~ ";"] + (["Melaporkan hasilnya kepada Pejabat Penilai Kinerja masing-masing sebagaimana tercantum dalam '
        'Lampiran;"] if surat.ppk_masing_masing else ["Melaporkan hasilnya kepada " ~ surat.ppk.jabatan ~ " sebagai '
        'Pejabat Penilai Kinerja;"] if surat.ppk else []) + ["Surat Tugas ini berlaku pada tanggal " ~ surat.mulai '
        '| tanggal ~ " sampai dengan " ~ surat.selesai | tanggal ~ "."]',
        None,
    )
    t = s.tabel([3.0, 0.4, LEBAR_ISI - 3.4])
    s.baris(t, "Untuk", ":", None, utuh=False)
    s.daftar("untuk", "{{ x }}", s.sel(t, 0, 2))
    s.p(sesudah=6)
    s.penutup("Demikian surat tugas ini dikeluarkan untuk dilaksanakan sebagaimana mestinya.")
    s.ttd(tempat="Dikeluarkan")
    s.tembusan()
    s.tag("if surat.kolektif", None)
    s.lampiran_kepala(["LAMPIRAN SURAT TUGAS", "Nomor\t: {{ k.nomor }}", "Tanggal\t: {{ k.tanggal | tanggal }}"])
    s.p("DAFTAR PEGAWAI YANG DITUGASKAN", rata="tengah", tebal=True, sesudah=12)
    s.tag("set kelompok = surat.kelompok_peran", None)
    s.tag("for peran, pegawai in kelompok", None)
    s.tag("if kelompok | length > 1", None)
    s.p("{{ loop.index }}. {{ peran }}", tebal=True, sebelum=6, sesudah=6, ikut=True)
    s.tag("endif", None)
    t = s.tabel([1.2, 5.6, 4.6, 4.6], bingkai=True)
    s.baris(t, "No.", "Nama / Pangkat/Gol / NIP", "Jabatan", "Unit Kerja", judul=True)
    s.baris_tag(t, "for o in pegawai")
    s.baris(
        t,
        "{{ loop.index }}.",
        ["{{ o.nama_bergelar }}", "{{ o.pangkat_tertulis }}", "NIP. {{ o.nip_tertulis }}"],
        "{{ o.jabatan }}",
        "{{ o.unit }}",
    )
    s.baris_tag(t, "endfor")
    s.p(sesudah=6)
    s.tag("endfor", None)
    s.tag("if surat.ppk_masing_masing", None)
    s.p("PEJABAT PENILAI KINERJA", rata="tengah", tebal=True, sebelum=6, sesudah=6, ikut=True)
    s.tag("for o in surat.pegawai", None)
    s.p("{{ loop.index }}.\t{{ o.nama_bergelar }}: {{ surat.ppk_anggota[loop.index0] }}", gantung=0.7)
    s.tag("endfor", None)
    s.tag("endif", None)
    s.p(sesudah=6)
    s.ttd()
    s.tag("endif", None)


# the opening of the three requests: the sub kegiatan when there is one, else the team's task
PELAKSANAAN = (
    'Sehubungan dengan pelaksanaan {{ "sub kegiatan " ~ isi.kegiatan if isi.kegiatan else "tugas " ~ tim }} '
    "pada {{ isi.unit_pelaksana }} "
)


def _isi_dan_tim(s: Penyusun) -> None:
    """`isi`, `tim` ("Tim Kerja …", the profile's term and the name) and `pada` (" pada sub kegiatan …" or "")."""
    s.tag("set isi = surat.isi", None)
    s.tag('set tim = isi.sebutan_tim ~ " " ~ isi.nama_tim', None)
    s.tag('set pada = " pada sub kegiatan " ~ isi.kegiatan if isi.kegiatan else ""', None)


def _surat_biasa(s: Penyusun, isi: Callable[[Penyusun], None], *, penutup: str) -> None:
    """A letter: kop, date, Nomor/Sifat/Lampiran/Hal, Kepada, `isi`, closing, signature, Tembusan."""
    s.tag("set k = surat.kepala", None)
    s.kop()
    s.tanggal_surat()
    s.pokok()
    s.tujuan()
    isi(s)
    s.penutup(penutup)
    s.ttd()
    s.tembusan()


def _permohonan_pelibatan(s: Penyusun) -> None:
    """Perbup Luwu Utara 59/2023, FORMAT NASKAH DINAS huruf d."""

    def isi(s: Penyusun) -> None:
        _isi_dan_tim(s)
        s.isi(
            PELAKSANAAN + "Tahun Anggaran {{ isi.tahun_anggaran }}, dengan ini kami mengajukan permohonan pelibatan "
            "Pejabat Fungsional/pelaksana sebagai anggota {{ tim }} dengan keterangan sebagai berikut:"
        )
        s.isi_permohonan()
        s.tag("if isi.calon", None)
        s.isi("Adapun pegawai yang kami mohonkan atas nama:")
        s.pegawai("isi.calon")
        s.isi(
            "untuk ditugaskan menjadi anggota {{ tim }}{{ pada }} Tahun Anggaran {{ isi.tahun_anggaran }}.",
            awal=0,
        )
        s.tag("else", None)
        s.isi("Kami mohon Saudara berkenan menugaskan pegawai yang memenuhi kriteria tersebut.")
        s.tag("endif", None)

    _surat_biasa(s, isi, penutup="Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.")


def _permohonan_lintas_instansi(s: Penyusun) -> None:
    """Perbup Luwu Utara 59/2023, Lampiran Bab II huruf B angka 2 huruf a angka 3) huruf a)."""

    def isi(s: Penyusun) -> None:
        _isi_dan_tim(s)
        s.isi(
            PELAKSANAAN
            + "Tahun Anggaran {{ isi.tahun_anggaran }} yang membutuhkan pelibatan Pejabat Fungsional/pelaksana dari "
            "{{ surat.instansi_tujuan }}, dengan ini kami mohon Saudara selaku Pejabat yang Berwenang berkenan "
            "mengajukan permohonan pelibatan kepada Pejabat yang Berwenang pada {{ surat.instansi_tujuan }} untuk "
            "menjadi anggota {{ tim }}, dengan keterangan sebagai berikut:"
        )
        s.isi_permohonan()
        s.tag("if isi.calon", None)
        s.isi("Adapun pegawai yang kami harapkan dapat dilibatkan atas nama:")
        s.pegawai("isi.calon")
        s.tag("endif", None)

    _surat_biasa(s, isi, penutup="Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.")


def _persetujuan_anggota(s: Penyusun) -> None:
    """Perbup Luwu Utara 59/2023, FORMAT NASKAH DINAS huruf f."""

    def isi(s: Penyusun) -> None:
        s.tag("set sm = surat.surat_masuk", None)
        s.isi(
            "Sehubungan dengan surat Saudara Nomor {{ sm.nomor }} tanggal {{ sm.tanggal | tanggal }} hal "
            "{{ sm.hal }}, dengan ini kami sampaikan bahwa pegawai atas nama:"
        )
        s.pegawai("surat.pegawai")
        s.isi(
            "dapat menjadi anggota {{ surat.sebutan_tim }} {{ surat.nama_tim }}"
            '{{ " pada sub kegiatan " ~ surat.kegiatan if surat.kegiatan else "" }} Tahun Anggaran '
            "{{ surat.tahun_anggaran }}.",
            awal=0,
        )

    _surat_biasa(s, isi, penutup="Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.")


def _penolakan(s: Penyusun) -> None:
    """Perbup Luwu Utara 59/2023, Lampiran Bab II huruf B angka 2 huruf a angka 2) huruf d): with the reasons."""

    def isi(s: Penyusun) -> None:
        s.tag("set sm = surat.surat_masuk", None)
        s.tag(
            'set tim = "sebagai anggota " ~ surat.sebutan_tim ~ " " ~ surat.nama_tim ~ (" pada sub kegiatan " ~ '
            'surat.kegiatan if surat.kegiatan else "") ~ " Tahun Anggaran " ~ surat.tahun_anggaran',
            None,
        )
        masuk = (
            "Sehubungan dengan surat Saudara Nomor {{ sm.nomor }} tanggal {{ sm.tanggal | tanggal }} hal {{ sm.hal }}"
        )
        s.tag("if surat.pegawai", None)
        s.isi(f"{masuk}, dengan ini kami sampaikan bahwa permohonan pelibatan pegawai atas nama:")
        s.pegawai("surat.pegawai")
        s.isi("{{ tim }} belum dapat kami setujui dengan alasan sebagai berikut:", awal=0)
        s.tag("else", None)
        s.isi(
            f"{masuk}, dengan ini kami sampaikan bahwa permohonan pelibatan pegawai {{{{ tim }}}} belum dapat kami "
            "setujui dengan alasan sebagai berikut:"
        )
        s.tag("endif", None)
        s.daftar("surat.alasan", "{{ x }}")
        s.p(sesudah=6)

    _surat_biasa(s, isi, penutup="Demikian kami sampaikan, atas perhatian dan pengertiannya diucapkan terima kasih.")


def _rekomendasi_penilaian(s: Penyusun) -> None:
    """Perbup Luwu Utara 59/2023, FORMAT NASKAH DINAS huruf g."""

    def isi(s: Penyusun) -> None:
        s.isi(
            "Sehubungan dengan berakhirnya pelaksanaan tugas {{ surat.sebutan_tim }} {{ surat.nama_tim }} Tahun "
            "{{ surat.tahun }} sejak tanggal {{ surat.mulai | tanggal }} sampai dengan {{ surat.selesai | tanggal }}, "
            "dengan ini kami sampaikan kepada Saudara bahwa pegawai atas nama:"
        )
        s.tag("if surat.rekomendasi | length == 1", None)
        s.tag("set r = surat.rekomendasi[0]", None)
        s.pegawai("[r.orang]")
        s.isi(
            "direkomendasikan penilaian {{ r.predikat.label | lower }} selama menjadi anggota tim.",
            awal=0,
        )
        s.tag("if r.catatan", None)
        s.isi("Catatan: {{ r.catatan }}", awal=0)
        s.tag("endif", None)
        s.tag("else", None)
        s.pegawai(
            "surat.rekomendasi",
            orang="x.orang",
            tambahan=[("Rekomendasi", "x.predikat.label"), ("Catatan", "x.catatan")],
        )
        s.isi(
            "direkomendasikan penilaian sebagaimana tersebut di atas selama menjadi anggota tim.",
            awal=0,
        )
        s.tag("endif", None)

    _surat_biasa(s, isi, penutup="Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.")


def _nota_dinas(s: Penyusun) -> None:
    """Perbup Luwu Utara 59/2023, FORMAT NASKAH DINAS huruf e."""
    s.tag("set k = surat.kepala", None)
    _isi_dan_tim(s)
    s.kop()
    s.p("NOTA DINAS", rata="tengah", tebal=True, sesudah=12)
    s.medan(
        [
            ("Kepada", 'Yth. {{ k.kepada | join("; ") }}'),
            ("Dari", "{{ surat.dari }}"),
            ("Tanggal", "{{ k.tanggal | tanggal }}"),
            ("Nomor", "{{ k.nomor }}"),
            ("Sifat", "{{ k.sifat }}"),
            ("Lampiran", '{{ k.lampiran | terbilang ~ " berkas" if k.lampiran else "-" }}'),
            ("Hal", "{{ k.hal }}"),
        ]
    )
    s.garis(tebal=False)
    s.isi(
        PELAKSANAAN + "Tahun Anggaran {{ isi.tahun_anggaran }}, dengan ini kami mengajukan permintaan persetujuan "
        "pelibatan pegawai sebagai anggota {{ tim }} dengan keterangan sebagai berikut:"
    )
    s.isi_permohonan()
    s.tag("if isi.calon", None)
    s.isi("Adapun pegawai yang kami mintakan persetujuan atas nama:")
    s.pegawai("isi.calon")
    s.isi(
        "sebagai anggota {{ tim }}{{ pada }} Tahun Anggaran {{ isi.tahun_anggaran }}.",
        awal=0,
    )
    s.tag("endif", None)
    s.penutup("Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.")
    s.ttd()
    s.tembusan()


def _sukarela_lintas_unit(s: Penyusun) -> None:
    """A pegawai's own request (Perbup Luwu Utara 59/2023, Lampiran Bab II huruf B angka 2 huruf b angka 2)
    huruf a)): no kop, no number."""
    s.tag("set k = surat.kepala", None)
    s.tanggal_surat()
    s.medan([("Lampiran", '{{ k.lampiran | terbilang ~ " berkas" if k.lampiran else "-" }}'), ("Hal", "{{ k.hal }}")])
    s.p(sesudah=12)
    s.tujuan()
    s.isi("Yang bertanda tangan di bawah ini:", awal=0)
    s.pegawai("[surat.pemohon]")
    s.isi(
        "dengan ini mengajukan permohonan untuk dapat dilibatkan dalam pelaksanaan kinerja {{ surat.kinerja }} "
        "sebagai anggota {{ surat.sebutan_tim }} {{ surat.nama_tim }}, sesuai dengan kompetensi, keahlian, "
        "dan/atau keterampilan yang saya miliki, yaitu {{ surat.kompetensi }}.",
        awal=0,
    )
    s.penutup("Demikian permohonan ini saya sampaikan, atas perhatian dan persetujuannya diucapkan terima kasih.")
    t = s.tabel([7.0, LEBAR_ISI - 7.0])
    s.baris(t, None, None)
    kanan = s.sel(t, 0, 1)
    s.p("Pemohon,", kanan, ikut=True)
    s.p("{{ surat.pemohon.nama_bergelar }}", kanan, tebal=True, sebelum=48, ikut=True)
    s.p("NIP. {{ surat.pemohon.nip_tertulis }}", kanan)
    s.tag("if surat.penyetuju", None)
    s.p("Menyetujui,", kiri=7.0, sebelum=18, ikut=True)
    s.ttd("surat.penyetuju")
    s.tag("endif", None)
    s.tembusan()


SUSUNAN: dict[JenisSurat, Callable[[Penyusun], None]] = {
    JenisSurat.KEPUTUSAN_TIM: _keputusan_tim,
    JenisSurat.SURAT_TUGAS: _surat_tugas,
    JenisSurat.PERMOHONAN_PELIBATAN: _permohonan_pelibatan,
    JenisSurat.NOTA_DINAS: _nota_dinas,
    JenisSurat.PERSETUJUAN_ANGGOTA: _persetujuan_anggota,
    JenisSurat.PENOLAKAN: _penolakan,
    JenisSurat.PERMOHONAN_LINTAS_INSTANSI: _permohonan_lintas_instansi,
    JenisSurat.SUKARELA_LINTAS_UNIT: _sukarela_lintas_unit,
    JenisSurat.REKOMENDASI_PENILAIAN: _rekomendasi_penilaian,
}


def bangun(folder: Path) -> list[Path]:
    """Write the nine Word templates into `folder`; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    hasil = []
    for jenis, susun in SUSUNAN.items():
        penyusun = Penyusun()
        susun(penyusun)
        tujuan = folder / f"{jenis.value}.docx"
        penyusun.akhir(tujuan)
        hasil.append(tujuan)
    return hasil


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "templates" / "docx"
    for berkas in bangun(folder):
        print(berkas)
