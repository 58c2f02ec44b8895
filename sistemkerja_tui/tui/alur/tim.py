"""The Tim screen's flows, one function each, run by the screen as an async worker: each awaits its dialogs
and use cases in the order the user meets them, and stops at an Esc (None) or a refusal (`Gagal`)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from sistemkerja_tui.layanan.tim import (
    Anggota,
    DaftarCalon,
    DataTim,
    PeranTim,
    PredikatPenilaian,
    RingkasTim,
    StatusKeanggotaan,
)
from sistemkerja_tui.tui.alur import lakukan
from sistemkerja_tui.tui.screens.cari import LayarCari, LayarCariNama
from sistemkerja_tui.tui.screens.dialog import DialogAlasan, DialogKonfirmasi
from sistemkerja_tui.tui.screens.form_tim import FormPermohonan, FormTim
from sistemkerja_tui.tui.screens.pemilih_ketua import PemilihKetua
from sistemkerja_tui.tui.screens.pilih import PilihSatu
from sistemkerja_tui.tui.screens.saring_tim import FormSaring

if TYPE_CHECKING:
    from sistemkerja_tui.tui.screens.tim import LayarTim

PERAN_BERKRITERIA = (PeranTim.KOORDINATOR, PeranTim.PENANGGUNG_JAWAB)  # chosen in the picker, like the ketua
PERAN_USULAN = (PeranTim.KETUA, PeranTim.PENANGGUNG_JAWAB)  # appointed from proposed candidates (Klaten)


async def saring(layar: LayarTim) -> None:
    saringan = await layar.app.push_screen_wait(FormSaring(*layar.saringan))
    if saringan is not None:
        layar.saringan = saringan
        layar.muat()


async def cari(layar: LayarTim) -> None:
    kata = await layar.app.push_screen_wait(LayarCariNama("Cari tim menurut nama", layar.kata))
    if kata is not None:
        layar.kata = kata
        layar.muat()


async def bentuk(layar: LayarTim) -> None:
    pengguna, layanan = layar.pengguna(), layar.layanan
    form = FormTim(pengguna.unit_id, pengguna.unit, partial(layanan.tim.bentuk_tim, oleh_id=pengguna.pegawai_id))
    hasil = await layar.app.push_screen_wait(form)
    if hasil is not None:
        layar.selesai("Tim dibentuk. Tekan c untuk memilih ketua.", hasil[0])


async def ubah(layar: LayarTim, t: RingkasTim) -> None:
    d, layanan, oleh = layar.detail, layar.layanan, layar.pengguna().pegawai_id
    assert d is not None and d.ringkas.id == t.id
    awal = DataTim(t.nama, t.unit_id, t.jenis_pembentukan, t.sasaran, d.mulai, d.selesai, t.tahun_anggaran, d.tujuan)
    form = FormTim(t.unit_id, t.unit, partial(layanan.tim.ubah_tim, t.id, oleh_id=oleh), awal)
    if await layar.app.push_screen_wait(form) is not None:
        layar.selesai("Tim diperbarui.", t.id)


async def bubarkan(layar: LayarTim, t: RingkasTim) -> None:
    layanan, oleh = layar.layanan, layar.pengguna().pegawai_id
    alasan = await layar.app.push_screen_wait(DialogAlasan(f"Bubarkan tim '{t.nama}'?", "Alasan pembubaran"))
    if alasan:
        await lakukan(layar, lambda: layanan.tim.bubarkan_tim(t.id, alasan, oleh_id=oleh))
        layar.selesai(f"Tim '{t.nama}' dibubarkan.", t.id)


async def _pimpinan(layar: LayarTim, t: RingkasTim, peran: PeranTim, pegawai_id: int) -> None:
    layanan, oleh = layar.layanan, layar.pengguna().pegawai_id
    peringatan = await lakukan(layar, lambda: layanan.tim.tetapkan_pimpinan(t.id, pegawai_id, peran, oleh_id=oleh))
    layar.selesai(
        "Ketua tim ditetapkan." if peran is PeranTim.KETUA else f"{peran.label} ditetapkan.", t.id, peringatan
    )


def _pemilih(
    layar: LayarTim, t: RingkasTim, peran: PeranTim, judul: str, calon: DaftarCalon | None = None
) -> PemilihKetua:
    """The picker of `peran`'s candidates; `calon`: those already read (else the picker reads them)."""
    layanan = layar.layanan
    muat = (lambda: calon) if calon is not None else (lambda: layanan.tim.kandidat_pimpinan(t.id, peran))
    return PemilihKetua(judul, muat, peran.label.lower())


