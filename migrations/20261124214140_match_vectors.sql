CREATE TABLE "match_vectors" (
	"doc_kind" text NOT NULL,
	"doc_id" text NOT NULL,
	"embedder" text NOT NULL,
	"text_hash" text NOT NULL,
	"dimension" integer NOT NULL,
	"vector" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_vectors_doc_kind_doc_id_embedder_pk" PRIMARY KEY("doc_kind","doc_id","embedder"),
	CONSTRAINT "match_vectors_kind_check" CHECK ("match_vectors"."doc_kind" in ('seed', 'need')),
	CONSTRAINT "match_vectors_length_check" CHECK (octet_length("match_vectors"."vector") = 4 * "match_vectors"."dimension")
);
