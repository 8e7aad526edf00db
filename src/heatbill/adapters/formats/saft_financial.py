"""SAF-T Financial (DK) XML: the export bogføringsloven asks digital bookkeeping systems for.

Danish SAF-T Financial data, version 1.0 (Erhvervsstyrelsen, Nov 2022), namespace
`urn:StandardAuditFile-Taxation-Financial:DK`, based on OECD SAF-T 2.0 and the Norwegian
variant. The elements and their order follow the Norwegian schema v1.10 (Skatteetaten/saf-t)
and a Danish v1.0 file that is validated against Erhvervsstyrelsen's XSD in a public ERP's test
suite (Odoo's l10n_dk_reports): Header (with Company and SelectionCriteria), MasterFiles
(GeneralLedgerAccounts, Customers, TaxTable), GeneralLedgerEntries (Journal → Transaction →
Line). Amounts are `1234.56`: a decimal point, two places, no sign (the element says debit or
credit). The Danish XSD itself could not be fetched here and no XML-schema package is locked,
so the output is checked against a golden file and read back in tests, not validated.

Not written (yet): the company's Contact (the utility register has no contact person or
telephone; the Norwegian schema requires one in the header — check the Danish XSD), the
StandardAccountID of each GL account (the mapping to Erhvervsstyrelsen's standardkontoplan is
not part of a utility's chart yet), Suppliers (heatbill keeps no creditors).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from heatbill.adapters.formats.saft_entries import general_ledger_entries
from heatbill.adapters.formats.saft_xml import NS, VAT_CODE, VAT_PERCENT, add, balance
from heatbill.domain.ledger.accounts import AccountKind, GlAccount
from heatbill.domain.ledger.journal import BookedEntry
from heatbill.domain.money import Money
from heatbill.wording import say

SOFTWARE: Final = "heatbill"
ACCOUNT_TYPES: Final = {
    AccountKind.ASSET: "Asset",
    AccountKind.LIABILITY: "Liability",
    AccountKind.INCOME: "Sale",
    AccountKind.EXPENSE: "Expense",
}
"""SAF-T DK account types (Odoo's DK export writes these four)."""

_POSTCODE_CITY = re.compile(r"^(\d{4})\s+(.+)$")


@dataclass(frozen=True, slots=True)
class SaftAddress:
    street: str
    postcode: str
    city: str

    @classmethod
    def parse(cls, text: str) -> SaftAddress:
        """`Lerbækvej 17, 2680 Solrød Strand` → street, postcode, city (all street if unsure)."""
        street, _, rest = text.rpartition(",")
        match = _POSTCODE_CITY.match(rest.strip())
        if not street or match is None:
            return cls(text.strip(), "", "")
        return cls(street.strip(), match.group(1), match.group(2))


@dataclass(frozen=True, slots=True)
class SaftCompany:
    name: str
    cvr: str
    address: SaftAddress


@dataclass(frozen=True, slots=True)
class SaftAccount:
    """A GL account of the utility's chart with its balances at the period's start and end."""

    gl: GlAccount
    kind: AccountKind
    opening: Money
    closing: Money


@dataclass(frozen=True, slots=True)
class SaftCustomer:
    customer_id: int
    name: str
    cvr: str | None
    address: SaftAddress
    opening: Money
    closing: Money


@dataclass(frozen=True, slots=True)
class SaftAudit:
    """Everything one file says. `end` is the period's last day (SAF-T's selection is inclusive)."""

    company: SaftCompany
    start: date
    end: date
    created_on: date
    software_version: str
    accounts: Sequence[SaftAccount]
    customers: Sequence[SaftCustomer]
    entries: Sequence[BookedEntry]
    gl_numbers: dict[str, str]
    """Internal account value → the GL account number it maps to."""


def write_saft(audit: SaftAudit) -> bytes:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}AuditFile")
    _header(root, audit)
    masters = add(root, "MasterFiles")
    _accounts(masters, audit.accounts)
    _customers(masters, audit.customers)
    _tax_table(masters)
    general_ledger_entries(root, audit.entries, audit.gl_numbers)
    ET.indent(root, space="  ")
    document: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return document + b"\n"


def _header(root: ET.Element, audit: SaftAudit) -> None:
    header = add(root, "Header")
    add(header, "AuditFileVersion", "1.0")
    add(header, "AuditFileCountry", "DK")
    add(header, "AuditFileDateCreated", audit.created_on.isoformat())
    add(header, "SoftwareCompanyName", SOFTWARE)
    add(header, "SoftwareID", SOFTWARE)
    add(header, "SoftwareVersion", audit.software_version)
    company = add(header, "Company")
    add(company, "RegistrationNumber", audit.company.cvr)
    add(company, "Name", audit.company.name)
    _address(company, audit.company.address)
    tax = add(company, "TaxRegistration")
    add(tax, "TaxRegistrationNumber", f"DK{audit.company.cvr}")
    add(header, "DefaultCurrencyCode", "DKK")
    selection = add(header, "SelectionCriteria")
    add(selection, "SelectionStartDate", audit.start.isoformat())
    add(selection, "SelectionEndDate", audit.end.isoformat())
    add(header, "TaxAccountingBasis", "A")
    add(header, "TaxEntity", audit.company.name)


def _address(parent: ET.Element, address: SaftAddress) -> None:
    element = add(parent, "Address")
    if address.street:
        add(element, "StreetName", address.street)
    if address.city:
        add(element, "City", address.city)
    if address.postcode:
        add(element, "PostalCode", address.postcode)
    add(element, "Country", "DK")


def _accounts(masters: ET.Element, accounts: Sequence[SaftAccount]) -> None:
    ledger = add(masters, "GeneralLedgerAccounts")
    for account in accounts:
        element = add(ledger, "Account")
        add(element, "AccountID", account.gl.number)
        add(element, "AccountDescription", account.gl.name)
        add(element, "AccountType", ACCOUNT_TYPES[account.kind])
        balance(element, "Opening", account.opening)
        balance(element, "Closing", account.closing)


def _customers(masters: ET.Element, customers: Sequence[SaftCustomer]) -> None:
    if not customers:
        return
    listing = add(masters, "Customers")
    for customer in customers:
        element = add(listing, "Customer")
        if customer.cvr:
            add(element, "RegistrationNumber", customer.cvr)
        add(element, "Name", customer.name)
        _address(element, customer.address)
        if customer.cvr:
            tax = add(element, "TaxRegistration")
            add(tax, "TaxRegistrationNumber", f"DK{customer.cvr}")
        add(element, "CustomerID", str(customer.customer_id))
        balance(element, "Opening", customer.opening)
        balance(element, "Closing", customer.closing)


def _tax_table(masters: ET.Element) -> None:
    table = add(masters, "TaxTable")
    entry = add(table, "TaxTableEntry")
    add(entry, "TaxType", "VAT")
    add(entry, "Description", say("accounting.saft.vat"))
    details = add(entry, "TaxCodeDetails")
    add(details, "TaxCode", VAT_CODE)
    add(details, "Description", say("accounting.saft.vat_standard"))
    add(details, "TaxPercentage", VAT_PERCENT)
    add(details, "Country", "DK")
