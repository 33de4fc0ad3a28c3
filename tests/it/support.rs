//! Test harness: one real `stratum serve` process per test, over plain HTTP.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use diesel::{Connection, RunQueryDsl};
use reqwest::blocking::Client;
use reqwest::Method;
use serde_json::{json, Value};

pub use crate::client::{assert_same, first_difference, Call, Resp};

/// A running server with its own fresh database.
pub struct TestServer {
    child: Child,
    pub base: String,
    /// The database the server runs on: a SQLite file's path or a PostgreSQL URL.
    pub database_url: String,
    pub bootstrap_key: String,
    pub jwt_secret: String,
    pub jwt_kid: String,
    pub http: Client,
    stderr: Arc<Mutex<String>>,
    pg: Option<PgDatabase>,
    _dir: Option<tempfile::TempDir>,
}

struct PgDatabase {
    admin_url: String,
    name: String,
}

/// Random alphanumeric characters (ULIDs carry 80 random bits each).
pub fn random_alnum(n: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut out = String::with_capacity(n);
    while out.len() < n {
        let mut bits = ulid::Ulid::new().random();
        for _ in 0..13 {
            if out.len() == n {
                break;
            }
            out.push(char::from(ALPHABET[(bits % 62) as usize]));
            bits /= 62;
        }
    }
    out
}

/// `url` with its database name replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let rest = &base[scheme_end..];
    let authority = rest.find('/').map_or(rest, |i| &rest[..i]);
    let mut out = format!("{}{}/{}", &base[..scheme_end], authority, db);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

impl TestServer {
    pub fn start() -> TestServer {
        TestServer::start_with(&[])
    }

