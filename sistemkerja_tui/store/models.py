"""SQLModel tables for the whole domain model (DESIGN §4).

Enumerated columns hold the codes of `aturan.enums` and are guarded by CHECK
constraints generated from those enums, so the database refuses a value the
rules do not know. Periods are checked to end on or after they start.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import NaiveDatetime
from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from sistemkerja_tui.aturan import enums as E

# The same constraint names on every backend, so migrations can address them
# (SQLite leaves unnamed foreign keys nameless; Alembic's batch mode needs names).
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
}


def sekarang() -> datetime:
    """Local wall-clock time, second precision (what the user sees on letters and logs).

    Timestamp columns are `NaiveDatetime`: SQLModel maps a plain `datetime`
    to a type that refuses values without a time zone.
    """
    return datetime.now().replace(microsecond=0)


def _di(kolom: str, enum: type[E.KodeEnum], *, boleh_kosong: bool = False) -> CheckConstraint:
    nilai = ", ".join(f"'{k}'" for k in enum.kode_semua())
    syarat = f"{kolom} IN ({nilai})"
    if boleh_kosong:
        syarat = f"{kolom} IS NULL OR {syarat}"
    return CheckConstraint(syarat, name=f"ck_{kolom}_sah")


def _periode(mulai: str, selesai: str) -> CheckConstraint:
    return CheckConstraint(
        f"{selesai} IS NULL OR {mulai} IS NULL OR {selesai} >= {mulai}", name=f"ck_{selesai}_setelah_{mulai}"
    )


class Instansi(SQLModel, table=True):
    __tablename__ = "instansi"
    __table_args__ = (_di("jenis", E.JenisInstansi),)

    id: int | None = Field(default=None, primary_key=True)
    nama: str = Field(min_length=1)
    jenis: str
    profil: str = Field(default="umum")
    kepala_daerah: str = Field(default="Bupati")
    nama_kepala_daerah: str | None = None
    tempat: str = Field(default="")
    kop_surat: str = Field(default="")
    pola_nomor_surat: str = Field(default="{kode_klasifikasi}/{nomor_urut}/{kode_unit}/{tahun}")
    luar: bool = Field(default=False)
    alamat: str = Field(default="")
    telepon: str = Field(default="")
    kode_klasifikasi: str = Field(default="{}")  # JSON: letter kind code -> classification code
    fiktif: bool = Field(default=False)  # the demo Pemda; the header says so


class UnitOrganisasi(SQLModel, table=True):
    __tablename__ = "unit_organisasi"
    __table_args__ = (
        _di("jenis", E.JenisUnit),
        _di("jenis_sementara", E.JenisPimpinanSementara, boleh_kosong=True),
        CheckConstraint("tingkat >= 0", name="ck_tingkat_positif"),
        CheckConstraint("(sementara_id IS NULL) = (jenis_sementara IS NULL)", name="ck_sementara_berjenis"),
        UniqueConstraint("instansi_id", "kode", name="uq_unit_kode"),
    )

    id: int | None = Field(default=None, primary_key=True)
    instansi_id: int = Field(foreign_key="instansi.id", index=True)
    induk_id: int | None = Field(default=None, foreign_key="unit_organisasi.id", index=True)
    nama: str = Field(min_length=1)
    jenis: str
    tingkat: int = Field(default=0)
    kode: str
    nama_jabatan_pimpinan: str = Field(default="")
    pimpinan_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("pegawai.id", use_alter=True, name="fk_unit_pimpinan"), index=True),
    )
    mandiri: bool = Field(default=False)
    urutan: int = Field(default=0)
    sumber_id: str | None = Field(default=None, index=True)  # the source system's id (SIASN UNOR ID)
    aktif: bool = Field(default=True)  # a closed unit stays for its history and letters
    # a Plt. (vacant post) or Plh. (head away) leading the unit for now, beside or instead of `pimpinan_id`
    sementara_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("pegawai.id", use_alter=True, name="fk_unit_sementara"), index=True),
    )
    jenis_sementara: str | None = None


class Pegawai(SQLModel, table=True):
    __tablename__ = "pegawai"
    __table_args__ = (
        _di("status_asn", E.StatusASN),
        _di("jenis_jabatan", E.JenisJabatan),
        _di("jenjang", E.Jenjang, boleh_kosong=True),
        _di("pendidikan", E.Pendidikan),
        _di("predikat_kinerja_1", E.PredikatKinerja, boleh_kosong=True),
        _di("predikat_kinerja_2", E.PredikatKinerja, boleh_kosong=True),
        CheckConstraint("length(nip) = 18", name="ck_nip_18_angka"),
        CheckConstraint("kelas_jabatan IS NULL OR kelas_jabatan BETWEEN 1 AND 17", name="ck_kelas_jabatan"),
        CheckConstraint(
            "(status_asn = 'pns' AND golongan IN ("
            + ", ".join(f"'{k}'" for k in E.Golongan.kode_semua())
            + ")) OR (status_asn = 'pppk' AND golongan IN ("
            + ", ".join(f"'{k}'" for k in E.GolonganPPPK.kode_semua())
            + "))",
            name="ck_golongan_sesuai_status",
        ),
        CheckConstraint("jenis_jabatan != 'fungsional' OR jenjang IS NOT NULL", name="ck_jf_berjenjang"),
        CheckConstraint("ppk_override_id IS NULL OR ppk_override_id != id", name="ck_ppk_bukan_diri"),
        Index(  # the ketua picker counts a unit's candidates by kind along it (store.kueri.calon.jenis)
            "ix_pegawai_jenis_calon",
            *("jenis_jabatan", "status_asn", "jenjang", "kelas_jabatan", "golongan", "pendidikan"),
            *("predikat_kinerja_1", "predikat_kinerja_2", "hasil_penyetaraan", "aktif", "unit_id"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    nip: str = Field(unique=True, index=True)
    nama: str = Field(min_length=1, index=True)
    gelar_depan: str = Field(default="")
    gelar_belakang: str = Field(default="")
    status_asn: str = Field(default=E.StatusASN.PNS.value)
    golongan: str
    jenis_jabatan: str
    nama_jabatan: str
    jenjang: str | None = None
    kelas_jabatan: int | None = None
    pendidikan: str
    predikat_kinerja_1: str | None = None
    predikat_kinerja_2: str | None = None
    hasil_penyetaraan: bool = Field(default=False)
    kompetensi: str = Field(default="")
    unit_id: int = Field(foreign_key="unit_organisasi.id", index=True)
    ppk_override_id: int | None = Field(default=None, foreign_key="pegawai.id")
    ppk_override_alasan: str | None = None
    aktif: bool = Field(default=True)
    pns_id: str | None = Field(default=None, index=True)  # SIASN's PNS ID, a second import key beside the NIP
    alasan_nonaktif: str = Field(default="")  # pensiun / pindah / …, set when a re-import no longer lists them


class TimKerja(SQLModel, table=True):
    __tablename__ = "tim_kerja"
    __table_args__ = (
        _di("jenis_pembentukan", E.JenisPembentukan),
        _di("sasaran", E.SasaranTim),
        _di("bentuk", E.BentukTim),
        _di("status", E.StatusTim),
        _periode("mulai", "selesai"),
        CheckConstraint("jenis_pembentukan != 'tahunan' OR tahun_anggaran IS NOT NULL", name="ck_tahunan_bertahun"),
    )

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit_organisasi.id", index=True)
    nama: str = Field(min_length=1)
    bentuk: str = Field(default=E.BentukTim.TIM_KERJA.value)
    jenis_pembentukan: str
    sasaran: str
    tahun_anggaran: int | None = None
    mulai: date
    selesai: date
    dasar_penetapan: str = Field(default="")
    status: str = Field(default=E.StatusTim.DRAF.value)
    tujuan: str = Field(default="")
    rekomendasi_ketua_id: int | None = Field(default=None, foreign_key="pegawai.id")
    rekomendasi_catatan: str = Field(default="")
    # Klaten Pasal 13 ayat (3): the Sekda's recommendation among the Penanggungjawab candidates
    rekomendasi_pj_id: int | None = Field(default=None, foreign_key="pegawai.id")
    rekomendasi_pj_catatan: str = Field(default="")
    dibuat: NaiveDatetime = Field(default_factory=sekarang)


class Keanggotaan(SQLModel, table=True):
    __tablename__ = "keanggotaan"
    __table_args__ = (
        _di("peran", E.PeranTim),
        _di("asal", E.LingkupPenugasan),
        _di("status", E.StatusKeanggotaan),
        _periode("mulai", "selesai"),
        UniqueConstraint("tim_id", "pegawai_id", "peran", name="uq_anggota_peran"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tim_id: int = Field(foreign_key="tim_kerja.id", index=True)
    pegawai_id: int = Field(foreign_key="pegawai.id", index=True)
    peran: str
    asal: str = Field(default=E.LingkupPenugasan.DALAM_UNIT.value)
    status: str = Field(default=E.StatusKeanggotaan.USULAN.value)
    uraian_peran: str = Field(default="")
    mulai: date | None = None
    selesai: date | None = None
    permohonan_id: int | None = Field(default=None, foreign_key="permohonan.id")


class Permohonan(SQLModel, table=True):
    __tablename__ = "permohonan"
    __table_args__ = (
        _di("jenis", E.JenisPermohonan),
        _di("lingkup", E.LingkupPenugasan),
        _di("status", E.StatusPermohonan),
        _di("peran", E.PeranTim),
        CheckConstraint("langkah_disetujui >= 0", name="ck_langkah_positif"),
        CheckConstraint(
            "status != 'ditolak' OR (alasan_penolakan IS NOT NULL AND length(trim(alasan_penolakan)) > 0)",
            name="ck_penolakan_beralasan",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    jenis: str
    lingkup: str
    tim_id: int | None = Field(default=None, foreign_key="tim_kerja.id", index=True)
    kegiatan_id: int | None = Field(default=None, foreign_key="kegiatan.id", index=True)
    pegawai_id: int | None = Field(default=None, foreign_key="pegawai.id", index=True)
    dari_unit_id: int = Field(foreign_key="unit_organisasi.id")
    ke_unit_id: int | None = Field(default=None, foreign_key="unit_organisasi.id")
    pemohon_id: int | None = Field(default=None, foreign_key="pegawai.id")
    penerima_id: int | None = Field(default=None, foreign_key="pegawai.id")
    tembusan: str = Field(default="")
    maksud_tujuan: str = Field(default="")
    kompetensi: str = Field(default="")
    ekspektasi: str = Field(default="")
    durasi: str = Field(default="")
    jawaban_ketersediaan: str = Field(default="")
    daftar_pegawai: str = Field(default="")
    catatan_lisan: str = Field(default="")
    peran: str = Field(default=E.PeranTim.ANGGOTA.value)
    uraian_peran: str = Field(default="")
    langkah_disetujui: int = Field(default=0)
    status: str = Field(default=E.StatusPermohonan.DRAF.value)
    alasan_penolakan: str | None = None
    dibuat: NaiveDatetime = Field(default_factory=sekarang)
    diajukan: NaiveDatetime | None = None
    diputus: NaiveDatetime | None = None


class RiwayatPermohonan(SQLModel, table=True):
    """Every transition of a permohonan: who, when, why."""

    __tablename__ = "riwayat_permohonan"
    __table_args__ = (
        _di("dari_status", E.StatusPermohonan, boleh_kosong=True),
        _di("ke_status", E.StatusPermohonan),
    )

    id: int | None = Field(default=None, primary_key=True)
    permohonan_id: int = Field(foreign_key="permohonan.id", index=True)
    aksi: str
    dari_status: str | None = None
    ke_status: str
    langkah: int = Field(default=0)
    oleh_id: int | None = Field(default=None, foreign_key="pegawai.id")
    sebagai: str = Field(default="")
    alasan: str = Field(default="")
    waktu: NaiveDatetime = Field(default_factory=sekarang)
    # a decision recorded from the answering office's letter (LayananPenugasan.catat_jawaban)
    surat_dari: str | None = None
    surat_nomor: str | None = None
    surat_tanggal: date | None = None
    surat_berkas: str | None = None


class Kegiatan(SQLModel, table=True):
    __tablename__ = "kegiatan"
    __table_args__ = (
        _di("tahap", E.Tahap),
        _periode("mulai", "tenggat"),
        CheckConstraint("progres BETWEEN 0 AND 100", name="ck_progres_persen"),
        CheckConstraint("(tim_id IS NULL) != (pegawai_id IS NULL)", name="ck_kegiatan_tim_atau_individu"),
        CheckConstraint("rencana_anggaran IS NULL OR rencana_anggaran >= 0", name="ck_anggaran_positif"),
    )

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit_organisasi.id", index=True)
    tim_id: int | None = Field(default=None, foreign_key="tim_kerja.id", index=True)
    pegawai_id: int | None = Field(default=None, foreign_key="pegawai.id", index=True)
    judul: str = Field(min_length=1)
    indikator: str = Field(default="")
    target: str = Field(default="")
    satuan: str = Field(default="")
    rencana_anggaran: int | None = None
    perjanjian_kinerja: str = Field(default="")
    mulai: date | None = None
    tenggat: date | None = None
    tahap: str = Field(default=E.Tahap.PERENCANAAN.value)
    sub_tahap: str = Field(default="")
    progres: int = Field(default=0)
    ceklis: str = Field(default="[]")
    dibuat: NaiveDatetime = Field(default_factory=sekarang)


class Catatan(SQLModel, table=True):
    __tablename__ = "catatan"
    __table_args__ = (
        _di("jenis", E.JenisCatatan),
        CheckConstraint("progres IS NULL OR progres BETWEEN 0 AND 100", name="ck_catatan_progres"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kegiatan_id: int = Field(foreign_key="kegiatan.id", index=True)
    jenis: str
    isi: str = Field(min_length=1)
    rekomendasi: str = Field(default="")
    progres: int | None = None
    penulis_id: int | None = Field(default=None, foreign_key="pegawai.id")
    dibuat: NaiveDatetime = Field(default_factory=sekarang)


class RiwayatTahap(SQLModel, table=True):
    __tablename__ = "riwayat_tahap"
    __table_args__ = (
        _di("dari_tahap", E.Tahap, boleh_kosong=True),
        _di("ke_tahap", E.Tahap),
    )

    id: int | None = Field(default=None, primary_key=True)
    kegiatan_id: int = Field(foreign_key="kegiatan.id", index=True)
    dari_tahap: str | None = None
    ke_tahap: str
    sub_tahap: str = Field(default="")
    oleh_id: int | None = Field(default=None, foreign_key="pegawai.id")
    alasan: str = Field(default="")
    waktu: NaiveDatetime = Field(default_factory=sekarang)


class PenilaianAnggota(SQLModel, table=True):
    __tablename__ = "penilaian_anggota"
    __table_args__ = (
        _di("predikat", E.PredikatPenilaian),
        _periode("periode_mulai", "periode_selesai"),
        UniqueConstraint("keanggotaan_id", "periode_selesai", name="uq_penilaian_periode"),
    )

    id: int | None = Field(default=None, primary_key=True)
    keanggotaan_id: int = Field(foreign_key="keanggotaan.id", index=True)
    penilai_id: int = Field(foreign_key="pegawai.id")
    predikat: str
    catatan: str = Field(default="")
    periode_mulai: date
    periode_selesai: date
    dibuat: NaiveDatetime = Field(default_factory=sekarang)


class Surat(SQLModel, table=True):
    __tablename__ = "surat"
    __table_args__ = (UniqueConstraint("nomor", name="uq_nomor_surat"),)

    id: int | None = Field(default=None, primary_key=True)
    jenis: str
    nomor: str
    tanggal: date
    perihal: str
    tujuan: str = Field(default="")
    isi: str
    konteks: str = Field(default="{}")
    sumber_jenis: str = Field(default="")
    sumber_id: int | None = None
    sidik_templat: str = Field(default="")
    unit_id: int | None = Field(default=None, foreign_key="unit_organisasi.id")
    dibuat: NaiveDatetime = Field(default_factory=sekarang)


class PenomoranSurat(SQLModel, table=True):
    """Transactional counter per (classification, unit code, year)."""

    __tablename__ = "penomoran_surat"
    __table_args__ = (CheckConstraint("terakhir >= 0", name="ck_nomor_positif"),)

    kode_klasifikasi: str = Field(primary_key=True)
    kode_unit: str = Field(primary_key=True)
    tahun: int = Field(primary_key=True)
    terakhir: int = Field(default=0)


class Riwayat(SQLModel, table=True):
    """Audit log: who changed what, when; written only by `store.riwayat.catat`."""

    __tablename__ = "riwayat"

    id: int | None = Field(default=None, primary_key=True)
    waktu: NaiveDatetime = Field(default_factory=sekarang, index=True)
    pelaku_id: int | None = Field(default=None, foreign_key="pegawai.id", index=True)  # None: the app itself
    pelaku: str = Field(default="")  # the actor's full name at the time (store.riwayat.catat)
    aksi: str
    entitas: str
    entitas_id: int | None = None
    rincian: str = Field(default="{}")


class Pengaturan(SQLModel, table=True):
    __tablename__ = "pengaturan"

    kunci: str = Field(primary_key=True)
    nilai: str = Field(default="")


class Akun(SQLModel, table=True):
    """A pimpinan's (or an administrator's) login in mode "bersama"; `sandi` is an argon2id hash."""

    __tablename__ = "akun"
    __table_args__ = (CheckConstraint("gagal >= 0", name="ck_akun_gagal"),)

    id: int | None = Field(default=None, primary_key=True)
    pegawai_id: int = Field(foreign_key="pegawai.id", unique=True, index=True)
    sandi: str
    admin: bool = False
    harus_ganti: bool = True  # a new or reset account changes its password at the next login
    gagal: int = 0  # failed logins in a row
    aktif: bool = True
    dibuat: NaiveDatetime = Field(default_factory=sekarang)
    masuk_terakhir: NaiveDatetime | None = None
