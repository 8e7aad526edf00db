"""Preset rulebooks and tariff sheets (TOML data), shipped in the wheel; read via importlib."""
