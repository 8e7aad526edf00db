"""The customer portal's doors (`solrod 5.4`): the installation's pin code, or a one-time
link sent to the customer's e-mail address.

Pin codes are issued by staff (`heatbill portal pins`), printed on the welcome letter or
handed over, and stored only as hashes. Failed pin logins are counted per installation and
per client address, so guessing is refused after a few tries. A one-time link is sent only to
the address on file for the installation's current customer; the answer is the same whether
or not the address is known, so the door tells nobody who lives where. A link works once,
within its lifetime.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from heatbill.adapters.clock import Clock
from heatbill.adapters.letters.smtp_mail import DeliveryFailedError, SmtpMailer
from heatbill.adapters.passwords import hash_secret, new_pin, new_token, token_digest, verify_secret
from heatbill.domain.access import NotSignedInError, Throttle
from heatbill.domain.errors import HeatbillError, NotFoundError
from heatbill.domain.register.relationships import Relationship
from heatbill.services.staff_access import PORTAL, THROTTLE, Session, guard, open_session
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

PORTAL_HOURS = 2
LINK_MINUTES = 30


def issue_pins(
    uow: UnitOfWork, utility_id: int, numbers: list[str], by: str, clock: Clock
) -> dict[str, str]:
    """New pin codes for the installations named (all of them when none are): number → pin.
    The pins are shown once; only their hashes are kept."""
    installations = uow.installations(utility_id)
    if numbers:
        found = [installations.installation_by_number(n) for n in numbers]
    else:
        found = [installations.installation(r.installation_id) for r in _all(uow, utility_id)]
    pins = {i.number: new_pin() for i in found}
    uow.access(utility_id).set_pins(
        [(i.installation_id, hash_secret(pins[i.number])) for i in found], clock.now(), by
    )
    uow.access(utility_id).audit(clock.now(), by, "portal_pins", "portal", f"{len(pins)}")
    uow.commit()
    return pins


def _all(uow: UnitOfWork, utility_id: int) -> list[Relationship]:
    seen: dict[int, Relationship] = {}
    for r in uow.installations(utility_id).relationships_on(date.max - timedelta(days=1)):
        seen.setdefault(r.installation_id, r)
    return list(seen.values())


def pin_sign_in(  # noqa: PLR0917 - the attempt's facts
    uow: UnitOfWork,
    utility_id: int,
    number: str,
    pin: str,
    client: str,
    clock: Clock,
    throttle: Throttle = THROTTLE,
) -> Session:
    access = uow.access(utility_id)
    number = number.strip()
    keys = (f"pin:{number}", f"portal-client:{client}")
    guard(access, keys, clock, throttle)
    try:
        installation = uow.installations(utility_id).installation_by_number(number)
        stored = access.pin_hash(installation.installation_id)
    except NotFoundError:
        installation, stored = None, None
    ok = installation is not None and stored is not None and verify_secret(pin.strip(), stored)
    for key in keys:
        access.attempt(key, clock.now(), ok)
    if not ok or installation is None:
        access.audit(clock.now(), f"portal:{number}", "portal_sign_in_refused", number, client)
        uow.commit()
        raise NotSignedInError(say("web.portal.wrong_pin"))
    session = open_session(
        access, PORTAL, str(installation.installation_id), clock, timedelta(hours=PORTAL_HOURS)
    )
    access.audit(clock.now(), f"portal:{number}", "portal_sign_in", number, f"pin {client}")
    uow.commit()
    return session


@dataclass(frozen=True, slots=True)
class LinkRequest:
    number: str
    email: str
    base_url: str
    """Where the portal answers, e.g. https://selvbetjening.example.dk — the link is built on it."""


def request_link(  # noqa: PLR0917 - the request's facts
    uow: UnitOfWork,
    utility_id: int,
    request: LinkRequest,
    client: str,
    mailer: SmtpMailer | None,
    clock: Clock,
    throttle: Throttle = THROTTLE,
) -> str | None:
    """Send a one-time link when the address is the current customer's. Returns the link
    when no mail server is configured (development: shown in the log), else None."""
    access = uow.access(utility_id)
    keys = (f"link:{request.number.strip()}", f"portal-client:{client}")
    guard(access, keys, clock, throttle)
    email = request.email.strip().lower()
    installation_id = _customer_with_email(uow, utility_id, request.number.strip(), email, clock)
    for key in keys:
        access.attempt(key, clock.now(), installation_id is not None)
    if installation_id is None:
        access.audit(
            clock.now(), f"portal:{request.number}", "portal_link_refused", request.number, client
        )
        uow.commit()
        return None
    token = new_token()
    expires = clock.now() + timedelta(minutes=LINK_MINUTES)
    access.add_link(token_digest(token), installation_id, email, clock.now(), expires)
    access.audit(
        clock.now(), f"portal:{request.number}", "portal_link_sent", request.number, client
    )
    link = f"{request.base_url.rstrip('/')}/portal/link/{utility_id}/{token}"
    if mailer is not None:
        try:
            body = say("web.portal.link_body", link=link, minutes=LINK_MINUTES)
            mailer.send_text(email, say("web.portal.link_subject"), body)
        except DeliveryFailedError as error:
            raise HeatbillError(say("web.portal.link_failed")) from error
    uow.commit()
    return None if mailer is not None else link


def _customer_with_email(
    uow: UnitOfWork, utility_id: int, number: str, email: str, clock: Clock
) -> int | None:
    try:
        installation = uow.installations(utility_id).installation_by_number(number)
    except NotFoundError:
        return None
    today = clock.today()
    current = [
        r
        for r in uow.installations(utility_id).relationships_of(installation.installation_id)
        if r.start <= today and (r.end is None or r.end > today)
    ]
    parties = uow.parties(utility_id).get_many([r.party_id for r in current])
    known = {(p.contact.email or "").strip().lower() for p in parties.values()}
    return installation.installation_id if email and email in known else None


def link_sign_in(uow: UnitOfWork, utility_id: int, token: str, clock: Clock) -> Session:
    access = uow.access(utility_id)
    digest = token_digest(token)
    found = access.link(digest)
    if found is None or found.used_at is not None or found.expires_at <= clock.now():
        raise NotSignedInError(say("web.portal.link_expired"))
    access.use_link(digest, clock.now())
    session = open_session(
        access, PORTAL, str(found.installation_id), clock, timedelta(hours=PORTAL_HOURS)
    )
    access.audit(
        clock.now(),
        f"portal:{found.installation_id}",
        "portal_sign_in",
        str(found.installation_id),
        "link",
    )
    uow.commit()
    return session
