"""Stand-ins for what Warehouse's caveat code reaches outside itself, and the loader
that imports Warehouse's own modules from a checkout (WAREHOUSE_SRC).

No Warehouse code lives here. The adapter imports these *real* modules from the
checkout: warehouse/__init__.py, warehouse/errors.py, warehouse/authnz/,
warehouse/macaroons/__init__.py, errors.py, services.py and caveats/ (__init__.py,
_core.py, _legacy.py). Their imports of heavy things (the database, SQLAlchemy models,
Pyramid, zope.interface) are satisfied by the stub modules below, each inserted into
sys.modules before the import. Every stub says what it replaces and what Warehouse
reads from it on the driven path; nothing else of it is ever touched. `Session` is the
fake database session DatabaseMacaroonService runs on.
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
    """Stands in for pyramid.security.PermitsResult (pyramid 2.1, Warehouse's pin), with
    Pyramid's attribute names.

    What Warehouse relies on: the object is falsy when access is denied and truthy when
    allowed, and `.msg` is `self.s % self.args` (`services.verify` raises
    `InvalidMacaroonError(verified.msg)`), so a denial whose text contains `%` fails
    there exactly as it does in production.
    """

    boolval = 0

    def __new__(cls, s, *args):
        inst = super().__new__(cls, cls.boolval)
        inst.s, inst.args = s, args
        return inst

    msg = property(lambda self: self.s % self.args)
    __str__ = lambda self: self.msg  # noqa: E731


class Denied(PermitsResult):
    """Stands in for pyramid.security.Denied, the base of warehouse.errors.WarehouseDenied."""


class Allowed(PermitsResult):
    """Stands in for pyramid.security.Allowed, what caveats.verify returns on success."""

    boolval = 1


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


class Column:
    """Stands in for a mapped attribute of the Macaroon model (`Macaroon.id`, `.user`,
    `.oidc_publisher`) inside the SQLAlchemy expressions that services.py builds:
    `joinedload(Macaroon.user)`, `Macaroon.id == dm.id`, `Macaroon.id.in_(...)`. The
    expressions only travel to the fake session, which never runs them."""

    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return Statement("eq", self.name, other)

    __hash__ = object.__hash__

    def in_(self, other):
        return Statement("in", self.name, other)


class Statement:
    """Stands in for what sqlalchemy's `select(...)`, `update(...)` and `joinedload(...)`
    return on the driven path: an inert expression whose builder methods (`where`,
    `values`, `with_for_update`) return another one. Nothing is executed."""

    def __init__(self, *parts):
        self.parts = parts

    def where(self, *clauses):
        return Statement(self, "where", *clauses)

    def values(self, **values):
        return Statement(self, "values", values)

    def with_for_update(self, **options):
        return Statement(self, "for update", options)


class Macaroon:
    """Replaces the warehouse.macaroons.models.Macaroon model (a SQLAlchemy model). The
    class carries the mapped attributes services.py names in its queries; an instance
    is the row the fake session finds. On the driven path Warehouse reads only `key`
    (the root key), `caveats` (the stored caveats, appended by `verify`) and `id` (in
    the inert `last_used` update); `UserContext.macaroon` is this row, as in
    production, and RequestUser.verify only compares it with None."""

    id = Column("id")
    user = Column("user")
    oidc_publisher = Column("oidc_publisher")

    def __init__(self, id, key, caveats):
        self.id = id
        self.key = key
        self.caveats = caveats


class Query:
    """The query chain `find_macaroon` runs:
    `db.query(Macaroon).options(joinedload(...), ...).filter_by(id=...).one_or_none()`."""

    def __init__(self, session):
        self.session = session
        self.identifier = None

    def options(self, *options):
        return self

    def filter_by(self, id):
        self.identifier = id
        return self

    def one_or_none(self):
        return self.session.row(self.identifier)


class Session:
    """Replaces the SQLAlchemy session (`DatabaseMacaroonService.db`). One row exists
    for every identifier that reaches the query (Warehouse's own `find_macaroon` has
    already refused those that are not UUIDs): its key is the request's `key` and it
    has no stored caveats (`caveats == []`), because the vectors' tokens carry the
    whole chain and the specification leaves stored caveats out. `execute` (the
    `last_used` update after a successful verify) does nothing."""

    def __init__(self, key: bytes):
        self.key = key
        self.found = {}

    def row(self, identifier):
        if identifier not in self.found:
            self.found[identifier] = Macaroon(identifier, self.key, [])
        return self.found[identifier]

    def query(self, model):
        if model is not Macaroon:
            raise RuntimeError(f"the fake session only holds Macaroon rows, not {model!r}")
        return Query(self)

    def execute(self, statement):
        return None


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
    _stub(
        "sqlalchemy",
        "services.py builds the last_used update with select() and update()",
        select=lambda *what: Statement("select", *what),
        update=lambda table: Statement("update", table),
    )
    _stub(
        "sqlalchemy.orm",
        "find_macaroon passes joinedload() options to the query",
        joinedload=lambda attribute: Statement("joinedload", attribute),
    )
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
    _stub("warehouse.macaroons.models", "services.py queries Macaroon rows", Macaroon=Macaroon)


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
        src=src,
        Session=Session,
        caveats=caveats,
        core=_core,
        services=services,
        InvalidMacaroonError=InvalidMacaroonError,
        permission=Permissions.ProjectsUpload,
        clock=clock,
        current=current,
    )
