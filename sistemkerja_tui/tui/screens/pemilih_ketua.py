"""Ketua picker: eligible candidates first; for every other one, why not, with the rujukan.

The candidates are counted and their first page read in a worker ("memuat…" meanwhile), then shown one line
each in a virtual list that reads the other pages as the cursor comes near; the detail pane below shows the
highlighted one's findings. Typing filters by name, NIP or jabatan (from the first page again).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from sistemkerja_tui.layanan.tim import DaftarCalon, Penilaian
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.widgets.daftar_calon import DaftarCalonVirtual, jabatan_calon
from sistemkerja_tui.tui.widgets.kaki import KakiLayar


def rincian(n: Penilaian, nip: str, layak: bool, sebutan: str) -> Text:
    """The detail pane: who, then each finding with its rujukan (or that every criterion is met)."""
    k = n.kandidat
    teks = Text.assemble((k.nama, "bold"), f"\nNIP {nip} · {jabatan_calon(n)} · {k.pendidikan.label}")
    if layak:
        teks.append(f"\n✓ Memenuhi kriteria {sebutan}.", style="green")
    for t in n.temuan:
        teks.append(f"\n{'✗' if t.memblokir else '!'} {t.pesan}", style="red" if t.memblokir else "yellow")
        teks.append(f" ({t.rujukan})", style="dim")
    return teks


JEDA_SARINGAN = 0.5
"""Seconds after the first page is shown before the filter's texts are read."""


class PemilihKetua(ModalScreen[int | None]):
    BINDINGS = [
        Binding("escape", "batal", "Batal", id="pemilih.batal", tooltip="Tutup tanpa memilih"),
        Binding("down", "gerak(1)", "Turun", show=False, id="pemilih.turun", tooltip="Calon berikutnya"),
        Binding("up", "gerak(-1)", "Naik", show=False, id="pemilih.naik", tooltip="Calon sebelumnya"),
        Binding(
            "pagedown",
            "gerak(2)",
            "Hal. berikut",
            show=False,
            id="pemilih.halaman_berikut",
            tooltip="Satu layar calon ke bawah",
        ),
        Binding(
            "pageup",
            "gerak(-2)",
            "Hal. sebelum",
            show=False,
            id="pemilih.halaman_sebelum",
            tooltip="Satu layar calon ke atas",
        ),
    ]

    def __init__(self, judul: str, muat: Callable[[], DaftarCalon], sebutan: str = "ketua") -> None:
        super().__init__()
        self.judul, self._muat, self.sebutan = judul, muat, sebutan
        self.semua: DaftarCalon | None = None
        self.penilaian: DaftarCalon | None = None  # what the list shows (filtered)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="kotak-pemilih"):
            yield Label(self.judul, classes="judul-dialog")
            yield Static("Memuat calon…", id="ringkas-calon")
            yield Input(placeholder="Saring: nama, NIP, atau jabatan", id="saring-calon")
            yield DaftarCalonVirtual(id="daftar-calon")
            with VerticalScroll(id="gulir-rincian-calon"):
                yield Static("", id="rincian-calon")
            yield Static("", id="pesan-calon")
            yield Static("↑↓ PgUp PgDn calon · Tab ke rincian · Enter menetapkan · Esc batal", id="petunjuk-calon")
        yield KakiLayar()  # its own keys, not those of the Tim screen behind it

    def on_mount(self) -> None:
        kerjakan(self, self._muat, self._dimuat)

    def _dimuat(self, daftar: DaftarCalon) -> None:
        self.semua = daftar
        self._tampil(daftar)
        # a moment after the list is shown (not while it is painted), read what a filter looks in: typing then
        # filters in memory; a picker closed before that reads nothing (its timer stops with it)
        self.set_timer(JEDA_SARINGAN, lambda: kerjakan(self, daftar.siapkan_saringan, grup="saringan-calon"))

    def _tampil(self, daftar: DaftarCalon) -> None:
        self.penilaian = daftar
        semua = self.semua or daftar
        saring = "" if len(daftar) == len(semua) else f" · tersaring {len(daftar)} ({daftar.jumlah_layak} memenuhi)"
        self.query_one("#ringkas-calon", Static).update(
            f"{semua.jumlah_layak} dari {len(semua)} JF/pelaksana memenuhi kriteria{saring}; ✗ tidak dapat dipilih."
        )
        self.query_one(DaftarCalonVirtual).isi(daftar)

    @on(Input.Changed, "#saring-calon")
    def _saring(self, event: Input.Changed) -> None:
        if self.semua is None:
            return
        semua, teks = self.semua, event.value

        def selesai(daftar: DaftarCalon) -> None:
            if self.query_one("#saring-calon", Input).value == teks:  # a later keystroke has its own result
                self._tampil(daftar)

        kerjakan(self, lambda: semua.saring(teks), selesai, grup="saring-calon")

    @on(DaftarCalonVirtual.Disorot)
    def _disorot(self, event: DaftarCalonVirtual.Disorot) -> None:
        rincian_calon = self.query_one("#rincian-calon", Static)
        if event.indeks is None or self.penilaian is None:
            rincian_calon.update("Tidak ada calon yang cocok dengan saringan." if self.semua is not None else "")
            return
        self.query_one("#pesan-calon", Static).display = False
        if not event.termuat:
            rincian_calon.update("Memuat calon…")
            return
        i = event.indeks
        rincian_calon.update(rincian(self.penilaian[i], self.penilaian.nip(i), self.penilaian.layak(i), self.sebutan))
        self.query_one("#gulir-rincian-calon", VerticalScroll).scroll_home(animate=False)

    def action_gerak(self, arah: int) -> None:
        """Move the cursor from the filter box: ±1 a candidate, ±2 a page."""
        daftar = self.query_one(DaftarCalonVirtual)
        daftar.action_halaman(arah // 2) if abs(arah) == 2 else daftar.pindah(daftar.kursor + arah)

    @on(Input.Submitted, "#saring-calon")
    def _enter(self) -> None:
        self._pilih(self.query_one(DaftarCalonVirtual).kursor)

    @on(DaftarCalonVirtual.Dipilih)
    def _dipilih(self, event: DaftarCalonVirtual.Dipilih) -> None:
        self._pilih(event.indeks)

    def _pilih(self, i: int) -> None:
        daftar = self.penilaian
        if daftar is None or not daftar:
            self.notify("Belum ada calon untuk dipilih.", severity="warning")
            return
        if not daftar.termuat(i):
            self.notify("Calon ini masih dimuat; tekan Enter lagi sebentar lagi.", severity="warning")
            return
        n = daftar[i]
        if daftar.layak(i):
            self.dismiss(n.kandidat.pegawai_id)
            return
        alasan = n.galat[0]
        lain = f" (dan {len(n.galat) - 1} alasan lain)" if len(n.galat) > 1 else ""
        pesan = f"{alasan.pesan} ({alasan.rujukan}){lain}."
        tempat = self.query_one("#pesan-calon", Static)
        tempat.update(Text(f"Tidak dapat dipilih sebagai {self.sebutan}: {pesan}", style="bold red"))
        tempat.display = True
        self.notify(f"{n.kandidat.nama} tidak dapat dipilih sebagai {self.sebutan}: {pesan}", severity="error")

    def action_batal(self) -> None:
        self.dismiss(None)
