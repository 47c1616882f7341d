"""How the adapter reads Warehouse's outcomes and maps them to reason codes
(spec/reason-codes.md). The mapping table is in README.md.

Warehouse itself decides every verdict and writes every message: the adapter calls
`DatabaseMacaroonService.find_from_raw` (token front end) and `caveats.verify`
(signature and caveats). Warehouse's denial carries only a message, so to choose a
reason code the adapter walks the caveats once more, with Warehouse's own
`caveats.deserialize` and each caveat's own `verify`, in the order and with the
stopping rule of pymacaroons 0.13.0's Verifier (see `walk`). It then checks that this
walk yields exactly the message Warehouse gave, and reports `internal` if not.
"""

from __future__ import annotations

import binascii
import json

from protocol import Internal
from standins import NoDatabase

# REASON-2: among several failing caveats, the first of these wins.
CAVEAT_PRECEDENCE = (
    "CAVEAT_MALFORMED",
    "CAVEAT_UNKNOWN",
    "CAVEAT_THIRD_PARTY",
    "CAVEAT_NOT_SATISFIED",
)


class WarehouseCrash(Internal):
    """Warehouse raised an exception that its callers do not handle (in production an
    HTTP 500). The adapter answers `internal` with this message."""


class AdapterDisagrees(Internal):
    """The adapter's walk over the caveats does not reproduce Warehouse's message: the
    adapter no longer understands this checkout. Answered as `internal`."""


def token_error(code: str, message: str) -> dict:
    return {"code": code, "message": message}


def parse_token(wh, token: str):
    """Warehouse's token front end. Runs the real `DatabaseMacaroonService.find_from_raw`
    with a NoDatabase `self` (prefix check in `_extract_raw_macaroon`, pymacaroons
    deserialisation in `deserialize_raw_macaroon`, UTF-8 decode of the identifier), then
    `deserialize_raw_macaroon` once more for the macaroon, as `services.verify` does.
    Returns (macaroon, None) or (None, error object)."""
    try:
        wh.services.DatabaseMacaroonService.find_from_raw(NoDatabase(), token)
    except wh.InvalidMacaroonError as exc:
        return None, _front_end_error(str(exc), exc.__cause__, token)
    except Exception as exc:  # e.g. AttributeError for a V1 macaroon
        raise WarehouseCrash(
            f"find_from_raw raised {type(exc).__name__}: {exc} (HTTP 500 in production)"
        ) from exc
    return wh.services.deserialize_raw_macaroon(token), None


def _front_end_error(message: str, cause, token: str) -> dict:
    if message == "malformed or nonexistent macaroon":
        # _extract_raw_macaroon gave None: the part before the first "-" is not "pypi",
        # or nothing follows the "-". The adapter tells these apart itself.
        if token.partition("-")[0] != "pypi":
            return token_error("TOKEN_BAD_PREFIX", message)
        return token_error("MACAROON_MALFORMED", message + " (empty body)")
    if message == "malformed macaroon":
        detail = f"{message} ({type(cause).__name__}: {cause})"
        # Only pymacaroons' base64 step raises these (binascii.Error: bad padding
        # after its lenient decode; UnicodeEncodeError: a lone surrogate).
        if isinstance(cause, (binascii.Error, UnicodeEncodeError)):
            return token_error("TOKEN_BAD_ENCODING", detail)
        return token_error("MACAROON_MALFORMED", detail)
    if message == "Macaroon not found":
        # Before any lookup, this is find_from_raw's answer to a non-UTF-8 identifier.
        return token_error("MACAROON_MALFORMED", message + " (identifier is not UTF-8)")
    raise AdapterDisagrees(f"unexpected InvalidMacaroonError from find_from_raw: {message!r}")


