"""E-mail over SMTP (smtplib): the letter's text as the body, its PDF attached.

Settings come from the environment at the edge (`HEATBILL_SMTP_HOST`, `HEATBILL_SMTP_PORT`,
`HEATBILL_SMTP_SENDER`; optional `HEATBILL_SMTP_STARTTLS=1`, `HEATBILL_SMTP_USER` and
`HEATBILL_SMTP_PASSWORD`). A refusal by the server (a recipient refused, a connection that
fails) is a `DeliveryFailedError` the caller records before falling back to the next channel.
"""

from __future__ import annotations

import smtplib
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
        message = EmailMessage()
        message["From"] = formataddr((self.sender_name, self.sender))
        message["To"] = mail.to
        message["Subject"] = mail.subject
        message.set_content(mail.body)
        message.add_attachment(
            mail.pdf, maintype="application", subtype="pdf", filename=mail.pdf_name
        )
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout_s) as smtp:
                if self.starttls:
                    smtp.starttls()
                if self.username and self.password:
                    smtp.login(self.username, self.password)
                smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as error:
            raise DeliveryFailedError(f"{type(error).__name__}: {error}"[:400]) from error
