"""Office documents of a letter: .docx from a Word template with Jinja fields (docxtpl), .pdf from that .docx.

The Word template of a kind is `docx/<jenis>.docx` in the user's templates
folder, else the shipped one (`templates/docx/`, built by
`surat.templat_docx`). It is rendered with the same context as the text
(`surat`), in a sandbox with the bounds of `batas` and `StrictUndefined`: a
broken or unsafe template, a missing field or a missing image is
`TemplatTidakSah` naming the file. Two more names are given to a template:
`logo` (the picture `docx/logo.png`/`.jpg` of the user's folder, or nothing)
and `gambar("berkas.png", lebar_mm)` (a picture of that folder; refused when
it is not there). The PDF is LibreOffice's (`soffice --headless`) rendering
of the .docx; without LibreOffice `PdfTidakTersedia` says what to install.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError
from markupsafe import Markup

from sistemkerja_tui.surat.batas import LingkunganTerbatas, awasi_filter
from sistemkerja_tui.surat.konteks import JenisSurat, Konteks
from sistemkerja_tui.surat.lingkungan import (
    TemplatTidakSah,
    folder_bawaan,
    folder_pengguna_bawaan,
    galat_templat,
    nip,
    tanggal,
    terbilang,
    urutan,
)

BATAS_XML = 5_000_000  # characters of a rendered document.xml (a letter's is some tens of thousands)
BATAS_GAMBAR = 5 * 1024 * 1024  # bytes of a logo or other picture
BATAS_TEMPLAT = 20 * 1024 * 1024  # bytes of a Word template (the shipped ones are about 40 KB)
WAKTU_PDF = 180  # seconds LibreOffice may take for one letter
PAKET_PDF = "libreoffice-writer-nogui"
_NAMA_LOGO = ("logo.png", "logo.jpg", "logo.jpeg")


class PdfTidakTersedia(Exception):
    """No converter for PDF; the message says what to install. Nothing was written."""


def berkas_templat(jenis: JenisSurat, folder_pengguna: Path | None = None) -> Path:
    """The Word template of `jenis`: the user's copy when there is one, else the shipped one."""
    nama = f"{jenis.value}.docx"
    pengguna = _folder_docx(folder_pengguna)
    if (pengguna / nama).is_file():
        return pengguna / nama
    return folder_bawaan() / "docx" / nama


def _folder_docx(folder_pengguna: Path | None) -> Path:
    return Path(folder_pengguna if folder_pengguna is not None else folder_pengguna_bawaan()) / "docx"


class _LingkunganDocx(LingkunganTerbatas):
    """The letter sandbox for Word XML: autoescaped, and compiled templates kept by source (docxtpl compiles
    the whole document.xml on every render)."""

    def __init__(self) -> None:
        super().__init__(batas_teks=BATAS_XML, undefined=StrictUndefined, autoescape=True)
        self.filters.update(tanggal=tanggal, terbilang=terbilang, nip=nip, urutan=urutan)
        awasi_filter(self)
        self._tersimpan: dict[str, Any] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        templat = self._tersimpan.get(source)
        if templat is None:
            if len(self._tersimpan) >= 64:
                self._tersimpan.clear()
            templat = self._tersimpan[source] = super().from_string(source)
        return templat


@lru_cache(maxsize=1)
def _lingkungan() -> _LingkunganDocx:
    return _LingkunganDocx()


def _gambar(tpl: Any, folder: Path, berkas_docx: Path, nama: str, lebar_mm: float) -> Any:
    """An `InlineImage` of `folder/nama`; `TemplatTidakSah` when the name is not a plain file name there."""
    from docx.shared import Mm
    from docxtpl import InlineImage

    jalur = folder / nama
    if Path(nama).name != nama or not nama or not jalur.is_file():
        raise TemplatTidakSah(
            f"Berkas gambar {nama} yang dipakai templat Word {berkas_docx} tidak ditemukan di {folder}; "
            "letakkan berkas itu di sana atau hapus isian gambar itu dari templat.",
            str(berkas_docx),
        )
    if jalur.stat().st_size > BATAS_GAMBAR:
        raise TemplatTidakSah(f"Berkas gambar {jalur} lebih dari 5 MB; perkecil gambarnya.", str(berkas_docx))
    if not isinstance(lebar_mm, (int, float)) or not 1 <= lebar_mm <= 200:
        raise TemplatTidakSah(f"Lebar gambar {nama} di templat {berkas_docx} harus 1 sampai 200 mm.", str(berkas_docx))
    return InlineImage(tpl, str(jalur), width=Mm(lebar_mm))


