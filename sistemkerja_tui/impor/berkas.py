"""A file as rows of cells: CSV (UTF-8, UTF-8 with BOM, UTF-16 or cp1252; `,` `;` tab or `|`) or a spreadsheet.

Spreadsheets (.xlsx, .xls, .ods) are read with python-calamine, one reader for all three. Rows are yielded one
at a time; the header row is found within the first rows by how many of its cells a caller recognises.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import chain, islice
from pathlib import Path
from threading import Event

Sel = str | int | float | bool | date | datetime | time | timedelta | None
Kemajuan = Callable[[int], None]  # called with the number of data rows read so far

BATAS_CARI_HEADER = 20  # e-Kinerja puts a title block above the header
PEMISAH = (",", ";", "\t", "|")
SPREADSHEET = (".xlsx", ".xlsm", ".xls", ".ods")
_LAPOR_TIAP = 1000  # rows between two progress calls
_POTONGAN = 1 << 18


class BerkasTidakTerbaca(ValueError):
    """The file cannot be opened or read as a table; the message (Indonesian) says why and what to do."""


class BacaDibatalkan(Exception):
    """The caller's `batal` event was set while the rows were read (checked every 1000 rows)."""


@dataclass
class Tabel:
    """A table found in a file: the header row (1-based), its cells, the data rows after it."""

    baris_header: int
    header: list[str]
    baris: Iterator[tuple[int, list[Sel]]]  # (row number as a spreadsheet shows it, cells); empty rows skipped


def baca_tabel(
    path: Path | str,
    kenali: Callable[[Sequence[str]], int],
    *,
    kemajuan: Kemajuan | None = None,
    batal: Event | None = None,
) -> Tabel | None:
    """The table in `path`: its header is the row among the first 20 where `kenali` (how many header cells it knows)
    is highest and at least 2. None when no such row exists. `BerkasTidakTerbaca` when the file cannot be read;
    `BacaDibatalkan` from the rows once `batal` is set."""
    p = Path(path)
    baris = _baris_berkas(p)
    awal = list(islice(baris, BATAS_CARI_HEADER))
    skor = [(kenali([_teks_header(s) for s in r]), i) for i, (_, r) in enumerate(awal)]
    terbaik = max(skor, key=lambda s: (s[0], -s[1]), default=(0, 0))
    if terbaik[0] < 2:
        return None
    nomor, header = awal[terbaik[1]]
    sisa = chain(awal[terbaik[1] + 1 :], baris)
    judul = [_teks_header(s) for s in header]
    return Tabel(nomor, judul, _data(sisa, judul, kemajuan, batal))


def _teks_header(sel: Sel) -> str:
    if isinstance(sel, float) and sel.is_integer():
        return str(int(sel))
    return "" if sel is None else str(sel).strip()


def _data(
    baris: Iterator[tuple[int, list[Sel]]], header: list[str], kemajuan: Kemajuan | None, batal: Event | None
) -> Iterator[tuple[int, list[Sel]]]:
    """Data rows; empty rows and repeats of the header (a printout's page headers) skipped. Every 1000 rows:
    `kemajuan(n)`, then `BacaDibatalkan` if `batal` is set."""
    n = 0
    judul = header[0] if header else None
    for nomor, sel in baris:
        awal = sel[0] if sel else None
        if type(awal) is str and (awal := awal.strip()):  # the usual row, its first cell text: one test
            if awal == judul and [_teks_header(s) for s in sel] == header:
                continue
        elif _kosong_atau_judul(sel, header):
            continue
        n += 1
        if n % _LAPOR_TIAP == 0:
            if kemajuan is not None:
                kemajuan(n)
            if batal is not None and batal.is_set():
                raise BacaDibatalkan
        yield nomor, sel
    if kemajuan is not None:
        kemajuan(n)


def _kosong_atau_judul(sel: list[Sel], header: list[str]) -> bool:
    """An empty row, or a repeat of the header (a printout's page headers)."""
    if all(s is None or (isinstance(s, str) and not s.strip()) for s in sel):
        return True
    return bool(header) and _teks_header(sel[0]) == header[0] and [_teks_header(s) for s in sel] == header


def _baris_berkas(path: Path) -> Iterator[tuple[int, list[Sel]]]:
    if not path.is_file():
        raise BerkasTidakTerbaca(f"Berkas '{path.name}' tidak ditemukan. Periksa lokasi dan nama berkasnya.")
    akhiran = path.suffix.lower()
    if akhiran in SPREADSHEET:
        return _baris_spreadsheet(path)
    if akhiran in (".csv", ".txt", ".tsv", ""):
        return _baris_csv(path)
    raise BerkasTidakTerbaca(
        f"Berkas '{path.name}' berjenis '{akhiran}' tidak dapat dibaca. "
        "Simpan sebagai .csv, .xlsx, .xls atau .ods lalu impor lagi."
    )


def _pengodean(path: Path) -> str:
    """`utf-8-sig` when the whole file is UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's "Unicode Text"),
    otherwise cp1252 (Excel on Windows)."""
    dekoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as f:
            if f.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
                return "utf-16"
            f.seek(0)
            while potongan := f.read(_POTONGAN):
                dekoder.decode(potongan)
            dekoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _pemisah(baris_awal: Sequence[str]) -> str:
    """The delimiter that splits one of the first lines (the header) into the most fields; `,` on a tie."""
    terbaik = max(((b.count(p), -i) for b in baris_awal for i, p in enumerate(PEMISAH)), default=(0, 0))
    return PEMISAH[-terbaik[1]] if terbaik[0] else ","


def _baris_csv(path: Path) -> Iterator[tuple[int, list[Sel]]]:
    pengodean = _pengodean(path)
    with path.open(encoding=pengodean, errors="replace", newline="") as f:
        awal = list(islice(f, BATAS_CARI_HEADER))
    pemisah = _pemisah(awal)

    def baris() -> Iterator[tuple[int, list[Sel]]]:
        with path.open(encoding=pengodean, errors="replace", newline="") as f:
            yield from enumerate(csv.reader(f, delimiter=pemisah), 1)  # the cells as csv gives them (list[str])

    return baris()


def _baris_spreadsheet(path: Path) -> Iterator[tuple[int, list[Sel]]]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        buku = CalamineWorkbook.from_path(str(path))
        # the first sheet with data; each sheet is loaded once (loading is most of the reading time)
        lembar = next((s for s in map(buku.get_sheet_by_name, buku.sheet_names) if s.height > 0), None)
    except (CalamineError, OSError, ValueError) as e:
        raise BerkasTidakTerbaca(
            f"Berkas '{path.name}' tidak dapat dibuka sebagai lembar kerja ({type(e).__name__}). "
            "Buka di Excel atau LibreOffice, simpan ulang sebagai .xlsx atau .csv, lalu impor lagi."
        ) from None

    def baris() -> Iterator[tuple[int, list[Sel]]]:
        if lembar is None:
            return
        # iter_rows starts at the sheet's first row, empty leading rows included (tests/test_impor_baca.py)
        for nomor, r in enumerate(lembar.iter_rows(), 1):
            yield nomor, list[Sel](r)

    return baris()
