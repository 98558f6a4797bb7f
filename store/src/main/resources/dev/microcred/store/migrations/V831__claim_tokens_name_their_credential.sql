-- Claim links name their credential (claim_<credential id><secret>) and are looked up by the credential's primary
-- key, the token's hash compared there. The unique index of token hashes cost every issued credential a write at a
-- random place of the index. Links sent before this form are still found by their hash, reading the table.
DROP INDEX credential_claim_token;
