"""The whole schema in one MetaData: importing this module registers every table."""

from heatbill.adapters.db import (
    access_tables,
    billing_tables,
    collection_tables,
    external_collection_tables,
    interest_tables,
    letter_tables,
    payment_tables,
    plan_tables,
    refund_tables,
    register_tables,
    run_tables,
    security_tables,
    tables,
)
from heatbill.adapters.db.tables import metadata

__all__ = [
    "access_tables",
    "billing_tables",
    "collection_tables",
    "external_collection_tables",
    "interest_tables",
    "letter_tables",
    "metadata",
    "payment_tables",
    "plan_tables",
    "refund_tables",
    "register_tables",
    "run_tables",
    "security_tables",
    "tables",
]
