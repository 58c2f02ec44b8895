"""Pilot tests of the ketua picker at 80×24: every candidate reachable, reasons shown, filter, refusal, choice."""

from __future__ import annotations

from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap

from sistemkerja_tui.aturan.enums import PeranTim, StatusKeanggotaan
from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.layanan.tim import DaftarCalon
from sistemkerja_tui.tui.screens.pemilih_ketua import PemilihKetua
from sistemkerja_tui.tui.screens.tim import LayarTim
from sistemkerja_tui.tui.widgets.daftar_calon import DaftarCalonVirtual


def _dengan_kadis(db: str) -> None:
    hasil = buka_database(db, demo_jika_kosong=False)
    kadis = next(p for p in hasil.layanan.pengguna.calon() if p.jabatan == "Kepala Dinas Kesehatan")
    hasil.layanan.pengguna.tetapkan(kadis.pegawai_id)
    hasil.layanan.tutup()


async def _buka_pemilih(pilot) -> PemilihKetua:
    app = pilot.app
    await tunggu_siap(pilot)
    await pilot.press("2")
    await tunggu(pilot, lambda: isinstance(app.screen, LayarTim) and app.screen.detail is not None)
    await pilot.press("c")
    await tunggu(pilot, lambda: isinstance(app.screen, PemilihKetua) and app.screen.penilaian is not None)
    return app.screen


def _tampak(pemilih: PemilihKetua, widget_id: str) -> bool:
    """The widget lies wholly on the 80×24 screen and has room to show something."""
    region = pemilih.query_one(widget_id).region
    return region.height >= 1 and pemilih.region.contains_region(region)


async def _saring(pilot, pemilih: PemilihKetua, kata: str) -> None:
    await pilot.press(*kata)
    await tunggu(pilot, lambda: pemilih.penilaian is not None and len(pemilih.penilaian) < len(pemilih.semua or ()))


