"""Which channels a letter tries, in order (`solrod 1.5`): pure, from the party's contact.

Digital post (e-Boks/mit.dk) first unless the customer is exempt from digital communication
or has no mailbox (or no CPR/CVR to address it by); then e-mail (never to an exempt
customer); paper last, always: a letter must reach the customer, so a failed delivery falls
back down this chain. The rulebook's `[letters] channels` says which digital channels the
utility uses at all; paper needs no such permission (`paper_for_exempt`, and as the last
resort). An SMS is a notice that a letter was sent, never the letter itself.
"""

from __future__ import annotations

from collections.abc import Collection

from heatbill.domain.register.parties import Contact
from heatbill.domain.rulebook.customers import Channel

LETTER_CHANNELS = (Channel.DIGITAL_POST, Channel.EMAIL, Channel.PAPER)
"""The channels a letter itself can go by, in the order they are tried."""


def channel_chain(
    contact: Contact,
    *,
    addressable: bool,
    utility_uses: Collection[Channel],
    available: Collection[Channel],
) -> tuple[Channel, ...]:
    """The channels to try for one letter, best first; the last is always paper.

    `addressable`: the party has a CPR or CVR number, which the digital mailbox needs.
    `available`: the channels this installation has an adapter configured for.
    """
    chain: list[Channel] = []
    digital = not contact.digital_post_exempt
    if (
        digital
        and contact.digital_post
        and addressable
        and Channel.DIGITAL_POST in utility_uses
        and Channel.DIGITAL_POST in available
    ):
        chain.append(Channel.DIGITAL_POST)
    if digital and contact.email and Channel.EMAIL in utility_uses and Channel.EMAIL in available:
        chain.append(Channel.EMAIL)
    chain.append(Channel.PAPER)
    return tuple(chain)


def sms_notice(contact: Contact, *, utility_uses: Collection[Channel]) -> bool:
    """Whether a digitally delivered letter is announced by SMS (`solrod 1.5`: a mobile number
    for all necessary communication)."""
    return (
        Channel.SMS in utility_uses
        and contact.mobile is not None
        and not contact.digital_post_exempt
    )
