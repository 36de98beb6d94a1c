CREATE TABLE "letter_counts" (
	"section_id" text COLLATE "C" NOT NULL,
	"status" text COLLATE "C" NOT NULL,
	"source" text COLLATE "C" NOT NULL,
	"category" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "letter_counts_section_id_status_source_category_year_pk" PRIMARY KEY("section_id","status","source","category","year")
);
--> statement-breakpoint
CREATE TABLE "letter_facts" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"status" text COLLATE "C" NOT NULL,
	"section_id" text COLLATE "C",
	"source" text COLLATE "C" NOT NULL,
	"category" text COLLATE "C" NOT NULL,
	"received_on" text COLLATE "C" NOT NULL,
	"due_on" text COLLATE "C" NOT NULL,
	"serial_no" text COLLATE "C" NOT NULL,
	"updated_at" text COLLATE "C" NOT NULL,
	"supervised" boolean NOT NULL,
	"extension_requested" boolean NOT NULL,
	"replied" boolean NOT NULL,
	"rated" boolean NOT NULL,
	"phone_digits" text COLLATE "C",
	"duplicate_of" text,
	"search" text NOT NULL,
	"on_time" boolean,
	"satisfaction" text,
	"replied_on" text COLLATE "C"
);
--> statement-breakpoint
CREATE INDEX "letter_facts_received_idx" ON "letter_facts" USING btree ("received_on" DESC NULLS LAST,"serial_no" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "letter_facts_section_received_idx" ON "letter_facts" USING btree ("section_id","received_on" DESC NULLS LAST,"serial_no" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "letter_facts_status_section_received_idx" ON "letter_facts" USING btree ("status","section_id","received_on" DESC NULLS LAST,"serial_no" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "letter_facts_open_due_idx" ON "letter_facts" USING btree ("due_on","seq") WHERE status IN ('registered', 'assigned');--> statement-breakpoint
CREATE INDEX "letter_facts_phone_idx" ON "letter_facts" USING btree ("phone_digits");--> statement-breakpoint
CREATE INDEX "letter_facts_phone_last4_idx" ON "letter_facts" USING btree (right("phone_digits", 4));--> statement-breakpoint
CREATE INDEX "letter_facts_duplicate_of_idx" ON "letter_facts" USING btree ("duplicate_of") WHERE duplicate_of IS NOT NULL;