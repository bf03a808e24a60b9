package eu.dpaledger.audit.api;

import eu.dpaledger.audit.domain.audit.AuditCommand;
import eu.dpaledger.audit.domain.audit.FindingSeverity;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest;
import eu.dpaledger.audit.domain.evidence.EvidenceItem;
import eu.dpaledger.audit.domain.request.InformationRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of audit-service. */
final class Requests {

    private Requests() {
    }

    @Schema(example = "{\"noticeGivenAt\":\"2027-03-01T09:00:00Z\",\"start\":\"2027-03-15T09:00:00Z\",\"end\":\"2027-03-15T15:00:00Z\",\"scope\":\"Hosting of the municipal website and Matomo\",\"location\":\"ESN, Kunstlaan 47, Brussel\",\"auditorOrg\":\"0555555523\"}")
    record ScheduleRequest(Instant noticeGivenAt, Instant start, Instant end, String scope, String location, String auditorOrg,
                           String overrideJustification) {
    }

    record RescheduleRequest(Instant noticeGivenAt, Instant start, Instant end, String overrideJustification, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    @Schema(example = "{\"title\":\"No MFA on the hosting panel\",\"severity\":\"MAJOR\",\"articleRef\":\"art. 5.1, annex 1 measures\",\"description\":\"Admin accounts log in with a password only\"}")
    record FindingRequest(String title, FindingSeverity severity, String articleRef, String description) {
    }

    @Schema(example = "{\"completedAt\":\"2027-03-15T15:00:00Z\",\"nonCompliance\":true}")
    record CompletionRequest(Instant completedAt, Boolean nonCompliance) {
    }

    record PlanRequest(List<AuditCommand.MeasureInput> measures) {
    }

    /** A rejection needs comments and {@code resubmissionDays}, the period for a new plan (DPA art. 9.2); an approval neither. */
    @Schema(example = "{\"approved\":false,\"comments\":\"Logs: 12 months is not enough, take 24\",\"resubmissionDays\":14}")
    record DecisionRequest(Boolean approved, String comments, Integer resubmissionDays) {
    }

    record ImplementationRequest(String note) {
    }

    record VerificationRequest(Boolean verified, String comments) {
    }

    @Schema(example = "{\"question\":\"Send the list of staff with access to the website database\",\"dueDate\":\"2027-03-31\"}")
    record QuestionRequest(String question, LocalDate dueDate) {
    }

    record AnswerRequest(String text, List<InformationRequest.Attachment> attachments) {
    }

    @Schema(example = "{\"kind\":\"DPIA\",\"processing\":\"Camera surveillance of the municipal car park\",\"questions\":[\"Which data flows leave the EEA?\",\"Which security measures protect the recordings?\"],\"dueDate\":\"2027-01-15\"}")
    record AssistanceRequestBody(String kind, String processing, List<String> questions, LocalDate dueDate) {
    }

    @Schema(example = "{\"text\":\"No data leave the EEA; the measures are attached.\",\"attachments\":[{\"name\":\"ESN security measures 2026.pdf\",\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}],\"costBasis\":\"PROCESSOR_RESPONSIBILITY\",\"costReason\":null}")
    record AssistanceAnswerBody(String text, List<AssistanceRequest.Attachment> attachments, String costBasis, String costReason) {
    }

    @Schema(example = "{\"question\":\"How long are the recordings kept?\",\"dueDate\":\"2027-01-29\"}")
    record FollowUpBody(String question, LocalDate dueDate) {
    }

    @Schema(example = "{\"note\":\"Input taken into the DPIA\"}")
    record CloseBody(String note) {
    }

    @Schema(example = "{\"kind\":\"CERTIFICATION\",\"content\":{\"title\":\"ISO/IEC 27001\",\"issuer\":\"BSI Group\",\"scope\":\"Hosting platform Brussels\",\"effectiveOn\":\"2024-01-15\",\"validUntil\":\"2027-01-14\",\"sha256\":null}}")
    record EvidenceBody(String kind, EvidenceItem.Content content) {
    }

    record EvidenceRevisionBody(EvidenceItem.Content content) {
    }

    @Schema(example = "{\"flemishPublicBody\":true,\"closingDays\":[{\"name\":\"Brugse kermis\",\"recurring\":\"--09-15\",\"once\":null}],\"officeHours\":{\"start\":\"08:30\",\"end\":\"16:30\"}}")
    record CalendarRequest(Boolean flemishPublicBody, List<ClosingDayRequest> closingDays, OfficeHoursRequest officeHours) {
    }

    record ClosingDayRequest(String name, String recurring, LocalDate once) {
    }

    record OfficeHoursRequest(String start, String end) {
    }
}