async def ketua(layar: LayarTim, t: RingkasTim) -> None:
    layanan = layar.layanan

    def baca() -> tuple[DaftarCalon, str | None]:  # the candidates are read once: for the fallback and the picker
        calon = layanan.tim.kandidat_pimpinan(t.id, PeranTim.KETUA)
        return calon, layanan.tim.pengganti(t.id, calon=calon)

    calon, pengganti = await lakukan(layar, baca)
    if pengganti is not None:  # no JF or pelaksana in the owner unit: a PPK, unit head or Administrator instead
        layar.notify(f"Unit pemilik tidak memiliki JF atau pelaksana. {pengganti}")
        hasil = await layar.app.push_screen_wait(LayarCari(layanan.struktur))
        pegawai_id = hasil.pegawai_id if hasil else None
    else:
        pemilih = _pemilih(layar, t, PeranTim.KETUA, f"Pilih ketua — {t.nama}", calon)
        pegawai_id = await layar.app.push_screen_wait(pemilih)
    if pegawai_id is not None:
        await _pimpinan(layar, t, PeranTim.KETUA, pegawai_id)


async def peran(layar: LayarTim, t: RingkasTim) -> None:
    layanan = layar.layanan
    ada = await lakukan(layar, lambda: layanan.tim.peran_tambahan(t.id))
    if not ada:
        layar.notify("Profil regulasi unit ini hanya mengenal ketua dan anggota.", severity="warning")
        return
    pilihan = [(f"{sebutan} ({rujukan})", kode) for kode, sebutan, rujukan in ada]
    dipilih: PeranTim | None = await layar.app.push_screen_wait(PilihSatu(f"Peran lain — {t.nama}", pilihan))
    if dipilih is None:
        return
    if dipilih in PERAN_BERKRITERIA:
        judul = f"Pilih {dipilih.label.lower()} — {t.nama}"
        pegawai_id = await layar.app.push_screen_wait(_pemilih(layar, t, dipilih, judul))
    else:
        hasil = await layar.app.push_screen_wait(LayarCari(layanan.struktur))
        pegawai_id = hasil.pegawai_id if hasil else None
    if pegawai_id is not None:
        await _pimpinan(layar, t, dipilih, pegawai_id)


async def anggota(layar: LayarTim, t: RingkasTim) -> None:
    layanan, oleh = layar.layanan, layar.pengguna().pegawai_id
    hasil = await layar.app.push_screen_wait(LayarCari(layanan.struktur))
    if hasil is None:
        return
    pegawai_id = hasil.pegawai_id
    if layanan.struktur.di_bawah(hasil.unit_id, t.unit_id):  # within the unit: added at once
        judul = f"Tambah {hasil.nama} ke '{t.nama}'"
        uraian = await layar.app.push_screen_wait(DialogAlasan(judul, "Uraian peran dalam tim", wajib=False))
        if uraian is None:
            return
        status = await lakukan(layar, lambda: layanan.tim.tambah_anggota(t.id, pegawai_id, uraian, oleh_id=oleh))
        layar.selesai(f"{hasil.nama} ditambahkan ({status.label.lower()}).", t.id)
        return
    form = FormPermohonan(  # from another unit: a request, the member waits for the approval
        f"Permohonan pelibatan {hasil.nama}",
        f"{hasil.jabatan} · {hasil.unit} — di luar unit pemilik; anggota menunggu persetujuan pejabat yang berwenang.",
        lambda uraian, isi: layanan.tim.tambah_anggota(t.id, pegawai_id, uraian, oleh_id=oleh, isi=isi),
    )
    diajukan = await layar.app.push_screen_wait(form)
    if diajukan is not None:
        layar.selesai(f"{hasil.nama}: permohonan diajukan ({diajukan[0].label.lower()}).", t.id)


