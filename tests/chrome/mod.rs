//! Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
//! JSON messages ended by NUL on file descriptors 3 and 4), so no client library is
//! needed; shared by tests/page.rs (the export's HTML page) and tests/serve.rs (the query
//! page). Chromium is a tool outside our code: `chromium()` skips with a message when it is
//! missing, except in CI (`SUMMIT_CI` set), where it fails.
#![allow(dead_code)]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn chromium() -> Option<String> {
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
        if Command::new(name).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success()) {
            return Some(name.to_string());
        }
    }
    if std::env::var_os("SUMMIT_CI").is_some() {
        panic!("chromium (headless) is required in CI (SUMMIT_CI is set): see .ci/run");
    }
    eprintln!("skipped: chromium (headless) is not available (.ci/run installs it)");
    None
}

/// A headless Chromium with one page, spoken to over the DevTools protocol.
pub struct Browser {
    child: Child,
    /// Every event the browser sent (with `method`), in order.
    pub events: Vec<Value>,
    to: std::io::PipeWriter,
    from: BufReader<std::io::PipeReader>,
    session: String,
    next: u64,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub fn open(program: &str, url: &str) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let (their_in, to) = std::io::pipe().unwrap();
        let (from, their_out) = std::io::pipe().unwrap();
        let (a, b) = (their_in.as_raw_fd(), their_out.as_raw_fd());
        let mut cmd = Command::new(program);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--remote-debugging-pipe",
            &format!("--user-data-dir={}", profile.path().display()),
            "about:blank",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        // The protocol's pipe: the browser reads fd 3 and writes fd 4 (copied above 9
        // first, so that neither lands on the other).
        unsafe {
            cmd.pre_exec(move || {
                let (a, b) = (libc::fcntl(a, libc::F_DUPFD, 10), libc::fcntl(b, libc::F_DUPFD, 10));
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("chromium starts");
        drop((their_in, their_out));
        let mut b = Browser { child, events: Vec::new(), to, from: BufReader::new(from), session: String::new(), next: 0, _profile: profile };
        let target = b.call(None, "Target.createTarget", json!({ "url": "about:blank" }));
        let id = target["targetId"].as_str().expect("a target").to_string();
        let attached = b.call(None, "Target.attachToTarget", json!({ "targetId": id, "flatten": true }));
        b.session = attached["sessionId"].as_str().expect("a session").to_string();
        b.page("Emulation.setDeviceMetricsOverride", json!({ "width": 1500, "height": 900, "deviceScaleFactor": 1, "mobile": false }));
        // Every request the page makes, and what its console and the browser log say.
        b.page("Network.enable", json!({}));
        b.page("Log.enable", json!({}));
        b.page("Runtime.enable", json!({}));
        b.page("Page.navigate", json!({ "url": url }));
        b
    }

    /// Sends a command and returns its result (events in between are dropped).
    pub fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next += 1;
        let mut msg = json!({ "id": self.next, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&msg).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).expect("the browser reads its pipe");
        loop {
            let mut buf = Vec::new();
            let n = self.from.read_until(0, &mut buf).expect("the browser answers");
            assert!(n > 0, "the browser closed its pipe during {method}");
            buf.pop();
            let v: Value = serde_json::from_slice(&buf).expect("JSON from the browser");
            if v["id"] == json!(self.next) {
                assert!(v.get("error").is_none(), "{method}: {v}");
                return v["result"].clone();
            }
            if v.get("method").is_some() {
                self.events.push(v);
            }
        }
    }

    pub fn page(&mut self, method: &str, params: Value) -> Value {
        let s = self.session.clone();
        self.call(Some(&s), method, params)
    }

    /// Evaluates a JavaScript expression in the page; its value as JSON.
    pub fn eval(&mut self, expression: &str) -> Value {
        let r = self.page("Runtime.evaluate", json!({ "expression": expression, "returnByValue": true }));
        assert!(r.get("exceptionDetails").is_none(), "{expression}: {r}");
        r["result"]["value"].clone()
    }

    /// The URLs of every request the page has made so far.
    pub fn requests(&self) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| e["method"] == "Network.requestWillBeSent")
            .filter_map(|e| e["params"]["request"]["url"].as_str().map(str::to_string))
            .collect()
    }

    /// Errors the page's console or the browser's log reported (CSP refusals among them).
    pub fn errors(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| match e["method"].as_str() {
                Some("Log.entryAdded") if e["params"]["entry"]["level"] == "error" => Some(format!("{} {}", e["params"]["entry"]["text"], e["params"]["entry"]["url"])),
                Some("Runtime.consoleAPICalled") if e["params"]["type"] == "error" => Some(e["params"]["args"].to_string()),
                Some("Runtime.exceptionThrown") => Some(e["params"]["exceptionDetails"].to_string()),
                _ => None,
            })
            .collect()
    }

    pub fn wait_for(&mut self, expression: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.eval(expression) != json!(true) {
            assert!(Instant::now() < deadline, "waited a minute for {expression}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A left click at a point of the viewport, as the mouse makes it.
    pub fn click(&mut self, x: f64, y: f64) {
        for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
            self.page("Input.dispatchMouseEvent", json!({ "type": kind, "x": x, "y": y, "button": "left", "buttons": if kind == "mousePressed" { 1 } else { 0 }, "clickCount": 1 }));
        }
    }

    pub fn screenshot(&mut self, to: &Path) {
        let r = self.page("Page.captureScreenshot", json!({ "format": "png" }));
        std::fs::write(to, base64(r["data"].as_str().unwrap())).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = s.bytes().filter(|&c| c != b'=' && !c.is_ascii_whitespace()).map(value).collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &v)| n | (v as u32) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}
