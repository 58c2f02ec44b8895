"""Search-as-you-type over the whole Pemda: pegawai by name, NIP, gelar or jabatan; units by name."""

from __future__ import annotations

import time

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from sistemkerja_tui.layanan.struktur import BATAS_CARI, HasilCari, LayananStruktur
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.widgets.kaki import KakiLayar

PESAN_MENYIAPKAN = "Menyiapkan indeks pencarian… hasil muncul begitu siap."
_Bagian = tuple[str, str]  # (text, style)


class BarisHasil(Visual):
    """One result in two lines (a line longer than the list wraps, as text does). The option list measures
    every result it holds: a line that fits is measured by its length alone, and text is styled and laid
    out only for the rows on screen, so a keystroke stays cheap with a full page of results. The screen keeps
    a result's rows while the next keystroke finds it again."""

    def __init__(self, atas: list[_Bagian], bawah: _Bagian) -> None:
        self.atas, self.bawah = atas, bawah
        self._gambar: dict[tuple[int, int | None, Style], list[Strip]] = {}

    def __str__(self) -> str:
        return "\n".join(self._polos())

    def _polos(self) -> tuple[str, str]:
        return "".join(t for t, _ in self.atas), self.bawah[0]

    def _isi(self) -> tuple[Content, Content]:
        return Content.assemble(*self.atas), Content.assemble(self.bawah)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(cell_len(b) for b in self._polos())

    def get_height(self, rules: RulesMap, width: int) -> int:
        if all(cell_len(b) <= width for b in self._polos()):
            return 2
        return sum(b.get_height(rules, width) for b in self._isi())

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if (strips := self._gambar.get((width, height, style))) is not None:
            return strips
        strips = []
        for b in self._isi():
            if b.cell_length <= width:
                strips.append(Strip(b.render_segments(style), b.cell_length))
            else:
                strips.extend(b.render_strips(width, None, style, options))
        self._gambar[width, height, style] = strips = strips[:height]
        return strips


