package eu.dpaledger.agreement.infrastructure;

import eu.dpaledger.platform.personaldata.ClosedAgreements;
import jakarta.enterprise.context.ApplicationScoped;

/** agreement-service keeps no agreement directory: when its agreements closed comes from its own list. */
@ApplicationScoped
public class ClosedAgreementsFromList extends ClosedAgreements {

    @Override
    protected String sql() {
        return "SELECT agreement_id, updated_at AS closed_at FROM agreement_list WHERE status = 'CLOSED'";
    }
}
