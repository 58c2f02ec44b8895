"""Form of a target kinerja: for a penugasan individu (with the four contents when the pegawai is from
elsewhere) or for a team's kegiatan (no pegawai)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label

from sistemkerja_tui.layanan.kegiatan import baca_rupiah, rupiah
from sistemkerja_tui.layanan.penugasan import DataIndividu, IsiSuratPermohonan
from sistemkerja_tui.layanan.sebutan import baca_tanggal
from sistemkerja_tui.tui.screens.form_tim import FormPermohonan
from sistemkerja_tui.tui.widgets.form import FormModal, PesanForm

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp


ANGGARAN_MAKS = 10**15  # rupiah: far above any budget, far below what the database can hold


class FormIndividu(FormModal):
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
        with Vertical(classes="dialog", id="form-individu"):
            yield Label(self.judul_form, classes="judul-dialog")
            yield PesanForm()
            with VerticalScroll(classes="isian-form"):
                for kunci, label in self.BIDANG:
                    yield Label(label)
                    yield Input(id=kunci)
                if self.lintas:
                    yield Label("Pegawai dari luar unit: permohonan memuat keempat isian berikut.")
                    for kunci, label in FormPermohonan.BIDANG:
                        yield Label(label)
                        yield Input(id=kunci)
            with Horizontal(classes="tombol-dialog"):
                yield Button(
                    "Tugaskan (Ctrl+S)" if self.pegawai_id else "Simpan (Ctrl+S)", variant="primary", id="simpan"
                )
                yield Button("Batal", id="batal")
        yield Footer(show_command_palette=False, compact=True)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        nilai = {i.id: i.value.strip() for i in self.query(Input)}
        try:
            mulai = baca_tanggal(nilai["mulai"], "Mulai", boleh_kosong=True)
            tenggat = baca_tanggal(nilai["tenggat"], "Tenggat", boleh_kosong=True)
        except ValueError as e:
            self.tampilkan_pesan(str(e))
            return
        try:
            anggaran = baca_rupiah(nilai["rencana_anggaran"])
        except ValueError:
            self.tampilkan_pesan(
                "Rencana anggaran harus berupa rupiah tanpa sen, misalnya 12.500.000; kosongkan bila tidak ada."
            )
            return
        if anggaran is not None and anggaran > ANGGARAN_MAKS:
            self.tampilkan_pesan(f"Rencana anggaran paling besar {rupiah(ANGGARAN_MAKS)}; periksa jumlah angkanya.")
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
        isi = (
            IsiSuratPermohonan(
                maksud_tujuan=nilai["maksud_tujuan"],
                kompetensi=nilai["kompetensi"],
                ekspektasi=nilai["ekspektasi"],
                durasi=nilai["durasi"],
            )
            if self.lintas
            else None
        )
        self.simpan_lalu_tutup(lambda: self.tugaskan(data, isi))
