"""Requests and kegiatan through `store.kueri`: one audit row per step naming the actor, a decision applied
once even when several processes make it at the same moment, and no SQL left in their use cases."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.bantu import bidang_dinas, ke_evaluasi

from sistemkerja_tui.aturan.sebutan import nama_lengkap
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.kegiatan import JenisCatatan, KegiatanBaru, Tahap

AKAR = Path(__file__).resolve().parents[1]


def _sql(db: str, query: str, **param) -> list[tuple]:
    """Rows of `query` on the database `db` (a SQLite path or a URL), read through the app's one read path."""
    from sistemkerja_tui.store.baca import Pembaca
    from sistemkerja_tui.store.db import buat_engine, url_database

    pembaca = Pembaca.untuk_engine(buat_engine(url_database(db)))
    try:
        return [tuple(r) for r in pembaca.semua(query, **param)]
    finally:
        pembaca.tutup()


def _isi(db) -> str:
    """Digest of every row a decision can touch."""
    h = hashlib.sha256()
    for tabel in ("permohonan", "riwayat_permohonan", "keanggotaan", "kegiatan", "riwayat_tahap", "catatan", "riwayat"):
        h.update(repr(_sql(db, f"SELECT * FROM {tabel} ORDER BY 1")).encode())
    return h.hexdigest()


def _menunggu(db) -> list[tuple[int, int]]:
    """(permohonan, penerima) of the demo's submitted lintas-unit penunjukan: one approval each (Madiun; the demo's
    pengajuan sukarela takes two)."""
    return _sql(
        db,
        "SELECT id, penerima_id FROM permohonan WHERE status = 'diajukan' AND lingkup = 'lintas_unit' "
        "AND jenis = 'penunjukan' AND penerima_id IS NOT NULL ORDER BY id",
    )


def _nama(db, pegawai_id: int) -> str:
    (baris,) = _sql(db, "SELECT nama, gelar_depan, gelar_belakang FROM pegawai WHERE id = :id", id=pegawai_id)
    return nama_lengkap(*baris)


def _audit(db, entitas: str, entitas_id: int) -> list[tuple]:
    return _sql(
        db,
        "SELECT aksi, pelaku_id, pelaku FROM riwayat WHERE entitas = :e AND entitas_id = :id ORDER BY id",
        e=entitas,
        id=entitas_id,
    )


def _kegiatan(layanan, db, judul: str = "Profil kesehatan 2026", **data) -> tuple[int, int, int]:
    unit_id, pegawai_id = bidang_dinas(db)
    isi: dict[str, Any] = {
        "indikator": "Dokumen terbit",
        "target": "1",
        "satuan": "dokumen",
        "pegawai_id": pegawai_id,
        "mulai": date(2026, 1, 5),
        "tenggat": date(2026, 6, 30),
    } | data
    return layanan.kegiatan.buat(KegiatanBaru(unit_id, judul, **isi), oleh_id=pegawai_id), unit_id, pegawai_id


# --- (a) one audit row per step, naming the actor -------------------------------------------------


def test_persetujuan_menulis_satu_baris_audit_atas_nama_pelaku(layanan, db_demo):
    pid, ppk = _menunggu(db_demo)[0]
    sebelum = _audit(db_demo, "permohonan", pid)
    assert layanan.penugasan.setujui(pid, oleh_id=ppk).label == "Disetujui"
    assert _audit(db_demo, "permohonan", pid) == [*sebelum, ("permohonan_setujui", ppk, _nama(db_demo, ppk))]
    assert _sql(
        db_demo, "SELECT COUNT(*) FROM riwayat_permohonan WHERE permohonan_id = :p AND aksi = 'setujui'", p=pid
    ) == [(1,)]  # the request's own history is kept as well


def test_langkah_kegiatan_menulis_satu_baris_audit_atas_nama_pelaku(layanan, db_demo):
    kid, _, pegawai_id = _kegiatan(layanan, db_demo)
    layanan.kegiatan.maju(kid, oleh_id=pegawai_id)
    nama = _nama(db_demo, pegawai_id)
    assert _audit(db_demo, "kegiatan", kid) == [
        ("buat_kegiatan", pegawai_id, nama),
        ("kegiatan_maju", pegawai_id, nama),
    ]
    assert _sql(db_demo, "SELECT COUNT(*) FROM riwayat_tahap WHERE kegiatan_id = :k", k=kid) == [(2,)]


