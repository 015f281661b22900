-- The call centre's own holidays (春节, 国庆节, ...): on these days no campaign calls anyone, on top of each
-- campaign's own holidays. A campaign takes the list when it starts dialling.
CREATE TABLE holidays (
  holiday        DATE         NOT NULL PRIMARY KEY,
  name           VARCHAR(128) NOT NULL,
  created_at     DATETIME(3)  NOT NULL
);
