"""Map pypitoken 7.1.1 exceptions to the conformance suite's reason codes.

Each function returns a reason code, or None when the exception is not one that
pypitoken documents for that call; the adapter then answers ``internal``.
Exception types and ``__cause__`` are preferred over message text; messages are
matched only where pypitoken exposes nothing else (see README.md, "Reason codes").

| pypitoken error                                             | reason code          |
|-------------------------------------------------------------|----------------------|
| Token.load: LoaderError "Token is missing a prefix"         | TOKEN_BAD_PREFIX     |
| Token.load: LoaderError caused by binascii.Error (base64)   | TOKEN_BAD_ENCODING   |
|   ... or by UnicodeEncodeError (body not encodable)         | TOKEN_BAD_ENCODING   |
| Token.load: any other "Deserialization error: ..."          | MACAROON_MALFORMED   |
| check: ValidationError <- MacaroonInvalidSignatureException | SIGNATURE_MISMATCH   |
| check: ValidationError <- ValidationError / MissingContext  | CAVEAT_NOT_SATISFIED |
| check: ValidationError <- LoaderError "Error while loading" | CAVEAT_MALFORMED     |
| check: ValidationError <- UnicodeDecodeError (non-UTF-8)    | CAVEAT_MALFORMED     |
| check: ValidationError <- LoaderError "Could not find       | CAVEAT_UNKNOWN if the|
|   matching Restriction for X"                               | caveat is an array   |
|                                                             | with a non-bool int  |
|                                                             | tag outside 0-3, else|
|                                                             | CAVEAT_MALFORMED     |
| check: ValidationError <- TypeError "'NoneType' object is   | CAVEAT_THIRD_PARTY   |
|   not iterable" (pymacaroons looks for a discharge in None) |                      |
"""

from __future__ import annotations

import binascii
import json

from pymacaroons.exceptions import MacaroonInvalidSignatureException
from pypitoken import LoaderError, ValidationError

MISSING_PREFIX = "Token is missing a prefix"
NO_MATCH = "Could not find matching Restriction for "
NO_DISCHARGE = "'NoneType' object is not iterable"
KNOWN_TAGS = (0, 1, 2, 3)  # the tagged-array caveats pypitoken 7.1.1 knows


def load_reason(exc: LoaderError) -> str | None:
    """Reason code for a LoaderError raised by Token.load."""
    cause = exc.__cause__
    if cause is None:
        return "TOKEN_BAD_PREFIX" if str(exc) == MISSING_PREFIX else None
    # pymacaroons decodes base64 itself; binascii.Error is its only base64 failure,
    # UnicodeEncodeError comes from encoding the body (a lone surrogate) before it.
    if isinstance(cause, (binascii.Error, UnicodeEncodeError)):
        return "TOKEN_BAD_ENCODING"
    # Every other failure is pymacaroons rejecting the decoded bytes (format detection,
    # V1/V2 parsing, empty buffer, non-UTF-8 location, ...).
    return "MACAROON_MALFORMED"


def check_reason(exc: ValidationError, caveats: list) -> str | None:
    """Reason code for a ValidationError raised by Token.check.

    ``caveats`` is the token's pymacaroons caveat list; it is only read to classify
    a "Could not find matching Restriction" failure.
    """
    cause = exc.__cause__
    if isinstance(cause, ValidationError):  # a restriction's check(), MissingContextError too
        return "CAVEAT_NOT_SATISFIED"
    if isinstance(cause, LoaderError):
        message = str(cause)
        if cause.__cause__ is not None:  # "Error while loading caveat: <json error>"
            return "CAVEAT_MALFORMED"
        if message.startswith(NO_MATCH):
            return _unmatched_reason(message, caveats)
        return None
    if isinstance(cause, MacaroonInvalidSignatureException):
        return "SIGNATURE_MISMATCH"
    if isinstance(cause, UnicodeDecodeError):  # pymacaroons decodes each caveat as UTF-8
        return "CAVEAT_MALFORMED"
    if isinstance(cause, TypeError) and str(cause) == NO_DISCHARGE:
        return "CAVEAT_THIRD_PARTY"
    return None


def _unmatched_reason(message: str, caveats: list) -> str:
    """CAVEAT_UNKNOWN or CAVEAT_MALFORMED for "Could not find matching Restriction for X".

    pypitoken renders X with Python's str() of the parsed JSON, so the failing caveat
    is found again by parsing each first-party caveat and comparing the message.
    """
    for caveat in caveats:
        if caveat.third_party():
            continue
        try:
            value = json.loads(caveat.caveat_id_bytes.decode("utf-8"))
        except Exception:  # pypitoken reports these as "Error while loading caveat"
            continue
        if message == f"{NO_MATCH}{value}":
            return "CAVEAT_UNKNOWN" if _unknown_tag(value) else "CAVEAT_MALFORMED"
    return "CAVEAT_MALFORMED"


def _unknown_tag(value: object) -> bool:
    """A JSON array whose first element is a non-boolean integer that is not 0-3."""
    if not isinstance(value, list) or not value:
        return False
    tag = value[0]
    return type(tag) is int and tag not in KNOWN_TAGS
