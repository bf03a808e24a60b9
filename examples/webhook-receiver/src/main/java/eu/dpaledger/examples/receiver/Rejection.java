package eu.dpaledger.examples.receiver;

/**
 * A request the receiver refused, for its log: the status it answered and why.
 *
 * @param status    the HTTP status answered (400, 401, 405, 500)
 * @param reason    a short explanation, also the answer's body
 * @param webhookId the {@code webhook-id} header, or null when there was none
 */
public record Rejection(int status, String reason, String webhookId) {}