def render_docx(jenis: JenisSurat, konteks: Konteks, *, folder_pengguna: Path | None = None) -> bytes:
    """The .docx of a letter from its Word template and context; `TemplatTidakSah` names the file at fault."""
    from docxtpl import DocxTemplate

    berkas = berkas_templat(jenis, folder_pengguna)
    folder = _folder_docx(folder_pengguna)
    if berkas.is_file() and berkas.stat().st_size > BATAS_TEMPLAT:
        raise TemplatTidakSah(f"Templat Word {berkas} lebih dari 20 MB; perkecil gambar di dalamnya.", str(berkas))
    try:
        tpl = DocxTemplate(str(berkas))
        tpl.init_docx()
        logo = next((n for n in _NAMA_LOGO if (folder / n).is_file()), None)
        isi = {
            "surat": konteks,
            "logo": _gambar(tpl, folder, berkas, logo, 22) if logo else Markup(""),
            "gambar": lambda nama, lebar_mm=22: _gambar(tpl, folder, berkas, nama, lebar_mm),
        }
        tpl.render(isi, jinja_env=_lingkungan(), autoescape=True)
        _sel_berparagraf(tpl.docx.element.body)
        keluaran = io.BytesIO()
        tpl.save(keluaran)
    except TemplatTidakSah:
        raise
    except TemplateSyntaxError as exc:
        raise TemplatTidakSah(
            f"Templat Word {berkas} rusak: {exc.message}. Periksa isian {{{{ … }}}} dan {{% … %}} di dokumen itu.",
            str(berkas),
        ) from exc
    except Exception as exc:  # a user template is untrusted: every failure names its file
        if isinstance(exc, FileNotFoundError) or type(exc).__name__ in ("PackageNotFoundError", "BadZipFile"):
            raise TemplatTidakSah(
                f"Templat Word {berkas} tidak dapat dibuka sebagai .docx; simpan ulang dari Word/LibreOffice.",
                str(berkas),
            ) from exc
        raise galat_templat(exc, str(berkas), str(berkas)) from exc
    return keluaran.getvalue()


def _sel_berparagraf(body: Any) -> None:
    """Word requires a paragraph in every table cell: give one to a cell whose only content was a loop over
    nothing (e.g. an empty Menimbang)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for sel in body.iter(qn("w:tc")):
        if sel.find(qn("w:p")) is None and sel.find(qn("w:tbl")) is None:
            sel.append(OxmlElement("w:p"))


def pengubah_pdf() -> str | None:
    """The LibreOffice program on PATH (`soffice` or `libreoffice`), if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pesan_tanpa_pdf() -> str:
    return (
        "Ekspor PDF memerlukan LibreOffice, yang belum terpasang di komputer ini. Pasang paket "
        f"{PAKET_PDF} (Debian/Ubuntu: sudo apt-get install {PAKET_PDF}; Windows/macOS: LibreOffice dari "
        "situs resminya), atau ekspor ke .docx lalu simpan sebagai PDF dari Word/LibreOffice."
    )


def periksa_pdf() -> None:
    """Refuse (`PdfTidakTersedia`) when no converter is installed."""
    if pengubah_pdf() is None:
        raise PdfTidakTersedia(pesan_tanpa_pdf())


def ke_pdf(docx: bytes) -> bytes:
    """The PDF LibreOffice makes of `docx` (a private profile per call, so a running LibreOffice is untouched)."""
    program = pengubah_pdf()
    if program is None:
        raise PdfTidakTersedia(pesan_tanpa_pdf())
    with tempfile.TemporaryDirectory(prefix="sistemkerja-pdf-") as kerja:
        folder = Path(kerja)
        (folder / "surat.docx").write_bytes(docx)
        perintah = [
            program,
            f"-env:UserInstallation={(folder / 'profil').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(folder / "surat.docx"),
        ]
        try:
            hasil = subprocess.run(
                perintah,
                capture_output=True,
                timeout=WAKTU_PDF,
                check=False,
                env={**os.environ, "HOME": str(folder)},
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            raise PdfTidakTersedia(
                f"LibreOffice tidak selesai membuat PDF dalam {WAKTU_PDF} detik; coba lagi."
            ) from exc
        pdf = folder / "surat.pdf"
        if hasil.returncode != 0 or not pdf.is_file():
            galat = hasil.stderr.decode(errors="replace").strip().splitlines()
            raise PdfTidakTersedia(
                "LibreOffice gagal membuat PDF" + (f": {galat[-1]}" if galat else "") + "; ekspor ke .docx saja."
            )
        return pdf.read_bytes()
