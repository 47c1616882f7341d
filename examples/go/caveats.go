package pypitoken

import (
	"math/big"
	"slices"
)

// Project, Publisher and Context are a request context (spec/verification.md, CTX-1).
type Project struct {
	Name           string `json:"name"`
	NormalizedName string `json:"normalized_name"`
	ID             string `json:"id"`
}

type Publisher struct {
	ID         string   `json:"id"`
	ProjectIDs []string `json:"project_ids"`
}

type Context struct {
	Now           int64      `json:"now"`
	Project       *Project   `json:"project"`
	UserID        *string    `json:"user_id"`
	OIDCPublisher *Publisher `json:"oidc_publisher"`
}

// check is a decoded caveat's condition: true when it holds in the context.
type check func(ctx Context) bool

// decodeCaveat recognises a first-party caveat (spec/caveats/index.md) and returns its condition,
// or the reason it is rejected whatever the context.
func decodeCaveat(c Caveat) (check, string) {
	if c.Vid != nil {
		return nil, "CAVEAT_THIRD_PARTY" // VERIFY-6
	}
	v, err := ParseStrictJSON(c.ID)
	if err != nil {
		return nil, "CAVEAT_MALFORMED"
	}
	switch v.Kind {
	case Array:
		return decodeTagged(v.Items)
	case Object:
		return decodeLegacy(v)
	}
	return nil, "CAVEAT_MALFORMED" // CAV-1
}

func decodeTagged(items []Value) (check, string) {
	if len(items) == 0 || items[0].Kind != Integer { // CAV-2, CAV-3
		return nil, "CAVEAT_MALFORMED"
	}
	tag := items[0].Int
	if !tag.IsInt64() || tag.Int64() < 0 || tag.Int64() > 4 {
		return nil, "CAVEAT_UNKNOWN" // CAV-5
	}
	args := items[1:]
	var ok check
	switch tag.Int64() {
	case 0: // [0, expires_at, not_before] (EXP-1 ... EXP-4)
		if len(args) == 2 && args[0].Kind == Integer && args[1].Kind == Integer {
			ok = window(args[0].Int, args[1].Int)
		}
	case 1: // [1, [names]] (PNAME-1 ... PNAME-4)
		if names, good := stringList(args, 1); good {
			ok = func(ctx Context) bool {
				return ctx.Project != nil && slices.Contains(names, ctx.Project.NormalizedName)
			}
		}
	case 2: // [2, [ids]] (PID-1 ... PID-4)
		if ids, good := stringList(args, 1); good {
			ok = projectIn(ids)
		}
	case 3: // [3, user_id] (USER-1 ... USER-3)
		if len(args) == 1 && args[0].Kind == String {
			user := args[0].Str
			ok = func(ctx Context) bool { return ctx.UserID != nil && *ctx.UserID == user }
		}
	case 4: // [4, publisher_id] or [4, publisher_id, claims|null] (OIDC-1 ... OIDC-5)
		if (len(args) == 1 || len(args) == 2 && (args[1].Kind == Object || args[1].Kind == Null)) && args[0].Kind == String {
			publisher := args[0].Str
			ok = func(ctx Context) bool {
				p := ctx.OIDCPublisher
				return p != nil && p.ID == publisher && ctx.Project != nil && slices.Contains(p.ProjectIDs, ctx.Project.ID)
			}
		}
	}
	if ok == nil {
		return nil, "CAVEAT_MALFORMED" // CAV-6, CAV-8
	}
	return ok, ""
}

// decodeLegacy recognises a legacy object by its keys (CAV-7); it must then have exactly its form's members (CAV-8).
func decodeLegacy(v Value) (check, string) {
	m := v.Members
	has := func(keys ...string) bool {
		if len(m) != len(keys) {
			return false
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				return false
			}
		}
		return true
	}
	version, hasVersion := m["version"]
	isOne := version.Kind == Integer && version.Int.Cmp(big.NewInt(1)) == 0
	switch {
	case hasVersion && m["permissions"].Kind == String && m["permissions"].Str == "user":
		if has("version", "permissions") && isOne { // LUSER-1, LUSER-2
			return func(ctx Context) bool { return ctx.UserID != nil }, ""
		}
	case hasVersion:
		perms := m["permissions"]
		if has("version", "permissions") && isOne && perms.Kind == Object && len(perms.Members) == 1 { // LPNAME-1, LPNAME-2
			if names, ok := stringList([]Value{perms.Members["projects"]}, 1); ok {
				return func(ctx Context) bool {
					return ctx.Project != nil && slices.Contains(names, ctx.Project.NormalizedName)
				}, ""
			}
		}
	case hasKey(m, "exp") || hasKey(m, "nbf"):
		if has("exp", "nbf") && m["exp"].Kind == Integer && m["nbf"].Kind == Integer { // LEXP-1, LEXP-2
			return window(m["exp"].Int, m["nbf"].Int), ""
		}
	case hasKey(m, "project_ids"):
		if ids, ok := stringList([]Value{m["project_ids"]}, 1); ok && has("project_ids") { // LPID-1, LPID-2
			return projectIn(ids), ""
		}
	}
	return nil, "CAVEAT_MALFORMED"
}

func hasKey(m map[string]Value, k string) bool {
	_, ok := m[k]
	return ok
}

// stringList reads args as exactly n elements whose first is an array of strings.
func stringList(args []Value, n int) ([]string, bool) {
	if len(args) != n || args[0].Kind != Array {
		return nil, false
	}
	out := []string{}
	for _, item := range args[0].Items {
		if item.Kind != String {
			return nil, false
		}
		out = append(out, item.Str)
	}
	return out, true
}

// window holds when not_before <= now < expires_at, compared exactly (EXP-3, EXP-4).
func window(expiresAt, notBefore *big.Int) check {
	return func(ctx Context) bool {
		now := big.NewInt(ctx.Now)
		return notBefore.Cmp(now) <= 0 && now.Cmp(expiresAt) < 0
	}
}

func projectIn(ids []string) check {
	return func(ctx Context) bool { return ctx.Project != nil && slices.Contains(ids, ctx.Project.ID) }
}
