"""Skema awal: every table of the domain model (DESIGN §4).

The enum codes of the CHECK constraints are written out, not read from
`aturan.enums`, so this revision keeps meaning what it meant when it shipped.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK_PIMPINAN = "fk_unit_pimpinan"


def _sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"


def _fk_pimpinan_sebaris() -> list[sa.ForeignKeyConstraint]:
    """unit_organisasi.pimpinan_id -> pegawai.id, inline where the target may not exist yet.

    SQLite accepts a reference to a table created later (and cannot add one
    afterwards without rebuilding the table); other databases get it by
    ALTER TABLE once pegawai exists (`_fk_pimpinan_kemudian`).
    """
    if not _sqlite():
        return []
    return [sa.ForeignKeyConstraint(["pimpinan_id"], ["pegawai.id"], name=FK_PIMPINAN)]


def _fk_pimpinan_kemudian() -> None:
    if not _sqlite():
        op.create_foreign_key(FK_PIMPINAN, "unit_organisasi", "pegawai", ["pimpinan_id"], ["id"])


def upgrade() -> None:
    op.create_table(
        "instansi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(), nullable=False),
        sa.Column("jenis", sa.String(), nullable=False),
        sa.Column("profil", sa.String(), nullable=False),
        sa.Column("kepala_daerah", sa.String(), nullable=False),
        sa.Column("nama_kepala_daerah", sa.String(), nullable=True),
        sa.Column("tempat", sa.String(), nullable=False),
        sa.Column("kop_surat", sa.String(), nullable=False),
        sa.Column("pola_nomor_surat", sa.String(), nullable=False),
        sa.Column("luar", sa.Boolean(), nullable=False),
        sa.CheckConstraint("jenis IN ('kabupaten', 'kota', 'provinsi')", name="ck_jenis_sah"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "pengaturan",
        sa.Column("kunci", sa.String(), nullable=False),
        sa.Column("nilai", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("kunci"),
    )

    op.create_table(
        "penomoran_surat",
        sa.Column("kode_klasifikasi", sa.String(), nullable=False),
        sa.Column("kode_unit", sa.String(), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("terakhir", sa.Integer(), nullable=False),
        sa.CheckConstraint("terakhir >= 0", name="ck_nomor_positif"),
        sa.PrimaryKeyConstraint("kode_klasifikasi", "kode_unit", "tahun"),
    )

    op.create_table(
        "riwayat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("pelaku", sa.String(), nullable=False),
        sa.Column("aksi", sa.String(), nullable=False),
        sa.Column("entitas", sa.String(), nullable=False),
        sa.Column("entitas_id", sa.Integer(), nullable=True),
        sa.Column("rincian", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_index("ix_riwayat_waktu", "riwayat", ["waktu"])

    op.create_table(
        "unit_organisasi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instansi_id", sa.Integer(), nullable=False),
        sa.Column("induk_id", sa.Integer(), nullable=True),
        sa.Column("nama", sa.String(), nullable=False),
        sa.Column("jenis", sa.String(), nullable=False),
        sa.Column("tingkat", sa.Integer(), nullable=False),
        sa.Column("kode", sa.String(), nullable=False),
        sa.Column("nama_jabatan_pimpinan", sa.String(), nullable=False),
        sa.Column("pimpinan_id", sa.Integer(), nullable=True),
        sa.Column("mandiri", sa.Boolean(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            (
                "jenis IN ('sekretariat_daerah', 'asisten', 'bagian', 'sekretariat_dprd', 'inspektorat', "
                "'inspektur_pembantu', 'dinas', 'badan', 'satuan', 'sekretariat', 'bidang', 'seksi', "
                "'subbagian', 'kecamatan', 'kelurahan', 'uptd', 'puskesmas', 'rsud', 'sekolah')"
            ),
            name="ck_jenis_sah",
        ),
        sa.CheckConstraint("tingkat >= 0", name="ck_tingkat_positif"),
        sa.ForeignKeyConstraint(
            ["induk_id"], ["unit_organisasi.id"], name="fk_unit_organisasi_induk_id_unit_organisasi"
        ),
        sa.ForeignKeyConstraint(["instansi_id"], ["instansi.id"], name="fk_unit_organisasi_instansi_id_instansi"),
        *_fk_pimpinan_sebaris(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("instansi_id", "kode", name="uq_unit_kode"),
    )

    op.create_index("ix_unit_organisasi_induk_id", "unit_organisasi", ["induk_id"])
    op.create_index("ix_unit_organisasi_instansi_id", "unit_organisasi", ["instansi_id"])
    op.create_index("ix_unit_organisasi_pimpinan_id", "unit_organisasi", ["pimpinan_id"])

    op.create_table(
        "pegawai",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nip", sa.String(), nullable=False),
        sa.Column("nama", sa.String(), nullable=False),
        sa.Column("gelar_depan", sa.String(), nullable=False),
        sa.Column("gelar_belakang", sa.String(), nullable=False),
        sa.Column("status_asn", sa.String(), nullable=False),
        sa.Column("golongan", sa.String(), nullable=False),
        sa.Column("jenis_jabatan", sa.String(), nullable=False),
        sa.Column("nama_jabatan", sa.String(), nullable=False),
        sa.Column("jenjang", sa.String(), nullable=True),
        sa.Column("kelas_jabatan", sa.Integer(), nullable=True),
        sa.Column("pendidikan", sa.String(), nullable=False),
        sa.Column("predikat_kinerja_1", sa.String(), nullable=True),
        sa.Column("predikat_kinerja_2", sa.String(), nullable=True),
        sa.Column("hasil_penyetaraan", sa.Boolean(), nullable=False),
        sa.Column("kompetensi", sa.String(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("ppk_override_id", sa.Integer(), nullable=True),
        sa.Column("ppk_override_alasan", sa.String(), nullable=True),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            (
                "(status_asn = 'pns' AND golongan IN ('I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', "
                "'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', "
                "'IV/e')) OR (status_asn = 'pppk' AND golongan IN ('I', 'II', 'III', 'IV', 'V', 'VI', "
                "'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'))"
            ),
            name="ck_golongan_sesuai_status",
        ),
        sa.CheckConstraint("jenis_jabatan != 'fungsional' OR jenjang IS NOT NULL", name="ck_jf_berjenjang"),
        sa.CheckConstraint(
            "jenis_jabatan IN ('pelaksana', 'fungsional', 'pengawas', 'administrator', 'jpt_pratama')",
            name="ck_jenis_jabatan_sah",
        ),
        sa.CheckConstraint(
            (
                "jenjang IS NULL OR jenjang IN ('pemula', 'terampil', 'mahir', 'penyelia', 'ahli_pertama', "
                "'ahli_muda', 'ahli_madya', 'ahli_utama')"
            ),
            name="ck_jenjang_sah",
        ),
        sa.CheckConstraint(
            "pendidikan IN ('sd', 'smp', 'sma', 'd1', 'd2', 'd3', 'd4', 's1', 's2', 's3')", name="ck_pendidikan_sah"
        ),
        sa.CheckConstraint(
            (
                "predikat_kinerja_1 IS NULL OR predikat_kinerja_1 IN ('sangat_kurang', 'kurang', "
                "'butuh_perbaikan', 'baik', 'sangat_baik')"
            ),
            name="ck_predikat_kinerja_1_sah",
        ),
        sa.CheckConstraint(
            (
                "predikat_kinerja_2 IS NULL OR predikat_kinerja_2 IN ('sangat_kurang', 'kurang', "
                "'butuh_perbaikan', 'baik', 'sangat_baik')"
            ),
            name="ck_predikat_kinerja_2_sah",
        ),
        sa.CheckConstraint("status_asn IN ('pns', 'pppk')", name="ck_status_asn_sah"),
        sa.CheckConstraint("kelas_jabatan IS NULL OR kelas_jabatan BETWEEN 1 AND 17", name="ck_kelas_jabatan"),
        sa.CheckConstraint("length(nip) = 18", name="ck_nip_18_angka"),
        sa.CheckConstraint("ppk_override_id IS NULL OR ppk_override_id != id", name="ck_ppk_bukan_diri"),
        sa.ForeignKeyConstraint(["ppk_override_id"], ["pegawai.id"], name="fk_pegawai_ppk_override_id_pegawai"),
        sa.ForeignKeyConstraint(["unit_id"], ["unit_organisasi.id"], name="fk_pegawai_unit_id_unit_organisasi"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_index("ix_pegawai_nama", "pegawai", ["nama"])
    op.create_index("ix_pegawai_nip", "pegawai", ["nip"], unique=True)
    op.create_index("ix_pegawai_unit_id", "pegawai", ["unit_id"])
    _fk_pimpinan_kemudian()

    op.create_table(
        "surat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(), nullable=False),
        sa.Column("nomor", sa.String(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("perihal", sa.String(), nullable=False),
        sa.Column("tujuan", sa.String(), nullable=False),
        sa.Column("isi", sa.String(), nullable=False),
        sa.Column("konteks", sa.String(), nullable=False),
        sa.Column("sumber_jenis", sa.String(), nullable=False),
        sa.Column("sumber_id", sa.Integer(), nullable=True),
        sa.Column("sidik_templat", sa.String(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit_organisasi.id"], name="fk_surat_unit_id_unit_organisasi"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("nomor", name="uq_nomor_surat"),
    )

    op.create_table(
        "tim_kerja",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(), nullable=False),
        sa.Column("bentuk", sa.String(), nullable=False),
        sa.Column("jenis_pembentukan", sa.String(), nullable=False),
        sa.Column("sasaran", sa.String(), nullable=False),
        sa.Column("tahun_anggaran", sa.Integer(), nullable=True),
        sa.Column("mulai", sa.Date(), nullable=False),
        sa.Column("selesai", sa.Date(), nullable=False),
        sa.Column("dasar_penetapan", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("tujuan", sa.String(), nullable=False),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.CheckConstraint("bentuk IN ('tim_kerja', 'kelompok_kerja', 'tim')", name="ck_bentuk_sah"),
        sa.CheckConstraint("jenis_pembentukan != 'tahunan' OR tahun_anggaran IS NOT NULL", name="ck_tahunan_bertahun"),
        sa.CheckConstraint("jenis_pembentukan IN ('tahunan', 'insidental')", name="ck_jenis_pembentukan_sah"),
        sa.CheckConstraint(
            (
                "sasaran IN ('pengampu_substansi', 'intervensi', 'administratif', 'layanan_teknis', "
                "'satuan_nonstruktural')"
            ),
            name="ck_sasaran_sah",
        ),
        sa.CheckConstraint("status IN ('draf', 'aktif', 'selesai', 'dibubarkan')", name="ck_status_sah"),
        sa.CheckConstraint("selesai IS NULL OR mulai IS NULL OR selesai >= mulai", name="ck_selesai_setelah_mulai"),
        sa.ForeignKeyConstraint(["unit_id"], ["unit_organisasi.id"], name="fk_tim_kerja_unit_id_unit_organisasi"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_index("ix_tim_kerja_unit_id", "tim_kerja", ["unit_id"])

    op.create_table(
        "kegiatan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("tim_id", sa.Integer(), nullable=True),
        sa.Column("pegawai_id", sa.Integer(), nullable=True),
        sa.Column("judul", sa.String(), nullable=False),
        sa.Column("indikator", sa.String(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("satuan", sa.String(), nullable=False),
        sa.Column("rencana_anggaran", sa.Integer(), nullable=True),
        sa.Column("perjanjian_kinerja", sa.String(), nullable=False),
        sa.Column("mulai", sa.Date(), nullable=True),
        sa.Column("tenggat", sa.Date(), nullable=True),
        sa.Column("tahap", sa.String(), nullable=False),
        sa.Column("sub_tahap", sa.String(), nullable=False),
        sa.Column("progres", sa.Integer(), nullable=False),
        sa.Column("ceklis", sa.String(), nullable=False),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.CheckConstraint("tahap IN ('perencanaan', 'pelaksanaan', 'evaluasi', 'selesai')", name="ck_tahap_sah"),
        sa.CheckConstraint("(tim_id IS NULL) != (pegawai_id IS NULL)", name="ck_kegiatan_tim_atau_individu"),
        sa.CheckConstraint("progres BETWEEN 0 AND 100", name="ck_progres_persen"),
        sa.CheckConstraint("rencana_anggaran IS NULL OR rencana_anggaran >= 0", name="ck_anggaran_positif"),
        sa.CheckConstraint("tenggat IS NULL OR mulai IS NULL OR tenggat >= mulai", name="ck_tenggat_setelah_mulai"),
        sa.ForeignKeyConstraint(["pegawai_id"], ["pegawai.id"], name="fk_kegiatan_pegawai_id_pegawai"),
        sa.ForeignKeyConstraint(["tim_id"], ["tim_kerja.id"], name="fk_kegiatan_tim_id_tim_kerja"),
        sa.ForeignKeyConstraint(["unit_id"], ["unit_organisasi.id"], name="fk_kegiatan_unit_id_unit_organisasi"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_index("ix_kegiatan_pegawai_id", "kegiatan", ["pegawai_id"])
    op.create_index("ix_kegiatan_tim_id", "kegiatan", ["tim_id"])
    op.create_index("ix_kegiatan_unit_id", "kegiatan", ["unit_id"])

    op.create_table(
        "permohonan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(), nullable=False),
        sa.Column("lingkup", sa.String(), nullable=False),
        sa.Column("tim_id", sa.Integer(), nullable=True),
        sa.Column("pegawai_id", sa.Integer(), nullable=True),
        sa.Column("dari_unit_id", sa.Integer(), nullable=False),
        sa.Column("ke_unit_id", sa.Integer(), nullable=True),
        sa.Column("pemohon_id", sa.Integer(), nullable=True),
        sa.Column("penerima_id", sa.Integer(), nullable=True),
        sa.Column("tembusan", sa.String(), nullable=False),
        sa.Column("maksud_tujuan", sa.String(), nullable=False),
        sa.Column("kompetensi", sa.String(), nullable=False),
        sa.Column("ekspektasi", sa.String(), nullable=False),
        sa.Column("durasi", sa.String(), nullable=False),
        sa.Column("jawaban_ketersediaan", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("alasan_penolakan", sa.String(), nullable=True),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.Column("diajukan", sa.DateTime(), nullable=True),
        sa.Column("diputus", sa.DateTime(), nullable=True),
        sa.CheckConstraint("jenis IN ('penunjukan', 'pengajuan_sukarela')", name="ck_jenis_sah"),
        sa.CheckConstraint("lingkup IN ('dalam_unit', 'lintas_unit', 'lintas_instansi')", name="ck_lingkup_sah"),
        sa.CheckConstraint(
            "status != 'ditolak' OR (alasan_penolakan IS NOT NULL AND length(trim(alasan_penolakan)) > 0)",
            name="ck_penolakan_beralasan",
        ),
        sa.CheckConstraint(
            "status IN ('draf', 'diajukan', 'disetujui', 'ditolak', 'dibatalkan', 'surat_tugas_terbit')",
            name="ck_status_sah",
        ),
        sa.ForeignKeyConstraint(
            ["dari_unit_id"], ["unit_organisasi.id"], name="fk_permohonan_dari_unit_id_unit_organisasi"
        ),
        sa.ForeignKeyConstraint(
            ["ke_unit_id"], ["unit_organisasi.id"], name="fk_permohonan_ke_unit_id_unit_organisasi"
        ),
        sa.ForeignKeyConstraint(["pegawai_id"], ["pegawai.id"], name="fk_permohonan_pegawai_id_pegawai"),
        sa.ForeignKeyConstraint(["pemohon_id"], ["pegawai.id"], name="fk_permohonan_pemohon_id_pegawai"),
        sa.ForeignKeyConstraint(["penerima_id"], ["pegawai.id"], name="fk_permohonan_penerima_id_pegawai"),
        sa.ForeignKeyConstraint(["tim_id"], ["tim_kerja.id"], name="fk_permohonan_tim_id_tim_kerja"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_index("ix_permohonan_pegawai_id", "permohonan", ["pegawai_id"])
    op.create_index("ix_permohonan_tim_id", "permohonan", ["tim_id"])

    op.create_table(
        "catatan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kegiatan_id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(), nullable=False),
        sa.Column("isi", sa.String(), nullable=False),
        sa.Column("rekomendasi", sa.String(), nullable=False),
        sa.Column("progres", sa.Integer(), nullable=True),
        sa.Column("penulis_id", sa.Integer(), nullable=True),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "jenis IN ('laporan_berkala', 'umpan_balik', 'kendala', 'permintaan_laporan', 'reviu', 'pengembalian')",
            name="ck_jenis_sah",
        ),
        sa.CheckConstraint("progres IS NULL OR progres BETWEEN 0 AND 100", name="ck_catatan_progres"),
        sa.ForeignKeyConstraint(["kegiatan_id"], ["kegiatan.id"], name="fk_catatan_kegiatan_id_kegiatan"),
        sa.ForeignKeyConstraint(["penulis_id"], ["pegawai.id"], name="fk_catatan_penulis_id_pegawai"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_index("ix_catatan_kegiatan_id", "catatan", ["kegiatan_id"])

    op.create_table(
        "keanggotaan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tim_id", sa.Integer(), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=False),
        sa.Column("peran", sa.String(), nullable=False),
        sa.Column("asal", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("uraian_peran", sa.String(), nullable=False),
        sa.Column("mulai", sa.Date(), nullable=True),
        sa.Column("selesai", sa.Date(), nullable=True),
        sa.Column("permohonan_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("asal IN ('dalam_unit', 'lintas_unit', 'lintas_instansi')", name="ck_asal_sah"),
        sa.CheckConstraint(
            "peran IN ('pengarah', 'penanggung_jawab', 'koordinator', 'ketua', 'anggota')", name="ck_peran_sah"
        ),
        sa.CheckConstraint(
            "status IN ('usulan', 'menunggu_persetujuan', 'aktif', 'berakhir', 'ditolak', 'dibatalkan')",
            name="ck_status_sah",
        ),
        sa.CheckConstraint("selesai IS NULL OR mulai IS NULL OR selesai >= mulai", name="ck_selesai_setelah_mulai"),
        sa.ForeignKeyConstraint(["pegawai_id"], ["pegawai.id"], name="fk_keanggotaan_pegawai_id_pegawai"),
        sa.ForeignKeyConstraint(["permohonan_id"], ["permohonan.id"], name="fk_keanggotaan_permohonan_id_permohonan"),
        sa.ForeignKeyConstraint(["tim_id"], ["tim_kerja.id"], name="fk_keanggotaan_tim_id_tim_kerja"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tim_id", "pegawai_id", "peran", name="uq_anggota_peran"),
    )

    op.create_index("ix_keanggotaan_pegawai_id", "keanggotaan", ["pegawai_id"])
    op.create_index("ix_keanggotaan_tim_id", "keanggotaan", ["tim_id"])

    op.create_table(
        "riwayat_tahap",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kegiatan_id", sa.Integer(), nullable=False),
        sa.Column("dari_tahap", sa.String(), nullable=True),
        sa.Column("ke_tahap", sa.String(), nullable=False),
        sa.Column("sub_tahap", sa.String(), nullable=False),
        sa.Column("oleh_id", sa.Integer(), nullable=True),
        sa.Column("alasan", sa.String(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "dari_tahap IS NULL OR dari_tahap IN ('perencanaan', 'pelaksanaan', 'evaluasi', 'selesai')",
            name="ck_dari_tahap_sah",
        ),
        sa.CheckConstraint("ke_tahap IN ('perencanaan', 'pelaksanaan', 'evaluasi', 'selesai')", name="ck_ke_tahap_sah"),
        sa.ForeignKeyConstraint(["kegiatan_id"], ["kegiatan.id"], name="fk_riwayat_tahap_kegiatan_id_kegiatan"),
        sa.ForeignKeyConstraint(["oleh_id"], ["pegawai.id"], name="fk_riwayat_tahap_oleh_id_pegawai"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_index("ix_riwayat_tahap_kegiatan_id", "riwayat_tahap", ["kegiatan_id"])

    op.create_table(
        "penilaian_anggota",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("keanggotaan_id", sa.Integer(), nullable=False),
        sa.Column("penilai_id", sa.Integer(), nullable=False),
        sa.Column("predikat", sa.String(), nullable=False),
        sa.Column("catatan", sa.String(), nullable=False),
        sa.Column("periode_mulai", sa.Date(), nullable=False),
        sa.Column("periode_selesai", sa.Date(), nullable=False),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.CheckConstraint("predikat IN ('di_bawah', 'sesuai', 'di_atas')", name="ck_predikat_sah"),
        sa.CheckConstraint(
            "periode_selesai IS NULL OR periode_mulai IS NULL OR periode_selesai >= periode_mulai",
            name="ck_periode_selesai_setelah_periode_mulai",
        ),
        sa.ForeignKeyConstraint(
            ["keanggotaan_id"], ["keanggotaan.id"], name="fk_penilaian_anggota_keanggotaan_id_keanggotaan"
        ),
        sa.ForeignKeyConstraint(["penilai_id"], ["pegawai.id"], name="fk_penilaian_anggota_penilai_id_pegawai"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("keanggotaan_id", "periode_selesai", name="uq_penilaian_periode"),
    )

    op.create_index("ix_penilaian_anggota_keanggotaan_id", "penilaian_anggota", ["keanggotaan_id"])


def downgrade() -> None:
    if not _sqlite():
        op.drop_constraint(FK_PIMPINAN, "unit_organisasi", type_="foreignkey")
    op.drop_table("penilaian_anggota")
    op.drop_table("riwayat_tahap")
    op.drop_table("keanggotaan")
    op.drop_table("catatan")
    op.drop_table("permohonan")
    op.drop_table("kegiatan")
    op.drop_table("tim_kerja")
    op.drop_table("surat")
    op.drop_table("pegawai")
    op.drop_table("unit_organisasi")
    op.drop_table("riwayat")
    op.drop_table("penomoran_surat")
    op.drop_table("pengaturan")
    op.drop_table("instansi")
