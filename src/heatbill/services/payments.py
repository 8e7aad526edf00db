"""Taking in a payment file: match every payment, clear in the rulebook's order, once.

A file is read whole first (every problem named by its line and field, nothing written). It is
refused when its content or its delivery (Betalingsservice delivery id, camt.053 message id)
was taken in before, naming the earlier import. Then, in one transaction and set-based:
- each payment is matched by what it says (`domain.payments.matching`) and booked: clearing the
  customer's open items in the rulebook's order (`clearing.order`), any rest kept as a credit;
  a payment that matches nothing is booked to the unmatched-payments account and waits on the
  clarification list (`payment_clarification`) — never lost, never guessed;
- a Betalingsservice charge-back (0239) reverses the payment it takes back, so exactly the items
  that payment cleared are open again; one with no payment to take back waits for staff;
- a rejected or cancelled collection (0237, 0238) is recorded; no money moved.
Every entry carries an idempotency key of the import and line.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.payment_repository import PaymentRow, StoredPayment
from heatbill.adapters.formats.payment_batches import read_payments
from heatbill.adapters.gc_pause import gc_paused
from heatbill.domain.errors import ConflictError
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.money import Money
from heatbill.domain.payments.incoming import IncomingPayment, PaymentBatch, PaymentKind
from heatbill.domain.payments.matching import (
    Match,
    after_entry,
    booking_entry,
    match_payment,
    referenced_items,
)
from heatbill.services.imports import ImportFile
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say


@dataclass
class PaymentImport:
    import_id: int
    file_name: str
    paid: int = 0
    paid_total: Money = field(default_factory=lambda: Money(0))
    matched: int = 0
    credits: Money = field(default_factory=lambda: Money(0))
    """Paid beyond what the customers owed: kept as credits."""
    unmatched: list[tuple[int, Money, str]] = field(default_factory=list)
    """(line, amount, why) of the payments left for clarification."""
    charged_back: int = 0
    not_paid: int = 0


def import_payments(command: ImportFile, uow: UnitOfWork, clock: Clock) -> PaymentImport:
    """Take in a Betalingsservice 0602, FI or camt.053 file, whole or not at all, once."""
    with gc_paused():  # a file of ~10⁵ payments: objects without cycles
        found, sha256, batch = read_payments(command.data, command.file_name)
        return take_batch(
            command.utility_id, command.file_name, found.value, sha256, batch, uow, clock
        )


def take_batch(  # noqa: PLR0917 - the file's identity and its content
    utility_id: int,
    file_name: str,
    kind: str,
    sha256: str,
    batch: PaymentBatch,
    uow: UnitOfWork,
    clock: Clock,
) -> PaymentImport:
    payments = uow.payments(utility_id)
    readings = uow.readings(utility_id)
    earlier = readings.find_import(kind, sha256) or payments.find_delivery(
        batch.source, batch.delivery_key
    )
    if earlier is not None:
        import_id, name, at = earlier
        raise ConflictError(
            say("payments.import.again", name=file_name, earlier=name, import_id=import_id,
                at=f"{at:%d-%m-%Y %H:%M}")
        )  # fmt: skip
    rulebook = rulebook_of(uow, utility_id, batch.created_on)
    order = [OpenItemKind(k.value) for k in rulebook.clearing.order.value]
    clause = str(rulebook.clearing.order.clause)
    now = clock.now()
    import_id = readings.add_import(kind, file_name, sha256, len(batch.payments), now)
    payments.add_file(
        import_id,
        batch.source,
        batch.delivery_key,
        created_on=batch.created_on,
        count=len(batch.payments),
        paid=batch.paid,
    )
    matches = _matches(uow, utility_id, batch.payments)
    ledger = uow.ledger(utility_id)
    customers = {m.customer_id for m in matches if m.customer_id is not None}
    items: dict[int, list[tuple[OpenItem, Money]]] = defaultdict(
        list, ledger.open_items_of(sorted(customers))
    )
    taken_back = _charged_back(uow, utility_id, batch.payments, matches)
    paying = sum(1 for p in batch.payments if p.kind is PaymentKind.PAYMENT)
    credit_ids = iter(ledger.new_open_item_ids(paying) if paying else [])
    first_id = uow.ids(utility_id).reserve("payment", len(batch.payments))
    report = PaymentImport(import_id, file_name)
    entries: list[JournalEntry] = []
    booked: list[tuple[int, Match, int | None, bool]] = []
    # (payment, its match, the payment it charges back, whether it has an entry)
    for n, (payment, match) in enumerate(zip(batch.payments, matches, strict=True)):
        key = f"payment:{import_id}:{payment.line}:{n}"
        reverses: int | None = None
        entry: JournalEntry | None = None
        if payment.kind is PaymentKind.PAYMENT:
            customer = match.customer_id
            entry = booking_entry(
                payment,
                match,
                open_items=items[customer] if customer is not None else [],
                order=order,
                credit_item_id=next(credit_ids),
                key=key,
                clause=clause,
            )
            _tally_payment(report, payment, match, entry)
            if customer is not None:
                items[customer] = after_entry(items[customer], entry)
        elif payment.kind is PaymentKind.CHARGE_BACK:
            original = taken_back.get(n)
            entry, reverses = _charge_back_entry(payment, original, key, report)
        else:
            report.not_paid += 1
        if entry is not None:
            entries.append(entry)
        booked.append((n, match, reverses, entry is not None))
    entry_ids = iter(ledger.post_new(entries, created_at=now))  # keys of a fresh import id
    rows = [
        PaymentRow(
            payment_id=first_id + n,
            payment=batch.payments[n],
            customer_id=match.customer_id,
            matched_by=None if match.rule is None else match.rule.value,
            why_unmatched=match.why_not,
            entry_id=next(entry_ids) if has_entry else None,
            charges_back_payment_id=reverses,
        )
        for n, match, reverses, has_entry in booked
    ]
    payments.add_payments(import_id, rows)
    uow.commit()
    return report


def _matches(uow: UnitOfWork, utility_id: int, batch: tuple[IncomingPayment, ...]) -> list[Match]:
    payments = uow.payments(utility_id)
    item_customers = payments.customers_of_items(referenced_items(batch))
    numbers = {p.bs_customer for p in batch if p.bs_customer is not None}
    known = payments.existing_customers(numbers)
    return [match_payment(p, item_customers=item_customers, customers=known) for p in batch]


def _charged_back(
    uow: UnitOfWork, utility_id: int, batch: tuple[IncomingPayment, ...], matches: list[Match]
) -> dict[int, tuple[StoredPayment, JournalEntry]]:
    """For each charge-back (by position): the booked payment it takes back — the same
    customer and amount, paid for the same date, the newest such one not yet reversed."""
    wanted = [
        (n, p, m.customer_id)
        for n, (p, m) in enumerate(zip(batch, matches, strict=True))
        if p.kind is PaymentKind.CHARGE_BACK and m.customer_id is not None
    ]
    if not wanted:
        return {}
    candidates = uow.payments(utility_id).reversible_payments({c for _, _, c in wanted})
    originals = uow.ledger(utility_id).entries([c.entry_id for c in candidates if c.entry_id])
    used: set[int] = set()
    found: dict[int, tuple[StoredPayment, JournalEntry]] = {}
    for n, payment, customer in wanted:
        fits = [
            c
            for c in candidates
            if c.customer_id == customer
            and c.amount == payment.amount
            and c.payment_id not in used
            and c.entry_id is not None
        ]
        same_day = [c for c in fits if c.paid_on == payment.paid_on]
        chosen = (same_day or fits)[-1] if same_day or fits else None
        if chosen is not None and chosen.entry_id is not None:
            used.add(chosen.payment_id)
            found[n] = (chosen, originals[chosen.entry_id])
    return found


def _charge_back_entry(
    payment: IncomingPayment,
    original: tuple[StoredPayment, JournalEntry] | None,
    key: str,
    report: PaymentImport,
) -> tuple[JournalEntry, int | None]:
    if original is None:
        # Money left the account but there is no payment to take back: staff clarify it.
        report.unmatched.append((payment.line, -payment.amount, say("payments.match.no_original")))
        entry = JournalEntry(
            booking_date=payment.booked_on,
            reason=Reason.PAYMENT,
            description=say("payments.entry.charge_back_unmatched", line=payment.line),
            postings=(
                Posting(Account.UNMATCHED_PAYMENTS, payment.amount),
                Posting(Account.BANK, -payment.amount),
            ),
            idempotency_key=key,
        )
        return entry, None
    stored, booked = original
    report.charged_back += 1
    entry_id = booked_entry_id(stored)
    why = say(
        "payments.entry.charge_back",
        payment=stored.payment_id,
        paid_on=f"{stored.paid_on:%d-%m-%Y}",
    )
    return booked.reversal(entry_id, payment.booked_on, why, key), stored.payment_id


def booked_entry_id(stored: StoredPayment) -> int:
    if stored.entry_id is None:
        raise ConflictError(say("payments.assign.not_unmatched", payment=stored.payment_id))
    return stored.entry_id


def _tally_payment(
    report: PaymentImport, payment: IncomingPayment, match: Match, entry: JournalEntry
) -> None:
    report.paid += 1
    report.paid_total += payment.amount
    if match.customer_id is None:
        report.unmatched.append((payment.line, payment.amount, match.why_not or ""))
        return
    report.matched += 1
    for item in entry.new_open_items:
        report.credits += -sum(
            (p.amount for p in entry.postings if p.open_item_id == item.open_item_id), Money(0)
        )
