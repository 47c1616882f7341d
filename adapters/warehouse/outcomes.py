"""How the adapter runs Warehouse's verification and reads its outcome
(spec/reason-codes.md; the mapping table is in README.md).

Warehouse decides every verdict and writes every message. The adapter calls, on a
`DatabaseMacaroonService` whose `db` is a fake session (standins.Session):

  1. `find_from_raw(raw)`: what `MacaroonSecurityPolicy.identity` calls to find the
     token's row. An `InvalidMacaroonError` here means the request has no identity;
  2. `verify(raw, request, context, Permissions.ProjectsUpload)`: what
     `MacaroonSecurityPolicy.permits` calls. It returns True or raises
     `InvalidMacaroonError(message)`.

Any other exception from either is one Warehouse does not handle (an HTTP 500 in
production) and is answered as `internal`.

Warehouse's denial carries only a message, so to give reason codes the adapter walks
the caveats once more with Warehouse's own `caveats.deserialize` and each caveat's own
`verify`, in the order and with the stopping rule of pymacaroons 0.13.0's Verifier
(see `walk`), and checks that this walk yields exactly the message Warehouse gave
(else `internal`). The failures are reported in Warehouse's order; the reason is the
code of the first. The adapter ranks nothing.
"""

from __future__ import annotations

import binascii
import json
import os
import traceback

from protocol import Internal


class WarehouseCrash(Internal):
    """Warehouse raised an exception that its callers do not handle (in production an
    HTTP 500). The adapter answers `internal` with this message."""


class AdapterDisagrees(Internal):
    """The adapter's walk over the caveats does not reproduce Warehouse's message: the
    adapter no longer understands this checkout. Answered as `internal`."""


def failure(index, code: str, message: str) -> dict:
    return {"index": index, "reason": code, "message": message}


def rejection(failures: list, message: str) -> dict:
    """A verify answer for a denial: the reason is the first failure's code."""
    return {"valid": False, "reason": failures[0]["reason"], "message": message,
            "failures": failures}


def crash(wh, step: str, exc: Exception) -> WarehouseCrash:
    """A WarehouseCrash naming the innermost line of Warehouse's code the exception
    passed through."""
    where = ""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = os.path.realpath(frame.filename)
        if path.startswith(wh.src + os.sep):
            where = f" at {os.path.relpath(path, wh.src)}:{frame.lineno}"
            break
    return WarehouseCrash(
        f"{step} raised {type(exc).__name__}: {exc}{where} (HTTP 500 in production)"
    )


def verify(wh, token: str, key: bytes, identity_for):
    """Runs Warehouse's verification of `token` and returns the verify answer (without
    `ok`). `identity_for(row)` gives (request, context) for the row Warehouse found,
    as `MacaroonSecurityPolicy.identity` builds the identity from it."""
    service = wh.services.DatabaseMacaroonService(wh.Session(key))
    try:
        row = service.find_from_raw(token)
    except wh.InvalidMacaroonError as exc:
        return front_end_rejection(str(exc), exc, token)
    except Exception as exc:  # e.g. AttributeError for a V1 macaroon
        raise crash(wh, "find_from_raw", exc) from exc

    request, context = identity_for(row)
    wh.current.request = request  # pyramid.threadlocal.get_current_request()
    try:
        service.verify(token, request, context, wh.permission)
    except wh.InvalidMacaroonError as exc:
        message = str(exc)
    except Exception as exc:  # e.g. TypeError from Pyramid's `s % args` on a "%"
        raise crash(wh, "DatabaseMacaroonService.verify", exc) from exc
    else:
        return {"valid": True, "reason": None, "message": None}
    finally:
        wh.current.request = None

    if message in FRONT_END_MESSAGES:  # not reached: find_from_raw passed on this token
        return front_end_rejection(message, None, token)
    wh.current.request = request
    try:
        return explain_denial(wh, token, request, context, message)
    finally:
        wh.current.request = None


FRONT_END_MESSAGES = (
    "malformed or nonexistent macaroon",
    "malformed macaroon",
    "Macaroon not found",
    "deleted or nonexistent macaroon",
)


