"""Mode sendiri (issue 13, 2): another unit's decision is recorded from its letter. The step is taken as its party;
the history says who recorded it and from which letter — never that the other head acted."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from tests.bantu import sidik, sql

from sistemkerja_tui.aturan.enums import StatusPermohonan
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.penugasan import JawabanSurat

HARI_INI = date(2026, 3, 10)


def _menunggu(db) -> tuple[int, int, int]:
    """A submitted lintas-unit request of the demo: (id, the head awaited, the requester)."""
    return sql(
        db,
        "SELECT id, penerima_id, pemohon_id FROM permohonan WHERE status = 'diajukan' AND lingkup = 'lintas_unit' "
        "AND penerima_id IS NOT NULL AND pemohon_id IS NOT NULL ORDER BY id LIMIT 1",
    )[0]


def _jawaban(**ubah: Any) -> JawabanSurat:
    nilai: dict[str, Any] = {
        "setuju": True,
        "kantor": "Dinas Kesehatan",
        "nomor": "800/41/DINKES/2026",
        "tanggal": date(2026, 3, 9),
    } | ubah
    return JawabanSurat(**nilai)


def test_persetujuan_dicatat_dari_surat_bukan_oleh_pimpinan_lain(layanan, db_demo):
    permohonan, penerima, pemohon = _menunggu(db_demo)
    status = layanan.penugasan.catat_jawaban(permohonan, _jawaban(), oleh_id=pemohon, hari_ini=HARI_INI)
    assert status is StatusPermohonan.DISETUJUI
    terakhir = layanan.penugasan.detail(permohonan).riwayat[-1]
    assert terakhir.dari_surat == "dari surat Dinas Kesehatan nomor 800/41/DINKES/2026 tanggal 9 Maret 2026"
    ((oleh, nomor, tanggal),) = sql(
        db_demo,
        "SELECT oleh_id, surat_nomor, surat_tanggal FROM riwayat_permohonan WHERE permohonan_id = ? "
        "AND surat_nomor IS NOT NULL",
        permohonan,
    )
    assert (oleh, nomor, tanggal) == (pemohon, "800/41/DINKES/2026", "2026-03-09")
    pelaku = sql(
        db_demo,
        "SELECT DISTINCT pelaku_id FROM riwayat WHERE aksi = 'permohonan_setujui' AND entitas_id = ?",
        permohonan,
    )
    assert pelaku == [(pemohon,)] and penerima != pemohon  # the audit names the recorder, not the other head


def test_penolakan_dari_surat_membawa_alasannya(layanan, db_demo):
    permohonan, _, pemohon = _menunggu(db_demo)
    jawaban = _jawaban(setuju=False, alasan="Pegawai sedang tugas belajar")
    assert layanan.penugasan.catat_jawaban(permohonan, jawaban, oleh_id=pemohon, hari_ini=HARI_INI) is (
        StatusPermohonan.DITOLAK
    )
    assert layanan.penugasan.detail(permohonan).alasan_penolakan == "Pegawai sedang tugas belajar"


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"kantor": "  "}, "Kantor penjawab wajib diisi"),
        ({"nomor": ""}, "Nomor surat jawaban wajib diisi"),
        ({"tanggal": date(2026, 3, 11)}, "tidak boleh sesudah hari ini"),
        ({"setuju": False}, "Alasan penolakan wajib diisi"),
        ({"berkas": "/tidak/ada/pindaian.pdf"}, "pindaian.pdf tidak ditemukan"),
    ],
)
def test_isian_salah_ditolak_tanpa_menulis(layanan, db_demo, ubah, pesan):
    permohonan, _, pemohon = _menunggu(db_demo)
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match=pesan):
        layanan.penugasan.catat_jawaban(permohonan, _jawaban(**ubah), oleh_id=pemohon, hari_ini=HARI_INI)
    assert sidik(db_demo) == sebelum


def test_pihak_yang_ditunggu_memutus_langsung_bukan_mencatat(layanan, db_demo):
    permohonan, penerima, _ = _menunggu(db_demo)
    sebelum = sidik(db_demo)
    with pytest.raises(Ditolak, match="menunggu keputusan Anda sendiri"):
        layanan.penugasan.catat_jawaban(permohonan, _jawaban(), oleh_id=penerima, hari_ini=HARI_INI)
    assert sidik(db_demo) == sebelum


def test_pindaian_surat_disimpan_pathnya(layanan, db_demo, tmp_path):
    permohonan, _, pemohon = _menunggu(db_demo)
    pindaian = tmp_path / "jawaban.pdf"
    pindaian.write_bytes(b"%PDF-1.4\n")
    layanan.penugasan.catat_jawaban(permohonan, _jawaban(berkas=str(pindaian)), oleh_id=pemohon, hari_ini=HARI_INI)
    assert sql(db_demo, "SELECT surat_berkas FROM riwayat_permohonan WHERE surat_berkas IS NOT NULL") == [
        (str(pindaian),)
    ]
