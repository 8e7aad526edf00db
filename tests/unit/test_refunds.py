"""Refunds out, in the domain's words: what is proposed, what approving and paying book, who
decides — and the rulebook's `[refunds]` minimum in every preset."""

from __future__ import annotations

from datetime import date

import pytest

from heatbill.adapters.rulebook_files import load_rulebook_preset, preset_text
from heatbill.domain.errors import ConflictError, LedgerError, ValidationError
from heatbill.domain.ledger import (
    Account,
    Book,
    JournalEntry,
    OpenItem,
    OpenItemKind,
    Posting,
    Reason,
)
from heatbill.domain.money import Money
from heatbill.domain.payments.refunds import (
    RefundSource,
    RefundStatus,
    check_decision,
    credit_proposal,
    credit_refund_entry,
    payable_proposals,
    payout_entry,
)
from heatbill.domain.register.payout_accounts import PayingAccount, PayoutAccount, PayoutKind
from heatbill.domain.rulebook import Basis, Clause, RulebookError, parse_rulebook_text

DAY = date(2027, 3, 1)
MINIMUM = Money.kroner(50)
CUSTOMER = 7


def item(item_id: int, kind: OpenItemKind = OpenItemKind.CREDIT, due: date = DAY) -> OpenItem:
    return OpenItem(item_id, CUSTOMER, kind, due, f"Post {item_id}")


def kr(amount: int) -> Money:
    return Money.kroner(amount)


def settlement_refund(key: str) -> JournalEntry:
    return JournalEntry(
        booking_date=DAY,
        reason=Reason.REFUND,
        description="Tilgodehavende fra årsafregning 2027-0000016 til udbetaling",
        idempotency_key=key,
        postings=(
            Posting(Account.RECEIVABLES, kr(4049), CUSTOMER, 16),
            Posting(Account.REFUNDS_PAYABLE, -kr(4049)),
        ),
    )


# --- what is proposed ------------------------------------------------------------------------
def test_a_settlement_refund_waiting_in_refunds_payable_is_proposed_whatever_its_size() -> None:
    [draft] = payable_proposals([(19, settlement_refund("settlement-disposition:16"))])
    assert (draft.customer_id, draft.amount, draft.source) == (
        CUSTOMER,
        kr(4049),
        RefundSource.SETTLEMENT,
    )
    assert (draft.source_key, draft.source_entry_id) == ("entry:19", 19)


def test_a_move_refund_is_proposed_and_an_approved_credit_is_not_proposed_again() -> None:
    drafts = payable_proposals(
        [(3, settlement_refund("move-refund:9")), (4, settlement_refund("refund-approval:1"))]
    )
    assert [(d.source, d.source_entry_id) for d in drafts] == [(RefundSource.MOVE_SETTLEMENT, 3)]


def test_an_overpayment_from_the_minimum_on_is_proposed() -> None:
    draft = credit_proposal(CUSTOMER, [(item(1), -kr(50))], MINIMUM)
    assert draft is not None
    assert (draft.amount, draft.source) == (kr(50), RefundSource.CREDIT)


def test_a_credit_below_the_minimum_stays_for_the_next_bill() -> None:
    assert credit_proposal(CUSTOMER, [(item(1), Money(-4999))], MINIMUM) is None


def test_only_what_is_to_the_customers_good_after_their_open_claims_is_proposed() -> None:
    items = [(item(1), -kr(300)), (item(2, OpenItemKind.PRINCIPAL), kr(120))]
    draft = credit_proposal(CUSTOMER, items, MINIMUM)
    assert draft is not None
    assert draft.amount == kr(180)
    owing = [(item(1), -kr(300)), (item(2, OpenItemKind.PRINCIPAL), kr(300))]
    assert credit_proposal(CUSTOMER, owing, MINIMUM) is None


def test_a_settlement_credit_waiting_to_be_set_off_is_not_proposed_4rater() -> None:
    items = [(item(1), -kr(400))]
    assert credit_proposal(CUSTOMER, items, MINIMUM, held=frozenset({1})) is None


