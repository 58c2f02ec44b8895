"""Demo Pemda generator: shape of the structure, validity of the people, determinism, refusals."""

from __future__ import annotations

import hashlib
import tomllib
from collections import Counter, defaultdict

import pytest
from sqlalchemy import text

from sistemkerja_tui import paths
from sistemkerja_tui.aturan.enums import Golongan, GolonganPPPK, Jenjang, KategoriJF, Pendidikan
from sistemkerja_tui.aturan.nip import urai_nip
from sistemkerja_tui.layanan.demo import PESAN_TIDAK_KOSONG, DemoDitolak, buat_demo, profil_tersedia
from sistemkerja_tui.store.db import siapkan_database

TABEL = ("instansi", "unit_organisasi", "pegawai", "tim_kerja", "permohonan", "keanggotaan", "kegiatan")


def _golongan(awal: str, akhir: str) -> set[str]:
    a, b = Golongan(awal), Golongan(akhir)
    return {g.value for g in Golongan if a <= g <= b}


GOLONGAN_JENJANG = {
    "pemula": {"II/a"},
    "terampil": _golongan("II/b", "II/d"),
    "mahir": _golongan("III/a", "III/b"),
    "penyelia": _golongan("III/c", "III/d"),
    "ahli_pertama": _golongan("III/a", "III/b"),
    "ahli_muda": _golongan("III/c", "III/d"),
    "ahli_madya": _golongan("IV/a", "IV/c"),
    "ahli_utama": _golongan("IV/d", "IV/e"),
}
GOLONGAN_PIMPINAN = {
    "jpt_pratama": _golongan("IV/c", "IV/d"),
    "administrator": _golongan("IV/a", "IV/b"),
    "pengawas": _golongan("III/c", "IV/a"),
}
PIMPINAN_MENURUT_JENIS = {
    "sekretariat_daerah": "jpt_pratama",
    "asisten": "jpt_pratama",
    "sekretariat_dprd": "jpt_pratama",
    "inspektorat": "jpt_pratama",
    "dinas": "jpt_pratama",
    "dpmptsp": "jpt_pratama",
    "badan": "jpt_pratama",
    "satuan": "jpt_pratama",
    "bagian": "administrator",
    "sekretariat": "administrator",
    "bidang": "administrator",
    "inspektur_pembantu": "administrator",
    "kecamatan": "administrator",
    "rsud": "administrator",
    "subbagian": "pengawas",
    "seksi": "pengawas",
    "kelurahan": "pengawas",
    "uptd": "pengawas",
    "puskesmas": "fungsional",
    "sekolah": "fungsional",
}


@pytest.fixture
def engine_baru(db_baru):
    """`engine_baru(nama)`: an engine on one more new database for this test."""
    dibuka = []

    def buka(nama: str = "demo"):
        dibuka.append(siapkan_database(db_baru(nama)))
        return dibuka[-1]

    yield buka
    for engine in dibuka:
        engine.dispose()


def _baris(engine, sql: str, **param) -> list:
    with engine.connect() as conn:
        return list(conn.execute(text(sql), param))


def _sidik(engine) -> str:
    """Digest of every row the demo writes, in id order."""
    h = hashlib.sha256()
    with engine.connect() as conn:
        for tabel in TABEL:
            for row in conn.execute(text(f"SELECT * FROM {tabel} ORDER BY id")):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory, pabrik_db):
    url = pabrik_db.baru(tmp_path_factory.mktemp("demo"), "demo")
    engine = siapkan_database(url)
    yield engine, buat_demo(engine)
    engine.dispose()
    pabrik_db.hapus(url)


@pytest.fixture(scope="module")
def pegawai(demo):
    return _baris(demo[0], "SELECT p.*, u.instansi_id FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id")


@pytest.fixture(scope="module")
def unit(demo):
    return {u.id: u for u in _baris(demo[0], "SELECT * FROM unit_organisasi")}


def test_ringkasan_sesuai_isi_database(demo):
    engine, ringkasan = demo
    hitung = {t: _baris(engine, f"SELECT count(*) FROM {t}")[0][0] for t in TABEL}
    assert ringkasan.pegawai == hitung["pegawai"] >= 1500
    assert (ringkasan.instansi, ringkasan.unit, ringkasan.tim, ringkasan.kegiatan) == (
        hitung["instansi"],
        hitung["unit_organisasi"],
        hitung["tim_kerja"],
        hitung["kegiatan"],
    )
    assert (ringkasan.keanggotaan, ringkasan.permohonan) == (hitung["keanggotaan"], hitung["permohonan"])


