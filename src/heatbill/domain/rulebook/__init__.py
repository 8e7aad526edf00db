"""Rulebooks as data: what each utility's documents decide, every value with its clause.

Read a rulebook with `parse_rulebook_text(text, source)` (or `parse_rulebook(mapping, source)`);
a file that does not fit raises `RulebookError` listing every problem. Later code reads typed
values: `rulebook.reminders.fee_bearing_max.value`, `rulebook.due_dates.rule.value`, and the
clause behind each: `rulebook.reminders.count.clause` → `aalborg 2.5`.
"""

from heatbill.domain.rulebook.billing import (
    ChargeDay,
    Clearing,
    ClearingItem,
    DayCount,
    DueDateRule,
    DueDates,
    Installments,
    Interest,
    Settlement,
)
from heatbill.domain.rulebook.book import Rulebook, parse_rulebook, parse_rulebook_text, parse_toml
from heatbill.domain.rulebook.clauses import DOCUMENTS, Clause, ClauseError, parse_clause
from heatbill.domain.rulebook.closing import (
    Closing,
    NoticeDays,
    Reopening,
    Securities,
    SecurityEligibility,
    SecurityForm,
)
from heatbill.domain.rulebook.collection import (
    CollectionNotice,
    FeeCaps,
    PaymentPlans,
    PlanAvailability,
    Reminders,
)
from heatbill.domain.rulebook.customers import (
    Channel,
    ExitCompensation,
    ExitNoticeRule,
    ExitRules,
    ExitUntil,
    Letters,
    LiableUntil,
    Moves,
)
from heatbill.domain.rulebook.diff import Difference, diff_rulebooks, parameters, sections
from heatbill.domain.rulebook.metering import Metering
from heatbill.domain.rulebook.month_day import MonthDay
from heatbill.domain.rulebook.problems import Problem, RulebookError
from heatbill.domain.rulebook.ruled import Basis, Ruled

__all__ = [
    "DOCUMENTS",
    "Basis",
    "Channel",
    "ChargeDay",
    "Clause",
    "ClauseError",
    "Clearing",
    "ClearingItem",
    "Closing",
    "CollectionNotice",
    "DayCount",
    "Difference",
    "DueDateRule",
    "DueDates",
    "ExitCompensation",
    "ExitNoticeRule",
    "ExitRules",
    "ExitUntil",
    "FeeCaps",
    "Installments",
    "Interest",
    "Letters",
    "LiableUntil",
    "Metering",
    "MonthDay",
    "Moves",
    "NoticeDays",
    "PaymentPlans",
    "PlanAvailability",
    "Problem",
    "Reminders",
    "Reopening",
    "Rulebook",
    "RulebookError",
    "Ruled",
    "Securities",
    "SecurityEligibility",
    "SecurityForm",
    "Settlement",
    "diff_rulebooks",
    "parameters",
    "parse_clause",
    "parse_rulebook",
    "parse_rulebook_text",
    "parse_toml",
    "sections",
]
