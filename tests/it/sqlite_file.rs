//! One SQLite file, one server (README "One SQLite file, one server"): a second `serve` on
//! the file is refused, while the CLI's commands and other processes' writers (`sqlite3`)
//! share it with the server by waiting for the write lock; a write that cannot have it in
//! time answers 503 `database_busy`, never 500. On PostgreSQL only the CLI test runs: any
//! number of servers share a PostgreSQL database.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::client::Resp;
use crate::soap::{assert_fault, envelope, soap11, text_token, SOAP11};
use crate::support::{id_of, TestServer};

/// Runs `cmd` to its end; panics if it is still running after `limit`.
fn run_to_exit(cmd: &mut Command, limit: Duration) -> Output {
    let mut child =
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn stratum");
    let deadline = Instant::now() + limit;
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("still running after {limit:?}: {:?}", child.wait_with_output());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// An external `sqlite3` shell holding the database's write lock in an open transaction.
struct Sqlite3 {
    child: Child,
    stdin: ChildStdin,
}

impl Sqlite3 {
    /// Returns once `BEGIN IMMEDIATE` has taken the lock (the shell prints after it, and
    /// `-bail` ends the shell if it failed).
    fn hold_write_lock(file: &str) -> Sqlite3 {
        let mut child = Command::new("sqlite3")
            .args(["-bail", file])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("these tests need the sqlite3 command-line shell (apt-get install sqlite3)");
        let mut stdin = child.stdin.take().expect("stdin is piped");
        stdin.write_all(b".timeout 10000\nBEGIN IMMEDIATE;\nSELECT 'locked';\n").expect("write to sqlite3");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout is piped")).read_line(&mut line).expect("read sqlite3");
        assert_eq!(line.trim(), "locked", "sqlite3 did not take the write lock");
        Sqlite3 { child, stdin }
    }

    fn commit(mut self) {
        self.stdin.write_all(b"COMMIT;\n.quit\n").expect("write to sqlite3");
        assert!(self.child.wait().expect("sqlite3 ends").success());
    }
}

#[test]
fn a_second_server_on_the_file_is_refused_until_the_first_one_is_killed() {
    let mut srv = TestServer::start();
    let Some(file) = srv.sqlite_file().map(str::to_owned) else {
        return;
    };
    let tok = srv.provider_token();

    let out = run_to_exit(srv.command(&["serve"]).env("STRATUM_LISTEN", "127.0.0.1:0"), Duration::from_secs(30));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the second server ran: {out:?}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("listening"), "{out:?}");
    let canonical = std::fs::canonicalize(&file).expect("the file exists").display().to_string();
    for part in [canonical.as_str(), &format!("pid {}", srv.pid()), &format!("{file}.lock"), "PostgreSQL"] {
        assert!(stderr.contains(part), "the refusal does not name {part}: {stderr}");
    }

    // The first server goes on writing; killed with SIGKILL, it leaves no lock behind.
    let id = id_of(&srv.create_account(&tok, &json!({"kind": "customer", "name": "Written before kill -9"})));
    srv.kill();
    let again = TestServer::restart_on(&file, &srv.bootstrap_key);
    let lock = std::fs::read_to_string(format!("{file}.lock")).expect("lock file");
    assert_eq!(lock.trim(), again.pid().to_string());
    let tok = again.provider_token();
    assert!(again.account_ids(&tok).contains(&id));
}

/// Sets its flag when dropped, on unwinding too.
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

#[test]
fn admin_create_api_key_succeeds_beside_a_server_under_write_load() {
    let srv = TestServer::start();
    let tok = srv.provider_token();
    let stop = AtomicBool::new(false);
    let (statuses, cli_runs) = std::thread::scope(|s| {
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let (srv, tok, stop) = (&srv, &tok, &stop);
                s.spawn(move || {
                    let mut seen = Vec::new();
                    while !stop.load(Ordering::Relaxed) {
                        let n = seen.len();
                        let body = json!({"kind": "customer", "name": format!("Load {w}.{n}")});
                        seen.push(srv.post("/api/v1/accounts", tok, &body).status);
                    }
                    seen
                })
            })
            .collect();
        // Whatever happens below, the writers stop (a panic here would leave them running).
        let writing = StopOnDrop(&stop);
        let mut cli_runs = Vec::new();
        for i in 0..5 {
            let started = Instant::now();
            let name = format!("cli {i}");
            let out = srv.command(&["admin", "create-api-key", "--name", &name]).output().expect("run stratum admin");
            let took = started.elapsed();
            let key = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            // The key is live at once, for the server as for the CLI.
            let exchanged = srv.post("/api/v1/auth/token", "", &json!({ "api_key": key })).status;
            cli_runs.push((out, took, key, exchanged));
        }
        drop(writing);
        let statuses: Vec<u16> = writers.into_iter().flat_map(|w| w.join().expect("writer")).collect();
        (statuses, cli_runs)
    });
    for (out, _, key, exchanged) in &cli_runs {
        assert!(out.status.success(), "admin create-api-key failed: {}", String::from_utf8_lossy(&out.stderr));
        assert!(key.starts_with("stk_"), "{key}");
        assert_eq!(*exchanged, 200, "the new key {key} is refused");
    }
    let took: Vec<Duration> = cli_runs.iter().map(|run| run.1).collect();
    eprintln!("{} writes beside 5 `admin create-api-key` runs taking {took:?}", statuses.len());
    assert!(statuses.len() >= 5, "the writers wrote beside the CLI: {statuses:?}");
    assert!(statuses.iter().all(|&s| s == 201), "every write succeeded: {statuses:?}");
}

