"""The instansi's settings: the form asked at setup (`FormInstansi`) and the settings screen (`LayarInstansi`,
key i on the Struktur screen) with the same fields plus each unit's code in letter numbers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    Select,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from sistemkerja_tui.layanan.instansi import (
    DataInstansi,
    Instansi,
    JenisInstansi,
    JenisSurat,
    KodeUnit,
    ProfilTersedia,
    klasifikasi_lengkap,
    profil_tersedia,
)
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.widgets.form import PesanForm

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp

POLA_CONTOH = "{kode_klasifikasi}/{nomor_urut}/{kode_unit}/{tahun}"


def _baris(label: str) -> Horizontal:
    """One row of the form: a fixed-width label, then its field."""
    baris = Horizontal(classes="baris-isian")
    baris.compose_add_child(Label(label, classes="label-isian"))
    return baris


class IsianInstansi(VerticalScroll):
    """Every field of an instansi; `data()` reads them as typed (the use case checks and tidies them)."""

    def __init__(self, awal: DataInstansi | None, profil: list[ProfilTersedia], **kwargs: Any) -> None:
        super().__init__(classes="isian-form", **kwargs)
        self.awal, self.profil = awal, profil

    def compose(self) -> ComposeResult:
        a = self.awal
        kode = klasifikasi_lengkap(a.kode_klasifikasi if a else {})
        with _baris("Nama instansi"):
            yield Input(value=a.nama if a else "", id="nama", placeholder="Pemerintah Kabupaten …", compact=True)
        with _baris("Jenis"):
            jenis = (a.jenis if a else JenisInstansi.KABUPATEN).value
            yield Select(
                [(j.label, j.value) for j in JenisInstansi], id="jenis", allow_blank=False, value=jenis, compact=True
            )
        with _baris("Profil regulasi"):
            pilihan = [(f"{p.singkatan} ({p.nama})", p.nama) for p in self.profil]
            yield Select(pilihan, id="profil", allow_blank=False, compact=True)
        yield Static(self._judul(a.profil if a else "umum"), id="judul-profil", classes="keterangan")
        with _baris("Tempat tanda tangan"):
            yield Input(
                value=a.tempat if a else "",
                id="tempat",
                placeholder="kosong: dari nama (provinsi: ibu kotanya)",
                compact=True,
            )
        with _baris("Kepala daerah"):
            nama_kd = a.nama_kepala_daerah if a else ""
            yield Input(
                value=nama_kd, id="nama_kepala_daerah", placeholder="nama dan gelar (boleh kosong)", compact=True
            )
        with _baris("Kop surat"):
            yield TextArea("\n".join(a.kop_surat) if a else "", id="kop_surat", soft_wrap=False, compact=True)
        yield Static("Satu baris kop per baris; kosong: nama instansi dalam huruf besar.", classes="keterangan")
        with _baris("Alamat"):
            yield Input(
                value=a.alamat if a else "", id="alamat", placeholder="Jalan … Nomor …, Kota 00000", compact=True
            )
        with _baris("Telepon"):
            yield Input(value=a.telepon if a else "", id="telepon", placeholder="(0272) 000000", compact=True)
        with _baris("Pola nomor surat"):
            yield Input(value=a.pola_nomor_surat if a else POLA_CONTOH, id="pola_nomor_surat", compact=True)
        yield Static("Bagian: {kode_klasifikasi} {nomor_urut} {kode_unit} {tahun}", classes="keterangan")
        yield Label("Kode klasifikasi arsip per jenis surat (Permendagri 83/2022)", classes="subjudul")
        for j in JenisSurat:
            with Horizontal(classes="baris-kode"):
                yield Label(j.label, classes="label-kode")
                yield Input(value=kode[j.value], id=f"klasifikasi-{j.value}", compact=True)

    def on_mount(self) -> None:
        nama = {p.nama for p in self.profil}
        awal = self.awal.profil if self.awal else "umum"
        if awal in nama:
            self.query_one("#profil", Select).value = awal

    def _judul(self, nama: str) -> str:
        return next((p.judul for p in self.profil if p.nama == nama), "")

    @on(Select.Changed, "#profil")
    def _profil_berganti(self, event: Select.Changed) -> None:
        self.query_one("#judul-profil", Static).update(self._judul(str(event.value)))

    def data(self) -> DataInstansi:
        nilai = {w.id: w.value for w in self.query(Input)}
        return DataInstansi(
            nama=nilai["nama"],
            jenis=JenisInstansi(str(self.query_one("#jenis", Select).value)),
            profil=str(self.query_one("#profil", Select).value),
            tempat=nilai["tempat"],
            kop_surat=tuple(self.query_one("#kop_surat", TextArea).text.splitlines()),
            alamat=nilai["alamat"],
            telepon=nilai["telepon"],
            pola_nomor_surat=nilai["pola_nomor_surat"],
            kode_klasifikasi={j.value: nilai[f"klasifikasi-{j.value}"] for j in JenisSurat},
            nama_kepala_daerah=nilai["nama_kepala_daerah"],
        )


class FormInstansi(Screen[Instansi | None]):
    """Ask the instansi of a new Pemda; `simpan(data)` writes it. A refusal stays in the form, nothing lost.
    Dismissed with the instansi saved, None when cancelled."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    AUTO_FOCUS = "#nama"
    BINDINGS = [
        Binding("escape", "batal", "Batal", id="form_instansi.batal", tooltip="Kembali tanpa menyimpan"),
        Binding("ctrl+s", "simpan", "Simpan", id="form_instansi.simpan", tooltip="Simpan data instansi"),
    ]

    def __init__(
        self, profil: list[ProfilTersedia], simpan: Callable[[DataInstansi], tuple[Instansi, list[str]]]
    ) -> None:
        super().__init__()
        self.profil, self.simpan = profil, simpan
        self._awal: DataInstansi | None = None

    def on_mount(self) -> None:
        self.call_after_refresh(self._catat_awal)

    def _catat_awal(self) -> None:
        self._awal = self.query_one(IsianInstansi).data()  # the empty form: what Esc compares with

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="kotak-form-instansi"):
            yield Label("Data instansi (Pemda) Anda", classes="judul-dialog")
            yield PesanForm()
            yield IsianInstansi(None, self.profil, id="isian-instansi")
            with Horizontal(classes="tombol-dialog"):
                yield Button("Simpan (Ctrl+S)", variant="primary", id="simpan", compact=True)
                yield Button("Batal (Esc)", id="batal", compact=True)
        yield Footer(show_command_palette=False, compact=True)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        data = self.query_one(IsianInstansi).data()
        self.query_one(PesanForm).simpan(self, lambda: self.simpan(data), self._tersimpan)

    def _tersimpan(self, hasil: tuple[Instansi, list[str]]) -> None:
        instansi, peringatan = hasil
        for p in peringatan:
            self.app.notify(p, title="Periksa data instansi", severity="warning", timeout=10)
        self.dismiss(instansi)

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        _tutup_bila_tak_berubah(self, self._awal, "Buang isian?")


