"""The unit of work: one database transaction that rolls back unless the use case commits.

Routes, CLI commands and batch drivers never commit; use cases call `uow.commit()` once their
work is complete, so a crash half-way leaves nothing behind.

A reading unit of work (`write=False`) is a READ ONLY transaction on PostgreSQL: the server
refuses any write in it. Having nothing to undo, it ends with a COMMIT when it ends normally —
a ROLLBACK would make psycopg forget the statements it has prepared on the connection, and
every page would have its ~30 statements planned again (a join of five tables: ~1.5 ms to
plan, ~0.2 ms to run prepared).
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine

from heatbill.adapters.cpr_vault import CprVault, installation_secret
from heatbill.adapters.db.access_repository import SqlAccess
from heatbill.adapters.db.bill_repository import SqlBills
from heatbill.adapters.db.budget_repository import SqlBudgets
from heatbill.adapters.db.collection_repository import SqlClaims
from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.installation_repository import SqlInstallations
from heatbill.adapters.db.interest_repository import SqlInterestCharges, SqlReferenceRates
from heatbill.adapters.db.ledger_repository import SqlLedger
from heatbill.adapters.db.letter_repository import SqlLetters
from heatbill.adapters.db.party_repository import SqlParties
from heatbill.adapters.db.payment_repository import SqlPayments
from heatbill.adapters.db.reading_repository import SqlReadings
from heatbill.adapters.db.refund_repository import SqlRefunds
from heatbill.adapters.db.run_repository import SqlDailyRuns
from heatbill.adapters.db.security_repository import SqlSecurities
from heatbill.adapters.db.utility_repository import SqlUtilities


class UnitOfWork:
    def __init__(
        self, engine: Engine, *, write: bool = True, vault: CprVault | None = None
    ) -> None:
        self._engine = engine
        self._vault = vault
        self._write = write
        self._connection: Connection | None = None
        self._committed = False
        self.memo: dict[tuple[object, ...], object] = {}
        """What a use case read once and may ask for again within this transaction (the
        rulebook and tariff sheet of a day, `services.utilities`); emptied when the
        transaction begins, commits or rolls back."""

    def __enter__(self) -> Self:
        options: dict[str, object] = {"sqlite_begin": "IMMEDIATE"} if self._write else {}
        if self._read_only_server:
            options["postgresql_readonly"] = True
        self._connection = self._engine.connect().execution_options(**options)
        self._connection.begin()
        self._committed = False
        self.memo.clear()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        connection = self.connection
        try:
            if not self._committed:
                if exc_type is None and self._read_only_server:
                    connection.commit()  # nothing to undo; keeps the prepared statements
                else:
                    connection.rollback()
        finally:
            connection.close()
            self._connection = None
            self.memo.clear()

    @property
    def _read_only_server(self) -> bool:
        return not self._write and self._engine.dialect.name == "postgresql"

    @property
    def connection(self) -> Connection:
        if self._connection is None:
            raise RuntimeError("the unit of work is not open (use it in a with-block)")
        return self._connection

    def commit(self) -> None:
        self.connection.commit()
        self._committed = True
        self.memo.clear()

    def rollback(self) -> None:
        self.connection.rollback()
        self.memo.clear()

    # --- repositories -------------------------------------------------------------------
    @property
    def utilities(self) -> SqlUtilities:
        return SqlUtilities(self.connection)

    def ids(self, utility_id: int) -> IdAllocator:
        return IdAllocator(self.connection, utility_id)

    def access(self, utility_id: int) -> SqlAccess:
        return SqlAccess(self.connection, utility_id, self.ids(utility_id))

    def ledger(self, utility_id: int) -> SqlLedger:
        return SqlLedger(self.connection, utility_id, self.ids(utility_id))

    def parties(self, utility_id: int) -> SqlParties:
        if self._vault is None:
            self._vault = CprVault(installation_secret())
        return SqlParties(self.connection, utility_id, self._vault)

    def installations(self, utility_id: int) -> SqlInstallations:
        return SqlInstallations(self.connection, utility_id)

    def readings(self, utility_id: int) -> SqlReadings:
        return SqlReadings(self.connection, utility_id, self.ids(utility_id))

    def bills(self, utility_id: int) -> SqlBills:
        return SqlBills(self.connection, utility_id)

    def budgets(self, utility_id: int) -> SqlBudgets:
        return SqlBudgets(self.connection, utility_id)

    def payments(self, utility_id: int) -> SqlPayments:
        return SqlPayments(self.connection, utility_id)

    def claims(self, utility_id: int) -> SqlClaims:
        return SqlClaims(self.connection, utility_id)

    def daily_runs(self, utility_id: int) -> SqlDailyRuns:
        return SqlDailyRuns(self.connection, utility_id)

    def letters(self, utility_id: int) -> SqlLetters:
        return SqlLetters(self.connection, utility_id, self.ids(utility_id))

    @property
    def reference_rates(self) -> SqlReferenceRates:
        return SqlReferenceRates(self.connection)

    def interest(self, utility_id: int) -> SqlInterestCharges:
        return SqlInterestCharges(self.connection, utility_id)

    def refunds(self, utility_id: int) -> SqlRefunds:
        return SqlRefunds(self.connection, utility_id, self.ids(utility_id))

    def securities(self, utility_id: int) -> SqlSecurities:
        return SqlSecurities(self.connection, utility_id, self.ids(utility_id))
