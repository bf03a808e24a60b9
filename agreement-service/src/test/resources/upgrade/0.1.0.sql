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
-- Name: agreement_list; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.agreement_list (
    agreement_id text NOT NULL,
    stream_version bigint NOT NULL,
    status text NOT NULL,
    controller_org character(10) NOT NULL,
    controller_name text NOT NULL,
    processor_org character(10) NOT NULL,
    processor_name text NOT NULL,
    assignment text,
    highest_class integer,
    supervisory_authority text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: assistance_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assistance_items (
    item_id text NOT NULL,
    kind text NOT NULL,
    stream_version bigint NOT NULL,
    agreement_id text NOT NULL,
    controller_org character(10) NOT NULL,
    processor_org character(10) NOT NULL,
    status text NOT NULL,
    open boolean NOT NULL,
    controller_visible boolean NOT NULL,
    title text NOT NULL,
    due_at timestamp with time zone,
    answer_due_on date,
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
-- Name: subprocessor_termination_rights; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.subprocessor_termination_rights (
    agreement_id text NOT NULL,
    grant_event uuid NOT NULL,
    granted_at timestamp with time zone NOT NULL,
    details jsonb NOT NULL
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
-- Data for Name: agreement_list; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.agreement_list (agreement_id, stream_version, status, controller_org, controller_name, processor_org, processor_name, assignment, highest_class, supervisory_authority, created_at, updated_at) FROM stdin;
c81905fe-8563-47ec-85ff-c6d4a06a8e69	4	ACTIVE	0207511803	Lokaal bestuur Opwijk	0428304785	European Service Network	Opbouw en hosting website + hosting Matomo	3	VTC	2026-12-01 18:07:32.54+00	2026-12-01 18:07:32.936+00
956f624c-925e-4cfb-898a-1e6008df97da	1	DRAFT	0123456749	Gemeente Voorbeeld (fictitious)	0876543270	Voorbeeld Hosting NV (fictitious)	Hosting of the citizen e-counter (e-loket)	3	VTC	2026-12-01 18:07:36.198+00	2026-12-01 18:07:36.198+00
\.


--
-- Data for Name: assistance_items; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.assistance_items (item_id, kind, stream_version, agreement_id, controller_org, processor_org, status, open, controller_visible, title, due_at, answer_due_on, updated_at) FROM stdin;
0db3dde3-905f-416e-9c0d-285b3d1ce1db	INSTRUCTION	2	c81905fe-8563-47ec-85ff-c6d4a06a8e69	0207511803	0428304785	FLAGGED	t	t	Send the Matomo visitor IP addresses to our communication agency every month	\N	2026-12-01	2026-12-01 18:07:35.722+00
ce95d8a9-48ef-4234-83c5-7dec5ab66993	DATA_SUBJECT_REQUEST	2	c81905fe-8563-47ec-85ff-c6d4a06a8e69	0207511803	0428304785	AWAITING_APPROVAL	t	t	ACCESS DSR-2026-001	\N	2027-01-04	2026-12-01 18:07:36.104+00
\.


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.events (global_position, event_id, stream_id, stream_type, version, event_type, schema_version, payload, metadata, occurred_at, previous_hash, hash) FROM stdin;
1	7a3c19b2-722b-4372-8694-f962252f004f	c81905fe-8563-47ec-85ff-c6d4a06a8e69	agreement	1	DraftCreated	1	{"at": "2026-12-01T18:07:32.406Z", "content": {"purposes": ["Build and host the municipal website", "Host Matomo web analytics for the website"], "settings": {"timeZone": "Europe/Brussels", "supervisoryAuthority": "VTC", "subprocessorObjectionDays": 30, "destructionConfirmationDays": 30}, "processor": {"dpo": {"name": "DPO ESN (fictitious)", "email": "dpo.esn@example.com", "phone": "+32 000 00 00 02"}, "name": "European Service Network", "address": "Kunstlaan 47, 1000 Brussel", "representative": {"name": "Piet Proef", "email": "piet.proef@example.com", "title": "algemeen directeur ESN"}, "enterpriseNumber": "0428304785"}, "assignment": {"contracts": ["Overeenkomst opbouw en hosting website", "Overeenkomst hosting Matomo"], "description": "Opbouw en hosting website + hosting Matomo"}, "controller": {"dpo": {"name": "Els Fictief", "email": "dpo.opwijk@example.org", "phone": "+32 000 00 00 01"}, "name": "Lokaal bestuur Opwijk", "address": "Ringlaan 20, 1745 Opwijk", "representative": {"name": "Jan Voorbeeld", "email": "jan.voorbeeld@example.org", "title": "algemeen directeur"}, "enterpriseNumber": "0207511803"}, "applications": [{"name": "Hoplr", "access": "Via wachtwoord", "storage": "Op site Hoplr", "activity": "Gegevens vanuit enquêtes", "transfer": "Via link"}, {"name": "Notula", "access": "Via wachtwoord", "storage": "Op site Green Valley", "activity": "Gegevens van de raadpleegomgeving", "transfer": "Via link"}, {"name": "Matomo", "access": "Via wachtwoord", "storage": "Op site Matomo", "activity": "Analytics", "transfer": "Door Paddle gelegd"}], "subprocessors": [{"name": "Level 27", "country": "BE", "headOffice": "Hasselt", "transferMechanism": null}], "dataCategories": [{"code": "3 00", "reason": "Toegang tot de website", "retention": "AS_REQUIRED_BY_LAW", "description": "Identiteitsgegevens (naam, voornaam, telefoonnummer, afbeelding, e-mail, rol)", "countermeasure": null}, {"code": null, "reason": "Vlotte werking van de website en gebruikservaring", "retention": "AS_REQUIRED_BY_LAW", "description": "Technische instellingen (rol en taal)", "countermeasure": null}, {"code": null, "reason": "Analyse van het websitebezoek voor optimalisatie", "retention": "AS_REQUIRED_BY_LAW", "description": "Analytische gegevens", "countermeasure": null}, {"code": null, "reason": "Functionaliteit van de website voor bezoekers", "retention": "AS_REQUIRED_BY_LAW", "description": "Technische gegevens (IP, sessiegegevens, cookies)", "countermeasure": null}, {"code": null, "reason": "Online dienstverlening", "retention": "AS_REQUIRED_BY_LAW", "description": "Andere persoonsgegevens doorgegeven via webformulieren", "countermeasure": null}], "securityMeasures": [{"note": "Contact: security@example.com (fictitious)", "group": "Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging", "applied": true, "measure": "Verantwoordelijke voor informatiebeveiliging aangesteld"}, {"note": null, "group": "Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging", "applied": true, "measure": "Data Protection Security Officer aangewezen"}, {"note": null, "group": "Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging", "applied": true, "measure": "Periodieke risicoanalyse, beheer en controle"}, {"note": null, "group": "Veilig personeelsbeleid", "applied": true, "measure": "Training over beveiliging en omgang met persoonsgegevens"}, {"note": null, "group": "Veilig personeelsbeleid", "applied": true, "measure": "Toegangsautorisatie en segregatie"}, {"note": "Camerabewaking, alarm- en branddetectie", "group": "Fysieke beveiliging", "applied": true, "measure": "Fysieke toegang tot productie- en bureauruimtes met badges"}, {"note": null, "group": "Bescherming tegen onregelmatigheden, pannes en incidenten", "applied": true, "measure": "Firewall en controlemechanismen"}, {"note": null, "group": "Data Center", "applied": true, "measure": "Fysieke toegang tot het data center beperkt"}], "processingLocations": [{"country": "BE", "transferMechanism": null}]}, "createdBy": "CONTROLLER", "agreementId": "c81905fe-8563-47ec-85ff-c6d4a06a8e69"}	{"actorRoles": ["controller"], "causationId": "demo-opwijk-esn-draft", "actorSubject": "14e57874-50e2-4065-a520-2cf3aeb454f2", "correlationId": "863466d9-21fb-44b1-b666-e003b6bdf929", "idempotencyKey": "demo-opwijk-esn-draft", "actorOrganisation": "0207511803"}	2026-12-01 18:07:32.54+00	0000000000000000000000000000000000000000000000000000000000000000	bddb3096da40ef1f06ae2c0bdc01243ed2b987faa2985b71586000f175777d7f
2	a4f9dac5-d2da-4665-84dd-972100a35e61	c81905fe-8563-47ec-85ff-c6d4a06a8e69	agreement	2	AgreementSigned	1	{"at": "2026-12-01T18:07:32.733Z", "party": "CONTROLLER", "place": "Opwijk", "signerName": "Jan Voorbeeld", "signerTitle": "algemeen directeur", "contentSha256": "1753a544cb723bbd97b43cad2aa6c438affbfac3c673504b951da6e5bd727751"}	{"actorRoles": ["controller"], "causationId": "demo-opwijk-esn-sign-controller", "actorSubject": "14e57874-50e2-4065-a520-2cf3aeb454f2", "correlationId": "66a9e7cc-0a28-4203-807a-30ef85209c48", "idempotencyKey": "demo-opwijk-esn-sign-controller", "actorOrganisation": "0207511803"}	2026-12-01 18:07:32.764+00	bddb3096da40ef1f06ae2c0bdc01243ed2b987faa2985b71586000f175777d7f	62ce754ef102d2934690ccdfa585327e75fd182db165b4f9ec6992fa090f1bd5
3	411f66ed-41b0-4509-bb32-2e1f74558d55	c81905fe-8563-47ec-85ff-c6d4a06a8e69	agreement	3	AgreementSigned	1	{"at": "2026-12-01T18:07:32.907Z", "party": "PROCESSOR", "place": "Brussel", "signerName": "Piet Proef", "signerTitle": "algemeen directeur ESN", "contentSha256": "1753a544cb723bbd97b43cad2aa6c438affbfac3c673504b951da6e5bd727751"}	{"actorRoles": ["processor"], "causationId": "demo-opwijk-esn-sign-processor", "actorSubject": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "correlationId": "a18b5705-bc27-4e6d-991a-cf73b0dc2c4d", "idempotencyKey": "demo-opwijk-esn-sign-processor", "actorOrganisation": "0428304785"}	2026-12-01 18:07:32.936+00	62ce754ef102d2934690ccdfa585327e75fd182db165b4f9ec6992fa090f1bd5	0347be81a643d35c40a747f1df4914df3c21174541fa4aeb099adc8000dc1470
4	71a4787d-9ef5-4aed-889a-95e1a0bb0caa	c81905fe-8563-47ec-85ff-c6d4a06a8e69	agreement	4	AgreementActivated	1	{"at": "2026-12-01T18:07:32.907Z", "contentSha256": "1753a544cb723bbd97b43cad2aa6c438affbfac3c673504b951da6e5bd727751"}	{"actorRoles": ["processor"], "causationId": "demo-opwijk-esn-sign-processor", "actorSubject": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "correlationId": "a18b5705-bc27-4e6d-991a-cf73b0dc2c4d", "idempotencyKey": "demo-opwijk-esn-sign-processor", "actorOrganisation": "0428304785"}	2026-12-01 18:07:32.936+00	0347be81a643d35c40a747f1df4914df3c21174541fa4aeb099adc8000dc1470	60c36fabf9fcf93cc7e961cede4e35d496a938ef6d852d91a29086819c82920f
5	3e190062-2c1c-4350-ac71-ea99ae0c6968	0db3dde3-905f-416e-9c0d-285b3d1ce1db	instruction	1	InstructionIssued	1	{"at": "2026-12-01T18:07:35.602Z", "text": "Send the Matomo visitor IP addresses to our communication agency every month", "issuedBy": "14e57874-50e2-4065-a520-2cf3aeb454f2", "agreementId": "c81905fe-8563-47ec-85ff-c6d4a06a8e69", "processorOrg": "0428304785", "controllerOrg": "0207511803", "effectiveFrom": "2026-12-01", "instructionId": "0db3dde3-905f-416e-9c0d-285b3d1ce1db"}	{"actorRoles": ["controller"], "causationId": "demo-instruction-c81905fe-8563-47ec-85ff-c6d4a06a8e69", "actorSubject": "14e57874-50e2-4065-a520-2cf3aeb454f2", "correlationId": "7f4f8bad-c807-4ea1-8bab-bb3ea2032ef5", "idempotencyKey": "demo-instruction-c81905fe-8563-47ec-85ff-c6d4a06a8e69", "actorOrganisation": "0207511803"}	2026-12-01 18:07:35.626+00	0000000000000000000000000000000000000000000000000000000000000000	d4a6fd146b0b6165a08cc0c41d56b1ce667a8c81dba7e8a41ff6ae566fefffb1
6	f61479c4-8ac6-4a29-aa81-f309393d07e4	0db3dde3-905f-416e-9c0d-285b3d1ce1db	instruction	2	InstructionFlagged	1	{"at": "2026-12-01T18:07:35.715Z", "flaggedBy": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "reasoning": "Passing IP addresses to a third party has no legal basis (GDPR 6); we propose aggregated statistics"}	{"actorRoles": ["processor"], "causationId": "demo-instruction-flag-c81905fe-8563-47ec-85ff-c6d4a06a8e69", "actorSubject": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "correlationId": "9f4df2a0-6c29-479a-9c02-7284666abe00", "idempotencyKey": "demo-instruction-flag-c81905fe-8563-47ec-85ff-c6d4a06a8e69", "actorOrganisation": "0428304785"}	2026-12-01 18:07:35.722+00	d4a6fd146b0b6165a08cc0c41d56b1ce667a8c81dba7e8a41ff6ae566fefffb1	49e08201e1a062b6b2d12f2764deca029fb27c9d4f4dae5c792f943fcc004243
7	001cb409-9238-4eba-81e0-3a904e064d25	ce95d8a9-48ef-4234-83c5-7dec5ab66993	datasubjectrequest	1	DataSubjectRequestRegistered	1	{"at": "2026-12-01T18:07:35.769Z", "type": "ACCESS", "timeZone": "Europe/Brussels", "reference": "DSR-2026-001", "requestId": "ce95d8a9-48ef-4234-83c5-7dec5ab66993", "receivedAt": "2026-12-01T15:07:35Z", "agreementId": "c81905fe-8563-47ec-85ff-c6d4a06a8e69", "answerDueOn": "2027-01-04", "forwardDueAt": "2026-12-02T15:07:35Z", "processorOrg": "0428304785", "registeredBy": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "controllerOrg": "0207511803"}	{"actorRoles": ["processor"], "causationId": "demo-dsr-c81905fe-8563-47ec-85ff-c6d4a06a8e69", "actorSubject": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "correlationId": "50e5f148-ecda-47c0-a287-b1784f586cd4", "idempotencyKey": "demo-dsr-c81905fe-8563-47ec-85ff-c6d4a06a8e69", "actorOrganisation": "0428304785"}	2026-12-01 18:07:36.004+00	0000000000000000000000000000000000000000000000000000000000000000	4f337550350f227e2feeebc9a5b7a646ff8c610df1f8f13b1de5b2f33b79359b
8	a2659dcc-1c8f-4706-96bb-3d535abddbd6	ce95d8a9-48ef-4234-83c5-7dec5ab66993	datasubjectrequest	2	RequestForwarded	1	{"at": "2026-12-01T18:07:36.096Z", "forwardedBy": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea"}	{"actorRoles": ["processor"], "causationId": "demo-dsr-forward-c81905fe-8563-47ec-85ff-c6d4a06a8e69", "actorSubject": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "correlationId": "909b7db7-84f4-436c-acdd-05785a86da26", "idempotencyKey": "demo-dsr-forward-c81905fe-8563-47ec-85ff-c6d4a06a8e69", "actorOrganisation": "0428304785"}	2026-12-01 18:07:36.104+00	4f337550350f227e2feeebc9a5b7a646ff8c610df1f8f13b1de5b2f33b79359b	1571d11eba9e992b2b1852afa09478f4e6e17ad63a34d8fe4a6220687b457841
9	c6a1f173-e2b9-4d50-8301-27dfa128b5a3	956f624c-925e-4cfb-898a-1e6008df97da	agreement	1	DraftCreated	1	{"at": "2026-12-01T18:07:36.188Z", "content": {"purposes": ["Host the municipal e-counter where citizens request certificates"], "settings": {"timeZone": "Europe/Brussels", "supervisoryAuthority": "VTC", "subprocessorObjectionDays": 30, "destructionConfirmationDays": 30}, "processor": {"dpo": {"name": "DPO Voorbeeld Hosting", "email": "dpo@hosting.example.com", "phone": "+32 000 00 00 04"}, "name": "Voorbeeld Hosting NV (fictitious)", "address": "Serverstraat 5, 9999 Voorbeeld", "representative": {"name": "Tom Test", "email": "tom.test@hosting.example.com", "title": "zaakvoerder"}, "enterpriseNumber": "0876543270"}, "assignment": {"contracts": ["Raamovereenkomst hosting e-loket 2026"], "description": "Hosting of the citizen e-counter (e-loket)"}, "controller": {"dpo": {"name": "DPO Gemeente Voorbeeld", "email": "dpo@voorbeeld.example.org", "phone": "+32 000 00 00 03"}, "name": "Gemeente Voorbeeld (fictitious)", "address": "Marktplein 1, 9999 Voorbeeld", "representative": {"name": "Anna Voorbeeld", "email": "anna.voorbeeld@example.org", "title": "algemeen directeur"}, "enterpriseNumber": "0123456749"}, "applications": [{"name": "e-loket", "access": "Citizens via itsme; staff via SSO", "storage": "Hosting provider's data centre in Belgium", "activity": "Certificate requests", "transfer": "TLS"}], "subprocessors": [], "dataCategories": [{"code": "3 01", "reason": "Handle certificate requests", "retention": "P5Y", "description": "Identification data of applicants", "countermeasure": "Encryption at rest"}, {"code": "3 08", "reason": "Legal identification of the applicant", "retention": "AS_REQUIRED_BY_LAW", "description": "National register number", "countermeasure": "Access restricted to case officers"}], "securityMeasures": [{"note": null, "group": "Data Center", "applied": true, "measure": "Physical access control"}, {"note": "Kept 30 days", "group": "Bescherming tegen onregelmatigheden, pannes en incidenten", "applied": true, "measure": "Daily encrypted backups"}], "processingLocations": [{"country": "BE", "transferMechanism": null}]}, "createdBy": "CONTROLLER", "agreementId": "956f624c-925e-4cfb-898a-1e6008df97da"}	{"actorRoles": ["controller"], "causationId": "demo-voorbeeld-hosting-draft", "actorSubject": "3c2abe2e-c0a8-4e3e-956a-efe4e4f82c1c", "correlationId": "d6f0e6c9-bff1-4630-ac68-8d24f9475f10", "idempotencyKey": "demo-voorbeeld-hosting-draft", "actorOrganisation": "0123456749"}	2026-12-01 18:07:36.198+00	0000000000000000000000000000000000000000000000000000000000000000	b8916c2440b7c7d552a0edbce9c9b94b816056bcec6ae6beb267f5b4522f68ba
\.


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
1	1	event store	SQL	db/kernel/V1__event_store.sql	1471174577	postgres	2026-12-01 18:07:25.787875	85	t
2	2	outbox wakeup in process	SQL	db/kernel/V2__outbox_wakeup_in_process.sql	-294055148	postgres	2026-12-01 18:07:26.005817	13	t
3	100	agreement read models	SQL	db/migration/V100__agreement_read_models.sql	85291827	postgres	2026-12-01 18:07:26.085616	48	t
4	101	assistance register	SQL	db/migration/V101__assistance_register.sql	-1365579949	postgres	2026-12-01 18:07:26.172553	48	t
\.


--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.idempotency_keys (principal, idempotency_key, request_hash, status, body, headers, created_at) FROM stdin;
0207511803/14e57874-50e2-4065-a520-2cf3aeb454f2	demo-opwijk-esn-draft	482a7a381954a3a5b4decb1ee4dbeeef05495df443ba8d91b3f3ea78054bd1d5	201	{"id":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","status":"DRAFT","version":1,"createdBy":"CONTROLLER","createdAt":"2026-12-01T18:07:32.406Z","highestInformationClass":3,"contentSha256":"1753a544cb723bbd97b43cad2aa6c438affbfac3c673504b951da6e5bd727751","content":{"controller":{"name":"Lokaal bestuur Opwijk","enterpriseNumber":"0207511803","address":"Ringlaan 20, 1745 Opwijk","representative":{"name":"Jan Voorbeeld","title":"algemeen directeur","email":"jan.voorbeeld@example.org"},"dpo":{"name":"Els Fictief","email":"dpo.opwijk@example.org","phone":"+32 000 00 00 01"}},"processor":{"name":"European Service Network","enterpriseNumber":"0428304785","address":"Kunstlaan 47, 1000 Brussel","representative":{"name":"Piet Proef","title":"algemeen directeur ESN","email":"piet.proef@example.com"},"dpo":{"name":"DPO ESN (fictitious)","email":"dpo.esn@example.com","phone":"+32 000 00 00 02"}},"assignment":{"description":"Opbouw en hosting website + hosting Matomo","contracts":["Overeenkomst opbouw en hosting website","Overeenkomst hosting Matomo"]},"purposes":["Build and host the municipal website","Host Matomo web analytics for the website"],"dataCategories":[{"code":"3 00","description":"Identiteitsgegevens (naam, voornaam, telefoonnummer, afbeelding, e-mail, rol)","retention":"AS_REQUIRED_BY_LAW","reason":"Toegang tot de website","countermeasure":null},{"code":null,"description":"Technische instellingen (rol en taal)","retention":"AS_REQUIRED_BY_LAW","reason":"Vlotte werking van de website en gebruikservaring","countermeasure":null},{"code":null,"description":"Analytische gegevens","retention":"AS_REQUIRED_BY_LAW","reason":"Analyse van het websitebezoek voor optimalisatie","countermeasure":null},{"code":null,"description":"Technische gegevens (IP, sessiegegevens, cookies)","retention":"AS_REQUIRED_BY_LAW","reason":"Functionaliteit van de website voor bezoekers","countermeasure":null},{"code":null,"description":"Andere persoonsgegevens doorgegeven via webformulieren","retention":"AS_REQUIRED_BY_LAW","reason":"Online dienstverlening","countermeasure":null}],"applications":[{"name":"Hoplr","activity":"Gegevens vanuit enquêtes","storage":"Op site Hoplr","transfer":"Via link","access":"Via wachtwoord"},{"name":"Notula","activity":"Gegevens van de raadpleegomgeving","storage":"Op site Green Valley","transfer":"Via link","access":"Via wachtwoord"},{"name":"Matomo","activity":"Analytics","storage":"Op site Matomo","transfer":"Door Paddle gelegd","access":"Via wachtwoord"}],"securityMeasures":[{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Verantwoordelijke voor informatiebeveiliging aangesteld","applied":true,"note":"Contact: security@example.com (fictitious)"},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Data Protection Security Officer aangewezen","applied":true,"note":null},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Periodieke risicoanalyse, beheer en controle","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Training over beveiliging en omgang met persoonsgegevens","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Toegangsautorisatie en segregatie","applied":true,"note":null},{"group":"Fysieke beveiliging","measure":"Fysieke toegang tot productie- en bureauruimtes met badges","applied":true,"note":"Camerabewaking, alarm- en branddetectie"},{"group":"Bescherming tegen onregelmatigheden, pannes en incidenten","measure":"Firewall en controlemechanismen","applied":true,"note":null},{"group":"Data Center","measure":"Fysieke toegang tot het data center beperkt","applied":true,"note":null}],"processingLocations":[{"country":"BE","transferMechanism":null}],"subprocessors":[{"name":"Level 27","headOffice":"Hasselt","country":"BE","transferMechanism":null}],"settings":{"supervisoryAuthority":"VTC","timeZone":"Europe/Brussels","subprocessorObjectionDays":30,"destructionConfirmationDays":30}},"originalContent":{"controller":{"name":"Lokaal bestuur Opwijk","enterpriseNumber":"0207511803","address":"Ringlaan 20, 1745 Opwijk","representative":{"name":"Jan Voorbeeld","title":"algemeen directeur","email":"jan.voorbeeld@example.org"},"dpo":{"name":"Els Fictief","email":"dpo.opwijk@example.org","phone":"+32 000 00 00 01"}},"processor":{"name":"European Service Network","enterpriseNumber":"0428304785","address":"Kunstlaan 47, 1000 Brussel","representative":{"name":"Piet Proef","title":"algemeen directeur ESN","email":"piet.proef@example.com"},"dpo":{"name":"DPO ESN (fictitious)","email":"dpo.esn@example.com","phone":"+32 000 00 00 02"}},"assignment":{"description":"Opbouw en hosting website + hosting Matomo","contracts":["Overeenkomst opbouw en hosting website","Overeenkomst hosting Matomo"]},"purposes":["Build and host the municipal website","Host Matomo web analytics for the website"],"dataCategories":[{"code":"3 00","description":"Identiteitsgegevens (naam, voornaam, telefoonnummer, afbeelding, e-mail, rol)","retention":"AS_REQUIRED_BY_LAW","reason":"Toegang tot de website","countermeasure":null},{"code":null,"description":"Technische instellingen (rol en taal)","retention":"AS_REQUIRED_BY_LAW","reason":"Vlotte werking van de website en gebruikservaring","countermeasure":null},{"code":null,"description":"Analytische gegevens","retention":"AS_REQUIRED_BY_LAW","reason":"Analyse van het websitebezoek voor optimalisatie","countermeasure":null},{"code":null,"description":"Technische gegevens (IP, sessiegegevens, cookies)","retention":"AS_REQUIRED_BY_LAW","reason":"Functionaliteit van de website voor bezoekers","countermeasure":null},{"code":null,"description":"Andere persoonsgegevens doorgegeven via webformulieren","retention":"AS_REQUIRED_BY_LAW","reason":"Online dienstverlening","countermeasure":null}],"applications":[{"name":"Hoplr","activity":"Gegevens vanuit enquêtes","storage":"Op site Hoplr","transfer":"Via link","access":"Via wachtwoord"},{"name":"Notula","activity":"Gegevens van de raadpleegomgeving","storage":"Op site Green Valley","transfer":"Via link","access":"Via wachtwoord"},{"name":"Matomo","activity":"Analytics","storage":"Op site Matomo","transfer":"Door Paddle gelegd","access":"Via wachtwoord"}],"securityMeasures":[{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Verantwoordelijke voor informatiebeveiliging aangesteld","applied":true,"note":"Contact: security@example.com (fictitious)"},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Data Protection Security Officer aangewezen","applied":true,"note":null},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Periodieke risicoanalyse, beheer en controle","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Training over beveiliging en omgang met persoonsgegevens","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Toegangsautorisatie en segregatie","applied":true,"note":null},{"group":"Fysieke beveiliging","measure":"Fysieke toegang tot productie- en bureauruimtes met badges","applied":true,"note":"Camerabewaking, alarm- en branddetectie"},{"group":"Bescherming tegen onregelmatigheden, pannes en incidenten","measure":"Firewall en controlemechanismen","applied":true,"note":null},{"group":"Data Center","measure":"Fysieke toegang tot het data center beperkt","applied":true,"note":null}],"processingLocations":[{"country":"BE","transferMechanism":null}],"subprocessors":[{"name":"Level 27","headOffice":"Hasselt","country":"BE","transferMechanism":null}],"settings":{"supervisoryAuthority":"VTC","timeZone":"Europe/Brussels","subprocessorObjectionDays":30,"destructionConfirmationDays":30}},"signatures":[],"addenda":[],"activatedAt":null,"termination":null,"dataReturn":null,"destructionConfirmation":null,"closedAt":null,"openExitSteps":[]}	{"ETag": "\\"1\\"", "Location": "/agreements/c81905fe-8563-47ec-85ff-c6d4a06a8e69"}	2026-12-01 18:07:32.493642+00
0207511803/14e57874-50e2-4065-a520-2cf3aeb454f2	demo-opwijk-esn-sign-controller	a79050dad5bd7ab8a2f1cfe458ab1db823605647812ff4e52e0054397b5e3b6f	200	{"id":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","status":"DRAFT","version":2,"createdBy":"CONTROLLER","createdAt":"2026-12-01T18:07:32.406Z","highestInformationClass":3,"contentSha256":"1753a544cb723bbd97b43cad2aa6c438affbfac3c673504b951da6e5bd727751","content":{"controller":{"name":"Lokaal bestuur Opwijk","enterpriseNumber":"0207511803","address":"Ringlaan 20, 1745 Opwijk","representative":{"name":"Jan Voorbeeld","title":"algemeen directeur","email":"jan.voorbeeld@example.org"},"dpo":{"name":"Els Fictief","email":"dpo.opwijk@example.org","phone":"+32 000 00 00 01"}},"processor":{"name":"European Service Network","enterpriseNumber":"0428304785","address":"Kunstlaan 47, 1000 Brussel","representative":{"name":"Piet Proef","title":"algemeen directeur ESN","email":"piet.proef@example.com"},"dpo":{"name":"DPO ESN (fictitious)","email":"dpo.esn@example.com","phone":"+32 000 00 00 02"}},"assignment":{"description":"Opbouw en hosting website + hosting Matomo","contracts":["Overeenkomst opbouw en hosting website","Overeenkomst hosting Matomo"]},"purposes":["Build and host the municipal website","Host Matomo web analytics for the website"],"dataCategories":[{"code":"3 00","description":"Identiteitsgegevens (naam, voornaam, telefoonnummer, afbeelding, e-mail, rol)","retention":"AS_REQUIRED_BY_LAW","reason":"Toegang tot de website","countermeasure":null},{"code":null,"description":"Technische instellingen (rol en taal)","retention":"AS_REQUIRED_BY_LAW","reason":"Vlotte werking van de website en gebruikservaring","countermeasure":null},{"code":null,"description":"Analytische gegevens","retention":"AS_REQUIRED_BY_LAW","reason":"Analyse van het websitebezoek voor optimalisatie","countermeasure":null},{"code":null,"description":"Technische gegevens (IP, sessiegegevens, cookies)","retention":"AS_REQUIRED_BY_LAW","reason":"Functionaliteit van de website voor bezoekers","countermeasure":null},{"code":null,"description":"Andere persoonsgegevens doorgegeven via webformulieren","retention":"AS_REQUIRED_BY_LAW","reason":"Online dienstverlening","countermeasure":null}],"applications":[{"name":"Hoplr","activity":"Gegevens vanuit enquêtes","storage":"Op site Hoplr","transfer":"Via link","access":"Via wachtwoord"},{"name":"Notula","activity":"Gegevens van de raadpleegomgeving","storage":"Op site Green Valley","transfer":"Via link","access":"Via wachtwoord"},{"name":"Matomo","activity":"Analytics","storage":"Op site Matomo","transfer":"Door Paddle gelegd","access":"Via wachtwoord"}],"securityMeasures":[{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Verantwoordelijke voor informatiebeveiliging aangesteld","applied":true,"note":"Contact: security@example.com (fictitious)"},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Data Protection Security Officer aangewezen","applied":true,"note":null},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Periodieke risicoanalyse, beheer en controle","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Training over beveiliging en omgang met persoonsgegevens","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Toegangsautorisatie en segregatie","applied":true,"note":null},{"group":"Fysieke beveiliging","measure":"Fysieke toegang tot productie- en bureauruimtes met badges","applied":true,"note":"Camerabewaking, alarm- en branddetectie"},{"group":"Bescherming tegen onregelmatigheden, pannes en incidenten","measure":"Firewall en controlemechanismen","applied":true,"note":null},{"group":"Data Center","measure":"Fysieke toegang tot het data center beperkt","applied":true,"note":null}],"processingLocations":[{"country":"BE","transferMechanism":null}],"subprocessors":[{"name":"Level 27","headOffice":"Hasselt","country":"BE","transferMechanism":null}],"settings":{"supervisoryAuthority":"VTC","timeZone":"Europe/Brussels","subprocessorObjectionDays":30,"destructionConfirmationDays":30}},"originalContent":{"controller":{"name":"Lokaal bestuur Opwijk","enterpriseNumber":"0207511803","address":"Ringlaan 20, 1745 Opwijk","representative":{"name":"Jan Voorbeeld","title":"algemeen directeur","email":"jan.voorbeeld@example.org"},"dpo":{"name":"Els Fictief","email":"dpo.opwijk@example.org","phone":"+32 000 00 00 01"}},"processor":{"name":"European Service Network","enterpriseNumber":"0428304785","address":"Kunstlaan 47, 1000 Brussel","representative":{"name":"Piet Proef","title":"algemeen directeur ESN","email":"piet.proef@example.com"},"dpo":{"name":"DPO ESN (fictitious)","email":"dpo.esn@example.com","phone":"+32 000 00 00 02"}},"assignment":{"description":"Opbouw en hosting website + hosting Matomo","contracts":["Overeenkomst opbouw en hosting website","Overeenkomst hosting Matomo"]},"purposes":["Build and host the municipal website","Host Matomo web analytics for the website"],"dataCategories":[{"code":"3 00","description":"Identiteitsgegevens (naam, voornaam, telefoonnummer, afbeelding, e-mail, rol)","retention":"AS_REQUIRED_BY_LAW","reason":"Toegang tot de website","countermeasure":null},{"code":null,"description":"Technische instellingen (rol en taal)","retention":"AS_REQUIRED_BY_LAW","reason":"Vlotte werking van de website en gebruikservaring","countermeasure":null},{"code":null,"description":"Analytische gegevens","retention":"AS_REQUIRED_BY_LAW","reason":"Analyse van het websitebezoek voor optimalisatie","countermeasure":null},{"code":null,"description":"Technische gegevens (IP, sessiegegevens, cookies)","retention":"AS_REQUIRED_BY_LAW","reason":"Functionaliteit van de website voor bezoekers","countermeasure":null},{"code":null,"description":"Andere persoonsgegevens doorgegeven via webformulieren","retention":"AS_REQUIRED_BY_LAW","reason":"Online dienstverlening","countermeasure":null}],"applications":[{"name":"Hoplr","activity":"Gegevens vanuit enquêtes","storage":"Op site Hoplr","transfer":"Via link","access":"Via wachtwoord"},{"name":"Notula","activity":"Gegevens van de raadpleegomgeving","storage":"Op site Green Valley","transfer":"Via link","access":"Via wachtwoord"},{"name":"Matomo","activity":"Analytics","storage":"Op site Matomo","transfer":"Door Paddle gelegd","access":"Via wachtwoord"}],"securityMeasures":[{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Verantwoordelijke voor informatiebeveiliging aangesteld","applied":true,"note":"Contact: security@example.com (fictitious)"},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Data Protection Security Officer aangewezen","applied":true,"note":null},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Periodieke risicoanalyse, beheer en controle","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Training over beveiliging en omgang met persoonsgegevens","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Toegangsautorisatie en segregatie","applied":true,"note":null},{"group":"Fysieke beveiliging","measure":"Fysieke toegang tot productie- en bureauruimtes met badges","applied":true,"note":"Camerabewaking, alarm- en branddetectie"},{"group":"Bescherming tegen onregelmatigheden, pannes en incidenten","measure":"Firewall en controlemechanismen","applied":true,"note":null},{"group":"Data Center","measure":"Fysieke toegang tot het data center beperkt","applied":true,"note":null}],"processingLocations":[{"country":"BE","transferMechanism":null}],"subprocessors":[{"name":"Level 27","headOffice":"Hasselt","country":"BE","transferMechanism":null}],"settings":{"supervisoryAuthority":"VTC","timeZone":"Europe/Brussels","subprocessorObjectionDays":30,"destructionConfirmationDays":30}},"signatures":[{"party":"CONTROLLER","signerName":"Jan Voorbeeld","signerTitle":"algemeen directeur","place":"Opwijk","signedSha256":"1753a544cb723bbd97b43cad2aa6c438affbfac3c673504b951da6e5bd727751","at":"2026-12-01T18:07:32.733Z","voided":false}],"addenda":[],"activatedAt":null,"termination":null,"dataReturn":null,"destructionConfirmation":null,"closedAt":null,"openExitSteps":[]}	{"ETag": "\\"2\\""}	2026-12-01 18:07:32.737973+00
0428304785/fe2954e4-6a82-4afb-ac57-1d5af9bb08ea	demo-opwijk-esn-sign-processor	7b6a4ca9677ce1cf1801d37b78ffd426936b64115708e03030d470dfee08746e	200	{"id":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","status":"ACTIVE","version":4,"createdBy":"CONTROLLER","createdAt":"2026-12-01T18:07:32.406Z","highestInformationClass":3,"contentSha256":"1753a544cb723bbd97b43cad2aa6c438affbfac3c673504b951da6e5bd727751","content":{"controller":{"name":"Lokaal bestuur Opwijk","enterpriseNumber":"0207511803","address":"Ringlaan 20, 1745 Opwijk","representative":{"name":"Jan Voorbeeld","title":"algemeen directeur","email":"jan.voorbeeld@example.org"},"dpo":{"name":"Els Fictief","email":"dpo.opwijk@example.org","phone":"+32 000 00 00 01"}},"processor":{"name":"European Service Network","enterpriseNumber":"0428304785","address":"Kunstlaan 47, 1000 Brussel","representative":{"name":"Piet Proef","title":"algemeen directeur ESN","email":"piet.proef@example.com"},"dpo":{"name":"DPO ESN (fictitious)","email":"dpo.esn@example.com","phone":"+32 000 00 00 02"}},"assignment":{"description":"Opbouw en hosting website + hosting Matomo","contracts":["Overeenkomst opbouw en hosting website","Overeenkomst hosting Matomo"]},"purposes":["Build and host the municipal website","Host Matomo web analytics for the website"],"dataCategories":[{"code":"3 00","description":"Identiteitsgegevens (naam, voornaam, telefoonnummer, afbeelding, e-mail, rol)","retention":"AS_REQUIRED_BY_LAW","reason":"Toegang tot de website","countermeasure":null},{"code":null,"description":"Technische instellingen (rol en taal)","retention":"AS_REQUIRED_BY_LAW","reason":"Vlotte werking van de website en gebruikservaring","countermeasure":null},{"code":null,"description":"Analytische gegevens","retention":"AS_REQUIRED_BY_LAW","reason":"Analyse van het websitebezoek voor optimalisatie","countermeasure":null},{"code":null,"description":"Technische gegevens (IP, sessiegegevens, cookies)","retention":"AS_REQUIRED_BY_LAW","reason":"Functionaliteit van de website voor bezoekers","countermeasure":null},{"code":null,"description":"Andere persoonsgegevens doorgegeven via webformulieren","retention":"AS_REQUIRED_BY_LAW","reason":"Online dienstverlening","countermeasure":null}],"applications":[{"name":"Hoplr","activity":"Gegevens vanuit enquêtes","storage":"Op site Hoplr","transfer":"Via link","access":"Via wachtwoord"},{"name":"Notula","activity":"Gegevens van de raadpleegomgeving","storage":"Op site Green Valley","transfer":"Via link","access":"Via wachtwoord"},{"name":"Matomo","activity":"Analytics","storage":"Op site Matomo","transfer":"Door Paddle gelegd","access":"Via wachtwoord"}],"securityMeasures":[{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Verantwoordelijke voor informatiebeveiliging aangesteld","applied":true,"note":"Contact: security@example.com (fictitious)"},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Data Protection Security Officer aangewezen","applied":true,"note":null},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Periodieke risicoanalyse, beheer en controle","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Training over beveiliging en omgang met persoonsgegevens","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Toegangsautorisatie en segregatie","applied":true,"note":null},{"group":"Fysieke beveiliging","measure":"Fysieke toegang tot productie- en bureauruimtes met badges","applied":true,"note":"Camerabewaking, alarm- en branddetectie"},{"group":"Bescherming tegen onregelmatigheden, pannes en incidenten","measure":"Firewall en controlemechanismen","applied":true,"note":null},{"group":"Data Center","measure":"Fysieke toegang tot het data center beperkt","applied":true,"note":null}],"processingLocations":[{"country":"BE","transferMechanism":null}],"subprocessors":[{"name":"Level 27","headOffice":"Hasselt","country":"BE","transferMechanism":null}],"settings":{"supervisoryAuthority":"VTC","timeZone":"Europe/Brussels","subprocessorObjectionDays":30,"destructionConfirmationDays":30}},"originalContent":{"controller":{"name":"Lokaal bestuur Opwijk","enterpriseNumber":"0207511803","address":"Ringlaan 20, 1745 Opwijk","representative":{"name":"Jan Voorbeeld","title":"algemeen directeur","email":"jan.voorbeeld@example.org"},"dpo":{"name":"Els Fictief","email":"dpo.opwijk@example.org","phone":"+32 000 00 00 01"}},"processor":{"name":"European Service Network","enterpriseNumber":"0428304785","address":"Kunstlaan 47, 1000 Brussel","representative":{"name":"Piet Proef","title":"algemeen directeur ESN","email":"piet.proef@example.com"},"dpo":{"name":"DPO ESN (fictitious)","email":"dpo.esn@example.com","phone":"+32 000 00 00 02"}},"assignment":{"description":"Opbouw en hosting website + hosting Matomo","contracts":["Overeenkomst opbouw en hosting website","Overeenkomst hosting Matomo"]},"purposes":["Build and host the municipal website","Host Matomo web analytics for the website"],"dataCategories":[{"code":"3 00","description":"Identiteitsgegevens (naam, voornaam, telefoonnummer, afbeelding, e-mail, rol)","retention":"AS_REQUIRED_BY_LAW","reason":"Toegang tot de website","countermeasure":null},{"code":null,"description":"Technische instellingen (rol en taal)","retention":"AS_REQUIRED_BY_LAW","reason":"Vlotte werking van de website en gebruikservaring","countermeasure":null},{"code":null,"description":"Analytische gegevens","retention":"AS_REQUIRED_BY_LAW","reason":"Analyse van het websitebezoek voor optimalisatie","countermeasure":null},{"code":null,"description":"Technische gegevens (IP, sessiegegevens, cookies)","retention":"AS_REQUIRED_BY_LAW","reason":"Functionaliteit van de website voor bezoekers","countermeasure":null},{"code":null,"description":"Andere persoonsgegevens doorgegeven via webformulieren","retention":"AS_REQUIRED_BY_LAW","reason":"Online dienstverlening","countermeasure":null}],"applications":[{"name":"Hoplr","activity":"Gegevens vanuit enquêtes","storage":"Op site Hoplr","transfer":"Via link","access":"Via wachtwoord"},{"name":"Notula","activity":"Gegevens van de raadpleegomgeving","storage":"Op site Green Valley","transfer":"Via link","access":"Via wachtwoord"},{"name":"Matomo","activity":"Analytics","storage":"Op site Matomo","transfer":"Door Paddle gelegd","access":"Via wachtwoord"}],"securityMeasures":[{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Verantwoordelijke voor informatiebeveiliging aangesteld","applied":true,"note":"Contact: security@example.com (fictitious)"},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Data Protection Security Officer aangewezen","applied":true,"note":null},{"group":"Algemeen beveiligingsbeleid en organisatie van informatiebeveiliging","measure":"Periodieke risicoanalyse, beheer en controle","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Training over beveiliging en omgang met persoonsgegevens","applied":true,"note":null},{"group":"Veilig personeelsbeleid","measure":"Toegangsautorisatie en segregatie","applied":true,"note":null},{"group":"Fysieke beveiliging","measure":"Fysieke toegang tot productie- en bureauruimtes met badges","applied":true,"note":"Camerabewaking, alarm- en branddetectie"},{"group":"Bescherming tegen onregelmatigheden, pannes en incidenten","measure":"Firewall en controlemechanismen","applied":true,"note":null},{"group":"Data Center","measure":"Fysieke toegang tot het data center beperkt","applied":true,"note":null}],"processingLocations":[{"country":"BE","transferMechanism":null}],"subprocessors":[{"name":"Level 27","headOffice":"Hasselt","country":"BE","transferMechanism":null}],"settings":{"supervisoryAuthority":"VTC","timeZone":"Europe/Brussels","subprocessorObjectionDays":30,"destructionConfirmationDays":30}},"signatures":[{"party":"CONTROLLER","signerName":"Jan Voorbeeld","signerTitle":"algemeen directeur","place":"Opwijk","signedSha256":"1753a544cb723bbd97b43cad2aa6c438affbfac3c673504b951da6e5bd727751","at":"2026-12-01T18:07:32.733Z","voided":false},{"party":"PROCESSOR","signerName":"Piet Proef","signerTitle":"algemeen directeur ESN","place":"Brussel","signedSha256":"1753a544cb723bbd97b43cad2aa6c438affbfac3c673504b951da6e5bd727751","at":"2026-12-01T18:07:32.907Z","voided":false}],"addenda":[],"activatedAt":"2026-12-01T18:07:32.907Z","termination":null,"dataReturn":null,"destructionConfirmation":null,"closedAt":null,"openExitSteps":[]}	{"ETag": "\\"4\\""}	2026-12-01 18:07:32.92476+00
0207511803/14e57874-50e2-4065-a520-2cf3aeb454f2	demo-instruction-c81905fe-8563-47ec-85ff-c6d4a06a8e69	0736194d6f209a00f4d2e9fc63f0c7a318102b43168efbee6af683c0fe577c45	201	{"id":"0db3dde3-905f-416e-9c0d-285b3d1ce1db","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":1,"status":"ISSUED","text":"Send the Matomo visitor IP addresses to our communication agency every month","effectiveFrom":"2026-12-01","flagReasoning":null,"controllerDecision":null,"lawfulBasis":false,"issuedBy":"14e57874-50e2-4065-a520-2cf3aeb454f2","issuedAt":"2026-12-01T18:07:35.602Z"}	{"ETag": "\\"1\\"", "Location": "/instructions/0db3dde3-905f-416e-9c0d-285b3d1ce1db"}	2026-12-01 18:07:35.620695+00
0428304785/fe2954e4-6a82-4afb-ac57-1d5af9bb08ea	demo-instruction-flag-c81905fe-8563-47ec-85ff-c6d4a06a8e69	4d8a0a8a6e15277193352a821e28efb954248459841bd044215596ed12cc6d38	200	{"id":"0db3dde3-905f-416e-9c0d-285b3d1ce1db","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":2,"status":"FLAGGED","text":"Send the Matomo visitor IP addresses to our communication agency every month","effectiveFrom":"2026-12-01","flagReasoning":"Passing IP addresses to a third party has no legal basis (GDPR 6); we propose aggregated statistics","controllerDecision":null,"lawfulBasis":false,"issuedBy":"14e57874-50e2-4065-a520-2cf3aeb454f2","issuedAt":"2026-12-01T18:07:35.602Z"}	{"ETag": "\\"2\\""}	2026-12-01 18:07:35.717774+00
0428304785/fe2954e4-6a82-4afb-ac57-1d5af9bb08ea	demo-dsr-c81905fe-8563-47ec-85ff-c6d4a06a8e69	61ac8931b3dd661eeb1f3d93b4d99236cdcaa81f8cea927bd2667f2a9269990a	201	{"id":"ce95d8a9-48ef-4234-83c5-7dec5ab66993","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":1,"status":"REGISTERED","type":"ACCESS","reference":"DSR-2026-001","receivedAt":"2026-12-01T15:07:35Z","forwardDueAt":"2026-12-02T15:07:35Z","forwardedAt":null,"forwardingOverdue":false,"controllerAnswerDueOn":"2027-01-04","extensionReasons":null,"approved":null,"instructions":null,"actionDescription":null,"actedAt":null}	{"ETag": "\\"1\\"", "Location": "/data-subject-requests/ce95d8a9-48ef-4234-83c5-7dec5ab66993"}	2026-12-01 18:07:35.792252+00
0428304785/fe2954e4-6a82-4afb-ac57-1d5af9bb08ea	demo-dsr-forward-c81905fe-8563-47ec-85ff-c6d4a06a8e69	81ee54f9fea948fc85d5f529318d8a9e7923f0534e2694a802e9d471b8600927	200	{"id":"ce95d8a9-48ef-4234-83c5-7dec5ab66993","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":2,"status":"AWAITING_APPROVAL","type":"ACCESS","reference":"DSR-2026-001","receivedAt":"2026-12-01T15:07:35Z","forwardDueAt":"2026-12-02T15:07:35Z","forwardedAt":"2026-12-01T18:07:36.096Z","forwardingOverdue":false,"controllerAnswerDueOn":"2027-01-04","extensionReasons":null,"approved":null,"instructions":null,"actionDescription":null,"actedAt":null}	{"ETag": "\\"2\\""}	2026-12-01 18:07:36.099197+00
0123456749/3c2abe2e-c0a8-4e3e-956a-efe4e4f82c1c	demo-voorbeeld-hosting-draft	785e48f76ba3e5858f37fb15656860ff9b3886728a1fc20c8f745bab40104030	201	{"id":"956f624c-925e-4cfb-898a-1e6008df97da","status":"DRAFT","version":1,"createdBy":"CONTROLLER","createdAt":"2026-12-01T18:07:36.188Z","highestInformationClass":3,"contentSha256":"44dc2281853efb4f41801b1c4850e0c453d9b98ce879fc8ea30be9dc643e1de9","content":{"controller":{"name":"Gemeente Voorbeeld (fictitious)","enterpriseNumber":"0123456749","address":"Marktplein 1, 9999 Voorbeeld","representative":{"name":"Anna Voorbeeld","title":"algemeen directeur","email":"anna.voorbeeld@example.org"},"dpo":{"name":"DPO Gemeente Voorbeeld","email":"dpo@voorbeeld.example.org","phone":"+32 000 00 00 03"}},"processor":{"name":"Voorbeeld Hosting NV (fictitious)","enterpriseNumber":"0876543270","address":"Serverstraat 5, 9999 Voorbeeld","representative":{"name":"Tom Test","title":"zaakvoerder","email":"tom.test@hosting.example.com"},"dpo":{"name":"DPO Voorbeeld Hosting","email":"dpo@hosting.example.com","phone":"+32 000 00 00 04"}},"assignment":{"description":"Hosting of the citizen e-counter (e-loket)","contracts":["Raamovereenkomst hosting e-loket 2026"]},"purposes":["Host the municipal e-counter where citizens request certificates"],"dataCategories":[{"code":"3 01","description":"Identification data of applicants","retention":"P5Y","reason":"Handle certificate requests","countermeasure":"Encryption at rest"},{"code":"3 08","description":"National register number","retention":"AS_REQUIRED_BY_LAW","reason":"Legal identification of the applicant","countermeasure":"Access restricted to case officers"}],"applications":[{"name":"e-loket","activity":"Certificate requests","storage":"Hosting provider's data centre in Belgium","transfer":"TLS","access":"Citizens via itsme; staff via SSO"}],"securityMeasures":[{"group":"Data Center","measure":"Physical access control","applied":true,"note":null},{"group":"Bescherming tegen onregelmatigheden, pannes en incidenten","measure":"Daily encrypted backups","applied":true,"note":"Kept 30 days"}],"processingLocations":[{"country":"BE","transferMechanism":null}],"subprocessors":[],"settings":{"supervisoryAuthority":"VTC","timeZone":"Europe/Brussels","subprocessorObjectionDays":30,"destructionConfirmationDays":30}},"originalContent":{"controller":{"name":"Gemeente Voorbeeld (fictitious)","enterpriseNumber":"0123456749","address":"Marktplein 1, 9999 Voorbeeld","representative":{"name":"Anna Voorbeeld","title":"algemeen directeur","email":"anna.voorbeeld@example.org"},"dpo":{"name":"DPO Gemeente Voorbeeld","email":"dpo@voorbeeld.example.org","phone":"+32 000 00 00 03"}},"processor":{"name":"Voorbeeld Hosting NV (fictitious)","enterpriseNumber":"0876543270","address":"Serverstraat 5, 9999 Voorbeeld","representative":{"name":"Tom Test","title":"zaakvoerder","email":"tom.test@hosting.example.com"},"dpo":{"name":"DPO Voorbeeld Hosting","email":"dpo@hosting.example.com","phone":"+32 000 00 00 04"}},"assignment":{"description":"Hosting of the citizen e-counter (e-loket)","contracts":["Raamovereenkomst hosting e-loket 2026"]},"purposes":["Host the municipal e-counter where citizens request certificates"],"dataCategories":[{"code":"3 01","description":"Identification data of applicants","retention":"P5Y","reason":"Handle certificate requests","countermeasure":"Encryption at rest"},{"code":"3 08","description":"National register number","retention":"AS_REQUIRED_BY_LAW","reason":"Legal identification of the applicant","countermeasure":"Access restricted to case officers"}],"applications":[{"name":"e-loket","activity":"Certificate requests","storage":"Hosting provider's data centre in Belgium","transfer":"TLS","access":"Citizens via itsme; staff via SSO"}],"securityMeasures":[{"group":"Data Center","measure":"Physical access control","applied":true,"note":null},{"group":"Bescherming tegen onregelmatigheden, pannes en incidenten","measure":"Daily encrypted backups","applied":true,"note":"Kept 30 days"}],"processingLocations":[{"country":"BE","transferMechanism":null}],"subprocessors":[],"settings":{"supervisoryAuthority":"VTC","timeZone":"Europe/Brussels","subprocessorObjectionDays":30,"destructionConfirmationDays":30}},"signatures":[],"addenda":[],"activatedAt":null,"termination":null,"dataReturn":null,"destructionConfirmation":null,"closedAt":null,"openExitSteps":[]}	{"ETag": "\\"1\\"", "Location": "/agreements/956f624c-925e-4cfb-898a-1e6008df97da"}	2026-12-01 18:07:36.19318+00
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
agreement-list	7a3c19b2-722b-4372-8694-f962252f004f	2026-12-01 18:07:33.243576+00
agreement-list	a4f9dac5-d2da-4665-84dd-972100a35e61	2026-12-01 18:07:33.301196+00
agreement-list	411f66ed-41b0-4509-bb32-2e1f74558d55	2026-12-01 18:07:33.315988+00
agreement-list	71a4787d-9ef5-4aed-889a-95e1a0bb0caa	2026-12-01 18:07:33.316033+00
assistance-items	3e190062-2c1c-4350-ac71-ea99ae0c6968	2026-12-01 18:07:35.78423+00
assistance-items	f61479c4-8ac6-4a29-aa81-f309393d07e4	2026-12-01 18:07:36.009077+00
assistance-items	001cb409-9238-4eba-81e0-3a904e064d25	2026-12-01 18:07:36.058691+00
assistance-items	a2659dcc-1c8f-4706-96bb-3d535abddbd6	2026-12-01 18:07:36.249264+00
agreement-list	c6a1f173-e2b9-4d50-8301-27dfa128b5a3	2026-12-01 18:07:36.325433+00
\.


