"""E-mail over SMTP (smtplib): the letter's text as the body, its PDF attached.

Settings come from the environment at the edge (`HEATBILL_SMTP_HOST`, `HEATBILL_SMTP_PORT`,
`HEATBILL_SMTP_SENDER`; optional `HEATBILL_SMTP_STARTTLS=1`, `HEATBILL_SMTP_USER` and
`HEATBILL_SMTP_PASSWORD`). A refusal by the server (a recipient refused, a connection that
fails) is a `DeliveryFailedError` the caller records before falling back to the next channel.
"""

from __future__ import annotations

import os
import smtplib
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr


class DeliveryFailedError(Exception):
    """A channel could not take the letter; `str()` says why (kept on the delivery row)."""


@dataclass(frozen=True, slots=True)
class MailOut:
    to: str
    subject: str
    body: str
    pdf: bytes
    pdf_name: str


@dataclass(frozen=True, slots=True)
class SmtpMailer:
    host: str
    port: int
    sender: str
    sender_name: str = ""
    starttls: bool = False
    username: str | None = None
    password: str | None = None
    timeout_s: float = 30.0

    def send(self, mail: MailOut) -> None:
        message = self._message(mail.to, mail.subject, mail.body)
        message.add_attachment(
            mail.pdf, maintype="application", subtype="pdf", filename=mail.pdf_name
        )
        self._deliver(message)

    def send_text(self, to: str, subject: str, body: str) -> None:
        """A short message without attachment (the portal's one-time login link)."""
        self._deliver(self._message(to, subject, body))

    def _message(self, to: str, subject: str, body: str) -> EmailMessage:
        message = EmailMessage()
        message["From"] = formataddr((self.sender_name, self.sender))
        message["To"] = to
        message["Subject"] = subject
        message.set_content(body)
        return message

    def _deliver(self, message: EmailMessage) -> None:
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout_s) as smtp:
                if self.starttls:
                    smtp.starttls()
                if self.username and self.password:
                    smtp.login(self.username, self.password)
                smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as error:
            raise DeliveryFailedError(f"{type(error).__name__}: {error}"[:400]) from error


def mailer_from_environment(environ: Mapping[str, str] | None = None) -> SmtpMailer | None:
    """The SMTP server the environment names, or None when `HEATBILL_SMTP_HOST` is unset."""
    env = os.environ if environ is None else environ
    host = env.get("HEATBILL_SMTP_HOST")
    if not host:
        return None
    return SmtpMailer(
        host=host,
        port=int(env.get("HEATBILL_SMTP_PORT", "25")),
        sender=env.get("HEATBILL_SMTP_SENDER", "breve@localhost"),
        starttls=env.get("HEATBILL_SMTP_STARTTLS") == "1",
        username=env.get("HEATBILL_SMTP_USER"),
        password=env.get("HEATBILL_SMTP_PASSWORD"),
    )
