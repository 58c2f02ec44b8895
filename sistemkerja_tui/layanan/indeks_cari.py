"""In-memory search as you type: every query word must begin a word of the item's text.

Texts and queries are normalised the same way (`kata`): casefolded, dots and
apostrophes dropped (`S.Gz.` → `sgz`), other punctuation a space. A query may
be typed as a name is displayed, `dr. Siti Aminah, M.Kes.`: a word written
with a dot or after the comma (a gelar) is not required to match; items that
carry it too come first.

Rows are kept sorted by text, so a row number is also its rank. An inverted
index maps each distinct word to the sorted rows holding it (one flat array,
`mulai` giving each word's slice); the words beginning with a query word are
a range of the sorted vocabulary, and the length of their rows is known at
once. The rarest query word drives; the others are checked on each row (a
substring test at C speed) until the page is full, or, when that takes long,
by intersecting the row sets. Digit words (NIP) live in a second sorted list.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
_AKHIR = "\U0010ffff"
_HAPUS = re.compile(r"[.'’`]")
_PISAH = re.compile(r"[^\w]+")
_PISAH_BARIS = re.compile(r"[^\w\n]+")
_RANGKAI = 20_000  # a driving word whose words hold more rows than this is scanned row by row
_ANGGARAN = 3_000  # rows checked one by one before switching to set intersection
_Rentang = tuple[int, "array[int]", int, int, bool]


def kata(teks: str) -> list[str]:
    """The words of `teks` as the index compares them."""
    return _PISAH.sub(" ", _HAPUS.sub("", teks.casefold())).split()


def cocok(teks: str, nama: str) -> bool:
    """Whether every word of `teks` begins a word of `nama` (short lists filtered in place, e.g. the teams)."""
    kata_nama = kata(nama)
    return all(any(k.startswith(w) for k in kata_nama) for w in kata(teks))


class IndeksCari(Generic[T]):
    """Items found by every word of a query; ranked prefix of the text, whole phrase, the rest."""

    def __init__(self, entri: Iterable[tuple[str, T]]) -> None:
        """`entri`: (searchable text starting with the name, item) pairs."""
        teks: list[str] = []
        nilai: list[T] = []
        for k, v in entri:
            teks.append(k.replace("\n", " "))
            nilai.append(v)
        # normalised as `kata` does, in two passes over one string instead of two calls per row
        semua = _PISAH_BARIS.sub(" ", _HAPUS.sub("", "\n".join(teks).casefold())).split("\n") if teks else []
        kunci = [" " + " ".join(b.split()) for b in semua]
        urutan = sorted(range(len(kunci)), key=kunci.__getitem__)
        self._kunci = [kunci[i] for i in urutan]
        self._nilai = [nilai[i] for i in urutan]
        huruf: dict[str, list[int]] = {}
        angka: list[tuple[str, int]] = []
        tambah_angka = angka.append
        for i, k in enumerate(self._kunci):
            for w in set(k.split()):
                if w.isdigit():
                    tambah_angka((w, i))
                elif w in huruf:
                    huruf[w].append(i)
                else:
                    huruf[w] = [i]
        self._kosakata = sorted(huruf)
        self._mulai = array("I", [0])
        self._baris = array("I")
        for w in self._kosakata:
            self._baris.extend(huruf[w])
            self._mulai.append(len(self._baris))
        angka.sort()
        self._angka = [w for w, _ in angka]
        self._baris_angka = array("I", [i for _, i in angka])

    def __len__(self) -> int:
        return len(self._kunci)

    def kata_wajib(self, teks: str) -> tuple[list[str], list[str]]:
        """(words that must match, every word): a word with a dot or after the first comma (a gelar) need not.

        Digits and spaces only (`19850202 201001 2`) become one NIP fragment.
        """
        wajib, semua = [], []
        for n, bagian in enumerate(teks.split(",")):
            for mentah in bagian.split():
                w = kata(mentah)
                semua += w
                if n == 0 and "." not in mentah:
                    wajib += w
        wajib = wajib or semua
        if wajib and all(w.isdigit() for w in wajib):
            return ["".join(wajib)], ["".join(wajib)]
        return wajib, semua

    def _rentang(self, w: str) -> _Rentang:
        """(how many rows at most, the row array, from, to, one word only) of the words beginning with `w`."""
        if w.isdigit():
            a, b = bisect_left(self._angka, w), bisect_left(self._angka, w + _AKHIR)
            return b - a, self._baris_angka, a, b, b - a == 1
        a, b = bisect_left(self._kosakata, w), bisect_left(self._kosakata, w + _AKHIR)
        return self._mulai[b] - self._mulai[a], self._baris, self._mulai[a], self._mulai[b], b - a == 1

    def cari(self, teks: str, batas: int) -> list[T]:
        """Up to `batas` items; those that carry the typed gelar too come first."""
        wajib, semua = self.kata_wajib(teks)
        if semua == wajib:
            return [self._nilai[i] for i in self._cari(wajib, batas)]
        dulu = self._cari(semua, batas)
        if len(dulu) < batas:
            ada = set(dulu)
            dulu += [i for i in self._cari(wajib, batas) if i not in ada]
        return [self._nilai[i] for i in dulu[:batas]]

    def _cari(self, wajib: list[str], batas: int) -> list[int]:
        if not wajib:
            return []
        frasa = " " + " ".join(wajib)
        dari = bisect_left(self._kunci, frasa)
        sampai = bisect_left(self._kunci, frasa + _AKHIR)
        awalan = list(range(dari, min(sampai, dari + batas)))
        if len(awalan) >= batas:
            return awalan
        rentang = sorted((self._rentang(w), w) for w in set(wajib))
        if rentang[0][0][0] == 0:
            return awalan
        jumlah, baris, a, b, tunggal = rentang[0][0]
        calon: Sequence[int]
        periksa = [" " + w for _, w in rentang[1:]]
        if tunggal:  # one word: its rows are already in order
            calon = baris[a:b]
        elif jumlah <= _RANGKAI:
            calon = sorted(set(baris[a:b]))
        else:  # a short prefix of many words: dense, scan every row
            calon, periksa = range(len(self._kunci)), [" " + w for _, w in rentang]
        kurang = batas - len(awalan)
        temu: list[int] = []
        terakhir = -1
        for langkah, i in enumerate(calon):
            if langkah == _ANGGARAN and len(periksa) > 0:
                temu += self._irisan(rentang, terakhir, dari, sampai, kurang - len(temu))
                break
            terakhir = i
            if dari <= i < sampai:
                continue
            k = self._kunci[i]
            if all(w in k for w in periksa):
                temu.append(i)
                if len(temu) >= kurang:
                    break
        frasa_utuh = [i for i in temu if frasa in self._kunci[i]]
        lain = [i for i in temu if frasa not in self._kunci[i]]
        return awalan + frasa_utuh + lain

    @staticmethod
    def _irisan(rentang: list[tuple[_Rentang, str]], setelah: int, dari: int, sampai: int, n: int) -> list[int]:
        """The first `n` rows after `setelah`, outside [dari, sampai), holding every word (set intersection)."""
        himpunan: set[int] | None = None
        for (_, baris, a, b, _), _w in rentang:
            potong = baris[a:b]
            if himpunan is None:
                himpunan = set(potong)
            else:
                himpunan.intersection_update(potong)
            if not himpunan:
                return []
        assert himpunan is not None
        return sorted(i for i in himpunan if i > setelah and not dari <= i < sampai)[:n]
