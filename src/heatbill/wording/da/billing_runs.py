"""Billing runs: bill texts and run summaries."""

MESSAGES: dict[str, str] = {
    "runs.installment_line": "Acontorate {number} for {year}",
    "runs.settlement_installments_line": "Opkrævet a conto for perioden",
    "runs.problem": "målested {installation}: {message}",
    "runs.settlement_set_off": "Tilgodehavende fra årsafregning {number} modregnet i næste rate",
    "runs.settlement_pay_out": "Tilgodehavende fra årsafregning {number} til udbetaling",
    "runs.move_fee": "Gebyr for flytteopgørelse",
    "runs.move_pay_out": "Tilgodehavende fra flytteopgørelse {number} til udbetaling",
    "settlement.late": "Årsafregningen sendes efter fristen i {deadline}",
}
