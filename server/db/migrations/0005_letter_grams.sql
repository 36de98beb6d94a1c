-- Written by hand (drizzle-kit does not write functions): the distinct two-character pieces of a
-- text, none for a text shorter than two. letter_facts.grams holds those of each letter's search
-- text; a text search of two characters or more asks for the letters holding all of its pieces.
CREATE OR REPLACE FUNCTION gkwb_bigrams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}') FROM generate_series(1, length(t) - 1) AS i $$;--> statement-breakpoint
ALTER TABLE "letter_facts" ADD COLUMN "grams" text[] GENERATED ALWAYS AS (gkwb_bigrams(search)) STORED;--> statement-breakpoint
CREATE INDEX "letter_facts_grams_idx" ON "letter_facts" USING gin ("grams");