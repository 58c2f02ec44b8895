"""Import pegawai or units from a file: the file form (read in a worker, cancellable), then the preview
(mapping, counts, every change and refusal, paged) and the apply (a worker with a progress bar; a cancelled
apply writes nothing). Afterwards the Struktur screen shows the imported data."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Checkbox,
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    ProgressBar,
    RadioButton,
    RadioSet,
    Static,
    TabbedContent,
    TabPane,
)

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.impor import (
    HasilImpor,
    ImporDibatalkan,
    Pratinjau,
    keterangan_hilang,
    label_bidang,
    tulis_laporan,
)
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.screens.dialog import DialogAlasan, DialogKonfirmasi
from sistemkerja_tui.tui.widgets.folder import pastikan_folder
from sistemkerja_tui.tui.widgets.tabel_halaman import TabelHalaman, ribuan

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.layanan.mulai import Layanan
    from sistemkerja_tui.tui.app import SistemKerjaApp

AKHIRAN = (".csv", ".xlsx", ".xls", ".ods")
PETUNJUK = (
    'Dapat dibaca: ekspor SIASN "Export Data ASN" (.csv), ekspor e-Kinerja (.xlsx), daftar DUK/nominatif; '
    "berkas .csv .xlsx .xls .ods berjudul kolom. Unit yang belum ada dibuat dari berkas pegawai; berkas unit "
    "(SIASN ref-unor) memberi pohon dan pimpinannya."
)
PENJELASAN_PENUH = {
    "pegawai": "Berkas memuat SEMUA pegawai Pemda: yang tidak tercantum ditandai tidak aktif (tidak dihapus).",
    "unit": "Berkas memuat SEMUA unit Pemda: yang tidak tercantum ditutup (tidak dihapus; pegawai dan riwayat tetap).",
}
KOLOM_RINCIAN = (("Bagian", 12), ("Baris", 5), ("Nama", 24), ("Kolom", 12), ("Keterangan", None))


@dataclass
class Bacaan:
    """A file read and previewed: what the preview screen shows and applies."""

    jenis: str  # "pegawai" | "unit"
    berkas: Path
    hasil: Any  # HasilBaca of pegawai or of units
    pratinjau: Pratinjau
    penuh: bool


def periksa_path(teks: str) -> tuple[Path | None, str]:
    """The file to read, or why not (naming the field and the fix)."""
    if not teks.strip():
        return None, "Berkas: tulis path berkas yang akan diimpor, misalnya ~/Unduhan/Export_Data_ASN.csv."
    berkas = Path(teks.strip()).expanduser()
    if berkas.is_dir():
        return None, f"Berkas: {berkas} adalah folder; tulis path berkas di dalamnya."
    if not berkas.is_file():
        return None, f"Berkas: {berkas} tidak ditemukan; periksa ejaan dan foldernya."
    if berkas.suffix.lower() not in AKHIRAN:
        return None, (
            f"Berkas: {berkas.name} tidak dapat dibaca; yang dapat diimpor hanya {', '.join(AKHIRAN)}. "
            "Simpan ulang dari Excel/LibreOffice dalam salah satu format itu."
        )
    return berkas, ""


def rincian(p: Pratinjau, hasil: HasilImpor | None = None) -> list[tuple[str, str, str, str, str]]:
    """The preview's rows for the table: refusals first (what needs fixing), then changes, missing, new."""
    baris: list[tuple[str, str, str, str, str]] = [
        ("ditolak", str(t.baris or ""), "", t.kolom, t.alasan) for t in p.ditolak
    ]
    for t in p.tanpa_unit:
        akibat = "tidak diimpor" if t.baru else "unitnya tetap"
        baris.append(
            ("tanpa unit", str(t.baris), t.nama, "unit", f"{t.unit} tidak cocok dengan unit mana pun: {akibat}")
        )
    for u in p.diubah:
        baris += [
            ("berubah", str(u.baris), u.nama, k, f"{lama} → {baru}" if lama else baru) for k, lama, baru in u.kolom
        ]
    baris += [("tak di berkas", "", h.nama, "", keterangan_hilang(p, h)) for h in p.hilang]
    baris += [("unit baru", str(b.baris), b.nama, "", "dibuat dari berkas pegawai") for b in p.unit_baru]
    baris += [("baru", str(b.baris), b.nama, "", "") for b in p.baru]
    baris += [("pimpinan", "", "", "", w) for w in p.pimpinan]
    baris += [("peringatan", "", "", "", w) for w in p.peringatan]
    if hasil is not None:
        baris += [
            ("anggota tim", "", a.nama, a.tim, f"{a.peran}, tidak aktif: {a.alasan}") for a in hasil.anggota_nonaktif
        ]
    return baris


