-- GET /agreements pages newest first by (created_at, agreement_id) (docs/ARCHITECTURE.md, "Lists").
CREATE INDEX agreement_list_controller_page ON agreement_list (controller_org, created_at DESC, agreement_id DESC);
CREATE INDEX agreement_list_processor_page ON agreement_list (processor_org, created_at DESC, agreement_id DESC);