def test_reviu_dan_catatan_kegiatan_tercatat_di_audit(layanan, db_demo):
    kid, unit_id, pegawai_id = _kegiatan(layanan, db_demo)
    kabid, kadis = (p.pegawai_id for p in layanan.kegiatan.peninjau(unit_id))
    ke_evaluasi(layanan, kid, pegawai_id)
    layanan.kegiatan.kembalikan(kid, "Data belum lengkap", oleh_id=kabid)
    layanan.kegiatan.catat(kid, JenisCatatan.LAPORAN_BERKALA, "Data dilengkapi", oleh_id=pegawai_id, progres=60)
    ke_evaluasi(layanan, kid, pegawai_id)
    layanan.kegiatan.setujui(kid, oleh_id=kabid)
    layanan.kegiatan.setujui(kid, oleh_id=kadis)
    audit = [a for a in _audit(db_demo, "kegiatan", kid) if a[0] != "kegiatan_maju"]
    assert audit == [
        ("buat_kegiatan", pegawai_id, _nama(db_demo, pegawai_id)),
        ("kegiatan_kembalikan", kabid, _nama(db_demo, kabid)),
        ("catatan_laporan_berkala", pegawai_id, _nama(db_demo, pegawai_id)),
        ("kegiatan_setujui_reviu", kabid, _nama(db_demo, kabid)),
        ("kegiatan_setujui_reviu", kadis, _nama(db_demo, kadis)),
    ]
    ((rincian,),) = _sql(
        db_demo,
        "SELECT rincian FROM riwayat WHERE entitas = 'kegiatan' AND entitas_id = :k AND aksi = 'kegiatan_kembalikan'",
        k=kid,
    )
    rincian = json.loads(rincian)
    assert rincian["dari"] == "evaluasi/reviu_1" and rincian["ke"].startswith("pelaksanaan/")
    assert rincian["alasan"] == "Data belum lengkap"


def test_penugasan_individu_mencatat_kegiatan_dan_permohonan_di_audit(layanan, db_demo):
    from sistemkerja_tui.layanan.penugasan import DataIndividu

    unit_id, pegawai_id = bidang_dinas(db_demo)
    kabid = layanan.kegiatan.peninjau(unit_id)[0].pegawai_id
    data = DataIndividu(unit_id, pegawai_id, "Menyusun profil gizi", mulai=date(2026, 1, 5))
    assert layanan.penugasan.tugaskan_individu(data, oleh_id=kabid).label == "Aktif"
    ((kid, pid),) = _sql(
        db_demo,
        "SELECT k.id, p.id FROM kegiatan k JOIN permohonan p ON p.kegiatan_id = k.id "
        "WHERE k.judul = 'Menyusun profil gizi'",
    )
    nama = _nama(db_demo, kabid)
    assert _audit(db_demo, "kegiatan", kid) == [("buat_kegiatan", kabid, nama)]
    assert _audit(db_demo, "permohonan", pid) == [("permohonan_ajukan", kabid, nama)]


# --- (b) a step already taken is refused and changes nothing ------------------------------------


def test_menyetujui_dua_kali_ditolak_tanpa_mengubah_database(layanan, db_demo):
    pid, ppk = _menunggu(db_demo)[0]
    layanan.penugasan.setujui(pid, oleh_id=ppk)
    sebelum = _isi(db_demo)
    with pytest.raises(Ditolak, match="sudah disetujui") as e:
        layanan.penugasan.setujui(pid, oleh_id=ppk)
    assert "SELECT" not in e.value.pesan and "Traceback" not in e.value.pesan
    assert _isi(db_demo) == sebelum


