"""Queries of the tim kerja aggregate: teams, memberships, leader candidates, workload, ratings.

Read functions take a `Pembaca`; the others take the session of the use
case's transaction (`store.db.transaksi`). A row the use case decides on
(a team, a membership, a request, a rating) is read with a lock
(`with_for_update`: `SELECT … FOR UPDATE` on PostgreSQL, nothing on SQLite
where `BEGIN IMMEDIATE` already holds the write lock).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import PeranTim, StatusKeanggotaan, StatusPermohonan, StatusTim
from sistemkerja_tui.store.kueri import jalankan, syarat
from sistemkerja_tui.store.kueri.calon import KOLOM_CALON, sumber

if TYPE_CHECKING:
    from sqlmodel import Session

    from sistemkerja_tui.store.baca import Pembaca
    from sistemkerja_tui.store.models import Keanggotaan, PenilaianAnggota, Permohonan, TimKerja

_KOLOM_KANDIDAT = (
    "id, nama, gelar_depan, gelar_belakang, status_asn, jenis_jabatan, jenjang, kelas_jabatan, golongan, "
    "pendidikan, predikat_kinerja_1, predikat_kinerja_2, hasil_penyetaraan, unit_id, aktif, kompetensi, nama_jabatan"
)
_MENUNGGU = [StatusPermohonan.DRAF.value, StatusPermohonan.DIAJUKAN.value]
_ANGGOTA_AKTIF = StatusKeanggotaan.AKTIF.value


# --- teams ----------------------------------------------------------------------------


def tim(sesi: Session, tim_id: int, *, kunci: bool) -> TimKerja | None:
    """The team `tim_id`, locked when the use case changes it or its memberships."""
    from sistemkerja_tui.store.models import TimKerja

    return sesi.get(TimKerja, tim_id, with_for_update=kunci or None)


def unit_tim(pembaca: Pembaca, tim_id: int) -> int:
    """The owner unit of team `tim_id`; LookupError when there is no such team."""
    return int(pembaca.skalar("SELECT unit_id FROM tim_kerja WHERE id = :id", id=tim_id))


def unit_bentuk_tim(pembaca: Pembaca, tim_id: int) -> Any:
    """(unit_id, bentuk) of team `tim_id`; LookupError when there is no such team."""
    return pembaca.satu("SELECT unit_id, bentuk FROM tim_kerja WHERE id = :id", id=tim_id)


def daftar_tim(
    pembaca: Pembaca,
    *,
    tim_id: int | None = None,
    unit_ids: list[int] | None = None,
    tahun: int | None = None,
    status: StatusTim | None = None,
    jenis: str | None = None,
) -> list[Any]:
    """Teams with their ketua's name and member counts; dissolved ones last, newest first.

    `tahun` keeps a team of that budget year or running during it; `jenis`
    is a `JenisPembentukan` code.
    """
    kondisi: list[str] = ["1 = 1"]
    param: dict[str, Any] = {}
    if tim_id is not None:
        kondisi.append("t.id = :tim_id")
        param["tim_id"] = tim_id
    if unit_ids is not None:
        kondisi.append("t.unit_id IN :unit")
        param["unit"] = unit_ids
    if tahun is not None:
        kondisi.append("(t.tahun_anggaran = :tahun OR (t.mulai <= :akhir AND t.selesai >= :awal))")
        param.update(tahun=tahun, awal=date(tahun, 1, 1), akhir=date(tahun, 12, 31))
    if status is not None:
        kondisi.append("t.status = :status")
        param["status"] = status.value
    if jenis is not None:
        kondisi.append("t.jenis_pembentukan = :jenis")
        param["jenis"] = jenis
    return pembaca.semua(
        "SELECT t.id, t.nama, t.unit_id, t.bentuk, t.jenis_pembentukan, t.sasaran, t.tahun_anggaran, t.status, "
        "(SELECT p.nama FROM keanggotaan k JOIN pegawai p ON p.id = k.pegawai_id WHERE k.tim_id = t.id "
        " AND k.peran = :ketua AND k.status = :aktif LIMIT 1) AS ketua, "
        "(SELECT COUNT(*) FROM keanggotaan k WHERE k.tim_id = t.id AND k.status = :aktif) AS aktif, "
        "(SELECT COUNT(*) FROM keanggotaan k WHERE k.tim_id = t.id AND k.status = :menunggu) AS menunggu "
        f"FROM tim_kerja t WHERE {' AND '.join(kondisi)} ORDER BY t.status = :dibubarkan, t.mulai DESC, t.nama",
        ketua=PeranTim.KETUA.value,
        aktif=_ANGGOTA_AKTIF,
        menunggu=StatusKeanggotaan.MENUNGGU.value,
        dibubarkan=StatusTim.DIBUBARKAN.value,
        **param,
    )


def rincian_tim(pembaca: Pembaca, tim_id: int) -> Any:
    """Period, purpose and legal basis of team `tim_id`; LookupError when there is no such team."""
    return pembaca.satu("SELECT mulai, selesai, tujuan, dasar_penetapan FROM tim_kerja WHERE id = :id", id=tim_id)


def anggota_tim(pembaca: Pembaca, tim_id: int) -> list[Any]:
    """Every membership of team `tim_id` with its latest rating: leaders first, active before ended, by name."""
    return pembaca.semua(
        "SELECT k.id, k.pegawai_id, p.nama, p.gelar_depan, p.gelar_belakang, p.nama_jabatan, p.unit_id, k.peran, "
        "k.asal, k.status, k.uraian_peran, k.permohonan_id, (SELECT pa.predikat FROM penilaian_anggota pa "
        "WHERE pa.keanggotaan_id = k.id ORDER BY pa.periode_selesai DESC LIMIT 1) AS penilaian "
        "FROM keanggotaan k JOIN pegawai p ON p.id = k.pegawai_id "
        "WHERE k.tim_id = :id ORDER BY CASE k.peran WHEN :pengarah THEN 0 WHEN :penanggung_jawab THEN 1 "
        "WHEN :koordinator THEN 2 WHEN :ketua THEN 3 ELSE 4 END, k.status != :aktif, p.nama",
        id=tim_id,
        pengarah=PeranTim.PENGARAH.value,
        penanggung_jawab=PeranTim.PENANGGUNG_JAWAB.value,
        koordinator=PeranTim.KOORDINATOR.value,
        ketua=PeranTim.KETUA.value,
        aktif=_ANGGOTA_AKTIF,
    )


def bubarkan(sesi: Session, tim_id: int) -> None:
    """End the active memberships of team `tim_id` and cancel the pending ones and its pending requests.

    Call `permohonan_menunggu` first: the requests' transitions are recorded by the caller.
    """
    jalankan(
        sesi,
        "UPDATE keanggotaan SET status = :berakhir WHERE tim_id = :t AND status = :aktif",
        t=tim_id,
        berakhir=StatusKeanggotaan.BERAKHIR.value,
        aktif=_ANGGOTA_AKTIF,
    )
    jalankan(
        sesi,
        "UPDATE keanggotaan SET status = :dibatalkan WHERE tim_id = :t AND status IN :menunggu",
        t=tim_id,
        dibatalkan=StatusKeanggotaan.DIBATALKAN.value,
        menunggu=[StatusKeanggotaan.USULAN.value, StatusKeanggotaan.MENUNGGU.value],
    )
    jalankan(
        sesi,
        "UPDATE permohonan SET status = :dibatalkan WHERE tim_id = :t AND status IN :menunggu",
        t=tim_id,
        dibatalkan=StatusPermohonan.DIBATALKAN.value,
        menunggu=_MENUNGGU,
    )


def permohonan_menunggu(sesi: Session, tim_id: int) -> list[Any]:
    """(id, status) of team `tim_id`'s requests still in draft or submitted, locked."""
    from sqlmodel import col, select

    from sistemkerja_tui.store.models import Permohonan

    return list(
        sesi.execute(
            select(Permohonan.id, Permohonan.status)
            .where(Permohonan.tim_id == tim_id, col(Permohonan.status).in_(_MENUNGGU))
            .order_by(col(Permohonan.id))
            .with_for_update()
        ).all()
    )


