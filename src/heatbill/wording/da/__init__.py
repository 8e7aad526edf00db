"""Danish wording, one module per concept."""
