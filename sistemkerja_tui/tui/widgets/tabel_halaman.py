"""A long list in a table, one page at a time: only the rows of the page shown are ever in the widget."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import DataTable

PER_HALAMAN = 100


def ribuan(n: int) -> str:
    """12345 -> "12.345" (the Indonesian thousands separator)."""
    return f"{n:,}".replace(",", ".")


class TabelHalaman(DataTable):
    """`isi(baris)` keeps the whole list; `geser(±1)` shows the next or previous page of it."""

    def __init__(self, kolom: Sequence[tuple[str, int | None]], *, per_halaman: int = PER_HALAMAN, **kwargs) -> None:
        """`kolom`: (label, width or None for as wide as its content)."""
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.kolom = tuple(kolom)
        self.per_halaman = per_halaman
        self.baris: Sequence[Sequence[str]] = ()
        self.halaman = 0

    def on_mount(self) -> None:
        for label, lebar in self.kolom:
            self.add_column(label, width=lebar)
        self._tampil()

    def isi(self, baris: Sequence[Sequence[str]]) -> None:
        self.baris = baris
        self.halaman = 0
        if self.is_mounted:
            self._tampil()

    @property
    def jumlah_halaman(self) -> int:
        return max(1, -(-len(self.baris) // self.per_halaman))

    def geser(self, langkah: int) -> bool:
        """Show the page `langkah` pages away; False when there is none."""
        baru = min(max(self.halaman + langkah, 0), self.jumlah_halaman - 1)
        if baru == self.halaman:
            return False
        self.halaman = baru
        self._tampil()
        return True

    def _tampil(self) -> None:
        self.clear()
        awal = self.halaman * self.per_halaman
        for b in self.baris[awal : awal + self.per_halaman]:
            self.add_row(*b)

    @property
    def keterangan(self) -> str:
        """'Baris 1–100 dari 1.234 · halaman 1/13'."""
        if not self.baris:
            return "Tidak ada rincian."
        awal = self.halaman * self.per_halaman
        akhir = min(awal + self.per_halaman, len(self.baris))
        teks = f"Baris {ribuan(awal + 1)}–{ribuan(akhir)} dari {ribuan(len(self.baris))}"
        if self.jumlah_halaman > 1:
            teks += f" · halaman {self.halaman + 1}/{self.jumlah_halaman} (] berikutnya, [ sebelumnya)"
        return teks
