--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: events_refuse_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.events_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % refused on event store', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: agreements; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.agreements (
    agreement_id text NOT NULL,
    stream_version bigint NOT NULL,
    status text NOT NULL,
    controller_org character(10) NOT NULL,
    controller_name text NOT NULL,
    processor_org character(10) NOT NULL,
    processor_name text NOT NULL,
    objection_days integer NOT NULL,
    time_zone text NOT NULL,
    annex_subprocessors jsonb NOT NULL,
    activated_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: changes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes (
    change_id text NOT NULL,
    stream_version bigint NOT NULL,
    agreement_id text NOT NULL,
    controller_org character(10) NOT NULL,
    processor_org character(10) NOT NULL,
    kind text NOT NULL,
    subprocessor_name text NOT NULL,
    status text NOT NULL,
    announced_at timestamp with time zone NOT NULL,
    intended_from date NOT NULL,
    time_zone text NOT NULL,
    window_ends_at timestamp with time zone,
    window_warned boolean NOT NULL,
    termination_right_from timestamp with time zone,
    termination_warned boolean NOT NULL,
    termination_granted boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events (
    global_position bigint NOT NULL,
    event_id uuid NOT NULL,
    stream_id text NOT NULL,
    stream_type text NOT NULL,
    version bigint NOT NULL,
    event_type text NOT NULL,
    schema_version integer NOT NULL,
    payload jsonb NOT NULL,
    metadata jsonb NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    previous_hash character(64) NOT NULL,
    hash character(64) NOT NULL,
    CONSTRAINT events_version_check CHECK ((version > 0))
);


--
-- Name: events_global_position_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.events_global_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: events_global_position_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.events_global_position_seq OWNED BY public.events.global_position;


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: idempotency_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_keys (
    principal text NOT NULL,
    idempotency_key text NOT NULL,
    request_hash character(64) NOT NULL,
    status integer NOT NULL,
    body text,
    headers jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox (
    id bigint NOT NULL,
    event_id uuid NOT NULL,
    message_key text NOT NULL,
    ce_type text NOT NULL,
    ce_subject text NOT NULL,
    ce_time timestamp with time zone NOT NULL,
    data jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL
)
WITH (autovacuum_vacuum_scale_factor='0.0', autovacuum_vacuum_threshold='1000', autovacuum_vacuum_cost_delay='0');


--
-- Name: outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: outbox_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.outbox_id_seq OWNED BY public.outbox.id;


--
-- Name: projection_applied_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.projection_applied_events (
    projection text NOT NULL,
    event_id uuid NOT NULL,
    applied_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);


--
-- Name: registry_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.registry_entries (
    agreement_id text NOT NULL,
    entry_id text NOT NULL,
    name text NOT NULL,
    name_key text NOT NULL,
    head_office text,
    country character(2) NOT NULL,
    transfer_mechanism text,
    basis text NOT NULL,
    accepted_since timestamp with time zone NOT NULL,
    change_id text,
    removed_at timestamp with time zone,
    removed_by_change text,
    proof_reference text,
    proof_sha256 character(64),
    proof_attached_at timestamp with time zone,
    proof_requested_at timestamp with time zone
);


--
-- Name: webhook_attempts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_attempts (
    delivery_id uuid NOT NULL,
    attempt integer NOT NULL,
    attempted_at timestamp with time zone NOT NULL,
    status_code integer,
    error text,
    duration_ms integer NOT NULL
);


--
-- Name: webhook_deliveries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_deliveries (
    delivery_id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    event_id uuid NOT NULL,
    event_type text NOT NULL,
    agreement_id text NOT NULL,
    payload text NOT NULL,
    status text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    delivered_at timestamp with time zone
);


--
-- Name: webhook_subscriptions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_subscriptions (
    subscription_id uuid NOT NULL,
    organisation character(10) NOT NULL,
    created_by text NOT NULL,
    url text NOT NULL,
    event_types text[] NOT NULL,
    secret text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    deleted_at timestamp with time zone
);


--
-- Name: events global_position; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ALTER COLUMN global_position SET DEFAULT nextval('public.events_global_position_seq'::regclass);


--
-- Name: outbox id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox ALTER COLUMN id SET DEFAULT nextval('public.outbox_id_seq'::regclass);


--
-- Data for Name: agreements; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.agreements (agreement_id, stream_version, status, controller_org, controller_name, processor_org, processor_name, objection_days, time_zone, annex_subprocessors, activated_at, updated_at) FROM stdin;
c81905fe-8563-47ec-85ff-c6d4a06a8e69	4	ACTIVE	0207511803	Lokaal bestuur Opwijk	0428304785	European Service Network	30	Europe/Brussels	[{"name": "Level 27", "country": "BE", "headOffice": "Hasselt", "transferMechanism": null}]	2026-12-01 18:07:32.936+00	2026-12-01 18:07:32.936+00
956f624c-925e-4cfb-898a-1e6008df97da	1	DRAFT	0123456749	Gemeente Voorbeeld (fictitious)	0876543270	Voorbeeld Hosting NV (fictitious)	30	Europe/Brussels	[]	\N	2026-12-01 18:07:36.198+00
\.


--
-- Data for Name: changes; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.changes (change_id, stream_version, agreement_id, controller_org, processor_org, kind, subprocessor_name, status, announced_at, intended_from, time_zone, window_ends_at, window_warned, termination_right_from, termination_warned, termination_granted, updated_at) FROM stdin;
aa4d179a-1c24-4eab-a6ed-018bdb59a47b	1	c81905fe-8563-47ec-85ff-c6d4a06a8e69	0207511803	0428304785	ADD	Cloudflare, Inc.	ANNOUNCED	2026-12-01 18:07:33.998+00	2027-01-15	Europe/Brussels	2026-12-31 23:00:00+00	f	\N	f	f	2026-12-01 18:07:34.201+00
\.


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.events (global_position, event_id, stream_id, stream_type, version, event_type, schema_version, payload, metadata, occurred_at, previous_hash, hash) FROM stdin;
1	7b33d1ab-201f-4c5f-a94a-8da58a01e49e	aa4d179a-1c24-4eab-a6ed-018bdb59a47b	subprocessor	1	ChangeAnnounced	1	{"at": "2026-12-01T18:07:33.998Z", "kind": "ADD", "reason": "Content delivery network in front of the municipal website", "changeId": "aa4d179a-1c24-4eab-a6ed-018bdb59a47b", "replaces": null, "timeZone": "Europe/Brussels", "supersedes": null, "agreementId": "c81905fe-8563-47ec-85ff-c6d4a06a8e69", "announcedBy": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "intendedFrom": "2027-01-15", "processorOrg": "0428304785", "subprocessor": {"name": "Cloudflare, Inc.", "country": "US", "headOffice": "San Francisco", "transferMechanism": "ADEQUACY_DECISION"}, "controllerOrg": "0207511803", "objectionWindowEndsAt": "2026-12-31T23:00:00Z"}	{"actorRoles": ["processor"], "causationId": "demo-esn-cloudflare-2027-01-15", "actorSubject": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "correlationId": "9b425de1-435f-489d-a560-57fd1a60ed18", "idempotencyKey": "demo-esn-cloudflare-2027-01-15", "actorOrganisation": "0428304785"}	2026-12-01 18:07:34.201+00	0000000000000000000000000000000000000000000000000000000000000000	4343c5544010e4d5872b8907e920b7d462154a918cddb53d5c9b2cb4a5d68290
\.


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
1	1	event store	SQL	db/kernel/V1__event_store.sql	1471174577	postgres	2026-12-01 18:07:26.23364	188	t
2	2	outbox wakeup in process	SQL	db/kernel/V2__outbox_wakeup_in_process.sql	-294055148	postgres	2026-12-01 18:07:26.554802	11	t
3	100	subprocessor read models	SQL	db/migration/V100__subprocessor_read_models.sql	-1720722321	postgres	2026-12-01 18:07:26.620883	118	t
\.


--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.idempotency_keys (principal, idempotency_key, request_hash, status, body, headers, created_at) FROM stdin;
0428304785/fe2954e4-6a82-4afb-ac57-1d5af9bb08ea	demo-esn-cloudflare-2027-01-15	03f093de42153a1b708e5ba483ebbfd5ee9b23963dc58f2de8577429a429c8d1	201	{"id":"aa4d179a-1c24-4eab-a6ed-018bdb59a47b","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":1,"kind":"ADD","subprocessor":{"name":"Cloudflare, Inc.","headOffice":"San Francisco","country":"US","transferMechanism":"ADEQUACY_DECISION"},"replaces":null,"intendedFrom":"2027-01-15","reason":"Content delivery network in front of the municipal website","status":"ANNOUNCED","supersedes":null,"supersededBy":null,"announcedAt":"2026-12-01T18:07:33.998Z","announcedBy":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","deadlines":{"timeZone":"Europe/Brussels","objectionWindowEndsAt":"2026-12-31T23:00:00Z","objectionWindowLastDay":"2026-12-31","objectionWindowOpen":true,"takesEffectOn":"2027-01-15"},"objection":null,"acceptance":null,"effectiveAt":null,"closure":null}	{"ETag": "\\"1\\"", "Location": "/subprocessor-changes/aa4d179a-1c24-4eab-a6ed-018bdb59a47b"}	2026-12-01 18:07:34.016665+00
\.


--
-- Data for Name: outbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outbox (id, event_id, message_key, ce_type, ce_subject, ce_time, data, created_at) FROM stdin;
\.


--
-- Data for Name: projection_applied_events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.projection_applied_events (projection, event_id, applied_at) FROM stdin;
agreements	7a3c19b2-722b-4372-8694-f962252f004f	2026-12-01 18:07:33.57435+00
agreements	a4f9dac5-d2da-4665-84dd-972100a35e61	2026-12-01 18:07:33.64545+00
agreements	411f66ed-41b0-4509-bb32-2e1f74558d55	2026-12-01 18:07:33.66084+00
agreements	71a4787d-9ef5-4aed-889a-95e1a0bb0caa	2026-12-01 18:07:33.669956+00
subprocessor-changes	7b33d1ab-201f-4c5f-a94a-8da58a01e49e	2026-12-01 18:07:34.283778+00
webhook-fanout	7b33d1ab-201f-4c5f-a94a-8da58a01e49e	2026-12-01 18:07:34.287299+00
agreements	c6a1f173-e2b9-4d50-8301-27dfa128b5a3	2026-12-01 18:07:36.334876+00
\.


--
-- Data for Name: registry_entries; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.registry_entries (agreement_id, entry_id, name, name_key, head_office, country, transfer_mechanism, basis, accepted_since, change_id, removed_at, removed_by_change, proof_reference, proof_sha256, proof_attached_at, proof_requested_at) FROM stdin;
c81905fe-8563-47ec-85ff-c6d4a06a8e69	baseline:level 27	Level 27	level 27	Hasselt	BE	\N	BASELINE	2026-12-01 18:07:32.936+00	\N	\N	\N	\N	\N	\N	\N
\.


--
-- Data for Name: webhook_attempts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms) FROM stdin;
\.


--
-- Data for Name: webhook_deliveries; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.webhook_deliveries (delivery_id, subscription_id, event_id, event_type, agreement_id, payload, status, attempts, next_attempt_at, created_at, delivered_at) FROM stdin;
\.


--
-- Data for Name: webhook_subscriptions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.webhook_subscriptions (subscription_id, organisation, created_by, url, event_types, secret, created_at, deleted_at) FROM stdin;
\.


--
-- Name: events_global_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.events_global_position_seq', 1, true);


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 1, true);


--
-- Name: agreements agreements_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agreements
    ADD CONSTRAINT agreements_pkey PRIMARY KEY (agreement_id);


--
-- Name: changes changes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes
    ADD CONSTRAINT changes_pkey PRIMARY KEY (change_id);


--
-- Name: events events_event_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_event_id_key UNIQUE (event_id);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (global_position);


--
-- Name: events events_stream_version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_stream_version UNIQUE (stream_id, version);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: idempotency_keys idempotency_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (principal, idempotency_key);


--
-- Name: outbox outbox_event_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_event_id_key UNIQUE (event_id);


--
-- Name: outbox outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);