async def sukarela(layar: LayarTim, t: RingkasTim) -> None:
    layanan, oleh = layar.layanan, layar.pengguna().pegawai_id
    hasil = await layar.app.push_screen_wait(LayarCari(layanan.struktur))
    if hasil is None:
        return
    pegawai_id = hasil.pegawai_id
    if layanan.struktur.di_bawah(hasil.unit_id, t.unit_id):  # within the unit: spoken, noted
        judul = f"Pengajuan sukarela {hasil.nama} (lisan)"
        catatan = await layar.app.push_screen_wait(DialogAlasan(judul, "Catatan pengajuan lisan"))
        if not catatan:
            return
        await lakukan(
            layar,
            lambda: layanan.penugasan.ajukan_sukarela(t.id, pegawai_id, oleh_id=oleh, catatan_lisan=catatan),
        )
    else:  # across units: in writing
        form = FormPermohonan(
            f"Pengajuan sukarela {hasil.nama} (tertulis)",
            f"{hasil.jabatan} · {hasil.unit}",
            lambda uraian, isi: layanan.penugasan.ajukan_sukarela(t.id, pegawai_id, uraian, oleh_id=oleh, isi=isi),
        )
        if await layar.app.push_screen_wait(form) is None:
            return
    layar.selesai(f"Pengajuan sukarela {hasil.nama} dicatat; menunggu persetujuan.", t.id)


async def _peran_usulan(layar: LayarTim, t: RingkasTim) -> tuple[PeranTim, str] | None:
    """The role proposed for: the ketua, or (Klaten Pasal 13 ayat (3)) the Penanggungjawab, asked when both apply."""
    daftar = [
        (p, "ketua" if p is PeranTim.KETUA else s)
        for p, s in await lakukan(layar, partial(layar.layanan.tim.peran_berusulan, t.id))
    ]
    if len(daftar) <= 1:
        return daftar[0] if daftar else (PeranTim.KETUA, "ketua")
    return await layar.app.push_screen_wait(PilihSatu("Usulan calon untuk peran", [(s, (p, s)) for p, s in daftar]))


async def usulkan(layar: LayarTim, t: RingkasTim) -> None:
    """Klaten Pasal 14 (ketua) and Pasal 13 ayat (3) (Penanggungjawab): at least two candidates go to the
    Sekretaris Daerah. Each is chosen in the picker (filterable, however many candidates there are), one after
    another, until Esc."""
    layanan, oleh = layar.layanan, layar.pengguna().pegawai_id
    pilihan = await _peran_usulan(layar, t)
    if pilihan is None:
        return
    peran_usul, sebutan = pilihan
    calon: dict[int, str] = {}
    while True:
        sudah = f" · terpilih: {'; '.join(calon.values())}" if calon else ""
        judul = f"Usulkan calon {sebutan} ke-{len(calon) + 1} — {t.nama}{sudah} · Esc bila selesai"
        pegawai_id = await layar.app.push_screen_wait(_pemilih(layar, t, peran_usul, judul))
        if pegawai_id is None:
            break
        if pegawai_id in calon:
            layar.notify(f"{calon[pegawai_id]} sudah terpilih; pilih calon lain.", severity="warning")
            continue
        calon[pegawai_id] = (await lakukan(layar, partial(layanan.struktur.detail_pegawai, pegawai_id))).nama
    if not calon:
        return
    pertanyaan = f"Usulkan {len(calon)} calon {sebutan} kepada Sekretaris Daerah: {'; '.join(calon.values())}?"
    if await layar.app.push_screen_wait(DialogKonfirmasi(pertanyaan)):
        ids = list(calon)
        await lakukan(layar, lambda: layanan.tim.usulkan_calon_ketua(t.id, ids, oleh_id=oleh, peran=peran_usul))
        layar.selesai(f"{len(ids)} calon {sebutan} diusulkan kepada Sekretaris Daerah.", t.id)