def ringkasan(p: Pratinjau) -> str:
    hilang = ribuan(len(p.hilang)) if p.penuh else "— (bukan impor penuh)"
    unit = f" · unit baru {ribuan(len(p.unit_baru))}" if p.unit_baru else ""
    return (
        f"{ribuan(p.jumlah_baris)} baris dibaca · baru {ribuan(len(p.baru))}{unit} · berubah {ribuan(len(p.diubah))} · "
        f"tetap {ribuan(p.tetap)} · tidak ada di berkas {hilang} · ditolak {ribuan(len(p.ditolak))} · "
        f"tanpa unit {ribuan(len(p.tanpa_unit))}"
    )


class _Kemajuan:
    """Progress reported from a worker thread onto a ProgressBar and a status line; `batal` stops the work."""

    def __init__(self, layar: Screen, bar: ProgressBar, status: Static) -> None:
        self.layar, self.bar, self.status = layar, bar, status
        self.batal = threading.Event()

    def mulai(self, teks: str) -> None:
        self.batal = threading.Event()
        self.bar.update(total=None, progress=0)
        self.bar.display = True
        self.status.update(teks)

    def selesai(self) -> None:
        self.bar.display = False
        self.status.update("")

    def _tampil(self, teks: str, selesai: int, total: int | None) -> None:
        self.bar.update(total=total, progress=selesai)
        self.status.update(teks)

    def lapor(self, teks: str, selesai: int, total: int | None) -> None:
        """From the worker thread; raises `ImporDibatalkan` once the user cancelled."""
        if self.batal.is_set():
            raise ImporDibatalkan
        self.layar.app.call_from_thread(self._tampil, teks, selesai, total)

    def dibaca(self, n: int) -> None:
        self.lapor(f"{ribuan(n)} baris dibaca… (Esc: hentikan)", n, None)

    def tahap(self, tahap: str, selesai: int, total: int) -> None:
        kata = "diperiksa" if tahap == "periksa" else "ditulis"
        self.lapor(f"{ribuan(selesai)} dari {ribuan(total)} baris {kata}… (Esc: hentikan)", selesai, total)


def _tanya_batal(layar: Screen, pertanyaan: str, kemajuan: _Kemajuan, sedang: Callable[[], bool]) -> None:
    """Escape during work: ask first, then set the cancel flag (if the work is still running)."""

    def jawab(ya: bool | None) -> None:
        if ya and sedang():
            kemajuan.batal.set()
            kemajuan.status.update("Menghentikan…")

    layar.app.push_screen(DialogKonfirmasi(pertanyaan), jawab)


