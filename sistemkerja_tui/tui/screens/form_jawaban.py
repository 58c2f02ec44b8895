"""Form "Catat jawaban dari surat": another office's answer to a request, as its letter says (mode sendiri)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Select

from sistemkerja_tui.layanan.penugasan import JawabanSurat
from sistemkerja_tui.layanan.sebutan import baca_tanggal
from sistemkerja_tui.tui.widgets.form import FormModal, PesanForm

SETUJU, TOLAK = "setuju", "tolak"


class FormJawaban(FormModal):
    """`catat(jawaban)` runs the use case; a refusal stays in the form. Dismissed with `(status,)`."""

    AUTO_FOCUS = "#putusan"
    BINDINGS = [
        Binding("escape", "batal", "Batal", id="form_jawaban.batal", tooltip="Tutup tanpa mencatat"),
        Binding("ctrl+s", "simpan", "Catat", id="form_jawaban.simpan", tooltip="Catat jawaban dari surat"),
    ]
    BIDANG = (
        ("kantor", "Kantor yang menjawab (mis. Dinas Kesehatan)"),
        ("nomor", "Nomor surat jawaban, seperti tertulis"),
        ("tanggal", "Tanggal surat (mis. 09-03-2026 atau 9 Maret 2026)"),
        ("alasan", "Alasan penolakan (wajib bila ditolak)"),
        ("berkas", "Path pindaian surat (boleh kosong)"),
    )

    def __init__(self, judul: str, kantor: str, catat: Callable[[JawabanSurat], Any]) -> None:
        super().__init__()
        self.judul_form, self.kantor_awal, self.catat = judul, kantor, catat

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="form-jawaban"):
            yield Label(self.judul_form, classes="judul-dialog")
            yield Label("Keputusan pihak lain yang datang lewat surat (SRIKANDI atau kertas): dicatat atas nama Anda.")
            yield PesanForm()
            with VerticalScroll(classes="isian-form"):
                yield Label("Jawaban")
                yield Select([("Disetujui", SETUJU), ("Ditolak", TOLAK)], value=SETUJU, allow_blank=False, id="putusan")
                for kunci, label in self.BIDANG:
                    yield Label(label)
                    yield Input(self.kantor_awal if kunci == "kantor" else "", id=kunci)
            with Horizontal(classes="tombol-dialog"):
                yield Button("Catat (Ctrl+S)", variant="primary", id="simpan")
                yield Button("Batal", id="batal")
        yield Footer(show_command_palette=False, compact=True)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        nilai = {i.id: i.value.strip() for i in self.query(Input)}
        try:
            tanggal: date = baca_tanggal(nilai["tanggal"], "Tanggal surat")
        except ValueError as e:
            self.tampilkan_pesan(str(e))
            return
        jawaban = JawabanSurat(
            setuju=self.pilihan("#putusan") == SETUJU,
            kantor=nilai["kantor"],
            nomor=nilai["nomor"],
            tanggal=tanggal,
            alasan=nilai["alasan"],
            berkas=nilai["berkas"],
        )
        self.simpan_lalu_tutup(lambda: self.catat(jawaban))
