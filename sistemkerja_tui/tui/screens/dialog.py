"""Small modal dialogs: a reason prompt (optionally required) and a yes/no confirmation."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label

from sistemkerja_tui.tui.kunci import tutup_lalu_lanjut


class DialogAlasan(ModalScreen[str | None]):
    """Ask for a reason (or another short text); Esc cancels. `wajib` refuses an empty answer."""

    DEFAULT_CSS = """
    DialogAlasan Label { width: 100%; }  /* a long title or message wraps inside the dialog, never cut */
    """

    BINDINGS = [
        Binding("escape", "batal", "Batal", id="dialog.batal", tooltip="Tutup tanpa menyimpan"),
        Binding("ctrl+s", "simpan", "Simpan", id="dialog.simpan", tooltip="Simpan isian"),
        # Enter as a priority binding: handled in the order typed, so the keys after it wait for the next prompt
        Binding(
            "enter",
            "enter",
            "Simpan",
            show=False,
            priority=True,
            id="dialog.enter",
            tooltip="Simpan isian (di Batal: tutup)",
        ),
    ]
    AUTO_FOCUS = "#isian"

    def __init__(self, judul: str, label: str, *, wajib: bool = True, nilai: str = "") -> None:
        super().__init__()
        self.judul, self.label, self.wajib, self.nilai = judul, label, wajib, nilai

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.judul, classes="judul-dialog")
            yield Label(self.label)
            yield Input(value=self.nilai, id="isian")
            yield Label("", id="pesan-dialog", classes="pesan-galat")
            with Horizontal(classes="tombol-dialog"):
                yield Button("Simpan (Ctrl+S)", variant="primary", id="simpan")
                yield Button("Batal", id="batal")
        yield Footer(show_command_palette=False, compact=True)

    def action_enter(self) -> None:
        if isinstance(self.focused, Button) and self.focused.id == "batal":
            self.action_batal()
        else:
            self.action_simpan()

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        teks = self.query_one("#isian", Input).value.strip()
        if self.wajib and not teks:
            self.query_one("#pesan-dialog", Label).update(f"{self.label} wajib diisi.")
            return
        tutup_lalu_lanjut(self, teks)

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)


class DialogKonfirmasi(ModalScreen[bool]):
    """Yes/no before an action that cannot simply be taken back."""

    DEFAULT_CSS = """
    DialogKonfirmasi Label { width: 100%; }  /* a long question (a folder path) wraps, never cut */
    """

    BINDINGS = [
        Binding("escape,n", "jawab(False)", "Tidak", id="konfirmasi.tidak", tooltip="Batalkan"),
        Binding("y", "jawab(True)", "Ya", id="konfirmasi.ya", tooltip="Lanjutkan"),
    ]
    AUTO_FOCUS = "#ya"  # Enter confirms

    def __init__(self, pertanyaan: str) -> None:
        super().__init__()
        self.pertanyaan = pertanyaan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.pertanyaan)
            with Horizontal(classes="tombol-dialog"):
                yield Button("Ya (y)", variant="warning", id="ya")
                yield Button("Tidak (n)", id="tidak")
        yield Footer(show_command_palette=False, compact=True)

    @on(Button.Pressed)
    def _tekan(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "ya")

    def action_jawab(self, ya: bool) -> None:
        self.dismiss(ya)
