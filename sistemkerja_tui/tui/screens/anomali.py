"""Daftar anomali (key a on the Pemantauan screen): what to fix before e-Kinerja accepts the data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label

from sistemkerja_tui.layanan.anomali import DaftarAnomali
from sistemkerja_tui.layanan.struktur import HasilCari
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.screens.dialog import DialogAlasan

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp


class LayarAnomali(ModalScreen[HasilCari | None]):
    """The anomaly list; Enter shows the pegawai or unit on the Struktur screen (dismissed with where to go)."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    DEFAULT_CSS = """
    LayarAnomali { align: center middle; }
    #kotak-anomali { width: 95%; height: 90%; border: round $primary; padding: 0 1; }
    #tabel-anomali { height: 1fr; }
    """
    AUTO_FOCUS = "#tabel-anomali"
    BINDINGS = [
        Binding("escape", "tutup", "Tutup", id="anomali.tutup", tooltip="Kembali ke Pemantauan"),
        Binding(
            "f",
            "penilaian",
            "Penilaian e-Kinerja",
            id="anomali.penilaian",
            tooltip="Bandingkan pejabat penilai ekspor Penilaian SKP e-Kinerja dengan PPK menurut peraturan",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.daftar: DaftarAnomali | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="kotak-anomali"):
            yield Label("Daftar anomali", classes="judul-dialog")
            yield Label("Memeriksa data…", id="ringkas-anomali")
            yield DataTable(id="tabel-anomali", cursor_type="row", zebra_stripes=True)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Jenis", "Pegawai / unit", "Unit", "Keterangan")
        self._muat(None)

    def _muat(self, berkas: Path | None) -> None:
        layanan = self.app.layanan
        if layanan is None:
            return
        self.query_one("#ringkas-anomali", Label).update("Memeriksa data…")
        kerjakan(self, lambda: layanan.anomali.daftar(berkas), self._tampilkan, gagal=self._gagal, grup="anomali")

    def _gagal(self, pesan: str) -> None:
        self.query_one("#ringkas-anomali", Label).update(pesan)

    def _tampilkan(self, daftar: DaftarAnomali) -> None:
        self.daftar = daftar
        tabel = self.query_one(DataTable)
        tabel.clear()
        for i, a in enumerate(daftar.anomali):
            tabel.add_row(a.jenis, a.nama, a.unit, a.keterangan, key=str(i))
        if not daftar.anomali:
            ringkas = "Tidak ada anomali."
        else:
            ringkas = f"{len(daftar.anomali)} anomali — " + ", ".join(f"{j}: {n}" for j, n in daftar.jumlah().items())
        if daftar.dengan_penilaian:
            ringkas += f" · dibandingkan dengan {daftar.baris_penilaian} baris penilaian e-Kinerja"
        else:
            ringkas += " · f: bandingkan dengan ekspor Penilaian SKP e-Kinerja"
        self.query_one("#ringkas-anomali", Label).update(f"{ringkas} · Enter: tampilkan di layar Struktur")

    @on(DataTable.RowSelected, "#tabel-anomali")
    def _pilih(self, event: DataTable.RowSelected) -> None:
        if self.daftar is None or event.row_key.value is None:
            return
        a = self.daftar.anomali[int(event.row_key.value)]
        if a.unit_id is None:
            self.app.notify("Baris ini tidak ada di database; periksa berkas penilaiannya.", severity="warning")
            return
        self.dismiss(HasilCari(a.pegawai_id or 0, a.unit_id, a.nama, "", "", a.unit, adalah_unit=a.pegawai_id is None))

    def action_penilaian(self) -> None:
        def berkas(teks: str | None) -> None:
            if teks:
                self._muat(Path(teks).expanduser())

        label = "Path berkas ekspor Penilaian SKP (.xlsx, .xls, .ods atau CSV; kolom nip dan pegawai_atasan_nip)"
        self.app.push_screen(DialogAlasan("Bandingkan dengan e-Kinerja", label), berkas)

    def action_tutup(self) -> None:
        self.dismiss(None)
