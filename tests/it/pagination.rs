//! Cursor pagination (docs/api.md "Lists"): creation order, no gaps, no repeats.

use std::collections::HashSet;

use serde_json::json;

use crate::support::{encode, id_of, ids, TestServer};

/// Walks a list page by page and returns the ids in order, checking page sizes.
fn walk(srv: &TestServer, tok: &str, path: &str, limit: Option<usize>) -> Vec<String> {
    let page_size = limit.unwrap_or(50);
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut query = Vec::new();
        if let Some(l) = limit {
            query.push(format!("limit={l}"));
        }
        if let Some(c) = &cursor {
            query.push(format!("cursor={}", encode(c)));
        }
        let url = format!("{path}?{}", query.join("&"));
        let page = srv.get(&url, tok).expect(200).clone();
        let data = ids(page["data"].as_array().expect("data"));
        assert!(data.len() <= page_size, "{url}: {} items", data.len());
        out.extend(data.iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => {
                assert_eq!(data.len(), page_size, "{url}: a page before the last is full");
                cursor = Some(next.to_string());
            }
            None => {
                assert!(page["next_cursor"].is_null(), "{page}");
                return out;
            }
        }
        assert!(out.len() < 100_000, "{path} does not end");
    }
}

fn assert_no_repeats(list: &[String], what: &str) {
    let unique: HashSet<&String> = list.iter().collect();
    assert_eq!(unique.len(), list.len(), "{what}: repeated ids");
}

#[test]
fn paging_through_a_thousand_accounts() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let existing = srv.account_ids(&tok);
    const THREADS: usize = 8;
    const PER_THREAD: usize = 125;
    let created: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let (srv, tok) = (&srv, &tok);
                s.spawn(move || {
                    (0..PER_THREAD)
                        .map(|i| {
                            let body = json!({"kind": "customer", "name": format!("bulk {t}-{i}")});
                            id_of(&srv.create_account(tok, &body))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("creator thread")).collect()
    });
    assert_eq!(created.len(), THREADS * PER_THREAD);
    assert_no_repeats(&created, "created ids");
    // Created one after another (several within one millisecond), so they must come last
    // and in this order.
    let tail: Vec<String> = (0..100).map(|i| srv.new_account(&tok, "customer", None, &format!("tail {i}"))).collect();

    let mut expected: HashSet<String> = existing.iter().cloned().collect();
    expected.extend(created.iter().cloned());
    expected.extend(tail.iter().cloned());

    let mut walks = Vec::new();
    for limit in [Some(37), None, Some(500), Some(1)] {
        let got = walk(&srv, &tok, "/api/v1/accounts", limit);
        let what = format!("limit {limit:?}");
        assert_no_repeats(&got, &what);
        let got_set: HashSet<String> = got.iter().cloned().collect();
        let missing: Vec<&String> = expected.difference(&got_set).collect();
        let extra: Vec<&String> = got_set.difference(&expected).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{what}: missing {missing:?}, extra {extra:?}");
        assert_eq!(&got[got.len() - tail.len()..], &tail[..], "{what}: creation order");
        walks.push(got);
    }
    for w in &walks[1..] {
        assert_eq!(w, &walks[0], "every page size gives the same order");
    }
}

#[test]
fn paging_is_stable_while_objects_are_added() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    for i in 0..30 {
        srv.new_account(&tok, "customer", None, &format!("before {i}"));
    }
    let before = srv.account_ids(&tok);
    let first = srv.get("/api/v1/accounts?limit=3", &tok).expect(200).clone();
    let mut seen = ids(first["data"].as_array().expect("data"));
    let mut cursor = first["next_cursor"].as_str().expect("more pages").to_string();
    let added: Vec<String> = (0..5).map(|i| srv.new_account(&tok, "customer", None, &format!("during {i}"))).collect();
    loop {
        let page = srv.get(&format!("/api/v1/accounts?limit=3&cursor={}", encode(&cursor)), &tok).expect(200).clone();
        seen.extend(ids(page["data"].as_array().expect("data")));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = c.to_string(),
            None => break,
        }
    }
    assert_no_repeats(&seen, "stable paging");
    let mut expected = before;
    expected.extend(added);
    assert_eq!(seen, expected, "old objects in order, then the new ones");
}

#[test]
fn bad_list_parameters_are_400_invalid_query() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    for list in ["/api/v1/accounts", "/api/v1/users", "/api/v1/events", "/api/v1/api-keys"] {
        for query in ["limit=0", "limit=501", "limit=abc", "limit=-1", "limit=2.5", "cursor=garbage", "cursor=%00%FF"] {
            srv.get(&format!("{list}?{query}"), &tok).problem(400, "invalid_query");
        }
        srv.get(&format!("{list}?limit=1"), &tok).expect(200);
        srv.get(&format!("{list}?limit=500"), &tok).expect(200);
    }
}
