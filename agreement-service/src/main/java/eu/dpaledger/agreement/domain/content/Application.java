package eu.dpaledger.agreement.domain.content;

/** A software application used for the processing (annex 1, e.g. Hoplr, Notula, Matomo). */
public record Application(String name, String activity, String storage, String transfer, String access) {
}
