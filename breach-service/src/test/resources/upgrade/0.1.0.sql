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
    authority text NOT NULL,
    time_zone text NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: breach_register; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.breach_register (
    breach_id text NOT NULL,
    stream_version bigint NOT NULL,
    agreement_id text NOT NULL,
    controller_org character(10) NOT NULL,
    processor_org character(10) NOT NULL,
    status text NOT NULL,
    description text NOT NULL,
    processor_aware_at timestamp with time zone NOT NULL,
    received_at timestamp with time zone NOT NULL,
    report_due_at timestamp with time zone NOT NULL,
    late_by_seconds bigint NOT NULL,
    controller_aware_at timestamp with time zone NOT NULL,
    notification_due_at timestamp with time zone NOT NULL,
    notification_open boolean NOT NULL,
    notification_warned boolean NOT NULL,
    notification_missed boolean NOT NULL,
    risk text,
    open_obligations text[] NOT NULL,
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

COPY public.agreements (agreement_id, stream_version, status, controller_org, controller_name, processor_org, processor_name, authority, time_zone, updated_at) FROM stdin;
c81905fe-8563-47ec-85ff-c6d4a06a8e69	4	ACTIVE	0207511803	Lokaal bestuur Opwijk	0428304785	European Service Network	VTC	Europe/Brussels	2026-12-01 18:07:32.936+00
956f624c-925e-4cfb-898a-1e6008df97da	1	DRAFT	0123456749	Gemeente Voorbeeld (fictitious)	0876543270	Voorbeeld Hosting NV (fictitious)	VTC	Europe/Brussels	2026-12-01 18:07:36.198+00
\.


--
-- Data for Name: breach_register; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.breach_register (breach_id, stream_version, agreement_id, controller_org, processor_org, status, description, processor_aware_at, received_at, report_due_at, late_by_seconds, controller_aware_at, notification_due_at, notification_open, notification_warned, notification_missed, risk, open_obligations, updated_at) FROM stdin;
ec659341-9235-45f9-809a-0159f71447ad	1	c81905fe-8563-47ec-85ff-c6d4a06a8e69	0207511803	0428304785	REPORTED	Phishing: the Matomo admin account was used from an unknown address	2026-12-01 16:07:34+00	2026-12-01 18:07:34.503+00	2026-12-02 16:07:34+00	0	2026-12-01 18:07:34.503+00	2026-12-04 18:07:34.503+00	t	f	f	\N	{ASSESSMENT,AUTHORITY_NOTIFICATION}	2026-12-01 18:07:34.532+00
1df74d71-b756-4fc8-9814-79cbfbdd8131	1	c81905fe-8563-47ec-85ff-c6d4a06a8e69	0207511803	0428304785	REPORTED	A backup disk of the website database is missing from the data centre	2026-11-30 12:07:34+00	2026-12-01 18:07:34.603+00	2026-12-01 12:07:34+00	21600	2026-12-01 18:07:34.603+00	2026-12-04 18:07:34.603+00	t	f	f	\N	{ASSESSMENT,AUTHORITY_NOTIFICATION}	2026-12-01 18:07:34.617+00
\.


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.events (global_position, event_id, stream_id, stream_type, version, event_type, schema_version, payload, metadata, occurred_at, previous_hash, hash) FROM stdin;
1	eacb2f2a-aab6-4cae-a6ce-fce9e130ccab	ec659341-9235-45f9-809a-0159f71447ad	breach	1	BreachReported	1	{"report": {"company": null, "foundBy": null, "measures": "Password reset, MFA enforced", "otherData": null, "detectedAt": "2026-12-01T15:07:34Z", "encryption": null, "occurrence": null, "dataClasses": ["E", "D"], "description": "Phishing: the Matomo admin account was used from an unknown address", "circumstances": ["A"], "unintelligible": {"how": null, "answer": "NO"}, "internalContact": null, "personsAffected": {"max": null, "min": null, "kind": "UNKNOWN"}, "groupDescription": null, "processorAwareAt": "2026-12-01T16:07:34Z"}, "breachId": "ec659341-9235-45f9-809a-0159f71447ad", "timeZone": "Europe/Brussels", "authority": "VTC", "receivedAt": "2026-12-01T18:07:34.503Z", "reportedBy": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "agreementId": "c81905fe-8563-47ec-85ff-c6d4a06a8e69", "reportDueAt": "2026-12-02T16:07:34Z", "processorOrg": "0428304785", "controllerOrg": "0207511803", "lateBySeconds": 0, "notificationDueAt": "2026-12-04T18:07:34.503Z"}	{"actorRoles": ["processor"], "causationId": "demo-esn-breach-phishing-2026-12-01T16:07:34Z", "actorSubject": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "correlationId": "a02ccf31-6cbd-4828-94b8-522bc6e76435", "idempotencyKey": "demo-esn-breach-phishing-2026-12-01T16:07:34Z", "actorOrganisation": "0428304785"}	2026-12-01 18:07:34.532+00	0000000000000000000000000000000000000000000000000000000000000000	14352c33ee19b19cc673ce615f09589ddf483901e7675c906ac6459b61e232ab
2	e8b7c3ce-7713-4766-beee-612566b533d9	1df74d71-b756-4fc8-9814-79cbfbdd8131	breach	1	BreachReported	1	{"report": {"company": null, "foundBy": null, "measures": null, "otherData": null, "detectedAt": null, "encryption": null, "occurrence": null, "dataClasses": null, "description": "A backup disk of the website database is missing from the data centre", "circumstances": ["E"], "unintelligible": null, "internalContact": null, "personsAffected": null, "groupDescription": null, "processorAwareAt": "2026-11-30T12:07:34Z"}, "breachId": "1df74d71-b756-4fc8-9814-79cbfbdd8131", "timeZone": "Europe/Brussels", "authority": "VTC", "receivedAt": "2026-12-01T18:07:34.603Z", "reportedBy": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "agreementId": "c81905fe-8563-47ec-85ff-c6d4a06a8e69", "reportDueAt": "2026-12-01T12:07:34Z", "processorOrg": "0428304785", "controllerOrg": "0207511803", "lateBySeconds": 21600, "notificationDueAt": "2026-12-04T18:07:34.603Z"}	{"actorRoles": ["processor"], "causationId": "demo-esn-breach-backup-2026-11-30T12:07:34Z", "actorSubject": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "correlationId": "70011549-f8ce-4533-8bca-b8e85302dadc", "idempotencyKey": "demo-esn-breach-backup-2026-11-30T12:07:34Z", "actorOrganisation": "0428304785"}	2026-12-01 18:07:34.617+00	0000000000000000000000000000000000000000000000000000000000000000	3556e05daa0aee652a8174b95400cbae28e7b0f7edd412cf130bfe0ec07106f9
\.


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
1	1	event store	SQL	db/kernel/V1__event_store.sql	1471174577	postgres	2026-12-01 18:07:24.46562	164	t
2	2	outbox wakeup in process	SQL	db/kernel/V2__outbox_wakeup_in_process.sql	-294055148	postgres	2026-12-01 18:07:24.813753	6	t
3	100	breach read models	SQL	db/migration/V100__breach_read_models.sql	1643235321	postgres	2026-12-01 18:07:24.845331	132	t
\.


--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.idempotency_keys (principal, idempotency_key, request_hash, status, body, headers, created_at) FROM stdin;
0428304785/fe2954e4-6a82-4afb-ac57-1d5af9bb08ea	demo-esn-breach-phishing-2026-12-01T16:07:34Z	f446901adde47b3ea792662b46c20e46a3f983b39a55f32aaad10a0bdacff2b3	201	{"id":"ec659341-9235-45f9-809a-0159f71447ad","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":1,"status":"REPORTED","authority":"VTC","report":{"internalContact":null,"company":null,"foundBy":null,"detectedAt":"2026-12-01T15:07:34Z","processorAwareAt":"2026-12-01T16:07:34Z","description":"Phishing: the Matomo admin account was used from an unknown address","occurrence":null,"dataClasses":["E","D"],"otherData":null,"personsAffected":{"kind":"UNKNOWN","min":null,"max":null},"groupDescription":null,"circumstances":["A"],"unintelligible":{"answer":"NO","how":null},"encryption":null,"measures":"Password reset, MFA enforced"},"history":{"detectedAt":[{"value":"2026-12-01T15:07:34Z","at":"2026-12-01T18:07:34.503Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}],"processorAwareAt":[{"value":"2026-12-01T16:07:34Z","at":"2026-12-01T18:07:34.503Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}],"description":[{"value":"Phishing: the Matomo admin account was used from an unknown address","at":"2026-12-01T18:07:34.503Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}],"dataClasses":[{"value":["E","D"],"at":"2026-12-01T18:07:34.503Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}],"personsAffected":[{"value":{"kind":"UNKNOWN","min":null,"max":null},"at":"2026-12-01T18:07:34.503Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}],"circumstances":[{"value":["A"],"at":"2026-12-01T18:07:34.503Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}],"unintelligible":[{"value":{"answer":"NO","how":null},"at":"2026-12-01T18:07:34.503Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}],"measures":[{"value":"Password reset, MFA enforced","at":"2026-12-01T18:07:34.503Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}]},"clocks":{"timeZone":"Europe/Brussels","detectedAt":"2026-12-01T15:07:34Z","processorAwareAt":"2026-12-01T16:07:34Z","reportDueAt":"2026-12-02T16:07:34Z","receivedAt":"2026-12-01T18:07:34.503Z","reportLate":false,"reportLateBy":null,"controllerAwareAt":"2026-12-01T18:07:34.503Z","controllerAwarenessJustification":null,"notificationDueAt":"2026-12-04T18:07:34.503Z","notificationOverdue":false},"assessment":null,"proposedSeverity":{"dpc":2,"ei":0.75,"cb":0.25,"score":1.75,"level":"LOW","proposedRisk":"UNLIKELY","reasoning":["DPC 2: simple data raised by 1 because it enables identity theft or account takeover (E user names, passwords, login data, customer numbers)","EI 0.75 (significant): data not made unintelligible, without directly identifying data (B, G or H)","CB 0.25: confidentiality 0.25 (A read only), integrity 0, availability 0, malicious intent 0","SE = 2 × 0.75 + 0.25 = 1.75: LOW, proposed risk UNLIKELY"],"provisional":false,"method":"ENISA 2013: SE = DPC × EI + CB"},"notifications":[],"dataSubjects":null,"openObligations":["ASSESSMENT","AUTHORITY_NOTIFICATION"]}	{"ETag": "\\"1\\"", "Location": "/breaches/ec659341-9235-45f9-809a-0159f71447ad"}	2026-12-01 18:07:34.520451+00
0428304785/fe2954e4-6a82-4afb-ac57-1d5af9bb08ea	demo-esn-breach-backup-2026-11-30T12:07:34Z	cd0cca27878988e48ca636153a31fbf54915e3b260c858ce8bd98dba24d809e4	201	{"id":"1df74d71-b756-4fc8-9814-79cbfbdd8131","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":1,"status":"REPORTED","authority":"VTC","report":{"internalContact":null,"company":null,"foundBy":null,"detectedAt":null,"processorAwareAt":"2026-11-30T12:07:34Z","description":"A backup disk of the website database is missing from the data centre","occurrence":null,"dataClasses":null,"otherData":null,"personsAffected":null,"groupDescription":null,"circumstances":["E"],"unintelligible":null,"encryption":null,"measures":null},"history":{"processorAwareAt":[{"value":"2026-11-30T12:07:34Z","at":"2026-12-01T18:07:34.603Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}],"description":[{"value":"A backup disk of the website database is missing from the data centre","at":"2026-12-01T18:07:34.603Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}],"circumstances":[{"value":["E"],"at":"2026-12-01T18:07:34.603Z","by":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","source":"REPORT"}]},"clocks":{"timeZone":"Europe/Brussels","detectedAt":null,"processorAwareAt":"2026-11-30T12:07:34Z","reportDueAt":"2026-12-01T12:07:34Z","receivedAt":"2026-12-01T18:07:34.603Z","reportLate":true,"reportLateBy":"PT6H","controllerAwareAt":"2026-12-01T18:07:34.603Z","controllerAwarenessJustification":null,"notificationDueAt":"2026-12-04T18:07:34.603Z","notificationOverdue":false},"assessment":null,"proposedSeverity":{"dpc":1,"ei":0.75,"cb":1.25,"score":2.0,"level":"MEDIUM","proposedRisk":"RISK","reasoning":["DPC 1 assumed: data classes not yet known, the assessment is provisional","EI 0.75 (significant): unintelligibility not yet known, assumed not made unintelligible (provisional), without directly identifying data (B, G or H)","CB 1.25: confidentiality 0.5 (E theft, the thief may read the data), integrity 0, availability 0.25 (E theft), malicious intent 0.5 (E theft)","SE = 1 × 0.75 + 1.25 = 2: MEDIUM, proposed risk RISK"],"provisional":true,"method":"ENISA 2013: SE = DPC × EI + CB"},"notifications":[],"dataSubjects":null,"openObligations":["ASSESSMENT","AUTHORITY_NOTIFICATION"]}	{"ETag": "\\"1\\"", "Location": "/breaches/1df74d71-b756-4fc8-9814-79cbfbdd8131"}	2026-12-01 18:07:34.606926+00
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
agreements	7a3c19b2-722b-4372-8694-f962252f004f	2026-12-01 18:07:33.327017+00
agreements	a4f9dac5-d2da-4665-84dd-972100a35e61	2026-12-01 18:07:33.345906+00
agreements	411f66ed-41b0-4509-bb32-2e1f74558d55	2026-12-01 18:07:33.359552+00
agreements	71a4787d-9ef5-4aed-889a-95e1a0bb0caa	2026-12-01 18:07:33.359588+00
breach-register	eacb2f2a-aab6-4cae-a6ce-fce9e130ccab	2026-12-01 18:07:34.709873+00
breach-register	e8b7c3ce-7713-4766-beee-612566b533d9	2026-12-01 18:07:35.694887+00
agreements	c6a1f173-e2b9-4d50-8301-27dfa128b5a3	2026-12-01 18:07:36.316167+00
\.


--
-- Name: events_global_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.events_global_position_seq', 2, true);


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 2, true);


--
-- Name: agreements agreements_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agreements
    ADD CONSTRAINT agreements_pkey PRIMARY KEY (agreement_id);


--
-- Name: breach_register breach_register_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.breach_register
    ADD CONSTRAINT breach_register_pkey PRIMARY KEY (breach_id);


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
-- Name: breach_register_controller; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX breach_register_controller ON public.breach_register USING btree (controller_org, received_at);


--
-- Name: breach_register_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX breach_register_open ON public.breach_register USING btree (notification_due_at) WHERE notification_open;


--
-- Name: breach_register_processor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX breach_register_processor ON public.breach_register USING btree (processor_org, received_at);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: events events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON public.events FOR EACH STATEMENT EXECUTE FUNCTION public.events_refuse_change();


--
-- Name: events events_no_update_or_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER events_no_update_or_delete BEFORE DELETE OR UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION public.events_refuse_change();


--
-- PostgreSQL database dump complete
--


