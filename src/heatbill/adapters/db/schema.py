"""The whole schema in one MetaData: importing this module registers every table."""

from heatbill.adapters.db import register_tables, tables
from heatbill.adapters.db.tables import metadata

__all__ = ["metadata", "register_tables", "tables"]
