"""The Tim screen: teams of the user's unit (or all), a team's members, and the keys that change them.

The screen shows; the widgets (`tui/widgets/tim.py`) render; the flows (`tui/alur/tim.py`) ask and act.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label

from sistemkerja_tui.layanan.indeks_cari import cocok
from sistemkerja_tui.layanan.tim import DetailTim, JenisPembentukan, RingkasTim, StatusTim
from sistemkerja_tui.tui.alur import GRUP, Gagal
from sistemkerja_tui.tui.alur import tim as alur
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.widgets.tabel import TabelVim
from sistemkerja_tui.tui.widgets.tim import DaftarTim, InfoTim, TabelAnggota

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.layanan.galat import Temuan
    from sistemkerja_tui.layanan.mulai import Layanan
    from sistemkerja_tui.layanan.pengguna import Pengguna
    from sistemkerja_tui.tui.app import SistemKerjaApp


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
            tooltip="Usulkan paling sedikit 2 calon ketua/penanggungjawab kepada Sekda (Klaten Pasal 13-14)",
        ),
        Binding(
            "R",
            "rekomendasi",
            "Rekomendasi",
            show=False,
            id="tim.rekomendasi",
            tooltip="Catat rekomendasi Sekretaris Daerah atas calon ketua/penanggungjawab (Klaten Pasal 13-14)",
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
    def layanan(self) -> Layanan:
        assert self.app.layanan is not None  # the screen keys answer only once the database is open
        return self.app.layanan

    def pengguna(self) -> Pengguna:
        """The acting user; every flow is started after `_perlu_pengguna`."""
        assert self.app.pengguna is not None
        return self.app.pengguna

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="saringan-tim")
        with Horizontal(id="utama-tim"):
            yield DaftarTim(id="tabel-tim")
            with Vertical(id="kanan-tim"):
                yield InfoTim("Pilih tim untuk melihat anggotanya.", id="info-tim")
                yield TabelAnggota(id="tabel-anggota")
        yield Footer(show_command_palette=False, compact=True)

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
        pilih, self._pilih = self._pilih, None  # None: a plain reload keeps the row the user was on
        self.tim = tim = [t for t in tim if cocok(self.kata, t.nama)]
        self.query_one(DaftarTim).tampilkan(tim, pilih)
        if not tim:
            self.query_one(InfoTim).update(
                f"Tidak ada tim yang namanya cocok dengan '{self.kata}'. Tekan / untuk mengubah pencarian."
                if self.kata
                else "Belum ada tim. Tekan n untuk membentuk tim kerja."
            )
            self.query_one(TabelAnggota).tampilkan(())

    @on(TabelVim.Disorot, "#tabel-tim")
    def _tim_disorot(self, event: TabelVim.Disorot) -> None:
        tim_id = event.kunci
        kerjakan(
            self,
            lambda: self.layanan.tim.detail_tim(tim_id),
            self._tampilkan_detail,
            grup="detail-tim",
            eksklusif=True,
        )

    def _tampilkan_detail(self, d: DetailTim) -> None:
        self.detail = d
        self.query_one(InfoTim).tampilkan(d)
        self.query_one(TabelAnggota).tampilkan(d.anggota)

    def selesai(self, pesan: str, tim_id: int, peringatan: list[Temuan] | None = None) -> None:
        """A flow's last step: its warnings and `pesan` as notices, then the list again on team `tim_id`."""
        for t in peringatan or ():
            self.notify(f"{t.pesan} ({t.rujukan})", title="Peringatan dicatat", severity="warning", timeout=10)
        self.notify(pesan, timeout=4)
        self.muat(pilih=tim_id)

    # --- starting the flows --------------------------------------------------

    def _alur(self, langkah: Callable[..., Awaitable[None]], *arg: Any) -> None:
        """Start the flow `langkah(self, *arg)`, unless one is under way (a key typed twice opens one dialog)."""
        if not any(w.node is self and w.group == GRUP and not w.is_finished for w in self.workers):
            self._jalankan(langkah, *arg)

    @work(group=GRUP)
    async def _jalankan(self, langkah: Callable[..., Awaitable[None]], *arg: Any) -> None:
        """Run the flow as an async worker: it may await `push_screen_wait`."""
        with contextlib.suppress(Gagal):  # a failed use case has been told to the user; the flow just stops
            await langkah(self, *arg)

    def _perlu_pengguna(self) -> bool:
        if self.app.pengguna_wajib() is None:
            self.app.action_pengguna()
            return False
        return True

    def _untuk_tim(self, langkah: Callable[..., Awaitable[None]]) -> None:
        """Start `langkah` on the highlighted team, once there is one and a user."""
        t = self.query_one(DaftarTim).terpilih() if self.tim else None
        if t is None:
            self.notify("Pilih tim terlebih dahulu.", severity="warning")
        elif self._perlu_pengguna():
            self._alur(langkah, t)

    def _untuk_anggota(self, langkah: Callable[..., Awaitable[None]]) -> None:
        """Start `langkah` on the member highlighted in the member table."""
        a = self.query_one(TabelAnggota).terpilih()
        if self.detail is None or a is None:
            self.notify("Pilih anggota di tabel anggota terlebih dahulu.", severity="warning")
        elif self._perlu_pengguna():
            self._alur(langkah, self.detail.ringkas.id, a)

    # --- actions --------------------------------------------------------------

    def action_lingkup(self) -> None:
        self.semua_unit = not self.semua_unit
        self.muat()

    def action_saring(self) -> None:
        self._alur(alur.saring)

    def action_cari(self) -> None:
        self._alur(alur.cari)

    def action_bentuk(self) -> None:
        if self._perlu_pengguna():
            self._alur(alur.bentuk)

    def action_ubah(self) -> None:
        if self.detail is not None:
            self._untuk_tim(alur.ubah)

    def action_bubarkan(self) -> None:
        self._untuk_tim(alur.bubarkan)

    def action_ketua(self) -> None:
        self._untuk_tim(alur.ketua)

    def action_anggota(self) -> None:
        self._untuk_tim(alur.anggota)

    def action_peran(self) -> None:
        self._untuk_tim(alur.peran)

    def action_sukarela(self) -> None:
        self._untuk_tim(alur.sukarela)

    def action_usulkan(self) -> None:
        self._untuk_tim(alur.usulkan)

    def action_rekomendasi(self) -> None:
        if self.detail is not None:
            self._untuk_tim(alur.rekomendasi)

    def action_nilai(self) -> None:
        self._untuk_anggota(alur.nilai)

    def action_keluarkan(self) -> None:
        self._untuk_anggota(alur.keluarkan)

    def action_surat(self) -> None:
        t = self.query_one(DaftarTim).terpilih() if self.tim else None
        if t is None:
            self.notify("Pilih tim terlebih dahulu.", severity="warning")
            return
        if not self._perlu_pengguna():
            return
        from sistemkerja_tui.layanan.surat import JenisSurat

        jenis = (JenisSurat.KEPUTUSAN_TIM, JenisSurat.SURAT_TUGAS, JenisSurat.REKOMENDASI_PENILAIAN)
        self.app.buat_surat(self, [(j.label, j) for j in jenis], tim_id=t.id)
