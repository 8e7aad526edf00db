"""The demo utility: Solrød Fjernvarme's rulebook and tariff sheet under a made-up name."""

from __future__ import annotations

from heatbill.adapters.clock import Clock
from heatbill.adapters.rulebook_files import preset_source, preset_text
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import CreatedUtility, CreateUtility, RuleText, create_utility

DEMO_CODE = "demo"
DEMO_PRESET = "solrod"


def create_demo_utility(uow: UnitOfWork, clock: Clock) -> CreatedUtility:
    command = CreateUtility(
        code=DEMO_CODE,
        name="Demo Fjernvarme a.m.b.a.",
        cvr="12345678",  # not a real company
        address="Demovej 1, 2680 Solrød Strand",
        fi_creditor_number="81234567",
        pbs_number="01234567",
        rulebook=RuleText(preset_source(DEMO_PRESET), preset_text(DEMO_PRESET)),
        tariffs=RuleText(
            preset_source(DEMO_PRESET, tariffs=True), preset_text(DEMO_PRESET, tariffs=True)
        ),
    )
    return create_utility(command, uow, clock)
