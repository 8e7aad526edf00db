"""SMS notices: a short message that a letter is waiting (`solrod 1.5`), never the letter.

`LoggingSms` is the default gateway: it only writes the notice to the log (no provider is
configured in heatbill yet); a real gateway implements `SmsGateway.notify` the same way.
"""

from __future__ import annotations

import logging
from typing import Protocol

log = logging.getLogger("heatbill.sms")


class SmsGateway(Protocol):
    def notify(self, mobile: str, text: str) -> None: ...


class LoggingSms:
    def notify(self, mobile: str, text: str) -> None:
        log.info("SMS to %s: %s", mobile, text)
