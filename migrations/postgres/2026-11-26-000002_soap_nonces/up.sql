-- Nonces of WS-Security PasswordDigest tokens seen lately: a nonce is accepted once.
CREATE TABLE soap_nonces (
    nonce TEXT PRIMARY KEY NOT NULL,
    seen_at TIMESTAMP NOT NULL
);
CREATE INDEX soap_nonces_seen_at ON soap_nonces (seen_at);
