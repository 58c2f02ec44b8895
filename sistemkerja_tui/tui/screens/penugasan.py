"""The Penugasan screen: requests waiting for the user, requests the user's units sent, all requests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from sistemkerja_tui.layanan.pengguna import Pengguna
from sistemkerja_tui.layanan.penugasan import DetailPermohonan, LingkupPenugasan, RingkasPermohonan
from sistemkerja_tui.layanan.sebutan import waktu_singkat
from sistemkerja_tui.tui.fokus import fokus_utama
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.screens.cari import LayarCari
from sistemkerja_tui.tui.screens.dialog import DialogAlasan, DialogKonfirmasi
from sistemkerja_tui.tui.screens.form_individu import FormIndividu
from sistemkerja_tui.tui.widgets.tabel import TabelVim, ukur_kolom

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp

ARAH = (("masuk", "Masuk (ditujukan kepada saya)"), ("keluar", "Keluar (dari unit saya)"), ("semua", "Semua"))


class LayarPenugasan(Screen):
    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    BINDINGS = [
        Binding(
            "n",
            "individu",
            "Individu",
            id="penugasan.individu",
            tooltip="Tugaskan seorang JF/pelaksana secara individu pada target kinerja",
        ),
        Binding("l", "surat", "Surat", id="penugasan.surat", tooltip="Buat surat untuk permohonan yang dipilih"),
        Binding("m", "arah", "Daftar", id="penugasan.arah", tooltip="Ganti daftar: masuk, keluar, semua"),
        Binding("y", "setujui", "Setujui", id="penugasan.setujui", tooltip="Setujui permohonan yang dipilih"),
        Binding("r", "tolak", "Tolak", id="penugasan.tolak", tooltip="Tolak dengan alasan (wajib)"),
        Binding(
            "c",
            "catat_jawaban",
            "Jawaban",
            show=False,  # the footer keeps ? and q at 80 columns; help and palette list it
            id="penugasan.catat_jawaban",
            tooltip="Catat jawaban pihak lain dari suratnya (disetujui/ditolak, nomor dan tanggal surat)",
        ),
        Binding("b", "batalkan", "Batal", id="penugasan.batalkan", tooltip="Batalkan permohonan (menarik anggota)"),
        Binding(
            "i",
            "surat_tugas",
            "Surat Tugas",
            show=False,
            id="penugasan.surat_tugas",
            tooltip="Catat bahwa Surat Tugas telah terbit",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.arah = 0
        self.daftar: list[RingkasPermohonan] = []
        self.detail: DetailPermohonan | None = None
        self._pilih: int | None = None

    @property
    def layanan(self):
        return self.app.layanan

    AUTO_FOCUS = "#tabel-permohonan"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="saringan-penugasan")
        with Horizontal(id="utama-penugasan"):
            yield TabelVim(id="tabel-permohonan")
            with VerticalScroll(id="detail-permohonan"):
                yield Static("Pilih permohonan untuk melihat isinya.", id="isi-permohonan")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("No", "Status", "Pegawai", "Tim", "Lingkup")

    def on_screen_resume(self) -> None:
        fokus_utama(self)
        if self.app.layanan is not None:
            self.muat()

    def muat(self, pilih: int | None = None) -> None:
        pengguna = self.app.pengguna
        arah, label = ARAH[self.arah]
        if pengguna is None and arah != "semua":
            arah, label = ARAH[2]
        self.query_one("#saringan-penugasan", Label).update(
            f"{label} · pengguna: {pengguna.nama if pengguna else '(belum dipilih — tekan p)'}"  # m: in the footer
        )
        pid = pengguna.pegawai_id if pengguna else None
        if pilih is not None:  # kept until shown: a later reload (screen resume) must not drop it
            self._pilih = pilih
        kerjakan(
            self,
            lambda: self.layanan.penugasan.daftar(pengguna_id=pid, arah=arah),
            self._tampilkan,
            grup="daftar-permohonan",
            eksklusif=True,
        )

    def _tampilkan(self, daftar: list[RingkasPermohonan]) -> None:
        pilih, self._pilih = self._pilih, None
        if pilih is None:  # a plain reload keeps the row the user was on
            pilih = self.query_one("#tabel-permohonan", TabelVim).kunci_terpilih()
        self.daftar = daftar
        tabel = self.query_one(DataTable)
        tabel.clear()
        for p in daftar:
            tabel.add_row(str(p.id), p.status.label, p.pegawai, p.tim, p.lingkup.label, key=str(p.id))
        ukur_kolom(tabel)
        if not daftar:
            self.detail = None
            self.query_one("#isi-permohonan", Static).update("Tidak ada permohonan di daftar ini.")
        elif pilih is not None and str(pilih) in tabel.rows:
            tabel.move_cursor(row=tabel.get_row_index(str(pilih)))

    @on(TabelVim.Disorot)
    def _disorot(self, event: TabelVim.Disorot) -> None:
        pid = event.kunci
        kerjakan(
            self,
            lambda: self.layanan.penugasan.detail(pid),
            self._tampilkan_detail,
            grup="detail-permohonan",
            eksklusif=True,
        )

    def _tampilkan_detail(self, d: DetailPermohonan) -> None:
        self.detail = d
        r = d.ringkas
        t = Table.grid(padding=(0, 1))
        t.add_column(style="bold", no_wrap=True)
        t.add_column()
        t.add_row("Permohonan", Text(f"No. {r.id} · {r.jenis.label} {r.lingkup.label.lower()}", style="bold"))
        t.add_row("Status", r.status.label + (f" — menunggu {r.langkah_berikut}" if r.langkah_berikut else ""))
        t.add_row("Pegawai", r.pegawai)
        t.add_row("Tim", r.tim)
        t.add_row("Dari", r.dari_unit)
        t.add_row("Ke", r.ke_unit)
        for label, nilai in (
            ("Maksud/tujuan", d.maksud_tujuan),
            ("Kompetensi", d.kompetensi),
            ("Ekspektasi", d.ekspektasi),
            ("Durasi", d.durasi),
            ("Catatan lisan", d.catatan_lisan),
            ("Ketersediaan", d.jawaban_ketersediaan),
            ("Tembusan", d.tembusan),
        ):
            if nilai:
                t.add_row(label, nilai)
        if d.alasan_penolakan:
            t.add_row("Alasan tolak", Text(d.alasan_penolakan, style="red"))
        t.add_row("Dasar", Text(d.rujukan, style="italic"))
        for h in d.riwayat:
            oleh = f"{h.sebagai}, dicatat oleh {h.oleh} {h.dari_surat}" if h.dari_surat else h.oleh
            t.add_row(
                waktu_singkat(h.waktu),
                f"{h.aksi}: {h.dari} → {h.ke} oleh {oleh}"
                + (f" ({h.sebagai})" if h.sebagai and not h.dari_surat else "")
                + (f" — {h.alasan}" if h.alasan else ""),
            )
        self.query_one("#isi-permohonan", Static).update(t)

    def _terpilih(self) -> RingkasPermohonan | None:
        tabel = self.query_one(DataTable)
        if not self.daftar or tabel.row_count == 0:
            self.notify("Tidak ada permohonan yang dipilih.", severity="warning")
            return None
        kunci = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value
        return next(p for p in self.daftar if str(p.id) == kunci)

    def _pengguna(self):
        return self.app.pengguna_wajib()

    def _selesai(self, pesan: str, pid: int):
        def tampil(_status) -> None:
            self.notify(pesan, timeout=4)
            self.muat(pilih=pid)

        return tampil

    def action_individu(self) -> None:
        pengguna = self._pengguna()
        if pengguna is None:
            return

        def dipilih(hasil) -> None:
            if hasil is None:
                return
            lintas = not self.layanan.struktur.di_bawah(hasil.unit_id, pengguna.unit_id)

            def selesai(status) -> None:
                if status is not None:
                    self.notify(f"{hasil.nama} ditugaskan secara individu ({status[0].label.lower()}).", timeout=4)
                    self.muat()

            self.app.push_screen(
                FormIndividu(
                    f"Penugasan individu: {hasil.nama}",
                    pengguna.unit_id,
                    hasil.pegawai_id,
                    lintas,
                    lambda data, isi: self.layanan.penugasan.tugaskan_individu(
                        data, oleh_id=pengguna.pegawai_id, isi=isi
                    ),
                ),
                selesai,
            )

        self.app.push_screen(LayarCari(self.layanan.struktur), dipilih)

    def action_surat(self) -> None:
        p, pengguna = self._terpilih(), self._pengguna()
        if p is None or pengguna is None:
            return
        from sistemkerja_tui.layanan.surat import JenisSurat

        jenis = (
            JenisSurat.PERMOHONAN_PELIBATAN,
            JenisSurat.NOTA_DINAS,
            JenisSurat.PERMOHONAN_LINTAS_INSTANSI,
            JenisSurat.PERSETUJUAN_ANGGOTA,
            JenisSurat.PENOLAKAN,
            JenisSurat.SURAT_TUGAS,
            JenisSurat.SUKARELA_LINTAS_UNIT,
        )
        self.app.buat_surat(self, [(j.label, j) for j in jenis], permohonan_id=p.id)

    def action_arah(self) -> None:
        self.arah = (self.arah + 1) % len(ARAH)
        self.muat()

    def action_setujui(self) -> None:
        p, pengguna = self._terpilih(), self._pengguna()
        if p is None or pengguna is None:
            return

        def ya(jawab: bool | None) -> None:
            if jawab:
                self._setujui(p, pengguna)

        self.app.push_screen(DialogKonfirmasi(f"Setujui permohonan No. {p.id} untuk {p.pegawai}?"), ya)

    def _setujui(self, p: RingkasPermohonan, pengguna: Pengguna) -> None:
        if p.lingkup is LingkupPenugasan.LINTAS_INSTANSI:

            def setujui(jawaban: str | None) -> None:
                if jawaban:
                    kerjakan(
                        self,
                        lambda: self.layanan.penugasan.setujui(
                            p.id, oleh_id=pengguna.pegawai_id, jawaban_ketersediaan=jawaban, daftar_pegawai=p.pegawai
                        ),
                        self._selesai(f"Permohonan No. {p.id} disetujui.", p.id),
                    )

            self.app.push_screen(
                DialogAlasan(f"Setujui permohonan No. {p.id}", "Jawaban ketersediaan (pegawai yang ditugaskan)"),
                setujui,
            )
            return
        kerjakan(
            self,
            lambda: self.layanan.penugasan.setujui(p.id, oleh_id=pengguna.pegawai_id),
            self._selesai(f"Permohonan No. {p.id} disetujui.", p.id),
        )

    def action_tolak(self) -> None:
        p, pengguna = self._terpilih(), self._pengguna()
        if p is None or pengguna is None:
            return

        def alasan(teks: str | None) -> None:
            if teks:
                kerjakan(
                    self,
                    lambda: self.layanan.penugasan.tolak(p.id, teks, oleh_id=pengguna.pegawai_id),
                    self._selesai(f"Permohonan No. {p.id} ditolak.", p.id),
                )

        self.app.push_screen(DialogAlasan(f"Tolak permohonan No. {p.id} ({p.pegawai})", "Alasan penolakan"), alasan)

    def action_catat_jawaban(self) -> None:
        p, pengguna = self._terpilih(), self._pengguna()
        if p is None or pengguna is None:
            return
        from sistemkerja_tui.tui.screens.form_jawaban import FormJawaban

        def selesai(hasil) -> None:
            if hasil is not None:
                self.notify(f"Jawaban untuk permohonan No. {p.id} dicatat ({hasil[0].label.lower()}).", timeout=4)
                self.muat(pilih=p.id)

        def catat(jawaban):
            return self.layanan.penugasan.catat_jawaban(
                p.id, jawaban, oleh_id=pengguna.pegawai_id, hari_ini=self.app.hari_ini()
            )

        self.app.push_screen(
            FormJawaban(f"Catat jawaban: permohonan No. {p.id} ({p.pegawai})", p.ke_unit, catat), selesai
        )

    def action_batalkan(self) -> None:
        p, pengguna = self._terpilih(), self._pengguna()
        if p is None or pengguna is None:
            return

        def ya(jawab: bool | None) -> None:
            if jawab:
                kerjakan(
                    self,
                    lambda: self.layanan.penugasan.batalkan(p.id, oleh_id=pengguna.pegawai_id),
                    self._selesai(f"Permohonan No. {p.id} dibatalkan; anggota ditarik.", p.id),
                )

        self.app.push_screen(DialogKonfirmasi(f"Batalkan permohonan No. {p.id} untuk {p.pegawai}?"), ya)

    def action_surat_tugas(self) -> None:
        p, pengguna = self._terpilih(), self._pengguna()
        if p is None or pengguna is None:
            return
        kerjakan(
            self,
            lambda: self.layanan.penugasan.terbitkan_surat_tugas(p.id, oleh_id=pengguna.pegawai_id),
            self._selesai(f"Surat Tugas permohonan No. {p.id} dicatat terbit.", p.id),
        )