def verify(wh, macaroon, key: bytes, request, context):
    """Warehouse's `caveats.verify`, then the denial message read as `services.verify`
    reads it (`.msg`). Returns (valid, reason, message)."""
    result = wh.caveats.verify(macaroon, key, request, context, wh.permission)
    if result:
        if not isinstance(result, wh.caveats.Allowed):
            raise AdapterDisagrees(f"caveats.verify returned {result!r}")
        return True, None, None
    try:
        message = result.msg
    except Exception as exc:  # Pyramid's `s % args` on a message containing "%"
        raise WarehouseCrash(
            f"reading the denial message {result.template!r} raised {type(exc).__name__}: {exc} "
            "(services.verify does this; HTTP 500 in production)"
        ) from exc
    reason, detail = explain_denial(wh, macaroon, request, context, result.template)
    if detail:
        message = f"{message} [adapter: {detail}]"
    return False, reason, message


def explain_denial(wh, macaroon, request, context, warehouse_text: str):
    """Reason code for a denial whose text is `warehouse_text`, and a detail for the
    'unknown error' case (where Warehouse drops the cause)."""
    errors, abort = walk(wh, macaroon, request, context)
    if errors:
        expected = ", ".join(message for _, message in errors)
    elif abort:
        expected = "unknown error"
    else:
        expected = "signatures do not match"
    if expected != warehouse_text:
        raise AdapterDisagrees(
            f"Warehouse said {warehouse_text!r}, the adapter's walk expects {expected!r}"
        )
    codes = [code for code, _ in errors] + ([abort[0]] if abort else [])
    if not codes:
        return "SIGNATURE_MISMATCH", None
    reason = min(codes, key=CAVEAT_PRECEDENCE.index)
    return reason, (abort[1] if abort and not errors else None)


def walk(wh, macaroon, request, context):
    """Re-run what caveats.verify's callback does for each caveat, in token order.
    pymacaroons 0.13.0 calls the callback for every first-party caveat even after one
    failed; an exception (not a CaveatError) ends the walk, and so does a third-party
    caveat (its discharge lookup raises TypeError). Returns
    ([(code, Warehouse message)] for recorded failures, (code, detail) or None)."""
    errors = []
    core = wh.core
    for index, cav in enumerate(macaroon.caveats, 1):
        if cav.third_party():
            return errors, ("CAVEAT_THIRD_PARTY", f"caveat {index} is a third-party caveat")
        try:
            predicate = cav.caveat_id_bytes.decode("utf-8")  # pymacaroons does this
        except UnicodeDecodeError:
            return errors, ("CAVEAT_MALFORMED", f"caveat {index} is not UTF-8")
        try:
            caveat = wh.caveats.deserialize(predicate)
        except core.CaveatError as exc:
            errors.append((_deserialization_code(predicate, exc), str(exc)))
            continue
        except Exception as exc:
            return errors, (
                "CAVEAT_MALFORMED",
                f"caveat {index} raised {type(exc).__name__}: {exc}",
            )
        result = caveat.verify(request, context, wh.permission)
        if isinstance(result, core.Failure):
            errors.append(("CAVEAT_NOT_SATISFIED", result.reason))
    return errors, None


def _deserialization_code(predicate: str, exc: Exception) -> str:
    """CAVEAT_UNKNOWN for 'caveat has unknown tag' with an integer tag; every other
    deserialisation error (and an unknown tag that is not an integer: a string, null,
    NaN, a float) is CAVEAT_MALFORMED."""
    if str(exc).startswith("caveat has unknown tag:"):
        obj = json.loads(predicate)
        if isinstance(obj, list) and obj and type(obj[0]) is int:
            return "CAVEAT_UNKNOWN"
    return "CAVEAT_MALFORMED"


def text_or_hex(value):
    """ADAPT-9: a string when the bytes are UTF-8, else {"hex": ...}."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return {"hex": value.hex()}


def describe(macaroon) -> dict:
    """The parts of a deserialised macaroon, for inspect."""
    caveats = []
    for cav in macaroon.caveats:
        if cav.third_party():
            caveats.append({
                "third_party": True,
                "id": text_or_hex(cav.caveat_id_bytes),
                "location": text_or_hex(cav.location),
                "vid": cav.verification_key_id.hex(),
            })
        else:
            caveats.append(text_or_hex(cav.caveat_id_bytes))
    return {
        "prefix": "pypi",
        "location": text_or_hex(macaroon.location),
        "identifier": text_or_hex(macaroon.identifier_bytes),
        "caveats": caveats,
        "signature": macaroon.signature_bytes.decode("ascii").lower(),
    }
