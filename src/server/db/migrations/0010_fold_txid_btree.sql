-- The usage fold reads the events of a range of transactions: a B-tree finds exactly those. BRIN
-- returned every block range not summarised yet, i.e. everything stored since the last vacuum.
DROP INDEX "usage_events_fold_txid_idx";--> statement-breakpoint
CREATE INDEX "usage_events_fold_txid_idx" ON "usage_events" USING btree ("fold_txid");--> statement-breakpoint
-- Folds add to the same account-days over and over: room on each page keeps those updates HOT.
ALTER TABLE "usage_daily" SET (fillfactor = 80);
