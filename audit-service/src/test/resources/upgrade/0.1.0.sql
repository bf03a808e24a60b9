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
    time_zone text NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: audit_list; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_list (
    audit_id text NOT NULL,
    stream_version bigint NOT NULL,
    agreement_id text NOT NULL,
    controller_org character(10) NOT NULL,
    processor_org character(10) NOT NULL,
    auditor_org character(10),
    status text NOT NULL,
    start_at timestamp with time zone NOT NULL,
    end_at timestamp with time zone NOT NULL,
    scope text NOT NULL,
    plan_due_at timestamp with time zone,
    plan_owed boolean NOT NULL,
    next_measure_due date,
    cost_borne_by text,
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
-- Name: information_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.information_requests (
    request_id text NOT NULL,
    stream_version bigint NOT NULL,
    agreement_id text NOT NULL,
    controller_org character(10) NOT NULL,
    processor_org character(10) NOT NULL,
    question text NOT NULL,
    due_date date,
    time_zone text NOT NULL,
    status text NOT NULL,
    asked_at timestamp with time zone NOT NULL,
    answered_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: organisation_calendars; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation_calendars (
    organisation character(10) NOT NULL,
    flemish_public_body boolean NOT NULL,
    closing_days jsonb NOT NULL,
    office_start time without time zone NOT NULL,
    office_end time without time zone NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamp with time zone NOT NULL
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

COPY public.agreements (agreement_id, stream_version, status, controller_org, controller_name, processor_org, processor_name, time_zone, updated_at) FROM stdin;
c81905fe-8563-47ec-85ff-c6d4a06a8e69	4	ACTIVE	0207511803	Lokaal bestuur Opwijk	0428304785	European Service Network	Europe/Brussels	2026-12-01 18:07:32.936+00
956f624c-925e-4cfb-898a-1e6008df97da	1	DRAFT	0123456749	Gemeente Voorbeeld (fictitious)	0876543270	Voorbeeld Hosting NV (fictitious)	Europe/Brussels	2026-12-01 18:07:36.198+00
\.


--
-- Data for Name: audit_list; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_list (audit_id, stream_version, agreement_id, controller_org, processor_org, auditor_org, status, start_at, end_at, scope, plan_due_at, plan_owed, next_measure_due, cost_borne_by, updated_at) FROM stdin;
8626d300-d138-476c-af57-19bbde59261a	1	c81905fe-8563-47ec-85ff-c6d4a06a8e69	0207511803	0428304785	0555555523	SCHEDULED	2026-12-15 10:00:00+00	2026-12-15 15:00:00+00	Yearly audit of the website hosting	\N	f	\N	\N	2026-12-01 18:07:35.057+00
15b8be52-4c76-4e93-a393-3338a7bdeb0e	4	c81905fe-8563-47ec-85ff-c6d4a06a8e69	0207511803	0428304785	0555555523	PLAN_SUBMITTED	2026-11-12 10:00:00+00	2026-11-12 15:00:00+00	Audit after the phishing incident	2026-12-14 23:00:00+00	f	\N	PROCESSOR	2026-12-01 18:07:35.522+00
\.


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.events (global_position, event_id, stream_id, stream_type, version, event_type, schema_version, payload, metadata, occurred_at, previous_hash, hash) FROM stdin;
1	4e6855a4-89f0-468b-a4d1-4a200a50df1e	8626d300-d138-476c-af57-19bbde59261a	audit	1	AuditScheduled	1	{"at": "2026-12-01T18:07:34.905Z", "end": "2026-12-15T15:00:00Z", "scope": "Yearly audit of the website hosting", "start": "2026-12-15T10:00:00Z", "auditId": "8626d300-d138-476c-af57-19bbde59261a", "location": "ESN, Kunstlaan 47, Brussel", "timeZone": "Europe/Brussels", "auditorOrg": "0555555523", "agreementId": "c81905fe-8563-47ec-85ff-c6d4a06a8e69", "scheduledBy": "14e57874-50e2-4065-a520-2cf3aeb454f2", "processorOrg": "0428304785", "controllerOrg": "0207511803", "noticeGivenAt": "2026-11-30T18:07:34Z", "overrideJustification": null}	{"actorRoles": ["controller"], "causationId": "demo-audit-2026-12-15T10:00:00Z", "actorSubject": "14e57874-50e2-4065-a520-2cf3aeb454f2", "correlationId": "6201314e-0252-4f27-aeda-2d06bff87c3d", "idempotencyKey": "demo-audit-2026-12-15T10:00:00Z", "actorOrganisation": "0207511803"}	2026-12-01 18:07:35.057+00	0000000000000000000000000000000000000000000000000000000000000000	a188dded94991606b98584b1785c260b5c511b64cbc164c1fa139318bf79627d
2	619c0b2c-014d-4098-8fcb-421dc29b7599	15b8be52-4c76-4e93-a393-3338a7bdeb0e	audit	1	AuditScheduled	1	{"at": "2026-12-01T18:07:35.213Z", "end": "2026-11-12T15:00:00Z", "scope": "Audit after the phishing incident", "start": "2026-11-12T10:00:00Z", "auditId": "15b8be52-4c76-4e93-a393-3338a7bdeb0e", "location": "ESN, Kunstlaan 47, Brussel", "timeZone": "Europe/Brussels", "auditorOrg": "0555555523", "agreementId": "c81905fe-8563-47ec-85ff-c6d4a06a8e69", "scheduledBy": "14e57874-50e2-4065-a520-2cf3aeb454f2", "processorOrg": "0428304785", "controllerOrg": "0207511803", "noticeGivenAt": "2026-10-22T18:07:35Z", "overrideJustification": null}	{"actorRoles": ["controller"], "causationId": "demo-audit-2026-11-12T10:00:00Z", "actorSubject": "14e57874-50e2-4065-a520-2cf3aeb454f2", "correlationId": "0a7b358d-53c3-47c1-b579-eb7bd97f2d65", "idempotencyKey": "demo-audit-2026-11-12T10:00:00Z", "actorOrganisation": "0207511803"}	2026-12-01 18:07:35.221+00	0000000000000000000000000000000000000000000000000000000000000000	05560e5b8148fb6789bf8f966463c37dbe0307f2d96552bb8d14419c881553c5
3	fc6c9772-41f5-4600-8093-3bf05e1cd8de	15b8be52-4c76-4e93-a393-3338a7bdeb0e	audit	2	FindingRecorded	1	{"at": "2026-12-01T18:07:35.336Z", "title": "No MFA on the hosting panel", "severity": "MAJOR", "findingId": "f-13cad4ef", "articleRef": "art. 5.1, annex 1", "recordedBy": "14e57874-50e2-4065-a520-2cf3aeb454f2", "description": "Administrators log in with a password only"}	{"actorRoles": ["controller"], "causationId": "demo-audit-finding-15b8be52-4c76-4e93-a393-3338a7bdeb0e", "actorSubject": "14e57874-50e2-4065-a520-2cf3aeb454f2", "correlationId": "3da8060c-42a9-4ac1-99dd-8c932df3bbcc", "idempotencyKey": "demo-audit-finding-15b8be52-4c76-4e93-a393-3338a7bdeb0e", "actorOrganisation": "0207511803"}	2026-12-01 18:07:35.36+00	05560e5b8148fb6789bf8f966463c37dbe0307f2d96552bb8d14419c881553c5	2a1597e3bf041027f1fdca0f0a78b402dc62b54b1cf0787350154e9166c6ddfa
4	1b05575a-ec2e-4a2c-8de7-6f01c17aa509	15b8be52-4c76-4e93-a393-3338a7bdeb0e	audit	3	AuditCompleted	1	{"at": "2026-12-01T18:07:35.446Z", "costBasis": "Art. 9.3: the audit established that the processor does not comply", "planDueAt": "2026-12-14T23:00:00Z", "planDueOn": "2026-12-14", "completedAt": "2026-11-12T15:00:00Z", "completedBy": "14e57874-50e2-4065-a520-2cf3aeb454f2", "costBorneBy": "PROCESSOR", "nonCompliance": true}	{"actorRoles": ["controller"], "causationId": "demo-audit-completion-15b8be52-4c76-4e93-a393-3338a7bdeb0e", "actorSubject": "14e57874-50e2-4065-a520-2cf3aeb454f2", "correlationId": "1c8369cf-4b2c-4394-8f46-cffc27b405a6", "idempotencyKey": "demo-audit-completion-15b8be52-4c76-4e93-a393-3338a7bdeb0e", "actorOrganisation": "0207511803"}	2026-12-01 18:07:35.455+00	2a1597e3bf041027f1fdca0f0a78b402dc62b54b1cf0787350154e9166c6ddfa	1f15c3668cc81d2adb4e0005a7a71fc5cf469af3dfa63aabe3ee59455552ebe6
5	c5d44dd8-149e-4d84-a6cc-b5f496a009e8	15b8be52-4c76-4e93-a393-3338a7bdeb0e	audit	4	PlanSubmitted	1	{"at": "2026-12-01T18:07:35.506Z", "planId": "p-2f290487", "measures": [{"dueDate": "2026-12-31", "measureId": "m1", "findingIds": ["f-13cad4ef"], "description": "Enforce MFA for every administrator"}], "submittedBy": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea"}	{"actorRoles": ["processor"], "causationId": "demo-audit-plan-15b8be52-4c76-4e93-a393-3338a7bdeb0e", "actorSubject": "fe2954e4-6a82-4afb-ac57-1d5af9bb08ea", "correlationId": "9c5d7ffa-7354-4fdf-b673-46b387f687b8", "idempotencyKey": "demo-audit-plan-15b8be52-4c76-4e93-a393-3338a7bdeb0e", "actorOrganisation": "0428304785"}	2026-12-01 18:07:35.522+00	1f15c3668cc81d2adb4e0005a7a71fc5cf469af3dfa63aabe3ee59455552ebe6	a0d6f98a53e5c5518af8b3e69fd332906a29b47ead692745bd7936033a46e572
\.


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
1	1	event store	SQL	db/kernel/V1__event_store.sql	1471174577	postgres	2026-12-01 18:07:26.412811	119	t
2	2	outbox wakeup in process	SQL	db/kernel/V2__outbox_wakeup_in_process.sql	-294055148	postgres	2026-12-01 18:07:26.725468	27	t
3	100	audit read models	SQL	db/migration/V100__audit_read_models.sql	19645986	postgres	2026-12-01 18:07:26.793172	85	t
\.


--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.idempotency_keys (principal, idempotency_key, request_hash, status, body, headers, created_at) FROM stdin;
0207511803/14e57874-50e2-4065-a520-2cf3aeb454f2	demo-audit-2026-12-15T10:00:00Z	b337d1eaf3452df1d42a3a0fc365f9e83536b20753d258ac472c1bfbe5a74d93	201	{"id":"8626d300-d138-476c-af57-19bbde59261a","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":1,"status":"SCHEDULED","schedule":{"noticeGivenAt":"2026-11-30T18:07:34Z","start":"2026-12-15T10:00:00Z","end":"2026-12-15T15:00:00Z","timeZone":"Europe/Brussels","scope":"Yearly audit of the website hosting","location":"ESN, Kunstlaan 47, Brussel","auditorOrg":"0555555523","overrideJustification":null,"cancellationReason":null},"findings":[],"completion":null,"cost":{"borneBy":"CONTROLLER","basis":"Art. 9.3: the controller bears the cost unless the audit establishes non-compliance (not completed yet)"},"plans":[],"overdue":{"plan":false,"measures":[]}}	{"ETag": "\\"1\\"", "Location": "/audits/8626d300-d138-476c-af57-19bbde59261a"}	2026-12-01 18:07:34.912519+00
0207511803/14e57874-50e2-4065-a520-2cf3aeb454f2	demo-audit-2026-11-12T10:00:00Z	e84b3189e15c59930379dcd6add7d19e3ee8e36034d7405e4ef43eb72533634e	201	{"id":"15b8be52-4c76-4e93-a393-3338a7bdeb0e","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":1,"status":"SCHEDULED","schedule":{"noticeGivenAt":"2026-10-22T18:07:35Z","start":"2026-11-12T10:00:00Z","end":"2026-11-12T15:00:00Z","timeZone":"Europe/Brussels","scope":"Audit after the phishing incident","location":"ESN, Kunstlaan 47, Brussel","auditorOrg":"0555555523","overrideJustification":null,"cancellationReason":null},"findings":[],"completion":null,"cost":{"borneBy":"CONTROLLER","basis":"Art. 9.3: the controller bears the cost unless the audit establishes non-compliance (not completed yet)"},"plans":[],"overdue":{"plan":false,"measures":[]}}	{"ETag": "\\"1\\"", "Location": "/audits/15b8be52-4c76-4e93-a393-3338a7bdeb0e"}	2026-12-01 18:07:35.216822+00
0207511803/14e57874-50e2-4065-a520-2cf3aeb454f2	demo-audit-finding-15b8be52-4c76-4e93-a393-3338a7bdeb0e	c6fe8142a6082cfd56273ac7fff3eaac76456296a2ee257d5d0b7934374ef739	200	{"id":"15b8be52-4c76-4e93-a393-3338a7bdeb0e","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":2,"status":"SCHEDULED","schedule":{"noticeGivenAt":"2026-10-22T18:07:35Z","start":"2026-11-12T10:00:00Z","end":"2026-11-12T15:00:00Z","timeZone":"Europe/Brussels","scope":"Audit after the phishing incident","location":"ESN, Kunstlaan 47, Brussel","auditorOrg":"0555555523","overrideJustification":null,"cancellationReason":null},"findings":[{"findingId":"f-13cad4ef","title":"No MFA on the hosting panel","severity":"MAJOR","articleRef":"art. 5.1, annex 1","description":"Administrators log in with a password only","recordedBy":"14e57874-50e2-4065-a520-2cf3aeb454f2","at":"2026-12-01T18:07:35.336Z"}],"completion":null,"cost":{"borneBy":"CONTROLLER","basis":"Art. 9.3: the controller bears the cost unless the audit establishes non-compliance (not completed yet)"},"plans":[],"overdue":{"plan":false,"measures":[]}}	{"ETag": "\\"2\\""}	2026-12-01 18:07:35.356372+00
0207511803/14e57874-50e2-4065-a520-2cf3aeb454f2	demo-audit-completion-15b8be52-4c76-4e93-a393-3338a7bdeb0e	e9fac2fe689ca693c477915817e010d92fd4b19ddf49bf7633d0bb295069ec10	200	{"id":"15b8be52-4c76-4e93-a393-3338a7bdeb0e","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":3,"status":"PLAN_DUE","schedule":{"noticeGivenAt":"2026-10-22T18:07:35Z","start":"2026-11-12T10:00:00Z","end":"2026-11-12T15:00:00Z","timeZone":"Europe/Brussels","scope":"Audit after the phishing incident","location":"ESN, Kunstlaan 47, Brussel","auditorOrg":"0555555523","overrideJustification":null,"cancellationReason":null},"findings":[{"findingId":"f-13cad4ef","title":"No MFA on the hosting panel","severity":"MAJOR","articleRef":"art. 5.1, annex 1","description":"Administrators log in with a password only","recordedBy":"14e57874-50e2-4065-a520-2cf3aeb454f2","at":"2026-12-01T18:07:35.336Z"}],"completion":{"completedAt":"2026-11-12T15:00:00Z","nonCompliance":true,"planDueOn":"2026-12-14","planDueAt":"2026-12-14T23:00:00Z"},"cost":{"borneBy":"PROCESSOR","basis":"Art. 9.3: the audit established that the processor does not comply"},"plans":[],"overdue":{"plan":false,"measures":[]}}	{"ETag": "\\"3\\""}	2026-12-01 18:07:35.451426+00
0428304785/fe2954e4-6a82-4afb-ac57-1d5af9bb08ea	demo-audit-plan-15b8be52-4c76-4e93-a393-3338a7bdeb0e	6fbe33626865b1504d585529d7485f423aa9c54d3e5fae8b5f5856262049206a	200	{"id":"15b8be52-4c76-4e93-a393-3338a7bdeb0e","agreementId":"c81905fe-8563-47ec-85ff-c6d4a06a8e69","version":4,"status":"PLAN_SUBMITTED","schedule":{"noticeGivenAt":"2026-10-22T18:07:35Z","start":"2026-11-12T10:00:00Z","end":"2026-11-12T15:00:00Z","timeZone":"Europe/Brussels","scope":"Audit after the phishing incident","location":"ESN, Kunstlaan 47, Brussel","auditorOrg":"0555555523","overrideJustification":null,"cancellationReason":null},"findings":[{"findingId":"f-13cad4ef","title":"No MFA on the hosting panel","severity":"MAJOR","articleRef":"art. 5.1, annex 1","description":"Administrators log in with a password only","recordedBy":"14e57874-50e2-4065-a520-2cf3aeb454f2","at":"2026-12-01T18:07:35.336Z"}],"completion":{"completedAt":"2026-11-12T15:00:00Z","nonCompliance":true,"planDueOn":"2026-12-14","planDueAt":"2026-12-14T23:00:00Z"},"cost":{"borneBy":"PROCESSOR","basis":"Art. 9.3: the audit established that the processor does not comply"},"plans":[{"planId":"p-2f290487","measures":[{"measureId":"m1","findingIds":["f-13cad4ef"],"description":"Enforce MFA for every administrator","dueDate":"2026-12-31","implementedAt":null,"implementationNote":null,"verified":null,"verificationComments":null,"verifiedAt":null,"overdueMarked":false}],"submittedBy":"fe2954e4-6a82-4afb-ac57-1d5af9bb08ea","submittedAt":"2026-12-01T18:07:35.506Z","approved":null,"comments":null,"decidedBy":null,"decidedAt":null}],"overdue":{"plan":false,"measures":[]}}	{"ETag": "\\"4\\""}	2026-12-01 18:07:35.517878+00
\.


--
-- Data for Name: information_requests; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.information_requests (request_id, stream_version, agreement_id, controller_org, processor_org, question, due_date, time_zone, status, asked_at, answered_at, updated_at) FROM stdin;
\.


--
-- Data for Name: organisation_calendars; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.organisation_calendars (organisation, flemish_public_body, closing_days, office_start, office_end, updated_by, updated_at) FROM stdin;
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
agreements	7a3c19b2-722b-4372-8694-f962252f004f	2026-12-01 18:07:33.186872+00
agreements	a4f9dac5-d2da-4665-84dd-972100a35e61	2026-12-01 18:07:33.372272+00
agreements	411f66ed-41b0-4509-bb32-2e1f74558d55	2026-12-01 18:07:33.522112+00
agreements	71a4787d-9ef5-4aed-889a-95e1a0bb0caa	2026-12-01 18:07:33.522176+00
audit-list	4e6855a4-89f0-468b-a4d1-4a200a50df1e	2026-12-01 18:07:35.279625+00
audit-list	619c0b2c-014d-4098-8fcb-421dc29b7599	2026-12-01 18:07:35.312357+00
audit-list	fc6c9772-41f5-4600-8093-3bf05e1cd8de	2026-12-01 18:07:35.402459+00
audit-list	1b05575a-ec2e-4a2c-8de7-6f01c17aa509	2026-12-01 18:07:35.487484+00
audit-list	c5d44dd8-149e-4d84-a6cc-b5f496a009e8	2026-12-01 18:07:35.577718+00
agreements	c6a1f173-e2b9-4d50-8301-27dfa128b5a3	2026-12-01 18:07:36.319186+00
\.


--
-- Name: events_global_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.events_global_position_seq', 5, true);


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 5, true);


--
-- Name: agreements agreements_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agreements
    ADD CONSTRAINT agreements_pkey PRIMARY KEY (agreement_id);


--
-- Name: audit_list audit_list_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_list
    ADD CONSTRAINT audit_list_pkey PRIMARY KEY (audit_id);


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
-- Name: information_requests information_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.information_requests
    ADD CONSTRAINT information_requests_pkey PRIMARY KEY (request_id);


--
-- Name: organisation_calendars organisation_calendars_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_calendars
    ADD CONSTRAINT organisation_calendars_pkey PRIMARY KEY (organisation);


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
-- Name: audit_list_auditor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_list_auditor ON public.audit_list USING btree (auditor_org, start_at);


--
-- Name: audit_list_controller; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_list_controller ON public.audit_list USING btree (controller_org, start_at);


--
-- Name: audit_list_processor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_list_processor ON public.audit_list USING btree (processor_org, start_at);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: information_requests_controller; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX information_requests_controller ON public.information_requests USING btree (controller_org, asked_at);


--
-- Name: information_requests_processor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX information_requests_processor ON public.information_requests USING btree (processor_org, asked_at);


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


