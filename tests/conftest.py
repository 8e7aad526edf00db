"""Shared test settings: Hypothesis profiles (a thorough one on CI), the golden-file flag."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# Tests never create a key file in the working tree: the CPR vault gets a test secret.
os.environ.setdefault("HEATBILL_SECRET_KEY", "heatbill-test-secret-0123456789-abcdefghij")

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output (also HEATBILL_UPDATE_GOLDEN=1)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden tests rewrite their expected files instead of comparing with them."""
    flag = bool(request.config.getoption("--update-golden"))
    return flag or os.environ.get("HEATBILL_UPDATE_GOLDEN") == "1"
