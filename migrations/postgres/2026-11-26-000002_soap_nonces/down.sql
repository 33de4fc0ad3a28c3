DROP TABLE soap_nonces;
