-- 0010: what the rights table needs from a case. The law counts most
-- consumer clocks from delivery, not purchase, so a case records the day
-- the goods arrived (empty when unknown: a clock then falls back to the
-- purchase day, the earliest delivery can be, and says so); and the
-- sector (goods, services, telecoms, energy, financial, card, bank-debit,
-- travel) where the kind does not tell which rules and bodies apply
-- (empty: taken from the kind). Additive: existing cases keep both empty.
ALTER TABLE cases ADD COLUMN delivered_date TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN sector TEXT NOT NULL DEFAULT '';
