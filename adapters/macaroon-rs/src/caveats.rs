//! The caller's part of restrict: the caveat bytes the spec defines for each restriction. The
//! crate knows nothing of PyPI's caveats; a tool that narrows a token builds the caveat string
//! itself and hands it to `add_first_party_caveat`. This is the least glue that does it: the JSON
//! value of ADAPT-13's table, serialised canonically (CAV-9: no whitespace, keys sorted — serde_json's
//! default map is a BTreeMap — and every character outside ASCII as a lowercase \uXXXX escape).
//! Nothing is validated or normalised (RESTRICT-2 ... RESTRICT-7 are the caller's; README.md).

use serde_json::{json, Map, Value};

pub enum Problem {
    BadRequest(String),
    Unsupported(String),
}

fn need(r: &Map<String, Value>, name: &str) -> Result<Value, Problem> {
    r.get(name).cloned().ok_or_else(|| Problem::BadRequest(format!("restriction lacks member {:?}", name)))
}

/// The JSON value of one restriction's caveat (ADAPT-13).
fn value(r: &Map<String, Value>) -> Result<Value, Problem> {
    let kind = r.get("type").and_then(Value::as_str).unwrap_or("");
    Ok(match kind {
        "expiration" => json!([0, need(r, "expires_at")?, need(r, "not_before")?]),
        "project_names" => json!([1, need(r, "names")?]),
        "project_ids" => json!([2, need(r, "ids")?]),
        "user" => json!([3, need(r, "user_id")?]),
        "oidc_publisher" => json!([4, need(r, "publisher_id")?, r.get("claims").cloned().unwrap_or(Value::Null)]),
        "legacy_user" => json!({"permissions": "user", "version": 1}),
        "legacy_project_names" => json!({"permissions": {"projects": need(r, "names")?}, "version": 1}),
        "legacy_expiration" => json!({"exp": need(r, "expires_at")?, "nbf": need(r, "not_before")?}),
        "legacy_project_ids" => json!({"project_ids": need(r, "ids")?}),
        other => return Err(Problem::Unsupported(format!("no restriction type {:?}", other))),
    })
}

/// The canonical caveat string (CAV-9) for one restriction object.
pub fn caveat_bytes(raw: &Value) -> Result<String, Problem> {
    let r = raw.as_object().ok_or_else(|| Problem::BadRequest("a restriction must be an object".into()))?;
    let text = serde_json::to_string(&value(r)?).map_err(|e| Problem::BadRequest(e.to_string()))?;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
        }
    }
    Ok(out)
}