def test_instansi_utama_dan_tetangga(demo, pegawai):
    instansi = _baris(demo[0], "SELECT * FROM instansi ORDER BY id")
    assert [(i.luar, i.profil) for i in instansi] == [(False, "madiun"), (True, "umum")]
    per_instansi = Counter(p.instansi_id for p in pegawai)
    assert per_instansi[instansi[0].id] == 1500
    assert 15 <= per_instansi[instansi[1].id] <= 30
    assert len(_baris(demo[0], "SELECT id FROM unit_organisasi WHERE instansi_id = :i", i=instansi[1].id)) >= 2


def test_nip_sah_unik_dan_sesuai_jenis_kelamin(pegawai):
    nama = tomllib.loads((paths.resource_dir("data") / "demo" / "nama.toml").read_text(encoding="utf-8"))
    depan = {"L": set(), "P": set()}
    for suku in nama["suku"].values():
        depan["L"].update(suku["laki"])
        depan["P"].update(suku["perempuan"])
    assert len({p.nip for p in pegawai}) == len(pegawai)
    for p in pegawai:
        nip = urai_nip(p.nip)
        assert 1966 <= nip.tanggal_lahir.year <= 2001, p.nip
        assert nip.tmt_tahun >= nip.tanggal_lahir.year + 19, p.nip
        kata = p.nama.split()
        pertama = kata[1] if kata[0] == "Andi" and len(kata) > 1 else kata[0]
        assert pertama in depan[nip.jenis_kelamin], (p.nama, p.nip)


def test_setiap_unit_punya_pimpinan_di_unit_itu(demo, unit):
    pimpinan = {
        p.id: p for p in _baris(demo[0], "SELECT * FROM pegawai WHERE id IN (SELECT pimpinan_id FROM unit_organisasi)")
    }
    for u in unit.values():
        p = pimpinan[u.pimpinan_id]
        assert p.unit_id == u.id, u.kode
        if u.kode.startswith("PKM.") and u.jenis == "subbagian":
            # Perbup Klaten 34/2024 Lampiran huruf B tabel huruf i: "Kepala TU (JF Tenaga Kesehatan)"
            assert p.jenis_jabatan == "fungsional" and not u.mandiri, u.kode
            continue
        assert p.jenis_jabatan == PIMPINAN_MENURUT_JENIS[u.jenis], u.kode
        if p.jenis_jabatan == "fungsional":
            assert u.mandiri and p.jenjang in ("ahli_muda", "ahli_madya"), u.kode
        else:
            assert not u.mandiri and p.golongan in GOLONGAN_PIMPINAN[p.jenis_jabatan], u.kode
            assert p.nama_jabatan == u.nama_jabatan_pimpinan


def test_bentuk_struktur_seperti_pemda(demo, unit):
    utama = _baris(demo[0], "SELECT id FROM instansi WHERE NOT luar")[0][0]
    units = [u for u in unit.values() if u.instansi_id == utama]
    anak = defaultdict(list)
    for u in units:
        anak[u.induk_id].append(u)
    jenis = Counter(u.jenis for u in units)
    pimpinan = {p.id: p for p in _baris(demo[0], "SELECT * FROM pegawai")}

    assert jenis["sekretariat_daerah"] == jenis["sekretariat_dprd"] == jenis["inspektorat"] == 1
    assert jenis["dinas"] + jenis["badan"] >= 8
    assert jenis["puskesmas"] >= 5 and jenis["kecamatan"] >= 4 and jenis["sekolah"] >= 5

    setda = next(u for u in units if u.jenis == "sekretariat_daerah")
    asisten = [a for a in anak[setda.id] if a.jenis == "asisten"]
    assert len(asisten) >= 3
    assert all(2 <= sum(b.jenis == "bagian" for b in anak[a.id]) <= 3 for a in asisten)
    assert any(b.jenis == "subbagian" for a in asisten for bag in anak[a.id] for b in anak[bag.id])

    insp = next(u for u in units if u.jenis == "inspektorat")
    assert sum(a.jenis == "inspektur_pembantu" for a in anak[insp.id]) >= 2

    for pd in (u for u in units if u.jenis in ("dinas", "badan")):
        sekretariat = [a for a in anak[pd.id] if a.jenis == "sekretariat"]
        assert len(sekretariat) == 1 and any(s.jenis == "subbagian" for s in anak[sekretariat[0].id]), pd.kode
        assert 2 <= sum(a.jenis == "bidang" for a in anak[pd.id]) <= 4, pd.kode
    bidang = [u for u in units if u.jenis == "bidang"]
    assert any(any(a.jenis == "seksi" for a in anak[b.id]) for b in bidang)
    assert any(not anak[b.id] for b in bidang)

    for kec in (u for u in units if u.jenis == "kecamatan"):
        assert sum(a.jenis == "kelurahan" for a in anak[kec.id]) >= 2, kec.kode

    puskesmas = [u for u in units if u.jenis == "puskesmas"]
    assert all(u.mandiri and pimpinan[u.pimpinan_id].jenis_jabatan == "fungsional" for u in puskesmas)
    sekolah = [u for u in units if u.jenis == "sekolah"]
    assert all(u.mandiri and pimpinan[u.pimpinan_id].nama_jabatan.startswith("Guru Ahli") for u in sekolah)
    uptd = [u for u in units if u.jenis == "uptd"]
    assert uptd and all(pimpinan[u.pimpinan_id].jenis_jabatan == "pengawas" for u in uptd)
    assert any(u.jenis == "rsud" for u in units)

    assert len({u.kode for u in units}) == len(units)
    for u in units:
        assert u.tingkat == (1 if u.induk_id is None else unit[u.induk_id].tingkat + 1)


