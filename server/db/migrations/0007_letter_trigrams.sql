-- Written by hand around drizzle-kit's two statements (it does not write functions, and dropping the
-- column drops its index). letter_facts.grams holds the distinct two- and three-character pieces of
-- each letter's search text; gkwb_search_pieces chooses which pieces of a needle the GIN index is
-- asked for: a two-character needle itself, a longer one's three-character pieces (two-character
-- pieces of digits and serial numbers narrow little), less those the planner's statistics (pg_stats,
-- kept by ANALYZE) find in more than 2 % of the letters. A common piece narrows nothing but costs a
-- read of its whole posting list (a serial number's "xf-", "-20", "202" are in nearly every letter;
-- the README has the measurements). All the pieces are asked for when every one is common or no
-- statistics exist yet; strpos decides either way.
CREATE OR REPLACE FUNCTION gkwb_trigrams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 3)), '{}') FROM generate_series(1, length(t) - 2) AS i $$;--> statement-breakpoint
-- Built-in functions only: a restore (pg_restore runs with an empty search_path) computes the
-- generated column with it, where an unqualified call of gkwb_bigrams would not be found.
CREATE OR REPLACE FUNCTION gkwb_grams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, n)), '{}') FROM generate_series(2, 3) AS n, generate_series(1, length(t) - n + 1) AS i $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION gkwb_search_pieces(needle text) RETURNS text[]
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  AS $$
    WITH asked AS (
      SELECT CASE WHEN length(needle) = 2 THEN ARRAY[needle] ELSE gkwb_trigrams(needle) END AS pieces
    )
    SELECT coalesce(
      (SELECT array_agg(piece) FROM asked, unnest(asked.pieces) AS piece
        WHERE piece NOT IN (
          SELECT e.piece
          FROM pg_stats s,
            unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(piece, freq)
          WHERE s.schemaname = current_schema() AND s.tablename = 'letter_facts'
            AND s.attname = 'grams' AND e.piece IS NOT NULL AND e.freq > 0.02)),
      (SELECT pieces FROM asked))
  $$;--> statement-breakpoint
ALTER TABLE "letter_facts" DROP COLUMN "grams";--> statement-breakpoint
ALTER TABLE "letter_facts" ADD COLUMN "grams" text[] GENERATED ALWAYS AS (gkwb_grams(search)) STORED;--> statement-breakpoint
CREATE INDEX "letter_facts_grams_idx" ON "letter_facts" USING gin ("grams");
