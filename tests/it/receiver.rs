//! A webhook receiver for the tests: a plain HTTP/1.1 server on 127.0.0.1 that records
//! every request and answers with a status (and body) the test sets.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as received.
#[derive(Debug, Clone)]
pub struct Received {
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

/// What the receiver answers: a status and a body.
type Answer = Arc<Mutex<(u16, String)>>;

pub struct Receiver {
    pub url: String,
    status: Answer,
    got: Arc<Mutex<Vec<Received>>>,
}

fn serve(stream: TcpStream, status: Answer, got: Arc<Mutex<Vec<Received>>>) {
    let mut writer = match stream.try_clone() {
        Ok(w) => w,
        Err(_) => return,
    };
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut headers = HashMap::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
            }
        }
        let len: usize = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
        let mut body = vec![0; len];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let (code, text) = status.lock().unwrap().clone();
        got.lock().unwrap().push(Received { headers, body });
        let answer =
            format!("HTTP/1.1 {code} X\r\ncontent-length: {}\r\nconnection: keep-alive\r\n\r\n{text}", text.len());
        if writer.write_all(answer.as_bytes()).is_err() {
            return;
        }
    }
}

impl Receiver {
    pub fn start() -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind receiver");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        let status = Arc::new(Mutex::new((204, "ok".to_owned())));
        let got = Arc::new(Mutex::new(Vec::new()));
        let (s, g) = (status.clone(), got.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (s, g) = (s.clone(), g.clone());
                std::thread::spawn(move || serve(stream, s, g));
            }
        });
        Receiver { url, status, got }
    }

    pub fn answer_with(&self, code: u16) {
        self.status.lock().unwrap().0 = code;
    }

    /// Answers `code` with `body` from now on.
    pub fn answer_body(&self, code: u16, body: &str) {
        *self.status.lock().unwrap() = (code, body.to_owned());
    }

    pub fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }

    /// Waits until at least `n` requests arrived (at most 15 s) and returns them all.
    pub fn wait_for(&self, n: usize) -> Vec<Received> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("expected {n} webhook requests, got {}", self.received().len());
    }
}
