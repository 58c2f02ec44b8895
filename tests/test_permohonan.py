"""Penugasan requests: the routes each profile gives, and the state machine that walks them.

Every route step checked here quotes the seed passage it encodes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.bantu import galat, salin_profil, ubah

from sistemkerja_tui.aturan.enums import (
    JenisPermohonan,
    LingkupPenugasan,
    StatusKeanggotaan,
    StatusPermohonan,
)
from sistemkerja_tui.aturan.permohonan import (
    JENIS_LINGKUP,
    Aksi,
    Alur,
    AlurTidakDikenal,
    HasilTransisi,
    IsiSuratPermohonan,
    Keadaan,
    aksi_tersedia,
    alur,
    alur_semua,
    langkah_berikut,
    periksa_isi,
    status_keanggotaan,
    transisi,
)
from sistemkerja_tui.aturan.profil import Pihak, muat_profil
from sistemkerja_tui.paths import resource_dir

J, L, S = JenisPermohonan, LingkupPenugasan, StatusPermohonan
PROFIL = ["umum", "madiun", "luwu_utara", "klaten", "cilegon", "padang_panjang"]
KASUS = [(p, j, lk) for p in PROFIL for j, lk in JENIS_LINGKUP]
IDS = [f"{p}-{j.value}-{lk.value}" for p, j, lk in KASUS]

ISI = IsiSuratPermohonan(
    maksud_tujuan="Penyusunan kajian kebijakan pelayanan perizinan",
    kompetensi="Analis Kebijakan Ahli Muda; penguasaan analisis regulasi",
    ekspektasi="Naskah kajian kebijakan selesai dan disampaikan kepada Kepala Dinas",
    durasi="6 (enam) bulan, Januari sampai dengan Juni 2025",
)
CATATAN = "Disampaikan lisan pada rapat staf 6 Januari 2025: bersedia membantu penyusunan laporan."
JAWABAN = "Tersedia 2 (dua) Pejabat Fungsional yang sesuai kriteria."
DAFTAR = ("199001012015031001", "199205152019032002")


def buat_alur(nama: str, jenis: JenisPermohonan, lingkup: LingkupPenugasan) -> Alur:
    return alur(jenis, lingkup, muat_profil(nama))


def kw_ajukan() -> dict:
    return {"isi": ISI, "catatan_lisan": CATATAN}


def kw_langkah(a: Alur, i: int) -> dict:
    kw: dict = {"pihak_pelaku": a.langkah[i].pihak}
    if a.wajib_jawaban(i):
        kw |= {"jawaban_ketersediaan": JAWABAN, "daftar_pegawai": DAFTAR}
    return kw


def jalan(k: Keadaan, aksi: Aksi, a: Alur, **kw) -> HasilTransisi:
    hasil = transisi(k, aksi, a, **kw)
    assert hasil.ok, hasil.pesan
    assert hasil.temuan == ()
    return hasil


def diajukan(a: Alur, langkah: int = 0) -> Keadaan:
    """A request submitted and approved up to (not including) step `langkah`."""
    k = jalan(Keadaan.baru(), Aksi.AJUKAN, a, **kw_ajukan()).keadaan
    for i in range(langkah):
        k = jalan(k, Aksi.SETUJUI, a, **kw_langkah(a, i)).keadaan
    return k


def tertolak(hasil: HasilTransisi, sebelum: Keadaan, kode: str) -> str:
    """Assert a refusal with `kode` that leaves the state untouched; return the joined message."""
    assert not hasil.ok and not hasil.selesai
    assert hasil.keadaan == sebelum
    assert kode in [t.kode for t in hasil.temuan], hasil.pesan
    assert all(t.tingkat == "error" and t.rujukan for t in hasil.temuan)
    return hasil.pesan


# --- the routes each profile gives, with their passages ------------------------------

UMUM_B = "PermenPANRB 7/2022 (ketentuan bersama; mis. Perwal Cilegon 17/2023, Lampiran huruf B angka "
LUWU = "Perbup Luwu Utara 59/2023, Lampiran Bab II huruf B angka 2 huruf "
KLATEN = "Perbup Klaten 34/2024, Lampiran huruf B angka 2 huruf q angka "
PP = "Perwal Padang Panjang 48/2024, Lampiran III huruf "
PPK, PUO, PEMILIK = Pihak.PPK_PEGAWAI, Pihak.PIMPINAN_UNIT_PEGAWAI, Pihak.PIMPINAN_UNIT_PEMILIK_KINERJA
PYB, PYB_DITUJU = Pihak.PEJABAT_BERWENANG, Pihak.PEJABAT_BERWENANG_DITUJU

LANGKAH_UMUM = {
    # Cilegon Lampiran B.1.a: "dilakukan langsung oleh Pimpinan Unit Organisasi bersangkutan" — no approval.
    "penunjukan_dalam_unit": [],
    # B.1.b angka 2): "Pejabat Penilai Kinerja dituju dimana Pejabat Fungsional atau Pelaksana dimaksud berada,
    # memproses dan menjawab permohonan pelibatan"
    "penunjukan_lintas_unit": [(PPK, UMUM_B + "1 huruf b angka 2) sampai dengan angka 4))")],
    # B.1.c angka 2) "Apabila Pejabat yang Berwenang setuju"; 3) "disetujui oleh Pejabat yang Berwenang instansi
    # yang dituju"; 4) "Pejabat Penilai Kinerja ... menjawab ketersediaan"; 5) a) "Bilamana Pejabat yang
    # Berwenang menyetujui surat jawaban permohonan pelibatan beserta daftar"
    "penunjukan_lintas_instansi": [
        (PYB, UMUM_B + "1 huruf c angka 2))"),
        (PYB_DITUJU, UMUM_B + "1 huruf c angka 3))"),
        (PPK, UMUM_B + "1 huruf c angka 4) dan angka 5) huruf a))"),
        (PYB_DITUJU, UMUM_B + "1 huruf c angka 5) huruf a))"),
    ],
    # B.2.a angka 2): "Apabila Pimpinan Unit Organisasi menyetujui, maka Pimpinan Unit Organisasi menugaskan"
    "sukarela_dalam_unit": [(PUO, UMUM_B + "2 huruf a angka 2))")],
    # B.2.b angka 2) "apabila Pimpinan Unit Organisasi dituju menyetujui"; 3) "Apabila Pejabat Penilai Kinerja
    # bersangkutan menyetujui maka kemudian Pejabat Penilai Kinerja menyusun surat penugasan"
    "sukarela_lintas_unit": [(PEMILIK, UMUM_B + "2 huruf b angka 2))"), (PPK, UMUM_B + "2 huruf b angka 3))")],
}

LANGKAH = {
    "umum": LANGKAH_UMUM,
    "cilegon": LANGKAH_UMUM,  # Perwal Cilegon restates the baseline word for word (umum cites it).
    "madiun": {
        # Pasal 27 ayat (3): "dilakukan langsung oleh Pimpinan Unit Organisasi yang bersangkutan"
        "penunjukan_dalam_unit": [],
        # Pasal 27 ayat (4): "melalui persetujuan Pejabat Penilai Kinerja Pejabat Fungsional dan/atau pelaksana
        # dimaksud"; ayat (6): "ditindaklanjuti dengan penerbitan surat tugas dari Pejabat Penilai Kinerja"
        "penunjukan_lintas_unit": [(PPK, "Perwal Madiun 73/2023, Pasal 27 ayat (4) dan ayat (6)")],
        # Pasal 27 ayat (7) only "dapat melibatkan ... lintas instansi": the baseline steps.
        "penunjukan_lintas_instansi": LANGKAH_UMUM["penunjukan_lintas_instansi"],
        # Pasal 28 ayat (1) "permohonan aktif ... kepada Pimpinan Unit Organisasi"; Pasal 29 ayat (1) "secara lisan"
        "sukarela_dalam_unit": [(PUO, "Perwal Madiun 73/2023, Pasal 28 ayat (1) dan Pasal 29 ayat (1)")],
        # Pasal 29 ayat (2): "secara tertulis kepada Pimpinan Unit Organisasi yang dituju dengan tembusan Pejabat
        # Penilai Kinerja"; the PPK's approval itself comes from the baseline.
        "sukarela_lintas_unit": [
            (PEMILIK, "Perwal Madiun 73/2023, Pasal 29 ayat (2)"),
            (
                PPK,
                (
                    "PermenPANRB 7/2022 (ketentuan bersama; mis. Perwal Cilegon 17/2023, Lampiran huruf B angka 2 "
                    "huruf b angka 3); tidak dirinci dalam Perwal Madiun 73/2023, yang pada Pasal 29 ayat (2) menyebut "
                    "tembusan kepada Pejabat Penilai Kinerja)"
                ),
            ),
        ],
    },
    "luwu_utara": {
        "penunjukan_dalam_unit": [],
        # a angka 2) huruf b): "Pejabat Penilai Kinerja dituju ... memproses dan menjawab permohonan pelibatan"
        "penunjukan_lintas_unit": [(PPK, LUWU + "a angka 2) huruf b) sampai dengan huruf d)")],
        # a angka 3) huruf b) to e): the five steps of the cross-agency request
        "penunjukan_lintas_instansi": [
            (PYB, LUWU + "a angka 3) huruf b)"),  # "Apabila Pejabat yang Berwenang setuju"
            (PYB_DITUJU, LUWU + "a angka 3) huruf c)"),  # "disetujui oleh Pejabat yang Berwenang instansi yang dituju"
            (PPK, LUWU + "a angka 3) huruf d)"),  # "menjawab ketersediaan Pejabat Fungsional atau pelaksana"
            (PYB_DITUJU, LUWU + "a angka 3) huruf e), butir kesatu"),  # "menyetujui surat jawaban ... beserta daftar"
        ],
        # b angka 1) huruf b): "Apabila Pimpinan Unit Organisasi menyetujui"
        "sukarela_dalam_unit": [(PUO, LUWU + "b angka 1) huruf b)")],
        # b angka 2) huruf b) "Apabila Pimpinan Unit Organisasi dituju menyetujui"; c) "Apabila Pejabat Penilai
        # Kinerja bersangkutan menyetujui"
        "sukarela_lintas_unit": [(PEMILIK, LUWU + "b angka 2) huruf b)"), (PPK, LUWU + "b angka 2) huruf c)")],
    },
    "klaten": {
        "penunjukan_dalam_unit": [],
        # 1) huruf b): "Pimpinan Unit Organisasi Mitra Kerja memberikan surat balasan berisi persetujuan dan
        # rekomendasi ... atau penolakan yang disertai alasan"
        "penunjukan_lintas_unit": [(PUO, KLATEN + "1) huruf b), butir kedua")],
        # 1) huruf c): "Sekretaris Daerah atas nama Bupati menyampaikan surat permohonan pelibatan ... kepada
        # Pejabat yang Berwenang Instansi Pemerintah yang dituju"; "Bupati menerima surat balasan dari Instansi
        # Pemerintah lain berisi persetujuan dan rekomendasi"
        "penunjukan_lintas_instansi": [
            (PYB, KLATEN + "1) huruf c), butir kedua"),
            (PYB_DITUJU, KLATEN + "1) huruf c), butir ketiga"),
        ],
        # 2) huruf a): "Apabila Pimpinan Unit Organisasi menyetujui, maka Pimpinan Unit Organisasi menugaskan"
        "sukarela_dalam_unit": [(PUO, KLATEN + "2) huruf a), butir ketiga")],
        # 2) huruf b): "Pimpinan Unit Organisasi menyampaikan surat berisi persetujuan dan rekomendasi ... kepada
        # Pimpinan Unit Organisasi Mitra Kerja"
        "sukarela_lintas_unit": [(PUO, KLATEN + "2) huruf b), butir ketiga")],
    },
    "padang_panjang": {
        # Lampiran III huruf A angka 1: "dilakukan langsung oleh Pejabat Penilai Kinerja"
        "penunjukan_dalam_unit": [],
        # A angka 2 huruf b: "Pejabat Penilai Kinerja dituju ... memproses dan menjawab permohonan pelibatan"
        "penunjukan_lintas_unit": [(PPK, PP + "A angka 2 huruf b sampai dengan huruf d")],
        # A angka 3 huruf b "apabila pejabat yang berwenang setuju"; c "disetujui oleh pejabat yang berwenang
        # instansi yang dituju"; d "menjawab ketersediaan"; e "bilamana pejabat yang berwenang menyetujui surat
        # jawaban permohonan pelibatan beserta daftar"
        "penunjukan_lintas_instansi": [
            (PYB, PP + "A angka 3 huruf b"),
            (PYB_DITUJU, PP + "A angka 3 huruf c"),
            (PPK, PP + "A angka 3 huruf d"),
            (PYB_DITUJU, PP + "A angka 3 huruf e, butir kesatu"),
        ],
        # B angka 1: "apabila Pimpinan Unit Organisasi menyetujui, maka Pejabat Penilai Kinerja menugaskan"
        "sukarela_dalam_unit": [(PUO, PP + "B angka 1, butir kedua")],
        # B angka 2: "apabila Pimpinan Unit Organisasi dituju menyetujui"; "Apabila Pejabat Penilai Kinerja
        # bersangkutan menyetujui"
        "sukarela_lintas_unit": [(PEMILIK, PP + "B angka 2 huruf b"), (PPK, PP + "B angka 2 huruf c")],
    },
}


@pytest.mark.parametrize("nama", PROFIL)
def test_langkah_tiap_rute_dan_rujukannya(nama):
    profil = muat_profil(nama)
    for j, lk in JENIS_LINGKUP:
        a = alur(j, lk, profil)
        kunci = f"{'penunjukan' if j is J.PENUNJUKAN else 'sukarela'}_{lk.value}"
        assert [(s.pihak, s.rujukan) for s in a.langkah] == LANGKAH[nama][kunci], kunci
        for s in a.langkah:
            assert s.rujukan.startswith((profil.singkatan + ",", "PermenPANRB 7/2022 (ketentuan bersama"))
            assert s.sebutan and s.uraian


@pytest.mark.parametrize("nama", PROFIL)
def test_alur_mengikuti_rute_profil(nama):
    profil = muat_profil(nama)
    semua = alur_semua(profil)
    assert [(a.jenis, a.lingkup) for a in semua] == list(JENIS_LINGKUP)
    for a in semua:
        kunci = f"{'penunjukan' if a.jenis is J.PENUNJUKAN else 'sukarela'}_{a.lingkup.value}"
        rute = getattr(profil.persetujuan, kunci)
        assert (a.kepada, a.sebutan, a.tertulis, a.tembusan, a.rujukan) == (
            rute.kepada,
            rute.sebutan,
            rute.tertulis,
            rute.tembusan,
            rute.rujukan,
        )
        assert a.isi_permohonan == profil.persetujuan.isi_permohonan
        # The request goes to the party of the first step.
        assert not a.langkah or a.langkah[0].pihak is a.kepada
        # Only a penunjukan dalam unit takes effect without approval.
        assert a.berlaku_seketika == (kunci == "penunjukan_dalam_unit")


def test_klaten_lintas_unit_ke_pimpinan_unit_mitra_kerja():
    a = buat_alur("klaten", J.PENUNJUKAN, L.LINTAS_UNIT)
    # Lampiran huruf B angka 2 huruf q angka 1) huruf b): "mengirimkan surat permohonan ... kepada Pimpinan Unit
    # Organisasi Mitra Kerja dengan tembusan Pejabat Penilai Kinerja bersangkutan"
    assert (a.kepada, a.sebutan, a.tembusan) == (
        PUO,
        "Pimpinan Unit Organisasi Mitra Kerja",
        ("Pejabat Penilai Kinerja bersangkutan",),
    )
    assert [(s.pihak, s.sebutan) for s in a.langkah] == [(PUO, "Pimpinan Unit Organisasi Mitra Kerja")]
    k = diajukan(a)
    assert langkah_berikut(k, a).sebutan == "Pimpinan Unit Organisasi Mitra Kerja"
    # Not the PPK, as in the baseline.
    tertolak(transisi(k, Aksi.SETUJUI, a, pihak_pelaku=PPK), k, "pihak_tidak_berwenang")
    hasil = jalan(k, Aksi.SETUJUI, a, pihak_pelaku=PUO)
    assert hasil.selesai and hasil.keadaan.status is S.DISETUJUI
    # Elsewhere the cross-unit request goes to the target PPK.
    for nama in ("umum", "madiun", "luwu_utara", "cilegon", "padang_panjang"):
        assert [s.pihak for s in buat_alur(nama, J.PENUNJUKAN, L.LINTAS_UNIT).langkah] == [PPK]


def test_klaten_lintas_instansi_ke_bupati_up_sekda():
    a = buat_alur("klaten", J.PENUNJUKAN, L.LINTAS_INSTANSI)
    # 1) huruf c): "menyampaikan surat permohonan pelibatan ... kepada Bupati u.p. Sekretaris Daerah"
    assert (a.kepada, a.sebutan) == (PYB, "Bupati u.p. Sekretaris Daerah")
    assert [s.sebutan for s in a.langkah] == [
        "Bupati u.p. Sekretaris Daerah",
        "Pejabat yang Berwenang Instansi Pemerintah yang dituju",
    ]
    k = diajukan(a)
    pesan = tertolak(transisi(k, Aksi.SETUJUI, a, pihak_pelaku=PPK), k, "pihak_tidak_berwenang")
    assert "Bupati u.p. Sekretaris Daerah" in pesan
    k = jalan(k, Aksi.SETUJUI, a, pihak_pelaku=PYB).keadaan
    # "Bupati menerima surat balasan ... berisi persetujuan dan rekomendasi Pejabat Fungsional dan/atau Pelaksana"
    tertolak(transisi(k, Aksi.SETUJUI, a, pihak_pelaku=PYB_DITUJU), k, "jawaban_ketersediaan_kosong")
    hasil = jalan(k, Aksi.SETUJUI, a, pihak_pelaku=PYB_DITUJU, jawaban_ketersediaan=JAWABAN, daftar_pegawai=DAFTAR)
    assert hasil.selesai and hasil.keadaan.daftar_pegawai == DAFTAR


def test_sukarela_lintas_instansi_tidak_dikenal():
    # Luwu Utara Lampiran, Pengajuan sukarela: "hanya dapat dilakukan di dalam unit organisasi Pejabat Fungsional
    # bersangkutan dan lintas unit organisasi di dalam Instansi Pemerintah bersangkutan"
    assert (J.PENGAJUAN_SUKARELA, L.LINTAS_INSTANSI) not in JENIS_LINGKUP
    with pytest.raises(AlurTidakDikenal, match="hanya dapat dilakukan di dalam unit organisasi"):
        buat_alur("luwu_utara", J.PENGAJUAN_SUKARELA, L.LINTAS_INSTANSI)


# --- happy path, refusal, cancellation ------------------------------------------------


@pytest.mark.parametrize(("nama", "jenis", "lingkup"), KASUS, ids=IDS)
def test_jalur_bahagia(nama, jenis, lingkup):
    a = buat_alur(nama, jenis, lingkup)
    k = Keadaan.baru()
    assert status_keanggotaan(k, a) is StatusKeanggotaan.USULAN
    hasil = jalan(k, Aksi.AJUKAN, a, **kw_ajukan())
    if not a.langkah:
        # penunjukan dalam unit: effective at once
        assert hasil.selesai and hasil.keadaan.status is S.DISETUJUI
    else:
        assert not hasil.selesai and hasil.keadaan.status is S.DIAJUKAN
    k = hasil.keadaan
    for i in range(len(a.langkah)):
        assert status_keanggotaan(k, a) is StatusKeanggotaan.MENUNGGU
        assert langkah_berikut(k, a) == a.langkah[i]
        assert aksi_tersedia(k, a) == (Aksi.SETUJUI, Aksi.TOLAK, Aksi.BATALKAN)
        hasil = jalan(k, Aksi.SETUJUI, a, **kw_langkah(a, i))
        terakhir = i == len(a.langkah) - 1
        assert hasil.selesai == terakhir
        assert hasil.keadaan.langkah_disetujui == i + 1
        assert hasil.keadaan.status is (S.DISETUJUI if terakhir else S.DIAJUKAN)
        k = hasil.keadaan
    assert status_keanggotaan(k, a) is StatusKeanggotaan.AKTIF
    assert langkah_berikut(k, a) is None
    if a.wajib_catatan_lisan:
        assert k.catatan_lisan == CATATAN
    if lingkup is L.DALAM_UNIT:
        assert aksi_tersedia(k, a) == ()
        tertolak(transisi(k, Aksi.TERBITKAN_SURAT_TUGAS, a), k, "surat_tugas_bukan_lintas")
    else:
        assert aksi_tersedia(k, a) == (Aksi.TERBITKAN_SURAT_TUGAS,)
        hasil = jalan(k, Aksi.TERBITKAN_SURAT_TUGAS, a)
        assert hasil.keadaan.status is S.SURAT_TUGAS_TERBIT and not hasil.selesai
        assert status_keanggotaan(hasil.keadaan, a) is StatusKeanggotaan.AKTIF
        assert aksi_tersedia(hasil.keadaan, a) == ()


@pytest.mark.parametrize(("nama", "jenis", "lingkup"), KASUS, ids=IDS)
def test_penolakan_dengan_dan_tanpa_alasan(nama, jenis, lingkup):
    a = buat_alur(nama, jenis, lingkup)
    for i, langkah in enumerate(a.langkah):
        k = diajukan(a, i)
        for kosong in ("", "   \n"):
            pesan = tertolak(
                transisi(k, Aksi.TOLAK, a, pihak_pelaku=langkah.pihak, alasan=kosong), k, "alasan_penolakan_kosong"
            )
            assert "alasan penolakan wajib diisi" in pesan
            assert langkah.rujukan in pesan
        hasil = jalan(k, Aksi.TOLAK, a, pihak_pelaku=langkah.pihak, alasan="  Pegawai sedang tugas belajar.  ")
        assert hasil.keadaan.status is S.DITOLAK and not hasil.selesai
        assert hasil.keadaan.alasan == "Pegawai sedang tugas belajar."
        assert hasil.keadaan.langkah_disetujui == i
        assert status_keanggotaan(hasil.keadaan, a) is StatusKeanggotaan.DITOLAK
        assert aksi_tersedia(hasil.keadaan, a) == ()


@pytest.mark.parametrize(("nama", "jenis", "lingkup"), KASUS, ids=IDS)
def test_pembatalan(nama, jenis, lingkup):
    a = buat_alur(nama, jenis, lingkup)
    awal = [Keadaan.baru()] + [diajukan(a, i) for i in range(len(a.langkah))]
    for k in awal:
        # By the requester: no party check, reason optional.
        tanpa = jalan(k, Aksi.BATALKAN, a)
        assert tanpa.keadaan.status is S.DIBATALKAN and tanpa.keadaan.alasan == ""
        dengan = jalan(k, Aksi.BATALKAN, a, alasan="Kegiatan ditunda.", pihak_pelaku=PYB_DITUJU)
        assert dengan.keadaan.alasan == "Kegiatan ditunda." and not dengan.selesai
        assert status_keanggotaan(dengan.keadaan, a) is StatusKeanggotaan.DIBATALKAN


# --- every (status, action) pair not allowed is refused ---------------------------------

BOLEH = {  # the transition table, written out
    S.DRAF: {Aksi.AJUKAN, Aksi.BATALKAN},
    S.DIAJUKAN: {Aksi.SETUJUI, Aksi.TOLAK, Aksi.BATALKAN},
    S.DISETUJUI: {Aksi.TERBITKAN_SURAT_TUGAS},  # only for lintas requests
    S.DITOLAK: set(),
    S.DIBATALKAN: set(),
    S.SURAT_TUGAS_TERBIT: set(),
}
KE = {
    Aksi.AJUKAN: {S.DIAJUKAN, S.DISETUJUI},
    Aksi.SETUJUI: {S.DIAJUKAN, S.DISETUJUI},
    Aksi.TOLAK: {S.DITOLAK},
    Aksi.BATALKAN: {S.DIBATALKAN},
    Aksi.TERBITKAN_SURAT_TUGAS: {S.SURAT_TUGAS_TERBIT},
}


def _keadaan_uji(a: Alur) -> list[Keadaan]:
    n = len(a.langkah)
    hasil = [Keadaan(S.DRAF)]
    hasil += [Keadaan(S.DIAJUKAN, i) for i in range(n)]
    hasil += [Keadaan(S.DISETUJUI, n), Keadaan(S.DITOLAK), Keadaan(S.DIBATALKAN), Keadaan(S.SURAT_TUGAS_TERBIT, n)]
    return hasil


TABEL = [(nama, j, lk, k, aksi) for nama, j, lk in KASUS for k in _keadaan_uji(buat_alur(nama, j, lk)) for aksi in Aksi]


@pytest.mark.parametrize(
    ("nama", "jenis", "lingkup", "keadaan", "aksi"),
    TABEL,
    ids=[f"{n}-{j.value}-{lk.value}-{k.status.value}{k.langkah_disetujui}-{a.value}" for n, j, lk, k, a in TABEL],
)
def test_tabel_status_aksi(nama, jenis, lingkup, keadaan, aksi):
    a = buat_alur(nama, jenis, lingkup)
    boleh = aksi in BOLEH[keadaan.status] and (aksi is not Aksi.TERBITKAN_SURAT_TUGAS or lingkup is not L.DALAM_UNIT)
    assert (aksi in aksi_tersedia(keadaan, a)) == boleh
    kw = {"alasan": "Alasan tertulis.", **kw_ajukan()}
    if keadaan.status is S.DIAJUKAN:
        kw |= kw_langkah(a, keadaan.langkah_disetujui)
    hasil = transisi(keadaan, aksi, a, **kw)
    if boleh:
        assert hasil.ok, hasil.pesan
        assert hasil.keadaan.status in KE[aksi]
        return
    if aksi is Aksi.TERBITKAN_SURAT_TUGAS and keadaan.status is S.DISETUJUI:
        pesan = tertolak(hasil, keadaan, "surat_tugas_bukan_lintas")
        assert "hanya diterbitkan untuk penugasan lintas unit atau lintas instansi" in pesan
        return
    pesan = tertolak(hasil, keadaan, "status_tidak_sesuai")
    # The message names the current status and what the action needs.
    assert f"permohonan berstatus {keadaan.status.label.lower()}:" in pesan
    assert "hanya permohonan berstatus " in pesan
    assert a.rujukan in pesan


def test_pesan_status_menyebut_perbaikan():
    a = buat_alur("madiun", J.PENUNJUKAN, L.LINTAS_UNIT)
    k = diajukan(a)
    # approving a draft
    pesan = tertolak(transisi(Keadaan.baru(), Aksi.SETUJUI, a, pihak_pelaku=PPK), Keadaan.baru(), "status_tidak_sesuai")
    assert pesan.startswith(
        "Tidak dapat menyetujui permohonan berstatus draf: hanya permohonan berstatus diajukan "
        "yang dapat disetujui. Ajukan permohonan terlebih dahulu."
    )
    # approving twice
    k = jalan(k, Aksi.SETUJUI, a, pihak_pelaku=PPK).keadaan
    pesan = tertolak(transisi(k, Aksi.SETUJUI, a, pihak_pelaku=PPK), k, "status_tidak_sesuai")
    assert "berstatus disetujui" in pesan and "lanjutkan dengan menerbitkan surat tugas" in pesan
    # refusing an approved one
    assert (
        "Tidak dapat menolak permohonan berstatus disetujui"
        in transisi(k, Aksi.TOLAK, a, pihak_pelaku=PPK, alasan="x").pesan
    )
    # cancelling a refused one
    ditolak = jalan(diajukan(a), Aksi.TOLAK, a, pihak_pelaku=PPK, alasan="Beban kerja penuh.").keadaan
    pesan = transisi(ditolak, Aksi.BATALKAN, a).pesan
    assert pesan.startswith(
        "Tidak dapat membatalkan permohonan berstatus ditolak: hanya permohonan berstatus draf "
        "atau diajukan yang dapat dibatalkan. Permohonan sudah ditolak; buat permohonan baru"
    )
    # submitting twice names the step awaited
    pesan = transisi(diajukan(a), Aksi.AJUKAN, a, **kw_ajukan()).pesan
    assert "menunggu keputusan Pejabat Penilai Kinerja dimana" in pesan and "(langkah 1 dari 1)" in pesan


def test_aksi_dari_kode():
    a = buat_alur("umum", J.PENUNJUKAN, L.DALAM_UNIT)
    assert transisi(Keadaan.baru(), "ajukan", a).keadaan.status is S.DISETUJUI


# --- who decides -------------------------------------------------------------------


@pytest.mark.parametrize(("nama", "jenis", "lingkup"), KASUS, ids=IDS)
def test_pihak_salah_ditolak(nama, jenis, lingkup):
    a = buat_alur(nama, jenis, lingkup)
    for i, langkah in enumerate(a.langkah):
        k = diajukan(a, i)
        for pihak in [p for p in Pihak if p is not langkah.pihak] + [None]:
            for aksi in (Aksi.SETUJUI, Aksi.TOLAK):
                kw = kw_langkah(a, i) | {"pihak_pelaku": pihak, "alasan": "Alasan."}
                hasil = transisi(k, aksi, a, **kw)
                pesan = tertolak(hasil, k, "pihak_tidak_berwenang")
                assert [t.rujukan for t in hasil.temuan] == [langkah.rujukan]
                assert f"langkah {i + 1} dari {len(a.langkah)} adalah {langkah.sebutan}" in pesan
                if pihak is not None:
                    assert f"bukan {pihak.label}" in pesan


# --- what a request must carry ------------------------------------------------------

BIDANG = [
    ("maksud_tujuan", "maksud dan tujuan wajib diisi"),
    ("kompetensi", "kompetensi yang dibutuhkan wajib diisi"),
    ("ekspektasi", "ekspektasi/target kinerja wajib diisi"),
    ("durasi", "durasi pelibatan wajib diisi"),
]
RUJUKAN_ISI = {
    # Cilegon Lampiran huruf B angka 1: "paling sedikit memuat: 1) maksud dan tujuan ...; 4) durasi pelibatan"
    "umum": "PermenPANRB 7/2022 (ketentuan bersama; mis. Perwal Cilegon 17/2023, Lampiran huruf B angka 1, surat "
    "permohonan pelibatan paling sedikit memuat angka 1) sampai dengan 4))",
    # Luwu Utara Lampiran: "Surat permohonan pelibatan ... paling sedikit memuat: 1) maksud dan tujuan ..."
    "luwu_utara": "Perbup Luwu Utara 59/2023, Lampiran Bab II huruf B angka 2 huruf a, surat permohonan pelibatan "
    "paling sedikit memuat angka 1) sampai dengan 4)",
    # Klaten Lampiran B.2.q.1): "Surat permohonan pelibatan ... memuat antara lain"
    "klaten": "Perbup Klaten 34/2024, Lampiran huruf B angka 2 huruf q angka 1), surat permohonan pelibatan memuat "
    "antara lain",
}


@pytest.mark.parametrize("nama", PROFIL)
@pytest.mark.parametrize(("bidang", "frasa"), BIDANG)
def test_isi_permohonan_wajib(nama, bidang, frasa):
    profil = muat_profil(nama)
    isi = IsiSuratPermohonan(**{**ISI.__dict__, bidang: "  "})
    temuan = periksa_isi(isi, profil)
    assert [t.kode for t in temuan] == [f"isi_{bidang}_kosong"]
    assert frasa in temuan[0].pesan
    assert temuan[0].rujukan == profil.persetujuan.isi_permohonan.rujukan
    if nama in RUJUKAN_ISI:
        assert temuan[0].rujukan == RUJUKAN_ISI[nama]
    for j, lk in JENIS_LINGKUP:
        a = alur(j, lk, profil)
        hasil = transisi(Keadaan.baru(), Aksi.AJUKAN, a, isi=isi, catatan_lisan=CATATAN)
        # Written requests and every cross-boundary one (also Klaten's spoken sukarela lintas unit, answered by
        # letter to the Mitra Kerja) carry the four contents.
        assert a.wajib_isi == (a.tertulis or lk is not L.DALAM_UNIT)
        if a.tertulis or lk is not L.DALAM_UNIT:
            pesan = tertolak(hasil, Keadaan.baru(), f"isi_{bidang}_kosong")
            assert frasa in pesan and profil.persetujuan.isi_permohonan.rujukan in pesan
        else:
            assert hasil.ok  # spoken, within the unit: no letter


@pytest.mark.parametrize("nama", PROFIL)
def test_isi_kosong_semua_disebut(nama):
    profil = muat_profil(nama)
    assert periksa_isi(IsiSuratPermohonan("a", "b", "c", "d"), profil) == []
    assert [t.kode for t in periksa_isi(None, profil)] == [f"isi_{b}_kosong" for b, _ in BIDANG]
    a = alur(J.PENUNJUKAN, L.LINTAS_INSTANSI, profil)
    hasil = transisi(Keadaan.baru(), Aksi.AJUKAN, a)
    assert [t.kode for t in hasil.temuan] == [f"isi_{b}_kosong" for b, _ in BIDANG]
    # The butir text of the profile explains each field.
    assert "durasi pelibatan Pejabat Fungsional dan pelaksana" in hasil.pesan


def test_isi_memakai_profil_yang_diberikan():
    a = buat_alur("umum", J.PENUNJUKAN, L.LINTAS_UNIT)
    luwu = muat_profil("luwu_utara")
    hasil = transisi(Keadaan.baru(), Aksi.AJUKAN, a, profil=luwu)
    assert {t.rujukan for t in hasil.temuan} == {RUJUKAN_ISI["luwu_utara"]}


@pytest.mark.parametrize("nama", PROFIL)
def test_catatan_lisan(nama):
    profil = muat_profil(nama)
    lisan = []
    for j, lk in JENIS_LINGKUP:
        a = alur(j, lk, profil)
        hasil = transisi(Keadaan.baru(), Aksi.AJUKAN, a, isi=ISI, catatan_lisan=" ")
        if a.wajib_catatan_lisan:
            lisan.append((j, lk))
            pesan = tertolak(hasil, Keadaan.baru(), "catatan_lisan_kosong")
            assert "catatan lisan wajib diisi" in pesan and a.rujukan in pesan
        else:
            assert hasil.ok, hasil.pesan
    if nama == "klaten":
        # Lampiran B.2.q.2) huruf b): "Pejabat Fungsional atau Pelaksana menyampaikan keinginannya secara lisan
        # kepada Pimpinan Unit Organisasinya"
        assert lisan == [(J.PENGAJUAN_SUKARELA, L.DALAM_UNIT), (J.PENGAJUAN_SUKARELA, L.LINTAS_UNIT)]
    else:
        # Madiun Pasal 29 ayat (1): "Pengajuan sukarela dalam unit organisasi ... dilakukan secara lisan."
        assert lisan == [(J.PENGAJUAN_SUKARELA, L.DALAM_UNIT)]


@pytest.mark.parametrize("nama", PROFIL)
def test_jawaban_ketersediaan_lintas_instansi(nama):
    a = buat_alur(nama, J.PENUNJUKAN, L.LINTAS_INSTANSI)
    n = len(a.langkah)
    assert n >= 2 and a.wajib_jawaban(n - 1) and a.langkah[-1].wajib_jawaban_ketersediaan
    k = diajukan(a, n - 1)
    pihak = a.langkah[-1].pihak
    langkah_jawab = next(i for i in range(n) if a.wajib_jawaban(i))
    for jawaban, daftar, kode in (
        ("", DAFTAR, "jawaban_ketersediaan_kosong"),
        ("  ", DAFTAR, "jawaban_ketersediaan_kosong"),
        (JAWABAN, (), "daftar_pegawai_kosong"),
        (JAWABAN, (" ",), "daftar_pegawai_kosong"),
    ):
        # Recorded at an earlier step, the answer carries over: clear it to test the last step alone.
        kosong = Keadaan(k.status, k.langkah_disetujui)
        hasil = transisi(
            kosong, Aksi.SETUJUI, a, pihak_pelaku=pihak, jawaban_ketersediaan=jawaban, daftar_pegawai=daftar
        )
        pesan = tertolak(hasil, kosong, kode)
        assert "wajib diisi" in pesan and a.langkah[-1].rujukan in pesan
    if langkah_jawab < n - 1:
        # The PPK answers at its step (Luwu Utara huruf d); the final approval uses the answer on record.
        assert k.jawaban_ketersediaan == JAWABAN and k.daftar_pegawai == DAFTAR
        hasil = jalan(k, Aksi.SETUJUI, a, pihak_pelaku=pihak)
        assert hasil.selesai and hasil.keadaan.jawaban_ketersediaan == JAWABAN
    # Not available: the step refuses with the reason instead.
    ditolak = jalan(
        diajukan(a, langkah_jawab),
        Aksi.TOLAK,
        a,
        pihak_pelaku=a.langkah[langkah_jawab].pihak,
        alasan="Tidak tersedia pegawai yang sesuai kriteria.",
    )
    assert ditolak.keadaan.status is S.DITOLAK


@pytest.mark.parametrize("nama", PROFIL)
def test_jawaban_hanya_di_lintas_instansi(nama):
    for a in alur_semua(muat_profil(nama)):
        wajib = [i for i in range(len(a.langkah)) if a.wajib_jawaban(i)]
        if a.lingkup is not L.LINTAS_INSTANSI:
            assert wajib == []
        elif nama == "klaten":
            assert wajib == [1]  # "Bupati menerima surat balasan ... berisi persetujuan dan rekomendasi"
        else:
            # Luwu Utara huruf d) "menjawab ketersediaan" and e) "menyetujui surat jawaban ... beserta daftar"
            assert wajib == [2, 3]
            assert [a.langkah[i].wajib_jawaban_ketersediaan for i in range(4)] == [False, False, True, True]
            k = diajukan(a, 2)
            tertolak(transisi(k, Aksi.SETUJUI, a, pihak_pelaku=PPK), k, "jawaban_ketersediaan_kosong")
            hasil = jalan(
                k,
                Aksi.SETUJUI,
                a,
                pihak_pelaku=PPK,
                jawaban_ketersediaan=f"  {JAWABAN} ",
                daftar_pegawai=[" 199001012015031001 ", ""],
            )
            assert (hasil.keadaan.jawaban_ketersediaan, hasil.keadaan.daftar_pegawai) == (
                JAWABAN,
                ("199001012015031001",),
            )
            # The list as stored in a text column: one pegawai per line.
            teks = jalan(
                k,
                Aksi.SETUJUI,
                a,
                pihak_pelaku=PPK,
                jawaban_ketersediaan=JAWABAN,
                daftar_pegawai="199001012015031001 Budi, S.T.\n\n199205152019032002 Sari\n",
            )
            assert teks.keadaan.daftar_pegawai == ("199001012015031001 Budi, S.T.", "199205152019032002 Sari")


# --- state checks -------------------------------------------------------------------


@pytest.mark.parametrize(
    "keadaan", [Keadaan(S.DIAJUKAN, 1), Keadaan(S.DIAJUKAN, -1), Keadaan(S.DISETUJUI, 2), Keadaan(S.DRAF, 1)]
)
def test_keadaan_tidak_sah(keadaan):
    a = buat_alur("madiun", J.PENUNJUKAN, L.LINTAS_UNIT)  # one step
    for aksi in Aksi:
        pesan = tertolak(
            transisi(keadaan, aksi, a, pihak_pelaku=PPK, alasan="x", **kw_ajukan()), keadaan, "keadaan_tidak_sah"
        )
        assert "memuat 1 langkah persetujuan" in pesan


def test_status_keanggotaan_mencerminkan_permohonan():
    a = buat_alur("umum", J.PENGAJUAN_SUKARELA, L.LINTAS_UNIT)
    assert {s: status_keanggotaan(Keadaan(s, 2 if s in (S.DISETUJUI, S.SURAT_TUGAS_TERBIT) else 0), a) for s in S} == {
        S.DRAF: StatusKeanggotaan.USULAN,
        S.DIAJUKAN: StatusKeanggotaan.MENUNGGU,
        S.DISETUJUI: StatusKeanggotaan.AKTIF,
        S.SURAT_TUGAS_TERBIT: StatusKeanggotaan.AKTIF,
        S.DITOLAK: StatusKeanggotaan.DITOLAK,
        S.DIBATALKAN: StatusKeanggotaan.DIBATALKAN,
    }
    # One approval of two is still waiting.
    assert status_keanggotaan(diajukan(a, 1), a) is StatusKeanggotaan.MENUNGGU


def test_modul_permohonan_murni():
    kode = (
        "import json, sys\n"
        "from sistemkerja_tui.aturan import permohonan\n"
        "print(json.dumps(sorted(m for m in ('textual', 'sqlmodel', 'sqlalchemy', 'sqlite3', 'jinja2')"
        " if m in sys.modules)))\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert json.loads(hasil.stdout) == []


# --- the profile loader refuses broken routes -----------------------------------------


@pytest.fixture
def salinan(tmp_path) -> Path:
    return salin_profil(resource_dir("data") / "profil", tmp_path)


def test_langkah_pertama_harus_pihak_yang_dituju(salinan):
    ubah(
        salinan,
        "klaten",
        '[[persetujuan.penunjukan_lintas_unit.langkah]]\npihak = "pimpinan_unit_pegawai"',
        '[[persetujuan.penunjukan_lintas_unit.langkah]]\npihak = "ppk_pegawai"',
    )
    assert galat(salinan, "klaten") == (
        "Profil klaten.toml: langkah 'persetujuan.penunjukan_lintas_unit.langkah[0]' diputus oleh 'ppk_pegawai', "
        "padahal permohonan ditujukan kepada 'pimpinan_unit_pegawai' "
        "(kunci 'persetujuan.penunjukan_lintas_unit.kepada')."
    )


def test_langkah_terakhir_lintas_instansi_wajib_jawaban(salinan):
    lama = (
        "wajib_jawaban_ketersediaan = true\n"
        'rujukan = "Perbup Klaten 34/2024, Lampiran huruf B angka 2 huruf q angka 1) huruf c), butir ketiga"'
    )
    ubah(salinan, "klaten", lama, lama.replace("wajib_jawaban_ketersediaan = true\n", ""))
    assert galat(salinan, "klaten").startswith(
        "Profil klaten.toml: langkah terakhir 'persetujuan.penunjukan_lintas_instansi.langkah[1]' harus memuat "
        "'wajib_jawaban_ketersediaan = true'"
    )


def test_kunci_asing_di_langkah_ditolak(salinan):
    ubah(
        salinan,
        "umum",
        'uraian = "menjawab ketersediaan beserta daftar pegawai yang ditugaskan"\n',
        'uraian = "menjawab ketersediaan beserta daftar pegawai yang ditugaskan"\nurutan = 3\n',
    )
    assert galat(salinan, "cilegon").startswith(
        "Profil umum.toml: kunci 'persetujuan.penunjukan_lintas_instansi.langkah[2].urutan' tidak dikenal"
    )


def test_rute_wajib_langkah(salinan):
    berkas = salinan / "padang_panjang.toml"
    teks = berkas.read_text(encoding="utf-8")
    awal = teks.index("# butir kedua")
    akhir = teks.index("[persetujuan.sukarela_lintas_unit]")
    berkas.write_text(teks[:awal] + teks[akhir:], encoding="utf-8")
    ubah(
        salinan,
        "padang_panjang",
        'rujukan = "Perwal Padang Panjang 48/2024, Lampiran III huruf B angka 1"\n',
        'rujukan = "Perwal Padang Panjang 48/2024, Lampiran III huruf B angka 1"\nlangkah = []\n',
    )
    assert galat(salinan, "padang_panjang") == (
        "Profil padang_panjang.toml: rute 'persetujuan.sukarela_dalam_unit' tidak memuat satu pun langkah persetujuan."
    )


def test_langkah_tanpa_rujukan_atau_pihak_asing(salinan):
    ubah(
        salinan,
        "luwu_utara",
        'rujukan = "Perbup Luwu Utara 59/2023, Lampiran Bab II huruf B angka 2 huruf a angka 3) huruf c)"\n',
        "",
    )
    assert galat(salinan, "luwu_utara").startswith(
        "Profil luwu_utara.toml: aturan 'persetujuan.penunjukan_lintas_instansi.langkah[1]' tidak memuat 'rujukan'"
    )
    salinan2 = salinan.parent / "profil2"
    shutil.copytree(resource_dir("data") / "profil", salinan2)
    ubah(salinan2, "umum", 'pihak = "pejabat_berwenang_dituju"', 'pihak = "gubernur"')
    assert (
        "'persetujuan.penunjukan_lintas_instansi.langkah[1].pihak' berisi 'gubernur', bukan pihak yang dikenal"
        in galat(salinan2, "umum")
    )
