-- Personal API tokens: a script sends "Authorization: Bearer <secret>" instead of a password. Only the
-- SHA-256 of the secret is kept (the secret is 256 random bits, so a fast hash is enough and each request
-- costs one indexed look-up instead of a bcrypt check). A token acts with its user's current role.
CREATE TABLE api_tokens (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id        BIGINT       NOT NULL,
  name           VARCHAR(128) NOT NULL,
  secret_sha256  CHAR(64)     NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  expires_at     DATETIME(3),
  last_used_at   DATETIME(3),
  revoked_at     DATETIME(3),
  CONSTRAINT uq_api_tokens_secret UNIQUE (secret_sha256),
  CONSTRAINT fk_api_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);
