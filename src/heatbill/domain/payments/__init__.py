"""Incoming payments (indbetalinger): what a payment file says, whom each payment is for, and
how it is booked (pure)."""
