-- 0008: how to reach the company by phone: its number and opening hours,
-- for the call sheet and step 9 (other channels). Additive: two columns
-- with empty defaults, so existing cases read as "not known yet".
ALTER TABLE cases ADD COLUMN company_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN company_hours TEXT NOT NULL DEFAULT '';
