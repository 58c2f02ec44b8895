"""Mode bersama: log in with NIP and password, change the temporary password, and the idle lock.

`LayarMasuk` covers the whole screen (nothing of the previous user's data shows behind it) and cannot be
dismissed without logging in; `q` still quits. Logging in runs in a worker: a wrong password waits there.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Label

from sistemkerja_tui.layanan.akun import SesiMasuk
from sistemkerja_tui.layanan.mulai import Layanan
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.widgets.form import PesanForm


class LayarMasuk(Screen[SesiMasuk]):
    """NIP and password; dismissed with the logged-in account."""

    BINDINGS = [Binding("ctrl+q", "app.quit", "Keluar aplikasi", id="masuk.keluar", tooltip="Tutup aplikasi")]
    DEFAULT_CSS = """
    LayarMasuk { align: center middle; }
    LayarMasuk #kotak-masuk { width: 60; max-width: 100%; height: auto; padding: 1 2; border: round $primary; }
    LayarMasuk Input { margin-bottom: 1; }
    """

    def __init__(self, layanan: Layanan, *, alasan: str = "") -> None:
        super().__init__()
        self.layanan = layanan
        self.alasan = alasan
        self._memeriksa = False  # one attempt at a time: Enter again while one waits does nothing

    def compose(self) -> ComposeResult:
        with Vertical(id="kotak-masuk"):
            yield Label("Masuk — Sistem Kerja (mode bersama)", classes="judul-dialog")
            if self.alasan:
                yield Label(self.alasan)
            yield Label("NIP")
            yield Input(placeholder="18 angka, spasi boleh", id="nip-masuk")
            yield Label("Kata sandi")
            yield Input(password=True, id="sandi-masuk")
            yield PesanForm()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#nip-masuk", Input).focus()

    @on(Input.Submitted, "#nip-masuk")
    def _ke_sandi(self) -> None:
        self.query_one("#sandi-masuk", Input).focus()

    @on(Input.Submitted, "#sandi-masuk")
    def _masuk(self) -> None:
        if self._memeriksa:
            return
        nip, sandi = self.query_one("#nip-masuk", Input).value, self.query_one("#sandi-masuk", Input).value
        pesan = self.query_one(PesanForm)
        if not nip.strip() or not sandi:
            pesan.tampilkan("Isikan NIP dan kata sandi, lalu tekan Enter.")
            return
        pesan.tampilkan("Memeriksa…")
        self.query_one("#sandi-masuk", Input).value = ""
        self._memeriksa = True

        def gagal(teks: str) -> None:
            self._memeriksa = False
            pesan.tampilkan(teks)
            self.query_one("#sandi-masuk", Input).focus()

        kerjakan(self, lambda: self.layanan.akun.masuk(nip, sandi), lambda sesi: _tutup(self, sesi), gagal=gagal)


def _tutup(layar: Screen[SesiMasuk], sesi: SesiMasuk) -> None:
    layar.dismiss(sesi)


class LayarGantiSandi(ModalScreen[SesiMasuk]):
    """The new password a temporary one must be replaced by (first login or after a reset)."""

    DEFAULT_CSS = """
    LayarGantiSandi { align: center middle; }
    LayarGantiSandi #kotak-sandi { width: 64; max-width: 100%; height: auto; padding: 1 2; border: round $primary; }
    LayarGantiSandi Input { margin-bottom: 1; }
    """

    def __init__(self, layanan: Layanan) -> None:
        super().__init__()
        self.layanan = layanan

    def compose(self) -> ComposeResult:
        with Vertical(id="kotak-sandi"):
            yield Label("Ganti kata sandi sementara", classes="judul-dialog")
            yield Label("Minimal 10 karakter, bukan NIP. Enter pada isian terakhir menyimpan.")
            yield Label("Kata sandi sementara")
            yield Input(password=True, id="sandi-lama")
            yield Label("Kata sandi baru")
            yield Input(password=True, id="sandi-baru")
            yield Label("Ulangi kata sandi baru")
            yield Input(password=True, id="sandi-ulang")
            yield PesanForm()

    @on(Input.Submitted, "#sandi-lama")
    def _ke_baru(self) -> None:
        self.query_one("#sandi-baru", Input).focus()

    @on(Input.Submitted, "#sandi-baru")
    def _ke_ulang(self) -> None:
        self.query_one("#sandi-ulang", Input).focus()

    @on(Input.Submitted, "#sandi-ulang")
    def _simpan(self) -> None:
        lama, baru, ulang = (self.query_one(f"#sandi-{n}", Input).value for n in ("lama", "baru", "ulang"))
        pesan = self.query_one(PesanForm)
        pesan.tampilkan("Menyimpan…")

        kerjakan(
            self,
            lambda: self.layanan.akun.ganti_sandi(lama, baru, ulang),
            lambda sesi: _tutup(self, sesi),
            gagal=pesan.tampilkan,
        )