#[test]
fn an_external_write_transaction_of_one_second_makes_writes_wait_then_succeed() {
    let srv = TestServer::start();
    let Some(file) = srv.sqlite_file().map(str::to_owned) else {
        return;
    };
    let tok = srv.provider_token();
    let hold = Duration::from_secs(1);
    let shell = Sqlite3::hold_write_lock(&file);
    let locked = Instant::now();
    // Readers are not held up by the shell's transaction: WAL lets them read beside the
    // writer. (Read before the writers start: on SQLite a request runs on its HTTP worker,
    // so a worker holding a waiting write serves no read until the write is through.)
    let read = srv.get("/api/v1/accounts", &tok);
    let read = (read, Instant::now());
    let (released, writes) = std::thread::scope(|s| {
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let (srv, tok) = (&srv, &tok);
                s.spawn(move || {
                    let r =
                        srv.post("/api/v1/accounts", tok, &json!({"kind": "customer", "name": format!("Wait {w}")}));
                    (r, Instant::now())
                })
            })
            .collect();
        // The shell's transaction is the condition under test; it lasts `hold`.
        std::thread::sleep(hold.saturating_sub(locked.elapsed()));
        let released = Instant::now();
        shell.commit();
        let writes: Vec<(Resp, Instant)> = writers.into_iter().map(|w| w.join().expect("writer")).collect();
        (released, writes)
    });
    read.0.expect(200);
    assert!(read.1 < released, "the read waited for the shell's transaction");
    for (r, done) in &writes {
        r.expect(201);
        assert!(*done >= released, "{}: answered before the lock was released", r.desc);
    }
    let waited: Vec<Duration> = writes.iter().map(|(_, done)| done.duration_since(locked)).collect();
    eprintln!("4 writes waited for a {hold:?} sqlite3 transaction: answered after {waited:?}");
}

#[test]
fn a_write_lock_held_past_the_busy_timeout_answers_503_database_busy() {
    let srv = TestServer::start();
    let Some(file) = srv.sqlite_file().map(str::to_owned) else {
        return;
    };
    let tok = srv.provider_token();
    let before = srv.account_ids(&tok);
    let soap_auth = text_token(&srv.bootstrap_key);
    let shell = Sqlite3::hold_write_lock(&file);
    let locked = Instant::now();
    // The shell holds the lock until both calls have answered.
    let (rest, soap) = std::thread::scope(|s| {
        let rest = s.spawn(|| srv.post("/api/v1/accounts", &tok, &json!({"kind": "customer", "name": "Refused"})));
        let soap = s.spawn(|| {
            let create = "<t:AccountCreate><t:kind>customer</t:kind><t:name>Refused too</t:name></t:AccountCreate>";
            soap11(&srv, "AccountCreate", envelope(SOAP11, &soap_auth, create))
        });
        (rest.join().expect("rest call"), soap.join().expect("soap call"))
    });
    let waited = locked.elapsed();
    shell.commit();
    eprintln!("both calls refused after {waited:?}");

    rest.problem(503, "database_busy");
    assert_eq!(rest.header("retry-after"), Some("1"), "{}", rest.desc);
    assert_fault(&soap, 500, "soap:Server", "database_busy");
    assert_eq!(soap.header("retry-after"), Some("1"), "{}", soap.text);
    assert!(waited >= Duration::from_secs(9), "the writes gave up before the busy timeout: {waited:?}");

    // Nothing was written, and the same write succeeds once the lock is free.
    assert_eq!(srv.account_ids(&tok), before);
    srv.create_account(&tok, &json!({"kind": "customer", "name": "Refused"}));
}