def front_end_rejection(message: str, exc, token: str) -> dict:
    """The answer for an InvalidMacaroonError raised before any caveat is looked at:
    by `deserialize_raw_macaroon` (prefix, base64, binary macaroon) or by the row
    lookup (identifier not UTF-8, or not a UUID)."""
    cause = getattr(exc, "__cause__", None)
    context = getattr(exc, "__context__", None)
    if message == "malformed or nonexistent macaroon":
        # _extract_raw_macaroon gave None: the part before the first "-" is not "pypi",
        # or nothing follows the "-". The adapter tells these apart itself.
        if token.partition("-")[0] != "pypi":
            code, detail = "TOKEN_BAD_PREFIX", message
        else:
            code, detail = "MACAROON_MALFORMED", message + " (empty body)"
    elif message == "malformed macaroon":
        detail = f"{message} ({type(cause).__name__}: {cause})"
        # Only pymacaroons' base64 step raises these (binascii.Error: bad padding
        # after its lenient decode; UnicodeEncodeError: a lone surrogate).
        if isinstance(cause, (binascii.Error, UnicodeEncodeError)):
            code = "TOKEN_BAD_ENCODING"
        else:
            code = "MACAROON_MALFORMED"
    elif message in ("Macaroon not found", "deleted or nonexistent macaroon"):
        # find_from_raw's answer when the identifier is not UTF-8, or when
        # find_macaroon finds no row. The fake session has a row for every UUID, so
        # no row means find_macaroon's uuid.UUID(identifier) refused the identifier.
        why = ("identifier is not UTF-8" if isinstance(context, UnicodeDecodeError)
               else "identifier is not a UUID, so find_macaroon looks nothing up")
        code, detail = "MACAROON_MALFORMED", f"{message} ({why})"
    else:
        raise AdapterDisagrees(f"unexpected InvalidMacaroonError before the caveats: {message!r}")
    return rejection([failure(None, code, detail)], detail)


def explain_denial(wh, token: str, request, context, warehouse_text: str) -> dict:
    """Failures and reason for a denial whose message is `warehouse_text`."""
    macaroon = wh.services.deserialize_raw_macaroon(token)
    errors, abort = walk(wh, macaroon, request, context)
    if errors:
        expected = ", ".join(message for _, _, message in errors)
    elif abort:
        expected = "unknown error"
    else:
        expected = "signatures do not match"
    try:
        rendered = expected % ()  # services.verify reads Pyramid's `.msg`: `s % args`
    except (TypeError, ValueError) as exc:
        raise AdapterDisagrees(
            f"Warehouse said {warehouse_text!r}, but rendering {expected!r} raises {exc}"
        ) from None
    if rendered != warehouse_text:
        raise AdapterDisagrees(
            f"Warehouse said {warehouse_text!r}, the adapter's walk expects {expected!r}"
        )
    if errors:
        # Warehouse reports every recorded failure, joined in caveat order. A caveat
        # that then stopped the walk is not part of its answer, so not of ours.
        return rejection([failure(i, code, m) for i, code, m in errors], warehouse_text)
    if abort:
        index, code, detail = abort
        return rejection([failure(index, code, f"unknown error ({detail})")],
                         f"{warehouse_text} [adapter: {detail}]")
    return rejection([failure(None, "SIGNATURE_MISMATCH", warehouse_text)], warehouse_text)


def walk(wh, macaroon, request, context):
    """Re-run what caveats.verify's callback does for each caveat, in token order.
    pymacaroons 0.13.0 calls the callback for every first-party caveat even after one
    failed; an exception (not a CaveatError) ends the walk, and so does a third-party
    caveat (its discharge lookup raises TypeError). Returns
    ([(index, code, Warehouse's message)] for the failures Warehouse records,
     (index, code, detail) for the caveat that ended the walk, or None)."""
    errors = []
    core = wh.core
    for index, cav in enumerate(macaroon.caveats):
        if cav.third_party():
            return errors, (index, "CAVEAT_THIRD_PARTY",
                            f"caveat {index} is a third-party caveat")
        try:
            predicate = cav.caveat_id_bytes.decode("utf-8")  # pymacaroons does this
        except UnicodeDecodeError:
            return errors, (index, "CAVEAT_MALFORMED", f"caveat {index} is not UTF-8")
        try:
            caveat = wh.caveats.deserialize(predicate)
        except core.CaveatError as exc:
            errors.append((index, _deserialization_code(predicate, exc), str(exc)))
            continue
        except Exception as exc:
            return errors, (index, "CAVEAT_MALFORMED",
                            f"caveat {index} raised {type(exc).__name__}: {exc}")
        result = caveat.verify(request, context, wh.permission)
        if isinstance(result, core.Failure):
            errors.append((index, "CAVEAT_NOT_SATISFIED", result.reason))
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
