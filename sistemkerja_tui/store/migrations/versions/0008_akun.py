"""Accounts for mode "bersama" (one database for a whole Pemda): a pimpinan logs in with NIP and password.

`sandi` is an argon2id hash (never the password); `harus_ganti` asks for a new password at the next login
(a new or reset account); `gagal` counts failed logins in a row (each one delays the next answer).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "akun",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=False),
        sa.Column("sandi", sa.String(), nullable=False),
        sa.Column("admin", sa.Boolean(), nullable=False),
        sa.Column("harus_ganti", sa.Boolean(), nullable=False),
        sa.Column("gagal", sa.Integer(), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.Column("masuk_terakhir", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["pegawai_id"], ["pegawai.id"], name="fk_akun_pegawai_id_pegawai"),
        sa.PrimaryKeyConstraint("id"),
        sa.CheckConstraint("gagal >= 0", name="ck_akun_gagal"),
    )
    op.create_index(op.f("ix_akun_pegawai_id"), "akun", ["pegawai_id"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_akun_pegawai_id"), table_name="akun")
    op.drop_table("akun")
