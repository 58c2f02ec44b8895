"""Audit trail: the actor as a pegawai id beside the name (one actor format for every use case).

Older rows keep their text in `pelaku`; `pelaku_id` is filled where that text
was an id (the penugasan use cases wrote the id alone).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("riwayat", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pelaku_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_riwayat_pelaku_id"), ["pelaku_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_riwayat_pelaku_id_pegawai"), "pegawai", ["pelaku_id"], ["id"])
    riwayat = sa.table("riwayat", sa.column("pelaku", sa.String), sa.column("pelaku_id", sa.Integer))
    pegawai = sa.table("pegawai", sa.column("id", sa.Integer), sa.column("nama", sa.String))
    conn = op.get_bind()
    for (teks,) in conn.execute(sa.select(riwayat.c.pelaku).distinct()).all():
        if teks and teks.isdigit():
            nama = conn.execute(sa.select(pegawai.c.nama).where(pegawai.c.id == int(teks))).scalar()
            if nama is not None:
                conn.execute(riwayat.update().where(riwayat.c.pelaku == teks).values(pelaku_id=int(teks), pelaku=nama))


def downgrade() -> None:
    with op.batch_alter_table("riwayat", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_riwayat_pelaku_id_pegawai"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_riwayat_pelaku_id"))
        batch_op.drop_column("pelaku_id")
