"""Register: parties, properties and owners, installations, meters, relationships, readings,
file imports, reading requests, degree days and the letter queue.

Quantities are exact decimals stored as scaled BIGINTs (heatbill.adapters.db.types).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "degree_day",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("degree_days", sa.BigInteger(), nullable=False),
        sa.Column("import_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id"], ["utility.utility_id"], name=op.f("fk_degree_day_utility_id_utility")
        ),
        sa.PrimaryKeyConstraint("utility_id", "year", "month", name=op.f("pk_degree_day")),
    )
    op.create_table(
        "file_import",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=400), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id"], ["utility.utility_id"], name=op.f("fk_file_import_utility_id_utility")
        ),
        sa.PrimaryKeyConstraint("utility_id", "import_id", name=op.f("pk_file_import")),
        sa.UniqueConstraint(
            "utility_id", "kind", "sha256", name=op.f("uq_file_import_utility_id_kind_sha256")
        ),
    )
    op.create_table(
        "party",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("cpr_sealed", sa.String(length=200), nullable=True),
        sa.Column("cpr_lookup", sa.String(length=64), nullable=True),
        sa.Column("cvr", sa.String(length=8), nullable=True),
        sa.Column("ean", sa.String(length=13), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("mobile", sa.String(length=20), nullable=True),
        sa.Column("digital_post", sa.Boolean(), nullable=False),
        sa.Column("digital_post_exempt", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id"], ["utility.utility_id"], name=op.f("fk_party_utility_id_utility")
        ),
        sa.PrimaryKeyConstraint("utility_id", "party_id", name=op.f("pk_party")),
    )
    op.create_index(
        op.f("ix_party_utility_id_cpr_lookup"), "party", ["utility_id", "cpr_lookup"], unique=False
    )
    op.create_index(op.f("ix_party_utility_id_cvr"), "party", ["utility_id", "cvr"], unique=False)
    op.create_table(
        "property",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("property_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("heated_area_m2", sa.BigInteger(), nullable=False),
        sa.Column("volume_m3", sa.BigInteger(), nullable=True),
        sa.Column("use", sa.String(length=10), nullable=False),
        sa.Column("bbr_id", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id"], ["utility.utility_id"], name=op.f("fk_property_utility_id_utility")
        ),
        sa.PrimaryKeyConstraint("utility_id", "property_id", name=op.f("pk_property")),
    )
    op.create_table(
        "installation",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("installation_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("property_id", sa.BigInteger(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "property_id"],
            ["property.utility_id", "property.property_id"],
            name=op.f("fk_installation_utility_id_property_id_property"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "installation_id", name=op.f("pk_installation")),
        sa.UniqueConstraint("utility_id", "number", name=op.f("uq_installation_utility_id_number")),
    )
    op.create_index(
        op.f("ix_installation_utility_id_property_id"),
        "installation",
        ["utility_id", "property_id"],
        unique=False,
    )
    op.create_table(
        "letter",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("letter_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("party_id", sa.BigInteger(), nullable=False),
        sa.Column("relationship_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("clause", sa.String(length=80), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "party_id"],
            ["party.utility_id", "party.party_id"],
            name=op.f("fk_letter_utility_id_party_id_party"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "letter_id", name=op.f("pk_letter")),
    )
    op.create_index(
        op.f("ix_letter_utility_id_party_id"), "letter", ["utility_id", "party_id"], unique=False
    )
    op.create_index(
        op.f("ix_letter_utility_id_status"), "letter", ["utility_id", "status"], unique=False
    )
    op.create_table(
        "property_owner",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("property_id", sa.BigInteger(), nullable=False),
        sa.Column("party_id", sa.BigInteger(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id", "party_id"],
            ["party.utility_id", "party.party_id"],
            name=op.f("fk_property_owner_utility_id_party_id_party"),
        ),
        sa.ForeignKeyConstraint(
            ["utility_id", "property_id"],
            ["property.utility_id", "property.property_id"],
            name=op.f("fk_property_owner_utility_id_property_id_property"),
        ),
        sa.PrimaryKeyConstraint(
            "utility_id", "property_id", "party_id", "start_on", name=op.f("pk_property_owner")
        ),
    )
    op.create_table(
        "meter",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("meter_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("installation_id", sa.BigInteger(), nullable=False),
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("installed_on", sa.Date(), nullable=False),
        sa.Column("removed_on", sa.Date(), nullable=True),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("size", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "installation_id"],
            ["installation.utility_id", "installation.installation_id"],
            name=op.f("fk_meter_utility_id_installation_id_installation"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "meter_id", name=op.f("pk_meter")),
    )
    op.create_index(
        op.f("ix_meter_utility_id_installation_id"),
        "meter",
        ["utility_id", "installation_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_meter_utility_id_serial"), "meter", ["utility_id", "serial"], unique=False
    )
    op.create_table(
        "relationship",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("relationship_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("installation_id", sa.BigInteger(), nullable=False),
        sa.Column("party_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("interim", sa.Boolean(), nullable=False),
        sa.Column("notified_on", sa.Date(), nullable=True),
        sa.Column("late_notice", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "installation_id"],
            ["installation.utility_id", "installation.installation_id"],
            name=op.f("fk_relationship_utility_id_installation_id_installation"),
        ),
        sa.ForeignKeyConstraint(
            ["utility_id", "party_id"],
            ["party.utility_id", "party.party_id"],
            name=op.f("fk_relationship_utility_id_party_id_party"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "relationship_id", name=op.f("pk_relationship")),
    )
    op.create_index(
        op.f("ix_relationship_utility_id_installation_id"),
        "relationship",
        ["utility_id", "installation_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_relationship_utility_id_party_id"),
        "relationship",
        ["utility_id", "party_id"],
        unique=False,
    )
    op.create_table(
        "reading",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("reading_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("meter_id", sa.BigInteger(), nullable=False),
        sa.Column("read_on", sa.Date(), nullable=False),
        sa.Column("energy_mwh", sa.BigInteger(), nullable=False),
        sa.Column("volume_m3", sa.BigInteger(), nullable=False),
        sa.Column("forward_c", sa.BigInteger(), nullable=True),
        sa.Column("return_c", sa.BigInteger(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("hold_reasons", sa.Text(), nullable=True),
        sa.Column("import_id", sa.BigInteger(), nullable=True),
        sa.Column("supersedes_reading_id", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.String(length=400), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["utility_id", "import_id"],
            ["file_import.utility_id", "file_import.import_id"],
            name=op.f("fk_reading_utility_id_import_id_file_import"),
        ),
        sa.ForeignKeyConstraint(
            ["utility_id", "meter_id"],
            ["meter.utility_id", "meter.meter_id"],
            name=op.f("fk_reading_utility_id_meter_id_meter"),
        ),
        sa.PrimaryKeyConstraint("utility_id", "reading_id", name=op.f("pk_reading")),
    )
    op.create_index(
        op.f("ix_reading_utility_id_meter_id_read_on"),
        "reading",
        ["utility_id", "meter_id", "read_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_reading_utility_id_status"), "reading", ["utility_id", "status"], unique=False
    )
    op.create_table(
        "reading_request",
        sa.Column("utility_id", sa.Integer(), nullable=False),
        sa.Column("meter_id", sa.BigInteger(), nullable=False),
        sa.Column("read_on", sa.Date(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("reminded_on", sa.Date(), nullable=True),
        sa.Column("estimated_on", sa.Date(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["utility_id", "meter_id"],
            ["meter.utility_id", "meter.meter_id"],
            name=op.f("fk_reading_request_utility_id_meter_id_meter"),
        ),
        sa.PrimaryKeyConstraint(
            "utility_id", "meter_id", "read_on", name=op.f("pk_reading_request")
        ),
    )


def downgrade() -> None:
    op.drop_table("reading_request")
    op.drop_index(op.f("ix_reading_utility_id_status"), table_name="reading")
    op.drop_index(op.f("ix_reading_utility_id_meter_id_read_on"), table_name="reading")
    op.drop_table("reading")
    op.drop_index(op.f("ix_relationship_utility_id_party_id"), table_name="relationship")
    op.drop_index(op.f("ix_relationship_utility_id_installation_id"), table_name="relationship")
    op.drop_table("relationship")
    op.drop_index(op.f("ix_meter_utility_id_serial"), table_name="meter")
    op.drop_index(op.f("ix_meter_utility_id_installation_id"), table_name="meter")
    op.drop_table("meter")
    op.drop_table("property_owner")
    op.drop_index(op.f("ix_letter_utility_id_status"), table_name="letter")
    op.drop_index(op.f("ix_letter_utility_id_party_id"), table_name="letter")
    op.drop_table("letter")
    op.drop_index(op.f("ix_installation_utility_id_property_id"), table_name="installation")
    op.drop_table("installation")
    op.drop_table("property")
    op.drop_index(op.f("ix_party_utility_id_cvr"), table_name="party")
    op.drop_index(op.f("ix_party_utility_id_cpr_lookup"), table_name="party")
    op.drop_table("party")
    op.drop_table("file_import")
    op.drop_table("degree_day")