def _tutup_bila_tak_berubah(layar: Screen[Any], awal: DataInstansi | None, pertanyaan: str) -> None:
    """Close `layar` at once when its fields are as shown at first, else after the user agrees to `pertanyaan`."""
    if layar.query_one(IsianInstansi).data() == awal:
        layar.dismiss(None)
        return

    def jawab(buang: bool | None) -> None:
        if buang:
            layar.dismiss(None)

    from sistemkerja_tui.tui.screens.dialog import DialogKonfirmasi

    layar.app.push_screen(DialogKonfirmasi(pertanyaan), jawab)


def buka_layar_instansi(app: SistemKerjaApp) -> None:
    """Read the settings in a worker, then show the settings screen."""
    layanan = app.layanan
    if layanan is None:
        app.notify("Database belum siap.", severity="warning")
        return

    def baca() -> tuple[Instansi | None, list[ProfilTersedia], list[KodeUnit]]:
        return layanan.instansi.utama(), profil_tersedia(), layanan.instansi.daftar_kode_unit()

    def tampil(hasil: tuple[Instansi | None, list[ProfilTersedia], list[KodeUnit]]) -> None:
        instansi, profil, unit = hasil
        if instansi is None:
            app.notify("Database ini belum berisi instansi; siapkan dahulu di layar awal.", severity="warning")
            return
        app.push_screen(LayarInstansi(instansi, profil, unit))

    kerjakan(app, baca, tampil)