def permohonan(sesi: Session, permohonan_id: int) -> Permohonan | None:
    """Request `permohonan_id`, locked: the caller decides on its status."""
    from sistemkerja_tui.store.models import Permohonan

    return sesi.get(Permohonan, permohonan_id, with_for_update=True)


# --- memberships ------------------------------------------------------------------------


def keanggotaan(sesi: Session, keanggotaan_id: int) -> Keanggotaan | None:
    """Membership `keanggotaan_id`, locked: the caller decides on its status."""
    from sistemkerja_tui.store.models import Keanggotaan

    return sesi.get(Keanggotaan, keanggotaan_id, with_for_update=True)


def keanggotaan_peran(sesi: Session, tim_id: int, pegawai_id: int, peran: PeranTim) -> Keanggotaan | None:
    """The membership of `pegawai_id` as `peran` in team `tim_id`, whatever its status, locked."""
    from sqlmodel import select

    from sistemkerja_tui.store.models import Keanggotaan

    return sesi.exec(
        select(Keanggotaan)
        .where(
            Keanggotaan.tim_id == tim_id,
            Keanggotaan.pegawai_id == pegawai_id,
            Keanggotaan.peran == peran.value,
        )
        .with_for_update()
    ).first()


def keanggotaan_berlaku(sesi: Session, tim_id: int, pegawai_id: int) -> list[Any]:
    """(peran, status) of `pegawai_id`'s active or pending memberships in team `tim_id`."""
    return list(
        jalankan(
            sesi,
            "SELECT peran, status FROM keanggotaan WHERE tim_id = :t AND pegawai_id = :p AND status IN :status",
            t=tim_id,
            p=pegawai_id,
            status=[_ANGGOTA_AKTIF, StatusKeanggotaan.MENUNGGU.value],
        ).all()
    )


