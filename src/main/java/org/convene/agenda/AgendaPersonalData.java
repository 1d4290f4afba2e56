package org.convene.agenda;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The agenda's part of a person's data. When the account goes, each place it held goes to the first person waiting
 * (who is told, as when anyone removes a session), by the same rule as {@link AgendaService#remove}.
 */
@Component
class AgendaPersonalData implements PersonalDataSection {

    private final AgendaPersonalDataQueries queries;
    private final AgendaService agenda;

    AgendaPersonalData(AgendaPersonalDataQueries queries, AgendaService agenda) {
        this.queries = queries;
        this.agenda = agenda;
    }

    @Override
    public String name() {
        return "agenda";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return queries.tables(userId);
    }

    @Override
    public void forget(long userId) {
        queries.removeEverywhere(userId).forEach(agenda::fillFreePlaces);
    }
}
