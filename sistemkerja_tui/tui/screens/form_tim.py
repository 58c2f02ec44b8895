"""Modal forms of the Tim screen: a team (form/edit) and the four contents of a request."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Select

from sistemkerja_tui.layanan.penugasan import IsiSuratPermohonan
from sistemkerja_tui.layanan.sebutan import baca_tanggal, tanggal_singkat
from sistemkerja_tui.layanan.tim import DataTim, JenisPembentukan, SasaranTim
from sistemkerja_tui.tui.widgets.form import FormModal, PesanForm

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp


class FormTim(FormModal):
    """Form or edit a team. `simpan(data)` runs the use case; a refusal stays in the form, nothing lost.

    Dismissed with `(result,)` after saving, None when cancelled."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    AUTO_FOCUS = "#nama"

    BINDINGS = [
        Binding("escape", "batal", "Batal", id="form_tim.batal", tooltip="Tutup tanpa menyimpan"),
        Binding("ctrl+s", "simpan", "Simpan", id="form_tim.simpan", tooltip="Simpan tim"),
    ]

    def __init__(
        self, unit_id: int, unit_nama: str, simpan: Callable[[DataTim], Any], awal: DataTim | None = None
    ) -> None:
        super().__init__()
        self.unit_id, self.unit_nama, self.simpan, self.awal = unit_id, unit_nama, simpan, awal

    def compose(self) -> ComposeResult:
        a = self.awal
        tahun = self.app.hari_ini().year
        with Vertical(classes="dialog", id="form-tim"):
            yield Label("Ubah tim kerja" if a else "Bentuk tim kerja", classes="judul-dialog")
            yield PesanForm()
            with VerticalScroll(classes="isian-form"):
                yield Label(f"Unit pemilik kinerja: {self.unit_nama}")
                yield Label("Nama tim")
                yield Input(value=a.nama if a else "", id="nama", placeholder="mis. Tim Percepatan Penurunan Stunting")
                yield Label("Jenis menurut pembentukan")
                yield Select(
                    [(j.label, j.value) for j in JenisPembentukan],
                    id="pembentukan",
                    allow_blank=False,
                    value=(a.jenis_pembentukan if a else JenisPembentukan.TAHUNAN).value,
                )
                yield Label("Jenis menurut sasaran")
                yield Select(
                    [(s.label, s.value) for s in SasaranTim],
                    id="sasaran",
                    allow_blank=False,
                    value=(a.sasaran if a else SasaranTim.PENGAMPU_SUBSTANSI).value,
                )
                yield Label("Tahun anggaran (tim tahunan)")
                yield Input(value=str(a.tahun_anggaran or "") if a else str(tahun), id="tahun")
                yield Label("Mulai (mis. 02-01-2026 atau 2 Januari 2026)")
                yield Input(value=tanggal_singkat(a.mulai if a else date(tahun, 1, 2)), id="mulai")
                yield Label("Selesai (mis. 31-12-2026 atau 31 Desember 2026)")
                yield Input(value=tanggal_singkat(a.selesai if a else date(tahun, 12, 31)), id="selesai")
                yield Label("Tujuan / target kinerja")
                yield Input(value=a.tujuan if a else "", id="tujuan")
            with Horizontal(classes="tombol-dialog"):
                yield Button("Simpan (Ctrl+S)", variant="primary", id="simpan")
                yield Button("Batal", id="batal")
        yield Footer(show_command_palette=False, compact=True)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        nilai = {i.id: i.value for i in self.query(Input)}
        try:
            tahun = nilai["tahun"].strip()
            if tahun and not (tahun.isdigit() and len(tahun) == 4):
                raise ValueError("Tahun anggaran harus angka tahun, misalnya 2026.")
            data = DataTim(
                nama=nilai["nama"],
                unit_id=self.unit_id,
                jenis_pembentukan=JenisPembentukan(self.pilihan("#pembentukan")),
                sasaran=SasaranTim(self.pilihan("#sasaran")),
                mulai=baca_tanggal(nilai["mulai"], "Tanggal mulai"),
                selesai=baca_tanggal(nilai["selesai"], "Tanggal selesai"),
                tahun_anggaran=int(tahun) if tahun else None,
                tujuan=nilai["tujuan"],
            )
        except ValueError as e:
            self.tampilkan_pesan(str(e))
            return
        self.simpan_lalu_tutup(lambda: self.simpan(data))


class FormPermohonan(FormModal):
    """The member's role and the four contents a written request must state; `ajukan(uraian, isi)` submits."""

    AUTO_FOCUS = "#uraian"

    BINDINGS = [
        Binding("escape", "batal", "Batal", id="form_permohonan.batal", tooltip="Tutup tanpa mengajukan"),
        Binding("ctrl+s", "simpan", "Ajukan", id="form_permohonan.simpan", tooltip="Ajukan permohonan"),
    ]

    BIDANG = (
        ("maksud_tujuan", "Maksud dan tujuan"),
        ("kompetensi", "Kompetensi/keahlian/keterampilan yang dibutuhkan"),
        ("ekspektasi", "Ekspektasi/target kinerja"),
        ("durasi", "Durasi pelibatan"),
    )

    def __init__(self, judul: str, keterangan: str, ajukan: Callable[[str, IsiSuratPermohonan], Any]) -> None:
        super().__init__()
        self.judul, self.keterangan, self.ajukan = judul, keterangan, ajukan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="form-permohonan"):
            yield Label(self.judul, classes="judul-dialog")
            yield PesanForm()
            with VerticalScroll(classes="isian-form"):
                yield Label(self.keterangan)
                yield Label("Uraian peran dalam tim")
                yield Input(id="uraian", placeholder="mis. analis data lapangan")
                for kunci, label in self.BIDANG:
                    yield Label(label)
                    yield Input(id=kunci)
                yield Label("Tembusan (jabatan, pisahkan dengan ;) — kosong: menurut rute persetujuan")
                yield Input(id="tembusan", placeholder="mis. Kepala Dinas Kesehatan; Inspektur Kabupaten Sukamaju")
            with Horizontal(classes="tombol-dialog"):
                yield Button("Ajukan (Ctrl+S)", variant="primary", id="simpan")
                yield Button("Batal", id="batal")
        yield Footer(show_command_palette=False, compact=True)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        nilai = {i.id: i.value.strip() for i in self.query(Input)}
        isi = IsiSuratPermohonan(
            maksud_tujuan=nilai["maksud_tujuan"],
            kompetensi=nilai["kompetensi"],
            ekspektasi=nilai["ekspektasi"],
            durasi=nilai["durasi"],
            tembusan=tuple(t.strip() for t in nilai["tembusan"].split(";") if t.strip()),
        )
        self.simpan_lalu_tutup(lambda: self.ajukan(nilai["uraian"], isi), "Mengajukan…")
