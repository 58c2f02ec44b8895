"""The acting user belongs to the running instance (issue 13, 1): two instances on one database each sign
their own letters. Measured before: a Surat Tugas made in the first window was signed by the head chosen in
the second, because both read one shared settings row."""

from __future__ import annotations

from datetime import date

import pytest
from tests.bantu import sidik, sql

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.layanan.surat import JenisSurat


def _dua_tim_dua_pimpinan(layanan, db) -> list[tuple[int, int, str]]:
    """Two teams with a ketua in different Perangkat Daerah: (tim, the PD head's pegawai id, their NIP)."""
    hasil: list[tuple[int, int, str]] = []
    for tim_id, unit_id in sql(
        db,
        "SELECT t.id, t.unit_id FROM tim_kerja t WHERE EXISTS (SELECT 1 FROM keanggotaan k WHERE k.tim_id = t.id "
        "AND k.peran = 'ketua' AND k.status = 'aktif') ORDER BY t.id",
    ):
        pd = layanan.struktur.jalur_unit(unit_id)[0]  # a Keputusan is set by the Kepala Perangkat Daerah
        if pd.pimpinan is None:
            continue
        kepala = pd.pimpinan.pegawai_id
        if all(kepala != k for _, k, _ in hasil):
            ((nip,),) = sql(db, "SELECT nip FROM pegawai WHERE id = ?", kepala)
            hasil.append((tim_id, kepala, nip))
        if len(hasil) == 2:
            return hasil
    raise AssertionError("demo tanpa dua tim dengan pimpinan unit berbeda")


def test_dua_instans_menandatangani_sebagai_penggunanya_sendiri(db_demo):
    pertama, kedua = buka_database(db_demo).layanan, buka_database(db_demo).layanan
    try:
        (tim_a, kepala_a, nip_a), (tim_b, kepala_b, nip_b) = _dua_tim_dua_pimpinan(pertama, db_demo)
        pertama.pengguna.tetapkan(kepala_a)
        kedua.pengguna.tetapkan(kepala_b)  # after the first chose: the shared row now names B
        assert pertama.pengguna.sekarang().pegawai_id == kepala_a
        assert kedua.pengguna.sekarang().pegawai_id == kepala_b

        surat_a = pertama.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim_a, tanggal=date(2026, 3, 2))
        surat_b = kedua.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim_b, tanggal=date(2026, 3, 2))
        rapat = ["".join(s.teks.split()) for s in (surat_a, surat_b)]  # NIPs are written with spaces
        assert nip_a in rapat[0] and nip_b not in rapat[0]
        assert nip_b in rapat[1] and nip_a not in rapat[1]
        pelaku = dict(
            sql(
                db_demo,
                "SELECT s.nomor, r.pelaku_id FROM riwayat r JOIN surat s ON s.id = r.entitas_id "
                "WHERE r.aksi = 'surat_dibuat'",
            )
        )
        assert pelaku == {surat_a.nomor: kepala_a, surat_b.nomor: kepala_b}  # the audit names each instance's user
    finally:
        pertama.tutup()
        kedua.tutup()


def test_instans_baru_mulai_dengan_pilihan_terakhir(db_demo):
    layanan = buka_database(db_demo).layanan
    try:
        kepala = layanan.pengguna.calon()[1].pegawai_id
        layanan.pengguna.tetapkan(kepala)
    finally:
        layanan.tutup()
    berikut = buka_database(db_demo).layanan
    try:
        assert berikut.pengguna.sekarang().pegawai_id == kepala
    finally:
        berikut.tutup()


def test_mode_sendiri_pemda_sendiri_punya_satu_pemilik(db_demo):
    """Mode sendiri on a real Pemda (issue 13, 2): the first head chosen owns the installation; acting as another
    head is refused (their decisions are recorded from their letters) unless the owner is changed explicitly."""
    sql(db_demo, "UPDATE instansi SET fiktif = ?", False)  # the demo's data, as if it were the user's own Pemda
    layanan = buka_database(db_demo).layanan
    try:
        pemilik, lain = layanan.pengguna.calon()[:2]
        assert layanan.pengguna.pemilik() is None  # nobody chosen yet: the first choice is free
        layanan.pengguna.tetapkan(pemilik.pegawai_id)
        assert layanan.pengguna.pemilik().pegawai_id == pemilik.pegawai_id
        sebelum = sidik(db_demo)
        with pytest.raises(Ditolak, match="Keputusan pimpinan lain dicatat dari suratnya"):
            layanan.pengguna.tetapkan(lain.pegawai_id)
        assert sidik(db_demo) == sebelum
        layanan.pengguna.tetapkan(lain.pegawai_id, ganti_pemilik=True)  # a new head of the unit
        assert layanan.pengguna.pemilik().pegawai_id == lain.pegawai_id
        assert sql(db_demo, "SELECT aksi FROM riwayat WHERE aksi = 'ganti_pemilik'") == [("ganti_pemilik",)]
    finally:
        layanan.tutup()


def test_demo_tetap_boleh_berganti_pimpinan(layanan):
    a, b = layanan.pengguna.calon()[:2]
    layanan.pengguna.tetapkan(a.pegawai_id)
    layanan.pengguna.tetapkan(b.pegawai_id)  # the demo is for trying every role
    assert layanan.pengguna.sekarang().pegawai_id == b.pegawai_id


_INSTANS = """
import sys
from datetime import date
from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.layanan.surat import JenisSurat
db, kepala, tim = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
layanan = buka_database(db).layanan
layanan.pengguna.tetapkan(kepala)
print("siap", flush=True)
sys.stdin.readline()  # the test lets it go on once the other instance has chosen its own user
print(layanan.surat.buat(JenisSurat.KEPUTUSAN_TIM, tim_id=tim, tanggal=date(2026, 3, 2)).nomor, flush=True)
layanan.tutup()
"""


def test_dua_proses_menandatangani_sebagai_penggunanya_sendiri(db_demo):
    """The same with two real processes: the first chooses its head and waits; the second chooses another and
    makes its letter; then the first makes its letter — signed by its own head."""
    import subprocess
    import sys

    layanan = buka_database(db_demo).layanan
    try:
        (tim_a, kepala_a, nip_a), (tim_b, kepala_b, nip_b) = _dua_tim_dua_pimpinan(layanan, db_demo)
    finally:
        layanan.tutup()

    def mulai(kepala: int, tim: int) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", _INSTANS, db_demo, str(kepala), str(tim)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    pertama = mulai(kepala_a, tim_a)
    assert pertama.stdout is not None and pertama.stdin is not None
    assert pertama.stdout.readline().strip() == "siap"
    kedua = mulai(kepala_b, tim_b)
    keluaran_kedua, _ = kedua.communicate("\n", timeout=120)
    nomor_b = keluaran_kedua.split()[-1]
    keluaran_pertama, _ = pertama.communicate("\n", timeout=120)
    nomor_a = keluaran_pertama.split()[-1]
    assert pertama.returncode == kedua.returncode == 0
    teks = dict(sql(db_demo, "SELECT nomor, isi FROM surat"))
    assert nip_a in "".join(teks[nomor_a].split()) and nip_b not in "".join(teks[nomor_a].split())
    assert nip_b in "".join(teks[nomor_b].split())
