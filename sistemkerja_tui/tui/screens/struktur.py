"""The home screen: unit tree, pegawai of the unit, detail of the pegawai."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Header, Label, Tree
from textual.widgets.tree import TreeNode
from textual.worker import get_current_worker

from sistemkerja_tui.tui.fokus import fokus_utama
from sistemkerja_tui.tui.widgets.detail import PanelDetail
from sistemkerja_tui.tui.widgets.kaki import KakiLayar
from sistemkerja_tui.tui.widgets.pohon import DataSimpul, PohonUnit
from sistemkerja_tui.tui.widgets.tabel import TabelPegawai

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.layanan.struktur import HalamanPegawai, HasilCari, LayananStruktur, Unit
    from sistemkerja_tui.tui.app import SistemKerjaApp
    from sistemkerja_tui.tui.awal import AwalStruktur
    from sistemkerja_tui.tui.screens.ubah_struktur import PenyuntingStruktur


PETUNJUK_TANPA_UNIT = (
    "Pemda ini belum mempunyai unit organisasi.\nImpor: sistemkerja impor pegawai BERKAS\n"
    "(ekspor SIASN, e-Kinerja, atau DUK), atau tombol I di sini. Isi sendiri: tombol e.\n"
    "Pengaturan instansi: tombol i."
)


class LayarStruktur(Screen):
    """Browse units, their leaders, pegawai and PPK."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    BINDINGS = [
        Binding("slash", "cari", "Cari", id="struktur.cari", tooltip="Cari pegawai di seluruh Pemda"),
        Binding("s", "sub_unit", "Sub-unit", id="struktur.sub_unit", tooltip="Tampilkan juga pegawai di sub-unit"),
        Binding(
            "e",
            "ubah",
            "Ubah…",
            id="struktur.ubah",
            tooltip="Ubah struktur: tambah/ubah/pindah/tutup unit, pimpinan, Plt./Plh., pegawai, mutasi, PPK",
        ),
        Binding(
            "right_square_bracket",
            "halaman(1)",
            "Halaman",
            key_display="] [",
            id="struktur.halaman_berikut",
            tooltip="Halaman pegawai berikutnya ( [ : sebelumnya)",
        ),
        Binding(
            "left_square_bracket",
            "halaman(-1)",
            "Hal. sebelum",
            show=False,
            id="struktur.halaman_sebelum",
            tooltip="Halaman pegawai sebelumnya",
        ),
        Binding("i", "instansi", "Instansi", id="struktur.instansi", tooltip="Pengaturan instansi dan kode unit"),
        Binding(
            "I",
            "impor",
            "Impor",
            show=False,
            id="struktur.impor",
            tooltip="Impor pegawai atau unit dari berkas SIASN, e-Kinerja, atau DUK",
        ),
        Binding(
            "d",
            "detail",
            "Detail",
            show=False,
            id="struktur.detail",
            tooltip="Perbesar/kembalikan panel detail pegawai",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.layanan: LayananStruktur | None = None
        self.unit_id: int | None = None
        self.halaman = 0
        self.termasuk_sub = False
        self.halaman_terakhir: HalamanPegawai | None = None
        self._lompat: tuple[int, int] | None = None
        self._halaman_awal: HalamanPegawai | None = None  # the first unit's page, read with the tree
        self._detail_awal: int | None = None  # the pegawai whose detail was read with it
        self._fokus_sebelum_detail: Widget | None = None
        self._terpasang = False  # set by on_mount: the widgets are there
        self._tertunda: Callable[[], None] | None = None  # what `mulai` or `gagal` shows once they are

    AUTO_FOCUS = "#pohon"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="utama"):
            yield PohonUnit(id="pohon")
            with Vertical(id="kanan"):
                yield Label("Memuat struktur…", id="info-unit")
                yield TabelPegawai(id="tabel")
                yield PanelDetail(id="detail")
        yield KakiLayar()

    def on_mount(self) -> None:
        self._terpasang = True
        if self._tertunda is not None:  # the database answered first: shown before the first paint
            self._tertunda()
            self._tertunda = None

    def on_screen_resume(self) -> None:
        fokus_utama(self)

    # --- start ------------------------------------------------------------

    def _setelah_terpasang(self, tampil: Callable[[], None]) -> None:
        if self._terpasang:
            tampil()
        else:
            self._tertunda = tampil

    def mulai(self, layanan: LayananStruktur, awal: AwalStruktur) -> None:
        """Show `layanan`'s structure, `awal` read (`tui.awal.baca_awal`) with the database's opening."""
        self.layanan = layanan
        self._setelah_terpasang(partial(self._pohon_siap, awal))

    def gagal(self, pesan: str) -> None:
        self._setelah_terpasang(partial(self._tampilkan_gagal, pesan))

    def _tampilkan_gagal(self, pesan: str) -> None:
        self.query_one("#info-unit", Label).update(pesan)
        self.query_one(PanelDetail).kosongkan(pesan)

    def _siap(self) -> LayananStruktur:
        """The services; the tree, the table and their workers exist only after `mulai`."""
        assert self.layanan is not None
        return self.layanan

    def _pohon_siap(self, mula: AwalStruktur) -> None:
        daftar, awal = mula.pohon, mula.halaman
        pohon = self.query_one(PohonUnit)
        pohon.isi_instansi(daftar)
        if not daftar or not daftar[0][1]:
            kosong = "Database masih kosong: siapkan Pemda Anda di layar awal."
            self._tampilkan_gagal(PETUNJUK_TANPA_UNIT if daftar else kosong)
            self.app.halaman_tampil()
            return
        pohon.focus()
        pertama = pohon.root.children[0].children[0]
        if awal is not None:  # shown now, in the frame that shows the tree
            self.unit_id, self.halaman = awal.unit_id, 0
            if mula.detail is not None:  # and the detail of its first row: no second frame for it
                self._detail_awal = mula.detail.id
                self.query_one(PanelDetail).tampilkan(mula.detail)
            self._halaman_siap(awal, None)
        self._halaman_awal = awal
        pohon.get_node_at_line(0)  # lays out the node lines: the cursor moves before the first paint, no scroll
        pohon.cursor_line = pertama.line

    # --- tree -------------------------------------------------------------

    @on(Tree.NodeExpanded, "#pohon")
    def _cabang_dibuka(self, event: Tree.NodeExpanded) -> None:
        data = event.node.data
        if data is not None and data.unit_id is not None and not data.dimuat:
            self._muat_anak(event.node, data.unit_id)

    @work(group="anak", thread=True, exit_on_error=False)
    def _muat_anak(self, simpul: TreeNode[DataSimpul], unit_id: int) -> None:
        anak = self._siap().anak_unit(unit_id)
        self.app.call_from_thread(self._anak_siap, simpul, anak)

    def _anak_siap(self, simpul: TreeNode[DataSimpul], anak: list[Unit]) -> None:
        if simpul.data is not None and not simpul.data.dimuat:
            self.query_one(PohonUnit).isi_anak(simpul, anak)

    @on(Tree.NodeHighlighted, "#pohon")
    def _unit_disorot(self, event: Tree.NodeHighlighted) -> None:
        data = event.node.data
        if data is not None and data.unit_id is not None:
            self._tampilkan_unit(data.unit_id)

    def _tampilkan_unit(self, unit_id: int) -> None:
        """Load the first page of `unit_id`, or the page of a pending search jump."""
        awal, self._halaman_awal = self._halaman_awal, None
        if awal is not None and awal.unit_id == unit_id and self._lompat is None:
            return  # the cursor's first unit: its page, read with the tree, is shown already
        self.unit_id = unit_id
        pilih = None
        if self._lompat is not None:
            pilih, self.halaman = self._lompat
            self._lompat = None
        else:
            self.halaman = 0
        self._muat_halaman(pilih)

    # --- table ------------------------------------------------------------

    @work(group="halaman", exclusive=True, thread=True, exit_on_error=False)
    def _muat_halaman(self, pilih: int | None = None) -> None:
        assert self.unit_id is not None  # a page is asked for only once a unit is shown
        hasil = self._siap().halaman_pegawai(self.unit_id, termasuk_sub=self.termasuk_sub, halaman=self.halaman)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._halaman_siap, hasil, pilih)

    def _halaman_siap(self, hasil: HalamanPegawai, pilih: int | None) -> None:
        self.halaman_terakhir = hasil
        self.halaman = hasil.halaman
        tabel = self.query_one(TabelPegawai)
        tabel.tampilkan(hasil)
        unit = hasil.unit
        sub = " termasuk sub-unit" if hasil.termasuk_sub else ""
        self.query_one("#info-unit", Label).update(
            f"{unit.nama}\n{hasil.total} pegawai{sub} · hal. {hasil.halaman + 1}/{hasil.jumlah_halaman}"
            f" · Pimpinan: {unit.label_pimpinan}"
        )
        if pilih is not None:
            tabel.pilih_pegawai(pilih)
            tabel.focus()
        if not hasil.baris:
            self.query_one(PanelDetail).kosongkan("Unit ini belum mempunyai pegawai.")
        self.app.halaman_tampil()

    @on(DataTable.RowHighlighted, "#tabel")
    def _baris_disorot(self, event: DataTable.RowHighlighted) -> None:
        awal, self._detail_awal = self._detail_awal, None
        if event.row_key.value is not None and int(event.row_key.value) != awal:
            self._muat_detail(int(event.row_key.value))

    @work(group="detail", exclusive=True, thread=True, exit_on_error=False)
    def _muat_detail(self, pegawai_id: int) -> None:
        detail = self._siap().detail_pegawai(pegawai_id)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.query_one(PanelDetail).tampilkan, detail)

    # --- actions ----------------------------------------------------------

    def action_sub_unit(self) -> None:
        if self.unit_id is None:
            return
        self.termasuk_sub = not self.termasuk_sub
        self.halaman = 0
        self._muat_halaman()
        self.notify("Pegawai sub-unit ditampilkan." if self.termasuk_sub else "Hanya pegawai unit ini.", timeout=2)

    def action_halaman(self, langkah: int) -> None:
        h = self.halaman_terakhir
        if h is None:
            return
        tujuan = h.halaman + langkah
        if not 0 <= tujuan < h.jumlah_halaman:
            self.notify("Tidak ada halaman lain.", timeout=2)
            return
        self.halaman = tujuan
        self._muat_halaman()

    def action_detail(self) -> None:
        """Enlarge the detail panel and move the focus into it (↓ scrolls it, never the hidden tree); `d` again
        restores the panels and the focus."""
        panel = self.query_one(PanelDetail)
        if self.maximized is panel:
            self.minimize()
            if self._fokus_sebelum_detail is not None:
                self._fokus_sebelum_detail.focus()
        else:
            self._fokus_sebelum_detail = self.focused
            self.maximize(panel, container=False)
            panel.focus()

    def action_instansi(self) -> None:
        from sistemkerja_tui.tui.screens.instansi import buka_layar_instansi

        buka_layar_instansi(self.app)

    def action_impor(self) -> None:
        from sistemkerja_tui.tui.screens.impor import LayarImpor

        if self.layanan is None or not self.layanan.instansi:
            self.notify("Siapkan dahulu Pemda Anda di layar awal.", severity="warning")
            return
        self.app.push_screen(LayarImpor())

    def action_cari(self) -> None:
        if self.layanan is None:
            self.notify("Database belum siap.", severity="warning")
            return
        from sistemkerja_tui.tui.screens.cari import LayarCari

        self.app.push_screen(LayarCari(self.layanan, unit=True), self._ke_hasil)

    def _ke_hasil(self, hasil: HasilCari | None) -> None:
        if hasil is not None:
            self._siapkan_lompat(hasil)

    @work(group="lompat", exclusive=True, thread=True, exit_on_error=False)
    def _siapkan_lompat(self, hasil: HasilCari) -> None:
        layanan = self._siap()
        jalur = layanan.jalur_unit(hasil.unit_id)
        anak = [layanan.anak_unit(u.id) for u in jalur[:-1]]
        posisi = 0 if hasil.adalah_unit else layanan.posisi_pegawai(hasil.pegawai_id, hasil.unit_id)
        self.app.call_from_thread(self._lompat_ke, hasil, jalur, anak, posisi)

    def _lompat_ke(self, hasil: HasilCari, jalur: list[Unit], anak: list[list[Unit]], posisi: int) -> None:
        pohon = self.query_one(PohonUnit)
        instansi = next(n for n in pohon.root.children if n.data and n.data.instansi_id == jalur[0].instansi_id)
        instansi.expand()
        simpul = pohon.simpul_unit(jalur[0].id, instansi)
        for unit, anak_unit in zip(jalur[1:], anak, strict=True):  # anak holds the children of jalur[:-1]
            assert simpul is not None and simpul.data is not None  # each unit of the path is filled in just before
            if not simpul.data.dimuat:
                pohon.isi_anak(simpul, anak_unit)
            simpul.expand()
            simpul = pohon.simpul_unit(unit.id, simpul)
        assert simpul is not None and simpul.data is not None and simpul.data.unit_id is not None
        self.termasuk_sub = False
        per = self.halaman_terakhir.per_halaman if self.halaman_terakhir else 100
        self._lompat = None if hasil.adalah_unit else (hasil.pegawai_id, posisi // per)
        if pohon.cursor_node is simpul:
            self._tampilkan_unit(simpul.data.unit_id)
        else:
            self.call_after_refresh(pohon.move_cursor, simpul)

    # --- editing (tui.screens.ubah_struktur) ---------------------------------

    @cached_property
    def penyunting(self) -> PenyuntingStruktur:
        """The edit actions (imported on first use: start-up loads none of the forms)."""
        from sistemkerja_tui.tui.screens.ubah_struktur import PenyuntingStruktur

        return PenyuntingStruktur(self)

    def action_ubah(self) -> None:
        self.penyunting.menu()

    def pegawai_terpilih(self) -> tuple[int, str] | None:
        """(id, name) of the pegawai highlighted in the table, if any."""
        tabel, halaman = self.query_one(TabelPegawai), self.halaman_terakhir
        if halaman is None or not tabel.row_count:
            return None
        kunci = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value
        return next(((b.id, b.nama) for b in halaman.baris if str(b.id) == kunci), None)

    def tampilkan_ulang(self, hasil: HasilCari) -> None:
        """After a change: the tree read again, then the unit (and pegawai) of `hasil` shown; the search index is
        rebuilt in the background."""
        self._segarkan(hasil)

    @work(group="lompat", exclusive=True, thread=True, exit_on_error=False)
    def _segarkan(self, hasil: HasilCari) -> None:
        layanan = self._siap()
        daftar = [(i, layanan.unit_akar(i.id)) for i in layanan.instansi]
        jalur = layanan.jalur_unit(hasil.unit_id)
        anak = [layanan.anak_unit(u.id) for u in jalur[:-1]]
        posisi = 0 if hasil.adalah_unit else layanan.posisi_pegawai(hasil.pegawai_id, hasil.unit_id)

        def tampil() -> None:
            pohon = self.query_one(PohonUnit)
            pohon.move_cursor(None)  # the old line number must not survive the refill: the jump moves from nowhere
            pohon.isi_instansi(daftar)
            self._lompat_ke(hasil, jalur, anak, posisi)

        self.app.call_from_thread(tampil)
        layanan.siapkan_indeks()