def akhiri_keanggotaan_biasa(sesi: Session, tim_id: int, pegawai_id: int) -> None:
    """End `pegawai_id`'s active plain membership (anggota) of team `tim_id`: a leader role replaces it."""
    jalankan(
        sesi,
        "UPDATE keanggotaan SET status = :berakhir WHERE tim_id = :t AND pegawai_id = :p "
        "AND peran = :anggota AND status = :aktif",
        t=tim_id,
        p=pegawai_id,
        berakhir=StatusKeanggotaan.BERAKHIR.value,
        anggota=PeranTim.ANGGOTA.value,
        aktif=_ANGGOTA_AKTIF,
    )


def akhiri_peran(sesi: Session, tim_id: int, peran: PeranTim, *, kecuali: int) -> None:
    """The other holders of `peran` in team `tim_id` step down; other proposed candidates are cancelled."""
    param = {"t": tim_id, "r": peran.value, "p": kecuali}
    jalankan(
        sesi,
        "UPDATE keanggotaan SET status = :berakhir WHERE tim_id = :t AND peran = :r "
        "AND status = :aktif AND pegawai_id != :p",
        berakhir=StatusKeanggotaan.BERAKHIR.value,
        aktif=_ANGGOTA_AKTIF,
        **param,
    )
    jalankan(
        sesi,
        "UPDATE keanggotaan SET status = :dibatalkan WHERE tim_id = :t AND peran = :r "
        "AND status = :usulan AND pegawai_id != :p",
        dibatalkan=StatusKeanggotaan.DIBATALKAN.value,
        usulan=StatusKeanggotaan.USULAN.value,
        **param,
    )


def calon_ketua(sesi: Session, tim_id: int, peran: PeranTim = PeranTim.KETUA) -> set[int]:
    """Pegawai proposed as ketua (or `peran`) of team `tim_id` (Klaten Pasal 13 and 14), not yet decided on."""
    return {
        r[0]
        for r in jalankan(
            sesi,
            "SELECT pegawai_id FROM keanggotaan WHERE tim_id = :t AND peran = :ketua AND status = :usulan",
            t=tim_id,
            ketua=peran.value,
            usulan=StatusKeanggotaan.USULAN.value,
        ).all()
    }


def ada_pemegang(sesi: Session, tim_id: int, peran: PeranTim) -> bool:
    """Whether team `tim_id` has an active holder of `peran`."""
    return (
        jalankan(
            sesi,
            "SELECT 1 FROM keanggotaan WHERE tim_id = :t AND peran = :r AND status = :s_anggota_aktif",
            t=tim_id,
            r=peran.value,
            **syarat.PARAM,
        ).first()
        is not None
    )


def unit_pegawai(sesi: Session, pegawai_id: int) -> int:
    """The unit of pegawai `pegawai_id` (who must exist)."""
    return int(jalankan(sesi, "SELECT unit_id FROM pegawai WHERE id = :id", id=pegawai_id).scalar_one())


