-- 0013: how the goods or service were sold, and when they went back.
-- sale_channel is "online" (a distance sale: online, by phone or mail
-- order) or "shop" (on the trader's premises): the withdrawal rights (EU
-- and UK 14 days, Korean art. 17) and the Korean art. 18 refund rule are
-- for distance sales only. returned_date is the day the trader got the
-- goods back, which the Korean art. 18 refund deadline (3 business days)
-- counts from. Both empty when not recorded: existing cases keep them
-- empty, no letter cites a distance-sale rule for them until the customer
-- says how they bought, and no letter dates a refund from a return it
-- does not know.
ALTER TABLE cases ADD COLUMN sale_channel TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN returned_date TEXT NOT NULL DEFAULT '';
