-- 0012: how the goods or service were sold, "online" (a distance sale:
-- online, by phone or mail order) or "shop" (on the trader's premises).
-- The withdrawal rights (EU and UK 14 days, Korean art. 17) and the Korean
-- art. 18 refund rule are for distance sales only. Empty when not
-- recorded: existing cases keep it empty, and no letter cites a
-- distance-sale rule for them until the customer says how they bought.
ALTER TABLE cases ADD COLUMN sale_channel TEXT NOT NULL DEFAULT '';
