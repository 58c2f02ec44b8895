"""Form of a target kinerja: for a penugasan individu (with the four contents when the pegawai is from
elsewhere) or for a team's kegiatan (no pegawai)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from sistemkerja_tui.layanan.kegiatan import baca_rupiah
from sistemkerja_tui.layanan.penugasan import DataIndividu, IsiSuratPermohonan
from sistemkerja_tui.layanan.sebutan import baca_tanggal
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.screens.form_tim import FormPermohonan

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp


class FormIndividu(ModalScreen[tuple[Any] | None]):
    """`tugaskan(data, isi)` runs the use case; a refusal stays in the form. Dismissed with `(status,)`."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    AUTO_FOCUS = "#judul"
    BINDINGS = [
        Binding("escape", "batal", "Batal", id="form_individu.batal", tooltip="Tutup tanpa menugaskan"),
        Binding("ctrl+s", "simpan", "Tugaskan", id="form_individu.simpan", tooltip="Simpan penugasan individu"),
    ]

    BIDANG = (
        ("judul", "Target kinerja"),
        ("indikator", "Indikator"),
        ("target", "Target (angka/ukuran)"),
        ("satuan", "Satuan"),
        ("mulai", "Mulai (mis. 02-01-2026 atau 2 Januari 2026; kosong = hari ini)"),
        ("tenggat", "Tenggat (mis. 31-12-2026 atau 31 Desember 2026; boleh kosong)"),
        ("rencana_anggaran", "Rencana anggaran (rupiah, mis. 12.500.000; boleh kosong)"),
        ("perjanjian_kinerja", "Perjanjian kinerja yang didukung (boleh kosong)"),
    )

    def __init__(
        self,
        judul: str,
        unit_id: int,
        pegawai_id: int | None,
        lintas: bool,
        tugaskan: Callable[[DataIndividu, IsiSuratPermohonan | None], Any],
    ) -> None:
        super().__init__()
        self.judul_form, self.unit_id, self.pegawai_id, self.lintas, self.tugaskan = (
            judul,
            unit_id,
            pegawai_id,
            lintas,
            tugaskan,
        )

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="form-individu"):
            yield Label(self.judul_form, classes="judul-dialog")
            for kunci, label in self.BIDANG:
                yield Label(label)
                yield Input(id=kunci)
            if self.lintas:
                yield Label("Pegawai dari luar unit: permohonan memuat keempat isian berikut.")
                for kunci, label in FormPermohonan.BIDANG:
                    yield Label(label)
                    yield Input(id=kunci)
            yield Label("", id="pesan-form", classes="pesan-galat")
            with Horizontal(classes="tombol-dialog"):
                yield Button(
                    "Tugaskan (Ctrl+S)" if self.pegawai_id else "Simpan (Ctrl+S)", variant="primary", id="simpan"
                )
                yield Button("Batal", id="batal")

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        nilai = {i.id: i.value.strip() for i in self.query(Input)}
        pesan = self.query_one("#pesan-form", Label)
        try:
            mulai = baca_tanggal(nilai["mulai"], "Mulai", boleh_kosong=True)
            tenggat = baca_tanggal(nilai["tenggat"], "Tenggat", boleh_kosong=True)
        except ValueError as e:
            pesan.update(str(e))
            return
        try:
            anggaran = baca_rupiah(nilai["rencana_anggaran"])
        except ValueError:
            pesan.update(
                "Rencana anggaran harus berupa rupiah tanpa sen, misalnya 12.500.000; kosongkan bila tidak ada."
            )
            return
        data = DataIndividu(
            self.unit_id,
            self.pegawai_id,
            nilai["judul"],
            nilai["indikator"],
            nilai["target"],
            nilai["satuan"],
            mulai or self.app.hari_ini(),
            tenggat,
            anggaran,
            nilai["perjanjian_kinerja"],
        )
        isi = IsiSuratPermohonan(**{k: nilai[k] for k, _ in FormPermohonan.BIDANG}) if self.lintas else None
        pesan.update("Menyimpan…")
        kerjakan(self, lambda: self.tugaskan(data, isi), self._tutup, gagal=pesan.update)

    def _tutup(self, status: object) -> None:
        self.dismiss((status,))

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)
