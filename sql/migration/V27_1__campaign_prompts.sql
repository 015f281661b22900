-- What a campaign's recordings say: the safe-harbour message (a live callee no agent could take) and the message
-- left on answering machines. The dialer speaks them with its own voice into the Asterisk sounds folder when the
-- campaign starts (safe-harbour-<campaign>.wav, message-<campaign>.wav); empty: the folder's shared recordings.
ALTER TABLE campaigns ADD COLUMN safe_harbour_text VARCHAR(1000);
ALTER TABLE campaigns ADD COLUMN message_text VARCHAR(1000);
