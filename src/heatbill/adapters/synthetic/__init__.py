"""Synthetic data for the demo year and the benchmarks: a utility's installations and
customers, its meter readings and its bank statements, seeded so the same seed gives the same
files byte for byte. Written in the formats heatbill reads, never straight into the database."""
