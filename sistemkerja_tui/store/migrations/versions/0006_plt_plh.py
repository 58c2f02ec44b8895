"""A Plt. or Plh. leading a unit: the acting official and the kind of the assignment.

`sementara_id` points at the pegawai; `jenis_sementara` is `plt` (the post is
vacant) or `plh` (the head is away). Both are set together or both empty.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("unit_organisasi", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sementara_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("jenis_sementara", sa.String(), nullable=True))
        batch_op.create_index(batch_op.f("ix_unit_organisasi_sementara_id"), ["sementara_id"], unique=False)
        batch_op.create_foreign_key("fk_unit_sementara", "pegawai", ["sementara_id"], ["id"])
        batch_op.create_check_constraint(
            "ck_jenis_sementara_sah", "jenis_sementara IS NULL OR jenis_sementara IN ('plt', 'plh')"
        )
        batch_op.create_check_constraint("ck_sementara_berjenis", "(sementara_id IS NULL) = (jenis_sementara IS NULL)")


def downgrade() -> None:
    with op.batch_alter_table("unit_organisasi", schema=None) as batch_op:
        batch_op.drop_constraint("ck_sementara_berjenis", type_="check")
        batch_op.drop_constraint("ck_jenis_sementara_sah", type_="check")
        batch_op.drop_constraint("fk_unit_sementara", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_unit_organisasi_sementara_id"))
        batch_op.drop_column("jenis_sementara")
        batch_op.drop_column("sementara_id")