def test_reviu_yang_sudah_disetujui_ditolak_tanpa_mengubah_database(layanan, db_demo):
    kid, unit_id, pegawai_id = _kegiatan(layanan, db_demo)
    kabid = layanan.kegiatan.peninjau(unit_id)[0].pegawai_id
    ke_evaluasi(layanan, kid, pegawai_id)
    layanan.kegiatan.setujui(kid, oleh_id=kabid)
    sebelum = _isi(db_demo)
    with pytest.raises(Ditolak):
        layanan.kegiatan.setujui(kid, oleh_id=kabid)  # the next review is the Kepala Dinas's
    assert _isi(db_demo) == sebelum


# --- (c) several processes deciding the same thing: applied once ---------------------------------

# Each process opens the database, says it is ready, waits for the word, then makes every decision in
# `tugas` once and prints what each one gave: "ok" or the message of the refusal.
_PUTUSKAN = """
import json, sys
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.store.galat import DatabaseError

layanan = buka_database(sys.argv[1], demo_jika_kosong=False).layanan
tugas = json.loads(sys.argv[2])
print("siap", flush=True)
sys.stdin.readline()
hasil = []
for jenis, ident, oleh in tugas:
    putuskan = layanan.penugasan.setujui if jenis == "permohonan" else layanan.kegiatan.setujui
    try:
        putuskan(ident, oleh_id=oleh)
        hasil.append("ok")
    except (Ditolak, DatabaseError) as e:
        hasil.append(str(e))
layanan.tutup()
print(json.dumps(hasil), flush=True)
"""


