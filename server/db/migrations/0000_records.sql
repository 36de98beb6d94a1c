CREATE TABLE "records" (
	"store" text NOT NULL,
	"id" text NOT NULL,
	"value" jsonb NOT NULL,
	CONSTRAINT "records_store_id_pk" PRIMARY KEY("store","id")
);