class LayarImpor(Screen[None]):
    """The file, what it holds (pegawai / unit), and whether it is a full import; Enter reads it."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    AUTO_FOCUS = "#berkas-impor"
    DEFAULT_CSS = """
    LayarImpor { align: center middle; }
    LayarImpor #kotak-berkas {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        padding: 0 1; border: round $primary; background: $surface;
    }
    LayarImpor #kotak-berkas .judul-dialog { margin-bottom: 0; }
    LayarImpor RadioSet, LayarImpor Checkbox { width: 100%; border: none; padding: 0; background: transparent; }
    LayarImpor #penjelasan-penuh { color: $text-muted; padding-left: 4; }
    LayarImpor #status-baca { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "baca", "Baca berkas", id="impor.baca", tooltip="Baca berkas lalu tampilkan pratinjaunya"),
        Binding("escape", "kembali", "Kembali", id="impor.kembali", tooltip="Kembali; saat membaca: hentikan"),
    ]

    def __init__(self, jenis: str = "pegawai") -> None:
        super().__init__()
        self.jenis_awal = jenis
        self.membaca = False
        self._tertunda: Bacaan | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="kotak-berkas"):
            yield Label("Impor dari berkas", classes="judul-dialog")
            yield Static(PETUNJUK, id="keterangan-impor")
            yield Input(id="berkas-impor", placeholder="Berkas, mis. ~/Unduhan/Export_Data_ASN.csv")
            yield Label("Isi berkas (Tab lalu ↑↓):")
            with RadioSet(id="jenis-impor"):
                yield RadioButton("Pegawai (SIASN, e-Kinerja, DUK)", id="pegawai", value=self.jenis_awal == "pegawai")
                yield RadioButton("Unit organisasi (pohon unit)", id="unit", value=self.jenis_awal == "unit")
            yield Checkbox("Impor penuh", id="penuh")
            yield Static(PENJELASAN_PENUH[self.jenis_awal], id="penjelasan-penuh")
            yield ProgressBar(id="kemajuan-baca", show_eta=False)
            yield Static("", id="status-baca")
            yield Static("", id="pesan-impor", classes="pesan-galat")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        bar = self.query_one("#kemajuan-baca", ProgressBar)
        bar.display = False
        self.kemajuan = _Kemajuan(self, bar, self.query_one("#status-baca", Static))

    @property
    def jenis(self) -> str:
        tombol = self.query_one("#jenis-impor", RadioSet).pressed_button
        return tombol.id if tombol is not None and tombol.id else "pegawai"

    @on(RadioSet.Changed, "#jenis-impor")
    def _jenis_berubah(self) -> None:
        self.query_one("#penuh", Checkbox).value = False  # a full import of the other kind is asked again
        self.query_one("#penjelasan-penuh", Static).update(PENJELASAN_PENUH[self.jenis])

    def _pesan(self, teks: str) -> None:
        self.query_one("#pesan-impor", Static).update(teks)

    @on(Input.Submitted, "#berkas-impor")
    def action_baca(self) -> None:
        layanan = self.app.layanan
        if self.membaca or layanan is None:
            return
        berkas, salah = periksa_path(self.query_one("#berkas-impor", Input).value)
        if berkas is None:
            self._pesan(salah)
            self.query_one("#berkas-impor", Input).focus()
            return
        jenis, penuh = self.jenis, self.query_one("#penuh", Checkbox).value
        self._pesan("")
        self._sibuk(True)
        self.kemajuan.mulai(f"Membaca {berkas.name}… (Esc: hentikan)")
        kemajuan = self.kemajuan
        kerjakan(self, lambda: _baca(layanan, jenis, berkas, penuh, kemajuan), self._terbaca, gagal=self._gagal)

    def _sibuk(self, sibuk: bool) -> None:
        self.membaca = sibuk
        for w in self.query("#berkas-impor, #jenis-impor"):
            w.disabled = sibuk
        self.query_one("#penuh", Checkbox).disabled = sibuk
        if not sibuk:
            self.kemajuan.selesai()
            self.query_one("#berkas-impor", Input).focus()

    def _gagal(self, pesan: str) -> None:
        self._tertunda = None
        self._sibuk(False)
        self._pesan(pesan)

    def _terbaca(self, bacaan: Bacaan) -> None:
        if self.kemajuan.batal.is_set():
            self._gagal(ImporDibatalkan().pesan)
        elif self.app.screen is not self:  # "stop reading?" is open: wait for the answer
            self._tertunda = bacaan
        else:
            self._ke_pratinjau(bacaan)

    def _ke_pratinjau(self, bacaan: Bacaan) -> None:
        self._tertunda = None
        self._sibuk(False)
        self.app.push_screen(LayarPratinjau(bacaan), self._pratinjau_ditutup)

    def _pratinjau_ditutup(self, ke_struktur: bool | None) -> None:
        if ke_struktur:
            self.dismiss()
        elif self.jenis == "unit":  # after the units, the pegawai file is the usual next one
            self.query_one("#pegawai", RadioButton).value = True

    def action_kembali(self) -> None:
        if not self.membaca:
            self.dismiss()
            return

        def jawab(ya: bool | None) -> None:
            if ya:
                self.kemajuan.batal.set()
                if self._tertunda is not None:
                    self._gagal(ImporDibatalkan().pesan)
            elif self._tertunda is not None:
                self._ke_pratinjau(self._tertunda)

        self.app.push_screen(DialogKonfirmasi("Hentikan pembacaan berkas? Database tidak diubah."), jawab)


