-- One database per service (each service owns its event store and read models).
CREATE DATABASE dpa_agreement;
CREATE DATABASE dpa_subprocessor;
CREATE DATABASE dpa_breach;
CREATE DATABASE dpa_audit;
CREATE DATABASE dpa_reporting;