async def rekomendasi(layar: LayarTim, t: RingkasTim) -> None:
    d, layanan, oleh = layar.detail, layar.layanan, layar.pengguna().pegawai_id
    assert d is not None
    usulan = [a for a in d.anggota if a.peran in PERAN_USULAN and a.status is StatusKeanggotaan.USULAN]
    if not usulan:
        layar.notify("Belum ada calon yang diusulkan; tekan U untuk mengusulkan.", severity="warning")
        return
    peran_usul: PeranTim | None = usulan[0].peran
    if len({a.peran for a in usulan}) > 1:  # ketua and Penanggungjawab candidates both wait (Klaten)
        pilihan_peran = [(p.label, p) for p in PERAN_USULAN if any(a.peran is p for a in usulan)]
        peran_usul = await layar.app.push_screen_wait(PilihSatu("Rekomendasi untuk peran", pilihan_peran))
        if peran_usul is None:
            return
    calon = [a for a in usulan if a.peran is peran_usul]
    judul = "Calon yang direkomendasikan Sekretaris Daerah"
    pegawai_id = await layar.app.push_screen_wait(PilihSatu(judul, [(a.nama, a.pegawai_id) for a in calon]))
    if pegawai_id is None:
        return
    dialog = DialogAlasan("Rekomendasi Sekretaris Daerah", "Catatan rekomendasi", wajib=False)
    catatan = await layar.app.push_screen_wait(dialog)
    if catatan is not None:
        peran_pilih = calon[0].peran
        await lakukan(
            layar,
            lambda: layanan.tim.catat_rekomendasi_sekda(t.id, pegawai_id, catatan, oleh_id=oleh, peran=peran_pilih),
        )
        lanjut = "c untuk menetapkan ketua" if peran_pilih is PeranTim.KETUA else "r untuk menetapkannya"
        layar.selesai(f"Rekomendasi Sekretaris Daerah dicatat; tekan {lanjut}.", t.id)


async def nilai(layar: LayarTim, tim_id: int, a: Anggota) -> None:
    layanan, oleh, hari_ini = layar.layanan, layar.pengguna().pegawai_id, layar.app.hari_ini()
    pilihan = [(p.label, p) for p in PredikatPenilaian]
    predikat = await layar.app.push_screen_wait(PilihSatu(f"Rekomendasi penilaian — {a.nama}", pilihan))
    if predikat is None:
        return
    catatan = await layar.app.push_screen_wait(DialogAlasan(f"Catatan penilaian {a.nama}", "Catatan", wajib=False))
    if catatan is not None:
        await lakukan(
            layar,
            lambda: layanan.tim.nilai_anggota(a.keanggotaan_id, predikat, catatan, oleh_id=oleh, hari_ini=hari_ini),
        )
        layar.selesai(f"Penilaian {a.nama}: {predikat.label.lower()}.", tim_id)


async def keluarkan(layar: LayarTim, tim_id: int, a: Anggota) -> None:
    layanan, oleh = layar.layanan, layar.pengguna().pegawai_id
    alasan = await layar.app.push_screen_wait(DialogAlasan(f"Keluarkan {a.nama} ({a.peran.label.lower()})?", "Alasan"))
    if alasan:
        await lakukan(layar, lambda: layanan.tim.keluarkan_anggota(a.keanggotaan_id, alasan, oleh_id=oleh))
        layar.selesai(f"{a.nama} dikeluarkan dari tim.", tim_id)
