//! A small Chrome DevTools Protocol client: headless Chromium started with
//! `--remote-debugging-port=0`, one page driven over a WebSocket (RFC 6455,
//! text frames only), events kept for the test to read. Standard library
//! and serde_json only, so the browser test adds no dependency.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

/// A running browser and a connection to its first page.
pub struct Browser {
    child: Child,
    socket: TcpStream,
    next_id: u64,
    /// Events received and not yet taken, in order.
    pub events: Vec<Value>,
    /// What the browser wrote on stderr (for failure messages).
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Browser {
    /// Start `binary` headless with a fresh profile in `profile`.
    pub fn start(binary: &Path, profile: &Path) -> Browser {
        let mut child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…"
        let mut lines = BufReader::new(child.stderr.take().expect("stderr"));
        let mut log = String::new();
        let port = loop {
            let mut line = String::new();
            if lines.read_line(&mut line).unwrap_or(0) == 0 {
                let _ = child.kill();
                panic!("the browser exited before listening:\n{log}");
            }
            log.push_str(&line);
            if let Some(rest) = line.trim().strip_prefix("DevTools listening on ws://") {
                let hostport = rest.split('/').next().unwrap_or_default();
                break hostport.rsplit(':').next().unwrap().parse::<u16>().unwrap();
            }
        };
        // Keep draining stderr so the browser never blocks on it.
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(log));
        let sink = stderr.clone();
        std::thread::spawn(move || {
            for line in lines.lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                if s.len() < 64 << 10 {
                    s.push_str(&line);
                    s.push('\n');
                }
            }
        });
        let path = page_socket_path(port);
        let socket = TcpStream::connect(("127.0.0.1", port)).expect("connect to the page");
        socket
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let mut browser = Browser {
            child,
            socket,
            next_id: 0,
            events: Vec::new(),
            stderr,
        };
        browser.handshake(port, &path);
        browser
    }

    /// What the browser logged so far.
    pub fn log(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    fn handshake(&mut self, port: u16, path: &str) {
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        );
        self.socket.write_all(request.as_bytes()).unwrap();
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            self.socket.read_exact(&mut byte).expect("handshake reply");
            head.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&head);
        assert!(
            head.starts_with("HTTP/1.1 101"),
            "handshake refused: {head}"
        );
    }

    /// Send a command and wait for its result (events meanwhile are kept).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({ "id": id, "method": method, "params": params });
        self.send(&message.to_string());
        loop {
            let reply: Value = serde_json::from_str(&self.receive()).expect("a JSON message");
            if reply.get("id").and_then(Value::as_u64) == Some(id) {
                if let Some(error) = reply.get("error") {
                    panic!("{method} failed: {error}");
                }
                return reply["result"].clone();
            }
            if reply.get("method").is_some() {
                self.events.push(reply);
            }
        }
    }

    /// Wait until an event `method` arrives (or is already kept), and take it.
    pub fn wait_for(&mut self, method: &str) -> Value {
        loop {
            if let Some(k) = self.events.iter().position(|e| e["method"] == method) {
                return self.events.remove(k);
            }
            let event: Value = serde_json::from_str(&self.receive()).expect("a JSON message");
            if event.get("method").is_some() {
                self.events.push(event);
            }
        }
    }

    /// Evaluate a script expression in the page and return its value
    /// (promises awaited).
    pub fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        );
        if let Some(e) = result.get("exceptionDetails") {
            panic!("the script threw: {e}\n{expression}");
        }
        result["result"]["value"].clone()
    }

    fn send(&mut self, text: &str) {
        let payload = text.as_bytes();
        let mut frame = vec![0x81u8];
        match payload.len() {
            n if n < 126 => frame.push(0x80 | n as u8),
            n if n < 1 << 16 => {
                frame.push(0x80 | 126);
                frame.extend_from_slice(&(n as u16).to_be_bytes());
            }
            n => {
                frame.push(0x80 | 127);
                frame.extend_from_slice(&(n as u64).to_be_bytes());
            }
        }
        let mask = [0x5a, 0x17, 0xc3, 0x81];
        frame.extend_from_slice(&mask);
        frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
        self.socket.write_all(&frame).expect("send to the browser");
    }

    /// One whole text message (fragments joined; pings answered).
    fn receive(&mut self) -> String {
        let mut message = Vec::new();
        loop {
            let mut head = [0u8; 2];
            self.socket
                .read_exact(&mut head)
                .unwrap_or_else(|e| panic!("no reply from the browser: {e}\n{}", self.log()));
            let fin = head[0] & 0x80 != 0;
            let opcode = head[0] & 0x0f;
            let len = match head[1] & 0x7f {
                126 => {
                    let mut b = [0u8; 2];
                    self.socket.read_exact(&mut b).unwrap();
                    u16::from_be_bytes(b) as usize
                }
                127 => {
                    let mut b = [0u8; 8];
                    self.socket.read_exact(&mut b).unwrap();
                    u64::from_be_bytes(b) as usize
                }
                n => n as usize,
            };
            let mut payload = vec![0u8; len];
            self.socket.read_exact(&mut payload).unwrap();
            match opcode {
                0x8 => panic!("the browser closed the connection\n{}", self.log()),
                0x9 => {
                    // Ping: answer with a masked pong of the same payload.
                    let mut pong = vec![0x8a, 0x80 | payload.len() as u8, 0, 0, 0, 0];
                    pong.extend_from_slice(&payload);
                    self.socket.write_all(&pong).unwrap();
                    continue;
                }
                _ => message.extend_from_slice(&payload),
            }
            if fin {
                return String::from_utf8(message).expect("UTF-8 from the browser");
            }
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The WebSocket path of the browser's first page, from `/json/list`.
fn page_socket_path(port: u16) -> String {
    let mut reply = String::new();
    for _ in 0..100 {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let request = format!(
            "GET /json/list HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(request.as_bytes()).unwrap();
        reply.clear();
        let _ = stream.read_to_string(&mut reply);
        let body = reply.split("\r\n\r\n").nth(1).unwrap_or("[]");
        let targets: Value = serde_json::from_str(body).unwrap_or(Value::Null);
        let page = targets
            .as_array()
            .into_iter()
            .flatten()
            .find(|t| t["type"] == "page");
        if let Some(url) = page.and_then(|p| p["webSocketDebuggerUrl"].as_str()) {
            let after = url.strip_prefix("ws://").unwrap();
            return after[after.find('/').unwrap()..].to_string();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the browser shows no page: {reply}");
}

/// Decode standard base64 (the screenshot's encoding).
pub fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= u32::from(value(c)) << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}
