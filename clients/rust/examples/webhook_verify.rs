//! Receive a webhook, verify its signature with the Standard Webhooks library and read its
//! typed payload (`EventOut::payload`: an `AccountOut` for `account.created`). The server
//! must allow loopback endpoints (`STRATUM_WEBHOOK_ALLOW_PRIVATE_URLS=true`).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use stratum_api::{AccountIn, AccountKind, EventOut, EventPayload, WebhookEndpointIn};
use stratum_client::Client;

/// Accepts connections on `listener` and passes each request's headers and body on.
fn receive(listener: TcpListener, out: mpsc::Sender<(http::HeaderMap, Vec<u8>)>) {
    for stream in listener.incoming().flatten() {
        let out = out.clone();
        std::thread::spawn(move || {
            let Ok(mut writer) = stream.try_clone() else { return };
            let mut reader = BufReader::new(stream);
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let mut headers = http::HeaderMap::new();
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 {
                        return;
                    }
                    let Some((k, v)) = h.trim_end().split_once(':') else { break };
                    if let (Ok(k), Ok(v)) =
                        (http::HeaderName::try_from(k.trim()), http::HeaderValue::try_from(v.trim()))
                    {
                        headers.insert(k, v);
                    }
                }
                let len = headers.get("content-length").and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
                let mut body = vec![0; len];
                if reader.read_exact(&mut body).is_err()
                    || writer.write_all(b"HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n").is_err()
                {
                    return;
                }
                let _ = out.send((headers, body));
            }
        });
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = std::env::var("STRATUM_BASE_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let key = std::env::var("STRATUM_API_KEY").map_err(|_| "set STRATUM_API_KEY")?;
    let client = Client::new(&base, &key)?;

    let listener = TcpListener::bind("127.0.0.1:0")?;
    let url = format!("http://{}/hooks", listener.local_addr()?);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || receive(listener, tx));

    let endpoint = WebhookEndpointIn {
        account_id: None,
        url,
        description: Some("rust webhook_verify example".into()),
        event_types: vec!["account.created".into()],
        enabled: None,
    };
    let created = client.webhook_endpoint_create(&endpoint).await?;
    let account = AccountIn {
        kind: AccountKind::Customer,
        name: "Webhook Example Customer".into(),
        parent_id: None,
        reseller_tier: None,
        email: None,
        phone: None,
        tax_id: None,
        address: None,
        language: None,
        metadata: BTreeMap::new(),
    };
    let customer = client.account_create(&account).await?;

    let webhook = standardwebhooks::Webhook::new(&created.secret)?;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let result = loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let (headers, body) = rx.recv_timeout(left).map_err(|_| "no delivery within 10 s")?;
        let event: EventOut = serde_json::from_slice(&body)?;
        if event.object.id != customer.id {
            continue;
        }
        webhook.verify(&body, &headers).map_err(|e| format!("the signature did not verify: {e}"))?;
        let mut tampered = body.clone();
        tampered.extend_from_slice(b" ");
        if webhook.verify(&tampered, &headers).is_ok() {
            break Err("a tampered body verified".into());
        }
        // The payload, typed by the event type: for account.created, the account itself.
        let EventPayload::AccountCreated(account) = event.payload()? else {
            break Err(format!("unexpected {}", event.event_type).into());
        };
        if account.id != customer.id || account.name != customer.name {
            break Err(format!("the payload is not the customer: {account:?}").into());
        }
        println!(
            "verified {} ({}) for {}, payload {}; a tampered body was refused",
            event.event_type, event.id, customer.id, account.name
        );
        break Ok::<(), Box<dyn std::error::Error>>(());
    };
    client.webhook_endpoint_delete(&created.endpoint.id, None).await?;
    result
}
