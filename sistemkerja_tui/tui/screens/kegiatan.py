"""The Kegiatan board: Perencanaan | Pelaksanaan | Evaluasi | Selesai, with keys to move a kegiatan along."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from sistemkerja_tui.layanan.kegiatan import RingkasKegiatan, Tahap
from sistemkerja_tui.tui.fokus import fokus_utama
from sistemkerja_tui.tui.kunci import kerjakan_lalu_layar
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.screens.dialog import DialogAlasan
from sistemkerja_tui.tui.screens.pilih import PilihSatu

if TYPE_CHECKING:
    from typing import Any

    from textual import getters

    from sistemkerja_tui.layanan.kegiatan import DetailKegiatan
    from sistemkerja_tui.layanan.struktur import HasilCari
    from sistemkerja_tui.tui.app import SistemKerjaApp

KOLOM = tuple(Tahap)  # one column per stage, its OptionList's id made from the stage's code


class LayarKegiatan(Screen):
    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    BINDINGS = [
        Binding(
            "m",
            "maju",
            "Maju",
            id="kegiatan.maju",
            tooltip="Centang langkah ini dan lanjut ke langkah berikutnya (langkah terakhir: hasil ke peninjau)",
        ),
        Binding("y", "setujui", "Setujui", id="kegiatan.setujui", tooltip="Setujui reviu (peninjau langkah ini)"),
        Binding(
            "r",
            "kembalikan",
            "Kembalikan",
            id="kegiatan.kembalikan",
            tooltip="Kembalikan ke pelaksanaan dengan alasan (peninjau langkah ini)",
        ),
        Binding(
            "c",
            "catatan",
            "Catatan",
            id="kegiatan.catatan",
            tooltip="Laporan berkala, umpan balik, kendala + rekomendasi, permintaan laporan",
        ),
        Binding("j", "kartu('down')", "Turun", show=False, id="kegiatan.turun", tooltip="Kartu berikutnya"),
        Binding("k", "kartu('up')", "Naik", show=False, id="kegiatan.naik", tooltip="Kartu sebelumnya"),
        Binding("u", "lingkup", "Lingkup", id="kegiatan.lingkup", tooltip="Kegiatan unit pengguna atau semua"),
        Binding("n", "baru", "Baru", id="kegiatan.baru", tooltip="Kegiatan baru untuk sebuah tim unit pengguna"),
        Binding(
            "f",
            "saring",
            "Saring",
            show=False,
            id="kegiatan.saring",
            tooltip="Saring papan menurut subunit, tim, atau orang",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.semua_unit = False
        self.saringan: tuple[str, dict] = ("", {})  # (label, daftar() filter)
        self.kegiatan: dict[Tahap, list[RingkasKegiatan]] = {}
        self._ikuti: int | None = None  # the kegiatan just acted on: its column takes the focus after reload

    @property
    def layanan(self):
        return self.app.layanan

    AUTO_FOCUS = "#kolom-perencanaan"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="judul-kegiatan")
        with Horizontal(id="papan"):
            for tahap in KOLOM:
                with Vertical(classes="kolom-papan"):
                    yield Label(tahap.label, classes="judul-kolom")
                    yield OptionList(id=f"kolom-{tahap.value}")
        yield Footer(show_command_palette=False, compact=True)

    def on_screen_resume(self) -> None:
        fokus_utama(self)
        if self.app.layanan is not None:
            self.muat()

    def muat(self) -> None:
        pengguna = self.app.pengguna
        saring = dict(self.saringan[1])
        unit_id = saring.pop("unit_id", None if self.semua_unit or pengguna is None else pengguna.unit_id)

        def ambil():
            daftar = self.layanan.kegiatan.daftar(unit_id=unit_id, **saring)
            menunggu = set(self.layanan.kegiatan.menunggu_reviu(pengguna.pegawai_id)) if pengguna else set()
            return daftar, menunggu

        kerjakan(self, ambil, self._tampilkan, grup="papan", eksklusif=True)

    def _tampilkan(self, hasil) -> None:
        daftar, menunggu = hasil
        pengguna = self.app.pengguna
        lingkup = "semua unit" if self.semua_unit or pengguna is None else pengguna.unit
        saring = f" · {self.saringan[0]}" if self.saringan[0] else ""
        self.query_one("#judul-kegiatan", Label).update(
            f"Kegiatan {lingkup}{saring} · {len(daftar)} kegiatan · {len(menunggu)} menunggu reviu saya (★)"
        )
        self.kegiatan = {tahap: [] for tahap in KOLOM}
        for k in daftar:
            self.kegiatan[k.tahap].append(k)
        for tahap in KOLOM:
            kolom = self.query_one(f"#kolom-{tahap.value}", OptionList)
            sorot = kolom.highlighted
            kartu = [Option(self._kartu(k, k.id in menunggu), id=str(k.id)) for k in self.kegiatan[tahap]]
            kolom.set_options(x for i, o in enumerate(kartu) for x in ((None, o) if i else (o,)))  # a rule between
            if kolom.option_count:
                kolom.highlighted = min(sorot or 0, kolom.option_count - 1)
        if self._ikuti is not None:
            for tahap in KOLOM:
                ids = [k.id for k in self.kegiatan[tahap]]
                if self._ikuti in ids:
                    kolom = self.query_one(f"#kolom-{tahap.value}", OptionList)
                    kolom.focus()
                    kolom.highlighted = ids.index(self._ikuti)
            self._ikuti = None

    @staticmethod
    def _kartu(k, milik_saya: bool) -> Text:
        teks = Text.assemble(("★ " if milik_saya else "", "bold yellow"), (k.judul, "bold"))
        teks.append(f"\n{k.keadaan}", style="dim")
        if k.tenggat:
            teks.append(f"\ntenggat {k.tenggat:%d-%m-%Y} · {k.progres}%", style="dim")
        return teks

    def _terpilih(self):
        fokus = self.app.focused
        if not isinstance(fokus, OptionList) or fokus.highlighted is None or not fokus.id.startswith("kolom-"):
            self.notify("Pilih kegiatan di salah satu kolom (Tab berpindah kolom).", severity="warning")
            return None
        return self.kegiatan[Tahap(fokus.id.removeprefix("kolom-"))][fokus.highlighted]

    def action_kartu(self, arah: str) -> None:
        kolom = self.focused
        if not isinstance(kolom, OptionList):
            return
        if arah == "down":
            kolom.action_cursor_down()
        else:
            kolom.action_cursor_up()

    def _pengguna(self):
        return self.app.pengguna_wajib()

    def _jalankan(self, fungsi, pesan: str, ikuti: int | None = None) -> None:
        """Run a use case; on success reload the board with the focus on kegiatan `ikuti` wherever it went."""

        def selesai(_) -> None:
            self.notify(pesan, timeout=4)
            self._ikuti = ikuti
            self.muat()

        kerjakan(self, fungsi, selesai)

    def action_maju(self) -> None:
        k, p = self._terpilih(), self._pengguna()
        if k and p:
            self._jalankan(lambda: self.layanan.kegiatan.maju(k.id, oleh_id=p.pegawai_id), f"{k.judul}: maju.", k.id)

    def action_setujui(self) -> None:
        k, p = self._terpilih(), self._pengguna()
        if k and p:
            self._jalankan(
                lambda: self.layanan.kegiatan.setujui(k.id, oleh_id=p.pegawai_id), f"{k.judul}: reviu disetujui.", k.id
            )

    def action_kembalikan(self) -> None:
        k, p = self._terpilih(), self._pengguna()
        if not (k and p):
            return

        def kembalikan(alasan: str | None) -> None:
            if alasan:
                self._jalankan(
                    lambda: self.layanan.kegiatan.kembalikan(k.id, alasan, oleh_id=p.pegawai_id),
                    f"{k.judul}: dikembalikan ke pelaksanaan.",
                    k.id,
                )

        self.app.push_screen(DialogAlasan(f"Kembalikan '{k.judul}' ke pelaksanaan", "Alasan pengembalian"), kembalikan)

    def action_catatan(self) -> None:
        k, p = self._terpilih(), self._pengguna()
        if not (k and p):
            return
        from sistemkerja_tui.layanan.kegiatan import JenisCatatan

        jenis = (
            JenisCatatan.LAPORAN_BERKALA,
            JenisCatatan.UMPAN_BALIK,
            JenisCatatan.KENDALA,
            JenisCatatan.PERMINTAAN_LAPORAN,
        )

        def isi(pilihan) -> None:
            if pilihan is None:
                return

            def tulis(teks: str | None) -> None:
                if teks:
                    self._rekomendasi(k, p, pilihan, teks)

            self.app.push_screen(DialogAlasan(f"{pilihan.label} — {k.judul}", "Isi catatan"), tulis)

        self.app.push_screen(PilihSatu("Jenis catatan", [(j.label, j) for j in jenis]), isi)

    def _rekomendasi(self, k, p, jenis, teks: str) -> None:
        from sistemkerja_tui.layanan.kegiatan import JenisCatatan

        def simpan(rekomendasi: str = "", progres: int | None = None) -> None:
            self._jalankan(
                lambda: self.layanan.kegiatan.catat(
                    k.id, jenis, teks, rekomendasi=rekomendasi, progres=progres, oleh_id=p.pegawai_id
                ),
                f"Catatan {jenis.label.lower()} disimpan.",
                k.id,
            )

        def dengan_progres(nilai: str | None) -> None:
            if nilai is None:
                return
            if nilai and not nilai.removesuffix("%").strip().isdigit():
                self.notify(
                    f"Progres harus bilangan bulat 0–100, bukan '{nilai}'; catatan belum disimpan.",
                    severity="error",
                    timeout=6,
                )
                return
            simpan(progres=int(nilai.removesuffix("%")) if nilai else None)

        def dengan_rekomendasi(rekomendasi: str | None) -> None:
            if rekomendasi:
                simpan(rekomendasi)

        if jenis is JenisCatatan.KENDALA:
            self.app.push_screen(
                DialogAlasan("Alternatif rekomendasi (Pasal 33 ayat (4))", "Rekomendasi"), dengan_rekomendasi
            )
        elif jenis is JenisCatatan.LAPORAN_BERKALA:  # Pasal 39: the report states how far the work is
            self.app.push_screen(
                DialogAlasan(
                    f"Progres — {k.judul}", "Progres (%), kosongkan bila tetap", wajib=False, nilai=str(k.progres)
                ),
                dengan_progres,
            )
        else:
            simpan()

    @on(OptionList.OptionSelected)
    def action_detail(self) -> None:
        """Enter on a card: its checklist and timeline."""
        k = self._terpilih()
        if k:
            from sistemkerja_tui.tui.screens.detail_kegiatan import LayarDetailKegiatan

            def tampil(detail: DetailKegiatan) -> None:
                self.app.push_screen(LayarDetailKegiatan(detail))

            kerjakan_lalu_layar(self, lambda: self.layanan.kegiatan.detail(k.id), tampil)

    def action_baru(self) -> None:
        p = self._pengguna()
        if not p:
            return
        from sistemkerja_tui.layanan.kegiatan import KegiatanBaru
        from sistemkerja_tui.tui.screens.form_individu import FormIndividu

        def dibuat(hasil: tuple[Any] | None) -> None:
            if hasil:
                self.notify("Kegiatan dibuat di kolom Perencanaan.", timeout=4)
                self.muat()

        def untuk_tim(tim) -> None:
            if tim is None:
                return
            self.app.push_screen(
                FormIndividu(
                    f"Kegiatan baru — {tim.nama}",
                    tim.unit_id,
                    None,
                    False,
                    lambda data, _isi: self.layanan.kegiatan.buat(
                        KegiatanBaru(
                            tim.unit_id,
                            data.judul,
                            indikator=data.indikator,
                            target=data.target,
                            satuan=data.satuan,
                            tim_id=tim.id,
                            mulai=data.mulai,
                            tenggat=data.tenggat,
                            rencana_anggaran=data.rencana_anggaran,
                            perjanjian_kinerja=data.perjanjian_kinerja,
                        ),
                        oleh_id=p.pegawai_id,
                    ),
                ),
                dibuat,
            )

        def pilih(daftar) -> None:
            if not daftar:
                self.notify("Unit ini belum mempunyai tim aktif; bentuk tim di layar Tim (2).", severity="warning")
                return
            self.app.push_screen(PilihSatu("Kegiatan untuk tim", [(t.nama, t) for t in daftar]), untuk_tim)

        from sistemkerja_tui.layanan.tim import StatusTim

        berjalan = (StatusTim.AKTIF, StatusTim.DRAF)
        kerjakan_lalu_layar(
            self,
            lambda: [t for t in self.layanan.tim.daftar_tim(unit_id=p.unit_id) if t.status in berjalan],
            pilih,
        )

    def action_saring(self) -> None:
        p = self._pengguna()
        if not p:
            return

        def pilih_tim(pilihan) -> None:
            if pilihan == "orang":
                from sistemkerja_tui.tui.screens.cari import LayarCari

                def orang(h: HasilCari | None) -> None:
                    if h:
                        self._terapkan(f"orang: {h.nama}", {"pegawai_id": h.pegawai_id})

                self.app.push_screen(LayarCari(self.layanan.struktur), orang)
            elif pilihan is not None:
                self._terapkan(*pilihan)

        def ambil():
            struktur = self.layanan.struktur
            subunit = [struktur.unit(i) for i in struktur.subpohon(p.unit_id) if i != p.unit_id]
            return self.layanan.tim.daftar_tim(unit_id=None if self.semua_unit else p.unit_id), subunit

        def tampil(hasil) -> None:
            daftar, subunit = hasil
            self.app.push_screen(
                PilihSatu(
                    "Saring papan kegiatan",
                    [
                        ("Semua kegiatan", ("", {})),
                        ("Seorang pegawai…", "orang"),
                        *((f"Unit: {u.nama}", (f"unit: {u.nama}", {"unit_id": u.id})) for u in subunit),
                        *((f"Tim: {t.nama}", (f"tim: {t.nama}", {"tim_id": t.id})) for t in daftar),
                    ],
                ),
                pilih_tim,
            )

        kerjakan_lalu_layar(self, ambil, tampil)

    def _terapkan(self, label: str, saring: dict) -> None:
        self.saringan = (label, saring)
        self.muat()

    def action_lingkup(self) -> None:
        self.semua_unit = not self.semua_unit
        self.muat()
