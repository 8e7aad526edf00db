"""Every row belongs to one utility: keys and indexes start with utility_id (shardable).

The one exception is a table marked `info={"scope": "installation"}`: reference data the same
for every utility (Nationalbanken's reference rate), copied to every shard; it has no
utility_id at all."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, UniqueConstraint

from heatbill.adapters.db.schema import metadata


def test_every_primary_key_and_index_starts_with_the_utility() -> None:
    for table in metadata.sorted_tables:
        if table.info.get("scope") == "installation":
            assert "utility_id" not in table.columns, table.name
            continue
        assert table.primary_key.columns.values()[0].name == "utility_id", table.name
        if table.name == "utility":
            continue
        for index in table.indexes:
            assert isinstance(index, Index)
            assert index.expressions[0].name == "utility_id", (table.name, index.name)  # type: ignore[union-attr]
        for constraint in table.constraints:
            if isinstance(constraint, UniqueConstraint):
                assert constraint.columns.values()[0].name == "utility_id", table.name


def test_amounts_are_bigint_ore() -> None:
    amounts = [c for t in metadata.sorted_tables for c in t.columns if c.name.endswith("_ore")]
    assert amounts
    assert all(isinstance(c.type, BigInteger) for c in amounts)
