"""Billing: a-conto installments (acontorater) and budgets.

The basis texts go into the budget letter (`4rater` "Budget"); the others are refusals shown to
staff who set up or re-set a budget (`vestervig 6.1`). MWh in Danish notation is formatted by
the caller; amounts are `Money.format_da()`.
"""

MESSAGES: dict[str, str] = {
    "installments.basis.last_year_normalised": (
        "Sidste varmeårs forbrug, omregnet til et normalår efter graddage"
    ),
    "installments.basis.last_year_actual": "Sidste varmeårs faktiske forbrug",
    "installments.basis.area_estimate": "Skøn ud fra ejendommens opvarmede areal",
    "installments.basis.move_in_share": (
        "Andel af årets forventede forbrug fra indflytningsdatoen, vægtet efter årstiden"
    ),
    "installments.use.negative": "et forventet forbrug kan ikke være negativt, fik {mwh} MWh",
    "installments.area.not_positive": "det opvarmede areal skal være over 0 m², fik {area_m2} m²",
    "installments.reset.unknown_number": (
        "budgettet har ingen rate {number}; dets rater er {numbers}"
    ),
    "installments.reset.no_reason": "en ændring af raterne skal have en begrundelse",
    "installments.reset.negative_rest": (
        "de resterende rater kan ikke tilsammen være negative, fik {amount}"
    ),
    "installments.reset.charged_exceed": (
        "de rater der allerede er opkrævet, {charged}, er mere end det nye budget på {budget}; "
        "sæt de resterende rater til 0,00 kr. og lad årsafregningen udligne forskellen"
    ),
}
