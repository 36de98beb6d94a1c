-- Written by hand around drizzle-kit's two statements (it does not write functions, and dropping the
-- column drops its index): letter_facts.grams holds the distinct two- and three-character pieces of
-- each letter's search text. A needle of two characters asks for its one piece; a longer needle
-- for its three-character pieces, which narrow far more than two-character ones where the text
-- repeats a pattern (every serial number holds "xf", "-2", "20", "-0"…).
CREATE OR REPLACE FUNCTION gkwb_trigrams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 3)), '{}') FROM generate_series(1, length(t) - 2) AS i $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION gkwb_grams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT gkwb_bigrams(t) || gkwb_trigrams(t) $$;--> statement-breakpoint
ALTER TABLE "letter_facts" DROP COLUMN "grams";--> statement-breakpoint
ALTER TABLE "letter_facts" ADD COLUMN "grams" text[] GENERATED ALWAYS AS (gkwb_grams(search)) STORED;--> statement-breakpoint
CREATE INDEX "letter_facts_grams_idx" ON "letter_facts" USING gin ("grams");
