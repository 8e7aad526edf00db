"""Register tables: parties, properties and their owners, installations, meters, customer
relationships, readings, imports, degree days, reading requests and the letter queue.

Unlike the ledger, register rows carry state that changes (a meter gets a removal date, a
held reading is decided); what was decided, by whom and why is kept on the row. Quantities
are exact Decimals (stored as scaled integers, `types.ScaledDecimal`) with their unit in the
column name; CPR numbers are stored sealed (encrypted) with
a keyed lookup hash for exact-match search, never in clear.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    Join,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    text,
)

from heatbill.adapters.db.tables import metadata
from heatbill.adapters.db.types import ScaledDecimal


def _utility_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["utility_id"], ["utility.utility_id"])


party = Table(
    "party",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("party_id", BigInteger, primary_key=True, autoincrement=False),
    Column("kind", String(10), nullable=False),
    Column("name", String(200), nullable=False),
    Column("cpr_sealed", String(200), nullable=True),
    Column("cpr_lookup", String(64), nullable=True),
    Column("cvr", String(8), nullable=True),
    Column("ean", String(13), nullable=True),
    Column("email", String(200), nullable=True),
    Column("mobile", String(20), nullable=True),
    Column("digital_post", Boolean, nullable=False),
    Column("digital_post_exempt", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    _utility_fk(),
    Index(None, "utility_id", "cpr_lookup"),
    Index(None, "utility_id", "cvr"),
)

property_ = Table(
    "property",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("property_id", BigInteger, primary_key=True, autoincrement=False),
    Column("address", String(200), nullable=False),
    Column("postcode", String(4), nullable=False),
    Column("city", String(100), nullable=False),
    Column("heated_area_m2", ScaledDecimal(2), nullable=False),
    Column("volume_m3", ScaledDecimal(2), nullable=True),
    Column("use", String(10), nullable=False),
    Column("bbr_id", String(40), nullable=True),
    _utility_fk(),
)

property_owner = Table(
    "property_owner",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("property_id", BigInteger, primary_key=True),
    Column("party_id", BigInteger, primary_key=True),
    Column("start_on", Date, primary_key=True),
    Column("end_on", Date, nullable=True),
    ForeignKeyConstraint(
        ["utility_id", "property_id"], ["property.utility_id", "property.property_id"]
    ),
    ForeignKeyConstraint(["utility_id", "party_id"], ["party.utility_id", "party.party_id"]),
)
"""Who owns a property when: the owner is liable between tenants (`aalborg 1.7`)."""

installation = Table(
    "installation",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("installation_id", BigInteger, primary_key=True, autoincrement=False),
    Column("property_id", BigInteger, nullable=False),
    Column("number", String(40), nullable=False),
    ForeignKeyConstraint(
        ["utility_id", "property_id"], ["property.utility_id", "property.property_id"]
    ),
    UniqueConstraint("utility_id", "number"),
    Index(None, "utility_id", "property_id"),
)

meter = Table(
    "meter",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("meter_id", BigInteger, primary_key=True, autoincrement=False),
    Column("installation_id", BigInteger, nullable=False),
    Column("serial", String(40), nullable=False),
    Column("installed_on", Date, nullable=False),
    Column("removed_on", Date, nullable=True),
    Column("method", String(10), nullable=False),
    Column("size", String(10), nullable=False),
    ForeignKeyConstraint(
        ["utility_id", "installation_id"],
        ["installation.utility_id", "installation.installation_id"],
    ),
    Index(None, "utility_id", "serial"),
    Index(None, "utility_id", "installation_id"),
)

relationship = Table(
    "relationship",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("relationship_id", BigInteger, primary_key=True, autoincrement=False),
    Column("installation_id", BigInteger, nullable=False),
    Column("party_id", BigInteger, nullable=False),
    Column("role", String(20), nullable=False),
    Column("start_on", Date, nullable=False),
    Column("end_on", Date, nullable=True),
    Column("interim", Boolean, nullable=False),
    Column("notified_on", Date, nullable=True),
    Column("late_notice", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(
        ["utility_id", "installation_id"],
        ["installation.utility_id", "installation.installation_id"],
    ),
    ForeignKeyConstraint(["utility_id", "party_id"], ["party.utility_id", "party.party_id"]),
    Index(None, "utility_id", "installation_id"),
    Index(None, "utility_id", "party_id"),
    Index(
        "ix_relationship_ended",
        "utility_id",
        "end_on",
        sqlite_where=text("end_on IS NOT NULL"),
        postgresql_where=text("end_on IS NOT NULL"),
    ),
)
"""Customer relationships; the relationship id is the customer account in the ledger."""

file_import = Table(
    "file_import",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("import_id", BigInteger, primary_key=True, autoincrement=False),
    Column("kind", String(20), nullable=False),
    Column("file_name", String(400), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("row_count", Integer, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    _utility_fk(),
    UniqueConstraint("utility_id", "kind", "sha256"),
)
"""Every file taken in, once: the same content twice is refused, naming this import."""

reading = Table(
    "reading",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("reading_id", BigInteger, primary_key=True, autoincrement=False),
    Column("meter_id", BigInteger, nullable=False),
    Column("read_on", Date, nullable=False),
    Column("energy_mwh", ScaledDecimal(3), nullable=False),
    Column("volume_m3", ScaledDecimal(3), nullable=False),
    Column("forward_c", ScaledDecimal(2), nullable=True),
    Column("return_c", ScaledDecimal(2), nullable=True),
    Column("source", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("hold_reasons", Text, nullable=True),
    Column("import_id", BigInteger, nullable=True),
    Column("supersedes_reading_id", BigInteger, nullable=True),
    Column("note", String(400), nullable=True),
    Column("decided_by", String(100), nullable=True),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["utility_id", "meter_id"], ["meter.utility_id", "meter.meter_id"]),
    ForeignKeyConstraint(
        ["utility_id", "import_id"], ["file_import.utility_id", "file_import.import_id"]
    ),
    Index(None, "utility_id", "meter_id", "read_on"),
    Index(None, "utility_id", "read_on"),
    Index(  # the held list (`vestervig 5.9`); nearly every reading is accepted
        "ix_reading_held",
        "utility_id",
        "read_on",
        sqlite_where=text("status = 'held'"),
        postgresql_where=text("status = 'held'"),
    ),
)

reading_request = Table(
    "reading_request",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("meter_id", BigInteger, primary_key=True),
    Column("read_on", Date, primary_key=True),
    Column("sent_on", Date, nullable=False),
    Column("deadline", Date, nullable=False),
    Column("reminded_on", Date, nullable=True),
    Column("estimated_on", Date, nullable=True),
    Column("answered_on", Date, nullable=True),
    ForeignKeyConstraint(["utility_id", "meter_id"], ["meter.utility_id", "meter.meter_id"]),
)
"""Self-reading requests (`vestervig 5.6`): deadline, reminder, estimate (`5.7`)."""

degree_day = Table(
    "degree_day",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("month", Integer, primary_key=True, autoincrement=False),
    Column("degree_days", ScaledDecimal(1), nullable=False),
    Column("import_id", BigInteger, nullable=True),
    _utility_fk(),
)

letter = Table(
    "letter",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("letter_id", BigInteger, primary_key=True, autoincrement=False),
    Column("party_id", BigInteger, nullable=False),
    Column("relationship_id", BigInteger, nullable=True),
    Column("kind", String(40), nullable=False),
    Column("clause", String(80), nullable=True),
    Column("status", String(20), nullable=False),
    Column("facts", Text, nullable=False),
    Column("created_on", Date, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["utility_id", "party_id"], ["party.utility_id", "party.party_id"]),
    Index(None, "utility_id", "party_id"),
    Index(None, "utility_id", "relationship_id"),
    Index(None, "utility_id", "status"),
)
"""Letters to send, with the facts they state (JSON) and the clause that caused them."""


def customers_with_places() -> Join:
    """Customer relationships joined to their party, installation and property (address):
    the FROM clause of every listing that names a customer and where the heat goes."""
    return (
        relationship.join(
            party,
            and_(
                party.c.utility_id == relationship.c.utility_id,
                party.c.party_id == relationship.c.party_id,
            ),
        )
        .join(
            installation,
            and_(
                installation.c.utility_id == relationship.c.utility_id,
                installation.c.installation_id == relationship.c.installation_id,
            ),
        )
        .join(
            property_,
            and_(
                property_.c.utility_id == installation.c.utility_id,
                property_.c.property_id == installation.c.property_id,
            ),
        )
    )
