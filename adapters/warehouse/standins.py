"""Stand-ins for what Warehouse's caveat code reaches outside itself, and the loader
that imports Warehouse's own modules from a checkout (WAREHOUSE_SRC).

No Warehouse code lives here. The adapter imports these *real* modules from the
checkout: warehouse/__init__.py, warehouse/errors.py, warehouse/authnz/,
warehouse/macaroons/__init__.py, errors.py, services.py and caveats/ (__init__.py,
_core.py, _legacy.py). Their imports of heavy things (the database, SQLAlchemy models,
Pyramid, zope.interface) are satisfied by the stub modules below, each inserted into
sys.modules before the import. Every stub says what it replaces and what Warehouse
reads from it on the driven path; nothing else of it is ever touched.
"""

from __future__ import annotations

import ast
import builtins
import os
import sys
import types
import typing

from dataclasses import dataclass
from typing import Any

# --------------------------------------------------------------------------------------
# Objects that stand in for Pyramid and Warehouse runtime objects
# --------------------------------------------------------------------------------------


class PermitsResult(int):
    """Stands in for pyramid.security.PermitsResult (pyramid 2.1, Warehouse's pin).

    What Warehouse relies on: the object is falsy when access is denied and truthy when
    allowed, and `.msg` renders the message template with its arguments using `%`
    (`services.verify` reads `.msg`), so a denial whose text contains `%` fails there
    exactly as it does in production.
    """

    ALLOWED = False

    def __new__(cls, template, *args):
        verdict = super().__new__(cls, 1 if cls.ALLOWED else 0)
        verdict.template, verdict.template_args = template, args
        return verdict

    msg = property(lambda self: self.template % self.template_args)
    __str__ = lambda self: self.msg  # noqa: E731


class Denied(PermitsResult):
    """Stands in for pyramid.security.Denied, the base of warehouse.errors.WarehouseDenied."""


class Allowed(PermitsResult):
    """Stands in for pyramid.security.Allowed, what caveats.verify returns on success."""

    ALLOWED = True


class Metrics:
    """Replaces the IMetricsService behind `request.metrics`. Warehouse calls
    `increment(name, tags=[...])` for legacy caveats (`_core._record_legacy_caveat`).
    The adapter records nothing."""

    def increment(self, metric, value=1, tags=None, sample_rate=1):
        pass


@dataclass
class UserContext:
    """Replaces warehouse.accounts.utils.UserContext (a dataclass `user`, `macaroon`).
    RequestUser.verify checks `isinstance(request.identity, UserContext)`, then
    `identity.macaroon is None` and `str(identity.user.id)`."""

    user: Any
    macaroon: Any


@dataclass
class PublisherTokenContext:
    """Replaces warehouse.oidc.utils.PublisherTokenContext (a dataclass `publisher`,
    `claims`). No module on the driven path imports it; Request.oidc_publisher below
    reads `.publisher` from it, as warehouse.accounts._oidc_publisher does."""

    publisher: Any
    claims: Any


class Request:
    """Replaces the Pyramid request (pyramid.request.Request, with Warehouse's request
    methods). Warehouse reads:
      - identity        (RequestUser.verify; set by the adapter from the context),
      - user            (legacy `{"version":1,"permissions":"user"}` adapter),
      - oidc_publisher  (OIDCPublisher.verify),
      - metrics         (legacy caveat counter).
    `user` and `oidc_publisher` are derived from `identity` by the same rule as
    Warehouse's reified request methods warehouse.accounts._user / _oidc_publisher:
    the identity's user (publisher) if it is a UserContext (PublisherTokenContext),
    else None."""

    def __init__(self, identity=None):
        self.identity = identity
        self.metrics = Metrics()

    @property
    def user(self):
        return self.identity.user if isinstance(self.identity, UserContext) else None

    @property
    def oidc_publisher(self):
        identity = self.identity
        return identity.publisher if isinstance(identity, PublisherTokenContext) else None


class Project:
    """Replaces warehouse.packaging.models.Project (a SQLAlchemy model). Caveats check
    `isinstance(context, Project)` and read `name`, `normalized_name` and `str(id)`;
    OIDCPublisher.verify tests `context in publisher.projects`, which compares by
    identity as with SQLAlchemy's identity map (no __eq__ here either)."""

    def __init__(self, name, normalized_name, id):
        self.name = name
        self.normalized_name = normalized_name
        self.id = id


class User:
    """Replaces warehouse.accounts.models.User. Warehouse reads `str(user.id)`."""

    def __init__(self, id):
        self.id = id


class Publisher:
    """Replaces warehouse.oidc.models.OIDCPublisher. Warehouse reads `str(id)` and
    `projects` (the Project objects it is registered to)."""

    def __init__(self, id, projects):
        self.id = id
        self.projects = projects


class NonProjectContext:
    """The Pyramid context of a view that is not about a project (context `project`
    null). Caveats only check that it is not a Project."""


class TokenRow:
    """Replaces the warehouse.macaroons.models.Macaroon row that find_macaroon returns.
    On the driven path Warehouse only tests it for truth (find_from_raw) and compares
    `identity.macaroon` with None (RequestUser)."""

    def __init__(self, identifier=None):
        self.identifier = identifier