async def test_calon_tidak_layak_terjangkau_dengan_alasan_dan_rujukan(db_demo):
    _dengan_kadis(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        pemilih = await _buka_pemilih(pilot)
        daftar = pemilih.penilaian
        assert daftar is not None and 0 < daftar.jumlah_layak < len(daftar)
        assert daftar.layak(0) and not daftar.layak(len(daftar) - 1)
        # down from the last eligible candidate lands on the first ineligible one: none is skipped
        await pilot.press(*["down"] * daftar.jumlah_layak)
        await pilot.pause()
        kursor = pemilih.query_one(DaftarCalonVirtual)
        assert kursor.kursor == daftar.jumlah_layak and not daftar.layak(kursor.kursor)
        calon = daftar[kursor.kursor]
        rincian = teks(pemilih.query_one("#rincian-calon"))
        assert calon.kandidat.nama in rincian
        for t in calon.galat:
            assert t.pesan in rincian and f"({t.rujukan})" in rincian
        assert _tampak(pemilih, "#rincian-calon") and _tampak(pemilih, "#daftar-calon")
        # and the last candidate of all is reachable too
        await pilot.press(*["pagedown"] * (len(daftar) // 2 + 1))
        await pilot.pause()
        assert kursor.kursor == len(daftar) - 1
        assert daftar[-1].kandidat.nama in teks(pemilih.query_one("#rincian-calon"))


async def test_saringan_mempersempit_dan_enter_menolak_calon_tidak_layak(db_demo):
    _dengan_kadis(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        pemilih = await _buka_pemilih(pilot)
        daftar = pemilih.penilaian
        assert daftar is not None
        i = len(daftar) - 1
        tidak_layak, nip = daftar[i], daftar.nip(i)
        await _saring(pilot, pemilih, nip)
        assert [n.kandidat.pegawai_id for n in pemilih.penilaian or ()] == [tidak_layak.kandidat.pegawai_id]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PemilihKetua)
        pesan = teks(pemilih.query_one("#pesan-calon"))  # shown in the dialog itself, not only as a toast
        assert pesan.startswith("Tidak dapat dipilih sebagai ketua: ")
        assert f"{tidak_layak.galat[0].pesan} ({tidak_layak.galat[0].rujukan})" in pesan
        assert _tampak(pemilih, "#pesan-calon")
        assert any(tidak_layak.kandidat.nama in n.message for n in app._notifications)
        # clearing the filter brings every candidate back
        await pilot.press(*["backspace"] * len(nip))
        await tunggu(pilot, lambda: pemilih.penilaian is not None and len(pemilih.penilaian) == len(daftar))


async def test_saring_nama_lalu_pilih_calon_layak_menetapkan_ketua(db_demo):
    _dengan_kadis(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        pemilih = await _buka_pemilih(pilot)
        layar = app.screen_stack[-2]
        assert isinstance(layar, LayarTim) and layar.detail is not None
        tim_id = layar.detail.ringkas.id
        daftar = pemilih.penilaian
        assert daftar is not None
        pilihan = daftar[daftar.jumlah_layak - 1]  # the last eligible one, not the one under the cursor
        kata = next(w for w in pilihan.kandidat.nama.split() if "." not in w).rstrip(",")  # a name, not a gelar
        await _saring(pilot, pemilih, kata)
        tersaring = pemilih.penilaian
        assert tersaring is not None
        posisi = next(j for j, n in enumerate(tersaring) if n.kandidat.pegawai_id == pilihan.kandidat.pegawai_id)
        await pilot.press(*["down"] * posisi, "enter")
        await tunggu(pilot, lambda: app.screen is layar and layar.detail.ringkas.ketua != "—")
        anggota = app.layanan.tim.detail_tim(tim_id).anggota
        assert any(
            a.pegawai_id == pilihan.kandidat.pegawai_id
            and a.peran is PeranTim.KETUA
            and a.status is StatusKeanggotaan.AKTIF
            for a in anggota
        )


def _tim_id(pilot) -> int:
    layar = pilot.app.screen_stack[-2]
    assert isinstance(layar, LayarTim) and layar.detail is not None
    return layar.detail.ringkas.id


async def test_calon_tidak_layak_di_luar_halaman_pertama_dimuat_dengan_alasannya(db_demo, monkeypatch):
    monkeypatch.setattr(DaftarCalon, "HALAMAN", 10)  # pages of 10: the demo team's pool spans several
    _dengan_kadis(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        pemilih = await _buka_pemilih(pilot)
        daftar = pemilih.penilaian
        assert daftar is not None
        n = len(daftar)
        assert n > DaftarCalon.HALAMAN and not daftar.termuat(n - 1)  # only the first page was read
        terakhir = app.layanan.tim.kandidat_pimpinan(_tim_id(pilot))[n - 1]  # read apart, not through the list
        assert not terakhir.layak
        await pilot.press("tab", "end")
        rincian = pemilih.query_one("#rincian-calon")
        await tunggu(pilot, lambda: terakhir.kandidat.nama in teks(rincian))
        kursor = pemilih.query_one(DaftarCalonVirtual)
        assert kursor.kursor == n - 1 and daftar.termuat(n - 1)
        for t in terakhir.galat:
            assert t.pesan in teks(rincian) and f"({t.rujukan})" in teks(rincian)
        baris = kursor.render_line(kursor.kursor - kursor.scroll_offset.y).text  # the list's own line for it
        assert baris.startswith(f"✗ {terakhir.kandidat.nama}")
        # back up one page and down past the first page boundary: each row read before the cursor shows it
        await pilot.press("home", *["pagedown"] * (DaftarCalon.HALAMAN // 3 + 1))
        await tunggu(pilot, lambda: kursor.kursor > DaftarCalon.HALAMAN and daftar.termuat(kursor.kursor))
        calon = app.layanan.tim.kandidat_pimpinan(_tim_id(pilot))[kursor.kursor]
        await tunggu(pilot, lambda: calon.kandidat.nama in teks(rincian))


async def test_saringan_nama_lengkap_mempersempit_ke_calon_itu(db_demo, monkeypatch):
    monkeypatch.setattr(DaftarCalon, "HALAMAN", 10)
    _dengan_kadis(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        pemilih = await _buka_pemilih(pilot)
        n = len(pemilih.penilaian or ())
        terakhir = app.layanan.tim.kandidat_pimpinan(_tim_id(pilot))[n - 1].kandidat
        kata = [w.rstrip(",") for w in terakhir.nama.split() if "." not in w]  # the name without its gelar
        await _saring(pilot, pemilih, " ".join(kata))
        tersaring = pemilih.penilaian
        assert tersaring is not None and 0 < len(tersaring) < n
        assert terakhir.pegawai_id not in [c.kandidat.pegawai_id for c in (pemilih.semua or [])[: DaftarCalon.HALAMAN]]
        nama = [c.kandidat.nama for c in tersaring]
        assert terakhir.nama in nama
        assert all(all(w.casefold() in x.casefold() for w in kata) for x in nama)
        assert "tersaring" in teks(pemilih.query_one("#ringkas-calon"))
        assert teks(pemilih.query_one("#rincian-calon")).startswith(tersaring[0].kandidat.nama)


async def test_calon_ketua_dibaca_sekali(db_demo, monkeypatch):
    # `c` reads the candidates once, for both the no-JF fallback check (Madiun Lampiran Bab II huruf F angka 1) and
    # the picker: reading them is most of the wait at 200 000 pegawai
    from sistemkerja_tui.layanan.tim import LayananTim

    dibaca: list[int] = []
    asli = LayananTim.kandidat_pimpinan

    def catat(self, tim_id, peran=PeranTim.KETUA):
        dibaca.append(tim_id)
        return asli(self, tim_id, peran)

    monkeypatch.setattr(LayananTim, "kandidat_pimpinan", catat)
    _dengan_kadis(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        pemilih = await _buka_pemilih(pilot)
        assert pemilih.penilaian is not None and len(pemilih.penilaian) > 0
        assert len(dibaca) == 1


async def test_kaki_pemilih_menunjukkan_tombolnya_sendiri(db_demo):
    from sistemkerja_tui.tui.widgets.kaki import KakiLayar

    _dengan_kadis(db_demo)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        pemilih = await _buka_pemilih(pilot)
        kaki = [k[2] for k in pemilih.query_one(KakiLayar)._tombol()]
        assert "Batal" in kaki and "Tim baru" not in kaki  # not the Tim screen's keys behind it
