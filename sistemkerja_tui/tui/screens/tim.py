"""The Tim screen: teams of the user's unit (or all), a team's members, and the keys that change them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Header, Label, Select, Static

from sistemkerja_tui.layanan.indeks_cari import cocok
from sistemkerja_tui.layanan.struktur import HasilCari
from sistemkerja_tui.layanan.tim import (
    DetailTim,
    JenisPembentukan,
    Penilaian,
    PeranTim,
    RingkasTim,
    StatusTim,
)
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.screens.cari import LayarCari, LayarCariNama
from sistemkerja_tui.tui.screens.dialog import DialogAlasan
from sistemkerja_tui.tui.screens.form_tim import FormPermohonan, FormTim
from sistemkerja_tui.tui.screens.pemilih_ketua import PemilihKetua
from sistemkerja_tui.tui.screens.pilih import PilihBanyak, PilihSatu
from sistemkerja_tui.tui.widgets.tabel import ukur_kolom

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp


class FormSaring(ModalScreen[tuple | None]):
    """Year, status and kind of the teams listed."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    BINDINGS = [Binding("escape", "batal", "Batal", id="saring.batal", tooltip="Tutup tanpa mengubah saringan")]

    def __init__(self, tahun: int | None, status: StatusTim | None, jenis: JenisPembentukan | None) -> None:
        super().__init__()
        self.awal = (tahun, status, jenis)

    def compose(self) -> ComposeResult:
        tahun, status, jenis = self.awal
        ini = self.app.hari_ini().year
        with Vertical(classes="dialog"):
            yield Label("Saring tim", classes="judul-dialog")
            yield Label("Tahun")
            yield Select(
                [(str(t), t) for t in range(ini + 1, ini - 4, -1)],
                value=tahun or Select.BLANK,
                prompt="Semua tahun",
                id="saring-tahun",
            )
            yield Label("Status")
            yield Select(
                [(s.label, s) for s in StatusTim],
                value=status or Select.BLANK,
                prompt="Semua status",
                id="saring-status",
            )
            yield Label("Jenis menurut pembentukan")
            yield Select(
                [(j.label, j) for j in JenisPembentukan],
                value=jenis or Select.BLANK,
                prompt="Semua jenis",
                id="saring-jenis",
            )
            with Horizontal(classes="tombol-dialog"):
                yield Button("Terapkan", variant="primary", id="terapkan")
                yield Button("Batal", id="batal")

    @on(Button.Pressed, "#terapkan")
    def _terapkan(self) -> None:
        nilai = [self.query_one(f"#saring-{n}", Select).value for n in ("tahun", "status", "jenis")]
        self.dismiss(tuple(None if v is Select.BLANK else v for v in nilai))

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)


