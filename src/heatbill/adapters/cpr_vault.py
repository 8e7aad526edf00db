"""The installation's secret, and the CPR vault built on it.

CPR numbers are sensitive personal data (DANISH-RULES, Data protection): stored sealed
(Fernet: AES-128-CBC with HMAC-SHA256), found by exact match through a keyed hash (HMAC-SHA256),
shown masked. The secret comes from HEATBILL_SECRET_KEY; in development only, a random key is
created once in `var/secret.key` (mode 0600). Outside development a missing key is an error.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from heatbill.domain.errors import HeatbillError
from heatbill.domain.register.parties import Cpr

SECRET_ENV = "HEATBILL_SECRET_KEY"  # noqa: S105 - the name of the variable, not a secret
ENVIRONMENT_ENV = "HEATBILL_ENV"
DEV_KEY_FILE = Path("var") / "secret.key"


class ConfigurationError(HeatbillError):
    code = "configuration"


def installation_secret(
    environ: dict[str, str] | None = None, key_file: Path = DEV_KEY_FILE
) -> bytes:
    """The master secret: from the environment, or (development only) from a local key file."""
    env = os.environ if environ is None else environ
    given = env.get(SECRET_ENV)
    if given:
        if len(given) < 32:
            raise ConfigurationError(f"{SECRET_ENV} skal være mindst 32 tegn")
        return given.encode()
    if env.get(ENVIRONMENT_ENV, "development") != "development":
        raise ConfigurationError(f"{SECRET_ENV} mangler; den er påkrævet uden for udvikling")
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return key_file.read_text().strip().encode()


def _derive(secret: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(secret)


class CprVault:
    """Seal, open and look up CPR numbers with keys derived from the installation secret."""

    def __init__(self, secret: bytes) -> None:
        self._fernet = Fernet(base64.urlsafe_b64encode(_derive(secret, b"heatbill cpr seal")))
        self._lookup_key = _derive(secret, b"heatbill cpr lookup")

    def seal(self, cpr: Cpr) -> str:
        return self._fernet.encrypt(cpr.digits.encode()).decode()

    def open(self, sealed: str) -> Cpr:
        """The clear number. Callers log who saw it (data protection)."""
        try:
            return Cpr(self._fernet.decrypt(sealed.encode()).decode())
        except InvalidToken as exc:
            raise ConfigurationError("CPR-nummeret kan ikke åbnes med denne nøgle") from exc

    def lookup(self, cpr: Cpr) -> str:
        """A keyed hash for exact-match search; reveals nothing without the key."""
        return hmac.new(self._lookup_key, cpr.digits.encode(), hashlib.sha256).hexdigest()
