"""The candidate list of the ketua picker: one line per candidate, only the visible lines are drawn.

The list knows how many candidates there are; their pages are read in a worker as the view or the cursor
comes near them (a row not read yet shows "…"), so a pool of any size opens with its first page.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sistemkerja_tui.layanan.tim import DaftarCalon, Penilaian
from sistemkerja_tui.tui.pekerja import kerjakan


def jabatan_calon(n: Penilaian) -> str:
    """`Perawat Ahli Muda` or, without a jabatan name, `Fungsional Ahli Muda`; with the kelas when known."""
    k = n.kandidat
    jabatan = k.jabatan or (f"{k.jenis.label} {k.jenjang.label}" if k.jenjang else k.jenis.label)
    return f"{jabatan}, kelas {k.kelas_jabatan}" if k.kelas_jabatan else jabatan


class DaftarCalonVirtual(ScrollView, can_focus=True):
    """A virtual list over a `DaftarCalon`: draws only the rows in view, however many candidates there are."""

    COMPONENT_CLASSES = {"daftar-calon--kursor"}
    DEFAULT_CSS = """
    DaftarCalonVirtual > .daftar-calon--kursor { background: $accent 40%; text-style: bold; }
    DaftarCalonVirtual:focus > .daftar-calon--kursor { background: $accent; }
    """
    BINDINGS = [
        Binding("down,j", "bawah", "Turun", show=False, id="calon.turun", tooltip="Calon berikutnya"),
        Binding("up,k", "atas", "Naik", show=False, id="calon.naik", tooltip="Calon sebelumnya"),
        Binding(
            "pagedown",
            "halaman(1)",
            "Halaman berikut",
            show=False,
            id="calon.halaman_berikut",
            tooltip="Satu layar calon ke bawah",
        ),
        Binding(
            "pageup",
            "halaman(-1)",
            "Halaman sebelum",
            show=False,
            id="calon.halaman_sebelum",
            tooltip="Satu layar calon ke atas",
        ),
        Binding("home,g", "ke(0)", "Awal", show=False, id="calon.awal", tooltip="Ke calon pertama"),
        Binding("end,G", "ke(-1)", "Akhir", show=False, id="calon.akhir", tooltip="Ke calon terakhir"),
        Binding("enter", "pilih", "Pilih", show=False, id="calon.pilih", tooltip="Pilih calon yang disorot"),
    ]

    class Disorot(Message):
        """The cursor is on `indeks` (None when the list is empty); `termuat`: its candidate is read (else
        another `Disorot` follows once it is)."""

        def __init__(self, indeks: int | None, termuat: bool = True) -> None:
            super().__init__()
            self.indeks, self.termuat = indeks, termuat

    class Dipilih(Message):
        """Enter on the candidate at `indeks`."""

        def __init__(self, indeks: int) -> None:
            super().__init__()
            self.indeks = indeks

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.daftar: DaftarCalon | None = None
        self.kursor = 0
        self._dibaca: set[int] = set()  # pages being read, by their first candidate

    def isi(self, daftar: DaftarCalon) -> None:
        """Show `daftar` from its first candidate."""
        self.daftar = daftar
        self.kursor = 0
        self._dibaca = set()
        self.virtual_size = Size(0, len(daftar))
        self.scroll_to(y=0, animate=False)
        self.refresh()
        self._sorot()

    def _sorot(self) -> None:
        """Report the cursor's candidate, or read its page first."""
        if not self.daftar:
            self.post_message(self.Disorot(None))
        elif self.daftar.termuat(self.kursor):
            self.post_message(self.Disorot(self.kursor))
        else:
            self.post_message(self.Disorot(self.kursor, termuat=False))
            self._baca(self.kursor)

    def _baca(self, indeks: int) -> None:
        """Read the page of candidate `indeks` in a worker unless it is read or being read."""
        daftar = self.daftar
        if daftar is None or not 0 <= indeks < len(daftar) or daftar.termuat(indeks):
            return
        awal = indeks - indeks % daftar.HALAMAN
        if awal in self._dibaca:
            return
        self._dibaca.add(awal)

        def selesai(_: None) -> None:
            if self.daftar is not daftar:  # a filter replaced the list meanwhile
                return
            self._dibaca.discard(awal)
            self.refresh()
            if awal <= self.kursor < awal + daftar.HALAMAN:
                self.post_message(self.Disorot(self.kursor))

        kerjakan(self, lambda: daftar.muat(indeks), selesai, grup="halaman-calon")

    def pindah(self, indeks: int) -> None:
        """Put the cursor on `indeks` (clamped) and keep it in view."""
        if not self.daftar:
            return
        self.kursor = max(0, min(indeks, len(self.daftar) - 1))
        tinggi = max(1, self.scrollable_content_region.height)
        if self.kursor < self.scroll_offset.y:
            self.scroll_to(y=self.kursor, animate=False)
        elif self.kursor >= self.scroll_offset.y + tinggi:
            self.scroll_to(y=self.kursor - tinggi + 1, animate=False)
        self.refresh()
        self._sorot()
        for dekat in (self.kursor + tinggi + self.daftar.HALAMAN // 4, self.kursor - self.daftar.HALAMAN // 4):
            self._baca(dekat)  # the next page (or the previous one) before the cursor reaches it

    def action_bawah(self) -> None:
        self.pindah(self.kursor + 1)

    def action_atas(self) -> None:
        self.pindah(self.kursor - 1)

    def action_halaman(self, arah: int) -> None:
        self.pindah(self.kursor + arah * max(1, self.scrollable_content_region.height))

    def action_ke(self, indeks: int) -> None:
        self.pindah(indeks if indeks >= 0 else len(self.daftar or ()) - 1)

    def action_pilih(self) -> None:
        if self.daftar:
            self.post_message(self.Dipilih(self.kursor))

    def render_line(self, y: int) -> Strip:
        indeks = self.scroll_offset.y + y
        lebar = self.scrollable_content_region.width
        if self.daftar is None or indeks >= len(self.daftar):
            return Strip.blank(lebar, self.rich_style)
        if not self.daftar.termuat(indeks):
            self.call_later(self._baca, indeks)
            return Strip([Segment("  …".ljust(lebar), self.rich_style)], lebar)
        n = self.daftar[indeks]
        layak = self.daftar.layak(indeks)
        teks = Text.assemble(
            ("✓ " if layak else "✗ ", "bold green" if layak else "bold red"),
            (n.kandidat.nama, "bold"),
            (f"  {jabatan_calon(n)}", ""),
            ("" if layak else f"  ({len(n.galat)} alasan)", "red"),
            no_wrap=True,
            overflow="ellipsis",
            end="",
        )
        teks.truncate(lebar, overflow="ellipsis", pad=True)
        gaya: Style = self.rich_style
        if indeks == self.kursor:
            gaya = gaya + self.get_component_rich_style("daftar-calon--kursor")
        segmen = [Segment(s.text, gaya + s.style if s.style else gaya) for s in teks.render(self.app.console)]
        return Strip(segmen, lebar).crop(0, lebar)
