"""Payment files for the payment integration tests: a Betalingsservice 0602 delivery and a
camt.053 statement naming real bills (their FI payment ids) and customers, built field by field
(`tests.unit.bs_files`), as Nets and a bank would send them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from heatbill.adapters.synthetic.bank import camt053
from tests.unit.bs_files import PBS, SectionSpec, as_bytes, ddmmyy, delivery, num, record


@dataclass(frozen=True)
class Collected:
    """A 0211 record: a collection's outcome for a customer (0236 paid, 0239 charged back)."""

    code: str
    customer: int
    amount_ore: int
    due: date
    reference: str = ""


@dataclass(frozen=True)
class Slip:
    """A 0215 record: a payment made with the bill's FI payment slip (0297)."""

    payment_id: str
    amount_ore: int
    paid_on: date


def bs_0602(
    delivery_id: int, created: date, collected: list[Collected], slips: list[Slip]
) -> bytes:
    automatic = [_automatic(c) for c in collected]
    net = sum(
        -c.amount_ore if c.code == "0239" else c.amount_ore
        for c in collected
        if c.code in {"0236", "0239"}
    )
    sections = [SectionSpec("0211", automatic, net_ore=net)] if collected else []
    if slips:
        sections.append(
            SectionSpec("0215", [_slip(s) for s in slips], net_ore=sum(s.amount_ore for s in slips))
        )
    return as_bytes(delivery("0602", delivery_id, created, sections))


def _automatic(c: Collected) -> str:
    moved = c.code in {"0236", "0239"}
    sign = {"0236": "1", "0239": "2"}.get(c.code, "0")
    paid_on = c.due if moved else None
    return record(
        "042", (6, PBS), (14, c.code), (18, "000"), (21, "00001"), (26, num(c.customer, 15)),
        (41, num(100_000 + c.customer, 9)), (50, ddmmyy(c.due)), (56, sign),
        (57, num(c.amount_ore, 13)), (70, c.reference), (104, ddmmyy(paid_on)),
        (110, ddmmyy(paid_on)), (116, num(c.amount_ore if moved else 0, 13)),
    )  # fmt: skip


def _slip(s: Slip) -> str:
    return record(
        "042", (6, PBS), (14, "0297"), (18, "000"), (21, "00001"), (26, "0000"),
        (30, s.payment_id), (45, "71"), (47, "0"), (48, "00000"), (53, ddmmyy(s.paid_on)),
        (59, "1"), (60, num(s.amount_ore, 13)), (73, num(0, 9)),
        (82, f"ARK{s.payment_id}"), (104, ddmmyy(s.paid_on)), (110, ddmmyy(s.paid_on)),
        (116, num(s.amount_ore, 13)),
    )  # fmt: skip


__all__ = ["Collected", "Slip", "bs_0602", "camt053"]
