"""A full unit import (`terapkan_unit(penuh=True)`, `sistemkerja impor unit --penuh`): a unit the file no longer
lists is closed (never deleted), shown in the preview first; a unit with active pegawai is not closed. And
cancelling: a read and an apply stop at the next check once `batal` is set, and an apply writes nothing."""

from __future__ import annotations

import threading

import pytest
from tests.berkas_impor import tabel_unit, tulis_csv, tulis_siasn_csv
from tests.test_cli_impor import jalankan
from tests.test_layanan_impor import UNIT, Pemda, baris_unit, hasil_pegawai, pegawai
from tests.test_layanan_impor import pemda as pemda

from sistemkerja_tui.layanan.impor import ImporDibatalkan, ImporDitolak

SEKSI = next(u for u in UNIT if u.nama.startswith("Seksi"))  # a leaf: U05 under the Bidang
BIDANG = next(u for u in UNIT if u.nama.startswith("Bidang"))


def _aktif(pemda: Pemda, nama: str) -> bool:
    return bool(pemda.sql("SELECT aktif FROM unit_organisasi WHERE nama = ?", nama)[0][0])


def test_unit_tidak_tercantum_ditutup_setelah_pratinjau(pemda: Pemda) -> None:
    tanpa_seksi = baris_unit([u for u in UNIT if u is not SEKSI])
    sebelum = pemda.sidik()  # (reopens the database: `pemda.layanan` is a new one)
    impor = pemda.layanan.impor
    p = impor.pratinjau_unit(tanpa_seksi, penuh=True)
    assert [(h.nama, h.unit) for h in p.hilang] == [(SEKSI.nama, BIDANG.nama)] and not p.ada_galat
    assert pemda.sidik() == sebelum  # the preview writes nothing
    impor = pemda.layanan.impor
    # without `penuh` nothing is closed
    assert impor.pratinjau_unit(tanpa_seksi).hilang == []

    h = impor.terapkan_unit(tanpa_seksi, oleh_id=None, penuh=True)
    assert h.dinonaktifkan == 1
    assert not _aktif(pemda, SEKSI.nama) and _aktif(pemda, BIDANG.nama)
    assert pemda.sql("SELECT count(*) FROM unit_organisasi") == [(len(UNIT),)]  # closed, not deleted
    jejak = pemda.sql(
        "SELECT r.aksi, u.nama FROM riwayat r JOIN unit_organisasi u ON u.id = r.entitas_id "
        "WHERE r.entitas = 'unit_organisasi' AND r.aksi = 'tutup_unit'"
    )
    assert jejak == [("tutup_unit", SEKSI.nama)]
    # the closed unit left the tree shown without a restart
    struktur = pemda.layanan.struktur
    bidang = next(
        u for u in struktur.anak_unit(struktur.unit_akar(struktur.instansi[0].id)[0].id) if u.nama == BIDANG.nama
    )
    assert struktur.anak_unit(bidang.id) == []
    # listed again, it is opened again
    impor.terapkan_unit(baris_unit(UNIT), oleh_id=None, penuh=True)
    assert _aktif(pemda, SEKSI.nama)


def test_unit_berpegawai_aktif_tidak_ditutup(pemda: Pemda) -> None:
    """Rujukan: issue 11 — a unit that still has active pegawai is not closed; the message names it and how many."""
    impor = pemda.layanan.impor
    semua = [p for p in pegawai(20) if p.unor_id == SEKSI.id]
    assert semua, "the fictional data puts pegawai in the Seksi"
    impor.terapkan_pegawai(hasil_pegawai(semua), oleh_id=None, lewati_galat=False, penuh=False)
    tanpa_bidang = baris_unit([u for u in UNIT if u not in (SEKSI, BIDANG)])
    p = impor.pratinjau_unit(tanpa_bidang, penuh=True)
    assert p.ada_galat and p.hilang == []
    (tolak,) = p.ditolak
    assert SEKSI.nama in tolak.alasan and f"{len(semua)} pegawai aktif" in tolak.alasan
    assert any(BIDANG.nama in w and "tetap dibuka" in w for w in p.peringatan)  # the unit above stays open
    sebelum = pemda.sidik()
    with pytest.raises(ImporDitolak):
        pemda.layanan.impor.terapkan_unit(tanpa_bidang, oleh_id=None, penuh=True)
    assert pemda.sidik() == sebelum


def test_cli_impor_unit_penuh(pemda: Pemda, tmp_path) -> None:
    pemda.layanan.tutup()
    unor = tulis_csv(tmp_path / "unor.csv", tabel_unit([u for u in UNIT if u is not SEKSI]))
    r = jalankan("impor", "unit", str(unor), "--penuh", "--pratinjau", "--db", pemda.url)
    assert r.returncode == 0, r.stderr
    assert "1 tidak ada di berkas (akan ditutup)" in r.stdout and SEKSI.nama in r.stdout
    r = jalankan("impor", "unit", str(unor), "--penuh", "--db", pemda.url)
    assert r.returncode == 0, r.stderr
    assert "1 ditutup" in r.stdout
    pemda.buka_lagi()
    assert not _aktif(pemda, SEKSI.nama)


