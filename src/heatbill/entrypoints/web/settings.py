"""The web app's settings, from the environment, and the unsafe ones refused outside
development.

HEATBILL_ENV            development (default) or production
HEATBILL_DATABASE_URL   the database (default: the SQLite file var/heatbill.sqlite3)
HEATBILL_BASE_URL       where the app answers (links in e-mails); https outside development
HEATBILL_SECRET_KEY     the installation's secret (CPR vault); required outside development
HEATBILL_TODAY          a fixed business date (the demo's last day), e.g. 2027-01-20
HEATBILL_INBOX          the folder the daily run takes payment files from (when run from the web)
HEATBILL_LETTERS_DIR    where the daily run writes letter batches; unset: letters stay queued
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from heatbill.adapters.cpr_vault import ENVIRONMENT_ENV, SECRET_ENV, ConfigurationError
from heatbill.adapters.db.engine import DATABASE_URL_ENV
from heatbill.wording import say

DEVELOPMENT = "development"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True, slots=True)
class WebSettings:
    database_url: str | None = None
    environment: str = DEVELOPMENT
    base_url: str = DEFAULT_BASE_URL
    today: date | None = None
    """A fixed business date for every request (the demo year); None: the real date."""
    inbox: Path | None = None
    letters_dir: Path | None = None

    @property
    def development(self) -> bool:
        return self.environment == DEVELOPMENT

    @property
    def secure_cookies(self) -> bool:
        """Cookies only over https, except in development on plain http."""
        return not self.development or self.base_url.startswith("https://")

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> WebSettings:
        env = os.environ if environ is None else environ
        today = env.get("HEATBILL_TODAY")
        settings = cls(
            database_url=env.get(DATABASE_URL_ENV) or None,
            environment=env.get(ENVIRONMENT_ENV, DEVELOPMENT),
            base_url=env.get("HEATBILL_BASE_URL", DEFAULT_BASE_URL),
            today=date.fromisoformat(today) if today else None,
            inbox=Path(env["HEATBILL_INBOX"]) if env.get("HEATBILL_INBOX") else None,
            letters_dir=Path(env["HEATBILL_LETTERS_DIR"])
            if env.get("HEATBILL_LETTERS_DIR")
            else None,
        )
        settings.check(env)
        return settings

    def check(self, environ: Mapping[str, str]) -> None:
        """Refuse the settings that are only safe on a developer's own machine."""
        if self.development:
            return
        problems = []
        if not self.base_url.startswith("https://"):
            problems.append(say("web.settings.https", url=self.base_url))
        if len(environ.get(SECRET_ENV, "")) < 32:
            problems.append(say("web.settings.secret", name=SECRET_ENV))
        if self.today is not None:
            problems.append(say("web.settings.fixed_day"))
        if not self.database_url or self.database_url.startswith("sqlite"):
            problems.append(say("web.settings.database"))
        if problems:
            raise ConfigurationError("; ".join(problems))
