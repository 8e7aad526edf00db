"""Billing (pure): tariff charges for a period, installments and budgets, settlements, bills.

One module per concept; import from the modules themselves.
"""
