"""Penugasan: approval steps and the history of each permohonan, Sekda's ketua recommendation.

New NOT NULL columns get server defaults so existing rows stay valid; the
CHECK codes are written out as in 0001.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "riwayat_permohonan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("permohonan_id", sa.Integer(), nullable=False),
        sa.Column("aksi", sa.String(), nullable=False),
        sa.Column("dari_status", sa.String(), nullable=True),
        sa.Column("ke_status", sa.String(), nullable=False),
        sa.Column("langkah", sa.Integer(), nullable=False),
        sa.Column("oleh_id", sa.Integer(), nullable=True),
        sa.Column("sebagai", sa.String(), nullable=False),
        sa.Column("alasan", sa.String(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            (
                "dari_status IS NULL OR dari_status IN ('draf', 'diajukan', 'disetujui', 'ditolak', "
                "'dibatalkan', 'surat_tugas_terbit')"
            ),
            name="ck_dari_status_sah",
        ),
        sa.CheckConstraint(
            "ke_status IN ('draf', 'diajukan', 'disetujui', 'ditolak', 'dibatalkan', 'surat_tugas_terbit')",
            name="ck_ke_status_sah",
        ),
        sa.ForeignKeyConstraint(["oleh_id"], ["pegawai.id"], name=op.f("fk_riwayat_permohonan_oleh_id_pegawai")),
        sa.ForeignKeyConstraint(
            ["permohonan_id"], ["permohonan.id"], name=op.f("fk_riwayat_permohonan_permohonan_id_permohonan")
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("riwayat_permohonan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_riwayat_permohonan_permohonan_id"), ["permohonan_id"], unique=False)

    with op.batch_alter_table("permohonan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("daftar_pegawai", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("catatan_lisan", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("peran", sa.String(), nullable=False, server_default="anggota"))
        batch_op.add_column(sa.Column("uraian_peran", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("langkah_disetujui", sa.Integer(), nullable=False, server_default="0"))
        batch_op.create_check_constraint(
            "ck_peran_sah", "peran IN ('pengarah', 'penanggung_jawab', 'koordinator', 'ketua', 'anggota')"
        )
        batch_op.create_check_constraint("ck_langkah_positif", "langkah_disetujui >= 0")

    with op.batch_alter_table("tim_kerja", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rekomendasi_ketua_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("rekomendasi_catatan", sa.String(), nullable=False, server_default=""))
        batch_op.create_foreign_key(
            batch_op.f("fk_tim_kerja_rekomendasi_ketua_id_pegawai"), "pegawai", ["rekomendasi_ketua_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("tim_kerja", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_tim_kerja_rekomendasi_ketua_id_pegawai"), type_="foreignkey")
        batch_op.drop_column("rekomendasi_catatan")
        batch_op.drop_column("rekomendasi_ketua_id")

    with op.batch_alter_table("permohonan", schema=None) as batch_op:
        batch_op.drop_constraint("ck_langkah_positif", type_="check")
        batch_op.drop_constraint("ck_peran_sah", type_="check")
        batch_op.drop_column("langkah_disetujui")
        batch_op.drop_column("uraian_peran")
        batch_op.drop_column("peran")
        batch_op.drop_column("catatan_lisan")
        batch_op.drop_column("daftar_pegawai")

    with op.batch_alter_table("riwayat_permohonan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_riwayat_permohonan_permohonan_id"))

    op.drop_table("riwayat_permohonan")
