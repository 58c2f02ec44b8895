"""The Surat screen: the register of issued letters, a preview, export and copy."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, ScrollableContainer
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from sistemkerja_tui.layanan.sebutan import tanggal_singkat
from sistemkerja_tui.layanan.surat import JenisSurat, RingkasSurat, folder_dokumen
from sistemkerja_tui.tui.fokus import fokus_utama
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.screens.dialog import DialogAlasan
from sistemkerja_tui.tui.screens.pilih import PilihSatu
from sistemkerja_tui.tui.widgets.folder import pastikan_folder
from sistemkerja_tui.tui.widgets.tabel import TabelVim, ukur_kolom

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp

SEMPIT = 100  # columns below which the register goes above the preview (app.tcss: LayarSurat.-sempit)
FORMAT = (
    ("Teks (.txt)", "txt"),
    ("Markdown (.md)", "md"),
    ("Word/LibreOffice (.docx)", "docx"),
    ("PDF (.pdf, lewat LibreOffice)", "pdf"),
)


class LayarSurat(Screen):
    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    BINDINGS = [
        Binding("e", "ekspor", "Ekspor", id="surat.ekspor", tooltip="Ekspor surat ke .txt, .md, .docx atau .pdf"),
        Binding("c", "salin", "Salin", id="surat.salin", tooltip="Salin teks surat ke papan klip (OSC 52)"),
        Binding("f", "saring", "Saring", id="surat.saring", tooltip="Saring register menurut jenis surat"),
    ]

    class Dibuat(Message):
        """A letter was just made (elsewhere): show it, with the checker's warnings above its text."""

        def __init__(self, surat_id: int, peringatan: tuple[str, ...]) -> None:
            super().__init__()
            self.surat_id, self.peringatan = surat_id, peringatan

    def __init__(self) -> None:
        super().__init__()
        self.daftar: list[RingkasSurat] = []
        self.teks_terpilih: tuple[int, str, str] | None = None
        self._pilih: int | None = None
        self.jenis: JenisSurat | None = None
        self.peringatan: dict[int, tuple[str, ...]] = {}  # the checker's warnings of letters made in this session

    @property
    def layanan(self):
        return self.app.layanan

    AUTO_FOCUS = "#tabel-surat"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Register surat", id="judul-surat")
        with Horizontal(id="utama-surat"):
            yield TabelVim(id="tabel-surat")
            with ScrollableContainer(id="pratinjau-surat"):  # both ways: a letter's lines never wrap
                yield Static("Belum ada surat. Buat dari layar Tim (l) atau Penugasan (l).", id="isi-surat")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Nomor", "Tanggal", "Jenis", "Perihal")

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < SEMPIT, "-sempit")

    def on_screen_resume(self) -> None:
        fokus_utama(self)
        if self.app.layanan is not None:
            self.muat()

    @on(Dibuat)
    def _dibuat(self, event: Dibuat) -> None:
        self.peringatan[event.surat_id] = event.peringatan
        self.muat(pilih=event.surat_id)

    def muat(self, pilih: int | None = None) -> None:
        if pilih is not None:
            self._pilih = pilih
        jenis = self.jenis
        kerjakan(
            self, lambda: self.layanan.surat.daftar(jenis=jenis), self._tampilkan, grup="daftar-surat", eksklusif=True
        )

    def _tampilkan(self, daftar: list[RingkasSurat]) -> None:
        pilih, self._pilih = self._pilih, None
        if pilih is None:  # a plain reload keeps the row the user was on
            pilih = self.query_one("#tabel-surat", TabelVim).kunci_terpilih()
        self.daftar = daftar
        saring = self.jenis.label if self.jenis else "semua jenis"
        self.query_one("#judul-surat", Label).update(f"Register surat · {saring} · {len(daftar)} surat")
        tabel = self.query_one(DataTable)
        tabel.clear()
        for s in daftar:
            tabel.add_row(s.nomor, tanggal_singkat(s.tanggal), s.jenis, s.perihal, key=str(s.id))
        ukur_kolom(tabel)
        if pilih is not None and str(pilih) in tabel.rows:
            tabel.move_cursor(row=tabel.get_row_index(str(pilih)))

    @on(TabelVim.Disorot)
    def _disorot(self, event: TabelVim.Disorot) -> None:
        sid = event.kunci
        kerjakan(
            self,
            lambda: (sid, *self.layanan.surat.teks(sid)[1:]),
            self._pratinjau,
            grup="pratinjau",
            eksklusif=True,
        )

    def _pratinjau(self, data: tuple[int, str, str]) -> None:
        self.teks_terpilih = data
        isi = Text(no_wrap=True)  # lines as the letter has them: headings and tables keep their layout
        for p in self.peringatan.get(data[0], ()):
            isi.append(f"⚠ {p}\n", style="bold yellow")
        isi.append(data[2])
        self.query_one("#isi-surat", Static).update(isi)

    def action_ekspor(self) -> None:
        if self.teks_terpilih is None:
            self.notify("Pilih surat di register terlebih dahulu.", severity="warning")
            return
        sid, nomor, _ = self.teks_terpilih

        def folder(fmt) -> None:
            if fmt is None:
                return

            def tulis(tujuan: Path) -> None:
                kerjakan(
                    self,
                    lambda: self.layanan.surat.ekspor(sid, folder=tujuan, format=fmt),
                    lambda berkas: self.notify(f"Surat disimpan: {berkas}", timeout=8),
                )

            def ekspor(teks: str | None) -> None:
                if teks:
                    pastikan_folder(self, Path(teks).expanduser(), tulis)

            self.app.push_screen(
                DialogAlasan(f"Ekspor {nomor} ({fmt})", "Folder keluaran", nilai=str(folder_dokumen())), ekspor
            )

        self.app.push_screen(PilihSatu(f"Format ekspor surat {nomor}", list(FORMAT)), folder)

    def action_saring(self) -> None:
        def pilih(jenis) -> None:
            self.jenis = None if jenis == "semua" else jenis
            self.muat()

        self.app.push_screen(
            PilihSatu("Saring register surat", [("Semua jenis", "semua"), *((j.label, j) for j in JenisSurat)]), pilih
        )

    def action_salin(self) -> None:
        if self.teks_terpilih is None:
            self.notify("Pilih surat di register terlebih dahulu.", severity="warning")
            return
        self.app.copy_to_clipboard(self.teks_terpilih[2])
        self.notify(
            "Teks surat dikirim ke papan klip (OSC 52). Bila terminal tidak mendukungnya, gunakan Ekspor.", timeout=8
        )
