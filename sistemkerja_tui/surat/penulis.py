"""Write a letter to disk as .txt, .md, .docx or .pdf, atomically.

.txt is the rendered text as issued and .md is made from it; .docx comes from
the kind's Word template and the same context (`surat.dokumen`), .pdf from
that .docx through LibreOffice.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Literal

from sistemkerja_tui.surat.konteks import JenisSurat, Konteks
from sistemkerja_tui.surat.lingkungan import GARIS, LEBAR

Format = Literal["txt", "md", "docx", "pdf"]
FORMAT: tuple[Format, ...] = ("txt", "md", "docx", "pdf")
HALAMAN_BARU = "\f"


class KeluaranTidakSah(Exception):
    """The letter cannot be written where asked; nothing was written."""


def nama_berkas(jenis: JenisSurat, nomor: str, format: Format) -> str:
    """`surat_tugas_800.1.2.3_12_DINKES_2026.txt`: `/`, spaces and other unsafe characters become `_`."""
    aman = re.sub(r"[^\w.-]+", "_", nomor.strip(), flags=re.ASCII).strip("._") or "tanpa_nomor"
    return f"{jenis.value}_{aman}.{format}"


def _baris_kop(baris: list[str], konteks: Konteks | None) -> set[int]:
    """Indexes of the letterhead lines: those of `konteks.kop`, else those above the rule."""
    kop = getattr(konteks, "kop", None)
    if kop is not None:
        isi = set(kop.baris)
        return {i for i, b in enumerate(baris[: len(kop.baris) + 2]) if b.strip() in isi}
    if GARIS not in baris:
        return set()
    return set(range(baris.index(GARIS)))


def _di_tengah(b: str) -> bool:
    """A centred heading line (title, MENUGASKAN:, ...)."""
    isi = b.strip()
    kiri = len(b) - len(b.lstrip())
    return bool(isi) and kiri >= 8 and abs(kiri - (LEBAR - kiri - len(isi))) <= 2 and isi.upper() == isi


def ke_markdown(teks: str, konteks: Konteks | None = None) -> str:
    """Kop in bold, centred titles as headings, the rest line by line with hard breaks."""
    baris = teks.split("\n")
    kop = _baris_kop(baris, konteks)
    keluar = []
    for i, b in enumerate(baris):
        if i in kop:
            keluar.append(f"**{b.strip()}**  ")
        elif b in (GARIS, HALAMAN_BARU):
            keluar.append("\n---\n")
        elif _di_tengah(b):
            keluar.append(f"### {b.strip()}")
        elif b.strip():
            awal = len(b) - len(b.lstrip())
            keluar.append("\u00a0" * awal + b.lstrip() + "  ")
        else:
            keluar.append("")
    return "\n".join(keluar)


def periksa_folder(folder: Path) -> None:
    """Refuse (`KeluaranTidakSah`) an output folder that is missing, is not a folder, or is not writable."""
    folder = Path(folder)
    if not folder.is_dir():
        berkas = next((p for p in (folder, *folder.parents) if p.exists()), None)
        if berkas is not None and not berkas.is_dir():
            raise KeluaranTidakSah(
                f"Folder keluaran {folder} tidak ada: {berkas} adalah berkas, bukan folder; pilih folder lain."
            )
        raise KeluaranTidakSah(f"Folder keluaran {folder} tidak ada; pilih folder lain atau buat dahulu.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise KeluaranTidakSah(f"Folder keluaran {folder} tidak dapat ditulisi; periksa izin folder itu.")


def tulis(
    teks: str, jenis: JenisSurat, nomor: str, folder: Path, format: Format = "txt", konteks: Konteks | None = None
) -> Path:
    """Write the letter into `folder` (temp file, then `os.replace`); return its path. .docx and .pdf need
    `konteks`; nothing is written when the template or the converter refuses."""
    folder = Path(folder)
    periksa_folder(folder)
    if format == "txt":
        data = teks.encode()
    elif format == "md":
        data = ke_markdown(teks, konteks).encode()
    elif format in ("docx", "pdf"):
        from sistemkerja_tui.surat.dokumen import ke_pdf, render_docx

        if konteks is None:
            raise KeluaranTidakSah(f"Berkas .{format} dibuat dari konteks surat, yang tidak diberikan.")
        data = render_docx(jenis, konteks)  # TemplatTidakSah names a broken Word template
        if format == "pdf":
            data = ke_pdf(data)  # PdfTidakTersedia says how to get LibreOffice
    else:
        raise KeluaranTidakSah(f"Format keluaran '{format}' tidak dikenal; pilih txt, md, docx, atau pdf.")
    tujuan = folder / nama_berkas(jenis, nomor, format)
    sementara = None
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".", suffix=".tmp", delete=False) as berkas:
            sementara = Path(berkas.name)
            berkas.write(data)
            berkas.flush()
            os.fsync(berkas.fileno())
        os.replace(sementara, tujuan)
    except OSError as exc:
        if sementara is not None:
            sementara.unlink(missing_ok=True)
        raise KeluaranTidakSah(f"Surat tidak dapat ditulis ke folder {folder}: {exc.strerror or exc}.") from exc
    return tujuan