def _serentak(url: str, tugas: list[list], proses: int) -> list[list[str]]:
    """Run `tugas` in `proses` processes started together (odd ones in reverse order); their results."""
    jalan = []
    for i in range(proses):
        urutan = tugas[::-1] if i % 2 else tugas
        jalan.append(
            subprocess.Popen(
                [sys.executable, "-c", _PUTUSKAN, url, json.dumps(urutan)],
                cwd=AKAR,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for p in jalan:
        assert p.stdout is not None  # opened as a pipe above
        assert p.stdout.readline().strip() == "siap", p.communicate()[1]
    for p in jalan:  # every process is open and waiting: let them go at once
        assert p.stdin is not None  # opened as a pipe above
        p.stdin.write("\n")
        p.stdin.flush()
    hasil = []
    for i, p in enumerate(jalan):
        keluar, galat = p.communicate(timeout=300)
        assert p.returncode == 0, galat
        assert "Traceback" not in galat, galat
        baris = json.loads(keluar.strip().splitlines()[-1])
        hasil.append(baris[::-1] if i % 2 else baris)
    return hasil


@pytest.fixture
def db_pg_demo():
    """The demo Pemda in a throw-away database on the PostgreSQL server of `SISTEMKERJA_TEST_DB`."""
    url = os.environ.get("SISTEMKERJA_TEST_DB", "")
    if not url.startswith("postgresql"):
        pytest.skip("SISTEMKERJA_TEST_DB tidak menunjuk ke server PostgreSQL")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from sistemkerja_tui.layanan.demo import buat_demo
    from sistemkerja_tui.store.db import siapkan_database

    nama = f"sk_uji_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{nama}"'))
    try:
        target = make_url(url).set(database=nama).render_as_string(hide_password=False)
        engine = siapkan_database(target)
        buat_demo(engine)
        engine.dispose()
        yield target
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_bersama(request) -> str:
    """The demo database several processes share: a SQLite file, or a PostgreSQL database when one is given."""
    return request.getfixturevalue("db_demo" if request.param == "sqlite" else "db_pg_demo")


def test_tiga_proses_menyetujui_hal_yang_sama_hanya_sekali_tercatat(db_bersama):
    from sistemkerja_tui.layanan.mulai import buka_database

    db = db_bersama
    menunggu = _menunggu(db)
    assert len(menunggu) >= 10
    layanan = buka_database(db, demo_jika_kosong=False).layanan
    try:
        kegiatan = [_kegiatan(layanan, db, f"Kegiatan {i}") for i in range(5)]
        for kid, _, pegawai_id in kegiatan:
            ke_evaluasi(layanan, kid, pegawai_id)
        kabid = layanan.kegiatan.peninjau(kegiatan[0][1])[0].pegawai_id
    finally:
        layanan.tutup()
    tugas = [["permohonan", pid, ppk] for pid, ppk in menunggu] + [["kegiatan", kid, kabid] for kid, *_ in kegiatan]

    hasil = _serentak(db, tugas, proses=3)

    for i, (jenis, ident, _) in enumerate(tugas):
        pesan = [h[i] for h in hasil]
        assert pesan.count("ok") == 1, (jenis, ident, pesan)
        for p in pesan:
            assert p == "ok" or re.search(r"sudah disetujui|berstatus disetujui|hanya .* yang dapat menyetujui", p), p
            assert not re.search(r"locked|sibuk|SELECT|sqlite|psycopg", p, re.I), p
    ids, kids = [pid for pid, _ in menunggu], [kid for kid, *_ in kegiatan]
    assert _sql(
        db, "SELECT COUNT(*) FROM riwayat_permohonan WHERE aksi = 'setujui' AND permohonan_id IN :ids", ids=ids
    ) == [(len(ids),)]
    assert _sql(
        db, "SELECT COUNT(*) FROM riwayat WHERE aksi = 'permohonan_setujui' AND entitas_id IN :ids", ids=ids
    ) == [(len(ids),)]
    assert _sql(db, "SELECT DISTINCT status FROM permohonan WHERE id IN :ids", ids=ids) == [("disetujui",)]
    assert _sql(
        db, "SELECT COUNT(*) FROM riwayat_tahap WHERE sub_tahap = 'reviu_2' AND kegiatan_id IN :ids", ids=kids
    ) == [(len(kids),)]
    assert _sql(
        db,
        "SELECT COUNT(*) FROM riwayat WHERE entitas = 'kegiatan' AND aksi = 'kegiatan_setujui_reviu' "
        "AND entitas_id IN :ids",
        ids=kids,
    ) == [(len(kids),)]


# --- the dashboard, from one query ------------------------------------------------------------------


def test_pemantauan_terlambat_dikembalikan_dan_menunggu_saya(layanan, db_demo):
    lewat, unit_id, pegawai_id = _kegiatan(layanan, db_demo, "Lewat tenggat", tenggat=date(2026, 2, 1))
    kembali, *_ = _kegiatan(layanan, db_demo, "Dikembalikan", tenggat=date(2026, 12, 1))
    tunggu, *_ = _kegiatan(layanan, db_demo, "Menunggu reviu", tenggat=date(2026, 12, 1))
    kabid = layanan.kegiatan.peninjau(unit_id)[0].pegawai_id
    for kid in (kembali, tunggu):
        ke_evaluasi(layanan, kid, pegawai_id)
    layanan.kegiatan.kembalikan(kembali, "Belum lengkap", oleh_id=kabid)
    induk = _sql(db_demo, "SELECT induk_id FROM unit_organisasi WHERE id = :u", u=unit_id)[0][0]

    dasbor = layanan.kegiatan.pemantauan(induk, kabid, hari_ini=date(2026, 3, 1))
    assert lewat in {k.id for k in dasbor.terlambat} and not {kembali, tunggu} & {k.id for k in dasbor.terlambat}
    assert kembali in {k.id for k in dasbor.dikembalikan} and not {lewat, tunggu} & {k.id for k in dasbor.dikembalikan}
    assert tunggu in {k.id for k in dasbor.menunggu_saya} and kembali not in {k.id for k in dasbor.menunggu_saya}
    assert dict(dasbor.per_tahap)[Tahap.EVALUASI.label] >= 1
    assert {k.id for k in dasbor.menunggu_saya} <= set(layanan.kegiatan.menunggu_reviu(kabid))

    luar = next(
        u
        for (u,) in _sql(db_demo, "SELECT id FROM unit_organisasi ORDER BY id")
        if unit_id not in layanan.struktur.subpohon(u)
    )
    lain = layanan.kegiatan.pemantauan(luar, kabid, hari_ini=date(2026, 3, 1))
    assert not {lewat, kembali, tunggu} & {k.id for k in lain.terlambat + lain.dikembalikan + lain.menunggu_saya}
