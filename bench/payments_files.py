"""The payment files of the payments benchmark: what customers of the billed utility pay.

The state is `settlement_state`'s billed `4rater` utility (five open installment items per
installation: the four of 2026 and installment 2 of 2027). Each payment names an item by its
FI payment id (`payment_id_for_open_item`); the items are paid installment after installment,
shuffled within each (seeded), so a file holds the payments of one or two installments, as a
bank's day of payments does. The mix: most pay the item's amount, 5 % half of it (partial),
4 % 100 kr. more (a credit is kept), 1 % name an item that does not exist (a valid check digit:
the payment waits for clarification). Files of `--per-file` payments: the FI CSV export
(fi_payments) or a camt.053 day statement (`adapters.synthetic.bank`), one bank day apart.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Engine, text

from heatbill.adapters.synthetic.bank import camt053
from heatbill.domain.payment_id import payment_id_for_open_item

FIRST_DAY = date(2027, 3, 2)
CREDITOR = "81234567"
UNKNOWN_ITEM = 99_000_000_000
"""Open item ids from here on do not exist: their payments match nothing."""


@dataclass(frozen=True, slots=True)
class PaymentFile:
    name: str
    data: bytes
    payments: int


def items_to_pay(engine: Engine, utility_id: int) -> list[tuple[int, int, int]]:
    """(open item id, customer, øre) of each installment item: its receivables posting."""
    query = text(
        "SELECT open_item_id, customer_id, amount_ore FROM posting "
        "WHERE utility_id = :u AND account = 'receivables' AND open_item_id IS NOT NULL "
        "ORDER BY open_item_id"
    )
    with engine.connect() as connection:
        return [
            (int(i), int(c), int(a)) for i, c, a in connection.execute(query, {"u": utility_id})
        ]


def payments(items: Sequence[tuple[int, int, int]], count: int, seed: int) -> list[tuple[str, int]]:
    """(payment id, øre) of `count` payments in the order they arrive."""
    rng = random.Random(seed)
    by_slot: dict[int, list[tuple[int, int]]] = {}
    for item_id, _, ore in items:
        by_slot.setdefault((item_id - 1) % 5, []).append((item_id, ore))
    paid: list[tuple[str, int]] = []
    for slot in sorted(by_slot):
        batch = by_slot[slot]
        rng.shuffle(batch)
        paid += [_payment(rng, item_id, ore) for item_id, ore in batch]
    while len(paid) < count:  # more payments than items: pay the same items again
        paid += paid[: count - len(paid)]
    return paid[:count]


def _payment(rng: random.Random, item_id: int, ore: int) -> tuple[str, int]:
    mix = rng.random()
    if mix < 0.01:
        return payment_id_for_open_item(UNKNOWN_ITEM + item_id), ore
    if mix < 0.06:
        return payment_id_for_open_item(item_id), max(ore // 2, 1)
    if mix < 0.10:
        return payment_id_for_open_item(item_id), ore + 10_000
    return payment_id_for_open_item(item_id), ore


def files(paid: Sequence[tuple[str, int]], per_file: int, kind: str) -> Iterator[PaymentFile]:
    for n, start in enumerate(range(0, len(paid), per_file), start=1):
        day = FIRST_DAY + timedelta(days=n - 1)
        part = paid[start : start + per_file]
        if kind == "camt053":
            data = camt053(f"BENCH-{n:04d}", day, part)
            yield PaymentFile(f"kontoudtog-{n:04d}.xml", data, len(part))
        else:
            yield PaymentFile(f"fi-{n:04d}.csv", fi_csv(day, part, start), len(part))


def fi_csv(day: date, part: Sequence[tuple[str, int]], first: int) -> bytes:
    """The FI export (`fi_payments`): one row per payment, an archive reference each."""
    iso = day.isoformat()
    lines = ["dato;beloeb;kortart;betalings_id;kreditornr;arkivreference;navn"]
    lines += [
        f"{iso};{ore // 100},{ore % 100:02d};71;{ref};{CREDITOR};A{k:09d};Betaler {k}"
        for k, (ref, ore) in enumerate(part, start=first)
    ]
    return ("\n".join(lines) + "\n").encode()
