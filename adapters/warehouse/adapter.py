"""Warehouse adapter: drives Warehouse's own token code (pypi/warehouse, the code behind
the Python Package Index) over the JSON-Lines adapter protocol (spec/adapter-protocol.md).

    WAREHOUSE_SRC=/path/to/warehouse-checkout adapters/warehouse/.venv/bin/python \\
        adapters/warehouse/adapter.py

Exit status: 0 at end of input; 3 when WAREHOUSE_SRC is unset or holds no
warehouse/macaroons/caveats (one line on stderr; the runner skips); 4 when the
checkout is there but cannot be imported (one line on stderr). See README.md.
"""

from __future__ import annotations

import os
import subprocess
import sys

import outcomes
import standins

from protocol import BadRequest, Unsupported, serve

OPS = ["hello", "inspect", "verify", "mint", "restrict"]
MAX_NOW = 2**53 - 1


def die(status: int, line: str) -> None:
    print(f"adapters/warehouse: {line}", file=sys.stderr, flush=True)
    sys.exit(status)


def checkout_version(src: str) -> str:
    """The commit of WAREHOUSE_SRC when it is the top of a git work tree, else
    "unknown". Local git only, no network."""
    try:
        top = subprocess.run(
            ["git", "-C", src, "rev-parse", "--show-toplevel", "HEAD"],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    if len(top) == 2 and os.path.realpath(top[0]) == os.path.realpath(src):
        return top[1]
    return "unknown"


# --------------------------------------------------------------------------------------
# Request members
# --------------------------------------------------------------------------------------


def member(req: dict, name: str, kind, what: str):
    if name not in req:
        raise BadRequest(f"missing member {name!r}")
    value = req[name]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise BadRequest(f"member {name!r} must be {what}")
    return value


def hex_key(req: dict) -> bytes:
    key = member(req, "key", str, "a lowercase hex string")
    if len(key) % 2 or any(c not in "0123456789abcdef" for c in key):
        raise BadRequest("member 'key' must be lowercase hex")
    return bytes.fromhex(key)


def strings(value, name: str) -> list:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRequest(f"{name} must be a list of strings")
    return value


def build_request(ctx) -> tuple:
    """The context object and the request stand-in for a protocol `context`."""
    if not isinstance(ctx, dict):
        raise BadRequest("member 'context' must be an object")
    now = member(ctx, "now", int, "an integer")
    if not 0 <= now <= MAX_NOW:
        raise BadRequest("context.now must be in [0, 2^53-1]")
    if "project" not in ctx or "user_id" not in ctx or "oidc_publisher" not in ctx:
        raise BadRequest("context needs now, project, user_id and oidc_publisher")
    project = ctx["project"]
    if project is not None:
        if not isinstance(project, dict):
            raise BadRequest("context.project must be an object or null")
        name, normalized, pid = (member(project, k, str, "a string")
                                 for k in ("name", "normalized_name", "id"))
        context = standins.Project(name, normalized, pid)
    else:
        context = standins.NonProjectContext()
    user_id, publisher = ctx["user_id"], ctx["oidc_publisher"]
    if user_id is not None and not isinstance(user_id, str):
        raise BadRequest("context.user_id must be a string or null")
    if publisher is not None:
        if not isinstance(publisher, dict):
            raise BadRequest("context.oidc_publisher must be an object or null")
        pub_id = member(publisher, "id", str, "a string")
        ids = strings(member(publisher, "project_ids", list, "a list"), "project_ids")
        # Warehouse tests `context in publisher.projects`: the context's own object.
        projects = [
            context if isinstance(context, standins.Project) and context.id == i
            else standins.Project(None, None, i)
            for i in ids
        ]
        publisher = standins.Publisher(pub_id, projects)
    if user_id is not None:  # a user identity wins: Warehouse has one identity
        identity = standins.UserContext(standins.User(user_id), standins.TokenRow())
    elif publisher is not None:
        identity = standins.PublisherTokenContext(publisher, None)
    else:
        identity = None
    return now, context, standins.Request(identity)


# --------------------------------------------------------------------------------------
# Operations
# --------------------------------------------------------------------------------------


class Operations:
    def __init__(self, wh, version: str):
        self.wh = wh
        self.version = version

    def __call__(self, op, req: dict) -> dict:
        if op not in OPS:
            raise BadRequest(f"unknown op {op!r}")
        return getattr(self, op)(req)

    def hello(self, req):
        return {"ok": True, "protocol": 1,
                "implementation": {"name": "warehouse", "version": self.version},
                "ops": OPS}

    def inspect(self, req):
        macaroon, error = outcomes.parse_token(self.wh, member(req, "token", str, "a string"))
        if error:
            return {"ok": True, "error": error}
        return {"ok": True, "token": outcomes.describe(macaroon)}

    def verify(self, req):
        token = member(req, "token", str, "a string")
        key = hex_key(req)
        now, context, request = build_request(member(req, "context", dict, "an object"))
        wh = self.wh
        wh.clock.now = now
        wh.current.request = request  # pyramid.threadlocal.get_current_request()
        try:
            macaroon, error = outcomes.parse_token(wh, token)
            if error:
                return {"ok": True, "valid": False, "reason": error["code"],
                        "message": error["message"]}
            valid, reason, message = outcomes.verify(wh, macaroon, key, request, context)
        finally:
            wh.current.request = None
        return {"ok": True, "valid": valid, "reason": reason, "message": message}

    def mint(self, req):
        """What DatabaseMacaroonService.create_macaroon does after the DB insert:
        pymacaroons Macaroon(location, identifier, key, MACAROON_V2), each caveat
        added as a first-party caveat, "<prefix>-" + serialize()."""
        import pymacaroons

        key = hex_key(req)
        location = member(req, "location", str, "a string")
        identifier = member(req, "identifier", str, "a string")
        prefix = member(req, "prefix", str, "a string")
        caveats = strings(member(req, "caveats", list, "a list"), "caveats")
        try:
            m = pymacaroons.Macaroon(location=location, identifier=identifier, key=key,
                                     version=pymacaroons.MACAROON_V2)
            for caveat in caveats:
                m.add_first_party_caveat(caveat)
            body = m.serialize()
        except UnicodeError as exc:  # a lone surrogate cannot be UTF-8
            return {"ok": True, "error": outcomes.token_error("INVALID_ARGUMENT", str(exc))}
        return {"ok": True, "token": f"{prefix}-{body}"}

    def restrict(self, req):
        """Warehouse has no attenuation API: each restriction becomes an instance of
        Warehouse's Caveat class (validated by pydantic), serialised with
        caveats.serialize and appended with pymacaroons."""
        from pydantic import ValidationError

        token = member(req, "token", str, "a string")
        wanted = member(req, "restrictions", list, "a list")
        for r in wanted:
            if not isinstance(r, dict) or not isinstance(r.get("type"), str):
                raise BadRequest("each restriction must be an object with a string 'type'")
            if r["type"].startswith("legacy_"):
                raise Unsupported(f"Warehouse cannot write {r['type']} (it only reads them)")
        macaroon, error = outcomes.parse_token(self.wh, token)
        if error:
            return {"ok": True, "error": error}
        cav = self.wh.caveats
        built = []
        for r in wanted:
            kind = r["type"]
            makers = {
                "expiration": lambda: cav.Expiration(expires_at=r["expires_at"],
                                                     not_before=r["not_before"]),
                "project_names": lambda: cav.ProjectName(normalized_names=r["names"]),
                "project_ids": lambda: cav.ProjectID(project_ids=r["ids"]),
                "user": lambda: cav.RequestUser(user_id=r["user_id"]),
                "oidc_publisher": lambda: cav.OIDCPublisher(
                    oidc_publisher_id=r["publisher_id"], oidc_claims=r.get("claims")),
            }
            if kind not in makers:
                raise Unsupported(f"Warehouse has no caveat for restriction type {kind!r}")
            try:
                built.append(makers[kind]())
            except KeyError as exc:
                raise BadRequest(f"restriction {kind!r} lacks member {exc}") from None
            except ValidationError as exc:
                return {"ok": True, "error": outcomes.token_error(
                    "INVALID_ARGUMENT", f"{kind}: {exc.errors()[0]['msg']}")}
        for caveat in built:
            macaroon.add_first_party_caveat(cav.serialize(caveat))
        return {"ok": True, "token": f"pypi-{macaroon.serialize()}"}


def main() -> None:
    src = os.environ.get("WAREHOUSE_SRC", "")
    if not src:
        die(3, "WAREHOUSE_SRC is not set; point it at a pypi/warehouse checkout")
    if not os.path.isdir(os.path.join(src, "warehouse", "macaroons", "caveats")):
        die(3, f"WAREHOUSE_SRC={src} has no warehouse/macaroons/caveats; "
               "point it at a pypi/warehouse checkout")
    out = os.fdopen(os.dup(1), "wb")
    sys.stdout = sys.stderr  # nothing but responses may reach fd 1
    os.dup2(2, 1)
    try:
        wh = standins.load_warehouse(src)
    except Exception as exc:
        die(4, f"cannot import Warehouse from {src}: {type(exc).__name__}: {exc}")
    try:
        serve(Operations(wh, checkout_version(src)), out)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
