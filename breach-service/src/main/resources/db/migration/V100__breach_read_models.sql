-- Read models of breach-service, fed from Kafka by the projection runner.

-- What this service knows of each agreement (from dpa.agreements): parties, status, the controller's
-- supervisory authority and time zone. Reports are authorised and checked against it.
CREATE TABLE agreements (
    agreement_id     text        PRIMARY KEY,
    stream_version   bigint      NOT NULL,
    status           text        NOT NULL,
    controller_org   char(10)    NOT NULL,
    controller_name  text        NOT NULL,
    processor_org    char(10)    NOT NULL,
    processor_name   text        NOT NULL,
    authority        text        NOT NULL,
    time_zone        text        NOT NULL,
    updated_at       timestamptz NOT NULL
);

-- The breach register (GDPR 33(5)): every breach, notified or not, with its clocks.
CREATE TABLE breach_register (
    breach_id             text        PRIMARY KEY,
    stream_version        bigint      NOT NULL,
    agreement_id          text        NOT NULL,
    controller_org        char(10)    NOT NULL,
    processor_org         char(10)    NOT NULL,
    status                text        NOT NULL,
    description           text        NOT NULL,
    processor_aware_at    timestamptz NOT NULL,
    received_at           timestamptz NOT NULL,
    report_due_at         timestamptz NOT NULL,
    late_by_seconds       bigint      NOT NULL,
    controller_aware_at   timestamptz NOT NULL,
    notification_due_at   timestamptz NOT NULL,
    notification_open     boolean     NOT NULL,
    notification_warned   boolean     NOT NULL,
    notification_missed   boolean     NOT NULL,
    risk                  text,
    open_obligations      text[]      NOT NULL,
    updated_at            timestamptz NOT NULL
);
CREATE INDEX breach_register_controller ON breach_register (controller_org, received_at);
CREATE INDEX breach_register_processor ON breach_register (processor_org, received_at);
CREATE INDEX breach_register_open ON breach_register (notification_due_at) WHERE notification_open;
