package eu.dpaledger.platform.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a webhook URL's host to its addresses (blocking: called off the event loop). */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
