"""Penugasan individu: a permohonan may bring a pegawai to a kegiatan of their own instead of a team.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("permohonan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kegiatan_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_permohonan_kegiatan_id"), ["kegiatan_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_permohonan_kegiatan_id_kegiatan"), "kegiatan", ["kegiatan_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("permohonan", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_permohonan_kegiatan_id_kegiatan"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_permohonan_kegiatan_id"))
        batch_op.drop_column("kegiatan_id")