def _baca(layanan: Layanan, jenis: str, berkas: Path, penuh: bool, kemajuan: _Kemajuan) -> Bacaan:
    """In the worker: read the file, then compare it with the database (writes nothing)."""
    impor, batal = layanan.impor, kemajuan.batal
    hasil: Any = (
        impor.baca_pegawai(berkas, kemajuan=kemajuan.dibaca, batal=batal)
        if jenis == "pegawai"
        else impor.baca_unit(berkas, kemajuan=kemajuan.dibaca, batal=batal)
    )
    if kemajuan.batal.is_set():
        raise ImporDibatalkan
    if hasil.kolom_wajib_hilang:
        raise Ditolak(
            f"Berkas {berkas.name} tidak dapat diimpor sebagai {jenis}: "
            + (" ".join(hasil.catatan) or f"kolom wajib tidak ditemukan: {', '.join(hasil.kolom_wajib_hilang)}.")
            + ("" if jenis == "unit" else " Bila ini berkas unit, pilih 'Unit organisasi'.")
        )
    if jenis == "pegawai":
        p = impor.pratinjau_pegawai(hasil, penuh=penuh, batal=kemajuan.batal, kemajuan=kemajuan.tahap)
    else:
        p = impor.pratinjau_unit(hasil, penuh=penuh, batal=batal, kemajuan=kemajuan.tahap)
    return Bacaan(jenis, berkas, hasil, p, penuh)


