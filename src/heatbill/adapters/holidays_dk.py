"""Danish public holidays from the `holidays` package, feeding the pure bank calendar.

Only the package's "public" category is taken. Its "optional" category would add Arbejdernes
kampdag (1 May), which is a bank day (DANISH-RULES.md "Danish bank days"), together with
Grundlovsdag, Juleaftensdag and Nytårsaften, which `heatbill.domain.calendar` adds itself as
bank closing days. The package lists Store bededag up to 2023 and not from 2024, when it was
abolished — as the banks do; the tests hold it to Nationalbanken's closing days.

Outside the years the package covers for Denmark (1771–2100 in 0.109) it returns no holidays at
all rather than failing; such a year is refused here, so a mistyped date cannot quietly turn
Juledag into a bank day.
"""

from __future__ import annotations

from datetime import date

from holidays import PUBLIC, country_holidays

from heatbill.domain.calendar import BankCalendar
from heatbill.domain.errors import ValidationError


def danish_public_holidays(year: int) -> dict[date, str]:
    """One year's public holidays (helligdage) by Danish name, Sunday ones (Påskedag) included."""
    found = country_holidays("DK", years=year, language="da", categories=(PUBLIC,))
    if not found.start_year <= year <= found.end_year:
        known = f"{found.start_year}–{found.end_year}"
        raise ValidationError(f"Danish holidays are known for {known}, not for {year}")
    return dict(found)


def danish_bank_calendar() -> BankCalendar:
    """The bank calendar SPEC "Billing: due dates" counts in; build once and share it."""
    return BankCalendar(danish_public_holidays)
