"""Invariants that hold after every integration test, checked on the database itself."""

from __future__ import annotations

from sqlalchemy import Engine, text


def assert_ledger_invariants(engine: Engine, utility_id: int) -> None:
    with engine.connect() as connection:
        unbalanced = connection.execute(
            text(
                "SELECT entry_id, sum(amount_ore), count(*) FROM posting WHERE utility_id = :u "
                "GROUP BY entry_id HAVING sum(amount_ore) <> 0 OR count(*) < 2"
            ),
            {"u": utility_id},
        ).all()
        assert unbalanced == [], f"unbalanced journal entries: {unbalanced}"
        empty = connection.execute(
            text(
                "SELECT e.entry_id FROM journal_entry e WHERE e.utility_id = :u AND NOT EXISTS "
                "(SELECT 1 FROM posting p WHERE p.utility_id = e.utility_id "
                "AND p.entry_id = e.entry_id)"
            ),
            {"u": utility_id},
        ).all()
        assert empty == [], f"journal entries without postings: {empty}"
        receivables = connection.execute(
            text(
                "SELECT coalesce(sum(amount_ore), 0) FROM posting "
                "WHERE utility_id = :u AND account = 'receivables'"
            ),
            {"u": utility_id},
        ).scalar_one()
        items = connection.execute(
            text(
                "SELECT coalesce(sum(p.amount_ore), 0) FROM posting p JOIN open_item o "
                "ON o.utility_id = p.utility_id AND o.open_item_id = p.open_item_id "
                "WHERE p.utility_id = :u"
            ),
            {"u": utility_id},
        ).scalar_one()
        assert int(items) == int(receivables), "open items do not sum to the receivables balance"
        stray = connection.execute(
            text(
                "SELECT count(*) FROM posting WHERE utility_id = :u AND "
                "((account = 'receivables') <> (open_item_id IS NOT NULL))"
            ),
            {"u": utility_id},
        ).scalar_one()
        assert int(stray) == 0, "a receivables posting without open item, or vice versa"
        drifted = connection.execute(
            text(
                "SELECT p.open_item_id FROM posting p LEFT JOIN open_item_residual r "
                "ON r.utility_id = p.utility_id AND r.open_item_id = p.open_item_id "
                "WHERE p.utility_id = :u AND p.open_item_id IS NOT NULL "
                "GROUP BY p.open_item_id, r.residual_ore "
                "HAVING r.residual_ore IS NULL OR sum(p.amount_ore) <> r.residual_ore"
            ),
            {"u": utility_id},
        ).all()
        assert drifted == [], f"kept residuals differ from the postings: {drifted[:5]}"