# --- candidates ----------------------------------------------------------------------------


def jabatan_pegawai(pembaca: Pembaca, pegawai_id: int) -> Any:
    """(jenis_jabatan, unit_id) of pegawai `pegawai_id`; LookupError when there is none."""
    return pembaca.satu("SELECT jenis_jabatan, unit_id FROM pegawai WHERE id = :id", id=pegawai_id)


def kandidat(sesi: Session, pegawai_id: int) -> Any | None:
    """The columns the criteria read of pegawai `pegawai_id`, None when there is none."""
    return jalankan(sesi, f"SELECT {_KOLOM_KANDIDAT} FROM pegawai WHERE id = :id", id=pegawai_id).one_or_none()


def calon_pimpinan_sesi(sesi: Session, unit_ids: list[int], *, kecuali_tim: int) -> list[Any]:
    """The criteria's columns, the NIP and the leader roles held elsewhere (`peran_pimpinan`, `kelompok_kerja`)
    of every candidate to lead team `kecuali_tim` (`kueri.calon.sumber`), inside a use case's transaction:
    setting a leader judges the pool it is chosen from."""
    dari, param = sumber(kecuali_tim)
    kolom = ", ".join(f"p.{c.strip()}" for c in KOLOM_CALON.split(","))
    sql = f"SELECT {kolom}, COALESCE(pp.n, 0) AS peran_pimpinan, COALESCE(kk.n, 0) AS kelompok_kerja {dari}"
    return list(jalankan(sesi, sql, unit=unit_ids, **param).all())


def peran_pimpinan_per_bentuk(sesi: Session, pegawai_id: int, *, kecuali_tim: int | None) -> list[tuple[str, int]]:
    """(bentuk, count) of the leader roles `pegawai_id` holds in running teams other than `kecuali_tim`."""
    return [
        (r[0], int(r[1]))
        for r in jalankan(
            sesi,
            "SELECT t.bentuk, COUNT(*) FROM keanggotaan k JOIN tim_kerja t ON t.id = k.tim_id "
            f"WHERE k.pegawai_id = :id AND {syarat.peran_pimpinan_aktif('k', 't')} AND t.id != :tim "
            "GROUP BY t.bentuk",
            id=pegawai_id,
            tim=-1 if kecuali_tim is None else kecuali_tim,
            **syarat.PARAM,
        ).all()
    ]


# --- workload and ratings ----------------------------------------------------------------------


def beban(pembaca: Pembaca, unit_ids: list[int]) -> list[Any]:
    """Per active JF/pelaksana of `unit_ids`: running teams (`tim`) and leader roles (`pimpinan`), heaviest first.

    Whether a load is above average is `aturan.aturan_tim.beban_di_atas_rata_rata`.
    """
    return pembaca.semua(
        "SELECT p.id, p.nama, p.gelar_depan, p.gelar_belakang, p.nama_jabatan, "
        f"COUNT(DISTINCT CASE WHEN {syarat.keanggotaan_berjalan('k', 't')} THEN k.tim_id END) AS tim, "
        f"COUNT(CASE WHEN {syarat.peran_pimpinan_aktif('k', 't')} THEN 1 END) AS pimpinan "
        "FROM pegawai p LEFT JOIN keanggotaan k ON k.pegawai_id = p.id LEFT JOIN tim_kerja t ON t.id = k.tim_id "
        f"WHERE {syarat.staf_aktif('p')} AND p.unit_id IN :unit "
        "GROUP BY p.id, p.nama, p.gelar_depan, p.gelar_belakang, p.nama_jabatan "
        "ORDER BY tim DESC, pimpinan DESC, p.nama",
        unit=unit_ids,
        **syarat.PARAM,
    )


def penilaian(sesi: Session, keanggotaan_id: int, periode_selesai: date) -> PenilaianAnggota | None:
    """The rating of membership `keanggotaan_id` for the period ending `periode_selesai`, locked."""
    from sqlmodel import select

    from sistemkerja_tui.store.models import PenilaianAnggota

    return sesi.exec(
        select(PenilaianAnggota)
        .where(
            PenilaianAnggota.keanggotaan_id == keanggotaan_id,
            PenilaianAnggota.periode_selesai == periode_selesai,
        )
        .with_for_update()
    ).first()