    /// A server started with extra arguments after `serve` (e.g. `--test-clock`).
    pub fn start_with(args: &[&str]) -> TestServer {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let mut pg = None;
        let database_url = match std::env::var("STRATUM_TEST_DATABASE_URL") {
            Ok(admin_url) if !admin_url.is_empty() => {
                let name = format!("stratum_it_{}", ulid::Ulid::new().to_string().to_lowercase());
                let mut conn =
                    diesel::PgConnection::establish(&admin_url).expect("connect to STRATUM_TEST_DATABASE_URL");
                diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut conn).expect("create test database");
                let url = with_database(&admin_url, &name);
                pg = Some(PgDatabase { admin_url, name });
                url
            }
            _ => dir.path().join("stratum.db").display().to_string(),
        };
        let bootstrap_key = format!("stk_{}", random_alnum(40));
        let cwd = dir.path().to_path_buf();
        TestServer::spawn(args, database_url, bootstrap_key, pg, Some(dir), &cwd)
    }

    /// A server on the SQLite file another (stopped) server left, with its bootstrap key.
    pub fn restart_on(database_url: &str, bootstrap_key: &str) -> TestServer {
        let cwd = std::path::Path::new(database_url).parent().expect("a file in a directory").to_path_buf();
        TestServer::spawn(&[], database_url.to_owned(), bootstrap_key.to_owned(), None, None, &cwd)
    }

    /// A `stratum` command with this server's database and settings (`serve`, `admin …`).
    pub fn command(&self, args: &[&str]) -> Command {
        stratum_command(args, &self.database_url, &self.bootstrap_key, &self.jwt_secret, &self.jwt_kid)
    }

    /// The SQLite file the server runs on; `None` on PostgreSQL.
    pub fn sqlite_file(&self) -> Option<&str> {
        self.pg.is_none().then_some(self.database_url.as_str())
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Stops the server with SIGKILL, as a crash or `kill -9` would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn spawn(
        args: &[&str],
        database_url: String,
        bootstrap_key: String,
        pg: Option<PgDatabase>,
        dir: Option<tempfile::TempDir>,
        cwd: &std::path::Path,
    ) -> TestServer {
        let jwt_secret = random_alnum(48);
        let jwt_kid = "test1".to_string();
        let mut serve = vec!["serve"];
        serve.extend_from_slice(args);
        let mut child = stratum_command(&serve, &database_url, &bootstrap_key, &jwt_secret, &jwt_kid)
            .env("STRATUM_LISTEN", "127.0.0.1:0")
            .current_dir(cwd)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn the stratum binary");

        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err_pipe = child.stderr.take().expect("stderr is piped");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut s = sink.lock().unwrap_or_else(|e| e.into_inner());
                s.push_str(&String::from_utf8_lossy(&buf[..n]));
                if s.len() > 256 * 1024 {
                    let cut = s.len() - 128 * 1024;
                    let cut = (cut..s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(0);
                    s.drain(..cut);
                }
            }
        });
        let out_pipe = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out_pipe).lines() {
                let Ok(line) = line else { break };
                if let Some(url) = line.trim().strip_prefix("stratum listening on ") {
                    let _ = tx.send(url.trim().trim_end_matches('/').to_string());
                }
            }
        });

        // In a workspace build reqwest has the Rust client's TLS without a bundled crypto
        // provider; it needs one installed even for plain HTTP.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = Client::builder().timeout(Duration::from_secs(120)).no_proxy().build().expect("http client");
        let mut srv = TestServer {
            child,
            base: String::new(),
            database_url,
            bootstrap_key,
            jwt_secret,
            jwt_kid,
            http,
            stderr,
            pg,
            _dir: dir,
        };
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(url) => srv.base = url,
            Err(e) => {
                std::thread::sleep(Duration::from_millis(300));
                let status = srv.child.try_wait();
                panic!(
                    "server did not print `stratum listening on …` ({e:?}, exit: {status:?}); stderr:\n{}",
                    srv.stderr_text()
                );
            }
        }
        srv
    }

    pub fn stderr_text(&self) -> String {
        self.stderr.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A request builder; `tok` "" sends no Authorization header.
    pub fn call(&self, method: Method, path: &str) -> Call<'_> {
        Call::new(self, method, path)
    }

    pub fn get(&self, path: &str, tok: &str) -> Resp {
        self.call(Method::GET, path).bearer(tok).send()
    }

    pub fn post(&self, path: &str, tok: &str, body: &Value) -> Resp {
        self.call(Method::POST, path).bearer(tok).json(body).send()
    }

    pub fn patch(&self, path: &str, tok: &str, body: &Value) -> Resp {
        self.call(Method::PATCH, path).bearer(tok).json(body).send()
    }

    pub fn delete(&self, path: &str, tok: &str) -> Resp {
        self.call(Method::DELETE, path).bearer(tok).send()
    }

    pub fn token_for(&self, api_key: &str) -> String {
        let r = self.post("/api/v1/auth/token", "", &json!({ "api_key": api_key }));
        let body = r.expect(200);
        assert_eq!(body["token_type"], "Bearer", "{body}");
        body["access_token"].as_str().expect("access_token is a string").to_string()
    }

    pub fn provider_token(&self) -> String {
        self.token_for(&self.bootstrap_key)
    }

    pub fn create_account(&self, tok: &str, body: &Value) -> Value {
        self.post("/api/v1/accounts", tok, body).expect(201).clone()
    }

    /// A reseller (or customer) named `name` under `parent` (None: the caller's account).
    pub fn new_account(&self, tok: &str, kind: &str, parent: Option<&str>, name: &str) -> String {
        let mut body = json!({ "kind": kind, "name": name });
        if let Some(p) = parent {
            body["parent_id"] = json!(p);
        }
        let acc = self.create_account(tok, &body);
        assert_eq!(acc["kind"], kind, "{acc}");
        if let Some(p) = parent {
            assert_eq!(acc["parent_id"], p, "{acc}");
        }
        id_of(&acc)
    }

    pub fn create_key_full(&self, tok: &str, account_id: &str, role: &str) -> Value {
        let body = json!({ "account_id": account_id, "role": role, "name": "it" });
        let key = self.post("/api/v1/api-keys", tok, &body).expect(201).clone();
        let secret = key["key"].as_str().expect("key is returned once");
        assert!(secret.starts_with("stk_"), "{key}");
        key
    }

    /// Creates an API key and returns its secret (`stk_…`).
    pub fn create_key(&self, tok: &str, account_id: &str, role: &str) -> String {
        let key = self.create_key_full(tok, account_id, role);
        key["key"].as_str().expect("key").to_string()
    }

    /// A token of a fresh key with `role` on `account_id`.
    pub fn token_as(&self, tok: &str, account_id: &str, role: &str) -> String {
        let key = self.create_key(tok, account_id, role);
        self.token_for(&key)
    }

    /// Every item of a list, following `next_cursor`.
    pub fn list_all(&self, path: &str, tok: &str) -> Vec<Value> {
        let mut out = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..10_000 {
            let page_path = match &cursor {
                None => path.to_string(),
                Some(c) => {
                    let sep = if path.contains('?') { '&' } else { '?' };
                    format!("{path}{sep}cursor={}", encode(c))
                }
            };
            let page = self.get(&page_path, tok).expect(200).clone();
            let data = page["data"].as_array().expect("data is an array");
            out.extend(data.iter().cloned());
            match page["next_cursor"].as_str() {
                Some(next) => {
                    assert!(cursor.as_deref() != Some(next), "cursor repeats: {next}");
                    cursor = Some(next.to_string());
                }
                None => {
                    assert!(page["next_cursor"].is_null(), "{page}");
                    return out;
                }
            }
        }
        panic!("list {path} did not end");
    }

    pub fn account_ids(&self, tok: &str) -> Vec<String> {
        ids(&self.list_all("/api/v1/accounts?limit=500", tok))
    }

    pub fn event_ids(&self, tok: &str) -> Vec<String> {
        ids(&self.list_all("/api/v1/events?limit=500", tok))
    }

    /// Events of one object (all types), in list order.
    pub fn events_of(&self, tok: &str, object_id: &str) -> Vec<Value> {
        let path = format!("/api/v1/events?limit=500&object_id={}", encode(object_id));
        self.list_all(&path, tok)
    }

    /// The provider account's id (the only account of kind `provider`).
    pub fn provider_id(&self, tok: &str) -> String {
        let list = self.list_all("/api/v1/accounts?kind=provider", tok);
        assert_eq!(list.len(), 1, "exactly one provider account: {list:?}");
        id_of(&list[0])
    }
}

