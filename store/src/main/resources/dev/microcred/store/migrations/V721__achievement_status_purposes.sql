-- Which status entries an achievement's credentials carry (platform-ops): 'revocation' (the default; one
-- credentialStatus object, as the OB 3.0 JSON schema requires) or 'revocation suspension' (an array of two
-- BitstringStatusListEntry, which VC 2.0 allows and the OB 3.0 schema does not: verifiers report it as a warning).
ALTER TABLE achievement ADD COLUMN status_purposes VARCHAR(40) DEFAULT 'revocation' NOT NULL;