class TabelVim(DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", "Turun", show=False, id="tabel_tim.turun", tooltip="Baris berikutnya"),
        Binding("k", "cursor_up", "Naik", show=False, id="tabel_tim.naik", tooltip="Baris sebelumnya"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def kunci_terpilih(self) -> int | None:
        """The id (row key) of the highlighted row, None on an empty table."""
        if self.row_count == 0:
            return None
        kunci = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(kunci) if kunci is not None else None


class LayarTim(Screen):
    """Form teams, choose their ketua, add members (by request from other units)."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    BINDINGS = [
        Binding("n", "bentuk", "Tim baru", id="tim.bentuk", tooltip="Bentuk tim kerja baru di unit pengguna"),
        Binding("e", "ubah", "Ubah", show=False, id="tim.ubah", tooltip="Ubah data tim yang dipilih"),
        Binding("c", "ketua", "Ketua", id="tim.ketua", tooltip="Pilih ketua dari calon yang memenuhi kriteria"),
        Binding("a", "anggota", "Anggota", id="tim.anggota", tooltip="Tambah anggota (lintas unit lewat permohonan)"),
        Binding(
            "r",
            "peran",
            "Peran lain",
            show=False,
            id="tim.peran",
            tooltip="Tetapkan koordinator, penanggung jawab, atau pengarah (menurut profil)",
        ),
        Binding(
            "v",
            "sukarela",
            "Sukarela",
            show=False,
            id="tim.sukarela",
            tooltip="Catat pengajuan sukarela seorang pegawai (lisan dalam unit, tertulis lintas unit)",
        ),
        Binding(
            "U",
            "usulkan",
            "Usulkan calon",
            show=False,
            id="tim.usulkan",
            tooltip="Usulkan paling sedikit 2 calon ketua kepada Sekretaris Daerah (Klaten Pasal 14)",
        ),
        Binding(
            "R",
            "rekomendasi",
            "Rekomendasi",
            show=False,
            id="tim.rekomendasi",
            tooltip="Catat rekomendasi Sekretaris Daerah atas calon ketua (Klaten Pasal 14)",
        ),
        Binding(
            "N",
            "nilai",
            "Nilai anggota",
            show=False,
            id="tim.nilai",
            tooltip="Catat rekomendasi penilaian anggota yang dipilih (akhir periode tim)",
        ),
        Binding(
            "o",
            "keluarkan",
            "Keluarkan",
            show=False,
            id="tim.keluarkan",
            tooltip="Keluarkan anggota yang dipilih di tabel anggota",
        ),
        Binding("x", "bubarkan", "Bubarkan", show=False, id="tim.bubarkan", tooltip="Bubarkan tim (dengan alasan)"),
        Binding("l", "surat", "Surat", id="tim.surat", tooltip="Buat Keputusan pembentukan tim atau Surat Tugas"),
        Binding("u", "lingkup", "Lingkup", id="tim.lingkup", tooltip="Tampilkan tim unit pengguna atau semua tim"),
        Binding("f", "saring", "Saring", id="tim.saring", tooltip="Saring menurut tahun, status, dan jenis tim"),
        Binding("slash", "cari", "Cari", show=False, id="tim.cari", tooltip="Cari tim menurut namanya"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.semua_unit = False
        self.saringan: tuple[int | None, StatusTim | None, JenisPembentukan | None] = (None, None, None)
        self.kata = ""  # words the team names must begin with (/)
        self.tim: list[RingkasTim] = []
        self.detail: DetailTim | None = None
        self._pilih: int | None = None

    @property
    def layanan(self):
        return self.app.layanan

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="saringan-tim")
        with Horizontal(id="utama-tim"):
            yield TabelVim(id="tabel-tim")
            with Vertical(id="kanan-tim"):
                yield Static("Pilih tim untuk melihat anggotanya.", id="info-tim")
                yield TabelVim(id="tabel-anggota")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#tabel-tim", DataTable).add_columns("Tim", "Status", "Ketua", "Aktif", "Tunggu")
        self.query_one("#tabel-anggota", DataTable).add_columns("Nama", "Peran", "Status", "Asal", "Unit", "Penilaian")

    def on_screen_resume(self) -> None:
        if self.app.layanan is not None:
            self.muat()

    # --- loading -----------------------------------------------------------

    def muat(self, pilih: int | None = None) -> None:
        pengguna = self.app.pengguna
        unit_id = None if self.semua_unit or pengguna is None else pengguna.unit_id
        tahun, status, jenis = self.saringan
        lingkup = "semua unit" if unit_id is None or pengguna is None else pengguna.unit
        saring = (
            " · ".join(
                x
                for x in (
                    str(tahun) if tahun else "",
                    status.label.lower() if status else "",
                    jenis.label.lower() if jenis else "",
                    f"nama '{self.kata}'" if self.kata else "",
                )
                if x
            )
            or "semua"
        )
        self.query_one("#saringan-tim", Label).update(
            f"Tim: {lingkup} · {saring} · pengguna: {pengguna.nama if pengguna else '(belum dipilih — tekan p)'}"
        )
        if pilih is not None:  # kept until shown: a later reload (screen resume) must not drop it
            self._pilih = pilih
        kerjakan(
            self,
            lambda: self.layanan.tim.daftar_tim(unit_id=unit_id, tahun=tahun, status=status, jenis=jenis),
            self._tampilkan,
            grup="daftar-tim",
            eksklusif=True,
        )

    def _tampilkan(self, tim: list[RingkasTim]) -> None:
        pilih, self._pilih = self._pilih, None
        if pilih is None:  # a plain reload keeps the row the user was on
            pilih = self.query_one("#tabel-tim", TabelVim).kunci_terpilih()
        self.tim = tim = [t for t in tim if cocok(self.kata, t.nama)]
        tabel = self.query_one("#tabel-tim", DataTable)
        tabel.clear()
        for t in tim:
            tabel.add_row(t.nama, t.status, t.ketua, str(t.anggota_aktif), str(t.menunggu), key=str(t.id))
        ukur_kolom(tabel)
        if not tim:
            self.query_one("#info-tim", Static).update(
                f"Tidak ada tim yang namanya cocok dengan '{self.kata}'. Tekan / untuk mengubah pencarian."
                if self.kata
                else "Belum ada tim. Tekan n untuk membentuk tim kerja."
            )
            self.query_one("#tabel-anggota", DataTable).clear()
        elif pilih is not None and str(pilih) in tabel.rows:
            tabel.move_cursor(row=tabel.get_row_index(str(pilih)))

    @on(DataTable.RowHighlighted, "#tabel-tim")
    def _tim_disorot(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            tim_id = int(event.row_key.value)
            kerjakan(
                self,
                lambda: self.layanan.tim.detail_tim(tim_id),
                self._tampilkan_detail,
                grup="detail-tim",
                eksklusif=True,
            )

    def _tampilkan_detail(self, d: DetailTim) -> None:
        self.detail = d
        r = d.ringkas
        info = Table.grid(padding=(0, 1))
        info.add_column(style="bold", no_wrap=True)
        info.add_column()
        info.add_row("Tim", Text(r.nama, style="bold"))
        info.add_row("Unit", r.unit)
        info.add_row("Jenis", f"{r.bentuk} · {r.jenis_pembentukan} · {r.sasaran}")
        info.add_row(
            "Periode",
            f"{d.mulai:%d-%m-%Y} s.d. {d.selesai:%d-%m-%Y}" + (f" · TA {r.tahun_anggaran}" if r.tahun_anggaran else ""),
        )
        info.add_row("Status", r.status)
        if d.tujuan:
            info.add_row("Tujuan", d.tujuan)
        self.query_one("#info-tim", Static).update(info)
        tabel = self.query_one("#tabel-anggota", DataTable)
        tabel.clear()
        for a in d.anggota:
            tabel.add_row(a.nama, a.peran, a.status, a.asal, a.unit, a.penilaian or "—", key=str(a.keanggotaan_id))
        ukur_kolom(tabel)

    # --- helpers -------------------------------------------------------------

    def _tim_terpilih(self) -> RingkasTim | None:
        tabel = self.query_one("#tabel-tim", DataTable)
        if not self.tim or tabel.cursor_row is None or tabel.row_count == 0:
            self.notify("Pilih tim terlebih dahulu.", severity="warning")
            return None
        kunci = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value
        return next(t for t in self.tim if str(t.id) == kunci)

    def _perlu_pengguna(self) -> bool:
        if self.app.pengguna_wajib() is None:
            self.app.action_pengguna()
            return False
        return True

    def _oleh_id(self) -> int:
        """The acting user's pegawai id; every action asked `_perlu_pengguna` first."""
        pengguna = self.app.pengguna
        assert pengguna is not None
        return pengguna.pegawai_id

    def _selesai(self, pesan: str, tim_id: int | None = None):
        def tampil(hasil) -> None:
            peringatan = hasil if isinstance(hasil, list) else []
            for t in peringatan:
                self.notify(f"{t.pesan} ({t.rujukan})", title="Peringatan dicatat", severity="warning", timeout=10)
            self.notify(pesan, timeout=4)
            self.muat(pilih=tim_id if tim_id is not None else (hasil if isinstance(hasil, int) else None))

        return tampil

    # --- actions --------------------------------------------------------------

    def action_lingkup(self) -> None:
        self.semua_unit = not self.semua_unit
        self.muat()

    def action_saring(self) -> None:
        def terapkan(saringan) -> None:
            if saringan is not None:
                self.saringan = saringan
                self.muat()

        self.app.push_screen(FormSaring(*self.saringan), terapkan)

    def action_cari(self) -> None:
        def terapkan(kata: str | None) -> None:
            if kata is not None:
                self.kata = kata
                self.muat()

        self.app.push_screen(LayarCariNama("Cari tim menurut nama", self.kata), terapkan)

    def action_bentuk(self) -> None:
        pengguna = self.app.pengguna
        if not self._perlu_pengguna() or pengguna is None:
            return

        def selesai(hasil) -> None:
            if hasil is not None:
                self._selesai("Tim dibentuk. Tekan c untuk memilih ketua.", hasil[0])(None)

        self.app.push_screen(
            FormTim(
                pengguna.unit_id,
                pengguna.unit,
                lambda data: self.layanan.tim.bentuk_tim(data, oleh_id=pengguna.pegawai_id),
            ),
            selesai,
        )

    def action_ubah(self) -> None:
        t = self._tim_terpilih()
        if t is None or self.detail is None or not self._perlu_pengguna():
            return
        from sistemkerja_tui.layanan.tim import DataTim, JenisPembentukan, SasaranTim

        d = self.detail
        awal = DataTim(
            t.nama,
            t.unit_id,
            next(j for j in JenisPembentukan if j.label == t.jenis_pembentukan),
            next(s for s in SasaranTim if s.label == t.sasaran),
            d.mulai,
            d.selesai,
            t.tahun_anggaran,
            d.tujuan,
        )

        def selesai(hasil) -> None:
            if hasil is not None:
                self._selesai("Tim diperbarui.", t.id)(None)

        self.app.push_screen(
            FormTim(
                t.unit_id,
                t.unit,
                lambda data: self.layanan.tim.ubah_tim(t.id, data, oleh_id=self._oleh_id()),
                awal,
            ),
            selesai,
        )

    def action_bubarkan(self) -> None:
        t = self._tim_terpilih()
        if t is None or not self._perlu_pengguna():
            return

        def alasan(teks: str | None) -> None:
            if teks:
                kerjakan(
                    self,
                    lambda: self.layanan.tim.bubarkan_tim(t.id, teks, oleh_id=self._oleh_id()),
                    self._selesai(f"Tim '{t.nama}' dibubarkan.", t.id),
                )

        self.app.push_screen(DialogAlasan(f"Bubarkan tim '{t.nama}'?", "Alasan pembubaran"), alasan)

    def action_ketua(self) -> None:
        t = self._tim_terpilih()
        if t is None or not self._perlu_pengguna():
            return

        def pilih(pegawai_id: int | None) -> None:
            if pegawai_id is not None:
                kerjakan(
                    self,
                    lambda: self.layanan.tim.tetapkan_pimpinan(
                        t.id, pegawai_id, PeranTim.KETUA, oleh_id=self._oleh_id()
                    ),
                    self._selesai("Ketua tim ditetapkan.", t.id),
                )

        self.app.push_screen(
            PemilihKetua(f"Pilih ketua — {t.nama}", lambda: self.layanan.tim.kandidat_pimpinan(t.id, PeranTim.KETUA)),
            pilih,
        )

    def action_anggota(self) -> None:
        t = self._tim_terpilih()
        if t is None or not self._perlu_pengguna():
            return

        def dipilih(hasil: HasilCari | None) -> None:
            if hasil is None:
                return
            if self.layanan.struktur.di_bawah(hasil.unit_id, t.unit_id):
                self.app.push_screen(
                    DialogAlasan(f"Tambah {hasil.nama} ke '{t.nama}'", "Uraian peran dalam tim", wajib=False),
                    lambda uraian: self._tambah(t, hasil, uraian),
                )
                return

            def diajukan(status) -> None:
                if status is not None:
                    self._selesai(f"{hasil.nama}: permohonan diajukan ({status[0].label.lower()}).", t.id)(None)

            self.app.push_screen(
                FormPermohonan(
                    f"Permohonan pelibatan {hasil.nama}",
                    f"{hasil.jabatan} · {hasil.unit} — di luar unit pemilik; anggota menunggu "
                    "persetujuan pejabat yang berwenang.",
                    lambda uraian, isi: self.layanan.tim.tambah_anggota(
                        t.id, hasil.pegawai_id, uraian, oleh_id=self._oleh_id(), isi=isi
                    ),
                ),
                diajukan,
            )

        self.app.push_screen(LayarCari(self.layanan.struktur), dipilih)

    def _tambah(self, t: RingkasTim, hasil: HasilCari, uraian: str | None) -> None:
        if uraian is None:
            return

        def selesai(status) -> None:
            self._selesai(f"{hasil.nama} ditambahkan ({status.label.lower()}).", t.id)(None)

        kerjakan(
            self,
            lambda: self.layanan.tim.tambah_anggota(t.id, hasil.pegawai_id, uraian, oleh_id=self._oleh_id()),
            selesai,
        )

    def action_peran(self) -> None:
        t = self._tim_terpilih()
        if t is None or not self._perlu_pengguna():
            return

        def pilih_peran(peran) -> None:
            if peran is None:
                return
            if peran in (PeranTim.KOORDINATOR, PeranTim.PENANGGUNG_JAWAB):  # roles with criteria: the picker
                self.app.push_screen(
                    PemilihKetua(
                        f"Pilih {peran.label.lower()} — {t.nama}",
                        lambda: self.layanan.tim.kandidat_pimpinan(t.id, peran),
                        peran.label.lower(),
                    ),
                    lambda pid: self._tetapkan(t, pid, peran),
                )
            else:

                def dicari(hasil: HasilCari | None) -> None:
                    if hasil:
                        self._tetapkan(t, hasil.pegawai_id, peran)

                self.app.push_screen(LayarCari(self.layanan.struktur), dicari)

        def tampil(peran_ada) -> None:
            if not peran_ada:
                self.notify("Profil regulasi unit ini hanya mengenal ketua dan anggota.", severity="warning")
                return
            self.app.push_screen(
                PilihSatu(
                    f"Peran lain — {t.nama}", [(f"{sebutan} ({rujukan})", kode) for kode, sebutan, rujukan in peran_ada]
                ),
                pilih_peran,
            )

        kerjakan(self, lambda: self.layanan.tim.peran_tambahan(t.id), tampil)

    def _tetapkan(self, t: RingkasTim, pegawai_id: int | None, peran: PeranTim) -> None:
        if pegawai_id is not None:
            kerjakan(
                self,
                lambda: self.layanan.tim.tetapkan_pimpinan(t.id, pegawai_id, peran, oleh_id=self._oleh_id()),
                self._selesai(f"{peran.label} ditetapkan.", t.id),
            )

    def action_sukarela(self) -> None:
        t = self._tim_terpilih()
        if t is None or not self._perlu_pengguna():
            return
        oleh = self._oleh_id()

        def dipilih(hasil: HasilCari | None) -> None:
            if hasil is None:
                return
            selesai = self._selesai(f"Pengajuan sukarela {hasil.nama} dicatat; menunggu persetujuan.", t.id)
            if self.layanan.struktur.di_bawah(hasil.unit_id, t.unit_id):

                def lisan(catatan: str | None) -> None:
                    if catatan:
                        kerjakan(
                            self,
                            lambda: self.layanan.penugasan.ajukan_sukarela(
                                t.id, hasil.pegawai_id, oleh_id=oleh, catatan_lisan=catatan
                            ),
                            selesai,
                        )

                self.app.push_screen(
                    DialogAlasan(f"Pengajuan sukarela {hasil.nama} (lisan)", "Catatan pengajuan lisan"), lisan
                )
                return
            self.app.push_screen(
                FormPermohonan(
                    f"Pengajuan sukarela {hasil.nama} (tertulis)",
                    f"{hasil.jabatan} · {hasil.unit}",
                    lambda uraian, isi: self.layanan.penugasan.ajukan_sukarela(
                        t.id, hasil.pegawai_id, uraian, oleh_id=oleh, isi=isi
                    ),
                ),
                lambda hasil_form: hasil_form and selesai(None),
            )

        self.app.push_screen(LayarCari(self.layanan.struktur), dipilih)

    def action_usulkan(self) -> None:
        t = self._tim_terpilih()
        if t is None or not self._perlu_pengguna():
            return

        def usulkan(ids) -> None:
            if ids is not None:
                kerjakan(
                    self,
                    lambda: self.layanan.tim.usulkan_calon_ketua(t.id, ids, oleh_id=self._oleh_id()),
                    self._selesai(f"{len(ids)} calon ketua diusulkan kepada Sekretaris Daerah.", t.id),
                )

        def tampil(calon: list[Penilaian]) -> None:
            self.app.push_screen(
                PilihBanyak(
                    f"Usulkan calon ketua — {t.nama}",
                    "Spasi menandai (paling sedikit 2), Ctrl+S menyimpan.",
                    [(f"{n.kandidat.nama} · {n.kandidat.jabatan}", n.kandidat.pegawai_id) for n in calon],
                ),
                usulkan,
            )

        kerjakan(self, lambda: [n for n in self.layanan.tim.kandidat_pimpinan(t.id) if n.layak], tampil)

    def action_rekomendasi(self) -> None:
        t = self._tim_terpilih()
        if t is None or self.detail is None or not self._perlu_pengguna():
            return
        calon = [a for a in self.detail.anggota if a.peran == PeranTim.KETUA.label and a.status == "Usulan"]
        if not calon:
            self.notify("Belum ada calon ketua yang diusulkan; tekan U untuk mengusulkan.", severity="warning")
            return

        def pilih(pid) -> None:
            if pid is None:
                return

            def catat(catatan: str | None) -> None:
                if catatan is not None:
                    kerjakan(
                        self,
                        lambda: self.layanan.tim.catat_rekomendasi_sekda(t.id, pid, catatan, oleh_id=self._oleh_id()),
                        self._selesai("Rekomendasi Sekretaris Daerah dicatat; tekan c untuk menetapkan ketua.", t.id),
                    )

            self.app.push_screen(
                DialogAlasan("Rekomendasi Sekretaris Daerah", "Catatan rekomendasi", wajib=False), catat
            )

        self.app.push_screen(
            PilihSatu("Calon yang direkomendasikan Sekretaris Daerah", [(a.nama, a.pegawai_id) for a in calon]), pilih
        )

    def action_surat(self) -> None:
        t = self._tim_terpilih()
        if t is None or not self._perlu_pengguna():
            return
        from sistemkerja_tui.layanan.surat import JenisSurat

        self.app.buat_surat(
            self,
            [
                (j.label, j)
                for j in (JenisSurat.KEPUTUSAN_TIM, JenisSurat.SURAT_TUGAS, JenisSurat.REKOMENDASI_PENILAIAN)
            ],
            tim_id=t.id,
        )

    def action_nilai(self) -> None:
        tabel = self.query_one("#tabel-anggota", DataTable)
        if self.detail is None or tabel.row_count == 0 or not self._perlu_pengguna():
            self.notify("Pilih anggota di tabel anggota terlebih dahulu.", severity="warning")
            return
        from sistemkerja_tui.layanan.tim import PredikatPenilaian

        kunci = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value
        anggota = next(a for a in self.detail.anggota if str(a.keanggotaan_id) == kunci)
        tim_id = self.detail.ringkas.id

        def predikat(nilai) -> None:
            if nilai is None:
                return

            def catat(catatan: str | None) -> None:
                if catatan is not None:
                    kerjakan(
                        self,
                        lambda: self.layanan.tim.nilai_anggota(
                            anggota.keanggotaan_id,
                            nilai,
                            catatan,
                            oleh_id=self._oleh_id(),
                            hari_ini=self.app.hari_ini(),
                        ),
                        self._selesai(f"Penilaian {anggota.nama}: {nilai.label.lower()}.", tim_id),
                    )

            self.app.push_screen(DialogAlasan(f"Catatan penilaian {anggota.nama}", "Catatan", wajib=False), catat)

        self.app.push_screen(
            PilihSatu(f"Rekomendasi penilaian — {anggota.nama}", [(p.label, p) for p in PredikatPenilaian]), predikat
        )

    def action_keluarkan(self) -> None:
        tabel = self.query_one("#tabel-anggota", DataTable)
        if self.detail is None or tabel.row_count == 0 or not self._perlu_pengguna():
            self.notify("Pilih anggota di tabel anggota terlebih dahulu.", severity="warning")
            return
        kunci = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value
        anggota = next(a for a in self.detail.anggota if str(a.keanggotaan_id) == kunci)
        tim_id = self.detail.ringkas.id

        def alasan(teks: str | None) -> None:
            if teks:
                kerjakan(
                    self,
                    lambda: self.layanan.tim.keluarkan_anggota(anggota.keanggotaan_id, teks, oleh_id=self._oleh_id()),
                    self._selesai(f"{anggota.nama} dikeluarkan dari tim.", tim_id),
                )

        self.app.push_screen(DialogAlasan(f"Keluarkan {anggota.nama} ({anggota.peran.lower()})?", "Alasan"), alasan)

    def perintah(self):
        return [
            ("Bentuk tim kerja", "Bentuk tim baru di unit pengguna", self.action_bentuk),
            ("Pilih ketua tim", "Calon yang memenuhi kriteria lebih dulu", self.action_ketua),
            ("Tambah anggota tim", "Dari unit sendiri atau lewat permohonan", self.action_anggota),
            ("Keluarkan anggota tim", "Anggota yang dipilih di tabel anggota", self.action_keluarkan),
            ("Tetapkan peran lain", "Koordinator, penanggung jawab, pengarah", self.action_peran),
            ("Catat pengajuan sukarela", "Lisan dalam unit, tertulis lintas unit", self.action_sukarela),
            ("Usulkan calon ketua", "Klaten: paling sedikit 2 calon kepada Sekda", self.action_usulkan),
            ("Catat rekomendasi Sekda", "Klaten: rekomendasi atas calon ketua", self.action_rekomendasi),
            ("Nilai anggota tim", "Di bawah / sesuai / di atas ekspektasi, akhir periode", self.action_nilai),
            ("Ubah tim", "Ubah nama, periode, atau tujuan tim", self.action_ubah),
            ("Bubarkan tim", "Bubarkan tim dengan alasan", self.action_bubarkan),
            ("Cari tim", "Saring daftar tim menurut namanya (tombol /)", self.action_cari),
        ]
