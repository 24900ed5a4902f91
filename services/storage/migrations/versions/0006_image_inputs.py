"""Image-to-image jobs: `jobs.model` (the API model a job uses, so it can be priced per model) and
`jobs.input_images` (the images it starts from: their Discord URLs and the messages they come from, as
JSON), so a job resumed after a restart sends the same inputs, refreshed if their URLs expired.

Existing rows are text-to-image jobs without inputs.

Revision ID: 0006_image_inputs
Revises: 0005_purse
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_image_inputs"
down_revision: str | None = "0005_purse"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the two columns (existing rows: text-to-image, no inputs)."""
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("model", sa.String(64), nullable=False, server_default="wan2.5-text-to-image"))
        batch.add_column(sa.Column("input_images", sa.JSON, nullable=True))


def downgrade() -> None:
    """Drop the columns."""
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("input_images")
        batch.drop_column("model")
