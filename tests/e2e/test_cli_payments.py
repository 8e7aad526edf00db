"""Payments and mandates through the real `heatbill` command, on SQLite and PostgreSQL: a
Betalingsservice delivery taken in and refused the second time, the clarification list and an
assignment, a 0603 mandate delivery and the mandate cancelled when the tenant moves out."""

from __future__ import annotations

from datetime import date

from tests.e2e.conftest import Heatbill
from tests.integration.payment_files import Collected, bs_0602
from tests.integration.register_story import CUSTOMERS_CSV
from tests.unit.bs_files import PBS, SectionSpec, as_bytes, ddmmyy, delivery, num, record


def registered(customer: int, created: date) -> str:
    """A 0603 record: the customer's mandate registered (0231)."""
    return record(
        "042", (6, PBS), (14, "0231"), (18, "000"), (21, "00001"),
        (26, num(customer, 15)), (41, num(100_000 + customer, 9)), (50, ddmmyy(created)),
        (56, ddmmyy(None)),
    )  # fmt: skip


def mandates_0603(delivery_id: int, created: date, customers: list[int]) -> bytes:
    body = [registered(c, created) for c in customers]
    return as_bytes(delivery("0603", delivery_id, created, [SectionSpec("0212", body, 0)]))


def test_payments_and_mandates_as_staff_use_them(heatbill: Heatbill) -> None:
    heatbill(
        "utility", "create", "--code", "fire", "--name", "Fire Rater Varme", "--cvr", "12345678",
        "--address", "Varmevej 1", "--rulebook", "4rater", "--tariffs", "4rater",
    )  # fmt: skip
    heatbill.write("kunder.csv", CUSTOMERS_CSV)
    heatbill("import", "customers", "kunder.csv", "-u", "fire", "--as-of", "01-01-2026")
    heatbill("run", "budgets", "--year", "2026", "-u", "fire")
    heatbill("run", "billing", "--date", "02-01-2026", "-u", "fire")
    ids = {
        n: heatbill.json("customers", "show", n, "-u", "fire")["relationships"][0][
            "relationship_id"
        ]
        for n in ("10001", "10002")
    }

    (heatbill.cwd / "0603.txt").write_bytes(
        mandates_0603(900, date(2026, 1, 5), list(ids.values()))
    )
    done = heatbill("import", "mandates", "0603.txt", "-u", "fire")
    assert "2 aftaler tilmeldt, 0 afmeldt" in done
    listed = heatbill.json("mandates", "list", "-u", "fire")
    assert {(m["customer_id"], m["active"]) for m in listed} == {(c, True) for c in ids.values()}

    paid = bs_0602(
        901,
        date(2026, 2, 3),
        [
            Collected("0236", ids["10001"], 50_000, date(2026, 2, 2)),
            Collected("0236", 999, 12_345, date(2026, 2, 2)),
        ],
        [],
    )
    (heatbill.cwd / "0602.txt").write_bytes(paid)
    taken = heatbill("import", "payments", "0602.txt", "-u", "fire")
    assert "2 indbetalinger på i alt 623,45 kr. indlæst" in taken
    assert "1 placeret, 1 til afklaring" in taken
    assert "kundenummer 999 findes ikke" in taken
    again = heatbill("import", "payments", "0602.txt", "-u", "fire", code=4)
    assert "er allerede indlæst" in again

    [waiting] = heatbill.json("payments", "unmatched", "-u", "fire")
    assert (waiting["amount_ore"], waiting["bs_customer"]) == (12_345, 999)
    assigned = heatbill(
        "payments", "assign", str(waiting["payment_id"]), "--customer", str(ids["10002"]),
        "--reason", "Lejeren oplyste forkert kundenummer", "--by", "kbh", "-u", "fire",
    )  # fmt: skip
    assert f"placeret hos kunde {ids['10002']}" in assigned
    assert heatbill.json("payments", "unmatched", "-u", "fire") == []
    flat = heatbill.json("payments", "list", str(ids["10002"]), "-u", "fire")
    assert [p["amount_ore"] for p in flat] == [12_345]

    heatbill(
        "move", "out", "10002", "--date", "01-03-2026", "--notified", "20-02-2026", "-u", "fire"
    )
    [cancelled] = heatbill.json("mandates", "cancellations", "--since", "01-02-2026", "-u", "fire")
    assert (cancelled["customer_id"], cancelled["event"]) == (ids["10002"], "cancelled_by_move")