--
-- Data for Name: subprocessor_termination_rights; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.subprocessor_termination_rights (agreement_id, grant_event, granted_at, details) FROM stdin;
\.


--
-- Name: events_global_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.events_global_position_seq', 9, true);


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 9, true);


--
-- Name: agreement_list agreement_list_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agreement_list
    ADD CONSTRAINT agreement_list_pkey PRIMARY KEY (agreement_id);


--
-- Name: assistance_items assistance_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assistance_items
    ADD CONSTRAINT assistance_items_pkey PRIMARY KEY (item_id);


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
-- Name: subprocessor_termination_rights subprocessor_termination_rights_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subprocessor_termination_rights
    ADD CONSTRAINT subprocessor_termination_rights_pkey PRIMARY KEY (agreement_id, grant_event);


--
-- Name: agreement_list_controller; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX agreement_list_controller ON public.agreement_list USING btree (controller_org, status, created_at);


--
-- Name: agreement_list_processor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX agreement_list_processor ON public.agreement_list USING btree (processor_org, status, created_at);


--
-- Name: assistance_items_controller; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assistance_items_controller ON public.assistance_items USING btree (controller_org, kind, updated_at);


--
-- Name: assistance_items_processor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assistance_items_processor ON public.assistance_items USING btree (processor_org, kind, updated_at);


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


