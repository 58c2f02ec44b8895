"""The kegiatan stage machine (aturan.tahap): transitions, review chains per unit type, refusals.

Review chains quote the seed passage each encodes.
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date

import pytest

from sistemkerja_tui.aturan.enums import JenisCatatan, JenisUnit, Tahap
from sistemkerja_tui.aturan.profil import muat_profil
from sistemkerja_tui.aturan.tahap import (
    AksiTahap,
    DataKegiatan,
    KeadaanKegiatan,
    Peninjau,
    aksi_tersedia,
    boleh_catatan,
    peninjau,
    sub_reviu,
    sub_tahap,
    transisi_kegiatan,
)

J = JenisUnit
BAWAAN = muat_profil("umum").tahapan["bawaan"]
SUB_PERENCANAAN = tuple(x.kunci for x in BAWAAN.perencanaan)
SUB_PELAKSANAAN = tuple(x.kunci for x in BAWAAN.pelaksanaan)
KEADAAN_AWAL = KeadaanKegiatan.awal(BAWAAN)
DATA = DataKegiatan(
    judul="Penyusunan LKjIP",
    indikator="Dokumen LKjIP",
    target="1",
    satuan="dokumen",
    mulai=date(2025, 1, 2),
    tenggat=date(2025, 3, 31),
    progres=100,
)

# pegawai ids: leader of the unit at level i of a chain is 100 + i
SETDA = [
    (J.BAGIAN, 100, "Kepala Bagian Organisasi"),
    (J.ASISTEN, 101, "Asisten Administrasi Umum"),
    (J.SEKRETARIAT_DAERAH, 102, "Sekretaris Daerah"),
]
DUA = (Peninjau(100, "Kepala Bidang", "r1"), Peninjau(101, "Kepala Dinas", "r2"))


def ids(rantai, nama):
    return [(p.pegawai_id, p.sebutan) for p in peninjau(rantai, muat_profil(nama))]


def jalan(keadaan, aksi, *, daftar=DUA, pelaku=None, alasan="", data=DATA, tahapan=BAWAAN):
    return transisi_kegiatan(
        keadaan, aksi, tahapan=tahapan, peninjau=daftar, pelaku_id=pelaku, alasan=alasan, data=data
    )


def semua_keadaan(jumlah_reviu: int):
    for t in (Tahap.PERENCANAAN, Tahap.PELAKSANAAN):
        for s in sub_tahap(BAWAAN, t):
            yield KeadaanKegiatan(t, s)
    for k in range(1, jumlah_reviu + 1):
        yield KeadaanKegiatan(Tahap.EVALUASI, sub_reviu(k), k)
    yield KeadaanKegiatan(Tahap.SELESAI, "selesai")


# --- review chains per unit type ---------------------------------------------


@pytest.mark.parametrize("nama", ["madiun", "klaten", "padang_panjang"])
def test_setda_kepala_bagian_asisten_sekda(nama):
    # Madiun Lampiran Bab III B huruf e, Tahap Evaluasi: "Kepala Bagian meninjau ... disampaikan Kepala Bagian
    #   kepada Asisten untuk ditinjau ... disampaikan oleh Asisten untuk ditinjau oleh Sekretaris Daerah.
    #   Pelaksanaan kegiatan dinyatakan selesai setelah Sekretaris Daerah menerima hasil"
    # Klaten Lampiran B 5.1: "Kepala Bagian menyampaikan hasil ... kepada Asisten Sekretaris Daerah untuk ditinjau;
    #   Asisten Sekretaris Daerah menyampaikan ... kepada Sekretaris Daerah"
    # Padang Panjang Lampiran II huruf A angka 2 huruf c (Tahap Evaluasi): Kepala Bagian → Asisten → Sekretaris Daerah
    hasil = peninjau(SETDA, muat_profil(nama))
    assert [p.pegawai_id for p in hasil] == [100, 101, 102]
    assert "Kepala Bagian" in hasil[0].sebutan and "Asisten" in hasil[1].sebutan
    assert hasil[2].sebutan == "Sekretaris Daerah"
    assert all(p.rujukan for p in hasil)


def test_setda_subbagian_naik_ke_bagian():
    rantai = [(J.SUBBAGIAN, 99, "Kepala Subbagian"), *SETDA]
    assert [p for p, _ in ids(rantai, "madiun")] == [100, 101, 102]


@pytest.mark.parametrize("nama", ["madiun", "klaten", "padang_panjang"])
def test_dinas_bidang_lalu_kepala_dinas(nama):
    # Madiun Lampiran Bab III B huruf a angka 3) huruf c): "Pejabat Level II meninjau hasil ... disampaikan oleh
    #   Pejabat Level II kepada Pejabat Level I untuk ditinjau"
    # Klaten 5.4: "Sekretaris, Kepala Bidang, Kepala UPTD ... menyampaikan hasil ... kepada Kepala Dinas"
    # Padang Panjang Lampiran II huruf D angka 2 huruf c: Sekretaris / Kepala Bidang → Kepala Dinas
    rantai = [(J.SEKSI, 50, "Kepala Seksi"), (J.BIDANG, 60, "Kepala Bidang Anggaran"), (J.DINAS, 70, "Kepala Dinas")]
    hasil = peninjau(rantai, muat_profil(nama))
    assert [p.pegawai_id for p in hasil] == [60, 70]
    assert "Dinas" in hasil[-1].sebutan
    assert hasil[0].jenis_unit is J.BIDANG and hasil[0].jabatan == "Kepala Bidang Anggaran"


def test_kegiatan_milik_dinas_sendiri_hanya_kepala_dinas():
    assert ids([(J.DINAS, 70, "Kepala Dinas")], "padang_panjang") == [(70, "Kepala Dinas")]


def test_madiun_kecamatan_pengawas_lalu_camat():
    # Madiun Lampiran Bab III B huruf b (Kecamatan, Bagian): "Pejabat Pengawas meninjau hasil pelaksanaan kegiatan
    #   ... disampaikan Pejabat Pengawas kepada Kepala Dinas/Asisten Daerah" — the baseline Level 2 → Level 1
    rantai = [(J.SEKSI, 10, "Kepala Seksi Pemerintahan"), (J.KECAMATAN, 20, "Camat")]
    hasil = peninjau(rantai, muat_profil("madiun"))
    assert [(p.pegawai_id, p.sebutan) for p in hasil] == [(10, "Pejabat Level 2"), (20, "Pejabat Level 1")]
    assert "Bab III huruf A angka 3" in hasil[0].rujukan


def test_padang_panjang_kecamatan_sekretaris_atau_kasi_lalu_camat():
    # Padang Panjang Lampiran II huruf G: "sekretaris dan kepala seksi menyampaikan hasil pelaksanaan kegiatan yang
    #   telah sesuai dengan target kepada camat; ... camat menerima hasil pelaksanaan kegiatan"
    pp = muat_profil("padang_panjang")
    kasi = [(J.SEKSI, 11, "Kepala Seksi Trantib"), (J.KECAMATAN, 20, "Camat")]
    sekcam = [(J.SEKRETARIAT, 12, "Sekretaris Kecamatan"), (J.KECAMATAN, 20, "Camat")]
    assert [p.pegawai_id for p in peninjau(kasi, pp)] == [11, 20]
    assert [p.pegawai_id for p in peninjau(sekcam, pp)] == [12, 20]
    assert peninjau(kasi, pp)[-1].sebutan == "Camat"
    assert "huruf G" in peninjau(kasi, pp)[0].rujukan


def test_klaten_kecamatan_sekcam_lalu_camat():
    # Klaten 5.6: "Sekretaris Kecamatan menyampaikan hasil pelaksanaan kegiatan kepada Camat; dan Camat menerima"
    rantai = [(J.SEKRETARIAT, 12, "Sekretaris Kecamatan"), (J.KECAMATAN, 20, "Camat")]
    assert ids(rantai, "klaten") == [(12, "Sekretaris Kecamatan"), (20, "Camat")]


@pytest.mark.parametrize("nama", ["madiun", "padang_panjang"])
def test_puskesmas_kepala_puskesmas_saja(nama):
    # Padang Panjang Lampiran II huruf J angka 2: "pelaksanaan kegiatan dinyatakan selesai setelah Kepala Puskesmas
    #   dan Satuan Pendidikan menerima hasil pelaksanaan kegiatan"
    # Madiun Lampiran Bab III B huruf d (UPTD Puskesmas): Kepala UPTD Puskesmas is Pejabat Level I and PPK
    rantai = [(J.PUSKESMAS, 30, "Kepala Puskesmas"), (J.DINAS, 70, "Kepala Dinas Kesehatan")]
    hasil = peninjau(rantai, muat_profil(nama))
    assert [p.pegawai_id for p in hasil] == [30]
    assert "Puskesmas" in hasil[0].sebutan


def test_klaten_puskesmas_lalu_kepala_dinas():
    # Klaten 5.4: "Kepala UPTD, dan Pejabat Fungsional yang menduduki jabatan sebagai pimpinan unit kerja
    #   menyampaikan hasil pelaksanaan program dan kegiatan kepada Kepala Dinas"
    rantai = [(J.PUSKESMAS, 30, "Kepala Puskesmas"), (J.DINAS, 70, "Kepala Dinas Kesehatan")]
    assert [p for p, _ in ids(rantai, "klaten")] == [30, 70]


def test_padang_panjang_kelurahan_lurah():
    # Padang Panjang Lampiran II huruf H: "pelaksanaan kegiatan dinyatakan selesai setelah lurah menerima hasil"
    rantai = [(J.KELURAHAN, 40, "Lurah"), (J.KECAMATAN, 20, "Camat")]
    assert ids(rantai, "padang_panjang") == [(40, "Lurah")]


def test_pimpinan_kosong_tetap_langkah_dan_tak_bisa_menyetujui():
    rantai = [(J.BIDANG, None, ""), (J.DINAS, 70, "Kepala Dinas")]
    daftar = peninjau(rantai, muat_profil("madiun"))
    assert [p.pegawai_id for p in daftar] == [None, 70]
    ev = KeadaanKegiatan(Tahap.EVALUASI, "reviu_1", 1)
    h = jalan(ev, AksiTahap.SETUJUI_REVIU, daftar=daftar, pelaku=70)
    assert not h.sah and h.temuan[0].kode == "tahap.peninjau_kosong"


def test_rantai_kosong():
    assert peninjau([], muat_profil("madiun")) == ()


# --- the happy path, return and resubmit --------------------------------------


def _ke_evaluasi(daftar=DUA):
    k = KEADAAN_AWAL
    langkah = [k]
    while k.tahap is not Tahap.EVALUASI:
        h = jalan(k, AksiTahap.MAJU, daftar=daftar)
        assert h.sah, h.temuan
        k = h.keadaan
        langkah.append(k)
    return k, langkah


def test_jalur_lengkap_sampai_selesai():
    k, langkah = _ke_evaluasi()
    assert [x.sub_tahap for x in langkah] == list(SUB_PERENCANAAN) + list(SUB_PELAKSANAAN) + ["reviu_1"]
    assert k == KeadaanKegiatan(Tahap.EVALUASI, "reviu_1", 1)
    h = jalan(k, AksiTahap.SETUJUI_REVIU, pelaku=100)
    assert h.sah and not h.selesai and h.keadaan == KeadaanKegiatan(Tahap.EVALUASI, "reviu_2", 2)
    h = jalan(h.keadaan, AksiTahap.SETUJUI_REVIU, pelaku=101)
    assert h.sah and h.selesai and h.keadaan.tahap is Tahap.SELESAI


def test_setda_tiga_langkah():
    daftar = peninjau(SETDA, muat_profil("madiun"))
    k, _ = _ke_evaluasi(daftar)
    for pid in (100, 101):
        h = jalan(k, AksiTahap.SETUJUI_REVIU, daftar=daftar, pelaku=pid)
        assert h.sah and not h.selesai
        k = h.keadaan
    # the Asisten may not close it: only the Sekretaris Daerah declares it selesai
    h = jalan(k, AksiTahap.SETUJUI_REVIU, daftar=daftar, pelaku=101)
    assert not h.sah and "Sekretaris Daerah" in h.temuan[0].pesan and "selesai" in h.temuan[0].pesan
    h = jalan(k, AksiTahap.SETUJUI_REVIU, daftar=daftar, pelaku=102)
    assert h.selesai


@pytest.mark.parametrize("ke", [1, 2])
def test_kembalikan_lalu_ajukan_lagi(ke):
    k, _ = _ke_evaluasi()
    if ke == 2:
        k = jalan(k, AksiTahap.SETUJUI_REVIU, pelaku=100).keadaan
    h = jalan(k, AksiTahap.KEMBALIKAN, pelaku=99 + ke, alasan="Data capaian belum lengkap")
    assert h.sah and h.keadaan == KeadaanKegiatan(Tahap.PELAKSANAAN, "pelaksanaan")
    h = jalan(h.keadaan, AksiTahap.MAJU)
    assert h.keadaan.sub_tahap == "hasil_disampaikan"
    h = jalan(h.keadaan, AksiTahap.MAJU)
    assert h.keadaan == KeadaanKegiatan(Tahap.EVALUASI, "reviu_1", 1)  # review starts again at the first step


@pytest.mark.parametrize("alasan", ["", "   "])
def test_kembalikan_tanpa_alasan_ditolak(alasan):
    k, _ = _ke_evaluasi()
    h = jalan(k, AksiTahap.KEMBALIKAN, pelaku=100, alasan=alasan)
    assert not h.sah and h.keadaan == k
    assert "alasan pengembalian wajib diisi" in h.temuan[0].pesan.lower()


def test_peninjau_salah_ditolak():
    k, _ = _ke_evaluasi()
    for pelaku in (None, 101, 555):
        h = jalan(k, AksiTahap.SETUJUI_REVIU, pelaku=pelaku)
        assert not h.sah and h.keadaan == k
        assert h.temuan[0].kode == "tahap.bukan_peninjau"
        assert "Kepala Bidang" in h.temuan[0].pesan and h.temuan[0].rujukan == "r1"
    h = jalan(k, AksiTahap.KEMBALIKAN, pelaku=101, alasan="x")
    assert not h.sah and "Kepala Bidang" in h.temuan[0].pesan


# --- data checks ----------------------------------------------------------------


@pytest.mark.parametrize("kolom", ["indikator", "target", "satuan"])
def test_keluar_perencanaan_butuh_kolom(kolom):
    data = dataclasses.replace(DATA, **{kolom: ""})
    k = KeadaanKegiatan(Tahap.PERENCANAAN, "rencana_kegiatan_anggaran")
    h = jalan(k, AksiTahap.MAJU, data=data)
    assert not h.sah and h.keadaan == k
    assert [t.kode for t in h.temuan] == [f"tahap.wajib.{kolom}"]
    assert kolom in h.temuan[0].pesan and "Lampiran Bab III huruf A angka 1" in h.temuan[0].rujukan
    # inside the stage the fields are not yet needed
    assert jalan(KEADAAN_AWAL, AksiTahap.MAJU, data=data).sah


def test_judul_wajib():
    h = jalan(KEADAAN_AWAL, AksiTahap.MAJU, data=DataKegiatan(judul=" "))
    assert not h.sah and h.temuan[0].kode == "tahap.wajib.judul"


def test_tenggat_sebelum_mulai_ditolak():
    data = dataclasses.replace(DATA, mulai=date(2025, 5, 1), tenggat=date(2025, 4, 30))
    for k in (KEADAAN_AWAL, KeadaanKegiatan(Tahap.PELAKSANAAN, "pelaksanaan")):
        h = jalan(k, AksiTahap.MAJU, data=data)
        assert not h.sah and "tenggat" in h.temuan[0].pesan and h.temuan[0].kode == "tahap.tenggat_sebelum_mulai"
    assert jalan(KEADAAN_AWAL, AksiTahap.MAJU, data=dataclasses.replace(data, tenggat=date(2025, 5, 1))).sah


def test_progres_di_luar_rentang():
    h = jalan(KEADAAN_AWAL, AksiTahap.MAJU, data=dataclasses.replace(DATA, progres=120))
    assert not h.sah and "progres" in h.temuan[0].pesan


def test_anggaran_negatif_ditolak():
    # Perwal Madiun 73/2023, Lampiran Bab III huruf A angka 1 huruf c: "rencana pelaksanaan kegiatan dan anggaran"
    h = jalan(KEADAAN_AWAL, AksiTahap.MAJU, data=dataclasses.replace(DATA, rencana_anggaran=-1))
    assert not h.sah and h.temuan[0].kode == "tahap.anggaran_negatif" and "Rencana anggaran" in h.temuan[0].pesan
    assert jalan(KEADAAN_AWAL, AksiTahap.MAJU, data=dataclasses.replace(DATA, rencana_anggaran=0)).sah


def test_sampaikan_hasil_tanpa_peninjau_ditolak():
    k = KeadaanKegiatan(Tahap.PELAKSANAAN, "hasil_disampaikan")
    h = jalan(k, AksiTahap.MAJU, daftar=())
    assert not h.sah and h.keadaan == k


# --- exhaustive table ---------------------------------------------------------------


def _sah(keadaan: KeadaanKegiatan, aksi: AksiTahap) -> bool:
    """Expected legality, given the right actor, a reason and complete data."""
    if keadaan.tahap in (Tahap.PERENCANAAN, Tahap.PELAKSANAAN):
        return aksi is AksiTahap.MAJU
    if keadaan.tahap is Tahap.EVALUASI:
        return aksi in (AksiTahap.SETUJUI_REVIU, AksiTahap.KEMBALIKAN)
    return False


TABEL = [(k, a) for k, a in itertools.product(semua_keadaan(len(DUA)), AksiTahap)]


@pytest.mark.parametrize(("keadaan", "aksi"), TABEL, ids=lambda x: getattr(x, "sub_tahap", str(x)))
def test_tabel_transisi(keadaan, aksi):
    pelaku = DUA[keadaan.reviu_ke - 1].pegawai_id if keadaan.reviu_ke else None
    h = jalan(keadaan, aksi, pelaku=pelaku, alasan="belum sesuai target")
    assert h.sah == _sah(keadaan, aksi)
    assert (aksi in aksi_tersedia(keadaan)) == _sah(keadaan, aksi)
    if not h.sah:
        assert h.keadaan == keadaan and h.temuan and all(t.memblokir and t.rujukan for t in h.temuan)
        assert keadaan.tahap.label in h.temuan[0].pesan  # names the current stage
    else:
        assert h.keadaan.tahap >= keadaan.tahap or aksi is AksiTahap.KEMBALIKAN
        assert h.selesai == (h.keadaan.tahap is Tahap.SELESAI)
        # the next state is one of the known states
        assert h.keadaan in list(semua_keadaan(len(DUA)))


def test_tabel_maju_urut():
    """MAJU walks every sub-step in order; the only exits are PERENCANAAN → PELAKSANAAN → EVALUASI."""
    urut = list(semua_keadaan(len(DUA)))
    for k in urut:
        if k.tahap in (Tahap.PERENCANAAN, Tahap.PELAKSANAAN):
            assert jalan(k, AksiTahap.MAJU).keadaan == urut[urut.index(k) + 1]


def test_selesai_menolak_semua_aksi_siapa_pun():
    k = KeadaanKegiatan(Tahap.SELESAI, "selesai")
    for aksi, pelaku in itertools.product(AksiTahap, (None, 100, 101)):
        h = jalan(k, aksi, pelaku=pelaku, alasan="x")
        assert not h.sah and h.keadaan == k and h.temuan[0].kode == "tahap.sudah_selesai"


@pytest.mark.parametrize(
    "keadaan",
    [
        KeadaanKegiatan(Tahap.PERENCANAAN, "ngawur"),
        KeadaanKegiatan(Tahap.EVALUASI, "reviu_3", 3),
        KeadaanKegiatan(Tahap.EVALUASI, "reviu_1", 0),
    ],
)
def test_keadaan_tidak_dikenal_ditolak(keadaan):
    for aksi in AksiTahap:
        h = jalan(keadaan, aksi, pelaku=100, alasan="x")
        assert not h.sah and h.keadaan == keadaan


# --- notes ------------------------------------------------------------------------


def test_catatan_pada_kegiatan_selesai_ditolak():
    assert boleh_catatan(KeadaanKegiatan(Tahap.SELESAI, "selesai")) is not None
    t = boleh_catatan(KeadaanKegiatan(Tahap.SELESAI, "selesai"), JenisCatatan.KENDALA)
    assert t is not None and t.memblokir and "Selesai" in t.pesan
    for k in semua_keadaan(2):
        if k.tahap is not Tahap.SELESAI:
            assert boleh_catatan(k) is None


def test_uraian_keadaan():
    ev = KeadaanKegiatan(Tahap.EVALUASI, "reviu_2", 2)
    assert ev.uraian(BAWAAN, DUA) == "Evaluasi — Reviu ke-2 oleh Kepala Dinas"
    assert KeadaanKegiatan(Tahap.PERENCANAAN, "pk_ditetapkan") == KEADAAN_AWAL and not KEADAAN_AWAL.selesai
    assert KeadaanKegiatan(Tahap.PELAKSANAAN, "pembagian_peran").uraian(BAWAAN) == "Pelaksanaan — Pembagian peran"


# --- the steps of a unit type's mechanism (profile [tahapan.*]) ---------------


def _tahapan(perencanaan, pelaksanaan, kembali):
    from sistemkerja_tui.aturan.profil_model import LangkahTahap, Tahapan

    def langkah(kunci):
        return LangkahTahap(kunci, kunci.replace("_", " ").capitalize(), "Kepala Bagian", "r")

    return Tahapan(tuple(map(langkah, perencanaan)), tuple(map(langkah, pelaksanaan)), kembali, "r")


RINGKAS = _tahapan(("pk_ditetapkan", "penugasan"), ("rincian", "kerja", "hasil_ke_kabag"), "kerja")


def test_mesin_berjalan_pada_langkah_jenis_unitnya():
    k, riwayat = KeadaanKegiatan.awal(RINGKAS), []
    while k.tahap is not Tahap.EVALUASI:
        riwayat.append(k.sub_tahap)
        h = jalan(k, AksiTahap.MAJU, tahapan=RINGKAS)
        assert h.sah, h.temuan
        k = h.keadaan
    assert riwayat == ["pk_ditetapkan", "penugasan", "rincian", "kerja", "hasil_ke_kabag"]
    # a return resumes at the step the mechanism names, not at the start of pelaksanaan
    h = jalan(k, AksiTahap.KEMBALIKAN, tahapan=RINGKAS, pelaku=100, alasan="Data belum lengkap")
    assert h.sah and h.keadaan == KeadaanKegiatan(Tahap.PELAKSANAAN, "kerja")


def test_langkah_di_luar_tahapan_kegiatan_ditolak():
    # a step of the baseline is not a step of a kegiatan planned with another mechanism
    h = jalan(KeadaanKegiatan(Tahap.PELAKSANAAN, "pembagian_peran"), AksiTahap.MAJU, tahapan=RINGKAS)
    assert not h.sah and h.temuan[0].kode == "tahap.sub_tahap_tidak_dikenal"
    assert "pembagian_peran" in h.temuan[0].pesan


def test_ceklis_disimpan_dan_dibaca_utuh():
    from sistemkerja_tui.aturan.tahap import tahapan_dari_json, tahapan_ke_json

    setda = muat_profil("madiun").tahapan_untuk([J.BAGIAN, J.ASISTEN, J.SEKRETARIAT_DAERAH])
    assert tahapan_dari_json(tahapan_ke_json(*setda)) == setda
    assert tahapan_dari_json("[]") is None


def test_label_langkah_dan_reviu():
    from sistemkerja_tui.aturan.tahap import label_sub_tahap

    assert label_sub_tahap("hasil_ke_kabag", RINGKAS) == "Hasil ke kabag"
    assert label_sub_tahap("reviu_1", RINGKAS, DUA) == "Reviu ke-1 oleh Kepala Bidang"
    assert label_sub_tahap("selesai", RINGKAS) == "Selesai"
