"""What both readers share: one data row seen through the column mapping, refusals collected per row."""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from pathlib import Path
from threading import Event
from typing import Any, TypeVar

from sistemkerja_tui.impor import nilai
from sistemkerja_tui.impor.berkas import Kemajuan, Sel, Tabel, baca_tabel
from sistemkerja_tui.impor.kolom import Pemetaan, TabelAlias
from sistemkerja_tui.impor.model import BarisPegawai, BarisUnit, HasilBaca, Penolakan

T = TypeVar("T", BarisPegawai, BarisUnit)
H = TypeVar("H")


class Baris:
    """One data row: cells by field name, and the refusals found while reading it."""

    __slots__ = ("_alias", "_peta", "_sel", "ditolak", "isi", "nomor")

    def __init__(self, nomor: int, sel: list[Sel], pemetaan: Pemetaan, alias: TabelAlias) -> None:
        self.nomor = nomor
        self._sel = sel
        self._peta = pemetaan
        self._alias = alias
        self.ditolak: list[Penolakan] = []
        # The mapped cells as text (`nilai.teks`) by field; an empty cell, or a field the file has no column
        # for, is absent. Text cells (all of a CSV) take the C-level path: 80 000 rows × 20 fields.
        self.isi: dict[str, str]
        try:
            bersih = map(str.lstrip, map(str.strip, pemetaan.ambil(sel)), repeat(nilai.KUTIP))
            self.isi = {b: t for b, t in zip(pemetaan.urutan, bersih, strict=True) if t not in nilai.KOSONG_SEMUA}
        except (TypeError, IndexError):  # a number, date or empty cell of a spreadsheet; a short row
            n, teks = len(sel), nilai.teks
            self.isi = {b: t for b, i in pemetaan.pasangan if i < n and (t := teks(sel[i]))}

    def sel(self, bidang: str) -> Sel:
        i = self._peta.indeks.get(bidang)
        return self._sel[i] if i is not None and i < len(self._sel) else None

    def teks(self, bidang: str) -> str:
        return self.isi.get(bidang, "")

    @property
    def bidang(self) -> frozenset[str]:
        """The fields the file's header maps (the same for every row)."""
        return self._peta.bidang

    def kolom(self, bidang: str) -> str:
        """The file's header for a field (its label when the file has no such column)."""
        return self._peta.header.get(bidang) or self._alias.label(bidang)

    def tolak(self, bidang: str, alasan: str) -> None:
        self.ditolak.append(Penolakan(self.nomor, self.kolom(bidang), alasan))

    def coba(self, bidang: str, cadangan: H, ubah: Callable[..., H], *args: Any) -> H:
        """`ubah(*args)`, or `cadangan` with a refusal naming the column when it raises ValueError."""
        try:
            return ubah(*args)
        except ValueError as e:
            self.tolak(bidang, str(e))
            return cadangan


def baca(
    path: Path | str,
    alias: TabelAlias,
    baca_baris: Callable[[Baris], T | None],
    kemajuan: Kemajuan | None,
    batal: Event | None = None,
) -> HasilBaca[T]:
    """Find the header, map it, read every row with `baca_baris` (None or refusals: the row is refused).
    `BacaDibatalkan` once `batal` is set (checked every 1000 rows, after `kemajuan`)."""
    nama = Path(path).name
    tabel: Tabel | None = baca_tabel(path, alias.kenali, kemajuan=kemajuan, batal=batal)
    if tabel is None:
        return HasilBaca(
            berkas=nama,
            baris_header=0,
            pemetaan={},
            kolom_wajib_hilang=[alias.label(b) for b in alias.wajib],
            catatan=[
                "Baris judul kolom tidak ditemukan pada 20 baris pertama berkas. Pastikan berkas memuat satu baris "
                "judul kolom, misalnya: " + "; ".join(alias.pesan_hilang(b) for b in alias.wajib)
            ],
        )
    peta = alias.petakan(tabel.header)
    hasil: HasilBaca[T] = HasilBaca(
        berkas=nama,
        baris_header=tabel.baris_header,
        pemetaan=peta.sebagai_berkas(),
        kolom_wajib_hilang=[alias.label(b) for b in peta.hilang],
        catatan=list(peta.pesan_hilang),
    )
    if peta.hilang:
        return hasil
    for nomor, sel in tabel.baris:
        hasil.jumlah_baris += 1
        b = Baris(nomor, sel, peta, alias)
        baris = baca_baris(b)
        if b.ditolak or baris is None:
            hasil.ditolak.extend(b.ditolak)
        else:
            hasil.baris.append(baris)
    return hasil
