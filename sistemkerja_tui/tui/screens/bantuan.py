"""Help screen: every key of the app, generated from the bindings themselves, in the registry's order."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from sistemkerja_tui.tui.widgets.kaki import KakiLayar

PENGANTAR = (
    "Sistem Kerja TUI dipakai sepenuhnya dengan papan ketik. Tab/Shift+Tab berpindah panel; "
    "tombol panah atau j/k/h/l bergerak. Tombol dapat diubah di [keymap] berkas konfigurasi "
    "dengan id di kolom kanan."
)


def bagian_bantuan(umum: list[Binding]) -> list[tuple[str, list[Binding]]]:
    """The help's sections: the app's keys (`umum`), each registered screen's, then the shared dialogs'."""
    from sistemkerja_tui.tui.layar import BANTUAN_BERSAMA, LAYAR

    bagian = [b for layar in LAYAR for b in layar.bantuan] + list(BANTUAN_BERSAMA)
    return [("Umum", umum)] + [(b.judul, b.bindings()) for b in bagian]


def _kunci_efektif(binding: Binding, keymap: dict[str, str]) -> Binding:
    if binding.id and binding.id in keymap:
        return replace(binding, key=keymap[binding.id], key_display=None)
    return binding


class LayarBantuan(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "app.pop_screen", "Tutup", id="bantuan.tutup", tooltip="Tutup layar bantuan"),
        Binding("j,down", "gulir(1)", "Turun", show=False, id="bantuan.turun", tooltip="Gulir ke bawah"),
        Binding("k,up", "gulir(-1)", "Naik", show=False, id="bantuan.naik", tooltip="Gulir ke atas"),
    ]

    def __init__(self, bagian: list[tuple[str, list[Binding]]], keymap: dict[str, str]) -> None:
        super().__init__()
        self.bagian = bagian
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="kotak-bantuan"):
            yield Static(Text("Bantuan — daftar tombol", style="bold"), id="judul-bantuan")
            yield Static(Text(PENGANTAR), id="pengantar-bantuan")
            yield Static(self._tabel(), id="tabel-bantuan")
            yield Static(Text("Esc, q atau ? menutup layar ini.", style="dim"))
        yield KakiLayar()  # its own keys, not those of the screen behind it

    def _tabel(self) -> Group:
        """A heading and a table per section; the key and id columns as wide as their widest entry over all
        sections (aligned from one section to the next), the description wraps in the rest."""
        baris = [
            (judul, [(self._tombol(b), b.tooltip or b.description, b.id or "") for b in bs])
            for judul, bs in self.bagian
        ]
        semua = [r for _, rs in baris for r in rs]
        lebar_tombol = max((len(r[0]) for r in semua), default=6)
        lebar_id = max((len(r[2]) for r in semua), default=2)
        bagian: list[Text | Table] = []
        for i, (judul, rs) in enumerate(baris):
            bagian.append(Text(judul, style="bold underline"))
            t = Table(box=None, padding=(0, 1), expand=True, show_header=i == 0, header_style="bold")
            t.add_column("Tombol", no_wrap=True, width=lebar_tombol)
            t.add_column("Fungsi", ratio=1)
            t.add_column("Id", style="dim", no_wrap=True, width=lebar_id)
            for r in rs:
                t.add_row(*r)
            bagian.append(t)
        return Group(*bagian)

    def _tombol(self, b: Binding) -> str:
        """The keys of `b` as the user's keymap has them, e.g. "j / ↓"."""
        efektif = _kunci_efektif(b, self.keymap)
        if efektif.key_display:
            return efektif.key_display
        return " / ".join(
            self.app.get_key_display(replace(efektif, key=k.strip(), key_display=None)) for k in efektif.key.split(",")
        )

    def action_gulir(self, arah: int) -> None:
        self.query_one("#kotak-bantuan").scroll_relative(y=arah * 3, animate=False)