class LayarInstansi(Screen[None]):
    """Everything asked at setup, editable, and the units' codes in letter numbers."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    AUTO_FOCUS = "#nama"
    BINDINGS = [
        Binding("escape", "kembali", "Kembali", id="instansi.kembali", tooltip="Kembali ke layar sebelumnya"),
        Binding("ctrl+s", "simpan", "Simpan", id="instansi.simpan", tooltip="Simpan pengaturan instansi"),
        Binding("e", "ubah_kode", "Ubah kode", id="instansi.ubah_kode", tooltip="Ubah kode unit di nomor surat"),
    ]

    def __init__(self, instansi: Instansi, profil: list[ProfilTersedia], unit: list[KodeUnit]) -> None:
        super().__init__()
        self.instansi, self.profil, self.unit = instansi, profil, unit
        self._awal: DataInstansi | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield PesanForm()
        with TabbedContent(id="tab-instansi"):
            with TabPane("Instansi", id="tab-data"):
                yield IsianInstansi(self.instansi.data, self.profil, id="isian-instansi")
            with TabPane("Kode unit", id="tab-kode"):
                yield Label(
                    "Kode unit di nomor surat ({kode_unit}); e atau Enter: ubah.",
                    id="petunjuk-kode",
                )
                yield DataTable(id="tabel-kode", cursor_type="row", zebra_stripes=True)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        tabel = self.query_one("#tabel-kode", DataTable)
        tabel.add_columns("Unit", "Kode")
        for u in self.unit:
            tabel.add_row(self._nama(u), u.kode, key=str(u.id))
        if not self.unit:
            self.query_one("#petunjuk-kode", Label).update("Pemda ini belum mempunyai unit organisasi.")
        self.call_after_refresh(self._catat_awal)

    def _catat_awal(self) -> None:
        self._awal = self.query_one(IsianInstansi).data()  # as shown: what Esc compares with

    @staticmethod
    def _nama(u: KodeUnit) -> str:
        return "· " * u.tingkat + u.nama + ("" if u.aktif else " (ditutup)")  # the table drops leading spaces

    def _oleh(self) -> int | None:
        return self.app.pengguna.pegawai_id if self.app.pengguna else None

    def action_simpan(self) -> None:
        layanan = self.app.layanan
        if layanan is None:
            return
        data, oleh = self.query_one(IsianInstansi).data(), self._oleh()
        self.query_one(PesanForm).simpan(
            self, lambda: layanan.instansi.ubah_instansi(data, oleh_id=oleh), self._tersimpan
        )

    def _tersimpan(self, hasil: tuple[Instansi, list[str]]) -> None:
        self.instansi, peringatan = hasil
        self._catat_awal()
        for p in peringatan:
            self.notify(p, title="Periksa data instansi", severity="warning", timeout=10)
        self.notify("Pengaturan instansi disimpan.", timeout=4)
        self.app.database_berubah()

    @on(DataTable.RowSelected, "#tabel-kode")
    def action_ubah_kode(self) -> None:
        tabel = self.query_one("#tabel-kode", DataTable)
        layanan = self.app.layanan
        if layanan is None or not self.unit or self.query_one(TabbedContent).active != "tab-kode":
            return
        unit = self.unit[tabel.cursor_row]
        oleh = self._oleh()

        def tersimpan(baru: KodeUnit) -> None:
            self.unit[tabel.cursor_row] = baru
            tabel.update_cell(str(baru.id), tabel.ordered_columns[1].key, baru.kode)
            self.notify(f"Kode {baru.nama}: {baru.kode}.", timeout=4)
            self.app.database_berubah()

        def jawab(kode: str | None) -> None:
            if kode is not None and kode != unit.kode:
                kerjakan(self, lambda: layanan.instansi.ubah_kode_unit(unit.id, kode, oleh_id=oleh), tersimpan)

        from sistemkerja_tui.tui.screens.dialog import DialogAlasan

        self.app.push_screen(DialogAlasan("Kode unit", f"Kode {unit.nama} di nomor surat", nilai=unit.kode), jawab)

    def action_kembali(self) -> None:
        _tutup_bila_tak_berubah(self, self._awal, "Perubahan belum disimpan. Buang perubahan?")