class NoDatabase:
    """Stands in for the `self` of DatabaseMacaroonService so that its real
    `find_from_raw` can run: `find_macaroon(identifier)` answers a TokenRow for any
    identifier (no UUID parse, no lookup: there is no database)."""

    def find_macaroon(self, macaroon_id):
        return TokenRow(macaroon_id)


class Clock:
    """Replaces the `time` module *as seen by warehouse.macaroons.caveats* (its module
    global `time`), so that Expiration.verify's `int(time.time())` reads the context's
    `now`. Nothing else in the process is affected."""

    now = 0

    def time(self) -> float:
        return float(self.now)


class CurrentRequest:
    """Holds what pyramid.threadlocal.get_current_request returns. Pyramid pushes the
    request being served onto its threadlocal manager; the adapter sets `request`
    while it verifies one token and clears it afterwards (None otherwise)."""

    request = None


def _refuse(*args, **kwargs):
    raise RuntimeError("the Warehouse adapter has no database")


def _implementer(*interfaces):
    return lambda cls: cls


# --------------------------------------------------------------------------------------
# Stub modules and the loader
# --------------------------------------------------------------------------------------


def _signed_claims(src: str):
    """warehouse.oidc.interfaces.SignedClaims, taken from the checkout's source without
    importing that module (it needs zope.interface and the rate limiter). pydantic
    validates OIDCPublisher.oidc_claims against it, so it must be the checkout's type.
    Its right-hand side is evaluated with the names of `typing` in scope."""
    path = os.path.join(src, "warehouse", "oidc", "interfaces.py")
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "SignedClaims" for t in node.targets
        ):
            code = compile(ast.Expression(node.value), path, "eval")
            return eval(code, {"__builtins__": builtins, **vars(typing)})
    raise ImportError(f"no `SignedClaims = ...` assignment in {path}")


def _stub(name: str, doc: str, **attrs) -> types.ModuleType:
    module = types.ModuleType(name, doc)
    module.__dict__.update(attrs)
    sys.modules[name] = module
    return module


def _install_stubs(src: str, current: CurrentRequest) -> None:
    # Third-party packages Warehouse imports at module level on the driven path.
    _stub("pyramid", "stand-in package")
    _stub("pyramid.request", "caveats annotate with Request", Request=Request)
    _stub(
        "pyramid.security",
        "caveats/__init__ returns Allowed; warehouse.errors subclasses Denied",
        PermitsResult=PermitsResult, Denied=Denied, Allowed=Allowed,
    )
    _stub(
        "pyramid.threadlocal",
        "_legacy and _core call get_current_request()",
        get_current_request=lambda: current.request,
    )
    _stub("zope", "stand-in package")
    _stub(
        "zope.interface",
        "services.py decorates DatabaseMacaroonService with @implementer",
        Interface=type("Interface", (), {}), implementer=_implementer,
    )
    _stub("sqlalchemy", "used only inside DB methods, never called", select=_refuse, update=_refuse)
    _stub("sqlalchemy.orm", "used only inside DB methods, never called", joinedload=_refuse)
    # Warehouse modules that pull in the database, models or Pyramid configuration.
    _stub("warehouse.accounts", "stand-in package (real one imports the DB models)")
    _stub("warehouse.accounts.utils", "RequestUser checks UserContext", UserContext=UserContext)
    _stub("warehouse.oidc", "stand-in package (real one imports the DB models)")
    _stub(
        "warehouse.oidc.interfaces",
        "OIDCPublisher.oidc_claims is typed SignedClaims",
        SignedClaims=_signed_claims(src),
    )
    _stub(
        "warehouse.oidc.utils",
        "not imported on the driven path",
        PublisherTokenContext=PublisherTokenContext,
    )
    _stub("warehouse.packaging", "stand-in package (real one imports the DB models)")
    _stub("warehouse.packaging.models", "caveats check isinstance(context, Project)", Project=Project)
    _stub(
        "warehouse.macaroons.interfaces",
        "services.py names IMacaroonService in @implementer",
        IMacaroonService=type("IMacaroonService", (), {}),
    )
    _stub("warehouse.macaroons.models", "services.py queries Macaroon rows", Macaroon=TokenRow)


def load_warehouse(src: str) -> types.SimpleNamespace:
    """Import Warehouse's macaroon code from the checkout at `src`. Raises ImportError
    (or whatever the import raises) when the checkout cannot be imported this way."""
    src = os.path.realpath(src)
    current = CurrentRequest()
    clock = Clock()
    _install_stubs(src, current)
    sys.dont_write_bytecode = True  # leave no __pycache__ in the checkout
    sys.path.insert(0, src)

    import warehouse

    where = os.path.realpath(os.path.dirname(warehouse.__file__))
    if where != os.path.join(src, "warehouse"):
        raise ImportError(f"imported `warehouse` from {where}, not from {src}")

    from warehouse.authnz import Permissions
    from warehouse.macaroons import caveats, services
    from warehouse.macaroons.caveats import _core
    from warehouse.macaroons.errors import InvalidMacaroonError

    if not isinstance(getattr(caveats, "time", None), types.ModuleType):
        raise ImportError("warehouse.macaroons.caveats no longer reads the clock as `time.time()`")
    caveats.time = clock  # see Clock
    return types.SimpleNamespace(
        caveats=caveats,
        core=_core,
        services=services,
        InvalidMacaroonError=InvalidMacaroonError,
        permission=Permissions.ProjectsUpload,
        clock=clock,
        current=current,
    )
