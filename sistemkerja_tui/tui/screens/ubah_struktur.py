"""Editing the structure from the Struktur screen: the "Ubah…" menu (key e), the unit and pegawai forms, and the
pickers and confirmations around them.

Every change runs its use case (`layanan.ubah_struktur`) in a worker, then refreshes the in-memory structure; the
screen then shows the changed unit or pegawai in the tree and the table, and the search index is rebuilt in the
background. A refusal stays in the form (or a notification) and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Select

from sistemkerja_tui.layanan.struktur import HasilCari, Instansi, Unit
from sistemkerja_tui.layanan.ubah_struktur import (
    DataPegawai,
    DataUnit,
    HasilUbah,
    JenisJabatan,
    JenisPimpinanSementara,
    JenisUnit,
    Jenjang,
    Pendidikan,
    StatusASN,
)
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.screens.cari import LayarCari
from sistemkerja_tui.tui.screens.dialog import DialogAlasan, DialogKonfirmasi
from sistemkerja_tui.tui.screens.pilih import PilihSatu
from sistemkerja_tui.tui.widgets.form import FormModal, PesanForm

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan
    from sistemkerja_tui.tui.app import SistemKerjaApp
    from sistemkerja_tui.tui.screens.struktur import LayarStruktur

_CSS_FORM = "#form-unit, #form-pegawai { height: 90%; }"


class FormUnit(FormModal):
    """Add a unit under `induk`, or change one (`awal`). `simpan(data)` runs the use case in a worker; a refusal
    stays in the form. Dismissed with `(HasilUbah,)` after saving, None when cancelled."""

    DEFAULT_CSS = _CSS_FORM
    AUTO_FOCUS = "#nama"
    BINDINGS = [
        Binding("escape", "batal", "Batal", id="form_unit.batal", tooltip="Tutup tanpa menyimpan"),
        Binding("ctrl+s", "simpan", "Simpan", id="form_unit.simpan", tooltip="Simpan unit"),
    ]

    def __init__(
        self,
        judul: str,
        keterangan: str,
        simpan: Callable[[DataUnit], Any],
        awal: Unit | None,
        jenis: JenisUnit = JenisUnit.BIDANG,
    ) -> None:
        super().__init__()
        self.judul, self.keterangan, self.simpan, self.awal, self.jenis = judul, keterangan, simpan, awal, jenis

    def compose(self) -> ComposeResult:
        a = self.awal
        with Vertical(classes="dialog", id="form-unit"):
            yield Label(self.judul, classes="judul-dialog")
            yield PesanForm()
            with VerticalScroll(classes="isian-form"):
                yield Label(self.keterangan)
                yield Label("Nama unit")
                yield Input(value=a.nama if a else "", id="nama", placeholder="mis. Bidang Pelayanan Kesehatan")
                yield Label("Jenis unit")
                yield Select(
                    [(j.label, j.value) for j in JenisUnit],
                    id="jenis",
                    allow_blank=False,
                    value=(a.jenis if a else self.jenis).value,
                )
                yield Label("Kode unit (pada nomor surat)")
                yield Input(value=a.kode if a else "", id="kode", placeholder="mis. YANKES")
                yield Label("Sebutan jabatan pimpinan")
                yield Input(value=a.jabatan_pimpinan if a else "", id="jabatan", placeholder="mis. Kepala Bidang")
                yield Label("Unit kerja mandiri")
                yield Select(
                    [("Tidak", "tidak"), ("Ya", "ya")],
                    id="mandiri",
                    allow_blank=False,
                    value="ya" if a and a.mandiri else "tidak",
                )
            with Horizontal(classes="tombol-dialog"):
                yield Button("Simpan (Ctrl+S)", variant="primary", id="simpan")
                yield Button("Batal", id="batal")
        yield Footer(show_command_palette=False, compact=True)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        nilai = {i.id: i.value for i in self.query(Input)}
        data = DataUnit(
            nama=nilai["nama"],
            jenis=JenisUnit(self.pilihan("#jenis")),
            kode=nilai["kode"],
            nama_jabatan_pimpinan=nilai["jabatan"],
            mandiri=self.pilihan("#mandiri") == "ya",
        )
        self.simpan_lalu_tutup(lambda: self.simpan(data))


class FormPegawai(FormModal):
    """Add a pegawai, or correct one (`awal`). `simpan(data)` runs the use case in a worker; a refusal (naming the
    field) stays in the form. Dismissed with `(HasilUbah,)` after saving, None when cancelled."""

    DEFAULT_CSS = _CSS_FORM
    AUTO_FOCUS = "#nip"
    BINDINGS = [
        Binding("escape", "batal", "Batal", id="form_pegawai.batal", tooltip="Tutup tanpa menyimpan"),
        Binding("ctrl+s", "simpan", "Simpan", id="form_pegawai.simpan", tooltip="Simpan pegawai"),
    ]

    def __init__(
        self, judul: str, keterangan: str, simpan: Callable[[DataPegawai], Any], awal: DataPegawai | None = None
    ) -> None:
        super().__init__()
        self.judul, self.keterangan, self.simpan, self.awal = judul, keterangan, simpan, awal

    def compose(self) -> ComposeResult:
        a = self.awal
        with Vertical(classes="dialog", id="form-pegawai"):
            yield Label(self.judul, classes="judul-dialog")
            yield PesanForm()
            with VerticalScroll(classes="isian-form"):
                yield Label(self.keterangan)
                yield Label("NIP (18 angka, spasi boleh)")
                yield Input(value=a.nip if a else "", id="nip", placeholder="mis. 19850202 201001 2 003")
                yield Label("Nama (tanpa gelar)")
                yield Input(value=a.nama if a else "", id="nama")
                yield Label("Gelar depan")
                yield Input(value=a.gelar_depan if a else "", id="gelar_depan", placeholder="mis. dr.")
                yield Label("Gelar belakang")
                yield Input(value=a.gelar_belakang if a else "", id="gelar_belakang", placeholder="mis. S.Kep.")
                yield Label("Status ASN")
                yield Select(
                    [(s.label, s.value) for s in StatusASN],
                    id="status",
                    allow_blank=False,
                    value=(a.status_asn if a else StatusASN.PNS).value,
                )
                yield Label("Golongan (PNS mis. III/b; PPPK mis. IX)")
                yield Input(value=a.golongan if a else "", id="golongan")
                yield Label("Jenis jabatan")
                yield Select(
                    [(j.label, j.value) for j in JenisJabatan],
                    id="jenis_jabatan",
                    allow_blank=False,
                    value=(a.jenis_jabatan if a else JenisJabatan.PELAKSANA).value,
                )
                yield Label("Jenjang (khusus jabatan fungsional)")
                yield Select(
                    [(j.label, j.value) for j in Jenjang],
                    id="jenjang",
                    prompt="(bukan jabatan fungsional)",
                    value=a.jenjang.value if a and a.jenjang else Select.NULL,
                )
                yield Label("Nama jabatan")
                yield Input(value=a.nama_jabatan if a else "", id="nama_jabatan", placeholder="mis. Perawat Ahli Muda")
                yield Label("Pendidikan terakhir")
                yield Select(
                    [(p.label, p.value) for p in Pendidikan],
                    id="pendidikan",
                    allow_blank=False,
                    value=(a.pendidikan if a else Pendidikan.S1).value,
                )
                yield Label("Kelas jabatan (1–17, boleh kosong)")
                kelas = str(a.kelas_jabatan) if a and a.kelas_jabatan is not None else ""
                yield Input(value=kelas, id="kelas")
            with Horizontal(classes="tombol-dialog"):
                yield Button("Simpan (Ctrl+S)", variant="primary", id="simpan")
                yield Button("Batal", id="batal")
        yield Footer(show_command_palette=False, compact=True)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        nilai = {i.id: i.value for i in self.query(Input)}
        kelas = nilai["kelas"].strip()
        if kelas and not kelas.isdigit():
            self.tampilkan_pesan("Kelas jabatan harus angka 1 s.d. 17, atau dikosongkan.")
            return
        jenjang = self.query_one("#jenjang", Select).value
        data = DataPegawai(
            nip=nilai["nip"],
            nama=nilai["nama"],
            gelar_depan=nilai["gelar_depan"],
            gelar_belakang=nilai["gelar_belakang"],
            status_asn=StatusASN(self.pilihan("#status")),
            golongan=nilai["golongan"],
            jenis_jabatan=JenisJabatan(self.pilihan("#jenis_jabatan")),
            jenjang=Jenjang(jenjang) if isinstance(jenjang, str) else None,
            nama_jabatan=nilai["nama_jabatan"],
            pendidikan=Pendidikan(self.pilihan("#pendidikan")),
            kelas_jabatan=int(kelas) if kelas else None,
        )
        self.simpan_lalu_tutup(lambda: self.simpan(data))


# --- the menu and the actions ----------------------------------------------------

# (code, label, what it needs highlighted: a unit, a pegawai, or nothing but the instansi): what the "Ubah…" menu
# offers; the palette lists the same
AKSI: tuple[tuple[str, str, str], ...] = (
    ("tambah_unit", "Tambah sub-unit", "unit"),
    ("ubah_unit", "Ubah nama/data unit", "unit"),
    ("pindah_unit", "Pindahkan unit ke induk lain", "unit"),
    ("tutup_unit", "Tutup unit", "unit"),
    ("pimpinan", "Tetapkan pimpinan unit", "unit"),
    ("sementara", "Tetapkan atau akhiri Plt./Plh.", "unit"),
    ("tambah_pegawai", "Tambah pegawai di unit ini", "unit"),
    ("ubah_pegawai", "Ubah data pegawai", "pegawai"),
    ("mutasi", "Mutasi pegawai ke unit lain", "pegawai"),
    ("nonaktifkan", "Nonaktifkan pegawai", "pegawai"),
    ("ppk", "Tetapkan PPK pegawai (override)", "pegawai"),
    ("tambah_pd", "Tambah Perangkat Daerah", "instansi"),
)


class PenyuntingStruktur:
    """The edit actions of one Struktur screen: for the highlighted unit, and the highlighted pegawai."""

    def __init__(self, layar: LayarStruktur) -> None:
        self.layar = layar

    @property
    def app(self) -> SistemKerjaApp:
        return self.layar.app

    @property
    def _layanan(self) -> Layanan | None:
        return self.app.layanan

    def _oleh(self) -> int | None:
        return self.app.pengguna.pegawai_id if self.app.pengguna else None

    def menu(self) -> None:
        """The "Ubah…" menu: the actions for the unit, then those for the highlighted pegawai."""
        layanan = self._layanan
        if layanan is None or not layanan.struktur.instansi:
            self.app.notify("Database belum siap.", severity="warning")
            return
        unit = layanan.struktur.unit(self.layar.unit_id) if self.layar.unit_id is not None else None
        pegawai = self.layar.pegawai_terpilih() if unit is not None else None
        sasaran = {
            "unit": unit.nama if unit else None,
            "pegawai": pegawai[1] if pegawai else None,
            "instansi": _instansi(layanan, unit).nama,
        }
        pilihan = [(f"{label} — {sasaran[perlu]}", kode) for kode, label, perlu in AKSI if sasaran[perlu]]
        self.app.push_screen(PilihSatu("Ubah struktur", pilihan), self.jalankan)

    def jalankan(self, kode: str | None) -> None:
        """Start the action `kode` of `AKSI` (from the menu or the palette)."""
        layanan = self._layanan
        if kode is None or layanan is None:
            return
        unit = layanan.struktur.unit(self.layar.unit_id) if self.layar.unit_id is not None else None
        pegawai = self.layar.pegawai_terpilih() if unit is not None else None
        perlu = next(p for k, _, p in AKSI if k == kode)
        if perlu == "unit" and unit is None:
            self.app.notify("Pilih dahulu sebuah unit di pohon.", severity="warning")
        elif perlu == "pegawai" and pegawai is None:
            self.app.notify("Pilih dahulu seorang pegawai di tabel.", severity="warning")
        else:
            getattr(self, f"_{kode}")(layanan, unit, pegawai)

    # --- after a change ---------------------------------------------------------

    def _ubah(self, layanan: Layanan, kerja: Callable[[], HasilUbah]) -> Callable[[], HasilUbah]:
        """`kerja` followed by the refresh of the in-memory structure (both in the worker)."""

        def jalan() -> HasilUbah:
            hasil = kerja()
            layanan.ubah_struktur.segarkan(hasil)
            return hasil

        return jalan

    def _selesai(self, hasil: HasilUbah, pesan: str, tuju: HasilCari) -> None:
        for p in hasil.peringatan:
            self.app.notify(p, title="Peringatan", severity="warning", timeout=12)
        self.app.notify(pesan, timeout=5)
        self.layar.tampilkan_ulang(tuju)

    def _kerjakan(self, layanan: Layanan, kerja: Callable[[], HasilUbah], pesan: str, tuju) -> None:
        """Run a change that has no form; `tuju(hasil)` is where the screen goes afterwards."""
        kerjakan(self.layar, self._ubah(layanan, kerja), lambda h: self._selesai(h, pesan, tuju(h)))

    def _form(self, layar, pesan: str, tuju) -> None:
        def tutup(hasil: tuple[HasilUbah] | None) -> None:
            if hasil is not None:
                self._selesai(hasil[0], pesan, tuju(hasil[0]))

        self.app.push_screen(layar, tutup)

    def _pilih(self, judul_salah: str, *, unit: bool, lanjut: Callable[[HasilCari], None]) -> None:
        """Pick a unit (`unit`) or a pegawai with the search screen."""
        layanan = self._layanan
        assert layanan is not None

        def pilih(h: HasilCari | None) -> None:
            if h is None:
                return
            if h.adalah_unit != unit:
                self.app.notify(judul_salah, severity="warning")
                return
            lanjut(h)

        self.app.push_screen(LayarCari(layanan.struktur, unit=unit), pilih)

    # --- units ----------------------------------------------------------------

    def _tambah_unit(self, layanan: Layanan, unit: Unit, _pegawai) -> None:
        oleh = self._oleh()

        def simpan(data: DataUnit) -> HasilUbah:
            data = replace(data, induk_id=unit.id)
            return self._ubah(layanan, lambda: layanan.ubah_struktur.tambah_unit(data, oleh_id=oleh))()

        form = FormUnit("Tambah sub-unit", f"Di bawah: {unit.nama}", simpan, None)
        self._form(form, "Unit ditambahkan.", lambda h: _ke_unit(h.id))

    def _tambah_pd(self, layanan: Layanan, unit: Unit | None, _pegawai) -> None:
        oleh, instansi = self._oleh(), _instansi(layanan, unit)

        def simpan(data: DataUnit) -> HasilUbah:
            data = replace(data, instansi_id=instansi.id)
            return self._ubah(layanan, lambda: layanan.ubah_struktur.tambah_unit(data, oleh_id=oleh))()

        form = FormUnit("Tambah Perangkat Daerah", f"Di puncak: {instansi.nama}", simpan, None, JenisUnit.DINAS)
        self._form(form, "Perangkat Daerah ditambahkan.", lambda h: _ke_unit(h.id))

    def _ubah_unit(self, layanan: Layanan, unit: Unit, _pegawai) -> None:
        oleh = self._oleh()

        def simpan(data: DataUnit) -> HasilUbah:
            return self._ubah(layanan, lambda: layanan.ubah_struktur.ubah_unit(unit.id, data, oleh_id=oleh))()

        form = FormUnit("Ubah unit", f"Unit: {unit.nama}", simpan, unit)
        self._form(form, "Unit diperbarui.", lambda h: _ke_unit(h.id))

    def _pindah_unit(self, layanan: Layanan, unit: Unit, _pegawai) -> None:
        oleh = self._oleh()

        def ke(h: HasilCari) -> None:
            kerja = lambda: layanan.ubah_struktur.pindah_unit(unit.id, h.unit_id, oleh_id=oleh)  # noqa: E731
            self._kerjakan(layanan, kerja, f"{unit.nama} dipindahkan ke bawah {h.nama}.", lambda r: _ke_unit(r.id))

        self.app.notify(f"Cari unit induk baru untuk {unit.nama}.", timeout=4)
        self._pilih("Pilih sebuah unit (bukan pegawai) sebagai induk baru.", unit=True, lanjut=ke)

    def _tutup_unit(self, layanan: Layanan, unit: Unit, _pegawai) -> None:
        oleh = self._oleh()
        induk = unit.induk_id

        def jawab(ya: bool | None) -> None:
            if ya:
                kerja = lambda: layanan.ubah_struktur.tutup_unit(unit.id, oleh_id=oleh)  # noqa: E731
                tuju = _ke_unit(induk) if induk is not None else _ke_unit(unit.id)
                self._kerjakan(layanan, kerja, f"{unit.nama} ditutup.", lambda _h: tuju)

        pertanyaan = f"Tutup unit {unit.nama}? Unit hilang dari pohon; riwayat dan suratnya tetap tersimpan."
        self.app.push_screen(DialogKonfirmasi(pertanyaan), jawab)

    def _pimpinan(self, layanan: Layanan, unit: Unit, _pegawai) -> None:
        oleh = self._oleh()

        def pilih(cara: str | None) -> None:
            if cara == "kosong":
                kerja = lambda: layanan.ubah_struktur.tetapkan_pimpinan(unit.id, None, oleh_id=oleh)  # noqa: E731
                self._kerjakan(layanan, kerja, f"Jabatan pimpinan {unit.nama} dikosongkan.", lambda r: _ke_unit(r.id))
            elif cara == "pilih":
                self._pilih("Pilih seorang pegawai sebagai pimpinan.", unit=False, lanjut=ke)

        def ke(h: HasilCari) -> None:
            kerja = lambda: layanan.ubah_struktur.tetapkan_pimpinan(unit.id, h.pegawai_id, oleh_id=oleh)  # noqa: E731
            self._kerjakan(layanan, kerja, f"{h.nama} pimpinan {unit.nama}.", lambda r: _ke_unit(r.id))

        pilihan = [("Pilih pimpinan definitif…", "pilih"), ("Kosongkan jabatan pimpinan", "kosong")]
        self.app.push_screen(PilihSatu(f"Pimpinan {unit.nama}", pilihan), pilih)

    def _sementara(self, layanan: Layanan, unit: Unit, _pegawai) -> None:
        oleh = self._oleh()

        def pilih(jenis: str | None) -> None:
            if jenis == "akhiri":
                kerja = lambda: layanan.ubah_struktur.tetapkan_sementara(unit.id, None, oleh_id=oleh)  # noqa: E731
                self._kerjakan(layanan, kerja, f"Plt./Plh. {unit.nama} diakhiri.", lambda r: _ke_unit(r.id))
            elif jenis is not None:
                j = JenisPimpinanSementara(jenis)
                self._pilih(f"Pilih seorang pegawai sebagai {j.label}", unit=False, lanjut=lambda h: ke(h, j))

        def ke(h: HasilCari, j: JenisPimpinanSementara) -> None:
            ubah = layanan.ubah_struktur
            kerja = lambda: ubah.tetapkan_sementara(unit.id, h.pegawai_id, j, oleh_id=oleh)  # noqa: E731
            self._kerjakan(layanan, kerja, f"{j.label} {unit.nama}: {h.nama}.", lambda r: _ke_unit(r.id))

        pilihan = [
            ("Plt. — jabatan pimpinan kosong", JenisPimpinanSementara.PLT.value),
            ("Plh. — pimpinan berhalangan sementara", JenisPimpinanSementara.PLH.value),
            ("Akhiri Plt./Plh.", "akhiri"),
        ]
        self.app.push_screen(PilihSatu(f"Plt./Plh. {unit.nama}", pilihan), pilih)

    # --- pegawai ----------------------------------------------------------------

    def _tambah_pegawai(self, layanan: Layanan, unit: Unit, _pegawai) -> None:
        oleh = self._oleh()

        def simpan(data: DataPegawai) -> HasilUbah:
            return self._ubah(layanan, lambda: layanan.ubah_struktur.tambah_pegawai(data, unit.id, oleh_id=oleh))()

        form = FormPegawai("Tambah pegawai", f"Unit kerja: {unit.nama}", simpan)
        self._form(form, "Pegawai ditambahkan.", lambda h: _ke_pegawai(h.id, unit.id))

    def _ubah_pegawai(self, layanan: Layanan, unit: Unit, pegawai: tuple[int, str]) -> None:
        oleh, pid = self._oleh(), pegawai[0]

        def simpan(data: DataPegawai) -> HasilUbah:
            return self._ubah(layanan, lambda: layanan.ubah_struktur.ubah_pegawai(pid, data, oleh_id=oleh))()

        def tampil(awal: DataPegawai) -> None:
            form = FormPegawai("Ubah data pegawai", f"Unit kerja: {unit.nama}", simpan, awal)
            self._form(form, "Data pegawai diperbarui.", lambda h: _ke_pegawai(h.id, unit.id))

        kerjakan(self.layar, lambda: layanan.ubah_struktur.data_pegawai(pid), tampil)

    def _mutasi(self, layanan: Layanan, unit: Unit, pegawai: tuple[int, str]) -> None:
        oleh, (pid, nama) = self._oleh(), pegawai

        def ke(h: HasilCari) -> None:
            kerja = lambda: layanan.ubah_struktur.mutasi(pid, h.unit_id, oleh_id=oleh)  # noqa: E731
            self._kerjakan(layanan, kerja, f"{nama} dimutasi ke {h.nama}.", lambda r: _ke_pegawai(r.id, h.unit_id))

        self.app.notify(f"Cari unit tujuan mutasi {nama}.", timeout=4)
        self._pilih("Pilih sebuah unit (bukan pegawai) sebagai tujuan mutasi.", unit=True, lanjut=ke)

    def _nonaktifkan(self, layanan: Layanan, unit: Unit, pegawai: tuple[int, str]) -> None:
        oleh, (pid, nama) = self._oleh(), pegawai

        def alasan(teks: str | None) -> None:
            if teks:
                pertanyaan = f"Nonaktifkan {nama} ({teks})? Ia hilang dari tabel dan pencarian; riwayatnya tetap."
                self.app.push_screen(DialogKonfirmasi(pertanyaan), lambda ya: jalan(teks, ya))

        def jalan(teks: str, ya: bool | None) -> None:
            if not ya:
                return
            kerja = lambda: layanan.ubah_struktur.nonaktifkan(pid, teks, oleh_id=oleh)  # noqa: E731
            self._kerjakan(layanan, kerja, f"{nama} dinonaktifkan.", lambda _h: _ke_unit(unit.id))

        label = "Alasan (mis. pensiun, pindah instansi, meninggal dunia)"
        self.app.push_screen(DialogAlasan(f"Nonaktifkan {nama}", label), alasan)

    def _ppk(self, layanan: Layanan, unit: Unit, pegawai: tuple[int, str]) -> None:
        oleh, (pid, nama) = self._oleh(), pegawai

        def pilih(cara: str | None) -> None:
            if cara == "aturan":
                kerja = lambda: layanan.ubah_struktur.tetapkan_ppk(pid, None, oleh_id=oleh)  # noqa: E731
                self._kerjakan(
                    layanan, kerja, f"PPK {nama} kembali menurut peraturan.", lambda r: _ke_pegawai(r.id, unit.id)
                )
            elif cara == "pilih":
                self._pilih("Pilih seorang pegawai sebagai PPK.", unit=False, lanjut=ke)

        def ke(h: HasilCari) -> None:
            def alasan(teks: str | None) -> None:
                if teks:
                    ubah = layanan.ubah_struktur
                    kerja = lambda: ubah.tetapkan_ppk(pid, h.pegawai_id, teks, oleh_id=oleh)  # noqa: E731
                    pesan = f"PPK {nama}: {h.nama}."
                    self._kerjakan(layanan, kerja, pesan, lambda r: _ke_pegawai(r.id, unit.id))

            label = "Alasan / dasar pendelegasian (mis. Surat Kepala Dinas Nomor …)"
            self.app.push_screen(DialogAlasan(f"PPK {nama}: {h.nama}", label), alasan)

        pilihan = [("Tetapkan PPK lain (pendelegasian)…", "pilih"), ("Kembalikan PPK menurut peraturan", "aturan")]
        self.app.push_screen(PilihSatu(f"PPK {nama}", pilihan), pilih)


def _instansi(layanan: Layanan, unit: Unit | None) -> Instansi:
    """The instansi a new Perangkat Daerah goes into: the highlighted unit's, else the Pemda itself."""
    if unit is not None:
        return layanan.struktur.instansi_dari_id(unit.instansi_id)
    semua = layanan.struktur.instansi
    return next((i for i in semua if not i.luar), semua[0])


def _ke_unit(unit_id: int) -> HasilCari:
    return HasilCari(0, unit_id, "", "", "", "", adalah_unit=True)


def _ke_pegawai(pegawai_id: int, unit_id: int) -> HasilCari:
    return HasilCari(pegawai_id, unit_id, "", "", "", "")