def test_jabatan_golongan_dan_pendidikan_konsisten(pegawai):
    jf = [p for p in pegawai if p.jenis_jabatan == "fungsional"]
    assert {p.jenjang for p in jf} == {j.value for j in Jenjang}
    for p in jf:
        jenjang = Jenjang(p.jenjang)
        assert p.nama_jabatan.endswith(jenjang.label), p.nama_jabatan
        if p.status_asn == "pns":
            assert p.golongan in GOLONGAN_JENJANG[p.jenjang], (p.nama_jabatan, p.golongan)
        else:
            assert (p.jenjang, p.golongan) in {
                ("ahli_pertama", "IX"),
                ("ahli_pertama", "X"),
                ("terampil", "V"),
                ("terampil", "VII"),
            }, (p.jenjang, p.golongan)
        if jenjang.kategori is KategoriJF.KEAHLIAN:
            assert Pendidikan(p.pendidikan) >= Pendidikan.D4, (p.nama_jabatan, p.pendidikan)
        else:
            assert p.pendidikan in ("d3", "sma"), (p.nama_jabatan, p.pendidikan)
    pelaksana = [p for p in pegawai if p.jenis_jabatan == "pelaksana"]
    assert pelaksana and all(1 <= p.kelas_jabatan <= 9 for p in pelaksana)
    assert all(p.golongan in _golongan("II/a", "III/c") for p in pelaksana if p.status_asn == "pns")
    assert all(p.golongan in {"V", "VII", "IX"} for p in pelaksana if p.status_asn == "pppk")
    assert all(p.kelas_jabatan is None for p in pegawai if p.jenis_jabatan != "pelaksana")


def test_pppk_penyetaraan_predikat_dan_ppk_override(demo, pegawai, unit):
    pppk = [p for p in pegawai if p.status_asn == "pppk"]
    assert 0.05 <= len(pppk) / len(pegawai) <= 0.2
    assert all(p.golongan in GolonganPPPK.kode_semua() for p in pppk)
    setara = [p for p in pegawai if p.hasil_penyetaraan]
    assert setara and all(p.jenjang in ("ahli_pertama", "ahli_muda") and p.status_asn == "pns" for p in setara)
    predikat = Counter(p.predikat_kinerja_1 for p in pegawai)
    assert predikat["baik"] > predikat["sangat_baik"] > predikat["butuh_perbaikan"] > 0
    assert all(p.kompetensi for p in pegawai)

    per_id = {p.id: p for p in pegawai}
    override = [p for p in pegawai if p.ppk_override_id]
    assert len(override) >= 3
    for p in override:
        assert p.ppk_override_alasan
        assert per_id[p.ppk_override_id].id == unit[unit[p.unit_id].induk_id].pimpinan_id


def test_setiap_jf_dan_pelaksana_berada_di_bawah_pejabat_penilai(pegawai, unit):
    pimpinan = {p.id: p for p in pegawai if p.id in {u.pimpinan_id for u in unit.values()}}
    for p in pegawai:
        if p.id in pimpinan:
            continue
        u = unit[p.unit_id]
        ketua = pimpinan[u.pimpinan_id]
        tata_usaha_puskesmas = u.kode.startswith("PKM.") and u.jenis == "subbagian"  # Klaten tabel huruf i
        assert ketua.jenis_jabatan in ("pengawas", "administrator", "jpt_pratama") or u.mandiri or tata_usaha_puskesmas
        assert not tata_usaha_puskesmas or p.jenis_jabatan == "pelaksana", u.kode


