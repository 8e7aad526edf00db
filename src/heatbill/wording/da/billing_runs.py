"""Billing runs: bill texts and run summaries."""

MESSAGES: dict[str, str] = {
    "runs.installment_line": "Acontorate {number} for {year}",
    "runs.settlement_installments_line": "Opkrævet a conto for perioden",
    "runs.problem": "målested {installation}: {message}",
    "runs.settlement_set_off": "Tilgodehavende fra årsafregningen modregnet i rate {number}",
    "runs.settlement_pay_out": "Tilgodehavende fra årsafregningen til udbetaling",
}
