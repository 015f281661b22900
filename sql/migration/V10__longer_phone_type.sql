-- libphonenumber's longest number type, FIXED_LINE_OR_MOBILE, has 20 characters.
ALTER TABLE leads MODIFY phone_type VARCHAR(32);