def test_tim_kerja_anggota_dan_kegiatan(demo, pegawai):
    engine = demo[0]
    per_id = {p.id: p for p in pegawai}
    tim = _baris(engine, "SELECT * FROM tim_kerja")
    assert len(tim) >= 15
    assert {t.jenis_pembentukan for t in tim} == {"tahunan", "insidental"}
    assert len({t.sasaran for t in tim}) >= 3
    for t in tim:
        assert t.status == "aktif" and t.tahun_anggaran == 2026 and t.dasar_penetapan
        assert str(t.mulai) >= "2026-01-01" and str(t.selesai) <= "2026-12-31" and t.mulai < t.selesai

    anggota = _baris(engine, "SELECT * FROM keanggotaan")
    ketua = Counter(a.tim_id for a in anggota if a.peran == "ketua")
    assert set(ketua) == {t.id for t in tim} and set(ketua.values()) == {1}
    for a in anggota:
        if a.peran == "ketua":
            p = per_id[a.pegawai_id]
            assert p.jenis_jabatan == "fungsional" and p.jenjang in (
                "penyelia",
                "ahli_pertama",
                "ahli_muda",
                "ahli_madya",
            ), p.nama_jabatan
    lintas = [a for a in anggota if a.asal != "dalam_unit"]
    assert lintas and all(a.permohonan_id for a in lintas)
    # all wait for approval but the demo's one approved and one refused request (letters of every kind)
    assert Counter(a.status for a in lintas) - Counter({"menunggu_persetujuan": len(lintas) - 2}) == Counter(
        {"aktif": 1, "ditolak": 1}
    )
    assert {a.asal for a in lintas} == {"lintas_unit", "lintas_instansi"}
    permohonan = {r.id: r for r in _baris(engine, "SELECT * FROM permohonan")}
    for a in lintas:
        r = permohonan[a.permohonan_id]
        menurut_anggota = {"menunggu_persetujuan": "diajukan", "aktif": "disetujui", "ditolak": "ditolak"}
        assert r.status == menurut_anggota[a.status] and r.pegawai_id == a.pegawai_id and r.tim_id == a.tim_id
        assert r.maksud_tujuan and r.kompetensi and r.ekspektasi and r.durasi

    kegiatan = _baris(
        engine,
        "SELECT k.*, t.mulai AS t_mulai, t.selesai AS t_selesai FROM kegiatan k JOIN tim_kerja t ON t.id = k.tim_id",
    )
    assert len(kegiatan) >= 2 * len(tim)
    assert len({k.tahap for k in kegiatan}) >= 3
    for k in kegiatan:
        assert k.t_mulai <= k.mulai <= k.tenggat <= k.t_selesai and k.indikator and k.target and k.satuan
        assert (k.progres == 100) == (k.tahap == "selesai")


def test_benih_sama_data_sama_benih_lain_data_lain(demo, engine_baru):
    lagi = engine_baru("lagi")
    buat_demo(lagi)
    assert _sidik(lagi) == _sidik(demo[0])
    lain = engine_baru("lain")
    buat_demo(lain, benih=7)
    assert _sidik(lain) != _sidik(demo[0])


def test_database_berisi_ditolak_tanpa_perubahan(demo):
    sebelum = _sidik(demo[0])
    with pytest.raises(DemoDitolak, match="pakai database baru"):
        buat_demo(demo[0], benih=99)
    assert _sidik(demo[0]) == sebelum
    assert PESAN_TIDAK_KOSONG.startswith("Database sudah berisi data Pemda")


def test_profil_tak_dikenal_ditolak(engine_baru):
    engine = engine_baru()
    with pytest.raises(DemoDitolak) as info:
        buat_demo(engine, profil="atlantis")
    assert "atlantis" in str(info.value) and all(p in str(info.value) for p in profil_tersedia())
    assert _baris(engine, "SELECT count(*) FROM instansi")[0][0] == 0


def test_pegawai_terlalu_sedikit_ditolak_tanpa_sisa(engine_baru):
    engine = engine_baru()
    with pytest.raises(DemoDitolak, match="minimal"):
        buat_demo(engine, jumlah_pegawai=100)
    assert all(_baris(engine, f"SELECT count(*) FROM {t}")[0][0] == 0 for t in TABEL)


def test_lima_ribu_pegawai_dengan_profil_klaten(engine_baru):
    engine = engine_baru()
    ringkasan = buat_demo(engine, jumlah_pegawai=5000, profil="klaten")
    nip = [r.nip for r in _baris(engine, "SELECT nip FROM pegawai")]
    assert ringkasan.pegawai == len(nip) >= 5000 and len(set(nip)) == len(nip)
    assert ringkasan.tim >= 50
    assert all(urai_nip(n) for n in nip)
    bentuk = {(t.jenis_pembentukan, t.bentuk) for t in _baris(engine, "SELECT * FROM tim_kerja")}
    assert bentuk == {("tahunan", "kelompok_kerja"), ("insidental", "tim")}
    jumlah_unit = Counter(r.jenis for r in _baris(engine, "SELECT jenis FROM unit_organisasi"))
    assert jumlah_unit["sekolah"] > 100 and jumlah_unit["puskesmas"] > 5
