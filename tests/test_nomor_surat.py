"""Letter numbers: the pattern, and the counter under two processes writing at once."""

from __future__ import annotations

import multiprocessing
from collections import Counter

import pytest

from sistemkerja_tui.aturan.nomor_surat import POLA_BAWAAN, PolaNomorTidakSah, susun_nomor


def test_pola_bawaan_kode_klasifikasi_dahulu():
    """Permendagri 83/2022: the classification code comes first."""
    assert (
        susun_nomor(POLA_BAWAAN, kode_klasifikasi="800.1.2.3", nomor_urut=12, kode_unit="DINKES", tahun=2026)
        == "800.1.2.3/12/DINKES/2026"
    )


@pytest.mark.parametrize(
    ("pola", "pesan"),
    [
        ("{kode_klasifikasi}/{nomor}/{tahun}", "{nomor}"),
        ("{kode_klasifikasi}/{kode_unit}/{tahun}", "{nomor_urut}"),
        ("{kode_klasifikasi/{nomor_urut}", "tidak sah"),
    ],
)
def test_pola_salah_ditolak_dengan_pesan(pola, pesan):
    with pytest.raises(PolaNomorTidakSah) as e:
        susun_nomor(pola, kode_klasifikasi="800", nomor_urut=1, kode_unit="X", tahun=2026)
    assert pesan in str(e.value)


def test_kode_klasifikasi_wajib():
    with pytest.raises(PolaNomorTidakSah, match="Kode klasifikasi"):
        susun_nomor(POLA_BAWAAN, kode_klasifikasi=" ", nomor_urut=1, kode_unit="X", tahun=2026)


def _ambil(url: str, jumlah: int, antrean) -> None:
    from sistemkerja_tui.store.db import siapkan_database, transaksi
    from sistemkerja_tui.store.kueri.surat import nomor_berikut

    engine = siapkan_database(url)
    hasil = []
    for _ in range(jumlah):
        with transaksi(engine) as sesi:
            hasil.append(nomor_berikut(sesi, "800.1.2.3", "DINKES", 2026))
    engine.dispose()
    antrean.put(hasil)


def test_dua_proses_sekaligus_tanpa_nomor_ganda_atau_terlewat(engine, db_url):
    ctx = multiprocessing.get_context("spawn")
    antrean = ctx.Queue()
    proses = [ctx.Process(target=_ambil, args=(db_url, 40, antrean)) for _ in range(2)]
    for p in proses:
        p.start()
    nomor = antrean.get(timeout=120) + antrean.get(timeout=120)
    for p in proses:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert sorted(nomor) == list(range(1, 81))
    assert not [n for n, c in Counter(nomor).items() if c > 1]


def test_nomor_dikembalikan_bila_transaksi_gagal(engine):
    from sistemkerja_tui.store.db import transaksi
    from sistemkerja_tui.store.kueri.surat import nomor_berikut

    def daftar_gagal() -> None:
        with transaksi(engine) as sesi:
            assert nomor_berikut(sesi, "800", "SETDA", 2026) == 2
            raise RuntimeError("pendaftaran surat gagal")

    with transaksi(engine) as sesi:
        assert nomor_berikut(sesi, "800", "SETDA", 2026) == 1
    with pytest.raises(RuntimeError):
        daftar_gagal()
    with transaksi(engine) as sesi:
        assert nomor_berikut(sesi, "800", "SETDA", 2026) == 2  # no number skipped
        assert nomor_berikut(sesi, "800", "DINKES", 2026) == 1  # one counter per unit
        assert nomor_berikut(sesi, "800", "SETDA", 2027) == 1  # and per year