/// The `stratum` binary with `args`, on `database_url`, with a test server's settings.
fn stratum_command(args: &[&str], database_url: &str, bootstrap_key: &str, jwt_secret: &str, jwt_kid: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stratum"));
    cmd.args(args)
        .env("STRATUM_DATABASE_URL", database_url)
        .env("STRATUM_BOOTSTRAP_API_KEY", bootstrap_key)
        .env("STRATUM_JWT_SIGNING_SECRET", jwt_secret)
        .env("STRATUM_JWT_SIGNING_KID", jwt_kid)
        .env("STRATUM_LOG_LEVEL", "warn")
        .env("STRATUM_WEBHOOK_ALLOW_PRIVATE_URLS", "true")
        // Away from any ./stratum.toml.
        .current_dir(std::env::temp_dir());
    cmd
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("--- server stderr ({}) ---\n{}", self.base, self.stderr_text());
        }
        if let Some(pg) = self.pg.take() {
            if let Ok(mut conn) = diesel::PgConnection::establish(&pg.admin_url) {
                let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", pg.name);
                let _ = diesel::sql_query(sql).execute(&mut conn);
            }
        }
    }
}

pub fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("object without id: {v}")).to_string()
}

pub fn ids(list: &[Value]) -> Vec<String> {
    list.iter().map(id_of).collect()
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// An id of the same shape as `real` (same prefix and case) that names nothing.
pub fn fake_id_like(real: &str) -> String {
    let (prefix, rest) = match real.rfind('_') {
        Some(i) => (&real[..=i], &real[i + 1..]),
        None => ("", real),
    };
    let fresh = ulid::Ulid::new().to_string();
    let fresh = if rest.chars().any(|c| c.is_ascii_lowercase()) { fresh.to_lowercase() } else { fresh };
    format!("{prefix}{fresh}")
}

/// Builds a method from its name (for tables of calls).
pub fn method(name: &str) -> Method {
    Method::from_bytes(name.as_bytes()).expect("method name")
}