--
-- Name: projection_applied_events projection_applied_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projection_applied_events
    ADD CONSTRAINT projection_applied_events_pkey PRIMARY KEY (projection, event_id);


--
-- Name: registry_entries registry_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registry_entries
    ADD CONSTRAINT registry_entries_pkey PRIMARY KEY (agreement_id, entry_id);


--
-- Name: webhook_attempts webhook_attempts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_attempts
    ADD CONSTRAINT webhook_attempts_pkey PRIMARY KEY (delivery_id, attempt);


--
-- Name: webhook_deliveries webhook_deliveries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (delivery_id);


--
-- Name: webhook_deliveries webhook_deliveries_subscription_id_event_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_subscription_id_event_id_key UNIQUE (subscription_id, event_id);


--
-- Name: webhook_subscriptions webhook_subscriptions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_subscriptions
    ADD CONSTRAINT webhook_subscriptions_pkey PRIMARY KEY (subscription_id);


--
-- Name: agreements_controller; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX agreements_controller ON public.agreements USING btree (controller_org);


--
-- Name: agreements_processor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX agreements_processor ON public.agreements USING btree (processor_org);


--
-- Name: changes_agreement; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_agreement ON public.changes USING btree (agreement_id, announced_at);


--
-- Name: changes_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX changes_open ON public.changes USING btree (status) WHERE (status = ANY (ARRAY['ANNOUNCED'::text, 'OBJECTED'::text, 'ACCEPTED'::text]));


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: registry_one_active_per_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX registry_one_active_per_name ON public.registry_entries USING btree (agreement_id, name_key) WHERE (removed_at IS NULL);


--
-- Name: webhook_deliveries_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_deliveries_due ON public.webhook_deliveries USING btree (next_attempt_at) WHERE (status = 'PENDING'::text);


--
-- Name: webhook_subscriptions_org; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_subscriptions_org ON public.webhook_subscriptions USING btree (organisation) WHERE (deleted_at IS NULL);


--
-- Name: events events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON public.events FOR EACH STATEMENT EXECUTE FUNCTION public.events_refuse_change();


--
-- Name: events events_no_update_or_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER events_no_update_or_delete BEFORE DELETE OR UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION public.events_refuse_change();


--
-- Name: webhook_attempts webhook_attempts_delivery_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_attempts
    ADD CONSTRAINT webhook_attempts_delivery_id_fkey FOREIGN KEY (delivery_id) REFERENCES public.webhook_deliveries(delivery_id);


--
-- Name: webhook_deliveries webhook_deliveries_subscription_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES public.webhook_subscriptions(subscription_id);


--
-- PostgreSQL database dump complete
--


