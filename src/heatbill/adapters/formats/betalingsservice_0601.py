"""Betalingsservice delivery 0601 (opkrævningsdata): the collections a creditor sends to Nets.

A delivery is fixed-width records of 128 characters, each starting `BS` + record type, encoded
ISO-8859-1, each record ended by CRLF. One delivery start (002), one section 0112 "Opkrævninger"
with its start (012), per collection optional debtor name/address records (022), the amount
record (042) and text lines (052), the section end (092) with counts and the net amount, and the
delivery end (992) with the same totals over the delivery. Amounts are øre, right-aligned.

Where the layout comes from. Nets' "Betalingsservice — Vejledning for dataleverandører, Leverance
0601" (Jan 2012; English edition "Data Delivery 0601 – Collection data", Apr 2016) names the
records, sections 0112/0117/0118 and transaction codes 0240 (name/address), 0280 (collection),
0241 (text line); its field tables were not readable in the sources found. Positions are those
of the open-source writer hafsjold/snvrepos `Medlem3060/.../cls/clsPbs601.cs` (its section-0112
branch), whose BS002 and BS992 positions agree with an independent 0602/0603 reader's tests
(record start 6, subsystem 14, type 17, delivery id 21, date 50; trailer counts 21 and 32).
Positions, 1-based:
- 002: 6 data supplier no. (CVR) 8 · 14 subsystem 3 · 17 `0601` · 21 delivery no. 10 ·
  31 blank 19 · 50 created DDMMYY.
- 012: 6 PBS no. 8 · 14 section `0112` · 18 blank 5 · 23 debtor group 5 · 28 user id 15 ·
  43 blank 4 · 47 created DDMMYYYY · 55 reg. no. 4 · 59 account no. 10 · 69 heading 60.
- 022/042/052 share: 6 PBS no. · 14 transaction code 4 · 18 record no. 5 · 23 debtor group 5 ·
  28 customer no. 15 · 43 mandate no. 9. Then 022: 52 text 35 (record 1 name, 2–3 address);
  record 9: 67 postcode 4 · 71 country 3. 042: 52 due date DDMMYYYY · 60 sign (1 = collect) ·
  61 amount 13 · 74 reference 30 · 104 `00`. 052: 52 blank · 53 text 60.
- 092: 6 PBS no. · 14 `0112` · 18 `00000` · 23 debtor group · 28 blank 4 · 32 no. of 042 11 ·
  43 net amount 15 · 58 no. of 052 11 · 69 blank 15 · 84 no. of 022 11.
- 992: 6 data supplier no. · 14 subsystem · 17 `0601` · 21 no. of sections 11 · 32 no. of 042 11
  · 43 net amount 15 · 58 no. of 052 11 · 69 zeros 15 · 84 no. of 022 11 · 95 zeros 34.
Unused positions are blank. Assumptions, not confirmed against Nets' own field tables:
- section 0112 with 5-digit record numbers and DDMMYYYY dates in 012/042 (the public writer's
  older section 0100 has 3-digit record numbers and DDMMYY); the delivery start keeps DDMMYY;
- 0280 as the collection code (the public writer reads 0280 or 0285 from its configuration);
- `00` at 042/104–105, written as the public writer does, meaning unknown;
- name/address 35 characters, two address lines, country code in a 3-character field;
- the mandate number written as given (the public writer writes 000000000, its comment saying
  "000000000 eller 999999999"); when Nets matches by customer number, zeros would do as well;
- every record blank-padded to 128 characters (the public writer leaves short records short);
- ISO-8859-1 and CRLF: the public writer uses the Windows code page (the same bytes for Danish
  letters) and `WriteLine` on Windows;
- only collections (sign 1), no payouts (sign 2) and no negative net;
- 022 only when the caller gives a name and address: whether Nets needs it for a collection
  under a mandate (rather than for a payment slip) is left to the caller.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final

from heatbill.adapters.formats.betalingsservice_0601_checks import problems_of
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.money import Money, total
from heatbill.wording import say

RECORD_LENGTH: Final = 128
SECTION: Final = "0112"
NAME_ADDRESS, COLLECTION, TEXT_LINE = "0240", "0280", "0241"
POSTCODE_RECORD: Final = 9
ENCODING: Final = "iso-8859-1"
NEWLINE: Final = b"\r\n"


@dataclass(frozen=True, slots=True)
class Debtor:
    """Name and address for the 022 records (at most two address lines of 35 characters)."""

    name: str
    address_lines: tuple[str, ...]
    postcode: str
    country: str = "DK"


@dataclass(frozen=True, slots=True)
class Collection:
    """One collection (opkrævning) from a customer with a Betalingsservice mandate."""

    customer_number: int
    """The customer's number at the utility as the mandate names it; up to 15 digits."""
    mandate_number: int
    """The mandate (betalingsaftale) number from the 0603 delivery; up to 9 digits."""
    due_date: date
    amount: Money
    reference: str
    """What the payment refers to, up to 30 characters: heatbill writes the FI payment id."""
    text_lines: tuple[str, ...] = ()
    """Lines of the advice the customer sees, 60 characters each."""
    debtor: Debtor | None = None


