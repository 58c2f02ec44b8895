"""The acting user belongs to the running instance (issue 13, 1): two instances on one database each sign
their own letters. Measured before: a Surat Tugas made in the first window was signed by the head chosen in
the second, because both read one shared settings row."""

from __future__ import annotations

from datetime import date

from tests.bantu import sql

from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.layanan.surat import JenisSurat


def _dua_tim_dua_pimpinan(layanan, db) -> list[tuple[int, int, str]]:
    """Two teams with a ketua whose owner units have different heads: (tim, head's pegawai id, head's NIP)."""
    hasil: list[tuple[int, int, str]] = []
    for tim_id, unit_id in sql(
        db,
        "SELECT t.id, t.unit_id FROM tim_kerja t WHERE EXISTS (SELECT 1 FROM keanggotaan k WHERE k.tim_id = t.id "
        "AND k.peran = 'ketua' AND k.status = 'aktif') ORDER BY t.id",
    ):
        kepala = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(unit_id) if u.pimpinan][-1]
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