# --- cancelling ------------------------------------------------------------------------------------------------


def test_batal_saat_membaca_pegawai_dan_unit(pemda: Pemda, tmp_path) -> None:
    """The read checks `batal` right after each progress report (every 1000 rows): set from the report at 1000,
    it stops there, before row 2000."""
    berkas_pegawai = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai(2500))
    induk = UNIT[0]
    unit = [[f"X{i:04d}", f"Seksi Fiktif {i}", induk.id] for i in range(2500)]
    berkas_unit = tulis_csv(tmp_path / "unor.csv", [["Id", "NamaUnor", "DiatasanId"], *unit])
    for baca, berkas in (
        (pemda.layanan.impor.baca_pegawai, berkas_pegawai),
        (pemda.layanan.impor.baca_unit, berkas_unit),
    ):
        batal, dilapor = threading.Event(), list[int]()

        def kemajuan(n: int, batal: threading.Event = batal, dilapor: list[int] = dilapor) -> None:
            dilapor.append(n)
            batal.set()

        with pytest.raises(ImporDibatalkan):
            baca(berkas, kemajuan=kemajuan, batal=batal)
        assert dilapor == [1000]
        assert len(baca(berkas).baris) == 2500  # read again without cancelling: whole


def test_batal_saat_menerapkan_unit_tidak_menulis(pemda: Pemda) -> None:
    baru = baris_unit([*UNIT, *(type(UNIT[0])(f"Y{i}", f"Seksi Baru {i}", UNIT[0].id, "") for i in range(3))])
    sebelum = pemda.sidik()
    batal, tahap = threading.Event(), []

    def kemajuan(t: str, selesai: int, total: int) -> None:
        tahap.append((t, selesai, total))
        if t == "tulis":
            batal.set()  # before the first batch: the check after it stops the apply

    with pytest.raises(ImporDibatalkan, match="database tidak diubah"):
        pemda.layanan.impor.terapkan_unit(baru, oleh_id=None, batal=batal, kemajuan=kemajuan)
    assert [t for t in tahap if t[0] == "tulis"] == [("tulis", 0, 3)]  # stopped after the first batch
    assert pemda.sidik() == sebelum


# --- a big first import ----------------------------------------------------------------------------------------


def test_impor_pertama_yang_besar_membangun_ulang_indeks(pemda: Pemda) -> None:
    """5 000 new pegawai into an empty table (`kueri.impor.BANYAK`): the indexes are dropped for the insert and
    built again in the same transaction — afterwards they are all there, and the unique NIP still holds; a cancel
    in between leaves them as they were."""
    from sqlalchemy import create_engine, inspect

    from sistemkerja_tui.store.kueri.impor import BANYAK

    def indeks() -> list[tuple[str, bool]]:
        engine = create_engine(pemda.url)
        try:
            return sorted((str(i["name"]), bool(i["unique"])) for i in inspect(engine).get_indexes("pegawai"))
        finally:
            engine.dispose()

    sebelum = indeks()
    semua = pegawai(BANYAK)
    # cancelled between the drop and the rebuild: the rollback brings the indexes back, nothing is written
    batal = threading.Event()

    def kemajuan(tahap: str, selesai: int, total: int) -> None:
        if tahap == "tulis":
            batal.set()  # before the first batch: the check after it, with the indexes dropped, stops the apply

    with pytest.raises(ImporDibatalkan):
        pemda.layanan.impor.terapkan_pegawai(
            hasil_pegawai(semua), oleh_id=None, lewati_galat=False, penuh=False, batal=batal, kemajuan=kemajuan
        )
    assert indeks() == sebelum and pemda.sql("SELECT count(*) FROM pegawai") == [(0,)]

    h = pemda.layanan.impor.terapkan_pegawai(hasil_pegawai(semua), oleh_id=None, lewati_galat=False, penuh=False)
    assert h.baru == BANYAK
    assert indeks() == sebelum and ("ix_pegawai_nip", True) in sebelum
    assert pemda.sql("SELECT count(*) FROM pegawai") == [(BANYAK,)]
    with pytest.raises(Exception, match=r"(?i)unique"):
        pemda.sql(
            "INSERT INTO pegawai (nip, nama, gelar_depan, gelar_belakang, status_asn, golongan, jenis_jabatan, "
            "nama_jabatan, pendidikan, hasil_penyetaraan, kompetensi, unit_id, aktif, alasan_nonaktif) "
            "SELECT nip, nama, gelar_depan, gelar_belakang, status_asn, golongan, jenis_jabatan, nama_jabatan, "
            "pendidikan, hasil_penyetaraan, kompetensi, unit_id, aktif, alasan_nonaktif FROM pegawai WHERE id = ?",
            pemda.sql("SELECT min(id) FROM pegawai")[0][0],
        )