@dataclass(frozen=True, slots=True)
class Creditor:
    """The utility's Betalingsservice agreement (from Nets' welcome letter)."""

    data_supplier_number: str
    """The data supplier's CVR number, 8 digits; the utility's own when it sends itself."""
    pbs_number: str
    """The creditor's PBS number, 8 digits."""
    debtor_group: int
    reg_number: str
    account_number: str
    heading: str
    """The heading of the advice (hovedlinje), up to 60 characters."""
    user_id: str = ""
    subsystem: str = "BS1"


@dataclass(frozen=True, slots=True)
class Delivery:
    creditor: Creditor
    delivery_number: int
    """Our serial number for the delivery, up to 10 digits; Nets refuses a number twice."""
    created_on: date
    collections: tuple[Collection, ...]

    @property
    def source(self) -> str:
        return say("bs0601.source", number=self.delivery_number)


def write_0601(delivery: Delivery) -> bytes:
    """The delivery as bytes; one FileFormatError lists every problem, nothing half-written."""
    problems = problems_of(delivery)
    if problems:
        raise FileFormatError(delivery.source, problems)
    return b"".join(line.encode(ENCODING) + NEWLINE for line in _records(delivery))


def _records(delivery: Delivery) -> Iterator[str]:
    creditor, items = delivery.creditor, delivery.collections
    yield _delivery_start(delivery)
    yield _record(
        "BS012", creditor.pbs_number, SECTION, " " * 5, _num(creditor.debtor_group, 5),
        _text(creditor.user_id, 15), " " * 4, f"{delivery.created_on:%d%m%Y}",
        _num(creditor.reg_number, 4), _num(creditor.account_number, 10),
        _text(creditor.heading, 60),
    )  # fmt: skip
    counts = {"022": 0, "042": 0, "052": 0}
    for item in items:
        for line in _collection(creditor, item):
            counts[line[2:5]] += 1
            yield line
    net = total(item.amount for item in items).ore
    yield _record(
        "BS092", creditor.pbs_number, SECTION, "00000", _num(creditor.debtor_group, 5), " " * 4,
        _num(counts["042"], 11), _num(net, 15), _num(counts["052"], 11), " " * 15,
        _num(counts["022"], 11),
    )  # fmt: skip
    yield _record(
        "BS992", _head(delivery), _num(1, 11), _num(counts["042"], 11), _num(net, 15),
        _num(counts["052"], 11), "0" * 15, _num(counts["022"], 11), "0" * 34,
    )  # fmt: skip


def _delivery_start(delivery: Delivery) -> str:
    number = _num(delivery.delivery_number, 10)
    return _record("BS002", _head(delivery), number, " " * 19, f"{delivery.created_on:%d%m%y}")


def _head(delivery: Delivery) -> str:
    creditor = delivery.creditor
    return creditor.data_supplier_number + creditor.subsystem + "0601"


def _collection(creditor: Creditor, item: Collection) -> Iterator[str]:
    def key(code: str, record_number: int) -> str:
        return (
            creditor.pbs_number + code + _num(record_number, 5) + _num(creditor.debtor_group, 5)
            + _num(item.customer_number, 15) + _num(item.mandate_number, 9)
        )  # fmt: skip

    if item.debtor is not None:
        for number, text in enumerate((item.debtor.name, *item.debtor.address_lines), start=1):
            yield _record("BS022", key(NAME_ADDRESS, number), _text(text, 35))
        postcode = " " * 15 + item.debtor.postcode + _text(item.debtor.country, 3)
        yield _record("BS022", key(NAME_ADDRESS, POSTCODE_RECORD), postcode)
    yield _record(
        "BS042", key(COLLECTION, 0), f"{item.due_date:%d%m%Y}", "1", _num(item.amount.ore, 13),
        _text(item.reference, 30), "00",
    )  # fmt: skip
    for number, text in enumerate(item.text_lines, start=1):
        yield _record("BS052", key(TEXT_LINE, number), " ", _text(text, 60))


def _record(*fields: str) -> str:
    line = "".join(fields)
    if len(line) > RECORD_LENGTH:  # the checks keep every field in its width
        raise AssertionError(f"record longer than {RECORD_LENGTH}: {line!r}")
    return line.ljust(RECORD_LENGTH)


def _num(value: int | str, width: int) -> str:
    return str(value).rjust(width, "0")


def _text(value: str, width: int) -> str:
    return value.ljust(width)
