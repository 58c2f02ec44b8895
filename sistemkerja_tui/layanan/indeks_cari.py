"""In-memory search over every pegawai: name, NIP or jabatan, as you type.

All keys live in one big string so the scan for a word runs at C speed
(`str.find`); names that start with the query come from a bisect on the
sorted keys. 80 000 pegawai answer in a few milliseconds.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")
_AKHIR = "\U0010ffff"


class IndeksCari(Generic[T]):
    """Items found by every word of a query; ranked prefix of name, whole phrase, the rest."""

    def __init__(self, entri: Iterable[tuple[str, T]]) -> None:
        """`entri`: (searchable text starting with the name, item) pairs."""
        urut = sorted(((k.casefold().replace("\n", " "), v) for k, v in entri), key=lambda e: e[0])
        self._kunci = [k for k, _ in urut]
        self._nilai = [v for _, v in urut]
        self._awal: list[int] = []
        posisi = 0
        for k in self._kunci:
            self._awal.append(posisi)
            posisi += len(k) + 1
        self._teks = "\n".join(self._kunci) + "\n"

    def __len__(self) -> int:
        return len(self._kunci)

    @staticmethod
    def normalkan(teks: str) -> str:
        """Casefolded, single-spaced; a query of digits and spaces becomes one NIP fragment."""
        teks = " ".join(teks.casefold().split())
        return teks.replace(" ", "") if teks.replace(" ", "").isdigit() else teks

    def cari(self, teks: str, batas: int) -> list[T]:
        teks = self.normalkan(teks)
        if not teks:
            return []
        kata = teks.split()
        dari, sampai = bisect_left(self._kunci, teks), bisect_left(self._kunci, teks + _AKHIR)
        awalan = list(range(dari, min(sampai, dari + batas)))
        frasa: list[int] = []
        lain: list[int] = []
        terpanjang = max(kata, key=len)
        pos = 0
        while len(awalan) + len(frasa) < batas:
            pos = self._teks.find(terpanjang, pos)
            if pos < 0:
                break
            i = bisect_right(self._awal, pos) - 1
            pos = self._awal[i] + len(self._kunci[i]) + 1  # next row
            if dari <= i < sampai:
                continue
            kunci = self._kunci[i]
            if teks in kunci:
                frasa.append(i)
            elif len(lain) < batas and all(k in kunci for k in kata):
                lain.append(i)
        return [self._nilai[i] for i in (awalan + frasa + lain)[:batas]]