# --- what approving and paying book -----------------------------------------------------------
def test_approving_a_credit_closes_the_credit_items_oldest_first_into_refunds_payable() -> None:
    items = [(item(2, due=date(2027, 2, 1)), -kr(100)), (item(1, due=date(2027, 1, 1)), -kr(80))]
    entry = credit_refund_entry(
        5, CUSTOMER, kr(150), items, booked_on=DAY, description="Tilbagebetaling 5"
    )
    assert [(p.account, p.amount, p.open_item_id) for p in entry.postings] == [
        (Account.RECEIVABLES, kr(80), 1),
        (Account.RECEIVABLES, kr(70), 2),
        (Account.REFUNDS_PAYABLE, -kr(150), None),
    ]
    assert entry.idempotency_key == "refund-approval:5"


def test_a_credit_a_bill_used_since_the_proposal_is_not_approved() -> None:
    with pytest.raises(ConflictError):
        credit_refund_entry(
            5, CUSTOMER, kr(150), [(item(1), -kr(100))], booked_on=DAY, description="x"
        )


def test_each_refund_paid_is_one_entry_from_the_bank_booked_once() -> None:
    book = Book()
    entry = payout_entry(5, CUSTOMER, kr(4049), booked_on=DAY, description="Udbetalt")
    assert [(p.account, p.amount) for p in entry.postings] == [
        (Account.REFUNDS_PAYABLE, kr(4049)),
        (Account.BANK, -kr(4049)),
    ]
    first = book.post(entry)
    assert book.post(entry) == first  # the key `refund-payout:5`: never paid twice
    assert book.account_balance(Account.BANK) == -kr(4049)


# --- who decides ------------------------------------------------------------------------------
def test_a_decision_needs_initials_and_a_rejection_a_reason() -> None:
    check_decision(1, RefundStatus.PROPOSED, "kbh", None, approve=True)
    with pytest.raises(ValidationError):
        check_decision(1, RefundStatus.PROPOSED, " ", None, approve=True)
    with pytest.raises(ValidationError):
        check_decision(1, RefundStatus.PROPOSED, "kbh", "", approve=False)


@pytest.mark.parametrize("status", [RefundStatus.APPROVED, RefundStatus.REJECTED])
def test_a_proposal_is_decided_once(status: RefundStatus) -> None:
    with pytest.raises(ConflictError, match="allerede"):
        check_decision(1, status, "kbh", "ombestemt", approve=False)


# --- payout accounts --------------------------------------------------------------------------
def test_a_danish_account_is_a_4_digit_reg_no_and_up_to_10_digits() -> None:
    assert PayoutAccount.danish("1551", "3456789").describe() == "1551 0003456789"
    with pytest.raises(ValidationError):
        PayoutAccount.danish("155", "3456789")
    with pytest.raises(ValidationError):
        PayoutAccount.danish("1551", "12345678901")


def test_an_iban_must_pass_its_check_digits() -> None:
    assert PayoutAccount.of_iban("dk50 0040 0440 1162 43").iban == "DK5000400440116243"
    with pytest.raises(ValidationError):
        PayoutAccount.of_iban("DK5100400440116243")
    with pytest.raises(ValidationError):
        PayingAccount("DK5000400440116243", "DABA")
    assert PayoutAccount.nemkonto().kind is PayoutKind.NEMKONTO


def test_a_ledger_posting_on_refunds_payable_carries_no_open_item() -> None:
    with pytest.raises(LedgerError):
        Posting(Account.REFUNDS_PAYABLE, kr(1), CUSTOMER, 1)


# --- the rulebook -----------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["4rater", "aalborg", "solrod", "vestervig"])
def test_every_preset_has_an_illustrative_minimum_of_50_kroner(name: str) -> None:
    minimum = load_rulebook_preset(name).refunds.minimum
    assert minimum.value == kr(50)
    assert (minimum.clause, minimum.basis) == (Clause("spec"), Basis.ILLUSTRATIVE)


def test_a_minimum_that_is_not_an_amount_is_refused() -> None:
    text = preset_text("vestervig")
    old = 'minimum = { value = "50.00"'
    assert text.count(old) == 1
    with pytest.raises(RulebookError) as caught:
        parse_rulebook_text(text.replace(old, 'minimum = { value = "femti"'), "vestervig.toml")
    assert caught.value.message.startswith("vestervig.toml: refunds.minimum: ")


def test_a_rulebook_without_a_refunds_section_is_refused() -> None:
    text = preset_text("vestervig")
    start = text.index("[refunds]")
    end = text.index("[metering]")
    with pytest.raises(RulebookError) as caught:
        parse_rulebook_text(text[:start] + text[end:], "vestervig.toml")
    assert caught.value.message == "vestervig.toml: refunds: mangler; hele sektionen skal være der"
