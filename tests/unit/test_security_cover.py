"""A security is given for future supply (`vestervig 6.6`, `6.10`, `solrod 6.10`, `aalborg 3.4`):
while in force it covers the customer's later claims at that installation — pure."""

from __future__ import annotations

from datetime import date

from heatbill.domain.collections.security_cover import SecurityInForce, covering

GIVEN = date(2025, 11, 20)
DEPOSIT = SecurityInForce(1, party_id=7, installation_id=3, provided_on=GIVEN, expires_on=None)
GUARANTEE = SecurityInForce(2, party_id=8, installation_id=4, provided_on=GIVEN,
                            expires_on=date(2026, 6, 1))  # fmt: skip


def cover(party: int, installation: int, on: date) -> SecurityInForce | None:
    return covering([DEPOSIT, GUARANTEE], party_id=party, installation_id=installation, on=on)


def test_a_deposit_covers_the_customers_bills_falling_due_after_it_was_given() -> None:
    assert cover(7, 3, date(2026, 2, 20)) is DEPOSIT


def test_not_before_it_was_given() -> None:
    assert cover(7, 3, date(2025, 11, 19)) is None


def test_only_the_supply_it_was_given_for_not_the_partys_other_installations() -> None:
    assert cover(7, 4, date(2026, 2, 20)) is None
    assert cover(8, 3, date(2026, 2, 20)) is None


def test_a_guarantee_covers_until_it_expires() -> None:
    assert cover(8, 4, date(2026, 5, 31)) is GUARANTEE
    assert cover(8, 4, date(2026, 6, 1)) is None
