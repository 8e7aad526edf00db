"""Letters as sent: the rendered document, every delivery attempt, what caused the letter.

A queued letter (`register_tables.letter`) is rendered once into `letter_document` — its text
and PDF exactly as the customer got them — and every attempt to deliver it is a row of
`letter_delivery` (a failed e-mail and the paper letter that followed are two rows). Both are
append-only: what was sent is never edited. `letter_source` links a letter to the bill or
budget it carries, so each is sent once; `letter_profile` holds the utility's letterhead
beyond its name, CVR and address (e-mail, phone, web, logo).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)

from heatbill.adapters.db.tables import metadata

LETTER_APPEND_ONLY = ("letter_document", "letter_delivery")


def _letter_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["utility_id", "letter_id"], ["letter.utility_id", "letter.letter_id"]
    )


letter_document = Table(
    "letter_document",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("letter_id", BigInteger, primary_key=True, autoincrement=False),
    Column("language", String(5), nullable=False),
    Column("title", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("pdf", LargeBinary, nullable=False),
    Column("pdf_sha256", String(64), nullable=False),
    Column("rendered_at", DateTime(timezone=True), nullable=False),
    _letter_fk(),
)
"""The letter exactly as sent: text and PDF (with the hash of the PDF's bytes)."""

letter_delivery = Table(
    "letter_delivery",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("letter_id", BigInteger, primary_key=True, autoincrement=False),
    Column("attempt_no", Integer, primary_key=True, autoincrement=False),
    Column("channel", String(20), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("address", String(200), nullable=True),
    Column("detail", String(400), nullable=True),
    Column("batch", String(200), nullable=True),
    Column("attempted_at", DateTime(timezone=True), nullable=False),
    _letter_fk(),
)
"""Every attempt to deliver a letter: channel, outcome (sent, failed, notified), where to."""

letter_source = Table(
    "letter_source",
    metadata,
    Column("utility_id", Integer, primary_key=True),
    Column("source_kind", String(20), primary_key=True),
    Column("source_id", String(60), primary_key=True),
    Column("letter_id", BigInteger, nullable=False),
    _letter_fk(),
    Index(None, "utility_id", "letter_id"),
)
"""The bill (or budget) a letter carries: one letter per source, ever."""

letter_profile = Table(
    "letter_profile",
    metadata,
    Column("utility_id", Integer, primary_key=True, autoincrement=False),
    Column("email", String(200), nullable=True),
    Column("phone", String(40), nullable=True),
    Column("website", String(200), nullable=True),
    Column("logo_path", String(400), nullable=True),
    ForeignKeyConstraint(["utility_id"], ["utility.utility_id"]),
)
"""The letterhead's contact lines (and an optional logo image) of a utility."""
