-- 0011: who a contact came from. A written reply the company sent
-- (`reply --record`, `contact --from-company`) is a contact too, and the
-- no-reply reminder must not take it for one the customer is waiting on.
-- Additive: existing contacts read as the customer's (0), which is what
-- every contact was before replies could be recorded.
ALTER TABLE contacts ADD COLUMN from_company INTEGER NOT NULL DEFAULT 0 CHECK (from_company IN (0, 1));
