package eu.dpaledger.verifier;

/** The input is not a bundle (or receipts file) of the documented format: the message names what and where. */
final class BundleException extends Exception {

    BundleException(String message) {
        super(message);
    }
}