class LayarCari(ModalScreen[HasilCari | None]):
    """Type to search; Enter chooses the highlighted result, Esc closes. With `unit`, units are found too."""

    DEFAULT_CSS = "#status-cari { width: 1fr; height: 1; }"  # a fixed box: a new status repaints, no relayout
    BINDINGS = [
        Binding("escape", "tutup", "Tutup", id="cari.tutup", tooltip="Tutup pencarian tanpa memilih"),
        Binding("down", "geser(1)", "Hasil berikut", show=False, id="cari.bawah", tooltip="Sorot hasil berikutnya"),
        Binding("up", "geser(-1)", "Hasil sebelum", show=False, id="cari.atas", tooltip="Sorot hasil sebelumnya"),
    ]

    def __init__(self, layanan: LayananStruktur, *, unit: bool = False) -> None:
        super().__init__()
        self.layanan = layanan
        self.unit = unit
        self.hasil: list[HasilCari] = []
        self.generasi = 0  # counts result lists painted on screen
        self.waktu_tampil = 0.0  # perf_counter() when the latest list was painted
        self._tergambar: dict[HasilCari, BarisHasil] = {}  # the rows of the results on screen, kept for the next key

    def compose(self) -> ComposeResult:
        if self.unit:
            judul, contoh = "Cari pegawai atau unit (nama, NIP, jabatan, nama unit)", "mis. Siti, 19780312, Puskesmas"
        else:
            judul, contoh = "Cari pegawai (nama, NIP, atau jabatan)", "mis. Siti, 19780312, Perencana Ahli Muda"
        with Vertical(id="kotak-cari"):
            yield Label(judul, id="judul-cari")
            yield Input(placeholder=contoh, id="masukan-cari")
            yield OptionList(id="hasil-cari")
            yield Label("", id="status-cari")
        yield KakiLayar()  # its own keys, not those of the screen behind it

    def on_mount(self) -> None:
        if not self.layanan.indeks_siap:  # the app builds it right after start; wait for that build here
            self.query_one("#status-cari", Label).update(PESAN_MENYIAPKAN)
            kerjakan(self, self.layanan.siapkan_indeks, lambda _: self._indeks_siap(), grup="indeks")

    def _indeks_siap(self) -> None:
        teks = self.query_one("#masukan-cari", Input).value
        if teks.strip():  # typed while the index was being built
            self._tampilkan(teks)
        else:
            self.query_one("#status-cari", Label).update("")

    @on(Input.Changed, "#masukan-cari")
    def _ketik(self, event: Input.Changed) -> None:
        if self.layanan.indeks_siap:  # in memory, about a millisecond even at 200 000 pegawai: no thread hop
            self._tampilkan(event.value)
        else:
            self.query_one("#status-cari", Label).update(PESAN_MENYIAPKAN)

    def _tampilkan(self, teks: str) -> None:
        hasil = self.layanan.cari(teks, unit=self.unit)
        self.hasil = hasil
        daftar = self.query_one("#hasil-cari", OptionList)
        self._tergambar = {h: self._tergambar.get(h) or self._baris(h) for h in hasil}
        daftar.set_options(Option(self._tergambar[h], id=str(i)) for i, h in enumerate(hasil))
        if hasil:
            daftar.highlighted = 0
        status = self.query_one("#status-cari", Label)
        if not teks.strip():
            status.update("")
        elif not hasil:
            apa = "pegawai atau unit" if self.unit else "pegawai"
            status.update(f"Tidak ada {apa} yang cocok dengan '{teks.strip()}'.")
        else:
            jumlah = f"{len(hasil)}+ hasil, perjelas kata kunci" if len(hasil) >= BATAS_CARI else f"{len(hasil)} hasil"
            unit = sum(h.adalah_unit for h in hasil)
            if unit:
                jumlah += f" ({unit} unit)"
            status.update(f"{jumlah} · Enter memilih · Esc menutup")
        self.call_after_refresh(self._tercat)

    def _baris(self, h: HasilCari) -> BarisHasil:
        """Two lines per result; in a search that finds units too, each result is marked unit or pegawai."""
        if h.adalah_unit:
            di = f" · di bawah {h.unit}" if h.unit else ""
            return BarisHasil([("Unit    ", "bold reverse"), (" ", ""), (h.nama, "bold")], (f"{h.jabatan}{di}", "dim"))
        awal = [("Pegawai ", "reverse"), (" ", "")] if self.unit else []
        return BarisHasil([*awal, (h.nama, "bold"), (f"  {h.nip}", "")], (f"{h.jabatan} · {h.unit}", "dim"))

    def _tercat(self) -> None:
        self.generasi += 1
        self.waktu_tampil = time.perf_counter()

    def action_geser(self, langkah: int) -> None:
        daftar = self.query_one("#hasil-cari", OptionList)
        if daftar.option_count:
            daftar.highlighted = max(0, min(daftar.option_count - 1, (daftar.highlighted or 0) + langkah))

    @on(Input.Submitted, "#masukan-cari")
    def _kirim(self) -> None:
        daftar = self.query_one("#hasil-cari", OptionList)
        if daftar.highlighted is not None and self.hasil:
            self.dismiss(self.hasil[daftar.highlighted])

    @on(OptionList.OptionSelected, "#hasil-cari")
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hasil[event.option_index])

    def action_tutup(self) -> None:
        self.dismiss(None)


class LayarCariNama(ModalScreen[str | None]):
    """Ask for the words a list is filtered by (its names); Enter applies, an empty line shows all, Esc cancels."""

    DEFAULT_CSS = "LayarCariNama { align: center middle; background: $background 60%; }"
    BINDINGS = [Binding("escape", "tutup", "Batal", id="cari_nama.batal", tooltip="Tutup tanpa mengubah pencarian")]

    def __init__(self, judul: str, awal: str = "") -> None:
        super().__init__()
        self.judul = judul
        self.awal = awal

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.judul, classes="judul-dialog")
            yield Input(self.awal, placeholder="kata dari nama; kosongkan untuk menampilkan semua", id="masukan-nama")
            yield Label("Enter menerapkan · Esc batal", id="status-nama")
        yield KakiLayar()  # its own keys, not those of the list behind it

    @on(Input.Submitted, "#masukan-nama")
    def _kirim(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(event.value.split()))

    def action_tutup(self) -> None:
        self.dismiss(None)
