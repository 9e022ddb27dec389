"""Where a letter serving a document on a provider may go, by each way of sending it (PD 6A).

By post, by hand or left at the address, a letter goes to the provider's address for service.
By document exchange only where that address, or the provider's writing paper, gives a DX
box (PD 6A para 2.1). By fax or email only where the provider has first said in writing that
it accepts service that way, and given the number or address to use (para 4.1); before
serving by email the sender must also ask what limits the provider sets, such as the format
and the largest attachment it takes (para 4.2). So the unit records, for each network, its DX
box, the fax number and email address it gave for service, and for each of those two ways
where it said so and with what limits (an agreement to email is none to fax); a letter by fax
or email is refused until they are recorded, and keeps the address it went to and the
agreement it went under, as they were on the day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from raptor_desktop.core.deemed_service import SendingMethod
from raptor_desktop.core.errors import InputRejected

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
FAX = re.compile(r"\+?[0-9][0-9 ()-]{5,}[0-9]")


@dataclass(frozen=True)
class ServiceRoutes:
    """A network's routes for service, as the unit recorded them ('' where it has not)."""

    provider: str
    address: str = ""
    dx: str = ""
    email: str = ""
    email_agreed: str = ""  # where it said in writing it accepts service by email; its limits
    fax: str = ""
    fax_agreed: str = ""  # where it said in writing it accepts service by fax

    def destination(self, method: SendingMethod) -> str:
        """Where a letter sent by ``method`` goes: the address for service, the DX box, the
        fax number or the email address. Refused, saying what to record, where the rules
        do not allow that way of sending to this provider yet."""
        if method is SendingMethod.DOCUMENT_EXCHANGE:
            if not self.dx:
                raise InputRejected(
                    f"no DX box is recorded for {self.provider}: a letter goes by document "
                    "exchange only where the address for service or the provider's writing "
                    "paper gives one (PD 6A para 2.1)",
                    hint="An administrator records it under Settings, Networks (raptor "
                    "networks --dx).",
                )
            return self.dx
        if method in (SendingMethod.EMAIL, SendingMethod.FAX):
            route = self.email if method is SendingMethod.EMAIL else self.fax
            what = "an email address" if method is SendingMethod.EMAIL else "a fax number"
            if not route or not self.agreement(method):
                raise InputRejected(
                    f"{self.provider} is served {method.words.lower()} only once it has said in "
                    f"writing that it accepts service {method.words.lower()} and given {what} "
                    "for it (PD 6A para 4.1)",
                    hint=f"An administrator records {what} and where {self.provider} agreed to "
                    f"service {method.words.lower()} under Settings, Networks (raptor networks "
                    f"--{method.value} and --{method.value}-agreed).",
                )
            return route
        if method is SendingMethod.PERSONAL:  # left with a senior person, wherever (CPR 6.5)
            return self.address
        if not self.address:
            raise InputRejected(
                f"no address for service is recorded for {self.provider}",
                hint="An administrator records it under Settings, Networks (raptor networks "
                "--address).",
            )
        return self.address

    def agreement(self, method: SendingMethod) -> str:
        """Where the provider agreed in writing to be served by ``method`` ('' by post, DX,
        hand or in person, which need no agreement)."""
        return {SendingMethod.EMAIL: self.email_agreed, SendingMethod.FAX: self.fax_agreed}.get(
            method, ""
        )


def checked_email(text: str) -> str:
    """An email address for service, or '' to clear it; refused unless it looks like one."""
    address = text.strip()
    if address and not EMAIL.fullmatch(address):
        raise InputRejected(f"{address!r} is not an email address (name@domain)")
    return address


def checked_fax(text: str) -> str:
    """A fax number for service, or '' to clear it; refused unless it is digits (spaces,
    brackets, dashes and a leading + allowed)."""
    number = " ".join(text.split())
    if number and not FAX.fullmatch(number):
        raise InputRejected(f"{number!r} is not a fax number (digits, e.g. 01245 452000)")
    return number


class AddressKind(StrEnum):
    """What the address for service of a company is, as a certificate of service states it
    (form N215 asks; CPR 6.9(2) lets a company be served at its principal office or at a place
    of business within the jurisdiction with a real connection with the claim; CPR 6.8 at an
    address it has given for service; the Companies Act 2006, s1139(1), at its registered
    office)."""

    GIVEN = "given"
    PRINCIPAL_OFFICE = "principal office"
    PLACE_OF_BUSINESS = "place of business"
    REGISTERED_OFFICE = "registered office"

    @property
    def words(self) -> str:
        """As the certificate puts it after "being": "its principal office (CPR 6.9(2))"."""
        return _KIND_WORDS[self]


_KIND_WORDS = {
    AddressKind.GIVEN: "the address it has given for service (CPR 6.8)",
    AddressKind.PRINCIPAL_OFFICE: "its principal office (CPR 6.9(2))",
    AddressKind.PLACE_OF_BUSINESS: (
        "a place of business of it within the jurisdiction which has a real connection with "
        "the claim (CPR 6.9(2))"
    ),
    AddressKind.REGISTERED_OFFICE: "its registered office (Companies Act 2006, s1139(1))",
}


def checked_address_kind(text: str) -> str:
    """The kind of an address for service by its name, or '' to clear it; refused otherwise."""
    kind = " ".join(text.split()).casefold()
    if kind and kind not in {k.value for k in AddressKind}:
        known = ", ".join(k.value for k in AddressKind)
        raise InputRejected(
            f"{text.strip()!r} is not a kind of address for service; use one of {known}"
        )
    return kind