class LayarPratinjau(Screen[bool]):
    """What the file would change, before anything is written; Ctrl+S applies it. Dismissed with True to go to
    the Struktur screen, False to go back to the file form."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    AUTO_FOCUS = "#rincian"
    DEFAULT_CSS = """
    LayarPratinjau #judul-pratinjau { margin-bottom: 0; padding: 0 1; }
    LayarPratinjau #ringkasan { height: auto; padding: 0 1; }
    LayarPratinjau #isi-pratinjau { height: 1fr; }
    LayarPratinjau TabPane { padding: 0; }
    LayarPratinjau #rincian, LayarPratinjau #pemetaan { height: 1fr; }
    LayarPratinjau #halaman-rincian, LayarPratinjau #status-terapkan { color: $text-muted; padding: 0 1; }
    LayarPratinjau #baris-terpilih { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    LayarPratinjau #pesan-pratinjau { height: auto; padding: 0 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "terapkan", "Terapkan", id="pratinjau.terapkan", tooltip="Tulis impor ke database"),
        Binding("l", "laporan", "Laporan", id="pratinjau.laporan", tooltip="Simpan laporan (.md atau .csv)"),
        Binding(
            "right_square_bracket",
            "halaman(1)",
            "Halaman",
            key_display="] [",
            show=False,
            id="pratinjau.hal_berikut",
            tooltip="Halaman rincian berikutnya ( [ : sebelumnya)",
        ),
        Binding(
            "left_square_bracket",
            "halaman(-1)",
            "Hal. sebelum",
            show=False,
            id="pratinjau.hal_sebelum",
            tooltip="Halaman rincian sebelumnya",
        ),
        Binding("m", "pemetaan", "Pemetaan", id="pratinjau.pemetaan", tooltip="Pemetaan kolom / rincian baris"),
        Binding("b", "lain", "Berkas lain", id="pratinjau.lain", tooltip="Impor berkas berikutnya (mis. pegawai)"),
        Binding("escape", "kembali", "Kembali", id="pratinjau.kembali", tooltip="Kembali; saat menerapkan: batalkan"),
        Binding("escape", "ke_struktur", "Ke Struktur", id="pratinjau.struktur", tooltip="Ke layar Struktur"),
    ]

    def __init__(self, bacaan: Bacaan) -> None:
        super().__init__()
        self.bacaan = bacaan
        self.hasil: HasilImpor | None = None
        self.menerapkan = False

    @property
    def pratinjau(self) -> Pratinjau:
        return self.bacaan.pratinjau

    def compose(self) -> ComposeResult:
        b = self.bacaan
        yield Header()
        yield Label(
            f"Pratinjau impor {b.jenis}{' penuh' if b.penuh else ''}: {b.berkas.name} — belum ada yang ditulis",
            id="judul-pratinjau",
            classes="judul-dialog",
        )
        yield Static(ringkasan(self.pratinjau), id="ringkasan")
        with TabbedContent(id="isi-pratinjau", initial="tab-rincian"):
            with TabPane("Rincian baris", id="tab-rincian"):
                yield TabelHalaman(KOLOM_RINCIAN, id="rincian")
            with TabPane(f"Pemetaan kolom ({len(self.pratinjau.pemetaan)})", id="tab-pemetaan"):
                yield DataTable(id="pemetaan", cursor_type="row", zebra_stripes=True)
        yield Label("", id="halaman-rincian")
        yield Static("", id="baris-terpilih")
        yield ProgressBar(id="kemajuan-terapkan", show_eta=False)
        yield Static("", id="status-terapkan")
        yield Static(self._petunjuk(), id="pesan-pratinjau")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        pemetaan = self.query_one("#pemetaan", DataTable)
        pemetaan.add_columns("Kolom berkas", "Data")
        for kolom, bidang in self.pratinjau.pemetaan.items():
            pemetaan.add_row(kolom, label_bidang(self.bacaan.jenis, bidang))
        bar = self.query_one("#kemajuan-terapkan", ProgressBar)
        bar.display = False
        self.kemajuan = _Kemajuan(self, bar, self.query_one("#status-terapkan", Static))
        self._isi_rincian()

    def _isi_rincian(self) -> None:
        tabel = self.query_one("#rincian", TabelHalaman)
        tabel.isi(rincian(self.pratinjau, self.hasil))
        self.query_one("#halaman-rincian", Label).update(tabel.keterangan)

    def _petunjuk(self) -> str:
        p = self.pratinjau
        if p.ada_galat:
            return (
                f"{ribuan(p.jumlah_dilewati)} baris tidak dapat diimpor (lihat 'ditolak' dan 'tanpa unit'). Perbaiki "
                "berkasnya lalu baca lagi (Esc), atau Ctrl+S untuk mengimpor baris yang sah saja."
            )
        return "Ctrl+S: terapkan · l: simpan laporan · Esc: kembali ke berkas."

    def _pesan(self, teks: str) -> None:
        self.query_one("#pesan-pratinjau", Static).update(teks)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("terapkan", "kembali"):
            return self.hasil is None
        if action in ("lain", "ke_struktur"):
            return self.hasil is not None
        return True

    @on(DataTable.RowHighlighted, "#rincian")
    def _baris_disorot(self, event: DataTable.RowHighlighted) -> None:
        """The whole highlighted row, wrapped: the table's columns are cut at 80 columns."""
        bagian, baris, *isi = (str(x) for x in event.data_table.get_row_at(event.cursor_row))
        teks = " · ".join([f"{bagian}, baris {baris}" if baris else bagian, *(x for x in isi if x)])
        self.query_one("#baris-terpilih", Static).update(teks)

    def action_pemetaan(self) -> None:
        tab = self.query_one("#isi-pratinjau", TabbedContent)
        tab.active = "tab-pemetaan" if tab.active == "tab-rincian" else "tab-rincian"
        self.query_one("#pemetaan" if tab.active == "tab-pemetaan" else "#rincian").focus()

    def action_halaman(self, langkah: int) -> None:
        tabel = self.query_one("#rincian", TabelHalaman)
        if tabel.geser(langkah):
            self.query_one("#halaman-rincian", Label).update(tabel.keterangan)

    # --- apply ---

    def action_terapkan(self) -> None:
        p, b = self.pratinjau, self.bacaan
        if self.hasil is not None or self.menerapkan:
            return
        if b.penuh and b.jenis == "pegawai" and p.ditolak:
            self._pesan(
                f"Impor penuh tidak dapat diterapkan: {ribuan(len(p.ditolak))} baris ditolak, sehingga pegawai pada "
                "baris itu akan dianggap tidak ada lagi. Perbaiki baris itu, atau kembali (Esc) dan lepaskan tanda "
                "'Impor penuh'."
            )
            return
        if not (p.baru or p.diubah or p.hilang or p.pimpinan or p.unit_baru):
            self._pesan("Tidak ada yang perlu diterapkan: berkas ini tidak mengubah apa pun di database.")
            return
        pertanyaan = []
        if p.ada_galat:
            pertanyaan.append(f"{ribuan(p.jumlah_dilewati)} baris ditolak atau tanpa unit dan akan dilewati.")
        if p.hilang and b.jenis == "unit":
            pertanyaan.append(f"{ribuan(len(p.hilang))} unit yang tidak ada di berkas akan ditutup (tidak dihapus).")
        elif p.hilang:
            pertanyaan.append(f"{ribuan(len(p.hilang))} pegawai yang tidak ada di berkas akan ditandai tidak aktif.")
        if not pertanyaan:
            self._mulai(lewati_galat=False)
            return
        pertanyaan.append("Impor baris yang sah saja?" if p.ada_galat else "Lanjutkan?")

        def jawab(ya: bool | None) -> None:
            if ya:
                self._mulai(lewati_galat=p.ada_galat)

        self.app.push_screen(DialogKonfirmasi(" ".join(pertanyaan)), jawab)

    def _mulai(self, *, lewati_galat: bool) -> None:
        layanan = self.app.layanan
        if layanan is None:
            return
        pengguna = self.app.pengguna
        oleh_id = pengguna.pegawai_id if pengguna is not None else None
        self.menerapkan = True
        self.refresh_bindings()
        self._pesan("")
        self.kemajuan.mulai("Menerapkan impor… (Esc: batalkan)")
        b, kemajuan = self.bacaan, self.kemajuan

        def kerja() -> HasilImpor:
            if b.jenis == "pegawai":
                return layanan.impor.terapkan_pegawai(
                    b.hasil,
                    oleh_id=oleh_id,
                    lewati_galat=lewati_galat,
                    penuh=b.penuh,
                    batal=kemajuan.batal,
                    kemajuan=kemajuan.tahap,
                )
            return layanan.impor.terapkan_unit(
                b.hasil,
                oleh_id=oleh_id,
                lewati_galat=lewati_galat,
                penuh=b.penuh,
                batal=kemajuan.batal,
                kemajuan=kemajuan.tahap,
            )

        kerjakan(self, kerja, self._diterapkan, gagal=self._gagal, grup="impor")

    def _gagal(self, pesan: str) -> None:
        self.menerapkan = False
        self.kemajuan.selesai()
        self.refresh_bindings()
        self._pesan(pesan)

    def _diterapkan(self, hasil: HasilImpor) -> None:
        self.menerapkan = False
        self.hasil = hasil
        self.kemajuan.selesai()
        self.refresh_bindings()
        b = self.bacaan
        self.query_one("#judul-pratinjau", Label).update(f"Impor {b.jenis} diterapkan: {b.berkas.name}")
        self.query_one("#ringkasan", Static).update(
            f"Selesai: {ribuan(hasil.baru)} baru, {ribuan(hasil.diubah)} diubah, {ribuan(self.pratinjau.tetap)} tetap, "
            f"{ribuan(hasil.dinonaktifkan)} {'ditutup' if b.jenis == 'unit' else 'dinonaktifkan'}, "
            f"{ribuan(hasil.dilewati)} dilewati"
            + (f"; {ribuan(hasil.unit_baru)} unit dibuat dari berkas." if hasil.unit_baru else ".")
        )
        self._isi_rincian()
        lanjut = "b: impor berkas pegawai · " if b.jenis == "unit" else "b: impor berkas lain · "
        self._pesan(f"Struktur sudah diperbarui. Esc: ke Struktur · {lanjut}l: simpan laporan.")
        self.app.database_berubah()  # the Struktur screen reads its tree and table again

    def action_kembali(self) -> None:
        if self.menerapkan:
            _tanya_batal(self, "Batalkan impor? Tidak ada yang akan ditulis.", self.kemajuan, lambda: self.menerapkan)
            return
        self.dismiss(False)

    def action_ke_struktur(self) -> None:
        self.dismiss(True)

    def action_lain(self) -> None:
        if self.hasil is not None:
            self.dismiss(False)

    # --- report ---

    def action_laporan(self) -> None:
        from sistemkerja_tui.layanan.surat import folder_dokumen

        isi: HasilImpor | Pratinjau = self.hasil or self.pratinjau
        bawaan = folder_dokumen() / f"laporan-impor-{self.bacaan.jenis}-{self.bacaan.berkas.stem}.md"

        def tulis(folder: Path, nama: str) -> None:
            kerjakan(
                self,
                lambda: tulis_laporan(isi, folder / nama),
                lambda berkas: self._pesan(f"Laporan disimpan: {berkas}"),
                gagal=self._pesan,
            )

        def simpan(teks: str | None) -> None:
            if teks:
                berkas = Path(teks.strip()).expanduser()
                pastikan_folder(self, berkas.parent, lambda folder: tulis(folder, berkas.name))

        self.app.push_screen(
            DialogAlasan("Simpan laporan impor", "Berkas laporan (.md atau .csv)", nilai=str(bawaan)), simpan
        )
